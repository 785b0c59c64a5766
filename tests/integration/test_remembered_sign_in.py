"""Remember me signs a computer in with a revocable, expiring token kept in its keyring; never a password."""

from __future__ import annotations

import hashlib
from datetime import timedelta

import pytest

from models.tables import AuditEntry, SignInToken
from services.auth import SignedOut, require
from services.errors import PermissionDenied
from services.secrets import sign_in_token_name
from services.sign_in_tokens import (
    RememberedSignInRefused,
    forget_this_computer,
    remember_this_computer,
    sign_in_remembered,
)

DESK = "desk-7.office"
KEYRING = "subscriptions-admin"


@pytest.fixture
def people(core):
    core.operators.create_first_admin("alice", "alice-password")
    alice = core.operators.authenticate("alice", "alice-password")
    core.operators.create_operator(alice, "bob", "bob-password", "operator", "new colleague")
    return alice, core.operators.authenticate("bob", "bob-password")


def remember_bob(core, bob) -> None:
    assert remember_this_computer(core.sign_in_tokens, core.secrets, bob, DESK) is True


def kept_token(memory_keyring, username: str = "bob") -> str | None:
    return memory_keyring.store.get((KEYRING, sign_in_token_name(username)))


def audit_rows(action: str) -> list[AuditEntry]:
    return list(AuditEntry.select().where(AuditEntry.action == action).order_by(AuditEntry.id))


def test_the_keyring_holds_a_random_token_and_the_database_only_its_hash(core, people, memory_keyring):
    _, bob = people
    remember_bob(core, bob)
    token = kept_token(memory_keyring)
    assert token and len(token) >= 43 and "bob-password" not in token
    assert "bob-password" not in repr(memory_keyring.store)
    row = SignInToken.get()
    assert row.token_hash == hashlib.sha256(token.encode()).hexdigest() and row.device == DESK
    assert token not in row.token_hash
    issued = audit_rows("operator.sign_in_token_issued")
    assert len(issued) == 1 and issued[0].actor == "bob" and DESK in issued[0].after
    assert all(token not in (entry.after or "") + (entry.before or "") for entry in AuditEntry.select())


def test_the_next_start_signs_in_silently_and_the_token_is_replaced(core, people, memory_keyring):
    _, bob = people
    remember_bob(core, bob)
    first = kept_token(memory_keyring)
    actor = sign_in_remembered(core.sign_in_tokens, core.secrets, "bob", DESK)
    assert actor is not None and (actor.name, actor.role) == ("bob", "operator")
    require(actor, "topup")
    second = kept_token(memory_keyring)
    assert second and second != first
    with pytest.raises(RememberedSignInRefused):  # a used token is spent
        core.sign_in_tokens.sign_in("bob", first, DESK)
    assert len(audit_rows("operator.sign_in_token_used")) == 1
    assert SignInToken.select().count() == 1  # one computer, one row, rotated in place


def test_nothing_remembered_means_no_silent_sign_in(core, people):
    assert sign_in_remembered(core.sign_in_tokens, core.secrets, "bob", DESK) is None


def test_a_token_expires_by_the_clock_and_leaves_the_keyring(core, clock, people, memory_keyring):
    _, bob = people
    remember_bob(core, bob)
    clock.advance(days=29)
    assert sign_in_remembered(core.sign_in_tokens, core.secrets, "bob", DESK) is not None  # renewed for 30 more
    clock.advance(days=30, seconds=1)
    with pytest.raises(RememberedSignInRefused, match="expired"):
        sign_in_remembered(core.sign_in_tokens, core.secrets, "bob", DESK)
    assert kept_token(memory_keyring) is None


def test_the_lifetime_is_a_setting(core, clock, people, memory_keyring):
    alice, bob = people
    core.settings.update(alice, {"remember_me_days": 2})
    remember_bob(core, bob)
    clock.advance(days=2)
    with pytest.raises(RememberedSignInRefused, match="expired"):
        sign_in_remembered(core.sign_in_tokens, core.secrets, "bob", DESK)


def test_signing_out_everywhere_revokes_every_computer(core, people, memory_keyring):
    _, bob = people
    remember_bob(core, bob)
    other = core.sign_in_tokens.issue(bob, "laptop")
    assert core.sign_in_tokens.remembered_computers("bob") == 2
    assert core.sign_in_tokens.sign_out_everywhere(bob) == 2
    with pytest.raises(RememberedSignInRefused):
        sign_in_remembered(core.sign_in_tokens, core.secrets, "bob", DESK)
    with pytest.raises(RememberedSignInRefused):
        core.sign_in_tokens.sign_in("bob", other.token, "laptop")
    assert kept_token(memory_keyring) is None
    revoked = audit_rows("operator.sign_in_tokens_revoked")
    assert len(revoked) == 1 and revoked[0].actor == "bob" and '"count": 2' in revoked[0].after


def test_an_admin_signs_an_operator_out_everywhere_with_a_reason(core, people, memory_keyring):
    alice, bob = people
    remember_bob(core, bob)
    with pytest.raises(PermissionDenied):
        core.sign_in_tokens.sign_out_everywhere(bob, "alice")
    assert core.sign_in_tokens.sign_out_everywhere(alice, "bob", "laptop stolen") == 1
    with pytest.raises(RememberedSignInRefused):
        sign_in_remembered(core.sign_in_tokens, core.secrets, "bob", DESK)
    [entry] = audit_rows("operator.sign_in_tokens_revoked")
    assert (entry.actor, entry.reason, entry.target_id) == ("alice", "laptop stolen", str(bob.operator_id))


def test_signing_out_on_this_computer_revokes_its_token_only(core, people, memory_keyring):
    _, bob = people
    remember_bob(core, bob)
    other = core.sign_in_tokens.issue(bob, "laptop")
    forget_this_computer(core.sign_in_tokens, core.secrets, "bob")
    assert kept_token(memory_keyring) is None
    actor, _ = core.sign_in_tokens.sign_in("bob", other.token, "laptop")
    assert actor.name == "bob"


@pytest.mark.parametrize("change", ["own password", "reset", "role", "disable"])
def test_a_password_role_or_active_change_ends_the_token(core, people, memory_keyring, change):
    alice, bob = people
    remember_bob(core, bob)
    if change == "own password":
        core.operators.change_own_password(bob, "bob-password", "bob-new-password")
    elif change == "reset":
        core.operators.reset_password(alice, "bob", "bob-new-password", "forgot it")
    elif change == "role":
        core.operators.set_role(alice, "bob", "viewer", "moved to audit")
    else:
        core.operators.disable(alice, "bob", "left the company")
    with pytest.raises(RememberedSignInRefused):
        sign_in_remembered(core.sign_in_tokens, core.secrets, "bob", DESK)
    assert kept_token(memory_keyring) is None
    assert SignInToken.get().revoked_at is not None
    assert audit_rows("operator.sign_in_tokens_revoked")


def test_a_disabled_operator_token_is_refused_even_after_re_enabling(core, people, memory_keyring):
    alice, bob = people
    remember_bob(core, bob)
    core.operators.disable(alice, "bob", "on leave")
    core.operators.enable(alice, "bob", "back")
    with pytest.raises(RememberedSignInRefused):
        sign_in_remembered(core.sign_in_tokens, core.secrets, "bob", DESK)


def test_a_locked_account_refuses_the_token_but_keeps_it_for_later(core, clock, people, memory_keyring):
    from services.auth import LOCK_DURATION, MAX_FAILED_SIGN_INS
    from services.errors import AuthenticationFailed

    _, bob = people
    remember_bob(core, bob)
    for _ in range(MAX_FAILED_SIGN_INS):
        with pytest.raises(AuthenticationFailed):
            core.operators.authenticate("bob", "guess-password")
    with pytest.raises(RememberedSignInRefused, match="locked"):
        sign_in_remembered(core.sign_in_tokens, core.secrets, "bob", DESK)
    assert kept_token(memory_keyring) is not None
    clock.advance(LOCK_DURATION + timedelta(seconds=1))
    actor = sign_in_remembered(core.sign_in_tokens, core.secrets, "bob", DESK)
    assert actor is not None and actor.failed_sign_ins == MAX_FAILED_SIGN_INS


def test_an_administrator_never_gets_a_token(core, people, memory_keyring):
    alice, _ = people
    assert remember_this_computer(core.sign_in_tokens, core.secrets, alice, DESK) is False
    with pytest.raises(PermissionDenied, match="administrators type their password"):
        core.sign_in_tokens.issue(alice, DESK)
    assert SignInToken.select().count() == 0 and kept_token(memory_keyring, "alice") is None


def test_an_operator_made_admin_is_not_signed_in_by_an_old_token(core, people, memory_keyring):
    alice, bob = people
    remember_bob(core, bob)
    core.operators.set_role(alice, "bob", "admin", "promoted")
    with pytest.raises(RememberedSignInRefused):
        sign_in_remembered(core.sign_in_tokens, core.secrets, "bob", DESK)


def test_a_token_signs_in_only_the_name_it_was_issued_to(core, people, memory_keyring):
    alice, bob = people
    core.operators.create_operator(alice, "carol", "carol-password", "operator", "new colleague")
    issued = core.sign_in_tokens.issue(bob, DESK)
    with pytest.raises(RememberedSignInRefused):
        core.sign_in_tokens.sign_in("carol", issued.token, DESK)
    with pytest.raises(RememberedSignInRefused):
        core.sign_in_tokens.sign_in("bob", issued.token[:-1] + "x", DESK)


def test_a_signed_out_desk_cannot_issue(core, people):
    alice, bob = people
    core.operators.disable(alice, "bob", "left")
    with pytest.raises(SignedOut):
        core.sign_in_tokens.issue(bob, DESK)


def test_without_a_system_keyring_nothing_is_issued(core, people, monkeypatch):
    _, bob = people
    monkeypatch.setattr(type(core.secrets), "available", property(lambda self: False))
    assert remember_this_computer(core.sign_in_tokens, core.secrets, bob, DESK) is False
    assert SignInToken.select().count() == 0
