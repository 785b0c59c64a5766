"""Checks shared by every door into the services: row ids, free text, reasons.

The database takes text it can encode as UTF-8 and integers that fit in 64
bits; anything else would fail deep inside a query with a driver error instead
of a sentence an operator can read.
"""

from __future__ import annotations

from services.errors import Term, ValidationError

MAX_ROW_ID = 2**63 - 1
MAX_REASON = 2000


def storable(text: str) -> bool:
    """True when ``text`` can be stored and searched on both engines: no unpaired surrogates, no NUL
    (PostgreSQL's text cannot hold one; SQLite would keep it and cut it short in places)."""
    if "\x00" in text:
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def check_id(value, what: str) -> int:
    """A row id: a whole number from 1 up to what a database integer holds."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(
            "the {what} must be a whole number, not {type}", what=Term(what), type=type(value).__name__
        )
    if not 1 <= value <= MAX_ROW_ID:
        raise ValidationError(
            "there is no {what} {value}",
            what=Term(what),
            value=value if abs(value) < 10**30 else Term("(a huge number)"),
        )
    return value


def row_id_in(text: str) -> int | None:
    """The id typed as ``text`` (ASCII digits that fit a database integer), or None."""
    if text.isascii() and text.isdigit() and len(text) <= 19 and int(text) <= MAX_ROW_ID:
        return int(text)
    return None


def check_text(value, what: str, *, max_length: int, required: bool = False) -> str:
    """Free text (a reason, a note): stripped, bounded, storable."""
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise ValidationError("the {what} must be text", what=Term(what))
    value = value.strip()
    if required and not value:
        raise ValidationError("a {what} is required", what=Term(what))
    if len(value) > max_length:
        raise ValidationError(
            "the {what} is longer than {max_length} characters", what=Term(what), max_length=max_length
        )
    if not storable(value):
        raise ValidationError("the {what} contains characters that are not valid text", what=Term(what))
    return value


def clean_reason(reason) -> str:
    """The optional reason an operator gives for an action."""
    return check_text(reason, "reason", max_length=MAX_REASON)


def clean_idempotency_key(key: object, *, max_length: int) -> str | None:
    """A caller's idempotency key, stripped; None when the caller gave none.

    ``max_length`` is what the caller's table leaves for it once its own prefix is added."""
    if key is None:
        return None
    if not isinstance(key, str) or not 1 <= len(key.strip()) <= max_length or not storable(key):
        raise ValidationError("an idempotency key is 1–{max_length} characters of text", max_length=max_length)
    return key.strip()
