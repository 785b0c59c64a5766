"""Regenerate the page screenshots in docs/screenshots/ from a fresh demo database: the English
light desk at 1600×1000, and in subfolders the Russian (ru/), dark (dark/) and Russian dark (ru-dark/)
desks, and the 1024×700 layout of each (small/, ru-small/, dark-small/, ru-dark-small/). Besides
every page of the navigation, one customer's page (opened from the Customers list) is shot.

Run it through docs/make_screenshots.sh (which starts Xvfb and a tray host), or
directly with any display: python docs/screenshots.py [OUT_DIR [en|ru|dark|small ...]]
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
    "DashboardPage": "dashboard",
    "CustomersPage": "customers",
    "WalletsPage": "wallets",
    "SubscriptionsPage": "subscriptions",
    "PlansPage": "plans",
    "ErrorQueuePage": "error-queue",
    "NotificationsPage": "notifications",
    "AuditPage": "audit-log",
    "SchedulerPage": "scheduler",
    "SettingsPage": "settings",
    "OperatorsPage": "operators",
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
    core.settings.update(system, {"gateway.latency_min_ms": 0, "gateway.latency_max_ms": 0}, action="gateway.configure")
    return core


def show_billed_customer(page) -> None:
    """The Customers page with invoices on show: of the first rows, the customer with the most."""
    from peewee import fn

    from models.tables import Invoice

    ids = [page.model.record_at(row)["id"] for row in range(min(page.model.rowCount(), 20))]
    if not ids:
        return
    count = fn.COUNT(Invoice.id)
    best = (
        Invoice.select(Invoice.customer, count.alias("n"))
        .where(Invoice.customer.in_(ids))
        .group_by(Invoice.customer)
        .order_by(count.desc(), Invoice.customer)
        .first()
    )
    page.table.selectRow(ids.index(best.customer_id) if best else 0)
    page.detail_tabs.setCurrentIndex(1)


# Each desk is shot into its own folder: (folder under OUT_DIR, language, theme, window size).
LARGE, SMALL = (1600, 1000), (1024, 700)
VARIANTS = {
    "en": ("", "en", "light", LARGE),
    "ru": ("ru", "ru", "light", LARGE),
    "dark": ("dark", "en", "dark", LARGE),
    "ru-dark": ("ru-dark", "ru", "dark", LARGE),
    "small": ("small", "en", "light", SMALL),
    "ru-small": ("ru-small", "ru", "light", SMALL),
    "dark-small": ("dark-small", "en", "dark", SMALL),
    "ru-dark-small": ("ru-dark-small", "ru", "dark", SMALL),
}


def main() -> int:
    """python docs/screenshots.py [OUT_DIR [VARIANT ...]]: every variant unless some are named."""
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"
    wanted = sys.argv[2:] or list(VARIANTS)
    unknown = [name for name in wanted if name not in VARIANTS]
    if unknown:
        print(f"unknown variant(s) {', '.join(unknown)}; choose from {', '.join(VARIANTS)}", file=sys.stderr)
        return 2
    app = QApplication(sys.argv[:1])
    app.setQuitOnLastWindowClosed(False)  # each desk's window closes before the next one opens
    from PySide6.QtCore import QLocale

    from ui.app import build_main_window
    from ui.language import install_translator
    from ui.tasks import TaskRunner
    from ui.theme import apply_theme

    shots: list[str] = []
    with tempfile.TemporaryDirectory() as folder:
        core = living_demo(Path(folder))
        scheduler = core.build_scheduler()
        for job in ("janitor", "renewals", "retries", "reminders", "monitoring"):
            scheduler.run_job(job)
        runner = TaskRunner(app)
        queue = [VARIANTS[name] for name in wanted]
        translators: list = []

        def next_variant() -> None:
            if not queue:
                app.quit()
                return
            subfolder, language, theme, (width, height) = queue.pop(0)
            for translator in translators:
                app.removeTranslator(translator)
            # English still loads its plural forms: "800 rows", not "800 row(s)".
            translators[:] = install_translator(app, language)
            QLocale.setDefault(QLocale(QLocale.Language.Russian if language == "ru" else QLocale.Language.English))
            apply_theme(app, theme)
            target = out / subfolder if subfolder else out
            target.mkdir(parents=True, exist_ok=True)
            qsettings = QSettings(str(Path(folder) / f"ui-{subfolder or 'en'}.ini"), QSettings.Format.IniFormat)
            qsettings.setValue("ui/language", language)
            qsettings.setValue("ui/theme", theme)
            window, ctx = build_main_window(
                core, Actor("admin", "admin", 1), runner, qsettings, demo=True, scheduler=scheduler
            )
            window.resize(width, height)
            window.show()
            shoot_pages(window, ctx, target)

        def shoot_pages(window, ctx, target: Path) -> None:
            pages = list(window.pages)
            customers = window.page_named("CustomersPage")
            # After the pages of the navigation: the page of the customer the Customers list shows
            # selected, opened as an operator opens it.
            steps: list = [*pages, customers] if customers is not None else pages

            def shoot(index: int = 0) -> None:
                if index > 0:
                    page = steps[index - 1]
                    name = FILE_NAMES.get(type(page).__name__, type(page).__name__.lower())
                    if index > len(pages):
                        name = "customer-page"
                    path = target / f"{name}.png"
                    window.grab().save(str(path))
                    shots.append(str(path))
                if index >= len(steps):
                    ctx.bridge.stop()
                    window.close()
                    window.deleteLater()
                    QTimer.singleShot(300, next_variant)
                    return
                page = steps[index]
                window.nav.setCurrentRow(pages.index(page))
                if index >= len(pages):
                    QTimer.singleShot(100, page.on_open_clicked)
                    QTimer.singleShot(1600, lambda: shoot(index + 1))
                    return

                def select_first_row():
                    if type(page).__name__ == "CustomersPage":
                        show_billed_customer(page)
                    elif hasattr(page, "selected_records") and page.model.rowCount() and not page.selected_records():
                        page.table.selectRow(0)

                QTimer.singleShot(700, select_first_row)
                QTimer.singleShot(1600, lambda: shoot(index + 1))

            QTimer.singleShot(1500, shoot)

        QTimer.singleShot(0, next_variant)
        app.exec()
        runner.wait_idle()
        database.close()
    for path in shots:
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
