"""Held renewals: what a pass left for an operator to allow, in words, and the question that allows it.

A renewal pass holds a subscription whose wallet would pay more than the setting
``renewals.catch_up_periods`` periods at once (a clock moved far ahead, a long downtime). The
desk asks whoever may run renewals: "Renew them all" runs the pass once with the catch-up allowed,
off the GUI thread; "Not now" leaves them held (every later pass holds them again and says so).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QAbstractButton, QMessageBox, QPushButton

from services.changes import Changes, Kind
from ui.formatting import money_text, number_text
from ui.pages.base import Page

# What the catch-up pass changes: the pages showing any of these reload.
CATCH_UP_CHANGES = Changes.of(Kind.SUBSCRIPTION, Kind.WALLET, Kind.INVOICE, Kind.ERROR_ITEM, Kind.AUDIT)


def held_amounts(held: Mapping[str, Any]) -> str:
    """'$120.00, €84.00': what the held periods would cost, per currency (stored as integer minor units)."""
    amounts = held.get("amounts_minor") or {}
    return ", ".join(money_text(int(amount), str(currency)) for currency, amount in sorted(amounts.items()))


def held_text(held: Mapping[str, Any]) -> str:
    """One sentence: how many subscriptions, periods and how much a pass held, and why."""
    template = QCoreApplication.translate(
        "CatchUp", "%1 subscription(s) would each pay more than %2 period(s) at once: %3 period(s), %4 in all."
    )
    return (
        template.replace("%1", number_text(int(held.get("subscriptions") or 0)))
        .replace("%2", number_text(int(held.get("limit") or 0)))
        .replace("%3", number_text(int(held.get("periods") or 0)))
        .replace("%4", held_amounts(held) or money_text(0, "USD"))
    )


def held_phrase(held: Mapping[str, Any]) -> str:
    """A job result's figure: '2 held (24 periods, $120.00, €84.00)'."""
    return (
        QCoreApplication.translate("JobResults", "%1 held (%2 periods, %3)")
        .replace("%1", number_text(int(held.get("subscriptions") or 0)))
        .replace("%2", number_text(int(held.get("periods") or 0)))
        .replace("%3", held_amounts(held) or money_text(0, "USD"))
    )


class CatchUpPrompt(QObject):
    """Asks, one question at a time, whether to renew what a pass held; runs the allowed pass off the GUI thread."""

    caught_up = Signal(dict)  # the summary of the pass that paid every period due

    def __init__(self, page: Page):
        super().__init__(page)
        self.page = page
        self.dialog: QMessageBox | None = None
        self.renew_button: QPushButton | None = None
        self.running = False

    def may_renew(self) -> bool:
        return self.page.ctx.can("renewal.run")

    def offer(self, held: Mapping[str, Any]) -> None:
        """Ask about ``held`` (a pass's summary of what it held); the question already open is updated."""
        if not held or not self.may_renew() or self.running:
            return
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.setText(held_text(held))
            return
        dialog = QMessageBox(self.page)
        dialog.setObjectName("catchUpDialog")
        dialog.setIcon(QMessageBox.Icon.Warning)
        dialog.setWindowTitle(self.tr("Renewals held"))
        dialog.setTextFormat(Qt.TextFormat.PlainText)
        dialog.setText(held_text(held))
        dialog.setInformativeText(
            self.tr(
                "Nothing was charged for them; the other subscriptions renewed. If the clock is right, renew them "
                "all now: each period is paid once. Not now leaves them waiting; every pass holds them again."
            )
        )
        self.renew_button = dialog.addButton(self.tr("Renew them all"), QMessageBox.ButtonRole.AcceptRole)
        later = dialog.addButton(self.tr("Not now"), QMessageBox.ButtonRole.RejectRole)
        dialog.setDefaultButton(later)
        dialog.setEscapeButton(later)
        dialog.buttonClicked.connect(self.on_button_clicked)
        self.dialog = dialog
        dialog.open()  # window-modal, without a nested event loop: the scheduler's events keep arriving

    @Slot(QAbstractButton)
    def on_button_clicked(self, button: QAbstractButton) -> None:
        renew = button is self.renew_button
        self.dialog = self.renew_button = None
        if renew:
            self.renew_all()

    def renew_all(self) -> None:
        """The renewal pass once, paying every period due (audited as the operator's catch-up)."""
        if self.running or not self.may_renew():
            return
        self.running = True
        core, actor = self.page.ctx.core, self.page.ctx.actor
        self.page.status_message.emit(self.tr("Renewing every period due…"))
        self.page.run_task(
            lambda: core.renewals.renew_due_subscriptions(actor, catch_up=True),
            self._on_caught_up,
            lambda summary: self.tr("Caught up: %n renewal(s) paid.", "", int(summary["renewed"])),
            on_error=self._on_failed,
            changes=CATCH_UP_CHANGES,
        )

    def _on_caught_up(self, summary: dict) -> None:
        self.running = False
        self.caught_up.emit(summary)

    def _on_failed(self, _error: BaseException) -> None:
        self.running = False
