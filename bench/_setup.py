"""Shared set-up for benchmarks: Django on a throwaway test database with the demo."""

import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "site"), str(ROOT)]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")


def django_with_demo():
    import django

    django.setup()
    from django.db import connection
    from django.test.utils import setup_test_environment

    setup_test_environment()
    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    from core.demo.loader import DemoLoader

    DemoLoader(log=lambda *a: None).run()


def timed(function, repeat=15, warmup=2):
    """Median seconds per call: the median resists the noise of a shared machine."""
    for _ in range(warmup):
        function()
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def print_table(title, rows):
    print(f"\n{title}")
    width = max(len(row[0]) for row in rows)
    print(f"{'measure':<{width}}  {'ms':>8}  {'baseline ms':>11}  {'ratio':>6}  target")
    for name, value, baseline, target in rows:
        print(
            f"{name:<{width}}  {value * 1000:8.2f}  {baseline * 1000:11.2f}  "
            f"{value / baseline:6.2f}  {target}"
        )


def conference_with_sessions(count, slug):
    """A live conference beside the demo's, with `count` sessions spread over its days."""
    import datetime

    from core.models import Person
    from events.models import ConferencePage, SessionPage, SessionSpeaker

    source = ConferencePage.objects.get(locale__language_code="en", acronym="oidp13")
    conference = ConferencePage(
        title=f"Bench {slug}",
        slug=slug,
        edition=100 + count,
        acronym=slug.replace("-", "_"),
        start_date=source.start_date,
        end_date=source.end_date,
        time_zone="Europe/Lisbon",
    )
    source.get_parent().add_child(instance=conference)
    people = list(Person.objects.filter(locale__language_code="en"))
    start = datetime.datetime.combine(source.start_date, datetime.time(8), tzinfo=conference.zone)
    for n in range(count):
        slot = start + datetime.timedelta(minutes=10 * (n % 80), days=n // 80 % 4)
        conference.add_child(
            instance=SessionPage(
                title=f"Session {n}",
                slug=f"session-{n}",
                kind="parallel",
                start=slot,
                end=slot + datetime.timedelta(minutes=45),
                abstract="A session of the benchmark programme.",
                languages=["en"],
                track=f"Track {n % 4}",
                speakers=[SessionSpeaker(person=people[n % len(people)], role="speaker")],
            )
        )
    return conference


def record(benchmark, rows):
    """Hand rows to `bench/run.py` (make bench), which prints them in one table and
    writes bench/results.json. Each row: (measure, figure, baseline, target, unit); the
    ratio is figure / baseline, both measured in the same run."""
    import json

    path = os.environ.get("XARXA_BENCH_RESULTS")
    if not path:
        return
    with open(path, "a", encoding="utf-8") as out:
        for measure, figure, baseline, target, unit in rows:
            out.write(
                json.dumps(
                    {
                        "benchmark": benchmark,
                        "measure": measure,
                        "figure": figure,
                        "baseline": baseline,
                        "ratio": figure / baseline if baseline else None,
                        "unit": unit,
                        "target": target,
                    }
                )
                + "\n"
            )
