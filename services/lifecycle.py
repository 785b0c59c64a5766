"""The subscription state machine and billing calendar, as pure functions."""

from __future__ import annotations

import calendar
from datetime import datetime, timedelta

from services.errors import InvalidTransition

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
    (CANCELED, "reinstate"): ACTIVE,
    # Auto-renew turned back on before the grace deadline of one canceled while waiting for funds.
    (CANCELED, "resume_waiting"): PENDING,
    (CANCELED, "period_end"): EXPIRED,
    (EXPIRED, "resubscribe"): ACTIVE,
}


def next_status(current: str | None, event: str) -> str:
    try:
        return TRANSITIONS[(current, event)]
    except KeyError:
        where = current or "no subscription"
        raise InvalidTransition(f"cannot {event.replace('_', ' ')} a subscription that is {where}") from None


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
    """Whether a subscription in this state gives its features now, and why."""
    if status == ACTIVE:
        return True, "active subscription"
    if status == CANCELED:
        if now < period_end:
            return True, "canceled, paid until the period ends"
        return False, "canceled and the paid period has ended"
    if status == PENDING:
        if access_in_grace:
            return True, "renewal pending; the plan allows access during grace"
        return False, "renewal pending: the wallet could not pay"
    return False, "subscription expired"
