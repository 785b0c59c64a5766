"""What the desk's SQL-paged tables build their queries from, so that each filter and sort is served by
an index: text search that needs no LOWER() on every row, sort keys spelled as their indexes hold
them (migration 9), and the distinct values a filter offers, read by a skip scan."""

from __future__ import annotations

from typing import Any

from peewee import SQL, fn

from models.db import contains_text, distinct_values
from models.migrations import TEXT_SORT_LENGTH

__all__ = ["contains_text", "distinct_values", "literal", "text_start"]


def literal(text: str) -> SQL:
    """A constant written into the SQL rather than bound, so a sort key matches its index's expression
    (neither engine matches an index expression that holds a parameter)."""
    return SQL("'" + text.replace("'", "''") + "'")


def text_start(expression: Any) -> Any:
    """The start of a long text, the way its sort index holds it (a PostgreSQL B-tree entry is bounded)."""
    return fn.SUBSTR(expression, SQL("1"), SQL(str(TEXT_SORT_LENGTH)))
