"""The error queue: recording failures, the retry pass, leases, operator actions and the report."""

from __future__ import annotations

import logging
import random
import threading
import time
from collections import Counter
from datetime import datetime, timedelta

import pytest

from models.db import database, write_transaction
from models.tables import AuditEntry, ErrorItem, Notification
from services.circuit import CircuitBreaker
from services.errors import (
    CircuitOpen,
    Conflict,
    GatewayDeclined,
    GatewayRateLimited,
    GatewayTimeout,
    GatewayTransientError,
    NotFound,
    PermissionDenied,
    ValidationError,
)
from services.notifications import NotificationCenter
from services.retries import ErrorItemInfo, RetryManager
from services.settings import SettingsStore

START = datetime(2026, 1, 15, 9, 0, 0)


@pytest.fixture
def notifications(db, clock):
    return NotificationCenter(clock)


@pytest.fixture
def manager(clock, notifications):
    return RetryManager(clock, notifications, rng=random.Random(7), owner="runner-a", workers=1)


class Recorder:
    """A handler that counts its calls per item and answers from a script."""

    def __init__(self, *outcomes):
        self.outcomes = list(outcomes)
        self.calls: Counter[int] = Counter()
        self.lock = threading.Lock()

    def __call__(self, item: ErrorItemInfo):
        with self.lock:
            self.calls[item.id] += 1
            outcome = self.outcomes.pop(0) if self.outcomes else None
        if isinstance(outcome, BaseException):
            raise outcome
        return outcome


class FakeCircuit:
    def __init__(self, open_until: datetime | None = None):
        self.open_until = open_until

    def is_open(self) -> bool:
        return self.open_until is not None

    def retry_at(self) -> datetime | None:
        return self.open_until


def fail_topup(manager, subject_id=1, error=None, **kwargs) -> ErrorItemInfo:
    return manager.record_failure("topup", "topup", subject_id, error or GatewayTransientError("gateway said 502"),
                                  **kwargs)


def notices(kind="manual_intervention") -> list[Notification]:
    return list(Notification.select().where(Notification.kind == kind).order_by(Notification.id))


def audit_rows(action=None) -> list[AuditEntry]:
    query = AuditEntry.select().order_by(AuditEntry.id)
    return list(query.where(AuditEntry.action == action) if action else query)


def make_due(clock, minutes=120):
    clock.advance(minutes=minutes)


# --- recording failures ---------------------------------------------------------------


def test_a_transient_failure_becomes_one_retrying_item_with_its_first_attempt(manager, clock):
    item = fail_topup(manager, context={"wallet_id": 3}, amount_minor=2500)
    assert (item.operation, item.subject_type, item.subject_id) == ("topup", "topup", 1)
    assert (item.error_class, item.strategy, item.status) == ("transient", "backoff", "retrying")
    assert (item.attempts, item.max_attempts, item.amount_minor) == (1, 8, 2500)
    assert START + timedelta(seconds=5) <= item.next_attempt_at <= START + timedelta(seconds=30)
    assert item.context["wallet_id"] == 3 and item.context["error_type"] == "GatewayTransientError"
    assert item.message == "gateway said 502"
    attempts = manager.attempts(item.id)
    assert [(a.number, a.outcome, a.message) for a in attempts] == [(1, "failed", "gateway said 502")]


def test_failures_of_the_same_operation_and_subject_share_one_open_item(manager):
    first = fail_topup(manager, context={"wallet_id": 3, "gateway": "502"})
    again = fail_topup(manager, error=GatewayTimeout("no answer in 10 s"), context={"gateway": "timeout"})
    assert again.id == first.id
    assert again.attempts == 2 and again.message == "no answer in 10 s"
    assert again.error_class == "outcome_unknown" and again.strategy == "reconcile"
    assert again.context["wallet_id"] == 3 and again.context["gateway"] == "timeout"
    other_subject = fail_topup(manager, subject_id=2)
    other_operation = manager.record_failure("refund", "topup", 1, GatewayTransientError("502"))
    assert len({first.id, other_subject.id, other_operation.id}) == 3
    assert ErrorItem.select().where(ErrorItem.status.in_(("retrying", "manual"))).count() == 3
    assert [a.number for a in manager.attempts(first.id)] == [1, 2]


def test_a_concurrent_writer_opening_the_item_first_is_counted_on_not_duplicated(manager, monkeypatch):
    first = fail_topup(manager)
    real_open_item = manager._open_item
    looks = []

    def racing_open_item(*args):
        looks.append(args)
        return None if len(looks) == 1 else real_open_item(*args)  # the first look misses the new item

    monkeypatch.setattr(manager, "_open_item", racing_open_item)
    again = fail_topup(manager, error=GatewayTimeout("no answer"))
    assert again.id == first.id and again.attempts == 2 and len(looks) == 2
    assert ErrorItem.select().count() == 1


def test_recording_inside_a_callers_transaction_commits_or_rolls_back_with_it(manager):
    with write_transaction():
        inside = fail_topup(manager, subject_id=5)
        assert database.in_transaction()
    assert manager.get(inside.id).status == "retrying"
    with pytest.raises(RuntimeError), write_transaction():
        fail_topup(manager, subject_id=6)
        raise RuntimeError("the caller's own work failed")
    assert manager.list_items(operation="topup") == [manager.get(inside.id)]


def test_a_permanent_error_goes_to_manual_at_once_and_asks_for_an_operator(manager):
    item = fail_topup(manager, error=GatewayDeclined("card refused", "card_declined"))
    assert (item.status, item.strategy, item.error_class) == ("manual", "manual", "permanent")
    assert item.next_attempt_at is None and item.context["error_code"] == "card_declined"
    [notice] = notices()
    assert (notice.subject_type, notice.subject_id) == ("error_item", item.id)
    assert "card refused" in notice.body


def test_an_unexpected_exception_is_permanent_but_a_busy_database_is_transient(manager):
    import peewee

    bug = manager.record_failure("renewal", "subscription", 1, KeyError("plan"))
    assert bug.status == "manual" and bug.message.startswith("KeyError")
    busy = peewee.OperationalError("database is locked")
    assert manager.record_failure("renewal", "subscription", 2, busy).status == "retrying"


def test_urgent_operations_retry_at_once(manager, clock):
    manager.register("refund", Recorder(), urgent=True)
    item = manager.record_failure("refund", "refund", 9, GatewayTimeout("no answer"))
    assert item.strategy == "urgent" and item.next_attempt_at == clock.now() and item.max_attempts == 12
    limited = manager.record_failure("refund", "refund", 10, GatewayRateLimited("slow down"))
    assert limited.strategy == "fixed"


def test_bad_arguments_to_record_failure_write_nothing(manager):
    for kwargs in ({"amount_minor": -1}, {"amount_minor": 1.5}, {"context": ["not", "a", "dict"]}):
        with pytest.raises(ValidationError):
            fail_topup(manager, **kwargs)
    with pytest.raises(ValidationError):
        manager.record_failure("", "topup", 1, GatewayTransientError("x"))
    assert ErrorItem.select().count() == 0


# --- the retry pass ------------------------------------------------------------------


def test_a_handler_that_returns_resolves_the_item(manager, clock):
    manager.register("topup", lambda item: "reconciled: charge ch_1 had gone through" if item.subject_id == 1 else None)
    item = fail_topup(manager)
    quiet = fail_topup(manager, subject_id=2)
    make_due(clock)
    counts = manager.process_pending_retries()
    assert counts == {"due": 2, "succeeded": 2, "rescheduled": 0, "manual": 0, "deferred": 0}
    done = manager.get(item.id)
    assert (done.status, done.resolved_by, done.resolved_at) == ("resolved", "system", clock.now())
    assert done.resolution == "reconciled: charge ch_1 had gone through" and done.next_attempt_at is None
    assert manager.get(quiet.id).resolution == "succeeded on retry"
    assert [(a.number, a.outcome) for a in manager.attempts(item.id)] == [(1, "failed"), (2, "succeeded")]


def test_only_due_items_run_earliest_first_and_limit_is_respected(manager, clock):
    handler = Recorder()
    manager.register("topup", handler)
    items = [fail_topup(manager, subject_id=n) for n in range(1, 5)]
    assert manager.process_pending_retries() == {"due": 0, "succeeded": 0, "rescheduled": 0, "manual": 0,
                                                 "deferred": 0}
    make_due(clock)
    earliest = sorted(items, key=lambda i: (i.next_attempt_at, i.id))[:2]
    assert manager.process_pending_retries(limit=2)["succeeded"] == 2
    assert set(handler.calls) == {i.id for i in earliest}
    assert manager.process_pending_retries()["succeeded"] == 2
    assert all(n == 1 for n in handler.calls.values()) and len(handler.calls) == 4


def test_a_failed_retry_counts_an_attempt_and_backs_off(manager, clock):
    manager.register("topup", Recorder(GatewayTransientError("still 502")))
    item = fail_topup(manager)
    make_due(clock, minutes=1)
    assert manager.process_pending_retries()["rescheduled"] == 1
    after = manager.get(item.id)
    assert after.attempts == 2 and after.status == "retrying" and after.message == "still 502"
    assert clock.now() + timedelta(seconds=5) <= after.next_attempt_at <= clock.now() + timedelta(seconds=60)
    assert after.lease_owner is None
    assert [(a.number, a.outcome) for a in manager.attempts(item.id)] == [(1, "failed"), (2, "failed")]


def test_spent_attempts_go_to_manual_once_with_one_notice(manager, clock):
    handler = Recorder(*[GatewayTransientError("502")] * 20)
    manager.register("topup", handler)
    item = fail_topup(manager)
    for _ in range(12):
        make_due(clock)
        manager.process_pending_retries()
    final = manager.get(item.id)
    assert (final.status, final.attempts, final.error_class) == ("manual", 8, "transient")
    assert final.next_attempt_at is None and final.resolution is None
    assert sum(handler.calls.values()) == 7  # attempts 2..8; the first was the original failure
    assert len(notices()) == 1


def test_a_permanent_error_during_a_retry_goes_to_manual_at_once(manager, clock):
    manager.register("topup", Recorder(GatewayDeclined("card refused")))
    item = fail_topup(manager)
    make_due(clock)
    assert manager.process_pending_retries()["manual"] == 1
    final = manager.get(item.id)
    assert (final.status, final.attempts, final.error_class) == ("manual", 2, "permanent")
    assert len(notices()) == 1


def test_an_unexpected_handler_exception_is_logged_and_retried(manager, clock, caplog):
    manager.register("topup", Recorder(ZeroDivisionError("bug in the handler")))
    item = fail_topup(manager)
    make_due(clock)
    with caplog.at_level(logging.ERROR):
        assert manager.process_pending_retries()["rescheduled"] == 1
    assert any(r.exc_info and "ZeroDivisionError" in r.exc_text for r in caplog.records)
    assert manager.get(item.id).status == "retrying"


def test_a_handler_that_records_its_failure_instead_of_raising_is_not_resolved(manager, clock):
    def swallowing_handler(item):
        manager.record_failure("topup", "topup", item.subject_id, GatewayTransientError("502 again"))
        return "looked fine"

    manager.register("topup", swallowing_handler)
    item = fail_topup(manager)
    make_due(clock)
    assert manager.process_pending_retries()["rescheduled"] == 1
    after = manager.get(item.id)
    assert after.status == "retrying" and after.attempts == 2 and after.message == "502 again"


def test_a_settled_subject_closes_its_open_item(manager):
    item = fail_topup(manager)
    settled = manager.settle_subject("topup", "topup", 1, "the charge went through")
    assert settled.id == item.id and settled.status == "resolved" and settled.resolved_by == "system"
    assert manager.settle_subject("topup", "topup", 1, "again") is None


def test_circuit_open_defers_without_spending_an_attempt(clock, notifications):
    circuit = FakeCircuit()
    manager = RetryManager(clock, notifications, circuit=circuit, rng=random.Random(1), workers=1)
    handler = Recorder(CircuitOpen("breaker open"))
    manager.register("topup", handler)
    offline = Recorder()
    manager.register("recount", offline, uses_gateway=False)
    item = fail_topup(manager)
    local = manager.record_failure("recount", "wallet", 1, GatewayTransientError("busy"))
    make_due(clock)
    # the handler itself meets the open breaker: no gateway call, no attempt, back after 30 s
    assert manager.process_pending_retries() == {"due": 2, "succeeded": 1, "rescheduled": 0, "manual": 0,
                                                 "deferred": 1}
    after = manager.get(item.id)
    assert after.attempts == 1 and after.next_attempt_at == clock.now() + timedelta(seconds=30)
    assert after.lease_owner is None and len(manager.attempts(item.id)) == 1
    assert manager.get(local.id).status == "resolved"
    # the breaker is known open before the run: the handler is not even called
    circuit.open_until = clock.now() + timedelta(minutes=3)
    make_due(clock, minutes=1)
    assert manager.process_pending_retries()["deferred"] == 1
    assert handler.calls[item.id] == 1
    after = manager.get(item.id)
    assert after.attempts == 1 and after.next_attempt_at == circuit.open_until


def test_a_real_open_breaker_holds_gateway_items_until_it_may_close(clock, notifications):
    breaker = CircuitBreaker(clock, notifications, failure_threshold=1, reset_after_seconds=90)
    manager = RetryManager(clock, notifications, circuit=breaker, workers=1)
    handler = Recorder()
    manager.register("topup", handler)
    item = fail_topup(manager)
    make_due(clock, minutes=1)
    breaker.record_failure()
    assert manager.process_pending_retries()["deferred"] == 1
    assert not handler.calls and manager.get(item.id).next_attempt_at == clock.now() + timedelta(seconds=90)
    clock.advance(seconds=90)
    assert manager.process_pending_retries()["succeeded"] == 1


def test_items_without_a_handler_are_left_alone(manager, clock):
    manager.register("topup", Recorder())
    stray = manager.record_failure("mystery", "thing", 1, GatewayTransientError("x"))
    make_due(clock)
    assert manager.process_pending_retries()["due"] == 0
    assert manager.get(stray.id) == stray


def test_an_item_rescheduled_for_now_waits_for_the_next_pass(manager, clock):
    handler = Recorder(GatewayTransientError("502"), GatewayTransientError("502"))
    manager.register("refund", handler, urgent=True)
    item = manager.record_failure("refund", "refund", 1, GatewayTransientError("502"))
    clock.advance(seconds=1)  # rescheduled for now, it sorts after where the pass has got to
    assert manager.process_pending_retries()["rescheduled"] == 1
    assert handler.calls[item.id] == 1 and manager.get(item.id).next_attempt_at == clock.now()
    manager.process_pending_retries()
    assert handler.calls[item.id] == 2


def test_handlers_run_outside_transactions_on_worker_threads(clock, notifications):
    manager = RetryManager(clock, notifications, workers=3, batch_size=4)
    seen = []
    lock = threading.Lock()

    def handler(item):
        row = ErrorItem.get_by_id(item.id)  # a worker has its own connection
        with lock:
            seen.append((threading.current_thread().name, database.in_transaction(), row.lease_owner))
        return "ok"

    manager.register("topup", handler)
    for n in range(10):
        fail_topup(manager, subject_id=n + 1)
    make_due(clock)
    assert manager.process_pending_retries()["succeeded"] == 10
    assert len(seen) == 10
    assert all(name.startswith("retry") and not in_tx and owner == manager.owner for name, in_tx, owner in seen)


def test_the_pass_refuses_to_run_inside_a_transaction(manager):
    manager.register("topup", Recorder())
    with pytest.raises(RuntimeError, match="transaction"), write_transaction():
        manager.process_pending_retries()


# --- leases --------------------------------------------------------------------------


def test_two_runners_on_the_same_queue_run_each_item_exactly_once(clock, notifications):
    handler = Recorder()

    def slow(item):
        time.sleep(0.001)  # long enough for the other runner to claim in between
        return handler(item)

    runners = [RetryManager(clock, notifications, owner=name, batch_size=5, workers=2) for name in ("a", "b")]
    for runner in runners:
        runner.register("topup", slow)
    ids = [fail_topup(runners[0], subject_id=n).id for n in range(1, 41)]
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


def test_an_expired_lease_is_rescued_and_a_live_one_is_not(manager, clock):
    handler = Recorder()
    manager.register("topup", handler)
    crashed = fail_topup(manager, subject_id=1)
    busy = fail_topup(manager, subject_id=2)
    make_due(clock)
    ErrorItem.update(lease_owner="dead-runner", lease_until=clock.now() - timedelta(seconds=1)).where(
        ErrorItem.id == crashed.id).execute()
    ErrorItem.update(lease_owner="live-runner", lease_until=clock.now() + timedelta(seconds=60)).where(
        ErrorItem.id == busy.id).execute()
    assert manager.process_pending_retries()["succeeded"] == 1
    assert set(handler.calls) == {crashed.id}
    assert manager.get(busy.id).status == "retrying" and manager.get(busy.id).lease_owner == "live-runner"


# --- operator actions -----------------------------------------------------------------

ACTIONS = [
    ("retry_now", "error.retry", ()),
    ("cancel_retry", "error.cancel", ("no longer needed",)),
    ("change_strategy", "error.strategy", ("fixed", "gateway asked us to slow down")),
    ("resolve", "error.resolve", ("refunded by bank transfer",)),
    ("escalate", "error.escalate", ("customer called",)),
]
OUTCOME = {"retry_now": ("resolved", "backoff"), "cancel_retry": ("canceled", "backoff"),
           "change_strategy": ("retrying", "fixed"), "resolve": ("resolved", "backoff"),
           "escalate": ("manual", "backoff")}


@pytest.mark.parametrize(("method", "action", "args"), ACTIONS)
def test_each_action_acts_on_exactly_the_selected_items_and_audits_each(manager, operator, method, action, args):
    manager.register("topup", Recorder())
    items = [fail_topup(manager, subject_id=n) for n in range(1, 5)]
    chosen = [items[2].id, items[0].id]
    result = getattr(manager, method)(operator, chosen, *args)
    assert [i.id for i in result] == chosen
    untouched = [manager.get(i.id) for i in items if i.id not in chosen]
    assert untouched == [items[1], items[3]]
    rows = audit_rows(action)
    assert sorted(int(r.target_id) for r in rows) == sorted(chosen)
    assert all(r.actor == operator.name and r.target_type == "error_item" for r in rows)
    assert all('"status": "retrying"' in r.before for r in rows)
    assert [(i.status, i.strategy) for i in result] == [OUTCOME[method]] * 2


@pytest.mark.parametrize(("method", "action", "args"), ACTIONS)
def test_a_viewer_may_not_act_and_nothing_is_written(manager, viewer, method, action, args):
    manager.register("topup", Recorder())
    item = fail_topup(manager)
    with pytest.raises(PermissionDenied):
        getattr(manager, method)(viewer, [item.id], *args)
    assert manager.get(item.id) == item
    assert audit_rows() == [] and len(manager.attempts(item.id)) == 1


def test_retry_now_runs_a_manual_item_through_the_lease(manager, operator):
    handler = Recorder("charged ch_9")
    manager.register("topup", handler)
    item = fail_topup(manager, error=GatewayDeclined("do not honour"))
    assert item.status == "manual"
    [done] = manager.retry_now(operator, item.id)
    assert (done.status, done.resolution, done.lease_owner) == ("resolved", "charged ch_9", None)
    assert handler.calls[item.id] == 1
    assert manager.attempts(item.id)[-1].actor == operator.name


def test_a_manual_item_that_fails_again_on_retry_now_stays_manual(manager, operator):
    manager.register("topup", Recorder(GatewayTransientError("502")))
    item = manager.escalate(operator, fail_topup(manager).id, "look at it")[0]
    [after] = manager.retry_now(operator, [item.id])
    assert (after.status, after.attempts, after.next_attempt_at) == ("manual", 2, None)
    assert len(notices()) == 1  # the escalation's; staying manual is not news


def test_retry_now_refuses_items_no_handler_knows(manager, operator):
    stray = manager.record_failure("mystery", "thing", 1, GatewayTransientError("x"))
    with pytest.raises(Conflict, match="mystery"):
        manager.retry_now(operator, [stray.id])
    assert audit_rows() == []


def test_canceled_items_are_not_retried(manager, operator, clock):
    handler = Recorder()
    manager.register("topup", handler)
    item = fail_topup(manager)
    [canceled] = manager.cancel_retry(operator, [item.id], "customer paid in cash")
    assert (canceled.status, canceled.next_attempt_at, canceled.resolved_by) == ("canceled", None, operator.name)
    make_due(clock)
    assert manager.process_pending_retries()["due"] == 0 and not handler.calls
    assert fail_topup(manager).id != item.id  # a new failure opens a new item


def test_resolve_needs_a_note(manager, operator):
    item = fail_topup(manager)
    for note in ("", "   ", None):
        with pytest.raises(ValidationError, match="note"):
            manager.resolve(operator, [item.id], note)
    assert manager.get(item.id) == item and audit_rows() == []
    [done] = manager.resolve(operator, [item.id], "credited by hand, ticket 88")
    assert (done.status, done.resolved_by, done.resolution) == ("resolved", operator.name,
                                                                "credited by hand, ticket 88")


def test_change_strategy_reschedules_and_can_reopen_a_manual_item(manager, operator, clock):
    item = fail_topup(manager, error=GatewayDeclined("refused"))
    [fixed] = manager.change_strategy(operator, [item.id], "fixed", "try again in a while")
    assert (fixed.status, fixed.strategy) == ("retrying", "fixed")
    assert fixed.next_attempt_at == clock.now() + timedelta(minutes=10) and fixed.max_attempts == 12
    [manual] = manager.change_strategy(operator, [item.id], "manual", "hold it")
    assert (manual.status, manual.next_attempt_at) == ("manual", None)
    with pytest.raises(ValidationError):
        manager.change_strategy(operator, [item.id], "whenever", "")


def test_escalate_stops_retries_and_notifies_once(manager, operator):
    item = fail_topup(manager)
    [manual] = manager.escalate(operator, [item.id], "customer disputes it")
    assert (manual.status, manual.next_attempt_at, manual.resolution) == ("manual", None, None)
    manager.escalate(operator, [item.id], "still disputed")
    [notice] = notices()
    assert "customer disputes it" in notice.body


def test_an_action_on_a_mixed_selection_is_all_or_nothing(manager, operator):
    open_item = fail_topup(manager, subject_id=1)
    closed = manager.resolve(operator, [fail_topup(manager, subject_id=2).id], "done")[0]
    before = len(audit_rows())
    with pytest.raises(Conflict, match=f"#{closed.id} is resolved"):
        manager.cancel_retry(operator, [open_item.id, closed.id], "tidy up")
    with pytest.raises(NotFound, match="#999"):
        manager.escalate(operator, [open_item.id, 999], "")
    assert manager.get(open_item.id) == open_item and len(audit_rows()) == before


def test_an_item_being_retried_right_now_cannot_be_changed(manager, operator, clock):
    item = fail_topup(manager)
    ErrorItem.update(lease_owner="runner-b", lease_until=clock.now() + timedelta(seconds=60)).where(
        ErrorItem.id == item.id).execute()
    with pytest.raises(Conflict, match="being retried"):
        manager.resolve(operator, [item.id], "done by hand")
    assert manager.get(item.id).status == "retrying"


# --- reading, the report and the alert --------------------------------------------------


def test_get_attempts_and_list_items(manager, clock):
    old = fail_topup(manager, subject_id=1)
    clock.advance(hours=2)
    manual = fail_topup(manager, subject_id=2, error=GatewayDeclined("refused"))
    assert [i.id for i in manager.list_items(status="manual")] == [manual.id]
    assert [i.id for i in manager.list_items(status=["manual", "retrying"])] == [old.id, manual.id]
    assert [i.id for i in manager.list_items(older_than=timedelta(hours=1))] == [old.id]
    assert [i.id for i in manager.list_items(error_class="permanent", operation="topup")] == [manual.id]
    assert manager.list_items(limit=1) == [old]
    with pytest.raises(ValidationError):
        manager.list_items(status="lost")
    with pytest.raises(NotFound):
        manager.get(999)
    with pytest.raises(NotFound):
        manager.attempts(999)


def test_the_report_on_a_known_set(manager, operator, clock):
    manager.register("refund", Recorder("sent"), urgent=True)
    clock.set(START - timedelta(hours=1))
    waiting = fail_topup(manager, subject_id=1, amount_minor=1000)
    clock.set(START - timedelta(minutes=10))
    fail_topup(manager, subject_id=2, amount_minor=500, error=GatewayDeclined("refused"))
    clock.set(START)
    canceled = fail_topup(manager, subject_id=3, amount_minor=700)
    manager.cancel_retry(operator, [canceled.id], "duplicate")
    by_hand = fail_topup(manager, subject_id=4, amount_minor=300)
    manager.resolve(operator, [by_hand.id], "paid by hand")
    manager.record_failure("refund", "refund", 1, GatewayTimeout("no answer"), amount_minor=900)
    manager.process_pending_retries()  # the refund retries at once and succeeds

    report = manager.get_failed_subscriptions_report()
    by_operation = {row["operation"]: row for row in report["by_operation"]}
    assert by_operation["topup"] == {"operation": "topup", "count": 4, "open": 2, "oldest_age_seconds": 3600,
                                     "amount_at_risk_minor": 1500, "recovery_rate": 0.0}
    assert by_operation["refund"] == {"operation": "refund", "count": 1, "open": 0, "oldest_age_seconds": None,
                                      "amount_at_risk_minor": 0, "recovery_rate": 1.0}
    by_class = {row["error_class"]: row for row in report["by_error_class"]}
    assert by_class["transient"]["count"] == 3 and by_class["transient"]["recovery_rate"] == 0.0
    assert by_class["outcome_unknown"]["recovery_rate"] == 1.0
    assert by_class["permanent"]["oldest_age_seconds"] == 600 and by_class["permanent"]["recovery_rate"] is None
    by_status = {row["status"]: row["count"] for row in report["by_status"]}
    assert by_status == {"retrying": 1, "manual": 1, "canceled": 1, "resolved": 2}
    assert report["totals"] == {"open": 2, "manual": 1, "retrying": 1, "resolved": 2, "canceled": 1}
    assert manager.get(waiting.id).status == "retrying"


def test_the_report_of_an_empty_queue(manager):
    report = manager.get_failed_subscriptions_report()
    assert report["by_operation"] == [] and report["by_status"] == []
    assert report["totals"] == {"open": 0, "manual": 0, "retrying": 0, "resolved": 0, "canceled": 0}


def test_the_alert_fires_once_when_unresolved_items_pass_the_threshold(clock, notifications, admin):
    settings = SettingsStore(clock)
    settings.update(admin, {"alert_threshold": 2})
    manager = RetryManager(clock, notifications, settings=settings, workers=1)
    fail_topup(manager, subject_id=1)
    fail_topup(manager, subject_id=2, error=GatewayDeclined("refused"))
    assert manager.check_alert_threshold() is False and notices("errors_alert") == []
    fail_topup(manager, subject_id=3)
    assert manager.check_alert_threshold() is True
    assert manager.check_alert_threshold() is True
    [alert] = notices("errors_alert")
    assert "3" in alert.title


def test_the_manager_refuses_nonsense_settings(clock, notifications):
    for kwargs in ({"workers": 0}, {"batch_size": -1}, {"lease_seconds": True}):
        with pytest.raises(ValidationError):
            RetryManager(clock, notifications, **kwargs)
    assert RetryManager(clock, notifications).owner != RetryManager(clock, notifications).owner


def test_actions_accept_a_single_id(manager, operator):
    item = fail_topup(manager)
    assert [i.id for i in manager.escalate(operator, item.id, "")] == [item.id]
