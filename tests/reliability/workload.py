"""Workloads the reliability tests run in child processes, so they can be killed or raced.

    python tests/reliability/workload.py crash --db PATH --start ISO --seed N [--steps N]
    python tests/reliability/workload.py once --db PATH --now ISO --point NAME (--email E | --topup-id N)
    python tests/reliability/workload.py race --db PATH --base ISO --epoch T --seconds S --seed N --out FILE
    python tests/reliability/workload.py worker --db URL --base ISO --epoch T --seconds S --owner NAME --out FILE
        [--point NAME] [--first-renewal-tick N]
    python tests/reliability/workload.py operator --db URL --base ISO --epoch T --seconds S --seed N --out FILE

``crash`` restarts the way the worker does (janitor first), then loops over renewal
passes, top-ups, refunds and retry passes (the passes through the scheduler's job
leases) on a clock that stands still between steps. It prints the phase it enters,
so the test can tell where a SIGKILL landed.

``once`` starts one top-up or refund and dies (os._exit, as abrupt as SIGKILL) at a
named point, for the windows a random kill rarely hits.

``race`` starts as the app does, with a renewal pass over what fell due while it was
stopped, then runs several threads of operator and scheduler work against the shared
database until a deadline, on a clock shared by every process (see ``SteppedClock``),
and writes what it did (and every unexpected exception) to ``--out`` as JSON.

``worker`` runs the renewals and retries jobs through their leases once a tick, as
the headless worker's timers do, on the shared ``SteppedClock``; with ``--point``
it dies (os._exit, as abrupt as SIGKILL) at that point of its first renewal pass,
its lease still held. It writes its runs, the lease conflicts it met and the
leases it took over from an owner that never gave them back.

``operator`` is a desk without its scheduler: threads of top-ups, refunds, plan
changes, subscribes, cancels and reinstates until the deadline.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import random
import sys
import threading
import time
import traceback
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from peewee import fn  # noqa: E402

from models.db import database, init_database  # noqa: E402
from models.migrations import migrate  # noqa: E402
from models.tables import (  # noqa: E402
    Customer,
    ErrorItem,
    JobState,
    LedgerEntry,
    Plan,
    Subscription,
    TopUp,
    Wallet,
)
from scheduler import leases  # noqa: E402
from scheduler.core import build_core  # noqa: E402
from services.auth import SYSTEM, Actor  # noqa: E402
from services.clock import FixedClock, parse_instant  # noqa: E402
from services.errors import Conflict, DomainError  # noqa: E402

OPERATOR = Actor("worker-operator", "operator")
ADMIN = Actor("worker-admin", "admin")


def say(text: str) -> None:
    print(text, flush=True)


class HiddenFailures(logging.Handler):
    """Failures the services catch and log instead of raising are failures all the same.

    Collects every record logged with a traceback or at ERROR, and a renewal batch
    that had to be replayed one by one (it tripped over something under the lock).
    """

    def __init__(self, on_failure=None):
        super().__init__(logging.WARNING)
        self.seen: list[str] = []
        self.on_failure = on_failure

    def emit(self, record: logging.LogRecord) -> None:
        if (
            record.exc_info
            or record.levelno >= logging.ERROR
            or (record.name == "services.renewals" and record.levelno >= logging.WARNING)
        ):
            text = f"{record.name}: {record.getMessage()}"
            if record.exc_info:
                text += "\n" + "".join(traceback.format_exception(*record.exc_info))
            self.seen.append(text)
            if self.on_failure is not None:
                self.on_failure(text)


def watch_logs(on_failure=None) -> HiddenFailures:
    handler = HiddenFailures(on_failure)
    logging.getLogger().addHandler(handler)
    logging.getLogger().setLevel(logging.WARNING)
    return handler


def _die_loudly(text: str) -> None:
    sys.stderr.write(f"unexpected failure: {text}\n")
    sys.stderr.flush()
    os._exit(3)


# --- crash: one restart of a worker that may be killed at any moment -------------------


def crash(args) -> int:
    watch_logs(_die_loudly)
    init_database(args.db)
    migrate()
    clock = FixedClock(parse_instant(args.start))
    core = build_core(clock)
    jobs = core.build_scheduler()  # the passes run as the worker runs them: through their job leases
    rng = random.Random(args.seed)
    say("janitor")
    jobs.run_job("janitor")
    for step in range(args.steps):
        say("renew")
        jobs.run_job("renewals")
        say("topup")
        for j, email in enumerate(_topup_targets(rng, 4)):
            try:
                core.payments.top_up(
                    OPERATOR, email, rng.randint(5, 60) * 100, idempotency_key=f"crash-{args.seed}-{step}-{j}"
                )
            except DomainError:
                pass
        if step % 3 == 1:
            say("refund")
            _refund_something(core, rng, f"crash-{args.seed}-{step}")
        say("retry")
        jobs.run_job("retries")
        clock.advance(minutes=20)
    say("done")
    return 0


def _topup_targets(rng: random.Random, count: int) -> list[str | int]:
    """Mostly customers whose renewal waits for money, so top-ups reactivate subscriptions."""
    waiting = [
        e
        for (e,) in Customer.select(Customer.email)
        .join(Subscription)
        .where(Subscription.status == "pending_renewal")
        .order_by(Customer.id)
        .limit(200)
        .tuples()
    ]
    top = Customer.select(fn.MAX(Customer.id)).scalar() or 1
    targets = []
    for _ in range(count):
        if waiting and rng.random() < 0.6:
            targets.append(rng.choice(waiting))
        else:
            targets.append(rng.randint(1, top))
    return targets


def _refund_something(core, rng: random.Random, key: str) -> None:
    rows = list(
        TopUp.select(TopUp.id, TopUp.amount_minor, TopUp.refunded_minor)
        .where((TopUp.status == "succeeded") & (TopUp.actor != "demo"))
        .order_by(TopUp.id.desc())
        .limit(30)
    )
    if not rows:
        return
    row = rng.choice(rows)
    try:
        core.payments.refund_topup(ADMIN, row.id, rng.randint(1, 5) * 100, "customer asked", idempotency_key=key)
    except DomainError:
        pass  # nothing left to refund, or the wallet already spent it


# --- once: one payment that dies at a chosen point ------------------------------------------

# point -> (object path on the core, attribute, die "before" or "after" the call)
CRASH_POINTS = {
    "topup_before_charge": ("gateway", "charge", "before"),
    "topup_after_charge": ("gateway", "charge", "after"),
    "topup_before_settle": ("retries", "settle_subject", "before"),
    "topup_before_activation": ("renewals", "activate_pending_for_wallet", "before"),
    "topup_before_queue_item": ("retries", "record_failure", "before"),
    "refund_before_send": ("gateway", "refund", "before"),
    "refund_after_send": ("gateway", "refund", "after"),
    "refund_before_queue_item": ("retries", "record_failure", "before"),
}
KILLED = 137


def once(args) -> int:
    """Start a top-up (or a refund of ``--topup-id``) and die like kill -9 at ``--point``."""
    init_database(args.db)
    migrate()
    core = build_core(FixedClock(parse_instant(args.now)))
    owner, attribute, when = CRASH_POINTS[args.point]
    target = getattr(core, owner)
    original = getattr(target, attribute)

    def dying(*a, **kw):
        if when == "before":
            os._exit(KILLED)
        original(*a, **kw)
        os._exit(KILLED)

    setattr(target, attribute, dying)
    if args.point.startswith("topup"):
        core.payments.top_up(OPERATOR, args.email, 5000, idempotency_key="crash-point")
    else:
        core.payments.refund_topup(ADMIN, args.topup_id, 1000, "crash point", idempotency_key="crash-point")
    return 0  # the point was never reached


# --- race: threads in several processes on one database ----------------------------------


class SteppedClock:
    """Time shared by every process of a race: ``step`` of simulated time every ``tick`` real seconds.

    Between ticks it stands still, as a FixedClock does, so leases and janitor
    cutoffs behave as in production; every tick moves every process forward at once.
    """

    def __init__(self, base: datetime, epoch: float, tick: float, step: timedelta):
        self.base, self.epoch, self.tick, self.step = base, epoch, tick, step

    def now(self) -> datetime:
        ticks = max(0, int((time.time() - self.epoch) / self.tick))
        return self.base + self.step * ticks


class Racer:
    OPERATIONS = (
        ("topup", 10),
        ("renew", 7),
        ("retry", 8),
        ("refund_topup", 8),
        ("refund_charge", 5),
        ("cancel", 6),
        ("reinstate", 6),
        ("resubscribe", 6),
        ("retry_now", 7),
        ("usage", 8),
        ("janitor", 3),
        ("adjust", 3),
        ("check", 3),
    )

    OPERATOR_DESK = (
        ("topup", 10),
        ("refund_topup", 6),
        ("refund_charge", 4),
        ("change_plan", 8),
        ("resubscribe", 5),
        ("cancel", 4),
        ("reinstate", 4),
    )

    def __init__(self, core, seed: int, deadline: float, name: str, operations=OPERATIONS):
        self.core = core
        self.operations = operations
        self.rng = random.Random(seed)
        self.deadline = deadline
        self.name = name
        self.done: dict[str, int] = {}
        self.idle: dict[str, int] = {}
        self.refused: dict[str, int] = {}
        self.unexpected: list[str] = []
        self.serial = 0

    def run(self) -> None:
        names = [n for n, _ in self.operations]
        weights = [w for _, w in self.operations]
        try:
            while time.time() < self.deadline:
                op = self.rng.choices(names, weights)[0]
                try:
                    acted = getattr(self, f"do_{op}")()
                except DomainError:
                    self.refused[op] = self.refused.get(op, 0) + 1
                except Exception:  # noqa: BLE001 - what the test is looking for
                    self.unexpected.append(f"{self.name} {op}: {traceback.format_exc()}")
                else:
                    tally = self.done if acted is not False else self.idle
                    tally[op] = tally.get(op, 0) + 1
        finally:
            if not database.is_closed():
                database.close()

    def _key(self) -> str:
        self.serial += 1
        return f"{self.name}-{self.serial}"

    def _customer(self) -> Customer:
        return Customer.select().order_by(fn.RANDOM()).first()

    def _subscription(self, *statuses: str) -> Subscription | None:
        query = Subscription.select()
        if statuses:
            query = query.where(Subscription.status.in_(statuses))
        return query.order_by(fn.RANDOM()).first()

    # Each returns False when there was nothing to act on (counted as idle, not as done).

    def do_topup(self) -> bool:
        self.core.payments.top_up(
            OPERATOR, self._customer().email, self.rng.randint(1, 5) * 100, idempotency_key=self._key()
        )
        return True

    def do_renew(self) -> bool:
        return self.core.renewals.renew_due_subscriptions(ADMIN)["due"] > 0

    def do_retry(self) -> bool:
        return self.core.retries.process_pending_retries()["due"] > 0

    def do_janitor(self) -> bool:
        found = self.core.run_janitor()
        return found["topups"] + found["refunds"] > 0

    def do_refund_topup(self) -> bool:
        row = TopUp.select().where(TopUp.status == "succeeded").order_by(fn.RANDOM()).first()
        if row is None:
            return False
        self.core.payments.refund_topup(
            ADMIN, row.id, self.rng.randint(1, 10) * 100, "race refund", idempotency_key=self._key()
        )
        return True

    def do_refund_charge(self) -> bool:
        entry = LedgerEntry.select().where(LedgerEntry.kind == "renewal").order_by(fn.RANDOM()).first()
        if entry is None:
            return False
        self.core.payments.refund_charge(
            ADMIN, entry.id, self.rng.randint(1, 3) * 100, "race goodwill", idempotency_key=self._key()
        )
        return True

    def do_cancel(self) -> bool:
        sub = self._subscription("active")
        if sub is None:
            return False
        self.core.subscriptions.cancel(OPERATOR, sub.id, "race")
        return True

    def do_reinstate(self) -> bool:
        sub = self._subscription("canceled")
        if sub is None:
            return False
        self.core.subscriptions.reinstate(OPERATOR, sub.id, "race")
        return True

    def do_resubscribe(self) -> bool:
        sub = (
            Subscription.select(Subscription, Customer)
            .join(Customer)
            .where(Subscription.status == "expired")
            .order_by(fn.RANDOM())
            .first()
        )
        if sub is None:
            return False
        self.core.subscriptions.subscribe(OPERATOR, sub.customer.email, sub.plan.code, "race")
        return True

    def do_change_plan(self) -> bool:
        sub = Subscription.select(Subscription, Plan).join(Plan).where(Subscription.status == "active")
        sub = sub.order_by(fn.RANDOM()).first()
        if sub is None:
            return False
        other = (
            Plan.select()
            .where((Plan.currency == sub.plan.currency) & (Plan.id != sub.plan_id) & (Plan.active == True))  # noqa: E712
            .order_by(fn.RANDOM())
            .first()
        )
        if other is None:
            return False
        self.core.subscriptions.change_plan(OPERATOR, sub.id, other.code, "race plan change")
        return True

    def do_retry_now(self) -> bool:
        ids = [
            i
            for (i,) in ErrorItem.select(ErrorItem.id)
            .where(ErrorItem.status.in_(("retrying", "manual")))
            .order_by(fn.RANDOM())
            .limit(self.rng.randint(1, 3))
            .tuples()
        ]
        if not ids:
            return False
        self.core.retries.retry_now(OPERATOR, ids)
        return True

    def do_usage(self) -> bool:
        sub = self._subscription("active", "canceled")
        if sub is None:
            return False
        self.core.features.record_usage(OPERATOR, sub.id, "sms", self.rng.randint(1, 30), idempotency_key=self._key())
        return True

    def do_adjust(self) -> bool:
        wallet = Wallet.select().order_by(fn.RANDOM()).first()
        self.core.payments.adjust_balance(
            ADMIN, wallet.id, self.rng.choice((-200, 300, 500)), "race correction", idempotency_key=self._key()
        )
        return True

    def do_check(self) -> bool:
        self.core.features.check_access(self._customer().email, "sms")
        return True


def race(args) -> int:
    logged = watch_logs()
    init_database(args.db)
    migrate()
    core = build_core(_shared_clock(args))
    unexpected: list[str] = []
    startup: dict[str, int] = {}
    # The renewal pass the app runs at start, before any other work of this process. Every process runs it
    # (straight through the service, not behind the scheduler's job lease), so the start-up passes race one
    # another; whichever reaches a subscription first handles it. No process does anything else before its
    # own pass is over, so what fell due before the race is renewed or refused on the wallets as the test
    # left them, however the processes interleave.
    try:
        startup = core.renewals.renew_due_subscriptions(SYSTEM)
    except Exception:  # noqa: BLE001 - what the test is looking for
        unexpected.append(f"p{args.seed} start-up renewals: {traceback.format_exc()}")
    finally:
        database.close()
    result = _race_threads(core, args, Racer.OPERATIONS)
    result["unexpected"][:0] = unexpected
    result["startup"] = startup
    result["unexpected"].extend(f"logged: {text}" for text in logged.seen)
    Path(args.out).write_text(json.dumps(result, indent=1), encoding="utf-8")
    return 0


def _race_threads(core, args, operations) -> dict:
    deadline = args.epoch + args.seconds
    racers = [Racer(core, args.seed * 100 + n, deadline, f"p{args.seed}t{n}", operations) for n in range(args.threads)]
    threads = [threading.Thread(target=r.run, name=r.name) for r in racers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    result: dict = {"done": {}, "idle": {}, "refused": {}, "unexpected": []}
    for racer in racers:
        for key in ("done", "idle", "refused"):
            for op, n in getattr(racer, key).items():
                result[key][op] = result[key].get(op, 0) + n
        result["unexpected"].extend(racer.unexpected)
    return result


def _shared_clock(args) -> SteppedClock:
    return SteppedClock(parse_instant(args.base), args.epoch, args.tick, timedelta(minutes=args.step_minutes))


# --- operator: a desk's operators, no scheduler ------------------------------------------------


def operator(args) -> int:
    logged = watch_logs()
    init_database(args.db)
    migrate()
    database.close()
    result = _race_threads(build_core(_shared_clock(args)), args, Racer.OPERATOR_DESK)
    result["unexpected"].extend(f"logged: {text}" for text in logged.seen)
    Path(args.out).write_text(json.dumps(result, indent=1), encoding="utf-8")
    return 0


# --- worker: the scheduled passes through their leases, once a tick --------------------------------

# point -> (object on the core, attribute): die right after the first call of it returns, the lease still held
WORKER_CRASH_POINTS = {
    # One batch of the renewal pass is committed, the rest of the pass is not done, the lease is not given back.
    "renewals_after_first_batch": ("renewals", "_run_batch"),
}


def worker(args) -> int:
    logged = watch_logs()
    init_database(args.db)
    migrate()
    clock = _shared_clock(args)
    core = build_core(clock)
    # Named as default_owner names an instance (host, pid, tag), so a dead one is seen to have ended.
    owner = f"{leases.this_host()}:{os.getpid()}:{args.owner}"
    core.owner = owner
    jobs = core.build_scheduler()
    if args.point:
        owner, attribute = WORKER_CRASH_POINTS[args.point]
        target = getattr(core, owner)
        original = getattr(target, attribute)

        def dying(*a, **kw):
            original(*a, **kw)
            os._exit(KILLED)

        setattr(target, attribute, dying)
    tally = {"runs": {}, "conflicts": {}, "takeovers": 0, "unexpected": []}
    deadline = args.epoch + args.seconds
    last_tick = -1
    while time.time() < deadline:
        tick = int(max(0.0, time.time() - args.epoch) / args.tick)
        if tick == last_tick:
            time.sleep(0.02)
            continue
        last_tick = tick
        names = ["renewals", "retries"] if tick >= args.first_renewal_tick else ["retries"]
        for name in names:
            try:
                held = _unreturned_lease(name, owner)
                jobs.run_job(name)
            except Conflict:
                tally["conflicts"][name] = tally["conflicts"].get(name, 0) + 1
            except Exception:  # noqa: BLE001 - what the test is looking for
                tally["unexpected"].append(f"{args.owner} {name}: {traceback.format_exc()}")
            else:
                tally["runs"][name] = tally["runs"].get(name, 0) + 1
                tally["takeovers"] += held
            finally:
                if not database.is_closed():
                    database.close()
    tally["unexpected"].extend(f"logged: {text}" for text in logged.seen)
    Path(args.out).write_text(json.dumps(tally, indent=1), encoding="utf-8")
    return 0


def _unreturned_lease(name: str, owner: str) -> int:
    """1 when another owner's lease on the job was not given back and is free to take (its holder died:
    the lease ran out in real time, or it names a process on this host that has ended), else 0."""
    with database.connection_context():
        row = JobState.get_or_none(JobState.name == name)
        real_now = leases.lease_now()
    if row is None or row.lease_owner in (None, owner) or row.lease_until is None:
        return 0
    return 1 if row.lease_until <= real_now or leases.Holder.parse(row.lease_owner).alive() is False else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    c = commands.add_parser("crash")
    c.add_argument("--db", required=True)
    c.add_argument("--start", required=True)
    c.add_argument("--seed", type=int, required=True)
    c.add_argument("--steps", type=int, default=40)
    o = commands.add_parser("once")
    o.add_argument("--db", required=True)
    o.add_argument("--now", required=True)
    o.add_argument("--point", required=True, choices=sorted(CRASH_POINTS))
    o.add_argument("--email")
    o.add_argument("--topup-id", type=int)
    r = commands.add_parser("race")
    r.add_argument("--db", required=True)
    r.add_argument("--base", required=True)
    r.add_argument("--epoch", type=float, required=True)
    r.add_argument("--seconds", type=float, required=True)
    r.add_argument("--tick", type=float, default=0.5)
    r.add_argument("--step-minutes", type=int, default=120)
    r.add_argument("--threads", type=int, default=3)
    r.add_argument("--seed", type=int, required=True)
    r.add_argument("--out", required=True)
    for name in ("worker", "operator"):
        w = commands.add_parser(name)
        w.add_argument("--db", required=True)
        w.add_argument("--base", required=True)
        w.add_argument("--epoch", type=float, required=True)
        w.add_argument("--seconds", type=float, required=True)
        w.add_argument("--tick", type=float, default=0.5)
        w.add_argument("--step-minutes", type=int, default=120)
        w.add_argument("--out", required=True)
        if name == "worker":
            w.add_argument("--owner", required=True)
            w.add_argument("--point", choices=sorted(WORKER_CRASH_POINTS))
            w.add_argument("--first-renewal-tick", type=int, default=0)
        else:
            w.add_argument("--threads", type=int, default=3)
            w.add_argument("--seed", type=int, required=True)
    args = parser.parse_args(argv)
    return {"crash": crash, "once": once, "race": race, "worker": worker, "operator": operator}[args.command](args)


if __name__ == "__main__":
    os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")
    sys.exit(main())
