"""The tray icon in a real X server with a real tray host (Xvfb + trayer)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NEEDED = ("Xvfb", "trayer")
missing = [tool for tool in NEEDED if shutil.which(tool) is None]
if missing and os.environ.get("CI"):
    pytest.fail(f"CI must install {', '.join(missing)} (see .ci/run)", pytrace=False)
pytestmark = pytest.mark.skipif(bool(missing), reason=f"needs {', '.join(missing)} (Debian packages xvfb, trayer)")

PROBE = r"""
import json, sys
from datetime import datetime
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from services.notifications import NotificationInfo
from ui.tray import TrayController

app = QApplication(sys.argv[:1])
tray = TrayController()
shown = []
tray.message_shown.connect(lambda title, body: shown.append(title))

def probe():
    tray.on_unread_count_changed(3)
    tray.on_notification_posted(NotificationInfo(1, "gateway_outage", "error", "Gateway outage", "Calls fail",
                                                 None, None, datetime(2026, 1, 1), None))
    tray.flush()  # pop up the burst now rather than after its gathering delay
    print(json.dumps({"available": tray.available, "visible": tray.visible,
                      "tooltip": tray.icon.toolTip() if tray.icon else None, "shown": shown}))
    app.quit()

QTimer.singleShot(1500, probe)
app.exec()
"""


def free_display() -> str:
    for number in range(90, 140):
        if not Path(f"/tmp/.X11-unix/X{number}").exists() and not Path(f"/tmp/.X{number}-lock").exists():
            return f":{number}"
    raise RuntimeError("no free X display number")


@pytest.fixture
def x_server_with_tray():
    display = free_display()
    xvfb = subprocess.Popen(
        ["Xvfb", display, "-screen", "0", "1024x768x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    tray = None
    try:
        deadline = time.monotonic() + 10
        while not Path(f"/tmp/.X11-unix/X{display[1:]}").exists():
            if time.monotonic() > deadline:
                pytest.fail("Xvfb did not start")
            time.sleep(0.1)
        env = {**os.environ, "DISPLAY": display}
        tray = subprocess.Popen(
            ["trayer", "--edge", "top", "--align", "right", "--widthtype", "request", "--height", "24"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(1.0)
        yield display
    finally:
        for process in (tray, xvfb):
            if process is not None:
                process.terminate()
                try:
                    process.wait(timeout=5)
                except subprocess.TimeoutExpired:
                    process.kill()


def test_tray_icon_is_shown_and_a_notification_reaches_it(x_server_with_tray):
    env = {**os.environ, "DISPLAY": x_server_with_tray, "QT_QPA_PLATFORM": "xcb", "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["available"] is True
    assert report["visible"] is True
    assert "3 unread" in report["tooltip"]
    assert report["shown"] == ["Gateway outage"]


def test_without_a_tray_host_nothing_breaks(qtbot):
    from ui.tray import TrayController

    tray = TrayController()
    assert tray.available is False and tray.visible is False
    tray.on_unread_count_changed(5)
    assert tray.unread == 5
