"""kill -9 at random points of a busy worker, restart it each time, and check the books.

A worker process runs renewal passes over a few thousand demo subscriptions,
top-ups and refunds through a gateway that fails, declines and times out after
charging, and retry passes, on a clock that stands still between its steps. It is
killed with SIGKILL after a seeded random delay and restarted a simulated day
later, janitor first, as the real worker starts. After the last kill one clean
restart runs the janitor and the passes until nothing is left to retry.
"""

from __future__ import annotations

import random
import signal
import subprocess
from collections import Counter
from datetime import timedelta

import pytest

from models.db import database
from models.tables import (
    AuditEntry,
    ErrorItem,
    GatewayCharge,
    GatewayRefund,
    JobState,
    LedgerEntry,
    Refund,
    Subscription,
    TopUp,
    Wallet,
)
from scheduler.core import build_core
from services.auth import SYSTEM
from services.demo import create_demo
from tests.factories import balance, make_customer, make_plan
from tests.reliability.conftest import (
    assert_books_balance,
    assert_credits_match_gateway,
    assert_no_period_paid_twice,
    iso,
    retry_until_quiet,
    set_gateway,
    start_workload,
)
from tests.reliability.workload import CRASH_POINTS, KILLED

KILLS = 24
CUSTOMERS = 2500
JANITOR_CUTOFF = timedelta(minutes=2)


def _last_phase(path) -> str:
    lines = path.read_text(encoding="utf-8").split()
    return lines[-1] if lines else "starting"


@pytest.mark.slow
def test_worker_survives_sigkill_at_random_points(db, clock, tmp_path, db_url):
    create_demo(clock, customers=CUSTOMERS, seed=11)
    setup = build_core(clock, gateway_sleep=lambda s: None)
    set_gateway(
        setup, error_rate=0.1, timeout_rate=0.25, decline_rate=0.05, latency_min_ms=5, latency_max_ms=30, seed=None
    )
    database.close()

    rng = random.Random(20260115)
    base = clock.now() + timedelta(days=6)
    kills, phases, clean_exits, runs = 0, Counter(), 0, 0
    while kills < KILLS:
        assert runs < KILLS * 3, "the worker kept finishing before it could be killed"
        out = tmp_path / f"run{runs}.out"
        err = tmp_path / f"run{runs}.err"
        with out.open("w") as stdout, err.open("w") as stderr:
            proc = start_workload(
                "crash",
                "--db",
                db_url,
                "--start",
                iso(base + timedelta(days=runs)),
                "--seed",
                runs,
                stdout=stdout,
                stderr=stderr,
            )
            try:
                code = proc.wait(timeout=rng.uniform(0.4, 2.4))
            except subprocess.TimeoutExpired:
                proc.send_signal(signal.SIGKILL)
                proc.wait()
                kills += 1
                phases[_last_phase(out)] += 1
            else:
                assert code == 0, err.read_text()
                clean_exits += 1
        runs += 1

    # The restart after the last kill: janitor first, then the passes until nothing is left to do.
    database.connect(reuse_if_open=True)
    clock.set(base + timedelta(days=runs))
    core = build_core(clock, gateway_sleep=lambda s: None)
    set_gateway(core, error_rate=0, timeout_rate=0, decline_rate=0)
    jobs = core.build_scheduler()
    jobs.run_job("janitor")
    cutoff = clock.now() - JANITOR_CUTOFF
    assert not TopUp.select().where((TopUp.status == "pending") & (TopUp.updated_at <= cutoff)).exists()
    assert not Refund.select().where((Refund.status == "pending") & (Refund.updated_at <= cutoff)).exists()

    jobs.run_job("renewals")
    passes = retry_until_quiet(clock, lambda: jobs.run_job("retries"))
    jobs.run_job("retries")  # one more pass, also when none was due: it takes over a killed worker's lease
    summary = jobs.run_job("renewals").last_result
    now = clock.now()

    assert_books_balance()
    assert_no_period_paid_twice()
    assert_credits_match_gateway()
    _assert_nothing_left_in_flight(now)
    _assert_every_due_subscription_handled(core, now)
    held = list(
        JobState.select(JobState.name, JobState.lease_owner).where(JobState.lease_until.is_null(False)).tuples()
    )
    assert held == [], "job leases of killed workers were never taken over and released"

    topups = Counter(s for (s,) in TopUp.select(TopUp.status).where(TopUp.actor != "demo").tuples())
    interrupted = Counter(
        kind
        for (kind,) in AuditEntry.select(AuditEntry.target_type)
        .where(AuditEntry.action == "payment.reconcile")
        .tuples()
    )
    print(
        f"\ncrash: {kills} SIGKILLs survived ({dict(phases)}), {clean_exits} clean runs, "
        f"payments found in flight by the reconciliation sweep {dict(interrupted)}, {passes} final retry passes, "
        f"top-ups {dict(topups)}, last renewal pass {summary}"
    )
    assert kills >= KILLS
    assert topups["succeeded"] > 0 and interrupted["topup"] > 0


def _assert_nothing_left_in_flight(now) -> None:
    stuck_topups = list(
        TopUp.select(TopUp.id, TopUp.status).where(TopUp.status.not_in(("succeeded", "failed"))).tuples()
    )
    manual = {
        i
        for (i,) in ErrorItem.select(ErrorItem.subject_id)
        .where((ErrorItem.operation == "topup") & (ErrorItem.status == "manual"))
        .tuples()
    }
    assert [t for t in stuck_topups if t[0] not in manual] == []
    stuck_refunds = list(
        Refund.select(Refund.id, Refund.status).where(Refund.status.not_in(("succeeded", "failed"))).tuples()
    )
    manual_refunds = {
        i
        for (i,) in ErrorItem.select(ErrorItem.subject_id)
        .where((ErrorItem.operation == "refund") & (ErrorItem.status == "manual"))
        .tuples()
    }
    assert [r for r in stuck_refunds if r[0] not in manual_refunds] == []
    assert not ErrorItem.select().where(ErrorItem.status == "retrying").exists()
    held = list(
        ErrorItem.select(ErrorItem.id, ErrorItem.status, ErrorItem.lease_owner)
        .where(
            ErrorItem.status.in_(("retrying", "manual"))
            & ErrorItem.lease_owner.is_null(False)
            & (ErrorItem.lease_until > now)
        )
        .tuples()
    )
    assert held == [], "open error items still leased by a worker that is gone"


def _assert_every_due_subscription_handled(core, now) -> None:
    rows = list(
        Subscription.select(Subscription, Wallet)
        .join(Wallet)
        .where(Subscription.status.in_(("active", "canceled", "pending_renewal")))
    )
    overdue = [(s.id, s.status) for s in rows if s.status in ("active", "canceled") and s.period_end <= now]
    assert overdue == [], "subscriptions whose period ended were left untouched"
    pending = [s for s in rows if s.status == "pending_renewal"]
    usage = core.features.period_usage_minor([(s.id, s.plan_id, s.period_start) for s in pending])
    payable = [
        (s.id, s.wallet.balance_minor)
        for s in pending
        if s.wallet.balance_minor >= s.plan.price_minor + usage.get(s.id, 0)
    ]
    assert payable == [], "pending renewals whose wallet can pay were not renewed"
    lapsed = [s.id for s in pending if s.pending_since + timedelta(days=s.plan.grace_days) <= now]
    assert lapsed == [], "pending renewals past their grace days were not expired"


@pytest.mark.parametrize("point", sorted(CRASH_POINTS))
def test_payment_killed_at_each_step_is_finished_by_the_restart(db, db_url, clock, core, operator, point):
    """Die between each pair of steps of a top-up or refund; the restart finishes it exactly once."""
    make_plan(clock, "monthly", price_minor=1000)
    customer, wallet_id = make_customer(clock, balance_minor=1000)
    sub = core.subscriptions.subscribe(operator, customer.email, "monthly")
    clock.advance(days=32)
    core.renewals.renew_due_subscriptions(SYSTEM)
    assert core.subscriptions.get(sub.id).status == "pending_renewal"
    paid = core.payments.top_up(operator, customer.email, 3000, idempotency_key="earlier")
    assert paid.status == "succeeded" and core.subscriptions.get(sub.id).status == "active"
    if point == "topup_before_queue_item":
        set_gateway(core, timeout_rate=1.0)
    if point == "refund_before_queue_item":
        set_gateway(core, error_rate=1.0)
    database.close()

    child = start_workload(
        "once",
        "--db",
        db_url,
        "--now",
        iso(clock.now()),
        "--point",
        point,
        "--email",
        customer.email,
        "--topup-id",
        paid.id,
    )
    assert child.wait(timeout=60) == KILLED, "the workload never reached the crash point"

    database.connect(reuse_if_open=True)
    clock.advance(minutes=10)
    set_gateway(core, error_rate=0.0, timeout_rate=0.0)
    core.run_janitor()
    core.renewals.renew_due_subscriptions(SYSTEM)
    retry_until_quiet(clock, core.retries.process_pending_retries)
    core.renewals.renew_due_subscriptions(SYSTEM)

    assert_books_balance()
    assert_no_period_paid_twice()
    assert_credits_match_gateway()
    _assert_nothing_left_in_flight(clock.now())
    _assert_every_due_subscription_handled(core, clock.now())
    if point.startswith("topup"):
        topup = TopUp.get(TopUp.idempotency_key == "crash-point")
        assert topup.status == "succeeded"
        assert GatewayCharge.select().where(GatewayCharge.idempotency_key == "topup:crash-point").count() == 1
        assert balance(wallet_id) == 3000 - 1000 + 5000
        assert core.subscriptions.get(sub.id).status == "active"
    else:
        refund = Refund.get(Refund.idempotency_key == "crash-point")
        assert refund.status == "succeeded"
        assert GatewayRefund.select().where(GatewayRefund.idempotency_key == "refund:crash-point").count() == 1
        assert (
            LedgerEntry.select().where((LedgerEntry.ref_type == "refund") & (LedgerEntry.ref_id == refund.id)).count()
            == 1
        )
        assert TopUp.get_by_id(paid.id).refunded_minor == 1000
        assert balance(wallet_id) == 3000 - 1000 - 1000
