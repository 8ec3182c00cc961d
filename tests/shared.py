"""Where the team's shared folder is: beside the checkout (as in CI), or XARXA_SHARED_DIR."""

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("XARXA_SHARED_DIR", ROOT.parent / "shared"))
SPEC = SHARED / "spec"
ICS_CHECK = SHARED / "tools" / "ics-check"
