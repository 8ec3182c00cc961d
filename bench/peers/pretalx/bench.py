"""Xarxa against the real pretalx, in the same run, on the same machine.

pretalx (PRETALX_SPEC, Python 3.13) goes into its own virtualenv under var/pretalx/ the
first time; each run then builds both systems on SQLite from scratch: Xarxa's demo with
a bench conference of 300 sessions over 3 days in 10 rooms (bench/_setup.py's
`conference_with_sessions`, placed in rooms), and a pretalx event of the same shape
(same titles, times, rooms, tracks and speakers; confirmed submissions, scheduled slots,
a released schedule). Both are served by gunicorn with 2 sync workers, DEBUG off, and
timed over HTTP on loopback, one request at a time, Xarxa and pretalx interleaved
(A/B/A/B, the order swapped every round) so both see the same machine. Each is served as
it is in production: Xarxa with its page cache in a redis-server the bench starts
(_cached_settings: production's caches when it has REDIS_URL), pretalx with its own
caching, in memory (bench_pretalx_settings).

Each round first re-saves one session in each system (a new title, as an editor would),
then requests every page once ("cold": the first request for that address after an
edit; Xarxa's edit starts a new page-cache generation, so it renders), then WARM more
times ("warm"). A conditional GET sends the ETag the client last received, as a
calendar app or schedule app polling does; the cold ones come first, with the ETag from
before the edit, and the plain GETs after a second edit, so each is the first request
for its address after an edit. Afterwards each page is requested once through Django's
test client inside each system's own process to count its queries (Xarxa's with the
page cache off: what a cold request costs; a copy costs none), and both systems'
schedule.xml and schedule.json are checked against the frab schemas.

Run with `make bench`, or alone: `.venv/bin/python bench/peers_pretalx.py`
(PEER_ROUNDS=2 PEER_WARM=1 for a short try).
"""

import json
import os
import re
import shutil
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))  # bench/, for _setup and _stack
sys.path.insert(0, str(HERE))  # for serving

import _stack  # noqa: E402
from _setup import ROOT, conference_with_sessions, record  # noqa: E402
from serving import (  # noqa: E402
    fail,
    install_pretalx,
    pretalx_agent,
    pretalx_environment,
    pretalx_gunicorn,
    pretalx_python,
)

SESSIONS, DAYS, ROOMS = 300, 3, 10
#: Accepted by both systems and as a frab acronym (which refuses a hyphen in the middle).
SLUG = "peerbench"
ROUNDS = int(os.environ.get("PEER_ROUNDS", "7"))
WARM = int(os.environ.get("PEER_WARM", "3"))
EXPORT_TARGET = "at most 0.1"
FRAB = ROOT / "tests" / "data" / "frab"


# --- pretalx: install, configure, build the event ---------------------------------------


# --- Xarxa: the demo and the bench conference, in this process ---------------------------


def xarxa_conference():
    """The demo plus `conference_with_sessions`, its sessions placed over DAYS days in
    ROOMS rooms (the helper spreads them over the demo's four days without rooms).
    Returns (conference, first session, the shape pretalx's event is built from)."""
    import datetime

    import django

    django.setup()
    from django.core.management import call_command

    from core.demo.loader import DemoLoader
    from events.models import ConferencePage, Room, SessionPage, Venue

    call_command("migrate", verbosity=0, interactive=False)
    DemoLoader(log=lambda *a: None).run()
    conference = conference_with_sessions(SESSIONS, SLUG)
    end_date = conference.start_date + datetime.timedelta(days=DAYS - 1)
    # Plain updates: the pages stay live and their revisions matter to nobody here.
    ConferencePage.objects.filter(pk=conference.pk).update(end_date=end_date)
    conference.refresh_from_db()
    venue = Venue.objects.filter(locale=conference.locale).first()
    rooms = [
        Room.objects.create(venue=venue, locale=venue.locale, name=f"Bench room {n}")
        for n in range(ROOMS)
    ]
    sessions = list(SessionPage.objects.child_of(conference).order_by("pk"))
    per_day = SESSIONS // DAYS
    shape_sessions = []
    for n, session in enumerate(sessions):
        day, slot = divmod(n, per_day)
        start = datetime.datetime.combine(
            conference.start_date + datetime.timedelta(days=day),
            datetime.time(9),
            tzinfo=conference.zone,
        ) + datetime.timedelta(minutes=50 * (slot // ROOMS))
        end = start + datetime.timedelta(minutes=45)
        room = rooms[slot % ROOMS]
        SessionPage.objects.filter(pk=session.pk).update(start=start, end=end, room=room)
        speakers = [s.person.name for s in session.speakers.select_related("person")]
        shape_sessions.append(
            {"title": session.title, "track": session.track, "abstract": session.abstract,
             "speakers": speakers, "start": start.isoformat(), "end": end.isoformat(),
             "room": room.name}
        )  # fmt: skip
    shape = {
        "title": conference.title,
        "slug": SLUG,
        "date_from": conference.start_date.isoformat(),
        "date_to": end_date.isoformat(),
        "time_zone": str(conference.zone),
        "rooms": [room.name for room in rooms],
        "tracks": sorted({s["track"] for s in shape_sessions}),
        "speakers": sorted({name for s in shape_sessions for name in s["speakers"]}),
        "sessions": shape_sessions,
    }
    # gunicorn's workers read the same SQLite file: hold no connection while they run.
    from django.db import connection

    connection.close()
    return conference, sessions[0], shape


def edit_xarxa(session_pk, number):
    """Re-save one session as an editor does: a new title, published (which, once
    committed, starts the page cache's new generation in Redis)."""
    from django.db import connection

    from events.models import SessionPage

    page = SessionPage.objects.get(pk=session_pk)
    page.title = f"{page.title.split(' (')[0]} (edit {number})"
    page.save_revision().publish()
    # gunicorn's workers read the same SQLite file: hold no connection between edits.
    connection.close()


def xarxa_queries(requests):
    """{label: [status, queries]} of each (label, path, If-None-Match or None), once
    through the test client in this process (the same database as the server's), with
    the page cache off: a cold request's queries (a copy's are none)."""
    from django.db import connection
    from django.test import Client, override_settings
    from django.test.utils import CaptureQueriesContext

    # WhiteNoise warns that the test settings' STATIC_ROOT was never collected: no matter.
    warnings.filterwarnings("ignore", message="No directory at")
    client = Client()
    counts = {}
    with override_settings(XARXA_PAGE_CACHE_SECONDS=0):
        for label, path, etag in requests:
            headers = {"If-None-Match": etag} if etag else {}
            with CaptureQueriesContext(connection) as captured:
                status = client.get(path, headers=headers).status_code
            counts[label] = [status, len(captured)]
    connection.close()
    return counts


# --- measuring ---------------------------------------------------------------------------


def p90(samples):
    return statistics.quantiles(samples, n=10, method="inclusive")[8]


class Client:
    """One system over HTTP: times each GET and keeps the last ETag of each path."""

    def __init__(self, name, port, host=None):
        self.name, self.port = name, port
        self.headers = {"Host": host} if host else {}
        self.etags = {}
        self.statuses = {}

    def get(self, label, path, conditional=False):
        headers = dict(self.headers, Accept="text/html,application/xhtml+xml,*/*;q=0.8")
        if conditional:
            headers["If-None-Match"] = self.etags[path]
        start = time.perf_counter()
        status, response_headers, body = _stack.request(self.port, "GET", path, headers=headers)
        elapsed = time.perf_counter() - start
        if status not in (200, 304):
            fail(f"{self.name} answered {status} to GET {path}:\n{body[:300]!r}")
        if response_headers.get("ETag"):
            self.etags[path] = response_headers["ETag"]
        # Xarxa says whether its page cache served a copy ("hit") or stored one ("miss").
        cache = response_headers.get("X-Xarxa-Cache")
        self.statuses.setdefault(label, []).append(f"{status} {cache}" if cache else str(status))
        return elapsed, body


def check_schemas(name, xml_body, json_body):
    """The number of frab schema errors of each export, with the first ones printed."""
    import jsonschema
    import xmlschema

    xsd = xmlschema.XMLSchema(str(FRAB / "schedule.xml.xsd"))
    schema = json.loads((FRAB / "schedule.schema.json").read_text())
    validator_class = jsonschema.validators.validator_for(schema)
    validator = validator_class(schema, format_checker=validator_class.FORMAT_CHECKER)
    xml_errors = [f"{e.path}: {e.reason}" for e in xsd.iter_errors(xml_body.decode())]
    data = json.loads(json_body)
    json_errors = [f"{list(e.path)}: {e.message}" for e in validator.iter_errors(data)]
    for export, errors in (("schedule.xml", xml_errors), ("schedule.json", json_errors)):
        verdict = "valid" if not errors else f"{len(errors)} errors"
        print(f"frab schema, {name} {export}: {verdict}")
        for error in errors[:3]:
            print(f"    {error[:200]}")
    return len(xml_errors), len(json_errors)


def main():
    scratch = Path(tempfile.mkdtemp(prefix="xarxa-bench-pretalx."))
    try:
        with _stack.redis_server() as redis_url:
            run(scratch, redis_url)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def run(scratch, redis_url):
    install_pretalx(scratch)
    os.environ.update(
        DJANGO_SETTINGS_MODULE="_cached_settings",
        XARXA_BENCH_REDIS_URL=redis_url,
        DATABASE_URL=f"sqlite:///{scratch / 'xarxa.sqlite3'}",
    )
    print("Building Xarxa's demo and bench conference ...", flush=True)
    conference, session, shape = xarxa_conference()
    (scratch / "shape.json").write_text(json.dumps(shape), encoding="utf-8")
    print("Building pretalx's event of the same shape ...", flush=True)
    env = pretalx_environment(scratch / "pretalx")
    pretalx_python("-m", "pretalx", "migrate", "--verbosity", "0", env=env)
    setup = pretalx_python(HERE / "pretalx_side.py", "setup", scratch / "shape.json", env=env)
    built = json.loads(setup)
    if built["slots"] != SESSIONS:
        fail(f"pretalx's released schedule has {built['slots']} visible slots, not {SESSIONS}")

    x, p = conference.url, f"/{SLUG}/"  # Xarxa's and pretalx's event
    talk = f"{p}talk/{built['session']}/"
    pages = {  # label: (Xarxa path, pretalx path, conditional, target)
        "schedule.xml": (x + "schedule.xml", p + "schedule.xml", False, EXPORT_TARGET),
        "schedule.json": (x + "schedule.json", p + "schedule.json", False, EXPORT_TARGET),
        "iCal feed": (x + "calendar.ics", p + "schedule.ics", False, EXPORT_TARGET),
        # pretalx's server-rendered programme: /schedule/ is a shell its JavaScript fills.
        "programme": (x + "programme/", p + "schedule/nojs", False, EXPORT_TARGET),
        "speakers list": (x + "speakers/", p + "speaker/", False, "reported"),
        "session page": (session.url, talk, False, "reported"),
        "conditional schedule.xml": (x + "schedule.xml", p + "schedule.xml", True, "reported"),
        "conditional iCal feed": (x + "calendar.ics", p + "schedule.ics", True, "reported"),
    }

    with (
        _stack.gunicorn(scratch / "xarxa-gunicorn.log") as xarxa_port,
        pretalx_gunicorn(env, scratch / "pretalx-gunicorn.log") as pretalx_port,
        pretalx_agent(env) as pretalx,
    ):
        systems = (Client("Xarxa", xarxa_port), Client("pretalx", pretalx_port, "localhost"))
        # Both workers of each server load their code and templates before timing.
        for _ in range(2 * _stack.WORKERS):
            for *paths, _conditional, _target in pages.values():
                for system, path in zip(systems, paths, strict=True):
                    system.get("warm-up", path)
        check_programmes(systems, pages["programme"][:2])

        times = {}  # (label, "cold"/"warm", system name): [seconds]
        edits = 0

        def edit():
            nonlocal edits
            edits += 1
            edit_xarxa(session.pk, edits)
            pretalx({"edit": 0})

        def measure(phase, items, order):
            for label, (*paths, conditional, _target) in items:
                for system in order:
                    path = paths[systems.index(system)]
                    elapsed, _body = system.get(f"{label} {phase}", path, conditional)
                    times.setdefault((label, phase, system.name), []).append(elapsed)

        plain = [item for item in pages.items() if not item[1][2]]
        polls = [item for item in pages.items() if item[1][2]]
        for number in range(1, ROUNDS + 1):
            order = systems if number % 2 else systems[::-1]
            # Cold: each address requested once after an edit. First the polls, with the
            # ETag held from before the edit, as the next poll of a schedule app or
            # calendar brings it; then, after an edit of their own, the plain GETs (the
            # polls stored Xarxa's new copies of the same addresses).
            edit()
            measure("cold", polls, order)
            edit()
            measure("cold", plain, order)
            for _ in range(WARM):
                measure("warm", pages.items(), order)
            print(f"round {number}/{ROUNDS} done", flush=True)

        bodies = [
            (system.get("schema", xml)[1], system.get("schema", json_path)[1])
            for system, xml, json_path in zip(
                systems, pages["schedule.xml"][:2], pages["schedule.json"][:2], strict=True
            )
        ]
        # A conditional request counts with the ETag the HTTP client holds: the current one.
        queries = {
            system.name: [
                (label, paths[i], system.etags[paths[i]] if conditional else None)
                for label, (*paths, conditional, _target) in pages.items()
            ]
            for i, system in enumerate(systems)
        }
        queries = {"Xarxa": xarxa_queries(queries["Xarxa"]),
                   "pretalx": pretalx({"count": queries["pretalx"]})}  # fmt: skip
        problems = {
            name: _stack.log_problems(log.read_text(errors="replace"))
            for name, log in (("Xarxa", scratch / "xarxa-gunicorn.log"),
                              ("pretalx", scratch / "pretalx-gunicorn.log"))
        }  # fmt: skip

    report(pages, systems, times, bodies, queries, problems)


def check_programmes(systems, paths):
    """Both programmes are the full server-rendered one: every session title in the HTML."""
    for system, path in zip(systems, paths, strict=True):
        _elapsed, body = system.get("check", path)
        titles = set(re.findall(rb"Session (\d+)\b", body))
        if len(titles) != SESSIONS:
            fail(f"{system.name}'s programme {path} shows {len(titles)} of {SESSIONS} sessions")


def report(pages, systems, times, bodies, queries, problems):
    rows, detail = [], []
    for phase in ("cold", "warm"):
        for label, (*_paths, _conditional, target) in pages.items():
            xarxa, pretalx = (times[label, phase, s.name] for s in systems)
            figure, baseline = statistics.median(xarxa), statistics.median(pretalx)
            rows.append((f"{label}, {phase}: Xarxa vs pretalx", figure, baseline, target, "s"))
            statuses = [
                "/".join(f"{code} x{s.statuses[f'{label} {phase}'].count(code)}"
                         for code in sorted(set(s.statuses[f"{label} {phase}"])))
                for s in systems
            ]  # fmt: skip
            detail.append(
                f"{label + ', ' + phase:<32} {figure * 1000:9.2f} {p90(xarxa) * 1000:9.2f} "
                f"{baseline * 1000:9.2f} {p90(pretalx) * 1000:9.2f} {figure / baseline:7.3f}"
                f"   {statuses[0]} | {statuses[1]}"
            )
    samples = f"{ROUNDS} cold and {ROUNDS * WARM} warm requests each"
    print(f"\nXarxa vs pretalx, {SESSIONS} sessions, gunicorn 2 sync workers ({samples})")
    print(f"{'measure':<32} {'Xarxa':>9} {'p90':>9} {'pretalx':>9} {'p90':>9} {'ratio':>7}"
          "   statuses (Xarxa's with its cache's hit/miss) Xarxa | pretalx (ms)")  # fmt: skip
    print("\n".join(detail))

    print()
    query_rows = []
    for label in pages:
        x_status, x_count = queries["Xarxa"][label]
        p_status, p_count = queries["pretalx"][label]
        if x_status not in (200, 304) or p_status not in (200, 304):
            fail(f"query count of {label}: Xarxa {x_status}, pretalx {p_status}")
        print(f"queries, {label}: Xarxa {x_count} ({x_status}), pretalx {p_count} ({p_status})")
        query_rows.append(
            (f"queries, {label}: Xarxa vs pretalx", x_count, p_count, "reported", "queries")
        )

    print()
    errors = [check_schemas(s.name, *body) for s, body in zip(systems, bodies, strict=True)]
    schema_rows = [
        (f"frab schema errors, {export}: Xarxa vs pretalx", errors[0][i], errors[1][i], "0",
         "errors")
        for i, export in enumerate(("schedule.xml", "schedule.json"))
    ]  # fmt: skip
    for name, found in problems.items():
        print(f"{name}'s gunicorn log: {dict(found) or 'no errors'}")

    record("peers/pretalx", rows + query_rows + schema_rows)
    if any(found for found in problems.values()):
        fail("a server logged errors during the run (above)")


if __name__ == "__main__":
    main()
