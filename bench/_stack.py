"""The real stack the HTTP benchmarks and drills run on: a throwaway PostgreSQL cluster,
gunicorn with 2 sync workers, the demo database with two sessions to book, and a plain
HTTP client (one connection per request, as gunicorn's sync workers serve them).

Shared by registration.py, load.py and drill_database_restart.py; programme.py takes
its Redis.
"""

import collections
import http.client
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
from contextlib import contextmanager
from pathlib import Path

from _setup import ROOT  # also puts site/ and the repository root on sys.path

BENCH = ROOT / "bench"
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"
WORKERS = 2
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
def redis_server():
    """A throwaway redis-server on a free loopback port, as bin/run-tests starts one (no
    persistence); stopped whatever happens. Yields its redis:// URL."""
    import redis

    executable = shutil.which("redis-server")
    if executable is None:
        sys.exit("redis-server is not installed (apt-get install redis-server).")
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="xarxa-bench-redis.") as work:
        log_path = Path(work) / "redis.log"
        with open(log_path, "w") as log:
            process = subprocess.Popen(
                [executable, "--bind", "127.0.0.1", "--port", str(port), "--save", "",
                 "--appendonly", "no", "--dir", work],
                stdout=log, stderr=log,
            )  # fmt: skip
        try:
            deadline = time.monotonic() + 10
            while True:
                try:
                    redis.Redis(port=port).ping()
                    break
                except redis.ConnectionError:
                    if process.poll() is not None or time.monotonic() > deadline:
                        raise RuntimeError(
                            f"redis-server did not answer:\n{tail(log_path)}"
                        ) from None
                    time.sleep(0.1)
            yield f"redis://127.0.0.1:{port}/0"
        finally:
            process.terminate()
            process.wait(timeout=15)


@contextmanager
def gunicorn(log_path, threads=1, nice=0):
    """The project's WSGI app under gunicorn on a free loopback port; yields the port.
    Settings and DATABASE_URL come from the environment main() sets. More than one
    thread: gthread workers, each with that many threads. `nice`: the CPU priority
    the pool runs at, as systemd's Nice= sets it (README, Production)."""
    # bench/ is on the server's path in front of the project: a script named like an
    # app (it was bench/newsletter.py) would hide that app and every request would fail.
    apps = {init.parent.name for init in ROOT.glob("*/__init__.py")}
    if hidden := apps & {script.stem for script in BENCH.glob("*.py")}:
        raise RuntimeError(f"bench/ scripts named like the project's apps: {sorted(hidden)}")
    port = free_port()
    command = [
        *(["nice", "-n", nice] if nice else []),
        GUNICORN,
        "--workers", WORKERS,
        "--bind", f"127.0.0.1:{port}",
        "--chdir", ROOT,
        # site/ for config and core, bench/ for the bench settings and URLconf.
        "--pythonpath", f"{ROOT / 'site'},{BENCH}",
        *(["--worker-class", "gthread", "--threads", threads] if threads > 1 else []),
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


#: How Python joins the tracebacks of one chain: the exception a chain ends with is the
#: problem. (Django's related-object lookup starts a chain with `KeyError: '<field>'` on
#: every cache miss, so the first exception of a chain says nothing.)
CHAINED = ("During handling of the above exception", "The above exception was the direct cause")


def logged_problems(text):
    """[(problem, its log lines)]: each traceback, chained ones as one, by the exception
    it ended with, and each worker timeout or error line."""
    lines = text.splitlines()
    found, number = [], 0
    while number < len(lines):
        line = lines[number]
        if line.startswith("Traceback"):
            start = number
            while True:
                # The exception is the first line after the traceback that is not
                # indented; its message may go on in indented lines.
                number += 1
                while number < len(lines) and (not lines[number] or lines[number][0] == " "):
                    number += 1
                exception = lines[number] if number < len(lines) else "?"
                number += 1
                while number < len(lines) and (not lines[number] or lines[number][0] in " \t"):
                    number += 1
                chained = number < len(lines) and lines[number].startswith(CHAINED)
                if not chained:
                    break
                while number < len(lines) and not lines[number].startswith("Traceback"):
                    number += 1
            found.append((exception[:200], "\n".join(lines[start:number])))
            continue
        if "WORKER TIMEOUT" in line or "[ERROR]" in line:
            found.append((line.split("] ", 3)[-1][:200], line))
        number += 1
    return found


def log_problems(text):
    """{problem: count} of `logged_problems`. A failure the client never sees (an
    exception in an on_commit hook) still shows here."""
    return collections.Counter(problem for problem, _lines in logged_problems(text))


# --- the database: schema, demo, the sessions under load, checks ----------------------


@contextmanager
def demo_site(prefix, **environment):
    """A scratch folder and a throwaway cluster holding the demo and the bench's
    sessions, with the environment the server's workers inherit (no rate limits: every
    request comes from 127.0.0.1, and the per-IP limit would stop a run at 20).
    Yields (scratch folder, registration path, {label: session pk})."""
    with tempfile.TemporaryDirectory(prefix=prefix) as scratch, postgres() as url:
        os.environ.update(
            DATABASE_URL=url,
            DJANGO_SETTINGS_MODULE="_registration_settings",
            XARXA_RATE_LIMIT_PER_IP="0",
            XARXA_RATE_LIMIT_PER_EMAIL="0",
            **environment,
        )
        form_path, sessions = prepare()
        yield Path(scratch), form_path, sessions


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
    labels = (("large", LARGE_CAPACITY), ("small", SMALL_CAPACITY),
              ("small-again", SMALL_CAPACITY))  # fmt: skip
    for label, capacity in labels:
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


def registration_form(token, name, email, session_pk):
    """The registration form as a delegate fills it, urlencoded."""
    return urllib.parse.urlencode(
        {
            "csrfmiddlewaretoken": token, "name": name, "email": email,
            "organisation": "", "organisation_name": "Bench Organisation", "country": "PT",
            "position": "Tester", "language": "en", "consent": "on", "website": "",
            "sessions": session_pk,
        }
    )  # fmt: skip
