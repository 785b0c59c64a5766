"""Schema migrations: old databases upgrade with every row, a failed step changes nothing.

A shop's database is created at version 1 (or 2), filled through the services
of the day (and the frozen version-1 tables where today's models no longer
fit), then upgraded: every row survives, the error queue's new currency column
reads USD for old items, and the app works on the result. Migrating a current
database writes nothing; a step that fails half way leaves the version and the
schema as they were, and the next start finishes the job.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import threading
from datetime import datetime

import pytest
from peewee import TextField
from playhouse.migrate import SchemaMigrator
from playhouse.migrate import migrate as run_operations

import main
from models import schema_v1
from models.db import database, init_database, open_database
from models.migrations import LATEST_VERSION, MIGRATIONS, SchemaTooNew, current_version, migrate
from models.tables import ALL_TABLES, ErrorItem
from services.clock import FixedClock
from services.errors import GatewayTimeout

NOW = datetime(2026, 1, 15, 9, 0)


@pytest.fixture
def blank(db_path):
    """An empty database file, bound and connected, not migrated."""
    init_database(str(db_path))
    database.connect(reuse_if_open=True)
    yield db_path
    database.close()


def _schema() -> list[tuple]:
    return sorted(
        database.execute_sql(
            "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
        ).fetchall()
    )


def _columns(table: str) -> dict[str, tuple]:
    """name -> (type, not null, default, primary key)"""
    return {r[1]: (r[2].upper(), r[3], r[4], r[5]) for r in database.execute_sql(f'PRAGMA table_info("{table}")')}


def _all_rows() -> dict[str, list[tuple]]:
    tables = [
        r[0]
        for r in database.execute_sql(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
        )
    ]
    return {t: [tuple(r) for r in database.execute_sql(f'SELECT * FROM "{t}" ORDER BY rowid')] for t in tables}


def _file_digest(path) -> str:
    busy, _, _ = database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    assert busy == 0
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _fill_a_shop_at(version: int) -> dict:
    """A small business as the program of that version wrote it, through the frozen version-1 tables
    (today's services expect today's columns): every table has rows and the books balance."""
    v1 = schema_v1
    admin = v1.Operator.create(
        username="alice", password_hash="scrypt$16384$8$1$c2FsdA==$aGFzaA==", role="admin", created_at=NOW
    )
    plan = v1.Plan.create(
        code="basic",
        name="Basic",
        price_minor=1000,
        currency="USD",
        interval_unit="month",
        interval_count=1,
        grace_days=3,
        access_in_grace=False,
        active=True,
        created_at=NOW,
    )
    feature = v1.Feature.create(code="api_calls", name="API calls", type="quota", unit="call")
    v1.PlanFeature.create(plan=plan, feature=feature, enabled=True, quota=100)
    period_end = datetime(2026, 2, 15, 9, 0)
    for n in range(12):
        customer = v1.Customer.create(
            name=f"Customer {n}", email=f"shop{n}@example.com", status="active", created_at=NOW
        )
        amount = 1500 + 100 * n
        wallet = v1.Wallet.create(customer=customer, currency="USD", balance_minor=amount - 1000, created_at=NOW)
        topup = v1.TopUp.create(
            wallet=wallet,
            amount_minor=amount,
            currency="USD",
            idempotency_key=f"key-{n}",
            status="succeeded",
            gateway_charge_id=f"ch_{n}",
            actor="alice",
            created_at=NOW,
            updated_at=NOW,
        )
        v1.GatewayCharge.create(
            id=f"ch_{n}",
            idempotency_key=f"topup:key-{n}",
            amount_minor=amount,
            currency="USD",
            customer_ref=f"cus_{customer.id}",
            status="succeeded",
            created_at=NOW,
        )
        v1.LedgerEntry.create(
            wallet=wallet,
            kind="topup",
            amount_minor=amount,
            balance_after_minor=amount,
            idempotency_key=f"topup:{topup.id}",
            ref_type="topup",
            ref_id=topup.id,
            actor="alice",
            created_at=NOW,
        )
        sub = v1.Subscription.create(
            customer=customer,
            plan=plan,
            wallet=wallet,
            status="active",
            auto_renew=True,
            anchor_day=15,
            period_start=NOW,
            period_end=period_end,
            created_at=NOW,
            updated_at=NOW,
        )
        debit = v1.LedgerEntry.create(
            wallet=wallet,
            kind="renewal",
            amount_minor=-1000,
            balance_after_minor=amount - 1000,
            idempotency_key=f"subscribe:{sub.id}",
            ref_type="subscription",
            ref_id=sub.id,
            actor="alice",
            created_at=NOW,
        )
        v1.SubscriptionCharge.create(
            subscription=sub,
            period_start=NOW,
            period_end=period_end,
            plan_minor=1000,
            ledger_entry=debit,
            created_at=NOW,
        )
        v1.SubscriptionEvent.create(
            subscription=sub, to_status="active", event="subscribe", actor="alice", created_at=NOW
        )
        v1.UsageRecord.create(
            subscription=sub,
            feature=feature,
            quantity=n + 1,
            period_start=NOW,
            recorded_at=NOW,
            idempotency_key=f"usage-{n}",
            actor="system",
        )
        v1.UsageCounter.create(subscription=sub, feature=feature, period_start=NOW, used=n + 1)
        v1.AuditEntry.create(
            actor=admin.username,
            action="topup",
            target_type="topup",
            target_id=str(topup.id),
            after=json.dumps({"amount_minor": amount}),
            created_at=NOW,
        )
    for n in range(5):
        item = v1.ErrorItem.create(
            operation="topup",
            subject_type="topup",
            subject_id=n + 1,
            error_class="transient",
            message="the payment gateway answered with a server error",
            context=json.dumps({"n": n}),
            strategy="backoff",
            status="retrying" if n % 2 else "manual",
            attempts=n + 1,
            max_attempts=8,
            next_attempt_at=NOW,
            amount_minor=500 * (n + 1),
            created_at=NOW,
            updated_at=NOW,
        )
        for number in range(1, n + 2):
            v1.ErrorAttempt.create(
                item=item.id, number=number, at=NOW, outcome="failed", message="server error", actor="system"
            )
    v1.Notification.create(
        kind="topup_succeeded", severity="info", title="Top-up credited", dedup_key="t:1", created_at=NOW
    )
    v1.Setting.create(key="reminder_days", value="5", updated_at=NOW)
    v1.JobState.create(name="renewals", last_result="{}")
    v1.CircuitState.create(name="gateway", state="closed", failures=0, updated_at=NOW)
    assert current_version() == version
    rows = _all_rows()
    assert all(rows[m._meta.table_name] for m in v1.ALL_TABLES if m not in (v1.Refund, v1.GatewayRefund))
    return rows


@pytest.mark.parametrize("start", [1, 2])
def test_an_old_shop_upgrades_with_every_row_intact_and_the_new_column_defaulted(blank, start):
    assert migrate(target=start) == start
    assert "currency" not in _columns("error_item")
    before = _fill_a_shop_at(start)
    assert len(before["error_attempt"]) == 15 and len(before["ledger_entry"]) == 24

    assert migrate() == LATEST_VERSION == current_version()

    after = _all_rows()
    invoice_tables = {"document_sequence", "invoice", "invoice_line", "invoice_payment", "credit_note"}
    sign_in_tables = {"sign_in_token", "sign_in_desk"}  # migration 10: empty, new
    outboxes = {"customer_notice", "notification_archive"}  # migrations 11 and 14: empty, new
    cards = {"payment_card", "auto_topup_rule"}  # migration 12: empty, new
    role_sets = {"database_role_set"}  # migration 15: empty, new
    new_tables = invoice_tables | {"customer_note"} | sign_in_tables | outboxes | cards | role_sets  # 7: empty
    assert set(after) == set(before) | new_tables
    assert all(after[table] == [] for table in sign_in_tables | outboxes | cards | role_sets)
    # Migration 12: top-ups keep their rows and charged no saved card.
    assert [row[:-1] for row in after["top_up"]] == before["top_up"]
    assert {row[-1] for row in after["top_up"]} == {None}
    assert before.pop("schema_version") == [(start,)] and after.pop("schema_version") == [(LATEST_VERSION,)]
    for table, rows in before.items():
        changed = ("error_item", "subscription", "usage_counter", "notification", "operator", "wallet", "customer")
        changed += ("top_up",)
        if table in changed + ("job_state",):
            continue
        assert after[table] == rows, f"{table} changed in the upgrade"
    # Migration 13: job rows keep theirs; no lease is held, so none has a start.
    assert [row[:-1] for row in after["job_state"]] == before["job_state"]
    assert {row[-1] for row in after["job_state"]} == {None}
    # Migration 11: customers keep their rows, written to in English, with email on.
    assert [row[:-2] for row in after["customer"]] == before["customer"]
    assert {row[-2:] for row in after["customer"]} == {("en", 0)}
    # Migration 9: each wallet's last movement is the time of its newest ledger entry.
    assert [row[:-1] for row in after["wallet"]] == before["wallet"]
    newest: dict[int, str] = {}
    for entry in before["ledger_entry"]:
        newest[entry[1]] = max(newest.get(entry[1], entry[-1]), entry[-1])
    assert [row[-1] for row in after["wallet"]] == [newest.get(row[0]) for row in before["wallet"]]
    # Migration 8: operators keep their rows, at access version 0 with no failed sign-ins and no lock.
    assert [row[:-3] for row in after["operator"]] == before["operator"]
    assert {row[-3:] for row in after["operator"]} == {(0, 0, None)}
    # Migration 6: old notifications keep their English text and have no parameters.
    assert [row[:-1] for row in after["notification"]] == before["notification"]
    assert {row[-1] for row in after["notification"]} == {None}
    # Migration 5: each subscription meters usage from its period start; open segments are not settled.
    assert [row[:-1] for row in after["subscription"]] == before["subscription"]
    assert [row[-1] for row in after["subscription"]] == [row[7] for row in before["subscription"]]
    assert [row[:-1] for row in after["usage_counter"]] == before["usage_counter"]
    assert {row[-1] for row in after["usage_counter"]} == {0}
    # Every past period charge became an invoice, numbered without gaps and paid by its ledger entry.
    assert [row[1] for row in after["invoice"]] == [f"INV-2026-{n:06d}" for n in range(1, 13)]
    assert len(after["invoice_line"]) == len(after["invoice_payment"]) == 12
    assert [row[:-1] for row in after["error_item"]] == before["error_item"]
    assert {row[-1] for row in after["error_item"]} == {"USD"}
    assert _columns("error_item")["currency"] == ("VARCHAR(3)", 1, "'USD'", 0)

    # The app works on the upgraded file: the report speaks currencies, the books balance, new items say theirs.
    from scheduler.core import build_core
    from services.reports import integrity_check

    core = build_core(FixedClock(NOW), gateway_sleep=lambda s: None)
    report = core.retries.get_failed_subscriptions_report()
    assert report["amount_at_risk_by_currency"] == {"USD": 7500}
    assert {row["operation"]: row["amount_at_risk_minor"] for row in report["by_operation"]} == {"topup": 7500}
    item = core.retries.record_failure(
        "topup", "topup", 99, GatewayTimeout("no answer"), amount_minor=700, context={"currency": "EUR"}
    )
    assert item.currency == "EUR" and ErrorItem.get_by_id(item.id).currency == "EUR"
    assert core.retries.get_failed_subscriptions_report()["amount_at_risk_by_currency"] == {"USD": 7500, "EUR": 700}
    assert integrity_check()["ok"]


def test_migration_1_creates_the_frozen_version_1_tables_not_todays_models(blank):
    migrate(target=1)
    assert {r[1] for r in _schema() if r[0] == "table"} == {m._meta.table_name for m in schema_v1.ALL_TABLES} | {
        "schema_version"
    }
    for model in schema_v1.ALL_TABLES:
        assert set(_columns(model._meta.table_name)) == {f.column_name for f in model._meta.sorted_fields}
    assert "currency" in ErrorItem._meta.fields and "currency" not in _columns("error_item")


# The version-1 schema as it shipped. If this fails, models/schema_v1.py was edited: restore it and
# describe the change as a new migration instead.
V1_SCHEMA_SHA256 = "0334341b78c31e12324ed63746cfc6dc910aa15483e4cc9432b49cdea6d7dcfd"


def _shape(table: str) -> list:
    return [sorted(_columns(table).items()), sorted(_foreign_keys(table)), sorted(_index_columns(table))]


def test_the_version_1_schema_is_frozen(blank):
    migrate(target=1)
    shape = {m._meta.table_name: _shape(m._meta.table_name) for m in schema_v1.ALL_TABLES}
    text = json.dumps(shape, sort_keys=True)
    assert hashlib.sha256(text.encode()).hexdigest() == V1_SCHEMA_SHA256, text


def test_migrating_a_current_database_writes_nothing_and_runs_no_step(blank):
    assert migrate() == LATEST_VERSION
    _fill_a_shop_at(LATEST_VERSION)
    digest, schema = _file_digest(blank), _schema()
    ran = []
    counting = [(n, title, lambda n=n: ran.append(n)) for n, title, _ in MIGRATIONS]
    assert migrate(steps=counting) == LATEST_VERSION
    assert migrate() == LATEST_VERSION
    database.close()
    init_database(str(blank))  # what every start of the app does
    migrate()
    database.connect(reuse_if_open=True)
    assert ran == [] and _schema() == schema and _file_digest(blank) == digest


def _half_done(database_changes):
    def step():
        for sql in database_changes:
            database.execute_sql(sql)
        raise RuntimeError("disk on fire half way through the step")

    return step


def test_a_step_that_fails_half_way_leaves_version_and_schema_as_they_were(blank):
    migrate()
    _fill_a_shop_at(LATEST_VERSION)
    digest, schema, rows = _file_digest(blank), _schema(), _all_rows()

    def broken():
        migrator = SchemaMigrator.from_database(database)
        run_operations(migrator.add_column("customer", "nickname", TextField(null=True)))
        database.execute_sql("CREATE TABLE loyalty (id INTEGER PRIMARY KEY, points INTEGER NOT NULL)")
        database.execute_sql("CREATE INDEX customer_by_nickname ON customer (nickname)")
        database.execute_sql("UPDATE customer SET nickname = 'x'")
        database.execute_sql("DROP TRIGGER ledger_entry_no_update")  # migrations may touch the guards
        _half_done(["INSERT INTO loyalty (points) VALUES (1)"])()

    steps = MIGRATIONS + [(LATEST_VERSION + 1, "loyalty points", broken)]
    with pytest.raises(RuntimeError, match="half way"):
        migrate(steps=steps)
    assert current_version() == LATEST_VERSION
    assert _schema() == schema and "nickname" not in _columns("customer")
    assert _all_rows() == rows
    assert _file_digest(blank) == digest


def test_after_a_failed_upgrade_the_next_start_finishes_it(blank):
    migrate(target=1)
    before = _fill_a_shop_at(1)
    real_step_3 = dict((n, step) for n, _, step in MIGRATIONS)[3]

    def step_3_then_crash():
        real_step_3()  # the column is added inside the transaction...
        assert "currency" in _columns("error_item")
        raise OSError("power cut")  # ...and rolled back with it

    steps = [(n, t, step_3_then_crash if n == 3 else s) for n, t, s in MIGRATIONS]
    with pytest.raises(OSError):
        migrate(steps=steps)
    assert current_version() == 2  # step 2 had committed on its own
    assert "currency" not in _columns("error_item")
    assert migrate() == LATEST_VERSION
    after = _all_rows()
    assert [row[:-1] for row in after["error_item"]] == before["error_item"]
    assert after["error_attempt"] == before["error_attempt"]


def test_the_migrated_schema_is_the_schema_the_models_describe(blank, tmp_path):
    """Forgetting the migration for a model change (or the model change for a migration) fails here."""
    migrate()
    migrated = {
        m._meta.table_name: (
            _columns(m._meta.table_name),
            _foreign_keys(m._meta.table_name),
            _index_columns(m._meta.table_name),
        )
        for m in ALL_TABLES
    }
    database.close()
    reference = open_database(str(tmp_path / "from_models.sqlite3"))
    database.initialize(reference)
    database.connect()
    database.create_tables(ALL_TABLES)
    for model in ALL_TABLES:
        table = model._meta.table_name
        expected = (_columns(table), _foreign_keys(table), _index_columns(table))
        assert migrated[table][0] == expected[0], f"{table}: columns differ from models/tables.py"
        assert migrated[table][1] == expected[1], f"{table}: foreign keys differ from models/tables.py"
        assert expected[2] <= migrated[table][2], f"{table}: an index of models/tables.py is missing"


def _foreign_keys(table: str) -> set[tuple]:
    return {(r[2], r[3], r[4], r[6]) for r in database.execute_sql(f'PRAGMA foreign_key_list("{table}")')}


def _index_columns(table: str) -> set[tuple]:
    found = set()
    for _, name, unique, *_ in database.execute_sql(f'PRAGMA index_list("{table}")'):
        columns = tuple(r[2] for r in database.execute_sql(f'PRAGMA index_info("{name}")'))
        found.add((columns, unique))
    return found


def test_two_programs_starting_together_apply_each_step_once(db_path, monkeypatch):
    """A worker reads the version of a fresh shared file, then a desk upgrades it before the worker goes on:
    the worker must see under the write lock that each step is done, not run it a second time."""
    from models import migrations

    init_database(str(db_path))
    worker_read, desk_done = threading.Event(), threading.Event()
    ran, errors, results = [], [], {}
    read_version = migrations.current_version

    def version_then_stall():
        version = read_version()
        if threading.current_thread().name == "worker":
            worker_read.set()
            desk_done.wait(30)  # the worker holds a stale version while the desk migrates
        return version

    monkeypatch.setattr(migrations, "current_version", version_then_stall)
    steps = [(n, t, lambda n=n, s=s: (ran.append(n), s())) for n, t, s in MIGRATIONS]

    def start(name):
        try:
            with database.connection_context():
                results[name] = migrate(steps=steps)
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(f"{name}: {error!r}")
        finally:
            if name == "desk":
                desk_done.set()

    worker = threading.Thread(target=start, args=("worker",), name="worker")
    worker.start()
    assert worker_read.wait(10)
    desk = threading.Thread(target=start, args=("desk",), name="desk")
    desk.start()
    for program in (desk, worker):
        program.join(60)
    assert errors == []
    assert results == {"desk": LATEST_VERSION, "worker": LATEST_VERSION}
    assert sorted(ran) == [n for n, _, _ in MIGRATIONS], "a step ran twice"
    with database.connection_context():
        assert read_version() == LATEST_VERSION


def test_a_database_from_a_newer_program_is_refused_not_damaged(blank, capsys):
    migrate()
    database.execute_sql(f"UPDATE schema_version SET version = {LATEST_VERSION + 1}")
    database.close()
    digest = hashlib.sha256(blank.read_bytes()).hexdigest()
    database.connect()
    with pytest.raises(SchemaTooNew, match="newer"):
        migrate()
    database.close()
    code = main.main(["--db", str(blank), "check"])
    database.close()
    err = capsys.readouterr().err
    assert code == 2 and err.startswith("error: ") and "newer" in err and err.count("\n") == 1, err
    assert hashlib.sha256(blank.read_bytes()).hexdigest() == digest
    check = sqlite3.connect(blank)
    try:
        assert check.execute("SELECT version FROM schema_version").fetchone()[0] == LATEST_VERSION + 1
    finally:
        check.close()
