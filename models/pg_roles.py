"""PostgreSQL group roles for viewers, operators and admins, and the grants each holds.

The program's own checks decide what a signed-in operator may do; these grants decide what a
database login may do whatever program connects with it. Three NOLOGIN group roles per
installation (``<prefix>_viewer``, ``<prefix>_operator``, ``<prefix>_admin``) hold the grants; the
logins desks and workers connect with are made members of one of them. None of them owns a table,
so none can DROP, ALTER or TRUNCATE anything, or remove the append-only triggers; none holds
UPDATE or DELETE on an append-only table.

- viewer: reads everything; writes only what signing in and reading notifications write (the
  computer's failed sign-ins, the account's failure count and lock, a notification's read time,
  and audit rows of exactly those events — a trigger refuses any other audit row from a login
  that cannot write customers).
- operator: also adds and changes the business rows (customers, wallets, ledger, subscriptions,
  payments, the error queue, the scheduler's leases …); reads the catalogue, the settings and the
  operator accounts.
- admin: also writes the catalogue (plans, features), the settings and the operator accounts.

The owner of the schema — the login that runs the migrations — applies them (``apply_grants``),
and the migrations apply them again after every step, so a table a later version adds gets its
grants at once. The prefixes in use are kept in ``database_role_set``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from models.db import APPEND_ONLY_TABLES, database, is_permission_denied, is_sqlite

GROUPS = ("viewer", "operator", "admin")
DEFAULT_PREFIX = "subs"
ROLE_SET_TABLE = "database_role_set"
# Only the owner writes these: the schema's version and the prefixes whose grants migrations keep up.
OWNER_ONLY_TABLES = ("schema_version", ROLE_SET_TABLE)
# Written by admins alone: the catalogue, the settings and the operator accounts.
ADMIN_ONLY_TABLES = ("plan", "feature", "plan_feature", "setting", "operator")
# A failed sign-in counts on the account and may lock it, whoever's desk it is typed at.
SIGN_IN_COLUMNS = ("failed_sign_ins", "locked_until")
# Audit rows a login that cannot write customers may still add: what a viewer's desk records.
READ_ONLY_AUDIT_ACTIONS = ("operator.sign_in_failed", "notification.read", "notification.read_all")
_PREFIX = re.compile(r"[a-z][a-z0-9_]{0,39}")


class RolesError(ValueError):
    """The roles cannot be set up as asked; the text says why and what to do."""


@dataclass(frozen=True)
class GrantsApplied:
    prefix: str
    roles: dict[str, str]  # group -> role name
    created: list[str]  # roles this run created
    tables: int


def check_prefix(prefix: str) -> str:
    if not _PREFIX.fullmatch(prefix or ""):
        raise RolesError(
            f"the role prefix {str(prefix)[:50]!r} must start with a lower-case letter and hold only "
            "lower-case letters, digits and _ (at most 40)"
        )
    return prefix


def role_name(prefix: str, group: str) -> str:
    return f"{check_prefix(prefix)}_{group}"


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _schema() -> str:
    return str(database.execute_sql("SELECT current_schema()").fetchone()[0])


def _role_exists(name: str) -> bool:
    return database.execute_sql("SELECT 1 FROM pg_roles WHERE rolname = %s", (name,)).fetchone() is not None


def schema_tables(schema: str) -> list[str]:
    rows = database.execute_sql(
        "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname = %s AND c.relkind IN ('r', 'p') ORDER BY c.relname",
        (schema,),
    ).fetchall()
    return [row[0] for row in rows]


def append_only_tables(schema: str) -> set[str]:
    """The tables the program names append-only, and any other that a refuse_change() trigger guards."""
    rows = database.execute_sql(
        "SELECT DISTINCT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
        "JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_proc p ON p.oid = t.tgfoid "
        "WHERE n.nspname = %s AND p.proname = 'refuse_change'",
        (schema,),
    ).fetchall()
    return set(APPEND_ONLY_TABLES) | {row[0] for row in rows}


def _grant_statements(prefix: str, schema: str) -> list[str]:
    viewer, operator, admin = (_quote(role_name(prefix, group)) for group in GROUPS)
    everyone = f"{viewer}, {operator}, {admin}"
    where = _quote(schema)
    statements = [
        # Start from nothing, so a run after a change of these rules leaves exactly them.
        f"REVOKE ALL ON ALL TABLES IN SCHEMA {where} FROM {everyone}",
        f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA {where} FROM {everyone}",
        f"REVOKE ALL ON SCHEMA {where} FROM {everyone}",
        # PostgreSQL 14 and older let every login create tables in the public schema; only the owner may here
        f"REVOKE CREATE ON SCHEMA {where} FROM PUBLIC",
        f"GRANT USAGE ON SCHEMA {where} TO {everyone}",
        f"GRANT SELECT ON ALL TABLES IN SCHEMA {where} TO {everyone}",
        # nextval for the ids of rows each may insert; a sequence is never the source of a number a
        # customer sees (documents are numbered in document_sequence)
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {where} TO {everyone}",
    ]
    tables = schema_tables(schema)
    append_only = append_only_tables(schema)
    for table in tables:
        name = f"{where}.{_quote(table)}"
        if table in OWNER_ONLY_TABLES:
            continue
        writers = [admin] if table in ADMIN_ONLY_TABLES else [operator, admin]
        verbs = "INSERT" if table in append_only else "INSERT, UPDATE, DELETE"
        statements.append(f"GRANT {verbs} ON {name} TO {', '.join(writers)}")
    present = set(tables)
    signing_in = ", ".join(SIGN_IN_COLUMNS)
    if "operator" in present:
        statements.append(f"GRANT UPDATE ({signing_in}) ON {where}.operator TO {viewer}, {operator}")
    if "sign_in_desk" in present:
        statements.append(f"GRANT INSERT, UPDATE, DELETE ON {where}.sign_in_desk TO {viewer}")
    if "notification" in present:
        statements.append(f"GRANT UPDATE (read_at) ON {where}.notification TO {viewer}")
    if "audit_entry" in present:
        statements.append(f"GRANT INSERT ON {where}.audit_entry TO {viewer}")
    return statements


def _create_missing_roles(prefix: str) -> list[str]:
    created = []
    for group in GROUPS:
        name = role_name(prefix, group)
        if _role_exists(name):
            continue
        try:
            with database.atomic():
                database.execute_sql(
                    f"CREATE ROLE {_quote(name)} NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION"
                )
        except Exception as error:
            if is_permission_denied(error):
                raise RolesError(
                    f"this login may not create roles: ask the cluster's administrator to run "
                    f"CREATE ROLE {name} NOLOGIN (and the same for the other two of "
                    f"{', '.join(role_name(prefix, g) for g in GROUPS)}), then run db-roles again"
                ) from None
            raise
        created.append(name)
    return created


def require_postgresql() -> None:
    if is_sqlite():
        raise RolesError(
            "database roles exist only on PostgreSQL; on SQLite whoever can write the file can do anything"
        )


def apply_grants(prefix: str = DEFAULT_PREFIX) -> GrantsApplied:
    """Create the three group roles if missing and give them exactly their grants on every table.

    Run by the schema's owner; records ``prefix`` so that later migrations keep its grants up."""
    require_postgresql()
    check_prefix(prefix)
    with database.atomic():
        if not schema_owned_by_login():
            raise RolesError(
                "only the owner of the tables can grant on them: run db-roles with the login that runs the migrations"
            )
        created = _create_missing_roles(prefix)
        schema = _schema()
        for statement in _grant_statements(prefix, schema):
            database.execute_sql(statement)
        database.execute_sql(f"INSERT INTO {ROLE_SET_TABLE} (prefix) VALUES (%s) ON CONFLICT DO NOTHING", (prefix,))
        tables = len(schema_tables(schema))
    return GrantsApplied(prefix, {group: role_name(prefix, group) for group in GROUPS}, created, tables)


def reapply_recorded_grants() -> list[str]:
    """Inside a migration's transaction: the grants again for every recorded prefix whose roles exist."""
    if is_sqlite() or not database.table_exists(ROLE_SET_TABLE):
        return []
    schema = _schema()
    done = []
    for (prefix,) in database.execute_sql(f"SELECT prefix FROM {ROLE_SET_TABLE} ORDER BY prefix").fetchall():
        if all(_role_exists(role_name(prefix, group)) for group in GROUPS):
            for statement in _grant_statements(prefix, schema):
                database.execute_sql(statement)
            done.append(prefix)
    return done


def grant_login(login: str, group: str, prefix: str = DEFAULT_PREFIX) -> None:
    """Make the existing login ``login`` a member of the ``group`` role alone (of this prefix's three)."""
    require_postgresql()
    if group not in GROUPS:
        raise RolesError(f"--as must be one of {', '.join(GROUPS)}")
    row = database.execute_sql(
        "SELECT rolcanlogin, rolsuper FROM pg_roles WHERE rolname = %s", (str(login),)
    ).fetchone()
    if row is None:
        raise RolesError(
            f"there is no database login {str(login)[:63]!r}: create it first (in psql: CREATE ROLE name LOGIN; "
            "then \\password name), so its password never appears on a command line"
        )
    if row[1]:
        raise RolesError(f"{str(login)[:63]!r} is a superuser: grants cannot narrow what it may do")
    with database.atomic():
        for other in GROUPS:
            database.execute_sql(f"REVOKE {_quote(role_name(prefix, other))} FROM {_quote(login)}")
        database.execute_sql(f"GRANT {_quote(role_name(prefix, group))} TO {_quote(login)}")


def schema_owned_by_login() -> bool:
    """Whether this login may change the schema: it owns the version table (or inherits its owner),
    or — in a database without one yet — may create tables in the schema."""
    if is_sqlite():
        return True
    row = database.execute_sql(
        "SELECT pg_has_role(current_user, c.relowner, 'USAGE') FROM pg_class c "
        "JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE c.relname = 'schema_version' AND n.nspname = current_schema()"
    ).fetchone()
    if row is not None:
        return bool(row[0])
    return bool(database.execute_sql("SELECT has_schema_privilege(current_schema(), 'CREATE')").fetchone()[0])


def login_can_write() -> bool:
    """Whether this login may add customers: false for a viewer's (read-only) login. SQLite: always."""
    if is_sqlite():
        return True
    row = database.execute_sql(
        "SELECT has_table_privilege(current_user, to_regclass('customer'), 'INSERT') "
        "WHERE to_regclass('customer') IS NOT NULL"
    ).fetchone()
    return True if row is None else bool(row[0])


def current_login() -> str:
    if is_sqlite():
        return ""
    return str(database.execute_sql("SELECT current_user").fetchone()[0])


def audit_rows_of_read_only_logins() -> None:
    """Migration 15 on PostgreSQL: a login that cannot write customers adds only the audit rows a
    viewer's desk records (failed sign-ins, notifications read)."""
    allowed = ", ".join(f"'{action}'" for action in READ_ONLY_AUDIT_ACTIONS)
    database.execute_sql(
        "CREATE OR REPLACE FUNCTION audit_entry_of_read_only_login() RETURNS trigger AS $$ "
        "BEGIN "
        f"IF NEW.action NOT IN ({allowed}) "
        # the table named with its schema: a login's own temporary table named customer must not count
        "AND NOT has_table_privilege(current_user, quote_ident(TG_TABLE_SCHEMA) || '.customer', 'INSERT') THEN "
        "RAISE EXCEPTION USING MESSAGE = 'permission denied: this database login may add only '"
        " || 'failed sign-ins and notifications read to the audit log', ERRCODE = 'insufficient_privilege'; "
        "END IF; RETURN NEW; END; $$ LANGUAGE plpgsql"
    )
    database.execute_sql("DROP TRIGGER IF EXISTS audit_entry_of_read_only_login ON audit_entry")
    database.execute_sql(
        "CREATE TRIGGER audit_entry_of_read_only_login BEFORE INSERT ON audit_entry "
        "FOR EACH ROW EXECUTE FUNCTION audit_entry_of_read_only_login()"
    )
