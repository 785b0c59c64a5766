"""A service whose transaction PostgreSQL aborts for a deadlock runs it again: the operator sees one result.

The deadlock is made up (an error with PostgreSQL's code, raised once after the audit row is
written), so each entry point's retry is checked on either engine; the real one is in
test_write_conflicts.py.
"""

from __future__ import annotations

import pytest

import services.error_queue
import services.payments
import services.subscriptions
from models.tables import AuditEntry, LedgerEntry, Refund, Subscription
from services.audit import record_audit
from services.reports import integrity_check
from tests.factories import balance, make_customer, make_plan
from tests.unit.test_write_attempts import deadlock


@pytest.fixture
def one_deadlock(monkeypatch):
    """Abort the first transaction that writes an audit row in ``module``, after it wrote it."""

    def arm(module) -> list[str]:
        aborted: list[str] = []

        def audit_then_abort(*args, **kwargs):
            row = record_audit(*args, **kwargs)
            if not aborted:
                aborted.append(args[2])
                raise deadlock()
            return row

        monkeypatch.setattr(module, "record_audit", audit_then_abort)
        return aborted

    return arm


def audits(action: str) -> int:
    return AuditEntry.select().where(AuditEntry.action == action).count()


def test_an_adjustment_hit_by_a_deadlock_is_made_once(core, clock, admin, one_deadlock):
    _, wallet_id = make_customer(clock, balance_minor=1000)
    adjustments = LedgerEntry.select().where(LedgerEntry.kind == "adjustment").count()
    aborted = one_deadlock(services.payments)
    entry = core.payments.adjust_balance(admin, wallet_id, 250, "goodwill")
    assert aborted == ["wallet.adjust"]
    assert entry.amount_minor == 250 and balance(wallet_id) == 1250
    assert LedgerEntry.select().where(LedgerEntry.kind == "adjustment").count() == adjustments + 1
    assert audits("wallet.adjust") == 1
    assert integrity_check(clock.now())["ok"]


def test_a_subscribe_hit_by_a_deadlock_charges_one_period(core, clock, operator, one_deadlock):
    make_plan(clock, "basic", 400)
    customer, wallet_id = make_customer(clock, balance_minor=1000)
    aborted = one_deadlock(services.subscriptions)
    info = core.subscriptions.subscribe(operator, customer.email, "basic")
    assert aborted == ["subscription.subscribe"] and info.status == "active"
    assert Subscription.select().count() == 1 and balance(wallet_id) == 600
    assert audits("subscription.subscribe") == 1
    assert integrity_check(clock.now())["ok"]


def test_a_cancel_and_a_refund_hit_by_a_deadlock_happen_once(core, clock, admin, operator, one_deadlock):
    make_plan(clock, "basic", 400)
    customer, wallet_id = make_customer(clock, balance_minor=1000)
    sub = core.subscriptions.subscribe(operator, customer.email, "basic")
    one_deadlock(services.subscriptions)
    assert core.subscriptions.cancel(operator, sub.id, "moving away").status == "canceled"
    assert audits("subscription.cancel") == 1

    charge = LedgerEntry.get((LedgerEntry.wallet == wallet_id) & (LedgerEntry.kind == "renewal"))
    aborted = one_deadlock(services.payments)
    refund = core.payments.refund_charge(admin, charge.id, "4.00", "never used it")
    assert aborted == ["refund.charge"] and refund.amount_minor == 400
    assert Refund.select().count() == 1 and balance(wallet_id) == 1000
    assert integrity_check(clock.now())["ok"]


def test_an_operator_action_hit_by_a_deadlock_is_done_once(core, clock, operator, one_deadlock):
    item = core.retries.record_failure("topup", "topup", 1, ValueError("lost"))
    aborted = one_deadlock(services.error_queue)
    [escalated] = core.retries.escalate(operator, [item.id], "look at it")
    assert aborted == ["error.escalate"] and escalated.status == "manual"
    assert audits("error.escalate") == 1
