"""The failed-operations report shown above the error queue: counts, oldest age, amount at risk
and recovery rate by operation, error class or status, and the subscriptions waiting for funds."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Slot
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QLabel, QTabBar, QTableView, QVBoxLayout, QWidget

from ui.formatting import money_text
from ui.pages.base import widen_to_headings
from ui.pages.error_queue_models import format_age
from ui.pages.words import error_class_text, item_status_text, operation_text

REPORT_GROUPS = ("operation", "error_class", "status")


class FailedReportTableModel(QAbstractTableModel):
    """One grouping of RetryManager.get_failed_subscriptions_report(), display strings made on set."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.group = "operation"
        self.report: dict = {}
        self._rows: list[tuple[str, ...]] = []
        self._titles = [
            self.tr("Operation"),
            self.tr("Items"),
            self.tr("Open"),
            self.tr("Oldest open"),
            self.tr("At risk"),
            self.tr("Recovered"),
        ]
        self._group_titles = {
            "operation": self.tr("Operation"),
            "error_class": self.tr("Error class"),
            "status": self.tr("Status"),
        }

    def set_report(self, report: dict) -> None:
        self.beginResetModel()
        self.report = report or {}
        self._rows = self._build_rows()
        self.endResetModel()

    def set_group(self, group: str) -> None:
        if group not in REPORT_GROUPS:
            return
        self.beginResetModel()
        self.group = group
        self._titles[0] = self._group_titles[group]
        self._rows = self._build_rows()
        self.endResetModel()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 0)

    def _build_rows(self) -> list[tuple[str, ...]]:
        rows: list[tuple[str, ...]] = []
        for row in self.report.get(f"by_{self.group}", []):
            rate = row.get("recovery_rate")
            count = int(row.get("count", 0))
            recovered = (
                "—"
                if rate is None
                else self.tr("%d of %d (%d %%)")
                % (
                    int(row.get("recovered", 0)),
                    count,
                    int(rate * 100),  # rounded down: a share short of all never reads 100 %
                )
            )
            rows.append(
                (
                    self._group_value_text(str(row.get(self.group) or "")),
                    str(count),
                    str(row.get("open", 0)),
                    format_age(row.get("oldest_age_seconds")) or "—",
                    money_text(row.get("amount_at_risk_minor") or 0, "USD"),
                    recovered,
                )
            )
        return rows

    def _group_value_text(self, value: str) -> str:
        words = {"operation": operation_text, "error_class": error_class_text, "status": item_status_text}
        return words[self.group](value)

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._titles)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = Qt.AlignmentFlag.AlignLeft if index.column() == 0 else Qt.AlignmentFlag.AlignRight
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 4:
            return self.tr("Amounts still open, summed in minor units across currencies")
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 5:
            return self.tr("Items a retry resolved, out of all the items in this row, the open ones included")
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        # Never defer to the base class here (a PySide6 6.12.0 reference bug).
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._titles)
        ):
            return self._titles[section]
        return None

    def totals_text(self) -> str:
        totals = self.report.get("totals") or {}
        if not totals:
            return ""
        return self.tr("Open %d · retrying %d · manual %d · resolved %d · canceled %d") % (
            totals.get("open", 0),
            totals.get("retrying", 0),
            totals.get("manual", 0),
            totals.get("resolved", 0),
            totals.get("canceled", 0),
        )

    def pending_renewal_text(self) -> str:
        """The subscriptions whose renewal waits for funds: not error items, so a line of their own."""
        pending = self.report.get("pending_renewal")
        if not pending:
            return ""
        if not pending.get("count"):
            return self.tr("No subscription is waiting for funds")
        at_risk = ", ".join(
            money_text(amount, currency)
            for currency, amount in sorted((pending.get("amount_at_risk_by_currency") or {}).items())
        )
        return self.tr("Subscriptions waiting for funds: %d · oldest %s · at risk %s") % (
            pending["count"],
            format_age(pending.get("oldest_age_seconds")) or "—",
            at_risk or "—",
        )


class FailedReportPanel(QWidget):
    """Tabs for the grouping, the totals, and the report table."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("failedReport")
        self.model = FailedReportTableModel(self)
        self.tabs = QTabBar(self)
        self.tabs.setObjectName("reportTabs")
        for text in (self.tr("By operation"), self.tr("By error class"), self.tr("By status")):
            self.tabs.addTab(text)
        self.tabs.currentChanged.connect(self.on_tab_changed)
        self.totals = QLabel(self)
        self.totals.setObjectName("reportTotals")
        self.pending_renewal = QLabel(self)
        self.pending_renewal.setObjectName("reportPendingRenewal")
        self.pending_renewal.setTextFormat(Qt.TextFormat.PlainText)
        self.pending_renewal.setToolTip(self.tr("Renewals refused for lack of funds; a top-up renews them at once"))
        self.view = QTableView(self)
        self.view.setObjectName("reportTable")
        self.view.setModel(self.model)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setDefaultSectionSize(22)
        self.view.horizontalHeader().setStretchLastSection(False)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = QHBoxLayout()
        header.addWidget(QLabel("<b>" + self.tr("Failed operations") + "</b>", self))
        header.addWidget(self.tabs)
        header.addStretch(1)
        # The figures go under the tabs: beside them they would hide the tabs on a narrow window.
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(header)
        layout.addWidget(self.totals)
        layout.addWidget(self.pending_renewal)
        layout.addWidget(self.view, 1)

    @Slot(int)
    def on_tab_changed(self, index: int) -> None:
        if 0 <= index < len(REPORT_GROUPS):
            self.model.set_group(REPORT_GROUPS[index])

    def set_report(self, report: dict) -> None:
        self.model.set_report(report)
        self.totals.setText(self.model.totals_text())
        self.pending_renewal.setText(self.model.pending_renewal_text())
        self.pending_renewal.setVisible(bool(self.pending_renewal.text()))
        self.view.resizeColumnsToContents()
        widen_to_headings(self.view)
