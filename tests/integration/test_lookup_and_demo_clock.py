"""Finding what an operator types, and moving a demo database's clock ahead."""

from datetime import datetime, timedelta

import pytest

from models.tables import ErrorItem
from services.clock import SystemClock
from services.demo_clock import advance_demo_clock, can_travel
from services.errors import PermissionDenied, ValidationError
from services.lookup import find_subjects
from tests.factories import make_customer, make_plan


def test_customers_by_name_then_the_subscription_and_error_item_with_that_id(core, clock, operator):
    make_plan(clock, "basic", 100)
    ada, _ = make_customer(clock, name="Ada Lovelace", email="ada@example.com", balance_minor=1000)
    make_customer(clock, name="Alan Turing", email="alan@example.com")
    sub = core.subscriptions.subscribe(operator, ada.email, "basic")
    item = ErrorItem.create(
        operation="topup",
        subject_type="topup",
        subject_id=1,
        error_class="transient",
        message="boom",
        strategy="backoff",
        status="retrying",
        created_at=clock.now(),
        updated_at=clock.now(),
    )
    assert sub.id == item.id == ada.id == 1
    found = find_subjects(core.customers, "lovelace")
    assert [(f.subject_type, f.subject_id, f.customer.email) for f in found] == [("customer", ada.id, ada.email)]
    assert [(f.subject_type, f.subject_id) for f in find_subjects(core.customers, "#1")] == [
        ("subscription", 1),
        ("error_item", 1),
    ]
    assert [(f.subject_type, f.subject_id) for f in find_subjects(core.customers, "1")] == [
        ("customer", 1),
        ("subscription", 1),
        ("error_item", 1),
    ]
    assert find_subjects(core.customers, "9" * 40) == [] and find_subjects(core.customers, "#") == []


def test_the_demo_clock_moves_ahead_and_renews_what_fell_due(core, clock, operator, viewer):
    make_plan(clock, "basic", 100)
    customer, _ = make_customer(clock, balance_minor=1000)
    core.subscriptions.subscribe(operator, customer.email, "basic")
    with pytest.raises(PermissionDenied):
        advance_demo_clock(clock, core.renewals, viewer, days=1)
    assert clock.now() == datetime(2026, 1, 15, 9, 0)

    step = advance_demo_clock(clock, core.renewals, operator, months=1)
    assert step.now == clock.now() == datetime(2026, 2, 15, 9, 0)
    assert (step.renewals["due"], step.renewals["renewed"]) == (1, 1)
    assert "reminded" in step.reminders
    week = advance_demo_clock(clock, core.renewals, operator, days=7)
    assert week.now == datetime(2026, 2, 15, 9, 0) + timedelta(days=7) and week.renewals["due"] == 0


def test_only_a_movable_clock_moves_and_only_ahead(core, clock, operator):
    assert can_travel(clock) and not can_travel(SystemClock())
    with pytest.raises(ValidationError):
        advance_demo_clock(SystemClock(), core.renewals, operator, days=1)
    for months, days in ((0, 0), (-1, 0), (0, -3)):
        with pytest.raises(ValidationError):
            advance_demo_clock(clock, core.renewals, operator, months=months, days=days)
    assert clock.now() == datetime(2026, 1, 15, 9, 0)
