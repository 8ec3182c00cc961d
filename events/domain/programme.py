"""The conference programme: sessions grouped by local day, filtered, and their speakers."""

import datetime
from dataclasses import dataclass, field
from itertools import groupby

from django import forms
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from events.domain.timeslots import LocalSlot, day_label
from events.enums import SPOKEN_LANGUAGES, SessionKind
from events.models import SessionPage, SessionSpeaker

LANGUAGE_NAMES = dict(SPOKEN_LANGUAGES)


def conference_sessions(conference):
    """Every live session of a conference, with what the programme shows, in a fixed
    number of queries however many sessions there are."""
    speakers = SessionSpeaker.objects.select_related("person__organisation").order_by("sort_order")
    return (
        SessionPage.objects.live()
        .public()
        .child_of(conference)
        .select_related("room__venue", "locale")
        .prefetch_related(Prefetch("speakers", queryset=speakers))
        .defer_streamfields()
        .order_by("start", "end", "title")
    )


@dataclass
class SessionView:
    page: object
    slot: LocalSlot
    speakers: list = field(default_factory=list)
    #: The session's address, derived from its conference's (a session's URL path is
    #: its parent's plus its slug), so a long programme does not route every page.
    url: str = ""

    @property
    def kind_label(self):
        return SessionKind(self.page.kind).label

    @property
    def language_labels(self):
        return [LANGUAGE_NAMES.get(code, code) for code in self.page.languages]

    @property
    def interpretation_labels(self):
        return [LANGUAGE_NAMES.get(code, code) for code in self.page.interpretation]

    @property
    def day_label(self):
        return day_label(self.slot.day)

    @property
    def all_languages(self):
        return set(self.page.languages) | set(self.page.interpretation)


def session_view(session, zone, conference_url=None):
    return SessionView(
        page=session,
        slot=LocalSlot.of(session.start, session.end, zone),
        speakers=list(session.speakers.all()),
        url=f"{conference_url}{session.slug}/" if conference_url else session.url,
    )


def session_views(conference, request=None):
    base = conference.get_url(request)
    return [session_view(s, conference.zone, base) for s in conference_sessions(conference)]


@dataclass
class ProgrammeDay:
    date: datetime.date
    sessions: list

    @property
    def label(self):
        return day_label(self.date)

    @property
    def anchor(self):
        return f"day-{self.date.isoformat()}"


def conference_days(conference):
    days = (conference.end_date - conference.start_date).days + 1
    return [conference.start_date + datetime.timedelta(days=n) for n in range(max(days, 0))]


def group_by_day(views):
    return [
        ProgrammeDay(date=day, sessions=list(items))
        for day, items in groupby(views, key=lambda view: view.slot.day)
    ]


def session_days(conference, request=None):
    return group_by_day(session_views(conference, request))


class ProgrammeFilterForm(forms.Form):
    """Plain GET filters, so the programme filters without JavaScript."""

    day = forms.ChoiceField(label=_("Day"), required=False)
    kind = forms.ChoiceField(label=_("Kind"), required=False)
    track = forms.ChoiceField(label=_("Track"), required=False)
    language = forms.ChoiceField(label=_("Language"), required=False)

    def __init__(self, data, *, conference, sessions):
        super().__init__(data)
        self.fields["day"].choices = [("", _("All days"))] + [
            (day.isoformat(), day_label(day)) for day in conference_days(conference)
        ]
        kinds = {view.page.kind for view in sessions}
        self.fields["kind"].choices = [("", _("All kinds"))] + [
            (value, label) for value, label in SessionKind.choices if value in kinds
        ]
        tracks = sorted({view.page.track for view in sessions if view.page.track})
        self.fields["track"].choices = [("", _("All tracks"))] + [(t, t) for t in tracks]
        languages = set().union(*(view.all_languages for view in sessions)) if sessions else set()
        self.fields["language"].choices = [("", _("All languages"))] + [
            (code, name) for code, name in SPOKEN_LANGUAGES if code in languages
        ]

    def apply(self, views):
        if not self.is_valid():
            return views
        wanted = self.cleaned_data
        if wanted["day"]:
            views = [v for v in views if v.slot.day.isoformat() == wanted["day"]]
        if wanted["kind"]:
            views = [v for v in views if v.page.kind == wanted["kind"]]
        if wanted["track"]:
            views = [v for v in views if v.page.track == wanted["track"]]
        if wanted["language"]:
            views = [v for v in views if wanted["language"] in v.all_languages]
        return views

    @property
    def is_filtered(self):
        return self.is_valid() and any(self.cleaned_data.values())


def programme(conference, params, request=None):
    views = session_views(conference, request)
    form = ProgrammeFilterForm(params or None, conference=conference, sessions=views)
    selected = form.apply(views)
    return {
        "filter_form": form,
        "days": group_by_day(selected),
        "session_count": len(selected),
        "total_count": len(views),
    }


@dataclass
class SpeakerEntry:
    person: object
    appearances: list = field(default_factory=list)


def speakers(conference, request=None):
    """Each person speaking or moderating, with their sessions in programme order."""
    entries = {}
    for view in session_views(conference, request):
        for speaker in view.speakers:
            entry = entries.setdefault(speaker.person_id, SpeakerEntry(person=speaker.person))
            entry.appearances.append((speaker, view))
    return sorted(entries.values(), key=lambda entry: entry.person.name.casefold())
