"""What the calendars say about conferences, sessions and external events: one
CalendarItem each, written in the reader's language with the source page's UID and
SEQUENCE, for the feeds and for the invitations delegates receive."""

import datetime
from functools import lru_cache

from django.db.models import Prefetch
from django.utils import translation
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Locale

from core.domain import calendar
from core.domain.calendar import source_of, sources
from events.domain.programme import LANGUAGE_NAMES
from events.enums import SessionKind
from events.models import ConferencePage, SessionPage, SessionSpeaker


def venue_location(room, venue):
    parts = [room.name if room else "", venue.name if venue else ""]
    if venue:
        parts.append(", ".join(line.strip() for line in venue.address.splitlines() if line.strip()))
    return ", ".join(part for part in parts if part)


def venue_geo(venue):
    if venue and venue.latitude is not None and venue.longitude is not None:
        return (float(venue.latitude), float(venue.longitude))
    return None


@lru_cache(maxsize=16)
def labels(language):
    """The words a feed repeats for every session, translated once per language: in a feed
    of a thousand sessions, gettext per session costs a quarter of the time."""
    with translation.override(language):
        return {
            "speakers": _("Speakers: %(names)s"),
            "languages": _("Languages: %(names)s"),
            "cancelled": _("Cancelled: %(reason)s"),
            "kinds": {kind: str(label) for kind, label in SessionKind.choices},
            "language_names": {code: str(name) for code, name in LANGUAGE_NAMES.items()},
        }


def session_item(session, conference, conference_url, found):
    identifier, sequence = source_of(session, found)
    words = labels(get_language() or "en")
    zone = conference.zone
    venue = session.room.venue if session.room_id else conference.venue
    lines = [session.abstract]
    people = [speaker.person.name for speaker in session.speakers.all()]
    if people:
        lines.append(words["speakers"] % {"names": ", ".join(people)})
    if session.languages:
        names = words["language_names"]
        languages = ", ".join(names.get(code, code) for code in session.languages)
        lines.append(words["languages"] % {"names": languages})
    if session.is_cancelled and session.status_note:
        lines.insert(0, words["cancelled"] % {"reason": session.status_note})
    return calendar.CalendarItem(
        uid=calendar.uid("session", identifier),
        summary=session.title,
        start=session.start.astimezone(zone),
        end=session.end.astimezone(zone),
        url=f"{conference_url}{session.slug}/",
        description="\n".join(lines),
        location=venue_location(session.room, venue),
        geo=venue_geo(venue),
        categories=[words["kinds"].get(session.kind, session.kind), session.track],
        cancelled=session.is_cancelled,
        sequence=sequence,
        last_modified=session.last_published_at,
    )


def conference_item(conference, found, request):
    identifier, sequence = source_of(conference, found)
    return calendar.CalendarItem(
        uid=calendar.uid("conference", identifier),
        summary=conference.title,
        start=conference.start_date,
        end=conference.end_date + datetime.timedelta(days=1),
        url=conference.get_full_url(request),
        description=" ".join(part for part in (conference.theme, conference.intro) if part),
        location=venue_location(None, conference.venue),
        geo=venue_geo(conference.venue),
        categories=[_("Network conference")],
        sequence=sequence,
        last_modified=conference.last_published_at,
    )


def external_event_item(event, found, request):
    identifier, sequence = source_of(event, found)
    return calendar.CalendarItem(
        uid=calendar.uid("event", identifier),
        summary=event.title,
        start=event.start_date,
        end=event.end_date + datetime.timedelta(days=1),
        url=event.get_full_url(request),
        description=f"{event.intro}\n{event.organiser}",
        location=f"{event.city}, {event.country.name}",
        categories=[_("External event"), event.get_network_role_display()],
        sequence=sequence,
        last_modified=event.last_published_at,
    )


def feed_sessions(queryset):
    speakers = SessionSpeaker.objects.select_related("person").order_by("sort_order")
    return (
        queryset.live()
        .public()
        .select_related("room__venue")
        .prefetch_related(Prefetch("speakers", queryset=speakers))
        # Only what the feed writes: a page row is wide and a feed may hold thousands.
        .only(*FEED_FIELDS)
        .order_by("start")
    )


FEED_FIELDS = (
    "id",
    "path",
    "depth",
    "title",
    "slug",
    "translation_key",
    "locale_id",
    "live",
    "last_published_at",
    "kind",
    "start",
    "end",
    "room",
    "languages",
    "track",
    "status",
    "status_note",
    "abstract",
    "sequence",
    "room__name",
    "room__venue__name",
    "room__venue__address",
    "room__venue__latitude",
    "room__venue__longitude",
)


def session_items(sessions, conferences, request):
    """Items for sessions whose conferences are in `conferences` (keyed by tree path)."""
    sessions = [s for s in sessions if calendar.keep_in_feed(s.is_cancelled, s.last_published_at)]
    found = sources(SessionPage, sessions)
    urls = {path: conference.get_full_url(request) for path, conference in conferences.items()}
    items = []
    for session in sessions:
        parent_path = session.path[: -session.steplen]
        items.append(session_item(session, conferences[parent_path], urls[parent_path], found))
    return items


def delegate_items(sessions, language):
    """Calendar items for (default-language) sessions, written in the delegate's language."""
    if not sessions:
        return []
    keys = [session.translation_key for session in sessions]
    wanted = Locale.objects.filter(language_code=language).values_list("pk", flat=True).first()
    chosen = {}
    for session in feed_sessions(SessionPage.objects.filter(translation_key__in=keys)):
        if session.locale_id == wanted or session.translation_key not in chosen:
            chosen[session.translation_key] = session
    parents = {session.path[: -session.steplen] for session in chosen.values()}
    conferences = {c.path: c for c in ConferencePage.objects.filter(path__in=parents)}
    return session_items([chosen[key] for key in keys if key in chosen], conferences, None)
