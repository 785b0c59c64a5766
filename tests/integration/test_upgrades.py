"""A shop's database from every earlier version upgrades on the engine under test and keeps exact books.

Runs on SQLite, and on PostgreSQL when SUBS_TEST_DATABASE_URL points at one (the CI's second run).
"""

from datetime import datetime, timedelta

import pytest

from models import schema_v1 as v1
from models.migrations import LATEST_VERSION, current_version, migrate
from models.tables import CreditNote, Invoice, InvoicePayment, Subscription
from services.clock import FixedClock
from services.reports import integrity_check

THEN = datetime(2026, 1, 15, 9, 0)


def _a_shop_as_it_was() -> dict:
    """Three customers, each topped up and subscribed, one with usage and one with a charge refunded."""
    plan = v1.Plan.create(
        code="basic",
        name="Basic",
        price_minor=1000,
        currency="USD",
        interval_unit="month",
        interval_count=1,
        grace_days=3,
        access_in_grace=False,
        active=True,
        created_at=THEN,
    )
    feature = v1.Feature.create(code="api_calls", name="API calls", type="usage", unit="call")
    v1.PlanFeature.create(plan=plan, feature=feature, enabled=True, pricing="flat", unit_price_minor=1)
    period_end = THEN + timedelta(days=31)
    charges = []
    for n in range(3):
        customer = v1.Customer.create(name=f"Old {n}", email=f"old{n}@example.com", status="active", created_at=THEN)
        wallet = v1.Wallet.create(customer=customer, currency="USD", balance_minor=4000, created_at=THEN)
        topup = v1.TopUp.create(
            wallet=wallet,
            amount_minor=5000,
            currency="USD",
            idempotency_key=f"k{n}",
            status="succeeded",
            gateway_charge_id=f"ch_{n}",
            actor="alice",
            created_at=THEN,
            updated_at=THEN,
        )
        v1.GatewayCharge.create(
            id=f"ch_{n}",
            idempotency_key=f"topup:k{n}",
            amount_minor=5000,
            currency="USD",
            customer_ref=f"cus_{customer.id}",
            status="succeeded",
            created_at=THEN,
        )
        v1.LedgerEntry.create(
            wallet=wallet,
            kind="topup",
            amount_minor=5000,
            balance_after_minor=5000,
            idempotency_key=f"topup:{topup.id}",
            ref_type="topup",
            ref_id=topup.id,
            actor="alice",
            created_at=THEN,
        )
        sub = v1.Subscription.create(
            customer=customer,
            plan=plan,
            wallet=wallet,
            status="active",
            auto_renew=True,
            anchor_day=15,
            period_start=THEN,
            period_end=period_end,
            created_at=THEN,
            updated_at=THEN,
        )
        debit = v1.LedgerEntry.create(
            wallet=wallet,
            kind="renewal",
            amount_minor=-1000,
            balance_after_minor=4000,
            idempotency_key=f"subscribe:{sub.id}:{THEN.isoformat()}",
            ref_type="subscription",
            ref_id=sub.id,
            actor="alice",
            created_at=THEN,
            note=f"basic {THEN:%Y-%m-%d} → {period_end:%Y-%m-%d}",
        )
        v1.SubscriptionCharge.create(
            subscription=sub,
            period_start=THEN,
            period_end=period_end,
            plan_minor=1000,
            ledger_entry=debit,
            created_at=THEN,
        )
        v1.SubscriptionEvent.create(
            subscription=sub, to_status="active", event="subscribe", actor="alice", created_at=THEN
        )
        charges.append(debit)
        if n == 0:
            v1.UsageCounter.create(subscription=sub, feature=feature, period_start=THEN, used=250)
    refund = v1.Refund.create(
        kind="charge",
        wallet=charges[1].wallet_id,
        ledger_entry=charges[1].id,
        amount_minor=400,
        idempotency_key="r-1",
        status="succeeded",
        reason="late",
        actor="alice",
        created_at=THEN,
        updated_at=THEN,
    )
    v1.LedgerEntry.create(
        wallet=charges[1].wallet_id,
        kind="refund",
        amount_minor=400,
        balance_after_minor=4400,
        idempotency_key=f"refund:{refund.id}",
        ref_type="refund",
        ref_id=refund.id,
        actor="alice",
        created_at=THEN,
    )
    v1.Wallet.update(balance_minor=4400).where(v1.Wallet.id == charges[1].wallet_id).execute()
    return {"charges": [c.id for c in charges], "refunded_wallet": charges[1].wallet_id}


@pytest.mark.parametrize("start", [1, 2, 3, 4])
def test_a_shop_from_every_earlier_version_upgrades_with_exact_books(blank, start):
    assert migrate(target=start) == start
    shop = _a_shop_as_it_was()

    assert migrate() == LATEST_VERSION == current_version()

    # Every past charge is an invoice paid by its ledger entry; the charge refund is a credit note.
    assert [i.number for i in Invoice.select().order_by(Invoice.id)] == [
        "INV-2026-000001",
        "INV-2026-000002",
        "INV-2026-000003",
    ]
    assert sorted(p.ledger_entry_id for p in InvoicePayment.select()) == sorted(shop["charges"])
    (note,) = CreditNote.select()
    assert (note.number, note.amount_minor, note.wallet_id) == ("CN-2026-000001", 400, shop["refunded_wallet"])
    assert {s.usage_since for s in Subscription.select()} == {THEN}
    result = integrity_check(THEN + timedelta(hours=1))
    assert result["ok"], result["violations"]

    # The upgraded shop renews as today's program does: usage billed, numbers continue without a gap.
    from scheduler.core import build_core

    clock = FixedClock(THEN + timedelta(days=32))
    core = build_core(clock, gateway_sleep=lambda seconds: None)
    summary = core.renewals.renew_due_subscriptions()
    assert summary["renewed"] == 3 and summary["charged_minor"] == 3 * 1000 + 250
    assert Invoice.select().count() == 6
    assert Invoice.select().order_by(Invoice.id.desc()).first().number == "INV-2026-000006"
    result = integrity_check(clock.now())
    assert result["ok"], result["violations"]
