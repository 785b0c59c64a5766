"""Money, numbers and dates as the operator's language writes them.

The locale follows the installed translation: the message "en_US" in the context "Formatting" is
translated to the locale of the language ("ru_RU"), so switching the language switches the
formats with it and a test that removes the translator gets English formats back. Money stays an
integer count of minor units all the way into the text (no float on the way).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Sequence
from datetime import date, datetime
from functools import lru_cache

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QTime

from services.money import CURRENCY_EXPONENT, CURRENCY_SYMBOL

_locales = threading.local()  # a QLocale per name and thread: building one from its name is slow for every cell


def operator_locale() -> QLocale:
    """The locale of the language the desk speaks."""
    name = QCoreApplication.translate(
        "Formatting", "en_US", "the locale (language_COUNTRY) whose formats the desk uses"
    )
    known = getattr(_locales, "by_name", None)
    if known is None:
        known = _locales.by_name = {}
    locale = known.get(name)
    if locale is None:
        locale = known[name] = QLocale(name)
    return locale


# A date pattern of numbers only ("yyyy-MM-dd HH:mm", "dd.MM.yyyy") is written by Python's str.format,
# the same text QLocale writes when the locale's digits are 0-9 and a hundred times faster per cell.
_PATTERN_PART = re.compile(r"yyyy|MM|dd|HH|mm|ss|[^A-Za-z']+")
_NUMBER_FIELDS = {
    "yyyy": "{0:04d}",
    "MM": "{1:02d}",
    "dd": "{2:02d}",
    "HH": "{3:02d}",
    "mm": "{4:02d}",
    "ss": "{5:02d}",
}


@lru_cache(maxsize=64)
def _numeric_pattern(pattern: str, zero_digit: str) -> str | None:
    """``pattern`` as a str.format template, or None when it holds anything but numbers and separators."""
    parts = _PATTERN_PART.findall(pattern)
    if zero_digit != "0" or "".join(parts) != pattern:
        return None
    return "".join(_NUMBER_FIELDS.get(part) or part.replace("{", "{{").replace("}", "}}") for part in parts)


def _moment_text(moment: date, pattern: str) -> str | None:
    locale = operator_locale()
    template = _numeric_pattern(pattern, locale.zeroDigit())
    if template is None:
        return None
    hour, minute, second = (moment.hour, moment.minute, moment.second) if isinstance(moment, datetime) else (0, 0, 0)
    return template.format(moment.year, moment.month, moment.day, hour, minute, second)


def money_text(minor: int, currency: str = "USD") -> str:
    """1234550 USD -> '$12,345.50' in English, '12 345,50 $' in Russian."""
    locale = operator_locale()
    exponent = CURRENCY_EXPONENT.get(currency, 2)
    whole, fraction = divmod(abs(int(minor)), 10**exponent)
    text = locale.toCurrencyString(whole, CURRENCY_SYMBOL.get(currency, currency))
    if exponent:
        last_digit = max(i for i, char in enumerate(text) if char.isdigit())
        decimals = locale.decimalPoint() + str(fraction).rjust(exponent, "0")
        text = text[: last_digit + 1] + decimals + text[last_digit + 1 :]
    return locale.negativeSign() + text if minor < 0 else text


def number_text(value: int) -> str:
    """A whole number with the locale's digit grouping: '12,345' / '12 345'."""
    return operator_locale().toString(int(value))


def percent_text(share: float) -> str:
    """0.9731 -> '97.3 %' / '97,3 %'."""
    return operator_locale().toString(share * 100, "f", 1) + " %"


def _qdate(moment: date) -> QDate:
    return QDate(moment.year, moment.month, moment.day)


def date_text(moment: date | datetime | None) -> str:
    """'2026-03-05' in English, '05.03.2026' in Russian; '' for no date."""
    if moment is None:
        return ""
    pattern = QCoreApplication.translate("Formatting", "yyyy-MM-dd", "a date in tables (Qt date format)")
    text = _moment_text(moment, pattern)
    return text if text is not None else operator_locale().toString(_qdate(moment), pattern)


def minute_text(moment: datetime | None) -> str:
    """'2026-03-05 14:30' in English, '05.03.2026 14:30' in Russian; '' for no moment."""
    if moment is None:
        return ""
    pattern = QCoreApplication.translate("Formatting", "yyyy-MM-dd HH:mm", "a date and time (Qt format)")
    return _datetime(moment, pattern)


def second_text(moment: datetime | None) -> str:
    """'2026-03-05 14:30:09' in English, '05.03.2026 14:30:09' in Russian; '' for no moment."""
    if moment is None:
        return ""
    pattern = QCoreApplication.translate("Formatting", "yyyy-MM-dd HH:mm:ss", "a date and time to the second")
    return _datetime(moment, pattern)


def _datetime(moment: datetime, pattern: str) -> str:
    text = _moment_text(moment, pattern)
    if text is not None:
        return text
    stamp = QDateTime(_qdate(moment), QTime(moment.hour, moment.minute, moment.second))
    return operator_locale().toString(stamp, pattern)


def short_month_name(month: int) -> str:
    """'Mar' / 'март': a month on its own (a chart's axis), in the nominative case."""
    return operator_locale().standaloneMonthName(month, QLocale.FormatType.ShortFormat)


def day_and_month(moment: date) -> str:
    """'5 Mar' / '5 мар.': a day of the month, for a chart's axis."""
    return operator_locale().toString(_qdate(moment), "d MMM")


def whole_number_text(value: float) -> str:
    """A value on a chart's axis or in its tooltip, rounded, with the locale's digit grouping."""
    return number_text(round(value))


def day_labels(days: Sequence[date]) -> list[str]:
    """'5 Mar' / '5 мар.': days on a chart's axis, month names in the operator's language."""
    return [day_and_month(day) for day in days]
