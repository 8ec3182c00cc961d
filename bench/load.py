"""Load: 200 delegates register for the demo conference at the same moment while
readers browse its programme and fetch its feeds.

The real stack: a throwaway PostgreSQL cluster, gunicorn and the task worker
(`db_worker`, sending the confirmation emails), with the load client on loopback, and
Redis and the page cache on as production has them. The 200 delegates all ask for the same 10-seat
session; 12 readers loop over the programme, a session page and two calendar feeds
until the last delegate has an answer. Then it checks: no 5xx, nothing overbooked (10
seated, 190 waiting), one registration per success. Each p99 is set beside the same
request made alone, in the same run.

It runs twice. First with one pool of 2 sync workers answering everything, where a
reader waits behind every registration queued before it. Then as production runs
(README, Production): GETs and HEADs go to a pool of their own (2 sync workers) and
everything else, the forms, to the other (2 sync workers, at a lower CPU priority, so a
rush of registrations never takes the CPU from readers). The client sends each request
to the pool nginx's `map $request_method` would. Bounded: the whole script takes a
few minutes on 2 cores.
"""

import collections
import contextlib
import os
import subprocess
import sys
import threading
import time

import _stack as stack
from _setup import record

DELEGATES = 200
READERS = 12
#: The form pool's CPU priority in production (xarxa-web.service's Nice=).
FORMS_NICE = 10


def percentile(samples, p):
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(len(ordered) * p / 100))] if ordered else float("nan")


def timed_get(port, path):
    began = time.perf_counter()
    status, _headers, _body = stack.request(port, "GET", path)
    return status, time.perf_counter() - began


def alone(ports, form_path, reads, session_pk, prefix):
    """The same requests with nothing else running: the baseline of each p99. `ports`:
    (where GETs go, where POSTs go)."""
    port, form_port = ports
    read_times = [timed_get(port, path)[1] for path in reads * 8]
    cookie, token = stack.csrf(port, form_path)
    post_times = []
    for n in range(20):
        began = time.perf_counter()
        status, _h, _b = stack.request(
            form_port, "POST", form_path, form(token, f"{prefix}alone-{n}", session_pk),
            {"Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie},
        )  # fmt: skip
        assert status == 302, status
        post_times.append(time.perf_counter() - began)
    return read_times, post_times


def form(token, name, session_pk):
    return stack.registration_form(
        token, f"Load Delegate {name}", f"{name}@{stack.EMAIL_DOMAIN}", session_pk
    )


def crowd(ports, form_path, reads, session_pk, prefix):
    port, form_port = ports
    statuses = collections.Counter()
    post_times, read_times, booked = [], [], []
    lock = threading.Lock()
    gate = threading.Barrier(DELEGATES + 1)
    done = threading.Event()

    def delegate(number):
        cookie, token = stack.csrf(port, form_path)
        gate.wait(timeout=120)
        began = time.perf_counter()
        status, _h, _b = stack.request(
            form_port, "POST", form_path, form(token, f"{prefix}crowd-{number}", session_pk),
            {"Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie},
        )  # fmt: skip
        with lock:
            statuses[f"POST {status}"] += 1
            post_times.append(time.perf_counter() - began)
            if status == 302:
                booked.append(number)

    def reader(number):
        n = number
        while not done.is_set():
            status, seconds = timed_get(port, reads[n % len(reads)])
            n += 1
            with lock:
                statuses[f"GET {status}"] += 1
                read_times.append(seconds)

    delegates = [threading.Thread(target=delegate, args=(n,)) for n in range(DELEGATES)]
    for thread in delegates:
        thread.start()
    readers = [threading.Thread(target=reader, args=(n,)) for n in range(READERS)]
    gate.wait(timeout=120)
    began = time.perf_counter()
    for thread in readers:
        thread.start()
    for thread in delegates:
        thread.join()
    seconds = time.perf_counter() - began
    done.set()
    for thread in readers:
        thread.join()
    return statuses, post_times, read_times, booked, seconds


def main():
    with (
        stack.redis_server() as redis_url,
        stack.demo_site(
            "xarxa-load-", XARXA_BENCH_REDIS_URL=redis_url, XARXA_PAGE_CACHE_SECONDS="300"
        ) as (scratch, form_path, sessions),
    ):
        reads = reading_list()
        worker_log = open(scratch / "worker.log", "w")  # noqa: SIM115
        worker = subprocess.Popen(
            [sys.executable, str(stack.ROOT / "manage.py"), "db_worker"],
            cwd=stack.BENCH, env={**os.environ, "PYTHONPATH": str(stack.BENCH)},
            stdout=worker_log, stderr=worker_log,
        )  # fmt: skip
        runs = {}
        try:
            for mode, label in (("one pool", "small"), ("two pools", "small-again")):
                log_path = scratch / f"gunicorn-{mode.replace(' ', '-')}.log"
                split = mode == "two pools"
                with contextlib.ExitStack() as pools:
                    forms = pools.enter_context(
                        stack.gunicorn(log_path, nice=FORMS_NICE if split else 0)
                    )
                    readers = (
                        pools.enter_context(stack.gunicorn(scratch / "gunicorn-reads.log"))
                        if split
                        else forms
                    )
                    ports = (readers, forms)
                    read_alone, post_alone = alone(
                        ports, form_path, reads, sessions["large"], f"{label}-"
                    )
                    statuses, post_times, read_times, booked, seconds = crowd(
                        ports, form_path, reads, sessions[label], f"{label}-"
                    )
                verdicts = checks(statuses, booked, sessions[label], f"{label}-crowd-")
                logs = [log_path, *([scratch / "gunicorn-reads.log"] if split else [])]
                problems = collections.Counter()
                for log in logs:
                    problems.update(stack.log_problems(log.read_text(errors="replace")))
                verdicts.append((f"gunicorn log: {dict(problems) or 'clean'}", not problems))
                runs[mode] = {
                    "post": percentile(post_times, 99), "post alone": percentile(post_alone, 99),
                    "read": percentile(read_times, 99), "read alone": percentile(read_alone, 99),
                    "reads": len(read_times),
                    "statuses": statuses, "verdicts": verdicts, "seconds": seconds,
                }  # fmt: skip
        finally:
            worker.terminate()
            worker.wait(timeout=30)
            worker_log.close()

    shared, split = runs["one pool"], runs["two pools"]
    rows = [
        (f"registration p99, {DELEGATES} delegates at once vs one at a time",
         split["post"], split["post alone"], "reported; no 5xx", "s"),
        (f"programme and feed p99 under that load vs alone ({READERS} readers, own pool)",
         split["read"], split["read alone"], "at most 2; no 5xx", "s"),
        ("programme and feed p99 under load, one shared pool vs alone",
         shared["read"], shared["read alone"], "reported (the pools' reason)", "s"),
        ("registration p99 under load, two pools vs one",
         split["post"], shared["post"], "reported; no 5xx", "s"),
    ]  # fmt: skip
    ok = True
    for mode, run in runs.items():
        print(
            f"\nLoad, {mode}: {DELEGATES} delegates register at once for a 10-seat session "
            f"while {READERS} readers browse and fetch feeds ({run['seconds']:.1f} s, "
            f"{run['reads']} reads)"
        )
        print(f"  answers: {dict(run['statuses'])}")
        print(
            f"  registration p99: {run['post'] * 1000:.0f} ms "
            f"(alone {run['post alone'] * 1000:.0f} ms)"
        )
        print(
            f"  reader p99: {run['read'] * 1000:.0f} ms (alone {run['read alone'] * 1000:.0f} ms)"
        )
        for description, passed in run["verdicts"]:
            print(f"  {'ok    ' if passed else 'FAILED'}  {description}")
            ok = ok and passed
    record("load", rows)
    if not ok:
        sys.exit(1)


def reading_list():
    from events.models import ConferencePage, SessionPage

    conference = ConferencePage.objects.get(locale__language_code="en", acronym="oidp13")
    catalan = conference.get_translation(
        conference.locale.__class__.objects.get(language_code="ca")
    )
    session = (
        SessionPage.objects.child_of(conference).live().exclude(slug__startswith="bench-").first()
    )
    return [
        conference.url + "programme/",
        catalan.url + "programme/",
        session.url,
        conference.url + "calendar.ics",
        session.url + "calendar.ics",
    ]


def checks(statuses, booked, session_pk, prefix):
    from events.domain.registration import SEATED
    from events.models import Booking, Registration, Seats

    crowd = Registration.objects.filter(email__startswith=prefix)
    seats = Seats.objects.get(page_id=session_pk)
    seated = Booking.objects.filter(session_id=session_pk, status__in=SEATED).count()
    waiting = Booking.objects.filter(session_id=session_pk).exclude(status__in=SEATED).count()
    server_errors = sum(n for key, n in statuses.items() if key.split()[1].startswith("5"))
    return [
        (f"server errors: {server_errors}", server_errors == 0),
        (f"every delegate answered with a booking or a place in the queue: {len(booked)}",
         len(booked) == DELEGATES),
        (f"registrations: {crowd.count()} for {len(booked)} successes",
         crowd.count() == len(booked)),
        (f"seated {seated} of {seats.capacity} seats (taken {seats.taken}), {waiting} waiting",
         seated == seats.taken == seats.capacity and waiting == DELEGATES - seats.capacity),
    ]  # fmt: skip


if __name__ == "__main__":
    main()
