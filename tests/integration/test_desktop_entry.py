"""`install-desktop` puts the app in a Linux menu: an entry that starts it and the icon it shows."""

from __future__ import annotations

import configparser
import json
import os
import shlex
import shutil
import subprocess
import sys

import pytest

import main
from resources import icon_file
from resources.desktop_entry import desktop_entry_text, exec_argument, string_value

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="freedesktop.org menus")


def read_entry(text: str) -> dict[str, str]:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive
    parser.read_string(text)
    return dict(parser["Desktop Entry"])


@linux_only
def test_install_writes_the_entry_and_icon_into_the_user_data_folder(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert main.main(["install-desktop"]) == 0
    result = json.loads(capsys.readouterr().out)

    entry_path = tmp_path / "applications" / "subscriptions-admin.desktop"
    icon_path = tmp_path / "icons" / "hicolor" / "scalable" / "apps" / "subscriptions-admin.svg"
    assert (result["desktop_entry"], result["icon"]) == (str(entry_path), str(icon_path))
    assert icon_path.read_bytes() == icon_file().read_bytes()
    entry = read_entry(entry_path.read_text(encoding="utf-8"))
    assert entry["Type"] == "Application" and entry["Icon"] == "subscriptions-admin"
    assert entry["Terminal"] == "false"
    command = shlex.split(entry["Exec"])
    assert command == result["exec"]
    assert os.path.isabs(command[0]) and os.access(command[0], os.X_OK)
    assert entry["TryExec"] == command[0]

    # Running it again updates the same two files.
    assert main.main(["install-desktop"]) == 0
    capsys.readouterr()
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file()) == [
        "applications/subscriptions-admin.desktop",
        "icons/hicolor/scalable/apps/subscriptions-admin.svg",
    ]


@linux_only
def test_the_menu_command_starts_this_app(tmp_path, monkeypatch, capsys):
    """What Exec names, asked for its version, is this program."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    main.main(["install-desktop"])
    command = json.loads(capsys.readouterr().out)["exec"]
    started = subprocess.run([*command, "--version"], capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert started.returncode == 0 and started.stdout.split()[-1] == main.__version__


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils is not installed")
def test_written_entry_passes_the_freedesktop_validator(tmp_path):
    entry = tmp_path / "subscriptions-admin.desktop"
    entry.write_text(desktop_entry_text(["/opt/Subscriptions Admin/bin/subscriptions-admin-desktop"]), encoding="utf-8")
    result = subprocess.run(["desktop-file-validate", str(entry)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


@pytest.mark.parametrize(
    ("argument", "written"),
    [
        ("/usr/bin/subscriptions-admin-desktop", "/usr/bin/subscriptions-admin-desktop"),
        ("/opt/Subscriptions Admin/bin/app", '"/opt/Subscriptions Admin/bin/app"'),
        ('/home/a"b/$HOME/`x`', r'"/home/a\"b/\$HOME/\`x\`"'),
        ("/srv/100%/app", "/srv/100%%/app"),
        (r"C:\apps\main.py", r'"C:\\apps\\main.py"'),
    ],
)
def test_exec_arguments_are_quoted_as_the_specification_says(argument, written):
    assert exec_argument(argument) == written


def test_string_values_escape_backslashes_after_quoting():
    # A literal backslash inside a quoted argument takes four backslashes in the file.
    assert string_value(exec_argument("a\\b c")) == '"a\\\\\\\\b c"'


def test_entry_keeps_every_shipped_key_and_names_the_command():
    entry = read_entry(desktop_entry_text(["/venv/bin/python", "/src/main.py"]))
    assert entry["Exec"] == "/venv/bin/python /src/main.py"
    assert entry["TryExec"] == "/venv/bin/python"
    assert entry["Name"] == "Subscriptions Admin" and entry["Categories"] == "Office;Finance;"
