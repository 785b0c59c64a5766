"""The command line against a colleague's mistakes and prying: the demo stays out of real books,
database passwords are never echoed, every command is audited under the OS user who ran it, and
the SQLite connection cannot attach another database file."""

from __future__ import annotations

import getpass
import hashlib
import json
import logging
from datetime import datetime
from pathlib import Path

import pytest
from peewee import DatabaseError

import main
from models.db import database, init_database, redact
from models.migrations import migrate
from services.logfiles import RedactingFormatter

NOW = "2026-03-01T08:00:00"
SECRET = "s3cret-Pw"


@pytest.fixture
def homes(tmp_path, monkeypatch):
    """The user's data folders under tmp_path, as platformdirs finds them."""
    for name in ("XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CONFIG_HOME"):
        monkeypatch.setenv(name, str(tmp_path / name.lower()))
    return tmp_path


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main.main(list(argv))
    database.close()
    out = capsys.readouterr()
    return code, out.out, out.err


def digest(path: Path) -> str:
    if database.obj is not None:
        database.close()
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --- item 6: the demo never fills a real database -----------------------------------------------


def test_demo_without_db_fills_the_demo_database_not_the_default_one(homes, capsys):
    from models.db import default_database_path

    code, out, err = run(capsys, "--now", NOW, "demo", "--customers", "4")
    assert code == 0, err
    assert json.loads(out)["customers"] == 4
    assert main.demo_database_path().exists()
    assert not default_database_path().exists()


def test_demo_refuses_a_database_that_already_has_customers(tmp_path, capsys):
    path = tmp_path / "books.sqlite3"
    assert run(capsys, "--db", str(path), "--now", NOW, "demo", "--customers", "3")[0] == 0
    before = digest(path)
    code, out, err = run(capsys, "--db", str(path), "--now", NOW, "demo", "--customers", "3")
    assert (code, out) == (2, "")
    assert "already has operators or customers" in err and "Traceback" not in err
    assert digest(path) == before


def test_demo_refuses_a_database_with_only_an_operator(tmp_path, capsys):
    from models.tables import Operator
    from services.auth import hash_password

    path = tmp_path / "real.sqlite3"
    init_database(path)
    migrate()
    with database.connection_context():
        Operator.create(
            username="boss",
            password_hash=hash_password("a long real password"),
            role="admin",
            created_at=datetime(2026, 1, 1),
        )
    before = digest(path)
    code, _, err = run(capsys, "--db", str(path), "--now", NOW, "demo", "--customers", "3")
    assert code == 2 and "already has operators or customers" in err
    assert digest(path) == before
    init_database(path)
    with database.connection_context():
        assert [o.username for o in Operator.select()] == ["boss"]  # no admin with a published password
    database.close()


def test_demo_refuses_before_any_migration_writes(tmp_path, capsys):
    """A database from an older version is not upgraded on the way to a refusal."""
    import sqlite3

    path = tmp_path / "old.sqlite3"
    with sqlite3.connect(path) as raw:
        raw.execute("PRAGMA journal_mode = wal")  # as every version of the app has kept its files
        raw.execute("CREATE TABLE operator (id INTEGER PRIMARY KEY, username TEXT)")
        raw.execute("INSERT INTO operator (username) VALUES ('boss')")
    raw.close()
    before = digest(path)
    code, _, err = run(capsys, "--db", str(path), "--now", NOW, "demo", "--customers", "3")
    assert code == 2 and "already has operators or customers" in err
    assert digest(path) == before


# --- item 8: passwords in database URLs are never echoed ------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        f"mysql://u:{SECRET}@db.example.com/books",
        f"postgresql://u:{SECRET}@db.example.com/books",
        f"postgres://u:{SECRET}@db.example.com/books",
        f"mysql:/u:{SECRET}@db.example.com/books",  # one slash: read as a path whose folder is missing
        f"sqlite:///nowhere/u:{SECRET}@host/books",
    ],
)
def test_a_password_in_a_database_url_is_refused_and_never_echoed(homes, capsys, url):
    code, out, err = run(capsys, "--db", url, "report")
    assert code == 2 and err.startswith("error: ")
    assert SECRET not in out + err
    logs = list((homes / "xdg_state_home").rglob("*.log"))
    assert all(SECRET not in log.read_text(encoding="utf-8") for log in logs)


def test_a_password_in_a_stray_argument_is_not_echoed(tmp_path, capsys):
    code, _, err = run(capsys, "--db", str(tmp_path / "x.sqlite3"), "report", f"postgresql://u:{SECRET}@h/db")
    assert code == 2 and "unrecognized arguments" in err
    assert SECRET not in err and "u:***@h" in err


def test_the_log_redacts_passwords_in_messages_and_tracebacks():
    formatter = RedactingFormatter("%(message)s")
    try:
        raise RuntimeError(f"could not connect to postgresql://u:{SECRET}@h/db")
    except RuntimeError:
        import sys

        record = logging.LogRecord(
            "t", logging.ERROR, __file__, 1, "opening %s", (f"x://a:{SECRET}@h",), sys.exc_info()
        )
    text = formatter.format(record)
    assert SECRET not in text and "x://a:***@h" in text and "postgresql://u:***@h/db" in text


def test_redact_leaves_urls_without_a_password_alone():
    assert redact("postgresql://subs@localhost:5432/subs") == "postgresql://subs@localhost:5432/subs"
    assert redact("x://u:p@ss@h/db") == "x://u:***@h/db"  # an unescaped @ in the password


# --- item 9: the command line is audited as the OS user who ran it --------------------------------


def test_a_command_is_audited_as_cli_and_the_os_user(tmp_path, capsys):
    from models.tables import AuditEntry

    path = tmp_path / "books.sqlite3"
    assert run(capsys, "--db", str(path), "--now", NOW, "demo", "--customers", "3")[0] == 0
    code, _, err = run(capsys, "--db", str(path), "--now", NOW, "pause", "--reason", "maintenance")
    assert code == 0, err
    init_database(path)
    with database.connection_context():
        entry = AuditEntry.select().where(AuditEntry.action.contains("pause")).get()
    database.close()
    assert entry.actor == f"cli:{getpass.getuser()}"


def test_the_cli_actor_falls_back_to_the_uid_when_the_user_has_no_name(monkeypatch):
    def no_name() -> str:
        raise OSError("no password entry for this uid")

    monkeypatch.setattr(getpass, "getuser", no_name)
    name = main.cli_actor_name()
    assert name.startswith("cli:") and len(name) <= 64 and name != "cli:"


def test_the_cli_actor_name_is_one_printable_word(monkeypatch):
    monkeypatch.setattr(getpass, "getuser", lambda: "eve\nadmin " + "x" * 100)
    name = main.cli_actor_name()
    assert name.startswith("cli:eveadmin") and len(name) == 64 and name.isprintable()


# --- item 9: no ATTACH through the app's SQLite connection ----------------------------------------


@pytest.mark.parametrize("sql", ["ATTACH DATABASE ? AS other", "DETACH DATABASE main"])
def test_the_sqlite_connection_refuses_attach_and_detach(tmp_path, sql):
    other = tmp_path / "other.sqlite3"
    init_database(tmp_path / "books.sqlite3")
    migrate()
    try:
        with pytest.raises(DatabaseError, match="not authorized"):
            database.execute_sql(sql, (str(other),) if "?" in sql else ())
    finally:
        database.close()
    assert not other.exists()


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("postgresql://u:pa/ss@h/db", "postgresql://u:***@h/db"),
        ("could not reach mysql://u:pa ss w0rd@h/db: refused", "could not reach mysql://u:***@h/db: refused"),
        ("x://u:a/b c@d@h/db", "x://u:***@h/db"),
        ("mysql:/u:p/w with spaces@h/db", "mysql:/u:***@h/db"),
        ("postgresql://u:\tp/w@h:5432/db and more", "postgresql://u:***@h:5432/db and more"),
    ],
)
def test_redact_masks_the_whole_password_whatever_it_holds(text, shown):
    assert redact(text) == shown


def test_redact_masks_each_url_on_a_line_and_leaves_other_lines_alone():
    text = "first x://a:p/1@h1/db\nthen y://b:p 2@h2/db\nplain line with mail@example.com"
    assert redact(text) == "first x://a:***@h1/db\nthen y://b:***@h2/db\nplain line with mail@example.com"
