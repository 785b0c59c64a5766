"""Dashboard: the business at a glance — key numbers, each leading to the page behind it, and charts."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, runtime_checkable

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QFont, QFontMetrics, QPaintEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from services import lifecycle
from services.changes import Kind
from services.dashboard import EXPIRING_DAYS, DashboardData, load_dashboard
from services.money import CURRENCY_EXPONENT
from ui.context import UiContext
from ui.errors import describe
from ui.formatting import date_text, day_labels, minute_text, number_text, percent_text, whole_number_text
from ui.formatting import money_text as amount_text
from ui.pages.base import Page

if TYPE_CHECKING:
    from ui.charts import CategoryChart

__all__ = ["DashboardPage", "DashboardData", "KpiCard", "load_dashboard"]

AUTO_REFRESH_MS = 30_000
CHART_HEIGHT = 170
DEBOUNCE_MS = 800
WARNING, DANGER = "#b26a00", "#c62828"
STATUS_COLORS = {
    lifecycle.ACTIVE: "#2e7d32",
    lifecycle.PENDING: "#ef8f00",
    lifecycle.CANCELED: "#78909c",
    lifecycle.EXPIRED: "#c62828",
}

CARD_STYLE = """
QFrame#kpiCard, QFrame#chartPanel {
    border: 1px solid palette(mid); border-radius: 6px; background: palette(base);
}
QFrame#kpiCard:hover, QFrame#kpiCard:focus { border: 1px solid palette(highlight); }
QLabel#kpiCaption, QLabel#kpiDetail { color: palette(placeholder-text); }
"""


def money_text(pairs: tuple[tuple[str, int], ...]) -> str:
    if not pairs:
        return amount_text(0, "USD")
    return " · ".join(amount_text(minor, currency) for currency, minor in pairs)


def wrap_words(text: str) -> str:
    """A label on two lines, split at the space nearest its middle."""
    spaces = [i for i, ch in enumerate(text) if ch == " "]
    if not spaces:
        return text
    middle = min(spaces, key=lambda i: abs(i - len(text) / 2))
    return text[:middle] + "\n" + text[middle + 1 :]


class KpiCard(QFrame):
    """A framed number with a caption; clicking it (or Enter) opens the page behind it."""

    clicked = Signal()

    def __init__(self, caption: str, hint: str, parent=None):
        super().__init__(parent)
        self.setObjectName("kpiCard")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setToolTip(hint)
        self.value_label = QLabel("—", self)
        self.value_label.setObjectName("kpiValue")
        font = QFont(self.value_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.9)
        font.setBold(True)
        self.value_label.setFont(font)
        self.caption_label = QLabel(caption, self)
        self.caption_label.setObjectName("kpiCaption")
        self.detail_label = QLabel(self)
        self.detail_label.setObjectName("kpiDetail")
        for label in (self.value_label, self.caption_label, self.detail_label):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.setSpacing(2)
        layout.addWidget(self.caption_label)
        layout.addWidget(self.value_label)
        layout.addWidget(self.detail_label)
        self.setMinimumHeight(92)

    def set_value(self, text: str, detail: str = "", color: str | None = None) -> None:
        self.value_label.setText(text)
        self.value_label.setStyleSheet(f"color: {color};" if color else "")
        self.detail_label.setText(detail)

    @property
    def value_text(self) -> str:
        return self.value_label.text()

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(event.position().toPoint()):
            self.clicked.emit()
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.clicked.emit()
            return
        super().keyPressEvent(event)


class ChartPanel(QFrame):
    """A chart under its title; until the chart is made, the room it will take."""

    def __init__(self, title: str, parent: QWidget):
        super().__init__(parent)
        self.setObjectName("chartPanel")
        self.heading = QLabel(title, self)
        self.heading.setObjectName("chartTitle")
        font = QFont(self.heading.font())
        font.setBold(True)
        self.heading.setFont(font)
        self.room = QWidget(self)  # where the chart goes
        self.room.setMinimumHeight(CHART_HEIGHT)
        self.box = QVBoxLayout(self)
        self.box.setContentsMargins(12, 8, 12, 8)
        self.box.addWidget(self.heading)
        self.box.addWidget(self.room, 1)

    def put(self, chart: CategoryChart) -> None:
        """Show ``chart`` where the room was kept for it, laid out at once."""
        self.box.replaceWidget(self.room, chart)
        self.room.deleteLater()
        chart.setVisible(not self.isHidden())
        self.box.activate()


@runtime_checkable
class PageNavigator(Protocol):
    """The window a card opens its page in (MainWindow)."""

    def page_named(self, class_name: str) -> QWidget | None: ...

    def show_page(self, page_type: type) -> object: ...


class DashboardPage(Page):
    title_text = QT_TRANSLATE_NOOP("DashboardPage", "Dashboard")
    icon = QStyle.StandardPixmap.SP_ComputerIcon
    shows = frozenset({Kind.SUBSCRIPTION, Kind.WALLET, Kind.INVOICE, Kind.ERROR_ITEM})
    reload_delay_ms = DEBOUNCE_MS
    poll_ms = AUTO_REFRESH_MS  # the figures move with time as well as with changes
    card_activated = Signal(str)  # the key of the card the operator opened
    charts_made = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.setStyleSheet(CARD_STYLE)
        self.data: DashboardData | None = None
        self._loading = False
        self._again = False

        # key: the page behind it, filters to apply there
        self.targets: dict[str, tuple[str, dict[str, str | bool | None]]] = {
            "active": ("SubscriptionsPage", {"status": lifecycle.ACTIVE, "renews_soon": False}),
            "pending": ("SubscriptionsPage", {"status": lifecycle.PENDING, "renews_soon": False}),
            "expiring": ("SubscriptionsPage", {"status": None, "renews_soon": False}),
            "float": ("WalletsPage", {}),
            "revenue": ("WalletsPage", {}),
            "errors": ("ErrorQueuePage", {"status": "open"}),
            "gateway": ("SchedulerPage", {}),
        }
        captions = {
            "active": (self.tr("Active subscriptions"), self.tr("Open the active subscriptions")),
            "pending": (self.tr("Pending renewal"), self.tr("Open the subscriptions waiting for funds")),
            "expiring": (
                self.tr("Expiring this week"),
                self.tr("Active or canceled subscriptions whose period ends within %d days") % EXPIRING_DAYS,
            ),
            "float": (self.tr("Wallet float"), self.tr("The sum of all wallet balances; open the wallets")),
            "revenue": (
                self.tr("Revenue this month"),
                self.tr("Renewal and usage charges this calendar month (UTC), less refunds of charges"),
            ),
            "errors": (self.tr("Unresolved errors"), self.tr("Items retrying or waiting for an operator")),
            "gateway": (
                self.tr("Gateway success, 24 h"),
                self.tr("Succeeded charges ÷ all charge attempts the gateway recorded in the last 24 hours"),
            ),
        }
        self.cards: dict[str, KpiCard] = {}
        cards_rows = QVBoxLayout()
        cards_rows.setSpacing(10)
        for keys in (("active", "pending", "expiring", "errors"), ("revenue", "float", "gateway")):
            row = QHBoxLayout()
            row.setSpacing(10)
            for key in keys:
                caption, hint = captions[key]
                card = KpiCard(caption, hint, self)
                card.clicked.connect(lambda key=key: self.on_card_clicked(key))
                self.cards[key] = card
                row.addWidget(card, 1)
            cards_rows.addLayout(row)

        # The charts are made once the first figures are on screen: pyqtgraph takes longer to import
        # than the rest of the page takes to show (see ``charts``).
        self._charts: tuple[CategoryChart, CategoryChart, CategoryChart] | None = None
        self._charts_due = False  # the first load is over: the charts are made after the next paint
        self.revenue_panel = ChartPanel(self.tr("Revenue by day, last 30 days"), self)
        self.status_panel = ChartPanel(self.tr("Subscriptions by status"), self)
        self.errors_panel = ChartPanel(self.tr("Open error items at the end of each day"), self)
        charts = QGridLayout()
        charts.setSpacing(10)
        charts.addWidget(self.revenue_panel, 0, 0)
        charts.addWidget(self.status_panel, 0, 1)
        charts.addWidget(self.errors_panel, 1, 0, 1, 2)
        charts.setColumnStretch(0, 3)
        charts.setColumnStretch(1, 2)

        self.updated_label = QLabel(self)
        self.updated_label.setObjectName("updatedLabel")
        self.updated_label.setTextFormat(Qt.TextFormat.PlainText)  # it may carry an error message
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.refresh_button.clicked.connect(self.on_refresh_clicked)
        header = QHBoxLayout()
        header.addWidget(self.updated_label, 1)
        header.addWidget(self.refresh_button)

        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addLayout(cards_rows)
        layout.addLayout(charts, 1)

        ctx.bridge.notifications_posted.connect(self.on_notifications_posted)

    # --- the charts, made late ------------------------------------------------------

    @property
    def revenue_chart(self) -> CategoryChart:
        return self.charts()[0]

    @property
    def status_chart(self) -> CategoryChart:
        return self.charts()[1]

    @property
    def errors_chart(self) -> CategoryChart:
        return self.charts()[2]

    @property
    def has_charts(self) -> bool:
        return self._charts is not None

    def charts(self) -> tuple[CategoryChart, CategoryChart, CategoryChart]:
        """The revenue, status and errors charts, made now if they were not yet (importing pyqtgraph)."""
        if self._charts is None:
            from ui.charts import CategoryChart

            revenue = CategoryChart(self.revenue_panel, style="bars", color="#3d7bd9", axis_format=whole_number_text)
            status = CategoryChart(self.status_panel, style="bars")
            status.setObjectName("statusChart")
            errors = CategoryChart(self.errors_panel, style="line", color=DANGER)
            self._charts = (revenue, status, errors)
            panels = (self.revenue_panel, self.status_panel, self.errors_panel)
            for panel, chart in zip(panels, self._charts, strict=True):
                panel.put(chart)
            if self.data is not None:
                self._show_charts(self.data)
            self.charts_made.emit()
        return self._charts

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        super().paintEvent(event)
        if self._charts_due and self._charts is None:
            self._charts_due = False
            QTimer.singleShot(0, self.charts)  # once this paint is on screen

    def _load_over(self) -> None:
        """The first figures (or the error) are shown: the charts follow once they are painted."""
        if self._charts is None and not self._charts_due:
            self._charts_due = True
            self.update()

    # --- when to load ---------------------------------------------------------------

    @Slot(object)
    def on_notifications_posted(self, _infos: object) -> None:
        self.reload_soon()

    def poll(self) -> None:
        """The timer's reload, unless this desk's own job is running: its figures are in flux and its
        end reloads them; a reload now would only compete with it for the GIL."""
        if not self.ctx.bridge.jobs_running:
            super().poll()

    @Slot()
    def on_refresh_clicked(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        super().refresh()
        if self._loading:
            self._again = True
            return
        self._loading = True
        clock = self.ctx.core.clock
        self.ctx.runner.run(lambda: load_dashboard(clock), self._on_loaded, self._on_load_failed)

    def _on_loaded(self, data: DashboardData) -> None:
        self._loading = False
        self.show_data(data)
        self._load_over()
        self._after_load()

    def _on_load_failed(self, error: BaseException) -> None:
        self._loading = False
        # Said quietly in the header: a failing 30-second refresh must not pile up message boxes.
        self.updated_label.setText(self.tr("Could not load the numbers: %s") % describe(error))
        self.updated_label.setStyleSheet(f"color: {DANGER};")
        self._load_over()
        self._after_load()

    def _after_load(self) -> None:
        if self._again:
            self._again = False
            self.refresh()

    # --- showing ------------------------------------------------------------------------

    def show_data(self, data: DashboardData) -> None:
        self.data = data
        self.updated_label.setStyleSheet("")
        self.updated_label.setText(self.tr("Figures as of %s UTC") % minute_text(data.as_of))
        cards = self.cards
        cards["active"].set_value(
            number_text(data.active),
            self.tr("%n subscription(s) in all", "", sum(n for _, n in data.subscriptions_by_status)),
        )
        cards["pending"].set_value(
            number_text(data.pending_renewal),
            self.tr("waiting for a top-up"),
            WARNING if data.pending_renewal else None,
        )
        cards["expiring"].set_value(number_text(data.expiring_this_week), self.tr("within %d days") % EXPIRING_DAYS)
        cards["float"].set_value(money_text(data.wallet_float), self.tr("held in customer wallets"))
        cards["revenue"].set_value(
            money_text(data.revenue_this_month), self.tr("since %s") % date_text(data.as_of.replace(day=1))
        )
        cards["errors"].set_value(
            number_text(data.unresolved_errors),
            self.tr("%1 retrying · %2 manual")
            .replace("%1", str(data.errors_retrying))
            .replace("%2", str(data.errors_manual)),
            DANGER if data.errors_manual else (WARNING if data.errors_retrying else None),
        )
        rate = data.gateway_success_rate
        if rate is None:
            cards["gateway"].set_value(self.tr("no traffic"), self.tr("no charges in the last 24 h"))
        else:
            color = DANGER if rate < 0.8 else (WARNING if rate < 0.95 else None)
            cards["gateway"].set_value(
                percent_text(rate),
                self.tr("%1 of %2 charges")
                .replace("%1", number_text(data.gateway_succeeded_24h))
                .replace("%2", number_text(data.gateway_attempts_24h)),
                color,
            )
        if self._charts is not None:
            self._show_charts(data)

    def _show_charts(self, data: DashboardData) -> None:
        days = day_labels(data.days)
        title = self.tr("Revenue by day, last 30 days")
        if data.revenue_by_day:
            currency, minors = max(data.revenue_by_day, key=lambda series: sum(series[1]))
            if len(data.revenue_by_day) > 1:
                title += " " + self.tr("(%s; other currencies are not drawn)") % currency
        else:
            currency, minors = "USD", (0,) * len(data.days)
        scale = 10 ** CURRENCY_EXPONENT.get(currency, 2)
        self.revenue_panel.heading.setText(title)
        self.revenue_chart.value_format = lambda value: amount_text(round(value * scale), currency)
        self.revenue_chart.set_data(days, [m / scale for m in minors], label_every=5)

        names = {
            lifecycle.ACTIVE: self.tr("Active"),
            lifecycle.PENDING: self.tr("Pending renewal"),
            lifecycle.CANCELED: self.tr("Canceled"),
            lifecycle.EXPIRED: self.tr("Expired"),
        }
        statuses = [status for status, _ in data.subscriptions_by_status]
        labels = [names.get(s, s) for s in statuses]
        self.status_chart.set_data(
            labels,
            [n for _, n in data.subscriptions_by_status],
            colors=[STATUS_COLORS.get(s, "#3d7bd9") for s in statuses],
        )
        self._fit_status_labels()
        self.errors_chart.set_data(days, list(data.open_errors_by_day), label_every=5)

    def _fit_status_labels(self) -> None:
        """Status names that do not fit under their bar wrap onto a second line ("Pending / renewal")."""
        chart = self.status_chart
        labels = chart.labels
        if not labels:
            return
        axis = chart.getPlotItem().getAxis("bottom")
        font = QFont(chart.font())
        metrics = QFontMetrics(font)
        room = max(1, chart.getPlotItem().vb.width()) / len(labels) - 6
        wrapped = [label if metrics.horizontalAdvance(label) <= room else wrap_words(label) for label in labels]
        widest = max(metrics.horizontalAdvance(line) for text in wrapped for line in text.split("\n"))
        if widest > room:  # one long word (a language's status name): a smaller type, down to 75 %
            font.setPointSizeF(font.pointSizeF() * max(0.75, room / widest))
            metrics = QFontMetrics(font)
        axis.setStyle(tickFont=font)
        lines = max(text.count("\n") + 1 for text in wrapped)
        axis.setTicks([list(enumerate(wrapped))])
        axis.setHeight(12 + metrics.height() * lines)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if self.data is not None and self._charts is not None:
            self._fit_status_labels()

    # --- going to the page behind a card -----------------------------------------------

    def on_card_clicked(self, key: str) -> None:
        self.card_activated.emit(key)
        page_name, filters = self.targets[key]
        window = self.window()
        if not isinstance(window, PageNavigator):
            return
        page = window.page_named(page_name)
        if page is None:
            return
        window.show_page(type(page))
        for name, value in filters.items():  # the filter widgets TablePage pages name filter_<key>
            widget = page.findChild(QWidget, f"filter_{name}")
            if isinstance(widget, QComboBox):
                index = widget.findData(value)
                if index >= 0:
                    widget.setCurrentIndex(index)
            elif isinstance(widget, QAbstractButton) and widget.isCheckable():
                widget.setChecked(bool(value))
