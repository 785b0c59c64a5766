"""Invoices against the ledger: the check catches every way the books can go wrong, written as bad rows."""

import json
from datetime import timedelta

import pytest
from peewee import DatabaseError

from models.db import database, is_sqlite, write_transaction
from models.tables import (
    CreditNote,
    DocumentSequence,
    Invoice,
    InvoiceLine,
    InvoicePayment,
    LedgerEntry,
    Refund,
    Subscription,
    TopUp,
    UsageCounter,
)
from services.auth import SYSTEM
from services.errors import NotFound, ValidationError
from services.ledger import post_entry
from services.reports import integrity_check
from tests.factories import make_customer, make_plan


def kinds(clock):
    return {v["kind"] for v in integrity_check(clock.now())["violations"]}


@pytest.fixture
def shop(core, clock, operator, admin):
    """One customer who topped up, subscribed, used a metered feature, renewed and had a charge refunded."""
    make_plan(clock, "metered", 1000)
    core.features.create_feature(SYSTEM, "api_calls", "API calls", "usage", "call")
    core.features.set_plan_feature(SYSTEM, "metered", "api_calls", pricing="flat", unit_price_minor=2)
    customer, wallet_id = make_customer(clock)
    core.payments.top_up(operator, customer.email, "100.00")
    sub = core.subscriptions.subscribe(operator, customer.email, "metered")
    core.features.record_usage(operator, sub.id, "api_calls", 150)
    clock.advance(days=32)
    core.renewals.renew_due_subscriptions()
    renewal = LedgerEntry.get((LedgerEntry.kind == "renewal") & (LedgerEntry.idempotency_key.startswith("renewal:")))
    core.payments.refund_charge(admin, renewal.id, "2.00", "late delivery")
    assert integrity_check(clock.now())["ok"], integrity_check(clock.now())["violations"]
    return {"customer": customer, "wallet_id": wallet_id, "sub": sub, "renewal": renewal}


def test_a_renewal_invoice_has_the_plan_and_usage_lines_and_the_cli_prints_it(shop, core, clock, capsys, db_url):
    invoice = core.invoices.for_charge(shop["renewal"].id)
    detail = core.invoices.get(invoice.number)
    assert [(line.kind, line.quantity, line.amount_minor) for line in detail.lines] == [
        ("plan", 1, 1000),
        ("usage", 150, 300),
    ]
    assert detail.invoice.total_minor == 1300 and detail.invoice.paid_minor == 1300
    assert [n.amount_minor for n in detail.credit_notes] == [200] and detail.invoice.refundable_minor == 1100
    assert detail.credit_notes[0].number == "CN-2026-000001"

    import main

    db_file = db_url
    assert main.main(["--db", db_file, "invoice", invoice.number]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["invoice"]["number"] == invoice.number and printed["invoice"]["total_minor"] == 1300
    assert [line["description"] for line in printed["lines"]][1] == "API calls: 150 calls"
    assert main.main(["--db", db_file, "invoice", str(invoice.id)]) == 0
    assert json.loads(capsys.readouterr().out)["invoice"]["id"] == invoice.id
    assert main.main(["--db", db_file, "invoice", "INV-1999-000001"]) == 2
    assert "no invoice" in capsys.readouterr().err


def test_invoice_lookups_refuse_bad_input(core):
    for bad in ("", "abc", "-1", "INV-' OR 1=1 --", "1.5"):
        with pytest.raises((ValidationError, NotFound)):
            core.invoices.get(bad)


@pytest.mark.parametrize("table", ["invoice", "invoice_line", "invoice_payment", "credit_note"])
def test_issued_documents_cannot_be_changed_or_deleted(shop, table):
    for sql in (f"UPDATE {table} SET id = id", f"DELETE FROM {table}"):
        with pytest.raises(DatabaseError, match="append-only"):
            database.execute_sql(sql)
    if is_sqlite():  # on PostgreSQL a role that does not own the tables is what refuses this
        with pytest.raises(DatabaseError):
            database.execute_sql(f"DROP TABLE {table}")


def test_check_catches_a_charge_that_paid_no_invoice(shop, clock):
    # Defect 2's shape: money moved for a plan change with no invoice behind it (or none moved with one).
    with write_transaction():
        post_entry(clock, shop["wallet_id"], "proration", -100, "planchange:free-ride", actor="test")
    assert {"charge_without_invoice", "wallet_invoices_mismatch"} <= kinds(clock)


def test_check_catches_usage_of_a_closed_segment_never_settled(shop, clock):
    # Defect 3's shape: a subscription ended with metered usage nobody billed.
    sub = Subscription.get_by_id(shop["sub"].id)
    UsageCounter.insert(
        subscription=sub.id,
        feature=UsageCounter.select().first().feature_id,
        period_start=sub.usage_since - timedelta(days=60),
        used=40,
        settled=False,
    ).execute()
    assert "usage_not_settled" in kinds(clock)


def test_check_catches_unsettled_payments_nobody_tracks(shop, clock):
    # Defects 4 and 7's shape: a top-up or a card refund with no outcome and no open error item.
    with write_transaction():
        topup = TopUp.create(
            wallet=shop["wallet_id"],
            amount_minor=500,
            currency="USD",
            idempotency_key="lost-1",
            status="pending",
            actor="test",
            created_at=clock.now(),
            updated_at=clock.now(),
        )
        Refund.create(
            kind="topup",
            wallet=shop["wallet_id"],
            topup=topup.id,
            amount_minor=100,
            idempotency_key="lost-2",
            status="pending",
            actor="test",
            created_at=clock.now(),
            updated_at=clock.now(),
        )
    assert not {"topup_untracked", "refund_untracked"} & kinds(clock)  # still within the wait for an answer
    clock.advance(minutes=5)
    assert {"topup_untracked", "refund_untracked"} <= kinds(clock)


def test_check_catches_credits_beyond_what_was_paid(shop, clock):
    # Defect 5's shape: a refund of a charge on top of a credit that already gave it all back.
    invoice = Invoice.get(Invoice.kind == "renewal")
    with write_transaction():
        entry = post_entry(clock, shop["wallet_id"], "refund", 1200, "refund:double", actor="test")
        CreditNote.create(
            number="CN-2026-000002",
            year=2026,
            seq=2,
            invoice=invoice.id,
            wallet=shop["wallet_id"],
            kind="refund",
            amount_minor=1200,
            ledger_entry=entry.id,
            actor="test",
            issued_at=clock.now(),
        )
        DocumentSequence.update(last_number=2).where(DocumentSequence.series == "CN").execute()
    assert kinds(clock) == {"invoice_paid_or_credited_beyond_total"}


def test_check_catches_a_credit_into_the_wallet_with_no_credit_note(shop, clock):
    with write_transaction():
        post_entry(clock, shop["wallet_id"], "refund", 300, "refund:loose", actor="test")
    assert {"credit_without_credit_note", "wallet_invoices_mismatch"} <= kinds(clock)


def test_check_catches_a_refund_both_sent_and_reversed(shop, core, clock, admin):
    # Defect 1's shape: the card got the refund and the wallet got the money back.
    topup = TopUp.get(TopUp.status == "succeeded")
    refund = core.payments.refund_topup(admin, topup.id, "5.00", "r")
    assert refund.status == "succeeded"
    with write_transaction():
        post_entry(
            clock,
            shop["wallet_id"],
            "reversal",
            500,
            f"refund-reversal:{refund.id}",
            actor="system",
            ref=("refund", refund.id),
        )
    assert "refund_sent_and_reversed" in kinds(clock)


def test_check_catches_lines_that_do_not_add_up_and_numbering_gaps(shop, clock):
    invoice = Invoice.get(Invoice.kind == "renewal")
    InvoiceLine.insert(
        invoice=invoice.id, position=9, kind="usage", description="extra", amount_minor=1, quantity=1
    ).execute()
    Invoice.insert(
        number="INV-2026-000009",
        year=2026,
        seq=9,
        customer=invoice.customer_id,
        wallet=invoice.wallet_id,
        currency="USD",
        kind="usage",
        total_minor=0,
        event_key="gap",
        actor="test",
        issued_at=clock.now(),
    ).execute()
    assert {"invoice_lines_mismatch", "invoice_numbering_gap"} <= kinds(clock)


def test_check_catches_an_invoice_paid_by_an_entry_of_another_wallet(shop, clock):
    _, other_wallet = make_customer(clock, balance_minor=5000)
    invoice = Invoice.get(Invoice.kind == "subscription")
    with write_transaction():
        entry = post_entry(clock, other_wallet, "renewal", -100, "stolen", actor="test")
        InvoicePayment.create(invoice=invoice.id, ledger_entry=entry.id, amount_minor=100, created_at=clock.now())
    assert {"charge_without_invoice", "invoice_paid_or_credited_beyond_total"} <= kinds(clock)
