"""How each operation is retried: the handlers the services register, and how one says an attempt failed.

The queue reads them when it records a failure (an urgent operation retries at
once) and before an operator closes an item; the runner calls them.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass

from services.error_items import ErrorItemInfo
from services.errors import ValidationError
from services.retry_policy import clean_name, error_message

RunHandler = Callable[[ErrorItemInfo], str | None]
CloseHandler = Callable[[ErrorItemInfo], None]


class AttemptFailed(Exception):
    """Raised by a handler: this attempt failed, with ``error``.

    For a handler that dealt with an error itself (kept what it learned, put money
    back) and must still not see its item resolved. The runner counts the attempt
    as failed with ``error``'s class and message, as huey's ``RetryTask`` asks for
    another go; nothing is logged as a bug.
    """

    def __init__(self, error: BaseException) -> None:
        super().__init__(error_message(error))
        self.error = error


@dataclass(frozen=True)
class RetryHandler:
    run: RunHandler
    uses_gateway: bool
    urgent: bool
    before_close: CloseHandler | None = None


class RetryHandlers:
    """The handler of each operation; registered at wiring time, read from any thread."""

    def __init__(self) -> None:
        self._handlers: dict[str, RetryHandler] = {}
        self._lock = threading.Lock()

    def register(
        self,
        operation: str,
        handler: RunHandler,
        *,
        uses_gateway: bool = True,
        urgent: bool = False,
        before_close: CloseHandler | None = None,
    ) -> None:
        """How to retry ``operation``: ``handler`` returns normally when the operation is done
        (its text becomes the resolution) and raises the typed error, or ``AttemptFailed``,
        when it is not.

        ``before_close`` runs (outside any transaction) before an operator cancels or
        resolves an item: it settles the subject for good (e.g. asks the gateway whether
        a charge went through) and raises a domain error to refuse the close."""
        operation = clean_name(operation, "operation")
        if not callable(handler):
            raise ValidationError("a retry handler must be callable")
        with self._lock:
            self._handlers[operation] = RetryHandler(handler, bool(uses_gateway), bool(urgent), before_close)

    def get(self, operation: str) -> RetryHandler | None:
        with self._lock:
            return self._handlers.get(operation)

    def operations(self) -> list[str]:
        with self._lock:
            return sorted(self._handlers)

    def is_urgent(self, operation: str) -> bool:
        handler = self.get(operation)
        return handler is not None and handler.urgent
