"""Usage billing: a period's metered usage priced by the plan in force, in a constant number of queries."""

from __future__ import annotations

import logging
from datetime import timedelta

import pytest

from services.catalogue import PlanCatalogue
from services.metering import UsageMeter
from services.usage_billing import period_usage_lines, period_usage_minor
from tests.unit.plan_setup import PERIOD_START, price_every_model, start_next_period, subscribe


@pytest.fixture
def meter(db, clock):
    return UsageMeter(clock)


@pytest.fixture
def priced(db, clock, admin):
    return price_every_model(PlanCatalogue(clock), admin)


@pytest.mark.parametrize(
    ("feature", "used", "expected"),
    [
        ("flat_gb", 25, 15 * 7),
        ("tiered_gb", 1500, 100 * 10 + 900 * 5 + 500 * 2),
        ("volume_gb", 1500, 1500 * 2),
        ("volume_gb", 101, 101 * 5),
        ("package_gb", 111, 2 * 250),
        ("free_gb", 5000, 0),
    ],
)
def test_period_usage_prices_each_model(meter, system, priced, feature, used, expected):
    sub = subscribe("metered")
    meter.record_usage(system, sub, feature, used)
    assert period_usage_minor([(sub, priced, PERIOD_START)]).get(sub, 0) == expected


def test_period_usage_counts_only_the_period_asked_for(meter, system, clock, priced):
    busy, idle = subscribe("metered"), subscribe("metered", email="bob@example.com")
    meter.record_usage(system, busy, "flat_gb", 20)
    meter.record_usage(system, busy, "package_gb", 11)
    next_start = start_next_period(busy)
    clock.set(next_start + timedelta(days=1))
    meter.record_usage(system, busy, "flat_gb", 1000)
    charges = period_usage_minor([(busy, priced, PERIOD_START), (idle, priced, PERIOD_START)])
    assert charges.get(busy) == 10 * 7 + 250
    assert charges.get(idle, 0) == 0
    assert period_usage_minor([(busy, priced, next_start)]) == {busy: 990 * 7}
    assert period_usage_minor([]) == {}


def test_period_usage_runs_a_constant_number_of_queries_for_a_batch(meter, system, priced):
    subs = [subscribe("metered", email=f"c{n}@example.com") for n in range(60)]
    for sub in subs:
        meter.record_usage(system, sub, "flat_gb", 11)
        meter.record_usage(system, sub, "tiered_gb", 1)

    def queries_for(batch):
        seen = []
        handler = logging.Handler()
        handler.emit = seen.append
        logger = logging.getLogger("peewee")
        old_level = logger.level
        logger.addHandler(handler)
        logger.setLevel(logging.DEBUG)
        try:
            charges = period_usage_minor([(sub, priced, PERIOD_START) for sub in batch])
        finally:
            logger.removeHandler(handler)
            logger.setLevel(old_level)
        return len(seen), charges

    few, few_charges = queries_for(subs[:3])
    many, many_charges = queries_for(subs)
    assert 0 < few == many
    assert many_charges == {sub: 7 + 10 for sub in subs}
    assert few_charges == {sub: 17 for sub in subs[:3]}


def test_each_priced_feature_used_is_one_invoice_line(meter, system, priced):
    sub = subscribe("metered")
    meter.record_usage(system, sub, "flat_gb", 25)
    meter.record_usage(system, sub, "free_gb", 5000)
    [line] = period_usage_lines([(sub, priced, PERIOD_START)])[sub]
    assert (line.description, line.amount_minor, line.quantity, line.plan_id, line.pricing, line.period_start) == (
        "flat_gb: 25 GBs",
        15 * 7,
        25,
        priced,
        "flat",
        PERIOD_START,
    )
    assert period_usage_lines([]) == {}
