"""What the error-queue tests share: scripted handlers, a fake breaker, and short ways to read the outcome."""

from __future__ import annotations

import contextlib
import threading
from collections import Counter
from datetime import datetime

from models.tables import AuditEntry, Notification
from services.error_items import ErrorItemInfo
from services.errors import GatewayTransientError

START = datetime(2026, 1, 15, 9, 0, 0)


class Recorder:
    """A handler that counts its calls per item and answers from a script."""

    def __init__(self, *outcomes):
        self.outcomes = list(outcomes)
        self.calls: Counter[int] = Counter()
        self.lock = threading.Lock()

    def __call__(self, item: ErrorItemInfo):
        with self.lock:
            self.calls[item.id] += 1
            outcome = self.outcomes.pop(0) if self.outcomes else None
        if isinstance(outcome, BaseException):
            raise outcome
        return outcome


class FakeCircuit:
    def __init__(self, open_until: datetime | None = None):
        self.open_until = open_until

    def is_open(self) -> bool:
        return self.open_until is not None

    def retry_at(self) -> datetime | None:
        return self.open_until

    def is_closed(self) -> bool:
        return self.open_until is None

    def operator_probe(self):
        return contextlib.nullcontext()


def fail_topup(queue, subject_id=1, error=None, **kwargs) -> ErrorItemInfo:
    """Record a failed top-up on ``queue`` (the queue itself or the manager over it)."""
    return queue.record_failure(
        "topup", "topup", subject_id, error or GatewayTransientError("gateway said 502"), **kwargs
    )


def notices(kind="manual_intervention") -> list[Notification]:
    return list(Notification.select().where(Notification.kind == kind).order_by(Notification.id))


def audit_rows(action=None) -> list[AuditEntry]:
    query = AuditEntry.select().order_by(AuditEntry.id)
    return list(query.where(AuditEntry.action == action) if action else query)


def make_due(clock, minutes=120):
    clock.advance(minutes=minutes)
