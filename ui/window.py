"""The counter window: login/lock page, then the pages beside a navigation list, the sync
indicator always at the bottom.

Keyboard: Ctrl+1…Ctrl+7 go to the pages, Ctrl+N starts an intake, Ctrl+F finds a case, Ctrl+L
locks the counter, F5 syncs now.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.services.settings import StationSettings
from ui.devices import Devices, read_devices
from ui.i18n import Appearance, Retranslating
from ui.idle import IdleWatcher
from ui.login import LoginPage
from ui.page import Page, scrolling
from ui.session import Session

if TYPE_CHECKING:
    from ui.case_detail import CaseDetailPage
    from ui.evaluation import EvaluationWindow
    from ui.intake import IntakePage
    from ui.reports import ReportsPage
    from ui.sync_panel import SyncIndicator
    from ui.sync_service import SyncService

log = logging.getLogger(__name__)

# The pages in the navigation list, in order; "case" (a case's detail) is reached from the others.
NAV = ("dashboard", "intake", "cases", "guide", "operators", "settings", "reports")


class PageStack(QStackedWidget):
    """The pages, each in a scroll area: at 200 % and in Tibetan a page may need more room than the
    screen has, and then it scrolls instead of pushing the window off the screen.
    ``currentWidget()`` and ``setCurrentWidget()`` speak of the pages themselves."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._areas: dict[QWidget, QScrollArea] = {}

    def addWidget(self, page: QWidget) -> int:  # Qt's name
        if getattr(page, "scrolls_itself", False):
            return super().addWidget(page)  # its content scrolls, its navigation stays (ui.page.Page)
        area = scrolling(page)
        self._areas[page] = area
        return super().addWidget(area)

    def setCurrentWidget(self, page: QWidget) -> None:  # Qt's name
        super().setCurrentWidget(self._areas.get(page, page))

    def currentWidget(self) -> QWidget | None:  # Qt's name
        current = super().currentWidget()
        return current.widget() if isinstance(current, QScrollArea) else current


class _FirstPaint(QObject):
    """Calls ``then`` once, just after ``widget`` was first painted."""

    def __init__(self, widget: QWidget, then: Callable[[], object]) -> None:
        super().__init__(widget)
        self._then = then
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt's name
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._then)
        return False


def _first_size() -> QSize:
    """1280×800, or less where the screen's free area (without the taskbar) is smaller: on the
    common 1366×768 laptop the bottom row (sync status, the bundle import) must not start below
    the screen's edge."""
    wanted = QSize(1280, 800)
    screen = QGuiApplication.primaryScreen()
    return wanted if screen is None else wanted.boundedTo(screen.availableGeometry().size())


class MainWindow(Retranslating, QMainWindow):
    """The login page at once; the work area (every page, sync, evaluation) built with it, or, with
    ``defer_work`` (the program does this), once the login page is on the screen, while the clerk
    types the password: the window then opens in about the time a bare Qt window takes
    (bench/startup.py). A login before the work area is built builds it first."""

    work: QWidget | None = None

    def __init__(self, session: Session, appearance: Appearance, parent: QWidget | None = None, *,
                 defer_work: bool = False) -> None:
        super().__init__(parent)
        self.session = session
        self.appearance = appearance
        session.error_parent = self
        self.resize(_first_size())

        self._station_name = ""
        self._devices: Devices | None = None  # this device (and the others), once a login read them
        self._fresh = True  # the next login starts at the dashboard (an unlock returns where it was)
        self.login_page = LoginPage(session)
        self.login_page.done.connect(self._after_login)
        self.screens = QStackedWidget()
        self.screens.addWidget(self.login_page)
        self.setCentralWidget(self.screens)
        self.idle = IdleWatcher(session.settings.idle_lock_minutes, self)
        self.idle.idle.connect(session.lock)
        self.idle.watch()  # every window of the program: keys, mouse and wheel anywhere reset the clock
        # Dialogs (case actions, preview, …) hidden by a lock, shown again at the unlock as they were.
        self._hidden_by_lock: list[QWidget] = []

        session.locked.connect(self._on_locked)
        session.unlocked.connect(self._restore_dialogs)
        session.logged_in.connect(self._drop_dialogs)  # another operator signed in at the lock page
        session.logged_out.connect(self._on_logged_out)
        session.settings_changed.connect(self._apply_settings)
        session.busy_changed.connect(self._busy)
        if defer_work:
            self.setWindowTitle(self.tr("便民服务台"))
            _FirstPaint(self.login_page, self.ensure_work)
        else:
            self.ensure_work()
        self.screens.setCurrentWidget(self.login_page)
        self.login_page.show_login()

    def ensure_work(self) -> None:
        """Build the work area, once."""
        if self.work is not None:
            return
        from ui.case_detail import CaseDetailPage
        from ui.cases import CasesPage
        from ui.dashboard import DashboardPage
        from ui.evaluation import EvaluationWindow
        from ui.guide import GuidePage
        from ui.intake import IntakePage
        from ui.operators import OperatorsPage
        from ui.reports import ReportsPage
        from ui.settings_page import SettingsPage
        from ui.sync_panel import SyncIndicator
        from ui.sync_service import SyncService

        session = self.session
        self.intake: IntakePage = IntakePage(session)
        self.case_detail: CaseDetailPage = CaseDetailPage(session)
        self.pages: dict[str, Page] = {
            "dashboard": DashboardPage(session),
            "intake": self.intake,
            "cases": CasesPage(session),
            "guide": GuidePage(session),
            "operators": OperatorsPage(session),
            "settings": SettingsPage(session),
            "reports": ReportsPage(session),
            "case": self.case_detail,
        }
        self.stack = PageStack()
        for page in self.pages.values():
            self.stack.addWidget(page)
            page.open_case.connect(self.show_case)
            page.navigate.connect(self.go)
            page.evaluate.connect(self.ask_evaluation)

        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        for name in NAV:
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, name)
            self.nav.addItem(item)
        self.nav.currentRowChanged.connect(lambda row: self.go(NAV[row]) if row >= 0 else None)

        self.who = QLabel()
        self.language_button = QPushButton()
        self.language_button.setObjectName("languageButton")
        self.language_button.clicked.connect(self.toggle_language)
        self.lock_button = QPushButton()
        self.lock_button.clicked.connect(session.lock)
        top = QHBoxLayout()
        top.addWidget(self.who, 1)
        top.addWidget(self.language_button)
        top.addWidget(self.lock_button)

        self.sync: SyncService = SyncService(session, parent=self)
        # One source of sync state (self.sync.state): the status bar and the dashboard show the same.
        self.sync_indicator: SyncIndicator = SyncIndicator(self.sync.runner, self.sync.status, self.sync.run_now,
                                                           refresh_ms=0, ready=lambda: self.sync.station is not None,
                                                           state=self.sync.state)
        self.sync_indicator.quarantine_requested.connect(self.show_quarantine)
        self.sync_indicator.synced.connect(self.sync.report)
        dashboard = self.pages["dashboard"]
        assert isinstance(dashboard, DashboardPage)
        dashboard.follow_sync(self.sync.state)
        self.bundle_button = QPushButton()
        self.bundle_button.setObjectName("bundleButton")
        self.bundle_button.clicked.connect(self.import_bundle)

        body = QHBoxLayout()
        body.addWidget(self.nav)
        body.addWidget(self.stack, 1)
        work = QWidget()
        work.setObjectName("work")
        work_layout = QVBoxLayout(work)
        work_layout.addLayout(top)
        work_layout.addLayout(body, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.sync_indicator, 1)
        bottom.addWidget(self.bundle_button)
        work_layout.addLayout(bottom)
        self.work = work

        self.screens.addWidget(self.work)

        self.evaluation: EvaluationWindow = EvaluationWindow(session)
        self.evaluation.finished.connect(lambda _case, _level: self._back_to_clerk(after_rating=True))
        self.evaluation.closed.connect(self._back_to_clerk)
        self._shortcuts()
        self.retranslate()

    # -- keyboard ---------------------------------------------------------------------------------
    def _shortcuts(self) -> None:
        def add(keys: str | QKeySequence.StandardKey, slot: object) -> QAction:
            action = QAction(self)
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
            action.triggered.connect(slot)
            self.addAction(action)
            return action

        for i, name in enumerate(NAV, start=1):
            add(f"Ctrl+{i}", lambda _=False, n=name: self._guarded(lambda: self.go(n)))
        add("Ctrl+N", lambda: self._guarded(lambda: self.go("new_intake")))
        add("Ctrl+F", lambda: self._guarded(lambda: self.go("cases")))
        add("Ctrl+L", self.session.lock)
        add("F5", lambda: self._guarded(self.sync_indicator.sync_now))
        add("Ctrl+I", lambda: self._guarded(self.import_bundle))

    def _guarded(self, fn: Callable[[], object]) -> None:
        if self.session.station is not None and not self.session.is_locked:
            fn()

    # -- texts ------------------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:  # Qt's name (LanguageChange: Retranslating)
        if event.type() == QEvent.Type.FontChange and self.work is not None:
            self._fit_nav()
            QTimer.singleShot(0, self, self._fit_nav)  # again once the style sheet's size reached the list
            # (with the window as the timer's context: a window deleted meanwhile is not called)
        super().changeEvent(event)

    def _fit_nav(self) -> None:
        """The navigation list as wide as its longest name at the list's own font (language and font
        scale change it): never a sideways scroll bar under the page names."""
        if self.work is None or not shiboken6.isValid(self.nav):  # (a window being deleted)
            return
        fm = self.nav.fontMetrics()
        widest = max((fm.horizontalAdvance(self.nav.item(r).text()) for r in range(self.nav.count())), default=0)
        widest = max(widest, self.nav.sizeHintForColumn(0))
        self.nav.setFixedWidth(widest + 4 * self.nav.frameWidth() + fm.height())

    def retranslate(self) -> None:
        self._show_title()
        if self.work is None:
            return
        names = {
            "dashboard": self.tr("工作台  Ctrl+1"),
            "intake": self.tr("受理  Ctrl+2"),
            "cases": self.tr("办件查询  Ctrl+3"),
            "guide": self.tr("事项指南  Ctrl+4"),
            "operators": self.tr("操作员  Ctrl+5"),
            "settings": self.tr("设置  Ctrl+6"),
            "reports": self.tr("统计报表  Ctrl+7"),
        }
        for row, name in enumerate(NAV):
            self.nav.item(row).setText(names[name])
        self.language_button.setText("བོད་ཡིག" if self.appearance.language == "zh" else "中文")
        self.language_button.setToolTip(self.tr("切换界面语言"))
        self.lock_button.setText(self.tr("锁定 Ctrl+L"))
        self.bundle_button.setText(self.tr("导入离线包… Ctrl+I"))
        self.bundle_button.setToolTip(self.tr("驻村工作队带回的离线包：校验后经本站转交平台（本站看不到其中内容）"))
        self._show_who()
        self._fit_nav()

    def _show_title(self) -> None:
        """The program, and once a login has read them, the station and this device: on a centre's
        several windows (and in the taskbar) the clerk sees which device this is."""
        if self._devices is None:
            self.setWindowTitle(self.tr("便民服务台"))
            return
        self.setWindowTitle(self.tr("便民服务台 · {station} · {device}").format(
            station=self._station_name, device=self._devices.this.shown_name))

    def _show_who(self) -> None:
        station = self.session.station
        if station is None:
            self.who.clear()
            return
        op = station.operator
        if self._devices is None:
            self.who.setText(self.tr("{station} · 操作员 {name}（{login}）").format(
                station=self._station_name, name=op.display_name or op.login, login=op.login))
            return
        # This device too: a counter PC may run full screen, without the title bar.
        self.who.setText(self.tr("{station} · {device} · 操作员 {name}（{login}）").format(
            station=self._station_name, device=self._devices.this.shown_name, name=op.display_name or op.login,
            login=op.login))

    # -- navigation -------------------------------------------------------------------------------
    def go(self, name: str) -> None:
        if name == "new_intake":  # 新受理 (Ctrl+N, the dashboard's button): empty, a draft left is offered
            self.go("intake")
            self.intake.start_new()
            return
        page = self.pages[name]
        self.stack.setCurrentWidget(page)
        self._mark_nav(NAV.index(name) if name in NAV else -1)
        if name == "intake":
            self.intake.start()
        page.refresh()

    def open_reports(self) -> ReportsPage:
        """Go to 统计报表 (as Ctrl+7 does) and return the page (``bench/reports.py`` waits for ``loaded``)."""
        from ui.reports import ReportsPage

        self.go("reports")
        page = self.pages["reports"]
        assert isinstance(page, ReportsPage)
        return page

    def show_case(self, case_no: str) -> None:
        self.case_detail.show_case(case_no)
        self.stack.setCurrentWidget(self.case_detail)
        self._mark_nav(-1)

    def _mark_nav(self, row: int) -> None:
        """Show where the clerk is in the navigation list without navigating again."""
        if self.nav.currentRow() != row:
            self.nav.blockSignals(True)
            self.nav.setCurrentRow(row)
            self.nav.blockSignals(False)

    def ask_evaluation(self, case_no: str) -> None:
        self.evaluation.ask(case_no)

    def _back_to_clerk(self, after_rating: bool = False) -> None:
        """The citizen has rated (or skipped): the keyboard belongs to the clerk's window again. On
        one screen the thank-you stays in front until it closes; on the citizen's own monitor the
        clerk's window takes the keyboard at once."""
        if after_rating and self.evaluation.isVisible() and not self.evaluation.full_screen:
            return
        self.raise_()
        self.activateWindow()

    # -- session ----------------------------------------------------------------------------------
    def _after_login(self) -> None:
        self.ensure_work()
        assert self.work is not None
        self.screens.setCurrentWidget(self.work)
        self.idle.reset()
        self.idle.enabled = True
        if self._fresh:
            self._fresh = False
            self.go("dashboard")
        else:  # unlocked: the clerk is back where the lock found them, intake half-done included
            current = self.stack.currentWidget()
            if isinstance(current, Page):
                current.refresh()
        # The title is a nicety: a store that cannot be read is reported by the daily check, not here.
        self.session.run(lambda st: (st.station_name, read_devices(st)), self._got_station_name,
                         on_error=lambda exc: log.warning("station name not read: %s", type(exc).__name__))
        self.sync.refresh_state()

    def _got_station_name(self, facts: tuple[str, Devices]) -> None:
        name, devices = facts
        self._station_name = name
        self._devices = devices
        self._show_title()
        self._show_who()

    def _on_locked(self) -> None:
        self.idle.enabled = False
        if self.work is not None:
            self.evaluation.hide()
        for w in self.findChildren(QWidget):
            if w.isWindow() and w is not self and w.isVisible():
                # Dialogs (preview, quarantine, case actions) go with the lock: they may show personal
                # data. Hidden, not closed: what was typed stays, and the unlock shows them again.
                if w.windowType() != Qt.WindowType.Popup:  # a menu is not brought back
                    self._hidden_by_lock.append(w)
                w.hide()
        self.screens.setCurrentWidget(self.login_page)
        station = self.session.station
        self.login_page.show_locked(station.operator.login if station else "")

    def _restore_dialogs(self) -> None:
        """The operator who locked is back: the dialogs the lock hid come back as they were."""
        hidden, self._hidden_by_lock = self._hidden_by_lock, []
        for w in hidden:
            if shiboken6.isValid(w):  # not deleted meanwhile
                w.show()
                w.raise_()
                w.activateWindow()

    def _drop_dialogs(self) -> None:
        """A new login (logout, or another operator at the lock page): the hidden dialogs are closed."""
        hidden, self._hidden_by_lock = self._hidden_by_lock, []
        for w in hidden:
            if not shiboken6.isValid(w):
                continue
            if isinstance(w, QDialog):
                w.reject()
            else:
                w.close()

    def _on_logged_out(self) -> None:
        self.idle.enabled = False
        self._fresh = True
        self._drop_dialogs()
        if self.work is not None:
            self.evaluation.hide()
            for page in self.pages.values():
                page.clear()
            self._mark_nav(-1)
        self.screens.setCurrentWidget(self.login_page)
        self.login_page.show_login()

    def _apply_settings(self, settings: StationSettings) -> None:
        self.idle.set_minutes(settings.idle_lock_minutes)
        if settings.font_scale != self.appearance.scale:
            self.appearance.set_scale(settings.font_scale)
        if settings.language != self.appearance.language:
            self.appearance.set_language(settings.language)

    def toggle_language(self) -> None:
        """At once on the screen, then saved for the station like the settings page does."""
        language = "bo" if self.appearance.language == "zh" else "zh"
        self.appearance.set_language(language)  # (every page, this window too, is retranslated when it returns)
        self.session.set_interface(language=language)

    def _busy(self, busy: bool) -> None:
        if busy:
            self.setCursor(Qt.CursorShape.BusyCursor)
        else:
            self.unsetCursor()

    # -- sync -------------------------------------------------------------------------------------
    def show_quarantine(self) -> None:
        if self.session.station is None:
            return
        from ui.sync_panel import QuarantineDialog

        dialog = QuarantineDialog(self.sync.runner, self.sync.status, self.sync.retry, self)
        dialog.open()

    def import_bundle(self) -> None:
        """A work team's offline bundle (USB stick): checked here, forwarded to the platform."""
        if self.session.station is None:
            return
        from ui.bundle_dialog import BundleDialog

        dialog = BundleDialog(self.session, self)
        dialog.imported.connect(lambda _result: self.sync.refresh_state())
        dialog.open()

    def closeEvent(self, event: QCloseEvent) -> None:  # Qt's name
        self.idle.unwatch()
        if self.work is not None:
            self.evaluation.close()
            self.sync.shutdown()
        self.session.shutdown()
        super().closeEvent(event)
