"""Remember me: a random token per operator and computer signs the desk in at the next start.

The token (``secrets.token_urlsafe(32)``) lives only in that computer's keyring; the database keeps its
SHA-256 (a hash is enough for 256 random bits: nothing to guess, so no slow hash is needed). A token
signs in only while it is neither expired nor revoked and the operator is active, not locked and at the
access version the token was issued at: a role or password change, a disable, a reset or "Sign out
everywhere" ends it. Each use replaces it with a fresh one that expires ``remember_me_days`` later.
Administrators are never given one: they type their password at every sign-in.
"""

from __future__ import annotations

import hashlib
import secrets as random_tokens
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from models.db import for_update, write_transaction
from models.tables import Operator, SignInToken
from services.audit import record_audit
from services.auth import (
    Actor,
    check_still_signed_in,
    device_label,
    is_same_operator,
    require,
    revoke_sign_in_tokens,
)
from services.clock import Clock
from services.errors import AuthenticationFailed, NotFound, PermissionDenied
from services.secrets import SecretStore, sign_in_token_name
from services.settings import SettingsStore
from services.validation import MAX_REASON, check_text, storable

TOKEN_BYTES = 32


def token_digest(token: str) -> str:
    """What the database keeps of a token: its SHA-256, in hex."""
    return hashlib.sha256(token.encode()).hexdigest()


@dataclass(frozen=True)
class IssuedToken:
    """A token just made for one computer; ``token`` goes to that computer's keyring and nowhere else."""

    token: str = field(repr=False)
    device: str
    expires_at: datetime


class RememberedSignInRefused(AuthenticationFailed):
    """The remembered sign-in of this computer does not sign in; the operator types their password.

    ``forget``: the token is dead (expired, revoked, unknown, or the account changed), so the keyring's
    copy can go. A locked account's token is refused but kept for when the lock ends.
    """

    forget = True


class RememberedSignInLocked(RememberedSignInRefused):
    forget = False


@dataclass(frozen=True)
class _Verdict:
    actor: Actor | None = None
    issued: IssuedToken | None = None
    refusal: RememberedSignInRefused | None = None


class SignInTokens:
    def __init__(self, clock: Clock, settings: SettingsStore):
        self.clock, self.settings = clock, settings

    def lifetime(self) -> timedelta:
        return timedelta(days=int(self.settings.get("remember_me_days")))

    def issue(self, actor: Actor, device: str) -> IssuedToken:
        """A new token for ``actor`` on ``device``; a computer holds one at a time, so an older one there is revoked."""
        if not isinstance(actor, Actor) or actor.operator_id is None or actor.version is None:
            raise PermissionDenied("no operator is signed in")
        check_still_signed_in(actor)
        if actor.role == "admin":
            raise PermissionDenied("administrators type their password at every sign-in; nothing is remembered")
        device = device_label(device)
        token = random_tokens.token_urlsafe(TOKEN_BYTES)
        now = self.clock.now()
        expires_at = now + self.lifetime()
        with write_transaction():
            operator = for_update(Operator.select().where(Operator.id == actor.operator_id)).first()
            if operator is None or operator.access_version != actor.version or not operator.active:
                raise PermissionDenied("your account changed; sign in again")
            replaced = (
                SignInToken.update(revoked_at=now)
                .where(
                    (SignInToken.operator == operator.id)
                    & (SignInToken.device == device)
                    & SignInToken.revoked_at.is_null()
                )
                .execute()
            )
            row = SignInToken.create(
                operator=operator.id,
                token_hash=token_digest(token),
                device=device,
                access_version=operator.access_version,
                created_at=now,
                expires_at=expires_at,
            )
            record_audit(
                self.clock,
                actor.name,
                "operator.sign_in_token_issued",
                "operator",
                operator.id,
                after={
                    "computer": device,
                    "token": row.id,
                    "expires_at": expires_at.isoformat(),
                    "replaced": int(replaced),  # this computer's earlier token, revoked by this one
                },
            )
        return IssuedToken(token, device, expires_at)

    def sign_in(self, username: str, token: str, device: str) -> tuple[Actor, IssuedToken]:
        """Sign ``username`` in with the token this computer kept, and hand back its replacement.

        Raises ``RememberedSignInRefused`` (its ``forget`` says whether the token is dead). A token
        refused because the account changed is revoked, and that is audited.
        """
        if not (isinstance(username, str) and isinstance(token, str) and storable(username) and storable(token)):
            raise RememberedSignInRefused("this computer's remembered sign-in is no longer valid; type your password")
        verdict = self._check_and_rotate(username, token, device_label(device))
        if verdict.refusal is not None:
            raise verdict.refusal
        assert verdict.actor is not None and verdict.issued is not None
        return verdict.actor, verdict.issued

    def _check_and_rotate(self, username: str, token: str, device: str) -> _Verdict:
        now = self.clock.now()
        invalid = RememberedSignInRefused("this computer's remembered sign-in is no longer valid; type your password")
        with write_transaction():
            row = for_update(SignInToken.select().where(SignInToken.token_hash == token_digest(token))).first()
            if row is None or row.revoked_at is not None:
                return _Verdict(refusal=invalid)
            operator = for_update(Operator.select().where(Operator.id == row.operator_id)).first()
            if operator is None or operator.username != username:
                return _Verdict(refusal=invalid)
            if row.expires_at <= now:
                return _Verdict(
                    refusal=RememberedSignInRefused(
                        "this computer's remembered sign-in expired; type your password to sign in"
                    )
                )
            if operator.locked_until is not None and operator.locked_until > now:
                return _Verdict(
                    refusal=RememberedSignInLocked("too many failed sign-ins; this account is locked for a while")
                )
            changed = not operator.active or operator.access_version != row.access_version or operator.role == "admin"
            if changed:
                # Committed with the audit row: the refusal is raised after the transaction ends.
                why = "account disabled" if not operator.active else "role or password changed"
                self._revoke_row(row, operator, why)
                return _Verdict(
                    refusal=RememberedSignInRefused(
                        "your account changed since this computer remembered you; type your password"
                    )
                )
            fresh = random_tokens.token_urlsafe(TOKEN_BYTES)
            expires_at = now + self.lifetime()
            row.token_hash = token_digest(fresh)
            row.last_used_at = now
            row.expires_at = expires_at
            row.device = device
            row.save()
            failures = operator.failed_sign_ins
            if failures:
                operator.failed_sign_ins = 0
                operator.save()
            record_audit(
                self.clock,
                operator.username,
                "operator.sign_in_token_used",
                "operator",
                operator.id,
                after={"computer": device, "token": row.id, "expires_at": expires_at.isoformat()},
            )
        actor = Actor(operator.username, operator.role, operator.id, operator.access_version, failures)
        return _Verdict(actor=actor, issued=IssuedToken(fresh, device, expires_at))

    def revoke(self, token: str, why: str = "signed out") -> bool:
        """Revoke the one token a computer holds (its operator signed out there). Whoever holds a token may end it."""
        if not isinstance(token, str) or not storable(token):
            return False
        with write_transaction():
            row = for_update(SignInToken.select().where(SignInToken.token_hash == token_digest(token))).first()
            if row is None or row.revoked_at is not None:
                return False
            self._revoke_row(row, Operator.get_by_id(row.operator_id), why)
        return True

    def _revoke_row(self, row: SignInToken, operator: Operator, why: str) -> None:
        """End one computer's token and audit it, inside the caller's write."""
        row.revoked_at = self.clock.now()
        row.save()
        record_audit(
            self.clock,
            operator.username,
            "operator.sign_in_tokens_revoked",
            "operator",
            operator.id,
            after={"computers": [row.device], "count": 1, "why": why},
        )

    def sign_out_everywhere(self, actor: Actor, username: str | None = None, reason: str = "") -> int:
        """Revoke every remembered sign-in of ``username`` (default: the actor's own). Returns how many were live.

        Anyone signed in may do it for themselves; for another operator it takes ``operator.manage`` and a reason.
        """
        if not isinstance(actor, Actor):
            raise PermissionDenied("no operator is signed in")
        check_still_signed_in(actor)
        own = username is None or username == actor.name
        if not own:
            require(actor, "operator.manage")
            reason = check_text(reason, "reason", max_length=MAX_REASON, required=True)
        name = actor.name if username is None else username
        with write_transaction():
            known = isinstance(name, str) and storable(name)
            row = for_update(Operator.select().where(Operator.username == name)).first() if known else None
            if row is None:
                raise NotFound("no operator {username!r:.80}", username=name)
            if own and not is_same_operator(actor, row):
                raise PermissionDenied("no operator is signed in")
            why = "signed out everywhere" if own else "an administrator signed them out everywhere"
            return revoke_sign_in_tokens(self.clock, row.id, actor.name, why, audit=True, reason=reason or None)

    def remembered_computers(self, username: str) -> int:
        """How many computers can sign ``username`` in without their password now."""
        now = self.clock.now()
        return (
            SignInToken.select()
            .join(Operator)
            .where((Operator.username == username) & SignInToken.revoked_at.is_null() & (SignInToken.expires_at > now))
            .count()
        )


# --- the desk's side: the token in this computer's keyring ------------------------------------------------


def sign_in_remembered(tokens: SignInTokens, store: SecretStore, username: str, device: str) -> Actor | None:
    """Sign in with the token this computer's keyring holds for ``username``; None when it holds none.

    Run off the GUI thread (the keyring may take a while). The replacement token is kept in place of the
    used one; a dead token is deleted from the keyring and the refusal raised.
    """
    name = sign_in_token_name(username)
    token = store.get(name)
    if token is None:
        return None
    try:
        actor, issued = tokens.sign_in(username, token, device)
    except RememberedSignInRefused as refusal:
        if refusal.forget:
            store.delete(name)
        raise
    store.set(name, issued.token)
    return actor


def remember_this_computer(tokens: SignInTokens, store: SecretStore, actor: Actor, device: str) -> bool:
    """After a password sign-in with "Remember me": issue a token and keep it in the keyring.

    Nothing is issued for an administrator, or without a system keyring (a token kept for this session
    only would never be used). Returns whether this computer now remembers the operator.
    """
    if actor.role == "admin" or not store.available:
        forget_this_computer(tokens, store, actor.name, "not remembered for this account")
        return False
    forget_this_computer(tokens, store, actor.name, "replaced at a password sign-in")
    issued = tokens.issue(actor, device)
    if not store.set(sign_in_token_name(actor.name), issued.token):
        tokens.revoke(issued.token, "the keyring could not keep it")
        store.delete(sign_in_token_name(actor.name))
        return False
    return True


def forget_this_computer(tokens: SignInTokens, store: SecretStore, username: str, why: str = "signed out") -> None:
    """Revoke and delete the token this computer holds for ``username``, if any."""
    if not (isinstance(username, str) and username.strip() and storable(username)):
        return
    name = sign_in_token_name(username.strip())
    token = store.get(name)
    if token is not None:
        tokens.revoke(token, why)
        store.delete(name)
