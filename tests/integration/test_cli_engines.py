"""The command line end to end on the engine under test: PostgreSQL when SUBS_TEST_DATABASE_URL is set.

Each command goes through ``main.main`` with ``--db`` naming the database the ``db`` fixture opened,
as an operator's shell or a cron line would; the answers are read from the JSON each one prints.
"""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

import main
from models.db import database, init_database
from tests.conftest import POSTGRES_URL

Run = Callable[..., tuple[int, dict | None, str]]


@pytest.fixture
def cli(db, db_url: str, capsys: pytest.CaptureFixture[str]) -> Run:
    database.close()  # main opens its own connection to the same database

    def run(*args: str, now: str | None = None) -> tuple[int, dict | None, str]:
        argv = ["--db", db_url] + (["--now", now] if now else []) + list(args)
        code = main.main(argv)
        database.close()
        out = capsys.readouterr()
        return code, (json.loads(out.out) if out.out.strip() else None), out.err

    return run


def _first_pending_renewal(db_url: str) -> tuple[int, str]:
    from models.tables import Customer, Subscription

    init_database(db_url)
    with database.connection_context():
        pending = (
            Subscription.select().where(Subscription.status == "pending_renewal").order_by(Subscription.id).first()
        )
        assert pending is not None
        return pending.id, Customer.get_by_id(pending.customer_id).email


def test_the_engine_under_test_is_the_one_named() -> None:
    url = main.build_parser().parse_args(["--db", POSTGRES_URL or "x.sqlite3", "report"]).db
    assert url.startswith("postgresql://") == bool(POSTGRES_URL)


def test_demo_renew_report_topup_gateway_check(cli: Run, db_url: str) -> None:
    code, demo, _ = cli("demo", "--customers", "120", "--seed", "11", now="2026-03-01T08:00:00")
    assert code == 0 and demo is not None and demo["customers"] == 120

    code, renew, _ = cli("renew", now="2026-04-01T08:00:00")
    assert code == 0 and renew is not None
    assert renew["due"] > 0 and renew["renewed"] > 0 and renew["pending_renewal"] > 0
    assert renew["charged_minor"] > 0 and isinstance(renew["charged_minor"], int)

    code, report, _ = cli("report", now="2026-04-01T08:00:00")
    assert code == 0 and report is not None
    assert report["subscriptions"]["pending_renewal"] == renew["pending_renewal"]
    assert report["wallets"]["balance_minor"] == report["wallets"]["ledger_minor"]

    pending_id, email = _first_pending_renewal(db_url)
    code, topped, _ = cli("topup", email, "500.00", "--key", "e2e-topup-1", now="2026-04-01T09:00:00")
    assert code == 0 and topped is not None
    assert topped["topup"]["status"] == "succeeded" and topped["topup"]["renewed"] >= 1
    assert {s["id"]: s["status"] for s in topped["subscriptions"]}[pending_id] == "active"

    # The same idempotency key does not charge a second time.
    code, again, _ = cli("topup", email, "500.00", "--key", "e2e-topup-1", now="2026-04-01T09:05:00")
    assert code == 0 and again is not None and again["topup"]["id"] == topped["topup"]["id"]

    code, second, _ = cli("renew", now="2026-04-01T09:00:00")
    assert code == 0 and second is not None and second["renewed"] == 0 and second["charged_minor"] == 0

    code, gateway, _ = cli("gateway", "--error-rate", "0.25", "--outage", "on")
    assert code == 0 and gateway is not None
    assert gateway["gateway"]["gateway.error_rate"] == 0.25 and gateway["gateway"]["gateway.outage"] is True
    code, shown, _ = cli("gateway")
    assert code == 0 and shown is not None and shown["gateway"] == gateway["gateway"]

    # During the outage a top-up is left to retry: nothing reaches the card, no money moves.
    _, before, _ = cli("report", now="2026-04-01T10:00:00")
    code, waiting, _ = cli("topup", email, "10.00", now="2026-04-01T10:00:00")
    assert code == 0 and waiting is not None
    assert waiting["topup"]["status"] == "retrying" and waiting["topup"]["gateway_charge_id"] is None
    _, after, _ = cli("report", now="2026-04-01T10:00:00")
    assert before is not None and after is not None
    assert after["wallets"]["balance_minor"] == before["wallets"]["balance_minor"] == after["wallets"]["ledger_minor"]

    code, check, _ = cli("check", now="2026-04-01T10:00:00")
    assert code == 0 and check == {"ok": True, "violations": []}


def test_check_exits_1_on_a_broken_wallet(cli: Run, db_url: str) -> None:
    cli("demo", "--customers", "5", now="2026-03-01T08:00:00")
    init_database(db_url)
    with database.connection_context():
        database.execute_sql("UPDATE wallet SET balance_minor = balance_minor + 1 WHERE id = 1")
    code, result, _ = cli("check")
    assert code == 1 and result is not None and result["ok"] is False
    assert result["violations"][0]["kind"] == "wallet_balance_mismatch"


def test_every_gateway_knob_at_once(cli: Run) -> None:
    cli("demo", "--customers", "5", now="2026-03-01T08:00:00")
    code, out, _ = cli("gateway", "--error-rate", "0.25", "--latency-ms", "5-80", "--outage", "on")
    assert code == 0 and out is not None
    assert out["gateway"]["gateway.error_rate"] == 0.25
    assert (out["gateway"]["gateway.latency_min_ms"], out["gateway"]["gateway.latency_max_ms"]) == (5, 80)
    assert out["gateway"]["gateway.outage"] is True


def test_subscriptions_usage_invoices_and_the_scheduler_commands(cli: Run, db_url: str) -> None:
    """Every other command, on the engine under test: subscribe, usage, access, invoice, cancel, reinstate,
    retry, pause, resume and run."""
    cli("demo", "--customers", "5", "--seed", "3", now="2026-03-01T08:00:00")
    code, topped, _ = cli("topup", "newcomer@example.com", "100.00", now="2026-03-01T08:05:00")
    assert code == 2 and topped is None  # no such customer: refused, nothing written
    init_database(db_url)
    with database.connection_context():
        from models.tables import Customer

        email = Customer.select().order_by(Customer.id).first().email
    database.close()
    cli("topup", email, "200.00", "--key", "e2e-sub-funds", now="2026-03-01T08:10:00")

    code, subscribed, err = cli("subscribe", email, "starter", "--reason", "e2e", now="2026-03-01T08:15:00")
    assert code == 0 and subscribed is not None, err
    assert subscribed["status"] == "active" and subscribed["plan_code"] == "starter"
    code, used, err = cli("usage", email, "sms", "3", "--key", "e2e-usage-1", now="2026-03-01T09:00:00")
    assert code == 0 and used is not None, err
    code, access, _ = cli("access", email, "api_calls", now="2026-03-01T09:00:00")
    assert code in (0, 1) and access is not None and "allowed" in access

    code, canceled, _ = cli("cancel", email, "starter", "--reason", "e2e", now="2026-03-02T08:00:00")
    assert code == 0 and canceled is not None and canceled["status"] == "canceled"
    code, back, _ = cli("reinstate", email, "starter", now="2026-03-02T09:00:00")
    assert code == 0 and back is not None and back["status"] == "active"

    init_database(db_url)
    with database.connection_context():
        from models.tables import Invoice

        number = Invoice.select().where(Invoice.subscription == subscribed["id"]).order_by(Invoice.id).first().number
    database.close()
    code, invoice, _ = cli("invoice", number)
    assert code == 0 and invoice is not None and invoice["invoice"]["number"] == number and invoice["lines"]

    assert cli("retry", now="2026-03-02T10:00:00")[0] == 0
    code, paused, _ = cli("pause", "--reason", "e2e freeze")
    assert code == 0 and paused == {"paused": True}
    assert cli("resume")[:2] == (0, {"paused": False})
    code, ran, _ = cli("run", "janitor", now="2026-03-02T10:00:00")
    assert code == 0 and ran is not None and ran["name"] == "janitor" and ran["last_error"] is None

    code, check, _ = cli("check", now="2026-03-02T10:00:00")
    assert code == 0 and check == {"ok": True, "violations": []}
