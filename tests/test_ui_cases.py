"""办件查询 and 办件详情 in the real window (pytest-qt, offscreen): search, lazy paging, the timeline,
and actions that change the store and the journal."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt

from app.journal import EventType
from app.models import CaseStatus, Decision, DeliveryMethod, Outcome
from app.services import cases
from app.station import Station
from app.store import journal as journal_store
from bianmin.demo import cases as demo
from tests.helpers import DIBAO, applicant, missing, request
from tests.uikit import close_window, open_window, wait_idle
from ui import case_actions
from ui.case_list_model import CaseQuery


def _cases_page(qtbot: Any, window: Any) -> Any:
    window.go("cases")
    page = window.pages["cases"]
    wait_idle(qtbot, window.session)
    return page


def _listed(page: Any) -> list[str]:
    return [page.model.case_no(r) for r in range(page.model.rowCount())]


def _search(qtbot: Any, window: Any, page: Any, text: str) -> list[str]:
    page.search_edit.setText(text)  # typing: the search follows after the pause
    qtbot.waitUntil(lambda: page.model.query.text == text.strip(), timeout=5000)
    wait_idle(qtbot, window.session)
    return _listed(page)


def test_search_finds_by_name_id_suffix_and_case_number(qtbot: Any, station: Station) -> None:
    a = cases.submit(station, request(station, applicant=applicant(name="扎西顿珠", seq=31)))
    b = cases.submit(station, request(station, applicant=applicant(name="王建国", birth=date(1979, 5, 6), seq=32)))
    c = cases.submit(station, request(station, applicant=applicant(name="央金卓玛", birth=date(1990, 1, 2), seq=33)))
    window = open_window(qtbot, station)
    try:
        page = _cases_page(qtbot, window)
        assert _listed(page) == [c.case_no, b.case_no, a.case_no]  # newest first
        assert page.model.total == 3
        assert _search(qtbot, window, page, "顿珠") == [a.case_no]
        assert _search(qtbot, window, page, "wjg") == [b.case_no]  # pinyin initials
        assert _search(qtbot, window, page, c.applicant.id_number[-6:]) == [c.case_no]
        assert _search(qtbot, window, page, b.case_no) == [b.case_no]
        assert _search(qtbot, window, page, "没有这个人") == []
        assert "没有符合条件" in page.summary_label.text()
        # the ID number is masked in the list
        _search(qtbot, window, page, "王建国")
        shown = page.model.index(0, 2).data()
        assert "*" in shown and b.applicant.id_number not in shown
        # a status filter combined with the text
        page.search_edit.setText("")
        page.status_combo.setCurrentIndex(page.status_combo.findData(CaseStatus.refused.value))
        wait_idle(qtbot, window.session)
        assert _listed(page) == []
        page.reset_filters()
        wait_idle(qtbot, window.session)
        assert len(_listed(page)) == 3
    finally:
        close_window(window)


def test_stale_pages_of_an_older_query_are_dropped(qtbot: Any, station: Station) -> None:
    a = cases.submit(station, request(station, applicant=applicant(name="扎西顿珠", seq=31)))
    b = cases.submit(station, request(station, applicant=applicant(name="王建国", seq=32)))
    window = open_window(qtbot, station)
    try:
        page = _cases_page(qtbot, window)
        page.model.set_query(CaseQuery(text="扎西"))
        page.model.set_query(CaseQuery(text="王建国"))  # before the first query's page arrives
        wait_idle(qtbot, window.session)
        assert _listed(page) == [b.case_no]
        assert page.model.total == 1
        assert a.case_no not in _listed(page)
    finally:
        close_window(window)


def test_the_list_fetches_pages_as_it_scrolls(qtbot: Any, station: Station) -> None:
    demo.generate(station, 130, seed=7, batch=50, advance=False)
    total = cases.count_cases(station)
    assert total == 130
    window = open_window(qtbot, station)
    try:
        page = window.pages["cases"]
        page.model.page_size = 50
        page = _cases_page(qtbot, window)
        qtbot.wait(200)
        wait_idle(qtbot, window.session)
        assert page.model.rowCount() == 50  # one page, not everything
        assert page.model.total == 130 and "130" in page.summary_label.text()
        page.table.scrollToBottom()
        qtbot.waitUntil(lambda: page.model.rowCount() == 100, timeout=5000)
        wait_idle(qtbot, window.session)
        assert page.model.rowCount() == 100
        page.table.scrollToBottom()
        qtbot.waitUntil(lambda: page.model.rowCount() == 130, timeout=5000)
        assert page.model.exhausted and not page.model.canFetchMore(page.table.rootIndex())
        listed = _listed(page)
        assert len(set(listed)) == 130
        assert listed == _store(window, qtbot, lambda st: [r.case_no for r in cases.find_cases(st, limit=500).rows])
    finally:
        close_window(window)


def _open_from_list(qtbot: Any, window: Any, case_no: str) -> Any:
    page = _cases_page(qtbot, window)
    _search(qtbot, window, page, case_no)
    assert _listed(page) == [case_no]
    page.table.setFocus()
    page.table.setCurrentIndex(page.model.index(0, 0))
    qtbot.keyClick(page.table, Qt.Key.Key_Return)  # Enter opens the case
    detail = window.pages["case"]
    qtbot.waitUntil(lambda: window.stack.currentWidget() is detail, timeout=5000)
    wait_idle(qtbot, window.session)
    assert detail.view is not None and detail.view.case.case_no == case_no
    return detail


def test_opening_a_case_shows_its_facts_and_timeline(qtbot: Any, station: Station) -> None:
    case = cases.submit(station, request(station, applicant=applicant(name="扎西顿珠", seq=31)))
    cases.set_status(station, case.case_no, CaseStatus.in_progress, source="platform")
    window = open_window(qtbot, station)
    try:
        detail = _open_from_list(qtbot, window, case.case_no)
        lines = detail.timeline_texts()
        assert len(lines) == 3
        assert "收件：扎西顿珠" in lines[0]
        assert "受理（受理）" in lines[1] and "承诺办结" in lines[1]
        assert "开始办理（平台）" in lines[2] and "admin" in lines[2]
        applicant_text = detail.fact_values["applicant"].text()
        assert "扎西顿珠" in applicant_text and case.applicant.id_number not in applicant_text
        assert "*" in applicant_text
        assert "办理中" in detail.status_line.text()
        # the open went to the access log
        actions = _store(window, qtbot,
                         lambda st: [e["action"] for e in journal_store.access_entries(st.db, case.case_no)])
        assert "open" in actions
    finally:
        close_window(window)


def _run_dialog(qtbot: Any, window: Any, detail: Any, action: str, fill: Any = None) -> Any:
    assert detail.buttons[action].isVisible()
    detail.buttons[action].click()
    dialog = detail.dialog
    assert dialog is not None and dialog.isVisible()
    if fill is not None:
        fill(dialog)
    dialog.ok_button.click()
    wait_idle(qtbot, window.session)
    qtbot.waitUntil(lambda: detail.dialog is None, timeout=5000)  # closed after the change
    return dialog


def _store(window: Any, qtbot: Any, fn: Any) -> Any:
    out: list[Any] = []
    window.session.run(fn, out.append)
    wait_idle(qtbot, window.session)
    return out[0]


def test_corrections_received_accepts_the_case_again(qtbot: Any, station: Station) -> None:
    case = cases.submit(station, request(station, Decision.correction_notice,
                                         except_={"M-FAMILY-CHECK-AUTH": missing()},
                                         correction_due=date(2026, 11, 27)))
    window = open_window(qtbot, station)
    try:
        detail = _open_from_list(qtbot, window, case.case_no)
        shown = {a for a, b in detail.buttons.items() if b.isVisible()}
        assert case_actions.CORRECTION in shown and case_actions.WITHDRAW in shown
        assert case_actions.CONCLUDE not in shown and case_actions.DELIVER not in shown
        _run_dialog(qtbot, window, detail, case_actions.CORRECTION)
        after = _store(window, qtbot, lambda st: cases.get_case(st, case.case_no, log_access=False))
        assert after.status is CaseStatus.accepted and after.promised_due is not None
        types = _store(window, qtbot, lambda st: [e.type for e in cases.case_journal(st, case.case_no)])
        assert types[-1] == EventType.correction_resumed
        assert detail.view.case.status is CaseStatus.accepted
        assert "补正材料已收到" in detail.timeline_texts()[-1]
        shown = {a for a, b in detail.buttons.items() if b.isVisible()}
        assert case_actions.CORRECTION not in shown and case_actions.CONCLUDE in shown
    finally:
        close_window(window)


def test_conclude_then_deliver_with_who_collected(qtbot: Any, station: Station) -> None:
    case = cases.submit(station, request(station))  # 低保: a promised item, accepted
    window = open_window(qtbot, station)
    try:
        detail = _open_from_list(qtbot, window, case.case_no)
        assert not detail.buttons[case_actions.DELIVER].isVisible()  # not concluded yet

        def deny(dialog: Any) -> None:
            dialog.outcome_buttons[Outcome.denied.value].setChecked(True)
            dialog.note_edit.setText("收入超过标准")

        _run_dialog(qtbot, window, detail, case_actions.CONCLUDE, deny)
        after = _store(window, qtbot, lambda st: cases.get_case(st, case.case_no, log_access=False))
        assert after.status is CaseStatus.concluded and after.outcome is Outcome.denied
        assert "办结：不予准予" in detail.timeline_texts()[-1]
        assert not detail.buttons[case_actions.CONCLUDE].isVisible()

        # who collected it is required at the counter
        detail.buttons[case_actions.DELIVER].click()
        dialog = detail.dialog
        assert dialog.method() is DeliveryMethod.counter
        dialog.recipient_edit.setText("")
        dialog.ok_button.click()
        wait_idle(qtbot, window.session)
        assert dialog.isVisible() and not dialog.error_label.isHidden()
        dialog.recipient_edit.setText("次仁卓玛")
        dialog.ok_button.click()
        wait_idle(qtbot, window.session)
        qtbot.waitUntil(lambda: detail.dialog is None, timeout=5000)
        events = _store(window, qtbot, lambda st: cases.case_journal(st, case.case_no))
        assert events[-1].type == EventType.delivered and events[-1].payload["recipient"] == "次仁卓玛"
        assert detail.view.case.status is CaseStatus.delivered
        assert "领取人 次仁卓玛" in detail.timeline_texts()[-1]
        shown = {a for a, b in detail.buttons.items() if b.isVisible()}
        assert shown.isdisjoint({case_actions.CONCLUDE, case_actions.DELIVER, case_actions.WITHDRAW,
                                 case_actions.CORRECTION})
        assert "collection" in detail.view.documents
    finally:
        close_window(window)


def test_withdrawal_needs_a_reason(qtbot: Any, station: Station) -> None:
    case = cases.submit(station, request(station))
    window = open_window(qtbot, station)
    try:
        detail = _open_from_list(qtbot, window, case.case_no)
        detail.buttons[case_actions.WITHDRAW].click()
        dialog = detail.dialog
        dialog.ok_button.click()
        wait_idle(qtbot, window.session)
        assert dialog.isVisible() and "撤回原因" in dialog.error_label.text()
        assert _store(window, qtbot, lambda st: cases.get_case(st, case.case_no, False).status) is CaseStatus.accepted
        dialog.reason_edit.setText("申请人主动撤回")
        dialog.ok_button.click()
        wait_idle(qtbot, window.session)
        assert _store(window, qtbot, lambda st: cases.get_case(st, case.case_no, False).status) is CaseStatus.withdrawn
        assert "撤回：申请人主动撤回" in detail.timeline_texts()[-1]
        # No status action is left; the record can still be printed, rated, put right (更正) and its scans seen.
        assert {a for a, b in detail.buttons.items() if b.isVisible()} <= {case_actions.PRINT, case_actions.EVALUATE,
                                                                           case_actions.AMEND, case_actions.SCANS}
    finally:
        close_window(window)


def test_actions_that_do_not_fit_the_state_are_not_offered(qtbot: Any, station: Station) -> None:
    from app.models import Refusal

    refused = cases.submit(station, request(station, Decision.refuse, refusal=Refusal(
        reason="不属于本机关职权范围", review_authority="墨竹工卡县人民政府", court="墨竹工卡县人民法院")))
    accepted = cases.submit(station, request(station, applicant=applicant(name="王建国", seq=40)))
    window = open_window(qtbot, station)
    try:
        detail = _open_from_list(qtbot, window, refused.case_no)
        shown = {a for a, b in detail.buttons.items() if b.isVisible()}
        assert shown.isdisjoint({case_actions.CORRECTION, case_actions.SUPPLY, case_actions.CONCLUDE,
                                 case_actions.DELIVER, case_actions.WITHDRAW})
        assert detail.view.documents == ["refusal"]  # no receipt for a refused case
        detail.start_action(case_actions.CONCLUDE)  # even when asked, nothing opens
        assert detail.dialog is None
        detail = _open_from_list(qtbot, window, accepted.case_no)
        shown = {a for a, b in detail.buttons.items() if b.isVisible()}
        assert case_actions.CONCLUDE in shown and case_actions.DELIVER not in shown
        assert case_actions.CORRECTION not in shown and case_actions.SUPPLY not in shown
        assert "receipt" in detail.view.documents
    finally:
        close_window(window)


def test_a_deferred_material_is_supplied(qtbot: Any, station: Station) -> None:
    from tests.helpers import deferred

    case = cases.submit(station, request(station, Decision.deferred_material,
                                         except_={"M-INCOME-STATEMENT": deferred(date(2026, 11, 25))}))
    window = open_window(qtbot, station)
    try:
        detail = _open_from_list(qtbot, window, case.case_no)
        assert "deferral" in detail.view.documents
        _run_dialog(qtbot, window, detail, case_actions.SUPPLY)
        after = _store(window, qtbot, lambda st: cases.get_case(st, case.case_no, log_access=False))
        income = next(m for m in after.materials if m.material_code == "M-INCOME-STATEMENT")
        assert income.state.value == "received"
        assert detail.view.events[-1].type == EventType.material_supplied
        assert not detail.buttons[case_actions.SUPPLY].isVisible()  # nothing deferred is left
        assert detail.view.case.items[0].item_code == DIBAO
    finally:
        close_window(window)


def test_an_overdue_deferred_acceptance_is_revoked_from_the_case_page(qtbot: Any, station: Station) -> None:
    """撤销受理 (issue 16, point 5): offered to an administrator once a deferred material is overdue;
    the reason is required; the case ends and its 撤销受理决定通知书 is offered for printing."""
    from app.clock import FixedClock
    from tests.helpers import deferred

    case = cases.submit(station, request(station, Decision.deferred_material,
                                         except_={"M-INCOME-STATEMENT": deferred(date(2026, 11, 20))}))
    clock = station.clock
    assert isinstance(clock, FixedClock)
    window = open_window(qtbot, station)
    try:
        detail = _open_from_list(qtbot, window, case.case_no)
        assert not detail.buttons[case_actions.REVOKE].isVisible()  # not overdue yet
        clock.advance(days=5)
        window.go("dashboard")  # the overdue material is listed, with what to do about it
        board = window.pages["dashboard"]
        board.refresh()
        wait_idle(qtbot, window.session)
        qtbot.waitUntil(lambda: board.deferred_note.isVisibleTo(board), timeout=5000)
        assert "撤销受理" in board.deferred_note.text()
        assert case.case_no in board.sections["deferred_overdue"].list.item(0).text()
        detail = _open_from_list(qtbot, window, case.case_no)
        wait_idle(qtbot, window.session)
        qtbot.waitUntil(lambda: detail.buttons[case_actions.REVOKE].isVisible(), timeout=5000)
        detail.buttons[case_actions.REVOKE].click()
        dialog = detail.dialog
        assert dialog is not None and "家庭收入及财产情况说明" in dialog.materials_label.text()
        dialog.ok_button.click()  # no reason: refused in the dialog
        assert dialog.isVisible() and "撤销理由" in dialog.error_label.text()
        dialog.reason_edit.setText("逾期未补交，经电话告知仍未补交")
        dialog.ok_button.click()
        wait_idle(qtbot, window.session)
        qtbot.waitUntil(lambda: detail.dialog is None, timeout=5000)
        qtbot.waitUntil(lambda: detail.view is not None and detail.view.case.status is CaseStatus.revoked,
                        timeout=5000)
        assert "已撤销受理" in detail.status_line.text()
        assert detail.view.documents[-1] == "revocation"
        assert any("撤销受理决定：逾期未补交" in t for t in detail.timeline_texts())
        shown = {a for a, b in detail.buttons.items() if b.isVisible()}
        assert shown.isdisjoint({case_actions.SUPPLY, case_actions.CONCLUDE, case_actions.WITHDRAW,
                                 case_actions.REVOKE})
    finally:
        close_window(window)


def test_a_typo_is_put_right_from_the_case_page(qtbot: Any, station: Station) -> None:
    """更正 (issue 16, point 8): the dialog shows the case's details; only what changed goes, with
    the reason; a bad ID number is named in the dialog; the history says what was corrected."""
    case = cases.submit(station, request(station, applicant=applicant(name="扎西顿朱", seq=41)))
    window = open_window(qtbot, station)
    try:
        detail = _open_from_list(qtbot, window, case.case_no)
        assert detail.buttons[case_actions.AMEND].isVisible()
        detail.buttons[case_actions.AMEND].click()
        dialog = detail.dialog
        assert dialog is not None and dialog.edits["applicant.name"].text() == "扎西顿朱"
        assert "agent.name" not in dialog.edits  # no agent in this case
        dialog.ok_button.click()
        assert dialog.isVisible() and "没有改动" in dialog.error_label.text()
        dialog.edits["applicant.name"].setText("扎西顿珠")
        dialog.edits["applicant.id_number"].setText(case.applicant.id_number[:-1] + "0"
                                                    if case.applicant.id_number[-1] != "0" else "1")
        dialog.reason_edit.setText("姓名录入错字")
        dialog.ok_button.click()
        wait_idle(qtbot, window.session)
        qtbot.waitUntil(lambda: "申请人证件号码" in dialog.error_label.text(), timeout=5000)  # refused, named
        assert dialog.isVisible()
        dialog.edits["applicant.id_number"].setText(case.applicant.id_number)
        dialog.ok_button.click()
        wait_idle(qtbot, window.session)
        qtbot.waitUntil(lambda: detail.dialog is None, timeout=5000)
        qtbot.waitUntil(lambda: detail.view is not None and detail.view.case.applicant.name == "扎西顿珠",
                        timeout=5000)
        assert any("更正申请人姓名：姓名录入错字" in t for t in detail.timeline_texts())
        last = detail.view.events[-1]
        assert last.type == EventType.amended and last.payload["changes"] == [
            {"field": "applicant.name", "old": "扎西顿朱", "new": "扎西顿珠"}]
    finally:
        close_window(window)


def test_ctrl_f_shows_the_list_with_the_search_box_focused(qtbot: Any, station: Station) -> None:
    cases.submit(station, request(station))
    window = open_window(qtbot, station)
    try:
        window.activateWindow()
        qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
        page = window.pages["cases"]
        qtbot.waitUntil(lambda: window.stack.currentWidget() is page, timeout=5000)
        wait_idle(qtbot, window.session)
        assert page.search_edit.hasFocus() or window.focusWidget() is page.search_edit
        assert page.model.rowCount() == 1
    finally:
        close_window(window)


def test_a_change_elsewhere_refreshes_the_visible_list(qtbot: Any, station: Station) -> None:
    window = open_window(qtbot, station)
    try:
        page = _cases_page(qtbot, window)
        assert page.model.rowCount() == 0
        made = _store(window, qtbot, lambda st: cases.submit(st, request(st)))
        window.session.data_changed.emit(made.case_no)
        wait_idle(qtbot, window.session)
        assert _listed(page) == [made.case_no]
        page.clear()  # logout drops every row
        assert page.model.rowCount() == 0 and page.search_edit.text() == ""
    finally:
        close_window(window)


def test_pages_hold_a_language_switch_and_the_largest_font(qtbot: Any, station: Station) -> None:
    case = cases.submit(station, request(station))
    window = open_window(qtbot, station)
    try:
        detail = _open_from_list(qtbot, window, case.case_no)
        base = detail.heading.font().pointSizeF()
        window.appearance.set_scale(200)
        qtbot.waitUntil(lambda: detail.heading.font().pointSizeF() > base * 1.5, timeout=5000)
        window.toggle_language()  # Tibetan: every text set again, the case still shown
        qtbot.wait(50)
        assert case.case_no in detail.heading.text()
        assert len(detail.timeline_texts()) == len(detail.view.events)
        window.go("cases")
        wait_idle(qtbot, window.session)
        page = window.pages["cases"]
        assert page.model.rowCount() == 1
        assert page.model.headerData(0, Qt.Orientation.Horizontal) not in ("", None)
    finally:
        close_window(window)
