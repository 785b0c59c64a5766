"""A clock moved far ahead: the pass holds subscriptions that would pay more periods than the setting allows."""

from __future__ import annotations

from datetime import datetime

import pytest

from models.db import write_transaction
from models.tables import AuditEntry, LedgerEntry, Notification, SubscriptionCharge
from services.auth import SYSTEM
from services.customers import get_or_create_wallet
from services.errors import ValidationError
from services.features import FeatureService
from services.notifications import NotificationCenter
from services.renewals import RenewalService
from services.reports import integrity_check
from services.settings import SettingsStore
from services.subscriptions import SubscriptionService
from tests.factories import balance, fund, make_customer, make_plan

START = datetime(2026, 1, 15, 9, 0)
A_YEAR_LATER = datetime(2027, 1, 20, 9, 0)  # twelve monthly periods ended since the first one


@pytest.fixture
def notifications(db, clock):
    return NotificationCenter(clock)


@pytest.fixture
def settings(db, clock):
    return SettingsStore(clock)


@pytest.fixture
def subs(clock, notifications):
    return SubscriptionService(clock, notifications)


@pytest.fixture
def renewals(clock, notifications, settings):
    return RenewalService(clock, notifications, settings=settings)


def subscribe(subs, clock, plan_code: str, balance_minor: int, currency: str = "USD"):
    customer, wallet_id = make_customer(clock, balance_minor=balance_minor if currency == "USD" else 0)
    if currency != "USD":
        with write_transaction():
            wallet_id = get_or_create_wallet(customer.id, currency, clock).id
        fund(clock, wallet_id, balance_minor)
    return subs.subscribe(SYSTEM, customer.email, plan_code), wallet_id


@pytest.fixture
def book(subs, clock):
    """Rich monthly subscribers in two currencies, a short one, and an annual one a year on."""
    make_plan(clock, "monthly", 1000)
    make_plan(clock, "annual", 9000, unit="year")
    FeatureService(clock).create_plan(SYSTEM, "euro", "Euro", 700, "EUR", "month", 1, 3)
    rich, rich_wallet = subscribe(subs, clock, "monthly", 50_000)
    euro, euro_wallet = subscribe(subs, clock, "euro", 50_000, "EUR")
    short, short_wallet = subscribe(subs, clock, "monthly", 1000 + 2500)  # pays two more months, then waits
    annual, annual_wallet = subscribe(subs, clock, "annual", 20_000)
    return {
        "rich": (rich, rich_wallet),
        "euro": (euro, euro_wallet),
        "short": (short, short_wallet),
        "annual": (annual, annual_wallet),
    }


def charges(sub_id: int) -> int:
    return SubscriptionCharge.select().where(SubscriptionCharge.subscription == sub_id).count()


def test_a_year_ahead_holds_the_subscriptions_that_would_pay_a_year_and_renews_the_rest(book, renewals, subs, clock):
    (rich, rich_wallet), (euro, euro_wallet) = book["rich"], book["euro"]
    (short, short_wallet), (annual, annual_wallet) = book["short"], book["annual"]
    clock.set(A_YEAR_LATER)
    summary = renewals.renew_due_subscriptions()

    # 49,000 left pays twelve months up to now (Feb 2026 … Jan 2027); the euro wallet the same at 7.00.
    assert summary["held"] == {
        "subscriptions": 2,
        "periods": 24,
        "amounts_minor": {"EUR": 12 * 700, "USD": 12 * 1000},
        "limit": 5,
    }
    assert (balance(rich_wallet), balance(euro_wallet)) == (49_000, 49_300)
    assert charges(rich.id) == charges(euro.id) == 1  # only the first period, paid when subscribing
    assert subs.get(rich.id).period_end == datetime(2026, 2, 15, 9, 0)
    # Within the limit: the short wallet pays its two months and waits; the annual plan pays its one year.
    assert summary["renewed"] == 3 and summary["pending_renewal"] == 1 and summary["due"] == 2
    assert balance(short_wallet) == 500 and subs.get(short.id).status == "pending_renewal"
    assert balance(annual_wallet) == 2000 and subs.get(annual.id).period_end == datetime(2028, 1, 15, 9, 0)
    assert summary["charged_minor"] == 2 * 1000 + 9000
    assert integrity_check()["ok"]

    notice = Notification.get(Notification.kind == "renewals_held")
    assert notice.severity == "warning"
    assert "2 subscription(s) held: 24 period(s)" in notice.title and "$120.00" in notice.title
    assert "€84.00" in notice.title or "EUR" in notice.title


def test_catch_up_pays_every_held_period_once_and_a_second_run_charges_nothing(book, renewals, subs, clock):
    (rich, rich_wallet), (euro, euro_wallet) = book["rich"], book["euro"]
    clock.set(A_YEAR_LATER)
    renewals.renew_due_subscriptions()
    ledger_before = LedgerEntry.select().count()

    allowed = renewals.renew_due_subscriptions(SYSTEM, catch_up=True)
    assert "held" not in allowed
    assert allowed["renewed"] == 24 and allowed["charged_minor"] == 12 * 1000 + 12 * 700
    assert (balance(rich_wallet), balance(euro_wallet)) == (49_000 - 12_000, 49_300 - 8_400)
    assert charges(rich.id) == charges(euro.id) == 13
    assert subs.get(rich.id).period_end == datetime(2027, 2, 15, 9, 0)
    assert LedgerEntry.select().count() == ledger_before + 24

    again = renewals.renew_due_subscriptions(SYSTEM, catch_up=True)
    assert again["renewed"] == 0 and again["charged_minor"] == 0 and "held" not in again
    assert LedgerEntry.select().count() == ledger_before + 24
    assert integrity_check()["ok"]
    audit = AuditEntry.select().where(AuditEntry.action == "renewal.catch_up").order_by(AuditEntry.id)
    assert [row.actor for row in audit] == [SYSTEM.name, SYSTEM.name]


def test_the_limit_is_a_setting_and_at_the_limit_nothing_is_held(book, renewals, settings, subs, clock, operator):
    rich, _ = book["rich"]
    clock.set(datetime(2026, 5, 20, 9, 0))  # four months behind: Feb, Mar, Apr, May
    settings.update(SYSTEM, {"renewals.catch_up_periods": 3})
    held = renewals.renew_due_subscriptions()
    assert held["held"]["subscriptions"] == 2 and held["held"]["limit"] == 3 and charges(rich.id) == 1
    settings.update(SYSTEM, {"renewals.catch_up_periods": 4})
    summary = renewals.renew_due_subscriptions()
    assert "held" not in summary and charges(rich.id) == 5


def test_a_held_pass_leaves_no_trace_and_holds_again_next_time(book, renewals, subs, clock):
    rich, rich_wallet = book["rich"]
    clock.set(A_YEAR_LATER)
    first = renewals.renew_due_subscriptions()
    second = renewals.renew_due_subscriptions()
    assert first["held"] == second["held"]
    assert balance(rich_wallet) == 49_000 and charges(rich.id) == 1


@pytest.mark.parametrize("value", [0, -1, 1001, "three", True, None, "2.5"])
def test_a_bad_limit_is_refused_with_a_message_and_nothing_written(settings, value):
    with pytest.raises(ValidationError):
        settings.update(SYSTEM, {"renewals.catch_up_periods": value})
    assert settings.get("renewals.catch_up_periods") == 5


def test_a_month_away_renews_weekly_plans_without_asking(subs, renewals, clock):
    make_plan(clock, "weekly", 300, unit="week")
    sub, wallet = subscribe(subs, clock, "weekly", 10_000)
    assert renewals.catch_up_limit() == 5  # the default
    clock.set(datetime(2026, 2, 19, 9, 0))  # 35 days: Jan 22, Jan 29, Feb 5, Feb 12 and Feb 19 ended
    summary = renewals.renew_due_subscriptions()
    assert "held" not in summary and summary["renewed"] == 5
    assert balance(wallet) == 10_000 - 6 * 300 and charges(sub.id) == 6


def test_a_top_up_does_not_pay_a_year_at_once_either(subs, renewals, clock):
    make_plan(clock, "monthly", 1000, grace_days=3)
    sub, wallet = subscribe(subs, clock, "monthly", 1000)
    clock.set(datetime(2026, 2, 15, 10, 0))
    assert renewals.renew_due_subscriptions()["pending_renewal"] == 1
    clock.set(A_YEAR_LATER)  # no pass ran in between; then the customer tops up
    fund(clock, wallet, 50_000)
    held = renewals.activate_pending_for_wallet(wallet)
    assert held["renewed"] == 0
    assert held["held"] == {"subscriptions": 1, "periods": 12, "amounts_minor": {"USD": 12_000}, "limit": 5}
    assert balance(wallet) == 50_000 and subs.get(sub.id).status == "pending_renewal"
    assert renewals.renew_due_subscriptions()["held"]["periods"] == 12  # held, not expired, by the pass too
    assert renewals.renew_due_subscriptions(SYSTEM, catch_up=True)["renewed"] == 12
    assert balance(wallet) == 50_000 - 12_000 and subs.get(sub.id).status == "active"
    assert integrity_check()["ok"]
