"""A customer as the desk shows them: their wallets, subscriptions and recent top-ups, and the
names that label a list of invoices. Plain data, read in one call off the GUI thread."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from models.tables import Customer, Plan, Subscription, TopUp, Wallet
from services.customers import CustomerInfo, WalletInfo, customer_info, wallet_info
from services.errors import NotFound
from services.validation import check_id

RECENT_TOPUPS = 8


@dataclass(frozen=True)
class CustomerSubscription:
    id: int
    plan_code: str
    status: str
    period_end: datetime
    price_minor: int  # the plan's price per period
    currency: str


@dataclass(frozen=True)
class CustomerTopUp:
    id: int
    amount_minor: int
    currency: str
    status: str
    created_at: datetime


@dataclass(frozen=True)
class CustomerDetail:
    customer: CustomerInfo
    wallets: tuple[WalletInfo, ...]  # one per currency, oldest first
    subscriptions: tuple[CustomerSubscription, ...]  # oldest first
    recent_topups: tuple[CustomerTopUp, ...]  # newest first, across the wallets


def customer_detail(customer_id: int) -> CustomerDetail:
    """The customer, their wallets, their subscriptions with each plan's price, and their latest top-ups."""
    row = Customer.get_or_none(Customer.id == check_id(customer_id, "customer"))
    if row is None:
        raise NotFound("no customer #{customer_id}", customer_id=customer_id)
    wallets = Wallet.select().where(Wallet.customer == row.id).order_by(Wallet.id)
    subscriptions = (
        Subscription.select(
            Subscription.id, Subscription.status, Subscription.period_end, Plan.code, Plan.price_minor, Plan.currency
        )
        .join(Plan)
        .where(Subscription.customer == row.id)
        .order_by(Subscription.id)
    )
    topups = TopUp.select().join(Wallet).where(Wallet.customer == row.id).order_by(TopUp.id.desc()).limit(RECENT_TOPUPS)
    return CustomerDetail(
        customer_info(row),
        wallets=tuple(wallet_info(w) for w in wallets),
        subscriptions=tuple(
            CustomerSubscription(s.id, s.plan.code, s.status, s.period_end, s.plan.price_minor, s.plan.currency)
            for s in subscriptions
        ),
        recent_topups=tuple(CustomerTopUp(t.id, t.amount_minor, t.currency, t.status, t.created_at) for t in topups),
    )


def customer_names(customer_ids: list[int]) -> dict[int, str]:
    """The names of these customers by id; an id with no customer is left out."""
    ids = sorted(set(customer_ids))
    if not ids:
        return {}
    return {c.id: c.name for c in Customer.select(Customer.id, Customer.name).where(Customer.id.in_(ids))}
