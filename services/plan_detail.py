"""A plan as the desk shows it, and the plans to choose from."""

from __future__ import annotations

from peewee import fn

from models.rows import pairs
from models.tables import Plan, Subscription
from services.errors import NotFound
from services.validation import check_id


def plan_choices() -> list[tuple[int, str]]:
    """Every plan, as (id, "Name (code)"), by code."""
    return [
        (row.id, f"{row.name} ({row.code})") for row in Plan.select(Plan.id, Plan.code, Plan.name).order_by(Plan.code)
    ]


def plan_detail(plan_id: int) -> dict:
    """The plan's terms and how many of its subscriptions are in each status."""
    plan = Plan.get_or_none(Plan.id == check_id(plan_id, "plan"))
    if plan is None:
        raise NotFound("no plan #{plan_id}", plan_id=plan_id)
    counts: dict[str, int] = pairs(
        Subscription.select(Subscription.status, fn.COUNT(Subscription.id))
        .where(Subscription.plan == plan.id)
        .group_by(Subscription.status)
    )
    return {
        "id": plan.id,
        "code": plan.code,
        "name": plan.name,
        "price_minor": plan.price_minor,
        "currency": plan.currency,
        "interval_unit": plan.interval_unit,
        "interval_count": plan.interval_count,
        "grace_days": plan.grace_days,
        "access_in_grace": plan.access_in_grace,
        "active": plan.active,
        "created_at": plan.created_at,
        "counts": counts,
    }
