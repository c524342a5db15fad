"""The window while the year ahead has no official national calendar (issue 16, point 16): the
dashboard warns from December 1 until the platform's national calendar arrives, and a due date
counted with the law's holidays only is marked 暂定 in the case list and on the case page, at
100 % and at 200 % in Tibetan without being cut."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

import pytest

from app.clock import CHINA_TZ, FixedClock
from app.services import cases
from app.station import Station
from app.workdays import store_calendar_document
from tests.helpers import applicant, request
from tests.test_national_calendar import national_2027
from tests.test_ui_case_list_rows import shown
from tests.uikit import close_window, open_window, wait_idle
from ui.case_list_model import COLUMNS


def at(station: Station, day: date) -> None:
    clock = station.clock
    assert isinstance(clock, FixedClock)
    clock.current = datetime.combine(day, time(10, 0), CHINA_TZ)


def test_the_dashboard_warns_in_december_until_the_national_calendar_comes(qtbot: Any, station: Station) -> None:
    at(station, date(2026, 12, 3))
    home = station.paths.home
    window = open_window(qtbot, station)
    try:
        page = window.pages["dashboard"]
        qtbot.waitUntil(lambda: page.data is not None, timeout=10_000)
        wait_idle(qtbot, window.session)
        warning = page.calendar_warning
        assert page.data.calendar_gap is not None and page.data.calendar_gap.year == 2027
        assert warning.isVisible()
        assert "尚未收到 2027 年的全国节假日安排" in warning.text() and "暂定" in warning.text()
        assert "国务院" in warning.toolTip()
        # It sits right above the link strip (seen without scrolling at 200 %), within the page's width.
        assert page.today.geometry().bottom() <= warning.geometry().top()
        assert warning.geometry().bottom() <= page.link.geometry().top()
        assert warning.width() <= page.width()

        store_calendar_document(home, national_2027())  # as sync keeps the platform's calendar
        page.refresh()
        qtbot.waitUntil(lambda: page.data is not None and page.data.calendar_gap is None, timeout=10_000)
        assert not warning.isVisible() and warning.text() == ""
    finally:
        close_window(window)


def test_november_without_cases_in_the_next_year_shows_no_warning(qtbot: Any, station: Station) -> None:
    window = open_window(qtbot, station)  # the fixture's clock: 18 November 2026
    try:
        page = window.pages["dashboard"]
        qtbot.waitUntil(lambda: page.data is not None, timeout=10_000)
        assert page.data.calendar_gap is None and not page.calendar_warning.isVisible()
    finally:
        close_window(window)


@pytest.mark.parametrize(("language", "scale"), [("zh", 100), ("bo", 200)])
def test_provisional_due_dates_are_marked_in_the_list_and_on_the_case_page(
        qtbot: Any, station: Station, language: str, scale: int) -> None:
    settled = cases.submit(station, request(station, applicant=applicant(name="扎西顿珠", seq=41)))
    at(station, date(2026, 12, 21))
    ahead = cases.submit(station, request(station, applicant=applicant(name="央金卓玛", seq=42)))
    assert settled.promised_due is not None and settled.promised_due.year == 2026
    assert ahead.promised_due is not None and ahead.promised_due.year == 2027
    window = open_window(qtbot, station)
    try:
        window.resize(1366, 768)
        window.appearance.set_language(language)
        window.appearance.set_scale(scale)
        # The dashboard says how many open cases are due in 2027.
        dashboard = window.pages["dashboard"]
        qtbot.waitUntil(lambda: dashboard.data is not None and dashboard.data.calendar_gap is not None,
                        timeout=10_000)
        assert dashboard.data.calendar_gap.due_cases == 1

        window.go("cases")
        page = window.pages["cases"]
        wait_idle(qtbot, window.session)
        qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=10_000)
        qtbot.wait(50)  # layouts settle after the scale change
        model, view, due = page.model, page.table, COLUMNS.index("due")
        rows = {model.case_no(r): r for r in range(model.rowCount())}
        mark = model.tr("{due}（暂定）").format(due=ahead.promised_due.isoformat())
        ahead_cell = model.index(rows[ahead.case_no], due)
        assert mark in str(model.data(ahead_cell))
        assert mark in shown(view, ahead_cell), shown(view, ahead_cell)  # whole on the screen, not cut
        assert "2027" in str(model.data(ahead_cell, 3))  # the tooltip says why (Qt.ToolTipRole)
        settled_cell = model.index(rows[settled.case_no], due)
        assert str(model.data(settled_cell)).startswith(settled.promised_due.isoformat())
        assert model.tr("{due}（暂定）").format(due="") not in str(model.data(settled_cell))
        assert view.horizontalScrollBar().maximum() == 0

        window.show_case(ahead.case_no)
        detail = window.pages["case"]
        qtbot.waitUntil(lambda: detail.view is not None and detail.view.case.case_no == ahead.case_no,
                        timeout=10_000)
        wait_idle(qtbot, window.session)
        assert mark in detail.fact_values["due"].text()
        assert "2027" in detail.fact_values["due"].toolTip()
        window.show_case(settled.case_no)
        qtbot.waitUntil(lambda: detail.view is not None and detail.view.case.case_no == settled.case_no,
                        timeout=10_000)
        wait_idle(qtbot, window.session)
        assert "（暂定）" not in detail.fact_values["due"].text() and detail.fact_values["due"].toolTip() == ""
    finally:
        close_window(window)
