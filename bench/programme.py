"""Programme render time at 30 and 300 sessions, against a StandardPage render.

Run with `make bench` (or `.venv/bin/python bench/programme.py`).
"""

from _setup import conference_with_sessions, django_with_demo, print_table, record, timed


def main():
    django_with_demo()
    from django.test import Client

    from core.models import StandardPage

    client = Client()
    small = conference_with_sessions(30, "bench-30")
    large = conference_with_sessions(300, "bench-300")
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
    record("programme", [(name, value, base, target, "s") for name, value, base, target in rows])

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries(url):
        with CaptureQueriesContext(connection) as captured:
            client.get(url)
        return len(captured)

    counts = [
        (
            f"queries, {route} 300 vs 30 sessions",
            queries(large.url + route),
            queries(small.url + route),
            "1.00 (flat)",
            "queries",
        )
        for route in ("programme/", "speakers/", "schedule.json")
    ]
    for name, many, few, target, _unit in counts:
        print(f"{name}: {many} vs {few} (target {target})")
    record("programme", counts)


if __name__ == "__main__":
    main()
