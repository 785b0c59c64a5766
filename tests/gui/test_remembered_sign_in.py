"""Remember me at the desk: a token in the keyring signs the next start in; signing out ends it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from models.tables import AuditEntry, SignInToken
from scheduler.runner import BackgroundScheduler
from services.errors import AuthenticationFailed
from services.secrets import sign_in_token_name
from ui.login import LoginDialog
from ui.tasks import TaskRunner

KEYRING = "subscriptions-admin"
DESK = "desk-7.office"


@pytest.fixture
def desk_parts(qtbot, db, clock, tmp_path):
    from scheduler.core import build_core
    from services.demo import create_demo

    core = build_core(clock, gateway_sleep=lambda seconds: None)
    core.secrets.set("gateway_api_key", "sk_test_gui")
    create_demo(clock, customers=5, seed=5)
    qsettings = QSettings(str(tmp_path / "desktop.ini"), QSettings.Format.IniFormat)
    return core, TaskRunner(synchronous=True), qsettings


@pytest.fixture
def desk(desk_parts, clock, keep_alive):
    from ui.app import Desk

    core, runner, qsettings = desk_parts
    scheduler = BackgroundScheduler([], clock, tick_seconds=0.05)
    made = Desk(core, runner, qsettings, scheduler=scheduler)
    keep_alive.append(made)
    yield made
    if made.login is not None:
        made.login.close()
    made.close_window()


def first_start(core, runner, qsettings, qtbot, username, password, *, remember=True) -> LoginDialog:
    """Sign in with the password as the desk's first start does, then keep what the desk keeps."""
    from ui.app import Desk, sign_in_dialog

    dialog = sign_in_dialog(core, runner, qsettings)
    dialog.device = DESK
    qtbot.addWidget(dialog)
    dialog.username.setText(username)
    dialog.password.setText(password)
    dialog.remember.setChecked(remember)
    dialog.on_ok_clicked()
    assert dialog.actor is not None and dialog.actor.name == username
    Desk(core, runner, qsettings).remember(dialog)
    return dialog


def next_start(core, runner, qsettings, qtbot) -> LoginDialog:
    """The next start: a fresh dialog over the same settings file, shown, its first events handled."""
    from ui.app import sign_in_dialog

    dialog = sign_in_dialog(core, runner, QSettings(qsettings.fileName(), QSettings.Format.IniFormat))
    dialog.device = DESK
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: not dialog.waiting_for_remembered)
    return dialog


def token_in_keyring(memory_keyring, username="operator"):
    return memory_keyring.store.get((KEYRING, sign_in_token_name(username)))


def test_remember_me_signs_the_next_start_in_without_the_password(desk_parts, qtbot, memory_keyring):
    core, runner, qsettings = desk_parts
    first = first_start(core, runner, qsettings, qtbot, "operator", "operator-demo-pass")
    assert first.remembered_here
    token = token_in_keyring(memory_keyring)
    assert token and "operator-demo-pass" not in repr(memory_keyring.store)

    again = next_start(core, runner, qsettings, qtbot)
    assert again.result() == LoginDialog.DialogCode.Accepted and again.signed_in_remembered
    assert again.actor.name == "operator" and again.actor.role == "operator"
    assert again.password.text() == ""
    assert token_in_keyring(memory_keyring) not in (None, token)  # replaced at each use


def test_an_administrator_is_told_the_password_is_always_asked_and_gets_no_token(desk_parts, qtbot, memory_keyring):
    core, runner, qsettings = desk_parts
    first = first_start(core, runner, qsettings, qtbot, "admin", "admin-demo-pass")
    assert first.remember_note.text() == (
        "Administrators always type their password: for them only the name is remembered."
    )
    assert not first.remembered_here and token_in_keyring(memory_keyring, "admin") is None
    again = next_start(core, runner, qsettings, qtbot)
    assert again.actor is None and again.result() == 0
    assert again.username.text() == "admin" and again.error.text() == ""


def test_an_expired_token_shows_the_dialog_with_the_name_and_leaves_the_keyring(
    desk_parts, qtbot, clock, memory_keyring
):
    core, runner, qsettings = desk_parts
    first_start(core, runner, qsettings, qtbot, "operator", "operator-demo-pass")
    clock.advance(days=31)
    again = next_start(core, runner, qsettings, qtbot)
    assert again.actor is None and again.isVisible()
    assert again.username.text() == "operator" and again.remember.isChecked()
    assert "expired" in again.error.text()
    assert token_in_keyring(memory_keyring) is None


def test_unchecking_remember_me_ends_this_computer_token(desk_parts, qtbot, memory_keyring):
    core, runner, qsettings = desk_parts
    first_start(core, runner, qsettings, qtbot, "operator", "operator-demo-pass")
    first_start(core, runner, qsettings, qtbot, "operator", "operator-demo-pass", remember=False)
    assert token_in_keyring(memory_keyring) is None
    assert SignInToken.select().where(SignInToken.revoked_at.is_null()).count() == 0


def test_signing_out_ends_this_computer_token(desk, qtbot, memory_keyring):
    first_start(desk.core, desk.runner, desk.qsettings, qtbot, "operator", "operator-demo-pass")
    window = desk.open(desk.core.operators.authenticate("operator", "operator-demo-pass"))
    qtbot.addWidget(window)
    window.sign_out_action.trigger()
    qtbot.addWidget(desk.login)
    assert token_in_keyring(memory_keyring) is None
    assert desk.login.username.text() == "operator" and desk.login.actor is None  # no silent sign-in after it


def test_sign_out_everywhere_from_the_menu_under_the_name(desk, qtbot, memory_keyring, answer_dialogs):
    core = desk.core
    first_start(core, desk.runner, desk.qsettings, qtbot, "operator", "operator-demo-pass")
    actor = core.operators.authenticate("operator", "operator-demo-pass")
    core.sign_in_tokens.issue(actor, "laptop")
    window = desk.open(actor)
    qtbot.addWidget(window)
    menu = window.operator_button.menu().actions()
    assert window.sign_out_everywhere_action in menu and menu[-1] is window.sign_out_action

    shown = answer_dialogs()
    window.sign_out_everywhere_action.trigger()
    assert "Remember me" in shown[0].summary.text()
    assert core.sign_in_tokens.remembered_computers("operator") == 0
    assert token_in_keyring(memory_keyring) is None
    assert desk.window is None and desk.login is not None and desk.login.isVisible()
    qtbot.addWidget(desk.login)
    assert "signed out on every computer" in desk.login.error.text()
    entry = AuditEntry.get(AuditEntry.action == "operator.sign_in_tokens_revoked")
    assert entry.actor == "operator" and '"count": 2' in entry.after


def test_an_admin_signs_an_operator_out_everywhere_from_the_operators_page(make_gui, answer_dialogs, memory_keyring):
    gui = make_gui("admin", customers=5)
    operator = gui.core.operators.authenticate("operator", "operator-demo-pass")
    gui.core.sign_in_tokens.issue(operator, DESK)
    page = gui.page("OperatorsPage")
    page.select_username("operator")
    assert page.sign_out_button.isEnabled()
    shown = answer_dialogs(lambda dialog: dialog.reason.setPlainText("laptop stolen"))
    page.sign_out_button.click()
    assert "operator" in shown[0].summary.text()
    assert gui.core.sign_in_tokens.remembered_computers("operator") == 0
    assert "signed out on every computer" in gui.window.statusBar().currentMessage()
    entry = AuditEntry.get(AuditEntry.action == "operator.sign_in_tokens_revoked")
    assert (entry.actor, entry.reason) == ("admin", "laptop stolen")


def test_a_viewer_cannot_sign_others_out_from_the_operators_page(make_gui):
    gui = make_gui("viewer", customers=5)
    page = gui.page("OperatorsPage")
    page.select_username("operator")
    assert not page.sign_out_button.isEnabled() and page.sign_out_button.toolTip()


def test_a_desk_told_to_wait_after_failed_sign_ins_waits_without_blocking(desk_parts, qtbot):
    core, runner, qsettings = desk_parts
    dialog = LoginDialog(core, runner, first_run=False, device=DESK)
    qtbot.addWidget(dialog)
    for name in ("operator", "viewer", "nobody"):
        dialog.username.setText(name)
        dialog.password.setText("someone-guessing")
        dialog.on_ok_clicked()
        assert dialog.error.text() == "Unknown operator or wrong password."
    dialog.username.setText("operator")
    dialog.password.setText("operator-demo-pass")
    dialog.on_ok_clicked()
    assert dialog.actor is None and "wait 1 s" in dialog.error.text()
    assert not dialog.buttons.isEnabled()  # until the delay has passed, on a timer
    dialog.on_delay_over()
    core.clock.advance(seconds=1)
    dialog.on_ok_clicked()
    assert dialog.actor is not None and dialog.actor.name == "operator"
    with pytest.raises(AuthenticationFailed):
        core.operators.authenticate("operator", "someone-guessing", device=DESK)


def test_the_remembered_sign_in_runs_off_the_gui_thread_and_answers_on_it(
    desk_parts, qtbot, memory_keyring, monkeypatch
):
    import threading

    from PySide6.QtCore import QThread

    from ui import login
    from ui.app import sign_in_dialog

    core, runner, qsettings = desk_parts
    first_start(core, runner, qsettings, qtbot, "operator", "operator-demo-pass")
    seen = {}
    real = login.sign_in_remembered

    def watched(*args):
        seen["worker"] = threading.current_thread() is not threading.main_thread()
        return real(*args)

    monkeypatch.setattr(login, "sign_in_remembered", watched)
    threaded = TaskRunner()
    dialog = sign_in_dialog(core, threaded, QSettings(qsettings.fileName(), QSettings.Format.IniFormat))
    dialog.device = DESK
    qtbot.addWidget(dialog)
    dialog.accepted.connect(lambda: seen.setdefault("accepted_on_gui", QThread.currentThread() is dialog.thread()))
    dialog.show()
    assert not dialog.buttons.isEnabled()  # waiting for the keyring and the database, without blocking
    try:
        qtbot.waitUntil(lambda: dialog.result() == LoginDialog.DialogCode.Accepted, timeout=5000)
    finally:
        threaded.wait_idle(5000)
    assert seen == {"worker": True, "accepted_on_gui": True}
    assert dialog.actor.name == "operator" and dialog.signed_in_remembered
