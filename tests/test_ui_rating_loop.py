"""The 好差评 loop at the counter (issue 17 point 4): the dashboard's list 差评待整改回访, the case page's
work item with its actions 整改 and 回访 (dialogs on the session's worker), a 追评 offered after a
rating, and the station's 差评整改期限 in the settings."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from app.services import cases, dashboard, settings
from app.station import Station
from app.store import dashboard as dashboard_store
from tests.helpers import request

REASONS = ["slow"]


def _bad_case(station: Station, level: str = "dissatisfied") -> str:
    case_no = cases.submit(station, request(station)).case_no
    cases.evaluate(station, case_no, level, reasons=REASONS)
    return case_no


# -- the dashboard's read --------------------------------------------------------------------------
def test_the_dashboard_lists_open_bad_ratings_soonest_due_first_until_revisited(station: Station) -> None:
    good = cases.submit(station, request(station)).case_no
    cases.evaluate(station, good, "very_satisfied")
    first = _bad_case(station)
    station.clock.current += timedelta(days=10)  # type: ignore[attr-defined]
    second = _bad_case(station, "very_dissatisfied")
    ov = dashboard.overview(station, with_rates=False)
    assert [e.case_no for e in ov.bad_ratings.entries] == [first, second] and ov.bad_ratings.total == 2
    a, b = ov.bad_ratings.entries
    assert (a.rating, b.rating) == ("dissatisfied", "very_dissatisfied")
    assert a.due == cases.bad_ratings(station)[0][0].due == station.calendar.add_working_days(
        station.today() - timedelta(days=10), settings.load(station).rectify_days)
    assert a.overdue and not a.rectified and not b.overdue
    assert a.applicant_name and a.items
    cases.rectify(station, first, "已整改")
    a = dashboard.overview(station, with_rates=False).bad_ratings.entries[0]
    assert a.case_no == first and a.rectified and not a.overdue  # rectified late: no longer overdue
    cases.revisit(station, first, "satisfied", "phone", "")
    ov = dashboard.overview(station, with_rates=False)
    assert [e.case_no for e in ov.bad_ratings.entries] == [second] and ov.bad_ratings.total == 1
    limited = dashboard.overview(station, limit=0, with_rates=False).bad_ratings
    assert limited.entries == () and limited.total == 1 and limited.more == 1


def test_the_dashboards_bad_rating_read_goes_by_the_partial_index(station: Station) -> None:
    """Both reads (the count, the rows shown) go by ``case_facts_bad_open``: with migration 7 SQLite
    chose to count by ``case_facts_bad`` (every 差评 ever given, each fact's row read)."""
    _bad_case(station)
    plans: dict[str, list[str]] = {}
    db = station.db
    original_all, original_one = db.all, db.one

    def explained(sql: str, params: Any) -> None:
        if "case_facts" in sql:
            plans[sql] = [str(r[-1]) for r in original_all("EXPLAIN QUERY PLAN " + sql, params)]

    def all_with_plan(sql: str, params: Any = ()) -> Any:
        explained(sql, params)
        return original_all(sql, params)

    def one_with_plan(sql: str, params: Any = ()) -> Any:
        explained(sql, params)
        return original_one(sql, params)

    db.all, db.one = all_with_plan, one_with_plan  # type: ignore[method-assign]
    try:
        rows, total = dashboard_store.bad_open(db, 10)
    finally:
        db.all, db.one = original_all, original_one  # type: ignore[method-assign]
    assert total == 1 and len(rows) == 1
    (count_plan,) = [p for sql, p in plans.items() if "count(*)" in sql]
    (rows_plan,) = [p for sql, p in plans.items() if "count(*)" not in sql]
    # The work items come from the partial index in its order (the rows of no other case are read);
    # only the few rows shown are sorted again once joined to their cases.
    assert "SCAN case_facts USING INDEX case_facts_bad_open" in rows_plan, rows_plan
    assert not any(p.startswith("SCAN") and "INDEX" not in p and p != "SCAN x" for p in rows_plan), rows_plan
    assert count_plan == ["SCAN case_facts USING INDEX case_facts_bad_open"], count_plan


# -- the window ------------------------------------------------------------------------------------
def _texts(lst: Any) -> list[str]:
    return [lst.item(i).text() for i in range(lst.count())]


def _dashboard(qtbot: Any, window: Any) -> Any:
    from tests.uikit import wait_idle

    board = window.pages["dashboard"]
    window.go("dashboard")
    board.refresh()
    wait_idle(qtbot, window.session)
    qtbot.waitUntil(lambda: board.data is not None and not board._loading, timeout=10_000)
    return board


def _open(qtbot: Any, window: Any, case_no: str) -> Any:
    detail = window.case_detail
    qtbot.waitUntil(lambda: detail.view is not None and detail.view.case.case_no == case_no and not detail.loading,
                    timeout=10_000)
    return detail


def test_the_window_runs_a_bad_rating_to_its_revisit(qtbot: Any, station: Station) -> None:
    from PySide6.QtCore import Qt

    from tests.uikit import close_window, open_window, wait_idle
    from ui import case_actions
    from ui.dashboard import RED

    case_no = _bad_case(station)
    cases.evaluate(station, case_no, "satisfied")  # a 追评: the 差评 stays the case's
    due = cases.facts_of(station, case_no).rectify_due
    assert due is not None
    station.clock.current += timedelta(days=14)  # type: ignore[attr-defined]  # the 整改期限 has passed
    window = open_window(qtbot, station)
    try:
        board = _dashboard(qtbot, window)
        box = board.sections["bad_ratings"]
        assert box.heading.text() == "差评待整改回访 1 件"
        [line] = _texts(box.list)
        assert case_no in line and "不满意" in line and f"整改期限 {due}" in line and "已超期未整改" in line
        assert box.list.item(0).background().color() == RED  # said in words too
        # a click opens the case, as on the other lists
        box.list.itemClicked.emit(box.list.item(0))
        detail = _open(qtbot, window, case_no)
        assert window.stack.currentWidget() is detail
        assert detail.rating_box.isVisible()
        shown = detail.rating_text.text()
        assert "差评：不满意" in shown and f"整改期限：{due}（已超期，尚未整改）" in shown and "整改：尚未整改" in shown
        timeline = detail.timeline_texts()
        assert any("好差评：不满意" in t for t in timeline) and any("好差评（追评）：满意" in t for t in timeline)
        visible = {a for a, b in detail.buttons.items() if b.isVisible()}
        assert case_actions.RECTIFY in visible and case_actions.REVISIT not in visible
        assert case_actions.EVALUATE in visible and detail.buttons[case_actions.EVALUATE].text() == "追评(&E)"

        # 整改: the note is required
        detail.buttons[case_actions.RECTIFY].click()
        dialog = detail.dialog
        assert isinstance(dialog, case_actions.RectifyDialog)
        dialog.note_edit.setText("   ")
        dialog.ok_button.click()
        wait_idle(qtbot, window.session)
        assert dialog.isVisible() and "请填写整改情况" in dialog.error_label.text()
        assert not any("差评整改" in t for t in detail.timeline_texts())  # nothing was recorded
        dialog.note_edit.setText("已对窗口人员进行业务培训，缩短等候时间")
        dialog.ok_button.click()
        wait_idle(qtbot, window.session)
        qtbot.waitUntil(lambda: detail.dialog is None, timeout=5000)
        qtbot.waitUntil(lambda: any("差评整改：已对窗口人员进行业务培训" in t for t in detail.timeline_texts()),
                        timeout=5000)
        qtbot.waitUntil(lambda: detail.buttons[case_actions.REVISIT].isVisible(), timeout=5000)
        assert not detail.buttons[case_actions.RECTIFY].isVisible()
        shown = detail.rating_text.text()
        assert "已超期" not in shown and "整改：已对窗口人员进行业务培训" in shown and "回访：待回访" in shown

        # the dashboard still lists it, rectified, until the revisit
        board = _dashboard(qtbot, window)
        [line] = _texts(board.sections["bad_ratings"].list)
        assert case_no in line and "已整改，待回访" in line and "已超期" not in line
        board.sections["bad_ratings"].list.itemClicked.emit(board.sections["bad_ratings"].list.item(0))
        detail = _open(qtbot, window, case_no)

        # 回访: the result and how
        detail.buttons[case_actions.REVISIT].click()
        dialog = detail.dialog
        assert isinstance(dialog, case_actions.RevisitDialog)
        assert [dialog.result_combo.itemText(i) for i in range(dialog.result_combo.count())] == [
            "满意", "基本满意", "仍不满意"]
        dialog.result_combo.setCurrentIndex(dialog.result_combo.findData("dissatisfied"))
        dialog.method_combo.setCurrentIndex(dialog.method_combo.findData("visit"))
        dialog.note_edit.setText("申请人认为等候时间仍较长")
        dialog.ok_button.click()
        wait_idle(qtbot, window.session)
        qtbot.waitUntil(lambda: detail.dialog is None, timeout=5000)
        expected = "差评回访：仍不满意（上门回访），申请人认为等候时间仍较长"
        qtbot.waitUntil(lambda: any(expected in t for t in detail.timeline_texts()), timeout=5000)
        qtbot.waitUntil(lambda: not detail.buttons[case_actions.REVISIT].isVisible(), timeout=5000)
        assert not detail.buttons[case_actions.RECTIFY].isVisible()
        assert "回访：仍不满意（上门回访）" in detail.rating_text.text()

        board = _dashboard(qtbot, window)
        box = board.sections["bad_ratings"]
        assert box.heading.text() == "差评待整改回访 0 件"
        assert _texts(box.list) == ["没有"] and not box.list.item(0).flags() & Qt.ItemFlag.ItemIsEnabled
    finally:
        close_window(window)
    reopened = Station.open(station.paths, "admin", _password(), kdf=station.kdf, clock=station.clock, check="none")
    try:
        f = cases.facts_of(reopened, case_no)
        assert (f.revisit_result, f.revisit_method, f.rating) == ("dissatisfied", "visit", "dissatisfied")
        assert "已对窗口人员进行业务培训" in f.rectify_note
    finally:
        reopened.close()


def _password() -> str:
    from tests.conftest import ADMIN_PASSWORD

    return ADMIN_PASSWORD


def test_a_case_without_a_bad_rating_shows_no_work_item_and_offers_a_rating(qtbot: Any, station: Station) -> None:
    from tests.uikit import close_window, open_window
    from ui import case_actions

    fresh = cases.submit(station, request(station)).case_no
    good = cases.submit(station, request(station)).case_no
    cases.evaluate(station, good, "very_satisfied")
    window = open_window(qtbot, station)
    try:
        window.show_case(fresh)
        detail = _open(qtbot, window, fresh)
        assert not detail.rating_box.isVisible()
        assert detail.buttons[case_actions.EVALUATE].isVisible()
        assert detail.buttons[case_actions.EVALUATE].text() == "好差评(&E)"
        window.show_case(good)
        detail = _open(qtbot, window, good)
        assert not detail.rating_box.isVisible()
        visible = {a for a, b in detail.buttons.items() if b.isVisible()}
        assert case_actions.EVALUATE in visible and detail.buttons[case_actions.EVALUATE].text() == "追评(&E)"
        assert not visible & {case_actions.RECTIFY, case_actions.REVISIT}
    finally:
        close_window(window)


def test_the_settings_page_sets_the_rectification_days(qtbot: Any, station: Station) -> None:
    from tests.uikit import close_window, open_window, wait_idle

    window = open_window(qtbot, station)
    try:
        window.go("settings")
        wait_idle(qtbot, window.session)
        page = window.pages["settings"]
        assert page.rectify_spin.isEnabled() and page.rectify_spin.value() == 5
        assert page.rectify_spin.maximum() == settings.RECTIFY_DAYS_MAX
        page.rectify_spin.setValue(8)
        page.save()
        wait_idle(qtbot, window.session)
        assert page.counter_message.text() == "已保存。"
        assert window.session.settings.rectify_days == 8
        page.store_counter_settings("", "a4", 5, rectify_days=99)  # what the widget cannot give: the core refuses
        wait_idle(qtbot, window.session)
        assert "超出允许范围" in page.field_messages["rectify_days"].text()
    finally:
        close_window(window)
    reopened = Station.open(station.paths, "admin", _password(), kdf=station.kdf, clock=station.clock, check="none")
    try:
        assert settings.load(reopened).rectify_days == 8
    finally:
        reopened.close()
