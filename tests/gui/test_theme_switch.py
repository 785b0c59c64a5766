"""A live switch between light and dark reaches every page: cards, charts and hints stay readable."""

from collections import Counter

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from ui.theme import apply_theme


def luminance(color: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF()) + 0.0722 * channel(color.blueF())


def contrast(a: QColor, b: QColor) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def on_screen(widget: QWidget) -> tuple[QColor, float]:
    """What a user sees of ``widget`` inside its page: the background colour (the commonest pixel)
    and the contrast of its most distinct pixel (the text) against it."""
    page = widget.window()
    image = page.grab(QRect(widget.mapTo(page, QPoint(0, 0)), widget.size())).toImage()
    pixels = [image.pixel(x, y) for x in range(image.width()) for y in range(image.height())]
    background = QColor.fromRgb(Counter(pixels).most_common(1)[0][0])
    best = max(contrast(QColor.fromRgb(p), background) for p in set(pixels))
    return background, best


@pytest.fixture
def restore_theme():
    app = QApplication.instance()
    palette, dark = QPalette(app.palette()), app.property("darkTheme")
    yield app
    app.setPalette(palette)
    app.setProperty("darkTheme", dark)


def test_dark_light_dark_keeps_dashboard_cards_and_a_settings_hint_readable(make_gui, qtbot, restore_theme):
    app = restore_theme
    gui = make_gui("admin", customers=10)
    dashboard = gui.page("DashboardPage")
    card = dashboard.cards["active"]
    qtbot.waitUntil(lambda: card.value_text != "—")
    settings = gui.window.page_named("SettingsPage")
    hint = next(label for label in settings.findChildren(QLabel) if "placeholder-text" in label.styleSheet())

    for theme in ("dark", "light", "dark"):
        apply_theme(app, theme)
        window_colour = app.palette().color(QPalette.ColorRole.Window)
        qtbot.waitUntil(lambda c=window_colour: gui.window.palette().color(QPalette.ColorRole.Window) == c)
        gui.page("DashboardPage")
        card_background = card.grab().toImage().pixelColor(card.width() // 2, 4)
        if theme == "dark":
            assert luminance(card_background) < 0.1, (theme, card_background.name())
        else:
            assert luminance(card_background) > 0.8, (theme, card_background.name())
        for label, least in ((card.value_label, 4.5), (card.caption_label, 3.0)):
            background, seen = on_screen(label)
            assert background == card_background, (theme, label.objectName(), background.name())
            assert seen >= least, (theme, label.objectName(), seen)
        chart_background = dashboard.status_chart.grab().toImage().pixelColor(2, 2)
        assert abs(luminance(chart_background) - luminance(card_background)) < 0.2, (theme, chart_background.name())

        gui.page("SettingsPage")
        background, seen = on_screen(hint)
        assert (luminance(background) < 0.1) == (theme == "dark"), (theme, background.name())
        assert seen >= 3.0, (theme, hint.text(), seen)
