"""The dashboard's figures, worked out by hand on a small business."""

from datetime import date, datetime, timedelta
from itertools import count

from models.tables import Customer, Plan, Subscription, Wallet
from services.dashboard import CHART_DAYS, load_dashboard
from tests.factories import add_error_item, add_gateway_charge, add_ledger_row

NOW = datetime(2026, 1, 15, 9, 0)  # the clock fixture's
_keys = count(1)


def subscription(customer, wallet, status: str, period_end: datetime) -> None:
    plan = Plan.create(
        code=f"p{next(_keys)}",
        name="Plan",
        price_minor=1000,
        currency=wallet.currency,
        interval_unit="month",
        created_at=NOW,
    )
    Subscription.create(
        customer=customer,
        plan=plan,
        wallet=wallet,
        status=status,
        auto_renew=True,
        anchor_day=1,
        period_start=period_end - timedelta(days=30),
        period_end=period_end,
        usage_since=period_end - timedelta(days=30),
        created_at=NOW,
        updated_at=NOW,
    )


def test_an_empty_database_has_zeroes_and_no_gateway_rate(db, clock):
    data = load_dashboard(clock)
    assert data.as_of == NOW and len(data.days) == CHART_DAYS and data.days[-1] == NOW.date()
    assert dict(data.subscriptions_by_status) == {"active": 0, "pending_renewal": 0, "canceled": 0, "expired": 0}
    assert data.wallet_float == () and data.revenue_this_month == () and data.revenue_by_day == ()
    assert data.unresolved_errors == 0 and data.gateway_success_rate is None
    assert data.open_errors_by_day == (0,) * CHART_DAYS


def test_revenue_is_what_charges_took_less_what_was_given_back_of_them(db, clock):
    customer = Customer.create(name="A", email="a@example.com", created_at=NOW)
    usd = Wallet.create(customer=customer, currency="USD", balance_minor=4000, created_at=NOW)
    eur = Wallet.create(
        customer=Customer.create(name="B", email="b@example.com", created_at=NOW),
        currency="EUR",
        balance_minor=900,
        created_at=NOW,
    )
    add_ledger_row(usd, "renewal", -1000, datetime(2025, 12, 31, 23, 59))  # last month: the chart only
    add_ledger_row(usd, "renewal", -2000, datetime(2026, 1, 1))
    add_ledger_row(usd, "usage", -300, datetime(2026, 1, 10))
    add_ledger_row(usd, "refund", 500, datetime(2026, 1, 12))  # a charge given back into the wallet
    add_ledger_row(usd, "refund", -700, datetime(2026, 1, 12))  # a top-up sent back to the card: not revenue
    add_ledger_row(usd, "topup", 9000, datetime(2026, 1, 13))
    add_ledger_row(usd, "adjustment", -50, datetime(2026, 1, 13))
    add_ledger_row(usd, "renewal", -400, NOW + timedelta(minutes=1))  # after now: not yet
    add_ledger_row(eur, "renewal", -800, datetime(2026, 1, 5))

    data = load_dashboard(clock)
    assert data.revenue_this_month == (("EUR", 800), ("USD", 2000 + 300 - 500))
    assert data.wallet_float == (("EUR", 900), ("USD", 4000))
    by_day = dict(zip(data.days, dict(data.revenue_by_day)["USD"], strict=True))
    assert by_day[date(2025, 12, 31)] == 1000 and by_day[date(2026, 1, 12)] == -500
    assert sum(by_day.values()) == 1000 + 2000 + 300 - 500


def test_subscriptions_errors_and_gateway_traffic(db, clock):
    customer = Customer.create(name="A", email="a@example.com", created_at=NOW)
    wallet = Wallet.create(customer=customer, currency="USD", balance_minor=0, created_at=NOW)
    subscription(customer, wallet, "active", NOW + timedelta(days=1))  # expiring this week
    subscription(customer, wallet, "active", NOW + timedelta(days=8))
    subscription(customer, wallet, "canceled", NOW + timedelta(days=6, hours=23))  # expiring this week
    subscription(customer, wallet, "pending_renewal", NOW + timedelta(days=2))  # waits, is not "expiring"
    subscription(customer, wallet, "expired", NOW - timedelta(days=1))
    add_error_item("retrying", NOW - timedelta(days=2))
    add_error_item("manual", NOW - timedelta(hours=1))
    add_error_item("resolved", NOW - timedelta(days=3), NOW - timedelta(days=1))
    for status in ("succeeded", "succeeded", "declined", "failed"):
        add_gateway_charge(status, NOW - timedelta(hours=2))
    add_gateway_charge("succeeded", NOW - timedelta(hours=25))

    data = load_dashboard(clock)
    assert (data.active, data.pending_renewal, data.count("canceled"), data.count("expired")) == (2, 1, 1, 1)
    assert data.expiring_this_week == 2
    assert (data.errors_retrying, data.errors_manual, data.unresolved_errors) == (1, 1, 2)
    assert (data.gateway_attempts_24h, data.gateway_succeeded_24h, data.gateway_success_rate) == (4, 2, 0.5)
    assert data.open_errors_by_day[-4:] == (1, 2, 1, 2)
