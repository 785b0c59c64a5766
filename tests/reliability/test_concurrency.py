"""Two processes with three threads each race every kind of work on one SQLite file.

Top-ups through a misbehaving gateway, renewal and retry passes, refunds of
top-ups and charges, cancels, reinstates, re-subscriptions, usage, balance
adjustments, janitor passes and operator retry-nows all hit the same few dozen
wallets, on a clock every process shares that jumps three hours every half second.
No caller may see anything but a domain refusal ("database is locked" included),
and the books must balance afterwards and once the queue has been worked off.

The states the race must go through are set up, not left to chance: six racers
also hold a weekly plan that is due when the race starts. Three of their wallets
cannot pay it; the other three renewals already wait in pending_renewal with the
price in the wallet (credited without the activation that follows a top-up, as
when the app stops in between). Each process starts with the renewal pass the app
runs at start, before any other work, so the first pass to reach them finds them
as they were left: a renewal refused for lack of funds and a renewal paid once the
money is there happen in every run, whatever the interleaving. The weeks paid
then outlast the race: only a cancel takes those subscriptions out of active, so
the first cancel always finds one to act on.
"""

from __future__ import annotations

import json
import random
import time
from datetime import datetime, timedelta

import pytest
from peewee import fn

from models.db import database
from models.tables import SubscriptionEvent
from scheduler.core import build_core
from services.auth import SYSTEM
from tests.factories import fund, make_customer, make_plan
from tests.reliability.conftest import (
    assert_books_balance,
    assert_credits_match_gateway,
    assert_no_period_paid_twice,
    iso,
    retry_until_quiet,
    set_gateway,
    start_workload,
)

PROCESSES = 2
THREADS = 3
RACE_SECONDS = 14.0
TICK_SECONDS = 0.5
STEP = timedelta(hours=3)
RACERS = 30
WEEKLY_MINOR = 2100
# Racers whose weekly subscription is due when the race starts, on a wallet that cannot pay it.
SHORT_AT_START = (1, 11, 21)
# Racers whose weekly renewal waits in pending_renewal when the race starts, its price in the wallet.
FUNDED_WHILE_PENDING = (2, 12, 22)


def _business(core, clock, operator) -> datetime:
    """The plans and racers; returns the instant the race starts at (later than every write made here)."""
    make_plan(clock, "daily", price_minor=900, unit="day", grace_days=1)
    make_plan(clock, "bidaily", price_minor=1500, unit="day", count=2, grace_days=1)
    # Grace outlasts the race: a weekly renewal left pending stays pending until money arrives.
    make_plan(clock, "weekly", price_minor=WEEKLY_MINOR, unit="week", grace_days=7)
    core.features.create_feature(SYSTEM, "sms", "SMS", "usage", "message")
    for plan in ("daily", "bidaily", "weekly"):
        core.features.set_plan_feature(SYSTEM, plan, "sms", included=10, pricing="flat", unit_price_minor=2)
    racers = [make_customer(clock, f"Racer {n}", f"racer{n}@example.com") for n in range(RACERS)]

    # A week before the race, six racers take the weekly plan and spend all they hold on it, one group an
    # hour after the other.
    week_starts = clock.now()
    for group in (FUNDED_WHILE_PENDING, SHORT_AT_START):
        for n in group:
            customer, wallet_id = racers[n]
            fund(clock, wallet_id, WEEKLY_MINOR)
            core.subscriptions.subscribe(operator, customer.email, "weekly")
        clock.advance(hours=1)
    # Half an hour after the first group's week ended (the second's has not): nothing to pay it with...
    clock.set(week_starts + timedelta(weeks=1, minutes=30))
    assert core.renewals.renew_due_subscriptions(SYSTEM)["pending_renewal"] == len(FUNDED_WHILE_PENDING)
    # ...then the price comes in without the activation that follows a top-up, so each of these renewals
    # is still pending, fully funded, when the race starts; the first pass to reach it renews it.
    for n in FUNDED_WHILE_PENDING:
        fund(clock, racers[n][1], WEEKLY_MINOR)
    clock.advance(minutes=30)

    # The daily and two-day subscriptions, paid up front, with up to one daily price left over: every
    # wallet of SHORT_AT_START is short of the weekly price when its week ends, before the race starts.
    rng = random.Random(5)
    for n, (customer, wallet_id) in enumerate(racers):
        plans = ["daily" if n % 3 else "bidaily"] + (["bidaily" if n % 3 else "daily"] if n % 4 == 0 else [])
        needed = sum(900 if p == "daily" else 1500 for p in plans)
        fund(clock, wallet_id, needed + rng.randint(0, 9) * 100)
        for plan in plans:
            core.subscriptions.subscribe(operator, customer.email, plan)
        clock.advance(minutes=47)  # periods end at different hours of the day
    return clock.now()


@pytest.mark.slow
def test_processes_and_threads_race_without_errors_or_broken_books(db, db_url, clock, core, operator, tmp_path):
    base = _business(core, clock, operator)
    set_gateway(
        core, error_rate=0.1, timeout_rate=0.15, decline_rate=0.05, latency_min_ms=0, latency_max_ms=4, seed=None
    )
    database.close()

    epoch = time.time() + 1.0  # time to import; the shared clock starts moving then
    outs = [tmp_path / f"race{p}.json" for p in range(PROCESSES)]
    errs = [tmp_path / f"race{p}.err" for p in range(PROCESSES)]
    procs = []
    for p in range(PROCESSES):
        with errs[p].open("w") as stderr:
            procs.append(
                start_workload(
                    "race",
                    "--db",
                    db_url,
                    "--base",
                    iso(base),
                    "--epoch",
                    repr(epoch),
                    "--seconds",
                    RACE_SECONDS,
                    "--tick",
                    TICK_SECONDS,
                    "--step-minutes",
                    int(STEP.total_seconds() // 60),
                    "--threads",
                    THREADS,
                    "--seed",
                    p + 1,
                    "--out",
                    outs[p],
                    stderr=stderr,
                )
            )
    for p, proc in enumerate(procs):
        assert proc.wait(timeout=RACE_SECONDS + 60) == 0, errs[p].read_text()[-4000:]
    results = [json.loads(out.read_text()) for out in outs]

    unexpected = [u for r in results for u in r["unexpected"]]
    assert unexpected == [], "\n".join(unexpected[:3])
    done, idle, refused = _totals(results, "done"), _totals(results, "idle"), _totals(results, "refused")

    database.connect(reuse_if_open=True)
    assert_books_balance()
    assert_no_period_paid_twice()

    # Work off what the race left behind with a healthy gateway, as the next start would.
    work_off = base + STEP * int(RACE_SECONDS / TICK_SECONDS + 4)
    clock.set(work_off)
    after = build_core(clock, gateway_sleep=lambda s: None)
    set_gateway(after, error_rate=0, timeout_rate=0, decline_rate=0)
    after.run_janitor()
    after.renewals.renew_due_subscriptions(SYSTEM)
    retry_until_quiet(clock, after.retries.process_pending_retries)
    assert_books_balance()
    assert_no_period_paid_twice()
    assert_credits_match_gateway()

    # Only what the race itself did: not the setup before it, nor the work-off after it.
    events = dict(
        SubscriptionEvent.select(SubscriptionEvent.event, fn.COUNT(SubscriptionEvent.id))
        .where((SubscriptionEvent.created_at >= base) & (SubscriptionEvent.created_at < work_off))
        .group_by(SubscriptionEvent.event)
        .tuples()
    )
    startup = _totals(results, "startup")
    print(
        f"\nrace: {sum(done.values())} operations performed, {sum(refused.values())} refused by the domain, "
        f"{sum(idle.values())} found nothing to do, across {PROCESSES}x{THREADS} threads; done {done}; "
        f"refused {refused}; start-up renewal passes {startup}; subscription events in the race {events}"
    )
    # The race did reach every path it is meant to stress.
    assert done.get("topup", 0) > 50 and done.get("renew", 0) >= 3 and done.get("retry_now", 0) > 0
    assert done.get("refund_topup", 0) > 0 and done.get("refund_charge", 0) > 0 and done.get("cancel", 0) > 0
    assert events.get("renewal_short", 0) > 0 and events.get("funds_arrived", 0) > 0


def _totals(results: list[dict], key: str) -> dict[str, int]:
    totals: dict[str, int] = {}
    for result in results:
        for op, n in result[key].items():
            totals[op] = totals.get(op, 0) + n
    return totals
