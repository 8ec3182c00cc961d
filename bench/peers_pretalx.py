"""Xarxa against the real pretalx, in the same run: bench/peers/pretalx/bench.py.

bench/run.py runs the scripts directly in bench/; this one hands over to the peer's
folder, which keeps pretalx's side (run with pretalx's own Python) apart from ours."""

import runpy
from pathlib import Path

runpy.run_path(str(Path(__file__).parent / "peers" / "pretalx" / "bench.py"), run_name="__main__")
