"""The operator's words for stored codes: states of customers, subscriptions, top-ups and refunds,
and plan intervals. A code the table does not know is shown as stored, underscores as spaces."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject

from services.money import format_minor


def status_text(status: str) -> str:
    """A subscription's state."""
    translate = QCoreApplication.translate
    labels = {
        "active": translate("SubscriptionsPage", "active"),
        "pending_renewal": translate("SubscriptionsPage", "pending renewal"),
        "canceled": translate("SubscriptionsPage", "canceled"),
        "expired": translate("SubscriptionsPage", "expired"),
    }
    return labels.get(status) or status.replace("_", " ")


def customer_status_text(status: str) -> str:
    translate = QCoreApplication.translate
    labels = {"active": translate("CustomersPage", "active"), "disabled": translate("CustomersPage", "disabled")}
    return labels.get(status) or status.replace("_", " ")


def payment_status_text(status: str) -> str:
    """The state of a top-up or of a refund."""
    translate = QCoreApplication.translate
    labels = {
        "pending": translate("WalletsPage", "pending"),
        "processing": translate("WalletsPage", "processing"),
        "succeeded": translate("WalletsPage", "succeeded"),
        "failed": translate("WalletsPage", "failed"),
        "retrying": translate("WalletsPage", "retrying"),
        "manual": translate("WalletsPage", "manual review"),
    }
    return labels.get(status) or status.replace("_", " ")


class Intervals(QObject):
    """The plural forms of plan intervals. lupdate marks "%n" as plural only in a ``tr()`` call, and
    ``self.tr`` here looks them up under this class."""

    def count_of(self, unit: str, count: int) -> str | None:
        """'3 months'; None for a unit it has no words for."""
        if unit == "day":
            return self.tr("%n day(s)", "", count)
        if unit == "week":
            return self.tr("%n week(s)", "", count)
        if unit == "month":
            return self.tr("%n month(s)", "", count)
        if unit == "year":
            return self.tr("%n year(s)", "", count)
        return None


_INTERVALS = Intervals()


def interval_text(record: dict) -> str:
    """'1 month', '3 months' — a plan's ``interval_count`` and ``interval_unit``."""
    count, unit = record["interval_count"], record["interval_unit"]
    return _INTERVALS.count_of(unit, count) or f"{count} {unit}"


def price_text(record: dict) -> str:
    """'$9.00 / month', '$25.00 / 3 months' — a plan's price for its interval."""
    translate = QCoreApplication.translate
    price = format_minor(record["price_minor"], record["currency"], symbol=True)
    if record["interval_count"] == 1:
        units = {
            "day": translate("Intervals", "day"),
            "week": translate("Intervals", "week"),
            "month": translate("Intervals", "month"),
            "year": translate("Intervals", "year"),
        }
        interval = units.get(record["interval_unit"], record["interval_unit"])
    else:
        interval = interval_text(record)
    return translate("Intervals", "%s / %s") % (price, interval)
