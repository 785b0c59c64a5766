"""The demo's customers, streamed: generated and inserted as plain rows a batch at a time.

Customer ``i`` owns wallet, top-up and subscription ``i``, ledger entries ``2i - 1`` (its top-up)
and ``2i`` (its first period's debit) and invoice ``i``: an empty database (no customer) has no
rows in any of these tables, since each of them points at a customer. Balances are known as the
rows are made and nothing is read back, so the memory the fill needs is one batch's rows and
SQLite's page cache, however many customers.
"""

from __future__ import annotations

import calendar
import collections
import contextlib
import itertools
import random
from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import NamedTuple

from models.db import database, insert_rows, is_sqlite, write_transaction
from services import lifecycle
from services.invoices import allocate_numbers, document_number

FIRST = (
    "Anna",
    "Boris",
    "Chen",
    "Dana",
    "Elif",
    "Farid",
    "Greta",
    "Hugo",
    "Ines",
    "Jonas",
    "Kira",
    "Liam",
    "Mila",
    "Nikolai",
    "Olga",
    "Pablo",
    "Quinn",
    "Rosa",
    "Sven",
    "Tariq",
    "Uma",
    "Viktor",
    "Wen",
    "Yara",
    "Zoe",
    "Marta",
    "Igor",
    "Sofia",
    "Omar",
    "Lena",
)
LAST = (
    "Ivanova",
    "Schmidt",
    "Garcia",
    "Kowalski",
    "Nguyen",
    "Okafor",
    "Rossi",
    "Larsen",
    "Petrov",
    "Silva",
    "Tanaka",
    "Dubois",
    "Novak",
    "Haddad",
    "Lindqvist",
    "Moreau",
    "Kuznetsov",
    "Fischer",
    "Costa",
    "Berg",
)
DOMAINS = ("example.com", "example.org", "mail.example.net", "corp.example.com")

# Customers generated and inserted at a time: a chunk's rows (some 60,000 plain tuples) are all
# the rows the fill holds, however many customers.
CHUNK_CUSTOMERS = 5_000
# Customers per transaction. Each commit holds whole customers (their wallet, paid top-up, ledger,
# subscription, period charge, invoice), so the books are exact after every one. A commit writes
# every page the transaction touched, and the indexes on times touch pages all over, so a commit
# of 5,000 customers wrote nearly as much as one of 50,000: ~170 MB each at a million customers.
# Measured at a million: 5,000 a commit, random top-up keys and a 96 MB cache wrote 50 GB;
# 50,000 a commit with the key order and the cache below, 9 GB; 100,000 a commit was no faster.
COMMIT_CUSTOMERS = 50_000

PLAN_WEIGHTS = (("starter", 40), ("pro", 30), ("team", 10), ("weekly", 12), ("annual", 8))

# The columns each table is filled with, in the order the rows below carry their values. Parents
# come before the rows that point at them (foreign keys are checked row by row).
COLUMNS: dict[str, tuple[str, ...]] = {
    "customer": ("id", "name", "email", "status", "created_at"),
    "wallet": ("id", "customer_id", "currency", "balance_minor", "created_at"),
    "top_up": (
        "id",
        "wallet_id",
        "amount_minor",
        "currency",
        "idempotency_key",
        "status",
        "gateway_charge_id",
        "refunded_minor",
        "actor",
        "created_at",
        "updated_at",
    ),
    "gateway_charge": (
        "id",
        "idempotency_key",
        "amount_minor",
        "currency",
        "customer_ref",
        "status",
        "refunded_minor",
        "created_at",
    ),
    "ledger_entry": (
        "id",
        "wallet_id",
        "kind",
        "amount_minor",
        "balance_after_minor",
        "idempotency_key",
        "ref_type",
        "ref_id",
        "actor",
        "note",
        "created_at",
    ),
    "subscription": (
        "id",
        "customer_id",
        "plan_id",
        "wallet_id",
        "status",
        "auto_renew",
        "anchor_day",
        "period_start",
        "period_end",
        "usage_since",
        "created_at",
        "updated_at",
    ),
    "subscription_charge": (
        "subscription_id",
        "period_start",
        "period_end",
        "plan_minor",
        "usage_minor",
        "ledger_entry_id",
        "created_at",
    ),
    "subscription_event": ("subscription_id", "from_status", "to_status", "event", "reason", "actor", "created_at"),
    "usage_counter": ("subscription_id", "feature_id", "period_start", "used", "settled"),
    "invoice": (
        "id",
        "number",
        "year",
        "seq",
        "customer_id",
        "wallet_id",
        "subscription_id",
        "currency",
        "kind",
        "period_start",
        "period_end",
        "total_minor",
        "event_key",
        "actor",
        "issued_at",
    ),
    "invoice_line": (
        "invoice_id",
        "position",
        "kind",
        "description",
        "quantity",
        "amount_minor",
        "period_start",
        "period_end",
        "plan_id",
    ),
    "invoice_payment": ("invoice_id", "ledger_entry_id", "amount_minor", "created_at"),
}

# Tables filled with ids of their own: PostgreSQL's sequences are moved past them after each chunk.
EXPLICIT_IDS = ("customer", "wallet", "top_up", "ledger_entry", "subscription", "invoice")


class PlanTerms(NamedTuple):
    """What the fill needs of a plan, read once (no model instances on the per-customer path)."""

    id: int
    code: str
    price_minor: int
    interval_unit: str
    interval_count: int


class Period(NamedTuple):
    """One customer's current, paid period: the invoice it needs once its number is known."""

    customer: int
    plan: PlanTerms
    start: str
    end: str
    note: str


# SQLite's page cache while the demo fills (KiB, as cache_size reads a negative number). The
# indexes on times spread over months (sign-up, period start and end, invoice date) take each
# insert to a random page; once they outgrow the cache, every such insert evicts a dirty page
# and writes it out. The connection's usual 32 MB held them to ~150k customers; this, about
# the six of them at a million, keeps the whole command within its 300 MB.
BULK_CACHE_KIB = 128_000


@contextlib.contextmanager
def _bulk_load() -> Iterator[None]:
    """A bigger page cache for the fill on SQLite, given back after it. Durability is untouched:
    the connection's own journal and synchronous settings stay as they are."""
    if not is_sqlite():
        yield
        return
    before = database.execute_sql("PRAGMA cache_size").fetchone()[0]
    database.execute_sql(f"PRAGMA cache_size = {-BULK_CACHE_KIB}")
    try:
        yield
    finally:
        database.execute_sql(f"PRAGMA cache_size = {int(before)}")


class CustomerFill:
    """Writes customers chunk by chunk, drawing from one random stream so a seed makes the same
    business whatever the chunk size. Rows are plain tuples; times are written as the text
    SQLite keeps for them (``YYYY-MM-DD HH:MM:SS``), which PostgreSQL reads as timestamps."""

    def __init__(
        self, rng: random.Random, now: datetime, plans: dict[str, PlanTerms], api_feature: int, overdue_share: float
    ) -> None:
        self.rng = rng
        self.now = now
        self.now_text = str(now)
        self.canceled_at = str(now - timedelta(days=1))
        self.plans = [plans[code] for code, _ in PLAN_WEIGHTS]
        self.cum_weights = list(itertools.accumulate(weight for _, weight in PLAN_WEIGHTS))
        self.api_feature = api_feature
        self.overdue_share = overdue_share
        self.statuses = {s: 0 for s in lifecycle.STATUSES}
        self.float_minor = 0

    def write_all(self, customers: int) -> None:
        """Customers 1 to ``customers``, ``COMMIT_CUSTOMERS`` to a transaction."""
        with _bulk_load():
            for begin in range(1, customers + 1, COMMIT_CUSTOMERS):
                end = min(begin + COMMIT_CUSTOMERS - 1, customers)
                with write_transaction():
                    for first in range(begin, end + 1, CHUNK_CUSTOMERS):
                        self.write(first, min(first + CHUNK_CUSTOMERS - 1, end))

    def write(self, first: int, last: int) -> None:
        """Customers ``first`` to ``last`` with everything they own, in the caller's transaction."""
        rows, periods = self._rows(first, last)
        rows["invoice"], rows["invoice_line"], rows["invoice_payment"] = self._invoices(periods)
        for table, columns in COLUMNS.items():
            insert_rows(table, columns, rows[table])
        if not is_sqlite():
            # Rows written with their ids leave PostgreSQL's sequences behind; the next insert would collide.
            for table in EXPLICIT_IDS:
                database.execute_sql(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT MAX(id) FROM {table}))"
                )

    def _rows(self, first: int, last: int) -> tuple[dict[str, list[tuple]], list[Period]]:
        rng, now, now_text = self.rng, self.now, self.now_text
        choice, randint, uniform = rng.choice, rng.randint, rng.random
        rows: dict[str, list[tuple]] = {table: [] for table in COLUMNS}
        customers, wallets, topups, charges = rows["customer"], rows["wallet"], rows["top_up"], rows["gateway_charge"]
        ledger, subs, periods_charged = rows["ledger_entry"], rows["subscription"], rows["subscription_charge"]
        events, counters = rows["subscription_event"], rows["usage_counter"]
        periods: list[Period] = []
        for i in range(first, last + 1):
            first_name, last_name = choice(FIRST), choice(LAST)
            joined = str(now - timedelta(days=randint(35, 900), seconds=randint(0, 86399)))
            email = f"{first_name}.{last_name}.{i}@{choice(DOMAINS)}".lower()
            customers.append((i, f"{first_name} {last_name}", email, "active", joined))
            plan = rng.choices(self.plans, cum_weights=self.cum_weights)[0]
            # The period ends somewhere in the next 30 days (weekly plans within a week).
            horizon = 7 * 86400 if plan.interval_unit == "week" else 30 * 86400
            period_end = now + timedelta(seconds=randint(3600, horizon))
            if self.overdue_share and uniform() < self.overdue_share:
                period_end = now - timedelta(seconds=randint(3600, 3 * 86400))
            start_at = _period_start(period_end, plan)
            start, end = str(start_at), str(period_end)
            price = plan.price_minor
            roll = uniform()
            if roll < 0.55:
                balance = price * randint(2, 8) + randint(0, 99) * 100  # rich
            elif roll < 0.85:
                balance = randint(0, max(price - 1, 0))  # poor
            else:
                balance = 0  # empty
            status = lifecycle.CANCELED if uniform() < 0.06 else lifecycle.ACTIVE
            wallets.append((i, i, "USD", balance, joined))
            # The wallet's money arrived as one paid top-up; the current period was paid from it.
            paid = balance + price
            # 32 hex digits like a uuid4's, led by the customer's number: the unique indexes on the
            # top-up key and on the gateway's charge id and key then grow at their ends. Wholly
            # random keys put every insert on a page of its own; past the page cache (a few hundred
            # thousand customers) each one was a page written out, tens of GB for a million.
            key = f"{i:08x}{rng.getrandbits(128):032x}"[:32]
            charge_id = "ch_demo_" + key[:24]
            topups.append((i, i, paid, "USD", key, "succeeded", charge_id, 0, "demo", start, start))
            charges.append((charge_id, f"topup:{key}", paid, "USD", f"cus_{i}", "succeeded", 0, start))
            note = f"{plan.code} {start[:10]} → {end[:10]}"
            credit, debit = 2 * i - 1, 2 * i
            ledger.append(
                (credit, i, "topup", paid, paid, f"topup:{i}", "topup", i, "demo", f"card charge {charge_id}", start)
            )
            ledger.append(
                (
                    debit,
                    i,
                    "renewal",
                    -price,
                    balance,
                    f"renewal:{i}:{start_at.isoformat()}",
                    "subscription",
                    i,
                    "system",
                    note,
                    start,
                )
            )
            subs.append(
                (
                    i,
                    i,
                    plan.id,
                    i,
                    status,
                    status == lifecycle.ACTIVE,
                    start_at.day,
                    start,
                    end,
                    start,
                    joined,
                    now_text,
                )
            )
            periods_charged.append((i, start, end, price, 0, debit, start))
            events.append((i, None, "active", "subscribe", None, "demo", joined))
            if status == lifecycle.CANCELED:
                events.append(
                    (i, "active", "canceled", "cancel", "customer asked to stop", "operator", self.canceled_at)
                )
            if uniform() < 0.5:
                counters.append((i, self.api_feature, start, randint(0, 900), False))
            periods.append(Period(i, plan, start, end, note))
            self.statuses[status] += 1
            self.float_minor += balance
        return rows, periods

    @staticmethod
    def _invoices(periods: list[Period]) -> tuple[list[tuple], list[tuple], list[tuple]]:
        """Each period's invoice, its plan line and its payment by the period's ledger debit.

        Numbers run without gaps per year in customer order: chunk after chunk, that is the
        order the books would have numbered them in one go."""
        per_year = collections.Counter(int(period.start[:4]) for period in periods)
        next_seq = {year: allocate_numbers("INV", year, per_year[year]) for year in sorted(per_year)}
        invoices, lines, payments = [], [], []
        for i, plan, start, end, note in periods:
            year = int(start[:4])
            seq = next_seq[year]
            next_seq[year] = seq + 1
            debit = 2 * i
            invoices.append(
                (
                    i,
                    document_number("INV", year, seq),
                    year,
                    seq,
                    i,
                    i,
                    i,
                    "USD",
                    "renewal",
                    start,
                    end,
                    plan.price_minor,
                    f"ledger:{debit}",
                    "system",
                    start,
                )
            )
            lines.append((i, 1, "plan", note, 1, plan.price_minor, start, end, plan.id))
            payments.append((i, debit, plan.price_minor, start))
        return invoices, lines, payments


def _period_start(period_end: datetime, plan: PlanTerms) -> datetime:
    """Step back one interval from the end (months clamp like the forward step)."""
    if plan.interval_unit in ("day", "week"):
        unit = timedelta(days=1) if plan.interval_unit == "day" else timedelta(weeks=1)
        return period_end - unit * plan.interval_count
    months = plan.interval_count * (12 if plan.interval_unit == "year" else 1)
    index = period_end.year * 12 + period_end.month - 1 - months
    year, month = divmod(index, 12)
    day = min(period_end.day, calendar.monthrange(year, month + 1)[1])
    return period_end.replace(year=year, month=month + 1, day=day)
