"""A conference feed of 1,000 sessions against icalendar alone serializing the same
1,000 prebuilt events, and the 304 path against the full feed, in one run."""

import datetime

from _setup import django_with_demo, print_table, timed

SESSIONS = 1000


def main():
    django_with_demo()
    from django.test import Client
    from django.utils import timezone
    from icalendar import Calendar, Event

    from core.models import Person
    from events.models import ConferencePage, SessionPage, SessionSpeaker

    source = ConferencePage.objects.get(locale__language_code="en", acronym="oidp13")
    conference = ConferencePage(
        title="Feed bench",
        slug="feed-bench",
        edition=200,
        acronym="feedbench",
        start_date=source.start_date,
        end_date=source.end_date,
        time_zone="Europe/Lisbon",
    )
    source.get_parent().add_child(instance=conference)
    people = list(Person.objects.filter(locale__language_code="en"))
    start = datetime.datetime.combine(source.start_date, datetime.time(8), tzinfo=conference.zone)
    for n in range(SESSIONS):
        slot = start + datetime.timedelta(minutes=10 * (n % 80), days=n // 80 % 4)
        conference.add_child(
            instance=SessionPage(
                title=f"Session {n}",
                slug=f"session-{n}",
                kind="parallel",
                start=slot,
                end=slot + datetime.timedelta(minutes=45),
                abstract="A benchmark session.",
                languages=["en"],
                track="Bench",
                speakers=[SessionSpeaker(person=people[n % len(people)], role="speaker")],
            )
        )
    SessionPage.objects.child_of(conference).update(last_published_at=timezone.now())
    client = Client()
    url = conference.url + "calendar.ics"
    response = client.get(url)
    etag = response["ETag"]

    # The floor: icalendar alone, events already built, same fields.
    prebuilt = Calendar()
    prebuilt.add("prodid", "-//bench//EN")
    prebuilt.add("version", "2.0")
    for session in SessionPage.objects.child_of(conference).select_related("room__venue"):
        event = Event()
        event.add("uid", f"session-{session.pk}@bench")
        event.add("dtstamp", session.last_published_at)
        event.add("summary", session.title)
        event.add("dtstart", session.start.astimezone(conference.zone))
        event.add("dtend", session.end.astimezone(conference.zone))
        event.add("description", session.abstract)
        event.add("url", f"http://testserver{conference.url}{session.slug}/")
        prebuilt.add_component(event)
    prebuilt.add_missing_timezones()

    full = timed(lambda: client.get(url), repeat=9)
    bare = timed(prebuilt.to_ical, repeat=9)
    not_modified = timed(lambda: client.get(url, HTTP_IF_NONE_MATCH=etag), repeat=9)
    print_table(
        f"Calendar feed with {SESSIONS} sessions (same run)",
        [
            ("feed vs bare icalendar serialize", full, bare, "at most 1.5"),
            ("304 path vs full feed", not_modified, full, "at most 0.05"),
        ],
    )


if __name__ == "__main__":
    main()
