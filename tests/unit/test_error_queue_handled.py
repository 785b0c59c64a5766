"""Two operators on one error item: the second is told who handled it, and nothing happens twice."""

from __future__ import annotations

import random

import pytest

from services.auth import Actor
from services.error_items import ItemLease
from services.error_queue import ErrorQueue
from services.errors import Conflict
from services.notifications import NotificationCenter
from tests.unit.retry_fakes import audit_rows, fail_topup


@pytest.fixture
def queue(db, clock):
    return ErrorQueue(clock, NotificationCenter(clock), lease=ItemLease.of("runner-a"), rng=random.Random(7))


@pytest.fixture
def second_desk():
    return Actor("olga", "operator", 4)


def test_an_item_resolved_by_one_operator_is_already_handled_for_the_next(queue, operator, second_desk):
    item = fail_topup(queue)
    [done] = queue.resolve(operator, [item.id], "refunded by phone")
    before = len(audit_rows())
    with pytest.raises(Conflict, match=f"#{item.id} is resolved, already handled by oscar"):
        queue.resolve(second_desk, [item.id], "refunded by phone too")
    with pytest.raises(Conflict, match="already handled by oscar"):
        queue.cancel_retry(second_desk, [item.id], "not needed")
    with pytest.raises(Conflict, match="already handled by oscar"):
        queue.escalate(second_desk, [item.id], "")
    assert queue.get(item.id) == done and done.resolved_by == "oscar"
    assert len(audit_rows()) == before, "the refused actions wrote nothing"


def test_an_item_canceled_by_one_operator_names_them_to_the_next(queue, operator, second_desk):
    item = fail_topup(queue)
    queue.cancel_retry(operator, [item.id], "duplicate")
    with pytest.raises(Conflict, match=f"#{item.id} is canceled, already handled by oscar"):
        queue.cancel_retry(second_desk, [item.id], "duplicate")
    # Resolving a canceled item is still allowed: it records how the money was settled.
    [resolved] = queue.resolve(second_desk, [item.id], "settled by hand")
    assert resolved.resolved_by == "olga"


def test_an_open_item_refused_for_another_reason_names_nobody(queue, operator):
    item = fail_topup(queue)
    queue.escalate(operator, [item.id], "look at it")
    with pytest.raises(Conflict) as refused:
        queue.claim_for_retry(operator, [item.id])
    assert "already handled" not in str(refused.value)
