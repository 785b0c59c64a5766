"""`renew` and `worker` with the clock a year ahead: held without --catch-up, every period once with it."""

from __future__ import annotations

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
from models.tables import LedgerEntry, SubscriptionCharge
from services.auth import SYSTEM
from services.notifications import NotificationCenter
from services.subscriptions import SubscriptionService
from tests.factories import make_customer, make_plan

ROOT = Path(__file__).resolve().parents[2]
A_YEAR_LATER = "2027-01-20T09:00:00"


@pytest.fixture
def book(db, clock, db_url):
    """One monthly subscriber whose wallet pays a year, one weekly subscriber a week behind."""
    make_plan(clock, "monthly", 1000)
    make_plan(clock, "weekly", 300, unit="week")
    subs = SubscriptionService(clock, NotificationCenter(clock))
    rich, _ = make_customer(clock, balance_minor=50_000)
    subs.subscribe(SYSTEM, rich.email, "monthly")
    database.close()
    return db_url


def run_cli(db_url: str, capsys, *args: str, now: str = A_YEAR_LATER) -> tuple[int, dict | None, str]:
    code = main.main(["--db", db_url, "--now", now, *args])
    database.close()
    out = capsys.readouterr()
    return code, (json.loads(out.out) if out.out.strip() else None), out.err


def charged() -> tuple[int, int]:
    database.connect(reuse_if_open=True)
    try:
        return SubscriptionCharge.select().count(), LedgerEntry.select().where(LedgerEntry.kind == "renewal").count()
    finally:
        database.close()


def test_renew_holds_a_year_of_periods_and_says_how_much_then_catch_up_charges_each_once(book, capsys):
    before = charged()
    code, summary, err = run_cli(book, capsys, "renew")
    assert code == 1
    assert summary["held"] == {"subscriptions": 1, "periods": 12, "amounts_minor": {"USD": 12_000}, "limit": 5}
    assert "held 1 subscription(s)" in err and "12 period(s)" in err and "120.00 USD" in err
    assert "renew --catch-up" in err and "Traceback" not in err
    assert charged() == before

    code, summary, err = run_cli(book, capsys, "renew", "--catch-up")
    assert code == 0 and err == ""
    assert summary["renewed"] == 12 and summary["charged_minor"] == 12_000 and "held" not in summary
    assert charged() == (before[0] + 12, before[1] + 12)

    code, again, _ = run_cli(book, capsys, "renew", "--catch-up")
    assert code == 0 and again["renewed"] == 0 and again["charged_minor"] == 0
    assert charged() == (before[0] + 12, before[1] + 12)
    code, check, _ = run_cli(book, capsys, "check")
    assert code == 0 and check["ok"]


def test_running_the_renewals_job_now_says_what_it_held(book, capsys):
    before = charged()
    code, state, err = run_cli(book, capsys, "run", "renewals")
    assert code == 1 and state["last_result"]["held"]["periods"] == 12
    assert "held 1 subscription(s)" in err and "renew --catch-up" in err
    assert charged() == before


def test_bad_catch_up_arguments_get_one_clear_line(book, capsys):
    before = charged()
    code, out, err = run_cli(book, capsys, "worker", "--status", "--catch-up")
    assert code == 2 and out is None and "--catch-up" in err and "--status" in err
    code, out, err = run_cli(book, capsys, "report", "--catch-up")
    assert code == 2 and out is None and "unrecognized arguments: --catch-up" in err
    assert charged() == before


def renewal_runs() -> object:
    """When the renewals job last finished (None before its first run)."""
    from models.tables import JobState

    database.connect(reuse_if_open=True)
    try:
        row = JobState.get_or_none(JobState.name == "renewals")
        return None if row is None else (row.last_finished_at, row.last_result)
    finally:
        database.close()


def _worker(db_url: str, *extra: str) -> tuple[list[dict], str]:
    """Start a worker a year ahead, wait for its first renewal pass, stop it; its JSON lines and stderr."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    runs_before = renewal_runs()
    worker = subprocess.Popen(
        [sys.executable, "main.py", "--db", db_url, "--now", A_YEAR_LATER, "worker", *extra],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert json.loads(worker.stdout.readline())["worker"] == "started"
        deadline = time.monotonic() + 60
        # Until the pass has finished: the worker makes the job's row (with no run yet) before it runs it.
        while time.monotonic() < deadline and renewal_runs() in (runs_before, None, (None, None)):
            time.sleep(0.2)
        worker.send_signal(signal.SIGTERM)
        out, err = worker.communicate(timeout=30)
    finally:
        if worker.poll() is None:
            worker.kill()
    return [json.loads(line) for line in out.splitlines() if line.strip()], err


def test_the_worker_holds_without_catch_up_and_charges_with_it(book):
    before = charged()
    lines, err = _worker(book)
    held = [line["renewals_held"] for line in lines if "renewals_held" in line]
    assert held == [{"subscriptions": 1, "periods": 12, "amounts_minor": {"USD": 12_000}, "limit": 5}]
    assert "start the worker with --catch-up" in err
    assert charged() == before

    lines, err = _worker(book, "--catch-up")
    assert not [line for line in lines if "renewals_held" in line] and "held" not in err
    assert charged() == (before[0] + 12, before[1] + 12)
