"""The error queue: every failed operation is one item, kept until it ends.

An item ends resolved (by a retry, by the operation settling elsewhere, or by an
operator), canceled, or waits in manual for an operator; it is never dropped.
Here: recording failures and counting them, settling an item when its operation
finished elsewhere, the operator's actions, and reading items. Running the
retries is ``services.retry_runner``'s.
"""

from __future__ import annotations

import logging
import random
import threading
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from peewee import IntegrityError

from models.db import database, distinct_values, for_update, write_attempts, write_transaction
from models.tables import ErrorAttempt, ErrorItem
from services.audit import record_audit
from services.auth import Actor, require
from services.change_feed import publish_changes
from services.changes import Kind
from services.clock import Clock
from services.error_items import (
    AttemptInfo,
    AttemptOutcome,
    ErrorItemInfo,
    ItemLease,
    attempt_info,
    is_leased,
    item_info,
)
from services.errors import Conflict, NotFound, Term, ValidationError
from services.money import check_currency
from services.notifications import NotificationCenter
from services.retry_handlers import RetryHandlers
from services.retry_policy import (
    CLOSED_STATUSES,
    MAX_TEXT,
    OPEN_STATUSES,
    STATUSES,
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

log = logging.getLogger(__name__)

ItemIds = int | Iterable[int]

# The statuses each operator action takes an item from; the desk asks services.permissions.error_item_refusal.
ACTION_STATUSES: dict[str, tuple[str, ...]] = {
    "error.retry": OPEN_STATUSES,
    "error.cancel": OPEN_STATUSES,
    "error.escalate": OPEN_STATUSES,
    "error.strategy": OPEN_STATUSES,
    "error.resolve": (*OPEN_STATUSES, "canceled"),
}


class ManualReason(StrEnum):
    """Why an item went to an operator; part of the key that posts its notice once."""

    PERMANENT = "permanent"
    EXHAUSTED = "exhausted"
    ESCALATED = "escalated"


@dataclass(frozen=True)
class _Failure:
    error_class: str
    message: str
    context: dict
    amount_minor: int
    currency: str
    actor: str
    urgent: bool


def _transaction():
    """Our own write transaction, or a savepoint inside the caller's."""
    return database.atomic() if database.in_transaction() else write_transaction()


def _lock_actionable(
    ids: list[int], allowed: tuple[str, ...], verb: str, now: datetime, held_by: str | None = None
) -> dict[int, ErrorItem]:
    """Lock ``ids`` for an operator action, refusing the lot when one is missing, in the wrong
    status, or leased by anyone but ``held_by``."""
    rows = {r.id: r for r in for_update(ErrorItem.select().where(ErrorItem.id.in_(ids)))}
    missing = [i for i in ids if i not in rows]
    if missing:
        raise NotFound("no error item {items}", items=", ".join(f"#{i}" for i in missing[:20]))
    for item_id in ids:
        row = rows[item_id]
        if row.status not in allowed:
            if row.status in CLOSED_STATUSES and row.resolved_by:
                raise Conflict(
                    "error item #{item_id} is {status}, already handled by {resolved_by}; "
                    "only {allowed} items can be {verb}",
                    item_id=item_id,
                    status=Term(row.status),
                    resolved_by=row.resolved_by,
                    allowed=Term(" or ".join(allowed)),
                    verb=Term(verb),
                )
            raise Conflict(
                "error item #{item_id} is {status}; only {allowed} items can be {verb}",
                item_id=item_id,
                status=Term(row.status),
                allowed=Term(" or ".join(allowed)),
                verb=Term(verb),
            )
        if is_leased(row, now) and (held_by is None or row.lease_owner != held_by):
            raise Conflict(
                "error item #{item_id} is being retried right now; try again when it finishes", item_id=item_id
            )
    return rows


def audit_view(row: ErrorItem) -> dict:
    """What an audit entry keeps of an item, before and after a change."""
    return {
        "status": row.status,
        "strategy": row.strategy,
        "attempts": row.attempts,
        "max_attempts": row.max_attempts,
        "next_attempt_at": row.next_attempt_at,
        "resolution": row.resolution,
    }


class ErrorQueue:
    def __init__(
        self,
        clock: Clock,
        notifications: NotificationCenter,
        *,
        handlers: RetryHandlers | None = None,
        lease: ItemLease | None = None,
        rng: random.Random | None = None,
    ) -> None:
        self.clock = clock
        self.notifications = notifications
        self.handlers = handlers or RetryHandlers()
        self.lease = lease or ItemLease.of()
        self._rng = rng or random.Random()
        self._rng_lock = threading.Lock()

    def _next_attempt_at(self, policy: RetryPolicy, now: datetime, failures: int) -> datetime | None:
        with self._rng_lock:
            return policy.next_attempt_at(now, failures, self._rng)

    # --- recording failures -----------------------------------------------------------

    def record_failure(
        self,
        operation: str,
        subject_type: str,
        subject_id: int,
        error: BaseException,
        *,
        context: dict | None = None,
        amount_minor: int = 0,
        actor: str = "system",
    ) -> ErrorItemInfo:
        """Put a failed operation in the queue, or count it on the subject's open item.

        A runner may hold that item right now: the failure counts at once all the same,
        and the runner's own attempt counts when it ends."""
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
        failure = _Failure(
            classify_error(error),
            error_message(error),
            {**error_context(error), **(context or {})},
            amount_minor,
            currency,
            str(actor)[:64],
            self.handlers.is_urgent(operation),
        )
        for tries_left in (2, 1, 0):
            try:
                with _transaction():
                    publish_changes(Kind.ERROR_ITEM)
                    row, became_manual = self._record_in_transaction(operation, subject_type, subject_id, failure)
                break
            except IntegrityError:  # another writer opened the subject's item first: count on that one
                if not tries_left:
                    raise
        if became_manual:
            if failure.error_class == "permanent":
                self.notify_manual(row, "it cannot be retried automatically", ManualReason.PERMANENT)
            else:
                self.notify_manual(row, f"{row.attempts} attempts failed", ManualReason.EXHAUSTED)
        return item_info(row)

    def _open_item(self, operation: str, subject_type: str, subject_id: int) -> ErrorItem | None:
        return for_update(
            ErrorItem.select().where(
                (ErrorItem.operation == operation)
                & (ErrorItem.subject_type == subject_type)
                & (ErrorItem.subject_id == subject_id)
                & ErrorItem.status.in_(OPEN_STATUSES)
            )
        ).first()

    def _record_in_transaction(
        self, operation: str, subject_type: str, subject_id: int, failure: _Failure
    ) -> tuple[ErrorItem, bool]:
        now = self.clock.now()
        row = self._open_item(operation, subject_type, subject_id)
        if row is None:
            strategy = strategy_for(failure.error_class, failure.urgent)
            policy = policy_for(strategy)
            next_at = self._next_attempt_at(policy, now, 1)
            # The partial unique index refuses a second open item; record_failure then counts on the first.
            row = ErrorItem.create(
                operation=operation,
                subject_type=subject_type,
                subject_id=subject_id,
                error_class=failure.error_class,
                message=failure.message,
                context=merge_context(None, failure.context),
                strategy=strategy,
                status="retrying" if next_at else "manual",
                attempts=1,
                max_attempts=policy.max_attempts,
                next_attempt_at=next_at,
                amount_minor=failure.amount_minor,
                currency=failure.currency,
                created_at=now,
                updated_at=now,
            )
            ErrorAttempt.create(
                item=row.id,
                number=1,
                at=now,
                outcome=AttemptOutcome.FAILED,
                message=failure.message,
                actor=failure.actor,
            )
            return row, row.status == "manual"
        row.message, row.context = failure.message, merge_context(row.context, failure.context)
        row.amount_minor = max(row.amount_minor, failure.amount_minor)
        became_manual = self.count_failure(row, failure.error_class, failure.urgent, now)
        row.save()
        ErrorAttempt.create(
            item=row.id,
            number=row.attempts,
            at=now,
            outcome=AttemptOutcome.FAILED,
            message=row.message,
            actor=failure.actor,
        )
        return row, became_manual

    def count_failure(self, row: ErrorItem, error_class: str, urgent: bool, now: datetime) -> bool:
        """Count one more failed attempt on ``row`` (unsaved) and decide what follows; True when it just
        went to manual."""
        was_manual = row.status == "manual"
        row.strategy, row.max_attempts = strategy_after_failure(
            row.strategy, row.max_attempts, row.error_class, error_class, urgent
        )
        row.error_class = error_class
        row.attempts += 1
        with self._rng_lock:
            row.next_attempt_at = next_attempt_after_failure(
                status=row.status,
                strategy=row.strategy,
                attempts=row.attempts,
                max_attempts=row.max_attempts,
                error_class=error_class,
                now=now,
                rng=self._rng,
            )
        row.status = "retrying" if row.next_attempt_at else "manual"
        row.updated_at = now
        return row.status == "manual" and not was_manual

    def settle_subject(
        self, operation: str, subject_type: str, subject_id: int, resolution: str, *, actor: str = "system"
    ) -> ErrorItemInfo | None:
        """The operation finished elsewhere (a later call, a reconcile): close its open item, if any."""
        with _transaction():
            publish_changes(Kind.ERROR_ITEM)
            row = self._open_item(operation, subject_type, subject_id)
            if row is None:
                return None
            now = self.clock.now()
            row.status, row.next_attempt_at, row.updated_at = "resolved", None, now
            row.resolved_at, row.resolved_by = now, str(actor)[:64]
            row.resolution = str(resolution or "").strip()[:MAX_TEXT] or "settled"
            row.save()
        return item_info(row)

    def notify_manual(
        self, row: ErrorItem, why: str, reason: ManualReason, *, by: str | None = None, note: str | None = None
    ) -> None:
        params = {
            "item_id": row.id,
            "operation": row.operation,
            "subject_type": row.subject_type,
            "subject_id": row.subject_id,
            "reason": str(reason),
            "attempts": row.attempts,
            "message": row.message,
        }
        if by:
            params.update(by=by, note=note or "")
        try:
            self.notifications.post(
                "manual_intervention",
                f"{row.operation} of {row.subject_type} #{row.subject_id} needs an operator",
                f"{why}: {row.message}",
                subject=("error_item", row.id),
                dedup_key=f"manual_intervention:error_item:{row.id}:{row.attempts}:{reason}",
                params=params,
            )
        except Exception:
            log.exception("could not post the manual-intervention notice for error item #%d", row.id)

    # --- operator actions -------------------------------------------------------------------

    def claim_for_retry(self, actor: Actor, ids: ItemIds) -> list[ErrorItemInfo]:
        """An operator's "retry now": lease the items to this queue's holder, all or none.

        The runner then runs them as it runs its own claims (``RetryRunner.retry_now``) and audits
        what came of each in the transaction that records it: attempted and resolved, attempted and
        still failing, or not attempted (the gateway's breaker still refused). The lease alone
        changes nothing an audit entry would show, so claiming writes none."""
        require(actor, "error.retry")
        clean = clean_item_ids(ids)
        unhandled = sorted(
            {
                r.operation
                for r in ErrorItem.select(ErrorItem.operation).where(ErrorItem.id.in_(clean))
                if self.handlers.get(r.operation) is None
            }
        )
        if unhandled:
            raise Conflict(
                "no retry is known for {operations}; resolve or escalate instead", operations=", ".join(unhandled)
            )
        now = self.clock.now()

        def claim(row: ErrorItem) -> None:
            row.lease_owner, row.lease_until = self.lease.holder, self.lease.until(now)

        return [item_info(r) for r in self._act(actor, "error.retry", clean, claim, "", Term("retried"), audit=False)]

    def cancel_retry(self, actor: Actor, ids: ItemIds, reason: str) -> list[ErrorItemInfo]:
        """Stop retrying: the item closes as canceled, with no further automatic attempt."""
        require(actor, "error.cancel")
        reason = clean_text(reason, "reason")
        now = self.clock.now()

        def cancel(row: ErrorItem) -> None:
            row.status, row.next_attempt_at = "canceled", None
            row.resolved_at, row.resolved_by, row.resolution = now, actor.name, reason or "canceled"

        return self._close(actor, "error.cancel", ids, cancel, reason, Term("canceled"))

    def change_strategy(self, actor: Actor, ids: ItemIds, strategy: str, reason: str) -> list[ErrorItemInfo]:
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

        return [item_info(r) for r in self._act(actor, "error.strategy", ids, switch, reason, "given a new strategy")]

    def resolve(self, actor: Actor, ids: ItemIds, note: str) -> list[ErrorItemInfo]:
        """Close items an operator has settled by hand; the note says how."""
        require(actor, "error.resolve")
        note = clean_text(note, "note saying how it was resolved", required=True)
        now = self.clock.now()

        def settle(row: ErrorItem) -> None:
            row.status, row.next_attempt_at = "resolved", None
            row.resolved_at, row.resolved_by, row.resolution = now, actor.name, note

        return self._close(actor, "error.resolve", ids, settle, note, Term("resolved"))

    def escalate(self, actor: Actor, ids: ItemIds, reason: str) -> list[ErrorItemInfo]:
        """Stop automatic attempts and ask for an operator."""
        require(actor, "error.escalate")
        reason = clean_text(reason, "reason")
        newly_manual: set[int] = set()

        def to_manual(row: ErrorItem) -> None:
            if row.status == "manual":
                newly_manual.discard(row.id)  # a re-run of the transaction reads the row afresh
            else:
                newly_manual.add(row.id)
            row.status, row.next_attempt_at = "manual", None

        rows = self._act(actor, "error.escalate", ids, to_manual, reason, Term("escalated"))
        for row in rows:
            if row.id in newly_manual:
                self.notify_manual(
                    row,
                    f"escalated by {actor.name}" + (f" ({reason})" if reason else ""),
                    ManualReason.ESCALATED,
                    by=actor.name,
                    note=reason,
                )
        return [item_info(r) for r in rows]

    def _act(
        self,
        actor: Actor,
        action: str,
        ids: ItemIds,
        change: Callable[[ErrorItem], None],
        reason: str,
        verb: str,
        *,
        held_by: str | None = None,
        audit: bool = True,
    ) -> list[ErrorItem]:
        """Check, change and audit exactly ``ids`` in one transaction: all of them or none.

        ``held_by`` is the lease of the close doing this: the items it holds are not refused as
        busy, and the lease is let go in the same write.
        """
        require(actor, action)
        clean = clean_item_ids(ids)
        for attempt in write_attempts():  # inside a caller's transaction: a savepoint, run once
            with attempt:
                publish_changes(Kind.ERROR_ITEM, *([Kind.AUDIT] if audit else []))
                now = self.clock.now()
                rows = _lock_actionable(clean, ACTION_STATUSES[action], verb, now, held_by)
                for item_id in clean:
                    row = rows[item_id]
                    before = audit_view(row)
                    change(row)
                    if held_by is not None and row.lease_owner == held_by:
                        row.lease_owner = row.lease_until = None
                    row.updated_at = now
                    row.save()
                    if not audit:
                        continue
                    record_audit(
                        self.clock,
                        actor.name,
                        action,
                        "error_item",
                        item_id,
                        before=before,
                        after=audit_view(row),
                        reason=reason or None,
                    )
        return [rows[i] for i in clean]

    def _close(
        self, actor: Actor, action: str, ids: ItemIds, change: Callable[[ErrorItem], None], reason: str, verb: str
    ) -> list[ErrorItemInfo]:
        """Close items under a lease of their own: claim them, settle their subjects, then close them.

        The claim comes first, in its own short write, all of the items or none: a close never
        settles money (a refund put back into the wallet) for an item a runner is in the middle
        of sending, and no runner takes an item while its subject is being settled. The lease is
        let go whatever happens.
        """
        require(actor, action)
        clean = clean_item_ids(ids)
        if database.in_transaction():
            raise RuntimeError("closing error items settles with the gateway; call it outside a transaction")
        token = f"close-{uuid.uuid4().hex[:12]}@{self.lease.holder}"[:64]
        for attempt in write_attempts():
            with attempt:
                now = self.clock.now()
                _lock_actionable(clean, ACTION_STATUSES[action], verb, now)
                ErrorItem.update(lease_owner=token, lease_until=self.lease.until(now)).where(
                    ErrorItem.id.in_(clean)
                ).execute()
        try:
            self._settle_before_closing(clean)
            rows = self._act(actor, action, clean, change, reason, verb, held_by=token)
        finally:
            self._release_close_lease(clean, token)
        return [item_info(r) for r in rows]

    def _settle_before_closing(self, ids: list[int]) -> None:
        """Let each operation settle its subject before an operator closes its item.

        Money must never be left in between: a top-up whose charge may have gone
        through is credited or marked failed by asking the gateway, not dropped.
        Runs under the close's lease and outside any transaction (it calls the gateway).
        """
        rows = list(
            ErrorItem.select().where(ErrorItem.id.in_(ids) & ErrorItem.status.in_(OPEN_STATUSES)).order_by(ErrorItem.id)
        )
        for row in rows:
            handler = self.handlers.get(row.operation)
            if handler is not None and handler.before_close is not None:
                handler.before_close(item_info(row))

    def _release_close_lease(self, ids: list[int], token: str) -> None:
        """Let go of what a close still holds (it was refused or failed); never raises over the close's own error."""
        try:
            with write_transaction():
                ErrorItem.update(lease_owner=None, lease_until=None).where(
                    ErrorItem.id.in_(ids) & (ErrorItem.lease_owner == token)
                ).execute()
        except Exception:
            log.exception("could not let go of the lease on error items %s; it expires by itself", ids)

    # --- reading -------------------------------------------------------------------------

    def get(self, item_id: int) -> ErrorItemInfo:
        (item_id,) = clean_item_ids(item_id)
        row = ErrorItem.get_or_none(ErrorItem.id == item_id)
        if row is None:
            raise NotFound("no error item #{item_id}", item_id=item_id)
        return item_info(row)

    def attempts(self, item_id: int) -> list[AttemptInfo]:
        item = self.get(item_id)
        rows = ErrorAttempt.select().where(ErrorAttempt.item == item.id).order_by(ErrorAttempt.number, ErrorAttempt.id)
        return [attempt_info(r) for r in rows]

    def list_items(
        self,
        status: str | Iterable[str] | None = None,
        operation: str | None = None,
        error_class: str | None = None,
        older_than: datetime | timedelta | None = None,
        limit: int = 200,
    ) -> list[ErrorItemInfo]:
        """Oldest first. ``status`` is one status or several; ``older_than`` a moment or an age."""
        if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= 100_000:
            raise ValidationError("the limit is a whole number from 1 to 100000")
        query = ErrorItem.select()
        if status is not None:
            wanted = (status,) if isinstance(status, str) else tuple(status)
            unknown = [s for s in wanted if s not in STATUSES]
            if unknown or not wanted:
                raise ValidationError("status must be among {statuses}", statuses=", ".join(STATUSES))
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


def operations_in_queue() -> list[str]:
    """The operations that have items in the queue, open or closed, by name."""
    return distinct_values(ErrorItem.operation)
