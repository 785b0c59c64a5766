"""What a customer's page says: the overview of their file, the timeline's rows, and the rows the pages that
own the actions (Subscriptions, Customers, Wallets) read. Every stored value is escaped or plain text."""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from services.customer_detail import CustomerFile, FileSubscription, TimelineEvent, TimelineKind
from ui.pages.invoices import cash, day, minute, owed_text
from ui.pages.words import actor_text, customer_status_text, event_text, payment_status_text, status_text

OWED_COLOUR = "#b26a00"
OPENABLE = ("subscription", "error_item", "wallet")  # subjects a page of the desk opens


def subscription_record(customer: CustomerFile, s: FileSubscription) -> dict:
    """A subscription as a row of the Subscriptions table, for the dialogs that page owns."""
    return {
        "id": s.id,
        "status": s.status,
        "auto_renew": s.auto_renew,
        "period_start": s.period_start,
        "period_end": s.period_end,
        "pending_since": s.pending_since,
        "grace_days": s.grace_days,
        "customer_id": customer.customer.id,
        "customer_name": customer.customer.name,
        "customer_email": customer.customer.email,
        "plan_code": s.plan_code,
        "price_minor": s.price_minor,
        "currency": s.currency,
    }


def operation_text(operation: str) -> str:
    """What failed, in words."""
    translate = QCoreApplication.translate
    words = {
        "topup": translate("CustomerPage", "Top-up"),
        "refund": translate("CustomerPage", "Refund"),
        "renewal": translate("CustomerPage", "Renewal"),
        "payment_review": translate("CustomerPage", "Payment review"),
    }
    return words.get(operation, operation.replace("_", " "))


def timeline_cells(e: TimelineEvent) -> list[str]:
    """One row of the timeline: when, what, how much, and the rest in words."""
    translate = QCoreApplication.translate
    words = {
        TimelineKind.JOINED: translate("CustomerPage", "Became a customer"),
        TimelineKind.SUBSCRIPTION: translate("CustomerPage", "Subscription"),
        TimelineKind.INVOICE: translate("CustomerPage", "Invoice issued"),
        TimelineKind.CREDIT_NOTE: translate("CustomerPage", "Credit note"),
        TimelineKind.TOPUP: translate("CustomerPage", "Top-up"),
        TimelineKind.REFUND: translate("CustomerPage", "Refund"),
        TimelineKind.ERROR: translate("CustomerPage", "Failure queued"),
        TimelineKind.NOTIFICATION: translate("CustomerPage", "Notification"),
        TimelineKind.NOTE: translate("CustomerPage", "Note"),
    }
    detail = " ".join(e.detail.split())
    if e.kind is TimelineKind.SUBSCRIPTION:
        moved = status_text(e.status)
        if e.previous_status and e.previous_status != e.status:
            moved = f"{status_text(e.previous_status)} → {moved}"
        happened = event_text(e.event) if e.event else ""
        detail = f"{detail}: {happened} ({moved})" if happened else f"{detail}: {moved}"
    elif e.kind in (TimelineKind.TOPUP, TimelineKind.REFUND):
        detail = " — ".join(part for part in (payment_status_text(e.status), detail) if part)
    elif e.kind is TimelineKind.ERROR:
        detail = f"{operation_text(e.operation)}: {detail}"
    if e.actor and e.kind in (TimelineKind.NOTE, TimelineKind.SUBSCRIPTION, TimelineKind.CREDIT_NOTE):
        detail = f"{detail} — {actor_text(e.actor)}"
    amount = cash(e.amount_minor, e.currency) if e.amount_minor and e.currency else ""
    return [minute(e.at), words[e.kind], amount, detail]


def render_overview(file: CustomerFile, attempts_text: Callable[[int], str]) -> str:
    """The overview tab: contact, wallets, usage, open errors, notifications and notes. Every stored text
    is escaped. ``attempts_text`` is the page's plural "%n attempt(s)" (lupdate marks plurals only in tr())."""
    translate = QCoreApplication.translate
    esc = html.escape
    c = file.customer

    def heading(text: str) -> str:
        return f"<h3>{esc(text)}</h3>"

    none_text = translate("CustomerPage", "None.")
    status, since = translate("CustomerPage", "Status"), translate("CustomerPage", "Customer since")
    none = f"<p style='color:gray'>{esc(none_text)}</p>"
    parts = [heading(translate("CustomerPage", "Contact details"))]
    parts.append(
        f"<p><b>{esc(c.name)}</b><br>{esc(c.email)}<br>"
        f"{esc(status)}: {esc(customer_status_text(c.status))}<br>"
        f"{esc(since)}: {day(c.created_at)}</p>"
    )
    parts.append(heading(translate("CustomerPage", "Wallet and balance")))
    parts.append("<ul>")
    for w in file.wallets:
        owed = file.owed.get(w.currency, 0)
        owes = ""
        if owed > 0:
            owes_text = translate("CustomerPage", "owes %s") % owed_text({w.currency: owed})
            owes = f" · <b style='color:{OWED_COLOUR}'>{esc(owes_text)}</b>"
        parts.append(f"<li>{esc(w.currency)}: <b>{esc(cash(w.balance_minor, w.currency))}</b>{owes}</li>")
    parts.append("</ul>")
    parts.append(heading(translate("CustomerPage", "Usage this period")))
    if file.usage:
        parts.append("<ul>")
        for u in file.usage:
            since = translate("CustomerPage", "since %s") % day(u.since)
            parts.append(
                f"<li>{esc(u.plan_code)} · {esc(u.feature_name)}: <b>{u.used} {esc(u.unit)}</b> ({esc(since)})</li>"
            )
        parts.append("</ul>")
    else:
        parts.append(none)
    parts.append(heading(translate("CustomerPage", "Open error items")))
    if file.open_errors:
        parts.append("<ul>")
        for e in file.open_errors:
            amount = f" · {esc(cash(e.amount_minor, e.currency))}" if e.amount_minor else ""
            attempts = attempts_text(e.attempts)
            message = esc(" ".join(e.message.split()))
            parts.append(
                f"<li><a href='subject:error_item:{e.id}'>{esc(operation_text(e.operation))}</a>"
                f"{amount} · {esc(payment_status_text(e.status))} · {esc(attempts)} — {message}</li>"
            )
        parts.append("</ul>")
    else:
        parts.append(none)
    parts.append(heading(translate("CustomerPage", "Notifications")))
    if file.notifications:
        parts.append("<ul>")
        for n in file.notifications[:20]:
            title = esc(n.title)
            if n.subject_type in OPENABLE and n.subject_id is not None:
                title = f"<a href='subject:{n.subject_type}:{n.subject_id}'>{title}</a>"
            parts.append(f"<li>{minute(n.created_at)} — {title}</li>")
        parts.append("</ul>")
    else:
        parts.append(none)
    parts.append(heading(translate("CustomerPage", "Operator notes")))
    if file.notes:
        parts.append("<ul>")
        for note in file.notes:
            body = esc(note.body).replace("\n", "<br>")
            parts.append(
                f"<li><span style='color:gray'>{minute(note.created_at)} {esc(note.author)}</span><br>{body}</li>"
            )
        parts.append("</ul>")
    else:
        parts.append(none)
    return "".join(parts)


def customer_record(file: CustomerFile) -> dict | None:
    """The customer as a row of the Customers table (their first wallet's balance), for that page's dialogs."""
    if not file.wallets:
        return None
    c, wallet = file.customer, file.wallets[0]
    return {
        "id": c.id,
        "name": c.name,
        "email": c.email,
        "status": c.status,
        "wallet_id": wallet.id,
        "balance_minor": wallet.balance_minor,
        "currency": wallet.currency,
    }


def wallet_record(file: CustomerFile) -> dict | None:
    """The customer's first wallet as a row of the Wallets table, for that page's dialogs."""
    if not file.wallets:
        return None
    wallet = file.wallets[0]
    return {
        "id": wallet.id,
        "customer_id": file.customer.id,
        "customer_name": file.customer.name,
        "balance_minor": wallet.balance_minor,
        "currency": wallet.currency,
    }
