from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QMessageBox

from models.tables import AuditEntry, LedgerEntry, Plan, Refund, Subscription, TopUp, Wallet
from services.auth import SYSTEM
from ui.pages.wallets import WalletsPage


def rich_wallet_id() -> int:
    return Wallet.select().order_by(Wallet.balance_minor.desc(), Wallet.id).first().id


def open_wallet(page, wallet_id: int) -> dict:
    assert page.open_subject("wallet", wallet_id)
    record = page.current_record()
    assert record is not None and record["id"] == wallet_id
    return record


def select_entry(page, kind: str) -> dict:
    model = page.ledger_model
    for row in range(model.rowCount()):
        if model.record_at(row)["kind"] == kind:
            page.ledger_table.selectRow(row)
            return model.record_at(row)
    raise AssertionError(f"no {kind} entry")


def field(dialog, name, kind=QLineEdit):
    widget = dialog.findChild(kind, name)
    assert widget is not None, name
    return widget


def test_models_pass_the_model_tester(make_page, qtmodeltester):
    env = make_page(WalletsPage)
    page = env.page
    assert page.title == "Wallets & ledger"
    assert page.model.rowCount() == 60
    open_wallet(page, 3)
    assert page.ledger_model.rowCount() == LedgerEntry.select().where(LedgerEntry.wallet == 3).count() > 0
    # Checked last: the tester's own fetchMore during a later reset would insert rows inside it.
    qtmodeltester.check(page.ledger_model)
    qtmodeltester.check(page.model)


def test_search_currency_filter_and_last_movement_sort(make_page):
    env = make_page(WalletsPage)
    page, model = env.page, env.page.model
    wallet = Wallet.get_by_id(9)
    page.search.setText(wallet.customer.email.upper())
    page.on_search_settled()
    assert [model.record_at(r)["id"] for r in range(model.rowCount())] == [9]
    assert wallet.customer.email in model.data(model.index(0, 1))
    page.search.setText("")
    page.on_search_settled()
    page.currency_filter.setCurrentIndex(page.currency_filter.findData("EUR"))
    assert model.rowCount() == 0
    page.currency_filter.setCurrentIndex(page.currency_filter.findData("USD"))
    assert model.rowCount() == 60
    column = [c.key for c in model.columns].index("last_movement")
    model.sort(column, Qt.SortOrder.DescendingOrder)
    newest = LedgerEntry.select().order_by(LedgerEntry.created_at.desc()).first()
    assert model.record_at(0)["id"] == newest.wallet_id


def test_selecting_a_wallet_shows_its_detail_and_ledger_filtered_by_kind(make_page):
    env = make_page(WalletsPage)
    page = env.page
    page.table.selectRow(0)
    record = page.current_record()
    assert record["customer_name"] in page.detail.toPlainText()
    assert page.ledger_title.text() == f"Ledger of {record['customer_name']} ({record['currency']})"
    page.kind_filter.setCurrentIndex(page.kind_filter.findData("renewal"))
    kinds = {page.ledger_model.record_at(r)["kind"] for r in range(page.ledger_model.rowCount())}
    assert kinds == {"renewal"}
    page.table.clearSelection()
    assert page.ledger_model.rowCount() == 0
    assert not page.refund_topup_button.isEnabled()


def test_refund_part_of_a_charge_shows_the_cap_and_credits_the_wallet(make_page, answer_dialogs):
    env = make_page(WalletsPage)
    page = env.page
    wallet_id = rich_wallet_id()
    open_wallet(page, wallet_id)
    entry = select_entry(page, "renewal")
    charged = -entry["amount_minor"]
    before = Wallet.get_by_id(wallet_id).balance_minor

    def fill(dialog):
        field(dialog, "amount").setText("1.00")
        dialog.reason.setPlainText("service outage on the 3rd")

    shown = answer_dialogs(fill)
    page.on_refund_charge_clicked()
    assert f"${charged / 100:,.2f} is left" in shown[0].summary.text()
    assert Wallet.get_by_id(wallet_id).balance_minor == before + 100
    refund = Refund.get(Refund.ledger_entry == entry["id"])
    assert (refund.kind, refund.amount_minor, refund.reason) == ("charge", 100, "service outage on the 3rd")
    # The ledger shows the new entry and the cap shrinks by what was given back.
    assert page.ledger_model.record_at(0)["kind"] == "refund"
    select_entry(page, "renewal")
    page.on_refund_charge_clicked()
    assert f"${(charged - 100) / 100:,.2f} is left" in shown[1].summary.text()


def test_refund_charge_over_the_cap_or_without_reason_is_refused_in_the_form(make_page, answer_dialogs):
    env = make_page(WalletsPage)
    page = env.page
    open_wallet(page, rich_wallet_id())
    entry = select_entry(page, "renewal")
    over = f"{(-entry['amount_minor'] + 1) / 100:.2f}"
    shown = answer_dialogs(lambda d: (field(d, "amount").setText(over), d.reason.setPlainText("goodwill")))
    page.on_refund_charge_clicked()
    assert shown[0].error.isVisibleTo(shown[0]) and "left to refund" in shown[0].error.text()
    shown = answer_dialogs(lambda d: field(d, "amount").setText("1.00"))
    page.on_refund_charge_clicked()
    assert "reason" in shown[-1].error.text()
    assert Refund.select().count() == 0


def test_refund_charge_is_only_for_charges_and_only_for_admins(make_page):
    env = make_page(WalletsPage)
    page = env.page
    open_wallet(page, 4)
    select_entry(page, "topup")
    assert not page.refund_charge_button.isEnabled() and "Refund top-up" in page.refund_charge_button.toolTip()
    select_entry(page, "renewal")
    assert page.refund_charge_button.isEnabled()


def test_operator_may_not_refund_or_adjust(make_page):
    env = make_page(WalletsPage, role="operator")
    page = env.page
    open_wallet(page, 4)
    select_entry(page, "renewal")
    assert not page.refund_charge_button.isEnabled() and "operator" in page.refund_charge_button.toolTip()
    assert not page.refund_topup_button.isEnabled() and not page.adjust_button.isEnabled()
    assert "operator" in page.adjust_button.toolTip()


def test_refund_topup_reports_that_the_refund_was_sent(make_page, answer_dialogs):
    env = make_page(WalletsPage)
    page = env.page
    wallet_id = rich_wallet_id()
    open_wallet(page, wallet_id)
    before = Wallet.get_by_id(wallet_id).balance_minor
    topup = TopUp.get(TopUp.wallet == wallet_id)

    def fill(dialog):
        assert field(dialog, "topup", QComboBox).currentData().id == topup.id
        assert "At most" in dialog.findChild(type(dialog.summary), "cap").text()
        field(dialog, "amount").setText("2.50")
        dialog.reason.setPlainText("duplicate payment")

    answer_dialogs(fill)
    page.on_refund_topup_clicked()
    assert Wallet.get_by_id(wallet_id).balance_minor == before - 250
    refund = Refund.get(Refund.topup == topup.id)
    assert refund.status == "succeeded"
    outcome = page.findChild(QMessageBox, "refundOutcome")
    assert "sent to the card" in outcome.text()
    assert page.refund_topup_button.isEnabled() and page.refund_topup_button.text() == "Refund top-up…"


def test_refund_topup_queued_for_retry_when_the_gateway_is_down(make_page, answer_dialogs):
    env = make_page(WalletsPage)
    page = env.page
    wallet_id = rich_wallet_id()
    open_wallet(page, wallet_id)
    before = Wallet.get_by_id(wallet_id).balance_minor
    answer_dialogs(lambda d: (field(d, "amount").setText("1.00"), d.reason.setPlainText("customer request")))
    env.core.settings.update(SYSTEM, {"gateway.outage": True})
    page.on_refund_topup_clicked()
    assert "queued for retry" in page.findChild(QMessageBox, "refundOutcome").text()
    assert Refund.get().status == "retrying"
    assert Wallet.get_by_id(wallet_id).balance_minor == before - 100


def test_refund_topup_refused_by_the_processor_goes_back_into_the_wallet(make_page, answer_dialogs):
    env = make_page(WalletsPage)
    page = env.page
    wallet_id = rich_wallet_id()
    TopUp.update(gateway_charge_id="ch_unknown").where(TopUp.wallet == wallet_id).execute()
    open_wallet(page, wallet_id)
    before = Wallet.get_by_id(wallet_id).balance_minor
    answer_dialogs(lambda d: (field(d, "amount").setText("1.00"), d.reason.setPlainText("customer request")))
    page.on_refund_topup_clicked()
    text = page.findChild(QMessageBox, "refundOutcome").text()
    assert "refused" in text and "back in the wallet" in text
    assert Refund.get().status == "failed"
    assert Wallet.get_by_id(wallet_id).balance_minor == before
    kinds = [page.ledger_model.record_at(r)["kind"] for r in range(2)]
    assert kinds == ["reversal", "refund"]


def test_refund_topup_over_what_the_wallet_holds_is_refused_in_the_form(make_page, answer_dialogs):
    env = make_page(WalletsPage)
    page = env.page
    poor = Wallet.select().where(Wallet.balance_minor == 0).first()
    open_wallet(page, poor.id)
    shown = answer_dialogs(lambda d: (field(d, "amount").setText("1.00"), d.reason.setPlainText("asked")))
    page.on_refund_topup_clicked()
    assert "wallet holds only $0.00" in shown[0].findChild(type(shown[0].summary), "cap").text()
    assert "At most $0.00" in shown[0].error.text()
    assert Refund.select().count() == 0


def test_adjust_balance_in_both_directions_and_never_below_zero(make_page, answer_dialogs):
    env = make_page(WalletsPage)
    page = env.page
    wallet_id = rich_wallet_id()
    record = open_wallet(page, wallet_id)
    balance = record["balance_minor"]
    below = f"-{(balance + 1) / 100:.2f}"
    shown = answer_dialogs(lambda d: (field(d, "amount").setText(below), d.reason.setPlainText("fix")))
    page.on_adjust_clicked()
    assert "below zero" in shown[0].error.text()
    shown = answer_dialogs(lambda d: (field(d, "amount").setText("abc"), d.reason.setPlainText("fix")))
    page.on_adjust_clicked()
    assert "not an amount" in shown[-1].error.text()
    assert Wallet.get_by_id(wallet_id).balance_minor == balance

    answer_dialogs(lambda d: (field(d, "amount").setText("-1.25"), d.reason.setPlainText("double credit")))
    page.on_adjust_clicked()
    assert Wallet.get_by_id(wallet_id).balance_minor == balance - 125
    assert AuditEntry.get(AuditEntry.action == "wallet.adjust").reason == "double credit"
    assert page.current_record()["balance_minor"] == balance - 125
    assert page.ledger_model.record_at(0)["kind"] == "adjustment"


def test_viewer_sees_every_action_disabled_with_a_reason(make_page):
    env = make_page(WalletsPage, role="viewer")
    page = env.page
    open_wallet(page, 2)
    for button in (page.refund_topup_button, page.adjust_button, page.refund_charge_button):
        assert not button.isEnabled() and "viewer" in button.toolTip()


def test_open_subject_selects_the_wallet_whatever_the_filters(make_page):
    env = make_page(WalletsPage)
    page = env.page
    page.currency_filter.setCurrentIndex(page.currency_filter.findData("EUR"))
    assert page.model.rowCount() == 0
    record = open_wallet(page, 7)
    assert page.currency_filter.currentIndex() == 0 and page.search.text() == "#7"
    assert page.model.rowCount() == 1 and record["customer_id"] == Wallet.get_by_id(7).customer_id
    assert page.ledger_title.text() == f"Ledger of {record['customer_name']} (USD)"
    assert not page.open_subject("refund", 1) and not page.open_subject("subscription", 1)


def test_with_a_real_worker_pool_the_ledger_follows_the_selection(make_page, qtbot):
    from ui.tasks import TaskRunner

    env = make_page(WalletsPage)
    page = env.page
    runner = TaskRunner(max_threads=2)
    env.ctx.runner = page.model.runner = page.ledger_model.runner = runner
    page.refresh()
    qtbot.waitUntil(lambda: not runner.pending and page.model.rowCount() == 60, timeout=5000)
    page.table.selectRow(2)
    wallet_id = page.current_record()["id"]
    expected = [
        e.id for e in LedgerEntry.select().where(LedgerEntry.wallet == wallet_id).order_by(LedgerEntry.id.desc())
    ]
    qtbot.waitUntil(lambda: not runner.pending and page.ledger_model.rowCount() == len(expected), timeout=5000)
    assert [page.ledger_model.record_at(r)["id"] for r in range(page.ledger_model.rowCount())] == expected
    assert page.detail.toPlainText().startswith(page.current_record()["customer_name"])


def test_the_main_window_opens_wallets_subscriptions_and_plans(make_gui):
    gui = make_gui("admin", customers=20)
    window = gui.window
    window.open_subject("wallet", 5)
    assert type(window.stack.currentWidget()).__name__ == "WalletsPage"
    assert window.stack.currentWidget().current_record()["id"] == 5
    window.open_subject("subscription", 6)
    assert type(window.stack.currentWidget()).__name__ == "SubscriptionsPage"
    assert window.stack.currentWidget().current_record()["id"] == 6
    window.open_subject("plan", Plan.get(Plan.code == "team").id)
    assert window.stack.currentWidget().current_record()["code"] == "team"


def test_search_takes_huge_numbers_and_odd_ids_as_no_match(make_page):
    env = make_page(WalletsPage)
    page = env.page
    for text in ("#99999999999999999999999", "99999999999999999999999", "#abc", "#"):
        page.search.setText(text)
        page.on_search_settled()
        assert page.model.rowCount() == 0 and page.findChild(QMessageBox, "errorBox") is None


def test_ledger_export_writes_the_selected_wallets_entries(make_page, tmp_path):
    env = make_page(WalletsPage)
    page = env.page
    assert not page.export_ledger_button.isEnabled()
    open_wallet(page, 11)
    assert page.export_ledger_button.isEnabled()
    path = tmp_path / "ledger.csv"
    page.export_ledger_to(str(path))
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("Entry,Time,Kind,Amount")
    assert len(lines) - 1 == LedgerEntry.select().where(LedgerEntry.wallet == 11).count()


def select_entry_id(page, entry_id: int) -> dict:
    model = page.ledger_model
    row = model.row_of_id(entry_id)
    assert row >= 0, entry_id
    page.ledger_table.selectRow(row)
    return model.record_at(row)


def rich_starter_subscription():
    return (
        Subscription.select()
        .join(Wallet)
        .where((Subscription.status == "active") & (Subscription.plan == Plan.get(Plan.code == "starter").id))
        .order_by(Wallet.balance_minor.desc(), Subscription.id)
        .first()
    )


def test_charge_refund_cap_after_a_downgrade_is_what_the_service_says(make_page, answer_dialogs):
    env = make_page(WalletsPage)
    page, core = env.page, env.core
    sub = rich_starter_subscription()
    terms = core.subscriptions.preview_plan_change(sub.id, "weekly")
    paying = core.invoices.get(terms.credited_invoice)
    entry_id = paying.payments[0].ledger_entry_id
    core.subscriptions.change_plan(SYSTEM, sub.id, "weekly", "cheaper")
    refund_terms = core.payments.charge_refund_terms(entry_id)
    assert 0 < refund_terms.left_minor == refund_terms.paid_minor - terms.credit_minor < refund_terms.charged_minor

    open_wallet(page, sub.wallet_id)
    select_entry_id(page, entry_id)
    assert page.refund_charge_button.isEnabled()
    left = f"${refund_terms.left_minor / 100:,.2f}"
    over = f"{(refund_terms.left_minor + 1) / 100:.2f}"
    shown = answer_dialogs(lambda d: (field(d, "amount").setText(over), d.reason.setPlainText("goodwill")))
    page.on_refund_charge_clicked()
    summary = shown[0].summary.text()
    assert f"At most {left} is left to refund" in summary
    assert f"credit note against invoice {paying.invoice.number}" in summary
    assert f"credited against it so far (refunds and plan-change credits): ${terms.credit_minor / 100:,.2f}" in summary
    assert "left to refund" in shown[0].error.text()
    assert Refund.select().count() == 0


def test_a_plan_change_charge_is_listed_under_its_kind_and_can_be_refunded(make_page, answer_dialogs):
    env = make_page(WalletsPage)
    page, core = env.page, env.core
    sub = rich_starter_subscription()
    core.subscriptions.change_plan(SYSTEM, sub.id, "team", "growing")
    open_wallet(page, sub.wallet_id)
    labels = [page.kind_filter.itemText(i) for i in range(page.kind_filter.count())]
    assert "plan change" in labels and "plan-change credit" in labels
    page.kind_filter.setCurrentIndex(page.kind_filter.findData("credit"))
    assert [page.ledger_model.record_at(r)["kind"] for r in range(page.ledger_model.rowCount())] == ["credit"]
    assert page.ledger_model.data(page.ledger_model.index(0, 2)) == "plan-change credit"
    page.kind_filter.setCurrentIndex(page.kind_filter.findData("proration"))
    entry = select_entry(page, "proration")
    assert page.ledger_model.data(page.ledger_model.index(0, 2)) == "plan change"
    assert page.refund_charge_button.isEnabled()
    terms = core.payments.charge_refund_terms(entry["id"])
    before = Wallet.get_by_id(sub.wallet_id).balance_minor
    shown = answer_dialogs(lambda d: (field(d, "amount").setText("2.00"), d.reason.setPlainText("trial week")))
    page.on_refund_charge_clicked()
    assert f"At most ${terms.left_minor / 100:,.2f} is left to refund" in shown[0].summary.text()
    assert f"invoice {terms.invoice_number}" in shown[0].summary.text()
    assert Wallet.get_by_id(sub.wallet_id).balance_minor == before + 200
    assert core.payments.charge_refund_terms(entry["id"]).left_minor == terms.left_minor - 200


def test_a_charge_credited_in_full_says_nothing_is_left(make_page, answer_dialogs):
    env = make_page(WalletsPage)
    page, core = env.page, env.core
    wallet_id = rich_wallet_id()
    open_wallet(page, wallet_id)
    entry = select_entry(page, "renewal")
    terms = core.payments.charge_refund_terms(entry["id"])
    core.payments.refund_charge(SYSTEM, entry["id"], terms.left_minor, "all of it")
    shown = answer_dialogs()
    page.on_refund_charge_clicked()
    assert not shown
    box = page.findChild(QMessageBox, "nothingToRefund")
    assert "Nothing is left to refund" in box.text() and terms.invoice_number in box.text()
