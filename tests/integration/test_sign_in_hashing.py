"""Sign-in costs the same scrypt work for an unknown name as for a known one, new hashes use the
production cost, and a hash stored at a lower cost is rehashed at the next successful sign-in."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from models.tables import Operator
from services import auth
from services.errors import AuthenticationFailed


@pytest.fixture
def scrypt_calls(monkeypatch):
    calls: list[int] = []
    real = hashlib.scrypt

    def counting(*args, **kwargs):
        calls.append(kwargs["n"])
        return real(*args, **kwargs)

    monkeypatch.setattr(hashlib, "scrypt", counting)
    return calls


def test_an_unknown_name_costs_one_scrypt_run_like_a_known_one(core, scrypt_calls):
    core.operators.create_first_admin("alice", "alice-password")
    with pytest.raises(AuthenticationFailed):
        core.operators.authenticate("nobody", "whatever-password")  # makes the dummy hash once

    scrypt_calls.clear()
    with pytest.raises(AuthenticationFailed):
        core.operators.authenticate("alice", "wrong-password")
    known = len(scrypt_calls)

    scrypt_calls.clear()
    with pytest.raises(AuthenticationFailed):
        core.operators.authenticate("nobody", "wrong-password")
    unknown = len(scrypt_calls)

    assert known == unknown == 1


def test_production_cost_is_2_17_and_a_cheaper_hash_is_rehashed_at_sign_in(core, monkeypatch, scrypt_calls):
    # the autouse fixture lowered the cost for speed; the module's own default is read from its source
    assert "SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**17, 8, 1" in Path(auth.__file__).read_text(encoding="utf-8")
    core.operators.create_first_admin("alice", "alice-password")
    old_hash = Operator.get(Operator.username == "alice").password_hash
    assert old_hash.startswith(f"scrypt${2**10}$8$1$")

    monkeypatch.setattr(auth, "SCRYPT_N", 2**17)
    assert auth.needs_rehash(old_hash)
    actor = core.operators.authenticate("alice", "alice-password")

    new_hash = Operator.get(Operator.username == "alice").password_hash
    assert actor.name == "alice"
    assert new_hash.startswith(f"scrypt${2**17}$8$1$")
    assert not auth.needs_rehash(new_hash)
    assert auth.verify_password("alice-password", new_hash)
    assert 2**17 in scrypt_calls  # the production cost runs (maxmem lets OpenSSL allocate it)


def test_a_wrong_password_does_not_rehash(core, monkeypatch):
    core.operators.create_first_admin("alice", "alice-password")
    old_hash = Operator.get(Operator.username == "alice").password_hash
    monkeypatch.setattr(auth, "SCRYPT_N", 2**11)
    with pytest.raises(AuthenticationFailed):
        core.operators.authenticate("alice", "wrong-password")
    assert Operator.get(Operator.username == "alice").password_hash == old_hash
