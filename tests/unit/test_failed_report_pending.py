"""Subscriptions waiting for funds have their own line in the failed-subscriptions report and the alert."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from models.db import write_transaction
from models.tables import Notification
from services.auth import SYSTEM
from services.customers import get_or_create_wallet
from services.errors import GatewayTransientError
from services.features import FeatureService
from services.notifications import NotificationCenter
from services.renewals import RenewalService
from services.retries import RetryManager
from services.settings import SettingsStore
from services.subscriptions import SubscriptionService
from tests.factories import fund, make_customer, make_plan

START = datetime(2026, 1, 15, 9, 0)


@pytest.fixture
def notifications(db, clock):
    return NotificationCenter(clock)


@pytest.fixture
def subs(clock, notifications):
    return SubscriptionService(clock, notifications)


@pytest.fixture
def renewals(clock, notifications):
    return RenewalService(clock, notifications)


@pytest.fixture
def manager(clock, notifications):
    return RetryManager(clock, notifications, owner="runner-a", workers=1)


def subscribe_with(subs, clock, plan_code: str, balance_minor: int, currency: str = "USD"):
    customer, wallet_id = make_customer(clock, balance_minor=balance_minor if currency == "USD" else 0)
    if currency != "USD":
        with write_transaction():
            wallet_id = get_or_create_wallet(customer.id, currency, clock).id
        fund(clock, wallet_id, balance_minor)
    return subs.subscribe(SYSTEM, customer.email, plan_code)


def test_an_empty_book_has_an_empty_pending_line(manager):
    assert manager.get_failed_subscriptions_report()["pending_renewal"] == {
        "count": 0,
        "oldest_age_seconds": None,
        "amount_at_risk_by_currency": {},
    }


def test_subscriptions_refused_for_lack_of_funds_are_counted_with_age_and_amount(manager, subs, renewals, clock):
    make_plan(clock, "basic", 1000)
    make_plan(clock, "pro", 2500)
    FeatureService(clock).create_plan(SYSTEM, "euro", "Euro", 900, "EUR", "month", 1, 3)
    short_basic = subscribe_with(subs, clock, "basic", 1500)
    paid_basic = subscribe_with(subs, clock, "basic", 5000)
    short_euro = subscribe_with(subs, clock, "euro", 900, "EUR")
    clock.advance(days=1)
    short_pro = subscribe_with(subs, clock, "pro", 3000)

    clock.set(short_basic.period_end + timedelta(minutes=5))
    first = renewals.renew_due_subscriptions()
    assert (first["renewed"], first["pending_renewal"]) == (1, 2)
    clock.set(short_pro.period_end + timedelta(hours=1))
    assert renewals.renew_due_subscriptions()["pending_renewal"] == 1
    assert {subs.get(s.id).status for s in (short_basic, short_euro, short_pro)} == {"pending_renewal"}
    assert subs.get(paid_basic.id).status == "active"

    clock.set(datetime(2026, 2, 16, 12, 0))
    pending = manager.get_failed_subscriptions_report()["pending_renewal"]
    oldest = subs.get(short_basic.id).pending_since
    assert oldest == datetime(2026, 2, 15, 9, 5)
    assert pending == {
        "count": 3,
        "oldest_age_seconds": int((clock.now() - oldest).total_seconds()),
        "amount_at_risk_by_currency": {"EUR": 900, "USD": 3500},
    }
    assert pending["oldest_age_seconds"] == 26 * 3600 + 55 * 60


def test_the_pending_line_leaves_the_error_figures_alone(manager, subs, renewals, clock):
    make_plan(clock, "basic", 1000)
    sub = subscribe_with(subs, clock, "basic", 1000)
    manager.record_failure("topup", "topup", 1, GatewayTransientError("gateway said 502"), amount_minor=700)
    clock.set(sub.period_end + timedelta(seconds=30))
    renewals.renew_due_subscriptions()
    report = manager.get_failed_subscriptions_report()
    assert report["pending_renewal"]["count"] == 1
    assert report["pending_renewal"]["amount_at_risk_by_currency"] == {"USD": 1000}
    assert report["amount_at_risk_by_currency"] == {"USD": 700}
    assert report["totals"] == {"open": 1, "retrying": 1, "manual": 0, "resolved": 0, "canceled": 0}


def test_a_top_up_takes_a_subscription_off_the_line(manager, subs, renewals, clock):
    make_plan(clock, "basic", 1000)
    sub = subscribe_with(subs, clock, "basic", 1000)
    clock.set(sub.period_end + timedelta(minutes=1))
    renewals.renew_due_subscriptions()
    assert manager.get_failed_subscriptions_report()["pending_renewal"]["count"] == 1
    fund(clock, subs.get(sub.id).wallet_id, 1000)
    renewals.activate_pending_for_wallet(subs.get(sub.id).wallet_id)
    assert manager.get_failed_subscriptions_report()["pending_renewal"] == {
        "count": 0,
        "oldest_age_seconds": None,
        "amount_at_risk_by_currency": {},
    }


def test_the_alert_says_how_many_subscriptions_wait_for_funds(clock, notifications, subs, renewals, admin):
    settings = SettingsStore(clock)
    settings.update(admin, {"alert_threshold": 1})
    manager = RetryManager(clock, notifications, settings=settings, workers=1)
    make_plan(clock, "basic", 1000)
    waiting = [subscribe_with(subs, clock, "basic", 1200) for _ in range(2)]
    clock.set(waiting[0].period_end + timedelta(minutes=1))
    renewals.renew_due_subscriptions()
    manager.record_failure("topup", "topup", 1, GatewayTransientError("gateway said 502"))
    assert manager.check_alert_threshold() is False  # the threshold counts error items only
    manager.record_failure("topup", "topup", 2, GatewayTransientError("gateway said 502"))
    assert manager.check_alert_threshold() is True
    [alert] = Notification.select().where(Notification.kind == "errors_alert")
    assert "2 failed operations" in alert.title
    assert "2 subscriptions are waiting for funds" in alert.body
