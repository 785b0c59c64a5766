"""`pip install .` gives the whole app: the wheel carries the translations, the icon and the launchers.

The wheel is built from a copy of the checkout (an in-tree build leaves build/ behind, and a stale
build/ can leak old files into the next wheel), installed into a fresh virtual environment that
sees this machine's packages for the dependencies, and run from a folder outside the checkout so
every module the check imports comes from the wheel.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from importlib.metadata import version
from pathlib import Path

import pytest

from main import __version__

ROOT = Path(__file__).resolve().parents[2]
LEFT_BEHIND = shutil.ignore_patterns(
    ".git",
    "__pycache__",
    "*.pyc",
    "build",
    "dist",
    "*.egg-info",
    ".venv*",
    ".*_cache",
    ".hypothesis",
    ".benchmarks",
    "*.sqlite3*",
    "tests",
    "docs",
)
APP_MODULES = ("main", "models", "services", "scheduler", "ui", "resources")

CHECK = textwrap.dedent("""
    import json, sys
    from importlib import import_module
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QGuiApplication

    modules = {name: import_module(name).__file__ for name in sys.argv[1:]}
    from resources import icon_file, resource_path
    from ui.language import install_translator
    from ui.tray import app_icon

    app = QGuiApplication(sys.argv[:1])
    install_translator(app, "ru")
    print(json.dumps({
        "modules": modules,
        "scheduler_off": QCoreApplication.translate("MainWindow", "Scheduler: off"),
        "rows": QCoreApplication.translate("RowCounts", "%n row(s)", "", 5),
        "icon": str(icon_file()),
        "icon_sizes": sorted(size.width() for size in app_icon().availableSizes()),
        "desktop_entry": resource_path("subscriptions-admin.desktop").read_text(encoding="utf-8"),
    }))
""")


def run(command: list[str], **options) -> subprocess.CompletedProcess:
    result = subprocess.run(command, capture_output=True, text=True, timeout=120, **options)
    assert result.returncode == 0, f"{command}\n{result.stdout}\n{result.stderr}"
    return result


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """A virtual environment with the app installed from its wheel; returns the environment's folder."""
    assert int(version("setuptools").split(".")[0]) >= 77, (
        "the build needs setuptools>=77: pip install -e '.[test]' brings it"
    )
    work = tmp_path_factory.mktemp("wheel")
    source = work / "source"
    shutil.copytree(ROOT, source, ignore=LEFT_BEHIND)
    run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "--no-index",
            "--wheel-dir",
            str(work / "dist"),
            str(source),
        ]
    )
    (wheel,) = (work / "dist").glob("subscriptions_admin-*.whl")
    venv = work / "venv"
    # The environment borrows this machine's PySide6 and friends rather than downloading them again;
    # pip comes from there too, and --no-index makes it install the dependencies from what is present.
    run([sys.executable, "-m", "venv", "--system-site-packages", "--without-pip", str(venv)])
    run([str(python_in(venv)), "-m", "pip", "install", "--quiet", "--no-index", str(wheel)])
    return venv


def python_in(venv: Path) -> Path:
    return venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def script_in(venv: Path, name: str) -> Path:
    return venv / ("Scripts" if os.name == "nt" else "bin") / (f"{name}.exe" if os.name == "nt" else name)


def clean_environment(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env.update(
        XDG_STATE_HOME=str(tmp_path / "state"),
        XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        **extra,
    )
    return env


@pytest.mark.slow
def test_installed_app_speaks_russian_and_ships_its_icon(installed, tmp_path):
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "check.py").write_text(CHECK, encoding="utf-8")
    result = run(
        [str(python_in(installed)), "check.py", *APP_MODULES],
        cwd=outside,
        env=clean_environment(tmp_path, QT_QPA_PLATFORM="offscreen"),
    )
    found = json.loads(result.stdout)

    site = installed.resolve()
    for name, path in found["modules"].items():
        assert Path(path).resolve().is_relative_to(site), f"{name} came from {path}, not from the wheel"
    assert found["scheduler_off"] == "Планировщик: выключен"
    assert found["rows"] == "5 строк"
    assert Path(found["icon"]).resolve().is_relative_to(site)
    assert found["icon_sizes"][0] == 16 and found["icon_sizes"][-1] == 256
    assert "Exec=subscriptions-admin-desktop" in found["desktop_entry"]


@pytest.mark.slow
def test_installed_launchers_run(installed, tmp_path):
    result = run(
        [str(script_in(installed, "subscriptions-admin")), "--version"], cwd=tmp_path, env=clean_environment(tmp_path)
    )
    assert result.stdout.strip() == f"subscriptions-admin {__version__}"
    assert script_in(installed, "subscriptions-admin-desktop").exists()


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a display is an X11/Wayland matter")
def test_installed_desktop_launcher_explains_a_missing_display(installed, tmp_path):
    env = clean_environment(tmp_path)
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        env.pop(name, None)
    result = subprocess.run(
        [str(script_in(installed, "subscriptions-admin-desktop")), "--db", str(tmp_path / "books.sqlite3")],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert result.stderr.startswith("error: no display") and result.stderr.count("\n") == 1
