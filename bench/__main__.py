"""Run the whole benchmark suite, each module in a process of its own, and print one table.

    python -m bench [--quick] [--json FILE] [--only NAME ...]

``--quick`` uses small data sets and one repeat (CI prints it; it never fails on a figure).
The full run is what README's "Measured" section quotes.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.report import Row, read_rows, table, write_rows

# In the order the table lists them.
MODULES = [
    "renewal",
    "tables",
    "retries",
    "demo",
    "desk",
]


def run_module(name: str, quick: bool, folder: Path) -> tuple[list[Row] | None, float]:
    """The module's rows and how long it took; None when it crashed (its output says why)."""
    out = folder / f"{name}.json"
    command = [sys.executable, "-m", f"bench.{name}", "--json", str(out)] + (["--quick"] if quick else [])
    began = time.perf_counter()
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    finished = subprocess.run(command, cwd=Path(__file__).resolve().parent.parent, env=env)
    seconds = time.perf_counter() - began
    if finished.returncode != 0 or not out.exists():
        return None, seconds
    return read_rows(out), seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small data sets, one repeat (under two minutes)")
    parser.add_argument("--json", metavar="FILE", type=Path, help="also write every row as JSON")
    parser.add_argument("--only", nargs="+", choices=MODULES, metavar="NAME", help=f"one of {', '.join(MODULES)}")
    args = parser.parse_args()
    rows: list[Row] = []
    failed: list[str] = []
    with tempfile.TemporaryDirectory(prefix="subs-bench-") as folder:
        for name in args.only or MODULES:
            print(f"== bench.{name}", flush=True)
            module_rows, seconds = run_module(name, args.quick, Path(folder))
            print(f"   ({seconds:.0f} s)", flush=True)
            if module_rows is None:
                failed.append(name)
                rows.append(Row(f"bench.{name} did not finish", "—", "failed"))
            else:
                rows += module_rows
    print()
    print(table(rows))
    if args.json:
        write_rows(rows, args.json)
    if failed:
        print(f"error: {', '.join(failed)} did not finish; see the output above", file=sys.stderr)
    # A figure that misses its goal is reported, not failed: only a benchmark that crashed fails the run.
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
