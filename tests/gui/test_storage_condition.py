"""While the database cannot be written the Scheduler page and the tray say so; a successful write clears it."""

import pytest

from models.db import database
from services.storage_health import storage_health
from tests.conftest import POSTGRES_URL
from ui.pages.scheduler_page import SchedulerPage
from ui.tray import TrayController

pytestmark = pytest.mark.skipif(bool(POSTGRES_URL), reason="fills the disk with SQLite's own page limit")


@pytest.fixture(autouse=True)
def healthy_storage_after():
    yield
    storage_health.writes_work()


def test_a_full_disk_shows_on_the_scheduler_page_and_in_the_tray_until_a_write_succeeds(make_page, qtbot):
    env = make_page(SchedulerPage)
    page = env.page
    tray = TrayController()
    env.bridge.storage_changed.connect(tray.on_storage_changed)
    shown = []
    tray.message_shown.connect(lambda title, body: shown.append((title, body)))
    assert page.storage_banner.isHidden()

    env.clock.advance(days=35)  # renewals are due
    pages = database.execute_sql("PRAGMA page_count").fetchone()[0]
    database.execute_sql(f"PRAGMA max_page_count = {pages}")
    scheduler = env.core.build_scheduler(on_event=env.bridge.on_scheduler_event)
    scheduler._run_safely("renewals")  # as the scheduler's loop runs it

    qtbot.waitUntil(lambda: page.storage_banner.isVisible(), timeout=3000)
    assert "The disk holding the database is full" in page.storage_banner.text()
    assert "nothing is lost" in page.storage_banner.text()
    assert shown[-1][0] == "The database cannot be written" and "is full" in shown[-1][1]

    database.execute_sql("PRAGMA max_page_count = 1073741823")
    scheduler._run_safely("renewals")

    qtbot.waitUntil(lambda: page.storage_banner.isHidden(), timeout=3000)
    assert shown[-1][0] == "The database can be written again"
