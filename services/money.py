"""Money at the edges: parse decimal text into minor units and format it back.

Inside the program an amount is an ``int`` of minor units plus a currency code.
"""

from __future__ import annotations

import re

from services.errors import ValidationError

CURRENCY_EXPONENT = {"USD": 2, "EUR": 2, "GBP": 2, "RUB": 2, "JPY": 0}
CURRENCY_SYMBOL = {"USD": "$", "EUR": "€", "GBP": "£", "RUB": "₽", "JPY": "¥"}

# Ten billion major units is more than any wallet here should ever hold.
MAX_MINOR = 10**12

_AMOUNT = re.compile(r"^(?P<sign>[-+]?)(?P<int>[0-9]{1,13})(?:[.,](?P<frac>[0-9]*))?$")


def check_currency(code: str) -> str:
    if not isinstance(code, str) or code.upper() not in CURRENCY_EXPONENT:
        known = ", ".join(sorted(CURRENCY_EXPONENT))
        raise ValidationError("unknown currency {code!r}; known: {known}", code=code, known=known)
    return code.upper()


def parse_amount(text, currency: str = "USD", *, allow_zero: bool = False, allow_negative: bool = False) -> int:
    """'12.50' -> 1250 for USD. Refuses floats, NaN, too many decimals, huge values."""
    currency = check_currency(currency)
    if isinstance(text, bool) or not isinstance(text, (str, int)):
        raise ValidationError("amount must be written as text like 12.50, not {type}", type=type(text).__name__)
    raw = str(text).strip().replace("\u00a0", "").replace(" ", "").replace("_", "")
    match = _AMOUNT.match(raw)
    if not match:
        raise ValidationError("{text!r} is not an amount; write it like 12.50", text=str(text)[:40])
    exponent = CURRENCY_EXPONENT[currency]
    frac = match.group("frac") or ""
    if len(frac) > exponent:
        if exponent == 0:
            raise ValidationError("{currency} has no minor unit; write a whole number", currency=currency)
        raise ValidationError(
            "{currency} amounts have at most {exponent} decimal places", currency=currency, exponent=exponent
        )
    minor = int(match.group("int")) * 10**exponent + int(frac.ljust(exponent, "0") or 0)
    if match.group("sign") == "-":
        minor = -minor
    return check_minor(minor, allow_zero=allow_zero, allow_negative=allow_negative)


def check_minor(minor, *, allow_zero: bool = False, allow_negative: bool = False) -> int:
    if isinstance(minor, bool) or not isinstance(minor, int):
        raise ValidationError("amount must be a whole number of minor units")
    if minor == 0 and not allow_zero:
        raise ValidationError("amount must not be zero")
    if minor < 0 and not allow_negative:
        raise ValidationError("amount must be positive")
    if abs(minor) > MAX_MINOR:
        raise ValidationError("amount is too large")
    return minor


def format_minor(minor: int, currency: str = "USD", *, symbol: bool = False) -> str:
    """1250 -> '12.50' (or '$12.50'). Negative amounts keep their sign in front."""
    exponent = CURRENCY_EXPONENT.get(currency, 2)
    sign = "-" if minor < 0 else ""
    whole, frac = divmod(abs(int(minor)), 10**exponent)
    body = f"{whole:,}" if symbol else str(whole)
    if exponent:
        body += "." + str(frac).rjust(exponent, "0")
    if symbol:
        return f"{sign}{CURRENCY_SYMBOL.get(currency, currency + ' ')}{body}"
    return f"{sign}{body}"


# The languages customers are written to in; their notices and documents format amounts and dates so.
CUSTOMER_LANGUAGES = ("en", "ru")
_NARROW_NO_BREAK_SPACE = "\u202f"


def check_language(code) -> str:
    text = str(code or "").strip().lower()
    if text not in CUSTOMER_LANGUAGES:
        raise ValidationError(
            "unknown language {code!r}; known: {known}", code=str(code)[:20], known=", ".join(CUSTOMER_LANGUAGES)
        )
    return text


def customer_money(minor: int, currency: str, language: str) -> str:
    """An amount as a customer reads it: 123456 USD -> '$1,234.56' in English, '1 234,56 $' in Russian."""
    exponent = CURRENCY_EXPONENT.get(currency, 2)
    whole, frac = divmod(abs(int(minor)), 10**exponent)
    sign = "-" if minor < 0 else ""
    symbol = CURRENCY_SYMBOL.get(currency, currency)
    if language == "ru":
        body = f"{whole:,}".replace(",", _NARROW_NO_BREAK_SPACE)
        if exponent:
            body += "," + str(frac).rjust(exponent, "0")
        return f"{sign}{body}\u00a0{symbol}"
    body = f"{whole:,}"
    if exponent:
        body += "." + str(frac).rjust(exponent, "0")
    return f"{sign}{symbol}{body}"


def customer_date(moment, language: str) -> str:
    """A date as a customer reads it: '5 March 2026' in English, '05.03.2026' in Russian."""
    if language == "ru":
        return f"{moment.day:02d}.{moment.month:02d}.{moment.year}"
    return f"{moment.day} {_MONTHS[moment.month - 1]} {moment.year}"


_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
