"""Admins manage who has access: disable, re-enable, reset a password, change a role.

Each action checks the role, asks for a reason, writes its audit row in the same
transaction, and refuses what would lock the business out: nobody disables or demotes
themselves, and the last active administrator stays one. Anyone changes their own
password by giving the old one.
"""

from __future__ import annotations

import json

import pytest

from models.tables import AuditEntry, Operator
from services.auth import Actor, SignedOut
from services.errors import AuthenticationFailed, Conflict, NotFound, PermissionDenied, ValidationError


@pytest.fixture
def people(core):
    """alice (first admin), bob (operator), vera (viewer): actors as they sign in."""
    core.operators.create_first_admin("alice", "alice-password")
    alice = core.operators.authenticate("alice", "alice-password")
    core.operators.create_operator(alice, "bob", "bob-password", "operator", "new colleague")
    core.operators.create_operator(alice, "vera", "vera-password", "viewer", "auditor")
    return {
        "alice": alice,
        "bob": core.operators.authenticate("bob", "bob-password"),
        "vera": core.operators.authenticate("vera", "vera-password"),
    }


def audit_rows(action: str) -> list[AuditEntry]:
    return list(AuditEntry.select().where(AuditEntry.action == action).order_by(AuditEntry.id))


def operator_row(username: str) -> Operator:
    return Operator.get(Operator.username == username)


def test_a_disabled_operator_cannot_sign_in_until_re_enabled(core, people):
    info = core.operators.disable(people["alice"], "bob", "left the company")
    assert info.active is False
    with pytest.raises(AuthenticationFailed, match="unknown operator or wrong password"):
        core.operators.authenticate("bob", "bob-password")
    (row,) = audit_rows("operator.disable")
    assert (row.actor, row.target_id, row.reason) == ("alice", str(info.id), "left the company")
    assert json.loads(row.before) == {"active": True} and json.loads(row.after) == {"active": False}

    assert core.operators.enable(people["alice"], "bob", "came back").active is True
    assert core.operators.authenticate("bob", "bob-password").role == "operator"
    (row,) = audit_rows("operator.enable")
    assert (row.actor, row.reason) == ("alice", "came back")


def test_disabling_twice_or_enabling_an_active_account_is_refused(core, people):
    with pytest.raises(Conflict, match="already active"):
        core.operators.enable(people["alice"], "bob", "why not")
    core.operators.disable(people["alice"], "bob", "left")
    with pytest.raises(Conflict, match="already disabled"):
        core.operators.disable(people["alice"], "bob", "again")
    assert len(audit_rows("operator.disable")) == 1 and audit_rows("operator.enable") == []


@pytest.mark.parametrize("who", ["bob", "vera"])
def test_only_admins_disable_enable_and_reset(core, people, who):
    actor = people[who]
    for call in (
        lambda: core.operators.disable(actor, "alice", "coup"),
        lambda: core.operators.enable(actor, "alice", "coup"),
        lambda: core.operators.reset_password(actor, "alice", "taken-over-1", "coup"),
        lambda: core.operators.set_role(actor, who, "admin", "coup"),
    ):
        with pytest.raises(PermissionDenied):
            call()
    assert operator_row("alice").active is True
    assert core.operators.authenticate("alice", "alice-password").role == "admin"
    assert operator_row(who).role != "admin"
    assert AuditEntry.select().where(AuditEntry.actor == who).count() == 0


def test_each_action_needs_a_reason_and_writes_nothing_without_one(core, people):
    alice = people["alice"]
    for call in (
        lambda: core.operators.disable(alice, "bob", "  "),
        lambda: core.operators.reset_password(alice, "bob", "brand-new-pass", ""),
    ):
        with pytest.raises(ValidationError, match="reason is required"):
            call()
    core.operators.disable(alice, "vera", "on leave")
    with pytest.raises(ValidationError, match="reason is required"):
        core.operators.enable(alice, "vera", "")
    assert operator_row("bob").active is True and operator_row("vera").active is False
    assert core.operators.authenticate("bob", "bob-password").name == "bob"
    assert len(audit_rows("operator.disable")) == 1


def test_an_admin_cannot_disable_or_demote_themselves(core, people):
    alice = people["alice"]
    core.operators.set_role(alice, "bob", "admin", "second admin")  # another admin exists: the rule is "not yourself"
    with pytest.raises(Conflict, match="your own"):
        core.operators.disable(alice, "alice", "tired")
    with pytest.raises(Conflict, match="your own"):
        core.operators.set_role(alice, "alice", "viewer", "stepping down")
    assert (operator_row("alice").role, operator_row("alice").active) == ("admin", True)
    assert audit_rows("operator.disable") == [] and len(audit_rows("operator.role")) == 1


def test_the_last_active_admin_cannot_be_disabled_or_demoted_by_another_admin(core, people):
    alice = people["alice"]
    core.operators.set_role(alice, "bob", "admin", "cover for holidays")
    bob = core.operators.authenticate("bob", "bob-password")
    core.operators.disable(bob, "vera", "no longer needed")
    # Alice demotes Bob: fine, she stays. Bob's desk still holds an admin actor: it is signed out.
    core.operators.set_role(alice, "bob", "operator", "holidays over")
    with pytest.raises(SignedOut, match="sign in again"):
        core.operators.disable(bob, "alice", "revenge")
    # An actor that carries no sign-in version still meets the database's rule: no admin would be left.
    bob = Actor("bob", "admin", bob.operator_id)
    with pytest.raises(Conflict, match="last active administrator"):
        core.operators.disable(bob, "alice", "revenge")
    with pytest.raises(Conflict, match="last active administrator"):
        core.operators.set_role(bob, "alice", "operator", "revenge")
    assert (operator_row("alice").role, operator_row("alice").active) == ("admin", True)


def test_a_disabled_admin_does_not_count_as_the_one_left(core, people):
    alice = people["alice"]
    core.operators.create_operator(alice, "carol", "carol-password", "admin", "deputy")
    core.operators.disable(alice, "carol", "sabbatical")
    with pytest.raises(AuthenticationFailed):
        core.operators.authenticate("carol", "carol-password")
    core.operators.create_operator(alice, "dave", "dave-password", "admin", "deputy")
    dave = core.operators.authenticate("dave", "dave-password")
    core.operators.set_role(dave, "alice", "operator", "rotation")  # dave remains: allowed
    with pytest.raises(SignedOut, match="sign in again"):
        core.operators.set_role(alice, "dave", "operator", "stale desk")  # alice's old admin actor is signed out
    stale = Actor("alice", "admin", alice.operator_id)  # without a sign-in version, the database rule still holds
    with pytest.raises(Conflict, match="last active administrator"):
        core.operators.set_role(stale, "dave", "operator", "stale desk")
    assert operator_row("dave").role == "admin"


def test_an_admin_resets_another_operators_password_and_the_audit_keeps_no_password(core, people):
    info = core.operators.reset_password(people["alice"], "bob", "fresh-password-9", "forgot it")
    assert info.username == "bob"
    with pytest.raises(AuthenticationFailed):
        core.operators.authenticate("bob", "bob-password")
    assert core.operators.authenticate("bob", "fresh-password-9").name == "bob"
    (row,) = audit_rows("operator.password_reset")
    assert (row.actor, row.target_id, row.reason) == ("alice", str(info.id), "forgot it")
    assert "fresh-password-9" not in f"{row.before} {row.after} {row.reason}"


@pytest.mark.parametrize("password", ["short", "x" * 1025, "\ud800" * 9])
def test_a_reset_password_follows_the_rules_for_new_operators(core, people, password):
    with pytest.raises(ValidationError, match="password"):
        core.operators.reset_password(people["alice"], "bob", password, "forgot it")
    assert core.operators.authenticate("bob", "bob-password").name == "bob"
    assert audit_rows("operator.password_reset") == []


def test_an_admin_changes_their_own_password_with_the_old_one_not_by_reset(core, people):
    with pytest.raises(Conflict, match="your own password"):
        core.operators.reset_password(people["alice"], "alice", "no-old-needed", "shortcut")
    assert core.operators.authenticate("alice", "alice-password").name == "alice"


def test_anyone_changes_their_own_password_by_giving_the_old_one(core, people):
    vera = people["vera"]
    with pytest.raises(AuthenticationFailed, match="current password is wrong"):
        core.operators.change_own_password(vera, "guessed-wrong", "vera-new-password")
    with pytest.raises(ValidationError, match="at least 8"):
        core.operators.change_own_password(vera, "vera-password", "short")
    assert audit_rows("operator.password_change") == []
    core.operators.change_own_password(vera, "vera-password", "vera-new-password")
    assert core.operators.authenticate("vera", "vera-new-password").name == "vera"
    with pytest.raises(AuthenticationFailed):
        core.operators.authenticate("vera", "vera-password")
    (row,) = audit_rows("operator.password_change")
    assert (row.actor, row.target_id) == ("vera", str(vera.operator_id))


def test_a_disabled_operators_open_desk_cannot_change_its_password(core, people):
    core.operators.disable(people["alice"], "bob", "left")
    with pytest.raises(PermissionDenied, match="disabled"):
        core.operators.change_own_password(people["bob"], "bob-password", "bob-new-password")


def test_unknown_operators_are_not_found_and_nothing_is_written(core, people):
    before = AuditEntry.select().count()
    for call in (
        lambda: core.operators.disable(people["alice"], "nobody", "x"),
        lambda: core.operators.enable(people["alice"], "nobody", "x"),
        lambda: core.operators.reset_password(people["alice"], "nobody", "long enough pw", "x"),
    ):
        with pytest.raises(NotFound):
            call()
    assert AuditEntry.select().count() == before


def test_the_list_shows_every_account_with_role_state_and_creation(core, people, clock):
    core.operators.disable(people["alice"], "vera", "left")
    listed = {info.username: (info.role, info.active, info.created_at) for info in core.operators.list_operators()}
    assert listed == {
        "alice": ("admin", True, clock.now()),
        "bob": ("operator", True, clock.now()),
        "vera": ("viewer", False, clock.now()),
    }
