"""Invoices and credit notes as the customer reads them: a document, in the customer's language.

``load_document`` reads an invoice or a credit note with everything its page shows — who issued it
(the business's name and address from settings), who it is for, its number and date, its lines,
its totals and currency — and the words of its page in English or Russian. Amounts stay integer
minor units; ``InvoiceDocument.money`` formats them as the customer reads them
(``services.money.customer_money`` / ``customer_date``). The PDF (``ui.pdf``) and the command line's
text (``document_text``) are both drawn from this one model, so they never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import NamedTuple

from models.tables import CreditNote, Customer, Feature, Invoice, InvoiceLine, Plan
from services.clock import SystemClock
from services.errors import NotFound, ValidationError
from services.invoices import CREDIT_SERIES, InvoiceService, credited_minor, paid_minor
from services.money import check_language, customer_date, customer_money
from services.settings import SettingsStore
from services.validation import check_id, storable


class DocumentKind(StrEnum):
    INVOICE = "invoice"
    CREDIT_NOTE = "credit_note"

    @classmethod
    def parse(cls, text: str) -> DocumentKind:
        cleaned = str(text).strip().lower().replace("-", "_").replace(" ", "_")
        for kind in cls:
            if kind.value == cleaned:
                return kind
        raise ValidationError("{text!r} is neither an invoice nor a credit note", text=str(text)[:24])


class PaymentState(StrEnum):
    PAID = "paid"
    PARTLY_PAID = "partly_paid"
    UNPAID = "unpaid"


class DocumentWords(NamedTuple):
    """The fixed words of a document's page in one language."""

    invoice: str
    credit_note: str
    number: str
    date: str
    period: str
    against_invoice: str
    status: str
    paid: str
    partly_paid: str
    unpaid: str
    seller: str
    buyer: str
    description: str
    quantity: str
    amount: str
    subtotal: str
    total: str
    paid_from_wallet: str
    amount_due: str
    credited: str
    credit_total: str
    reason: str
    currency: str
    plan_line: str  # {plan}
    proration_line: str  # {plan}
    usage_line: str  # {feature}
    refund_line: str  # {invoice}
    plan_credit_line: str  # {invoice}
    thanks: str
    credit_thanks: str


WORDS: dict[str, DocumentWords] = {
    "en": DocumentWords(
        invoice="Invoice",
        credit_note="Credit note",
        number="Number",
        date="Date",
        period="Period",
        against_invoice="Against invoice",
        status="Status",
        paid="Paid",
        partly_paid="Partly paid",
        unpaid="Unpaid",
        seller="From",
        buyer="Bill to",
        description="Description",
        quantity="Qty",
        amount="Amount",
        subtotal="Subtotal",
        total="Total",
        paid_from_wallet="Paid from your balance",
        amount_due="Amount due",
        credited="Credited back",
        credit_total="Total credited",
        reason="Reason",
        currency="All amounts in {currency}.",
        plan_line="{plan} subscription",
        proration_line="{plan} subscription, prorated",
        usage_line="{feature} (usage)",
        refund_line="Refund against invoice {invoice}",
        plan_credit_line="Unused part of the plan, invoice {invoice}",
        thanks="Thank you for your business.",
        credit_thanks="This amount has been credited to your balance.",
    ),
    "ru": DocumentWords(
        invoice="Счёт",
        credit_note="Кредит-нота",
        number="Номер",
        date="Дата",
        period="Период",
        against_invoice="К счёту",
        status="Статус",
        paid="Оплачен",
        partly_paid="Оплачен частично",
        unpaid="Не оплачен",
        seller="Поставщик",
        buyer="Плательщик",
        description="Описание",
        quantity="Кол-во",
        amount="Сумма",
        subtotal="Промежуточный итог",
        total="Итого",
        paid_from_wallet="Оплачено с баланса",
        amount_due="К оплате",
        credited="Возвращено",
        credit_total="Итого возвращено",
        reason="Причина",
        currency="Все суммы в валюте {currency}.",
        plan_line="Подписка «{plan}»",
        proration_line="Подписка «{plan}», пропорционально",
        usage_line="{feature} (использование)",
        refund_line="Возврат по счёту {invoice}",
        plan_credit_line="Неиспользованная часть тарифа, счёт {invoice}",
        thanks="Спасибо, что вы с нами.",
        credit_thanks="Эта сумма зачислена на ваш баланс.",
    ),
}


@dataclass(frozen=True)
class Party:
    """Who issued the document or who it is for: a name and the lines of an address."""

    name: str
    address: tuple[str, ...] = ()


@dataclass(frozen=True)
class DocumentLine:
    description: str
    period: str  # "" when the line covers no period
    quantity: int
    amount_minor: int


class DocumentTotal(NamedTuple):
    label: str
    amount_minor: int
    strong: bool = False  # the figure the document is about (the total)


@dataclass(frozen=True)
class InvoiceDocument:
    """One invoice or credit note, ready to print; stored text is kept as it is (escape it for HTML)."""

    kind: DocumentKind
    number: str
    issued_at: datetime
    language: str
    currency: str
    seller: Party
    buyer: Party
    facts: tuple[tuple[str, str], ...]  # (label, value) under the title: date, period, status, the invoice credited
    lines: tuple[DocumentLine, ...]
    subtotal_minor: int
    total_minor: int
    totals: tuple[DocumentTotal, ...]  # the lines under the table, subtotal first
    notes: tuple[str, ...]  # closing sentences: reason, currency, thanks

    @property
    def words(self) -> DocumentWords:
        return WORDS[self.language]

    @property
    def title(self) -> str:
        return self.words.invoice if self.kind is DocumentKind.INVOICE else self.words.credit_note

    @property
    def file_name(self) -> str:
        return f"{self.number}.pdf"

    def money(self, minor: int) -> str:
        return customer_money(minor, self.currency, self.language)

    def count(self, quantity: int) -> str:
        text = f"{quantity:,}"
        return text.replace(",", "\u202f") if self.language == "ru" else text


def _period(start: datetime | None, end: datetime | None, language: str) -> str:
    if start and end:
        return f"{customer_date(start, language)} – {customer_date(end, language)}"
    if start:
        return customer_date(start, language)
    return ""


def business_party() -> Party:
    """The seller, as the settings name it (business.name, business.address)."""
    values = SettingsStore(SystemClock()).get_many("business.")
    address = tuple(line.strip() for line in str(values["business.address"] or "").splitlines() if line.strip())
    return Party(str(values["business.name"] or "").strip(), address)


def _customer_party(customer: Customer) -> Party:
    return Party(customer.name, (customer.email,))


def _language(customer: Customer, language: str | None) -> str:
    if language is not None:
        return check_language(language)
    return customer.language if customer.language in WORDS else "en"


def find_credit_note(number_or_id) -> CreditNote:
    """A credit note by its id (digits) or its number (CN-2026-000007)."""
    if isinstance(number_or_id, str) and number_or_id.strip().upper().startswith(CREDIT_SERIES + "-"):
        text = number_or_id.strip().upper()
        row = CreditNote.get_or_none(CreditNote.number == text) if storable(text) else None
        if row is None:
            raise NotFound("no credit note {text}", text=text[:24])
        return row
    if isinstance(number_or_id, str):
        text = number_or_id.strip()
        if not (text.isascii() and text.isdigit()):
            raise ValidationError("{text!r} is neither a credit note number (CN-YYYY-NNNNNN) nor an id", text=text[:24])
        number_or_id = int(text)
    credit_note_id = check_id(number_or_id, "credit note")
    row = CreditNote.get_or_none(CreditNote.id == credit_note_id)
    if row is None:
        raise NotFound("no credit note #{credit_note_id}", credit_note_id=credit_note_id)
    return row


def _line_description(line: InvoiceLine, words: DocumentWords, plans: dict, features: dict) -> str:
    plan = plans.get(line.plan_id)
    if line.kind == "plan" and plan is not None:
        return words.plan_line.format(plan=plan.name)
    if line.kind == "proration" and plan is not None:
        return words.proration_line.format(plan=plan.name)
    feature = features.get(line.feature_id)
    if line.kind == "usage" and feature is not None:
        return words.usage_line.format(feature=feature.name)
    return line.description


def invoice_document(number_or_id, language: str | None = None) -> InvoiceDocument:
    """An invoice (by number or id) as its customer reads it, in ``language`` or the customer's own."""
    invoice: Invoice = InvoiceService(SystemClock()).find(number_or_id)
    customer = Customer.get_by_id(invoice.customer_id)
    language = _language(customer, language)
    words = WORDS[language]
    rows = list(InvoiceLine.select().where(InvoiceLine.invoice == invoice.id).order_by(InvoiceLine.position))
    plan_ids = {r.plan_id for r in rows if r.plan_id}
    feature_ids = {r.feature_id for r in rows if r.feature_id}
    plans = {p.id: p for p in Plan.select().where(Plan.id.in_(plan_ids))} if plan_ids else {}
    features = {f.id: f for f in Feature.select().where(Feature.id.in_(feature_ids))} if feature_ids else {}
    lines = tuple(
        DocumentLine(
            _line_description(r, words, plans, features),
            _period(r.period_start, r.period_end, language),
            int(r.quantity),
            int(r.amount_minor),
        )
        for r in rows
    )
    subtotal = sum(line.amount_minor for line in lines)
    paid = paid_minor(invoice.id)
    credited = credited_minor(invoice.id)
    owed = max(0, invoice.total_minor - paid)
    state = PaymentState.PAID if owed == 0 else PaymentState.PARTLY_PAID if paid else PaymentState.UNPAID
    status = {PaymentState.PAID: words.paid, PaymentState.PARTLY_PAID: words.partly_paid}.get(state, words.unpaid)
    facts = [(words.number, invoice.number), (words.date, customer_date(invoice.issued_at, language))]
    period = _period(invoice.period_start, invoice.period_end, language)
    if period:
        facts.append((words.period, period))
    facts.append((words.status, status))
    totals = [
        DocumentTotal(words.subtotal, subtotal),
        DocumentTotal(words.total, invoice.total_minor, strong=True),
        DocumentTotal(words.paid_from_wallet, paid),
        DocumentTotal(words.amount_due, owed),
    ]
    if credited:
        totals.append(DocumentTotal(words.credited, credited))
    return InvoiceDocument(
        kind=DocumentKind.INVOICE,
        number=invoice.number,
        issued_at=invoice.issued_at,
        language=language,
        currency=invoice.currency,
        seller=business_party(),
        buyer=_customer_party(customer),
        facts=tuple(facts),
        lines=lines,
        subtotal_minor=subtotal,
        total_minor=invoice.total_minor,
        totals=tuple(totals),
        notes=(words.currency.format(currency=invoice.currency), words.thanks),
    )


def credit_note_document(number_or_id, language: str | None = None) -> InvoiceDocument:
    """A credit note (by number or id) as its customer reads it: one line, against its invoice."""
    note = find_credit_note(number_or_id)
    invoice = Invoice.get_by_id(note.invoice_id)
    customer = Customer.get_by_id(invoice.customer_id)
    language = _language(customer, language)
    words = WORDS[language]
    template = words.refund_line if note.kind == "refund" else words.plan_credit_line
    line = DocumentLine(template.format(invoice=invoice.number), "", 1, int(note.amount_minor))
    notes = []
    reason = " ".join((note.reason or "").split())
    if reason:
        notes.append(f"{words.reason}: {reason}")
    notes += [words.currency.format(currency=invoice.currency), words.credit_thanks]
    return InvoiceDocument(
        kind=DocumentKind.CREDIT_NOTE,
        number=note.number,
        issued_at=note.issued_at,
        language=language,
        currency=invoice.currency,
        seller=business_party(),
        buyer=_customer_party(customer),
        facts=(
            (words.number, note.number),
            (words.date, customer_date(note.issued_at, language)),
            (words.against_invoice, invoice.number),
        ),
        lines=(line,),
        subtotal_minor=line.amount_minor,
        total_minor=line.amount_minor,
        totals=(DocumentTotal(words.credit_total, line.amount_minor, strong=True),),
        notes=tuple(notes),
    )


def load_document(kind: DocumentKind | str, number_or_id, language: str | None = None) -> InvoiceDocument:
    """An invoice or a credit note by number or id; an unknown one is NotFound, a malformed one ValidationError."""
    kind = kind if isinstance(kind, DocumentKind) else DocumentKind.parse(kind)
    if language is not None:
        language = check_language(language)  # refused before anything is looked up
    if kind is DocumentKind.INVOICE:
        return invoice_document(number_or_id, language)
    return credit_note_document(number_or_id, language)


def document_text(document: InvoiceDocument) -> str:
    """The document as plain text, for a terminal: the same facts, lines and totals as its PDF."""
    words = document.words
    out = [f"{document.title} {document.number}", ""]
    width = max(len(label) for label, _value in document.facts)
    out += [f"{label.ljust(width)}  {value}" for label, value in document.facts]
    for heading, party in ((words.seller, document.seller), (words.buyer, document.buyer)):
        texts = [text for text in (party.name, *party.address) if text]
        if texts:  # a business that has not named itself in Settings yet has no heading to show
            out += ["", f"{heading}:", *(f"  {text}" for text in texts)]
    out.append("")
    amounts = [document.money(line.amount_minor) for line in document.lines]
    whats = [
        (f"{document.count(line.quantity)} × " if line.quantity != 1 else "")
        + line.description
        + (f" ({line.period})" if line.period else "")
        for line in document.lines
    ]
    totals = [(t.label, document.money(t.amount_minor)) for t in document.totals]
    what_width = max(len(text) for text in [*whats, *(label for label, _amount in totals)])
    amount_width = max(len(text) for text in [*amounts, *(amount for _label, amount in totals)])
    out += [
        f"  {what.ljust(what_width)}  {amount.rjust(amount_width)}" for what, amount in zip(whats, amounts, strict=True)
    ]
    out.append("  " + "-" * (what_width + 2 + amount_width))
    out += [f"  {label.rjust(what_width)}  {amount.rjust(amount_width)}" for label, amount in totals]
    out.append("")
    out += list(document.notes)
    return "\n".join(out) + "\n"
