"""Every page answers to a keyboard jump: Alt+1 … Alt+9 and Alt+0 for the tenth, Settings."""

from PySide6.QtCore import Qt


def test_alt_digits_reach_every_page_and_alt_0_reaches_settings(make_gui, qtbot):
    gui = make_gui("admin", customers=5)
    window = gui.window
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.AltModifier)
    assert type(window.stack.currentWidget()).__name__ == "SettingsPage"
    assert window.nav.currentItem().text() == "Settings"
    for digit in range(1, 10):
        qtbot.keyClick(window, Qt.Key.Key_0 + digit, Qt.KeyboardModifier.AltModifier)
        assert window.stack.currentWidget() is window.pages[digit - 1], digit
