"""The error queue's report panel shows the subscriptions waiting for funds as a line of their own."""

from datetime import timedelta

from services.auth import SYSTEM
from services.changes import Changes, Kind
from tests.factories import make_customer, make_plan
from ui.pages.error_queue import ErrorQueuePage


def go_pending(env, plan_code: str, price_minor: int, customers: int) -> None:
    make_plan(env.clock, plan_code, price_minor)
    subscriptions = []
    for _ in range(customers):
        customer, _ = make_customer(env.clock, balance_minor=price_minor)
        subscriptions.append(env.core.subscriptions.subscribe(SYSTEM, customer.email, plan_code))
    env.clock.set(subscriptions[0].period_end + timedelta(hours=2))
    assert env.core.renewals.renew_due_subscriptions()["pending_renewal"] == customers


def test_the_panel_shows_how_many_wait_for_funds_since_when_and_what_is_at_risk(make_page, qtbot):
    env = make_page(ErrorQueuePage, demo_data=False)
    line = env.page.report.pending_renewal
    assert line.isVisible() and line.text() == "No subscription is waiting for funds"

    go_pending(env, "basic", 1250, customers=2)
    env.clock.advance(hours=1)
    env.bridge.announce(Changes.of(Kind.SUBSCRIPTION))
    qtbot.waitUntil(lambda: "waiting for funds: 2" in line.text(), timeout=3000)
    assert line.text() == "Subscriptions waiting for funds: 2 · oldest 1 h 0 min · at risk $25.00"
    assert env.page.report.model.rowCount() == 0  # waiting for funds is not a failed operation


def test_the_line_lists_each_currency_and_hides_without_a_report(make_page):
    env = make_page(ErrorQueuePage, demo_data=False)
    env.page.report.set_report(
        {
            "pending_renewal": {
                "count": 1,
                "oldest_age_seconds": 90,
                "amount_at_risk_by_currency": {"EUR": 900, "USD": 100},
            }
        }
    )
    line = env.page.report.pending_renewal
    assert line.text() == "Subscriptions waiting for funds: 1 · oldest 1 min · at risk €9.00, $1.00"
    env.page.report.set_report({})
    assert not line.isVisible()
