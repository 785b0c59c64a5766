"""Error items as plain data, and the lease their holders take."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from services.error_items import AttemptOutcome, ItemLease
from services.errors import ValidationError


def test_a_lease_names_its_holder_and_runs_for_its_length():
    lease = ItemLease.of("runner-a", 90)
    assert (lease.holder, lease.length) == ("runner-a", timedelta(seconds=90))
    assert lease.until(datetime(2026, 1, 15, 9, 0)) == datetime(2026, 1, 15, 9, 1, 30)
    assert len(ItemLease.of("h" * 100).holder) == 64


def test_each_lease_without_a_holder_gets_one_of_its_own():
    first, second = ItemLease.of(), ItemLease.of()
    assert first.holder and first.holder != second.holder
    assert first.length == timedelta(seconds=120)


@pytest.mark.parametrize("seconds", [0, -5, True, 1.5, "60"])
def test_a_lease_refuses_a_length_that_is_not_a_whole_number_of_seconds(seconds):
    with pytest.raises(ValidationError, match="lease_seconds"):
        ItemLease.of("runner-a", seconds)


def test_attempt_outcomes_keep_their_stored_names():
    assert [str(o) for o in AttemptOutcome] == ["succeeded", "failed", "unknown"]
    assert AttemptOutcome("failed") == "failed"
