import dataclasses
from datetime import timedelta
from types import SimpleNamespace

import pytest
from PySide6.QtWidgets import QCheckBox, QLineEdit

from models.tables import AuditEntry, CircuitState, JobState, Setting, SubscriptionCharge
from ui.pages.scheduler_page import SchedulerPage

JOBS = ["janitor", "renewals", "retries", "reminders", "monitoring", "backups", "notices"]


@pytest.fixture
def with_scheduler(make_page, qtbot):
    """with_scheduler(role) -> the page over a real BackgroundScheduler that is not started."""
    built = []  # qtbot holds widgets weakly; keep every page alive until the test ends

    def build(role: str = "admin", demo: bool = True, demo_data: bool = True):
        env = make_page(SchedulerPage, role=role, demo_data=demo_data)
        scheduler = env.core.build_scheduler(on_event=env.bridge.on_scheduler_event)
        ctx = dataclasses.replace(env.ctx, scheduler=scheduler, demo=demo)
        page = SchedulerPage(ctx)
        qtbot.addWidget(page)
        page.show()
        page.on_shown()
        built.append((env, page))
        return SimpleNamespace(
            core=env.core, ctx=ctx, page=page, clock=env.clock, bridge=env.bridge, scheduler=scheduler
        )

    yield build


def select_job(page, name: str) -> None:
    page.table.selectRow([job.name for job in page.model.jobs].index(name))


def field(page, name: str):
    return page.gateway_group.form.widgets[name]


def test_lists_the_jobs_and_passes_the_model_tester(with_scheduler, qtmodeltester):
    env = with_scheduler()
    assert [job.name for job in env.page.model.jobs] == JOBS
    qtmodeltester.check(env.page.model)
    assert "Running" in env.page.state_label.text() or "running" in env.page.state_label.text()


def test_run_now_runs_the_selected_job_and_shows_its_result(with_scheduler, answer_dialogs, qtbot):
    env = with_scheduler(role="operator")
    page = env.page
    select_job(page, "reminders")
    assert page.run_button.isEnabled()
    shown = answer_dialogs()
    changed = []
    env.bridge.changes_made.connect(lambda changes, _initiator: changed.extend(changes.kinds))
    with qtbot.waitSignal(page.status_message) as blocker:
        page.run_button.click()
    assert "reminders" in shown[0].summary.text()
    row = JobState.get_by_id("reminders")
    assert row.last_finished_at == env.clock.now() and row.last_error is None
    reminders = [job for job in page.model.jobs if job.name == "reminders"][0]
    assert reminders.last_result["reminded"] >= 1
    text = page.model.text(reminders, 2)
    assert "checked" in text and "reminded" in text
    assert "subscription" in changed
    assert "finished" in page.event_log.toPlainText()
    assert blocker.args


def test_roles_decide_who_may_run_and_who_may_pause(with_scheduler):
    viewer = with_scheduler(role="viewer").page
    select_job(viewer, "renewals")
    assert not viewer.run_button.isEnabled() and "viewer" in viewer.run_button.toolTip()
    assert not viewer.pause_button.isEnabled() and "viewer" in viewer.pause_button.toolTip()
    operator = with_scheduler(role="operator", demo_data=False).page
    select_job(operator, "renewals")
    assert operator.run_button.isEnabled()
    assert not operator.pause_button.isEnabled() and "operator" in operator.pause_button.toolTip()


def test_admin_pauses_with_a_reason_and_resumes(with_scheduler, answer_dialogs):
    env = with_scheduler()
    page = env.page
    shown = answer_dialogs()  # no reason given
    page.pause_button.click()
    assert "reason" in shown[0].error.text()
    assert not env.scheduler.is_paused

    answer_dialogs(lambda d: d.reason.setPlainText("gateway maintenance tonight"))
    page.pause_button.click()
    assert env.scheduler.is_paused
    assert all(row.paused for row in JobState.select()) and JobState.select().count() == len(JOBS)
    audit = AuditEntry.get(AuditEntry.action == "scheduler.pause")
    assert audit.actor == "admin" and audit.reason == "gateway maintenance tonight"
    assert "Resume" in page.pause_button.text() and "Paused" in page.state_label.text()

    page.pause_button.click()
    assert not env.scheduler.is_paused
    assert AuditEntry.select().where(AuditEntry.action == "scheduler.resume").count() == 1
    assert "Pause" in page.pause_button.text()


def test_without_a_scheduler_it_says_so_and_still_lists_stored_jobs(make_page):
    env = make_page(SchedulerPage, role="admin")
    page = env.page
    assert "The scheduler is not running in this window" in page.state_label.text()
    for button in (page.run_button, page.pause_button):
        assert not button.isEnabled() and "not running" in button.toolTip()
    assert [job.name for job in page.model.jobs] == JOBS


def test_a_started_scheduler_reports_back_through_the_bridge(make_page, qtbot, answer_dialogs):
    env = make_page(SchedulerPage, role="operator")
    scheduler = env.core.build_scheduler(on_event=env.bridge.on_scheduler_event)
    scheduler.tick_seconds = 0.05
    page = SchedulerPage(dataclasses.replace(env.ctx, scheduler=scheduler))
    qtbot.addWidget(page)
    page.show()
    scheduler.start()
    try:
        qtbot.waitUntil(lambda: "reminders" in page.event_log.toPlainText(), timeout=10000)  # the start-up runs
        page.refresh()
        select_job(page, "monitoring")
        answer_dialogs()
        page.run_button.click()  # handed to the scheduler's thread
        qtbot.waitUntil(lambda: "monitoring  finished" in page.event_log.toPlainText(), timeout=10000)
        qtbot.waitUntil(
            lambda: [j for j in page.model.jobs if j.name == "monitoring"][0].last_result is not None, timeout=10000
        )
    finally:
        assert scheduler.stop(timeout=10)


# --- gateway simulation -------------------------------------------------------------


def test_gateway_knobs_load_and_save_for_an_admin(with_scheduler, answer_dialogs):
    env = with_scheduler()
    page = env.page
    assert field(page, "gateway.latency_max_ms").text() == "40"
    field(page, "gateway.error_rate").setText("0.3")
    field(page, "gateway.seed").setText("42")
    page.gateway_group.form.widgets["gateway.outage"].setChecked(True)
    shown = answer_dialogs(lambda d: d.reason.setPlainText("outage drill"))
    page.gateway_group.save_button.click()
    assert "Server error rate: 0 → 0.3" in shown[0].summary.text()
    settings = env.core.settings
    assert settings.get("gateway.error_rate") == 0.3 and settings.get("gateway.outage") is True
    assert settings.get("gateway.seed") == 42
    audit = AuditEntry.get(AuditEntry.action == "gateway.configure")
    assert audit.reason == "outage drill"
    assert not page.gateway_group.form.is_dirty()


@pytest.mark.parametrize(
    "name, text, expected",
    [
        ("gateway.error_rate", "1.5", "rate between 0 and 1"),
        ("gateway.decline_rate", "abc", "rate between 0 and 1"),
        ("gateway.latency_min_ms", "100", "minimum latency is above the maximum"),
        ("gateway.seed", "-3", "outside"),
    ],
)
def test_bad_gateway_knobs_are_refused_in_the_form(with_scheduler, answer_dialogs, name, text, expected):
    env = with_scheduler()
    page = env.page
    shown = answer_dialogs()
    before = Setting.select().count()
    field(page, name).setText(text)
    page.gateway_group.save_button.click()
    error = page.gateway_group.form.error
    assert error.isVisibleTo(page) and expected in error.text()
    assert shown == [] and Setting.select().count() == before


def test_an_operator_sees_the_knobs_but_cannot_change_them(with_scheduler, answer_dialogs):
    env = with_scheduler(role="operator")
    group = env.page.gateway_group
    assert not group.save_button.isEnabled() and "operator" in group.save_button.toolTip()
    assert field(env.page, "gateway.error_rate").isReadOnly()
    assert not group.form.widgets["gateway.outage"].isEnabled()
    assert env.page.role_notice.isVisibleTo(env.page) and "operator" in env.page.role_notice.text()
    answer_dialogs()
    field(env.page, "gateway.error_rate").setText("0.5")
    group.on_save_clicked()
    assert "operator" in group.form.error.text()
    assert env.core.settings.get("gateway.error_rate") == 0.0


def test_the_circuit_breaker_state_is_shown(with_scheduler):
    env = with_scheduler()
    assert "closed" in env.page.gateway_group.circuit_label.text()
    now = env.clock.now()
    CircuitState.create(name="gateway", state="open", failures=5, opened_at=now, updated_at=now)
    env.page.refresh()
    text = env.page.gateway_group.circuit_label.text()
    assert "OPEN" in text and "5 failures" in text and "refused until" in text


# --- demo clock -----------------------------------------------------------------------


def test_demo_clock_moves_time_and_renews(with_scheduler, qtbot):
    env = with_scheduler(role="operator")
    group = env.page.demo_group
    assert group is not None and "2026-01-15 09:00" in group.time_label.text()
    start, charges = env.clock.now(), SubscriptionCharge.select().count()
    changed = []
    env.bridge.changes_made.connect(lambda changes, _initiator: changed.extend(changes.kinds))
    month = [b for b in group.buttons if b.text() == "+1 month"][0]
    month.click()
    assert env.clock.now() == start.replace(month=2)
    assert "2026-02-15 09:00" in group.time_label.text()
    summary = group.summary_label.text()
    assert "renewed" in summary and "reminder" in summary
    assert SubscriptionCharge.select().count() > charges
    assert "subscription" in changed and "wallet" in changed
    day = [b for b in group.buttons if b.text() == "+1 day"][0]
    day.click()
    assert env.clock.now() == start.replace(month=2) + timedelta(days=1)


def test_demo_clock_needs_a_demo_and_a_role(with_scheduler):
    assert with_scheduler(demo=False).page.demo_group is None
    viewer = with_scheduler(role="viewer", demo_data=False).page
    assert all(not b.isEnabled() and "viewer" in b.toolTip() for b in viewer.demo_group.buttons)


def test_form_widgets_are_named_for_their_settings(with_scheduler):
    page = with_scheduler().page
    assert isinstance(page.findChild(QLineEdit, "gateway.error_rate"), QLineEdit)
    assert isinstance(page.findChild(QCheckBox, "gateway.outage"), QCheckBox)


def test_a_failed_run_reads_in_the_operators_language(with_scheduler):
    from PySide6.QtWidgets import QApplication

    from scheduler.runner import SchedulerEvent
    from ui.language import install_translator

    env = with_scheduler(role="operator")
    app = QApplication.instance()
    translators = install_translator(app, "ru")
    try:
        error = "the payment gateway is down (outage); nothing was sent\nTraceback (most recent call last): ..."
        env.page.on_scheduler_event(SchedulerEvent("job_failed", "retries", None, error, env.clock.now()))
        line = env.page.event_log.toPlainText().splitlines()[-1]
    finally:
        for translator in translators:
            app.removeTranslator(translator)
    assert "платёжный шлюз недоступен" in line and "Traceback" not in line, line
