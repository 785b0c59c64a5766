"""The error queue: every failed operation, what was tried, and what an operator can do about it."""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, QTimer, Slot
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QStyle, QWidget

from services.changes import Changes, Kind
from services.error_queue import operations_in_queue
from services.permissions import error_item_refusal
from services.retry_policy import ERROR_CLASSES, STRATEGIES
from services.retry_runner import RetryNowReport
from ui.context import UiContext
from ui.customer_links import follow_customer_link, open_customer
from ui.pages.base import TablePage
from ui.pages.dialogs import ConfirmDialog
from ui.pages.error_item_text import render_error_item as render_item
from ui.pages.error_queue_models import ErrorItemsTableModel, load_item_detail
from ui.pages.error_queue_report import FailedReportPanel
from ui.pages.words import error_class_text, operation_text, strategy_text

KNOWN_OPERATIONS = ("topup", "refund", "renewal")
QUEUE_CHANGES = Changes.of(Kind.ERROR_ITEM, Kind.AUDIT)
MAX_IDS_LISTED = 30
NOTICE_RELOAD_MS = 1000  # while notices keep coming, the open queue reloads at most this often


class ErrorQueuePage(TablePage[ErrorItemsTableModel]):
    settings_key = "error_queue"
    title_text = QT_TRANSLATE_NOOP("ErrorQueuePage", "Error queue")
    icon = QStyle.StandardPixmap.SP_MessageBoxWarning
    # The queue and its report (subscriptions: the waiting-for-funds line).
    shows = frozenset({Kind.ERROR_ITEM, Kind.SUBSCRIPTION})
    reload_delay_ms = 400
    column_widths = (56, 80, 130, 115, 80, 75, 70, 130, 85, 85)
    column_padding = 4  # eleven columns: with a row's details open they still fit 1440 pixels

    def __init__(self, ctx: UiContext, parent: QWidget | None = None):
        super().__init__(
            ctx,
            ErrorItemsTableModel(ctx.runner, ctx.core.clock),
            parent,
            search_placeholder=self.tr("Message, #id or “topup #12”"),
        )
        self.status_filter = self.add_filter(
            self.tr("Status"),
            [
                (self.tr("Open"), "open"),
                (self.tr("Retrying"), "retrying"),
                (self.tr("Manual"), "manual"),
                (self.tr("Resolved"), "resolved"),
                (self.tr("Canceled"), "canceled"),
                (self.tr("All"), "all"),
            ],
            "status",
        )
        self.operation_filter = self.add_filter(
            self.tr("Operation"),
            [(self.tr("All"), "")] + [(operation_text(name), name) for name in KNOWN_OPERATIONS],
            "operation",
        )
        self.class_filter = self.add_filter(
            self.tr("Class"), [(self.tr("All"), "")] + [(error_class_text(c), c) for c in ERROR_CLASSES], "error_class"
        )
        self.age_filter = self.add_filter(
            self.tr("Age"),
            [
                (self.tr("Any"), 0),
                (self.tr("Older than 1 h"), 3600),
                (self.tr("Older than 1 day"), 86400),
                (self.tr("Older than 7 days"), 7 * 86400),
            ],
            "age",
        )

        self.retry_button = QPushButton(self.tr("Retry now"), self)
        self.cancel_button = QPushButton(self.tr("Cancel retry…"), self)
        self.escalate_button = QPushButton(self.tr("Escalate to manual…"), self)
        self.strategy_button = QPushButton(self.tr("Change strategy…"), self)
        self.resolve_button = QPushButton(self.tr("Resolve with note…"), self)
        # button, permission, why not for an item in another status, default tooltip
        self._actions = [
            (
                self.retry_button,
                "error.retry",
                self.tr("Only open items can be retried."),
                self.tr("Run the selected items now, through the same lease as the retry pass"),
            ),
            (
                self.cancel_button,
                "error.cancel",
                self.tr("Only open items have a retry to cancel."),
                self.tr("Stop retrying; the items close as canceled"),
            ),
            (
                self.escalate_button,
                "error.escalate",
                self.tr("Only open items can be escalated."),
                self.tr("Stop automatic attempts and wait for an operator"),
            ),
            (
                self.strategy_button,
                "error.strategy",
                self.tr("Only open items can change strategy."),
                self.tr("Retry on another strategy from now on"),
            ),
            (
                self.resolve_button,
                "error.resolve",
                self.tr("Only open or canceled items can be resolved."),
                self.tr("Close the items as settled by hand, with a note saying how"),
            ),
        ]
        second_row = QHBoxLayout()
        for index, (button, *_rest) in enumerate(self._actions):
            (self.actions_bar if index < 3 else second_row).addWidget(button)
        self.actions_bar.addStretch(1)
        second_row.addStretch(1)
        self.detail_layout.insertLayout(1, second_row)
        self.retry_button.clicked.connect(self.on_retry_clicked)
        self.cancel_button.clicked.connect(self.on_cancel_clicked)
        self.escalate_button.clicked.connect(self.on_escalate_clicked)
        self.strategy_button.clicked.connect(self.on_strategy_clicked)
        self.resolve_button.clicked.connect(self.on_resolve_clicked)

        self.report = FailedReportPanel(self)
        # Table and report share a vertical splitter so the operator can give either more room.
        self.stack_panel(self.report, "vertical", above=True, stretch=(1, 4), sizes=(150, 600))
        if not self.splitter_restored:
            self.splitter.setSizes([640, 440])
        self.on_selection([])
        self._notice_reload = QTimer(self)
        self._notice_reload.setSingleShot(True)
        self._notice_reload.setInterval(NOTICE_RELOAD_MS)
        self._notice_reload.timeout.connect(self._on_notice_reload_over)
        self._notice_waiting = False
        ctx.bridge.notifications_posted.connect(self.on_notifications_posted)
        # An item reads as its customer: activating a row, or the name in the detail, opens their page.
        self.table.activated.connect(self.on_row_activated)
        self.detail.anchorClicked.connect(lambda url: follow_customer_link(self, url))

    @Slot(QModelIndex)
    def on_row_activated(self, index: QModelIndex) -> None:
        record = self.model.record_at(index.row())
        if record is not None and record.get("customer_id"):
            open_customer(self, record["customer_id"])

    # --- the report panel ------------------------------------------------------------------

    def load_report(self) -> None:
        core = self.ctx.core

        self.run_task(core.retries.get_failed_subscriptions_report, self.report.set_report)

    def _load_operations(self) -> None:
        """Operations seen in the queue beyond the known ones join the filter."""

        def add(names: list[str]) -> None:
            for name in names:
                if self.operation_filter.findData(name) < 0:
                    self.operation_filter.addItem(name, name)

        self.run_task(operations_in_queue, add)

    # --- loading -------------------------------------------------------------------------

    def refresh(self, keep_selection: bool = True) -> None:
        super().refresh(keep_selection)
        self.load_report()
        self._load_operations()

    @Slot(object)
    def on_notifications_posted(self, _infos: object) -> None:
        """A failure worth a notice has an item in the queue: reload at once, and while notices keep
        coming (a renewal pass, an outage) at most once a NOTICE_RELOAD_MS, with what came meanwhile."""
        if self._notice_reload.isActive():
            self._notice_waiting = True
            return
        self.reload_soon()
        self._notice_reload.start()

    @Slot()
    def _on_notice_reload_over(self) -> None:
        if self._notice_waiting:
            self._notice_waiting = False
            self.on_notifications_posted(())

    def open_subject(self, subject_type: str, subject_id: int) -> bool:
        if subject_type == "error_item":
            self.show_only(f"#{subject_id}", status="all")
            self.select_id(subject_id)
            return True
        if subject_type in ("topup", "refund"):
            self.show_only(f"{subject_type} #{subject_id}", status="open")
            if self.model.is_loading:
                self._select_first_when_loaded(subject_type, subject_id)
            elif self.model.rowCount():
                self.table.selectRow(0)
            else:
                self._say_no_open_item(subject_type, subject_id)
            return True
        return False

    def _select_first_when_loaded(self, subject_type: str, subject_id: int) -> None:
        def rows_arrived(*_args):
            self.model.rowsInserted.disconnect(rows_arrived)
            self.model.count_changed.disconnect(counted)
            self.table.selectRow(0)

        def counted(total):
            if total == 0:
                self.model.rowsInserted.disconnect(rows_arrived)
                self.model.count_changed.disconnect(counted)
                self._say_no_open_item(subject_type, subject_id)

        self.model.rowsInserted.connect(rows_arrived)
        self.model.count_changed.connect(counted)

    def _say_no_open_item(self, subject_type: str, subject_id: int) -> None:
        self.status_message.emit(self.tr("No open error item for %s #%d") % (subject_type, subject_id))

    # --- selection and detail ---------------------------------------------------------

    def on_selection(self, records: list[dict]) -> None:
        for button, action, wrong_status, hint in self._actions:
            reason = self.refusal_reason(action)
            if reason is None and not records:
                reason = self.tr("Select one or more error items")
            if reason is None:
                # The role may; what is left to refuse is an item's status.
                misfit = next(
                    (r for r in records if error_item_refusal(self.ctx.actor, action, r["status"]) is not None), None
                )
                if misfit is not None:
                    reason = wrong_status + " " + self.tr("#%d is %s.") % (misfit["id"], misfit["status"])
            button.setEnabled(reason is None)
            button.setToolTip(reason or hint)
        if len(records) == 1:
            self.show_detail(records[0]["id"])
            return
        if not records:
            self.show_hint(self.tr("Select an error item to see its attempts."))
            return
        self.forget_detail()
        lines = "".join(
            f"<li>#{r['id']} {html.escape(r['operation'])} {html.escape(r['subject_type'])} "
            f"#{r['subject_id']} — {html.escape(r['status'])}</li>"
            for r in records[:MAX_IDS_LISTED]
        )
        more = len(records) - MAX_IDS_LISTED
        if more > 0:
            lines += "<li>" + self.tr("… and %n more", "", more) + "</li>"
        heading = self.tr("%n item(s) selected", "", len(records))
        self.detail.setHtml(f"<h3>{heading}</h3><ul>{lines}</ul>")

    def show_detail(self, item_id: int) -> None:
        core = self.ctx.core
        self.load_detail(
            item_id, lambda: load_item_detail(core, item_id), lambda detail: self.detail.setHtml(render_item(detail))
        )

    # --- actions ------------------------------------------------------------------------

    def _ids_text(self, ids: list[int]) -> str:
        listed = ", ".join(f"#{i}" for i in ids[:MAX_IDS_LISTED])
        if len(ids) > MAX_IDS_LISTED:
            listed += " " + self.tr("and %n more", "", len(ids) - MAX_IDS_LISTED)
        return self.tr("Items: %s") % listed

    def _confirm(
        self,
        title: str,
        question: str,
        ids: list[int],
        *,
        reason: str | None,
        fields=None,
        confirm_text: str | None = None,
    ) -> ConfirmDialog | None:
        """Ask; ``reason`` None hides the reason field, else it is its label (and required)."""
        dialog = ConfirmDialog(
            self,
            title,
            question + "\n" + self._ids_text(ids),
            reason_required=reason is not None,
            fields=fields,
            confirm_text=confirm_text,
        )
        if reason is None:
            dialog.form.setRowVisible(dialog.reason, False)
        else:
            label = dialog.form.labelForField(dialog.reason)
            if isinstance(label, QLabel):
                label.setText(reason + " *")
        return dialog if dialog.exec() else None

    def _run_action(
        self, fn: Callable[[], Any], done_text: Callable[[Any], str], changes: Changes = QUEUE_CHANGES
    ) -> None:
        def failed(_error: BaseException) -> None:
            self.refresh()  # some items may have moved before the one that failed

        for button, *_rest in self._actions:
            button.setEnabled(False)  # until the outcome is in; the refresh re-enables what fits
        self.run_task(fn, done_text=done_text, on_error=failed, changes=changes)

    def _selected_ids(self) -> list[int]:
        return [r["id"] for r in self.selected_records()]

    @Slot()
    def on_retry_clicked(self) -> None:
        ids = self._selected_ids()
        if not ids or not self._confirm(
            self.tr("Retry now"),
            self.tr("Retry %n item(s) now?", "", len(ids)),
            ids,
            reason=None,
            confirm_text=self.tr("Retry now"),
        ):
            return
        core, actor = self.ctx.core, self.ctx.actor

        self.status_message.emit(self.tr("Retrying %n item(s)…", "", len(ids)))
        # A retried top-up, refund or renewal moves money when it goes through.
        self._run_action(
            lambda: core.retries.retry_now_report(actor, ids),
            self.retry_outcome_text,
            QUEUE_CHANGES | Changes.of(Kind.WALLET, Kind.INVOICE, Kind.SUBSCRIPTION),
        )

    def retry_outcome_text(self, report: RetryNowReport) -> str:
        """What "retry now" did: how many were attempted, resolved, still failing, and not attempted."""
        attempted = len(report.resolved) + len(report.failing)
        text = self.tr("Retried %d of %d: %d resolved, %d still failing") % (
            attempted,
            len(report.items),
            len(report.resolved),
            len(report.failing),
        )
        if report.not_attempted:
            text += "; " + self.tr(
                "%n not attempted: the payment gateway is still refusing calls", "", len(report.not_attempted)
            )
            if report.retry_at is not None:
                text += " " + self.tr("(until %s UTC)") % f"{report.retry_at:%H:%M:%S}"
        if report.unknown:
            text += "; " + self.tr(
                "%n with no recorded outcome: another runner took it, see its attempts", "", len(report.unknown)
            )
        return text

    @Slot()
    def on_cancel_clicked(self) -> None:
        ids = self._selected_ids()
        dialog = ids and self._confirm(
            self.tr("Cancel scheduled retry"),
            self.tr("Cancel the retries of %n item(s)? They close as canceled and are not tried again.", "", len(ids)),
            ids,
            reason=self.tr("Reason"),
            confirm_text=self.tr("Cancel retries"),
        )
        if not dialog:
            return
        core, actor, reason = self.ctx.core, self.ctx.actor, dialog.reason_text()
        # A canceled refund goes back into its wallet.
        self._run_action(
            lambda: core.retries.cancel_retry(actor, ids, reason),
            lambda infos: self.tr("Canceled %n item(s)", "", len(infos)),
            QUEUE_CHANGES | Changes.of(Kind.WALLET),
        )

    @Slot()
    def on_escalate_clicked(self) -> None:
        ids = self._selected_ids()
        dialog = ids and self._confirm(
            self.tr("Escalate to manual"),
            self.tr("Escalate %n item(s) to manual? Automatic attempts stop until an operator acts.", "", len(ids)),
            ids,
            reason=self.tr("Reason"),
            confirm_text=self.tr("Escalate"),
        )
        if not dialog:
            return
        core, actor, reason = self.ctx.core, self.ctx.actor, dialog.reason_text()
        self._run_action(
            lambda: core.retries.escalate(actor, ids, reason),
            lambda infos: self.tr("Escalated %n item(s) to manual", "", len(infos)),
        )

    @Slot()
    def on_strategy_clicked(self) -> None:
        records = self.selected_records()
        ids = [r["id"] for r in records]
        if not ids:
            return
        combo = QComboBox()
        combo.setObjectName("strategy")
        descriptions = {
            "backoff": self.tr("exponential, with jitter"),
            "reconcile": self.tr("ask the gateway by key, then retry with the same key"),
            "urgent": self.tr("immediate attempts, then every 5 minutes"),
            "fixed": self.tr("every 10 minutes"),
            "manual": self.tr("no automatic attempts"),
        }
        for strategy in STRATEGIES:
            described = descriptions.get(strategy)
            words = strategy_text(strategy)
            combo.addItem(f"{words} — {described}" if described else words, strategy)
        current = {r["strategy"] for r in records}
        if len(current) == 1:
            combo.setCurrentIndex(max(0, combo.findData(current.pop())))
        dialog = self._confirm(
            self.tr("Change strategy"),
            self.tr("Change the retry strategy of %n item(s)?", "", len(ids)),
            ids,
            reason=self.tr("Reason"),
            fields=[(self.tr("Strategy"), combo)],
            confirm_text=self.tr("Change strategy"),
        )
        if not dialog:
            return
        core, actor, reason, strategy = self.ctx.core, self.ctx.actor, dialog.reason_text(), combo.currentData()
        self._run_action(
            lambda: core.retries.change_strategy(actor, ids, strategy, reason),
            lambda infos: self.tr("%n item(s) now on %s", "", len(infos)) % strategy,
        )

    @Slot()
    def on_resolve_clicked(self) -> None:
        ids = self._selected_ids()
        dialog = ids and self._confirm(
            self.tr("Resolve with note"),
            self.tr("Mark %n item(s) resolved? Say how they were settled.", "", len(ids)),
            ids,
            reason=self.tr("Note"),
            confirm_text=self.tr("Resolve"),
        )
        if not dialog:
            return
        core, actor, note = self.ctx.core, self.ctx.actor, dialog.reason_text()
        self._run_action(
            lambda: core.retries.resolve(actor, ids, note), lambda infos: self.tr("Resolved %n item(s)", "", len(infos))
        )
