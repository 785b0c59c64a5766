"""One customer's page: who they are, their money, subscriptions, invoices, top-ups and refunds, usage,
open errors, notifications and notes, the notices sent to them, with one timeline of all of it, and
the actions an operator takes for them (top up, subscribe, cancel, refund, add a note, resend a
notice) right there.

The page is read in one call (``services.customer_detail.customer_file``) off the GUI thread and
reloads whenever something it shows changes. The actions are the very dialogs of the pages that
own them (Customers, Subscriptions, Wallets), so they ask the same questions and are audited the
same way.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl, Signal, Slot
from PySide6.QtGui import QFont, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from services.changes import Changes, Kind
from services.customer_detail import CustomerFile, FileSubscription, TimelineKind, customer_file
from services.customer_outbox import RESENDABLE, NoticeInfo
from services.customers import MAX_NOTE
from services.errors import ValidationError
from services.validation import check_text
from ui.context import UiContext
from ui.pages.auto_topup import AutoTopUpPanel
from ui.pages.base import Page
from ui.pages.customer_file_words import (
    OPENABLE,
    customer_record,
    render_overview,
    subscription_record,
    timeline_cells,
    wallet_record,
)
from ui.pages.customer_notice_words import notice_kind_text, notice_status_text
from ui.pages.dialogs import ConfirmDialog
from ui.pages.invoices import (
    CreditNoteTable,
    DocumentTable,
    InvoiceTable,
    cash,
    day,
    minute,
    open_invoice,
)
from ui.pages.words import customer_status_text, payment_status_text, status_text

WIDE = 1200  # from this width the timeline stands beside the sections, below it under them
SETTINGS_GROUP = "customer_page"
SPLIT_NAMES = {Qt.Orientation.Horizontal: "split_side_by_side", Qt.Orientation.Vertical: "split_stacked"}


class CustomerPage(Page):
    """Shown inside the Customers page when one customer is opened; ``back_requested`` returns to the list."""

    shows = frozenset({Kind.CUSTOMER, Kind.WALLET, Kind.SUBSCRIPTION, Kind.INVOICE, Kind.ERROR_ITEM, Kind.NOTIFICATION})
    back_requested = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.setObjectName("customerPage")
        self.customer_id: int | None = None
        self.file: CustomerFile | None = None
        self._request = 0

        self.back_button = QPushButton(self.tr("← All customers"), self)
        self.back_button.setObjectName("backToCustomers")
        self.back_button.clicked.connect(self.back_requested)
        self.back_button.setShortcut(QKeySequence(QKeySequence.StandardKey.Back))  # Alt+Left
        self.back_button.setToolTip(self.tr("Back to the list of customers (Alt+Left)"))
        self.name_label = QLabel(self)
        self.name_label.setObjectName("customerName")
        self.name_label.setTextFormat(Qt.TextFormat.PlainText)
        font = QFont(self.name_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.name_label.setFont(font)
        self.contact_label = QLabel(self)
        self.contact_label.setObjectName("customerContact")
        self.contact_label.setTextFormat(Qt.TextFormat.PlainText)
        self.contact_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.balance_label = QLabel(self)
        self.balance_label.setObjectName("customerBalance")
        self.balance_label.setTextFormat(Qt.TextFormat.PlainText)

        self.topup_button = QPushButton(self.tr("Top up…"), self)
        self.subscribe_button = QPushButton(self.tr("Subscribe…"), self)
        self.cancel_button = QPushButton(self.tr("Cancel subscription…"), self)
        self.refund_button = QPushButton(self.tr("Refund top-up…"), self)
        self.note_button = QPushButton(self.tr("Add note…"), self)
        self.topup_button.clicked.connect(self.on_topup_clicked)
        self.subscribe_button.clicked.connect(self.on_subscribe_clicked)
        self.cancel_button.clicked.connect(self.on_cancel_clicked)
        self.refund_button.clicked.connect(self.on_refund_clicked)
        self.note_button.clicked.connect(self.on_note_clicked)

        header = QHBoxLayout()
        header.addWidget(self.back_button)
        header.addSpacing(12)
        header.addWidget(self.name_label)
        header.addStretch(1)
        header.addWidget(self.balance_label)
        actions = QHBoxLayout()
        for button in (
            self.topup_button,
            self.subscribe_button,
            self.cancel_button,
            self.refund_button,
            self.note_button,
        ):
            actions.addWidget(button)
        actions.addStretch(1)

        self.sections = QTabWidget(self)
        self.sections.setObjectName("customerSections")
        self.overview = QTextBrowser(self.sections)
        self.overview.setObjectName("customerOverview")
        self.overview.setOpenLinks(False)
        self.overview.anchorClicked.connect(self.on_link_clicked)
        self.subscriptions_table = DocumentTable(
            [
                ("plan", self.tr("Plan")),
                ("status", self.tr("Status")),
                ("period", self.tr("Period")),
                ("price", self.tr("Price")),
                ("renews", self.tr("Auto-renew")),
            ],
            {"price"},
            self.sections,
        )
        self.subscriptions_table.setObjectName("customerSubscriptions")
        self.subscriptions_table.itemSelectionChanged.connect(self.update_actions)
        self.invoice_table = InvoiceTable(self.sections)
        self.invoice_table.row_activated.connect(self.on_invoice_activated)
        self.credit_note_table = CreditNoteTable(self.sections)
        self.credit_note_table.row_activated.connect(self.on_invoice_activated)
        for table in (self.invoice_table, self.credit_note_table):
            table.offer_pdfs(self.ctx, self.status_message.emit)  # right-click: Open PDF, Save PDF…
        self.payments_table = DocumentTable(
            [
                ("when", self.tr("When")),
                ("what", self.tr("What")),
                ("amount", self.tr("Amount")),
                ("status", self.tr("Status")),
                ("note", self.tr("Details")),
            ],
            {"amount"},
            self.sections,
            stretch="note",
        )
        self.payments_table.setObjectName("customerPayments")
        self.sections.addTab(self.overview, self.tr("Overview"))
        self.sections.addTab(self.subscriptions_table, self.tr("Subscriptions"))
        self.sections.addTab(self.invoice_table, self.tr("Invoices"))
        self.sections.addTab(self.credit_note_table, self.tr("Credit notes"))
        self.sections.addTab(self.payments_table, self.tr("Top-ups and refunds"))
        self._build_notices_tab()
        self.auto_topup_panel = AutoTopUpPanel(ctx, self.sections)
        self.sections.addTab(self.auto_topup_panel, self.tr("Automatic top-up"))

        timeline_panel = QWidget(self)
        self.timeline_title = QLabel(self.tr("Timeline"), timeline_panel)
        self.timeline_title.setObjectName("timelineTitle")
        self.timeline = DocumentTable(
            [
                ("when", self.tr("When")),
                ("what", self.tr("What")),
                ("amount", self.tr("Amount")),
                ("detail", self.tr("Details")),
            ],
            {"amount"},
            timeline_panel,
            stretch="detail",
        )
        self.timeline.setObjectName("customerTimeline")
        self.timeline.setToolTip(self.tr("Double-click an invoice, subscription or failure to open it"))
        self.timeline.row_activated.connect(self.on_timeline_activated)
        timeline_layout = QVBoxLayout(timeline_panel)
        timeline_layout.setContentsMargins(0, 0, 0, 0)
        timeline_layout.addWidget(self.timeline_title)
        timeline_layout.addWidget(self.timeline, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("customerSplitter")
        self.splitter.addWidget(self.sections)
        self.splitter.addWidget(timeline_panel)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setCollapsible(0, False)
        self.splitter.setCollapsible(1, False)
        # The operator's own split, one for each arrangement (side by side, one above the other), kept across starts.
        self._arranged: Qt.Orientation | None = None  # until the page first has its size
        self._splits = {name: self._saved_split(name) for name in SPLIT_NAMES.values()}
        self.splitter.splitterMoved.connect(self._on_splitter_moved)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(header)
        layout.addWidget(self.contact_label)
        layout.addLayout(actions)
        self._actions_row = actions
        layout.addWidget(self.splitter, 1)
        self.update_actions()

    def _build_notices_tab(self) -> None:
        """What the customer was sent (receipts, reminders, refunds…), where each stands, and sending one again."""
        self.notices: list[NoticeInfo] = []
        panel = QWidget(self.sections)
        self.notices_table = DocumentTable(
            [
                ("when", self.tr("When")),
                ("notice", self.tr("Notice")),
                ("status", self.tr("Status")),
                ("to", self.tr("Sent to")),
            ],
            set(),
            panel,
            stretch="notice",
        )
        self.notices_table.setObjectName("customerNotices")
        self.notices_table.itemSelectionChanged.connect(self.update_actions)
        self.resend_button = QPushButton(self.tr("Resend…"), panel)
        self.resend_button.setObjectName("resendNotice")
        self.resend_button.clicked.connect(self.on_resend_clicked)
        buttons = QHBoxLayout()
        buttons.addWidget(self.resend_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.notices_table, 1)
        layout.addLayout(buttons)
        self.notices_tab = self.sections.addTab(panel, self.tr("Notices"))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        """Side by side on a wide screen; on a narrow one the timeline goes under the sections, full width."""
        super().resizeEvent(event)
        wide = event.size().width() >= WIDE
        orientation = Qt.Orientation.Horizontal if wide else Qt.Orientation.Vertical
        if self._arranged != orientation:
            self._arranged = orientation
            self.splitter.setOrientation(orientation)
            # Shares, not pixels: the splitter may not have its size yet (the page is built hidden), and
            # scales them to the room it gets.
            saved = self._splits[SPLIT_NAMES[orientation]]
            self.splitter.setSizes(saved if saved is not None else ([3000, 2000] if wide else [1000, 1000]))

    def _saved_split(self, name: str) -> list[int] | None:
        value = self.ctx.qsettings.value(f"{SETTINGS_GROUP}/{name}")
        if not isinstance(value, list) or len(value) != 2:
            return None
        try:
            sizes = [int(each) for each in value]
        except (TypeError, ValueError):
            return None
        return sizes if min(sizes) >= 0 and sum(sizes) > 0 else None

    @Slot(int, int)
    def _on_splitter_moved(self, _pos: int, _index: int) -> None:
        self._splits[SPLIT_NAMES[self.splitter.orientation()]] = self.splitter.sizes()

    def save_state(self) -> None:
        for name, sizes in self._splits.items():
            if sizes is not None:
                self.ctx.qsettings.setValue(f"{SETTINGS_GROUP}/{name}", sizes)

    # --- loading ------------------------------------------------------------------------

    def show_customer(self, customer_id: int) -> None:
        """Open this customer's page (what was shown of another customer goes at once)."""
        if customer_id != self.customer_id:
            self.customer_id = customer_id
            self.file = None
            self.name_label.setText(self.tr("Loading…"))
            self.contact_label.setText("")
            self.balance_label.setText("")
            self.update_actions()
        self.refresh()
        self.auto_topup_panel.show_customer(customer_id)

    def refresh(self) -> None:
        super().refresh()
        if self.customer_id is None:
            return
        self._request += 1
        request, customer_id, core = self._request, self.customer_id, self.ctx.core

        def arrived(loaded: tuple[CustomerFile, list[NoticeInfo]]) -> None:
            file, notices = loaded
            if request == self._request and file.customer.id == self.customer_id:
                self.show_file(file)
                self.show_notices(notices)

        self.run_task(
            lambda: (customer_file(customer_id, core.invoices), core.customer_notices.for_customer(customer_id)),
            arrived,
        )

    def show_file(self, file: CustomerFile) -> None:
        self.file = file
        c = file.customer
        self.name_label.setText(c.name)
        self.contact_label.setText(
            self.tr("%s · customer #%d · %s · customer since %s")
            % (c.email, c.id, customer_status_text(c.status), day(c.created_at))
        )
        self.balance_label.setText(
            " · ".join(self.tr("Balance %s") % cash(w.balance_minor, w.currency) for w in file.wallets)
        )
        self.overview.setHtml(render_overview(file, lambda n: self.tr("%n attempt(s)", "", n)))
        self._show_subscriptions(file)
        self.invoice_table.show_invoices(list(file.invoices))
        self.invoice_table.set_empty_text(self.tr("No invoices yet: the first is issued when the customer subscribes."))
        self.credit_note_table.show_credit_notes(file.credit_notes, {i.id: i.currency for i in file.invoices})
        self.credit_note_table.set_empty_text(self.tr("No credit notes."))
        self._show_payments(file)
        self.timeline.set_rows([(index, timeline_cells(e)) for index, e in enumerate(file.timeline)])
        self.sections.setTabText(1, self.tr("Subscriptions (%d)") % len(file.subscriptions))
        self.sections.setTabText(2, self.tr("Invoices (%d)") % len(file.invoices))
        self.sections.setTabText(3, self.tr("Credit notes (%d)") % len(file.credit_notes))
        self.sections.setTabText(4, self.tr("Top-ups and refunds (%d)") % (len(file.topups) + len(file.refunds)))
        self.timeline_title.setText(self.tr("Timeline (%d events, newest first)") % len(file.timeline))
        self.update_actions()

    def _show_subscriptions(self, file: CustomerFile) -> None:
        selected = self.selected_subscription()
        self.subscriptions_table.set_rows(
            [
                (
                    s.id,
                    [
                        f"{s.plan_name} ({s.plan_code})",
                        status_text(s.status),
                        f"{day(s.period_start)} → {day(s.period_end)}",
                        cash(s.price_minor, s.currency),
                        self.tr("yes") if s.auto_renew else self.tr("no"),
                    ],
                )
                for s in file.subscriptions
            ]
        )
        self.subscriptions_table.set_empty_text(self.tr("No subscriptions: Subscribe… starts one."))
        rows = [r for r in range(self.subscriptions_table.rowCount()) if self.subscriptions_table.id_at(r) == selected]
        self.subscriptions_table.selectRow(rows[0] if rows else 0)

    def _show_payments(self, file: CustomerFile) -> None:
        rows: list[tuple[int | None, list[str]]] = []
        moments = []
        for t in file.topups:
            refunded = self.tr("%s refunded") % cash(t.refunded_minor, t.currency) if t.refunded_minor else ""
            moments.append(
                (
                    t.created_at,
                    [
                        minute(t.created_at),
                        self.tr("Top-up"),
                        cash(t.amount_minor, t.currency),
                        payment_status_text(t.status),
                        refunded,
                    ],
                )
            )
        for r in file.refunds:
            what = self.tr("Refund to the card") if r.kind == "topup" else self.tr("Refund into the wallet")
            moments.append(
                (
                    r.created_at,
                    [
                        minute(r.created_at),
                        what,
                        cash(r.amount_minor, r.currency),
                        payment_status_text(r.status),
                        " ".join((r.reason or "").split()),
                    ],
                )
            )
        moments.sort(key=lambda m: m[0], reverse=True)
        rows = [(None, cells) for _at, cells in moments]
        self.payments_table.set_rows(rows)
        self.payments_table.set_empty_text(self.tr("No top-ups or refunds yet."))

    def show_notices(self, notices: list[NoticeInfo]) -> None:
        """The customer's notices, newest first: what each told them, where it stands, where it went."""
        chosen = self.selected_notice()
        self.notices = notices
        rows: list[tuple[int | None, list[str]]] = []
        for n in notices:
            what = notice_kind_text(n.kind, n.params)
            if n.resend_of is not None:
                what = self.tr("%1 (sent again)").replace("%1", what)
            to = n.to_address or (self.tr("not sent") if n.status == "suppressed" else self.tr("not yet sent"))
            rows.append((n.id, [minute(n.created_at), what, notice_status_text(n.status, n.reason), to]))
        self.notices_table.set_rows(rows)
        self.notices_table.set_empty_text(
            self.tr("Nothing sent yet: receipts, reminders and refunds to this customer will be listed here.")
        )
        self.sections.setTabText(self.notices_tab, self.tr("Notices (%d)") % len(notices))
        found = [r for r in range(self.notices_table.rowCount()) if self.notices_table.id_at(r) == chosen]
        if found:
            self.notices_table.selectRow(found[0])
        self.update_actions()

    # --- words ----------------------------------------------------------------------------

    # --- actions --------------------------------------------------------------------------

    def selected_subscription(self) -> int | None:
        rows = self.subscriptions_table.selectionModel().selectedRows()
        return self.subscriptions_table.id_at(rows[0].row()) if rows else None

    def _subscription(self) -> FileSubscription | None:
        chosen = self.selected_subscription()
        if self.file is None or chosen is None:
            return None
        return next((s for s in self.file.subscriptions if s.id == chosen), None)

    def selected_notice(self) -> int | None:
        rows = self.notices_table.selectionModel().selectedRows()
        return self.notices_table.id_at(rows[0].row()) if rows else None

    def _notice(self) -> NoticeInfo | None:
        chosen = self.selected_notice()
        return next((n for n in self.notices if n.id == chosen), None)

    def update_actions(self) -> None:
        loaded = self.file is not None
        subscription = self._subscription()
        notice = self._notice()
        resend_refused = self.refusal_reason("notice.resend")
        if resend_refused is None and notice is None:
            resend_refused = self.tr("Choose a notice to send again.")
        elif resend_refused is None and notice is not None and notice.status not in RESENDABLE:
            resend_refused = self.tr("This notice is still on its way; it can be sent again once it is sent or failed.")
        self.resend_button.setEnabled(resend_refused is None)
        self.resend_button.setToolTip(resend_refused or "")
        for button, action, ready in (
            (self.topup_button, "topup", loaded),
            (self.subscribe_button, "subscription.subscribe", loaded),
            (self.cancel_button, "subscription.cancel", subscription is not None),
            (self.refund_button, "refund", loaded),
            (self.note_button, "customer.edit", loaded),
        ):
            reason = self.refusal_reason(action)
            button.setEnabled(ready and reason is None)
            button.setToolTip(reason or "")
        if subscription is not None and self.cancel_button.isEnabled():
            from ui.pages.subscriptions_models import move_refusal

            assert self.file is not None
            refusal = move_refusal(
                self.ctx.actor, "cancel", subscription_record(self.file, subscription), self.ctx.core.clock.now()
            )
            if refusal:
                self.cancel_button.setEnabled(False)
                self.cancel_button.setToolTip(refusal)

    def role_notice_home(self) -> tuple[QBoxLayout, int] | None:
        """Right under the actions it explains, across the page's width."""
        layout = self.layout()
        if not isinstance(layout, QBoxLayout):
            return None
        return layout, layout.indexOf(self._actions_row) + 1

    def _page(self, class_name: str):
        from ui.main_window import MainWindow

        window = self.window()
        return window.page_named(class_name) if isinstance(window, MainWindow) else None

    @Slot()
    def on_topup_clicked(self) -> None:
        page = self._page("CustomersPage")
        record = customer_record(self.file) if self.file is not None else None
        if page is not None and record is not None:
            page.top_up(record)

    @Slot()
    def on_subscribe_clicked(self) -> None:
        page = self._page("CustomersPage")
        record = customer_record(self.file) if self.file is not None else None
        if page is not None and record is not None:
            page.subscribe(record)

    @Slot()
    def on_cancel_clicked(self) -> None:
        page, subscription = self._page("SubscriptionsPage"), self._subscription()
        if page is not None and subscription is not None and self.file is not None:
            page.cancel(subscription_record(self.file, subscription))

    @Slot()
    def on_refund_clicked(self) -> None:
        page = self._page("WalletsPage")
        record = wallet_record(self.file) if self.file is not None else None
        if page is not None and record is not None:
            page.refund_topup(record)

    @Slot()
    def on_note_clicked(self) -> None:
        if self.file is None:
            return
        body = QPlainTextEdit()
        body.setObjectName("note")
        body.setTabChangesFocus(True)
        dialog = ConfirmDialog(
            self,
            self.tr("Add note"),
            self.tr("Write down something about %s for the other operators. A note is kept as written.")
            % self.file.customer.name,
            reason_required=False,
            fields=[(self.tr("Note"), body)],
            confirm_text=self.tr("Add note"),
        )
        dialog.form.setRowVisible(dialog.reason, False)  # the note is the whole of what is written

        def validate() -> None:
            try:
                check_text(body.toPlainText(), "note", max_length=MAX_NOTE, required=True)
            except ValidationError:
                raise ValidationError(self.tr("Write the note (at most %d characters).") % MAX_NOTE) from None

        dialog.validator = validate
        if dialog.exec():
            core, actor, customer_id, text = self.ctx.core, self.ctx.actor, self.file.customer.id, body.toPlainText()
            self.run_task(
                lambda: core.customers.add_note(actor, customer_id, text),
                done_text=self.tr("Note added"),
                changes=Changes.of(Kind.CUSTOMER, Kind.AUDIT),
            )

    @Slot()
    def on_resend_clicked(self) -> None:
        notice = self._notice()
        if notice is None or self.file is None:
            return
        dialog = ConfirmDialog(
            self,
            self.tr("Resend notice"),
            self.tr("Send “%1” to %2 again? A new copy is queued; this one keeps its history.")
            .replace("%1", notice_kind_text(notice.kind, notice.params))
            .replace("%2", self.file.customer.email),
            reason_required=False,
            confirm_text=self.tr("Resend"),
        )
        if dialog.exec():
            core, actor, notice_id, reason = self.ctx.core, self.ctx.actor, notice.id, dialog.reason_text()
            self.run_task(
                lambda: core.customer_notices.resend(actor, notice_id, reason),
                done_text=self.tr("Notice queued to be sent again"),
                changes=Changes.of(Kind.CUSTOMER, Kind.AUDIT),
            )

    @Slot(int)
    def on_invoice_activated(self, invoice_id: int) -> None:
        open_invoice(self.ctx, invoice_id, self)

    @Slot(int)
    def on_timeline_activated(self, index: int) -> None:
        """An invoice or credit note opens its invoice; a subscription or failure its own page."""
        if self.file is None or not 0 <= index < len(self.file.timeline):
            return
        event = self.file.timeline[index]
        if event.kind in (TimelineKind.INVOICE, TimelineKind.CREDIT_NOTE):
            open_invoice(self.ctx, event.subject_id, self)
        elif event.subject_type in OPENABLE:
            self.open_subject_elsewhere(event.subject_type, event.subject_id)

    @Slot(QUrl)
    def on_link_clicked(self, url: QUrl) -> None:
        parts = url.toString().split(":")
        if len(parts) == 3 and parts[0] == "subject" and parts[2].isdigit():
            self.open_subject_elsewhere(parts[1], int(parts[2]))

    def open_subject_elsewhere(self, subject_type: str, subject_id: int) -> None:
        from ui.main_window import MainWindow

        window = self.window()
        if isinstance(window, MainWindow):
            window.open_subject(subject_type, subject_id)
