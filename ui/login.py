"""Sign in (or, on an empty database, create the first administrator), and change one's own password.

"Remember me" keeps the operator's name for the next start and, for anyone but an administrator,
a revocable token in this computer's keyring that signs them in at the next start without their
password (services/sign_in_tokens.py). The password itself is never kept.
"""

from __future__ import annotations

import logging
import socket

from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from services.auth import Actor, SignInDelayed, validate_new_operator
from services.db_logins import is_permission_denied
from services.errors import DomainError, ValidationError
from services.secrets import forget_stored_login
from services.sign_in_tokens import forget_this_computer, remember_this_computer, sign_in_remembered
from ui.errors import describe
from ui.tasks import TaskRunner

log = logging.getLogger(__name__)


def this_computer() -> str:
    """The name a desk signs in from: the host name, which its remembered sign-ins and delays are kept under."""
    return socket.gethostname() or "(unnamed computer)"


class LoginDialog(QDialog):
    """Authentication and keyring calls run on the task runner; the dialog only waits for their answer.

    With ``try_remembered`` the dialog, once shown, first signs the remembered name in with the token
    this computer's keyring holds; when there is none, or it is refused, the operator types the password.
    """

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
        try_remembered: bool = False,
        device: str | None = None,
        parent=None,
    ):
        super().__init__(parent)
        self.core, self.runner, self.first_run = core, runner, first_run
        self.device = device or this_computer()
        self.actor: Actor | None = None
        self.signed_in_remembered = False  # True when the keyring's token signed in, not a typed password
        self.remembered_here = False  # True when this computer now remembers the operator (a token was issued)
        self._try_remembered = try_remembered and not first_run and bool(last_username)
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
        self.remember = QCheckBox(self.tr("Remember my name and keep me signed in on this computer"), self)
        self.remember.setObjectName("remember")
        self.remember.setToolTip(
            self.tr(
                "The next start signs you in without your password, on this computer only, until you sign out, "
                "a while passes unused, or your password or role changes. Your password is never kept."
            )
        )
        self.remember.setChecked(remembered)
        self.remember_note = QLabel(
            self.tr("Administrators always type their password: for them only the name is remembered."), self
        )
        self.remember_note.setObjectName("rememberNote")
        self.remember_note.setTextFormat(Qt.TextFormat.PlainText)
        self.remember_note.setWordWrap(True)
        self.remember_note.setEnabled(False)  # drawn greyed: a note, not a control
        form = QFormLayout()
        form.addRow(self.tr("Operator"), self.username)
        form.addRow(self.tr("Password"), self.password)
        if first_run:
            form.addRow(self.tr("Repeat password"), self.confirm)
        else:
            self.confirm.hide()
        form.addRow("", self.remember)
        form.addRow("", self.remember_note)
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

    def set_busy(self, busy: bool, text: str | None = None) -> None:
        self.buttons.setEnabled(not busy)
        if busy:
            self.error.setText(text or self.tr("Checking…"))

    @property
    def waiting_for_remembered(self) -> bool:
        """Whether the remembered sign-in this dialog tries once shown has not answered yet."""
        return self._try_remembered

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self._try_remembered:
            self.set_busy(True, self.tr("Signing you in as %s…") % self.username.text().strip())
            QTimer.singleShot(0, self, self.sign_in_remembered)

    @Slot()
    def sign_in_remembered(self) -> None:
        """Sign the remembered name in with this computer's token, off the GUI thread."""
        core, username, device = self.core, self.username.text().strip(), self.device
        self.set_busy(True, self.tr("Signing you in as %s…") % username)
        self.runner.run(
            lambda: sign_in_remembered(core.sign_in_tokens, core.secrets, username, device),
            self._on_remembered_answer,
            self._on_remembered_refused,
        )

    def _on_remembered_answer(self, actor: Actor | None) -> None:
        self._try_remembered = False
        if actor is None:  # this computer holds no token for the name: the password it is
            self.set_busy(False)
            self.error.setText("")
            self.password.setFocus()
            return
        self.signed_in_remembered = True
        self.remembered_here = True
        self._on_signed_in(actor)

    def _on_remembered_refused(self, error: BaseException) -> None:
        self._try_remembered = False
        self.set_busy(False)
        self.error.setText(describe(error))
        self.password.setFocus()

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
        core, first_run, device, remember = self.core, self.first_run, self.device, self.remember.isChecked()

        def sign_in() -> tuple[Actor, bool]:
            if first_run:
                core.operators.create_first_admin(username, password)
            actor = core.operators.authenticate(username, password, device=device)
            forget_stored_login(core.secrets, username)  # a password an earlier version remembered
            try:
                if remember:
                    return actor, remember_this_computer(core.sign_in_tokens, core.secrets, actor, device)
                forget_this_computer(core.sign_in_tokens, core.secrets, username, "not remembered any more")
            except Exception as error:
                if not (isinstance(error, DomainError) or is_permission_denied(error)):
                    raise
                # a viewer's read-only database login may not keep sign-in tokens
                log.warning("signed in, but this computer could not remember %s", username, exc_info=True)
            return actor, False

        self.set_busy(True)
        self.runner.run(sign_in, self._on_password_accepted, self._on_failed)

    def _on_password_accepted(self, answer: tuple[Actor, bool]) -> None:
        actor, self.remembered_here = answer
        self._on_signed_in(actor)

    def _on_signed_in(self, actor: Actor) -> None:
        self.actor = actor
        self.accept()

    def _on_failed(self, error) -> None:
        self.set_busy(False)
        self.error.setText(describe(error))
        self.password.selectAll()
        self.password.setFocus()
        if isinstance(error, SignInDelayed):
            # The service refuses until the delay has passed; the button says so by waiting as long.
            seconds = int(str(error.params.get("seconds", 1)))
            self.buttons.setEnabled(False)
            QTimer.singleShot(seconds * 1000, self, self.on_delay_over)

    @Slot()
    def on_delay_over(self) -> None:
        self.buttons.setEnabled(True)


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
