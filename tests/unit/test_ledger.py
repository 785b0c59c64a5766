import pytest
from peewee import IntegrityError

from models.db import database, write_transaction
from models.tables import AuditEntry, LedgerEntry, Wallet
from services.errors import InsufficientFunds, ValidationError
from services.ledger import ledger_sum, post_entry
from tests.factories import balance, make_customer


def test_post_entry_moves_money_once_per_key(db, clock):
    _, wallet_id = make_customer(clock)
    with write_transaction():
        first = post_entry(clock, wallet_id, "topup", 5000, "k-1", actor="t")
    with write_transaction():
        again = post_entry(clock, wallet_id, "topup", 5000, "k-1", actor="t")
    assert (first.id, first.replayed) == (again.id, False) or again.replayed
    assert again.replayed and again.id == first.id
    assert balance(wallet_id) == 5000 == ledger_sum(wallet_id)
    assert first.balance_after_minor == 5000


def test_a_wallet_never_goes_below_zero(db, clock):
    _, wallet_id = make_customer(clock, balance_minor=300)
    with pytest.raises(InsufficientFunds) as refused, write_transaction():
        post_entry(clock, wallet_id, "renewal", -301, "k-2", actor="t")
    assert "3.01" in str(refused.value)
    assert balance(wallet_id) == 300 == ledger_sum(wallet_id)
    assert LedgerEntry.select().where(LedgerEntry.idempotency_key == "k-2").count() == 0


@pytest.mark.parametrize("amount", [0, 1.5, True, "10"])
def test_amount_must_be_a_nonzero_integer(db, clock, amount):
    _, wallet_id = make_customer(clock)
    with pytest.raises(ValidationError), write_transaction():
        post_entry(clock, wallet_id, "topup", amount, "k-3", actor="t")


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE ledger_entry SET amount_minor = 1",
        "DELETE FROM ledger_entry",
        "UPDATE audit_entry SET actor = 'mallory'",
        "DELETE FROM audit_entry",
    ],
)
def test_ledger_and_audit_rows_cannot_be_changed_even_with_raw_sql(db, clock, sql):
    from services.audit import record_audit

    _, wallet_id = make_customer(clock, balance_minor=100)
    with write_transaction():
        record_audit(clock, "alice", "test.action", "wallet", wallet_id)
    before = (LedgerEntry.select().count(), AuditEntry.select().count())
    with pytest.raises(IntegrityError) as refused:
        database.execute_sql(sql)
    assert "append-only" in str(refused.value)
    assert (LedgerEntry.select().count(), AuditEntry.select().count()) == before


def test_balance_cannot_go_negative_even_with_raw_sql(db, clock):
    _, wallet_id = make_customer(clock)
    with pytest.raises(IntegrityError):
        Wallet.update(balance_minor=-1).where(Wallet.id == wallet_id).execute()
