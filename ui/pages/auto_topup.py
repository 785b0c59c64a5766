"""A customer's automatic top-up, as a tab of their page: the rule (on, off and why), the saved cards, and
the actions to add or remove a card and to set or turn off the rule.

Everything is read in one call (``AutoTopUpService.view``) off the GUI thread; every change goes
through the service, which checks the role, the values and audits it. A refusal shows in the form
with what was typed, to correct and send again.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from services.auto_topup import BEFORE_RENEWAL, BELOW_BALANCE, MAX_DAYS_BEFORE, AutoTopUpView, RuleInfo
from services.changes import Changes, Kind
from services.gateway import TEST_CARDS
from ui.context import UiContext
from ui.pages.base import Page
from ui.pages.dialogs import ConfirmDialog
from ui.pages.invoices import DocumentTable, cash, day

CARD_ACTION = "customer.edit"  # saving or removing a card reference
RULE_ACTION = "topup"  # a rule charges the card: the same role as a top-up


class AutoTopUpPanel(Page):
    """The "Automatic top-up" tab of a customer's page; ``show_customer`` picks whose."""

    shows = frozenset({Kind.CUSTOMER, Kind.WALLET})

    def __init__(self, ctx: UiContext, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.setObjectName("autoTopUpPanel")
        self.customer_id: int | None = None
        self.view: AutoTopUpView | None = None
        self._request = 0

        self.rule_label = QLabel(self)
        self.rule_label.setObjectName("autoTopUpRule")
        self.rule_label.setTextFormat(Qt.TextFormat.PlainText)  # it quotes a stored reason
        self.rule_label.setWordWrap(True)
        self.cards_table = DocumentTable(
            [("card", self.tr("Card")), ("expires", self.tr("Expires")), ("added", self.tr("Saved"))],
            set(),
            self,
            stretch="card",
        )
        self.cards_table.setObjectName("autoTopUpCards")
        self.cards_table.itemSelectionChanged.connect(self.update_actions)
        self.set_button = QPushButton(self.tr("Set automatic top-up…"), self)
        self.off_button = QPushButton(self.tr("Turn off…"), self)
        self.add_card_button = QPushButton(self.tr("Add card…"), self)
        self.remove_card_button = QPushButton(self.tr("Remove card…"), self)
        self.set_button.clicked.connect(self.on_set_clicked)
        self.off_button.clicked.connect(self.on_off_clicked)
        self.add_card_button.clicked.connect(self.on_add_card_clicked)
        self.remove_card_button.clicked.connect(self.on_remove_card_clicked)

        actions = QHBoxLayout()
        for button in (self.set_button, self.off_button, self.add_card_button, self.remove_card_button):
            actions.addWidget(button)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.rule_label)
        layout.addLayout(actions)
        self._actions_row = actions
        layout.addWidget(QLabel(self.tr("Saved cards"), self))
        layout.addWidget(self.cards_table, 1)
        self.update_actions()

    # --- loading ------------------------------------------------------------------------

    def show_customer(self, customer_id: int) -> None:
        if customer_id != self.customer_id:
            self.customer_id, self.view = customer_id, None
            self.rule_label.setText(self.tr("Loading…"))
            self.cards_table.set_rows([])
            self.update_actions()
        self.refresh()

    def refresh(self) -> None:
        super().refresh()
        if self.customer_id is None:
            return
        self._request += 1
        request, customer_id, service = self._request, self.customer_id, self.ctx.core.auto_topup

        def arrived(view: AutoTopUpView) -> None:
            if request == self._request and view.customer_id == self.customer_id:
                self.show_view(view)

        self.run_task(lambda: service.view(customer_id), arrived)

    def show_view(self, view: AutoTopUpView) -> None:
        self.view = view
        self.rule_label.setText("\n".join(self.rule_text(rule) for rule in view.rules) or self.no_rule_text())
        self.cards_table.set_rows(
            [
                (
                    card.id,
                    [
                        self.card_text(card.brand, card.last4),
                        f"{card.exp_month:02d}/{card.exp_year}",
                        day(card.created_at),
                    ],
                )
                for card in view.cards
            ]
        )
        self.cards_table.set_empty_text(self.tr("No saved cards: Add card… saves one the gateway knows."))
        self.update_actions()

    # --- words ----------------------------------------------------------------------------

    def no_rule_text(self) -> str:
        return self.tr("Automatic top-up is not set up for this customer.")

    def card_text(self, brand: str, last4: str) -> str:
        return self.tr("%1 ending in %2").replace("%1", brand.title()).replace("%2", last4)

    def rule_text(self, rule: RuleInfo) -> str:
        card = self.card_text(rule.card_brand, rule.card_last4)
        if rule.kind == BEFORE_RENEWAL:
            what = (
                self.tr(
                    "%n day(s) before a renewal the wallet cannot pay, charge %1 the shortfall rounded up to %2",
                    "",
                    rule.days_before or 0,
                )
                .replace("%1", card)
                .replace("%2", cash(rule.round_to_minor or 0, rule.currency))
            )
        else:
            what = (
                self.tr("When the balance is below %1, charge %2 to %3")
                .replace("%1", cash(rule.threshold_minor or 0, rule.currency))
                .replace("%2", cash(rule.amount_minor or 0, rule.currency))
                .replace("%3", card)
            )
        if rule.active:
            return self.tr("On (%1): %2").replace("%1", rule.currency).replace("%2", what)
        return (
            self.tr("Off (%1): %2. It was: %3")
            .replace("%1", rule.currency)
            .replace("%2", self.off_reason_text(rule.turned_off_reason))
            .replace("%3", what)
        )

    def off_reason_text(self, reason: str | None) -> str:
        if not reason:
            return self.tr("turned off")
        if reason == "turned off by an operator":
            return self.tr("turned off by an operator")
        if reason == "its card was removed":
            return self.tr("its card was removed")
        if reason.startswith("declined: "):
            return self.tr("the card was declined (%1)").replace("%1", reason.removeprefix("declined: "))
        return reason

    # --- actions --------------------------------------------------------------------------

    def selected_card(self) -> int | None:
        rows = self.cards_table.selectionModel().selectedRows()
        return self.cards_table.id_at(rows[0].row()) if rows else None

    def update_actions(self) -> None:
        loaded = self.view is not None
        has_cards = bool(self.view and self.view.cards)
        active = bool(self.view and any(rule.active for rule in self.view.rules))
        for button, action, ready in (
            (self.set_button, RULE_ACTION, has_cards),
            (self.off_button, RULE_ACTION, active),
            (self.add_card_button, CARD_ACTION, loaded),
            (self.remove_card_button, CARD_ACTION, self.selected_card() is not None),
        ):
            reason = self.refusal_reason(action)
            button.setEnabled(ready and reason is None)
            button.setToolTip(reason or "")

    def role_notice_home(self):
        layout = self.layout()
        return (layout, layout.indexOf(self._actions_row) + 1) if isinstance(layout, QVBoxLayout) else None

    def _done(self) -> Changes:
        return Changes.of(Kind.CUSTOMER, Kind.WALLET, Kind.AUDIT)

    @Slot()
    def on_add_card_clicked(self) -> None:
        if self.view is None:
            return
        token = QComboBox()
        token.setObjectName("cardToken")
        token.setEditable(True)
        token.addItems(list(TEST_CARDS))
        dialog = ConfirmDialog(
            self,
            self.tr("Add card"),
            self.tr("Save a card for %1's automatic top-up. Give the card reference from the payment gateway.").replace(
                "%1", self.view.customer_name
            ),
            reason_required=False,
            fields=[(self.tr("Card reference"), token)],
            confirm_text=self.tr("Add card"),
        )
        cards, actor, customer_id = self.ctx.core.cards, self.ctx.actor, self.view.customer_id

        def work():
            text, reason = token.currentText(), dialog.reason_text()
            return lambda: cards.add_card(actor, customer_id, text, reason)

        self.submit_form(dialog, work, done_text=self.tr("Card saved"), changes=self._done())

    @Slot()
    def on_remove_card_clicked(self) -> None:
        card_id = self.selected_card()
        card = next((c for c in self.view.cards if c.id == card_id), None) if self.view else None
        if card is None:
            return
        dialog = ConfirmDialog(
            self,
            self.tr("Remove card"),
            self.tr("Forget %1? An automatic top-up that charges it is turned off.").replace(
                "%1", self.card_text(card.brand, card.last4)
            ),
            reason_required=False,
            confirm_text=self.tr("Remove card"),
        )
        cards, actor = self.ctx.core.cards, self.ctx.actor

        def work():
            reason = dialog.reason_text()
            return lambda: cards.remove_card(actor, card.id, reason)

        self.submit_form(dialog, work, done_text=self.tr("Card removed"), changes=self._done())

    @Slot()
    def on_set_clicked(self) -> None:
        view = self.view
        if view is None or not view.cards:
            return
        kind = QComboBox()
        kind.setObjectName("ruleKind")
        kind.addItem(self.tr("Before each renewal the wallet cannot pay"), BEFORE_RENEWAL)
        kind.addItem(self.tr("When the balance falls below a threshold"), BELOW_BALANCE)
        days = QSpinBox()
        days.setObjectName("daysBefore")
        days.setRange(1, MAX_DAYS_BEFORE)
        days.setValue(3)
        round_to = QLineEdit("10.00")
        round_to.setObjectName("roundTo")
        threshold = QLineEdit()
        threshold.setObjectName("threshold")
        amount = QLineEdit()
        amount.setObjectName("amount")
        card = QComboBox()
        card.setObjectName("ruleCard")
        for saved in view.cards:
            card.addItem(self.card_text(saved.brand, saved.last4), saved.id)
        currency = QComboBox()
        currency.setObjectName("ruleCurrency")
        currency.addItems(list(view.currencies))
        current = next((r for r in view.rules), None)
        if current is not None:
            kind.setCurrentIndex(kind.findData(current.kind))
            if current.days_before:
                days.setValue(current.days_before)
            for field, minor in (
                (round_to, current.round_to_minor),
                (threshold, current.threshold_minor),
                (amount, current.amount_minor),
            ):
                if minor:
                    field.setText(_plain_amount(minor, current.currency))
            if card.findData(current.card_id) >= 0:
                card.setCurrentIndex(card.findData(current.card_id))
        dialog = ConfirmDialog(
            self,
            self.tr("Automatic top-up"),
            self.tr(
                "Charge a saved card of %1 when the wallet runs short: before a renewal it cannot pay (the "
                "shortfall, rounded up), or when the balance falls below a threshold (a fixed amount). A declined "
                "card turns it off and the customer is told."
            ).replace("%1", view.customer_name),
            reason_required=False,
            fields=[
                (self.tr("When"), kind),
                (self.tr("Days before the renewal"), days),
                (self.tr("Round up to"), round_to),
                (self.tr("Balance below"), threshold),
                (self.tr("Top up by"), amount),
                (self.tr("Card"), card),
                (self.tr("Wallet"), currency),
            ],
            confirm_text=self.tr("Turn on"),
        )

        def show_fields() -> None:
            before = kind.currentData() == BEFORE_RENEWAL
            for widget, shown in ((days, before), (round_to, before), (threshold, not before), (amount, not before)):
                dialog.form.setRowVisible(widget, shown)

        kind.currentIndexChanged.connect(show_fields)
        show_fields()
        service, actor, customer_id = self.ctx.core.auto_topup, self.ctx.actor, view.customer_id

        def work():
            chosen, reason = kind.currentData(), dialog.reason_text()
            before = chosen == BEFORE_RENEWAL
            values = dict(
                card_id=card.currentData(),
                currency=currency.currentText(),
                days_before=days.value() if before else None,
                round_to=round_to.text() if before else None,
                threshold=None if before else threshold.text(),
                amount=None if before else amount.text(),
                reason=reason,
            )
            return lambda: service.set_rule(actor, customer_id, chosen, **values)

        self.submit_form(dialog, work, done_text=self.tr("Automatic top-up turned on"), changes=self._done())

    @Slot()
    def on_off_clicked(self) -> None:
        if self.view is None:
            return
        dialog = ConfirmDialog(
            self,
            self.tr("Turn off automatic top-up"),
            self.tr(
                "Stop charging %1's card automatically? Their wallet is topped up only by hand after this."
            ).replace("%1", self.view.customer_name),
            reason_required=False,
            confirm_text=self.tr("Turn off"),
        )
        service, actor, customer_id = self.ctx.core.auto_topup, self.ctx.actor, self.view.customer_id

        def work():
            reason = dialog.reason_text()
            return lambda: service.turn_off(actor, customer_id, reason=reason)

        self.submit_form(dialog, work, done_text=self.tr("Automatic top-up turned off"), changes=self._done())


def _plain_amount(minor: int, currency: str) -> str:
    """Minor units as the form's field shows them to edit ("12.50")."""
    from services.money import format_minor

    return format_minor(minor, currency)
