"""The rules of the error queue, without a database: how failures are classed and retried.

The error's type picks the class (never its message), the class picks the
strategy, the strategy's policy says when the next attempt is due, and the
item's attempt budget says when to stop and ask an operator. Also here: the
checks on what callers and operators hand the queue.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta

from services.errors import DomainError, Term, ValidationError
from services.validation import MAX_ROW_ID, check_text

ERROR_CLASSES = ("transient", "outcome_unknown", "urgent", "predictable", "permanent")
STRATEGIES = ("backoff", "reconcile", "urgent", "fixed", "manual")
ERROR_CLASS_STRATEGY = {
    "transient": "backoff",
    "outcome_unknown": "reconcile",
    "urgent": "urgent",
    "predictable": "fixed",
    "permanent": "manual",
}
OPEN_STATUSES = ("retrying", "manual")
CLOSED_STATUSES = ("resolved", "canceled")
STATUSES = OPEN_STATUSES + CLOSED_STATUSES

# Failures that only mean "try again later" when an operation is urgent (money owed to a card).
_URGENT_WHEN = ("transient", "outcome_unknown")

# Exponents past this only ever hit the cap; stopping here keeps the arithmetic finite.
_MAX_EXPONENT = 62


@dataclass(frozen=True)
class RetryPolicy:
    """When a strategy tries again after ``failures`` attempts have failed.

    Attempts are counted from the original call: the failure that put an item
    in the queue is attempt 1, so ``max_attempts`` bounds the whole history.

    - exponential (``interval_seconds`` None): full jitter, the delay is drawn
      uniformly from 0 to ``min(cap, base * 2**(failures-1))`` and raised to the floor;
    - fixed interval: ``interval_seconds`` after every failure;
    - ``immediate_retries``: that many retries go at once before the schedule applies;
    - ``automatic`` False: never tried on its own, an operator decides.
    """

    strategy: str
    max_attempts: int
    automatic: bool = True
    base_seconds: float = 30.0
    floor_seconds: float = 5.0
    cap_seconds: float = 3600.0
    interval_seconds: float | None = None
    immediate_retries: int = 0

    def exhausted(self, failures: int) -> bool:
        return failures >= self.max_attempts

    def delay_after(self, failures: int, rng: random.Random) -> timedelta | None:
        """How long to wait after ``failures`` failed attempts; None for a strategy that never retries.

        The attempt budget is the item's (an operator may have raised it): see ``next_attempt_after_failure``.
        """
        if not self.automatic:
            return None
        failures = max(1, failures)
        if failures <= self.immediate_retries:
            return timedelta(0)
        if self.interval_seconds is not None:
            return timedelta(seconds=self.interval_seconds)
        ceiling = min(self.cap_seconds, self.base_seconds * 2 ** min(failures - 1, _MAX_EXPONENT))
        return timedelta(seconds=max(self.floor_seconds, rng.uniform(0, ceiling)))

    def next_attempt_at(self, now: datetime, failures: int, rng: random.Random) -> datetime | None:
        delay = self.delay_after(failures, rng)
        return None if delay is None else now + delay


POLICIES: dict[str, RetryPolicy] = {
    "backoff": RetryPolicy("backoff", max_attempts=8),
    # Same schedule as backoff: the handler asks the gateway by idempotency key before it retries.
    "reconcile": RetryPolicy("reconcile", max_attempts=10),
    "urgent": RetryPolicy("urgent", max_attempts=12, interval_seconds=300, immediate_retries=3),
    "fixed": RetryPolicy("fixed", max_attempts=12, interval_seconds=600),
    "manual": RetryPolicy("manual", max_attempts=1, automatic=False),
}


def policy_for(strategy: str) -> RetryPolicy:
    try:
        return POLICIES[strategy]
    except KeyError:
        raise ValidationError(
            "unknown retry strategy {strategy!r}; use one of {strategies}",
            strategy=strategy,
            strategies=", ".join(STRATEGIES),
        ) from None


def strategy_for(error_class: str, urgent: bool = False) -> str:
    if urgent and error_class in _URGENT_WHEN:
        return "urgent"
    return ERROR_CLASS_STRATEGY.get(error_class, "manual")


def strategy_after_failure(
    strategy: str, max_attempts: int, old_class: str, new_class: str, urgent: bool = False
) -> tuple[str, int]:
    """(strategy, max_attempts) once a failure of ``new_class`` replaces ``old_class``.

    The strategy follows the class, unless an operator picked another one for the item.
    """
    if new_class == old_class or strategy != strategy_for(old_class, urgent):
        return strategy, max_attempts
    strategy = strategy_for(new_class, urgent)
    return strategy, policy_for(strategy).max_attempts


def next_attempt_after_failure(
    *, status: str, strategy: str, attempts: int, max_attempts: int, error_class: str, now: datetime, rng: random.Random
) -> datetime | None:
    """When the next automatic attempt is due after ``attempts`` failures; None: an operator must look.

    A manual item stays manual (only an operator puts it back), a permanent error
    goes to manual at once, and so does an item whose attempts are spent.
    """
    if status == "manual" or error_class == "permanent" or attempts >= max_attempts:
        return None
    return policy_for(strategy).next_attempt_at(now, attempts, rng)


# --- classifying what went wrong ------------------------------------------------

_SQLITE_BUSY, _SQLITE_LOCKED = 5, 6
# serialization_failure, deadlock_detected, lock_not_available
_POSTGRES_RETRYABLE = ("40001", "40P01", "55P03")
# Drivers that give no error code say it only in words; these are SQLite's own.
_SQLITE_BUSY_TEXTS = ("database is locked", "database table is locked", "database is busy")


def _causes(error: BaseException) -> Iterator[BaseException]:
    seen: set[int] = set()
    link: BaseException | None = error
    while link is not None and id(link) not in seen:
        seen.add(id(link))
        yield link
        link = link.__cause__ or link.__context__


def is_database_busy(error: BaseException) -> bool:
    """A locked or busy database (or a PostgreSQL lock conflict): worth trying again."""
    from peewee import OperationalError

    if not isinstance(error, OperationalError):
        return False
    codes_seen = False
    for cause in _causes(error):
        sqlite_code = getattr(cause, "sqlite_errorcode", None)
        if isinstance(sqlite_code, int):
            codes_seen = True
            if sqlite_code & 0xFF in (_SQLITE_BUSY, _SQLITE_LOCKED):
                return True
        pgcode = getattr(cause, "pgcode", None)
        if pgcode:
            codes_seen = True
            if pgcode in _POSTGRES_RETRYABLE:
                return True
    if codes_seen:
        return False
    return any(str(error).strip().lower().startswith(text) for text in _SQLITE_BUSY_TEXTS)


def classify_error(error: BaseException) -> str:
    """The error class of a failure, from its type."""
    error_class = getattr(error, "error_class", None)
    if error_class in ERROR_CLASSES:
        return error_class
    if is_database_busy(error):
        return "transient"
    return "permanent"


def error_message(error: BaseException) -> str:
    """What an operator reads about a failure; a bug also names its type."""
    text = str(error).strip()
    if isinstance(error, DomainError):
        return (text or type(error).__name__)[:4000]
    return (f"{type(error).__name__}: {text}" if text else type(error).__name__)[:4000]


def error_context(error: BaseException) -> dict:
    """Facts about the error itself that are worth keeping next to the caller's context."""
    facts = {"error_type": type(error).__name__}
    code = getattr(error, "code", None)
    if isinstance(code, str):
        facts["error_code"] = code
    return facts


def merge_context(stored: str | None, extra: dict | None) -> str:
    """The stored JSON context with ``extra`` laid over it."""
    try:
        merged = json.loads(stored) if stored else {}
    except ValueError:
        merged = {"previous_context": stored}
    if not isinstance(merged, dict):
        merged = {"previous_context": merged}
    merged.update(extra or {})
    return json.dumps(merged, default=str, sort_keys=True)


# --- checks on what the queue is handed ------------------------------------------------

MAX_IDS_PER_ACTION = 5000
MAX_TEXT = 2000


def clean_item_ids(ids) -> list[int]:
    """One id or a list of them, duplicates dropped, order kept."""
    if isinstance(ids, bool):
        raise ValidationError("error item ids are whole numbers")
    if isinstance(ids, int):
        ids = [ids]
    if isinstance(ids, str | bytes) or not isinstance(ids, Iterable):
        raise ValidationError("give one error item id or a list of them")
    clean: dict[int, None] = {}
    for value in ids:
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_ROW_ID:
            raise ValidationError("{value!r:.40} is not an error item id", value=value)
        clean[value] = None
    if not clean:
        raise ValidationError("select at least one error item")
    if len(clean) > MAX_IDS_PER_ACTION:
        raise ValidationError("act on at most {most} error items at a time", most=MAX_IDS_PER_ACTION)
    return list(clean)


def clean_text(value, what: str, required: bool = False) -> str:
    return check_text(value, what, max_length=MAX_TEXT, required=required)


def clean_name(value, what: str) -> str:
    """An operation or subject type: short text, as the table stores it."""
    if not isinstance(value, str) or not value.strip() or len(value.strip()) > 32:
        raise ValidationError("the {what} is 1–32 characters of text", what=Term(what))
    return value.strip()
