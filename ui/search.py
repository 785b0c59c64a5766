"""Ctrl+K: find a customer by name, email or id (and a subscription or error item by id)."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout

from services.lookup import Found, find_subjects
from ui.context import UiContext
from ui.pages.words import subject_type_text


def match_text(found: Found) -> str:
    """How a match reads in the list."""
    if found.customer is not None:
        c = found.customer
        return f"{c.name} <{c.email}> · {subject_type_text('customer')} #{c.id}"
    if found.subject_type == "subscription":
        return QCoreApplication.translate("GlobalSearchDialog", "Subscription #%s") % found.subject_id
    return QCoreApplication.translate("GlobalSearchDialog", "Error item #%s") % found.subject_id


class GlobalSearchDialog(QDialog):
    subject_chosen = Signal(str, int)

    def __init__(self, ctx: UiContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("globalSearch")
        self.setWindowTitle(self.tr("Search"))
        self.setMinimumWidth(520)
        self.query = QLineEdit(self)
        self.query.setObjectName("globalSearchQuery")
        self.query.setPlaceholderText(self.tr("Name, email or id…"))
        self.results = QListWidget(self)
        self.results.setObjectName("globalSearchResults")
        self.hint = QLabel(self.tr("Type at least two characters, or an id."), self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.query)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.hint)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(200)
        self._timer.timeout.connect(self.on_query_settled)
        self.query.textChanged.connect(lambda _t: self._timer.start())
        self.query.returnPressed.connect(self.on_return_pressed)
        self.results.itemActivated.connect(self.on_item_activated)
        self._generation = 0

    @Slot()
    def on_query_settled(self) -> None:
        text = self.query.text().strip()
        self._generation += 1
        if len(text) < 2 and not re.fullmatch(r"[0-9]", text):
            self.results.clear()
            return
        generation = self._generation
        customers = self.ctx.core.customers
        self.ctx.runner.run(lambda: find_subjects(customers, text), lambda rows: self._show(generation, rows))

    def _show(self, generation: int, rows: list[Found]) -> None:
        if generation != self._generation:
            return
        self.results.clear()
        for found in rows:
            item = QListWidgetItem(match_text(found))
            item.setData(Qt.ItemDataRole.UserRole, (found.subject_type, found.subject_id))
            self.results.addItem(item)
        self.hint.setText(self.tr("%n match(es)", "", len(rows)) if rows else self.tr("Nothing found."))
        if rows:
            self.results.setCurrentRow(0)

    @Slot()
    def on_return_pressed(self) -> None:
        item = self.results.currentItem()
        if item is not None:
            self.on_item_activated(item)

    @Slot(QListWidgetItem)
    def on_item_activated(self, item: QListWidgetItem) -> None:
        subject_type, subject_id = item.data(Qt.ItemDataRole.UserRole)
        self.subject_chosen.emit(subject_type, subject_id)
        self.accept()
