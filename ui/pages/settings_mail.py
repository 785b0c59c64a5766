"""Settings' mail part: who the business is, the mail server, its password, a test message and previews.

The password goes to the system keyring and is never shown back. A test message and a preview
run on a worker; what came of them is shown in plain words beside their buttons.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from services.customer_notices import NOTICE_KINDS
from services.errors import DomainError
from services.mail import PasswordSaved, save_mail_password
from services.mail_delivery import TestMessageResult
from services.mail_templates import Business, RenderedMail, preview
from ui.errors import describe
from ui.pages.dialogs import ConfirmDialog
from ui.pages.settings_form import ERROR_STYLE, SettingField, SettingsForm

OK_STYLE = "color: #2e7d32;"
WARNING_STYLE = "color: #b26a00;"

# The kinds of notice as an admin reads them, in NOTICE_KINDS' order.
KIND_NAMES: dict[str, object] = {
    "receipt": QT_TRANSLATE_NOOP("MailSettings", "Receipt for a payment"),
    "renewal_due_soon": QT_TRANSLATE_NOOP("MailSettings", "Renewal coming up, wallet short"),
    "renewal_waiting": QT_TRANSLATE_NOOP("MailSettings", "Renewal waiting for funds"),
    "subscription_expired": QT_TRANSLATE_NOOP("MailSettings", "Subscription ended"),
    "topup_credited": QT_TRANSLATE_NOOP("MailSettings", "Top-up credited"),
    "refund_sent": QT_TRANSLATE_NOOP("MailSettings", "Refund sent"),
    "low_balance": QT_TRANSLATE_NOOP("MailSettings", "Low balance"),
    "auto_topup_declined": QT_TRANSLATE_NOOP("MailSettings", "Automatic top-up declined"),
}


def kind_name(kind: str) -> str:
    text = KIND_NAMES.get(kind)
    return QCoreApplication.translate("MailSettings", str(text)) if text else kind.replace("_", " ")


@dataclass(frozen=True)
class TestOutcome:
    """What a test message came to: sent, or the server's refusal in words (never a dialog)."""

    sent: TestMessageResult | None
    error: DomainError | None


def send_test(core, address: str) -> TestOutcome:
    """On a worker: the test message; a known failure is an outcome to show, a bug still raises."""
    try:
        return TestOutcome(core.mail.send_test_message(address), None)
    except DomainError as error:
        return TestOutcome(None, error)


def load_preview(core, kind: str, language: str) -> RenderedMail:
    """On a worker: the business from the settings, and the kind rendered for a sample customer."""
    return preview(kind, language, Business.from_settings(core.settings))


class MailSettings(QGroupBox):
    """Business name and address, the SMTP server, its password, a test message and a preview of each notice."""

    def __init__(self, page, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Messages to customers"))
        self.page = page
        can_edit = page.ctx.can("settings.edit")
        intro = QLabel(
            self.tr(
                "Receipts and notices go to customers by email through this mail server, signed with the "
                "business name. Until the server and the From address are set, notices wait in the outbox."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.form = SettingsForm(
            [
                SettingField(
                    "business.name", self.tr("Business name"), self.tr("on documents and messages"), wide=True
                ),
                SettingField("business.address", self.tr("Business address"), "", lines=True),
                SettingField(
                    "mail.host", self.tr("Mail server (SMTP host)"), self.tr("e.g. smtp.example.com"), wide=True
                ),
                SettingField("mail.port", self.tr("Port"), self.tr("587 for STARTTLS, 465 for TLS")),
                SettingField(
                    "mail.security",
                    self.tr("Security"),
                    choices=(
                        (self.tr("STARTTLS"), "starttls"),
                        (self.tr("TLS from the start"), "tls"),
                        (self.tr("None (trusted network only)"), "none"),
                    ),
                ),
                SettingField("mail.user", self.tr("User name"), self.tr("empty: no sign-in"), wide=True),
                SettingField("mail.from", self.tr("From address"), self.tr("e.g. billing@example.com"), wide=True),
            ],
            self,
        )
        self.form.setObjectName("mailForm")
        self.form.set_editable(can_edit)
        self.save_button = QPushButton(self.tr("Save mail settings…"), self)
        self.save_button.setObjectName("saveMail")
        self.save_button.clicked.connect(self.on_save_clicked)
        page.guard(self.save_button, "settings.edit")
        save_row = QHBoxLayout()
        save_row.addStretch(1)
        save_row.addWidget(self.save_button)

        # The password: into the keyring, never back on screen.
        self.password_status = QLabel(self)
        self.password_status.setObjectName("mailPasswordStatus")
        self.password_edit = QLineEdit(self)
        self.password_edit.setObjectName("mailPassword")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText(self.tr("The mail server's password"))
        self.password_edit.setReadOnly(not can_edit)
        self.password_edit.returnPressed.connect(self.on_save_password_clicked)
        self.password_button = QPushButton(self.tr("Save password"), self)
        self.password_button.setObjectName("saveMailPassword")
        self.password_button.clicked.connect(self.on_save_password_clicked)
        page.guard(self.password_button, "settings.edit")
        self.password_message = self._message_label("mailPasswordMessage")
        password_row = QHBoxLayout()
        password_row.addWidget(QLabel(self.tr("Password"), self))
        password_row.addWidget(self.password_edit, 1)
        password_row.addWidget(self.password_button)

        # A test message to an address the admin types.
        self.test_address = QLineEdit(self)
        self.test_address.setObjectName("testAddress")
        self.test_address.setPlaceholderText(self.tr("Send a test message to… (your address)"))
        self.test_address.returnPressed.connect(self.on_send_test_clicked)
        self.test_button = QPushButton(self.tr("Send test message"), self)
        self.test_button.setObjectName("sendTest")
        self.test_button.clicked.connect(self.on_send_test_clicked)
        page.guard(self.test_button, "settings.edit")
        self.test_result = self._message_label("testResult")
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_address, 1)
        test_row.addWidget(self.test_button)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.form)
        layout.addLayout(save_row)
        layout.addWidget(self.password_status)
        layout.addLayout(password_row)
        layout.addWidget(self.password_message)
        layout.addLayout(test_row)
        layout.addWidget(self.test_result)
        layout.addWidget(self._build_preview())

    def _message_label(self, name: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)  # a server's answer is data
        label.hide()
        return label

    def _build_preview(self) -> QGroupBox:
        group = QGroupBox(self.tr("Preview a notice"), self)
        self.kind_combo = QComboBox(group)
        self.kind_combo.setObjectName("previewKind")
        for kind in NOTICE_KINDS:
            self.kind_combo.addItem(kind_name(kind), kind)
        self.language_combo = QComboBox(group)
        self.language_combo.setObjectName("previewLanguage")
        self.language_combo.addItem(self.tr("English"), "en")
        self.language_combo.addItem(self.tr("Russian"), "ru")
        self.preview_button = QPushButton(self.tr("Preview"), group)
        self.preview_button.setObjectName("preview")
        self.preview_button.clicked.connect(self.on_preview_clicked)
        self.preview_subject = QLabel(group)
        self.preview_subject.setObjectName("previewSubject")
        self.preview_subject.setTextFormat(Qt.TextFormat.PlainText)
        self.preview_subject.setWordWrap(True)
        self.preview_subject.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.preview_html = QTextBrowser(group)
        self.preview_html.setObjectName("previewHtml")
        self.preview_html.setOpenLinks(False)
        self.preview_text = QPlainTextEdit(group)
        self.preview_text.setObjectName("previewText")
        self.preview_text.setReadOnly(True)
        self.preview_tabs = QTabWidget(group)
        self.preview_tabs.addTab(self.preview_html, self.tr("As the customer sees it"))
        self.preview_tabs.addTab(self.preview_text, self.tr("Plain text"))
        self.preview_tabs.setMinimumHeight(360)
        self.preview_tabs.hide()  # until there is something to show
        row = QHBoxLayout()
        row.addWidget(self.kind_combo, 1)
        row.addWidget(self.language_combo)
        row.addWidget(self.preview_button)
        note = QLabel(self.tr("Shown for a sample customer, with the business name and address saved above."), group)
        note.setWordWrap(True)
        layout = QVBoxLayout(group)
        layout.addWidget(note)
        layout.addLayout(row)
        layout.addWidget(self.preview_subject)
        layout.addWidget(self.preview_tabs)
        return group

    # --- loading ---------------------------------------------------------------------------

    def show_loaded(self, values: dict, password_set: bool) -> None:
        self.form.load(values)
        self.password_status.setText(
            self.tr("A password is set (kept in the system keyring).")
            if password_set
            else self.tr("No password is set: the server is used without signing in unless a user name is given.")
        )

    def _say(self, label: QLabel, text: str, style: str) -> None:
        label.setText(text)
        label.setStyleSheet(style)
        label.show()

    # --- actions --------------------------------------------------------------------------

    @Slot()
    def on_save_clicked(self) -> None:
        self.page.save_form(self.form)

    @Slot()
    def on_save_password_clicked(self) -> None:
        refusal = self.page.refusal_reason("settings.edit")
        password = self.password_edit.text()
        if refusal or not password:
            self._say(self.password_message, refusal or self.tr("Enter the password first."), ERROR_STYLE)
            return
        dialog = ConfirmDialog(
            self,
            self.tr("Mail server password"),
            self.tr(
                "Keep this password for signing in to the mail server. Every desk and worker on this computer uses it."
            ),
            reason_required=False,
            confirm_text=self.tr("Save password"),
        )
        if not dialog.exec():
            return
        self.password_edit.clear()  # the password leaves the widget as soon as it is handed over
        core, actor, reason = self.page.ctx.core, self.page.ctx.actor, dialog.reason_text()
        self.password_button.setEnabled(False)
        self.page.run_task(
            lambda: save_mail_password(core.secrets, core.clock, actor, password, reason),
            self._on_password_saved,
            on_error=lambda _error: self.page.guard(self.password_button, "settings.edit"),
        )

    def _on_password_saved(self, saved: PasswordSaved) -> None:
        self.page.guard(self.password_button, "settings.edit")
        if saved.in_keyring:
            self._say(self.password_message, self.tr("The password was saved in the system keyring."), OK_STYLE)
        else:
            self._say(
                self.password_message,
                self.tr(
                    "There is no usable system keyring, so the password is kept for this session only and "
                    "will be forgotten when the app quits."
                ),
                WARNING_STYLE,
            )
            self.password_message.setToolTip(saved.keyring_reason or "")
        self.page.after_secret_saved()

    @Slot()
    def on_send_test_clicked(self) -> None:
        address = self.test_address.text().strip()
        if not address:
            self._say(self.test_result, self.tr("Type the address to send the test message to."), ERROR_STYLE)
            return
        if self.form.is_dirty():
            self._say(
                self.test_result, self.tr("Save the mail settings first: the test uses the saved ones."), ERROR_STYLE
            )
            return
        core = self.page.ctx.core
        self.test_button.setEnabled(False)
        self._say(self.test_result, self.tr("Sending…"), "")
        self.page.run_task(
            lambda: send_test(core, address),
            self._on_test_done,
            on_error=lambda _error: self._on_test_failed(),
        )

    def _on_test_done(self, outcome: TestOutcome) -> None:
        self.page.guard(self.test_button, "settings.edit")
        if outcome.sent is not None:
            text = (
                self.tr("Sent to %1 through %2. Check that it arrived.")
                .replace("%1", outcome.sent.to_address)
                .replace("%2", outcome.sent.server)
            )
            self._say(self.test_result, text, OK_STYLE)
        else:
            text = self.tr("Not sent: %1").replace("%1", describe(outcome.error) if outcome.error else "")
            self._say(self.test_result, text, ERROR_STYLE)

    def _on_test_failed(self) -> None:
        self.page.guard(self.test_button, "settings.edit")
        self._say(self.test_result, self.tr("Not sent: an unexpected error; the log has the details."), ERROR_STYLE)

    @Slot()
    def on_preview_clicked(self) -> None:
        core = self.page.ctx.core
        kind, language = self.kind_combo.currentData(), self.language_combo.currentData()
        self.page.run_task(lambda: load_preview(core, kind, language), self._on_preview_loaded)

    def _on_preview_loaded(self, mail: RenderedMail) -> None:
        self.preview_subject.setText(self.tr("Subject: %1").replace("%1", mail.subject))
        self.preview_html.setHtml(mail.html)  # built by the templates, every value escaped
        self.preview_text.setPlainText(mail.text)
        self.preview_tabs.show()
