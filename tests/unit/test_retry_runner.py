"""The retry runner: the pass over due items, its leases, the breaker, and an operator's retry now."""

from __future__ import annotations

import logging
import random
import threading
import time
from collections import Counter
from datetime import timedelta

import pytest

from models.db import database, write_transaction
from models.tables import ErrorItem
from services.circuit import CircuitBreaker
from services.error_items import ItemLease
from services.error_queue import ErrorQueue
from services.errors import (
    CircuitOpen,
    Conflict,
    GatewayDeclined,
    GatewayTransientError,
    ValidationError,
)
from services.notifications import NotificationCenter
from services.retry_handlers import AttemptFailed
from services.retry_runner import RetryRunner, RunOutcome
from tests.unit.retry_fakes import FakeCircuit, Recorder, audit_rows, fail_topup, make_due, notices


@pytest.fixture
def notifications(db, clock):
    return NotificationCenter(clock)


def make_queue(clock, notifications, holder: str | None = "runner-a", seed: int | None = 7) -> ErrorQueue:
    rng = random.Random(seed) if seed is not None else None
    return ErrorQueue(clock, notifications, lease=ItemLease.of(holder), rng=rng)


@pytest.fixture
def queue(clock, notifications):
    return make_queue(clock, notifications)


@pytest.fixture
def runner(queue):
    return RetryRunner(queue, workers=1)


# --- the retry pass ------------------------------------------------------------------


def test_a_handler_that_returns_resolves_the_item(queue, runner, clock):
    queue.handlers.register(
        "topup", lambda item: "reconciled: charge ch_1 had gone through" if item.subject_id == 1 else None
    )
    item = fail_topup(queue)
    quiet = fail_topup(queue, subject_id=2)
    make_due(clock)
    counts = runner.process_pending_retries()
    assert counts == {"due": 2, "succeeded": 2, "rescheduled": 0, "manual": 0, "deferred": 0}
    done = queue.get(item.id)
    assert (done.status, done.resolved_by, done.resolved_at) == ("resolved", "system", clock.now())
    assert done.resolution == "reconciled: charge ch_1 had gone through" and done.next_attempt_at is None
    assert queue.get(quiet.id).resolution == "succeeded on retry"
    assert [(a.number, a.outcome) for a in queue.attempts(item.id)] == [(1, "failed"), (2, "succeeded")]


def test_only_due_items_run_earliest_first_and_limit_is_respected(queue, runner, clock):
    handler = Recorder()
    queue.handlers.register("topup", handler)
    items = [fail_topup(queue, subject_id=n) for n in range(1, 5)]
    assert runner.process_pending_retries() == {"due": 0, "succeeded": 0, "rescheduled": 0, "manual": 0, "deferred": 0}
    make_due(clock)
    earliest = sorted(items, key=lambda i: (i.next_attempt_at, i.id))[:2]
    assert runner.process_pending_retries(limit=2)["succeeded"] == 2
    assert set(handler.calls) == {i.id for i in earliest}
    assert runner.process_pending_retries()["succeeded"] == 2
    assert all(n == 1 for n in handler.calls.values()) and len(handler.calls) == 4


def test_a_failed_retry_counts_an_attempt_and_backs_off(queue, runner, clock):
    queue.handlers.register("topup", Recorder(GatewayTransientError("still 502")))
    item = fail_topup(queue)
    make_due(clock, minutes=1)
    assert runner.process_pending_retries()["rescheduled"] == 1
    after = queue.get(item.id)
    assert after.attempts == 2 and after.status == "retrying" and after.message == "still 502"
    assert clock.now() + timedelta(seconds=5) <= after.next_attempt_at <= clock.now() + timedelta(seconds=60)
    assert after.lease_owner is None
    assert [(a.number, a.outcome) for a in queue.attempts(item.id)] == [(1, "failed"), (2, "failed")]


def test_spent_attempts_go_to_manual_once_with_one_notice(queue, runner, clock):
    handler = Recorder(*[GatewayTransientError("502")] * 20)
    queue.handlers.register("topup", handler)
    item = fail_topup(queue)
    for _ in range(12):
        make_due(clock)
        runner.process_pending_retries()
    final = queue.get(item.id)
    assert (final.status, final.attempts, final.error_class) == ("manual", 8, "transient")
    assert final.next_attempt_at is None and final.resolution is None
    assert sum(handler.calls.values()) == 7  # attempts 2..8; the first was the original failure
    assert len(notices()) == 1


def test_a_permanent_error_during_a_retry_goes_to_manual_at_once(queue, runner, clock):
    queue.handlers.register("topup", Recorder(GatewayDeclined("card refused")))
    item = fail_topup(queue)
    make_due(clock)
    assert runner.process_pending_retries()["manual"] == 1
    final = queue.get(item.id)
    assert (final.status, final.attempts, final.error_class) == ("manual", 2, "permanent")
    assert len(notices()) == 1


def test_an_unexpected_handler_exception_is_logged_and_retried(queue, runner, clock, caplog):
    queue.handlers.register("topup", Recorder(ZeroDivisionError("bug in the handler")))
    item = fail_topup(queue)
    make_due(clock)
    with caplog.at_level(logging.ERROR):
        assert runner.process_pending_retries()["rescheduled"] == 1
    assert any(r.exc_info and "ZeroDivisionError" in r.exc_text for r in caplog.records)
    assert queue.get(item.id).status == "retrying"


def test_a_handler_that_dealt_with_its_error_and_raises_attempt_failed_is_not_resolved(queue, runner, clock, caplog):
    dealt_with = []

    def handler(item):
        try:
            raise GatewayTransientError("502 again")
        except GatewayTransientError as error:
            dealt_with.append(item.id)  # e.g. money put back before giving up on this attempt
            raise AttemptFailed(error) from error

    queue.handlers.register("topup", handler)
    item = fail_topup(queue)
    make_due(clock)
    with caplog.at_level(logging.ERROR):
        assert runner.process_pending_retries()["rescheduled"] == 1
    after = queue.get(item.id)
    assert after.status == "retrying" and after.attempts == 2 and after.message == "502 again"
    assert after.error_class == "transient" and dealt_with == [item.id]
    assert not [r for r in caplog.records if r.exc_info]  # a failure it reported is no bug


def test_a_reported_permanent_failure_goes_to_manual(queue, runner, clock):
    queue.handlers.register("topup", Recorder(AttemptFailed(GatewayDeclined("card refused"))))
    item = fail_topup(queue)
    make_due(clock)
    assert runner.process_pending_retries() == {"due": 1, "succeeded": 0, "rescheduled": 0, "manual": 1, "deferred": 0}
    assert (queue.get(item.id).status, queue.get(item.id).message) == ("manual", "card refused")


def test_circuit_open_defers_without_spending_an_attempt(clock, notifications):
    circuit = FakeCircuit()
    queue = make_queue(clock, notifications, holder=None, seed=1)
    runner = RetryRunner(queue, circuit=circuit, workers=1)
    handler = Recorder(CircuitOpen("breaker open"))
    queue.handlers.register("topup", handler)
    offline = Recorder()
    queue.handlers.register("recount", offline, uses_gateway=False)
    item = fail_topup(queue)
    local = queue.record_failure("recount", "wallet", 1, GatewayTransientError("busy"))
    make_due(clock)
    # the handler itself meets the open breaker: no gateway call, no attempt, back after 30 s
    assert runner.process_pending_retries() == {"due": 2, "succeeded": 1, "rescheduled": 0, "manual": 0, "deferred": 1}
    after = queue.get(item.id)
    assert after.attempts == 1 and after.next_attempt_at == clock.now() + timedelta(seconds=30)
    assert after.lease_owner is None and len(queue.attempts(item.id)) == 1
    assert queue.get(local.id).status == "resolved"
    # the breaker is known open before the run: the handler is not even called
    circuit.open_until = clock.now() + timedelta(minutes=3)
    make_due(clock, minutes=1)
    assert runner.process_pending_retries()["deferred"] == 1
    assert handler.calls[item.id] == 1
    after = queue.get(item.id)
    assert after.attempts == 1 and after.next_attempt_at == circuit.open_until


def test_a_real_open_breaker_holds_gateway_items_until_it_may_close(clock, notifications):
    breaker = CircuitBreaker(clock, notifications, failure_threshold=1, reset_after_seconds=90)
    queue = make_queue(clock, notifications, holder=None, seed=None)
    runner = RetryRunner(queue, circuit=breaker, workers=1)
    handler = Recorder()
    queue.handlers.register("topup", handler)
    item = fail_topup(queue)
    make_due(clock, minutes=1)
    breaker.record_failure()
    assert runner.process_pending_retries()["deferred"] == 1
    assert not handler.calls and queue.get(item.id).next_attempt_at == clock.now() + timedelta(seconds=90)
    clock.advance(seconds=90)
    assert runner.process_pending_retries()["succeeded"] == 1


def test_items_without_a_handler_are_left_alone(queue, runner, clock):
    queue.handlers.register("topup", Recorder())
    stray = queue.record_failure("mystery", "thing", 1, GatewayTransientError("x"))
    make_due(clock)
    assert runner.process_pending_retries()["due"] == 0
    assert queue.get(stray.id) == stray


def test_an_item_rescheduled_for_now_waits_for_the_next_pass(queue, runner, clock):
    handler = Recorder(GatewayTransientError("502"), GatewayTransientError("502"))
    queue.handlers.register("refund", handler, urgent=True)
    item = queue.record_failure("refund", "refund", 1, GatewayTransientError("502"))
    clock.advance(seconds=1)  # rescheduled for now, it sorts after where the pass has got to
    assert runner.process_pending_retries()["rescheduled"] == 1
    assert handler.calls[item.id] == 1 and queue.get(item.id).next_attempt_at == clock.now()
    runner.process_pending_retries()
    assert handler.calls[item.id] == 2


def test_handlers_run_outside_transactions_on_worker_threads(clock, notifications):
    queue = make_queue(clock, notifications, holder=None, seed=None)
    runner = RetryRunner(queue, workers=3, batch_size=4)
    seen = []
    lock = threading.Lock()

    def handler(item):
        row = ErrorItem.get_by_id(item.id)  # a worker has its own connection
        with lock:
            seen.append((threading.current_thread().name, database.in_transaction(), row.lease_owner))
        return "ok"

    queue.handlers.register("topup", handler)
    for n in range(10):
        fail_topup(queue, subject_id=n + 1)
    make_due(clock)
    assert runner.process_pending_retries()["succeeded"] == 10
    assert len(seen) == 10
    assert all(name.startswith("retry") and not in_tx and owner == queue.lease.holder for name, in_tx, owner in seen)


def test_the_pass_refuses_to_run_inside_a_transaction(queue, runner):
    queue.handlers.register("topup", Recorder())
    with pytest.raises(RuntimeError, match="transaction"), write_transaction():
        runner.process_pending_retries()


def test_the_runner_refuses_nonsense_settings(queue):
    for kwargs in ({"workers": 0}, {"batch_size": -1}, {"workers": True}, {"batch_size": 2.5}):
        with pytest.raises(ValidationError):
            RetryRunner(queue, **kwargs)
    with pytest.raises(ValidationError):
        RetryRunner(queue).process_pending_retries(limit=-1)


def test_outcomes_keep_their_stored_names():
    assert [str(o) for o in RunOutcome] == [
        "succeeded",
        "rescheduled",
        "manual",
        "deferred",
        "lost",
        "untouched",
        "error",
    ]


# --- leases --------------------------------------------------------------------------


def test_two_runners_on_the_same_queue_run_each_item_exactly_once(clock, notifications):
    handler = Recorder()

    def slow(item):
        time.sleep(0.001)  # long enough for the other runner to claim in between
        return handler(item)

    runners = [
        RetryRunner(make_queue(clock, notifications, holder=name, seed=None), batch_size=5, workers=2)
        for name in ("a", "b")
    ]
    for runner in runners:
        runner.queue.handlers.register("topup", slow)
    ids = [fail_topup(runners[0].queue, subject_id=n).id for n in range(1, 41)]
    make_due(clock)
    results, errors = [], []
    start = threading.Barrier(2)

    def run(runner):
        try:
            start.wait()
            results.append(runner.process_pending_retries())
        except Exception as error:  # pragma: no cover - reported below
            errors.append(error)

    threads = [threading.Thread(target=run, args=(r,)) for r in runners]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert not errors
    assert handler.calls == Counter({i: 1 for i in ids})
    assert sum(r["succeeded"] for r in results) == 40 and sum(r["due"] for r in results) == 40
    assert all(r["due"] > 0 for r in results)  # both runners really took part
    assert ErrorItem.select().where(ErrorItem.status == "resolved").count() == 40


def test_an_expired_lease_is_rescued_and_a_live_one_is_not(queue, runner, clock):
    handler = Recorder()
    queue.handlers.register("topup", handler)
    crashed = fail_topup(queue, subject_id=1)
    busy = fail_topup(queue, subject_id=2)
    make_due(clock)
    ErrorItem.update(lease_owner="dead-runner", lease_until=clock.now() - timedelta(seconds=1)).where(
        ErrorItem.id == crashed.id
    ).execute()
    ErrorItem.update(lease_owner="live-runner", lease_until=clock.now() + timedelta(seconds=60)).where(
        ErrorItem.id == busy.id
    ).execute()
    assert runner.process_pending_retries()["succeeded"] == 1
    assert set(handler.calls) == {crashed.id}
    assert queue.get(busy.id).status == "retrying" and queue.get(busy.id).lease_owner == "live-runner"


def test_a_failure_recorded_elsewhere_during_a_run_counts_and_the_run_still_resolves(queue, runner, clock):
    def handler(item):
        # another desk's call fails on the same subject while this run is on its way
        queue.record_failure("topup", "topup", item.subject_id, GatewayTransientError("502 elsewhere"))
        return "charged ch_5"

    queue.handlers.register("topup", handler)
    item = fail_topup(queue)
    make_due(clock)
    assert runner.process_pending_retries()["succeeded"] == 1
    done = queue.get(item.id)
    assert (done.status, done.resolution, done.attempts, done.lease_owner) == ("resolved", "charged ch_5", 3, None)
    assert [(a.number, a.outcome) for a in queue.attempts(item.id)] == [(1, "failed"), (2, "failed"), (3, "succeeded")]


# --- retry now ------------------------------------------------------------------------


def test_retry_now_runs_a_manual_item_through_the_lease(queue, runner, operator):
    handler = Recorder("charged ch_9")
    queue.handlers.register("topup", handler)
    item = fail_topup(queue, error=GatewayDeclined("do not honour"))
    assert item.status == "manual"
    [done] = runner.retry_now(operator, item.id)
    assert (done.status, done.resolution, done.lease_owner) == ("resolved", "charged ch_9", None)
    assert handler.calls[item.id] == 1
    assert queue.attempts(item.id)[-1].actor == operator.name


def test_a_manual_item_that_fails_again_on_retry_now_stays_manual(queue, runner, operator):
    queue.handlers.register("topup", Recorder(GatewayTransientError("502")))
    item = queue.escalate(operator, fail_topup(queue).id, "look at it")[0]
    [after] = runner.retry_now(operator, [item.id])
    assert (after.status, after.attempts, after.next_attempt_at) == ("manual", 2, None)
    assert len(notices()) == 1  # the escalation's; staying manual is not news


def test_retry_now_audits_each_item_with_what_came_of_it(queue, runner, operator):
    queue.handlers.register("topup", Recorder("charged ch_1", GatewayTransientError("502")))
    first, second = fail_topup(queue, subject_id=1), fail_topup(queue, subject_id=2)
    report = runner.retry_now_report(operator, [first.id, second.id])
    assert (report.resolved, report.failing, report.not_attempted) == ([first.id], [second.id], [])
    entries = {int(r.target_id): r for r in audit_rows("error.retry")}
    assert '"outcome": "resolved"' in entries[first.id].after
    assert '"outcome": "still_failing"' in entries[second.id].after and "502" in entries[second.id].after
    assert all(r.actor == operator.name for r in entries.values())


def test_retry_now_while_the_breaker_refuses_attempts_nothing_and_audits_it_so(clock, notifications, operator):
    circuit = FakeCircuit(clock.now() + timedelta(minutes=3))
    queue = make_queue(clock, notifications)
    runner = RetryRunner(queue, circuit=circuit, workers=2)
    handler = Recorder()
    queue.handlers.register("topup", handler)
    items = [fail_topup(queue, subject_id=n) for n in (1, 2, 3)]
    report = runner.retry_now_report(operator, [i.id for i in items])
    assert report.not_attempted == [i.id for i in items] and report.retry_at == circuit.open_until
    assert handler.calls == {} and {queue.get(i.id).attempts for i in items} == {1}
    assert audit_rows("error.retry") == []
    assert [int(r.target_id) for r in audit_rows("error.retry_not_attempted")] == [i.id for i in items]


def test_retry_now_refuses_items_no_handler_knows(queue, runner, operator):
    stray = queue.record_failure("mystery", "thing", 1, GatewayTransientError("x"))
    with pytest.raises(Conflict, match="mystery"):
        runner.retry_now(operator, [stray.id])
    assert audit_rows() == []


def test_retry_now_refuses_to_run_inside_a_transaction(queue, runner, operator):
    queue.handlers.register("topup", Recorder())
    item = fail_topup(queue)
    with pytest.raises(RuntimeError, match="transaction"), write_transaction():
        runner.retry_now(operator, [item.id])
    assert queue.get(item.id) == item


def test_canceled_items_are_not_retried(queue, runner, operator, clock):
    handler = Recorder()
    queue.handlers.register("topup", handler)
    item = fail_topup(queue)
    [canceled] = queue.cancel_retry(operator, [item.id], "customer paid in cash")
    assert (canceled.status, canceled.next_attempt_at, canceled.resolved_by) == ("canceled", None, operator.name)
    make_due(clock)
    assert runner.process_pending_retries()["due"] == 0 and not handler.calls
    assert fail_topup(queue).id != item.id  # a new failure opens a new item
