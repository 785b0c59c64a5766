"""An error item's details in words: what failed, for whom, for how much, and what was tried.

The pane shows words and money; the codes an item is stored under (its operation, class and
strategy) are the table's filters and the CSV export's values, for whoever searches logs.
"""

from __future__ import annotations

import html
from datetime import datetime
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from services.subject_owners import CustomerRef
from ui.customer_links import customer_anchor
from ui.errors import as_sentence, stored_message_text
from ui.formatting import money_text
from ui.pages.error_queue_models import format_age, format_moment, item_currency, one_line
from ui.pages.scheduler_jobs import owner_words
from ui.pages.words import actor_text

CONTEXT = "ErrorItemText"

OPERATIONS: dict[str, object] = {
    "topup": QT_TRANSLATE_NOOP("ErrorItemText", "Top-up"),
    "refund": QT_TRANSLATE_NOOP("ErrorItemText", "Refund to a card"),
    "renewal": QT_TRANSLATE_NOOP("ErrorItemText", "Renewal"),
    "payment_review": QT_TRANSLATE_NOOP("ErrorItemText", "Payment to review"),
    "customer_notice": QT_TRANSLATE_NOOP("ErrorItemText", "Customer notice"),
    "email": QT_TRANSLATE_NOOP("ErrorItemText", "Email to a customer"),
}
ERROR_CLASSES: dict[str, object] = {
    "transient": QT_TRANSLATE_NOOP("ErrorItemText", "Passing fault (the gateway or database was busy or down)"),
    "outcome_unknown": QT_TRANSLATE_NOOP("ErrorItemText", "Outcome unknown (no clear answer came back)"),
    "urgent": QT_TRANSLATE_NOOP("ErrorItemText", "Urgent (money owed to a card)"),
    "predictable": QT_TRANSLATE_NOOP("ErrorItemText", "Predictable (a rate limit or maintenance)"),
    "permanent": QT_TRANSLATE_NOOP("ErrorItemText", "Needs a person (declined or inconsistent)"),
}
STRATEGIES: dict[str, object] = {
    "backoff": QT_TRANSLATE_NOOP("ErrorItemText", "Retry later, waiting longer each time"),
    "reconcile": QT_TRANSLATE_NOOP("ErrorItemText", "Ask the gateway what happened, then retry with the same key"),
    "urgent": QT_TRANSLATE_NOOP("ErrorItemText", "Retry at once, then at a fixed interval"),
    "fixed": QT_TRANSLATE_NOOP("ErrorItemText", "Retry at a fixed interval"),
    "manual": QT_TRANSLATE_NOOP("ErrorItemText", "Wait for an operator"),
}
STATUSES: dict[str, object] = {
    "retrying": QT_TRANSLATE_NOOP("ErrorItemText", "Retrying"),
    "manual": QT_TRANSLATE_NOOP("ErrorItemText", "Waiting for an operator"),
    "resolved": QT_TRANSLATE_NOOP("ErrorItemText", "Resolved"),
    "canceled": QT_TRANSLATE_NOOP("ErrorItemText", "Canceled"),
}
OUTCOMES: dict[str, object] = {
    "succeeded": QT_TRANSLATE_NOOP("ErrorItemText", "Succeeded"),
    "failed": QT_TRANSLATE_NOOP("ErrorItemText", "Failed"),
    "deferred": QT_TRANSLATE_NOOP("ErrorItemText", "Deferred"),
    "unknown": QT_TRANSLATE_NOOP("ErrorItemText", "Unknown"),
    "lost": QT_TRANSLATE_NOOP("ErrorItemText", "Taken over"),
}
SUBJECTS: dict[str, object] = {
    "topup": QT_TRANSLATE_NOOP("ErrorItemText", "Top-up #%1"),
    "refund": QT_TRANSLATE_NOOP("ErrorItemText", "Refund #%1"),
    "subscription": QT_TRANSLATE_NOOP("ErrorItemText", "Subscription #%1"),
    "wallet": QT_TRANSLATE_NOOP("ErrorItemText", "Wallet #%1"),
    "customer": QT_TRANSLATE_NOOP("ErrorItemText", "Customer #%1"),
    "charge": QT_TRANSLATE_NOOP("ErrorItemText", "Charge #%1"),
    "notice": QT_TRANSLATE_NOOP("ErrorItemText", "Notice #%1"),
    "customer_notice": QT_TRANSLATE_NOOP("ErrorItemText", "Notice #%1"),
}
# The context's fields an operator reads, in this order; others follow under their own names.
CONTEXT_FIELDS: dict[str, object] = {
    "wallet_id": QT_TRANSLATE_NOOP("ErrorItemText", "Wallet"),
    "topup_id": QT_TRANSLATE_NOOP("ErrorItemText", "Top-up"),
    "refund_id": QT_TRANSLATE_NOOP("ErrorItemText", "Refund"),
    "subscription_id": QT_TRANSLATE_NOOP("ErrorItemText", "Subscription"),
    "customer_id": QT_TRANSLATE_NOOP("ErrorItemText", "Customer"),
    "amount_minor": QT_TRANSLATE_NOOP("ErrorItemText", "Amount"),
    "charge_id": QT_TRANSLATE_NOOP("ErrorItemText", "Gateway charge"),
    "gateway_status": QT_TRANSLATE_NOOP("ErrorItemText", "Gateway's answer"),
    "idempotency_key": QT_TRANSLATE_NOOP("ErrorItemText", "Payment key"),
    "to_address": QT_TRANSLATE_NOOP("ErrorItemText", "Sent to"),
    "notice_kind": QT_TRANSLATE_NOOP("ErrorItemText", "Kind of notice"),
    "message_id": QT_TRANSLATE_NOOP("ErrorItemText", "Message-ID"),
}
HIDDEN_FIELDS = ("currency", "error_type")  # shown with the amounts, and beside the kind of failure


def words(table: dict[str, object], code: str | None) -> str:
    """The words for ``code``; a code without words reads as its parts ('payment review')."""
    if code is None:
        return ""
    text = table.get(code)
    if text is None:
        return code.replace("_", " ").replace(".", " ").strip().capitalize()
    return QCoreApplication.translate(CONTEXT, str(text))


def subject_words(subject_type: str, subject_id: Any) -> str:
    pattern = SUBJECTS.get(subject_type)
    if pattern is None:
        return f"{subject_type.replace('_', ' ').capitalize()} #{subject_id}"
    return QCoreApplication.translate(CONTEXT, str(pattern)).replace("%1", str(subject_id))


def subject_cell(item: Any, customer: CustomerRef | None) -> str:
    """The subject as its customer's name linking to their page (``customer:ID``), then what it is."""
    what = html.escape(subject_words(item.subject_type, item.subject_id))
    return f"{customer_anchor(customer)} · {what}" if customer is not None else what


def context_rows(context: Any, currency: str) -> list[tuple[str, str]]:
    """The context's fields as (label, value) in words; money as money."""
    if not isinstance(context, dict):
        return [] if context in (None, "") else [(QCoreApplication.translate("ErrorItemText", "Details"), str(context))]
    rows = []
    ordered = [k for k in CONTEXT_FIELDS if k in context] + sorted(k for k in context if k not in CONTEXT_FIELDS)
    for key in ordered:
        if key in HIDDEN_FIELDS:
            continue
        value = context[key]
        if key.endswith("_minor") and isinstance(value, int) and not isinstance(value, bool):
            text = money_text(value, currency)
        elif isinstance(value, bool):
            text = (
                QCoreApplication.translate("ErrorItemText", "yes")
                if value
                else QCoreApplication.translate("ErrorItemText", "no")
            )
        elif isinstance(value, dict | list):
            text = (
                ", ".join(f"{k}: {v}" for k, v in value.items())
                if isinstance(value, dict)
                else ", ".join(map(str, value))
            )
        else:
            text = str(value)
        label = CONTEXT_FIELDS.get(key)
        if label is not None:
            shown = QCoreApplication.translate(CONTEXT, str(label))
        else:
            shown = key.removesuffix("_minor").removesuffix("_id").replace("_", " ").capitalize()
        if key.endswith("_id") and key != "idempotency_key" and key in CONTEXT_FIELDS:
            text = f"#{text}"
        rows.append((shown, text))
    return rows


def _table(rows: list[tuple[str, str]]) -> str:
    body = "".join(f"<tr><td style='color:gray'>{label}</td><td>{value}</td></tr>" for label, value in rows)
    return f"<table cellspacing='0' cellpadding='2'>{body}</table>"


def render_error_item(detail: dict) -> str:
    """The error queue's detail pane for one item (``detail`` from load_item_detail)."""
    translate = QCoreApplication.translate
    item, attempts, now = detail["item"], detail["attempts"], detail["now"]
    esc = html.escape
    currency = item_currency({"currency": getattr(item, "currency", None), "context": item.context})
    amount = money_text(item.amount_minor, currency) if item.amount_minor else "—"
    lease_until: datetime | None = item.lease_until
    if item.lease_owner and lease_until and lease_until > now:
        lease = (
            translate("ErrorItemText", "held by %1 until %2")
            .replace("%1", esc(owner_words(item.lease_owner, None)))
            .replace("%2", format_moment(lease_until))
        )
    else:
        lease = translate("ErrorItemText", "free")
    rows = [
        (translate("ErrorItemText", "Subject"), subject_cell(item, detail.get("customer"))),
        (translate("ErrorItemText", "Status"), f"<b>{esc(words(STATUSES, item.status))}</b>"),
        (
            translate("ErrorItemText", "Kind of failure"),
            esc(words(ERROR_CLASSES, item.error_class)),
        ),
        (translate("ErrorItemText", "What happens next"), esc(words(STRATEGIES, item.strategy))),
        (
            translate("ErrorItemText", "Attempts"),
            translate("ErrorItemText", "%1 of %2")
            .replace("%1", str(item.attempts))
            .replace("%2", str(item.max_attempts)),
        ),
        (translate("ErrorItemText", "Next attempt"), esc(format_moment(item.next_attempt_at)) or "—"),
        (translate("ErrorItemText", "Lease"), lease),
        (translate("ErrorItemText", "Amount at risk"), esc(amount)),
        (
            translate("ErrorItemText", "Created"),
            f"{format_moment(item.created_at)} ({format_age((now - item.created_at).total_seconds())})",
        ),
        (translate("ErrorItemText", "Updated"), format_moment(item.updated_at)),
    ]
    if item.resolved_at is not None:
        rows.append(
            (
                translate("ErrorItemText", "Closed"),
                translate("ErrorItemText", "%1 by %2")
                .replace("%1", format_moment(item.resolved_at))
                .replace("%2", esc(item.resolved_by or "")),
            )
        )
        rows.append((translate("ErrorItemText", "Resolution"), esc(item.resolution or "")))
    title = translate("ErrorItemText", "%1 failed").replace("%1", words(OPERATIONS, item.operation))
    number = translate("ErrorItemText", "Error item #%1").replace("%1", str(item.id))
    parts = [
        f"<h3>{esc(title)}</h3>",
        f"<p style='color:gray'>{esc(number)}</p>",
        f"<p>{esc(as_sentence(stored_message_text(item.message or '')))}</p>",
        _table(rows),
        "<h4>" + translate("ErrorItemText", "Attempts") + "</h4>",
    ]
    if attempts:
        headings = (
            translate("ErrorItemText", "Time"),
            translate("ErrorItemText", "Outcome"),
            translate("ErrorItemText", "Message"),
            translate("ErrorItemText", "By"),
        )
        parts.append(
            "<table cellspacing='0' cellpadding='3' border='1' style='border-collapse:collapse'>"
            "<tr><th>#</th>" + "".join(f"<th>{text}</th>" for text in headings) + "</tr>"
        )
        colours = {"succeeded": "#2e7d32", "failed": "#c62828", "deferred": "#8d6e00", "unknown": "#6a1b9a"}
        for attempt in attempts:
            colour = colours.get(attempt.outcome, "inherit")
            parts.append(
                f"<tr><td>{attempt.number}</td><td>{format_moment(attempt.at)}</td>"
                f"<td style='color:{colour}'>{esc(words(OUTCOMES, attempt.outcome))}</td>"
                f"<td>{esc(as_sentence(one_line(stored_message_text(attempt.message or ''), 300)))}</td>"
                f"<td>{esc(actor_text(attempt.actor))}</td></tr>"
            )
        parts.append("</table>")
    else:
        parts.append("<p style='color:gray'>" + translate("ErrorItemText", "No attempts recorded.") + "</p>")
    details = context_rows(item.context, currency)
    if details:
        parts.append("<h4>" + translate("ErrorItemText", "Details") + "</h4>")
        parts.append(_table([(esc(label), esc(value)) for label, value in details]))
    return "".join(parts)
