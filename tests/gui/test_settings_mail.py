"""Settings' mail part: the server's fields, its password in the keyring, a test message to a real SMTP server,
and a preview of each notice."""

import keyring
import pytest

from models.tables import AuditEntry
from tests.gui.test_settings_page import all_texts
from tests.smtp_server import SmtpServer
from ui.pages.settings_page import SettingsPage

PASSWORD = "s3cret-mail-pass"


@pytest.fixture
def smtp():
    server = SmtpServer().start()
    yield server
    server.stop()


def plain_spaces(text: str) -> str:
    return text.replace("\u202f", " ").replace("\u00a0", " ")


def fill_server(page, smtp) -> None:
    form = page.mail.form
    form.widgets["business.name"].setText("Northwind Hosting")
    form.widgets["business.address"].setPlainText("12 Harbour Street\nBristol BS1 4QA")
    form.widgets["mail.host"].setText("127.0.0.1")
    form.widgets["mail.port"].setText(str(smtp.port))
    security = form.widgets["mail.security"]
    security.setCurrentIndex(security.findData("none"))
    form.widgets["mail.from"].setText("billing@northwind.example")


def test_the_admin_points_the_app_at_a_server_and_a_test_message_arrives(make_page, answer_dialogs, smtp):
    env = make_page(SettingsPage, customers=5)
    page = env.page
    shown = answer_dialogs(lambda d: d.reason.setPlainText("our mail provider"))
    fill_server(page, smtp)
    page.mail.test_address.setText("admin@northwind.example")
    page.mail.test_button.click()
    assert "Save the mail settings first" in page.mail.test_result.text() and smtp.messages == []

    page.mail.save_button.click()

    summary = shown[0].summary.text()
    assert "127.0.0.1" in summary and "12 Harbour Street / Bristol BS1 4QA" in summary
    assert env.core.settings.get("mail.port") == smtp.port and env.core.settings.get("mail.security") == "none"
    assert not page.mail.form.is_dirty()
    page.mail.test_button.click()
    assert (
        page.mail.test_result.text()
        == f"Sent to admin@northwind.example through 127.0.0.1:{smtp.port} (none). Check that it arrived."
    )
    (message,) = smtp.messages
    assert str(message["To"]) == "admin@northwind.example" and "Northwind Hosting" in message["Subject"]


def test_a_refused_test_message_is_said_in_plain_words(make_page, answer_dialogs, smtp):
    env = make_page(SettingsPage, customers=5)
    page = env.page
    answer_dialogs()
    fill_server(page, smtp)
    page.mail.save_button.click()
    smtp.handler.answers.append("550 5.7.1 Relaying denied")
    page.mail.test_address.setText("admin@northwind.example")
    page.mail.test_button.click()
    text = page.mail.test_result.text()
    assert text.startswith("Not sent:") and "refused the message" in text and "550 5.7.1 Relaying denied" in text
    assert page.mail.test_button.isEnabled() and smtp.messages == []
    page.mail.test_address.setText("not an address")
    page.mail.test_button.click()
    assert "not an email address" in page.mail.test_result.text()


def test_the_password_goes_to_the_keyring_and_is_never_shown(make_page, answer_dialogs):
    env = make_page(SettingsPage, customers=5)
    page = env.page
    assert "No password is set" in page.mail.password_status.text()
    answer_dialogs()
    page.mail.password_edit.setText(PASSWORD)
    page.mail.password_button.click()
    assert keyring.get_password("subscriptions-admin", "mail_password") == PASSWORD
    assert "system keyring" in page.mail.password_message.text()
    assert "A password is set" in page.mail.password_status.text()
    assert page.mail.password_edit.text() == "" and PASSWORD not in all_texts(page)
    audit = AuditEntry.get(AuditEntry.action == "mail.password")
    assert PASSWORD not in f"{audit.before}{audit.after}{audit.target_id}"


def test_a_bad_port_is_refused_and_nothing_is_saved(make_page, answer_dialogs, smtp):
    env = make_page(SettingsPage, customers=5)
    page = env.page
    shown = answer_dialogs()
    fill_server(page, smtp)
    page.mail.form.widgets["mail.port"].setText("70000")
    page.mail.save_button.click()
    assert shown == [] and "outside 1–65535" in page.mail.form.error.text()
    assert env.core.settings.get("mail.host") == ""


@pytest.mark.parametrize(
    "kind, language, subject, shown",
    [
        ("receipt", "ru", "Subject: Квитанция INV-2026-000042: Pro monthly", "1\u202f234,56\u00a0$"),
        ("renewal_due_soon", "en", "Subject: Top up by 5 April 2026 to renew Pro monthly", "$16.50"),
    ],
)
def test_each_notice_can_be_previewed_for_a_sample_customer(make_page, kind, language, subject, shown):
    env = make_page(SettingsPage, customers=5)
    mail = env.page.mail
    assert not mail.preview_tabs.isVisibleTo(env.page)
    mail.kind_combo.setCurrentIndex(mail.kind_combo.findData(kind))
    mail.language_combo.setCurrentIndex(mail.language_combo.findData(language))
    mail.preview_button.click()
    assert mail.preview_subject.text() == subject
    # Qt's documents read no-break spaces back as plain ones.
    assert plain_spaces(shown) in plain_spaces(mail.preview_html.toPlainText())
    assert plain_spaces(shown) in plain_spaces(mail.preview_text.toPlainText())
    assert mail.preview_tabs.isVisibleTo(env.page)
    assert mail.preview_html.isReadOnly() and mail.preview_text.isReadOnly()
    assert mail.kind_combo.count() == 8


def test_the_test_message_runs_on_a_worker_and_its_result_arrives_on_the_gui_thread(
    make_page, answer_dialogs, smtp, qtbot
):
    import threading

    from ui.tasks import TaskRunner

    env = make_page(SettingsPage, customers=5)
    page = env.page
    answer_dialogs()
    fill_server(page, smtp)
    page.mail.save_button.click()
    env.ctx.runner = runner = TaskRunner()
    ran_on: list[int] = []
    arrived_on: list[int] = []
    send = page.mail.page.ctx.core.mail.send_test_message
    env.core.mail.send_test_message = lambda address: (ran_on.append(threading.get_ident()), send(address))[1]
    shown = page.mail._on_test_done
    page.mail._on_test_done = lambda outcome: (arrived_on.append(threading.get_ident()), shown(outcome))
    page.mail.test_address.setText("admin@northwind.example")
    page.mail.test_button.click()
    assert not page.mail.test_button.isEnabled() and page.mail.test_result.text() == "Sending…"
    qtbot.waitUntil(lambda: page.mail.test_result.text().startswith("Sent to"), timeout=10000)
    runner.wait_idle()
    assert ran_on and ran_on[0] != threading.get_ident()
    assert arrived_on == [threading.get_ident()] and page.mail.test_button.isEnabled()
    assert len(smtp.messages) == 1
