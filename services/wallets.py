"""One wallet as the desk shows it, and what can still be given back from it.

The figures come from the services that move the money: what is left to refund of a
top-up and what the wallet holds are ``PaymentService.topup_refund_terms`` (which
``refund_topup`` enforces), what the wallet owes is the invoices' own sum.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from peewee import fn

from models.rows import tuples
from models.tables import Customer, LedgerEntry, Plan, Refund, Subscription, TopUp, Wallet
from services.errors import NotFound
from services.invoices import wallet_owed_minor
from services.payments import PaymentService
from services.validation import check_id

RECENT_TOPUPS = 10
# Refunds whose outcome is not settled yet: the wallet shows them apart.
UNSETTLED_REFUND_STATUSES = ("pending", "retrying", "manual")


@dataclass(frozen=True)
class WalletCustomer:
    id: int
    name: str
    email: str
    status: str


@dataclass(frozen=True)
class WalletTopUp:
    id: int
    amount_minor: int
    status: str
    created_at: datetime
    refunded_minor: int  # refunds sent or on their way: that money has left the wallet


@dataclass(frozen=True)
class WalletSubscription:
    id: int
    plan_code: str
    status: str
    period_end: datetime


@dataclass(frozen=True)
class UnsettledRefund:
    id: int
    kind: str
    amount_minor: int
    status: str
    error: str | None


@dataclass(frozen=True)
class WalletDetail:
    id: int
    currency: str
    balance_minor: int
    created_at: datetime
    customer: WalletCustomer
    owed_minor: int  # what its invoices still wait for
    entries: int  # ledger entries in all
    recent_topups: tuple[WalletTopUp, ...]  # newest first
    subscriptions: tuple[WalletSubscription, ...]  # paid from this wallet, oldest first
    unsettled_refunds: tuple[UnsettledRefund, ...]


def _refunded_by_topup(topup_ids: list[int]) -> dict[int, int]:
    """Per top-up, the refunds that did not fail (as ``refund_topup`` counts them)."""
    if not topup_ids:
        return {}
    rows = tuples(
        Refund.select(Refund.topup, fn.SUM(Refund.amount_minor))
        .where(Refund.topup.in_(topup_ids) & (Refund.status != "failed"))
        .group_by(Refund.topup)
    )
    return {topup_id: int(total or 0) for topup_id, total in rows}


def wallet_detail(wallet_id: int) -> WalletDetail:
    """The wallet, its customer, recent top-ups, subscriptions and unsettled refunds."""
    wallet = Wallet.get_or_none(Wallet.id == check_id(wallet_id, "wallet"))
    if wallet is None:
        raise NotFound("no wallet #{wallet_id}", wallet_id=wallet_id)
    customer = Customer.get_by_id(wallet.customer_id)
    topups = list(TopUp.select().where(TopUp.wallet == wallet.id).order_by(TopUp.id.desc()).limit(RECENT_TOPUPS))
    refunded = _refunded_by_topup([t.id for t in topups])
    subscriptions = (
        Subscription.select(Subscription.id, Subscription.status, Subscription.period_end, Plan.code)
        .join(Plan)
        .where(Subscription.wallet == wallet.id)
        .order_by(Subscription.id)
    )
    unsettled = (
        Refund.select()
        .where((Refund.wallet == wallet.id) & Refund.status.in_(UNSETTLED_REFUND_STATUSES))
        .order_by(Refund.id)
    )
    return WalletDetail(
        wallet.id,
        wallet.currency,
        wallet.balance_minor,
        wallet.created_at,
        WalletCustomer(customer.id, customer.name, customer.email, customer.status),
        owed_minor=wallet_owed_minor(wallet.id),
        entries=LedgerEntry.select().where(LedgerEntry.wallet == wallet.id).count(),
        recent_topups=tuple(
            WalletTopUp(t.id, t.amount_minor, t.status, t.created_at, refunded.get(t.id, 0)) for t in topups
        ),
        subscriptions=tuple(WalletSubscription(s.id, s.plan.code, s.status, s.period_end) for s in subscriptions),
        unsettled_refunds=tuple(UnsettledRefund(r.id, r.kind, r.amount_minor, r.status, r.error) for r in unsettled),
    )


# --- refunds to the card -----------------------------------------------------------------


@dataclass(frozen=True)
class TopUpRefundOption:
    id: int
    amount_minor: int
    created_at: datetime
    left_minor: int  # of the top-up, not refunded yet
    cap_minor: int  # what can go back to the card now: what is left, as far as the wallet holds it

    @property
    def held_back_by_balance(self) -> bool:
        """The wallet holds less than is left of the top-up: the balance, not the top-up, is the cap."""
        return self.cap_minor < self.left_minor


@dataclass(frozen=True)
class TopUpRefundOptions:
    wallet_id: int
    currency: str
    balance_minor: int
    topups: tuple[TopUpRefundOption, ...]  # paid top-ups with something left, newest first


def topup_refund_options(payments: PaymentService, wallet_id: int) -> TopUpRefundOptions:
    """The wallet's paid top-ups with something left to refund, each with what can go back now."""
    terms = payments.topup_refund_terms(wallet_id)
    return TopUpRefundOptions(
        terms.wallet_id,
        terms.currency,
        terms.balance_minor,
        tuple(
            TopUpRefundOption(t.id, t.amount_minor, t.created_at, t.left_minor, terms.refundable_now(t))
            for t in terms.topups
        ),
    )


# --- corrections -------------------------------------------------------------------------


def adjustment_fits(balance_minor: int, amount_minor: int) -> bool:
    """Whether a signed adjustment leaves the wallet at zero or above (``post_entry`` refuses otherwise)."""
    return balance_minor + amount_minor >= 0
