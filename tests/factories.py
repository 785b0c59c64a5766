"""Small builders for test data, going through the services where it matters."""

from __future__ import annotations

from models.db import write_transaction
from models.tables import Wallet
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
