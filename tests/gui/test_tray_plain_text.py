"""Stored text in a tray popup is never read as markup.

Qt's own popup (QBalloonTip, used on Windows, macOS and an X11 tray without D-Bus) shows title and body as
plain text. Where Qt hands the popup to the desktop's notification service over D-Bus
(org.freedesktop.Notifications: GNOME, KDE Plasma, most Linux desktops), the body may be read as
markup: <img src="…"> makes the service read a local file, <a href> makes a link. There the body is escaped.
"""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtWidgets import QSystemTrayIcon

from services.notifications import NotificationInfo
from ui import tray as tray_module
from ui.tray import TrayController, popup_body

HOSTILE = '<img src="/dev/zero"> & <a href="https://evil.example">Ada</a>'


def test_a_body_for_a_markup_reading_service_is_escaped_and_reads_the_same():
    escaped = popup_body(HOSTILE, reads_markup=True)
    assert "<" not in escaped and ">" not in escaped
    assert escaped == (
        "&lt;img src=&quot;/dev/zero&quot;&gt; &amp; &lt;a href=&quot;https://evil.example&quot;&gt;Ada&lt;/a&gt;"
    )
    assert popup_body(HOSTILE, reads_markup=False) == HOSTILE  # Qt's own popup shows it as plain text


class RecordingIcon:
    """Stands in for the platform tray icon, which an offscreen test run does not have."""

    def __init__(self):
        self.messages: list[tuple[str, str]] = []

    def showMessage(self, title, body, _icon, _msecs):  # noqa: N802 - Qt's name
        self.messages.append((title, body))


@pytest.mark.parametrize("reads_markup", [True, False])
def test_a_hostile_customer_name_reaches_the_popup_as_text(qtbot, monkeypatch, reads_markup):
    monkeypatch.setattr(QSystemTrayIcon, "supportsMessages", staticmethod(lambda: True))
    monkeypatch.setattr(tray_module, "desktop_notifications_read_markup", lambda: reads_markup)
    tray = TrayController(gather_ms=10, quiet_ms=50)
    icon = RecordingIcon()
    tray.icon = icon  # type: ignore[assignment]
    shown: list[tuple[str, str]] = []
    tray.message_shown.connect(lambda title, body: shown.append((title, body)))
    info = NotificationInfo(
        1, "topup_failed", "warning", "Top-up failed", HOSTILE, None, None, datetime(2026, 1, 15), None
    )
    tray.on_notification_posted(info)
    tray.flush()
    [(title, body)] = icon.messages
    assert HOSTILE in shown[0][1]  # the in-app record keeps the text as it is
    if reads_markup:
        assert "<img" not in body and "<a " not in body and "&lt;img" in body
    else:
        assert HOSTILE in body
    tray.icon = None
