"""A demo desk's clock goes on after a restart from where the last one had travelled."""

from datetime import timedelta

from models.tables import AuditEntry, LedgerEntry
from scheduler.core import build_core
from services.clock import OffsetClock
from services.demo_clock import advance_demo_clock, demo_clock, latest_recorded, saved_offset
from tests.factories import make_customer, make_plan


def test_the_travelled_offset_is_kept_so_no_row_is_in_the_future_of_the_next_start(db, operator):
    travelling = OffsetClock()
    core = build_core(travelling, gateway_sleep=lambda seconds: None)
    make_plan(travelling, "basic", 100)
    customer, _ = make_customer(travelling, balance_minor=1000)
    core.subscriptions.subscribe(operator, customer.email, "basic")
    assert saved_offset() == timedelta()

    step = advance_demo_clock(travelling, core.renewals, operator, months=2)
    assert step.renewals["renewed"] >= 1
    assert saved_offset() == travelling.offset >= timedelta(days=59)
    newest = max(
        LedgerEntry.select().order_by(LedgerEntry.created_at.desc()).first().created_at,
        AuditEntry.select().order_by(AuditEntry.created_at.desc()).first().created_at,
    )
    assert newest > core.clock.now() - travelling.offset  # the renewal is dated where the clock had gone

    restarted = demo_clock()
    assert restarted.offset >= travelling.offset
    assert restarted.now() >= newest
    jump = AuditEntry.get(AuditEntry.action == "demo.clock_advanced")
    assert jump.actor == operator.name


def test_a_database_whose_travel_was_not_kept_starts_no_earlier_than_its_newest_row(db, operator):
    ahead = OffsetClock(timedelta(days=45))  # a clock moved before its offset was remembered
    make_customer(ahead, balance_minor=500)
    assert saved_offset() == timedelta()
    newest = latest_recorded()
    assert newest is not None
    assert demo_clock().now() >= newest
