"""The command line on a database another program is writing to (SQLite's one write lock).

A command that only looks does not wait for the writer; one that writes says it is waiting,
and goes on as soon as the writer is done.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

import main
from models.db import database
from tests.conftest import POSTGRES_URL

pytestmark = pytest.mark.skipif(bool(POSTGRES_URL), reason="SQLite's whole-file write lock")

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def busy_file(tmp_path):
    """A migrated database, and a second connection holding its write lock until told to let go."""
    path = tmp_path / "busy.sqlite3"
    assert main.main(["--db", str(path), "--now", "2026-03-01T08:00:00", "demo", "--customers", "5"]) == 0
    database.close()
    writer = sqlite3.connect(str(path), isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("UPDATE setting SET value = value WHERE 0")
    yield path, writer
    if writer.in_transaction:
        writer.execute("ROLLBACK")
    writer.close()


def _cli(path: Path, *args: str) -> subprocess.Popen:
    env = dict(os.environ, HOME=str(path.parent), XDG_STATE_HOME=str(path.parent / "state"))
    return subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), "--db", str(path), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def test_a_report_reads_a_database_another_program_is_writing_to(busy_file):
    path, writer = busy_file
    report = _cli(path, "report")
    out, err = report.communicate(timeout=60)
    assert writer.in_transaction, "the writer still held its lock while the report ran"
    assert report.returncode == 0, err
    assert json.loads(out)["subscriptions"]
    assert "waiting" not in err


def test_a_write_says_it_waits_for_the_writer_and_goes_on_when_it_is_done(busy_file):
    path, writer = busy_file
    pause = _cli(path, "pause", "--reason", "maintenance window")
    assert pause.stderr is not None
    said = pause.stderr.readline()
    assert said.strip() == "waiting for another program to finish writing to the database…"
    assert pause.poll() is None, "still waiting while the other program holds the lock"
    writer.execute("COMMIT")
    out, err = pause.communicate(timeout=60)
    assert pause.returncode == 0, err
    assert json.loads(out)


def test_a_write_that_never_gets_the_lock_says_so_and_writes_nothing(busy_file):
    path, writer = busy_file
    pause = _cli(path, "pause", "--reason", "maintenance window")
    out, err = pause.communicate(timeout=120)
    assert pause.returncode == 2
    assert out == ""
    assert err.splitlines() == [
        "waiting for another program to finish writing to the database…",
        "error: another program kept the database locked for writing for 15 seconds; nothing was written, try again",
    ]
    writer.execute("ROLLBACK")
    audited = (
        sqlite3.connect(str(path))
        .execute("SELECT COUNT(*) FROM audit_entry WHERE action = 'scheduler.pause'")
        .fetchone()
    )
    assert audited == (0,)
