"""What another desk or a worker commits shows on an open desktop without a refresh."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from models.tables import Customer
from services.auth import SYSTEM
from services.change_feed import ChangeListener
from services.changes import Kind
from ui.bridge import CoreBridge
from ui.context import UiContext
from ui.pages.error_queue import ErrorQueuePage
from ui.tasks import TaskRunner

from .conftest import ROLES

ROOT = Path(__file__).resolve().parents[2]


def other_desk(db_url: str, *args: str) -> subprocess.CompletedProcess:
    """``main.py`` in a process of its own, as another desk or a worker runs it, on the same database."""
    env = {
        **os.environ,
        "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring",
        "SUBS_GATEWAY_KEY": "sk_test_other_desk",
        "QT_QPA_PLATFORM": "offscreen",
    }
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--db", db_url, "--now", "2026-01-15T09:05:00", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def desk(qtbot, db, clock, tmp_path, keep_alive):
    """The Error queue page on a desk that follows other desks, over a small demo shop with the gateway down."""
    from scheduler.core import build_core
    from services.demo import create_demo

    core = build_core(clock, gateway_sleep=lambda seconds: None)
    create_demo(clock, customers=5, seed=5)
    core.settings.update(SYSTEM, {"gateway.outage": True}, "the gateway is down for this test")
    runner = TaskRunner(synchronous=True)
    bridge = CoreBridge(core, runner, listener=ChangeListener(poll_seconds=0.5))
    ctx = UiContext(
        core, ROLES["admin"], runner, bridge, QSettings(str(tmp_path / "desk.ini"), QSettings.Format.IniFormat)
    )
    page = ErrorQueuePage(ctx)
    qtbot.addWidget(page)
    keep_alive.append((page, ctx, bridge))
    page.resize(1200, 760)
    page.show()
    page.on_shown()
    bridge.start()
    assert bridge.listener is not None
    qtbot.waitUntil(bridge.listener.listening.is_set, timeout=10000)
    yield page, bridge
    assert bridge.listener.stop(timeout=5), "the listener must stop promptly"
    bridge.stop()


def test_a_failure_recorded_by_another_process_appears_in_the_open_error_queue(desk, qtbot, db_url):
    page, bridge = desk
    assert page.model.rowCount() == 0
    email = Customer.select().order_by(Customer.id).first().email
    heard = []
    bridge.changes_made.connect(lambda changes, initiator: heard.append(changes))

    done = other_desk(db_url, "topup", email, "25")

    assert "outage" in done.stdout + done.stderr, done.stdout + done.stderr
    # No refresh here: the listener hears the other process's commit and the page reloads itself.
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=15000)
    assert any(Kind.ERROR_ITEM in changes for changes in heard)
    record = page.model.record_at(0)
    assert record is not None and record["operation"] == "topup"
