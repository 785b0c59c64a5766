"""Usage pricing: what a period's usage of one feature costs, in minor units.

Pure functions over ``PriceTerms``; no database. Every model first takes the
included units off the top; the rest are "billable".

- flat:    billable × unit price
- tiered:  graduated; each billable unit is priced by the tier it falls in
- volume:  all billable units at the price of the tier the billable total reaches
- package: each started package of ``package_size`` billable units costs the package price

Tiers are ``(up_to, unit_price_minor)`` pairs; ``up_to`` counts billable units
and the last one is ``None`` (no upper bound).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from services.errors import Term, ValidationError
from services.money import MAX_MINOR

PRICING_MODELS = ("none", "flat", "tiered", "volume", "package")
TIER_MODELS = ("tiered", "volume")

# More units than any meter here will count in one period.
MAX_UNITS = 10**12
MAX_TIERS = 20

Tier = tuple[int | None, int]


@dataclass(frozen=True)
class PriceTerms:
    pricing: str
    included: int = 0
    unit_price_minor: int = 0
    tiers: tuple[Tier, ...] = ()
    package_size: int | None = None
    package_price_minor: int = 0


NO_CHARGE = PriceTerms("none")


def usage_charge_minor(terms: PriceTerms, used: int) -> int:
    """The charge for ``used`` units in one period."""
    billable = max(0, used - terms.included)
    if terms.pricing == "none" or billable == 0:
        return 0
    if terms.pricing == "flat":
        return billable * terms.unit_price_minor
    if terms.pricing == "tiered":
        return _graduated(terms.tiers, billable)
    if terms.pricing == "volume":
        return billable * _tier_price_reached(terms.tiers, billable)
    if terms.pricing == "package":
        if not terms.package_size:
            raise ValueError("a package price needs a package size")
        packages = -(-billable // terms.package_size)  # ceiling without floats
        return packages * terms.package_price_minor
    raise ValueError(f"unknown pricing model {terms.pricing!r}")


def _graduated(tiers: tuple[Tier, ...], billable: int) -> int:
    charge, lower = 0, 0
    for up_to, price in tiers:
        upper = billable if up_to is None else min(billable, up_to)
        if upper > lower:
            charge += (upper - lower) * price
        if up_to is None or billable <= up_to:
            break
        lower = up_to
    return charge


def _tier_price_reached(tiers: tuple[Tier, ...], billable: int) -> int:
    for up_to, price in tiers:
        if up_to is None or billable <= up_to:
            return price
    raise ValueError("tiers must end with an open-ended tier")


def parse_tiers(value) -> tuple[Tier, ...]:
    """Tiers from JSON text (as stored) or a list of pairs; empty for None or ''."""
    if value is None:
        return ()
    if isinstance(value, str):
        if not value.strip():
            return ()
        try:
            value = json.loads(value)
        except ValueError:
            raise ValidationError("tiers must be a JSON list like [[1000, 5], [null, 3]]") from None
    if not isinstance(value, (list, tuple)):
        raise ValidationError("tiers must be a list of [up_to, unit price] pairs")
    if len(value) > MAX_TIERS:
        raise ValidationError("at most {most} tiers", most=MAX_TIERS)
    tiers = []
    for position, pair in enumerate(value, start=1):
        if not isinstance(pair, (list, tuple)) or len(pair) != 2:
            raise ValidationError("tier {position} must be a pair [up_to, unit price]", position=position)
        up_to, price = pair
        if up_to is not None and not _is_int(up_to):
            raise ValidationError("tier {position}: up_to must be a whole number or null (no limit)", position=position)
        if not _is_int(price):
            raise ValidationError(
                "tier {position}: the unit price must be a whole number of minor units", position=position
            )
        tiers.append((up_to, price))
    return tuple(tiers)


def tiers_to_json(tiers: tuple[Tier, ...]) -> str | None:
    return json.dumps([list(pair) for pair in tiers]) if tiers else None


def validate_terms(terms: PriceTerms) -> PriceTerms:
    """Refuse terms that cannot price usage sensibly; returns them unchanged."""
    if terms.pricing not in PRICING_MODELS:
        raise ValidationError(
            "pricing must be one of {models}, not {pricing!r}", models=", ".join(PRICING_MODELS), pricing=terms.pricing
        )
    _check_count(terms.included, "included units", low=0, high=MAX_UNITS)
    _check_price(terms.unit_price_minor, "unit price")
    _check_price(terms.package_price_minor, "package price")
    if terms.pricing == "none" and (
        terms.unit_price_minor or terms.tiers or terms.package_size is not None or terms.package_price_minor
    ):
        raise ValidationError("prices were given but pricing is 'none'; pick a pricing model")
    if terms.pricing in TIER_MODELS:
        _check_tiers(terms.tiers)
    elif terms.tiers:
        raise ValidationError("tiers apply only to tiered or volume pricing")
    if terms.pricing == "package":
        if terms.package_size is None:
            raise ValidationError("package pricing needs a package size of at least 1 unit")
        _check_count(terms.package_size, "package size", low=1, high=MAX_UNITS)
    elif terms.package_size is not None or terms.package_price_minor:
        raise ValidationError("a package size and price apply only to package pricing")
    if terms.pricing != "flat" and terms.unit_price_minor:
        raise ValidationError("a single unit price applies only to flat pricing; tiers carry their own prices")
    return terms


def _check_tiers(tiers: tuple[Tier, ...]) -> None:
    if not tiers:
        raise ValidationError("tiered and volume pricing need at least one tier")
    previous = 0
    for position, (up_to, price) in enumerate(tiers, start=1):
        _check_price(price, f"tier {position} unit price")
        last = position == len(tiers)
        if up_to is None:
            if not last:
                raise ValidationError("only the last tier may be open-ended (tier {position} is)", position=position)
            continue
        _check_count(up_to, f"tier {position} up_to", low=1, high=MAX_UNITS)
        if up_to <= previous:
            raise ValidationError(
                "tier limits must strictly increase (tier {position}: {up_to} after {previous})",
                position=position,
                up_to=up_to,
                previous=previous,
            )
        previous = up_to
    if tiers[-1][0] is not None:
        raise ValidationError("the last tier must be open-ended (up_to null) so every unit has a price")


def _is_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _check_count(value, what: str, *, low: int, high: int) -> None:
    if not _is_int(value):
        raise ValidationError("{what} must be a whole number", what=Term(what))
    if not low <= value <= high:
        raise ValidationError("{what} must lie between {low} and {high:,}", what=Term(what), low=low, high=high)


def _check_price(value, what: str) -> None:
    if not _is_int(value):
        raise ValidationError("{what} must be a whole number of minor units", what=Term(what))
    if value < 0:
        raise ValidationError("{what} must not be negative", what=Term(what))
    if value > MAX_MINOR:
        raise ValidationError("{what} is too large", what=Term(what))
