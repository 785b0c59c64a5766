"""Settings: the gateway API key (kept in the OS keyring), billing settings and desktop preferences."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, Slot
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from services.changes import Changes, Kind
from services.errors import ValidationError
from services.gateway import TEST_KEY_PREFIX
from services.gateway_key import MAX_KEY_LENGTH, KeyProblem, KeySaved, key_problem, key_state, save_key
from services.mail import mail_password_set
from ui.context import UiContext
from ui.errors import describe
from ui.language import LANGUAGES, chosen_language
from ui.pages.base import Page
from ui.pages.dialogs import ConfirmDialog
from ui.pages.settings_form import ERROR_STYLE, SettingField, SettingsForm
from ui.pages.settings_mail import MailSettings
from ui.theme import apply_theme

OK_STYLE = "color: #2e7d32;"
WARNING_STYLE = "color: #b26a00;"


@dataclass(frozen=True)
class SettingsView:
    values: dict
    key_set: bool
    keyring_reason: str | None  # why the OS keyring cannot be used; None when it can
    mail_password_set: bool = False


def load_settings_view(core) -> SettingsView:
    """On a worker: the stored settings and whether a key exists (never the key itself)."""
    state = key_state(core.secrets)
    return SettingsView(core.settings.get_many(), state.key_set, state.keyring_reason, mail_password_set(core.secrets))


class SettingsPage(Page):
    title_text = QT_TRANSLATE_NOOP("SettingsPage", "Settings")
    icon = QStyle.StandardPixmap.SP_FileDialogListView

    def __init__(self, ctx: UiContext, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.view: SettingsView | None = None
        self._loaded_once = False
        content = QWidget(self)
        content.setMaximumWidth(820)
        column = QVBoxLayout(content)
        column.addWidget(self._build_key_group(content))
        column.addWidget(self._build_billing_group(content))
        self.mail = MailSettings(self, content)
        column.addWidget(self.mail)
        column.addWidget(self._build_desktop_group(content))
        column.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

    # --- building ---------------------------------------------------------------------

    def _build_key_group(self, parent) -> QGroupBox:
        group = QGroupBox(self.tr("Payment gateway API key"), parent)
        self.key_status = QLabel(self.tr("Checking…"), group)
        self.key_status.setObjectName("keyStatus")
        self.keyring_note = QLabel(group)
        self.keyring_note.setObjectName("keyringNote")
        self.keyring_note.setWordWrap(True)
        self.keyring_note.setStyleSheet(WARNING_STYLE)
        self.keyring_note.hide()
        self.key_edit = QLineEdit(group)
        self.key_edit.setObjectName("apiKey")
        self.key_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.key_edit.setPlaceholderText(self.tr("Paste a new key (%s…)") % TEST_KEY_PREFIX)
        self.key_edit.returnPressed.connect(self.on_save_key_clicked)
        self.key_save_button = QPushButton(self.tr("Save key"), group)
        self.key_save_button.clicked.connect(self.on_save_key_clicked)
        self.guard(self.key_save_button, "settings.edit")
        self.key_edit.setReadOnly(not self.ctx.can("settings.edit"))
        self.key_message = QLabel(group)
        self.key_message.setObjectName("keyMessage")
        self.key_message.setWordWrap(True)
        self.key_message.hide()
        explanation = QLabel(
            self.tr(
                "The key is kept in the system keyring, never in the database or the log. "
                "It is not shown again once saved."
            ),
            group,
        )
        explanation.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.key_edit, 1)
        row.addWidget(self.key_save_button)
        layout = QVBoxLayout(group)
        layout.addWidget(explanation)
        layout.addWidget(self.key_status)
        layout.addWidget(self.keyring_note)
        layout.addLayout(row)
        layout.addWidget(self.key_message)
        return group

    def _build_billing_group(self, parent) -> QGroupBox:
        group = QGroupBox(self.tr("Billing, reminders and alerts"), parent)
        self.form = SettingsForm(
            [
                SettingField("renewal_time", self.tr("Daily renewal time (HH:MM, UTC)"), self.tr("for example 02:00")),
                SettingField(
                    "renewals.catch_up_periods",
                    self.tr("Periods one pass may charge a subscription unasked"),
                    self.tr("1–1000; past it the pass holds the subscription until an operator allows the catch-up"),
                ),
                SettingField("reminder_days", self.tr("Remind this many days before a period ends"), "0–60"),
                SettingField("default_grace_days", self.tr("Default grace days"), "0–90"),
                SettingField("alert_threshold", self.tr("Alert when unresolved errors exceed"), "1–1000000"),
                SettingField(
                    "retry_every_minutes",
                    self.tr("Retry pass every (minutes)"),
                    self.tr("1–1440; a running scheduler picks it up when it restarts"),
                ),
                SettingField(
                    "notices.due_soon_days",
                    self.tr("Tell a customer this many days before a renewal their wallet cannot pay"),
                    "1–60",
                ),
                SettingField(
                    "notices.low_balance",
                    self.tr("Tell a customer when their balance falls below"),
                    self.tr('cents per currency, like {"USD": 500}; empty: never'),
                ),
                SettingField(
                    "backups_kept",
                    self.tr("Daily backups kept"),
                    self.tr("0–365; 0 turns the daily backup off"),
                ),
                SettingField(
                    "notifications.archive_days",
                    self.tr("Archive read notifications after (days)"),
                    self.tr("1–3650; archived ones stay under Notifications → Show: Archived"),
                ),
                SettingField(
                    "remember_me_days",
                    self.tr('"Remember me" signs in without a password for (days)'),
                    self.tr("1–365; counted again from each use; never for administrators"),
                ),
            ],
            group,
        )
        self.form.set_editable(self.ctx.can("settings.edit"))
        self.save_button = QPushButton(self.tr("Save settings…"), group)
        self.save_button.clicked.connect(self.on_save_settings_clicked)
        self.guard(self.save_button, "settings.edit")
        self.revert_button = QPushButton(self.tr("Revert"), group)
        self.revert_button.clicked.connect(self.on_revert_clicked)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(group)
        layout.addWidget(self.form)
        layout.addLayout(buttons)
        return group

    def _build_desktop_group(self, parent) -> QGroupBox:
        group = QGroupBox(self.tr("This desktop"), parent)
        settings = self.ctx.qsettings
        self.language_combo = QComboBox(group)
        self.language_combo.setObjectName("language")
        for code, name in LANGUAGES.items():
            self.language_combo.addItem(name, code)
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(chosen_language(settings))))
        self.language_combo.currentIndexChanged.connect(self.on_language_changed)
        self.language_note = QLabel(self.tr("A new language applies after the app is restarted."), group)
        self.language_note.setObjectName("languageNote")
        self.theme_combo = QComboBox(group)
        self.theme_combo.setObjectName("theme")
        for text, code in (
            (self.tr("Follow the system"), "system"),
            (self.tr("Light"), "light"),
            (self.tr("Dark"), "dark"),
        ):
            self.theme_combo.addItem(text, code)
        self.theme_combo.setCurrentIndex(max(0, self.theme_combo.findData(str(settings.value("ui/theme", "system")))))
        self.theme_combo.currentIndexChanged.connect(self.on_theme_changed)
        for combo in (self.language_combo, self.theme_combo):
            combo.setMaximumWidth(260)
        form = QFormLayout(group)
        form.addRow(self.tr("Language"), self.language_combo)
        form.addRow("", self.language_note)
        form.addRow(self.tr("Theme"), self.theme_combo)
        return group

    # --- loading ----------------------------------------------------------------------

    def is_dirty(self) -> bool:
        return self.form.is_dirty() or self.mail.form.is_dirty()

    def on_shown(self) -> None:
        if not self._loaded_once or not self.is_dirty():
            self.load()

    def refresh(self) -> None:
        self.load()

    def load(self) -> None:
        self._loaded_once = True
        core = self.ctx.core
        self.run_task(lambda: load_settings_view(core), self._on_loaded)

    def _on_loaded(self, view: SettingsView) -> None:
        self.view = view
        self.form.load(view.values)
        self.mail.show_loaded(view.values, view.mail_password_set)
        if view.key_set:
            self.key_status.setText(self.tr("A key is set."))
        elif self.ctx.demo:
            self.key_status.setText(self.tr("No key is set; this demo database uses a published test key."))
        else:
            self.key_status.setText(self.tr("No key is set: top-ups and refunds fail until an admin sets one."))
        # The service's own account of the keyring (which backend, why) stays on hover, for whoever fixes it.
        self.keyring_note.setText(
            self.tr("There is no usable system keyring, so secrets are kept for this session only.")
            if view.keyring_reason
            else ""
        )
        self.keyring_note.setToolTip(view.keyring_reason or "")
        self.keyring_note.setVisible(bool(view.keyring_reason))

    @Slot(object, object)
    def on_changes_made(self, changes: Changes, initiator: object) -> None:
        if Kind.SETTINGS in changes and self._loaded_once and not self.is_dirty():
            self.load()

    # --- the API key ------------------------------------------------------------------

    def _say_about_key(self, text: str, style: str) -> None:
        self.key_message.setText(text)
        self.key_message.setStyleSheet(style)
        self.key_message.show()

    def key_problem(self, key: str) -> str | None:
        problem = key_problem(key)
        if problem is KeyProblem.MISSING:
            return self.tr("Enter the new key first.")
        if problem is KeyProblem.NOT_ONE_WORD:
            return self.tr("A key is one word of at most %d characters.") % MAX_KEY_LENGTH
        if problem is KeyProblem.NOT_A_TEST_KEY:
            return self.tr("The simulated gateway accepts only test keys, which start with %s.") % TEST_KEY_PREFIX
        return None

    @Slot()
    def on_save_key_clicked(self) -> None:
        refusal = self.refusal_reason("settings.edit")
        key = self.key_edit.text().strip()
        problem = refusal or self.key_problem(key)
        if problem:
            self._say_about_key(problem, ERROR_STYLE)
            return
        dialog = ConfirmDialog(
            self,
            self.tr("Gateway API key"),
            self.tr(
                "Replace the key this app uses for charges and refunds. Every later "
                "gateway call from this desk uses the new key."
            ),
            reason_required=False,
            confirm_text=self.tr("Save key"),
        )
        if not dialog.exec():
            return
        self.key_edit.clear()  # the key leaves the widget as soon as it is handed over
        core, actor, reason = self.ctx.core, self.ctx.actor, dialog.reason_text()
        self.key_save_button.setEnabled(False)
        self.run_task(
            lambda: save_key(core.secrets, core.clock, actor, key, reason),
            self._on_key_saved,
            on_error=lambda _error: self.guard(self.key_save_button, "settings.edit"),
        )

    def _on_key_saved(self, saved: KeySaved) -> None:
        reason = saved.keyring_reason
        self.guard(self.key_save_button, "settings.edit")
        if saved.in_keyring:
            self._say_about_key(self.tr("The key was saved in the system keyring."), OK_STYLE)
            self.status_message.emit(self.tr("Gateway API key saved in the system keyring"))
        else:
            text = self.tr(
                "There is no usable system keyring, so the key is kept for this session only and "
                "will be forgotten when the app quits."
            )
            self._say_about_key(text, WARNING_STYLE)
            self.key_message.setToolTip(reason or "")
            self.status_message.emit(self.tr("Gateway API key kept for this session only"))
        self.after_secret_saved()

    def after_secret_saved(self) -> None:
        self.ctx.bridge.announce(Changes.of(Kind.SETTINGS, Kind.AUDIT), self)
        self.load()

    # --- billing settings -------------------------------------------------------------

    @Slot()
    def on_save_settings_clicked(self) -> None:
        self.save_form(self.form)

    def save_form(self, form: SettingsForm) -> None:
        """Check ``form``'s changes, confirm them with a summary, and save them on a worker."""
        form.clear_problem()
        refusal = self.refusal_reason("settings.edit")
        if refusal:
            form.show_problem(refusal)
            return
        try:
            changes = form.changes()
        except ValidationError as error:
            form.show_problem(describe(error))
            return
        if not changes:
            self.status_message.emit(self.tr("Nothing to save: no setting was changed"))
            return
        summary = self.tr("Change these settings for every desk and worker that shares this database:")
        dialog = ConfirmDialog(
            self,
            self.tr("Save settings"),
            summary + "\n• " + "\n• ".join(form.describe_changes(changes)),
            reason_required=False,
            confirm_text=self.tr("Save"),
        )
        if not dialog.exec():
            return
        core, actor, reason = self.ctx.core, self.ctx.actor, dialog.reason_text()
        self.run_task(
            lambda: core.settings.update(actor, changes, reason),
            self._on_settings_saved,
            lambda saved: self.tr("%n setting(s) saved", "", len(saved)),
        )

    def _on_settings_saved(self, _saved: dict) -> None:
        self.ctx.bridge.announce(Changes.of(Kind.SETTINGS, Kind.AUDIT), self)
        self.load()

    @Slot()
    def on_revert_clicked(self) -> None:
        self.load()

    # --- desktop preferences ----------------------------------------------------------

    @Slot(int)
    def on_language_changed(self, _index: int) -> None:
        self.ctx.qsettings.setValue("ui/language", self.language_combo.currentData())
        self.status_message.emit(self.tr("The language changes when the app is restarted"))

    @Slot(int)
    def on_theme_changed(self, _index: int) -> None:
        choice = self.theme_combo.currentData()
        self.ctx.qsettings.setValue("ui/theme", choice)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, choice)
