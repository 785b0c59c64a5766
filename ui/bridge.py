"""Qt signals for events that happen on other threads or in other processes."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from ui.tasks import TaskRunner


class CoreBridge(QObject):
    """Turns core callbacks (any thread) into queued signals on the GUI thread.

    Notifications posted by another process sharing the database (a headless
    worker, another desk) are picked up by polling for ids above the newest seen.
    """

    notification_posted = Signal(object)     # NotificationInfo
    scheduler_event_happened = Signal(object)  # SchedulerEvent
    unread_count_changed = Signal(int)
    data_changed = Signal(str)               # what kind of thing changed: "wallet", "subscription", …

    def __init__(self, core, runner: TaskRunner, parent=None, poll_ms: int = 5000):
        super().__init__(parent)
        self.core = core
        self.runner = runner
        self._newest_id = 0
        self._seen: set[int] = set()
        core.notifications.subscribe(self._on_core_notification)
        self._timer = QTimer(self)
        self._timer.setInterval(poll_ms)
        self._timer.timeout.connect(self.on_poll_timer)
        self.notification_posted.connect(self._remember)

    def start(self) -> None:
        def newest():
            rows = self.core.notifications.recent(limit=1)
            return rows[0].id if rows else 0

        self.runner.run(newest, self._set_newest)
        self._timer.start()
        self.refresh_unread()

    def stop(self) -> None:
        self._timer.stop()

    def _set_newest(self, newest: int) -> None:
        self._newest_id = max(self._newest_id, newest)

    def _on_core_notification(self, info) -> None:
        # Called on whatever thread posted it; emit() queues it to the GUI thread.
        self.notification_posted.emit(info)

    def on_scheduler_event(self, event) -> None:
        """Given to the scheduler as its on_event callback (runs on the scheduler thread)."""
        self.scheduler_event_happened.emit(event)

    @Slot(object)
    def _remember(self, info) -> None:
        self._seen.add(info.id)
        self._newest_id = max(self._newest_id, info.id)
        self.refresh_unread()

    @Slot()
    def on_poll_timer(self) -> None:
        after = self._newest_id
        self.runner.run(lambda: self.core.notifications.recent(limit=50, after_id=after), self._on_polled)

    def _on_polled(self, rows) -> None:
        for info in sorted(rows, key=lambda r: r.id):
            if info.id not in self._seen:
                self.notification_posted.emit(info)

    def refresh_unread(self) -> None:
        self.runner.run(self.core.notifications.unread_count, self.unread_count_changed.emit)
