"""What the database itself guarantees, whatever SQL reaches it.

Ledger and audit rows are append-only: through the app's own connection no
UPDATE, DELETE, REPLACE or upsert changes them, and the guards that say so cannot
be dropped or bypassed (DROP TRIGGER, DROP TABLE, ALTER TABLE, writable_schema).
Appending stays possible. The triggers live in the file, so another program's
connection is refused the same changes; what SQLite cannot stop is another
program dropping the triggers first, which only file permissions (or, on
PostgreSQL, a role that does not own the tables) prevent.

Search boxes and filters take SQL and LIKE wildcards as plain text.
"""

from __future__ import annotations

import sqlite3
import threading

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from peewee import DatabaseError, IntegrityError

from models.db import database, write_transaction
from models.tables import AuditEntry, Customer, LedgerEntry
from services.audit import record_audit
from services.auth import SYSTEM
from services.errors import NotFound, ValidationError
from services.ledger import post_entry
from services.reports import integrity_check
from tests.conftest import POSTGRES_URL
from tests.factories import make_customer

GUARD_TABLES = ("ledger_entry", "audit_entry")
if POSTGRES_URL:
    GUARD_TRIGGERS = {f"{table}_{guard}" for table in GUARD_TABLES for guard in ("append_only", "no_truncate")}
else:
    GUARD_TRIGGERS = {f"{table}_no_{verb}" for table in GUARD_TABLES for verb in ("update", "delete", "replace")}

# What the app's own connection cannot do to the guards. On PostgreSQL that is the job of a role that does not
# own the tables (see the module's docstring); the suite connects as the cluster's superuser, which may.
ONLY_SQLITE_GUARDS_THE_SCHEMA = pytest.mark.skipif(
    bool(POSTGRES_URL),
    reason="on PostgreSQL DROP and ALTER are refused by the role's privileges, not by the app's connection",
)
# SQLite's own statements (REPLACE, UPDATE OR REPLACE, PRAGMA) are syntax errors on PostgreSQL.
SQLITE_STATEMENTS = ("update or replace", "replace by id", "replace by key", "replace an audit row")
SCHEMA_CHANGES = (
    "drop a guard trigger",
    "drop the replace guard",
    "drop an audit guard",
    "drop the ledger",
    "drop the audit trail",
    "rename the ledger",
    "rename a ledger column",
    "drop a ledger column",
    "edit the schema by hand",
)


def _rows(table: str) -> list[tuple]:
    return list(database.execute_sql(f"SELECT * FROM {table} ORDER BY id"))


def _triggers() -> set[str]:
    if POSTGRES_URL:
        return {r[0] for r in database.execute_sql("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal")}
    return {r[0] for r in database.execute_sql("SELECT name FROM sqlite_master WHERE type = 'trigger'")}


@pytest.fixture
def books(db, clock):
    """A wallet with three ledger entries and two audit rows."""
    _, wallet_id = make_customer(clock, "Ada Lovelace", "ada@example.com", balance_minor=5000)
    with write_transaction():
        post_entry(clock, wallet_id, "adjustment", -1000, "adjust:1:2026-01-15", actor="system")
        post_entry(clock, wallet_id, "adjustment", -250, "adjust:2:2026-01-15", actor="system")
        record_audit(clock, "alice", "wallet.adjust", "wallet", wallet_id, before={"b": 1}, after={"b": 2})
    first = LedgerEntry.select().order_by(LedgerEntry.id).first()
    snapshot = {"ledger_entry": _rows("ledger_entry"), "audit_entry": _rows("audit_entry")}
    return wallet_id, first, snapshot


def _assert_books_untouched(snapshot) -> None:
    assert _rows("ledger_entry") == snapshot["ledger_entry"]
    assert _rows("audit_entry") == snapshot["audit_entry"]
    assert _triggers() >= GUARD_TRIGGERS
    assert integrity_check()["ok"]


CHANGES = {
    "update one entry": "UPDATE ledger_entry SET amount_minor = 999999 WHERE id = {id}",
    "update every entry": "UPDATE ledger_entry SET actor = 'mallory'",
    "update or replace": "UPDATE OR REPLACE ledger_entry SET idempotency_key = 'x' WHERE id = {id}",
    "delete one entry": "DELETE FROM ledger_entry WHERE id = {id}",
    "delete every entry": "DELETE FROM ledger_entry",
    "replace by id": (
        "INSERT OR REPLACE INTO ledger_entry (id, wallet_id, kind, amount_minor, balance_after_minor, "
        "idempotency_key, actor, created_at) VALUES ({id}, {wallet}, 'topup', 999999, 999999, "
        "'forged', 'mallory', '2026-01-15 09:00:00')"
    ),
    "replace by key": (
        "REPLACE INTO ledger_entry (wallet_id, kind, amount_minor, balance_after_minor, "
        "idempotency_key, actor, created_at) VALUES ({wallet}, 'topup', 999999, 999999, "
        "'{key}', 'mallory', '2026-01-15 09:00:00')"
    ),
    "upsert on the key": (
        "INSERT INTO ledger_entry (wallet_id, kind, amount_minor, balance_after_minor, "
        "idempotency_key, actor, created_at) VALUES ({wallet}, 'topup', 1, 1, '{key}', 'mallory', "
        "'2026-01-15 09:00:00') ON CONFLICT (idempotency_key) DO UPDATE SET amount_minor = 999999"
    ),
    "update the audit trail": "UPDATE audit_entry SET actor = 'mallory'",
    "delete the audit trail": "DELETE FROM audit_entry",
    "replace an audit row": (
        "INSERT OR REPLACE INTO audit_entry (id, actor, action, created_at) "
        "VALUES ({audit}, 'mallory', 'nothing happened', '2026-01-15 09:00:00')"
    ),
    "drop a guard trigger": "DROP TRIGGER ledger_entry_no_update",
    "drop the replace guard": "DROP TRIGGER IF EXISTS ledger_entry_no_replace",
    "drop an audit guard": "DROP TRIGGER audit_entry_no_delete",
    "drop the ledger": "DROP TABLE ledger_entry",
    "drop the audit trail": "DROP TABLE audit_entry",
    "rename the ledger": "ALTER TABLE ledger_entry RENAME TO ledger_entry_old",
    "rename a ledger column": "ALTER TABLE ledger_entry RENAME COLUMN amount_minor TO amount",
    "drop a ledger column": "ALTER TABLE ledger_entry DROP COLUMN note",
    "edit the schema by hand": "PRAGMA writable_schema = ON",
}


def _engine_case(attack: str) -> object:
    if POSTGRES_URL and attack in SQLITE_STATEMENTS:
        return pytest.param(attack, marks=pytest.mark.skip(reason="SQLite's own statement; PostgreSQL has no REPLACE"))
    if attack in SCHEMA_CHANGES:
        return pytest.param(attack, marks=ONLY_SQLITE_GUARDS_THE_SCHEMA)
    return attack


@pytest.mark.parametrize("attack", [_engine_case(attack) for attack in sorted(CHANGES)])
def test_the_apps_connection_cannot_change_or_unguard_ledger_and_audit_rows(books, attack):
    wallet_id, first, snapshot = books
    audit_id = snapshot["audit_entry"][0][0]
    sql = CHANGES[attack].format(id=first.id, wallet=wallet_id, key=first.idempotency_key, audit=audit_id)
    with pytest.raises(DatabaseError) as refused:
        database.execute_sql(sql)
    text = str(refused.value)
    assert "append-only" in text or "not authorized" in text, text
    _assert_books_untouched(snapshot)


def test_the_orm_is_refused_the_same_changes(books):
    wallet_id, first, snapshot = books
    refused = []
    changes = [
        lambda: LedgerEntry.update(amount_minor=1).where(LedgerEntry.id == first.id).execute(),
        lambda: LedgerEntry.delete().execute(),
        lambda: LedgerEntry.delete_by_id(first.id),
        lambda: AuditEntry.update(reason="nothing to see").execute(),
    ]
    if not POSTGRES_URL:  # peewee's replace() is SQLite's (and MySQL's) INSERT OR REPLACE
        changes.append(
            lambda: LedgerEntry.replace(
                id=first.id,
                wallet=wallet_id,
                kind="topup",
                amount_minor=7,
                balance_after_minor=7,
                idempotency_key="forged",
                actor="m",
                created_at=first.created_at,
            ).execute()
        )
    for change in changes:
        with pytest.raises(IntegrityError), database.atomic():
            change()
        refused.append(change)
    row = LedgerEntry.get_by_id(first.id)
    row.amount_minor = 1
    with pytest.raises(IntegrityError), database.atomic():
        row.save()
    assert len(refused) == len(changes)
    _assert_books_untouched(snapshot)


def test_appending_still_works_after_every_refused_change(books, clock):
    wallet_id, first, snapshot = books
    attacks = ["DELETE FROM ledger_entry", "UPDATE audit_entry SET actor = 'mallory'"]
    if not POSTGRES_URL:
        attacks += ["DROP TRIGGER ledger_entry_no_delete", "PRAGMA writable_schema = 1"]
    for sql in attacks:
        with pytest.raises(DatabaseError):
            database.execute_sql(sql)
    with write_transaction():
        entry = post_entry(clock, wallet_id, "topup", 700, "topup:after-the-attack", actor="alice")
        record_audit(clock, "alice", "topup", "wallet", wallet_id)
    assert entry.balance_after_minor == 5000 - 1000 - 250 + 700
    assert len(_rows("ledger_entry")) == len(snapshot["ledger_entry"]) + 1
    assert _rows("ledger_entry")[:-1] == snapshot["ledger_entry"]
    assert integrity_check()["ok"]


@ONLY_SQLITE_GUARDS_THE_SCHEMA
def test_a_connection_opened_on_another_thread_is_guarded_too(books):
    """peewee opens one connection per thread; the scheduler's is as guarded as the GUI's."""
    _, _, snapshot = books
    outcome = {}

    def other_thread():
        try:
            with database.connection_context():
                database.execute_sql("DROP TRIGGER ledger_entry_no_update")
        except DatabaseError as error:
            outcome["refused"] = str(error)
        else:
            outcome["refused"] = None

    worker = threading.Thread(target=other_thread)
    worker.start()
    worker.join(10)
    assert outcome.get("refused") and "not authorized" in outcome["refused"]
    _assert_books_untouched(snapshot)


def test_the_triggers_live_in_the_database_so_another_program_is_refused_changes_too(books, db_path):
    _, first, snapshot = books
    if POSTGRES_URL:
        _another_server_connection_is_refused(first.id)
        _assert_books_untouched(snapshot)
        return
    other = sqlite3.connect(db_path, isolation_level=None)
    try:
        for sql in (
            f"UPDATE ledger_entry SET amount_minor = 1 WHERE id = {first.id}",
            "DELETE FROM audit_entry",
            f"INSERT OR REPLACE INTO ledger_entry SELECT * FROM ledger_entry WHERE id = {first.id}",
        ):
            with pytest.raises(sqlite3.IntegrityError, match="append-only"):
                other.execute(sql)
    finally:
        other.close()
    _assert_books_untouched(snapshot)


def _another_server_connection_is_refused(entry_id: int) -> None:
    import psycopg2

    assert POSTGRES_URL
    other = psycopg2.connect(POSTGRES_URL)
    other.autocommit = True
    try:
        for sql in (
            f"UPDATE ledger_entry SET amount_minor = 1 WHERE id = {entry_id}",
            "DELETE FROM audit_entry",
            "TRUNCATE audit_entry",
            f"INSERT INTO ledger_entry SELECT * FROM ledger_entry WHERE id = {entry_id} "
            "ON CONFLICT (id) DO UPDATE SET amount_minor = 1",
        ):
            with pytest.raises(psycopg2.IntegrityError, match="append-only"), other.cursor() as cursor:
                cursor.execute(sql)
    finally:
        other.close()


# --- search boxes and filters ---------------------------------------------------------------------------

TRICKY_NAMES = [
    "100% Cotton Ltd",
    "Under_Score Inc",
    "Back\\Slash & Co",
    "O'Brien",
    'Say "Cheese"',
    "Robert'); DROP TABLE",
    "Plain Person",
    "Percent%Under_",
    "Ångström Zoë",
    "a%b_c\\d'e",
]


@pytest.fixture
def tricky(db, clock):
    customers = [make_customer(clock, name, f"c{i}@example.com")[0] for i, name in enumerate(TRICKY_NAMES)]
    make_customer(clock, "Wild Card", "wild%card_x@example.com")
    return customers


def _expected(text: str) -> set[str]:
    """The customers a person would expect: name or email contains the text, ignoring case."""
    text = text.strip().lower()
    if not text:
        return set()
    hits = {c.name for c in Customer.select() if text in c.name.lower() or text in c.email.lower()}
    if text.isascii() and text.isdigit():
        hits |= {c.name for c in Customer.select().where(Customer.id == int(text))}
    return hits


@pytest.mark.parametrize(
    "text",
    [
        "%",
        "_",
        "\\",
        "'",
        '"',
        "' OR 1=1 --",
        "%' OR '1'='1",
        "100%",
        "%%",
        "_n",
        "r_s",
        "e\\S",
        "'); drop table",
        "a%b_c\\d'e",
        "wild%card_",
        "%@%",
        "*",
        "?",
        "[a]",
        "Ångström",
        "ÅNGSTRÖM",
        "zoë",
    ],
)
def test_customer_search_takes_sql_and_wildcards_as_plain_text(tricky, text):
    from services.customers import CustomerService

    found = {c.name for c in CustomerService(None).search(text)}
    assert found == _expected(text)
    assert Customer.select().count() == len(TRICKY_NAMES) + 1


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(st.sampled_from("%_\\'\"-; aAbBcCdDeErRsSoO0123.@()[]*?"), max_size=8))
def test_any_search_text_finds_exactly_the_customers_containing_it(tricky, text):
    from services.customers import CustomerService

    assert {c.name for c in CustomerService(None).search(text, limit=100)} == _expected(text)


def test_exact_filters_do_not_expand_wildcards(tricky, clock, admin):
    from scheduler.core import build_core

    core = build_core(clock, gateway_sleep=lambda s: None)
    core.settings.update(SYSTEM, {"gateway.outage": True}, action="gateway.configure")
    core.secrets.set("gateway_api_key", "sk_test_filters")
    core.payments.top_up(admin, "c0@example.com", "10.00")  # queued: the gateway is down
    assert len(core.retries.list_items(operation="topup")) == 1
    for pattern in ("%", "_", "top%", "topu_", "' OR 1=1 --"):
        assert core.retries.list_items(operation=pattern) == []
        assert core.retries.list_items(error_class=pattern) == []
        assert core.settings.get_many(pattern) == {}
    assert core.settings.get_many("gateway.") and not core.settings.get_many("gateway_")
    with pytest.raises(ValidationError):
        core.retries.list_items(status="%")
    from services.customers import find_customer

    assert find_customer("wild%card_x@example.com").name == "Wild Card"
    for pattern in ("%@example.com", "wild_card_x@example.com", "c_@example.com"):
        with pytest.raises((NotFound, ValidationError)):
            find_customer(pattern)
