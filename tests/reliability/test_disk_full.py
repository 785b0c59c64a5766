"""A full or read-only disk is named as such, stops the pass without losing anything, keeps the demo
clock where it was, shows as a condition on the Scheduler page and in the tray, and clears itself once
a write succeeds. SQLite's own size limit (``PRAGMA max_page_count``) makes the disk full."""

import pytest

from models.db import database
from models.tables import LedgerEntry, Subscription
from services import reports
from services.demo import create_demo
from services.demo_clock import advance_demo_clock
from services.errors import StorageFailure
from services.storage_health import storage_health
from tests.conftest import POSTGRES_URL

pytestmark = pytest.mark.skipif(bool(POSTGRES_URL), reason="fills the disk with SQLite's own page limit")

DISK_FULL_ERROR = "StorageFailure: the disk holding the database is full, so nothing more was saved"


@pytest.fixture(autouse=True)
def healthy_storage_after():
    yield
    storage_health.writes_work()


def fill_the_disk() -> None:
    """No page more than the file has now: the next write that needs one fails as on a full disk."""
    assert database.execute_sql("PRAGMA freelist_count").fetchone()[0] == 0  # no free page inside the file either
    pages = database.execute_sql("PRAGMA page_count").fetchone()[0]
    database.execute_sql(f"PRAGMA max_page_count = {pages}")


def free_the_disk() -> None:
    database.execute_sql("PRAGMA max_page_count = 1073741823")


def due_now(clock) -> int:
    return Subscription.select().where(Subscription.period_end <= clock.now(), Subscription.status == "active").count()


@pytest.fixture
def shop(core, clock):
    create_demo(clock, customers=120, seed=11)
    clock.advance(days=35)  # every monthly subscription is due
    return core


def test_a_full_disk_stops_the_renewal_pass_with_its_cause_and_the_next_run_does_the_work(shop, clock):
    heard = []
    storage_health.subscribe(heard.append)
    due = due_now(clock)
    entries = LedgerEntry.select().count()
    scheduler = shop.build_scheduler()
    fill_the_disk()

    state = scheduler.run_job("renewals")

    assert state.last_error is not None and state.last_error.startswith(DISK_FULL_ERROR)
    assert "rollback" not in state.last_error
    assert storage_health.problem == "disk_full" and heard == ["disk_full"]
    assert LedgerEntry.select().count() == entries and due_now(clock) == due  # nothing half-written

    free_the_disk()
    state = scheduler.run_job("renewals")

    assert state.last_error is None and state.last_result["renewed"] > 0
    assert storage_health.problem is None and heard == ["disk_full", None]
    assert reports.integrity_check(clock.now())["ok"]


def test_the_demo_clock_stays_where_it_was_when_its_pass_could_not_be_saved(shop, clock, admin):
    before = clock.now()
    fill_the_disk()

    with pytest.raises(StorageFailure, match="the disk holding the database is full"):
        advance_demo_clock(clock, shop.renewals, admin, days=30)

    assert clock.now() == before
    free_the_disk()
    step = advance_demo_clock(clock, shop.renewals, admin, days=30)
    assert step.renewals["renewed"] > 0 and clock.now() > before
    assert reports.integrity_check(clock.now())["ok"]


def test_a_read_only_database_is_named_as_such(shop):
    database.execute_sql("PRAGMA query_only = ON")
    try:
        with pytest.raises(StorageFailure, match=r"cannot be written \(its file or its disk is read-only\)"):
            shop.build_scheduler().run_job("renewals")
    finally:
        database.execute_sql("PRAGMA query_only = OFF")
    assert storage_health.problem == "read_only"
