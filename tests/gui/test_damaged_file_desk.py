"""The desktop on a damaged database file: it says so in a window and writes nothing."""

from __future__ import annotations

import hashlib

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

import main
from models.db import database, set_write_gate
from scheduler.runner import BackgroundScheduler
from services.file_check import FileCheck
from tests.conftest import POSTGRES_URL
from tests.damaged_files import damage_header, damage_table_page
from ui.tasks import TaskRunner

pytestmark = pytest.mark.skipif(bool(POSTGRES_URL), reason="damaged SQLite files")


def _read_modal_box_then_close(seen: list[tuple[str, str, str]]) -> None:
    box = QApplication.activeModalWidget()
    if not isinstance(box, QMessageBox):
        QTimer.singleShot(20, lambda: _read_modal_box_then_close(seen))
        return
    seen.append((box.windowTitle(), box.text(), box.informativeText()))
    box.close()


def test_a_desktop_on_a_file_that_is_no_database_says_so_in_a_window(tmp_path, qapp, monkeypatch, capsys):
    path = tmp_path / "books.sqlite3"
    assert main.main(["--db", str(path), "demo", "--customers", "5"]) == 0
    database.close()
    damage_header(path)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    seen: list[tuple[str, str, str]] = []
    QTimer.singleShot(0, lambda: _read_modal_box_then_close(seen))
    assert main.main(["--db", str(path)]) == 2
    database.close()
    [(title, text, detail)] = seen
    assert title == "Subscriptions Admin cannot start"
    assert text.startswith("The database file is damaged, so nothing more is written to it.")
    assert "restore the latest backup" in text
    assert str(path) in detail and "file is not a database" in detail
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_a_desk_signed_in_on_a_damaged_file_is_told_and_its_scheduler_stays_stopped(
    qtbot, db, db_path, clock, tmp_path, keep_alive
):
    from scheduler.core import build_core
    from services.demo import create_demo
    from ui.app import Desk, start_unless_damaged

    core = build_core(clock, gateway_sleep=lambda seconds: None)
    create_demo(clock, customers=10, seed=5)
    database.close()
    damage_table_page(db_path, "customer")
    check = FileCheck(db_path).start()
    set_write_gate(check)
    try:
        qsettings = QSettings(str(tmp_path / "desktop.ini"), QSettings.Format.IniFormat)
        scheduler = BackgroundScheduler([], clock, tick_seconds=0.05)
        desk = Desk(core, TaskRunner(synchronous=True), qsettings, scheduler=scheduler)
        keep_alive.append(desk)
        window = desk.open(core.operators.authenticate("admin", "admin-demo-pass"))
        qtbot.addWidget(window)
        start_unless_damaged(desk, scheduler, check.verdict())
        box = window.findChild(QMessageBox, "damagedFileBox")
        assert box is not None and box.isVisible()
        assert box.windowTitle() == "The database file is damaged"
        assert "The scheduler was not started" in box.text()
        assert str(db_path) in box.informativeText()
        assert not scheduler.is_running
        box.close()
        desk.close_window()
    finally:
        set_write_gate(None)
