"""Finding a customer and the page an operator works from: Ctrl+K opens them, the page shows every part of
their file and one timeline, its actions work and refresh it, and a customer's name links to them."""

from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

from models.tables import AuditEntry, Customer, CustomerNote, Subscription
from services.changes import Changes, Kind
from tests.customer_file_setup import ADMIN, set_up_full_customer
from ui.search import GlobalSearchDialog


def customers_view(gui):
    return gui.window.page_named("CustomersPage")


def test_ctrl_k_then_a_name_and_enter_opens_that_customer(make_gui, qtbot):
    gui = make_gui("operator")
    target = Customer.get_by_id(6)
    gui.page("DashboardPage")
    gui.window.activateWindow()
    qtbot.waitUntil(gui.window.isActiveWindow)
    qtbot.keyClick(gui.window.focusWidget() or gui.window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)  # 1
    dialog = gui.window.findChild(GlobalSearchDialog, "globalSearch")
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.query, target.name)  # typing
    qtbot.keyClick(dialog.query, Qt.Key.Key_Return)  # action 2: at once, before the search has settled
    customers = customers_view(gui)
    assert gui.window.stack.currentWidget() is customers
    assert customers.showing_customer() == 6
    assert customers.customer_page.name_label.text() == target.name
    assert target.email in customers.customer_page.contact_label.text()
    assert not dialog.isVisible()


def test_a_search_by_id_opens_that_customer_not_a_filter_of_lookalikes(make_gui):
    gui = make_gui("viewer")
    dialog = GlobalSearchDialog(gui.ctx, gui.window)
    dialog.subject_chosen.connect(gui.window.open_subject)
    dialog.query.setText("6")
    dialog.on_query_settled()
    assert dialog.results.item(0).text().startswith(Customer.get_by_id(6).name)
    dialog.on_return_pressed()
    customers = customers_view(gui)
    assert customers.showing_customer() == 6
    assert customers.customer_page.name_label.text() == Customer.get_by_id(6).name


def test_the_page_shows_every_section_and_one_timeline(make_gui):
    gui = make_gui("admin", customers=5)
    full = set_up_full_customer(gui.core)
    gui.window.open_subject("customer", full.customer_id)
    page = customers_view(gui).customer_page
    assert page.isVisible() and page.name_label.text() == "Omar Tanaka"
    assert "omar.tanaka@example.net" in page.contact_label.text()
    assert "$20.00" in page.balance_label.text()  # 40.00 topped up, 15.00 subscribed, 5.00 refunded
    overview = page.overview.toPlainText()
    for heading in (
        "Contact details",
        "Wallet and balance",
        "Usage this period",
        "Open error items",
        "Notifications",
        "Operator notes",
    ):
        assert heading in overview, heading
    assert "Storage: 12 GB" in overview
    assert "Prefers email; call only after 17:00." in overview
    assert (
        "Top-up · $7.00 · retrying · 1 attempt" in overview
        and "None." not in overview.split("Open error items")[1].split("Notifications")[0]
    )
    tabs = [page.sections.tabText(i) for i in range(page.sections.count())]
    assert tabs[:5] == ["Overview", "Subscriptions (1)", "Invoices (1)", "Credit notes (0)", "Top-ups and refunds (3)"]
    assert tabs[5] == f"Notices ({page.notices_table.rowCount()})" and page.notices_table.rowCount() >= 3
    assert tabs[-1] == "Automatic top-up"
    assert page.subscriptions_table.texts("plan") == ["Cloud (cloud)"]
    assert page.invoice_table.rowCount() == 1 and page.invoice_table.text(0, "total") == "$15.00"
    assert page.payments_table.texts("amount") == ["$7.00", "$5.00", "$40.00"]
    whats = page.timeline.texts("what")
    for what in ("Became a customer", "Subscription", "Invoice issued", "Top-up", "Refund", "Failure queued", "Note"):
        assert what in whats, what
    assert whats[-1] == "Became a customer"
    whens = page.timeline.texts("when")
    assert whens == sorted(whens, reverse=True)


def test_actions_on_the_page_work_and_refresh_it(make_gui, answer_dialogs):
    gui = make_gui("admin", customers=5)
    full = set_up_full_customer(gui.core)
    gui.window.open_subject("customer", full.customer_id)
    page = customers_view(gui).customer_page

    def fill(dialog):
        amount = dialog.findChild(QLineEdit, "amount")
        if amount is not None:
            amount.setText("12.00" if "Top up" in dialog.windowTitle() else "1.00")
        note = dialog.findChild(QPlainTextEdit, "note")
        if note is not None:
            note.setPlainText("Asked for a receipt by post.")
        dialog.reason.setPlainText("customer called")

    shown = answer_dialogs(fill)
    page.on_topup_clicked()
    assert "$32.00" in page.balance_label.text()
    assert page.payments_table.texts("amount")[0] == "$12.00"

    page.on_note_clicked()
    assert CustomerNote.select().where(CustomerNote.body == "Asked for a receipt by post.").count() == 1
    assert "Asked for a receipt by post." in page.overview.toPlainText()
    assert page.timeline.texts("detail")[0].startswith("Asked for a receipt by post.")

    page.on_refund_clicked()
    assert "$31.00" in page.balance_label.text()
    assert "Refund to the card" in page.payments_table.texts("what")

    assert page.cancel_button.isEnabled()
    page.on_cancel_clicked()
    assert Subscription.get_by_id(full.subscription_id).status == "canceled"
    assert page.subscriptions_table.text(0, "status") == "canceled"
    assert not page.cancel_button.isEnabled()

    assert {d.windowTitle() for d in shown} >= {"Top up wallet", "Add note", "Refund top-up", "Cancel subscription"}
    reasons = {a.action: a.reason for a in AuditEntry.select().where(AuditEntry.actor == "admin")}
    assert {"topup", "customer.note", "refund.topup", "subscription.cancel"} <= set(reasons)
    assert reasons["subscription.cancel"] == reasons["refund.topup"] == "customer called"


def test_an_empty_note_is_refused_in_the_form_and_nothing_written(make_gui, answer_dialogs):
    gui = make_gui("operator", customers=5)
    gui.window.open_subject("customer", 3)
    page = customers_view(gui).customer_page
    shown = answer_dialogs(lambda d: d.findChild(QPlainTextEdit, "note").setPlainText("   "))
    page.on_note_clicked()
    assert shown[0].error.isVisibleTo(shown[0]) and "Write the note" in shown[0].error.text()
    assert CustomerNote.select().count() == 0


def test_a_viewer_sees_why_the_actions_are_off_beside_them(make_gui):
    gui = make_gui("viewer", customers=5)
    gui.window.open_subject("customer", 2)
    page = customers_view(gui).customer_page
    for button in (page.topup_button, page.subscribe_button, page.refund_button, page.note_button):
        assert not button.isEnabled()
    notice = page.role_notice
    assert notice.isVisible() and "viewer" in notice.text()
    layout = page.layout()  # right under the row of actions it explains
    assert layout.itemAt(layout.indexOf(notice) - 1).layout().indexOf(page.topup_button) >= 0


def test_double_click_or_enter_on_a_row_opens_the_page_and_back_returns_to_the_list(make_gui, qtbot):
    gui = make_gui("operator", customers=20)
    customers = gui.page("CustomersPage")
    customers.table.selectRow(2)
    record = customers.current_record()
    customers.table.setFocus()
    qtbot.keyClick(customers.table, Qt.Key.Key_Return)
    assert customers.showing_customer() == record["id"]
    assert customers.customer_page.name_label.text() == record["name"]
    qtbot.mouseClick(customers.customer_page.back_button, Qt.MouseButton.LeftButton)
    assert customers.showing_customer() is None and customers.table.isVisible()
    assert customers.current_record()["id"] == record["id"]


def test_a_link_in_the_wallets_page_opens_the_customer(make_gui):
    gui = make_gui("operator", customers=20)
    wallets = gui.page("WalletsPage")
    wallets.table.selectRow(0)
    record = wallets.current_record()
    html = wallets.detail.toHtml()
    assert f"customer:{record['customer_id']}" in html
    wallets.detail.anchorClicked.emit(QUrl(f"customer:{record['customer_id']}"))
    customers = customers_view(gui)
    assert gui.window.stack.currentWidget() is customers
    assert customers.showing_customer() == record["customer_id"]
    assert customers.customer_page.name_label.text() == record["customer_name"]


def test_the_wallet_table_reads_each_wallet_as_its_customer(make_gui):
    gui = make_gui("operator", customers=20)
    wallets = gui.page("WalletsPage")
    column = [c.key for c in wallets.model.columns].index("customer")
    record = wallets.model.record_at(0)
    assert wallets.model.index(0, column).data().startswith(record["customer_name"])
    wallets.table.activated.emit(wallets.model.index(0, column))
    assert customers_view(gui).showing_customer() == record["customer_id"]


def test_the_error_queue_reads_each_subject_as_its_customer(make_gui):
    from ui.pages.error_item_text import render_error_item as render_item
    from ui.pages.error_queue_models import load_item_detail

    gui = make_gui("admin", customers=5)
    full = set_up_full_customer(gui.core)
    queue = gui.page("ErrorQueuePage")
    queue.refresh()
    row = queue.model.row_of_id(full.error_item_id)
    record = queue.model.record_at(row)
    assert record["customer_id"] == full.customer_id
    column = [c.key for c in queue.model.columns].index("subject")
    assert queue.model.index(row, column).data() == "Omar Tanaka · top-up"
    html = render_item(load_item_detail(gui.core, full.error_item_id))
    assert f"<a href='customer:{full.customer_id}'>Omar Tanaka</a>" in html
    queue.detail.anchorClicked.emit(QUrl(f"customer:{full.customer_id}"))
    assert customers_view(gui).showing_customer() == full.customer_id


def test_activating_an_error_item_opens_its_customer(make_gui):
    gui = make_gui("admin", customers=5)
    full = set_up_full_customer(gui.core)
    queue = gui.page("ErrorQueuePage")
    queue.refresh()
    row = queue.model.row_of_id(full.error_item_id)
    queue.table.activated.emit(queue.model.index(row, 0))
    customers = customers_view(gui)
    assert gui.window.stack.currentWidget() is customers
    assert customers.showing_customer() == full.customer_id


def test_the_customer_in_an_invoice_links_to_their_page(make_gui):
    from ui.pages.invoices import InvoiceDialog

    gui = make_gui("operator", customers=5)
    full = set_up_full_customer(gui.core)
    invoice = gui.core.invoices.for_customer(full.customer_id)[0]
    dialog = InvoiceDialog(gui.ctx, invoice.id, gui.window)
    dialog.open()
    assert "Omar Tanaka" in dialog.customer_link.text()
    dialog.customer_link.linkActivated.emit(f"customer:{full.customer_id}")
    customers = customers_view(gui)
    assert gui.window.stack.currentWidget() is customers
    assert customers.showing_customer() == full.customer_id and not dialog.isVisible()


def test_double_clicking_a_subscription_opens_its_customer(make_gui):
    gui = make_gui("operator", customers=20)
    subscriptions = gui.page("SubscriptionsPage")
    record = subscriptions.model.record_at(0)
    subscriptions.table.activated.emit(subscriptions.model.index(0, 1))
    customers = customers_view(gui)
    assert gui.window.stack.currentWidget() is customers
    assert customers.showing_customer() == record["customer_id"]
    assert customers.customer_page.name_label.text() == record["customer_name"]


def test_a_change_made_elsewhere_shows_when_the_page_is_next_shown(make_gui):
    gui = make_gui("operator", customers=5)
    full = set_up_full_customer(gui.core)
    gui.window.open_subject("customer", full.customer_id)
    page = customers_view(gui).customer_page
    wallets = gui.page("WalletsPage")  # the customer page is hidden now
    wallets.run_task(
        lambda: gui.core.customers.add_note(gui.ctx.actor, full.customer_id, "Written from another page."),
        changes=Changes.of(Kind.CUSTOMER),
    )
    assert "Written from another page." not in page.overview.toPlainText()
    gui.page("CustomersPage")
    assert "Written from another page." in page.overview.toPlainText()


def test_the_timeline_opens_what_it_lists(make_gui):
    from ui.pages.invoices import InvoiceDialog

    gui = make_gui("operator", customers=5)
    full = set_up_full_customer(gui.core)
    gui.window.open_subject("customer", full.customer_id)
    page = customers_view(gui).customer_page
    whats = page.timeline.texts("what")
    page.timeline.row_activated.emit(page.timeline.id_at(whats.index("Invoice issued")))
    dialog = gui.window.findChild(InvoiceDialog)
    assert dialog is not None and dialog.isVisible() and "Omar Tanaka" in dialog.customer_link.text()
    dialog.close()
    page.timeline.row_activated.emit(page.timeline.id_at(whats.index("Failure queued")))
    queue = gui.window.page_named("ErrorQueuePage")
    assert gui.window.stack.currentWidget() is queue
    assert queue.current_record()["id"] == full.error_item_id


def test_the_timeline_names_the_apps_own_actors_in_words(make_gui):
    gui = make_gui("operator", customers=5)
    gui.window.open_subject("customer", 2)
    details = customers_view(gui).customer_page.timeline.texts("detail")
    assert any(text.endswith("— demo data") for text in details), details
    assert not any(text.endswith("— demo") or text.endswith("— system") for text in details), details


def test_a_renewal_in_the_timeline_says_renewed_not_active_to_active(make_gui):
    gui = make_gui("operator", customers=5)
    core = gui.core
    full = set_up_full_customer(core)
    core.payments.top_up(ADMIN, full.customer_id, "40.00", reason="for the renewal")
    core.clock.advance(days=32)
    assert core.renewals.renew_due_subscriptions()["renewed"] >= 1
    gui.window.open_subject("customer", full.customer_id)
    details = customers_view(gui).customer_page.timeline.texts("detail")
    assert any(text.startswith("cloud: renewed (active)") for text in details), details
    assert not any("active → active" in text for text in details), details
