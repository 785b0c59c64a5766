"""Changes committed by other desks and workers, so that every open desktop shows them without F5.

Publishing: a write that other desks should see calls ``publish_changes`` inside its
transaction. On PostgreSQL that is ``NOTIFY subs_changes, '<origin> <kinds>'``, which
the server delivers only when the transaction commits (and drops with a rollback);
the origin names the publishing process, whose own desk has announced its changes
already and skips them. On
SQLite nothing is written: every commit by any connection moves the database's
``PRAGMA data_version``, which a listener polls.

Listening: ``ChangeListener`` runs a plain thread with its own connection (never the
shared peewee handle). On PostgreSQL it LISTENs and waits on the socket with a short
timeout, so it wakes within milliseconds of a commit and stops promptly; on SQLite it
polls ``data_version`` about once a second. SQLite cannot say what a commit touched,
so a change seen there is announced as every kind (pages on screen reload; hidden
ones reload when next shown). Whatever it sees goes to ``on_changes`` on the
listener's thread; the desktop turns that into a queued signal.
"""

from __future__ import annotations

import logging
import select
import sqlite3
import threading
import uuid
from collections.abc import Callable
from typing import Any

from peewee import Database, PostgresqlDatabase, SqliteDatabase

from models.db import database, is_sqlite
from services.changes import Changes, Kind

log = logging.getLogger(__name__)

CHANNEL = "subs_changes"
EVERYTHING = Changes(frozenset(Kind))
# Names this process in what it publishes; a pid alone could repeat on another desk's machine.
ORIGIN = uuid.uuid4().hex[:16]


def publish_changes(*kinds: Kind) -> None:
    """Tell other desks, once this transaction commits, that it touched ``kinds``.

    Call it inside the write's own transaction: on PostgreSQL the message then goes
    out with the commit and never for a rollback. On SQLite the commit itself is the
    message (``PRAGMA data_version``), so there is nothing to do.
    """
    if is_sqlite() or not kinds:
        return
    database.execute_sql("SELECT pg_notify(%s, %s)", (CHANNEL, encode_message(ORIGIN, kinds)))


def encode_message(origin: str, kinds: tuple[Kind, ...] | frozenset[Kind]) -> str:
    return f"{origin} " + ",".join(sorted({Kind(k).value for k in kinds}))


def decode_message(payload: str) -> tuple[str, Changes]:
    """Who published a message and the kinds it names.

    A kind this program does not know (a newer desk's) means "reload everything"."""
    origin, _, names = payload.partition(" ")
    kinds = set()
    for name in filter(None, (part.strip() for part in names.split(","))):
        try:
            kinds.add(Kind(name))
        except ValueError:
            return origin, EVERYTHING
    return origin, Changes(frozenset(kinds))


class ChangeListener:
    """A thread that hears about commits made by other connections and hands on what they changed.

    ``target`` is the database to follow (default: the one the shared handle is bound to
    when the listener starts). ``on_changes``, given to ``start``, runs on the listener's thread.
    Messages published by ``skip_origin`` (by default this process, whose desk announces its
    own changes as it makes them) are left out; SQLite cannot tell who committed.
    """

    def __init__(
        self,
        *,
        target: Database | None = None,
        poll_seconds: float = 1.0,
        retry_seconds: float = 5.0,
        skip_origin: str | None = ORIGIN,
    ) -> None:
        self._skip_origin = skip_origin
        self._on_changes: Callable[[Changes], None] = lambda changes: None
        self._target = target
        self._poll_seconds = poll_seconds
        self._retry_seconds = retry_seconds
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.listening = threading.Event()  # set while a connection is up and following
        self._lost = False  # the feed broke: what changed until it is back is unknown

    @property
    def tells_origin(self) -> bool:
        """Whether this process's own commits are left out of what it hands on: PostgreSQL's messages
        name their origin; SQLite's ``data_version`` moves with every commit, this process's too."""
        target = self._target if self._target is not None else database.obj
        return isinstance(target, PostgresqlDatabase) and self._skip_origin is not None

    def start(self, on_changes: Callable[[Changes], None]) -> None:
        if self._thread is not None:
            return
        self._on_changes = on_changes
        target = self._target if self._target is not None else database.obj
        if not isinstance(target, (PostgresqlDatabase, SqliteDatabase)):
            raise RuntimeError("the change listener needs a bound SQLite or PostgreSQL database")
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, args=(target,), name="change-listener", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> bool:
        """Stop following; True when the thread has ended within ``timeout`` seconds."""
        self._stop.set()
        thread, self._thread = self._thread, None
        if thread is None:
            return True
        thread.join(timeout)
        self.listening.clear()
        return not thread.is_alive()

    def _run(self, target: PostgresqlDatabase | SqliteDatabase) -> None:
        while not self._stop.is_set():
            try:
                if isinstance(target, PostgresqlDatabase):
                    self._follow_postgres(target)
                else:
                    self._follow_sqlite(target)
            except Exception:
                log.exception("lost the feed of other desks' changes; trying again in %s s", self._retry_seconds)
                self.listening.clear()
                self._lost = True
                self._stop.wait(self._retry_seconds)

    def _following(self) -> None:
        self.listening.set()
        if self._lost:
            self._lost = False
            self._hand_on(EVERYTHING)  # anything may have changed while the feed was down

    def _hand_on(self, changes: Changes) -> None:
        try:
            self._on_changes(changes)
        except Exception:
            log.exception("the receiver of other desks' changes failed")

    def _follow_postgres(self, target: PostgresqlDatabase) -> None:
        import psycopg2

        params: dict[str, Any] = dict(target.connect_params)
        connection = psycopg2.connect(dbname=target.database, **params)
        try:
            connection.autocommit = True
            with connection.cursor() as cursor:
                cursor.execute(f"LISTEN {CHANNEL}")
            self._following()
            while not self._stop.is_set():
                readable, _, _ = select.select([connection], [], [], self._poll_seconds)
                if not readable:
                    continue
                connection.poll()
                changes = Changes()
                while connection.notifies:
                    origin, kinds = decode_message(connection.notifies.pop(0).payload)
                    if origin != self._skip_origin:
                        changes = changes | kinds
                if changes:
                    self._hand_on(changes)
        finally:
            connection.close()

    def _follow_sqlite(self, target: SqliteDatabase) -> None:
        connection = sqlite3.connect(target.database, timeout=15, check_same_thread=False)
        try:
            seen = _data_version(connection)
            self._following()
            while not self._stop.wait(self._poll_seconds):
                version = _data_version(connection)
                if version != seen:
                    seen = version
                    self._hand_on(EVERYTHING)
        finally:
            connection.close()


def _data_version(connection: sqlite3.Connection) -> int:
    """Moves whenever another connection commits to the database file."""
    return int(connection.execute("PRAGMA data_version").fetchone()[0])
