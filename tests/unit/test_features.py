"""Plans, features, usage metering and access checks against a real database."""

from __future__ import annotations

import json
import logging
from datetime import datetime, timedelta

import pytest

from models.tables import AuditEntry, Customer, Plan, PlanFeature, Subscription, UsageCounter, UsageRecord, Wallet
from services.errors import Conflict, NotFound, PermissionDenied, ValidationError
from services.features import AccessRefused, FeatureService
from services.pricing import PriceTerms

PERIOD_START = datetime(2026, 1, 1, 9, 0)
PERIOD_END = datetime(2026, 2, 1, 9, 0)


@pytest.fixture
def service(db, clock):
    return FeatureService(clock)


@pytest.fixture
def pro(service, admin):
    """A plan with one feature of each type."""
    service.create_plan(admin, "pro", "Pro", 1999)
    service.create_feature(admin, "sso", "Single sign-on", "boolean")
    service.create_feature(admin, "api_calls", "API calls", "quota", unit="api call")
    service.create_feature(admin, "requests", "Requests", "rate", unit="request")
    service.create_feature(admin, "storage", "Storage", "usage", unit="GB")
    service.set_plan_feature(admin, "pro", "sso")
    service.set_plan_feature(admin, "pro", "api_calls", quota=1000)
    service.set_plan_feature(admin, "pro", "requests", rate_limit=10, rate_window_seconds=60)
    service.set_plan_feature(admin, "pro", "storage", pricing="flat", unit_price_minor=25)
    return "pro"


def subscribe(plan_code: str, email: str = "ann@example.com", status: str = "active",
              start: datetime = PERIOD_START, end: datetime = PERIOD_END) -> int:
    customer = Customer.get_or_none(Customer.email == email)
    if customer is None:
        customer = Customer.create(name=email.split("@")[0], email=email, created_at=start)
    wallet = Wallet.get_or_none(Wallet.customer == customer.id)
    if wallet is None:
        wallet = Wallet.create(customer=customer.id, currency="USD", balance_minor=0, created_at=start)
    plan = Plan.get(Plan.code == plan_code)
    return Subscription.create(customer=customer.id, plan=plan.id, wallet=wallet.id, status=status,
                               anchor_day=start.day, period_start=start, period_end=end, usage_since=start,
                               created_at=start, updated_at=start).id


def start_next_period(sub_id: int) -> datetime:
    sub = Subscription.get_by_id(sub_id)
    Subscription.update(period_start=sub.period_end, usage_since=sub.period_end,
                        period_end=sub.period_end + timedelta(days=28)).where(
        Subscription.id == sub_id).execute()
    return sub.period_end


def usage_rows() -> tuple[int, int]:
    return UsageRecord.select().count(), UsageCounter.select().count()


# --- plans and features ----------------------------------------------------

def test_create_plan_returns_it_and_audits_it(service, admin):
    plan = service.create_plan(admin, "basic", "Basic", 500, currency="eur", interval_unit="year", grace_days=0)
    assert (plan.code, plan.price_minor, plan.currency, plan.interval_unit, plan.active) == (
        "basic", 500, "EUR", "year", True)
    assert service.get_plan("basic") == plan
    audit = AuditEntry.get(AuditEntry.action == "plan.create")
    assert audit.actor == "alice" and json.loads(audit.after)["price_minor"] == 500


@pytest.mark.parametrize("kwargs", [
    dict(code="Pro Plan"), dict(code="x"), dict(currency="XYZ"), dict(interval_unit="fortnight"),
    dict(interval_count=0), dict(interval_count=37), dict(price_minor=-1), dict(price_minor=9.99),
    dict(grace_days=-1), dict(grace_days=91), dict(name="  "), dict(access_in_grace="yes"),
])
def test_create_plan_refuses_bad_input_and_writes_nothing(service, admin, kwargs):
    args = dict(code="basic", name="Basic", price_minor=500) | kwargs
    with pytest.raises(ValidationError):
        service.create_plan(admin, **args)
    assert Plan.select().count() == 0 and AuditEntry.select().count() == 0


def test_duplicate_plan_code_is_a_conflict(service, admin):
    service.create_plan(admin, "basic", "Basic", 500)
    with pytest.raises(Conflict, match="already exists"):
        service.create_plan(admin, "basic", "Other", 900)
    assert service.get_plan("basic").name == "Basic"


@pytest.mark.parametrize("who", ["operator", "viewer"])
def test_only_admins_edit_plans(service, request, who):
    actor = request.getfixturevalue(who)
    with pytest.raises(PermissionDenied):
        service.create_plan(actor, "basic", "Basic", 500)
    with pytest.raises(PermissionDenied):
        service.create_feature(actor, "sso", "SSO", "boolean")
    assert Plan.select().count() == 0


def test_update_plan_changes_fields_and_audits_before_and_after(service, admin):
    service.create_plan(admin, "basic", "Basic", 500)
    plan = service.update_plan(admin, "basic", price_minor=700, active=False, reason="price rise")
    assert (plan.price_minor, plan.active) == (700, False)
    audit = AuditEntry.get(AuditEntry.action == "plan.edit")
    assert json.loads(audit.before) == {"price_minor": 500, "active": True}
    assert json.loads(audit.after) == {"price_minor": 700, "active": False}
    assert audit.reason == "price rise"
    assert [p.code for p in service.list_plans(include_inactive=False)] == []
    assert [p.code for p in service.list_plans()] == ["basic"]


def test_update_plan_refuses_unknown_plans_and_empty_changes(service, admin):
    with pytest.raises(NotFound):
        service.update_plan(admin, "nope", name="Nope")
    service.create_plan(admin, "basic", "Basic", 500)
    with pytest.raises(ValidationError, match="nothing to change"):
        service.update_plan(admin, "basic")
    with pytest.raises(NotFound):
        service.get_plan("nope")


def test_create_feature_checks_type_and_duplicates(service, admin):
    with pytest.raises(ValidationError, match="feature type"):
        service.create_feature(admin, "sso", "SSO", "toggle")
    service.create_feature(admin, "sso", "SSO", "boolean")
    with pytest.raises(Conflict):
        service.create_feature(admin, "sso", "SSO again", "boolean")
    assert [f.code for f in service.list_features()] == ["sso"]


# --- plan features ---------------------------------------------------------

def test_plan_features_lists_what_the_plan_grants(service, pro):
    by_code = {pf.feature_code: pf for pf in service.plan_features(pro)}
    assert set(by_code) == {"sso", "api_calls", "requests", "storage"}
    assert by_code["api_calls"].quota == 1000
    assert (by_code["requests"].rate_limit, by_code["requests"].rate_window_seconds) == (10, 60)
    assert by_code["storage"].terms == PriceTerms("flat", unit_price_minor=25)


@pytest.mark.parametrize(("feature", "kwargs", "message"), [
    ("sso", dict(pricing="flat", unit_price_minor=5), "on/off feature"),
    ("sso", dict(quota=5), "only quota features"),
    ("api_calls", dict(), "give its quota"),
    ("api_calls", dict(quota=-1), "quota"),
    ("api_calls", dict(quota=100, rate_limit=5, rate_window_seconds=60), "only rate features"),
    ("api_calls", dict(quota=100, included=50, pricing="flat", unit_price_minor=1), "included units are its quota"),
    ("requests", dict(rate_limit=0, rate_window_seconds=60), "rate limit"),
    ("requests", dict(rate_limit=5, rate_window_seconds=0), "rate window"),
    ("requests", dict(rate_limit=5), "window"),
    ("storage", dict(pricing="tiered", tiers=[[100, 5], [50, 4], [None, 1]]), "strictly increase"),
    ("storage", dict(pricing="package", package_price_minor=100), "package size"),
    ("storage", dict(pricing="flat", unit_price_minor=-5), "negative"),
    ("storage", dict(enabled="yes"), "true or false"),
])
def test_set_plan_feature_refuses_settings_that_do_not_fit_the_feature(service, admin, pro, feature, kwargs,
                                                                        message):
    before = [(pf.feature_code, pf) for pf in service.plan_features(pro)]
    with pytest.raises(ValidationError, match=message):
        service.set_plan_feature(admin, pro, feature, **kwargs)
    assert [(pf.feature_code, pf) for pf in service.plan_features(pro)] == before


def test_set_plan_feature_updates_in_place_and_audits(service, admin, pro):
    info = service.set_plan_feature(admin, pro, "api_calls", quota=5000, pricing="flat", unit_price_minor=2,
                                    reason="bigger quota")
    assert (info.quota, info.terms.included, info.terms.pricing) == (5000, 5000, "flat")
    assert PlanFeature.select().count() == 4
    audit = AuditEntry.select().where(AuditEntry.action == "plan.feature").order_by(AuditEntry.id.desc()).get()
    assert json.loads(audit.before)["quota"] == 1000 and json.loads(audit.after)["quota"] == 5000


def test_set_plan_feature_on_unknown_names_is_not_found(service, admin, pro):
    with pytest.raises(NotFound, match="no plan"):
        service.set_plan_feature(admin, "gold", "sso")
    with pytest.raises(NotFound, match="no feature"):
        service.set_plan_feature(admin, pro, "telepathy")


# --- recording usage per feature type ---------------------------------------

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


@pytest.mark.parametrize(("status", "end", "access_in_grace", "allowed"), [
    ("active", PERIOD_END, False, True),
    ("canceled", PERIOD_END, False, True),
    ("canceled", datetime(2026, 1, 10), False, False),
    ("pending_renewal", PERIOD_END, False, False),
    ("pending_renewal", PERIOD_END, True, True),
    ("expired", PERIOD_END, True, False),
])
def test_usage_follows_the_subscriptions_access(service, admin, operator, pro, status, end, access_in_grace,
                                                allowed):
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


def test_repeated_idempotency_key_returns_the_first_result_and_changes_nothing(service, operator, pro):
    sub = subscribe(pro)
    first = service.record_usage(operator, sub, "api_calls", 300, idempotency_key="evt-1")
    service.record_usage(operator, sub, "api_calls", 200)
    again = service.record_usage(operator, sub, "api_calls", 300, idempotency_key="evt-1")
    assert again.replayed and not first.replayed
    assert (again.used_in_period, again.remaining, again.quantity) == (300, 700, 300)
    assert usage_rows() == (2, 1)
    assert UsageCounter.get().used == 500
    with pytest.raises(Conflict):
        service.record_usage(operator, sub, "api_calls", 301, idempotency_key="evt-1")


def test_a_replay_is_returned_even_after_access_ends(service, operator, pro):
    sub = subscribe(pro)
    service.record_usage(operator, sub, "storage", 4, idempotency_key="evt-9")
    Subscription.update(status="expired").where(Subscription.id == sub).execute()
    assert service.record_usage(operator, sub, "storage", 4, idempotency_key="evt-9").charge_so_far_minor == 100


def test_viewer_may_not_record_usage(service, viewer, pro):
    sub = subscribe(pro)
    with pytest.raises(PermissionDenied):
        service.record_usage(viewer, sub, "storage", 1)
    assert usage_rows() == (0, 0)


def test_operator_usage_is_audited_and_system_metering_is_not(service, operator, system, pro):
    sub = subscribe(pro)
    service.record_usage(operator, sub, "storage", 1)
    service.record_usage(system, sub, "storage", 1)
    audits = list(AuditEntry.select().where(AuditEntry.action == "usage.record"))
    assert [a.actor for a in audits] == ["oscar"]
    assert [r.actor for r in UsageRecord.select().order_by(UsageRecord.id)] == ["oscar", "system"]


@pytest.mark.parametrize("quantity", [0, -1, 1_000_001, 1.0, 2.5, "5", True, None])
def test_bad_quantities_are_refused_and_nothing_is_written(service, operator, pro, quantity):
    sub = subscribe(pro)
    with pytest.raises(ValidationError, match="quantity"):
        service.record_usage(operator, sub, "storage", quantity)
    assert usage_rows() == (0, 0)


def test_unknown_feature_or_subscription_is_not_found_and_nothing_is_written(service, operator, pro):
    sub = subscribe(pro)
    with pytest.raises(NotFound, match="no feature"):
        service.record_usage(operator, sub, "telepathy", 1)
    with pytest.raises(NotFound, match="no subscription"):
        service.record_usage(operator, sub + 100, "storage", 1)
    with pytest.raises(ValidationError):
        service.record_usage(operator, "1", "storage", 1)
    with pytest.raises(ValidationError):
        service.record_usage(operator, sub, "storage", 1, idempotency_key="")
    assert usage_rows() == (0, 0)


# --- access checks ---------------------------------------------------------

def test_check_access_refuses_unknown_names_and_customers_without_the_feature(service, pro):
    with pytest.raises(NotFound):
        service.check_access("ann@example.com", "telepathy")
    with pytest.raises(NotFound):
        service.check_access("nobody@example.com", "sso")
    Customer.create(name="Bob", email="bob@example.com", created_at=PERIOD_START)
    decision = service.check_access("bob@example.com", "sso")
    assert (decision.allowed, decision.reason) == (False, "no subscription includes this feature")


def test_check_access_uses_any_subscription_that_grants_and_explains_expiry(service, admin, pro):
    service.create_plan(admin, "team", "Team", 4999)
    service.set_plan_feature(admin, "team", "api_calls", quota=50)
    old = subscribe(pro, status="expired")
    customer_id = Subscription.get_by_id(old).customer_id
    assert service.check_access(customer_id, "api_calls") == service.check_access("ann@example.com", "api_calls")
    assert service.check_access("ann@example.com", "api_calls").reason == "subscription expired"
    subscribe("team")
    decision = service.check_access("ann@example.com", "api_calls")
    assert (decision.allowed, decision.remaining) == (True, 50)


# --- period charges for renewals -------------------------------------------

PRICED = {
    "flat_gb": dict(included=10, pricing="flat", unit_price_minor=7),
    "tiered_gb": dict(pricing="tiered", tiers=[[100, 10], [1000, 5], [None, 2]]),
    "volume_gb": dict(pricing="volume", tiers='[[100, 10], [1000, 5], [null, 2]]'),
    "package_gb": dict(included=10, pricing="package", package_size=100, package_price_minor=250),
    "free_gb": dict(),
}


@pytest.fixture
def priced(service, admin):
    plan = service.create_plan(admin, "metered", "Metered", 0)
    for code, terms in PRICED.items():
        service.create_feature(admin, code, code, "usage", unit="GB")
        service.set_plan_feature(admin, "metered", code, **terms)
    return plan.id


@pytest.mark.parametrize(("feature", "used", "expected"), [
    ("flat_gb", 25, 15 * 7),
    ("tiered_gb", 1500, 100 * 10 + 900 * 5 + 500 * 2),
    ("volume_gb", 1500, 1500 * 2),
    ("volume_gb", 101, 101 * 5),
    ("package_gb", 111, 2 * 250),
    ("free_gb", 5000, 0),
])
def test_period_usage_prices_each_model(service, system, priced, feature, used, expected):
    sub = subscribe("metered")
    service.record_usage(system, sub, feature, used)
    assert service.period_usage_minor([(sub, priced, PERIOD_START)]).get(sub, 0) == expected


def test_period_usage_counts_only_the_period_asked_for(service, system, clock, priced):
    busy, idle = subscribe("metered"), subscribe("metered", email="bob@example.com")
    service.record_usage(system, busy, "flat_gb", 20)
    service.record_usage(system, busy, "package_gb", 11)
    next_start = start_next_period(busy)
    clock.set(next_start + timedelta(days=1))
    service.record_usage(system, busy, "flat_gb", 1000)
    charges = service.period_usage_minor([(busy, priced, PERIOD_START), (idle, priced, PERIOD_START)])
    assert charges.get(busy) == 10 * 7 + 250
    assert charges.get(idle, 0) == 0
    assert service.period_usage_minor([(busy, priced, next_start)]) == {busy: 990 * 7}
    assert service.period_usage_minor([]) == {}


def test_period_usage_runs_a_constant_number_of_queries_for_a_batch(service, system, priced):
    subs = [subscribe("metered", email=f"c{n}@example.com") for n in range(60)]
    for sub in subs:
        service.record_usage(system, sub, "flat_gb", 11)
        service.record_usage(system, sub, "tiered_gb", 1)

    def queries_for(batch):
        seen = []
        handler = logging.Handler()
        handler.emit = seen.append
        logger = logging.getLogger("peewee")
        old_level = logger.level
        logger.addHandler(handler)
        logger.setLevel(logging.DEBUG)
        try:
            charges = service.period_usage_minor([(sub, priced, PERIOD_START) for sub in batch])
        finally:
            logger.removeHandler(handler)
            logger.setLevel(old_level)
        return len(seen), charges

    few, few_charges = queries_for(subs[:3])
    many, many_charges = queries_for(subs)
    assert 0 < few == many
    assert many_charges == {sub: 7 + 10 for sub in subs}
    assert few_charges == {sub: 17 for sub in subs[:3]}
