"""Sign in (or, on an empty database, create the first administrator)."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from services.auth import validate_new_operator
from services.errors import ValidationError
from services.secrets import remembered_login_name
from ui.errors import describe
from ui.tasks import TaskRunner


class LoginDialog(QDialog):
    """Authentication and keyring calls run on the task runner; the dialog only waits for their answer."""

    def __init__(
        self,
        core,
        runner: TaskRunner,
        *,
        first_run: bool,
        keyring_reason: str | None,
        last_username: str = "",
        demo_hint: bool = False,
        parent=None,
    ):
        super().__init__(parent)
        self.core, self.runner, self.first_run = core, runner, first_run
        self.actor = None
        self.remembered = False
        self.setObjectName("loginDialog")
        self.setWindowTitle(self.tr("Create the administrator") if first_run else self.tr("Sign in"))
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.intro.setText(
            self.tr("This database has no operators yet. Choose the administrator's name and password.")
            if first_run
            else self.tr("Sign in to Subscriptions Admin.")
        )
        if demo_hint and not first_run:
            self.intro.setText(
                self.intro.text()
                + "\n\n"
                + self.tr(
                    "Demo operators: admin / admin-demo-pass, operator / operator-demo-pass, viewer / viewer-demo-pass."
                )
            )
        self.username = QLineEdit(last_username, self)
        self.username.setObjectName("username")
        self.password = QLineEdit(self)
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm = QLineEdit(self)
        self.confirm.setObjectName("confirm")
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox(self.tr("Remember me on this computer"), self)
        self.remember.setObjectName("remember")
        if keyring_reason:
            self.remember.setEnabled(False)
            self.remember.setToolTip(keyring_reason)
            self.remember.setText(self.tr("Remember me (unavailable: no system keyring)"))
        form = QFormLayout()
        form.addRow(self.tr("Operator"), self.username)
        form.addRow(self.tr("Password"), self.password)
        if first_run:
            form.addRow(self.tr("Repeat password"), self.confirm)
        else:
            self.confirm.hide()
        form.addRow("", self.remember)
        self.error = QLabel(self)
        self.error.setObjectName("loginError")
        self.error.setStyleSheet("color: #c62828;")
        self.error.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.on_ok_clicked)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(380)
        if last_username:
            self.password.setFocus()

    def set_busy(self, busy: bool) -> None:
        self.buttons.setEnabled(not busy)
        if busy:
            self.error.setText(self.tr("Checking…"))

    @Slot()
    def on_ok_clicked(self) -> None:
        username, password = self.username.text().strip(), self.password.text()
        if self.first_run:
            try:
                validate_new_operator(username, password, "admin")
                if password != self.confirm.text():
                    raise ValidationError(self.tr("the two passwords differ"))
            except ValidationError as error:
                self.error.setText(describe(error))
                return
        remember = self.remember.isEnabled() and self.remember.isChecked()
        core = self.core

        def sign_in():
            if self.first_run:
                core.operators.create_first_admin(username, password)
            actor = core.operators.authenticate(username, password)
            saved = core.secrets.set(remembered_login_name(username), password) if remember else False
            return actor, saved

        self.set_busy(True)
        self.runner.run(sign_in, self._on_signed_in, self._on_failed)

    def _on_signed_in(self, outcome) -> None:
        self.actor, self.remembered = outcome
        self.accept()

    def _on_failed(self, error) -> None:
        self.set_busy(False)
        self.error.setText(describe(error))
        self.password.selectAll()
        self.password.setFocus()
