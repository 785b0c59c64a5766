"""The tray's "Run renewals now" and "Pause scheduler…" obey the operator's role and are audited."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from models.tables import AuditEntry, JobState
from scheduler.core import JOB_NAMES
from ui.tray import TrayController


def scheduler_audit() -> list[tuple[str, str, str | None]]:
    rows = AuditEntry.select().where(AuditEntry.action.startswith("scheduler.")).order_by(AuditEntry.id)
    return [(row.actor, row.action, row.target_id) for row in rows]


@pytest.fixture
def desk(make_gui, keep_alive):
    def build(role: str):
        tray = TrayController()
        keep_alive.append(tray)
        env = make_gui(role, customers=20, scheduler=lambda core: core.build_scheduler(), tray=tray)
        return env

    return build


def test_a_viewer_can_neither_pause_nor_run_renewals_from_the_tray(desk, answer_dialogs, qtbot):
    env = desk("viewer")
    shown = answer_dialogs(lambda d: d.reason.setPlainText("let me"))
    assert not env.tray.renew_action.isEnabled() and not env.tray.pause_action.isEnabled()
    assert "viewer" in env.tray.pause_action.toolTip()
    env.tray.renew_action.trigger()
    env.tray.pause_action.trigger()
    # Even a signal sent past the disabled actions reaches the service's refusal.
    env.tray.pause_requested.emit(True)
    env.tray.run_renewals_requested.emit()
    assert len(shown) == 2
    boxes = [w for w in env.window.findChildren(QMessageBox) if w.objectName() == "errorBox"]
    assert boxes and all("may not" in box.text() for box in boxes)
    assert not any(row.paused for row in JobState.select())
    assert (
        JobState.get_or_none(JobState.name == "renewals") is None
        or JobState.get(JobState.name == "renewals").last_started_at is None
    )
    assert scheduler_audit() == []


def test_an_operator_runs_renewals_from_the_tray_but_may_not_pause(desk, answer_dialogs):
    env = desk("operator")
    shown = answer_dialogs()
    assert env.tray.renew_action.isEnabled() and not env.tray.pause_action.isEnabled()
    env.tray.renew_action.trigger()
    assert "renewals" in shown[0].summary.text()
    assert JobState.get(JobState.name == "renewals").last_finished_at is not None
    env.tray.pause_action.trigger()
    assert not any(row.paused for row in JobState.select())
    assert scheduler_audit() == [("operator", "scheduler.run", "renewals")]


def test_an_admin_pauses_from_the_tray_with_a_reason_and_every_desk_sees_it(desk, answer_dialogs):
    env = desk("admin")
    answer_dialogs(lambda d: d.reason.setPlainText("gateway maintenance"))
    assert env.tray.pause_action.isEnabled()
    env.tray.pause_action.trigger()
    assert all(row.paused for row in JobState.select()) and JobState.select().count() == len(JOB_NAMES)
    assert env.scheduler.is_paused and env.tray.paused
    assert "Resume" in env.tray.pause_action.text()
    entry = AuditEntry.get(AuditEntry.action == "scheduler.pause")
    assert (entry.actor, entry.reason) == ("admin", "gateway maintenance")

    env.tray.pause_action.trigger()  # now "Resume scheduler…"
    assert not any(row.paused for row in JobState.select())
    assert [action for _actor, action, _job in scheduler_audit()] == ["scheduler.pause", "scheduler.resume"]
    assert "Pause" in env.tray.pause_action.text()


def test_cancelling_the_tray_dialog_changes_nothing(desk, answer_dialogs):
    env = desk("admin")
    answer_dialogs(cancel=True)
    env.tray.pause_action.trigger()
    env.tray.renew_action.trigger()
    assert not any(row.paused for row in JobState.select())
    assert scheduler_audit() == []
