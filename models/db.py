"""Database handle, connection setup and the one locking helper.

The database object is created without a target and bound at start by
``init_database`` (SQLite file or PostgreSQL URL); the program's entry points
then run ``models.migrations.migrate``. Services never ask which
engine is behind it: writes that read first go through ``write_transaction``
and lock rows with ``for_update``; ``write_attempts`` runs such a transaction
again when PostgreSQL aborts it for a deadlock or a serialization failure.
"""

from __future__ import annotations

import contextlib
import logging
import os
import random
import re
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import Any, TypeVar
from urllib.parse import unquote, urlparse

import peewee
from peewee import (
    SQL,
    Database,
    DatabaseProxy,
    NodeList,
    OperationalError,
    PostgresqlDatabase,
    Select,
    SqliteDatabase,
    fn,
)

log = logging.getLogger(__name__)
database = DatabaseProxy()
_Query = TypeVar("_Query", bound=Select)
_Result = TypeVar("_Result")
_SqliteValue = str | bytes | int | float | None


def _sql_without_parameters(record: logging.LogRecord) -> bool:
    """peewee logs each query with its parameters at DEBUG; keep the SQL, drop the values.

    Parameters carry customer data and whatever an operator typed at sign-in (a
    password typed into the user name box is looked up like a name).
    """
    if isinstance(record.msg, tuple) and len(record.msg) == 2:
        record.msg, record.args = f"{record.msg[0]} -- {len(record.msg[1] or ())} parameter(s)", ()
    return True


logging.getLogger("peewee").addFilter(_sql_without_parameters)

BUSY_TIMEOUT_MS = 15000
SQLITE_PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "busy_timeout": BUSY_TIMEOUT_MS,
    "synchronous": "normal",
    "cache_size": -32000,
}


class StoredDateTimeField(peewee.DateTimeField):
    """peewee's DateTimeField, read faster: SQLite hands a time back as text, which peewee parses by trying
    strptime with one format after another (most of the cost of reading a table page); the text peewee
    itself writes ('2026-03-05 14:07:09[.123456]') is read here by datetime.fromisoformat in one call.
    Anything else, and PostgreSQL's datetimes, go the way peewee goes."""

    def python_value(self, value: Any) -> Any:
        if isinstance(value, str) and len(value) in (19, 26) and value[10] == " ":
            try:
                return datetime.fromisoformat(value)
            except ValueError:
                pass
        return super().python_value(value)


class DatabaseUrlError(ValueError):
    """The --db value names no database we can open."""


# user:password@ in URL-like text. After a scheme (scheme://user: or a mistyped scheme:/user:) the password
# runs to the line's last @ before another scheme: a password may hold / @ and spaces, and masking too much
# is safer than too little. Elsewhere (a path ending in user:pw@host) it runs to the last @ before a space.
_CREDENTIALS = re.compile(
    r"(?P<url>[A-Za-z][A-Za-z0-9+.-]*:/+[^\s/:@]*):(?:(?!://)[^\n])*@"
    r"|(?P<bare>[^\s/:@]*):(?!/)\S+@"
)


def redact(text: object) -> str:
    """``text`` with the password of every user:password@ in it replaced by ***: what may be echoed or logged."""
    return _CREDENTIALS.sub(lambda match: f"{match.group('url') or match.group('bare')}:***@", str(text))


PRIVATE_FOLDER_MODE = 0o700
PRIVATE_FILE_MODE = 0o600


def private_sqlite_file(path: Path, *, own_folder: bool = False) -> None:
    """Create the database file 0600 before SQLite opens it, so its -wal and -shm files are 0600 too.

    SQLite gives the -wal and -shm files the database file's mode. ``own_folder``: the folder is the
    app's own (the default and demo databases), created or narrowed to 0700.
    """
    if own_folder:
        path.parent.mkdir(mode=PRIVATE_FOLDER_MODE, parents=True, exist_ok=True)
        if os.name == "posix":
            os.chmod(path.parent, PRIVATE_FOLDER_MODE)
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE)
    except FileExistsError:
        return
    try:
        if os.name == "posix":
            os.fchmod(descriptor, PRIVATE_FILE_MODE)
    finally:
        os.close(descriptor)


def default_database_path() -> Path:
    from platformdirs import user_data_path

    return user_data_path("subscriptions-admin", appauthor=False) / "subscriptions.sqlite3"


def open_database(url: str | os.PathLike | None, password: Callable[[], str | None] | None = None) -> Database:
    """Build (but do not connect) a peewee database for a path or URL.

    A PostgreSQL password never comes from the URL (a URL is shown, typed in shells and logged):
    ``password`` is asked for it (the keyring), and without an answer libpq reads PGPASSWORD or
    ~/.pgpass itself.
    """
    if url is None or str(url) == "":
        path = default_database_path()
        private_sqlite_file(path, own_folder=True)
        return _sqlite(str(path))
    text = str(url)
    if text.startswith(("postgresql://", "postgres://")):
        parts = urlparse(text)
        if parts.password is not None:
            raise DatabaseUrlError(
                "a password in the database URL would end up in logs and shell history: remove it and keep it in "
                "the keyring (the db-password command), in PGPASSWORD or in ~/.pgpass"
            )
        if not parts.path.strip("/"):
            raise DatabaseUrlError("a PostgreSQL URL needs a database name: postgresql://user@host/dbname")
        return PostgresqlDatabase(
            parts.path.lstrip("/"),
            user=unquote(parts.username) if parts.username else None,
            password=(password() if password is not None else None) or None,
            host=parts.hostname or "localhost",
            port=parts.port or 5432,
        )
    if text.startswith("sqlite:///"):
        text = text[len("sqlite:///") :]
        if not text.startswith("/") and not text.startswith(":"):
            text = text  # relative path after sqlite:///
    elif "://" in text:
        scheme = text.split("://", 1)[0][:20]  # the rest may hold a password: it is not repeated
        raise DatabaseUrlError(
            f"unsupported database URL ({scheme}://…): use a file path, sqlite:///PATH or postgresql://…"
        )
    if text == ":memory:":
        raise DatabaseUrlError("an in-memory database is invisible to the scheduler thread; use a file path")
    parent = Path(text).expanduser().resolve().parent
    if not parent.is_dir():
        raise DatabaseUrlError(redact(f"the folder {parent} does not exist"))
    private_sqlite_file(Path(text).expanduser())
    return _sqlite(str(Path(text).expanduser()))


# Ledger, audit and invoice rows are append-only: triggers refuse UPDATE, DELETE and REPLACE.
APPEND_ONLY_TABLES = (
    "ledger_entry",
    "audit_entry",
    "invoice",
    "invoice_line",
    "invoice_payment",
    "credit_note",
    "customer_note",
)

_migrating = threading.local()


@contextlib.contextmanager
def schema_changes_allowed() -> Iterator[None]:
    """Let this thread's statements alter the append-only tables and their guards (migrations only)."""
    previous = getattr(_migrating, "active", False)
    _migrating.active = True
    try:
        yield
    finally:
        _migrating.active = previous


def _refuse_unguarding(
    action: int, arg1: str | None, arg2: str | None, _db_name: str | None, _trigger: str | None
) -> int:
    """SQLite authorizer: no statement attaches another database file (which would escape these guards), and
    outside a migration none may drop or alter what keeps rows append-only."""
    if action in (sqlite3.SQLITE_ATTACH, sqlite3.SQLITE_DETACH):
        return sqlite3.SQLITE_DENY
    if getattr(_migrating, "active", False):
        return sqlite3.SQLITE_OK
    if action in (sqlite3.SQLITE_DROP_TRIGGER, sqlite3.SQLITE_DROP_TEMP_TRIGGER, sqlite3.SQLITE_ALTER_TABLE):
        table = arg2  # the trigger's table; for ALTER TABLE arg1 is the schema name
    elif action in (sqlite3.SQLITE_DROP_TABLE, sqlite3.SQLITE_DROP_TEMP_TABLE):
        table = arg1
    elif action == sqlite3.SQLITE_PRAGMA and (arg1 or "").lower() == "writable_schema" and arg2 is not None:
        return sqlite3.SQLITE_DENY  # editing sqlite_schema by hand could strip the triggers
    else:
        return sqlite3.SQLITE_OK
    return sqlite3.SQLITE_DENY if (table or "").lower() in APPEND_ONLY_TABLES else sqlite3.SQLITE_OK


def _unicode_lower(value: _SqliteValue) -> _SqliteValue:
    return value.lower() if isinstance(value, str) else value


_WRITE_STATEMENTS = ("INSERT", "UPDATE", "DELETE", "REPLAC")


class _AppSqliteDatabase(SqliteDatabase):
    """SQLite with our functions and guards on every connection, and one queue for this process's writers.

    A writer that finds the file locked sleeps in SQLite's busy handler and polls, sleeping up to
    100 ms at a time: with many threads writing (the retry pass's workers), most of their waiting
    was sleep past a lock already free. So a thread takes this process's writer lock before the
    file's write lock — for an IMMEDIATE transaction from its BEGIN, for any other from its first
    write — and keeps it until its transaction ends; a thread waiting on it wakes as soon as the
    holder commits. Writers in other processes still meet the busy timeout, as before.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._writer = threading.Lock()
        self._writing = threading.local()
        self._writer_wait = float(kwargs.get("timeout", 5))

    def _add_conn_hooks(self, conn: sqlite3.Connection) -> None:
        # peewee calls this on each new connection; its stubs leave the hook out of SqliteDatabase.
        super()._add_conn_hooks(conn)  # type: ignore[misc]
        conn.create_function("unicode_lower", 1, _unicode_lower, deterministic=True)
        conn.set_authorizer(_refuse_unguarding)

    def _take_writer(self) -> None:
        if getattr(self._writing, "held", False):
            return
        # Past the busy timeout, go on without it: SQLite's own timeout then decides, as it always did.
        self._writing.held = self._writer.acquire(timeout=self._writer_wait)

    def _give_writer_if_done(self) -> None:
        if getattr(self._writing, "held", False) and (self.is_closed() or not self.connection().in_transaction):
            self._writing.held = False
            self._writer.release()

    def begin(self, lock_type: str | None = None) -> None:
        if (lock_type or "").upper() in ("IMMEDIATE", "EXCLUSIVE"):
            self._take_writer()
        try:
            super().begin(lock_type)
        finally:
            self._give_writer_if_done()  # BEGIN failed: nothing is held

    def commit(self) -> None:
        try:
            super().commit()
        finally:
            self._give_writer_if_done()

    def rollback(self) -> None:
        try:
            conn = None if self.is_closed() else self.connection()
            # SQLite ends the transaction itself on some errors (a full disk, an I/O error): a ROLLBACK
            # then fails with "no transaction is active" and would hide the error that ended it.
            if conn is None or conn.in_transaction:
                super().rollback()
        finally:
            self._give_writer_if_done()

    def execute_sql(self, sql: str, params: Any = None) -> Any:
        if sql.lstrip()[:6].upper() in _WRITE_STATEMENTS:
            self._take_writer()  # a write outside a transaction, or a deferred transaction's first
            try:
                return super().execute_sql(sql, params)
            finally:
                self._give_writer_if_done()  # kept until COMMIT inside a transaction
        return super().execute_sql(sql, params)

    def _close(self, conn: sqlite3.Connection) -> None:
        try:
            super()._close(conn)  # type: ignore[misc]
        finally:
            if getattr(self._writing, "held", False):  # closed in the middle of a transaction
                self._writing.held = False
                self._writer.release()


def _sqlite(path: str) -> SqliteDatabase:
    return _AppSqliteDatabase(path, pragmas=SQLITE_PRAGMAS, timeout=15, check_same_thread=False)


def is_sqlite() -> bool:
    return isinstance(database.obj, SqliteDatabase)


def sqlite_file() -> str | None:
    """The path of the open SQLite file; None on PostgreSQL."""
    return str(database.obj.database) if is_sqlite() else None


# Called when a write must wait for another program's write lock (the command line says so on
# stderr); None in the desktop and the worker. Only SQLite's whole-file write lock is waited for here.
_waiting_for_writer: Callable[[], None] | None = None
_FIRST_TRY_MS = 250


def on_waiting_for_writer(notice: Callable[[], None] | None) -> None:
    """Have ``notice()`` called each time a write transaction finds the write lock taken."""
    global _waiting_for_writer
    _waiting_for_writer = notice


def is_database_locked(error: BaseException) -> bool:
    """SQLite gave up waiting for another connection's lock (after the busy timeout)."""
    return isinstance(error, OperationalError | sqlite3.OperationalError) and (
        "database is locked" in str(error) or "database is busy" in str(error)
    )


class _ImmediateTransaction(contextlib.AbstractContextManager):
    """BEGIN IMMEDIATE, telling ``_waiting_for_writer`` when the lock is not free within a moment."""

    def __init__(self, notice: Callable[[], None]) -> None:
        self._notice = notice
        self._atomic = database.atomic("IMMEDIATE")

    def __enter__(self) -> object:
        if database.in_transaction():
            return self._atomic.__enter__()
        sqlite = database.connection()
        sqlite.execute(f"PRAGMA busy_timeout = {_FIRST_TRY_MS}")
        try:
            return self._atomic.__enter__()
        except OperationalError as error:
            if not is_database_locked(error):
                raise
            self._notice()
        finally:
            sqlite.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        return self._atomic.__enter__()

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self._atomic.__exit__(kind, error, traceback)  # commits, or rolls back on error


# Called before each outermost write transaction: the desktop and the worker hold writes until the
# file's quick check has passed, and refuse them (by raising) in a damaged file. None: no gate.
_write_gate: Callable[[], None] | None = None


def set_write_gate(gate: Callable[[], None] | None) -> None:
    global _write_gate
    _write_gate = gate


# Told after each outermost write transaction: None when it committed, else the error that ended it
# (services.storage_health watches for a full or read-only disk). None: nobody listens.
_write_observer: Callable[[BaseException | None], None] | None = None


def set_write_observer(observer: Callable[[BaseException | None], None] | None) -> None:
    global _write_observer
    _write_observer = observer


class _WatchedTransaction(contextlib.AbstractContextManager):
    """An outermost write transaction that tells the write observer whether the database took the write."""

    def __init__(self, inner: contextlib.AbstractContextManager[object]) -> None:
        self._inner = inner

    def __enter__(self) -> object:
        return self._inner.__enter__()

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> bool | None:
        observer = _write_observer
        try:
            suppressed = self._inner.__exit__(kind, error, traceback)
        except BaseException as failed:
            if observer is not None:
                observer(failed)
            raise
        if observer is not None:
            observer(error)
        return suppressed


def write_transaction() -> contextlib.AbstractContextManager[object]:
    """A transaction for writes that read first.

    SQLite: BEGIN IMMEDIATE takes the write lock up front, so a read-then-write
    never fails with "database is locked" half way. PostgreSQL: a plain
    transaction; rows read for update are locked with ``for_update``. An outermost
    one tells the write observer (``set_write_observer``) whether the write went in.
    """
    outermost = not database.in_transaction()
    gate = _write_gate
    if gate is not None and outermost:
        gate()
    inner: contextlib.AbstractContextManager[object]
    if is_sqlite():
        notice = _waiting_for_writer
        inner = _ImmediateTransaction(notice) if notice is not None else database.atomic("IMMEDIATE")
    else:
        inner = database.atomic()
    return _WatchedTransaction(inner) if outermost and _write_observer is not None else inner


# deadlock_detected, serialization_failure: PostgreSQL rolled the transaction back and asks for a re-run.
WRITE_CONFLICT_CODES = frozenset({"40P01", "40001"})
WRITE_ATTEMPTS = 5
_BACKOFF_SECONDS = 0.02  # the first re-run waits up to this; each further one up to twice as long


def is_write_conflict(error: BaseException) -> bool:
    """A deadlock or serialization failure somewhere on ``error``'s cause chain: the whole transaction may run again."""
    seen: set[int] = set()
    link: BaseException | None = error
    while link is not None and id(link) not in seen:
        seen.add(id(link))
        if getattr(link, "pgcode", None) in WRITE_CONFLICT_CODES:
            return True
        link = link.__cause__ or link.__context__
    return False


# insufficient_privilege: the login's grants do not allow the statement (PostgreSQL).
PERMISSION_DENIED_CODE = "42501"


def is_permission_denied(error: BaseException) -> bool:
    """PostgreSQL refused the statement for this login's grants, somewhere on ``error``'s cause chain."""
    seen: set[int] = set()
    link: BaseException | None = error
    while link is not None and id(link) not in seen:
        seen.add(id(link))
        if getattr(link, "pgcode", None) == PERMISSION_DENIED_CODE:
            return True
        link = link.__cause__ or link.__context__
    return False


class WriteAttempt:
    """One run of a write transaction handed out by ``write_attempts``; a write conflict ends it quietly."""

    def __init__(self) -> None:
        self.conflict: BaseException | None = None
        self._nested = False
        self._transaction: contextlib.AbstractContextManager[object] | None = None

    def __enter__(self) -> WriteAttempt:
        self._nested = database.in_transaction()
        self._transaction = write_transaction()
        self._transaction.__enter__()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> bool:
        assert self._transaction is not None, "an attempt is entered before it is left"
        try:
            self._transaction.__exit__(kind, error, traceback)  # commits, or rolls back on error
        except BaseException as commit_error:
            if error is not None or self._nested or not is_write_conflict(commit_error):
                raise
            self.conflict = commit_error  # a serialization failure may surface only at COMMIT
            return False
        # A savepoint never runs again on its own: the conflict aborted the caller's transaction too.
        if error is None or self._nested or not is_write_conflict(error):
            return False
        self.conflict = error
        return True


def write_attempts(
    attempts: int = WRITE_ATTEMPTS,
    *,
    sleep: Callable[[float], None] = time.sleep,
    rng: random.Random | None = None,
) -> Iterator[WriteAttempt]:
    """Run a write transaction again when PostgreSQL aborts it for a deadlock or serialization failure::

        for attempt in write_attempts():
            with attempt:
                ...  # reads and writes; nothing outside the database

    Each attempt is a ``write_transaction``. A conflict rolls it back and, after a
    jittered pause (full jitter, ``_BACKOFF_SECONDS * 2**(n-1)`` at most), the body
    runs again from its first read; after ``attempts`` runs the conflict is raised.
    Any other error leaves at once, as does every error inside a caller's
    transaction (only the outermost transaction can run again). Safe only when
    the body does nothing outside the database: a gateway call stays outside.
    """
    draw = rng or random.Random()
    for number in range(1, attempts + 1):
        attempt = WriteAttempt()
        yield attempt
        if attempt.conflict is None:
            return
        if number == attempts:
            raise attempt.conflict
        log.info("write conflict (%s); running the transaction again", getattr(attempt.conflict, "pgcode", "?"))
        sleep(draw.uniform(0, _BACKOFF_SECONDS * 2 ** (number - 1)))


def run_write(work: Callable[[], _Result], attempts: int = WRITE_ATTEMPTS) -> _Result:
    """``work()`` in a write transaction, run again on a write conflict (see ``write_attempts``)."""
    for attempt in write_attempts(attempts):
        with attempt:
            result = work()
    return result


def lower_text(expression: Any) -> Any:
    """LOWER that folds every letter: SQLite's own LOWER folds only ASCII, PostgreSQL's folds all."""
    return fn.unicode_lower(expression) if is_sqlite() else fn.LOWER(expression)


def contains_text(expression: Any, text: str) -> Any:
    """``expression`` contains ``text`` whatever the letters' case, % and _ taken literally.

    PostgreSQL: ILIKE. SQLite: plain LIKE, which already ignores the case of ASCII letters and reads
    the column as it is (LOWER() on every row made a search several times slower); only text with
    other letters (Cyrillic, accents) folds both sides, with Python's lower() since SQLite's own
    LOWER folds ASCII alone.
    """
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    if not is_sqlite():
        return NodeList((expression, SQL("ILIKE"), f"%{escaped}%", SQL("ESCAPE '\\'")))
    if text.isascii():
        return NodeList((expression, SQL("LIKE"), f"%{escaped}%", SQL("ESCAPE '\\'")))
    return NodeList((fn.unicode_lower(expression), SQL("LIKE"), f"%{escaped.lower()}%", SQL("ESCAPE '\\'")))


def distinct_values(field: Any) -> list[Any]:
    """The distinct non-NULL values of an indexed column, smallest first, in one index probe per value
    (a recursive skip scan) instead of a scan of every row."""
    table, column = field.model._meta.table_name, field.column_name
    cursor = database.execute_sql(
        f'WITH RECURSIVE seen(value) AS (SELECT MIN("{column}") FROM "{table}" UNION ALL '
        f'SELECT (SELECT MIN("{column}") FROM "{table}" WHERE "{column}" > seen.value) FROM seen '
        f"WHERE seen.value IS NOT NULL) SELECT value FROM seen WHERE value IS NOT NULL"
    )
    return [row[0] for row in cursor.fetchall()]


def for_update(query: _Query, *, skip_locked: bool = False) -> _Query:
    """Lock the selected rows until commit where the engine supports it.

    ``skip_locked``: leave out rows another transaction holds instead of waiting
    for them (a queue's claim, where any free row will do).
    """
    if is_sqlite():
        return query  # the IMMEDIATE transaction already holds the write lock
    return query.for_update(skip_locked=skip_locked) if skip_locked else query.for_update()


@contextlib.contextmanager
def connection() -> Iterator[None]:
    """Open a connection for this thread for the duration of a job."""
    if database.is_closed():
        with database.connection_context():
            yield
    else:
        yield


def init_database(url: str | os.PathLike | None = None, password: Callable[[], str | None] | None = None) -> Database:
    """Bind the shared handle to ``url``; the schema is brought up to date by ``models.migrations.migrate``."""
    db = open_database(url, password)
    database.initialize(db)
    return db


def execute_many(sql: str, rows: Sequence[tuple]) -> None:
    """Run one statement for many parameter rows (``?`` marks a parameter; a named tuple is a row)."""
    if not rows:
        return
    if not is_sqlite():
        sql = sql.replace("?", "%s")
    cursor = database.cursor()
    cursor.executemany(sql, rows)


def insert_rows(table: str, columns: Sequence[str], rows: Sequence[tuple], page: int = 1000) -> None:
    """Insert plain tuples (one value per column, in ``columns``' order) into ``table``, in the caller's transaction.

    SQLite: one prepared statement run for every row (``executemany``). PostgreSQL: multi-row
    ``VALUES`` lists of ``page`` rows, one round trip each — psycopg2's ``executemany`` would
    make a round trip per row.
    """
    if not rows:
        return
    names = ", ".join(f'"{column}"' for column in columns)
    cursor = database.cursor()
    if is_sqlite():
        marks = ", ".join([database.param] * len(columns))
        cursor.executemany(f'INSERT INTO "{table}" ({names}) VALUES ({marks})', rows)
        return
    from psycopg2.extras import execute_values

    execute_values(cursor, f'INSERT INTO "{table}" ({names}) VALUES %s', rows, page_size=page)
