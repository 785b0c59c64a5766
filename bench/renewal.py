"""The renewal pass on the realistic mix, beside plain sqlite3 loops doing the same writes.

The data set (fixed seed, bulk inserts): N subscriptions due at once, of which 55 % are funded,
39 % short (the wallet cannot pay: the renewal waits for funds and a payment_failed notice is
due) and 6 % expire (canceled, or waiting for funds past their grace days); a third are on
metered plans with usage recorded in the segment that closes. The pass is the product's own:
``build_core`` wires ``RenewalService`` exactly as the scheduler runs it (notifications, the
usage pricer, settings).

The anchors run on copies of the same database: a plain sqlite3 loop doing the same writes as
the pass (invoice number, invoice and lines, ledger debit, the invoice's payment, period
charge, usage settled, event, subscription, wallet, the notices the pass writes, the customers' notices) one
transaction per subscription, and the same loop committing every 500.

    python -m bench.renewal [--quick] [--json FILE]      # the suite's rows (SQLite)
    python -m bench.renewal --db URL [N]                 # the pass alone on an EMPTY database (PostgreSQL, say)
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sqlite3
import statistics
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from bench.report import Row, Stopwatch, main, ms, peak_rss_mb, rate, times
from models.db import database, execute_many, init_database, is_sqlite
from models.migrations import migrate
from scheduler.core import build_core
from services.auth import SYSTEM
from services.clock import FixedClock
from services.lifecycle import add_interval
from services.renewals import NOTICES_ONE_BY_ONE

NOW = datetime(2026, 3, 1, 8, 0)
SEED = 11
LOOP_BATCH = 500
GRACE_DAYS = 3
# (code, price, currency, metered): a third of the subscriptions are on the metered plan.
PLANS = [("basic", 1000, "USD", False), ("pro", 2900, "USD", False), ("metered", 1500, "USD", True)]
INCLUDED, UNIT_PRICE = 1000, 2  # the metered feature: 1,000 calls included, 2 cents each above


@dataclass(frozen=True)
class Mix:
    due: int
    funded: int
    short: int
    expiring: int
    metered: int


def _placeholders(sql: str) -> str:
    return sql if is_sqlite() else sql.replace("?", "%s")


def build(count: int, seed: int = SEED) -> Mix:
    """Fill the bound, freshly migrated database with ``count`` due subscriptions of the realistic mix."""
    rng = random.Random(seed)
    created = NOW - timedelta(days=40)
    with database.atomic():
        execute_many(
            "INSERT INTO plan (id, code, name, price_minor, currency, interval_unit, interval_count, grace_days, "
            "access_in_grace, active, created_at) VALUES (?, ?, ?, ?, ?, 'month', 1, ?, FALSE, TRUE, ?)",
            [
                (n, code, code.title(), price, cur, GRACE_DAYS, created)
                for n, (code, price, cur, _) in enumerate(PLANS, 1)
            ],  # noqa: E501
        )
        execute_many(
            "INSERT INTO feature (id, code, name, type, unit) VALUES (?, ?, ?, ?, ?)",
            [(1, "api_calls", "API calls", "usage", "call")],
        )
        metered_plan = next(n for n, plan in enumerate(PLANS, 1) if plan[3])
        execute_many(
            "INSERT INTO plan_feature (plan_id, feature_id, enabled, included, pricing, unit_price_minor, "
            "package_price_minor) VALUES (?, 1, TRUE, ?, 'flat', ?, 0)",
            [(metered_plan, INCLUDED, UNIT_PRICE)],
        )
        funded = short = expiring = metered = 0
        step = 20_000
        for first in range(1, count + 1, step):
            customers, wallets, ledger, subs, usage = [], [], [], [], []
            for n in range(first, min(first + step, count + 1)):
                plan_id = rng.randrange(1, len(PLANS) + 1)
                price, is_metered = PLANS[plan_id - 1][1], PLANS[plan_id - 1][3]
                used = rng.randrange(0, 4000) if is_metered else 0
                usage_cost = max(0, used - INCLUDED) * UNIT_PRICE
                end = NOW - timedelta(minutes=rng.randrange(1, 600))
                start = end - timedelta(days=31)
                roll = rng.random()
                status, pending_since = "active", None
                if roll < 0.55:
                    balance = price + usage_cost + rng.randrange(0, 5000)
                    funded += 1
                elif roll < 0.94:
                    balance = rng.randrange(0, price)
                    short += 1
                elif roll < 0.97:
                    status, balance = "canceled", rng.randrange(0, 3000)
                    expiring += 1
                else:
                    status, balance = "pending_renewal", rng.randrange(0, price)
                    pending_since = end - timedelta(days=GRACE_DAYS, hours=1)
                    expiring += 1
                customers.append((n, f"Customer {n}", f"c{n}@example.com", "active", created))
                wallets.append((n, n, "USD", balance, created))
                if balance:
                    ledger.append((n, "topup", balance, balance, f"bench-topup:{n}", "bench", n, "bench", created))
                subs.append(
                    (
                        n,
                        n,
                        plan_id,
                        n,
                        status,
                        status != "canceled",
                        start.day,
                        start,
                        end,
                        pending_since,
                        created,
                        created,
                        start,
                    )
                )
                if is_metered:
                    metered += 1
                    usage.append((n, 1, start, used))
            execute_many("INSERT INTO customer (id, name, email, status, created_at) VALUES (?, ?, ?, ?, ?)", customers)
            execute_many(
                "INSERT INTO wallet (id, customer_id, currency, balance_minor, created_at) VALUES (?, ?, ?, ?, ?)",
                wallets,
            )
            execute_many(
                "INSERT INTO ledger_entry (wallet_id, kind, amount_minor, balance_after_minor, idempotency_key, "
                "ref_type, ref_id, actor, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                ledger,
            )
            execute_many(
                "INSERT INTO subscription (id, customer_id, plan_id, wallet_id, status, auto_renew, anchor_day, "
                "period_start, period_end, pending_since, created_at, updated_at, usage_since) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                subs,
            )
            execute_many(
                "INSERT INTO usage_counter (subscription_id, feature_id, period_start, used, settled) "
                "VALUES (?, ?, ?, ?, FALSE)",
                usage,
            )
        if not is_sqlite():  # rows went in with their ids: the sequences move past them
            for table in ("plan", "feature", "customer", "wallet", "subscription"):
                database.execute_sql(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT MAX(id) FROM {table}))"
                )
    return Mix(funded + short + expiring, funded, short, expiring, metered)


def build_file(path: Path, count: int) -> Mix:
    init_database(str(path))
    with database.connection_context():
        migrate()
        mix = build(count)
        database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    database.close()
    return mix


# --- the pass ---------------------------------------------------------------------------------------


def run_pass(url: str) -> tuple[dict, float]:
    """The product's pass as the scheduler wires it; its summary and seconds."""
    init_database(url)
    with database.connection_context(), Stopwatch() as watch:
        core = build_core(FixedClock(NOW))
        summary = core.renewals.renew_due_subscriptions(SYSTEM)
    database.close()
    return summary, watch.seconds


# --- the plain loop -----------------------------------------------------------------------------------


class _Notices:
    """The notices the pass writes: one by one up to ``NOTICES_ONE_BY_ONE`` of a kind, then one for the rest."""

    def __init__(self, con: sqlite3.Connection) -> None:
        self.con = con
        self.counts: dict[str, int] = {}
        self.owed: dict[str, int] = {}
        self.grouped: set[str] = set()

    def add(self, kind: str, sub_id: int, period_end: str, owed: int) -> None:
        count = self.counts[kind] = self.counts.get(kind, 0) + 1
        self.owed[kind] = self.owed.get(kind, 0) + owed
        params = json.dumps({"subscription_id": sub_id, "amount_minor": owed, "currency": "USD"})
        if count <= NOTICES_ONE_BY_ONE:
            self.con.execute(
                "INSERT INTO notification (kind, severity, title, body, subject_type, subject_id, dedup_key, "
                "created_at, params) VALUES (?, 'warning', ?, '', 'subscription', ?, ?, ?, ?) "
                "ON CONFLICT (dedup_key) DO NOTHING",
                (kind, f"{kind} #{sub_id}", sub_id, f"{kind}:{sub_id}:{period_end}", NOW, params),
            )

    def flush(self) -> None:
        """The grouped notices, as they stand at the end of this transaction."""
        for kind, count in self.counts.items():
            if count <= NOTICES_ONE_BY_ONE:
                continue
            params = json.dumps({"count": count, "totals": {"USD": self.owed[kind]}})
            title = f"{count} {kind}"
            if kind in self.grouped:
                self.con.execute(
                    "UPDATE notification SET title = ?, params = ? WHERE dedup_key = ?",
                    (title, params, f"{kind}:pass:{NOW}"),
                )
            else:
                self.grouped.add(kind)
                self.con.execute(
                    "INSERT INTO notification (kind, severity, title, body, dedup_key, created_at, params) "
                    "VALUES (?, 'warning', ?, '', ?, ?, ?)",
                    (kind, title, f"{kind}:pass:{NOW}", NOW, params),
                )


class _Loop:
    """A plain sqlite3 loop over the due subscriptions doing the pass's writes, row by row."""

    def __init__(self, con: sqlite3.Connection) -> None:
        self.con = con
        self.notices = _Notices(con)
        self.terms = {
            plan_id: (included, unit_price)
            for plan_id, included, unit_price in con.execute(
                "SELECT plan_id, included, unit_price_minor FROM plan_feature WHERE pricing = 'flat'"
            )
        }
        self.renewed = self.paid = 0
        self.first_invoice: int | None = None

    def issue(self, due: tuple, balance: int, kind: str, key: str, lines: list[tuple], pay: int, period: tuple) -> int:
        """An invoice with its lines, paid ``pay`` from the wallet; returns its id."""
        sub_id, customer_id, wallet_id, plan_id = due[0], due[1], due[2], due[9]
        con = self.con
        seq = con.execute(
            "UPDATE document_sequence SET last_number = last_number + 1 WHERE series = 'INV' AND year = ? "
            "RETURNING last_number",
            (NOW.year,),
        ).fetchone()[0]
        invoice_id = con.execute(
            "INSERT INTO invoice (number, year, seq, customer_id, wallet_id, subscription_id, currency, kind, "
            "period_start, period_end, total_minor, event_key, actor, issued_at) "
            "VALUES (?, ?, ?, ?, ?, ?, 'USD', ?, ?, ?, ?, ?, 'system', ?)",
            (f"INV-{NOW.year}-{seq:06d}", NOW.year, seq, customer_id, wallet_id, sub_id, kind, *period,
             sum(line[3] for line in lines), key, NOW),
        ).lastrowid  # fmt: skip
        con.executemany(
            "INSERT INTO invoice_line (invoice_id, position, kind, description, plan_id, feature_id, quantity, "
            "pricing, amount_minor, period_start, period_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (invoice_id, n, kind_, text, plan_id, feature, quantity, "flat" if feature else None, amount, *period)
                for n, (kind_, text, feature, amount, quantity) in enumerate(lines, 1)
            ],
        )
        if pay:
            ledger_id = con.execute(
                "INSERT INTO ledger_entry (wallet_id, kind, amount_minor, balance_after_minor, idempotency_key, "
                "ref_type, ref_id, actor, created_at, note) VALUES (?, ?, ?, ?, ?, 'subscription', ?, 'system', ?, ?)",
                (wallet_id, kind, -pay, balance - pay, key, sub_id, NOW, lines[0][1]),
            ).lastrowid
            con.execute(
                "INSERT INTO invoice_payment (invoice_id, ledger_entry_id, amount_minor, created_at) "
                "VALUES (?, ?, ?, ?)",
                (invoice_id, ledger_id, pay, NOW),
            )
            con.execute("UPDATE wallet SET balance_minor = ? WHERE id = ?", (balance - pay, wallet_id))
        assert invoice_id is not None
        return invoice_id

    def tell_customer(self, customer_id: int, kind: str, key: str, params: dict, subject: tuple[str, int]) -> None:
        """The customer's notice (outbox row) in their language, suppressed for a customer marked no email."""
        self.con.execute(
            "INSERT INTO customer_notice (customer_id, kind, language, params, dedup_key, subject_type, subject_id, "
            "status, reason, attempts, created_at, due_at, updated_at) "
            "SELECT c.id, ?, c.language, ?, ?, ?, ?, CASE WHEN c.no_email THEN 'suppressed' ELSE 'pending' END, "
            "CASE WHEN c.no_email THEN 'no_email' ELSE NULL END, 0, ?, ?, ? FROM customer c WHERE c.id = ? "
            "ON CONFLICT (dedup_key) DO NOTHING",
            (kind, json.dumps(params, sort_keys=True), key, *subject, NOW, NOW, NOW, customer_id),
        )

    def event(self, sub_id: int, from_status: str, to_status: str, name: str, reason: str | None) -> None:
        self.con.execute(
            "INSERT INTO subscription_event (subscription_id, from_status, to_status, event, reason, actor, "
            "created_at) VALUES (?, ?, ?, ?, ?, 'system', ?)",
            (sub_id, from_status, to_status, name, reason, NOW),
        )

    def handle(self, due: tuple) -> None:
        (sub_id, customer_id, wallet_id, status, _start, p_end, pending_since, anchor, usage_since,
         plan_id, code, price, unit, interval) = due  # fmt: skip
        con = self.con
        balance = con.execute("SELECT balance_minor FROM wallet WHERE id = ?", (wallet_id,)).fetchone()[0]
        counters = con.execute(
            "SELECT feature_id, used FROM usage_counter WHERE subscription_id = ? AND period_start = ? AND NOT settled",
            (sub_id, usage_since),
        ).fetchall()
        included, unit_price = self.terms.get(plan_id, (0, 0))
        usage = [
            ("usage", f"API calls: {used:,} calls", feature, (used - included) * unit_price, used)
            for feature, used in counters
            if used > included
        ]
        usage_minor = sum(line[3] for line in usage)
        owed = price + usage_minor
        if counters:
            con.execute(
                "UPDATE usage_counter SET settled = TRUE WHERE subscription_id = ? AND period_start = ?",
                (sub_id, usage_since),
            )
        overdue = (
            pending_since is not None and datetime.fromisoformat(pending_since) + timedelta(days=GRACE_DAYS) <= NOW
        )
        if status == "canceled" or (status == "pending_renewal" and overdue and balance < owed):
            if usage:
                key = f"usage:{sub_id}:{usage_since}"
                self.issue(due, balance, "usage", key, usage, min(balance, usage_minor), (usage_since, p_end))
            self.event(sub_id, status, "expired", "period_end" if status == "canceled" else "grace_expired", "ended")
            con.execute("UPDATE subscription SET status = 'expired', updated_at = ? WHERE id = ?", (NOW, sub_id))
            self.notices.add("subscription_expired", sub_id, p_end, 0)
            self.tell_customer(
                customer_id,
                "subscription_expired",
                f"subscription_expired:{sub_id}:{datetime.fromisoformat(p_end).isoformat()}",
                {"subscription_id": sub_id, "plan_name": code.title(), "expired_on": NOW.isoformat()},
                ("subscription", sub_id),
            )
        elif balance < owed:
            self.event(sub_id, status, "pending_renewal", "renewal_short", f"holds {balance}, costs {owed}")
            con.execute(
                "UPDATE subscription SET status = 'pending_renewal', pending_since = ?, updated_at = ? WHERE id = ?",
                (NOW, NOW, sub_id),
            )
            self.notices.add("payment_failed", sub_id, p_end, owed)
            self.tell_customer(
                customer_id,
                "renewal_waiting",
                f"renewal_waiting:{sub_id}:{datetime.fromisoformat(p_end).isoformat()}",
                {"subscription_id": sub_id, "plan_name": code.title(), "price_minor": owed, "balance_minor": balance,
                 "shortfall_minor": owed - balance, "currency": "USD",
                 "grace_until": (NOW + timedelta(days=GRACE_DAYS)).isoformat()},
                ("subscription", sub_id),
            )  # fmt: skip
        else:
            start = datetime.fromisoformat(p_end)
            end = add_interval(start, unit, interval, anchor)
            key = f"renewal:{sub_id}:{start.isoformat()}"
            lines = [("plan", f"{code} {start:%Y-%m-%d} → {end:%Y-%m-%d}", None, price, 1), *usage]
            invoice_id = self.issue(due, balance, "renewal", key, lines, owed, (start, end))
            number = con.execute("SELECT number FROM invoice WHERE id = ?", (invoice_id,)).fetchone()[0]
            self.tell_customer(
                customer_id,
                "receipt",
                f"receipt:invoice:{invoice_id}",
                {"invoice_id": invoice_id, "invoice_number": number, "plan_name": code.title(),
                 "period_start": start.isoformat(), "period_end": end.isoformat(), "total_minor": owed,
                 "paid_minor": owed, "currency": "USD", "balance_minor": balance - owed},
                ("invoice", invoice_id),
            )  # fmt: skip
            self.first_invoice = self.first_invoice or invoice_id
            con.execute(
                "INSERT INTO subscription_charge (subscription_id, period_start, period_end, plan_minor, usage_minor, "
                "ledger_entry_id, created_at) VALUES (?, ?, ?, ?, ?, "
                "(SELECT id FROM ledger_entry WHERE idempotency_key = ?), ?)",
                (sub_id, start, end, price, usage_minor, key, NOW),
            )
            self.event(sub_id, status, "active", "renew", None)
            con.execute(
                "UPDATE subscription SET status = 'active', period_start = ?, period_end = ?, "
                "pending_since = NULL, usage_since = ?, updated_at = ? WHERE id = ?",
                (start, end, start, NOW, sub_id),
            )
            self.paid += owed
            self.renewed += 1

    def finish(self) -> None:
        """The pass's one "renewals paid" notice."""
        self.con.execute(
            "INSERT INTO notification (kind, severity, title, body, subject_type, subject_id, dedup_key, created_at, "
            "params) VALUES ('renewals_paid', 'info', ?, '', 'renewal_pass', ?, ?, ?, ?)",
            (f"{self.renewed} renewal(s) paid", self.first_invoice, f"renewals_paid:{NOW}", NOW,
             json.dumps({"renewed": self.renewed, "totals": {"USD": self.paid}})),
        )  # fmt: skip


def run_loop(path: Path, per_transaction: int) -> tuple[int, float]:
    """The same writes as the pass in a plain sqlite3 loop, committing every ``per_transaction`` subscriptions."""
    con = sqlite3.connect(str(path), isolation_level=None)
    con.execute("PRAGMA journal_mode=wal")
    con.execute("PRAGMA synchronous=normal")
    con.execute("PRAGMA foreign_keys=1")
    with Stopwatch() as watch:
        due = con.execute(
            "SELECT s.id, s.customer_id, s.wallet_id, s.status, s.period_start, s.period_end, s.pending_since, "
            "s.anchor_day, s.usage_since, p.id, p.code, p.price_minor, p.interval_unit, p.interval_count "
            "FROM subscription s JOIN plan p ON p.id = s.plan_id "
            "WHERE s.status IN ('active', 'pending_renewal', 'canceled') AND s.period_end <= ? "
            "ORDER BY s.period_end, s.id",
            (NOW,),
        ).fetchall()
        con.execute(
            "INSERT OR IGNORE INTO document_sequence (series, year, last_number) VALUES ('INV', ?, 0)", (NOW.year,)
        )
        loop = _Loop(con)
        for first in range(0, len(due), per_transaction):
            con.execute("BEGIN IMMEDIATE")
            for row in due[first : first + per_transaction]:
                loop.handle(row)
            loop.notices.flush()
            con.execute("COMMIT")
        loop.finish()
    con.close()
    return len(due), watch.seconds


# --- the suite's rows ---------------------------------------------------------------------------------


@dataclass
class Measured:
    count: int
    due: int
    pass_seconds: float
    loop_seconds: float
    batched_seconds: float
    summary: dict

    @property
    def pass_rate(self) -> float:
        return self.due / self.pass_seconds

    @property
    def per_sub_ms(self) -> float:
        return self.pass_seconds / self.due * 1000


def measure(workdir: Path, count: int, repeats: int) -> Measured:
    base = workdir / f"base-{count}.sqlite3"
    mix = build_file(base, count)
    passes, loops, batched = [], [], []
    summary: dict = {}
    for _ in range(repeats):
        copy = workdir / "run.sqlite3"
        for run in ("pass", "loop", "batched"):
            for suffix in ("-wal", "-shm"):
                Path(str(copy) + suffix).unlink(missing_ok=True)
            shutil.copy(base, copy)
            if run == "pass":
                summary, seconds = run_pass(str(copy))
                if summary["due"] != mix.due or summary["errors"]:
                    raise SystemExit(f"error: the pass handled {summary} of {mix}")
                passes.append(seconds)
            else:
                handled, seconds = run_loop(copy, 1 if run == "loop" else LOOP_BATCH)
                if handled != mix.due:
                    raise SystemExit(f"error: the loop handled {handled} of {mix.due}")
                (loops if run == "loop" else batched).append(seconds)
    base.unlink()
    return Measured(
        count,
        mix.due,
        statistics.median(passes),
        statistics.median(loops),
        statistics.median(batched),
        summary,
    )


def _label(count: int) -> str:
    return f"{count // 1000}k" if count % 1000 == 0 else str(count)


def rows_for(measured: Sequence[Measured]) -> list[Row]:
    rows: list[Row] = []
    for m in measured:
        n = _label(m.count)
        loop_rate, batched_rate = m.due / m.loop_seconds, m.due / m.batched_seconds
        s = m.summary
        rows.append(
            Row(
                f"renewal pass, {n} due (55 % funded, 39 % short, 6 % expire, usage on)",
                "≥ 1.0× the per-transaction loop",
                f"{rate(m.due, m.pass_seconds)} ({m.per_sub_ms:.3f} ms each; {s['renewed']:,} renewed, "
                f"{s['pending_renewal']:,} pending, {s['expired']:,} expired)",
                f"sqlite3 loop, 1 tx each: {rate(m.due, m.loop_seconds)}",
                times(m.pass_rate / loop_rate),
                m.pass_rate >= loop_rate,
            )
        )
        rows.append(
            Row(
                f"renewal pass, {n} due, against the batched loop",
                "stretch ≥ 0.3× the batched loop",
                rate(m.due, m.pass_seconds),
                f"sqlite3 loop, {LOOP_BATCH} per tx: {rate(m.due, m.batched_seconds)}",
                times(m.pass_rate / batched_rate),
                m.pass_rate >= 0.3 * batched_rate,
            )
        )
    if len(measured) > 1:
        first, last = measured[0], measured[-1]
        growth = last.per_sub_ms / first.per_sub_ms
        rows.append(
            Row(
                "renewal pass, cost per subscription as N grows",
                "flat (≤ 1.2× the smallest N's)",
                " → ".join(f"{_label(m.count)}: {m.per_sub_ms:.3f} ms" for m in measured),
                "batched loop, same files: "
                + " → ".join(f"{m.batched_seconds / m.due * 1000:.3f} ms" for m in measured)
                + f" ({times((last.batched_seconds / last.due) / (first.batched_seconds / first.due))})",
                times(growth),
                growth <= 1.2,
            )
        )
    rows.append(
        Row(
            "renewal benchmark, peak memory of its process (the loops hold every due row)",
            "—",
            f"{peak_rss_mb():,.0f} MB",
        )
    )
    return rows


def run(quick: bool, workdir: Path) -> list[Row]:
    plan = [(10_000, 1)] if quick else [(10_000, 3), (100_000, 1), (500_000, 1)]
    measured = []
    for count, repeats in plan:
        measured.append(measure(workdir, count, repeats))
        print(f"   renewal: {count:,} due measured", file=sys.stderr, flush=True)
    return rows_for(measured)


def run_on(url: str, count: int) -> None:
    """The pass alone on ``url``, which must be empty: the data set is built there first."""
    init_database(url)
    with database.connection_context():
        if database.get_tables():
            raise SystemExit("error: the database is not empty; the benchmark builds its data in an empty one")
        migrate()
        mix = build(count)
    database.close()
    summary, seconds = run_pass(url)
    print(f"subscriptions due:  {mix.due:,} ({mix.funded:,} funded, {mix.short:,} short, {mix.expiring:,} expire)")
    print(f"renewal pass:       {summary}")
    each = seconds / summary["due"] * 1000
    print(f"                    {rate(summary['due'], seconds)} ({ms(seconds)}, {each:.3f} ms each)")
    if summary["due"] != mix.due or summary["errors"]:
        raise SystemExit("error: the pass did not handle every due subscription")


def cli(argv: list[str] | None = None, runner: Callable[[bool, Path], list[Row]] = run) -> None:
    args = list(sys.argv[1:] if argv is None else argv)
    if "--db" in args:
        parser = argparse.ArgumentParser(description="the renewal pass alone on an empty database")
        parser.add_argument("--db", metavar="URL", required=True)
        parser.add_argument("count", nargs="?", type=int, default=1000)
        parsed = parser.parse_args(args)
        run_on(parsed.db, parsed.count)
        return
    main(runner, args)


if __name__ == "__main__":
    cli()
