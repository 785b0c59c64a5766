"""What operations say they changed: the kinds, and what each scheduled job declares and reports."""

from __future__ import annotations

import pytest

from scheduler import BackgroundScheduler, JobSpec
from scheduler.core import JOB_NAMES, build_core
from services.changes import NO_CHANGES, Changes, Kind


def test_changes_combine_and_answer_whether_they_touch_what_a_page_shows():
    wallet = Changes.of(Kind.WALLET)
    both = wallet | Changes.of(Kind.AUDIT, Kind.WALLET)
    assert both == Changes.of(Kind.AUDIT, Kind.WALLET) and both.kinds == {Kind.WALLET, Kind.AUDIT}
    assert Kind.AUDIT in both and Kind.PLAN not in both
    assert both.touches({Kind.PLAN, Kind.WALLET}) and not both.touches({Kind.PLAN, Kind.CUSTOMER})
    assert not NO_CHANGES and not NO_CHANGES.touches(Kind) and bool(wallet)
    assert Kind.ERROR_ITEM == "error_item"
    with pytest.raises(AttributeError):
        wallet.kinds = frozenset()  # type: ignore[misc]


def test_every_scheduled_job_declares_what_it_changes(db, clock):
    jobs = {job.name: job.changes for job in build_core(clock).jobs()}
    assert tuple(jobs) == JOB_NAMES
    money = {Kind.WALLET, Kind.INVOICE, Kind.SUBSCRIPTION, Kind.ERROR_ITEM}
    assert jobs["renewals"].kinds == money
    assert jobs["retries"].kinds == money | {Kind.AUDIT}  # it reconciles, audited
    assert jobs["janitor"].kinds == money | {Kind.AUDIT, Kind.NOTIFICATION}  # and archives old notifications
    # the reminders run the automatic top-up sweep first: money moves, a declined rule turns off (audited)
    assert jobs["reminders"].kinds == money | {Kind.CUSTOMER, Kind.AUDIT}
    assert jobs["monitoring"] == NO_CHANGES  # it reads; its alert is a notification


def test_a_run_reports_its_jobs_changes_whether_it_finishes_or_fails(db, clock):
    events = []

    def fails() -> dict:
        raise RuntimeError("part way")

    scheduler = BackgroundScheduler(
        [
            JobSpec("works", dict, changes=Changes.of(Kind.PLAN)),
            JobSpec("fails", fails, changes=Changes.of(Kind.WALLET)),
            JobSpec("quiet", dict),
        ],
        clock,
        on_event=events.append,
    )
    for name in ("works", "fails", "quiet"):
        scheduler.run_job(name)
    ended = [(e.kind, e.job, e.changes) for e in events if e.kind != "job_started"]
    assert ended == [
        ("job_finished", "works", Changes.of(Kind.PLAN)),
        ("job_failed", "fails", Changes.of(Kind.WALLET)),
        ("job_finished", "quiet", NO_CHANGES),
    ]
    assert all(e.changes == NO_CHANGES for e in events if e.kind == "job_started")
