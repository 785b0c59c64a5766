"""The fake gateway's saved cards: test card references behave as their names say (like Stripe's), an
expired card is declined, and the idempotency promise holds for them as for any charge."""

from __future__ import annotations

import random
from datetime import datetime

import pytest

from models.tables import GatewayCharge
from services.clock import FixedClock
from services.errors import GatewayDeclined, GatewayTransientError, GatewayUnavailable, ValidationError
from services.gateway import TEST_CARDS, FakeGateway
from services.secrets import SecretStore
from services.settings import SettingsStore


@pytest.fixture
def settings(db, clock):
    return SettingsStore(clock)


@pytest.fixture
def gateway(clock, settings):
    secrets = SecretStore(env={})
    secrets.set("gateway_api_key", "sk_test_cards")
    return FakeGateway(clock, settings, secrets, rng=random.Random(7), sleep=lambda seconds: None)


def test_a_card_reference_tells_brand_last_digits_and_expiry(gateway):
    visa = gateway.card_details("pm_card_visa")
    assert (visa.brand, visa.last4, visa.exp_month, visa.exp_year) == ("visa", "4242", 12, 2034)
    assert gateway.card_details("pm_card_amex").brand == "amex"
    for unknown in ("pm_card_unknown", "4242424242424242", "", " ", "x" * 65, None, 42):
        with pytest.raises(ValidationError):
            gateway.card_details(unknown)


def test_an_outage_answers_for_card_details_too(gateway, settings, admin):
    settings.update(admin, {"gateway.outage": True})
    with pytest.raises(GatewayUnavailable):
        gateway.card_details("pm_card_visa")


def test_the_good_card_is_charged_once_per_key(gateway):
    first = gateway.charge(1500, "USD", "cus_1", "k-1", payment_method="pm_card_visa")
    again = gateway.charge(1500, "USD", "cus_1", "k-1", payment_method="pm_card_visa")
    assert first.status == "succeeded" and again.charge_id == first.charge_id and again.replayed
    assert GatewayCharge.select().count() == 1


@pytest.mark.parametrize(
    "token, code",
    [
        ("pm_card_chargeDeclined", "card_declined"),
        ("pm_card_chargeDeclinedInsufficientFunds", "insufficient_funds"),
        ("pm_card_chargeDeclinedExpiredCard", "expired_card"),
    ],
)
def test_declining_cards_decline_with_their_code_and_the_key_declines_again(gateway, token, code):
    with pytest.raises(GatewayDeclined) as declined:
        gateway.charge(1500, "USD", "cus_1", "k-2", payment_method=token)
    assert declined.value.code == code
    with pytest.raises(GatewayDeclined):
        gateway.charge(1500, "USD", "cus_1", "k-2", payment_method="pm_card_visa")  # the key's first answer
    assert GatewayCharge.get().decline_code == code


def test_the_processing_error_card_fails_transiently_and_charges_nothing(gateway):
    for _ in range(3):
        with pytest.raises(GatewayTransientError):
            gateway.charge(1500, "USD", "cus_1", "k-3", payment_method="pm_card_chargeDeclinedProcessingError")
    assert GatewayCharge.select().count() == 0


def test_a_card_past_its_expiry_is_declined(db, settings):
    secrets = SecretStore(env={})
    secrets.set("gateway_api_key", "sk_test_cards")
    later = FakeGateway(FixedClock(datetime(2035, 1, 1)), settings, secrets, sleep=lambda seconds: None)
    with pytest.raises(GatewayDeclined) as declined:
        later.charge(1500, "USD", "cus_1", "k-4", payment_method="pm_card_visa")
    assert declined.value.code == "expired_card"


def test_an_unknown_card_reference_is_refused_and_nothing_is_recorded(gateway):
    with pytest.raises(GatewayDeclined) as refused:
        gateway.charge(1500, "USD", "cus_1", "k-5", payment_method="pm_card_forged")
    assert refused.value.code == "no_such_card" and GatewayCharge.select().count() == 0


def test_every_test_card_has_a_brand_four_digits_and_a_future_expiry():
    for token, card in TEST_CARDS.items():
        assert token.startswith("pm_card_") and card.token == token
        assert card.brand in ("visa", "mastercard", "amex") and len(card.last4) == 4 and card.last4.isdigit()
        assert (card.exp_year, card.exp_month) > (2026, 12)
