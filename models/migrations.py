"""Numbered schema migrations; the version lives in the schema_version table.

Each step runs in one transaction together with the version bump, so a step
that fails leaves both the schema and the version as they were (DDL is
transactional on SQLite and PostgreSQL). A step describes the schema as it was
when the step was written: migration 1 creates the frozen tables of
``models/schema_v1.py``, never the current models, and every later change is
a new step here plus the matching change in ``models/tables.py``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from peewee import SQL, CharField

from models.db import APPEND_ONLY_TABLES, database, is_sqlite, schema_changes_allowed, write_transaction

log = logging.getLogger(__name__)


class SchemaTooNew(RuntimeError):
    """The database was migrated by a newer version of the program than this one."""


def _create_tables_v1() -> None:
    from models import schema_v1

    database.create_tables(schema_v1.ALL_TABLES, safe=True)


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


def _error_item_currency() -> None:
    """The error queue shows the amount at risk per currency; rows from before say USD."""
    from playhouse.migrate import SchemaMigrator
    from playhouse.migrate import migrate as run_operations

    migrator = SchemaMigrator.from_database(database)
    # One ALTER TABLE ADD COLUMN with a database default, never a table rebuild: rebuilding
    # error_item would drop it, and the drop would cascade into error_attempt.
    currency = CharField(max_length=3, default="USD", constraints=[SQL("DEFAULT 'USD'")])
    run_operations(migrator.add_column("error_item", "currency", currency, allow_not_null=True))


def _append_only_refuses_replace() -> None:
    """INSERT OR REPLACE deletes the old row without firing delete triggers; refuse it up front.

    PostgreSQL needs nothing: INSERT … ON CONFLICT DO UPDATE fires the update trigger.
    """
    if not is_sqlite():
        return
    unique_columns = {"ledger_entry": ("id", "idempotency_key"), "audit_entry": ("id",)}
    for table in APPEND_ONLY_TABLES:
        taken = " OR ".join(f"EXISTS (SELECT 1 FROM {table} WHERE {column} = NEW.{column})"
                            for column in unique_columns[table])
        database.execute_sql(
            f"CREATE TRIGGER IF NOT EXISTS {table}_no_replace BEFORE INSERT ON {table} "
            f"WHEN {taken} "
            f"BEGIN SELECT RAISE(ABORT, '{table} rows are append-only'); END"
        )


Step = tuple[int, str, Callable[[], None]]

MIGRATIONS: list[Step] = [
    (1, "create tables", _create_tables_v1),
    (2, "append-only guards and partial indexes", _append_only_guards_and_partial_indexes),
    (3, "currency of an error item's amount at risk", _error_item_currency),
    (4, "append-only rows cannot be replaced", _append_only_refuses_replace),
]

LATEST_VERSION = MIGRATIONS[-1][0]


def _ensure_version_table() -> None:
    database.execute_sql("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
    cursor = database.execute_sql("SELECT COUNT(*) FROM schema_version")
    if cursor.fetchone()[0] == 0:
        database.execute_sql("INSERT INTO schema_version (version) VALUES (0)")


def current_version() -> int:
    with write_transaction():  # two programs starting at once must not both insert the first row
        _ensure_version_table()
    return database.execute_sql("SELECT version FROM schema_version").fetchone()[0]


def _locked_version() -> int:
    """The version, read under the write lock (SQLite: BEGIN IMMEDIATE; PostgreSQL: the row lock)."""
    lock = "" if is_sqlite() else " FOR UPDATE"
    return database.execute_sql(f"SELECT version FROM schema_version{lock}").fetchone()[0]


def migrate(target: int | None = None, steps: list[Step] | None = None) -> int:
    """Bring the schema up to ``target`` (default: the latest). Returns the version.

    Two programs starting together on one database both call this; each step
    re-reads the version under the write lock, so a step never runs twice.
    """
    steps = MIGRATIONS if steps is None else steps
    newest = steps[-1][0]
    target = newest if target is None else target
    version = current_version()
    if version > newest:
        raise SchemaTooNew(f"the database is at schema version {version}, newer than this program knows "
                           f"({newest}); update the program")
    for number, title, step in steps:
        if number <= version or number > target:
            continue
        with write_transaction(), schema_changes_allowed():
            reached = _locked_version()
            if reached < number:  # else another process got there first
                log.info("migrating schema to version %d: %s", number, title)
                step()
                database.execute_sql(f"UPDATE schema_version SET version = {int(number)}")
                reached = number
        version = max(version, reached)
    return version
