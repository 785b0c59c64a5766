"""A backup of a PostgreSQL database is pg_dump's custom format, restorable with pg_restore."""

from __future__ import annotations

from datetime import datetime

import pytest

from services import backup
from services.demo import create_demo
from tests.conftest import POSTGRES_URL

pytestmark = pytest.mark.skipif(not POSTGRES_URL, reason="needs PostgreSQL: bash .ci/postgres-suite sets it")


def test_a_backup_on_postgresql_is_a_pg_dump_archive(db, clock, tmp_path):
    create_demo(clock, customers=5, seed=2)
    made = backup.back_up(tmp_path / "books.dump", datetime(2026, 1, 15, 1, 30))
    assert made.path == str(tmp_path / "books.dump") and made.bytes > 0
    assert (tmp_path / "books.dump").read_bytes()[:5] == b"PGDMP"  # the custom format's signature
    assert (tmp_path / "books.dump").stat().st_mode & 0o777 == 0o600
