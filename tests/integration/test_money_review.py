"""Money at the edges: plans of other intervals, free plans, old databases, concurrent subscribes, ended periods."""

from datetime import datetime, timedelta

import pytest
from peewee import IntegrityError

from models.db import database, write_transaction
from models.tables import (
    CreditNote,
    Invoice,
    Subscription,
)
from services.clock import FixedClock
from services.ledger import post_entry
from services.reports import integrity_check
from tests.factories import balance, make_customer, make_plan


def books_ok(clock):
    result = integrity_check(clock.now())
    assert result["ok"], result["violations"]


# --- plan changes ---------------------------------------------------------------------------------


def test_switching_back_from_a_free_plan_does_not_credit_the_old_plan_a_second_time(core, clock, operator):
    make_plan(clock, "pro", 3000)
    make_plan(clock, "free", 0)
    customer, wallet_id = make_customer(clock, balance_minor=10_000)
    sub = core.subscriptions.subscribe(operator, customer.email, "pro")  # Jan 15 → Feb 15, 31 days
    assert balance(wallet_id) == 7000
    clock.advance(days=10)
    core.subscriptions.change_plan(operator, sub.id, "free")  # 21 unused days of "pro" come back
    first_credit = CreditNote.get(CreditNote.kind == "proration").amount_minor
    assert first_credit == 3000 * 21 // 31
    after_downgrade = balance(wallet_id)
    clock.advance(days=10)
    terms = core.subscriptions.preview_plan_change(sub.id, "pro")
    core.subscriptions.change_plan(operator, sub.id, "pro")
    # Nothing of "free" is unused and "pro" was already credited for these days: only the new charge moves.
    assert terms.credit_minor == 0
    assert CreditNote.select().count() == 1
    assert balance(wallet_id) == after_downgrade - 3000 * 11 // 31
    books_ok(clock)


def test_changing_from_a_monthly_to_a_yearly_plan_charges_the_yearly_price_for_the_days_left(core, clock, operator):
    make_plan(clock, "monthly", 1000, unit="month")
    make_plan(clock, "yearly", 12000, unit="year")
    customer, wallet_id = make_customer(clock, balance_minor=20_000)
    sub = core.subscriptions.subscribe(operator, customer.email, "monthly")  # Jan 15 → Feb 15
    clock.advance(days=16)  # 15 of 31 days left
    terms = core.subscriptions.preview_plan_change(sub.id, "yearly")
    # 15 days of a 120.00-a-year plan cost about 4.93, not 58.06 (15/31 of a whole year's price).
    fair = 12000 * 15 // 365
    assert terms.charge_minor == pytest.approx(fair, abs=2)


def test_changing_from_a_yearly_to_a_monthly_plan_charges_the_months_left(core, clock, operator):
    make_plan(clock, "monthly", 1000, unit="month")
    make_plan(clock, "yearly", 12000, unit="year")
    customer, wallet_id = make_customer(clock, balance_minor=30_000)
    sub = core.subscriptions.subscribe(operator, customer.email, "yearly")  # Jan 15 2026 → Jan 15 2027
    clock.advance(days=30)  # 335 of 365 days left
    terms = core.subscriptions.preview_plan_change(sub.id, "monthly")
    core.subscriptions.change_plan(operator, sub.id, "monthly")
    row = Subscription.get_by_id(sub.id)
    # Either the monthly plan starts a monthly period now (and costs a month), or it runs to the old
    # period end and costs the ~11 months it covers; never 11 months for 9.17.
    months_covered = (row.period_end - clock.now()).days / 30
    assert terms.charge_minor >= int(1000 * months_covered) - 1000


# --- the integrity check ---------------------------------------------------------------------------


def test_check_catches_a_credit_note_that_paid_another_wallet(core, clock, operator):
    make_plan(clock, "basic", 1000)
    customer, wallet_id = make_customer(clock, balance_minor=5000)
    _, other_wallet = make_customer(clock)
    core.subscriptions.subscribe(operator, customer.email, "basic")
    invoice = Invoice.get(Invoice.wallet == wallet_id)
    with write_transaction():
        entry = post_entry(clock, other_wallet, "refund", 500, "refund:elsewhere", actor="test")
        CreditNote.create(
            number="CN-2026-000001",
            year=2026,
            seq=1,
            invoice=invoice.id,
            wallet=other_wallet,
            kind="refund",
            amount_minor=500,
            ledger_entry=entry.id,
            actor="test",
            issued_at=clock.now(),
        )
        database.execute_sql("INSERT INTO document_sequence (series, year, last_number) VALUES ('CN', 2026, 1)")
    # The customer of the invoice got nothing back; someone else's wallet got 5.00 against it.
    assert not integrity_check(clock.now())["ok"]


# --- uniqueness money relies on ------------------------------------------------------------------


def test_two_open_subscriptions_to_one_plan_are_refused_by_the_database(core, clock, operator):
    make_plan(clock, "basic", 1000)
    customer, wallet_id = make_customer(clock, balance_minor=5000)
    sub = core.subscriptions.subscribe(operator, customer.email, "basic")
    row = Subscription.get_by_id(sub.id)
    # What a second, concurrent subscribe on PostgreSQL writes after its own SELECT found nothing open.
    with pytest.raises(IntegrityError), write_transaction():
        Subscription.create(
            customer=row.customer_id,
            plan=row.plan_id,
            wallet=row.wallet_id,
            status="active",
            auto_renew=True,
            anchor_day=row.anchor_day,
            period_start=row.period_start,
            period_end=row.period_end,
            usage_since=row.usage_since,
            created_at=clock.now(),
            updated_at=clock.now(),
        )


# --- after migrating an old database ---------------------------------------------------------------

V1_NOW = datetime(2026, 1, 15, 9, 0)


def test_a_plan_change_after_migrating_credits_the_plan_in_force_not_the_one_an_old_change_already_credited(blank):
    """Version 1 settled a plan change as one net adjustment. After the upgrade the invoice made of the
    period's charge shows the old plan's full price; the next change credits the plan in force, not that one."""
    from models import schema_v1 as v1
    from models.migrations import migrate
    from scheduler.core import build_core

    migrate(target=4)
    period_end = datetime(2026, 2, 15, 9, 0)  # 31 days
    big = v1.Plan.create(
        code="big",
        name="Big",
        price_minor=5000,
        currency="USD",
        interval_unit="month",
        interval_count=1,
        grace_days=3,
        access_in_grace=False,
        active=True,
        created_at=V1_NOW,
    )
    tiny = v1.Plan.create(
        code="tiny",
        name="Tiny",
        price_minor=1000,
        currency="USD",
        interval_unit="month",
        interval_count=1,
        grace_days=3,
        access_in_grace=False,
        active=True,
        created_at=V1_NOW,
    )
    customer = v1.Customer.create(name="Old Customer", email="old@example.com", status="active", created_at=V1_NOW)
    wallet = v1.Wallet.create(customer=customer, currency="USD", balance_minor=0, created_at=V1_NOW)
    topup = v1.TopUp.create(
        wallet=wallet,
        amount_minor=10_000,
        currency="USD",
        idempotency_key="k-1",
        status="succeeded",
        gateway_charge_id="ch_1",
        actor="alice",
        created_at=V1_NOW,
        updated_at=V1_NOW,
    )
    v1.GatewayCharge.create(
        id="ch_1",
        idempotency_key="topup:k-1",
        amount_minor=10_000,
        currency="USD",
        customer_ref=f"cus_{customer.id}",
        status="succeeded",
        created_at=V1_NOW,
    )
    v1.LedgerEntry.create(
        wallet=wallet,
        kind="topup",
        amount_minor=10_000,
        balance_after_minor=10_000,
        idempotency_key=f"topup:{topup.id}",
        ref_type="topup",
        ref_id=topup.id,
        actor="alice",
        created_at=V1_NOW,
    )
    sub = v1.Subscription.create(
        customer=customer,
        plan=big,
        wallet=wallet,
        status="active",
        auto_renew=True,
        anchor_day=15,
        period_start=V1_NOW,
        period_end=period_end,
        created_at=V1_NOW,
        updated_at=V1_NOW,
    )
    debit = v1.LedgerEntry.create(
        wallet=wallet,
        kind="renewal",
        amount_minor=-5000,
        balance_after_minor=5000,
        idempotency_key=f"subscribe:{sub.id}:{V1_NOW.isoformat()}",
        ref_type="subscription",
        ref_id=sub.id,
        actor="alice",
        created_at=V1_NOW,
    )
    v1.SubscriptionCharge.create(
        subscription=sub,
        period_start=V1_NOW,
        period_end=period_end,
        plan_minor=5000,
        ledger_entry=debit,
        created_at=V1_NOW,
    )
    # Version 1's change big → tiny ten days in: the unused share of the difference, as one adjustment.
    changed_at = V1_NOW + timedelta(days=10)
    left, total = 21 * 86400, 31 * 86400
    net = (1000 - 5000) * left // total
    v1.LedgerEntry.create(
        wallet=wallet,
        kind="adjustment",
        amount_minor=-net,
        balance_after_minor=5000 - net,
        idempotency_key=f"planchange:{sub.id}:{V1_NOW.isoformat()}:big->tiny",
        ref_type="subscription",
        ref_id=sub.id,
        actor="alice",
        created_at=changed_at,
    )
    v1.Wallet.update(balance_minor=5000 - net).where(v1.Wallet.id == wallet.id).execute()
    v1.Subscription.update(plan=tiny).where(v1.Subscription.id == sub.id).execute()

    migrate()
    clock = FixedClock(V1_NOW + timedelta(days=20))  # 11 days of "tiny" left
    core = build_core(clock, gateway_sleep=lambda s: None)
    books_ok(clock)
    terms = core.subscriptions.preview_plan_change(sub.id, "big")
    # What is unused now is 11 days of "tiny"; the unused part of "big" was given back in version 1.
    assert terms.credit_minor == pytest.approx(1000 * 11 // 31, abs=1)


# --- refused legitimate operations ----------------------------------------------------------------


def test_a_customer_whose_canceled_period_just_ended_can_pay_again_before_the_nightly_pass(core, clock, operator):
    """Between the end of a canceled period and the next renewal pass, reinstate says "subscribe again
    instead" and subscribe closes the ended subscription and starts a paid one."""
    from services.errors import Conflict, InvalidTransition

    make_plan(clock, "basic", 1000)
    customer, wallet_id = make_customer(clock, balance_minor=5000)
    sub = core.subscriptions.subscribe(operator, customer.email, "basic")
    core.subscriptions.cancel(operator, sub.id, "leaving")
    clock.advance(days=31, hours=1)  # the period ended an hour ago; the pass has not run yet
    with pytest.raises(InvalidTransition):
        core.subscriptions.reinstate(operator, sub.id, "back again")
    try:
        again = core.subscriptions.subscribe(operator, customer.email, "basic", "back again")
    except Conflict as refused:
        pytest.fail(f"neither reinstate nor subscribe is possible: {refused}")
    assert again.status == "active" and balance(wallet_id) == 3000
    books_ok(clock)
