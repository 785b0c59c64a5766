"""The Scheduler page's side panels: the gateway simulation knobs and, on a demo database, the clock."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, Signal, Slot
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from services.changes import Changes, Kind
from services.circuit import HALF_OPEN, OPEN
from services.demo_clock import DemoClockStep, advance_demo_clock, can_travel
from services.errors import ValidationError
from services.settings import latency_in_order
from ui.errors import describe
from ui.formatting import minute_text, money_text
from ui.pages.base import Page
from ui.pages.dialogs import ConfirmDialog
from ui.pages.settings_form import SettingField, SettingsForm


def _time(moment: datetime | None) -> str:
    return f"{moment:%H:%M:%S} UTC" if moment else "—"


def _latency_in_order(values: dict) -> None:
    if not latency_in_order(values):
        raise ValidationError(
            QCoreApplication.translate("GatewaySimulationGroup", "The minimum latency is above the maximum.")
        )


class GatewaySimulationGroup(QGroupBox):
    """The fake gateway's knobs (admin only) and the circuit breaker in front of it."""

    def __init__(self, page: Page):
        super().__init__(QCoreApplication.translate("GatewaySimulationGroup", "Gateway simulation"), page)
        self.page, self.ctx = page, page.ctx
        self._loaded_once = False
        self.form = SettingsForm(
            [
                SettingField("gateway.latency_min_ms", self.tr("Latency from (ms)"), "0–60000"),
                SettingField("gateway.latency_max_ms", self.tr("Latency up to (ms)"), "0–60000"),
                SettingField("gateway.error_rate", self.tr("Server error rate"), self.tr("0–1, e.g. 0.05")),
                SettingField("gateway.timeout_rate", self.tr("Timeout-after-success rate"), self.tr("0–1, e.g. 0.02")),
                SettingField("gateway.decline_rate", self.tr("Decline rate"), self.tr("0–1, e.g. 0.1")),
                SettingField("gateway.outage", self.tr("Outage (every call fails)"), boolean=True),
                SettingField("gateway.seed", self.tr("Random seed"), self.tr("empty: a new sequence each start")),
            ],
            self,
            cross_check=_latency_in_order,
        )
        self.form.set_editable(self.ctx.can("gateway.configure"))
        self.circuit_label = QLabel(self.tr("Circuit breaker: …"), self)
        self.circuit_label.setObjectName("circuitLabel")
        self.circuit_label.setWordWrap(True)
        self.save_button = QPushButton(self.tr("Apply…"), self)
        self.save_button.clicked.connect(self.on_save_clicked)
        page.guard(self.save_button, "gateway.configure")
        self.revert_button = QPushButton(self.tr("Revert"), self)
        self.revert_button.clicked.connect(self.on_revert_clicked)
        buttons = QHBoxLayout()
        buttons.addWidget(self.circuit_label, 1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addLayout(buttons)

    def load(self) -> None:
        self._loaded_once = True
        settings = self.ctx.core.settings
        self.page.run_task(lambda: settings.get_many("gateway."), self.form.load)

    def load_unless_edited(self) -> None:
        if not self._loaded_once or not self.form.is_dirty():
            self.load()

    def show_circuit(self, info) -> None:
        if info.state == OPEN:
            text = (
                self.tr("Circuit breaker OPEN since %1 after %2 failures in a row; ")
                .replace("%1", _time(info.opened_at))
                .replace("%2", str(info.failures))
            )
            text += (
                self.tr("calls are refused until %s.") % _time(info.retry_at)
                if info.retry_at
                else self.tr("the next call is let through as a probe.")
            )
            style = "color: #c62828; font-weight: bold;"
        elif info.state == HALF_OPEN:
            text, style = self.tr("Circuit breaker half open: one probe call is out."), "color: #b26a00;"
        else:
            text = self.tr("Circuit breaker closed: calls go through (%n failure(s) in a row).", "", info.failures)
            style = ""
        self.circuit_label.setText(text)
        self.circuit_label.setStyleSheet(style)

    @Slot()
    def on_revert_clicked(self) -> None:
        self.load()

    @Slot()
    def on_save_clicked(self) -> None:
        self.form.clear_problem()
        refusal = self.page.refusal_reason("gateway.configure")
        if refusal:
            self.form.show_problem(refusal)
            return
        try:
            changes = self.form.changes()
        except ValidationError as error:
            self.form.show_problem(describe(error))
            return
        if not changes:
            self.page.status_message.emit(self.tr("Nothing to apply: no knob was changed"))
            return
        dialog = ConfirmDialog(
            self.page,
            self.tr("Gateway simulation"),
            self.tr(
                "Change how the simulated gateway behaves, at once, for every desk and worker sharing this database:"
            )
            + "\n• "
            + "\n• ".join(self.form.describe_changes(changes)),
            reason_required=False,
            confirm_text=self.tr("Apply"),
        )
        if not dialog.exec():
            return
        core, actor, reason = self.ctx.core, self.ctx.actor, dialog.reason_text()
        self.page.run_task(
            lambda: core.settings.update(actor, changes, reason, action="gateway.configure"),
            lambda _saved: self.load(),
            lambda saved: (
                self.tr("Gateway simulation changed (%s)")
                % ", ".join(sorted(name.removeprefix("gateway.") for name in saved))
            ),
            changes=Changes.of(Kind.SETTINGS, Kind.AUDIT),
        )


def demo_clock_available(ctx) -> bool:
    return bool(ctx.demo) and can_travel(ctx.core.clock)


class DemoClockGroup(QGroupBox):
    """Time travel on a demo database: jump ahead, then renew what fell due."""

    renewal_pass_finished = Signal(dict)  # the pass's summary at the new time (the page asks about what it held)

    def __init__(self, page: Page):
        super().__init__(QCoreApplication.translate("DemoClockGroup", "Demo clock"), page)
        self.page, self.ctx = page, page.ctx
        self.time_label = QLabel(self)
        self.time_label.setObjectName("demoTime")
        self.summary_label = QLabel(self.tr("Jump ahead to see renewals, pending renewals and expiries happen."), self)
        self.summary_label.setObjectName("demoSummary")
        self.summary_label.setWordWrap(True)
        self.buttons = []
        row = QHBoxLayout()
        for text, months, days in ((self.tr("+1 day"), 0, 1), (self.tr("+1 week"), 0, 7), (self.tr("+1 month"), 1, 0)):
            button = QPushButton(text, self)
            button.setToolTip(self.tr("Move the demo clock ahead, then run the renewal pass and the reminders"))
            button.clicked.connect(lambda _checked=False, m=months, d=days: self.advance(m, d))
            page.guard(button, "renewal.run")
            self.buttons.append(button)
            row.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.time_label)
        layout.addLayout(row)
        layout.addWidget(self.summary_label)
        layout.addStretch(1)
        self.show_time()

    def show_time(self) -> None:
        self.time_label.setText(self.tr("Demo time: %s UTC") % minute_text(self.ctx.core.clock.now()))

    def advance(self, months: int = 0, days: int = 0) -> None:
        core, actor = self.ctx.core, self.ctx.actor
        for button in self.buttons:
            button.setEnabled(False)
        self.summary_label.setText(self.tr("Moving the clock and renewing…"))
        self.page.run_task(
            lambda: advance_demo_clock(core.clock, core.renewals, actor, months, days, auto_topup=core.auto_topup),
            self._on_advanced,
            on_error=lambda _error: self._enable_buttons(),
            changes=Changes.of(Kind.SUBSCRIPTION, Kind.WALLET, Kind.INVOICE, Kind.ERROR_ITEM, Kind.AUDIT),
        )

    def _enable_buttons(self) -> None:
        for button in self.buttons:
            self.page.guard(button, "renewal.run")

    def _on_advanced(self, step: DemoClockStep) -> None:
        self._enable_buttons()
        self.show_time()
        r = step.renewals
        text = self.tr(
            "Now %1. Renewal pass: %2 due, %3 renewed, %4 now pending renewal, %5 expired, %6 error(s); "
            "%7 charged. %8 reminder(s) sent."
        )
        for marker, value in (
            ("%1", f"{minute_text(step.now)} UTC"),
            ("%2", r["due"]),
            ("%3", r["renewed"]),
            ("%4", r["pending_renewal"]),
            ("%5", r["expired"]),
            ("%6", r["errors"]),
            ("%7", money_text(r["charged_minor"], "USD")),
            ("%8", step.reminders["reminded"]),
        ):
            text = text.replace(marker, str(value))
        if r.get("held"):
            from ui.pages.catch_up import held_text

            text += " " + self.tr("Held: %s") % held_text(r["held"])
        self.summary_label.setText(text)
        self.page.status_message.emit(text)
        self.page.refresh()
        self.renewal_pass_finished.emit(r)
