"""Subscriptions: find them by state, plan or renewal date; see their history; move them."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, QObject, Qt, QTimer, Slot
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QLabel, QPushButton, QSpinBox, QStyle, QWidget

from services import lifecycle
from services.changes import Changes, Kind
from services.errors import ValidationError
from services.metering import MAX_QUANTITY
from services.plan_detail import plan_choices
from services.subscription_detail import plan_change_options, subscription_detail, usage_options
from ui.context import UiContext
from ui.customer_links import follow_customer_link, open_customer
from ui.errors import describe
from ui.formatting import money_text, number_text
from ui.pages.base import TablePage
from ui.pages.dialogs import ConfirmDialog
from ui.pages.subscriptions_models import (
    SubscriptionsTableModel,
    grace_deadline,
    move_refusal,
    price_text,
    render_subscription,
    status_text,
    waited_for_funds,
)
from ui.pages.wallets_models import when
from ui.pages.words import limit_text


class PlanChangePreview(QObject):
    """What ``change_plan`` will move, asked of the service off the GUI thread each time the plan changes.

    Shows the service's own figures in ``label``; ``check`` refuses to confirm before the
    preview of the chosen plan has arrived, or when the service already said no.
    """

    def __init__(self, page, subscription_id: int, label: QLabel):
        super().__init__(label)
        self.page, self.subscription_id, self.label = page, subscription_id, label
        self.terms = None
        self.problem: str | None = None
        self._generation = 0

    def load(self, plan_code: str) -> None:
        self._generation += 1
        generation = self._generation
        self.terms, self.problem = None, None
        self.show_text(self.tr("Working out what the change moves…"))
        subscriptions, subscription_id = self.page.ctx.core.subscriptions, self.subscription_id

        def current() -> bool:  # the dialog may be gone, or another plan chosen since
            return shiboken6.isValid(self.label) and generation == self._generation

        def arrived(terms):
            if current():
                self.show_terms(terms)

        def refused(error):
            if current():
                self.problem = describe(error)
                self.show_text(self.tr("This plan cannot be chosen: %s") % self.problem)

        self.page.ctx.runner.run(
            lambda: subscriptions.preview_plan_change(subscription_id, plan_code), arrived, refused
        )

    def show_terms(self, terms) -> None:
        self.terms = terms

        def cash(minor: int) -> str:
            return money_text(minor, terms.currency)

        lines = []
        if terms.credit_minor:
            lines.append(
                self.tr("Credit for the unused part of %s: %s, a credit note against invoice %s.")
                % (terms.old_plan, cash(terms.credit_minor), terms.credited_invoice)
            )
        else:
            lines.append(self.tr("Nothing of %s is credited back.") % terms.old_plan)
        lines.append(
            self.tr("New plan %s for the rest of the period: %s, on a new invoice.")
            % (terms.new_plan, cash(terms.charge_minor))
        )
        if terms.usage_minor:
            lines.append(self.tr("Usage so far, billed now under %s: %s.") % (terms.old_plan, cash(terms.usage_minor)))
        if terms.net_minor > 0:
            lines.append(self.tr("Net for the plans: %s taken from the wallet.") % cash(terms.net_minor))
        elif terms.net_minor < 0:
            lines.append(self.tr("Net for the plans: %s credited to the wallet.") % cash(-terms.net_minor))
        else:
            lines.append(self.tr("Net for the plans: no money moves."))
        lines.append(self.covering_text(terms))
        lines.append(self.tr("The period end stays the same; the next renewal charges the new price."))
        self.show_text("\n".join(lines))

    def show_text(self, text: str) -> None:
        self.label.setText(text)
        dialog = self.label.window()
        if isinstance(dialog, ConfirmDialog):
            QTimer.singleShot(0, dialog, dialog.grow_to_fit)  # once the layout has taken in the new text

    def covering_text(self, terms) -> str:
        """What the service says of the wallet: covered or not, and what of the usage stays owed."""
        balance = money_text(terms.balance_minor, terms.currency)
        if not terms.covered:
            return self.tr("The wallet holds %s: it does not cover the change; top it up first.") % balance
        if terms.usage_owed_minor:
            return (
                self.tr("The wallet holds %s: it covers the plans; the part of the usage it cannot pay stays owed.")
                % balance
            )
        return self.tr("The wallet holds %s: it covers the change.") % balance

    def check(self) -> None:
        if self.problem:
            raise ValidationError(self.problem)
        if self.terms is None:
            raise ValidationError(self.tr("The settlement is still being worked out; a moment, please."))
        if not self.terms.covered:
            raise ValidationError(
                self.tr("The wallet holds %s but the switch needs %s; top it up first.")
                % (
                    money_text(self.terms.balance_minor, self.terms.currency),
                    money_text(self.terms.net_minor, self.terms.currency),
                )
            )


class SubscriptionsPage(TablePage[SubscriptionsTableModel]):
    settings_key = "subscriptions"
    subject_type = "subscription"
    title_text = QT_TRANSLATE_NOOP("SubscriptionsPage", "Subscriptions")
    icon = QStyle.StandardPixmap.SP_BrowserReload
    shows = frozenset({Kind.SUBSCRIPTION, Kind.WALLET, Kind.CUSTOMER, Kind.PLAN})
    selection_mode = QAbstractItemView.SelectionMode.SingleSelection
    column_widths = (60, 170, 80, 110, 80, 130, 130)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None):
        super().__init__(
            ctx,
            SubscriptionsTableModel(ctx.runner, ctx.core.clock),
            parent,
            search_placeholder=self.tr("Customer name or email; #id for one subscription"),
        )
        self.status_filter = self.add_filter(
            self.tr("Status"), [(self.tr("All"), None)] + [(status_text(s), s) for s in lifecycle.STATUSES], "status"
        )
        self.plan_filter = self.add_filter(self.tr("Plan"), [(self.tr("All plans"), None)], "plan")
        self.renews_soon = self.add_check_filter(self.tr("Renews within 7 days"), "renews_soon")

        self.cancel_button = QPushButton(self.tr("Cancel…"), self)
        self.reinstate_button = QPushButton(self.tr("Reinstate…"), self)
        self.change_plan_button = QPushButton(self.tr("Change plan…"), self)
        self.usage_button = QPushButton(self.tr("Record usage…"), self)
        self._buttons = (
            (self.cancel_button, "subscription.cancel", "cancel"),
            (self.reinstate_button, "subscription.reinstate", "reinstate"),
            (self.change_plan_button, "subscription.change_plan", "change_plan"),
            (self.usage_button, "usage.record", None),
        )
        for button, _action, _move in self._buttons:
            self.actions_bar.addWidget(button)
        self.actions_bar.addStretch(1)
        self.cancel_button.clicked.connect(self.on_cancel_clicked)
        self.reinstate_button.clicked.connect(self.on_reinstate_clicked)
        self.change_plan_button.clicked.connect(self.on_change_plan_clicked)
        self.usage_button.clicked.connect(self.on_usage_clicked)
        # A subscription reads as its customer: activating a row, or the name in the detail, opens their page.
        self.table.activated.connect(self.on_row_activated)
        self.table.setToolTip(self.tr("Double-click a subscription to open its customer's page"))
        self.detail.anchorClicked.connect(lambda url: follow_customer_link(self, url))
        self.on_selection([])

    @Slot(QModelIndex)
    def on_row_activated(self, index: QModelIndex) -> None:
        record = self.model.record_at(index.row())
        if record is not None:
            open_customer(self, record["customer_id"])

    def refresh(self, keep_selection: bool = True) -> None:
        self.load_plans()
        super().refresh(keep_selection)

    def load_plans(self) -> None:
        """The plan filter offers the plans there are now."""

        def fill(choices: list[tuple[int, str]]) -> None:
            current = self.plan_filter.currentData()
            self.plan_filter.blockSignals(True)
            while self.plan_filter.count() > 1:
                self.plan_filter.removeItem(1)
            for plan_id, text in choices:
                self.plan_filter.addItem(text, plan_id)
            index = self.plan_filter.findData(current)
            self.plan_filter.setCurrentIndex(max(0, index))
            self.plan_filter.blockSignals(False)
            if current is not None and index < 0:
                self.model.set_filters(plan=None)

        self.run_task(plan_choices, fill)

    # --- selection ------------------------------------------------------------------

    def on_selection(self, records: list[dict]) -> None:
        record = records[0] if len(records) == 1 else None
        now = self.ctx.core.clock.now()
        for button, action, move in self._buttons:
            reason = self.refusal_reason(action)
            if reason is None:
                if record is None:
                    reason = self.tr("Select one subscription")
                elif move is not None:
                    reason = move_refusal(self.ctx.actor, move, record, now)
            button.setEnabled(reason is None)
            button.setToolTip(reason or "")
        if record is None:
            self.show_hint(self.tr("Select a subscription to see its history."))
            return
        self.show_detail(record["id"])

    def show_detail(self, subscription_id: int) -> None:
        now = self.ctx.core.clock.now()
        self.load_detail(
            subscription_id,
            lambda: subscription_detail(subscription_id, now),
            lambda detail: self.detail.setHtml(render_subscription(detail)),
        )

    # --- state moves --------------------------------------------------------------------

    @Slot()
    def on_cancel_clicked(self) -> None:
        record = self.current_record()
        if record is not None:
            self.cancel(record)

    def cancel(self, record: dict) -> None:
        """Ask for a reason and turn auto-renew off for the subscription in ``record`` (a row of this table)."""
        if move_refusal(self.ctx.actor, "cancel", record, self.ctx.core.clock.now()):
            return
        if record["status"] == lifecycle.PENDING:
            summary = self.tr(
                "Turn auto-renew off for subscription #%d (%s, %s). Its renewal is waiting for funds; it moves "
                "from pending renewal to canceled: a later top-up no longer renews it, and it ends at the grace "
                "deadline on %s. It can be reinstated until then."
            ) % (record["id"], record["customer_name"], record["plan_code"], when(grace_deadline(record)))
        else:
            summary = self.tr(
                "Turn auto-renew off for subscription #%d (%s, %s). It moves from active to canceled; the "
                "customer keeps access until the paid period ends on %s, then it expires. It can be "
                "reinstated until then."
            ) % (record["id"], record["customer_name"], record["plan_code"], when(record["period_end"]))
        dialog = ConfirmDialog(
            self, self.tr("Cancel subscription"), summary, confirm_text=self.tr("Cancel subscription")
        )
        # Two buttons both saying "Cancel" would leave the operator guessing which one ends the subscription.
        dialog.buttons.button(dialog.buttons.StandardButton.Cancel).setText(self.tr("Keep subscription"))
        if dialog.exec():
            core, actor, reason = self.ctx.core, self.ctx.actor, dialog.reason_text()
            self.run_task(
                lambda: core.subscriptions.cancel(actor, record["id"], reason),
                done_text=self.tr("Subscription #%d canceled") % record["id"],
                changes=Changes.of(Kind.SUBSCRIPTION, Kind.AUDIT),
            )

    @Slot()
    def on_reinstate_clicked(self) -> None:
        record = self.current_record()
        if record is None or move_refusal(self.ctx.actor, "reinstate", record, self.ctx.core.clock.now()):
            return
        if waited_for_funds(record):
            summary = self.tr(
                "Turn auto-renew back on for subscription #%d (%s, %s). It was canceled while its renewal was "
                "waiting for funds: it goes back to waiting for funds (pending renewal), renews as soon as the "
                "wallet can pay, and expires at the grace deadline on %s if it cannot."
            ) % (record["id"], record["customer_name"], record["plan_code"], when(grace_deadline(record)))
        else:
            summary = self.tr(
                "Turn auto-renew back on for subscription #%d (%s, %s). It moves from canceled to active and "
                "renews from the wallet when the period ends on %s."
            ) % (record["id"], record["customer_name"], record["plan_code"], when(record["period_end"]))
        dialog = ConfirmDialog(self, self.tr("Reinstate subscription"), summary, confirm_text=self.tr("Reinstate"))
        if dialog.exec():
            core, actor, reason = self.ctx.core, self.ctx.actor, dialog.reason_text()
            self.run_task(
                lambda: core.subscriptions.reinstate(actor, record["id"], reason),
                done_text=self.tr("Subscription #%d reinstated") % record["id"],
                changes=Changes.of(Kind.SUBSCRIPTION, Kind.AUDIT),
            )

    # --- change plan --------------------------------------------------------------------

    @Slot()
    def on_change_plan_clicked(self) -> None:
        record = self.current_record()
        if record is None or move_refusal(self.ctx.actor, "change_plan", record, self.ctx.core.clock.now()):
            return
        self.run_task(lambda: plan_change_options(record["id"]), lambda opts: self._ask_plan(record, opts))

    def _ask_plan(self, record: dict, opts: dict) -> None:
        currency, old = opts["currency"], opts["plan"]
        if not opts["plans"]:
            self.status_message.emit(self.tr("There is no other active %s plan to move to.") % currency)
            return
        choice = QComboBox()
        choice.setObjectName("plan")
        for plan in opts["plans"]:
            choice.addItem(f"{plan['name']} ({plan['code']}) — {price_text(plan)}", plan)
        settlement = QLabel()
        settlement.setObjectName("settlement")
        settlement.setTextFormat(Qt.TextFormat.PlainText)
        settlement.setWordWrap(True)
        settlement.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        settlement.setMinimumWidth(settlement.fontMetrics().averageCharWidth() * 60)
        settlement.setMinimumHeight(settlement.fontMetrics().lineSpacing() * 7)
        dialog = ConfirmDialog(
            self,
            self.tr("Change plan"),
            self.tr("Move subscription #%d of %s from %s to another plan now (wallet balance %s).")
            % (
                record["id"],
                record["customer_name"],
                old["code"],
                money_text(opts["balance_minor"], currency),
            ),
            fields=[(self.tr("New plan"), choice), (self.tr("Settlement"), settlement)],
            confirm_text=self.tr("Change plan"),
        )
        dialog.setMinimumWidth(settlement.minimumWidth() * 3 // 2)
        preview = PlanChangePreview(self, record["id"], settlement)
        choice.currentIndexChanged.connect(lambda _i: preview.load(choice.currentData()["code"]))
        preview.load(choice.currentData()["code"])
        dialog.validator = preview.check
        if dialog.exec():
            core, actor, reason = self.ctx.core, self.ctx.actor, dialog.reason_text()
            code = choice.currentData()["code"]
            self.run_task(
                lambda: core.subscriptions.change_plan(actor, record["id"], code, reason),
                done_text=self.tr("Subscription #%d moved to %s") % (record["id"], code),
                changes=Changes.of(Kind.SUBSCRIPTION, Kind.WALLET, Kind.INVOICE, Kind.AUDIT),
            )

    # --- usage --------------------------------------------------------------------------

    @Slot()
    def on_usage_clicked(self) -> None:
        record = self.current_record()
        if record is None:
            return
        self.run_task(lambda: usage_options(record["id"]), lambda opts: self._ask_usage(record, opts))

    def _ask_usage(self, record: dict, opts: dict) -> None:
        if not opts["features"]:
            self.status_message.emit(self.tr("Plan %s has no metered features.") % opts["plan"])
            return
        choice = QComboBox()
        choice.setObjectName("feature")
        for feature in opts["features"]:
            state = self.tr("used %s") % number_text(feature["used"])
            if feature["limit"]:
                state += self.tr(" of %s") % limit_text(feature)
            if not feature["enabled"]:
                state += self.tr(", turned off")
            choice.addItem(f"{feature['name']} ({feature['code']}) — {state}", feature)
        quantity = QSpinBox()
        quantity.setObjectName("quantity")
        quantity.setRange(1, MAX_QUANTITY)
        quantity.setGroupSeparatorShown(True)
        dialog = ConfirmDialog(
            self,
            self.tr("Record usage"),
            self.tr(
                "Meter usage for subscription #%d (%s, plan %s). Quota and rate limits are checked; "
                "priced usage is charged at the next renewal."
            )
            % (record["id"], record["customer_name"], opts["plan"]),
            reason_required=False,
            fields=[(self.tr("Feature"), choice), (self.tr("Quantity"), quantity)],
            confirm_text=self.tr("Record"),
        )
        dialog.form.setRowVisible(dialog.reason, False)  # metering takes no reason; the audit row names the usage
        if not dialog.exec():
            return
        core, actor = self.ctx.core, self.ctx.actor
        feature, amount = choice.currentData(), quantity.value()

        def done(result):
            text = self.tr("Recorded %s × %s; %s used this period") % (
                number_text(result.quantity),
                feature["code"],
                number_text(result.used_in_period),
            )
            if result.remaining is not None:
                text += self.tr(", %s left") % number_text(result.remaining)
            if result.charge_so_far_minor:
                text += self.tr(", %s to charge at renewal") % money_text(
                    result.charge_so_far_minor, record["currency"]
                )
            self.status_message.emit(text)

        self.run_task(
            lambda: core.features.record_usage(actor, record["id"], feature["code"], amount),
            done,
            changes=Changes.of(Kind.SUBSCRIPTION, Kind.AUDIT),
        )
