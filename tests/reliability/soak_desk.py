"""The soak: the real desktop offscreen (scheduler thread, bridge, tray, change listener, pages) over a
demo business whose gateway fails a fifth of its calls, the demo clock jumping a day at a time through
the Scheduler page's own button, an operator marking notifications read each simulated week and the
janitor run now. Prints one JSON line of samples taken after every jump: resident memory, the WAL's
size and the rows of the notification tables. ``tests/reliability/test_soak.py`` runs it.

    python -m tests.reliability.soak_desk --db FILE --days N
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
from pathlib import Path


def top_up_rounds(days: int) -> int:
    """How many rounds of top-ups a run of ``days`` makes (on the third day of each week)."""
    return sum(1 for day in range(1, days + 1) if day % 7 == 3)


def resident_kib() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def soak(db: str, days: int, customers: int) -> dict:
    import main as product_main  # the product's entry first, as `python3 main.py` imports it

    del product_main
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from models.db import init_database
    from models.migrations import migrate
    from models.tables import Customer, Notification, NotificationArchive
    from scheduler.core import build_core
    from services.auth import Actor
    from services.clock import OffsetClock
    from services.demo import create_demo
    from services.errors import DomainError
    from ui.app import start_desk
    from ui.pages.scheduler_page import SchedulerPage
    from ui.tasks import TaskRunner

    init_database(db)
    migrate()
    clock = OffsetClock()
    core = build_core(clock, gateway_sleep=lambda seconds: None)
    if not os.environ.get("SUBS_GATEWAY_KEY"):
        core.secrets.set("gateway_api_key", "sk_test_soak")
    create_demo(clock, customers=customers, seed=17, overdue_share=0.1)
    admin = Actor("admin", "admin")
    core.settings.update(admin, {"gateway.error_rate": 0.2, "notifications.archive_days": 7})

    app = QApplication(sys.argv[:1])
    runner = TaskRunner()
    qsettings = QSettings(str(Path(db).with_suffix(".ini")), QSettings.Format.IniFormat)
    desk = start_desk(app, core, runner, qsettings, admin, demo=True)
    window = desk.window
    assert window is not None and desk.scheduler is not None
    page = window.page_named("SchedulerPage")
    assert isinstance(page, SchedulerPage) and page.demo_group is not None
    window.nav.setCurrentRow(window.pages.index(page))
    customer_ids = [row.id for row in Customer.select(Customer.id)]

    def top_up_some(day: int) -> dict:
        """Another operator tops up a tenth of the customers; a fifth of the gateway's answers are errors,
        which the error queue retries."""
        outcomes: dict[str, int] = {}
        for customer_id in random.Random(day).sample(customer_ids, len(customer_ids) // 10):
            try:
                info = core.payments.top_up(admin, customer_id, "40.00", idempotency_key=f"soak:{day}:{customer_id}")
                outcome = str(info.status)
            except DomainError as error:
                outcome = type(error).__name__
            outcomes[outcome] = outcomes.get(outcome, 0) + 1
        return outcomes

    wal = Path(db + "-wal")
    samples: list[dict] = []
    state = {"day": 0, "waiting": False}
    top_ups: list[dict] = []

    def sample() -> None:
        samples.append(
            {
                "day": state["day"],
                "rss_kib": resident_kib(),
                "wal_bytes": wal.stat().st_size if wal.exists() else 0,
                "notifications": Notification.select().count(),
                "archived": NotificationArchive.select().count(),
            }
        )

    def step() -> None:
        if state["day"] >= days:
            if len(top_ups) == top_up_rounds(days):  # the last round of top-ups done: quit as the operator would
                timer.stop()
                app.quit()
            return
        if state["waiting"]:
            if not page.demo_group.buttons[0].isEnabled():
                return  # the jump is still running
            state["waiting"] = False
            state["day"] += 1
            if state["day"] % 7 == 3:
                day = state["day"]
                runner.run(
                    lambda: top_up_some(day),
                    top_ups.append,
                    lambda error: top_ups.append({f"crashed: {type(error).__name__}": 1}),
                )
            if state["day"] % 7 == 0:  # the operator's weekly look: everything read, the janitor run now
                runner.run(lambda: core.notifications.mark_all_read(admin), lambda _n: None)
                desk.scheduler.run_now("janitor")
            sample()
            return
        state["waiting"] = True
        page.demo_group.advance(days=1)

    timer = QTimer()
    timer.setInterval(50)
    timer.timeout.connect(step)
    QTimer.singleShot(1500, timer.start)  # after the scheduler's start jobs began
    app.exec()
    return {"samples": samples, "clean": desk.clean, "top_ups": top_ups}


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", required=True)
    parser.add_argument("--days", type=int, default=90)
    parser.add_argument("--customers", type=int, default=1500)
    args = parser.parse_args()
    print(json.dumps(soak(args.db, args.days, args.customers)), flush=True)
