"""`worker --status`: one JSON line on the workers sharing a database, exit 1 when a job needs someone.

Runs on the engine under test (PostgreSQL when SUBS_TEST_DATABASE_URL is set). Each situation is set up
on the job rows or with `--now`: a job's planned run long past, a lease held by a process that is gone.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest

import main
from models.db import database, init_database
from scheduler import leases
from scheduler.core import JOB_NAMES
from scheduler.health import Holder, this_host

ROOT = Path(__file__).resolve().parents[2]
T0 = "2026-03-01T08:00:00"

Run = Callable[..., tuple[int, dict | None, str]]


@pytest.fixture
def cli(db, db_url: str, capsys: pytest.CaptureFixture[str]) -> Run:
    database.close()

    def run(*args: str, now: str | None = None) -> tuple[int, dict | None, str]:
        code = main.main(["--db", db_url] + (["--now", now] if now else []) + list(args))
        database.close()
        out = capsys.readouterr()
        return code, (json.loads(out.out) if out.out.strip() else None), out.err

    return run


def status(cli: Run, *extra: str, now: str = T0) -> tuple[int, dict]:
    code, health, _ = cli("worker", "--status", *extra, now=now)
    assert health is not None
    return code, health


def jobs(health: dict) -> dict[str, dict]:
    return {job["name"]: job for job in health["jobs"]}


@pytest.fixture
def real_time(monkeypatch: pytest.MonkeyPatch):
    """Leases run on real time, not the business clock ``--now`` moves: this sets what real time is."""

    def set_to(moment: datetime) -> None:
        monkeypatch.setattr(leases, "lease_now", lambda: moment)

    return set_to


def hold_lease(db_url: str, job: str, owner: str, *, now: datetime, minutes: int = 10) -> None:
    init_database(db_url)
    with database.connection_context():
        assert leases.claim_lease(job, owner, now, seconds=minutes * 60)


def a_finished_pid() -> int:
    """The pid of a process that has exited and been reaped: nothing on this host answers to it."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_the_status_line_is_one_line_of_json(cli: Run, capsys: pytest.CaptureFixture[str], db_url: str) -> None:
    database.close()
    assert main.main(["--db", db_url, "--now", T0, "worker", "--status"]) == 0
    out = capsys.readouterr().out
    assert out.count("\n") == 1
    health = json.loads(out)
    assert health["ok"] is True and health["host"] == this_host()
    assert [job["name"] for job in health["jobs"]] == list(JOB_NAMES)
    assert all(job["lease"] is None and job["problems"] == [] for job in health["jobs"])


def test_a_finished_run_shows_its_result_and_next_run(cli: Run) -> None:
    cli("demo", "--customers", "5", now=T0)
    code, _, _ = cli("run", "retries", now=T0)
    assert code == 0
    code, health = status(cli, now="2026-03-01T08:01:00")
    retries = jobs(health)["retries"]
    assert code == 0 and health["ok"] is True
    assert retries["lease"] is None and retries["last_error"] is None
    assert retries["last_started_at"].startswith("2026-03-01 08:00:00")
    assert json.loads(retries["last_result"])["reconciled"] is not None
    assert retries["next_run_at"].startswith("2026-03-01 08:02:00")


def test_a_job_long_past_its_planned_run_is_overdue(cli: Run) -> None:
    cli("demo", "--customers", "5", now=T0)
    cli("run", "retries", now=T0)
    code, health = status(cli, now="2026-03-01T09:00:00")
    assert code == 1 and health["ok"] is False
    assert jobs(health)["retries"]["problems"] == ["overdue"]
    code, health = status(cli, "--grace-minutes", "120", now="2026-03-01T09:00:00")
    assert code == 0 and jobs(health)["retries"]["problems"] == []


def test_a_paused_job_is_not_overdue(cli: Run) -> None:
    cli("demo", "--customers", "5", now=T0)
    cli("run", "retries", now=T0)
    code, _, _ = cli("pause", "--reason", "gateway maintenance", now=T0)
    assert code == 0
    code, health = status(cli, now="2026-03-02T08:00:00")
    assert code == 0 and jobs(health)["retries"]["paused"] is True
    assert jobs(health)["retries"]["problems"] == []


def test_a_lease_held_by_a_process_that_is_gone_is_reported(cli: Run, db_url: str, real_time) -> None:
    gone = f"{this_host()}:{a_finished_pid()}:0badc0de"
    real_time(datetime(2026, 3, 1, 8, 0))
    hold_lease(db_url, "renewals", gone, now=datetime(2027, 3, 1, 8, 0))  # its business clock a year ahead
    real_time(datetime(2026, 3, 1, 8, 5))
    code, health = status(cli, now="2026-03-01T08:05:00")
    renewals = jobs(health)["renewals"]
    assert code == 1 and health["ok"] is False
    assert renewals["problems"] == ["holder_dead"]
    assert renewals["lease"]["owner"] == gone and renewals["lease"]["alive"] is False
    assert renewals["lease"]["since"].startswith("2026-03-01 08:00:00")
    assert renewals["lease"]["until"].startswith("2026-03-01 08:10:00")
    # Once the lease has run out (in real time) nothing holds the job any more, whatever --now says.
    real_time(datetime(2026, 3, 1, 8, 11))
    code, health = status(cli, now="2026-03-01T08:05:00")
    assert code == 0 and jobs(health)["renewals"]["lease"] is None


def test_a_lease_held_by_a_live_process_is_healthy(cli: Run, db_url: str) -> None:
    here = f"{this_host()}:{os.getpid()}:feedbeef"
    hold_lease(db_url, "retries", here, now=datetime(2026, 3, 1, 8, 0))
    code, health = status(cli, now="2026-03-01T08:05:00")
    lease = jobs(health)["retries"]["lease"]
    assert code == 0 and lease["alive"] is True and lease["pid"] == os.getpid()


def test_a_holder_on_another_host_is_not_guessed_at(cli: Run, db_url: str) -> None:
    elsewhere = f"not-{this_host()}:{a_finished_pid()}:cafef00d"
    hold_lease(db_url, "reminders", elsewhere, now=datetime(2026, 3, 1, 8, 0))
    code, health = status(cli, now="2026-03-01T08:05:00")
    lease = jobs(health)["reminders"]["lease"]
    assert code == 0 and lease["alive"] is None and lease["host"] == f"not-{this_host()}"


@pytest.mark.parametrize(
    ("owner", "host", "pid"),
    [("box:123:abcd", "box", 123), ("desk-7", None, None), ("box:pid:abcd", None, None), ("box:", None, None)],
)
def test_owner_names_are_read_as_default_owner_writes_them(owner: str, host: str | None, pid: int | None) -> None:
    assert Holder.parse(owner) == Holder(owner, host, pid)


def test_a_worker_that_ran_and_stopped_leaves_a_healthy_status(cli: Run, db_url: str) -> None:
    cli("demo", "--customers", "5")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    worker = subprocess.Popen(
        [sys.executable, "main.py", "--db", db_url, "worker"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert worker.stdout is not None
        started = json.loads(worker.stdout.readline())
        assert started["worker"] == "started"
        deadline = time.monotonic() + 60
        finished: set[str] = set()
        while time.monotonic() < deadline and not {"janitor", "renewals", "reminders"} <= finished:
            _, health, _ = cli("worker", "--status")
            assert health is not None
            finished = {job["name"] for job in health["jobs"] if job["last_finished_at"] is not None}
            time.sleep(0.2)
        worker.terminate()
        worker.communicate(timeout=30)
    finally:
        if worker.poll() is None:
            worker.kill()
    assert worker.returncode == 0
    code, health, _ = cli("worker", "--status")
    assert code == 0 and health is not None and health["ok"] is True
    ran = jobs(health)
    assert all(ran[name]["last_error"] is None and ran[name]["lease"] is None for name in ("janitor", "renewals"))
    assert ran["renewals"]["next_run_at"] is not None
