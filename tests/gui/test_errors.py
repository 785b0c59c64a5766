"""A busy database, a full disk and a lost database server read as what they are, not as bugs."""

from __future__ import annotations

import errno
import logging
import os
import sqlite3

import peewee
import pytest
from PySide6.QtWidgets import QMessageBox, QWidget

from services.errors import ValidationError
from services.file_check import DamagedDatabase
from ui.errors import KnownFailure, describe, known_failure, known_failure_text, show_error

UNEXPECTED = "Something unexpected went wrong. The details were written to the log."


def _raised(error: BaseException) -> BaseException:
    """``error`` as it arrives after being raised: with a traceback."""
    try:
        raise error
    except BaseException as caught:  # noqa: BLE001
        return caught


def _locked_sqlite(tmp_path) -> sqlite3.OperationalError:
    """What a second writer gets while another connection holds the write lock."""
    path = tmp_path / "busy.sqlite3"
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("CREATE TABLE t (x INTEGER)")
    holder.execute("BEGIN IMMEDIATE")
    waiter = sqlite3.connect(path, timeout=0, isolation_level=None)
    try:
        with pytest.raises(sqlite3.OperationalError) as refused:
            waiter.execute("BEGIN IMMEDIATE")
        return refused.value
    finally:
        waiter.close()
        holder.execute("ROLLBACK")
        holder.close()


def _locked_peewee(tmp_path) -> peewee.OperationalError:
    path = tmp_path / "busy-peewee.sqlite3"
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("CREATE TABLE t (x INTEGER)")
    holder.execute("BEGIN IMMEDIATE")
    database = peewee.SqliteDatabase(str(path), timeout=0)
    try:
        with pytest.raises(peewee.OperationalError) as refused:
            database.execute_sql("INSERT INTO t (x) VALUES (1)")
        return refused.value
    finally:
        database.close()
        holder.execute("ROLLBACK")
        holder.close()


def _full_sqlite(tmp_path) -> sqlite3.OperationalError:
    """SQLite's own "disk full" (SQLITE_FULL), reached by capping the file's pages."""
    connection = sqlite3.connect(tmp_path / "full.sqlite3", isolation_level=None)
    try:
        connection.execute("CREATE TABLE t (x BLOB)")
        connection.execute("PRAGMA max_page_count = 3")
        with pytest.raises(sqlite3.OperationalError) as refused:
            connection.execute("INSERT INTO t (x) VALUES (?)", (b"\0" * 100_000,))
        return refused.value
    finally:
        connection.close()


SERVER_GONE = (
    "server closed the connection unexpectedly\n\tThis probably means the server terminated abnormally\n"
    "\tbefore or while processing the request.\n"
)


def test_a_locked_sqlite_database_reads_as_busy(tmp_path):
    assert known_failure(_locked_sqlite(tmp_path)) is KnownFailure.DATABASE_LOCKED
    assert known_failure(_locked_peewee(tmp_path)) is KnownFailure.DATABASE_LOCKED


@pytest.mark.parametrize(
    "make",
    [
        _full_sqlite,
        lambda tmp_path: OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(tmp_path / "ledger.csv")),
        lambda tmp_path: peewee.OperationalError("database or disk is full"),
    ],
    ids=["sqlite", "file", "peewee"],
)
def test_a_full_disk_reads_as_full(tmp_path, make):
    assert known_failure(make(tmp_path)) is KnownFailure.DISK_FULL


@pytest.mark.parametrize("driver", ["psycopg2", "peewee"])
@pytest.mark.parametrize(
    ("kind", "message"),
    [
        ("OperationalError", SERVER_GONE),
        ("InterfaceError", "connection already closed"),
        ("OperationalError", "terminating connection due to administrator command\n"),
    ],
    ids=["server-closed", "already-closed", "server-shut-down"],
)
def test_a_lost_postgresql_connection_reads_as_lost(driver, kind, message):
    """psycopg2's own errors, and peewee's of the same name and text that it re-raises them as."""
    module = pytest.importorskip("psycopg2") if driver == "psycopg2" else peewee
    assert known_failure(getattr(module, kind)(message)) is KnownFailure.DATABASE_CONNECTION_LOST


def test_the_cause_of_a_wrapped_error_is_found(tmp_path):
    try:
        try:
            raise _locked_sqlite(tmp_path)
        except sqlite3.OperationalError as locked:
            raise RuntimeError("the renewal batch failed") from locked
    except RuntimeError as wrapped:
        assert known_failure(wrapped) is KnownFailure.DATABASE_LOCKED


@pytest.mark.parametrize(
    "error",
    [
        sqlite3.OperationalError("no such table: setting"),
        peewee.IntegrityError("database is locked"),  # not a driver's operational error: a bug somewhere
        OSError(errno.EACCES, "Permission denied"),
        KeyError("database is locked"),
        ValueError("connection already closed"),
    ],
    ids=["no-table", "integrity", "permission", "key", "value"],
)
def test_other_failures_are_not_mistaken_for_known_ones(error):
    assert known_failure(error) is None
    assert describe(_raised(error)) == UNEXPECTED


@pytest.mark.parametrize("failure", list(KnownFailure))
def test_each_known_failure_says_what_happened_and_what_to_do(failure):
    text = known_failure_text(failure)
    # Trying again never mends a damaged file (its way back is a backup) nor a login's grants.
    what_to_do = {
        KnownFailure.DATABASE_DAMAGED: "restore the latest backup",
        KnownFailure.DATABASE_LOGIN_REFUSED: "Ask whoever looks after the database for a login",
        KnownFailure.SCHEMA_NEEDS_OWNER: "run the migrate command with the owner's login",
    }.get(failure, "try again")
    assert what_to_do in text and text != UNEXPECTED


def test_a_damaged_file_is_a_known_failure_whichever_way_it_shows(tmp_path):
    damaged = {
        "refused by the file check": DamagedDatabase(str(tmp_path / "x.sqlite3"), ["page 3 is corrupt"]),
        "a damaged page": sqlite3.DatabaseError("database disk image is malformed"),
        "the same through peewee": peewee.DatabaseError("database disk image is malformed"),
        "no database at all": peewee.DatabaseError("file is not a database"),
        "a text that is not UTF-8": sqlite3.OperationalError("Could not decode to UTF-8 column 'name' with text 'x'"),
    }
    for how, error in damaged.items():
        assert known_failure(_raised(error)) is KnownFailure.DATABASE_DAMAGED, how
        assert describe(_raised(error)) == known_failure_text(KnownFailure.DATABASE_DAMAGED), how


def test_known_failures_are_described_and_still_logged_with_their_traceback(tmp_path, caplog):
    errors = {
        KnownFailure.DATABASE_LOCKED: _raised(_locked_peewee(tmp_path)),
        KnownFailure.DISK_FULL: _raised(_full_sqlite(tmp_path)),
        KnownFailure.DATABASE_CONNECTION_LOST: _raised(peewee.InterfaceError("connection already closed")),
    }
    for failure, error in errors.items():
        caplog.clear()
        with caplog.at_level(logging.ERROR, logger="ui"):
            assert describe(error) == known_failure_text(failure)
        (record,) = caplog.records
        assert record.getMessage().startswith(failure.value)
        assert record.exc_info is not None and record.exc_info[1] is error


def test_a_failure_from_a_worker_is_logged_with_the_traceback_it_brought(caplog):
    """The task runner hands errors back with the worker's traceback as text."""
    error = _raised(peewee.OperationalError(SERVER_GONE))
    error.__traceback_text__ = 'Traceback (most recent call last):\n  File "worker.py", line 1\n'
    with caplog.at_level(logging.ERROR, logger="ui"):
        assert describe(error) == known_failure_text(KnownFailure.DATABASE_CONNECTION_LOST)
    assert "worker.py" in caplog.text and KnownFailure.DATABASE_CONNECTION_LOST.value in caplog.text


def test_the_dialog_shows_a_known_failure_as_a_warning_not_a_crash(qtbot, tmp_path):
    parent = QWidget()
    qtbot.addWidget(parent)
    show_error(parent, _raised(_locked_sqlite(tmp_path)))
    box = parent.findChild(QMessageBox, "errorBox")
    assert box.text() == known_failure_text(KnownFailure.DATABASE_LOCKED)
    assert box.icon() == QMessageBox.Icon.Warning
    box.close()


def test_the_dialog_still_tells_a_bug_from_a_refusal(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    show_error(parent, _raised(ZeroDivisionError("division by zero")))
    show_error(parent, ValidationError("the amount must be positive"))
    bug, refusal = parent.findChildren(QMessageBox, "errorBox")
    assert (bug.text(), bug.icon()) == (UNEXPECTED, QMessageBox.Icon.Critical)
    assert (refusal.text(), refusal.icon()) == ("The amount must be positive.", QMessageBox.Icon.Warning)
    bug.close()
    refusal.close()


def test_a_domain_message_reads_as_a_sentence_while_its_text_for_logs_stays_as_raised(qtbot):
    from services.errors import GatewayUnavailable

    outage = GatewayUnavailable("the payment gateway is down (outage); nothing was sent")
    assert describe(outage) == "The payment gateway is down (outage); nothing was sent."
    assert str(outage) == "the payment gateway is down (outage); nothing was sent"
    assert describe(ValidationError("already a sentence.")) == "Already a sentence."
    parent = QWidget()
    qtbot.addWidget(parent)
    show_error(parent, outage)
    box = parent.findChild(QMessageBox, "errorBox")
    assert box.text() == "The payment gateway is down (outage); nothing was sent."
    box.close()


def test_a_domain_message_reads_as_a_sentence_in_russian(qtbot):
    from PySide6.QtWidgets import QApplication

    from services.errors import GatewayUnavailable
    from ui.language import install_translator

    app = QApplication.instance()
    translators = install_translator(app, "ru")
    try:
        text = describe(GatewayUnavailable("the payment gateway is down (outage); nothing was sent"))
    finally:
        for translator in translators:
            app.removeTranslator(translator)
    assert "payment" not in text, text  # translated
    assert text[0].isupper() and text.endswith("."), text


def test_a_form_shows_the_refusal_as_a_sentence(qtbot):
    from services.errors import GatewayUnavailable
    from ui.pages.dialogs import ConfirmDialog

    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = ConfirmDialog(parent, "Top up", "Charge the card.", reason_required=False)
    dialog.submit_failed(GatewayUnavailable("the payment gateway is down (outage); nothing was sent"))
    assert dialog.error.text() == "The payment gateway is down (outage); nothing was sent."
