"""Wallets and their ledger as SQL-paged tables, and what the wallet page loads off the GUI thread."""

from __future__ import annotations

import html
from datetime import datetime

from peewee import fn
from PySide6.QtCore import QCoreApplication

from models.tables import Customer, LedgerEntry, Plan, Refund, Subscription, TopUp, Wallet
from services.customers import like_text
from services.invoices import CHARGE_ENTRY_KINDS
from services.money import format_minor
from ui.pages.words import customer_status_text, payment_status_text, status_text
from ui.sql_model import Column, PagedQueryModel

LEDGER_KINDS = ("topup", "renewal", "usage", "proration", "credit", "refund", "adjustment", "reversal")
# Charges that paid an invoice: what "Refund charge…" can give back into the wallet.
REFUNDABLE_KINDS = CHARGE_ENTRY_KINDS


def money(record: dict, key: str, currency_key: str = "currency", signed: bool = False) -> str:
    value = record.get(key)
    if value is None:
        return ""
    text = format_minor(value, record.get(currency_key) or "USD", symbol=True)
    return "+" + text if signed and value > 0 else text


def when(value, with_time: bool = True) -> str:
    """A stored UTC time as text; raw SQL expressions come back as strings on SQLite."""
    if value is None or value == "":
        return ""
    if isinstance(value, datetime):
        return f"{value:%Y-%m-%d %H:%M}" if with_time else f"{value:%Y-%m-%d}"
    text = str(value).replace("T", " ")
    return text[:16] if with_time else text[:10]


MAX_ROW_ID = 2**63 - 1


def row_id(text: str) -> int | None:
    """Digits that can name a row (a bigger number would overflow the database integer)."""
    if text.isascii() and text.isdigit() and int(text) <= MAX_ROW_ID:
        return int(text)
    return None


def id_search(text: str) -> int | None:
    """'#42' asks for exactly one id."""
    text = text.strip()
    return row_id(text[1:]) if text.startswith("#") else None


def _last_movement(wallet_field):
    entry = LedgerEntry.alias("last_entry")
    return entry.select(fn.MAX(entry.created_at)).where(entry.wallet == wallet_field)


class WalletsTableModel(PagedQueryModel):
    id_field = Wallet.id

    def __init__(self, runner, parent=None):
        last_moved = fn.COALESCE(_last_movement(Wallet.id), Wallet.created_at)
        self.columns = [
            Column("id", self.tr("Wallet"), Wallet.id, numeric=True),
            Column("customer", self.tr("Customer"), Customer.name,
                   format=lambda r: f"{r['customer_name']} <{r['customer_email']}>"),
            Column("currency", self.tr("Currency"), Wallet.currency),
            Column("balance_minor", self.tr("Balance"), Wallet.balance_minor, numeric=True,
                   format=lambda r: money(r, "balance_minor")),
            Column("last_movement", self.tr("Last movement"), last_moved,
                   format=lambda r: when(r.get("last_movement"))),
        ]
        super().__init__(runner, parent)

    def base_query(self):
        query = (Wallet.select(Wallet.id, Wallet.currency, Wallet.balance_minor, Wallet.created_at,
                               Customer.id.alias("customer_id"), Customer.name.alias("customer_name"),
                               Customer.email.alias("customer_email"),
                               _last_movement(Wallet.id).alias("last_movement"))
                 .join(Customer, on=(Wallet.customer == Customer.id)))
        text = (self.filters.get("search") or "").strip()
        exact = id_search(text)
        if text.startswith("#"):
            query = query.where(Wallet.id == (exact or 0))
        elif text:
            needle = text.lower()
            condition = like_text(fn.LOWER(Customer.name), needle) | like_text(fn.LOWER(Customer.email), needle)
            if row_id(text) is not None:
                condition = condition | (Customer.id == row_id(text)) | (Wallet.id == row_id(text))
            query = query.where(condition)
        currency = self.filters.get("currency")
        if currency:
            query = query.where(Wallet.currency == currency)
        return query


def kind_text(kind: str) -> str:
    translate = QCoreApplication.translate
    names = {"topup": translate("WalletsPage", "top-up"), "renewal": translate("WalletsPage", "renewal"),
             "usage": translate("WalletsPage", "usage"), "proration": translate("WalletsPage", "plan change"),
             "credit": translate("WalletsPage", "plan-change credit"), "refund": translate("WalletsPage", "refund"),
             "adjustment": translate("WalletsPage", "adjustment"), "reversal": translate("WalletsPage", "reversal")}
    return names.get(kind, kind)


class WalletLedgerTableModel(PagedQueryModel):
    """One wallet's ledger, newest first; ``filters['wallet_id']`` picks the wallet."""

    id_field = LedgerEntry.id

    def __init__(self, runner, parent=None):
        self.columns = [
            Column("id", self.tr("Entry"), LedgerEntry.id, numeric=True),
            Column("created_at", self.tr("Time"), LedgerEntry.created_at, format=lambda r: when(r["created_at"])),
            Column("kind", self.tr("Kind"), LedgerEntry.kind, format=lambda r: kind_text(r["kind"])),
            Column("amount_minor", self.tr("Amount"), LedgerEntry.amount_minor, numeric=True,
                   format=lambda r: money(r, "amount_minor", signed=True)),
            Column("balance_after_minor", self.tr("Balance after"), LedgerEntry.balance_after_minor, numeric=True,
                   format=lambda r: money(r, "balance_after_minor")),
            Column("actor", self.tr("Actor"), LedgerEntry.actor),
            Column("note", self.tr("Note"), fn.COALESCE(LedgerEntry.note, "")),
            Column("reference", self.tr("Reference"), fn.COALESCE(LedgerEntry.ref_type, ""),
                   format=lambda r: f"{r['ref_type']} #{r['ref_id']}" if r.get("ref_type") else ""),
        ]
        super().__init__(runner, parent)

    def base_query(self):
        query = (LedgerEntry.select(LedgerEntry.id, LedgerEntry.wallet, LedgerEntry.kind, LedgerEntry.amount_minor,
                                    LedgerEntry.balance_after_minor, LedgerEntry.actor, LedgerEntry.note,
                                    LedgerEntry.ref_type, LedgerEntry.ref_id, LedgerEntry.created_at,
                                    Wallet.currency)
                 .join(Wallet, on=(LedgerEntry.wallet == Wallet.id))
                 .where(LedgerEntry.wallet == (self.filters.get("wallet_id") or 0)))
        kind = self.filters.get("kind")
        if kind:
            query = query.where(LedgerEntry.kind == kind)
        return query


# --- loaded on the worker -----------------------------------------------------------


def _topup_refunded(topup_id_field):
    """Refunds sent or still on their way (the money has left the wallet)."""
    refund = Refund.alias("topup_refund")
    return fn.COALESCE(refund.select(fn.SUM(refund.amount_minor))
                       .where((refund.topup == topup_id_field) & (refund.status != "failed")), 0)


def load_wallet_detail(wallet_id: int, invoices) -> dict:
    """``invoices`` is the InvoiceService: what the wallet owes is its answer."""
    wallet = Wallet.get_by_id(wallet_id)
    customer = Customer.get_by_id(wallet.customer_id)
    topups = list(TopUp.select(TopUp.id, TopUp.amount_minor, TopUp.currency, TopUp.status, TopUp.created_at,
                               _topup_refunded(TopUp.id).alias("refunded_minor"))
                  .where(TopUp.wallet == wallet_id).order_by(TopUp.id.desc()).limit(10).dicts())
    subscriptions = list(Subscription.select(Subscription.id, Subscription.status, Subscription.period_end, Plan.code)
                         .join(Plan).where(Subscription.wallet == wallet_id).order_by(Subscription.id).dicts())
    refunds_open = list(Refund.select(Refund.id, Refund.kind, Refund.amount_minor, Refund.status, Refund.error)
                        .where((Refund.wallet == wallet_id) & Refund.status.in_(("pending", "retrying", "manual")))
                        .order_by(Refund.id).dicts())
    entries = LedgerEntry.select().where(LedgerEntry.wallet == wallet_id).count()
    return {"wallet": {"id": wallet.id, "currency": wallet.currency, "balance_minor": wallet.balance_minor,
                       "created_at": wallet.created_at},
            "customer": {"id": customer.id, "name": customer.name, "email": customer.email,
                         "status": customer.status},
            "topups": topups, "subscriptions": subscriptions, "refunds_open": refunds_open, "entries": entries,
            "owed_minor": invoices.owed_by_wallet(wallet_id)}


def render_wallet(detail: dict, entries_text: str) -> str:
    """The detail pane; ``entries_text`` is the plural-aware "%n ledger entries" from WalletsPage.tr."""
    translate = QCoreApplication.translate
    w, c = detail["wallet"], detail["customer"]
    currency = w["currency"]
    wallet, customer = translate("WalletsPage", "Wallet"), translate("WalletsPage", "customer")
    balance, opened = translate("WalletsPage", "Balance"), translate("WalletsPage", "opened")
    none = translate("WalletsPage", "none")
    parts = [f"<h2>{wallet} #{w['id']} · {currency}</h2>",
             f"<p><b>{html.escape(c['name'])}</b> &lt;{html.escape(c['email'])}&gt; · {customer} "
             f"#{c['id']} · {html.escape(customer_status_text(c['status']))}</p>",
             f"<p>{balance}: <b>{format_minor(w['balance_minor'], currency, symbol=True)}</b> · "
             f"{entries_text} · {opened} {when(w['created_at'], False)}</p>"]
    if detail["owed_minor"] > 0:
        owes = translate("WalletsPage", "Owes %s on its invoices; the next top-up pays it first.") % format_minor(
            detail["owed_minor"], currency, symbol=True)
        parts.append(f"<p style='color:#b26a00'><b>{html.escape(owes)}</b></p>")
    if detail["refunds_open"]:
        parts.append("<h3>" + translate("WalletsPage", "Refunds not settled yet") + "</h3><ul>")
        for r in detail["refunds_open"]:
            parts.append(f"<li>#{r['id']} {format_minor(r['amount_minor'], currency, symbol=True)} — "
                         f"{html.escape(payment_status_text(r['status']))} {html.escape(r['error'] or '')}</li>")
        parts.append("</ul>")
    parts.append("<h3>" + translate("WalletsPage", "Recent top-ups") + "</h3><ul>")
    refunded_label = translate("WalletsPage", "refunded")
    for t in detail["topups"]:
        refunded = t["refunded_minor"] or 0
        extra = f", {refunded_label} {format_minor(refunded, currency, symbol=True)}" if refunded else ""
        parts.append(f"<li>#{t['id']} {format_minor(t['amount_minor'], currency, symbol=True)} — "
                     f"{html.escape(payment_status_text(t['status']))}{extra} ({when(t['created_at'])})</li>")
    if not detail["topups"]:
        parts.append(f"<li>{none}</li>")
    parts.append("</ul><h3>" + translate("WalletsPage", "Subscriptions paid from this wallet") + "</h3><ul>")
    period_ends = translate("WalletsPage", "period ends")
    for s in detail["subscriptions"]:
        parts.append(f"<li>#{s['id']} <b>{html.escape(s['code'])}</b> — {html.escape(status_text(s['status']))}, "
                     f"{period_ends} {when(s['period_end'], False)}</li>")
    if not detail["subscriptions"]:
        parts.append(f"<li>{none}</li>")
    parts.append("</ul>")
    return "".join(parts)


def load_refundable_topups(payments, wallet_id: int) -> dict:
    """Paid top-ups with something left to refund, and what the wallet holds now: the service's figures."""
    terms = payments.topup_refund_terms(wallet_id)
    rows = [{"id": t.id, "amount_minor": t.amount_minor, "currency": terms.currency, "created_at": t.created_at,
             "gateway_charge_id": t.gateway_charge_id, "refunded_minor": t.refunded_minor, "left_minor": t.left_minor}
            for t in terms.topups]
    return {"balance_minor": terms.balance_minor, "currency": terms.currency, "topups": rows}
