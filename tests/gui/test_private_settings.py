"""The desk's settings file (window layout, language, remembered user name) is its owner's alone."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from ui.app import settings_file

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


def test_the_desks_settings_file_is_created_private_and_stays_so(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    previous = os.umask(0)
    try:
        path = Path(settings_file())  # as the desk's start opens it
        qsettings = QSettings(str(path), QSettings.Format.IniFormat)
        qsettings.setValue("login/username", "ada")
        qsettings.sync()
    finally:
        os.umask(previous)
    assert qsettings.status() == QSettings.Status.NoError
    assert "ada" in path.read_text(encoding="utf-8")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
