"""Wallets & ledger: balances, every movement of money, refunds and corrections."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from services.changes import Changes, Kind
from services.errors import ValidationError
from services.money import CURRENCY_EXPONENT, format_minor, parse_amount
from services.permissions import charge_refund_refusal
from services.wallets import TopUpRefundOptions, adjustment_fits, topup_refund_options, wallet_detail
from ui.context import UiContext
from ui.customer_links import follow_customer_link, open_customer
from ui.formatting import money_text
from ui.pages.base import TablePage, paged_table, widen_to_headings
from ui.pages.dialogs import MoneyDialog
from ui.pages.wallets_models import (
    LEDGER_KINDS,
    WalletLedgerTableModel,
    WalletsTableModel,
    kind_text,
    money,
    render_wallet,
    when,
)


class WalletsPage(TablePage[WalletsTableModel]):
    settings_key = "wallets"
    subject_type = "wallet"
    title_text = QT_TRANSLATE_NOOP("WalletsPage", "Wallets & ledger")
    icon = QStyle.StandardPixmap.SP_DriveHDIcon
    shows = frozenset({Kind.WALLET, Kind.CUSTOMER, Kind.INVOICE})
    selection_mode = QAbstractItemView.SelectionMode.SingleSelection
    column_widths = (64, 250, 70, 100, 130)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None):
        super().__init__(
            ctx,
            WalletsTableModel(ctx.runner),
            parent,
            search_placeholder=self.tr("Customer name, email or id; #id for one wallet"),
        )
        self.currency_filter = self.add_filter(
            self.tr("Currency"), [(self.tr("All"), None)] + [(c, c) for c in sorted(CURRENCY_EXPONENT)], "currency"
        )

        self.refund_topup_button = QPushButton(self.tr("Refund top-up…"), self)
        self.adjust_button = QPushButton(self.tr("Adjust balance…"), self)
        for button in (self.refund_topup_button, self.adjust_button):
            self.actions_bar.addWidget(button)
        self.actions_bar.addStretch(1)
        self.refund_topup_button.clicked.connect(self.on_refund_topup_clicked)
        self.adjust_button.clicked.connect(self.on_adjust_clicked)

        self.ledger_model = WalletLedgerTableModel(ctx.runner, self)
        self.ledger_panel = self._build_ledger_panel()
        # The ledger runs the full width under the wallets and their detail.
        self.stack_panel(self.ledger_panel, "outer_splitter", stretch=(3, 2))
        if not self.remember(self.ledger_table.horizontalHeader(), "ledger_header"):
            for column, width in enumerate((70, 130, 160, 100, 110, 90, 320)):
                self.ledger_table.setColumnWidth(column, width)
            widen_to_headings(self.ledger_table)
        # A wallet reads as its customer: activating a row, or the name in the detail, opens their page.
        self.table.activated.connect(self.on_row_activated)
        self.table.setToolTip(self.tr("Double-click a wallet to open its customer's page"))
        self.detail.anchorClicked.connect(lambda url: follow_customer_link(self, url))
        self.on_selection([])

    @Slot(QModelIndex)
    def on_row_activated(self, index: QModelIndex) -> None:
        record = self.model.record_at(index.row())
        if record is not None:
            open_customer(self, record["customer_id"])

    def _build_ledger_panel(self) -> QWidget:
        panel = QWidget(self)
        self.ledger_title = QLabel(self.tr("Ledger"), panel)
        self.ledger_title.setObjectName("ledgerTitle")
        self.ledger_title.setTextFormat(Qt.TextFormat.PlainText)  # it names the customer as stored
        self.kind_filter = QComboBox(panel)
        self.kind_filter.setObjectName("filter_kind")
        self.kind_filter.addItem(self.tr("All kinds"), None)
        for kind in LEDGER_KINDS:
            self.kind_filter.addItem(kind_text(kind), kind)
        self.kind_filter.currentIndexChanged.connect(self.on_kind_filter_changed)
        self.ledger_count = QLabel(panel)
        self.ledger_count.setObjectName("ledgerCount")
        self.refund_charge_button = QPushButton(self.tr("Refund charge…"), panel)
        self.refund_charge_button.clicked.connect(self.on_refund_charge_clicked)
        bar = QHBoxLayout()
        bar.addWidget(self.ledger_title)
        bar.addWidget(QLabel(self.tr("Kind"), panel))
        bar.addWidget(self.kind_filter)
        bar.addWidget(self.ledger_count)
        bar.addStretch(1)
        self.export_ledger_button = QPushButton(self.tr("Export ledger…"), panel)
        self.export_ledger_button.clicked.connect(self.on_export_ledger_clicked)
        bar.addWidget(self.export_ledger_button)
        bar.addWidget(self.refund_charge_button)
        self.ledger_table = paged_table(panel, self.ledger_model)
        self.ledger_table.setObjectName("ledgerTable")
        self.ledger_table.selectionModel().selectionChanged.connect(self.on_ledger_selection_changed)
        self.ledger_model.modelReset.connect(self.on_ledger_selection_changed)
        self.ledger_model.count_changed.connect(lambda n: self.ledger_count.setText(self.tr("%n entry(s)", "", n)))
        self.ledger_model.load_failed.connect(self.show_error)
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.ledger_table, 1)
        return panel

    # --- selection ------------------------------------------------------------------

    def on_selection(self, records: list[dict]) -> None:
        wallet = records[0] if len(records) == 1 else None
        for button, action in ((self.refund_topup_button, "refund"), (self.adjust_button, "wallet.adjust")):
            reason = self.refusal_reason(action)
            button.setEnabled(wallet is not None and reason is None)
            button.setToolTip(reason or ("" if wallet else self.tr("Select a wallet")))
        self.export_ledger_button.setEnabled(wallet is not None)
        if wallet is None:
            self.show_hint(self.tr("Select a wallet to see its ledger."))
            self.ledger_title.setText(self.tr("Ledger"))
            if self.ledger_model.filters.get("wallet_id") is not None:
                self.ledger_model.set_filters(wallet_id=None)
            return
        self.ledger_title.setText(self.tr("Ledger of %s (%s)") % (wallet["customer_name"], wallet["currency"]))
        self.ledger_model.set_filters(wallet_id=wallet["id"])
        self.show_detail(wallet["id"])

    def show_detail(self, wallet_id: int) -> None:
        def shown(detail) -> None:
            # The plural is looked up here: lupdate marks "%n" as plural only in a tr() call.
            entries = self.tr("%n ledger entries", "", detail.entries)
            self.detail.setHtml(render_wallet(detail, entries))

        self.load_detail(wallet_id, lambda: wallet_detail(wallet_id), shown)

    @Slot()
    def on_export_ledger_clicked(self) -> None:
        wallet_id = self.ledger_model.filters.get("wallet_id")
        if not wallet_id:
            return
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the ledger to CSV"), f"wallet-{wallet_id}.csv", self.tr("CSV files (*.csv)")
        )
        if path:
            self.export_ledger_to(path)

    def export_ledger_to(self, path: str) -> None:
        self.ledger_model.export_csv(
            path, lambda n: self.status_message.emit(self.tr("Exported %n ledger entry(s)", "", n)), self.show_error
        )

    @Slot()
    def on_kind_filter_changed(self) -> None:
        self.ledger_model.set_filters(kind=self.kind_filter.currentData())

    def selected_entry(self) -> dict | None:
        rows = self.ledger_table.selectionModel().selectedRows()
        return self.ledger_model.record_at(rows[0].row()) if len(rows) == 1 else None

    @Slot()
    def on_ledger_selection_changed(self, *_args) -> None:
        entry = self.selected_entry()
        reason = self.refusal_reason("refund")
        if reason is None:
            if entry is None:
                reason = self.tr("Select a renewal, usage or plan-change charge in the ledger")
            elif charge_refund_refusal(self.ctx.actor, entry["kind"]) is not None:
                reason = self.tr(
                    "Only renewal, usage and plan-change charges can be refunded into the wallet; "
                    "refund a top-up to the card with Refund top-up…"
                )
        self.refund_charge_button.setEnabled(reason is None)
        self.refund_charge_button.setToolTip(reason or "")

    # --- refund a charge back into the wallet -----------------------------------------

    @Slot()
    def on_refund_charge_clicked(self) -> None:
        entry = self.selected_entry()
        if entry is None or charge_refund_refusal(self.ctx.actor, entry["kind"]) is not None:
            return
        payments = self.ctx.core.payments
        self.run_task(
            lambda: payments.charge_refund_terms(entry["id"]),
            lambda terms: self._ask_refund_charge(entry["kind"], terms),
        )

    def _ask_refund_charge(self, kind: str, terms) -> None:
        """``terms`` is the service's ChargeRefundTerms: its cap is the one refund_charge enforces."""
        currency = terms.currency

        def cash(minor: int) -> str:
            return money_text(minor, currency)

        left = cash(terms.left_minor)
        if terms.left_minor <= 0:
            self._inform(
                "nothingToRefund",
                self.tr("Refund charge"),
                self.tr(
                    "Nothing is left to refund of charge #%d: %s was paid on invoice %s and %s of it "
                    "has been credited already (refunds and plan-change credits)."
                )
                % (terms.ledger_entry_id, cash(terms.paid_minor), terms.invoice_number, cash(terms.credited_minor)),
            )
            return
        amount = QLineEdit(format_minor(terms.left_minor, currency))
        amount.setObjectName("amount")
        summary = self.tr(
            "Give back part or all of %s charge #%d (%s, %s) into the wallet, as a credit note "
            "against invoice %s. Paid on that invoice: %s; credited against it so far (refunds and "
            "plan-change credits): %s. At most %s is left to refund."
        ) % (
            kind_text(kind),
            terms.ledger_entry_id,
            cash(terms.charged_minor),
            when(terms.created_at),
            terms.invoice_number,
            cash(terms.paid_minor),
            cash(terms.credited_minor),
            left,
        )
        dialog = MoneyDialog(
            self,
            self.tr("Refund charge"),
            summary,
            fields=[(self.tr("Amount (%s, at most %s)") % (currency, left), amount)],
            confirm_text=self.tr("Refund into wallet"),
        )

        def validate():
            if parse_amount(amount.text(), currency) > terms.left_minor:
                raise ValidationError(self.tr("At most %s of this charge is left to refund.") % left)

        dialog.validator = validate
        core, actor, entry_id = self.ctx.core, self.ctx.actor, terms.ledger_entry_id

        def request(key: str):
            amount_text, reason = amount.text(), dialog.reason_text()
            return lambda: core.payments.refund_charge(actor, entry_id, amount_text, reason, idempotency_key=key)

        def refunded(info):
            self.status_message.emit(
                self.tr("Refunded %s of charge #%d into the wallet, a credit note against invoice %s")
                % (cash(info.amount_minor), entry_id, terms.invoice_number)
            )

        self.submit_money(dialog, request, refunded, changes=Changes.of(Kind.WALLET, Kind.INVOICE, Kind.AUDIT))

    # --- refund a top-up to the card --------------------------------------------------

    @Slot()
    def on_refund_topup_clicked(self) -> None:
        wallet = self.current_record()
        if wallet is not None:
            self.refund_topup(wallet)

    def refund_topup(self, wallet: dict) -> None:
        """Offer the wallet's paid top-ups to refund to the card (``wallet``: id, customer_name, balance_minor,
        currency)."""
        payments = self.ctx.core.payments
        self.run_task(
            lambda: topup_refund_options(payments, wallet["id"]),
            lambda options: self._ask_refund_topup(wallet, options),
        )

    def _ask_refund_topup(self, wallet: dict, options: TopUpRefundOptions) -> None:
        """``options`` are the service's: each top-up's cap is the one refund_topup enforces."""
        currency, balance = options.currency, options.balance_minor
        if not options.topups:
            self._inform(
                "nothingToRefund",
                self.tr("Refund top-up"),
                self.tr("Wallet #%d has no paid top-up with anything left to refund.") % wallet["id"],
            )
            return
        choice = QComboBox()
        choice.setObjectName("topup")
        for topup in options.topups:
            choice.addItem(
                self.tr("#%d — %s on %s, %s left")
                % (
                    topup.id,
                    money_text(topup.amount_minor, currency),
                    when(topup.created_at, False),
                    money_text(topup.left_minor, currency),
                ),
                topup,
            )
        amount = QLineEdit()
        amount.setObjectName("amount")
        cap_label = QLabel()
        cap_label.setObjectName("cap")
        cap_label.setWordWrap(True)

        def cap() -> int:
            return choice.currentData().cap_minor

        def show_cap():
            topup = choice.currentData()
            text = self.tr("At most %s can go back to the card") % money_text(cap(), currency)
            if topup.held_back_by_balance:
                text += self.tr(" (%s is left of this top-up, but the wallet holds only %s)") % (
                    money_text(topup.left_minor, currency),
                    money_text(balance, currency),
                )
            cap_label.setText(text + ".")
            amount.setText(format_minor(cap(), currency) if cap() > 0 else "")

        choice.currentIndexChanged.connect(lambda _i: show_cap())
        show_cap()
        dialog = MoneyDialog(
            self,
            self.tr("Refund top-up"),
            self.tr(
                "Send money from a paid top-up back to the card of %s. The wallet (balance %s) pays it at "
                "once; if the card processor refuses, the amount comes back into the wallet."
            )
            % (wallet["customer_name"], money(wallet, "balance_minor")),
            fields=[(self.tr("Top-up"), choice), (self.tr("Amount (%s)") % currency, amount), ("", cap_label)],
            confirm_text=self.tr("Refund to card"),
            busy_text=self.tr("Sending the refund to the card…"),
        )

        def validate():
            minor = parse_amount(amount.text(), currency)
            if minor > cap():
                raise ValidationError(
                    self.tr("At most %s can be refunded from this top-up now.") % money_text(cap(), currency)
                )

        dialog.validator = validate
        core, actor = self.ctx.core, self.ctx.actor

        def request(key: str):
            topup_id, amount_text, reason = choice.currentData().id, amount.text(), dialog.reason_text()
            self.status_message.emit(self.tr("Sending the refund of top-up #%d to the card…") % topup_id)
            return lambda: core.payments.refund_topup(actor, topup_id, amount_text, reason, idempotency_key=key)

        # An unclear answer from the gateway queues the refund for retry.
        self.submit_money(
            dialog,
            request,
            lambda info: self.on_topup_refund_finished(info, currency),
            changes=Changes.of(Kind.WALLET, Kind.ERROR_ITEM, Kind.AUDIT),
        )

    def on_topup_refund_finished(self, info, currency: str) -> None:
        amount = money_text(info.amount_minor, currency)
        if info.status == "succeeded":
            text, icon = self.tr("The refund of %s was sent to the card.") % amount, QMessageBox.Icon.Information
        elif info.status == "failed":
            text = self.tr("The card processor refused the refund of %s (%s); the amount is back in the wallet.") % (
                amount,
                info.error or "",
            )
            icon = QMessageBox.Icon.Warning
        else:
            text = self.tr(
                "The refund did not go through yet: %s. The %s left the wallet and is "
                "queued for retry with the same key, so the card is never paid twice."
            ) % (info.error or "", amount)
            icon = QMessageBox.Icon.Warning
        self.status_message.emit(text)
        self._inform("refundOutcome", self.tr("Refund top-up"), text, icon)

    # --- adjust the balance -------------------------------------------------------------

    @Slot()
    def on_adjust_clicked(self) -> None:
        wallet = self.current_record()
        if wallet is None:
            return
        currency, balance = wallet["currency"], wallet["balance_minor"]
        amount = QLineEdit()
        amount.setObjectName("amount")
        amount.setPlaceholderText(self.tr("e.g. 10.00 to credit, -2.50 to debit"))
        dialog = MoneyDialog(
            self,
            self.tr("Adjust balance"),
            self.tr(
                "Correct the balance of wallet #%d (%s, %s) by a signed amount. The adjustment is a ledger "
                "entry of its own; the balance can never go below zero."
            )
            % (wallet["id"], wallet["customer_name"], money(wallet, "balance_minor")),
            fields=[(self.tr("Amount (%s)") % currency, amount)],
            confirm_text=self.tr("Adjust"),
        )

        def validate():
            minor = parse_amount(amount.text(), currency, allow_negative=True)
            if not adjustment_fits(balance, minor):
                raise ValidationError(
                    self.tr("The wallet holds %s; it cannot go below zero.") % money_text(balance, currency)
                )

        dialog.validator = validate
        core, actor, wallet_id = self.ctx.core, self.ctx.actor, wallet["id"]

        def request(key: str):
            amount_text, reason = amount.text(), dialog.reason_text()
            return lambda: core.payments.adjust_balance(actor, wallet_id, amount_text, reason, idempotency_key=key)

        def adjusted(entry):
            self.status_message.emit(
                self.tr("Wallet #%d adjusted by %s; balance now %s")
                % (
                    wallet_id,
                    money_text(entry.amount_minor, currency),
                    money_text(entry.balance_after_minor, currency),
                )
            )

        self.submit_money(dialog, request, adjusted, changes=Changes.of(Kind.WALLET, Kind.AUDIT))

    def _inform(self, name: str, title: str, text: str, icon=QMessageBox.Icon.Information) -> None:
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self)
        box.setObjectName(name)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.open()
