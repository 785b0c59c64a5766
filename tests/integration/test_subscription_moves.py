"""The service that moves a subscription and the refusal the desk shows read one rule (lifecycle)."""

import pytest

from models.tables import Subscription
from services import lifecycle
from services.errors import InvalidTransition
from services.permissions import subscription_refusal
from services.subscriptions import subscription_state
from tests.factories import make_customer, make_plan


def refusal(actor, move, subscription_id, clock):
    state = subscription_state(Subscription.get_by_id(subscription_id))
    found = subscription_refusal(actor, move, state, clock.now())
    return None if found is None else found.rule


def test_reinstate_past_the_grace_deadline_is_refused_by_both(core, clock, operator):
    make_plan(clock, "basic", 1000, grace_days=3)
    customer, _ = make_customer(clock, balance_minor=1000)
    sub = core.subscriptions.subscribe(operator, customer.email, "basic")
    clock.advance(days=32)
    core.renewals.renew_due_subscriptions()
    core.subscriptions.cancel(operator, sub.id, "customer stops")
    clock.advance(days=2)
    assert refusal(operator, "reinstate", sub.id, clock) is None
    clock.advance(days=2)
    assert refusal(operator, "reinstate", sub.id, clock) is lifecycle.Blocked.GRACE_PASSED
    with pytest.raises(InvalidTransition, match="grace days have passed"):
        core.subscriptions.reinstate(operator, sub.id, "too late")
    assert Subscription.get_by_id(sub.id).status == "canceled"


def test_reinstate_after_the_paid_period_and_cancel_twice_are_refused_by_both(core, clock, operator):
    make_plan(clock, "basic", 1000)
    customer, _ = make_customer(clock, balance_minor=1000)
    sub = core.subscriptions.subscribe(operator, customer.email, "basic")
    core.subscriptions.cancel(operator, sub.id)
    assert refusal(operator, "cancel", sub.id, clock) is lifecycle.Blocked.STATUS
    with pytest.raises(InvalidTransition, match="cannot cancel a subscription that is canceled"):
        core.subscriptions.cancel(operator, sub.id)
    clock.set(sub.period_end)
    assert refusal(operator, "reinstate", sub.id, clock) is lifecycle.Blocked.PERIOD_ENDED
    with pytest.raises(InvalidTransition, match="paid period has ended"):
        core.subscriptions.reinstate(operator, sub.id)
