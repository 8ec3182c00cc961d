"""Programme render time at 30 and 300 sessions, against a StandardPage render.

Run with `make bench` (or `.venv/bin/python bench/programme.py`).
"""

import datetime

from _setup import django_with_demo, print_table, timed


def conference_with(sessions, people, source):
    from events.models import ConferencePage, SessionPage, SessionSpeaker

    conference = ConferencePage(
        title=f"Bench {sessions}",
        slug=f"bench-{sessions}",
        edition=100 + sessions,
        acronym=f"bench{sessions}",
        start_date=source.start_date,
        end_date=source.end_date,
        time_zone="Europe/Lisbon",
    )
    source.get_parent().add_child(instance=conference)
    start = datetime.datetime.combine(source.start_date, datetime.time(9), tzinfo=conference.zone)
    for n in range(sessions):
        slot = start + datetime.timedelta(minutes=15 * (n % 40), days=n // 40 % 4)
        conference.add_child(
            instance=SessionPage(
                title=f"Session {n}",
                slug=f"session-{n}",
                kind="parallel",
                start=slot,
                end=slot + datetime.timedelta(minutes=15),
                abstract="A session of the benchmark programme.",
                languages=["en"],
                track=f"Track {n % 4}",
                speakers=[SessionSpeaker(person=people[n % len(people)], role="speaker")],
            )
        )
    return conference


def main():
    django_with_demo()
    from django.test import Client

    from core.models import Person, StandardPage
    from events.models import ConferencePage

    client = Client()
    source = ConferencePage.objects.get(locale__language_code="en", acronym="oidp13")
    people = list(Person.objects.filter(locale__language_code="en"))
    small = conference_with(30, people, source)
    large = conference_with(300, people, source)
    about = StandardPage.objects.get(locale__language_code="en", slug="about")

    def get(url):
        return lambda: client.get(url)

    baseline = timed(get(about.url))
    rows = []
    for label, conference in (("30 sessions", small), ("300 sessions", large)):
        for route in ("programme/", "speakers/", "schedule.xml", "schedule.json"):
            rows.append(
                (
                    f"{route} {label}",
                    timed(get(conference.url + route)),
                    baseline,
                    "flat queries; 300 well under pretalx's 1.3 s" if "300" in label else "",
                )
            )
    print_table("Programme and exports vs a StandardPage render (same run)", rows)


if __name__ == "__main__":
    main()
