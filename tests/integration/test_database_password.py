"""The PostgreSQL password comes from the keyring (or libpq's own PGPASSWORD and ~/.pgpass), never from the URL."""

from __future__ import annotations

import io
import json
import logging

import pytest

import main
from models.db import DatabaseUrlError, open_database
from services.secrets import PG_PASSWORD, SecretStore

URL = "postgresql://subs@db.example.net:5433/books"


def test_a_password_in_the_url_is_refused_without_repeating_it(caplog):
    caplog.set_level(logging.DEBUG)
    with pytest.raises(DatabaseUrlError, match="keyring") as refused:
        open_database("postgresql://subs:hunter2-secret@db.example.net/books")
    assert "hunter2-secret" not in str(refused.value)
    with pytest.raises(DatabaseUrlError) as unknown:
        open_database("mysql://subs:hunter2-secret@db.example.net/books")
    assert "hunter2-secret" not in str(unknown.value)
    assert "hunter2-secret" not in caplog.text


def test_the_password_is_asked_for_and_otherwise_left_to_libpq():
    asked = []
    db = open_database(URL, password=lambda: asked.append(True) or "from-keyring")
    assert asked == [True]
    assert db.connect_params["password"] == "from-keyring"
    assert (db.connect_params["user"], db.connect_params["host"], db.connect_params["port"]) == (
        "subs",
        "db.example.net",
        5433,
    )
    # No answer: no password parameter at all, so libpq reads PGPASSWORD or ~/.pgpass itself.
    assert open_database(URL, password=lambda: None).connect_params.get("password") is None
    assert open_database(URL).connect_params.get("password") is None


def test_db_password_keeps_the_first_line_in_the_keyring_and_the_desk_reads_it(capsys):
    assert main.store_database_password(io.StringIO("s3cret pass\nignored\n")) == 0
    assert json.loads(capsys.readouterr().out) == {"db_password": "kept in the system keyring"}
    assert SecretStore().get(PG_PASSWORD) == "s3cret pass"
    assert main.database_password() == "s3cret pass"


def test_db_password_refuses_an_empty_line_and_stores_nothing(capsys):
    assert main.store_database_password(io.StringIO("\n")) == 2
    assert "standard input" in capsys.readouterr().err
    assert SecretStore().get(PG_PASSWORD) is None


def test_the_command_line_refuses_a_url_with_a_password(capsys):
    assert main.main(["--db", "postgresql://subs:hunter2-secret@127.0.0.1:1/books", "report"]) == 2
    err = capsys.readouterr().err
    assert "keyring" in err and "hunter2-secret" not in err
