"""Write conflicts: a transaction PostgreSQL aborted for a deadlock or a serialization failure runs again.

The errors here are made up: they carry PostgreSQL's codes the way psycopg2's do, so the
helper's choices are checked on either engine. The real deadlock is in
tests/integration/test_write_conflicts.py.
"""

from __future__ import annotations

import random

import pytest
from peewee import IntegrityError, OperationalError

from models.db import WRITE_ATTEMPTS, is_write_conflict, run_write, write_attempts, write_transaction
from models.tables import AuditEntry
from services.audit import record_audit


class FakeDriverError(Exception):
    """What psycopg2 raises: an exception with the server's SQLSTATE in ``pgcode``."""

    def __init__(self, pgcode: str, text: str) -> None:
        super().__init__(text)
        self.pgcode = pgcode


def raised_by_peewee(pgcode: str, text: str, kind: type[Exception] = OperationalError) -> Exception:
    """peewee raises its own error while handling the driver's: the driver's is the context."""
    try:
        try:
            raise FakeDriverError(pgcode, text)
        except FakeDriverError:
            raise kind(text)  # noqa: B904 - as peewee does it
    except Exception as wrapped:
        return wrapped


def deadlock() -> Exception:
    return raised_by_peewee("40P01", "deadlock detected")


def serialization_failure() -> Exception:
    return raised_by_peewee("40001", "could not serialize access due to concurrent update")


class Script:
    """A transaction body that writes an audit row, then fails as scripted (None: succeeds)."""

    def __init__(self, clock, *failures: Exception | None) -> None:
        self.clock = clock
        self.failures = list(failures)
        self.runs = 0

    def __call__(self) -> int:
        self.runs += 1
        record_audit(self.clock, "alice", "test.write", "thing", self.runs)
        failure = self.failures.pop(0) if self.failures else None
        if failure is not None:
            raise failure
        return self.runs


@pytest.fixture
def pauses():
    return []


def run(work, pauses, attempts=WRITE_ATTEMPTS):
    for attempt in write_attempts(attempts, sleep=pauses.append, rng=random.Random(3)):
        with attempt:
            result = work()
    return result


def written() -> list[int]:
    return [int(row.target_id) for row in AuditEntry.select().where(AuditEntry.action == "test.write")]


def test_the_codes_are_found_on_the_cause_chain_and_nowhere_else():
    assert is_write_conflict(deadlock()) and is_write_conflict(serialization_failure())
    assert not is_write_conflict(raised_by_peewee("23505", "duplicate key", IntegrityError))
    assert not is_write_conflict(raised_by_peewee("55P03", "lock not available"))  # a timeout we asked for
    assert not is_write_conflict(OperationalError("database is locked"))  # SQLite's busy timeout handles it
    assert not is_write_conflict(FakeDriverError("40P0", "deadlock detected"))


@pytest.mark.parametrize("conflict", [deadlock, serialization_failure], ids=["40P01", "40001"])
def test_a_conflict_rolls_back_and_runs_the_whole_transaction_again(db, clock, pauses, conflict):
    work = Script(clock, conflict(), conflict())
    assert run(work, pauses) == 3
    assert work.runs == 3 and written() == [3], "only the last run's writes are kept"
    assert len(pauses) == 2
    assert 0 <= pauses[0] <= 0.02 and 0 <= pauses[1] <= 0.04, "a short pause, longer each time"


def test_the_conflict_is_raised_once_the_attempts_are_spent(db, clock, pauses):
    work = Script(clock, *[deadlock() for _ in range(3)])
    with pytest.raises(OperationalError, match="deadlock detected") as raised:
        run(work, pauses, attempts=3)
    assert is_write_conflict(raised.value)
    assert work.runs == 3 and written() == [] and len(pauses) == 2


def test_any_other_error_leaves_at_once_and_rolls_back(db, clock, pauses):
    work = Script(clock, raised_by_peewee("23505", "duplicate key value violates unique constraint", IntegrityError))
    with pytest.raises(IntegrityError, match="duplicate key"):
        run(work, pauses)
    assert work.runs == 1 and written() == [] and pauses == []


def test_inside_a_callers_transaction_the_conflict_goes_to_the_caller(db, clock, pauses):
    """The caller's transaction is aborted with the savepoint; only the caller can run it all again."""
    work = Script(clock, deadlock())
    with pytest.raises(OperationalError, match="deadlock detected"), write_transaction():
        run(work, pauses)
    assert work.runs == 1 and written() == [] and pauses == []


def test_a_conflict_at_commit_runs_the_transaction_again(db, clock, pauses, monkeypatch):
    """A serialization failure may be reported by COMMIT itself, after the body went through."""
    work = Script(clock)
    failures = [serialization_failure()]
    real_commit = type(db.obj).commit

    def commit(self):
        if failures:
            raise failures.pop()
        return real_commit(self)

    monkeypatch.setattr(type(db.obj), "commit", commit)
    assert run(work, pauses) == 2
    assert written() == [2] and len(pauses) == 1


def test_run_write_returns_what_the_body_returns(db, clock):
    work = Script(clock)
    assert run_write(work) == 1 and written() == [1]
