"""Subscriptions as a SQL-paged table, the refusals of their moves and their detail in words."""

from __future__ import annotations

import html
from datetime import datetime, timedelta

from peewee import ModelSelect, fn
from PySide6.QtCore import QCoreApplication, QObject

from models.tables import Customer, Plan, Subscription
from services import lifecycle
from services.auth import Actor
from services.clock import Clock
from services.customers import customers_containing
from services.permissions import Rule, subscription_refusal
from services.subject_owners import CustomerRef
from services.table_queries import literal
from services.validation import row_id_in
from ui.customer_links import customer_anchor
from ui.errors import term_text
from ui.formatting import money_text, number_text
from ui.pages.roles import role_refusal_text
from ui.pages.wallets_models import id_search, when
from ui.pages.words import actor_text, event_text, feature_type_text, limit_text, price_text, status_text
from ui.sql_model import Column, PagedQueryModel
from ui.tasks import TaskRunner

# Sorts subscriptions that never waited for funds before every one that did.
NEVER = datetime(1970, 1, 1)
NEVER_TEXT = "1970-01-01 00:00:00"  # NEVER as the sort key's index holds it (models.migrations)
RENEWS_SOON = timedelta(days=7)


class SubscriptionsTableModel(PagedQueryModel):
    id_field = Subscription.id

    def __init__(self, runner: TaskRunner, clock: Clock, parent: QObject | None = None):
        self.clock = clock
        self.columns = [
            Column("id", self.tr("ID"), Subscription.id, numeric=True),
            Column("customer_name", self.tr("Customer"), (Customer.name, Customer.id)),
            Column("plan_code", self.tr("Plan"), Plan.code),
            Column("status", self.tr("Status"), Subscription.status, format=lambda r: status_text(r["status"])),
            Column(
                "auto_renew",
                self.tr("Auto-renew"),
                Subscription.auto_renew,
                format=lambda r: self.tr("yes") if r["auto_renew"] else self.tr("no"),
            ),
            Column(
                "period_end", self.tr("Period end"), Subscription.period_end, format=lambda r: when(r["period_end"])
            ),
            Column(
                "pending_since",
                self.tr("Pending since"),
                fn.COALESCE(Subscription.pending_since, literal(NEVER_TEXT)),
                format=lambda r: when(r["pending_since"]),
            ),
            Column("price_minor", self.tr("Price"), (Plan.price_minor, Plan.id), numeric=True, format=price_text),
        ]
        super().__init__(runner, parent)

    def base_query(self) -> ModelSelect[Subscription]:
        query = (
            Subscription.select(
                Subscription.id,
                Subscription.status,
                Subscription.auto_renew,
                Subscription.period_start,
                Subscription.period_end,
                Subscription.pending_since,
                Subscription.wallet,
                Customer.id.alias("customer_id"),
                Customer.name.alias("customer_name"),
                Customer.email.alias("customer_email"),
                Plan.id.alias("plan_id"),
                Plan.code.alias("plan_code"),
                Plan.price_minor,
                Plan.currency,
                Plan.interval_unit,
                Plan.interval_count,
                Plan.grace_days,
            )
            .join(Customer, on=(Subscription.customer == Customer.id))
            .switch(Subscription)
            .join(Plan, on=(Subscription.plan == Plan.id))
        )
        text = (self.filters.get("search") or "").strip()
        if text.startswith("#"):
            query = query.where(Subscription.id == (id_search(text) or 0))
        elif text:
            # "+ 0": the customers found are a list to test each row against in the table's own order, not an
            # index to read subscriptions from (which sorted every subscription of a common name first).
            condition = (Subscription.customer + 0).in_(customers_containing(text))
            typed_id = row_id_in(text)
            if typed_id is not None:
                condition = condition | (Subscription.id == typed_id)
            query = query.where(condition)
        status = self.filters.get("status")
        if status:
            query = query.where(Subscription.status == status)
        plan_id = self.filters.get("plan")
        if plan_id:
            query = query.where(Subscription.plan == plan_id)
        if self.filters.get("renews_soon"):
            now = self.clock.now()
            query = query.where(
                (Subscription.status == lifecycle.ACTIVE)
                & (Subscription.auto_renew == True)  # noqa: E712
                & (Subscription.period_end > now)
                & (Subscription.period_end <= now + RENEWS_SOON)
            )
        return query


# --- what the actions may do in each state -------------------------------------------------


def subscription_state(record: dict) -> lifecycle.SubscriptionState:
    """What the lifecycle's move rules read of a table row."""
    return lifecycle.SubscriptionState(
        record["status"], record["period_end"], record.get("pending_since"), record["grace_days"]
    )


def grace_deadline(record: dict) -> datetime | None:
    """When a subscription that waits (or waited, before it was canceled) for funds ends unpaid."""
    return subscription_state(record).grace_deadline


def waited_for_funds(record: dict) -> bool:
    """Canceled while its renewal was waiting for funds: it ends at the grace deadline, not the period end."""
    return subscription_state(record).waited_for_funds


def move_refusal(actor: Actor, move: str, record: dict, now: datetime) -> str | None:
    """Why ``actor`` may not make this state machine move for the selected row, in words, or None."""
    refusal = subscription_refusal(actor, move, subscription_state(record), now)
    if refusal is None:
        return None
    translate = QCoreApplication.translate
    status = record["status"]
    if refusal.rule is Rule.ROLE:
        return role_refusal_text(actor.role, refusal)
    if refusal.rule is lifecycle.Blocked.GRACE_PASSED:
        return translate(
            "SubscriptionsPage",
            "It was canceled while waiting for funds and its grace days "
            "have passed; subscribe the customer again instead.",
        )
    if refusal.rule is lifecycle.Blocked.PERIOD_ENDED:
        return translate("SubscriptionsPage", "The paid period has ended; subscribe the customer again instead.")
    if move == lifecycle.CANCEL:
        return translate(
            "SubscriptionsPage", "Only an active subscription or one waiting for funds can be canceled; this one is %s."
        ) % status_text(status)
    if move == lifecycle.CHANGE_PLAN:
        return translate("SubscriptionsPage", "Only an active subscription can be %s; this one is %s.") % (
            translate("SubscriptionsPage", "moved to another plan"),
            status_text(status),
        )
    return translate(
        "SubscriptionsPage", "Only a canceled subscription can be reinstated; this one is %s."
    ) % status_text(status)


# --- the detail pane ----------------------------------------------------------------------


def _table(headers: list[str], rows: list[list[str]], empty: str) -> str:
    if not rows:
        return f"<p style='color:gray'>{html.escape(empty)}</p>"
    head = "".join(f"<th align='left'>{html.escape(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    return f"<table cellspacing='0' cellpadding='3' width='100%'><tr>{head}</tr>{body}</table>"


def render_subscription(d: dict) -> str:
    translate = QCoreApplication.translate
    s, p, c, w = d["subscription"], d["plan"], d["customer"], d["wallet"]
    currency = p["currency"]

    def cash(minor: int) -> str:
        return money_text(minor, currency)

    granted, why = d["access"]
    title, auto_renew = translate("SubscriptionsPage", "Subscription"), translate("SubscriptionsPage", "auto-renew")
    on_off = translate("SubscriptionsPage", "on") if s["auto_renew"] else translate("SubscriptionsPage", "off")
    period, pending = translate("SubscriptionsPage", "period"), translate("SubscriptionsPage", "pending since")
    features = translate("SubscriptionsPage", "Features")
    access = translate("SubscriptionsPage", "granted") if granted else translate("SubscriptionsPage", "not granted")
    grace, days = translate("SubscriptionsPage", "grace"), translate("SubscriptionsPage", "days")
    customer, wallet = translate("SubscriptionsPage", "Customer"), translate("SubscriptionsPage", "wallet")
    balance, off = translate("SubscriptionsPage", "balance"), translate("SubscriptionsPage", "off")
    parts = [
        f"<h2>{title} #{s['id']} · {html.escape(p['name'])} ({html.escape(p['code'])})</h2>",
        f"<p><b>{html.escape(status_text(s['status']))}</b> · {auto_renew} "
        f"{on_off} · {period} {when(s['period_start'])} → "
        f"{when(s['period_end'])}"
        + (f" · {pending} {when(s['pending_since'])}" if s["pending_since"] else "")
        + "</p>",
        f"<p>{features}: {access} ({html.escape(term_text(why))}) · "
        f"{grace} {p['grace_days']} {days} · {price_text(p)}</p>",
        f"<p>{customer}: <b>{customer_anchor(CustomerRef(c['id'], c['name']))}</b> &lt;{html.escape(c['email'])}&gt; · "
        f"{wallet} {balance} "
        f"<b>{money_text(w['balance_minor'], w['currency'])}</b></p>",
    ]
    parts.append("<h3>" + translate("SubscriptionsPage", "Usage this period") + "</h3>")
    charged = any(u["charge_minor"] for u in d["usage"])
    usage = [
        [
            html.escape(u["name"]) + ("" if u["enabled"] else f" <i>({off})</i>"),
            html.escape(feature_type_text(u["type"])),
            number_text(u["used"]),
            html.escape(limit_text(u)),
            "" if u["remaining"] is None else number_text(u["remaining"]),
        ]
        + ([cash(u["charge_minor"]) if u["charge_minor"] else ""] if charged else [])
        for u in d["usage"]
    ]
    headers = [
        translate("SubscriptionsPage", "Feature"),
        translate("SubscriptionsPage", "Type"),
        translate("SubscriptionsPage", "Used"),
        translate("SubscriptionsPage", "Limit"),
        translate("SubscriptionsPage", "Left"),
    ]
    if charged:
        headers.append(translate("SubscriptionsPage", "Charge so far"))
    parts.append(_table(headers, usage, translate("SubscriptionsPage", "The plan grants no features.")))
    parts.append("<h3>" + translate("SubscriptionsPage", "Timeline") + "</h3>")
    events = [
        [
            when(e["created_at"]),
            html.escape(
                f"{status_text(e['from_status']) if e['from_status'] else '—'} → {status_text(e['to_status'])}"
            ),
            html.escape(event_text(e["event"])),
            html.escape(e["reason"] or ""),
            html.escape(actor_text(e["actor"])),
        ]
        for e in d["events"]
    ]
    parts.append(
        _table(
            [
                translate("SubscriptionsPage", "Time"),
                translate("SubscriptionsPage", "From → to"),
                translate("SubscriptionsPage", "Event"),
                translate("SubscriptionsPage", "Reason"),
                translate("SubscriptionsPage", "Actor"),
            ],
            events,
            translate("SubscriptionsPage", "No events."),
        )
    )
    parts.append("<h3>" + translate("SubscriptionsPage", "Charges") + "</h3>")
    charges = [
        [
            f"{when(ch['period_start'], False)} → {when(ch['period_end'], False)}",
            cash(ch["plan_minor"]),
            cash(ch["usage_minor"]),
            f"#{ch['ledger_entry']}" if ch["ledger_entry"] else "",
            cash(ch["refunded_minor"]) if ch["refunded_minor"] else "",
        ]
        for ch in d["charges"]
    ]
    parts.append(
        _table(
            [
                translate("SubscriptionsPage", "Period"),
                translate("SubscriptionsPage", "Plan"),
                translate("SubscriptionsPage", "Usage"),
                translate("SubscriptionsPage", "Ledger entry"),
                translate("SubscriptionsPage", "Refunded"),
            ],
            charges,
            translate("SubscriptionsPage", "No charges."),
        )
    )
    return "".join(parts)
