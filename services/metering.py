"""Metering: usage recorded against what a subscription's plan grants, or refused with the reason.

Usage is counted per subscription, feature and period start, so a new period
starts a new counter: that is the whole of the "reset".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from peewee import IntegrityError, fn

from models.db import for_update, run_write
from models.tables import Feature, Plan, PlanFeature, Subscription, UsageCounter, UsageRecord
from services.audit import record_audit
from services.auth import Actor, require
from services.catalogue import check_int, feature_row, quota_of, rate_limit_of, terms_of, units, window_text
from services.clock import Clock
from services.errors import Conflict, DomainError, NotFound
from services.lifecycle import grants_access
from services.pricing import NO_CHARGE, usage_charge_minor
from services.validation import MAX_ROW_ID, clean_idempotency_key

MAX_QUANTITY = 1_000_000
MAX_USAGE_KEY = 200


class AccessRefused(DomainError):
    """The subscription, plan or limit does not allow this use of the feature; nothing was recorded."""


@dataclass(frozen=True)
class UsageResult:
    subscription_id: int
    feature_code: str
    quantity: int
    used_in_period: int
    remaining: int | None
    charge_so_far_minor: int
    replayed: bool


def used_in_period(subscription_id: int, feature_id: int, period_start: datetime) -> int:
    """The counter of one feature in one period of a subscription."""
    return (
        UsageCounter.select(UsageCounter.used)
        .where(
            (UsageCounter.subscription == subscription_id)
            & (UsageCounter.feature == feature_id)
            & (UsageCounter.period_start == period_start)
        )
        .scalar()
        or 0
    )


def used_in_window(subscription_id: int, feature_id: int, since: datetime, up_to_id: int | None = None) -> int:
    """Usage recorded after ``since`` (and up to record ``up_to_id``): what a rate limit counts."""
    query = UsageRecord.select(fn.COALESCE(fn.SUM(UsageRecord.quantity), 0)).where(
        (UsageRecord.subscription == subscription_id)
        & (UsageRecord.feature == feature_id)
        & (UsageRecord.recorded_at > since)
    )
    if up_to_id is not None:
        query = query.where(UsageRecord.id <= up_to_id)
    return int(query.scalar())  # PostgreSQL sums BIGINT as NUMERIC


def _remaining(feature_type: str, pf: PlanFeature | None, used: int, in_window: int | None) -> int | None:
    if pf is None:
        return None
    if feature_type == "quota":
        return max(0, quota_of(pf) - used)
    if feature_type == "rate":
        rate_limit, _ = rate_limit_of(pf)
        return max(0, rate_limit - (in_window or 0))
    return None


class UsageMeter:
    def __init__(self, clock: Clock) -> None:
        self.clock = clock

    def record_usage(
        self, actor: Actor, subscription_id: int, feature_code: str, quantity: int, idempotency_key: str | None = None
    ) -> UsageResult:
        """Meter ``quantity`` units, or refuse with the reason. A repeated key returns the first result."""
        require(actor, "usage.record")
        quantity = check_int(quantity, "quantity", 1, MAX_QUANTITY)
        subscription_id = check_int(subscription_id, "subscription id", 1, MAX_ROW_ID)
        key = clean_idempotency_key(idempotency_key, max_length=MAX_USAGE_KEY)
        try:
            return run_write(lambda: self._record_usage(actor, subscription_id, str(feature_code), quantity, key))
        except IntegrityError:
            # Another writer stored the same key between our check and insert.
            if key is None:
                raise
            return run_write(
                lambda: self._replay(
                    UsageRecord.get(UsageRecord.idempotency_key == key), subscription_id, str(feature_code), quantity
                )
            )

    def _record_usage(
        self, actor: Actor, subscription_id: int, feature_code: str, quantity: int, key: str | None
    ) -> UsageResult:
        if key is not None:
            first = UsageRecord.get_or_none(UsageRecord.idempotency_key == key)
            if first is not None:
                return self._replay(first, subscription_id, feature_code, quantity)
        sub = for_update(Subscription.select().where(Subscription.id == subscription_id)).first()
        if sub is None:
            raise NotFound("no subscription #{subscription_id}", subscription_id=subscription_id)
        feature = feature_row(feature_code)
        plan = Plan.get_by_id(sub.plan_id)
        now = self.clock.now()
        granted, why = grants_access(sub.status, sub.period_end, now, plan.access_in_grace)
        if not granted:
            raise AccessRefused("subscription #{sub_id}: {why}", sub_id=sub.id, why=why)
        pf = PlanFeature.get_or_none((PlanFeature.plan == plan.id) & (PlanFeature.feature == feature.id))
        if pf is None:
            raise AccessRefused(
                "plan {plan_code} does not include {feature_code}", plan_code=plan.code, feature_code=feature.code
            )
        if not pf.enabled:
            raise AccessRefused(
                "{feature_code} is turned off on plan {plan_code}", feature_code=feature.code, plan_code=plan.code
            )
        if feature.type == "boolean":
            raise AccessRefused(
                "{feature_code} is an on/off feature; it has no usage to record", feature_code=feature.code
            )
        used = used_in_period(sub.id, feature.id, sub.metered_since)
        if feature.type == "quota" and used + quantity > quota_of(pf) and pf.pricing == "none":
            raise AccessRefused(
                "quota of {quota} used up this period ({used:,} used, {quantity:,} more asked)",
                quota=units(quota_of(pf), feature.unit),
                used=used,
                quantity=quantity,
            )
        in_window = None
        if feature.type == "rate":
            rate_limit, window_seconds = rate_limit_of(pf)
            in_window = used_in_window(sub.id, feature.id, now - timedelta(seconds=window_seconds))
            if in_window + quantity > rate_limit:
                raise AccessRefused(
                    "rate limit of {limit} per {window} reached ({in_window:,} used)",
                    limit=units(rate_limit, feature.unit),
                    window=window_text(window_seconds),
                    in_window=in_window,
                )
            in_window += quantity
        record = UsageRecord.create(
            subscription=sub.id,
            feature=feature.id,
            quantity=quantity,
            period_start=sub.metered_since,
            recorded_at=now,
            idempotency_key=key,
            actor=actor.name,
        )
        (
            UsageCounter.insert(subscription=sub.id, feature=feature.id, period_start=sub.metered_since, used=quantity)
            .on_conflict(
                conflict_target=[UsageCounter.subscription, UsageCounter.period_start, UsageCounter.feature],
                update={UsageCounter.used: UsageCounter.used + quantity},
            )
            .execute()
        )
        used += quantity
        if actor.role != "system":
            # Metered usage is its own trail; an operator typing usage in is an action to audit.
            record_audit(
                self.clock,
                actor.name,
                "usage.record",
                "subscription",
                sub.id,
                after={"feature": feature.code, "quantity": quantity, "usage_record": record.id},
            )
        return UsageResult(
            sub.id,
            feature.code,
            quantity,
            used,
            _remaining(feature.type, pf, used, in_window),
            usage_charge_minor(terms_of(pf), used),
            False,
        )

    def _replay(self, first: UsageRecord, subscription_id: int, feature_code: str, quantity: int) -> UsageResult:
        feature = Feature.get_by_id(first.feature_id)
        if (first.subscription_id, feature.code, first.quantity) != (subscription_id, feature_code, quantity):
            raise Conflict("that idempotency key was already used for different usage")
        sub = Subscription.get_by_id(first.subscription_id)
        pf = PlanFeature.get_or_none((PlanFeature.plan == sub.plan_id) & (PlanFeature.feature == feature.id))
        used = int(
            UsageRecord.select(fn.COALESCE(fn.SUM(UsageRecord.quantity), 0))
            .where(
                (UsageRecord.subscription == sub.id)
                & (UsageRecord.feature == feature.id)
                & (UsageRecord.period_start == first.period_start)
                & (UsageRecord.id <= first.id)
            )
            .scalar()
        )
        in_window = None
        if feature.type == "rate" and pf is not None:
            since = first.recorded_at - timedelta(seconds=rate_limit_of(pf)[1])
            in_window = used_in_window(sub.id, feature.id, since, up_to_id=first.id)
        terms = terms_of(pf) if pf is not None else NO_CHARGE
        return UsageResult(
            sub.id,
            feature.code,
            first.quantity,
            used,
            _remaining(feature.type, pf, used, in_window),
            usage_charge_minor(terms, used),
            True,
        )
