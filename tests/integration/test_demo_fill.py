"""The demo fills its customers batch by batch, commit by commit: the business and its books come out
the same whatever the batch sizes, and the database goes on working after it."""

from __future__ import annotations

from collections import defaultdict

import pytest

from models.db import database, init_database
from models.migrations import migrate
from models.rows import tuples
from models.tables import Customer, Invoice, InvoicePayment, LedgerEntry, Subscription, Wallet
from services import demo_fill
from services.demo import create_demo
from services.reports import integrity_violations
from tests.conftest import POSTGRES_URL

CUSTOMERS = 23


def business() -> dict[str, list[tuple]]:
    """Every customer-facing row the demo wrote, in a form two fills can be compared by."""
    return {
        "customers": tuples(Customer.select().order_by(Customer.id)),
        "wallets": tuples(Wallet.select().order_by(Wallet.id)),
        "ledger": tuples(LedgerEntry.select().order_by(LedgerEntry.id)),
        "subscriptions": tuples(Subscription.select().order_by(Subscription.id)),
        "invoices": tuples(
            Invoice.select(Invoice.number, Invoice.customer, Invoice.total_minor, Invoice.issued_at).order_by(
                Invoice.number
            )
        ),
    }


def fill(monkeypatch, clock, batch: int, commit: int) -> dict:
    monkeypatch.setattr(demo_fill, "CHUNK_CUSTOMERS", batch)
    monkeypatch.setattr(demo_fill, "COMMIT_CUSTOMERS", commit)
    return create_demo(clock, customers=CUSTOMERS, seed=4, overdue_share=0.2)


def test_books_are_exact_and_numbers_have_no_gaps_across_batches_and_commits(db, clock, monkeypatch) -> None:
    summary = fill(monkeypatch, clock, batch=4, commit=10)

    assert integrity_violations(clock.now()) == []
    assert sum(summary["subscriptions"].values()) == CUSTOMERS
    assert summary["wallet_float_minor"] == sum(w.balance_minor for w in Wallet.select())
    by_year: dict[int, list[int]] = defaultdict(list)
    for year, seq in tuples(Invoice.select(Invoice.year, Invoice.seq)):
        by_year[year].append(seq)
    assert all(sorted(seqs) == list(range(1, len(seqs) + 1)) for seqs in by_year.values())
    # Each invoice is paid by its own customer's first-period debit.
    paid = tuples(
        InvoicePayment.select(Invoice.customer, LedgerEntry.wallet, LedgerEntry.kind, LedgerEntry.amount_minor)
        .join(Invoice)
        .switch(InvoicePayment)
        .join(LedgerEntry)
    )
    assert len(paid) == CUSTOMERS
    assert all(customer == wallet and kind == "renewal" and amount < 0 for customer, wallet, kind, amount in paid)
    # Rows written with their own ids leave the next id free (PostgreSQL's sequences moved past them).
    assert Customer.create(name="After", email="after@example.com", status="active", created_at=clock.now()).id == (
        CUSTOMERS + 1
    )


@pytest.mark.skipif(POSTGRES_URL is not None, reason="compares two SQLite files side by side")
def test_the_same_seed_makes_the_same_business_whatever_the_batches(tmp_path, clock, monkeypatch) -> None:
    made = []
    for name, batch, commit in (("one", 1000, 1000), ("many", 3, 7)):
        init_database(str(tmp_path / f"{name}.sqlite3"))
        database.connect(reuse_if_open=True)
        migrate()
        fill(monkeypatch, clock, batch, commit)
        made.append(business())
        database.close()
    assert made[0] == made[1]
