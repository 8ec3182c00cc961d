"""The admin's form for session pages, which the page model names: kept apart from the
public forms, which use the registration rules, so that the models import no rule."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from events.domain.validation import session_errors


class SessionPageForm(WagtailAdminPageForm):
    """Times are typed and shown in the conference's zone, not the server's or the
    editor's, so "16:00" means 16:00 in Cascais."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.conference = self.parent_page.specific if self.parent_page else None
        if self.conference is None:
            return
        zone = self.conference.zone
        for name in ("start", "end"):
            if name not in self.fields:
                continue
            value = self.initial.get(name)
            if isinstance(value, datetime.datetime) and timezone.is_aware(value):
                # Naive values are shown as they are, so this is the conference's wall time.
                self.initial[name] = timezone.localtime(value, zone).replace(tzinfo=None)
            self.fields[name].help_text = _("In the conference's time zone, %(zone)s.") % {
                "zone": self.conference.time_zone
            }

    def full_clean(self):
        if getattr(self, "conference", None) is None:
            return super().full_clean()
        with timezone.override(self.conference.zone):
            return super().full_clean()

    def clean(self):
        cleaned = super().clean()
        for name, message in session_errors(
            cleaned.get("start"), cleaned.get("end"), self.conference
        ).items():
            if name not in self.errors:
                self.add_error(name, message)
        if cleaned.get("status") in {"cancelled", "moved"} and not cleaned.get("status_note"):
            self.add_error(
                "status_note", _("Tell delegates why it is cancelled, or where it moved.")
            )
        if cleaned.get("capacity") and not cleaned.get("registration_required"):
            self.add_error(
                "registration_required",
                _("A capacity only counts when registration is required: tick this box."),
            )
        return cleaned
