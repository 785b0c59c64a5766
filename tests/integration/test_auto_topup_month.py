"""A month of a demo business, day by day, without automatic top-up and then with it on a third of the
customers: fewer renewals lapse, no card is charged twice for one renewal, and ``check`` passes."""

from __future__ import annotations

import re
from collections import Counter
from datetime import datetime

from models.db import database, init_database
from models.migrations import migrate
from models.tables import (
    AutoTopUpRule,
    Customer,
    GatewayCharge,
    Subscription,
    SubscriptionCharge,
    SubscriptionEvent,
    TopUp,
)
from scheduler.core import build_core
from services.auth import Actor
from services.auto_topup import AUTO_TOPUP_ACTOR
from services.clock import FixedClock
from services.demo import create_demo
from services.reports import integrity_check
from tests.conftest import POSTGRES_URL, _empty_postgres_schema

CUSTOMERS = 150
START = datetime(2026, 1, 15, 9, 0)
OPERATOR = Actor("oscar", "operator")


def _fresh_database(tmp_path, name: str) -> None:
    database.close()
    if POSTGRES_URL:
        _empty_postgres_schema(POSTGRES_URL)
        init_database(POSTGRES_URL)
    else:
        init_database(str(tmp_path / f"{name}.sqlite3"))
    database.connect(reuse_if_open=True)
    migrate()


def _month(tmp_path, name: str, *, with_rules: bool) -> dict:
    _fresh_database(tmp_path, name)
    clock = FixedClock(START)
    create_demo(clock, customers=CUSTOMERS, seed=5)
    core = build_core(clock, gateway_sleep=lambda seconds: None)
    # The demo's own test key; a calm gateway, so the two months differ only by the rules.
    core.settings.update(
        Actor("system", "system"),
        {"gateway.error_rate": 0, "gateway.decline_rate": 0, "gateway.timeout_rate": 0, "gateway.seed": 1},
    )
    ruled: set[int] = set()
    if with_rules:
        for customer in Customer.select().order_by(Customer.id):
            if customer.id % 3:
                continue
            ruled.add(customer.id)
            # A few cards decline: their rule goes off and the customer is told.
            token = "pm_card_chargeDeclined" if customer.id % 27 == 0 else "pm_card_visa"
            card = core.cards.add_card(OPERATOR, customer.id, token)
            if customer.id % 4 == 0:
                core.auto_topup.set_rule(
                    OPERATOR, customer.id, "below_balance", card_id=card.id, threshold="15.00", amount="50.00"
                )
            else:
                core.auto_topup.set_rule(
                    OPERATOR, customer.id, "before_renewal", card_id=card.id, days_before=3, round_to="10.00"
                )
    for _day in range(31):
        clock.advance(days=1)
        core.renewals.renew_due_subscriptions()
        core.run_reminders()
        core.run_reminders()  # a second run of the job the same day (another desk, a restart) charges nothing more
        core.run_retries()
    # A lapse: a renewal the wallet could not pay (waiting for funds, then expired if none came). A canceled
    # subscription ending is the customer's choice, not a lapse.
    lapsed = {
        sub_id
        for (sub_id,) in SubscriptionEvent.select(SubscriptionEvent.subscription)
        .where(
            (SubscriptionEvent.to_status == "pending_renewal")
            | ((SubscriptionEvent.to_status == "expired") & (SubscriptionEvent.from_status == "pending_renewal"))
        )
        .tuples()
    }
    lapsed_customers = {
        customer_id
        for (customer_id,) in Subscription.select(Subscription.customer)
        .where(Subscription.id.in_(list(lapsed)))
        .tuples()
    }
    auto = list(TopUp.select().where(TopUp.actor == AUTO_TOPUP_ACTOR.name))
    kinds = {r.customer_id: (r.kind, r.active) for r in AutoTopUpRule.select()}
    result = {
        "lapsed": len(lapsed),
        "lapsed_ruled": len(lapsed_customers & ruled),
        # customers whose rule tops up before each renewal and was never turned off
        "lapsed_before_renewal_on": sorted(c for c in lapsed_customers if kinds.get(c) == ("before_renewal", True)),
        "auto_topups": len(auto),
        "auto_declined": sum(t.status == "failed" for t in auto),
        "rules_off": AutoTopUpRule.select().where(~AutoTopUpRule.active).count(),
        "check": integrity_check(clock.now()),
    }
    # One charge at most per renewal period (before_renewal) or per fall below the threshold (below_balance),
    # whatever the rule's version: the event is the key without its rule version.
    events = Counter(re.sub(r"^auto-topup:r(\d+)v\d+:", r"\1:", t.idempotency_key) for t in auto)
    result["events_charged_twice"] = [event for event, n in events.items() if n > 1]
    result["gateway_charges_per_key"] = max(
        Counter(key for (key,) in GatewayCharge.select(GatewayCharge.idempotency_key).tuples()).values(),
        default=0,
    )
    periods = Counter(
        SubscriptionCharge.select(SubscriptionCharge.subscription, SubscriptionCharge.period_start).tuples()
    )
    result["periods_paid_twice"] = [period for period, n in periods.items() if n > 1]
    return result


def test_a_month_with_automatic_top_up_on_a_third_of_the_customers_has_fewer_lapses(db, tmp_path):
    try:
        without = _month(tmp_path, "without", with_rules=False)
        with_rules = _month(tmp_path, "with", with_rules=True)
    finally:
        database.close()
    assert without["check"]["ok"] and with_rules["check"]["ok"], (without["check"], with_rules["check"])
    assert without["auto_topups"] == 0 and without["lapsed"] > 0
    assert with_rules["auto_topups"] > 0
    assert with_rules["lapsed"] < without["lapsed"], (without, with_rules)
    # A rule that tops up before each renewal lets none lapse while it is on; a declined card turns its rule off.
    assert with_rules["lapsed_before_renewal_on"] == []
    assert with_rules["auto_declined"] > 0 and with_rules["rules_off"] == with_rules["auto_declined"]
    assert with_rules["events_charged_twice"] == [] and with_rules["gateway_charges_per_key"] == 1
    assert with_rules["periods_paid_twice"] == [] and without["periods_paid_twice"] == []
