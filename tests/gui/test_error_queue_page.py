import re
from datetime import timedelta

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QComboBox, QMessageBox

from models.tables import AuditEntry, ErrorAttempt, ErrorItem, Notification, TopUp, Wallet
from services.auth import SYSTEM, Actor
from services.changes import Changes, Kind
from services.errors import GatewayDeclined, GatewayRateLimited, GatewayTimeout, GatewayTransientError
from ui.pages.error_queue import ErrorQueuePage

ADMIN = Actor("admin", "admin", 1)


def seed_items(env) -> dict:
    """Five items of different operations, classes, ages and states; returns their ids by name."""
    core, clock = env.core, env.clock
    start = clock.now()
    record = core.retries.record_failure
    clock.set(start - timedelta(days=10))
    old = record(
        "topup",
        "topup",
        9001,
        GatewayTransientError("gateway answered 503"),
        amount_minor=1500,
        context={"currency": "USD", "wallet_id": 3},
    )
    clock.set(start - timedelta(days=2))
    refund = record("refund", "refund", 9002, GatewayTimeout("no answer after sending"), amount_minor=700)
    clock.set(start - timedelta(hours=3))
    declined = record("topup", "topup", 9003, GatewayDeclined("card declined", "card_declined"))
    clock.set(start - timedelta(minutes=10))
    limited = record("renewal", "subscription", 1, GatewayRateLimited("429 too many requests"))
    clock.set(start)
    done = record("topup", "topup", 9004, GatewayTransientError("gateway answered 502"))
    core.retries.resolve(SYSTEM, [done.id], "settled by phone")
    env.page.refresh()
    return {"old": old.id, "refund": refund.id, "declined": declined.id, "limited": limited.id, "done": done.id}


def shown_ids(page) -> list[int]:
    return [page.model.record_at(r)["id"] for r in range(page.model.rowCount())]


def select_ids(page, ids) -> None:
    page.table.clearSelection()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for item_id in ids:
        row = page.model.row_of_id(item_id)
        assert row >= 0, item_id
        page.table.selectionModel().select(page.model.index(row, 0), flags)


def set_combo(combo: QComboBox, value) -> None:
    combo.setCurrentIndex(combo.findData(value))


def test_opens_on_demo_data_with_an_empty_queue(make_page, qtmodeltester):
    env = make_page(ErrorQueuePage)
    page = env.page
    assert page.title == "Error queue"
    assert page.model.rowCount() == 0 and page.model.total == 0
    assert page.count_label.text() == "0 row(s)"
    assert not page.retry_button.isEnabled()
    # The tester stays attached and fetches inside its reset handler, so it checks last.
    qtmodeltester.check(page.model)


def test_models_pass_the_tester_and_show_what_an_operator_needs(make_page, qtmodeltester):
    env = make_page(ErrorQueuePage)
    page = env.page
    ids = seed_items(env)
    assert sorted(shown_ids(page)) == sorted(i for k, i in ids.items() if k != "done")
    row = page.model.row_of_id(ids["old"])
    texts = [page.model.data(page.model.index(row, c)) for c in range(page.model.columnCount())]
    assert page.model.record_at(row)["status"] == "retrying"
    assert "top-up #9001" in texts and "1/8" in texts and "$15.00" in texts and "10 d 0 h" in texts
    assert page.model.headerData(0, Qt.Orientation.Horizontal) == "ID"
    qtmodeltester.check(page.model)
    qtmodeltester.check(page.report.model)


def test_report_panel_shows_counts_by_operation_class_and_status(make_page):
    env = make_page(ErrorQueuePage)
    seed_items(env)
    report = env.page.report
    rows = {report.model.index(r, 0).data(): r for r in range(report.model.rowCount())}
    assert set(rows) == {"top-up", "refund", "renewal"}
    topup = [report.model.index(rows["top-up"], c).data() for c in range(6)]
    assert topup[1:3] == ["3", "2"] and topup[3] == "10 d 0 h" and topup[4] == "$15.00"
    report.tabs.setCurrentIndex(2)
    statuses = {report.model.index(r, 0).data() for r in range(report.model.rowCount())}
    assert statuses == {"retrying", "manual", "resolved"}
    assert "Open 4" in report.totals.text() and "resolved 1" in report.totals.text()


def test_filters_status_operation_class_age_and_search_in_sql(make_page):
    env = make_page(ErrorQueuePage)
    page = env.page
    ids = seed_items(env)
    set_combo(page.status_filter, "manual")
    assert shown_ids(page) == [ids["declined"]]
    set_combo(page.status_filter, "all")
    assert len(shown_ids(page)) == 5
    set_combo(page.operation_filter, "topup")
    assert sorted(shown_ids(page)) == sorted([ids["old"], ids["declined"], ids["done"]])
    set_combo(page.class_filter, "transient")
    assert sorted(shown_ids(page)) == sorted([ids["old"], ids["done"]])
    set_combo(page.age_filter, 86400)
    assert shown_ids(page) == [ids["old"]]
    for combo, value in ((page.operation_filter, ""), (page.class_filter, ""), (page.age_filter, 3600)):
        set_combo(combo, value)
    assert sorted(shown_ids(page)) == sorted([ids["old"], ids["refund"], ids["declined"]])
    set_combo(page.age_filter, 0)
    for text, expected in (
        (f"#{ids['refund']}", [ids["refund"]]),
        ("topup #9003", [ids["declined"]]),
        ("429 TOO", [ids["limited"]]),
        ("9002", [ids["refund"]]),
        ("%", []),
    ):
        page.search.setText(text)
        page.on_search_settled()
        assert shown_ids(page) == expected, text


def test_an_operation_seen_in_the_queue_joins_the_operation_filter_once(make_page):
    env = make_page(ErrorQueuePage)
    page = env.page
    seed_items(env)
    env.core.retries.record_failure("webhook", "invoice", 7, GatewayTransientError("gateway answered 502"))
    page.refresh()
    page.refresh()
    names = [page.operation_filter.itemData(i) for i in range(page.operation_filter.count())]
    assert names == ["", "topup", "refund", "renewal", "webhook"]
    set_combo(page.operation_filter, "webhook")
    assert [page.model.record_at(r)["operation"] for r in range(page.model.rowCount())] == ["webhook"]


def test_detail_shows_context_attempts_and_lease(make_page):
    env = make_page(ErrorQueuePage)
    page = env.page
    ids = seed_items(env)
    page.select_id(ids["old"])
    text = page.detail.toPlainText()
    assert f"Error item #{ids['old']}" in text
    assert "Gateway answered 503" in text and "Wallet\n#3" in text and "{" not in text  # fields, not JSON
    assert "Lease" in text and "free" in text
    assert "failed" in text and "system" in text  # the attempts timeline


def test_bulk_retry_acts_on_exactly_the_selected_items(make_page, answer_dialogs):
    env = make_page(ErrorQueuePage)
    page = env.page
    ids = seed_items(env)
    chosen = [ids["old"], ids["limited"]]
    select_ids(page, chosen)
    before = {i.id: i.attempts for i in ErrorItem.select()}
    shown = answer_dialogs()
    messages = []
    page.status_message.connect(messages.append)
    page.on_retry_clicked()
    assert re.match(r"Retry 2 items? now\?|Retry 2 item\(s\) now\?", shown[0].summary.text())
    assert f"#{ids['old']}" in shown[0].summary.text() and f"#{ids['limited']}" in shown[0].summary.text()
    assert f"#{ids['refund']}" not in shown[0].summary.text()
    after = {i.id: i.attempts for i in ErrorItem.select()}
    assert {i for i in after if after[i] != before[i]} == set(chosen)
    assert ErrorAttempt.select().where(ErrorAttempt.actor == "admin").count() == 2
    assert any(m.startswith("Retried 2") for m in messages)


def test_retry_now_credits_a_top_up_once_the_gateway_answers(make_page, answer_dialogs):
    env = make_page(ErrorQueuePage)
    core, page = env.core, env.page
    core.settings.update(SYSTEM, {"gateway.error_rate": 1.0}, action="gateway.configure")
    topup = core.payments.top_up(ADMIN, 1, "10.00")
    assert topup.status == "retrying"
    core.settings.update(SYSTEM, {"gateway.error_rate": 0.0}, action="gateway.configure")
    page.refresh()
    item = ErrorItem.get(ErrorItem.subject_id == topup.id)
    assert page.open_subject("topup", topup.id)
    assert page.current_record()["id"] == item.id
    wallet = TopUp.get_by_id(topup.id).wallet_id
    balance = Wallet.get_by_id(wallet).balance_minor
    changed = []
    env.bridge.changes_made.connect(lambda changes, _initiator: changed.extend(changes.kinds))
    answer_dialogs()
    page.on_retry_clicked()
    assert ErrorItem.get_by_id(item.id).status == "resolved"
    assert Wallet.get_by_id(wallet).balance_minor == balance + 1000
    assert "error_item" in changed and "wallet" in changed
    assert page.model.row_of_id(item.id) == -1  # the open filter no longer shows it


def test_cancel_needs_a_reason_and_writes_nothing_without_one(make_page, answer_dialogs):
    env = make_page(ErrorQueuePage)
    page = env.page
    ids = seed_items(env)
    select_ids(page, [ids["refund"]])
    audits = AuditEntry.select().count()
    shown = answer_dialogs()
    page.on_cancel_clicked()
    assert shown[0].error.isVisibleTo(shown[0]) and "reason" in shown[0].error.text()
    assert ErrorItem.get_by_id(ids["refund"]).status == "retrying"
    assert AuditEntry.select().count() == audits
    shown = answer_dialogs(lambda d: d.reason.setPlainText("customer asked to stop"))
    page.on_cancel_clicked()
    item = ErrorItem.get_by_id(ids["refund"])
    assert item.status == "canceled" and item.resolution == "customer asked to stop"
    assert AuditEntry.get(AuditEntry.action == "error.cancel").target_id == str(ids["refund"])


def test_change_strategy_on_several_items(make_page, answer_dialogs):
    env = make_page(ErrorQueuePage)
    page = env.page
    ids = seed_items(env)
    select_ids(page, [ids["old"], ids["declined"]])

    def fill(dialog):
        combo = dialog.findChild(QComboBox, "strategy")
        combo.setCurrentIndex(combo.findData("fixed"))
        dialog.reason.setPlainText("gateway asked us to slow down")

    shown = answer_dialogs(fill)
    page.on_strategy_clicked()
    assert "of 2 item" in shown[0].summary.text()
    assert {ErrorItem.get_by_id(i).strategy for i in (ids["old"], ids["declined"])} == {"fixed"}
    assert ErrorItem.get_by_id(ids["declined"]).status == "retrying"  # back in the queue
    assert ErrorItem.get_by_id(ids["refund"]).strategy == "urgent"
    assert AuditEntry.select().where(AuditEntry.action == "error.strategy").count() == 2


def test_resolve_needs_a_note_and_escalate_notifies(make_page, answer_dialogs):
    env = make_page(ErrorQueuePage)
    page = env.page
    ids = seed_items(env)
    select_ids(page, [ids["limited"]])
    answer_dialogs(lambda d: d.reason.setPlainText("waiting on the bank"))
    page.on_escalate_clicked()
    assert ErrorItem.get_by_id(ids["limited"]).status == "manual"
    assert (
        Notification.select()
        .where((Notification.kind == "manual_intervention") & (Notification.subject_id == ids["limited"]))
        .exists()
    )
    page.select_id(ids["limited"])
    shown = answer_dialogs()
    page.on_resolve_clicked()
    assert shown[-1].form.labelForField(shown[-1].reason).text() == "Note *"
    assert shown[-1].error.isVisibleTo(shown[-1])
    assert ErrorItem.get_by_id(ids["limited"]).status == "manual"
    answer_dialogs(lambda d: d.reason.setPlainText("renewed by hand"))
    page.on_resolve_clicked()
    item = ErrorItem.get_by_id(ids["limited"])
    assert (item.status, item.resolution, item.resolved_by) == ("resolved", "renewed by hand", "admin")


def test_a_refusal_from_the_service_is_shown_and_changes_nothing(make_page, answer_dialogs):
    env = make_page(ErrorQueuePage)
    page = env.page
    item = env.core.retries.record_failure("export", "report", 5, GatewayTransientError("upstream 500"))
    page.refresh()
    page.select_id(item.id)
    answer_dialogs()
    page.on_retry_clicked()
    box = page.findChild(QMessageBox, "errorBox")
    assert box is not None and box.text().startswith("No retry is known for export")
    assert ErrorItem.get_by_id(item.id).attempts == 1


def test_wrong_status_and_viewer_role_disable_actions_with_a_reason(make_page):
    env = make_page(ErrorQueuePage)
    page = env.page
    ids = seed_items(env)
    set_combo(page.status_filter, "all")
    page.select_id(ids["done"])
    assert not page.retry_button.isEnabled() and "resolved" in page.retry_button.toolTip()
    assert not page.resolve_button.isEnabled()
    select_ids(page, [ids["old"], ids["done"]])
    assert not page.cancel_button.isEnabled() and f"#{ids['done']} is resolved" in page.cancel_button.toolTip()
    page.table.clearSelection()
    assert not page.retry_button.isEnabled() and "Select" in page.retry_button.toolTip()

    viewer = make_page(ErrorQueuePage, role="viewer", demo_data=False)
    viewer.page.refresh()
    viewer.page.select_id(ids["old"])
    assert viewer.page.current_record()["id"] == ids["old"]
    for button in (
        viewer.page.retry_button,
        viewer.page.cancel_button,
        viewer.page.strategy_button,
        viewer.page.resolve_button,
        viewer.page.escalate_button,
    ):
        assert not button.isEnabled() and "viewer" in button.toolTip()


def test_open_subject_selects_the_item_or_says_there_is_none(make_page):
    env = make_page(ErrorQueuePage)
    page = env.page
    ids = seed_items(env)
    assert page.open_subject("error_item", ids["done"])
    assert page.current_record()["id"] == ids["done"] and page.search.text() == f"#{ids['done']}"
    assert page.open_subject("refund", 9002)
    assert page.current_record()["id"] == ids["refund"]
    messages = []
    page.status_message.connect(messages.append)
    assert page.open_subject("topup", 424242)
    assert page.model.rowCount() == 0 and messages == ["No open error item for topup #424242"]
    assert not page.open_subject("customer", 1)


def test_new_items_appear_on_notification_or_data_change(make_page, qtbot):
    env = make_page(ErrorQueuePage)
    page, core = env.page, env.core
    assert page.model.rowCount() == 0
    core.retries.record_failure("topup", "topup", 7001, GatewayDeclined("card declined"))  # posts a notice
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=3000)
    core.retries.record_failure("topup", "topup", 7002, GatewayTransientError("503"))  # no notice
    env.bridge.announce(Changes.of(Kind.ERROR_ITEM))
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=3000)
    assert page.report.model.rowCount() == 1


def test_a_hidden_page_waits_until_it_is_shown_to_reload(make_page, qtbot):
    env = make_page(ErrorQueuePage)
    page = env.page
    page.hide()
    env.core.retries.record_failure("topup", "topup", 7003, GatewayTransientError("503"))
    env.bridge.announce(Changes.of(Kind.ERROR_ITEM))
    qtbot.wait(600)
    assert page.model.rowCount() == 0
    page.show()
    page.on_shown()
    assert page.model.rowCount() == 1 and page.report.model.rowCount() == 1
