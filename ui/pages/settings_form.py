"""A form over operator settings, checked with the same validators the settings service uses."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from services.errors import ValidationError
from services.settings import SETTINGS

ERROR_STYLE = "color: #c62828;"
BAD_FIELD_STYLE = "QLineEdit { border: 1px solid #c62828; }"
HINT_STYLE = "color: palette(placeholder-text);"
FIELD_WIDTH = 150


@dataclass(frozen=True)
class SettingField:
    name: str  # the key in services.settings.SETTINGS
    label: str
    hint: str = ""  # placeholder and tooltip
    boolean: bool = False
    choices: tuple[tuple[str, str], ...] = ()  # (shown text, stored value): a drop-down
    lines: bool = False  # several lines of text (an address)
    wide: bool = False  # a host name or an address: a wider field


FieldWidget = QLineEdit | QCheckBox | QComboBox | QPlainTextEdit


def display_value(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "on" if value else "off"
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, dict):  # written as the operator types it back (JSON); empty reads as nothing set
        return json.dumps(value, sort_keys=True, ensure_ascii=False) if value else ""
    return str(value)


class SettingsForm(QWidget):
    """Line edits (or check boxes) for settings; ``changes()`` validates and returns what differs."""

    def __init__(self, fields: list[SettingField], parent=None, cross_check: Callable[[dict], None] | None = None):
        super().__init__(parent)
        self.fields = fields
        self.cross_check = cross_check
        self.widgets: dict[str, FieldWidget] = {}
        self.loaded: dict = {}
        self.form = QFormLayout()
        for field in fields:
            widget: FieldWidget
            if field.boolean:
                widget = QCheckBox(self)
            elif field.choices:
                widget = combo = QComboBox(self)
                for text, value in field.choices:
                    combo.addItem(text, value)
                combo.setMinimumWidth(FIELD_WIDTH)
                combo.currentIndexChanged.connect(self._on_edited)
            elif field.lines:
                widget = box = QPlainTextEdit(self)
                box.setTabChangesFocus(True)
                box.setMaximumHeight(72)
                box.setMinimumWidth(FIELD_WIDTH * 2)
                box.textChanged.connect(self._on_text_changed)
            else:
                widget = line = QLineEdit(self)
                line.setMaximumWidth(FIELD_WIDTH * 2 if field.wide else FIELD_WIDTH)
                # long labels (Russian) must not squeeze the field; a host or an address needs room
                line.setMinimumWidth(FIELD_WIDTH * 3 // 2 if field.wide else FIELD_WIDTH * 2 // 3)
                line.textEdited.connect(self._on_edited)
            widget.setObjectName(field.name)
            self.widgets[field.name] = widget
            row = QHBoxLayout()
            row.addWidget(widget)
            if field.hint:
                widget.setToolTip(field.hint)
                hint = QLabel(field.hint, self)
                hint.setStyleSheet(HINT_STYLE)
                hint.setWordWrap(True)  # takes the rest of the row, and wraps rather than run past its edge
                row.addWidget(hint, 1)
            else:
                row.addStretch(1)
            self.form.addRow(field.label, row)
        self.error = QLabel(self)
        self.error.setObjectName("formError")
        self.error.setTextFormat(Qt.TextFormat.PlainText)  # a refusal may quote the value typed
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.form)
        layout.addWidget(self.error)

    # --- values ---------------------------------------------------------------------

    def load(self, values: dict) -> None:
        self.loaded = {field.name: values.get(field.name, SETTINGS[field.name][0]) for field in self.fields}
        for field in self.fields:
            widget, value = self.widgets[field.name], self.loaded[field.name]
            if isinstance(widget, QCheckBox):
                widget.setChecked(bool(value))
            elif isinstance(widget, QComboBox):
                widget.setCurrentIndex(max(0, widget.findData(value)))
            elif isinstance(widget, QPlainTextEdit):
                widget.setPlainText(display_value(value))
            else:
                widget.setText(display_value(value))
                widget.setStyleSheet("")
        self.clear_problem()

    def set_editable(self, editable: bool) -> None:
        for widget in self.widgets.values():
            if isinstance(widget, QCheckBox | QComboBox):
                widget.setEnabled(editable)
            else:
                widget.setReadOnly(not editable)

    def raw(self, name: str):
        widget = self.widgets[name]
        if isinstance(widget, QCheckBox):
            return widget.isChecked()
        if isinstance(widget, QComboBox):
            return widget.currentData()
        if isinstance(widget, QPlainTextEdit):
            return widget.toPlainText().strip()
        return widget.text().strip()

    def is_dirty(self) -> bool:
        return any(display_value(self.raw(f.name)) != display_value(self.loaded.get(f.name)) for f in self.fields)

    def values(self) -> dict:
        """Every field, validated; a ValidationError names the field and marks it."""
        clean: dict[str, object] = {}
        for field in self.fields:
            raw = self.raw(field.name)
            default, validator = SETTINGS[field.name]
            try:
                if raw == "" and default is None:
                    clean[field.name] = None
                elif raw == "" and isinstance(default, dict):
                    clean[field.name] = validator({})
                elif raw == "" and default != "":  # a setting that may be empty (no mail server yet) is left so
                    raise ValidationError(self.tr("a value is needed"))
                else:
                    clean[field.name] = validator(raw)
            except ValidationError as error:
                self._mark(field.name)
                raise ValidationError("{label}: {problem}", label=field.label, problem=error) from None
        if self.cross_check is not None:
            self.cross_check(clean)
        return clean

    def changes(self) -> dict:
        """The validated values that differ from what was loaded."""
        return {name: value for name, value in self.values().items() if value != self.loaded.get(name)}

    def describe_changes(self, changes: dict) -> list[str]:
        labels = {field.name: field.label for field in self.fields}

        def shown(value) -> str:
            return display_value(value).replace("\n", " / ") or "—"

        return [f"{labels[name]}: {shown(self.loaded.get(name))} → {shown(value)}" for name, value in changes.items()]

    # --- problems -------------------------------------------------------------------------

    def show_problem(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def clear_problem(self) -> None:
        self.error.clear()
        self.error.hide()
        for widget in self.widgets.values():
            if isinstance(widget, QLineEdit):
                widget.setStyleSheet("")

    def _mark(self, name: str) -> None:
        widget = self.widgets[name]
        if isinstance(widget, QLineEdit):
            widget.setStyleSheet(BAD_FIELD_STYLE)
            widget.setFocus()

    def _on_edited(self, _value: object) -> None:
        if self.error.isVisible():
            self.clear_problem()

    def _on_text_changed(self) -> None:
        self._on_edited(None)
