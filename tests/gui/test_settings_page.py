import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.errors import NoKeyringError
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QLineEdit, QPlainTextEdit, QTextEdit, QWidget

from models.tables import AuditEntry, Setting
from ui.pages.settings_page import SettingsPage

NEW_KEY = "sk_test_rotated_4c1f9e"


class NoKeyring(KeyringBackend):
    """What keyring falls back to on a machine without one: every call raises."""

    priority = 1

    def get_password(self, service, username):
        raise NoKeyringError("No recommended backend was available.")

    def set_password(self, service, username, password):
        raise NoKeyringError("No recommended backend was available.")

    def delete_password(self, service, username):
        raise NoKeyringError("No recommended backend was available.")


def all_texts(root: QWidget) -> str:
    texts = []
    for widget in [root, *root.findChildren(QWidget)]:
        if isinstance(widget, QLabel | QLineEdit | QAbstractButton):
            texts.append(widget.text())
        elif isinstance(widget, QPlainTextEdit | QTextEdit):
            texts.append(widget.toPlainText())
        texts.append(widget.toolTip())
    return "\n".join(texts)


def field(page, name: str) -> QLineEdit:
    return page.form.widgets[name]


def test_opens_with_the_stored_settings(make_page):
    env = make_page(SettingsPage)
    page = env.page
    assert field(page, "renewal_time").text() == "02:00"
    assert field(page, "alert_threshold").text() == "25"
    assert page.key_status.text() == "A key is set."
    assert not page.keyring_note.isVisibleTo(page)
    assert "sk_test_gui" not in all_texts(page)


def test_saving_a_key_puts_it_in_the_keyring_and_nowhere_on_screen(make_page, answer_dialogs, memory_keyring):
    env = make_page(SettingsPage)
    page = env.page
    shown = answer_dialogs(lambda d: d.reason.setPlainText("quarterly rotation"))
    page.key_edit.setText(NEW_KEY)
    page.key_save_button.click()
    assert keyring.get_password("subscriptions-admin", "gateway_api_key") == NEW_KEY
    assert "system keyring" in page.key_message.text() and page.key_message.isVisibleTo(page)
    assert page.key_edit.text() == ""
    assert NEW_KEY not in all_texts(page) and NEW_KEY not in shown[0].summary.text()
    audit = AuditEntry.get(AuditEntry.action == "secret.set")
    assert audit.reason == "quarterly rotation"
    assert NEW_KEY not in f"{audit.before}{audit.after}{audit.target_id}"
    assert page.key_save_button.isEnabled()


def test_without_a_keyring_the_key_is_kept_for_this_session_only(make_page, answer_dialogs):
    keyring.set_keyring(NoKeyring())  # before the core exists: the secret store probes once
    env = make_page(SettingsPage)
    page = env.page
    assert page.keyring_note.isVisibleTo(page) and "this session only" in page.keyring_note.text()
    assert "NoKeyringError" not in page.keyring_note.text()  # the code stays on hover
    assert "NoKeyringError" in page.keyring_note.toolTip()
    answer_dialogs()
    page.key_edit.setText(NEW_KEY)
    page.on_save_key_clicked()
    assert "this session only" in page.key_message.text()
    assert env.core.secrets.get("gateway_api_key") == NEW_KEY
    assert NEW_KEY not in all_texts(page)


@pytest.mark.parametrize(
    "name, text, expected",
    [
        ("renewal_time", "25:00", "not a time of day"),
        ("reminder_days", "-1", "outside 0–60"),
        ("alert_threshold", "abc", "not a whole number"),
        ("retry_every_minutes", "", "a value is needed"),
    ],
)
def test_bad_values_are_refused_in_the_form(make_page, answer_dialogs, name, text, expected):
    env = make_page(SettingsPage)
    page = env.page
    shown = answer_dialogs()
    before = {(row.key, row.value) for row in Setting.select()}
    field(page, "reminder_days").setText("7")  # a good change alongside does not slip through
    field(page, name).setText(text)
    page.save_button.click()
    assert page.form.error.isVisibleTo(page) and expected in page.form.error.text()
    assert shown == []
    assert {(row.key, row.value) for row in Setting.select()} == before


def test_good_values_are_saved_with_a_summary_and_audited(make_page, answer_dialogs):
    env = make_page(SettingsPage)
    page = env.page
    shown = answer_dialogs(lambda d: d.reason.setPlainText("renew after the nightly backup"))
    field(page, "renewal_time").setText("03:30")
    field(page, "reminder_days").setText(" 5 ")
    page.save_button.click()
    summary = shown[0].summary.text()
    assert "02:00 → 03:30" in summary and "3 → 5" in summary and "alert" not in summary.lower()
    assert env.core.settings.get("renewal_time") == "03:30" and env.core.settings.get("reminder_days") == 5
    audit = AuditEntry.get(AuditEntry.action == "settings.edit")
    assert audit.actor == "admin" and audit.reason == "renew after the nightly backup"
    assert field(page, "reminder_days").text() == "5" and not page.form.is_dirty()


def test_a_viewer_cannot_save_anything(make_page, answer_dialogs, memory_keyring):
    env = make_page(SettingsPage, role="viewer")
    page = env.page
    assert not page.save_button.isEnabled() and "viewer" in page.save_button.toolTip()
    assert not page.key_save_button.isEnabled() and "viewer" in page.key_save_button.toolTip()
    assert field(page, "renewal_time").isReadOnly() and page.key_edit.isReadOnly()
    assert page.role_notice.isVisibleTo(page) and "viewer" in page.role_notice.text()
    shown = answer_dialogs()
    field(page, "renewal_time").setText("04:00")
    page.on_save_settings_clicked()
    assert "viewer" in page.form.error.text()
    page.key_edit.setText(NEW_KEY)
    page.on_save_key_clicked()
    assert "viewer" in page.key_message.text()
    assert shown == []
    assert env.core.settings.get("renewal_time") == "02:00"
    assert keyring.get_password("subscriptions-admin", "gateway_api_key") == "sk_test_gui"


@pytest.mark.parametrize(
    "key, expected",
    [("", "Enter the new key"), ("sk_test_ with space", "one word"), ("live_abc123", "start with sk_test_")],
)
def test_bad_keys_are_refused_before_anything_is_stored(make_page, answer_dialogs, key, expected):
    env = make_page(SettingsPage)
    shown = answer_dialogs()
    env.page.key_edit.setText(key)
    env.page.on_save_key_clicked()
    assert expected in env.page.key_message.text()
    assert shown == []
    assert keyring.get_password("subscriptions-admin", "gateway_api_key") == "sk_test_gui"


@pytest.fixture
def restore_theme():
    app = QApplication.instance()
    style, palette, dark = app.style().name(), app.palette(), app.property("darkTheme")
    yield app
    app.setStyle(style)
    app.setPalette(palette)
    app.setProperty("darkTheme", dark)


def test_desktop_preferences_live_in_qsettings(make_page, restore_theme):
    env = make_page(SettingsPage, role="viewer")  # a preference of this desk, open to every role
    page = env.page
    assert page.language_combo.currentData() == "en"
    page.language_combo.setCurrentIndex(page.language_combo.findData("ru"))
    assert env.ctx.qsettings.value("ui/language") == "ru"
    assert "restart" in page.language_note.text() and page.language_note.isVisibleTo(page)
    page.theme_combo.setCurrentIndex(page.theme_combo.findData("dark"))
    assert env.ctx.qsettings.value("ui/theme") == "dark"
    assert restore_theme.property("darkTheme") is True
    page.theme_combo.setCurrentIndex(page.theme_combo.findData("light"))
    assert restore_theme.property("darkTheme") is False
    assert Setting.select().where(Setting.key.startswith("ui")).count() == 0


def test_without_a_keyring_the_russian_desk_says_so_in_russian(make_page):
    from PySide6.QtWidgets import QApplication

    from ui.language import install_translator

    keyring.set_keyring(NoKeyring())
    app = QApplication.instance()
    translators = install_translator(app, "ru")
    try:
        page = make_page(SettingsPage).page
        text = page.keyring_note.text()
    finally:
        for translator in translators:
            app.removeTranslator(translator)
    assert text and not any("a" <= letter.lower() <= "z" for letter in text), text
