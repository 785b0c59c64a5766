"""The secret store: OS keyring first, this session's memory when there is none, environment for a worker."""

from __future__ import annotations

import logging

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.errors import KeyringLocked, NoKeyringError

from services.errors import ValidationError
from services.secrets import SecretStore, remembered_login_name

SECRET = "sk_test_5up3r-s3cr3t-v4lu3"


class BrokenKeyring(KeyringBackend):
    """A backend that fails every call the way a missing or locked OS keyring does."""

    priority = 1

    def __init__(self, error: type[Exception]):
        super().__init__()
        self.error = error

    def get_password(self, service, username):
        raise self.error("the keyring is not usable here")

    def set_password(self, service, username, password):
        raise self.error("the keyring is not usable here")

    def delete_password(self, service, username):
        raise self.error("the keyring is not usable here")


class FlakyKeyring(KeyringBackend):
    """Answers the availability probe, then refuses to store anything (and carelessly echoes the value)."""

    priority = 1

    def get_password(self, service, username):
        return None

    def set_password(self, service, username, password):
        raise KeyringLocked(f"collection is locked, cannot store {password}")

    def delete_password(self, service, username):
        raise KeyringLocked("collection is locked")


@pytest.fixture
def broken_keyring(request):
    previous = keyring.get_keyring()
    keyring.set_keyring(BrokenKeyring(getattr(request, "param", NoKeyringError)))
    yield
    keyring.set_keyring(previous)


def test_round_trip_through_the_os_keyring(memory_keyring):
    store = SecretStore(env={})
    assert store.available
    assert store.unavailable_reason is None
    assert store.set("gateway_api_key", SECRET) is True
    assert memory_keyring.store[("subscriptions-admin", "gateway_api_key")] == SECRET
    # a second store (the next app start) reads what the first one saved
    assert SecretStore(env={}).get("gateway_api_key") == SECRET


def test_remembered_login_is_kept_and_forgotten(memory_keyring):
    store = SecretStore(env={})
    name = remembered_login_name("alice")
    assert name == "remember:alice"
    store.set(name, "token-123")
    assert store.get(name) == "token-123"
    store.delete(name)
    assert store.get(name) is None
    assert memory_keyring.store == {}
    store.delete(name)  # forgetting twice is harmless


def test_unknown_secret_is_none():
    assert SecretStore(env={}).get("pg_password") is None


@pytest.mark.parametrize("broken_keyring", [NoKeyringError, KeyringLocked], indirect=True)
def test_without_a_keyring_secrets_live_for_the_session_only(broken_keyring):
    store = SecretStore(env={})
    assert store.available is False
    assert "No usable system keyring" in store.unavailable_reason
    assert "session only" in store.unavailable_reason
    assert store.set("gateway_api_key", SECRET) is False
    assert store.get("gateway_api_key") == SECRET
    # another process (a fresh store) never sees it
    assert SecretStore(env={}).get("gateway_api_key") is None
    store.delete("gateway_api_key")
    assert store.get("gateway_api_key") is None


def test_reason_names_the_keyring_problem(broken_keyring):
    assert "NoKeyringError" in SecretStore(env={}).unavailable_reason


def test_keyring_refusing_a_write_keeps_the_value_for_the_session():
    previous = keyring.get_keyring()
    keyring.set_keyring(FlakyKeyring())
    try:
        store = SecretStore(env={})
        assert store.available is True
        assert store.set("pg_password", "hunter2-pg") is False
        assert store.get("pg_password") == "hunter2-pg"
        assert store.available is False
        assert "KeyringLocked" in store.unavailable_reason
    finally:
        keyring.set_keyring(previous)


def test_environment_feeds_a_headless_worker():
    env = {"SUBS_GATEWAY_KEY": "sk_test_from_env", "SUBS_PG_PASSWORD": "pg-from-env"}
    store = SecretStore(env=env)
    assert store.get("gateway_api_key") == "sk_test_from_env"
    assert store.get("pg_password") == "pg-from-env"
    assert store.get("remember:alice") is None  # only the documented names are fed


def test_keyring_value_beats_the_environment():
    store = SecretStore(env={"SUBS_GATEWAY_KEY": "sk_test_from_env"})
    store.set("gateway_api_key", "sk_test_from_keyring")
    assert store.get("gateway_api_key") == "sk_test_from_keyring"
    store.delete("gateway_api_key")
    assert store.get("gateway_api_key") == "sk_test_from_env"


def test_value_set_this_session_beats_the_environment(broken_keyring):
    store = SecretStore(env={"SUBS_GATEWAY_KEY": "sk_test_from_env"})
    assert store.get("gateway_api_key") == "sk_test_from_env"
    store.set("gateway_api_key", "sk_test_typed_in_settings")
    assert store.get("gateway_api_key") == "sk_test_typed_in_settings"


def test_empty_environment_variable_counts_as_unset():
    assert SecretStore(env={"SUBS_GATEWAY_KEY": ""}).get("gateway_api_key") is None


def test_availability_is_probed_once(memory_keyring, monkeypatch):
    calls = []
    original = memory_keyring.get_password

    def counting(service, username):
        calls.append(username)
        return original(service, username)

    monkeypatch.setattr(memory_keyring, "get_password", counting)
    store = SecretStore(env={})
    assert store.available and store.available and store.unavailable_reason is None
    assert len(calls) == 1


def test_empty_names_and_values_are_refused():
    store = SecretStore(env={})
    with pytest.raises(ValidationError):
        store.set("", "x")
    with pytest.raises(ValidationError) as err:
        store.set("gateway_api_key", "")
    assert "gateway_api_key" in str(err.value)


@pytest.mark.parametrize("backend", ["memory", "broken", "flaky"])
def test_secret_never_appears_in_logs_or_errors(backend, caplog):
    previous = keyring.get_keyring()
    if backend == "broken":
        keyring.set_keyring(BrokenKeyring(KeyringLocked))
    elif backend == "flaky":
        keyring.set_keyring(FlakyKeyring())
    caplog.set_level(logging.DEBUG)
    try:
        store = SecretStore(env={})
        store.set("gateway_api_key", SECRET)
        assert store.get("gateway_api_key") == SECRET
        store.delete("gateway_api_key")
        with pytest.raises(ValidationError) as err:
            store.set("", SECRET)
    finally:
        keyring.set_keyring(previous)
    assert SECRET not in str(err.value)
    assert SECRET not in (store.unavailable_reason or "")
    assert SECRET not in caplog.text
    assert "gateway_api_key" in caplog.text  # the name is logged, so the check above looked at real lines


def test_a_password_an_earlier_version_remembered_is_forgotten(memory_keyring):
    from services.secrets import forget_stored_login

    store = SecretStore(env={})
    store.set(remembered_login_name("alice"), "alice's password")
    store.set("gateway_api_key", SECRET)
    forget_stored_login(store, "alice")
    forget_stored_login(store, "alice")  # nothing left: harmless
    forget_stored_login(store, "")  # no name: nothing to do
    assert memory_keyring.store == {("subscriptions-admin", "gateway_api_key"): SECRET}
