"""Pausing, resuming and running jobs: the role is checked, the change is audited with it, every process sees it."""

from __future__ import annotations

import json

import pytest

import main
from models.db import database
from models.tables import AuditEntry, JobState
from scheduler.core import JOB_NAMES, build_core
from services.errors import Conflict, PermissionDenied, ValidationError


@pytest.fixture
def core(db, clock):
    return build_core(clock, gateway_sleep=lambda seconds: None)


def audit() -> list[tuple[str, str, str | None]]:
    rows = AuditEntry.select().where(AuditEntry.action.startswith("scheduler.")).order_by(AuditEntry.id)
    return [(row.actor, row.action, row.reason) for row in rows]


def test_the_jobs_are_the_ones_the_command_line_names(core):
    assert tuple(spec.name for spec in core.jobs()) == JOB_NAMES


def test_only_an_admin_pauses_and_the_pause_holds_for_another_process(core, admin, operator, viewer):
    control = core.scheduler_control()
    for actor in (viewer, operator):
        with pytest.raises(PermissionDenied):
            control.pause(actor, "tonight")
        with pytest.raises(PermissionDenied):
            control.resume(actor)
    assert not control.is_paused() and audit() == []

    control.pause(admin, "gateway maintenance")
    other_desk = build_core(core.clock).build_scheduler()  # another desk or worker on the same database
    assert control.is_paused() and other_desk.is_paused
    assert all(row.paused for row in JobState.select()) and JobState.select().count() == len(JOB_NAMES)
    with pytest.raises(Conflict, match="already paused"):
        control.pause(admin, "again")
    control.resume(admin)
    assert not control.is_paused()
    assert audit() == [("alice", "scheduler.pause", "gateway maintenance"), ("alice", "scheduler.resume", None)]


def test_a_pause_without_a_usable_reason_writes_nothing(core, admin):
    control = core.scheduler_control()
    with pytest.raises(ValidationError, match="reason"):
        control.pause(admin, "  ")
    with pytest.raises(ValidationError):
        control.pause(admin, "x" * 5000)
    assert not any(row.paused for row in JobState.select()) and audit() == []


def test_run_now_checks_the_role_audits_and_runs_through_the_lease(core, operator, viewer):
    control = core.scheduler_control()
    with pytest.raises(PermissionDenied):
        control.run_now(viewer, "renewals")
    with pytest.raises(ValidationError, match="no scheduled job"):
        control.run_now(operator, "invoices")
    assert audit() == []
    state = control.run_now(operator, "renewals", "catching up")
    assert state is not None and state.last_finished_at is not None and state.last_error is None
    assert audit() == [("oscar", "scheduler.run", "catching up")]


def test_the_command_line_pauses_resumes_and_runs(db_path, capsys):
    def run(*args):
        code = main.main(["--db", str(db_path), *args])
        database.close()
        out = capsys.readouterr()
        return code, (json.loads(out.out) if out.out.strip() else None), out.err

    code, _payload, err = run("pause")
    assert code == 2 and "--reason" in err
    assert run("pause", "--reason", "month-end freeze")[:2] == (0, {"paused": True})
    code, _payload, err = run("pause", "--reason", "twice")
    assert code != 0 and "already paused" in err
    assert run("resume")[:2] == (0, {"paused": False})
    code, payload, _err = run("run", "janitor")
    assert code == 0 and payload["name"] == "janitor" and payload["last_error"] is None
    code, _payload, err = run("run", "invoices")
    assert code == 2 and "invalid choice" in err
    database.connect(reuse_if_open=True)
    assert [action for _actor, action, _reason in audit()] == ["scheduler.pause", "scheduler.resume", "scheduler.run"]
