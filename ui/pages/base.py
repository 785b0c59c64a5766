"""What pages share: a filter bar over a SQL-paged table, a detail pane, CSV export, reloading
what an operation changed, and actions that run off the GUI thread and report."""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QByteArray,
    QCoreApplication,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QHideEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStyle,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from services.changes import NO_CHANGES, Changes, Kind
from services.permissions import Refusal, role_refusal
from ui.context import UiContext
from ui.flow_layout import FlowLayout
from ui.formatting import number_text
from ui.pages.dialogs import ConfirmDialog, MoneyDialog
from ui.pages.roles import role_notice_text, role_refusal_text
from ui.sql_model import COUNT_CAP, PagedQueryModel

Result = TypeVar("Result")
# The detail pane's share of a table page until the operator sizes it: narrow while it is empty,
# wider with a row to show, never so wide that the table's columns are clipped.
DETAIL_EMPTY = (0.25, 340)  # share of the page, most pixels
DETAIL_CHOSEN = (0.33, 460)
DETAIL_LEAST = 240
LAST_COLUMN_MOST = 320  # a selected row's detail pane leaves the last column at most this much room for its text
SEARCH_CHARS = 24  # the search box keeps room for this many characters; filters wrap first
Model = TypeVar("Model", bound=PagedQueryModel)


class Page(QWidget):
    """A screen in the main window.

    A page names the kinds of things it shows (``shows``). When an operation changes one of
    them the page reloads: at once while it is on screen (or ``reload_delay_ms`` later, so a
    burst of changes costs one reload), and when it is next shown otherwise. Its own actions
    go through ``run_task`` with the changes they make. A page of live figures (``poll_ms``)
    also reloads on a timer while on screen, and each time it is shown.
    """

    title = ""
    # The title, marked with QT_TRANSLATE_NOOP under the class's name: the navigation shows it
    # before the page is made (a page is made the first time it is wanted).
    title_text: object = ""  # a str: QT_TRANSLATE_NOOP returns what it is given, its stubs say object
    icon = QStyle.StandardPixmap.SP_FileIcon  # beside the title in the navigation
    shows: frozenset[Kind] = frozenset()
    reload_delay_ms = 0
    poll_ms = 0
    status_message = Signal(str)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.title = self.page_title()
        self.loaded = False  # refresh() has run: a page loads when it is first shown
        self._stale = False  # something it shows changed while it was hidden
        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(self.reload_delay_ms)
        self._reload_timer.timeout.connect(self.reload_if_shown)
        self.poll_timer = QTimer(self)
        self.poll_timer.setInterval(self.poll_ms)
        self.poll_timer.timeout.connect(self.on_poll_timer)
        ctx.bridge.changes_made.connect(self.on_changes_made)
        self._init_role_notice()

    @classmethod
    def page_title(cls) -> str:
        """The title in the navigation, in the operator's language."""
        return QCoreApplication.translate(cls.__name__, str(cls.title_text)) if cls.title_text else cls.title

    def on_shown(self) -> None:
        """Called each time the page is brought to the front: it loads if it never has, or if what
        it shows changed while it was hidden, or if its figures are live."""
        if not self.loaded or self._stale or self.poll_ms:
            self.refresh()

    def refresh(self) -> None:
        """Load what the page shows (F5). A page loads its data after calling this."""
        self.loaded, self._stale = True, False
        self._reload_timer.stop()

    def open_subject(self, subject_type: str, subject_id: int) -> bool:
        """Select the thing a notification or search result points at. True when handled."""
        return False

    def save_state(self) -> None:
        """Persist layout into QSettings."""

    # --- reloading what changed ---------------------------------------------------

    @Slot(object, object)
    def on_changes_made(self, changes: Changes, initiator: QObject | None) -> None:
        if not changes.touches(self.shows):
            return
        if initiator is self:
            self.reload_if_shown()  # the operator acted here: the outcome shows at once
        else:
            self.reload_soon()

    def reload_soon(self) -> None:
        """What this page shows changed elsewhere: reload while on screen, else when next shown."""
        if not self.loaded:
            return  # it loads when first shown
        if self.reload_delay_ms:
            self._reload_timer.start()
        else:
            self.reload_if_shown()

    @Slot()
    def reload_if_shown(self) -> None:
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    # --- live figures -----------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self._place_role_notice()
        if self.poll_ms:
            self.poll_timer.start()

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 - Qt override
        self.poll_timer.stop()
        super().hideEvent(event)

    @Slot()
    def on_poll_timer(self) -> None:
        if self.isVisible():
            self.poll()

    def poll(self) -> None:
        """What the timer of a live page reloads: everything, unless the page says less."""
        self.refresh()

    # --- running work -------------------------------------------------------------

    def run_task(
        self,
        fn: Callable[[], Result],
        on_done: Callable[[Result], None] | None = None,
        done_text: str | Callable[[Result], str] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        *,
        changes: Changes = NO_CHANGES,
    ) -> None:
        """Run ``fn`` off the GUI thread; show its outcome in the status bar or an error box.

        ``changes`` are what ``fn`` changes when it succeeds: the pages that show any of them
        reload (this one at once) before ``on_done`` is called.
        """

        def done(result: Result) -> None:
            if done_text is not None:
                self.status_message.emit(done_text(result) if callable(done_text) else done_text)
            self.ctx.bridge.announce(changes, self)
            if on_done is not None:
                on_done(result)

        def failed(error: BaseException) -> None:
            if on_error is not None:
                on_error(error)
            self.show_error(error)

        self.ctx.runner.run(fn, done, failed)

    def submit_money(
        self,
        dialog: MoneyDialog,
        request: Callable[[str], Callable[[], Result]],
        on_done: Callable[[Result], None],
        *,
        changes: Changes = NO_CHANGES,
    ) -> bool:
        """Open a money dialog whose OK sends ``request(key)()`` off the GUI thread.

        ``request`` runs on the GUI thread at each submit and reads the form; the callable it
        returns runs on a worker with the dialog's idempotency key. The dialog stays open
        until the service answers: a refusal is shown in the form and may be resubmitted,
        under the same key, so the money moves at most once per opened dialog. ``changes``
        are announced as with ``run_task``.
        """

        def submit() -> None:
            def done(result: Result) -> None:
                dialog.submit_finished()
                self.ctx.bridge.announce(changes, self)
                on_done(result)

            self.ctx.runner.run(request(dialog.idempotency_key), done, dialog.submit_failed)

        dialog.submitter = submit
        return bool(dialog.exec())

    def submit_form(
        self,
        dialog: ConfirmDialog,
        work: Callable[[], Callable[[], Result]],
        on_done: Callable[[Result], None] | None = None,
        done_text: str | Callable[[Result], str] | None = None,
        *,
        changes: Changes = NO_CHANGES,
    ) -> bool:
        """Open a form whose OK sends ``work()()`` off the GUI thread and waits for the answer.

        ``work`` runs on the GUI thread at each submit and reads the form; what it returns runs
        on a worker. The form closes when the service agrees; a refusal (a taken email, say) is
        shown in it with everything typed still there, to correct and send again.
        """

        def submit() -> None:
            def done(result: Result) -> None:
                dialog.submit_finished()
                if done_text is not None:
                    self.status_message.emit(done_text(result) if callable(done_text) else done_text)
                self.ctx.bridge.announce(changes, self)
                if on_done is not None:
                    on_done(result)

            self.ctx.runner.run(work(), done, dialog.submit_failed)

        dialog.submitter = submit
        return bool(dialog.exec())

    def show_error(self, error: BaseException) -> None:
        from ui.errors import show_error

        show_error(self, error)

    # --- what the role may not do -------------------------------------------------------
    #
    # A control the role may not use is disabled with the reason on hover, and the page says
    # in plain sight which role its greyed-out actions need (the "role notice"): under a table
    # page's actions, at the top of any other page. Pages take part by asking ``refusal_reason``
    # (or ``guard``) for every action they offer; the rule itself is services.permissions'.

    def refusal_reason(self, action: str) -> str | None:
        """Why the signed-in role may not take ``action``, in the operator's words; None when it may."""
        refusal = role_refusal(self.ctx.actor, action)
        if refusal is None:
            return None
        self._note_role_refusal(refusal)
        return role_refusal_text(self.ctx.actor.role, refusal)

    def guard(self, button: QPushButton, action: str) -> None:
        """Disable what the role may not do, and say why on hover and in the page's role notice."""
        reason = self.refusal_reason(action)
        button.setEnabled(reason is None)
        if reason:
            button.setToolTip(reason)

    def _init_role_notice(self) -> None:
        self._roles_needed: set[str] = set()
        self._role_notice_placed = False
        self.role_notice = QLabel(self)
        self.role_notice.setObjectName("roleNotice")
        self.role_notice.setTextFormat(Qt.TextFormat.PlainText)
        self.role_notice.setWordWrap(True)
        self.role_notice.setEnabled(False)  # drawn in the theme's muted text colour, light or dark
        self.role_notice.hide()

    def _note_role_refusal(self, refusal: Refusal) -> None:
        needed = refusal.needed_role or ""
        if needed in self._roles_needed:
            return
        self._roles_needed.add(needed)
        self.role_notice.setText(role_notice_text(self.ctx.actor.role, self._roles_needed))
        self._place_role_notice()

    def role_notice_home(self) -> tuple[QBoxLayout, int] | None:
        """Where the role notice goes: the top of the page, once the page has its layout."""
        layout = self.layout()
        if not isinstance(layout, QBoxLayout):
            return None
        if layout.contentsMargins().left() == 0:  # a page edge to edge (a scroll area): keep the text off the edge
            margin = self.style().pixelMetric(QStyle.PixelMetric.PM_LayoutLeftMargin)
            self.role_notice.setContentsMargins(margin, margin // 2, margin, 0)
        return layout, 0

    def _place_role_notice(self) -> None:
        if not self._roles_needed:
            return
        if not self._role_notice_placed:
            home = self.role_notice_home()
            if home is None:
                return  # the page is still being built; its first showing places the notice
            layout, index = home
            layout.insertWidget(index, self.role_notice)
            self._role_notice_placed = True
        self.role_notice.show()


class PagedTableView(QTableView):
    """A view of a SQL-paged model that never walks a million rows to reach the end: Ctrl+End has the
    model read the last page backwards and selects the last row, scrolling up from there reads the rows
    before the first one held, and Ctrl+Home goes back to the first page."""

    def __init__(self, parent: QWidget, model: PagedQueryModel):
        super().__init__(parent)
        self.setModel(model)
        self.paged = model
        self._kept_scroll: int | None = None
        self._going_to: str | None = None  # "first" | "last": the row to select once the jump's rows are in
        self.verticalScrollBar().valueChanged.connect(self._on_scrolled)
        model.rowsAboutToBeInserted.connect(self._before_rows_inserted)
        model.rowsInserted.connect(self._on_rows_inserted)
        model.modelReset.connect(self._on_reset)

    def moveCursor(  # noqa: N802 - Qt override
        self,
        cursorAction: QAbstractItemView.CursorAction,
        modifiers: Qt.KeyboardModifier,  # noqa: N803
    ) -> QModelIndex:
        control = bool(modifiers & Qt.KeyboardModifier.ControlModifier)
        if control and cursorAction == QAbstractItemView.CursorAction.MoveEnd and not self.paged.at_end:
            return self._jump("last", self.paged.jump_to_end)
        if control and cursorAction == QAbstractItemView.CursorAction.MoveHome and self.paged.has_rows_before:
            return self._jump("first", self.paged.reload)
        return super().moveCursor(cursorAction, modifiers)

    def _jump(self, to: str, load: Callable[[], None]) -> QModelIndex:
        """Load the rows at one end; the row there becomes current now if they are in, else when they arrive."""
        self._going_to = to
        load()
        if self.paged.is_loading:
            return QModelIndex()
        self._going_to = None
        return self._show_row(to)

    def _show_row(self, to: str) -> QModelIndex:
        """Select the first or last row held and bring it into sight."""
        row = self.paged.rowCount() - 1 if to == "last" else 0
        index = self.paged.index(row, max(self.currentIndex().column(), 0))
        # Not selectRow: it reads the Ctrl key still held and would only move the current row.
        flags = QItemSelectionModel.SelectionFlag
        self.selectionModel().setCurrentIndex(index, flags.ClearAndSelect | flags.Rows)
        self.scrollTo(index)
        return index

    def _on_reset(self) -> None:
        self._kept_scroll = None

    def _before_rows_inserted(self, parent: QModelIndex | QPersistentModelIndex, first: int, _last: int) -> None:
        # Rows put in front of those shown: the view stays on the rows it showed.
        self._kept_scroll = self.verticalScrollBar().value() if first == 0 and self.paged.rowCount() else None

    def _on_rows_inserted(self, parent: QModelIndex | QPersistentModelIndex, first: int, last: int) -> None:
        if self._kept_scroll is not None:
            step = 1
            if self.verticalScrollMode() == QAbstractItemView.ScrollMode.ScrollPerPixel:
                step = self.verticalHeader().defaultSectionSize()
            self.verticalScrollBar().setValue(self._kept_scroll + (last - first + 1) * step)
            self._kept_scroll = None
        going_to = self._going_to
        if going_to is not None and not self.paged.is_loading:
            self._going_to = None
            self._show_row(going_to)

    def _on_scrolled(self, value: int) -> None:
        if value == self.verticalScrollBar().minimum() and self.paged.can_fetch_before():
            self.paged.fetch_before()


def paged_table(
    parent: QWidget,
    model: PagedQueryModel,
    selection: QAbstractItemView.SelectionMode = QAbstractItemView.SelectionMode.SingleSelection,
) -> QTableView:
    """A read-only view of whole rows over a SQL-paged model, sorted by clicking a heading."""
    table = PagedTableView(parent, model)
    # The header shows the model's own first order; enabling sorting then asks for exactly that.
    table.horizontalHeader().setSortIndicator(model.sort_column, model.sort_order)
    table.setSortingEnabled(True)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(selection)
    table.setAlternatingRowColors(True)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(26)
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setSortIndicatorShown(True)
    table.setWordWrap(False)
    return table


def widen_to_headings(table: QTableView) -> None:
    """Make every column at least as wide as its heading, in whatever language the heading is."""
    header = table.horizontalHeader()
    for column in range(header.count()):
        wanted = header.sectionSizeHint(column)
        if header.sectionSize(column) < wanted:
            header.resizeSection(column, wanted)


class RowCounts(QObject):
    """A table page's counts of rows, translated once for every page: ``self.tr`` in a page would look a
    plural up under the page's own class, find nothing and take the untranslated text as the answer."""

    def shown(self, count: int) -> str:
        if count > COUNT_CAP:  # counted up to the cap only
            return self.tr("%1+ rows").replace("%1", number_text(COUNT_CAP))
        return self.tr("%n row(s)", "", count)

    def exported(self, count: int) -> str:
        return self.tr("Exported %n row(s)", "", count)


class TablePage(Page, Generic[Model]):
    """A filter bar, a paged table and a detail pane.

    A page hands over its model and keeps what differs: the kinds it shows, the subject it
    opens (``subject_type``), its filters and actions, and how it renders one row's details
    (``load_detail``).
    """

    settings_key = "table"
    subject_type: str | None = None  # what open_subject selects here: "customer", "wallet", …
    selection_mode = QAbstractItemView.SelectionMode.ExtendedSelection
    column_widths: tuple[int, ...] = ()  # until the operator's own layout is saved
    column_padding = 12  # room beside the widest text of a column sized to its content

    def __init__(self, ctx: UiContext, model: Model, parent: QWidget | None = None, search_placeholder: str = ""):
        super().__init__(ctx, parent)
        self._selection_ready = False
        self._detail_request = 0
        self.detail_id: Any = None  # the row whose details were asked for last, None when no one row is
        self._filters: dict[str, QComboBox | QCheckBox] = {}
        self._remembered: dict[str, QSplitter | QHeaderView] = {}
        self.model = model
        self.search = QLineEdit(self)
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(self.search.fontMetrics().averageCharWidth() * SEARCH_CHARS)
        self.search.setPlaceholderText(search_placeholder or self.tr("Search…"))
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(250)
        self._search_timer.timeout.connect(self.on_search_settled)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())

        self.filter_bar = QHBoxLayout()
        self.filter_bar.addWidget(self.search, 2)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("countLabel")
        self.row_counts = RowCounts(self)
        self.export_button = QPushButton(self.tr("Export CSV…"), self)
        self.export_button.clicked.connect(self.on_export_clicked)
        self.actions_bar = FlowLayout()  # the buttons wrap when the pane (or a language's words) is narrow

        self.table = paged_table(self, model, self.selection_mode)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)

        self.detail = QTextBrowser(self)
        self.detail.setObjectName("detail")
        self.detail.setOpenLinks(False)
        self.detail_container = QWidget(self)
        self.detail_layout = QVBoxLayout(self.detail_container)
        self.detail_layout.setContentsMargins(0, 0, 0, 0)
        self.detail_layout.addLayout(self.actions_bar)
        self.detail_layout.addWidget(self.detail, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("detailSplitter")
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.detail_container)
        self.splitter.setStretchFactor(0, 1)  # a wider window widens the table; the detail keeps its width
        self.splitter.setStretchFactor(1, 0)
        self.splitter.setCollapsible(0, False)
        self._auto_split: list[int] | None = None  # the split last set to fit; None until the first
        self._split_by_hand = False  # the operator (or the page) chose a split: it is kept
        self.splitter.splitterMoved.connect(self._on_splitter_moved)

        self.top_bar = QHBoxLayout()
        self.top_bar.addLayout(self.filter_bar, 1)
        self.top_bar.addWidget(self.count_label)
        self.top_bar.addWidget(self.export_button)
        self.filter_row = FlowLayout()  # where the filters go when one row leaves the search too little room
        self._filters_wrapped = False
        self.page_layout = QVBoxLayout(self)
        self.page_layout.addLayout(self.top_bar)
        self.page_layout.addLayout(self.filter_row)
        self.page_layout.addWidget(self.splitter, 1)

        self._fit_columns = False  # until it is known whether the operator's own layout is restored
        model.rowsInserted.connect(self._on_first_rows)
        model.count_changed.connect(self._on_count)
        model.load_failed.connect(self.show_error)
        model.modelReset.connect(self._on_selection_changed)
        self.header_restored = self.remember(self.table.horizontalHeader(), "header")  # the operator's own layout
        self._fit_columns = not self.header_restored
        if not self.header_restored:
            for column, width in enumerate(self.column_widths):
                self.table.setColumnWidth(column, width)
            widen_to_headings(self.table)
        # A new name for the split: one saved before the detail pane fitted its content is not restored.
        self.splitter_restored = self.remember(self.splitter, "detail_split")
        self.fit_least_width()

    # --- filters ------------------------------------------------------------------------

    def add_filter(self, label: str, choices: list[tuple[str, Any]], key: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(f"filter_{key}")
        for text, value in choices:
            combo.addItem(text, value)
        # As wide as its longest choice when there is room; narrower (the list still shows it all) on a small screen.
        combo.setMinimumWidth(combo.fontMetrics().averageCharWidth() * 6 + 32)
        combo.currentIndexChanged.connect(lambda _i: self.model.set_filters(**{key: combo.currentData()}))
        # The caption and its choices stay together when the filters wrap onto a line of their own.
        pair = QWidget(self)
        pair_layout = QHBoxLayout(pair)
        pair_layout.setContentsMargins(0, 0, 0, 0)
        pair_layout.addWidget(QLabel(label, pair))
        pair_layout.addWidget(combo)
        self.filter_bar.addWidget(pair)
        self._filters[key] = combo
        self.fit_least_width()
        return combo

    def add_check_filter(self, text: str, key: str) -> QCheckBox:
        box = QCheckBox(text, self)
        box.setObjectName(f"filter_{key}")
        box.toggled.connect(lambda on: self.model.set_filters(**{key: on}))
        self.filter_bar.addWidget(box)
        self._filters[key] = box
        self.fit_least_width()
        return box

    @Slot()
    def on_search_settled(self) -> None:
        self.model.set_filters(search=self.search.text().strip())

    def show_only(self, search: str, **filters: Any) -> None:
        """Search for ``search`` with every filter at its first choice, or at the value given: one reload."""
        self._search_timer.stop()
        values: dict[str, Any] = {}
        for key, widget in self._filters.items():
            widget.blockSignals(True)
            if isinstance(widget, QCheckBox):
                widget.setChecked(bool(filters.get(key, False)))
                values[key] = widget.isChecked()
            else:
                widget.setCurrentIndex(max(0, widget.findData(filters[key])) if key in filters else 0)
                values[key] = widget.currentData()
            widget.blockSignals(False)
        self.search.blockSignals(True)
        self.search.setText(search)
        self.search.blockSignals(False)
        self.model.filters.update(search=search, **values)
        self.refresh(keep_selection=False)

    # --- loading ------------------------------------------------------------------------

    def on_shown(self) -> None:
        first = not self._selection_ready
        if first:
            # A row selected before the page was first shown (a subject opened from elsewhere) shows now.
            self._selection_ready = True
            self._on_selection_changed()
        if first:
            self.fit_split(bool(self.selected_records()))
        super().on_shown()

    def refresh(self, keep_selection: bool = True) -> None:
        super().refresh()
        selected = self.current_record() if keep_selection else None
        self.model.reload()
        if selected is not None:
            # select_id copes with the rows being there already (a quick runner) or arriving later.
            self.select_id(selected["id"])

    def open_subject(self, subject_type: str, subject_id: int) -> bool:
        if self.subject_type is None or subject_type != self.subject_type:
            return False
        self.show_only(self.subject_search(subject_id))
        self.select_id(subject_id)
        return True

    def subject_search(self, subject_id: int) -> str:
        """What the search box says to find exactly the row ``subject_id``."""
        return f"#{subject_id}"

    def _reselect_when_loaded(self, wanted: Any) -> None:
        def try_select(*_args: Any) -> None:
            row = self.model.row_of_id(wanted)
            if row >= 0:
                self.table.selectRow(row)
                self.model.rowsInserted.disconnect(try_select)

        self.model.rowsInserted.connect(try_select)

    # --- selection and detail ---------------------------------------------------------

    def selected_records(self) -> list[dict]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [r for r in (self.model.record_at(row) for row in rows) if r is not None]

    def current_record(self) -> dict | None:
        records = self.selected_records()
        return records[0] if records else None

    def _on_selection_changed(self, *_args: Any) -> None:
        if not self._selection_ready:  # a restored sort can reset the model before the subclass has its widgets
            return
        records = self.selected_records()
        if self._auto_split is not None:
            self.fit_split(bool(records))
        self.on_selection(records)

    def on_selection(self, records: list[dict]) -> None:
        """Subclasses fill the detail pane and enable actions."""

    def select_id(self, record_id: Any) -> None:
        row = self.model.row_of_id(record_id)
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))
        else:
            self._reselect_when_loaded(record_id)

    def load_detail(self, record_id: Any, load: Callable[[], Result], show: Callable[[Result], None]) -> None:
        """Ask for one row's details off the GUI thread and ``show`` them when they come.

        The operator may select another row before they arrive: only the answer to the
        latest request is shown, a late one for a row no longer chosen is dropped.
        """
        self._detail_request += 1
        request = self._detail_request
        self.detail_id = record_id

        def arrived(detail: Result) -> None:
            if request == self._detail_request:
                show(detail)

        self.run_task(load, arrived)

    def forget_detail(self) -> None:
        """No one row is chosen now: details still on their way are dropped."""
        self._detail_request += 1
        self.detail_id = None

    def show_hint(self, text: str) -> None:
        """The detail pane says what to select; details still on their way are dropped."""
        self.forget_detail()
        self.detail.setHtml(f"<p style='color:gray'>{html.escape(text)}</p>")

    def _on_first_rows(self, *_args: Any) -> None:
        """Size columns to their content once, unless the operator's own layout was restored."""
        if not self._fit_columns:
            return
        self._fit_columns = False
        header = self.table.horizontalHeader()
        self.table.resizeColumnsToContents()
        last = self.model.columnCount() - 1
        for column in range(last):
            header.resizeSection(column, min(header.sectionSize(column) + self.column_padding, 320))
        # The last column stretches to fill what is left; where little is left it keeps only its heading's
        # width (not the widest text it holds), so the columns before it are not pushed out of sight.
        header.resizeSection(last, header.sectionSizeHint(last))
        widen_to_headings(self.table)

    def _on_count(self, total: int) -> None:
        self.count_label.setText(self.row_counts.shown(total))

    def role_notice_home(self) -> tuple[QBoxLayout, int] | None:
        """Right under the actions, beside the buttons it explains."""
        return self.detail_layout, self.detail_layout.indexOf(self.actions_bar) + 1

    # --- export -------------------------------------------------------------------------

    @Slot()
    def on_export_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export to CSV"), f"{self.settings_key}.csv", self.tr("CSV files (*.csv)")
        )
        if path:
            self.export_to(path)

    def export_to(self, path: str) -> None:
        self.model.export_csv(path, lambda n: self.status_message.emit(self.row_counts.exported(n)), self.show_error)

    # --- layout ---------------------------------------------------------------------------

    def fit_split(self, chosen: bool) -> None:
        """Size the detail pane for what it shows (narrow while empty), until the operator or the
        page sets the split: a remembered split, a dragged one or one a page set stays as it is."""
        if self.splitter_restored or self._split_by_hand:
            return
        sizes = self.splitter.sizes()
        if self._auto_split is not None and sizes != self._auto_split:
            self._split_by_hand = True  # set by other code since: not this method's to change
            return
        total = sum(sizes)
        if total <= 0:
            return
        detail = self._detail_size(total, *DETAIL_EMPTY)
        if chosen:  # wider, as far as the table's columns still show whole
            detail = max(detail, min(self._detail_size(total, *DETAIL_CHOSEN), total - self._columns_width()))
        self.splitter.setSizes([total - detail, detail])
        self._auto_split = self.splitter.sizes()

    @staticmethod
    def _detail_size(total: int, share: float, most: int) -> int:
        return min(max(DETAIL_LEAST, min(int(total * share), most)), total // 2)

    def _columns_width(self) -> int:
        """The table's width with every column but the stretching last one as sized, that one as wide as
        its text (up to LAST_COLUMN_MOST), and the table's frame and scroll bar."""
        header = self.table.horizontalHeader()
        last = header.count() - 1
        columns = sum(header.sectionSize(column) for column in range(last) if not header.isSectionHidden(column))
        chrome = 2 * self.table.frameWidth() + self.table.verticalScrollBar().sizeHint().width()
        last_width = min(max(header.sectionSizeHint(last), self.table.sizeHintForColumn(last)), LAST_COLUMN_MOST)
        return columns + last_width + chrome

    @Slot(int, int)
    def _on_splitter_moved(self, _pos: int, _index: int) -> None:
        self._split_by_hand = True

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._wrap_filters()
        self.fit_least_width()
        if self._auto_split is not None and not self._split_by_hand:
            self._auto_split = self.splitter.sizes()  # the window, not the operator, changed the split

    def fit_least_width(self) -> None:
        """Ask the window only for the width the page needs with its filters wrapped: a page not yet
        shown (so not yet wrapped) must not widen the window past a small screen."""
        margins = self.page_layout.contentsMargins()
        spacing = max(0, self.top_bar.spacing())
        top = (
            self.search.minimumWidth()
            + self.count_label.minimumSizeHint().width()
            + self.export_button.minimumSizeHint().width()
            + 2 * spacing
        )
        widths = [top]
        for layout in (self.filter_bar, self.filter_row):
            for index in range(layout.count()):
                item = layout.itemAt(index)
                widget = item.widget() if item is not None else None
                if widget is not None and widget is not self.search:
                    widths.append(widget.minimumSizeHint().width())
        for index in range(self.page_layout.count()):
            item = self.page_layout.itemAt(index)
            if item is not None and item.layout() not in (self.top_bar, self.filter_row):
                widths.append(item.minimumSize().width())
        least = max(widths) + margins.left() + margins.right()
        if self.minimumWidth() != least:
            self.setMinimumWidth(least)

    def _one_row_width(self) -> int:
        """The width the search (at its least), the filters, the count and the export button need on one row."""
        widgets: list[QWidget] = [self.count_label, self.export_button]
        for layout in (self.filter_bar, self.filter_row):
            for index in range(layout.count()):
                item = layout.itemAt(index)
                widget = item.widget() if item is not None else None
                if widget is not None:
                    widgets.append(widget)
        visible = [w for w in widgets if not w.isHidden()]
        hints = [self.search.minimumWidth() * 3 // 2 if w is self.search else w.sizeHint().width() for w in visible]
        margins = self.page_layout.contentsMargins()
        return sum(hints) + self.top_bar.spacing() * len(visible) + margins.left() + margins.right()

    def _wrap_filters(self) -> None:
        """Filters share the search's row while it keeps room to type; on a narrow window they wrap below it."""
        wrap = self.width() < self._one_row_width()
        if wrap == self._filters_wrapped:
            return
        self._filters_wrapped = wrap
        source, target = (self.filter_bar, self.filter_row) if wrap else (self.filter_row, self.filter_bar)
        keep = 1 if wrap else 0  # the search stays where it is
        while source.count() > keep:
            item = source.takeAt(keep)
            if item is not None:
                target.addItem(item)
        if wrap:
            self.filter_row.addStretch(1)
        else:
            last = self.filter_bar.itemAt(self.filter_bar.count() - 1)
            if last is not None and last.spacerItem() is not None:
                self.filter_bar.takeAt(self.filter_bar.count() - 1)

    def stack_panel(
        self,
        panel: QWidget,
        name: str,
        *,
        above: bool = False,
        stretch: tuple[int, int] | None = None,
        sizes: tuple[int, int] | None = None,
    ) -> None:
        """Put ``panel`` across the page's width, below (or above) the table and its detail.

        The split between them is remembered under ``name``; ``stretch`` and ``sizes`` are the
        first split, until the operator's own is saved.
        """
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.page_layout.replaceWidget(self.splitter, splitter)
        for widget in (panel, self.splitter) if above else (self.splitter, panel):
            splitter.addWidget(widget)
        if stretch is not None:
            splitter.setStretchFactor(0, stretch[0])
            splitter.setStretchFactor(1, stretch[1])
        if sizes is not None:
            splitter.setSizes(list(sizes))
        self.remember(splitter, name)
        self.fit_least_width()

    def remember(self, widget: QSplitter | QHeaderView, name: str) -> bool:
        """Restore ``widget``'s layout saved under ``name`` and save it with the page's; True when restored."""
        self._remembered[name] = widget
        state = self.ctx.qsettings.value(f"{self.settings_key}/{name}")
        if isinstance(state, QByteArray):
            widget.restoreState(state)
            return True
        return False

    def save_state(self) -> None:
        for name, widget in self._remembered.items():
            self.ctx.qsettings.setValue(f"{self.settings_key}/{name}", widget.saveState())
