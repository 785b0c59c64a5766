from datetime import date, datetime, timedelta
from itertools import count

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication, QComboBox, QVBoxLayout, QWidget

from models.tables import (
    Customer,
    Plan,
    Subscription,
    Wallet,
)
from services.changes import Changes, Kind
from tests.factories import add_error_item, add_gateway_charge, add_ledger_row
from ui.charts import DARK, LIGHT
from ui.pages import dashboard as dashboard_module
from ui.pages.dashboard import DashboardPage, load_dashboard

NOW = datetime(2026, 1, 15, 9, 0, 0)  # the tests' clock
_keys = count(1)


def at(month: int, day: int, hour: int = 12, minute: int = 0) -> datetime:
    return datetime(2026 if month == 1 else 2025, month, day, hour, minute)


def add_subscription(customer, plan, wallet, status: str, period_end: datetime) -> None:
    """A subscription on its own copy of ``plan``: a customer holds one open subscription per plan."""
    own = Plan.create(
        code=f"{plan.code}-{next(_keys)}",
        name=plan.name,
        price_minor=plan.price_minor,
        currency=plan.currency,
        interval_unit=plan.interval_unit,
        created_at=NOW,
    )
    Subscription.create(
        customer=customer,
        plan=own,
        wallet=wallet,
        status=status,
        auto_renew=status == "active",
        anchor_day=period_end.day,
        period_start=period_end - timedelta(days=30),
        usage_since=period_end - timedelta(days=30),
        period_end=period_end,
        created_at=NOW - timedelta(days=60),
        updated_at=NOW,
    )


@pytest.fixture
def known(make_page):
    """A small business whose every number is worked out by hand below."""
    env = make_page(DashboardPage, demo_data=False)
    plan = Plan.create(
        code="basic", name="Basic", price_minor=1000, currency="USD", interval_unit="month", created_at=NOW
    )
    people = [Customer.create(name=f"C{i}", email=f"c{i}@example.com", created_at=NOW) for i in range(3)]
    usd = Wallet.create(customer=people[0], currency="USD", balance_minor=5000, created_at=NOW)
    Wallet.create(customer=people[1], currency="USD", balance_minor=250, created_at=NOW)
    eur = Wallet.create(customer=people[2], currency="EUR", balance_minor=700, created_at=NOW)

    add_subscription(people[0], plan, usd, "active", NOW + timedelta(days=2))  # expiring
    add_subscription(people[0], plan, usd, "active", NOW + timedelta(days=20))
    add_subscription(people[0], plan, usd, "active", NOW + timedelta(days=7, hours=1))  # just after the week
    add_subscription(people[1], plan, usd, "pending_renewal", NOW - timedelta(days=1))
    add_subscription(people[1], plan, usd, "canceled", NOW + timedelta(days=6))  # expiring
    add_subscription(people[1], plan, usd, "canceled", NOW - timedelta(hours=1))  # already past
    add_subscription(people[2], plan, eur, "expired", NOW - timedelta(days=3))

    add_ledger_row(usd, "renewal", -123, at(12, 16))  # before the chart window
    add_ledger_row(usd, "renewal", -1000, at(12, 31, 23, 59))  # last month: chart only
    add_ledger_row(usd, "renewal", -1000, at(1, 1, 0, 0))
    add_ledger_row(usd, "renewal", -2500, at(1, 10))
    add_ledger_row(usd, "usage", -300, at(1, 12))
    add_ledger_row(usd, "refund", 400, at(1, 13))  # a charge refunded into the wallet
    add_ledger_row(usd, "refund", -5000, at(1, 14))  # a top-up refunded to the card: not revenue
    add_ledger_row(usd, "topup", 9000, at(1, 14))
    add_ledger_row(usd, "adjustment", -100, at(1, 14))
    add_ledger_row(usd, "renewal", -700, at(1, 15, 8))
    add_ledger_row(eur, "renewal", -800, at(1, 5))

    add_error_item("retrying", at(1, 10))
    add_error_item("manual", at(1, 14))
    add_error_item("resolved", at(1, 11, 8), at(1, 13, 9))
    add_error_item("canceled", at(12, 1), at(12, 20, 10))
    add_error_item("retrying", at(12, 10))

    for status in ("succeeded", "succeeded", "succeeded", "declined"):
        add_gateway_charge(status, NOW - timedelta(hours=3))
    add_gateway_charge("succeeded", NOW - timedelta(days=2))  # outside the 24 hours
    env.page.refresh()
    return env


def test_numbers_match_a_known_dataset(known):
    data = load_dashboard(known.core.clock)
    assert data.as_of == NOW
    assert dict(data.subscriptions_by_status) == {"active": 3, "pending_renewal": 1, "canceled": 2, "expired": 1}
    assert (data.active, data.pending_renewal, data.expiring_this_week) == (3, 1, 2)
    assert data.wallet_float == (("EUR", 700), ("USD", 5250))
    assert data.revenue_this_month == (("EUR", 800), ("USD", 1000 + 2500 + 300 - 400 + 700))
    assert (data.errors_retrying, data.errors_manual, data.unresolved_errors) == (2, 1, 3)
    assert (data.gateway_attempts_24h, data.gateway_succeeded_24h) == (4, 3)
    assert data.gateway_success_rate == 0.75


def test_charts_get_thirty_days_of_exact_numbers(known):
    data = load_dashboard(known.core.clock)
    assert data.days[0] == date(2025, 12, 17) and data.days[-1] == date(2026, 1, 15) and len(data.days) == 30
    usd = dict(data.revenue_by_day)["USD"]
    by_day = dict(zip(data.days, usd, strict=True))
    assert by_day[date(2025, 12, 31)] == 1000 and by_day[date(2026, 1, 1)] == 1000
    assert by_day[date(2026, 1, 13)] == -400 and by_day[date(2026, 1, 15)] == 700
    assert sum(usd) == 1000 + 1000 + 2500 + 300 - 400 + 700
    opened = dict(zip(data.days, data.open_errors_by_day, strict=True))
    assert opened[date(2025, 12, 17)] == 2  # the canceled one is still open, plus the old retrying one
    assert opened[date(2025, 12, 20)] == 1
    assert opened[date(2026, 1, 10)] == 2
    assert opened[date(2026, 1, 11)] == 3
    assert opened[date(2026, 1, 13)] == 2
    assert opened[date(2026, 1, 15)] == 3 == data.unresolved_errors


def test_page_shows_the_numbers_on_cards_and_charts(known):
    page = known.page
    cards = page.cards
    assert cards["active"].value_text == "3"
    assert cards["pending"].value_text == "1"
    assert cards["expiring"].value_text == "2"
    assert cards["float"].value_text == "€7.00 · $52.50"
    assert cards["revenue"].value_text == "€8.00 · $41.00"
    assert cards["errors"].value_text == "3" and "2 retrying · 1 manual" in cards["errors"].detail_label.text()
    assert cards["gateway"].value_text == "75.0 %"
    assert page.status_chart.values == [3, 1, 2, 1]
    assert page.status_chart.labels == ["Active", "Pending renewal", "Canceled", "Expired"]
    assert page.revenue_chart.values[-1] == 7.0 and len(page.revenue_chart.values) == 30
    assert "USD" in page.revenue_panel.heading.text()  # two currencies: the chart says which it draws
    assert page.errors_chart.values[-1] == 3


def test_no_gateway_traffic_says_so(make_page):
    env = make_page(DashboardPage, demo_data=False)
    assert env.page.cards["gateway"].value_text == "no traffic"
    assert env.page.cards["revenue"].value_text == "$0.00"
    assert env.page.status_chart.values == [0, 0, 0, 0]


def test_opens_on_demo_data(make_page):
    env = make_page(DashboardPage)
    page = env.page
    active = Subscription.select().where(Subscription.status == "active").count()
    assert page.cards["active"].value_text == f"{active:,}"
    assert sum(page.status_chart.values) == Subscription.select().count() == 60
    assert page.data.wallet_float == (("USD", sum(w.balance_minor for w in Wallet.select())),)
    assert "Figures as of 2026-01-15 09:00" in page.updated_label.text()


def test_data_changes_refresh_after_a_pause_only_while_visible(known, qtbot):
    page, bridge = known.page, known.bridge
    plan, customer, wallet = Plan.get(), Customer.get(), Wallet.get()
    add_subscription(customer, plan, wallet, "active", NOW + timedelta(days=40))
    bridge.announce(Changes.of(Kind.SUBSCRIPTION))
    bridge.announce(Changes.of(Kind.WALLET))
    assert page.cards["active"].value_text == "3"  # debounced, not at once
    qtbot.waitUntil(lambda: page.cards["active"].value_text == "4", timeout=3000)

    page.hide()
    assert not page.poll_timer.isActive()
    add_subscription(customer, plan, wallet, "active", NOW + timedelta(days=41))
    bridge.announce(Changes.of(Kind.SUBSCRIPTION))
    qtbot.wait(dashboard_module.DEBOUNCE_MS + 300)
    assert page.cards["active"].value_text == "4"  # a hidden dashboard does not query
    page.show()
    page.on_shown()
    assert page.poll_timer.isActive()
    assert page.cards["active"].value_text == "5"


def test_a_failed_load_is_said_quietly_in_the_header(make_page, monkeypatch):
    env = make_page(DashboardPage, demo_data=False)

    def broken(clock):
        raise RuntimeError("database went away")

    monkeypatch.setattr(dashboard_module, "load_dashboard", broken)
    env.page.refresh()
    assert "Could not load the numbers" in env.page.updated_label.text()
    assert env.page.cards["gateway"].value_text == "no traffic"  # the last good figures stay


class _StubWindow(QWidget):
    """Stands in for MainWindow: the two calls a card uses to open its page."""

    def __init__(self):
        super().__init__()
        self.subscriptions = QWidget(self)
        self.subscriptions.setObjectName("SubscriptionsPage")
        self.combo = QComboBox(self.subscriptions)
        self.combo.setObjectName("filter_status")
        for text, value in (("All", None), ("Active", "active"), ("Pending", "pending_renewal")):
            self.combo.addItem(text, value)
        self.shown = []

    def page_named(self, name):
        return self.subscriptions if name == "SubscriptionsPage" else None

    def show_page(self, page_type):
        self.shown.append(page_type)


def test_clicking_a_card_opens_the_page_behind_it_with_its_filter(make_page, qtbot, keep_alive):
    env = make_page(DashboardPage)
    window = _StubWindow()
    keep_alive.append(window)
    qtbot.addWidget(window)
    QVBoxLayout(window).addWidget(env.page)
    window.show()
    card = env.page.cards["pending"]
    with qtbot.waitSignal(env.page.card_activated) as blocker:
        qtbot.mouseClick(card, Qt.MouseButton.LeftButton)
    assert blocker.args == ["pending"]
    assert window.shown == [QWidget]
    assert window.combo.currentData() == "pending_renewal"
    card = env.page.cards["errors"]  # no such page in this window: nothing breaks
    with qtbot.waitSignal(env.page.card_activated):
        card.setFocus()
        qtbot.keyClick(card, Qt.Key.Key_Return)


@pytest.fixture
def dark_property():
    app = QApplication.instance()
    before = app.property("darkTheme")
    app.setProperty("darkTheme", True)
    yield app
    app.setProperty("darkTheme", before)


def test_charts_follow_the_dark_theme(dark_property, make_page):
    env = make_page(DashboardPage, demo_data=False)
    chart = env.page.revenue_chart
    assert chart.backgroundBrush().color().name() == DARK["background"]
    dark_property.setProperty("darkTheme", False)
    QApplication.sendEvent(chart, QEvent(QEvent.Type.PaletteChange))
    assert chart.backgroundBrush().color().name() == LIGHT["background"]


def test_cards_open_their_pages_in_the_main_window(make_gui, qtbot):
    gui = make_gui("operator")
    dashboard = gui.page("DashboardPage")
    assert dashboard.cards["active"].value_text != "—"
    qtbot.mouseClick(dashboard.cards["pending"], Qt.MouseButton.LeftButton)
    subscriptions = gui.window.page_named("SubscriptionsPage")
    assert gui.window.stack.currentWidget() is subscriptions
    assert subscriptions.model.filters.get("status") == "pending_renewal"
    assert subscriptions.status_filter.currentData() == "pending_renewal"
    qtbot.mouseClick(dashboard.cards["errors"], Qt.MouseButton.LeftButton)
    errors = gui.window.page_named("ErrorQueuePage")
    assert gui.window.stack.currentWidget() is errors and errors.model.filters.get("status") == "open"
