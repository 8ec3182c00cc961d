import datetime
import zoneinfo

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from core.forms import PersonForm, no_control_characters

#: Fields typed as wall-clock times in the meeting's own zone.
LOCAL_TIMES = ("start", "end")


class MeetingPageForm(WagtailAdminPageForm):
    """Times are typed and shown in the meeting's time zone, so "16:00" with
    America/Sao_Paulo means 16:00 in Porto Alegre, whoever edits it."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        zone = self._zone(self.initial.get("time_zone"))
        for name in LOCAL_TIMES:
            value = self.initial.get(name)
            if zone and isinstance(value, datetime.datetime) and timezone.is_aware(value):
                self.initial[name] = timezone.localtime(value, zone).replace(tzinfo=None)
            if name in self.fields:
                self.fields[name].help_text = _("In the meeting's time zone.")

    @staticmethod
    def _zone(name):
        try:
            return zoneinfo.ZoneInfo(name) if name else None
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            return None

    def clean(self):
        cleaned = super().clean()
        zone = self._zone(cleaned.get("time_zone"))
        if zone:
            for name in LOCAL_TIMES:
                value = cleaned.get(name)
                if isinstance(value, datetime.datetime):
                    # Parsed in the server's zone (UTC): keep the wall time, set the zone.
                    cleaned[name] = value.replace(tzinfo=None).replace(tzinfo=zone)
        return cleaned


class JoinForm(PersonForm):
    motivation = forms.CharField(
        label=_("Why do you want to join?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        validators=[no_control_characters],
        help_text=_("What you or your city would bring to the group, in a few lines."),
        error_messages={
            "required": _("Tell the coordinators in a few lines why you want to join.")
        },
    )
    show_on_page = forms.BooleanField(
        label=_("Show my name and organisation on the group's public page."), required=False
    )
    consent = forms.BooleanField(
        label=_("I have read the privacy notice and agree to it."),
        error_messages={"required": _("Tick this box to agree to the privacy notice.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].help_text = _("The coordinators answer you here.")
