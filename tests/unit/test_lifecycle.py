from datetime import datetime

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


@pytest.mark.parametrize(("start", "unit", "count", "anchor", "end"), [
    (datetime(2026, 1, 31), "month", 1, 31, datetime(2026, 2, 28)),
    (datetime(2028, 1, 31), "month", 1, 31, datetime(2028, 2, 29)),
    (datetime(2026, 2, 28), "month", 1, 31, datetime(2026, 3, 31)),
    (datetime(2026, 4, 30), "month", 1, 31, datetime(2026, 5, 31)),
    (datetime(2026, 11, 30), "month", 3, 30, datetime(2027, 2, 28)),
    (datetime(2028, 2, 29), "year", 1, 29, datetime(2029, 2, 28)),
    (datetime(2026, 1, 1, 9, 30), "week", 2, None, datetime(2026, 1, 15, 9, 30)),
    (datetime(2026, 12, 31), "day", 1, None, datetime(2027, 1, 1)),
])
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
