"""Error items as plain data, and the lease under which one holder at a time works on them.

An item is one failed operation on one subject; every attempt at it is a row of its
own. The queue, its runner and the pages read items through these frozen records,
never through live rows.
"""

from __future__ import annotations

import json
import os
import socket
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from peewee import Expression

from models.tables import ErrorAttempt, ErrorItem
from services.errors import Term, ValidationError


class AttemptOutcome(StrEnum):
    """How one attempt at an item ended, as its row stores it."""

    SUCCEEDED = "succeeded"
    FAILED = "failed"
    # The operation settled elsewhere while the attempt ran; the attempt's error came after.
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class ErrorItemInfo:
    id: int
    operation: str
    subject_type: str
    subject_id: int
    error_class: str
    message: str
    context: dict
    strategy: str
    status: str
    attempts: int
    max_attempts: int
    next_attempt_at: datetime | None
    amount_minor: int
    created_at: datetime
    updated_at: datetime
    resolved_at: datetime | None
    resolved_by: str | None
    resolution: str | None
    lease_owner: str | None = None
    lease_until: datetime | None = None
    currency: str = "USD"  # of amount_minor


@dataclass(frozen=True)
class AttemptInfo:
    id: int
    item_id: int
    number: int
    at: datetime
    outcome: AttemptOutcome
    message: str | None
    actor: str


def item_info(row: ErrorItem) -> ErrorItemInfo:
    try:
        context = json.loads(row.context or "{}")
    except ValueError:
        context = {"raw": row.context}
    return ErrorItemInfo(
        row.id,
        row.operation,
        row.subject_type,
        row.subject_id,
        row.error_class,
        row.message,
        context,
        row.strategy,
        row.status,
        row.attempts,
        row.max_attempts,
        row.next_attempt_at,
        row.amount_minor,
        row.created_at,
        row.updated_at,
        row.resolved_at,
        row.resolved_by,
        row.resolution,
        row.lease_owner,
        row.lease_until,
        row.currency,
    )


def attempt_info(row: ErrorAttempt) -> AttemptInfo:
    return AttemptInfo(row.id, row.item_id, row.number, row.at, AttemptOutcome(row.outcome), row.message, row.actor)


def check_setting(name: str, value: object) -> int:
    """A tuning setting of the queue or its runner: a whole number of at least 1."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValidationError("{name} must be a whole number of at least 1", name=Term(name))
    return value


@dataclass(frozen=True)
class ItemLease:
    """Who takes items (a runner, or an operator's close under a token of its own) and for how long.

    A holder that dies mid-item leaves a lease that runs out, and the next runner rescues the item.
    """

    holder: str
    length: timedelta

    @classmethod
    def of(cls, holder: str | None = None, seconds: int = 120) -> ItemLease:
        """A lease of ``seconds`` for ``holder``, by default this process on this host."""
        seconds = check_setting("lease_seconds", seconds)
        holder = holder or f"{os.getpid()}-{uuid.uuid4().hex[:8]}@{socket.gethostname()}"
        return cls(holder[:64], timedelta(seconds=seconds))

    def until(self, now: datetime) -> datetime:
        return now + self.length


def is_leased(row: ErrorItem, now: datetime) -> bool:
    return row.lease_owner is not None and row.lease_until is not None and row.lease_until > now


def lease_free(now: datetime) -> Expression:
    return ErrorItem.lease_until.is_null() | (ErrorItem.lease_until <= now)
