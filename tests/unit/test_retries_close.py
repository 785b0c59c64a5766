"""Closing an error item while a runner holds it: the close is refused before it settles anything."""

from __future__ import annotations

import random
import threading

import pytest

from models.tables import AuditEntry, ErrorItem, Refund
from services.auth import SYSTEM
from services.error_items import ErrorItemInfo
from services.errors import Conflict, GatewayDeclined, GatewayTransientError
from services.notifications import NotificationCenter
from services.reports import integrity_check
from services.retries import RetryManager
from tests.factories import balance, make_customer

WAIT = 10  # seconds; only reached when something is broken


@pytest.fixture
def manager(db, clock):
    return RetryManager(clock, NotificationCenter(clock), rng=random.Random(7), owner="runner-a", workers=1)


class BlockingRefund:
    """A refund handler that stops half way through sending until the test lets it go."""

    def __init__(self):
        self.sending = threading.Event()
        self.release = threading.Event()
        self.settled_before_close: list[int] = []

    def run(self, item: ErrorItemInfo) -> str:
        self.sending.set()
        assert self.release.wait(WAIT), "the test never let the refund go"
        return "refund sent"

    def before_close(self, item: ErrorItemInfo) -> None:
        self.settled_before_close.append(item.id)


class RunnerThread(threading.Thread):
    def __init__(self, manager: RetryManager):
        super().__init__(name="retry-runner", daemon=True)
        self.manager = manager
        self.result: dict | None = None
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            self.result = self.manager.process_pending_retries()
        except BaseException as error:  # pragma: no cover - reported by the test
            self.error = error

    def finish(self) -> dict:
        self.join(WAIT)
        assert not self.is_alive(), "the retry pass did not finish"
        assert self.error is None, self.error
        return self.result


def fail_refund(manager, subject_id: int, error: Exception | None = None) -> ErrorItemInfo:
    return manager.record_failure(
        "refund", "refund", subject_id, error or GatewayTransientError("gateway said 502"), amount_minor=1500
    )


def close_audits() -> int:
    return AuditEntry.select().where(AuditEntry.action.in_(("error.cancel", "error.resolve"))).count()


def test_an_item_a_runner_is_sending_cannot_be_closed_and_is_not_settled(manager, operator, clock):
    refund = BlockingRefund()
    manager.register("refund", refund.run, urgent=True, before_close=refund.before_close)
    busy = fail_refund(manager, subject_id=1)
    clock.advance(hours=1)
    runner = RunnerThread(manager)
    runner.start()
    assert refund.sending.wait(WAIT)
    idle = fail_refund(manager, subject_id=2, error=GatewayDeclined("no such charge"))  # waits for an operator

    with pytest.raises(Conflict, match="being retried"):
        manager.cancel_retry(operator, [busy.id], "customer wants store credit")
    with pytest.raises(Conflict, match="being retried"):
        manager.resolve(operator, [busy.id], "refunded by bank transfer")
    with pytest.raises(Conflict, match=f"#{busy.id} is being retried"):
        manager.cancel_retry(operator, [idle.id, busy.id], "tidy up")  # all or none

    assert refund.settled_before_close == []
    assert manager.get(busy.id).lease_owner == "runner-a"
    assert manager.get(idle.id) == idle and close_audits() == 0

    refund.release.set()
    assert runner.finish()["succeeded"] == 1
    done = manager.get(busy.id)
    assert (done.status, done.resolved_by, done.resolution, done.lease_owner) == (
        "resolved",
        "system",
        "refund sent",
        None,
    )
    assert refund.settled_before_close == []


def test_a_close_holds_the_lease_while_it_settles_then_lets_go(manager, operator, clock):
    leases = []

    def before_close(item: ErrorItemInfo) -> None:
        row = ErrorItem.get_by_id(item.id)
        leases.append((row.lease_owner, row.lease_until))
        # A runner looking now finds nothing it may take.
        assert manager.process_pending_retries()["due"] == 0

    handler_calls = []
    manager.register("refund", handler_calls.append, urgent=True, before_close=before_close)
    items = [fail_refund(manager, subject_id=n) for n in (1, 2)]
    clock.advance(hours=1)
    closed = manager.cancel_retry(operator, [i.id for i in items], "customer wants store credit")

    assert [(c.status, c.lease_owner, c.lease_until) for c in closed] == [("canceled", None, None)] * 2
    assert len(leases) == 2 and len({owner for owner, _ in leases}) == 1
    owner, until = leases[0]
    assert owner and owner != manager.queue.lease.holder and until == clock.now() + manager.queue.lease.length
    assert handler_calls == [] and close_audits() == 2


def test_a_refused_settlement_releases_the_lease_and_writes_nothing(manager, operator, clock):
    def before_close(item: ErrorItemInfo) -> None:
        raise Conflict("cannot confirm with the gateway; try again later")

    manager.register("refund", lambda item: "refund sent", urgent=True, before_close=before_close)
    item = fail_refund(manager, subject_id=1)
    with pytest.raises(Conflict, match="cannot confirm"):
        manager.resolve(operator, [item.id], "refunded by bank transfer")
    assert manager.get(item.id) == item and close_audits() == 0
    clock.advance(hours=1)
    assert manager.process_pending_retries()["succeeded"] == 1  # the item is free to run again


def test_a_close_refused_for_status_claims_nothing(manager, operator):
    calls = []
    manager.register("refund", lambda item: "refund sent", urgent=True, before_close=calls.append)
    open_item = fail_refund(manager, subject_id=1)
    done = manager.resolve(operator, [fail_refund(manager, subject_id=2).id], "refunded by hand")[0]
    calls.clear()
    with pytest.raises(Conflict, match=f"#{done.id} is resolved"):
        manager.cancel_retry(operator, [open_item.id, done.id], "tidy up")
    assert calls == [] and manager.get(open_item.id) == open_item


def test_a_close_after_its_lease_ran_out_still_closes_when_nobody_took_the_item(manager, operator, clock):
    def slow_settlement(item: ErrorItemInfo) -> None:
        clock.advance(seconds=manager.queue.lease.length.total_seconds() + 1)

    manager.register("refund", lambda item: "refund sent", urgent=True, before_close=slow_settlement)
    item = fail_refund(manager, subject_id=1)
    [closed] = manager.cancel_retry(operator, [item.id], "customer wants store credit")
    assert (closed.status, closed.lease_owner) == ("canceled", None)


# --- the card refund, end to end ---------------------------------------------------------------


@pytest.fixture
def core(db, clock):
    from scheduler.core import build_core

    built = build_core(clock, gateway_sleep=lambda seconds: None)
    built.secrets.set("gateway_api_key", "sk_test_unit")
    built.settings.update(SYSTEM, {"gateway.seed": 1, "gateway.latency_min_ms": 0, "gateway.latency_max_ms": 0})
    return built


def set_gateway(core, **knobs):
    core.settings.update(SYSTEM, {f"gateway.{k}": v for k, v in knobs.items()}, action="gateway.configure")


def test_a_card_refund_in_flight_is_paid_once_when_an_operator_tries_to_close_it(
    core, clock, admin, operator, monkeypatch
):
    customer, wallet_id = make_customer(clock)
    topup = core.payments.top_up(operator, customer.email, "50.00")
    set_gateway(core, error_rate=1.0)
    refund = core.payments.refund_topup(admin, topup.id, "15.00", "duplicate order")
    item = ErrorItem.get((ErrorItem.operation == "refund") & (ErrorItem.subject_id == refund.id))
    set_gateway(core, error_rate=0.0)
    assert balance(wallet_id) == 3500

    sending, release = threading.Event(), threading.Event()
    send_refund = core.gateway.refund

    def refund_in_flight(*args, **kwargs):
        sending.set()
        assert release.wait(WAIT), "the test never let the refund go"
        return send_refund(*args, **kwargs)

    monkeypatch.setattr(core.gateway, "refund", refund_in_flight)
    clock.advance(hours=1)
    runner = RunnerThread(core.retries)
    runner.start()
    assert sending.wait(WAIT)

    with pytest.raises(Conflict, match="being retried"):
        core.retries.cancel_retry(operator, [item.id], "customer wants store credit")
    with pytest.raises(Conflict, match="being retried"):
        core.retries.resolve(operator, [item.id], "handled by phone")
    assert balance(wallet_id) == 3500  # nothing was put back while the card refund was on its way
    assert Refund.get_by_id(refund.id).status == "retrying"

    release.set()
    assert runner.finish()["succeeded"] == 1
    assert Refund.get_by_id(refund.id).status == "succeeded"
    assert balance(wallet_id) == 3500
    assert ErrorItem.get_by_id(item.id).status == "resolved"
    assert integrity_check()["ok"]


def test_closing_a_refund_nobody_is_sending_still_puts_the_money_back(core, clock, admin, operator):
    customer, wallet_id = make_customer(clock)
    topup = core.payments.top_up(operator, customer.email, "50.00")
    set_gateway(core, error_rate=1.0)
    refund = core.payments.refund_topup(admin, topup.id, "15.00", "duplicate order")
    item = ErrorItem.get((ErrorItem.operation == "refund") & (ErrorItem.subject_id == refund.id))
    set_gateway(core, error_rate=0.0)
    [closed] = core.retries.cancel_retry(operator, [item.id], "customer wants store credit")
    assert (closed.status, closed.lease_owner) == ("canceled", None)
    assert balance(wallet_id) == 5000 and Refund.get_by_id(refund.id).status == "failed"
    assert integrity_check()["ok"]


def test_a_failure_recorded_while_a_close_holds_the_item_is_counted_when_the_close_is_refused(manager, operator):
    def before_close(item: ErrorItemInfo) -> None:
        manager.record_failure("refund", "refund", item.subject_id, GatewayTransientError("gateway said 503"))
        raise Conflict("cannot confirm with the gateway; try again later")

    manager.register("refund", lambda item: "refund sent", urgent=True, before_close=before_close)
    item = fail_refund(manager, subject_id=1)
    with pytest.raises(Conflict, match="cannot confirm"):
        manager.cancel_retry(operator, [item.id], "customer wants store credit")
    after = manager.get(item.id)
    assert (after.status, after.attempts, after.message, after.lease_owner) == ("retrying", 2, "gateway said 503", None)
    assert [(a.number, a.outcome, a.message) for a in manager.attempts(item.id)] == [
        (1, "failed", "gateway said 502"),
        (2, "failed", "gateway said 503"),
    ]
