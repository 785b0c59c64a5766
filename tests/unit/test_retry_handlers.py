"""The retry handlers: registered by operation, read by the queue and the runner."""

from __future__ import annotations

import pytest

from services.errors import GatewayDeclined, ValidationError
from services.retry_handlers import AttemptFailed, RetryHandlers


def test_a_handler_is_found_by_its_operation_with_how_it_retries():
    handlers = RetryHandlers()
    closes = []
    handlers.register(" refund ", lambda item: "sent", urgent=True, before_close=closes.append)
    handlers.register("renewal", lambda item: None, uses_gateway=False)
    refund = handlers.get("refund")
    assert (refund.uses_gateway, refund.urgent, refund.before_close) == (True, True, closes.append)
    assert handlers.is_urgent("refund") and not handlers.is_urgent("renewal") and not handlers.is_urgent("topup")
    assert handlers.get("topup") is None
    assert handlers.operations() == ["refund", "renewal"]


def test_registering_refuses_what_cannot_be_a_handler():
    handlers = RetryHandlers()
    with pytest.raises(ValidationError, match="callable"):
        handlers.register("topup", "not a function")
    for name in ("", "   ", "x" * 33, 7):
        with pytest.raises(ValidationError, match="operation"):
            handlers.register(name, lambda item: None)
    assert handlers.operations() == []


def test_attempt_failed_carries_the_error_it_reports():
    declined = GatewayDeclined("card refused", "card_declined")
    failed = AttemptFailed(declined)
    assert failed.error is declined and str(failed) == "card refused"
    assert str(AttemptFailed(KeyError("plan"))) == "KeyError: 'plan'"
