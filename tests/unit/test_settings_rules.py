"""The settings' cross-field rule: the simulated gateway's latency range, checked by the store and the form."""

import pytest

from services.auth import SYSTEM
from services.errors import ValidationError
from services.settings import SettingsStore, latency_in_order


def test_the_latency_range_reads_from_minimum_to_maximum():
    assert latency_in_order({"gateway.latency_min_ms": 5, "gateway.latency_max_ms": 40})
    assert latency_in_order({"gateway.latency_min_ms": 7, "gateway.latency_max_ms": 7})
    assert not latency_in_order({"gateway.latency_min_ms": 41, "gateway.latency_max_ms": 40})


def test_the_store_checks_the_range_against_what_is_stored(db, clock):
    store = SettingsStore(clock)
    store.update(SYSTEM, {"gateway.latency_max_ms": 100}, action="gateway.configure")
    with pytest.raises(ValidationError, match="minimum is above the maximum"):
        store.update(SYSTEM, {"gateway.latency_min_ms": 101}, action="gateway.configure")
    store.update(SYSTEM, {"gateway.latency_min_ms": 100}, action="gateway.configure")
    assert (store.get("gateway.latency_min_ms"), store.get("gateway.latency_max_ms")) == (100, 100)


def test_an_audit_entry_names_the_settings_it_changed_within_its_64_characters():
    from services.settings import _audit_target

    assert _audit_target(["gateway.outage", "gateway.seed"]) == "gateway.outage,gateway.seed"
    knobs = ["gateway.error_rate", "gateway.latency_min_ms", "gateway.latency_max_ms", "gateway.outage"]
    assert _audit_target(knobs) == "gateway.* (4)"
    assert _audit_target(knobs + ["renewal_time", "alert_threshold"]) == "settings (6)"


def test_text_with_a_nul_is_not_storable_on_either_engine():
    from services.validation import storable

    assert storable("plain") and not storable("a\x00b") and not storable("\udc80")
