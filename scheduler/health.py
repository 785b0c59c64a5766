"""How the workers on a database are doing, read from the job rows they share.

Each job's row says who holds its lease and since when, how its last run ended,
when it should run next and whether it is paused. A lease owner names its host
and pid (``default_owner``), so a holder on this host can be checked for life;
one on another host cannot, and is reported as unknown rather than guessed.

A job is in trouble when its stored next run is more than a grace period past
(no worker is running it: none started, or all are stuck or paused elsewhere)
or when its live lease is held by a process on this host that no longer exists
(its run died with it; the next claim takes the lease over at once). Leases are
read against real time (``leases.lease_now``), never the business clock.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from models.tables import JobState
from scheduler import leases
from scheduler.leases import Holder, pid_alive, this_host

DEFAULT_GRACE = timedelta(minutes=15)


class Problem(enum.Enum):
    OVERDUE = "overdue"
    HOLDER_DEAD = "holder_dead"


@dataclass(frozen=True)
class LeaseHealth:
    owner: str
    host: str | None
    pid: int | None
    since: datetime | None
    until: datetime
    alive: bool | None  # None: on another host, or an owner that names no pid


@dataclass(frozen=True)
class JobHealth:
    name: str
    lease: LeaseHealth | None  # None when nobody holds the job now
    last_started_at: datetime | None
    last_finished_at: datetime | None
    last_result: str | None
    last_error: str | None
    next_run_at: datetime | None
    paused: bool
    problems: tuple[Problem, ...]


@dataclass(frozen=True)
class WorkersHealth:
    ok: bool
    at: datetime
    host: str
    jobs: tuple[JobHealth, ...]

    def as_json(self) -> dict:
        return {
            "ok": self.ok,
            "at": self.at,
            "host": self.host,
            "jobs": [
                {
                    "name": job.name,
                    "lease": None if job.lease is None else vars(job.lease),
                    "last_started_at": job.last_started_at,
                    "last_finished_at": job.last_finished_at,
                    "last_result": job.last_result,
                    "last_error": job.last_error,
                    "next_run_at": job.next_run_at,
                    "paused": job.paused,
                    "problems": [problem.value for problem in job.problems],
                }
                for job in self.jobs
            ],
        }


def workers_health(
    names: Iterable[str],
    now: datetime,
    *,
    grace: timedelta = DEFAULT_GRACE,
    host: str | None = None,
    is_alive: Callable[[int], bool] = pid_alive,
) -> WorkersHealth:
    """Each named job's state and problems; call with a connection open."""
    host = host or this_host()
    rows = leases.read_job_rows(names)
    real_now = leases.lease_now()
    jobs = tuple(_job_health(name, rows.get(name), now, real_now, grace, host, is_alive) for name in names)
    return WorkersHealth(all(not job.problems for job in jobs), now, host, jobs)


def _job_health(
    name: str,
    row: JobState | None,
    now: datetime,
    real_now: datetime,
    grace: timedelta,
    host: str,
    is_alive: Callable[[int], bool],
) -> JobHealth:
    if row is None:  # no worker has ever started on this database: nothing is planned, nothing is late
        return JobHealth(name, None, None, None, None, None, None, False, ())
    lease = _lease(row, real_now, host, is_alive)
    problems: list[Problem] = []
    if not row.paused and row.next_run_at is not None and row.next_run_at + grace < now:
        problems.append(Problem.OVERDUE)
    if lease is not None and lease.alive is False:
        problems.append(Problem.HOLDER_DEAD)
    return JobHealth(
        name,
        lease,
        row.last_started_at,
        row.last_finished_at,
        row.last_result,
        row.last_error,
        row.next_run_at,
        bool(row.paused),
        tuple(problems),
    )


def _lease(row: JobState, real_now: datetime, host: str, is_alive: Callable[[int], bool]) -> LeaseHealth | None:
    # finish_run clears lease_until and leaves the owner: a lease is held while lease_until is ahead.
    if row.lease_owner is None or row.lease_until is None or row.lease_until <= real_now:
        return None
    holder = Holder.parse(row.lease_owner)
    since = row.lease_since or row.last_started_at
    return LeaseHealth(holder.owner, holder.host, holder.pid, since, row.lease_until, holder.alive(host, is_alive))
