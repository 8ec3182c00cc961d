"""Registration through the real HTTP stack: gunicorn (2 sync workers) on a throwaway
PostgreSQL 15 cluster, with Redis and the page cache on as production has them, driven
by a load client on loopback at 1 and 50 concurrent clients. Beside it, measured in the
same run against the same server, the floor: a bare Django view that inserts one row.
Then each one's queries are counted, once, through Django's test client in this
process. Afterwards the database is checked against what the client saw (one
registration per success, no session over capacity).

Run with `make bench` (or `.venv/bin/python bench/registration.py`), as root or as a
user who may run initdb; it installs nothing and leaves nothing behind.
"""

import collections
import statistics
import sys
import threading
import time
from dataclasses import dataclass, field

from _stack import (
    EMAIL_DOMAIN,
    LARGE_CAPACITY,
    SMALL_CAPACITY,
    WORKERS,
    csrf,
    demo_site,
    gunicorn,
    log_problems,
    redis_server,
    registration_form,
    request,
    tail,
)

#: Requests each client sends, by number of concurrent clients: 600 bookings at 50
#: clients give a steady p99, and the whole script stays under 3 minutes on 2 cores.
REQUESTS_PER_CLIENT = {1: 100, 50: 12}
WARM_UP_REQUESTS = 20
#: 50 clients on the 10-seat session: 10 seats, the other 90 waitlisted.
SMALL_REQUESTS_PER_CLIENT = 2
#: Queries one registration POST may make (issue 17).
QUERY_TARGET = 15


def checks(booked, floor_rows):
    """[(description, ok)] comparing the database with the successes the client counted.
    `booked` is {session pk: (successful POSTs, capacity)}."""
    from django.db import connection
    from django.db.models import F

    from core.models import OutboxMessage
    from events.domain.registration import SEATED
    from events.enums import BookingStatus
    from events.models import Booking, Registration, Seats

    registrations = Registration.objects.filter(email__endswith="@" + EMAIL_DOMAIN).count()
    expected = sum(count for count, _capacity in booked.values())
    emails = OutboxMessage.objects.filter(to__endswith="@" + EMAIL_DOMAIN).count()
    results = [
        (f"registrations in the database: {registrations}, successful POSTs: {expected}",
         registrations == expected),
        (f"confirmation emails queued: {emails}", emails == expected),
    ]  # fmt: skip
    for pk, (count, capacity) in booked.items():
        bookings = Booking.objects.filter(session_id=pk)
        seated = bookings.filter(status__in=SEATED).count()
        waiting = bookings.filter(status=BookingStatus.WAITLISTED).count()
        taken = Seats.objects.filter(page_id=pk).values_list("taken", flat=True).first() or 0
        results.append(
            (
                f"session of {capacity} seats: {count} bookings expected, {seated} seated + "
                f"{waiting} waitlisted, seats taken {taken}",
                seated + waiting == count and seated == taken == min(count, capacity),
            )
        )
    over = Seats.objects.filter(capacity__isnull=False, taken__gt=F("capacity")).count()
    results.append((f"sessions over capacity: {over}", over == 0))
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM bench_floor")
        (rows,) = cursor.fetchone()
    results.append((f"floor rows: {rows}, successful POSTs: {floor_rows}", rows == floor_rows))
    return results


# --- the load client --------------------------------------------------------------------


@dataclass
class Result:
    clients: int
    seconds: float = 0.0
    latencies: list = field(default_factory=list)  # of successful requests, seconds
    errors: list = field(default_factory=list)  # a description of each failed one

    @property
    def ok(self):
        return len(self.latencies)

    @property
    def per_second(self):
        return self.ok / self.seconds

    def percentile(self, p):
        if len(self.latencies) < 2:
            return self.latencies[0] if self.latencies else float("nan")
        return statistics.quantiles(self.latencies, n=100, method="inclusive")[p - 1]


def load(port, form_path, target, clients, count, label, session_pk):
    """`clients` threads, each POSTing `count` registrations (for `session_pk`, with unique
    emails) to `target`. Only a 302 counts as a success: the registration form
    answers 200 when it refuses (form errors), so a 200 is no booking."""
    result = Result(clients)
    lock = threading.Lock()
    start = threading.Barrier(clients + 1)

    def client(number):
        try:
            cookie, token = csrf(port, form_path)
        except Exception as error:
            with lock:
                result.errors.append(f"CSRF GET: {error}")
            start.abort()
            return
        headers = {"Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie}
        try:
            start.wait()
        except threading.BrokenBarrierError:  # another client could not start
            return
        for n in range(count):
            body = registration_form(
                token,
                f"Bench Delegate {number}-{n}",
                f"{label}-{number}-{n}@{EMAIL_DOMAIN}",
                session_pk,
            )
            began = time.perf_counter()
            try:
                status, _headers, answer = request(port, "POST", target, body, headers)
            except Exception as error:
                status, answer = None, repr(error).encode()
            elapsed = time.perf_counter() - began
            with lock:
                if status == 302:
                    result.latencies.append(elapsed)
                else:
                    result.errors.append(f"{status}: {answer[:300]!r}")

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for thread in threads:
        thread.start()
    try:
        start.wait()  # every client holds its token: the clock starts now
    except threading.BrokenBarrierError:
        pass
    began = time.perf_counter()
    for thread in threads:
        thread.join()
    result.seconds = time.perf_counter() - began
    return result


# --- the report ----------------------------------------------------------------------


def print_results(title, rows, ratios):
    """rows: [(name, Result)]; ratios: [(name, registration Result, floor Result)]."""
    print(f"\n{title}")
    width = max(len(name) for name, *_ in rows + ratios)
    print(
        f"{'measure':<{width}}  {'clients':>7}  {'ok':>5}  {'errors':>6}  "
        f"{'req/s':>8}  {'p50 ms':>8}  {'p99 ms':>8}"
    )
    for name, r in rows:
        print(
            f"{name:<{width}}  {r.clients:7}  {r.ok:5}  {len(r.errors):6}  "
            f"{r.per_second:8.1f}  {r.percentile(50) * 1000:8.2f}  {r.percentile(99) * 1000:8.2f}"
        )
    for name, registration, floor in ratios:
        # Throughput as registration/floor (below 1: slower); p50 likewise (above 1: slower).
        print(
            f"{name:<{width}}  {registration.clients:7}  {'':5}  {'':6}  "
            f"{registration.per_second / floor.per_second:8.3f}  "
            f"{registration.percentile(50) / floor.percentile(50):8.2f}  {'':>8}"
        )


def count_queries(form_path, session_pk):
    """(queries of one registration POST, of one floor POST), through Django's test
    client against the same database and caches, once the route is known (a GET of the
    form before). Each leaves its row, which the checks count: (registration, floor)."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    client.get(form_path)
    counted = []
    for path, email in ((form_path, f"counted@{EMAIL_DOMAIN}"), ("/bench/floor/", "floor")):
        body = registration_form("", "Counted Delegate", email, session_pk)
        with CaptureQueriesContext(connection) as queries:
            response = client.post(path, body, content_type="application/x-www-form-urlencoded")
        if response.status_code != 302:
            raise RuntimeError(f"POST {path} gave {response.status_code}")
        counted.append(len(queries))
    connection.close()
    return tuple(counted)


def record_results(results, queries):
    from _setup import record

    rows = [
        (
            "queries per registration POST vs bare-insert floor",
            queries[0],
            queries[1],
            f"at most {QUERY_TARGET}",
            "queries",
        )
    ]
    for clients in REQUESTS_PER_CLIENT:
        registration, floor = results["register", clients], results["floor", clients]
        rows.append(
            (
                f"registration bookings/s vs bare-insert floor, {clients} clients",
                registration.per_second,
                floor.per_second,
                "at least 0.1" if clients == 50 else "reported",
                "req/s",
            )
        )
        rows.append(
            (
                f"registration p99 vs floor p99, {clients} clients",
                registration.percentile(99),
                floor.percentile(99),
                "reported",
                "s",
            )
        )
    record("registration", rows)


def run_load(port, form_path, sessions):
    """Every measured phase, plus a warm-up. Returns (results, {session pk: successful
    POSTs}, successful floor POSTs, failures)."""
    floor_path = "/bench/floor/"
    results, booked, floor_rows, errors = {}, collections.Counter(), 0, []

    def measure(target, clients, count, label, session="large"):
        nonlocal floor_rows
        result = load(port, form_path, target, clients, count, label, sessions[session])
        if target == form_path:
            booked[sessions[session]] += result.ok
        else:
            floor_rows += result.ok
        errors.extend(result.errors)
        return result

    # Warm both workers (templates, translations, first queries) before the clock counts;
    # these rows and bookings are in the database, and so in the checks.
    measure(floor_path, 1, WARM_UP_REQUESTS, "warm-floor")
    measure(form_path, 1, WARM_UP_REQUESTS, "warm")
    # Floor and registration alternate, so a drift of the machine hits both.
    for clients, count in REQUESTS_PER_CLIENT.items():
        results["floor", clients] = measure(floor_path, clients, count, f"f{clients}")
        results["register", clients] = measure(form_path, clients, count, f"r{clients}")
    results["small"] = measure(form_path, 50, SMALL_REQUESTS_PER_CLIENT, "small", "small")
    return results, booked, floor_rows, errors


def main():
    with (
        redis_server() as redis_url,
        demo_site(
            "xarxa-bench-", XARXA_BENCH_REDIS_URL=redis_url, XARXA_PAGE_CACHE_SECONDS="300"
        ) as (scratch, form_path, sessions),
    ):
        log_path = scratch / "gunicorn.log"
        with gunicorn(log_path) as port:
            results, booked, floor_rows, errors = run_load(port, form_path, sessions)
        queries = count_queries(form_path, sessions["large"])
        booked[sessions["large"]] += 1
        floor_rows += 1

        rows, ratios = [], []
        for clients in REQUESTS_PER_CLIENT:
            rows.append(("floor: bare view, one INSERT", results["floor", clients]))
            rows.append(("registration POST (1 booking)", results["register", clients]))
            ratios.append(
                (
                    "ratio registration/floor (req/s, p50)",
                    results["register", clients],
                    results["floor", clients],
                )
            )
        rows.append((f"registration, {SMALL_CAPACITY}-seat session", results["small"]))
        print_results(
            f"Registration over HTTP: gunicorn, {WORKERS} sync workers, PostgreSQL "
            "(same run; registration req/s = bookings/s)",
            rows,
            ratios,
        )

        print(
            f"\nqueries per POST: registration {queries[0]} (target at most {QUERY_TARGET}), "
            f"bare-insert floor {queries[1]}"
        )
        record_results(results, queries)
        capacities = {sessions["large"]: LARGE_CAPACITY, sessions["small"]: SMALL_CAPACITY}
        counts = {pk: (booked[pk], capacity) for pk, capacity in capacities.items()}
        verdicts = checks(counts, floor_rows)
        verdicts.append((f"failed requests: {len(errors)}", not errors))
        verdicts.extend((error, False) for error in errors[:5])
        problems = log_problems(log_path.read_text(errors="replace"))
        verdicts.append((f"problems in gunicorn's log: {sum(problems.values())}", not problems))
        verdicts.extend((f"{count} x {problem}", False) for problem, count in problems.items())
        print("\nChecks")
        for description, ok in verdicts:
            print(f"  {'ok    ' if ok else 'FAILED'}  {description}")
        if errors or problems:
            print(f"\ngunicorn log (last lines):\n{tail(log_path)}")
        if not all(ok for _description, ok in verdicts):
            sys.exit(1)


if __name__ == "__main__":
    main()
