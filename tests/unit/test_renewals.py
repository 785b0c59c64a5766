from datetime import datetime, timedelta

import pytest

from models.tables import LedgerEntry, Notification, SubscriptionCharge, SubscriptionEvent
from services.auth import SYSTEM
from services.errors import Conflict, InsufficientFunds, InvalidTransition, PermissionDenied
from services.notifications import NotificationCenter
from services.renewals import RenewalService
from services.reports import integrity_check
from services.subscriptions import SubscriptionService
from tests.factories import balance, fund, make_customer, make_plan


@pytest.fixture
def subs(db, clock):
    return SubscriptionService(clock, NotificationCenter(clock))


@pytest.fixture
def renewals(db, clock):
    return RenewalService(clock, NotificationCenter(clock))


def test_subscribe_pays_the_first_period_from_the_wallet(subs, clock):
    make_plan(clock, "basic", 1000)
    customer, wallet_id = make_customer(clock, balance_minor=2500)
    info = subs.subscribe(SYSTEM, customer.email, "basic")
    assert info.status == "active"
    assert info.period_end == datetime(2026, 2, 15, 9, 0)
    assert balance(wallet_id) == 1500
    assert [e.event for e in subs.events(info.id)] == ["subscribe"]
    assert integrity_check()["ok"]


def test_subscribe_without_funds_writes_nothing(subs, clock):
    make_plan(clock, "basic", 1000)
    customer, wallet_id = make_customer(clock, balance_minor=999)
    with pytest.raises(InsufficientFunds):
        subs.subscribe(SYSTEM, customer.email, "basic")
    assert subs.for_customer(customer.email) == []
    assert balance(wallet_id) == 999


def test_a_second_open_subscription_to_the_same_plan_is_refused(subs, clock):
    make_plan(clock, "basic", 100)
    customer, _ = make_customer(clock, balance_minor=1000)
    subs.subscribe(SYSTEM, customer.email, "basic")
    with pytest.raises(Conflict):
        subs.subscribe(SYSTEM, customer.email, "basic")


def test_a_viewer_cannot_subscribe(subs, clock, viewer):
    make_plan(clock, "basic", 100)
    customer, _ = make_customer(clock, balance_minor=1000)
    with pytest.raises(PermissionDenied):
        subs.subscribe(viewer, customer.email, "basic")
    assert subs.for_customer(customer.email) == []


def test_renewal_charges_once_per_period(subs, renewals, clock):
    make_plan(clock, "basic", 1000)
    customer, wallet_id = make_customer(clock, balance_minor=5000)
    info = subs.subscribe(SYSTEM, customer.email, "basic")
    clock.set(info.period_end + timedelta(hours=1))
    first = renewals.renew_due_subscriptions()
    again = renewals.renew_due_subscriptions()
    assert first["renewed"] == 1 and first["charged_minor"] == 1000
    assert again["due"] == 0 and again["renewed"] == 0
    assert balance(wallet_id) == 3000
    renewed = subs.get(info.id)
    assert (renewed.period_start, renewed.period_end) == (datetime(2026, 2, 15, 9), datetime(2026, 3, 15, 9))
    assert SubscriptionCharge.select().where(SubscriptionCharge.subscription == info.id).count() == 2
    assert integrity_check()["ok"]


def test_short_funds_go_pending_then_a_topup_activates_at_once(subs, renewals, clock):
    make_plan(clock, "basic", 1000, grace_days=3)
    customer, wallet_id = make_customer(clock, balance_minor=1500)
    info = subs.subscribe(SYSTEM, customer.email, "basic")
    clock.set(info.period_end + timedelta(minutes=5))
    summary = renewals.renew_due_subscriptions()
    assert summary["pending_renewal"] == 1
    assert subs.get(info.id).status == "pending_renewal"
    assert Notification.select().where(Notification.kind == "payment_failed").count() == 1
    fund(clock, wallet_id, 600)
    activated = renewals.activate_pending_for_wallet(wallet_id)
    assert activated["renewed"] == 1
    now_active = subs.get(info.id)
    assert now_active.status == "active" and now_active.period_start == info.period_end
    assert balance(wallet_id) == 100
    assert [e.event for e in subs.events(info.id)] == ["subscribe", "renewal_short", "funds_arrived"]
    assert renewals.renew_due_subscriptions()["renewed"] == 0
    assert integrity_check()["ok"]


def test_pending_expires_after_the_grace_days(subs, renewals, clock):
    make_plan(clock, "basic", 1000, grace_days=3)
    customer, _ = make_customer(clock, balance_minor=1000)
    info = subs.subscribe(SYSTEM, customer.email, "basic")
    clock.set(info.period_end)
    renewals.renew_due_subscriptions()
    clock.advance(days=2, hours=23)
    assert renewals.renew_due_subscriptions()["expired"] == 0
    clock.advance(hours=1)
    assert renewals.renew_due_subscriptions()["expired"] == 1
    assert subs.get(info.id).status == "expired"
    assert Notification.select().where(Notification.kind == "subscription_expired").count() == 1


def test_cancel_keeps_access_until_period_end_then_expires(subs, renewals, clock):
    make_plan(clock, "basic", 1000)
    customer, wallet_id = make_customer(clock, balance_minor=5000)
    info = subs.subscribe(SYSTEM, customer.email, "basic")
    assert subs.cancel(SYSTEM, info.id, "customer asked").status == "canceled"
    assert subs.reinstate(SYSTEM, info.id).status == "active"
    subs.cancel(SYSTEM, info.id)
    clock.set(info.period_end)
    assert renewals.renew_due_subscriptions()["expired"] == 1
    assert subs.get(info.id).status == "expired"
    assert balance(wallet_id) == 4000
    with pytest.raises(InvalidTransition):
        subs.reinstate(SYSTEM, info.id)
    again = subs.subscribe(SYSTEM, customer.email, "basic")
    assert again.id == info.id and again.status == "active"
    assert subs.events(info.id)[-1].event == "resubscribe"


def test_catch_up_after_downtime_pays_each_missed_period(subs, renewals, clock):
    make_plan(clock, "weekly", 100, unit="week")
    customer, wallet_id = make_customer(clock, balance_minor=350)
    info = subs.subscribe(SYSTEM, customer.email, "weekly")
    clock.set(info.period_end + timedelta(weeks=3, days=1))
    summary = renewals.renew_due_subscriptions()
    # 250 left pays two more weeks, then the wallet is short for the third.
    assert summary["renewed"] == 2 and summary["pending_renewal"] == 1
    assert balance(wallet_id) == 50
    assert subs.get(info.id).status == "pending_renewal"
    assert integrity_check()["ok"]


def test_reminders_are_sent_once_per_period(subs, renewals, clock):
    make_plan(clock, "basic", 1000)
    poor, _ = make_customer(clock, balance_minor=1000)
    rich, _ = make_customer(clock, balance_minor=9000)
    poor_sub = subs.subscribe(SYSTEM, poor.email, "basic")
    subs.subscribe(SYSTEM, rich.email, "basic")
    clock.set(poor_sub.period_end - timedelta(days=2))
    assert renewals.send_expiry_reminders(days=3)["reminded"] == 1
    assert renewals.send_expiry_reminders(days=3)["reminded"] == 0
    rows = list(Notification.select().where(Notification.kind == "subscription_expiring"))
    assert [r.subject_id for r in rows] == [poor_sub.id]


def test_change_plan_settles_the_unused_part(subs, clock):
    make_plan(clock, "basic", 3000, unit="day", count=30)
    make_plan(clock, "pro", 6000, unit="day", count=30)
    customer, wallet_id = make_customer(clock, balance_minor=10000)
    info = subs.subscribe(SYSTEM, customer.email, "basic")
    clock.advance(days=20)
    changed = subs.change_plan(SYSTEM, info.id, "pro", "upgrade")
    assert changed.plan_code == "pro"
    # A third of the period is left: the difference is 3000 * 1/3.
    assert balance(wallet_id) == 10000 - 3000 - 1000
    assert integrity_check()["ok"]


def test_renewal_events_and_ledger_agree_over_many(subs, renewals, clock):
    make_plan(clock, "basic", 700)
    for i in range(30):
        customer, _ = make_customer(clock, balance_minor=700 + (i % 3) * 700)
        subs.subscribe(SYSTEM, customer.email, "basic")
    clock.advance(days=40)
    renewals.batch_size = 7
    summary = renewals.renew_due_subscriptions()
    assert summary["due"] == 30
    assert summary["renewed"] == 20 and summary["pending_renewal"] == 10
    assert LedgerEntry.select().where(LedgerEntry.kind == "renewal").count() == 30 + 20
    assert SubscriptionEvent.select().where(SubscriptionEvent.event == "renew").count() == 20
    assert integrity_check()["ok"]
