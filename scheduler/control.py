"""Operators' control over the scheduled jobs: pause them all, resume them, run one now.

The pause is stored on the job rows in the shared database, so it holds for every
desk and worker on that database; each change checks the operator's role and is
audited in the transaction that makes it. The Scheduler page, the tray menu and the
command line all come through here.
"""

from __future__ import annotations

from models.db import connection, write_transaction
from scheduler import leases
from scheduler.runner import BackgroundScheduler, JobStateInfo
from services.audit import record_audit
from services.auth import Actor, require
from services.clock import Clock
from services.errors import Conflict, ValidationError
from services.validation import clean_reason


class SchedulerControl:
    def __init__(self, clock: Clock, scheduler: BackgroundScheduler):
        self.clock = clock
        self.scheduler = scheduler

    def is_paused(self) -> bool:
        with connection():
            return leases.any_paused(self.scheduler.job_names)

    def pause(self, actor: Actor, reason: str) -> None:
        """Stop every job's timer, here and in every process sharing the database. A reason is required."""
        require(actor, "scheduler.pause")
        reason = clean_reason(reason)
        if not reason:
            raise ValidationError("give a reason for pausing the scheduler")
        self._switch(actor, paused=True, reason=reason)

    def resume(self, actor: Actor, reason: str = "") -> None:
        require(actor, "scheduler.pause")
        self._switch(actor, paused=False, reason=clean_reason(reason))

    def run_now(self, actor: Actor, job: str, reason: str = "") -> JobStateInfo | None:
        """Run ``job`` now through its lease.

        When the scheduler runs in this process its own thread takes the run and None comes
        back at once (its event tells the outcome); otherwise the run happens on the caller's
        thread and its state comes back. Conflict when another instance holds the lease.
        """
        require(actor, "scheduler.run")
        if job not in self.scheduler.job_names:
            raise ValidationError("no scheduled job is named {job!r}", job=str(job)[:40])
        with write_transaction():
            record_audit(self.clock, actor.name, "scheduler.run", "job", job, reason=clean_reason(reason))
        if self.scheduler.is_running:
            self.scheduler.run_now(job)
            return None
        return self.scheduler.run_job(job)

    def _switch(self, actor: Actor, *, paused: bool, reason: str) -> None:
        names = self.scheduler.job_names
        with write_transaction():
            leases.lock_job_rows(names)  # two desks switching at once: the second sees the first's change
            if leases.any_paused(names) == paused:
                raise Conflict("the scheduler is already paused") if paused else Conflict("the scheduler is not paused")
            leases.set_paused(names, paused)
            record_audit(
                self.clock,
                actor.name,
                "scheduler.pause" if paused else "scheduler.resume",
                "scheduler",
                None,
                before={"paused": not paused},
                after={"paused": paused},
                reason=reason or None,
            )
        # The scheduler in this process follows at once (its loop, if running, announces the change).
        if paused:
            self.scheduler.pause()
        else:
            self.scheduler.resume()
