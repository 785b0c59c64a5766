"""Invoices and credit notes as PDF files, drawn by Qt itself (QTextDocument into QPdfWriter).

Qt paints text only inside a QGuiApplication: the desktop has one; the command line and the headless
worker call ``ensure_gui_application()`` on their main thread first (an offscreen one, no display
needed). After that a PDF can be rendered on any thread — the desk's task runner, the scheduler's mail
job — one at a time (a lock keeps two threads out of Qt's font machinery together).

Every stored value (names, addresses, descriptions, reasons) is escaped before it enters the HTML.
"""

from __future__ import annotations

import html
import json
import sys
import threading
from collections.abc import Iterable

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QSizeF
from PySide6.QtGui import QFont, QGuiApplication, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from services.customer_notices import load_params
from services.invoice_documents import DocumentKind, InvoiceDocument, load_document

PDF_MIME = "application/pdf"
FONT_FAMILIES = ["DejaVu Sans", "Noto Sans", "Segoe UI", "Helvetica Neue", "Arial", "Liberation Sans"]
ACCENT = "#1f3a5f"
MUTED = "#5f6b7a"
RULE = "#d5dbe3"
SHADE = "#f3f5f8"
# The page is laid out in CSS pixels (96 to the inch) and every size in the HTML is given in them, so the
# layout is the same whatever the screen's resolution; QTextDocument.print_ scales it onto the A4 page.
UNITS_PER_INCH = 96.0
A4_UNITS = QSizeF(210.0 / 25.4 * UNITS_PER_INCH, 297.0 / 25.4 * UNITS_PER_INCH)
MARGIN_MM = 16.0

_render_lock = threading.Lock()
_own_application: QGuiApplication | None = None


class NoGuiApplication(RuntimeError):
    """A PDF was asked for before ``ensure_gui_application()`` ran on the main thread."""


def ensure_gui_application() -> QGuiApplication:
    """The running QGuiApplication, or a new offscreen one; call it on the main thread, before any thread renders."""
    global _own_application
    existing = QGuiApplication.instance()
    if isinstance(existing, QGuiApplication):
        return existing
    if existing is not None:
        raise NoGuiApplication("a QCoreApplication is running; PDFs need a QGuiApplication")
    if threading.current_thread() is not threading.main_thread():
        raise NoGuiApplication("ensure_gui_application() must run on the main thread")
    # Offscreen: the command line and the worker draw PDFs on servers with no display. A QApplication
    # (not a bare QGuiApplication), so that anything made later in the process may still show widgets.
    from PySide6.QtWidgets import QApplication

    _own_application = QApplication([sys.argv[0] if sys.argv else "subscriptions-admin", "-platform", "offscreen"])
    return _own_application


def _require_gui_application() -> None:
    app = QGuiApplication.instance()
    if not isinstance(app, QGuiApplication):
        if threading.current_thread() is threading.main_thread():
            ensure_gui_application()
            return
        raise NoGuiApplication("call ensure_gui_application() on the main thread before rendering PDFs")


# --- the page ---------------------------------------------------------------------------------


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _lines(texts: Iterable[str]) -> str:
    return "<br>".join(_e(text) for text in texts if text)


def _unbroken(text: str) -> str:
    """Escaped text that wraps only after a dash: a period breaks between its two dates, never inside one."""
    return _e(text).replace(" ", "&nbsp;").replace("&nbsp;–&nbsp;", "&nbsp;– ")


def document_html(document: InvoiceDocument) -> str:
    """The page as Qt rich text: a letterhead, the parties and facts, the lines, the totals, the notes."""
    words = document.words
    seller, buyer = document.seller, document.buyer
    with_period = any(line.period for line in document.lines)
    facts = "".join(
        f'<tr><td style="color:{MUTED}; padding-right:14px;">{_e(label)}</td>'
        f'<td align="right"><b>{_unbroken(value)}</b></td></tr>'
        for label, value in document.facts
    )
    head = (
        f'<th align="left" style="padding:6px 8px;">{_e(words.description)}</th>'
        + (f'<th align="left" style="padding:6px 8px;">{_e(words.period)}</th>' if with_period else "")
        + f'<th align="right" style="padding:6px 8px;">{_e(words.quantity)}</th>'
        f'<th align="right" style="padding:6px 8px;">{_e(words.amount)}</th>'
    )
    rows = []
    for n, line in enumerate(document.lines):
        shade = f' bgcolor="{SHADE}"' if n % 2 else ""
        rows.append(
            f"<tr{shade}>"
            f'<td style="padding:6px 8px;">{_e(line.description)}</td>'
            + (f'<td style="padding:6px 8px; color:{MUTED};">{_e(line.period)}</td>' if with_period else "")
            + f'<td align="right" style="padding:6px 8px;">{_e(document.count(line.quantity))}</td>'
            f'<td align="right" style="padding:6px 8px;">{_e(document.money(line.amount_minor))}</td>'
            "</tr>"
        )
    totals = []
    for total in document.totals:
        if total.strong:
            totals.append(
                f'<tr><td bgcolor="{ACCENT}" style="color:#ffffff; padding:7px 8px; font-size:16px;">'
                f"<b>{_e(total.label)}</b></td>"
                f'<td bgcolor="{ACCENT}" align="right" style="color:#ffffff; padding:7px 8px; font-size:16px;">'
                f"<b>{_e(document.money(total.amount_minor))}</b></td></tr>"
            )
        else:
            totals.append(
                f'<tr><td style="padding:4px 8px; color:{MUTED};">{_e(total.label)}</td>'
                f'<td align="right" style="padding:4px 8px;">{_e(document.money(total.amount_minor))}</td></tr>'
            )
    footer = f"{seller.name} · {document.title} {document.number}" if seller.name else ""
    notes = "".join(f'<p style="color:{MUTED}; margin:2px 0;">{_e(note)}</p>' for note in document.notes)
    return f"""<html><body style="font-size:13px; color:#1c2430;">
<table width="100%" cellspacing="0" cellpadding="0"><tr>
<td valign="top" width="60%">
<p style="font-size:23px; font-weight:bold; color:{ACCENT}; margin:0;">{_e(seller.name)}</p>
<p style="color:{MUTED}; margin-top:4px;">{_lines(seller.address)}</p>
</td>
<td valign="top" align="right" width="40%">
<p style="font-size:34px; font-weight:bold; color:{ACCENT}; margin:0;">{_e(document.title.upper())}</p>
<p style="font-size:15px; color:{MUTED}; margin-top:2px;">{_e(document.number)}</p>
</td></tr></table>
<hr style="color:{ACCENT}; background-color:{ACCENT}; height:2px; border:none;">
<table width="100%" cellspacing="0" cellpadding="0" style="margin-top:10px;"><tr>
<td valign="top" width="55%">
<p style="color:{MUTED}; font-size:11px; margin:0;">{_e(words.buyer.upper())}</p>
<p style="font-size:15px; font-weight:bold; margin:2px 0 0 0;">{_e(buyer.name)}</p>
<p style="color:{MUTED}; margin-top:2px;">{_lines(buyer.address)}</p>
</td>
<td valign="top" align="right" width="45%">
<table cellspacing="0" cellpadding="2">{facts}</table>
</td></tr></table>
<p style="margin:0;">&nbsp;</p>
<table width="100%" cellspacing="0" cellpadding="0" style="border-collapse:collapse; margin-top:14px;">
<thead><tr bgcolor="{ACCENT}" style="color:#ffffff;">{head}</tr></thead>
{"".join(rows)}
</table>
<table width="100%" cellspacing="0" cellpadding="0" style="margin-top:12px;"><tr>
<td width="50%"></td>
<td width="50%"><table width="100%" cellspacing="0" cellpadding="0">{"".join(totals)}</table></td>
</tr></table>
<p style="margin:0;">&nbsp;</p>
<hr style="color:{RULE}; background-color:{RULE}; height:1px; border:none;">
{notes}
<p style="color:{MUTED}; font-size:11px; margin-top:10px;">{_e(footer)}</p>
</body></html>"""


def text_document(document: InvoiceDocument) -> QTextDocument:
    """The page as a QTextDocument laid out on A4 (in CSS pixels, the margins inside it)."""
    page = QTextDocument()
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setPixelSize(13)
    page.setDefaultFont(font)
    page.setDocumentMargin(MARGIN_MM / 25.4 * UNITS_PER_INCH)
    page.setHtml(document_html(document))
    page.setPageSize(A4_UNITS)
    return page


def document_pdf(document: InvoiceDocument) -> bytes:
    """The document as a PDF on A4, its title and text searchable."""
    _require_gui_application()
    with _render_lock:
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        writer = QPdfWriter(buffer)
        writer.setTitle(f"{document.title} {document.number}")
        writer.setCreator(document.seller.name or "Subscriptions Admin")
        writer.setPageLayout(
            QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0))
        )
        writer.setResolution(300)
        page = text_document(document)
        page.print_(writer)
        del writer  # finishes the file into the buffer
        buffer.close()
        pdf = bytes(data.data())
    if not pdf.startswith(b"%PDF"):
        raise RuntimeError(f"Qt wrote no PDF for {document.number}")
    return pdf


def pdf_bytes(kind: DocumentKind | str, number, language: str | None = None) -> bytes:
    """An invoice or credit note (by number or id) as a PDF; runs where the database is open."""
    return document_pdf(load_document(kind, number, language))


def receipt_attachments(notice) -> list[tuple[str, bytes, str]]:
    """What a receipt email attaches: its invoice as a PDF, ``[(file name, bytes, "application/pdf")]``.

    ``notice`` is a customer notice (a ``CustomerNotice`` row or anything with ``kind``, ``params``
    and ``language``). Any other kind attaches nothing. The invoice is in the notice's language. An
    invoice that no longer exists raises NotFound. Safe on the scheduler's thread once the main
    thread has called ``ensure_gui_application()``.
    """
    if getattr(notice, "kind", None) != "receipt":
        return []
    params = notice.params if isinstance(notice.params, dict) else load_params(notice.params)
    reference = params.get("invoice_id") or params.get("invoice_number")
    if reference is None:
        raise ValueError(f"a receipt notice names no invoice: {json.dumps(sorted(params))}")
    language = getattr(notice, "language", None) or None
    document = load_document(DocumentKind.INVOICE, reference, language)
    return [(document.file_name, document_pdf(document), PDF_MIME)]
