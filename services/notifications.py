"""Notifications: stored rows first; listeners (the tray, the panel) are told after."""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from peewee import IntegrityError

from models.db import database, execute_many, write_transaction
from models.rows import tuples
from models.tables import Notification, NotificationArchive
from services.audit import record_audit
from services.auth import Actor, require
from services.change_feed import publish_changes
from services.changes import Kind
from services.clock import Clock
from services.errors import ValidationError
from services.validation import check_id

log = logging.getLogger(__name__)

ARCHIVE_BATCH = 2000  # notifications moved per transaction, so a long backlog never holds the writer for long
_COLUMNS = "id, kind, severity, title, body, subject_type, subject_id, dedup_key, created_at, read_at, params"

KINDS = {
    "payment_succeeded": "info",
    "renewals_paid": "info",
    "renewals_held": "warning",
    "payment_failed": "warning",
    "subscription_expiring": "info",
    "subscription_expired": "warning",
    "topup_succeeded": "info",
    "topup_failed": "warning",
    "auto_topup_declined": "warning",
    "refund_failed": "error",
    "manual_intervention": "error",
    "gateway_outage": "error",
    "gateway_recovered": "info",
    "errors_alert": "error",
}


@dataclass(frozen=True)
class NotificationInfo:
    id: int
    kind: str
    severity: str
    title: str
    body: str
    subject_type: str | None
    subject_id: int | None
    created_at: datetime
    read_at: datetime | None
    # What the kind's text needs, to render it in the operator's language; None: show title and body as stored.
    params: dict | None = None


@dataclass(frozen=True)
class Draft:
    """A notification to store in the caller's own transaction (see ``NotificationCenter.store``)."""

    kind: str
    title: str
    body: str
    dedup_key: str
    subject: tuple[str, int] | None = None
    params: dict | None = None


def load_params(text: str | None) -> dict | None:
    """A stored notification's parameters; None when it has none (or they cannot be read)."""
    if not text:
        return None
    try:
        value = json.loads(text)
    except ValueError:
        log.warning("a notification's parameters are not JSON; its stored text is shown")
        return None
    return value if isinstance(value, dict) else None


def _info(row: Notification) -> NotificationInfo:
    return NotificationInfo(
        row.id,
        row.kind,
        row.severity,
        row.title,
        row.body,
        row.subject_type,
        row.subject_id,
        row.created_at,
        row.read_at,
        load_params(row.params),
    )


class NotificationCenter:
    def __init__(self, clock: Clock):
        self.clock = clock
        self._listeners: list[Callable[[NotificationInfo], None]] = []
        self._lock = threading.Lock()

    def subscribe(self, listener: Callable[[NotificationInfo], None]) -> None:
        with self._lock:
            self._listeners.append(listener)

    def post(
        self,
        kind: str,
        title: str,
        body: str = "",
        *,
        dedup_key: str,
        subject: tuple[str, int] | None = None,
        params: dict | None = None,
    ) -> NotificationInfo | None:
        """Store a notification once per ``dedup_key``; returns None for a duplicate.

        ``title`` and ``body`` are the English text (the CLI's, and the fallback); ``params`` what a
        desk needs to say it in the operator's language: plain JSON values, money as integer minor
        units with its currency, moments as ISO text."""
        if kind not in KINDS:
            raise ValueError(f"unknown notification kind {kind!r}")
        if params is not None and not isinstance(params, dict):
            raise ValueError("a notification's parameters are a mapping")
        stored_params = json.dumps(params, sort_keys=True) if params is not None else None
        subject_type, subject_id = subject if subject else (None, None)
        if NotificationArchive.select().where(NotificationArchive.dedup_key == dedup_key[:200]).exists():
            return None
        try:
            with database.atomic():
                publish_changes(Kind.NOTIFICATION)
                row = Notification.create(
                    kind=kind,
                    severity=KINDS[kind],
                    title=title[:200],
                    body=body,
                    subject_type=subject_type,
                    subject_id=subject_id,
                    dedup_key=dedup_key[:200],
                    created_at=self.clock.now(),
                    params=stored_params,
                )
        except IntegrityError:
            return None
        info = _info(row)
        with self._lock:
            listeners = list(self._listeners)
        self._tell(listeners, info)
        return info

    # --- notices written by a caller's transaction ----------------------------------------

    def store(self, drafts: Sequence[Draft]) -> list[str]:
        """Write ``drafts`` in the caller's open transaction, once per dedup key; returns the keys newly stored.

        Nothing is told to the listeners here: the caller hands the returned keys to ``announce``
        once its transaction has committed (a rollback takes the notices with it, and a replayed
        write finds its keys stored and stores nothing twice).
        """
        if not drafts:
            return []
        assert database.in_transaction(), "store() writes in the caller's transaction"
        rows, keys = [], []
        for draft in drafts:
            key = draft.dedup_key[:200]
            if key in keys:
                continue
            rows.append(self._row(draft, key))
            keys.append(key)
        stored = {
            row[0]
            for row in tuples(Notification.select(Notification.dedup_key).where(Notification.dedup_key.in_(keys)))
        } | {
            row[0]
            for row in tuples(
                NotificationArchive.select(NotificationArchive.dedup_key).where(NotificationArchive.dedup_key.in_(keys))
            )
        }
        fresh = [row for row in rows if row[6] not in stored]
        if fresh:
            publish_changes(Kind.NOTIFICATION)
            execute_many(
                "INSERT INTO notification (kind, severity, title, body, subject_type, subject_id, dedup_key, "
                "created_at, params) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (dedup_key) DO NOTHING",
                fresh,
            )
        return [row[6] for row in fresh]

    def restate(self, draft: Draft) -> None:
        """Give the stored notice of ``draft.dedup_key`` the draft's title, body and parameters (in the caller's
        transaction; its listeners heard of it when it was stored, or will in ``announce``)."""
        assert database.in_transaction(), "restate() writes in the caller's transaction"
        publish_changes(Kind.NOTIFICATION)
        row = self._row(draft, draft.dedup_key[:200])
        Notification.update(title=row[2], body=row[3], params=row[8]).where(Notification.dedup_key == row[6]).execute()

    def announce(self, dedup_keys: Iterable[str]) -> None:
        """Tell the listeners about the committed notices of ``dedup_keys``, oldest first."""
        keys = list(dedup_keys)
        with self._lock:
            listeners = list(self._listeners)
        if not keys or not listeners:
            return
        rows = Notification.select().where(Notification.dedup_key.in_(keys)).order_by(Notification.id)
        for info in [_info(row) for row in rows]:
            self._tell(listeners, info)

    def _row(self, draft: Draft, key: str) -> tuple:
        if draft.kind not in KINDS:
            raise ValueError(f"unknown notification kind {draft.kind!r}")
        if draft.params is not None and not isinstance(draft.params, dict):
            raise ValueError("a notification's parameters are a mapping")
        subject_type, subject_id = draft.subject if draft.subject else (None, None)
        return (
            draft.kind,
            KINDS[draft.kind],
            draft.title[:200],
            draft.body,
            subject_type,
            subject_id,
            key,
            self.clock.now(),
            json.dumps(draft.params, sort_keys=True) if draft.params is not None else None,
        )

    @staticmethod
    def _tell(listeners: list[Callable[[NotificationInfo], None]], info: NotificationInfo) -> None:
        for listener in listeners:
            try:
                listener(info)
            except Exception:
                log.exception("notification listener failed")

    def archive_read(self, keep_days: int) -> int:
        """Move read notifications created more than ``keep_days`` ago into ``notification_archive``.

        They keep their ids and de-duplication keys (a replayed event still finds its notice stored), and
        the panel's "Archived" view pages through them. Batches of ``ARCHIVE_BATCH``, each one transaction
        that copies and deletes the same rows; returns how many moved."""
        cutoff = self.clock.now() - timedelta(days=keep_days)
        moved = 0
        while True:
            with write_transaction():
                ids = [
                    row[0]
                    for row in tuples(
                        Notification.select(Notification.id)
                        .where(Notification.created_at < cutoff, Notification.read_at.is_null(False))
                        .order_by(Notification.id)
                        .limit(ARCHIVE_BATCH)
                    )
                ]
                if not ids:
                    return moved
                publish_changes(Kind.NOTIFICATION)
                mark = database.param
                marks = ", ".join([mark] * len(ids))
                database.execute_sql(
                    f"INSERT INTO notification_archive ({_COLUMNS}, archived_at) "
                    f"SELECT {_COLUMNS}, {mark} FROM notification WHERE id IN ({marks})",
                    [self.clock.now(), *ids],
                )
                Notification.delete().where(Notification.id.in_(ids)).execute()
            moved += len(ids)

    def unread_count(self) -> int:
        return Notification.select().where(Notification.read_at.is_null()).count()

    def recent(self, limit: int = 100, unread_only: bool = False, after_id: int = 0) -> list[NotificationInfo]:
        query = Notification.select().where(Notification.id > after_id)
        if unread_only:
            query = query.where(Notification.read_at.is_null())
        return [_info(r) for r in query.order_by(Notification.id.desc()).limit(limit)]

    def mark_read(self, actor: Actor, ids) -> int:
        require(actor, "notification.read")
        if isinstance(ids, str | bytes) or not isinstance(ids, Iterable):
            raise ValidationError("give a list of notification ids")
        ids = [check_id(i, "notification") for i in ids]
        if not ids:
            return 0
        with write_transaction():
            publish_changes(Kind.NOTIFICATION)
            marked = (
                Notification.update(read_at=self.clock.now())
                .where(Notification.id.in_(ids), Notification.read_at.is_null())
                .execute()
            )
            if marked:
                # The read state is shared by every desk, so who cleared an alert is worth knowing.
                record_audit(
                    self.clock,
                    actor.name,
                    "notification.read",
                    "notification",
                    ids[0] if len(ids) == 1 else None,
                    after={"notifications": ids[:200], "marked": marked},
                )
        return marked

    def mark_all_read(self, actor: Actor) -> int:
        require(actor, "notification.read")
        with write_transaction():
            publish_changes(Kind.NOTIFICATION)
            marked = Notification.update(read_at=self.clock.now()).where(Notification.read_at.is_null()).execute()
            if marked:
                record_audit(self.clock, actor.name, "notification.read_all", "notification", after={"marked": marked})
        return marked
