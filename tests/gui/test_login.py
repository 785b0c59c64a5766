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
    dialog = LoginDialog(core, TaskRunner(synchronous=True), first_run=True, keyring_reason=None)
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
    dialog = LoginDialog(core, TaskRunner(synchronous=True), first_run=False, keyring_reason=None)
    qtbot.addWidget(dialog)
    dialog.username.setText("root")
    dialog.password.setText("wrong password")
    dialog.on_ok_clicked()
    assert dialog.actor is None and "unknown operator or wrong password" in dialog.error.text()


def test_remember_me_keeps_the_login_in_the_keyring(core, qtbot):
    core.operators.create_first_admin("root", "long enough")
    dialog = LoginDialog(core, TaskRunner(synchronous=True), first_run=False, keyring_reason=None)
    qtbot.addWidget(dialog)
    dialog.username.setText("root")
    dialog.password.setText("long enough")
    dialog.remember.setChecked(True)
    dialog.on_ok_clicked()
    assert dialog.remembered is True
    assert keyring.get_password("subscriptions-admin", remembered_login_name("root")) == "long enough"


def test_remember_me_is_disabled_with_the_reason_when_there_is_no_keyring(core, qtbot):
    dialog = LoginDialog(
        core, TaskRunner(synchronous=True), first_run=False, keyring_reason="No usable system keyring: it is locked"
    )
    qtbot.addWidget(dialog)
    assert not dialog.remember.isEnabled()
    assert "locked" in dialog.remember.toolTip()
