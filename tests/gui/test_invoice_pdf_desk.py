"""Invoices and credit notes as PDFs from the desk: Save PDF… and Open PDF on the invoice, a right-click
on the customer's lists, failures said plainly, and the drawing done off the GUI thread."""

import dataclasses
import io
import stat
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import QPoint
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from models.tables import Customer, Plan, Subscription, Wallet
from services.auth import SYSTEM
from ui.pages.customers import CustomersPage
from ui.pages.invoices import InvoiceDialog
from ui.tasks import TaskRunner


def pdf_text(data: bytes) -> str:
    return "".join("".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(data)).pages)


def paid_invoice(core):
    """A starter customer's paid invoice, with $1.50 of it refunded as a credit note."""
    core.settings.update(SYSTEM, {"business.name": "Northwind Hosting", "business.address": "1 Quay Road\nBristol"})
    plan = Plan.get(Plan.code == "starter")
    sub = (
        Subscription.select()
        .join(Wallet)
        .where((Subscription.status == "active") & (Subscription.plan == plan.id))
        .order_by(Wallet.balance_minor.desc(), Subscription.id)
        .first()
    )
    invoice = next(i for i in core.invoices.for_customer(sub.customer_id) if i.kind in ("renewal", "subscription"))
    entry = core.invoices.get(invoice.id).payments[0].ledger_entry_id
    core.payments.refund_charge(SYSTEM, entry, 150, "outage on the 3rd")
    return sub, invoice


def choose_file(monkeypatch, path):
    asked = []

    def fake(parent, title, suggested, filters):
        asked.append((title, suggested, filters))
        return str(path), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake))
    return asked


def test_save_pdf_on_the_invoice_writes_a_private_readable_pdf(make_page, monkeypatch, tmp_path):
    env = make_page(CustomersPage)
    _sub, invoice = paid_invoice(env.core)
    dialog = InvoiceDialog(env.ctx, invoice.id, env.page)
    dialog.show()
    assert dialog.save_pdf_button.isEnabled() and dialog.save_pdf_button.text() == "Save PDF…"
    target = tmp_path / "kept" / "invoice"  # no extension typed: .pdf is added
    target.parent.mkdir()
    asked = choose_file(monkeypatch, target)

    dialog.save_pdf_button.click()

    assert asked == [(f"Save {invoice.number} as PDF", f"{invoice.number}.pdf", "PDF files (*.pdf)")]
    written = target.with_suffix(".pdf")
    assert stat.S_IMODE(written.stat().st_mode) == 0o600
    text = pdf_text(written.read_bytes())
    assert invoice.number in text and "NorthwindHosting" in text and "1QuayRoad" in text
    assert f"Total${invoice.total_minor // 100}." in text and "Creditedback$1.50" in text
    assert dialog.pdf_status.text() == f"Saved {written}."
    # The next Save PDF… starts in the folder used last.
    choose_file(monkeypatch, tmp_path / "kept" / "again.pdf")
    asked = choose_file(monkeypatch, tmp_path / "kept" / "again.pdf")
    dialog.save_pdf_button.click()
    assert Path(asked[0][1]) == tmp_path / "kept" / f"{invoice.number}.pdf"


def test_open_pdf_hands_a_private_file_to_the_viewer(make_page, monkeypatch):
    env = make_page(CustomersPage)
    sub, invoice = paid_invoice(env.core)
    Customer.update(language="ru").where(Customer.id == sub.customer_id).execute()
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url) or True))
    dialog = InvoiceDialog(env.ctx, invoice.id, env.page)

    dialog.open_pdf_button.click()

    [url] = opened
    path = Path(url.toLocalFile())
    assert path.name == f"{invoice.number}.pdf"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600 and stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert "СЧЁТ" in pdf_text(path.read_bytes())  # in the customer's language


def test_without_a_pdf_viewer_the_desk_says_where_the_file_is(make_page, monkeypatch):
    env = make_page(CustomersPage)
    _sub, invoice = paid_invoice(env.core)
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: False))
    dialog = InvoiceDialog(env.ctx, invoice.id, env.page)
    dialog.open_pdf_button.click()
    box = dialog.findChild(QMessageBox, "pdfMessageBox")
    assert box is not None and box.text().startswith("No program here opens PDF files.")
    assert f"{invoice.number}.pdf" in box.text()


def test_a_folder_that_cannot_be_written_is_said_plainly_and_nothing_is_left(make_page, monkeypatch, tmp_path):
    env = make_page(CustomersPage)
    _sub, invoice = paid_invoice(env.core)
    dialog = InvoiceDialog(env.ctx, invoice.id, env.page)
    missing = tmp_path / "gone" / "invoice.pdf"
    choose_file(monkeypatch, missing)
    dialog.save_pdf_button.click()
    box = dialog.findChild(QMessageBox, "pdfMessageBox")
    assert box is not None
    assert box.text() == f"The PDF could not be written to {missing}: No such file or directory."
    assert not missing.parent.exists() and dialog.pdf_status.text() == ""


def test_a_credit_note_is_saved_from_the_customers_list_by_right_click(make_page, monkeypatch, tmp_path):
    env = make_page(CustomersPage)
    sub, invoice = paid_invoice(env.core)
    page = env.page
    assert page.open_subject("customer", sub.customer_id)
    notes = page.credit_note_table
    assert notes.rowCount() == 1
    number = notes.text(0, "number")
    shown = []
    monkeypatch.setattr(QMenu, "popup", lambda menu, where: shown.append([a.text() for a in menu.actions()]))
    notes.on_context_menu_requested(QPoint(5, notes.rowViewportPosition(0) + 3))
    assert shown == [["Open PDF", "Save PDF…"]]

    statuses = []
    page.status_message.connect(statuses.append)
    target = tmp_path / "credit.pdf"
    choose_file(monkeypatch, target)
    notes.pdf_actions.save_pdf(notes.document_at(0))
    text = pdf_text(target.read_bytes())
    assert "CREDITNOTE" in text and number in text and f"Againstinvoice{invoice.number}" in text
    assert "Totalcredited$1.50" in text
    assert statuses == [f"Saved {target}."]


def test_the_pdf_is_drawn_on_a_worker_and_arrives_on_the_gui_thread(make_page, monkeypatch, tmp_path, qtbot):
    """The desk's real thread pool: the dialog stays responsive while the PDF is drawn and written."""
    env = make_page(CustomersPage)
    _sub, invoice = paid_invoice(env.core)
    dialog = InvoiceDialog(env.ctx, invoice.id, env.page)  # loaded on the synchronous runner
    runner = TaskRunner()
    dialog.pdf_actions.ctx = dataclasses.replace(env.ctx, runner=runner)
    target = tmp_path / "threaded.pdf"
    choose_file(monkeypatch, target)
    with qtbot.waitSignal(dialog.pdf_actions.pdf_saved, timeout=60_000) as saved:
        dialog.save_pdf_button.click()
        assert runner.pending == 1  # handed to the pool, not drawn on this thread
    assert saved.args == [str(target)]
    assert invoice.number in pdf_text(target.read_bytes())
    runner.wait_idle()
