"""A conference feed of 1,000 sessions against icalendar alone serializing the same
1,000 prebuilt events, and the 304 paths of the feed, schedule.xml and schedule.json
against the full answers, in one run (the page cache off: the views' own 304s)."""

from _setup import conference_with_sessions, django_with_demo, print_table, record, timed

SESSIONS = 1000


def main():
    django_with_demo()
    from django.test import Client
    from django.utils import timezone
    from icalendar import Calendar, Event

    from events.models import SessionPage

    conference = conference_with_sessions(SESSIONS, "feed-bench")
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
    exports = {}
    for export in ("schedule.xml", "schedule.json"):
        schedule = conference.url + export
        schedule_etag = client.get(schedule)["ETag"]
        exports[export] = (
            timed(lambda: client.get(schedule), repeat=9),  # noqa: B023 (called at once)
            timed(lambda: client.get(schedule, HTTP_IF_NONE_MATCH=schedule_etag), repeat=9),  # noqa: B023
        )
    rows = [
        (f"feed of {SESSIONS} sessions vs bare icalendar serialize", full, bare, "at most 1.5"),
        ("304 path vs full feed", not_modified, full, "at most 0.05"),
        *(
            (f"{export} 304 path vs full {export}", not_modified, full_export, "at most 0.05")
            for export, (full_export, not_modified) in exports.items()
        ),
    ]
    print_table(f"Calendar feed with {SESSIONS} sessions (same run)", rows)
    record("feeds", [(name, value, base, target, "s") for name, value, base, target in rows])


if __name__ == "__main__":
    main()
