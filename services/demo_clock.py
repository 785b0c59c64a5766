"""Time travel on a demo database: move the clock ahead, then run what fell due at the new time.

The distance the clock has travelled is kept in the database, so the next start of the demo
desk goes on from where the last one left it: no row is dated in the future of its clock.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Protocol, TypeGuard

from peewee import fn

from models.db import write_transaction
from models.tables import AuditEntry, Customer, ErrorItem, LedgerEntry, Notification, Setting
from services import lifecycle
from services.audit import record_audit
from services.auth import Actor, require
from services.clock import Clock, OffsetClock, utc_now
from services.errors import StorageFailure, ValidationError
from services.renewals import RenewalService
from services.storage_health import storage_problem

if TYPE_CHECKING:
    from services.auto_topup import AutoTopUpService

log = logging.getLogger(__name__)

OFFSET_KEY = "demo.clock_offset_seconds"  # not an operator setting: the demo clock's own memory
STAMPED = (AuditEntry, LedgerEntry, Customer, ErrorItem, Notification)  # tables whose rows say when they were made


class MovableClock(Clock, Protocol):
    def advance(self, delta: timedelta | None = None, **kwargs: int) -> datetime: ...


def can_travel(clock: Clock) -> TypeGuard[MovableClock]:
    """Whether ``clock`` can be moved ahead (a fixed or offset clock; never the system's)."""
    return callable(getattr(clock, "advance", None))


@dataclass(frozen=True)
class DemoClockStep:
    now: datetime  # the clock after the jump
    renewals: dict  # the renewal pass's summary at the new time
    reminders: dict  # the expiry reminders' summary
    auto_topup: dict = field(default_factory=dict)  # the automatic top-up sweep's summary (run with the reminders)


def advance_demo_clock(
    clock: Clock,
    renewals: RenewalService,
    actor: Actor,
    months: int = 0,
    days: int = 0,
    *,
    auto_topup: AutoTopUpService | None = None,
) -> DemoClockStep:
    """Move the clock ahead by ``months`` (calendar months) or ``days``, then run the renewal pass
    and the reminders (with ``auto_topup``'s sweep before them) at the new time. Running renewals is
    the permission it needs."""
    require(actor, "renewal.run")
    if not can_travel(clock):
        raise ValidationError("This clock follows real time; only a demo clock can be moved.")
    if months < 0 or days < 0 or not (months or days):
        raise ValidationError("The demo clock only moves ahead.")
    now = clock.now()
    target = lifecycle.add_interval(now, "month", months) if months else now + timedelta(days=days)
    clock.advance(target - now)
    try:
        with write_transaction():
            if isinstance(clock, OffsetClock):
                _save_offset(clock.offset, clock.now())
            record_audit(
                clock, actor.name, "demo.clock_advanced", "clock", None, before={"now": now}, after={"now": target}
            )
        renewed = renewals.renew_due_subscriptions(actor)
        topped_up = auto_topup.sweep() if auto_topup is not None else {}
        reminded = renewals.send_expiry_reminders()
    except Exception as error:
        problem = storage_problem(error)
        if problem is None:
            raise
        # The database took none (or only part) of the step: the clock stays where it was, so the
        # renewals that could not be saved are still due when the step is tried again.
        clock.advance(now - clock.now())
        _restore_offset(clock)
        raise error if isinstance(error, StorageFailure) else StorageFailure.of(problem) from error
    return DemoClockStep(clock.now(), renewed, reminded, topped_up)


def _restore_offset(clock: Clock) -> None:
    """Put the stored offset back to the clock's, when the database can take it (it may not yet)."""
    if not isinstance(clock, OffsetClock):
        return
    try:
        with write_transaction():
            _save_offset(clock.offset, clock.now())
    except Exception as error:
        if storage_problem(error) is None:
            raise
        log.warning("the demo clock's offset could not be put back; the next start reads the recorded data")


def _save_offset(offset: timedelta, now: datetime) -> None:
    value = json.dumps(offset.total_seconds())
    Setting.insert(key=OFFSET_KEY, value=value, updated_at=now).on_conflict(
        conflict_target=[Setting.key], update={Setting.value: value, Setting.updated_at: now}
    ).execute()


def saved_offset() -> timedelta:
    """How far the demo clock had travelled when it last moved (none on a fresh database)."""
    row = Setting.get_or_none(Setting.key == OFFSET_KEY)
    try:
        return timedelta(seconds=float(json.loads(row.value))) if row is not None else timedelta()
    except (TypeError, ValueError):
        return timedelta()


def latest_recorded() -> datetime | None:
    """The newest moment a row of the database was made at."""
    moments = [model.select(fn.MAX(model.created_at)).scalar() for model in STAMPED]
    found = [m if isinstance(m, datetime) else datetime.fromisoformat(str(m)) for m in moments if m]
    return max(found, default=None)


def demo_clock() -> OffsetClock:
    """The clock a demo desk starts with: as far ahead as the last one had travelled, and never
    before the newest row (a database whose clock moved before its travel was kept)."""
    offset = max(saved_offset(), timedelta())
    latest = latest_recorded()
    if latest is not None:
        offset = max(offset, latest - utc_now())
    return OffsetClock(offset)
