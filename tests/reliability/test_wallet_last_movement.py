"""A wallet's stored last movement (migration 9) is its newest ledger entry's time, on either engine:
filled for the entries written before the upgrade, kept by the ledger's insert trigger after it."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from peewee import fn

from models import schema_v1
from models.db import database, init_database
from models.migrations import migrate
from models.tables import LedgerEntry, Wallet
from tests.conftest import POSTGRES_URL, _empty_postgres_schema
from tests.factories import fund, make_customer, make_plan

NOW = datetime(2026, 1, 15, 9, 0)


def newest_entries() -> dict[int, datetime | None]:
    """Each wallet's newest ledger entry time, as the ledger says (None: no entry yet)."""
    found: dict[int, datetime | None] = {w.id: None for w in Wallet.select(Wallet.id)}
    for row in LedgerEntry.select(LedgerEntry.wallet, fn.MAX(LedgerEntry.created_at).alias("newest")).group_by(
        LedgerEntry.wallet
    ):
        found[row.wallet_id] = row.newest
    return found


def stored_movements() -> dict[int, datetime | None]:
    return {w.id: w.last_movement_at for w in Wallet.select(Wallet.id, Wallet.last_movement_at)}


def test_top_ups_renewals_and_refunds_keep_the_last_movement_exact(core, clock, operator, admin):
    make_plan(clock, "basic", price_minor=1000, unit="day")
    customer, wallet_id = make_customer(clock, "Ada Lovelace")
    _idle, idle_wallet = make_customer(clock, "Idle Customer")
    assert stored_movements()[wallet_id] is None  # no ledger entry yet

    clock.advance(minutes=5)
    topup = core.payments.top_up(operator, customer.email, "50.00", idempotency_key="order-1")
    assert stored_movements() == newest_entries()
    assert stored_movements()[wallet_id] == clock.now()

    clock.advance(minutes=5)
    core.subscriptions.subscribe(operator, customer.email, "basic")
    charge = LedgerEntry.get((LedgerEntry.wallet == wallet_id) & (LedgerEntry.kind == "renewal"))
    assert stored_movements()[wallet_id] == clock.now()

    clock.advance(days=1, minutes=1)
    summary = core.renewals.renew_due_subscriptions()
    assert summary["renewed"] == 1
    assert stored_movements() == newest_entries()

    clock.advance(minutes=5)
    core.payments.refund_charge(admin, charge.id, "4.00", "asked for it back")
    assert stored_movements()[wallet_id] == clock.now()
    clock.advance(minutes=5)
    core.payments.refund_topup(admin, topup.id, "5.00", "card refund")
    assert stored_movements() == newest_entries()
    assert stored_movements()[wallet_id] == clock.now() and stored_movements()[idle_wallet] is None


def test_an_entry_dated_before_the_newest_leaves_the_last_movement_alone(core, clock):
    """The newest entry decides, not the last one written (a back-dated adjustment, a clock moved back)."""
    _customer, wallet_id = make_customer(clock, "Ada Lovelace", balance_minor=5000)
    newest = stored_movements()[wallet_id]
    assert newest == clock.now()
    clock.set(NOW - timedelta(days=3))
    make_customer(clock, "Other")  # nothing of this wallet's
    fund(clock, wallet_id, 100)
    assert stored_movements()[wallet_id] == newest == newest_entries()[wallet_id]


@pytest.fixture
def shop_at_version_8(db_path):
    """A database migrated to version 8, bound and connected, on the engine under test."""
    if POSTGRES_URL:
        _empty_postgres_schema(POSTGRES_URL)
        init_database(POSTGRES_URL)
    else:
        init_database(str(db_path))
    database.connect(reuse_if_open=True)
    migrate(target=8)
    yield
    database.close()


def test_the_upgrade_fills_the_last_movement_from_the_ledger(shop_at_version_8):
    v1 = schema_v1
    wallets = []
    for n in range(3):
        customer = v1.Customer.create(name=f"C {n}", email=f"c{n}@example.com", status="active", created_at=NOW)
        wallets.append(v1.Wallet.create(customer=customer, currency="USD", balance_minor=0, created_at=NOW))
    balance = 0
    for n, moment in enumerate([NOW + timedelta(hours=2), NOW + timedelta(hours=5), NOW + timedelta(hours=1)]):
        balance += 100
        v1.LedgerEntry.create(
            wallet=wallets[0], kind="topup", amount_minor=100, balance_after_minor=balance,
            idempotency_key=f"k{n}", actor="system", created_at=moment,
        )  # fmt: skip
    v1.LedgerEntry.create(
        wallet=wallets[1], kind="topup", amount_minor=100, balance_after_minor=100,
        idempotency_key="k-other", actor="system", created_at=NOW + timedelta(minutes=7),
    )  # fmt: skip

    migrate()

    assert (
        stored_movements()
        == newest_entries()
        == {
            wallets[0].id: NOW + timedelta(hours=5),
            wallets[1].id: NOW + timedelta(minutes=7),
            wallets[2].id: None,
        }
    )
