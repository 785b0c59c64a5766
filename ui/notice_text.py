"""A notification in the operator's language: its title and body made from its kind and parameters
when it is shown (panel, tray), and the words for a burst of them.

Rows stored before notifications kept parameters (and kinds this desk does not know) show the
English title and body they were stored with.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from services.money import CURRENCY_EXPONENT, CURRENCY_SYMBOL

translate = QCoreApplication.translate
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}
BURST_SECONDS = 60  # notifications of one kind this close together are one burst


def money_text(minor: object, currency: object) -> str:
    """Integer minor units shown in the operator's locale: "$1,234.50", "$1 234,50"."""
    if isinstance(minor, bool) or not isinstance(minor, int):
        return "—"
    code = currency if isinstance(currency, str) else "USD"
    exponent = CURRENCY_EXPONENT.get(code, 2)
    locale = QLocale()
    whole, fraction = divmod(abs(minor), 10**exponent)
    text = locale.toString(whole)
    if exponent:
        text += locale.decimalPoint() + str(fraction).rjust(exponent, "0")
    sign = "-" if minor < 0 else ""
    return f"{sign}{CURRENCY_SYMBOL.get(code, code + ' ')}{text}"


def _date_text(value: object) -> str:
    try:
        moment = datetime.fromisoformat(str(value))
    except ValueError:
        return str(value)
    return QLocale().toString(QDate(moment.year, moment.month, moment.day), QLocale.FormatType.ShortFormat)


def _time_text(value: object) -> str:
    try:
        moment = datetime.fromisoformat(str(value))
    except ValueError:
        return str(value)
    return f"{moment:%H:%M:%S} UTC"


def _operation_text(operation: object) -> str:
    words = {
        "topup": translate("Notice", "Top-up"),
        "refund": translate("Notice", "Refund"),
        "renewal": translate("Notice", "Renewal"),
        "payment_review": translate("Notice", "Payment review"),
        "customer_notice": translate("Notice", "Customer notice"),
    }
    return words.get(str(operation), str(operation).replace("_", " "))


def _subject_text(subject_type: object, subject_id: object) -> str:
    words = {
        "topup": translate("Notice", "top-up #%1"),
        "refund": translate("Notice", "refund #%1"),
        "subscription": translate("Notice", "subscription #%1"),
        "wallet": translate("Notice", "wallet #%1"),
        "customer": translate("Notice", "customer #%1"),
    }
    template = words.get(str(subject_type))
    if template is None:
        return f"{str(subject_type).replace('_', ' ')} #{subject_id}"
    return template.replace("%1", str(subject_id))


def _fill(template: str, *values: object) -> str:
    """Qt-style %1, %2… placeholders, so a translation may put them in any order."""
    text = template
    for number in range(len(values), 0, -1):  # %10 before %1
        text = text.replace(f"%{number}", str(values[number - 1]))
    return text


def render(kind: str, params: Mapping | None, title: str, body: str) -> tuple[str, str]:
    """The title and body to show; the stored English ones when the row has no parameters."""
    if not isinstance(params, Mapping):
        return title, body
    try:
        made = _render(kind, params)
    except (KeyError, TypeError, ValueError):
        made = None
    return made if made is not None else (title, body)


def _render(kind: str, p: Mapping) -> tuple[str, str] | None:
    money = money_text(p.get("amount_minor"), p.get("currency"))
    if kind == "topup_failed":
        if p.get("retrying"):
            return (
                _fill(translate("Notice", "Top-up of %1 did not go through"), money),
                _fill(
                    translate(
                        "Notice",
                        "The payment gateway did not answer for top-up #%1 (wallet #%2); it is queued for retry.",
                    ),
                    p["topup_id"],
                    p["wallet_id"],
                ),
            )
        return (
            _fill(translate("Notice", "Top-up of %1 declined"), money),
            _fill(
                translate("Notice", "Top-up #%1 (wallet #%2) was declined: %3"),
                p["topup_id"],
                p["wallet_id"],
                p.get("reason", ""),
            ),
        )
    if kind == "topup_succeeded":
        renewed = int(p.get("renewed") or 0)
        body = _fill(translate("Notice", "Wallet #%1"), p["wallet_id"])
        if renewed:
            body += "; " + translate("Notice", "%n subscription(s) renewed", None, renewed)
        return _fill(translate("Notice", "Top-up of %1 credited"), money), body
    if kind == "refund_failed":
        if p.get("retrying"):
            return (
                _fill(translate("Notice", "Refund #%1 did not go through yet"), p["refund_id"]),
                translate("Notice", "The payment gateway did not answer; the refund will be retried."),
            )
        return (
            _fill(translate("Notice", "Refund #%1 was refused by the gateway"), p["refund_id"]),
            _fill(translate("Notice", "%1. The amount is back in wallet #%2."), p.get("reason", ""), p["wallet_id"]),
        )
    if kind == "manual_intervention":
        title = _fill(
            translate("Notice", "%1 of %2 needs an operator"),
            _operation_text(p["operation"]),
            _subject_text(p["subject_type"], p["subject_id"]),
        )
        reason = p.get("reason")
        if reason == "permanent":
            why = translate("Notice", "It cannot be retried automatically")
        elif reason == "exhausted":
            why = translate("Notice", "%n attempt(s) failed", None, int(p.get("attempts") or 0))
        else:
            why = _fill(translate("Notice", "Escalated by %1"), p.get("by", ""))
            if p.get("note"):
                why += f" ({p['note']})"
        message = p.get("message")
        return title, f"{why}: {message}" if message else why
    if kind == "gateway_outage":
        return (
            translate("Notice", "Payment gateway outage"),
            _fill(
                translate(
                    "Notice",
                    "%1 calls to the payment gateway failed in a row. Calls pause until %2, then one test call "
                    "decides whether they resume; waiting top-ups and refunds keep their place in the error queue.",
                ),
                p["failures"],
                _time_text(p["resume_at"]),
            ),
        )
    if kind == "gateway_recovered":
        return translate("Notice", "Payment gateway recovered"), translate(
            "Notice", "The payment gateway answers again; waiting retries resume."
        )
    if kind == "errors_alert":
        waiting = int(p.get("waiting") or 0)
        return (
            translate("Notice", "%n failed operation(s) are waiting", None, int(p["unresolved"])),
            _fill(
                translate("Notice", "More than %1 error items are retrying or waiting for an operator."), p["threshold"]
            )
            + " "
            + translate("Notice", "%n subscription(s) waiting for funds.", None, waiting),
        )
    if kind == "renewals_paid":
        totals = p.get("totals") or {}
        total = ", ".join(money_text(amount, currency) for currency, amount in sorted(totals.items()))
        return (
            _fill(
                translate("Notice", "%n renewal(s) paid, %1 in total", None, int(p["renewed"])),
                total or money_text(0, "USD"),
            ),
            translate("Notice", "Paid from the customers' wallets by the renewal pass; open to see its invoices."),
        )
    if kind in ("payment_failed", "payment_succeeded", "subscription_expired", "subscription_expiring"):
        return _render_subscription(kind, p, money)
    return None


def _render_subscription(kind: str, p: Mapping, money: str) -> tuple[str, str]:
    sub, plan = p["subscription_id"], p["plan"]
    if kind == "payment_failed":
        return (
            _fill(translate("Notice", "Renewal of #%1 (%2) is waiting for funds"), sub, plan),
            _fill(translate("Notice", "The wallet could not pay %1; the subscription is pending.") + " ", money)
            + translate("Notice", "Grace period: %n day(s).", None, int(p.get("grace_days") or 0)),
        )
    if kind == "payment_succeeded":
        return (
            _fill(translate("Notice", "Subscription #%1 (%2) is active again"), sub, plan),
            _fill(translate("Notice", "%1 was paid from the wallet."), money),
        )
    if kind == "subscription_expired":
        return _fill(translate("Notice", "Subscription #%1 (%2) expired"), sub, plan), translate(
            "Notice", "It no longer grants access."
        )
    end = _date_text(p["period_end"])
    if p.get("canceled"):
        return (
            _fill(translate("Notice", "Subscription #%1 (%2) ends %3"), sub, plan, end),
            translate("Notice", "It was canceled and will expire at the end of its period."),
        )
    return (
        _fill(translate("Notice", "Subscription #%1 (%2) may lapse %3"), sub, plan, end),
        translate("Notice", "The wallet does not hold enough for the next renewal."),
    )


def burst_title(kind: str, count: int) -> str:
    """One line for ``count`` notifications of ``kind`` that came within a minute."""
    words = {
        "topup_failed": translate("Notice", "%n top-up(s) failed within a minute", None, count),
        "payment_failed": translate("Notice", "%n renewal(s) waiting for funds within a minute", None, count),
        "refund_failed": translate("Notice", "%n refund(s) failed within a minute", None, count),
        "manual_intervention": translate("Notice", "%n item(s) need an operator", None, count),
        "topup_succeeded": translate("Notice", "%n top-up(s) credited within a minute", None, count),
        "payment_succeeded": translate("Notice", "%n subscription(s) active again", None, count),
        "subscription_expiring": translate("Notice", "%n subscription(s) expiring", None, count),
        "subscription_expired": translate("Notice", "%n subscription(s) expired", None, count),
    }
    return words.get(kind) or translate("Notice", "%n notification(s) within a minute", None, count)


def worst(severities: list[str]) -> str:
    """The highest of ``severities`` (error > warning > info)."""
    return max(severities, key=lambda s: SEVERITY_RANK.get(s, 0), default="info")
