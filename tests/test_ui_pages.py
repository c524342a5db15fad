"""工作台, 事项指南 and 好差评 through the real window (pytest-qt, offscreen), and the printed guide."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget

from app.clock import CHINA_TZ, FixedClock
from app.journal import EventType
from app.models import Decision
from app.services import cases
from app.station import Station
from app.workdays import DueState
from printing import guide as guide_printing
from printing.layout import Paper
from sync import engine
from tests.helpers import DIBAO, deferred, missing, request
from tests.uikit import close_window, open_window, wait_idle

NEWBORN = "540000-YJS-0001"


def call(qtbot: Any, window: Any, fn: Callable[[Station], Any]) -> Any:
    """Run ``fn(station)`` on the window's worker and wait for its result."""
    box: list[Any] = []
    window.session.run(fn, box.append)
    qtbot.waitUntil(lambda: bool(box), timeout=10_000)
    return box[0]


def pdf_text(data: bytes) -> str:
    return subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True, check=True).stdout.decode()


def submit_on(station: Station, day: date, req: Any) -> str:
    """A case taken in on ``day`` (the fixture's clock goes back there and returns)."""
    clock = station.clock
    assert isinstance(clock, FixedClock)
    now = clock.current
    clock.current = datetime.combine(day, time(10, 0), CHINA_TZ)
    try:
        return cases.submit(station, req).case_no
    finally:
        clock.current = now


def start_for(station: Station, state: DueState, promised_days: int = 20) -> date:
    """The latest intake day whose promised due date (``promised_days`` working days on) is in ``state`` today."""
    today = station.today()
    cal = station.calendar
    for back in range(1, 90):
        start = today - timedelta(days=back)
        if cal.due_state(cal.add_working_days(start, promised_days), today) is state:
            return start
    raise AssertionError(f"no start day for {state}")


def texts(widget: QListWidget) -> list[str]:
    return [widget.item(i).text() for i in range(widget.count())]


def row_of(widget: QListWidget, case_no: str) -> int:
    for i in range(widget.count()):
        if widget.item(i).data(Qt.ItemDataRole.UserRole) == case_no:
            return i
    raise AssertionError(f"{case_no} not in {texts(widget)}")


# -- 工作台 ---------------------------------------------------------------------------------------
@pytest.fixture
def dashboard_cases(station: Station) -> dict[str, str]:
    soon = submit_on(station, start_for(station, DueState.DUE_SOON), request(station))
    late = submit_on(station, start_for(station, DueState.OVERDUE), request(station))
    calm = cases.submit(station, request(station)).case_no  # taken in today, due in 20 working days
    fix = cases.submit(station, request(station, Decision.correction_notice,
                                         except_={"M-FAMILY-CHECK-AUTH": missing()},
                                         correction_due=date(2026, 11, 27))).case_no
    owed = submit_on(station, date(2026, 11, 2), request(
        station, Decision.deferred_material, except_={"M-BANK-CARD": deferred(date(2026, 11, 10))}))
    return {"soon": soon, "late": late, "calm": calm, "fix": fix, "owed": owed}


def test_dashboard_lists_due_soon_overdue_corrections_deferred_and_unsent(
        qtbot: Any, station: Station, dashboard_cases: dict[str, str]) -> None:
    c = dashboard_cases
    window = open_window(qtbot, station)
    try:
        page = window.pages["dashboard"]
        assert window.stack.currentWidget() is page
        qtbot.waitUntil(lambda: page.data is not None, timeout=10_000)
        wait_idle(qtbot, window.session)
        lists = {name: box.list for name, box in page.sections.items()}

        soon = lists["due_soon"].item(row_of(lists["due_soon"], c["soon"]))
        late = lists["overdue"].item(row_of(lists["overdue"], c["late"]))
        assert soon.background().color().name() == "#fff1b8"  # yellow
        assert late.background().color().name() == "#ffd4d4"  # red
        assert c["soon"] not in " ".join(texts(lists["overdue"]))
        assert c["late"] not in " ".join(texts(lists["due_soon"]))
        assert c["calm"] not in " ".join(texts(lists["due_soon"]) + texts(lists["overdue"]))
        assert "两个工作日内到期 1 件" in page.sections["due_soon"].heading.text()
        assert "已超期 1 件" in page.sections["overdue"].heading.text()

        row_of(lists["corrections"], c["fix"])
        owed = lists["deferred_overdue"].item(row_of(lists["deferred_overdue"], c["owed"]))
        assert "本人银行卡或存折" in owed.text() and owed.background().color().name() == "#ffd4d4"
        today = texts(lists["today_cases"])
        assert any(c["calm"] in t for t in today) and any(c["fix"] in t for t in today)
        assert not any(c["late"] in t for t in today)

        status = call(qtbot, window, engine.status)
        assert status["waiting"] > 0
        assert f"尚未上报平台：{status['waiting']} 条记录，0 个附件" in page.link.text()
        assert "尚未登记到平台" in page.link.text()
        assert "最多跑一次" in page.rates.text() and "即办" in page.rates.text()

        # A click and Enter open the case; the big button goes to the intake.
        with qtbot.waitSignal(page.open_case, timeout=2000) as opened:
            lst = lists["overdue"]
            qtbot.mouseClick(lst.viewport(), Qt.MouseButton.LeftButton,
                             pos=lst.visualItemRect(late).center())
        assert opened.args == [c["late"]]
        window.go("dashboard")
        lst = lists["due_soon"]
        lst.setFocus()
        lst.setCurrentRow(row_of(lst, c["soon"]))
        with qtbot.waitSignal(page.open_case, timeout=2000) as opened:
            qtbot.keyClick(lst, Qt.Key.Key_Return)
        assert opened.args == [c["soon"]]
        with qtbot.waitSignal(page.navigate, timeout=2000) as nav:
            qtbot.mouseClick(page.intake_button, Qt.MouseButton.LeftButton)
        assert nav.args == ["new_intake"]  # 新受理 is Ctrl+N: an empty intake (a draft left is offered)
    finally:
        close_window(window)


def test_dashboard_refreshes_when_a_case_changes_and_forgets_at_logout(qtbot: Any, station: Station) -> None:
    window = open_window(qtbot, station)
    try:
        page = window.pages["dashboard"]
        qtbot.waitUntil(lambda: page.data is not None, timeout=10_000)
        assert page.data.overview.today_cases.total == 0
        case_no = call(qtbot, window, lambda st: cases.submit(st, request(st)).case_no)
        window.session.data_changed.emit(case_no)
        qtbot.waitUntil(lambda: page.data.overview.today_cases.total == 1, timeout=10_000)
        assert any(case_no in t for t in texts(page.sections["today_cases"].list))
        assert page.last_round_trip_ms < 5000
        window.session.logout()
        assert page.data is None
        assert not any(case_no in t for box in page.sections.values() for t in texts(box.list))
    finally:
        close_window(window)


# -- 事项指南 -------------------------------------------------------------------------------------
def test_guide_finds_dibao_by_pinyin_shows_it_and_prints_it(qtbot: Any, station: Station) -> None:
    window = open_window(qtbot, station)
    try:
        window.go("guide")
        page = window.pages["guide"]
        qtbot.waitUntil(lambda: page.results.count() == 44, timeout=10_000)  # 38 items, 6 bundles
        for query in ("dibao", "zdshbz", "低保"):
            page.search.clear()
            if query.isascii():
                qtbot.keyClicks(page.search, query)  # as typed, letter by letter
            else:
                page.search.insert(query)  # as an input method hands it over
            qtbot.waitUntil(lambda: [e.code for e in page.entries][:1] == [DIBAO], timeout=10_000)
        qtbot.keyClick(page.search, Qt.Key.Key_Return)  # Enter takes the first hit
        qtbot.waitUntil(lambda: page.guide is not None and page.guide.code == DIBAO, timeout=10_000)
        text = page.text.toPlainText()
        assert "最低生活保障申请（农村低保）" in text
        assert "འཚོ་བའི་འགྲོ་སོང་དམའ་ཤོས" in text  # the Tibetan name
        assert "法定办结时限 30 个工作日，我们承诺 20 个工作日内办好。" in text
        assert "家庭收入及财产情况说明" in text and "容缺" in text and "原件 1 份" in text
        assert "不收费" in text and "乡（镇）人民政府" in text

        normal = page.text.document().size().height()
        page.large.click()  # 大字(&B)
        assert page.text.document().size().height() > normal * 1.3

        page.print_button.click()
        qtbot.waitUntil(lambda: page.preview is not None, timeout=20_000)
        assert set(page.last_pdfs) == {"a4", "a5", "80mm"}
        printed = pdf_text(page.last_pdfs["a4"])
        assert "最低生活保障申请（农村低保）" in printed and "家庭收入及财产情况说明" in printed
        page.preview.close()

        page.search.clear()
        qtbot.keyClicks(page.search, "xsecs")  # 新生儿出生一件事 by its initials
        qtbot.waitUntil(lambda: [e.code for e in page.entries][:1] == [NEWBORN], timeout=10_000)
        page.results.setCurrentRow(0)
        qtbot.waitUntil(lambda: page.guide is not None and page.guide.code == NEWBORN, timeout=10_000)
        assert "这件事一次办理以下 4 个事项" in page.text.toPlainText()
    finally:
        close_window(window)


def test_printed_guide_of_a_bundle_in_tibetan_and_chinese_on_every_paper(station: Station) -> None:
    guide = guide_printing.guide_for(station, "bundle", NEWBORN)
    assert len(guide.items) == 4
    codes = [m.name.zh for m in guide.materials]
    assert len(codes) == len(set(codes))  # shared materials once
    for paper in Paper:
        text = pdf_text(guide_printing.render(guide, paper, "bo"))
        assert "新生儿出生一件事" in text and "出生医学证明" in text
        assert "ལས་དོན" in text  # Tibetan labels, extractable
    item = guide_printing.guide_for(station, "item", "540000-XZQR-0007")
    text = pdf_text(guide_printing.render(item, Paper.a4, "zh"))
    assert "居民身份证申领、换领、补领" in text and "每证20元" in text


# -- 好差评 ---------------------------------------------------------------------------------------
def evaluations(qtbot: Any, window: Any, case_no: str) -> list[dict[str, Any]]:
    events = call(qtbot, window, lambda st: cases.case_journal(st, case_no))
    return [e.payload for e in events if e.type == EventType.evaluated]


def test_evaluation_by_keyboard_with_indicators_bad_rating_needs_a_reason_and_skip(
        qtbot: Any, station: Station) -> None:
    case_no = cases.submit(station, request(station)).case_no
    window = open_window(qtbot, station)
    ev = window.evaluation
    ev.THANKS_MS = 300
    try:
        # 2 = 满意; service level changed to 基本满意; Enter records it.
        window.ask_evaluation(case_no)
        qtbot.waitUntil(lambda: ev.isVisible() and "最低生活保障申请" in ev.subject.text(), timeout=10_000)
        assert case_no in ev.subject.text()
        assert "扎西" not in ev.subject.text()  # nothing personal on the citizen's screen
        qtbot.keyClick(ev, Qt.Key.Key_2)
        assert ev.choice_buttons["satisfied"].isChecked()
        assert not ev.reasons_box.isVisible()
        ev.indicator_buttons["service"]["basically_satisfied"].click()
        with qtbot.waitSignal(ev.finished, timeout=10_000) as done:
            qtbot.keyClick(ev, Qt.Key.Key_Return)
        assert done.args == [case_no, "satisfied"]
        assert ev.pages.currentWidget() is ev.thanks
        qtbot.waitUntil(lambda: not ev.isVisible(), timeout=5000)  # the thank-you closes itself
        [first] = evaluations(qtbot, window, case_no)
        assert first["level"] == "satisfied" and first["skipped"] is False
        assert first["indicators"] == {"overall": "satisfied", "efficiency": "satisfied",
                                       "service": "basically_satisfied", "attitude": "satisfied"}

        # 5 = 非常不满意 without a reason is refused with a message; with reasons it is recorded.
        window.ask_evaluation(case_no)
        qtbot.waitUntil(ev.isVisible, timeout=5000)
        assert not ev.choice_buttons["satisfied"].isChecked()  # a fresh form
        qtbot.keyClick(ev, Qt.Key.Key_5)
        assert ev.reasons_box.isVisible()
        qtbot.keyClick(ev, Qt.Key.Key_Return)
        wait_idle(qtbot, window.session)
        assert "原因" in ev.message.text()
        assert len(evaluations(qtbot, window, case_no)) == 1
        ev.reason_checks["slow"].setChecked(True)
        ev.other.insert("等了两个小时")
        with qtbot.waitSignal(ev.finished, timeout=10_000) as done:
            qtbot.keyClick(ev, Qt.Key.Key_Return)
        assert done.args == [case_no, "very_dissatisfied"]
        second = evaluations(qtbot, window, case_no)[1]
        assert second["level"] == "very_dissatisfied"
        assert second["reasons"] == ["slow", "other:等了两个小时"]
        assert second["indicators"]["overall"] == "very_dissatisfied"

        # Skip (Esc) records a skipped evaluation; it can be rated again later.
        qtbot.waitUntil(lambda: not ev.isVisible(), timeout=5000)
        window.ask_evaluation(case_no)
        qtbot.waitUntil(ev.isVisible, timeout=5000)
        with qtbot.waitSignal(ev.finished, timeout=10_000) as done:
            qtbot.keyClick(ev, Qt.Key.Key_Escape)
        assert done.args == [case_no, None]
        third = evaluations(qtbot, window, case_no)[2]
        assert third["level"] is None and third["skipped"] is True
        assert not ev.isVisible()
    finally:
        close_window(window)


def test_core_refusal_of_a_bad_rating_is_shown_in_the_window(qtbot: Any, station: Station) -> None:
    case_no = cases.submit(station, request(station)).case_no
    window = open_window(qtbot, station)
    ev = window.evaluation
    try:
        window.ask_evaluation(case_no)
        qtbot.waitUntil(ev.isVisible, timeout=5000)
        ev._record("dissatisfied", {"overall": "dissatisfied"}, [])  # past the window's own check
        wait_idle(qtbot, window.session)
        assert ev.message.text()  # the core's ValidationError, as a sentence
        assert ev.isVisible() and ev.pages.currentWidget() is ev.ask_page
        assert evaluations(qtbot, window, case_no) == []
    finally:
        close_window(window)


class FakeScreen:
    pass


def test_evaluation_goes_full_screen_on_the_second_monitor() -> None:
    from ui.evaluation import choose_screen

    first, second = FakeScreen(), FakeScreen()
    assert choose_screen([first, second], first) == (second, True)  # type: ignore[list-item,arg-type]
    assert choose_screen([first, second], second) == (first, True)  # type: ignore[list-item,arg-type]
    assert choose_screen([first], first) == (first, False)  # type: ignore[list-item,arg-type]
    assert choose_screen([], None) == (None, False)

