"""Small builders for test data, going through the services where it matters."""

from __future__ import annotations

from datetime import datetime

from models.db import write_transaction
from models.tables import ErrorItem, GatewayCharge, LedgerEntry, Wallet
from services.auth import SYSTEM
from services.customers import CustomerService
from services.features import FeatureService
from services.ledger import post_entry

_counter = iter(range(1, 10**9))


def make_plan(clock, code="basic", price_minor=1000, unit="month", count=1, grace_days=3, **kwargs):
    return FeatureService(clock).create_plan(
        SYSTEM, code, code.title(), price_minor, "USD", unit, count, grace_days, **kwargs
    )


def make_customer(clock, name="Ada Lovelace", email=None, balance_minor=0):
    email = email or f"user{next(_counter)}@example.com"
    customer = CustomerService(clock).create_customer(SYSTEM, name, email)
    wallet = Wallet.get(Wallet.customer == customer.id)
    if balance_minor:
        fund(clock, wallet.id, balance_minor)
    return customer, wallet.id


def fund(clock, wallet_id, amount_minor):
    with write_transaction():
        return post_entry(clock, wallet_id, "adjustment", amount_minor, f"test-fund:{next(_counter)}", actor="test")


def balance(wallet_id) -> int:
    return Wallet.get_by_id(wallet_id).balance_minor


# --- raw rows, for reports that read what the tables hold --------------------------


def add_ledger_row(wallet, kind: str, amount: int, when: datetime) -> None:
    """A ledger row as a report reads it (no balance movement; the balance after is not checked)."""
    LedgerEntry.create(
        wallet=wallet,
        kind=kind,
        amount_minor=amount,
        balance_after_minor=100_000,
        idempotency_key=f"test-row:{next(_counter)}",
        actor="test",
        created_at=when,
    )


def add_error_item(status: str, created: datetime, resolved: datetime | None = None, operation: str = "renewal"):
    """An error-queue row in ``status``, created (and perhaps resolved) at the given moments."""
    subject_type = {"renewal": "subscription"}.get(operation, operation)
    return ErrorItem.create(
        operation=operation,
        subject_type=subject_type,
        subject_id=next(_counter),
        error_class="transient",
        message="boom",
        strategy="backoff",
        status=status,
        created_at=created,
        updated_at=created,
        resolved_at=resolved,
    )


def add_gateway_charge(status: str, when: datetime, amount_minor: int = 1000):
    """A charge the simulated gateway recorded, as its traffic figures read it."""
    key = next(_counter)
    return GatewayCharge.create(
        id=f"ch_{key}",
        idempotency_key=f"gw:{key}",
        amount_minor=amount_minor,
        currency="USD",
        customer_ref="cus_1",
        status=status,
        created_at=when,
    )
