"""The case list as a Qt table model that fetches pages lazily on the worker thread.

The view asks ``canFetchMore``/``fetchMore`` when it scrolls near the end; each page (200 rows by
default) is read by :func:`app.services.cases.find_cases` through ``session.run`` and appended when
it arrives. Every new query bumps a generation number: pages and counts of an older query that
arrive late are dropped, so typing fast never shows stale rows. Nothing is ever loaded whole.

An open case's due date in a year with no official national calendar yet is marked 暂定 (its
tooltip says why): it was counted with the law's holidays only (``app.workdays``). The station's
calendar comes with every page, read on the worker.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from app.models import CaseStatus, CaseSummary
from app.services import cases
from app.station import Station
from app.workdays import WorkCalendar
from ui.devices import Device, Devices
from ui.labels import label
from ui.session import Session

log = logging.getLogger(__name__)

PAGE_SIZE = 200

# Column order of the table.
COLUMNS = ("case_no", "applicant", "id_masked", "items", "status", "origin", "created", "due")

_DUE_COLOURS = {"due_soon": QColor("#fff3b0"), "overdue": QColor("#ffc9c9")}
_DUE_TEXT = QColor("#1f1f1f")

_Index = QModelIndex | QPersistentModelIndex
_MASK_RUN = re.compile(r"\*{4,}")


def compact_mask(masked: str) -> str:
    """A masked ID number as a list shows it: the run of stars shortened, both unmasked ends kept
    ("5401**********1234" → "5401***1234"), so the tail that tells two people apart fits."""
    return _MASK_RUN.sub("***", masked)


@dataclass(frozen=True)
class CaseQuery:
    """What the list shows: a search text and filters (all optional, all combined)."""

    text: str = ""
    status: CaseStatus | None = None
    day: date | None = None
    item_code: str | None = None


class CaseListModel(QAbstractTableModel):
    page_loaded = Signal(int)  # rows now in the model, after a page arrived
    count_known = Signal(int)  # how many cases match the query in all
    failed = Signal(object)  # the error of the current query

    def __init__(self, session: Session, parent: QObject | None = None, page_size: int = PAGE_SIZE) -> None:
        super().__init__(parent)
        self.session = session
        self.page_size = page_size
        self.query = CaseQuery()
        self._rows: list[CaseSummary] = []
        self._cursor: int | str | None = None
        self._exhausted = True
        self._loading = False
        self._generation = 0
        self.total: int | None = None
        self._headers: dict[str, str] = {}
        # A narrow list (200 %, Tibetan) shows the intake's day without the time and the due date
        # without the words of its state (colour and tooltip keep them): see CasesPage.fit_columns.
        self.short_dates = False
        # Which device took each case in ("本机" or the other's name): set by the page (read on the worker).
        self.devices = Devices(this=Device(number=""))
        self.calendar: WorkCalendar | None = None  # the station's, as the last page came with it
        self.retranslate()

    # -- texts ----------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self._headers = {
            "case_no": self.tr("办件编号"),
            "applicant": self.tr("申请人"),
            "id_masked": self.tr("证件号码"),
            "items": self.tr("事项"),
            "status": self.tr("状态"),
            "origin": self.tr("受理设备"),
            "created": self.tr("收件时间"),
            "due": self.tr("承诺办结"),
        }
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(COLUMNS) - 1))

    def set_devices(self, devices: Devices) -> None:
        """The station's devices, to name the one that took each case."""
        if devices == self.devices:
            return
        self.devices = devices
        if self._rows:
            c = COLUMNS.index("origin")
            self.dataChanged.emit(self.index(0, c), self.index(len(self._rows) - 1, c))

    def status_text(self, status: str, in_conflict: bool | None = None) -> str:
        """A status as the list shows it: flagged in words while the case is in conflict. Without
        ``in_conflict``: as the longest row would show it (flagged when any row shown is)."""
        if in_conflict is None:
            in_conflict = any(r.in_conflict for r in self._rows)
        return self.tr("冲突：{status}").format(status=status) if in_conflict else status

    def shows_origin(self) -> bool:
        """Whether the list needs its device column: the station has other devices, or a case shown
        was taken on one (a station of one PC sees no column that always says 本机)."""
        this = self.devices.this.number
        return bool(self.devices.others) or (bool(this) and any(r.origin != this for r in self._rows))

    def provisional(self, r: CaseSummary) -> bool:
        """Whether an open case's due date was counted with the law's holidays only (暂定)."""
        if not r.promised_due or r.due_state is None or self.calendar is None:
            return False
        try:
            return self.calendar.is_provisional(date.fromisoformat(r.promised_due))
        except ValueError:
            return False

    def due_text(self, due: str, state: str | None, provisional: bool) -> str:
        """A due date as the list shows it: marked 暂定 when provisional, then the words of its state."""
        text = self.tr("{due}（暂定）").format(due=due) if provisional else due
        if state in _DUE_COLOURS:
            text += "  " + label(state, "DueState")
        return text

    def due_samples(self, day: str) -> tuple[list[str], list[str]]:
        """Texts of the due column to measure its width by (the whole texts, and the short ones of a
        narrow list): with the 暂定 mark only while a row shown has it."""
        marks = [False, True] if any(self.provisional(r) for r in self._rows) else [False]
        whole = [self.due_text(day, state, mark) for state in (None, *_DUE_COLOURS) for mark in marks]
        return whole, [self.due_text(day, None, mark) for mark in marks]

    def _due_tip(self, r: CaseSummary) -> str | None:
        tips = [label(r.due_state, "DueState")] if r.due_state in _DUE_COLOURS else []
        if self.provisional(r):
            tips.append(self.tr("{year} 年尚无官方的全国节假日安排：此期限暂按法定节假日计算（不含调休上班），"
                                "平台发布全国日历后可能变动。").format(year=(r.promised_due or "")[:4]))
        return "\n".join(tips) or None

    def set_short_dates(self, short: bool) -> None:
        if short == self.short_dates:
            return
        self.short_dates = short
        if self._rows:
            for column in ("created", "due"):
                c = COLUMNS.index(column)
                self.dataChanged.emit(self.index(0, c), self.index(len(self._rows) - 1, c))

    # -- queries --------------------------------------------------------------------------------
    @property
    def loading(self) -> bool:
        return self._loading

    @property
    def exhausted(self) -> bool:
        return self._exhausted

    def set_query(self, query: CaseQuery) -> None:
        """Show ``query`` from its first page (an older query's pages are dropped when they come)."""
        self.query = query
        self.reload()

    def reload(self) -> None:
        self._generation += 1
        self.beginResetModel()
        self._rows = []
        self._cursor = None
        self._exhausted = False
        self._loading = False
        self.total = None
        self.endResetModel()
        self._fetch()
        self._count()

    def clear(self) -> None:
        """Forget every row (logout): nothing personal stays in memory."""
        self._generation += 1
        self.beginResetModel()
        self._rows = []
        self._cursor = None
        self._exhausted = True
        self._loading = False
        self.total = None
        self.query = CaseQuery()
        self.endResetModel()

    def _fetch(self) -> None:
        if self._loading or self._exhausted:
            return
        self._loading = True
        generation, q, cursor, size = self._generation, self.query, self._cursor, self.page_size

        def load(st: Station) -> tuple[cases.CaseListPage, WorkCalendar]:
            return cases.find_cases(st, q.text, status=q.status, day=q.day, item_code=q.item_code,
                                    limit=size, cursor=cursor), st.calendar

        self.session.run(load, lambda result: self._arrived(generation, *result),
                         on_error=lambda exc: self._failed(generation, exc))

    def _count(self) -> None:
        generation, q = self._generation, self.query

        def count(st: Station) -> int:
            return cases.count_cases(st, q.text, status=q.status, day=q.day, item_code=q.item_code)

        self.session.run(count, lambda n: self._counted(generation, n),
                         on_error=lambda exc: self._failed(generation, exc))

    def _arrived(self, generation: int, page: cases.CaseListPage, calendar: WorkCalendar | None = None) -> None:
        if generation != self._generation:
            return  # an older query's page
        if calendar is not None:
            self.calendar = calendar
        self._loading = False
        self._cursor = page.cursor
        self._exhausted = page.cursor is None
        if page.rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page.rows) - 1)
            self._rows.extend(page.rows)
            self.endInsertRows()
        self.page_loaded.emit(len(self._rows))

    def _counted(self, generation: int, n: int) -> None:
        if generation == self._generation:
            self.total = n
            self.count_known.emit(n)

    def _failed(self, generation: int, exc: Exception) -> None:
        if generation != self._generation:
            return
        self._loading = False
        self._exhausted = True
        self.failed.emit(exc)

    # -- Qt's model interface -------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(COLUMNS)

    def canFetchMore(self, parent: _Index) -> bool:
        return not parent.isValid() and not self._exhausted and not self._loading

    def fetchMore(self, parent: _Index) -> None:
        if not parent.isValid():
            self._fetch()

    def case_no(self, row: int) -> str | None:
        return self._rows[row].case_no if 0 <= row < len(self._rows) else None

    def summary(self, row: int) -> CaseSummary | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal and 0 <= section < len(
                COLUMNS):
            return self._headers[COLUMNS[section]]
        return super().headerData(section, orientation, role)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        r = self._rows[index.row()]
        column = COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if role == Qt.ItemDataRole.ToolTipRole:
                if column == "due" and (tip := self._due_tip(r)) is not None:
                    return tip
                if column == "id_masked":
                    return r.id_masked  # the masked number as stored, every star
                if column == "created":
                    return r.created_at[:16].replace("T", " ")
            return self._text(r, column)
        if role == Qt.ItemDataRole.UserRole:
            return r.case_no
        if column == "due" and r.due_state in _DUE_COLOURS:
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(_DUE_COLOURS[r.due_state])
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(_DUE_TEXT)
        return None

    def _text(self, r: CaseSummary, column: str) -> str:
        if column == "case_no":
            return r.case_no
        if column == "applicant":
            return r.applicant_name
        if column == "id_masked":
            return compact_mask(r.id_masked)
        if column == "items":
            return r.items
        if column == "status":
            return self.status_text(label(r.status), r.in_conflict)
        if column == "origin":
            return self.devices.origin_text(r.origin) if self.devices.this.number else ""
        if column == "created":
            return r.created_at[:10] if self.short_dates else r.created_at[:16].replace("T", " ")
        if column == "due":
            if not r.promised_due:
                return ""
            return self.due_text(r.promised_due, None if self.short_dates else r.due_state, self.provisional(r))
        return ""
