"""Usage billing: what the metered usage of a period costs, as invoice lines priced by the plan in force."""

from __future__ import annotations

import sqlite3
from datetime import datetime

from models.db import database, is_sqlite
from models.tables import Feature, PlanFeature
from services.catalogue import terms_of, units
from services.invoices import Line
from services.pricing import PriceTerms, usage_charge_minor

# (subscription id, plan id, start of the usage segment)
Segment = tuple[int, int, datetime]

# Bound parameters per statement: SQLite's own limit (asked of the connection), PostgreSQL's 65,535.
_SQLITE_OLDEST_LIMIT = 999
_POSTGRES_LIMIT = 65_535


def _segments_per_query() -> int:
    """How many segments one query joins (three parameters each), under the engine's limit."""
    if not is_sqlite():
        return _POSTGRES_LIMIT // 3
    connection = database.connection()
    try:
        limit = connection.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
    except (AttributeError, sqlite3.Error):
        limit = _SQLITE_OLDEST_LIMIT
    return max(1, limit // 3)


def period_usage_minor(items: list[Segment]) -> dict[int, int]:
    """What the usage of the given (subscription, plan, segment start) segments costs, per subscription."""
    return {sub_id: sum(line.amount_minor for line in lines) for sub_id, lines in period_usage_lines(items).items()}


def period_usage_lines(items: list[Segment]) -> dict[int, list[Line]]:
    """Invoice lines for the usage of the given (subscription, plan, segment start) segments.

    One line per priced feature used in the segment, priced by the given plan
    (the plan in force during the segment). One query for the priced plan
    features plus one join of the segments (a ``VALUES`` list) to their counters,
    however many usage records there are: a renewal batch is priced in two queries.
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
    step = _segments_per_query()
    mark = database.param
    for offset in range(0, len(items), step):
        chunk = items[offset : offset + step]
        values = ", ".join([f"({mark}, {mark}, {mark})"] * len(chunk))
        # The segment's position in the chunk comes back with each counter: its plan and start are known.
        cursor = database.execute_sql(
            f"WITH segment (position, subscription_id, period_start) AS (VALUES {values}) "
            "SELECT segment.position, c.feature_id, c.used FROM segment "
            "JOIN usage_counter c ON c.subscription_id = segment.subscription_id "
            "AND c.period_start = segment.period_start "
            "WHERE c.used > 0 ORDER BY segment.position, c.feature_id",
            [value for n, (sub_id, _, start) in enumerate(chunk) for value in (n, sub_id, start)],
        )
        for position, feature_id, used in cursor.fetchall():
            sub_id, plan_id, start = chunk[position]
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
