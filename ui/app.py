"""Bring the desktop up in order and take it down in reverse on aboutToQuit."""

from __future__ import annotations

import argparse
import gc
import logging
import os
import sys
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QCoreApplication, QObject, QSettings, QTimer, Signal, Slot
from PySide6.QtWidgets import QApplication

from resources import APP_ID
from services.auth import Actor
from services.files import private_directory, private_file
from services.secrets import forget_stored_login
from services.sign_in_tokens import forget_this_computer
from ui.errors import show_damaged_file, show_error
from ui.language import chosen_language, install_translator
from ui.login import LoginDialog
from ui.tasks import TaskRunner
from ui.theme import apply_theme
from ui.tray import TrayController, app_icon

# What comes after sign-in is imported when it is needed: the sign-in dialog shows sooner.
if TYPE_CHECKING:
    from scheduler.core import Core
    from scheduler.runner import BackgroundScheduler, SchedulerEvent
    from services.change_feed import ChangeListener
    from services.file_check import DamagedDatabase, FileCheck
    from ui.context import UiContext
    from ui.main_window import MainWindow
    from ui.pages.base import Page

log = logging.getLogger(__name__)

# The scheduler's thread holds the GIL while it works (a renewal pass, for seconds on end), and every
# event the GUI thread hands to Python waits for it. Python passes the GIL on after 5 ms by default;
# 1 ms keeps that wait well inside a frame. It costs nothing while the GUI thread is idle: a hand-over
# is asked for only when a thread is waiting.
GIL_SWITCH_SECONDS = 0.001
# The background jobs start once the window is on screen: catching up at start does not slow its first paint.
SCHEDULER_START_DELAY_MS = 1000
# The process is gone within two seconds of the window closing: this much for the threads to end.
QUIT_SECONDS = 1.5


def settings_file() -> str:
    from platformdirs import user_config_path

    path = user_config_path("subscriptions-admin", appauthor=False) / "desktop.ini"
    private_directory(path.parent)
    return str(private_file(path))  # QSettings keeps an existing file's mode when it saves


def identify_application(app: QApplication) -> None:
    """One name and one icon for the title bar, the task bar, the tray and a Linux menu's entry."""
    app.setApplicationName("Subscriptions Admin")
    app.setOrganizationName(APP_ID)
    # Wayland matches windows to the installed desktop entry by this name, for its icon and title.
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(app_icon())


def page_classes() -> list[type[Page]]:
    """The pages in the order the navigation lists them; each is made the first time it is wanted."""
    from ui.pages.audit import AuditPage
    from ui.pages.customers import CustomersPage
    from ui.pages.dashboard import DashboardPage
    from ui.pages.error_queue import ErrorQueuePage
    from ui.pages.notifications import NotificationsPage
    from ui.pages.operators import OperatorsPage
    from ui.pages.plans import PlansPage
    from ui.pages.scheduler_page import SchedulerPage
    from ui.pages.settings_page import SettingsPage
    from ui.pages.subscriptions import SubscriptionsPage
    from ui.pages.wallets import WalletsPage

    return [
        DashboardPage,
        CustomersPage,
        WalletsPage,
        SubscriptionsPage,
        PlansPage,
        ErrorQueuePage,
        NotificationsPage,
        AuditPage,
        SchedulerPage,
        SettingsPage,
        OperatorsPage,
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
    from ui.bridge import CoreBridge
    from ui.context import UiContext
    from ui.main_window import MainWindow

    bridge = CoreBridge(core, runner, listener=listener)
    ctx = UiContext(core, actor, runner, bridge, qsettings, demo=demo, scheduler=scheduler)
    window = MainWindow(ctx, page_classes())
    if tray is not None:
        bridge.unread_count_changed.connect(tray.on_unread_count_changed)
        bridge.notifications_posted.connect(tray.on_notifications_posted)
        bridge.storage_changed.connect(tray.on_storage_changed)
        tray.name_customers_with(runner)
        tray.open_requested.connect(lambda: bring_to_front(window))
        tray.subject_requested.connect(window.open_subject)
        connect_tray_to_scheduler(tray, window, ctx)
    if scheduler is not None:
        ask_about_held_renewals(window, ctx)
    circuit_timer = QTimer(window)
    circuit_timer.setInterval(5000)

    def poll_circuit():
        runner.run(lambda: core.circuit.info().state, window.set_gateway_state)

    circuit_timer.timeout.connect(poll_circuit)
    circuit_timer.start()
    poll_circuit()
    bridge.notifications_posted.connect(
        lambda infos: poll_circuit() if any(i.kind in ("gateway_outage", "gateway_recovered") for i in infos) else None
    )
    window.set_scheduler_text(
        QCoreApplication.translate("MainWindow", "Scheduler: running")
        if scheduler
        else QCoreApplication.translate("MainWindow", "Scheduler: off")
    )
    bridge.start()
    return window, ctx


def ask_about_held_renewals(window: MainWindow, ctx: UiContext) -> None:
    """A renewal pass this desk's scheduler ran held subscriptions: the Scheduler page asks, made if need be
    (once made, it hears the scheduler's events itself and asks on its own)."""
    from ui.pages.scheduler_page import SchedulerPage

    if not window.holds(SchedulerPage):
        return

    def on_event(event: object) -> None:
        result = getattr(event, "result", None)
        if getattr(event, "kind", None) != "job_finished" or getattr(event, "job", None) != "renewals":
            return
        if not isinstance(result, dict) or not result.get("held"):
            return
        if any(isinstance(page, SchedulerPage) for page in window.made_pages()):
            return
        page = window.page_of(SchedulerPage)
        if page is not None:
            page.on_renewal_pass(result, ask=True)

    ctx.bridge.scheduler_event_happened.connect(on_event)


def connect_tray_to_scheduler(tray: TrayController, window: MainWindow, ctx: UiContext) -> None:
    """The tray's scheduler actions go through the Scheduler page's own flows: same dialog, check and audit.

    The page is made when an action is first used (or when the operator opens it), not before."""
    from ui.pages.scheduler_page import SchedulerPage

    if ctx.scheduler is None or not window.holds(SchedulerPage):
        tray.allow(
            run=QCoreApplication.translate("TrayController", "The scheduler is not running in this window"),
            pause=QCoreApplication.translate("TrayController", "The scheduler is not running in this window"),
        )
        return
    tray.allow(run=tray_refusal(ctx, "scheduler.run"), pause=tray_refusal(ctx, "scheduler.pause"))

    def follow(page: object) -> None:
        if isinstance(page, SchedulerPage):
            page.paused_changed.connect(tray.set_paused)

    window.page_made.connect(follow)
    for page in window.made_pages():
        follow(page)

    def scheduler_page() -> SchedulerPage:
        page = window.page_of(SchedulerPage)
        assert page is not None
        return page

    def run_renewals() -> None:
        bring_to_front(window)
        scheduler_page().run_job("renewals")

    def switch_pause(pause: bool) -> None:
        bring_to_front(window)
        scheduler_page().switch_pause(pause)

    tray.run_renewals_requested.connect(run_renewals)
    tray.pause_requested.connect(switch_pause)


def tray_refusal(ctx: UiContext, action: str) -> str | None:
    """Why the signed-in role may not take ``action`` from the tray, in the operator's words; None when it may."""
    from services.permissions import role_refusal
    from ui.pages.roles import role_refusal_text

    refusal = role_refusal(ctx.actor, action)
    return None if refusal is None else role_refusal_text(ctx.actor.role, refusal)


def settle_start_up() -> None:
    """Leave every object made so far out of the garbage collector's full passes.

    What start-up makes (modules, classes, widgets, the charts) lives as long as the app. Left to
    the collector, every full collection during a renewal pass walks all of it while holding the
    GIL (30-130 ms measured), and the GUI thread waits that long.
    """
    gc.freeze()


REMEMBERED_NAME = "login/last_username"


def remembered_name(qsettings: QSettings) -> str:
    """The name "Remember me" kept at the last sign-in ("" when it was not asked to)."""
    return str(qsettings.value(REMEMBERED_NAME, "") or "")


def sign_in_dialog(
    core: Core, runner: TaskRunner, qsettings: QSettings, *, demo: bool = False, signed_out: bool = False
) -> LoginDialog:
    """The sign-in dialog as the desk opens it: the remembered name filled in.

    At the app's start a remembered operator is signed in with this computer's token once the dialog
    shows (not after signing out: that ended the token). Earlier versions kept a remembered operator's
    password in the keyring; such a copy is deleted here, off the GUI thread, before anyone signs in.
    """
    name = remembered_name(qsettings)
    if name:
        runner.run(lambda: forget_stored_login(core.secrets, name))
    return LoginDialog(
        core,
        runner,
        first_run=not signed_out and not core.operators.has_operators(),
        last_username=name or ("admin" if demo else ""),
        remembered=bool(name),
        demo_hint=demo,
        signed_out=signed_out,
        try_remembered=bool(name) and not signed_out,
    )


class Desk(QObject):
    """The desktop across sign-ins: one main window for each operator who signs in.

    Signing out closes the operator's window and shows the sign-in dialog again; the app
    keeps running, and Cancel there quits it. The background scheduler belongs to the desk,
    not to the operator: renewals, retries and reminders go on while nobody is signed in
    (the sign-in dialog says so) and stop when the app quits.
    """

    quit_requested = Signal()  # Cancel at the sign-in dialog after a sign-out, or Quit in the tray

    def __init__(
        self,
        core: Core,
        runner: TaskRunner,
        qsettings: QSettings,
        *,
        demo: bool = False,
        scheduler: BackgroundScheduler | None = None,
        make_tray: Callable[[], TrayController] | None = None,
        make_listener: Callable[[], ChangeListener] | None = None,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.core, self.runner, self.qsettings = core, runner, qsettings
        self.demo, self.scheduler = demo, scheduler
        self.clean = True  # every thread ended in time at shutdown
        self.make_tray, self.make_listener = make_tray, make_listener
        self.window: MainWindow | None = None
        self.ctx: UiContext | None = None
        self.tray: TrayController | None = None
        self.login: LoginDialog | None = None
        runner.account_changed.connect(self.on_account_changed)

    @Slot(object)
    def on_account_changed(self, error: BaseException) -> None:
        """A service refused the signed-in operator (account disabled, role or password changed):
        say so and go back to the sign-in dialog."""
        if self.window is None:
            return
        self.on_sign_out_requested()
        show_error(self.login, error, self.tr("Signed out"))  # over the sign-in dialog, which owns it

    def on_scheduler_event(self, event: SchedulerEvent) -> None:
        """The scheduler's thread reports here; the signed-in window (if any) hears it."""
        ctx = self.ctx  # read once: a sign-out on the GUI thread may clear it meanwhile
        if ctx is not None:
            ctx.bridge.on_scheduler_event(event)

    def remember(self, dialog: LoginDialog) -> None:
        if dialog.actor is not None and dialog.remember_name:
            self.qsettings.setValue(REMEMBERED_NAME, dialog.actor.name)
        else:
            self.qsettings.remove(REMEMBERED_NAME)
        self.qsettings.sync()

    def open(self, actor: Actor) -> MainWindow:
        """The window of ``actor``, shown."""
        self.tray = self.make_tray() if self.make_tray else None
        window, ctx = build_main_window(
            self.core,
            actor,
            self.runner,
            self.qsettings,
            demo=self.demo,
            scheduler=self.scheduler,
            tray=self.tray,
            listener=self.make_listener() if self.make_listener else None,
        )
        self.window, self.ctx = window, ctx
        if self.tray is not None:
            self.tray.quit_requested.connect(self.quit_requested)
            if self.scheduler is not None:
                self.tray.set_paused(self.scheduler.is_paused)
        window.sign_out_requested.connect(self.on_sign_out_requested)
        window.signed_out_everywhere.connect(self.on_signed_out_everywhere)
        window.show()
        if actor.failed_sign_ins:
            # stays until the next status message: the operator should see it
            window.statusBar().showMessage(
                self.tr(
                    "Failed sign-ins to your account since your last sign-in: {count}. "
                    "If they were not yours, tell an administrator."
                ).format(count=actor.failed_sign_ins)
            )
        log.info("%s (%s) signed in", actor.name, actor.role)
        return window

    def close_window(self) -> None:
        """Save and close the signed-in operator's window (the scheduler is left running)."""
        window, ctx, tray = self.window, self.ctx, self.tray
        self.window, self.ctx, self.tray = None, None, None
        if window is None or ctx is None:
            return
        window.save_state()
        ctx.bridge.stop()
        if tray is not None:
            tray.hide()
            tray.deleteLater()
        window.hide()
        window.deleteLater()

    @Slot()
    def on_signed_out_everywhere(self) -> None:
        """Every computer's remembered sign-in of this operator was revoked: this desk signs out too."""
        if self.window is None:
            return
        self.on_sign_out_requested()
        if self.login is not None:
            self.login.error.setText(
                self.tr("You were signed out on every computer. Each will ask for your password at its next start.")
            )

    @Slot()
    def on_sign_out_requested(self) -> None:
        if self.window is None:
            return
        actor = self.window.ctx.actor
        core = self.core
        # Signing out ends this computer's remembered sign-in: the next start asks for the password.
        self.runner.run(lambda: forget_this_computer(core.sign_in_tokens, core.secrets, actor.name))
        app = QApplication.instance()
        if isinstance(app, QApplication):
            # The window goes before the next operator's comes: closing it must not end the app.
            app.setQuitOnLastWindowClosed(False)
        self.login = sign_in_dialog(self.core, self.runner, self.qsettings, demo=self.demo, signed_out=True)
        self.login.finished.connect(self.on_login_finished)
        self.login.show()
        self.close_window()
        log.info("%s signed out", actor.name)

    @Slot(int)
    def on_login_finished(self, _result: int) -> None:
        dialog, self.login = self.login, None
        if dialog is None:
            return
        dialog.deleteLater()
        if dialog.actor is None:
            self.quit_requested.emit()  # Cancel at sign-in quits, as it does at start
            return
        self.remember(dialog)
        self.open(dialog.actor)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.setQuitOnLastWindowClosed(True)

    def shutdown(self) -> None:
        """Take the desk down within ``QUIT_SECONDS``: the passes stop at their next batch or item, calls
        in flight finish or are left to the reconciliation sweep of the next start. ``clean`` says whether
        every thread ended in time (if not, the process exits without waiting for them)."""
        log.info("shutting down")
        deadline = time.monotonic() + QUIT_SECONDS

        def left() -> float:
            return max(0.0, deadline - time.monotonic())

        if self.window is not None:
            self.window.save_state()
        if self.tray is not None:
            self.tray.hide()
        clean = True
        if self.scheduler is not None:
            self.scheduler.request_stop()  # the passes see it at once, while the rest is taken down
        if self.ctx is not None:
            clean &= self.ctx.bridge.stop(timeout=left())  # also stops following other desks' changes
        if self.scheduler is not None:
            clean &= self.scheduler.stop(timeout=left())
        clean &= self.runner.wait_idle(int(left() * 1000))
        if not clean:
            log.warning("quit with work still running; payments left in flight are reconciled at the next start")
        self.clean = clean


def start_unless_damaged(desk: Desk, scheduler: BackgroundScheduler, damage: DamagedDatabase | None) -> None:
    if damage is None:
        scheduler.start()
        return
    log.error("the scheduler stays stopped: %s", damage)
    show_damaged_file(desk.window, damage)


def prepare_application(app: QApplication) -> tuple[QSettings, TaskRunner]:
    """Name, settings, language and theme of the app; the task runner every window shares."""
    sys.setswitchinterval(GIL_SWITCH_SECONDS)
    identify_application(app)
    app.setQuitOnLastWindowClosed(True)
    qsettings = QSettings(settings_file(), QSettings.Format.IniFormat)
    install_translator(app, chosen_language(qsettings))
    apply_theme(app, str(qsettings.value("ui/theme", "system")))
    return qsettings, TaskRunner(app)


def start_desk(
    app: QApplication,
    core: Core,
    runner: TaskRunner,
    qsettings: QSettings,
    actor: Actor,
    *,
    demo: bool = False,
    file_check: FileCheck | None = None,
) -> Desk:
    """The desk after the first sign-in: the scheduler, the signed-in window and its tray, torn down on quit."""
    from services.change_feed import ChangeListener

    # The bridge that hands scheduler events to a window is built with each window, after the scheduler.
    event_sink: list[Callable[[SchedulerEvent], None]] = []

    def on_event(event: SchedulerEvent) -> None:
        if event_sink:
            event_sink[0](event)

    scheduler = core.build_scheduler(on_event=on_event)
    desk = Desk(
        core,
        runner,
        qsettings,
        demo=demo,
        scheduler=scheduler,
        make_tray=lambda: TrayController(app),
        make_listener=ChangeListener,
        parent=app,
    )
    event_sink.append(desk.on_scheduler_event)
    desk.quit_requested.connect(app.quit)
    window = desk.open(actor)
    settle_start_up()
    from ui.pages.dashboard import DashboardPage

    for page in window.made_pages():
        if isinstance(page, DashboardPage):
            page.charts_made.connect(settle_start_up)  # pyqtgraph and numpy: the last big import
    if file_check is None:
        QTimer.singleShot(SCHEDULER_START_DELAY_MS, scheduler.start)
    else:  # the file's quick check ran while the operator signed in: the scheduler writes only into a sound file
        QTimer.singleShot(
            SCHEDULER_START_DELAY_MS,
            lambda: runner.run(file_check.verdict, lambda damage: start_unless_damaged(desk, scheduler, damage)),
        )
    log.info("desktop started; tray %s", "shown" if desk.tray is not None and desk.tray.available else "unavailable")
    app.aboutToQuit.connect(desk.shutdown)
    return desk


def exit_now_if_unclean(desk: Desk, code: int) -> int:
    """The process ends within ``QUIT_SECONDS`` of the window closing even when a thread is still busy
    (a gateway call that hangs): what it leaves in flight is reconciled by key at the next start."""
    if desk.clean:
        return code
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def run_application(core: Core, args: argparse.Namespace, file_check: FileCheck | None = None) -> int:
    app = cast(QApplication, QApplication.instance() or QApplication(sys.argv[:1]))
    qsettings, runner = prepare_application(app)
    demo = bool(getattr(args, "demo", False))

    # Before any window exists: nothing on screen can stall yet.
    dialog = sign_in_dialog(core, runner, qsettings, demo=demo)
    if not dialog.exec() or dialog.actor is None:
        runner.wait_idle(15000)
        return 0
    desk = start_desk(app, core, runner, qsettings, dialog.actor, demo=demo, file_check=file_check)
    desk.remember(dialog)
    return exit_now_if_unclean(desk, app.exec())
