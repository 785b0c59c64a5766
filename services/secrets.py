"""Secrets (the gateway API key, the PostgreSQL password, the mail server's password).

They live in the OS keyring. Without a usable keyring the app says so and keeps
what it is given in this process's memory only, so nothing secret ever lands in
the database, a file or a log. A headless worker can be fed through environment
variables instead.

Lookup order: the keyring, then a value set during this session (when the
keyring could not take it), then the environment. A value an operator sets
while the app runs therefore beats the environment it was started with.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Mapping

import keyring
from keyring.errors import KeyringError, PasswordDeleteError

from services.errors import ValidationError
from services.validation import storable

log = logging.getLogger(__name__)

GATEWAY_API_KEY = "gateway_api_key"
PG_PASSWORD = "pg_password"
MAIL_PASSWORD = "mail_password"  # the SMTP server's password for customer notices

# Environment variables that feed a secret when neither the keyring nor the session holds it.
ENVIRONMENT_FEEDS = {
    GATEWAY_API_KEY: "SUBS_GATEWAY_KEY",
    PG_PASSWORD: "SUBS_PG_PASSWORD",
    MAIL_PASSWORD: "SUBS_MAIL_PASSWORD",
}

_PROBE_NAME = "__availability_probe__"


def remembered_login_name(username: str) -> str:
    """Where earlier versions kept the password of a remembered login for ``username``.

    "Remember me" now keeps the user name (in the desk's settings, it is no secret) and a revocable
    token (``sign_in_token_name``); a password left under this name is deleted with ``forget_stored_login``.
    """
    return f"remember:{username}"


def sign_in_token_name(username: str) -> str:
    """Where this computer's keyring keeps the "Remember me" token of ``username`` (never a password)."""
    return f"sign-in-token:{username}"


def _describe(exc: BaseException, with_text: bool) -> str:
    # Only the probe's error text is shown: no secret went into that call. After a failed
    # read or write the backend's text might echo what it was given, so only the class is named.
    text = str(exc).strip().splitlines()[0] if with_text and str(exc).strip() else ""
    if len(text) > 120:
        text = text[:117] + "…"
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


class SecretStore:
    def __init__(self, service: str = "subscriptions-admin", env: Mapping[str, str] | None = None):
        self.service = service
        self._env = os.environ if env is None else env
        self._session: dict[str, str] = {}
        self._lock = threading.Lock()
        self._available: bool | None = None
        self._reason: str | None = None

    # --- availability ---------------------------------------------------------

    @property
    def available(self) -> bool:
        """Whether the OS keyring can be used (probed once, on first need)."""
        with self._lock:
            if self._available is None:
                self._probe()
            return bool(self._available)

    @property
    def unavailable_reason(self) -> str | None:
        """A sentence for the operator when the keyring cannot be used; None when it can."""
        if self.available:
            return None
        return self._reason

    def _probe(self) -> None:
        try:
            keyring.get_password(self.service, _PROBE_NAME)
        except Exception as exc:  # any backend failure (NoKeyringError, KeyringLocked, D-Bus trouble) means unusable
            self._mark_unavailable(exc, with_text=True)
        else:
            self._available = True
            self._reason = None

    def _mark_unavailable(self, exc: BaseException, with_text: bool = False) -> None:
        self._available = False
        name = type(exc).__name__
        if name == "NoKeyringError":
            why = "none is installed or running (GNOME Keyring, KWallet or the macOS/Windows store)"
        elif name == "KeyringLocked":
            why = "it is locked"
        else:
            why = "it did not answer"
        self._reason = f"No usable system keyring: {why} ({name}); secrets are kept for this session only."
        log.info("no usable system keyring (%s); secrets are kept for this session only", _describe(exc, with_text))

    # --- reading and writing ---------------------------------------------------

    def get(self, name: str) -> str | None:
        """The secret called ``name``, or None when nobody has provided it."""
        self._check_name(name)
        if self.available:
            try:
                value = keyring.get_password(self.service, name)
            except KeyringError as exc:
                log.warning(
                    "could not read secret %r from the system keyring (%s); using the session copy",
                    name,
                    type(exc).__name__,
                )
                with self._lock:
                    self._mark_unavailable(exc)
            else:
                if value is not None:
                    return value
        with self._lock:
            value = self._session.get(name)
        if value is not None:
            return value
        variable = ENVIRONMENT_FEEDS.get(name)
        if variable:
            return self._env.get(variable) or None
        return None

    def set(self, name: str, value: str) -> bool:
        """Keep ``value`` under ``name``.

        Returns True when the OS keyring saved it, False when it is held in this
        process's memory only and will be gone when the app quits.
        """
        self._check_name(name)
        if not isinstance(value, str) or value == "" or not storable(value):
            raise ValidationError("the secret {name!r} needs a non-empty text value", name=name)
        if self.available:
            try:
                keyring.set_password(self.service, name, value)
            except KeyringError as exc:
                log.warning(
                    "could not save secret %r in the system keyring (%s); keeping it for this session only",
                    name,
                    type(exc).__name__,
                )
                with self._lock:
                    self._mark_unavailable(exc)
            else:
                with self._lock:
                    self._session.pop(name, None)  # a stale session copy must not outlive the keyring one
                log.info("secret %r saved in the system keyring", name)
                return True
        with self._lock:
            self._session[name] = value
        log.info("secret %r kept for this session only", name)
        return False

    def delete(self, name: str) -> None:
        """Forget ``name`` in the keyring and this session (the environment is left alone)."""
        self._check_name(name)
        with self._lock:
            self._session.pop(name, None)
        if not self.available:
            return
        try:
            keyring.delete_password(self.service, name)
        except PasswordDeleteError:
            pass  # nothing stored under that name: already forgotten
        except KeyringError as exc:
            log.warning("could not delete secret %r from the system keyring (%s)", name, type(exc).__name__)

    @staticmethod
    def _check_name(name: str) -> None:
        if not isinstance(name, str) or not name.strip() or not storable(name):
            raise ValidationError("a secret needs a name")


def forget_stored_login(store: SecretStore, username: str) -> None:
    """Delete a password an earlier version kept in the keyring to sign ``username`` in unasked.

    Nothing signs an operator in without their password; a stored copy would only wait
    for someone to read it out of the keyring. Safe to call when there is none.
    """
    if isinstance(username, str) and username.strip() and storable(username):
        store.delete(remembered_login_name(username.strip()))
