"""Usage pricing: worked examples per model, properties, and refusal of bad terms."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from services.errors import ValidationError
from services.pricing import PriceTerms, parse_tiers, tiers_to_json, usage_charge_minor, validate_terms

TIERS = ((100, 10), (1000, 5), (None, 2))


# --- worked examples -------------------------------------------------------


@pytest.mark.parametrize(("used", "expected"), [(0, 0), (100, 0), (101, 5), (250, 750)])
def test_flat_charges_each_unit_over_the_included_amount(used, expected):
    assert usage_charge_minor(PriceTerms("flat", included=100, unit_price_minor=5), used) == expected


@pytest.mark.parametrize(
    ("used", "expected"),
    [
        (0, 0),
        (1, 10),
        (100, 1000),
        (101, 1005),
        (1000, 1000 + 900 * 5),
        (1500, 1000 + 4500 + 500 * 2),
    ],
)
def test_tiered_prices_each_unit_by_the_tier_it_falls_in(used, expected):
    assert usage_charge_minor(PriceTerms("tiered", tiers=TIERS), used) == expected


def test_tiered_tiers_count_units_after_the_included_amount():
    terms = PriceTerms("tiered", included=50, tiers=TIERS)
    assert usage_charge_minor(terms, 150) == 100 * 10
    assert usage_charge_minor(terms, 151) == 100 * 10 + 5


@pytest.mark.parametrize(
    ("used", "expected"),
    [
        (0, 0),
        (100, 100 * 10),
        (101, 101 * 5),
        (1000, 1000 * 5),
        (1001, 1001 * 2),
        (1500, 1500 * 2),
    ],
)
def test_volume_prices_all_units_at_the_tier_the_total_reaches(used, expected):
    assert usage_charge_minor(PriceTerms("volume", tiers=TIERS), used) == expected


@pytest.mark.parametrize(("used", "expected"), [(10, 0), (11, 250), (110, 250), (111, 500), (310, 750)])
def test_package_charges_every_started_package(used, expected):
    terms = PriceTerms("package", included=10, package_size=100, package_price_minor=250)
    assert usage_charge_minor(terms, used) == expected


def test_no_pricing_never_charges():
    assert usage_charge_minor(PriceTerms("none"), 10**9) == 0


def test_charge_of_a_huge_period_is_exact_integer_arithmetic():
    terms = PriceTerms("flat", unit_price_minor=3)
    assert usage_charge_minor(terms, 10**15 + 1) == 3 * 10**15 + 3


# --- properties ------------------------------------------------------------


@st.composite
def tier_lists(draw):
    bounds = sorted(draw(st.sets(st.integers(1, 5000), min_size=0, max_size=5)))
    prices = draw(st.lists(st.integers(0, 1000), min_size=len(bounds) + 1, max_size=len(bounds) + 1))
    return tuple(zip([*bounds, None], prices, strict=True))


@st.composite
def price_terms(draw, models=("none", "flat", "tiered", "volume", "package")):
    model = draw(st.sampled_from(models))
    included = draw(st.integers(0, 2000))
    if model == "flat":
        return PriceTerms(model, included, unit_price_minor=draw(st.integers(0, 1000)))
    if model in ("tiered", "volume"):
        return PriceTerms(model, included, tiers=draw(tier_lists()))
    if model == "package":
        return PriceTerms(
            model, included, package_size=draw(st.integers(1, 500)), package_price_minor=draw(st.integers(0, 10_000))
        )
    return PriceTerms(model, included)


usage = st.integers(0, 20_000)


@given(price_terms(), usage)
def test_every_generated_term_is_valid_and_never_charges_a_negative_amount(terms, used):
    assert validate_terms(terms) is terms
    assert usage_charge_minor(terms, used) >= 0


@given(price_terms(("flat", "tiered", "package")), usage, usage)
def test_charge_never_drops_when_more_is_used(terms, a, b):
    low, high = sorted((a, b))
    assert usage_charge_minor(terms, low) <= usage_charge_minor(terms, high)


@given(price_terms(), st.data())
def test_usage_within_the_included_amount_is_free(terms, data):
    used = data.draw(st.integers(0, terms.included))
    assert usage_charge_minor(terms, used) == 0


@given(tier_lists(), st.integers(0, 400), st.integers(0, 3000))
def test_tiered_equals_the_sum_of_each_units_own_tier_price(tiers, included, used):
    def price_of_unit(n):  # n counts billable units from 1
        return next(price for up_to, price in tiers if up_to is None or n <= up_to)

    expected = sum(price_of_unit(n) for n in range(1, max(0, used - included) + 1))
    assert usage_charge_minor(PriceTerms("tiered", included, tiers=tiers), used) == expected


@given(tier_lists(), usage)
def test_volume_charges_every_billable_unit_at_one_tier_price(tiers, used):
    charge = usage_charge_minor(PriceTerms("volume", tiers=tiers), used)
    assert any(charge == used * price for _, price in tiers)


@given(st.integers(1, 500), st.integers(0, 10_000), usage)
def test_package_covers_the_billable_units_with_as_few_packages_as_possible(size, price, used):
    terms = PriceTerms("package", package_size=size, package_price_minor=max(price, 1))
    packages = usage_charge_minor(terms, used) // terms.package_price_minor
    assert packages * size >= used > (packages - 1) * size


@given(st.integers(0, 1000), st.integers(0, 1000), usage)
def test_one_open_tier_prices_like_flat(price, included, used):
    flat = usage_charge_minor(PriceTerms("flat", included, unit_price_minor=price), used)
    assert usage_charge_minor(PriceTerms("tiered", included, tiers=((None, price),)), used) == flat
    assert usage_charge_minor(PriceTerms("volume", included, tiers=((None, price),)), used) == flat


@given(tier_lists())
def test_tiers_survive_the_json_round_trip(tiers):
    assert parse_tiers(tiers_to_json(tiers)) == tiers


# --- parsing and validation ------------------------------------------------


def test_parse_tiers_reads_json_text_and_lists():
    assert parse_tiers("[[1000, 5], [null, 3]]") == ((1000, 5), (None, 3))
    assert parse_tiers([[10, 1], (None, 0)]) == ((10, 1), (None, 0))
    assert parse_tiers(None) == parse_tiers("") == ()


@pytest.mark.parametrize(
    "value",
    [
        "not json",
        "{}",
        "[[1, 2, 3]]",
        "[5]",
        "[[1.5, 2]]",
        "[[10, 2.5]]",
        '[["10", 2]]',
        [[True, 1]],
        [[None, False]],
        42,
    ],
)
def test_parse_tiers_refuses_malformed_input(value):
    with pytest.raises(ValidationError):
        parse_tiers(value)


@pytest.mark.parametrize(
    ("terms", "message"),
    [
        (PriceTerms("bogus"), "pricing must be one of"),
        (PriceTerms("flat", unit_price_minor=-1), "must not be negative"),
        (PriceTerms("flat", included=-5, unit_price_minor=1), "included units"),
        (PriceTerms("tiered"), "at least one tier"),
        (PriceTerms("tiered", tiers=((100, 5), (100, 4), (None, 1))), "strictly increase"),
        (PriceTerms("volume", tiers=((100, 5), (50, 4), (None, 1))), "strictly increase"),
        (PriceTerms("tiered", tiers=((100, 5), (200, 4))), "open-ended"),
        (PriceTerms("tiered", tiers=((None, 5), (200, 4))), "only the last tier"),
        (PriceTerms("tiered", tiers=((0, 5), (None, 4))), "tier 1 up_to"),
        (PriceTerms("volume", tiers=((10, -1), (None, 4))), "must not be negative"),
        (PriceTerms("package", package_price_minor=100), "package size"),
        (PriceTerms("package", package_size=0, package_price_minor=100), "package size"),
        (PriceTerms("package", package_size=10, package_price_minor=-1), "must not be negative"),
        (PriceTerms("flat", unit_price_minor=1, tiers=((None, 1),)), "tiers apply only"),
        (PriceTerms("flat", unit_price_minor=1, package_size=10), "package"),
        (PriceTerms("tiered", unit_price_minor=3, tiers=((None, 1),)), "flat pricing"),
        (PriceTerms("none", unit_price_minor=3), "pricing is 'none'"),
        (PriceTerms("flat", unit_price_minor=2.5), "whole number"),
        (PriceTerms("flat", unit_price_minor=10**13), "too large"),
    ],
)
def test_validate_terms_refuses_terms_that_cannot_price_usage(terms, message):
    with pytest.raises(ValidationError, match=message):
        validate_terms(terms)
