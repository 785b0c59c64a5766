"""The background scheduler: a plain thread, a stop event, a private ``schedule.Scheduler``.

``schedule`` is only the timer. Whether a daily job is due is decided by the
``next_run_at`` stored in its ``JobState`` row against the injected clock, not
by ``schedule``'s own wall clock: that is what lets a run missed while the app
was closed be caught up at start, keeps "HH:MM" in UTC whatever the machine's
zone, and makes the demo clock's "jump a day" fire the daily jobs.

The ``schedule.Scheduler`` is touched only from the scheduler thread; other
threads talk to the loop through a queue it drains on every tick.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import queue
import re
import socket
import threading
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

import schedule

from models.db import connection
from models.pg_roles import login_can_write
from models.tables import JobState
from scheduler import leases
from services.changes import NO_CHANGES, Changes
from services.clock import Clock
from services.errors import Conflict, StorageFailure, Term
from services.storage_health import storage_health

log = logging.getLogger("scheduler")

DAILY_CHECK_SECONDS = 30
_TIME_OF_DAY = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")
_MAX_ERROR_CHARS = 2000


@dataclass(frozen=True)
class JobSpec:
    name: str
    run: Callable[[], dict]
    every_seconds: int | None = None
    daily_at: Callable[[], str] | None = None
    at_start: bool = False
    changes: Changes = NO_CHANGES  # what a run may touch: the desktop reloads whatever shows it

    def __post_init__(self) -> None:
        if not self.name or len(self.name) > 32:
            raise ValueError(f"a job name must have 1 to 32 characters, not {self.name!r}")
        if self.every_seconds is not None and self.daily_at is not None:
            raise ValueError(f"job {self.name!r} is either an interval job or a daily job, not both")
        if self.every_seconds is not None and self.every_seconds < 1:
            raise ValueError(f"job {self.name!r} needs every_seconds of at least 1")


@dataclass(frozen=True)
class JobStateInfo:
    name: str
    last_started_at: datetime | None
    last_finished_at: datetime | None
    last_result: dict | None
    last_error: str | None
    next_run_at: datetime | None
    paused: bool
    running: bool
    lease_owner: str | None
    lease_since: datetime | None = None  # real time; set while the lease is held
    holder_ended: bool = False  # the lease is held by a process on this host that has ended (taken over next run)


@dataclass(frozen=True)
class SchedulerEvent:
    kind: str  # job_started | job_finished | job_failed | paused | resumed | stopped
    job: str | None
    result: dict | None
    error: str | None
    at: datetime
    changes: Changes = NO_CHANGES  # a finished or failed run: its job's changes (a failed one may have done part)


def next_daily_run(time_of_day: str, after: datetime) -> datetime:
    """The first moment strictly after ``after`` at ``time_of_day`` ("HH:MM", UTC)."""
    match = _TIME_OF_DAY.match(str(time_of_day).strip())
    if not match:
        raise ValueError(f"{time_of_day!r} is not a time of day (HH:MM)")
    candidate = after.replace(hour=int(match.group(1)), minute=int(match.group(2)), second=0, microsecond=0)
    if candidate <= after:
        candidate += timedelta(days=1)
    return candidate


def stored_state(row: JobState, real_now: datetime) -> JobStateInfo:
    """A job as its row tells it; ``real_now`` is ``leases.lease_now()`` (leases run on real time)."""
    held = row.lease_owner is not None and row.lease_until is not None and row.lease_until > real_now
    ended = held and leases.Holder.parse(row.lease_owner or "").alive() is False
    return JobStateInfo(
        row.name,
        row.last_started_at,
        row.last_finished_at,
        _load_result(row.last_result),
        row.last_error,
        row.next_run_at,
        bool(row.paused),
        held and not ended,
        row.lease_owner,
        row.lease_since if held else None,
        ended,
    )


def default_owner() -> str:
    """Unique per running instance, readable enough to tell an operator which machine holds a job."""
    return f"{socket.gethostname()[:40]}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


class BackgroundScheduler:
    def __init__(
        self,
        jobs: list[JobSpec],
        clock: Clock,
        *,
        owner: str | None = None,
        on_event: Callable[[SchedulerEvent], None] | None = None,
        lease_seconds: int = 600,
        tick_seconds: float = 1.0,
        daily_check_seconds: int = DAILY_CHECK_SECONDS,
        stop_event: threading.Event | None = None,
    ) -> None:
        self._jobs: dict[str, JobSpec] = {}
        for spec in jobs:
            if spec.name in self._jobs:
                raise ValueError(f"two jobs are named {spec.name!r}")
            self._jobs[spec.name] = spec
        self.clock = clock
        self.owner = owner or default_owner()
        if len(self.owner) > 64:
            raise ValueError("a scheduler owner name has at most 64 characters")
        self.lease_seconds = lease_seconds
        self.tick_seconds = tick_seconds
        self.daily_check_seconds = max(1, int(daily_check_seconds))
        self._on_event = on_event
        # Set by stop(); the long passes read it too (between batches and items), so a stop ends them early.
        self._stop_event = stop_event if stop_event is not None else threading.Event()
        self._requests: queue.SimpleQueue = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._state_lock = threading.Lock()
        self._paused: bool | None = None  # None until read from the database
        self._running_here: set[str] = set()
        self._deferred_start_jobs: list[str] = []

    # --- control, from any thread -------------------------------------------------

    def start(self) -> None:
        if self.is_running:
            raise RuntimeError("the scheduler is already running")
        self._stop_event.clear()
        self._thread = threading.Thread(target=self._loop, name="scheduler", daemon=False)
        self._thread.start()

    def request_stop(self) -> None:
        """Ask the loop and the pass running in it to end, without waiting (see ``stop``)."""
        self._stop_event.set()

    def stop(self, timeout: float = 10.0) -> bool:
        """Ask the loop to end and wait for it; False when it is still busy after ``timeout``."""
        self._stop_event.set()
        thread = self._thread
        if thread is None:
            return True
        if thread is threading.current_thread():
            return False  # a job or listener asked; the loop ends when it returns
        thread.join(timeout)
        if thread.is_alive():
            return False
        # A pause or resume that arrived as the loop was ending is still persisted.
        self._drain_requests(run_jobs=False)
        return True

    def run_now(self, name: str) -> None:
        self._spec(name)
        self._requests.put(("run_now", name))

    def run_job(self, name: str) -> JobStateInfo:
        """Run on the caller's thread through the lease; Conflict when it is running elsewhere."""
        spec = self._spec(name)
        with connection(), _storage_named():
            if not self._run_through_lease(spec):
                row = leases.read_job_row(name)
                holder = row.lease_owner if row is not None else None
                raise Conflict(
                    "the {job} job is already running ({holder}); try again later",
                    job=Term(name),
                    holder=holder or Term("another run"),
                )
            return self._state_info(name, leases.read_job_row(name), leases.lease_now())

    def pause(self) -> None:
        self._request_pause(True)

    def resume(self) -> None:
        self._request_pause(False)

    def job_states(self) -> list[JobStateInfo]:
        with connection():
            rows = leases.read_job_rows(self._jobs)
            real_now = leases.lease_now()
        return [self._state_info(name, rows.get(name), real_now) for name in self._jobs]

    @property
    def job_names(self) -> list[str]:
        return list(self._jobs)

    @property
    def is_running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    @property
    def is_paused(self) -> bool:
        with self._state_lock:
            known = self._paused
        if known is not None:
            return known
        with connection():
            stored = leases.any_paused(self._jobs)
        with self._state_lock:
            if self._paused is None:
                self._paused = stored
            return self._paused

    # --- the loop, on the scheduler thread -----------------------------------------

    def _loop(self) -> None:
        try:
            if not self._login_may_write():
                return
            timers = schedule.Scheduler()
            self._begin(timers)
            while not self._stop_event.is_set():
                self._drain_requests(run_jobs=True)
                try:
                    timers.run_pending()
                except Exception:
                    log.exception("the scheduler timer failed")
                self._stop_event.wait(self._wait_seconds(timers))
            self._drain_requests(run_jobs=False)
        except Exception:
            log.exception("the scheduler loop failed")
        finally:
            self._emit("stopped")

    @staticmethod
    def _login_may_write() -> bool:
        """A viewer's PostgreSQL login can only read: its desk leaves the jobs to desks and workers that may write."""
        try:
            with connection():
                if login_can_write():
                    return True
        except Exception:  # the jobs then run and report their own failures
            log.exception("could not read what this database login may do")
            return True
        log.warning("this database login can only read: the scheduled jobs run at desks and workers that may write")
        return False

    def _begin(self, timers: schedule.Scheduler) -> None:
        self._safely("load the scheduler state", self._load_state)
        start_jobs = [name for name, spec in self._jobs.items() if spec.at_start]
        if self._paused_at_start():
            self._deferred_start_jobs = start_jobs
        else:
            for name in start_jobs:
                if self._stop_event.is_set():
                    return
                self._run_safely(name)
            self._check_daily_jobs()
        for name, spec in self._jobs.items():
            if spec.every_seconds is not None:
                timers.every(spec.every_seconds).seconds.do(self._on_interval_timer, name)
            elif spec.daily_at is not None:
                timers.every(self.daily_check_seconds).seconds.do(self._on_daily_timer, name)

    def _load_state(self) -> None:
        with connection():
            paused = leases.any_paused(self._jobs)
            for name in self._jobs:
                leases.ensure_job_row(name, paused=paused)
        with self._state_lock:
            self._paused = paused

    def _paused_at_start(self) -> bool:
        try:
            return self.is_paused
        except Exception:  # the start jobs then run and report their own failures
            log.exception("could not read whether the scheduler is paused")
            return False

    def _wait_seconds(self, timers: schedule.Scheduler) -> float:
        idle = timers.idle_seconds
        if idle is None:
            return self.tick_seconds
        return max(0.0, min(self.tick_seconds, idle))

    def _drain_requests(self, *, run_jobs: bool) -> None:
        while True:
            try:
                kind, *args = self._requests.get_nowait()
            except queue.Empty:
                return
            if kind == "run_now":
                if run_jobs:
                    self._run_safely(args[0])
                else:
                    log.info("run of %s dropped: the scheduler is stopping", args[0])
            else:
                paused = kind == "pause"
                with self._state_lock:
                    self._paused = paused
                self._safely(f"{kind} the scheduler", self._persist_paused, paused)
                if not paused and run_jobs:
                    self._after_resume()

    def _after_resume(self) -> None:
        deferred, self._deferred_start_jobs = self._deferred_start_jobs, []
        for name in deferred:
            self._run_safely(name)
        self._check_daily_jobs()

    # A timer callback must never raise: ``schedule`` would not plan the job's next
    # run, leaving it overdue and the loop spinning.
    def _on_interval_timer(self, name: str) -> None:
        self._safely(f"run the {name} job on its timer", self._run_unless_paused, name)

    def _on_daily_timer(self, name: str) -> None:
        self._safely(f"check the {name} job", self._check_daily, self._jobs[name])

    def _run_unless_paused(self, name: str) -> None:
        if not self.is_paused:
            self._run_safely(name)

    def _check_daily_jobs(self) -> None:
        for spec in self._jobs.values():
            if spec.daily_at is not None and not self._stop_event.is_set():
                self._safely(f"check the {spec.name} job", self._check_daily, spec)

    def _check_daily(self, spec: JobSpec) -> None:
        """Run a daily job whose stored time has come; follow a changed time of day."""
        if self.is_paused:
            return
        with connection():
            time_of_day = self._daily_time(spec)
            if time_of_day is None:
                return
            row = leases.read_job_row(spec.name)
            planned = row.next_run_at if row is not None else None
            now = self.clock.now()
            if planned is None:
                leases.set_next_run(spec.name, next_daily_run(time_of_day, now))
            elif planned <= now:
                self._run_safely(spec.name, only_if_due=True)
            elif planned.strftime("%H:%M") != time_of_day:
                leases.set_next_run(spec.name, next_daily_run(time_of_day, now))

    # --- one run ----------------------------------------------------------------------

    def _run_safely(self, name: str, *, only_if_due: bool = False) -> None:
        if self._stop_event.is_set():
            log.info("%s not started: the scheduler is stopping", name)
            return
        try:
            self._run_through_lease(self._jobs[name], only_if_due=only_if_due)
        except Exception as exc:
            log.exception("could not run the %s job", name)
            self._emit("job_failed", name, error=_describe(exc))

    def _run_through_lease(self, spec: JobSpec, *, only_if_due: bool = False) -> bool:
        """Claim, run, record, release. False when the job is held here or by another instance."""
        with self._state_lock:
            if spec.name in self._running_here:
                log.info("%s is already running in this instance; skipped", spec.name)
                return False
            self._running_here.add(spec.name)
        try:
            with connection():
                now = self.clock.now()
                if not leases.claim_lease(
                    spec.name, self.owner, now, seconds=self.lease_seconds, only_if_due=only_if_due
                ):
                    log.info("%s skipped: another instance holds it or it is not due", spec.name)
                    return False
                self._emit("job_started", spec.name)
                result, result_json, error = self._call(spec)
                finished = self.clock.now()
                leases.finish_run(
                    spec.name,
                    self.owner,
                    finished_at=finished,
                    result_json=result_json,
                    error=error,
                    next_run_at=self._next_run_after(spec, finished),
                )
            if error is None:
                self._emit("job_finished", spec.name, result=result, changes=spec.changes)
            else:
                self._emit("job_failed", spec.name, error=error, changes=spec.changes)
            return True
        finally:
            with self._state_lock:
                self._running_here.discard(spec.name)

    def _call(self, spec: JobSpec) -> tuple[dict | None, str | None, str | None]:
        try:
            result = spec.run()
            if result is None:
                result = {}
            elif not isinstance(result, dict):
                result = {"result": result}
            return result, json.dumps(result, default=str), None
        except Exception as exc:
            log.exception("the %s job failed", spec.name)
            return None, None, _describe(exc)

    def _next_run_after(self, spec: JobSpec, finished: datetime) -> datetime | None:
        if spec.every_seconds is not None:
            return finished + timedelta(seconds=spec.every_seconds)
        if spec.daily_at is not None:
            time_of_day = self._daily_time(spec)
            return next_daily_run(time_of_day, finished) if time_of_day else None
        return None

    def _daily_time(self, spec: JobSpec) -> str | None:
        if spec.daily_at is None:
            return None
        try:
            text = str(spec.daily_at()).strip()
            next_daily_run(text, datetime(2000, 1, 1))
            return text
        except Exception:
            log.exception("the %s job has no usable time of day", spec.name)
            return None

    # --- helpers ----------------------------------------------------------------------

    def _spec(self, name: str) -> JobSpec:
        try:
            return self._jobs[name]
        except KeyError:
            raise ValueError(f"no scheduled job is named {name!r}") from None

    def _request_pause(self, paused: bool) -> None:
        with self._state_lock:
            self._paused = paused
        if self.is_running:
            self._requests.put(("pause" if paused else "resume",))
        else:
            self._persist_paused(paused)

    def _persist_paused(self, paused: bool) -> None:
        with connection():
            leases.set_paused(self._jobs, paused)
        self._emit("paused" if paused else "resumed")

    def _safely(self, what: str, action: Callable[..., None], *args: Any) -> None:
        try:
            action(*args)
        except Exception:
            log.exception("could not %s", what)

    def _state_info(self, name: str, row: JobState | None, real_now: datetime) -> JobStateInfo:
        with self._state_lock:
            running_here = name in self._running_here
            paused_here = bool(self._paused)
        if row is None:
            return JobStateInfo(name, None, None, None, None, None, paused_here, running_here, None)
        info = stored_state(row, real_now)
        return replace(info, running=running_here or info.running) if running_here else info

    def _emit(
        self,
        kind: str,
        job: str | None = None,
        *,
        result: dict | None = None,
        error: str | None = None,
        changes: Changes = NO_CHANGES,
    ) -> None:
        if self._on_event is None:
            return
        try:
            self._on_event(SchedulerEvent(kind, job, result, error, self.clock.now(), changes))
        except Exception:
            log.exception("a scheduler event listener failed on %s", kind)


@contextlib.contextmanager
def _storage_named() -> Iterator[None]:
    """A full or read-only disk leaves as a StorageFailure that says so, whatever the driver said."""
    try:
        yield
    except StorageFailure:
        raise
    except Exception as error:
        problem = storage_health.report(error)
        if problem is None:
            raise
        raise StorageFailure.of(problem) from error


def _describe(exc: BaseException) -> str:
    """The error a run records; a full or read-only disk is named as such, whatever the driver said."""
    problem = storage_health.report(exc)
    if problem is not None and not isinstance(exc, StorageFailure):
        exc = StorageFailure.of(problem)
    return f"{type(exc).__name__}: {exc}"[:_MAX_ERROR_CHARS]


def _load_result(text: str | None) -> dict | None:
    if text is None:
        return None
    try:
        value = json.loads(text)
    except ValueError:
        return {"result": text}
    return value if isinstance(value, dict) else {"result": value}
