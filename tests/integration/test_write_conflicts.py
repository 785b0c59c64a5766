"""Two connections on one PostgreSQL database: a real deadlock is run again, a claim skips a held item.

SQLite has one writer at a time, so neither can happen there; these tests need the server.
"""

from __future__ import annotations

import random
import threading
from collections import Counter
from datetime import datetime, timedelta

import pytest

from models.db import database, open_database, run_write
from models.tables import ErrorItem
from services.error_items import ItemLease
from services.error_queue import ErrorQueue
from services.ledger import ledger_sum, post_entry
from services.notifications import NotificationCenter
from services.reports import integrity_check
from services.retry_runner import RetryRunner
from tests.conftest import POSTGRES_URL
from tests.factories import balance, make_customer
from tests.unit.retry_fakes import Recorder, fail_topup, make_due

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        not POSTGRES_URL,
        reason="row-lock conflicts need PostgreSQL: set SUBS_TEST_DATABASE_URL (bash .ci/postgres-suite does)",
    ),
]


def test_two_transfers_locking_two_wallets_in_opposite_order_both_complete(db, clock):
    """Each holds one wallet and waits for the other's: PostgreSQL aborts one, which runs again."""
    _, first = make_customer(clock, balance_minor=1000)
    _, second = make_customer(clock, balance_minor=1000)
    both_hold_one = threading.Barrier(2, timeout=30)
    runs: Counter[str] = Counter()
    failures: list[BaseException] = []

    def transfer(tag: str, source: int, target: int) -> None:
        def work() -> None:
            runs[tag] += 1
            post_entry(clock, source, "adjustment", -100, f"{tag}:out", actor="test")
            if runs[tag] == 1:
                both_hold_one.wait()  # now each waits for the wallet the other holds
            post_entry(clock, target, "adjustment", 100, f"{tag}:in", actor="test")

        try:
            with database.connection_context():
                run_write(work)
        except BaseException as error:  # noqa: BLE001 - reported by the test below
            failures.append(error)

    threads = [
        threading.Thread(target=transfer, args=("a-to-b", first, second)),
        threading.Thread(target=transfer, args=("b-to-a", second, first)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not any(t.is_alive() for t in threads), "a transfer never finished"

    assert not failures, [f"{type(e).__name__}: {e}" for e in failures]
    assert sorted(runs.values()) == [1, 2], "the deadlock's victim ran once more, the other once"
    assert balance(first) == balance(second) == 1000
    assert ledger_sum(first) == ledger_sum(second) == 1000
    report = integrity_check(clock.now())
    assert report["ok"], report["violations"]


def test_a_claim_skips_an_item_another_runner_holds_and_takes_the_next(db, clock):
    queue = ErrorQueue(clock, NotificationCenter(clock), lease=ItemLease.of("runner-b"), rng=random.Random(7))
    handler = Recorder()
    queue.handlers.register("topup", handler)
    items = sorted((fail_topup(queue, subject_id=n) for n in (1, 2)), key=lambda i: (i.next_attempt_at, i.id))
    held, free = items  # the held one comes first in the claim's order: a claim that waited would stop on it
    make_due(clock)
    runner = RetryRunner(queue, workers=1)

    other_runner = open_database(POSTGRES_URL)
    with other_runner.connection_context(), other_runner.atomic():
        other_runner.execute_sql(f"SELECT id FROM {ErrorItem._meta.table_name} WHERE id = %s FOR UPDATE", (held.id,))
        # A claim that waits for the held row fails after this instead of hanging the suite.
        database.execute_sql("SET lock_timeout = '3s'")
        counts = runner.process_pending_retries()

    assert counts["due"] == 1 and counts["succeeded"] == 1
    assert set(handler.calls) == {free.id}
    assert queue.get(held.id).status == "retrying" and queue.get(free.id).status == "resolved"
    # Once the other runner lets go, the item is claimed as usual.
    assert runner.process_pending_retries()["succeeded"] == 1
    assert queue.get(held.id).status == "resolved"


def test_two_runners_claiming_at_once_take_disjoint_items_without_waiting(db, clock):
    """Runner A is stopped inside its claim, its row locked; runner B claims meanwhile and takes the rest."""
    a_holds_its_claim, a_may_go = threading.Event(), threading.Event()

    class PausingLease(ItemLease):
        def until(self, now: datetime) -> datetime:
            if not a_holds_its_claim.is_set():  # called while the claim's rows are locked
                a_holds_its_claim.set()
                assert a_may_go.wait(timeout=30)
            return super().until(now)

    notices = NotificationCenter(clock)
    queue_a = ErrorQueue(clock, notices, lease=PausingLease("runner-a", timedelta(seconds=120)), rng=random.Random(7))
    queue_b = ErrorQueue(clock, notices, lease=ItemLease.of("runner-b"), rng=random.Random(8))
    ran_by_a, ran_by_b = Recorder(), Recorder()
    queue_a.handlers.register("topup", ran_by_a)
    queue_b.handlers.register("topup", ran_by_b)
    items = [fail_topup(queue_b, subject_id=n) for n in (1, 2, 3)]
    make_due(clock)
    counts_a: list[dict[str, int]] = []

    def runner_a() -> None:
        with database.connection_context():
            counts_a.append(RetryRunner(queue_a, workers=1).process_pending_retries(limit=1))

    thread = threading.Thread(target=runner_a)
    thread.start()
    try:
        assert a_holds_its_claim.wait(timeout=30)
        database.execute_sql("SET lock_timeout = '3s'")  # waiting on A's row fails the test instead of hanging it
        counts_b = RetryRunner(queue_b, workers=1).process_pending_retries()
    finally:
        a_may_go.set()
        thread.join(timeout=60)
    assert not thread.is_alive()

    assert counts_a == [{"due": 1, "succeeded": 1, "rescheduled": 0, "manual": 0, "deferred": 0}]
    assert counts_b["due"] == 2 and counts_b["succeeded"] == 2
    assert len(ran_by_a.calls) == 1 and len(ran_by_b.calls) == 2
    assert set(ran_by_a.calls).isdisjoint(ran_by_b.calls)
    assert set(ran_by_a.calls) | set(ran_by_b.calls) == {i.id for i in items}
    assert all(queue_b.get(i.id).status == "resolved" for i in items)
