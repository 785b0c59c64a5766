"""Numbered schema migrations; the version lives in the schema_version table.

Each step runs in one transaction together with the version bump, so a step
that fails leaves both the schema and the version as they were.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from models.db import database, is_sqlite
from models.tables import ALL_TABLES

log = logging.getLogger(__name__)

APPEND_ONLY_TABLES = ("ledger_entry", "audit_entry")


def _create_tables() -> None:
    database.create_tables(ALL_TABLES, safe=True)


def _append_only_guards_and_partial_indexes() -> None:
    if is_sqlite():
        for table in APPEND_ONLY_TABLES:
            for verb in ("UPDATE", "DELETE"):
                database.execute_sql(
                    f"CREATE TRIGGER IF NOT EXISTS {table}_no_{verb.lower()} "
                    f"BEFORE {verb} ON {table} "
                    f"BEGIN SELECT RAISE(ABORT, '{table} rows are append-only'); END"
                )
    else:
        database.execute_sql(
            "CREATE OR REPLACE FUNCTION refuse_change() RETURNS trigger AS $$ "
            "BEGIN RAISE EXCEPTION '% rows are append-only', TG_TABLE_NAME; END; $$ LANGUAGE plpgsql"
        )
        for table in APPEND_ONLY_TABLES:
            database.execute_sql(
                f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
                f"FOR EACH ROW EXECUTE FUNCTION refuse_change()"
            )
            database.execute_sql(
                f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
                f"FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()"
            )
    # At most one open error item per operation and subject.
    database.execute_sql(
        "CREATE UNIQUE INDEX IF NOT EXISTS error_item_one_open "
        "ON error_item (operation, subject_type, subject_id) "
        "WHERE status IN ('retrying', 'manual')"
    )
    # Unread notifications are listed newest first.
    database.execute_sql(
        "CREATE INDEX IF NOT EXISTS notification_unread ON notification (id) WHERE read_at IS NULL"
    )


MIGRATIONS: list[tuple[int, str, Callable[[], None]]] = [
    (1, "create tables", _create_tables),
    (2, "append-only guards and partial indexes", _append_only_guards_and_partial_indexes),
]

LATEST_VERSION = MIGRATIONS[-1][0]


def _ensure_version_table() -> None:
    database.execute_sql("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
    cursor = database.execute_sql("SELECT COUNT(*) FROM schema_version")
    if cursor.fetchone()[0] == 0:
        database.execute_sql("INSERT INTO schema_version (version) VALUES (0)")


def current_version() -> int:
    _ensure_version_table()
    return database.execute_sql("SELECT version FROM schema_version").fetchone()[0]


def migrate(target: int | None = None, steps=None) -> int:
    """Bring the schema up to ``target`` (default: the latest). Returns the version."""
    steps = MIGRATIONS if steps is None else steps
    target = steps[-1][0] if target is None else target
    with database.atomic():
        _ensure_version_table()
    version = current_version()
    for number, title, step in steps:
        if number <= version or number > target:
            continue
        log.info("migrating schema to version %d: %s", number, title)
        with database.atomic():
            step()
            database.execute_sql(f"UPDATE schema_version SET version = {int(number)}")
        version = number
    return version
