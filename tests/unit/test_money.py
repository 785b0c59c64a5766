import pytest
from hypothesis import given
from hypothesis import strategies as st

from services.errors import ValidationError
from services.money import MAX_MINOR, format_minor, parse_amount


@pytest.mark.parametrize(
    ("text", "currency", "minor"),
    [
        ("12.50", "USD", 1250),
        ("12,5", "EUR", 1250),
        ("0.01", "USD", 1),
        ("7", "USD", 700),
        (" 1 000.00 ", "USD", 100000),
        ("500", "JPY", 500),
        ("+3.10", "USD", 310),
    ],
)
def test_parse(text, currency, minor):
    assert parse_amount(text, currency) == minor


@pytest.mark.parametrize(
    "text",
    ["", "abc", "1.234", "NaN", "inf", "1e5", "--1", "1.2.3", "0", "-5", "0.00", "99999999999999", "12.5 USD", "١٢"],
)
def test_refused_amounts(text):
    with pytest.raises(ValidationError):
        parse_amount(text, "USD")


def test_floats_are_refused_outright():
    with pytest.raises(ValidationError):
        parse_amount(12.5, "USD")


def test_unknown_currency():
    with pytest.raises(ValidationError, match="unknown currency"):
        parse_amount("1", "XXX")


def test_yen_has_no_minor_unit():
    with pytest.raises(ValidationError, match="no minor unit"):
        parse_amount("1.5", "JPY")


@given(st.integers(min_value=1, max_value=MAX_MINOR))
def test_format_then_parse_round_trips(minor):
    assert parse_amount(format_minor(minor, "USD"), "USD") == minor


def test_format():
    assert format_minor(123456, "USD", symbol=True) == "$1,234.56"
    assert format_minor(-5, "EUR") == "-0.05"
    assert format_minor(500, "JPY", symbol=True) == "¥500"
