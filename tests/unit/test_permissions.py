"""What a role may do with one row, and the rule that says no."""

from datetime import datetime, timedelta

import pytest

from services import lifecycle
from services.auth import SYSTEM
from services.error_queue import ACTION_STATUSES
from services.permissions import Rule, charge_refund_refusal, error_item_refusal, subscription_refusal
from services.retry_policy import STATUSES

NOW = datetime(2026, 1, 15, 9, 0)


def state(
    status: str,
    period_end: datetime = NOW + timedelta(days=10),
    pending_since: datetime | None = None,
    grace_days: int = 3,
) -> lifecycle.SubscriptionState:
    return lifecycle.SubscriptionState(status, period_end, pending_since, grace_days)


@pytest.mark.parametrize("move", lifecycle.MOVES)
def test_a_viewer_may_move_no_subscription(viewer, move):
    refusal = subscription_refusal(viewer, move, state("canceled" if move == "reinstate" else "active"), NOW)
    assert refusal.rule is Rule.ROLE and "viewer" in refusal.message


def test_the_role_is_asked_before_the_row(viewer):
    assert subscription_refusal(viewer, "cancel", state("expired"), NOW).rule is Rule.ROLE


@pytest.mark.parametrize("move", lifecycle.MOVES)
def test_an_operator_moves_a_subscription_whose_state_allows_it(operator, move):
    allowed = state("canceled" if move == "reinstate" else "active")
    assert subscription_refusal(operator, move, allowed, NOW) is None
    refused = subscription_refusal(operator, move, state("expired"), NOW)
    assert refused.rule is lifecycle.Blocked.STATUS and "expired" in refused.message


def test_reinstate_is_refused_once_the_period_or_the_grace_days_are_over(operator):
    ended = subscription_refusal(operator, "reinstate", state("canceled", period_end=NOW), NOW)
    assert ended.rule is lifecycle.Blocked.PERIOD_ENDED and "subscribe again" in ended.message
    waited = state("canceled", pending_since=NOW - timedelta(days=3), grace_days=3)
    assert subscription_refusal(operator, "reinstate", waited, NOW).rule is lifecycle.Blocked.GRACE_PASSED
    in_grace = state("canceled", period_end=NOW - timedelta(days=1), pending_since=NOW - timedelta(days=1))
    assert subscription_refusal(operator, "reinstate", in_grace, NOW) is None


def test_only_an_admin_refunds_and_only_a_charge_that_paid_an_invoice(admin, operator):
    assert charge_refund_refusal(operator, "renewal").rule is Rule.ROLE
    for kind in ("renewal", "usage", "proration"):
        assert charge_refund_refusal(admin, kind) is None
    for kind in ("topup", "refund", "credit", "adjustment", "reversal"):
        refusal = charge_refund_refusal(admin, kind)
        assert refusal.rule is Rule.NOT_A_CHARGE and kind in refusal.message
    assert charge_refund_refusal(SYSTEM, "usage") is None


@pytest.mark.parametrize("action", sorted(ACTION_STATUSES))
def test_a_viewer_takes_no_action_on_the_error_queue(viewer, action):
    refusal = error_item_refusal(viewer, action, "retrying")
    assert refusal.rule is Rule.ROLE and "viewer" in refusal.message


@pytest.mark.parametrize("action", sorted(ACTION_STATUSES))
def test_an_open_item_takes_every_action_and_a_closed_one_only_a_resolve_of_a_cancel(operator, action):
    for status in ("retrying", "manual"):
        assert error_item_refusal(operator, action, status) is None
    for status in ("resolved", "canceled"):
        refusal = error_item_refusal(operator, action, status)
        if action == "error.resolve" and status == "canceled":
            assert refusal is None
        else:
            assert refusal.rule is Rule.ITEM_STATUS and f"is {status}" in refusal.message


def test_every_error_queue_action_is_a_permission_and_applies_to_known_statuses(admin):
    assert set(ACTION_STATUSES) == {"error.retry", "error.cancel", "error.escalate", "error.strategy", "error.resolve"}
    for action, allowed in ACTION_STATUSES.items():
        assert admin.can(action) and set(allowed) <= set(STATUSES)


# --- the role a refused action needs, and operator accounts ---------------------------------------


def test_a_role_refusal_names_the_least_role_that_may_act(viewer, operator):
    from services.permissions import role_refusal, roles_in_order

    assert role_refusal(viewer, "topup").needed_role == "operator"
    assert role_refusal(viewer, "refund").needed_role == "admin"
    assert role_refusal(operator, "refund").needed_role == "admin"
    assert role_refusal(operator, "topup") is None
    assert roles_in_order({"admin", "operator"}) == ["operator", "admin"]


def test_an_admin_is_told_why_an_account_cannot_be_changed(admin, operator):
    from services.auth import OperatorInfo
    from services.permissions import (
        ACCOUNT_DISABLE,
        ACCOUNT_ENABLE,
        ACCOUNT_PASSWORD,
        ACCOUNT_ROLE,
        operator_account_refusal,
    )

    own = OperatorInfo(admin.operator_id, admin.name, "admin", True)
    other = OperatorInfo(7, "bob", "operator", True)
    gone = OperatorInfo(8, "eve", "viewer", False)
    for move in (ACCOUNT_DISABLE, ACCOUNT_ROLE, ACCOUNT_PASSWORD):
        assert operator_account_refusal(admin, move, own).rule is Rule.OWN_ACCOUNT
        assert operator_account_refusal(admin, move, other) is None
        assert operator_account_refusal(operator, move, other).rule is Rule.ROLE
    assert operator_account_refusal(admin, ACCOUNT_ENABLE, other).rule is Rule.ACCOUNT_STATE
    assert operator_account_refusal(admin, ACCOUNT_DISABLE, gone).rule is Rule.ACCOUNT_STATE
    assert operator_account_refusal(admin, ACCOUNT_ENABLE, gone) is None
