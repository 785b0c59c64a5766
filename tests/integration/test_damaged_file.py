"""A damaged database file: `check` says so, and nothing writes into it.

The damage is real: bytes of the file changed on disk, as a failing disk or a stray write leaves them.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

import main
from models.db import database, init_database, set_write_gate, write_transaction
from services.file_check import DamagedDatabase, FileCheck
from tests.conftest import POSTGRES_URL
from tests.damaged_files import damage_header, damage_table_page, damage_text

pytestmark = pytest.mark.skipif(bool(POSTGRES_URL), reason="damaged SQLite files")

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def demo_file(tmp_path, capsys):
    path = tmp_path / "books.sqlite3"
    assert main.main(["--db", str(path), "--now", "2026-03-01T08:00:00", "demo", "--customers", "40"]) == 0
    database.close()
    capsys.readouterr()
    return path


def _check(path: Path, capsys) -> tuple[int, dict]:
    code = main.main(["--db", str(path), "check"])
    database.close()
    return code, json.loads(capsys.readouterr().out)


def test_check_reports_a_damaged_page_as_a_violation(demo_file, capsys):
    damage_table_page(demo_file, "ledger_entry")
    code, report = _check(demo_file, capsys)
    assert code == 1 and report["ok"] is False
    assert [v["kind"] for v in report["violations"]] == ["database_damaged"]
    assert report["violations"][0]["problems"]


def test_check_reports_a_changed_byte_in_a_stored_key(demo_file, capsys):
    damage_text(demo_file, b"topup:")
    code, report = _check(demo_file, capsys)
    assert code == 1
    assert report["violations"][0]["kind"] == "database_damaged"


def test_check_reports_a_text_that_is_no_longer_utf8_instead_of_crashing(demo_file, capsys):
    # Bytes that are not UTF-8 inside a text value, with every page and index consistent: only
    # reading the value finds them.
    connection = sqlite3.connect(str(demo_file))
    with connection:
        connection.execute(
            "UPDATE gateway_charge SET idempotency_key = CAST(X'746F7075703AFF' AS TEXT) "
            "WHERE id = (SELECT MIN(id) FROM gateway_charge)"
        )
    connection.close()
    code, report = _check(demo_file, capsys)
    assert code == 1
    assert report["violations"][0]["kind"] == "database_damaged"
    assert "Could not decode to UTF-8 column 'idempotency_key'" in report["violations"][0]["problems"][0]


def test_check_reports_a_file_that_is_not_a_database_any_more(demo_file, capsys):
    damage_header(demo_file)
    code, report = _check(demo_file, capsys)
    assert code == 1
    assert report["violations"][0]["kind"] == "database_damaged"


def test_check_passes_a_sound_file(demo_file, capsys):
    assert _check(demo_file, capsys) == (0, {"ok": True, "violations": []})


def test_a_worker_refuses_to_start_on_a_damaged_file_and_writes_nothing(demo_file):
    damage_table_page(demo_file, "subscription")
    before = hashlib.sha256(demo_file.read_bytes()).hexdigest()
    env = dict(os.environ, HOME=str(demo_file.parent), XDG_STATE_HOME=str(demo_file.parent / "state"))
    worker = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--db", str(demo_file), "worker"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert worker.returncode == 2
    assert worker.stdout == ""
    assert f"the database file {demo_file} is damaged" in worker.stderr
    assert "restore the latest backup" in worker.stderr
    assert "Traceback" not in worker.stderr
    assert hashlib.sha256(demo_file.read_bytes()).hexdigest() == before


def test_the_write_gate_refuses_every_write_into_a_damaged_file(demo_file):
    damage_table_page(demo_file, "customer")
    before = hashlib.sha256(demo_file.read_bytes()).hexdigest()
    check = FileCheck(demo_file).start()
    set_write_gate(check)
    init_database(str(demo_file))
    try:
        with database.connection_context(), pytest.raises(DamagedDatabase) as refused, write_transaction():
            database.execute_sql("UPDATE setting SET value = value")
    finally:
        set_write_gate(None)
    assert refused.value.problems and str(demo_file) in str(refused.value)
    assert hashlib.sha256(demo_file.read_bytes()).hexdigest() == before


def test_the_write_gate_lets_writes_into_a_sound_file(demo_file):
    set_write_gate(FileCheck(demo_file).start())
    init_database(str(demo_file))
    try:
        with database.connection_context(), write_transaction():
            database.execute_sql("UPDATE setting SET value = value")
    finally:
        set_write_gate(None)
