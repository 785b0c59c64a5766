"""Backups taken while the books move, and a restore that puts one back (SQLite)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

import main
from models.db import database
from tests.conftest import POSTGRES_URL
from tests.damaged_files import damage_table_page

pytestmark = pytest.mark.skipif(bool(POSTGRES_URL), reason="SQLite's online backup; PostgreSQL uses pg_dump")


@pytest.fixture
def cli(tmp_path, capsys):
    path = tmp_path / "books.sqlite3"

    def run(*args: str) -> tuple[int, dict | None, str]:
        code = main.main(["--db", str(path), *args])
        database.close()
        out = capsys.readouterr()
        return code, (json.loads(out.out) if out.out.strip() else None), out.err

    assert run("--now", "2026-03-01T08:00:00", "demo", "--customers", "30")[0] == 0
    run.path = path  # type: ignore[attr-defined]
    return run


def _customers(path: Path) -> int:
    return sqlite3.connect(str(path)).execute("SELECT COUNT(*) FROM customer").fetchone()[0]


def test_a_backup_is_a_sound_copy_that_check_passes_and_restore_brings_back(cli, tmp_path, capsys):
    code, made, _ = cli("backup", str(tmp_path / "copy.sqlite3"))
    assert code == 0 and made["path"] == str(tmp_path / "copy.sqlite3") and made["bytes"] > 0
    assert (tmp_path / "copy.sqlite3").stat().st_mode & 0o777 == 0o600
    assert main.main(["--db", str(tmp_path / "copy.sqlite3"), "check"]) == 0
    database.close()
    assert json.loads(capsys.readouterr().out) == {"ok": True, "violations": []}

    # Damage the live file, then put the backup back.
    damage_table_page(cli.path, "customer")
    assert cli("check")[0] == 1
    code, restored, err = cli("restore", str(tmp_path / "copy.sqlite3"))
    assert code == 0, err
    assert restored["restored"] == str(cli.path) and Path(restored["set_aside"]).exists()
    code, report, _ = cli("check")
    assert (code, report) == (0, {"ok": True, "violations": []})
    assert _customers(cli.path) == 30


def test_backups_go_beside_the_database_and_only_the_newest_are_kept(cli, tmp_path):
    from models.db import init_database
    from services import backup

    init_database(str(cli.path))
    with database.connection_context():
        from datetime import datetime

        for day in range(1, 5):
            backup.daily_backup(datetime(2026, 3, day, 1, 30), keep=2)
        kept = sorted(p.name for p in (tmp_path / "backups").iterdir())
    database.close()
    assert kept == ["books-20260303-013000.sqlite3", "books-20260304-013000.sqlite3"]


def test_a_backup_never_overwrites_a_file(cli, tmp_path):
    (tmp_path / "taken.sqlite3").write_text("mine")
    code, _, err = cli("backup", str(tmp_path / "taken.sqlite3"))
    assert code == 2 and "already exists" in err
    assert (tmp_path / "taken.sqlite3").read_text() == "mine"


def test_restore_refuses_what_is_not_a_backup_and_changes_nothing(cli, tmp_path):
    (tmp_path / "list.txt").write_text("a shopping list\n" * 50)
    before = cli.path.read_bytes()
    code, _, err = cli("restore", str(tmp_path / "list.txt"))
    assert code == 2 and "is not a sound database" in err
    assert cli.path.read_bytes() == before


def test_restore_refuses_while_another_program_has_the_database_open(cli, tmp_path):
    assert cli("backup", str(tmp_path / "copy.sqlite3"))[0] == 0
    import subprocess
    import sys

    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"import sqlite3,sys; c=sqlite3.connect({str(cli.path)!r}); print('open', flush=True); sys.stdin.read()",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "open"
        code, _, err = cli("restore", str(tmp_path / "copy.sqlite3"))
        assert code == 2 and f"open in another program (process {holder.pid})" in err
    finally:
        holder.communicate("")
