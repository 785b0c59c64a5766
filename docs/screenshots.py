"""Regenerate the page screenshots in docs/screenshots/ from a fresh demo database.

Run it through docs/make_screenshots.sh (which starts Xvfb and a tray host), or
directly with any display: python docs/screenshots.py [OUT_DIR]
"""

from __future__ import annotations

import sys
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QSettings, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from models.db import database, init_database  # noqa: E402
from models.migrations import migrate  # noqa: E402
from services.auth import Actor  # noqa: E402
from services.clock import FixedClock  # noqa: E402
from services.demo import create_demo, stage_demo_activity  # noqa: E402

MOMENT = datetime(2026, 3, 2, 9, 30)
FILE_NAMES = {
    "DashboardPage": "dashboard", "CustomersPage": "customers", "WalletsPage": "wallets",
    "SubscriptionsPage": "subscriptions", "PlansPage": "plans", "ErrorQueuePage": "error-queue",
    "NotificationsPage": "notifications", "AuditPage": "audit-log", "SchedulerPage": "scheduler",
    "SettingsPage": "settings",
}


def living_demo(folder: Path):
    """A demo business with a month of history: renewals, pending wallets, gateway trouble."""
    from main import build_core

    init_database(str(folder / "demo.sqlite3"))
    database.connect(reuse_if_open=True)
    migrate()
    clock = FixedClock(MOMENT - timedelta(days=20))
    core = build_core(clock, gateway_sleep=lambda seconds: None)
    system = Actor("demo", "system")
    create_demo(clock, customers=800, seed=7, overdue_share=0.05)
    for _ in range(20):
        clock.advance(days=1)
        core.renewals.renew_due_subscriptions()
        core.renewals.send_expiry_reminders()
    stage_demo_activity(core.payments, core.settings, system, topups=40)
    clock.set(MOMENT)
    core.renewals.renew_due_subscriptions()
    core.settings.update(system, {"gateway.latency_min_ms": 0, "gateway.latency_max_ms": 0},
                         action="gateway.configure")
    return core


def show_billed_customer(page) -> None:
    """The Customers page with invoices on show: of the first rows, the customer with the most."""
    from peewee import fn

    from models.tables import Invoice

    ids = [page.model.record_at(row)["id"] for row in range(min(page.model.rowCount(), 20))]
    if not ids:
        return
    count = fn.COUNT(Invoice.id)
    best = (Invoice.select(Invoice.customer, count.alias("n")).where(Invoice.customer.in_(ids))
            .group_by(Invoice.customer).order_by(count.desc(), Invoice.customer).first())
    page.table.selectRow(ids.index(best.customer_id) if best else 0)
    page.detail_tabs.setCurrentIndex(1)


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    from ui.app import build_main_window
    from ui.language import install_translator
    from ui.tasks import TaskRunner
    from ui.theme import apply_theme

    install_translator(app, "en")  # English plural forms: "800 rows", not "800 row(s)"
    apply_theme(app, "light")
    with tempfile.TemporaryDirectory() as folder:
        core = living_demo(Path(folder))
        scheduler = core.build_scheduler()
        for job in ("janitor", "renewals", "retries", "reminders", "monitoring"):
            scheduler.run_job(job)
        runner = TaskRunner(app)
        qsettings = QSettings(str(Path(folder) / "ui.ini"), QSettings.Format.IniFormat)
        window, ctx = build_main_window(core, Actor("admin", "admin", 1), runner, qsettings, demo=True,
                                        scheduler=scheduler)
        window.resize(1440, 900)
        window.show()
        pages = list(window.pages)
        shots: list[str] = []

        def shoot(index: int = 0) -> None:
            if index > 0:
                page = pages[index - 1]
                name = FILE_NAMES.get(type(page).__name__, type(page).__name__.lower())
                path = out / f"{name}.png"
                window.grab().save(str(path))
                shots.append(str(path))
            if index >= len(pages):
                app.quit()
                return
            window.nav.setCurrentRow(index)
            page = pages[index]

            def select_first_row():
                if type(page).__name__ == "CustomersPage":
                    show_billed_customer(page)
                elif hasattr(page, "selected_records") and page.model.rowCount() and not page.selected_records():
                    page.table.selectRow(0)

            QTimer.singleShot(700, select_first_row)
            QTimer.singleShot(1600, lambda: shoot(index + 1))

        QTimer.singleShot(1500, shoot)
        app.exec()
        runner.wait_idle()
        database.close()
    for path in shots:
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
