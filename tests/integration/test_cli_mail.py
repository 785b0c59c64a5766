"""The mail commands: point the app at a server, send what is due, send a test, preview a notice."""

import json

import pytest

import main
from models.db import database, write_transaction
from models.tables import Customer, CustomerNotice
from services.customer_notices import NoticeDraft, stage_notices
from services.mail_templates import sample_params
from tests.smtp_server import SmtpServer

NOW = "2026-03-05T09:00:00"


@pytest.fixture
def smtp():
    server = SmtpServer().start()
    yield server
    server.stop()


@pytest.fixture
def cli(tmp_path, capsys):
    path = tmp_path / "cli.sqlite3"

    def run(*args):
        code = main.main(["--db", str(path), "--now", NOW, *args])
        database.close()
        out = capsys.readouterr()
        return code, (json.loads(out.out) if out.out.strip() else None), out.err

    return run


def test_pointing_at_a_server_and_sending_what_is_due(cli, smtp):
    code, shown, _ = cli(
        "mail", "--host", "127.0.0.1", "--port", str(smtp.port), "--security", "none", "--from", "billing@example.com"
    )
    assert code == 0 and shown["mail"]["mail.port"] == smtp.port and shown["password_set"] is False
    database.connect(reuse_if_open=True)
    from services.clock import parse_instant

    now = parse_instant(NOW)
    ada = Customer.create(name="Anna Pavlova", email="anna@example.ru", created_at=now, language="ru")
    with write_transaction():
        stage_notices([NoticeDraft(ada.id, "topup_credited", "topup:1", sample_params("topup_credited"))], now)
    database.close()

    code, counts, _ = cli("send-notices")

    assert code == 0 and (counts["due"], counts["sent"]) == (1, 1)
    (message,) = smtp.messages
    assert message["Subject"] == "Кошелёк пополнен на 50,00\u00a0$" and "anna@example.ru" in str(message["To"])
    database.connect(reuse_if_open=True)
    assert CustomerNotice.get().status == "sent"
    database.close()

    code, sent, _ = cli("mail-test", "admin@example.com")
    assert code == 0 and sent["sent_to"] == "admin@example.com" and len(smtp.messages) == 2


def test_a_bad_address_or_setting_is_refused_with_nothing_written(cli, smtp):
    code, _, err = cli("mail", "--port", "99999")
    assert code == 2 and "outside 1–65535" in err
    code, _, err = cli("mail-test", "admin@example.com")
    assert code == 2 and "host and the From address" in err
    cli("mail", "--host", "127.0.0.1", "--port", str(smtp.port), "--security", "none", "--from", "b@example.com")
    code, _, err = cli("mail-test", "not an address")
    assert code == 2 and "not an email address" in err
    assert smtp.messages == []


def test_notice_preview_in_each_language(cli):
    code, english, _ = cli("notice-preview", "receipt")
    assert code == 0 and english["subject"] == "Receipt INV-2026-000042: Pro monthly"
    assert "$1,234.56" in english["text"] and "html" not in english
    code, russian, _ = cli("notice-preview", "receipt", "--language", "ru", "--html")
    assert code == 0 and russian["subject"].startswith("Квитанция")
    assert "<html lang='ru'>" in russian["html"] and "1\u202f234,56\u00a0$" in russian["html"]
    code, _, err = cli("notice-preview", "invoice_overdue")
    assert code == 2 and "known: receipt" in err
    code, _, err = cli("notice-preview", "receipt", "--language", "de")
    assert code == 2 and "unknown language" in err


def test_a_receipt_sent_from_the_command_line_carries_its_invoice_as_a_pdf(cli, smtp, tmp_path, capsys):
    import io

    from pypdf import PdfReader

    code, _, err = cli("demo", "--customers", "20")
    assert code == 0, err
    # A month on, the renewal pass pays the funded subscriptions from their wallets: a receipt each.
    assert main.main(["--db", str(tmp_path / "cli.sqlite3"), "--now", "2026-04-10T09:00:00", "renew"]) in (0, 1)
    database.close()
    capsys.readouterr()
    cli("mail", "--host", "127.0.0.1", "--port", str(smtp.port), "--security", "none", "--from", "billing@example.com")

    assert main.main(["--db", str(tmp_path / "cli.sqlite3"), "--now", "2026-04-10T10:00:00", "send-notices"]) == 0
    database.close()
    counts = json.loads(capsys.readouterr().out)

    assert counts["sent"] >= 1
    receipts = [m for m in smtp.messages if m.get_content_type() == "multipart/mixed"]
    assert receipts, [m["Subject"] for m in smtp.messages]
    (attachment,) = list(receipts[0].iter_attachments())
    assert attachment.get_content_type() == "application/pdf"
    number = attachment.get_filename().removesuffix(".pdf")
    text = PdfReader(io.BytesIO(attachment.get_content())).pages[0].extract_text()
    assert number in text and number in str(receipts[0]["Subject"])
