"""Failed sign-ins from one computer make it wait longer and longer before its next attempt is checked."""

from __future__ import annotations

from datetime import timedelta

import pytest

from models.tables import AuditEntry
from services.auth import MAX_DESK_DELAY, SignInDelayed, desk_delay
from services.errors import AuthenticationFailed

DESK = "desk-7.office"


@pytest.fixture
def people(core):
    core.operators.create_first_admin("alice", "alice-password")
    alice = core.operators.authenticate("alice", "alice-password")
    for name in ("bob", "carol", "dan"):
        core.operators.create_operator(alice, name, f"{name}-password", "operator", "new colleague")
    return alice


def test_the_delay_grows_after_the_first_two_failures_and_stops_at_a_minute():
    assert [desk_delay(n).total_seconds() for n in range(1, 9)] == [0, 0, 1, 2, 4, 8, 16, 32]
    assert desk_delay(9) == desk_delay(500) == MAX_DESK_DELAY == timedelta(seconds=60)


def test_an_attempt_before_the_delay_passed_is_refused_without_checking_the_password(core, clock, people):
    for name in ("bob", "carol", "dan"):  # guesses spread over names: no account reaches its lock
        with pytest.raises(AuthenticationFailed, match="unknown operator or wrong password"):
            core.operators.authenticate(name, "guess-password", device=DESK)
    assert core.operators.sign_in_delay(DESK) == 1
    with pytest.raises(SignInDelayed, match="wait 1 s"):
        core.operators.authenticate("bob", "bob-password", device=DESK)  # even the right password waits
    clock.advance(seconds=1)
    with pytest.raises(AuthenticationFailed, match="wrong password"):
        core.operators.authenticate("carol", "guess-password", device=DESK)
    with pytest.raises(SignInDelayed, match="wait 2 s"):
        core.operators.authenticate("carol", "carol-password", device=DESK)
    clock.advance(seconds=2)
    assert core.operators.authenticate("carol", "carol-password", device=DESK).name == "carol"
    assert core.operators.sign_in_delay(DESK) == 0  # a good sign-in starts the count again
    for _ in range(2):
        with pytest.raises(AuthenticationFailed, match="wrong password"):
            core.operators.authenticate("dan", "guess-password", device=DESK)


def test_the_delay_is_per_computer_and_refusals_are_audited_without_counting(core, clock, people):
    for _ in range(3):
        with pytest.raises(AuthenticationFailed):
            core.operators.authenticate("nobody", "guess-password", device=DESK)
    assert core.operators.authenticate("bob", "bob-password", device="another desk").name == "bob"
    assert core.operators.authenticate("bob", "bob-password").name == "bob"  # not a desk: the account lock only
    with pytest.raises(SignInDelayed):
        core.operators.authenticate("bob", "bob-password", device=DESK)
    too_soon = [
        entry
        for entry in AuditEntry.select().where(AuditEntry.action == "operator.sign_in_failed")
        if '"too soon"' in (entry.after or "")
    ]
    assert [entry.actor for entry in too_soon] == ["bob"]
    assert "bob-password" not in "".join(entry.after or "" for entry in AuditEntry.select())
    assert core.operators.authenticate("bob", "bob-password").failed_sign_ins == 0  # the refusal was not a guess
