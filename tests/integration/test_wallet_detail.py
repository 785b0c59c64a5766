"""A wallet as the desk shows it, what can still go back to the card, and what a correction may take."""

import pytest

from services.errors import InsufficientFunds, NotFound
from services.wallets import adjustment_fits, topup_refund_options, wallet_detail
from tests.factories import make_customer, make_plan
from tests.integration.conftest import set_gateway


def test_the_detail_counts_refunds_that_left_the_wallet_and_shows_the_unsettled_ones(core, clock, admin, operator):
    make_plan(clock, "basic", 1000)
    customer, wallet_id = make_customer(clock, name="Grace Hopper")
    first = core.payments.top_up(operator, customer.email, "50.00")
    second = core.payments.top_up(operator, customer.email, "20.00")
    core.payments.refund_topup(admin, first.id, "5.00", "duplicate order")
    set_gateway(core, error_rate=1.0)
    owed = core.payments.refund_topup(admin, first.id, "2.50", "one more")  # queued: the money has left
    set_gateway(core, error_rate=0.0)
    subscription = core.subscriptions.subscribe(operator, customer.email, "basic")

    detail = wallet_detail(wallet_id)
    assert (detail.id, detail.currency, detail.balance_minor) == (wallet_id, "USD", 7000 - 500 - 250 - 1000)
    assert (detail.customer.name, detail.customer.email, detail.customer.status) == (
        "Grace Hopper",
        customer.email,
        "active",
    )
    assert [(t.id, t.amount_minor, t.refunded_minor) for t in detail.recent_topups] == [
        (second.id, 2000, 0),
        (first.id, 5000, 750),
    ]
    assert [(r.id, r.kind, r.amount_minor, r.status) for r in detail.unsettled_refunds] == [
        (owed.id, "topup", 250, "retrying")
    ]
    assert [(s.id, s.plan_code, s.status) for s in detail.subscriptions] == [(subscription.id, "basic", "active")]
    assert detail.owed_minor == 0
    assert detail.entries == 5  # two top-ups, two refunds to the card, the first period
    with pytest.raises(NotFound):
        wallet_detail(wallet_id + 1000)


def test_the_refund_cap_is_what_is_left_of_the_topup_as_far_as_the_wallet_holds_it(core, clock, admin, operator):
    make_plan(clock, "basic", 6000)
    customer, wallet_id = make_customer(clock)
    older = core.payments.top_up(operator, customer.email, "30.00")
    newer = core.payments.top_up(operator, customer.email, "50.00")
    core.payments.refund_topup(admin, older.id, "10.00", "partly returned")
    core.subscriptions.subscribe(operator, customer.email, "basic")  # the wallet keeps 80 - 10 - 60 = 10.00

    options = topup_refund_options(core.payments, wallet_id)
    assert (options.wallet_id, options.currency, options.balance_minor) == (wallet_id, "USD", 1000)
    assert [(t.id, t.left_minor, t.cap_minor, t.held_back_by_balance) for t in options.topups] == [
        (newer.id, 5000, 1000, True),
        (older.id, 2000, 1000, True),
    ]

    core.payments.adjust_balance(admin, wallet_id, "40.00", "goodwill")
    roomy = {t.id: t for t in topup_refund_options(core.payments, wallet_id).topups}
    assert (roomy[older.id].cap_minor, roomy[older.id].held_back_by_balance) == (2000, False)
    core.payments.refund_topup(admin, older.id, "20.00", "the rest")
    assert [t.id for t in topup_refund_options(core.payments, wallet_id).topups] == [newer.id]


def test_an_adjustment_fits_while_the_wallet_stays_at_zero_or_above(core, clock, admin):
    _customer, wallet_id = make_customer(clock, balance_minor=500)
    assert adjustment_fits(500, -500) and adjustment_fits(0, 1) and adjustment_fits(500, 10)
    assert not adjustment_fits(500, -501)
    with pytest.raises(InsufficientFunds):
        core.payments.adjust_balance(admin, wallet_id, "-5.01", "the service refuses the same")
