"""Every page's table over a million rows, driven as the view drives it, beside Qt's own QSqlTableModel.

A data set of N rows per big table (customers, wallets, subscriptions, ledger entries, error items,
audit entries, notifications) is written with plain sqlite3 (fixed seed) into a database the product's
migrations made. Then each page's real table model runs in an offscreen QApplication on the real
threaded task runner: the first page, a filter that finds nothing, one that finds rows, every sortable
column, the jump to the last row, and scrolling (``fetchMore`` page after page). Each time is from the
request until the rows are in the model; the row count the page shows is timed apart (until every task
the request started has finished). The anchor is ``QSqlTableModel`` on the same file and table.

    python -m bench.tables [--quick]
"""

from __future__ import annotations

import random
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from bench.report import Row, main, median_of, ms, rate, times

FULL_ROWS = 1_000_000
QUICK_ROWS = 100_000
START = datetime(2026, 3, 1, 8, 0)
FIRST = ["Anna", "Omar", "Li", "Sofia", "Ivan", "Maria", "John", "Aisha", "Pedro", "Yuki", "Olga", "Noah"]
LAST = ["Smith", "Tanaka", "Garcia", "Ivanova", "Okafor", "Müller", "Chen", "Kowalski", "Rossi", "Dubois"]
NO_HITS = "zqxjv"


def _stamp(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M:%S")


def build(path: Path, rows: int, seed: int = 7) -> None:
    """The product's schema (its migrations), then ``rows`` rows per big table, written in bulk."""
    from models.db import database, init_database
    from models.migrations import migrate

    init_database(path)
    migrate()
    database.close()
    from models.migrations import TABLE_SORT_INDEXES

    rng = random.Random(seed)
    con = sqlite3.connect(path)
    con.execute("PRAGMA synchronous=OFF")
    # The sort indexes are built once the rows are in (the same indexes the migration made, faster).
    for name, _table, _key in TABLE_SORT_INDEXES:
        con.execute(f"DROP INDEX {name}")
    minute = timedelta(minutes=1)
    with con:
        con.executemany(
            "INSERT INTO plan (id, code, name, price_minor, currency, interval_unit, interval_count, grace_days,"
            " access_in_grace, active, created_at) VALUES (?, ?, ?, ?, 'USD', 'month', 1, 3, 0, 1, ?)",
            [(i, f"plan-{i}", f"Plan {i}", 500 * i, _stamp(START)) for i in range(1, 9)],
        )
        con.executemany(
            "INSERT INTO feature (id, code, name, type, unit) VALUES (?, ?, ?, ?, 'unit')",
            [(i, f"feature-{i}", f"Feature {i}", ("boolean", "quota", "rate", "usage")[i % 4]) for i in range(1, 9)],
        )
        con.executemany(
            "INSERT INTO plan_feature (plan_id, feature_id, enabled, included, pricing, unit_price_minor,"
            " package_price_minor, quota) VALUES (?, ?, 1, 0, 'none', 0, 0, ?)",
            [(p, f, 100 * f) for p in range(1, 9) for f in range(1, 9)],
        )
        customers = []
        for i in range(1, rows + 1):
            first, last = rng.choice(FIRST), rng.choice(LAST)
            created = START - timedelta(minutes=rows - i)
            status = "disabled" if rng.random() < 0.03 else "active"
            customers.append((i, f"{first} {last}", f"{first.lower()}.{i}@example.org", status, _stamp(created)))
        con.executemany("INSERT INTO customer (id, name, email, status, created_at) VALUES (?, ?, ?, ?, ?)", customers)
        del customers
        wallet_created = [START - timedelta(minutes=rows - i) for i in range(1, rows + 1)]
        con.executemany(
            "INSERT INTO wallet (id, customer_id, currency, balance_minor, created_at) VALUES (?, ?, ?, ?, ?)",
            (
                (i, i, "EUR" if i % 5 == 0 else "USD", rng.randrange(0, 200_000), _stamp(wallet_created[i - 1]))
                for i in range(1, rows + 1)
            ),
        )
        # A few busy wallets hold a tenth of the ledger; the rest is spread thin (most wallets: no entry).
        kinds = ("topup", "renewal", "renewal", "usage", "refund")

        def entries():
            for i in range(1, rows + 1):
                wallet = rng.randrange(1, 11) if i % 10 == 0 else rng.randrange(1, rows + 1)
                kind = kinds[i % 5]
                amount = rng.randrange(100, 10_000) * (1 if kind in ("topup", "refund") else -1)
                moment = wallet_created[wallet - 1] + minute * (i % 5000 + 1)
                yield (i, wallet, kind, amount, abs(amount), f"bench:{i}", "topup", i, "system", _stamp(moment))

        con.executemany(
            "INSERT INTO ledger_entry (id, wallet_id, kind, amount_minor, balance_after_minor, idempotency_key,"
            " ref_type, ref_id, actor, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            entries(),
        )
        statuses = ("active",) * 6 + ("pending_renewal", "canceled", "expired", "expired")

        def subscriptions():
            for i in range(1, rows + 1):
                status = statuses[rng.randrange(10)]
                start = START - timedelta(days=rng.randrange(0, 30))
                pending = _stamp(start) if status == "pending_renewal" else None
                yield (i, i, rng.randrange(1, 9), i, status, start.day, _stamp(start),
                       _stamp(start + timedelta(days=30)), pending, _stamp(start), _stamp(start))  # fmt: skip

        con.executemany(
            "INSERT INTO subscription (id, customer_id, plan_id, wallet_id, status, auto_renew, anchor_day,"
            " period_start, period_end, pending_since, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?)",
            subscriptions(),
        )
        operations = ("topup", "renewal", "refund", "reconcile")
        classes = (("transient", "backoff"), ("outcome_unknown", "reconcile"), ("permanent", "manual"))
        item_status = ("resolved",) * 7 + ("canceled", "retrying", "manual")

        def items():
            for i in range(1, rows + 1):
                status = item_status[rng.randrange(10)]
                error_class, strategy = classes[rng.randrange(3)]
                created = START - timedelta(minutes=rows - i)
                next_at = _stamp(created + timedelta(minutes=rng.randrange(1, 600))) if status == "retrying" else None
                yield (i, operations[i % 4], "topup", i, error_class, f"Gateway answered 503 (request {i})", "{}",
                       strategy, status, rng.randrange(0, 8), 8, next_at, rng.randrange(0, 50_000),
                       _stamp(created), _stamp(created))  # fmt: skip

        con.executemany(
            "INSERT INTO error_item (id, operation, subject_type, subject_id, error_class, message, context, strategy,"
            " status, attempts, max_attempts, next_attempt_at, amount_minor, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            items(),
        )
        actions = ("topup", "refund", "cancel", "reinstate", "resolve_item", "retry_now", "sign_in")

        def audit():
            for i in range(1, rows + 1):
                created = START - timedelta(seconds=30 * (rows - i))
                yield (i, rng.choice(("alice", "bob", "system")), actions[i % 7], "wallet", str(rng.randrange(1, rows)),
                       f"customer asked (ticket {i})", _stamp(created))  # fmt: skip

        con.executemany(
            "INSERT INTO audit_entry (id, actor, action, target_type, target_id, reason, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            audit(),
        )
        notices = (("topup_succeeded", "info"), ("payment_failed", "warning"), ("refund_failed", "error"))

        def notifications():
            for i in range(1, rows + 1):
                kind, severity = notices[rng.randrange(3)]
                created = START - timedelta(seconds=90 * (rows - i))
                read = _stamp(created) if rng.random() < 0.9 else None
                yield (i, kind, severity, f"Top-up #{i}", f"Wallet {i % 997} changed", "wallet", i % 997,
                       f"bench:{i}", _stamp(created), read)  # fmt: skip

        con.executemany(
            "INSERT INTO notification (id, kind, severity, title, body, subject_type, subject_id, dedup_key,"
            " created_at, read_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            notifications(),
        )
    with con:
        for name, table, key in TABLE_SORT_INDEXES:
            con.execute(f"CREATE INDEX {name} ON {table} ({key})")
    con.execute("ANALYZE")
    con.close()


@dataclass
class Table:
    """One page's table: how to build its model, the filters to try, the QSqlTableModel anchor's table."""

    name: str
    make: Callable[[Any, Any], Any]  # (runner, clock) -> model
    anchor_table: str
    no_hits: dict = field(default_factory=dict)
    hits: dict = field(default_factory=dict)
    preset: dict = field(default_factory=dict)  # filters the page sets before its first load
    anchor_filter: str = ""  # the anchor's WHERE for "no hits"


def tables() -> list[Table]:
    from ui.pages.audit import AuditTableModel
    from ui.pages.customers_models import CustomersTableModel
    from ui.pages.error_queue_models import ErrorItemsTableModel
    from ui.pages.notifications import NotificationsTableModel
    from ui.pages.plans_models import PlanFeaturesTableModel, PlansTableModel
    from ui.pages.subscriptions_models import SubscriptionsTableModel
    from ui.pages.wallets_models import WalletLedgerTableModel, WalletsTableModel

    return [
        Table(
            "customers",
            lambda r, c: CustomersTableModel(r),
            "customer",
            {"search": NO_HITS},
            {"search": "Tanaka"},
            anchor_filter=f"name LIKE '%{NO_HITS}%' OR email LIKE '%{NO_HITS}%'",
        ),
        Table(
            "wallets",
            lambda r, c: WalletsTableModel(r),
            "wallet",
            {"search": NO_HITS},
            {"search": "Garcia"},
            anchor_filter=f"currency LIKE '%{NO_HITS}%'",
        ),
        Table(
            "subscriptions",
            lambda r, c: SubscriptionsTableModel(r, c),
            "subscription",
            {"search": NO_HITS},
            {"search": "Chen"},
            anchor_filter=f"status LIKE '%{NO_HITS}%'",
        ),
        Table(
            "error queue",
            lambda r, c: ErrorItemsTableModel(r, c),
            "error_item",
            {"search": NO_HITS},
            {"search": "503"},
            anchor_filter=f"message LIKE '%{NO_HITS}%'",
        ),
        Table(
            "audit",
            lambda r, c: AuditTableModel(r, c),
            "audit_entry",
            {"search": NO_HITS},
            {"search": "ticket"},
            anchor_filter=f"reason LIKE '%{NO_HITS}%'",
        ),
        Table(
            "notifications",
            lambda r, c: NotificationsTableModel(r),
            "notification",
            {"search": NO_HITS},
            {"search": "wallet 5"},
            anchor_filter=f"title LIKE '%{NO_HITS}%' OR body LIKE '%{NO_HITS}%'",
        ),
        Table(
            "ledger (busiest wallet)",
            lambda r, c: WalletLedgerTableModel(r),
            "ledger_entry",
            {"kind": "adjustment"},
            {"kind": "refund"},
            preset={"wallet_id": 1},
            anchor_filter="wallet_id = 1 AND kind = 'adjustment'",
        ),
        Table("plans", lambda r, c: PlansTableModel(r), "plan", {"search": NO_HITS}, {"search": "plan-1"}),
        Table(
            "plan features",
            lambda r, c: PlanFeaturesTableModel(r),
            "plan_feature",
            {"kind": NO_HITS},
            {},
            preset={"plan_id": 1},
        ),
    ]


class Driver:
    """Drives a model as a view does and times each request until its rows are in."""

    def __init__(self, app, runner, model):
        self.app, self.runner, self.model = app, runner, model

    def drain(self) -> None:
        """Until every task started so far (the row count too) has finished."""
        from PySide6.QtCore import QEventLoop

        while self.runner.pending:
            self.app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
            time.sleep(0.0005)

    def timed(self, action: Callable[[], None]) -> tuple[float, float]:
        """(seconds until the rows are in, seconds until every task it started is done)."""
        from PySide6.QtCore import QEventLoop

        self.drain()
        began = time.perf_counter()
        action()
        while self.model.is_loading:
            self.app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        rows_in = time.perf_counter() - began
        self.drain()
        return rows_in, time.perf_counter() - began

    def scroll(self, count: int) -> tuple[int, float]:
        from PySide6.QtCore import QEventLoop

        self.drain()
        began, start_rows = time.perf_counter(), self.model.rowCount()
        while self.model.rowCount() - start_rows < count and (self.model.canFetchMore() or self.model.is_loading):
            if self.model.canFetchMore():
                self.model.fetchMore()
            self.app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        return self.model.rowCount() - start_rows, time.perf_counter() - began


def _anchor(path: Path, table: Table, scroll_rows: int, sort_columns: int) -> dict:
    """QSqlTableModel on the same table: first page, no-hit filter, its slowest sort, rows scrolled per second."""
    from PySide6.QtCore import Qt
    from PySide6.QtSql import QSqlDatabase, QSqlTableModel

    name = f"anchor-{table.anchor_table}"
    db = QSqlDatabase.addDatabase("QSQLITE", name)
    db.setDatabaseName(str(path))
    db.open()
    model = QSqlTableModel(None, db)
    model.setTable(table.anchor_table)
    found: dict = {}
    began = time.perf_counter()
    model.select()
    found["first"] = time.perf_counter() - began
    if table.anchor_filter:
        model.setFilter(table.anchor_filter)
        began = time.perf_counter()
        model.select()
        found["no_hits"] = time.perf_counter() - began
        model.setFilter("")
    sorts = []
    for column in range(1, min(model.columnCount(), sort_columns + 1)):
        model.setSort(column, Qt.SortOrder.DescendingOrder)
        began = time.perf_counter()
        model.select()
        sorts.append(time.perf_counter() - began)
    found["sort"] = max(sorts) if sorts else 0.0
    model.setSort(0, Qt.SortOrder.AscendingOrder)
    model.select()
    began = time.perf_counter()
    while model.canFetchMore() and model.rowCount() < scroll_rows:
        model.fetchMore()
    found["scroll"] = (model.rowCount(), time.perf_counter() - began)
    del model
    db.close()
    del db
    QSqlDatabase.removeDatabase(name)
    return found


def measure_table(app, path: Path, table: Table, quick: bool, repeats: int) -> tuple[list[Row], list[str]]:
    from models.db import database, init_database
    from services.clock import FixedClock
    from ui.sql_model import COUNT_CAP
    from ui.tasks import TaskRunner

    init_database(path)
    runner = TaskRunner(max_threads=4)
    model = table.make(runner, FixedClock(START))
    model.filters.update(table.preset)
    drive = Driver(app, runner, model)
    notes: list[str] = []
    sort_columns = 3 if quick else len(model.columns)
    scroll_rows = 5_000 if quick else 50_000

    def reload_time() -> float:
        return drive.timed(model.reload)[0]

    first = median_of(repeats, reload_time)
    settled = drive.timed(model.reload)[1]
    shown = model.total

    def filter_time(filters: dict) -> float:
        def once() -> float:
            saved = dict(model.filters)
            elapsed = drive.timed(lambda: model.set_filters(**filters))[0]
            model.filters.clear()
            model.filters.update(saved)
            return elapsed

        return median_of(repeats, once)

    no_hits = filter_time(table.no_hits) if table.no_hits else 0.0
    hits = filter_time(table.hits) if table.hits else 0.0
    drive.timed(model.reload)
    sorts: list[tuple[float, str]] = []
    from PySide6.QtCore import Qt

    sortable = [i for i, c in enumerate(model.columns) if c.sort is not None][:sort_columns]
    for column in sortable:
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            if (column, order) == (model.sort_column, model.sort_order):
                continue
            elapsed = drive.timed(lambda column=column, order=order: model.sort(column, order))[0]
            arrow = "↑" if order == Qt.SortOrder.AscendingOrder else "↓"
            sorts.append((elapsed, f"{model.columns[column].key}{arrow}"))
    notes.append(f"{table.name} sorts: " + ", ".join(f"{label} {ms(s)}" for s, label in sorts))
    slowest = max(sorts) if sorts else (0.0, "—")
    jump = getattr(model, "jump_to_end", None)
    last_rows = ""
    if jump is not None:
        jumped = drive.timed(jump)[0]
        last_rows = f"{jumped * 1000:,.0f} ms"
    drive.timed(lambda: model.sort(model.default_sort_column(), Qt.SortOrder.DescendingOrder))
    drive.timed(model.reload)
    scrolled, scroll_seconds = drive.scroll(scroll_rows)
    runner.wait_idle()
    database.close()

    anchor = _anchor(path, table, scroll_rows, sort_columns)
    label = table.name
    counted = f"{COUNT_CAP:,}+" if shown > COUNT_CAP else f"{shown:,}"
    rows = [
        Row(
            f"{label}: first page",
            "≤ 50 ms",
            ms(first),
            ms(anchor["first"]),
            times(first / anchor["first"]),
            first <= 0.050,
        ),  # fmt: skip
        Row(f"{label}: row count shown ({counted})", "—", ms(settled), "—", "—", None),
    ]
    if table.no_hits:
        base = anchor.get("no_hits")
        rows.append(
            Row(
                f"{label}: filter, no hits",
                "≤ 100 ms",
                ms(no_hits),
                ms(base) if base else "—",
                times(no_hits / base) if base else "—",
                no_hits <= 0.100,
            )  # fmt: skip
        )
    if table.hits:
        rows.append(Row(f"{label}: filter with hits", "≤ 100 ms", ms(hits), "—", "—", hits <= 0.100))
    if sorts:
        rows.append(
            Row(
                f"{label}: slowest sort ({slowest[1]})",
                "≤ 300 ms",
                ms(slowest[0]),
                ms(anchor["sort"]),
                times(slowest[0] / anchor["sort"]) if anchor["sort"] else "—",
                slowest[0] <= 0.300,
            )  # fmt: skip
        )
    if jump is not None:
        rows.append(Row(f"{label}: jump to the last row", "≤ 100 ms", last_rows, "—", "—", jumped <= 0.100))
    else:
        rows.append(Row(f"{label}: jump to the last row", "≤ 100 ms", "no way but scrolling", "—", "—", False))
    anchor_rows, anchor_seconds = anchor["scroll"]
    if scrolled:
        rows.append(
            Row(
                f"{label}: scroll {scrolled:,} rows",
                "—",
                rate(scrolled, scroll_seconds),
                rate(anchor_rows, anchor_seconds),
                times((scrolled / scroll_seconds) / (anchor_rows / anchor_seconds))
                if anchor_seconds and anchor_rows
                else "—",
                None,
            )  # fmt: skip
        )
    return rows, notes


def run(quick: bool, workdir: Path) -> list[Row]:
    from PySide6.QtWidgets import QApplication

    count = QUICK_ROWS if quick else FULL_ROWS
    repeats = 1 if quick else 3
    path = workdir / "tables.sqlite3"
    began = time.perf_counter()
    build(path, count)
    print(f"built {count:,} rows per big table in {time.perf_counter() - began:.1f} s", flush=True)
    app = QApplication.instance() or QApplication([])
    rows: list[Row] = []
    chosen = tables()
    if quick:  # the big tables only
        chosen = [t for t in chosen if t.name in ("customers", "wallets", "subscriptions", "error queue")]
    for table in chosen:
        found, notes = measure_table(app, path, table, quick, repeats)
        rows += found
        for note in notes:
            print(note, flush=True)
    return rows


if __name__ == "__main__":
    main(run)
