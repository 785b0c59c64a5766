"""Job lease rows: one scheduler at a time runs each job, across app instances.

A lease is claimed with a single conditional UPDATE, so two instances sharing a
database cannot both win it: the engine serialises the writes and only one of
them sees its WHERE clause still true.

Leases run on real elapsed time, never on the business clock an instance may
have moved (``--now``, the demo's jumps): the database server's clock on
PostgreSQL, this machine's on SQLite (every instance on a SQLite file is on this
machine). A lease that outlives its holder expires at ``lease_until`` and is
taken over; one held by a process on this host that no longer exists is taken
over at once.
"""

from __future__ import annotations

import logging
import os
import socket
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from models.db import database, for_update, is_sqlite
from models.tables import JobState
from services.clock import utc_now

log = logging.getLogger(__name__)


def lease_now() -> datetime:
    """Real time, naive UTC: the database server's clock on PostgreSQL, this machine's on SQLite."""
    if is_sqlite():
        return utc_now()
    return database.execute_sql("SELECT CAST(now() AT TIME ZONE 'UTC' AS timestamp)").fetchone()[0]


def this_host() -> str:
    return socket.gethostname()[:40]  # as default_owner writes it


def pid_alive(pid: int) -> bool:
    """Whether a process with this pid exists on this machine (signal 0 checks without sending)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # it exists, under another user
        return True
    return True


@dataclass(frozen=True)
class Holder:
    """A lease owner as ``default_owner`` wrote it: host, pid and a tag; anything else is kept as text."""

    owner: str
    host: str | None
    pid: int | None

    @classmethod
    def parse(cls, owner: str) -> Holder:
        host, sep, rest = owner.partition(":")
        pid_text, _, _tag = rest.partition(":")
        if not sep or not pid_text.isdigit():
            return cls(owner, None, None)
        return cls(owner, host, int(pid_text))

    def alive(self, host: str | None = None, is_alive: Callable[[int], bool] = pid_alive) -> bool | None:
        """False when it names a process on this host that has ended; None when that cannot be told."""
        if self.pid is None or self.host != (host or this_host()):
            return None
        return is_alive(self.pid)


def ensure_job_row(name: str, *, paused: bool = False) -> None:
    """Create the row if missing; a row another instance created first is left alone."""
    JobState.insert(name=name, paused=paused).on_conflict_ignore().execute()


def claim_lease(
    name: str,
    owner: str,
    now: datetime,
    *,
    seconds: float,
    only_if_due: bool = False,
    host: str | None = None,
    is_alive: Callable[[int], bool] = pid_alive,
) -> bool:
    """Take the job's lease for ``owner`` for ``seconds`` of real time; False when someone else holds it.

    ``now`` is the business clock's time, recorded as the run's start; ``only_if_due`` also requires
    the stored next run (business time) to have come, so a daily run another instance has just done
    is not done a second time. A live lease whose holder is a process on this host that has ended is
    taken over at once, compared and set on the very owner and expiry read, so two instances taking
    over together cannot both win.
    """
    ensure_job_row(name)
    real = lease_now()
    claim = {
        JobState.lease_owner: owner,
        JobState.lease_until: real + timedelta(seconds=seconds),
        JobState.lease_since: real,
        JobState.last_started_at: now,
    }
    due = JobState.next_run_at.is_null() | (JobState.next_run_at <= now) if only_if_due else True
    lease_free = JobState.lease_until.is_null() | (JobState.lease_until < real) | (JobState.lease_owner == owner)
    if JobState.update(claim).where((JobState.name == name) & lease_free & due).execute() == 1:
        return True
    row = read_job_row(name)
    if row is None or row.lease_owner is None or row.lease_until is None:
        return False
    if Holder.parse(row.lease_owner).alive(host, is_alive) is not False:
        return False
    same_holder = (JobState.lease_owner == row.lease_owner) & (JobState.lease_until == row.lease_until)
    held = (JobState.name == name) & same_holder
    if JobState.update(claim).where(held & due).execute() != 1:
        return False
    log.warning(
        "took over the %s job from %s, which held it since %s (UTC) and has ended",
        name,
        row.lease_owner,
        row.lease_since,
    )
    return True


def finish_run(
    name: str,
    owner: str,
    *,
    finished_at: datetime,
    result_json: str | None,
    error: str | None,
    next_run_at: datetime | None,
) -> None:
    """Record the outcome and give the lease back (if it is still ours)."""
    with database.atomic():
        JobState.update(
            last_finished_at=finished_at,
            last_result=result_json,
            last_error=error,
            next_run_at=next_run_at,
        ).where(JobState.name == name).execute()
        JobState.update(lease_until=None, lease_since=None).where(
            (JobState.name == name) & (JobState.lease_owner == owner)
        ).execute()


def set_next_run(name: str, when: datetime | None) -> None:
    ensure_job_row(name)
    JobState.update(next_run_at=when).where(JobState.name == name).execute()


def set_paused(names: Iterable[str], paused: bool) -> None:
    names = list(names)
    with database.atomic():
        for name in names:
            ensure_job_row(name, paused=paused)
        JobState.update(paused=paused).where(JobState.name.in_(names)).execute()


def lock_job_rows(names: Iterable[str]) -> None:
    """Create the rows if missing and lock them until the transaction ends."""
    names = list(names)
    for name in names:
        ensure_job_row(name)
    list(for_update(JobState.select(JobState.name).where(JobState.name.in_(names)).order_by(JobState.name)))


def any_paused(names: Iterable[str]) -> bool:
    return JobState.select().where(JobState.name.in_(list(names)) & (JobState.paused == True)).exists()  # noqa: E712


def read_job_rows(names: Iterable[str]) -> dict[str, JobState]:
    return {row.name: row for row in JobState.select().where(JobState.name.in_(list(names)))}


def read_job_row(name: str) -> JobState | None:
    return JobState.get_or_none(JobState.name == name)
