"""The circuit breaker in front of the gateway: when it opens, what it refuses, how it recovers."""

from __future__ import annotations

import threading
from datetime import datetime, timedelta

import pytest

from models.db import connection
from models.tables import CircuitState, Notification
from services.circuit import CircuitBreaker
from services.errors import (
    CircuitOpen,
    Conflict,
    GatewayAuthError,
    GatewayDeclined,
    GatewayTimeout,
    GatewayTransientError,
    GatewayUnavailable,
    ValidationError,
)
from services.notifications import NotificationCenter

START = datetime(2026, 1, 15, 9, 0, 0)


@pytest.fixture
def notifications(db, clock):
    return NotificationCenter(clock)


@pytest.fixture
def breaker(clock, notifications):
    return CircuitBreaker(clock, notifications, failure_threshold=3, reset_after_seconds=30)


def failing(error=GatewayTransientError):
    def fn():
        raise error("the gateway answered 502")

    return fn


def fail_times(breaker, count, error=GatewayTransientError):
    for _ in range(count):
        with pytest.raises(error):
            breaker.call(failing(error))


def kinds() -> list[str]:
    return [n.kind for n in Notification.select().order_by(Notification.id)]


def test_opens_after_threshold_failures_with_one_outage_notice(breaker):
    fail_times(breaker, 2)
    assert breaker.info().state == "closed" and not breaker.is_open()
    fail_times(breaker, 1)
    info = breaker.info()
    assert info.state == "open" and info.failures == 3
    assert info.opened_at == START
    assert info.retry_at == START + timedelta(seconds=30)
    assert breaker.is_open()
    assert kinds() == ["gateway_outage"]
    outage = Notification.get()
    assert outage.severity == "error" and "09:00:30 UTC" in outage.body


def test_open_circuit_refuses_without_calling_the_gateway(breaker):
    fail_times(breaker, 3)
    calls = []
    with pytest.raises(CircuitOpen) as err:
        breaker.call(lambda: calls.append("sent"))
    assert calls == []
    assert str(err.value) == "the payment gateway is unreachable; calls resume at 09:00:30 UTC"
    assert isinstance(err.value, GatewayUnavailable)  # the retry machinery treats it as transient
    assert breaker.info().failures == 3  # a refusal is not another failure
    assert kinds() == ["gateway_outage"]


def test_success_resets_the_run_of_failures(breaker):
    fail_times(breaker, 2)
    assert breaker.call(lambda: "charged") == "charged"
    fail_times(breaker, 2)
    assert breaker.info().state == "closed"


def test_probe_after_the_delay_closes_it_and_announces_recovery(breaker, clock):
    fail_times(breaker, 3)
    clock.advance(seconds=29)
    with pytest.raises(CircuitOpen):
        breaker.before_call()
    clock.advance(seconds=1)
    assert not breaker.is_open()
    calls = []
    breaker.call(lambda: calls.append("probe"))
    assert calls == ["probe"]
    info = breaker.info()
    assert (info.state, info.failures, info.opened_at, info.retry_at) == ("closed", 0, None, None)
    assert kinds() == ["gateway_outage", "gateway_recovered"]


def test_only_one_probe_goes_out_at_a_time(breaker, clock):
    fail_times(breaker, 3)
    clock.advance(seconds=30)
    breaker.before_call()  # this caller is the probe
    assert breaker.info().state == "half_open"
    with pytest.raises(CircuitOpen):
        breaker.before_call()
    assert breaker.is_open()
    clock.advance(seconds=30)  # the probe never reported (its process died): let another one out
    breaker.before_call()
    breaker.record_success()
    assert breaker.info().state == "closed"


def test_failed_probe_opens_it_again_without_a_second_outage_notice(breaker, clock):
    fail_times(breaker, 3)
    clock.advance(seconds=30)
    with pytest.raises(GatewayTimeout):
        breaker.call(failing(GatewayTimeout))
    info = breaker.info()
    assert info.state == "open"
    assert info.opened_at == START + timedelta(seconds=30)
    assert info.retry_at == START + timedelta(seconds=60)
    with pytest.raises(CircuitOpen, match="09:01:00 UTC"):
        breaker.before_call()
    assert kinds() == ["gateway_outage"]


@pytest.mark.parametrize(
    "answer",
    [
        GatewayDeclined("the card was declined", code="card_declined"),
        GatewayAuthError("the payment gateway rejected the API key"),
        Conflict("idempotency key reused"),
    ],
)
def test_gateway_answers_that_are_not_failures_keep_it_closed(breaker, answer):
    def fn():
        raise answer

    for _ in range(10):
        with pytest.raises(type(answer)) as err:
            breaker.call(fn)
        assert err.value is answer
    assert breaker.info().state == "closed" and breaker.info().failures == 0
    assert kinds() == []


def test_a_decline_during_the_probe_proves_the_gateway_is_up(breaker, clock):
    fail_times(breaker, 3)
    clock.advance(seconds=30)
    with pytest.raises(GatewayDeclined):
        breaker.call(failing(GatewayDeclined))
    assert breaker.info().state == "closed"
    assert kinds() == ["gateway_outage", "gateway_recovered"]


def test_timeouts_and_outages_count_as_failures(breaker):
    fail_times(breaker, 1, GatewayTimeout)
    fail_times(breaker, 2, GatewayUnavailable)
    assert breaker.info().state == "open"


def test_bugs_pass_through_without_counting(breaker):
    def fn():
        raise KeyError("not a gateway answer")

    for _ in range(5):
        with pytest.raises(KeyError):
            breaker.call(fn)
    assert breaker.info().failures == 0


def test_each_outage_notifies_once(breaker, clock):
    for _ in range(2):
        fail_times(breaker, 3)
        clock.advance(seconds=30)
        breaker.call(lambda: None)
        clock.advance(minutes=5)
    assert kinds() == ["gateway_outage", "gateway_recovered", "gateway_outage", "gateway_recovered"]


def test_two_breakers_on_one_database_share_the_state(clock, notifications):
    desk = CircuitBreaker(clock, notifications, failure_threshold=3, reset_after_seconds=30)
    worker = CircuitBreaker(clock, notifications, failure_threshold=3, reset_after_seconds=30)
    fail_times(desk, 3)
    with pytest.raises(CircuitOpen):
        worker.before_call()
    clock.advance(seconds=30)
    worker.before_call()  # the worker sends the probe…
    with pytest.raises(CircuitOpen):
        desk.before_call()  # …so the desk waits for its answer
    worker.record_success()
    desk.before_call()
    assert desk.info().state == "closed"
    assert kinds() == ["gateway_outage", "gateway_recovered"]


def test_breakers_with_different_names_are_independent(clock, notifications):
    gateway = CircuitBreaker(clock, notifications, failure_threshold=1)
    other = CircuitBreaker(clock, notifications, name="mailer", failure_threshold=1)
    fail_times(gateway, 1)
    other.before_call()
    assert other.info().state == "closed"


def test_concurrent_failures_open_it_once(clock, notifications):
    breaker = CircuitBreaker(clock, notifications, failure_threshold=5)
    start = threading.Barrier(8)
    problems = []

    def worker():
        start.wait()
        try:
            with connection():
                for _ in range(5):
                    breaker.record_failure()
        except Exception as exc:  # surfaced by the assertion below
            problems.append(exc)

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert problems == []
    assert CircuitState.get_by_id("gateway").failures == 40
    assert breaker.info().state == "open"
    assert kinds() == ["gateway_outage"]


def test_a_broken_notification_center_does_not_hide_the_gateway_error(clock, notifications, monkeypatch):
    def broken(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(notifications, "post", broken)
    breaker = CircuitBreaker(clock, notifications, failure_threshold=1)
    with pytest.raises(GatewayTransientError):
        breaker.call(failing())
    assert breaker.info().state == "open"


def test_nonsense_configuration_is_refused(clock, notifications):
    with pytest.raises(ValidationError):
        CircuitBreaker(clock, notifications, failure_threshold=0)
    with pytest.raises(ValidationError):
        CircuitBreaker(clock, notifications, reset_after_seconds=-1)


def test_an_operators_request_is_the_probe_at_once_and_only_inside_its_block(breaker, clock):
    fail_times(breaker, 3)
    assert not breaker.is_closed()
    with breaker.operator_probe():
        assert not breaker.is_open()  # no waiting out the reset delay for the operator's test call
        breaker.before_call()
        assert breaker.info().state == "half_open"
        with pytest.raises(CircuitOpen):  # one probe at a time, even for an operator
            breaker.before_call()
    with pytest.raises(CircuitOpen):
        breaker.before_call()
    breaker.record_success()
    assert breaker.is_closed() and kinds() == ["gateway_outage", "gateway_recovered"]


def test_an_operators_failed_probe_opens_it_for_another_round(breaker, clock):
    fail_times(breaker, 3)
    with breaker.operator_probe():
        fail_times(breaker, 1)
    info = breaker.info()
    assert info.state == "open" and info.retry_at == START + timedelta(seconds=30)
    with pytest.raises(CircuitOpen):
        breaker.before_call()
    assert kinds() == ["gateway_outage"]
