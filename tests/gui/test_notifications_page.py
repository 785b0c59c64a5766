import re
import threading

import pytest
from PySide6.QtCore import QItemSelectionModel, QLocale, Qt
from PySide6.QtGui import QFont, QIcon

from models.db import database
from models.tables import Notification, TopUp
from services.errors import GatewayDeclined
from ui.main_window import MainWindow
from ui.pages.error_queue import ErrorQueuePage
from ui.pages.notifications import NotificationsPage

BURST = re.compile(r"top-up\(s\)")  # untranslated plural text, as the tests run without a translator


@pytest.fixture
def english_locale():
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    yield
    QLocale.setDefault(previous)


def post(core, n: int, kind: str = "payment_failed", subject=("subscription", 3)):
    core.clock.advance(minutes=2)  # apart enough not to make a burst
    return core.notifications.post(
        kind, f"Notice {n}", f"Body of notice {n}", subject=subject, dedup_key=f"test:{kind}:{n}"
    )


def titles(page) -> list[str]:
    return [page.model.record_at(r)["title"] for r in range(page.model.rowCount())]


def select_rows(page, rows) -> None:
    page.table.clearSelection()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for row in rows:
        page.table.selectionModel().select(page.model.index(row, 0), flags)


def test_opens_and_shows_new_notifications_on_top_at_once(make_page, qtmodeltester, qtbot):
    env = make_page(NotificationsPage)
    page = env.page
    assert page.title == "Notifications" and page.model.rowCount() == 0
    for n in range(3):
        post(env.core, n)
    # No refresh: the bridge's signal alone puts them on top, newest first.
    assert titles(page) == ["Notice 2", "Notice 1", "Notice 0"]
    assert page.count_label.text() == "3 row(s)"
    qtbot.waitUntil(lambda: page.unread_label.text() == "3 unread", timeout=3000)
    assert env.bridge.unread_refreshes <= 2  # asked once for the three, not once each
    qtmodeltester.check(page.model)


def test_unread_rows_are_bold_and_severity_has_an_icon_and_colour(make_page):
    env = make_page(NotificationsPage)
    page = env.page
    post(env.core, 1, kind="topup_succeeded")
    post(env.core, 2, kind="refund_failed")
    env.core.notifications.mark_read(env.ctx.actor, [Notification.get(Notification.title == "Notice 1").id])
    page.refresh()
    model = page.model
    severity = [c.key for c in model.columns].index("severity")
    rows = {model.record_at(r)["title"]: r for r in range(model.rowCount())}
    unread, read = rows["Notice 2"], rows["Notice 1"]
    assert isinstance(model.index(unread, 3).data(Qt.ItemDataRole.FontRole), QFont)
    assert model.index(unread, 3).data(Qt.ItemDataRole.FontRole).bold()
    assert model.index(read, 3).data(Qt.ItemDataRole.FontRole) is None
    assert isinstance(model.index(unread, severity).data(Qt.ItemDataRole.DecorationRole), QIcon)
    assert model.index(unread, severity).data() == "error" and model.index(unread, 2).data() == "Refund failed"
    assert model.index(unread, severity).data(Qt.ItemDataRole.ForegroundRole).color().name() == "#c62828"


def test_filters_unread_and_kind_and_search(make_page):
    env = make_page(NotificationsPage)
    page = env.page
    for n in range(4):
        post(env.core, n, kind="payment_failed" if n % 2 else "subscription_expiring")
    env.core.notifications.mark_read(env.ctx.actor, [Notification.get(Notification.title == "Notice 3").id])
    page.show_filter.setCurrentIndex(page.show_filter.findData("unread"))
    assert titles(page) == ["Notice 2", "Notice 1", "Notice 0"]
    page.kind_filter.setCurrentIndex(page.kind_filter.findData("payment_failed"))
    assert titles(page) == ["Notice 1"]
    post(env.core, 9, kind="subscription_expiring")  # does not belong under this filter
    assert titles(page) == ["Notice 1"]
    page.kind_filter.setCurrentIndex(0)
    page.show_filter.setCurrentIndex(0)
    page.search.setText("notice 2")
    page.on_search_settled()
    assert titles(page) == ["Notice 2"]


def test_mark_read_marks_exactly_the_selected_and_updates_the_count(make_page):
    env = make_page(NotificationsPage)
    page = env.page
    for n in range(4):
        post(env.core, n)
    counts = []
    env.bridge.unread_count_changed.connect(counts.append)
    select_rows(page, [0, 2])
    chosen = {page.model.record_at(0)["id"], page.model.record_at(2)["id"]}
    assert page.mark_read_button.isEnabled()
    page.on_mark_read_clicked()
    read = {n.id for n in Notification.select().where(Notification.read_at.is_null(False))}
    assert read == chosen
    assert counts[-1] == 2 and page.unread_label.text() == "2 unread"
    row = page.model.row_of_id(next(iter(chosen)))
    assert page.model.index(row, 3).data(Qt.ItemDataRole.FontRole) is None
    page.on_mark_all_clicked()
    assert Notification.select().where(Notification.read_at.is_null()).count() == 0
    assert counts[-1] == 0


def test_viewer_may_read_notifications(make_page):
    env = make_page(NotificationsPage, role="viewer")
    page = env.page
    post(env.core, 1)
    page.table.selectRow(0)
    assert page.mark_read_button.isEnabled() and page.mark_all_button.isEnabled()
    page.on_mark_read_clicked()
    assert Notification.select().where(Notification.read_at.is_null()).count() == 0
    assert not page.mark_read_button.isEnabled()  # nothing unread left in the selection


def test_activating_a_row_opens_its_subject_in_the_main_window(make_page, qtbot):
    env = make_page(NotificationsPage, demo_data=True)
    ctx = env.ctx
    env.core.retries.record_failure("topup", "topup", 8001, GatewayDeclined("card declined"))  # notifies
    window = MainWindow(ctx, [ErrorQueuePage(ctx), NotificationsPage(ctx)])
    qtbot.addWidget(window)
    window.show()
    window.nav.setCurrentRow(1)
    errors, notifications = window.pages
    assert titles(notifications)[0].startswith("topup of topup #8001")
    opened = []
    notifications.subject_opened.connect(lambda kind, ident: opened.append((kind, ident)))
    notifications.table.setFocus()
    notifications.table.setCurrentIndex(notifications.model.index(0, 0))
    qtbot.keyClick(notifications.table, Qt.Key.Key_Return)
    item_id = notifications.model.record_at(0)["subject_id"]
    assert opened == [("error_item", item_id)]
    assert window.stack.currentWidget() is errors
    assert errors.current_record()["id"] == item_id
    assert notifications.model.record_at(0)["read_at"] is not None  # opening it marked it read


def test_a_notification_posted_on_another_thread_shows_up(make_page, qtbot):
    env = make_page(NotificationsPage)
    page, core = env.page, env.core
    posted_on = []

    def worker():
        with database.connection_context():
            post(core, 42, kind="gateway_outage", subject=None)
        posted_on.append(threading.get_ident())

    thread = threading.Thread(target=worker)
    thread.start()
    thread.join(5)
    assert posted_on and posted_on[0] != threading.get_ident()
    qtbot.waitUntil(lambda: titles(page) == ["Notice 42"], timeout=3000)
    qtbot.waitUntil(lambda: page.unread_label.text() == "1 unread", timeout=3000)


def test_a_new_notification_reloads_when_the_order_is_not_newest_first(make_page):
    env = make_page(NotificationsPage)
    page = env.page
    post(env.core, 1, kind="topup_succeeded")
    title_column = [c.key for c in page.model.columns].index("title")
    page.model.sort(title_column, Qt.SortOrder.AscendingOrder)
    post(env.core, 0, kind="topup_succeeded")
    assert titles(page) == ["Notice 0", "Notice 1"]


def test_a_burst_of_one_kind_is_one_row_with_its_count_and_marks_read_together(make_page, qtbot):
    env = make_page(NotificationsPage)
    page, core = env.page, env.core
    post(core, 0, kind="gateway_outage", subject=None)
    for n in range(7):  # seven failures within a minute, posted while the panel is open
        core.clock.advance(seconds=5)
        core.notifications.post(
            "topup_failed", f"Top-up {n} failed", "", subject=("topup", n + 1), dedup_key=f"burst:{n}"
        )
    assert [BURST.sub("top-ups", t) for t in titles_shown(page)] == ["7 top-ups failed within a minute", "Notice 0"]
    page.refresh()  # the same grouping when read back from the database
    assert [BURST.sub("top-ups", t) for t in titles_shown(page)] == ["7 top-ups failed within a minute", "Notice 0"]
    assert len(page.model.record_at(0)["group_ids"]) == 7
    assert Notification.select().count() == 8  # storage keeps one row per event
    page.table.selectRow(0)
    assert "7 top-ups failed within a minute" in BURST.sub("top-ups", page.detail.toPlainText())
    assert "Top-up 6 failed" in page.detail.toPlainText()  # the latest of them
    page.on_mark_read_clicked()
    assert Notification.select().where(Notification.read_at.is_null()).count() == 1  # only the outage is left


def test_a_notice_with_parameters_is_shown_in_the_operators_language(make_page, english_locale):
    env = make_page(NotificationsPage)
    page, core = env.page, env.core
    core.notifications.post(
        "topup_failed",
        "Top-up of $12.50 did not go through",
        "gateway 502. It is queued for retry.",
        subject=("topup", 5),
        dedup_key="params:1",
        params={"topup_id": 5, "wallet_id": 9, "amount_minor": 125050, "currency": "USD", "retrying": True},
    )
    assert titles_shown(page) == ["Top-up of $1,250.50 did not go through"]  # money formatted when shown
    body = [c.key for c in page.model.columns].index("body")
    owner = TopUp.get_by_id(5).wallet.customer.name  # the top-up's customer, not its wallet's id
    assert f"top-up #5 ({owner})" in page.model.index(0, body).data()


def titles_shown(page) -> list[str]:
    title = [c.key for c in page.model.columns].index("title")
    return [page.model.index(r, title).data() for r in range(page.model.rowCount())]


@pytest.fixture
def russian(qapp):
    from ui.language import install_translator

    installed = install_translator(qapp, "ru")
    assert installed
    yield
    for translator in installed:
        qapp.removeTranslator(translator)


def test_a_notice_is_rendered_in_russian_when_shown_and_old_rows_keep_their_text(make_page, russian):
    env = make_page(NotificationsPage)
    page, core = env.page, env.core
    core.notifications.post("gateway_recovered", "Old English title", "Old body", dedup_key="old:1")
    post(core, 1, kind="topup_failed", subject=("topup", 5))  # no parameters: its stored text
    core.clock.advance(minutes=2)
    core.notifications.post(
        "topup_failed",
        "Top-up of $3.00 did not go through",
        "",
        subject=("topup", 6),
        dedup_key="ru:1",
        params={"topup_id": 6, "wallet_id": 2, "amount_minor": 300, "currency": "USD", "retrying": True},
    )
    shown = titles_shown(page)
    assert shown[0] == "Пополнение на 3,00\u00a0$ не прошло"  # money in the Russian locale
    assert shown[1] == "Notice 1"  # stored before parameters: shown as stored
    page.table.selectRow(0)
    assert "Платёжный шлюз не ответил по пополнению №6" in page.detail.toPlainText()


def test_archived_notifications_page_in_their_own_view(make_page, admin):
    env = make_page(NotificationsPage, demo_data=False)
    page, core = env.page, env.core
    for n in range(5):
        post(core, n)
    core.notifications.mark_read(admin, [row.id for row in Notification.select().limit(3)])
    env.clock.advance(days=100)
    post(core, 5)
    assert core.run_janitor()["archived"] == 3
    page.reload_soon()
    page.model.reload()
    assert titles(page) == ["Notice 5", "Notice 4", "Notice 3"]

    page.show_filter.setCurrentIndex(page.show_filter.findData("archived"))
    assert titles(page) == ["Notice 2", "Notice 1", "Notice 0"]
    assert page.count_label.text() == "3 row(s)"
    post(core, 6)  # a new notification never lands among archived ones
    assert titles(page) == ["Notice 2", "Notice 1", "Notice 0"]

    page.show_filter.setCurrentIndex(page.show_filter.findData("all"))
    assert titles(page)[0] == "Notice 6"
