"""What the feature tests share: a plan with one feature of each type, a priced plan, subscriptions to them."""

from __future__ import annotations

from datetime import datetime, timedelta

from models.tables import Customer, Plan, Subscription, UsageCounter, UsageRecord, Wallet

PERIOD_START = datetime(2026, 1, 1, 9, 0)
PERIOD_END = datetime(2026, 2, 1, 9, 0)

PRICED = {
    "flat_gb": dict(included=10, pricing="flat", unit_price_minor=7),
    "tiered_gb": dict(pricing="tiered", tiers=[[100, 10], [1000, 5], [None, 2]]),
    "volume_gb": dict(pricing="volume", tiers="[[100, 10], [1000, 5], [null, 2]]"),
    "package_gb": dict(included=10, pricing="package", package_size=100, package_price_minor=250),
    "free_gb": dict(),
}


def grant_one_of_each(catalogue, admin) -> str:
    """Plan "pro", with one feature of each type; ``catalogue`` is the catalogue or the service over it."""
    catalogue.create_plan(admin, "pro", "Pro", 1999)
    catalogue.create_feature(admin, "sso", "Single sign-on", "boolean")
    catalogue.create_feature(admin, "api_calls", "API calls", "quota", unit="api call")
    catalogue.create_feature(admin, "requests", "Requests", "rate", unit="request")
    catalogue.create_feature(admin, "storage", "Storage", "usage", unit="GB")
    catalogue.set_plan_feature(admin, "pro", "sso")
    catalogue.set_plan_feature(admin, "pro", "api_calls", quota=1000)
    catalogue.set_plan_feature(admin, "pro", "requests", rate_limit=10, rate_window_seconds=60)
    catalogue.set_plan_feature(admin, "pro", "storage", pricing="flat", unit_price_minor=25)
    return "pro"


def price_every_model(catalogue, admin) -> int:
    """Plan "metered", one usage feature per pricing model in PRICED; returns the plan's id."""
    plan = catalogue.create_plan(admin, "metered", "Metered", 0)
    for code, terms in PRICED.items():
        catalogue.create_feature(admin, code, code, "usage", unit="GB")
        catalogue.set_plan_feature(admin, "metered", code, **terms)
    return plan.id


def subscribe(
    plan_code: str,
    email: str = "ann@example.com",
    status: str = "active",
    start: datetime = PERIOD_START,
    end: datetime = PERIOD_END,
) -> int:
    customer = Customer.get_or_none(Customer.email == email)
    if customer is None:
        customer = Customer.create(name=email.split("@")[0], email=email, created_at=start)
    wallet = Wallet.get_or_none(Wallet.customer == customer.id)
    if wallet is None:
        wallet = Wallet.create(customer=customer.id, currency="USD", balance_minor=0, created_at=start)
    plan = Plan.get(Plan.code == plan_code)
    return Subscription.create(
        customer=customer.id,
        plan=plan.id,
        wallet=wallet.id,
        status=status,
        anchor_day=start.day,
        period_start=start,
        period_end=end,
        usage_since=start,
        created_at=start,
        updated_at=start,
    ).id


def start_next_period(sub_id: int) -> datetime:
    sub = Subscription.get_by_id(sub_id)
    Subscription.update(
        period_start=sub.period_end, usage_since=sub.period_end, period_end=sub.period_end + timedelta(days=28)
    ).where(Subscription.id == sub_id).execute()
    return sub.period_end


def usage_rows() -> tuple[int, int]:
    return UsageRecord.select().count(), UsageCounter.select().count()
