"""The payment gateway's API key: what a usable key looks like, whether one is set, and changing it.

The key lives in the secret store (the OS keyring, else this session's memory), never in the
database or the log; the audit entry says where it went, not what it is.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from models.db import write_transaction
from services.audit import record_audit
from services.auth import Actor, require
from services.clock import Clock
from services.errors import ValidationError
from services.gateway import TEST_KEY_PREFIX
from services.secrets import GATEWAY_API_KEY, SecretStore
from services.validation import clean_reason

MAX_KEY_LENGTH = 200


class KeyProblem(Enum):
    """Why a typed key is refused before anything is stored."""

    MISSING = "missing"
    NOT_ONE_WORD = "not_one_word"  # spaces inside, or longer than MAX_KEY_LENGTH
    NOT_A_TEST_KEY = "not_a_test_key"  # the simulated gateway takes test keys only


_PROBLEM_REFUSAL = {
    KeyProblem.MISSING: lambda: ValidationError("enter the new key"),
    KeyProblem.NOT_ONE_WORD: lambda: ValidationError(
        "a key is one word of at most {most} characters", most=MAX_KEY_LENGTH
    ),
    KeyProblem.NOT_A_TEST_KEY: lambda: ValidationError(
        "the simulated gateway accepts only test keys, which start with {prefix}", prefix=TEST_KEY_PREFIX
    ),
}


def key_problem(key: str) -> KeyProblem | None:
    """What is wrong with ``key`` as a gateway key, or None when it can be saved."""
    if not key:
        return KeyProblem.MISSING
    if any(ch.isspace() for ch in key) or len(key) > MAX_KEY_LENGTH:
        return KeyProblem.NOT_ONE_WORD
    if not key.startswith(TEST_KEY_PREFIX):
        return KeyProblem.NOT_A_TEST_KEY
    return None


@dataclass(frozen=True)
class KeyState:
    key_set: bool  # never the key itself
    keyring_reason: str | None  # why the OS keyring cannot be used; None when it can


def key_state(secrets: SecretStore) -> KeyState:
    return KeyState(secrets.get(GATEWAY_API_KEY) is not None, secrets.unavailable_reason)


@dataclass(frozen=True)
class KeySaved:
    in_keyring: bool  # False: kept for this session only, gone when the app quits
    keyring_reason: str | None  # why the OS keyring could not take it


def save_key(secrets: SecretStore, clock: Clock, actor: Actor, key: str, reason: str = "") -> KeySaved:
    """Keep ``key`` for every later gateway call and audit that it changed (an admin's action)."""
    require(actor, "settings.edit")
    if not isinstance(key, str):
        raise ValidationError("the gateway key must be text")
    problem = key_problem(key)
    if problem is not None:
        raise _PROBLEM_REFUSAL[problem]()
    reason = clean_reason(reason)
    in_keyring = secrets.set(GATEWAY_API_KEY, key)
    with write_transaction():
        record_audit(
            clock,
            actor.name,
            "secret.set",
            "secret",
            GATEWAY_API_KEY,
            after={"stored_in": "system keyring" if in_keyring else "this session only"},
            reason=reason,
        )
    return KeySaved(in_keyring, None if in_keyring else secrets.unavailable_reason)
