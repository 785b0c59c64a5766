"""The error queue: every failed operation is one item, retried on its strategy until it ends.

An item ends resolved (by a retry, by the operation settling elsewhere, or by an
operator), canceled, or waits in manual for an operator; it is never dropped.
Handlers run outside any transaction, under a lease in the database, so two
runners (threads or processes) never run the same item at once and a runner
that died mid-item leaves a lease that expires and is rescued.
"""

from __future__ import annotations

import json
import logging
import os
import random
import socket
import threading
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime, timedelta

from peewee import Case, IntegrityError, fn

from models.db import connection, database, for_update, write_transaction
from models.tables import ErrorAttempt, ErrorItem, Plan, Subscription
from services import lifecycle
from services.audit import record_audit
from services.auth import Actor, require
from services.errors import CircuitOpen, Conflict, DomainError, NotFound, ValidationError
from services.money import check_currency
from services.retry_policy import (
    CLOSED_STATUSES,
    ERROR_CLASS_STRATEGY,
    MAX_TEXT,
    OPEN_STATUSES,
    POLICIES,
    STATUSES,
    STRATEGIES,
    RetryPolicy,
    classify_error,
    clean_item_ids,
    clean_name,
    clean_text,
    error_context,
    error_message,
    merge_context,
    next_attempt_after_failure,
    policy_for,
    strategy_after_failure,
    strategy_for,
)
from services.settings import SETTINGS

__all__ = [
    "ERROR_CLASS_STRATEGY", "POLICIES", "STRATEGIES", "AttemptInfo", "ErrorItemInfo", "RetryManager",
    "RetryPolicy", "classify_error",
]

log = logging.getLogger(__name__)

DEFER_SECONDS = 30


@dataclass(frozen=True)
class ErrorItemInfo:
    id: int
    operation: str
    subject_type: str
    subject_id: int
    error_class: str
    message: str
    context: dict
    strategy: str
    status: str
    attempts: int
    max_attempts: int
    next_attempt_at: datetime | None
    amount_minor: int
    created_at: datetime
    updated_at: datetime
    resolved_at: datetime | None
    resolved_by: str | None
    resolution: str | None
    lease_owner: str | None = None
    lease_until: datetime | None = None
    currency: str = "USD"  # of amount_minor


@dataclass(frozen=True)
class AttemptInfo:
    id: int
    item_id: int
    number: int
    at: datetime
    outcome: str  # succeeded | failed | deferred | unknown
    message: str | None
    actor: str


@dataclass(frozen=True)
class _Handler:
    run: Callable[[ErrorItemInfo], str | None]
    uses_gateway: bool
    urgent: bool
    before_close: Callable[[ErrorItemInfo], None] | None = None


def item_info(row: ErrorItem) -> ErrorItemInfo:
    try:
        context = json.loads(row.context or "{}")
    except ValueError:
        context = {"raw": row.context}
    return ErrorItemInfo(
        row.id, row.operation, row.subject_type, row.subject_id, row.error_class, row.message, context,
        row.strategy, row.status, row.attempts, row.max_attempts, row.next_attempt_at, row.amount_minor,
        row.created_at, row.updated_at, row.resolved_at, row.resolved_by, row.resolution,
        row.lease_owner, row.lease_until, row.currency,
    )


def _attempt_info(row: ErrorAttempt) -> AttemptInfo:
    return AttemptInfo(row.id, row.item_id, row.number, row.at, row.outcome, row.message, row.actor)


def _leased(row: ErrorItem, now: datetime) -> bool:
    return row.lease_owner is not None and row.lease_until is not None and row.lease_until > now


def _lease_free(now: datetime):
    return ErrorItem.lease_until.is_null() | (ErrorItem.lease_until <= now)


def _transaction():
    """Our own write transaction, or a savepoint inside the caller's."""
    return database.atomic() if database.in_transaction() else write_transaction()


def _lock_actionable(ids: list[int], allowed: tuple[str, ...], verb: str, now: datetime,
                     held_by: str | None = None) -> dict[int, ErrorItem]:
    """Lock ``ids`` for an operator action, refusing the lot when one is missing, in the wrong
    status, or leased by anyone but ``held_by``."""
    rows = {r.id: r for r in for_update(ErrorItem.select().where(ErrorItem.id.in_(ids)))}
    missing = [i for i in ids if i not in rows]
    if missing:
        raise NotFound(f"no error item {', '.join(f'#{i}' for i in missing[:20])}")
    for item_id in ids:
        row = rows[item_id]
        if row.status not in allowed:
            raise Conflict(f"error item #{item_id} is {row.status}; only {' or '.join(allowed)} "
                           f"items can be {verb}")
        if _leased(row, now) and (held_by is None or row.lease_owner != held_by):
            raise Conflict(f"error item #{item_id} is being retried right now; try again when it finishes")
    return rows


# A handler that records its own failure instead of raising it must not see its item resolved:
# the failure is parked here, keyed by item and lease holder, and the runner takes it back.
_failures_during_run: dict[tuple[int, str], BaseException] = {}
_failures_lock = threading.Lock()


def _park_failure(item_id: int, owner: str, error: BaseException) -> None:
    with _failures_lock:
        _failures_during_run[(item_id, owner)] = error


def _take_parked_failure(item_id: int, owner: str) -> BaseException | None:
    with _failures_lock:
        return _failures_during_run.pop((item_id, owner), None)


def _audit_view(row: ErrorItem) -> dict:
    return {"status": row.status, "strategy": row.strategy, "attempts": row.attempts,
            "max_attempts": row.max_attempts, "next_attempt_at": row.next_attempt_at,
            "resolution": row.resolution}


class RetryManager:
    def __init__(self, clock, notifications, *, circuit=None, settings=None, rng: random.Random | None = None,
                 owner: str | None = None, lease_seconds: int = 120, batch_size: int = 200, workers: int = 4):
        for name, value in (("lease_seconds", lease_seconds), ("batch_size", batch_size), ("workers", workers)):
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise ValidationError(f"{name} must be a whole number of at least 1")
        self.clock = clock
        self.notifications = notifications
        self.circuit = circuit
        self.settings = settings
        self.owner = (owner or f"{os.getpid()}-{uuid.uuid4().hex[:8]}@{socket.gethostname()}")[:64]
        self.lease = timedelta(seconds=lease_seconds)
        self.batch_size = batch_size
        self.workers = workers
        self._rng = rng or random.Random()
        self._rng_lock = threading.Lock()
        self._handlers: dict[str, _Handler] = {}
        self._handlers_lock = threading.Lock()

    # --- wiring -------------------------------------------------------------------

    def register(self, operation: str, handler: Callable[[ErrorItemInfo], str | None], *,
                 uses_gateway: bool = True, urgent: bool = False,
                 before_close: Callable[[ErrorItemInfo], None] | None = None) -> None:
        """How to retry ``operation``: ``handler`` returns normally when the operation is done
        (its text becomes the resolution) and raises the typed error when it is not.

        ``before_close`` runs (outside any transaction) before an operator cancels or
        resolves an item: it settles the subject for good (e.g. asks the gateway whether
        a charge went through) and raises a domain error to refuse the close."""
        operation = clean_name(operation, "operation")
        if not callable(handler):
            raise ValidationError("a retry handler must be callable")
        with self._handlers_lock:
            self._handlers[operation] = _Handler(handler, bool(uses_gateway), bool(urgent), before_close)

    def _handler(self, operation: str) -> _Handler | None:
        with self._handlers_lock:
            return self._handlers.get(operation)

    def _next_attempt_at(self, policy: RetryPolicy, now: datetime, failures: int) -> datetime | None:
        with self._rng_lock:
            return policy.next_attempt_at(now, failures, self._rng)

    # --- recording failures -----------------------------------------------------------

    def record_failure(self, operation: str, subject_type: str, subject_id: int, error: BaseException, *,
                       context: dict | None = None, amount_minor: int = 0, actor: str = "system") -> ErrorItemInfo:
        """Put a failed operation in the queue, or count it on the subject's open item."""
        operation = clean_name(operation, "operation")
        subject_type = clean_name(subject_type, "subject type")
        if isinstance(subject_id, bool) or not isinstance(subject_id, int):
            raise ValidationError("the subject id is a whole number")
        if isinstance(amount_minor, bool) or not isinstance(amount_minor, int) or amount_minor < 0:
            raise ValidationError("the amount at risk is a whole, non-negative number of minor units")
        if context is not None and not isinstance(context, dict):
            raise ValidationError("the context of a failure is a mapping")
        currency = check_currency((context or {}).get("currency", "USD"))
        if not isinstance(error, BaseException):
            raise ValidationError("record_failure needs the exception that was raised")
        handler = self._handler(operation)
        failure = {
            "error_class": classify_error(error), "message": error_message(error), "error": error,
            "context": {**error_context(error), **(context or {})}, "amount_minor": amount_minor,
            "currency": currency, "actor": str(actor)[:64], "urgent": bool(handler and handler.urgent),
        }
        for tries_left in (2, 1, 0):
            try:
                with _transaction():
                    row, became_manual = self._record_in_transaction(operation, subject_type, subject_id, failure)
                break
            except IntegrityError:  # another writer opened the subject's item first: count on that one
                if not tries_left:
                    raise
        if became_manual:
            why = "it cannot be retried automatically" if failure["error_class"] == "permanent" else (
                f"{row.attempts} attempts failed")
            self._notify_manual(row, why, "permanent" if failure["error_class"] == "permanent" else "exhausted")
        return item_info(row)

    def _open_item(self, operation: str, subject_type: str, subject_id: int) -> ErrorItem | None:
        return for_update(ErrorItem.select().where(
            (ErrorItem.operation == operation) & (ErrorItem.subject_type == subject_type)
            & (ErrorItem.subject_id == subject_id) & ErrorItem.status.in_(OPEN_STATUSES))).first()

    def _record_in_transaction(self, operation, subject_type, subject_id, failure) -> tuple[ErrorItem, bool]:
        now = self.clock.now()
        row = self._open_item(operation, subject_type, subject_id)
        if row is None:
            strategy = strategy_for(failure["error_class"], failure["urgent"])
            policy = policy_for(strategy)
            next_at = self._next_attempt_at(policy, now, 1)
            # The partial unique index refuses a second open item; record_failure then counts on the first.
            row = ErrorItem.create(
                operation=operation, subject_type=subject_type, subject_id=subject_id,
                error_class=failure["error_class"], message=failure["message"],
                context=merge_context(None, failure["context"]), strategy=strategy,
                status="retrying" if next_at else "manual", attempts=1, max_attempts=policy.max_attempts,
                next_attempt_at=next_at, amount_minor=failure["amount_minor"], currency=failure["currency"],
                created_at=now, updated_at=now)
            ErrorAttempt.create(item=row.id, number=1, at=now, outcome="failed", message=failure["message"],
                                actor=failure["actor"])
            return row, row.status == "manual"
        row.message, row.context = failure["message"], merge_context(row.context, failure["context"])
        row.amount_minor = max(row.amount_minor, failure["amount_minor"])
        if _leased(row, now):
            # A runner holds the item right now: its handler is reporting; the runner counts the attempt.
            self._adopt_error_class(row, failure["error_class"], failure["urgent"])
            row.updated_at = now
            row.save()
            _park_failure(row.id, row.lease_owner, failure["error"])
            return row, False
        became_manual = self._apply_failure(row, failure["error_class"], failure["urgent"], now)
        row.save()
        ErrorAttempt.create(item=row.id, number=row.attempts, at=now, outcome="failed", message=row.message,
                            actor=failure["actor"])
        return row, became_manual

    def _adopt_error_class(self, row: ErrorItem, error_class: str, urgent: bool) -> None:
        row.strategy, row.max_attempts = strategy_after_failure(row.strategy, row.max_attempts, row.error_class,
                                                                error_class, urgent)
        row.error_class = error_class

    def _apply_failure(self, row: ErrorItem, error_class: str, urgent: bool, now: datetime) -> bool:
        """Count one more failed attempt and decide what follows; True when it just went to manual."""
        was_manual = row.status == "manual"
        self._adopt_error_class(row, error_class, urgent)
        row.attempts += 1
        with self._rng_lock:
            row.next_attempt_at = next_attempt_after_failure(
                status=row.status, strategy=row.strategy, attempts=row.attempts, max_attempts=row.max_attempts,
                error_class=error_class, now=now, rng=self._rng)
        row.status = "retrying" if row.next_attempt_at else "manual"
        row.updated_at = now
        return row.status == "manual" and not was_manual

    def settle_subject(self, operation: str, subject_type: str, subject_id: int, resolution: str,
                       *, actor: str = "system") -> ErrorItemInfo | None:
        """The operation finished elsewhere (a later call, a reconcile): close its open item, if any."""
        with _transaction():
            row = self._open_item(operation, subject_type, subject_id)
            if row is None:
                return None
            now = self.clock.now()
            row.status, row.next_attempt_at, row.updated_at = "resolved", None, now
            row.resolved_at, row.resolved_by = now, str(actor)[:64]
            row.resolution = str(resolution or "").strip()[:MAX_TEXT] or "settled"
            row.save()
        return item_info(row)

    def _notify_manual(self, row: ErrorItem, why: str, kind: str) -> None:
        try:
            self.notifications.post(
                "manual_intervention",
                f"{row.operation} of {row.subject_type} #{row.subject_id} needs an operator",
                f"{why}: {row.message}", subject=("error_item", row.id),
                dedup_key=f"manual_intervention:error_item:{row.id}:{row.attempts}:{kind}")
        except Exception:
            log.exception("could not post the manual-intervention notice for error item #%d", row.id)

    # --- the retry pass -------------------------------------------------------------------

    def process_pending_retries(self, limit: int | None = None) -> dict:
        """Run every due item once (at most ``limit``); returns what came of them."""
        if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int) or limit < 0):
            raise ValidationError("the limit is a whole, non-negative number of items")
        counts = dict.fromkeys(("due", "succeeded", "rescheduled", "manual", "deferred"), 0)
        with self._handlers_lock:
            operations = sorted(self._handlers)
        if not operations or limit == 0:
            return counts
        self._refuse_inside_transaction()
        with connection():
            horizon = self.clock.now()
            cursor, seen = None, set()
            while limit is None or counts["due"] < limit:
                size = self.batch_size if limit is None else min(self.batch_size, limit - counts["due"])
                cursor, claimed, deferred = self._claim_due(operations, horizon, cursor, size, seen)
                if cursor is None:
                    break
                counts["due"] += len(claimed) + deferred
                counts["deferred"] += deferred
                for outcome, item_id, next_at in self._run_all(claimed, "system"):
                    if outcome in counts:
                        counts[outcome] += 1
                    if next_at is not None and next_at <= horizon:
                        seen.add(item_id)  # due again at once: the next pass takes it
        return counts

    def _refuse_inside_transaction(self) -> None:
        if not database.is_closed() and database.in_transaction():
            raise RuntimeError("retries call the gateway and must not run inside a database transaction")

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

    def _claim_due(self, operations, horizon, cursor, size, seen):
        """Lease the next due items after ``cursor`` (keyset on next_attempt_at, id).

        While the circuit is open, gateway items are pushed to when it may close,
        in the same short transaction and without spending an attempt.
        """
        refused = self._circuit_refuses()
        with write_transaction():
            now = self.clock.now()
            query = ErrorItem.select().where(
                (ErrorItem.status == "retrying") & (ErrorItem.next_attempt_at <= horizon)
                & ErrorItem.operation.in_(operations) & _lease_free(now))
            if cursor is not None:
                at, last_id = cursor
                query = query.where((ErrorItem.next_attempt_at > at)
                                    | ((ErrorItem.next_attempt_at == at) & (ErrorItem.id > last_id)))
            rows = list(for_update(query.order_by(ErrorItem.next_attempt_at, ErrorItem.id).limit(size)))
            if not rows:
                return None, [], 0
            cursor = (rows[-1].next_attempt_at, rows[-1].id)
            rows = [r for r in rows if r.id not in seen]
            deferred = [r.id for r in rows if refused and getattr(self._handler(r.operation), "uses_gateway", False)]
            claimed = [r for r in rows if r.id not in deferred]
            if deferred:
                ErrorItem.update(next_attempt_at=self._defer_until(now), updated_at=now).where(
                    ErrorItem.id.in_(deferred)).execute()
            if claimed:
                ErrorItem.update(lease_owner=self.owner, lease_until=now + self.lease).where(
                    ErrorItem.id.in_([r.id for r in claimed]) & _lease_free(now)).execute()
        rescued = sum(1 for r in claimed if r.lease_owner is not None)
        if rescued:
            log.warning("rescued %d error items whose runner's lease had expired", rescued)
        return cursor, [item_info(r) for r in claimed], len(deferred)

    def _run_all(self, items: list[ErrorItemInfo], actor: str) -> list[tuple[str, int, datetime | None]]:
        if self.workers == 1 or len(items) <= 1:
            return [self._run_claimed(item, actor) for item in items]
        with ThreadPoolExecutor(max_workers=min(self.workers, len(items)), thread_name_prefix="retry") as pool:
            return list(pool.map(lambda item: self._run_claimed(item, actor), items))

    def _run_claimed(self, item: ErrorItemInfo, actor: str) -> tuple[str, int, datetime | None]:
        """Run one leased item's handler and record the outcome; never raises."""
        try:
            with connection():
                return self._run_leased(item, actor)
        except Exception:
            log.exception("the retry of error item #%d could not be recorded; its lease will expire", item.id)
            return "error", item.id, None

    def _run_leased(self, item: ErrorItemInfo, actor: str) -> tuple[str, int, datetime | None]:
        handler = self._handler(item.operation)
        now = self.clock.now()
        if handler is None:
            self._finish(item.id, lambda row: None)
            return "untouched", item.id, None
        renewed = ErrorItem.update(lease_until=now + self.lease).where(
            (ErrorItem.id == item.id) & (ErrorItem.lease_owner == self.owner)).execute()
        if not renewed:
            log.warning("error item #%d: lease lost before its run", item.id)
            return "lost", item.id, None
        if handler.uses_gateway and self._circuit_refuses():
            return self._defer(item)
        try:
            result = handler.run(item)
        except CircuitOpen:
            _take_parked_failure(item.id, self.owner)
            return self._defer(item)
        except DomainError as error:
            _take_parked_failure(item.id, self.owner)
            return self._fail(item, error, classify_error(error), actor, handler.urgent)
        except Exception as error:
            _take_parked_failure(item.id, self.owner)
            log.exception("the retry handler for %s #%d raised an unexpected error", item.operation, item.id)
            return self._fail(item, error, "transient", actor, handler.urgent)
        parked = _take_parked_failure(item.id, self.owner)
        if parked is not None:
            return self._fail(item, parked, classify_error(parked), actor, handler.urgent)
        return self._succeed(item, result, actor)

    def _finish(self, item_id: int, change: Callable[[ErrorItem], object]):
        """Apply ``change`` to a row we still hold the lease on and release it; None when the lease was lost."""
        with write_transaction():
            row = for_update(ErrorItem.select().where(
                (ErrorItem.id == item_id) & (ErrorItem.lease_owner == self.owner))).first()
            if row is None:
                log.warning("error item #%d: lease lost during its run; its outcome is left to the new holder",
                            item_id)
                return None
            result = change(row)
            row.lease_owner = row.lease_until = None
            row.save()
            return row, result

    def _defer(self, item: ErrorItemInfo) -> tuple[str, int, datetime | None]:
        now = self.clock.now()
        until = self._defer_until(now)

        def push_back(row: ErrorItem) -> None:
            if row.status == "retrying":
                row.next_attempt_at, row.updated_at = until, now

        done = self._finish(item.id, push_back)
        return ("deferred", item.id, until) if done else ("lost", item.id, None)

    def _succeed(self, item: ErrorItemInfo, result, actor: str) -> tuple[str, int, datetime | None]:
        now = self.clock.now()
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
            ErrorAttempt.create(item=row.id, number=row.attempts, at=now, outcome="succeeded",
                                message=text or None, actor=actor)

        done = self._finish(item.id, resolve)
        return ("succeeded", item.id, None) if done else ("lost", item.id, None)

    def _fail(self, item: ErrorItemInfo, error: BaseException, error_class: str, actor: str,
              urgent: bool) -> tuple[str, int, datetime | None]:
        now = self.clock.now()
        message = error_message(error)

        def count_failure(row: ErrorItem) -> str:
            if row.status not in OPEN_STATUSES:  # the operation settled during the run; the error came after
                ErrorAttempt.create(item=row.id, number=row.attempts + 1, at=now, outcome="unknown",
                                    message=message, actor=actor)
                return "settled"
            row.message = message
            row.context = merge_context(row.context, error_context(error))
            became_manual = self._apply_failure(row, error_class, urgent, now)
            ErrorAttempt.create(item=row.id, number=row.attempts, at=now, outcome="failed", message=message,
                                actor=actor)
            return "became_manual" if became_manual else row.status

        done = self._finish(item.id, count_failure)
        if done is None:
            return "lost", item.id, None
        row, what = done
        if what == "settled":
            return "succeeded", item.id, None
        if what == "became_manual":
            why = ("it cannot be retried automatically" if error_class == "permanent"
                   else f"all {row.attempts} attempts failed")
            self._notify_manual(row, why, "permanent" if error_class == "permanent" else "exhausted")
        return ("rescheduled" if row.status == "retrying" else "manual"), item.id, row.next_attempt_at

    # --- operator actions -------------------------------------------------------------------

    def _act(self, actor: Actor, action: str, ids, allowed: tuple[str, ...], change: Callable[[ErrorItem], None],
             reason: str, verb: str, *, held_by: str | None = None) -> list[ErrorItem]:
        """Check, change and audit exactly ``ids`` in one transaction: all of them or none.

        ``held_by`` is the lease of the close doing this: the items it holds are not refused as
        busy, and the lease is let go in the same write.
        """
        require(actor, action)
        ids = clean_item_ids(ids)
        with _transaction():
            now = self.clock.now()
            rows = _lock_actionable(ids, allowed, verb, now, held_by)
            for item_id in ids:
                row = rows[item_id]
                before = _audit_view(row)
                change(row)
                if held_by is not None and row.lease_owner == held_by:
                    row.lease_owner = row.lease_until = None
                row.updated_at = now
                row.save()
                record_audit(self.clock, actor.name, action, "error_item", item_id, before=before,
                             after=_audit_view(row), reason=reason or None)
        return [rows[i] for i in ids]

    def _close(self, actor: Actor, action: str, ids, allowed: tuple[str, ...], change: Callable[[ErrorItem], None],
               reason: str, verb: str) -> list[ErrorItemInfo]:
        """Close items under a lease of their own: claim them, settle their subjects, then close them.

        The claim comes first, in its own short write, all of the items or none: a close never
        settles money (a refund put back into the wallet) for an item a runner is in the middle
        of sending, and no runner takes an item while its subject is being settled. The lease is
        let go whatever happens.
        """
        require(actor, action)
        ids = clean_item_ids(ids)
        if database.in_transaction():
            raise RuntimeError("closing error items settles with the gateway; call it outside a transaction")
        token = f"close-{uuid.uuid4().hex[:12]}@{self.owner}"[:64]
        with write_transaction():
            now = self.clock.now()
            _lock_actionable(ids, allowed, verb, now)
            ErrorItem.update(lease_owner=token, lease_until=now + self.lease).where(ErrorItem.id.in_(ids)).execute()
        try:
            self._settle_before_closing(ids)
            rows = self._act(actor, action, ids, allowed, change, reason, verb, held_by=token)
        finally:
            self._release_close_lease(ids, token)
        return [item_info(r) for r in rows]

    def _release_close_lease(self, ids: list[int], token: str) -> None:
        """Let go of what a close still holds (it was refused or failed); never raises over the close's own error.

        A failure recorded on an item while the close held it was parked for the close: it is counted
        now, as a runner would have counted it.
        """
        became_manual: list[ErrorItem] = []
        try:
            with write_transaction():
                now = self.clock.now()
                for row in for_update(ErrorItem.select().where(
                        ErrorItem.id.in_(ids) & (ErrorItem.lease_owner == token))):
                    parked = _take_parked_failure(row.id, token)
                    if parked is not None and row.status in OPEN_STATUSES:
                        urgent = bool(getattr(self._handler(row.operation), "urgent", False))
                        if self._apply_failure(row, classify_error(parked), urgent, now):
                            became_manual.append(row)
                        ErrorAttempt.create(item=row.id, number=row.attempts, at=now, outcome="failed",
                                            message=error_message(parked), actor="system")
                    row.lease_owner = row.lease_until = None
                    row.save()
        except Exception:
            log.exception("could not let go of the lease on error items %s; it expires by itself", ids)
            became_manual = []
        finally:
            for item_id in ids:
                _take_parked_failure(item_id, token)
        for row in became_manual:
            self._notify_manual(row, f"{row.attempts} attempts failed", "exhausted")

    def retry_now(self, actor: Actor, ids) -> list[ErrorItemInfo]:
        """Run the items now, through the same lease as the retry pass."""
        require(actor, "error.retry")
        self._refuse_inside_transaction()
        with connection():
            clean = clean_item_ids(ids)
            unhandled = sorted({r.operation for r in ErrorItem.select(ErrorItem.operation).where(
                ErrorItem.id.in_(clean)) if self._handler(r.operation) is None})
            if unhandled:
                raise Conflict(f"no retry is known for {', '.join(unhandled)}; resolve or escalate instead")
            now = self.clock.now()

            def claim(row: ErrorItem) -> None:
                row.lease_owner, row.lease_until = self.owner, now + self.lease

            rows = self._act(actor, "error.retry", clean, OPEN_STATUSES, claim, "", "retried")
            self._run_all([item_info(r) for r in rows], actor.name)
            return [self.get(i) for i in clean]

    def cancel_retry(self, actor: Actor, ids, reason: str) -> list[ErrorItemInfo]:
        """Stop retrying: the item closes as canceled, with no further automatic attempt."""
        require(actor, "error.cancel")
        reason = clean_text(reason, "reason")
        now = self.clock.now()

        def cancel(row: ErrorItem) -> None:
            row.status, row.next_attempt_at = "canceled", None
            row.resolved_at, row.resolved_by, row.resolution = now, actor.name, reason or "canceled"

        return self._close(actor, "error.cancel", ids, OPEN_STATUSES, cancel, reason, "canceled")

    def _settle_before_closing(self, ids: list[int]) -> None:
        """Let each operation settle its subject before an operator closes its item.

        Money must never be left in between: a top-up whose charge may have gone
        through is credited or marked failed by asking the gateway, not dropped.
        Runs under the close's lease and outside any transaction (it calls the gateway).
        """
        rows = list(ErrorItem.select().where(ErrorItem.id.in_(ids) & ErrorItem.status.in_(OPEN_STATUSES))
                    .order_by(ErrorItem.id))
        for row in rows:
            handler = self._handler(row.operation)
            if handler is not None and handler.before_close is not None:
                handler.before_close(item_info(row))

    def change_strategy(self, actor: Actor, ids, strategy: str, reason: str) -> list[ErrorItemInfo]:
        """Retry on another strategy from now on; an automatic one puts a manual item back in the queue."""
        require(actor, "error.strategy")
        reason = clean_text(reason, "reason")
        policy = policy_for(strategy)
        now = self.clock.now()

        def switch(row: ErrorItem) -> None:
            row.strategy = policy.strategy
            if not policy.automatic:
                row.status, row.next_attempt_at = "manual", None
                return
            row.max_attempts = max(policy.max_attempts, row.attempts + 1)  # at least one more attempt
            row.status = "retrying"
            row.next_attempt_at = self._next_attempt_at(policy, now, row.attempts)

        return [item_info(r) for r in self._act(actor, "error.strategy", ids, OPEN_STATUSES, switch, reason,
                                                "given a new strategy")]

    def resolve(self, actor: Actor, ids, note: str) -> list[ErrorItemInfo]:
        """Close items an operator has settled by hand; the note says how."""
        require(actor, "error.resolve")
        note = clean_text(note, "note saying how it was resolved", required=True)
        now = self.clock.now()

        def settle(row: ErrorItem) -> None:
            row.status, row.next_attempt_at = "resolved", None
            row.resolved_at, row.resolved_by, row.resolution = now, actor.name, note

        return self._close(actor, "error.resolve", ids, OPEN_STATUSES + ("canceled",), settle, note, "resolved")

    def escalate(self, actor: Actor, ids, reason: str) -> list[ErrorItemInfo]:
        """Stop automatic attempts and ask for an operator."""
        require(actor, "error.escalate")
        reason = clean_text(reason, "reason")
        newly_manual: list[int] = []

        def to_manual(row: ErrorItem) -> None:
            if row.status != "manual":
                newly_manual.append(row.id)
            row.status, row.next_attempt_at = "manual", None

        rows = self._act(actor, "error.escalate", ids, OPEN_STATUSES, to_manual, reason, "escalated")
        for row in rows:
            if row.id in newly_manual:
                self._notify_manual(row, f"escalated by {actor.name}" + (f" ({reason})" if reason else ""),
                                    "escalated")
        return [item_info(r) for r in rows]

    # --- reading -------------------------------------------------------------------------

    def get(self, item_id) -> ErrorItemInfo:
        (item_id,) = clean_item_ids(item_id)
        row = ErrorItem.get_or_none(ErrorItem.id == item_id)
        if row is None:
            raise NotFound(f"no error item #{item_id}")
        return item_info(row)

    def attempts(self, item_id) -> list[AttemptInfo]:
        item = self.get(item_id)
        rows = ErrorAttempt.select().where(ErrorAttempt.item == item.id).order_by(ErrorAttempt.number,
                                                                                   ErrorAttempt.id)
        return [_attempt_info(r) for r in rows]

    def list_items(self, status=None, operation=None, error_class=None, older_than=None,
                   limit: int = 200) -> list[ErrorItemInfo]:
        """Oldest first. ``status`` is one status or several; ``older_than`` a moment or an age."""
        if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= 100_000:
            raise ValidationError("the limit is a whole number from 1 to 100000")
        query = ErrorItem.select()
        if status is not None:
            wanted = (status,) if isinstance(status, str) else tuple(status)
            unknown = [s for s in wanted if s not in STATUSES]
            if unknown or not wanted:
                raise ValidationError(f"status must be among {', '.join(STATUSES)}")
            query = query.where(ErrorItem.status.in_(wanted))
        if operation is not None:
            query = query.where(ErrorItem.operation == operation)
        if error_class is not None:
            query = query.where(ErrorItem.error_class == error_class)
        if older_than is not None:
            if isinstance(older_than, timedelta):
                older_than = self.clock.now() - older_than
            if not isinstance(older_than, datetime):
                raise ValidationError("older_than is a moment or an age")
            query = query.where(ErrorItem.created_at <= older_than)
        return [item_info(r) for r in query.order_by(ErrorItem.id).limit(limit)]

    # --- the report and the alert ---------------------------------------------------------------

    def get_failed_subscriptions_report(self) -> dict:
        """Counts, oldest unresolved age, amount at risk and recovery rate by operation, error class,
        status and currency, and the subscriptions waiting for funds.

        ``amount_at_risk_minor`` in the by-operation, by-class and by-status rows adds minor units
        whatever their currency; ``amount_at_risk_by_currency`` ({"USD": 1500, "EUR": 700}) is the
        figure to show an operator.

        ``pending_renewal`` is its own line, not an error item: renewals refused for lack of funds
        ({"count": 3, "oldest_age_seconds": 7200, "amount_at_risk_by_currency": {"USD": 3000}}),
        the age counted from when the oldest went pending, the amount their plans' prices.
        """
        now = self.clock.now()
        report = {name: _report_rows(column, name, now) for name, column in (
            ("operation", ErrorItem.operation), ("error_class", ErrorItem.error_class),
            ("status", ErrorItem.status), ("currency", ErrorItem.currency))}
        by_status = {row["status"]: row["count"] for row in report["status"]}
        totals = {status: by_status.get(status, 0) for status in STATUSES}
        return {"by_operation": report["operation"], "by_error_class": report["error_class"],
                "by_status": report["status"], "by_currency": report["currency"],
                "amount_at_risk_by_currency": {row["currency"]: row["amount_at_risk_minor"]
                                               for row in report["currency"] if row["open"]},
                "totals": {"open": totals["retrying"] + totals["manual"], **totals},
                "pending_renewal": _pending_renewal_line(now)}

    def check_alert_threshold(self) -> bool:
        """True when unresolved items exceed the alert threshold; posts one alert a day while they do."""
        threshold = (self.settings.get("alert_threshold") if self.settings is not None
                     else SETTINGS["alert_threshold"][0])
        unresolved = ErrorItem.select().where(ErrorItem.status.in_(OPEN_STATUSES)).count()
        if unresolved <= threshold:
            return False
        now = self.clock.now()
        waiting = Subscription.select().where(Subscription.status == lifecycle.PENDING).count()
        try:
            self.notifications.post(
                "errors_alert", f"{unresolved} failed operations are waiting",
                f"More than {threshold} error items are retrying or waiting for an operator. "
                + ("1 subscription is" if waiting == 1 else f"{waiting} subscriptions are")
                + " waiting for funds.",
                dedup_key=f"errors_alert:{now:%Y-%m-%d}")
        except Exception:
            log.exception("could not post the unresolved-errors alert")
        return True


def _report_rows(column, name: str, now: datetime) -> list[dict]:
    unresolved = ErrorItem.status.in_(OPEN_STATUSES)
    closed = ErrorItem.status.in_(CLOSED_STATUSES)
    recovered = (ErrorItem.status == "resolved") & (ErrorItem.resolved_by == "system")
    query = (ErrorItem.select(
        column, fn.COUNT(ErrorItem.id), fn.SUM(Case(None, [(unresolved, 1)], 0)),
        fn.MIN(Case(None, [(unresolved, ErrorItem.created_at)])),
        fn.SUM(Case(None, [(unresolved, ErrorItem.amount_minor)], 0)),
        fn.SUM(Case(None, [(recovered, 1)], 0)), fn.SUM(Case(None, [(closed, 1)], 0)),
    ).group_by(column).order_by(column).tuples())
    rows = []
    for key, count, open_count, oldest, at_risk, recovered_count, closed_count in query:
        oldest = ErrorItem.created_at.python_value(oldest)
        rows.append({
            name: key, "count": count, "open": open_count,
            "oldest_age_seconds": None if oldest is None else max(0, int((now - oldest).total_seconds())),
            "amount_at_risk_minor": int(at_risk or 0),
            "recovery_rate": recovered_count / closed_count if closed_count else None,
        })
    return rows


def _pending_renewal_line(now: datetime) -> dict:
    """Subscriptions whose renewal waits for funds: how many, since when, and what their plans cost."""
    query = (Subscription.select(Plan.currency, fn.COUNT(Subscription.id), fn.MIN(Subscription.pending_since),
                                 fn.SUM(Plan.price_minor))
             .join(Plan, on=(Subscription.plan == Plan.id))
             .where(Subscription.status == lifecycle.PENDING)
             .group_by(Plan.currency).order_by(Plan.currency).tuples())
    rows = [(currency, count, Subscription.pending_since.python_value(since), int(amount or 0))
            for currency, count, since, amount in query]
    oldest = min((since for _, _, since, _ in rows if since is not None), default=None)
    return {"count": sum(count for _, count, _, _ in rows),
            "oldest_age_seconds": None if oldest is None else max(0, int((now - oldest).total_seconds())),
            "amount_at_risk_by_currency": {currency: amount for currency, _, _, amount in rows}}
