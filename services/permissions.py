"""What an operator may do with one row, and if not, why.

The desk asks these before it offers an action (a disabled button says why on hover, and a
page says which role its greyed-out actions need);
the services that do the work enforce the same rules (``require`` for the role, the
lifecycle for a subscription's moves, the charge kinds for a refund, the statuses each
error queue action applies to). A refusal names its rule so the desk can word it in the
operator's language, and carries the same sentence in English for the log and the
command line.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import Enum

from services import lifecycle
from services.auth import PERMISSIONS, ROLES, Actor, OperatorInfo, is_same_operator
from services.error_queue import ACTION_STATUSES
from services.invoices import CHARGE_ENTRY_KINDS


class Rule(Enum):
    """A refusal that is not about a subscription's state (those are ``lifecycle.Blocked``)."""

    ROLE = "role"  # the operator's role may not do this at all
    NOT_A_CHARGE = "not_a_charge"  # only a charge that paid an invoice is refunded into the wallet
    ITEM_STATUS = "item_status"  # the error queue action does not apply to an item in this status
    OWN_ACCOUNT = "own_account"  # an admin does not disable, demote or reset their own account
    ACCOUNT_STATE = "account_state"  # the account is already disabled (or already active)
    NOT_LOCKED = "not_locked"  # the account is not locked after failed sign-ins


@dataclass(frozen=True)
class Refusal:
    rule: Rule | lifecycle.Blocked
    message: str
    needed_role: str | None = None  # for a ROLE refusal: the least role that may act (None: no role may)


# The permission each subscription move needs.
MOVE_ACTIONS = {
    lifecycle.CANCEL: "subscription.cancel",
    lifecycle.REINSTATE: "subscription.reinstate",
    lifecycle.CHANGE_PLAN: "subscription.change_plan",
}
_MOVE_WORDS = {
    lifecycle.CANCEL: "cancel",
    lifecycle.REINSTATE: "reinstate",
    lifecycle.CHANGE_PLAN: "change the plan of",
}


def least_role_for(action: str) -> str | None:
    """The least of ``ROLES`` that may take ``action``; every role above it may too."""
    return next((role for role in ROLES if action in PERMISSIONS[role]), None)


def roles_in_order(roles: set[str] | frozenset[str]) -> list[str]:
    """``roles`` from the least to the most powerful (unknown ones last, by name)."""
    return sorted(roles, key=lambda role: (ROLES.index(role) if role in ROLES else len(ROLES), role))


def role_refusal(actor: Actor, action: str) -> Refusal | None:
    if actor.can(action):
        return None
    needed = least_role_for(action)
    message = f"{actor.name} ({actor.role}) may not {action.replace('.', ' ')}"
    if needed is not None:
        message += f"; it needs the {needed} role"
    return Refusal(Rule.ROLE, message, needed)


def subscription_refusal(actor: Actor, move: str, state: lifecycle.SubscriptionState, now: datetime) -> Refusal | None:
    """Why ``actor`` may not ``move`` (cancel, reinstate, change_plan) a subscription in ``state`` now."""
    refused = role_refusal(actor, MOVE_ACTIONS[move])
    if refused is not None:
        return refused
    blocked = lifecycle.move_blocked(state, move, now)
    if blocked is lifecycle.Blocked.STATUS:
        status = state.status.replace("_", " ")
        return Refusal(blocked, f"cannot {_MOVE_WORDS[move]} a subscription that is {status}")
    if blocked is lifecycle.Blocked.GRACE_PASSED:
        return Refusal(
            blocked, "it was canceled while waiting for funds and its grace days have passed; subscribe again instead"
        )
    if blocked is lifecycle.Blocked.PERIOD_ENDED:
        return Refusal(blocked, "the paid period has ended; subscribe again instead")
    return None


def charge_refund_refusal(actor: Actor, entry_kind: str) -> Refusal | None:
    """Why ``actor`` may not refund a ledger entry of ``entry_kind`` into its wallet.

    What is left to refund of an allowed charge is ``PaymentService.charge_refund_terms``.
    """
    refused = role_refusal(actor, "refund")
    if refused is not None:
        return refused
    if entry_kind not in CHARGE_ENTRY_KINDS:
        return Refusal(
            Rule.NOT_A_CHARGE,
            f"a {entry_kind} entry is not a charge that paid an invoice; "
            "only renewal, usage and plan-change charges are refunded into the wallet",
        )
    return None


_ITEM_VERBS = {
    "error.retry": "retried",
    "error.cancel": "canceled",
    "error.escalate": "escalated",
    "error.strategy": "given a new strategy",
    "error.resolve": "resolved",
}


def error_item_refusal(actor: Actor, action: str, status: str) -> Refusal | None:
    """Why ``actor`` may not take ``action`` (one of ``ACTION_STATUSES``) on an error item in ``status``."""
    refused = role_refusal(actor, action)
    if refused is not None:
        return refused
    allowed = ACTION_STATUSES[action]
    if status not in allowed:
        return Refusal(
            Rule.ITEM_STATUS,
            f"an error item that is {status} cannot be {_ITEM_VERBS[action]}; only {' or '.join(allowed)} items can",
        )
    return None


# What an admin does to an operator account (OperatorService's disable, enable, set_role, reset_password).
ACCOUNT_DISABLE, ACCOUNT_ENABLE, ACCOUNT_ROLE, ACCOUNT_PASSWORD = "disable", "enable", "role", "password"
ACCOUNT_UNLOCK = "unlock"
ACCOUNT_SIGN_OUT = "sign_out"  # revoke every remembered sign-in of the account


def operator_account_refusal(actor: Actor, move: str, target: OperatorInfo) -> Refusal | None:
    """Why ``actor`` may not ``move`` the account ``target``; None when the service will try.

    The service checks the same, and one thing more that needs the database at that moment:
    that an active administrator is left.
    """
    refused = role_refusal(actor, "operator.manage")
    if refused is not None:
        return refused
    if move == ACCOUNT_DISABLE and not target.active:
        return Refusal(Rule.ACCOUNT_STATE, f"{target.username} is already disabled")
    if move == ACCOUNT_ENABLE and target.active:
        return Refusal(Rule.ACCOUNT_STATE, f"{target.username} is already active")
    if move == ACCOUNT_UNLOCK and target.locked_until is None:
        return Refusal(Rule.NOT_LOCKED, f"{target.username} is not locked")
    if move in (ACCOUNT_DISABLE, ACCOUNT_ROLE, ACCOUNT_PASSWORD) and is_same_operator(actor, target):
        return Refusal(Rule.OWN_ACCOUNT, "this is your own account; another administrator changes it")
    return None
