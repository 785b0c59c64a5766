"""The error queue's tables and detail: failed operations paged from SQL, the failed-operations report."""

from __future__ import annotations

import json
import re
from datetime import datetime, timedelta

from peewee import Case, ModelSelect, fn
from PySide6.QtCore import QCoreApplication, QObject

from models.tables import Customer, ErrorItem, Refund, Subscription, TopUp, Wallet
from services.clock import Clock
from services.retry_policy import OPEN_STATUSES
from services.subject_owners import customers_of
from services.table_queries import contains_text, literal, text_start
from ui.errors import as_sentence, stored_message_text
from ui.formatting import minute_text, money_text, second_text
from ui.pages.words import (
    error_class_text,
    item_status_text,
    operation_text,
    strategy_text,
    subject_type_text,
)
from ui.sql_model import Column, PagedQueryModel
from ui.tasks import TaskRunner

# Items with no next attempt sort after every scheduled one.
NO_NEXT_ATTEMPT = datetime(9999, 12, 31)
NO_NEXT_ATTEMPT_TEXT = "9999-12-31 00:00:00"  # as the sort key's index holds it (models.migrations)
_ITEM_ID = re.compile(r"^#\s*(\d{1,18})$")
_SUBJECT = re.compile(r"^([A-Za-z_]{1,32})\s*#\s*(\d{1,18})$")


def format_age(seconds) -> str:
    """A short age: '40 s', '12 min', '5 h 10 min', '3 d 4 h'."""
    if seconds is None:
        return ""
    seconds = max(0, int(seconds))
    translate = QCoreApplication.translate
    if seconds < 60:
        return translate("ErrorQueuePage", "%d s") % seconds
    if seconds < 3600:
        return translate("ErrorQueuePage", "%d min") % (seconds // 60)
    if seconds < 86400:
        return translate("ErrorQueuePage", "%d h %d min") % (seconds // 3600, seconds % 3600 // 60)
    return translate("ErrorQueuePage", "%d d %d h") % (seconds // 86400, seconds % 86400 // 3600)


def format_moment(moment: datetime | None) -> str:
    return second_text(moment)


def item_currency(record: dict) -> str:
    """The currency of the amount at risk: the row's own, else what its context says, else USD."""
    currency = record.get("currency")
    if currency:
        return currency
    context = record.get("context")
    if isinstance(context, str):
        try:
            context = json.loads(context)
        except ValueError:
            context = None
    if isinstance(context, dict) and isinstance(context.get("currency"), str):
        return context["currency"]
    return "USD"


def item_amount(record: dict) -> str:
    amount = record.get("amount_minor") or 0
    return money_text(amount, item_currency(record)) if amount else ""


def one_line(text: str | None, limit: int = 160) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def search_condition(text: str):
    """'#12' is item 12, 'topup #5' the items of top-up 5, digits an item or subject id, else the message."""
    text = (text or "").strip()
    if not text:
        return None
    match = _ITEM_ID.match(text)
    if match:
        return ErrorItem.id == int(match.group(1))
    match = _SUBJECT.match(text)
    if match:
        return (ErrorItem.subject_type == match.group(1).lower()) & (ErrorItem.subject_id == int(match.group(2)))
    condition = contains_text(ErrorItem.message, text)
    if text.isdigit() and len(text) <= 18:
        condition = condition | (ErrorItem.id == int(text)) | (ErrorItem.subject_id == int(text))
    return condition


def subject_text(record: dict) -> str:
    """An item's subject as its customer's name ("Omar Tanaka · top-up"); its id only when it has no customer."""
    name = record.get("customer_name")
    if name:
        return f"{name} · {subject_type_text(record['subject_type'])}"
    return f"{subject_type_text(record['subject_type'])} #{record['subject_id']}"


def subject_customer(column):
    """SQL: ``column`` (Customer.id or Customer.name) of the customer behind each error item's subject, or NULL."""
    subject = ErrorItem.subject_id
    return Case(
        ErrorItem.subject_type,
        (
            ("topup", TopUp.select(column).join(Wallet).join(Customer).where(TopUp.id == subject)),
            (
                "refund",
                Refund.select(column)
                .join(Wallet, on=(Refund.wallet == Wallet.id))
                .join(Customer)
                .where(Refund.id == subject),
            ),
            ("subscription", Subscription.select(column).join(Customer).where(Subscription.id == subject)),
            ("wallet", Wallet.select(column).join(Customer).where(Wallet.id == subject)),
            ("customer", Customer.select(column).where(Customer.id == subject)),
        ),
        None,
    )


class ErrorItemsTableModel(PagedQueryModel):
    """Failed operations; filters: status ('open', one status or 'all'), operation, error_class,
    age (seconds: only items older than that), search."""

    id_field = ErrorItem.id

    def __init__(self, runner: TaskRunner, clock: Clock, parent: QObject | None = None):
        self.clock = clock
        self.columns = [
            Column("id", self.tr("ID"), ErrorItem.id, numeric=True),
            Column(
                "operation", self.tr("Operation"), ErrorItem.operation, format=lambda r: operation_text(r["operation"])
            ),
            Column(
                "subject",
                self.tr("Subject"),
                ErrorItem.subject_id,
                format=subject_text,
            ),
            Column(
                "error_class",
                self.tr("Error class"),
                ErrorItem.error_class,
                format=lambda r: error_class_text(r["error_class"]),
            ),
            Column("strategy", self.tr("Strategy"), ErrorItem.strategy, format=lambda r: strategy_text(r["strategy"])),
            Column("status", self.tr("Status"), ErrorItem.status, format=lambda r: item_status_text(r["status"])),
            Column(
                "attempts",
                self.tr("Attempts"),
                ErrorItem.attempts,
                numeric=True,
                format=lambda r: f"{r['attempts']}/{r['max_attempts']}",
            ),
            Column(
                "next_attempt_at",
                self.tr("Next attempt"),
                fn.COALESCE(ErrorItem.next_attempt_at, literal(NO_NEXT_ATTEMPT_TEXT)),
                format=lambda r: _next_attempt_text(r.get("next_attempt_at")),
            ),
            Column("amount_minor", self.tr("Amount"), ErrorItem.amount_minor, numeric=True, format=item_amount),
            Column("age", self.tr("Age"), ErrorItem.created_at, numeric=True, format=self._age_text),
            Column(
                "message",
                self.tr("Message"),
                text_start(ErrorItem.message),
                format=lambda r: one_line(as_sentence(stored_message_text(r.get("message") or ""))),
            ),
        ]
        super().__init__(runner, parent)
        self.filters["status"] = "open"

    def _age_text(self, record: dict) -> str:
        created = record.get("created_at")
        if not isinstance(created, datetime):
            return ""
        return format_age((self.clock.now() - created).total_seconds())

    def page_query(self, cursor: tuple | None, backward: bool = False):
        """A page of items, each with the customer its subject belongs to (``customer_id``, ``customer_name``):
        looked up for the rows shown only, never for the count."""
        return (
            super()
            .page_query(cursor, backward)
            .select_extend(
                subject_customer(Customer.id).alias("customer_id"),
                subject_customer(Customer.name).alias("customer_name"),
            )
        )

    def base_query(self) -> ModelSelect[ErrorItem]:
        query = ErrorItem.select()
        status = self.filters.get("status") or "all"
        if status == "open":
            query = query.where(ErrorItem.status.in_(OPEN_STATUSES))
        elif status != "all":
            query = query.where(ErrorItem.status == status)
        if self.filters.get("operation"):
            query = query.where(ErrorItem.operation == self.filters["operation"])
        if self.filters.get("error_class"):
            query = query.where(ErrorItem.error_class == self.filters["error_class"])
        age = self.filters.get("age") or 0
        if age:
            query = query.where(ErrorItem.created_at <= self.clock.now() - timedelta(seconds=int(age)))
        condition = search_condition(self.filters.get("search") or "")
        if condition is not None:
            query = query.where(condition)
        return query


def _next_attempt_text(moment) -> str:
    if not isinstance(moment, datetime) or moment >= NO_NEXT_ATTEMPT:
        return "—"
    return minute_text(moment)


# --- the detail pane -----------------------------------------------------------------------------


def load_item_detail(core, item_id: int) -> dict:
    """Runs on a worker: the item, its attempts and the customer its subject belongs to (None when none)."""
    item = core.retries.get(item_id)
    owner = customers_of([(item.subject_type, item.subject_id)]).get((item.subject_type, item.subject_id))
    return {"item": item, "attempts": core.retries.attempts(item_id), "now": core.clock.now(), "customer": owner}
