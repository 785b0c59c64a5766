"""Fixtures for the reliability harness: a wired core, child processes, and the books' invariants."""

from __future__ import annotations

import os
import subprocess
import sys
from collections import defaultdict
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from peewee import fn

from models.tables import ErrorItem, GatewayCharge, LedgerEntry, SubscriptionCharge, TopUp
from services.auth import SYSTEM
from services.reports import integrity_check

ROOT = Path(__file__).resolve().parents[2]
WORKLOAD = Path(__file__).with_name("workload.py")
GATEWAY_KEY = "sk_test_reliability"


@pytest.fixture
def core(db, clock):
    """Every service wired as the app wires them, with an instant, seeded gateway."""
    from scheduler.core import build_core

    built = build_core(clock, gateway_sleep=lambda seconds: None)
    built.secrets.set("gateway_api_key", GATEWAY_KEY)
    built.settings.update(SYSTEM, {"gateway.seed": 1, "gateway.latency_min_ms": 0, "gateway.latency_max_ms": 0})
    return built


def set_gateway(core, **knobs) -> None:
    # One knob per change: the audit row names the changed settings in a VARCHAR(64), which PostgreSQL
    # enforces, and five or six knobs' names run past it (tests/integration/test_cli_engines.py shows it).
    for k, v in knobs.items():
        core.settings.update(SYSTEM, {f"gateway.{k}": v}, action="gateway.configure")


def child_env() -> dict:
    """The environment of a workload process: this checkout first, no OS keyring, a test gateway key."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.null.Keyring"
    env["SUBS_GATEWAY_KEY"] = GATEWAY_KEY
    return env


def start_workload(*args: str, stdout=None, stderr=None) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, str(WORKLOAD), *map(str, args)],
        cwd=ROOT,
        env=child_env(),
        stdout=stdout,
        stderr=stderr,
        stdin=subprocess.DEVNULL,
    )


def iso(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")


def retry_until_quiet(clock, run_pass: Callable[[], object], max_passes: int = 400) -> int:
    """Jump the clock to each next due retry and run a pass, until nothing is retrying. Returns the passes."""
    for passes in range(max_passes):
        waiting = (
            ErrorItem.select(ErrorItem.next_attempt_at)
            .where(ErrorItem.status == "retrying")
            .order_by(ErrorItem.next_attempt_at)
            .first()
        )
        if waiting is None:
            return passes
        clock.set(max(clock.now() + timedelta(seconds=1), waiting.next_attempt_at))
        run_pass()
    raise AssertionError(f"retries still waiting after {max_passes} passes")


# --- invariants shared by the harness ---------------------------------------------------------


def assert_books_balance() -> None:
    result = integrity_check()
    assert result["ok"], result["violations"][:10]


def assert_no_period_paid_twice() -> None:
    """Each subscription's paid periods follow one another without overlap, each debited once."""
    periods = defaultdict(list)
    for sub_id, start, end in (
        SubscriptionCharge.select(
            SubscriptionCharge.subscription, SubscriptionCharge.period_start, SubscriptionCharge.period_end
        )
        .order_by(SubscriptionCharge.subscription, SubscriptionCharge.period_start)
        .tuples()
    ):
        periods[sub_id].append((start, end))
    overlaps = [
        (sub_id, a, b)
        for sub_id, spans in periods.items()
        for a, b in zip(spans, spans[1:], strict=False)
        if b[0] < a[1]
    ]
    assert not overlaps, overlaps[:5]
    debits = (
        LedgerEntry.select(LedgerEntry.idempotency_key, fn.COUNT(LedgerEntry.id))
        .where(LedgerEntry.kind == "renewal")
        .group_by(LedgerEntry.idempotency_key)
        .having(fn.COUNT(LedgerEntry.id) > 1)
        .tuples()
    )
    assert not list(debits)
    charged = (
        SubscriptionCharge.select(fn.COUNT(SubscriptionCharge.id))
        .where(SubscriptionCharge.ledger_entry.is_null(False))
        .scalar()
    )
    linked = (
        SubscriptionCharge.select(fn.COUNT(fn.DISTINCT(SubscriptionCharge.ledger_entry)))
        .where(SubscriptionCharge.ledger_entry.is_null(False))
        .scalar()
    )
    assert charged == linked, "one ledger debit pays two periods"


def topup_credits_by_key() -> dict[str, tuple[int, int]]:
    """Per gateway key: (credits, minor units credited) in the ledger."""
    rows = (
        LedgerEntry.select(TopUp.idempotency_key, fn.COUNT(LedgerEntry.id), fn.SUM(LedgerEntry.amount_minor))
        .join(TopUp, on=((LedgerEntry.ref_type == "topup") & (LedgerEntry.ref_id == TopUp.id)))
        .where(LedgerEntry.kind == "topup")
        .group_by(TopUp.idempotency_key)
        .tuples()
    )
    return {f"topup:{key}": (n, total) for key, n, total in rows}


def gateway_charges_by_key() -> dict[str, tuple[int, int]]:
    rows = (
        GatewayCharge.select(
            GatewayCharge.idempotency_key, fn.COUNT(GatewayCharge.id), fn.SUM(GatewayCharge.amount_minor)
        )
        .where((GatewayCharge.status == "succeeded") & GatewayCharge.idempotency_key.startswith("topup:"))
        .group_by(GatewayCharge.idempotency_key)
        .tuples()
    )
    return {key: (n, total) for key, n, total in rows}


def assert_credits_match_gateway() -> None:
    """Every card charge that went through is credited exactly once, and nothing else is."""
    credits, charges = topup_credits_by_key(), gateway_charges_by_key()
    doubled = {k: v for k, v in credits.items() if v[0] != 1}
    assert not doubled, list(doubled.items())[:5]
    missing = sorted(set(charges) - set(credits))
    unbacked = sorted(set(credits) - set(charges))
    differing = sorted(k for k in set(charges) & set(credits) if charges[k] != credits[k])
    assert not missing, f"charged but not credited: {missing[:5]}"
    assert not unbacked, f"credited without a charge: {unbacked[:5]}"
    assert not differing, f"credited amounts differ from the charges: {differing[:5]}"
