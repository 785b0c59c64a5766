"""The retry runner: claims due error items under a lease, runs their handlers and records what came of them.

Handlers run outside any transaction, under a lease in the database, so two
runners (threads or processes) never run the same item at once, and a runner
that died mid-item leaves a lease that expires and is rescued. A handler says
how its attempt went by returning (done) or raising (the typed error, or
``AttemptFailed``); the runner counts the attempt on the queue.
"""

from __future__ import annotations

import contextlib
import logging
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import NamedTuple, Protocol, TypeVar

from models.db import connection, database, for_update, run_write, write_attempts, write_transaction
from models.tables import ErrorAttempt, ErrorItem
from services.audit import record_audit
from services.auth import Actor, require
from services.change_feed import publish_changes
from services.changes import Kind
from services.error_items import AttemptOutcome, ErrorItemInfo, check_setting, item_info, lease_free
from services.error_queue import ErrorQueue, ItemIds, ManualReason, audit_view
from services.errors import CircuitOpen, DomainError, ValidationError
from services.retry_handlers import AttemptFailed
from services.retry_policy import MAX_TEXT, OPEN_STATUSES, classify_error, error_context, error_message, merge_context
from services.retry_workers import WorkerPool, worker_pool

log = logging.getLogger(__name__)

DEFER_SECONDS = 30
# Gateway calls the retry pass keeps in flight at once (a card processor answers in 50-150 ms; the calls
# wait on the network, not on this machine). Each worker thread holds one database connection.
DEFAULT_WORKERS = 32

T = TypeVar("T")


class Breaker(Protocol):
    """What the runner asks the gateway's circuit breaker."""

    def is_open(self) -> bool: ...

    def retry_at(self) -> datetime | None: ...

    def is_closed(self) -> bool: ...

    def operator_probe(self) -> contextlib.AbstractContextManager[None]: ...


class RunOutcome(StrEnum):
    """What came of running one claimed item."""

    SUCCEEDED = "succeeded"
    RESCHEDULED = "rescheduled"
    MANUAL = "manual"
    DEFERRED = "deferred"  # the breaker was open: pushed back, no attempt spent
    LOST = "lost"  # another holder took the item when our lease ran out; its outcome is theirs
    UNTOUCHED = "untouched"  # no handler knows the operation any more
    ERROR = "error"  # the outcome could not be written; the lease expires and the item runs again


# The outcomes a pass counts, next to "due".
PASS_COUNTS = (RunOutcome.SUCCEEDED, RunOutcome.RESCHEDULED, RunOutcome.MANUAL, RunOutcome.DEFERRED)


class RunResult(NamedTuple):
    outcome: RunOutcome
    item_id: int
    next_attempt_at: datetime | None = None


# What an operator's "retry now" audits for each item, by what came of it.
RETRIED = "error.retry"  # attempted: the entry's "outcome" says resolved, still failing or manual
NOT_ATTEMPTED = "error.retry_not_attempted"  # the gateway's breaker still refused; no attempt was spent
NOT_ATTEMPTED_WHY = "the payment gateway's circuit breaker is still open; no attempt was made"
UNRECORDED = "error.retry_unrecorded"  # the request's outcome for the item could not be written
UNRECORDED_WHY = "another runner took the item, or its outcome could not be written; see its attempts"


@dataclass(frozen=True)
class RetryNowReport:
    """What an operator's "retry now" did to each item it was given."""

    items: list[ErrorItemInfo]  # as they are now, in the order given
    resolved: list[int]  # attempted, and the operation went through
    failing: list[int]  # attempted and failed again (still retrying, or now manual)
    not_attempted: list[int]  # not tried: the breaker still refused; no attempt was spent
    unknown: list[int]  # another runner took it, or its outcome could not be written (see its attempts)
    retry_at: datetime | None  # when the breaker lets calls through again, if it still refuses


class _Job(NamedTuple):
    """One leased item for a worker, with who runs it and who asked for it now."""

    item: ErrorItemInfo
    actor: str
    operator: str | None


def refuse_inside_transaction() -> None:
    if not database.is_closed() and database.in_transaction():
        raise RuntimeError("retries call the gateway and must not run inside a database transaction")


class RetryRunner:
    def __init__(
        self,
        queue: ErrorQueue,
        *,
        circuit: Breaker | None = None,
        batch_size: int = 200,
        workers: int = DEFAULT_WORKERS,
    ) -> None:
        self.queue = queue
        self.circuit = circuit
        self.batch_size = check_setting("batch_size", batch_size)
        self.workers = check_setting("workers", workers)
        self.should_stop: Callable[[], bool] = lambda: False  # read between items (see Core.stopping)

    # --- the retry pass -------------------------------------------------------------------

    def process_pending_retries(self, limit: int | None = None) -> dict[str, int]:
        """Run every due item once (at most ``limit``); returns what came of them.

        Up to ``workers`` items run at once. The next batch is claimed while the last one is still
        in flight, so the pool never idles on a batch's slowest item; every item claimed in this
        pass runs once in it (one rescheduled for now waits for the next pass).
        """
        if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int) or limit < 0):
            raise ValidationError("the limit is a whole, non-negative number of items")
        counts = dict.fromkeys(["due", *map(str, PASS_COUNTS)], 0)
        operations = self.queue.handlers.operations()
        if not operations or limit == 0:
            return counts
        refuse_inside_transaction()
        with connection(), self._pool() as pool:
            dispatch = _Dispatch(self, pool, "system")
            horizon = self.queue.clock.now()
            cursor: tuple[datetime, int] | None = None
            seen: set[int] = set()
            claiming = True
            while True:
                if self.should_stop() and not dispatch.stopped:
                    # Nothing new starts; what waits is let go untouched, what is in flight finishes.
                    claiming = False
                    released = dispatch.stop()
                    counts["due"] -= released
                    log.info("retry pass stopping: %d items left for the next pass", released)
                if claiming and (limit is not None and counts["due"] >= limit):
                    claiming = False
                if claiming and dispatch.waiting < pool.size:
                    size = self.batch_size if limit is None else min(self.batch_size, limit - counts["due"])
                    cursor, claimed, deferred = self._claim_due(operations, horizon, cursor, size, seen)
                    if cursor is None:
                        claiming = False
                    counts["due"] += len(claimed) + deferred
                    counts[RunOutcome.DEFERRED] += deferred
                    seen.update(item.id for item in claimed)
                    dispatch.add(claimed)
                elif dispatch.idle:
                    break
                else:
                    dispatch.step()
            for result in dispatch.results:
                if result.outcome in PASS_COUNTS:
                    counts[result.outcome] += 1
        if dispatch.stopped:
            counts["stopped"] = True
        return counts

    def retry_now(self, actor: Actor, ids: ItemIds) -> list[ErrorItemInfo]:
        """Run the items now, through the same lease as the retry pass; the items as they are after."""
        return self.retry_now_report(actor, ids).items

    def retry_now_report(self, actor: Actor, ids: ItemIds) -> RetryNowReport:
        """Run the items now, through the same lease as the retry pass, and say what came of each.

        The operator's request is the gateway's test call: while the breaker is open, the first
        gateway item goes through at once as its probe; when it succeeds the breaker closes and the
        rest run in the same pass, when it fails the rest wait without spending an attempt. Each
        item's audit entry, written with its outcome, says which of these happened to it.
        """
        require(actor, "error.retry")
        refuse_inside_transaction()
        with connection():
            claimed = self.queue.claim_for_retry(actor, ids)
            results = {r.item_id: r for r in self._run_all(claimed, actor.name, operator=actor.name)}
            items = [self.queue.get(item.id) for item in claimed]
        resolved, failing, not_attempted, unknown = [], [], [], []
        for item in items:
            outcome = results[item.id].outcome if item.id in results else RunOutcome.ERROR
            if outcome == RunOutcome.SUCCEEDED:
                resolved.append(item.id)
            elif outcome in (RunOutcome.RESCHEDULED, RunOutcome.MANUAL):
                failing.append(item.id)
            elif outcome == RunOutcome.DEFERRED:
                not_attempted.append(item.id)
            else:
                unknown.append(item.id)
        if unknown:
            self._audit_unrecorded(actor.name, unknown)
        retry_at = self._breaker_retry_at() if not_attempted else None
        return RetryNowReport(items, resolved, failing, not_attempted, unknown, retry_at)

    def _audit_unrecorded(self, operator: str, ids: list[int]) -> None:
        """Items whose outcome this run could not record (another runner took them, or the write
        failed): their entry says the operator's request did not get through to them."""
        try:
            with write_transaction():
                publish_changes(Kind.AUDIT)
                for item_id in ids:
                    record_audit(
                        self.queue.clock,
                        operator,
                        UNRECORDED,
                        "error_item",
                        item_id,
                        after={"outcome": "unknown", "why": UNRECORDED_WHY},
                    )
        except Exception:
            log.exception("could not audit the retry of error items %s", ids)

    def _breaker_retry_at(self) -> datetime | None:
        try:
            return self.circuit.retry_at() if self.circuit is not None else None
        except Exception:
            log.exception("could not read when the circuit breaker closes")
            return None

    def _circuit_closed(self) -> bool:
        if self.circuit is None:
            return True
        try:
            return bool(self.circuit.is_closed())
        except Exception:
            log.exception("could not read the circuit breaker; running retries anyway")
            return True

    def _circuit_refuses(self) -> bool:
        if self.circuit is None:
            return False
        try:
            return bool(self.circuit.is_open())
        except Exception:
            log.exception("could not read the circuit breaker; running retries anyway")
            return False

    def _defer_until(self, now: datetime) -> datetime:
        retry_at = None
        if self.circuit is not None:
            try:
                retry_at = self.circuit.retry_at()
            except Exception:
                log.exception("could not read when the circuit breaker closes")
        return retry_at if retry_at is not None and retry_at > now else now + timedelta(seconds=DEFER_SECONDS)

    def _uses_gateway(self, operation: str) -> bool:
        handler = self.queue.handlers.get(operation)
        return handler is not None and handler.uses_gateway

    def _claim_due(
        self, operations: list[str], horizon: datetime, cursor: tuple[datetime, int] | None, size: int, seen: set[int]
    ) -> tuple[tuple[datetime, int] | None, list[ErrorItemInfo], int]:
        """Lease the next due items after ``cursor`` (keyset on next_attempt_at, id).

        While the circuit is open, gateway items are pushed to when it may close,
        in the same short transaction and without spending an attempt.
        """
        refused = self._circuit_refuses()
        lease = self.queue.lease
        for attempt in write_attempts():
            with attempt:
                now = self.queue.clock.now()
                query = ErrorItem.select().where(
                    (ErrorItem.status == "retrying")
                    & (ErrorItem.next_attempt_at <= horizon)
                    & ErrorItem.operation.in_(operations)
                    & lease_free(now)
                )
                if cursor is not None:
                    at, last_id = cursor
                    query = query.where(
                        (ErrorItem.next_attempt_at > at)
                        | ((ErrorItem.next_attempt_at == at) & (ErrorItem.id > last_id))
                    )
                # Items another runner is claiming are skipped, not waited for: each takes its own.
                rows = list(
                    for_update(query.order_by(ErrorItem.next_attempt_at, ErrorItem.id).limit(size), skip_locked=True)
                )
                if not rows:
                    return None, [], 0
                assert rows[-1].next_attempt_at is not None, "only items due by the horizon were selected"
                cursor = (rows[-1].next_attempt_at, rows[-1].id)
                rows = [r for r in rows if r.id not in seen]
                deferred = [r.id for r in rows if refused and self._uses_gateway(r.operation)]
                claimed = [r for r in rows if r.id not in deferred]
                if deferred or claimed:
                    publish_changes(Kind.ERROR_ITEM)
                if deferred:
                    ErrorItem.update(next_attempt_at=self._defer_until(now), updated_at=now).where(
                        ErrorItem.id.in_(deferred)
                    ).execute()
                if claimed:
                    ErrorItem.update(lease_owner=lease.holder, lease_until=lease.until(now)).where(
                        ErrorItem.id.in_([r.id for r in claimed]) & lease_free(now)
                    ).execute()
        rescued = sum(1 for r in claimed if r.lease_owner is not None)
        if rescued:
            log.warning("rescued %d error items whose runner's lease had expired", rescued)
        return cursor, [item_info(r) for r in claimed], len(deferred)

    def _pool(self) -> contextlib.AbstractContextManager[WorkerPool[_Job, RunResult]]:
        """The pass's worker threads, each on its own database connection until the pool closes."""
        return worker_pool(self.workers, self._run_job)

    def _run_job(self, job: _Job) -> RunResult:
        return self._run_claimed(job.item, job.actor, job.operator)

    def _run_all(self, items: list[ErrorItemInfo], actor: str, operator: str | None = None) -> list[RunResult]:
        """Run the leased items, up to ``workers`` at once; ``operator`` names who asked for them now
        (their outcomes are audited). See ``_Dispatch`` for how the breaker gates them."""
        with self._pool() as pool:
            dispatch = _Dispatch(self, pool, actor, operator)
            dispatch.add(items)
            while not dispatch.idle:
                dispatch.step()
        return dispatch.results

    def _release(self, items: list[ErrorItemInfo]) -> None:
        """Let go of leased items without running them (they stay due, as they were); never raises."""
        holder = self.queue.lease.holder
        try:
            with connection():
                run_write(
                    lambda: (
                        ErrorItem.update(lease_owner=None, lease_until=None)
                        .where(ErrorItem.id.in_([i.id for i in items]) & (ErrorItem.lease_owner == holder))
                        .execute()
                    )
                )
        except Exception:
            log.exception("could not give back %d error items' leases; they will expire", len(items))

    def _defer_all(self, items: list[ErrorItemInfo], operator: str | None = None) -> list[RunResult]:
        """Push leased items back to when the breaker may close, in one write, no attempt spent (what
        ``_defer`` does to one item); never raises."""
        now = self.queue.clock.now()
        until = self._defer_until(now)
        push_back, audit = self._deferral(until, now)
        try:
            with connection():
                done = run_write(lambda: [self._apply_finish(i.id, push_back, audit, operator) for i in items])
        except Exception:
            log.exception("could not push back %d error items; their leases will expire", len(items))
            return [RunResult(RunOutcome.ERROR, i.id) for i in items]
        return [
            RunResult(RunOutcome.LOST, i.id) if d is None else RunResult(RunOutcome.DEFERRED, i.id, until)
            for i, d in zip(items, done, strict=True)
        ]

    def _run_claimed(
        self, item: ErrorItemInfo, actor: str, operator: str | None = None, *, defer: bool = False
    ) -> RunResult:
        """Run one leased item's handler (or only push it back, ``defer``) and record the outcome;
        never raises. ``operator``: audit the outcome in the transaction that records it."""
        try:
            with connection():
                if defer:
                    return self._defer(item, operator)
                return self._run_leased(item, actor, operator)
        except Exception:
            log.exception("the retry of error item #%d could not be recorded; its lease will expire", item.id)
            return RunResult(RunOutcome.ERROR, item.id)

    def _run_leased(self, item: ErrorItemInfo, actor: str, operator: str | None = None) -> RunResult:
        handler = self.queue.handlers.get(item.operation)
        lease = self.queue.lease
        if handler is None:
            self._finish(item.id, lambda row: None)
            return RunResult(RunOutcome.UNTOUCHED, item.id)
        renewed = (
            ErrorItem.update(lease_until=lease.until(self.queue.clock.now()))
            .where((ErrorItem.id == item.id) & (ErrorItem.lease_owner == lease.holder))
            .execute()
        )
        if not renewed:
            log.warning("error item #%d: lease lost before its run", item.id)
            return RunResult(RunOutcome.LOST, item.id)
        if handler.uses_gateway and self._circuit_refuses():
            return self._defer(item, operator)
        try:
            result = handler.run(item)
        except AttemptFailed as failed:
            return self._fail(item, failed.error, classify_error(failed.error), actor, handler.urgent, operator)
        except CircuitOpen:
            return self._defer(item, operator)
        except DomainError as error:
            return self._fail(item, error, classify_error(error), actor, handler.urgent, operator)
        except Exception as error:
            log.exception("the retry handler for %s #%d raised an unexpected error", item.operation, item.id)
            return self._fail(item, error, "transient", actor, handler.urgent, operator)
        return self._succeed(item, result, actor, operator)

    def _finish(
        self,
        item_id: int,
        change: Callable[[ErrorItem], T],
        audit: Callable[[T, ErrorItem], tuple[str, dict]] | None = None,
        operator: str | None = None,
    ) -> tuple[ErrorItem, T] | None:
        """Apply ``change`` to a row we still hold the lease on and release it, in a write of its own;
        None when the lease was lost. With ``operator``, ``audit`` names the action and what came of
        it, audited in the same write."""
        return run_write(lambda: self._apply_finish(item_id, change, audit, operator))

    def _apply_finish(
        self,
        item_id: int,
        change: Callable[[ErrorItem], T],
        audit: Callable[[T, ErrorItem], tuple[str, dict]] | None = None,
        operator: str | None = None,
    ) -> tuple[ErrorItem, T] | None:
        """``_finish``'s work, inside the caller's write transaction."""
        publish_changes(Kind.ERROR_ITEM, *([Kind.AUDIT] if operator else []))
        row = for_update(
            ErrorItem.select().where((ErrorItem.id == item_id) & (ErrorItem.lease_owner == self.queue.lease.holder))
        ).first()
        if row is None:
            log.warning("error item #%d: lease lost during its run; its outcome is left to the new holder", item_id)
            return None
        before = audit_view(row)
        result = change(row)
        row.lease_owner = row.lease_until = None
        row.save(only=row.dirty_fields)
        if operator and audit is not None:
            action, what = audit(result, row)
            record_audit(
                self.queue.clock,
                operator,
                action,
                "error_item",
                row.id,
                before=before,
                after={**audit_view(row), **what},
            )
        return row, result

    def _deferral(
        self, until: datetime, now: datetime
    ) -> tuple[Callable[[ErrorItem], None], Callable[[None, ErrorItem], tuple[str, dict]]]:
        """What pushing an item back writes, and how an operator's request audits it."""

        def push_back(row: ErrorItem) -> None:
            if row.status == "retrying":
                row.next_attempt_at, row.updated_at = until, now

        def audit(_result: None, _row: ErrorItem) -> tuple[str, dict]:
            return NOT_ATTEMPTED, {"attempted": False, "outcome": "not_attempted", "why": NOT_ATTEMPTED_WHY}

        return push_back, audit

    def _defer(self, item: ErrorItemInfo, operator: str | None = None) -> RunResult:
        now = self.queue.clock.now()
        until = self._defer_until(now)
        push_back, audit = self._deferral(until, now)
        if self._finish(item.id, push_back, audit, operator) is None:
            return RunResult(RunOutcome.LOST, item.id)
        return RunResult(RunOutcome.DEFERRED, item.id, until)

    def _succeed(self, item: ErrorItemInfo, result: object, actor: str, operator: str | None = None) -> RunResult:
        now = self.queue.clock.now()
        text = "" if result is None else str(result).strip()[:MAX_TEXT]

        def resolve(row: ErrorItem) -> None:
            row.attempts += 1
            row.updated_at = now
            if row.status in OPEN_STATUSES:
                row.status, row.next_attempt_at = "resolved", None
                row.resolved_at, row.resolved_by = now, "system"
                row.resolution = text or "succeeded on retry"
            elif text and row.resolved_by == "system":
                row.resolution = text  # settled by the handler's own call; its account says more
            ErrorAttempt.create(
                item=row.id,
                number=row.attempts,
                at=now,
                outcome=AttemptOutcome.SUCCEEDED,
                message=text or None,
                actor=actor,
            )

        def audit(_result: None, row: ErrorItem) -> tuple[str, dict]:
            return RETRIED, {"attempted": True, "outcome": "resolved", "result": row.resolution}

        if self._finish(item.id, resolve, audit, operator) is None:
            return RunResult(RunOutcome.LOST, item.id)
        return RunResult(RunOutcome.SUCCEEDED, item.id)

    def _fail(
        self,
        item: ErrorItemInfo,
        error: BaseException,
        error_class: str,
        actor: str,
        urgent: bool,
        operator: str | None = None,
    ) -> RunResult:
        now = self.queue.clock.now()
        message = error_message(error)

        def count_failure(row: ErrorItem) -> bool | None:
            """True when the item just went to manual; None when it had settled during the run."""
            if row.status not in OPEN_STATUSES:  # the operation settled during the run; the error came after
                ErrorAttempt.create(
                    item=row.id,
                    number=row.attempts + 1,
                    at=now,
                    outcome=AttemptOutcome.UNKNOWN,
                    message=message,
                    actor=actor,
                )
                return None
            row.message = message
            row.context = merge_context(row.context, error_context(error))
            became_manual = self.queue.count_failure(row, error_class, urgent, now)
            ErrorAttempt.create(
                item=row.id, number=row.attempts, at=now, outcome=AttemptOutcome.FAILED, message=message, actor=actor
            )
            return became_manual

        def audit(became_manual: bool | None, row: ErrorItem) -> tuple[str, dict]:
            if became_manual is None:  # settled during the run: what the operator asked for happened
                return RETRIED, {"attempted": True, "outcome": "resolved", "result": row.resolution}
            outcome = "still_failing" if row.status == "retrying" else "manual"
            return RETRIED, {"attempted": True, "outcome": outcome, "error": message}

        done = self._finish(item.id, count_failure, audit, operator)
        if done is None:
            return RunResult(RunOutcome.LOST, item.id)
        row, became_manual = done
        if became_manual is None:
            return RunResult(RunOutcome.SUCCEEDED, item.id)
        if became_manual:
            if error_class == "permanent":
                self.queue.notify_manual(row, "it cannot be retried automatically", ManualReason.PERMANENT)
            else:
                self.queue.notify_manual(row, f"all {row.attempts} attempts failed", ManualReason.EXHAUSTED)
        outcome = RunOutcome.RESCHEDULED if row.status == "retrying" else RunOutcome.MANUAL
        return RunResult(outcome, item.id, row.next_attempt_at)


class _Dispatch:
    """Hands leased items to the runner's workers and collects what came of them, gated by the breaker.

    While the breaker is closed, items run as many at once as the pool has workers. While it is not
    closed, gateway items go one at a time: the first is the probe (on the calling thread under the
    operator's probe when an operator asked for it), and once its answer closed the breaker the rest
    follow at full width. Once the breaker refuses (it opened mid-pass, or the probe failed), no
    gateway item starts any more: those waiting are pushed back together to when it may close, no
    attempt spent, while the calls already in flight finish and are recorded. Items that do not use
    the gateway run whatever the breaker says.
    """

    def __init__(
        self, runner: RetryRunner, pool: WorkerPool[_Job, RunResult], actor: str, operator: str | None = None
    ) -> None:
        self.runner, self.pool, self.actor, self.operator = runner, pool, actor, operator
        self.results: list[RunResult] = []
        self._gateway: deque[ErrorItemInfo] = deque()
        self._other: deque[ErrorItemInfo] = deque()
        self._in_flight: dict[int, bool] = {}  # item id -> whether it uses the gateway
        self._gateway_in_flight = 0
        self._gated: bool | None = None  # read from the breaker when the first gateway item comes
        self._refused = False
        self._probed = False  # the operator's one test call was made
        self.stopped = False  # the scheduler is stopping: nothing more starts

    @property
    def waiting(self) -> int:
        return len(self._gateway) + len(self._other)

    @property
    def idle(self) -> bool:
        return not self.waiting and self.pool.busy == 0

    def add(self, items: list[ErrorItemInfo]) -> None:
        for item in items:
            (self._gateway if self.runner._uses_gateway(item.operation) else self._other).append(item)
        if self._gateway and self._gated is None:
            self._gated = not self.runner._circuit_closed()

    def step(self) -> None:
        """Start what may start now, then wait for one item in flight to finish."""
        self._start()
        if self.pool.busy:
            result = self.pool.next_result()
            uses_gateway = self._in_flight.pop(result.item_id)
            self._gateway_in_flight -= uses_gateway
            self._settle(result, uses_gateway)

    def stop(self) -> int:
        """Start nothing more; give back the leases of the items waiting, no attempt spent. How many."""
        self.stopped = True
        waiting = [*self._gateway, *self._other]
        self._gateway.clear()
        self._other.clear()
        if waiting:
            self.runner._release(waiting)
        return len(waiting)

    def _start(self) -> None:
        while self._other and self.pool.free:
            self._submit(self._other.popleft(), uses_gateway=False)
        while self._gateway and self.pool.free and not self._refused:
            if self._gated and self._gateway_in_flight:
                break  # a probe is out: the next waits for its answer
            item = self._gateway.popleft()
            circuit = self.runner.circuit
            if self._gated and self.operator and circuit is not None and not self._probed:
                # The operator's request is the probe, run here: the probe's context is this thread's.
                self._probed = True
                with circuit.operator_probe():
                    self._settle(self.runner._run_claimed(item, self.actor, self.operator), uses_gateway=True)
            else:
                self._submit(item, uses_gateway=True)
        if self._refused and self._gateway:
            held = list(self._gateway)
            self._gateway.clear()
            self.results += self.runner._defer_all(held, self.operator)

    def _submit(self, item: ErrorItemInfo, *, uses_gateway: bool) -> None:
        self._in_flight[item.id] = uses_gateway
        self._gateway_in_flight += uses_gateway
        self.pool.submit(_Job(item, self.actor, self.operator))

    def _settle(self, result: RunResult, uses_gateway: bool) -> None:
        self.results.append(result)
        if not uses_gateway or self._refused:
            return
        if result.outcome == RunOutcome.DEFERRED:
            self._refused = True  # the breaker refused without a call: it would refuse the others the same way
        elif self._gated or result.outcome in (RunOutcome.RESCHEDULED, RunOutcome.MANUAL):
            # a probe's answer, or a failure that may have opened the breaker
            self._gated = not self.runner._circuit_closed()
            self._refused = self._gated and self.runner._circuit_refuses()
