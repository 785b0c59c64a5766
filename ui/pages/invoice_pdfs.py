"""Invoices and credit notes as PDF files on the desk: "Open PDF" and "Save PDF…".

The PDF is drawn (``ui.pdf``) on the task runner, never on the GUI thread, in the customer's language.
A file the operator names is written 0600 and whole (or not at all); one opened to view goes to a
private temporary folder of this process and is handed to the system's PDF viewer.
"""

from __future__ import annotations

import errno
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

import shiboken6
from PySide6.QtCore import QObject, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from services.files import private_directory, write_private_file
from services.invoice_documents import DocumentKind
from ui.context import UiContext
from ui.errors import known_failure, show_error
from ui.pdf import pdf_bytes


class DocumentRef(NamedTuple):
    """Which document a PDF is asked for: an invoice or a credit note, by its number."""

    kind: DocumentKind
    number: str

    @property
    def file_name(self) -> str:
        return f"{self.number}.pdf"


_preview_lock = threading.Lock()
_preview_folder: Path | None = None


def preview_folder() -> Path:
    """A private folder (0700) of this process under the system's temporary folder, for PDFs opened to view."""
    global _preview_folder
    with _preview_lock:
        if _preview_folder is None or not _preview_folder.is_dir():
            _preview_folder = private_directory(Path(tempfile.mkdtemp(prefix="subscriptions-admin-pdf-")))
        return _preview_folder


def write_preview(ref: DocumentRef) -> Path:
    """Runs on a worker: the document's PDF in the private preview folder (0600), for a viewer to open."""
    return write_private_file(preview_folder() / ref.file_name, pdf_bytes(ref.kind, ref.number))


def save_document(ref: DocumentRef, path: Path) -> Path:
    """Runs on a worker: the document's PDF written to ``path`` (0600), whole or not at all."""
    return write_private_file(path, pdf_bytes(ref.kind, ref.number))


PDF_FOLDER_KEY = "invoices/pdf_folder"


class PdfActions(QObject):
    """ "Open PDF" and "Save PDF…" for invoices and credit notes; the PDF is drawn on the task runner.

    The document is in its customer's language. A file the operator names is written 0600 and whole
    (or not at all); a PDF opened to view lives in a private temporary folder.
    """

    pdf_saved = Signal(str)  # the path written
    pdf_opened = Signal(str)  # the file handed to the system's viewer

    def __init__(self, ctx: UiContext, parent: QWidget, notify: Callable[[str], None] | None = None):
        """``notify`` is given a sentence when a PDF is saved (a page's status line, a dialog's label)."""
        super().__init__(parent)
        self.ctx = ctx
        self.widget = parent
        self.notify = notify

    def open_pdf(self, ref: DocumentRef) -> None:
        self.ctx.runner.run(lambda: write_preview(ref), self.on_preview_written, lambda e: self.on_failed(e, None))

    def save_pdf(self, ref: DocumentRef) -> None:
        folder = str(self.ctx.qsettings.value(PDF_FOLDER_KEY, "") or "")
        suggested = str(Path(folder) / ref.file_name) if folder and Path(folder).is_dir() else ref.file_name
        title = self.tr("Save %s as PDF") % ref.number
        chosen, _ = QFileDialog.getSaveFileName(self.widget, title, suggested, self.tr("PDF files (*.pdf)"))
        if not chosen:
            return
        path = Path(chosen)
        if not path.suffix:
            path = path.with_suffix(".pdf")
        self.ctx.qsettings.setValue(PDF_FOLDER_KEY, str(path.parent))
        self.ctx.runner.run(lambda: save_document(ref, path), self.on_saved, lambda e: self.on_failed(e, path))

    def on_preview_written(self, path: Path) -> None:
        if not shiboken6.isValid(self.widget):
            return
        if QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            self.pdf_opened.emit(str(path))
            return
        self.tell(
            QMessageBox.Icon.Information,
            self.tr("No program here opens PDF files. The PDF was written to %s; use Save PDF… to keep it elsewhere.")
            % path,
        )

    def on_saved(self, path: Path) -> None:
        self.pdf_saved.emit(str(path))
        if self.notify is not None and shiboken6.isValid(self.widget):
            self.notify(self.tr("Saved %s.") % path)

    def on_failed(self, error: BaseException, path: Path | None) -> None:
        if not shiboken6.isValid(self.widget):
            return
        if isinstance(error, OSError) and known_failure(error) is None and error.errno != errno.ENOSPC:
            where = str(path) if path is not None else (error.filename or "")
            text = self.tr("The PDF could not be written to %s: %s.") % (where, error.strerror or error)
            self.tell(QMessageBox.Icon.Warning, text)
            return
        show_error(self.widget, error)

    def tell(self, icon: QMessageBox.Icon, text: str) -> None:
        box = QMessageBox(self.widget)
        box.setObjectName("pdfMessageBox")
        box.setIcon(icon)
        box.setWindowTitle(self.tr("PDF"))
        box.setTextFormat(Qt.TextFormat.PlainText)  # a path may hold anything
        box.setText(text)
        box.open()
