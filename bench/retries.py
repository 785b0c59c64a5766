"""The retry pass after a gateway outage: N failed top-ups due at once, a gateway answering in 50–150 ms.

The business is the demo's (customers, wallets, plans, usage, paid invoices; 20 customers
for each failed top-up), with a renewal pass run first so that short wallets wait in
pending_renewal. Then, with the gateway in an outage, N customers picked with a seed
each top up through ``PaymentService.top_up``: the first calls fail and open the
breaker, the rest are refused by it, and every one is queued the way the product
queues it (a top-up left "retrying", an error item, a notice). The outage ends, the
breaker closes, two hours pass.

The measured part is the product's own ``process_pending_retries`` (the scheduler's
retries job without its reconciliation sweep, which has nothing to do here) with
the fake gateway's latency knobs at 50–150 ms, a fixed seed and no random
failures: every retry should charge the card once and credit the wallet (which
renews what was waiting for it). The gateway's sleep is wrapped to record each
call's latency and how many calls were in flight at once.

The anchor is the bound concurrency allows: the sum of the latencies the gateway
slept ÷ the runner's concurrency. A pass can not beat it; the goal is to come
within 1.25× of it.

    python -m bench.retries [--quick] [--json FILE]
"""

from __future__ import annotations

import random
import shutil
import threading
import time
from datetime import datetime, timedelta
from pathlib import Path

from bench.report import Row, Stopwatch, main, median_of, times
from models.db import database, init_database
from models.migrations import migrate
from models.tables import ErrorItem, Subscription, TopUp, Wallet
from scheduler.core import build_core
from services.auth import SYSTEM
from services.clock import FixedClock
from services.demo import create_demo

START = datetime(2026, 3, 1, 8, 0)
LATENCY_MS = (50, 150)
SEED = 11
GOAL_SECONDS_PER_1000 = 8.0
GOAL_IN_FLIGHT = 32
GOAL_RATIO = 1.25
CUSTOMERS_PER_TOPUP = 20


class RecordingSleep:
    """The gateway's sleep: records every call's latency and the most calls asleep (in flight) at once."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.latencies: list[float] = []
        self.in_flight = 0
        self.max_in_flight = 0

    def __call__(self, seconds: float) -> None:
        with self.lock:
            self.latencies.append(seconds)
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)
        try:
            time.sleep(seconds)
        finally:
            with self.lock:
                self.in_flight -= 1


def build(path: Path, count: int) -> datetime:
    """A demo business with ``count`` failed top-ups queued for retry; returns when they are all due."""
    clock = FixedClock(START)
    init_database(str(path))
    with database.connection_context():
        migrate()
        create_demo(clock, customers=count * CUSTOMERS_PER_TOPUP, seed=SEED, overdue_share=0.3)
        core = build_core(clock, gateway_sleep=lambda seconds: None)
        core.renewals.renew_due_subscriptions()  # short wallets now wait in pending_renewal
        core.settings.update(
            SYSTEM,
            {"gateway.latency_min_ms": 0, "gateway.latency_max_ms": 0, "gateway.outage": True, "gateway.seed": SEED},
            action="gateway.configure",
        )
        rng = random.Random(SEED)
        customers = [c for (c,) in Wallet.select(Wallet.customer).order_by(Wallet.id).tuples()]
        for customer_id in sorted(rng.sample(customers, count)):
            clock.advance(seconds=1)
            core.payments.top_up(SYSTEM, customer_id, rng.randint(10, 100) * 100, "USD")
        queued = ErrorItem.select().where((ErrorItem.operation == "topup") & (ErrorItem.status == "retrying")).count()
        if queued != count:
            raise SystemExit(f"error: {queued} top-ups were queued for retry, not {count}")
        core.settings.update(
            SYSTEM,
            {
                "gateway.outage": False,
                "gateway.latency_min_ms": LATENCY_MS[0],
                "gateway.latency_max_ms": LATENCY_MS[1],
                "gateway.error_rate": 0.0,
                "gateway.timeout_rate": 0.0,
                "gateway.decline_rate": 0.0,
            },
            action="gateway.configure",
        )
        core.circuit.record_success()  # the outage is over: the breaker closes ("gateway recovered")
    database.close()
    return clock.now() + timedelta(hours=2)


class PassFigures:
    def __init__(
        self, seconds: float, cpu: float, sleep: RecordingSleep, items: int, concurrency: int, counts: dict
    ) -> None:
        self.seconds = seconds
        self.cpu = cpu
        self.calls = len(sleep.latencies)
        self.latency_sum = sum(sleep.latencies)
        self.max_in_flight = sleep.max_in_flight
        self.items = items
        self.concurrency = concurrency
        self.counts = counts
        self.bound = self.latency_sum / concurrency


def run_pass(path: Path, now: datetime, items: int) -> PassFigures:
    sleep = RecordingSleep()
    init_database(str(path))
    with database.connection_context():
        core = build_core(FixedClock(now), gateway_sleep=sleep)
        concurrency = core.retries.runner.workers
        cpu = time.process_time()
        with Stopwatch() as watch:
            counts = core.retries.process_pending_retries()
        cpu = time.process_time() - cpu
        left = ErrorItem.select().where(ErrorItem.status == "retrying").count()
        credited = TopUp.select().where(TopUp.status == "succeeded", TopUp.actor == "system").count()
        if counts["succeeded"] != items or left or credited < items:
            raise SystemExit(f"error: the pass did not settle every top-up: {counts}, {left} left retrying")
        pending = Subscription.select().where(Subscription.status == "pending_renewal").count()
    database.close()
    figures = PassFigures(watch.seconds, cpu, sleep, items, concurrency, counts)
    figures.counts = {**counts, "pending_renewal_after": pending}
    return figures


def run(quick: bool, workdir: Path) -> list[Row]:
    count = 200 if quick else 1000
    repeats = 1 if quick else 3
    base = workdir / "retries-base.sqlite3"
    now = build(base, count)
    runs: list[PassFigures] = []

    def one_pass() -> float:
        copy = workdir / f"retries-{len(runs)}.sqlite3"
        shutil.copy(base, copy)
        figures = run_pass(copy, now, count)
        runs.append(figures)
        copy.unlink()
        return figures.seconds

    seconds = median_of(repeats, one_pass)
    median = next(r for r in runs if r.seconds == seconds)
    goal_seconds = GOAL_SECONDS_PER_1000 * count / 1000
    ratio = median.seconds / median.bound
    calls_per_retry = median.calls / count
    label = f"{count:,} due top-ups, gateway {LATENCY_MS[0]}–{LATENCY_MS[1]} ms, no random failures"
    return [
        Row(
            f"retry pass: {label}",
            f"≤ {goal_seconds:g} s",
            f"{median.seconds:.2f} s",
            met=median.seconds <= goal_seconds,
        ),
        Row(
            "retry pass: wall time against the bound its concurrency allows",
            f"≤ {GOAL_RATIO}×",
            f"{median.seconds:.2f} s",
            f"bound {median.bound:.2f} s (Σ latency {median.latency_sum:.1f} s ÷ {median.concurrency})",
            times(ratio),
            ratio <= GOAL_RATIO,
        ),
        Row(
            "retry pass: gateway calls in flight (most at once)",
            f"≥ {GOAL_IN_FLIGHT}",
            f"{median.max_in_flight}",
            f"pool of {median.concurrency}",
            met=median.max_in_flight >= GOAL_IN_FLIGHT,
        ),
        Row(
            "retry pass: CPU time (all threads; one core runs Python at a time)",
            "—",
            f"{median.cpu:.2f} s ({median.cpu / count * 1000:.1f} ms a retry)",
            f"bound {median.bound:.2f} s",
            times(median.cpu / median.bound),
        ),
        Row(
            "retry pass: gateway calls per retry",
            "1",
            f"{calls_per_retry:.2f} ({median.calls:,} calls)",
            met=calls_per_retry <= 1.0,
        ),
    ]


if __name__ == "__main__":
    main(run)
