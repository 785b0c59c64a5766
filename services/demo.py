"""A realistic demo business, deterministic for a seed and bulk-inserted.

Plans with every feature type and pricing model; customers with rich, poor and
empty wallets; subscriptions whose periods end over the next 30 days; one
operator of each role. The books balance from the first row: every wallet's
money arrives as a paid top-up (with the gateway's own record of the charge)
and every current period is paid from the wallet.
"""

from __future__ import annotations

import json
import random
from datetime import datetime
from typing import Any

from models.db import write_transaction
from models.tables import Customer, Feature, Operator, Plan, PlanFeature, Setting
from services.auth import Actor, hash_password
from services.clock import Clock
from services.demo_fill import CustomerFill, PlanTerms
from services.errors import Conflict, ValidationError
from services.payments import PaymentService
from services.settings import SettingsStore

DEMO_OPERATORS = (
    ("admin", "admin-demo-pass", "admin"),
    ("operator", "operator-demo-pass", "operator"),
    ("viewer", "viewer-demo-pass", "viewer"),
)

FEATURES = (
    ("api_calls", "API calls", "quota", "call"),
    ("exports", "Report exports", "rate", "export"),
    ("sms", "SMS messages", "usage", "message"),
    ("storage_gb", "Storage", "usage", "GB"),
    ("priority_support", "Priority support", "boolean", "unit"),
    ("sso", "Single sign-on", "boolean", "unit"),
)

# Who the demo business is, on its invoices and credit notes.
DEMO_BUSINESS = {
    "business.name": "Northwind Cloud Services Ltd",
    "business.address": "12 Harbour Street\nBristol BS1 4RN\nUnited Kingdom",
}

# code, name, price, unit, count, grace, access_in_grace
PLANS = (
    ("starter", "Starter", 900, "month", 1, 3, False),
    ("pro", "Pro", 2900, "month", 1, 5, True),
    ("team", "Team", 9900, "month", 1, 7, True),
    ("weekly", "Weekly pass", 300, "week", 1, 1, False),
    ("annual", "Pro annual", 29000, "year", 1, 14, True),
)

# plan -> feature -> PlanFeature fields
PLAN_FEATURES: dict[str, dict[str, dict[str, Any]]] = {
    "starter": {
        "api_calls": dict(quota=1000),
        "exports": dict(rate_limit=5, rate_window_seconds=3600),
        "sms": dict(pricing="flat", unit_price_minor=5),
    },
    "pro": {
        "api_calls": dict(quota=20000, included=20000, pricing="package", package_size=1000, package_price_minor=200),
        "exports": dict(rate_limit=60, rate_window_seconds=3600),
        "sms": dict(pricing="tiered", tiers=[[1000, 4], [10000, 3], [None, 2]]),
        "storage_gb": dict(included=50, pricing="volume", tiers=[[100, 20], [1000, 15], [None, 10]]),
        "priority_support": {},
    },
    "team": {
        "api_calls": dict(quota=100000),
        "exports": dict(rate_limit=600, rate_window_seconds=3600),
        "sms": dict(included=1000, pricing="flat", unit_price_minor=2),
        "storage_gb": dict(included=500, pricing="flat", unit_price_minor=8),
        "priority_support": {},
        "sso": {},
    },
    "weekly": {"api_calls": dict(quota=200)},
    "annual": {
        "api_calls": dict(quota=20000),
        "exports": dict(rate_limit=60, rate_window_seconds=3600),
        "priority_support": {},
    },
}


def create_demo(clock: Clock, customers: int = 500, seed: int = 7, overdue_share: float = 0.0) -> dict:
    """Fill an empty database. Refuses a database that already holds customers.

    ``overdue_share`` of the subscriptions ended up to three days ago, so the
    first renewal pass has real work (renewals, pending wallets, expiries).

    The catalogue, the operators and the demo flag commit first; then the customers
    stream in (``services.demo_fill``), committed a batch at a time. A fill stopped half
    way leaves whole customers with exact books, and a database the demo refuses to
    fill again (delete the file and start over).
    """
    if isinstance(customers, bool) or not isinstance(customers, int) or not 1 <= customers <= 1_000_000:
        raise ValidationError("--customers must be a whole number from 1 to 1,000,000")
    if isinstance(seed, bool) or not isinstance(seed, int) or not 0 <= seed <= 2**31:
        raise ValidationError("--seed must be a whole number from 0 to 2147483648")
    rng = random.Random(seed)
    now = clock.now().replace(microsecond=0)
    with write_transaction():
        if Customer.select().exists() or Plan.select().exists():
            raise Conflict("this database already holds data; the demo fills only an empty one")
        _operators(now)
        plans = _catalog(now)
        for key, value in {"demo": True, **DEMO_BUSINESS}.items():
            (
                Setting.insert(key=key, value=json.dumps(value), updated_at=now)
                .on_conflict(
                    conflict_target=[Setting.key], update={Setting.value: json.dumps(value), Setting.updated_at: now}
                )
                .execute()
            )
        api_feature = Feature.get(Feature.code == "api_calls").id
    fill = CustomerFill(rng, now, plans, api_feature, overdue_share)
    fill.write_all(customers)
    return {
        "customers": customers,
        "seed": seed,
        "subscriptions": fill.statuses,
        "wallet_float_minor": fill.float_minor,
        "operators": [{"username": u, "password": p, "role": r} for u, p, r in DEMO_OPERATORS],
    }


def _operators(now: datetime) -> None:
    for username, password, role in DEMO_OPERATORS:
        if not Operator.select().where(Operator.username == username).exists():
            Operator.create(username=username, password_hash=hash_password(password), role=role, created_at=now)


def _catalog(now: datetime) -> dict[str, PlanTerms]:
    features = {}
    for code, name, kind, unit in FEATURES:
        features[code] = Feature.create(code=code, name=name, type=kind, unit=unit)
    plans = {}
    for code, name, price, unit, count, grace, in_grace in PLANS:
        plan = Plan.create(
            code=code,
            name=name,
            price_minor=price,
            currency="USD",
            interval_unit=unit,
            interval_count=count,
            grace_days=grace,
            access_in_grace=in_grace,
            created_at=now,
        )
        plans[code] = PlanTerms(plan.id, code, price, unit, count)
        for feature_code, terms in PLAN_FEATURES[code].items():
            terms = dict(terms)
            if "tiers" in terms:
                terms["tiers"] = json.dumps(terms["tiers"])
            PlanFeature.create(plan=plan, feature=features[feature_code], **terms)
    return plans


def stage_demo_activity(
    payments: PaymentService, settings: SettingsStore, actor: Actor, *, topups: int = 24, seed: int = 7
) -> dict:
    """A few days of gateway weather: some top-ups go through, some are declined,
    some time out and wait in the error queue. Leaves a mildly unreliable gateway."""
    rng = random.Random(seed)
    emails = [c.email for c in Customer.select(Customer.email).order_by(Customer.id).limit(topups * 3)]
    settings.update(
        actor,
        {
            "gateway.error_rate": 0.25,
            "gateway.timeout_rate": 0.15,
            "gateway.decline_rate": 0.15,
            "gateway.latency_min_ms": 0,
            "gateway.latency_max_ms": 0,
            "gateway.seed": seed,
        },
        reason="demo history",
        action="gateway.configure",
    )
    outcomes: dict[str, int] = {}
    for email in rng.sample(emails, min(topups, len(emails))):
        amount = rng.choice((1000, 2500, 5000, 9900, 20000))
        info = payments.top_up(actor, email, amount, "USD", reason="demo")
        outcomes[info.status] = outcomes.get(info.status, 0) + 1
    settings.update(
        actor,
        {
            "gateway.error_rate": 0.03,
            "gateway.timeout_rate": 0.01,
            "gateway.decline_rate": 0.03,
            "gateway.latency_min_ms": 40,
            "gateway.latency_max_ms": 250,
            "gateway.seed": None,
        },
        reason="demo gateway",
        action="gateway.configure",
    )
    return outcomes
