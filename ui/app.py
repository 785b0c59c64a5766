"""Bring the desktop up in order and take it down in reverse on aboutToQuit."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable
from typing import cast

from PySide6.QtCore import QCoreApplication, QSettings, QTimer
from PySide6.QtWidgets import QApplication

from resources import APP_ID
from scheduler.core import Core
from scheduler.runner import BackgroundScheduler, SchedulerEvent
from services.auth import Actor
from services.change_feed import ChangeListener
from services.secrets import remembered_login_name
from ui.bridge import CoreBridge
from ui.context import UiContext
from ui.language import chosen_language, install_translator
from ui.login import LoginDialog
from ui.main_window import MainWindow
from ui.pages.base import Page
from ui.tasks import TaskRunner
from ui.theme import apply_theme
from ui.tray import TrayController, app_icon

log = logging.getLogger(__name__)


def settings_file() -> str:
    from platformdirs import user_config_path

    path = user_config_path("subscriptions-admin", appauthor=False) / "desktop.ini"
    path.parent.mkdir(parents=True, exist_ok=True)
    return str(path)


def identify_application(app: QApplication) -> None:
    """One name and one icon for the title bar, the task bar, the tray and a Linux menu's entry."""
    app.setApplicationName("Subscriptions Admin")
    app.setOrganizationName(APP_ID)
    # Wayland matches windows to the installed desktop entry by this name, for its icon and title.
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(app_icon())


def create_pages(ctx: UiContext) -> list[Page]:
    from ui.pages.audit import AuditPage
    from ui.pages.customers import CustomersPage
    from ui.pages.dashboard import DashboardPage
    from ui.pages.error_queue import ErrorQueuePage
    from ui.pages.notifications import NotificationsPage
    from ui.pages.plans import PlansPage
    from ui.pages.scheduler_page import SchedulerPage
    from ui.pages.settings_page import SettingsPage
    from ui.pages.subscriptions import SubscriptionsPage
    from ui.pages.wallets import WalletsPage

    return [
        DashboardPage(ctx),
        CustomersPage(ctx),
        WalletsPage(ctx),
        SubscriptionsPage(ctx),
        PlansPage(ctx),
        ErrorQueuePage(ctx),
        NotificationsPage(ctx),
        AuditPage(ctx),
        SchedulerPage(ctx),
        SettingsPage(ctx),
    ]


def bring_to_front(window: MainWindow) -> None:
    window.showNormal()
    window.raise_()
    window.activateWindow()


def build_main_window(
    core: Core,
    actor: Actor,
    runner: TaskRunner,
    qsettings: QSettings,
    *,
    demo: bool = False,
    scheduler: BackgroundScheduler | None = None,
    tray: TrayController | None = None,
    listener: ChangeListener | None = None,
) -> tuple[MainWindow, UiContext]:
    """Everything after sign-in; tests call this directly with a synchronous runner.

    With a ``listener`` the window follows what other desks and workers commit.
    """
    bridge = CoreBridge(core, runner, listener=listener)
    ctx = UiContext(core, actor, runner, bridge, qsettings, demo=demo, scheduler=scheduler)
    window = MainWindow(ctx, create_pages(ctx))
    if tray is not None:
        bridge.unread_count_changed.connect(tray.on_unread_count_changed)
        bridge.notification_posted.connect(tray.on_notification_posted)
        tray.open_requested.connect(lambda: bring_to_front(window))
        tray.subject_requested.connect(window.open_subject)
        connect_tray_to_scheduler(tray, window, ctx)
    circuit_timer = QTimer(window)
    circuit_timer.setInterval(5000)

    def poll_circuit():
        runner.run(lambda: core.circuit.info().state, window.set_gateway_state)

    circuit_timer.timeout.connect(poll_circuit)
    circuit_timer.start()
    poll_circuit()
    bridge.notification_posted.connect(
        lambda info: poll_circuit() if info.kind in ("gateway_outage", "gateway_recovered") else None
    )
    window.set_scheduler_text(
        QCoreApplication.translate("MainWindow", "Scheduler: running")
        if scheduler
        else QCoreApplication.translate("MainWindow", "Scheduler: off")
    )
    bridge.start()
    return window, ctx


def connect_tray_to_scheduler(tray: TrayController, window: MainWindow, ctx: UiContext) -> None:
    """The tray's scheduler actions go through the Scheduler page's own flows: same dialog, check and audit."""
    from ui.pages.scheduler_page import SchedulerPage

    page = window.page_of(SchedulerPage)
    if ctx.scheduler is None or page is None:
        tray.allow(
            run=QCoreApplication.translate("TrayController", "The scheduler is not running in this window"),
            pause=QCoreApplication.translate("TrayController", "The scheduler is not running in this window"),
        )
        return
    tray.allow(run=page.refusal_reason("scheduler.run"), pause=page.refusal_reason("scheduler.pause"))

    def run_renewals() -> None:
        bring_to_front(window)
        page.run_job("renewals")

    def switch_pause(pause: bool) -> None:
        bring_to_front(window)
        page.switch_pause(pause)

    tray.run_renewals_requested.connect(run_renewals)
    tray.pause_requested.connect(switch_pause)
    page.paused_changed.connect(tray.set_paused)


def run_application(core: Core, args: argparse.Namespace) -> int:
    app = cast(QApplication, QApplication.instance() or QApplication(sys.argv[:1]))
    identify_application(app)
    app.setQuitOnLastWindowClosed(True)
    qsettings = QSettings(settings_file(), QSettings.Format.IniFormat)
    install_translator(app, chosen_language(qsettings))
    apply_theme(app, str(qsettings.value("ui/theme", "system")))
    runner = TaskRunner(app)

    # Before any window exists: nothing on screen can stall yet.
    first_run = not core.operators.has_operators()
    keyring_reason = None if core.secrets.available else core.secrets.unavailable_reason
    last_username = str(qsettings.value("login/last_username", ""))
    actor = _remembered_actor(core, last_username) if last_username and not keyring_reason else None
    if actor is None:
        demo = bool(getattr(args, "demo", False))
        dialog = LoginDialog(
            core,
            runner,
            first_run=first_run,
            keyring_reason=keyring_reason,
            last_username=last_username or ("admin" if demo else ""),
            demo_hint=demo,
        )
        if not dialog.exec() or dialog.actor is None:
            return 0
        actor = dialog.actor
        qsettings.setValue("login/last_username", actor.name)

    tray = TrayController(app)
    # The bridge that hands scheduler events to the window is built with the window, after the scheduler.
    event_sink: list[Callable[[SchedulerEvent], None]] = []

    def on_event(event: SchedulerEvent) -> None:
        if event_sink:
            event_sink[0](event)

    scheduler = core.build_scheduler(on_event=on_event)
    window, ctx = build_main_window(
        core,
        actor,
        runner,
        qsettings,
        demo=bool(getattr(args, "demo", False)),
        scheduler=scheduler,
        tray=tray,
        listener=ChangeListener(),
    )
    event_sink.append(ctx.bridge.on_scheduler_event)
    tray.quit_requested.connect(app.quit)
    tray.set_paused(scheduler.is_paused)
    scheduler.start()
    window.show()
    log.info(
        "desktop started for %s (%s); tray %s", actor.name, actor.role, "shown" if tray.available else "unavailable"
    )

    def shutdown():
        log.info("shutting down")
        window.save_state()
        ctx.bridge.stop()  # also stops following other desks' changes
        scheduler.stop(timeout=15)
        runner.wait_idle(15000)
        tray.hide()

    app.aboutToQuit.connect(shutdown)
    return app.exec()


def _remembered_actor(core: Core, username: str) -> Actor | None:
    """A remembered login, checked before the window opens."""
    try:
        password = core.secrets.get(remembered_login_name(username))
        return core.operators.authenticate(username, password) if password else None
    except Exception:  # noqa: BLE001 - a stale remembered login just means "ask again"
        log.info("remembered login for %s no longer works", username)
        return None
