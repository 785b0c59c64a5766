"""The audit trail: who did what to which thing, why, and what it was before."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from models.tables import AuditEntry
from services.validation import clean_reason


def _dump(value) -> str | None:
    if value is None:
        return None
    return json.dumps(value, default=str, sort_keys=True)


def record_audit(clock, actor: str, action: str, target_type: str | None = None, target_id=None,
                 *, before=None, after=None, reason: str | None = None) -> int:
    """Append one audit row; call inside the transaction of the change it describes.

    A reason that cannot be kept (not text, too long) raises ValidationError, which
    rolls the change back with it.
    """
    reason = clean_reason(reason)
    row = AuditEntry.create(
        actor=actor, action=action, target_type=target_type,
        target_id=None if target_id is None else str(target_id),
        reason=reason or None, before=_dump(before), after=_dump(after), created_at=clock.now(),
    )
    return row.id


@dataclass(frozen=True)
class AuditRow:
    id: int
    actor: str
    action: str
    target_type: str | None
    target_id: str | None
    reason: str | None
    before: str | None
    after: str | None
    created_at: datetime


def recent_audit(limit: int = 100, action: str | None = None) -> list[AuditRow]:
    query = AuditEntry.select().order_by(AuditEntry.id.desc()).limit(limit)
    if action:
        query = query.where(AuditEntry.action == action)
    return [AuditRow(r.id, r.actor, r.action, r.target_type, r.target_id, r.reason, r.before, r.after,
                     r.created_at) for r in query]
