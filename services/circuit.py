"""A circuit breaker in front of the payment gateway.

After ``failure_threshold`` failures in a row it opens: calls are refused at once
(no attempt is spent) until ``reset_after_seconds`` have passed; then one probe
call is let through. The probe's success closes it, its failure opens it again.

The state is a CircuitState row, so a GUI and a worker sharing a database agree
on whether the gateway is down and only one of them sends the probe.
"""

from __future__ import annotations

import contextlib
import contextvars
import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import NamedTuple, TypeVar

from models.db import connection, database, for_update, write_transaction
from models.tables import CircuitState
from services.clock import Clock
from services.errors import (
    CircuitOpen,
    Conflict,
    GatewayError,
    GatewayTimeout,
    GatewayTransientError,
    ValidationError,
)
from services.notifications import NotificationCenter

log = logging.getLogger(__name__)

CLOSED, OPEN, HALF_OPEN = "closed", "open", "half_open"

T = TypeVar("T")

# Set while an operator's "retry now" runs its first gateway item: the operator says the gateway may be
# back, so an open breaker lets that one call through as its probe without waiting out the reset delay.
_operator_probe: contextvars.ContextVar[bool] = contextvars.ContextVar("operator_probe", default=False)


@dataclass(frozen=True)
class CircuitInfo:
    state: str  # closed | open | half_open
    failures: int
    opened_at: datetime | None
    retry_at: datetime | None  # when a refused call may be tried again; None while calls go through


class _Reading(NamedTuple):
    """The breaker's row as a plain read sees it (outside any transaction)."""

    state: str
    failures: int
    opened_at: datetime | None
    updated_at: datetime | None


_READ_COLUMNS = (CircuitState.state, CircuitState.failures, CircuitState.opened_at, CircuitState.updated_at)


def _clock_text(moment: datetime) -> str:
    return moment.strftime("%H:%M:%S UTC")


class CircuitBreaker:
    def __init__(
        self,
        clock: Clock,
        notifications: NotificationCenter,
        name: str = "gateway",
        failure_threshold: int = 5,
        reset_after_seconds: float = 30,
    ):
        if isinstance(failure_threshold, bool) or not isinstance(failure_threshold, int) or failure_threshold < 1:
            raise ValidationError("the circuit breaker needs a failure threshold of at least 1")
        if reset_after_seconds < 0:
            raise ValidationError("the circuit breaker's reset delay cannot be negative")
        self.clock = clock
        self.notifications = notifications
        self.name = name
        self.failure_threshold = failure_threshold
        self.reset_after = timedelta(seconds=reset_after_seconds)
        self._read_sql: dict[type, tuple[str, list]] = {}

    # --- reading ---------------------------------------------------------------

    def _row(self) -> _Reading | None:
        """The breaker's row. Every gateway call reads it up to three times (the runner's check, the
        gate, the outcome), so its statement is built once per kind of database, not per read."""
        engine = type(database.obj)
        statement = self._read_sql.get(engine)
        if statement is None:
            statement = CircuitState.select(*_READ_COLUMNS).where(CircuitState.name == self.name).sql()
            self._read_sql[engine] = statement
        values = database.execute_sql(*statement).fetchone()
        if values is None:
            return None
        state, failures, opened_at, updated_at = values
        return _Reading(
            state,
            failures,
            CircuitState.opened_at.python_value(opened_at),
            CircuitState.updated_at.python_value(updated_at),
        )

    def _refused_until(self, row: CircuitState | _Reading | None, now: datetime) -> datetime | None:
        """When calls may go through again, or None when they may go through now."""
        if row is None or row.state == CLOSED:
            return None
        if row.state == OPEN and _operator_probe.get():
            return None  # an operator asked for this call now: it is the probe
        # open: wait out the reset delay; half_open: a probe is out, give it the same time to report
        since = row.opened_at if row.state == OPEN else row.updated_at
        if since is None:
            return None
        due = since + self.reset_after
        return due if now < due else None

    def info(self) -> CircuitInfo:
        with connection():
            row = self._row()
        if row is None:
            return CircuitInfo(CLOSED, 0, None, None)
        return CircuitInfo(row.state, row.failures, row.opened_at, self._refused_until(row, self.clock.now()))

    def is_open(self) -> bool:
        """True while calls are refused (open and not yet due for a probe, or a probe is out)."""
        return self.retry_at() is not None

    def retry_at(self) -> datetime | None:
        return self.info().retry_at

    def is_closed(self) -> bool:
        """True while calls go through freely; False when open or while a probe decides."""
        with connection():
            row = self._row()
        return row is None or row.state == CLOSED

    @contextlib.contextmanager
    def operator_probe(self) -> Iterator[None]:
        """Inside this block (on this thread) an open breaker lets the next call through at once as its probe.

        For an operator's "retry now": the operator says the gateway is back, so the first item is
        the test call; its success closes the breaker and the rest follow in the same pass, its
        failure opens it again for another round. A probe already out (half open) is still waited for.
        """
        token = _operator_probe.set(True)
        try:
            yield
        finally:
            _operator_probe.reset(token)

    # --- the gate ----------------------------------------------------------------

    def before_call(self) -> None:
        """Let the call through or raise CircuitOpen; when due, this caller becomes the probe."""
        with connection():
            row = self._row()
            if row is None or row.state == CLOSED:
                return
            until = self._refused_until(row, self.clock.now())
            if until is not None:
                raise self._refusal(until)
            with write_transaction():
                row = for_update(CircuitState.select().where(CircuitState.name == self.name)).first()
                now = self.clock.now()
                if row is None or row.state == CLOSED:
                    return
                until = self._refused_until(row, now)
                if until is None:
                    CircuitState.update(state=HALF_OPEN, updated_at=now).where(CircuitState.name == self.name).execute()
            if until is not None:  # another caller claimed the probe a moment ago
                raise self._refusal(until)
            log.info("circuit %s half open: letting one probe call through", self.name)

    def _refusal(self, until: datetime) -> CircuitOpen:
        return CircuitOpen("the payment gateway is unreachable; calls resume at {until}", until=_clock_text(until))

    def call(self, fn: Callable[..., T], *args, **kwargs) -> T:
        """Run ``fn`` behind the breaker and count its outcome; whatever it raised is raised again."""
        self.before_call()
        try:
            result = fn(*args, **kwargs)
        except CircuitOpen:
            raise  # a refusal further down says nothing about the gateway itself
        except (GatewayTransientError, GatewayTimeout):
            self._count(self.record_failure)
            raise
        except (GatewayError, Conflict):
            # declines, auth and rate-limit answers, key conflicts: the gateway answered, so it is up
            self._count(self.record_success)
            raise
        self._count(self.record_success)
        return result

    def _count(self, record: Callable[[], None]) -> None:
        # The bookkeeping must never hide the gateway's own answer, whose class drives the retry strategy.
        try:
            record()
        except Exception:
            log.exception("circuit %s: could not record a call's outcome", self.name)

    # --- outcomes -----------------------------------------------------------------

    def record_success(self) -> None:
        with connection():
            row = self._row()
            if row is None or (row.state == CLOSED and row.failures == 0):
                return  # the common case writes nothing
            recovered_from = None
            with write_transaction():
                row = for_update(CircuitState.select().where(CircuitState.name == self.name)).first()
                if row is None or (row.state == CLOSED and row.failures == 0):
                    return
                if row.state != CLOSED:
                    recovered_from = row.opened_at
                CircuitState.update(state=CLOSED, failures=0, opened_at=None, updated_at=self.clock.now()).where(
                    CircuitState.name == self.name
                ).execute()
        if recovered_from is not None:
            log.info("circuit %s closed: the gateway answers again", self.name)
            self._notify_recovered(recovered_from)

    def record_failure(self) -> None:
        with connection():
            opened = None
            with write_transaction():
                now = self.clock.now()
                CircuitState.insert(
                    name=self.name, state=CLOSED, failures=0, opened_at=None, updated_at=now
                ).on_conflict_ignore().execute()
                row = for_update(CircuitState.select().where(CircuitState.name == self.name)).get()
                failures = row.failures + 1
                changes = {"failures": failures, "updated_at": now}
                if row.state == HALF_OPEN:
                    changes.update(state=OPEN, opened_at=now)  # the probe failed: wait another round
                elif row.state == CLOSED and failures >= self.failure_threshold:
                    changes.update(state=OPEN, opened_at=now)
                    opened = now
                elif row.state == OPEN:
                    changes["updated_at"] = row.updated_at  # late failures from calls already in flight
                CircuitState.update(**changes).where(CircuitState.name == self.name).execute()
        if opened is not None:
            log.warning("circuit %s open after %d failures in a row", self.name, failures)
            self._notify_outage(opened, failures)

    # --- notifications (after the state change committed) ----------------------------

    def _notify_outage(self, opened_at: datetime, failures: int) -> None:
        resume = opened_at + self.reset_after
        self._post(
            "gateway_outage",
            "Payment gateway outage",
            f"{failures} calls to the payment gateway failed in a row. Calls pause until "
            f"{_clock_text(resume)}, then one test call decides whether they resume; "
            "waiting top-ups and refunds keep their place in the error queue.",
            dedup_key=f"gateway_outage:{self.name}:{opened_at.isoformat()}",
            params={"failures": failures, "resume_at": resume.isoformat()},
        )

    def _notify_recovered(self, opened_at: datetime | None) -> None:
        since = opened_at.isoformat() if opened_at else "unknown"
        self._post(
            "gateway_recovered",
            "Payment gateway recovered",
            "The payment gateway answers again; waiting retries resume.",
            dedup_key=f"gateway_recovered:{self.name}:{since}",
            params={},
        )

    def _post(self, kind: str, title: str, body: str, *, dedup_key: str, params: dict) -> None:
        try:
            self.notifications.post(kind, title, body, dedup_key=dedup_key, params=params)
        except Exception:
            log.exception("circuit %s: could not post the %s notification", self.name, kind)
