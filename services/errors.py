"""Domain errors. Each carries a sentence an operator can read.

Anything else that escapes a service is a bug: it is logged with a traceback
and shown as "unexpected error".
"""

from __future__ import annotations


class DomainError(Exception):
    """A known refusal. ``str(err)`` is the user-facing message."""

    exit_code = 2

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


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

    def __init__(self, message: str, code: str = "declined"):
        super().__init__(message)
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
