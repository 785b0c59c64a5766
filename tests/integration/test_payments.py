from datetime import timedelta

import pytest

from models.tables import ErrorItem, GatewayCharge, LedgerEntry, Notification, TopUp
from services.errors import Conflict, PermissionDenied, ValidationError
from services.reports import integrity_check
from tests.factories import balance, make_customer, make_plan
from tests.integration.conftest import set_gateway


def topup_credits(topup_id):
    return LedgerEntry.select().where((LedgerEntry.kind == "topup") & (LedgerEntry.ref_id == topup_id)).count()


def test_topup_credits_the_wallet_once(core, clock, operator):
    customer, wallet_id = make_customer(clock)
    first = core.payments.top_up(operator, customer.email, "25.00", idempotency_key="order-1")
    again = core.payments.top_up(operator, customer.email, "25.00", idempotency_key="order-1")
    assert first.status == "succeeded" and again.id == first.id
    assert balance(wallet_id) == 2500
    assert topup_credits(first.id) == 1 and GatewayCharge.select().count() == 1
    with pytest.raises(Conflict):
        core.payments.top_up(operator, customer.email, "30.00", idempotency_key="order-1")
    assert integrity_check()["ok"]


@pytest.mark.parametrize("amount", ["-5", "0", "abc", "1.234", "NaN", "1e9", "99999999999999"])
def test_bad_topup_amounts_write_nothing(core, clock, operator, amount):
    customer, wallet_id = make_customer(clock)
    with pytest.raises(ValidationError):
        core.payments.top_up(operator, customer.email, amount)
    assert TopUp.select().count() == 0 and GatewayCharge.select().count() == 0


def test_viewer_cannot_top_up(core, clock, viewer):
    customer, _ = make_customer(clock)
    with pytest.raises(PermissionDenied):
        core.payments.top_up(viewer, customer.email, "5")
    assert TopUp.select().count() == 0


def test_timeout_after_success_is_reconciled_without_a_second_charge(core, clock, operator):
    customer, wallet_id = make_customer(clock)
    set_gateway(core, timeout_rate=1.0)
    info = core.payments.top_up(operator, customer.email, "40.00")
    assert info.status == "retrying" and balance(wallet_id) == 0
    item = ErrorItem.get(ErrorItem.subject_id == info.id)
    assert (item.error_class, item.strategy) == ("outcome_unknown", "reconcile")
    assert GatewayCharge.select().count() == 1  # the charge did happen
    set_gateway(core, timeout_rate=0.0)
    clock.advance(hours=2)
    summary = core.retries.process_pending_retries()
    assert summary["succeeded"] == 1
    assert balance(wallet_id) == 4000 and topup_credits(info.id) == 1
    assert GatewayCharge.select().count() == 1
    assert ErrorItem.get_by_id(item.id).status == "resolved"
    assert integrity_check()["ok"]


def test_decline_fails_the_topup_and_notifies(core, clock, operator):
    customer, wallet_id = make_customer(clock)
    set_gateway(core, decline_rate=1.0)
    info = core.payments.top_up(operator, customer.email, "10")
    assert info.status == "failed" and balance(wallet_id) == 0
    assert Notification.select().where(Notification.kind == "topup_failed").count() == 1
    assert ErrorItem.select().where(ErrorItem.status.in_(("retrying", "manual"))).count() == 0
    assert integrity_check()["ok"]


def test_transient_error_is_retried_with_backoff_and_then_credited(core, clock, operator):
    customer, wallet_id = make_customer(clock)
    set_gateway(core, error_rate=1.0)
    info = core.payments.top_up(operator, customer.email, "10")
    item = ErrorItem.get(ErrorItem.subject_id == info.id)
    assert (item.strategy, item.status) == ("backoff", "retrying")
    assert item.next_attempt_at > clock.now()
    set_gateway(core, error_rate=0.0)
    clock.advance(hours=2)
    core.retries.process_pending_retries()
    assert balance(wallet_id) == 1000 and core.payments.get_topup(info.id).status == "succeeded"


def test_topup_activates_a_pending_subscription_at_once(core, clock, operator):
    make_plan(clock, "basic", 1000)
    customer, wallet_id = make_customer(clock)
    core.payments.top_up(operator, customer.email, "10.00")
    sub = core.subscriptions.subscribe(operator, customer.email, "basic")
    clock.set(sub.period_end + timedelta(hours=1))
    assert core.renewals.renew_due_subscriptions()["pending_renewal"] == 1
    info = core.payments.top_up(operator, customer.email, "12.00")
    assert info.renewed == 1
    assert core.subscriptions.get(sub.id).status == "active"
    assert balance(wallet_id) == 200
    assert core.renewals.renew_due_subscriptions()["renewed"] == 0
    assert integrity_check()["ok"]


def test_partial_refunds_compose_and_never_exceed_the_topup(core, clock, admin, operator):
    customer, wallet_id = make_customer(clock)
    topup = core.payments.top_up(operator, customer.email, "50.00")
    with pytest.raises(PermissionDenied):
        core.payments.refund_topup(operator, topup.id, "10", "customer asked")
    with pytest.raises(ValidationError):
        core.payments.refund_topup(admin, topup.id, "10", "  ")
    first = core.payments.refund_topup(admin, topup.id, "20.00", "customer asked")
    second = core.payments.refund_topup(admin, topup.id, "30.00", "rest of it")
    assert (first.status, second.status) == ("succeeded", "succeeded")
    with pytest.raises(Conflict, match="at most 0.00"):
        core.payments.refund_topup(admin, topup.id, "0.01", "one cent too many")
    assert balance(wallet_id) == 0
    assert core.payments.get_topup(topup.id).refunded_minor == 5000
    assert integrity_check()["ok"]


def test_refund_that_fails_is_queued_urgently_and_sent_once_later(core, clock, admin, operator):
    customer, wallet_id = make_customer(clock)
    topup = core.payments.top_up(operator, customer.email, "50.00")
    set_gateway(core, error_rate=1.0)
    refund = core.payments.refund_topup(admin, topup.id, "15.00", "duplicate order")
    assert refund.status == "retrying"
    assert balance(wallet_id) == 3500  # the money is held back while the refund is owed
    item = ErrorItem.get((ErrorItem.operation == "refund") & (ErrorItem.subject_id == refund.id))
    assert item.strategy == "urgent" and item.next_attempt_at <= clock.now()
    set_gateway(core, error_rate=0.0)
    core.retries.process_pending_retries()
    assert core.payments.get_topup(topup.id).refunded_minor == 1500
    assert ErrorItem.get_by_id(item.id).status == "resolved"
    assert integrity_check()["ok"]


def test_refund_of_a_charge_goes_back_into_the_wallet(core, clock, admin, operator):
    make_plan(clock, "basic", 1000)
    customer, wallet_id = make_customer(clock)
    core.payments.top_up(operator, customer.email, "10.00")
    core.subscriptions.subscribe(operator, customer.email, "basic")
    debit = LedgerEntry.get(LedgerEntry.kind == "renewal")
    core.payments.refund_charge(admin, debit.id, "4.00", "service outage credit")
    with pytest.raises(Conflict):
        core.payments.refund_charge(admin, debit.id, "6.01", "too much")
    core.payments.refund_charge(admin, debit.id, "6.00", "the rest")
    assert balance(wallet_id) == 1000
    assert integrity_check()["ok"]


def test_balance_adjustment_is_admin_only_and_never_below_zero(core, clock, admin, operator):
    from services.errors import InsufficientFunds

    customer, wallet_id = make_customer(clock, balance_minor=500)
    with pytest.raises(PermissionDenied):
        core.payments.adjust_balance(operator, wallet_id, "1.00", "goodwill")
    core.payments.adjust_balance(admin, wallet_id, "-2.50", "correction")
    with pytest.raises(InsufficientFunds):
        core.payments.adjust_balance(admin, wallet_id, "-2.51", "too much")
    assert balance(wallet_id) == 250
    assert integrity_check()["ok"]


def test_outage_opens_the_circuit_and_defers_retries_without_spending_attempts(core, clock, operator):
    customer, _ = make_customer(clock)
    set_gateway(core, outage=True)
    infos = [core.payments.top_up(operator, customer.email, "5") for _ in range(6)]
    assert core.circuit.info().state == "open"
    assert Notification.select().where(Notification.kind == "gateway_outage").count() == 1
    attempts_before = {i.id: i.attempts for i in ErrorItem.select()}
    clock.advance(seconds=10)
    for item in ErrorItem.select():
        ErrorItem.update(next_attempt_at=clock.now()).where(ErrorItem.id == item.id).execute()
    summary = core.retries.process_pending_retries()
    assert summary["deferred"] >= 1 and summary["succeeded"] == 0
    assert {i.id: i.attempts for i in ErrorItem.select()} == attempts_before
    set_gateway(core, outage=False)
    for _ in range(10):  # the breaker lets one probe through, then the rest follow
        clock.advance(hours=1)
        core.retries.process_pending_retries()
    assert all(core.payments.get_topup(i.id).status == "succeeded" for i in infos)
    assert Notification.select().where(Notification.kind == "gateway_recovered").count() == 1
    assert integrity_check()["ok"]


def test_closing_a_timed_out_topup_credits_it_when_the_gateway_took_the_money(core, clock, operator):
    customer, wallet_id = make_customer(clock)
    set_gateway(core, timeout_rate=1.0)
    info = core.payments.top_up(operator, customer.email, "30.00")
    item = ErrorItem.get(ErrorItem.subject_id == info.id)
    set_gateway(core, timeout_rate=0.0)
    with pytest.raises(Conflict, match="credited"):
        core.retries.cancel_retry(operator, [item.id], "customer says it failed")
    assert balance(wallet_id) == 3000 and core.payments.get_topup(info.id).status == "succeeded"
    assert ErrorItem.get_by_id(item.id).status == "resolved"
    assert integrity_check()["ok"]


def test_closing_a_topup_the_gateway_never_charged_fails_it(core, clock, operator):
    customer, wallet_id = make_customer(clock)
    set_gateway(core, error_rate=1.0)
    info = core.payments.top_up(operator, customer.email, "30.00")
    item = ErrorItem.get(ErrorItem.subject_id == info.id)
    set_gateway(core, error_rate=0.0)
    core.retries.cancel_retry(operator, [item.id], "customer paid another way")
    assert core.payments.get_topup(info.id).status == "failed"
    assert ErrorItem.get_by_id(item.id).status == "canceled" and balance(wallet_id) == 0
    assert integrity_check()["ok"]


def test_closing_is_refused_while_the_gateway_cannot_say(core, clock, operator):
    customer, _ = make_customer(clock)
    set_gateway(core, timeout_rate=1.0)
    info = core.payments.top_up(operator, customer.email, "30.00")
    item = ErrorItem.get(ErrorItem.subject_id == info.id)
    set_gateway(core, timeout_rate=0.0, outage=True)
    with pytest.raises(Conflict, match="cannot confirm"):
        core.retries.resolve(operator, [item.id], "handled by phone")
    assert ErrorItem.get_by_id(item.id).status == "retrying"
    assert core.payments.get_topup(info.id).status == "retrying"


def test_closing_an_unsent_refund_puts_the_money_back(core, clock, admin, operator):
    customer, wallet_id = make_customer(clock)
    topup = core.payments.top_up(operator, customer.email, "50.00")
    set_gateway(core, error_rate=1.0)
    refund = core.payments.refund_topup(admin, topup.id, "15.00", "duplicate order")
    item = ErrorItem.get((ErrorItem.operation == "refund") & (ErrorItem.subject_id == refund.id))
    set_gateway(core, error_rate=0.0)
    core.retries.cancel_retry(operator, [item.id], "customer wants store credit")
    assert balance(wallet_id) == 5000
    assert integrity_check()["ok"]
