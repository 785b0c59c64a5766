"""The customer page lists every notice sent to the customer, where it stands, and resends one."""

from models.tables import AuditEntry, CustomerNotice
from services.auth import SYSTEM
from tests.customer_file_setup import set_up_full_customer


def _page(gui, customer_id):
    gui.window.open_subject("customer", customer_id)
    return gui.window.page_named("CustomersPage").customer_page


def _row_of(page, notice_id: int) -> int:
    return next(r for r in range(page.notices_table.rowCount()) if page.notices_table.id_at(r) == notice_id)


def test_the_page_lists_notices_in_plain_words_with_status_and_address(make_gui):
    gui = make_gui("operator", customers=5)
    full = set_up_full_customer(gui.core)
    rows = list(CustomerNotice.select().where(CustomerNotice.customer == full.customer_id))
    sent = rows[0]
    CustomerNotice.update(status="sent", to_address="omar.tanaka@example.net").where(
        CustomerNotice.id == sent.id
    ).execute()
    gui.core.customers.set_no_email(SYSTEM, full.customer_id, True)
    gui.core.payments.top_up(SYSTEM, full.customer_id, "3.00")
    page = _page(gui, full.customer_id)
    assert page.notices_table.rowCount() == len(rows) + 1
    notices = page.notices_table.texts("notice")
    statuses = page.notices_table.texts("status")
    assert notices[0] == "Top-up of $3.00 credited"
    assert statuses[0] == "Suppressed: the customer gets no email"
    assert page.notices_table.text(0, "to") == "not sent"
    assert any(text.startswith("Receipt for INV-") for text in notices)
    row = _row_of(page, sent.id)
    assert (page.notices_table.text(row, "status"), page.notices_table.text(row, "to")) == (
        "Sent",
        "omar.tanaka@example.net",
    )
    whens = page.notices_table.texts("when")
    assert whens == sorted(whens, reverse=True)


def test_resend_creates_a_pending_copy_and_the_list_shows_it(make_gui, answer_dialogs):
    gui = make_gui("operator", customers=5)
    full = set_up_full_customer(gui.core)
    original = CustomerNotice.select().where(CustomerNotice.customer == full.customer_id).first()
    CustomerNotice.update(status="failed", reason="550 mailbox unavailable").where(
        CustomerNotice.id == original.id
    ).execute()
    page = _page(gui, full.customer_id)
    before = page.notices_table.rowCount()
    assert not page.resend_button.isEnabled()  # nothing chosen yet
    row = _row_of(page, original.id)
    assert page.notices_table.text(row, "status") == "Failed: 550 mailbox unavailable"
    page.notices_table.selectRow(row)
    assert page.resend_button.isEnabled()

    shown = answer_dialogs(lambda dialog: dialog.reason.setPlainText("customer fixed their mailbox"))
    page.on_resend_clicked()
    assert shown[0].windowTitle() == "Resend notice"
    copy = CustomerNotice.get(CustomerNotice.resend_of == original.id)
    assert (copy.status, copy.dedup_key) == ("pending", f"resend:{original.id}:1")
    assert page.notices_table.rowCount() == before + 1
    assert page.notices_table.text(0, "notice").endswith("(sent again)")
    assert page.notices_table.text(0, "status") == "Pending"
    assert page.notices_table.text(0, "to") == "not yet sent"
    audit = AuditEntry.get(AuditEntry.action == "notice.resend")
    assert (audit.actor, audit.reason) == ("operator", "customer fixed their mailbox")


def test_a_notice_on_its_way_and_a_viewer_cannot_resend(make_gui):
    gui = make_gui("viewer", customers=5)
    full = set_up_full_customer(gui.core)
    page = _page(gui, full.customer_id)
    page.notices_table.selectRow(0)
    assert not page.resend_button.isEnabled() and "viewer" in page.resend_button.toolTip()


def test_a_pending_notice_is_not_offered_for_resending(make_gui):
    gui = make_gui("operator", customers=5)
    full = set_up_full_customer(gui.core)
    page = _page(gui, full.customer_id)
    page.notices_table.selectRow(0)
    assert page.notices_table.text(0, "status") == "Pending"
    assert not page.resend_button.isEnabled() and "on its way" in page.resend_button.toolTip()


def test_an_empty_outbox_says_what_will_appear(make_gui):
    gui = make_gui("operator", customers=5)
    page = _page(gui, 2)
    CustomerNotice.delete().where(CustomerNotice.customer == 2).execute()
    page.refresh()
    assert page.notices_table.rowCount() == 0 and "Nothing sent yet" in page.notices_table.empty_text
    assert page.sections.tabText(page.notices_tab) == "Notices (0)"


def test_the_customer_forms_set_the_language_and_no_email(make_page, answer_dialogs):
    from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit

    from models.tables import Customer
    from ui.pages.customers import CustomersPage

    env = make_page(CustomersPage)
    page = env.page

    def fill_new(dialog):
        dialog.findChild(QLineEdit, "name").setText("Zoya Petrova")
        dialog.findChild(QLineEdit, "email").setText("zoya@example.com")
        language = dialog.findChild(QComboBox, "language")
        assert [language.itemText(i) for i in range(language.count())] == ["English", "Русский"]
        language.setCurrentIndex(language.findData("ru"))
        dialog.findChild(QCheckBox, "noEmail").setChecked(True)

    answer_dialogs(fill_new)
    page.on_new_clicked()
    zoya = Customer.get(Customer.email == "zoya@example.com")
    assert (zoya.language, zoya.no_email) == ("ru", True)

    page.search.setText("zoya@example.com")
    page.on_search_settled()
    page.table.selectRow(0)
    seen = {}

    def fill_edit(dialog):
        language, quiet = dialog.findChild(QComboBox, "language"), dialog.findChild(QCheckBox, "noEmail")
        seen["form"] = (language.currentData(), quiet.isChecked())  # the form opens on what is stored
        language.setCurrentIndex(language.findData("en"))
        quiet.setChecked(False)
        dialog.reason.setPlainText("asked for English receipts")

    answer_dialogs(fill_edit)
    page.on_edit_clicked()
    assert seen["form"] == ("ru", True)
    zoya = Customer.get_by_id(zoya.id)
    assert (zoya.language, zoya.no_email) == ("en", False)
    audit = AuditEntry.select().where(AuditEntry.action == "customer.edit").order_by(AuditEntry.id.desc()).first()
    assert '"language": "en"' in audit.after and audit.reason == "asked for English receipts"


def test_the_settings_page_sets_the_due_soon_days_and_the_low_balance_thresholds(make_page, answer_dialogs):
    from ui.pages.settings_page import SettingsPage

    env = make_page(SettingsPage)
    page = env.page
    due_soon, low = page.form.widgets["notices.due_soon_days"], page.form.widgets["notices.low_balance"]
    assert (due_soon.text(), low.text()) == ("3", "")
    shown = answer_dialogs(lambda d: d.reason.setPlainText("warn earlier"))
    low.setText('{"USD": "oops"}')
    page.save_button.click()
    assert page.form.error.isVisibleTo(page) and shown == []
    due_soon.setText("5")
    low.setText('{"USD": 500, "EUR": "2.50"}')
    page.save_button.click()
    assert env.core.settings.get("notices.due_soon_days") == 5
    assert env.core.settings.get("notices.low_balance") == {"EUR": 250, "USD": 500}
    assert low.text() == '{"EUR": 250, "USD": 500}' and not page.form.is_dirty()
    low.setText("")
    page.save_button.click()
    assert env.core.settings.get("notices.low_balance") == {}
