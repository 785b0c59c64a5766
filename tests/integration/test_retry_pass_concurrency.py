"""The retry pass with many gateway calls in flight: one call per retry, the pool kept full, the breaker obeyed.

Every count here is reached by construction: a gateway whose calls wait on a barrier
until a given number are in at once, and a breaker that opens at its first failure,
so no figure depends on how the threads happen to be scheduled.
"""

from __future__ import annotations

import logging
import threading
from collections import Counter
from datetime import timedelta

import pytest

from models.tables import CircuitState, ErrorItem, GatewayCharge, LedgerEntry, TopUp
from services.demo import create_demo
from services.errors import GatewayTransientError
from services.payments import KEY_REPLAY_WINDOW
from services.reports import integrity_check
from services.retry_runner import DEFAULT_WORKERS
from tests.conftest import POSTGRES_URL
from tests.factories import make_customer
from tests.integration.conftest import set_gateway

WAIT = 20  # seconds; only reached when something is broken


class GatewayCalls:
    """Counts the calls made to the core's gateway, and how many were in flight at once.

    ``hold``: that many charges (after the first ``skip``) wait until all of them are in flight together.
    ``fail``: every charge raises a transient error (after the hold) without reaching the gateway.
    """

    def __init__(self, gateway, monkeypatch, *, hold: int = 0, skip: int = 0, fail: bool = False) -> None:
        self.lock = threading.Lock()
        self.calls: Counter[str] = Counter()
        self.in_flight = 0
        self.max_in_flight = 0
        self.alone_at_first = None  # whether no other call started while the first one was in flight
        self._first_done = False
        self._held = range(skip + 1, skip + hold + 1)
        self._barrier = threading.Barrier(hold, timeout=WAIT) if hold else None
        self._fail = fail
        for name in ("charge", "get_charge", "refund", "get_refund"):
            monkeypatch.setattr(gateway, name, self._counting(name, getattr(gateway, name)))

    def _counting(self, name, call):
        def counted(*args, **kwargs):
            with self.lock:
                self.calls[name] += 1
                number = sum(self.calls.values())
                self.in_flight += 1
                self.max_in_flight = max(self.max_in_flight, self.in_flight)
                if not self._first_done and number > 1:
                    self.alone_at_first = False
            try:
                if self._barrier is not None and name == "charge" and number in self._held:
                    self._barrier.wait()
                if self._fail and name == "charge":
                    raise GatewayTransientError("the payment gateway answered with a server error")
                return call(*args, **kwargs)
            finally:
                with self.lock:
                    self.in_flight -= 1
                    if number == 1:
                        self._first_done = True
                        self.alone_at_first = self.alone_at_first is not False

        return counted


def queue_failed_topups(core, clock, operator, count: int) -> list[int]:
    """``count`` top-ups that failed in an outage and wait in the queue, all due, the breaker closed."""
    customer, _ = make_customer(clock)
    set_gateway(core, outage=True)
    topups = [core.payments.top_up(operator, customer.email, "5") for _ in range(count)]
    assert all(t.status == "retrying" for t in topups)
    set_gateway(core, outage=False)
    core.circuit.record_success()  # the outage is over
    clock.advance(hours=2)
    return [ErrorItem.get(ErrorItem.subject_id == t.id).id for t in topups]


def statuses(ids) -> Counter[str]:
    return Counter(ErrorItem.get_by_id(i).status for i in ids)


def test_each_retry_of_a_top_up_the_gateway_never_processed_is_one_charge(core, clock, operator, monkeypatch):
    ids = queue_failed_topups(core, clock, operator, 12)
    calls = GatewayCalls(core.gateway, monkeypatch)
    summary = core.retries.process_pending_retries()
    assert summary["succeeded"] == 12
    assert calls.calls == Counter({"charge": 12})  # no lookup first: the key returns whatever happened
    assert {TopUp.get_by_id(ErrorItem.get_by_id(i).subject_id).status for i in ids} == {"succeeded"}
    assert integrity_check()["ok"]


def test_a_retry_whose_charge_had_gone_through_is_credited_once_from_the_one_call(core, clock, operator, monkeypatch):
    # The runner died after the gateway took the charge and before anything was written: the item is
    # still leased to it, its error says the gateway never processed the charge.
    [item_id] = queue_failed_topups(core, clock, operator, 1)
    topup = TopUp.get_by_id(ErrorItem.get_by_id(item_id).subject_id)
    key = f"topup:{topup.idempotency_key}"
    set_gateway(core, latency_min_ms=0)
    first = core.gateway.charge(topup.amount_minor, topup.currency, "cus_1", key)
    ErrorItem.update(lease_owner="dead-runner", lease_until=clock.now() - timedelta(seconds=1)).where(
        ErrorItem.id == item_id
    ).execute()
    calls = GatewayCalls(core.gateway, monkeypatch)
    assert core.retries.process_pending_retries()["succeeded"] == 1
    assert calls.calls == Counter({"charge": 1})
    assert TopUp.get_by_id(topup.id).gateway_charge_id == first.charge_id
    assert GatewayCharge.select().where(GatewayCharge.idempotency_key == key).count() == 1
    assert LedgerEntry.select().where(LedgerEntry.idempotency_key == f"topup:{topup.id}").count() == 1
    assert integrity_check()["ok"]


def test_an_unknown_outcome_or_an_old_key_is_looked_up_before_charging_again(core, clock, operator, monkeypatch):
    customer, _ = make_customer(clock)
    set_gateway(core, timeout_rate=1.0)  # the charge goes through, the answer is lost
    timed_out = core.payments.top_up(operator, customer.email, "7")
    set_gateway(core, timeout_rate=0.0, outage=True)
    old = core.payments.top_up(operator, customer.email, "8")
    set_gateway(core, outage=False)
    assert (timed_out.status, old.status) == ("retrying", "retrying")
    clock.advance(KEY_REPLAY_WINDOW + timedelta(hours=1))  # past the window in which a key is remembered
    calls = GatewayCalls(core.gateway, monkeypatch)
    assert core.retries.process_pending_retries()["succeeded"] == 2
    # the timed-out charge is found by its key and not sent again; the old key is asked about, then charged
    assert calls.calls == Counter({"get_charge": 2, "charge": 1})
    assert {TopUp.get_by_id(t.id).status for t in (timed_out, old)} == {"succeeded"}
    assert integrity_check()["ok"]


def test_the_pass_keeps_as_many_calls_in_flight_as_it_has_workers(core, clock, operator, monkeypatch):
    assert core.retries.runner.workers == DEFAULT_WORKERS >= 32
    ids = queue_failed_topups(core, clock, operator, DEFAULT_WORKERS + 8)
    # The first DEFAULT_WORKERS charges wait until all of them are in flight at once.
    calls = GatewayCalls(core.gateway, monkeypatch, hold=DEFAULT_WORKERS)
    summary = core.retries.process_pending_retries()
    assert summary["succeeded"] == len(ids)
    assert calls.max_in_flight == DEFAULT_WORKERS
    assert calls.calls == Counter({"charge": len(ids)})
    assert integrity_check()["ok"]


def test_a_breaker_opening_mid_pass_stops_new_calls_and_records_those_in_flight(core, clock, operator, monkeypatch):
    workers = 8
    core.retries.runner.workers = workers
    core.circuit.failure_threshold = 1  # opens at the first failure recorded, whichever thread records it
    ids = queue_failed_topups(core, clock, operator, 40)
    attempts = {i: ErrorItem.get_by_id(i).attempts for i in ids}
    # Eight charges are in flight together, then every one fails.
    calls = GatewayCalls(core.gateway, monkeypatch, hold=workers, fail=True)
    summary = core.retries.process_pending_retries()
    assert calls.calls == Counter({"charge": workers})  # not one call once the breaker was open
    assert core.circuit.info().state == "open"
    assert summary == {"due": 40, "succeeded": 0, "rescheduled": workers, "manual": 0, "deferred": 40 - workers}
    tried = [i for i in ids if ErrorItem.get_by_id(i).attempts == attempts[i] + 1]
    assert len(tried) == workers  # the calls in flight finished and each counted its attempt
    retry_at = core.circuit.info().retry_at
    for item_id in set(ids) - set(tried):
        item = ErrorItem.get_by_id(item_id)
        assert item.attempts == attempts[item_id] and item.next_attempt_at == retry_at  # no attempt spent
        assert item.lease_owner is None
    assert statuses(ids) == Counter({"retrying": 40})


def test_a_half_open_breaker_lets_one_probe_through_then_the_rest_run_together(core, clock, operator, monkeypatch):
    ids = queue_failed_topups(core, clock, operator, 40)
    core.circuit.record_failure()
    CircuitState.update(state="open", opened_at=clock.now() - timedelta(hours=1)).execute()  # due for its probe
    # After the probe, the next eight charges wait until all eight are in flight at once.
    calls = GatewayCalls(core.gateway, monkeypatch, hold=8, skip=1)
    summary = core.retries.process_pending_retries()
    assert calls.alone_at_first is True  # the probe went alone
    assert calls.max_in_flight >= 8  # once it closed the breaker, the rest went together
    assert summary["succeeded"] == 40 and calls.calls == Counter({"charge": 40})
    assert statuses(ids) == Counter({"resolved": 40})
    assert core.circuit.info().state == "closed"


def test_a_failing_probe_is_the_only_call_and_the_rest_wait_without_spending_an_attempt(
    core, clock, operator, monkeypatch
):
    ids = queue_failed_topups(core, clock, operator, 40)
    core.circuit.record_failure()
    CircuitState.update(state="open", opened_at=clock.now() - timedelta(hours=1)).execute()
    attempts = {i: ErrorItem.get_by_id(i).attempts for i in ids}
    calls = GatewayCalls(core.gateway, monkeypatch, fail=True)
    summary = core.retries.process_pending_retries()
    assert calls.calls == Counter({"charge": 1})
    assert summary == {"due": 40, "succeeded": 0, "rescheduled": 1, "manual": 0, "deferred": 39}
    assert sum(ErrorItem.get_by_id(i).attempts - attempts[i] for i in ids) == 1


def test_many_threads_record_outcomes_without_a_locked_database(core, clock, operator, caplog):
    ids = queue_failed_topups(core, clock, operator, 150)
    with caplog.at_level(logging.WARNING):
        summary = core.retries.process_pending_retries()
    assert summary["succeeded"] == len(ids)
    assert not [r for r in caplog.records if "locked" in r.getMessage() or r.exc_info]
    assert statuses(ids) == Counter({"resolved": len(ids)})
    assert integrity_check()["ok"]


@pytest.mark.parametrize("probe_fails", [False, True])
def test_retry_now_after_an_outage_still_probes_once(core, clock, operator, monkeypatch, probe_fails):
    customer, _ = make_customer(clock)
    set_gateway(core, outage=True)
    topups = [core.payments.top_up(operator, customer.email, "5") for _ in range(20)]
    ids = [ErrorItem.get(ErrorItem.subject_id == t.id).id for t in topups]
    set_gateway(core, outage=probe_fails)
    calls = GatewayCalls(core.gateway, monkeypatch)
    report = core.retries.retry_now_report(operator, ids)
    if probe_fails:
        assert calls.calls == Counter({"charge": 1})
        assert (len(report.failing), len(report.not_attempted)) == (1, 19)
    else:
        assert calls.alone_at_first is True and calls.calls == Counter({"charge": 20})
        assert sorted(report.resolved) == sorted(ids)


@pytest.mark.skipif(bool(POSTGRES_URL), reason="reads SQLite's query plans")
def test_crediting_a_retried_top_up_reads_only_its_own_wallets_invoices(core, clock, operator, db):
    # Every wallet of the demo has paid invoices; a credit must not read them all (it did, once per top-up).
    create_demo(clock, customers=40, seed=3)
    queue_failed_topups(core, clock, operator, 3)
    statements: list[str] = []
    connection = db.connection()
    core.retries.runner.workers = 1  # on this thread, whose statements the trace sees
    connection.set_trace_callback(statements.append)
    try:
        assert core.retries.process_pending_retries()["succeeded"] == 3
    finally:
        connection.set_trace_callback(None)
    payments = [s for s in statements if "invoice_payment" in s and s.lstrip().upper().startswith("SELECT")]
    assert payments, "the credit looked for what the wallet owes"
    for statement in payments:
        plan = [row[3] for row in connection.execute("EXPLAIN QUERY PLAN " + statement).fetchall()]
        assert not [step for step in plan if step.startswith("SCAN")], (statement[:200], plan)
