"""GUI fixtures: the real main window over a demo database, with a synchronous task runner."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QDialog

from services.auth import Actor
from services.demo import create_demo
from ui.pages.dialogs import ConfirmDialog
from ui.tasks import TaskRunner

ROLES = {
    "admin": Actor("admin", "admin", 1),
    "operator": Actor("operator", "operator", 2),
    "viewer": Actor("viewer", "viewer", 3),
}


@pytest.fixture(autouse=True)
def close_left_open_dialogs(qapp):
    """A message box or dialog a test left open is closed after it, so the next test sees only its own."""
    yield
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QDialog) and widget.isVisible():
            widget.close()


@pytest.fixture
def keep_alive():
    """qtbot holds widgets weakly; pages and windows a test drops must live until teardown."""
    held = []
    yield held
    held.clear()


@pytest.fixture
def make_gui(qtbot, db, clock, tmp_path, keep_alive):
    """make_gui(role="admin", customers=60) -> namespace(core, window, ctx, clock, page(name))."""

    def build(role: str = "admin", customers: int = 60, demo_data: bool = True, scheduler=None, tray=None):
        from scheduler.core import build_core
        from ui.app import build_main_window

        core = build_core(clock, gateway_sleep=lambda seconds: None)
        core.secrets.set("gateway_api_key", "sk_test_gui")
        if demo_data:
            create_demo(clock, customers=customers, seed=5)
        runner = TaskRunner(synchronous=True)
        qsettings = QSettings(str(tmp_path / f"ui-{role}.ini"), QSettings.Format.IniFormat)
        if callable(scheduler):  # a factory: the scheduler needs the core built here
            scheduler = scheduler(core)
        window, ctx = build_main_window(core, ROLES[role], runner, qsettings, demo=True, scheduler=scheduler, tray=tray)
        qtbot.addWidget(window)
        keep_alive.append((window, ctx))
        window.show()

        def page(class_name: str):
            found = window.page_named(class_name)
            assert found is not None, class_name
            index = window.pages.index(found)
            window.nav.setCurrentRow(index)
            return found

        return SimpleNamespace(
            core=core, window=window, ctx=ctx, clock=clock, runner=runner, page=page, scheduler=scheduler, tray=tray
        )

    return build


@pytest.fixture
def make_page(qtbot, db, clock, tmp_path, keep_alive):
    """make_page(PageClass, role="admin", customers=60) -> namespace(core, ctx, page, clock).

    One page on its own (no main window), for testing a page in isolation.
    """

    def build(page_class, role: str = "admin", customers: int = 60, demo_data: bool = True, scheduler=None):
        from scheduler.core import build_core
        from ui.bridge import CoreBridge
        from ui.context import UiContext

        core = build_core(clock, gateway_sleep=lambda seconds: None)
        core.secrets.set("gateway_api_key", "sk_test_gui")
        if demo_data:
            create_demo(clock, customers=customers, seed=5)
        runner = TaskRunner(synchronous=True)
        qsettings = QSettings(str(tmp_path / f"page-{role}.ini"), QSettings.Format.IniFormat)
        bridge = CoreBridge(core, runner)
        ctx = UiContext(core, ROLES[role], runner, bridge, qsettings, demo=True, scheduler=scheduler)
        page = page_class(ctx)
        qtbot.addWidget(page)
        keep_alive.append((page, ctx, bridge))
        page.resize(1200, 760)
        page.show()
        page.on_shown()
        return SimpleNamespace(core=core, ctx=ctx, page=page, clock=clock, runner=runner, bridge=bridge)

    return build


@pytest.fixture
def gui(make_gui):
    return make_gui("admin")


@pytest.fixture
def answer_dialogs(monkeypatch):
    """answer_dialogs(fill) makes every ConfirmDialog.exec() call fill(dialog) and press OK.

    Returns the list of dialogs shown, so a test can read what each one said
    (summary text, the error it showed when the input was refused).
    """
    shown = []

    def install(fill=lambda dialog: None, cancel: bool = False):
        def fake_exec(dialog):
            shown.append(dialog)
            if cancel:
                return 0
            fill(dialog)
            dialog.on_accept_clicked()
            return dialog.result()

        monkeypatch.setattr(ConfirmDialog, "exec", fake_exec)
        return shown

    return install
