"""Sign in (or, on an empty database, create the first administrator), and change one's own password.

"Remember me" keeps the operator's name for the next start, never their password: every
sign-in asks for it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from services.auth import Actor, validate_new_operator
from services.errors import ValidationError
from services.secrets import forget_stored_login
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
        last_username: str = "",
        remembered: bool = False,
        demo_hint: bool = False,
        signed_out: bool = False,
        parent=None,
    ):
        super().__init__(parent)
        self.core, self.runner, self.first_run = core, runner, first_run
        self.actor: Actor | None = None
        self.setObjectName("loginDialog")
        self.setWindowTitle(self.tr("Create the administrator") if first_run else self.tr("Sign in"))
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.intro.setText(
            self.tr("This database has no operators yet. Choose the administrator's name and password.")
            if first_run
            else self.tr("Sign in to Subscriptions Admin.")
        )
        if signed_out:
            self.intro.setText(
                self.tr(
                    "You signed out. Renewals, retries and reminders keep running in the background "
                    "until you quit the app. Sign in to continue, or Cancel to quit."
                )
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
        self.remember = QCheckBox(self.tr("Remember my name on this computer"), self)
        self.remember.setObjectName("remember")
        self.remember.setToolTip(self.tr("Only the name is kept: the password is asked for at every sign-in."))
        self.remember.setChecked(remembered)
        form = QFormLayout()
        form.addRow(self.tr("Operator"), self.username)
        form.addRow(self.tr("Password"), self.password)
        if first_run:
            form.addRow(self.tr("Repeat password"), self.confirm)
        else:
            self.confirm.hide()
        form.addRow("", self.remember)
        self.error = QLabel(self)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
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
        (self.password if last_username else self.username).setFocus()

    @property
    def remember_name(self) -> bool:
        """Whether the name just signed in with is filled in at the next sign-in."""
        return self.remember.isChecked()

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
        core, first_run = self.core, self.first_run

        def sign_in() -> Actor:
            if first_run:
                core.operators.create_first_admin(username, password)
            actor = core.operators.authenticate(username, password)
            forget_stored_login(core.secrets, username)  # a password an earlier version remembered
            return actor

        self.set_busy(True)
        self.runner.run(sign_in, self._on_signed_in, self._on_failed)

    def _on_signed_in(self, actor: Actor) -> None:
        self.actor = actor
        self.accept()

    def _on_failed(self, error) -> None:
        self.set_busy(False)
        self.error.setText(describe(error))
        self.password.selectAll()
        self.password.setFocus()


class ChangePasswordDialog(QDialog):
    """The signed-in operator changes their own password: the current one, then the new one twice."""

    def __init__(self, core, runner: TaskRunner, actor: Actor, parent=None):
        super().__init__(parent)
        self.core, self.runner, self.actor = core, runner, actor
        self.changed = False
        self.setObjectName("changePasswordDialog")
        self.setWindowTitle(self.tr("Change my password"))
        intro = QLabel(self.tr("Signed in as %s.") % actor.name, self)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        self.current = QLineEdit(self)
        self.current.setObjectName("currentPassword")
        self.new = QLineEdit(self)
        self.new.setObjectName("newPassword")
        self.repeat = QLineEdit(self)
        self.repeat.setObjectName("repeatPassword")
        for field in (self.current, self.new, self.repeat):
            field.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("Current password"), self.current)
        form.addRow(self.tr("New password"), self.new)
        form.addRow(self.tr("Repeat new password"), self.repeat)
        self.error = QLabel(self)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setObjectName("passwordError")
        self.error.setStyleSheet("color: #c62828;")
        self.error.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.on_ok_clicked)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(380)
        self.current.setFocus()

    @Slot()
    def on_ok_clicked(self) -> None:
        current, new = self.current.text(), self.new.text()
        if new != self.repeat.text():
            self.error.setText(self.tr("The two new passwords differ."))
            return
        core, actor = self.core, self.actor
        self.buttons.setEnabled(False)
        self.error.setText(self.tr("Checking…"))
        self.runner.run(
            lambda: core.operators.change_own_password(actor, current, new), self._on_changed, self._on_failed
        )

    def _on_changed(self, _info) -> None:
        self.changed = True
        self.accept()

    def _on_failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.error.setText(describe(error))
