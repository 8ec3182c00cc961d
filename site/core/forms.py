"""Form parts shared by the public forms that take a person's details."""

import unicodedata

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from core import choices


def no_control_characters(value):
    """Names and notes are shown to people and printed: no invisible control characters."""
    if any(unicodedata.category(char) == "Cc" and char not in "\n\r\t" for char in value):
        raise forms.ValidationError(
            _("Remove the invisible control characters from this field, then send it again.")
        )


class PersonForm(forms.Form):
    """Who someone is (registering for a conference, asking to join a group), with a
    honeypot field. Subclasses add what their purpose needs."""

    name = forms.CharField(
        label=_("Full name"),
        max_length=200,
        validators=[no_control_characters],
        error_messages={"required": _("Write your full name.")},
    )
    email = forms.EmailField(
        label=_("Email"),
        max_length=254,
        help_text=_("We send the confirmation link here."),
        error_messages={
            "required": _("Write your email address: we send the confirmation link there."),
            "invalid": _("Write a whole email address, such as name@city.org."),
        },
    )
    organisation = choices.ModelChoiceField(
        label=_("Organisation"),
        queryset=None,
        required=False,
        empty_label=_("Not in the list: I type it below"),
        error_messages={
            "invalid_choice": _("Choose your organisation from the list, or type its name below.")
        },
    )
    organisation_name = forms.CharField(
        label=_("Organisation, if not in the list"),
        max_length=200,
        required=False,
        validators=[no_control_characters],
    )
    language = forms.ChoiceField(label=_("Language for our emails"), choices=settings.LANGUAGES)
    #: Hidden from people; bots fill it in.
    website = forms.CharField(label=_("Leave this field empty"), required=False)

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        self.fields["website"].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["name"].widget.attrs["autocomplete"] = "name"

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("website"):
            raise forms.ValidationError(
                _("This form could not be sent. Leave the “Leave this field empty” field empty.")
            )
        # No organisation at all is fine, as both fields say ("optional"): someone who
        # comes on their own, or between posts, still registers or asks to join.
        return cleaned
