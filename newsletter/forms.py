from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from core import choices
from newsletter.domain.subscriptions import consent_text
from newsletter.models import Topic


class TopicsField(choices.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, topic):
        return topic.name


def topic_choices(locale):
    return Topic.objects.filter(locale=locale)


class SubscribeForm(forms.Form):
    email = forms.EmailField(
        label=_("Email"),
        max_length=254,
        error_messages={
            "required": _("Write your email address: we send the confirmation link there."),
            "invalid": _("Write a whole email address, such as name@city.org."),
        },
    )
    language = forms.ChoiceField(label=_("Language of the newsletter"), choices=settings.LANGUAGES)
    topics = TopicsField(
        label=_("Topics"),
        queryset=None,
        error_messages={"required": _("Choose at least one topic.")},
    )
    consent = forms.BooleanField(
        error_messages={"required": _("Tick the box to agree, or we cannot send you anything.")},
    )
    #: Hidden from people; bots fill it in.
    website = forms.CharField(label=_("Leave this field empty"), required=False)

    def __init__(self, *args, locale, consent_text="", **kwargs):
        kwargs.setdefault("initial", {"language": locale.language_code})
        super().__init__(*args, **kwargs)
        self.fields["topics"].queryset = topic_choices(locale)
        self.fields["consent"].label = consent_text or self.default_consent()
        self.fields["website"].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})
        self.fields["email"].widget.attrs["autocomplete"] = "email"

    @staticmethod
    def default_consent():
        return consent_text()

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("website"):
            raise forms.ValidationError(
                _("This form could not be sent. Leave the “Leave this field empty” field empty.")
            )
        return cleaned


class PreferencesForm(forms.Form):
    language = forms.ChoiceField(label=_("Language of the newsletter"), choices=settings.LANGUAGES)
    topics = TopicsField(
        label=_("Topics"),
        queryset=None,
        error_messages={
            "required": _("Choose at least one topic, or unsubscribe from everything below.")
        },
    )

    def __init__(self, *args, locale, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topics"].queryset = topic_choices(locale)
