"""The background scheduler: timers, job leases and run records (no Qt here)."""

from scheduler.runner import (
    BackgroundScheduler,
    JobSpec,
    JobStateInfo,
    SchedulerEvent,
    default_owner,
    next_daily_run,
)

__all__ = [
    "BackgroundScheduler",
    "JobSpec",
    "JobStateInfo",
    "SchedulerEvent",
    "default_owner",
    "next_daily_run",
]
