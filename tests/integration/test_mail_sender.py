"""Customer notices go out through a real SMTP server on 127.0.0.1, once, and failures land in the error queue."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest

from models.db import connection, write_transaction
from models.tables import Customer, CustomerNotice, ErrorItem
from scheduler.core import build_core
from services.auth import Actor
from services.customer_notices import NoticeDraft, stage_notices
from services.mail_templates import sample_params
from tests.smtp_server import SmtpServer

ADMIN = Actor("alice", "admin", 1)


@pytest.fixture
def smtp():
    server = SmtpServer().start()
    yield server
    server.stop()


@pytest.fixture
def core(db, clock, smtp):
    core = build_core(clock, gateway_sleep=lambda seconds: None)
    core.settings.update(ADMIN, smtp.settings())
    return core


def customer(clock, email: str, name: str = "Ada Lovelace", language: str = "en", no_email: bool = False) -> int:
    row = Customer.create(name=name, email=email, created_at=clock.now(), language=language, no_email=no_email)
    return row.id


def stage(clock, customer_id: int, kind: str = "receipt", key: str | None = None, **params) -> int:
    values = {**sample_params(kind), **params}
    with write_transaction():
        stage_notices([NoticeDraft(customer_id, kind, key or f"{kind}:{customer_id}", values)], clock.now())
    return CustomerNotice.get(CustomerNotice.dedup_key == (key or f"{kind}:{customer_id}")).id


def notice(notice_id: int) -> CustomerNotice:
    return CustomerNotice.get_by_id(notice_id)


def message_id(message) -> str:
    return str(message["Message-ID"]).strip()  # a long one is folded onto its own line


def email_items() -> list[ErrorItem]:
    return list(ErrorItem.select().where(ErrorItem.operation == "email").order_by(ErrorItem.id))


def test_a_receipt_reaches_the_customer_in_their_language_with_its_attachment(db, clock, smtp):
    pdf = b"%PDF-1.4 receipt"

    def attachments(outgoing):
        if outgoing.kind != "receipt":
            return []
        return [(f"{outgoing.params['invoice_number']}.pdf", pdf, "application/pdf")]

    core = build_core(clock, gateway_sleep=lambda seconds: None, attachments=attachments)
    core.settings.update(ADMIN, smtp.settings())
    ada = customer(clock, "ada@example.com")
    anna = customer(clock, "anna@example.ru", name="Анна Павлова", language="ru")
    first = stage(clock, ada, total_minor=123456, paid_minor=123456)
    second = stage(clock, anna, total_minor=123456, paid_minor=123456)

    counts = core.mail.send_due_notices(clock.now())

    assert (counts["due"], counts["sent"], counts["failed"]) == (2, 2, 0)
    by_recipient = {str(m["To"]): m for m in smtp.messages}
    english = by_recipient["Ada Lovelace <ada@example.com>"]
    assert english["Subject"] == "Receipt INV-2026-000042: Pro monthly"
    assert str(english["From"]) == "Northwind Hosting <billing@northwind.example>"
    text = english.get_body(("plain",)).get_content()
    assert "Hello Ada Lovelace," in text and "$1,234.56" in text and "5 March 2026" in text
    assert "Attached: INV-2026-000042.pdf." in text
    html = english.get_body(("html",)).get_content()
    assert "$1,234.56" in html and "Northwind Hosting" in html
    (attachment,) = list(english.iter_attachments())
    assert attachment.get_filename() == "INV-2026-000042.pdf"
    assert attachment.get_content_type() == "application/pdf" and attachment.get_content() == pdf

    russian = by_recipient["Анна Павлова <anna@example.ru>"]
    assert russian["Subject"] == "Квитанция INV-2026-000042: Pro monthly"
    body = russian.get_body(("plain",)).get_content()
    assert "Здравствуйте, Анна Павлова!" in body and "1\u202f234,56\u00a0$" in body and "05.03.2026" in body
    assert russian["Content-Language"] == "ru"

    for notice_id, message in ((first, english), (second, russian)):
        row = notice(notice_id)
        assert (row.status, row.attempts, row.sent_at) == ("sent", 1, clock.now())
        assert row.message_id == message_id(message) and row.to_address in str(message["To"])
    assert email_items() == []
    assert core.mail.send_due_notices(clock.now())["due"] == 0  # sent once
    assert len(smtp.messages) == 2


def test_html_escapes_what_customers_and_operators_typed(core, clock, smtp):
    mallory = customer(clock, "mallory@example.com", name="<script>alert(1)</script>")
    stage(clock, mallory, "subscription_expired", plan_name="Pro <b>gold</b>")
    core.mail.send_due_notices(clock.now())
    (message,) = smtp.messages
    html = message.get_body(("html",)).get_content()
    assert "<script>" not in html and "&lt;script&gt;" in html and "Pro &lt;b&gt;gold&lt;/b&gt;" in html


def test_a_pass_sends_over_one_connection_and_a_refusal_only_costs_a_new_one(core, clock, smtp):
    ada = customer(clock, "ada@example.com")
    for number in range(5):
        stage(clock, ada, "low_balance", key=f"low:{number}")
    assert core.mail.send_due_notices(clock.now())["sent"] == 5
    assert len(smtp.messages) == 5 and len(smtp.handler.connections) == 1
    for number in range(5, 8):
        stage(clock, ada, "low_balance", key=f"low:{number}")
    smtp.handler.answers.append("550 5.7.1 no")  # the first of the three is refused: its connection closes
    counts = core.mail.send_due_notices(clock.now())
    assert (counts["sent"], counts["failed"]) == (2, 1)
    assert len(smtp.messages) == 7 and len(smtp.handler.connections) == 3


def test_a_busy_server_means_a_retry_then_exactly_one_delivery(core, clock, smtp):
    ada = customer(clock, "ada@example.com")
    notice_id = stage(clock, ada, "topup_credited")
    smtp.handler.answers.append("451 4.3.0 Mailbox temporarily unavailable")

    counts = core.mail.send_due_notices(clock.now())

    assert (counts["sent"], counts["retrying"]) == (0, 1)
    (item,) = email_items()
    assert (item.status, item.error_class, item.strategy, item.subject_type, item.subject_id) == (
        "retrying",
        "transient",
        "backoff",
        "customer_notice",
        notice_id,
    )
    assert "451" in item.message and "could not take the message now" in item.message
    assert notice(notice_id).status == "retrying" and smtp.messages == []
    assert core.mail.send_due_notices(clock.now())["due"] == 0  # the queue owns it now: no second schedule

    clock.set(item.next_attempt_at + timedelta(seconds=1))
    passed = core.retries.process_pending_retries()

    assert passed["succeeded"] == 1
    assert len(smtp.messages) == 1 and smtp.handler.data_commands == 2
    row = notice(notice_id)
    assert (row.status, row.attempts) == ("sent", 2)
    assert message_id(smtp.messages[0]) == row.message_id  # the retry is the same message
    item = ErrorItem.get_by_id(item.id)
    assert item.status == "resolved" and "sent to ada@example.com" in item.resolution
    clock.advance(hours=2)
    assert core.retries.process_pending_retries()["due"] == 0
    assert len(smtp.messages) == 1


def test_a_refused_message_waits_for_an_operator_and_is_not_retried(core, clock, smtp):
    ada = customer(clock, "ada@example.com")
    notice_id = stage(clock, ada, "low_balance")
    smtp.handler.answers.append("550 5.7.1 Message rejected as spam")

    counts = core.mail.send_due_notices(clock.now())

    assert counts["failed"] == 1
    (item,) = email_items()
    assert (item.status, item.error_class, item.next_attempt_at) == ("manual", "permanent", None)
    assert "refused the message" in item.message and "550" in item.message
    row = notice(notice_id)
    assert row.status == "failed" and "550" in row.reason
    clock.advance(days=3)
    assert core.retries.process_pending_retries()["due"] == 0
    assert core.mail.send_due_notices(clock.now())["due"] == 0
    assert smtp.messages == [] and smtp.handler.data_commands == 1


def test_an_operator_retries_a_failed_notice_or_closes_it(core, clock, smtp):
    ada = customer(clock, "ada@example.com")
    retried = stage(clock, ada, "low_balance", key="low:1")
    closed = stage(clock, ada, "subscription_expired", key="expired:1")
    smtp.handler.answers.extend(["550 5.1.1 mailbox full", "550 5.1.1 mailbox full"])
    core.mail.send_due_notices(clock.now())
    first, second = email_items()

    report = core.retries.retry_now_report(ADMIN, [first.id])
    assert report.resolved == [first.id]
    assert notice(retried).status == "sent" and len(smtp.messages) == 1

    core.retries.cancel_retry(ADMIN, [second.id], "customer asked by phone instead")
    row = notice(closed)
    assert row.status == "failed" and "closed in the error queue" in row.reason
    assert len(smtp.messages) == 1


def test_a_bad_recipient_address_is_refused_for_good(core, clock, smtp):
    ada = customer(clock, "ada@example.com")
    notice_id = stage(clock, ada, "low_balance")
    smtp.handler.refuse["ada@example.com"] = "550 5.1.1 <ada@example.com>: Recipient address rejected"
    core.mail.send_due_notices(clock.now())
    (item,) = email_items()
    assert item.status == "manual" and "refused the recipient" in item.message
    assert notice(notice_id).status == "failed"


def test_a_server_that_is_down_is_retried_later(core, clock, smtp):
    smtp.stop()
    ada = customer(clock, "ada@example.com")
    notice_id = stage(clock, ada, "low_balance")
    core.mail.send_due_notices(clock.now())
    (item,) = email_items()
    assert item.status == "retrying" and item.error_class == "transient"
    assert "refused the connection" in item.message
    assert notice(notice_id).status == "retrying"
    smtp.start()  # back up: the retry pass delivers it
    clock.set(item.next_attempt_at + timedelta(seconds=1))
    assert core.retries.process_pending_retries()["succeeded"] == 1
    assert notice(notice_id).status == "sent" and len(smtp.messages) == 1


def test_customers_without_email_are_never_contacted(core, clock, smtp):
    quiet = customer(clock, "quiet@example.com", no_email=True)
    later = customer(clock, "later@example.com")
    staged_quiet = stage(clock, quiet, "low_balance")
    staged_later = stage(clock, later, "low_balance")
    Customer.update(no_email=True).where(Customer.id == later).execute()  # asked after it was written

    counts = core.mail.send_due_notices(clock.now())

    assert counts["sent"] == 0 and counts["suppressed"] == 1
    assert smtp.handler.data_commands == 0 and smtp.messages == []
    assert {notice(staged_quiet).status, notice(staged_later).status} == {"suppressed"}
    assert notice(staged_later).reason == "no_email"


def test_a_notice_due_later_waits(core, clock, smtp):
    ada = customer(clock, "ada@example.com")
    with write_transaction():
        stage_notices(
            [
                NoticeDraft(
                    ada, "low_balance", "later", sample_params("low_balance"), due_at=clock.now() + timedelta(hours=1)
                )
            ],
            clock.now(),
        )
    assert core.mail.send_due_notices(clock.now())["due"] == 0
    assert core.mail.send_due_notices(clock.now() + timedelta(hours=1))["sent"] == 1


def test_without_a_mail_server_notices_wait(db, clock, smtp):
    core = build_core(clock, gateway_sleep=lambda seconds: None)
    ada = customer(clock, "ada@example.com")
    notice_id = stage(clock, ada, "low_balance")
    counts = core.mail.send_due_notices(clock.now())
    assert counts["mail_server_set"] is False and counts["due"] == 1
    assert notice(notice_id).status == "pending" and email_items() == []


def test_two_senders_at_once_deliver_each_notice_once(db, clock, smtp, db_url):
    first = build_core(clock, gateway_sleep=lambda seconds: None)
    first.settings.update(ADMIN, smtp.settings())
    second = build_core(clock, gateway_sleep=lambda seconds: None)
    ada = customer(clock, "ada@example.com")
    for number in range(12):
        stage(clock, ada, "low_balance", key=f"low:{number}")
    db.close()
    start = threading.Barrier(2)
    results: list[dict] = []

    def run(core) -> None:
        with connection():
            start.wait()
            results.append(core.mail.send_due_notices(clock.now()))

    threads = [threading.Thread(target=run, args=(core,)) for core in (first, second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    db.connect(reuse_if_open=True)
    assert sum(r["sent"] for r in results) == 12
    assert len(smtp.messages) == 12 and smtp.handler.data_commands == 12
    assert len({message_id(m) for m in smtp.messages}) == 12
    assert CustomerNotice.select().where(CustomerNotice.status == "sent").count() == 12


def test_a_send_cut_off_mid_way_goes_again_with_its_message_id(core, clock, smtp):
    ada = customer(clock, "ada@example.com")
    notice_id = stage(clock, ada, "low_balance")
    # A sender claimed it and died before it could mark it sent.
    CustomerNotice.update(status="sending", message_id="<notice1.abc@northwind.example>", attempts=1).where(
        CustomerNotice.id == notice_id
    ).execute()
    assert core.mail.send_due_notices(clock.now())["recovered"] == 0  # not yet stale: maybe still sending
    clock.advance(minutes=11)
    counts = core.mail.send_due_notices(clock.now())
    assert (counts["recovered"], counts["sent"]) == (1, 1)
    (message,) = smtp.messages
    assert message_id(message) == "<notice1.abc@northwind.example>"
    assert notice(notice_id).status == "sent"


def test_the_notices_job_is_scheduled_every_minute(core):
    (spec,) = [job for job in core.jobs() if job.name == "notices"]
    assert spec.every_seconds == 60 and spec.at_start


def test_a_test_message_goes_through_the_configured_server(core, smtp):
    result = core.mail.send_test_message("admin@northwind.example")
    (message,) = smtp.messages
    assert str(message["To"]) == "admin@northwind.example" and message_id(message) == result.message_id
    assert "Northwind Hosting" in message["Subject"]


def test_a_notice_reads_as_its_item_after_an_operator_escalates_it(core, clock, smtp):
    ada = customer(clock, "ada@example.com")
    notice_id = stage(clock, ada, "low_balance")
    smtp.handler.answers.append("451 4.3.0 try later")
    core.mail.send_due_notices(clock.now())
    (item,) = email_items()
    assert notice(notice_id).status == "retrying"
    core.retries.escalate(ADMIN, [item.id], "the customer's domain is gone")
    core.mail.send_due_notices(clock.now())
    assert notice(notice_id).status == "failed"
    core.retries.change_strategy(ADMIN, [item.id], "backoff", "try again after all")
    core.mail.send_due_notices(clock.now())
    assert notice(notice_id).status == "retrying" and smtp.messages == []
