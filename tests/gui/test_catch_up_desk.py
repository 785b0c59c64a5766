"""The desk asks before a renewal pass pays more periods per subscription than the setting allows."""

from __future__ import annotations

import dataclasses
from datetime import datetime
from types import SimpleNamespace

import pytest
from PySide6.QtWidgets import QApplication

from models.tables import AuditEntry, Notification, SubscriptionCharge
from scheduler.runner import SchedulerEvent
from services.auth import SYSTEM
from tests.factories import balance, make_customer, make_plan
from ui.pages.scheduler_page import SchedulerPage


@pytest.fixture
def desk(make_page, qtbot, clock):
    """desk(role) -> the Scheduler page on a demo clock, with a weekly subscriber whose wallet pays a year
    and a monthly one; the limit is 3 periods per pass."""

    def build(role: str = "operator", data: bool = True):
        env = make_page(SchedulerPage, role=role, demo_data=False)
        scheduler = env.core.build_scheduler(on_event=env.bridge.on_scheduler_event)
        ctx = dataclasses.replace(env.ctx, scheduler=scheduler, demo=True)
        weekly_sub = monthly_sub = SimpleNamespace(id=0)
        weekly_wallet = monthly_wallet = 0
        if data:
            make_plan(clock, "weekly", 300, unit="week")
            make_plan(clock, "monthly", 1000)
            weekly, weekly_wallet = make_customer(clock, balance_minor=20_000)
            monthly, monthly_wallet = make_customer(clock, balance_minor=5_000)
            weekly_sub = env.core.subscriptions.subscribe(SYSTEM, weekly.email, "weekly")
            monthly_sub = env.core.subscriptions.subscribe(SYSTEM, monthly.email, "monthly")
            env.core.settings.update(SYSTEM, {"renewals.catch_up_periods": 3})
        page = SchedulerPage(ctx)
        qtbot.addWidget(page)
        page.show()
        page.on_shown()
        env.keep = page
        return SimpleNamespace(
            core=env.core,
            page=page,
            clock=clock,
            scheduler=scheduler,
            weekly=(weekly_sub.id, weekly_wallet),
            monthly=(monthly_sub.id, monthly_wallet),
        )

    return build


def charges(sub_id: int) -> int:
    return SubscriptionCharge.select().where(SubscriptionCharge.subscription == sub_id).count()


def month_button(page):
    return [b for b in page.demo_group.buttons if b.text() == "+1 month"][0]


def test_a_month_ahead_holds_four_weeks_and_asks_then_renew_them_all_pays_each_once(desk, qtbot):
    env = desk()
    (weekly_id, weekly_wallet), (monthly_id, monthly_wallet) = env.weekly, env.monthly
    month_button(env.page).click()

    # The monthly subscriber renewed; the weekly one would pay Jan 22, Jan 29, Feb 5 and Feb 12: held.
    assert charges(monthly_id) == 2 and balance(monthly_wallet) == 3_000
    assert charges(weekly_id) == 1 and balance(weekly_wallet) == 19_700
    dialog = env.page.catch_up.dialog
    assert dialog is not None and dialog.isVisible()
    said = "1 subscription(s) would each pay more than 3 period(s) at once: 4 period(s), $12.00 in all."
    assert said in dialog.text()
    assert env.page.held_label.isVisibleTo(env.page) and "$12.00" in env.page.held_label.text()
    assert "Held:" in env.page.demo_group.summary_label.text()
    notice = Notification.get(Notification.kind == "renewals_held")
    assert notice.severity == "warning" and "4 period(s)" in notice.title

    not_now = [b for b in dialog.buttons() if b.text() == "Not now"][0]
    not_now.click()
    assert not dialog.isVisible() and charges(weekly_id) == 1
    assert env.page.held_button.isVisibleTo(env.page)  # still held, still said

    env.page.held_button.click()
    dialog = env.page.catch_up.dialog
    assert dialog is not None and dialog.isVisible()
    renew = env.page.catch_up.renew_button
    assert renew is not None and renew.text() == "Renew them all"
    renew.click()
    assert charges(weekly_id) == 5 and balance(weekly_wallet) == 19_700 - 4 * 300
    assert not env.page.held_label.isVisibleTo(env.page)
    assert AuditEntry.get(AuditEntry.action == "renewal.catch_up").actor == "operator"

    # Asked again at once, nothing more is charged.
    env.page.catch_up.renew_all()
    assert charges(weekly_id) == 5 and balance(weekly_wallet) == 18_500


def test_the_scheduled_pass_that_holds_asks_and_a_viewer_is_only_told(desk, clock):
    env = desk()
    clock.set(datetime(2026, 2, 15, 9, 0))
    state = env.scheduler.run_job("renewals")  # the scheduler of this desk: its event reaches the page
    held = state.last_result["held"]
    assert held == {"subscriptions": 1, "periods": 4, "amounts_minor": {"USD": 1200}, "limit": 3}
    assert env.page.catch_up.dialog is not None and env.page.catch_up.dialog.isVisible()
    env.page.load_jobs()
    row = [job for job in env.page.model.jobs if job.name == "renewals"][0]
    assert "1 held (4 periods, $12.00)" in env.page.model.text(row, 2)
    env.page.catch_up.dialog.close()

    viewer = desk(role="viewer", data=False)
    viewer.page.on_scheduler_event(SchedulerEvent("job_finished", "renewals", {"held": held}, None, clock.now()))
    assert viewer.page.catch_up.dialog is None
    assert viewer.page.held_label.isVisibleTo(viewer.page) and not viewer.page.held_button.isEnabled()


def test_a_pass_another_instance_held_shows_on_the_page_without_a_question(desk, clock):
    env = desk()
    clock.set(datetime(2026, 2, 15, 9, 0))
    env.core.build_scheduler().run_job("renewals")  # a worker's pass: no event reaches this desk
    env.page.load_jobs()
    assert env.page.held_label.isVisibleTo(env.page) and "4 period(s)" in env.page.held_label.text()
    assert env.page.catch_up.dialog is None
    assert not [w for w in QApplication.topLevelWidgets() if w.objectName() == "catchUpDialog" and w.isVisible()]


HELD_PARAMS = {
    "subscriptions": 2,
    "periods": 24,
    "amounts_minor": {"EUR": 8400, "USD": 12000},
    "totals": {"EUR": 8400, "USD": 12000},
    "limit": 5,
}


def test_the_held_notice_is_told_from_its_parameters_in_the_operators_language(qapp):
    from ui.language import install_translator
    from ui.notice_text import render

    title, body = render("renewals_held", HELD_PARAMS, "stored", "stored")
    assert title == "2 subscription(s) held: 24 period(s), €84.00, $120.00 to catch up"
    assert "more than 5 period(s)" in body and "renew --catch-up" in body
    installed = install_translator(qapp, "ru")
    try:
        title, body = render("renewals_held", HELD_PARAMS, "stored", "stored")
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)
    assert title.startswith("2 подписки задержаны: периодов — 24") and "120,00" in title
    assert "больше 5 период" in body and "Планировщик" in body


def test_the_limit_is_on_the_settings_page_and_a_bad_one_is_refused(make_page, answer_dialogs):
    from models.tables import Setting
    from ui.pages.settings_page import SettingsPage

    env = make_page(SettingsPage, demo_data=False)
    page = env.page
    limit = page.form.widgets["renewals.catch_up_periods"]
    assert limit.text() == "5"
    shown = answer_dialogs(lambda d: d.reason.setPlainText("weekly plans only"))
    for bad, expected in (("0", "outside 1–1000"), ("two", "not a whole number")):
        limit.setText(bad)
        page.save_button.click()
        assert page.form.error.isVisibleTo(page) and expected in page.form.error.text()
    assert shown == [] and not Setting.select().where(Setting.key == "renewals.catch_up_periods").exists()
    limit.setText("8")
    page.save_button.click()
    assert "5 → 8" in shown[0].summary.text()
    assert env.core.settings.get("renewals.catch_up_periods") == 8


def test_a_held_pass_at_start_asks_before_the_scheduler_page_was_ever_opened(make_gui, clock):
    env = make_gui("operator", demo_data=False, scheduler=lambda core: core.build_scheduler())
    make_plan(clock, "monthly", 1000)
    customer, wallet = make_customer(clock, balance_minor=50_000)
    env.core.subscriptions.subscribe(SYSTEM, customer.email, "monthly")
    assert not [p for p in env.window.made_pages() if isinstance(p, SchedulerPage)]
    clock.set(datetime(2027, 1, 20, 9, 0))
    result = env.core.renewals.renew_due_subscriptions()
    env.ctx.bridge.scheduler_event_happened.emit(SchedulerEvent("job_finished", "renewals", result, None, clock.now()))
    page = env.window.page_of(SchedulerPage)
    assert page is not None and page.catch_up.dialog is not None and page.catch_up.dialog.isVisible()
    assert "12 period(s), $120.00 in all" in page.catch_up.dialog.text()
    dialogs = [w for w in QApplication.topLevelWidgets() if w.objectName() == "catchUpDialog" and w.isVisible()]
    assert len(dialogs) == 1
    assert balance(wallet) == 49_000
