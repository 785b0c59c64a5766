"""A realistic demo business, deterministic for a seed and bulk-inserted.

Plans with every feature type and pricing model; customers with rich, poor and
empty wallets; subscriptions whose periods end over the next 30 days; one
operator of each role. The books balance from the first row: every wallet's
money arrives as a paid top-up (with the gateway's own record of the charge)
and every current period is paid from the wallet.
"""

from __future__ import annotations

import calendar
import json
import random
import uuid
from datetime import datetime, timedelta
from typing import Any

from peewee import AutoField

from models.db import database, is_sqlite, write_transaction
from models.migrations import invoice_past_charges
from models.rows import pairs
from models.tables import (
    Customer,
    Feature,
    GatewayCharge,
    LedgerEntry,
    Operator,
    Plan,
    PlanFeature,
    Setting,
    Subscription,
    SubscriptionCharge,
    SubscriptionEvent,
    TopUp,
    UsageCounter,
    Wallet,
)
from services import lifecycle
from services.auth import Actor, hash_password
from services.clock import Clock
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

FIRST = (
    "Anna",
    "Boris",
    "Chen",
    "Dana",
    "Elif",
    "Farid",
    "Greta",
    "Hugo",
    "Ines",
    "Jonas",
    "Kira",
    "Liam",
    "Mila",
    "Nikolai",
    "Olga",
    "Pablo",
    "Quinn",
    "Rosa",
    "Sven",
    "Tariq",
    "Uma",
    "Viktor",
    "Wen",
    "Yara",
    "Zoe",
    "Marta",
    "Igor",
    "Sofia",
    "Omar",
    "Lena",
)
LAST = (
    "Ivanova",
    "Schmidt",
    "Garcia",
    "Kowalski",
    "Nguyen",
    "Okafor",
    "Rossi",
    "Larsen",
    "Petrov",
    "Silva",
    "Tanaka",
    "Dubois",
    "Novak",
    "Haddad",
    "Lindqvist",
    "Moreau",
    "Kuznetsov",
    "Fischer",
    "Costa",
    "Berg",
)
DOMAINS = ("example.com", "example.org", "mail.example.net", "corp.example.com")


def _chunks(rows: list, size: int = 500):
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


def _bulk(model, rows: list[dict]) -> None:
    for chunk in _chunks(rows):
        model.insert_many(chunk).execute()
    if rows and "id" in rows[0] and isinstance(model._meta.primary_key, AutoField) and not is_sqlite():
        # Rows written with their ids leave PostgreSQL's sequence behind; the next insert would collide.
        table = model._meta.table_name
        database.execute_sql(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT MAX(id) FROM {table}))")


def create_demo(clock: Clock, customers: int = 500, seed: int = 7, overdue_share: float = 0.0) -> dict:
    """Fill an empty database. Refuses a database that already holds customers.

    ``overdue_share`` of the subscriptions ended up to three days ago, so the
    first renewal pass has real work (renewals, pending wallets, expiries).
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
        counts = _customers(rng, now, customers, plans, overdue_share)
        (
            Setting.insert(key="demo", value=json.dumps(True), updated_at=now)
            .on_conflict(
                conflict_target=[Setting.key], update={Setting.value: json.dumps(True), Setting.updated_at: now}
            )
            .execute()
        )
    return {
        "customers": customers,
        "seed": seed,
        **counts,
        "operators": [{"username": u, "password": p, "role": r} for u, p, r in DEMO_OPERATORS],
    }


def _operators(now: datetime) -> None:
    for username, password, role in DEMO_OPERATORS:
        if not Operator.select().where(Operator.username == username).exists():
            Operator.create(username=username, password_hash=hash_password(password), role=role, created_at=now)


def _catalog(now: datetime) -> dict[str, Plan]:
    features = {}
    for code, name, kind, unit in FEATURES:
        features[code] = Feature.create(code=code, name=name, type=kind, unit=unit)
    plans = {}
    for code, name, price, unit, count, grace, in_grace in PLANS:
        plans[code] = Plan.create(
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
        for feature_code, terms in PLAN_FEATURES[code].items():
            terms = dict(terms)
            if "tiers" in terms:
                terms["tiers"] = json.dumps(terms["tiers"])
            PlanFeature.create(plan=plans[code], feature=features[feature_code], **terms)
    return plans


def _customers(rng: random.Random, now: datetime, count: int, plans: dict[str, Plan], overdue_share: float) -> dict:
    plan_weights = (("starter", 40), ("pro", 30), ("team", 10), ("weekly", 12), ("annual", 8))
    codes = [c for c, _ in plan_weights]
    weights = [w for _, w in plan_weights]
    customers, wallets, topups, charges_gw, ledger, subs = [], [], [], [], [], []
    sub_charges, events, counters = [], [], []
    api_feature = Feature.get(Feature.code == "api_calls").id
    statuses = {s: 0 for s in lifecycle.STATUSES}
    for i in range(1, count + 1):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        joined = now - timedelta(days=rng.randint(35, 900), seconds=rng.randint(0, 86399))
        customers.append(
            dict(
                id=i,
                name=f"{first} {last}",
                created_at=joined,
                status="active",
                email=f"{first}.{last}.{i}@{rng.choice(DOMAINS)}".lower(),
            )
        )
        plan = plans[rng.choices(codes, weights)[0]]
        # The period ends somewhere in the next 30 days (weekly plans within a week).
        horizon = 7 * 86400 if plan.interval_unit == "week" else 30 * 86400
        period_end = now + timedelta(seconds=rng.randint(3600, horizon))
        if overdue_share and rng.random() < overdue_share:
            period_end = now - timedelta(seconds=rng.randint(3600, 3 * 86400))
        period_start = _period_start(period_end, plan)
        roll = rng.random()
        if roll < 0.55:
            balance = plan.price_minor * rng.randint(2, 8) + rng.randint(0, 99) * 100  # rich
        elif roll < 0.85:
            balance = rng.randint(0, max(plan.price_minor - 1, 0))  # poor
        else:
            balance = 0  # empty
        status = lifecycle.CANCELED if rng.random() < 0.06 else lifecycle.ACTIVE
        wallets.append(dict(id=i, customer=i, currency="USD", balance_minor=balance, created_at=joined))
        paid = balance + plan.price_minor
        key = uuid.UUID(int=rng.getrandbits(128)).hex
        charge_id = "ch_demo_" + key[:24]
        topups.append(
            dict(
                id=i,
                wallet=i,
                amount_minor=paid,
                currency="USD",
                idempotency_key=key,
                status="succeeded",
                gateway_charge_id=charge_id,
                actor="demo",
                created_at=period_start,
                updated_at=period_start,
            )
        )
        charges_gw.append(
            dict(
                id=charge_id,
                idempotency_key=f"topup:{key}",
                amount_minor=paid,
                currency="USD",
                customer_ref=f"cus_{i}",
                status="succeeded",
                created_at=period_start,
            )
        )
        ledger.append(
            dict(
                wallet=i,
                kind="topup",
                amount_minor=paid,
                balance_after_minor=paid,
                idempotency_key=f"topup:{i}",
                ref_type="topup",
                ref_id=i,
                actor="demo",
                created_at=period_start,
                note=f"card charge {charge_id}",
            )
        )
        ledger.append(
            dict(
                wallet=i,
                kind="renewal",
                amount_minor=-plan.price_minor,
                balance_after_minor=balance,
                idempotency_key=f"renewal:{i}:{period_start.isoformat()}",
                ref_type="subscription",
                ref_id=i,
                actor="system",
                created_at=period_start,
                note=f"{plan.code} {period_start:%Y-%m-%d} → {period_end:%Y-%m-%d}",
            )
        )
        subs.append(
            dict(
                id=i,
                customer=i,
                plan=plan.id,
                wallet=i,
                status=status,
                auto_renew=status == lifecycle.ACTIVE,
                anchor_day=period_start.day,
                period_start=period_start,
                period_end=period_end,
                usage_since=period_start,
                created_at=joined,
                updated_at=now,
            )
        )
        sub_charges.append(
            dict(
                subscription=i,
                period_start=period_start,
                period_end=period_end,
                plan_minor=plan.price_minor,
                usage_minor=0,
                ledger_entry=None,
                created_at=period_start,
            )
        )
        events.append(
            dict(
                subscription=i,
                from_status=None,
                to_status="active",
                event="subscribe",
                reason=None,
                actor="demo",
                created_at=joined,
            )
        )
        if status == lifecycle.CANCELED:
            events.append(
                dict(
                    subscription=i,
                    from_status="active",
                    to_status="canceled",
                    event="cancel",
                    reason="customer asked to stop",
                    actor="operator",
                    created_at=now - timedelta(days=1),
                )
            )
        if rng.random() < 0.5:
            counters.append(
                dict(subscription=i, feature=api_feature, period_start=period_start, used=rng.randint(0, 900))
            )
        statuses[status] += 1
    _bulk(Customer, customers)
    _bulk(Wallet, wallets)
    _bulk(TopUp, topups)
    _bulk(GatewayCharge, charges_gw)
    _bulk(LedgerEntry, ledger)
    _bulk(Subscription, subs)
    # Link each period's charge to its ledger debit.
    debit_ids = pairs(LedgerEntry.select(LedgerEntry.ref_id, LedgerEntry.id).where(LedgerEntry.kind == "renewal"))
    for row in sub_charges:
        row["ledger_entry"] = debit_ids[row["subscription"]]
    _bulk(SubscriptionCharge, sub_charges)
    _bulk(SubscriptionEvent, events)
    _bulk(UsageCounter, counters)
    invoice_past_charges()
    return {"subscriptions": statuses, "wallet_float_minor": sum(w["balance_minor"] for w in wallets)}


def _period_start(period_end: datetime, plan: Plan) -> datetime:
    """Step back one interval from the end (months clamp like the forward step)."""
    if plan.interval_unit in ("day", "week"):
        unit = timedelta(days=1) if plan.interval_unit == "day" else timedelta(weeks=1)
        return period_end - unit * plan.interval_count
    months = plan.interval_count * (12 if plan.interval_unit == "year" else 1)
    index = period_end.year * 12 + period_end.month - 1 - months
    year, month = divmod(index, 12)
    day = min(period_end.day, calendar.monthrange(year, month + 1)[1])
    return period_end.replace(year=year, month=month + 1, day=day)


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
