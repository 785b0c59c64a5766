"""A customer as the desk shows them, and the names that label a list of invoices."""

import pytest

from services.customer_detail import RECENT_TOPUPS, customer_detail, customer_names
from services.customers import get_or_create_wallet
from services.errors import NotFound, ValidationError
from tests.factories import make_customer, make_plan


def test_the_detail_holds_the_wallets_subscriptions_and_latest_topups(core, clock, admin, operator):
    make_plan(clock, "basic", 1000)
    core.features.create_plan(admin, "euro", "Euro", 700, currency="EUR")
    customer, usd_wallet = make_customer(clock, name="Grace Hopper")
    eur_wallet = get_or_create_wallet(customer.id, "EUR", clock).id
    topups = [core.payments.top_up(operator, customer.email, "20.00") for _ in range(RECENT_TOPUPS)]
    euro_topup = core.payments.top_up(operator, customer.email, "9.00", "EUR")
    basic = core.subscriptions.subscribe(operator, customer.email, "basic")
    euro = core.subscriptions.subscribe(operator, customer.email, "euro")

    detail = customer_detail(customer.id)
    assert (detail.customer.id, detail.customer.name, detail.customer.email, detail.customer.status) == (
        customer.id,
        "Grace Hopper",
        customer.email,
        "active",
    )
    assert [(w.id, w.currency, w.balance_minor) for w in detail.wallets] == [
        (usd_wallet, "USD", RECENT_TOPUPS * 2000 - 1000),
        (eur_wallet, "EUR", 900 - 700),
    ]
    assert [(s.id, s.plan_code, s.status, s.price_minor, s.currency) for s in detail.subscriptions] == [
        (basic.id, "basic", "active", 1000, "USD"),
        (euro.id, "euro", "active", 700, "EUR"),
    ]
    assert detail.subscriptions[0].period_end > clock.now()
    # The newest first, across the wallets, and only the latest few.
    assert [(t.id, t.amount_minor, t.currency, t.status) for t in detail.recent_topups] == [
        (euro_topup.id, 900, "EUR", "succeeded")
    ] + [(t.id, 2000, "USD", "succeeded") for t in reversed(topups[1:])]


def test_a_new_customer_has_one_empty_wallet_and_nothing_else(db, clock):
    customer, wallet_id = make_customer(clock)
    detail = customer_detail(customer.id)
    assert [(w.id, w.balance_minor) for w in detail.wallets] == [(wallet_id, 0)]
    assert detail.subscriptions == () and detail.recent_topups == ()


def test_an_unknown_customer_is_not_found(db, clock):
    customer, _wallet_id = make_customer(clock)
    with pytest.raises(NotFound):
        customer_detail(customer.id + 1000)
    with pytest.raises(ValidationError):
        customer_detail(0)


def test_names_are_looked_up_once_per_customer_and_unknown_ids_left_out(db, clock):
    ada, _ = make_customer(clock, name="Ada Lovelace")
    grace, _ = make_customer(clock, name="Grace Hopper")
    assert customer_names([grace.id, ada.id, grace.id, grace.id + 1000]) == {
        ada.id: "Ada Lovelace",
        grace.id: "Grace Hopper",
    }
    assert customer_names([]) == {}
