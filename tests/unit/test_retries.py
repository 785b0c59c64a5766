"""RetryManager, the error queue as the app wires it: each call reaches the part that answers it."""

from __future__ import annotations

import random

import pytest

from services.errors import GatewayTimeout, PermissionDenied, ValidationError
from services.notifications import NotificationCenter
from services.retries import RetryManager
from tests.unit.retry_fakes import Recorder, audit_rows, fail_topup, make_due


@pytest.fixture
def notifications(db, clock):
    return NotificationCenter(clock)


@pytest.fixture
def manager(clock, notifications):
    return RetryManager(clock, notifications, rng=random.Random(7), owner="runner-a", workers=1)


ACTIONS = [
    ("retry_now", "error.retry", ()),
    ("cancel_retry", "error.cancel", ("no longer needed",)),
    ("change_strategy", "error.strategy", ("fixed", "gateway asked us to slow down")),
    ("resolve", "error.resolve", ("refunded by bank transfer",)),
    ("escalate", "error.escalate", ("customer called",)),
]
OUTCOME = {
    "retry_now": ("resolved", "backoff"),
    "cancel_retry": ("canceled", "backoff"),
    "change_strategy": ("retrying", "fixed"),
    "resolve": ("resolved", "backoff"),
    "escalate": ("manual", "backoff"),
}


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


def test_one_handler_and_one_lease_serve_the_queue_and_its_runner(manager, clock):
    manager.register("refund", Recorder("sent"), urgent=True)
    item = manager.record_failure("refund", "refund", 1, GatewayTimeout("no answer"), amount_minor=900)
    assert item.strategy == "urgent"  # the queue knows the runner's handler is urgent
    make_due(clock, minutes=1)
    assert manager.process_pending_retries()["succeeded"] == 1
    assert manager.runner.queue is manager.queue and manager.queue.lease.holder == "runner-a"
    assert [row["operation"] for row in manager.get_failed_subscriptions_report()["by_operation"]] == ["refund"]


def test_the_manager_refuses_nonsense_settings(clock, notifications):
    for kwargs in ({"workers": 0}, {"batch_size": -1}, {"lease_seconds": True}):
        with pytest.raises(ValidationError):
            RetryManager(clock, notifications, **kwargs)
    first, second = RetryManager(clock, notifications), RetryManager(clock, notifications)
    assert first.queue.lease.holder != second.queue.lease.holder


def test_actions_accept_a_single_id(manager, operator):
    item = fail_topup(manager)
    assert [i.id for i in manager.escalate(operator, item.id, "")] == [item.id]
