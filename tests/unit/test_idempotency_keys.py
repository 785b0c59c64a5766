"""One cleaner for the idempotency keys callers hand in, whatever they key: payments or metered usage."""

from __future__ import annotations

import pytest

from models.tables import TopUp
from services.auth import SYSTEM
from services.errors import ValidationError
from services.payments import MAX_PAYMENT_KEY
from services.validation import clean_idempotency_key
from tests.factories import make_customer


def test_a_key_is_kept_stripped_and_no_key_stays_none():
    assert clean_idempotency_key("  evt-1 ", max_length=120) == "evt-1"
    assert clean_idempotency_key("k" * 120, max_length=120) == "k" * 120
    assert clean_idempotency_key(None, max_length=120) is None


@pytest.mark.parametrize("key", ["", "   ", "k" * 121, 42, b"evt-1", "evt-\ud800"])
def test_a_key_that_cannot_be_stored_is_refused_with_the_callers_limit(key):
    with pytest.raises(ValidationError, match="an idempotency key is 1–120 characters of text"):
        clean_idempotency_key(key, max_length=120)


def test_the_limit_is_the_callers():
    assert clean_idempotency_key("k" * 200, max_length=200) == "k" * 200
    with pytest.raises(ValidationError, match="1–200 characters"):
        clean_idempotency_key("k" * 201, max_length=200)


@pytest.fixture
def core(db, clock):
    from scheduler.core import build_core

    built = build_core(clock, gateway_sleep=lambda seconds: None)
    built.secrets.set("gateway_api_key", "sk_test_unit")
    built.settings.update(SYSTEM, {"gateway.seed": 1, "gateway.latency_min_ms": 0, "gateway.latency_max_ms": 0})
    return built


def test_a_top_up_refuses_a_key_too_long_to_prefix_and_replays_a_padded_one(core, clock, operator):
    customer, _ = make_customer(clock)
    with pytest.raises(ValidationError, match=f"1–{MAX_PAYMENT_KEY} characters"):
        core.payments.top_up(operator, customer.email, "5.00", idempotency_key="k" * (MAX_PAYMENT_KEY + 1))
    assert TopUp.select().count() == 0
    first = core.payments.top_up(operator, customer.email, "5.00", idempotency_key="order-7")
    again = core.payments.top_up(operator, customer.email, "5.00", idempotency_key=" order-7 ")
    assert again.id == first.id and TopUp.select().count() == 1
