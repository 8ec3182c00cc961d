"""Helpers tests share: the calendar check, c3voc's frab schemas, a closed port."""

import socket
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# c3voc's frab schemas, kept as test data (see SOURCE.md beside them).
FRAB = ROOT / "tests" / "data" / "frab"


def ics_check(*paths):
    """Three parsers must agree on every file, and each keeps the RFC rules clients trip
    on (tests/ics_check). Returns the report, one OK line per file."""
    from tests.ics_check import check

    reports = check(paths)
    output = "\n".join(map(str, reports))
    assert all(report.ok for report in reports), output
    return output


def closed_port():
    """A loopback port nothing listens on: a server that is down."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
