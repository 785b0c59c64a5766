"""What a benchmark reports, and how one module runs on its own or under ``python -m bench``.

Each benchmark module defines ``run(quick: bool, workdir: Path) -> list[Row]`` and ends with
``if __name__ == "__main__": main(run)``. The suite runs every module in a process of its own
(so start-up and peak memory are each module's own) and prints one table of all rows.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from pathlib import Path


@dataclass(frozen=True)
class Row:
    """One measure: what was measured, its goal, the result, the anchor measured beside it, their ratio.

    ``met`` is None when the measure has no goal of its own (an anchor's own row, a figure for reference).
    """

    measure: str
    goal: str
    result: str
    anchor: str = "—"
    ratio: str = "—"
    met: bool | None = None


Runner = Callable[[bool, Path], list[Row]]

COLUMNS = ("measure", "goal", "result", "anchor", "ratio", "met")


def median_of(repeats: int, measure: Callable[[], float]) -> float:
    """The median of ``repeats`` calls of ``measure`` (each returns one figure)."""
    return statistics.median(measure() for _ in range(repeats))


class Stopwatch:
    """``with Stopwatch() as watch: ...`` then ``watch.seconds``."""

    seconds: float = 0.0

    def __enter__(self) -> Stopwatch:
        self._began = time.perf_counter()
        return self

    def __exit__(self, *exc: object) -> None:
        self.seconds = time.perf_counter() - self._began


def peak_rss_mb() -> float:
    """This process's peak resident memory so far, in MB (Linux reports kilobytes)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def rate(count: int, seconds: float) -> str:
    return f"{count / seconds:,.0f}/s" if seconds > 0 else "—"


def ms(seconds: float) -> str:
    return f"{seconds * 1000:,.0f} ms" if seconds >= 0.01 else f"{seconds * 1000:.1f} ms"


def times(ratio: float) -> str:
    return f"{ratio:.2f}×"


def verdict(met: bool | None) -> str:
    return {True: "yes", False: "no", None: ""}[met]


def table(rows: Iterable[Row]) -> str:
    """The rows as a Markdown table, as README quotes it."""
    lines = [
        "| measure | goal | result | anchor | ratio | met |",
        "|---|---|---|---|---|---|",
    ]
    for row in rows:
        cells = [row.measure, row.goal, row.result, row.anchor, row.ratio, verdict(row.met)]
        lines.append("| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |")
    return "\n".join(lines)


def write_rows(rows: list[Row], path: Path) -> None:
    path.write_text(json.dumps([asdict(row) for row in rows], ensure_ascii=False, indent=1), encoding="utf-8")


def read_rows(path: Path) -> list[Row]:
    return [Row(**fields) for fields in json.loads(path.read_text(encoding="utf-8"))]


def main(run: Runner, argv: list[str] | None = None) -> None:
    """Run one benchmark module: print its table, and write its rows as JSON when asked."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="small data sets, one repeat")
    parser.add_argument("--json", metavar="FILE", type=Path, help="also write the rows as JSON")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="subs-bench-") as folder:
        rows = run(args.quick, Path(folder))
    print(table(rows), flush=True)
    if args.json:
        write_rows(rows, args.json)
