"""The operator's words for stored codes: states of customers, subscriptions, top-ups, refunds and
error items, plan intervals, roles, severities, scheduler jobs and their results, audited actions.
A code the table does not know is shown as stored, underscores as spaces."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, QObject

from ui.formatting import money_text, number_text


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


def interval_unit_text(unit: str) -> str:
    """'month': one interval unit of a plan, in the operator's words."""
    translate = QCoreApplication.translate
    units = {
        "day": translate("Intervals", "day"),
        "week": translate("Intervals", "week"),
        "month": translate("Intervals", "month"),
        "year": translate("Intervals", "year"),
    }
    return units.get(unit, unit)


def price_text(record: dict) -> str:
    """'$9.00 / month', '$25.00 / 3 months' — a plan's price for its interval."""
    translate = QCoreApplication.translate
    price = money_text(record["price_minor"], record["currency"])
    if record["interval_count"] == 1:
        interval = interval_unit_text(record["interval_unit"])
    else:
        interval = interval_text(record)
    return translate("Intervals", "%s / %s") % (price, interval)


# --- people, jobs and the error queue -------------------------------------------------------------


def role_text(role: str) -> str:
    """An operator's role."""
    translate = QCoreApplication.translate
    labels = {
        "viewer": translate("Roles", "viewer"),
        "operator": translate("Roles", "operator"),
        "admin": translate("Roles", "administrator"),
        "system": translate("Roles", "system"),
    }
    return labels.get(role) or role


def severity_text(severity: str) -> str:
    translate = QCoreApplication.translate
    labels = {
        "info": translate("Severities", "info"),
        "warning": translate("Severities", "warning"),
        "error": translate("Severities", "error"),
    }
    return labels.get(severity) or severity


def job_name_text(name: str) -> str:
    """A scheduler job."""
    translate = QCoreApplication.translate
    labels = {
        "janitor": translate("SchedulerJobs", "janitor"),
        "renewals": translate("SchedulerJobs", "renewals"),
        "retries": translate("SchedulerJobs", "retries"),
        "reminders": translate("SchedulerJobs", "reminders"),
        "monitoring": translate("SchedulerJobs", "monitoring"),
        "backups": translate("SchedulerJobs", "backups"),
        "notices": translate("SchedulerJobs", "customer notices"),
    }
    return labels.get(name) or name.replace("_", " ")


def _result_keys() -> dict[str, str]:
    translate = QCoreApplication.translate
    return {
        "topups": translate("SchedulerJobs", "top-ups"),
        "refunds": translate("SchedulerJobs", "refunds"),
        "due": translate("SchedulerJobs", "due"),
        "renewed": translate("SchedulerJobs", "renewed"),
        "pending_renewal": translate("SchedulerJobs", "waiting for funds"),
        "expired": translate("SchedulerJobs", "expired"),
        "errors": translate("SchedulerJobs", "errors"),
        "charged_minor": translate("SchedulerJobs", "charged"),
        "owed_minor": translate("SchedulerJobs", "owed"),
        "succeeded": translate("SchedulerJobs", "succeeded"),
        "rescheduled": translate("SchedulerJobs", "rescheduled"),
        "manual": translate("SchedulerJobs", "to manual"),
        "deferred": translate("SchedulerJobs", "deferred"),
        "reconciled": translate("SchedulerJobs", "reconciled"),
        "checked": translate("SchedulerJobs", "checked"),
        "reminded": translate("SchedulerJobs", "reminded"),
        "short_before_renewal": translate("SchedulerJobs", "short of a coming renewal"),
        "alert": translate("SchedulerJobs", "alert"),
        "circuit": translate("SchedulerJobs", "gateway"),
        "result": translate("SchedulerJobs", "result"),
        "path": translate("SchedulerJobs", "file"),
        "bytes": translate("SchedulerJobs", "size in bytes"),
        "seconds": translate("SchedulerJobs", "seconds"),
        "deleted": translate("SchedulerJobs", "older backups deleted"),
        "skipped": translate("SchedulerJobs", "skipped"),
        "auto_topups_charged": translate("SchedulerJobs", "automatic top-ups charged"),
        "auto_topups_queued": translate("SchedulerJobs", "automatic top-ups waiting for the gateway"),
        "auto_topups_declined": translate("SchedulerJobs", "automatic top-ups declined"),
        "sent": translate("SchedulerJobs", "sent"),
        "retrying": translate("SchedulerJobs", "to retry"),
        "failed": translate("SchedulerJobs", "failed"),
        "suppressed": translate("SchedulerJobs", "not sent (no email)"),
        "recovered": translate("SchedulerJobs", "interrupted sends restarted"),
        "mail_server_set": translate("SchedulerJobs", "mail server set"),
    }


def circuit_state_text(state: str) -> str:
    """The gateway's circuit breaker: closed (healthy), open (outage) or half open (probing)."""
    translate = QCoreApplication.translate
    labels = {
        "closed": translate("SchedulerJobs", "healthy"),
        "open": translate("SchedulerJobs", "outage"),
        "half_open": translate("SchedulerJobs", "probing"),
    }
    return labels.get(state) or state.replace("_", " ")


def result_value_text(key: str, value: object) -> str:
    """One figure of a job's result: money in the locale, yes/no and gateway states as words."""
    if isinstance(value, bool):
        if value:
            return QCoreApplication.translate("SchedulerJobs", "yes")
        return QCoreApplication.translate("SchedulerJobs", "no")
    if key.endswith("_minor") and isinstance(value, int):
        return f"{money_text(value, 'USD')} ({value})"  # the figure as stored, in minor units
    if isinstance(value, int):
        return number_text(value)
    if key == "circuit" and isinstance(value, str):
        return circuit_state_text(value)
    if key == "path":
        return f"«{value}»"  # a file name is data, shown as it is
    if key == "skipped":
        return QCoreApplication.translate("SchedulerJobs", "daily backups are turned off")
    return str(value)


def result_key_text(key: str) -> str:
    return _result_keys().get(key) or key.replace("_", " ")


def result_lines(result: dict, indent: str = "") -> list[str]:
    """A job's whole result, one 'what: figure' line each, nested results indented."""
    lines = []
    for key, value in result.items():
        if isinstance(value, dict):
            lines.append(f"{indent}{result_key_text(key)}:")
            lines.extend(result_lines(value, indent + "    "))
        elif not isinstance(value, list):
            lines.append(f"{indent}{result_key_text(key)}: {result_value_text(key, value)}")
    return lines


def operation_text(operation: str) -> str:
    """What failed: the error queue's operation."""
    translate = QCoreApplication.translate
    labels = {
        "topup": translate("ErrorWords", "top-up"),
        "refund": translate("ErrorWords", "refund"),
        "renewal": translate("ErrorWords", "renewal"),
        "subscription": translate("ErrorWords", "subscription"),
        "payment_review": translate("ErrorWords", "payment review"),
        "email": translate("ErrorWords", "email to a customer"),
    }
    return labels.get(operation) or operation.replace("_", " ")


def error_class_text(error_class: str) -> str:
    translate = QCoreApplication.translate
    labels = {
        "transient": translate("ErrorWords", "transient"),
        "outcome_unknown": translate("ErrorWords", "outcome unknown"),
        "urgent": translate("ErrorWords", "urgent"),
        "predictable": translate("ErrorWords", "predictable"),
        "permanent": translate("ErrorWords", "permanent"),
    }
    return labels.get(error_class) or error_class.replace("_", " ")


def strategy_text(strategy: str) -> str:
    translate = QCoreApplication.translate
    labels = {
        "backoff": translate("ErrorWords", "backoff"),
        "reconcile": translate("ErrorWords", "reconcile"),
        "urgent": translate("ErrorWords", "urgent"),
        "fixed": translate("ErrorWords", "fixed interval"),
        "manual": translate("ErrorWords", "manual"),
    }
    return labels.get(strategy) or strategy.replace("_", " ")


def item_status_text(status: str) -> str:
    """An error item's status."""
    translate = QCoreApplication.translate
    labels = {
        "retrying": translate("ErrorWords", "retrying"),
        "manual": translate("ErrorWords", "manual"),
        "resolved": translate("ErrorWords", "resolved"),
        "canceled": translate("ErrorWords", "canceled"),
    }
    return labels.get(status) or status.replace("_", " ")


def subject_type_text(subject_type: str) -> str:
    """What a row of the audit log or the error queue is about."""
    translate = QCoreApplication.translate
    labels = {
        "customer": translate("Subjects", "customer"),
        "wallet": translate("Subjects", "wallet"),
        "topup": translate("Subjects", "top-up"),
        "refund": translate("Subjects", "refund"),
        "subscription": translate("Subjects", "subscription"),
        "plan": translate("Subjects", "plan"),
        "feature": translate("Subjects", "feature"),
        "invoice": translate("Subjects", "invoice"),
        "ledger_entry": translate("Subjects", "ledger entry"),
        "error_item": translate("Subjects", "error item"),
        "notification": translate("Subjects", "notification"),
        "operator": translate("Subjects", "operator"),
        "job": translate("Subjects", "job"),
        "scheduler": translate("Subjects", "scheduler"),
        "settings": translate("Subjects", "settings"),
        "secret": translate("Subjects", "secret"),
        "system": translate("Subjects", "system"),
        "renewal_pass": translate("Subjects", "renewal pass"),
        "customer_notice": translate("Subjects", "customer notice"),
    }
    return labels.get(subject_type) or subject_type.replace("_", " ")


def action_text(action: str) -> str:
    """An audited action ("error.retry") as the operator's words ("Retried a payment"); a code without
    words reads as its parts ("Operator unlock")."""
    translate = QCoreApplication.translate
    labels = {
        "customer.create": translate("AuditActions", "Created a customer"),
        "customer.edit": translate("AuditActions", "Edited a customer"),
        "customer.note": translate("AuditActions", "Added a note on a customer"),
        "notice.resend": translate("AuditActions", "Sent a customer notice again"),
        "card.add": translate("AuditActions", "Saved a card for automatic top-up"),
        "card.remove": translate("AuditActions", "Removed a saved card"),
        "autotopup.set": translate("AuditActions", "Set an automatic top-up"),
        "autotopup.off": translate("AuditActions", "Turned off an automatic top-up"),
        "topup": translate("AuditActions", "Topped up a wallet"),
        "refund": translate("AuditActions", "Refunded"),
        "wallet.adjust": translate("AuditActions", "Adjusted a balance"),
        "refund.topup": translate("AuditActions", "Refunded a top-up"),
        "refund.charge": translate("AuditActions", "Refunded a charge"),
        "payment.reconcile": translate("AuditActions", "Reconciled a payment"),
        "janitor.reconcile": translate("AuditActions", "Reconciled a payment"),
        "subscription.subscribe": translate("AuditActions", "Subscribed"),
        "subscription.cancel": translate("AuditActions", "Canceled a subscription"),
        "subscription.reinstate": translate("AuditActions", "Reinstated a subscription"),
        "subscription.change_plan": translate("AuditActions", "Changed a plan"),
        "usage.record": translate("AuditActions", "Recorded usage"),
        "renewal.run": translate("AuditActions", "Ran renewals"),
        "error.retry": translate("AuditActions", "Retried a payment"),
        "error.retry_not_attempted": translate("AuditActions", "Retry held back: the gateway was still down"),
        "error.retry_unrecorded": translate("AuditActions", "Retry outcome taken over by another runner"),
        "error.cancel": translate("AuditActions", "Canceled a scheduled retry"),
        "error.escalate": translate("AuditActions", "Escalated to manual handling"),
        "error.strategy": translate("AuditActions", "Changed a retry strategy"),
        "error.resolve": translate("AuditActions", "Resolved an error item"),
        "plan.create": translate("AuditActions", "Created a plan"),
        "plan.edit": translate("AuditActions", "Edited a plan"),
        "plan.feature": translate("AuditActions", "Changed a plan's feature"),
        "feature.create": translate("AuditActions", "Created a feature"),
        "operator.create": translate("AuditActions", "Created an operator"),
        "operator.role": translate("AuditActions", "Changed an operator's role"),
        "operator.manage": translate("AuditActions", "Changed an operator"),
        "operator.disable": translate("AuditActions", "Disabled an operator"),
        "operator.enable": translate("AuditActions", "Re-enabled an operator"),
        "operator.password_reset": translate("AuditActions", "Reset an operator's password"),
        "operator.password_change": translate("AuditActions", "Changed their own password"),
        "operator.sign_in_failed": translate("AuditActions", "Failed to sign in"),
        "operator.unlock": translate("AuditActions", "Unlocked an operator"),
        "operator.sign_in_token_issued": translate("AuditActions", "A computer remembered an operator"),
        "operator.sign_in_token_used": translate("AuditActions", "Signed in as remembered by a computer"),
        "operator.sign_in_tokens_revoked": translate("AuditActions", "Ended remembered sign-ins"),
        "settings.edit": translate("AuditActions", "Changed settings"),
        "gateway.configure": translate("AuditActions", "Changed the gateway simulation"),
        "secret.set": translate("AuditActions", "Set the gateway API key"),
        "mail.password": translate("AuditActions", "Set the mail server's password"),
        "scheduler.run": translate("AuditActions", "Ran a job now"),
        "scheduler.pause": translate("AuditActions", "Paused the scheduler"),
        "scheduler.resume": translate("AuditActions", "Resumed the scheduler"),
        "notification.read": translate("AuditActions", "Marked a notification read"),
        "notification.read_all": translate("AuditActions", "Marked all notifications read"),
        "demo.clock_advanced": translate("AuditActions", "Moved the demo clock ahead"),
    }
    return labels.get(action) or action.replace(".", " ").replace("_", " ").strip().capitalize()


def field_text(key: str) -> str:
    """A field of an audited row ("balance_minor") in the operator's words ("balance")."""
    translate = QCoreApplication.translate
    labels = {
        "status": translate("AuditFields", "status"),
        "strategy": translate("AuditFields", "retry strategy"),
        "attempts": translate("AuditFields", "attempts"),
        "max_attempts": translate("AuditFields", "attempts allowed"),
        "next_attempt_at": translate("AuditFields", "next attempt"),
        "resolution": translate("AuditFields", "resolution"),
        "outcome": translate("AuditFields", "outcome"),
        "active": translate("AuditFields", "active"),
        "enabled": translate("AuditFields", "enabled"),
        "amount_minor": translate("AuditFields", "amount"),
        "balance_minor": translate("AuditFields", "balance"),
        "price_minor": translate("AuditFields", "price"),
        "unit_price_minor": translate("AuditFields", "unit price"),
        "package_price_minor": translate("AuditFields", "package price"),
        "package_size": translate("AuditFields", "package size"),
        "currency": translate("AuditFields", "currency"),
        "auto_renew": translate("AuditFields", "renews automatically"),
        "period_end": translate("AuditFields", "period ends"),
        "customer": translate("AuditFields", "customer"),
        "plan": translate("AuditFields", "plan"),
        "feature": translate("AuditFields", "feature"),
        "quantity": translate("AuditFields", "quantity"),
        "usage_record": translate("AuditFields", "usage record"),
        "credit_note": translate("AuditFields", "credit note"),
        "refund_id": translate("AuditFields", "refund"),
        "name": translate("AuditFields", "name"),
        "email": translate("AuditFields", "email address"),
        "code": translate("AuditFields", "code"),
        "type": translate("AuditFields", "type"),
        "unit": translate("AuditFields", "unit"),
        "interval_unit": translate("AuditFields", "billing interval"),
        "interval_count": translate("AuditFields", "intervals per period"),
        "grace_days": translate("AuditFields", "grace days"),
        "access_in_grace": translate("AuditFields", "access during grace"),
        "quota": translate("AuditFields", "quota"),
        "included": translate("AuditFields", "included"),
        "pricing": translate("AuditFields", "pricing"),
        "tiers": translate("AuditFields", "tiers"),
        "rate_limit": translate("AuditFields", "rate limit"),
        "rate_window_seconds": translate("AuditFields", "rate window (seconds)"),
        "username": translate("AuditFields", "user name"),
        "failed_sign_ins": translate("AuditFields", "failed sign-ins in a row"),
        "locked_until": translate("AuditFields", "locked until"),
        "failures": translate("AuditFields", "failed sign-ins"),
        "computer": translate("AuditFields", "computer"),
        "computers": translate("AuditFields", "computers"),
        "device": translate("AuditFields", "computer"),
        "device_wait_seconds": translate("AuditFields", "computer waits (seconds)"),
        "wait_seconds": translate("AuditFields", "waits (seconds)"),
        "token": translate("AuditFields", "remembered sign-in #"),
        "expires_at": translate("AuditFields", "expires"),
        "count": translate("AuditFields", "how many"),
        "replaced": translate("AuditFields", "replaced"),
        "role": translate("AuditFields", "role"),
        "note": translate("AuditFields", "note"),
        "body": translate("AuditFields", "text"),
        "why": translate("AuditFields", "why"),
        "marked": translate("AuditFields", "marked read"),
        "notifications": translate("AuditFields", "notifications"),
        "paused": translate("AuditFields", "paused"),
        "now": translate("AuditFields", "clock"),
        "stored_in": translate("AuditFields", "kept in"),
        "renewal_time": translate("AuditFields", "renewal time"),
        "reminder_days": translate("AuditFields", "reminder days"),
        "default_grace_days": translate("AuditFields", "default grace days"),
        "alert_threshold": translate("AuditFields", "alert threshold"),
        "retry_every_minutes": translate("AuditFields", "retry pass every (minutes)"),
        "backups_kept": translate("AuditFields", "daily backups kept"),
        "notifications.archive_days": translate("AuditFields", "notifications archived after (days)"),
        "remember_me_days": translate("AuditFields", '"Remember me" lasts (days)'),
        "demo": translate("AuditFields", "demo database"),
    }
    return labels.get(key) or key.replace("_", " ")


def known_word(word: str) -> str | None:
    """A status, role, job or queue word in the operator's language; None for a word it does not know."""
    code = word.replace(" ", "_")
    for text in (
        status_text,
        role_text,
        job_name_text,
        item_status_text,
        payment_status_text,
        customer_status_text,
        operation_text,
        error_class_text,
        strategy_text,
    ):
        shown = text(code)
        if shown not in (code, code.replace("_", " ")):
            return shown
    return None


# --- subscriptions and features -------------------------------------------------------------------


def event_text(event: str) -> str:
    """A subscription's event in its timeline."""
    translate = QCoreApplication.translate
    labels = {
        "subscribe": translate("SubscriptionEvents", "subscribed"),
        "resubscribe": translate("SubscriptionEvents", "subscribed again"),
        "renew": translate("SubscriptionEvents", "renewed"),
        "renewal_short": translate("SubscriptionEvents", "renewal short of funds"),
        "funds_arrived": translate("SubscriptionEvents", "funds arrived"),
        "grace_expired": translate("SubscriptionEvents", "grace days passed"),
        "cancel": translate("SubscriptionEvents", "canceled"),
        "reinstate": translate("SubscriptionEvents", "reinstated"),
        "resume_waiting": translate("SubscriptionEvents", "waiting for funds again"),
        "period_end": translate("SubscriptionEvents", "period ended"),
        "change_plan": translate("SubscriptionEvents", "plan changed"),
    }
    return labels.get(event) or event.replace("_", " ")


def feature_type_text(kind: str) -> str:
    translate = QCoreApplication.translate
    labels = {
        "boolean": translate("FeatureTypes", "on/off"),
        "quota": translate("FeatureTypes", "quota"),
        "rate": translate("FeatureTypes", "rate limit"),
        "usage": translate("FeatureTypes", "usage"),
    }
    return labels.get(kind) or kind


class Windows(QObject):
    """A rate limit's window ("hour", "15 minutes"): plural forms need ``tr()`` on a class."""

    def window(self, seconds: int) -> str:
        for size, one, many in (
            (86400, self.tr("day"), lambda n: self.tr("%n day(s)", "", n)),
            (3600, self.tr("hour"), lambda n: self.tr("%n hour(s)", "", n)),
            (60, self.tr("minute"), lambda n: self.tr("%n minute(s)", "", n)),
        ):
            if seconds == size:
                return one
            if seconds % size == 0:
                return many(seconds // size)
        return self.tr("%n second(s)", "", seconds)


_WINDOWS = Windows()


def window_text(seconds: int) -> str:
    return _WINDOWS.window(seconds)


def limit_text(usage: dict) -> str:
    """'20 000 calls / period', '60 exports / hour': a feature's limit, the unit as the plan names it."""
    translate = QCoreApplication.translate
    if usage.get("quota") is not None:
        return (
            translate("FeatureTypes", "%1 %2 / period")
            .replace("%1", number_text(usage["quota"]))
            .replace("%2", usage.get("unit") or "")
        )
    if usage.get("rate_limit") is not None:
        return (
            translate("FeatureTypes", "%1 %2 / %3")
            .replace("%1", number_text(usage["rate_limit"]))
            .replace("%2", usage.get("unit") or "")
            .replace("%3", window_text(usage["window_seconds"]))
        )
    return usage.get("limit") or ""


# --- the ledger -------------------------------------------------------------------------------------


def actor_text(actor: str) -> str:
    """Who did it: an operator's name as stored; the app's own actors in words."""
    translate = QCoreApplication.translate
    labels = {
        "system": translate("Actors", "system"),
        "demo": translate("Actors", "demo data"),
        "auto-topup": translate("Actors", "automatic top-up"),
    }
    return labels.get(actor) or actor


_NOTES = (
    (re.compile(r"card charge (\S+)"), "card charge %1"),
    (re.compile(r"to card, top-up #(\d+)"), "to card, top-up #%1"),
    (re.compile(r"owed on (\S+)"), "owed on %1"),
    (re.compile(r"(\S+) against (\S+)"), "%1 against %2"),
    (re.compile(r"refund refused: (.*)", re.DOTALL), "refund refused: %1"),
)


def ledger_note_text(note: str) -> str:
    """A ledger entry's note, written by the services in English, in the operator's words."""
    from ui.errors import stored_message_text

    for pattern, _english in _NOTES:
        found = pattern.fullmatch(note or "")
        if found is None:
            continue
        values = found.groups()
        text = _note_wording(_english)
        for number, value in enumerate(values, start=1):
            text = text.replace(f"%{number}", stored_message_text(value))
        return text
    return note or ""


def _note_wording(english: str) -> str:
    translate = QCoreApplication.translate
    wordings = {
        "card charge %1": translate("LedgerNotes", "card charge %1"),
        "to card, top-up #%1": translate("LedgerNotes", "to card, top-up #%1"),
        "owed on %1": translate("LedgerNotes", "owed on %1"),
        "%1 against %2": translate("LedgerNotes", "%1 against %2"),
        "refund refused: %1": translate("LedgerNotes", "refund refused: %1"),
    }
    return wordings[english]


def attempt_outcome_text(outcome: str) -> str:
    """How one attempt at an error item ended."""
    translate = QCoreApplication.translate
    labels = {
        "succeeded": translate("ErrorWords", "succeeded"),
        "failed": translate("ErrorWords", "failed"),
        "deferred": translate("ErrorWords", "deferred"),
        "unknown": translate("ErrorWords", "settled elsewhere"),
    }
    return labels.get(str(outcome)) or str(outcome)


def permission_text(action: str) -> str:
    """What a role may or may not do: the action as a verb ("refund top-ups and charges")."""
    translate = QCoreApplication.translate
    labels = {
        "customer.create": translate("Permissions", "create customers"),
        "customer.edit": translate("Permissions", "change customers"),
        "topup": translate("Permissions", "top up wallets"),
        "subscription.subscribe": translate("Permissions", "subscribe customers"),
        "subscription.cancel": translate("Permissions", "cancel subscriptions"),
        "subscription.reinstate": translate("Permissions", "reinstate subscriptions"),
        "subscription.change_plan": translate("Permissions", "change the plan of subscriptions"),
        "usage.record": translate("Permissions", "record usage"),
        "error.retry": translate("Permissions", "retry error items"),
        "error.cancel": translate("Permissions", "cancel scheduled retries"),
        "error.resolve": translate("Permissions", "resolve error items"),
        "error.escalate": translate("Permissions", "escalate error items"),
        "error.strategy": translate("Permissions", "change retry strategies"),
        "notification.read": translate("Permissions", "mark notifications read"),
        "scheduler.run": translate("Permissions", "run scheduler jobs"),
        "renewal.run": translate("Permissions", "run a renewal pass"),
        "notice.resend": translate("Permissions", "send customer notices again"),
        "refund": translate("Permissions", "refund"),
        "wallet.adjust": translate("Permissions", "adjust balances"),
        "plan.edit": translate("Permissions", "edit plans and features"),
        "operator.manage": translate("Permissions", "manage operators"),
        "settings.edit": translate("Permissions", "change settings"),
        "gateway.configure": translate("Permissions", "configure the gateway"),
        "scheduler.pause": translate("Permissions", "pause the scheduler"),
    }
    return labels.get(action) or action.replace(".", " ").replace("_", " ")
