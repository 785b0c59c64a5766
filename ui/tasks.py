"""The one way off the GUI thread.

``TaskRunner.run(fn, on_done, on_error)`` runs ``fn`` on a worker thread with
its own database connection and hands the result (or the exception) back on
the GUI thread through a queued signal. Widgets never touch the database,
the gateway or the keyring themselves.
"""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from models.db import connection

log = logging.getLogger(__name__)

# The attribute a worker's error carries its traceback on, as text, for ui.errors to log.
TRACEBACK_TEXT = "__traceback_text__"


def _run_on_own_connection(fn: Callable[[], Any]) -> tuple[Any, BaseException | None]:
    """``fn``'s result, or its error with the traceback as text, on a database connection of this thread."""
    try:
        with connection():
            return fn(), None
    except BaseException as exc:  # noqa: BLE001 - handed to the GUI thread to show
        setattr(exc, TRACEBACK_TEXT, traceback.format_exc())
        return None, exc


class _Delivery(QObject):
    """Lives on the GUI thread; worker threads emit, the GUI thread receives."""

    task_finished = Signal(int, object, object)


class _Job(QRunnable):
    def __init__(self, task_id: int, fn: Callable[[], Any], delivery: _Delivery):
        super().__init__()
        self.task_id, self.fn, self.delivery = task_id, fn, delivery

    def run(self) -> None:
        result, error = _run_on_own_connection(self.fn)
        self.delivery.task_finished.emit(self.task_id, result, error)


class TaskRunner(QObject):
    """Runs callables on a thread pool; callbacks arrive on the GUI thread."""

    busy_changed = Signal(bool)
    # A service refused because the signed-in account changed (disabled, role or password): the desk signs out.
    account_changed = Signal(object)

    def __init__(self, parent: QObject | None = None, max_threads: int = 4, synchronous: bool = False):
        super().__init__(parent)
        self.synchronous = synchronous
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._delivery = _Delivery(self)
        self._delivery.task_finished.connect(self.on_task_finished)
        self._callbacks: dict[int, tuple[Callable | None, Callable | None]] = {}
        self._next_id = 0
        self._lock = threading.Lock()

    @property
    def pending(self) -> int:
        return len(self._callbacks)

    def run(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> int:
        with self._lock:
            self._next_id += 1
            task_id = self._next_id
        if self.synchronous:
            result, error = _run_on_own_connection(fn)
            self._callbacks[task_id] = (on_done, on_error)
            self.on_task_finished(task_id, result, error)
            return task_id
        was_idle = not self._callbacks
        self._callbacks[task_id] = (on_done, on_error)
        if was_idle:
            self.busy_changed.emit(True)
        self._pool.start(_Job(task_id, fn, self._delivery))
        return task_id

    @Slot(int, object, object)
    def on_task_finished(self, task_id: int, result, error) -> None:
        on_done, on_error = self._callbacks.pop(task_id, (None, None))
        if not self._callbacks and not self.synchronous:
            self.busy_changed.emit(False)
        try:
            if error is not None:
                from services.auth import SignedOut

                if isinstance(error, SignedOut):
                    self.account_changed.emit(error)
                elif on_error is not None:
                    on_error(error)
                else:
                    from ui.errors import log_unexpected

                    log_unexpected(error)
            elif on_done is not None:
                on_done(result)
        except Exception:
            log.exception("a task callback failed")

    def wait_idle(self, timeout_ms: int = 30000) -> bool:
        """For shutdown and tests: wait for running tasks (callbacks still need the event loop)."""
        return self._pool.waitForDone(timeout_ms)
