"""pretalx's side of the comparison, as Xarxa's bench drives it: its virtualenv under
var/pretalx/ (made the first time, on Python 3.13), its environment and settings, a
process that answers for pretalx's database, and its gunicorn."""

import json
import os
import shutil
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import _stack
from _setup import ROOT

HERE = Path(__file__).resolve().parent
PRETALX_SPEC = "pretalx==2026.2.*"
VAR = ROOT / "var" / "pretalx"
VENV = VAR / "venv"


def fail(message):
    print(f"\npeers/pretalx: {message}", file=sys.stderr, flush=True)
    sys.exit(1)


def pretalx_environment(data_dir):
    """pretalx's configuration, all through its PRETALX_* variables: SQLite in data_dir,
    DEBUG off, no Celery broker (tasks run in the request), static files collected once
    under var/; bench_pretalx_settings replaces the Redis cache and sessions."""
    return {
        **os.environ,
        "PRETALX_DATA_DIR": str(data_dir),
        "PRETALX_DEBUG": "False",
        "PRETALX_SITE_URL": "http://localhost",
        "PRETALX_FILESYSTEM_STATIC": str(VAR / "static"),
        "PRETALX_CELERY_BROKER": "",
        "PRETALX_NO_INITIAL_LOG": "1",
        "DJANGO_SETTINGS_MODULE": "bench_pretalx_settings",
        "PYTHONPATH": str(HERE),
    }


def pretalx_python(*arguments, env):
    """Run pretalx's Python; on failure, stop the benchmark saying what failed."""
    done = subprocess.run(
        [str(VENV / "bin" / "python"), *map(str, arguments)],
        env=env,
        capture_output=True,
        text=True,
    )
    if done.returncode:
        fail(f"`python {' '.join(map(str, arguments))}` failed:\n{done.stdout}{done.stderr}")
    return done.stdout


def python313():
    """PRETALX_PYTHON, or a python3.13 that runs: on PATH, or pyenv's 3.13 (pyenv's shim
    on PATH refuses a version that is installed but not selected)."""
    candidates = [os.environ.get("PRETALX_PYTHON"), shutil.which("python3.13")]
    if shutil.which("pyenv"):
        prefix = subprocess.run(["pyenv", "prefix", "3.13"], capture_output=True, text=True)
        candidates.append(prefix.stdout.strip() + "/bin/python3.13" if prefix.stdout else None)
    for python in filter(None, candidates):
        works = subprocess.run([python, "--version"], capture_output=True, text=True)
        if works.returncode == 0 and works.stdout.startswith("Python 3.13"):
            return python
    fail("pretalx needs Python 3.13: put python3.13 on PATH or set PRETALX_PYTHON.")


def install_pretalx(scratch):
    """pretalx and gunicorn in var/pretalx/venv, once: the marker names what is installed."""
    marker = VENV / f".installed {PRETALX_SPEC}"
    if marker.exists():
        return
    python = python313()
    print(f"Installing {PRETALX_SPEC} with {python} into {VENV} ...", flush=True)
    shutil.rmtree(VENV, ignore_errors=True)
    steps = (
        [python, "-m", "venv", VENV],
        [VENV / "bin" / "pip", "install", "--quiet", "--disable-pip-version-check",
         PRETALX_SPEC, "gunicorn"],
    )  # fmt: skip
    for step in steps:
        done = subprocess.run([str(part) for part in step], capture_output=True, text=True)
        if done.returncode:
            tail = "\n".join((done.stdout + done.stderr).splitlines()[-40:])
            fail(f"installing pretalx failed at `{' '.join(map(str, step))}`:\n{tail}")
    # Collected once into var/pretalx/static: DEBUG off serves them from a manifest.
    pretalx_python("-m", "pretalx", "rebuild", "--silent", env=pretalx_environment(scratch))
    marker.touch()
    version = pretalx_python("-c", "import pretalx; print(pretalx.__version__)", env=os.environ)
    print(f"pretalx {version.strip()} installed.", flush=True)


@contextmanager
def pretalx_agent(env):
    """pretalx_side.py `agent`: edits and query counts in pretalx's own process."""
    process = subprocess.Popen(
        [str(VENV / "bin" / "python"), str(HERE / "pretalx_side.py"), "agent"],
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )

    def ask(command):
        process.stdin.write(json.dumps(command) + "\n")
        process.stdin.flush()
        line = process.stdout.readline()
        if not line:
            fail(f"pretalx's agent stopped (exit {process.wait()}) on {command}")
        return json.loads(line)

    try:
        yield ask
    finally:
        process.stdin.close()
        process.wait(timeout=30)


@contextmanager
def pretalx_gunicorn(env, log_path):
    """pretalx's WSGI app as its documentation runs it: gunicorn, here with 2 sync workers."""
    port = _stack.free_port()
    command = [
        VENV / "bin" / "gunicorn",
        "--workers", _stack.WORKERS,
        "--bind", f"127.0.0.1:{port}",
        "--pythonpath", HERE,
        "pretalx.wsgi:application",
    ]  # fmt: skip
    with open(log_path, "w") as log:
        process = subprocess.Popen([str(p) for p in command], env=env, stdout=log, stderr=log)
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                fail(f"pretalx's gunicorn exited:\n{_stack.tail(log_path)}")
            try:
                _stack.request(port, "GET", "/healthcheck/", headers={"Host": "localhost"})
                break
            except OSError:
                if time.monotonic() > deadline:
                    fail(f"pretalx's gunicorn did not answer:\n{_stack.tail(log_path)}")
                time.sleep(0.2)
        yield port
    finally:
        process.terminate()
        process.wait(timeout=15)
