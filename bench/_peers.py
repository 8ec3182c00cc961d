"""Peers: other projects doing what Xarxa does, measured in the same run. Each lives in
bench/peers/<name>/ (its requirements.txt and scripts) and runs in its own virtualenv
under var/peers/<name>, made here at bench time, never by make test."""

import subprocess
import sys
import venv

from _setup import ROOT

PEERS = ROOT / "bench" / "peers"


def python(name):
    """The peer's virtualenv's Python, made (or remade) when its requirements changed."""
    requirements = PEERS / name / "requirements.txt"
    home = ROOT / "var" / "peers" / name
    stamp = home / ".installed"
    wanted = requirements.read_text(encoding="utf-8")
    if not stamp.exists() or stamp.read_text(encoding="utf-8") != wanted:
        print(f"Installing {name} in {home.relative_to(ROOT)}", flush=True)
        venv.create(home, clear=True, with_pip=True)
        subprocess.run(
            [home / "bin" / "python", "-m", "pip", "install", "--quiet",
             "--disable-pip-version-check", "-r", requirements],
            check=True,
        )  # fmt: skip
        stamp.write_text(wanted, encoding="utf-8")
    return home / "bin" / "python"


def run(name, script, *arguments):
    """What the peer's script printed (its last line, JSON), run from its own folder so
    nothing of Xarxa's is on its path (django-newsletter's app is named `newsletter`
    too)."""
    import json

    done = subprocess.run(
        [python(name), script, *map(str, arguments)],
        cwd=PEERS / name,
        capture_output=True,
        text=True,
    )
    if done.returncode:
        sys.exit(f"peer {name} failed (exit {done.returncode}):\n{done.stdout}{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])
