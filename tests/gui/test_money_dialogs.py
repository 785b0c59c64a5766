"""Every dialog that moves money keeps one idempotency key while it is open: a second click, or a
resubmit after an error, never moves the money twice."""

from PySide6.QtWidgets import QLineEdit, QMessageBox

from models.tables import GatewayCharge, LedgerEntry, Refund, TopUp, Wallet
from ui.pages.customers import CustomersPage
from ui.pages.wallets import WalletsPage


def rich_wallet() -> Wallet:
    return Wallet.select().order_by(Wallet.balance_minor.desc(), Wallet.id).first()


def amount_field(dialog) -> QLineEdit:
    return dialog.findChild(QLineEdit, "amount")


def fail_once_after(service, name: str, monkeypatch):
    """The call goes through, then the answer is lost on the way back (the first time only)."""
    real = getattr(service, name)
    calls = []

    def flaky(*args, **kwargs):
        result = real(*args, **kwargs)
        calls.append(kwargs.get("idempotency_key"))
        if len(calls) == 1:
            raise ConnectionError("the answer was lost on the way back")
        return result

    monkeypatch.setattr(service, name, flaky)
    return calls


def test_top_up_submitted_twice_from_one_dialog_charges_once(make_page, answer_dialogs):
    env = make_page(CustomersPage)
    page = env.page
    page.table.selectRow(0)
    record = page.current_record()
    before = Wallet.get_by_id(record["wallet_id"]).balance_minor
    topups, charges = TopUp.select().count(), GatewayCharge.select().count()
    shown = answer_dialogs(lambda d: amount_field(d).setText("7.00"))
    page.on_topup_clicked()
    assert shown[0].result() and not shown[0].busy
    shown[0].on_accept_clicked()  # the same opened dialog, submitted again
    assert Wallet.get_by_id(record["wallet_id"]).balance_minor == before + 700
    assert TopUp.select().count() == topups + 1 and GatewayCharge.select().count() == charges + 1
    assert TopUp.select().order_by(TopUp.id.desc()).first().idempotency_key == shown[0].idempotency_key

    # A new dialog is a new top-up.
    answer_dialogs(lambda d: amount_field(d).setText("7.00"))
    page.on_topup_clicked()
    assert Wallet.get_by_id(record["wallet_id"]).balance_minor == before + 1400


def test_top_up_resubmitted_after_an_error_charges_once(make_page, answer_dialogs, monkeypatch):
    env = make_page(CustomersPage)
    page = env.page
    page.table.selectRow(0)
    record = page.current_record()
    before = Wallet.get_by_id(record["wallet_id"]).balance_minor
    calls = fail_once_after(env.core.payments, "top_up", monkeypatch)
    shown = answer_dialogs(lambda d: amount_field(d).setText("5.00"))
    page.on_topup_clicked()
    dialog = shown[0]
    # The card was charged but the page never heard: the dialog stays open and says so.
    assert not dialog.result() and dialog.error.isVisibleTo(dialog)
    assert "unexpected" in dialog.error.text() and dialog.buttons.isEnabled()
    assert page.findChild(QMessageBox, "topupOutcome") is None
    dialog.on_accept_clicked()
    assert dialog.result()
    assert calls == [dialog.idempotency_key, dialog.idempotency_key]
    assert Wallet.get_by_id(record["wallet_id"]).balance_minor == before + 500
    assert "succeeded" in page.findChild(QMessageBox, "topupOutcome").text()


def test_a_second_click_while_the_top_up_runs_is_ignored(make_page, answer_dialogs, qtbot):
    from ui.tasks import TaskRunner

    env = make_page(CustomersPage)
    page = env.page
    page.table.selectRow(0)
    record = page.current_record()
    before = Wallet.get_by_id(record["wallet_id"]).balance_minor
    runner = TaskRunner(max_threads=2)
    env.ctx.runner = runner

    def fill(dialog):
        amount_field(dialog).setText("3.00")
        dialog.on_accept_clicked()  # the first click; the answering fixture clicks once more at once
        assert dialog.busy and not dialog.buttons.isEnabled()

    shown = answer_dialogs(fill)
    page.on_topup_clicked()
    qtbot.waitUntil(lambda: not runner.pending, timeout=5000)
    assert shown[0].result()
    assert Wallet.get_by_id(record["wallet_id"]).balance_minor == before + 300


def open_wallet(page, wallet_id: int) -> None:
    assert page.open_subject("wallet", wallet_id)


def test_adjustment_submitted_twice_moves_once(make_page, answer_dialogs):
    env = make_page(WalletsPage)
    page = env.page
    wallet = rich_wallet()
    open_wallet(page, wallet.id)
    shown = answer_dialogs(lambda d: (amount_field(d).setText("-1.25"), d.reason.setPlainText("double credit")))
    page.on_adjust_clicked()
    shown[0].on_accept_clicked()
    assert Wallet.get_by_id(wallet.id).balance_minor == wallet.balance_minor - 125
    assert (
        LedgerEntry.select().where((LedgerEntry.wallet == wallet.id) & (LedgerEntry.kind == "adjustment")).count() == 1
    )


def test_charge_refund_resubmitted_after_an_error_refunds_once(make_page, answer_dialogs, monkeypatch):
    env = make_page(WalletsPage)
    page = env.page
    wallet = rich_wallet()
    open_wallet(page, wallet.id)
    model = page.ledger_model
    row = next(r for r in range(model.rowCount()) if model.record_at(r)["kind"] == "renewal")
    page.ledger_table.selectRow(row)
    fail_once_after(env.core.payments, "refund_charge", monkeypatch)
    shown = answer_dialogs(lambda d: (amount_field(d).setText("1.00"), d.reason.setPlainText("outage")))
    page.on_refund_charge_clicked()
    assert not shown[0].result()
    shown[0].on_accept_clicked()
    shown[0].on_accept_clicked()
    assert Wallet.get_by_id(wallet.id).balance_minor == wallet.balance_minor + 100
    assert Refund.select().where(Refund.kind == "charge").count() == 1


def test_topup_refund_submitted_twice_sends_once(make_page, answer_dialogs):
    env = make_page(WalletsPage)
    page = env.page
    wallet = rich_wallet()
    open_wallet(page, wallet.id)
    shown = answer_dialogs(lambda d: (amount_field(d).setText("2.00"), d.reason.setPlainText("asked")))
    page.on_refund_topup_clicked()
    shown[0].on_accept_clicked()
    assert Wallet.get_by_id(wallet.id).balance_minor == wallet.balance_minor - 200
    assert Refund.select().where(Refund.kind == "topup").count() == 1
    assert Refund.get().idempotency_key == shown[0].idempotency_key
