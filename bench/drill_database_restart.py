"""Fault drill: PostgreSQL restarts while delegates register.

A throwaway cluster, gunicorn with 2 sync workers, 20 delegates each sending at least 8
registrations; after the first bookings land the cluster is restarted (`pg_ctl restart
-m fast`, which cuts every connection). Each delegate goes on until it has sent two more
after the restart is over, however long the restart takes. Then:

- every answer is a booking (302) or the 503 page saying nothing was saved, never a 500;
- bookings resume after the restart;
- the database holds exactly one registration, with its one booking and its one
  confirmation email, per 302, and the session's seat count equals its seated bookings:
  nothing half-written;
- gunicorn's log holds no error but the lost connections' own.

`make bench` runs it, and so does `make test` (tests/events/test_database_restart.py,
PostgreSQL pass). Exits 1 when a check fails.
"""

import collections
import importlib
import os
import sys
import threading
import time

import _stack as stack
import psycopg

CLIENTS = 20
PER_CLIENT = 8
MAX_PER_CLIENT = 400
RETRY_TEXT = b"Nothing you sent was saved"


def is_outage(problem):
    """Whether a logged problem ("module.Class: message") is a lost connection: psycopg's
    OperationalError or InterfaceError or a subclass, which names the server's reason
    (psycopg.errors.AdminShutdown for a fast shutdown). An IntegrityError is a bug."""
    name = problem.split(":", 1)[0].strip()
    module, _dot, attribute = name.rpartition(".")
    try:
        raised = getattr(importlib.import_module(module), attribute)
    except (ImportError, AttributeError, ValueError):
        return False
    if module.startswith("django.db"):
        # Django re-raises the driver's error under its own class of the same name.
        raised = getattr(psycopg, attribute, None)
    lost = (psycopg.OperationalError, psycopg.InterfaceError)
    return isinstance(raised, type) and issubclass(raised, lost)


def drive(port, form_path, session_pk, restart):
    outcomes = collections.Counter()
    successes, order = [], []
    lock = threading.Lock()
    gate = threading.Barrier(CLIENTS + 1)
    restarted = threading.Event()

    def client(number):
        cookie, token = stack.csrf(port, form_path)
        headers = {"Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie}
        gate.wait(timeout=120)
        n = after_restart = 0
        # A slow restart must not use up a delegate's requests: "bookings resumed" needs
        # requests sent once the database is back.
        while (n < PER_CLIENT or after_restart < 2) and n < MAX_PER_CLIENT:
            after_restart += restarted.is_set()
            n += 1
            email = f"drill-{number}-{n}@{stack.EMAIL_DOMAIN}"
            body = stack.registration_form(token, f"Drill Delegate {number}-{n}", email, session_pk)
            try:
                status, _headers, answer = stack.request(port, "POST", form_path, body, headers)
            except OSError as error:
                status, answer = None, repr(error).encode()
            with lock:
                order.append(status)
                if status == 302:
                    outcomes["booked"] += 1
                    successes.append(email)
                elif status == 503 and RETRY_TEXT in answer:
                    outcomes["503, asked to send again"] += 1
                else:
                    outcomes[f"unexpected {status}: {answer[:120]!r}"] += 1
            time.sleep(0.05)

    threads = [threading.Thread(target=client, args=(n,)) for n in range(CLIENTS)]
    for thread in threads:
        thread.start()
    gate.wait(timeout=120)
    # Restart once the first bookings are in, while the rest are on their way.
    while True:
        with lock:
            if outcomes["booked"] >= CLIENTS:
                break
        time.sleep(0.02)
    began = time.monotonic()
    restart()
    restart_seconds = time.monotonic() - began
    restarted.set()
    for thread in threads:
        thread.join()
    return outcomes, successes, order, restart_seconds


def checks(outcomes, successes, order, session_pk):
    from core.models import OutboxMessage
    from events.domain.registration import SEATED
    from events.models import Booking, Registration, Seats

    drill = Registration.objects.filter(email__startswith="drill-")
    bookings = Booking.objects.filter(registration__in=drill)
    seats = Seats.objects.get(page_id=session_pk)
    seated = Booking.objects.filter(session_id=session_pk, status__in=SEATED).count()
    unexpected = {key: n for key, n in outcomes.items() if key.startswith("unexpected")}
    after = order[order.index(503) :] if 503 in order else []
    emails = OutboxMessage.objects.filter(to__startswith="drill-").values_list("to", flat=True)
    emails = sorted(emails)
    return [
        (f"answers: {dict(outcomes)}", not unexpected),
        ("some requests met the restart and were told to send again",
         outcomes["503, asked to send again"] > 0),
        ("bookings resumed after the restart", 302 in after),
        (f"registrations in the database: {drill.count()}, bookings answered: {len(successes)}",
         sorted(drill.values_list("email", flat=True)) == sorted(successes)),
        (f"one booking per registration: {bookings.count()} for {drill.count()}",
         bookings.count() == drill.count()
         and not drill.exclude(pk__in=bookings.values("registration_id")).exists()),
        (f"seats taken {seats.taken} = seated bookings {seated}", seats.taken == seated),
        (f"confirmation emails: {len(emails)}, one per registration",
         emails == sorted(drill.values_list("email", flat=True))),
    ]  # fmt: skip


def main():
    with stack.demo_site("xarxa-drill-") as (scratch, form_path, sessions):
        log_path = scratch / "gunicorn.log"

        def restart():
            stack.run(stack.RESTART[os.environ["DATABASE_URL"]])

        with stack.gunicorn(log_path) as port:
            outcomes, successes, order, seconds = drive(port, form_path, sessions["large"], restart)
        from django.db import connection

        connection.close()  # the drill's own connection died with the restart
        verdicts = checks(outcomes, successes, order, sessions["large"])
        print(
            f"\nDrill: PostgreSQL restarted during registration load (restart took {seconds:.1f} s)"
        )
        for description, ok in verdicts:
            print(f"  {'ok    ' if ok else 'FAILED'}  {description}")
        logged = stack.logged_problems(log_path.read_text(errors="replace"))
        problems = collections.Counter(problem for problem, _lines in logged)
        # The outage's own database errors are logged (with their tracebacks) by the 503
        # handler; anything else in the log is a problem.
        unexpected = {}
        for problem, lines in logged:
            if not is_outage(problem):
                unexpected.setdefault(problem, lines)
        mark = "ok    " if not unexpected else "FAILED"
        print(f"  {mark}  gunicorn log: {dict(problems) or 'clean'}")
        for problem, lines in unexpected.items():
            print(f"\n{problem}, the first time it was logged:\n{lines}")
        if unexpected or not all(ok for _d, ok in verdicts):
            print(stack.tail(log_path))
            sys.exit(1)


if __name__ == "__main__":
    main()
