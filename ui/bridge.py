"""Qt signals for events that happen on other threads or in other processes."""

from __future__ import annotations

import logging
import threading
import weakref
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QElapsedTimer, QObject, QTimer, Signal, Slot

from scheduler.runner import SchedulerEvent
from services.change_feed import ChangeListener
from services.changes import NO_CHANGES, Changes, Kind
from services.storage_health import storage_health
from ui.tasks import TaskRunner

log = logging.getLogger(__name__)

# Notifications posted on other threads reach the GUI thread in bursts at most this often: a renewal
# pass posting thousands costs the GUI thread a few deliveries a second, not one per notice.
NOTICE_BURST_MS = 200
# The unread count is asked once a burst has arrived: this long after its last notice, and while a
# long burst goes on, at least this often.
UNREAD_DELAY_MS = 250
UNREAD_AT_LEAST_EVERY_MS = 5000
# What other desks and workers commit reaches the pages at most this often (a worker's renewal pass
# commits hundreds of batches: the open pages reload once a second, not once a batch).
ELSEWHERE_EVERY_MS = 1000
# SQLite cannot say who committed: while this desk's own scheduler runs a job, what the change feed
# sees is mostly that job's own work, which the job announces when it finishes. What it hears then
# is held, and handed on when the job ends (or after this long, should a job run that long).
HELD_AT_MOST_MS = 60_000
SEEN_KEPT = 5000  # the ids of delivered notifications kept to skip a second delivery of the same one


class CoreBridge(QObject):
    """Turns core callbacks (any thread) into queued signals on the GUI thread.

    Notifications posted by another process sharing the database (a headless
    worker, another desk) are picked up by polling for ids above the newest seen,
    at once when the change feed says notifications changed.

    Notifications arrive in bursts: those posted on another thread (the scheduler's, a
    worker of the task runner) are gathered and delivered together, at most every
    ``NOTICE_BURST_MS``, as one ``notifications_posted`` (oldest first), each also as
    ``notification_posted``; one posted on the GUI thread is delivered at once. Whatever
    the size of a burst, the unread count is asked once for it.

    What an operation changed goes out as ``changes_made``: an operator's action
    announces its own changes, and every scheduled job run in this window (on its
    timer or run now) announces what its ``JobSpec`` declares. Each page reloads
    when one of the kinds it shows is among them. What other desks and workers
    commit goes out too, at most every ``elsewhere_ms``; on SQLite, while this
    desk's own job runs, it is held until the job ends (the feed cannot tell the
    job's commits from theirs) and goes out with the job's own changes.
    """

    notification_posted = Signal(object)  # NotificationInfo: each one, in the order they came
    notifications_posted = Signal(object)  # tuple[NotificationInfo, ...]: one burst, oldest first
    scheduler_event_happened = Signal(object)  # SchedulerEvent
    unread_count_changed = Signal(int)
    changes_made = Signal(object, object)  # Changes, and the page whose action made them (None: a job)
    changes_committed_elsewhere = Signal(object)  # Changes; emitted from the listener's thread
    _notifications_waiting = Signal()  # emitted from a poster's thread: a burst is gathering
    # The database cannot be written ("disk_full", "read_only") or can again (None); emitted from any thread.
    storage_changed = Signal(object)

    def __init__(
        self,
        core,
        runner: TaskRunner,
        parent=None,
        poll_ms: int = 5000,
        listener: ChangeListener | None = None,
        unread_delay_ms: int = UNREAD_DELAY_MS,
        burst_ms: int = NOTICE_BURST_MS,
        elsewhere_ms: int = ELSEWHERE_EVERY_MS,
    ):
        super().__init__(parent)
        self.core = core
        self.runner = runner
        self.listener = listener
        self.changes_committed_elsewhere.connect(self.on_changes_committed_elsewhere)
        self._newest_id = 0
        self._seen: set[int] = set()
        self._gui_thread = threading.get_ident()  # the bridge is made on the GUI thread
        # Posted on other threads, not yet delivered; guarded by the lock.
        self._lock = threading.Lock()
        self._waiting: list = []
        self._wake_sent = False
        self._notifications_waiting.connect(self._on_notifications_waiting)
        self._burst_ms = burst_ms
        self._since_burst = QElapsedTimer()
        self._burst_timer = QTimer(self)
        self._burst_timer.setSingleShot(True)
        self._burst_timer.timeout.connect(self._deliver_waiting)
        core.notifications.subscribe(self._on_core_notification)
        self._timer = QTimer(self)
        self._timer.setInterval(poll_ms)
        self._timer.timeout.connect(self.on_poll_timer)
        # A burst of notifications (a clock jump posts dozens, a renewal pass thousands) asks for the
        # unread count once it has arrived, not once each.
        self._unread_timer = QTimer(self)
        self._unread_timer.setSingleShot(True)
        self._unread_timer.setInterval(unread_delay_ms)
        self._unread_timer.timeout.connect(self.refresh_unread)
        self._unread_waiting = QElapsedTimer()
        self._unread_loading = False
        self._unread_again = False
        self.unread_refreshes = 0  # how many counts were asked of the database; tests read it
        # What other desks committed, gathered while it may not go out yet.
        self._elsewhere = NO_CHANGES
        self._elsewhere_ms = elsewhere_ms
        self._since_elsewhere = QElapsedTimer()
        self._elsewhere_timer = QTimer(self)
        self._elsewhere_timer.setSingleShot(True)
        self._elsewhere_timer.timeout.connect(self._hand_on_elsewhere)
        self._jobs_here: set[str] = set()  # this desk's scheduler is running these now
        self.scheduler_event_happened.connect(self.on_scheduler_event_happened)
        self._stop_storage = storage_health.subscribe(_storage_listener(self))

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

    def stop(self, timeout: float = 5.0) -> bool:
        """Stop the timers and the listener; False when the listener's thread is still running after ``timeout``."""
        self._timer.stop()
        self._unread_timer.stop()
        self._burst_timer.stop()
        self._elsewhere_timer.stop()
        self._stop_storage()
        if self.listener is not None and not self.listener.stop(timeout=timeout):
            log.warning("the listener for other desks' changes did not stop in time")
            return False
        return True

    def _set_newest(self, newest: int) -> None:
        self._newest_id = max(self._newest_id, newest)

    # --- notifications -------------------------------------------------------------------

    def _on_core_notification(self, info) -> None:
        """Called on whatever thread posted it."""
        if threading.get_ident() == self._gui_thread:
            self._deliver((info,))
            return
        with self._lock:
            self._waiting.append(info)
            if self._wake_sent:
                return  # the GUI thread will take it with the rest of the burst
            self._wake_sent = True
        self._notifications_waiting.emit()  # queued to the GUI thread: one event for the whole burst

    @Slot()
    def _on_notifications_waiting(self) -> None:
        since = self._since_burst.elapsed() if self._since_burst.isValid() else self._burst_ms
        if since < self._burst_ms:
            self._burst_timer.start(self._burst_ms - since)  # the one just delivered was a moment ago
        else:
            self._deliver_waiting()

    @Slot()
    def _deliver_waiting(self) -> None:
        with self._lock:
            burst, self._waiting = self._waiting, []
            self._wake_sent = False
        if burst:
            self._since_burst.start()
            self._deliver(tuple(burst))

    def _deliver(self, burst: tuple) -> None:
        fresh = tuple(info for info in burst if info.id not in self._seen)
        if not fresh:
            return
        self._seen.update(info.id for info in fresh)
        self._newest_id = max(self._newest_id, max(info.id for info in fresh))
        if len(self._seen) > 2 * SEEN_KEPT:
            oldest_kept = self._newest_id - SEEN_KEPT
            self._seen = {ident for ident in self._seen if ident > oldest_kept}
        for info in fresh:
            self.notification_posted.emit(info)
        self.notifications_posted.emit(fresh)
        self.refresh_unread_soon()

    @Slot()
    def on_poll_timer(self) -> None:
        after = self._newest_id
        self.runner.run(lambda: self.core.notifications.recent(limit=50, after_id=after), self._on_polled)

    def _on_polled(self, rows) -> None:
        self._deliver_waiting()  # what this process posted goes first, and is not taken for another's
        self._deliver(tuple(sorted(rows, key=lambda r: r.id)))

    # --- the unread count ------------------------------------------------------------------

    def refresh_unread_soon(self) -> None:
        """Count the unread notifications once the current burst has arrived (one query for all of it)."""
        if not self._unread_timer.isActive():
            self._unread_waiting.start()
            self._unread_timer.start()
        elif self._unread_waiting.elapsed() < UNREAD_AT_LEAST_EVERY_MS:
            self._unread_timer.start()  # the burst goes on: wait for its end

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

    # --- what changed ----------------------------------------------------------------------

    @property
    def jobs_running(self) -> bool:
        """Whether this desk's scheduler is running a job now (as far as its events have told)."""
        return bool(self._jobs_here)

    def on_scheduler_event(self, event: SchedulerEvent) -> None:
        """Given to the scheduler as its on_event callback (runs on the scheduler thread)."""
        self.scheduler_event_happened.emit(event)

    @Slot(object)
    def on_scheduler_event_happened(self, event: SchedulerEvent) -> None:
        if event.kind == "job_started" and event.job:
            self._jobs_here.add(event.job)
        # A failed run may have done part of its work before it failed: what it declares is reloaded too.
        if event.kind in ("job_finished", "job_failed"):
            self._jobs_here.discard(event.job or "")
            changes = event.changes
            if not self._jobs_here and self._elsewhere_timer.isActive():
                changes = changes | self._take_elsewhere()  # held while the job ran: one reload for both
            self.announce(changes)

    def announce(self, changes: Changes, initiator: QObject | None = None) -> None:
        """Tell the pages what an operation changed; ``initiator`` is the page whose action it was."""
        if not changes:
            return
        if Kind.NOTIFICATION in changes:
            self.refresh_unread()
        self.changes_made.emit(changes, initiator)

    @Slot(object)
    def on_changes_committed_elsewhere(self, changes: Changes) -> None:
        """Hand on what others committed at once, unless some went out a moment ago (then together,
        ``elsewhere_ms`` after the last) or this desk's own job may be what the feed heard."""
        self._elsewhere = self._elsewhere | changes
        if self._elsewhere_timer.isActive():
            return
        if self._jobs_here and not self._feed_tells_origin():
            self._elsewhere_timer.start(HELD_AT_MOST_MS)
            return
        since = self._since_elsewhere.elapsed() if self._since_elsewhere.isValid() else self._elsewhere_ms
        if since < self._elsewhere_ms:
            self._elsewhere_timer.start(self._elsewhere_ms - since)
        else:
            self._hand_on_elsewhere()

    def _feed_tells_origin(self) -> bool:
        return self.listener is not None and self.listener.tells_origin

    @Slot()
    def _hand_on_elsewhere(self) -> None:
        self.announce(self._take_elsewhere())

    def _take_elsewhere(self) -> Changes:
        self._elsewhere_timer.stop()
        changes, self._elsewhere = self._elsewhere, NO_CHANGES
        if changes:
            self._since_elsewhere.start()
            if Kind.NOTIFICATION in changes:
                self.on_poll_timer()  # a notification posted elsewhere reaches the tray now, not at the next poll
        return changes


def _storage_listener(bridge: CoreBridge) -> Callable[[str | None], None]:
    """Hands a storage condition to ``bridge`` while it lives; the process-wide condition never keeps a
    bridge (and its window's objects) alive, nor calls one whose Qt object is gone."""
    ref = weakref.ref(bridge)

    def tell(problem: str | None) -> None:
        target = ref()
        if target is not None and shiboken6.isValid(target):
            target.storage_changed.emit(problem)

    return tell
