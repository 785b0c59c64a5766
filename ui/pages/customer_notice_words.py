"""Customer notices in the operator's words: what each kind tells the customer, and where it stands."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from services.customer_notices import NO_EMAIL
from ui.formatting import date_text, money_text


def customer_language_text(code: str) -> str:
    """A customer's language as an operator picks it (each in its own words, as language menus do)."""
    return {"en": "English", "ru": "Русский"}.get(code, code)


def _money(params: dict, key: str) -> str:
    value = params.get(key)
    return money_text(value, params.get("currency") or "USD") if isinstance(value, int) else "?"


def _day(params: dict, key: str) -> str:
    from datetime import datetime

    try:
        return date_text(datetime.fromisoformat(str(params.get(key))))
    except ValueError:
        return "?"


def notice_kind_text(kind: str, params: dict) -> str:
    """What the notice told the customer, in a short line ("Receipt for INV-2026-000042")."""
    translate = QCoreApplication.translate
    plan = str(params.get("plan_name") or "?")
    if kind == "receipt":
        return translate("CustomerNotices", "Receipt for %1").replace("%1", str(params.get("invoice_number") or "?"))
    if kind == "renewal_due_soon":
        return (
            translate("CustomerNotices", "%1 renews on %2; the wallet is short")
            .replace("%1", plan)
            .replace("%2", _day(params, "renews_on"))
        )
    if kind == "renewal_waiting":
        return (
            translate("CustomerNotices", "%1 is waiting for funds until %2")
            .replace("%1", plan)
            .replace("%2", _day(params, "grace_until"))
        )
    if kind == "subscription_expired":
        return translate("CustomerNotices", "%1 expired").replace("%1", plan)
    if kind == "topup_credited":
        text = (
            translate("CustomerNotices", "Automatic top-up of %1 credited")
            if params.get("automatic")
            else translate("CustomerNotices", "Top-up of %1 credited")
        )
        return text.replace("%1", _money(params, "amount_minor"))
    if kind == "refund_sent":
        if params.get("destination") == "card":
            return translate("CustomerNotices", "Refund of %1 sent to the card").replace(
                "%1", _money(params, "amount_minor")
            )
        note = params.get("credit_note_number")
        text = (
            translate("CustomerNotices", "Refund of %1 into the wallet (%2)")
            if note
            else translate("CustomerNotices", "Refund of %1 into the wallet")
        )
        return text.replace("%1", _money(params, "amount_minor")).replace("%2", str(note or ""))
    if kind == "low_balance":
        return translate("CustomerNotices", "Balance fell below %1").replace("%1", _money(params, "threshold_minor"))
    if kind == "auto_topup_declined":
        return translate("CustomerNotices", "Automatic top-up of %1 declined; the rule is off").replace(
            "%1", _money(params, "amount_minor")
        )
    return kind.replace("_", " ")


def notice_status_text(status: str, reason: str | None) -> str:
    """Where the notice stands; a suppressed or failed one says why."""
    translate = QCoreApplication.translate
    labels = {
        "pending": translate("CustomerNotices", "Pending"),
        "sending": translate("CustomerNotices", "Sending"),
        "sent": translate("CustomerNotices", "Sent"),
        "retrying": translate("CustomerNotices", "Retrying"),
        "failed": translate("CustomerNotices", "Failed"),
        "suppressed": translate("CustomerNotices", "Suppressed"),
    }
    label = labels.get(status, status)
    if status == "suppressed":
        why = (
            translate("CustomerNotices", "the customer gets no email")
            if reason == NO_EMAIL
            else " ".join((reason or "").split())
        )
        return translate("CustomerNotices", "%1: %2").replace("%1", label).replace("%2", why) if why else label
    if status in ("failed", "retrying") and reason:
        return translate("CustomerNotices", "%1: %2").replace("%1", label).replace("%2", " ".join(reason.split())[:200])
    return label
