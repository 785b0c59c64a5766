import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QMessageBox

from models.tables import AuditEntry, Customer, TopUp, Wallet
from ui.pages.customers import CustomersPage


def test_model_passes_the_model_tester(make_page, qtmodeltester):
    env = make_page(CustomersPage)
    qtmodeltester.check(env.page.model)
    assert env.page.model.rowCount() == 60


def test_model_pages_by_keyset_and_sorts_in_sql(make_page):
    env = make_page(CustomersPage, customers=450)
    model = env.page.model
    assert model.rowCount() == 200 and model.canFetchMore()
    model.fetchMore()
    model.fetchMore()
    assert model.rowCount() == 450 and not model.canFetchMore()
    ids = [model.record_at(r)["id"] for r in range(model.rowCount())]
    assert len(set(ids)) == 450
    balance_column = [c.key for c in model.columns].index("balance_minor")
    model.sort(balance_column, Qt.SortOrder.DescendingOrder)
    top = model.record_at(0)["balance_minor"]
    assert top == max(w.balance_minor for w in Wallet.select())


def test_search_filters_in_sql_and_treats_wildcards_as_text(make_page):
    env = make_page(CustomersPage)
    page = env.page
    page.search.setText("%")
    page.on_search_settled()
    assert page.model.rowCount() == 0
    someone = Customer.get_by_id(7)
    page.search.setText(someone.email.upper())
    page.on_search_settled()
    assert [page.model.record_at(r)["id"] for r in range(page.model.rowCount())] == [7]


def test_topup_runs_and_reports_the_outcome(make_page, answer_dialogs, qtbot):
    env = make_page(CustomersPage)
    page = env.page
    page.table.selectRow(0)
    record = page.current_record()
    before = Wallet.get_by_id(record["wallet_id"]).balance_minor
    answer_dialogs(lambda d: d.form.itemAt(0, d.form.ItemRole.FieldRole).widget().setText("12.34"))
    page.on_topup_clicked()
    assert Wallet.get_by_id(record["wallet_id"]).balance_minor == before + 1234
    outcome = page.findChild(QMessageBox, "topupOutcome")
    assert "succeeded" in outcome.text()


def test_bad_topup_amount_is_refused_in_the_form(make_page, answer_dialogs):
    env = make_page(CustomersPage)
    page = env.page
    page.table.selectRow(0)
    shown = answer_dialogs(lambda d: d.form.itemAt(0, d.form.ItemRole.FieldRole).widget().setText("-5"))
    count = TopUp.select().count()
    page.on_topup_clicked()
    assert shown[0].error.isVisibleTo(shown[0]) and "positive" in shown[0].error.text()
    assert TopUp.select().count() == count


def test_viewer_sees_actions_disabled_with_a_reason(make_page):
    env = make_page(CustomersPage, role="viewer")
    page = env.page
    page.table.selectRow(0)
    assert not page.topup_button.isEnabled() and "viewer" in page.topup_button.toolTip()
    assert not page.new_button.isEnabled()


def test_create_customer_writes_an_audit_row(make_page, answer_dialogs):
    env = make_page(CustomersPage)
    page = env.page

    def fill(dialog):
        dialog.findChild(QLineEdit, "name").setText("Zed Example")
        dialog.findChild(QLineEdit, "email").setText("zed@example.com")

    answer_dialogs(fill)
    page.on_new_clicked()
    assert Customer.get(Customer.email == "zed@example.com").name == "Zed Example"
    assert AuditEntry.get(AuditEntry.action == "customer.create").actor == "admin"


def test_csv_export_writes_what_the_filter_shows(make_page, tmp_path):
    env = make_page(CustomersPage)
    page = env.page
    page.search.setText("example.org")
    page.on_search_settled()
    path = tmp_path / "out.csv"
    page.export_to(str(path))
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("ID,Name,Email")
    assert len(lines) - 1 == page.model.total == Customer.select().where(Customer.email.contains("example.org")).count()


def test_a_declined_top_up_says_why_in_one_sentence(make_page, answer_dialogs):
    from services.auth import Actor

    env = make_page(CustomersPage)
    env.core.settings.update(Actor("admin", "admin", 1), {"gateway.decline_rate": 1.0}, action="gateway.configure")
    page = env.page
    page.table.selectRow(0)
    answer_dialogs(lambda d: d.form.itemAt(0, d.form.ItemRole.FieldRole).widget().setText("12.34"))
    page.on_topup_clicked()
    outcome = page.findChild(QMessageBox, "topupOutcome")
    # Once, with the gateway's reason (which may itself be "card declined"), never "declined: the card was declined".
    assert re.fullmatch(r"The card was declined \([a-z ]+\)\.", outcome.text()), outcome.text()
