"""A job lease left by a dead instance: real time decides, and a holder gone from this host is replaced at once.

The fault: an instance whose business clock ran a year ahead (``--now``, the demo's jumps) died holding
the renewals lease; the lease was stamped in its clock, so renewals were skipped for a year and the
Scheduler page showed "running" for a process that no longer existed.

Runs on PostgreSQL when SUBS_TEST_DATABASE_URL is set (leases then run on the server's clock).
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import textwrap
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from models.tables import JobState
from scheduler import leases
from scheduler.core import build_core
from scheduler.runner import default_owner, stored_state
from services.clock import FixedClock, utc_now
from services.errors import Conflict

ROOT = Path(__file__).resolve().parents[2]
A_YEAR_AHEAD = "2027-12-01T02:00:00"


def die_holding_the_lease(db_url: str, job: str, business_now: str) -> str:
    """Start a process that claims ``job``'s lease with its clock at ``business_now`` and is killed holding it."""
    script = textwrap.dedent(
        f"""
        import os, signal, sys
        sys.path.insert(0, {str(ROOT)!r})
        from models.db import init_database
        from scheduler import leases
        from scheduler.runner import default_owner
        from services.clock import parse_instant
        init_database({db_url!r})
        owner = default_owner()
        assert leases.claim_lease({job!r}, owner, parse_instant({business_now!r}), seconds=600)
        print(owner, flush=True)
        os.kill(os.getpid(), signal.SIGKILL)
        """
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert done.returncode == -9, done.stderr
    return done.stdout.strip()


def test_lease_time_is_real_time_not_the_business_clock(db):
    before = utc_now()
    now = leases.lease_now()
    # The database server's clock on PostgreSQL may differ from this machine's by a little, not by a year.
    assert abs(now - before) < timedelta(minutes=5)


def test_a_dead_instance_a_year_ahead_does_not_block_renewals(db, db_url, caplog):
    dead = die_holding_the_lease(db_url, "renewals", A_YEAR_AHEAD)
    held = JobState.get_by_id("renewals")
    assert held.lease_owner == dead
    assert held.lease_until - leases.lease_now() <= timedelta(minutes=10), "the lease was stamped in business time"

    # The Scheduler page, before anyone takes over: not "running"; who held it and since when.
    state = stored_state(held, leases.lease_now())
    assert (state.running, state.holder_ended, state.lease_owner) == (False, True, dead)
    assert abs(state.lease_since - leases.lease_now()) < timedelta(minutes=1)

    core = build_core(FixedClock(datetime(2026, 12, 1, 2, 0)), gateway_sleep=lambda s: None)
    scheduler = core.build_scheduler()
    with caplog.at_level(logging.WARNING, logger="scheduler.leases"):
        info = scheduler.run_job("renewals")  # "Run now": it runs at once

    assert info.lease_owner == core.owner and info.last_error is None
    assert info.last_started_at == datetime(2026, 12, 1, 2, 0)
    row = JobState.get_by_id("renewals")
    assert (row.lease_owner, row.lease_until, row.lease_since) == (core.owner, None, None)
    assert any(f"took over the renewals job from {dead}" in r.getMessage() for r in caplog.records)


def test_a_live_holder_on_this_host_keeps_its_lease(db, clock):
    ours = default_owner()  # this very process: alive
    assert leases.claim_lease("retries", ours, clock.now(), seconds=600)
    other = build_core(clock, gateway_sleep=lambda s: None).build_scheduler()
    with pytest.raises(Conflict):
        other.run_job("retries")
    assert JobState.get_by_id("retries").lease_owner == ours


def test_two_instances_taking_over_together_do_not_both_win(db, db_url, clock):
    dead = die_holding_the_lease(db_url, "retries", A_YEAR_AHEAD)
    first, second = f"{leases.this_host()}:{os.getpid()}:first", f"{leases.this_host()}:{os.getpid()}:second"
    assert leases.claim_lease("retries", first, clock.now(), seconds=600)
    assert not leases.claim_lease("retries", second, clock.now(), seconds=600)
    assert JobState.get_by_id("retries").lease_owner == first != dead


def test_a_holder_on_another_host_is_waited_for_until_its_lease_runs_out(db, clock, monkeypatch):
    elsewhere = "another-host:1:cafe"
    assert leases.claim_lease("reminders", elsewhere, clock.now(), seconds=600)
    assert not leases.claim_lease("reminders", default_owner(), clock.now(), seconds=600)
    later = leases.lease_now() + timedelta(minutes=11)
    monkeypatch.setattr(leases, "lease_now", lambda: later)
    assert leases.claim_lease("reminders", default_owner(), clock.now(), seconds=600)
