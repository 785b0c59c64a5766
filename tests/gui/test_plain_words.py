"""What the desk shows reads as words and money; the codes it stores stay in a tooltip or small print."""

from PySide6.QtCore import Qt

from models.db import write_transaction
from scheduler import JobStateInfo
from services.audit import record_audit
from services.errors import GatewayTransientError
from ui.pages.audit import AuditPage
from ui.pages.error_queue import ErrorQueuePage
from ui.pages.scheduler_jobs import SchedulerJobsModel, summarize_result


def test_job_results_read_as_counts_and_money_and_lease_owners_as_this_desk_or_a_host(qtbot):
    text = summarize_result({"due": 3, "renewed": 2, "expired": 0, "charged_minor": 119700, "owed_minor": 0})
    assert text == "3 due · 2 renewed · charged $1,197.00"
    assert "minor" not in summarize_result({"charged_minor": 5, "owed_minor": 250})
    assert summarize_result({"alert": False, "circuit": "closed"}) == "gateway healthy"
    assert summarize_result({"due": 0}) == "nothing to do"

    model = SchedulerJobsModel(own_owner="desk:100:aaaa1111")
    mine = JobStateInfo("renewals", None, None, {"charged_minor": 119700}, None, None, False, True, "desk:100:aaaa1111")
    theirs = JobStateInfo("retries", None, None, None, None, None, False, False, "vm:7360:f34ac9c5")
    model.set_jobs([mine, theirs])
    owner_column = 6
    assert model.index(0, owner_column).data() == "this desk"
    assert model.index(1, owner_column).data() == "free (last: vm, process 7360)"
    assert "vm:7360:f34ac9c5" in model.index(1, owner_column).data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(0, 2).data() == "charged $1,197.00"
    assert "119700" in model.index(0, 2).data(Qt.ItemDataRole.ToolTipRole)  # the stored figures on hover


def test_audit_actions_read_as_words_with_the_code_on_hover_and_money_as_money(make_page):
    env = make_page(AuditPage, customers=3)
    page = env.page
    with write_transaction():
        record_audit(env.clock, "oscar", "error.retry", "error_item", 7, reason="gateway back")
        record_audit(
            env.clock,
            "ada",
            "wallet.adjust",
            "wallet",
            3,
            before={"balance_minor": 119700, "currency": "USD"},
            after={"balance_minor": 120000, "currency": "USD"},
            reason="goodwill",
        )
    page.refresh()
    action_column = 2
    shown = {page.model.index(r, action_column).data() for r in range(page.model.rowCount())}
    assert {"Retried a payment", "Adjusted a balance"} <= shown
    assert not any(text in shown for text in ("error.retry", "wallet.adjust"))
    row = next(r for r in range(page.model.rowCount()) if page.model.record_at(r)["action"] == "error.retry")
    assert page.model.index(row, action_column).data(Qt.ItemDataRole.ToolTipRole) == "Stored as «error.retry»"
    words = [page.action_filter.itemText(i) for i in range(page.action_filter.count())]
    assert "Retried a payment" in words and page.action_filter.findData("error.retry") > 0

    adjust = next(r for r in range(page.model.rowCount()) if page.model.record_at(r)["action"] == "wallet.adjust")
    page.table.selectRow(adjust)
    text = page.detail.toPlainText()
    assert text.startswith("Adjusted a balance")
    assert "$1,197.00" in text and "$1,200.00" in text and "119700" not in text


def test_an_error_items_details_read_as_fields_and_money_not_json(make_page):
    env = make_page(ErrorQueuePage, customers=3)
    page = env.page
    item = env.core.retries.record_failure(
        "topup",
        "topup",
        41,
        GatewayTransientError("The payment gateway answered with a server error; nothing was charged."),
        amount_minor=241500,
        context={"wallet_id": 3, "amount_minor": 241500, "currency": "USD", "idempotency_key": "topup:k-41"},
    )
    page.refresh()
    page.select_id(item.id)
    text = page.detail.toPlainText()
    assert text.startswith("Top-up failed")
    assert f"Error item #{item.id}" in text and "Top-up #41" in text
    assert "$2,415.00" in text and "241500" not in text
    assert "Wallet\n#3" in text and "Payment key\ntopup:k-41" in text
    assert "{" not in text and "amount_minor" not in text and "wallet_id" not in text
    assert "Retrying" in text and "Retry later, waiting longer each time" in text


def test_an_error_items_message_reads_as_a_sentence_in_the_table_and_the_pane(make_page):
    env = make_page(ErrorQueuePage, customers=3)
    page = env.page
    item = env.core.retries.record_failure(
        "topup", "topup", 42, GatewayTransientError("the payment gateway is down (outage); nothing was sent")
    )
    page.refresh()
    page.select_id(item.id)
    column = [c.key for c in page.model.columns].index("message")
    row = page.model.row_of_id(item.id)
    assert page.model.index(row, column).data() == "The payment gateway is down (outage); nothing was sent."
    assert "The payment gateway is down (outage); nothing was sent." in page.detail.toPlainText()
