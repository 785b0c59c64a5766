"""A notice the mail server refused is an error item an operator reads in words and retries or closes."""

import pytest

from models.db import write_transaction
from models.tables import Customer, CustomerNotice, ErrorItem
from services.auth import Actor
from services.customer_notices import NoticeDraft, stage_notices
from services.mail_templates import sample_params
from tests.smtp_server import SmtpServer
from ui.pages.error_queue import ErrorQueuePage

ADMIN = Actor("admin", "admin", 1)


@pytest.fixture
def smtp():
    server = SmtpServer().start()
    yield server
    server.stop()


def refused_notice(env, smtp) -> tuple[int, int]:
    core, clock = env.core, env.clock
    core.settings.update(ADMIN, smtp.settings())
    ada = Customer.create(name="Ada Lovelace", email="ada@example.com", created_at=clock.now())
    with write_transaction():
        stage_notices([NoticeDraft(ada.id, "low_balance", "low:ada", sample_params("low_balance"))], clock.now())
    smtp.handler.answers.append("550 5.2.2 Mailbox full")
    core.mail.send_due_notices(clock.now())
    notice = CustomerNotice.get(CustomerNotice.dedup_key == "low:ada")
    item = ErrorItem.get(ErrorItem.operation == "email")
    env.page.refresh()
    return notice.id, item.id


def test_a_refused_notice_reads_in_words_and_a_retry_sends_it(make_page, answer_dialogs, smtp):
    env = make_page(ErrorQueuePage, customers=5)
    page = env.page
    notice_id, item_id = refused_notice(env, smtp)
    page.select_id(item_id)
    text = page.detail.toPlainText()
    assert "Email to a customer failed" in text and f"Notice #{notice_id}" in text and "Ada Lovelace" in text
    assert "refused the message" in text and "550 5.2.2 Mailbox full" in text
    assert "Waiting for an operator" in text and "Sent to\nada@example.com" in text
    assert page.retry_button.isEnabled()
    answer_dialogs()
    page.on_retry_clicked()
    assert ErrorItem.get_by_id(item_id).status == "resolved"
    assert CustomerNotice.get_by_id(notice_id).status == "sent" and len(smtp.messages) == 1


def test_closing_the_item_leaves_the_notice_unsent_and_saying_why(make_page, answer_dialogs, smtp):
    env = make_page(ErrorQueuePage, customers=5)
    page = env.page
    notice_id, item_id = refused_notice(env, smtp)
    page.select_id(item_id)
    answer_dialogs(lambda d: d.reason.setPlainText("the customer gave a new address by phone"))
    page.on_cancel_clicked()
    assert ErrorItem.get_by_id(item_id).status == "canceled"
    row = CustomerNotice.get_by_id(notice_id)
    assert row.status == "failed" and "closed in the error queue" in row.reason and smtp.messages == []
