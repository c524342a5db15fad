"""统计报表 through the real window (pytest-qt, offscreen): an administrator's figures, charts, tables
and exports on a station with demo cases; a clerk sees none of it; the dashboard's small charts."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from PySide6.QtCharts import QAbstractBarSeries, QLineSeries
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.models import BAD_RATINGS, Evaluation, HandlingMode, Role
from app.reports import Dimension, Figures, Period
from app.services import dashboard
from app.services import reports as report_service
from app.services.exports import ExportKind
from app.station import Station
from bianmin.demo import cases as demo
from tests.uikit import close_window, open_window, wait_idle

NOVEMBER = Period.month(2026, 11)  # the fixture's clock: 18 November 2026
OCTOBER = Period.month(2026, 10)
CLERK, CLERK_PASSWORD = "zhuoma", "clerk-pass-2026"


def call(qtbot: Any, window: Any, fn: Callable[[Station], Any]) -> Any:
    """``fn(station)`` on the window's worker; its result."""
    box: list[Any] = []
    window.session.run(fn, box.append)
    qtbot.waitUntil(lambda: bool(box), timeout=20_000)
    return box[0]


@pytest.fixture
def busy_station(station: Station) -> Station:
    """Sixty demo cases over the last sixty days: concluded, delivered, rated (some 差评)."""
    demo.generate(station, 60, seed=17, days_back=60)
    return station


def expected_text(f: Figures, name: str) -> str:
    """A figure as the page must show it, counted here: a count, a rate to one decimal, "—" without a base."""
    parts = {"instant_rate": (f.instant, f.counted), "one_trip_rate": (f.one_trip, f.counted),
             "on_time_rate": (f.on_time, f.concluded),
             "satisfaction_rate": (sum(n for k, n in f.ratings.items() if Evaluation(k) not in BAD_RATINGS), f.rated)}
    if name in parts:
        part, base = parts[name]
        return "—" if base == 0 else f"{100 * part / base:.1f}%"
    return str(getattr(f, name))


def bars(view: Any) -> list[list[float]]:
    series = view.chart().series()
    assert len(series) == 1 and isinstance(series[0], QAbstractBarSeries)
    return [[s.at(i) for i in range(s.count())] for s in series[0].barSets()]


def points(view: Any) -> list[tuple[float, float]]:
    series = view.chart().series()
    assert len(series) == 1 and isinstance(series[0], QLineSeries)
    return [(p.x(), p.y()) for p in series[0].points()]


def open_page(qtbot: Any, window: Any) -> Any:
    page = window.open_reports()
    assert window.pages["reports"] is page and page.isVisible()
    qtbot.waitUntil(lambda: page.loaded, timeout=20_000)
    return page


def choose(qtbot: Any, page: Any, kind: str, value: Any = None) -> None:
    page.set_period(kind, value)
    assert not page.loaded  # counting again
    qtbot.waitUntil(lambda: page.loaded, timeout=20_000)


def test_the_months_figures_and_charts_are_the_reports(qtbot: Any, busy_station: Station) -> None:
    window = open_window(qtbot, busy_station)
    try:
        page = open_page(qtbot, window)
        assert page.period() == NOVEMBER  # this month by default
        result = call(qtbot, window, lambda st: report_service.report(st, NOVEMBER))
        total = result.report.total
        assert total.taken_in > 0 and total.rated > 0
        for name, tile in page.tiles.items():
            assert tile.value.text() == expected_text(total, name), name
        assert page.tiles["taken_in"].caption.text() == "收件数"
        # cases per day: taken in and concluded, a bar for each of the month's 30 days
        assert bars(page.per_day.view) == [[float(t) for _d, t, _c in result.report.per_day],
                                           [float(c) for _d, _t, c in result.report.per_day]]
        assert len(bars(page.per_day.view)[0]) == 30
        # the on-time rate: a point for each of the last 12 months with a conclusion, at its place
        months = result.report.per_month
        assert len(months) == 12 and months[-1][0] == "2026-11"
        assert points(page.on_time.view) == [(float(i), float(round(100 * o / c))) for i, (_m, c, o)
                                             in enumerate(months) if c]
        assert len(points(page.on_time.view)) == sum(1 for _m, c, _o in months if c) >= 1
        # the rating levels: good and bad in two sets (two colours), five levels, top one first
        good, bad = bars(page.ratings.view)
        levels = list(Evaluation)[::-1]  # horizontal bars: the first category is drawn at the bottom
        assert [g + b for g, b in zip(good, bad, strict=True)] == [float(total.ratings[e.value]) for e in levels]
        assert all(b == 0 for e, b in zip(levels, bad, strict=True) if e not in BAD_RATINGS)
        assert all(g == 0 for e, g in zip(levels, good, strict=True) if e in BAD_RATINGS)
        series = page.ratings.view.chart().series()[0]
        assert series.barSets()[0].color() != series.barSets()[1].color()
        # the items with the most cases: at most ten bars, the most first (at the top)
        item_lines = [line for line in result.report.lines(Dimension.item) if line.figures.taken_in]
        (ranked,) = bars(page.items.view)
        assert len(ranked) == min(10, len(item_lines))
        assert ranked[::-1] == sorted((float(line.figures.taken_in) for line in item_lines), reverse=True)[:10]
        # no axis label is ever cut: in the window under X a value axis laid out late read "…" at every tick
        for box in (page.per_day, page.on_time, page.ratings, page.items):
            axes = box.view.chart().axes()
            assert len(axes) == 2 and not any(axis.truncateLabels() for axis in axes), box
    finally:
        close_window(window)


def test_periods_and_breakdowns(qtbot: Any, busy_station: Station) -> None:
    window = open_window(qtbot, busy_station)
    try:
        page = open_page(qtbot, window)
        # last month from the month picker
        choose(qtbot, page, "month", "2026-10")
        october = call(qtbot, window, lambda st: report_service.report(st, OCTOBER))
        assert page.period() == OCTOBER
        assert page.tiles["taken_in"].value.text() == str(october.report.total.taken_in)
        assert page.tiles["concluded"].value.text() == str(october.report.total.concluded)
        assert len(bars(page.per_day.view)[0]) == 31
        # a from–to range across two months: a bar a day
        choose(qtbot, page, "range", (date(2026, 10, 20), date(2026, 11, 10)))
        span = call(qtbot, window, lambda st: report_service.report(st, Period(date(2026, 10, 20),
                                                                               date(2026, 11, 10))))
        assert page.tiles["taken_in"].value.text() == str(span.report.total.taken_in)
        assert len(bars(page.per_day.view)[0]) == 22
        # a day on which nothing happened: counts 0, rates "—" (no base), never 0 %
        choose(qtbot, page, "day", date(2026, 1, 5))
        assert page.tiles["taken_in"].value.text() == "0"
        for rate in ("instant_rate", "on_time_rate", "one_trip_rate", "satisfaction_rate"):
            assert page.tiles[rate].value.text() == "—"
        assert len(bars(page.per_day.view)[0]) == 1
        assert page.per_day.note.isVisible()
        # back to this month; the breakdowns
        choose(qtbot, page, "this_month")
        result = call(qtbot, window, lambda st: report_service.report(st, NOVEMBER))
        model, proxy = page.model, page.proxy
        item_lines = result.report.lines(Dimension.item)
        assert model.rowCount() == len(item_lines) > 1
        assert [model.index(r, 0).data() for r in range(model.rowCount())] == \
            [result.names["item"][line.key] for line in item_lines]
        for name in ("operator", "mode", "device"):
            page.dimension.setCurrentIndex(page.dimension.findData(name))
            lines = result.report.lines(name)
            assert model.rowCount() == len(lines), name
            assert sum(int(model.index(r, 1).data()) for r in range(model.rowCount())) == \
                result.report.total.taken_in, name
        page.dimension.setCurrentIndex(page.dimension.findData("mode"))
        modes = {model.index(r, 0).data() for r in range(model.rowCount())}
        assert modes <= {"本人办理", "帮办", "代办", "上门服务"} and modes
        assert {HandlingMode(line.key) for line in result.report.lines("mode")}  # codes, shown as labels
        # sortable: by 收件数, fewest first
        page.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
        shown = [int(proxy.index(r, 1).data()) for r in range(proxy.rowCount())]
        assert shown == sorted(shown)
        page.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
        shown = [int(proxy.index(r, 1).data()) for r in range(proxy.rowCount())]
        assert shown == sorted(shown, reverse=True)
        # no sideways scrolling under the table: the columns that do not fit are left out
        assert page.table.horizontalScrollBar().maximum() == 0
    finally:
        close_window(window)


def test_exports_and_an_unmasked_list_needs_a_reason(qtbot: Any, busy_station: Station, tmp_path: Path) -> None:
    window = open_window(qtbot, busy_station)
    try:
        page = open_page(qtbot, window)
        # the figures as a workbook
        page.open_export(ExportKind.report)
        dialog = page.export_dialog
        assert not dialog.unmasked.isVisible()  # the figures name no citizen
        out = tmp_path / "figures.xlsx"
        assert dialog.export(out)
        qtbot.waitUntil(lambda: page.message.isVisible(), timeout=20_000)
        book = load_workbook(out)
        assert book.sheetnames and book[book.sheetnames[0]].max_row > 1
        assert str(out) in page.message.text()
        # 办件清单 unmasked without a reason: refused in the dialog, nothing written
        page.open_export(ExportKind.cases)
        dialog = page.export_dialog
        dialog.unmasked.setChecked(True)
        assert dialog.reason.isVisible() and dialog.reason_note.isVisible()
        refused = tmp_path / "cases.xlsx"
        assert not dialog.export(refused)
        assert dialog.problem.isVisible() and "原因" in dialog.problem.text()
        wait_idle(qtbot, window.session)
        assert not refused.exists()
        # with a reason: written (unmasked), the page says it was journaled
        dialog.reason.setText("民政局核对低保名单")
        assert dialog.export(refused)
        qtbot.waitUntil(lambda: refused.exists() and not dialog.isVisible(), timeout=20_000)
        sheet = load_workbook(refused).active
        assert sheet.max_row - 1 == november_cases(qtbot, window)
        assert "日志" in page.message.text()
        # 好差评数据 as CSV, masked by default
        page.open_export(ExportKind.evaluations)
        dialog = page.export_dialog
        dialog.csv.setChecked(True)
        ratings = tmp_path / "ratings"
        assert dialog.export(ratings)
        written = tmp_path / "ratings.csv"
        qtbot.waitUntil(lambda: written.exists(), timeout=20_000)
        assert written.read_bytes().startswith(b"\xef\xbb\xbf")
    finally:
        close_window(window)


def november_cases(qtbot: Any, window: Any) -> int:
    result = call(qtbot, window, lambda st: report_service.report(st, NOVEMBER))
    return int(result.report.total.taken_in)


def test_the_monthly_sheet_opens_in_the_preview_on_a4(qtbot: Any, busy_station: Station) -> None:
    from ui.print_preview import PrintPreviewDialog

    window = open_window(qtbot, busy_station)
    try:
        page = open_page(qtbot, window)
        page.print_button.click()

        def preview() -> Any:
            return next((w for w in QApplication.topLevelWidgets() if isinstance(w, PrintPreviewDialog)
                         and w.isVisible()), None)

        qtbot.waitUntil(lambda: preview() is not None, timeout=30_000)
        dialog = preview()
        assert dialog.paper == "a4" and not dialog.papers.isEnabled()
        dialog.reject()
    finally:
        close_window(window)


def test_a_clerk_sees_no_figures(qtbot: Any, busy_station: Station) -> None:
    busy_station.add_operator(CLERK, "卓玛", Role.clerk, CLERK_PASSWORD)
    window = open_window(qtbot, busy_station, CLERK, CLERK_PASSWORD)
    try:
        page = window.open_reports()
        wait_idle(qtbot, window.session)
        assert page.denied.isVisible() and "管理员" in page.denied.text()
        assert not page.body.isVisible()
        assert not page.loaded and page.result is None
        assert all(t.value.text() == "—" for t in page.tiles.values())
        page.open_export(ExportKind.cases)  # nothing opens
        assert getattr(page, "export_dialog", None) is None
    finally:
        close_window(window)


def test_the_dashboard_shows_small_charts_after_the_lists(qtbot: Any, busy_station: Station) -> None:
    busy_station.add_operator(CLERK, "卓玛", Role.clerk, CLERK_PASSWORD)  # for a clerk too: it names no one
    expected = dashboard.trend(busy_station)
    window = open_window(qtbot, busy_station, CLERK, CLERK_PASSWORD)
    try:
        board = window.pages["dashboard"]
        qtbot.waitUntil(lambda: board.trend is not None, timeout=20_000)
        taken, concluded = bars(board.trend_days.view)
        assert len(taken) == len(concluded) == 14
        assert taken == [float(t) for _d, t, _c in expected.per_day[-14:]]
        assert concluded == [float(c) for _d, _t, c in expected.per_day[-14:]]
        good, bad = bars(board.trend_ratings.view)
        assert sum(good) + sum(bad) == expected.rated > 0
        assert sum(bad) == sum(expected.ratings[e.value] for e in BAD_RATINGS)
        assert str(expected.rated) in board.trend_ratings.title.text()
        window.session.logout()
        assert board.trend is None
    finally:
        close_window(window)


def test_a_count_that_fails_is_said_on_the_page(qtbot: Any, busy_station: Station,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    window = open_window(qtbot, busy_station)
    try:
        page = open_page(qtbot, window)

        def broken(_station: Station, _period: Period) -> Any:
            raise OSError(28, "No space left on device")

        monkeypatch.setattr("ui.reports.report_load", broken)
        page.refresh()
        assert not page.loaded and "正在统计" in page.status.text()
        qtbot.waitUntil(lambda: "统计没有完成" in page.status.text(), timeout=20_000)
        assert not page.loaded and page.refresh_button.isEnabled()
        assert "读写文件失败" in page.status.text()
        window.session.logout()  # nothing of the report stays
        assert page.result is None and all(t.value.text() == "—" for t in page.tiles.values())
        assert page.model.rowCount() == 0
    finally:
        close_window(window)
