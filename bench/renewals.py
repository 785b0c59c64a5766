"""Renewal pass throughput, side by side with a hand-written sqlite3 loop.

Both start from copies of the same database holding N due, funded
subscriptions. The loop does the same writes the pass does for each renewal
(the next invoice number, the invoice and its plan line, ledger debit, the
invoice's payment, wallet balance, period charge, event, subscription period)
in one transaction per renewal. Prints renewals per second for each.

With ``--db`` the renewal pass runs on that database instead (a PostgreSQL URL, say),
which must be empty: the demo business is built there first. The sqlite3 loop is
SQLite's own and is left out.

    python bench/renewals.py [N]
    python bench/renewals.py [N] --db postgresql://user@host/empty_db
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from models.db import database, init_database  # noqa: E402
from models.migrations import migrate  # noqa: E402
from models.tables import Plan, Subscription  # noqa: E402
from services.clock import FixedClock  # noqa: E402
from services.demo import create_demo  # noqa: E402
from services.lifecycle import add_interval  # noqa: E402
from services.renewals import RenewalService  # noqa: E402

START = datetime(2026, 3, 1, 8, 0)


def build(path: Path | str, count: int) -> datetime:
    """A demo business whose every subscription is due and funded for one period."""
    init_database(str(path))
    with database.connection_context():
        if database.get_tables():
            raise SystemExit(f"error: {path} is not empty; the benchmark builds its business in an empty database")
        migrate()
        create_demo(FixedClock(START), customers=count, seed=1)
        with database.atomic():
            Subscription.update(status="active", auto_renew=True).execute()
        # Every wallet gets one more period's price, booked as a ledger adjustment so the books balance.
        plans = {p.id: p for p in Plan.select()}
        rows = list(Subscription.select(Subscription.id, Subscription.wallet, Subscription.plan).tuples())
        with database.atomic():
            for sub_id, wallet_id, plan_id in rows:
                price = plans[plan_id].price_minor
                database.execute_sql(
                    "INSERT INTO ledger_entry (wallet_id, kind, amount_minor, balance_after_minor, idempotency_key,"
                    " ref_type, ref_id, actor, created_at) SELECT id, 'adjustment', ?, balance_minor + ?, ?, 'bench',"
                    " 0, 'bench', ? FROM wallet WHERE id = ?".replace("?", database.param),
                    (price, price, f"bench:{sub_id}", START, wallet_id),
                )
                database.execute_sql(
                    "UPDATE wallet SET balance_minor = balance_minor + ? WHERE id = ?".replace("?", database.param),
                    (price, wallet_id),
                )
        latest = Subscription.select(Subscription.period_end).order_by(Subscription.period_end.desc()).scalar()
    database.close()
    return latest + timedelta(minutes=1)


def run_pass(path: Path | str, now: datetime) -> tuple[int, float]:
    init_database(str(path))
    with database.connection_context():
        service = RenewalService(FixedClock(now))
        began = time.perf_counter()
        summary = service.renew_due_subscriptions()
        elapsed = time.perf_counter() - began
    database.close()
    return summary["renewed"], elapsed


def run_sqlite_loop(path: Path, now: datetime) -> tuple[int, float]:
    con = sqlite3.connect(str(path), isolation_level=None)
    con.execute("PRAGMA journal_mode=wal")
    con.execute("PRAGMA synchronous=normal")
    con.execute("PRAGMA foreign_keys=1")
    began = time.perf_counter()
    due = con.execute(
        "SELECT s.id, s.wallet_id, s.period_end, s.anchor_day, p.price_minor, p.interval_unit, p.interval_count "
        "FROM subscription s JOIN plan p ON p.id = s.plan_id WHERE s.status = 'active' AND s.period_end <= ? "
        "ORDER BY s.period_end, s.id",
        (now,),
    ).fetchall()
    con.execute("INSERT OR IGNORE INTO document_sequence (series, year, last_number) VALUES ('INV', ?, 0)", (now.year,))
    customers = dict(con.execute("SELECT id, customer_id FROM wallet"))
    renewed = 0
    for sub_id, wallet_id, period_end, anchor, price, unit, count in due:
        start = datetime.fromisoformat(period_end)
        end = add_interval(start, unit, count, anchor)
        con.execute("BEGIN IMMEDIATE")
        balance = con.execute("SELECT balance_minor FROM wallet WHERE id = ?", (wallet_id,)).fetchone()[0]
        if balance < price:
            con.execute("ROLLBACK")
            continue
        key = f"loop:{sub_id}:{start.isoformat()}"
        seq = con.execute(
            "UPDATE document_sequence SET last_number = last_number + 1 WHERE series = 'INV' "
            "AND year = ? RETURNING last_number",
            (now.year,),
        ).fetchone()[0]
        invoice_id = con.execute(
            "INSERT INTO invoice (number, year, seq, customer_id, wallet_id, subscription_id, currency, kind,"
            " period_start, period_end, total_minor, event_key, actor, issued_at)"
            " VALUES (?, ?, ?, ?, ?, ?, 'USD', 'renewal', ?, ?, ?, ?, 'system', ?)",
            (
                f"INV-{now.year}-{seq:06d}",
                now.year,
                seq,
                customers[wallet_id],
                wallet_id,
                sub_id,
                start,
                end,
                price,
                key,
                now,
            ),
        ).lastrowid
        con.execute(
            "INSERT INTO invoice_line (invoice_id, position, kind, description, quantity, amount_minor,"
            " period_start, period_end) VALUES (?, 1, 'plan', 'plan', 1, ?, ?, ?)",
            (invoice_id, price, start, end),
        )
        cursor = con.execute(
            "INSERT INTO ledger_entry (wallet_id, kind, amount_minor, balance_after_minor, idempotency_key, ref_type,"
            " ref_id, actor, created_at) VALUES (?, 'renewal', ?, ?, ?, 'subscription', ?, 'system', ?)",
            (wallet_id, -price, balance - price, key, sub_id, now),
        )
        con.execute(
            "INSERT INTO invoice_payment (invoice_id, ledger_entry_id, amount_minor, created_at) VALUES (?, ?, ?, ?)",
            (invoice_id, cursor.lastrowid, price, now),
        )
        con.execute("UPDATE wallet SET balance_minor = ? WHERE id = ?", (balance - price, wallet_id))
        con.execute(
            "INSERT INTO subscription_charge (subscription_id, period_start, period_end, plan_minor,"
            " usage_minor, ledger_entry_id, created_at) VALUES (?, ?, ?, ?, 0, ?, ?)",
            (sub_id, start, end, price, cursor.lastrowid, now),
        )
        con.execute(
            "INSERT INTO subscription_event (subscription_id, from_status, to_status, event, actor,"
            " created_at) VALUES (?, 'active', 'active', 'renew', 'system', ?)",
            (sub_id, now),
        )
        con.execute(
            "UPDATE subscription SET period_start = ?, period_end = ?, usage_since = ?, updated_at = ? WHERE id = ?",
            (start, end, start, now, sub_id),
        )
        con.execute("COMMIT")
        renewed += 1
    elapsed = time.perf_counter() - began
    con.close()
    return renewed, elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", nargs="?", type=int, default=20000, help="subscriptions due (default 20000)")
    parser.add_argument("--db", metavar="URL", help="run the pass on this empty database instead of a SQLite file")
    args = parser.parse_args()
    count = args.count
    if args.db:
        now = build(args.db, count)
        renewed, seconds = run_pass(args.db, now)
        print(f"subscriptions due:        {count}")
        print(f"renewal pass:             {renewed} renewals in {seconds:.2f} s = {renewed / seconds:,.0f}/s")
        return
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder) / "base.sqlite3"
        now = build(base, count)
        for suffix in ("-wal", "-shm"):
            Path(str(base) + suffix).unlink(missing_ok=True)
        pass_db, loop_db = Path(folder) / "pass.sqlite3", Path(folder) / "loop.sqlite3"
        shutil.copy(base, pass_db)
        shutil.copy(base, loop_db)
        renewed, seconds = run_pass(pass_db, now)
        loop_renewed, loop_seconds = run_sqlite_loop(loop_db, now)
    print(f"subscriptions due:        {count}")
    print(f"renewal pass:             {renewed} renewals in {seconds:.2f} s = {renewed / seconds:,.0f}/s")
    print(
        f"sqlite3 loop (1 tx each): {loop_renewed} renewals in {loop_seconds:.2f} s = "
        f"{loop_renewed / loop_seconds:,.0f}/s"
    )
    print(f"pass / loop:              {(renewed / seconds) / (loop_renewed / loop_seconds):.2f}x")


if __name__ == "__main__":
    main()
