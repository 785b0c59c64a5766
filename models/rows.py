"""Query results as plain rows, typed as what they are.

peewee's own stubs type ``.tuples()`` and ``.dicts()`` as the model query itself, so
iterating one looks like iterating model instances; these helpers say what comes back.
"""

from __future__ import annotations

from typing import Any


def tuples(query: Any) -> list[tuple[Any, ...]]:
    """Every row of ``query`` as a tuple of its selected columns."""
    return list(query.tuples())


def dicts(query: Any) -> list[dict[str, Any]]:
    """Every row of ``query`` as a dict of its selected columns."""
    return list(query.dicts())


def pairs(query: Any) -> dict[Any, Any]:
    """A query of two columns as {first: second}."""
    return dict(query.tuples())


def first_tuple(query: Any) -> tuple[Any, ...]:
    """The one row of an aggregate query, as a tuple."""
    return tuple(query.tuples().get())


def selected(row: Any, alias: str) -> Any:
    """A value a query selected under ``alias`` beside a model's own columns."""
    return getattr(row, alias)
