"""One log file per process: the desktop, each worker and each command write their own.

A rotating file handler is safe only while one process rotates the file, and a desk and a
worker on one machine run at the same time. So each process writes `<role>-<pid>.log` in the
user's log folder and rotates only that file; when a process starts, the files of its role
beyond the newest few are deleted, except those of a process that is still running.
"""

from __future__ import annotations

import io
import logging
import logging.handlers
import os
import re
import sys
from pathlib import Path
from typing import cast

from models.db import redact
from services.files import open_private, private_directory

ROLES = ("desktop", "worker", "cli")
KEEP_PER_ROLE = 10
MAX_BYTES = 5_000_000
BACKUPS = 3

FILE_FORMAT = "%(asctime)s %(levelname)s %(threadName)s %(name)s: %(message)s"


def log_directory() -> Path:
    from platformdirs import user_log_path

    return user_log_path("subscriptions-admin", appauthor=False)


def log_file_name(role: str, pid: int) -> str:
    return f"{role}-{pid}.log"


def _pid_of(role: str, name: str) -> int | None:
    """The process id in one of a role's file names (rotated copies end in .1, .2, …), else None."""
    match = re.fullmatch(rf"{re.escape(role)}-(\d+)\.log(?:\.\d+)?", name)
    return int(match[1]) if match else None


def _last_written(paths: list[Path]) -> float:
    times = []
    for path in paths:
        try:
            times.append(path.stat().st_mtime)
        except OSError:  # another process starting at the same moment removed it
            pass
    return max(times, default=0.0)


def _still_running(pid: int) -> bool:
    if os.name != "posix":
        # Windows refuses to delete a file another process holds open, which protects it instead.
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # it runs, under another user
        return True
    return True


def remove_old_logs(directory: Path, role: str, own_pid: int, keep: int = KEEP_PER_ROLE) -> list[Path]:
    """Delete the role's files beyond the `keep` most recently written processes; return what went."""
    by_pid: dict[int, list[Path]] = {}
    for path in directory.glob(f"{role}-*.log*"):
        pid = _pid_of(role, path.name)
        if pid is not None:
            by_pid.setdefault(pid, []).append(path)
    newest_first = sorted(by_pid, key=lambda pid: _last_written(by_pid[pid]), reverse=True)
    removed = []
    for pid in newest_first[keep:]:
        if pid == own_pid or _still_running(pid):
            continue
        for path in by_pid[pid]:
            try:
                path.unlink()
                removed.append(path)
            except FileNotFoundError:
                pass
            except OSError as error:
                logging.getLogger(__name__).info("cannot remove the old log %s: %s", path, error)
    return removed


class RedactingFormatter(logging.Formatter):
    """Formats a record, traceback included, with the password of any user:password@ replaced by ***."""

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating log whose files (the first and each one after a rotation) are created 0600."""

    def _open(self) -> io.TextIOWrapper:
        return cast(io.TextIOWrapper, open_private(Path(self.baseFilename), self.mode, self.encoding))


def open_process_log(
    directory: Path,
    role: str,
    pid: int,
    *,
    max_bytes: int = MAX_BYTES,
    backups: int = BACKUPS,
    keep: int = KEEP_PER_ROLE,
) -> logging.handlers.RotatingFileHandler:
    """A handler on this process's own file, after clearing away the role's old files."""
    if role not in ROLES:
        raise ValueError(f"unknown log role {role!r}")
    private_directory(directory)
    handler = PrivateRotatingFileHandler(
        directory / log_file_name(role, pid), maxBytes=max_bytes, backupCount=backups, encoding="utf-8"
    )
    handler.setFormatter(RedactingFormatter(FILE_FORMAT))
    remove_old_logs(directory, role, pid, keep)
    return handler


def setup_logging(role: str, verbose: bool = False) -> Path | None:
    """Log warnings to stderr and everything to this process's own file; return that file's path.

    None when the file cannot be written (the reason goes to stderr). A second call in one process,
    or a test runner that already catches the log, leaves the handlers as they are.
    """
    root = logging.getLogger()
    if root.handlers:
        return next(
            (
                Path(handler.baseFilename)
                for handler in root.handlers
                if isinstance(handler, logging.handlers.RotatingFileHandler)
            ),
            None,
        )
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    console = logging.StreamHandler(sys.stderr)
    console.setLevel(logging.DEBUG if verbose else logging.WARNING)
    console.setFormatter(RedactingFormatter("%(levelname)s %(name)s: %(message)s"))
    root.addHandler(console)
    try:
        handler = open_process_log(log_directory(), role, os.getpid())
    except OSError as error:
        root.warning("cannot write the log file: %s", error)
        return None
    root.addHandler(handler)
    return Path(handler.baseFilename)
