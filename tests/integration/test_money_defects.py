"""Money defects found by review, each reproduced as an operator or a crash would meet it."""

from datetime import timedelta

import pytest

from models.db import write_transaction
from models.tables import (
    CreditNote,
    ErrorItem,
    GatewayCharge,
    Invoice,
    InvoiceLine,
    LedgerEntry,
    Notification,
    Refund,
    Subscription,
    TopUp,
    UsageCounter,
)
from services.auth import SYSTEM
from services.errors import Conflict, InsufficientFunds, ValidationError
from services.invoices import wallet_owed_minor
from services.ledger import post_entry
from services.money import MAX_MINOR
from services.reports import integrity_check
from tests.factories import balance, fund, make_customer, make_plan
from tests.integration.conftest import set_gateway


def books_ok(core):
    result = integrity_check(core.clock.now())
    assert result["ok"], result["violations"]


def metered_plan(core, clock, code, price_minor, unit_price_minor=None):
    """A plan with an api_calls usage feature priced per call (or no api_calls feature at all)."""
    make_plan(clock, code, price_minor)
    if unit_price_minor is not None:
        if not core.features.list_features():
            core.features.create_feature(SYSTEM, "api_calls", "API calls", "usage", "call")
        core.features.set_plan_feature(SYSTEM, code, "api_calls", pricing="flat", unit_price_minor=unit_price_minor)


# --- 1. a settled refund or top-up never changes outcome --------------------------------------------


def test_a_refund_reversed_into_the_wallet_stays_reversed_when_the_gateway_later_says_it_was_sent(
    core, clock, admin, operator
):
    customer, wallet_id = make_customer(clock)
    topup = core.payments.top_up(operator, customer.email, "50.00")
    set_gateway(core, error_rate=1.0)
    refund = core.payments.refund_topup(admin, topup.id, "20.00", "customer asked")
    assert refund.status == "retrying" and balance(wallet_id) == 3000
    set_gateway(core, error_rate=0.0)
    item = ErrorItem.get((ErrorItem.operation == "refund") & (ErrorItem.subject_id == refund.id))
    core.retries.cancel_retry(admin, [item.id], "customer changed their mind")  # nothing at the gateway yet
    assert Refund.get_by_id(refund.id).status == "failed" and balance(wallet_id) == 5000

    # A late answer: the processor did send it after all.
    core.payments._complete_refund(refund.id, "re_late_answer")

    row = Refund.get_by_id(refund.id)
    assert row.status == "failed" and row.gateway_refund_id is None
    assert balance(wallet_id) == 5000
    review = ErrorItem.get((ErrorItem.operation == "payment_review") & (ErrorItem.subject_id == refund.id))
    assert review.status == "manual"
    assert "re_late_answer" in review.message and "put back into wallet" in review.message
    assert Notification.select().where(Notification.kind == "manual_intervention").exists()
    books_ok(core)  # in an operator's hands: nothing is lost


def test_a_topup_closed_as_failed_is_not_credited_by_a_late_charge(core, clock, operator):
    customer, wallet_id = make_customer(clock)
    set_gateway(core, error_rate=1.0)
    info = core.payments.top_up(operator, customer.email, "40.00")
    item = ErrorItem.get((ErrorItem.operation == "topup") & (ErrorItem.subject_id == info.id))
    set_gateway(core, error_rate=0.0)
    core.retries.cancel_retry(operator, [item.id], "duplicate order")
    assert TopUp.get_by_id(info.id).status == "failed"

    core.payments._credit_topup(info.id, "ch_late_answer")

    assert TopUp.get_by_id(info.id).status == "failed" and balance(wallet_id) == 0
    review = ErrorItem.get((ErrorItem.operation == "payment_review") & (ErrorItem.subject_id == info.id))
    assert review.status == "manual" and "ch_late_answer" in review.message


# --- 2. a repeated plan change moves money every time ------------------------------------------------


def test_switching_back_and_forth_in_one_period_settles_every_change(core, clock, operator):
    make_plan(clock, "small", 1000)
    make_plan(clock, "large", 3000)
    customer, wallet_id = make_customer(clock, balance_minor=10_000)
    sub = core.subscriptions.subscribe(operator, customer.email, "small")
    assert balance(wallet_id) == 9000
    clock.advance(days=10)
    terms = core.subscriptions.preview_plan_change(sub.id, "large")
    core.subscriptions.change_plan(operator, sub.id, "large")
    after_up = balance(wallet_id)
    assert after_up == 9000 - terms.net_minor and terms.net_minor > 0
    core.subscriptions.change_plan(operator, sub.id, "small")
    back = balance(wallet_id)
    assert back > after_up  # the unused part of "large" came back, "small" was charged
    core.subscriptions.change_plan(operator, sub.id, "large")
    # The third change costs what the first did: nothing was replayed for free.
    assert back - balance(wallet_id) == terms.net_minor
    assert CreditNote.select().where(CreditNote.kind == "proration").count() == 3
    assert Invoice.select().where(Invoice.kind == "plan_change").count() == 3
    books_ok(core)


def test_switching_three_times_at_one_instant_still_moves_money_each_time(core, clock, operator):
    make_plan(clock, "small", 1000)
    make_plan(clock, "large", 3000)
    customer, wallet_id = make_customer(clock, balance_minor=10_000)
    sub = core.subscriptions.subscribe(operator, customer.email, "small")
    clock.advance(days=15)
    for code in ("large", "small", "large"):
        core.subscriptions.change_plan(operator, sub.id, code)
    moved = LedgerEntry.select().where(LedgerEntry.kind.in_(("proration", "credit"))).count()
    assert moved == 6
    books_ok(core)


def test_the_ledger_refuses_a_replayed_key_for_a_different_movement(db, clock):
    _, wallet_id = make_customer(clock, balance_minor=5000)
    with write_transaction():
        first = post_entry(clock, wallet_id, "adjustment", -1000, "planchange:7", actor="test")
    with write_transaction():
        again = post_entry(clock, wallet_id, "adjustment", -1000, "planchange:7", actor="test")
    assert again.replayed and again.id == first.id
    for kind, amount in (("adjustment", -2000), ("renewal", -1000), ("adjustment", 1000)):
        with pytest.raises(Conflict, match="planchange:7"), write_transaction():
            post_entry(clock, wallet_id, kind, amount, "planchange:7", actor="test")
    assert balance(wallet_id) == 4000 and LedgerEntry.select().count() == 2


# --- 3. usage is billed whenever a period closes -----------------------------------------------------


def test_usage_is_billed_when_a_canceled_subscription_reaches_its_end(core, clock, operator):
    metered_plan(core, clock, "metered", 1000, unit_price_minor=5)
    customer, wallet_id = make_customer(clock, balance_minor=5000)
    sub = core.subscriptions.subscribe(operator, customer.email, "metered")
    core.features.record_usage(operator, sub.id, "api_calls", 200)
    core.subscriptions.cancel(operator, sub.id, "customer leaves")
    clock.advance(days=40)
    core.renewals.renew_due_subscriptions()
    assert Subscription.get_by_id(sub.id).status == "expired"
    usage = Invoice.get((Invoice.subscription == sub.id) & (Invoice.kind == "usage"))
    assert usage.total_minor == 1000 and balance(wallet_id) == 5000 - 1000 - 1000
    line = InvoiceLine.get(InvoiceLine.invoice == usage.id)
    assert (line.kind, line.quantity, line.amount_minor) == ("usage", 200, 1000)
    books_ok(core)


def test_usage_is_billed_when_grace_runs_out_and_what_is_missing_is_owed(core, clock, operator):
    metered_plan(core, clock, "metered", 1000, unit_price_minor=5)
    customer, wallet_id = make_customer(clock, balance_minor=1300)
    sub = core.subscriptions.subscribe(operator, customer.email, "metered")
    core.features.record_usage(operator, sub.id, "api_calls", 200)  # 10.00 of usage, 3.00 left in the wallet
    clock.advance(days=32)
    core.renewals.renew_due_subscriptions()
    assert Subscription.get_by_id(sub.id).status == "pending_renewal"
    clock.advance(days=5)
    summary = core.renewals.renew_due_subscriptions()
    assert Subscription.get_by_id(sub.id).status == "expired" and summary["owed_minor"] == 700
    usage = Invoice.get((Invoice.subscription == sub.id) & (Invoice.kind == "usage"))
    assert usage.total_minor == 1000 and balance(wallet_id) == 0
    assert wallet_owed_minor(wallet_id) == 700
    books_ok(core)
    # The next top-up collects what is owed before anything else.
    core.payments.top_up(operator, customer.email, "20.00")
    assert wallet_owed_minor(wallet_id) == 0 and balance(wallet_id) == 1300
    books_ok(core)


def test_usage_before_a_plan_change_is_billed_by_the_old_plan(core, clock, operator):
    metered_plan(core, clock, "metered", 1000, unit_price_minor=5)
    metered_plan(core, clock, "flat", 1000)  # does not include api_calls at all
    customer, wallet_id = make_customer(clock, balance_minor=10_000)
    sub = core.subscriptions.subscribe(operator, customer.email, "metered")
    core.features.record_usage(operator, sub.id, "api_calls", 300)
    clock.advance(days=10)
    terms = core.subscriptions.preview_plan_change(sub.id, "flat")
    assert terms.usage_minor == 1500
    core.subscriptions.change_plan(operator, sub.id, "flat")
    usage = Invoice.get((Invoice.subscription == sub.id) & (Invoice.kind == "usage"))
    assert usage.total_minor == 1500
    assert UsageCounter.get(UsageCounter.subscription == sub.id).settled
    # Renewing on the new plan bills no usage again.
    clock.advance(days=25)
    core.renewals.renew_due_subscriptions()
    renewal = Invoice.get((Invoice.subscription == sub.id) & (Invoice.kind == "renewal"))
    assert renewal.total_minor == 1000
    books_ok(core)


# --- 4. a crash between the gateway and the commit is swept up -----------------------------------------


def _die_after_the_charge(core, operator, customer, key, monkeypatch):
    """The top-up row committed, the gateway charged, the process died before recording the answer."""
    real_credit = core.payments._credit_topup
    monkeypatch.setattr(core.payments, "_credit_topup", lambda *a, **k: (_ for _ in ()).throw(SystemExit("killed")))
    with pytest.raises(SystemExit):
        core.payments.top_up(operator, customer.email, "30.00", idempotency_key=key)
    monkeypatch.setattr(core.payments, "_credit_topup", real_credit)


def test_a_pending_topup_left_by_a_crash_is_reconciled_by_the_sweep(core, clock, operator, monkeypatch):
    customer, wallet_id = make_customer(clock)
    _die_after_the_charge(core, operator, customer, "order-9", monkeypatch)
    row = TopUp.get(TopUp.idempotency_key == "order-9")
    assert row.status == "pending" and GatewayCharge.select().count() == 1
    clock.advance(minutes=5)
    violations = integrity_check(clock.now())["violations"]
    assert {"kind": "topup_untracked", "topup_id": row.id, "status": "pending"} in violations
    swept = core.run_retries()
    assert swept["reconciled"] == {"topups": 1, "refunds": 0}
    assert TopUp.get_by_id(row.id).status == "succeeded" and balance(wallet_id) == 3000
    assert GatewayCharge.select().count() == 1
    books_ok(core)


def test_replaying_a_stale_pending_topup_reconciles_it(core, clock, operator, monkeypatch):
    customer, wallet_id = make_customer(clock)
    _die_after_the_charge(core, operator, customer, "order-10", monkeypatch)
    # A quick restart: the same request again, just after.
    assert core.payments.top_up(operator, customer.email, "30.00", idempotency_key="order-10").status == "pending"
    clock.advance(minutes=2)
    again = core.payments.top_up(operator, customer.email, "30.00", idempotency_key="order-10")
    assert again.status == "succeeded" and balance(wallet_id) == 3000
    assert GatewayCharge.select().count() == 1
    books_ok(core)


def test_a_pending_card_refund_without_an_item_is_a_violation_until_swept(core, clock, admin, operator):
    customer, wallet_id = make_customer(clock)
    topup = core.payments.top_up(operator, customer.email, "50.00")
    with write_transaction():  # a refund whose process died before calling the gateway
        refund = Refund.create(
            kind="topup",
            wallet=wallet_id,
            topup=topup.id,
            amount_minor=1000,
            idempotency_key="crashed-refund",
            status="pending",
            reason="r",
            actor="alice",
            created_at=clock.now(),
            updated_at=clock.now(),
        )
        post_entry(clock, wallet_id, "refund", -1000, f"refund:{refund.id}", actor="alice", ref=("refund", refund.id))
    clock.advance(minutes=5)
    kinds = {v["kind"] for v in integrity_check(clock.now())["violations"]}
    assert "refund_untracked" in kinds
    core.run_retries()
    assert Refund.get_by_id(refund.id).status == "succeeded"
    books_ok(core)


# --- 5. a charge refund counts the credits already given ----------------------------------------------


def test_a_charge_refund_after_a_downgrade_gives_back_no_more_than_was_paid(core, clock, admin, operator):
    make_plan(clock, "big", 5000)
    make_plan(clock, "tiny", 1000)
    customer, wallet_id = make_customer(clock)
    topup = core.payments.top_up(operator, customer.email, "50.00")
    sub = core.subscriptions.subscribe(operator, customer.email, "big")
    charge = LedgerEntry.get((LedgerEntry.wallet == wallet_id) & (LedgerEntry.kind == "renewal"))
    core.subscriptions.change_plan(operator, sub.id, "tiny")  # at once: the whole of "big" is unused
    credited = CreditNote.get(CreditNote.kind == "proration").amount_minor
    assert credited == 5000 and balance(wallet_id) == 4000
    terms = core.payments.charge_refund_terms(charge.id)
    assert terms.left_minor == 0
    with pytest.raises(Conflict, match="left to refund"):
        core.payments.refund_charge(admin, charge.id, "50.00", "goodwill")
    left_on_card = 5000 - sum(r.amount_minor for r in Refund.select())
    core.payments.refund_topup(admin, topup.id, format(balance(wallet_id) / 100, ".2f"), "closing account")
    given_back = sum(r.amount_minor for r in Refund.select().where(Refund.status == "succeeded"))
    assert given_back <= 5000 and left_on_card == 5000
    books_ok(core)


# --- 6. idempotency keys are bound to their request -----------------------------------------------------


def test_a_topup_key_reused_for_another_customer_is_refused(core, clock, operator):
    first, first_wallet = make_customer(clock)
    second, second_wallet = make_customer(clock)
    core.payments.top_up(operator, first.email, "25.00", idempotency_key="k-1")
    with pytest.raises(Conflict, match="k-1"):
        core.payments.top_up(operator, second.email, "25.00", idempotency_key="k-1")
    assert balance(second_wallet) == 0 and TopUp.select().count() == 1 and GatewayCharge.select().count() == 1


def test_refund_and_adjustment_keys_reused_with_other_amounts_are_refused(core, clock, admin, operator):
    customer, wallet_id = make_customer(clock)
    topup = core.payments.top_up(operator, customer.email, "50.00")
    core.payments.refund_topup(admin, topup.id, "10.00", "r", idempotency_key="rf-1")
    with pytest.raises(Conflict, match="rf-1"):
        core.payments.refund_topup(admin, topup.id, "20.00", "r", idempotency_key="rf-1")
    core.payments.adjust_balance(admin, wallet_id, "5.00", "goodwill", idempotency_key="adj-1")
    with pytest.raises(Conflict, match="adj-1"):
        core.payments.adjust_balance(admin, wallet_id, "7.00", "goodwill", idempotency_key="adj-1")
    assert balance(wallet_id) == 4500 and Refund.select().count() == 1
    books_ok(core)


# --- 7. every refusal comes before the card is charged -------------------------------------------------


def test_a_topup_the_wallet_cannot_hold_is_refused_before_the_card_is_charged(core, clock, operator):
    customer, wallet_id = make_customer(clock)
    fund(clock, wallet_id, MAX_MINOR - 1000)
    with pytest.raises(ValidationError, match="not charged"):
        core.payments.top_up(operator, customer.email, 2000)
    assert GatewayCharge.select().count() == 0 and TopUp.select().count() == 0
    books_ok(core)


# --- 8. a subscription waiting for funds can be canceled -------------------------------------------------


def test_a_pending_subscription_canceled_is_not_renewed_by_a_topup_and_ends_at_the_grace_deadline(
    core, clock, operator
):
    make_plan(clock, "basic", 1000, grace_days=3)
    customer, wallet_id = make_customer(clock, balance_minor=1000)
    sub = core.subscriptions.subscribe(operator, customer.email, "basic")
    clock.advance(days=32)
    core.renewals.renew_due_subscriptions()
    assert Subscription.get_by_id(sub.id).status == "pending_renewal"
    canceled = core.subscriptions.cancel(operator, sub.id, "customer stops")
    assert canceled.status == "canceled" and not canceled.auto_renew
    core.payments.top_up(operator, customer.email, "50.00")
    assert Subscription.get_by_id(sub.id).status == "canceled" and balance(wallet_id) == 5000
    clock.advance(days=1)
    core.renewals.renew_due_subscriptions()
    assert Subscription.get_by_id(sub.id).status == "canceled"  # inside its grace days
    clock.advance(days=3)
    core.renewals.renew_due_subscriptions()
    assert Subscription.get_by_id(sub.id).status == "expired" and balance(wallet_id) == 5000
    books_ok(core)


def test_reinstating_one_canceled_while_pending_puts_it_back_to_waiting(core, clock, operator):
    make_plan(clock, "basic", 1000, grace_days=3)
    customer, wallet_id = make_customer(clock, balance_minor=1000)
    sub = core.subscriptions.subscribe(operator, customer.email, "basic")
    clock.advance(days=32)
    core.renewals.renew_due_subscriptions()
    core.subscriptions.cancel(operator, sub.id, "by mistake")
    assert core.subscriptions.reinstate(operator, sub.id, "undo").status == "pending_renewal"
    core.payments.top_up(operator, customer.email, "10.00")
    assert Subscription.get_by_id(sub.id).status == "active"
    books_ok(core)


# --- 9. a renewal pass says what it charged ------------------------------------------------------------


def test_a_renewal_pass_posts_one_grouped_payments_notice(core, clock, operator):
    make_plan(clock, "basic", 1000)
    subs = []
    for _ in range(3):
        customer, _ = make_customer(clock, balance_minor=5000)
        subs.append(core.subscriptions.subscribe(operator, customer.email, "basic"))
    clock.advance(days=32)
    core.renewals.renew_due_subscriptions()
    notices = list(Notification.select().where(Notification.kind == "renewals_paid"))
    assert len(notices) == 1
    assert notices[0].title == "3 renewal(s) paid, $30.00 in total"
    issued = core.invoices.issued_with(notices[0].subject_id)
    assert notices[0].subject_type == "renewal_pass" and {i.subscription_id for i in issued} == {s.id for s in subs}


def test_a_plan_change_the_wallet_cannot_pay_writes_nothing(core, clock, operator):
    make_plan(clock, "small", 1000)
    make_plan(clock, "large", 30000)
    customer, wallet_id = make_customer(clock, balance_minor=1500)
    sub = core.subscriptions.subscribe(operator, customer.email, "small")
    before = (LedgerEntry.select().count(), Invoice.select().count(), CreditNote.select().count())
    with pytest.raises(InsufficientFunds):
        core.subscriptions.change_plan(operator, sub.id, "large")
    assert (LedgerEntry.select().count(), Invoice.select().count(), CreditNote.select().count()) == before
    assert Subscription.get_by_id(sub.id).plan_id == core.features.get_plan("small").id
    assert balance(wallet_id) == 500
    # The credit note numbered inside the refused change was given back with its transaction.
    fund(clock, wallet_id, 50_000)
    core.subscriptions.change_plan(operator, sub.id, "large")
    assert [n.number for n in CreditNote.select()] == ["CN-2026-000001"]
    books_ok(core)


def test_invoices_on_the_same_wallet_never_share_a_number_and_have_no_gaps(core, clock, operator):
    make_plan(clock, "basic", 1000)
    customer, wallet_id = make_customer(clock, balance_minor=500)
    with pytest.raises(InsufficientFunds):  # refused: its number is given back
        core.subscriptions.subscribe(operator, customer.email, "basic")
    fund(clock, wallet_id, 10_000)
    core.subscriptions.subscribe(operator, customer.email, "basic")
    clock.advance(days=32)
    core.renewals.renew_due_subscriptions()
    numbers = [i.number for i in Invoice.select().order_by(Invoice.id)]
    assert numbers == ["INV-2026-000001", "INV-2026-000002"]
    books_ok(core)


def test_clock_moves_are_not_needed_for_a_fresh_pending_topup_to_be_left_alone(core, clock, operator):
    """A top-up still being sent is not a violation and is not swept."""
    customer, _ = make_customer(clock)
    with write_transaction():
        TopUp.create(
            wallet=customer.id,
            amount_minor=500,
            currency="USD",
            idempotency_key="in-flight",
            status="pending",
            actor="oscar",
            created_at=clock.now(),
            updated_at=clock.now(),
        )
    assert core.payments.reconcile_unsettled_payments() == {"topups": 0, "refunds": 0}
    assert integrity_check(clock.now() + timedelta(seconds=5))["ok"]


def test_the_command_line_cancels_a_subscription_waiting_for_funds(core, clock, operator, capsys, db_url):
    import json

    import main

    make_plan(clock, "basic", 1000)
    customer, _ = make_customer(clock, balance_minor=1000)
    sub = core.subscriptions.subscribe(operator, customer.email, "basic")
    clock.advance(days=32)
    core.renewals.renew_due_subscriptions()
    assert main.main(["--db", db_url, "cancel", customer.email, "basic", "--reason", "stops"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["status"] == "canceled" and Subscription.get_by_id(sub.id).status == "canceled"
