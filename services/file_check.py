"""Is the database file sound? SQLite's own page-level checks, and a gate that keeps writes out of a damaged file.

``check`` runs the full ``PRAGMA integrity_check`` before it looks at the books; the desktop and
the worker run the faster ``quick_check`` when they open the file, on a thread of its own so a
large file never holds up the sign-in, and every write waits for its verdict. A damaged file is
never written to: writing into it can spread the damage, and the last good backup is the way back.

PostgreSQL checks its own pages (and reports damage on the query that meets it): nothing is run
there.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from pathlib import Path

log = logging.getLogger(__name__)

# SQLite lists at most this many problems; the first few say enough about what is wrong.
PROBLEM_LIMIT = 20

# What SQLite says when a page it reads is not what it should be.
DAMAGE_MESSAGES = (
    "database disk image is malformed",
    "file is not a database",
    "file is encrypted or is not",
    "could not decode to utf-8",
)


class DamagedDatabase(Exception):
    """The database file failed SQLite's own check: nothing is written to it."""

    def __init__(self, path: str, problems: list[str]) -> None:
        self.path = path
        self.problems = problems
        super().__init__(
            f"the database file {path} is damaged ({problems[0] if problems else 'unreadable'}); nothing will be "
            "written to it: restore the latest backup (the restore command, with the desktop and workers "
            "stopped), or ask whoever looks after the server"
        )


def is_damage(error: BaseException) -> bool:
    """An error SQLite raises when a page it reads is damaged, or the file is not a database at all."""
    return any(message in str(error).lower() for message in DAMAGE_MESSAGES)


def page_problems(path: str | Path, *, quick: bool) -> list[str]:
    """SQLite's own check of every page of the file: [] when it is sound, else what it found.

    Read on a connection of its own, read-only, so it neither waits for nor blocks a writer.
    """
    pragma = "quick_check" if quick else "integrity_check"
    try:
        connection = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False)
    except sqlite3.Error as error:
        return [str(error)]
    try:
        rows = connection.execute(f"PRAGMA {pragma}({PROBLEM_LIMIT})").fetchall()
    except sqlite3.DatabaseError as error:  # a header SQLite cannot read at all
        return [str(error)]
    finally:
        connection.close()
    lines = [line for (text,) in rows for line in str(text).splitlines() if line.strip()]
    lines = [line for line in lines if not line.startswith("*** in database")]
    return [] if lines == ["ok"] else lines[:PROBLEM_LIMIT]


class FileCheck:
    """The quick check of one SQLite file, run once on its own thread; ``verdict()`` waits for it.

    Installed as the database's write gate: a write waits for the verdict (never long: the check
    reads each page once) and is refused with ``DamagedDatabase`` when the file is damaged.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        self._done = threading.Event()
        self._damage: DamagedDatabase | None = None
        self._thread = threading.Thread(target=self._run, name="file-check", daemon=True)

    def start(self) -> FileCheck:
        self._thread.start()
        return self

    def _run(self) -> None:
        try:
            problems = page_problems(self.path, quick=True)
        except Exception as error:  # noqa: BLE001 - a check that cannot run says so, it does not pass
            log.exception("the quick check of %s could not run", self.path)
            problems = [f"the check could not run: {error}"]
        if problems:
            log.error("the database file %s is damaged: %s", self.path, "; ".join(problems[:3]))
            self._damage = DamagedDatabase(self.path, problems)
        else:
            log.info("the database file %s passed SQLite's quick check", self.path)
        self._done.set()

    def verdict(self, timeout: float | None = None) -> DamagedDatabase | None:
        """None when the file is sound; the damage when it is not. Waits for the check to finish."""
        if not self._done.wait(timeout):
            raise TimeoutError("the database file check has not finished")
        return self._damage

    def __call__(self) -> None:
        """The write gate: returns when the file is sound, raises its damage otherwise."""
        damage = self.verdict()
        if damage is not None:
            raise damage
