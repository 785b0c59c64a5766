"""The error queue as the app wires it: one object over the queue, its runner and its reports.

Each part is a module of its own: ``services.error_queue`` records failures and
takes the operators' actions, ``services.retry_runner`` claims due items and runs
their handlers, ``services.retry_reports`` adds them up. ``RetryManager`` only
builds them over one lease and hands each call to the part that answers it.
"""

from __future__ import annotations

import random

from services.clock import Clock
from services.error_items import ItemLease
from services.error_queue import ErrorQueue
from services.notifications import NotificationCenter
from services.retry_reports import RetryReports
from services.retry_runner import DEFAULT_WORKERS, Breaker, RetryRunner
from services.settings import SettingsStore


class RetryManager:
    def __init__(
        self,
        clock: Clock,
        notifications: NotificationCenter,
        *,
        circuit: Breaker | None = None,
        settings: SettingsStore | None = None,
        rng: random.Random | None = None,
        owner: str | None = None,
        lease_seconds: int = 120,
        batch_size: int = 200,
        workers: int = DEFAULT_WORKERS,
    ) -> None:
        self.queue = ErrorQueue(clock, notifications, lease=ItemLease.of(owner, lease_seconds), rng=rng)
        self.runner = RetryRunner(self.queue, circuit=circuit, batch_size=batch_size, workers=workers)
        self.reports = RetryReports(clock, notifications, settings=settings)

        self.register = self.queue.handlers.register
        self.record_failure = self.queue.record_failure
        self.settle_subject = self.queue.settle_subject
        self.cancel_retry = self.queue.cancel_retry
        self.change_strategy = self.queue.change_strategy
        self.resolve = self.queue.resolve
        self.escalate = self.queue.escalate
        self.get = self.queue.get
        self.attempts = self.queue.attempts
        self.list_items = self.queue.list_items
        self.retry_now = self.runner.retry_now
        self.retry_now_report = self.runner.retry_now_report
        self.process_pending_retries = self.runner.process_pending_retries
        self.get_failed_subscriptions_report = self.reports.get_failed_subscriptions_report
        self.check_alert_threshold = self.reports.check_alert_threshold
