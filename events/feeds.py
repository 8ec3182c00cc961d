"""The iCalendar feeds: network, conference and session, each in its URL's language."""

import datetime
import hashlib
from functools import lru_cache

from django.conf import settings
from django.db import models
from django.db.models import Count, Max, Prefetch, Q, Sum
from django.http import HttpResponse
from django.utils import translation
from django.utils.cache import get_conditional_response
from django.utils.http import http_date, quote_etag
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Locale

from core import extensions
from core.models import Person
from events.domain import calendar
from events.domain.programme import LANGUAGE_NAMES
from events.enums import SessionKind, SessionStatus
from events.models import ConferencePage, EventPage, Room, SessionPage, SessionSpeaker, Venue


def sources(model, pages):
    """translation_key -> (pk, sequence) of the default-language page, in one query.

    UIDs and SEQUENCE come from the source page so that every language's feed
    describes the same event in the same version.
    """
    keys = [page.translation_key for page in pages]
    rows = model.objects.filter(translation_key__in=keys, locale=Locale.get_default())
    return {
        key: (pk, sequence)
        for key, pk, sequence in rows.values_list("translation_key", "pk", "sequence")
    }


def source_of(page, found):
    return found.get(page.translation_key, (page.pk, page.sequence))


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


class Rows:
    """Rows a feed is written from that keep no date (venues, rooms, people): their
    written columns, hashed, are part of the ETag, so renaming a room changes it."""

    def __init__(self, queryset, *fields):
        self.queryset = queryset.order_by("pk").values_list("pk", *fields)

    def state(self):
        return hashlib.sha256(repr(list(self.queryset)).encode()).hexdigest()


def _state(source):
    """What the ETag is made of: for a page already loaded (the one being served) from
    the page itself, for a queryset of pages from one aggregate query."""
    if isinstance(source, Rows):
        return {"rows": source.state(), "latest": None}
    if isinstance(source, models.Model):
        sequence = getattr(source, "sequence", 0)
        return {"count": 1, "latest": source.last_published_at, "sequence": sequence}
    aggregates = {"count": Count("pk"), "latest": Max("last_published_at")}
    if hasattr(source.model, "sequence"):  # a working group has none
        aggregates["sequence"] = Sum("sequence")
    return source.aggregate(**aggregates)


def source_pages(pages):
    """The default-language pages of `pages` (a queryset): every language's feed writes
    their pk and SEQUENCE, which change before a translation is synchronised."""
    return pages.model.objects.filter(
        translation_key__in=pages.values("translation_key"),
        locale__language_code=settings.LANGUAGE_CODE,
    )


def translation_sources(page, *pages):
    """source_pages of each queryset in `pages`, for a feed served from `page`; none when
    `page` is in the default language, whose pages are their own sources."""
    if page.locale_id == Locale.get_default().pk:
        return []
    return [source_pages(queryset) for queryset in pages]


def session_dependencies(sessions, venues):
    """What session items are written from besides the session pages (a queryset): their
    rooms, the rooms' venues and `venues` (the conferences' own), and their speakers."""
    rooms = Room.objects.filter(pk__in=sessions.values("room_id"))
    places = Venue.objects.filter(Q(pk__in=rooms.values("venue_id")) | Q(pk__in=venues))
    speakers = SessionSpeaker.objects.filter(session__in=sessions).values("person_id")
    return [
        Rows(rooms, "name", "venue_id"),
        Rows(places, "name", "address", "latitude", "longitude"),
        Rows(Person.objects.filter(pk__in=speakers), "name"),
    ]


def calendar_response(request, sources, build, *, filename):
    """A feed with ETag and Last-Modified; a conditional GET is answered before `build`.
    `sources` are what the feed is written from: querysets of pages, the served page,
    and `Rows` of the snippets it shows."""
    cache_control = f"public, max-age={int(calendar.REFRESH.total_seconds())}"
    response = conditional_response(
        request,
        sources,
        build,
        content_type="text/calendar; charset=utf-8",
        cache_control=cache_control,
    )
    if response.status_code == 200:
        response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def conditional_response(request, sources, build, *, content_type, cache_control=None):
    """An export with ETag and Last-Modified, answered 304 before `build` when the client
    holds the current one. `sources` are what it is written from (see calendar_response).

    Only the ETag decides a 304: Last-Modified comes from the pages alone, and a venue
    renamed since would be answered 304 to an If-Modified-Since."""
    state = [_state(source) for source in sources]
    latest = max((s["latest"] for s in state if s["latest"]), default=None)
    digest = hashlib.sha256(repr((get_language(), content_type, state)).encode()).hexdigest()
    etag = quote_etag(digest[:32])
    not_modified = get_conditional_response(request, etag=etag)
    if not_modified is not None:
        if cache_control:
            not_modified["Cache-Control"] = cache_control
        return not_modified
    response = HttpResponse(build(), content_type=content_type)
    response["ETag"] = etag
    if latest:
        response["Last-Modified"] = http_date(int(latest.timestamp()))
    if cache_control:
        response["Cache-Control"] = cache_control
    return response


def conference_sources(conference):
    """What a conference's feed and its schedule exports are written from."""
    scheduled = _scheduled_or_recent(SessionPage.objects.child_of(conference))
    return [
        conference,
        scheduled,
        *session_dependencies(scheduled, [conference.venue_id]),
        *translation_sources(
            conference, ConferencePage.objects.filter(pk=conference.pk), scheduled
        ),
    ]


def _scheduled_or_recent(queryset):
    return queryset.live().public()


def conference_feed(request, conference):
    sessions_qs = SessionPage.objects.child_of(conference)

    def build():
        found = sources(ConferencePage, [conference])
        items = [conference_item(conference, found, request)]
        items += session_items(feed_sessions(sessions_qs), {conference.path: conference}, request)
        return calendar.build(
            items,
            name=conference.title,
            description=conference.theme or conference.intro,
        )

    return calendar_response(
        request, conference_sources(conference), build, filename=f"{conference.acronym}.ics"
    )


def session_feed(request, session):
    session_qs = SessionPage.objects.filter(pk=session.pk)

    def build():
        conference = session.get_parent().specific  # not needed for a 304
        items = session_items(feed_sessions(session_qs), {conference.path: conference}, request)
        return calendar.build(items, name=session.title, description=conference.title)

    # Its conference gives the description, the URL, the time zone and, without a room,
    # the venue.
    conference_qs = ConferencePage.objects.filter(path=session.path[: -session.steplen])
    return calendar_response(
        request,
        [
            session,
            conference_qs,
            *session_dependencies(session_qs, conference_qs.values("venue_id")),
            *translation_sources(session, session_qs),
        ],
        build,
        filename=f"{session.slug}.ics",
    )


def network_feed(request, home):
    locale = home.locale
    conferences_qs = ConferencePage.objects.live().public().filter(locale=locale)
    sessions_qs = SessionPage.objects.live().public().filter(locale=locale)
    events_qs = EventPage.objects.live().public().filter(locale=locale)

    def build():
        conferences = {c.path: c for c in conferences_qs.select_related("venue")}
        conference_sources = sources(ConferencePage, conferences.values())
        items = [conference_item(c, conference_sources, request) for c in conferences.values()]
        items += session_items(
            [s for s in feed_sessions(sessions_qs) if s.path[: -s.steplen] in conferences],
            conferences,
            request,
        )
        events = list(events_qs)
        event_sources = sources(EventPage, events)
        items += [external_event_item(e, event_sources, request) for e in events]
        items += extensions.network_calendar_items(locale, request)
        return calendar.build(
            items,
            name=home.network_name,
            description=_("Conferences, sessions, meetings and events of the network."),
        )

    return calendar_response(
        request,
        [
            conferences_qs,
            sessions_qs,
            *session_dependencies(sessions_qs, conferences_qs.values("venue_id")),
            events_qs,
            *extensions.network_calendar_sources(home),
            *translation_sources(home, conferences_qs, sessions_qs, events_qs),
        ],
        build,
        filename="network.ics",
    )


__all__ = ["SessionStatus", "conference_feed", "network_feed", "session_feed"]
