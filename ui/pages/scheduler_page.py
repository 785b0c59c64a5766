"""Scheduler: what the background jobs did and will do, run one now, pause them all; the gateway's knobs."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from scheduler import JobStateInfo
from services.changes import Changes, Kind
from services.storage_health import storage_health
from ui.context import UiContext
from ui.errors import describe, storage_condition_text, stored_message_text
from ui.formatting import second_text
from ui.pages.base import Page
from ui.pages.catch_up import CatchUpPrompt, held_text
from ui.pages.dialogs import ConfirmDialog
from ui.pages.scheduler_jobs import SchedulerJobsModel, SchedulerView, load_scheduler_view, summarize_result
from ui.pages.scheduler_panels import DemoClockGroup, GatewaySimulationGroup, demo_clock_available
from ui.pages.words import job_name_text

REFRESH_MS = 3000
PANELS_LEAST_HEIGHT = 160  # stacked panels on a short window keep this much room and scroll the rest
EVENT_DEBOUNCE_MS = 250
CONTROL_CHANGES = Changes.of(Kind.AUDIT)  # run now, pause, resume: audited; what a job changes comes with its event


class SchedulerPage(Page):
    title_text = QT_TRANSLATE_NOOP("SchedulerPage", "Scheduler")
    icon = QStyle.StandardPixmap.SP_DesktopIcon  # a planner pad: the play triangle vanished on the dark theme
    shows = frozenset({Kind.SETTINGS})  # the retry interval, the renewal time and the gateway's knobs
    poll_ms = REFRESH_MS  # the jobs move on their own timers
    paused_changed = Signal(bool)  # what this page last learned of the pause: the tray follows it

    def __init__(self, ctx: UiContext, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.scheduler = ctx.scheduler
        self.view: SchedulerView | None = None
        self._loading = False
        self._awaiting: set[str] = set()  # jobs an operator ran, whose outcome is still to be announced

        self.state_label = QLabel(self)
        self.state_label.setObjectName("schedulerState")
        self.state_label.setTextFormat(Qt.TextFormat.PlainText)  # it may carry an error message
        self.state_label.setWordWrap(True)
        self.run_button = QPushButton(self.tr("Run now"), self)
        self.run_button.clicked.connect(self.on_run_now_clicked)
        self.pause_button = QPushButton(self.tr("Pause all jobs…"), self)
        self.pause_button.clicked.connect(self.on_pause_clicked)
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.refresh_button.clicked.connect(self.on_refresh_clicked)
        # A known condition of the machine, not of one job: shown until a write succeeds again.
        self.storage_banner = QLabel(self)
        self.storage_banner.setObjectName("storageCondition")
        self.storage_banner.setTextFormat(Qt.TextFormat.PlainText)
        self.storage_banner.setWordWrap(True)
        self.storage_banner.setStyleSheet(
            "QLabel#storageCondition { background: #c62828; color: white; padding: 6px; font-weight: bold; }"
        )
        self.on_storage_changed(storage_health.problem)
        ctx.bridge.storage_changed.connect(self.on_storage_changed)
        top = QHBoxLayout()
        top.addWidget(self.state_label, 1)
        top.addWidget(self.run_button)
        top.addWidget(self.pause_button)
        top.addWidget(self.refresh_button)
        # What the last renewal pass held (more periods per subscription than the setting allows), and the way on.
        self.catch_up = CatchUpPrompt(self)
        self.catch_up.caught_up.connect(self.on_caught_up)
        self.held: dict | None = None
        self._renewals_seen: tuple | None = None  # the renewals job's last run as last read: a new one is news
        self.held_label = QLabel(self)
        self.held_label.setObjectName("heldRenewals")
        self.held_label.setTextFormat(Qt.TextFormat.PlainText)
        self.held_label.setWordWrap(True)
        self.held_label.setStyleSheet("color: #b26a00; font-weight: bold;")
        self.held_button = QPushButton(self.tr("Renew them all…"), self)
        self.held_button.setObjectName("renewHeld")
        self.held_button.clicked.connect(self.on_renew_held_clicked)
        self.guard(self.held_button, "renewal.run")
        held_row = QHBoxLayout()
        held_row.addWidget(self.held_label, 1)
        held_row.addWidget(self.held_button)
        self.show_held(None)

        self.model = SchedulerJobsModel(getattr(self.scheduler, "owner", None), self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # The last error can be long: a column the operator sizes, never narrower than its heading.
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(3, max(header.sectionSizeHint(3), 220))
        header.setStretchLastSection(True)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)

        self.event_log = QPlainTextEdit(self)
        self.event_log.setObjectName("eventLog")
        self.event_log.setReadOnly(True)
        self.event_log.setMaximumBlockCount(300)
        self.event_log.setPlaceholderText(self.tr("Scheduler events seen by this window appear here."))
        self.gateway_group = GatewaySimulationGroup(self)
        # Side by side when they fit, one above the other on a narrow window; stacked on a short window
        # too, they scroll in their own area rather than squeeze the jobs out of sight.
        self.panels_area = QScrollArea(self)
        self.panels_area.setObjectName("schedulerPanels")
        self.panels_area.setWidgetResizable(True)
        self.panels_area.setFrameShape(QFrame.Shape.NoFrame)
        self.panels_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        holder = QWidget(self.panels_area)
        self.panels = panels = QBoxLayout(QBoxLayout.Direction.LeftToRight, holder)
        panels.setContentsMargins(0, 0, 0, 0)
        panels.addWidget(self.gateway_group, 3)
        self.demo_group = DemoClockGroup(self) if demo_clock_available(ctx) else None
        if self.demo_group is not None:
            panels.addWidget(self.demo_group, 2)
        self.panels_area.setWidget(holder)

        if self.demo_group is not None:
            self.demo_group.renewal_pass_finished.connect(self.on_renewal_pass_finished)

        layout = QVBoxLayout(self)
        layout.addWidget(self.storage_banner)
        layout.addLayout(top)
        layout.addLayout(held_row)
        layout.addWidget(self.table, 3)
        layout.addWidget(QLabel(self.tr("Recent events"), self))
        layout.addWidget(self.event_log, 2)
        layout.addWidget(self.panels_area)

        self.event_timer = QTimer(self)
        self.event_timer.setSingleShot(True)
        self.event_timer.setInterval(EVENT_DEBOUNCE_MS)
        self.event_timer.timeout.connect(self.load_jobs)
        ctx.bridge.scheduler_event_happened.connect(self.on_scheduler_event)
        self._update_buttons()
        self._fit_panels()  # before the first show: the window must not grow to fit the panels side by side

    @Slot(object)
    def on_storage_changed(self, problem: str | None) -> None:
        self.storage_banner.setText(storage_condition_text(problem) if problem else "")
        self.storage_banner.setVisible(bool(problem))

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._fit_panels()

    def _fit_panels(self) -> None:
        groups = [g for g in (self.gateway_group, self.demo_group) if g is not None]
        layout = self.layout()
        margins = layout.contentsMargins().left() + layout.contentsMargins().right() if layout is not None else 0
        needed = sum(g.minimumSizeHint().width() for g in groups) + self.panels.spacing() + margins
        # The page asks only for the room the panels need stacked, so the window can be narrower than side by side.
        stacked = max([g.minimumSizeHint().width() for g in groups] + [self.table.minimumSizeHint().width()]) + margins
        if self.minimumWidth() != stacked:
            self.setMinimumWidth(stacked)
        side_by_side = self.width() >= needed
        self.panels.setDirection(QBoxLayout.Direction.LeftToRight if side_by_side else QBoxLayout.Direction.TopToBottom)
        self._fit_heights()

    def _fit_heights(self) -> None:
        """Every job row shows without scrolling; the panels take what they need, or scroll when the window is short."""
        table = self.table
        rows = sum(table.rowHeight(row) for row in range(self.model.rowCount()))
        if not rows:
            rows = len(self.model.jobs) * table.verticalHeader().defaultSectionSize()
        table_height = (
            table.horizontalHeader().sizeHint().height()
            + rows
            + 2 * table.frameWidth()
            + table.horizontalScrollBar().sizeHint().height()  # the columns may be wider than the page
        )
        if table.minimumHeight() != table_height:
            table.setMinimumHeight(table_height)
        holder = self.panels_area.widget()
        content = holder.minimumSizeHint().height() if holder is not None else 0
        self.panels_area.setMaximumHeight(content)
        stacked = self.panels.direction() == QBoxLayout.Direction.TopToBottom
        least = min(content, PANELS_LEAST_HEIGHT) if stacked else content
        if self.panels_area.minimumHeight() != least:
            self.panels_area.setMinimumHeight(least)

    # --- loading ----------------------------------------------------------------------

    @Slot()
    def on_refresh_clicked(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        super().refresh()
        self.load_jobs()
        self.gateway_group.load_unless_edited()

    def poll(self) -> None:
        self.load_jobs()

    def load_jobs(self) -> None:
        """The jobs' states, the pause and the circuit breaker."""
        if self._loading:
            return
        self._loading = True
        core, scheduler = self.ctx.core, self.scheduler
        self.ctx.runner.run(lambda: load_scheduler_view(core, scheduler), self._on_loaded, self._on_load_failed)

    def _on_loaded(self, view: SchedulerView) -> None:
        self._loading = False
        self.view = view
        self.paused_changed.emit(view.paused)
        self.model.set_jobs(view.jobs)
        self._fit_heights()
        self.gateway_group.show_circuit(view.circuit)
        if self.demo_group is not None:
            self.demo_group.show_time()
        if self.scheduler is None:
            text = self.tr("The scheduler is not running in this window.")
            text += " " + (
                self.tr("The jobs below are paused.")
                if view.paused
                else self.tr("The table shows what the instance that last ran each job recorded.")
            )
            self.state_label.setStyleSheet("color: #b26a00;")
        elif view.paused:
            text = self.tr("Paused: no job runs on its timer until the scheduler is resumed.")
            self.state_label.setStyleSheet("color: #b26a00; font-weight: bold;")
        else:
            text = self.tr("Running: jobs run on their timers in this window.")
            self.state_label.setStyleSheet("")
        self.state_label.setText(text)
        self._update_buttons()
        renewals = next((job for job in view.jobs if job.name == "renewals"), None)
        if renewals is not None:
            seen = (renewals.last_finished_at, repr(renewals.last_result))
            if seen != self._renewals_seen:  # a pass ran here or elsewhere since the last look: what it held stands
                first_look = self._renewals_seen is None
                self._renewals_seen = seen
                if renewals.last_finished_at is not None or not first_look:
                    self.show_held((renewals.last_result or {}).get("held"))

    # --- held renewals ------------------------------------------------------------------

    def show_held(self, held: dict | None) -> None:
        """Say what the newest renewal pass held, with the button that renews it; nothing when it held nothing."""
        self.held = held or None
        self.held_label.setVisible(self.held is not None)
        self.held_button.setVisible(self.held is not None)
        if self.held is not None:
            self.held_label.setText(self.tr("Renewals held: %s") % held_text(self.held))

    def on_renewal_pass(self, summary: dict | None, *, ask: bool) -> None:
        """A pass this desk ran (its scheduler, the demo clock) has finished: show, and ask about, what it held."""
        held = (summary or {}).get("held")
        self.show_held(held)
        if held and ask:
            self.catch_up.offer(held)

    @Slot(dict)
    def on_renewal_pass_finished(self, summary: dict) -> None:
        self.on_renewal_pass(summary, ask=True)

    @Slot()
    def on_renew_held_clicked(self) -> None:
        if self.held is not None:
            self.catch_up.offer(self.held)

    @Slot(dict)
    def on_caught_up(self, summary: dict) -> None:
        self.on_renewal_pass(summary, ask=False)
        self.load_jobs()

    def _on_load_failed(self, error: BaseException) -> None:
        self._loading = False
        self.state_label.setText(self.tr("Could not read the job states: %s") % describe(error))
        self.state_label.setStyleSheet("color: #c62828;")

    def event_text(self, event) -> str:
        texts = {
            "job_started": self.tr("started"),
            "job_finished": self.tr("finished"),
            "job_failed": self.tr("FAILED"),
            "paused": self.tr("scheduler paused"),
            "resumed": self.tr("scheduler resumed"),
            "stopped": self.tr("scheduler stopped"),
        }
        parts = [
            second_text(event.at),
            job_name_text(event.job) if event.job else "",
            texts.get(event.kind, event.kind),
        ]
        detail = stored_message_text(event.error.splitlines()[0]) if event.error else ""
        if not detail and event.kind == "job_finished":
            detail = summarize_result(event.result)
        return "  ".join(p for p in parts if p) + (f": {detail}" if detail else "")

    @Slot(object)
    def on_scheduler_event(self, event) -> None:
        self.event_log.appendPlainText(self.event_text(event))
        if event.kind in ("job_finished", "job_failed") and event.job in self._awaiting:
            self._tell_outcome(event.job, event.result, event.error)
        if event.kind == "job_finished" and event.job == "renewals" and isinstance(event.result, dict):
            self.on_renewal_pass(event.result, ask=True)
        self.event_timer.start()

    # --- actions ----------------------------------------------------------------------

    def selected_job(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.jobs[rows[0].row()].name if rows else None

    def _update_buttons(self, *_args) -> None:
        if self.scheduler is None:
            reason = self.tr("The scheduler is not running in this window")
            for button in (self.run_button, self.pause_button):
                button.setEnabled(False)
                button.setToolTip(reason)
            return
        paused = bool(self.view and self.view.paused)
        self.pause_button.setText(self.tr("Resume all jobs…") if paused else self.tr("Pause all jobs…"))
        self.guard(self.pause_button, "scheduler.pause")
        selected = self.selected_job() is not None
        refusal = self.refusal_reason("scheduler.run")
        self.run_button.setEnabled(selected and refusal is None)
        self.run_button.setToolTip(refusal or ("" if selected else self.tr("Select a job")))

    @Slot()
    def on_run_now_clicked(self) -> None:
        name = self.selected_job()
        if name is not None:
            self.run_job(name)

    def run_job(self, name: str) -> None:
        """Ask, then run ``name`` now through the scheduler control (role checked and audited there)."""
        if self.scheduler is None:
            return
        dialog = ConfirmDialog(
            self,
            self.tr("Run a job now"),
            self.tr(
                "Run the %s job now instead of waiting for its timer. It does exactly what its scheduled run would do."
            )
            % job_name_text(name),
            reason_required=False,
            confirm_text=self.tr("Run now"),
        )
        if not dialog.exec():
            return
        control, actor, reason = self.ctx.core.scheduler_control(self.scheduler), self.ctx.actor, dialog.reason_text()
        self._awaiting.add(name)
        self.status_message.emit(self.tr("Running the %s job…") % job_name_text(name))
        self.run_task(
            lambda: control.run_now(actor, name, reason),
            lambda state: self._on_run_done(name, state),
            on_error=lambda _error: self._awaiting.discard(name),
            changes=CONTROL_CHANGES,
        )

    def _on_run_done(self, name: str, state: JobStateInfo | None) -> None:
        if state is None:
            self.status_message.emit(
                self.tr("The %s job was handed to the scheduler; it runs in a moment.") % job_name_text(name)
            )
        elif name in self._awaiting:
            self._tell_outcome(name, state.last_result, state.last_error)
        self.load_jobs()

    def _tell_outcome(self, name: str, result: dict | None, error: str | None) -> None:
        self._awaiting.discard(name)
        if error:
            self.status_message.emit(
                self.tr("The %1 job failed: %2")
                .replace("%1", job_name_text(name))
                .replace("%2", stored_message_text(error.splitlines()[0]))
            )
            return
        self.status_message.emit(
            self.tr("The %1 job finished: %2")
            .replace("%1", job_name_text(name))
            .replace("%2", summarize_result(result) or self.tr("done"))
        )

    @Slot()
    def on_pause_clicked(self) -> None:
        self.switch_pause(not (self.view and self.view.paused))

    def switch_pause(self, pause: bool) -> None:
        """Ask (with a reason to pause), then pause or resume every job through the scheduler control."""
        if self.scheduler is None:
            return
        if pause:
            dialog = ConfirmDialog(
                self,
                self.tr("Pause the scheduler"),
                self.tr(
                    "Stop renewals, retries, reminders and monitoring from running on their "
                    "timers, in every app and worker sharing this database, until someone "
                    "resumes them. Run now still works."
                ),
                confirm_text=self.tr("Pause"),
            )
        else:
            dialog = ConfirmDialog(
                self,
                self.tr("Resume the scheduler"),
                self.tr(
                    "Let the jobs run on their timers again; runs that fell due while paused are caught up at once."
                ),
                reason_required=False,
                confirm_text=self.tr("Resume"),
            )
        if not dialog.exec():
            return
        control, actor, reason = self.ctx.core.scheduler_control(self.scheduler), self.ctx.actor, dialog.reason_text()
        switch = control.pause if pause else control.resume
        self.run_task(
            lambda: switch(actor, reason),
            lambda _none: self._on_switched(pause),
            self.tr("Scheduler paused") if pause else self.tr("Scheduler resumed"),
            changes=CONTROL_CHANGES,
        )

    def _on_switched(self, paused: bool) -> None:
        self.paused_changed.emit(paused)
        self.load_jobs()
