"""The command line's face and the start-up errors: help, version, a missing display or library, the log file."""

from __future__ import annotations

import argparse
import os
import shlex
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

import main

ROOT = Path(__file__).resolve().parents[2]


def environment(tmp_path: Path, *, display: bool = True, **extra: str) -> dict[str, str]:
    """This machine's environment with the user folders under tmp_path, and with or without a display."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env.update(
        XDG_STATE_HOME=str(tmp_path / "state"),
        XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        **extra,
    )
    if display:
        env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def run_main(tmp_path: Path, *args: str, before: str = "", display: bool = True) -> subprocess.Popen:
    """main.main(args) in a fresh interpreter started in the checkout; `before` runs first."""
    code = f"import sys\n{before}\nimport main\nsys.exit(main.main({list(args)!r}))"
    return subprocess.Popen(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=environment(tmp_path, display=display),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def finish(process: subprocess.Popen) -> tuple[int, str, str]:
    out, err = process.communicate(timeout=120)
    return process.returncode, out, err


def sub_commands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    (action,) = (a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


# --- help and version --------------------------------------------------------------------


def test_help_names_the_program_as_invoked(monkeypatch):
    monkeypatch.setattr(sys, "argv", ["/home/ada/.local/bin/subscriptions-admin"])
    parser = main.build_parser()
    text = parser.format_help()
    assert text.startswith("usage: subscriptions-admin ")
    assert "main.py" not in text
    assert sub_commands(parser)["topup"].format_usage().startswith("usage: subscriptions-admin topup ")


def test_every_command_shows_its_arguments_and_examples_that_parse(monkeypatch):
    monkeypatch.setattr(sys, "argv", ["subscriptions-admin"])
    parser = main.build_parser()
    commands = sub_commands(parser)
    assert {"demo", "worker", "topup", "usage", "gateway", "install-desktop"} <= set(commands)
    for name, command in commands.items():
        text = command.format_help()
        for action in command._actions:
            assert action.help, f"{name}: {action.dest} has no help"
            shown = action.option_strings[0] if action.option_strings else (action.metavar or action.dest)
            assert shown in text, f"{name}: {shown} is not in its help"
        examples = text.split("examples:\n", 1)[1].strip().splitlines()
        assert examples, name
        for example in examples:
            words = shlex.split(example)
            assert words[:2] == ["subscriptions-admin", name], example
            assert parser.parse_args(words[1:]).command == name, example


def test_version_is_declared_once(capsys):
    with pytest.raises(SystemExit) as stopped:
        main.main(["--version"])
    assert stopped.value.code == 0
    assert capsys.readouterr().out.split()[-1] == main.__version__
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in project["project"] and "version" in project["project"]["dynamic"]
    assert project["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "main.__version__"}


def test_gui_script_and_console_script_are_both_declared():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["scripts"] == {"subscriptions-admin": "main:main"}
    assert project["gui-scripts"] == {main.DESKTOP_LAUNCHER: "main:desktop_main"}


# --- the desktop that cannot start -----------------------------------------------------------


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a display is an X11/Wayland matter")
def test_no_display_is_one_line_and_exit_2_before_the_database_opens(tmp_path):
    books = tmp_path / "books.sqlite3"
    code, out, err = finish(run_main(tmp_path, "--db", str(books), display=False))
    assert code == 2 and out == ""
    assert err.startswith("error: no display") and err.count("\n") == 1, err
    assert "DISPLAY" in err and "Traceback" not in err
    assert not books.exists()


@pytest.mark.parametrize(
    ("environ", "platform", "refused"),
    [
        ({}, "linux", True),
        ({"DISPLAY": ":0"}, "linux", False),
        ({"WAYLAND_DISPLAY": "wayland-0"}, "linux", False),
        ({"QT_QPA_PLATFORM": "offscreen"}, "linux", False),
        ({"DISPLAY": ""}, "freebsd14", True),
        ({}, "win32", False),
        ({}, "darwin", False),
    ],
)
def test_which_environments_have_no_display(environ, platform, refused):
    reason = main.desktop_unavailable_reason(environ, platform)
    assert (reason is not None and reason.startswith("no display")) == refused


def test_missing_qt_is_one_line_naming_the_package_to_install(tmp_path):
    books = tmp_path / "books.sqlite3"
    code, out, err = finish(run_main(tmp_path, "--db", str(books), before="sys.modules['PySide6'] = None"))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "Traceback" not in err, err
    assert err.startswith("error: the desktop needs the Python module PySide6")
    assert "-m pip install 'PySide6" in err
    assert not books.exists()


def test_a_library_qt_cannot_load_is_one_line(tmp_path):
    broken = (
        "import builtins\n"
        "real_import = builtins.__import__\n"
        "def fake(name, *a, **k):\n"
        "    if name == 'PySide6.QtWidgets':\n"
        "        raise ImportError('libEGL.so.1: cannot open shared object file: No such file or directory')\n"
        "    return real_import(name, *a, **k)\n"
        "builtins.__import__ = fake"
    )
    code, out, err = finish(run_main(tmp_path, "--db", str(tmp_path / "books.sqlite3"), before=broken))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "libEGL.so.1" in err and "apt-get install" in err, err


# --- the log file ----------------------------------------------------------------------------


def test_unexpected_failure_names_this_process_log_file(tmp_path):
    books = tmp_path / "books.sqlite3"
    failing = (
        "import main\n"
        "def run_command(args, core):\n"
        "    raise RuntimeError('the disk caught fire')\n"
        "main.run_command = run_command"
    )
    process = run_main(tmp_path, "--db", str(books), "report", before=failing)
    code, _out, err = finish(process)
    log_file = tmp_path / "state" / "subscriptions-admin" / "log" / f"cli-{process.pid}.log"
    assert code == 3
    assert err.splitlines()[-1] == f"error: unexpected failure; details are in {log_file}"
    written = log_file.read_text(encoding="utf-8")
    assert "RuntimeError: the disk caught fire" in written and f"pid {process.pid}" in written


def test_desktop_and_commands_each_write_their_own_file(tmp_path):
    first = run_main(tmp_path, "--db", str(tmp_path / "first.sqlite3"), "check")
    second = run_main(tmp_path, "--db", str(tmp_path / "second.sqlite3"), "report")
    for process in (first, second):
        assert finish(process)[0] == 0
    folder = tmp_path / "state" / "subscriptions-admin" / "log"
    assert sorted(p.name for p in folder.iterdir()) == sorted(f"cli-{p.pid}.log" for p in (first, second))
