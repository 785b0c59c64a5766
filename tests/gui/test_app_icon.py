"""One icon, drawn from the shipped file: the window's, the tray's (with its unread badge) and the menu entry's."""

from __future__ import annotations

from PySide6.QtGui import QColor

from ui.app import identify_application
from ui.tray import ICON_SIZES, app_icon, badge_icon, icon_pixmap

BLUE = QColor("#1565c0")
RED = QColor("#d32f2f")


def close_to(found: QColor, expected: QColor) -> bool:
    return (
        max(
            abs(found.red() - expected.red()),
            abs(found.green() - expected.green()),
            abs(found.blue() - expected.blue()),
        )
        <= 8
        and found.alpha() == 255
    )


def test_icon_is_the_blue_square_of_the_shipped_drawing(qapp):
    image = icon_pixmap(64).toImage()
    assert image.pixelColor(0, 0).alpha() == 0  # the rounded corner leaves the edge clear
    assert close_to(image.pixelColor(10, 32), BLUE)
    assert close_to(image.pixelColor(32, 10), BLUE)
    whites = sum(close_to(image.pixelColor(x, 32), QColor("white")) for x in range(64))
    assert whites >= 3, "the white S crosses the middle row"


def test_app_icon_is_sharp_at_every_size(qapp):
    icon = app_icon()
    assert sorted(size.width() for size in icon.availableSizes()) == sorted(ICON_SIZES)
    for size in ICON_SIZES:
        pixmap = icon.pixmap(size)
        assert (pixmap.width(), pixmap.height()) == (size, size)


def test_badge_is_drawn_over_the_app_icon(qapp):
    plain = badge_icon(0).pixmap(64).toImage()
    assert plain == icon_pixmap(64).toImage()
    badged = badge_icon(7).pixmap(64).toImage()
    badge = int(64 * 0.55)
    assert close_to(badged.pixelColor(64 - badge // 6, badge // 2), RED)
    assert close_to(badged.pixelColor(10, 50), BLUE)  # the rest of the icon is untouched


def test_application_shows_the_icon_and_names_its_desktop_entry(qapp):
    before = (qapp.applicationName(), qapp.organizationName(), qapp.desktopFileName(), qapp.windowIcon())
    try:
        identify_application(qapp)
        assert not qapp.windowIcon().isNull()
        assert qapp.windowIcon().availableSizes() == app_icon().availableSizes()
        assert qapp.desktopFileName() == "subscriptions-admin"
    finally:
        name, organization, desktop_file, icon = before
        qapp.setApplicationName(name)
        qapp.setOrganizationName(organization)
        qapp.setDesktopFileName(desktop_file)
        qapp.setWindowIcon(icon)
