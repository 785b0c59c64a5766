"""Operators, roles and the permission check every service calls."""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import re
from dataclasses import dataclass

from models.db import write_transaction
from models.tables import Operator
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
from services.validation import storable

ROLES = ("viewer", "operator", "admin")

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

    def can(self, action: str) -> bool:
        return self.role == "system" or action in PERMISSIONS.get(self.role, ())


SYSTEM = Actor("system", "system")


def require(actor: Actor, action: str) -> None:
    if not isinstance(actor, Actor):
        raise PermissionDenied("no operator is signed in")
    if not actor.can(action):
        raise PermissionDenied(
            "{operator} ({role}) may not {action}",
            operator=actor.name,
            role=Term(actor.role),
            action=ActionTerm(action.replace(".", " ")),
        )


# --- passwords -------------------------------------------------------------

_SCRYPT_N, _SCRYPT_R, _SCRYPT_P = 2**14, 8, 1


def hash_password(password: str) -> str:
    salt = os.urandom(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, n=_SCRYPT_N, r=_SCRYPT_R, p=_SCRYPT_P, dklen=32)
    b64 = base64.b64encode
    return f"scrypt${_SCRYPT_N}${_SCRYPT_R}${_SCRYPT_P}${b64(salt).decode()}${b64(digest).decode()}"


def verify_password(password: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
    except ValueError:
        return False
    if scheme != "scrypt":
        return False
    candidate = hashlib.scrypt(password.encode(), salt=base64.b64decode(salt), n=int(n), r=int(r), p=int(p), dklen=32)
    return hmac.compare_digest(candidate, base64.b64decode(digest))


# --- operator accounts -----------------------------------------------------

_USERNAME = re.compile(r"^[A-Za-z0-9_.-]{2,64}$")


@dataclass(frozen=True)
class OperatorInfo:
    id: int
    username: str
    role: str
    active: bool


def _info(row: Operator) -> OperatorInfo:
    return OperatorInfo(row.id, row.username, row.role, row.active)


def validate_new_operator(username: str, password: str, role: str) -> None:
    if not isinstance(username, str) or not _USERNAME.match(username):
        raise ValidationError("username: 2–64 letters, digits, dot, dash or underscore")
    if not isinstance(password, str) or len(password) < 8:
        raise ValidationError("password must be at least 8 characters")
    if len(password) > 1024:
        raise ValidationError("password is too long")
    if not storable(password):
        raise ValidationError("password contains characters that are not valid text")
    if role not in ROLES:
        raise ValidationError("role must be one of {roles}", roles=", ".join(ROLES))


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

    def set_role(self, actor: Actor, username: str, role: str, reason: str = "") -> OperatorInfo:
        require(actor, "operator.manage")
        if role not in ROLES:
            raise ValidationError("role must be one of {roles}", roles=", ".join(ROLES))
        with write_transaction():
            known = isinstance(username, str) and storable(username)
            row = Operator.get_or_none(Operator.username == username) if known else None
            if row is None:
                raise NotFound("no operator {username!r:.80}", username=username)
            before = row.role
            row.role = role
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

    def authenticate(self, username: str, password: str) -> Actor:
        username, password = str(username), str(password)
        if not (storable(username) and storable(password)):
            raise AuthenticationFailed("unknown operator or wrong password")
        row = Operator.get_or_none(Operator.username == username)
        # Hash even for an unknown name, so timing does not tell which was wrong.
        stored = row.password_hash if row else hash_password("not-a-real-password")
        ok = verify_password(str(password), stored)
        if row is None or not ok or not row.active:
            raise AuthenticationFailed("unknown operator or wrong password")
        return Actor(row.username, row.role, row.id)
