"""Payment keys go through the one idempotency-key cleaner: refused before anything is written, stripped."""

from __future__ import annotations

import pytest

from models.tables import TopUp
from services.errors import ValidationError
from services.payments import MAX_PAYMENT_KEY
from tests.factories import make_customer


def test_a_top_up_refuses_a_key_too_long_to_prefix_and_replays_a_padded_one(core, clock, operator):
    customer, _ = make_customer(clock)
    with pytest.raises(ValidationError, match=f"1–{MAX_PAYMENT_KEY} characters"):
        core.payments.top_up(operator, customer.email, "5.00", idempotency_key="k" * (MAX_PAYMENT_KEY + 1))
    assert TopUp.select().count() == 0
    first = core.payments.top_up(operator, customer.email, "5.00", idempotency_key="order-7")
    again = core.payments.top_up(operator, customer.email, "5.00", idempotency_key=" order-7 ")
    assert again.id == first.id and TopUp.select().count() == 1
