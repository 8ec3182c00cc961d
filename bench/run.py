"""`make bench`: every benchmark in bench/, then one table of all their figures.

Each script runs in its own process (each builds its own database) and hands its rows
to this one through XARXA_BENCH_RESULTS. The table and bench/results.json hold, for
each measure, the figure, the baseline measured in the same run, their ratio and the
target its issue named. A script that fails stops the run.
"""

import datetime
import json
import os
import platform
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent


def scripts():
    return sorted(p for p in HERE.glob("*.py") if not p.name.startswith("_") and p.name != "run.py")


def machine():
    return {
        "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "memory_gib": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1),
    }


def shown(value, unit):
    if unit == "s":
        return f"{value * 1000:.2f} ms"
    if unit == "bytes":
        return f"{value / 1e6:.2f} MB"
    if unit == "req/s":
        return f"{value:.1f} req/s"
    return f"{value:g} {unit}"


def table(rows):
    header = ("benchmark", "measure", "figure", "baseline", "ratio", "target")
    lines = [
        (
            r["benchmark"],
            r["measure"],
            shown(r["figure"], r["unit"]),
            shown(r["baseline"], r["unit"]),
            f"{r['ratio']:.3f}" if r["ratio"] is not None else "-",
            r["target"],
        )
        for r in rows
    ]
    widths = [max(len(str(cell)) for cell in column) for column in zip(header, *lines, strict=True)]
    out = ["  ".join(f"{cell:<{width}}" for cell, width in zip(header, widths, strict=True))]
    out.append("  ".join("-" * width for width in widths))
    out += [
        "  ".join(f"{cell:<{width}}" for cell, width in zip(line, widths, strict=True))
        for line in lines
    ]
    return "\n".join(out)


def main():
    with tempfile.NamedTemporaryFile("r", suffix=".jsonl") as results:
        env = {**os.environ, "XARXA_BENCH_RESULTS": results.name}
        for script in scripts():
            print(f"\n=== {script.name}", flush=True)
            done = subprocess.run([sys.executable, str(script)], env=env, cwd=HERE.parent)
            if done.returncode:
                sys.exit(f"{script.name} failed (exit {done.returncode})")
        rows = [json.loads(line) for line in results.read().splitlines() if line.strip()]
    report = {"machine": machine(), "results": rows}
    (HERE / "results.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    info = report["machine"]
    print(
        f"\nAll benchmarks ({info['date']}, {info['cpus']} CPUs, {info['memory_gib']} GiB, "
        f"Python {info['python']}); also in bench/results.json\n"
    )
    print(table(rows))


if __name__ == "__main__":
    main()
