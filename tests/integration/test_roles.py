"""Who may do what: every operator action, called for real through the services for each role.

The matrix below is the product's rule (viewer reads, and may mark what it has
read; operator runs the daily desk: customers, top-ups, subscriptions, usage,
the error queue; admin also moves money back, adjusts balances and changes
plans, operators and settings).
A refused action raises PermissionDenied and writes nothing at all; an allowed
one leaves an audit row naming who did it.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, replace
from datetime import datetime

import keyring
import pytest

from models.db import database, init_database
from models.migrations import migrate
from models.tables import ALL_TABLES, AuditEntry, ErrorItem, LedgerEntry, Notification, UsageRecord
from services.auth import SYSTEM, Actor
from services.clock import FixedClock
from services.errors import PermissionDenied
from tests.conftest import MemoryKeyring
from tests.integration.conftest import set_gateway

ACTORS = {
    "viewer": Actor("vera", "viewer", 3),
    "operator": Actor("oscar", "operator", 2),
    "admin": Actor("alice", "admin", 1),
}

# Who may do what.                      viewer operator admin
MATRIX = {
    "create customer": (False, True, True),
    "edit customer": (False, True, True),
    "top up": (False, True, True),
    "subscribe": (False, True, True),
    "cancel subscription": (False, True, True),
    "reinstate subscription": (False, True, True),
    "change plan": (False, True, True),
    "record usage": (False, True, True),
    "refund top-up": (False, False, True),
    "refund charge": (False, False, True),
    "adjust balance": (False, False, True),
    "create plan": (False, False, True),
    "edit plan": (False, False, True),
    "create feature": (False, False, True),
    "set plan feature": (False, False, True),
    "create operator": (False, False, True),
    "set operator role": (False, False, True),
    "change settings": (False, False, True),
    "configure gateway": (False, False, True),
    "retry error item now": (False, True, True),
    "cancel error item retry": (False, True, True),
    "change error item strategy": (False, True, True),
    "resolve error item": (False, True, True),
    "escalate error item": (False, True, True),
    "mark notifications read": (True, True, True),
    "mark all notifications read": (True, True, True),
}
ROLES = ("viewer", "operator", "admin")
START = datetime(2026, 1, 15, 9, 0, 0)


@dataclass
class Desk:
    """A small business with something for every action to act on."""

    core: object
    first: object
    second: object
    wallet_id: int
    to_cancel: int
    to_reinstate: int
    to_change: int
    paid_topup: int
    renewal_charge: int
    error_items: list[int]
    unread: list[int]


def open_core(path, clock):
    from scheduler.core import build_core

    init_database(str(path))
    database.connect(reuse_if_open=True)
    migrate()
    core = build_core(clock, gateway_sleep=lambda seconds: None)
    core.secrets.set("gateway_api_key", "sk_test_roles")
    return core


def build_desk(core) -> Desk:
    features = core.features
    core.settings.update(SYSTEM, {"gateway.seed": 1, "gateway.latency_min_ms": 0, "gateway.latency_max_ms": 0})
    features.create_plan(SYSTEM, "basic", "Basic", 1000, "USD", "month", 1, 3)
    features.create_plan(SYSTEM, "pro", "Pro", 2500, "USD", "month", 1, 3)
    features.create_plan(SYSTEM, "lite", "Lite", 400, "USD", "month", 1, 3)
    features.create_feature(SYSTEM, "api-calls", "API calls", "usage", "call")
    features.set_plan_feature(SYSTEM, "basic", "api-calls", pricing="flat", unit_price_minor=2)
    core.operators.create_operator(SYSTEM, "otto", "correct-horse-battery", "viewer")

    first = core.customers.create_customer(SYSTEM, "Ada Lovelace", "ada@example.com")
    second = core.customers.create_customer(SYSTEM, "Grace Hopper", "grace@example.com")
    paid = core.payments.top_up(SYSTEM, first.email, "100.00", idempotency_key="setup-ada")
    core.payments.top_up(SYSTEM, second.email, "100.00", idempotency_key="setup-grace")
    assert paid.status == "succeeded"
    to_cancel = core.subscriptions.subscribe(SYSTEM, first.email, "basic")
    to_change = core.subscriptions.subscribe(SYSTEM, first.email, "pro")
    to_reinstate = core.subscriptions.subscribe(SYSTEM, second.email, "basic")
    core.subscriptions.cancel(SYSTEM, to_reinstate.id)
    charge = LedgerEntry.get((LedgerEntry.kind == "renewal") & (LedgerEntry.ref_id == to_cancel.id))

    set_gateway(core, error_rate=1.0)
    failed = [
        core.payments.top_up(SYSTEM, second.email, f"{n + 1}.00", idempotency_key=f"setup-failing-{n}")
        for n in range(5)
    ]
    set_gateway(core, error_rate=0.0)
    core.circuit.record_success()  # the gateway answers again
    items = [ErrorItem.get((ErrorItem.subject_id == t.id) & (ErrorItem.operation == "topup")).id for t in failed]
    assert {core.retries.get(i).status for i in items} == {"retrying"}
    unread = [n.id for n in core.notifications.recent(unread_only=True)]
    assert len(unread) >= 2
    return Desk(
        core,
        first,
        second,
        paid.wallet_id,
        to_cancel.id,
        to_reinstate.id,
        to_change.id,
        paid.id,
        charge.id,
        items,
        unread,
    )


@pytest.fixture(scope="module")
def desk_template(tmp_path_factory):
    """The desk is built once; each test gets its own copy of the database file."""
    path = tmp_path_factory.mktemp("roles") / "desk.sqlite3"
    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    try:
        template = build_desk(open_core(path, FixedClock(START)))
    finally:
        database.close()
        keyring.set_keyring(previous)
    return path, template


@pytest.fixture
def desk(desk_template, tmp_path, clock):
    path, template = desk_template
    copy = tmp_path / "desk.sqlite3"
    shutil.copyfile(path, copy)
    core = open_core(copy, clock)
    yield replace(template, core=core)
    database.close()


ACTIONS = {
    "create customer": lambda d, a: d.core.customers.create_customer(a, "Alan Turing", "alan@example.com"),
    "edit customer": lambda d, a: d.core.customers.update_customer(
        a, d.second.id, name="Grace B. Hopper", reason="married name"
    ),
    "top up": lambda d, a: d.core.payments.top_up(a, d.first.email, "15.00", idempotency_key="desk-topup"),
    "subscribe": lambda d, a: d.core.subscriptions.subscribe(a, d.second.email, "pro"),
    "cancel subscription": lambda d, a: d.core.subscriptions.cancel(a, d.to_cancel, "asked by email"),
    "reinstate subscription": lambda d, a: d.core.subscriptions.reinstate(a, d.to_reinstate, "changed her mind"),
    "change plan": lambda d, a: d.core.subscriptions.change_plan(a, d.to_change, "lite", "downgrade"),
    "record usage": lambda d, a: d.core.features.record_usage(a, d.to_cancel, "api-calls", 3),
    "refund top-up": lambda d, a: d.core.payments.refund_topup(a, d.paid_topup, 500, "double order"),
    "refund charge": lambda d, a: d.core.payments.refund_charge(a, d.renewal_charge, 250, "service outage"),
    "adjust balance": lambda d, a: d.core.payments.adjust_balance(a, d.wallet_id, 300, "goodwill"),
    "create plan": lambda d, a: d.core.features.create_plan(a, "gold", "Gold", 5000, "USD", "month", 1, 3),
    "edit plan": lambda d, a: d.core.features.update_plan(a, "basic", price_minor=1100, reason="new prices"),
    "create feature": lambda d, a: d.core.features.create_feature(a, "seats", "Seats", "quota", "seat"),
    "set plan feature": lambda d, a: d.core.features.set_plan_feature(
        a, "pro", "api-calls", pricing="flat", unit_price_minor=1
    ),
    "create operator": lambda d, a: d.core.operators.create_operator(a, "newbie", "long-enough-password", "viewer"),
    "set operator role": lambda d, a: d.core.operators.set_role(a, "otto", "operator", "promoted"),
    "change settings": lambda d, a: d.core.settings.update(a, {"reminder_days": 5}, "longer notice"),
    "configure gateway": lambda d, a: d.core.settings.update(
        a, {"gateway.error_rate": 0.2}, "chaos drill", action="gateway.configure"
    ),
    "retry error item now": lambda d, a: d.core.retries.retry_now(a, [d.error_items[0]]),
    "cancel error item retry": lambda d, a: d.core.retries.cancel_retry(a, [d.error_items[1]], "card replaced"),
    "change error item strategy": lambda d, a: d.core.retries.change_strategy(
        a, [d.error_items[2]], "fixed", "maintenance window"
    ),
    "resolve error item": lambda d, a: d.core.retries.resolve(a, [d.error_items[3]], "credited by hand"),
    "escalate error item": lambda d, a: d.core.retries.escalate(a, [d.error_items[4]], "needs a look"),
    "mark notifications read": lambda d, a: d.core.notifications.mark_read(a, d.unread[:1]),
    "mark all notifications read": lambda d, a: d.core.notifications.mark_all_read(a),
}


def snapshot() -> dict[str, list[tuple]]:
    """Every row of every table, to prove that a refused action wrote nothing."""
    return {
        model._meta.table_name: list(model.select().order_by(*model._meta.get_primary_keys()).tuples())
        for model in ALL_TABLES
    }


def test_the_matrix_names_every_action():
    assert set(MATRIX) == set(ACTIONS)


CASES = [(role, action) for role in ROLES for action in MATRIX]


@pytest.mark.parametrize(("role", "action"), CASES, ids=[f"{r}-{a.replace(' ', '-')}" for r, a in CASES])
def test_role_may_or_may_not(desk, role, action):
    actor = ACTORS[role]
    allowed = MATRIX[action][ROLES.index(role)]
    before = snapshot()
    last_audit = AuditEntry.select().order_by(AuditEntry.id.desc()).first().id
    if not allowed:
        with pytest.raises(PermissionDenied):
            ACTIONS[action](desk, actor)
        assert snapshot() == before, f"{role} was refused '{action}' but something was written"
        return
    ACTIONS[action](desk, actor)
    assert snapshot() != before, f"'{action}' by {role} changed nothing"
    audit = list(AuditEntry.select().where(AuditEntry.id > last_audit))
    if action == "record usage":
        assert UsageRecord.select().where(UsageRecord.actor == actor.name).count() == 1
    else:
        assert audit, f"'{action}' by {role} left no audit row"
        assert actor.name in {row.actor for row in audit}


def test_the_outcomes_of_allowed_actions_are_what_was_asked(desk):
    """The matrix test proves something was written; these are the writes an operator expects."""
    admin = ACTORS["admin"]
    core = desk.core
    assert core.subscriptions.cancel(admin, desk.to_cancel).status == "canceled"
    assert core.subscriptions.reinstate(admin, desk.to_reinstate).status == "active"
    assert core.retries.resolve(admin, [desk.error_items[3]], "by hand")[0].status == "resolved"
    assert core.retries.escalate(admin, [desk.error_items[4]], "look")[0].status == "manual"
    assert core.notifications.mark_all_read(admin) >= 2
    assert Notification.select().where(Notification.read_at.is_null()).count() == 0
    assert core.operators.set_role(admin, "otto", "admin").role == "admin"


def test_a_settings_change_cannot_pass_itself_off_as_another_action(desk):
    """Settings are checked against their own permissions, never one the caller names."""
    operator = ACTORS["operator"]
    before = snapshot()
    for borrowed in ("topup", "notification.read", "customer.create"):
        with pytest.raises(ValueError, match="settings are changed under"):
            desk.core.settings.update(operator, {"gateway.outage": True}, action=borrowed)
    assert snapshot() == before
    assert desk.core.settings.get("gateway.outage") is False
