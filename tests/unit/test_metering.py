"""Metering: usage recorded once per key, refused with a reason, audited when an operator types it in."""

from __future__ import annotations

import pytest

from models.tables import AuditEntry, Subscription, UsageCounter, UsageRecord
from services.catalogue import PlanCatalogue
from services.errors import Conflict, NotFound, PermissionDenied, ValidationError
from services.metering import AccessRefused, UsageMeter
from tests.unit.plan_setup import grant_one_of_each, subscribe, usage_rows


@pytest.fixture
def meter(db, clock):
    return UsageMeter(clock)


@pytest.fixture
def pro(db, clock, admin):
    return grant_one_of_each(PlanCatalogue(clock), admin)


def test_repeated_idempotency_key_returns_the_first_result_and_changes_nothing(meter, operator, pro):
    sub = subscribe(pro)
    first = meter.record_usage(operator, sub, "api_calls", 300, idempotency_key="evt-1")
    meter.record_usage(operator, sub, "api_calls", 200)
    again = meter.record_usage(operator, sub, "api_calls", 300, idempotency_key="evt-1")
    assert again.replayed and not first.replayed
    assert (again.used_in_period, again.remaining, again.quantity) == (300, 700, 300)
    assert usage_rows() == (2, 1)
    assert UsageCounter.get().used == 500
    with pytest.raises(Conflict):
        meter.record_usage(operator, sub, "api_calls", 301, idempotency_key="evt-1")


def test_a_replay_is_returned_even_after_access_ends(meter, operator, pro):
    sub = subscribe(pro)
    meter.record_usage(operator, sub, "storage", 4, idempotency_key="evt-9")
    Subscription.update(status="expired").where(Subscription.id == sub).execute()
    assert meter.record_usage(operator, sub, "storage", 4, idempotency_key="evt-9").charge_so_far_minor == 100


def test_viewer_may_not_record_usage(meter, viewer, pro):
    sub = subscribe(pro)
    with pytest.raises(PermissionDenied):
        meter.record_usage(viewer, sub, "storage", 1)
    assert usage_rows() == (0, 0)


def test_operator_usage_is_audited_and_system_metering_is_not(meter, operator, system, pro):
    sub = subscribe(pro)
    meter.record_usage(operator, sub, "storage", 1)
    meter.record_usage(system, sub, "storage", 1)
    audits = list(AuditEntry.select().where(AuditEntry.action == "usage.record"))
    assert [a.actor for a in audits] == ["oscar"]
    assert [r.actor for r in UsageRecord.select().order_by(UsageRecord.id)] == ["oscar", "system"]


@pytest.mark.parametrize("quantity", [0, -1, 1_000_001, 1.0, 2.5, "5", True, None])
def test_bad_quantities_are_refused_and_nothing_is_written(meter, operator, pro, quantity):
    sub = subscribe(pro)
    with pytest.raises(ValidationError, match="quantity"):
        meter.record_usage(operator, sub, "storage", quantity)
    assert usage_rows() == (0, 0)


def test_unknown_feature_or_subscription_is_not_found_and_nothing_is_written(meter, operator, pro):
    sub = subscribe(pro)
    with pytest.raises(NotFound, match="no feature"):
        meter.record_usage(operator, sub, "telepathy", 1)
    with pytest.raises(NotFound, match="no subscription"):
        meter.record_usage(operator, sub + 100, "storage", 1)
    with pytest.raises(ValidationError):
        meter.record_usage(operator, "1", "storage", 1)
    with pytest.raises(ValidationError):
        meter.record_usage(operator, sub, "storage", 1, idempotency_key="")
    assert usage_rows() == (0, 0)


def test_a_padded_key_is_the_same_key(meter, operator, pro):
    sub = subscribe(pro)
    first = meter.record_usage(operator, sub, "storage", 3, idempotency_key="evt-2")
    again = meter.record_usage(operator, sub, "storage", 3, idempotency_key="  evt-2 ")
    assert again.replayed and again.used_in_period == first.used_in_period == 3
    assert UsageRecord.get().idempotency_key == "evt-2" and usage_rows() == (1, 1)
    with pytest.raises(ValidationError, match="1–200 characters"):
        meter.record_usage(operator, sub, "storage", 1, idempotency_key="k" * 201)
    assert usage_rows() == (1, 1)


def test_a_refusal_says_why_and_records_nothing(meter, operator, pro):
    sub = subscribe(pro)
    meter.record_usage(operator, sub, "requests", 10)
    with pytest.raises(AccessRefused, match=r"rate limit of 10 requests per minute reached \(10 used\)"):
        meter.record_usage(operator, sub, "requests", 1)
    Subscription.update(status="expired").where(Subscription.id == sub).execute()
    with pytest.raises(AccessRefused, match=f"subscription #{sub}: "):
        meter.record_usage(operator, sub, "storage", 1)
    assert usage_rows() == (1, 1)
