"""Charts of the figures (QtCharts), for the report page and the dashboard.

A chart's title is a word-wrapped ``QLabel`` above it (``ChartBox``): QtCharts cuts a long title on
one line, and the layout audit reads labels, not a chart's items. The charts' fonts follow the
window's font scale: the view takes its font from the application's style sheet like every widget,
and hands it to the chart's axes, legend and value labels whenever it changes (a chart's theme
would otherwise keep its own small pixel sizes). Colours differ in lightness as well as hue, and
every chart with more than one colour has a legend in words, so a grey print tells them apart.

Nothing here reads the store or knows a figure's meaning: callers pass categories and values.
"""

from __future__ import annotations

import logging
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCharts import (
    QAbstractAxis,
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QCategoryAxis,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QHorizontalStackedBarSeries,
    QLineSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QEvent, QMargins, QPointF, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QCursor, QFont, QFontMetricsF, QPainter, QPen, QResizeEvent
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QToolTip, QVBoxLayout, QWidget

from ui.i18n import row_height

log = logging.getLogger(__name__)

_TIBETAN = re.compile(r"[\u0f00-\u0fff]")

# Dark and light: apart in colour and in grey.
DARK = QColor("#1f5f99")  # dark blue
LIGHT = QColor("#f4b183")  # light orange
GOOD = QColor("#2e7d32")  # dark green: 好评
BAD = QColor("#e57373")  # light red: 差评


@dataclass(frozen=True)
class Bars:
    """One set of bars: its name in the legend, a value per category, its colour."""

    name: str
    values: Sequence[float]
    colour: QColor


class ChartView(QChartView):
    """A chart at the window's font scale, at least ``lines`` lines of text tall."""

    def __init__(self, lines: int = 12, parent: QWidget | None = None) -> None:
        super().__init__(_new_chart(), parent)
        self.lines = lines
        self.rows = 0  # names down the side (horizontal bars)
        self.tall = False  # … in Tibetan
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # nothing to do with the keyboard: the tables hold the figures
        self._draw: Callable[[ChartView], object] | None = None
        self._drawn_width = 0
        self._again = QTimer(self)  # drawn again once a resize or a font change settles
        self._again.setSingleShot(True)
        self._again.setInterval(60)
        self._again.timeout.connect(self.redraw)
        self._fit()

    def draw(self, how: Callable[[ChartView], object] | None) -> None:
        """Draw the chart with ``how(view)`` now, and again whenever the view's width or font changes
        (labels are thinned and names shortened for the room there is); None: an empty chart."""
        self._draw = how
        self.redraw()

    def redraw(self) -> None:
        self._drawn_width = self.width()
        if self._draw is None:
            _clear(self)
        else:
            self._draw(self)

    def fit_rows(self, names: Sequence[str]) -> None:
        """Tall enough for ``names`` down the side, each on a line of its script (a Tibetan name
        needs about twice a Chinese line; QtCharts leaves out a label that would touch the next)."""
        self.rows = len(names)
        self.tall = any(_TIBETAN.search(n) for n in names)
        self._fit()

    def _fit(self) -> None:
        plain = self.fontMetrics().height()
        line = row_height(self.font()) if self.tall else plain * 1.25
        need = max(self.lines * plain, math.ceil(self.rows * line * 1.05 + 3.2 * plain))
        if need != self.minimumHeight():
            self.setMinimumHeight(need)

    def sizeHint(self) -> QSize:  # Qt's name
        return QSize(20 * self.fontMetrics().height(), self.minimumHeight())

    def resizeEvent(self, event: QResizeEvent) -> None:  # Qt's name
        super().resizeEvent(event)
        if self._draw is not None and abs(self.width() - self._drawn_width) > 8:
            self._again.start()

    def changeEvent(self, event: QEvent) -> None:  # Qt's name
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit()
            style_chart(self.chart(), self.font())
            if self._draw is not None:
                self._again.start()


class ChartBox(QFrame):
    """A chart with its title above it (a heading that wraps) and a note under it (no data, a failure)."""

    def __init__(self, name: str, lines: int = 12, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"chart_{name}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = QLabel()
        self.title.setProperty("heading", "2")
        self.title.setWordWrap(True)
        self.view = ChartView(lines)
        self.view.setObjectName(f"chartView_{name}")
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setProperty("size", "small")
        self.note.hide()
        column = QVBoxLayout(self)
        column.addWidget(self.title)
        column.addWidget(self.view, 1)
        column.addWidget(self.note)

    @property
    def chart(self) -> QChart:
        return self.view.chart()

    def say(self, text: str) -> None:
        """A note under the chart ("" hides it)."""
        self.note.setText(text)
        self.note.setVisible(bool(text))


def style_chart(chart: QChart, font: QFont) -> None:
    """The chart's texts in ``font`` (the view's: the window's font scale)."""
    small = QFont(font)
    if font.pointSizeF() > 0:
        small.setPointSizeF(font.pointSizeF() * 0.85)
    chart.legend().setFont(font)
    for axis in chart.axes():
        axis.setLabelsFont(font)
        axis.setTitleFont(font)
    for series in chart.series():
        if isinstance(series, QAbstractBarSeries):
            for bar_set in series.barSets():
                bar_set.setLabelFont(small)
        elif isinstance(series, QLineSeries):
            series.setPointLabelsFont(small)


def _new_chart() -> QChart:
    chart = QChart()
    chart.setBackgroundRoundness(0)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.layout().setContentsMargins(0, 0, 0, 0)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    return chart


def _clear(view: QChartView) -> QChart:
    """A new, empty chart in ``view`` (axes removed from a chart in use leave their drawing behind)."""
    old = view.chart()
    chart = _new_chart()
    view.setChart(chart)
    if old is not None:
        old.deleteLater()
    return chart


def clear(view: QChartView) -> None:
    """Nothing shown (logout, no report)."""
    _clear(view)


def _value_axis(top: float) -> QValueAxis:
    """Counts from 0: whole numbers only (a tick at 0.5 would read "0" or "1" twice)."""
    axis = QValueAxis()
    axis.setLabelFormat("%d")
    axis.setMinorTickCount(0)
    axis.setTruncateLabels(False)  # a count is short; on a window laid out late QtCharts cut every one to "…"
    whole = max(1, math.ceil(top))
    if whole <= 8:
        axis.setRange(0, whole)
        axis.setTickCount(whole + 1)
    else:
        axis.setRange(0, whole)
        axis.applyNiceNumbers()
        low, high = axis.min(), axis.max()
        step = (high - low) / max(1, axis.tickCount() - 1)
        if step != int(step):  # nice numbers in halves: whole steps instead
            axis.setTickCount(5)
            axis.setRange(0, math.ceil(high / 4) * 4)
    return axis


def _categories(view: QChartView, names: Sequence[str], across: bool) -> QAbstractAxis:
    """The axis of ``names`` (category i at value i). Down the side (``across`` False) every name
    shows whole; along the bottom, where the labels of many days would run into each other, only
    every n-th is written, as many as the width holds."""
    names = list(names)
    fm = QFontMetricsF(view.font())
    widest = max((fm.horizontalAdvance(n) for n in names), default=0.0) + fm.horizontalAdvance("00")
    room = max(1.0, view.width() - fm.horizontalAdvance("0000") - 24)  # less the value axis
    step = 1 if not across or not names else max(1, math.ceil(widest / (room / len(names))))
    if step == 1:
        axis = QBarCategoryAxis()
        axis.append(names)
        axis.setTruncateLabels(False)
        return axis
    thinned = QCategoryAxis()
    thinned.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
    thinned.setRange(-0.5, len(names) - 0.5)
    thinned.setStartValue(-0.5)
    for i in range(0, len(names), step):
        thinned.append(names[i], i)
    thinned.setTruncateLabels(False)
    thinned.setGridLineVisible(False)
    return thinned


def elided(view: QChartView, names: Sequence[str], share: float) -> list[str]:
    """``names`` shortened (…) to ``share`` of the view's width at its font: a long item name must
    leave room for its bar (the whole name shows when the bar is hovered, and in the tables)."""
    fm = QFontMetricsF(view.font())
    room = max(fm.horizontalAdvance("0") * 6, view.width() * share)
    return [fm.elidedText(n, Qt.TextElideMode.ElideRight, room) for n in names]


def _tip(categories: Sequence[str], bar_set: QBarSet, index: int, shown: bool) -> None:
    """Hovering a bar says its category, set and value (a long name cut on the axis shows whole)."""
    if not shown or not 0 <= index < len(categories):
        QToolTip.hideText()
        return
    QToolTip.showText(QCursor.pos(), f"{categories[index]}\n{bar_set.label()}: {bar_set.at(index):g}")


def bar_chart(view: QChartView, categories: Sequence[str], sets: Sequence[Bars], *, horizontal: bool = False,
              stacked: bool = False, values_shown: bool = True, tips: Sequence[str] | None = None
              ) -> QAbstractBarSeries:
    """Bars (side by side, or ``stacked``: sets that never share a category, each in its colour) over
    ``categories``; horizontal bars list the first category at the top. Category labels are never
    cut: where they would overlap, QtCharts leaves some out (a day's number under every other bar).
    The legend shows when there is more than one set. ``tips``: the categories' whole names for
    the hover."""
    chart = _clear(view)
    names = list(categories)
    whole = list(tips) if tips is not None else list(names)
    if horizontal:  # QtCharts draws the first category at the bottom
        names, whole = names[::-1], whole[::-1]
    series: QAbstractBarSeries
    if horizontal:
        series = QHorizontalStackedBarSeries() if stacked else QHorizontalBarSeries()
    else:
        series = QStackedBarSeries() if stacked else QBarSeries()
    top = 0.0
    for s in sets:
        values = list(s.values)[::-1] if horizontal else list(s.values)
        bar_set = QBarSet(s.name)
        bar_set.append([float(v) for v in values])
        bar_set.setColor(s.colour)
        bar_set.setBorderColor(s.colour.darker(140))
        bar_set.setLabelColor(QColor("#000000"))
        series.append(bar_set)
        bar_set.hovered.connect(lambda shown, index, b=bar_set: _tip(whole, b, index, shown))
        top = max(top, *values) if values else top
    if stacked and sets:
        top = max((sum(float(s.values[i]) for s in sets) for i in range(len(names))), default=0.0)
    if values_shown:
        series.setLabelsVisible(True)
        series.setLabelsPosition(QAbstractBarSeries.LabelsPosition.LabelsOutsideEnd
                                 if not stacked else QAbstractBarSeries.LabelsPosition.LabelsCenter)
        series.setLabelsPrecision(6)
    chart.addSeries(series)
    if isinstance(view, ChartView):
        view.fit_rows(names if horizontal else [])
    categories_axis = _categories(view, names, across=not horizontal)
    values_axis = _value_axis(top * (1.15 if values_shown else 1.0))
    if horizontal:
        chart.addAxis(categories_axis, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(values_axis, Qt.AlignmentFlag.AlignBottom)
    else:
        chart.addAxis(categories_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(values_axis, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(categories_axis)
    series.attachAxis(values_axis)
    chart.legend().setVisible(len(sets) > 1)
    style_chart(chart, view.font())
    return series


def line_chart(view: QChartView, categories: Sequence[str], points: Sequence[tuple[int, float]], name: str,
               *, top: float = 100.0, suffix: str = "%") -> QLineSeries:
    """A line through ``points`` (category index, value from 0 to ``top``), every point marked and
    labelled with its value, so that a single point shows as well as twelve."""
    chart = _clear(view)
    series = QLineSeries()
    series.setName(name)
    series.setColor(DARK)
    pen = QPen(DARK)
    pen.setWidthF(2.5)
    series.setPen(pen)
    series.setPointsVisible(True)
    series.setMarkerSize(max(6.0, view.fontMetrics().height() * 0.3))
    series.setPointLabelsVisible(True)
    series.setPointLabelsFormat("@yPoint" + suffix)
    series.setPointLabelsClipping(False)
    series.append([QPointF(i, v) for i, v in points])
    chart.addSeries(series)
    categories_axis = _categories(view, categories, across=True)  # point i sits on category i
    values_axis = QCategoryAxis()  # 0 … top in quarters, with room above top for a point's label
    values_axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
    values_axis.setRange(0, top * 1.15)
    values_axis.setStartValue(0)
    values_axis.setTruncateLabels(False)
    for q in range(5):
        value = top * q / 4
        values_axis.append(f"{value:g}{suffix}", value)
    chart.addAxis(categories_axis, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(values_axis, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(categories_axis)
    series.attachAxis(values_axis)
    chart.legend().setVisible(False)
    style_chart(chart, view.font())
    return series


def counts(view: ChartView) -> list[list[float]]:
    """The values the chart shows, set by set (bars) or the points' values (a line): for tests."""
    out: list[list[float]] = []
    for series in view.chart().series():
        if isinstance(series, QAbstractBarSeries):
            out += [[s.at(i) for i in range(s.count())] for s in series.barSets()]
        elif isinstance(series, QLineSeries):
            out.append([p.y() for p in series.points()])
    return out
