"""What ``bench/desk.py`` runs in fresh processes, each printing one JSON line on stdout.

``--db FILE --user NAME --password-file FILE``: the desktop started the way ``python3 main.py --db
FILE`` starts it (``main.main`` unchanged) with taps: the sign-in dialog's first paint (the moment
the operator sees it), a programmatic sign-in (the name and password typed, OK pressed), and the
dashboard's first paint with its numbers, then with its charts. Each moment is ``time.monotonic()``
(one clock for every process on the machine): the parent subtracts the moment it started this one.

``--bare``: the anchor, a bare PySide6 window from process start to its first paint.

``--desk-pass`` / ``--headless-pass --db FILE --opens ISO --due ISO``: the renewal pass in the
desktop (its GUI thread timed by a 10 ms timer) or in a process with no Qt at all, each through
the scheduler after its start jobs, with the clock moved from ``opens`` to ``due`` before it.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path


def bare_window() -> dict[str, float]:
    """A bare PySide6 window with one label, timed to its first paint the way the product's dialog is."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QLabel, QWidget

    moments: dict[str, float] = {}
    app = QApplication(sys.argv[:1])

    class Window(QWidget):
        def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
            super().paintEvent(event)
            if "window_painted" not in moments:
                moments["window_painted"] = time.monotonic()
                QTimer.singleShot(0, app.quit)

    window = Window()
    QLabel("Sign in", window)
    window.resize(380, 200)
    window.show()
    app.exec()
    return moments


def product(db: str, user: str, password: str, login_only: bool = False) -> dict[str, float]:
    # The product's own entry first, as `python3 main.py` imports it: PySide6 hooks every import that
    # follows its own (it reads each module's source), so what comes before Qt must stay before it.
    import main as product_main

    moments: dict[str, float] = {}
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    import ui.app as desk_app  # what main.py imports next, to check that the desktop can start

    taps: list[QObject] = []

    class Tap(QObject):
        """Notes the first paint of what it watches (when ``ready()`` says it shows what counts)."""

        def __init__(self, name: str, ready, then=None):
            super().__init__()
            self.name, self.ready, self.then = name, ready, then

        def eventFilter(self, watched, event):  # noqa: N802 - Qt override
            if event.type() == QEvent.Type.Paint and self.name not in moments and self.ready():
                moments[self.name] = time.monotonic()
                if self.then is not None:
                    QTimer.singleShot(0, self.then)
            return False

    real_dialog = desk_app.LoginDialog
    real_build = desk_app.build_main_window

    def sign_in(dialog) -> None:
        # The taps after sign-in filter events: Qt's event types are made into Python ones now, while
        # the dialog waits for the operator, not while the dashboard is being timed.
        assert QEvent.Type.Paint
        dialog.username.setText(user)
        dialog.password.setText(password)
        moments["sign_in_pressed"] = time.monotonic()
        dialog.on_ok_clicked()

    class TimedLoginDialog(real_dialog):  # type: ignore[valid-type, misc]
        """The product's dialog, noting its first paint (no event filter: it would cost time of its own)."""

        def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
            super().paintEvent(event)
            if "login_painted" not in moments:
                moments["login_painted"] = time.monotonic()
                QTimer.singleShot(0, self.reject if login_only else lambda: sign_in(self))

    def login_dialog(*args, **kwargs):
        dialog = TimedLoginDialog(*args, **kwargs)
        dialog.accepted.connect(lambda: moments.setdefault("signed_in", time.monotonic()))
        return dialog

    def quit_when_done() -> None:
        if "charts_painted" in moments and "dashboard_painted" in moments:
            QTimer.singleShot(0, QApplication.quit)

    def build_main_window(*args, **kwargs):
        window, ctx = real_build(*args, **kwargs)
        dashboard = window.page_named("DashboardPage")
        assert dashboard is not None
        card = dashboard.cards["active"]
        numbers = Tap("dashboard_painted", lambda: card.value_text != "—", quit_when_done)
        card.value_label.installEventFilter(numbers)
        taps.append(numbers)
        charts = ChartsTap(dashboard)
        taps.append(charts)
        return window, ctx

    class ChartsTap(QObject):
        """The first paint of the dashboard's status chart with its bars, once the chart is made."""

        def __init__(self, dashboard):
            super().__init__()
            self.chart = None
            if hasattr(dashboard, "charts_made"):  # made late, after the figures
                dashboard.charts_made.connect(lambda: self.watch(dashboard.status_chart))
            else:  # made with the page
                self.watch(dashboard.status_chart)

        def watch(self, chart) -> None:
            self.chart = chart
            chart.viewport().installEventFilter(self)

        def eventFilter(self, watched, event):  # noqa: N802 - Qt override
            if event.type() == QEvent.Type.Paint and "charts_painted" not in moments and self.chart.values:
                moments["charts_painted"] = time.monotonic()
                quit_when_done()
            return False

    desk_app.LoginDialog = login_dialog  # type: ignore[misc, assignment]
    desk_app.build_main_window = build_main_window  # type: ignore[assignment]
    code = product_main.main(["--db", db])
    moments["exit_code"] = float(code)
    return moments


TIMER_MS = 10
AFTER_PASS_S = 2.0


def gaps_summary(gaps: list[float]) -> tuple[float, float, float]:
    """p50, p99 and the longest gap, in seconds."""
    ordered = sorted(gaps)
    p99 = ordered[min(len(ordered) - 1, int(round(0.99 * (len(ordered) - 1))))]
    return statistics.median(ordered), p99, ordered[-1]


def idle_gaps(app, seconds: float) -> list[float]:
    """The 10 ms timer's gaps while the desk sits idle: what the machine itself allows just now."""
    from PySide6.QtCore import QEventLoop, Qt, QTimer

    ticks: list[float] = []
    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(TIMER_MS)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    timer.start()
    loop.exec()
    timer.stop()
    return [b - a for a, b in zip(ticks, ticks[1:], strict=False)]


def count_notifications() -> int:
    from models.db import database
    from models.tables import Notification

    with database.connection_context():
        return Notification.select().count()


def desk_pass(db: str, opens: datetime, due: datetime, idle_seconds: float = AFTER_PASS_S) -> dict:
    """Open the desktop on ``db`` signed in as admin, run the renewal pass now, time the GUI thread."""
    from PySide6.QtCore import QEventLoop, Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from models.db import database, init_database
    from scheduler.core import build_core
    from services.auth import Actor
    from services.clock import OffsetClock, utc_now
    from ui.app import prepare_application, start_desk
    from ui.pages.dashboard import DashboardPage
    from ui.pages.notifications import NotificationsPage

    init_database(db)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    clock = OffsetClock(opens - utc_now())
    with database.connection_context():
        core = build_core(clock, gateway_sleep=lambda seconds: None)
    actor = Actor("admin", "admin", 1)  # the first operator the data set holds
    qsettings, runner = prepare_application(app)
    desk = start_desk(app, core, runner, qsettings, actor)
    window = desk.window
    assert window is not None and desk.scheduler is not None
    window.show_page(NotificationsPage)  # the panel loads once: from now on it follows every notice
    window.show_page(DashboardPage)

    events: list = []
    window.ctx.bridge.scheduler_event_happened.connect(events.append)
    assert not desk.scheduler.is_running, "the scheduler starts after the window: none of its events is missed"

    def wait_until(condition, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        while not condition():
            if time.monotonic() > deadline:
                raise RuntimeError("the desktop did not get there in time")
            app.processEvents()
            time.sleep(0.005)

    # The jobs the scheduler runs at start (nothing is due yet), the dashboard and the panel loaded.
    dashboard = window.page_of(DashboardPage)
    assert dashboard is not None
    wait_until(lambda: dashboard.cards["active"].value_text != "—", 60)
    # The scheduler starts a moment after the window: its events are all heard from here.
    starting = {"janitor", "renewals", "reminders"}
    wait_until(lambda: starting <= {e.job for e in events if e.kind in ("job_finished", "job_failed")}, 120)
    wait_until(lambda: runner.pending == 0, 30)
    events.clear()

    notices_before = count_notifications()
    idle = idle_gaps(app, idle_seconds)
    ticks: list[float] = []
    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(TIMER_MS)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    loop = QEventLoop()
    ended: list[float] = []

    def on_event(event) -> None:
        if event.job == "renewals" and event.kind in ("job_finished", "job_failed") and not ended:
            ended.append(time.perf_counter())
            QTimer.singleShot(int(AFTER_PASS_S * 1000), loop.quit)

    window.ctx.bridge.scheduler_event_happened.connect(on_event)
    clock.advance(due - clock.now() + timedelta(seconds=1))
    control = core.scheduler_control(desk.scheduler)
    timer.start()
    began = time.perf_counter()
    runner.run(lambda: control.run_now(actor, "renewals", "benchmark"))
    QTimer.singleShot(3_600_000, loop.quit)  # a pass that never ends fails the benchmark, not the machine
    loop.exec()
    timer.stop()
    finished_events = [e for e in events if e.job == "renewals" and e.kind in ("job_finished", "job_failed")]
    started_events = [e for e in events if e.job == "renewals" and e.kind == "job_started"]
    if not finished_events or finished_events[0].kind != "job_finished" or not started_events:
        raise RuntimeError(f"the renewal pass did not finish in the desktop: {finished_events}")
    result = finished_events[0].result or {}
    seconds = (finished_events[0].at - started_events[0].at).total_seconds()
    gaps = [b - a for a, b in zip(ticks, ticks[1:], strict=False) if a >= began]
    during = [b - a for a, b in zip(ticks, ticks[1:], strict=False) if a >= began and b <= ended[0]]
    after = [b - a for a, b in zip(ticks, ticks[1:], strict=False) if a >= ended[0]]
    stats = {
        "pass_seconds": seconds,
        "result": result,
        "notices": count_notifications() - notices_before,
        "gaps": gaps_summary(gaps),
        "during": gaps_summary(during) if during else (0.0, 0.0, 0.0),
        "after": gaps_summary(after) if after else (0.0, 0.0, 0.0),
        "idle": gaps_summary(idle),
        # For reading a profile beside it: when the long gaps came, in seconds from the request.
        "long_gaps": [
            (round(a - began, 3), round(b - a, 4)) for a, b in zip(ticks, ticks[1:], strict=False) if b - a > 0.02
        ],
        "ended_at": round(ended[0] - began, 3),
        "bridge": {
            "unread_counts": window.ctx.bridge.unread_refreshes,
        },
    }
    desk.shutdown()
    window.close()
    return stats


def headless_pass(db: str, opens: datetime, due: datetime) -> dict:
    """The renewal pass with no Qt in the process: the scheduler as a worker runs it, after its start jobs."""
    import threading

    from models.db import database, init_database
    from scheduler.core import build_core
    from services.clock import OffsetClock, utc_now

    init_database(db)
    clock = OffsetClock(opens - utc_now())
    with database.connection_context():
        core = build_core(clock, gateway_sleep=lambda seconds: None)
    events: list = []
    changed = threading.Condition()

    def on_event(event) -> None:
        with changed:
            events.append(event)
            changed.notify_all()

    def wait_for(condition) -> None:
        with changed:
            if not changed.wait_for(condition, timeout=3600):
                raise RuntimeError("the scheduler did not get there in time")

    scheduler = core.build_scheduler(on_event=on_event)
    scheduler.start()
    wait_for(lambda: {"janitor", "renewals", "reminders"} <= {e.job for e in events if e.kind == "job_finished"})
    with changed:
        events.clear()
    clock.advance(due - clock.now() + timedelta(seconds=1))
    scheduler.run_now("renewals")
    wait_for(lambda: any(e.job == "renewals" and e.kind in ("job_finished", "job_failed") for e in events))
    scheduler.stop(timeout=60)
    started = next(e for e in events if e.job == "renewals" and e.kind == "job_started")
    ended = next(e for e in events if e.job == "renewals" and e.kind in ("job_finished", "job_failed"))
    if ended.kind != "job_finished":
        raise RuntimeError(f"the headless pass failed: {ended.error}")
    return {"pass_seconds": (ended.at - started.at).total_seconds(), "result": ended.result}


def run() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--bare", action="store_true")
    parser.add_argument("--headless-pass", action="store_true")
    parser.add_argument("--desk-pass", action="store_true")
    parser.add_argument("--idle-seconds", type=float, default=AFTER_PASS_S, help="the idle desk's timer, before")
    parser.add_argument("--opens", type=datetime.fromisoformat)
    parser.add_argument("--due", type=datetime.fromisoformat)
    parser.add_argument("--db")
    parser.add_argument("--user", default="admin")
    parser.add_argument("--password-file", type=Path)
    parser.add_argument("--login-only", action="store_true", help="cancel at the sign-in dialog (for a profile)")
    args = parser.parse_args()
    if args.headless_pass:
        print(json.dumps(headless_pass(args.db, args.opens, args.due)), flush=True)
        return
    if args.desk_pass:
        print(json.dumps(desk_pass(args.db, args.opens, args.due, args.idle_seconds)), flush=True)
        return
    if args.bare:
        moments = bare_window()
    else:
        password = args.password_file.read_text(encoding="utf-8").strip()
        moments = product(args.db, args.user, password, args.login_only)
    print(json.dumps(moments), flush=True)


if __name__ == "__main__":
    run()
