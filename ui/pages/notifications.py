"""The in-app notification panel: everything the tray pops up, kept, marked read, and opened."""

from __future__ import annotations

import html
from datetime import datetime, timedelta
from typing import Any

from peewee import ModelSelect, fn
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    QUrl,
    Signal,
    Slot,
)
from PySide6.QtGui import QBrush, QColor, QFont, QIcon, QKeySequence
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QStyle, QWidget

from models.tables import Notification, NotificationArchive
from services.changes import Changes, Kind
from services.notifications import KINDS, NotificationInfo, load_params
from services.subject_owners import CustomerRef, attach_customers
from services.table_queries import contains_text, literal, text_start
from ui.context import UiContext
from ui.customer_links import customer_anchor, follow_customer_link
from ui.formatting import minute_text
from ui.notice_text import BURST_SECONDS, burst_title, render
from ui.pages.base import TablePage
from ui.pages.words import subject_type_text
from ui.sql_model import Column, PagedQueryModel
from ui.tasks import TaskRunner

# A burst of up to this many notifications is put on top of the panel row by row; a bigger one
# (a renewal pass posts thousands) reloads the panel instead, at most once a BURST_RELOAD_MS.
ONE_BY_ONE = 50
BURST_RELOAD_MS = 1000
SUBJECT_TYPES = ("subscription", "wallet", "topup", "refund", "error_item", "customer", "renewal_pass")
MARKED_READ = Changes.of(Kind.NOTIFICATION, Kind.AUDIT)
SEVERITY_COLOURS = {"info": "#1565c0", "warning": "#b26a00", "error": "#c62828"}
_SEVERITY_PIXMAPS = {
    "info": QStyle.StandardPixmap.SP_MessageBoxInformation,
    "warning": QStyle.StandardPixmap.SP_MessageBoxWarning,
    "error": QStyle.StandardPixmap.SP_MessageBoxCritical,
}


def _time_text(record: dict) -> str:
    moment = record.get("created_at")
    return minute_text(moment) if isinstance(moment, datetime) else ""


def _one_line(text: str | None, limit: int = 200) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def shown_text(record: dict) -> tuple[str, str]:
    """A row's title and body in the operator's language (its stored English when it has no parameters)."""
    params = record.get("params")
    if isinstance(params, str) or params is None:
        params = load_params(params)
    return render(
        record.get("kind") or "",
        params,
        record.get("title") or "",
        record.get("body") or "",
        record.get("customer_name"),
    )


def _subject_label(record: dict) -> str:
    """What the notification is about by kind and id ("top-up #538"); "" when about nothing."""
    subject_type, subject_id = record.get("subject_type"), record.get("subject_id")
    if not subject_type or subject_id is None:
        return ""
    if subject_type == "renewal_pass":
        return QCoreApplication.translate("NotificationsTableModel", "Invoices of a renewal pass")
    return f"{subject_type_text(subject_type)} #{subject_id}"


def about_text(record: dict) -> str:
    """What a notification is about as its customer's name ("Omar Tanaka · top-up #538"); its id alone
    only when no customer is behind it."""
    name, label = record.get("customer_name"), _subject_label(record)
    if not name:
        return label
    return name if record.get("subject_type") == "customer" else f"{name} · {label}"


def _title_text(record: dict) -> str:
    count = len(record.get("group_ids") or ())
    if count > 1:
        return burst_title(record.get("kind") or "", count)
    return shown_text(record)[0]


def _body_text(record: dict) -> str:
    title, body = shown_text(record)
    if len(record.get("group_ids") or ()) > 1:
        return _one_line(QCoreApplication.translate("NotificationsTableModel", "Latest: %s") % title)
    return _one_line(body)


def unread_ids(record: dict) -> list[int]:
    """The unread notifications a row stands for (a burst's row, several)."""
    if "unread_ids" in record:
        return list(record["unread_ids"])
    return [record["id"]] if record.get("read_at") is None else []


class NotificationsTableModel(PagedQueryModel):
    """Newest first; filters: unread (bool), kind, search (title or body).

    Newest first, a burst is one row: notifications of one kind that came one after another
    within a minute (storage keeps one row each). Such a row reads "7 top-ups failed within a
    minute"; its record lists its notifications in ``group_ids`` (newest first) and the unread
    ones in ``unread_ids``, so marking it read marks them all.
    """

    id_field = Notification.id
    customer_found = Signal(int)  # a notification put on top now knows its customer

    def __init__(self, runner: TaskRunner, parent: QObject | None = None):
        self.kind_labels = {
            "payment_succeeded": self.tr("Payment succeeded"),
            "renewals_paid": self.tr("Renewals paid"),
            "renewals_held": self.tr("Renewals held"),
            "payment_failed": self.tr("Payment failed"),
            "subscription_expiring": self.tr("Subscription expiring"),
            "subscription_expired": self.tr("Subscription expired"),
            "topup_succeeded": self.tr("Top-up succeeded"),
            "topup_failed": self.tr("Top-up failed"),
            "auto_topup_declined": self.tr("Automatic top-up declined"),
            "refund_failed": self.tr("Refund failed"),
            "manual_intervention": self.tr("Manual intervention needed"),
            "gateway_outage": self.tr("Gateway outage"),
            "gateway_recovered": self.tr("Gateway recovered"),
            "errors_alert": self.tr("Unresolved errors alert"),
        }
        self.severity_labels = {"info": self.tr("info"), "warning": self.tr("warning"), "error": self.tr("error")}
        self.table: type[Notification] | type[NotificationArchive] = Notification
        self.columns = self._columns_of(Notification)
        super().__init__(runner, parent)
        self._icons: dict[str, QIcon] = {}
        self._bold = QFont()
        self._bold.setBold(True)

    def _columns_of(self, table: type[Notification] | type[NotificationArchive]) -> list[Column]:
        kinds, severities = self.kind_labels, self.severity_labels
        return [
            Column("created_at", self.tr("Time"), table.created_at, format=_time_text),
            Column(
                "severity",
                self.tr("Severity"),
                table.severity,
                format=lambda r: severities.get(r["severity"], r["severity"]),
            ),
            Column(
                "kind",
                self.tr("Kind"),
                table.kind,
                format=lambda r: kinds.get(r["kind"], r["kind"].replace("_", " ")),
            ),
            Column("about", self.tr("About"), fn.COALESCE(table.subject_type, literal("")), format=about_text),
            Column("title", self.tr("Title"), table.title, format=_title_text),
            Column("body", self.tr("Details"), text_start(table.body), format=_body_text),
        ]

    @property
    def archived(self) -> bool:
        """Whether the rows are the archive's (read notifications past their keeping time)."""
        return self.table is NotificationArchive

    def set_filters(self, **filters) -> None:
        """Show "Archived" reads the archive table with the same columns; the other filters apply to either."""
        table = NotificationArchive if {**self.filters, **filters}.get("show") == "archived" else Notification
        if table is not self.table:
            self.table = table
            self.id_field = table._meta.primary_key
            self.columns = self._columns_of(table)
        super().set_filters(**filters)

    def complete_page(self, records: list[dict]) -> None:
        """The customer behind each notification's subject, for the rows of this page only."""
        attach_customers(records)

    def base_query(self) -> ModelSelect[Any]:
        table = self.table
        query = table.select()
        if self.filters.get("show") == "unread":
            query = query.where(table.read_at.is_null())
        if self.filters.get("kind"):
            query = query.where(table.kind == self.filters["kind"])
        text = (self.filters.get("search") or "").strip()
        if text:
            query = query.where(contains_text(table.title, text) | contains_text(table.body, text))
        return query

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        record = self.record_at(index.row()) if index.isValid() else None
        if record is None:
            return None
        if role == Qt.ItemDataRole.FontRole:
            return self._bold if record.get("read_at") is None else None
        key = self.columns[index.column()].key
        if key == "severity" and role == Qt.ItemDataRole.DecorationRole:
            return self._icon(record.get("severity") or "info")
        if key == "severity" and role == Qt.ItemDataRole.ForegroundRole:
            colour = SEVERITY_COLOURS.get(record.get("severity") or "")
            return QBrush(QColor(colour)) if colour else None
        return super().data(index, role)

    # --- bursts -------------------------------------------------------------------------

    def grouping(self) -> bool:
        """Bursts are grouped while the rows run newest first."""
        expression, descending = self._order()
        return descending and expression is self.table.created_at

    def _joins(self, group: dict, record: dict) -> bool:
        """Whether ``record`` (older than the group's rows) belongs to the burst ``group``."""
        if record.get("kind") != group.get("kind"):
            return False
        newest, moment = group.get("created_at"), record.get("created_at")
        if not isinstance(newest, datetime) or not isinstance(moment, datetime):
            return False
        return newest - moment <= timedelta(seconds=BURST_SECONDS)

    def _start_group(self, record: dict) -> dict:
        record = dict(record)
        record["group_ids"] = [record["id"]]
        record["unread_ids"] = [record["id"]] if record.get("read_at") is None else []
        record["oldest_at"] = record.get("created_at")
        return record

    def _texts(self, record: dict) -> tuple[str, ...]:
        return tuple(column.text(record) for column in self.columns)

    def _on_page(self, generation: int, rows: list) -> None:
        if generation != self._generation or not self.grouping():
            super()._on_page(generation, rows)
            return
        self._loading = False
        self.loading_changed.emit(False)
        if len(rows) < self.page_size:
            self._exhausted = True
        if not rows:
            return
        self._cursor = self._key_of(rows[-1][1], 1)  # the page goes on after its last notification
        changed_last = False
        added: list[tuple[tuple[str, ...], dict]] = []
        for _texts, record in rows:
            target = added[-1][1] if added else (self._rows[-1][1] if self._rows else None)
            if target is not None and self._joins(target, record):
                target["group_ids"].append(record["id"])
                if record.get("read_at") is None:
                    target["unread_ids"].append(record["id"])
                    target["read_at"] = None
                target["oldest_at"] = record.get("created_at")
                if added:
                    added[-1] = (self._texts(target), target)
                else:
                    self._rows[-1] = (self._texts(target), target)
                    changed_last = True
                continue
            group = self._start_group(record)
            added.append((self._texts(group), group))
        if changed_last:
            row = len(self._rows) - 1
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.columns) - 1))
        if added:
            start = len(self._rows)
            self.beginInsertRows(QModelIndex(), start, start + len(added) - 1)
            self._rows.extend(added)
            self.endInsertRows()

    def row_of_id(self, record_id) -> int:
        for row, (_, record) in enumerate(self._rows):
            if record.get("id") == record_id or record_id in (record.get("group_ids") or ()):
                return row
        return -1

    def _icon(self, severity: str) -> QIcon:
        if severity not in self._icons:
            pixmap = _SEVERITY_PIXMAPS.get(severity, QStyle.StandardPixmap.SP_MessageBoxInformation)
            self._icons[severity] = QApplication.style().standardIcon(pixmap)
        return self._icons[severity]

    def add_posted(self, info) -> bool:
        """Put a just-posted notification on top without a reload.

        False when the current order or filter cannot say where it goes (the caller reloads).
        """
        return self.add_posted_burst((info,))

    def add_posted_burst(self, infos) -> bool:
        """Put just-posted notifications (oldest first) on top without a reload; their customers are
        looked up together, in one task.

        False when the current order or filter cannot say where they go (the caller reloads).
        """
        to_name: dict[int, dict] = {}
        for info in infos:
            placed = self._put_on_top(info)
            if placed is None:
                return False
            if placed and info.subject_type and info.subject_id is not None:
                to_name[info.id] = placed
        if to_name:
            self._name_customers_of(to_name)
        return True

    def _put_on_top(self, info) -> dict | None:
        """The record put on top for ``info``; {} when it is there already or not shown under the
        filters, None when the order or the search cannot say where it goes."""
        if self.row_of_id(info.id) >= 0 or self.archived:
            return {}  # the archive holds only notifications long read: a new one is never among them
        if (self.filters.get("show") == "unread" and info.read_at is not None) or (
            self.filters.get("kind") and self.filters["kind"] != info.kind
        ):
            return {}
        expression, descending = self._order()
        if (
            self.is_loading
            or (self.filters.get("search") or "").strip()
            or not descending
            or expression is not self.table.created_at
        ):
            return None
        record = {
            "id": info.id,
            "kind": info.kind,
            "severity": info.severity,
            "title": info.title,
            "body": info.body,
            "subject_type": info.subject_type,
            "subject_id": info.subject_id,
            "dedup_key": "",
            "created_at": info.created_at,
            "read_at": info.read_at,
            "params": info.params,
            "customer_id": None,
            "customer_name": None,
            "_sort_value": info.created_at,
        }
        top = self._rows[0][1] if self._rows else None
        oldest = top.get("oldest_at") if top else None
        if (
            top is not None
            and top.get("kind") == info.kind
            and isinstance(oldest, datetime)
            and info.created_at - oldest <= timedelta(seconds=BURST_SECONDS)
        ):
            # The burst on top goes on: its row now leads with this notification and counts it.
            group = {**record, "group_ids": [info.id, *top["group_ids"]], "oldest_at": oldest}
            group["unread_ids"] = ([info.id] if info.read_at is None else []) + list(top["unread_ids"])
            if group["unread_ids"]:
                group["read_at"] = None
            self._rows[0] = (self._texts(group), group)
            self.dataChanged.emit(self.index(0, 0), self.index(0, len(self.columns) - 1))
        else:
            group = self._start_group(record)
            self.beginInsertRows(QModelIndex(), 0, 0)
            self._rows.insert(0, (self._texts(group), group))
            self.endInsertRows()
        if self.total >= 0:
            self.total += 1
            self.count_changed.emit(self.total)
        return record

    def _name_customers_of(self, records: dict[int, dict]) -> None:
        """Notifications put on top without a reload read as their customers once a worker has found them."""
        generation = self._generation
        wanted = [dict(record) for record in records.values()]

        def look_up() -> list[dict]:
            attach_customers(wanted)
            return wanted

        def arrived(found: list[dict]) -> None:
            if generation != self._generation:
                return
            for record in found:
                notification_id = record["id"]
                row = self.row_of_id(notification_id)
                if row < 0 or not record.get("customer_id"):
                    continue
                target = self._rows[row][1]
                if target.get("id") != notification_id:
                    continue  # a burst led by a newer notification now: it reads as that one
                target["customer_id"], target["customer_name"] = record["customer_id"], record["customer_name"]
                self._rows[row] = (self._texts(target), target)
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.columns) - 1))
                self.customer_found.emit(notification_id)

        self.runner.run(look_up, arrived)


class NotificationsPage(TablePage[NotificationsTableModel]):
    settings_key = "notifications"
    title_text = QT_TRANSLATE_NOOP("NotificationsPage", "Notifications")
    icon = QStyle.StandardPixmap.SP_MessageBoxInformation
    shows = frozenset({Kind.NOTIFICATION})
    column_widths = (130, 90, 170, 200, 300)
    subject_opened = Signal(str, int)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None):
        super().__init__(ctx, NotificationsTableModel(ctx.runner), parent, search_placeholder=self.tr("Title or text"))
        self.kind_labels = self.model.kind_labels
        self.show_filter = self.add_filter(
            self.tr("Show"),
            [(self.tr("All"), "all"), (self.tr("Unread"), "unread"), (self.tr("Archived"), "archived")],
            "show",
        )
        self.show_filter.setToolTip(self.tr("Archived: read notifications older than the keeping time set in Settings"))
        self.kind_filter = self.add_filter(
            self.tr("Kind"), [(self.tr("All"), "")] + [(self.kind_labels.get(k, k), k) for k in KINDS], "kind"
        )
        self.unread_label = QLabel(self)
        self.unread_label.setObjectName("unreadCount")
        self.filter_bar.addWidget(self.unread_label)

        self.open_button = QPushButton(self.tr("Open subject"), self)
        self.mark_read_button = QPushButton(self.tr("Mark read"), self)
        self.mark_all_button = QPushButton(self.tr("Mark all read"), self)
        for button in (self.open_button, self.mark_read_button, self.mark_all_button):
            self.actions_bar.addWidget(button)
        self.actions_bar.addStretch(1)
        self.open_button.clicked.connect(self.on_open_clicked)
        self.mark_read_button.clicked.connect(self.on_mark_read_clicked)
        self.mark_all_button.clicked.connect(self.on_mark_all_clicked)
        self.open_button.setToolTip(self.tr("Show what the notification is about (Enter or double-click)"))
        self.mark_read_button.setShortcut(QKeySequence("Ctrl+M"))
        self.guard(self.mark_all_button, "notification.read")
        self.table.activated.connect(self.on_row_activated)
        self.detail.anchorClicked.connect(self.on_detail_link_clicked)
        self.model.customer_found.connect(self.on_customer_found)
        self.on_selection([])
        # A burst too big to put on top row by row reloads the panel, at most once a BURST_RELOAD_MS.
        self._burst_reload = QTimer(self)
        self._burst_reload.setSingleShot(True)
        self._burst_reload.setInterval(BURST_RELOAD_MS)
        self._burst_reload.timeout.connect(self.reload_soon)
        ctx.bridge.notifications_posted.connect(self.on_notifications_posted)
        ctx.bridge.unread_count_changed.connect(self.on_unread_count_changed)

    def on_shown(self) -> None:
        first = not self.loaded
        super().on_shown()
        if first:
            self.ctx.bridge.refresh_unread()

    @Slot(int)
    def on_unread_count_changed(self, count: int) -> None:
        self.unread_label.setText(self.tr("%n unread", "", count))

    @Slot(object)
    def on_notifications_posted(self, infos: tuple[NotificationInfo, ...]) -> None:
        if not self.loaded:
            return
        if len(infos) > ONE_BY_ONE or self._burst_reload.isActive():
            if not self._burst_reload.isActive():
                self._burst_reload.start()
        elif not self.model.add_posted_burst(infos):
            self.reload_soon()

    # --- selection and detail ---------------------------------------------------------

    @Slot(int)
    def on_customer_found(self, notification_id: int) -> None:
        record = self.current_record()
        if record is not None and len(self.selected_records()) == 1 and record.get("id") == notification_id:
            self.detail.setHtml(self.render_notification(record))

    def on_selection(self, records: list[dict]) -> None:
        unread = [r for r in records if r.get("read_at") is None]
        reason = self.refusal_reason("notification.read")
        self.mark_read_button.setEnabled(bool(unread) and reason is None)
        self.mark_read_button.setToolTip(
            reason
            or (
                self.tr("Mark the selected notifications read (Ctrl+M)")
                if unread
                else self.tr("Select unread notifications")
            )
        )
        one = records[0] if len(records) == 1 else None
        self.open_button.setEnabled(
            bool(one and one.get("subject_type") in SUBJECT_TYPES and one.get("subject_id") is not None)
        )
        if one is None:
            self.show_hint(
                self.tr("%n notification(s) selected", "", len(records))
                if records
                else self.tr("Select a notification to read it.")
            )
            return
        self.detail.setHtml(self.render_notification(one))

    def render_notification(self, record: dict) -> str:
        esc = html.escape
        severity = record.get("severity") or "info"
        colour = SEVERITY_COLOURS.get(severity, "inherit")
        read = (
            self.tr("read %s") % minute_text(record["read_at"])
            if record.get("read_at")
            else "<b>" + self.tr("unread") + "</b>"
        )
        severity_text = esc(self.model.severity_labels.get(severity, severity))
        title, body = shown_text(record)
        count = len(record.get("group_ids") or ())
        parts = []
        if count > 1:
            since = record.get("oldest_at")
            span = f"{since:%H:%M:%S}–{record['created_at']:%H:%M:%S}" if isinstance(since, datetime) else ""
            parts.append(f"<h3>{esc(burst_title(record['kind'], count))}</h3>")
            parts.append(
                "<p>"
                + esc(
                    self.tr("%n notification(s) of this kind came within a minute (%s); the latest:", "", count) % span
                )
                + "</p>"
            )
        parts += [
            f"<h3>{esc(title)}</h3>",
            f"<p><span style='color:{colour}'><b>{severity_text}</b></span> · "
            f"{esc(self.kind_labels.get(record['kind'], record['kind']))} · {_time_text(record)} · {read}</p>",
            "<p>" + esc(body).replace("\n", "<br>") + "</p>",
        ]
        subject_type, subject_id = record.get("subject_type"), record.get("subject_id")
        if subject_type and subject_id is not None:
            about = esc(self.tr("About"))
            label = esc(_subject_label(record))
            if subject_type == "renewal_pass":
                label = esc(self.tr("the invoices of this renewal pass"))
            if subject_type in SUBJECT_TYPES:
                label = f"<a href='subject:{esc(subject_type)}:{int(subject_id)}'>{label}</a>"
            customer_id, name = record.get("customer_id"), record.get("customer_name")
            if customer_id and name:  # the customer's name first, linking to their page
                who = customer_anchor(CustomerRef(int(customer_id), name))
                label = who if subject_type == "customer" else f"{who} · {label}"
            parts.append(f"<p>{about}: {label}</p>")
        return "".join(parts)

    # --- opening the subject ------------------------------------------------------------

    @Slot(QModelIndex)
    def on_row_activated(self, index: QModelIndex) -> None:
        record = self.model.record_at(index.row())
        if record is not None:
            self.open_record(record)

    @Slot()
    def on_open_clicked(self) -> None:
        record = self.current_record()
        if record is not None:
            self.open_record(record)

    @Slot(QUrl)
    def on_detail_link_clicked(self, url: QUrl) -> None:
        if follow_customer_link(self, url):
            return
        parts = url.toString().split(":")
        if len(parts) == 3 and parts[0] == "subject" and parts[2].isdigit():
            self.open_subject_of(parts[1], int(parts[2]))

    def open_record(self, record: dict) -> None:
        if unread_ids(record) and self.ctx.can("notification.read"):
            self.mark_read(unread_ids(record), quiet=True)
        subject_type, subject_id = record.get("subject_type"), record.get("subject_id")
        if subject_type in SUBJECT_TYPES and subject_id is not None:
            self.open_subject_of(subject_type, int(subject_id))

    def open_subject_of(self, subject_type: str, subject_id: int) -> None:
        self.subject_opened.emit(subject_type, subject_id)
        from ui.main_window import MainWindow

        window = self.window()
        if isinstance(window, MainWindow):
            window.open_subject(subject_type, subject_id)

    # --- marking read -------------------------------------------------------------------

    def mark_read(self, ids: list[int], quiet: bool = False) -> None:
        core, actor = self.ctx.core, self.ctx.actor
        self.run_task(
            lambda: core.notifications.mark_read(actor, ids),
            done_text=None if quiet else (lambda n: self.tr("Marked %n notification(s) read", "", n)),
            changes=MARKED_READ,
        )

    @Slot()
    def on_mark_read_clicked(self) -> None:
        ids = [i for r in self.selected_records() for i in unread_ids(r)]
        if ids:
            self.mark_read(ids)

    @Slot()
    def on_mark_all_clicked(self) -> None:
        core, actor = self.ctx.core, self.ctx.actor
        self.run_task(
            lambda: core.notifications.mark_all_read(actor),
            done_text=lambda n: self.tr("Marked %n notification(s) read", "", n),
            changes=MARKED_READ,
        )
