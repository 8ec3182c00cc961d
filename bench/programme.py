"""Programme and export render times at 30, 300 and 1,000 sessions, against a
StandardPage render, with the page cache off (what the first reader after an edit
waits); how they grow from 300 to 1,000 sessions and the garbage collector's share at
1,000; and the page cache's copy of the 300-session programme, served from a
redis-server the bench starts, against rendering it.

Pages are rendered as a gunicorn worker renders them: without Django's test
instrumentation (which keeps a copy of every template's context), and with the garbage
collector as config.wsgi leaves it (config.collector: what is loaded frozen, young
collections every 50,000 allocations).

Run with `make bench` (or `.venv/bin/python bench/programme.py`).
"""

import gc
import time

from _setup import conference_with_sessions, django_with_demo, print_table, record, timed
from _stack import redis_server

ROUTES = ("programme/", "speakers/", "schedule.xml", "schedule.json", "calendar.ics")


class CollectorClock:
    """Seconds the garbage collector ran while `active`, through gc.callbacks."""

    def __init__(self):
        self.total, self.started, self.active = 0.0, None, False
        gc.callbacks.append(self.callback)

    def callback(self, phase, _info):
        if phase == "start":
            self.started = time.perf_counter()
        elif self.active and self.started is not None:
            self.total += time.perf_counter() - self.started


def main():
    django_with_demo()
    from django.test import Client
    from django.test.utils import teardown_test_environment

    from config import collector
    from core.models import StandardPage

    teardown_test_environment()
    client = Client()
    small = conference_with_sessions(30, "bench-30")
    large = conference_with_sessions(300, "bench-300")
    huge = conference_with_sessions(1000, "bench-1000")
    about = StandardPage.objects.get(locale__language_code="en", slug="about")
    # As a worker's start: the site loaded, then config.collector.
    client.get(about.url)
    collector.tune()

    def get(url):
        return lambda: client.get(url)

    baseline = timed(get(about.url))
    rows, times = [], {}
    clock = CollectorClock()
    sizes = (("30 sessions", small, 15), ("300 sessions", large, 15),
             ("1,000 sessions", huge, 7))  # fmt: skip
    for label, conference, repeat in sizes:
        for route in ROUTES:
            collected = label.startswith("1,000")
            clock.total, clock.active = 0.0, collected
            started = time.perf_counter()
            times[route, label] = timed(get(conference.url + route), repeat=repeat)
            clock.active = False
            if collected:
                # Means over every call timed() makes (2 warm-up calls besides the
                # measured ones): a full collection comes every few requests, not each.
                calls = repeat + 2
                times[route, "gc"] = clock.total / calls
                times[route, "mean"] = (time.perf_counter() - started) / calls
            rows.append(
                (
                    f"{route} {label}",
                    times[route, label],
                    baseline,
                    "flat queries (pretalx: bench/peers/pretalx)" if label != "30 sessions" else "",
                )
            )
    print_table("Programme and exports vs a StandardPage render (same run)", rows)
    record("programme", [(name, value, base, target, "s") for name, value, base, target in rows])

    growth = [
        (
            f"{route} 1,000 vs 300 sessions",
            times[route, "1,000 sessions"],
            times[route, "300 sessions"],
            "reported (3.33x the sessions)",
        )
        for route in ROUTES
    ]
    collected = [
        (
            f"garbage collector, {route} 1,000 sessions vs the request (means)",
            times[route, "gc"],
            times[route, "mean"],
            "reported",
        )
        for route in ROUTES
    ]
    print_table("Growth from 300 to 1,000 sessions (same run)", growth)
    print_table("The garbage collector's share at 1,000 sessions (same run)", collected)
    record("programme", [(n, value, base, target, "s") for n, value, base, target in growth])
    record("programme", [(n, value, base, target, "s") for n, value, base, target in collected])

    # The page cache as production runs it for anonymous readers: its copies in a real
    # redis-server through django-redis (settings.base.redis_caches, page copies in a
    # database of their own), so a copy pays the loopback round trip and the unpickling.
    # The render it is compared with runs under the same caches, with the page cache off.
    from django.test import override_settings
    from django_redis import get_redis_connection

    from config.settings.base import redis_caches

    programme = large.url + "programme/"
    with redis_server() as url:
        redis_settings = override_settings(
            CACHES=redis_caches(url, pages_url=url.rsplit("/", 1)[0] + "/1")
        )
        with redis_settings, override_settings(XARXA_PAGE_CACHE_SECONDS=0):
            rendered = timed(get(programme))
        with redis_settings, override_settings(XARXA_PAGE_CACHE_SECONDS=300):
            assert client.get(programme)["X-Xarxa-Cache"] == "miss"
            copy = timed(get(programme))
            assert client.get(programme)["X-Xarxa-Cache"] == "hit"
            # The copy came from that server: its database holds it (and the generation).
            stored = get_redis_connection("pages").dbsize()
            assert stored >= 2, stored
    cache_rows = [
        ("programme/ 300 sessions, page cache copy from Redis", copy, rendered, "well under 0.1")
    ]
    print_table("The page cache (redis-server) vs rendering the same programme (same run)",
                cache_rows)  # fmt: skip
    record("programme", [(n, value, base, target, "s") for n, value, base, target in cache_rows])

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries(url):
        with CaptureQueriesContext(connection) as captured:
            client.get(url)
        return len(captured)

    counts = [
        (
            f"queries, {route} {label} vs 30 sessions",
            queries(conference.url + route),
            queries(small.url + route),
            "1.00 (flat)",
            "queries",
        )
        for label, conference in (("300", large), ("1,000", huge))
        for route in ROUTES
    ]
    for name, many, few, target, _unit in counts:
        print(f"{name}: {many} vs {few} (target {target})")
    record("programme", counts)


if __name__ == "__main__":
    main()
