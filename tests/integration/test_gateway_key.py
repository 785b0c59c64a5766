"""The gateway key: refused before anything is stored when it cannot work, saved and audited by an admin."""

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.errors import NoKeyringError

from models.tables import AuditEntry
from services.errors import PermissionDenied, ValidationError
from services.gateway_key import MAX_KEY_LENGTH, KeyProblem, key_problem, key_state, save_key
from services.secrets import GATEWAY_API_KEY, SecretStore

KEY = "sk_test_rotated_4c1f9e"


class NoKeyring(KeyringBackend):
    priority = 1

    def get_password(self, service, username):
        raise NoKeyringError("No recommended backend was available.")

    def set_password(self, service, username, password):
        raise NoKeyringError("No recommended backend was available.")

    def delete_password(self, service, username):
        raise NoKeyringError("No recommended backend was available.")


@pytest.mark.parametrize(
    ("key", "problem"),
    [
        ("", KeyProblem.MISSING),
        ("sk_test_ with space", KeyProblem.NOT_ONE_WORD),
        ("sk_test_" + "x" * MAX_KEY_LENGTH, KeyProblem.NOT_ONE_WORD),
        ("live_abc123", KeyProblem.NOT_A_TEST_KEY),
        (KEY, None),
    ],
)
def test_what_makes_a_key_usable(key, problem):
    assert key_problem(key) is problem


def test_an_admin_saves_the_key_in_the_keyring_and_the_audit_says_where_not_what(db, clock, admin):
    secrets = SecretStore()
    assert key_state(secrets).key_set is False
    saved = save_key(secrets, clock, admin, KEY, "quarterly rotation")
    assert (saved.in_keyring, saved.keyring_reason) == (True, None)
    assert keyring.get_password("subscriptions-admin", GATEWAY_API_KEY) == KEY
    assert key_state(secrets).key_set is True and key_state(secrets).keyring_reason is None
    audit = AuditEntry.get(AuditEntry.action == "secret.set")
    assert (audit.actor, audit.reason) == (admin.name, "quarterly rotation")
    assert "system keyring" in audit.after and KEY not in f"{audit.before}{audit.after}{audit.target_id}"


@pytest.mark.parametrize("role", ["operator", "viewer"])
def test_only_an_admin_sets_the_key(db, clock, role, request):
    secrets = SecretStore()
    with pytest.raises(PermissionDenied):
        save_key(secrets, clock, request.getfixturevalue(role), KEY, "")
    assert secrets.get(GATEWAY_API_KEY) is None and AuditEntry.select().count() == 0


@pytest.mark.parametrize(("key", "reason"), [("live_abc123", ""), ("", ""), (KEY, "x" * 5000)])
def test_a_bad_key_or_reason_stores_nothing(db, clock, admin, key, reason):
    secrets = SecretStore()
    with pytest.raises(ValidationError):
        save_key(secrets, clock, admin, key, reason)
    assert secrets.get(GATEWAY_API_KEY) is None and AuditEntry.select().count() == 0


def test_without_a_keyring_the_key_is_kept_for_this_session_and_the_reason_said(db, clock, admin):
    keyring.set_keyring(NoKeyring())  # the autouse fixture puts the previous backend back
    secrets = SecretStore()
    assert "NoKeyringError" in key_state(secrets).keyring_reason
    saved = save_key(secrets, clock, admin, KEY, "")
    assert saved.in_keyring is False and "NoKeyringError" in saved.keyring_reason
    assert secrets.get(GATEWAY_API_KEY) == KEY
    assert "this session only" in AuditEntry.get(AuditEntry.action == "secret.set").after
