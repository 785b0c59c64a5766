"""Invoices and credit notes on the desktop: the customer's lists, one invoice in full, what a wallet
owes, and the invoices a renewal pass issued."""

from datetime import timedelta

from PySide6 import QtGui
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QLabel

from models.tables import Customer, Notification, Plan, Subscription, Wallet
from services.auth import SYSTEM
from ui.pages.customers import CustomersPage
from ui.pages.invoices import InvoiceDialog, RenewalPassDialog
from ui.pages.notifications import NotificationsPage
from ui.pages.wallets import WalletsPage


def starter_subscription() -> Subscription:
    plan = Plan.get(Plan.code == "starter")
    return (
        Subscription.select()
        .join(Wallet)
        .where((Subscription.status == "active") & (Subscription.plan == plan.id))
        .order_by(Wallet.balance_minor.desc(), Subscription.id)
        .first()
    )


def usage_left_owed(core, clock) -> Subscription:
    """Ten SMS on a starter plan (5¢ each) metered on an emptied wallet, then the period closes:
    the usage invoice is issued and its 50¢ stay owed."""
    sub = starter_subscription()
    core.features.record_usage(SYSTEM, sub.id, "sms", 10)
    wallet = Wallet.get_by_id(sub.wallet_id)
    core.payments.adjust_balance(SYSTEM, wallet.id, -wallet.balance_minor, "empty the wallet for the test")
    core.subscriptions.cancel(SYSTEM, sub.id, "leaving")
    clock.set(sub.period_end + timedelta(minutes=1))
    core.renewals.renew_due_subscriptions()
    return sub


def select_customer(page, customer_id: int) -> None:
    assert page.open_subject("customer", customer_id)
    assert page.current_record()["id"] == customer_id


def test_the_customer_shows_invoices_credit_notes_and_what_is_owed(make_page):
    env = make_page(CustomersPage)
    page, core = env.page, env.core
    sub = usage_left_owed(core, env.clock)
    select_customer(page, sub.customer_id)

    invoices = core.invoices.for_customer(sub.customer_id)
    assert page.invoice_table.texts(0) == [i.number for i in invoices]
    assert all(number.startswith("INV-") for number in page.invoice_table.texts(0))
    usage = next(i for i in invoices if i.kind == "usage")
    row = page.invoice_table.texts(0).index(usage.number)
    assert [page.invoice_table.text(row, key) for key in ("kind", "total", "paid", "owed")] == [
        "usage",
        "$0.50",
        "$0.00",
        "$0.50",
    ]
    assert core.invoices.owed_by_customer(sub.customer_id) == {"USD": 50}
    assert page.owed_label.text().startswith("Owes $0.50")
    assert page.detail_tabs.tabText(1) == f"Invoices ({len(invoices)})"
    assert "owes $0.50" in page.detail.toPlainText()

    # Another customer owes nothing; the list follows the selection.
    other = starter_subscription()
    select_customer(page, other.customer_id)
    assert page.owed_label.text() == "Owes nothing."
    assert page.invoice_table.texts(0) == [i.number for i in core.invoices.for_customer(other.customer_id)]


def test_an_invoice_opens_with_its_lines_payments_and_credit_notes_as_plain_text(make_page):
    env = make_page(CustomersPage)
    page, core = env.page, env.core
    sub = starter_subscription()
    paid = next(i for i in core.invoices.for_customer(sub.customer_id) if i.kind in ("renewal", "subscription"))
    entry = core.invoices.get(paid.id).payments[0].ledger_entry_id
    core.payments.refund_charge(SYSTEM, entry, 150, "<b>outage</b> on the 3rd")
    select_customer(page, sub.customer_id)

    notes = page.credit_note_table
    assert notes.rowCount() == 1
    assert [notes.text(0, key) for key in ("invoice", "kind", "amount", "reason")] == [
        paid.number,
        "refund",
        "$1.50",
        "<b>outage</b> on the 3rd",
    ]
    assert notes.item(0, 0).text().startswith("CN-")

    row = page.invoice_table.texts(0).index(paid.number)
    page.invoice_table.on_activated(page.invoice_table.model().index(row, 0))
    dialog = page.findChild(InvoiceDialog)
    assert dialog is not None and dialog.isVisible()
    detail = core.invoices.get(paid.id)
    assert dialog.windowTitle() == f"Invoice {paid.number}"
    assert dialog.lines.texts("description") == [line.description for line in detail.lines]
    assert dialog.payments.texts(0) == [f"#{p.ledger_entry_id}" for p in detail.payments]
    assert dialog.credit_notes.texts("reason") == ["<b>outage</b> on the 3rd"]
    summary = dialog.findChild(QLabel, "invoiceSummary")
    assert "credited $1.50" in summary.text() and "owed $0.00" in summary.text()
    assert summary.textFormat().name == "PlainText"

    # A credit note opens the invoice it credits.
    dialog.close()
    notes.on_activated(notes.model().index(0, 0))
    assert page.findChildren(InvoiceDialog)[-1].windowTitle() == f"Invoice {paid.number}"


def test_the_wallet_says_what_it_owes_only_when_it_owes(make_page):
    env = make_page(WalletsPage)
    page, core = env.page, env.core
    sub = usage_left_owed(core, env.clock)
    assert page.open_subject("wallet", sub.wallet_id)
    assert "Owes $0.50 on its invoices" in page.detail.toPlainText()
    other = starter_subscription()
    assert page.open_subject("wallet", other.wallet_id)
    assert "Owes" not in page.detail.toPlainText()


def test_a_renewals_paid_notice_opens_the_invoices_of_its_pass(make_gui):
    gui = make_gui("admin", customers=30)
    core, clock, window = gui.core, gui.clock, gui.window
    clock.advance(days=8)
    summary = core.renewals.renew_due_subscriptions()
    assert summary["renewed"] > 0
    notice = Notification.get(Notification.kind == "renewals_paid")
    assert notice.subject_type == "renewal_pass"
    issued = core.invoices.issued_with(notice.subject_id)
    assert len(issued) == summary["renewed"]

    page = gui.page("NotificationsPage")
    assert isinstance(page, NotificationsPage)
    page.refresh()
    row = page.model.row_of_id(notice.id)
    page.table.selectRow(row)
    assert page.model.data(page.model.index(row, 2)) == "Renewals paid"
    assert page.open_button.isEnabled()
    page.on_open_clicked()

    dialog = window.findChild(RenewalPassDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.table.texts(0) == [i.number for i in issued]
    names = {c.id: c.name for c in Customer.select()}
    assert dialog.table.texts("customer") == [names[i.customer_id] for i in issued]
    total = sum(i.total_minor for i in issued)
    assert f"total ${total / 100:,.2f}" in dialog.summary.text()
    assert f"{len(issued)} invoice(s) issued by the renewal pass" in dialog.summary.text()
    dialog.table.on_activated(dialog.table.model().index(0, 0))
    assert dialog.findChild(InvoiceDialog).windowTitle() == f"Invoice {issued[0].number}"


def shown_as(tooltip: str) -> str:
    """What Qt puts on screen for a tooltip: it renders anything that looks like HTML."""
    if not QtGui.Qt.mightBeRichText(tooltip):
        return tooltip
    document = QTextDocument()
    document.setHtml(tooltip)
    return document.toPlainText()


def test_markup_in_stored_text_shows_as_text_in_tooltips(make_page):
    env = make_page(CustomersPage)
    page, core = env.page, env.core
    name = "<b>Bold & Sons</b> <i>Trading</i>"
    info = core.customers.create_customer(SYSTEM, name, "bold@example.com")
    page.search.setText(str(info.id))
    page.on_search_settled()
    column = next(i for i, c in enumerate(page.model.columns) if c.key == "name")
    tooltip = page.model.data(page.model.index(0, column), Qt.ItemDataRole.ToolTipRole)
    assert shown_as(tooltip) == name

    sub = starter_subscription()
    paid = next(i for i in core.invoices.for_customer(sub.customer_id) if i.kind in ("renewal", "subscription"))
    entry = core.invoices.get(paid.id).payments[0].ledger_entry_id
    reason = "<a href='https://example.com'>goodwill</a> & sorry"
    core.payments.refund_charge(SYSTEM, entry, 100, reason)
    select_customer(page, sub.customer_id)
    notes = page.credit_note_table
    assert shown_as(notes.item(0, notes.column_of("reason")).toolTip()) == reason


def test_empty_lists_say_why_they_are_empty(make_page):
    env = make_page(CustomersPage)
    page, core = env.page, env.core
    assert "Select a customer" in page.invoice_table.empty_text
    info = core.customers.create_customer(SYSTEM, "New Customer", "new@example.com")
    select_customer(page, info.id)
    assert page.invoice_table.rowCount() == 0 and page.credit_note_table.rowCount() == 0
    assert page.invoice_table.empty_text.startswith("No invoices yet")
    assert page.credit_note_table.empty_text.startswith("No credit notes")
    assert not page.invoice_hint.isVisible()

    sub = starter_subscription()
    invoice = core.invoices.for_customer(sub.customer_id)[0]
    dialog = InvoiceDialog(env.ctx, invoice.id, page)
    assert dialog.credit_notes.rowCount() == 0
    assert dialog.credit_notes.empty_text == "No credit note has been issued against this invoice."
    assert dialog.credit_notes.isColumnHidden(dialog.credit_notes.column_of("invoice"))
    name = Customer.get_by_id(sub.customer_id).name
    assert f"<a href='customer:{sub.customer_id}'>{name}</a>" in dialog.customer_link.text()


def test_money_columns_come_before_the_period(make_page):
    """On a narrow pane the period scrolls out of view, not what was paid and what is owed."""
    env = make_page(CustomersPage)
    keys = env.page.invoice_table.keys
    assert keys.index("period") > max(keys.index(k) for k in ("total", "paid", "owed", "credited"))
    notes = env.page.credit_note_table.keys
    assert notes.index("amount") < notes.index("reason")
