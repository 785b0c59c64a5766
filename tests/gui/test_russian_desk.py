"""The Russian desk speaks Russian: every page, every dialog its buttons open, every visible text.

The test switches to Russian, visits every page of the main window over a demo database with a
failed payment, a notification and a scheduler that has run, selects the first row of every
table (so detail panes fill in), presses every enabled button of the page (every dialog is
cancelled the moment it opens, after its texts were read) and reads what an operator would see:
labels, buttons, tabs, group titles, placeholders, combo box items, tooltips, table headers and
cells, window titles. A word of three or more Latin letters fails it, unless it is data (a
customer's name or e-mail, a plan's or feature's code and name, an operator's name) or one of a
few names and codes that no language translates.
"""

from __future__ import annotations

import contextlib
import json
import re

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QTableView,
    QTabWidget,
    QTextEdit,
    QWidget,
)

from models.tables import Customer, Feature, Invoice, Operator, Plan, Setting
from services.errors import DomainError
from tests.gui.dialog_reading import read_and_cancel_dialogs
from ui.language import install_translator
from ui.login import LoginDialog
from ui.pages.invoices import RenewalPassDialog, open_invoice
from ui.search import GlobalSearchDialog

# Names and codes that stay as they are in every language.
ALLOWED = {
    "UTC", "CSV", "USD", "EUR", "GBP", "RUB", "JPY", "API", "URL", "JSON", "SMTP", "HTML",
    "PostgreSQL", "SQLite", "Ctrl", "Alt", "Shift", "Esc", "Enter", "Tab", "Subscriptions", "Admin",
    "INV", "CRN", "English", "PDF", "TLS", "STARTTLS",
}  # fmt: skip
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’]{2,}")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
# identifiers with a digit or an underscore (keys, ids, numbers), dotted ones (setting names) or
# colon-joined ones (payment keys such as "topup:0966d6bb…")
CODE = re.compile(r"\b[\w-]*[_\d][\w-]*\b|\b\w+(?:\.\w+)+\b|\b\w+(?::[\w-]+)+")
TAG = re.compile(r"<[^>]+>")
ENTITY = re.compile(r"&[a-z]+;|&#\d+;")
# What the operator types as a search takes it («topup #12»), and literals in "double quotes" (a JSON context).
QUOTED = re.compile(r"«[^»]*»|\"[^\"\n]*\"")
ROWS_READ = 12


@pytest.fixture
def russian(qapp):
    installed = install_translator(qapp, "ru")
    assert installed
    yield
    for translator in installed:
        qapp.removeTranslator(translator)
    assert QCoreApplication.translate("MainWindow", "Scheduler: off") == "Scheduler: off"


def data_words() -> set[str]:
    """Words that are data: they are shown as stored, in whatever language they were written."""
    words = set(ALLOWED)
    for text in [
        *(c.name for c in Customer.select(Customer.name)),
        *(c.email for c in Customer.select(Customer.email)),
        *(p.name for p in Plan.select(Plan.name)),
        *(p.code for p in Plan.select(Plan.code)),
        *(f.name for f in Feature.select(Feature.name)),
        *(f.code for f in Feature.select(Feature.code)),
        *(f.unit or "" for f in Feature.select(Feature.unit)),
        *(o.username for o in Operator.select(Operator.username)),
        # who the business is, as an admin typed it in Settings
        *(json.loads(s.value) for s in Setting.select().where(Setting.key.in_(["business.name", "business.address"]))),
    ]:
        words.update(LATIN_WORD.findall(text))
        words.update(re.split(r"[\s@.]+", text))
    return words


def english_words(text: str, allowed: set[str]) -> list[str]:
    text = QUOTED.sub(" ", ENTITY.sub(" ", TAG.sub(" ", text)))
    text = CODE.sub(" ", EMAIL.sub(" ", text))
    return [word for word in LATIN_WORD.findall(text) if word not in allowed]


def test_the_check_finds_english_and_passes_names_codes_and_russian():
    allowed = ALLOWED | {"Kira", "Moreau"}
    assert english_words("Сохранить настройки", allowed) == []
    assert english_words("Kira Moreau <kira.moreau.12@corp.example.com> · клиент #12", allowed) == []
    assert english_words("ключ topup-32149d44 · INV-2026-000042 · 12,50 USD · gateway.outage", allowed) == []
    assert english_words("Ключ платежа topup:0966d6bb1e98 · Объект: topup #13", allowed) == ["topup"]
    assert english_words("<b>Save</b> settings", allowed) == ["Save", "settings"]
    assert english_words('поиск «topup #12» · "currency": "USD"', allowed) == []


def texts_of_view(view: QAbstractItemView) -> list[str]:
    model = view.model()
    if model is None:
        return []
    found = []
    header = getattr(view, "horizontalHeader", lambda: None)()
    for column in range(model.columnCount()):
        if header is not None and (header.isHidden() or header.isSectionHidden(column)):
            continue
        found.append(str(model.headerData(column, Qt.Orientation.Horizontal) or ""))
        for row in range(min(ROWS_READ, model.rowCount())):
            index = model.index(row, column)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = model.data(index, role)
                if isinstance(value, str):
                    found.append(value)
    return found


def visible_texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) for everything an operator can read in ``root`` and its visible children."""
    found: list[tuple[str, str]] = []

    def add(widget: QWidget, text: str | None) -> None:
        if text:
            found.append((f"{type(widget).__name__} {widget.objectName() or ''}".strip(), text))

    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible():
            continue
        if widget.isWindow():
            add(widget, widget.windowTitle())
        add(widget, widget.toolTip())
        if isinstance(widget, QLabel | QAbstractButton):
            add(widget, widget.text())
        elif isinstance(widget, QLineEdit):
            add(widget, widget.placeholderText())
        elif isinstance(widget, QPlainTextEdit | QTextEdit):
            add(widget, widget.placeholderText())
            add(widget, widget.toPlainText())
        elif isinstance(widget, QComboBox):
            for i in range(widget.count()):
                add(widget, widget.itemText(i))
        elif isinstance(widget, QGroupBox):
            add(widget, widget.title())
        elif isinstance(widget, QTabWidget):
            for i in range(widget.count()):
                add(widget, widget.tabText(i))
                add(widget, widget.tabToolTip(i))
        if isinstance(widget, QListWidget):
            for i in range(widget.count()):
                add(widget, widget.item(i).text())
        elif isinstance(widget, QAbstractItemView) and not isinstance(widget, QHeaderView):
            for text in texts_of_view(widget):
                add(widget, text)
    return found


def clipped_headers(root: QWidget) -> list[tuple[str, str]]:
    """(table, heading) for every visible column heading narrower than its own text."""
    clipped = []
    for view in root.findChildren(QTableView):
        if not view.isVisible() or view.model() is None:
            continue
        header = view.horizontalHeader()
        if header.isHidden():
            continue
        last = max((i for i in range(header.count()) if not header.isSectionHidden(i)), default=-1)
        for column in range(header.count()):
            if header.isSectionHidden(column) or (column == last and header.stretchLastSection()):
                continue
            text = str(view.model().headerData(column, Qt.Orientation.Horizontal) or "")
            if header.sectionSize(column) < header.sectionSizeHint(column):  # what the style needs to draw it
                clipped.append((view.objectName() or type(view.parent()).__name__, text))
    return clipped


@pytest.fixture
def cancelled_dialogs(monkeypatch):
    """Every modal dialog is read while it shows, then cancelled: (dialog, its texts)."""
    return read_and_cancel_dialogs(monkeypatch, visible_texts)


def select_first_rows(page: QWidget) -> None:
    """The first row of the page's main table (its detail pane and actions follow), then of the others."""
    main = getattr(page, "table", None)
    if isinstance(main, QAbstractItemView) and main.model() is not None and main.model().rowCount():
        main.selectRow(0)
    for view in page.findChildren(QAbstractItemView):
        if view is main or isinstance(view, QHeaderView) or not view.isVisible() or view.model() is None:
            continue
        if view.model().rowCount() and not view.selectionModel().hasSelection():
            view.setCurrentIndex(view.model().index(0, 0))


def eventful_demo(gui) -> None:
    """A failed top-up in the error queue, notifications, and every scheduler job run once."""
    core = gui.core
    customer = Customer.select().order_by(Customer.id).first()
    core.settings.update(gui.ctx.actor, {"gateway.outage": "on"}, reason="учения: сбой шлюза")
    with contextlib.suppress(DomainError):  # queued for a retry, or refused: either way an error item
        core.payments.top_up(gui.ctx.actor, customer.email, "25.00", reason="учения")
    core.settings.update(gui.ctx.actor, {"gateway.outage": "off"}, reason="учения окончены")
    control = core.scheduler_control()
    for name in control.scheduler.job_names:
        control.run_now(gui.ctx.actor, name, reason="учения")


def test_every_page_and_dialog_of_the_russian_desk_is_russian(russian, make_gui, cancelled_dialogs, qtbot):
    gui = make_gui("admin", customers=12)
    eventful_demo(gui)
    allowed = data_words()
    window = gui.window
    problems: list[str] = []

    def check(where: str, root: QWidget | list[tuple[str, str]]) -> None:
        for widget, text in visible_texts(root) if isinstance(root, QWidget) else root:
            words = english_words(text, allowed)
            if words:
                problems.append(f"{where} · {widget}: {text[:2000]!r} ({', '.join(sorted(set(words)))})")

    for row in range(window.nav.count()):
        window.nav.setCurrentRow(row)
        page = window.pages[row]
        page.refresh()
        select_first_rows(page)
        name = window.nav.item(row).text()
        check(name, window)
        problems.extend(f"{name} · {table}: the heading {text!r} is clipped" for table, text in clipped_headers(page))
        for button in page.findChildren(QAbstractButton):
            window.nav.setCurrentRow(row)  # a button may have opened another page
            if not (button.isVisible() and button.isEnabled()) or not button.text():
                continue
            before = len(cancelled_dialogs)
            button.click()
            for _dialog, texts in cancelled_dialogs[before:]:
                check(f"{name} → {button.text()}", texts)
            for box in QApplication.topLevelWidgets():
                if isinstance(box, QMessageBox) and box.isVisible():
                    check(f"{name} → {button.text()}", box)
                    box.close()
    # The dialogs that open beside the pages: search, an invoice, a renewal pass's invoices.
    window.nav.setCurrentRow(0)
    window.on_search_triggered()
    search = window.findChild(GlobalSearchDialog)
    search.query.setText(Customer.select().first().name.split()[0])
    search.on_query_settled()
    check("Ctrl+K", search)
    invoice = Invoice.select().order_by(Invoice.id).first()
    check("invoice", open_invoice(gui.ctx, invoice.id, window))
    window.open_subject("renewal_pass", invoice.id)
    check("renewal pass", window.findChild(RenewalPassDialog))
    assert not problems, "English in the Russian desk:\n" + "\n".join(dict.fromkeys(problems))
    # The dialogs were read while they showed, not after they closed (a hidden widget shows no text).
    assert sum(1 for _dialog, texts in cancelled_dialogs if len(texts) >= 3) >= 15


def test_the_sign_in_dialog_is_russian(russian, qtbot, db, clock):
    from scheduler.core import build_core
    from ui.tasks import TaskRunner

    core = build_core(clock, gateway_sleep=lambda seconds: None)
    credentials = ALLOWED | {"admin", "operator", "viewer", "demo", "pass"}  # the demo's user names and passwords
    for first_run in (True, False):
        dialog = LoginDialog(core, TaskRunner(synchronous=True), first_run=first_run, demo_hint=True)
        qtbot.addWidget(dialog)
        dialog.show()
        found = [f"{widget}: {text!r}" for widget, text in visible_texts(dialog) if english_words(text, credentials)]
        assert not found, found
