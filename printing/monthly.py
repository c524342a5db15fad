"""The printable monthly sheet (月度统计表): a station's figures for a month (or any period) on A4, in
Chinese or Tibetan–Chinese, with charts — cases per day, the on-time rate by month, the rating
levels, the items ranked — drawn by ReportLab's own graphics (vector, every font embedded).

The figures are ``app.reports``'s (definitions: docs/reports.md); the names of figures and codes come
from the one label table (``app/labels.py``, with the window's Tibetan); only the sheet's own words
are here. A chart's marks carry numbers and Chinese names only (a chart cannot shape Tibetan): every
chart has a bilingual title above it, and the ranked items' bars are numbered as the lines of the
bilingual table by item below (both are ordered by cases taken in).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.lib import colors
from reportlab.platypus import Table, TableStyle

from app.models import Evaluation
from app.reports import Dimension, Figures, Report
from printing import fonts
from printing.labels import bilingual, code_label
from printing.layout import Paper, Sheet

log = logging.getLogger(__name__)

# The sheet's own words: (Chinese, Tibetan). The Tibetan is a first version for the regional office
# to review, like printing/labels.py.
LABELS: dict[str, tuple[str, str]] = {
    "title": ("政务服务统计表", "གཞུང་དོན་ཞབས་ཞུའི་བསྡོམས་རྩིས་རེའུ་མིག"),
    "period": ("统计期间：{start} 至 {end}", "བསྡོམས་རྩིས་དུས་ཡུན། {start} ནས་ {end} བར།"),
    "as_of": ("当前超期截至 {today}", "དུས་ཚོད་ཡོལ་བ་ {today} བར།"),
    "main": ("主要指标", "གཙོ་བོའི་ཚད་གཞི།"),
    "decisions": ("受理决定", "ལེན་པའི་ཐག་གཅོད།"),
    "services": ("帮办代办与特殊服务", "རོགས་སྒྲུབ་ཚབ་སྒྲུབ་དང་དམིགས་བསལ་ཞབས་ཞུ།"),
    "ratings": ("好差评", "ལེགས་ཉེས་དཔྱད་བརྗོད།"),
    "bad_loop": ("差评 {bad} 件：已整改 {rectified} 件，已回访 {revisited} 件，未回访 {open} 件。",
                 "དཔྱད་བརྗོད་ངན་པ་ {bad} ། བཅོས་སྒྲིག་བྱས་ཟིན་པ་ {rectified} ། བསྐྱར་འདྲི་བྱས་ཟིན་པ་ {revisited} ། "
                 "བསྐྱར་འདྲི་མ་བྱས་པ་ {open} །"),
    "per_day": ("每日收件与办结", "ཉིན་རེའི་ཡིག་ཆ་ལེན་པ་དང་མཇུག་སྒྲིལ།"),
    "per_month": ("近十二个月按时办结率（%，按月）", "ཟླ་བ་བཅུ་གཉིས་ཀྱི་དུས་ཐོག་མཇུག་སྒྲིལ་ཚད། (%, ཟླ་རེ།)"),
    "levels": ("评价等级分布", "དཔྱད་བརྗོད་རིམ་པའི་བགོ་འགྲེམས།"),
    "items_ranked": ("收件最多的事项", "ཡིག་ཆ་ལེན་པ་མང་ཤོས་ཀྱི་ལས་དོན།"),
    "legend_day": ("深色：收件；浅色：办结", "ཚོན་མདོག་ནག་པོ། ཡིག་ཆ་ལེན་པ། ཚོན་མདོག་སྐྱ་བོ། མཇུག་སྒྲིལ།"),
    "no": ("序号", "ཨང་།"),
    "name": ("名称", "མིང་།"),
    "none": ("本期无数据", "དུས་ཡུན་འདིར་གཞི་གྲངས་མེད།"),
    "made_by": ("制表人", "རེའུ་མིག་བཟོ་མཁན།"),
    "checked_by": ("审核人", "ཞིབ་བཤེར་བྱེད་མཁན།"),
    "date": ("日期", "ཚེས་གྲངས།"),
}
TOP_ITEMS = 10
CHART_HEIGHT = 108  # points: the four charts and the figures above them on the first page, in both languages
_DARK = colors.Color(0.16, 0.38, 0.62)
_LIGHT = colors.Color(0.62, 0.76, 0.88)


def word(key: str, lang: str, **fmt: object) -> str:
    zh, bo = LABELS[key]
    return bilingual(zh.format(**fmt), bo.format(**fmt), lang)


@dataclass(frozen=True)
class MonthlyInput:
    """What the sheet prints: the report and the names of its lines."""

    station_name: str
    report: Report
    names: Mapping[str, Mapping[str, str]]  # Dimension -> key -> Chinese name
    tibetan_names: Mapping[str, str] = field(default_factory=dict)  # item code -> Tibetan name


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


def _figure(name: str, lang: str) -> str:
    return code_label(name, "Figure", lang)


def _main_rows(f: Figures, lang: str) -> list[tuple[str, str]]:
    rates = [(n, _percent(getattr(f, n))) for n in ("instant_rate", "on_time_rate", "one_trip_rate",
                                                      "satisfaction_rate")]
    counts = [(n, str(getattr(f, n))) for n in ("taken_in", "concluded", "overdue_now", "rated", "consultations")]
    return [(_figure(n, lang), v) for n, v in counts + rates]


def _grid4(sheet: Sheet, rows: Sequence[tuple[str, str]]) -> None:
    """Label/value pairs two to a row."""
    w = sheet.spec.frame_width
    cells = [[sheet.p(label, sheet.small), sheet.p(value, bold=True)] for label, value in rows]
    if len(cells) % 2:
        cells.append(["", ""])
    data = [cells[i] + cells[i + 1] for i in range(0, len(cells), 2)]
    table = Table(data, colWidths=[w * 0.3, w * 0.2, w * 0.3, w * 0.2])
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("BACKGROUND", (0, 0), (0, -1), colors.Color(0.94, 0.94, 0.94)),
        ("BACKGROUND", (2, 0), (2, -1), colors.Color(0.94, 0.94, 0.94)),
        ("FONT", (0, 0), (-1, -1), fonts.LATIN, 8),
    ]))
    sheet.flow.append(table)


def _axis_fonts(chart: VerticalBarChart | HorizontalBarChart | HorizontalLineChart, size: float = 7,
                han_categories: bool = False) -> None:
    """Numbers in the Latin font (the Han font has no digits); Chinese category names in the Han font."""
    chart.valueAxis.labels.fontName = fonts.LATIN
    chart.categoryAxis.labels.fontName = fonts.HAN if han_categories else fonts.LATIN
    for axis in (chart.categoryAxis, chart.valueAxis):
        axis.labels.fontSize = size


def _drawing(width: float, height: float) -> Drawing:
    d = Drawing(width, height)
    d.initialFontName = fonts.LATIN  # nothing falls back to an unembedded Helvetica
    return d


def _placed(chart: VerticalBarChart | HorizontalBarChart, data: list[list[int]], width: float, height: float,
            left: float = 28, bottom: float = 18, top: float = 8) -> None:
    """A bar chart in its drawing with its data, the value axis from 0 to the largest bar (at least 1)."""
    chart.x, chart.y, chart.width, chart.height = left, bottom, width - left - 8, height - bottom - top
    chart.data = data
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = max([1, *(v for series in data for v in series)])


def per_day_chart(report: Report, width: float, height: float) -> Drawing:
    d = _drawing(width, height)
    chart = VerticalBarChart()
    _placed(chart, [[t for _d, t, _c in report.per_day], [c for _d, _t, c in report.per_day]], width, height)
    chart.categoryAxis.categoryNames = [f"{d.day}" if (d.day == 1 or d.day % 5 == 0) else ""
                                        for d, _t, _c in report.per_day]
    chart.bars[0].fillColor, chart.bars[1].fillColor = _DARK, _LIGHT
    chart.bars.strokeWidth = 0
    chart.barSpacing, chart.groupSpacing = 0, 1
    _axis_fonts(chart)
    d.add(chart)
    return d


def per_month_chart(report: Report, width: float, height: float) -> Drawing:
    d = _drawing(width, height)
    chart = HorizontalLineChart()
    chart.x, chart.y, chart.width, chart.height = 28, 18, width - 36, height - 26
    chart.data = [[(o / c * 100) if c else None for _m, c, o in report.per_month]]
    # the month's number; a January also says its year ("2026.1")
    chart.categoryAxis.categoryNames = [f"{m[:4]}.1" if m.endswith("-01") else str(int(m[5:]))
                                        for m, _c, _o in report.per_month]
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, 100, 20
    chart.lines[0].strokeColor, chart.lines[0].strokeWidth = _DARK, 1.5
    chart.lines[0].symbol = makeMarker("FilledCircle", size=3, fillColor=_DARK, strokeColor=_DARK)
    if sum(v is not None for v in chart.data[0]) < 2:
        chart.joinedLines = 0  # one month with conclusions: its point alone (a line needs two)
    _axis_fonts(chart, 6.5)
    d.add(chart)
    return d


def levels_chart(f: Figures, width: float, height: float) -> Drawing:
    d = _drawing(width, height)
    chart = VerticalBarChart()
    _placed(chart, [[f.ratings[e.value] for e in Evaluation]], width, height)
    chart.categoryAxis.categoryNames = [code_label(e.value, "Evaluation", "zh") for e in Evaluation]
    chart.bars[0].fillColor = _DARK
    for i, e in enumerate(Evaluation):
        if e in (Evaluation.dissatisfied, Evaluation.very_dissatisfied):
            chart.bars[(0, i)].fillColor = colors.Color(0.75, 0.2, 0.2)
    _axis_fonts(chart, 6.5, han_categories=True)
    d.add(chart)
    return d


def items_chart(lines: Sequence[tuple[str, int]], width: float, height: float) -> Drawing:
    """Bars of the ranked items, numbered as in the table beside them (1 on top)."""
    d = _drawing(width, height)
    chart = HorizontalBarChart()
    ranked = list(reversed(lines))  # the chart draws from the bottom up
    _placed(chart, [[n for _name, n in ranked] or [0]], width, height, left=18, bottom=14, top=6)
    chart.categoryAxis.categoryNames = [str(len(ranked) - i) for i in range(len(ranked))] or [""]
    chart.bars[0].fillColor = _DARK
    _axis_fonts(chart)
    d.add(chart)
    return d


def _chart_block(sheet: Sheet, title: str, drawing: Drawing, note: str = "") -> list[object]:
    block: list[object] = [sheet.p(title, sheet.small, bold=True), drawing]
    if note:
        block.append(sheet.p(note, sheet.small))
    return block


def _item_name(data: MonthlyInput, code: str, lang: str) -> str:
    zh = data.names.get(Dimension.item.value, {}).get(code, code)
    return bilingual(zh, data.tibetan_names.get(code), lang)


def _lines_table(sheet: Sheet, data: MonthlyInput, dim: Dimension, lang: str, limit: int) -> None:
    lines = data.report.lines(dim)[:limit]
    if not lines:
        return
    sheet.para(code_label(dim.value, "Dimension", lang), small=True, heading=True)
    header = [word("no", lang), word("name", lang),
              *(_figure(n, lang) for n in ("taken_in", "concluded", "on_time_rate", "instant_rate",
                                           "satisfaction_rate", "bad"))]
    rows = []
    for no, line in enumerate(lines, 1):
        if dim is Dimension.item:
            name = _item_name(data, line.key, lang)
        elif dim is Dimension.mode:
            name = code_label(line.key, "HandlingMode", lang)
        else:
            name = data.names.get(dim.value, {}).get(line.key, line.key)
        f = line.figures
        rows.append([str(no), name, str(f.taken_in), str(f.concluded), _percent(f.on_time_rate),
                     _percent(f.instant_rate), _percent(f.satisfaction_rate), str(f.bad)])
    sheet.grid(header, rows, [0.06, 0.32, 0.1, 0.1, 0.11, 0.1, 0.11, 0.1])
    sheet.space(0.4)


def render(data: MonthlyInput, lang: str = "zh") -> bytes:
    """The sheet as PDF bytes (A4; never written to disk here)."""
    sheet = Sheet(Paper.a4)
    r, f = data.report, data.report.total
    w = sheet.spec.frame_width
    sheet.title(f"{data.station_name} {word('title', lang)}")
    sheet.para(word("period", lang, start=r.period.start.isoformat(), end=r.period.end.isoformat()) + "    "
               + word("as_of", lang, today=r.today.isoformat()), small=True)
    sheet.space(0.4)
    sheet.para(word("main", lang), small=True)
    _grid4(sheet, _main_rows(f, lang))
    sheet.space(0.3)
    sheet.para(word("decisions", lang), small=True)
    _grid4(sheet, [(code_label(k, "Decision", lang), str(v)) for k, v in f.decisions.items()])
    sheet.space(0.3)
    sheet.para(word("services", lang), small=True)
    _grid4(sheet, [(_figure(n, lang), str(getattr(f, n)))
                   for n in ("assisted", "proxy", "home_visit", "work_team", "cross_region", "special")])
    sheet.space(0.3)
    sheet.para(word("ratings", lang), small=True)
    sheet.para(word("bad_loop", lang, bad=f.bad, rectified=f.bad_rectified, revisited=f.bad_revisited,
                    open=f.bad_open), small=True)
    # each level's count in words (the chart's bars are named in Chinese only: its strings are not shaped)
    sheet.para("  ·  ".join(f"{code_label(e.value, 'Evaluation', lang)} {f.ratings[e.value]}" for e in Evaluation),
               small=True)
    sheet.space(0.4)
    # the charts, two to a row
    half = (w - 12) / 2
    left = _chart_block(sheet, word("per_day", lang), per_day_chart(r, half, CHART_HEIGHT), word("legend_day", lang))
    right = _chart_block(sheet, word("per_month", lang), per_month_chart(r, half, CHART_HEIGHT))
    ranked = [(line.key, line.figures.taken_in) for line in r.lines(Dimension.item) if line.figures.taken_in][
        :TOP_ITEMS]
    levels = _chart_block(sheet, word("levels", lang), levels_chart(f, half, CHART_HEIGHT))
    items_block = _chart_block(sheet, word("items_ranked", lang), items_chart(ranked, half, CHART_HEIGHT))
    charts = Table([[left, right], [levels, items_block]], colWidths=[half + 6, half + 6])
    charts.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("FONT", (0, 0), (-1, -1), fonts.LATIN, 8)]))
    sheet.flow.append(charts)
    sheet.space(0.5)
    for dim, limit in ((Dimension.item, 20), (Dimension.operator, 20), (Dimension.device, 20),
                       (Dimension.mode, 4)):
        _lines_table(sheet, data, dim, lang, limit)
    sheet.space(1)
    sheet.signatures([word("made_by", lang), word("checked_by", lang), word("date", lang)])
    return sheet.render(title=f"{LABELS['title'][0]} {data.station_name} {r.period.key}", subject="monthly")

