"""One place turns an exception into what the operator sees.

Three kinds of answer: a domain refusal speaks for itself; a known failure of
the machine (a busy database, a full disk, a lost database server) is named
with what to do about it; anything else is a bug, shown as "unexpected". Known
failures and bugs are both logged with their traceback.
"""

from __future__ import annotations

import errno
import logging
import sqlite3
from enum import Enum

import peewee
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from services.errors import DomainError
from ui.tasks import TRACEBACK_TEXT

log = logging.getLogger("ui")


class KnownFailure(Enum):
    """A failure of the machine the program runs on, not of the program."""

    DATABASE_LOCKED = "database locked"
    DISK_FULL = "disk full"
    DATABASE_CONNECTION_LOST = "database connection lost"


def known_failure_text(failure: KnownFailure) -> str:
    """What happened and what to do about it, in the operator's language."""
    if failure is KnownFailure.DATABASE_LOCKED:
        return QCoreApplication.translate(
            "ErrorDialog",
            "The database is busy: another desk or a background worker kept it locked for too long, "
            "so this was not done. Wait a moment and try again.",
        )
    if failure is KnownFailure.DISK_FULL:
        return QCoreApplication.translate(
            "ErrorDialog",
            "The disk is full, so this could not be saved. Free some space on the disk that holds "
            "the database (or the file you were saving), then try again.",
        )
    return QCoreApplication.translate(
        "ErrorDialog",
        "The connection to the PostgreSQL database server was lost, so this may not have been done. "
        "Check that the server is running and reachable, then refresh and try again.",
    )


# What the database drivers say, lower-cased. SQLite reports through sqlite3.OperationalError,
# psycopg2 through its OperationalError and InterfaceError; peewee re-raises each under its own
# class of the same name with the same text.
_MESSAGES = (
    ("database is locked", KnownFailure.DATABASE_LOCKED),
    ("database or disk is full", KnownFailure.DISK_FULL),
    ("server closed the connection", KnownFailure.DATABASE_CONNECTION_LOST),
    ("connection already closed", KnownFailure.DATABASE_CONNECTION_LOST),
    ("terminating connection due to administrator command", KnownFailure.DATABASE_CONNECTION_LOST),
)


def _driver_errors() -> tuple[type[BaseException], ...]:
    found: tuple[type[BaseException], ...] = (sqlite3.OperationalError, peewee.OperationalError, peewee.InterfaceError)
    try:
        import psycopg2
    except ImportError:  # PostgreSQL support is an optional extra; without it no such error can occur
        return found
    return (*found, psycopg2.OperationalError, psycopg2.InterfaceError)


_DRIVER_ERRORS = _driver_errors()


def known_failure(error: BaseException) -> KnownFailure | None:
    """Which known failure ``error`` reports, looking through the exceptions it was raised from."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, OSError) and current.errno == errno.ENOSPC:
            return KnownFailure.DISK_FULL
        if isinstance(current, _DRIVER_ERRORS):
            text = str(current).lower()
            for fragment, failure in _MESSAGES:
                if fragment in text:
                    return failure
        current = current.__cause__ or current.__context__
    return None


def _log_with_traceback(error: BaseException, summary: str) -> None:
    text = getattr(error, TRACEBACK_TEXT, None)
    if text:
        log.error("%s: %s\n%s", summary, error, text)
    else:
        log.error(summary, exc_info=(type(error), error, error.__traceback__))


def log_unexpected(error: BaseException) -> None:
    _log_with_traceback(error, "unexpected error")


def describe(error: BaseException) -> str:
    """The sentence for the operator. Known refusals and failures say what happened; bugs do not leak."""
    if isinstance(error, DomainError):
        return error.message
    failure = known_failure(error)
    if failure is not None:
        _log_with_traceback(error, failure.value)
        return known_failure_text(failure)
    log_unexpected(error)
    return QCoreApplication.translate(
        "ErrorDialog", "Something unexpected went wrong. The details were written to the log."
    )


def show_error(parent: QWidget | None, error: BaseException, title: str | None = None) -> None:
    box = QMessageBox(parent)
    expected = isinstance(error, DomainError) or known_failure(error) is not None
    box.setIcon(QMessageBox.Icon.Warning if expected else QMessageBox.Icon.Critical)
    box.setWindowTitle(title or QCoreApplication.translate("ErrorDialog", "Not done"))
    box.setText(describe(error))
    box.setObjectName("errorBox")
    box.open()
