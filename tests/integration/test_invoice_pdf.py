"""Invoices and credit notes as PDF files: what the customer reads in them, in their language, from the
command line and from threads other than the main one."""

import io
import json
import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from pypdf import PdfReader

from models.db import connection
from models.tables import CreditNote, Customer, LedgerEntry
from services.auth import SYSTEM
from services.errors import NotFound, ValidationError
from services.invoice_documents import DocumentKind, document_text, load_document
from tests.conftest import POSTGRES_URL
from tests.factories import make_customer, make_plan

ROOT = Path(__file__).resolve().parents[2]
ADDRESS = "12 Harbour Street\nBristol BS1 4RN\nUnited Kingdom"


def pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def squeezed(text: str) -> str:
    """Text with every kind of space dropped: PDF extraction places spaces by glyph positions."""
    return "".join(text.split()).replace("\u202f", "").replace("\u00a0", "")


@pytest.fixture
def shop(core, clock, operator, admin):
    """A customer billed for a plan and metered usage at a renewal, then refunded part of that charge."""
    core.settings.update(SYSTEM, {"business.name": "Northwind Hosting Ltd", "business.address": ADDRESS})
    make_plan(clock, "metered", 1000)
    core.features.create_feature(SYSTEM, "api_calls", "API calls", "usage", "call")
    core.features.set_plan_feature(SYSTEM, "metered", "api_calls", pricing="flat", unit_price_minor=2)
    customer, _wallet_id = make_customer(clock, name="Grace Hopper")
    core.payments.top_up(operator, customer.email, "100.00")
    sub = core.subscriptions.subscribe(operator, customer.email, "metered")
    core.features.record_usage(operator, sub.id, "api_calls", 1500)
    clock.advance(days=32)
    core.renewals.renew_due_subscriptions()
    renewal = LedgerEntry.get((LedgerEntry.kind == "renewal") & (LedgerEntry.idempotency_key.startswith("renewal:")))
    core.payments.refund_charge(admin, renewal.id, "2.50", "late delivery")
    invoice = core.invoices.for_charge(renewal.id)
    note = CreditNote.get(CreditNote.invoice == invoice.id)
    return {"customer": customer, "invoice": invoice, "credit_note": note}


def test_the_invoice_pdf_shows_seller_buyer_number_lines_and_totals(shop, qapp):
    from ui.pdf import pdf_bytes

    invoice = shop["invoice"]
    data = pdf_bytes("invoice", invoice.number)
    assert data.startswith(b"%PDF")
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) == 1
    width, height = float(reader.pages[0].mediabox.width), float(reader.pages[0].mediabox.height)
    assert (round(width), round(height)) == (595, 842)  # A4 in points
    text = pdf_text(data)
    flat = squeezed(text)
    assert "INVOICE" in text and invoice.number in text
    assert "NorthwindHostingLtd" in flat and "12HarbourStreet" in flat and "BristolBS14RN" in flat
    assert "GraceHopper" in flat and squeezed(shop["customer"].email) in flat
    # The lines: the plan by its name, the usage by its feature, 1,500 calls at 2 cents.
    assert "Meteredsubscription" in flat and "APIcalls(usage)" in flat and "1,500" in flat
    assert "$10.00" in flat and "$30.00" in flat
    # The totals: $40.00 charged and paid, nothing due, $2.50 credited back; all in USD.
    assert "Subtotal$40.00" in flat and "Total$40.00" in flat
    assert "Paidfromyourbalance$40.00" in flat and "Amountdue$0.00" in flat and "Creditedback$2.50" in flat
    assert "AllamountsinUSD." in flat and "StatusPaid" in flat


def test_the_russian_invoice_speaks_russian_with_russian_money_and_dates(shop, qapp):
    from ui.pdf import pdf_bytes

    Customer.update(language="ru").where(Customer.id == shop["customer"].id).execute()
    invoice = shop["invoice"]
    flat = squeezed(pdf_text(pdf_bytes("invoice", invoice.number)))
    assert "СЧЁТ" in flat and invoice.number in flat
    assert "Плательщик".upper() in flat and "Итого40,00$" in flat and "Кольво" not in flat
    assert "Подписка«Metered»" in flat and "1500" in flat and "30,00$" in flat
    issued = invoice.issued_at
    assert f"{issued.day:02d}.{issued.month:02d}.{issued.year}" in flat
    assert "ВсесуммыввалютеUSD." in flat and "Оплачен" in flat
    # An operator can ask for the other language whatever the customer's.
    english = squeezed(pdf_text(pdf_bytes("invoice", invoice.number, language="en")))
    assert "Total$40.00" in english and "Итого" not in english


def test_the_credit_note_pdf_names_its_invoice_amount_and_reason(shop, qapp):
    from ui.pdf import pdf_bytes

    note, invoice = shop["credit_note"], shop["invoice"]
    flat = squeezed(pdf_text(pdf_bytes(DocumentKind.CREDIT_NOTE, note.number)))
    assert "CREDITNOTE" in flat and note.number in flat
    assert f"Againstinvoice{invoice.number}" in flat and f"Refundagainstinvoice{invoice.number}" in flat
    assert "Totalcredited$2.50" in flat and "Reason:latedelivery" in flat and "NorthwindHostingLtd" in flat


def test_stored_text_is_printed_as_text_not_markup(core, clock, operator, qapp):
    from ui.pdf import document_html, pdf_bytes

    core.settings.update(SYSTEM, {"business.name": "<b>Acme</b> & Co", "business.address": "<i>1 Road</i>"})
    make_plan(clock, "basic", 1500)
    customer, _ = make_customer(clock, name="<script>Eve</script>")
    core.payments.top_up(operator, customer.email, "20.00")
    core.subscriptions.subscribe(operator, customer.email, "basic")
    number = core.invoices.for_customer(customer.email)[0].number
    page = document_html(load_document("invoice", number))
    assert "<script>" not in page and "&lt;script&gt;Eve" in page and "&lt;b&gt;Acme&lt;/b&gt; &amp; Co" in page
    flat = squeezed(pdf_text(pdf_bytes("invoice", number)))
    assert "<script>Eve</script>" in flat and "<b>Acme</b>&Co" in flat


def test_unknown_and_malformed_numbers_are_refused_plainly(shop):
    with pytest.raises(NotFound, match="no invoice INV-1999-000001"):
        load_document("invoice", "INV-1999-000001")
    with pytest.raises(NotFound, match="no credit note CN-1999-000001"):
        load_document("credit-note", "CN-1999-000001")
    with pytest.raises(ValidationError):
        load_document("credit-note", "abc")
    with pytest.raises(ValidationError, match="unknown language"):
        load_document("invoice", shop["invoice"].number, language="de")


def test_the_cli_writes_a_private_pdf_and_prints_a_credit_note_as_text(shop, db_url, tmp_path, capsys, qapp):
    import main

    invoice, note = shop["invoice"], shop["credit_note"]
    target = tmp_path / "out" / "invoice.pdf"
    target.parent.mkdir()
    assert main.main(["--db", db_url, "invoice", invoice.number, "--pdf", str(target), "--language", "ru"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed == {"pdf": str(target), "number": invoice.number, "language": "ru", "bytes": target.stat().st_size}
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert "Итого40,00$" in squeezed(pdf_text(target.read_bytes()))
    assert [p.name for p in target.parent.iterdir()] == ["invoice.pdf"]  # no temporary file left behind

    assert main.main(["--db", db_url, "credit-note", note.number]) == 0
    text = capsys.readouterr().out
    assert text.startswith(f"Credit note {note.number}\n")
    assert f"Against invoice  {invoice.number}" in text and "Total credited  $2.50" in text
    assert text == document_text(load_document("credit-note", note.number))

    # Without --pdf or --language, `invoice` still prints its JSON for scripts.
    assert main.main(["--db", db_url, "invoice", invoice.number]) == 0
    assert json.loads(capsys.readouterr().out)["invoice"]["number"] == invoice.number


def test_the_cli_refuses_unknown_numbers_and_bad_paths_and_writes_nothing(shop, db_url, tmp_path, capsys, qapp):
    import main

    target = tmp_path / "missing.pdf"
    assert main.main(["--db", db_url, "invoice", "INV-1999-000001", "--pdf", str(target)]) == 2
    assert "no invoice INV-1999-000001" in capsys.readouterr().err
    assert main.main(["--db", db_url, "credit-note", "CN-1999-000009", "--pdf", str(target)]) == 2
    assert "no credit note CN-1999-000009" in capsys.readouterr().err
    nowhere = tmp_path / "no-such-folder" / "x.pdf"
    assert main.main(["--db", db_url, "invoice", shop["invoice"].number, "--pdf", str(nowhere)]) == 2
    assert "does not exist" in capsys.readouterr().err
    assert main.main(["--db", db_url, "invoice", shop["invoice"].number, "--pdf", str(tmp_path)]) == 2
    assert "is a folder" in capsys.readouterr().err
    assert main.main(["--db", db_url, "invoice", shop["invoice"].number, "--language", "de"]) == 2
    assert "invalid choice" in capsys.readouterr().err
    assert not target.exists() and not nowhere.parent.exists()
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".pdf") == []


def test_the_cli_renders_without_a_display(shop, db_url, tmp_path):
    """A server with no display and no QT_QPA_PLATFORM: the command makes its own offscreen application."""
    target = tmp_path / "receipt.pdf"
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "main.py"),
            "--db",
            db_url,
            "invoice",
            shop["invoice"].number,
            "--pdf",
            str(target),
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    assert shop["invoice"].number in pdf_text(target.read_bytes())


def test_receipts_render_on_a_worker_thread_while_the_main_thread_waits(shop, qapp, db_path):
    """The mail job attaches receipts from the scheduler's thread: rendering there gives the same PDF text."""
    from models.db import write_transaction
    from models.tables import CustomerNotice
    from services.customer_notices import NoticeDraft, stage_notices
    from ui.pdf import receipt_attachments

    invoice = shop["invoice"]
    params = {
        "invoice_id": invoice.id,
        "invoice_number": invoice.number,
        "plan_name": "Metered",
        "period_start": "",
        "period_end": "",
        "total_minor": invoice.total_minor,
        "paid_minor": invoice.paid_minor,
        "currency": invoice.currency,
        "balance_minor": 0,
    }
    Customer.update(language="ru").where(Customer.id == shop["customer"].id).execute()
    with write_transaction():
        stage_notices([NoticeDraft(shop["customer"].id, "receipt", "test-receipt-pdf", params)], invoice.issued_at)
    notice = CustomerNotice.get(CustomerNotice.dedup_key == "test-receipt-pdf")

    results: dict[str, object] = {}

    def render() -> None:
        try:
            with connection():
                results["thread"] = threading.current_thread() is not threading.main_thread()
                results["attachments"] = receipt_attachments(notice)
        except BaseException as error:  # noqa: BLE001 - reported below
            results["error"] = error

    worker = threading.Thread(target=render, name="scheduler-like")
    worker.start()
    worker.join(60)
    assert not worker.is_alive() and "error" not in results, results.get("error")
    assert results["thread"] is True
    [(name, data, mime)] = results["attachments"]
    assert (name, mime) == (f"{invoice.number}.pdf", "application/pdf")
    flat = squeezed(pdf_text(data))
    assert "СЧЁТ" in flat and invoice.number in flat and "Итого40,00$" in flat  # the notice's language


def test_only_receipts_carry_an_attachment(shop, qapp):
    from types import SimpleNamespace

    from ui.pdf import receipt_attachments

    assert receipt_attachments(SimpleNamespace(kind="low_balance", params="{}", language="en")) == []
    receipt = SimpleNamespace(kind="receipt", params={"invoice_number": shop["invoice"].number}, language="en")
    [(name, data, _mime)] = receipt_attachments(receipt)
    assert name == f"{shop['invoice'].number}.pdf" and data.startswith(b"%PDF")
    gone = SimpleNamespace(kind="receipt", params={"invoice_id": 999_999}, language="en")
    with pytest.raises(NotFound):
        receipt_attachments(gone)


@pytest.mark.skipif(bool(POSTGRES_URL), reason="one file engine is enough for the write helper")
def test_write_private_file_replaces_whole_or_not_at_all(tmp_path):
    from services.files import write_private_file

    target = tmp_path / "a.pdf"
    target.write_bytes(b"old")
    os.chmod(target, 0o644)
    write_private_file(target, b"%PDF-new")
    assert target.read_bytes() == b"%PDF-new" and stat.S_IMODE(target.stat().st_mode) == 0o600
    with pytest.raises(IsADirectoryError):
        write_private_file(tmp_path, b"x")
    with pytest.raises(FileNotFoundError):
        write_private_file(tmp_path / "nope" / "b.pdf", b"x")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.pdf"]


@pytest.mark.skipif(bool(POSTGRES_URL), reason="the script makes its own SQLite demo database")
def test_the_readme_picture_is_a_demo_renewal_invoice_with_usage(tmp_path):
    """docs/receipt_pdf.py draws README's picture: the demo business's name, a plan and charged usage lines."""
    from PySide6.QtGui import QImage

    png, pdf = tmp_path / "receipt.png", tmp_path / "receipt.pdf"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "docs/receipt_pdf.py", png, "--pdf", pdf],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    image = QImage(str(png))
    assert (image.width(), image.height()) == (1190, 1683)  # A4 at 144 dpi
    flat = squeezed(pdf_text(pdf.read_bytes()))
    assert "NorthwindCloudServicesLtd" in flat and "12HarbourStreet" in flat
    assert "Prosubscription" in flat and "SMSmessages(usage)" in flat and "Storage(usage)" in flat
    assert "Total$112.50" in flat and "StatusPaid" in flat


def test_a_thread_cannot_start_qt_itself_the_main_thread_must_first(tmp_path):
    """The worker's contract: ensure_gui_application() on the main thread, then any thread may render."""
    script = (
        "import threading\n"
        "from ui.pdf import NoGuiApplication, document_pdf, ensure_gui_application\n"
        "from services.invoice_documents import DocumentKind, DocumentLine, InvoiceDocument, Party\n"
        "from datetime import datetime\n"
        "doc = InvoiceDocument(DocumentKind.INVOICE, 'INV-2026-000001', datetime(2026, 3, 1), 'en', 'USD',\n"
        "    Party('Seller'), Party('Buyer'), (('Number', 'INV-2026-000001'),),\n"
        "    (DocumentLine('Plan', '', 1, 900),), 900, 900, (), ())\n"
        "out = {}\n"
        "def render(key):\n"
        "    try:\n"
        "        out[key] = document_pdf(doc)[:4]\n"
        "    except NoGuiApplication as error:\n"
        "        out[key] = str(error)\n"
        "t = threading.Thread(target=render, args=('before',)); t.start(); t.join()\n"
        "ensure_gui_application()\n"
        "t = threading.Thread(target=render, args=('after',)); t.start(); t.join()\n"
        "print(out['before']); print(out['after'])\n"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120, cwd=ROOT
    )
    assert done.returncode == 0, done.stderr
    before, after = done.stdout.splitlines()
    assert before == "call ensure_gui_application() on the main thread before rendering PDFs"
    assert after == "b'%PDF'"
