"""Every id reads as its customer: a notification's subject and text, an audit entry's target — each shows the
customer's name, and the name (or activating the audit row) opens that customer's page."""

from PySide6.QtCore import QUrl

from models.tables import AuditEntry, Notification
from services.auth import SYSTEM
from services.subject_owners import attach_customers
from tests.customer_file_setup import set_up_full_customer


def customers_view(gui):
    return gui.window.page_named("CustomersPage")


def column_text(page, row: int, key: str) -> str:
    return page.model.index(row, [c.key for c in page.model.columns].index(key)).data()


def test_a_notification_about_a_top_up_reads_as_its_customer_and_the_name_opens_them(make_gui):
    gui = make_gui("operator", customers=5)
    full = set_up_full_customer(gui.core)
    notice = Notification.get(
        (Notification.subject_type == "topup") & (Notification.subject_id == full.failed_topup_id)
    )
    page = gui.page("NotificationsPage")
    page.refresh()
    row = page.model.row_of_id(notice.id)
    assert row >= 0
    assert column_text(page, row, "about") == f"Omar Tanaka · top-up #{full.failed_topup_id}"
    # The body names the customer where it named the wallet by its id.
    body = column_text(page, row, "body")
    assert f"top-up #{full.failed_topup_id} (Omar Tanaka)" in body and "wallet #" not in body
    page.table.selectRow(row)
    assert page.current_record()["id"] == notice.id
    assert f"About: Omar Tanaka · top-up #{full.failed_topup_id}" in page.detail.toPlainText()
    assert f"<a href='customer:{full.customer_id}'>Omar Tanaka</a>" in page.render_notification(page.current_record())
    page.detail.anchorClicked.emit(QUrl(f"customer:{full.customer_id}"))
    customers = customers_view(gui)
    assert gui.window.stack.currentWidget() is customers
    assert customers.showing_customer() == full.customer_id
    assert customers.customer_page.name_label.text() == "Omar Tanaka"


def test_a_notification_posted_while_the_panel_is_open_names_its_customer(make_gui):
    gui = make_gui("operator", customers=5)
    page = gui.page("NotificationsPage")
    full = set_up_full_customer(gui.core)  # posts its notices while the page is shown: put on top, no reload
    gui.core.notifications.post(
        "payment_failed",
        "Renewal is waiting for funds",
        "The wallet could not pay.",
        subject=("subscription", full.subscription_id),
        dedup_key="links:subscription",
        params={
            "subscription_id": full.subscription_id,
            "plan": "Cloud",
            "amount_minor": 1500,
            "currency": "USD",
            "grace_days": 3,
        },
    )
    assert page.model.record_at(0)["subject_id"] == full.subscription_id
    assert column_text(page, 0, "about") == f"Omar Tanaka · subscription #{full.subscription_id}"
    title = f"Renewal of #{full.subscription_id} (Cloud, Omar Tanaka) is waiting for funds"
    assert column_text(page, 0, "title") == title
    page.table.selectRow(0)
    assert f"customer:{full.customer_id}" in page.render_notification(page.current_record())


def test_a_notification_about_no_customer_keeps_its_words_and_opens_nothing_else(make_gui):
    gui = make_gui("operator", customers=5)
    gui.core.notifications.post(
        "gateway_recovered", "Payment gateway recovered", "It answers again.", dedup_key="links:recovered"
    )
    gui.core.notifications.post(
        "topup_failed",
        "Top-up of $1.00 declined",
        "card declined",
        subject=("topup", 987654),  # no such top-up: nobody to name
        dedup_key="links:ghost",
        params={"topup_id": 987654, "wallet_id": 4321, "amount_minor": 100, "currency": "USD", "reason": "declined"},
    )
    page = gui.page("NotificationsPage")
    page.refresh()
    assert page.model.record_at(0)["customer_id"] is None
    assert column_text(page, 0, "about") == "top-up #987654"
    assert "(wallet #4321)" in column_text(page, 0, "body")
    assert column_text(page, 1, "about") == ""
    page.table.selectRow(0)
    assert "customer:" not in page.render_notification(page.current_record())


def test_an_audit_row_reads_as_its_customer_and_activating_it_opens_them(make_gui):
    gui = make_gui("admin", customers=5)
    full = set_up_full_customer(gui.core)
    page = gui.page("AuditPage")
    page.refresh()
    targets = {
        (r["target_type"], r["target_id"]): row
        for row in range(page.model.rowCount())
        for r in [page.model.record_at(row)]
    }
    created = targets[("customer", str(full.customer_id))]
    assert column_text(page, created, "target") == "Omar Tanaka"
    subscribed = targets[("subscription", str(full.subscription_id))]
    assert column_text(page, subscribed, "target") == f"Omar Tanaka · subscription #{full.subscription_id}"
    page.table.selectRow(subscribed)
    assert f"Omar Tanaka · subscription #{full.subscription_id} · by alice" in page.detail.toPlainText()
    assert f"customer:{full.customer_id}" in page.detail.toHtml()
    page.table.activated.emit(page.model.index(subscribed, 0))
    customers = customers_view(gui)
    assert gui.window.stack.currentWidget() is customers
    assert customers.showing_customer() == full.customer_id
    assert customers.customer_page.name_label.text() == "Omar Tanaka"


def test_the_name_in_an_audit_entry_opens_the_customer_and_a_target_with_none_stays(make_gui):
    gui = make_gui("admin", customers=5)
    full = set_up_full_customer(gui.core)
    gui.core.settings.update(SYSTEM, {"gateway.outage": False}, action="gateway.configure")
    page = gui.page("AuditPage")
    page.refresh()
    settings_row = next(
        row for row in range(page.model.rowCount()) if page.model.record_at(row)["action"] == "gateway.configure"
    )
    assert page.model.record_at(settings_row)["customer_id"] is None
    page.table.activated.emit(page.model.index(settings_row, 0))
    assert gui.window.stack.currentWidget() is page  # nothing of a customer's: the log stays
    page.detail.anchorClicked.emit(QUrl(f"customer:{full.customer_id}"))
    assert customers_view(gui).showing_customer() == full.customer_id


def test_owners_are_attached_to_a_page_of_records_whatever_the_id_is_stored_as(make_gui):
    gui = make_gui("admin", customers=5)
    full = set_up_full_customer(gui.core)
    records = [
        {"target_type": "wallet", "target_id": str(full.wallet_id)},
        {"target_type": "refund", "target_id": str(full.refund_id)},
        {"target_type": "error_item", "target_id": str(full.error_item_id)},
        {"target_type": "settings", "target_id": "gateway"},
        {"target_type": None, "target_id": None},
    ]
    attach_customers(records, "target_type", "target_id")
    assert [r["customer_id"] for r in records] == [full.customer_id] * 3 + [None, None]
    assert {r["customer_name"] for r in records[:3]} == {"Omar Tanaka"}
    assert AuditEntry.select().where(AuditEntry.target_type == "settings").exists()


def test_a_popup_of_one_notice_names_its_customer_and_a_burst_stays_a_count(make_gui, keep_alive, qtbot):
    from ui.tray import TrayController

    tray = TrayController(gather_ms=10, quiet_ms=50)
    keep_alive.append(tray)
    gui = make_gui("admin", customers=5, tray=tray)
    full = set_up_full_customer(gui.core)
    shown: list[tuple[str, str]] = []
    qtbot.wait(200)  # what setting the customer up posted has popped up
    tray.message_shown.connect(lambda title, body: shown.append((title, body)))
    params = {"topup_id": full.topup_id, "wallet_id": full.wallet_id, "amount_minor": 4000, "currency": "USD"}
    gui.core.notifications.post(
        "topup_failed",
        "Top-up of $40.00 declined",
        "card declined",
        subject=("wallet", full.wallet_id),
        dedup_key="links:tray:1",
        params={**params, "reason": "card declined", "retrying": False},
    )
    qtbot.waitUntil(lambda: bool(shown), timeout=3000)
    assert shown[0] == (
        "Top-up of $40.00 declined",
        f"Top-up #{full.topup_id} (Omar Tanaka) was declined: card declined",
    )
    qtbot.wait(200)
    for n in range(3):
        gui.core.notifications.post(
            "topup_failed",
            "Top-up declined",
            "card declined",
            subject=("wallet", full.wallet_id),
            dedup_key=f"links:tray:burst:{n}",
            params={**params, "reason": "card declined", "retrying": False},
        )
    qtbot.waitUntil(lambda: len(shown) == 2, timeout=3000)
    assert "3 top-up" in shown[1][0] and "Omar Tanaka" not in shown[1][0] + shown[1][1]


def test_in_russian_the_subject_and_the_notice_name_the_customer_in_russian_words(make_gui, qapp):
    from ui.language import install_translator

    installed = install_translator(qapp, "ru")
    assert installed
    try:
        gui = make_gui("operator", customers=5)
        full = set_up_full_customer(gui.core)
        notice = Notification.get(
            (Notification.subject_type == "topup") & (Notification.subject_id == full.failed_topup_id)
        )
        page = gui.page("NotificationsPage")
        page.refresh()
        row = page.model.row_of_id(notice.id)
        assert column_text(page, row, "about") == f"Omar Tanaka · пополнение #{full.failed_topup_id}"
        body = column_text(page, row, "body")
        assert body.startswith(f"Платёжный шлюз не ответил по пополнению №{full.failed_topup_id} (Omar Tanaka)")
        page.table.selectRow(row)
        assert f"Объект: Omar Tanaka · пополнение #{full.failed_topup_id}" in page.detail.toPlainText()
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)
