"""办件查询: find a case by number, name (Chinese, pinyin, initials, Tibetan), ID suffix or phone,
filter by status, day and item, and open it.

The list is a lazy model (``ui.case_list_model``): pages come from the worker as the view scrolls,
so a station with 200,000 cases opens as fast as one with twenty. Typing searches after a short
pause; Enter in the search box searches at once and moves to the list; Enter or a double click on
a row opens the case. Where the station has other devices, a column says which took each case.
"""

from __future__ import annotations

import logging
from datetime import date

import shiboken6
from PySide6.QtCore import QDate, QEvent, QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.models import CaseStatus, ServiceItem
from app.services import catalogue
from app.station import Station
from ui.case_list_model import COLUMNS, CaseListModel, CaseQuery
from ui.devices import Devices, numbered_name, read_devices, this_device_text
from ui.errors import message_for
from ui.labels import choices
from ui.page import FlowLayout, Page, pair
from ui.session import Session

log = logging.getLogger(__name__)

DEBOUNCE_MS = 250
# What the columns must be able to show whole (measured with the list's font, whatever the scale).
SAMPLE_CASE_NO = "5401271000002026112200001"
SAMPLE_CASE_TAIL = "…" + SAMPLE_CASE_NO[-13:]  # the day and the sequence number tell cases apart
SAMPLE_ID = "5401***1234"  # ui.case_list_model.compact_mask of a resident ID
SAMPLE_TIME = "2026-11-22 16:03"
SAMPLE_DAY = "2026-11-22"
SAMPLE_NAME = "格桑卓玛"
SAMPLE_ITEMS = "最低生活保障"


class ElideDelegate(QStyledItemDelegate):
    """Draws a column elided on the left or in the middle: the tail of a number is what tells
    two rows apart (every case number of a station starts with its code)."""

    def __init__(self, mode: Qt.TextElideMode, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.mode = mode

    def initStyleOption(self, option: QStyleOptionViewItem,  # Qt's name
                        index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        option.textElideMode = self.mode


class CasesPage(Page):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self._items_loaded = False

        self.heading = QLabel()
        self.search_label = QLabel()
        self.search_edit = QLineEdit()
        self.search_edit.setClearButtonEnabled(True)
        self.search_label.setBuddy(self.search_edit)
        self.search_hint = QLabel()
        self.search_hint.setWordWrap(True)
        self.search_hint.setProperty("size", "small")

        self.status_label = QLabel()
        self.status_combo = QComboBox()
        self.status_label.setBuddy(self.status_combo)
        self.day_check = QCheckBox()
        self.day_edit = QDateEdit()
        self.day_edit.setCalendarPopup(True)
        self.day_edit.setDisplayFormat("yyyy-MM-dd")
        self.day_edit.setDate(QDate.currentDate())
        self.day_edit.setEnabled(False)
        self.item_label = QLabel()
        self.item_combo = QComboBox()
        self.item_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.item_combo.setMinimumContentsLength(12)
        self.item_label.setBuddy(self.item_combo)
        self.reset_button = QPushButton()

        self.model = CaseListModel(session, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COLUMNS.index("items"), QHeaderView.ResizeMode.Stretch)
        self.table.setItemDelegateForColumn(COLUMNS.index("case_no"),
                                            ElideDelegate(Qt.TextElideMode.ElideLeft, self.table))
        self.table.setItemDelegateForColumn(COLUMNS.index("id_masked"),
                                            ElideDelegate(Qt.TextElideMode.ElideMiddle, self.table))
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(0)
        self._fit_timer.timeout.connect(self.fit_columns)
        self.table.setTabKeyNavigation(False)
        self.summary_label = QLabel()
        self.open_button = QPushButton()

        search_row = QHBoxLayout()
        search_row.addWidget(self.search_label)
        search_row.addWidget(self.search_edit, 1)
        filters = FlowLayout()  # on two lines when 200 % or Tibetan needs it, never past the edge
        filters.addWidget(pair(self.status_label, self.status_combo))
        filters.addWidget(pair(self.day_check, self.day_edit))
        filters.addWidget(pair(self.item_label, self.item_combo))
        filters.addWidget(self.reset_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary_label, 1)
        bottom.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(search_row)
        layout.addWidget(self.search_hint)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

        for first, second in ((self.search_edit, self.status_combo), (self.status_combo, self.day_check),
                              (self.day_check, self.day_edit), (self.day_edit, self.item_combo),
                              (self.item_combo, self.reset_button), (self.reset_button, self.table),
                              (self.table, self.open_button)):
            QWidget.setTabOrder(first, second)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self.search_now)
        self.search_edit.textChanged.connect(lambda _t: self._debounce.start())
        self.search_edit.returnPressed.connect(self._search_and_go_to_list)
        self.status_combo.currentIndexChanged.connect(lambda _i: self.search_now())
        self.day_check.toggled.connect(self._day_toggled)
        self.day_edit.dateChanged.connect(lambda _d: self.search_now() if self.day_check.isChecked() else None)
        self.item_combo.currentIndexChanged.connect(lambda _i: self.search_now())
        self.reset_button.clicked.connect(self.reset_filters)
        self.table.activated.connect(self._activated)
        self.open_button.clicked.connect(self.open_current)
        self.model.page_loaded.connect(lambda _n: self._show_summary())
        self.model.page_loaded.connect(lambda _n: self._fit_timer.start())  # a case of another device: its column
        self.model.count_known.connect(lambda _n: self._show_summary())
        self.model.failed.connect(self._failed)
        self.model.modelReset.connect(self._show_summary)
        session.data_changed.connect(self._data_changed)
        self.retranslate()

    # -- texts ----------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.heading.setText(self.tr("办件查询"))
        self._scale_heading()
        self.search_label.setText(self.tr("查找(&F)："))
        # What may be typed, under the field (as a placeholder it was cut at 200 % and in Tibetan)
        self.search_hint.setText(self.tr("办件编号、姓名（汉字、拼音、首字母、藏文）、证件号码后几位、电话"))
        self.status_label.setText(self.tr("状态(&T)："))
        self._fill_statuses()
        self.day_check.setText(self.tr("收件日期(&D)"))
        self.item_label.setText(self.tr("事项(&I)："))
        if self.item_combo.count() == 0:
            self.item_combo.addItem("", None)
        self.item_combo.setItemText(0, self.tr("全部事项"))
        self.reset_button.setText(self.tr("清除条件(&R)"))
        self.open_button.setText(self.tr("打开办件(&O)"))
        self.model.retranslate()
        self._show_summary()
        self._fit_timer.start()

    # -- column widths --------------------------------------------------------------------------
    def fit_columns(self) -> None:
        """Widths that show whole dates, statuses and the tails of numbers at the list's font (scale
        and language change it); the items take the rest. When the page is too narrow, step by step:
        case numbers show their tail (day and sequence number), then the intake's day goes without
        its time and a due date without the words of its state (its colour stays; both on hover)."""
        if not shiboken6.isValid(self.table):  # (a page being deleted)
            return
        table, header = self.table, self.table.horizontalHeader()
        for name in ("origin", "id_masked", "created"):  # measured shown: a hidden section's size hint is 0
            table.setColumnHidden(COLUMNS.index(name), False)
        fm = table.fontMetrics()
        margin = table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1
        pad = 2 * margin + 2

        def fit(name: str, *texts: str) -> int:
            return max(max(fm.horizontalAdvance(t) for t in texts) + pad,
                       header.sectionSizeHint(COLUMNS.index(name)))

        due_whole, due_short = self.model.due_samples(SAMPLE_DAY)  # 暂定 counted while a row has it
        want = {
            "case_no": fit("case_no", SAMPLE_CASE_NO),
            "applicant": fit("applicant", SAMPLE_NAME),
            "id_masked": fit("id_masked", SAMPLE_ID),
            "status": fit("status", *(self.model.status_text(name) for _code, name in choices("CaseStatus"))),
            "origin": fit("origin", this_device_text(), numbered_name("00")),
            "created": fit("created", SAMPLE_TIME),
            "due": fit("due", *due_whole),
        }
        # Which device took each case: only where the station has other devices (or cases from them).
        table.setColumnHidden(COLUMNS.index("origin"), not self.model.shows_origin())
        if not self.model.shows_origin():
            del want["origin"]
        narrower = [
            {"case_no": fit("case_no", SAMPLE_CASE_TAIL)},
            {"created": fit("created", SAMPLE_DAY), "due": fit("due", *due_short)},
        ]
        room = table.width() - 2 * table.frameWidth() - table.style().pixelMetric(
            QStyle.PixelMetric.PM_ScrollBarExtent, None, table)
        items_min = fit("items", SAMPLE_ITEMS)
        short = False
        for step, change in enumerate(narrower):
            if sum(want.values()) + items_min <= room:
                break
            want.update(change)
            short = step >= 1
        self.model.set_short_dates(short)
        # Still too wide (200 %, Tibetan): the case number and the name give up spare width first
        # (the number keeps its tail, the name elides; whole on hover), then the other columns down
        # to their header; only then the device that took the case in goes, then the masked ID, then the
        # day of intake (the row keeps the number's tail, the name, the status and the due date; the
        # rest is on the case page). The list never scrolls sideways.
        items_head = header.sectionSizeHint(COLUMNS.index("items"))
        header.setMinimumSectionSize(min(items_head, fm.horizontalAdvance("……") + pad))
        over = sum(want.values()) + items_head - room
        tail = fit("case_no", "…" + SAMPLE_CASE_NO[-9:])  # as drawn: nine digits after the ellipsis
        floors = {name: header.sectionSizeHint(COLUMNS.index(name)) for name in want}
        floors["case_no"] = max(floors["case_no"], tail)
        floors["due"] = max(floors["due"], fit("due", *due_short))  # the date whole, and its 暂定 mark
        rest = sorted((n for n in want if n not in ("case_no", "applicant")), key=lambda n: want[n] - floors[n],
                      reverse=True)
        order = ["case_no", "applicant", *rest]
        for name in order:
            if over <= 0:
                break
            give = min(over, want[name] - floors[name])
            if give > 0:
                want[name] -= give
                over -= give
        for name in ("origin", "id_masked", "created"):
            if name not in want:
                continue
            table.setColumnHidden(COLUMNS.index(name), over > 0)
            if over > 0:
                over -= want.pop(name)
        for name, width in want.items():
            header.resizeSection(COLUMNS.index(name), width)

    def resizeEvent(self, event: QResizeEvent) -> None:  # Qt's name
        super().resizeEvent(event)
        self._fit_timer.start()

    def _scale_heading(self) -> None:
        """A page title: its size comes from the application style sheet (follows the font scale)."""
        self.heading.setProperty("heading", "1")

    def changeEvent(self, event: QEvent) -> None:  # Qt's name
        if event.type() == QEvent.Type.FontChange:
            self._scale_heading()
            self._fit_timer.start()
        super().changeEvent(event)

    def _fill_statuses(self) -> None:
        current = self.status_combo.currentData()
        self.status_combo.blockSignals(True)
        self.status_combo.clear()
        self.status_combo.addItem(self.tr("全部状态"), None)
        for code, name in choices("CaseStatus"):
            self.status_combo.addItem(name, code)
        at = self.status_combo.findData(current)
        self.status_combo.setCurrentIndex(max(0, at))
        self.status_combo.blockSignals(False)

    def _show_summary(self) -> None:
        shown = self.model.rowCount()
        total = self.model.total
        if self.model.loading and shown == 0:
            text = self.tr("正在查找…")
        elif total is None:
            text = self.tr("已显示 {shown} 件").format(shown=shown)
        elif total == 0:
            text = self.tr("没有符合条件的办件")
        elif shown < total:
            text = self.tr("共 {total} 件，已显示 {shown} 件（向下滚动显示更多）").format(total=total, shown=shown)
        else:
            text = self.tr("共 {total} 件").format(total=total)
        self.summary_label.setText(text)

    # -- what is shown --------------------------------------------------------------------------
    def refresh(self) -> None:
        """The page was shown (also by Ctrl+F): the search box gets the focus, the list reloads."""
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()
        if not self._items_loaded:
            self._load_items()
        self.session.run(read_devices, self._got_devices, on_error=lambda exc: log.info(
            "devices not read: %s", type(exc).__name__))
        if not self.day_check.isChecked():
            self.day_edit.blockSignals(True)
            today = self.session.clock.today()
            self.day_edit.setDate(QDate(today.year, today.month, today.day))
            self.day_edit.blockSignals(False)
        self.search_now()

    def clear(self) -> None:
        self._debounce.stop()
        for w in (self.search_edit, self.status_combo, self.day_check, self.item_combo):
            w.blockSignals(True)
        self.search_edit.clear()
        self.status_combo.setCurrentIndex(0)
        self.day_check.setChecked(False)
        self.day_edit.setEnabled(False)
        self.item_combo.setCurrentIndex(0)
        for w in (self.search_edit, self.status_combo, self.day_check, self.item_combo):
            w.blockSignals(False)
        self.model.clear()

    def current_query(self) -> CaseQuery:
        status = self.status_combo.currentData()
        shown = self.day_edit.date()
        day = date(shown.year(), shown.month(), shown.day()) if self.day_check.isChecked() else None
        return CaseQuery(text=self.search_edit.text().strip(), status=CaseStatus(status) if status else None,
                         day=day, item_code=self.item_combo.currentData() or None)

    def search_now(self) -> None:
        """Show the list for what is typed and chosen now (no waiting for the pause)."""
        self._debounce.stop()
        if self.session.station is None:
            return
        self.model.set_query(self.current_query())
        self._show_summary()

    def _search_and_go_to_list(self) -> None:
        if self._debounce.isActive() or self.current_query() != self.model.query:
            self.search_now()
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        if self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(0, 0))
        else:
            self.model.page_loaded.connect(self._select_first_once)

    def _select_first_once(self, _rows: int) -> None:
        self.model.page_loaded.disconnect(self._select_first_once)
        if self.model.rowCount() and not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(self.model.index(0, 0))

    def reset_filters(self) -> None:
        for w in (self.status_combo, self.day_check, self.item_combo):
            w.blockSignals(True)
        self.status_combo.setCurrentIndex(0)
        self.day_check.setChecked(False)
        self.day_edit.setEnabled(False)
        self.item_combo.setCurrentIndex(0)
        for w in (self.status_combo, self.day_check, self.item_combo):
            w.blockSignals(False)
        self.search_now()

    def _day_toggled(self, on: bool) -> None:
        self.day_edit.setEnabled(on)
        self.search_now()

    def _load_items(self) -> None:
        self.session.run(lambda st: _items(st), self._got_items, on_error=lambda exc: log.info(
            "item list not loaded: %s", type(exc).__name__))

    def _got_items(self, items: list[tuple[str, str]]) -> None:
        self._items_loaded = True
        current = self.item_combo.currentData()
        self.item_combo.blockSignals(True)
        while self.item_combo.count() > 1:
            self.item_combo.removeItem(1)
        for code, name in items:
            self.item_combo.addItem(name, code)
            self.item_combo.setItemData(self.item_combo.count() - 1, code, Qt.ItemDataRole.ToolTipRole)
        self.item_combo.setCurrentIndex(max(0, self.item_combo.findData(current)))
        self.item_combo.blockSignals(False)

    def _got_devices(self, devices: Devices) -> None:
        self.model.set_devices(devices)
        self._fit_timer.start()

    def _data_changed(self, _case_no: str) -> None:
        if self.session.station is None:
            return
        if self.isVisible():  # a hidden list reloads when it is shown again (refresh)
            self.model.reload()

    def _failed(self, exc: Exception) -> None:
        self.summary_label.setText(message_for(exc))

    # -- opening --------------------------------------------------------------------------------
    def _activated(self, index: QModelIndex) -> None:
        case_no = self.model.case_no(index.row())
        if case_no:
            self.open_case.emit(case_no)

    def open_current(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self._activated(index)


def _items(station: Station) -> list[tuple[str, str]]:
    """(code, name) of the catalogue's items, for the filter."""
    found: list[ServiceItem] = catalogue.list_items(station)
    return sorted(((i.code, i.name.zh) for i in found), key=lambda p: p[0])
