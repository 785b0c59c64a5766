"""The background scheduler: wrapped jobs, leases across instances, pause, catch-up."""

from __future__ import annotations

import logging
import threading
import time
from datetime import datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from models.tables import JobState
from scheduler import BackgroundScheduler, JobSpec, leases, next_daily_run
from services.errors import Conflict

TICK = 0.05


def wait_until(predicate, timeout: float = 5.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.01)
    return predicate()


class Runs:
    """A job body that remembers each run and the thread it ran on."""

    def __init__(self, result: dict | None = None, error: Exception | None = None, pause: float = 0.0):
        self.result = result if result is not None else {"done": True}
        self.error = error
        self.pause = pause
        self.threads: list[str] = []
        self._lock = threading.Lock()

    def __call__(self) -> dict:
        with self._lock:
            self.threads.append(threading.current_thread().name)
        if self.pause:
            time.sleep(self.pause)
        if self.error is not None:
            raise self.error
        return self.result

    @property
    def count(self) -> int:
        with self._lock:
            return len(self.threads)


class Events:
    def __init__(self):
        self._items = []
        self._lock = threading.Lock()

    def __call__(self, event) -> None:
        with self._lock:
            self._items.append(event)

    def kinds(self, job: str | None = None) -> list[str]:
        with self._lock:
            return [e.kind for e in self._items if job is None or e.job == job]

    def of(self, kind: str) -> list:
        with self._lock:
            return [e for e in self._items if e.kind == kind]


@pytest.fixture
def schedulers():
    made: list[BackgroundScheduler] = []

    def make(jobs, clock, **kwargs) -> BackgroundScheduler:
        kwargs.setdefault("tick_seconds", TICK)
        scheduler = BackgroundScheduler(jobs, clock, **kwargs)
        made.append(scheduler)
        return scheduler

    yield make
    for scheduler in made:
        assert scheduler.stop(timeout=5)


def row(name: str) -> JobState:
    return JobState.get(JobState.name == name)


def next_run(name: str) -> datetime | None:
    found = JobState.get_or_none(JobState.name == name)
    return found.next_run_at if found is not None else None


def test_a_failing_job_is_recorded_and_the_loop_keeps_running(db, clock, schedulers, caplog):
    failing = Runs(error=RuntimeError("gateway fell over"))
    healthy = Runs(result={"renewed": 2})
    events = Events()
    scheduler = schedulers(
        [
            JobSpec("janitor", failing, every_seconds=1, at_start=True),
            JobSpec("retries", healthy, every_seconds=1),
        ],
        clock,
        on_event=events,
    )
    caplog.set_level(logging.ERROR, logger="scheduler")

    scheduler.start()

    assert wait_until(lambda: failing.count >= 2 and healthy.count >= 1)
    assert wait_until(lambda: "job_finished" in events.kinds("retries"))
    assert scheduler.is_running
    assert row("janitor").last_error == "RuntimeError: gateway fell over"
    assert row("janitor").lease_until is None
    assert row("retries").last_error is None
    assert any(e.job == "janitor" and "gateway fell over" in e.error for e in events.of("job_failed"))
    logged = [r for r in caplog.records if r.name == "scheduler" and r.exc_info]
    assert logged and "janitor" in logged[0].getMessage()


def test_run_now_from_another_thread_runs_on_the_scheduler_thread(db, clock, schedulers):
    job = Runs()
    scheduler = schedulers([JobSpec("monitoring", job, every_seconds=3600)], clock)
    scheduler.start()

    caller = threading.Thread(target=scheduler.run_now, args=("monitoring",), name="gui")
    caller.start()
    caller.join()

    assert wait_until(lambda: job.count == 1)
    assert job.threads == ["scheduler"]
    with pytest.raises(ValueError):
        scheduler.run_now("payroll")


def test_stop_wakes_the_loop_and_joins_promptly(db, clock, schedulers):
    events = Events()
    scheduler = schedulers([JobSpec("retries", Runs(), every_seconds=3600)], clock, on_event=events, tick_seconds=30)
    scheduler.start()
    thread = next(t for t in threading.enumerate() if t.name == "scheduler")
    assert thread.daemon is False

    started = time.monotonic()
    assert scheduler.stop(timeout=5) is True

    assert time.monotonic() - started < 5
    assert not thread.is_alive()
    assert not scheduler.is_running
    assert events.kinds()[-1] == "stopped"


def test_two_instances_on_one_database_never_run_a_job_at_the_same_moment(db, clock, schedulers):
    lock = threading.Lock()
    state = {"active": 0, "most": 0, "runs": 0}

    def run():
        with lock:
            state["active"] += 1
            state["most"] = max(state["most"], state["active"])
            state["runs"] += 1
        time.sleep(0.2)
        with lock:
            state["active"] -= 1
        return {}

    def settled(expected_runs):
        with lock:
            return state["runs"] >= expected_runs and state["active"] == 0

    first = schedulers([JobSpec("renewals", run)], clock, owner="host-a:1")
    second = schedulers([JobSpec("renewals", run)], clock, owner="host-b:2")
    first.start()
    second.start()

    rounds = 4
    for round_number in range(1, rounds + 1):
        first.run_now("renewals")
        second.run_now("renewals")
        assert wait_until(lambda n=round_number: settled(n))
    time.sleep(4 * TICK)  # a late second run would start by now

    assert first.stop() and second.stop()
    assert state["most"] == 1
    assert state["runs"] == rounds  # in each round one instance ran and the other stood aside
    assert row("renewals").lease_until is None


def test_a_stale_lease_is_taken_over(db, clock, schedulers):
    JobState.create(name="retries", lease_owner="crashed-host:99:dead", lease_until=clock.now() - timedelta(minutes=1))
    job = Runs()
    scheduler = schedulers([JobSpec("retries", job, every_seconds=300)], clock, owner="host-a:1")

    info = scheduler.run_job("retries")

    assert job.count == 1
    assert info.lease_owner == "host-a:1"
    assert info.running is False
    assert row("retries").lease_until is None


def test_a_live_lease_held_by_another_instance_is_respected(db, clock, schedulers):
    until = leases.lease_now() + timedelta(minutes=5)  # leases run on real time
    JobState.create(name="retries", lease_owner="host-b:2", lease_until=until)
    job = Runs()
    scheduler = schedulers([JobSpec("retries", job, every_seconds=300)], clock, owner="host-a:1")

    with pytest.raises(Conflict, match="host-b:2"):
        scheduler.run_job("retries")

    assert job.count == 0
    assert (row("retries").lease_owner, row("retries").lease_until) == ("host-b:2", until)
    assert scheduler.job_states()[0].running is True


def test_pause_stops_timers_but_not_run_now_and_survives_a_new_instance(db, clock, schedulers):
    job = Runs()
    events = Events()
    spec = JobSpec("retries", job, every_seconds=1)
    first = schedulers([spec], clock, on_event=events)
    first.start()
    first.pause()
    assert first.is_paused
    assert wait_until(lambda: "paused" in events.kinds())

    time.sleep(1.3)  # the one-second timer has come at least once
    assert job.count == 0
    first.run_now("retries")
    assert wait_until(lambda: job.count == 1)
    assert first.stop()

    second = schedulers([spec], clock, on_event=events)
    assert second.is_paused
    assert all(state.paused for state in second.job_states())
    second.start()
    second.resume()
    assert wait_until(lambda: job.count >= 2)
    assert not second.is_paused
    assert wait_until(lambda: not row("retries").paused)


def test_start_jobs_wait_while_paused_and_run_on_resume(db, clock, schedulers):
    janitor = Runs(result={"reconciled": 1})
    scheduler = schedulers([JobSpec("janitor", janitor, at_start=True)], clock)
    scheduler.pause()
    scheduler.start()
    scheduler.run_now("janitor")
    assert wait_until(lambda: janitor.count == 1)  # run_now still works while paused

    scheduler.resume()

    assert wait_until(lambda: janitor.count == 2)


def test_a_daily_job_missed_while_closed_runs_once_at_start(db, clock, schedulers):
    JobState.create(name="renewals", next_run_at=datetime(2026, 1, 14, 2, 0))
    renewals = Runs(result={"renewed": 5})
    marker = Runs()
    jobs = [JobSpec("renewals", renewals, daily_at=lambda: "02:00"), JobSpec("monitoring", marker)]
    first = schedulers(jobs, clock)  # the half-minute daily timer does not come during this test
    first.start()
    assert wait_until(lambda: renewals.count == 1)
    assert first.stop()

    second = schedulers(jobs, clock)
    second.start()
    second.run_now("monitoring")
    assert wait_until(lambda: marker.count == 1)

    assert renewals.count == 1
    assert renewals.threads == ["scheduler"]
    assert next_run("renewals") == datetime(2026, 1, 16, 2, 0)
    assert row("renewals").last_result == '{"renewed": 5}'


def test_a_daily_job_not_yet_due_is_only_planned_at_start(db, clock, schedulers):
    renewals = Runs()
    reminders = Runs()
    JobState.create(name="reminders", next_run_at=datetime(2026, 1, 15, 18, 0))
    marker = Runs()
    scheduler = schedulers(
        [
            JobSpec("renewals", renewals, daily_at=lambda: "02:00"),
            JobSpec("reminders", reminders, daily_at=lambda: "18:00"),
            JobSpec("monitoring", marker),
        ],
        clock,
    )
    scheduler.start()
    scheduler.run_now("monitoring")

    assert wait_until(lambda: marker.count == 1)
    assert (renewals.count, reminders.count) == (0, 0)
    assert next_run("renewals") == datetime(2026, 1, 16, 2, 0)
    assert next_run("reminders") == datetime(2026, 1, 15, 18, 0)


def test_a_daily_job_follows_its_time_setting_and_the_clock(db, clock, schedulers):
    setting = {"renewal_time": "02:00"}
    renewals = Runs()
    scheduler = schedulers(
        [JobSpec("renewals", renewals, daily_at=lambda: setting["renewal_time"])], clock, daily_check_seconds=1
    )
    scheduler.start()
    assert wait_until(lambda: next_run("renewals") == datetime(2026, 1, 16, 2, 0))

    setting["renewal_time"] = "10:30"
    assert wait_until(lambda: next_run("renewals") == datetime(2026, 1, 15, 10, 30))
    assert renewals.count == 0

    clock.set(datetime(2026, 1, 15, 10, 31))
    assert wait_until(lambda: renewals.count == 1)
    assert wait_until(lambda: next_run("renewals") == datetime(2026, 1, 16, 10, 30))


def test_run_job_returns_the_recorded_state(db, clock, schedulers):
    events = Events()
    job = Runs(result={"retried": 3, "at": datetime(2026, 1, 15, 8, 0)})
    scheduler = schedulers([JobSpec("retries", job, every_seconds=300)], clock, owner="host-a:1", on_event=events)

    info = scheduler.run_job("retries")

    assert info.name == "retries"
    assert info.last_started_at == info.last_finished_at == clock.now()
    assert info.last_result == {"retried": 3, "at": "2026-01-15 08:00:00"}
    assert info.last_error is None
    assert info.next_run_at == clock.now() + timedelta(seconds=300)
    assert (info.paused, info.running, info.lease_owner) == (False, False, "host-a:1")
    assert events.kinds() == ["job_started", "job_finished"]
    assert events.of("job_finished")[0].result == {"retried": 3, "at": datetime(2026, 1, 15, 8, 0)}
    assert scheduler.job_states() == [info]


def test_a_broken_event_listener_and_a_failing_job_do_not_escape_run_job(db, clock, schedulers):
    def listener(event):
        raise RuntimeError("the window is gone")

    scheduler = schedulers([JobSpec("janitor", Runs(error=ValueError("bad row 7")))], clock, on_event=listener)

    info = scheduler.run_job("janitor")

    assert info.last_error == "ValueError: bad row 7"
    assert info.last_result is None
    with pytest.raises(ValueError):
        scheduler.run_job("payroll")


def test_job_states_list_every_job_even_before_its_first_run(db, clock, schedulers):
    scheduler = schedulers([JobSpec("retries", Runs(), every_seconds=60), JobSpec("janitor", Runs())], clock)

    states = scheduler.job_states()

    assert [s.name for s in states] == ["retries", "janitor"]
    assert all(s.last_started_at is None and not s.running for s in states)


def test_job_specs_are_checked():
    with pytest.raises(ValueError):
        JobSpec("renewals", dict, every_seconds=60, daily_at=lambda: "02:00")
    with pytest.raises(ValueError):
        JobSpec("retries", dict, every_seconds=0)
    with pytest.raises(ValueError):
        BackgroundScheduler([JobSpec("retries", dict), JobSpec("retries", dict)], clock=None)


@given(
    after=st.datetimes(min_value=datetime(2020, 1, 1), max_value=datetime(2030, 12, 31)),
    hour=st.integers(0, 23),
    minute=st.integers(0, 59),
)
def test_next_daily_run_is_the_next_occurrence_within_a_day(after, hour, minute):
    planned = next_daily_run(f"{hour:02d}:{minute:02d}", after)

    assert after < planned <= after + timedelta(days=1)
    assert (planned.hour, planned.minute, planned.second, planned.microsecond) == (hour, minute, 0, 0)


def test_next_daily_run_refuses_a_malformed_time():
    with pytest.raises(ValueError):
        next_daily_run("25:00", datetime(2026, 1, 15))
