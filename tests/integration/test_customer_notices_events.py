"""Each business event writes its customer's notice in its own transaction, once, in their language."""

from datetime import datetime, timedelta

import pytest

from models.tables import Customer, CustomerNotice, Invoice, LedgerEntry, Subscription
from services import customer_notices
from services.auth import SYSTEM
from services.customer_notices import NO_EMAIL, load_params
from services.errors import PermissionDenied, ValidationError
from services.reports import integrity_check
from tests.factories import balance, make_customer, make_plan
from tests.integration.conftest import set_gateway


def notices(kind=None, customer_id=None) -> list[CustomerNotice]:
    query = CustomerNotice.select().order_by(CustomerNotice.id)
    if kind is not None:
        query = query.where(CustomerNotice.kind == kind)
    if customer_id is not None:
        query = query.where(CustomerNotice.customer == customer_id)
    return list(query)


def only(kind, customer_id=None) -> tuple[CustomerNotice, dict]:
    rows = notices(kind, customer_id)
    assert len(rows) == 1, [(r.kind, r.dedup_key) for r in rows]
    return rows[0], load_params(rows[0].params)


def set_language(customer, language="ru", no_email=False):
    Customer.update(language=language, no_email=no_email).where(Customer.id == customer.id).execute()


class StagingCrash(RuntimeError):
    pass


@pytest.fixture
def crash_after_staging(monkeypatch):
    """Every service that stages a notice fails just after it, before its transaction commits."""

    def stage_then_fail(drafts, now):
        customer_notices.stage_notices(drafts, now)
        raise StagingCrash("the event failed after its notice was staged")

    for module in ("services.payments", "services.subscriptions", "services.renewals", "services.ledger"):
        monkeypatch.setattr(f"{module}.stage_notices", stage_then_fail)


# --- receipts ---------------------------------------------------------------------------------------


def test_subscribing_sends_a_receipt_for_the_first_period_in_the_customers_language(core, clock, operator):
    make_plan(clock, "basic", 1000)
    customer, wallet_id = make_customer(clock, balance_minor=2500)
    set_language(customer, "ru")
    sub = core.subscriptions.subscribe(operator, customer.email, "basic")
    row, params = only("receipt")
    invoice = Invoice.get(Invoice.subscription == sub.id)
    assert (row.language, row.status, row.dedup_key) == ("ru", "pending", f"receipt:invoice:{invoice.id}")
    assert params == {
        "invoice_id": invoice.id,
        "invoice_number": invoice.number,
        "plan_name": "Basic",
        "period_start": "2026-01-15T09:00:00",
        "period_end": "2026-02-15T09:00:00",
        "total_minor": 1000,
        "paid_minor": 1000,
        "currency": "USD",
        "balance_minor": 1500,
    }
    assert (row.subject_type, row.subject_id) == ("invoice", invoice.id)


def test_a_renewal_paid_from_the_wallet_sends_one_receipt_and_a_second_pass_none(core, clock, operator):
    make_plan(clock, "basic", 1000)
    customer, wallet_id = make_customer(clock, balance_minor=5000)
    sub = core.subscriptions.subscribe(operator, customer.email, "basic")
    clock.set(sub.period_end + timedelta(hours=1))
    assert core.renewals.renew_due_subscriptions()["renewed"] == 1
    core.renewals.renew_due_subscriptions()
    receipts = notices("receipt")
    assert len(receipts) == 2  # the first period's and the renewal's
    renewal = Invoice.get((Invoice.subscription == sub.id) & (Invoice.kind == "renewal"))
    params = load_params(receipts[1].params)
    assert receipts[1].dedup_key == f"receipt:invoice:{renewal.id}"
    assert (params["invoice_number"], params["paid_minor"], params["balance_minor"]) == (renewal.number, 1000, 3000)
    assert (params["period_start"], params["period_end"]) == ("2026-02-15T09:00:00", "2026-03-15T09:00:00")


def test_renewals_at_batch_scale_stage_a_receipt_per_renewal(core, clock, operator):
    make_plan(clock, "basic", 100)
    core.renewals.batch_size = 50
    customers = [make_customer(clock, email=f"c{n}@example.com", balance_minor=300)[0] for n in range(120)]
    for customer in customers[:7]:
        set_language(customer, "ru")
    for customer in customers:
        core.subscriptions.subscribe(operator, customer.email, "basic")
    clock.advance(days=32)
    summary = core.renewals.renew_due_subscriptions()
    assert summary["renewed"] == 120
    renewals = {i.id: i for i in Invoice.select().where(Invoice.kind == "renewal")}
    receipts = [load_params(r.params) for r in notices("receipt")[120:]]
    assert sorted(p["invoice_id"] for p in receipts) == sorted(renewals)
    assert all(p["invoice_number"] == renewals[p["invoice_id"]].number for p in receipts)
    assert sum(r.language == "ru" for r in notices("receipt")) == 14


# --- waiting for funds, due soon, expired -------------------------------------------------------------


def test_a_renewal_the_wallet_cannot_pay_tells_the_customer_it_waits_until_grace_ends(core, clock, operator):
    make_plan(clock, "basic", 1000, grace_days=3)
    customer, wallet_id = make_customer(clock, balance_minor=1400)
    sub = core.subscriptions.subscribe(operator, customer.email, "basic")
    clock.set(sub.period_end + timedelta(hours=1))
    assert core.renewals.renew_due_subscriptions()["pending_renewal"] == 1
    core.renewals.renew_due_subscriptions()
    row, params = only("renewal_waiting")
    assert row.dedup_key == f"renewal_waiting:{sub.id}:2026-02-15T09:00:00"
    assert params == {
        "subscription_id": sub.id,
        "plan_name": "Basic",
        "price_minor": 1000,
        "balance_minor": 400,
        "shortfall_minor": 600,
        "currency": "USD",
        "grace_until": "2026-02-18T10:00:00",
    }


def test_grace_running_out_tells_the_customer_the_subscription_expired_once(core, clock, operator):
    make_plan(clock, "basic", 1000, grace_days=3)
    customer, _ = make_customer(clock, balance_minor=1000)
    sub = core.subscriptions.subscribe(operator, customer.email, "basic")
    clock.set(sub.period_end + timedelta(hours=1))
    core.renewals.renew_due_subscriptions()
    clock.advance(days=4)
    assert core.renewals.renew_due_subscriptions()["expired"] == 1
    core.renewals.renew_due_subscriptions()
    row, params = only("subscription_expired")
    assert params == {"subscription_id": sub.id, "plan_name": "Basic", "expired_on": "2026-02-19T10:00:00"}
    assert row.dedup_key == f"subscription_expired:{sub.id}:2026-02-15T09:00:00"


def test_a_canceled_subscription_ending_before_a_new_one_tells_the_customer_it_expired(core, clock, operator):
    make_plan(clock, "basic", 1000)
    customer, _ = make_customer(clock, balance_minor=3000)
    sub = core.subscriptions.subscribe(operator, customer.email, "basic")
    core.subscriptions.cancel(operator, sub.id)
    clock.set(sub.period_end + timedelta(minutes=5))
    core.subscriptions.subscribe(operator, customer.email, "basic")  # before any renewal pass ran
    row, params = only("subscription_expired")
    assert params["subscription_id"] == sub.id and params["expired_on"] == "2026-02-15T09:05:00"
    assert len(notices("receipt")) == 2


def test_the_reminders_tell_a_customer_whose_wallet_cannot_pay_the_next_renewal_once(core, clock, operator):
    make_plan(clock, "basic", 1000)
    short, _ = make_customer(clock, email="short@example.com", balance_minor=1300)
    funded, _ = make_customer(clock, email="funded@example.com", balance_minor=2000)
    set_language(short, "ru")
    sub = core.subscriptions.subscribe(operator, short.email, "basic")
    core.subscriptions.subscribe(operator, funded.email, "basic")
    core.renewals.send_expiry_reminders()
    assert notices("renewal_due_soon") == []  # a month ahead: not yet
    clock.set(sub.period_end - timedelta(days=2, hours=12))
    assert core.renewals.send_expiry_reminders()["short_before_renewal"] == 1
    core.renewals.send_expiry_reminders()
    row, params = only("renewal_due_soon")
    assert (row.customer_id, row.language) == (short.id, "ru")
    assert params == {
        "subscription_id": sub.id,
        "plan_name": "Basic",
        "renews_on": "2026-02-15T09:00:00",
        "days": 3,
        "price_minor": 1000,
        "balance_minor": 300,
        "shortfall_minor": 700,
        "currency": "USD",
    }


def test_the_due_soon_days_are_a_setting(core, clock, operator):
    make_plan(clock, "basic", 1000)
    customer, _ = make_customer(clock, balance_minor=1000)
    sub = core.subscriptions.subscribe(operator, customer.email, "basic")
    clock.set(sub.period_end - timedelta(days=5))
    core.renewals.send_expiry_reminders()
    assert notices("renewal_due_soon") == []
    core.settings.update(SYSTEM, {"notices.due_soon_days": 7})
    core.renewals.send_expiry_reminders()
    assert load_params(only("renewal_due_soon")[0].params)["days"] == 5
    with pytest.raises(ValidationError):
        core.settings.update(SYSTEM, {"notices.due_soon_days": 0})


# --- top-ups and refunds ------------------------------------------------------------------------------


def test_a_topup_credited_tells_the_customer_once_and_a_replay_writes_none(core, clock, operator):
    customer, wallet_id = make_customer(clock, balance_minor=500)
    first = core.payments.top_up(operator, customer.email, "25.00", idempotency_key="order-1")
    core.payments.top_up(operator, customer.email, "25.00", idempotency_key="order-1")
    row, params = only("topup_credited")
    assert row.dedup_key == f"topup_credited:topup:{first.id}"
    assert params == {
        "topup_id": first.id,
        "amount_minor": 2500,
        "balance_minor": 3000,
        "currency": "USD",
        "automatic": False,
    }


def test_a_topup_charged_to_a_saved_card_says_it_was_automatic(core, clock, operator):
    customer, _ = make_customer(clock)
    card = core.cards.add_card(operator, customer.email, "pm_card_visa")
    core.payments.top_up(operator, customer.email, "10.00", card_id=card.id)
    assert only("topup_credited")[1]["automatic"] is True


def test_a_topup_credited_by_a_retry_tells_the_customer_once(core, clock, operator):
    customer, _ = make_customer(clock)
    set_gateway(core, timeout_rate=1.0)
    info = core.payments.top_up(operator, customer.email, "40.00")
    assert notices("topup_credited") == []
    set_gateway(core, timeout_rate=0.0)
    clock.advance(hours=2)
    core.retries.process_pending_retries()
    core.payments.reconcile_unsettled_payments()
    assert only("topup_credited")[1]["topup_id"] == info.id


def test_a_declined_topup_tells_the_customer_nothing(core, clock, operator):
    customer, _ = make_customer(clock)
    set_gateway(core, decline_rate=1.0)
    assert core.payments.top_up(operator, customer.email, "40.00").status == "failed"
    assert notices() == []


def test_a_topup_refunded_to_the_card_tells_the_customer(core, clock, operator, admin):
    customer, _ = make_customer(clock)
    topup = core.payments.top_up(operator, customer.email, "40.00")
    refund = core.payments.refund_topup(admin, topup.id, "15.00", "asked by phone", idempotency_key="r-1")
    core.payments.refund_topup(admin, topup.id, "15.00", "asked by phone", idempotency_key="r-1")
    row, params = only("refund_sent")
    assert row.dedup_key == f"refund_sent:refund:{refund.id}"
    assert params == {
        "refund_id": refund.id,
        "amount_minor": 1500,
        "currency": "USD",
        "destination": "card",
        "credit_note_number": None,
    }


def test_a_refund_held_up_at_the_gateway_tells_the_customer_once_it_is_sent(core, clock, operator, admin):
    customer, _ = make_customer(clock)
    topup = core.payments.top_up(operator, customer.email, "40.00")
    set_gateway(core, error_rate=1.0)
    refund = core.payments.refund_topup(admin, topup.id, "15.00", "asked")
    assert refund.status == "retrying" and notices("refund_sent") == []
    set_gateway(core, error_rate=0.0)
    clock.advance(hours=1)
    core.retries.process_pending_retries()
    assert only("refund_sent")[1]["refund_id"] == refund.id


def test_a_charge_refunded_into_the_wallet_names_its_credit_note(core, clock, operator, admin):
    make_plan(clock, "basic", 1000)
    customer, _ = make_customer(clock, balance_minor=1000)
    core.subscriptions.subscribe(operator, customer.email, "basic")
    charge = LedgerEntry.get(LedgerEntry.kind == "renewal")
    refund = core.payments.refund_charge(admin, charge.id, "4.00", "late delivery", idempotency_key="rc-1")
    core.payments.refund_charge(admin, charge.id, "4.00", "late delivery", idempotency_key="rc-1")
    row, params = only("refund_sent")
    assert params["destination"] == "wallet" and params["amount_minor"] == 400
    assert params["credit_note_number"].startswith("CN-") and params["refund_id"] == refund.id


# --- low balance --------------------------------------------------------------------------------------


def test_low_balance_is_told_once_per_crossing_from_above(core, clock, operator, admin):
    core.settings.update(SYSTEM, {"notices.low_balance": {"USD": 500}})
    customer, wallet_id = make_customer(clock, balance_minor=2000)
    make_plan(clock, "basic", 1000)
    core.payments.adjust_balance(admin, wallet_id, -800, "correction")  # 1200: above
    assert notices("low_balance") == []
    core.subscriptions.subscribe(operator, customer.email, "basic")  # 200: crossed
    core.payments.adjust_balance(admin, wallet_id, -100, "correction")  # 100: still below
    row, params = only("low_balance")
    assert params == {"wallet_id": wallet_id, "balance_minor": 200, "threshold_minor": 500, "currency": "USD"}
    core.payments.adjust_balance(admin, wallet_id, 900, "back up")  # 1000: above again
    core.payments.adjust_balance(admin, wallet_id, -600, "down again")  # 400: a second crossing
    assert [load_params(r.params)["balance_minor"] for r in notices("low_balance")] == [200, 400]


def test_a_renewal_pass_that_takes_a_balance_below_the_threshold_tells_the_customer(core, clock, operator):
    core.settings.update(SYSTEM, {"notices.low_balance": {"USD": 1500}})
    make_plan(clock, "basic", 1000)
    customer, wallet_id = make_customer(clock, balance_minor=3500)
    sub = core.subscriptions.subscribe(operator, customer.email, "basic")  # 2500: above
    clock.set(sub.period_end + timedelta(hours=1))
    core.renewals.renew_due_subscriptions()  # 1500: not below
    assert notices("low_balance") == []
    clock.set(datetime(2026, 3, 15, 10))
    core.renewals.renew_due_subscriptions()  # 500: below
    core.renewals.renew_due_subscriptions()
    assert only("low_balance")[1]["balance_minor"] == 500 == balance(wallet_id)


def test_no_threshold_for_a_currency_means_no_low_balance_notice(core, clock, admin):
    core.settings.update(SYSTEM, {"notices.low_balance": {"EUR": 500}})
    customer, wallet_id = make_customer(clock, balance_minor=2000)
    core.payments.adjust_balance(admin, wallet_id, -1900, "correction")
    assert notices("low_balance") == []


@pytest.mark.parametrize("value", [{"USD": -5}, {"XX1": 5}, "not json", [500], {"USD": "five"}])
def test_a_bad_low_balance_threshold_is_refused(core, value):
    with pytest.raises(ValidationError):
        core.settings.update(SYSTEM, {"notices.low_balance": value})
    assert core.settings.get("notices.low_balance") == {}


def test_a_threshold_can_be_given_in_major_units(core):
    core.settings.update(SYSTEM, {"notices.low_balance": '{"USD": "5.00", "eur": 250}'})
    assert core.settings.get("notices.low_balance") == {"EUR": 250, "USD": 500}


# --- no email, and crashes ----------------------------------------------------------------------------


def test_a_no_email_customer_gets_every_notice_as_a_suppressed_row(core, clock, operator):
    make_plan(clock, "basic", 1000)
    customer, _ = make_customer(clock, balance_minor=500)
    core.customers.set_no_email(operator, customer.email, True, "asked on the phone")
    core.payments.top_up(operator, customer.email, "10.00")
    core.subscriptions.subscribe(operator, customer.email, "basic")
    rows = notices()
    assert [r.kind for r in rows] == ["topup_credited", "receipt"]
    assert {(r.status, r.reason) for r in rows} == {("suppressed", NO_EMAIL)}


def test_a_topup_crashing_before_commit_leaves_neither_credit_nor_notice(core, clock, operator, crash_after_staging):
    customer, wallet_id = make_customer(clock)
    with pytest.raises(StagingCrash):
        core.payments.top_up(operator, customer.email, "10.00")
    assert balance(wallet_id) == 0 and notices() == []
    assert LedgerEntry.select().where(LedgerEntry.kind == "topup").count() == 0


def test_a_subscribe_that_crashes_before_commit_leaves_neither_subscription_nor_receipt(
    core, clock, operator, crash_after_staging
):
    make_plan(clock, "basic", 1000)
    customer, wallet_id = make_customer(clock, balance_minor=1000)  # a credit stages nothing
    with pytest.raises(StagingCrash):
        core.subscriptions.subscribe(operator, customer.email, "basic")
    assert Subscription.select().count() == 0 and Invoice.select().count() == 0
    assert balance(wallet_id) == 1000 and notices() == []


def test_a_renewal_batch_crashing_before_commit_leaves_no_renewal_nor_receipt(core, clock, operator, monkeypatch):
    make_plan(clock, "basic", 1000)
    customer, wallet_id = make_customer(clock, balance_minor=3000)
    sub = core.subscriptions.subscribe(operator, customer.email, "basic")
    clock.set(sub.period_end + timedelta(hours=1))

    def stage_then_fail(drafts, now):
        customer_notices.stage_notices(drafts, now)
        raise StagingCrash("the batch failed after its notices were staged")

    monkeypatch.setattr("services.renewals.stage_notices", stage_then_fail)
    summary = core.renewals.renew_due_subscriptions()
    assert summary["errors"] == 1 and summary["renewed"] == 0
    assert balance(wallet_id) == 2000 and len(notices("receipt")) == 1  # the first period's only
    monkeypatch.undo()
    core.renewals.renew_due_subscriptions()
    assert balance(wallet_id) == 1000 and len(notices("receipt")) == 2
    assert integrity_check(clock.now())["ok"]


def test_customer_language_and_no_email_are_changed_by_role_and_audited(core, clock, operator, viewer):
    from models.tables import AuditEntry

    customer, _ = make_customer(clock)
    with pytest.raises(PermissionDenied):
        core.customers.set_language(viewer, customer.email, "ru")
    with pytest.raises(ValidationError):
        core.customers.set_language(operator, customer.email, "de")
    info = core.customers.set_language(operator, customer.email, "RU", "writes in Russian")
    assert info.language == "ru"
    assert core.customers.set_no_email(operator, customer.id, True).no_email is True
    audits = list(AuditEntry.select().where(AuditEntry.action == "customer.edit").order_by(AuditEntry.id))
    assert [a.reason for a in audits] == ["writes in Russian", None]
    assert '"no_email": true' in audits[1].after and '"language": "ru"' in audits[0].after
