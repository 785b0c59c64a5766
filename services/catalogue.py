"""The catalogue: plans, the features they grant, and how each grant is limited and priced.

Feature types: boolean (on/off), quota (a limit per billing period), rate (a
limit per sliding time window) and usage (always allowed, charged). Metering
(``services.metering``), access checks (``services.access``) and usage billing
(``services.usage_billing``) read their rules from here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from peewee import IntegrityError

from models.db import for_update, write_transaction
from models.tables import Feature, Plan, PlanFeature
from services.audit import record_audit
from services.auth import Actor, require
from services.clock import Clock
from services.customers import clean_name
from services.errors import Conflict, NotFound, Term, ValidationError
from services.lifecycle import INTERVAL_UNITS
from services.money import check_currency, check_minor
from services.pricing import MAX_UNITS, PriceTerms, parse_tiers, tiers_to_json, validate_terms
from services.validation import storable

FEATURE_TYPES = ("boolean", "quota", "rate", "usage")
MAX_GRACE_DAYS = 90
MAX_RATE_WINDOW_SECONDS = 31 * 86400
MAX_INTERVAL_COUNT = {"day": 366, "week": 52, "month": 36, "year": 10}
_CODE = re.compile(r"^[a-z0-9_-]{2,64}$")


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


def plan_info(row: Plan) -> PlanInfo:
    return PlanInfo(
        row.id,
        row.code,
        row.name,
        row.price_minor,
        row.currency,
        row.interval_unit,
        row.interval_count,
        row.grace_days,
        bool(row.access_in_grace),
        bool(row.active),
    )


def feature_info(row: Feature) -> FeatureInfo:
    return FeatureInfo(row.id, row.code, row.name, row.type, row.unit)


def terms_of(row: PlanFeature) -> PriceTerms:
    return PriceTerms(
        row.pricing,
        row.included,
        row.unit_price_minor,
        parse_tiers(row.tiers),
        row.package_size,
        row.package_price_minor,
    )


def quota_of(row: PlanFeature) -> int:
    """The quota of a grant of a quota feature: ``set_plan_feature`` stores none without one."""
    assert row.quota is not None, f"plan feature #{row.id} grants a quota feature without a quota"
    return row.quota


def rate_limit_of(row: PlanFeature) -> tuple[int, int]:
    """(limit, window in seconds) of a grant of a rate feature: ``set_plan_feature`` stores none without both."""
    assert row.rate_limit is not None and row.rate_window_seconds is not None, (
        f"plan feature #{row.id} grants a rate feature without a limit and window"
    )
    return row.rate_limit, row.rate_window_seconds


def plan_feature_info(row: PlanFeature, plan_code: str, feature: Feature) -> PlanFeatureInfo:
    return PlanFeatureInfo(
        plan_code,
        feature.code,
        feature.type,
        bool(row.enabled),
        row.quota,
        row.rate_limit,
        row.rate_window_seconds,
        terms_of(row),
    )


def units(count: int, unit: str) -> str:
    return f"{count:,} {unit if count == 1 or unit.endswith('s') else unit + 's'}"


def window_text(seconds: int) -> str:
    for size, name in ((86400, "day"), (3600, "hour"), (60, "minute")):
        if seconds == size:
            return name
        if seconds % size == 0:
            return f"{seconds // size} {name}s"
    return f"{seconds} s"


def check_int(value: object, what: str, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError("{what} must be a whole number", what=Term(what))
    if not low <= value <= high:
        raise ValidationError("{what} must lie between {low:,} and {high:,}", what=Term(what), low=low, high=high)
    return value


def _check_code(value: object, what: str) -> str:
    if not isinstance(value, str) or not _CODE.match(value):
        raise ValidationError("{what} must be 2–64 lowercase letters, digits, '-' or '_'", what=Term(what))
    return value


def _check_bool(value: object, what: str) -> bool:
    if not isinstance(value, bool):
        raise ValidationError("{what} must be true or false", what=Term(what))
    return value


def plan_row(code: object) -> Plan:
    row = Plan.get_or_none(Plan.code == str(code)) if storable(str(code)) else None
    if row is None:
        raise NotFound("no plan {code!r}", code=str(code)[:64])
    return row


def feature_row(code: object) -> Feature:
    row = Feature.get_or_none(Feature.code == str(code)) if storable(str(code)) else None
    if row is None:
        raise NotFound("no feature {code!r}", code=str(code)[:64])
    return row


class PlanCatalogue:
    def __init__(self, clock: Clock) -> None:
        self.clock = clock

    # --- plans -------------------------------------------------------------

    def create_plan(
        self,
        actor: Actor,
        code: str,
        name: str,
        price_minor: int,
        currency: str = "USD",
        interval_unit: str = "month",
        interval_count: int = 1,
        grace_days: int = 3,
        access_in_grace: bool = False,
        reason: str = "",
    ) -> PlanInfo:
        require(actor, "plan.edit")
        code, name = _check_code(code, "plan code"), clean_name(name)
        price_minor = check_minor(price_minor, allow_zero=True)
        currency = check_currency(currency)
        if interval_unit not in INTERVAL_UNITS:
            raise ValidationError("interval must be one of {units}", units=", ".join(INTERVAL_UNITS))
        interval_count = check_int(interval_count, "interval count", 1, MAX_INTERVAL_COUNT[interval_unit])
        grace_days = check_int(grace_days, "grace days", 0, MAX_GRACE_DAYS)
        access_in_grace = _check_bool(access_in_grace, "access in grace")
        values = dict(
            code=code,
            name=name,
            price_minor=price_minor,
            currency=currency,
            interval_unit=interval_unit,
            interval_count=interval_count,
            grace_days=grace_days,
            access_in_grace=access_in_grace,
            active=True,
        )
        try:
            with write_transaction():
                if Plan.select().where(Plan.code == code).exists():
                    raise Conflict("a plan with code {code!r} already exists", code=code)
                row = Plan.create(**values, created_at=self.clock.now())
                record_audit(self.clock, actor.name, "plan.create", "plan", row.id, after=values, reason=reason)
        except IntegrityError:
            raise Conflict("a plan with code {code!r} already exists", code=code) from None
        return plan_info(row)

    def update_plan(
        self,
        actor: Actor,
        code: str,
        *,
        name: str | None = None,
        price_minor: int | None = None,
        grace_days: int | None = None,
        access_in_grace: bool | None = None,
        active: bool | None = None,
        reason: str = "",
    ) -> PlanInfo:
        require(actor, "plan.edit")
        changes: dict[str, object] = {}
        if name is not None:
            changes["name"] = clean_name(name)
        if price_minor is not None:
            changes["price_minor"] = check_minor(price_minor, allow_zero=True)
        if grace_days is not None:
            changes["grace_days"] = check_int(grace_days, "grace days", 0, MAX_GRACE_DAYS)
        if access_in_grace is not None:
            changes["access_in_grace"] = _check_bool(access_in_grace, "access in grace")
        if active is not None:
            changes["active"] = _check_bool(active, "active")
        if not changes:
            raise ValidationError("nothing to change")
        with write_transaction():
            row = for_update(Plan.select().where(Plan.code == str(code))).first() if storable(str(code)) else None
            if row is None:
                raise NotFound("no plan {code!r}", code=str(code)[:64])
            before = {key: getattr(row, key) for key in changes}
            Plan.update(**changes).where(Plan.id == row.id).execute()
            record_audit(
                self.clock, actor.name, "plan.edit", "plan", row.id, before=before, after=changes, reason=reason
            )
            row = Plan.get_by_id(row.id)
        return plan_info(row)

    def get_plan(self, code: str) -> PlanInfo:
        return plan_info(plan_row(code))

    def list_plans(self, include_inactive: bool = True) -> list[PlanInfo]:
        query = Plan.select().order_by(Plan.code)
        if not include_inactive:
            query = query.where(Plan.active == True)  # noqa: E712 (a SQL expression, not a comparison)
        return [plan_info(row) for row in query]

    # --- features ----------------------------------------------------------

    def create_feature(
        self, actor: Actor, code: str, name: str, type: str, unit: str = "unit", reason: str = ""
    ) -> FeatureInfo:
        require(actor, "plan.edit")
        code, name = _check_code(code, "feature code"), clean_name(name)
        if type not in FEATURE_TYPES:
            raise ValidationError("feature type must be one of {types}", types=", ".join(FEATURE_TYPES))
        if (
            not isinstance(unit, str)
            or not 1 <= len(" ".join(unit.split())) <= 32
            or any(ord(c) < 32 for c in unit)
            or not storable(unit)
        ):
            raise ValidationError("unit must be 1–32 characters, like 'api call' or 'GB'")
        values = dict(code=code, name=name, type=type, unit=" ".join(unit.split()))
        try:
            with write_transaction():
                if Feature.select().where(Feature.code == code).exists():
                    raise Conflict("a feature with code {code!r} already exists", code=code)
                row = Feature.create(**values)
                record_audit(self.clock, actor.name, "feature.create", "feature", row.id, after=values, reason=reason)
        except IntegrityError:
            raise Conflict("a feature with code {code!r} already exists", code=code) from None
        return feature_info(row)

    def list_features(self) -> list[FeatureInfo]:
        return [feature_info(row) for row in Feature.select().order_by(Feature.code)]

    def set_plan_feature(
        self,
        actor: Actor,
        plan_code: str,
        feature_code: str,
        *,
        enabled: bool = True,
        quota: int | None = None,
        rate_limit: int | None = None,
        rate_window_seconds: int | None = None,
        included: int = 0,
        pricing: str = "none",
        unit_price_minor: int = 0,
        tiers: object = None,
        package_size: int | None = None,
        package_price_minor: int = 0,
        reason: str = "",
    ) -> PlanFeatureInfo:
        """Grant a feature on a plan, or change how it is granted and priced."""
        require(actor, "plan.edit")
        plan, feature = plan_row(plan_code), feature_row(feature_code)
        enabled = _check_bool(enabled, "enabled")
        terms = validate_terms(
            PriceTerms(pricing, included, unit_price_minor, parse_tiers(tiers), package_size, package_price_minor)
        )
        kind = feature.type
        if kind != "quota" and quota is not None:
            raise ValidationError(
                "only quota features take a quota; {feature_code} is a {kind} feature",
                feature_code=feature.code,
                kind=Term(kind),
            )
        if kind != "rate" and (rate_limit is not None or rate_window_seconds is not None):
            raise ValidationError(
                "only rate features take a rate limit; {feature_code} is a {kind} feature",
                feature_code=feature.code,
                kind=Term(kind),
            )
        if kind == "boolean" and (terms.pricing != "none" or terms.included):
            raise ValidationError(
                "{feature_code} is an on/off feature; it takes no usage pricing", feature_code=feature.code
            )
        if kind == "quota":
            if quota is None:
                raise ValidationError(
                    "{feature_code} is a quota feature; give its quota per period", feature_code=feature.code
                )
            quota = check_int(quota, "quota", 0, MAX_UNITS)
            if terms.pricing != "none":
                # Overage pricing charges what goes past the quota, so the quota is what is included.
                if terms.included not in (0, quota):
                    raise ValidationError("for a quota feature the included units are its quota; leave included at 0")
                terms = PriceTerms(
                    terms.pricing,
                    quota,
                    terms.unit_price_minor,
                    terms.tiers,
                    terms.package_size,
                    terms.package_price_minor,
                )
        if kind == "rate":
            if rate_limit is None or rate_window_seconds is None:
                raise ValidationError(
                    "{feature_code} is a rate feature; give a rate limit and a window in seconds",
                    feature_code=feature.code,
                )
            rate_limit = check_int(rate_limit, "rate limit", 1, MAX_UNITS)
            rate_window_seconds = check_int(rate_window_seconds, "rate window (seconds)", 1, MAX_RATE_WINDOW_SECONDS)
        values = dict(
            enabled=enabled,
            quota=quota,
            rate_limit=rate_limit,
            rate_window_seconds=rate_window_seconds,
            included=terms.included,
            pricing=terms.pricing,
            unit_price_minor=terms.unit_price_minor,
            tiers=tiers_to_json(terms.tiers),
            package_size=terms.package_size,
            package_price_minor=terms.package_price_minor,
        )
        with write_transaction():
            row = for_update(
                PlanFeature.select().where((PlanFeature.plan == plan.id) & (PlanFeature.feature == feature.id))
            ).first()
            before = None if row is None else {key: getattr(row, key) for key in values}
            if row is None:
                row = PlanFeature.create(plan=plan.id, feature=feature.id, **values)
            else:
                PlanFeature.update(**values).where(PlanFeature.id == row.id).execute()
                row = PlanFeature.get_by_id(row.id)
            record_audit(
                self.clock,
                actor.name,
                "plan.feature",
                "plan",
                plan.id,
                before=before,
                after={"feature": feature.code, **values},
                reason=reason,
            )
        return plan_feature_info(row, plan.code, feature)

    def plan_features(self, plan_code: str) -> list[PlanFeatureInfo]:
        plan = plan_row(plan_code)
        rows = (
            PlanFeature.select(PlanFeature, Feature)
            .join(Feature)
            .where(PlanFeature.plan == plan.id)
            .order_by(Feature.code)
        )
        return [plan_feature_info(row, plan.code, row.feature) for row in rows]
