"""A customer as the desk shows them: their wallets, subscriptions and recent top-ups, and the
names that label a list of invoices, and the whole file of one customer (``customer_file``) with one
timeline of everything that happened to them. Plain data, read in one call off the GUI thread."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from models.tables import (
    Customer,
    CustomerNote,
    ErrorItem,
    Feature,
    Invoice,
    Notification,
    Plan,
    Refund,
    Subscription,
    SubscriptionEvent,
    TopUp,
    UsageCounter,
    Wallet,
)
from services.customers import CustomerInfo, NoteInfo, WalletInfo, customer_info, note_info, wallet_info
from services.errors import NotFound
from services.invoices import CreditNoteInfo, InvoiceInfo, InvoiceService
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


# --- the customer's whole file ------------------------------------------------------------------

FILE_LIMIT = 200  # of each kind of row; the timeline shows the newest of them all
OPEN_ERROR_STATUSES = ("retrying", "manual")


@dataclass(frozen=True)
class FileSubscription:
    id: int
    plan_code: str
    plan_name: str
    status: str
    auto_renew: bool
    period_start: datetime
    period_end: datetime
    pending_since: datetime | None
    grace_days: int
    price_minor: int
    currency: str


@dataclass(frozen=True)
class FileTopUp:
    id: int
    wallet_id: int
    amount_minor: int
    refunded_minor: int
    currency: str
    status: str
    created_at: datetime


@dataclass(frozen=True)
class FileRefund:
    id: int
    kind: str  # topup (to the card) | charge (into the wallet)
    topup_id: int | None
    amount_minor: int
    currency: str
    status: str
    reason: str | None
    created_at: datetime


@dataclass(frozen=True)
class FileUsage:
    subscription_id: int
    plan_code: str
    feature_code: str
    feature_name: str
    unit: str
    used: int
    since: datetime


@dataclass(frozen=True)
class FileErrorItem:
    id: int
    operation: str
    subject_type: str
    subject_id: int
    status: str
    message: str
    attempts: int
    amount_minor: int
    currency: str
    created_at: datetime


@dataclass(frozen=True)
class FileNotification:
    id: int
    kind: str
    severity: str
    title: str
    subject_type: str | None
    subject_id: int | None
    created_at: datetime
    read: bool


class TimelineKind(StrEnum):
    JOINED = "joined"
    SUBSCRIPTION = "subscription"  # a move of a subscription (subscribed, renewed, canceled, expired…)
    INVOICE = "invoice"
    CREDIT_NOTE = "credit_note"
    TOPUP = "topup"
    REFUND = "refund"
    ERROR = "error"  # an error item opened
    NOTIFICATION = "notification"
    NOTE = "note"


@dataclass(frozen=True)
class TimelineEvent:
    """One line of the timeline: what happened, when, to which subject. ``detail`` is stored text or a
    code the desk words itself (an email, a plan code, an invoice number, a note, a message);
    ``status`` the state it reached (a payment's status, a subscription's new state) and
    ``previous_status`` the state a subscription left; ``amount_minor`` 0 when no money moved."""

    at: datetime
    kind: TimelineKind
    subject_type: str
    subject_id: int
    detail: str
    amount_minor: int = 0
    currency: str = ""
    actor: str = ""
    status: str = ""
    previous_status: str = ""
    operation: str = ""  # of a failure: what failed (topup, refund, renewal…)
    event: str = ""  # of a subscription: what moved it (subscribe, renew, cancel…)


@dataclass(frozen=True)
class CustomerFile:
    customer: CustomerInfo
    wallets: tuple[WalletInfo, ...]  # oldest first
    owed: dict[str, int]  # what each currency's wallet still owes on invoices
    subscriptions: tuple[FileSubscription, ...]  # newest first
    invoices: tuple[InvoiceInfo, ...]  # newest first
    credit_notes: tuple[CreditNoteInfo, ...]  # newest first
    topups: tuple[FileTopUp, ...]  # newest first
    refunds: tuple[FileRefund, ...]  # newest first
    usage: tuple[FileUsage, ...]  # what the open periods have used so far
    open_errors: tuple[FileErrorItem, ...]  # newest first
    notifications: tuple[FileNotification, ...]  # newest first
    notes: tuple[NoteInfo, ...]  # newest first
    timeline: tuple[TimelineEvent, ...]  # all of the above, newest first


def _subject_ids(customer_id: int) -> dict[str, object]:
    """Subqueries for the ids of what belongs to the customer, by subject type."""
    wallets = Wallet.select(Wallet.id).where(Wallet.customer == customer_id)
    return {
        "customer": [customer_id],
        "wallet": wallets,
        "subscription": Subscription.select(Subscription.id).where(Subscription.customer == customer_id),
        "topup": TopUp.select(TopUp.id).where(TopUp.wallet.in_(wallets)),
        "refund": Refund.select(Refund.id).where(Refund.wallet.in_(wallets)),
        "invoice": Invoice.select(Invoice.id).where(Invoice.customer == customer_id),
    }


def _about(model, customer_id: int, extra: dict[str, object] | None = None):
    """Rows of ``model`` (an error item or a notification) whose subject is the customer's."""
    condition = None
    for subject_type, ids in {**_subject_ids(customer_id), **(extra or {})}.items():
        term = (model.subject_type == subject_type) & model.subject_id.in_(ids)
        condition = term if condition is None else condition | term
    return condition


def customer_file(customer_id: int, invoices: InvoiceService) -> CustomerFile:
    """Everything the desk knows about one customer, and one timeline of it, newest first."""
    row = Customer.get_or_none(Customer.id == check_id(customer_id, "customer"))
    if row is None:
        raise NotFound("no customer #{customer_id}", customer_id=customer_id)
    cid = row.id
    wallets = tuple(wallet_info(w) for w in Wallet.select().where(Wallet.customer == cid).order_by(Wallet.id))
    currency_of = {w.id: w.currency for w in wallets}
    subscriptions = tuple(
        FileSubscription(
            s.id,
            s.plan.code,
            s.plan.name,
            s.status,
            s.auto_renew,
            s.period_start,
            s.period_end,
            s.pending_since,
            s.plan.grace_days,
            s.plan.price_minor,
            s.plan.currency,
        )
        for s in Subscription.select(Subscription, Plan)
        .join(Plan)
        .where(Subscription.customer == cid)
        .order_by(Subscription.id.desc())
        .limit(FILE_LIMIT)
    )
    plan_of = {s.id: s.plan_code for s in subscriptions}
    invoice_rows = tuple(invoices.for_customer(cid, limit=FILE_LIMIT))
    credit_notes = tuple(invoices.credit_notes_for_customer(cid, limit=FILE_LIMIT))
    topups = tuple(
        FileTopUp(t.id, t.wallet_id, t.amount_minor, t.refunded_minor, t.currency, t.status, t.created_at)
        for t in TopUp.select().where(TopUp.wallet.in_(list(currency_of))).order_by(TopUp.id.desc()).limit(FILE_LIMIT)
    )
    refunds = tuple(
        FileRefund(r.id, r.kind, r.topup_id, r.amount_minor, currency_of[r.wallet_id], r.status, r.reason, r.created_at)
        for r in Refund.select()
        .where(Refund.wallet.in_(list(currency_of)))
        .order_by(Refund.id.desc())
        .limit(FILE_LIMIT)
    )
    usage = tuple(
        FileUsage(
            u.subscription_id,
            plan_of.get(u.subscription_id, ""),
            u.feature.code,
            u.feature.name,
            u.feature.unit,
            u.used,
            u.period_start,
        )
        for u in UsageCounter.select(UsageCounter, Feature)
        .join(Feature)
        .where(UsageCounter.subscription.in_(list(plan_of)) & (UsageCounter.settled == False))  # noqa: E712
        .order_by(UsageCounter.subscription.desc(), Feature.code)
    )
    errors = list(ErrorItem.select().where(_about(ErrorItem, cid)).order_by(ErrorItem.id.desc()).limit(FILE_LIMIT))
    open_errors = tuple(_error_item(e) for e in errors if e.status in OPEN_ERROR_STATUSES)
    notifications = tuple(
        FileNotification(
            n.id, n.kind, n.severity, n.title, n.subject_type, n.subject_id, n.created_at, n.read_at is not None
        )
        for n in Notification.select()
        .where(_about(Notification, cid, {"error_item": [e.id for e in errors]}))
        .order_by(Notification.id.desc())
        .limit(FILE_LIMIT)
    )
    notes = tuple(
        note_info(n)
        for n in CustomerNote.select()
        .where(CustomerNote.customer == cid)
        .order_by(CustomerNote.created_at.desc(), CustomerNote.id.desc())
        .limit(FILE_LIMIT)
    )
    moves = (
        SubscriptionEvent.select()
        .where(SubscriptionEvent.subscription.in_(list(plan_of)))
        .order_by(SubscriptionEvent.id.desc())
        .limit(FILE_LIMIT)
    )
    info = customer_info(row)
    timeline: list[TimelineEvent] = [TimelineEvent(info.created_at, TimelineKind.JOINED, "customer", cid, info.email)]
    timeline += [
        TimelineEvent(
            m.created_at,
            TimelineKind.SUBSCRIPTION,
            "subscription",
            m.subscription_id,
            plan_of.get(m.subscription_id, ""),
            actor=m.actor,
            status=m.to_status,
            previous_status=m.from_status or "",
            event=m.event,
        )
        for m in moves
    ]
    timeline += [
        TimelineEvent(i.issued_at, TimelineKind.INVOICE, "invoice", i.id, i.number, i.total_minor, i.currency)
        for i in invoice_rows
    ]
    invoice_currency = {i.id: i.currency for i in invoice_rows}
    timeline += [
        TimelineEvent(
            c.issued_at,
            TimelineKind.CREDIT_NOTE,
            "invoice",
            c.invoice_id,
            f"{c.number} ({c.invoice_number})",
            c.amount_minor,
            invoice_currency.get(c.invoice_id, ""),
            c.actor,
        )
        for c in credit_notes
    ]
    timeline += [
        TimelineEvent(t.created_at, TimelineKind.TOPUP, "topup", t.id, "", t.amount_minor, t.currency, status=t.status)
        for t in topups
    ]
    timeline += [
        TimelineEvent(
            r.created_at,
            TimelineKind.REFUND,
            "refund",
            r.id,
            r.reason or "",
            r.amount_minor,
            r.currency,
            status=r.status,
        )
        for r in refunds
    ]
    timeline += [
        TimelineEvent(
            e.created_at,
            TimelineKind.ERROR,
            "error_item",
            e.id,
            e.message,
            e.amount_minor,
            e.currency,
            status=e.status,
            operation=e.operation,
        )
        for e in errors
    ]
    timeline += [
        TimelineEvent(n.created_at, TimelineKind.NOTIFICATION, n.subject_type or "", n.subject_id or 0, n.title)
        for n in notifications
    ]
    timeline += [TimelineEvent(n.created_at, TimelineKind.NOTE, "customer", cid, n.body, actor=n.author) for n in notes]
    order = {kind: rank for rank, kind in enumerate(TimelineKind)}
    # Newest first; of things at the same moment, what came later in a flow (an invoice after the move that
    # issued it) first.
    timeline.sort(key=lambda e: (e.at, order[e.kind]), reverse=True)
    return CustomerFile(
        info,
        wallets,
        invoices.owed_by_customer(cid),
        subscriptions,
        invoice_rows,
        credit_notes,
        topups,
        refunds,
        usage,
        open_errors,
        notifications,
        notes,
        tuple(timeline),
    )


def _error_item(e: ErrorItem) -> FileErrorItem:
    return FileErrorItem(
        e.id,
        e.operation,
        e.subject_type,
        e.subject_id,
        e.status,
        e.message,
        e.attempts,
        e.amount_minor,
        e.currency,
        e.created_at,
    )
