"""Plans and their plan features as SQL-paged tables; how usage pricing and a plan read in words."""

from __future__ import annotations

import html

from peewee import Function, ModelSelect, fn
from PySide6.QtCore import QCoreApplication, QObject

from models.tables import Feature, Plan, PlanFeature, Subscription
from services.catalogue import units
from services.pricing import PriceTerms, parse_tiers
from services.subscriptions import OPEN_STATUSES
from services.table_queries import contains_text
from ui.formatting import money_text, number_text
from ui.pages.wallets_models import id_search, when
from ui.pages.words import feature_type_text, interval_text, price_text, status_text
from ui.pages.words import limit_text as words_limit_text
from ui.sql_model import Column, PagedQueryModel
from ui.tasks import TaskRunner


def yes_no(value) -> str:
    return QCoreApplication.translate("PlansPage", "yes") if value else QCoreApplication.translate("PlansPage", "no")


def _subscribers() -> Function:
    """Open subscriptions of the plan in the outer query (plans are few, so a count per row is cheap)."""
    sub = Subscription.alias("open_sub")
    return fn.COALESCE(sub.select(fn.COUNT(sub.id)).where((sub.plan == Plan.id) & sub.status.in_(OPEN_STATUSES)), 0)


class PlansTableModel(PagedQueryModel):
    id_field = Plan.id

    def __init__(self, runner: TaskRunner, parent: QObject | None = None):
        self.columns = [
            Column("code", self.tr("Code"), Plan.code),
            Column("name", self.tr("Name"), Plan.name),
            Column(
                "price_minor",
                self.tr("Price"),
                Plan.price_minor,
                numeric=True,
                format=lambda r: money_text(r["price_minor"], r["currency"]),
            ),
            Column("interval", self.tr("Interval"), Plan.interval_unit, format=interval_text),
            Column("grace_days", self.tr("Grace days"), Plan.grace_days, numeric=True),
            Column(
                "access_in_grace",
                self.tr("Access in grace"),
                Plan.access_in_grace,
                format=lambda r: yes_no(r["access_in_grace"]),
            ),
            Column("active", self.tr("Active"), Plan.active, format=lambda r: yes_no(r["active"])),
            Column(
                "subscribers",
                self.tr("Subscribers"),
                _subscribers(),
                numeric=True,
                format=lambda r: number_text(r["subscribers"]),
            ),
        ]
        super().__init__(runner, parent)

    def base_query(self) -> ModelSelect[Plan]:
        query = Plan.select(
            Plan.id,
            Plan.code,
            Plan.name,
            Plan.price_minor,
            Plan.currency,
            Plan.interval_unit,
            Plan.interval_count,
            Plan.grace_days,
            Plan.access_in_grace,
            Plan.active,
            _subscribers().alias("subscribers"),
        )
        text = (self.filters.get("search") or "").strip()
        if text.startswith("#"):
            query = query.where(Plan.id == (id_search(text) or 0))
        elif text:
            query = query.where(contains_text(Plan.code, text) | contains_text(Plan.name, text))
        active = self.filters.get("active")
        if active is not None:
            query = query.where(Plan.active == active)
        return query


def record_terms(record: dict) -> PriceTerms:
    return PriceTerms(
        record["pricing"],
        record["included"] or 0,
        record["unit_price_minor"] or 0,
        parse_tiers(record["tiers"]),
        record["package_size"],
        record["package_price_minor"] or 0,
    )


def pricing_summary(terms: PriceTerms, currency: str, unit: str) -> str:
    """Usage pricing in words, e.g. 'tiered: up to 1,000 at $0.04, up to 10,000 at $0.03, then $0.02'."""
    translate = QCoreApplication.translate

    def cash(minor: int) -> str:
        return money_text(minor, currency)

    if terms.pricing == "none":
        return translate("PlansPage", "not charged")
    if terms.pricing == "flat":
        text = translate("PlansPage", "%s per %s") % (cash(terms.unit_price_minor), unit)
    elif terms.pricing == "package":
        text = translate("PlansPage", "%s per started package of %s") % (
            cash(terms.package_price_minor),
            units(terms.package_size or 0, unit),
        )
    else:
        steps = []
        for up_to, price in terms.tiers:
            steps.append(
                translate("PlansPage", "then %s") % cash(price)
                if up_to is None
                else translate("PlansPage", "up to %s at %s") % (number_text(up_to), cash(price))
            )
        model = translate("PlansPage", "tiered") if terms.pricing == "tiered" else translate("PlansPage", "volume")
        text = f"{model}: " + ", ".join(steps)
    if terms.included:
        text += translate("PlansPage", ", after %s included") % units(terms.included, unit)
    return text


def limit_text(record: dict) -> str:
    if record["rate_limit"] is None:
        return ""
    return words_limit_text(
        {"rate_limit": record["rate_limit"], "unit": record["unit"], "window_seconds": record["rate_window_seconds"]}
    )


class PlanFeaturesTableModel(PagedQueryModel):
    """The features one plan grants; ``filters['plan_id']`` picks the plan."""

    id_field = PlanFeature.id

    def __init__(self, runner: TaskRunner, parent: QObject | None = None):
        self.columns = [
            Column(
                "feature_code",
                self.tr("Feature"),
                Feature.code,
                format=lambda r: f"{r['feature_name']} ({r['feature_code']})",
            ),
            Column("type", self.tr("Type"), Feature.type, format=lambda r: feature_type_text(r["type"])),
            Column("enabled", self.tr("Enabled"), PlanFeature.enabled, format=lambda r: yes_no(r["enabled"])),
            Column(
                "quota",
                self.tr("Quota"),
                fn.COALESCE(PlanFeature.quota, -1),
                numeric=True,
                format=lambda r: "" if r["quota"] is None else number_text(r["quota"]),
            ),
            Column("rate_limit", self.tr("Rate limit"), fn.COALESCE(PlanFeature.rate_limit, -1), format=limit_text),
            Column(
                "included",
                self.tr("Included"),
                PlanFeature.included,
                numeric=True,
                format=lambda r: number_text(r["included"]) if r["included"] else "",
            ),
            Column(
                "pricing",
                self.tr("Pricing"),
                PlanFeature.pricing,
                format=lambda r: (
                    "" if r["type"] == "boolean" else pricing_summary(record_terms(r), r["currency"], r["unit"])
                ),
            ),
        ]
        super().__init__(runner, parent)

    def base_query(self) -> ModelSelect[PlanFeature]:
        return (
            PlanFeature.select(
                PlanFeature.id,
                PlanFeature.enabled,
                PlanFeature.quota,
                PlanFeature.rate_limit,
                PlanFeature.rate_window_seconds,
                PlanFeature.included,
                PlanFeature.pricing,
                PlanFeature.unit_price_minor,
                PlanFeature.tiers,
                PlanFeature.package_size,
                PlanFeature.package_price_minor,
                Feature.code.alias("feature_code"),
                Feature.name.alias("feature_name"),
                Feature.type,
                Feature.unit,
                Plan.currency,
            )
            .join(Feature, on=(PlanFeature.feature == Feature.id))
            .switch(PlanFeature)
            .join(Plan, on=(PlanFeature.plan == Plan.id))
            .where(PlanFeature.plan == (self.filters.get("plan_id") or 0))
        )


# --- the detail pane ---------------------------------------------------------------------


def render_plan(d: dict) -> str:
    translate = QCoreApplication.translate
    counts = ", ".join(f"{status_text(status)} {number_text(count)}" for status, count in sorted(d["counts"].items()))
    grace = (
        translate("PlansPage", "features stay on during grace")
        if d["access_in_grace"]
        else translate("PlansPage", "features are off while a renewal waits for funds")
    )
    state = (
        translate("PlansPage", "active")
        if d["active"]
        else translate("PlansPage", "retired: takes no new subscriptions")
    )
    grace_label, days = translate("PlansPage", "Grace"), translate("PlansPage", "days")
    subscriptions, none = translate("PlansPage", "Subscriptions"), translate("PlansPage", "none")
    created = translate("PlansPage", "created")
    below = translate("PlansPage", "Its features and their pricing are listed below.")
    return (
        f"<h2>{html.escape(d['name'])} ({html.escape(d['code'])})</h2>"
        f"<p><b>{price_text(d)}</b> · {state}"
        f"</p><p>{grace_label}: {d['grace_days']} {days}; {grace}.</p>"
        f"<p>{subscriptions}: {html.escape(counts) or none}</p>"
        f"<p style='color:gray'>{created} {when(d['created_at'], False)} · {below}</p>"
    )
