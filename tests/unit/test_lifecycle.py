from datetime import datetime, timedelta

import pytest

from services import lifecycle
from services.errors import InvalidTransition

LEGAL = [
    (None, "subscribe", "active"),
    ("active", "renew", "active"),
    ("active", "renewal_short", "pending_renewal"),
    ("pending_renewal", "funds_arrived", "active"),
    ("pending_renewal", "grace_expired", "expired"),
    ("active", "cancel", "canceled"),
    ("pending_renewal", "cancel", "canceled"),
    ("canceled", "reinstate", "active"),
    ("canceled", "resume_waiting", "pending_renewal"),
    ("canceled", "period_end", "expired"),
    ("expired", "resubscribe", "active"),
    ("active", "change_plan", "active"),
]
EVENTS = sorted({e for _, e, _ in LEGAL})
STATES = [None, *lifecycle.STATUSES]


@pytest.mark.parametrize(("state", "event", "expected"), LEGAL)
def test_every_legal_transition(state, event, expected):
    assert lifecycle.next_status(state, event) == expected


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("event", EVENTS)
def test_every_other_move_is_refused(state, event):
    if (state, event) in {(s, e) for s, e, _ in LEGAL}:
        return
    with pytest.raises(InvalidTransition) as refused:
        lifecycle.next_status(state, event)
    assert "cannot" in str(refused.value)


@pytest.mark.parametrize(
    ("start", "unit", "count", "anchor", "end"),
    [
        (datetime(2026, 1, 31), "month", 1, 31, datetime(2026, 2, 28)),
        (datetime(2028, 1, 31), "month", 1, 31, datetime(2028, 2, 29)),
        (datetime(2026, 2, 28), "month", 1, 31, datetime(2026, 3, 31)),
        (datetime(2026, 4, 30), "month", 1, 31, datetime(2026, 5, 31)),
        (datetime(2026, 11, 30), "month", 3, 30, datetime(2027, 2, 28)),
        (datetime(2028, 2, 29), "year", 1, 29, datetime(2029, 2, 28)),
        (datetime(2026, 1, 1, 9, 30), "week", 2, None, datetime(2026, 1, 15, 9, 30)),
        (datetime(2026, 12, 31), "day", 1, None, datetime(2027, 1, 1)),
    ],
)
def test_intervals_keep_the_anchor_and_clamp_at_month_end(start, unit, count, anchor, end):
    assert lifecycle.add_interval(start, unit, count, anchor) == end


def test_a_month_anchored_on_the_31st_walks_the_calendar():
    moment, seen = datetime(2026, 1, 31), []
    for _ in range(4):
        moment = lifecycle.add_interval(moment, "month", 1, 31)
        seen.append(moment.day)
    assert seen == [28, 31, 30, 31]


def test_access_rules():
    now, later = datetime(2026, 1, 10), datetime(2026, 2, 1)
    assert lifecycle.grants_access("active", later, now, False)[0]
    assert lifecycle.grants_access("canceled", later, now, False)[0]
    assert not lifecycle.grants_access("canceled", now, later, False)[0]
    assert not lifecycle.grants_access("pending_renewal", later, now, False)[0]
    assert lifecycle.grants_access("pending_renewal", later, now, True)[0]
    assert not lifecycle.grants_access("expired", later, now, True)[0]


# --- the operator's moves -------------------------------------------------------------------

NOW = datetime(2026, 1, 15, 9, 0)
LATER = datetime(2026, 2, 1)
EARLIER = datetime(2026, 1, 1)


def state(
    status: str, period_end: datetime = LATER, pending_since: datetime | None = None, grace_days: int = 3
) -> lifecycle.SubscriptionState:
    return lifecycle.SubscriptionState(status, period_end, pending_since, grace_days)


@pytest.mark.parametrize(
    ("status", "move", "allowed"),
    [
        ("active", "cancel", True),
        ("pending_renewal", "cancel", True),
        ("canceled", "cancel", False),
        ("expired", "cancel", False),
        ("canceled", "reinstate", True),
        ("active", "reinstate", False),
        ("pending_renewal", "reinstate", False),
        ("expired", "reinstate", False),
        ("active", "change_plan", True),
        ("pending_renewal", "change_plan", False),
        ("canceled", "change_plan", False),
        ("expired", "change_plan", False),
    ],
)
def test_each_move_needs_its_status(status, move, allowed):
    blocked = lifecycle.move_blocked(state(status), move, NOW)
    assert blocked is (None if allowed else lifecycle.Blocked.STATUS)
    if not allowed:
        with pytest.raises(InvalidTransition, match="cannot"):
            lifecycle.check_move(state(status), move, NOW)


def test_reinstating_a_canceled_subscription_makes_it_active_until_its_period_ends():
    assert lifecycle.check_move(state("canceled", LATER), "reinstate", NOW) == "reinstate"
    assert lifecycle.next_status("canceled", "reinstate") == "active"
    ended = state("canceled", period_end=NOW)
    assert lifecycle.move_blocked(ended, "reinstate", NOW) is lifecycle.Blocked.PERIOD_ENDED
    with pytest.raises(InvalidTransition, match="paid period has ended"):
        lifecycle.check_move(ended, "reinstate", NOW)


def test_one_canceled_while_waiting_for_funds_waits_again_until_its_grace_deadline():
    waited = state("canceled", period_end=EARLIER, pending_since=NOW - timedelta(days=2), grace_days=3)
    assert waited.waited_for_funds and waited.grace_deadline == NOW + timedelta(days=1)
    assert lifecycle.check_move(waited, "reinstate", NOW) == "resume_waiting"
    assert lifecycle.next_status("canceled", "resume_waiting") == "pending_renewal"
    passed = state("canceled", period_end=LATER, pending_since=NOW - timedelta(days=3), grace_days=3)
    assert lifecycle.move_blocked(passed, "reinstate", NOW) is lifecycle.Blocked.GRACE_PASSED
    with pytest.raises(InvalidTransition, match="grace days have passed"):
        lifecycle.check_move(passed, "reinstate", NOW)


def test_a_pending_subscription_has_a_grace_deadline_but_did_not_wait_as_a_canceled_one():
    pending = state("pending_renewal", pending_since=NOW, grace_days=5)
    assert pending.grace_deadline == NOW + timedelta(days=5) and not pending.waited_for_funds
    assert state("active").grace_deadline is None
    assert lifecycle.check_move(pending, "cancel", NOW) == "cancel"


def test_an_unknown_move_is_a_bug_not_a_refusal():
    with pytest.raises(ValueError):
        lifecycle.move_blocked(state("active"), "renew", NOW)
