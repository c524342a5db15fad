"""工作台: what needs the clerk today, read in one task on the worker.

Today's cases; open cases due within two working days (yellow) and overdue (red); cases waiting
for corrections; deferred materials due soon or late; the 差评 not yet revisited (差评待整改回访:
整改期限, rectified or overdue, red when overdue); what has not reached the platform yet and
the state of the link; the 最多跑一次 and 即办 rates. Above the link, a warning while the year
ahead (from December 1, or a year open cases are due in) has no official national calendar: its
deadlines count the law's holidays only and are marked 暂定 (``app.workdays``). Cases two
devices of the station acted on in ways that cannot both stand (a conflict) are listed above the
rest while there are any. Where the station has other devices, every entry names the device that
took the case in. Every entry opens its case (click or Enter); the big button starts an intake
(Ctrl+N). The page reloads when shown, when a case changed while it is visible, and every minute
while visible.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QHideEvent, QKeyEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.models import BAD_RATINGS, Evaluation
from app.services import consultations, dashboard
from app.services import notices as notices_service
from app.services.cases import OPEN_STATUSES
from app.services.dashboard import Entry, Overview, Rates, Section, Trend
from app.services.notices import Notice
from app.station import Station
from app.store import dashboard as dashboard_store
from app.textcheck import visible
from app.workdays import year_to_warn_about
from sync.status import LinkState, SyncStatus
from ui.charts import BAD, DARK, GOOD, LIGHT, Bars, ChartBox, bar_chart
from ui.consult_dialog import ConsultDialog
from ui.devices import Devices, read_devices
from ui.errors import message_for
from ui.labels import label, link_advice
from ui.page import Page
from ui.session import Session
from ui.sync_panel import last_success_text, link_colour
from ui.sync_service import SyncState, read_status

log = logging.getLogger(__name__)

REFRESH_MS = 60_000
YELLOW = QColor("#fff1b8")
RED = QColor("#ffd4d4")
YELLOW_EDGE = "#f9a825"
NOTICE_EDGE = "#1565c0"
NOTICES_SHOWN = 20
TREND_DAYS_SHOWN = 14  # the small chart of cases per day (the rating levels: dashboard.TREND_DAYS)
RED_EDGE = "#c62828"

# The lists, in reading order: name, colour (None: plain).
SECTIONS: tuple[tuple[str, QColor | None], ...] = (
    ("overdue", RED),
    ("due_soon", YELLOW),
    ("corrections", None),
    ("deferred_overdue", RED),
    ("deferred_due_soon", YELLOW),
    ("bad_ratings", None),  # 差评待整改回访: an overdue one is red (``Entry.overdue``)
    ("today_cases", None),
)


@dataclass(frozen=True)
class CalendarGap:
    """A year with no official national calendar that the station must warn about."""

    year: int
    due_cases: int  # open cases whose promised due date is in that year or later


@dataclass(frozen=True)
class DashboardData:
    """The result of the one worker task: the overview and the link's state."""

    overview: Overview
    sync: SyncStatus | None  # None when the sync tables could not be read
    millis: float
    devices: Devices | None = None  # None when not read: the entries then name no device
    calendar_gap: CalendarGap | None = None
    notices: tuple[Notice, ...] = ()  # unread, newest first (at most NOTICES_SHOWN)
    unread_notices: int = 0
    consultations_today: int = 0  # 咨询 recorded today


def calendar_gap(station: Station) -> CalendarGap | None:
    """The year the dashboard warns about: this year, or from December 1 the next, without an
    official national calendar; or a later such year that open cases are due in already."""
    cal, today = station.calendar, station.today()
    year = year_to_warn_about(cal, today)
    first = year if year is not None else cal.first_provisional_year(today.year + 1)
    if first is None:
        return None
    _rows, due = dashboard_store.due_range(station.db, [s.value for s in OPEN_STATUSES], f"{first:04d}-01-01",
                                           "9999-12-31", limit=0)
    if year is None and not due:
        return None
    return CalendarGap(year=first, due_cases=due)


def load(station: Station) -> DashboardData:
    """Runs on the worker: everything the page shows, in one go."""
    started = time.perf_counter()
    overview = dashboard.overview(station, with_rates=False)  # the rates come in a second task
    gap = calendar_gap(station)
    try:
        sync = read_status(station)  # shown through the window's one SyncState, like the status bar
    except Exception as exc:  # the cases still show when the sync tables cannot be read
        log.warning("sync status not read for the dashboard: %s", type(exc).__name__)
        sync = None
    devices = read_devices(station)  # one meta row; never raises
    unread = notices_service.list_notices(station, unread_only=True)
    consulted = consultations.count(station, station.today()).total  # (an index range of one day)
    return DashboardData(overview=overview, sync=sync, millis=(time.perf_counter() - started) * 1000,
                         devices=devices, calendar_gap=gap, notices=tuple(unread[:NOTICES_SHOWN]),
                         unread_notices=len(unread), consultations_today=consulted)


def notice_text(n: Notice) -> str:
    """A notice in the window's words: what it is about, then the platform's words or the station's data."""
    head = label(n.kind, "NoticeKind")
    when = n.received_at[:16].replace("T", " ")
    if n.kind == notices_service.MESSAGE:
        body = "\n".join(t for t in (n.title, n.text) if t)
    else:
        d = n.details
        parts = [str(d[k]) for k in ("case_no", "version", "format", "update_kind", "count") if d.get(k)]
        if d.get("reason"):
            parts.append(str(d["reason"]))
        problems = d.get("problems")
        if isinstance(problems, list) and problems:
            parts.append("；".join(str(p) for p in problems[:2]))
        body = "  ".join(parts)
    return f"{head}  {when}\n{visible(body)}" if body else f"{head}  {when}"


class CaseList(QListWidget):
    """A list of cases: a click or Enter opens the case of the entry."""

    def __init__(self, open_case: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._open = open_case
        self.setAlternatingRowColors(False)
        self.setWordWrap(True)
        self.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self.itemClicked.connect(self._clicked)

    def _clicked(self, item: QListWidgetItem) -> None:
        case_no = item.data(Qt.ItemDataRole.UserRole)
        if case_no:
            self._open(str(case_no))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # Qt's name
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentItem() is not None:
            self._clicked(self.currentItem())
            return
        super().keyPressEvent(event)


class SectionBox(QFrame):
    """A heading with the count, and the list."""

    def __init__(self, name: str, colour: QColor | None, open_case: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.colour = colour
        self.setObjectName(f"section_{name}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.heading = QLabel()
        self.heading.setProperty("heading", "2")
        self.heading.setWordWrap(True)
        self.list = CaseList(open_case)
        self.list.setObjectName(f"list_{name}")
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.heading.setBuddy(self.list)
        if colour is not None:
            edge = RED_EDGE if colour == RED else YELLOW_EDGE
            self.heading.setStyleSheet(f"border-left: 6px solid {edge}; padding-left: 6px")
        self.column = QVBoxLayout(self)
        self.column.addWidget(self.heading)
        self.column.addWidget(self.list, 1)


class DashboardPage(Page):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.data: DashboardData | None = None
        self.last_round_trip_ms = 0.0
        self._loading = False
        self._again = False
        self._stale = True

        self.title = QLabel()
        self.title.setProperty("heading", "1")
        self.today = QLabel()
        self.intake_button = QPushButton()
        self.intake_button.setObjectName("newIntake")
        self.intake_button.setProperty("size", "big")
        self.intake_button.setStyleSheet("padding: 0.4em 1.2em")
        self.intake_button.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Minimum)
        self.intake_button.clicked.connect(lambda: self.navigate.emit("new_intake"))  # Ctrl+N
        self.refresh_button = QPushButton()
        self.refresh_button.clicked.connect(self.refresh)
        self.consult_button = QPushButton()  # 登记咨询: a question answered, no application
        self.consult_button.setObjectName("consult")
        self.consult_button.clicked.connect(self.record_consultation)
        self.consult_dialog: ConsultDialog | None = None
        top = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(self.title)
        titles.addWidget(self.today)
        top.addLayout(titles, 1)
        # 刷新 and 登记咨询 one above the other: at 200 % in Tibetan three buttons in a row do not fit.
        small_buttons = QVBoxLayout()
        small_buttons.addWidget(self.consult_button)
        small_buttons.addWidget(self.refresh_button)
        top.addLayout(small_buttons)
        top.addWidget(self.intake_button)

        self.link = QLabel()
        self.link.setObjectName("linkState")
        self.link.setWordWrap(True)
        self.link.setTextFormat(Qt.TextFormat.PlainText)
        self.link_dot = QLabel("●")
        self.rates = QLabel()
        self.rates.setObjectName("rates")
        self.rates.setWordWrap(True)
        strip = QHBoxLayout()
        strip.addWidget(self.link_dot, 0, Qt.AlignmentFlag.AlignTop)
        strip.addWidget(self.link, 3)
        strip.addWidget(self.rates, 2)

        # No official national calendar for the year ahead: a yellow-edged line over the link strip.
        self.calendar_warning = QLabel()
        self.calendar_warning.setObjectName("calendarWarning")
        self.calendar_warning.setWordWrap(True)
        self.calendar_warning.setTextFormat(Qt.TextFormat.PlainText)
        self.calendar_warning.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.calendar_warning.setStyleSheet(f"border-left: 6px solid {YELLOW_EDGE}; padding: 2px 6px; "
                                            "background: #fff8dc; color: #1f1f1f")
        self.calendar_warning.hide()

        # Unread notices (the platform's, and what sync set aside for a person): only while there are any.
        self.notices_box = QFrame()
        self.notices_box.setObjectName("notices")
        self.notices_box.setFrameShape(QFrame.Shape.StyledPanel)
        self.notices_heading = QLabel()
        self.notices_heading.setProperty("heading", "2")
        self.notices_heading.setWordWrap(True)
        self.notices_heading.setStyleSheet(f"border-left: 6px solid {NOTICE_EDGE}; padding-left: 6px")
        self.notices_list = QListWidget()
        self.notices_list.setObjectName("list_notices")
        self.notices_list.setWordWrap(True)
        self.notices_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.notices_heading.setBuddy(self.notices_list)
        self.notices_read = QPushButton()
        self.notices_read.setObjectName("noticesRead")
        self.notices_read.clicked.connect(self.mark_notices_read)
        self.notices_note = QLabel()
        self.notices_note.setWordWrap(True)
        self.notices_note.setProperty("size", "small")
        read_row = QHBoxLayout()
        read_row.addWidget(self.notices_read)
        read_row.addWidget(self.notices_note, 1)
        notices_column = QVBoxLayout(self.notices_box)
        notices_column.addWidget(self.notices_heading)
        notices_column.addWidget(self.notices_list)
        notices_column.addLayout(read_row)
        self.notices_box.hide()

        # Cases in conflict: above the lists, across the page, only while there are any.
        self.conflicts = SectionBox("conflicts", RED, self.open_case.emit)
        self.conflicts_note = QLabel()
        self.conflicts_note.setWordWrap(True)
        self.conflicts.column.insertWidget(1, self.conflicts_note)
        self.conflicts.hide()

        self.sections: dict[str, SectionBox] = {}
        # Small charts after the lists (read after them and the rates): cases per day, rating levels.
        self.trend: Trend | None = None
        self.trend_days = ChartBox("trend_days", lines=9)
        self.trend_ratings = ChartBox("trend_ratings", lines=9)
        self.trend_boxes = (self.trend_days, self.trend_ratings)
        self.grid = QGridLayout()
        self.columns = 0
        for name, colour in SECTIONS:
            self.sections[name] = SectionBox(name, colour, self.open_case.emit)
        # Overdue deferred materials are for acting on: what to do is said under their heading.
        self.deferred_note = QLabel()
        self.deferred_note.setObjectName("deferredNote")
        self.deferred_note.setWordWrap(True)
        self.deferred_note.setProperty("size", "small")
        self.sections["deferred_overdue"].column.insertWidget(1, self.deferred_note)
        self.deferred_note.hide()
        self._reflow()

        body = QWidget()
        inner = QVBoxLayout(body)
        inner.addLayout(top)
        inner.addWidget(self.calendar_warning)  # above the link: seen without scrolling at 200 %
        inner.addLayout(strip)
        inner.addWidget(self.conflicts)
        inner.addWidget(self.notices_box)
        inner.addLayout(self.grid, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

        # Reading order: the big button first, then the lists as they stand.
        QWidget.setTabOrder(self.intake_button, self.consult_button)
        QWidget.setTabOrder(self.consult_button, self.refresh_button)
        QWidget.setTabOrder(self.refresh_button, self.conflicts.list)
        QWidget.setTabOrder(self.conflicts.list, self.notices_list)
        QWidget.setTabOrder(self.notices_list, self.notices_read)
        previous: QWidget = self.notices_read
        for name, _ in SECTIONS:
            QWidget.setTabOrder(previous, self.sections[name].list)
            previous = self.sections[name].list

        self.sync_state = SyncState(self)  # the window gives its own: follow_sync()
        self.sync_state.changed.connect(self._show_link)

        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        session.data_changed.connect(self._data_changed)
        self.retranslate()

    def follow_sync(self, state: SyncState) -> None:
        """Show the link from the window's one source of sync state (the status bar shows the same)."""
        self.sync_state.changed.disconnect(self._show_link)
        self.sync_state = state
        state.changed.connect(self._show_link)
        self._show_link()

    # -- texts --------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.title.setText(self.tr("工作台"))
        self.intake_button.setText(self.tr("新受理  Ctrl+N"))
        self.intake_button.setToolTip(self.tr("开始受理一件新的申请"))
        self.refresh_button.setText(self.tr("刷新(&R)"))
        self.consult_button.setText(self.tr("登记咨询(&K)"))
        self.consult_button.setToolTip(self.tr("群众来咨询而没有提出申请时，登记事项和答复方式"))
        self.conflicts_note.setText(self.tr("两台设备对同一办件作了不能同时成立的处理（例如一处送达、一处撤回）。"
                                            "请打开办件，确定保留哪一项。"))
        self.deferred_note.setText(self.tr("逾期仍未补交的，打开办件后由管理员“撤销受理”，并打印撤销受理决定通知书。"))
        self.notices_read.setText(self.tr("全部标为已读(&M)"))
        self.notices_note.setText(self.tr("标为已读须管理员操作。"))
        self._show()

    def _heading(self, name: str, section: Section | None) -> str:
        n: int | str = section.total if section is not None else 0
        if section is not None and section.capped:
            n = f"{section.total}+"
        texts = {
            "overdue": self.tr("已超期 {n} 件"),
            "due_soon": self.tr("两个工作日内到期 {n} 件"),
            "corrections": self.tr("等待补正 {n} 件"),
            "deferred_overdue": self.tr("容缺材料已超期 {n} 项"),
            "deferred_due_soon": self.tr("容缺材料即将到期 {n} 项"),
            "today_cases": self.tr("今日受理 {n} 件"),
            "conflicts": self.tr("冲突待处理 {n} 件"),
            "bad_ratings": self.tr("差评待整改回访 {n} 件"),
        }
        text = texts[name].format(n=n)
        if section is not None and section.more:
            text += self.tr("（显示前 {shown} 件）").format(shown=len(section.entries))
        return text

    def _entry_text(self, name: str, e: Entry) -> str:
        text = self._entry_lines(name, e)
        if e.special_groups:  # 特殊群体: served first, said on the entry's first line
            first, _sep, rest = text.partition("\n")
            groups = "、".join(label(g) for g in e.special_groups)
            text = self.tr("{line}  【优先】{groups}").format(line=first, groups=groups) + (f"\n{rest}" if rest else "")
        devices = self.data.devices if self.data is not None else None
        # Which device took the case in: where the station has other devices (or the case came from one).
        if devices is not None and e.origin and (devices.others or not devices.is_this(e.origin)):
            text += "  " + self.tr("受理设备：{device}").format(device=devices.origin_text(e.origin))
        return text

    def _entry_lines(self, name: str, e: Entry) -> str:
        due = e.due.isoformat() if e.due else ""  # the whole date: a list may reach back into last year
        if name in ("deferred_overdue", "deferred_due_soon"):
            return self.tr("{case}  {who}\n{material}  补交期限 {due}").format(
                case=e.case_no, who=e.applicant_name, material=e.material, due=due)
        if name == "corrections":
            return self.tr("{case}  {who}\n{items}  补正期限 {due}").format(
                case=e.case_no, who=e.applicant_name, items=e.items, due=due or "—")
        if name == "bad_ratings":
            if e.rectified:
                state = self.tr("已整改，待回访")
            elif e.overdue:
                state = self.tr("已超期未整改")
            else:
                state = self.tr("待整改")
            return self.tr("{case}  {who}\n{items}\n{level}  整改期限 {due}  {state}").format(
                case=e.case_no, who=e.applicant_name, items=e.items, level=label(e.rating, "Evaluation"),
                due=due or "—", state=state)
        if name in ("today_cases", "conflicts"):
            return self.tr("{case}  {who}\n{items}  {status}").format(
                case=e.case_no, who=e.applicant_name, items=e.items, status=label(e.status))
        return self.tr("{case}  {who}\n{items}  承诺办结 {due}").format(
            case=e.case_no, who=e.applicant_name, items=e.items, due=due)

    # -- loading --------------------------------------------------------------------------------
    def refresh(self) -> None:
        if self.session.station is None or self.session.is_locked:
            return
        if self._loading:
            self._again = True
            return
        self._loading = True
        self._stale = False
        submitted = time.perf_counter()

        def done(data: DashboardData) -> None:
            self.last_round_trip_ms = (time.perf_counter() - submitted) * 1000
            log.debug("dashboard: read %.0f ms, shown after %.0f ms", data.millis, self.last_round_trip_ms)
            self.data = data
            self.sync_state.set(data.sync)  # a fresher reading than the state's is shown at once
            self._show()
            self.session.run(dashboard.rates_of, rated, on_error=failed)

        def rated(rates: Rates) -> None:
            if self.data is not None:
                self.data = replace(self.data, overview=replace(self.data.overview, rates=rates))
                self._show_rates(self.data.overview)
            self.session.run(dashboard.trend, charted, on_error=no_chart)

        def charted(trend: Trend) -> None:
            self._finish()
            self.trend = trend
            self._show_trend()

        def no_chart(error: Exception) -> None:  # the lists and rates stand; the charts say why they are empty
            self._finish()
            log.warning("dashboard charts not read: %s", type(error).__name__)
            for box in self.trend_boxes:
                box.say(message_for(error))

        def failed(error: Exception) -> None:
            self._finish()
            from ui.errors import message_for

            self.link.setText(message_for(error))

        self.session.run(load, done, on_error=failed)

    def _finish(self) -> None:
        self._loading = False
        if self._again:
            self._again = False
            QTimer.singleShot(0, self.refresh)

    def _reflow(self) -> None:
        """Three columns of lists when they fit, fewer at a large font scale or in a narrow window."""
        wide = self.fontMetrics().horizontalAdvance("0") * 36  # a case number and a name side by side
        columns = max(1, min(3, self.width() // max(1, wide))) if self.width() > 0 else 3
        if columns == self.columns:
            return
        self.columns = columns
        for box in (*self.sections.values(), *self.trend_boxes):
            self.grid.removeWidget(box)
        for n, (name, _) in enumerate(SECTIONS):
            self.grid.addWidget(self.sections[name], n // columns, n % columns)
        for n, chart in enumerate(self.trend_boxes, start=len(SECTIONS)):  # in the cells the lists leave
            self.grid.addWidget(chart, n // columns, n % columns)
        for column in range(3):
            self.grid.setColumnStretch(column, 1 if column < columns else 0)

    def resizeEvent(self, event: QResizeEvent) -> None:  # Qt's name
        super().resizeEvent(event)
        self._reflow()
        self._fit_conflicts()  # wrapped entries are taller in a narrower list

    def changeEvent(self, event: QEvent) -> None:  # Qt's name
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._reflow()
            self._fit_conflicts()

    def _data_changed(self, _case_no: str) -> None:
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:  # Qt's name
        self.timer.start()
        if self._stale:  # checked again when the event loop comes back: go() may have refreshed already
            QTimer.singleShot(0, lambda: self.refresh() if self._stale else None)
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:  # Qt's name
        self.timer.stop()
        super().hideEvent(event)

    def clear(self) -> None:
        self.data = None
        self.trend = None
        self._stale = True
        for box in (*self.sections.values(), self.conflicts):
            box.list.clear()
        self._show()

    # -- showing --------------------------------------------------------------------------------
    def _show(self) -> None:
        data = self.data
        overview = data.overview if data else None
        self.today.setText(self.tr("{day} · 数据读取中…").format(day="") if overview is None
                           else self.tr("今天是 {day}").format(day=overview.today.strftime("%Y-%m-%d")))
        for name, _colour in SECTIONS:
            self._fill(self.sections[name], getattr(overview, name) if overview else None)
        conflicts = overview.conflicts if overview else None  # above the lists, only while there are any
        self._fill(self.conflicts, conflicts)
        self.conflicts.setVisible(bool(conflicts and conflicts.total))
        self._fit_conflicts()
        self._show_link()
        self._show_rates(overview)
        self._show_calendar_gap(data.calendar_gap if data else None)
        self._show_notices(data)
        overdue = overview.deferred_overdue if overview else None
        self.deferred_note.setVisible(bool(overdue and overdue.total))
        self._show_trend()

    def _show_trend(self) -> None:
        """The small charts: cases per day of the last two weeks, the rating levels of 30 days."""
        trend = self.trend
        self.trend_days.title.setText(self.tr("近 {n} 天收件和办结").format(n=TREND_DAYS_SHOWN))
        rated = trend.rated if trend is not None else 0
        self.trend_ratings.title.setText(self.tr("近 {n} 天评价 {rated} 次").format(n=dashboard.TREND_DAYS,
                                                                                 rated=rated))
        if trend is None:
            for box in self.trend_boxes:
                box.view.draw(None)
            return
        days = trend.per_day[-TREND_DAYS_SHOWN:]
        names = [d.strftime("%m-%d") for d, _t, _c in days]
        sets = [Bars(label("taken_in", "Figure"), [t for _d, t, _c in days], DARK),
                Bars(label("concluded", "Figure"), [c for _d, _t, c in days], LIGHT)]
        self.trend_days.view.draw(lambda view: bar_chart(view, names, sets, values_shown=False))
        self.trend_days.say("")
        levels = list(Evaluation)
        values = [trend.ratings.get(e.value, 0) for e in levels]
        good = Bars(self.tr("好评"), [0 if e in BAD_RATINGS else v for e, v in zip(levels, values, strict=True)], GOOD)
        bad = Bars(self.tr("差评"), [v if e in BAD_RATINGS else 0 for e, v in zip(levels, values, strict=True)], BAD)
        level_names = [label(e) for e in levels]
        self.trend_ratings.view.draw(lambda view: bar_chart(view, level_names, [good, bad], horizontal=True,
                                                            stacked=True))
        self.trend_ratings.say("" if rated else self.tr("这段时间没有评价。"))

    def _show_notices(self, data: DashboardData | None) -> None:
        shown = data.notices if data else ()
        self.notices_box.setVisible(bool(shown))
        if not shown or data is None:
            self.notices_list.clear()
            return
        self.notices_heading.setText(self.tr("未读通知 {n} 条").format(n=data.unread_notices))
        self.notices_list.clear()
        for n in shown:
            item = QListWidgetItem(notice_text(n))
            item.setData(Qt.ItemDataRole.UserRole, n.id)
            self.notices_list.addItem(item)
        rows = min(self.notices_list.count(), 3)
        lst = self.notices_list
        height = sum(max(lst.sizeHintForRow(i), 0) for i in range(rows)) + 2 * lst.frameWidth()
        lst.setFixedHeight(max(height, 2 * lst.fontMetrics().lineSpacing() + 2 * lst.frameWidth()))
        station = self.session.station
        admin = station is not None and station.is_admin
        self.notices_read.setEnabled(admin)
        self.notices_note.setVisible(not admin)

    def record_consultation(self) -> None:
        """登记咨询: the dialog; the figures are read again once it is recorded."""
        if self.session.station is None:
            return
        dialog = ConsultDialog(self.session, self)
        dialog.recorded.connect(lambda _n: self.refresh())
        self.consult_dialog = dialog
        dialog.finished.connect(lambda _r: setattr(self, "consult_dialog", None))
        dialog.open()

    def mark_notices_read(self) -> None:
        """An administrator marks every unread notice read (the access log keeps who and when)."""
        self.notices_read.setEnabled(False)
        self.session.run(lambda st: notices_service.mark_read(st), lambda _ids: self.refresh(),
                         on_error=lambda exc: self._notices_failed(exc))

    def _notices_failed(self, exc: Exception) -> None:
        self.notices_note.setText(message_for(exc))
        self.notices_note.show()
        self.notices_read.setEnabled(True)

    def _show_calendar_gap(self, gap: CalendarGap | None) -> None:
        """The year ahead without an official national calendar, in whole sentences (or nothing)."""
        if gap is None:
            self.calendar_warning.hide()
            self.calendar_warning.clear()
            return
        text = self.tr("尚未收到 {year} 年的全国节假日安排：{year} 年的期限暂按法定节假日计算（不含调休上班），"
                       "标为“暂定”。请联系平台发布全国日历。").format(year=gap.year)
        if gap.due_cases:
            text += self.tr("在办办件中有 {n} 件的承诺期限在 {year} 年或以后。").format(n=gap.due_cases, year=gap.year)
        self.calendar_warning.setText(text)
        self.calendar_warning.setToolTip(self.tr("国务院每年公布下一年的放假和调休上班安排。平台发布后，本机在下次同步时采用，"
                                                 "此后计算的期限不再标“暂定”。"))
        self.calendar_warning.show()

    def _fit_conflicts(self) -> None:
        """The list of conflicts as tall as its entries, up to four (then it scrolls): one case in
        conflict does not push the other lists down by a screen."""
        lst = self.conflicts.list
        rows = min(lst.count(), 4)
        height = sum(max(lst.sizeHintForRow(i), 0) for i in range(rows)) + 2 * lst.frameWidth()
        lst.setFixedHeight(max(height, 2 * lst.fontMetrics().lineSpacing() + 2 * lst.frameWidth()))

    def _fill(self, box: SectionBox, section: Section | None) -> None:
        name = box.name
        box.heading.setText(self._heading(name, section))
        current = box.list.currentItem()
        keep = current.data(Qt.ItemDataRole.UserRole) if current else None
        box.list.clear()
        if section is None:
            return
        if not section.entries:
            empty = QListWidgetItem(self.tr("没有"))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            box.list.addItem(empty)
            return
        for e in section.entries:
            item = QListWidgetItem(self._entry_text(name, e))
            item.setData(Qt.ItemDataRole.UserRole, e.case_no)
            colour = RED if e.overdue else box.colour  # a 差评 not rectified by its due date
            if colour is not None:
                item.setBackground(QBrush(colour))
                item.setForeground(QBrush(QColor("#000000")))
            box.list.addItem(item)
            if e.case_no == keep:
                box.list.setCurrentItem(item)

    def _show_link(self) -> None:
        """The link as the window's SyncState has it, in whole sentences."""
        sync = self.sync_state.status
        if sync is None:
            self.link_dot.setStyleSheet("color: #999")
            self.link.setText(self.tr("同步状态不可用") if self.data else "")
            return
        state = sync.state
        lines = [link_advice(state, sync.last_error_reason)]
        lines.append(self.tr("尚未上报平台：{n} 条记录，{files} 个附件").format(
            n=sync.waiting, files=sync.attachments_waiting))
        if state is not LinkState.not_enrolled:
            lines.append(self.tr("上次同步成功：{last}").format(last=last_success_text(sync) or self.tr("从未")))
        if sync.quarantined:
            lines.append(self.tr("平台拒收 {n} 条，请在下方同步栏查看原因").format(n=len(sync.quarantined)))
        self.link_dot.setStyleSheet(f"color: {link_colour(sync)}")
        self.link.setText("\n".join(lines))

    def _show_rates(self, overview: Overview | None) -> None:
        if overview is None or overview.rates is None:
            self.rates.clear()
            return
        r = overview.rates
        self.rates.setText(self.tr("近30天受理 {n} 件\n最多跑一次 {trip:.1%}\n即办 {instant:.1%}").format(
            n=r.cases, trip=r.at_most_one_trip_rate, instant=r.instant_rate)
            + "\n" + self.tr("特殊群体 {n} 件").format(n=r.special)
            + "\n" + self.tr("今日咨询 {n} 次").format(n=self.data.consultations_today if self.data else 0))
