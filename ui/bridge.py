"""Qt signals for events that happen on other threads or in other processes."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from scheduler.runner import SchedulerEvent
from services.change_feed import ChangeListener
from services.changes import Changes, Kind
from ui.tasks import TaskRunner

log = logging.getLogger(__name__)


class CoreBridge(QObject):
    """Turns core callbacks (any thread) into queued signals on the GUI thread.

    Notifications posted by another process sharing the database (a headless
    worker, another desk) are picked up by polling for ids above the newest seen,
    at once when the change feed says notifications changed. Each arrives as
    ``notification_posted``; the unread count is asked once per burst.

    What an operation changed goes out as ``changes_made``: an operator's action
    announces its own changes, and every scheduled job run in this window (on its
    timer or run now) announces what its ``JobSpec`` declares. Each page reloads
    when one of the kinds it shows is among them.
    """

    notification_posted = Signal(object)  # NotificationInfo
    scheduler_event_happened = Signal(object)  # SchedulerEvent
    unread_count_changed = Signal(int)
    changes_made = Signal(object, object)  # Changes, and the page whose action made them (None: a job)
    changes_committed_elsewhere = Signal(object)  # Changes; emitted from the listener's thread

    def __init__(
        self,
        core,
        runner: TaskRunner,
        parent=None,
        poll_ms: int = 5000,
        listener: ChangeListener | None = None,
        unread_delay_ms: int = 250,
    ):
        super().__init__(parent)
        self.core = core
        self.runner = runner
        self.listener = listener
        self.changes_committed_elsewhere.connect(self.on_changes_committed_elsewhere)
        self._newest_id = 0
        self._seen: set[int] = set()
        core.notifications.subscribe(self._on_core_notification)
        self._timer = QTimer(self)
        self._timer.setInterval(poll_ms)
        self._timer.timeout.connect(self.on_poll_timer)
        # A burst of notifications (a clock jump posts dozens) asks for the unread count once, not once each.
        self._unread_timer = QTimer(self)
        self._unread_timer.setSingleShot(True)
        self._unread_timer.setInterval(unread_delay_ms)
        self._unread_timer.timeout.connect(self.refresh_unread)
        self._unread_loading = False
        self._unread_again = False
        self.unread_refreshes = 0  # how many counts were asked of the database; tests read it
        self.notification_posted.connect(self._remember)
        self.scheduler_event_happened.connect(self.on_scheduler_event_happened)

    def start(self) -> None:
        def newest():
            rows = self.core.notifications.recent(limit=1)
            return rows[0].id if rows else 0

        self.runner.run(newest, self._set_newest)
        self._timer.start()
        self.refresh_unread()
        if self.listener is not None:
            # The listener calls back on its own thread; emit() queues the changes to the GUI thread.
            self.listener.start(self.changes_committed_elsewhere.emit)

    def stop(self) -> None:
        self._timer.stop()
        self._unread_timer.stop()
        if self.listener is not None and not self.listener.stop(timeout=5):
            log.warning("the listener for other desks' changes did not stop in time")

    def _set_newest(self, newest: int) -> None:
        self._newest_id = max(self._newest_id, newest)

    def _on_core_notification(self, info) -> None:
        # Called on whatever thread posted it; emit() queues it to the GUI thread.
        self.notification_posted.emit(info)

    def on_scheduler_event(self, event: SchedulerEvent) -> None:
        """Given to the scheduler as its on_event callback (runs on the scheduler thread)."""
        self.scheduler_event_happened.emit(event)

    @Slot(object)
    def on_scheduler_event_happened(self, event: SchedulerEvent) -> None:
        # A failed run may have done part of its work before it failed: what it declares is reloaded too.
        if event.kind in ("job_finished", "job_failed"):
            self.announce(event.changes)

    def announce(self, changes: Changes, initiator: QObject | None = None) -> None:
        """Tell the pages what an operation changed; ``initiator`` is the page whose action it was."""
        if not changes:
            return
        if Kind.NOTIFICATION in changes:
            self.refresh_unread()
        self.changes_made.emit(changes, initiator)

    @Slot(object)
    def on_changes_committed_elsewhere(self, changes: Changes) -> None:
        if Kind.NOTIFICATION in changes:
            self.on_poll_timer()  # a notification posted elsewhere reaches the tray now, not at the next poll
        self.announce(changes)

    @Slot(object)
    def _remember(self, info) -> None:
        self._seen.add(info.id)
        self._newest_id = max(self._newest_id, info.id)
        self.refresh_unread_soon()

    @Slot()
    def on_poll_timer(self) -> None:
        after = self._newest_id
        self.runner.run(lambda: self.core.notifications.recent(limit=50, after_id=after), self._on_polled)

    def _on_polled(self, rows) -> None:
        for info in sorted(rows, key=lambda r: r.id):
            if info.id not in self._seen:
                self.notification_posted.emit(info)

    def refresh_unread_soon(self) -> None:
        """Count the unread notifications once the current burst has arrived (one query for all of it)."""
        if not self._unread_timer.isActive():
            self._unread_timer.start()

    @Slot()
    def refresh_unread(self) -> None:
        """Count the unread notifications now; while a count is running, once more when it ends."""
        self._unread_timer.stop()
        if self._unread_loading:
            self._unread_again = True
            return
        self._unread_loading = True
        self.unread_refreshes += 1
        self.runner.run(self.core.notifications.unread_count, self._on_unread_counted, self._on_unread_failed)

    def _on_unread_counted(self, count: int) -> None:
        self._unread_loading = False
        self.unread_count_changed.emit(count)
        if self._unread_again:
            self._unread_again = False
            self.refresh_unread()

    def _on_unread_failed(self, error: BaseException) -> None:
        self._unread_loading = False
        self._unread_again = False
        log.warning("could not count the unread notifications: %s", error)
