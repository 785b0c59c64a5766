"""Shared fixtures: a real SQLite file per test, a clock that stands still, a keyring in memory."""

from __future__ import annotations

import os
from datetime import datetime

import keyring
import pytest
from hypothesis import settings
from keyring.backend import KeyringBackend

# Generated inputs are the same on every run: a test fails on every run or on none. A new search
# for examples is one environment variable away (HYPOTHESIS_PROFILE=explore).
settings.register_profile("repeatable", derandomize=True, print_blob=True)
settings.register_profile("explore", derandomize=False, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from models.db import database, init_database  # noqa: E402
from models.migrations import migrate  # noqa: E402
from services.auth import SYSTEM, Actor  # noqa: E402
from services.clock import FixedClock  # noqa: E402


class MemoryKeyring(KeyringBackend):
    priority = 1

    def __init__(self):
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.store.get((service, username))

    def set_password(self, service, username, password):
        self.store[(service, username)] = password

    def delete_password(self, service, username):
        from keyring.errors import PasswordDeleteError

        if (service, username) not in self.store:
            raise PasswordDeleteError(username)
        del self.store[(service, username)]


@pytest.fixture(autouse=True)
def cheap_password_hashing(monkeypatch):
    """Hash passwords at a low scrypt cost so the suites stay fast (production uses auth.SCRYPT_N = 2**17).

    A test that needs the production cost undoes this with ``monkeypatch.setattr(auth, "SCRYPT_N", ...)``.
    """
    from services import auth

    monkeypatch.setattr(auth, "SCRYPT_N", 2**10)


@pytest.fixture(autouse=True)
def backups_in_tmp(monkeypatch, tmp_path):
    """On PostgreSQL the daily backup's folder is in the user's data folder: a test's goes in its own."""
    if POSTGRES_URL:
        from services import backup

        monkeypatch.setattr(backup, "default_folder", lambda: tmp_path / "pg-backups")


@pytest.fixture(autouse=True)
def memory_keyring():
    backend = MemoryKeyring()
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def clock():
    return FixedClock(datetime(2026, 1, 15, 9, 0, 0))


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "subs.sqlite3"


# The suites run on SQLite by default; with SUBS_TEST_DATABASE_URL=postgresql://… the `db` fixture gives
# each test a fresh, empty schema on that PostgreSQL database instead.
POSTGRES_URL = os.environ.get("SUBS_TEST_DATABASE_URL") or None


def _empty_postgres_schema(url: str) -> None:
    from models.db import open_database

    server = open_database(url)
    with server.connection_context():
        server.execute_sql("DROP SCHEMA public CASCADE")
        server.execute_sql("CREATE SCHEMA public")


@pytest.fixture
def db_url(db_path) -> str:
    """What ``--db`` names for the database the `db` fixture opened."""
    return POSTGRES_URL or str(db_path)


@pytest.fixture
def db(db_path):
    if POSTGRES_URL:
        _empty_postgres_schema(POSTGRES_URL)
        init_database(POSTGRES_URL)
    else:
        init_database(str(db_path))
    database.connect(reuse_if_open=True)
    migrate()
    yield database
    database.close()


@pytest.fixture
def system():
    return SYSTEM


@pytest.fixture
def admin():
    return Actor("alice", "admin", 1)


@pytest.fixture
def operator():
    return Actor("oscar", "operator", 2)


@pytest.fixture
def viewer():
    return Actor("vera", "viewer", 3)
