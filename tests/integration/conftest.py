import pytest

from models.db import database, init_database
from services.auth import SYSTEM
from tests.conftest import POSTGRES_URL, _empty_postgres_schema


@pytest.fixture
def core(db, clock):
    """Every service wired as the app wires them, with an instant, seeded gateway."""
    from scheduler.core import build_core

    built = build_core(clock, gateway_sleep=lambda seconds: None)
    built.secrets.set("gateway_api_key", "sk_test_integration")
    built.settings.update(SYSTEM, {"gateway.seed": 1, "gateway.latency_min_ms": 0, "gateway.latency_max_ms": 0})
    return built


def set_gateway(core, **knobs):
    core.settings.update(SYSTEM, {f"gateway.{k}": v for k, v in knobs.items()}, action="gateway.configure")


@pytest.fixture
def blank(db_path):
    """An empty database on the engine under test, bound and connected, not migrated."""
    if POSTGRES_URL:
        _empty_postgres_schema(POSTGRES_URL)
        init_database(POSTGRES_URL)
    else:
        init_database(str(db_path))
    database.connect(reuse_if_open=True)
    yield
    database.close()
