"""The audit trail: who did what to which thing, why, and what it was before."""

from __future__ import annotations

import json

from models.tables import AuditEntry
from services.clock import Clock
from services.validation import clean_reason


def _dump(value) -> str | None:
    if value is None:
        return None
    return json.dumps(value, default=str, sort_keys=True)


def record_audit(
    clock: Clock,
    actor: str,
    action: str,
    target_type: str | None = None,
    target_id=None,
    *,
    before=None,
    after=None,
    reason: str | None = None,
) -> int:
    """Append one audit row; call inside the transaction of the change it describes.

    A reason that cannot be kept (not text, too long) raises ValidationError, which
    rolls the change back with it.
    """
    reason = clean_reason(reason)
    row = AuditEntry.create(
        actor=actor,
        action=action,
        target_type=target_type,
        target_id=None if target_id is None else str(target_id),
        reason=reason or None,
        before=_dump(before),
        after=_dump(after),
        created_at=clock.now(),
    )
    return row.id
