"""The failed-operations report and the unresolved-items alert over a known queue."""

from __future__ import annotations

import random
from datetime import timedelta

import pytest

from services.auth import Actor
from services.error_items import ItemLease
from services.error_queue import ErrorQueue
from services.errors import GatewayDeclined, GatewayTimeout
from services.notifications import NotificationCenter
from services.retry_reports import RetryReports
from services.retry_runner import RetryRunner
from services.settings import SettingsStore
from tests.unit.retry_fakes import START, Recorder, fail_topup, notices


@pytest.fixture
def notifications(db, clock):
    return NotificationCenter(clock)


@pytest.fixture
def queue(clock, notifications):
    return ErrorQueue(clock, notifications, lease=ItemLease.of("runner-a"), rng=random.Random(7))


@pytest.fixture
def reports(clock, notifications):
    return RetryReports(clock, notifications)


def test_the_report_on_a_known_set(queue, reports, operator, clock):
    queue.handlers.register("refund", Recorder("sent"), urgent=True)
    clock.set(START - timedelta(hours=1))
    waiting = fail_topup(queue, subject_id=1, amount_minor=1000)
    clock.set(START - timedelta(minutes=10))
    fail_topup(queue, subject_id=2, amount_minor=500, error=GatewayDeclined("refused"))
    clock.set(START)
    canceled = fail_topup(queue, subject_id=3, amount_minor=700)
    queue.cancel_retry(operator, [canceled.id], "duplicate")
    by_hand = fail_topup(queue, subject_id=4, amount_minor=300)
    queue.resolve(operator, [by_hand.id], "paid by hand")
    queue.record_failure("refund", "refund", 1, GatewayTimeout("no answer"), amount_minor=900)
    RetryRunner(queue, workers=1).process_pending_retries()  # the refund retries at once and succeeds

    report = reports.get_failed_subscriptions_report()
    by_operation = {row["operation"]: row for row in report["by_operation"]}
    assert by_operation["topup"] == {
        "operation": "topup",
        "count": 4,
        "open": 2,
        "oldest_age_seconds": 3600,
        "amount_at_risk_minor": 1500,
        "recovered": 0,
        "recovery_rate": 0.0,
    }
    assert by_operation["refund"] == {
        "operation": "refund",
        "count": 1,
        "open": 0,
        "oldest_age_seconds": None,
        "amount_at_risk_minor": 0,
        "recovered": 1,
        "recovery_rate": 1.0,
    }
    by_class = {row["error_class"]: row for row in report["by_error_class"]}
    assert by_class["transient"]["count"] == 3 and by_class["transient"]["recovery_rate"] == 0.0
    assert by_class["outcome_unknown"]["recovery_rate"] == 1.0
    assert by_class["permanent"]["oldest_age_seconds"] == 600 and by_class["permanent"]["recovery_rate"] == 0.0
    by_status = {row["status"]: row["count"] for row in report["by_status"]}
    assert by_status == {"retrying": 1, "manual": 1, "canceled": 1, "resolved": 2}
    assert report["totals"] == {"open": 2, "manual": 1, "retrying": 1, "resolved": 2, "canceled": 1}
    assert queue.get(waiting.id).status == "retrying"


def test_the_recovery_rate_counts_the_items_still_open(queue, reports):
    queue.handlers.register("topup", Recorder("charged"))
    items = [fail_topup(queue, subject_id=n) for n in range(1, 14)]
    RetryRunner(queue, workers=1).retry_now(
        Actor("oscar", "operator", 2), [items[0].id]
    )  # one recovered, twelve still open
    [row] = reports.get_failed_subscriptions_report()["by_operation"]
    assert (row["count"], row["open"], row["recovered"]) == (13, 12, 1)
    assert row["recovery_rate"] == 1 / 13


def test_the_report_of_an_empty_queue(reports):
    report = reports.get_failed_subscriptions_report()
    assert report["by_operation"] == [] and report["by_status"] == []
    assert report["totals"] == {"open": 0, "manual": 0, "retrying": 0, "resolved": 0, "canceled": 0}


def test_the_alert_fires_once_when_unresolved_items_pass_the_threshold(queue, clock, notifications, admin):
    settings = SettingsStore(clock)
    settings.update(admin, {"alert_threshold": 2})
    reports = RetryReports(clock, notifications, settings=settings)
    fail_topup(queue, subject_id=1)
    fail_topup(queue, subject_id=2, error=GatewayDeclined("refused"))
    assert reports.check_alert_threshold() is False and notices("errors_alert") == []
    fail_topup(queue, subject_id=3)
    assert reports.check_alert_threshold() is True
    assert reports.check_alert_threshold() is True
    [alert] = notices("errors_alert")
    assert "3" in alert.title
