import keyring
import pytest

from models.tables import Operator
from services.secrets import remembered_login_name
from ui.login import LoginDialog
from ui.tasks import TaskRunner


@pytest.fixture
def core(db, clock):
    from scheduler.core import build_core

    return build_core(clock, gateway_sleep=lambda seconds: None)


def test_first_run_creates_the_administrator(core, qtbot):
    dialog = LoginDialog(core, TaskRunner(synchronous=True), first_run=True)
    qtbot.addWidget(dialog)
    dialog.username.setText("root")
    dialog.password.setText("long enough")
    dialog.confirm.setText("long enoug")
    dialog.on_ok_clicked()
    assert "differ" in dialog.error.text() and Operator.select().count() == 0
    dialog.confirm.setText("long enough")
    dialog.on_ok_clicked()
    assert dialog.actor.role == "admin" and dialog.result() == LoginDialog.DialogCode.Accepted
    assert Operator.get(Operator.username == "root").password_hash.startswith("scrypt$")


def test_wrong_password_is_refused_without_saying_which_part(core, qtbot):
    core.operators.create_first_admin("root", "long enough")
    dialog = LoginDialog(core, TaskRunner(synchronous=True), first_run=False)
    qtbot.addWidget(dialog)
    dialog.username.setText("root")
    dialog.password.setText("wrong password")
    dialog.on_ok_clicked()
    assert dialog.actor is None and dialog.error.text() == "Unknown operator or wrong password."


def test_remember_me_keeps_no_password_anywhere(core, qtbot, memory_keyring):
    core.operators.create_first_admin("root", "long enough")
    dialog = LoginDialog(core, TaskRunner(synchronous=True), first_run=False)
    qtbot.addWidget(dialog)
    assert "name" in dialog.remember.text()
    dialog.username.setText("root")
    dialog.password.setText("long enough")
    dialog.remember.setChecked(True)
    dialog.on_ok_clicked()
    assert dialog.actor.name == "root" and dialog.remember_name is True
    assert memory_keyring.store == {}


def test_signing_in_deletes_a_password_an_earlier_version_remembered(core, qtbot, memory_keyring):
    core.operators.create_first_admin("root", "long enough")
    keyring.set_password("subscriptions-admin", remembered_login_name("root"), "long enough")
    dialog = LoginDialog(core, TaskRunner(synchronous=True), first_run=False)
    qtbot.addWidget(dialog)
    dialog.username.setText("root")
    dialog.password.setText("long enough")
    dialog.on_ok_clicked()
    assert dialog.actor.name == "root"
    assert keyring.get_password("subscriptions-admin", remembered_login_name("root")) is None


def test_remember_me_works_without_a_system_keyring(core, qtbot):
    """Only the name is remembered, in the desk's settings: a missing keyring takes nothing away."""
    dialog = LoginDialog(core, TaskRunner(synchronous=True), first_run=False, last_username="root", remembered=True)
    qtbot.addWidget(dialog)
    assert dialog.remember.isEnabled() and dialog.remember.isChecked()
    assert dialog.username.text() == "root" and dialog.password.text() == ""
