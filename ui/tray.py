"""The system tray: an icon with the unread count, one popup per burst of notifications, a menu."""

from __future__ import annotations

import html
import sys

from PySide6.QtCore import QElapsedTimer, QObject, QRect, QRectF, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QColor, QFont, QGuiApplication, QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from resources import icon_file
from services.notifications import NotificationInfo
from ui.notice_text import SEVERITY_RANK, burst_title, render, worst
from ui.tasks import TaskRunner

BURST_GATHER_MS = 400  # the first notice of a burst pops up this soon, with whatever came with it
BURST_QUIET_MS = 4000  # after a popup, what follows is gathered until it has been quiet this long
BURST_LONGEST_MS = 30_000  # ... but a steady stream still pops up at least this often

SEVERITY_ICON = {
    "info": QSystemTrayIcon.MessageIcon.Information,
    "warning": QSystemTrayIcon.MessageIcon.Warning,
    "error": QSystemTrayIcon.MessageIcon.Critical,
}


ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)

# Qt hands popups to the desktop's notification service over D-Bus when this service runs (QDBusTrayIcon).
STATUS_NOTIFIER_WATCHER = "org.kde.StatusNotifierWatcher"


def desktop_notifications_read_markup() -> bool:
    """Whether a popup's body goes to org.freedesktop.Notifications, which may read it as markup.

    Qt's own popup (Windows, macOS, an X11 tray without D-Bus) shows its text plain. On Linux and the
    BSDs Qt uses the D-Bus tray when a StatusNotifierWatcher is registered on the session bus, and
    passes the body unchanged to the notification service; GNOME, KDE Plasma and most others read
    <b>, <a href> and <img src> in it. Asked once per tray, as Qt itself asks when it builds the icon.
    """
    if sys.platform in ("win32", "darwin") or QGuiApplication.platformName() not in ("xcb", "wayland"):
        return False
    try:
        from PySide6.QtDBus import QDBusConnection
    except ImportError:  # a Qt without D-Bus has no D-Bus tray either
        return False
    bus = QDBusConnection.sessionBus()
    if not bus.isConnected():
        return False
    interface = bus.interface()
    if interface is None:
        return False
    reply = interface.isServiceRegistered(STATUS_NOTIFIER_WATCHER)
    return bool(reply.value()) if reply.isValid() else False


def popup_body(text: str, *, reads_markup: bool) -> str:
    """``text`` as a popup's body shows it literally: escaped for a service that reads markup, as it is otherwise."""
    return html.escape(text, quote=True) if reads_markup else text


def icon_pixmap(size: int) -> QPixmap:
    """The shipped application icon drawn at one size; QtSvg alone, no image plugin needed."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(icon_file())).render(painter, QRectF(0, 0, size, size))
    painter.end()
    return pixmap


def app_icon() -> QIcon:
    """The window's and the tray's icon, sharp at every size the desktop asks for."""
    icon = QIcon()
    for size in ICON_SIZES:
        icon.addPixmap(icon_pixmap(size))
    return icon


def badge_icon(count: int, size: int = 64) -> QIcon:
    """The app icon with the unread count painted in a red badge."""
    pixmap = icon_pixmap(size)
    if count > 0:
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text = "99+" if count > 99 else str(count)
        painter.setBrush(QColor("#d32f2f"))
        painter.setPen(Qt.PenStyle.NoPen)
        badge = int(size * 0.55)
        painter.drawEllipse(size - badge, 0, badge, badge)
        painter.setPen(QColor("white"))
        font = QFont()
        font.setBold(True)
        font.setPixelSize(int(badge * (0.5 if len(text) < 3 else 0.38)))
        painter.setFont(font)
        painter.drawText(QRect(size - badge, 0, badge, badge), Qt.AlignmentFlag.AlignCenter, text)
        painter.end()
    return QIcon(pixmap)


class Burst:
    """The notifications gathered for the next popup, kept as counts and the newest of each kind.

    Adding one costs the same however many came before: a renewal pass may post thousands.
    """

    def __init__(self) -> None:
        self.count = 0
        self.first: NotificationInfo | None = None
        # (severity, kind) -> how many, and the newest of them; in the order they first came
        self._kinds: dict[tuple[str, str], tuple[int, NotificationInfo]] = {}

    def add(self, info: NotificationInfo) -> None:
        self.count += 1
        if self.first is None:
            self.first = info
        key = (info.severity, info.kind)
        count, newest = self._kinds.get(key, (0, info))
        self._kinds[key] = (count + 1, info if info.id >= newest.id else newest)

    def holds(self, info: NotificationInfo) -> bool:
        """Whether ``info`` is the burst's only notification so far."""
        return self.count == 1 and self.first is not None and self.first.id == info.id

    def leading(self) -> tuple[str, str, int, NotificationInfo]:
        """The highest severity; of its notifications the most frequent kind (the first to come on a
        tie), how many of that kind came, and the newest of them."""
        severity = worst([severity for severity, _ in self._kinds])
        rank = SEVERITY_RANK.get(severity, 0)
        by_kind: dict[str, tuple[int, NotificationInfo]] = {}
        for (seen_severity, kind), (count, newest) in self._kinds.items():
            if SEVERITY_RANK.get(seen_severity, 0) != rank:
                continue
            total, latest = by_kind.get(kind, (0, newest))
            by_kind[kind] = (total + count, newest if newest.id >= latest.id else latest)
        kind, (count, newest) = max(by_kind.items(), key=lambda item: item[1][0])
        return severity, kind, count, newest


class TrayController(QObject):
    """Shown only where a system tray exists; the in-app panel works either way."""

    open_requested = Signal()
    run_renewals_requested = Signal()
    pause_requested = Signal(bool)  # True: pause, False: resume
    quit_requested = Signal()
    message_shown = Signal(str, str)  # title, body: what was popped up
    subject_requested = Signal(str, int)

    def __init__(
        self, parent: QObject | None = None, *, gather_ms: int = BURST_GATHER_MS, quiet_ms: int = BURST_QUIET_MS
    ):
        super().__init__(parent)
        self.available = QSystemTrayIcon.isSystemTrayAvailable()
        self.icon: QSystemTrayIcon | None = None
        self._last_subject: tuple[str, int] | None = None
        self._burst = Burst()  # notifications waiting for the next popup
        self._since_popup = QElapsedTimer()
        self._runner: TaskRunner | None = None
        self._customers: dict[int, str] = {}  # notification id -> the name of the customer it is about
        self._gather = QTimer(self)
        self._gather.setSingleShot(True)
        self._gather.setInterval(gather_ms)
        self._gather.timeout.connect(self.flush)
        self._quiet = QTimer(self)  # running while a popup was just shown
        self._quiet.setSingleShot(True)
        self._quiet.setInterval(quiet_ms)
        self._quiet.timeout.connect(self._on_quiet_over)
        self.unread = 0
        self.storage_problem: str | None = None  # what stops writes to the database, while it lasts
        self.menu = QMenu()
        self.open_action = QAction(self.tr("Open Subscriptions Admin"), self)
        self.renew_action = QAction(self.tr("Run renewals now"), self)
        self.pause_action = QAction(self.tr("Pause scheduler…"), self)
        self.paused = False
        self.quit_action = QAction(self.tr("Quit"), self)
        for action in (self.open_action, self.renew_action, self.pause_action, self.quit_action):
            self.menu.addAction(action)
        self.open_action.triggered.connect(self.open_requested)
        self.renew_action.triggered.connect(self.run_renewals_requested)
        self.pause_action.triggered.connect(lambda: self.pause_requested.emit(not self.paused))
        self.quit_action.triggered.connect(self.quit_requested)
        self._reads_markup: bool | None = None  # asked at the first popup
        if self.available:
            self.icon = QSystemTrayIcon(badge_icon(0), self)
            self.icon.setContextMenu(self.menu)
            self.icon.setToolTip(self.tr("Subscriptions Admin"))
            self.icon.activated.connect(self.on_icon_activated)
            self.icon.messageClicked.connect(self.on_message_clicked)
            self.icon.show()

    @property
    def visible(self) -> bool:
        return self.icon is not None and self.icon.isVisible()

    @Slot(int)
    def on_unread_count_changed(self, count: int) -> None:
        self.unread = count
        if self.icon is not None:
            self.icon.setIcon(badge_icon(count))
            tooltip = self.tr("Subscriptions Admin — %n unread", "", count)
            if self.storage_problem:
                tooltip = self.tr("The database cannot be written") + "\n" + tooltip
            self.icon.setToolTip(tooltip)

    def name_customers_with(self, runner: TaskRunner) -> None:
        """A popup of a single notice names the customer it is about, found on ``runner``'s workers while
        the burst gathers (a popup that cannot wait for the name goes without it)."""
        self._runner = runner

    @Slot(object)
    def on_notification_posted(self, info) -> None:
        """Gather one notification into the current burst."""
        self.on_notifications_posted((info,))

    @Slot(object)
    def on_notifications_posted(self, infos) -> None:
        """Gather them into the current burst; the burst pops up as one summary (``flush``).

        After a popup, what keeps coming is gathered until it has been quiet for ``quiet_ms``
        (but not for longer than ``BURST_LONGEST_MS``), so a renewal pass posting thousands
        pops up twice: at its first notices, and with the rest once it is over."""
        if not infos:
            return
        first_of_burst = self._burst.count == 0
        for info in infos:
            self._burst.add(info)
        if first_of_burst and len(infos) == 1:  # only a popup of one shows a name: a burst's first is looked up
            self._look_up_customer(infos[0])
        if self._quiet.isActive():
            if self._since_popup.elapsed() + self._quiet.interval() <= BURST_LONGEST_MS:
                self._quiet.start()  # the burst goes on: its summary waits for its end
        elif not self._gather.isActive():
            self._gather.start()

    def _look_up_customer(self, info) -> None:
        if self._runner is None or not info.subject_type or info.subject_id is None:
            return
        from services.subject_owners import customers_of  # not before the sign-in dialog shows

        key = (info.subject_type, info.subject_id)

        def arrived(owners: dict) -> None:
            if key in owners and self._burst.holds(info):
                self._customers[info.id] = owners[key].name

        self._runner.run(lambda: customers_of([key]), arrived)

    @Slot()
    def _on_quiet_over(self) -> None:
        if self._burst.count:
            self.flush()

    @Slot()
    def flush(self) -> None:
        """Pop up what was gathered as one message, led by its highest severity, with the count."""
        self._gather.stop()
        burst, self._burst = self._burst, Burst()
        if not burst.count:
            return
        title, body, severity, subject = self.summarize(burst)
        self._customers.clear()
        if subject is not None:
            self._last_subject = subject
        self.message_shown.emit(title, body)
        self._since_popup.start()
        self._quiet.start()
        if self.icon is not None and QSystemTrayIcon.supportsMessages():
            icon = SEVERITY_ICON.get(severity, QSystemTrayIcon.MessageIcon.Information)
            # The body names customers and reasons as stored: never markup. (A title is plain everywhere.)
            if self._reads_markup is None:
                self._reads_markup = desktop_notifications_read_markup()
            self.icon.showMessage(title, popup_body(body, reads_markup=self._reads_markup), icon, 8000)

    @Slot(object)
    def on_storage_changed(self, problem: str | None) -> None:
        """The database cannot be written (a full or read-only disk), or can again: said at once, not gathered."""
        from ui.errors import storage_condition_text

        if problem:
            title = self.tr("The database cannot be written")
            body, icon = storage_condition_text(problem), QSystemTrayIcon.MessageIcon.Critical
        else:
            title = self.tr("The database can be written again")
            body, icon = self.tr("Waiting work goes on at the next run."), QSystemTrayIcon.MessageIcon.Information
        self.storage_problem = problem
        self.message_shown.emit(title, body)
        if self.icon is not None:
            self.on_unread_count_changed(self.unread)  # the tooltip leads with the condition while it lasts
            if QSystemTrayIcon.supportsMessages():
                self.icon.showMessage(title, body, icon, 0 if problem else 8000)

    def summarize(self, burst: Burst) -> tuple[str, str, str, tuple[str, int] | None]:
        """One popup for a burst: title, body, severity and the subject a click opens.

        The most severe notifications lead: their most frequent kind names the burst with its
        count ("7 top-ups failed within a minute"); the body says how many came in all and
        shows the newest of the leading ones. A burst of one is that notification.
        """
        severity, kind, count, newest = burst.leading()
        customer = self._customers.get(newest.id) if burst.count == 1 else None
        newest_title, newest_body = render(newest.kind, newest.params, newest.title, newest.body, customer)
        subject = (
            (newest.subject_type, newest.subject_id) if newest.subject_type and newest.subject_id is not None else None
        )
        if burst.count == 1:
            return newest_title, newest_body, severity, subject
        title = burst_title(kind, count) if count > 1 else newest_title
        parts = []
        if burst.count > count:
            parts.append(self.tr("%n notification(s) in all", "", burst.count))
        parts.append(self.tr("Latest: %s") % newest_title if count > 1 else newest_body)
        return title, " · ".join(parts), severity, subject

    def set_paused(self, paused: bool) -> None:
        self.paused = paused
        self.pause_action.setText(self.tr("Resume scheduler…") if paused else self.tr("Pause scheduler…"))

    def allow(self, *, run: str | None, pause: str | None) -> None:
        """Enable the scheduler actions this operator may use; a refusal becomes the tooltip."""
        for action, refusal in ((self.renew_action, run), (self.pause_action, pause)):
            action.setEnabled(refusal is None)
            action.setToolTip(refusal or "")

    @Slot(QSystemTrayIcon.ActivationReason)
    def on_icon_activated(self, reason) -> None:
        if reason in (QSystemTrayIcon.ActivationReason.Trigger, QSystemTrayIcon.ActivationReason.DoubleClick):
            self.open_requested.emit()

    @Slot()
    def on_message_clicked(self) -> None:
        self.open_requested.emit()
        if self._last_subject:
            self.subject_requested.emit(*self._last_subject)

    def hide(self) -> None:
        if self.icon is not None:
            self.icon.hide()
