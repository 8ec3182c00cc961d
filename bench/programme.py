"""Programme render time at 30 and 300 sessions, against a StandardPage render; and the
page cache's copy of the 300-session programme, served from a redis-server the bench
starts, against rendering it.

Run with `make bench` (or `.venv/bin/python bench/programme.py`).
"""

from _setup import conference_with_sessions, django_with_demo, print_table, record, timed
from _stack import redis_server


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
                    "flat queries (pretalx: bench/peers/pretalx)" if "300" in label else "",
                )
            )
    print_table("Programme and exports vs a StandardPage render (same run)", rows)
    record("programme", [(name, value, base, target, "s") for name, value, base, target in rows])

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
