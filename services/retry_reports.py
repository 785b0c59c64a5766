"""What the error queue adds up to: the failed-operations report and the unresolved-items alert."""

from __future__ import annotations

import logging
from datetime import datetime

from peewee import Case, Field, fn

from models.rows import tuples
from models.tables import ErrorItem, Plan, Subscription
from services import lifecycle
from services.clock import Clock
from services.notifications import NotificationCenter
from services.retry_policy import OPEN_STATUSES, STATUSES
from services.settings import SETTINGS, SettingsStore

log = logging.getLogger(__name__)


class RetryReports:
    def __init__(
        self, clock: Clock, notifications: NotificationCenter, *, settings: SettingsStore | None = None
    ) -> None:
        self.clock = clock
        self.notifications = notifications
        self.settings = settings

    def get_failed_subscriptions_report(self) -> dict:
        """Counts, oldest unresolved age, amount at risk and recovery rate by operation, error class,
        status and currency, and the subscriptions waiting for funds.

        ``recovered`` counts the items a retry resolved; ``recovery_rate`` is that share of all the
        row's items, open ones included, so it never reads 100 % while items are still open.

        ``amount_at_risk_minor`` in the by-operation, by-class and by-status rows adds minor units
        whatever their currency; ``amount_at_risk_by_currency`` ({"USD": 1500, "EUR": 700}) is the
        figure to show an operator.

        ``pending_renewal`` is its own line, not an error item: renewals refused for lack of funds
        ({"count": 3, "oldest_age_seconds": 7200, "amount_at_risk_by_currency": {"USD": 3000}}),
        the age counted from when the oldest went pending, the amount their plans' prices.
        """
        now = self.clock.now()
        report = {
            name: _report_rows(column, name, now)
            for name, column in (
                ("operation", ErrorItem.operation),
                ("error_class", ErrorItem.error_class),
                ("status", ErrorItem.status),
                ("currency", ErrorItem.currency),
            )
        }
        by_status = {row["status"]: row["count"] for row in report["status"]}
        totals = {status: by_status.get(status, 0) for status in STATUSES}
        return {
            "by_operation": report["operation"],
            "by_error_class": report["error_class"],
            "by_status": report["status"],
            "by_currency": report["currency"],
            "amount_at_risk_by_currency": {
                row["currency"]: row["amount_at_risk_minor"] for row in report["currency"] if row["open"]
            },
            "totals": {"open": totals["retrying"] + totals["manual"], **totals},
            "pending_renewal": _pending_renewal_line(now),
        }

    def check_alert_threshold(self) -> bool:
        """True when unresolved items exceed the alert threshold; posts one alert a day while they do."""
        threshold = int(
            self.settings.get("alert_threshold") if self.settings is not None else SETTINGS["alert_threshold"][0]
        )
        unresolved = ErrorItem.select().where(ErrorItem.status.in_(OPEN_STATUSES)).count()
        if unresolved <= threshold:
            return False
        now = self.clock.now()
        waiting = Subscription.select().where(Subscription.status == lifecycle.PENDING).count()
        try:
            self.notifications.post(
                "errors_alert",
                f"{unresolved} failed operations are waiting",
                f"More than {threshold} error items are retrying or waiting for an operator. "
                + ("1 subscription is" if waiting == 1 else f"{waiting} subscriptions are")
                + " waiting for funds.",
                dedup_key=f"errors_alert:{now:%Y-%m-%d}",
                params={"unresolved": unresolved, "threshold": threshold, "waiting": waiting},
            )
        except Exception:
            log.exception("could not post the unresolved-errors alert")
        return True


def _report_rows(column: Field, name: str, now: datetime) -> list[dict]:
    unresolved = ErrorItem.status.in_(OPEN_STATUSES)
    recovered = (ErrorItem.status == "resolved") & (ErrorItem.resolved_by == "system")
    query = tuples(
        ErrorItem.select(
            column,
            fn.COUNT(ErrorItem.id),
            fn.SUM(Case(None, [(unresolved, 1)], 0)),
            fn.MIN(Case(None, [(unresolved, ErrorItem.created_at)])),
            fn.SUM(Case(None, [(unresolved, ErrorItem.amount_minor)], 0)),
            fn.SUM(Case(None, [(recovered, 1)], 0)),
        )
        .group_by(column)
        .order_by(column)
    )
    rows = []
    for key, count, open_count, oldest, at_risk, recovered_count in query:
        oldest = ErrorItem.created_at.python_value(oldest)
        rows.append(
            {
                name: key,
                "count": count,
                "open": open_count,
                "oldest_age_seconds": None if oldest is None else max(0, int((now - oldest).total_seconds())),
                "amount_at_risk_minor": int(at_risk or 0),
                "recovered": int(recovered_count or 0),
                # Out of every item, open ones included: 1 recovered beside 12 still open is 1 in 13, not 100 %.
                "recovery_rate": int(recovered_count or 0) / count if count else None,
            }
        )
    return rows


def _pending_renewal_line(now: datetime) -> dict:
    """Subscriptions whose renewal waits for funds: how many, since when, and what their plans cost."""
    query = tuples(
        Subscription.select(
            Plan.currency, fn.COUNT(Subscription.id), fn.MIN(Subscription.pending_since), fn.SUM(Plan.price_minor)
        )
        .join(Plan, on=(Subscription.plan == Plan.id))
        .where(Subscription.status == lifecycle.PENDING)
        .group_by(Plan.currency)
        .order_by(Plan.currency)
    )
    rows = [
        (currency, count, Subscription.pending_since.python_value(since), int(amount or 0))
        for currency, count, since, amount in query
    ]
    oldest = min((since for _, _, since, _ in rows if since is not None), default=None)
    return {
        "count": sum(count for _, count, _, _ in rows),
        "oldest_age_seconds": None if oldest is None else max(0, int((now - oldest).total_seconds())),
        "amount_at_risk_by_currency": {currency: amount for currency, _, _, amount in rows},
    }
