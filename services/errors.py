"""Domain errors. Each carries a sentence an operator can read.

A message is a template with named fields plus their values:
``NotFound("no wallet #{wallet_id}", wallet_id=7)``. ``str(err)`` is the English sentence (the CLI
and the logs show it); the desktop looks the template up in the operator's language and fills in
the same values, money in the operator's locale. A template never changes with its values, so
every template in services/ and scheduler/ is listed for the translators (ui/domain_messages.py,
written by resources/translations/update.sh).

Anything else that escapes a service is a bug: it is logged with a traceback
and shown as "unexpected error".
"""

from __future__ import annotations

from typing import NamedTuple


class Amount(NamedTuple):
    """A sum of money inside a message: "12.50 USD" in English, the operator's locale on the desk."""

    minor: int
    currency: str

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)

    def __str__(self) -> str:
        from services.money import format_minor  # services.money raises these errors

        return f"{format_minor(self.minor, self.currency)} {self.currency}"


class Term(str):
    """A word of the domain's own vocabulary inside a message ("plan", "included units"), which the
    desk translates like the template. Write it as ``Term("…")`` with a literal so it is listed."""


class ActionTerm(Term):
    """An operator action inside a refusal, its code written with spaces ("subscription cancel"); the
    desk says in words what the role may not do."""

    @property
    def code(self) -> str:
        return self.replace(" ", ".", 1)


class DomainError(Exception):
    """A known refusal. ``str(err)`` is the user-facing message."""

    exit_code = 2

    def __init__(self, template: str, /, **params: object):
        self.template = template
        self.params = params
        self.message = template.format(**params) if params else template
        super().__init__(self.message)


class ValidationError(DomainError):
    """Input is malformed or out of range; nothing was written."""


class NotFound(DomainError):
    """The named customer, plan, item… does not exist."""


class PermissionDenied(DomainError):
    """The acting operator's role does not allow this action."""


class InvalidTransition(DomainError):
    """The subscription state machine has no such move."""


class InsufficientFunds(DomainError):
    """The wallet cannot pay; callers usually turn this into pending_renewal."""


class Conflict(DomainError):
    """The thing already exists or changed under us (duplicate email, refund over what is left)."""


class AuthenticationFailed(DomainError):
    """Unknown operator or wrong password (never says which)."""


# --- Gateway errors: their class picks the retry strategy (never the message). ---


class GatewayError(DomainError):
    error_class = "transient"


class GatewayTransientError(GatewayError):
    """5xx or a dropped connection before the request was processed."""

    error_class = "transient"


class GatewayUnavailable(GatewayTransientError):
    """The processor is down (outage) or the circuit breaker is open."""

    error_class = "transient"


class GatewayTimeout(GatewayError):
    """The request was sent; whether it took effect is unknown."""

    error_class = "outcome_unknown"


class GatewayRateLimited(GatewayError):
    error_class = "predictable"


class GatewayDeclined(GatewayError):
    """A hard decline (card refused, refund over the charge). Not retried."""

    error_class = "permanent"

    def __init__(self, template: str, /, code: str = "declined", **params: object):
        super().__init__(template, **params)
        self.code = code


class GatewayAuthError(GatewayError):
    """Missing or wrong API key: an operator must fix the settings."""

    error_class = "permanent"


class CircuitOpen(GatewayUnavailable):
    """The breaker is open: the call was not sent and no attempt is spent."""

    error_class = "transient"


class ContradictingOutcome(DomainError):
    """The gateway's answer contradicts an outcome already recorded (a refund sent after it was
    reversed into the wallet, a charge taken for a top-up closed as failed). The recorded outcome
    stands; an operator reconciles by hand."""

    error_class = "permanent"


class StorageFailure(DomainError):
    """The database could not be written: its disk is full, or its file or disk is read-only.

    Nothing of the failed write was saved; the same work succeeds once the cause is removed.
    """

    exit_code = 3

    @classmethod
    def of(cls, problem: str) -> StorageFailure:
        if problem == "read_only":
            return StorageFailure(
                "the database cannot be written (its file or its disk is read-only), so nothing more was saved; "
                "make it writable again and the work is done at the next run"
            )
        return StorageFailure(
            "the disk holding the database is full, so nothing more was saved; free space on it and the work "
            "is done at the next run"
        )
