"""Every table page is usable at 1600×1000 and at 1024×700: the detail pane leaves the table its
columns, the search box keeps room to type, chart labels do not overlap, and the split is remembered."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics

from models.tables import ErrorItem
from scheduler.core import JOB_NAMES
from services.audit import record_audit
from ui.pages.base import DETAIL_LEAST, SEARCH_CHARS, TablePage

# The columns an operator reads first on each page; they must show whole at 1600×1000.
KEY_COLUMNS = {
    "CustomersPage": ("Name", "Customer since"),
    "WalletsPage": ("Customer", "Balance"),
    "SubscriptionsPage": ("Customer", "Price"),
    "PlansPage": ("Name", "Price"),
    "ErrorQueuePage": ("Subject", "Amount"),
    "AuditPage": ("Action", "Target"),
}


def failed_topups(clock, count: int = 6) -> None:
    for n in range(count):
        ErrorItem.create(
            operation="topup",
            subject_type="topup",
            subject_id=800 + n,
            error_class="transient",
            message="The payment gateway answered with a server error; nothing was charged.",
            strategy="backoff",
            status="retrying",
            attempts=1,
            amount_minor=1_234_500,
            currency="USD",
            next_attempt_at=clock.now(),
            created_at=clock.now(),
            updated_at=clock.now(),
        )
        record_audit(clock, "oscar", "error.retry", "error_item", n + 1, reason="gateway back")


def column_of(page: TablePage, title: str) -> int:
    titles = [page.model.headerData(c, Qt.Orientation.Horizontal) for c in range(page.model.columnCount())]
    return titles.index(title)


def show(gui, qtbot, name: str) -> TablePage:
    page = gui.page(name)
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=2000)
    return page


def test_at_1600_by_1000_the_detail_pane_is_narrow_and_key_columns_show_whole(make_gui, qtbot, clock):
    failed_topups(clock)
    gui = make_gui("admin", customers=40)
    gui.window.resize(1600, 1000)
    for name, titles in KEY_COLUMNS.items():
        page = show(gui, qtbot, name)
        table_width, detail_width = page.splitter.sizes()
        narrow = max(0.26 * (table_width + detail_width), page.detail_container.minimumSizeHint().width() + 2)
        assert DETAIL_LEAST <= detail_width <= narrow, (name, page.splitter.sizes())
        header, visible = page.table.horizontalHeader(), page.table.viewport().width()
        for title in titles:
            column = column_of(page, title)
            right = header.sectionViewportPosition(column) + header.sectionSize(column)
            assert right <= visible, (name, title, right, visible)
            assert header.sectionSize(column) >= header.sectionSizeHint(column), (name, title)

        page.table.selectRow(0)  # a row to show: the pane widens, still leaving the table most of the page
        table_width, detail_width = page.splitter.sizes()
        wide = max(0.34 * (table_width + detail_width), page.detail_container.minimumSizeHint().width() + 2)
        assert detail_width <= wide, (name, page.splitter.sizes())


def test_at_1024_by_700_the_customers_detail_pane_leaves_the_list_most_of_the_page(make_gui, qtbot):
    gui = make_gui("admin", customers=40)
    gui.window.resize(1024, 700)
    page = show(gui, qtbot, "CustomersPage")
    for chosen in (False, True):
        if chosen:
            page.table.selectRow(0)
        table_width, detail_width = page.splitter.sizes()
        assert detail_width <= 0.4 * (table_width + detail_width), (chosen, page.splitter.sizes())
        assert detail_width >= page.detail_container.minimumSizeHint().width(), page.splitter.sizes()


def test_the_customer_page_split_is_restored_on_the_next_start(make_gui, qtbot):
    first = make_gui("operator", customers=10)
    first.window.resize(1600, 1000)
    first.page("CustomersPage")
    first.window.open_subject("customer", 3)
    customer_page = first.window.page_named("CustomersPage").customer_page
    splitter = customer_page.splitter
    assert splitter.orientation() == Qt.Orientation.Horizontal
    total = sum(splitter.sizes())
    splitter.setSizes([total - 500, 500])
    splitter.splitterMoved.emit(total - 500, 1)  # as a drag of the handle reports it
    first.window.save_state()

    again = make_gui("operator", demo_data=False)
    again.window.resize(1600, 1000)
    again.page("CustomersPage")
    again.window.open_subject("customer", 3)
    restored = again.window.page_named("CustomersPage").customer_page.splitter
    assert abs(restored.sizes()[1] - 500) <= 2, restored.sizes()


def test_at_1024_by_700_search_boxes_keep_room_and_status_labels_do_not_overlap(make_gui, qtbot, clock):
    failed_topups(clock)
    gui = make_gui("admin", customers=40)
    gui.window.resize(1024, 700)
    least = gui.window.fontMetrics().averageCharWidth() * SEARCH_CHARS
    for page in gui.window.pages:
        if not isinstance(page, TablePage):
            continue
        gui.page(type(page).__name__)
        assert page.search.width() >= least, (type(page).__name__, page.search.width())
        assert page.table.width() > page.detail_container.width(), type(page).__name__
        assert page.width() <= 1024 - gui.window.nav.width(), type(page).__name__

    dashboard = gui.page("DashboardPage")
    qtbot.waitUntil(lambda: dashboard.data is not None)
    chart = dashboard.status_chart
    axis = chart.getPlotItem().getAxis("bottom")
    metrics = QFontMetrics(axis.style["tickFont"] or chart.font())
    room = chart.getPlotItem().vb.width() / len(chart.labels)
    shown = [text for _, text in axis._tickLevels[0]]
    assert [text.replace("\n", " ") for text in shown] == chart.labels
    for text in shown:
        assert max(metrics.horizontalAdvance(line) for line in text.split("\n")) < room, (text, room)


def test_the_split_the_operator_drags_is_restored_on_the_next_start(make_gui, qtbot, clock):
    failed_topups(clock)
    first = make_gui("operator", customers=10)
    first.window.resize(1400, 900)
    page = show(first, qtbot, "ErrorQueuePage")
    total = sum(page.splitter.sizes())
    page.splitter.setSizes([total - 600, 600])
    first.window.save_state()

    again = make_gui("operator", demo_data=False)
    again.window.resize(1400, 900)
    restored = show(again, qtbot, "ErrorQueuePage")
    assert restored.splitter_restored
    restored.table.selectRow(0)
    assert abs(restored.splitter.sizes()[1] - 600) <= 2, restored.splitter.sizes()


def test_the_russian_desk_fits_1024_wide_on_every_page(make_gui, qtbot, clock):
    from PySide6.QtWidgets import QApplication

    from ui.language import install_translator

    app = QApplication.instance()
    translators = install_translator(app, "ru")
    try:
        failed_topups(clock)
        gui = make_gui("admin", customers=40)
        gui.window.resize(1024, 700)
        for page in gui.window.pages:
            gui.page(type(page).__name__)
            qtbot.wait(5)
            assert gui.window.width() == 1024, type(page).__name__
            assert page.width() <= 1024 - gui.window.nav.width(), type(page).__name__
            if isinstance(page, TablePage):  # nothing wider than the page: buttons wrap, filters go below
                assert page.detail_container.minimumSizeHint().width() <= page.splitter.sizes()[1] + 1
        scheduler = gui.window.page_named("SchedulerPage")
        assert scheduler.gateway_group.geometry().right() <= scheduler.width()
        if scheduler.demo_group is not None:
            assert scheduler.demo_group.geometry().right() <= scheduler.width()
    finally:
        for translator in translators:
            app.removeTranslator(translator)


@pytest.mark.parametrize("language", ["en", "ru"])
def test_at_1024_by_700_every_scheduler_job_shows_without_scrolling(make_gui, qtbot, language):
    from PySide6.QtWidgets import QApplication

    from ui.language import install_translator

    app = QApplication.instance()
    translators = install_translator(app, language) if language != "en" else []
    try:
        gui = make_gui("admin", customers=10, scheduler=lambda core: core.build_scheduler())
        gui.window.resize(1024, 700)
        page = gui.page("SchedulerPage")
        qtbot.waitUntil(lambda: page.model.rowCount() == len(JOB_NAMES))
        qtbot.wait(5)
        assert gui.window.height() == 700  # the page fits the window, it does not stretch it
        table, visible = page.table, page.table.viewport().height()
        for row in range(page.model.rowCount()):
            bottom = table.rowViewportPosition(row) + table.rowHeight(row)
            assert table.rowViewportPosition(row) >= 0 and bottom <= visible, (language, row, bottom, visible)
    finally:
        for translator in translators:
            app.removeTranslator(translator)


@pytest.mark.parametrize("width", [1440, 1600])
def test_the_error_queue_amount_shows_whole_with_a_row_selected(make_gui, qtbot, clock, width):
    failed_topups(clock)
    gui = make_gui("admin", customers=10)
    gui.window.resize(width, 900)
    page = show(gui, qtbot, "ErrorQueuePage")
    page.table.selectRow(0)
    qtbot.wait(5)
    header, visible = page.table.horizontalHeader(), page.table.viewport().width()
    column = column_of(page, "Amount")
    right = header.sectionViewportPosition(column) + header.sectionSize(column)
    assert right <= visible, (right, visible, page.splitter.sizes())
    assert header.sectionSize(column) >= header.sectionSizeHint(column)
    assert not page.table.horizontalScrollBar().isVisible()


def test_the_russian_plan_features_show_their_type_and_name_whole(make_gui, qtbot):
    from PySide6.QtWidgets import QApplication

    from ui.language import install_translator

    app = QApplication.instance()
    translators = install_translator(app, "ru")
    try:
        gui = make_gui("admin", customers=10)
        gui.window.resize(1024, 700)
        page = show(gui, qtbot, "PlansPage")
        for row in range(page.model.rowCount()):
            page.table.selectRow(row)
            table, model = page.features_table, page.features_model
            header, metrics = table.horizontalHeader(), table.fontMetrics()
            for line in range(model.rowCount()):
                for column in range(model.columnCount() - 1):
                    text = model.index(line, column).data() or ""
                    assert metrics.horizontalAdvance(text) <= header.sectionSize(column), (text, column)
    finally:
        for translator in translators:
            app.removeTranslator(translator)


def test_at_1600_a_selected_subscription_leaves_its_price_whole_in_russian(make_gui, qtbot):
    from PySide6.QtWidgets import QApplication

    from ui.language import install_translator

    app = QApplication.instance()
    translators = install_translator(app, "ru")
    try:
        gui = make_gui("admin", customers=40)
        gui.window.resize(1600, 1000)
        page = show(gui, qtbot, "SubscriptionsPage")
        page.table.selectRow(0)
        qtbot.wait(5)
        column = page.model.columnCount() - 1  # the price, in words: "3,00 $ / неделя"
        header, metrics = page.table.horizontalHeader(), page.table.fontMetrics()
        right = header.sectionViewportPosition(column) + header.sectionSize(column)
        assert right <= page.table.viewport().width()
        widest = max(metrics.horizontalAdvance(page.model.index(row, column).data()) for row in range(20))
        assert widest < header.sectionSize(column), (widest, header.sectionSize(column))
    finally:
        for translator in translators:
            app.removeTranslator(translator)


def test_at_1024_by_700_the_customer_page_shows_its_timeline_under_its_sections(make_gui, qtbot):
    gui = make_gui("operator", customers=10)
    gui.window.resize(1024, 700)
    gui.page("CustomersPage")
    gui.window.open_subject("customer", 3)
    page = gui.window.page_named("CustomersPage").customer_page
    qtbot.wait(5)
    assert page.splitter.orientation() == Qt.Orientation.Vertical
    sections, timeline = page.splitter.sizes()
    assert sections >= 150 and timeline >= 150, page.splitter.sizes()
    assert page.timeline.isVisible() and page.timeline.height() >= 100
