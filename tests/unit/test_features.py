"""FeatureService, plans and features as the app wires them: metering, access checks and billing agree."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from models.tables import Plan
from services.features import FeatureService
from services.metering import AccessRefused
from tests.unit.plan_setup import PERIOD_END, PERIOD_START, grant_one_of_each, start_next_period, subscribe, usage_rows


@pytest.fixture
def service(db, clock):
    return FeatureService(clock)


@pytest.fixture
def pro(service, admin):
    return grant_one_of_each(service, admin)


def test_boolean_feature_is_granted_but_has_no_usage(service, operator, pro):
    sub = subscribe(pro)
    decision = service.check_access("ann@example.com", "sso")
    assert decision.allowed and decision.remaining is None
    with pytest.raises(AccessRefused, match="on/off"):
        service.record_usage(operator, sub, "sso", 1)
    assert usage_rows() == (0, 0)


def test_quota_is_used_up_then_refused_then_reset_next_period(service, operator, clock, pro):
    sub = subscribe(pro)
    assert service.record_usage(operator, sub, "api_calls", 600).remaining == 400
    result = service.record_usage(operator, sub, "api_calls", 400)
    assert (result.used_in_period, result.remaining, result.charge_so_far_minor) == (1000, 0, 0)
    with pytest.raises(AccessRefused, match="quota of 1,000 api calls used up"):
        service.record_usage(operator, sub, "api_calls", 1)
    assert usage_rows() == (2, 1)
    decision = service.check_access("ann@example.com", "api_calls")
    assert (decision.allowed, decision.remaining) == (False, 0)
    assert "used up this period" in decision.reason

    clock.set(start_next_period(sub) + timedelta(hours=1))
    assert service.check_access("ann@example.com", "api_calls").remaining == 1000
    result = service.record_usage(operator, sub, "api_calls", 1)
    assert (result.used_in_period, result.remaining) == (1, 999)


def test_quota_with_overage_pricing_allows_and_charges_past_the_quota(service, admin, operator, pro):
    service.set_plan_feature(admin, pro, "api_calls", quota=1000, pricing="flat", unit_price_minor=3)
    sub = subscribe(pro)
    result = service.record_usage(operator, sub, "api_calls", 1200)
    assert (result.used_in_period, result.remaining, result.charge_so_far_minor) == (1200, 0, 600)
    decision = service.check_access("ann@example.com", "api_calls")
    assert decision.allowed and "overage" in decision.reason
    assert service.period_usage_minor([(sub, Plan.get(Plan.code == pro).id, PERIOD_START)]) == {sub: 600}


def test_rate_limit_slides_with_the_clock(service, operator, clock, pro):
    sub = subscribe(pro)
    service.record_usage(operator, sub, "requests", 6)
    clock.advance(seconds=30)
    assert service.record_usage(operator, sub, "requests", 4).remaining == 0
    with pytest.raises(AccessRefused, match="rate limit of 10 requests per minute"):
        service.record_usage(operator, sub, "requests", 1)
    assert not service.check_access("ann@example.com", "requests").allowed

    clock.advance(seconds=29)  # the first six are 59 s old: still inside the window
    with pytest.raises(AccessRefused):
        service.record_usage(operator, sub, "requests", 1)
    clock.advance(seconds=1)  # now 60 s old: out of the window
    assert service.check_access("ann@example.com", "requests").remaining == 6
    assert service.record_usage(operator, sub, "requests", 6).remaining == 0
    assert usage_rows()[0] == 3


def test_usage_feature_is_always_allowed_and_charged(service, operator, pro):
    sub = subscribe(pro)
    for _ in range(3):
        result = service.record_usage(operator, sub, "storage", 1_000_000)
    assert (result.used_in_period, result.remaining, result.charge_so_far_minor) == (3_000_000, None, 75_000_000)
    decision = service.check_access("ann@example.com", "storage")
    assert (decision.allowed, decision.remaining, decision.reason) == (True, None, "always allowed; usage is charged")


@pytest.mark.parametrize(
    ("status", "end", "access_in_grace", "allowed"),
    [
        ("active", PERIOD_END, False, True),
        ("canceled", PERIOD_END, False, True),
        ("canceled", datetime(2026, 1, 10), False, False),
        ("pending_renewal", PERIOD_END, False, False),
        ("pending_renewal", PERIOD_END, True, True),
        ("expired", PERIOD_END, True, False),
    ],
)
def test_usage_follows_the_subscriptions_access(service, admin, operator, pro, status, end, access_in_grace, allowed):
    service.update_plan(admin, pro, access_in_grace=access_in_grace)
    sub = subscribe(pro, status=status, end=end)
    assert service.check_access("ann@example.com", "storage").allowed is allowed
    if allowed:
        assert service.record_usage(operator, sub, "storage", 2).used_in_period == 2
    else:
        with pytest.raises(AccessRefused):
            service.record_usage(operator, sub, "storage", 2)
        assert usage_rows() == (0, 0)


def test_feature_missing_from_or_turned_off_on_the_plan_is_refused(service, admin, operator, pro):
    service.create_feature(admin, "exports", "Exports", "usage")
    sub = subscribe(pro)
    with pytest.raises(AccessRefused, match="does not include exports"):
        service.record_usage(operator, sub, "exports", 1)
    service.set_plan_feature(admin, pro, "storage", enabled=False, pricing="flat", unit_price_minor=25)
    with pytest.raises(AccessRefused, match="turned off"):
        service.record_usage(operator, sub, "storage", 1)
    assert "turned off" in service.check_access("ann@example.com", "storage").reason
    assert service.check_access("ann@example.com", "exports").reason == "no subscription includes this feature"
    assert usage_rows() == (0, 0)
