"""Operators, roles and the permission check every service calls."""

from __future__ import annotations

import base64
import functools
import hashlib
import hmac
import importlib.resources
import logging
import math
import os
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from models.db import for_update, is_permission_denied, write_transaction
from models.tables import Operator, SignInDesk, SignInToken
from services.audit import record_audit
from services.clock import Clock
from services.errors import (
    ActionTerm,
    AuthenticationFailed,
    Conflict,
    NotFound,
    PermissionDenied,
    Term,
    ValidationError,
)
from services.validation import MAX_REASON, check_text, storable

log = logging.getLogger(__name__)

ROLES = ("viewer", "operator", "admin")

# After this many failed sign-ins in a row an account is locked for LOCK_DURATION (or until an admin unlocks it).
MAX_FAILED_SIGN_INS = 5
LOCK_DURATION = timedelta(minutes=15)
# A computer whose sign-ins failed n times in a row waits desk_delay(n) before its next attempt is checked.
FREE_FAILURES_PER_DESK = 2
MAX_DESK_DELAY = timedelta(seconds=60)

_OPERATOR_ACTIONS = frozenset(
    {
        "customer.create",
        "customer.edit",
        "topup",
        "subscription.subscribe",
        "subscription.cancel",
        "subscription.reinstate",
        "subscription.change_plan",
        "usage.record",
        "error.retry",
        "error.cancel",
        "error.resolve",
        "error.escalate",
        "error.strategy",
        "notification.read",
        "scheduler.run",
        "renewal.run",
        "notice.resend",
    }
)
_ADMIN_ACTIONS = _OPERATOR_ACTIONS | frozenset(
    {
        "refund",
        "wallet.adjust",
        "plan.edit",
        "operator.manage",
        "settings.edit",
        "gateway.configure",
        "scheduler.pause",
    }
)
PERMISSIONS: dict[str, frozenset[str]] = {
    "viewer": frozenset({"notification.read"}),
    "operator": _OPERATOR_ACTIONS,
    "admin": _ADMIN_ACTIONS,
}


@dataclass(frozen=True)
class Actor:
    name: str
    role: str
    operator_id: int | None = None
    # The operator row's access_version when this actor signed in; ``require`` re-reads the row and
    # refuses once it changed. None for actors no sign-in issued (system, cli, demo).
    version: int | None = None
    # Failed sign-ins since the previous successful one, told to the operator once at sign-in.
    failed_sign_ins: int = field(default=0, compare=False)

    def can(self, action: str) -> bool:
        return self.role == "system" or action in PERMISSIONS.get(self.role, ())


SYSTEM = Actor("system", "system")


def require(actor: Actor, action: str) -> None:
    if not isinstance(actor, Actor):
        raise PermissionDenied("no operator is signed in")
    check_still_signed_in(actor)
    if not actor.can(action):
        raise PermissionDenied(
            "{operator} ({role}) may not {action}",
            operator=actor.name,
            role=Term(actor.role),
            action=ActionTerm(action.replace(".", " ")),
        )


class SignInDelayed(AuthenticationFailed):
    """Too soon after failed sign-ins from this computer: the password was not checked."""


def desk_delay(failures: int) -> timedelta:
    """How long a computer waits after ``failures`` failed sign-ins in a row: 0, 0, 1, 2, 4, 8 … s, at most a minute.

    With the account's own lock (``MAX_FAILED_SIGN_INS``, then ``LOCK_DURATION``) this slows guessing that
    spreads over many names, which no single account's count would catch.
    """
    if failures <= FREE_FAILURES_PER_DESK:
        return timedelta(0)
    return min(MAX_DESK_DELAY, timedelta(seconds=2 ** min(failures - FREE_FAILURES_PER_DESK - 1, 16)))


class SignedOut(PermissionDenied):
    """The account changed since this desk signed in (disabled, role or password changed): sign in again."""


def check_still_signed_in(actor: Actor) -> None:
    """Refuse an actor whose operator row changed since sign-in; one indexed read by primary key."""
    if actor.operator_id is None or actor.version is None:
        return
    row = (
        Operator.select(Operator.active, Operator.access_version)
        .where(Operator.id == actor.operator_id)
        .tuples()
        .first()
    )
    if row is None or not row[0]:
        raise SignedOut("your account was disabled; sign in again")
    if row[1] != actor.version:
        raise SignedOut("your role or password changed; sign in again")


# --- passwords -------------------------------------------------------------

# The cost of a new hash. Tests lower SCRYPT_N through a fixture in tests/conftest.py; a stored hash
# with a lower cost is rehashed at the next successful sign-in.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**17, 8, 1


def _scrypt(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    # scrypt needs 128*r*N bytes; OpenSSL's default limit (32 MiB) is below that at N=2^17.
    maxmem = 2 * 128 * r * n + 1024 * 1024
    return hashlib.scrypt(password.encode(), salt=salt, n=n, r=r, p=p, dklen=32, maxmem=maxmem)


def hash_password(password: str) -> str:
    salt = os.urandom(16)
    n, r, p = SCRYPT_N, SCRYPT_R, SCRYPT_P
    digest = _scrypt(password, salt, n, r, p)
    b64 = base64.b64encode
    return f"scrypt${n}${r}${p}${b64(salt).decode()}${b64(digest).decode()}"


def verify_password(password: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
    except ValueError:
        return False
    if scheme != "scrypt":
        return False
    candidate = _scrypt(password, base64.b64decode(salt), int(n), int(r), int(p))
    return hmac.compare_digest(candidate, base64.b64decode(digest))


def needs_rehash(stored: str) -> bool:
    """Whether ``stored`` was hashed with a lower cost than a new hash gets."""
    try:
        scheme, n, r, p, _salt, _digest = stored.split("$")
        return scheme != "scrypt" or int(n) < SCRYPT_N or int(r) < SCRYPT_R or int(p) < SCRYPT_P
    except ValueError:
        return True


_dummy_hashes: dict[tuple[int, int, int], str] = {}


def _dummy_hash() -> str:
    """A hash no password matches, at the current cost, made once per cost: an unknown name costs one
    scrypt run at sign-in, like a known one, so timing does not tell which was wrong."""
    key = (SCRYPT_N, SCRYPT_R, SCRYPT_P)
    if key not in _dummy_hashes:
        _dummy_hashes[key] = hash_password(base64.b64encode(os.urandom(24)).decode())
    return _dummy_hashes[key]


# --- operator accounts -----------------------------------------------------

_USERNAME = re.compile(r"^[A-Za-z0-9_.-]{2,64}$")


@dataclass(frozen=True)
class OperatorInfo:
    id: int
    username: str
    role: str
    active: bool
    created_at: datetime | None = None
    locked_until: datetime | None = None  # set after too many failed sign-ins, until it passes or an admin unlocks


def _info(row: Operator) -> OperatorInfo:
    return OperatorInfo(row.id, row.username, row.role, row.active, row.created_at, row.locked_until)


def validate_new_operator(username: str, password: str, role: str) -> None:
    if not isinstance(username, str) or not _USERNAME.match(username):
        raise ValidationError("username: 2–64 letters, digits, dot, dash or underscore")
    validate_password(password, username)
    if role not in ROLES:
        raise ValidationError("role must be one of {roles}", roles=", ".join(ROLES))


def validate_password(password: str, username: str | None = None) -> None:
    """The rules every new password follows, whoever sets it."""
    if not isinstance(password, str) or len(password) < 8:
        raise ValidationError("password must be at least 8 characters")
    if len(password) > 1024:
        raise ValidationError("password is too long")
    if not storable(password):
        raise ValidationError("password contains characters that are not valid text")
    if username is not None and password.casefold() == str(username).casefold():
        raise ValidationError("the password must not be the user name")
    if password.casefold() in common_passwords():
        raise ValidationError("this password is one of the most common ones; choose another")


@functools.cache
def common_passwords() -> frozenset[str]:
    """The short list shipped in resources/common_passwords.txt, read once."""
    text = importlib.resources.files("resources").joinpath("common_passwords.txt").read_text(encoding="utf-8")
    return frozenset(line.strip().casefold() for line in text.splitlines() if line.strip() and not line.startswith("#"))


class OperatorService:
    def __init__(self, clock: Clock):
        self.clock = clock

    def has_operators(self) -> bool:
        return Operator.select().exists()

    def create_first_admin(self, username: str, password: str) -> OperatorInfo:
        """Only on an empty database: the first account is an admin."""
        validate_new_operator(username, password, "admin")
        password_hash = hash_password(password)
        with write_transaction():
            if Operator.select().exists():
                raise Conflict("an administrator already exists; sign in instead")
            row = Operator.create(
                username=username, password_hash=password_hash, role="admin", created_at=self.clock.now()
            )
            record_audit(
                self.clock,
                username,
                "operator.create",
                "operator",
                row.id,
                after={"username": username, "role": "admin"},
                reason="first administrator",
            )
        return _info(row)

    def create_operator(self, actor: Actor, username: str, password: str, role: str, reason: str = "") -> OperatorInfo:
        require(actor, "operator.manage")
        validate_new_operator(username, password, role)
        password_hash = hash_password(password)
        with write_transaction():
            if Operator.select().where(Operator.username == username).exists():
                raise Conflict("operator {username!r} already exists", username=username)
            row = Operator.create(
                username=username, password_hash=password_hash, role=role, created_at=self.clock.now()
            )
            record_audit(
                self.clock,
                actor.name,
                "operator.create",
                "operator",
                row.id,
                after={"username": username, "role": role},
                reason=reason,
            )
        return _info(row)

    def list_operators(self) -> list[OperatorInfo]:
        """Every account, oldest first: any signed-in operator may see who has access."""
        return [_info(row) for row in Operator.select().order_by(Operator.created_at, Operator.id)]

    def set_role(self, actor: Actor, username: str, role: str, reason: str = "") -> OperatorInfo:
        """Give ``username`` another role. Nobody demotes themselves, and the last active admin stays one."""
        require(actor, "operator.manage")
        if role not in ROLES:
            raise ValidationError("role must be one of {roles}", roles=", ".join(ROLES))
        with write_transaction():
            row = self._locked_operator(username)
            before = row.role
            if before == "admin" and role != "admin":
                self._refuse_losing_an_admin(actor, row, "demote")
            row.role = role
            row.access_version += 1
            row.save()
            record_audit(
                self.clock,
                actor.name,
                "operator.role",
                "operator",
                row.id,
                before={"role": before},
                after={"role": role},
                reason=reason,
            )
        return _info(row)

    def disable(self, actor: Actor, username: str, reason: str) -> OperatorInfo:
        """``username`` can no longer sign in. Nobody disables themselves or the last active admin."""
        require(actor, "operator.manage")
        reason = _required_reason(reason)
        with write_transaction():
            row = self._locked_operator(username)
            if not row.active:
                raise Conflict("operator {username!r} is already disabled", username=row.username)
            if row.role == "admin":
                self._refuse_losing_an_admin(actor, row, "disable")
            elif is_same_operator(actor, row):
                raise Conflict("you cannot disable your own account; ask another administrator")
            row.active = False
            row.access_version += 1
            row.save()
            record_audit(
                self.clock,
                actor.name,
                "operator.disable",
                "operator",
                row.id,
                before={"active": True},
                after={"active": False},
                reason=reason,
            )
            revoke_sign_in_tokens(self.clock, row.id, actor.name, "account disabled")
        return _info(row)

    def enable(self, actor: Actor, username: str, reason: str) -> OperatorInfo:
        """A disabled account may sign in again, with the role and password it had."""
        require(actor, "operator.manage")
        reason = _required_reason(reason)
        with write_transaction():
            row = self._locked_operator(username)
            if row.active:
                raise Conflict("operator {username!r} is already active", username=row.username)
            row.active = True
            row.access_version += 1
            row.save()
            record_audit(
                self.clock,
                actor.name,
                "operator.enable",
                "operator",
                row.id,
                before={"active": False},
                after={"active": True},
                reason=reason,
            )
        return _info(row)

    def reset_password(self, actor: Actor, username: str, new_password: str, reason: str) -> OperatorInfo:
        """An admin sets another operator's password (the audit row says so, never what it is).

        An admin's own password is changed with ``change_own_password``, which asks for the old one.
        """
        require(actor, "operator.manage")
        validate_password(new_password, username)
        reason = _required_reason(reason)
        password_hash = hash_password(new_password)
        with write_transaction():
            row = self._locked_operator(username)
            if is_same_operator(actor, row):
                raise Conflict("change your own password from the menu under your name; it asks for the old one")
            row.password_hash = password_hash
            row.access_version += 1
            row.locked_until = None
            row.failed_sign_ins = 0
            row.save()
            record_audit(self.clock, actor.name, "operator.password_reset", "operator", row.id, reason=reason)
            revoke_sign_in_tokens(self.clock, row.id, actor.name, "password reset")
        return _info(row)

    def change_own_password(self, actor: Actor, old_password: str, new_password: str) -> OperatorInfo:
        """Any signed-in operator changes their own password, proving they know the old one."""
        if not isinstance(actor, Actor) or actor.operator_id is None:
            raise PermissionDenied("no operator is signed in")
        validate_password(new_password, actor.name)
        if not isinstance(old_password, str) or not storable(old_password):
            raise AuthenticationFailed("the current password is wrong")
        if new_password == old_password:
            raise ValidationError("the new password is the same as the current one")
        password_hash = hash_password(new_password)
        with write_transaction():
            row = for_update(Operator.select().where(Operator.id == actor.operator_id)).first()
            if row is None or not row.active:
                raise PermissionDenied("this account no longer exists or was disabled")
            if not verify_password(old_password, row.password_hash):
                raise AuthenticationFailed("the current password is wrong")
            row.password_hash = password_hash
            row.save()
            record_audit(self.clock, actor.name, "operator.password_change", "operator", row.id)
            revoke_sign_in_tokens(self.clock, row.id, actor.name, "password changed")
        return _info(row)

    @staticmethod
    def _locked_operator(username: str) -> Operator:
        known = isinstance(username, str) and storable(username)
        row = for_update(Operator.select().where(Operator.username == username)).first() if known else None
        if row is None:
            raise NotFound("no operator {username!r:.80}", username=username)
        return row

    @staticmethod
    def _refuse_losing_an_admin(actor: Actor, row: Operator, verb: str) -> None:
        """Raise when taking ``row``'s admin rights away would lock everyone out of managing operators.

        The active admins are locked in id order first, so two admins demoting each other at
        once cannot both pass the count on PostgreSQL.
        """
        if is_same_operator(actor, row):
            raise Conflict(
                "you cannot {verb} your own administrator account; ask another administrator", verb=Term(verb)
            )
        admins = for_update(
            Operator.select(Operator.id).where((Operator.role == "admin") & (Operator.active == True))  # noqa: E712
        ).order_by(Operator.id)
        others = [admin.id for admin in admins if admin.id != row.id]
        if row.active and not others:
            raise Conflict(
                "{username} is the last active administrator; make someone else an administrator first",
                username=row.username,
            )

    def authenticate(self, username: str, password: str, *, device: str | None = None) -> Actor:
        """The actor ``username`` signs in as; its ``failed_sign_ins`` says how many failures came before.

        After ``MAX_FAILED_SIGN_INS`` failures in a row the account is locked for ``LOCK_DURATION``
        (by the service's clock) or until an admin unlocks it. Every failure is audited, never the password.

        ``device`` names the computer signing in (the desk passes its host name): after failed sign-ins
        from it in a row, whatever the names, its next attempt before ``desk_delay`` has passed is refused
        with ``SignInDelayed`` and the password is not checked.
        """
        username, password = str(username), str(password)
        device = device_label(device) if device is not None else None
        if device is not None:
            self._refuse_too_soon(device, username)
        if not (storable(username) and storable(password)):
            raise AuthenticationFailed("unknown operator or wrong password")
        dummy = _dummy_hash()
        row = Operator.get_or_none(Operator.username == username)
        now = self.clock.now()
        if row is not None and row.locked_until is not None and row.locked_until > now:
            self._failed(row.id, username, "locked", device)
            raise AuthenticationFailed("too many failed sign-ins; this account is locked for a while")
        # One scrypt run either way: an unknown name is checked against a fixed dummy hash.
        ok = verify_password(password, row.password_hash if row else dummy)
        if row is None or not ok or not row.active:
            self._failed(row.id if row else None, username, "wrong password" if row else "unknown name", device)
            raise AuthenticationFailed("unknown operator or wrong password")
        if needs_rehash(row.password_hash):
            try:
                self._rehash(row.id, row.password_hash, password)
            except Exception as error:
                if not is_permission_denied(error):
                    raise
                # A login that may not change passwords (a viewer's or an operator's): rehashed at a later sign-in.
                log.info("the password of %s is kept at its old cost: this database login may not store it", username)
        failures = row.failed_sign_ins
        if failures or row.locked_until is not None:
            Operator.update(failed_sign_ins=0, locked_until=None).where(Operator.id == row.id).execute()
        if device is not None:
            SignInDesk.delete().where(SignInDesk.device == device).execute()
        return Actor(row.username, row.role, row.id, row.access_version, failures)

    def sign_in_delay(self, device: str) -> int:
        """Whole seconds ``device`` still waits before its next sign-in is checked (0: it may try now)."""
        retry_after = (
            SignInDesk.select(SignInDesk.retry_after).where(SignInDesk.device == device_label(device)).scalar()
        )
        return _seconds_until(retry_after, self.clock.now())

    def _refuse_too_soon(self, device: str, username: str) -> None:
        seconds = self.sign_in_delay(device)
        if seconds:
            operator_id = Operator.select(Operator.id).where(Operator.username == username).scalar()
            with write_transaction():
                who = username if operator_id is not None else "(unknown name)"
                after = {"why": "too soon", "device": device, "wait_seconds": seconds}
                record_audit(self.clock, who, "operator.sign_in_failed", "operator", operator_id, after=after)
            raise SignInDelayed(
                "too many failed sign-ins from this computer; wait {seconds} s and try again", seconds=seconds
            )

    def _failed(self, operator_id: int | None, username: str, why: str, device: str | None = None) -> None:
        """Count a failed sign-in on the account (locking it after too many) and on the computer, and audit it."""
        with write_transaction():
            # An unknown name is not recorded: it is often a password typed into the wrong field.
            after: dict[str, object] = {"why": why}
            row = for_update(Operator.select().where(Operator.id == operator_id)).first() if operator_id else None
            if row is not None:
                row.failed_sign_ins += 1
                if row.failed_sign_ins >= MAX_FAILED_SIGN_INS and why != "locked":
                    row.locked_until = self.clock.now() + LOCK_DURATION
                    after["locked_until"] = row.locked_until.isoformat()
                # these columns alone: a viewer's database login may write them and no other (models/pg_roles.py)
                row.save(only=[Operator.failed_sign_ins, Operator.locked_until])
                after["failures"] = row.failed_sign_ins
            if device is not None:
                after["device"] = device
                after["device_wait_seconds"] = self._count_desk_failure(device)
            who = row.username if row is not None else "(unknown name)"
            record_audit(self.clock, who, "operator.sign_in_failed", "operator", operator_id, after=after)

    def _count_desk_failure(self, device: str) -> int:
        """One more failure in a row from ``device``; returns the seconds it now waits. Inside a write transaction."""
        desk = for_update(SignInDesk.select().where(SignInDesk.device == device)).first()
        failures = (desk.failures if desk is not None else 0) + 1
        delay = desk_delay(failures)
        retry_after = self.clock.now() + delay
        if desk is None:
            SignInDesk.create(device=device, failures=failures, retry_after=retry_after)
        else:
            SignInDesk.update(failures=failures, retry_after=retry_after).where(SignInDesk.device == device).execute()
        return int(delay.total_seconds())

    def unlock(self, actor: Actor, username: str, reason: str) -> OperatorInfo:
        """An admin lifts a lock after too many failed sign-ins."""
        require(actor, "operator.manage")
        reason = _required_reason(reason)
        with write_transaction():
            row = self._locked_operator(username)
            before = {"failed_sign_ins": row.failed_sign_ins, "locked_until": str(row.locked_until)}
            row.failed_sign_ins = 0
            row.locked_until = None
            row.save()
            record_audit(self.clock, actor.name, "operator.unlock", "operator", row.id, before=before, reason=reason)
        return _info(row)

    @staticmethod
    def _rehash(operator_id: int, verified_hash: str, password: str) -> None:
        """Store ``password`` again at the current cost, unless ``verified_hash`` changed meanwhile."""
        password_hash = hash_password(password)
        with write_transaction():
            row = for_update(Operator.select().where(Operator.id == operator_id)).first()
            if row is not None and row.password_hash == verified_hash:
                row.password_hash = password_hash
                row.save()


def is_same_operator(actor: Actor, row: Operator | OperatorInfo) -> bool:
    """Whether ``row`` is the account ``actor`` signed in with."""
    return actor.operator_id == row.id if actor.operator_id is not None else actor.name == row.username


def device_label(device: object) -> str:
    """A computer's name as the sign-in tables keep it: printable text, at most 255 characters."""
    text = str(device).strip() if isinstance(device, str) and storable(device) else ""
    return text[:255] or "(unnamed computer)"


def _seconds_until(moment: datetime | None, now: datetime) -> int:
    """Whole seconds from ``now`` to ``moment``, rounded up (0 when it has passed or there is none)."""
    if moment is None or moment <= now:
        return 0
    return max(1, math.ceil((moment - now).total_seconds()))


def revoke_sign_in_tokens(
    clock: Clock, operator_id: int, actor_name: str, why: str, *, audit: bool = False, reason: str | None = None
) -> int:
    """Revoke every remembered sign-in ``operator_id`` holds on any computer. Returns how many were live.

    Call inside the transaction of the change that makes them go (a password change, a reset, a disable,
    "Sign out everywhere"). The audit row names the computers, never a token; it is written when any
    was live, or always with ``audit``.
    """
    now = clock.now()
    open_tokens = (SignInToken.operator == operator_id) & SignInToken.revoked_at.is_null()
    live: list[str] = [
        row.device
        for row in SignInToken.select(SignInToken.device)
        .where(open_tokens & (SignInToken.expires_at > now))
        .order_by(SignInToken.id)
    ]
    SignInToken.update(revoked_at=now).where(open_tokens).execute()
    if live or audit:
        after = {"computers": sorted(set(live)), "count": len(live), "why": why}
        record_audit(
            clock, actor_name, "operator.sign_in_tokens_revoked", "operator", operator_id, after=after, reason=reason
        )
    return len(live)


def _required_reason(reason: object) -> str:
    return check_text(reason, "reason", max_length=MAX_REASON, required=True)
