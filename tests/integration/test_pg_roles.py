"""On PostgreSQL each desk or worker may connect with a login of its own, a member of PREFIX_viewer,
PREFIX_operator or PREFIX_admin: the database then refuses what the login's group may not do,
whatever program connects with it (raw SQL here, not the app's own checks)."""

from __future__ import annotations

import contextlib
import json
import logging
import uuid
from collections.abc import Iterator
from urllib.parse import urlparse

import peewee
import pytest

import main
from models.db import APPEND_ONLY_TABLES, database, init_database, is_permission_denied
from models.migrations import LATEST_VERSION, MIGRATIONS, MigrationNeedsOwner, _refuse_update_and_delete, migrate
from models.pg_roles import apply_grants, grant_login
from models.tables import AuditEntry, Customer, Operator, SignInDesk, TopUp
from services.auth import Actor
from tests.conftest import POSTGRES_URL

ADMIN = Actor("alice", "admin")


@pytest.mark.skipif(bool(POSTGRES_URL), reason="the SQLite answer")
def test_db_roles_on_sqlite_says_roles_are_postgresql_only(db_url, db, capsys):
    database.close()
    assert main.main(["--db", db_url, "db-roles"]) == 2
    err = capsys.readouterr().err
    assert "only on PostgreSQL" in err and "Traceback" not in err


def test_db_roles_wants_a_login_and_its_group_together(db_url, capsys):
    assert main.main(["--db", db_url, "db-roles", "--grant-login", "ana"]) == 2
    assert "--as" in capsys.readouterr().err


postgres_only = pytest.mark.skipif(not POSTGRES_URL, reason="needs PostgreSQL: /tmp/pg-subset or .ci sets it")


def login_url(login: str) -> str:
    assert POSTGRES_URL is not None
    parts = urlparse(POSTGRES_URL)
    return parts._replace(netloc=f"{login}@{parts.hostname}:{parts.port or 5432}").geturl()


@contextlib.contextmanager
def connected_as(login: str) -> Iterator[None]:
    """The shared handle bound to ``login`` for the block, as a desk started with that login would be."""
    owner = database.obj
    other = init_database(login_url(login))
    try:
        with other.connection_context():
            yield
    finally:
        database.initialize(owner)


def refused(sql: str, params: tuple = ()) -> BaseException:
    """Run ``sql`` in a transaction of its own; it must fail for the login's grants (not for a trigger)."""
    with pytest.raises(peewee.DatabaseError) as failure, database.atomic():
        database.execute_sql(sql, params)
    assert is_permission_denied(failure.value), failure.value
    return failure.value


def allowed(sql: str, params: tuple = ()) -> None:
    with database.atomic():
        database.execute_sql(sql, params)


class Logins:
    def __init__(self, prefix: str):
        self.prefix = prefix
        self.viewer, self.operator, self.admin = (f"{prefix}_{g}_login" for g in ("v", "o", "a"))

    def all(self) -> tuple[str, str, str]:
        return self.viewer, self.operator, self.admin


@pytest.fixture
def logins(core) -> Iterator[Logins]:
    """The roles set up by their command, and one login in each group; the owner is the suite's own login."""
    made = Logins("t" + uuid.uuid4().hex[:8])
    for login in made.all():
        database.execute_sql(f"CREATE ROLE {login} LOGIN")
    apply_grants(made.prefix)
    for login, group in zip(made.all(), ("viewer", "operator", "admin"), strict=True):
        grant_login(login, group, made.prefix)
    yield made
    everyone = [*made.all(), *(f"{made.prefix}_{g}" for g in ("viewer", "operator", "admin"))]
    database.execute_sql(f"DROP OWNED BY {', '.join(everyone)}")
    database.execute_sql(f"DROP ROLE {', '.join(everyone)}")


@pytest.fixture
def shop(core):
    """A customer with a wallet and a top-up: a ledger entry and audit rows to aim at."""
    customer = core.customers.create_customer(ADMIN, "Ada Lovelace", "ada@example.com")
    core.payments.top_up(ADMIN, customer.email, "25.00", idempotency_key="first")
    return customer


@postgres_only
def test_a_viewer_login_reads_everything_and_the_database_refuses_its_writes(core, logins, shop):
    with connected_as(logins.viewer):
        assert [c.email for c in core.customers.search("ada")] == ["ada@example.com"]
        assert database.execute_sql("SELECT COUNT(*) FROM ledger_entry").fetchone()[0] == 1
        assert database.execute_sql("SELECT COUNT(password_hash) FROM operator").fetchone()[0] == 0
        refused(
            "INSERT INTO customer (name, email, status, created_at) VALUES ('Eve', 'eve@example.com', 'active', now())"
        )
        refused("UPDATE customer SET name = 'Eve'")
        refused("DELETE FROM customer")
        refused("UPDATE wallet SET balance_minor = 1000000")
        refused("DELETE FROM wallet")
        refused(
            "INSERT INTO wallet (customer_id, currency, balance_minor, created_at) VALUES (%s, 'EUR', 5, now())",
            (shop.id,),
        )
        refused(
            "INSERT INTO ledger_entry (wallet_id, kind, amount_minor, balance_after_minor, idempotency_key, actor, "
            "created_at) SELECT id, 'adjustment', 100, 2600, 'forged', 'eve', now() FROM wallet"
        )
        refused("UPDATE ledger_entry SET amount_minor = 0")
        refused("DELETE FROM ledger_entry")
        refused("UPDATE operator SET role = 'admin'")
        # what its own desk writes when signing in is the one exception, and only those rows' audit
        refused("INSERT INTO audit_entry (actor, action, created_at) VALUES ('alice', 'refund', now())")
        allowed("CREATE TEMPORARY TABLE customer (id INTEGER)")  # its own, which it may write …
        refused("INSERT INTO audit_entry (actor, action, created_at) VALUES ('alice', 'refund', now())")  # … no use
    assert [c.name for c in Customer.select()] == ["Ada Lovelace"]


@postgres_only
def test_an_operator_login_tops_up_but_cannot_change_or_remove_ledger_and_audit_rows(core, logins, shop):
    core.operators.create_first_admin("alice", "alice-password-1")
    core.operators.create_operator(ADMIN, "oscar", "oscar-password-1", "operator", "new colleague")
    with connected_as(logins.operator):
        oscar = core.operators.authenticate("oscar", "oscar-password-1", device="back-office")
        topped = core.payments.top_up(oscar, shop.email, "10.00", idempotency_key="second")
        assert topped.status == "succeeded"
        assert core.customers.wallets(shop.id)[0].balance_minor == 3500
        for table in APPEND_ONLY_TABLES:
            # refused for the login's grants, before the append-only trigger is even reached
            refused(f"UPDATE {table} SET id = id")
            refused(f"DELETE FROM {table}")
            refused(f"TRUNCATE {table}")
        refused("UPDATE plan SET price_minor = 1")  # the catalogue, settings and accounts are an admin login's
        refused("INSERT INTO setting (key, value, updated_at) VALUES ('gateway.outage', 'true', now())")
        refused("UPDATE operator SET role = 'admin'")
        allowed("UPDATE customer SET name = 'Ada King' WHERE id = %s", (shop.id,))
        with pytest.raises(peewee.DatabaseError) as own_password:  # an account is changed at an admin's login
            core.operators.change_own_password(oscar, "oscar-password-1", "oscar-password-2")
        assert is_permission_denied(own_password.value)
        allowed("INSERT INTO job_state (name, paused) VALUES ('probe', false)")  # the jobs' leases
    with connected_as(logins.admin):
        allowed("INSERT INTO setting (key, value, updated_at) VALUES ('gateway.outage', 'false', now())")
        core.operators.change_own_password(oscar, "oscar-password-1", "oscar-password-2")
        refused("UPDATE ledger_entry SET id = id")
        refused("DELETE FROM audit_entry")
    assert TopUp.select().count() == 2


@postgres_only
def test_a_viewer_login_holds_select_and_the_sign_in_bookkeeping_alone(core, logins):
    def grants(view: str, what: str) -> set[tuple[str, ...]]:
        rows = database.execute_sql(
            f"SELECT {what} FROM information_schema.{view} WHERE grantee = %s AND privilege_type <> 'SELECT'",
            (f"{logins.prefix}_viewer",),
        ).fetchall()
        return set(rows)

    assert grants("role_table_grants", "table_name, privilege_type") == {
        ("sign_in_desk", "INSERT"),
        ("sign_in_desk", "UPDATE"),
        ("sign_in_desk", "DELETE"),
        ("audit_entry", "INSERT"),
    }
    assert grants("column_privileges", "table_name, column_name, privilege_type") >= {
        ("operator", "failed_sign_ins", "UPDATE"),
        ("operator", "locked_until", "UPDATE"),
        ("notification", "read_at", "UPDATE"),
    }
    assert {row[0] for row in grants("column_privileges", "table_name")} == {
        "operator",
        "notification",
        "sign_in_desk",
        "audit_entry",
    }


@postgres_only
def test_no_login_can_drop_or_alter_a_table_or_its_triggers(core, logins):
    for login in logins.all():
        with connected_as(login):
            refused("DROP TABLE customer")
            refused("DROP TABLE ledger_entry CASCADE")
            refused("ALTER TABLE ledger_entry DISABLE TRIGGER ALL")
            refused("DROP TRIGGER ledger_entry_append_only ON ledger_entry")
            refused("ALTER TABLE wallet ADD COLUMN note TEXT")
            refused("CREATE TABLE stash (id INTEGER)")


def loyalty_step() -> None:
    database.execute_sql("CREATE TABLE loyalty_point (id SERIAL PRIMARY KEY, customer_id INTEGER, points INTEGER)")
    database.execute_sql("CREATE TABLE loyalty_grant (id SERIAL PRIMARY KEY, points INTEGER)")
    _refuse_update_and_delete(("loyalty_grant",))


@postgres_only
def test_a_table_a_later_migration_adds_gets_its_grants_and_only_the_owner_migrates(core, logins):
    later = [*MIGRATIONS, (LATEST_VERSION + 1, "loyalty points", loyalty_step)]
    with connected_as(logins.admin):
        with pytest.raises(MigrationNeedsOwner, match="ask the owner of the tables to run migrate"):
            migrate(steps=later)
        assert not database.table_exists("loyalty_point")
    assert migrate(steps=later) == LATEST_VERSION + 1
    with connected_as(logins.operator):
        allowed("INSERT INTO loyalty_point (customer_id, points) VALUES (1, 5)")
        allowed("UPDATE loyalty_point SET points = 6")
        allowed("INSERT INTO loyalty_grant (points) VALUES (5)")
        refused("UPDATE loyalty_grant SET points = 6")  # append-only: insert alone
        refused("DROP TABLE loyalty_point")
    with connected_as(logins.viewer):
        assert database.execute_sql("SELECT points FROM loyalty_point").fetchall() == [(6,)]
        refused("INSERT INTO loyalty_point (customer_id, points) VALUES (1, 5)")


@postgres_only
def test_a_desk_signed_in_as_admin_over_a_viewer_login_reads_but_the_database_refuses_writes(core, logins, shop):
    from ui.errors import KnownFailure, describe, known_failure

    core.operators.create_first_admin("alice", "correct horse battery")
    notice = core.notifications.post("topup_succeeded", "Top-up", dedup_key="n1")
    assert notice is not None
    with connected_as(logins.viewer):
        with pytest.raises(Exception, match="unknown operator or wrong password"):
            core.operators.authenticate("alice", "wrong horse", device="front-desk")
        alice = core.operators.authenticate("alice", "correct horse battery", device="front-desk")
        assert alice.role == "admin" and alice.failed_sign_ins == 1
        assert core.notifications.mark_read(alice, [notice.id]) == 1
        assert [c.email for c in core.customers.search("ada")] == ["ada@example.com"]
        with pytest.raises(peewee.DatabaseError) as top_up:
            core.payments.top_up(alice, shop.email, "10.00", idempotency_key="at-the-viewer-desk")
        with pytest.raises(peewee.DatabaseError) as new_plan_price:
            core.customers.create_customer(alice, "Eve", "eve@example.com")
    for failure in (top_up.value, new_plan_price.value):
        assert known_failure(failure) is KnownFailure.DATABASE_LOGIN_REFUSED
        assert "this desk's database login can only read" in describe(failure)
    assert TopUp.select().count() == 1 and Customer.select().count() == 1
    # the failed sign-in was counted and audited, the good one cleared the count
    assert Operator.get(Operator.username == "alice").failed_sign_ins == 0
    assert SignInDesk.select().count() == 0
    assert AuditEntry.select().where(AuditEntry.action == "operator.sign_in_failed").count() == 1


@postgres_only
def test_a_viewer_logins_desk_leaves_the_scheduled_jobs_to_logins_that_may_write(core, logins, caplog):
    caplog.set_level(logging.WARNING)
    with connected_as(logins.viewer):
        scheduler = core.build_scheduler()
        scheduler.start()
        assert scheduler.stop(timeout=10)
    assert "this database login can only read" in caplog.text
    assert database.execute_sql("SELECT COUNT(*) FROM job_state").fetchone()[0] == 0


@postgres_only
def test_the_command_line_says_a_read_only_login_can_only_read(core, logins, shop, capsys):
    owner = database.obj
    try:
        assert main.main(["--db", login_url(logins.viewer), "report"]) == 0
        capsys.readouterr()
        assert main.main(["--db", login_url(logins.viewer), "topup", shop.email, "10.00"]) == 2
        err = capsys.readouterr().err
        assert f"this database login ({logins.viewer}) can only read; nothing was written" in err
        assert "Traceback" not in err
        assert main.main(["--db", login_url(logins.viewer), "worker"]) == 2
        assert "can only read" in capsys.readouterr().err
        assert main.main(["--db", login_url(logins.operator), "gateway", "--outage", "on"]) == 2
        assert "need an admin's login" in capsys.readouterr().err
    finally:
        database.initialize(owner)
    assert TopUp.select().count() == 1


@postgres_only
def test_a_login_that_does_not_own_the_tables_asks_the_owner_to_migrate(core, logins, capsys):
    database.execute_sql("UPDATE schema_version SET version = %s", (LATEST_VERSION - 1,))
    owner = database.obj
    try:
        assert main.main(["--db", login_url(logins.operator), "report"]) == 2
        err = capsys.readouterr().err
        assert f"the database login '{logins.operator}' does not own the tables" in err
        assert "ask the owner of the tables to run migrate" in err and "Traceback" not in err
        assert main.main(["--db", POSTGRES_URL, "migrate"]) == 0
        assert json.loads(capsys.readouterr().out) == {"schema_version": LATEST_VERSION}
        assert main.main(["--db", login_url(logins.operator), "report"]) == 0
        assert main.main(["--db", login_url(logins.admin), "db-roles"]) == 2
        assert "only the owner of the tables can grant" in capsys.readouterr().err
    finally:
        database.initialize(owner)


@postgres_only
def test_db_roles_sets_up_the_groups_and_a_login_and_runs_again_unchanged(core, capsys):
    prefix = "c" + uuid.uuid4().hex[:8]
    database.execute_sql(f"CREATE ROLE {prefix}_desk LOGIN")
    owner = database.obj
    try:
        args = ["--db", POSTGRES_URL, "db-roles", "--prefix", prefix, "--grant-login", f"{prefix}_desk"]
        assert main.main([*args, "--as", "operator"]) == 0
        first = json.loads(capsys.readouterr().out)
        assert first["roles"] == {g: f"{prefix}_{g}" for g in ("viewer", "operator", "admin")}
        assert sorted(first["created"]) == sorted(first["roles"].values())
        assert first["login"] == {"name": f"{prefix}_desk", "role": f"{prefix}_operator"}
        database.execute_sql(f"GRANT UPDATE ON customer TO {prefix}_viewer")  # a hand-made grant …
        assert main.main([*args, "--as", "viewer"]) == 0  # moved to another group: member of that one alone
        assert json.loads(capsys.readouterr().out)["created"] == []
        with database.connection_context():  # … is gone after the next run
            assert not database.execute_sql(
                "SELECT has_table_privilege(%s, 'customer', 'UPDATE')", (f"{prefix}_viewer",)
            ).fetchone()[0]
        assert main.main([*args[:-1], "nobody_here", "--as", "viewer"]) == 2
        assert "there is no database login 'nobody_here'" in capsys.readouterr().err
        assert main.main(["--db", POSTGRES_URL, "db-roles", "--prefix", "Bad-Name"]) == 2
        assert "role prefix" in capsys.readouterr().err
    finally:
        database.initialize(owner)
    with database.connection_context():
        groups = database.execute_sql(
            "SELECT g.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid "
            "JOIN pg_roles u ON u.oid = m.member WHERE u.rolname = %s",
            (f"{prefix}_desk",),
        ).fetchall()
        assert groups == [(f"{prefix}_viewer",)]
        everyone = ", ".join(f"{prefix}_{g}" for g in ("viewer", "operator", "admin", "desk"))
        database.execute_sql(f"DROP OWNED BY {everyone}")
        database.execute_sql(f"DROP ROLE {everyone}")


def _read_modal_box_then_close(seen: list[tuple[str, str, str]]) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    box = QApplication.activeModalWidget()
    if not isinstance(box, QMessageBox):
        QTimer.singleShot(20, lambda: _read_modal_box_then_close(seen))
        return
    seen.append((box.windowTitle(), box.text(), box.informativeText()))
    box.close()


@postgres_only
def test_a_desktop_whose_login_cannot_migrate_says_so_in_a_window(core, logins, qapp, capsys):
    from PySide6.QtCore import QTimer

    database.execute_sql("UPDATE schema_version SET version = %s", (LATEST_VERSION - 1,))
    seen: list[tuple[str, str, str]] = []
    QTimer.singleShot(0, lambda: _read_modal_box_then_close(seen))
    owner = database.obj
    try:
        assert main.main(["--db", login_url(logins.viewer)]) == 2
    finally:
        database.initialize(owner)
    [(title, text, detail)] = seen
    assert title == "Subscriptions Admin cannot start"
    assert text.startswith("The database needs an upgrade that only the owner of its tables can make.")
    assert f"the database login '{logins.viewer}' does not own the tables" in detail
    assert "ask the owner of the tables to run migrate" in capsys.readouterr().err


@postgres_only
def test_remember_me_at_a_viewer_logins_desk_signs_in_and_keeps_nothing(core, logins, qtbot, memory_keyring):
    from ui.login import LoginDialog
    from ui.tasks import TaskRunner

    core.operators.create_first_admin("alice", "alice-password-1")
    core.operators.create_operator(ADMIN, "vera", "vera-password-1", "viewer", "new colleague")
    with connected_as(logins.viewer):
        dialog = LoginDialog(core, TaskRunner(synchronous=True), first_run=False)
        qtbot.addWidget(dialog)
        dialog.username.setText("vera")
        dialog.password.setText("vera-password-1")
        dialog.remember.setChecked(True)  # its tokens are not a viewer's login's to keep
        dialog.on_ok_clicked()
        assert dialog.actor is not None and dialog.actor.name == "vera"
        assert dialog.result() == LoginDialog.DialogCode.Accepted
    assert [key for key in memory_keyring.store if "vera" in key[1]] == []
    assert database.execute_sql("SELECT COUNT(*) FROM sign_in_token").fetchone()[0] == 0


@postgres_only
def test_every_page_of_an_admins_desk_over_a_viewer_login_opens(core, logins, qtbot, clock, tmp_path, caplog):
    from PySide6.QtCore import QSettings

    from services.demo import create_demo
    from ui.app import build_main_window
    from ui.tasks import TaskRunner

    create_demo(clock, customers=20, seed=5)
    caplog.set_level(logging.ERROR)
    with connected_as(logins.viewer):
        qsettings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
        window, ctx = build_main_window(core, ADMIN, TaskRunner(synchronous=True), qsettings, demo=True)
        qtbot.addWidget(window)
        window.show()
        for row in range(len(window.pages)):
            window.nav.setCurrentRow(row)
            qtbot.wait(10)
        ctx.bridge.stop(timeout=5)
        window.close()
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR] == []


@postgres_only
def test_every_scheduled_job_runs_with_an_operators_login(core, logins, clock):
    from services.demo import create_demo

    create_demo(clock, customers=20, seed=5)
    with connected_as(logins.operator):
        scheduler = core.build_scheduler()
        for name in scheduler.job_names:
            state = scheduler.run_job(name)
            assert (name, state.last_error) == (name, None)
