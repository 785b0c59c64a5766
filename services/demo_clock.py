"""Time travel on a demo database: move the clock ahead, then run what fell due at the new time."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol, TypeGuard

from services import lifecycle
from services.auth import Actor, require
from services.clock import Clock
from services.errors import ValidationError
from services.renewals import RenewalService


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


def advance_demo_clock(
    clock: Clock, renewals: RenewalService, actor: Actor, months: int = 0, days: int = 0
) -> DemoClockStep:
    """Move the clock ahead by ``months`` (calendar months) or ``days``, then run the renewal pass
    and the reminders at the new time. Running renewals is the permission it needs."""
    require(actor, "renewal.run")
    if not can_travel(clock):
        raise ValidationError("this clock follows real time; only a demo clock can be moved")
    if months < 0 or days < 0 or not (months or days):
        raise ValidationError("the demo clock only moves ahead")
    now = clock.now()
    target = lifecycle.add_interval(now, "month", months) if months else now + timedelta(days=days)
    clock.advance(target - now)
    renewed = renewals.renew_due_subscriptions(actor)
    reminded = renewals.send_expiry_reminders()
    return DemoClockStep(clock.now(), renewed, reminded)
