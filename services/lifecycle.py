"""The subscription state machine and billing calendar, as pure functions."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import Enum

from services.errors import InvalidTransition, Term

ACTIVE, PENDING, CANCELED, EXPIRED = "active", "pending_renewal", "canceled", "expired"
STATUSES = (ACTIVE, PENDING, CANCELED, EXPIRED)
# States the renewal pass looks at once their period has ended.
OPEN_FOR_PASS = (ACTIVE, PENDING, CANCELED)

# (from, event) -> to.  None stands for "no subscription yet".
TRANSITIONS: dict[tuple[str | None, str], str] = {
    (None, "subscribe"): ACTIVE,
    (ACTIVE, "renew"): ACTIVE,
    (ACTIVE, "renewal_short"): PENDING,
    (PENDING, "funds_arrived"): ACTIVE,
    (PENDING, "grace_expired"): EXPIRED,
    (ACTIVE, "cancel"): CANCELED,
    # Auto-renew turned off while waiting for funds: a top-up no longer renews it; it ends at the grace deadline.
    (PENDING, "cancel"): CANCELED,
    # Auto-renew turned back on before the period ends: active again, renewing when the period ends.
    (CANCELED, "reinstate"): ACTIVE,
    # Auto-renew turned back on before the grace deadline of one canceled while waiting for funds.
    (CANCELED, "resume_waiting"): PENDING,
    (CANCELED, "period_end"): EXPIRED,
    (EXPIRED, "resubscribe"): ACTIVE,
    # A plan change keeps the status; only an active subscription moves to another plan.
    (ACTIVE, "change_plan"): ACTIVE,
}


def next_status(current: str | None, event: str) -> str:
    try:
        return TRANSITIONS[(current, event)]
    except KeyError:
        where = current or Term("no subscription")
        raise InvalidTransition(
            "cannot {event} a subscription that is {status}", event=Term(event.replace("_", " ")), status=Term(where)
        ) from None


# --- the operator's moves ------------------------------------------------------------

# An operator cancels, reinstates or changes the plan of a subscription; the event written depends on its state.
# Reinstating one that was canceled while its renewal waited for funds resumes the wait
# (CANCELED -> PENDING) instead of making it active; either way it must still be open: the
# paid period not over, or for one that waited, the grace deadline not passed.
CANCEL, REINSTATE, CHANGE_PLAN = "cancel", "reinstate", "change_plan"
MOVES = (CANCEL, REINSTATE, CHANGE_PLAN)


@dataclass(frozen=True)
class SubscriptionState:
    """What the moves depend on: the status and the subscription's two deadlines."""

    status: str
    period_end: datetime
    pending_since: datetime | None  # when its renewal began waiting for funds, if it did
    grace_days: int  # its plan's

    @property
    def grace_deadline(self) -> datetime | None:
        """When a subscription that waits (or waited, before it was canceled) for funds ends unpaid."""
        if self.pending_since is None:
            return None
        return self.pending_since + timedelta(days=self.grace_days)

    @property
    def waited_for_funds(self) -> bool:
        """Canceled while its renewal was waiting for funds: it ends at the grace deadline, not the period end."""
        return self.status == CANCELED and self.pending_since is not None


class Blocked(Enum):
    """Why a move is not possible for a subscription now."""

    STATUS = "status"  # the state machine has no such move from its status
    GRACE_PASSED = "grace_passed"  # canceled while waiting for funds, and the grace deadline has passed
    PERIOD_ENDED = "period_ended"  # canceled, and the paid period has ended


def move_event(state: SubscriptionState, move: str) -> str:
    """The event ``move`` writes for a subscription in ``state``."""
    if move not in MOVES:
        raise ValueError(f"unknown move {move!r}")
    if move == REINSTATE and state.waited_for_funds:
        return "resume_waiting"
    return move


def move_blocked(state: SubscriptionState, move: str, now: datetime) -> Blocked | None:
    """Why ``move`` is not possible for a subscription in ``state`` at ``now``; None when it is."""
    if (state.status, move_event(state, move)) not in TRANSITIONS:
        return Blocked.STATUS
    if move == REINSTATE:
        deadline = state.grace_deadline if state.waited_for_funds else state.period_end
        if deadline is not None and deadline <= now:
            return Blocked.GRACE_PASSED if state.waited_for_funds else Blocked.PERIOD_ENDED
    return None


def check_move(state: SubscriptionState, move: str, now: datetime) -> str:
    """The event to write for ``move``; InvalidTransition, in words, when it is not possible."""
    blocked = move_blocked(state, move, now)
    if blocked is Blocked.GRACE_PASSED:
        raise InvalidTransition("its grace days have passed; subscribe again instead")
    if blocked is Blocked.PERIOD_ENDED:
        raise InvalidTransition("the paid period has ended; subscribe again instead")
    event = move_event(state, move)
    next_status(state.status, event)  # Blocked.STATUS: the state machine's own refusal
    return event


INTERVAL_UNITS = ("day", "week", "month", "year")


def add_interval(start: datetime, unit: str, count: int, anchor_day: int | None = None) -> datetime:
    """The end of one billing period.

    Months and years keep the anchor day and clamp at month end, so a period
    anchored on the 31st runs Jan 31 → Feb 28 (29) → Mar 31.
    """
    if unit == "day":
        return start + timedelta(days=count)
    if unit == "week":
        return start + timedelta(weeks=count)
    if unit not in ("month", "year"):
        raise ValueError(f"unknown interval unit {unit!r}")
    months = count if unit == "month" else 12 * count
    anchor = anchor_day or start.day
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    day = min(anchor, calendar.monthrange(year, month)[1])
    return start.replace(year=year, month=month, day=day)


def grants_access(status: str, period_end: datetime, now: datetime, access_in_grace: bool) -> tuple[bool, str]:
    """Whether a subscription in this state gives its features now, and why (a Term: the desk translates it)."""
    if status == ACTIVE:
        return True, Term("active subscription")
    if status == CANCELED:
        if now < period_end:
            return True, Term("canceled, paid until the period ends")
        return False, Term("canceled and the paid period has ended")
    if status == PENDING:
        if access_in_grace:
            return True, Term("renewal pending; the plan allows access during grace")
        return False, Term("renewal pending: the wallet could not pay")
    return False, Term("subscription expired")
