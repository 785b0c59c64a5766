"""Job lease rows: one scheduler at a time runs each job, across app instances.

A lease is claimed with a single conditional UPDATE, so two instances sharing a
database cannot both win it: the engine serialises the writes and only one of
them sees its WHERE clause still true. A lease that outlives its holder (a
crash, a killed process) expires at ``lease_until`` and is taken over.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from models.db import database, for_update
from models.tables import JobState


def ensure_job_row(name: str, *, paused: bool = False) -> None:
    """Create the row if missing; a row another instance created first is left alone."""
    JobState.insert(name=name, paused=paused).on_conflict_ignore().execute()


def claim_lease(name: str, owner: str, now: datetime, until: datetime, *, only_if_due: bool = False) -> bool:
    """Take the job's lease for ``owner`` until ``until``; False when someone else holds it.

    ``only_if_due`` also requires the stored next run to have come, so a daily
    run that another instance has just done is not done a second time.
    """
    ensure_job_row(name)
    lease_free = JobState.lease_until.is_null() | (JobState.lease_until < now) | (JobState.lease_owner == owner)
    condition = (JobState.name == name) & lease_free
    if only_if_due:
        condition &= JobState.next_run_at.is_null() | (JobState.next_run_at <= now)
    claimed = JobState.update(lease_owner=owner, lease_until=until, last_started_at=now).where(condition).execute()
    return claimed == 1


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
        JobState.update(lease_until=None).where((JobState.name == name) & (JobState.lease_owner == owner)).execute()


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
