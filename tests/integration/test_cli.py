"""The command line, as a script or a worker on a server would use it."""

import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import main
from models.db import database

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def cli(tmp_path, capsys):
    path = tmp_path / "cli.sqlite3"

    def run(*args, now=None):
        argv = ["--db", str(path)] + (["--now", now] if now else []) + list(args)
        code = main.main(argv)
        database.close()
        out = capsys.readouterr()
        return code, (json.loads(out.out) if out.out.strip() else None), out.err

    run.path = path
    return run


def digest(path: Path) -> str:
    database.close()
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else "absent"


def test_demo_renew_topup_scenario(cli):
    code, demo, _ = cli("demo", "--customers", "300", "--seed", "11", now="2026-03-01T08:00:00")
    assert code == 0 and demo["customers"] == 300
    code, renew, _ = cli("renew", now="2026-04-01T08:00:00")
    assert code == 0 and renew["due"] > 0
    assert renew["pending_renewal"] > 0 and renew["renewed"] > 0
    _, report, _ = cli("report", now="2026-04-01T08:00:00")
    assert report["subscriptions"]["pending_renewal"] == renew["pending_renewal"]
    assert report["wallets"]["balance_minor"] == report["wallets"]["ledger_minor"]
    from models.tables import Customer, Subscription

    database.connect(reuse_if_open=True)
    pending = Subscription.select().where(Subscription.status == "pending_renewal").first()
    email = Customer.get_by_id(pending.customer_id).email
    database.close()
    code, topped, _ = cli("topup", email, "500.00", now="2026-04-01T09:00:00")
    assert code == 0 and topped["topup"]["status"] == "succeeded"
    assert topped["topup"]["renewed"] >= 1
    assert {s["id"]: s["status"] for s in topped["subscriptions"]}[pending.id] == "active"
    code, again, _ = cli("renew", now="2026-04-01T09:00:00")
    assert again["renewed"] == 0 and again["charged_minor"] == 0
    code, check, _ = cli("check")
    assert code == 0 and check == {"ok": True, "violations": []}


@pytest.mark.parametrize(
    "args",
    [
        ["topup", "nobody@example.com"],
        ["topup", "a@example.com", "-5"],
        ["topup", "a@example.com", "NaN"],
        ["topup", "a@example.com", "12.345"],
        ["usage", "a@example.com", "api_calls", "-1"],
        ["usage", "a@example.com", "api_calls", "1.5"],
        ["gateway", "--error-rate", "2"],
        ["gateway", "--error-rate", "nan"],
        ["gateway", "--latency-ms", "50-10"],
        ["gateway", "--outage", "maybe"],
        ["demo", "--customers", "0"],
        ["demo", "--customers", "many"],
        ["frobnicate"],
    ],
)
def test_bad_arguments_exit_2_with_a_message_and_write_nothing(cli, args):
    cli("demo", "--customers", "5", now="2026-03-01T08:00:00")
    before = digest(cli.path)
    code, out, err = cli(*args)
    assert code == 2 and out is None
    assert err.startswith("error: ") and "Traceback" not in err
    assert digest(cli.path) == before


def test_bad_now_is_refused_before_anything_opens(cli):
    code, _, err = cli("report", now="yesterday")
    assert code == 2 and "ISO" in err
    assert not cli.path.exists()


def test_unknown_customer_is_a_clear_refusal(cli):
    cli("demo", "--customers", "5")
    code, _, err = cli("topup", "ghost@example.com", "5")
    assert code == 2 and "no customer" in err


def test_check_fails_on_a_broken_ledger(cli):
    cli("demo", "--customers", "5")
    database.connect(reuse_if_open=True)
    database.execute_sql("UPDATE wallet SET balance_minor = balance_minor + 1 WHERE id = 1")
    database.close()
    code, result, _ = cli("check")
    assert code == 1 and result["ok"] is False
    assert result["violations"][0]["kind"] == "wallet_balance_mismatch"


def test_gateway_knobs_are_stored(cli):
    cli("demo", "--customers", "5")
    code, out, _ = cli("gateway", "--error-rate", "0.25", "--latency-ms", "5-80", "--outage", "on")
    assert code == 0
    assert out["gateway"]["gateway.error_rate"] == 0.25
    assert (out["gateway"]["gateway.latency_min_ms"], out["gateway"]["gateway.latency_max_ms"]) == (5, 80)
    assert out["gateway"]["gateway.outage"] is True


def test_access_and_usage(cli):
    cli("demo", "--customers", "20", "--seed", "3", now="2026-03-01T08:00:00")
    from models.tables import Customer, Plan, Subscription

    database.connect(reuse_if_open=True)
    sub = Subscription.select().join(Plan).where((Plan.code == "starter") & (Subscription.status == "active")).first()
    email = Customer.get_by_id(sub.customer_id).email
    database.close()
    code, decision, _ = cli("access", email, "sso", now="2026-03-01T09:00:00")
    assert code == 1 and decision["allowed"] is False
    code, usage, _ = cli("usage", email, "sms", "12", now="2026-03-01T09:00:00")
    assert code == 0 and usage["quantity"] == 12


def test_worker_stops_cleanly_on_sigterm(tmp_path):
    path = tmp_path / "worker.sqlite3"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    subprocess.run(
        [sys.executable, "main.py", "--db", str(path), "demo", "--customers", "10"],
        cwd=ROOT,
        check=True,
        capture_output=True,
        env=env,
    )
    worker = subprocess.Popen(
        [sys.executable, "main.py", "--db", str(path), "worker"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        first = worker.stdout.readline()
        assert json.loads(first)["worker"] == "started"
        deadline = time.monotonic() + 30
        from models.tables import JobState

        while time.monotonic() < deadline:
            main.init_database(str(path))
            with database.connection_context():
                done = JobState.select().where(JobState.last_finished_at.is_null(False)).count()
            if done >= 2:
                break
            time.sleep(0.2)
        worker.send_signal(signal.SIGTERM)
        out, err = worker.communicate(timeout=30)
    finally:
        if worker.poll() is None:
            worker.kill()
    assert worker.returncode == 0, err
    assert json.loads(out.strip().splitlines()[-1]) == {"worker": "stopped", "clean": True}
