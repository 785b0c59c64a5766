"""The dialogs an action opens: confirm what will change, with a reason for the audit log, and move
money under one idempotency key."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ui.errors import describe


def problem_style() -> str:
    """Red that reads on either theme: the light theme's dark red is too dim on the dark one."""
    app = QApplication.instance()
    dark = app is not None and bool(app.property("darkTheme"))
    return "color: #ff8a80;" if dark else "color: #c62828;"


class ConfirmDialog(QDialog):
    """Names what will change, asks for a reason when one is required."""

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        summary: str,
        *,
        reason_required: bool = True,
        fields: list[tuple[str, QWidget]] | None = None,
        confirm_text: str | None = None,
    ):
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
        self.reason.setPlaceholderText(QCoreApplication.translate("ConfirmDialog", "Why? (kept in the audit log)"))
        self.reason.setFixedHeight(64)
        self.form.addRow(
            QCoreApplication.translate("ConfirmDialog", "Reason") + (" *" if reason_required else ""), self.reason
        )
        self.error = QLabel(self)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setObjectName("formError")
        self.error.setStyleSheet(problem_style())
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        if confirm_text:
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(confirm_text)
        self.buttons.accepted.connect(self.on_accept_clicked)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.validator: Callable[[], object] | None = None  # raises when the input will not do
        # With a submitter OK sends the form and the dialog waits for the answer: it closes on
        # success, and a refusal shows in the form with everything typed still there.
        self.submitter: Callable[[], None] | None = None
        self.busy_text = QCoreApplication.translate("MoneyDialog", "Working…")
        self.busy = False
        self._focused = False
        self.setMinimumWidth(420)

    def first_field(self) -> QWidget:
        """Where typing starts: the first field of the form (the reason when there is no other)."""
        for row in range(self.form.rowCount()):
            item = self.form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            widget = item.widget() if item is not None else None
            if widget is not None and widget.isEnabled() and widget.focusPolicy() != Qt.FocusPolicy.NoFocus:
                return widget
        return self.reason

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if not self._focused:
            self._focused = True
            self.first_field().setFocus(Qt.FocusReason.OtherFocusReason)

    def reason_text(self) -> str:
        return self.reason.toPlainText().strip()

    def grow_to_fit(self) -> None:
        """Taller when wrapped text in it grew: a window does not follow its layout's height for its width."""
        layout = self.layout()
        if layout is not None and layout.hasHeightForWidth():
            needed = layout.totalHeightForWidth(self.width())
            if needed > self.height():
                self.resize(self.width(), needed)

    def show_problem(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def input_is_valid(self) -> bool:
        if self.reason_required and not self.reason_text():
            self.show_problem(QCoreApplication.translate("ConfirmDialog", "Please give a reason."))
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
        """The service refused: say why in the form, keep what was typed, let the operator fix it."""
        self._set_busy(False)
        self.error.setStyleSheet(problem_style())
        self.show_problem(describe(error))
        self.grow_to_fit()

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.buttons.setEnabled(not busy)
        if busy:
            self.error.setStyleSheet("")
            self.show_problem(self.busy_text)

    def reject(self) -> None:
        if not self.busy:  # the answer is on its way; closing now would hide whether it was done
            super().reject()


class MoneyDialog(ConfirmDialog):
    """A confirmation that moves money: one idempotency key for as long as it is open.

    OK hands the request to ``submitter`` (see ``Page.submit_money``) and the dialog waits,
    with OK disabled, for the answer: it closes on success and shows a refusal in the form.
    A second click, or a resubmit after an error, carries the same key, so the service
    replays the first request instead of moving the money again.
    """

    def __init__(self, parent: QWidget | None, title: str, summary: str, *, busy_text: str = "", **kwargs: Any):
        super().__init__(parent, title, summary, **kwargs)
        self.idempotency_key = uuid.uuid4().hex
        if busy_text:
            self.busy_text = busy_text
