"""Fault drill, run by make test: PostgreSQL restarts during registration load.

The drill (bench/drill_database_restart.py) starts its own throwaway cluster and
gunicorn, restarts the cluster under 20 registering delegates and checks every answer
and the database afterwards; see its docstring. It runs in the PostgreSQL pass."""

import os
import subprocess
import sys
import traceback
from pathlib import Path

import pytest
from django.db.utils import OperationalError

ROOT = Path(__file__).resolve().parents[2]
sys.path.append(str(ROOT / "bench"))  # for _stack, after everything it could hide


@pytest.mark.postgres
def test_registration_survives_a_database_restart():
    env = {
        k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")
    }
    result = subprocess.run(
        [sys.executable, "drill_database_restart.py"],
        cwd=ROOT / "bench",
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    # The verdicts come first in the output, the gunicorn log's tail after them.
    report = result.stdout[:3000] + "\n[...]\n" + result.stdout[-2000:] + result.stderr[-2000:]
    assert result.returncode == 0, report
    assert "FAILED" not in result.stdout
    assert "some requests met the restart and were told to send again" in result.stdout


def _logged(exception_chain):
    """What the 503 handler writes for an exception: Python's own traceback text."""
    try:
        exception_chain()
    except Exception:
        return "[2026-12-02 00:00:00 +0000] [1] [INFO] Booting worker\n" + traceback.format_exc()


def test_a_chained_traceback_is_one_problem_named_by_its_last_exception():
    # Django's related-object lookup: a cache miss (KeyError) during which the query fails.
    def lookup():
        try:
            {}["conference"]
        except KeyError:  # the implicit chain, as Django leaves it
            raise OperationalError("server closed the connection\n\tThis probably")  # noqa: B904

    def wrapped():
        try:
            lookup()
        except OperationalError as error:
            raise RuntimeError("the request failed") from error

    from _stack import logged_problems

    text = _logged(lookup) + _logged(wrapped) + "[ERROR] Worker (pid:7) was sent SIGKILL\n"
    problems = [problem for problem, _lines in logged_problems(text)]
    assert problems == [
        "django.db.utils.OperationalError: server closed the connection",
        "RuntimeError: the request failed",
        "Worker (pid:7) was sent SIGKILL",
    ]
    # Each problem carries its whole chain, so a drill can show where it began.
    _problem, lines = logged_problems(text)[0]
    assert "KeyError: 'conference'" in lines and "Booting worker" not in lines


def test_the_drill_accepts_every_lost_connection_and_nothing_else():
    """A fast shutdown ends in psycopg.errors.AdminShutdown ("terminating connection due
    to administrator command"); the drill once failed on it, as its list of accepted
    names held only the base classes. An IntegrityError or a worker killed stays a
    problem."""
    import psycopg
    from _stack import logged_problems
    from django.db.utils import IntegrityError, InterfaceError
    from drill_database_restart import is_outage

    def raising(error):
        def go():
            raise error

        return go

    text = "".join(
        _logged(raising(error))
        for error in (
            psycopg.errors.AdminShutdown("terminating connection due to administrator command"),
            psycopg.OperationalError("connection is lost"),
            OperationalError("server closed the connection unexpectedly"),
            InterfaceError("connection already closed"),
            IntegrityError("duplicate key value violates unique constraint"),
            psycopg.errors.UniqueViolation("duplicate key value"),
        )
    )
    text += "[ERROR] Worker (pid:7) was sent SIGKILL\n"
    verdicts = [(problem.split(":")[0], is_outage(problem)) for problem, _ in logged_problems(text)]
    assert verdicts == [
        ("psycopg.errors.AdminShutdown", True),
        ("psycopg.OperationalError", True),
        ("django.db.utils.OperationalError", True),
        ("django.db.utils.InterfaceError", True),
        ("django.db.utils.IntegrityError", False),
        ("psycopg.errors.UniqueViolation", False),
        ("Worker (pid", False),
    ]
