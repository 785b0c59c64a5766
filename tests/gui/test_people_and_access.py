"""People and access at the desk: signing out and back in, one's own password, "Remember me"
that keeps a name and never a password, and the admin's Operators page."""

from __future__ import annotations

import keyring
import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QMessageBox

from models.tables import AuditEntry, Operator
from scheduler.runner import BackgroundScheduler
from services.errors import AuthenticationFailed
from services.secrets import remembered_login_name
from ui.login import ChangePasswordDialog, LoginDialog
from ui.tasks import TaskRunner

DEMO_PASSWORDS = {"admin": "admin-demo-pass", "operator": "operator-demo-pass", "viewer": "viewer-demo-pass"}


@pytest.fixture
def desk_parts(qtbot, db, clock, tmp_path):
    """The core over a demo database (operators admin, operator, viewer), a runner and the desk's settings."""
    from scheduler.core import build_core
    from services.demo import create_demo

    core = build_core(clock, gateway_sleep=lambda seconds: None)
    core.secrets.set("gateway_api_key", "sk_test_gui")
    create_demo(clock, customers=10, seed=5)
    qsettings = QSettings(str(tmp_path / "desktop.ini"), QSettings.Format.IniFormat)
    return core, TaskRunner(synchronous=True), qsettings


def sign_in(dialog: LoginDialog, username: str, password: str, *, remember: bool) -> None:
    dialog.username.setText(username)
    dialog.password.setText(password)
    dialog.remember.setChecked(remember)
    dialog.on_ok_clicked()


# --- "Remember me" -----------------------------------------------------------------------------


def test_remember_me_fills_in_the_name_at_the_next_start_and_never_signs_in_alone(desk_parts, qtbot):
    from ui.app import Desk, sign_in_dialog

    core, runner, qsettings = desk_parts
    first = sign_in_dialog(core, runner, qsettings)
    qtbot.addWidget(first)
    assert first.username.text() == "" and not first.remember.isChecked()
    sign_in(first, "admin", "admin-demo-pass", remember=True)
    assert first.actor is not None and first.actor.name == "admin"
    Desk(core, runner, qsettings).remember(first)
    assert keyring.get_password("subscriptions-admin", remembered_login_name("admin")) is None

    # The next start: the same settings file, a fresh dialog.
    again = sign_in_dialog(core, runner, QSettings(qsettings.fileName(), QSettings.Format.IniFormat))
    qtbot.addWidget(again)
    assert again.username.text() == "admin"
    assert again.password.text() == ""
    assert again.remember.isChecked()
    assert again.actor is None and again.result() == 0  # nobody was signed in without a password
    assert again.focusWidget() in (None, again.password)


def test_remember_off_forgets_the_name(desk_parts, qtbot):
    from ui.app import Desk, sign_in_dialog

    core, runner, qsettings = desk_parts
    qsettings.setValue("login/last_username", "admin")
    dialog = sign_in_dialog(core, runner, qsettings)
    qtbot.addWidget(dialog)
    sign_in(dialog, "operator", "operator-demo-pass", remember=False)
    Desk(core, runner, qsettings).remember(dialog)
    later = sign_in_dialog(core, runner, qsettings)
    qtbot.addWidget(later)
    assert later.username.text() == "" and not later.remember.isChecked()


def test_a_password_an_earlier_version_remembered_is_deleted_at_start_and_not_used(desk_parts, qtbot):
    from ui.app import sign_in_dialog

    core, runner, qsettings = desk_parts
    qsettings.setValue("login/last_username", "admin")
    keyring.set_password("subscriptions-admin", remembered_login_name("admin"), "admin-demo-pass")
    dialog = sign_in_dialog(core, runner, qsettings)
    qtbot.addWidget(dialog)
    assert keyring.get_password("subscriptions-admin", remembered_login_name("admin")) is None
    assert dialog.username.text() == "admin" and dialog.password.text() == "" and dialog.actor is None


# --- signing out ---------------------------------------------------------------------------------


@pytest.fixture
def desk(desk_parts, qtbot, clock, keep_alive):
    from ui.app import Desk

    core, runner, qsettings = desk_parts
    scheduler = BackgroundScheduler([], clock, tick_seconds=0.05)
    made = Desk(core, runner, qsettings, scheduler=scheduler)
    keep_alive.append(made)
    scheduler.start()
    yield made
    if made.login is not None:
        made.login.close()
    made.close_window()
    scheduler.stop(timeout=5)


def test_signing_out_returns_to_the_sign_in_dialog_and_the_next_operator_gets_their_own_desk(desk, qtbot):
    quits = []
    desk.quit_requested.connect(lambda: quits.append(True))
    desk.qsettings.setValue("login/last_username", "admin")
    admin_window = desk.open(desk.core.operators.authenticate("admin", "admin-demo-pass"))
    qtbot.addWidget(admin_window)
    assert admin_window.sign_out_action.text() == "Sign out"
    assert admin_window.operator_button.menu().actions()[-1] is admin_window.sign_out_action

    admin_window.sign_out_action.trigger()
    login = desk.login
    assert login is not None and login.isVisible()
    qtbot.addWidget(login)
    assert not admin_window.isVisible() and desk.window is None
    assert login.username.text() == "admin" and login.password.text() == ""
    assert "keep running in the background" in login.intro.text()
    assert desk.scheduler.is_running  # the desk's background jobs go on while nobody is signed in
    assert QApplication.instance().quitOnLastWindowClosed() is False  # closing the window did not end the app

    sign_in(login, "operator", "operator-demo-pass", remember=True)
    assert desk.window is not None and desk.window.isVisible() and desk.window is not admin_window
    qtbot.addWidget(desk.window)
    assert desk.window.operator_button.text().startswith("operator · ")
    assert desk.window.ctx.actor.role == "operator"
    assert desk.scheduler.is_running and quits == []
    assert QApplication.instance().quitOnLastWindowClosed() is True


def test_cancel_at_the_sign_in_after_signing_out_quits_the_app(desk, qtbot):
    quits = []
    desk.quit_requested.connect(lambda: quits.append(True))
    window = desk.open(desk.core.operators.authenticate("viewer", "viewer-demo-pass"))
    qtbot.addWidget(window)
    window.sign_out_action.trigger()
    qtbot.addWidget(desk.login)
    desk.login.reject()
    assert quits == [True] and desk.window is None


# --- one's own password ---------------------------------------------------------------------------


def test_anyone_changes_their_own_password_from_the_menu_under_their_name(make_gui, qtbot):
    gui = make_gui("viewer", customers=5)
    assert gui.window.change_password_action in gui.window.operator_button.menu().actions()
    gui.window.change_password_action.trigger()
    dialog = gui.window.findChild(ChangePasswordDialog)
    assert dialog is not None and dialog.isVisible()

    dialog.current.setText("not my password")
    dialog.new.setText("a brand new pass")
    dialog.repeat.setText("a brand new pass")
    dialog.on_ok_clicked()
    assert dialog.isVisible() and "current password is wrong" in dialog.error.text()
    assert dialog.new.text() == "a brand new pass"  # what was typed stays

    dialog.current.setText("viewer-demo-pass")
    dialog.repeat.setText("a brand new pas")
    dialog.on_ok_clicked()
    assert dialog.isVisible() and "differ" in dialog.error.text()

    dialog.repeat.setText("a brand new pass")
    dialog.on_ok_clicked()
    assert not dialog.isVisible() and dialog.changed
    assert "password was changed" in gui.window.statusBar().currentMessage()
    assert gui.core.operators.authenticate("viewer", "a brand new pass").name == "viewer"
    with pytest.raises(AuthenticationFailed):
        gui.core.operators.authenticate("viewer", "viewer-demo-pass")


# --- the Operators page ------------------------------------------------------------------------------


def table_rows(page) -> dict[str, tuple[str, str]]:
    rows = {}
    for row in range(page.table.rowCount()):
        rows[page.table.item(row, 0).text()] = (page.table.item(row, 1).text(), page.table.item(row, 2).text())
    return rows


def select(page, username: str) -> None:
    page.select_username(username)
    assert page.selected() is not None and page.selected().username == username


def test_the_operators_page_lists_every_account_with_role_state_and_creation(make_gui):
    gui = make_gui("admin", customers=5)
    page = gui.page("OperatorsPage")
    assert gui.window.nav.currentItem().text() == "Operators"
    assert table_rows(page) == {
        "admin": ("administrator", "active"),
        "operator": ("operator", "active"),
        "viewer": ("viewer", "active"),
    }
    assert page.table.item(0, 3).text() == gui.clock.now().strftime("%Y-%m-%d %H:%M")
    assert not page.role_notice.isVisible()


def test_an_admin_creates_an_operator_with_a_reason(make_gui, answer_dialogs):
    gui = make_gui("admin", customers=5)
    page = gui.page("OperatorsPage")

    def fill(dialog):
        dialog.findChild(QLineEdit, "username").setText("dora")
        combo = dialog.findChild(QComboBox, "role")
        combo.setCurrentIndex(combo.findData("viewer"))
        dialog.findChild(QLineEdit, "password").setText("dora-password")
        dialog.findChild(QLineEdit, "repeatPassword").setText("dora-password")
        dialog.reason.setPlainText("joins support")

    shown = answer_dialogs(fill)
    page.new_button.click()
    assert len(shown) == 1 and shown[0].result() == 1
    assert table_rows(page)["dora"] == ("viewer", "active")
    assert page.selected().username == "dora"
    assert "dora" in gui.window.statusBar().currentMessage()
    entry = AuditEntry.get(AuditEntry.action == "operator.create", AuditEntry.actor == "admin")
    assert entry.reason == "joins support" and "dora-password" not in (entry.after or "")
    assert gui.core.operators.authenticate("dora", "dora-password").role == "viewer"


def test_a_refused_new_operator_keeps_what_was_typed(make_gui, answer_dialogs):
    gui = make_gui("admin", customers=5)
    page = gui.page("OperatorsPage")

    def fill(dialog):
        dialog.findChild(QLineEdit, "username").setText("operator")  # taken
        dialog.findChild(QLineEdit, "password").setText("another-password")
        dialog.findChild(QLineEdit, "repeatPassword").setText("another-password")
        dialog.reason.setPlainText("duplicate")

    shown = answer_dialogs(fill)
    page.new_button.click()
    dialog = shown[0]
    assert dialog.result() == 0 and dialog.error.isVisibleTo(dialog)
    assert "already exists" in dialog.error.text()
    assert dialog.findChild(QLineEdit, "username").text() == "operator"
    assert dialog.reason_text() == "duplicate"
    assert Operator.select().count() == 3


def test_an_admin_disables_and_re_enables_an_operator(make_gui, answer_dialogs):
    gui = make_gui("admin", customers=5)
    page = gui.page("OperatorsPage")
    select(page, "operator")
    assert page.disable_button.isEnabled() and not page.enable_button.isEnabled()
    assert "already active" in page.enable_button.toolTip()
    shown = answer_dialogs(lambda dialog: dialog.reason.setPlainText("left the team"))
    page.disable_button.click()
    assert "no longer be able to sign in" in shown[0].summary.text()
    assert table_rows(page)["operator"] == ("operator", "disabled")
    with pytest.raises(AuthenticationFailed):
        gui.core.operators.authenticate("operator", "operator-demo-pass")
    assert page.selected().username == "operator"
    assert not page.disable_button.isEnabled() and page.enable_button.isEnabled()

    page.enable_button.click()
    assert table_rows(page)["operator"] == ("operator", "active")
    assert gui.core.operators.authenticate("operator", "operator-demo-pass").role == "operator"
    actions = [e.action for e in AuditEntry.select().where(AuditEntry.target_type == "operator")]
    # the refused sign-in while disabled is audited between the two
    assert actions[-3:] == ["operator.disable", "operator.sign_in_failed", "operator.enable"]


def test_an_admin_changes_a_role_and_resets_a_password(make_gui, answer_dialogs):
    gui = make_gui("admin", customers=5)
    page = gui.page("OperatorsPage")
    select(page, "viewer")

    def promote(dialog):
        combo = dialog.findChild(QComboBox, "role")
        combo.setCurrentIndex(combo.findData("operator"))
        dialog.reason.setPlainText("promoted")

    answer_dialogs(promote)
    page.role_button.click()
    assert table_rows(page)["viewer"] == ("operator", "active")

    def new_password(dialog):
        dialog.findChild(QLineEdit, "password").setText("viewer-new-pass")
        dialog.findChild(QLineEdit, "repeatPassword").setText("viewer-new-pass")
        dialog.reason.setPlainText("forgot it")

    answer_dialogs(new_password)
    page.password_button.click()
    assert gui.core.operators.authenticate("viewer", "viewer-new-pass").role == "operator"
    assert AuditEntry.get(AuditEntry.action == "operator.password_reset").reason == "forgot it"


def test_an_admin_cannot_disable_demote_or_reset_their_own_account_and_sees_why(make_gui):
    gui = make_gui("admin", customers=5)
    page = gui.page("OperatorsPage")
    select(page, "admin")
    for button in (page.disable_button, page.role_button, page.password_button):
        assert not button.isEnabled()
        assert "your own account" in button.toolTip()


@pytest.mark.parametrize("role", ["viewer", "operator"])
def test_only_admins_act_on_the_operators_page_and_others_see_why_in_plain_sight(make_gui, role):
    gui = make_gui(role, customers=5)
    page = gui.page("OperatorsPage")
    assert set(table_rows(page)) == {"admin", "operator", "viewer"}  # everyone may see who has access
    select(page, "viewer")
    for button in (page.new_button, page.role_button, page.disable_button, page.enable_button, page.password_button):
        assert not button.isEnabled()
        assert "administrator" in button.toolTip()
    assert page.role_notice.isVisible()
    assert page.role_notice.text() == (
        f"Signed in as {role}: the greyed-out actions here need the administrator role. "
        "Ask an administrator if you need them."
    )


def test_a_disabled_operators_desk_says_so_and_returns_to_the_sign_in_dialog(desk, qtbot):
    from services.auth import require

    core = desk.core
    admin = core.operators.authenticate("admin", "admin-demo-pass")
    window = desk.open(core.operators.authenticate("operator", "operator-demo-pass"))
    qtbot.addWidget(window)
    actor = window.ctx.actor
    core.operators.disable(admin, "operator", "left the company")

    page_errors: list[BaseException] = []
    desk.runner.run(lambda: require(actor, "topup"), on_error=page_errors.append)  # the desk's next action

    qtbot.waitUntil(lambda: desk.login is not None and desk.login.isVisible())
    qtbot.addWidget(desk.login)
    assert desk.window is None and not window.isVisible()
    boxes = [box for box in desk.login.findChildren(QMessageBox, "errorBox") if box.isVisible()]
    assert [box.text() for box in boxes] == ["Your account was disabled; sign in again."]
    assert page_errors == []  # one message, from the desk, not a second one from the page
    for box in boxes:
        box.close()


def test_the_desk_tells_the_operator_how_many_sign_ins_failed_since_the_last_one(desk, qtbot):
    from services.errors import AuthenticationFailed

    for _ in range(2):
        with pytest.raises(AuthenticationFailed):
            desk.core.operators.authenticate("operator", "someone-guessing")
    window = desk.open(desk.core.operators.authenticate("operator", "operator-demo-pass"))
    qtbot.addWidget(window)
    assert window.statusBar().currentMessage() == (
        "Failed sign-ins to your account since your last sign-in: 2. If they were not yours, tell an administrator."
    )


def test_an_admin_unlocks_an_operator_locked_after_failed_sign_ins(make_gui, answer_dialogs):
    from services.auth import MAX_FAILED_SIGN_INS

    gui = make_gui("admin", customers=5)
    for _ in range(MAX_FAILED_SIGN_INS):
        with pytest.raises(AuthenticationFailed):
            gui.core.operators.authenticate("operator", "someone-guessing")
    page = gui.page("OperatorsPage")
    select(page, "viewer")
    assert not page.unlock_button.isEnabled()
    assert page.unlock_button.toolTip() == "viewer is not locked after failed sign-ins."
    page.refresh()
    select(page, "operator")
    assert page.unlock_button.isEnabled()
    shown = answer_dialogs(lambda dialog: dialog.reason.setPlainText("called the help desk"))
    page.unlock_button.click()
    assert "too many failed sign-ins" in shown[0].summary.text()
    assert gui.core.operators.authenticate("operator", "operator-demo-pass").role == "operator"
