"""The fake payment gateway: its contract, its misbehaviour on demand, and its idempotency promise."""

from __future__ import annotations

import random
import re
import threading
import uuid

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from models.db import connection
from models.tables import GatewayCharge, GatewayRefund
from services.errors import (
    Conflict,
    GatewayAuthError,
    GatewayDeclined,
    GatewayTimeout,
    GatewayTransientError,
    GatewayUnavailable,
    ValidationError,
)
from services.gateway import DECLINE_CODES, FakeGateway
from services.secrets import SecretStore
from services.settings import SettingsStore

API_KEY = "sk_test_4eC39HqLyjWDarjtT1zdp7dc"


@pytest.fixture
def settings(db, clock):
    return SettingsStore(clock)


@pytest.fixture
def secrets():
    store = SecretStore(env={})
    store.set("gateway_api_key", API_KEY)
    return store


@pytest.fixture
def sleeps():
    return []


@pytest.fixture
def gateway(clock, settings, secrets, sleeps):
    return FakeGateway(clock, settings, secrets, rng=random.Random(1234), sleep=sleeps.append)


@pytest.fixture
def knobs(settings, admin):
    def change(**values):
        settings.update(admin, {f"gateway.{name}": value for name, value in values.items()})

    return change


def charge_rows() -> int:
    return GatewayCharge.select().count()


# --- charges -----------------------------------------------------------------------


def test_successful_charge_is_recorded(gateway, clock):
    result = gateway.charge(2500, "usd", "cust-1", "topup-1")
    assert result.status == "succeeded"
    assert result.replayed is False
    assert (result.amount_minor, result.currency, result.idempotency_key) == (2500, "USD", "topup-1")
    assert re.fullmatch(r"ch_[0-9a-f]{24}", result.charge_id)
    row = GatewayCharge.get_by_id(result.charge_id)
    assert (row.amount_minor, row.status, row.customer_ref, row.created_at) == (
        2500,
        "succeeded",
        "cust-1",
        clock.now(),
    )


def test_same_key_replays_the_first_charge(gateway):
    first = gateway.charge(2500, "USD", "cust-1", "topup-1")
    again = gateway.charge(2500, "USD", "cust-1", "topup-1")
    assert again.charge_id == first.charge_id
    assert again.replayed is True
    assert charge_rows() == 1


def test_same_key_for_a_different_charge_is_a_conflict(gateway):
    gateway.charge(2500, "USD", "cust-1", "topup-1")
    with pytest.raises(Conflict, match="topup-1"):
        gateway.charge(9900, "USD", "cust-1", "topup-1")
    with pytest.raises(Conflict):
        gateway.charge(2500, "EUR", "cust-1", "topup-1")
    assert charge_rows() == 1


def test_decline_is_recorded_and_replayed_as_a_decline(gateway, knobs):
    knobs(decline_rate=1)
    with pytest.raises(GatewayDeclined) as first:
        gateway.charge(2500, "USD", "cust-1", "topup-1")
    assert first.value.code in DECLINE_CODES
    knobs(decline_rate=0)
    with pytest.raises(GatewayDeclined) as again:
        gateway.charge(2500, "USD", "cust-1", "topup-1")
    assert again.value.code == first.value.code
    assert str(again.value) == str(first.value)
    looked_up = gateway.get_charge("topup-1")
    assert looked_up.status == "declined" and looked_up.decline_code == first.value.code
    assert charge_rows() == 1


def test_timeout_after_success_is_reconciled_by_key(gateway, knobs):
    knobs(timeout_rate=1)
    with pytest.raises(GatewayTimeout):
        gateway.charge(2500, "USD", "cust-1", "topup-1")
    found = gateway.get_charge("topup-1")
    assert found is not None and found.status == "succeeded" and found.amount_minor == 2500
    retried = gateway.charge(2500, "USD", "cust-1", "topup-1")  # still timeout_rate 1: a replay never times out
    assert retried.charge_id == found.charge_id
    assert retried.replayed is True
    assert charge_rows() == 1


def test_transient_error_records_nothing(gateway, knobs):
    knobs(error_rate=1)
    with pytest.raises(GatewayTransientError):
        gateway.charge(2500, "USD", "cust-1", "topup-1")
    assert gateway.get_charge("topup-1") is None
    assert charge_rows() == 0
    knobs(error_rate=0)
    assert gateway.charge(2500, "USD", "cust-1", "topup-1").replayed is False


def test_outage_refuses_every_call_until_turned_off(gateway, knobs):
    gateway.charge(2500, "USD", "cust-1", "before-outage")
    knobs(outage=True)
    with pytest.raises(GatewayUnavailable):
        gateway.charge(2500, "USD", "cust-1", "topup-1")
    with pytest.raises(GatewayUnavailable):
        gateway.get_charge("before-outage")
    assert charge_rows() == 1
    knobs(outage=False)
    assert gateway.charge(2500, "USD", "cust-1", "topup-1").status == "succeeded"


def test_missing_api_key_is_refused_with_advice(gateway, secrets):
    secrets.delete("gateway_api_key")
    with pytest.raises(GatewayAuthError, match="no gateway API key is set; an admin sets it in Settings"):
        gateway.charge(2500, "USD", "cust-1", "topup-1")
    assert charge_rows() == 0


def test_wrong_api_key_is_refused_without_echoing_it(gateway, secrets):
    secrets.set("gateway_api_key", "pk_live_9Zx8Yw7Vu6Ts")
    with pytest.raises(GatewayAuthError) as err:
        gateway.charge(2500, "USD", "cust-1", "topup-1")
    assert "9Zx8Yw7Vu6Ts" not in str(err.value)
    assert charge_rows() == 0
    secrets.set("gateway_api_key", API_KEY)  # read at every call: fixing it works at once
    assert gateway.charge(2500, "USD", "cust-1", "topup-1").status == "succeeded"


def test_latency_follows_the_settings_at_each_call(gateway, knobs, sleeps):
    gateway.charge(100, "USD", "c", "k1")
    assert 0.005 <= sleeps[-1] <= 0.040  # the defaults: 5–40 ms
    knobs(latency_min_ms=250, latency_max_ms=250)
    gateway.charge(100, "USD", "c", "k2")
    assert sleeps[-1] == pytest.approx(0.25)
    knobs(latency_min_ms=0, latency_max_ms=0)
    count = len(sleeps)
    gateway.charge(100, "USD", "c", "k3")
    assert len(sleeps) == count


def test_bad_input_is_refused_before_anything_is_sent(gateway, sleeps):
    for amount, currency in [(0, "USD"), (-5, "USD"), (10.5, "USD"), (True, "USD"), (100, "US"), (100, "12$")]:
        with pytest.raises(ValidationError):
            gateway.charge(amount, currency, "c", "k")
    with pytest.raises(ValidationError):
        gateway.charge(100, "USD", "c", "  ")
    assert sleeps == [] and charge_rows() == 0


def test_calls_inside_a_database_transaction_are_refused(gateway, db):
    with db.atomic(), pytest.raises(RuntimeError, match="must not run inside a database transaction"):
        gateway.charge(2500, "USD", "cust-1", "topup-1")
    with db.atomic(), pytest.raises(RuntimeError):
        gateway.get_charge("topup-1")
    assert charge_rows() == 0


def test_seed_setting_makes_a_run_repeatable(clock, settings, secrets, knobs):
    def outcomes(gateway, prefix):
        seen = []
        for i in range(40):
            try:
                gateway.charge(100, "USD", "c", f"{prefix}-{i}")
                seen.append("ok")
            except GatewayTransientError:
                seen.append("error")
        return seen

    knobs(error_rate=0.5, seed=42)
    gateway = FakeGateway(clock, settings, secrets, sleep=lambda s: None)
    first = outcomes(gateway, "a")
    assert "ok" in first and "error" in first
    knobs(seed=7)
    other = outcomes(gateway, "b")
    knobs(seed=42)  # the setting changing back re-seeds from the start
    assert outcomes(gateway, "c") == first
    assert other != first
    assert outcomes(FakeGateway(clock, settings, secrets, sleep=lambda s: None), "d") == first


def test_error_rate_is_roughly_honoured(gateway, knobs):
    knobs(error_rate=0.3, latency_min_ms=0, latency_max_ms=0)
    errors = 0
    for i in range(1000):
        try:
            gateway.charge(100, "USD", "c", f"k-{i}")
        except GatewayTransientError:
            errors += 1
    assert 250 <= errors <= 350
    assert charge_rows() == 1000 - errors


def test_threads_charging_one_key_record_one_charge(clock, settings, secrets):
    gateway = FakeGateway(clock, settings, secrets, rng=random.Random(5), sleep=lambda s: None)
    start = threading.Barrier(8)
    results, failures = [], []

    def worker():
        start.wait()
        try:
            results.append(gateway.charge(4200, "USD", "cust-1", "shared-key"))
        except Exception as exc:  # surfaced by the assertion below
            failures.append(exc)

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    assert len({r.charge_id for r in results}) == 1
    assert sum(not r.replayed for r in results) == 1
    assert charge_rows() == 1


def test_threads_with_different_keys_all_charge(gateway):
    def worker(n):
        with connection():
            for i in range(10):
                gateway.charge(100, "USD", "c", f"t{n}-{i}")

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert charge_rows() == 60
    assert len({row.id for row in GatewayCharge.select()}) == 60


# --- refunds -----------------------------------------------------------------------


def test_partial_refunds_compose_and_cannot_exceed_the_charge(gateway):
    charge = gateway.charge(1000, "USD", "cust-1", "topup-1")
    first = gateway.refund(charge.charge_id, 300, "refund-1")
    assert re.fullmatch(r"re_[0-9a-f]{24}", first.refund_id)
    gateway.refund(charge.charge_id, 500, "refund-2")
    assert GatewayCharge.get_by_id(charge.charge_id).refunded_minor == 800
    with pytest.raises(GatewayDeclined) as err:
        gateway.refund(charge.charge_id, 201, "refund-3")
    assert err.value.code == "amount_too_large"
    gateway.refund(charge.charge_id, 200, "refund-4")
    assert GatewayCharge.get_by_id(charge.charge_id).refunded_minor == 1000
    assert GatewayRefund.select().count() == 3


def test_refund_replays_by_key(gateway):
    charge = gateway.charge(1000, "USD", "cust-1", "topup-1")
    first = gateway.refund(charge.charge_id, 300, "refund-1")
    again = gateway.refund(charge.charge_id, 300, "refund-1")
    assert again.refund_id == first.refund_id and again.replayed is True
    assert GatewayCharge.get_by_id(charge.charge_id).refunded_minor == 300
    with pytest.raises(Conflict):
        gateway.refund(charge.charge_id, 400, "refund-1")
    assert gateway.get_refund("refund-1").refund_id == first.refund_id
    assert gateway.get_refund("never-sent") is None


def test_refund_of_unknown_or_declined_charge_is_declined(gateway, knobs):
    with pytest.raises(GatewayDeclined) as err:
        gateway.refund("ch_000000000000000000000000", 100, "refund-1")
    assert err.value.code == "no_such_charge"
    knobs(decline_rate=1)
    with pytest.raises(GatewayDeclined):
        gateway.charge(1000, "USD", "cust-1", "topup-1")
    declined = gateway.get_charge("topup-1")
    with pytest.raises(GatewayDeclined) as err:
        gateway.refund(declined.charge_id, 100, "refund-2")
    assert err.value.code == "charge_declined"
    assert GatewayRefund.select().count() == 0


def test_refund_timeout_after_success_is_reconciled(gateway, knobs):
    charge = gateway.charge(1000, "USD", "cust-1", "topup-1")
    knobs(timeout_rate=1)
    with pytest.raises(GatewayTimeout):
        gateway.refund(charge.charge_id, 400, "refund-1")
    found = gateway.get_refund("refund-1")
    assert found is not None and found.amount_minor == 400
    retried = gateway.refund(charge.charge_id, 400, "refund-1")
    assert retried.refund_id == found.refund_id and retried.replayed
    assert GatewayCharge.get_by_id(charge.charge_id).refunded_minor == 400


def test_refund_transient_error_changes_nothing(gateway, knobs):
    charge = gateway.charge(1000, "USD", "cust-1", "topup-1")
    knobs(error_rate=1)
    with pytest.raises(GatewayTransientError):
        gateway.refund(charge.charge_id, 400, "refund-1")
    assert GatewayRefund.select().count() == 0
    assert GatewayCharge.get_by_id(charge.charge_id).refunded_minor == 0


@hypothesis_settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(amount=st.integers(1, 10_000), refunds=st.lists(st.integers(1, 6_000), max_size=6))
def test_refunds_never_exceed_what_was_charged(gateway, amount, refunds):
    charge = gateway.charge(amount, "USD", "c", f"charge-{uuid.uuid4()}")
    accepted = 0
    for value in refunds:
        try:
            gateway.refund(charge.charge_id, value, f"refund-{uuid.uuid4()}")
            accepted += value
        except GatewayDeclined as err:
            assert err.code == "amount_too_large"
            assert accepted + value > amount
    assert accepted <= amount
    assert GatewayCharge.get_by_id(charge.charge_id).refunded_minor == accepted
