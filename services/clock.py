"""Time comes from an injected clock so tests and demos can move it.

All datetimes in the program are naive and mean UTC.
"""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta
from typing import Protocol

from services.errors import ValidationError


def utc_now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class Clock(Protocol):
    """What every service reads the time from."""

    def now(self) -> datetime: ...


class SystemClock:
    def now(self) -> datetime:
        return utc_now()


class FixedClock:
    """A clock that stands still until told to move (tests, --now, demo time travel)."""

    def __init__(self, start: datetime) -> None:
        self._now = start
        self._lock = threading.Lock()

    def now(self) -> datetime:
        with self._lock:
            return self._now

    def set(self, moment: datetime) -> None:
        with self._lock:
            self._now = moment

    def advance(self, delta: timedelta | None = None, **kwargs: float) -> datetime:
        with self._lock:
            self._now += delta if delta is not None else timedelta(**kwargs)
            return self._now


class OffsetClock:
    """Real time shifted by an offset that can grow (the demo's "jump a day")."""

    def __init__(self, offset: timedelta = timedelta()) -> None:
        self._offset = offset
        self._lock = threading.Lock()

    def now(self) -> datetime:
        with self._lock:
            return utc_now() + self._offset

    @property
    def offset(self) -> timedelta:
        with self._lock:
            return self._offset

    def advance(self, delta: timedelta | None = None, **kwargs: float) -> datetime:
        with self._lock:
            self._offset += delta if delta is not None else timedelta(**kwargs)
        return self.now()


def parse_instant(text: str) -> datetime:
    """ISO 8601 date or date-time; an offset is converted to UTC."""
    try:
        moment = datetime.fromisoformat(str(text).strip().replace("Z", "+00:00"))
    except ValueError:
        raise ValidationError(
            "{text!r} is not an ISO date or date-time (2026-01-31T09:00)", text=str(text)[:40]
        ) from None
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    if not 1970 <= moment.year <= 2200:
        raise ValidationError("dates must lie between 1970 and 2200")
    return moment
