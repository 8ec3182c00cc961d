import itertools

from django import forms
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from core import choices
from core.forms import PersonForm, no_control_characters
from events.domain.registration import DELEGATE_DETAILS, NEWSLETTER_OPT_IN
from events.domain.waiting_list import overlaps
from events.enums import SPOKEN_LANGUAGES


class SessionChoiceField(choices.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple
    default_error_messages = {
        "invalid_choice": _("Choose sessions from this conference's list."),
        "invalid_pk_value": _("Choose sessions from this conference's list."),
    }
    #: The queryset's sessions, when the view has loaded them already: a choice is
    #: checked against them rather than asked of the database again.
    offered = None

    def _check_values(self, value):
        if self.offered is None:
            return super()._check_values(value)
        by_id = {session.pk: session for session in self.offered}
        chosen = {choices.row_id(item) for item in value}
        for item in value:
            if choices.row_id(item) not in by_id:
                raise forms.ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": item},
                )
        return [session for session in self.offered if session.pk in chosen]


class RegistrationForm(PersonForm):
    """What a delegate tells us. No account: the email address is the key."""

    country = CountryField().formfield(
        label=_("Country"), error_messages={"required": _("Choose your country.")}
    )
    position = forms.CharField(
        label=_("Position"), max_length=200, required=False, validators=[no_control_characters]
    )
    interpretation = forms.MultipleChoiceField(
        label=_("Interpretation you need"),
        choices=SPOKEN_LANGUAGES,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Languages you need sessions interpreted into, if any."),
    )
    accessibility_needs = forms.CharField(
        label=_("Accessibility needs"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        validators=[no_control_characters],
        help_text=_("For example step-free access, sign language or large print."),
    )
    dietary_needs = forms.CharField(
        label=_("Dietary needs"),
        max_length=300,
        required=False,
        validators=[no_control_characters],
    )
    sessions = SessionChoiceField(
        label=_("Sessions that need registration"), queryset=None, required=False
    )
    consent = forms.BooleanField(
        label=_("I have read the privacy notice and agree to it."),
        error_messages={"required": _("Tick this box to agree to the privacy notice.")},
    )
    newsletter_opt_in = forms.BooleanField(
        label=NEWSLETTER_OPT_IN,
        required=False,
    )

    def __init__(self, *args, conference, sessions, organisations, titles, offered=None, **kwargs):
        super().__init__(*args, organisations=organisations, **kwargs)
        self.conference = conference
        #: {session pk: title in the visitor's language}
        self.titles = titles
        self.fields["sessions"].queryset = sessions
        self.fields["sessions"].offered = offered

    def clean(self):
        cleaned = super().clean()
        chosen = list(cleaned.get("sessions") or [])
        problems = session_choice_problems(chosen, cleaned.get("organisation"), self.titles)
        for problem in problems:
            self.add_error("sessions", problem)
        return cleaned

    def details(self):
        """The registration's fields, as the domain takes them."""
        data = self.cleaned_data
        names = [*DELEGATE_DETAILS, "newsletter_opt_in"]
        details = {name: data[name] for name in names}
        if details["organisation"]:
            details["organisation_name"] = ""
        return details


def session_choice_problems(sessions, organisation, titles):
    """What is wrong with a set of chosen sessions, one message each."""

    def title(session):
        return titles.get(session.pk, session.title)

    problems = []
    for session in sessions:
        if session.is_cancelled:
            problems.append(
                _("“%(session)s” is cancelled: untick it.") % {"session": title(session)}
            )
        elif session.members_only and not (organisation and organisation.is_member):
            problems.append(
                _(
                    "“%(session)s” is for delegates of member organisations only. Untick it; "
                    "if you think you should attend, write to the organisers."
                )
                % {"session": title(session)}
            )
    ordered = sorted(sessions, key=lambda s: (s.start, s.pk))
    for first, second in itertools.combinations(ordered, 2):
        if overlaps(first, second):
            problems.append(
                _("“%(first)s” and “%(second)s” overlap: choose one of them.")
                % {"first": title(first), "second": title(second)}
            )
    return problems
