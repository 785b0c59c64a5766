"""Stored text is shown as text: markup in a name, a reason or a message never reaches Qt's rich text.

A colleague who can type a customer's name or a reason can type ``<img src="/dev/zero">``; Qt's rich
text would read that file the moment a label, tooltip or text pane shows it. The test stores hostile
markup in every text an operator can type or a gateway can send (customer and plan names, feature
names and units, reasons, error messages, notification titles and bodies), visits every page of the
main window and the customer's page, selects rows, presses every enabled button (each dialog is read
and cancelled as it opens) and reads every label, text pane, tooltip and message box: the markup must
show as the characters it is made of, escaped in HTML or as plain text, never as a live tag.
"""

from __future__ import annotations

import contextlib

import pytest
from PySide6 import QtGui
from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QHeaderView,
    QLabel,
    QListView,
    QMessageBox,
    QTabWidget,
    QTextEdit,
    QWidget,
)

from models.tables import (
    Customer,
    ErrorItem,
    Feature,
    Invoice,
    Notification,
    Plan,
    Refund,
    Subscription,
    TopUp,
    Wallet,
)
from services.errors import DomainError
from tests.gui.dialog_reading import read_and_cancel_dialogs
from tests.gui.test_russian_desk import select_first_rows
from ui.pages.dialogs import ConfirmDialog
from ui.pages.invoices import RenewalPassDialog, open_invoice
from ui.search import GlobalSearchDialog

IMG = '<img src="/nonexistent/probe-XYZ.png">'
HOSTILE = f'{IMG}<b>bold-probe</b><a href="probe:1">link-probe</a> &lt;amp-probe'
SHORT_HOSTILE = "<b>bold-probe</b>&lt;amp-probe"  # for a column of 32 characters (a feature's unit)
# What each piece of HOSTILE looks like when a rich-text reader took it as markup.
LIVE = ('<img src="/nonexistent/probe', "<b>bold-probe", '<a href="probe:', "&lt;amp-probe")
ROWS_READ = 12


def live_markup(text: str) -> list[str]:
    """The pieces of HOSTILE that ``text``, read as rich text, would take as tags or entities."""
    return [piece for piece in LIVE if piece in text]


def rich(text: str, text_format: Qt.TextFormat = Qt.TextFormat.AutoText) -> bool:
    """Whether Qt reads ``text`` as HTML (a tooltip, a message box and an AutoText label guess)."""
    if text_format == Qt.TextFormat.PlainText:
        return False
    return text_format in (Qt.TextFormat.RichText, Qt.TextFormat.MarkdownText) or QtGui.Qt.mightBeRichText(text)


def test_the_check_tells_escaped_markup_from_live_markup():
    import html

    assert live_markup(HOSTILE) and rich(HOSTILE)
    assert not live_markup(html.escape(HOSTILE))
    assert not rich(HOSTILE, Qt.TextFormat.PlainText)
    assert not rich("Kira Moreau")


def hostile_database(gui) -> None:
    """Hostile markup in every stored text an operator or a gateway can write."""
    core, actor = gui.core, gui.ctx.actor
    for customer in Customer.select():
        Customer.update(name=f"{customer.name} {HOSTILE}").where(Customer.id == customer.id).execute()
    for plan in Plan.select():
        Plan.update(name=f"{plan.name} {HOSTILE}").where(Plan.id == plan.id).execute()
    Feature.update(name=Feature.name.concat(f" {HOSTILE}"), unit=SHORT_HOSTILE).execute()  # a unit holds 32
    customer = Customer.select().order_by(Customer.id).first()
    core.customers.add_note(actor, customer.id, f"note {HOSTILE}")
    wallet = Wallet.get(Wallet.customer == customer)
    core.payments.adjust_balance(actor, wallet.id, "3.00", reason=f"goodwill {HOSTILE}")
    subscription = Subscription.select().where(Subscription.status == "active").order_by(Subscription.id).first()
    core.subscriptions.cancel(actor, subscription.id, reason=f"asked {HOSTILE}")
    core.settings.update(actor, {"gateway.outage": "on"}, reason=f"drill {HOSTILE}")
    with contextlib.suppress(DomainError):  # queued for a retry, or refused: either way an error item
        core.payments.top_up(actor, customer.email, "25.00", reason=f"drill {HOSTILE}")
    core.settings.update(actor, {"gateway.outage": "off"}, reason=f"drill over {HOSTILE}")
    control = core.scheduler_control()
    for name in control.scheduler.job_names:
        control.run_now(actor, name, reason=f"drill {HOSTILE}")
    ErrorItem.update(message=f"gateway said {HOSTILE}").execute()
    TopUp.update(error=f"declined {HOSTILE}").where(TopUp.error.is_null(False)).execute()
    Refund.update(reason=f"refund {HOSTILE}", error=f"refused {HOSTILE}").execute()
    Notification.update(title=f"Notice {HOSTILE}", body=f"Body {HOSTILE}").execute()
    assert Notification.select().count() and ErrorItem.select().count()


def view_texts(view: QAbstractItemView) -> list[tuple[str, str]]:
    """(role, text) of the tooltips and cells of the first rows of ``view``."""
    model = view.model()
    if model is None or isinstance(view, QHeaderView):
        return []
    found = []
    for row in range(min(ROWS_READ, model.rowCount())):
        for column in range(1 if isinstance(view, QListView) else model.columnCount()):
            value = model.data(model.index(row, column), Qt.ItemDataRole.ToolTipRole)
            if isinstance(value, str):
                found.append(("tooltip", value))
    return found


def interpreted(root: QWidget) -> list[str]:
    """Where ``root`` and its visible children take stored markup as rich text."""
    problems: list[str] = []

    def flag(widget: QWidget, what: str, text: str, pieces: list[str]) -> None:
        name = f"{type(widget).__name__} {widget.objectName() or ''}".strip()
        problems.append(f"{name} {what}: {text[:300]!r} (live: {', '.join(pieces)})")

    def check(widget: QWidget, what: str, text: str | None, text_format=Qt.TextFormat.AutoText) -> None:
        if text and rich(text, text_format) and (pieces := live_markup(text)):
            flag(widget, what, text, pieces)

    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible():
            continue
        check(widget, "tooltip", widget.toolTip())
        if isinstance(widget, QMessageBox):
            check(widget, "text", widget.text(), widget.textFormat())
            check(widget, "informative text", widget.informativeText(), widget.textFormat())
        elif isinstance(widget, QLabel):
            check(widget, "text", widget.text(), widget.textFormat())
        elif isinstance(widget, QTextEdit):
            document_html, plain = widget.toHtml(), widget.toPlainText()
            if "probe-XYZ.png" in document_html and IMG not in plain:
                flag(widget, "document", document_html, ["<img"])
            for piece in ("<b>bold-probe</b>", '<a href="probe:1">link-probe</a>', "&lt;amp-probe"):
                if piece.split(">")[-1][:5] in plain and piece not in plain:
                    flag(widget, "document", plain, [piece])
        elif isinstance(widget, QComboBox):
            for i in range(widget.count()):
                check(widget, "item tooltip", widget.itemData(i, Qt.ItemDataRole.ToolTipRole))
        elif isinstance(widget, QTabWidget):
            for i in range(widget.count()):
                check(widget, "tab tooltip", widget.tabToolTip(i))
        if isinstance(widget, QAbstractItemView):
            for what, text in view_texts(widget):
                check(widget, what, text)
    return problems


@pytest.fixture
def read_dialogs(monkeypatch):
    """Every modal dialog is read while it shows, then cancelled: (dialog, what was read as rich text in it)."""
    return read_and_cancel_dialogs(monkeypatch, interpreted)


def test_the_check_sees_a_label_and_a_tooltip_that_take_markup(qtbot):
    label = QLabel(f"Customer {HOSTILE}")
    label.setToolTip(HOSTILE)
    qtbot.addWidget(label)
    label.show()
    assert len(interpreted(label)) == 2
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setToolTip(QtGui.Qt.convertFromPlainText(HOSTILE))
    assert interpreted(label) == []
    pane = QTextEdit()
    qtbot.addWidget(pane)
    pane.setHtml(f"<p>{HOSTILE}</p>")
    pane.show()
    assert interpreted(pane)
    import html

    pane.setHtml(f"<p>{html.escape(HOSTILE)}</p>")
    assert interpreted(pane) == []
    model = QStandardItemModel(1, 1)
    model.setData(model.index(0, 0), HOSTILE, Qt.ItemDataRole.ToolTipRole)
    from PySide6.QtWidgets import QTableView

    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.show()
    assert interpreted(view)


def test_hostile_names_and_reasons_show_as_text_on_every_page_dialog_and_tooltip(make_gui, read_dialogs, qtbot):
    gui = make_gui("admin", customers=12)
    hostile_database(gui)
    window = gui.window
    problems: list[str] = []
    seen_hostile: list[str] = []
    dialogs_read: list[QDialog] = []

    def check(where: str, root: QWidget) -> None:
        problems.extend(f"{where} · {problem}" for problem in interpreted(root))
        for label in root.findChildren(QLabel):
            if label.isVisible() and "bold-probe" in label.text():
                seen_hostile.append(where)

    def visit(name: str, page: QWidget, row: int) -> None:
        page.refresh()
        select_first_rows(page)
        check(name, window)
        for button in page.findChildren(QAbstractButton):
            window.nav.setCurrentRow(row)  # a button may have opened another page
            if not (button.isVisible() and button.isEnabled()) or not button.text():
                continue
            before = len(read_dialogs)
            button.click()
            for dialog, found in read_dialogs[before:]:
                problems.extend(f"{name} → {button.text()} · {type(dialog).__name__} · {problem}" for problem in found)
                dialogs_read.append(dialog)
            for box in QApplication.topLevelWidgets():
                if isinstance(box, QMessageBox) and box.isVisible():
                    check(f"{name} → {button.text()}", box)
                    box.close()

    for row in range(window.nav.count()):
        window.nav.setCurrentRow(row)
        visit(window.nav.item(row).text(), window.pages[row], row)
    # The customer's own page, inside Customers.
    customers = gui.page("CustomersPage")
    row = window.pages.index(customers)
    customer = Customer.select().order_by(Customer.id).first()
    window.open_subject("customer", customer.id)
    customer_page = customers.customer_page
    assert customer_page.isVisible()
    visit("customer page", customer_page, row)
    # The dialogs that open beside the pages: search, an invoice, a renewal pass's invoices.
    window.nav.setCurrentRow(0)
    window.on_search_triggered()
    search = window.findChild(GlobalSearchDialog)
    search.query.setText(customer.name.split()[0])
    search.on_query_settled()
    check("Ctrl+K", search)
    invoice = Invoice.select().order_by(Invoice.id).first()
    check("invoice", open_invoice(gui.ctx, invoice.id, window))
    window.open_subject("renewal_pass", invoice.id)
    check("renewal pass", window.findChild(RenewalPassDialog))
    assert seen_hostile, "no label showed a hostile name: the test did not reach the data"
    summaries = [d.summary.text() for d in dialogs_read if isinstance(d, ConfirmDialog)]
    assert any("bold-probe" in summary for summary in summaries), "no dialog named a hostile customer"
    assert not problems, "Stored markup read as rich text:\n" + "\n".join(dict.fromkeys(problems))


def test_a_chart_bar_tooltip_shows_its_label_as_text(qtbot, monkeypatch):
    from PySide6.QtCore import QPointF

    from ui import charts

    chart = charts.CategoryChart()
    qtbot.addWidget(chart)
    chart.resize(400, 300)
    chart.show()
    chart.set_data([f"Status {HOSTILE}"], [1.0])
    QApplication.processEvents()
    shown: list[str] = []
    monkeypatch.setattr(charts.QToolTip, "showText", lambda pos, text, widget=None: shown.append(text))
    chart._on_mouse_moved(chart.getPlotItem().vb.mapViewToScene(QPointF(0, 0.5)))
    assert shown and "bold-probe" in shown[0]
    assert not (rich(shown[0]) and live_markup(shown[0])), shown[0]


def test_an_error_box_and_a_form_problem_quoting_stored_text_show_it_as_text(qtbot):
    from services.errors import ValidationError
    from ui.errors import show_error
    from ui.pages.settings_form import SettingsForm

    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    show_error(parent, ValidationError(f"the name {HOSTILE} is taken"))
    box = parent.findChild(QMessageBox, "errorBox")
    assert "bold-probe" in box.text()
    assert interpreted(box) == []
    box.close()
    form = SettingsForm([], parent)
    form.show()
    form.show_problem(f"Refused: {HOSTILE}")
    assert interpreted(form) == []
