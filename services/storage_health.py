"""Whether the database can be written: a full or read-only disk, told apart from other failures.

A write that fails because the disk holding the database is full (or the file or its disk is read-only)
is not a bug and not a problem of the data: nothing was saved, and the same work succeeds once space is
freed. ``storage_problem`` recognises it on both engines; ``storage_health`` remembers it for the desk and
the worker (the database itself cannot record it) until a write succeeds again.
"""

from __future__ import annotations

import errno
import logging
import sqlite3
import threading
from collections.abc import Callable
from datetime import UTC, datetime

import peewee

from models.db import set_write_observer

log = logging.getLogger(__name__)

DISK_FULL = "disk_full"
READ_ONLY = "read_only"

# What SQLite says (through sqlite3 or peewee, lower-cased), and PostgreSQL's SQLSTATE codes.
_SQLITE_TEXTS = (
    ("database or disk is full", DISK_FULL),
    ("attempt to write a readonly database", READ_ONLY),
)
_PG_CODES = {"53100": DISK_FULL, "25006": READ_ONLY}
_PG_TEXTS = (("no space left on device", DISK_FULL), ("could not extend file", DISK_FULL))


def storage_problem(error: BaseException) -> str | None:
    """``DISK_FULL`` or ``READ_ONLY`` when ``error`` (or an exception it was raised from) says the
    database cannot be written for lack of space or permission; None otherwise."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, OSError) and current.errno in (errno.ENOSPC, errno.EDQUOT):
            return DISK_FULL
        if isinstance(current, OSError) and current.errno == errno.EROFS:
            return READ_ONLY
        code = getattr(current, "pgcode", None)
        if code in _PG_CODES:
            return _PG_CODES[code]
        if isinstance(current, sqlite3.Error | peewee.DatabaseError | peewee.InterfaceError):
            text = str(current).lower()
            for fragment, problem in (*_SQLITE_TEXTS, *_PG_TEXTS):
                if fragment in text:
                    return problem
        current = current.__cause__ or current.__context__
    return None


class StorageHealth:
    """The current storage problem of this process's database, if any, and who wants to hear of changes.

    ``report`` is called where a write failed, ``writes_work`` where one committed; listeners are
    called (on the thread that noticed) only when the condition starts, changes or ends.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._problem: str | None = None
        self._since: datetime | None = None
        self._listeners: list[Callable[[str | None], None]] = []

    @property
    def problem(self) -> str | None:
        return self._problem

    @property
    def since(self) -> datetime | None:
        """When the current problem was first seen (real time, UTC)."""
        return self._since

    def subscribe(self, listener: Callable[[str | None], None]) -> Callable[[], None]:
        """Call ``listener(problem)`` on each change; returns the function that unsubscribes it."""
        with self._lock:
            self._listeners.append(listener)

        def unsubscribe() -> None:
            with self._lock:
                if listener in self._listeners:
                    self._listeners.remove(listener)

        return unsubscribe

    def report(self, error: BaseException) -> str | None:
        """Note ``error`` if it is a storage problem; returns the problem (None: not one)."""
        problem = storage_problem(error)
        if problem is not None:
            self._set(problem)
        return problem

    def observe(self, error: BaseException | None) -> None:
        """An outermost write transaction ended: committed (None) or with ``error``."""
        if error is None:
            self.writes_work()
        else:
            self.report(error)

    def writes_work(self) -> None:
        """A write committed: whatever stopped writes is over."""
        if self._problem is not None:
            self._set(None)

    def _set(self, problem: str | None) -> None:
        with self._lock:
            if problem == self._problem:
                return
            self._problem = problem
            self._since = datetime.now(UTC).replace(tzinfo=None) if problem else None
            listeners = list(self._listeners)
        if problem:
            log.error("the database cannot be written: %s", problem.replace("_", " "))
        else:
            log.warning("the database can be written again")
        for listener in listeners:
            try:
                listener(problem)
            except Exception:
                log.exception("a storage condition listener failed")


storage_health = StorageHealth()
set_write_observer(storage_health.observe)
