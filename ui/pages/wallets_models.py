"""Wallets and their ledger as SQL-paged tables, and a wallet's detail in words."""

from __future__ import annotations

import html
from datetime import datetime

from peewee import ModelSelect, fn
from PySide6.QtCore import QCoreApplication, QObject

from models.tables import Customer, LedgerEntry, Wallet
from services.customers import customers_containing
from services.subject_owners import CustomerRef
from services.validation import row_id_in
from services.wallets import WalletDetail
from ui.customer_links import customer_anchor
from ui.formatting import date_text, minute_text, money_text
from ui.pages.words import (
    actor_text,
    customer_status_text,
    ledger_note_text,
    payment_status_text,
    status_text,
    subject_type_text,
)
from ui.sql_model import Column, PagedQueryModel
from ui.tasks import TaskRunner

LEDGER_KINDS = ("topup", "renewal", "usage", "proration", "credit", "refund", "adjustment", "reversal")


def money(record: dict, key: str, currency_key: str = "currency", signed: bool = False) -> str:
    value = record.get(key)
    if value is None:
        return ""
    text = money_text(value, record.get(currency_key) or "USD")
    return "+" + text if signed and value > 0 else text


def when(value, with_time: bool = True) -> str:
    """A stored UTC time as text; raw SQL expressions come back as strings on SQLite."""
    if value is None or value == "":
        return ""
    if isinstance(value, datetime):
        return minute_text(value) if with_time else date_text(value)
    text = str(value).replace("T", " ")
    return text[:16] if with_time else text[:10]


def id_search(text: str) -> int | None:
    """'#42' asks for exactly one id."""
    text = text.strip()
    return row_id_in(text[1:]) if text.startswith("#") else None


class WalletsTableModel(PagedQueryModel):
    id_field = Wallet.id

    def __init__(self, runner: TaskRunner, parent: QObject | None = None):
        # Kept on the wallet by a trigger on the ledger; a wallet that never moved sorts by its opening.
        last_moved = fn.COALESCE(Wallet.last_movement_at, Wallet.created_at)
        self.columns = [
            Column("id", self.tr("Wallet"), Wallet.id, numeric=True),
            Column(
                "customer",
                self.tr("Customer"),
                (Customer.name, Customer.id),
                format=lambda r: f"{r['customer_name']} <{r['customer_email']}>",
            ),
            Column("currency", self.tr("Currency"), Wallet.currency),
            Column(
                "balance_minor",
                self.tr("Balance"),
                Wallet.balance_minor,
                numeric=True,
                format=lambda r: money(r, "balance_minor"),
            ),
            Column(
                "last_movement", self.tr("Last movement"), last_moved, format=lambda r: when(r.get("last_movement"))
            ),
        ]
        super().__init__(runner, parent)

    def base_query(self) -> ModelSelect[Wallet]:
        query = Wallet.select(
            Wallet.id,
            Wallet.currency,
            Wallet.balance_minor,
            Wallet.created_at,
            Customer.id.alias("customer_id"),
            Customer.name.alias("customer_name"),
            Customer.email.alias("customer_email"),
            Wallet.last_movement_at.alias("last_movement"),
        ).join(Customer, on=(Wallet.customer == Customer.id))
        text = (self.filters.get("search") or "").strip()
        exact = id_search(text)
        if text.startswith("#"):
            query = query.where(Wallet.id == (exact or 0))
        elif text:
            # "+ 0": the customers found are a list to test each row against in the table's own order, not an
            # index to read wallets from (which sorted every wallet of a common name before the first page).
            condition = (Wallet.customer + 0).in_(customers_containing(text))
            typed_id = row_id_in(text)
            if typed_id is not None:
                condition = condition | (Customer.id == typed_id) | (Wallet.id == typed_id)
            query = query.where(condition)
        currency = self.filters.get("currency")
        if currency:
            query = query.where(Wallet.currency == currency)
        return query


def kind_text(kind: str) -> str:
    translate = QCoreApplication.translate
    names = {
        "topup": translate("WalletsPage", "top-up"),
        "renewal": translate("WalletsPage", "renewal"),
        "usage": translate("WalletsPage", "usage"),
        "proration": translate("WalletsPage", "plan change"),
        "credit": translate("WalletsPage", "plan-change credit"),
        "refund": translate("WalletsPage", "refund"),
        "adjustment": translate("WalletsPage", "adjustment"),
        "reversal": translate("WalletsPage", "reversal"),
    }
    return names.get(kind, kind)


class WalletLedgerTableModel(PagedQueryModel):
    """One wallet's ledger, newest first; ``filters['wallet_id']`` picks the wallet."""

    id_field = LedgerEntry.id

    def __init__(self, runner: TaskRunner, parent: QObject | None = None):
        self.columns = [
            Column("id", self.tr("Entry"), LedgerEntry.id, numeric=True),
            Column("created_at", self.tr("Time"), LedgerEntry.created_at, format=lambda r: when(r["created_at"])),
            Column("kind", self.tr("Kind"), LedgerEntry.kind, format=lambda r: kind_text(r["kind"])),
            Column(
                "amount_minor",
                self.tr("Amount"),
                LedgerEntry.amount_minor,
                numeric=True,
                format=lambda r: money(r, "amount_minor", signed=True),
            ),
            Column(
                "balance_after_minor",
                self.tr("Balance after"),
                LedgerEntry.balance_after_minor,
                numeric=True,
                format=lambda r: money(r, "balance_after_minor"),
            ),
            Column("actor", self.tr("Actor"), LedgerEntry.actor, format=lambda r: actor_text(r["actor"])),
            Column(
                "note", self.tr("Note"), fn.COALESCE(LedgerEntry.note, ""), format=lambda r: ledger_note_text(r["note"])
            ),
            Column(
                "reference",
                self.tr("Reference"),
                fn.COALESCE(LedgerEntry.ref_type, ""),
                format=lambda r: f"{subject_type_text(r['ref_type'])} #{r['ref_id']}" if r.get("ref_type") else "",
            ),
        ]
        super().__init__(runner, parent)

    def base_query(self) -> ModelSelect[LedgerEntry]:
        query = (
            LedgerEntry.select(
                LedgerEntry.id,
                LedgerEntry.wallet,
                LedgerEntry.kind,
                LedgerEntry.amount_minor,
                LedgerEntry.balance_after_minor,
                LedgerEntry.actor,
                LedgerEntry.note,
                LedgerEntry.ref_type,
                LedgerEntry.ref_id,
                LedgerEntry.created_at,
                Wallet.currency,
            )
            .join(Wallet, on=(LedgerEntry.wallet == Wallet.id))
            .where(LedgerEntry.wallet == (self.filters.get("wallet_id") or 0))
        )
        kind = self.filters.get("kind")
        if kind:
            query = query.where(LedgerEntry.kind == kind)
        return query


# --- the detail pane ------------------------------------------------------------------


def render_wallet(detail: WalletDetail, entries_text: str) -> str:
    """The detail pane; ``entries_text`` is the plural-aware "%n ledger entries" from WalletsPage.tr."""
    translate = QCoreApplication.translate
    c, currency = detail.customer, detail.currency
    wallet, customer = translate("WalletsPage", "Wallet"), translate("WalletsPage", "customer")
    balance, opened = translate("WalletsPage", "Balance"), translate("WalletsPage", "opened")
    none = translate("WalletsPage", "none")
    parts = [
        f"<h2>{customer_anchor(CustomerRef(c.id, c.name))} · {wallet} {currency}</h2>",
        f"<p>{html.escape(c.email)} · {html.escape(customer_status_text(c.status))} · {customer} #{c.id}</p>",
        f"<p>{balance}: <b>{money_text(detail.balance_minor, currency)}</b> · "
        f"{entries_text} · {opened} {when(detail.created_at, False)}</p>",
    ]
    if detail.owed_minor > 0:
        owes = translate("WalletsPage", "Owes %s on its invoices; the next top-up pays it first.") % money_text(
            detail.owed_minor, currency
        )
        parts.append(f"<p style='color:#b26a00'><b>{html.escape(owes)}</b></p>")
    if detail.unsettled_refunds:
        parts.append("<h3>" + translate("WalletsPage", "Refunds not settled yet") + "</h3><ul>")
        for r in detail.unsettled_refunds:
            parts.append(
                f"<li>#{r.id} {money_text(r.amount_minor, currency)} — "
                f"{html.escape(payment_status_text(r.status))} {html.escape(r.error or '')}</li>"
            )
        parts.append("</ul>")
    parts.append("<h3>" + translate("WalletsPage", "Recent top-ups") + "</h3><ul>")
    refunded_label = translate("WalletsPage", "refunded")
    for t in detail.recent_topups:
        extra = f", {refunded_label} {money_text(t.refunded_minor, currency)}" if t.refunded_minor else ""
        parts.append(
            f"<li>#{t.id} {money_text(t.amount_minor, currency)} — "
            f"{html.escape(payment_status_text(t.status))}{extra} ({when(t.created_at)})</li>"
        )
    if not detail.recent_topups:
        parts.append(f"<li>{none}</li>")
    parts.append("</ul><h3>" + translate("WalletsPage", "Subscriptions paid from this wallet") + "</h3><ul>")
    period_ends = translate("WalletsPage", "period ends")
    for s in detail.subscriptions:
        parts.append(
            f"<li>#{s.id} <b>{html.escape(s.plan_code)}</b> — {html.escape(status_text(s.status))}, "
            f"{period_ends} {when(s.period_end, False)}</li>"
        )
    if not detail.subscriptions:
        parts.append(f"<li>{none}</li>")
    parts.append("</ul>")
    return "".join(parts)
