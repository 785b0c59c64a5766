"""Subscriptions as a SQL-paged table, and what the subscriptions page loads off the GUI thread."""

from __future__ import annotations

import html
from datetime import datetime, timedelta

from peewee import fn
from PySide6.QtCore import QCoreApplication

from models.tables import (
    Customer,
    Feature,
    Plan,
    PlanFeature,
    Refund,
    Subscription,
    SubscriptionCharge,
    SubscriptionEvent,
    UsageCounter,
    Wallet,
)
from services import lifecycle
from services.catalogue import terms_of, units, window_text
from services.customers import like_text
from services.money import format_minor
from services.pricing import usage_charge_minor
from ui.pages.wallets_models import id_search, row_id, when
from ui.pages.words import price_text, status_text
from ui.sql_model import Column, PagedQueryModel

# Sorts subscriptions that never waited for funds before every one that did.
NEVER = datetime(1970, 1, 1)
RENEWS_SOON = timedelta(days=7)


class SubscriptionsTableModel(PagedQueryModel):
    id_field = Subscription.id

    def __init__(self, runner, clock, parent=None):
        self.clock = clock
        self.columns = [
            Column("id", self.tr("ID"), Subscription.id, numeric=True),
            Column("customer_name", self.tr("Customer"), Customer.name),
            Column("plan_code", self.tr("Plan"), Plan.code),
            Column("status", self.tr("Status"), Subscription.status,
                   format=lambda r: status_text(r["status"])),
            Column("auto_renew", self.tr("Auto-renew"), Subscription.auto_renew,
                   format=lambda r: self.tr("yes") if r["auto_renew"] else self.tr("no")),
            Column("period_end", self.tr("Period end"), Subscription.period_end,
                   format=lambda r: when(r["period_end"])),
            Column("pending_since", self.tr("Pending since"), fn.COALESCE(Subscription.pending_since, NEVER),
                   format=lambda r: when(r["pending_since"])),
            Column("price_minor", self.tr("Price"), Plan.price_minor, numeric=True, format=price_text),
        ]
        super().__init__(runner, parent)

    def base_query(self):
        query = (Subscription.select(Subscription.id, Subscription.status, Subscription.auto_renew,
                                     Subscription.period_start, Subscription.period_end, Subscription.pending_since,
                                     Subscription.wallet, Customer.id.alias("customer_id"),
                                     Customer.name.alias("customer_name"), Customer.email.alias("customer_email"),
                                     Plan.id.alias("plan_id"), Plan.code.alias("plan_code"), Plan.price_minor,
                                     Plan.currency, Plan.interval_unit, Plan.interval_count, Plan.grace_days)
                 .join(Customer, on=(Subscription.customer == Customer.id))
                 .switch(Subscription).join(Plan, on=(Subscription.plan == Plan.id)))
        text = (self.filters.get("search") or "").strip()
        if text.startswith("#"):
            query = query.where(Subscription.id == (id_search(text) or 0))
        elif text:
            needle = text.lower()
            condition = like_text(fn.LOWER(Customer.name), needle) | like_text(fn.LOWER(Customer.email), needle)
            if row_id(text) is not None:
                condition = condition | (Subscription.id == row_id(text))
            query = query.where(condition)
        status = self.filters.get("status")
        if status:
            query = query.where(Subscription.status == status)
        plan_id = self.filters.get("plan")
        if plan_id:
            query = query.where(Subscription.plan == plan_id)
        if self.filters.get("renews_soon"):
            now = self.clock.now()
            query = query.where((Subscription.status == lifecycle.ACTIVE) & (Subscription.auto_renew == True)  # noqa: E712
                                & (Subscription.period_end > now) & (Subscription.period_end <= now + RENEWS_SOON))
        return query


# --- what the actions may do in each state -------------------------------------------------


def grace_deadline(record: dict) -> datetime | None:
    """When a subscription that waits (or waited, before it was canceled) for funds ends unpaid."""
    if record.get("pending_since") is None:
        return None
    return record["pending_since"] + timedelta(days=record["grace_days"])


def waited_for_funds(record: dict) -> bool:
    """Canceled while its renewal was waiting for funds: it ends at the grace deadline, not the period end."""
    return record["status"] == lifecycle.CANCELED and record.get("pending_since") is not None


def move_refusal(action: str, record: dict, now: datetime) -> str | None:
    """Why this state machine move is not possible for the selected row, or None."""
    translate = QCoreApplication.translate
    status = record["status"]
    if action == "cancel" and status not in (lifecycle.ACTIVE, lifecycle.PENDING):
        return translate("SubscriptionsPage", "Only an active subscription or one waiting for funds can be "
                                              "canceled; this one is %s.") % status_text(status)
    if action == "change_plan" and status != lifecycle.ACTIVE:
        return translate("SubscriptionsPage", "Only an active subscription can be %s; this one is %s.") % (
            translate("SubscriptionsPage", "moved to another plan"), status_text(status))
    if action == "reinstate":
        if status != lifecycle.CANCELED:
            return translate("SubscriptionsPage", "Only a canceled subscription can be reinstated; this one is %s."
                             ) % status_text(status)
        if waited_for_funds(record):
            if grace_deadline(record) <= now:
                return translate("SubscriptionsPage", "It was canceled while waiting for funds and its grace days "
                                                      "have passed; subscribe the customer again instead.")
        elif record["period_end"] <= now:
            return translate("SubscriptionsPage", "The paid period has ended; subscribe the customer again instead.")
    return None


# --- loaded on the worker -----------------------------------------------------------------


def load_plan_choices() -> list[tuple[int, str]]:
    return [(row.id, f"{row.name} ({row.code})") for row in Plan.select(Plan.id, Plan.code, Plan.name)
            .order_by(Plan.code)]


def _usage_rows(sub: Subscription, plan: Plan) -> list[dict]:
    used = dict(UsageCounter.select(UsageCounter.feature, UsageCounter.used)
                .where((UsageCounter.subscription == sub.id) & (UsageCounter.period_start == sub.usage_since))
                .tuples())
    rows = []
    for pf in (PlanFeature.select(PlanFeature, Feature).join(Feature)
               .where(PlanFeature.plan == plan.id).order_by(Feature.code)):
        feature = pf.feature
        count = used.get(feature.id, 0)
        if feature.type == "quota":
            limit = units(pf.quota, feature.unit) + " / period"
            remaining = max(0, pf.quota - count)
        elif feature.type == "rate":
            limit = f"{units(pf.rate_limit, feature.unit)} / {window_text(pf.rate_window_seconds)}"
            remaining = None
        else:
            limit, remaining = "", None
        rows.append({"code": feature.code, "name": feature.name, "type": feature.type, "unit": feature.unit,
                     "enabled": bool(pf.enabled), "used": count, "limit": limit, "remaining": remaining,
                     "charge_minor": usage_charge_minor(terms_of(pf), count)})
    return rows


def load_subscription_detail(subscription_id: int, now: datetime) -> dict:
    sub = Subscription.get_by_id(subscription_id)
    plan = Plan.get_by_id(sub.plan_id)
    customer = Customer.get_by_id(sub.customer_id)
    wallet = Wallet.get_by_id(sub.wallet_id)
    events = list(SubscriptionEvent.select().where(SubscriptionEvent.subscription == sub.id)
                  .order_by(SubscriptionEvent.id.desc()).limit(50).dicts())
    refunded = Refund.select(fn.COALESCE(fn.SUM(Refund.amount_minor), 0)).where(
        (Refund.ledger_entry == SubscriptionCharge.ledger_entry) & (Refund.status == "succeeded"))
    charges = list(SubscriptionCharge.select(SubscriptionCharge.id, SubscriptionCharge.period_start,
                                             SubscriptionCharge.period_end, SubscriptionCharge.plan_minor,
                                             SubscriptionCharge.usage_minor, SubscriptionCharge.ledger_entry,
                                             SubscriptionCharge.created_at, refunded.alias("refunded_minor"))
                   .where(SubscriptionCharge.subscription == sub.id)
                   .order_by(SubscriptionCharge.period_start.desc()).limit(24).dicts())
    granted, why = lifecycle.grants_access(sub.status, sub.period_end, now, plan.access_in_grace)
    return {"subscription": {"id": sub.id, "status": sub.status, "auto_renew": sub.auto_renew,
                             "period_start": sub.period_start, "period_end": sub.period_end,
                             "pending_since": sub.pending_since, "created_at": sub.created_at},
            "plan": {"code": plan.code, "name": plan.name, "price_minor": plan.price_minor,
                     "currency": plan.currency, "interval_unit": plan.interval_unit,
                     "interval_count": plan.interval_count, "grace_days": plan.grace_days},
            "customer": {"id": customer.id, "name": customer.name, "email": customer.email},
            "wallet": {"id": wallet.id, "balance_minor": wallet.balance_minor, "currency": wallet.currency},
            "access": (granted, why), "events": events, "charges": charges, "usage": _usage_rows(sub, plan)}


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

    def cash(minor):
        return format_minor(minor, currency, symbol=True)

    granted, why = d["access"]
    title, auto_renew = translate("SubscriptionsPage", "Subscription"), translate("SubscriptionsPage", "auto-renew")
    on_off = translate("SubscriptionsPage", "on") if s["auto_renew"] else translate("SubscriptionsPage", "off")
    period, pending = translate("SubscriptionsPage", "period"), translate("SubscriptionsPage", "pending since")
    features = translate("SubscriptionsPage", "Features")
    access = (translate("SubscriptionsPage", "granted") if granted
              else translate("SubscriptionsPage", "not granted"))
    grace, days = translate("SubscriptionsPage", "grace"), translate("SubscriptionsPage", "days")
    customer, wallet = translate("SubscriptionsPage", "Customer"), translate("SubscriptionsPage", "wallet")
    balance, off = translate("SubscriptionsPage", "balance"), translate("SubscriptionsPage", "off")
    parts = [f"<h2>{title} #{s['id']} · {html.escape(p['name'])} ({html.escape(p['code'])})</h2>",
             f"<p><b>{html.escape(status_text(s['status']))}</b> · {auto_renew} "
             f"{on_off} · {period} {when(s['period_start'])} → "
             f"{when(s['period_end'])}"
             + (f" · {pending} {when(s['pending_since'])}" if s["pending_since"] else "") + "</p>",
             f"<p>{features}: {access} "
             f"({html.escape(why)}) · {grace} {p['grace_days']} {days} · "
             f"{price_text(p)}</p>",
             f"<p>{customer}: <b>{html.escape(c['name'])}</b> &lt;{html.escape(c['email'])}&gt; #{c['id']} · "
             f"{wallet} #{w['id']} {balance} "
             f"<b>{format_minor(w['balance_minor'], w['currency'], symbol=True)}</b></p>"]
    parts.append("<h3>" + translate("SubscriptionsPage", "Usage this period") + "</h3>")
    charged = any(u["charge_minor"] for u in d["usage"])
    usage = [[html.escape(u["name"]) + ("" if u["enabled"] else f" <i>({off})</i>"), html.escape(u["type"]),
              f"{u['used']:,}", html.escape(u["limit"]),
              "" if u["remaining"] is None else f"{u['remaining']:,}"]
             + ([cash(u["charge_minor"]) if u["charge_minor"] else ""] if charged else []) for u in d["usage"]]
    headers = [translate("SubscriptionsPage", "Feature"), translate("SubscriptionsPage", "Type"),
               translate("SubscriptionsPage", "Used"), translate("SubscriptionsPage", "Limit"),
               translate("SubscriptionsPage", "Left")]
    if charged:
        headers.append(translate("SubscriptionsPage", "Charge so far"))
    parts.append(_table(headers, usage, translate("SubscriptionsPage", "The plan grants no features.")))
    parts.append("<h3>" + translate("SubscriptionsPage", "Timeline") + "</h3>")
    events = [[when(e["created_at"]),
               html.escape(f"{status_text(e['from_status']) if e['from_status'] else '—'} → "
                           f"{status_text(e['to_status'])}"),
               html.escape(e["event"].replace("_", " ")), html.escape(e["reason"] or ""), html.escape(e["actor"])]
              for e in d["events"]]
    parts.append(_table([translate("SubscriptionsPage", "Time"), translate("SubscriptionsPage", "From → to"),
                         translate("SubscriptionsPage", "Event"), translate("SubscriptionsPage", "Reason"),
                         translate("SubscriptionsPage", "Actor")], events,
                        translate("SubscriptionsPage", "No events.")))
    parts.append("<h3>" + translate("SubscriptionsPage", "Charges") + "</h3>")
    charges = [[f"{when(ch['period_start'], False)} → {when(ch['period_end'], False)}", cash(ch["plan_minor"]),
                cash(ch["usage_minor"]), f"#{ch['ledger_entry']}" if ch["ledger_entry"] else "",
                cash(ch["refunded_minor"]) if ch["refunded_minor"] else ""] for ch in d["charges"]]
    parts.append(_table([translate("SubscriptionsPage", "Period"), translate("SubscriptionsPage", "Plan"),
                         translate("SubscriptionsPage", "Usage"), translate("SubscriptionsPage", "Ledger entry"),
                         translate("SubscriptionsPage", "Refunded")], charges,
                        translate("SubscriptionsPage", "No charges.")))
    return "".join(parts)


def load_change_plan_options(subscription_id: int) -> dict:
    sub = Subscription.get_by_id(subscription_id)
    plan = Plan.get_by_id(sub.plan_id)
    wallet = Wallet.get_by_id(sub.wallet_id)
    plans = [{"code": p.code, "name": p.name, "price_minor": p.price_minor, "interval_unit": p.interval_unit,
              "interval_count": p.interval_count, "currency": p.currency}
             for p in Plan.select().where((Plan.active == True) & (Plan.currency == plan.currency)  # noqa: E712
                                          & (Plan.id != plan.id)).order_by(Plan.price_minor, Plan.code)]
    return {"plan": {"code": plan.code, "name": plan.name, "price_minor": plan.price_minor},
            "currency": plan.currency, "balance_minor": wallet.balance_minor, "plans": plans}


def load_usage_options(subscription_id: int) -> dict:
    sub = Subscription.get_by_id(subscription_id)
    plan = Plan.get_by_id(sub.plan_id)
    return {"plan": plan.code, "features": [u for u in _usage_rows(sub, plan) if u["type"] != "boolean"]}
