"""Retry schedules, error classes and the checks on operator input: no database involved."""

from __future__ import annotations

import random
import sqlite3
from datetime import datetime, timedelta

import peewee
import pytest
from hypothesis import given
from hypothesis import strategies as st

from services.errors import (
    CircuitOpen,
    GatewayAuthError,
    GatewayDeclined,
    GatewayTimeout,
    GatewayTransientError,
    GatewayUnavailable,
    NotFound,
    ValidationError,
)
from services.retry_policy import (
    ERROR_CLASS_STRATEGY,
    POLICIES,
    STRATEGIES,
    classify_error,
    clean_item_ids,
    clean_text,
    is_database_busy,
    merge_context,
    next_attempt_after_failure,
    policy_for,
    strategy_after_failure,
    strategy_for,
)

NOW = datetime(2026, 1, 15, 9, 0, 0)


def seconds(delay: timedelta) -> float:
    return delay.total_seconds()


# --- schedules ---------------------------------------------------------------------


def test_every_strategy_has_a_policy_and_every_class_a_strategy():
    assert set(POLICIES) == set(STRATEGIES)
    assert set(ERROR_CLASS_STRATEGY.values()) <= set(STRATEGIES)
    assert ERROR_CLASS_STRATEGY == {
        "transient": "backoff",
        "outcome_unknown": "reconcile",
        "urgent": "urgent",
        "predictable": "fixed",
        "permanent": "manual",
    }


def test_backoff_draws_the_documented_full_jitter_delay():
    policy = policy_for("backoff")
    rng, reference = random.Random(42), random.Random(42)
    for failures in range(1, 9):
        ceiling = min(3600, 30 * 2 ** (failures - 1))
        expected = max(5.0, reference.uniform(0, ceiling))
        assert seconds(policy.delay_after(failures, rng)) == pytest.approx(expected)


@given(failures=st.integers(min_value=1, max_value=2000), seed=st.integers(min_value=0, max_value=2**32))
def test_backoff_stays_between_floor_and_the_capped_ceiling(failures, seed):
    delay = seconds(policy_for("backoff").delay_after(failures, random.Random(seed)))
    ceiling = min(3600, 30 * 2 ** min(failures - 1, 62))
    assert 5 <= delay <= max(5, ceiling)


def test_backoff_jitter_spreads_over_the_whole_window():
    policy, rng = policy_for("backoff"), random.Random(1)
    delays = [seconds(policy.delay_after(6, rng)) for _ in range(400)]  # window 0..960 s
    assert min(delays) < 100 and max(delays) > 860
    assert len({round(d) for d in delays}) > 300  # not a handful of fixed steps
    assert sum(delays) / len(delays) == pytest.approx(480, rel=0.1)


def test_backoff_delays_hit_the_floor_early_and_the_cap_late():
    policy, rng = policy_for("backoff"), random.Random(3)
    early = [seconds(policy.delay_after(1, rng)) for _ in range(200)]
    assert min(early) == 5 and max(early) <= 30
    late = [seconds(policy.delay_after(30, rng)) for _ in range(200)]
    assert max(late) <= 3600 and max(late) > 3000


def test_reconcile_follows_the_backoff_schedule_with_more_attempts():
    backoff, reconcile = policy_for("backoff"), policy_for("reconcile")
    for failures in range(1, 9):
        assert backoff.delay_after(failures, random.Random(failures)) == reconcile.delay_after(
            failures, random.Random(failures)
        )
    assert backoff.max_attempts == 8 and reconcile.max_attempts == 10


def test_urgent_retries_three_times_at_once_then_every_five_minutes_then_stops():
    policy, rng = policy_for("urgent"), random.Random(0)
    schedule = [
        next_attempt_after_failure(
            status="retrying", strategy="urgent", attempts=n, max_attempts=12, error_class="transient", now=NOW, rng=rng
        )
        for n in range(1, 13)
    ]
    assert schedule[:3] == [NOW, NOW, NOW]
    assert schedule[3:11] == [NOW + timedelta(minutes=5)] * 8
    assert schedule[11] is None
    assert policy.max_attempts == 12


def test_fixed_retries_every_ten_minutes_up_to_twelve_attempts():
    rng = random.Random(0)
    schedule = [
        next_attempt_after_failure(
            status="retrying",
            strategy="fixed",
            attempts=n,
            max_attempts=12,
            error_class="predictable",
            now=NOW,
            rng=rng,
        )
        for n in range(1, 13)
    ]
    assert schedule[:11] == [NOW + timedelta(minutes=10)] * 11
    assert schedule[11] is None


def test_manual_never_schedules_an_attempt():
    assert policy_for("manual").next_attempt_at(NOW, 1, random.Random(0)) is None
    assert (
        next_attempt_after_failure(
            status="retrying",
            strategy="manual",
            attempts=1,
            max_attempts=5,
            error_class="transient",
            now=NOW,
            rng=random.Random(0),
        )
        is None
    )


@pytest.mark.parametrize(
    "case",
    [
        {"status": "manual", "error_class": "transient", "attempts": 2},  # only an operator moves a manual item
        {"status": "retrying", "error_class": "permanent", "attempts": 2},
        {"status": "retrying", "error_class": "transient", "attempts": 8},  # spent
    ],
)
def test_no_automatic_attempt_after_manual_permanent_or_spent(case):
    assert next_attempt_after_failure(strategy="backoff", max_attempts=8, now=NOW, rng=random.Random(0), **case) is None


def test_an_operator_raised_budget_still_gets_a_backoff_delay():
    at = next_attempt_after_failure(
        status="retrying",
        strategy="backoff",
        attempts=9,
        max_attempts=10,
        error_class="transient",
        now=NOW,
        rng=random.Random(0),
    )
    assert at is not None and NOW + timedelta(seconds=5) <= at <= NOW + timedelta(hours=1)


def test_unknown_strategy_is_refused():
    with pytest.raises(ValidationError, match="unknown retry strategy"):
        policy_for("sometimes")


# --- strategies from error classes -----------------------------------------------------


def test_urgent_operations_use_the_urgent_strategy_for_retryable_failures_only():
    assert strategy_for("transient", urgent=True) == "urgent"
    assert strategy_for("outcome_unknown", urgent=True) == "urgent"
    assert strategy_for("predictable", urgent=True) == "fixed"
    assert strategy_for("permanent", urgent=True) == "manual"
    assert strategy_for("transient") == "backoff"
    assert strategy_for("no such class") == "manual"


def test_a_new_error_class_brings_its_strategy_unless_an_operator_chose_one():
    assert strategy_after_failure("backoff", 8, "transient", "predictable") == ("fixed", 12)
    assert strategy_after_failure("backoff", 8, "transient", "outcome_unknown") == ("reconcile", 10)
    assert strategy_after_failure("fixed", 12, "transient", "outcome_unknown") == ("fixed", 12)
    assert strategy_after_failure("backoff", 9, "transient", "transient") == ("backoff", 9)


# --- classifying errors --------------------------------------------------------------


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (GatewayTransientError("502"), "transient"),
        (GatewayUnavailable("down"), "transient"),
        (CircuitOpen("breaker open"), "transient"),
        (GatewayTimeout("sent, no answer"), "outcome_unknown"),
        (GatewayDeclined("card refused"), "permanent"),
        (GatewayAuthError("bad key"), "permanent"),
        (NotFound("no top-up #4"), "permanent"),
        (ValueError("a bug"), "permanent"),
        (peewee.OperationalError("no such table: wallet"), "permanent"),
    ],
)
def test_errors_are_classed_by_type(error, expected):
    assert classify_error(error) == expected


def _locked_error(tmp_path) -> peewee.OperationalError:
    path = str(tmp_path / "busy.sqlite3")
    holder = sqlite3.connect(path, timeout=0.01)
    holder.execute("CREATE TABLE t (x)")
    holder.commit()
    holder.execute("BEGIN IMMEDIATE")
    db = peewee.SqliteDatabase(path, timeout=0.01)
    try:
        with db.atomic("IMMEDIATE"):
            db.execute_sql("INSERT INTO t VALUES (1)")
    except peewee.OperationalError as error:
        return error
    finally:
        db.close()
        holder.rollback()
        holder.close()
    raise AssertionError("the database was not locked")


def test_a_locked_database_is_transient(tmp_path):
    error = _locked_error(tmp_path)
    assert is_database_busy(error)
    assert classify_error(error) == "transient"


def test_a_postgres_lock_conflict_is_transient_and_other_codes_are_not():
    class DriverError(Exception):
        def __init__(self, pgcode):
            super().__init__("driver error")
            self.pgcode = pgcode

    def wrapped(pgcode):
        try:
            try:
                raise DriverError(pgcode)
            except DriverError as inner:
                raise peewee.OperationalError("driver error") from inner
        except peewee.OperationalError as outer:
            return outer

    assert classify_error(wrapped("40P01")) == "transient"
    assert classify_error(wrapped("42P01")) == "permanent"


# --- input checks ----------------------------------------------------------------------


def test_item_ids_are_one_or_many_whole_numbers_without_duplicates():
    assert clean_item_ids(7) == [7]
    assert clean_item_ids([3, 1, 3, 2]) == [3, 1, 2]
    assert clean_item_ids(range(1, 4)) == [1, 2, 3]
    for bad in ([], True, "7", [1, "2"], [0], None):
        with pytest.raises(ValidationError):
            clean_item_ids(bad)


def test_notes_are_trimmed_text_of_bounded_length():
    assert clean_text("  paid by bank transfer ", "note", required=True) == "paid by bank transfer"
    with pytest.raises(ValidationError, match="required"):
        clean_text("   ", "note", required=True)
    with pytest.raises(ValidationError):
        clean_text("x" * 2001, "note")
    with pytest.raises(ValidationError):
        clean_text(42, "note")


def test_context_is_merged_with_the_newest_values_winning():
    merged = merge_context('{"topup_id": 4, "gateway": "timeout"}', {"gateway": "502", "attempt": 2})
    assert merged == '{"attempt": 2, "gateway": "502", "topup_id": 4}'
    assert merge_context("not json", {"a": 1}) == '{"a": 1, "previous_context": "not json"}'
