"""The main window: navigation, pages, status bar and global search."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import TypeVar

from PySide6.QtCore import QByteArray, QSize, Qt, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QStackedWidget,
    QToolButton,
    QWidget,
)

from ui.context import UiContext
from ui.errors import show_error
from ui.pages.base import Page
from ui.pages.invoices import RenewalPassDialog
from ui.pages.words import job_name_text, role_text
from ui.search import GlobalSearchDialog

log = logging.getLogger(__name__)
SomePage = TypeVar("SomePage", bound=Page)


class MainWindow(QMainWindow):
    """The navigation beside the pages.

    ``pages`` are pages, or page classes: the page of a class is made the first time it is
    wanted (shown, looked up, asked to open a subject), so the window opens with only the page
    it shows first.
    """

    sign_out_requested = Signal()  # the operator chose "Sign out"; the desk closes this window
    signed_out_everywhere = Signal()  # the operator's remembered sign-ins were all revoked; the desk signs out
    page_made = Signal(object)  # a page made when it was first wanted

    def __init__(self, ctx: UiContext, pages: Sequence[Page | type[Page]], parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("Subscriptions Admin") + (self.tr(" — demo") if ctx.demo else ""))
        self._entries: list[Page | type[Page]] = list(pages)
        self.nav = QListWidget(self)
        self.nav.setObjectName("navigation")
        self.nav.setIconSize(QSize(18, 18))
        self.nav.setFixedWidth(190)
        self.nav.setFrameShape(QListWidget.Shape.NoFrame)
        self.nav.setSpacing(2)
        self.stack = QStackedWidget(self)
        for index, entry in enumerate(self._entries):
            kind = entry if isinstance(entry, type) else type(entry)
            title = entry.page_title() if isinstance(entry, type) else entry.title
            item = QListWidgetItem(self.style().standardIcon(kind.icon), title)
            item.setData(Qt.ItemDataRole.UserRole, index)
            self.nav.addItem(item)
            if isinstance(entry, Page):
                self.stack.addWidget(entry)
                entry.status_message.connect(self.show_status)
            else:
                self.stack.addWidget(QWidget(self.stack))  # holds the place of the page until it is made
        self.nav.currentRowChanged.connect(self.on_nav_row_changed)
        central = QWidget(self)
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.scheduler_label = QLabel(self)
        self.scheduler_label.setObjectName("schedulerStatus")
        self.gateway_label = QLabel(self)
        self.gateway_label.setObjectName("gatewayStatus")
        self.unread_label = QLabel(self)
        self.unread_label.setObjectName("unreadStatus")
        self.operator_button = self._operator_menu_button()
        for label in (self.scheduler_label, self.gateway_label, self.unread_label, self.operator_button):
            self.statusBar().addPermanentWidget(label)
        ctx.bridge.unread_count_changed.connect(self.on_unread_count_changed)
        ctx.bridge.scheduler_event_happened.connect(self.on_scheduler_event)

        search = QAction(self.tr("Search…"), self)
        search.setShortcut(QKeySequence("Ctrl+K"))
        search.triggered.connect(self.on_search_triggered)
        self.addAction(search)
        for index in range(min(len(pages), 10)):  # Alt+1 … Alt+9, then Alt+0 for the tenth page
            jump = QAction(self)
            jump.setShortcut(QKeySequence(f"Alt+{(index + 1) % 10}"))
            jump.triggered.connect(lambda _checked=False, i=index: self.nav.setCurrentRow(i))
            self.addAction(jump)
        refresh = QAction(self)
        refresh.setShortcut(QKeySequence.StandardKey.Refresh)
        refresh.triggered.connect(self.on_refresh_triggered)
        self.addAction(refresh)
        self._restore_geometry()
        self.nav.setCurrentRow(0)

    # --- navigation --------------------------------------------------------------------

    @property
    def pages(self) -> list[Page]:
        """Every page, each made now if it was not yet."""
        return [self._page(index) for index in range(len(self._entries))]

    def _kind(self, index: int) -> type[Page]:
        entry = self._entries[index]
        return entry if isinstance(entry, type) else type(entry)

    def _page(self, index: int) -> Page:
        """The page at ``index``, made now if it was not yet."""
        entry = self._entries[index]
        if isinstance(entry, Page):
            return entry
        page = entry(self.ctx)
        self._entries[index] = page
        placeholder = self.stack.widget(index)
        current = self.stack.currentIndex()
        self.stack.insertWidget(index, page)
        if placeholder is not None:
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
        self.stack.setCurrentIndex(current)
        page.status_message.connect(self.show_status)
        self.page_made.emit(page)
        return page

    @Slot(int)
    def on_nav_row_changed(self, row: int) -> None:
        if 0 <= row < len(self._entries):
            page = self._page(row)
            self.stack.setCurrentIndex(row)
            page.on_shown()

    def show_page(self, page_type: type) -> Page | None:
        for index in range(len(self._entries)):
            if issubclass(self._kind(index), page_type):
                self.nav.setCurrentRow(index)
                return self._page(index)
        return None

    def page_named(self, class_name: str) -> Page | None:
        index = next((i for i in range(len(self._entries)) if self._kind(i).__name__ == class_name), None)
        return None if index is None else self._page(index)

    def page_of(self, page_type: type[SomePage]) -> SomePage | None:
        """The page of this type, typed as such for the code that calls its own methods."""
        for index in range(len(self._entries)):
            if issubclass(self._kind(index), page_type):
                page = self._page(index)
                assert isinstance(page, page_type)
                return page
        return None

    def made_pages(self) -> list[Page]:
        """The pages made so far."""
        return [entry for entry in self._entries if isinstance(entry, Page)]

    def holds(self, page_type: type[Page]) -> bool:
        """Whether one of the pages is of this type (made or not yet)."""
        return any(issubclass(self._kind(index), page_type) for index in range(len(self._entries)))

    def open_subject(self, subject_type: str | None, subject_id: int | None) -> None:
        """Bring up whatever page shows this subject and select it.

        A renewal pass (named by the first invoice it issued) is no row of any page: its
        invoices open in a dialog over the current page.
        """
        if not subject_type or subject_id is None:
            return
        if subject_type == "renewal_pass":
            dialog = RenewalPassDialog(self.ctx, subject_id, self)
            dialog.open()
            self.raise_()
            self.activateWindow()
            return
        for index, page in enumerate(self.pages):
            if page.open_subject(subject_type, subject_id):
                self.nav.setCurrentRow(index)
                self.raise_()
                self.activateWindow()
                return

    @Slot()
    def on_search_triggered(self) -> None:
        dialog = GlobalSearchDialog(self.ctx, self)
        dialog.subject_chosen.connect(self.open_subject)
        dialog.open()

    @Slot()
    def on_refresh_triggered(self) -> None:
        page = self.stack.currentWidget()
        if isinstance(page, Page):
            page.refresh()

    # --- the signed-in operator ----------------------------------------------------------

    def _operator_menu_button(self) -> QToolButton:
        """The operator's name in the status bar opens their menu: change password, sign out."""
        button = QToolButton(self)
        button.setObjectName("operatorMenuButton")
        button.setText(f"{self.ctx.actor.name} · {role_text(self.ctx.actor.role)} ▾")
        button.setToolTip(self.tr("Change your password or sign out"))
        button.setAutoRaise(True)
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(button)
        menu.setObjectName("operatorMenu")
        self.change_password_action = menu.addAction(self.tr("Change my password…"))
        self.change_password_action.triggered.connect(self.on_change_password_triggered)
        menu.addSeparator()
        self.sign_out_everywhere_action = menu.addAction(self.tr("Sign out everywhere…"))
        self.sign_out_everywhere_action.setToolTip(
            self.tr("Every computer that remembers you asks for your password at its next start")
        )
        self.sign_out_everywhere_action.triggered.connect(self.on_sign_out_everywhere_triggered)
        self.sign_out_action = menu.addAction(self.tr("Sign out"))
        self.sign_out_action.setShortcut(QKeySequence("Ctrl+Shift+Q"))
        self.sign_out_action.triggered.connect(self.sign_out_requested)
        self.addAction(self.sign_out_action)
        button.setMenu(menu)
        return button

    @Slot()
    def on_change_password_triggered(self) -> None:
        from ui.login import ChangePasswordDialog

        dialog = ChangePasswordDialog(self.ctx.core, self.ctx.runner, self.ctx.actor, self)
        dialog.accepted.connect(lambda: self.show_status(self.tr("Your password was changed.")))
        dialog.open()

    @Slot()
    def on_sign_out_everywhere_triggered(self) -> None:
        from ui.pages.dialogs import ConfirmDialog

        dialog = ConfirmDialog(
            self,
            self.tr("Sign out everywhere"),
            self.tr(
                'Every computer where you chose "Remember me" will ask for your password at its next start, '
                "and this desk signs out now."
            ),
            reason_required=False,
            confirm_text=self.tr("Sign out everywhere"),
        )
        if not dialog.exec():
            return
        core, actor = self.ctx.core, self.ctx.actor
        self.ctx.runner.run(
            lambda: core.sign_in_tokens.sign_out_everywhere(actor, reason=dialog.reason_text()),
            lambda _count: self.signed_out_everywhere.emit(),
            lambda error: show_error(self, error),
        )

    # --- status bar --------------------------------------------------------------------

    @Slot(str)
    def show_status(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    @Slot(int)
    def on_unread_count_changed(self, count: int) -> None:
        self.unread_label.setText(self.tr("%n unread", "", count))

    @Slot(object)
    def on_scheduler_event(self, event) -> None:
        if event.kind == "job_failed":
            self.scheduler_label.setText(self.tr("Scheduler: %s failed") % job_name_text(event.job))
        elif event.kind == "paused":
            self.scheduler_label.setText(self.tr("Scheduler: paused"))
        elif event.kind in ("job_finished", "resumed"):
            self.scheduler_label.setText(self.tr("Scheduler: running"))

    def set_scheduler_text(self, text: str) -> None:
        self.scheduler_label.setText(text)

    def set_gateway_state(self, state: str) -> None:
        texts = {
            "closed": self.tr("Gateway: healthy"),
            "open": self.tr("Gateway: OUTAGE"),
            "half_open": self.tr("Gateway: probing"),
        }
        self.gateway_label.setText(texts.get(state, state))
        self.gateway_label.setStyleSheet("color: #c62828; font-weight: bold;" if state == "open" else "")

    # --- state -------------------------------------------------------------------------

    def _restore_geometry(self) -> None:
        geometry = self.ctx.qsettings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        state = self.ctx.qsettings.value("window/state")
        if isinstance(state, QByteArray):
            self.restoreState(state)

    def save_state(self) -> None:
        self.ctx.qsettings.setValue("window/geometry", self.saveGeometry())
        self.ctx.qsettings.setValue("window/state", self.saveState())
        for page in self.made_pages():  # a page never made has nothing to keep
            page.save_state()
        self.ctx.qsettings.sync()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.save_state()
        super().closeEvent(event)
