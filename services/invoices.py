"""Invoices and credit notes: every charge the business makes, and every credit given back against one.

An invoice is issued inside the transaction that charges it, with its lines, a
number without gaps per year, and the ledger entry that paid it (an
``InvoicePayment``). What the wallet cannot cover stays owed on the invoice and
is collected from the next top-up. A credit note (a refund of a charge, the
unused part of a plan on a plan change) puts money back into the wallet
against one invoice; what can still be credited is what was paid minus the
credit notes already given. Invoices, their lines, payments and credit notes
are immutable once written (triggers refuse UPDATE and DELETE).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from peewee import JOIN, fn

from models.db import for_update
from models.rows import pairs, selected
from models.tables import (
    CreditNote,
    DocumentSequence,
    Invoice,
    InvoiceLine,
    InvoicePayment,
    LedgerEntry,
    Wallet,
)
from services.clock import Clock
from services.customers import find_customer
from services.errors import Amount, Conflict, InsufficientFunds, NotFound, ValidationError
from services.ledger import lock_wallet, post_entry
from services.validation import check_id, storable

INVOICE_SERIES, CREDIT_SERIES = "INV", "CN"
INVOICE_KINDS = ("subscription", "renewal", "usage", "plan_change")
# Ledger kinds that pay an invoice; each such entry has exactly one InvoicePayment.
CHARGE_ENTRY_KINDS = ("renewal", "usage", "proration")
# The ledger kind that pays each kind of invoice.
ENTRY_KIND_OF = {"subscription": "renewal", "renewal": "renewal", "usage": "usage", "plan_change": "proration"}
CREDIT_KINDS = ("refund", "proration")
CREDIT_ENTRY_KIND = {"refund": "refund", "proration": "credit"}


@dataclass(frozen=True)
class Line:
    """One line of an invoice about to be issued."""

    kind: str  # plan | usage | proration
    description: str
    amount_minor: int
    quantity: int = 1
    plan_id: int | None = None
    feature_id: int | None = None
    pricing: str | None = None
    period_start: datetime | None = None
    period_end: datetime | None = None


@dataclass(frozen=True)
class Issued:
    invoice_id: int
    number: str
    total_minor: int
    paid_minor: int
    owed_minor: int
    entry_id: int | None
    replayed: bool = False


@dataclass(frozen=True)
class InvoiceInfo:
    id: int
    number: str
    customer_id: int
    wallet_id: int
    subscription_id: int | None
    currency: str
    kind: str
    period_start: datetime | None
    period_end: datetime | None
    total_minor: int
    paid_minor: int
    credited_minor: int
    owed_minor: int
    refundable_minor: int
    issued_at: datetime


@dataclass(frozen=True)
class LineInfo:
    position: int
    kind: str
    description: str
    quantity: int
    pricing: str | None
    amount_minor: int
    period_start: datetime | None
    period_end: datetime | None


@dataclass(frozen=True)
class CreditNoteInfo:
    id: int
    number: str
    invoice_id: int
    invoice_number: str
    kind: str
    amount_minor: int
    ledger_entry_id: int
    refund_id: int | None
    reason: str | None
    actor: str
    issued_at: datetime


@dataclass(frozen=True)
class PaymentInfo:
    ledger_entry_id: int
    amount_minor: int
    created_at: datetime


@dataclass(frozen=True)
class InvoiceDetail:
    invoice: InvoiceInfo
    lines: tuple[LineInfo, ...]
    payments: tuple[PaymentInfo, ...]
    credit_notes: tuple[CreditNoteInfo, ...]


def document_number(series: str, year: int, seq: int) -> str:
    return f"{series}-{year}-{seq:06d}"


def allocate_numbers(series: str, year: int, count: int) -> int:
    """Reserve ``count`` consecutive numbers of ``series`` in ``year``; returns the first.

    Runs in the issuing transaction: the sequence row stays locked until commit and
    a rollback gives the numbers back, so issued numbers have no gaps.
    """
    if count < 1:
        raise ValueError("allocate at least one number")
    DocumentSequence.insert(series=series, year=year, last_number=0).on_conflict_ignore().execute()
    row = for_update(
        DocumentSequence.select().where((DocumentSequence.series == series) & (DocumentSequence.year == year))
    ).get()
    first = row.last_number + 1
    (
        DocumentSequence.update(last_number=DocumentSequence.last_number + count)
        .where((DocumentSequence.series == series) & (DocumentSequence.year == year))
        .execute()
    )
    return first


def paid_minor(invoice_id: int) -> int:
    return int(
        InvoicePayment.select(fn.COALESCE(fn.SUM(InvoicePayment.amount_minor), 0))
        .where(InvoicePayment.invoice == invoice_id)
        .scalar()
    )


def credited_minor(invoice_id: int) -> int:
    return int(
        CreditNote.select(fn.COALESCE(fn.SUM(CreditNote.amount_minor), 0))
        .where(CreditNote.invoice == invoice_id)
        .scalar()
    )


def refundable_minor(invoice_id: int) -> int:
    """What can still be given back against an invoice: what was paid minus every credit note."""
    return max(0, paid_minor(invoice_id) - credited_minor(invoice_id))


def owed_minor(invoice: Invoice) -> int:
    return max(0, invoice.total_minor - paid_minor(invoice.id))


def invoice_paid_by(ledger_entry_id: int) -> Invoice | None:
    """The invoice a charge in the ledger paid (one entry pays one invoice)."""
    return Invoice.select().join(InvoicePayment).where(InvoicePayment.ledger_entry == ledger_entry_id).first()


def issue_invoice(
    clock: Clock,
    *,
    wallet_id: int,
    subscription_id: int | None,
    kind: str,
    lines: list[Line],
    event_key: str,
    actor: str,
    pay: str = "full",
    currency: str | None = None,
    period: tuple[datetime, datetime] | None = None,
) -> Issued:
    """Issue (once per ``event_key``) an invoice and pay it from the wallet.

    Must run inside a write transaction. ``pay="full"``: the wallet pays it all or
    nothing is written (InsufficientFunds). ``pay="available"``: the wallet pays
    what it holds and the rest stays owed.
    """
    if kind not in INVOICE_KINDS:
        raise ValueError(f"unknown invoice kind {kind!r}")
    if pay not in ("full", "available"):
        raise ValueError(f"unknown payment mode {pay!r}")
    total = sum(line.amount_minor for line in lines)
    existing = Invoice.get_or_none(Invoice.event_key == event_key)
    if existing is not None:
        if existing.wallet_id != wallet_id or existing.total_minor != total or existing.kind != kind:
            raise Conflict("invoice key {event_key!r} was used for a different charge", event_key=event_key)
        paid = paid_minor(existing.id)
        return Issued(existing.id, existing.number, total, paid, total - paid, None, replayed=True)
    wallet = lock_wallet(wallet_id)
    if pay == "full" and wallet.balance_minor < total:
        raise InsufficientFunds(
            "wallet #{wallet_id} holds {balance}; {needed} is needed",
            wallet_id=wallet.id,
            balance=Amount(wallet.balance_minor, wallet.currency),
            needed=Amount(total, wallet.currency),
        )
    now = clock.now()
    seq = allocate_numbers(INVOICE_SERIES, now.year, 1)
    start, end = period if period else (None, None)
    invoice = Invoice.create(
        number=document_number(INVOICE_SERIES, now.year, seq),
        year=now.year,
        seq=seq,
        customer=wallet.customer_id,
        wallet=wallet.id,
        subscription=subscription_id,
        currency=currency or wallet.currency,
        kind=kind,
        period_start=start,
        period_end=end,
        total_minor=total,
        event_key=event_key,
        actor=actor,
        issued_at=now,
    )
    for position, line in enumerate(lines, 1):
        InvoiceLine.create(
            invoice=invoice.id,
            position=position,
            kind=line.kind,
            description=line.description,
            plan=line.plan_id,
            feature=line.feature_id,
            quantity=line.quantity,
            pricing=line.pricing,
            amount_minor=line.amount_minor,
            period_start=line.period_start,
            period_end=line.period_end,
        )
    amount = total if pay == "full" else min(total, wallet.balance_minor)
    entry_id = None
    if amount:
        entry = post_entry(
            clock,
            wallet.id,
            ENTRY_KIND_OF[kind],
            -amount,
            event_key,
            actor=actor,
            ref=("invoice", invoice.id),
            note=invoice.number,
            wallet=wallet,
        )
        InvoicePayment.create(invoice=invoice.id, ledger_entry=entry.id, amount_minor=amount, created_at=now)
        entry_id = entry.id
    return Issued(invoice.id, invoice.number, total, amount, total - amount, entry_id)


def issue_credit_note(
    clock: Clock,
    invoice_id: int,
    amount_minor: int,
    kind: str,
    *,
    key: str,
    actor: str,
    reason: str | None = None,
    refund_id: int | None = None,
    cap_to_refundable: bool = False,
) -> CreditNoteInfo | None:
    """Credit the wallet against an invoice, never beyond what is left to credit.

    Must run inside a write transaction. ``key`` is the ledger key of the credit and
    belongs to one business event. ``cap_to_refundable`` gives what is left when less
    is left (a proration credit); otherwise asking for more is refused (Conflict).
    Returns None when nothing is left to credit and capping was asked for.
    """
    if kind not in CREDIT_KINDS:
        raise ValueError(f"unknown credit note kind {kind!r}")
    invoice = Invoice.get_or_none(Invoice.id == invoice_id)
    if invoice is None:
        raise NotFound("no invoice #{invoice_id}", invoice_id=invoice_id)
    replay = (
        CreditNote.select()
        .join(LedgerEntry, on=(CreditNote.ledger_entry == LedgerEntry.id))
        .where(LedgerEntry.idempotency_key == key)
        .first()
    )
    if replay is not None:
        if (
            replay.invoice_id != invoice.id
            or replay.kind != kind
            or (not cap_to_refundable and replay.amount_minor != amount_minor)
        ):
            raise Conflict("credit key {key!r} was used for a different credit", key=key)
        return credit_note_info(replay, invoice.number)
    lock_wallet(invoice.wallet_id)  # credits against one wallet's invoices are serialised on its row
    left = refundable_minor(invoice.id)
    if amount_minor > left:
        if not cap_to_refundable:
            raise Conflict(
                "at most {left} of invoice {number} is left to refund",
                left=Amount(left, invoice.currency),
                number=invoice.number,
            )
        amount_minor = left
    if amount_minor <= 0:
        if cap_to_refundable:
            return None
        raise ValidationError("a credit note gives back a positive amount")
    now = clock.now()
    seq = allocate_numbers(CREDIT_SERIES, now.year, 1)
    number = document_number(CREDIT_SERIES, now.year, seq)
    entry = post_entry(
        clock,
        invoice.wallet_id,
        CREDIT_ENTRY_KIND[kind],
        amount_minor,
        key,
        actor=actor,
        ref=("invoice", invoice.id),
        note=f"{number} against {invoice.number}",
    )
    row = CreditNote.create(
        number=number,
        year=now.year,
        seq=seq,
        invoice=invoice.id,
        wallet=invoice.wallet_id,
        kind=kind,
        amount_minor=amount_minor,
        ledger_entry=entry.id,
        refund_id=refund_id,
        reason=reason,
        actor=actor,
        issued_at=now,
    )
    return credit_note_info(row, invoice.number)


def collect_owed(clock: Clock, wallet_id: int, actor: str) -> int:
    """Pay what the wallet's invoices still owe, oldest first, while the money lasts.

    Must run inside a write transaction. Returns what was collected.
    """
    wallet = lock_wallet(wallet_id)
    # Only this wallet's payments: summed over every invoice, each top-up's credit read the whole table.
    paid = (
        InvoicePayment.select(InvoicePayment.invoice, fn.SUM(InvoicePayment.amount_minor).alias("paid"))
        .where(InvoicePayment.invoice.in_(Invoice.select(Invoice.id).where(Invoice.wallet == wallet_id)))
        .group_by(InvoicePayment.invoice)
        .alias("paid")
    )
    owing = list(
        Invoice.select(Invoice, fn.COALESCE(paid.c.paid, 0).alias("paid_so_far"))
        .join(paid, JOIN.LEFT_OUTER, on=(paid.c.invoice_id == Invoice.id))
        .where((Invoice.wallet == wallet_id) & (Invoice.total_minor > fn.COALESCE(paid.c.paid, 0)))
        .order_by(Invoice.id)
    )
    collected = 0
    for invoice in owing:
        amount = min(invoice.total_minor - int(selected(invoice, "paid_so_far")), wallet.balance_minor)
        if amount <= 0:
            break
        payment_number = InvoicePayment.select().where(InvoicePayment.invoice == invoice.id).count() + 1
        entry = post_entry(
            clock,
            wallet.id,
            ENTRY_KIND_OF[invoice.kind],
            -amount,
            f"{invoice.event_key}:payment:{payment_number}",
            actor=actor,
            ref=("invoice", invoice.id),
            note=f"owed on {invoice.number}",
            wallet=wallet,
        )
        InvoicePayment.create(invoice=invoice.id, ledger_entry=entry.id, amount_minor=amount, created_at=clock.now())
        collected += amount
    return collected


def wallet_owed_minor(wallet_id: int) -> int:
    total = int(Invoice.select(fn.COALESCE(fn.SUM(Invoice.total_minor), 0)).where(Invoice.wallet == wallet_id).scalar())
    paid = int(
        InvoicePayment.select(fn.COALESCE(fn.SUM(InvoicePayment.amount_minor), 0))
        .join(Invoice)
        .where(Invoice.wallet == wallet_id)
        .scalar()
    )
    return max(0, total - paid)


def credit_note_info(row: CreditNote, invoice_number: str | None = None) -> CreditNoteInfo:
    number = invoice_number or Invoice.get_by_id(row.invoice_id).number
    return CreditNoteInfo(
        row.id,
        row.number,
        row.invoice_id,
        number,
        row.kind,
        row.amount_minor,
        row.ledger_entry_id,
        row.refund_id,
        row.reason,
        row.actor,
        row.issued_at,
    )


def _invoice_infos(rows: list[Invoice]) -> list[InvoiceInfo]:
    ids = [r.id for r in rows]
    if not ids:
        return []
    paid = pairs(
        InvoicePayment.select(InvoicePayment.invoice, fn.SUM(InvoicePayment.amount_minor))
        .where(InvoicePayment.invoice.in_(ids))
        .group_by(InvoicePayment.invoice)
    )
    credited = pairs(
        CreditNote.select(CreditNote.invoice, fn.SUM(CreditNote.amount_minor))
        .where(CreditNote.invoice.in_(ids))
        .group_by(CreditNote.invoice)
    )
    infos = []
    for r in rows:
        p, c = int(paid.get(r.id, 0)), int(credited.get(r.id, 0))  # PostgreSQL sums BIGINT as NUMERIC
        infos.append(
            InvoiceInfo(
                r.id,
                r.number,
                r.customer_id,
                r.wallet_id,
                r.subscription_id,
                r.currency,
                r.kind,
                r.period_start,
                r.period_end,
                r.total_minor,
                p,
                c,
                max(0, r.total_minor - p),
                max(0, p - c),
                r.issued_at,
            )
        )
    return infos


class InvoiceService:
    """Reading invoices and credit notes (issuing happens inside the services that charge)."""

    def __init__(self, clock: Clock):
        self.clock = clock

    def for_customer(self, email_or_id, limit: int = 500) -> list[InvoiceInfo]:
        customer = find_customer(email_or_id)
        rows = list(Invoice.select().where(Invoice.customer == customer.id).order_by(Invoice.id.desc()).limit(limit))
        return _invoice_infos(rows)

    def credit_notes_for_customer(self, email_or_id, limit: int = 500) -> list[CreditNoteInfo]:
        customer = find_customer(email_or_id)
        rows = (
            CreditNote.select(CreditNote, Invoice.number.alias("invoice_number"))
            .join(Invoice)
            .where(Invoice.customer == customer.id)
            .order_by(CreditNote.id.desc())
            .limit(limit)
            .objects()
        )
        return [credit_note_info(r, selected(r, "invoice_number")) for r in rows]

    def find(self, number_or_id) -> Invoice:
        """An invoice by its id (digits) or its number (INV-2026-000042)."""
        if isinstance(number_or_id, str) and number_or_id.strip().upper().startswith(INVOICE_SERIES + "-"):
            text = number_or_id.strip().upper()
            row = Invoice.get_or_none(Invoice.number == text) if storable(text) else None
            if row is None:
                raise NotFound("no invoice {text}", text=text[:24])
            return row
        if isinstance(number_or_id, str):
            text = number_or_id.strip()
            if not (text.isascii() and text.isdigit()):
                raise ValidationError(
                    "{text!r} is neither an invoice number (INV-YYYY-NNNNNN) nor an id", text=text[:24]
                )
            number_or_id = int(text)
        invoice_id = check_id(number_or_id, "invoice")
        row = Invoice.get_or_none(Invoice.id == invoice_id)
        if row is None:
            raise NotFound("no invoice #{invoice_id}", invoice_id=invoice_id)
        return row

    def get(self, number_or_id) -> InvoiceDetail:
        row = self.find(number_or_id)
        (info,) = _invoice_infos([row])
        lines = tuple(
            LineInfo(
                r.position, r.kind, r.description, r.quantity, r.pricing, r.amount_minor, r.period_start, r.period_end
            )
            for r in InvoiceLine.select().where(InvoiceLine.invoice == row.id).order_by(InvoiceLine.position)
        )
        payments = tuple(
            PaymentInfo(r.ledger_entry_id, r.amount_minor, r.created_at)
            for r in InvoicePayment.select().where(InvoicePayment.invoice == row.id).order_by(InvoicePayment.id)
        )
        notes = tuple(
            credit_note_info(r, row.number)
            for r in CreditNote.select().where(CreditNote.invoice == row.id).order_by(CreditNote.id)
        )
        return InvoiceDetail(info, lines, payments, notes)

    def issued_with(self, invoice_id) -> list[InvoiceInfo]:
        """The invoices one pass issued together with this one (same moment and kind): what a
        "renewals paid" notice opens."""
        first = self.find(invoice_id)
        rows = list(
            Invoice.select()
            .where(
                (Invoice.issued_at == first.issued_at) & (Invoice.kind == first.kind) & (Invoice.actor == first.actor)
            )
            .order_by(Invoice.id)
            .limit(10_000)
        )
        return _invoice_infos(rows)

    def for_charge(self, ledger_entry_id) -> InvoiceInfo:
        """The invoice a renewal, usage or proration charge in the ledger paid."""
        ledger_entry_id = check_id(ledger_entry_id, "charge")
        row = invoice_paid_by(ledger_entry_id)
        if row is None:
            raise NotFound("ledger entry #{ledger_entry_id} paid no invoice", ledger_entry_id=ledger_entry_id)
        return _invoice_infos([row])[0]

    def owed_by_wallet(self, wallet_id) -> int:
        return wallet_owed_minor(check_id(wallet_id, "wallet"))

    def owed_by_customer(self, email_or_id) -> dict[str, int]:
        """What each of the customer's wallets still owes, by currency."""
        customer = find_customer(email_or_id)
        return {
            w.currency: wallet_owed_minor(w.id)
            for w in Wallet.select().where(Wallet.customer == customer.id).order_by(Wallet.id)
        }
