"""Two workers and an operator's desk on one database; one worker dies in the middle of its renewal pass.

Worker A starts the renewal pass at once and dies (as abruptly as SIGKILL) right after its first batch is
committed, its lease still held. Worker B runs the retries from the start and the renewals from the second
tick of the shared clock on, when A's lease has run out: it takes the job over. Meanwhile a desk's operators
top up, refund, change plans, subscribe, cancel and reinstate. Afterwards a clean restart runs the jobs until
nothing waits, and the books are checked: every invariant of ``check`` holds, no period is paid twice, every
card charge is credited once, and no subscription that auto-renews was left with a due period unpaid.

Runs on PostgreSQL when SUBS_TEST_DATABASE_URL is set, on a SQLite file otherwise.
"""

from __future__ import annotations

import json
import time
from datetime import timedelta

from models.db import database
from models.tables import JobState, Subscription
from scheduler.core import build_core
from services.demo import create_demo
from tests.reliability.conftest import (
    assert_books_balance,
    assert_credits_match_gateway,
    assert_no_period_paid_twice,
    iso,
    retry_until_quiet,
    set_gateway,
    start_workload,
)
from tests.reliability.workload import KILLED

AUTO_RENEWING = Subscription.auto_renew == True  # noqa: E712
SECONDS = 6.0
TICK = 0.75
STEP = timedelta(hours=2)  # far beyond a job lease's 10 minutes: a lease left behind runs out within a tick
CUSTOMERS = 150


def test_a_worker_killed_mid_pass_is_taken_over_and_every_period_is_paid_once(db, db_url, clock, tmp_path):
    create_demo(clock, customers=CUSTOMERS, seed=5)
    setup = build_core(clock, gateway_sleep=lambda s: None)
    set_gateway(setup, error_rate=0.05, timeout_rate=0.1, decline_rate=0.05, latency_min_ms=0, latency_max_ms=3)
    # A month on, a good share of the demo's monthly subscriptions is due: A's first pass has batches to do.
    base = clock.now() + timedelta(days=30)
    due = Subscription.select().where((Subscription.period_end <= base) & AUTO_RENEWING).count()
    assert due > 20
    database.close()

    epoch = time.time() + 1.5  # time to import; the shared clock starts moving then
    shared = ["--db", db_url, "--base", iso(base), "--epoch", repr(epoch), "--seconds", SECONDS, "--tick", TICK]
    shared += ["--step-minutes", int(STEP.total_seconds() // 60)]
    outs = {name: tmp_path / f"{name}.json" for name in ("a", "b", "desk")}
    errs = {name: (tmp_path / f"{name}.err").open("w") for name in outs}
    try:
        procs = {
            "a": start_workload(
                "worker",
                *shared,
                "--owner",
                "worker-a",
                "--point",
                "renewals_after_first_batch",
                "--out",
                outs["a"],
                stderr=errs["a"],
            ),
            "b": start_workload(
                "worker",
                *shared,
                "--owner",
                "worker-b",
                "--first-renewal-tick",
                2,
                "--out",
                outs["b"],
                stderr=errs["b"],
            ),
            "desk": start_workload("operator", *shared, "--seed", 7, "--out", outs["desk"], stderr=errs["desk"]),
        }
        codes = {name: proc.wait(timeout=SECONDS + 90) for name, proc in procs.items()}
    finally:
        for handle in errs.values():
            handle.close()
    stderr = {name: (tmp_path / f"{name}.err").read_text()[-3000:] for name in outs}
    assert codes == {"a": KILLED, "b": 0, "desk": 0}, stderr
    assert not outs["a"].exists(), "worker A finished its pass instead of dying in it"
    b, desk = json.loads(outs["b"].read_text()), json.loads(outs["desk"].read_text())
    assert b["unexpected"] == [], "\n".join(b["unexpected"][:3])
    assert desk["unexpected"] == [], "\n".join(desk["unexpected"][:3])
    assert b["takeovers"] >= 1, b
    assert b["runs"].get("renewals", 0) >= 1 and b["runs"].get("retries", 0) >= 1, b
    assert sum(desk["done"].values()) > 0 and desk["done"].get("change_plan", 0) > 0, desk

    # The clean restart: the clock stands after the race; janitor, renewals, then retries until quiet.
    database.connect(reuse_if_open=True)
    after_race = base + STEP * (int(SECONDS / TICK) + 2)
    clock.set(after_race)
    set_gateway(setup, error_rate=0.0, timeout_rate=0.0, decline_rate=0.0)
    restart = build_core(clock, gateway_sleep=lambda s: None)
    jobs = restart.build_scheduler()
    jobs.run_job("janitor")
    jobs.run_job("renewals")
    retry_until_quiet(clock, lambda: jobs.run_job("retries"))
    jobs.run_job("renewals")

    assert_books_balance()
    assert_no_period_paid_twice()
    assert_credits_match_gateway()
    renewals = JobState.get_by_id("renewals")
    assert renewals.lease_until is None and renewals.lease_owner == restart.owner
    unpaid = [
        s.id
        for s in Subscription.select().where(
            (Subscription.status == "active") & AUTO_RENEWING & (Subscription.period_end <= clock.now())
        )
    ]
    assert unpaid == [], "active subscriptions left with a due period unpaid"
    print(f"\nkills 1, takeovers {b['takeovers']}, worker B runs {b['runs']}, desk {desk['done']}")
