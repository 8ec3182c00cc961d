"""Registration through the real HTTP stack: gunicorn (2 sync workers) on a throwaway
PostgreSQL 15 cluster, driven by a load client on loopback at 1 and 50 concurrent
clients. Beside it, measured in the same run against the same server, the floor: a bare
Django view that inserts one row. Afterwards the database is checked against what the
client saw (one registration per success, no session over capacity).

Run with `make bench` (or `.venv/bin/python bench/registration.py`), as root or as a
user who may run initdb; it installs nothing and leaves nothing behind.
"""

import collections
import http.client
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from _setup import ROOT  # also puts site/ and the repository root on sys.path

BENCH = ROOT / "bench"
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"
WORKERS = 2
#: Requests each client sends, by number of concurrent clients: 600 bookings at 50
#: clients give a steady p99, and the whole script stays under 3 minutes on 2 cores.
REQUESTS_PER_CLIENT = {1: 100, 50: 12}
WARM_UP_REQUESTS = 20
#: 50 clients on the 10-seat session: 10 seats, the other 90 waitlisted.
SMALL_REQUESTS_PER_CLIENT = 2
#: Large enough that every booking takes a seat: the measure is booking, not waitlisting.
LARGE_CAPACITY = 100_000
SMALL_CAPACITY = 10
EMAIL_DOMAIN = "bench.example.org"
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


# --- PostgreSQL and gunicorn -----------------------------------------------------------


def pg_bin():
    """The newest installed PostgreSQL's binaries (Debian keeps them off PATH)."""
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"), key=lambda p: int(p.parts[-3]))
    if not found:
        sys.exit("PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/pg_ctl).")
    return found[-1].parent


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def run(command):
    result = subprocess.run([str(part) for part in command], capture_output=True, text=True)
    if result.returncode:
        raise RuntimeError(f"{command[0]} failed:\n{result.stdout}{result.stderr}")


RESTART = {}


@contextmanager
def postgres():
    """A throwaway cluster, as bin/run-tests starts one; stopped and removed whatever happens.
    Yields the DATABASE_URL of an empty database on it."""
    pgbin = pg_bin()
    work = Path(tempfile.mkdtemp(prefix="xarxa-bench-pg."))
    data = work / "data"
    as_pg = []
    if os.geteuid() == 0:
        # initdb refuses to run as root.
        shutil.chown(work, "postgres")
        as_pg = ["runuser", "-u", "postgres", "--"]
    port = free_port()
    try:
        run([*as_pg, pgbin / "initdb", "-D", data, "-U", "xarxa", "--auth=trust", "-E", "UTF8",
             "--locale=C.UTF-8"])  # fmt: skip
        # Durability off as in the test run: a throwaway cluster, and the floor pays the
        # same (cheap) commits, so the ratio is about the application, not the disk.
        options = (
            f"-h 127.0.0.1 -p {port} -k {work} "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        )
        run([*as_pg, pgbin / "pg_ctl", "-D", data, "-l", work / "server.log", "-w", "-o",
             options, "start"])  # fmt: skip
        run([pgbin / "createdb", "-h", "127.0.0.1", "-p", port, "-U", "xarxa", "xarxa_bench"])
        url = f"postgres://xarxa@127.0.0.1:{port}/xarxa_bench"
        # For the fault drill: restart this cluster as an operator (or a failover) would.
        RESTART[url] = [*as_pg, pgbin / "pg_ctl", "-D", data, "-m", "fast", "-w", "-o",
                        options, "-l", work / "server.log", "restart"]  # fmt: skip
        yield url
    finally:
        subprocess.run(
            [*as_pg, str(pgbin / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
            capture_output=True,
        )
        shutil.rmtree(work, ignore_errors=True)


@contextmanager
def gunicorn(log_path):
    """The project's WSGI app under gunicorn on a free loopback port; yields the port.
    Settings and DATABASE_URL come from the environment main() sets."""
    port = free_port()
    command = [
        GUNICORN,
        "--workers", WORKERS,
        "--bind", f"127.0.0.1:{port}",
        "--chdir", ROOT,
        # site/ for config and core, bench/ for the bench settings and URLconf.
        "--pythonpath", f"{ROOT / 'site'},{BENCH}",
        "config.wsgi:application",
    ]  # fmt: skip
    with open(log_path, "w") as log:
        process = subprocess.Popen([str(part) for part in command], stdout=log, stderr=log)
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"gunicorn exited ({process.returncode}):\n{tail(log_path)}")
            try:
                request(port, "GET", "/robots.txt")
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError(f"gunicorn did not answer:\n{tail(log_path)}") from None
                time.sleep(0.2)
        yield port
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def tail(path, lines=40):
    return "\n".join(Path(path).read_text(errors="replace").splitlines()[-lines:])


def log_problems(text):
    """{problem: count}: each traceback by its exception line, worker timeouts and errors.
    A failure the client never sees (an exception in an on_commit hook) still shows here."""
    problems = collections.Counter()
    lines = text.splitlines()
    for number, line in enumerate(lines):
        if line.startswith("Traceback"):
            # The exception is the first line after the traceback that is not indented.
            found = next((ln for ln in lines[number + 1 :] if ln and ln[0] != " "), "?")
            problems[found[:200]] += 1
        elif "WORKER TIMEOUT" in line or "[ERROR]" in line:
            problems[line.split("] ", 3)[-1][:200]] += 1
    return problems


# --- the database: schema, demo, the sessions under load, checks ----------------------


def prepare():
    """Migrate, load the demo, add the sessions and the floor's table. Returns
    (registration path, {label: session pk})."""
    import datetime

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from core.demo.loader import DemoLoader
    from events.domain import registration as domain
    from events.models import ConferencePage, SessionPage

    call_command("migrate", verbosity=0, interactive=False)
    DemoLoader(log=lambda *a: None).run()
    conference = ConferencePage.objects.get(locale__language_code="en", acronym="oidp13")
    if not domain.window(conference).is_open:
        sys.exit("The demo conference's registration is not open: nothing to measure.")
    if conference.capacity is not None:
        sys.exit(f"The demo conference has {conference.capacity} places: bookings would stop.")
    # Early on the first day, so the bench's sessions never change the demo's programme.
    start = datetime.datetime.combine(
        conference.start_date, datetime.time(7), tzinfo=conference.zone
    )
    sessions = {}
    for label, capacity in (("large", LARGE_CAPACITY), ("small", SMALL_CAPACITY)):
        session = SessionPage(
            title=f"Bench session ({capacity} seats)",
            slug=f"bench-{label}",
            kind="parallel",
            start=start,
            end=start + datetime.timedelta(minutes=45),
            abstract="A session of the registration benchmark.",
            languages=["en"],
            capacity=capacity,
            registration_required=True,
        )
        conference.add_child(instance=session)
        sessions[label] = session.pk
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE TABLE bench_floor "
            "(id serial PRIMARY KEY, at timestamptz DEFAULT now(), payload text)"
        )
    path = urllib.parse.urlsplit(conference.url).path + "register/"
    # The server's workers hold their own connections; this one would only sit idle.
    connection.close()
    return path, sessions


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


def request(port, method, path, body=None, headers=None):
    """(status, headers, body) over a new connection: gunicorn's sync workers close every
    connection after its response (no keep-alive), so a new one per request is what any
    client gets, and its cost is part of each latency."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.headers, response.read()
    finally:
        connection.close()


def csrf(port, path):
    """The csrftoken cookie and a form token for it, from one GET of the form, as a
    browser has them; reused for every POST of that client."""
    status, headers, body = request(port, "GET", path)
    cookie = next(
        (
            value.split(";", 1)[0]
            for name, value in headers.items()
            if name.lower() == "set-cookie" and value.startswith("csrftoken=")
        ),
        None,
    )
    token = TOKEN.search(body.decode())
    if status != 200 or cookie is None or token is None:
        raise RuntimeError(f"GET {path} gave {status} without a CSRF token:\n{body[:500]!r}")
    return cookie, token.group(1)


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
            body = urllib.parse.urlencode(
                {
                    "csrfmiddlewaretoken": token,
                    "name": f"Bench Delegate {number}-{n}",
                    "email": f"{label}-{number}-{n}@{EMAIL_DOMAIN}",
                    "organisation": "",
                    "organisation_name": "Bench Organisation",
                    "country": "PT",
                    "position": "Tester",
                    "language": "en",
                    "consent": "on",
                    "website": "",
                    "sessions": session_pk,
                }
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


def record_results(results):
    from _setup import record

    rows = []
    for clients in REQUESTS_PER_CLIENT:
        registration, floor = results["register", clients], results["floor", clients]
        rows.append(
            (
                f"registration bookings/s vs bare-insert floor, {clients} clients",
                registration.per_second,
                floor.per_second,
                "reported",
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
    with tempfile.TemporaryDirectory(prefix="xarxa-bench-") as scratch, postgres() as url:
        os.environ.update(
            DATABASE_URL=url,
            DJANGO_SETTINGS_MODULE="_registration_settings",
            # Every request comes from 127.0.0.1: the per-IP limit would stop the run at 20.
            XARXA_RATE_LIMIT_PER_IP="0",
            XARXA_RATE_LIMIT_PER_EMAIL="0",
        )
        form_path, sessions = prepare()
        log_path = Path(scratch) / "gunicorn.log"
        with gunicorn(log_path) as port:
            results, booked, floor_rows, errors = run_load(port, form_path, sessions)

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

        record_results(results)
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
