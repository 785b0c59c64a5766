"""One subscription as the desk shows it: its state, usage, timeline and charges, and the
choices its plan-change and usage dialogs offer. Plain dicts, read in one call."""

from __future__ import annotations

from datetime import datetime

from peewee import fn

from models.rows import dicts, pairs
from models.tables import (
    Customer,
    Feature,
    Plan,
    PlanFeature,
    Refund,
    Subscription,
    SubscriptionCharge,
    SubscriptionEvent,
    UsageCounter,
    Wallet,
)
from services import lifecycle
from services.catalogue import quota_of, rate_limit_of, terms_of, units, window_text
from services.errors import NotFound
from services.pricing import usage_charge_minor
from services.validation import check_id


def _subscription(subscription_id: int) -> Subscription:
    row = Subscription.get_or_none(Subscription.id == check_id(subscription_id, "subscription"))
    if row is None:
        raise NotFound("no subscription #{subscription_id}", subscription_id=subscription_id)
    return row


def _usage_rows(sub: Subscription, plan: Plan) -> list[dict]:
    used: dict[int, int] = pairs(
        UsageCounter.select(UsageCounter.feature, UsageCounter.used).where(
            (UsageCounter.subscription == sub.id) & (UsageCounter.period_start == sub.metered_since)
        )
    )
    rows = []
    for pf in (
        PlanFeature.select(PlanFeature, Feature).join(Feature).where(PlanFeature.plan == plan.id).order_by(Feature.code)
    ):
        feature = pf.feature
        count = used.get(feature.id, 0)
        remaining: int | None
        if feature.type == "quota":
            quota = quota_of(pf)
            limit = units(quota, feature.unit) + " / period"
            remaining = max(0, quota - count)
        elif feature.type == "rate":
            rate_limit, window_seconds = rate_limit_of(pf)
            limit = f"{units(rate_limit, feature.unit)} / {window_text(window_seconds)}"
            remaining = None
        else:
            limit, remaining = "", None
        rows.append(
            {
                "code": feature.code,
                "name": feature.name,
                "type": feature.type,
                "unit": feature.unit,
                "enabled": bool(pf.enabled),
                "used": count,
                "limit": limit,
                "quota": quota_of(pf) if feature.type == "quota" else None,
                "rate_limit": rate_limit_of(pf)[0] if feature.type == "rate" else None,
                "window_seconds": rate_limit_of(pf)[1] if feature.type == "rate" else None,
                "remaining": remaining,
                "charge_minor": usage_charge_minor(terms_of(pf), count),
            }
        )
    return rows


def subscription_detail(subscription_id: int, now: datetime) -> dict:
    """The subscription, its plan, customer and wallet, whether it grants access at ``now``, its last
    50 events, its last 24 charges (with what was refunded of each) and its usage this period."""
    sub = _subscription(subscription_id)
    plan = Plan.get_by_id(sub.plan_id)
    customer = Customer.get_by_id(sub.customer_id)
    wallet = Wallet.get_by_id(sub.wallet_id)
    events = dicts(
        SubscriptionEvent.select()
        .where(SubscriptionEvent.subscription == sub.id)
        .order_by(SubscriptionEvent.id.desc())
        .limit(50)
    )
    refunded = Refund.select(fn.COALESCE(fn.SUM(Refund.amount_minor), 0)).where(
        (Refund.ledger_entry == SubscriptionCharge.ledger_entry) & (Refund.status == "succeeded")
    )
    charges = dicts(
        SubscriptionCharge.select(
            SubscriptionCharge.id,
            SubscriptionCharge.period_start,
            SubscriptionCharge.period_end,
            SubscriptionCharge.plan_minor,
            SubscriptionCharge.usage_minor,
            SubscriptionCharge.ledger_entry,
            SubscriptionCharge.created_at,
            refunded.alias("refunded_minor"),
        )
        .where(SubscriptionCharge.subscription == sub.id)
        .order_by(SubscriptionCharge.period_start.desc())
        .limit(24)
    )
    granted, why = lifecycle.grants_access(sub.status, sub.period_end, now, plan.access_in_grace)
    return {
        "subscription": {
            "id": sub.id,
            "status": sub.status,
            "auto_renew": sub.auto_renew,
            "period_start": sub.period_start,
            "period_end": sub.period_end,
            "pending_since": sub.pending_since,
            "created_at": sub.created_at,
        },
        "plan": {
            "code": plan.code,
            "name": plan.name,
            "price_minor": plan.price_minor,
            "currency": plan.currency,
            "interval_unit": plan.interval_unit,
            "interval_count": plan.interval_count,
            "grace_days": plan.grace_days,
        },
        "customer": {"id": customer.id, "name": customer.name, "email": customer.email},
        "wallet": {"id": wallet.id, "balance_minor": wallet.balance_minor, "currency": wallet.currency},
        "access": (granted, why),
        "events": events,
        "charges": charges,
        "usage": _usage_rows(sub, plan),
    }


def plan_change_options(subscription_id: int) -> dict:
    """The subscription's plan and wallet balance, and the active plans in its currency it could move to."""
    sub = _subscription(subscription_id)
    plan = Plan.get_by_id(sub.plan_id)
    wallet = Wallet.get_by_id(sub.wallet_id)
    plans = [
        {
            "code": p.code,
            "name": p.name,
            "price_minor": p.price_minor,
            "interval_unit": p.interval_unit,
            "interval_count": p.interval_count,
            "currency": p.currency,
        }
        for p in Plan.select()
        .where(
            (Plan.active == True)  # noqa: E712
            & (Plan.currency == plan.currency)
            & (Plan.id != plan.id)
        )
        .order_by(Plan.price_minor, Plan.code)
    ]
    return {
        "plan": {"code": plan.code, "name": plan.name, "price_minor": plan.price_minor},
        "currency": plan.currency,
        "balance_minor": wallet.balance_minor,
        "plans": plans,
    }


def usage_options(subscription_id: int) -> dict:
    """The subscription's plan code and its metered (quota or rate) features with their use this period."""
    sub = _subscription(subscription_id)
    plan = Plan.get_by_id(sub.plan_id)
    return {"plan": plan.code, "features": [u for u in _usage_rows(sub, plan) if u["type"] != "boolean"]}
