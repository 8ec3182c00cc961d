"""The iCalendar feeds: network, conference and session, each in its URL's language."""

from django.db.models import Q
from django.utils.translation import gettext as _

from core import extensions
from core.domain import calendar
from core.domain.calendar import sources
from core.feeds import Rows, calendar_response, translation_sources
from core.models import Person
from events.domain.calendar_items import (
    conference_item,
    external_event_item,
    feed_sessions,
    session_items,
)
from events.enums import SessionStatus
from events.models import ConferencePage, EventPage, Room, SessionPage, SessionSpeaker, Venue


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
