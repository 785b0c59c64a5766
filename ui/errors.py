"""One place turns an exception into what the operator sees.

Three kinds of answer: a domain refusal speaks for itself; a known failure of
the machine (a busy database, a full disk, a lost database server) is named
with what to do about it; anything else is a bug, shown as "unexpected". Known
failures and bugs are both logged with their traceback.
"""

from __future__ import annotations

import logging
import re
import sqlite3
import string
import sys
from enum import Enum
from functools import cache, lru_cache

import peewee
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from services.db_logins import PERMISSION_DENIED_CODE
from services.errors import ActionTerm, Amount, DomainError, Term
from services.file_check import DamagedDatabase, is_damage
from services.storage_health import READ_ONLY, storage_problem
from ui.formatting import money_text, number_text, operator_locale
from ui.pages.words import known_word, permission_text
from ui.tasks import TRACEBACK_TEXT

log = logging.getLogger("ui")


class KnownFailure(Enum):
    """A failure of the machine the program runs on, not of the program."""

    DATABASE_LOCKED = "database locked"
    DISK_FULL = "disk full"
    READ_ONLY = "database read-only"
    DATABASE_CONNECTION_LOST = "database connection lost"
    DATABASE_DAMAGED = "database file damaged"
    DATABASE_LOGIN_REFUSED = "refused by the database login's grants"
    SCHEMA_NEEDS_OWNER = "the schema needs its owner to migrate it"


def storage_condition_text(problem: str) -> str:
    """What the Scheduler page and the tray say while the database cannot be written."""
    if problem == READ_ONLY:
        return QCoreApplication.translate(
            "ErrorDialog",
            "The database cannot be written: its file or the disk that holds it is read-only. Renewals, retries "
            "and every change wait. Make it writable again; this clears by itself once a write succeeds.",
        )
    return QCoreApplication.translate(
        "ErrorDialog",
        "The disk holding the database is full. Renewals, retries and every change wait, and nothing is lost. "
        "Free space on that disk; this clears by itself once a write succeeds.",
    )


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
    if failure is KnownFailure.READ_ONLY:
        return QCoreApplication.translate(
            "ErrorDialog",
            "The database cannot be written: its file or the disk that holds it is read-only, so this was not "
            "saved. Make it writable again, then try again.",
        )
    if failure is KnownFailure.DATABASE_DAMAGED:
        return QCoreApplication.translate(
            "ErrorDialog",
            "The database file is damaged, so nothing more is written to it. Close the app and restore the "
            "latest backup (the restore command), or ask whoever looks after the database.",
        )
    if failure is KnownFailure.DATABASE_LOGIN_REFUSED:
        return QCoreApplication.translate(
            "ErrorDialog",
            "The database refused this change, so nothing was written: this desk's database login can only read, "
            "or may not change this (the catalogue, the settings and the operator accounts need an administrator's "
            "login). Ask whoever looks after the database for a login that may make it.",
        )
    if failure is KnownFailure.SCHEMA_NEEDS_OWNER:
        return QCoreApplication.translate(
            "ErrorDialog",
            "The database needs an upgrade that only the owner of its tables can make. Ask whoever looks after "
            "the database to run the migrate command with the owner's login, then start again.",
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
        problem = storage_problem(current)
        if problem is not None:
            return KnownFailure.READ_ONLY if problem == READ_ONLY else KnownFailure.DISK_FULL
        if isinstance(current, DamagedDatabase) or (
            # SQLite reports a damaged page as a DatabaseError, a text that is not UTF-8 as an OperationalError.
            isinstance(current, sqlite3.DatabaseError | peewee.DatabaseError) and is_damage(current)
        ):
            return KnownFailure.DATABASE_DAMAGED
        if getattr(current, "pgcode", None) == PERMISSION_DENIED_CODE:
            return KnownFailure.DATABASE_LOGIN_REFUSED
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


class _LocaleFormatter(string.Formatter):
    """str.format, except that "{count:,}" groups digits the way the operator's locale does."""

    def format_field(self, value, format_spec: str) -> str:
        if format_spec == "," and isinstance(value, int) and not isinstance(value, bool):
            return number_text(value)
        return super().format_field(value, format_spec)


_FORMATTER = _LocaleFormatter()


def term_text(word: str) -> str:
    """A word of the domain (a status, a role, "plan") in the operator's language."""
    if " or " in word:  # a choice of words: "retrying or manual"
        return QCoreApplication.translate("DomainTerms", " or ").join(term_text(part) for part in word.split(" or "))
    return known_word(word) or QCoreApplication.translate("DomainTerms", word)


def _shown(value: object) -> object:
    if isinstance(value, Amount):
        return money_text(value.minor, value.currency)
    if isinstance(value, ActionTerm):
        return permission_text(value.code)
    if isinstance(value, Term):
        return term_text(value)
    if isinstance(value, DomainError):
        return domain_message(value)
    return value


def domain_message(error: DomainError) -> str:
    """A domain error's sentence in the operator's language, its sums of money in their locale."""
    template = QCoreApplication.translate("DomainMessages", error.template)
    if not error.params:
        return template
    try:
        return _FORMATTER.vformat(template, (), {name: _shown(value) for name, value in error.params.items()})
    except (KeyError, IndexError, ValueError):  # a translation that lost a field: English still says it
        log.warning("the translation of %r does not fit its values", error.template)
        return error.message


# --- messages stored in English -------------------------------------------------------------------
# An error item, a top-up or a job run keeps the English sentence of the error that ended it. Each
# was made from one template, so the template finds its values again and says it in another language.


@cache
def _template_patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    from ui.domain_messages import TEMPLATES

    patterns = []
    for template in map(str, TEMPLATES):
        regex, fields = "", set()
        for literal, field, _spec, _conversion in string.Formatter().parse(template):
            regex += re.escape(literal)
            if field is not None:
                regex += f"(?P={field})" if field in fields else f"(?P<{field}>.+?)"
                fields.add(field)
        if fields:  # a template without values is found by the translator's own lookup
            patterns.append((re.compile(regex + r"\Z", re.DOTALL), template))
    # the most literal text first: "no plan {code!r}" must not take "no plan #{plan_id}"
    patterns.sort(key=lambda pair: -len(pair[0].pattern))
    return tuple(patterns)


def _fill(template: str, values: dict[str, str]) -> str:
    """A template with its fields replaced by text as found (quotes and digit groups included)."""
    return "".join(
        literal + (values[field] if field is not None else "")
        for literal, field, _spec, _conversion in string.Formatter().parse(template)
    )


_WORD = re.compile(r"[a-z][a-z _-]*")


def _stored_value_text(value: str) -> str:
    shown = _stored_message_text(value, _language())
    if shown != value:
        return shown
    return term_text(value) if _WORD.fullmatch(value) else value


def _language() -> str:
    return operator_locale().name()


@lru_cache(maxsize=4096)
def _stored_message_text(text: str, language: str) -> str:
    translated = QCoreApplication.translate("DomainMessages", text)
    if translated != text:
        return translated
    for pattern, template in _template_patterns():
        found = pattern.match(text)
        if found is not None:
            wording = QCoreApplication.translate("DomainMessages", template)
            if wording == template:
                return text
            return _fill(wording, {name: _stored_value_text(value) for name, value in found.groupdict().items()})
    return text


def stored_message_text(text: str) -> str:
    """A domain message stored as its English sentence, in the operator's language when a template
    of services/ made it; any other text as stored."""
    return _stored_message_text(text, _language()) if text else text


_SENTENCE_ENDS = (".", "!", "?", "…")


def as_sentence(text: str) -> str:
    """A domain message ("the gateway is down; nothing was sent"), which services word to sit inside
    other text and in logs, as a sentence of its own: a capital letter first, a full stop last."""
    text = text.strip()
    if not text:
        return text
    if not text.endswith(_SENTENCE_ENDS):
        text += "."
    return text[0].upper() + text[1:]


def describe(error: BaseException) -> str:
    """The sentence for the operator. Known refusals and failures say what happened; bugs do not leak."""
    if isinstance(error, DomainError):
        return as_sentence(domain_message(error))
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
    box.setTextFormat(Qt.TextFormat.PlainText)  # a message may quote a stored name or typed value
    box.setText(describe(error))
    box.setObjectName("errorBox")
    box.open()


def show_start_failure(detail: str, failure: KnownFailure = KnownFailure.DATABASE_DAMAGED) -> None:
    """The desktop cannot go on with its database: say so in a window, not only on a terminal nobody reads."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    box = QMessageBox()
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(QCoreApplication.translate("ErrorDialog", "Subscriptions Admin cannot start"))
    box.setTextFormat(Qt.TextFormat.PlainText)  # the detail quotes a path and the engine's own words
    box.setText(known_failure_text(failure))
    box.setInformativeText(detail)
    box.setObjectName("startFailureBox")
    box.exec()
    del app


def show_damaged_file(parent: QWidget | None, damage: DamagedDatabase) -> QMessageBox:
    """The file check found damage after sign-in: the desk stays open to look around, writing nothing."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(QCoreApplication.translate("ErrorDialog", "The database file is damaged"))
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(
        known_failure_text(KnownFailure.DATABASE_DAMAGED)
        + "\n\n"
        + QCoreApplication.translate(
            "ErrorDialog", "The scheduler was not started. You can still look around; every change is refused."
        )
    )
    box.setInformativeText(damage.path + "\n" + "\n".join(damage.problems[:5]))
    box.setObjectName("damagedFileBox")
    box.open()
    return box
