"""The look: Fusion with a light or dark palette, following the desktop unless the operator chose."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory


def apply_theme(app: QApplication, choice: str) -> None:
    """'system' follows the desktop's light/dark setting; 'light'/'dark' override it."""
    dark = choice == "dark"
    if choice not in ("light", "dark"):
        dark = QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark
    if app.property("themeChoice") is None:  # the first time: follow the desktop when it switches
        QGuiApplication.styleHints().colorSchemeChanged.connect(lambda _scheme: _desktop_switched(app))
    app.setProperty("themeChoice", choice)
    app.setStyle(QStyleFactory.create("Fusion"))
    app.setProperty("darkTheme", dark)  # before the palette: charts read it on their palette change
    app.setPalette(dark_palette() if dark else app.style().standardPalette())
    repolish_style_sheets(app)


def _desktop_switched(app: QApplication) -> None:
    if app.property("themeChoice") not in ("light", "dark"):
        apply_theme(app, "system")


def repolish_style_sheets(app: QApplication) -> None:
    """Style sheets resolve palette(...) when a widget is polished, so a live switch would leave
    framed cards and hints in the old colours: set each sheet again, and it reads the new palette."""
    for widget in app.allWidgets():
        sheet = widget.styleSheet()
        if sheet:
            widget.setStyleSheet("")
            widget.setStyleSheet(sheet)


def dark_palette() -> QPalette:
    palette = QPalette()
    role, color = QPalette.ColorRole, QColor
    for r, c in (
        (role.Window, "#202225"),
        (role.WindowText, "#e8e8e8"),
        (role.Base, "#17181a"),
        (role.AlternateBase, "#24262a"),
        (role.ToolTipBase, "#2b2d31"),
        (role.ToolTipText, "#e8e8e8"),
        (role.Text, "#e8e8e8"),
        (role.Button, "#2b2d31"),
        (role.ButtonText, "#e8e8e8"),
        (role.BrightText, "#ff6e6e"),
        (role.Highlight, "#3d7bd9"),
        (role.HighlightedText, "#ffffff"),
        (role.Link, "#7aa7ff"),
        (role.PlaceholderText, "#8a8d93"),
    ):
        palette.setColor(r, color(c))
    palette.setColor(QPalette.ColorGroup.Disabled, role.Text, color("#6b6e73"))
    palette.setColor(QPalette.ColorGroup.Disabled, role.ButtonText, color("#6b6e73"))
    return palette
