"""What every page of the main window has: texts re-set on a language change, data loaded when
shown (through the session's task runner), personal data dropped at logout.

Subclasses put their ``self.tr(...)`` calls in their own methods (lupdate files a text under the
class whose source it is in), and never touch ``session.station.db`` on the GUI thread.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLayout,
    QLayoutItem,
    QLineEdit,
    QScrollArea,
    QSizePolicy,
    QWidget,
)

from ui.i18n import Retranslating, row_height
from ui.session import Session


def scrolling(content: QWidget) -> QScrollArea:
    """``content`` in a scroll area that scrolls up and down only: the content takes the area's
    width (a page's layout must fit any width the window gives it: word wrap, elision, no fixed
    widths) and its height for that width (word-wrapped labels included)."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setWidget(content)
    return area


class FlowLayout(QLayout):
    """Widgets side by side while the width holds them, then on the next line (a row of buttons
    or filters that a 200 % or Tibetan label would push past the window's edge). Right-aligned
    with ``align_right`` (a dialog's or a step's actions)."""

    def __init__(self, parent: QWidget | None = None, *, align_right: bool = False) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self.align_right = align_right

    def addItem(self, item: QLayoutItem) -> None:  # Qt's name
        self._items.append(item)

    def count(self) -> int:  # Qt's name
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # Qt's name
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # Qt's name
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # Qt's name
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # Qt's name
        return True

    def heightForWidth(self, width: int) -> int:  # Qt's name
        return self._place(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:  # Qt's name
        super().setGeometry(rect)
        self._place(rect, move=True)

    def sizeHint(self) -> QSize:  # Qt's name
        return self.minimumSize()

    def minimumSize(self) -> QSize:  # Qt's name
        size = QSize()
        for item in self._visible():
            size = size.expandedTo(item.minimumSize())
        m = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    def _visible(self) -> list[QLayoutItem]:
        return [i for i in self._items if not ((w := i.widget()) is not None and w.isHidden())]

    def _gap(self) -> int:
        gap = self.spacing()
        if gap < 0:
            parent = self.parentWidget()
            style = parent.style() if parent is not None else QApplication.style()
            gap = style.pixelMetric(style.PixelMetric.PM_LayoutHorizontalSpacing)
        return max(gap, 4)

    def _place(self, rect: QRect, move: bool) -> int:
        m = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        gap = self._gap()
        lines: list[list[tuple[QLayoutItem, QSize]]] = [[]]
        used = 0
        for item in self._visible():
            hint = item.sizeHint().boundedTo(QSize(area.width(), 1 << 20)).expandedTo(item.minimumSize())
            hint.setWidth(min(hint.width(), area.width()))
            if lines[-1] and used + gap + hint.width() > area.width():
                lines.append([])
                used = 0
            used += (gap if lines[-1] else 0) + hint.width()
            lines[-1].append((item, hint))
        y = area.y()
        for line in lines:
            if not line:
                continue
            height = max(h.height() for _i, h in line)
            width = sum(h.width() for _i, h in line) + gap * (len(line) - 1)
            x = area.x() + (area.width() - width if self.align_right else 0)
            for item, hint in line:
                if move:
                    item.setGeometry(QRect(QPoint(x, y + (height - hint.height()) // 2), hint))
                x += hint.width() + gap
            y += height + gap
        return y - gap - rect.y() + m.bottom()


def pair(*widgets: QWidget) -> QWidget:
    """Widgets that belong together (a label and its field) as one piece of a ``FlowLayout``."""
    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    for w in widgets:
        row.addWidget(w)
    box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
    return box


def fit_rows(widget: QWidget) -> None:
    """Every table of ``widget`` with rows as tall as a line of the tallest script (a table's rows
    are as tall as the Latin font asks by default: a Tibetan stack would be cut)."""
    for header in widget.findChildren(QHeaderView):
        if header.orientation() == Qt.Orientation.Vertical:
            view = header.parentWidget()
            height = row_height(view.font() if view else header.font())
            if header.minimumSectionSize() != height:
                header.setMinimumSectionSize(height)
                header.setDefaultSectionSize(height)


def fit_to_screen(window: QWidget) -> None:
    """A top-level window (dialog, preview) no larger than the screen it opens on, and as tall as
    its content needs at its width where the screen has room (a top-level layout asks for its
    minimum size, not for the height of word-wrapped texts at its width; a scroll area inside it
    asks for little). Call it when the window is shown."""
    screen = window.screen() or QApplication.primaryScreen()
    room = screen.availableGeometry().size() if screen is not None else None
    width, height = window.width(), window.height()
    for edit in window.findChildren(QLineEdit):  # wide enough for every placeholder (an example, a format)
        if edit.isVisibleTo(window) and edit.placeholderText() and edit.window() is window:
            need = edit.fontMetrics().horizontalAdvance(edit.placeholderText()) + edit.fontMetrics().height()
            width = max(width, window.width() + need - edit.width())
    layout = window.layout()
    if layout is not None:  # as wide as its rows ask (a row of fields and buttons is not squeezed)
        width = max(width, layout.sizeHint().width())
    if layout is not None and layout.hasHeightForWidth():
        height = max(height, layout.totalHeightForWidth(width))
    extra = 0
    for area in window.findChildren(QScrollArea):
        content = area.widget()
        if content is None or not area.isVisibleTo(window) or area.window() is not window:
            continue
        inner = content.layout()
        need = (inner.totalHeightForWidth(area.viewport().width()) if inner is not None and inner.hasHeightForWidth()
                else content.sizeHint().height())
        extra = max(extra, need - area.viewport().height())
    height += extra
    if room is not None:
        width, height = min(width, room.width()), min(height, room.height())
    if (width, height) != (window.width(), window.height()):
        window.resize(width, height)


class Page(Retranslating, QWidget):
    """``scrolls_itself``: the page puts its content in its own scroll area (``scrolling``) and
    keeps what must always show (a step's navigation) outside it; other pages are put in one
    scroll area as a whole by the window."""

    scrolls_itself = False
    open_case = Signal(str)  # show this case's detail
    navigate = Signal(str)  # go to another page by its name ("dashboard", "intake", "cases", ...)
    evaluate = Signal(str)  # open the citizen's evaluation screen for this case

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session

    def showEvent(self, event: QShowEvent) -> None:  # Qt's name
        fit_rows(self)
        super().showEvent(event)

    def changeEvent(self, event: QEvent) -> None:  # Qt's name (LanguageChange: Retranslating)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange) and self.isVisible():
            fit_rows(self)
        super().changeEvent(event)


    def retranslate(self) -> None:
        """Set every visible text again (called on LanguageChange)."""

    def refresh(self) -> None:
        """Load what the page shows (called when the page is shown and when data changed)."""

    def clear(self) -> None:
        """Forget everything personal (called at logout)."""
