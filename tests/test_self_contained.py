"""The project must run from a bare clone, with nothing beside it."""

import subprocess

from tests.shared import ROOT

OUTSIDE = ("../" + "shared", "XARXA_" + "SHARED_DIR")


def test_no_file_refers_to_anything_beside_the_checkout():
    """Before tests/data/frab and tests/ics_check, a bare clone failed 11 tests and
    errored in 6 on FileNotFoundError for files in a folder beside the checkout; this
    found that folder named in tests/shared.py, the README and .ci/run."""
    tracked = subprocess.run(
        ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True
    ).stdout.split(b"\0")
    found = []
    for name in filter(None, tracked):
        path = ROOT / name.decode()
        if not path.is_file():
            continue
        text = path.read_bytes().decode("utf-8", "replace")
        found += [f"{name.decode()}: {needle}" for needle in OUTSIDE if needle in text]
    assert found == []
