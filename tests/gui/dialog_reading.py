"""Dialogs read while they show: every modal dialog opened through exec() is shown, read, hidden and cancelled."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtWidgets import QApplication, QDialog, QFileDialog

Read = TypeVar("Read")


def read_and_cancel_dialogs(monkeypatch, read: Callable[[QDialog], Read]) -> list[tuple[QDialog, Read]]:
    """From now on each dialog's exec() shows it, records (dialog, read(dialog)), hides it and returns
    "cancelled"; file dialogs choose nothing. Returns the list the readings go into."""
    opened: list[tuple[QDialog, Read]] = []

    def read_and_cancel(dialog):
        dialog.show()
        QApplication.processEvents()
        opened.append((dialog, read(dialog)))
        dialog.hide()
        return 0

    monkeypatch.setattr(QDialog, "exec", read_and_cancel)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: ("", "")))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: ("", "")))
    return opened
