"""Ctrl+K: find a customer by name, email or id (and a subscription or error item by id)."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout

from services.lookup import Found, find_subjects
from ui.context import UiContext


def match_text(found: Found) -> str:
    """How a match reads in the list: a customer by name and email, anything else as whose it is."""
    translate = QCoreApplication.translate
    if found.customer is not None:
        c = found.customer
        return f"{c.name} <{c.email}> · " + translate("GlobalSearchDialog", "customer #%d") % c.id
    if found.subject_type == "subscription":
        text = translate("GlobalSearchDialog", "Subscription #%d") % found.subject_id
    else:
        text = translate("GlobalSearchDialog", "Error item #%d") % found.subject_id
    return f"{text} · {found.owner.name}" if found.owner is not None else text


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
        self._shown_for: str | None = None  # the text the listed matches were found for
        self._choose_first = False  # Enter came before the matches: take the first when they arrive

    @Slot()
    def on_query_settled(self) -> None:
        text = self.query.text().strip()
        self._generation += 1
        if len(text) < 2 and not re.fullmatch(r"[0-9]", text):
            self.results.clear()
            self._shown_for, self._choose_first = text, False
            return
        generation = self._generation
        customers = self.ctx.core.customers
        self.ctx.runner.run(lambda: find_subjects(customers, text), lambda rows: self._show(generation, text, rows))

    def _show(self, generation: int, text: str, rows: list[Found]) -> None:
        if generation != self._generation:
            return
        self._shown_for = text
        self.results.clear()
        for found in rows:
            item = QListWidgetItem(match_text(found))
            item.setData(Qt.ItemDataRole.UserRole, (found.subject_type, found.subject_id))
            self.results.addItem(item)
        self.hint.setText(self.tr("%n match(es)", "", len(rows)) if rows else self.tr("Nothing found."))
        if not rows:
            self._choose_first = False
        else:
            self.results.setCurrentRow(0)
            if self._choose_first:
                self._choose_first = False
                self.on_return_pressed()

    @Slot()
    def on_return_pressed(self) -> None:
        """Enter opens the current match; typed faster than the search settles, the first match of the text
        as typed, as soon as it is found."""
        if self._timer.isActive() or self._shown_for != self.query.text().strip():
            self._timer.stop()
            self._choose_first = True
            self.on_query_settled()
            return
        item = self.results.currentItem()
        if item is not None:
            self.on_item_activated(item)

    @Slot(QListWidgetItem)
    def on_item_activated(self, item: QListWidgetItem) -> None:
        subject_type, subject_id = item.data(Qt.ItemDataRole.UserRole)
        self.subject_chosen.emit(subject_type, subject_id)
        self.accept()
