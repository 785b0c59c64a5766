"""Usage billing: what the metered usage of a period costs, as invoice lines priced by the plan in force."""

from __future__ import annotations

from datetime import datetime

from models.rows import tuples
from models.tables import Feature, PlanFeature, UsageCounter
from services.catalogue import terms_of, units
from services.invoices import Line
from services.pricing import PriceTerms, usage_charge_minor

# Two bound parameters per item stays under SQLite's oldest variable limit (999).
_BATCH = 400

# (subscription id, plan id, start of the usage segment)
Segment = tuple[int, int, datetime]


def period_usage_minor(items: list[Segment]) -> dict[int, int]:
    """What the usage of the given (subscription, plan, segment start) segments costs, per subscription."""
    return {sub_id: sum(line.amount_minor for line in lines) for sub_id, lines in period_usage_lines(items).items()}


def period_usage_lines(items: list[Segment]) -> dict[int, list[Line]]:
    """Invoice lines for the usage of the given (subscription, plan, segment start) segments.

    One line per priced feature used in the segment, priced by the given plan
    (the plan in force during the segment). One query for the priced plan
    features plus one per 400 items, however many usage records there are.
    """
    items = list(items)
    if not items:
        return {}
    terms: dict[tuple[int, int], tuple[PriceTerms, Feature]] = {}
    for row in (
        PlanFeature.select(PlanFeature, Feature)
        .join(Feature)
        .where(PlanFeature.plan.in_({plan_id for _, plan_id, _ in items}), PlanFeature.pricing != "none")
    ):
        terms[(row.plan_id, row.feature_id)] = (terms_of(row), row.feature)
    if not terms:
        return {}
    lines: dict[int, list[Line]] = {}
    for offset in range(0, len(items), _BATCH):
        chunk = items[offset : offset + _BATCH]
        segment_of = {(sub_id, start): plan_id for sub_id, plan_id, start in chunk}
        counters = tuples(
            UsageCounter.select(
                UsageCounter.subscription, UsageCounter.feature, UsageCounter.period_start, UsageCounter.used
            )
            .where(
                UsageCounter.subscription.in_({sub_id for sub_id, _, _ in chunk}),
                UsageCounter.period_start.in_({start for _, _, start in chunk}),
                UsageCounter.used > 0,
            )
            .order_by(UsageCounter.subscription, UsageCounter.feature)
        )
        for sub_id, feature_id, start, used in counters:
            plan_id = segment_of.get((sub_id, start))
            if plan_id is None:  # the start of another subscription's segment in this chunk
                continue
            priced = terms.get((plan_id, feature_id))
            if priced is None:
                continue
            price, feature = priced
            lines.setdefault(sub_id, []).append(
                Line(
                    "usage",
                    f"{feature.name}: {units(used, feature.unit)}",
                    usage_charge_minor(price, used),
                    quantity=used,
                    plan_id=plan_id,
                    feature_id=feature_id,
                    pricing=price.pricing,
                    period_start=start,
                )
            )
    return lines
