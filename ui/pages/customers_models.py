"""Customers as a SQL-paged table: one row each, with their wallet's balance."""

from __future__ import annotations

from peewee import JOIN, ModelSelect, fn
from PySide6.QtCore import QObject

from models.tables import Customer, Wallet
from services.table_queries import contains_text
from services.validation import row_id_in
from ui.formatting import date_text, money_text
from ui.pages.words import customer_status_text
from ui.sql_model import Column, PagedQueryModel
from ui.tasks import TaskRunner


def money(record: dict, key: str = "balance_minor", currency_key: str = "currency") -> str:
    value = record.get(key)
    if value is None:
        return ""
    return money_text(value, record.get(currency_key) or "USD")


class CustomersTableModel(PagedQueryModel):
    id_field = Customer.id

    def __init__(self, runner: TaskRunner, parent: QObject | None = None):
        self.columns = [
            Column("id", self.tr("ID"), Customer.id, numeric=True),
            Column("name", self.tr("Name"), Customer.name),
            Column("email", self.tr("Email"), Customer.email),
            Column("status", self.tr("Status"), Customer.status, format=lambda r: customer_status_text(r["status"])),
            Column(
                "balance_minor", self.tr("Wallet"), fn.COALESCE(Wallet.balance_minor, 0), numeric=True, format=money
            ),
            Column(
                "created_at",
                self.tr("Customer since"),
                Customer.created_at,
                format=lambda r: date_text(r["created_at"]),
            ),
        ]
        super().__init__(runner, parent)

    def default_sort_column(self) -> int:
        return 0

    def base_query(self) -> ModelSelect[Customer]:
        query = Customer.select(
            Customer.id,
            Customer.name,
            Customer.email,
            Customer.status,
            Customer.created_at,
            Customer.language,
            Customer.no_email,
            Wallet.id.alias("wallet_id"),
            Wallet.balance_minor,
            Wallet.currency,
        ).join(Wallet, JOIN.LEFT_OUTER, on=(Wallet.customer == Customer.id))
        text = (self.filters.get("search") or "").strip()
        exact = row_id_in(text[1:]) if text.startswith("#") else None
        if exact is not None:
            query = query.where(Customer.id == exact)  # '#42' is customer 42 alone
        elif text:
            condition = contains_text(Customer.name, text) | contains_text(Customer.email, text)
            if text.isdigit():
                condition = condition | (Customer.id == int(text))
            query = query.where(condition)
        status = self.filters.get("status")
        if status:
            query = query.where(Customer.status == status)
        return query
