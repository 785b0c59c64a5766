"""Invoices and credit notes as an operator reads them: lists, one invoice in full, and the
invoices one renewal pass issued.

Every figure comes from ``core.invoices``, loaded off the GUI thread. The invoice dialog's buttons and a
right-click on a list give a document as the customer's PDF (``ui.pages.invoice_pdfs``). Stored text (line
descriptions, credit-note reasons) only ever lands in table cells and plain-text labels.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import NamedTuple

import shiboken6
from PySide6.QtCore import QCoreApplication, QModelIndex, QPoint, Qt, Signal, Slot
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from scheduler.core import Core
from services.customer_detail import customer_names
from services.invoice_documents import DocumentKind
from services.invoices import CreditNoteInfo, InvoiceDetail, InvoiceInfo
from services.subject_owners import CustomerRef
from ui.context import UiContext
from ui.customer_links import customer_anchor, follow_customer_link
from ui.errors import describe, show_error
from ui.formatting import date_text, minute_text, money_text, number_text
from ui.pages.invoice_pdfs import DocumentRef, PdfActions
from ui.plain_text import plain_tooltip

IdRole = Qt.ItemDataRole.UserRole + 2


class CustomerBilling(NamedTuple):
    invoices: list[InvoiceInfo]  # newest first
    credit_notes: list[CreditNoteInfo]  # newest first
    owed: dict[str, int]  # currency -> what the customer's wallet in it still owes


def load_customer_billing(core: Core, customer_id: int) -> CustomerBilling:
    """Runs on a worker."""
    invoices = core.invoices
    return CustomerBilling(
        invoices.for_customer(customer_id),
        invoices.credit_notes_for_customer(customer_id),
        invoices.owed_by_customer(customer_id),
    )


def load_invoice(core: Core, invoice_id: int) -> tuple[InvoiceDetail, str]:
    """Runs on a worker: the invoice in full and the name of its customer."""
    detail = core.invoices.get(invoice_id)
    return detail, customer_names([detail.invoice.customer_id]).get(detail.invoice.customer_id, "")


def load_renewal_pass(core: Core, first_invoice_id: int) -> tuple[list[InvoiceInfo], dict[int, str]]:
    """Runs on a worker: the invoices one pass issued and their customers' names."""
    invoices = core.invoices.issued_with(first_invoice_id)
    return invoices, customer_names([i.customer_id for i in invoices])


# --- words and figures ------------------------------------------------------------------------


def invoice_kind_text(kind: str) -> str:
    translate = QCoreApplication.translate
    names = {
        "subscription": translate("Invoices", "first period"),
        "renewal": translate("Invoices", "renewal"),
        "usage": translate("Invoices", "usage"),
        "plan_change": translate("Invoices", "plan change"),
    }
    return names.get(kind, kind.replace("_", " "))


def credit_kind_text(kind: str) -> str:
    translate = QCoreApplication.translate
    names = {"refund": translate("Invoices", "refund"), "proration": translate("Invoices", "plan-change credit")}
    return names.get(kind, kind.replace("_", " "))


def line_kind_text(kind: str) -> str:
    translate = QCoreApplication.translate
    names = {
        "plan": translate("Invoices", "plan"),
        "usage": translate("Invoices", "usage"),
        "proration": translate("Invoices", "prorated plan"),
    }
    return names.get(kind, kind.replace("_", " "))


def day(moment: datetime | None) -> str:
    return date_text(moment)


def minute(moment: datetime | None) -> str:
    return minute_text(moment)


def period_text(start: datetime | None, end: datetime | None) -> str:
    return f"{day(start)} → {day(end)}" if start and end else ""


def cash(minor: int, currency: str) -> str:
    return money_text(minor, currency)


def owed_text(owed: dict[str, int]) -> str:
    """'$3.20, €1.00' for the currencies that owe anything; '' when nothing is owed."""
    return ", ".join(cash(minor, currency) for currency, minor in sorted(owed.items()) if minor > 0)


# --- tables -----------------------------------------------------------------------------------


class DocumentTable(QTableWidget):
    """A read-only table of plain-text cells; each row carries the id of what it shows.

    Columns are named by key. Money and numbers stay as wide as their content; the one
    ``stretch`` column of free text takes what is left and shows its whole text on hover.
    An empty table says why in ``empty_text`` instead of showing bare headers.
    """

    row_activated = Signal(int)

    def __init__(self, columns: list[tuple[str, str]], numeric: set[str], parent=None, *, stretch: str | None = None):
        super().__init__(0, len(columns), parent)
        self.keys = [key for key, _title in columns]
        self.numeric = {self.column_of(key) for key in numeric}
        self.stretch = self.column_of(stretch) if stretch else None
        self.empty_text = ""
        self.setHorizontalHeaderLabels([title for _key, title in columns])
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(24)
        self.horizontalHeader().setStretchLastSection(self.stretch is None)
        self.activated.connect(self.on_activated)  # Enter, or a double-click

    def column_of(self, key: str) -> int:
        return self.keys.index(key)

    # The kind of document each row is, when its rows are invoices or credit notes (their PDFs).
    document_kind: DocumentKind | None = None
    pdf_actions: PdfActions | None = None

    def offer_pdfs(self, ctx: UiContext, notify: Callable[[str], None] | None = None) -> PdfActions:
        """A right-click on a row offers its document as a PDF: "Open PDF" and "Save PDF…".
        ``notify`` is told when one is saved (a page's status line)."""
        if self.pdf_actions is None:
            self.pdf_actions = PdfActions(ctx, self, notify)
            self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            self.customContextMenuRequested.connect(self.on_context_menu_requested)
        return self.pdf_actions

    def document_at(self, row: int) -> DocumentRef | None:
        if self.document_kind is None or not 0 <= row < self.rowCount():
            return None
        number = self.text(row, "number")
        return DocumentRef(self.document_kind, number) if number else None

    @Slot(QPoint)
    def on_context_menu_requested(self, position: QPoint) -> None:
        ref = self.document_at(self.rowAt(position.y()))
        actions = self.pdf_actions
        if ref is None or actions is None:
            return
        menu = QMenu(self)
        menu.setObjectName("documentMenu")
        menu.addAction(self.tr("Open PDF"), lambda: actions.open_pdf(ref))
        menu.addAction(self.tr("Save PDF…"), lambda: actions.save_pdf(ref))
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(self.viewport().mapToGlobal(position))

    def set_empty_text(self, text: str) -> None:
        self.empty_text = text
        self.viewport().update()

    def set_rows(self, rows: list[tuple[int | None, list[str]]]) -> None:
        self.setRowCount(0)
        self.setRowCount(len(rows))
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        for row, (row_id, cells) in enumerate(rows):
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(IdRole, row_id)
                if column in self.numeric:
                    item.setTextAlignment(right)
                if column == self.stretch:
                    item.setToolTip(plain_tooltip(text) or "")
                self.setItem(row, column, item)
        self.fit_columns()

    def fit_columns(self) -> None:
        header = self.horizontalHeader()
        stretch_last = header.stretchLastSection()
        header.setStretchLastSection(False)
        if self.stretch is not None:
            header.setSectionResizeMode(self.stretch, QHeaderView.ResizeMode.Interactive)
        if self.rowCount():
            self.resizeColumnsToContents()
        if self.stretch is not None:
            header.setSectionResizeMode(self.stretch, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(stretch_last)  # sized to its content, the last column fills the rest again

    def texts(self, column: int | str) -> list[str]:
        index = self.column_of(column) if isinstance(column, str) else column
        return [self._cell_text(row, index) for row in range(self.rowCount())]

    def text(self, row: int, key: str) -> str:
        return self._cell_text(row, self.column_of(key))

    def _cell_text(self, row: int, column: int) -> str:
        item = self.item(row, column)
        return item.text() if item is not None else ""

    def id_at(self, row: int) -> int | None:
        item = self.item(row, 0)
        return item.data(IdRole) if item is not None else None

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().paintEvent(event)
        if self.rowCount() or not self.empty_text:
            return
        painter = QPainter(self.viewport())
        painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
        area = self.viewport().rect().adjusted(12, 16, -12, -12)
        painter.drawText(
            area,
            int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap),
            self.empty_text,
        )
        painter.end()

    @Slot(QModelIndex)
    def on_activated(self, index: QModelIndex) -> None:
        row_id = self.id_at(index.row())
        if row_id is not None:
            self.row_activated.emit(row_id)


class InvoiceTable(DocumentTable):
    """Invoices, newest first. The money comes before the period so it stays in view: what is owed
    (total less paid) next to what was paid, then what was credited back."""

    def __init__(self, parent=None, *, with_customer: bool = False):
        self.with_customer = with_customer
        columns = [
            ("number", self.tr("Number")),
            ("issued", self.tr("Issued")),
            ("kind", self.tr("Kind")),
            ("total", self.tr("Total")),
            ("paid", self.tr("Paid")),
            ("owed", self.tr("Owed")),
            ("credited", self.tr("Credited")),
            ("period", self.tr("Period")),
        ]
        if with_customer:
            columns.insert(1, ("customer", self.tr("Customer")))
        super().__init__(
            columns, {"total", "paid", "credited", "owed"}, parent, stretch="customer" if with_customer else None
        )
        self.setObjectName("invoiceTable")
        self.document_kind = DocumentKind.INVOICE
        self.setToolTip(
            self.tr("Double-click an invoice to see its lines, payments and credit notes; right-click for its PDF")
        )

    def show_invoices(self, invoices: list[InvoiceInfo], customer_names: dict[int, str] | None = None) -> None:
        """``customer_names`` maps customer ids to names for the customer column."""
        customer_names = customer_names or {}
        rows: list[tuple[int | None, list[str]]] = []
        for i in invoices:
            cells = [
                i.number,
                day(i.issued_at),
                invoice_kind_text(i.kind),
                cash(i.total_minor, i.currency),
                cash(i.paid_minor, i.currency),
                cash(i.owed_minor, i.currency) if i.owed_minor else "",
                cash(i.credited_minor, i.currency) if i.credited_minor else "",
                period_text(i.period_start, i.period_end),
            ]
            if self.with_customer:
                name = customer_names.get(i.customer_id)
                cells.insert(1, name or f"#{i.customer_id}")  # a customer reads as their name
            rows.append((i.id, cells))
        self.set_rows(rows)


class CreditNoteTable(DocumentTable):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(
            [
                ("number", self.tr("Number")),
                ("issued", self.tr("Issued")),
                ("invoice", self.tr("Invoice")),
                ("amount", self.tr("Amount")),
                ("kind", self.tr("Kind")),
                ("reason", self.tr("Reason")),
            ],
            {"amount"},
            parent,
            stretch="reason",
        )
        self.setObjectName("creditNoteTable")
        self.document_kind = DocumentKind.CREDIT_NOTE

    def show_credit_notes(
        self, notes: Sequence[CreditNoteInfo], currency_of: dict[int, str] | None = None, currency: str = "USD"
    ) -> None:
        """``currency_of`` maps invoice ids to their currency (a note is in its invoice's currency)."""
        currency_of = currency_of or {}
        self.set_rows(
            [
                (
                    n.invoice_id,
                    [
                        n.number,
                        day(n.issued_at),
                        n.invoice_number,
                        cash(n.amount_minor, currency_of.get(n.invoice_id, currency)),
                        credit_kind_text(n.kind),
                        " ".join((n.reason or "").split()),
                    ],
                )
                for n in notes
            ]
        )


# --- dialogs ----------------------------------------------------------------------------------


def plain_label(parent, name: str) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class InvoiceDialog(QDialog):
    """One invoice: its lines, the ledger entries that paid it and the credit notes against it."""

    def __init__(self, ctx: UiContext, invoice_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.invoice_id = invoice_id
        self.detail: InvoiceDetail | None = None
        self.setObjectName("invoiceDialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Invoice"))
        self.heading = plain_label(self, "invoiceHeading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setText(self.tr("Loading…"))
        self.summary = plain_label(self, "invoiceSummary")
        self.customer_link = QLabel(self)
        self.customer_link.setObjectName("invoiceCustomer")
        self.customer_link.setTextFormat(Qt.TextFormat.RichText)  # built here, every stored value escaped
        self.customer_link.linkActivated.connect(self.on_customer_link_activated)
        self.lines = DocumentTable(
            [
                ("position", self.tr("#")),
                ("kind", self.tr("Kind")),
                ("description", self.tr("Description")),
                ("quantity", self.tr("Quantity")),
                ("pricing", self.tr("Pricing")),
                ("period", self.tr("Period")),
                ("amount", self.tr("Amount")),
            ],
            {"position", "quantity", "amount"},
            self,
            stretch="description",
        )
        self.lines.setObjectName("invoiceLines")
        self.payments = DocumentTable(
            [("entry", self.tr("Ledger entry")), ("paid_at", self.tr("Paid at")), ("amount", self.tr("Amount"))],
            {"entry", "amount"},
            self,
        )
        self.payments.setObjectName("invoicePayments")
        self.credit_notes = CreditNoteTable(self)
        self.credit_notes.setColumnHidden(self.credit_notes.column_of("invoice"), True)  # always this invoice
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.lines, self.tr("Lines"))
        self.tabs.addTab(self.payments, self.tr("Payments"))
        self.tabs.addTab(self.credit_notes, self.tr("Credit notes"))
        self.pdf_status = plain_label(self, "pdfStatus")
        self.pdf_actions = PdfActions(ctx, self, self.pdf_status.setText)
        self.credit_notes.offer_pdfs(ctx, self.pdf_status.setText)
        self.credit_notes.setToolTip(self.tr("Right-click a credit note to open or save it as a PDF"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.open_pdf_button = QPushButton(self.tr("Open PDF"), self)
        self.open_pdf_button.setObjectName("openPdfButton")
        self.open_pdf_button.setToolTip(self.tr("Open the invoice as the customer receives it"))
        self.save_pdf_button = QPushButton(self.tr("Save PDF…"), self)
        self.save_pdf_button.setObjectName("savePdfButton")
        self.save_pdf_button.setToolTip(self.tr("Save the invoice as a PDF file"))
        for button in (self.open_pdf_button, self.save_pdf_button):
            button.setEnabled(False)  # until the invoice is loaded
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        self.open_pdf_button.clicked.connect(self.on_open_pdf_clicked)
        self.save_pdf_button.clicked.connect(self.on_save_pdf_clicked)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.customer_link)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.pdf_status)
        layout.addWidget(buttons)
        self.resize(880, 480)
        core = ctx.core
        ctx.runner.run(lambda: load_invoice(core, invoice_id), self.on_loaded, self.on_load_failed)

    def on_loaded(self, loaded: tuple[InvoiceDetail, str]) -> None:
        if not shiboken6.isValid(self):
            return
        detail, customer_name = loaded
        self.detail = detail
        i = detail.invoice
        self.setWindowTitle(self.tr("Invoice %s") % i.number)
        self.heading.setText(self.tr("Invoice %s · %s") % (i.number, invoice_kind_text(i.kind)))
        # The customer reads as their name and links to their page; their wallet and subscription are theirs.
        self.customer_link.setText(
            html.escape(self.tr("Customer")) + ": " + customer_anchor(CustomerRef(i.customer_id, customer_name))
        )
        facts = [self.tr("issued %s") % minute(i.issued_at)]
        if i.period_start and i.period_end:
            facts.append(self.tr("period %s") % period_text(i.period_start, i.period_end))
        money = [
            self.tr("Total %s") % cash(i.total_minor, i.currency),
            self.tr("paid %s") % cash(i.paid_minor, i.currency),
            self.tr("credited %s") % cash(i.credited_minor, i.currency),
            self.tr("owed %s") % cash(i.owed_minor, i.currency),
            self.tr("%s left to refund") % cash(i.refundable_minor, i.currency),
        ]
        self.summary.setText(", ".join(facts) + ".\n" + ", ".join(money) + ".")
        self.lines.set_rows(
            [
                (
                    line.position,
                    [
                        str(line.position),
                        line_kind_text(line.kind),
                        line.description,
                        number_text(line.quantity),
                        line.pricing or "",
                        period_text(line.period_start, line.period_end),
                        cash(line.amount_minor, i.currency),
                    ],
                )
                for line in detail.lines
            ]
        )
        self.payments.set_rows(
            [
                (p.ledger_entry_id, [f"#{p.ledger_entry_id}", minute(p.created_at), cash(p.amount_minor, i.currency)])
                for p in detail.payments
            ]
        )
        self.credit_notes.show_credit_notes(detail.credit_notes, currency=i.currency)
        self.lines.set_empty_text(self.tr("This invoice has no lines."))
        self.payments.set_empty_text(self.tr("Nothing has been paid on this invoice yet."))
        self.credit_notes.set_empty_text(self.tr("No credit note has been issued against this invoice."))
        self.tabs.setTabText(1, self.tr("Payments (%d)") % len(detail.payments))
        self.tabs.setTabText(2, self.tr("Credit notes (%d)") % len(detail.credit_notes))
        self.open_pdf_button.setEnabled(True)
        self.save_pdf_button.setEnabled(True)

    def document(self) -> DocumentRef | None:
        return DocumentRef(DocumentKind.INVOICE, self.detail.invoice.number) if self.detail else None

    @Slot()
    def on_open_pdf_clicked(self) -> None:
        if (ref := self.document()) is not None:
            self.pdf_actions.open_pdf(ref)

    @Slot()
    def on_save_pdf_clicked(self) -> None:
        if (ref := self.document()) is not None:
            self.pdf_actions.save_pdf(ref)

    @Slot(str)
    def on_customer_link_activated(self, href: str) -> None:
        if follow_customer_link(self, href):
            self.accept()  # the customer's page is behind it

    def on_load_failed(self, error: BaseException) -> None:
        if not shiboken6.isValid(self):
            return
        self.heading.setText(self.tr("The invoice could not be loaded."))
        self.summary.setText(describe(error))


def open_invoice(ctx: UiContext, invoice_id: int, parent: QWidget) -> InvoiceDialog:
    dialog = InvoiceDialog(ctx, invoice_id, parent)
    dialog.open()
    return dialog


class RenewalPassDialog(QDialog):
    """The invoices one renewal pass issued together: what a "renewals paid" notice opens."""

    def __init__(self, ctx: UiContext, first_invoice_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.invoices: list[InvoiceInfo] = []
        self.setObjectName("renewalPassDialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Renewals paid"))
        self.summary = plain_label(self, "renewalPassSummary")
        self.summary.setText(self.tr("Loading…"))
        self.table = InvoiceTable(self, with_customer=True)
        self.table.setColumnHidden(self.table.column_of("issued"), True)  # one moment for all, named in the summary
        self.table.row_activated.connect(self.on_invoice_activated)
        hint = QLabel(self.tr("Double-click an invoice to see its lines, payments and credit notes."), self)
        hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.resize(900, 520)
        core = ctx.core
        ctx.runner.run(lambda: load_renewal_pass(core, first_invoice_id), self.on_loaded, self.on_load_failed)

    def on_loaded(self, loaded: tuple[list[InvoiceInfo], dict[int, str]]) -> None:
        if not shiboken6.isValid(self):
            return
        invoices, names = loaded
        self.invoices = invoices
        self.table.show_invoices(invoices, names)
        self.table.set_empty_text(self.tr("This renewal pass issued no invoices."))
        totals: dict[str, list[int]] = {}
        for i in invoices:
            figures = totals.setdefault(i.currency, [0, 0, 0])
            figures[0] += i.total_minor
            figures[1] += i.paid_minor
            figures[2] += i.owed_minor
        issued = minute(invoices[0].issued_at) if invoices else ""
        text = self.tr("%n invoice(s) issued by the renewal pass of %s.", "", len(invoices)) % issued
        for currency, (total, paid, owed) in sorted(totals.items()):
            text += "\n" + self.tr("%s: total %s, paid %s, owed %s") % (
                currency,
                cash(total, currency),
                cash(paid, currency),
                cash(owed, currency),
            )
        self.summary.setText(text)

    def on_load_failed(self, error: BaseException) -> None:
        if not shiboken6.isValid(self):
            return
        self.summary.setText(describe(error))
        show_error(self, error)

    @Slot(int)
    def on_invoice_activated(self, invoice_id: int) -> None:
        open_invoice(self.ctx, invoice_id, self)
