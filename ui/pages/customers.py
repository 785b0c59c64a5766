"""Customers: find them, see their wallets, subscriptions, invoices and credit notes, act for them."""

from __future__ import annotations

import html

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, Qt, Slot
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QStyle,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from services.changes import Changes, Kind
from services.customer_detail import CustomerDetail, customer_detail
from services.customers import clean_email, clean_name
from services.money import CUSTOMER_LANGUAGES, parse_amount
from ui.context import UiContext
from ui.errors import as_sentence, stored_message_text
from ui.formatting import date_text, minute_text, money_text
from ui.pages.base import TablePage
from ui.pages.customer_notice_words import customer_language_text
from ui.pages.customer_page import CustomerPage
from ui.pages.customers_models import CustomersTableModel, money
from ui.pages.dialogs import ConfirmDialog, MoneyDialog
from ui.pages.invoices import (
    CreditNoteTable,
    CustomerBilling,
    InvoiceTable,
    load_customer_billing,
    open_invoice,
    owed_text,
)
from ui.pages.words import customer_status_text, payment_status_text, price_text, status_text

OWED_COLOUR = "#b26a00"  # as the wallet pane shows what a wallet owes


def render_customer(detail: CustomerDetail, owed: dict[str, int] | None = None) -> str:
    """The overview pane; ``owed`` is what each currency's wallet still owes on its invoices."""
    translate = QCoreApplication.translate
    owed = owed or {}
    c = detail.customer
    since, wallets = translate("CustomersPage", "since"), translate("CustomersPage", "Wallets")
    subscriptions, period_ends = translate("CustomersPage", "Subscriptions"), translate("CustomersPage", "period ends")
    topups, none = translate("CustomersPage", "Recent top-ups"), translate("CustomersPage", "none")
    parts = [
        f"<h2>{html.escape(c.name)}</h2>",
        f"<p>{html.escape(c.email)} · #{c.id} · {html.escape(customer_status_text(c.status))} · "
        f"{since} {date_text(c.created_at)}</p>",
        f"<h3>{wallets}</h3><ul>",
    ]
    for w in detail.wallets:
        amount = money_text(w.balance_minor, w.currency)
        owes = ""
        if owed.get(w.currency, 0) > 0:
            owes_text = translate("CustomersPage", "owes %s") % money_text(owed[w.currency], w.currency)
            owes = f" · <b style='color:{OWED_COLOUR}'>{html.escape(owes_text)}</b>"
        parts.append(f"<li>#{w.id} {w.currency}: <b>{amount}</b>{owes}</li>")
    parts.append(f"</ul><h3>{subscriptions}</h3><ul>")
    for s in detail.subscriptions:
        parts.append(
            f"<li>#{s.id} <b>{html.escape(s.plan_code)}</b> — {html.escape(status_text(s.status))}, "
            f"{period_ends} {date_text(s.period_end)}, "
            f"{money_text(s.price_minor, s.currency)}</li>"
        )
    if not detail.subscriptions:
        parts.append(f"<li>{none}</li>")
    parts.append(f"</ul><h3>{topups}</h3><ul>")
    for t in detail.recent_topups:
        parts.append(
            f"<li>#{t.id} {money_text(t.amount_minor, t.currency)} — "
            f"{html.escape(payment_status_text(t.status))} ({minute_text(t.created_at)})</li>"
        )
    if not detail.recent_topups:
        parts.append(f"<li>{none}</li>")
    parts.append("</ul>")
    return "".join(parts)


class CustomersPage(TablePage[CustomersTableModel]):
    settings_key = "customers"
    subject_type = "customer"
    title_text = QT_TRANSLATE_NOOP("CustomersPage", "Customers")
    icon = QStyle.StandardPixmap.SP_DirHomeIcon
    shows = frozenset({Kind.CUSTOMER, Kind.WALLET, Kind.SUBSCRIPTION, Kind.INVOICE})

    def __init__(self, ctx: UiContext, parent: QWidget | None = None):
        super().__init__(ctx, CustomersTableModel(ctx.runner), parent, search_placeholder=self.tr("Name, email or id"))
        self.add_filter(
            self.tr("Status"),
            [(self.tr("All"), None), (self.tr("Active"), "active"), (self.tr("Disabled"), "disabled")],
            "status",
        )
        self.open_button = QPushButton(self.tr("Open page"), self)
        self.open_button.setObjectName("openCustomer")
        self.new_button = QPushButton(self.tr("New customer…"), self)
        self.edit_button = QPushButton(self.tr("Edit…"), self)
        self.topup_button = QPushButton(self.tr("Top up…"), self)
        self.subscribe_button = QPushButton(self.tr("Subscribe…"), self)
        for button in (self.open_button, self.new_button, self.edit_button, self.topup_button, self.subscribe_button):
            self.actions_bar.addWidget(button)
        self.actions_bar.addStretch(1)
        self.open_button.clicked.connect(self.on_open_clicked)
        self.table.activated.connect(self.on_row_activated)  # a double-click, or Enter
        self.new_button.clicked.connect(self.on_new_clicked)
        self.edit_button.clicked.connect(self.on_edit_clicked)
        self.topup_button.clicked.connect(self.on_topup_clicked)
        self.subscribe_button.clicked.connect(self.on_subscribe_clicked)
        self.guard(self.new_button, "customer.create")
        self._build_billing_tabs()
        self._build_customer_view()
        self.on_selection([])

    def _build_customer_view(self) -> None:
        """The list (filters, table, detail) and one customer's page take turns in the page."""
        list_view = QWidget(self)
        list_layout = QVBoxLayout(list_view)
        list_layout.setContentsMargins(0, 0, 0, 0)
        while self.page_layout.count():
            stretch = self.page_layout.stretch(0)
            item = self.page_layout.takeAt(0)
            if item is None:
                break
            inner, widget = item.layout(), item.widget()
            if inner is not None:
                list_layout.addLayout(inner, stretch)
            elif widget is not None:
                list_layout.addWidget(widget, stretch)
        self.customer_page = CustomerPage(self.ctx, self)
        self.customer_page.back_requested.connect(self.show_list)
        self.customer_page.status_message.connect(self.status_message)
        self.views = QStackedWidget(self)
        self.views.setObjectName("customerViews")
        self.views.addWidget(list_view)
        self.views.addWidget(self.customer_page)
        self.page_layout.addWidget(self.views, 1)

    # --- one customer's page ----------------------------------------------------------------

    def open_customer(self, customer_id: int) -> None:
        """Show this customer's page (the list keeps its filters for the way back)."""
        self.views.setCurrentWidget(self.customer_page)
        self.customer_page.show_customer(customer_id)
        if self.model.row_of_id(customer_id) < 0:
            self.show_only(f"#{customer_id}")  # not among the rows listed: the list comes back showing them alone
        self.select_id(customer_id)

    @Slot()
    def show_list(self) -> None:
        self.views.setCurrentIndex(0)
        self.table.setFocus()

    def showing_customer(self) -> int | None:
        """The customer whose page is on screen, or None while the list is."""
        return self.customer_page.customer_id if self.views.currentWidget() is self.customer_page else None

    def open_subject(self, subject_type: str, subject_id: int) -> bool:
        if subject_type != "customer":
            return False
        self.open_customer(subject_id)
        return True

    def refresh(self, keep_selection: bool = True) -> None:
        super().refresh(keep_selection)
        if self.showing_customer() is not None:
            self.customer_page.refresh()

    @Slot(QModelIndex)
    def on_row_activated(self, index: QModelIndex) -> None:
        record = self.model.record_at(index.row())
        if record is not None:
            self.open_customer(record["id"])

    @Slot()
    def on_open_clicked(self) -> None:
        record = self.current_record()
        if record is not None:
            self.open_customer(record["id"])

    def _build_billing_tabs(self) -> None:
        """The detail pane becomes the first of three tabs: overview, invoices, credit notes."""
        self.detail_tabs = QTabWidget(self.detail_container)
        self.detail_tabs.setObjectName("customerTabs")
        self.detail_layout.replaceWidget(self.detail, self.detail_tabs)
        self.detail_tabs.addTab(self.detail, self.tr("Overview"))
        invoices_tab = QWidget(self.detail_tabs)
        self.owed_label = QLabel(invoices_tab)
        self.owed_label.setObjectName("owedLabel")
        self.owed_label.setTextFormat(Qt.TextFormat.PlainText)
        self.owed_label.setWordWrap(True)
        self.invoice_table = InvoiceTable(invoices_tab)
        self.invoice_table.row_activated.connect(self.on_invoice_activated)
        self.invoice_hint = QLabel(
            self.tr("Double-click an invoice to see its lines, payments and credit notes."), invoices_tab
        )
        self.invoice_hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.invoice_hint.setWordWrap(True)
        layout = QVBoxLayout(invoices_tab)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.owed_label)
        layout.addWidget(self.invoice_table, 1)
        layout.addWidget(self.invoice_hint)
        self.detail_tabs.addTab(invoices_tab, self.tr("Invoices"))
        self.credit_note_table = CreditNoteTable(self.detail_tabs)
        self.credit_note_table.setToolTip(self.tr("Double-click a credit note to open the invoice it credits"))
        self.credit_note_table.row_activated.connect(self.on_invoice_activated)
        self.detail_tabs.addTab(self.credit_note_table, self.tr("Credit notes"))
        for table in (self.invoice_table, self.credit_note_table):
            table.offer_pdfs(self.ctx, self.status_message.emit)  # right-click: Open PDF, Save PDF…

    def save_state(self) -> None:
        super().save_state()
        self.customer_page.save_state()

    def on_shown(self) -> None:
        super().on_shown()
        if self.showing_customer() is not None:
            self.customer_page.on_shown()  # what changed while the page was hidden shows now

    def show_billing(self, billing: CustomerBilling | None, *, loading: bool = False) -> None:
        """The invoices and credit notes tabs; None empties them (no customer, or one still ``loading``)."""
        if billing is None:
            self.invoice_table.show_invoices([])
            self.credit_note_table.show_credit_notes([])
            self.invoice_table.set_empty_text(
                self.tr("Loading…") if loading else self.tr("Select a customer to see their invoices.")
            )
            self.credit_note_table.set_empty_text(
                self.tr("Loading…") if loading else self.tr("Select a customer to see their credit notes.")
            )
            self.owed_label.setText("")
            self.owed_label.setStyleSheet("")
            self.invoice_hint.hide()
            self.detail_tabs.setTabText(1, self.tr("Invoices"))
            self.detail_tabs.setTabText(2, self.tr("Credit notes"))
            return
        self.invoice_table.show_invoices(billing.invoices)
        self.credit_note_table.show_credit_notes(billing.credit_notes, {i.id: i.currency for i in billing.invoices})
        self.invoice_table.set_empty_text(self.tr("No invoices yet: the first is issued when the customer subscribes."))
        self.credit_note_table.set_empty_text(
            self.tr("No credit notes: refunds of charges and plan-change credits appear here.")
        )
        self.invoice_hint.setVisible(bool(billing.invoices))
        self.detail_tabs.setTabText(1, self.tr("Invoices (%d)") % len(billing.invoices))
        self.detail_tabs.setTabText(2, self.tr("Credit notes (%d)") % len(billing.credit_notes))
        owed = owed_text(billing.owed)
        self.owed_label.setText(
            self.tr("Owes %s on the invoices below; the next top-up pays it first.") % owed
            if owed
            else self.tr("Owes nothing.")
        )
        self.owed_label.setStyleSheet(f"color: {OWED_COLOUR}; font-weight: bold;" if owed else "")

    @Slot(int)
    def on_invoice_activated(self, invoice_id: int) -> None:
        open_invoice(self.ctx, invoice_id, self)

    def on_selection(self, records: list[dict]) -> None:
        one = len(records) == 1
        self.open_button.setEnabled(one)
        self.open_button.setToolTip(
            self.tr("Open the customer's page (or double-click the row)") if one else self.tr("Select one customer")
        )
        for button, action in (
            (self.edit_button, "customer.edit"),
            (self.topup_button, "topup"),
            (self.subscribe_button, "subscription.subscribe"),
        ):
            button.setEnabled(one and self.ctx.can(action))
            reason = self.refusal_reason(action)
            button.setToolTip(reason or ("" if one else self.tr("Select one customer")))
        if not one:
            self.show_hint(self.tr("Select a customer to see the details."))
            self.show_billing(None)
            return
        self.show_detail(records[0]["id"])

    def show_detail(self, customer_id: int) -> None:
        if self.detail_id != customer_id:
            self.show_billing(None, loading=True)  # never show one customer's invoices under another's name
        core = self.ctx.core

        def shown(loaded: tuple[CustomerDetail, CustomerBilling]) -> None:
            detail, billing = loaded
            self.detail.setHtml(render_customer(detail, billing.owed))
            self.show_billing(billing)

        self.load_detail(
            customer_id, lambda: (customer_detail(customer_id), load_customer_billing(core, customer_id)), shown
        )

    # --- actions ------------------------------------------------------------------------

    def _notice_fields(self, language: str = "en", no_email: bool = False) -> tuple[QComboBox, QCheckBox]:
        """The language of the customer's notices, and "no email" (nothing is sent to them)."""
        choice = QComboBox()
        choice.setObjectName("language")
        for code in CUSTOMER_LANGUAGES:
            choice.addItem(customer_language_text(code), code)
        choice.setCurrentIndex(max(0, choice.findData(language)))
        quiet = QCheckBox(self.tr("Send this customer no email"))
        quiet.setObjectName("noEmail")
        quiet.setChecked(bool(no_email))
        quiet.setToolTip(
            self.tr("Their notices are still written, marked suppressed: the customer page shows what was held back.")
        )
        return choice, quiet

    @Slot()
    def on_new_clicked(self) -> None:
        name, email = QLineEdit(), QLineEdit()
        name.setObjectName("name")
        email.setObjectName("email")
        language, no_email = self._notice_fields()
        dialog = ConfirmDialog(
            self,
            self.tr("New customer"),
            self.tr("Create a customer with a USD wallet."),
            reason_required=False,
            fields=[
                (self.tr("Name"), name),
                (self.tr("Email"), email),
                (self.tr("Language"), language),
                (self.tr("No email"), no_email),
            ],
        )

        def validate():
            clean_name(name.text())
            clean_email(email.text())

        dialog.validator = validate
        core, actor = self.ctx.core, self.ctx.actor

        def create():  # read at each submit: a refused one is corrected in the form and sent again
            name_text, email_text, reason = name.text(), email.text(), dialog.reason_text()
            code, quiet = str(language.currentData()), no_email.isChecked()
            return lambda: core.customers.create_customer(
                actor, name_text, email_text, reason=reason, language=code, no_email=quiet
            )

        self.submit_form(
            dialog,
            create,
            lambda info: self.select_id(info.id),
            lambda info: self.tr("Customer %s created") % info.email,
            changes=Changes.of(Kind.CUSTOMER, Kind.WALLET, Kind.AUDIT),
        )

    @Slot()
    def on_edit_clicked(self) -> None:
        record = self.current_record()
        if record is None:
            return
        name, email, status = QLineEdit(record["name"]), QLineEdit(record["email"]), QComboBox()
        name.setObjectName("name")
        email.setObjectName("email")
        status.addItems(["active", "disabled"])
        status.setCurrentText(record["status"])
        language, no_email = self._notice_fields(record.get("language") or "en", bool(record.get("no_email")))
        dialog = ConfirmDialog(
            self,
            self.tr("Edit customer"),
            self.tr("Change customer #%d.") % record["id"],
            fields=[
                (self.tr("Name"), name),
                (self.tr("Email"), email),
                (self.tr("Status"), status),
                (self.tr("Language"), language),
                (self.tr("No email"), no_email),
            ],
        )
        dialog.validator = lambda: (clean_name(name.text()), clean_email(email.text()))
        core, actor, customer_id = self.ctx.core, self.ctx.actor, record["id"]

        def update():  # read at each submit: a refused one is corrected in the form and sent again
            changes = {
                "name": name.text(),
                "email": email.text(),
                "status": status.currentText(),
                "language": str(language.currentData()),
                "no_email": no_email.isChecked(),
                "reason": dialog.reason_text(),
            }
            return lambda: core.customers.update_customer(actor, customer_id, **changes)

        self.submit_form(
            dialog, update, done_text=self.tr("Customer updated"), changes=Changes.of(Kind.CUSTOMER, Kind.AUDIT)
        )

    @Slot()
    def on_topup_clicked(self) -> None:
        record = self.current_record()
        if record is not None:
            self.top_up(record)

    def top_up(self, record: dict) -> None:
        """Ask for an amount and charge the card of the customer in ``record`` (id, name, balance_minor, currency)."""
        currency = record.get("currency") or "USD"
        amount = QLineEdit()
        amount.setObjectName("amount")
        amount.setPlaceholderText("25.00")
        dialog = MoneyDialog(
            self,
            self.tr("Top up wallet"),
            self.tr("Charge the card of %s and credit the amount to their %s wallet (balance now %s).")
            % (record["name"], currency, money(record)),
            reason_required=False,
            fields=[(self.tr("Amount (%s)") % currency, amount)],
            confirm_text=self.tr("Charge card"),
            busy_text=self.tr("Charging the card of %s…") % record["name"],
        )
        dialog.validator = lambda: parse_amount(amount.text(), currency)
        core, actor, customer_id = self.ctx.core, self.ctx.actor, record["id"]

        def request(key: str):
            amount_text, reason = amount.text(), dialog.reason_text()
            self.status_message.emit(self.tr("Charging the card of %s…") % record["name"])
            return lambda: core.payments.top_up(
                actor, customer_id, amount_text, currency, reason=reason, idempotency_key=key
            )

        # A top-up pays what the wallet owes and renews what waits for it; an unclear answer queues it.
        self.submit_money(
            dialog,
            request,
            self.on_topup_finished,
            changes=Changes.of(Kind.WALLET, Kind.INVOICE, Kind.SUBSCRIPTION, Kind.ERROR_ITEM, Kind.AUDIT),
        )

    def on_topup_finished(self, info) -> None:
        amount = money_text(info.amount_minor, info.currency)
        if info.status == "succeeded":
            text = self.tr("Top-up of %s succeeded.") % amount
            if info.renewed:
                text += " " + self.tr("%n pending subscription(s) renewed at once.", "", info.renewed)
            icon = QMessageBox.Icon.Information
        elif info.status == "failed":
            # The gateway's answer says it was declined and why: "The card was declined (expired card)."
            text = as_sentence(stored_message_text(info.error)) if info.error else self.tr("The card was declined.")
            icon = QMessageBox.Icon.Warning
        else:
            text = self.tr(
                "The top-up did not go through yet: %s. It is in the error queue and "
                "will be retried with the same key, so it can never be charged twice."
            ) % stored_message_text(info.error or "")
            icon = QMessageBox.Icon.Warning
        self.status_message.emit(text)
        box = QMessageBox(icon, self.tr("Top-up"), text, QMessageBox.StandardButton.Ok, self)
        box.setObjectName("topupOutcome")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.open()

    @Slot()
    def on_subscribe_clicked(self) -> None:
        record = self.current_record()
        if record is not None:
            self.subscribe(record)

    def subscribe(self, record: dict) -> None:
        """Ask for a plan and subscribe the customer in ``record`` (id, name, balance_minor, currency)."""
        core = self.ctx.core
        self.run_task(
            lambda: core.features.list_plans(include_inactive=False), lambda plans: self._ask_plan(record, plans)
        )

    def _ask_plan(self, record: dict, plans) -> None:
        combo = QComboBox()
        combo.setObjectName("plan")
        for plan in plans:
            price = price_text(
                {
                    "price_minor": plan.price_minor,
                    "currency": plan.currency,
                    "interval_count": plan.interval_count,
                    "interval_unit": plan.interval_unit,
                }
            )
            combo.addItem(f"{plan.name} ({plan.code}) — {price}", plan.code)
        dialog = ConfirmDialog(
            self,
            self.tr("Subscribe"),
            self.tr("Start a subscription for %s; the first period is paid from the wallet (balance %s).")
            % (record["name"], money(record)),
            reason_required=False,
            fields=[(self.tr("Plan"), combo)],
            confirm_text=self.tr("Subscribe and charge"),
        )
        if dialog.exec():
            core, actor, code, reason = self.ctx.core, self.ctx.actor, combo.currentData(), dialog.reason_text()
            self.run_task(
                lambda: core.subscriptions.subscribe(actor, record["id"], code, reason),
                done_text=self.tr("Subscribed"),
                changes=Changes.of(Kind.SUBSCRIPTION, Kind.WALLET, Kind.INVOICE, Kind.AUDIT),
            )
