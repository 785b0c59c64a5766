"""A notification in the operator's language: its title and body made from its kind and parameters
when it is shown (panel, tray), and the words for a burst of them.

Rows stored before notifications kept parameters (and kinds this desk does not know) show the
English title and body they were stored with.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from PySide6.QtCore import QObject

from ui.formatting import date_text
from ui.formatting import money_text as locale_money_text

SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}
BURST_SECONDS = 60  # notifications of one kind this close together are one burst


def money_text(minor: object, currency: object) -> str:
    """Integer minor units shown in the operator's locale: "$1,234.50", "1 234,50 $"."""
    if isinstance(minor, bool) or not isinstance(minor, int):
        return "—"
    return locale_money_text(minor, currency if isinstance(currency, str) else "USD")


def _date_text(value: object) -> str:
    try:
        moment = datetime.fromisoformat(str(value))
    except ValueError:
        return str(value)
    return date_text(moment)


def _time_text(value: object) -> str:
    try:
        moment = datetime.fromisoformat(str(value))
    except ValueError:
        return str(value)
    return f"{moment:%H:%M:%S} UTC"


def _fill(template: str, *values: object) -> str:
    """Qt-style %1, %2… placeholders, so a translation may put them in any order."""
    text = template
    for number in range(len(values), 0, -1):  # %10 before %1
        text = text.replace(f"%{number}", str(values[number - 1]))
    return text


def render(kind: str, params: Mapping | None, title: str, body: str, customer: str | None = None) -> tuple[str, str]:
    """The title and body to show; the stored English ones when the row has no parameters.

    ``customer``: the name of the customer the notice is about, when known; the text names them
    where it would name their wallet by id.
    """
    if not isinstance(params, Mapping):
        return title, body
    try:
        made = _words()._render(kind, params, customer or None)
    except (KeyError, TypeError, ValueError):
        made = None
    return made if made is not None else (title, body)


def worst(severities: list[str]) -> str:
    """The highest of ``severities`` (error > warning > info)."""
    return max(severities, key=lambda s: SEVERITY_RANK.get(s, 0), default="info")


class NoticeText(QObject):
    """The words of notifications; ``self.tr`` so that the translation tools find them (plurals too)."""

    def _operation_text(self, operation: object) -> str:
        words = {
            "topup": self.tr("Top-up"),
            "refund": self.tr("Refund"),
            "renewal": self.tr("Renewal"),
            "payment_review": self.tr("Payment review"),
            "customer_notice": self.tr("Customer notice"),
        }
        return words.get(str(operation), str(operation).replace("_", " "))

    def _subject_text(self, subject_type: object, subject_id: object) -> str:
        words = {
            "topup": self.tr("top-up #%1"),
            "refund": self.tr("refund #%1"),
            "subscription": self.tr("subscription #%1"),
            "wallet": self.tr("wallet #%1"),
            "customer": self.tr("customer #%1"),
            "invoice": self.tr("invoice #%1"),
            "error_item": self.tr("error item #%1"),
            "renewal_pass": self.tr("renewal pass #%1"),
        }
        template = words.get(str(subject_type))
        if template is None:
            return f"{str(subject_type).replace('_', ' ')} #{subject_id}"
        return template.replace("%1", str(subject_id))

    def _whose(self, subject: str, customer: str | None) -> str:
        """A subject with its customer's name beside it: "top-up #538 (Omar Tanaka)"."""
        return _fill(self.tr("%1 (%2)"), subject, customer) if customer else subject

    def _wallet_text(self, wallet_id: object, customer: str | None) -> str:
        """Whose wallet: the customer's name when known, else "wallet #490"."""
        return customer or self._subject_text("wallet", wallet_id)

    def _render(self, kind: str, p: Mapping, customer: str | None = None) -> tuple[str, str] | None:
        money = money_text(p.get("amount_minor"), p.get("currency"))
        if kind == "topup_failed":
            if p.get("retrying"):
                return (
                    _fill(self.tr("Top-up of %1 did not go through"), money),
                    _fill(
                        self.tr(
                            "The payment gateway did not answer for top-up #%1 (%2); it is queued for retry.",
                        ),
                        p["topup_id"],
                        self._wallet_text(p["wallet_id"], customer),
                    ),
                )
            return (
                _fill(self.tr("Top-up of %1 declined"), money),
                _fill(
                    self.tr("Top-up #%1 (%2) was declined: %3"),
                    p["topup_id"],
                    self._wallet_text(p["wallet_id"], customer),
                    p.get("reason", ""),
                ),
            )
        if kind == "auto_topup_declined":
            card = _fill(self.tr("%1 ending in %2"), str(p["card_brand"]).title(), p["card_last4"])
            return (
                _fill(self.tr("Automatic top-up of %1 for %2 declined"), money, customer or p.get("customer", "")),
                _fill(
                    self.tr("The card %1 was declined (%2); the automatic top-up is off until it is turned on again."),
                    card,
                    p.get("decline_code", ""),
                ),
            )
        if kind == "topup_succeeded":
            renewed = int(p.get("renewed") or 0)
            if customer:
                body = _fill(self.tr("Wallet of %1"), customer)
            else:
                body = _fill(self.tr("Wallet #%1"), p["wallet_id"])
            if renewed:
                body += "; " + self.tr("%n subscription(s) renewed", "", renewed)
            return _fill(self.tr("Top-up of %1 credited"), money), body
        if kind == "refund_failed":
            if p.get("retrying"):
                return (
                    _fill(self.tr("Refund #%1 did not go through yet"), p["refund_id"]),
                    self.tr("The payment gateway did not answer; the refund will be retried."),
                )
            return (
                _fill(self.tr("Refund #%1 was refused by the gateway"), p["refund_id"]),
                _fill(self.tr("%1. The amount is back in the wallet of %2."), p.get("reason", ""), customer)
                if customer
                else _fill(self.tr("%1. The amount is back in wallet #%2."), p.get("reason", ""), p["wallet_id"]),
            )
        if kind == "manual_intervention":
            title = _fill(
                self.tr("%1 of %2 needs an operator"),
                self._operation_text(p["operation"]),
                self._whose(self._subject_text(p["subject_type"], p["subject_id"]), customer),
            )
            reason = p.get("reason")
            if reason == "permanent":
                why = self.tr("It cannot be retried automatically")
            elif reason == "exhausted":
                why = self.tr("%n attempt(s) failed", "", int(p.get("attempts") or 0))
            else:
                why = _fill(self.tr("Escalated by %1"), p.get("by", ""))
                if p.get("note"):
                    why += f" ({p['note']})"
            message = p.get("message")
            return title, f"{why}: {message}" if message else why
        if kind == "gateway_outage":
            return (
                self.tr("Payment gateway outage"),
                _fill(
                    self.tr(
                        "%1 calls to the payment gateway failed in a row. Calls pause until %2, then one test call "
                        "decides whether they resume; waiting top-ups and refunds keep their place in the error queue.",
                    ),
                    p["failures"],
                    _time_text(p["resume_at"]),
                ),
            )
        if kind == "gateway_recovered":
            return self.tr("Payment gateway recovered"), self.tr(
                "The payment gateway answers again; waiting retries resume."
            )
        if kind == "errors_alert":
            waiting = int(p.get("waiting") or 0)
            return (
                self.tr("%n failed operation(s) are waiting", "", int(p["unresolved"])),
                _fill(self.tr("More than %1 error items are retrying or waiting for an operator."), p["threshold"])
                + " "
                + self.tr("%n subscription(s) waiting for funds.", "", waiting),
            )
        if kind == "renewals_paid":
            totals = p.get("totals") or {}
            total = ", ".join(money_text(amount, currency) for currency, amount in sorted(totals.items()))
            return (
                _fill(
                    self.tr("%n renewal(s) paid, %1 in total", "", int(p["renewed"])),
                    total or money_text(0, "USD"),
                ),
                self.tr("Paid from the customers' wallets by the renewal pass; open to see its invoices."),
            )
        if kind == "renewals_held":
            totals = p.get("totals") or {}
            total = ", ".join(money_text(amount, currency) for currency, amount in sorted(totals.items()))
            return (
                _fill(
                    self.tr("%n subscription(s) held: %1 period(s), %2 to catch up", "", int(p["subscriptions"])),
                    p["periods"],
                    total or money_text(0, "USD"),
                ),
                _fill(
                    self.tr(
                        "Each would pay more than %1 period(s) at once (was the clock moved ahead?). Nothing was "
                        "charged for them; the others renewed. Renew them on the Scheduler page, or with "
                        "`renew --catch-up`."
                    ),
                    p["limit"],
                ),
            )
        if kind in ("payment_failed", "payment_succeeded", "subscription_expired") and "count" in p:
            return self._render_pass_group(kind, p)
        if kind in ("payment_failed", "payment_succeeded", "subscription_expired", "subscription_expiring"):
            return self._render_subscription(kind, p, money, customer)
        return None

    def _render_pass_group(self, kind: str, p: Mapping) -> tuple[str, str]:
        """The one notice that stands for a renewal pass's many of ``kind`` (past the first few, posted each)."""
        count, first = int(p["count"]), int(p.get("one_by_one") or 0)
        totals = p.get("totals") or {}
        total = ", ".join(money_text(amount, currency) for currency, amount in sorted(totals.items()))
        total = total or money_text(0, "USD")
        if kind == "payment_failed":
            return (
                _fill(self.tr("%n renewal(s) are waiting for funds, %1 owed in total", "", count), total),
                self.tr("The wallets could not pay them; each is pending for its plan's grace days.")
                + " "
                + self.tr(
                    "The first %n have a notice each; Subscriptions, status “pending renewal”, lists them all.",
                    "",
                    first,
                ),
            )
        if kind == "payment_succeeded":
            return (
                _fill(self.tr("%n subscription(s) are active again, %1 paid", "", count), total),
                self.tr("Paid from the wallets once funds arrived.")
                + " "
                + self.tr("The first %n have a notice each.", "", first),
            )
        return (
            self.tr("%n subscription(s) expired in the renewal pass", "", count),
            self.tr("They no longer grant access.")
            + " "
            + self.tr("The first %n have a notice each; Subscriptions, status “expired”, lists them all.", "", first),
        )

    def _render_subscription(self, kind: str, p: Mapping, money: str, customer: str | None) -> tuple[str, str]:
        sub, plan = p["subscription_id"], p["plan"]
        if customer:  # "Subscription #330 (Cloud, Omar Tanaka) expired"
            plan = _fill(self.tr("%1, %2"), plan, customer)
        if kind == "payment_failed":
            return (
                _fill(self.tr("Renewal of #%1 (%2) is waiting for funds"), sub, plan),
                _fill(self.tr("The wallet could not pay %1; the subscription is pending.") + " ", money)
                + self.tr("Grace period: %n day(s).", "", int(p.get("grace_days") or 0)),
            )
        if kind == "payment_succeeded":
            return (
                _fill(self.tr("Subscription #%1 (%2) is active again"), sub, plan),
                _fill(self.tr("%1 was paid from the wallet."), money),
            )
        if kind == "subscription_expired":
            return _fill(self.tr("Subscription #%1 (%2) expired"), sub, plan), self.tr("It no longer grants access.")
        end = _date_text(p["period_end"])
        if p.get("canceled"):
            return (
                _fill(self.tr("Subscription #%1 (%2) ends %3"), sub, plan, end),
                self.tr("It was canceled and will expire at the end of its period."),
            )
        return (
            _fill(self.tr("Subscription #%1 (%2) may lapse %3"), sub, plan, end),
            self.tr("The wallet does not hold enough for the next renewal."),
        )

    def burst_title(self, kind: str, count: int) -> str:
        """One line for ``count`` notifications of ``kind`` that came within a minute."""
        words = {
            "topup_failed": self.tr("%n top-up(s) failed within a minute", "", count),
            "payment_failed": self.tr("%n renewal(s) waiting for funds within a minute", "", count),
            "refund_failed": self.tr("%n refund(s) failed within a minute", "", count),
            "manual_intervention": self.tr("%n item(s) need an operator", "", count),
            "topup_succeeded": self.tr("%n top-up(s) credited within a minute", "", count),
            "auto_topup_declined": self.tr("%n automatic top-up(s) declined", "", count),
            "payment_succeeded": self.tr("%n subscription(s) active again", "", count),
            "subscription_expiring": self.tr("%n subscription(s) expiring", "", count),
            "subscription_expired": self.tr("%n subscription(s) expired", "", count),
        }
        return words.get(kind) or self.tr("%n notification(s) within a minute", "", count)


_WORDS: list[NoticeText] = []


def _words() -> NoticeText:
    if not _WORDS:
        _WORDS.append(NoticeText())
    return _WORDS[0]


def burst_title(kind: str, count: int) -> str:
    """One line for ``count`` notifications of ``kind`` that came within a minute."""
    return _words().burst_title(kind, count)
