"""Open tables follow what operations change: scheduled jobs and operators' actions alike, and
nothing reloads for a change it does not show. A row's details are those of the row selected."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit

from models.tables import Customer, JobState, Plan, Subscription, Wallet
from scheduler.runner import BackgroundScheduler
from ui.tasks import TaskRunner

Callback = Callable[[Any], None]
ErrorCallback = Callable[[BaseException], None]


def records(page) -> list[dict]:
    return [page.model.record_at(row) for row in range(page.model.rowCount())]


def select(page, record_id: int) -> None:
    row = page.model.row_of_id(record_id)
    assert row >= 0, record_id
    page.table.selectRow(row)


# --- scheduled jobs -------------------------------------------------------------------


def test_a_job_finishing_on_its_timer_reloads_the_open_table_and_the_hidden_ones_when_shown(make_gui, qtbot):
    gui = make_gui("operator", customers=30)
    wallets = gui.page("WalletsPage")  # loaded, then left for another page
    subscriptions = gui.page("SubscriptionsPage")
    shown_before = {r["id"]: (r["status"], r["period_end"]) for r in records(subscriptions)}
    balances_before = {r["id"]: r["balance_minor"] for r in records(wallets)}
    gui.clock.advance(days=40)  # every period of the demo has ended

    # The renewal pass as the window schedules it, on an interval timer instead of once a day.
    renewals = next(job for job in gui.core.jobs() if job.name == "renewals")
    scheduler = BackgroundScheduler(
        [dataclasses.replace(renewals, daily_at=None, at_start=False, every_seconds=1)],
        gui.clock,
        on_event=gui.ctx.bridge.on_scheduler_event,
        tick_seconds=0.05,
    )
    scheduler.start()
    try:
        qtbot.waitUntil(
            lambda: (
                JobState.get_or_none(JobState.name == "renewals") is not None
                and JobState.get(JobState.name == "renewals").last_finished_at is not None
            ),
            timeout=15000,
        )
    finally:
        assert scheduler.stop()

    stored = {s.id: (s.status, s.period_end) for s in Subscription.select()}
    qtbot.waitUntil(
        lambda: {r["id"]: (r["status"], r["period_end"]) for r in records(subscriptions)} == stored, timeout=5000
    )
    assert stored != shown_before  # the pass moved subscriptions on, and the open table shows it without F5

    charged = {w.id: w.balance_minor for w in Wallet.select()}
    assert charged != balances_before
    assert {r["id"]: r["balance_minor"] for r in records(wallets)} == balances_before  # hidden: not reloaded yet
    gui.page("WalletsPage")
    assert {r["id"]: r["balance_minor"] for r in records(wallets)} == charged


# --- operators' actions -----------------------------------------------------------------


def test_an_action_reloads_the_pages_that_show_what_it_changed_and_no_other(make_gui, answer_dialogs):
    gui = make_gui("admin", customers=20)
    wallets = gui.page("WalletsPage")
    subscriptions = gui.page("SubscriptionsPage")
    plans = gui.page("PlansPage")
    customer_id = subscriptions.model.record_at(0)["customer_id"]
    # Written behind the window's back: a table shows the new name only once it reloads.
    Customer.update(name="Renamed Quietly").where(Customer.id == customer_id).execute()

    select(plans, Plan.get(Plan.code == "starter").id)

    def fill(dialog) -> None:
        dialog.findChild(QLineEdit, "price").setText("12.00")
        dialog.reason.setPlainText("price review")

    answer_dialogs(fill)
    plans.on_edit_plan_clicked()  # changes a plan (and the audit log)
    assert plans.current_record()["price_minor"] == 1200  # the acting page shows its outcome at once

    gui.page("SubscriptionsPage")  # it shows plans
    assert "Renamed Quietly" in [r["customer_name"] for r in records(subscriptions)]
    gui.page("WalletsPage")  # it shows none: it kept what it had
    assert "Renamed Quietly" not in [r["customer_name"] for r in records(wallets)]
    gui.window.on_refresh_triggered()
    assert "Renamed Quietly" in [r["customer_name"] for r in records(wallets)]


def test_a_subject_opens_with_every_filter_cleared_and_its_detail_shown(make_gui):
    gui = make_gui("operator", customers=20)
    target = Customer.get_by_id(12)
    assert target.status == "active"
    gui.window.open_subject("customer", 12)  # the Customers page has not been shown yet
    customers = gui.window.stack.currentWidget()
    assert customers.current_record()["id"] == 12
    assert target.email in customers.detail.toPlainText()

    status = customers.findChild(QComboBox, "filter_status")
    status.setCurrentIndex(status.findData("disabled"))
    assert customers.model.row_of_id(12) == -1
    gui.page("DashboardPage")
    gui.window.open_subject("customer", 12)
    assert customers.current_record()["id"] == 12 and status.currentData() is None

    gui.page("SubscriptionsPage").findChild(QCheckBox, "filter_renews_soon").setChecked(True)
    subscription = Subscription.get(Subscription.customer == 12)
    gui.window.open_subject("subscription", subscription.id)
    page = gui.window.stack.currentWidget()
    assert page.current_record()["id"] == subscription.id
    assert not page.findChild(QCheckBox, "filter_renews_soon").isChecked()


# --- details --------------------------------------------------------------------------


class HeldRunner:
    """Holds each task until the test lets its answer come, in whatever order it likes."""

    def __init__(self, runner: TaskRunner) -> None:
        self.runner = runner
        self.held: list[tuple[Callable[[], Any], Callback | None, ErrorCallback | None]] = []

    def run(self, fn: Callable[[], Any], on_done: Callback | None = None, on_error: ErrorCallback | None = None) -> int:
        self.held.append((fn, on_done, on_error))
        return len(self.held)

    def answer(self, index: int) -> None:
        self.runner.run(*self.held[index])


def test_details_that_come_late_for_a_row_no_longer_selected_are_dropped(make_page):
    from ui.pages.wallets import WalletsPage

    env = make_page(WalletsPage)
    page = env.page
    held = HeldRunner(env.runner)
    env.ctx.runner = held  # the page's own requests wait; its tables still load at once

    from models.tables import Wallet

    third, ninth = (Wallet.get_by_id(i).customer.name for i in (3, 9))  # a wallet's pane is headed by its customer
    select(page, 3)
    select(page, 9)
    held.answer(1)
    assert page.detail.toPlainText().startswith(f"{ninth} ·")
    held.answer(0)  # wallet 3's details, asked for first, come last
    assert page.detail.toPlainText().startswith(f"{ninth} ·") and third not in page.detail.toPlainText()

    select(page, 5)
    page.table.clearSelection()
    held.answer(2)  # nothing is selected any more: the pane keeps saying so
    assert "Select a wallet" in page.detail.toPlainText()
    assert len(held.held) == 3
