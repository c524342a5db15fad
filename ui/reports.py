"""统计报表: a station's figures for a month, a day or any period (``app.services.reports``), for
administrators (they name every clerk's work; a clerk sees a sentence saying so and nothing is read).

The period is this month at first; a month of the last three years, a day, or a from–to range
(calendar pop-ups). The report is counted on the worker while the page says so; a failure is shown
on the page. Then: the main figures as tiles (a rate with no base is "—", never 0 %), four charts
(cases per day, the on-time rate of the last twelve months, the rating levels, the items with the
most cases), a table per item, operator, window or mode (sortable), and the exports (the figures,
办件清单, 好差评数据: ``ui.report_export``) and the monthly sheet (月度统计表, print preview).

Every figure's name is the one table's (``app/labels.py`` "Figure"); the definitions are in
``docs/reports.md``. ``loaded`` is True once the chosen period's report is shown with its charts.
"""

from __future__ import annotations

import logging
from datetime import date
from itertools import pairwise
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
)
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFrame,
    QGridLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.models import BAD_RATINGS, Evaluation
from app.reports import Dimension, Figures, Line, Period, Report
from app.services import reports as report_service
from app.services.exports import Exported, ExportKind
from app.services.reports import StationReport
from app.station import Station
from ui.charts import BAD, DARK, GOOD, LIGHT, Bars, ChartBox, bar_chart, elided, line_chart
from ui.errors import message_for
from ui.labels import label
from ui.page import FlowLayout, Page, pair
from ui.session import Session

log = logging.getLogger(__name__)

# The tiles, in reading order: the counts and rates supervision asks for (docs/reports.md).
TILES = ("taken_in", "concluded", "instant_rate", "on_time_rate", "one_trip_rate", "satisfaction_rate",
         "overdue_now", "rated", "bad", "bad_open", "bad_rectified", "bad_revisited", "assisted", "proxy",
         "home_visit", "work_team", "cross_region", "special", "consultations")
# A rate's part and base (shown under it: "12 / 40").
RATE_PARTS = {"instant_rate": ("instant", "counted"), "one_trip_rate": ("one_trip", "counted"),
              "on_time_rate": ("on_time", "concluded"), "satisfaction_rate": ("good", "rated")}
# The breakdown's columns after the name, most wanted first (a narrow window drops the last ones).
COLUMNS = ("taken_in", "concluded", "on_time_rate", "satisfaction_rate", "instant_rate", "one_trip_rate", "bad",
           "overdue_now", "consultations")
MONTHS_BACK = 36  # the month picker: this month and the 35 before
DAYS_AS_MONTHS = 62  # a longer period's cases-per-day chart shows months
TOP_ITEMS = 10
TABLE_ROWS = 12  # the breakdown shows this many rows, then scrolls
PERIOD_KINDS = ("this_month", "month", "day", "range")


def figure(f: Figures, name: str) -> float | int | None:
    """A figure of ``f`` by its code (a rate: None without a base)."""
    if name == "good":
        return sum(v for k, v in f.ratings.items() if k not in {e.value for e in BAD_RATINGS})
    value = getattr(f, name)
    return value if value is None or isinstance(value, int | float) else None


def shown(f: Figures, name: str) -> str:
    """A figure as the page shows it: a count, or a rate as a percentage ("—" without a base)."""
    value = figure(f, name)
    if name.endswith("_rate"):
        return "—" if value is None else f"{value:.1%}"
    return str(value if value is not None else 0)


def report_load(station: Station, period: Period) -> StationReport:
    """Runs on the worker."""
    return report_service.report(station, period)


class BreakdownModel(QAbstractTableModel):
    """A report's lines of one dimension: the name, then the figures of ``COLUMNS``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lines: tuple[Line, ...] = ()
        self.names: list[str] = []
        self.headers: list[str] = [""] * (1 + len(COLUMNS))

    def show(self, lines: tuple[Line, ...], names: list[str], headers: list[str]) -> None:
        self.beginResetModel()
        self.lines, self.names, self.headers = lines, names, headers
        self.endResetModel()

    def set_headers(self, headers: list[str]) -> None:
        self.headers = headers
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(headers) - 1)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 1 + len(COLUMNS)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, col = index.row(), index.column()
        f = self.lines[row].figures
        if role == Qt.ItemDataRole.DisplayRole:
            return self.names[row] if col == 0 else shown(f, COLUMNS[col - 1])
        if role == Qt.ItemDataRole.UserRole:  # what the column sorts by
            if col == 0:
                return self.names[row]
            value = figure(f, COLUMNS[col - 1])
            return -1.0 if value is None else float(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and col > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self.headers):
            return self.headers[section]
        return None


class Tile(QFrame):
    """One figure: its name, large, and under it what it is counted of."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.setObjectName(f"figure_{name}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.value = QLabel("—")
        self.value.setObjectName(f"value_{name}")
        self.value.setProperty("heading", "1")
        self.detail = QLabel()
        self.detail.setProperty("size", "small")
        self.detail.setWordWrap(True)
        self.detail.hide()
        self.grid = QGridLayout(self)
        self.compact: bool | None = None
        self.set_compact(False)

    def set_compact(self, compact: bool) -> None:
        """Compact (a large font, a narrow window): the name beside its value, not above it, so that
        the tiles of a 200 % page take a screen, not three."""
        if compact == self.compact:
            return
        self.compact = compact
        for w in (self.caption, self.value, self.detail):
            self.grid.removeWidget(w)
        if compact:
            self.grid.addWidget(self.caption, 0, 0)
            self.grid.addWidget(self.value, 0, 1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.grid.addWidget(self.detail, 1, 0, 1, 2)
            self.grid.setColumnStretch(0, 1)
            self.grid.setRowStretch(2, 0)
        else:
            self.grid.addWidget(self.caption, 0, 0, 1, 2)
            self.grid.addWidget(self.value, 1, 0, 1, 2)
            self.grid.addWidget(self.detail, 2, 0, 1, 2)
            self.grid.setRowStretch(3, 1)


class ReportsPage(Page):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.result: StationReport | None = None
        self._loaded = False
        self._ticket = 0  # the newest request: an older answer is dropped
        self._shown_period: Period | None = None
        self._tile_columns = 0
        self._chart_columns = 0
        self._months_of: date | None = None

        self.title = QLabel()
        self.title.setProperty("heading", "1")
        self.denied = QLabel()
        self.denied.setObjectName("reportsDenied")
        self.denied.setWordWrap(True)

        # -- the period -----------------------------------------------------------------------
        self.kind = QComboBox()
        self.kind.setObjectName("periodKind")
        for k in PERIOD_KINDS:
            self.kind.addItem("", k)
        self.kind_label = QLabel()
        self.kind_label.setBuddy(self.kind)
        self.month = QComboBox()
        self.month.setObjectName("periodMonth")
        self.month_label = QLabel()
        self.month_label.setBuddy(self.month)
        self.day = self._date_edit("periodDay")
        self.day_label = QLabel()
        self.day_label.setBuddy(self.day)
        self.start = self._date_edit("periodStart")
        self.start_label = QLabel()
        self.start_label.setBuddy(self.start)
        self.end = self._date_edit("periodEnd")
        self.end_label = QLabel()
        self.end_label.setBuddy(self.end)
        self.refresh_button = QPushButton()
        self.refresh_button.clicked.connect(self.refresh)
        self.month_pair = pair(self.month_label, self.month)
        self.day_pair = pair(self.day_label, self.day)
        self.start_pair = pair(self.start_label, self.start)
        self.end_pair = pair(self.end_label, self.end)
        period_bar = FlowLayout()
        period_bar.addWidget(pair(self.kind_label, self.kind))
        for w in (self.month_pair, self.day_pair, self.start_pair, self.end_pair, self.refresh_button):
            period_bar.addWidget(w)
        self._fill_months()
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.month.currentIndexChanged.connect(lambda _i: self._period_changed())
        self._debounce = QTimer(self)  # typing a date: counted once the clerk stops
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(500)
        self._debounce.timeout.connect(self.refresh)
        for edit in (self.day, self.start, self.end):
            edit.dateChanged.connect(lambda _d: self._period_changed(typed=True))

        self.status = QLabel()
        self.status.setObjectName("reportStatus")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)

        # -- exports and the sheet ----------------------------------------------------------------
        self.export_buttons: dict[ExportKind, QPushButton] = {}
        actions = FlowLayout()
        for kind in (ExportKind.report, ExportKind.cases, ExportKind.evaluations):
            button = QPushButton()
            button.setObjectName(f"export_{kind.value}")
            button.clicked.connect(lambda _=False, k=kind: self.open_export(k))
            self.export_buttons[kind] = button
            actions.addWidget(button)
        self.print_button = QPushButton()
        self.print_button.setObjectName("printMonthly")
        self.print_button.clicked.connect(self.print_sheet)
        actions.addWidget(self.print_button)
        self.message = QLabel()
        self.message.setObjectName("reportMessage")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()

        # -- the figures ------------------------------------------------------------------------
        self.tiles = {name: Tile(name) for name in TILES}
        self.tile_grid = QGridLayout()

        # -- the charts -------------------------------------------------------------------------
        self.per_day = ChartBox("per_day")
        self.on_time = ChartBox("on_time")
        self.ratings = ChartBox("ratings")
        self.items = ChartBox("items", lines=14)
        self.charts = (self.per_day, self.on_time, self.ratings, self.items)
        self.chart_grid = QGridLayout()

        # -- the breakdown ----------------------------------------------------------------------
        self.breakdown_heading = QLabel()
        self.breakdown_heading.setProperty("heading", "2")
        self.breakdown_heading.setWordWrap(True)
        self.dimension = QComboBox()
        self.dimension.setObjectName("dimension")
        for d in Dimension:
            self.dimension.addItem("", d.value)
        self.dimension_label = QLabel()
        self.dimension_label.setBuddy(self.dimension)
        self.dimension.currentIndexChanged.connect(lambda _i: self._show_breakdown())
        self.model = BreakdownModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(Qt.ItemDataRole.UserRole)
        self.table = QTableView()
        self.table.setObjectName("breakdown")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionsClickable(True)
        self.hidden_note = QLabel()
        self.hidden_note.setWordWrap(True)
        self.hidden_note.setProperty("size", "small")
        self.hidden_note.hide()
        dimension_bar = FlowLayout()
        dimension_bar.addWidget(pair(self.dimension_label, self.dimension))

        # -- the page ---------------------------------------------------------------------------
        self.body = QWidget()  # everything but the title and the clerk's sentence
        inner = QVBoxLayout(self.body)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addLayout(period_bar)
        inner.addWidget(self.status)
        inner.addLayout(actions)
        inner.addWidget(self.message)
        inner.addLayout(self.tile_grid)
        inner.addLayout(self.chart_grid)
        inner.addWidget(self.breakdown_heading)
        inner.addLayout(dimension_bar)
        inner.addWidget(self.table)
        inner.addWidget(self.hidden_note)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.denied)
        layout.addWidget(self.body)
        layout.addStretch(1)

        order: list[QWidget] = [self.kind, self.month, self.day, self.start, self.end, self.refresh_button,
                                *self.export_buttons.values(), self.print_button, self.dimension, self.table]
        for a, b in pairwise(order):
            QWidget.setTabOrder(a, b)
        self._reflow()
        self._kind_changed()
        self._set_admin_view(False)
        self.retranslate()

    # -- pieces ---------------------------------------------------------------------------------
    @staticmethod
    def _date_edit(name: str) -> QDateEdit:
        edit = QDateEdit()
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setMinimumDate(QDate(2000, 1, 1))
        return edit

    def _today(self) -> date:
        return self.session.clock.today()

    def _fill_months(self) -> None:
        """The month picker and the date pickers' limits as of today (again when the day changed)."""
        today = self._today()
        if today == self._months_of:
            return
        self._months_of = today
        keep = self.month.currentData()
        self.month.blockSignals(True)
        self.month.clear()
        index = today.year * 12 + today.month - 1
        for n in range(MONTHS_BACK):
            y, m = divmod(index - n, 12)
            self.month.addItem(self.tr("{year} 年 {month} 月").format(year=y, month=m + 1), f"{y:04d}-{m + 1:02d}")
        self.month.setCurrentIndex(max(0, self.month.findData(keep)) if keep else min(1, self.month.count() - 1))
        self.month.blockSignals(False)
        q = QDate(today.year, today.month, today.day)
        for edit in (self.day, self.start, self.end):
            edit.blockSignals(True)
            edit.setMaximumDate(q)
            edit.blockSignals(False)
        if not self._shown_period:  # the pickers start on today, the range on this month
            for edit, d in ((self.day, q), (self.start, QDate(today.year, today.month, 1)), (self.end, q)):
                edit.blockSignals(True)
                edit.setDate(d)
                edit.blockSignals(False)

    def period_kind(self) -> str:
        return str(self.kind.currentData())

    def set_period(self, kind: str, value: str | date | tuple[date, date] | None = None) -> None:
        """Choose the period as the clerk would (tests, scenes): "this_month"; "month" with "YYYY-MM";
        "day" with a date; "range" with (from, to). The report is counted again."""
        self.kind.blockSignals(True)
        self.kind.setCurrentIndex(self.kind.findData(kind))
        self.kind.blockSignals(False)
        widgets: list[QWidget] = [self.month, self.day, self.start, self.end]
        for w in widgets:
            w.blockSignals(True)
        if kind == "month" and isinstance(value, str):
            self.month.setCurrentIndex(self.month.findData(value))
        elif kind == "day" and isinstance(value, date):
            self.day.setDate(QDate(value.year, value.month, value.day))
        elif kind == "range" and isinstance(value, tuple):
            self.start.setDate(QDate(value[0].year, value[0].month, value[0].day))
            self.end.setDate(QDate(value[1].year, value[1].month, value[1].day))
        for w in widgets:
            w.blockSignals(False)
        self._kind_changed()

    def period(self) -> Period:
        """The period the pickers say (a ValidationError when the range ends before it starts)."""
        kind = self.period_kind()
        if kind == "month" and self.month.currentData():
            y, m = str(self.month.currentData()).split("-")
            return Period.month(int(y), int(m))
        if kind == "day":
            return Period.day(self.day.date().toPython())  # type: ignore[arg-type]
        if kind == "range":
            return Period(self.start.date().toPython(), self.end.date().toPython())  # type: ignore[arg-type]
        today = self._today()
        return Period.month(today.year, today.month)

    def period_text(self, period: Period) -> str:
        p = period
        if p.start.day == 1 and p == Period.month(p.start.year, p.start.month):
            return self.tr("{year} 年 {month} 月").format(year=p.start.year, month=p.start.month)
        if p.start == p.end:
            return p.start.isoformat()
        return self.tr("{start} 至 {end}").format(start=p.start.isoformat(), end=p.end.isoformat())

    def _kind_changed(self, _index: int = 0) -> None:
        kind = self.period_kind()
        self.month_pair.setVisible(kind == "month")
        self.day_pair.setVisible(kind == "day")
        self.start_pair.setVisible(kind == "range")
        self.end_pair.setVisible(kind == "range")
        self._period_changed()

    def _period_changed(self, typed: bool = False) -> None:
        if typed:
            self._debounce.start()
        else:
            self._debounce.stop()
            self.refresh()

    # -- texts ----------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.title.setText(self.tr("统计报表"))
        self.denied.setText(self.tr("统计报表列出每位工作人员的办件情况，只有管理员可以查看。"
                                    "工作台上有近期的受理、办结和评价情况。"))
        kinds = {"this_month": self.tr("本月"), "month": self.tr("按月"), "day": self.tr("某一天"),
                 "range": self.tr("时间段")}
        for i in range(self.kind.count()):
            self.kind.setItemText(i, kinds[str(self.kind.itemData(i))])
        self.kind_label.setText(self.tr("统计期间(&D)："))
        self.month_label.setText(self.tr("月份(&M)："))
        self.day_label.setText(self.tr("日期(&T)："))
        self.start_label.setText(self.tr("从(&F)："))
        self.end_label.setText(self.tr("到(&O)："))
        self.refresh_button.setText(self.tr("重新统计(&R)"))
        for i in range(self.month.count()):
            y, m = str(self.month.itemData(i)).split("-")
            self.month.setItemText(i, self.tr("{year} 年 {month} 月").format(year=int(y), month=int(m)))
        self.export_buttons[ExportKind.report].setText(self.tr("导出统计数据(&X)…"))
        self.export_buttons[ExportKind.cases].setText(self.tr("导出办件清单(&L)…"))
        self.export_buttons[ExportKind.evaluations].setText(self.tr("导出好差评数据(&V)…"))
        self.print_button.setText(self.tr("打印月度统计表(&P)…"))
        self.print_button.setToolTip(self.tr("A4 纸的统计表，带图表，可预览、打印或保存为 PDF"))
        for name, tile in self.tiles.items():
            tile.caption.setText(label(name, "Figure"))
        self.per_day.title.setText(self.tr("每日收件和办结"))
        self.on_time.title.setText(self.tr("近 12 个月按时办结率"))
        self.ratings.title.setText(self.tr("评价等级"))
        self.items.title.setText(self.tr("收件最多的事项（前 {n} 项）").format(n=TOP_ITEMS))
        self.breakdown_heading.setText(self.tr("分项统计"))
        self.dimension_label.setText(self.tr("分组(&G)："))
        for i in range(self.dimension.count()):
            self.dimension.setItemText(i, label(str(self.dimension.itemData(i)), "Dimension"))
        self._show()

    def _headers(self) -> list[str]:
        first = {"item": self.tr("事项"), "operator": self.tr("经办人"), "device": self.tr("窗口"),
                 "mode": self.tr("办理方式")}[self.dimension_value()]
        return [first, *(label(c, "Figure") for c in COLUMNS)]

    def dimension_value(self) -> str:
        return str(self.dimension.currentData())

    # -- who may see it -------------------------------------------------------------------------
    def _is_admin(self) -> bool:
        station = self.session.station
        return station is not None and station.is_admin

    def _set_admin_view(self, admin: bool) -> None:
        self.denied.setVisible(not admin and self.session.station is not None)
        self.body.setVisible(admin)

    # -- loading --------------------------------------------------------------------------------
    @property
    def loaded(self) -> bool:
        """The chosen period's report is shown, with its charts."""
        return self._loaded

    def refresh(self) -> None:
        admin = self._is_admin()
        self._set_admin_view(admin)
        if not admin or self.session.is_locked:  # a clerk gets nothing: not even the figures are read
            self._drop()
            return
        self._fill_months()
        try:
            period = self.period()
        except Exception as exc:  # a range that ends before it starts
            self._loaded = False
            self.status.setText(message_for(exc))
            return
        self._ticket += 1
        ticket = self._ticket
        self._loaded = False
        self.refresh_button.setEnabled(False)
        self.status.setText(self.tr("正在统计 {period} 的数据，请稍候…").format(period=self.period_text(period)))

        def done(result: StationReport) -> None:
            if ticket != self._ticket:
                return
            self.refresh_button.setEnabled(True)
            self.result = result
            self._shown_period = period
            self._show()
            self._loaded = True
            log.debug("report page: %s shown (%.0f ms to count)", period.key, result.millis)

        def failed(error: Exception) -> None:
            if ticket != self._ticket:
                return
            self.refresh_button.setEnabled(True)
            log.warning("the report was not counted: %s", type(error).__name__)
            self.status.setText(self.tr("统计没有完成：{why}").format(why=message_for(error)))

        self.session.run(lambda st: report_load(st, period), done, on_error=failed)

    def _drop(self) -> None:
        self._ticket += 1  # an answer still on its way is dropped
        self._loaded = False
        self.refresh_button.setEnabled(True)
        self.result = None
        self._shown_period = None
        self._show()

    def clear(self) -> None:
        self._drop()
        self.message.clear()
        self.message.hide()
        self._set_admin_view(False)

    # -- showing --------------------------------------------------------------------------------
    def _show(self) -> None:
        result = self.result
        report = result.report if result is not None else None
        if report is not None and self._shown_period is not None:
            self.status.setText(self.tr("{period}，统计到 {today}（“当前超期”按今天计算）").format(
                period=self.period_text(self._shown_period), today=report.today.isoformat()))
        elif self._shown_period is None and self.refresh_button.isEnabled():
            self.status.clear()
        self._show_tiles(report)
        self._show_charts(result)
        self._show_breakdown()

    def _show_tiles(self, report: Report | None) -> None:
        for name, tile in self.tiles.items():
            if report is None:
                tile.value.setText("—")
                tile.detail.hide()
                continue
            f = report.total
            tile.value.setText(shown(f, name))
            if name in RATE_PARTS:
                part, base = RATE_PARTS[name]
                tile.detail.setText(self.tr("{part} / {base} 件").format(part=figure(f, part), base=figure(f, base)))
                tile.detail.show()
            else:
                tile.detail.hide()

    def _show_charts(self, result: StationReport | None) -> None:
        if result is None:
            for box in self.charts:
                box.view.draw(None)
                box.say("")
            return
        report = result.report
        self._chart_per_day(report)
        self._chart_on_time(report)
        self._chart_ratings(report)
        self._chart_items(result)

    def _chart_per_day(self, report: Report) -> None:
        days = report.per_day
        if len(days) > DAYS_AS_MONTHS:  # a long period: a bar a month
            months: dict[str, list[int]] = {}
            for d, taken, concluded in days:
                pair_ = months.setdefault(f"{d:%Y-%m}", [0, 0])
                pair_[0] += taken
                pair_[1] += concluded
            names = list(months)
            taken_in = [v[0] for v in months.values()]
            concluded_n = [v[1] for v in months.values()]
            self.per_day.title.setText(self.tr("每月收件和办结"))
        else:
            one_month = days[0][0].strftime("%Y%m") == days[-1][0].strftime("%Y%m")
            names = [str(d.day) if one_month else d.strftime("%m-%d") for d, _t, _c in days]
            taken_in = [t for _d, t, _c in days]
            concluded_n = [c for _d, _t, c in days]
            self.per_day.title.setText(self.tr("每日收件和办结"))
        sets = [Bars(label("taken_in", "Figure"), taken_in, DARK),
                Bars(label("concluded", "Figure"), concluded_n, LIGHT)]
        self.per_day.view.draw(lambda view: bar_chart(view, names, sets, values_shown=len(names) <= 12))
        self.per_day.say("" if sum(taken_in) + sum(concluded_n) else self.tr("这段时间没有收件，也没有办结。"))

    def _chart_on_time(self, report: Report) -> None:
        months = report.per_month
        names = [m for m, _c, _o in months]
        points = [(i, round(100 * on_time / concluded)) for i, (_m, concluded, on_time) in enumerate(months)
                  if concluded]
        name = label("on_time_rate", "Figure")
        self.on_time.view.draw(lambda view: line_chart(view, names, points, name))
        if not points:
            self.on_time.say(self.tr("近 12 个月没有办结的办件。"))
        elif len(points) < len(names):
            self.on_time.say(self.tr("没有办结的月份不画点。"))
        else:
            self.on_time.say("")

    def _chart_ratings(self, report: Report) -> None:
        levels = list(Evaluation)
        values = [report.total.ratings.get(e.value, 0) for e in levels]
        good = [v if e not in BAD_RATINGS else 0 for e, v in zip(levels, values, strict=True)]
        bad = [v if e in BAD_RATINGS else 0 for e, v in zip(levels, values, strict=True)]
        names = [label(e) for e in levels]
        sets = [Bars(self.tr("好评"), good, GOOD), Bars(self.tr("差评"), bad, BAD)]
        self.ratings.view.draw(lambda view: bar_chart(view, names, sets, horizontal=True, stacked=True))
        self.ratings.say("" if sum(values) else self.tr("这段时间没有评价。"))

    def _chart_items(self, result: StationReport) -> None:
        lines = [line for line in result.report.lines(Dimension.item) if line.figures.taken_in][:TOP_ITEMS]
        lines.sort(key=lambda line: -line.figures.taken_in)
        names = [self._name(Dimension.item.value, line.key) for line in lines]
        sets = [Bars(label("taken_in", "Figure"), [line.figures.taken_in for line in lines], DARK)]
        self.items.view.draw(lambda view: bar_chart(view, elided(view, names, 0.4), sets, horizontal=True,
                                                    tips=names))
        self.items.say("" if lines else self.tr("这段时间没有收件。"))

    def _name(self, dimension: str, key: str) -> str:
        result = self.result
        if dimension == Dimension.mode.value:
            return label(key, "HandlingMode")
        name = result.names.get(dimension, {}).get(key, "") if result is not None else ""
        if dimension == Dimension.operator.value and name and name != key:
            return self.tr("{name}（{login}）").format(name=name, login=key)
        if dimension == Dimension.device.value and not name:
            return self.tr("设备 {no}").format(no=key)
        return name or key

    def _show_breakdown(self) -> None:
        dimension = self.dimension_value()
        result = self.result
        lines = result.report.lines(dimension) if result is not None else ()
        self.model.show(lines, [self._name(dimension, line.key) for line in lines], self._headers())
        self._fit_table()

    # -- layout ---------------------------------------------------------------------------------
    def _fit_table(self) -> None:
        """As many rows as there are (up to ``TABLE_ROWS``, then it scrolls), and the figure columns
        that fit beside the names: never a sideways scroll bar (a narrow window or a large font
        drops the last columns, and says which; the export has them all)."""
        table, header = self.table, self.table.horizontalHeader()
        rows = min(max(self.proxy.rowCount(), 1), TABLE_ROWS)
        height = header.sizeHint().height() + rows * max(table.verticalHeader().defaultSectionSize(), 1) \
            + 2 * table.frameWidth() + 2
        table.setFixedHeight(height)
        width = (table.viewport().width() or table.width()) - 4
        style = header.style()
        mark = style.pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize, None, header) \
            + style.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)  # a sort arrow may come
        name_need = max(header.sectionSizeHint(0), table.fontMetrics().horizontalAdvance("0") * 12) + mark
        used = name_need
        hidden: list[str] = []
        for col in range(1, 1 + len(COLUMNS)):
            need = max(header.sectionSizeHint(col), table.sizeHintForColumn(col)) + mark + 2
            fits = not hidden and used + need <= width
            table.setColumnHidden(col, not fits)
            if fits:
                used += need
            else:
                hidden.append(label(COLUMNS[col - 1], "Figure"))
        # What Qt then lays out may still be a little wider (a vertical scroll bar, grid lines): trimmed.
        header.resizeSections()
        viewport = table.viewport().width()
        for col in range(len(COLUMNS), 0, -1):
            if header.length() <= viewport or header.length() <= 0:
                break
            if not table.isColumnHidden(col):
                table.setColumnHidden(col, True)
                hidden.insert(0, label(COLUMNS[col - 1], "Figure"))
                header.resizeSections()
        self.hidden_note.setText(self.tr("这里放不下的列：{names}。导出统计数据可以看到全部。").format(
            names="、".join(hidden)) if hidden else "")
        self.hidden_note.setVisible(bool(hidden) and self.result is not None)

    def _reflow(self) -> None:
        """Tiles as many to a row as fit (each about 16 characters wide; fewer than four: the name
        beside the value, each tile 28 characters wide); charts two side by side
        when each gets 45 characters, else one under the other."""
        zero = max(1, self.fontMetrics().horizontalAdvance("0"))
        width = self.width() or 1000
        tiles = max(1, min(6, width // (zero * 16)))
        compact = tiles < 4
        if compact:  # the name beside the value: fewer, wider tiles
            tiles = max(1, min(3, width // (zero * 28)))
        if tiles != self._tile_columns:
            self._tile_columns = tiles
            for tile in self.tiles.values():
                self.tile_grid.removeWidget(tile)
                tile.set_compact(compact)
            for n, name in enumerate(TILES):
                self.tile_grid.addWidget(self.tiles[name], n // tiles, n % tiles)
            for c in range(6):
                self.tile_grid.setColumnStretch(c, 1 if c < tiles else 0)
        charts = 2 if width >= zero * 90 else 1
        if charts != self._chart_columns:
            self._chart_columns = charts
            for box in self.charts:
                self.chart_grid.removeWidget(box)
            for n, box in enumerate(self.charts):
                self.chart_grid.addWidget(box, n // charts, n % charts)
            for c in range(2):
                self.chart_grid.setColumnStretch(c, 1 if c < charts else 0)

    def resizeEvent(self, event: QResizeEvent) -> None:  # Qt's name
        super().resizeEvent(event)
        self._reflow()
        QTimer.singleShot(0, self, self._fit_table)  # once the table has its new width

    def changeEvent(self, event: QEvent) -> None:  # Qt's name
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._reflow()
            QTimer.singleShot(0, self, self._fit_table)

    def showEvent(self, event: QShowEvent) -> None:  # Qt's name
        super().showEvent(event)
        QTimer.singleShot(0, self, self._fit_table)

    # -- exports and the sheet ------------------------------------------------------------------
    def _chosen_period(self) -> Period | None:
        """The period shown (exports and the sheet are of what the administrator sees)."""
        return self._shown_period if self.result is not None else None

    def open_export(self, kind: ExportKind) -> None:
        from ui.report_export import ExportDialog

        period = self._chosen_period()
        if period is None or not self._is_admin():
            return
        dialog = ExportDialog(self.session, period, self.period_text(period), kind, self)
        dialog.exported.connect(self._exported)
        self.export_dialog = dialog
        dialog.open()

    def _exported(self, result: Exported) -> None:
        text = self.tr("已导出 {rows} 行：{path}").format(rows=result.rows, path=str(result.path))
        if not result.masked:
            text += self.tr("（未遮盖证件号码和电话，已记入日志）")
        self.message.setText(text)
        self.message.show()

    def print_sheet(self) -> None:
        """月度统计表: rendered on the worker, then the print preview (A4 only)."""
        from ui.monthly_print import show_monthly

        period = self._chosen_period()
        if period is None or not self._is_admin():
            return
        show_monthly(self.session, period, self)
