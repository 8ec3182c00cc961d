"""Where the team's shared folder is: beside the checkout (as in CI), or XARXA_SHARED_DIR;
and small helpers tests share."""

import os
import socket
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("XARXA_SHARED_DIR", ROOT.parent / "shared"))
ICS_CHECK = SHARED / "tools" / "ics-check"
# c3voc's frab schemas, kept as test data (see SOURCE.md beside them).
FRAB = ROOT / "tests" / "data" / "frab"


def ics_check(*paths):
    """Run the shared validator (three parsers and the RFC rules clients trip on)."""
    result = subprocess.run(
        [str(ICS_CHECK), *map(str, paths)], capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def closed_port():
    """A loopback port nothing listens on: a server that is down."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
