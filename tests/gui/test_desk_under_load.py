"""A renewal pass posting thousands of notices, and the change feed hearing it, cost the GUI thread
a few deliveries, not one each: one unread count, one tray popup, one panel reload. The window opens
with the page it shows; the dashboard's charts come once its figures are on screen."""

from __future__ import annotations

import re
import threading

import pytest

from models.db import database
from models.tables import Notification
from scheduler.runner import SchedulerEvent
from services.change_feed import EVERYTHING, ChangeListener
from services.changes import NO_CHANGES, Changes, Kind
from tests.conftest import POSTGRES_URL
from ui.bridge import CoreBridge
from ui.pages.dashboard import DashboardPage
from ui.tray import TrayController

BURST = 5000


def unread() -> int:
    return Notification.select().where(Notification.read_at.is_null()).count()


def test_a_burst_of_five_thousand_notices_is_one_unread_count_one_popup_and_one_panel_reload(
    make_gui, keep_alive, qtbot, monkeypatch
):
    tray = TrayController(gather_ms=50, quiet_ms=300)
    keep_alive.append(tray)
    env = make_gui("admin", customers=5, tray=tray)
    bridge, core = env.ctx.bridge, env.core
    panel = env.page("NotificationsPage")  # open while the burst comes
    popups: list[tuple[str, str]] = []
    tray.message_shown.connect(lambda title, body: popups.append((title, body)))
    counts: list[int] = []
    bridge.unread_count_changed.connect(counts.append)
    tasks: list[object] = []
    run = env.runner.run
    monkeypatch.setattr(env.runner, "run", lambda fn, *rest: tasks.append(fn) or run(fn, *rest))
    asked_before, unread_before = bridge.unread_refreshes, unread()

    def renewal_pass() -> None:  # what the scheduler's thread does: one notice per subscription short of funds
        with database.connection_context(), database.atomic():
            for n in range(BURST):
                core.notifications.post(
                    "payment_failed",
                    f"Renewal {n} waits for funds",
                    "",
                    subject=("subscription", n + 1),
                    dedup_key=f"load:{n}",
                )

    worker = threading.Thread(target=renewal_pass)
    worker.start()
    worker.join(120)
    assert not worker.is_alive()

    qtbot.waitUntil(lambda: bool(popups) and bool(counts) and counts[-1] == unread_before + BURST, timeout=10000)
    qtbot.waitUntil(lambda: panel.model.rowCount() > 0 and panel.model.record_at(0)["kind"] == "payment_failed")
    qtbot.wait(500)  # the quiet time passes with nothing new
    assert bridge.unread_refreshes == asked_before + 1  # one count for the whole burst
    assert len(popups) == 1
    title, _body = popups[0]
    assert re.fullmatch(rf"{BURST} renewal(s|\(s\)) waiting for funds within a minute", title), title
    assert env.window.unread_label.text() == f"{unread_before + BURST} unread"
    assert len(panel.model.record_at(0)["group_ids"]) > 1  # the panel read the burst back as one row
    assert len(tasks) < 10, f"{len(tasks)} tasks for one burst"  # not a task (and a connection) per notice


def test_the_dashboard_paints_its_figures_first_and_makes_its_charts_after(make_page, qtbot):
    env = make_page(DashboardPage)  # on screen, loaded
    page = DashboardPage(env.ctx)  # a second one, loaded but never shown yet
    qtbot.addWidget(page)
    page.refresh()
    assert page.cards["active"].value_text == env.page.cards["active"].value_text != "—"
    qtbot.wait(50)
    assert not page.has_charts  # nothing painted: pyqtgraph is not needed yet
    page.resize(1200, 760)
    page.show()
    qtbot.waitUntil(lambda: page.has_charts, timeout=5000)  # made after the figures' first paint, unasked
    assert page.status_chart.isVisible() and page.status_chart.height() >= 150
    assert sum(page.status_chart.values) == 60 and len(page.revenue_chart.values) == 30


def test_the_window_opens_with_the_page_it_shows_and_makes_each_other_when_it_is_wanted(make_gui):
    gui = make_gui("operator", customers=5)
    window = gui.window
    assert [type(page).__name__ for page in window.made_pages()] == ["DashboardPage"]
    assert window.nav.count() == 11 and window.nav.item(5).text() == "Error queue"
    window.nav.setCurrentRow(5)
    errors = window.stack.currentWidget()
    assert type(errors).__name__ == "ErrorQueuePage" and errors.loaded
    assert [type(page).__name__ for page in window.made_pages()] == ["DashboardPage", "ErrorQueuePage"]
    assert window.page_named("ErrorQueuePage") is errors  # made once


def scheduler_event(clock, kind: str, changes: Changes = NO_CHANGES) -> SchedulerEvent:
    return SchedulerEvent(kind, "renewals", {} if kind != "job_started" else None, None, clock.now(), changes)


@pytest.mark.skipif(bool(POSTGRES_URL), reason="PostgreSQL's feed tells this desk's own commits from others'")
def test_what_the_feed_hears_while_this_desks_own_job_runs_is_one_reload_when_it_ends(make_page, clock):
    env = make_page(DashboardPage, customers=5)
    bridge = CoreBridge(env.core, env.runner, listener=ChangeListener())  # SQLite: it cannot tell who committed
    assert not bridge.listener.tells_origin
    heard: list[Changes] = []
    bridge.changes_made.connect(lambda changes, _initiator: heard.append(changes))
    bridge.on_scheduler_event_happened(scheduler_event(clock, "job_started"))
    for _ in range(30):  # the pass commits batch after batch; the feed hears each
        bridge.changes_committed_elsewhere.emit(EVERYTHING)
    assert heard == []
    bridge.on_scheduler_event_happened(scheduler_event(clock, "job_finished", Changes.of(Kind.SUBSCRIPTION)))
    assert heard == [EVERYTHING]
    bridge.stop()


def test_other_desks_changes_reach_the_pages_at_once_then_together(make_page, clock):
    env = make_page(DashboardPage, customers=5)
    bridge = CoreBridge(env.core, env.runner, elsewhere_ms=60_000)
    heard: list[Changes] = []
    bridge.changes_made.connect(lambda changes, _initiator: heard.append(changes))
    bridge.changes_committed_elsewhere.emit(Changes.of(Kind.WALLET))
    assert heard == [Changes.of(Kind.WALLET)]  # the first goes out at once
    bridge.changes_committed_elsewhere.emit(Changes.of(Kind.CUSTOMER))
    bridge.changes_committed_elsewhere.emit(Changes.of(Kind.PLAN))
    assert len(heard) == 1  # a moment later: gathered
    bridge.on_scheduler_event_happened(scheduler_event(clock, "job_finished", Changes.of(Kind.INVOICE)))
    assert heard[1] == Changes.of(Kind.CUSTOMER, Kind.PLAN, Kind.INVOICE)  # with the next announcement, once
    bridge.stop()


def test_the_dashboard_timer_waits_for_this_desks_own_job_and_the_job_end_reloads_it(make_page, clock, qtbot):
    from models.tables import Subscription

    env = make_page(DashboardPage)
    page, bridge = env.page, env.bridge
    shown = page.cards["active"].value_text
    bridge.on_scheduler_event_happened(scheduler_event(clock, "job_started"))
    assert bridge.jobs_running
    Subscription.update(status="expired").where(Subscription.status == "active").execute()  # the pass at work
    page.on_poll_timer()
    assert page.cards["active"].value_text == shown  # the 30-second reload waits for the job
    money = Changes.of(Kind.SUBSCRIPTION, Kind.WALLET, Kind.INVOICE)
    bridge.on_scheduler_event_happened(scheduler_event(clock, "job_finished", money))
    assert not bridge.jobs_running
    qtbot.waitUntil(lambda: page.cards["active"].value_text == "0", timeout=5000)
