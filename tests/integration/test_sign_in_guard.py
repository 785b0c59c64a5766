"""A desk's actor is refused once its account changes; failed sign-ins lock an account for a while."""

from __future__ import annotations

from datetime import timedelta

import pytest

from models.tables import AuditEntry
from services.auth import LOCK_DURATION, MAX_FAILED_SIGN_INS, SYSTEM, Actor, SignedOut, common_passwords, require
from services.errors import AuthenticationFailed, ValidationError


@pytest.fixture
def alice_and_bob(core):
    core.operators.create_first_admin("alice", "alice-password")
    alice = core.operators.authenticate("alice", "alice-password")
    core.operators.create_operator(alice, "bob", "bob-password", "operator", "new colleague")
    return alice, core.operators.authenticate("bob", "bob-password")


def test_a_demoted_operator_is_refused_at_the_next_check(core, alice_and_bob):
    alice, bob = alice_and_bob
    require(bob, "topup")
    core.operators.set_role(alice, "bob", "viewer", "moved to audit")
    with pytest.raises(SignedOut, match="role or password changed; sign in again"):
        require(bob, "notification.read")
    fresh = core.operators.authenticate("bob", "bob-password")
    assert fresh.role == "viewer"
    require(fresh, "notification.read")


def test_a_disabled_operator_is_refused_and_system_actors_still_work(core, alice_and_bob):
    alice, bob = alice_and_bob
    core.operators.disable(alice, "bob", "left the company")
    with pytest.raises(SignedOut, match="your account was disabled; sign in again"):
        require(bob, "topup")
    require(SYSTEM, "topup")
    require(Actor("cli", "system"), "refund")
    require(alice, "operator.manage")


def test_a_password_reset_signs_the_old_desk_out(core, alice_and_bob):
    alice, bob = alice_and_bob
    core.operators.reset_password(alice, "bob", "another-password", "forgot it")
    with pytest.raises(SignedOut):
        require(bob, "topup")


def failures(username: str) -> list[AuditEntry]:
    return list(
        AuditEntry.select().where((AuditEntry.action == "operator.sign_in_failed") & (AuditEntry.actor == username))
    )


def test_failed_sign_ins_lock_the_account_until_the_time_passes_and_are_told_at_the_next(core, clock, alice_and_bob):
    for _ in range(MAX_FAILED_SIGN_INS):
        with pytest.raises(AuthenticationFailed, match="unknown operator or wrong password"):
            core.operators.authenticate("bob", "guess-password")
    with pytest.raises(AuthenticationFailed, match="locked"):
        core.operators.authenticate("bob", "bob-password")  # even the right password waits
    rows = failures("bob")
    assert len(rows) == MAX_FAILED_SIGN_INS + 1
    assert all("guess-password" not in (row.after or "") for row in rows)

    clock.advance(LOCK_DURATION + timedelta(seconds=1))
    actor = core.operators.authenticate("bob", "bob-password")
    assert actor.failed_sign_ins == MAX_FAILED_SIGN_INS + 1
    assert core.operators.authenticate("bob", "bob-password").failed_sign_ins == 0


def test_an_admin_unlocks_an_account(core, alice_and_bob):
    alice, _ = alice_and_bob
    for _ in range(MAX_FAILED_SIGN_INS):
        with pytest.raises(AuthenticationFailed):
            core.operators.authenticate("bob", "guess-password")
    core.operators.unlock(alice, "bob", "called the help desk")
    # the count starts again (the failures stay in the audit log)
    assert core.operators.authenticate("bob", "bob-password").failed_sign_ins == 0
    assert AuditEntry.select().where(AuditEntry.action == "operator.unlock").count() == 1


def test_an_unknown_name_is_audited_too(core, alice_and_bob):
    with pytest.raises(AuthenticationFailed):
        core.operators.authenticate("mallory", "guess-password")
    assert failures("mallory") == []  # the typed name is not kept: it may be a password in the wrong field
    assert len(failures("(unknown name)")) == 1


@pytest.mark.parametrize(
    ("username", "password", "why"),
    [
        ("carol.smith", "Carol.Smith", "must not be the user name"),
        ("carol", "Password1", "most common"),
        ("carol", "qwertyuiop", "most common"),
    ],
)
def test_a_password_equal_to_the_name_or_among_the_most_common_is_refused(core, alice_and_bob, username, password, why):
    alice, _ = alice_and_bob
    with pytest.raises(ValidationError, match=why):
        core.operators.create_operator(alice, username, password, "viewer", "new colleague")
    with pytest.raises(ValidationError, match="most common"):
        core.operators.reset_password(alice, "bob", "password123", "forgot it")
    assert len(common_passwords()) >= 200


def test_a_password_like_the_other_rules_allow_is_accepted(core, alice_and_bob):
    alice, _ = alice_and_bob
    core.operators.create_operator(alice, "carol", "a-long-passphrase", "viewer", "new colleague")
