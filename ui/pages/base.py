"""What pages share: a filter bar over a SQL-paged table, a detail pane, CSV export,
and actions that confirm, ask for a reason, run off the GUI thread and report."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QByteArray, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ui.context import UiContext
from ui.errors import describe
from ui.sql_model import PagedQueryModel


class Page(QWidget):
    """A screen in the main window."""

    title = ""
    status_message = Signal(str)

    def __init__(self, ctx: UiContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx

    def on_shown(self) -> None:
        """Called each time the page is brought to the front."""

    def open_subject(self, subject_type: str, subject_id: int) -> bool:
        """Select the thing a notification or search result points at. True when handled."""
        return False

    def save_state(self) -> None:
        """Persist layout into QSettings."""

    # --- running work -------------------------------------------------------------

    def run_task(self, fn: Callable[[], Any], on_done: Callable[[Any], None] | None = None,
                 done_text: str | Callable[[Any], str] | None = None, on_error=None) -> None:
        """Run ``fn`` off the GUI thread; show its outcome in the status bar or an error box."""

        def done(result):
            if done_text is not None:
                self.status_message.emit(done_text(result) if callable(done_text) else done_text)
            if on_done is not None:
                on_done(result)

        def failed(error):
            if on_error is not None:
                on_error(error)
            self.show_error(error)

        self.ctx.runner.run(fn, done, failed)

    def submit_money(self, dialog: MoneyDialog, request: Callable[[str], Callable[[], Any]],
                     on_done: Callable[[Any], None]) -> bool:
        """Open a money dialog whose OK sends ``request(key)()`` off the GUI thread.

        ``request`` runs on the GUI thread at each submit and reads the form; the callable it
        returns runs on a worker with the dialog's idempotency key. The dialog stays open
        until the service answers: a refusal is shown in the form and may be resubmitted,
        under the same key, so the money moves at most once per opened dialog.
        """

        def submit():
            def done(result):
                dialog.submit_finished()
                on_done(result)

            self.ctx.runner.run(request(dialog.idempotency_key), done, dialog.submit_failed)

        dialog.submitter = submit
        return bool(dialog.exec())

    def show_error(self, error: BaseException) -> None:
        from ui.errors import show_error

        show_error(self, error)

    def refusal_reason(self, action: str) -> str | None:
        if self.ctx.can(action):
            return None
        return self.tr("Your role (%s) may not do this.") % self.ctx.actor.role

    def guard(self, button: QPushButton, action: str) -> None:
        """Disable what the role may not do, and say why on hover."""
        reason = self.refusal_reason(action)
        button.setEnabled(reason is None)
        if reason:
            button.setToolTip(reason)


class TablePage(Page):
    """A filter bar, a paged table and a detail pane."""

    settings_key = "table"

    def __init__(self, ctx: UiContext, model: PagedQueryModel, parent=None, search_placeholder: str = ""):
        super().__init__(ctx, parent)
        self._selection_ready = False
        self.model = model
        self.search = QLineEdit(self)
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(self.search.fontMetrics().averageCharWidth() * 14)  # the filters give way first
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
        self.export_button = QPushButton(self.tr("Export CSV…"), self)
        self.export_button.clicked.connect(self.on_export_clicked)
        self.actions_bar = QHBoxLayout()

        self.table = QTableView(self)
        self.table.setModel(model)
        # The header shows the model's own first order; enabling sorting then asks for exactly that.
        self.table.horizontalHeader().setSortIndicator(model.sort_column, model.sort_order)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSortIndicatorShown(True)
        self.table.setWordWrap(False)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)

        self.detail = QTextBrowser(self)
        self.detail.setObjectName("detail")
        self.detail.setOpenLinks(False)
        self.detail_container = QWidget(self)
        detail_layout = QVBoxLayout(self.detail_container)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addLayout(self.actions_bar)
        detail_layout.addWidget(self.detail, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.detail_container)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)

        top = QHBoxLayout()
        top.addLayout(self.filter_bar, 1)
        top.addWidget(self.count_label)
        top.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)

        self._fit_columns = not isinstance(self.ctx.qsettings.value(f"{self.settings_key}/header"), QByteArray)
        model.rowsInserted.connect(self._on_first_rows)
        model.count_changed.connect(self._on_count)
        model.load_failed.connect(self.show_error)
        model.modelReset.connect(self._on_selection_changed)
        self._loaded_once = False
        self._restore_layout()

    # --- filters ------------------------------------------------------------------------

    def add_filter(self, label: str, choices: list[tuple[str, Any]], key: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(f"filter_{key}")
        for text, value in choices:
            combo.addItem(text, value)
        # As wide as its longest choice when there is room; narrower (the list still shows it all) on a small screen.
        combo.setMinimumWidth(combo.fontMetrics().averageCharWidth() * 6 + 32)
        combo.currentIndexChanged.connect(lambda _i: self.model.set_filters(**{key: combo.currentData()}))
        caption = QLabel(label, self)
        self.filter_bar.addWidget(caption)
        self.filter_bar.addWidget(combo)
        return combo

    @Slot()
    def on_search_settled(self) -> None:
        self.model.set_filters(search=self.search.text().strip())

    def on_shown(self) -> None:
        self._selection_ready = True
        if not self._loaded_once:
            self._loaded_once = True
            self.model.reload()

    def refresh(self, keep_selection: bool = True) -> None:
        selected = self.current_record()
        self.model.reload()
        if keep_selection and selected is not None:
            self.select_id(selected.get("id"))

    def _reselect_when_loaded(self, wanted) -> None:
        def try_select(*_args):
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

    def _on_selection_changed(self, *_args) -> None:
        if not self._selection_ready:  # a restored sort can reset the model before the subclass has its widgets
            return
        records = self.selected_records()
        self.on_selection(records)

    def on_selection(self, records: list[dict]) -> None:
        """Subclasses fill the detail pane and enable actions."""

    def select_id(self, record_id) -> None:
        row = self.model.row_of_id(record_id)
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))
        else:
            self._reselect_when_loaded(record_id)

    def _on_first_rows(self, *_args) -> None:
        """Size columns to their content once, unless the operator's own layout was restored."""
        if not self._fit_columns:
            return
        self._fit_columns = False
        header = self.table.horizontalHeader()
        self.table.resizeColumnsToContents()
        for column in range(self.model.columnCount() - 1):
            header.resizeSection(column, min(header.sectionSize(column) + 12, 320))

    def _on_count(self, total: int) -> None:
        # TablePage.tr, not self.tr: PySide6 looks a plural up in the subclass's context first and takes the
        # untranslated text it gets back there as the answer.
        self.count_label.setText(TablePage.tr("%n row(s)", "", total))

    # --- export -------------------------------------------------------------------------

    @Slot()
    def on_export_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export to CSV"), f"{self.settings_key}.csv",
                                              self.tr("CSV files (*.csv)"))
        if path:
            self.export_to(path)

    def export_to(self, path: str) -> None:
        self.model.export_csv(path, lambda n: self.status_message.emit(TablePage.tr("Exported %n row(s)", "", n)),
                              self.show_error)

    # --- layout memory ------------------------------------------------------------------

    def _restore_layout(self) -> None:
        settings = self.ctx.qsettings
        header = settings.value(f"{self.settings_key}/header")
        if isinstance(header, QByteArray):
            self.table.horizontalHeader().restoreState(header)
        split = settings.value(f"{self.settings_key}/splitter")
        if isinstance(split, QByteArray):
            self.splitter.restoreState(split)

    def save_state(self) -> None:
        self.ctx.qsettings.setValue(f"{self.settings_key}/header", self.table.horizontalHeader().saveState())
        self.ctx.qsettings.setValue(f"{self.settings_key}/splitter", self.splitter.saveState())


def problem_style() -> str:
    """Red that reads on either theme: the light theme's dark red is too dim on the dark one."""
    app = QApplication.instance()
    dark = app is not None and bool(app.property("darkTheme"))
    return "color: #ff8a80;" if dark else "color: #c62828;"


class ConfirmDialog(QDialog):
    """Names what will change, asks for a reason when one is required."""

    def __init__(self, parent, title: str, summary: str, *, reason_required: bool = True,
                 fields: list[tuple[str, QWidget]] | None = None, confirm_text: str | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setObjectName("confirmDialog")
        self.reason_required = reason_required
        self.summary = QLabel(summary, self)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)  # it names customers, plans and amounts as stored
        self.summary.setWordWrap(True)
        self.summary.setObjectName("summary")
        self.form = QFormLayout()
        for label, widget in fields or []:
            self.form.addRow(label, widget)
        self.reason = QPlainTextEdit(self)
        self.reason.setObjectName("reason")
        self.reason.setPlaceholderText(ConfirmDialog.tr("Why? (kept in the audit log)"))
        self.reason.setFixedHeight(64)
        self.form.addRow(ConfirmDialog.tr("Reason") + (" *" if reason_required else ""), self.reason)
        self.error = QLabel(self)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setObjectName("formError")
        self.error.setStyleSheet(problem_style())
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        if confirm_text:
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(confirm_text)
        self.buttons.accepted.connect(self.on_accept_clicked)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.validator: Callable[[], None] | None = None
        self.setMinimumWidth(420)

    def reason_text(self) -> str:
        return self.reason.toPlainText().strip()

    def grow_to_fit(self) -> None:
        """Taller when wrapped text in it grew: a window does not follow its layout's height for its width."""
        layout = self.layout()
        if layout.hasHeightForWidth():
            needed = layout.totalHeightForWidth(self.width())
            if needed > self.height():
                self.resize(self.width(), needed)

    def show_problem(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def input_is_valid(self) -> bool:
        if self.reason_required and not self.reason_text():
            self.show_problem(ConfirmDialog.tr("Please give a reason."))
            return False
        if self.validator is not None:
            try:
                self.validator()
            except Exception as error:  # noqa: BLE001 - shown in the form
                self.show_problem(describe(error))
                return False
        return True

    @Slot()
    def on_accept_clicked(self) -> None:
        if self.input_is_valid():
            self.proceed()

    def proceed(self) -> None:
        self.accept()


class MoneyDialog(ConfirmDialog):
    """A confirmation that moves money: one idempotency key for as long as it is open.

    OK hands the request to ``submitter`` (see ``Page.submit_money``) and the dialog waits,
    with OK disabled, for the answer: it closes on success and shows a refusal in the form.
    A second click, or a resubmit after an error, carries the same key, so the service
    replays the first request instead of moving the money again.
    """

    def __init__(self, parent, title: str, summary: str, *, busy_text: str = "", **kwargs):
        super().__init__(parent, title, summary, **kwargs)
        self.idempotency_key = uuid.uuid4().hex
        self.submitter: Callable[[], None] | None = None
        self.busy_text = busy_text or MoneyDialog.tr("Working…")
        self.busy = False

    def proceed(self) -> None:
        if self.busy:
            return
        if self.submitter is None:
            self.accept()
            return
        self._set_busy(True)
        self.submitter()

    def submit_finished(self) -> None:
        self._set_busy(False)
        self.error.hide()
        self.accept()

    def submit_failed(self, error: BaseException) -> None:
        self._set_busy(False)
        self.error.setStyleSheet(problem_style())
        self.show_problem(describe(error))

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.buttons.setEnabled(not busy)
        if busy:
            self.error.setStyleSheet("")
            self.show_problem(self.busy_text)

    def reject(self) -> None:
        if not self.busy:  # the answer is on its way; closing now would hide whether money moved
            super().reject()
