import pytest

from services.auth import SYSTEM


@pytest.fixture
def core(db, clock):
    """Every service wired as the app wires them, with an instant, seeded gateway."""
    from main import build_core

    built = build_core(clock, gateway_sleep=lambda seconds: None)
    built.secrets.set("gateway_api_key", "sk_test_integration")
    built.settings.update(SYSTEM, {"gateway.seed": 1, "gateway.latency_min_ms": 0, "gateway.latency_max_ms": 0})
    return built


def set_gateway(core, **knobs):
    core.settings.update(SYSTEM, {f"gateway.{k}": v for k, v in knobs.items()}, action="gateway.configure")
