"""Notifications: stored rows first; listeners (the tray, the panel) are told after."""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime

from peewee import IntegrityError

from models.db import database, write_transaction
from models.tables import Notification
from services.audit import record_audit
from services.auth import Actor, require
from services.change_feed import publish_changes
from services.changes import Kind
from services.clock import Clock
from services.errors import ValidationError
from services.validation import check_id

log = logging.getLogger(__name__)

KINDS = {
    "payment_succeeded": "info",
    "renewals_paid": "info",
    "payment_failed": "warning",
    "subscription_expiring": "info",
    "subscription_expired": "warning",
    "topup_succeeded": "info",
    "topup_failed": "warning",
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
        for listener in listeners:
            try:
                listener(info)
            except Exception:
                log.exception("notification listener failed")
        return info

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
