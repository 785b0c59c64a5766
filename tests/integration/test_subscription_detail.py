"""What the desk reads of one subscription and of one plan, and the plans to choose from."""

from datetime import timedelta

import pytest

from models.tables import LedgerEntry
from services.errors import NotFound
from services.plan_detail import plan_choices, plan_detail
from services.subscription_detail import plan_change_options, subscription_detail, usage_options
from tests.factories import make_customer


@pytest.fixture
def pro(core, admin):
    """Two USD plans and a EUR one; pro grants one feature of each type."""
    features = core.features
    features.create_plan(admin, "pro", "Pro", 2000)
    features.create_plan(admin, "basic", "Basic", 500)
    features.create_plan(admin, "euro", "Euro", 700, currency="EUR")
    features.create_plan(admin, "old", "Old", 100)
    features.update_plan(admin, "old", active=False)
    features.create_feature(admin, "sso", "Single sign-on", "boolean")
    features.create_feature(admin, "api_calls", "API calls", "quota", unit="api call")
    features.create_feature(admin, "requests", "Requests", "rate", unit="request")
    features.create_feature(admin, "storage", "Storage", "usage", unit="GB")
    features.set_plan_feature(admin, "pro", "sso")
    features.set_plan_feature(admin, "pro", "api_calls", quota=1000)
    features.set_plan_feature(admin, "pro", "requests", rate_limit=10, rate_window_seconds=60)
    features.set_plan_feature(admin, "pro", "storage", pricing="flat", unit_price_minor=25)
    return "pro"


def test_the_detail_has_the_state_usage_timeline_and_charges(core, clock, pro, admin, operator):
    customer, wallet_id = make_customer(clock, name="Ann", balance_minor=5000)
    sub = core.subscriptions.subscribe(operator, customer.email, pro)
    core.features.record_usage(operator, sub.id, "api_calls", 40)
    core.features.record_usage(operator, sub.id, "storage", 3)
    core.subscriptions.cancel(operator, sub.id, "too dear")
    charge = LedgerEntry.get(LedgerEntry.kind == "renewal")
    core.payments.refund_charge(admin, charge.id, "5.00", "goodwill")

    detail = subscription_detail(sub.id, clock.now())
    assert detail["subscription"]["status"] == "canceled" and detail["subscription"]["auto_renew"] is False
    assert (detail["plan"]["code"], detail["plan"]["price_minor"]) == ("pro", 2000)
    assert (detail["customer"]["name"], detail["wallet"]["id"]) == ("Ann", wallet_id)
    assert detail["wallet"]["balance_minor"] == 5000 - 2000 + 500
    assert detail["access"] == (True, "canceled, paid until the period ends")
    assert [e["event"] for e in detail["events"]] == ["cancel", "subscribe"]
    assert [(c["plan_minor"], c["refunded_minor"]) for c in detail["charges"]] == [(2000, 500)]
    usage = {u["code"]: u for u in detail["usage"]}
    assert (usage["api_calls"]["used"], usage["api_calls"]["remaining"], usage["api_calls"]["limit"]) == (
        40,
        960,
        "1,000 api calls / period",
    )
    assert usage["requests"]["limit"] == "10 requests / minute" and usage["requests"]["remaining"] is None
    assert (usage["storage"]["used"], usage["storage"]["charge_minor"]) == (3, 75)
    assert usage["sso"]["type"] == "boolean"

    later = subscription_detail(sub.id, clock.now() + timedelta(days=40))
    assert later["access"] == (False, "canceled and the paid period has ended")
    with pytest.raises(NotFound):
        subscription_detail(sub.id + 100, clock.now())


def test_plan_change_and_usage_options(core, clock, pro, operator):
    customer, _ = make_customer(clock, balance_minor=3000)
    sub = core.subscriptions.subscribe(operator, customer.email, pro)
    options = plan_change_options(sub.id)
    assert options["plan"] == {"code": "pro", "name": "Pro", "price_minor": 2000}
    assert (options["currency"], options["balance_minor"]) == ("USD", 1000)
    assert [p["code"] for p in options["plans"]] == ["basic"]  # active, same currency, another plan
    usage = usage_options(sub.id)
    assert usage["plan"] == "pro"
    assert [f["code"] for f in usage["features"]] == ["api_calls", "requests", "storage"]  # metered only


def test_plan_detail_counts_its_subscriptions_by_status(core, clock, pro, operator):
    for _ in range(2):
        customer, _ = make_customer(clock, balance_minor=3000)
        sub = core.subscriptions.subscribe(operator, customer.email, pro)
    core.subscriptions.cancel(operator, sub.id)
    pro_row = next(plan_id for plan_id, text in plan_choices() if text == "Pro (pro)")
    detail = plan_detail(pro_row)
    assert (detail["code"], detail["price_minor"], detail["active"]) == ("pro", 2000, True)
    assert detail["counts"] == {"active": 1, "canceled": 1}
    assert [text for _id, text in plan_choices()] == ["Basic (basic)", "Euro (euro)", "Old (old)", "Pro (pro)"]
    with pytest.raises(NotFound):
        plan_detail(pro_row + 100)
