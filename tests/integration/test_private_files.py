"""Files that hold password hashes, customer data and what operators did are their owner's alone.

The database (and its -wal and -shm), the log files and the desk's settings file are created 0600 in
0700 folders, whatever the umask: another local user can neither read nor list them.
"""

from __future__ import annotations

import logging
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from models.db import database, init_database
from models.migrations import migrate
from services.logfiles import open_process_log

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def open_umask():
    """The most permissive umask: without explicit modes every new file would be world-readable."""
    previous = os.umask(0)
    yield
    os.umask(previous)


def _xdg(tmp_path: Path) -> dict[str, str]:
    return {
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_STATE_HOME": str(tmp_path / "state"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }


def test_a_command_creates_its_database_and_log_private(tmp_path, open_umask):
    env = {**os.environ, **_xdg(tmp_path), "PYTHONPATH": str(ROOT)}
    env.pop("SUBS_TEST_DATABASE_URL", None)
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "report"], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    data = tmp_path / "data" / "subscriptions-admin"
    logs = tmp_path / "state" / "subscriptions-admin" / "log"
    assert mode(data) == 0o700
    assert mode(data / "subscriptions.sqlite3") == 0o600
    assert mode(logs) == 0o700
    log_files = list(logs.glob("cli-*.log"))
    assert len(log_files) == 1 and mode(log_files[0]) == 0o600


def test_the_databases_wal_and_shm_files_are_private(tmp_path, open_umask):
    path = tmp_path / "books.sqlite3"
    init_database(path)
    try:
        migrate()
        database.connect(reuse_if_open=True)
        database.execute_sql("CREATE TABLE IF NOT EXISTS scratch (x INTEGER)")
        database.execute_sql("INSERT INTO scratch VALUES (1)")
        wal, shm = Path(f"{path}-wal"), Path(f"{path}-shm")
        assert wal.exists() and shm.exists()  # read while the connection holds them open
        assert (mode(path), mode(wal), mode(shm)) == (0o600, 0o600, 0o600)
    finally:
        database.close()


def test_the_demo_database_folder_is_private(tmp_path, monkeypatch, open_umask, capsys):
    import main

    for name, value in _xdg(tmp_path).items():
        monkeypatch.setenv(name, value)
    assert main.main(["--now", "2026-03-01T08:00:00", "demo", "--customers", "3"]) == 0
    database.close()
    demo = main.demo_database_path()
    assert (mode(demo.parent), mode(demo)) == (0o700, 0o600)


def test_log_files_stay_private_across_rotation(tmp_path, open_umask):
    folder = tmp_path / "log"
    handler = open_process_log(folder, "worker", os.getpid(), max_bytes=200, backups=2)
    record = logging.LogRecord("t", logging.INFO, __file__, 1, "x" * 120, (), None)
    try:
        for _ in range(5):
            handler.emit(record)
    finally:
        handler.close()
    files = sorted(folder.iterdir())
    assert len(files) == 3  # the file and two rotated copies, each created by the handler
    assert mode(folder) == 0o700
    assert {f.name: mode(f) for f in files} == {f.name: 0o600 for f in files}
