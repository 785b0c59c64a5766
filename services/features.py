"""Plans and the features they grant: metering usage and answering access checks.

Feature types: boolean (on/off), quota (a limit per billing period), rate (a
limit per sliding time window) and usage (always allowed, charged). Usage is
counted per subscription, feature and period start, so a new period starts a
new counter: that is the whole of the "reset".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from peewee import IntegrityError, fn

from models.db import for_update, write_transaction
from models.tables import Feature, Plan, PlanFeature, Subscription, UsageCounter, UsageRecord
from services.audit import record_audit
from services.auth import Actor, require
from services.customers import clean_name, find_customer
from services.errors import Conflict, DomainError, NotFound, ValidationError
from services.invoices import Line
from services.lifecycle import INTERVAL_UNITS, grants_access
from services.money import check_currency, check_minor
from services.pricing import (
    MAX_UNITS,
    NO_CHARGE,
    PriceTerms,
    parse_tiers,
    tiers_to_json,
    usage_charge_minor,
    validate_terms,
)
from services.validation import storable

FEATURE_TYPES = ("boolean", "quota", "rate", "usage")
MAX_QUANTITY = 1_000_000
MAX_GRACE_DAYS = 90
MAX_RATE_WINDOW_SECONDS = 31 * 86400
MAX_INTERVAL_COUNT = {"day": 366, "week": 52, "month": 36, "year": 10}
# Two bound parameters per item stays under SQLite's oldest variable limit (999).
_BATCH = 400
_CODE = re.compile(r"^[a-z0-9_-]{2,64}$")


class AccessRefused(DomainError):
    """The subscription, plan or limit does not allow this use of the feature; nothing was recorded."""


@dataclass(frozen=True)
class PlanInfo:
    id: int
    code: str
    name: str
    price_minor: int
    currency: str
    interval_unit: str
    interval_count: int
    grace_days: int
    access_in_grace: bool
    active: bool


@dataclass(frozen=True)
class FeatureInfo:
    id: int
    code: str
    name: str
    type: str
    unit: str


@dataclass(frozen=True)
class PlanFeatureInfo:
    plan_code: str
    feature_code: str
    feature_type: str
    enabled: bool
    quota: int | None
    rate_limit: int | None
    rate_window_seconds: int | None
    terms: PriceTerms


@dataclass(frozen=True)
class AccessDecision:
    allowed: bool
    remaining: int | None
    reason: str


@dataclass(frozen=True)
class UsageResult:
    subscription_id: int
    feature_code: str
    quantity: int
    used_in_period: int
    remaining: int | None
    charge_so_far_minor: int
    replayed: bool


def plan_info(row: Plan) -> PlanInfo:
    return PlanInfo(row.id, row.code, row.name, row.price_minor, row.currency, row.interval_unit,
                    row.interval_count, row.grace_days, bool(row.access_in_grace), bool(row.active))


def feature_info(row: Feature) -> FeatureInfo:
    return FeatureInfo(row.id, row.code, row.name, row.type, row.unit)


def terms_of(row: PlanFeature) -> PriceTerms:
    return PriceTerms(row.pricing, row.included, row.unit_price_minor, parse_tiers(row.tiers),
                      row.package_size, row.package_price_minor)


def plan_feature_info(row: PlanFeature, plan_code: str, feature: Feature) -> PlanFeatureInfo:
    return PlanFeatureInfo(plan_code, feature.code, feature.type, bool(row.enabled), row.quota, row.rate_limit,
                           row.rate_window_seconds, terms_of(row))


def units(count: int, unit: str) -> str:
    return f"{count:,} {unit if count == 1 or unit.endswith('s') else unit + 's'}"


def window_text(seconds: int) -> str:
    for size, name in ((86400, "day"), (3600, "hour"), (60, "minute")):
        if seconds == size:
            return name
        if seconds % size == 0:
            return f"{seconds // size} {name}s"
    return f"{seconds} s"


def _check_code(value, what: str) -> str:
    if not isinstance(value, str) or not _CODE.match(value):
        raise ValidationError(f"{what} must be 2–64 lowercase letters, digits, '-' or '_'")
    return value


def _check_int(value, what: str, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(f"{what} must be a whole number")
    if not low <= value <= high:
        raise ValidationError(f"{what} must lie between {low:,} and {high:,}")
    return value


def _check_bool(value, what: str) -> bool:
    if not isinstance(value, bool):
        raise ValidationError(f"{what} must be true or false")
    return value


def _check_key(key) -> str | None:
    if key is None:
        return None
    if not isinstance(key, str) or not key.strip() or len(key) > 200 or not storable(key):
        raise ValidationError("an idempotency key is 1–200 characters of text")
    return key


def _used_in_window(subscription_id: int, feature_id: int, since: datetime, up_to_id: int | None = None) -> int:
    query = UsageRecord.select(fn.COALESCE(fn.SUM(UsageRecord.quantity), 0)).where(
        (UsageRecord.subscription == subscription_id) & (UsageRecord.feature == feature_id)
        & (UsageRecord.recorded_at > since))
    if up_to_id is not None:
        query = query.where(UsageRecord.id <= up_to_id)
    return int(query.scalar())  # PostgreSQL sums BIGINT as NUMERIC


def _remaining(feature_type: str, pf: PlanFeature | None, used: int, in_window: int | None) -> int | None:
    if pf is None:
        return None
    if feature_type == "quota":
        return max(0, pf.quota - used)
    if feature_type == "rate":
        return max(0, pf.rate_limit - (in_window or 0))
    return None


class FeatureService:
    def __init__(self, clock):
        self.clock = clock

    # --- plans -------------------------------------------------------------

    def create_plan(self, actor: Actor, code: str, name: str, price_minor: int, currency: str = "USD",
                    interval_unit: str = "month", interval_count: int = 1, grace_days: int = 3,
                    access_in_grace: bool = False, reason: str = "") -> PlanInfo:
        require(actor, "plan.edit")
        code, name = _check_code(code, "plan code"), clean_name(name)
        price_minor = check_minor(price_minor, allow_zero=True)
        currency = check_currency(currency)
        if interval_unit not in INTERVAL_UNITS:
            raise ValidationError(f"interval must be one of {', '.join(INTERVAL_UNITS)}")
        interval_count = _check_int(interval_count, "interval count", 1, MAX_INTERVAL_COUNT[interval_unit])
        grace_days = _check_int(grace_days, "grace days", 0, MAX_GRACE_DAYS)
        access_in_grace = _check_bool(access_in_grace, "access in grace")
        values = dict(code=code, name=name, price_minor=price_minor, currency=currency, interval_unit=interval_unit,
                      interval_count=interval_count, grace_days=grace_days, access_in_grace=access_in_grace,
                      active=True)
        try:
            with write_transaction():
                if Plan.select().where(Plan.code == code).exists():
                    raise Conflict(f"a plan with code {code!r} already exists")
                row = Plan.create(**values, created_at=self.clock.now())
                record_audit(self.clock, actor.name, "plan.create", "plan", row.id, after=values, reason=reason)
        except IntegrityError:
            raise Conflict(f"a plan with code {code!r} already exists") from None
        return plan_info(row)

    def update_plan(self, actor: Actor, code: str, *, name: str | None = None, price_minor: int | None = None,
                    grace_days: int | None = None, access_in_grace: bool | None = None, active: bool | None = None,
                    reason: str = "") -> PlanInfo:
        require(actor, "plan.edit")
        changes = {}
        if name is not None:
            changes["name"] = clean_name(name)
        if price_minor is not None:
            changes["price_minor"] = check_minor(price_minor, allow_zero=True)
        if grace_days is not None:
            changes["grace_days"] = _check_int(grace_days, "grace days", 0, MAX_GRACE_DAYS)
        if access_in_grace is not None:
            changes["access_in_grace"] = _check_bool(access_in_grace, "access in grace")
        if active is not None:
            changes["active"] = _check_bool(active, "active")
        if not changes:
            raise ValidationError("nothing to change")
        with write_transaction():
            row = for_update(Plan.select().where(Plan.code == str(code))).first() if storable(str(code)) else None
            if row is None:
                raise NotFound(f"no plan {str(code)[:64]!r}")
            before = {key: getattr(row, key) for key in changes}
            Plan.update(**changes).where(Plan.id == row.id).execute()
            record_audit(self.clock, actor.name, "plan.edit", "plan", row.id, before=before, after=changes,
                         reason=reason)
            row = Plan.get_by_id(row.id)
        return plan_info(row)

    def get_plan(self, code: str) -> PlanInfo:
        return plan_info(self._plan_row(code))

    def list_plans(self, include_inactive: bool = True) -> list[PlanInfo]:
        query = Plan.select().order_by(Plan.code)
        if not include_inactive:
            query = query.where(Plan.active == True)  # noqa: E712 (a SQL expression, not a comparison)
        return [plan_info(row) for row in query]

    def _plan_row(self, code) -> Plan:
        row = Plan.get_or_none(Plan.code == str(code)) if storable(str(code)) else None
        if row is None:
            raise NotFound(f"no plan {str(code)[:64]!r}")
        return row

    # --- features ----------------------------------------------------------

    def create_feature(self, actor: Actor, code: str, name: str, type: str, unit: str = "unit",
                       reason: str = "") -> FeatureInfo:
        require(actor, "plan.edit")
        code, name = _check_code(code, "feature code"), clean_name(name)
        if type not in FEATURE_TYPES:
            raise ValidationError(f"feature type must be one of {', '.join(FEATURE_TYPES)}")
        if (not isinstance(unit, str) or not 1 <= len(" ".join(unit.split())) <= 32
                or any(ord(c) < 32 for c in unit) or not storable(unit)):
            raise ValidationError("unit must be 1–32 characters, like 'api call' or 'GB'")
        values = dict(code=code, name=name, type=type, unit=" ".join(unit.split()))
        try:
            with write_transaction():
                if Feature.select().where(Feature.code == code).exists():
                    raise Conflict(f"a feature with code {code!r} already exists")
                row = Feature.create(**values)
                record_audit(self.clock, actor.name, "feature.create", "feature", row.id, after=values, reason=reason)
        except IntegrityError:
            raise Conflict(f"a feature with code {code!r} already exists") from None
        return feature_info(row)

    def list_features(self) -> list[FeatureInfo]:
        return [feature_info(row) for row in Feature.select().order_by(Feature.code)]

    def _feature_row(self, code) -> Feature:
        row = Feature.get_or_none(Feature.code == str(code)) if storable(str(code)) else None
        if row is None:
            raise NotFound(f"no feature {str(code)[:64]!r}")
        return row

    def set_plan_feature(self, actor: Actor, plan_code: str, feature_code: str, *, enabled: bool = True,
                         quota: int | None = None, rate_limit: int | None = None,
                         rate_window_seconds: int | None = None, included: int = 0, pricing: str = "none",
                         unit_price_minor: int = 0, tiers=None, package_size: int | None = None,
                         package_price_minor: int = 0, reason: str = "") -> PlanFeatureInfo:
        """Grant a feature on a plan, or change how it is granted and priced."""
        require(actor, "plan.edit")
        plan, feature = self._plan_row(plan_code), self._feature_row(feature_code)
        enabled = _check_bool(enabled, "enabled")
        terms = validate_terms(PriceTerms(pricing, included, unit_price_minor, parse_tiers(tiers), package_size,
                                          package_price_minor))
        kind = feature.type
        if kind != "quota" and quota is not None:
            raise ValidationError(f"only quota features take a quota; {feature.code} is a {kind} feature")
        if kind != "rate" and (rate_limit is not None or rate_window_seconds is not None):
            raise ValidationError(f"only rate features take a rate limit; {feature.code} is a {kind} feature")
        if kind == "boolean" and (terms.pricing != "none" or terms.included):
            raise ValidationError(f"{feature.code} is an on/off feature; it takes no usage pricing")
        if kind == "quota":
            if quota is None:
                raise ValidationError(f"{feature.code} is a quota feature; give its quota per period")
            quota = _check_int(quota, "quota", 0, MAX_UNITS)
            if terms.pricing != "none":
                # Overage pricing charges what goes past the quota, so the quota is what is included.
                if terms.included not in (0, quota):
                    raise ValidationError("for a quota feature the included units are its quota; leave included at 0")
                terms = PriceTerms(terms.pricing, quota, terms.unit_price_minor, terms.tiers, terms.package_size,
                                   terms.package_price_minor)
        if kind == "rate":
            if rate_limit is None or rate_window_seconds is None:
                raise ValidationError(f"{feature.code} is a rate feature; give a rate limit and a window in seconds")
            rate_limit = _check_int(rate_limit, "rate limit", 1, MAX_UNITS)
            rate_window_seconds = _check_int(rate_window_seconds, "rate window (seconds)", 1, MAX_RATE_WINDOW_SECONDS)
        values = dict(enabled=enabled, quota=quota, rate_limit=rate_limit, rate_window_seconds=rate_window_seconds,
                      included=terms.included, pricing=terms.pricing, unit_price_minor=terms.unit_price_minor,
                      tiers=tiers_to_json(terms.tiers), package_size=terms.package_size,
                      package_price_minor=terms.package_price_minor)
        with write_transaction():
            row = for_update(PlanFeature.select().where(
                (PlanFeature.plan == plan.id) & (PlanFeature.feature == feature.id))).first()
            before = None if row is None else {key: getattr(row, key) for key in values}
            if row is None:
                row = PlanFeature.create(plan=plan.id, feature=feature.id, **values)
            else:
                PlanFeature.update(**values).where(PlanFeature.id == row.id).execute()
                row = PlanFeature.get_by_id(row.id)
            record_audit(self.clock, actor.name, "plan.feature", "plan", plan.id, before=before,
                         after={"feature": feature.code, **values}, reason=reason)
        return plan_feature_info(row, plan.code, feature)

    def plan_features(self, plan_code: str) -> list[PlanFeatureInfo]:
        plan = self._plan_row(plan_code)
        rows = (PlanFeature.select(PlanFeature, Feature).join(Feature)
                .where(PlanFeature.plan == plan.id).order_by(Feature.code))
        return [plan_feature_info(row, plan.code, row.feature) for row in rows]

    # --- usage -------------------------------------------------------------

    def record_usage(self, actor: Actor, subscription_id: int, feature_code: str, quantity: int,
                     idempotency_key: str | None = None) -> UsageResult:
        """Meter ``quantity`` units, or refuse with the reason. A repeated key returns the first result."""
        require(actor, "usage.record")
        quantity = _check_int(quantity, "quantity", 1, MAX_QUANTITY)
        subscription_id = _check_int(subscription_id, "subscription id", 1, 2**63 - 1)
        key = _check_key(idempotency_key)
        try:
            with write_transaction():
                return self._record_usage(actor, subscription_id, str(feature_code), quantity, key)
        except IntegrityError:
            # Another writer stored the same key between our check and insert.
            if key is None:
                raise
            with write_transaction():
                first = UsageRecord.get(UsageRecord.idempotency_key == key)
                return self._replay(first, subscription_id, str(feature_code), quantity)

    def _record_usage(self, actor: Actor, subscription_id: int, feature_code: str, quantity: int,
                      key: str | None) -> UsageResult:
        if key is not None:
            first = UsageRecord.get_or_none(UsageRecord.idempotency_key == key)
            if first is not None:
                return self._replay(first, subscription_id, feature_code, quantity)
        sub = for_update(Subscription.select().where(Subscription.id == subscription_id)).first()
        if sub is None:
            raise NotFound(f"no subscription #{subscription_id}")
        feature = self._feature_row(feature_code)
        plan = Plan.get_by_id(sub.plan_id)
        now = self.clock.now()
        granted, why = grants_access(sub.status, sub.period_end, now, plan.access_in_grace)
        if not granted:
            raise AccessRefused(f"subscription #{sub.id}: {why}")
        pf = PlanFeature.get_or_none((PlanFeature.plan == plan.id) & (PlanFeature.feature == feature.id))
        if pf is None:
            raise AccessRefused(f"plan {plan.code} does not include {feature.code}")
        if not pf.enabled:
            raise AccessRefused(f"{feature.code} is turned off on plan {plan.code}")
        if feature.type == "boolean":
            raise AccessRefused(f"{feature.code} is an on/off feature; it has no usage to record")
        counter_key = ((UsageCounter.subscription == sub.id) & (UsageCounter.feature == feature.id)
                       & (UsageCounter.period_start == sub.usage_since))
        used = UsageCounter.select(UsageCounter.used).where(counter_key).scalar() or 0
        if feature.type == "quota" and used + quantity > pf.quota and pf.pricing == "none":
            raise AccessRefused(f"quota of {units(pf.quota, feature.unit)} used up this period "
                                f"({used:,} used, {quantity:,} more asked)")
        in_window = None
        if feature.type == "rate":
            in_window = _used_in_window(sub.id, feature.id, now - timedelta(seconds=pf.rate_window_seconds))
            if in_window + quantity > pf.rate_limit:
                raise AccessRefused(f"rate limit of {units(pf.rate_limit, feature.unit)} per "
                                    f"{window_text(pf.rate_window_seconds)} reached ({in_window:,} used)")
            in_window += quantity
        record = UsageRecord.create(subscription=sub.id, feature=feature.id, quantity=quantity,
                                    period_start=sub.usage_since, recorded_at=now, idempotency_key=key,
                                    actor=actor.name)
        (UsageCounter.insert(subscription=sub.id, feature=feature.id, period_start=sub.usage_since, used=quantity)
         .on_conflict(conflict_target=[UsageCounter.subscription, UsageCounter.period_start, UsageCounter.feature],
                      update={UsageCounter.used: UsageCounter.used + quantity})
         .execute())
        used += quantity
        if actor.role != "system":
            # Metered usage is its own trail; an operator typing usage in is an action to audit.
            record_audit(self.clock, actor.name, "usage.record", "subscription", sub.id,
                         after={"feature": feature.code, "quantity": quantity, "usage_record": record.id})
        return UsageResult(sub.id, feature.code, quantity, used, _remaining(feature.type, pf, used, in_window),
                           usage_charge_minor(terms_of(pf), used), False)

    def _replay(self, first: UsageRecord, subscription_id: int, feature_code: str, quantity: int) -> UsageResult:
        feature = Feature.get_by_id(first.feature_id)
        if (first.subscription_id, feature.code, first.quantity) != (subscription_id, feature_code, quantity):
            raise Conflict("that idempotency key was already used for different usage")
        sub = Subscription.get_by_id(first.subscription_id)
        pf = PlanFeature.get_or_none((PlanFeature.plan == sub.plan_id) & (PlanFeature.feature == feature.id))
        used = int(UsageRecord.select(fn.COALESCE(fn.SUM(UsageRecord.quantity), 0))
                   .where((UsageRecord.subscription == sub.id) & (UsageRecord.feature == feature.id)
                          & (UsageRecord.period_start == first.period_start) & (UsageRecord.id <= first.id))
                   .scalar())
        in_window = None
        if feature.type == "rate" and pf is not None:
            since = first.recorded_at - timedelta(seconds=pf.rate_window_seconds)
            in_window = _used_in_window(sub.id, feature.id, since, up_to_id=first.id)
        terms = terms_of(pf) if pf is not None else NO_CHARGE
        return UsageResult(sub.id, feature.code, first.quantity, used, _remaining(feature.type, pf, used, in_window),
                           usage_charge_minor(terms, used), True)

    # --- access ------------------------------------------------------------

    def check_access(self, customer_email_or_id, feature_code: str) -> AccessDecision:
        feature = self._feature_row(feature_code)
        customer = find_customer(customer_email_or_id)
        subs = list(Subscription.select(Subscription, Plan).join(Plan)
                    .where(Subscription.customer == customer.id).order_by(Subscription.id.desc()))
        grants = {row.plan_id: row for row in PlanFeature.select().where(
            PlanFeature.feature == feature.id, PlanFeature.plan.in_({sub.plan_id for sub in subs} or {0}))}
        including = [sub for sub in subs if sub.plan_id in grants and grants[sub.plan_id].enabled]
        if not including:
            if any(sub.plan_id in grants for sub in subs):
                return AccessDecision(False, None, f"{feature.code} is turned off on the customer's plan")
            return AccessDecision(False, None, "no subscription includes this feature")
        now = self.clock.now()
        decisions = [self._decide(sub, grants[sub.plan_id], feature, now) for sub in including]
        allowed = [d for d in decisions if d.allowed]
        if allowed:
            return max(allowed, key=lambda d: float("inf") if d.remaining is None else d.remaining)
        exhausted = [d for d in decisions if d.remaining is not None]
        return (exhausted or decisions)[0]

    def _decide(self, sub: Subscription, pf: PlanFeature, feature: Feature, now: datetime) -> AccessDecision:
        granted, why = grants_access(sub.status, sub.period_end, now, sub.plan.access_in_grace)
        if not granted:
            return AccessDecision(False, None, why)
        if feature.type == "boolean":
            return AccessDecision(True, None, f"included in plan {sub.plan.code}")
        if feature.type == "usage":
            return AccessDecision(True, None, "always allowed; usage is charged" if pf.pricing != "none"
                                  else "always allowed")
        if feature.type == "quota":
            used = UsageCounter.select(UsageCounter.used).where(
                (UsageCounter.subscription == sub.id) & (UsageCounter.feature == feature.id)
                & (UsageCounter.period_start == sub.usage_since)).scalar() or 0
            left = max(0, pf.quota - used)
            if left:
                return AccessDecision(True, left, f"{left:,} of {units(pf.quota, feature.unit)} left this period")
            if pf.pricing != "none":
                return AccessDecision(True, 0, f"quota of {units(pf.quota, feature.unit)} used up this period; "
                                               "further use is charged as overage")
            return AccessDecision(False, 0, f"quota of {units(pf.quota, feature.unit)} used up this period")
        in_window = _used_in_window(sub.id, feature.id, now - timedelta(seconds=pf.rate_window_seconds))
        left = max(0, pf.rate_limit - in_window)
        per = window_text(pf.rate_window_seconds)
        if left:
            return AccessDecision(True, left, f"{left:,} of {units(pf.rate_limit, feature.unit)} per {per} left")
        return AccessDecision(False, 0, f"rate limit of {units(pf.rate_limit, feature.unit)} per {per} reached")

    # --- billing -----------------------------------------------------------

    def period_usage_minor(self, items: list[tuple[int, int, datetime]]) -> dict[int, int]:
        """What the usage of the given (subscription, plan, segment start) segments costs, per subscription."""
        return {sub_id: sum(line.amount_minor for line in lines)
                for sub_id, lines in self.period_usage_lines(items).items()}

    def period_usage_lines(self, items: list[tuple[int, int, datetime]]) -> dict[int, list[Line]]:
        """Invoice lines for the usage of the given (subscription, plan, segment start) segments.

        One line per priced feature used in the segment, priced by the given plan
        (the plan in force during the segment). One query for the priced plan
        features plus one per 400 items, however many usage records there are.
        """
        items = list(items)
        if not items:
            return {}
        terms: dict[tuple[int, int], tuple[PriceTerms, Feature]] = {}
        for row in (PlanFeature.select(PlanFeature, Feature).join(Feature)
                    .where(PlanFeature.plan.in_({plan_id for _, plan_id, _ in items}), PlanFeature.pricing != "none")):
            terms[(row.plan_id, row.feature_id)] = (terms_of(row), row.feature)
        if not terms:
            return {}
        lines: dict[int, list[Line]] = {}
        for offset in range(0, len(items), _BATCH):
            chunk = items[offset:offset + _BATCH]
            segment_of = {(sub_id, start): plan_id for sub_id, plan_id, start in chunk}
            counters = (UsageCounter
                        .select(UsageCounter.subscription, UsageCounter.feature, UsageCounter.period_start,
                                UsageCounter.used)
                        .where(UsageCounter.subscription.in_({sub_id for sub_id, _, _ in chunk}),
                               UsageCounter.period_start.in_({start for _, _, start in chunk}),
                               UsageCounter.used > 0)
                        .order_by(UsageCounter.subscription, UsageCounter.feature)
                        .tuples())
            for sub_id, feature_id, start, used in counters:
                plan_id = segment_of.get((sub_id, start))
                priced = terms.get((plan_id, feature_id))
                if priced is None:
                    continue
                price, feature = priced
                lines.setdefault(sub_id, []).append(Line(
                    "usage", f"{feature.name}: {units(used, feature.unit)}", usage_charge_minor(price, used),
                    quantity=used, plan_id=plan_id, feature_id=feature_id, pricing=price.pricing,
                    period_start=start))
        return lines
