"""The error queue: recording and counting failures, settling items, operator actions and reading."""

from __future__ import annotations

import random
from datetime import timedelta

import pytest

from models.db import database, write_transaction
from models.tables import ErrorItem
from services.error_items import AttemptOutcome, ItemLease
from services.error_queue import ErrorQueue, operations_in_queue
from services.errors import (
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
from tests.unit.retry_fakes import START, Recorder, audit_rows, fail_topup, notices


@pytest.fixture
def queue(db, clock):
    return ErrorQueue(clock, NotificationCenter(clock), lease=ItemLease.of("runner-a"), rng=random.Random(7))


# --- recording failures ---------------------------------------------------------------


def test_a_transient_failure_becomes_one_retrying_item_with_its_first_attempt(queue, clock):
    item = fail_topup(queue, context={"wallet_id": 3}, amount_minor=2500)
    assert (item.operation, item.subject_type, item.subject_id) == ("topup", "topup", 1)
    assert (item.error_class, item.strategy, item.status) == ("transient", "backoff", "retrying")
    assert (item.attempts, item.max_attempts, item.amount_minor) == (1, 8, 2500)
    assert START + timedelta(seconds=5) <= item.next_attempt_at <= START + timedelta(seconds=30)
    assert item.context["wallet_id"] == 3 and item.context["error_type"] == "GatewayTransientError"
    assert item.message == "gateway said 502"
    attempts = queue.attempts(item.id)
    assert [(a.number, a.outcome, a.message) for a in attempts] == [(1, "failed", "gateway said 502")]
    assert attempts[0].outcome is AttemptOutcome.FAILED


def test_failures_of_the_same_operation_and_subject_share_one_open_item(queue):
    first = fail_topup(queue, context={"wallet_id": 3, "gateway": "502"})
    again = fail_topup(queue, error=GatewayTimeout("no answer in 10 s"), context={"gateway": "timeout"})
    assert again.id == first.id
    assert again.attempts == 2 and again.message == "no answer in 10 s"
    assert again.error_class == "outcome_unknown" and again.strategy == "reconcile"
    assert again.context["wallet_id"] == 3 and again.context["gateway"] == "timeout"
    other_subject = fail_topup(queue, subject_id=2)
    other_operation = queue.record_failure("refund", "topup", 1, GatewayTransientError("502"))
    assert len({first.id, other_subject.id, other_operation.id}) == 3
    assert ErrorItem.select().where(ErrorItem.status.in_(("retrying", "manual"))).count() == 3
    assert [a.number for a in queue.attempts(first.id)] == [1, 2]


def test_a_concurrent_writer_opening_the_item_first_is_counted_on_not_duplicated(queue, monkeypatch):
    first = fail_topup(queue)
    real_open_item = queue._open_item
    looks = []

    def racing_open_item(*args):
        looks.append(args)
        return None if len(looks) == 1 else real_open_item(*args)  # the first look misses the new item

    monkeypatch.setattr(queue, "_open_item", racing_open_item)
    again = fail_topup(queue, error=GatewayTimeout("no answer"))
    assert again.id == first.id and again.attempts == 2 and len(looks) == 2
    assert ErrorItem.select().count() == 1


def test_recording_inside_a_callers_transaction_commits_or_rolls_back_with_it(queue):
    with write_transaction():
        inside = fail_topup(queue, subject_id=5)
        assert database.in_transaction()
    assert queue.get(inside.id).status == "retrying"
    with pytest.raises(RuntimeError), write_transaction():
        fail_topup(queue, subject_id=6)
        raise RuntimeError("the caller's own work failed")
    assert queue.list_items(operation="topup") == [queue.get(inside.id)]


def test_a_permanent_error_goes_to_manual_at_once_and_asks_for_an_operator(queue):
    item = fail_topup(queue, error=GatewayDeclined("card refused", "card_declined"))
    assert (item.status, item.strategy, item.error_class) == ("manual", "manual", "permanent")
    assert item.next_attempt_at is None and item.context["error_code"] == "card_declined"
    [notice] = notices()
    assert (notice.subject_type, notice.subject_id) == ("error_item", item.id)
    assert "card refused" in notice.body


def test_an_unexpected_exception_is_permanent_but_a_busy_database_is_transient(queue):
    import peewee

    bug = queue.record_failure("renewal", "subscription", 1, KeyError("plan"))
    assert bug.status == "manual" and bug.message.startswith("KeyError")
    busy = peewee.OperationalError("database is locked")
    assert queue.record_failure("renewal", "subscription", 2, busy).status == "retrying"


def test_urgent_operations_retry_at_once(queue, clock):
    queue.handlers.register("refund", Recorder(), urgent=True)
    item = queue.record_failure("refund", "refund", 9, GatewayTimeout("no answer"))
    assert item.strategy == "urgent" and item.next_attempt_at == clock.now() and item.max_attempts == 12
    limited = queue.record_failure("refund", "refund", 10, GatewayRateLimited("slow down"))
    assert limited.strategy == "fixed"


def test_bad_arguments_to_record_failure_write_nothing(queue):
    for kwargs in ({"amount_minor": -1}, {"amount_minor": 1.5}, {"context": ["not", "a", "dict"]}):
        with pytest.raises(ValidationError):
            fail_topup(queue, **kwargs)
    with pytest.raises(ValidationError):
        queue.record_failure("", "topup", 1, GatewayTransientError("x"))
    assert ErrorItem.select().count() == 0


def test_a_failure_recorded_while_a_runner_holds_the_item_counts_at_once(queue, clock):
    item = fail_topup(queue)
    ErrorItem.update(lease_owner="runner-b", lease_until=clock.now() + timedelta(seconds=60)).where(
        ErrorItem.id == item.id
    ).execute()
    again = fail_topup(queue, error=GatewayTimeout("no answer"))
    assert (again.id, again.attempts, again.message, again.lease_owner) == (item.id, 2, "no answer", "runner-b")
    assert [(a.number, a.outcome) for a in queue.attempts(item.id)] == [(1, "failed"), (2, "failed")]


def test_a_settled_subject_closes_its_open_item(queue):
    item = fail_topup(queue)
    settled = queue.settle_subject("topup", "topup", 1, "the charge went through")
    assert settled.id == item.id and settled.status == "resolved" and settled.resolved_by == "system"
    assert queue.settle_subject("topup", "topup", 1, "again") is None


# --- operator actions -----------------------------------------------------------------


def test_claim_for_retry_leases_the_items_to_the_queue_and_leaves_the_audit_to_the_outcome(queue, operator, clock):
    queue.handlers.register("topup", Recorder())
    items = [fail_topup(queue, subject_id=n) for n in (1, 2, 3)]
    claimed = queue.claim_for_retry(operator, [items[2].id, items[0].id])
    assert [(i.id, i.lease_owner, i.lease_until) for i in claimed] == [
        (items[2].id, "runner-a", clock.now() + timedelta(seconds=120)),
        (items[0].id, "runner-a", clock.now() + timedelta(seconds=120)),
    ]
    assert queue.get(items[1].id) == items[1]
    # Nothing was attempted yet: the runner audits each item with what came of it.
    assert audit_rows("error.retry") == []
    with pytest.raises(Conflict, match="being retried"):
        queue.resolve(operator, [items[0].id], "paid by hand")


def test_claim_for_retry_refuses_items_no_handler_knows(queue, operator):
    stray = queue.record_failure("mystery", "thing", 1, GatewayTransientError("x"))
    with pytest.raises(Conflict, match="mystery"):
        queue.claim_for_retry(operator, [stray.id])
    assert audit_rows() == [] and queue.get(stray.id).lease_owner is None


def test_a_viewer_may_not_claim_items_for_a_retry(queue, viewer):
    queue.handlers.register("topup", Recorder())
    item = fail_topup(queue)
    with pytest.raises(PermissionDenied):
        queue.claim_for_retry(viewer, [item.id])
    assert queue.get(item.id) == item and audit_rows() == []


def test_resolve_needs_a_note(queue, operator):
    item = fail_topup(queue)
    for note in ("", "   ", None):
        with pytest.raises(ValidationError, match="note"):
            queue.resolve(operator, [item.id], note)
    assert queue.get(item.id) == item and audit_rows() == []
    [done] = queue.resolve(operator, [item.id], "credited by hand, ticket 88")
    assert (done.status, done.resolved_by, done.resolution) == (
        "resolved",
        operator.name,
        "credited by hand, ticket 88",
    )


def test_change_strategy_reschedules_and_can_reopen_a_manual_item(queue, operator, clock):
    item = fail_topup(queue, error=GatewayDeclined("refused"))
    [fixed] = queue.change_strategy(operator, [item.id], "fixed", "try again in a while")
    assert (fixed.status, fixed.strategy) == ("retrying", "fixed")
    assert fixed.next_attempt_at == clock.now() + timedelta(minutes=10) and fixed.max_attempts == 12
    [manual] = queue.change_strategy(operator, [item.id], "manual", "hold it")
    assert (manual.status, manual.next_attempt_at) == ("manual", None)
    with pytest.raises(ValidationError):
        queue.change_strategy(operator, [item.id], "whenever", "")


def test_escalate_stops_retries_and_notifies_once(queue, operator):
    item = fail_topup(queue)
    [manual] = queue.escalate(operator, [item.id], "customer disputes it")
    assert (manual.status, manual.next_attempt_at, manual.resolution) == ("manual", None, None)
    queue.escalate(operator, [item.id], "still disputed")
    [notice] = notices()
    assert "customer disputes it" in notice.body


def test_an_action_on_a_mixed_selection_is_all_or_nothing(queue, operator):
    open_item = fail_topup(queue, subject_id=1)
    closed = queue.resolve(operator, [fail_topup(queue, subject_id=2).id], "done")[0]
    before = len(audit_rows())
    with pytest.raises(Conflict, match=f"#{closed.id} is resolved"):
        queue.cancel_retry(operator, [open_item.id, closed.id], "tidy up")
    with pytest.raises(NotFound, match="#999"):
        queue.escalate(operator, [open_item.id, 999], "")
    assert queue.get(open_item.id) == open_item and len(audit_rows()) == before


def test_an_item_being_retried_right_now_cannot_be_changed(queue, operator, clock):
    item = fail_topup(queue)
    ErrorItem.update(lease_owner="runner-b", lease_until=clock.now() + timedelta(seconds=60)).where(
        ErrorItem.id == item.id
    ).execute()
    with pytest.raises(Conflict, match="being retried"):
        queue.resolve(operator, [item.id], "done by hand")
    assert queue.get(item.id).status == "retrying"


# --- reading --------------------------------------------------------------------------


def test_get_attempts_and_list_items(queue, clock):
    old = fail_topup(queue, subject_id=1)
    clock.advance(hours=2)
    manual = fail_topup(queue, subject_id=2, error=GatewayDeclined("refused"))
    assert [i.id for i in queue.list_items(status="manual")] == [manual.id]
    assert [i.id for i in queue.list_items(status=["manual", "retrying"])] == [old.id, manual.id]
    assert [i.id for i in queue.list_items(older_than=timedelta(hours=1))] == [old.id]
    assert [i.id for i in queue.list_items(error_class="permanent", operation="topup")] == [manual.id]
    assert queue.list_items(limit=1) == [old]
    with pytest.raises(ValidationError):
        queue.list_items(status="lost")
    with pytest.raises(NotFound):
        queue.get(999)
    with pytest.raises(NotFound):
        queue.attempts(999)


def test_the_operations_in_the_queue_are_named_once_whether_open_or_closed(queue, operator):
    assert operations_in_queue() == []
    first = fail_topup(queue, subject_id=1)
    fail_topup(queue, subject_id=2)
    queue.record_failure("webhook", "invoice", 7, GatewayTransientError("502"))
    queue.record_failure("refund", "topup", 1, GatewayTransientError("502"))
    queue.resolve(operator, first.id, "settled by phone")
    assert operations_in_queue() == ["refund", "topup", "webhook"]
