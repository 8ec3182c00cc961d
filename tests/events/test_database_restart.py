"""Fault drill, run by make test: PostgreSQL restarts during registration load.

The drill (bench/drill_database_restart.py) starts its own throwaway cluster and
gunicorn, restarts the cluster under 20 registering delegates and checks every answer
and the database afterwards; see its docstring. It runs in the PostgreSQL pass."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


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
