"""Operators: who may sign in to the desk, with which role. Everyone sees the list; admins manage it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from functools import partial

from PySide6.QtCore import QT_TRANSLATE_NOOP, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from services.auth import ROLES, OperatorInfo, validate_new_operator, validate_password
from services.changes import Changes, Kind
from services.errors import ValidationError
from services.permissions import (
    ACCOUNT_DISABLE,
    ACCOUNT_ENABLE,
    ACCOUNT_PASSWORD,
    ACCOUNT_ROLE,
    ACCOUNT_SIGN_OUT,
    ACCOUNT_UNLOCK,
    Refusal,
    Rule,
    operator_account_refusal,
)
from ui.context import UiContext
from ui.flow_layout import FlowLayout
from ui.formatting import minute_text
from ui.pages.base import Page
from ui.pages.dialogs import MoneyDialog
from ui.pages.roles import role_refusal_text, role_text

ACCOUNT_CHANGES = Changes.of(Kind.AUDIT)  # operator accounts are no kind of their own; their audit rows are


def created_text(moment: datetime | None) -> str:
    return minute_text(moment) if moment else ""


class OperatorsPage(Page):
    title_text = QT_TRANSLATE_NOOP("OperatorsPage", "Operators")
    icon = QStyle.StandardPixmap.SP_DirOpenIcon
    shows = frozenset({Kind.AUDIT})  # every change to an account writes an audit row, on any desk
    reload_delay_ms = 500

    def __init__(self, ctx: UiContext, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.accounts: list[OperatorInfo] = []
        self.new_button = QPushButton(self.tr("New operator…"), self)
        self.new_button.setObjectName("newOperator")
        self.new_button.clicked.connect(self.on_new_clicked)
        self.role_button = QPushButton(self.tr("Change role…"), self)
        self.role_button.setObjectName("changeRole")
        self.role_button.clicked.connect(self.on_change_role_clicked)
        self.disable_button = QPushButton(self.tr("Disable…"), self)
        self.disable_button.setObjectName("disableOperator")
        self.disable_button.clicked.connect(self.on_disable_clicked)
        self.enable_button = QPushButton(self.tr("Re-enable…"), self)
        self.enable_button.setObjectName("enableOperator")
        self.enable_button.clicked.connect(self.on_enable_clicked)
        self.password_button = QPushButton(self.tr("Reset password…"), self)
        self.password_button.setObjectName("resetPassword")
        self.password_button.clicked.connect(self.on_reset_password_clicked)
        self.unlock_button = QPushButton(self.tr("Unlock…"), self)
        self.unlock_button.setObjectName("unlockOperator")
        self.unlock_button.clicked.connect(self.on_unlock_clicked)
        self.sign_out_button = QPushButton(self.tr("Sign out everywhere…"), self)
        self.sign_out_button.setObjectName("signOutEverywhere")
        self.sign_out_button.clicked.connect(self.on_sign_out_everywhere_clicked)
        self.actions_bar = FlowLayout()  # the buttons wrap when a language's words make them wider than the page
        for button in (self.new_button, self.role_button, self.disable_button, self.enable_button):
            self.actions_bar.addWidget(button)
        self.actions_bar.addWidget(self.password_button)
        self.actions_bar.addWidget(self.unlock_button)
        self.actions_bar.addWidget(self.sign_out_button)
        self.actions_bar.addStretch(1)

        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("operators")
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Role"), self.tr("State"), self.tr("Created")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self.update_actions)

        self.page_layout = QVBoxLayout(self)
        self.page_layout.addLayout(self.actions_bar)
        self.page_layout.addWidget(self.table, 1)
        self.update_actions()

    def role_notice_home(self) -> tuple[QBoxLayout, int] | None:
        return self.page_layout, 1  # right under the buttons it explains

    # --- loading ---------------------------------------------------------------------------

    def refresh(self) -> None:
        super().refresh()
        self.run_task(self.ctx.core.operators.list_operators, self.show_accounts)

    def show_accounts(self, accounts: list[OperatorInfo]) -> None:
        chosen = self.selected()
        self.accounts = accounts
        self.table.setRowCount(len(accounts))
        for row, info in enumerate(accounts):
            state = self.tr("active") if info.active else self.tr("disabled")
            for column, text in enumerate((info.username, role_text(info.role), state, created_text(info.created_at))):
                self.table.setItem(row, column, QTableWidgetItem(text))
        if chosen is not None:
            self.select_username(chosen.username)
        self.update_actions()

    def select_username(self, username: str) -> None:
        for row, info in enumerate(self.accounts):
            if info.username == username:
                self.table.selectRow(row)
                return

    def selected(self) -> OperatorInfo | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or not 0 <= rows[0].row() < len(self.accounts):
            return None
        return self.accounts[rows[0].row()]

    # --- what may be done ---------------------------------------------------------------------

    def account_reason(self, move: str, target: OperatorInfo | None) -> str | None:
        """Why the selected account may not be changed this way, in words; None when it may."""
        role_reason = self.refusal_reason("operator.manage")
        if role_reason is not None:
            return role_reason
        if target is None:
            return self.tr("Select an operator")
        refusal = operator_account_refusal(self.ctx.actor, move, target)
        return None if refusal is None else self.refusal_words(refusal, target)

    def refusal_words(self, refusal: Refusal, target: OperatorInfo) -> str:
        if refusal.rule is Rule.OWN_ACCOUNT:
            return self.tr(
                "This is your own account: another administrator changes it. "
                "Change your password from the menu under your name."
            )
        if refusal.rule is Rule.NOT_LOCKED:
            return self.tr("%s is not locked after failed sign-ins.") % target.username
        if refusal.rule is Rule.ACCOUNT_STATE:
            if target.active:
                return self.tr("%s is already active.") % target.username
            return self.tr("%s is already disabled.") % target.username
        return role_refusal_text(self.ctx.actor.role, refusal)

    @Slot()
    def update_actions(self) -> None:
        self.guard(self.new_button, "operator.manage")
        target = self.selected()
        for button, move in (
            (self.role_button, ACCOUNT_ROLE),
            (self.disable_button, ACCOUNT_DISABLE),
            (self.enable_button, ACCOUNT_ENABLE),
            (self.password_button, ACCOUNT_PASSWORD),
            (self.unlock_button, ACCOUNT_UNLOCK),
            (self.sign_out_button, ACCOUNT_SIGN_OUT),
        ):
            reason = self.account_reason(move, target)
            button.setEnabled(reason is None)
            button.setToolTip(reason or "")

    # --- actions -------------------------------------------------------------------------------

    def submit(self, dialog: MoneyDialog, request: Callable[[str], Callable[[], OperatorInfo]], done_text: str) -> bool:
        """Confirm with ``dialog``, then run ``request(reason)()`` off the GUI thread.

        ``request`` reads the form on the GUI thread and returns the work for the worker. The
        dialog (a MoneyDialog for its waiting, not for money: its key is not used) stays open
        until the service answers, so a refusal (a name taken, the last administrator) shows
        in the form with everything typed still there. ``done_text`` has a %s for the name.
        """

        def done(info: OperatorInfo) -> None:
            self.status_message.emit(done_text % info.username)
            self.refresh()
            self.select_username(info.username)

        return self.submit_money(dialog, lambda _key: request(dialog.reason_text()), done, changes=ACCOUNT_CHANGES)

    def role_combo(self, current: str = "operator") -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName("role")
        for role in ROLES:
            combo.addItem(role_text(role), role)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        return combo

    def password_fields(self) -> tuple[QLineEdit, QLineEdit]:
        first, second = QLineEdit(self), QLineEdit(self)
        first.setObjectName("password")
        second.setObjectName("repeatPassword")
        for field in (first, second):
            field.setEchoMode(QLineEdit.EchoMode.Password)
        return first, second

    def check_passwords(self, first: QLineEdit, second: QLineEdit) -> None:
        validate_password(first.text())
        if first.text() != second.text():
            raise ValidationError(self.tr("The two passwords differ."))

    @Slot()
    def on_new_clicked(self) -> None:
        if self.refusal_reason("operator.manage") is not None:
            return
        name = QLineEdit(self)
        name.setObjectName("username")
        role = self.role_combo()
        password, repeat = self.password_fields()
        dialog = MoneyDialog(
            self,
            self.tr("New operator"),
            self.tr("The new operator signs in with this name and password."),
            fields=[
                (self.tr("Name"), name),
                (self.tr("Role"), role),
                (self.tr("Password"), password),
                (self.tr("Repeat password"), repeat),
            ],
            confirm_text=self.tr("Create"),
        )
        name.setFocus()

        def validate() -> None:
            validate_new_operator(name.text().strip(), password.text(), role.currentData())
            self.check_passwords(password, repeat)

        dialog.validator = validate
        core, actor = self.ctx.core, self.ctx.actor
        self.submit(
            dialog,
            lambda reason: partial(
                core.operators.create_operator, actor, name.text().strip(), password.text(), role.currentData(), reason
            ),
            self.tr("Operator %s created"),
        )

    @Slot()
    def on_change_role_clicked(self) -> None:
        target = self.selected()
        if target is None or self.account_reason(ACCOUNT_ROLE, target) is not None:
            return
        role = self.role_combo(target.role)
        dialog = MoneyDialog(
            self,
            self.tr("Change role"),
            self.tr("The role of %1 is %2 now. Choose what they may do from now on.")
            .replace("%1", target.username)
            .replace("%2", role_text(target.role)),
            fields=[(self.tr("Role"), role)],
            confirm_text=self.tr("Change role"),
        )
        core, actor = self.ctx.core, self.ctx.actor
        self.submit(
            dialog,
            lambda reason: partial(core.operators.set_role, actor, target.username, role.currentData(), reason),
            self.tr("%s has a new role"),
        )

    @Slot()
    def on_disable_clicked(self) -> None:
        target = self.selected()
        if target is None or self.account_reason(ACCOUNT_DISABLE, target) is not None:
            return
        dialog = MoneyDialog(
            self,
            self.tr("Disable operator"),
            self.tr("%s will no longer be able to sign in. Their history stays; you can re-enable them later.")
            % target.username,
            confirm_text=self.tr("Disable"),
        )
        core, actor = self.ctx.core, self.ctx.actor
        self.submit(
            dialog,
            lambda reason: partial(core.operators.disable, actor, target.username, reason),
            self.tr("%s was disabled"),
        )

    @Slot()
    def on_enable_clicked(self) -> None:
        target = self.selected()
        if target is None or self.account_reason(ACCOUNT_ENABLE, target) is not None:
            return
        dialog = MoneyDialog(
            self,
            self.tr("Re-enable operator"),
            self.tr("%s will be able to sign in again, with the same role and password.") % target.username,
            confirm_text=self.tr("Re-enable"),
        )
        core, actor = self.ctx.core, self.ctx.actor
        self.submit(
            dialog,
            lambda reason: partial(core.operators.enable, actor, target.username, reason),
            self.tr("%s was re-enabled"),
        )

    @Slot()
    def on_unlock_clicked(self) -> None:
        target = self.selected()
        if target is None or self.account_reason(ACCOUNT_UNLOCK, target) is not None:
            return
        dialog = MoneyDialog(
            self,
            self.tr("Unlock operator"),
            self.tr("%s was locked after too many failed sign-ins; they may try again at once.") % target.username,
            confirm_text=self.tr("Unlock"),
        )
        core, actor = self.ctx.core, self.ctx.actor
        self.submit(
            dialog,
            lambda reason: partial(core.operators.unlock, actor, target.username, reason),
            self.tr("%s was unlocked"),
        )

    @Slot()
    def on_sign_out_everywhere_clicked(self) -> None:
        target = self.selected()
        if target is None or self.account_reason(ACCOUNT_SIGN_OUT, target) is not None:
            return
        dialog = MoneyDialog(
            self,
            self.tr("Sign out everywhere"),
            self.tr(
                "Every computer that remembers %s will ask for their password at its next start "
                "(a desk they have open now stays signed in until they sign out)."
            )
            % target.username,
            confirm_text=self.tr("Sign out everywhere"),
        )
        core, actor, username = self.ctx.core, self.ctx.actor, target.username

        def sign_out(reason: str) -> Callable[[], OperatorInfo]:
            def work() -> OperatorInfo:
                core.sign_in_tokens.sign_out_everywhere(actor, username, reason)
                return target

            return work

        self.submit(dialog, sign_out, self.tr("%s was signed out on every computer"))

    @Slot()
    def on_reset_password_clicked(self) -> None:
        target = self.selected()
        if target is None or self.account_reason(ACCOUNT_PASSWORD, target) is not None:
            return
        password, repeat = self.password_fields()
        dialog = MoneyDialog(
            self,
            self.tr("Reset password"),
            self.tr("Choose a new password for %s and tell them in person; they can change it after signing in.")
            % target.username,
            fields=[(self.tr("New password"), password), (self.tr("Repeat password"), repeat)],
            confirm_text=self.tr("Reset password"),
        )
        password.setFocus()
        dialog.validator = lambda: self.check_passwords(password, repeat)
        core, actor = self.ctx.core, self.ctx.actor
        self.submit(
            dialog,
            lambda reason: partial(core.operators.reset_password, actor, target.username, password.text(), reason),
            self.tr("The password of %s was reset"),
        )
