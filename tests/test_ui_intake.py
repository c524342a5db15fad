"""The intake flow (受理) through the real window, driven by the keyboard as a clerk would.

Every test logs in through the window, opens the page with Ctrl+2, and moves with the page's own
keys: Enter in the search, mnemonics (Alt+letter), Tab, ↑/↓, Ctrl+Enter (next / submit) and
Alt+← (back). The store is read afterwards on the window's worker thread.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from app.identity import make_resident_id
from app.journal import EventType
from app.models import CaseStatus, Decision, HandlingMode, MaterialState
from app.services import cases
from app.station import Station
from tests.helpers import DIBAO, RESIDENCE_PROOF
from tests.uikit import close_window, open_window, wait_idle
from ui.intake import IntakePage
from ui.intake.draft import APPLICANT, DECISION, DELIVERY, DONE, FIND, MATERIALS

T = TypeVar("T")

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
APPLICANT_ID = make_resident_id("540127", date(1968, 3, 4), 17)
AGENT_ID = make_resident_id("540127", date(1985, 6, 1), 42)


# -- the keyboard -------------------------------------------------------------------------------
def focus() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def typed(text: str) -> None:
    """Type into the focused widget (QTest's keyClicks knows ASCII only; Chinese comes as text)."""
    for ch in text:
        QTest.sendKeyEvent(QTest.KeyAction.Click, focus(), Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier)


def key(qtbot: Any, k: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(focus(), k, modifier)


def alt(qtbot: Any, letter: str) -> None:
    key(qtbot, getattr(Qt.Key, f"Key_{letter}"), ALT)


def next_step(qtbot: Any) -> None:
    key(qtbot, Qt.Key.Key_Return, CTRL)


def next_to(qtbot: Any, page: IntakePage, step: int) -> None:
    """Ctrl+Enter, then wait for the step (the page first lets the core re-check the decisions)."""
    next_step(qtbot)
    qtbot.waitUntil(lambda: page.current() == step, timeout=5000)


def tab_to(qtbot: Any, target: QWidget, limit: int = 80) -> None:
    """Tab until the focus is on ``target`` (fails when the tab order never gets there)."""
    for _ in range(limit):
        if focus() is target:
            return
        key(qtbot, Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {target.objectName()}")


def replace_text(qtbot: Any, text: str) -> None:
    key(qtbot, Qt.Key.Key_A, CTRL)
    key(qtbot, Qt.Key.Key_Backspace)
    typed(text)


# -- the window -----------------------------------------------------------------------------
def open_intake(qtbot: Any, station: Station) -> tuple[Any, IntakePage]:
    window = open_window(qtbot, station)
    qtbot.keyClick(window, Qt.Key.Key_2, CTRL)
    page = window.pages["intake"]
    assert isinstance(page, IntakePage)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is page and focus() is page.find.search, timeout=5000)
    return window, page


def on_worker(qtbot: Any, window: Any, fn: Callable[[Station], T]) -> T:
    """``fn(station)`` on the window's worker thread (the store is never read on the GUI thread)."""
    box: list[T] = []
    window.session.run(fn, box.append)
    qtbot.waitUntil(lambda: bool(box), timeout=10_000)
    return box[0]


def choose_item(qtbot: Any, page: IntakePage, query: str, code: str) -> None:
    typed(query)
    qtbot.waitUntil(lambda: page.find.results.count() > 0, timeout=5000)
    for _ in range(page.find.results.count()):
        if page.find._current_key() == ("item", code):
            break
        key(qtbot, Qt.Key.Key_Down)
    assert page.find._current_key() == ("item", code)
    key(qtbot, Qt.Key.Key_Return)  # choose: the guide appears
    qtbot.waitUntil(lambda: page.find.chosen is not None and page.find.chosen.code == code, timeout=5000)
    assert focus() is page.find.search


def fill_applicant(qtbot: Any, page: IntakePage, id_number: str = APPLICANT_ID) -> None:
    assert page.current() == APPLICANT and focus() is page.applicant.name
    typed("扎西顿珠")
    alt(qtbot, "D")
    assert focus() is page.applicant.id_number
    typed(id_number)
    alt(qtbot, "P")
    typed("13908901234")
    alt(qtbot, "V")
    typed("帮堆村")
    alt(qtbot, "E")
    typed("12号")


def wait_verdicts(qtbot: Any, page: IntakePage) -> None:
    qtbot.waitUntil(lambda: len(page.decision.allowed) == len(Decision) and not page._decide_timer.isActive(),
                    timeout=5000)
    wait_idle(qtbot, page.session)


def submit(qtbot: Any, page: IntakePage) -> Any:
    assert page.current() == DELIVERY
    next_step(qtbot)  # 提交
    qtbot.waitUntil(lambda: page.current() == DONE, timeout=10_000)
    assert page.case is not None
    wait_idle(qtbot, page.session)
    return page.case


def row_of(page: IntakePage, material: str) -> Any:
    return next(r for r in page.materials.rows if r.line.material.code == material)


def preview_text(qtbot: Any, page: IntakePage) -> str:
    qtbot.waitUntil(lambda: page.preview is not None and page.preview.isVisible(), timeout=10_000)
    document = page.preview._pdf.document  # type: ignore[union-attr]
    assert document.pageCount() >= 1
    return "".join(document.getAllText(n).text() for n in range(document.pageCount()))


# -- (a) a proxy intake with a deferred material ------------------------------------------------
def test_proxy_intake_with_a_deferred_material(qtbot: Any, station: Station) -> None:
    window, page = open_intake(qtbot, station)
    try:
        choose_item(qtbot, page, "zdshbz", DIBAO)
        guide = page.find.guide.toPlainText()
        for text in ("申请条件", "家庭收入及财产情况说明", "可容缺", "法定时限", "30 个工作日", "20 个工作日",
                     "乡（镇）人民政府"):
            assert text in guide
        key(qtbot, Qt.Key.Key_Return)  # Enter again on the chosen item: next step
        fill_applicant(qtbot, page, id_number=APPLICANT_ID[:-1] + ("0" if APPLICANT_ID[-1] != "0" else "1"))
        next_step(qtbot)
        # A wrong check digit: the page stays, the problem is next to the field, the focus on it.
        assert page.current() == APPLICANT
        assert "校验位不对" in page.applicant.rows["applicant.id_number"].problem.text()
        assert page.applicant.rows["applicant.id_number"].problem.isVisible()
        assert focus() is page.applicant.id_number
        replace_text(qtbot, APPLICANT_ID)
        assert not page.applicant.rows["applicant.id_number"].problem.isVisible()

        alt(qtbot, "M")  # 办理方式: 本人办理 → 帮办 → 代办
        key(qtbot, Qt.Key.Key_Down)
        key(qtbot, Qt.Key.Key_Down)
        assert page.applicant.handling_mode() is HandlingMode.proxy
        assert page.applicant.agent_box.isVisible()
        key(qtbot, Qt.Key.Key_Tab)  # the agent's fields follow the mode in Tab order
        assert focus() is page.applicant.agent_name
        typed("次仁卓玛")
        alt(qtbot, "U")
        typed(AGENT_ID)
        alt(qtbot, "L")  # 与申请人关系: 亲属 → 村干部 → 驻村工作队
        key(qtbot, Qt.Key.Key_Down)
        key(qtbot, Qt.Key.Key_Down)
        alt(qtbot, "H")
        typed("13800890000")
        alt(qtbot, "O")
        typed("代为申请低保")
        alt(qtbot, "W")
        typed("2027-01-31")
        alt(qtbot, "C")
        typed("WT-2026-118")
        next_step(qtbot)

        assert page.current() == MATERIALS
        income = row_of(page, "M-INCOME-STATEMENT")
        assert focus() is page.materials.rows[0].state
        alt(qtbot, "A")  # every material not yet chosen: received
        qtbot.waitUntil(lambda: all(r.value_state() is MaterialState.received for r in page.materials.rows))
        assert focus() is page.materials.rows[0].state
        tab_to(qtbot, income.state)
        key(qtbot, Qt.Key.Key_Down)  # 已收 → 容缺（后补）
        assert income.value_state() is MaterialState.deferred
        assert income.due.text() == "2026-12-02"  # ten working days ahead, by default
        key(qtbot, Qt.Key.Key_Tab)
        assert focus() is income.due
        replace_text(qtbot, "2026-11-30")
        next_to(qtbot, page, DECISION)
        wait_verdicts(qtbot, page)
        assert page.decision.decision() is Decision.deferred_material  # the workable one, preselected
        assert focus() is page.decision.radios[Decision.deferred_material]
        assert "容缺受理" in page.decision.verdicts[Decision.accept].text()  # accept: why not
        assert page.decision.verdicts[Decision.deferred_material].text() == "可以"
        next_to(qtbot, page, DELIVERY)
        assert focus() is page.delivery.method
        summary = page.delivery.summary.toPlainText()
        assert "次仁卓玛" in summary and "2026-11-30" in summary
        case = submit(qtbot, page)

        stored = on_worker(qtbot, window, lambda st: cases.get_case(st, case.case_no, log_access=False))
        assert stored.status is CaseStatus.accepted and stored.decision is Decision.deferred_material
        assert stored.mode is HandlingMode.proxy
        assert stored.agent is not None and stored.agent.name == "次仁卓玛" and stored.agent.id_number == AGENT_ID
        assert stored.agent.relation.value == "work_team"
        assert stored.agent.authorisation.valid_until == date(2027, 1, 31)
        assert stored.agent.authorisation.scope == "代为申请低保"
        assert stored.agent.authorisation.document_ref == "WT-2026-118"
        assert stored.applicant.name == "扎西顿珠" and stored.applicant.address.village == "帮堆村"
        deferred = next(m for m in stored.materials if m.material_code == "M-INCOME-STATEMENT")
        assert deferred.state is MaterialState.deferred and deferred.due_date == date(2026, 11, 30)
        journal = on_worker(qtbot, window, lambda st: cases.case_journal(st, case.case_no))
        assert [e.type for e in journal] == [EventType.received, EventType.accepted]
        assert journal[-1].payload["deferred"] == [{"material": "M-INCOME-STATEMENT", "due": "2026-11-30"}]

        # Done: receipt, deferral notice and the authorisation to print; evaluation; a new intake.
        assert page.done.kinds == ["receipt", "deferral", "authorisation"]
        assert case.case_no in page.done.heading.text()
        assert focus() is page.done.print_buttons[0]
        alt(qtbot, "D")
        assert "容缺" in preview_text(qtbot, page)
        qtbot.keyClick(page.preview, Qt.Key.Key_Escape)  # close the preview: back to the page
        qtbot.waitUntil(lambda: page.done.isAncestorOf(QApplication.focusWidget()), timeout=5000)
        with qtbot.waitSignal(page.evaluate, timeout=2000) as signal:
            alt(qtbot, "E")
        assert signal.args == [case.case_no]
        # The evaluation screen is the citizen's window; the clerk comes back to the counter window.
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window and QApplication.focusWidget() is not None,
                        timeout=5000)
        alt(qtbot, "N")
        qtbot.waitUntil(lambda: page.current() == FIND and QApplication.focusWidget() is page.find.search)
        assert page.find.chosen is None and page.applicant.name.text() == ""
    finally:
        close_window(window)


def to_decision(qtbot: Any, page: IntakePage, set_materials: Callable[[], None]) -> None:
    """DIBAO chosen, the applicant filled in (in person), the materials set by ``set_materials``."""
    choose_item(qtbot, page, "zdshbz", DIBAO)
    key(qtbot, Qt.Key.Key_Return)
    fill_applicant(qtbot, page)
    next_to(qtbot, page, MATERIALS)
    set_materials()
    next_to(qtbot, page, DECISION)
    wait_verdicts(qtbot, page)


# -- (b) a correction notice ------------------------------------------------------------------------
def test_correction_notice_lists_the_missing_material_and_prints_the_notice(qtbot: Any, station: Station) -> None:
    window, page = open_intake(qtbot, station)
    try:
        def materials() -> None:
            alt(qtbot, "A")
            qtbot.waitUntil(lambda: all(r.value_state() is MaterialState.received for r in page.materials.rows))
            auth = row_of(page, "M-FAMILY-CHECK-AUTH")
            tab_to(qtbot, auth.state)
            key(qtbot, Qt.Key.Key_Down)  # 已收 → 缺少 (not deferrable: no 容缺 in its list)
            assert auth.value_state() is MaterialState.missing
            assert MaterialState.deferred not in auth.states
            key(qtbot, Qt.Key.Key_Tab)
            assert focus() is auth.note
            typed("缺共同生活家庭成员签字")

        to_decision(qtbot, page, materials)
        assert page.decision.decision() is Decision.correction_notice
        assert "必要材料缺少" in page.decision.verdicts[Decision.accept].text()
        assert "家庭经济状况核对授权书" in page.decision.verdicts[Decision.accept].text()  # by name, not code
        assert page.decision.correction_box.isVisible()
        # The due date is filled in with the station's default: 5 working days after today (Wed 18th).
        assert page.decision.correction_due.text() == "2026-11-25"
        page.decision.correction_due.clear()  # and it is required: an empty one stops the step
        assert not page.decision.check()
        assert "请填写补正期限" in page.decision.problem.text()
        assert focus() is page.decision.correction_due
        alt(qtbot, "U")
        assert focus() is page.decision.correction_due
        typed("2026-11-27")  # the clerk may change it (the shortcut selects what is there)
        next_to(qtbot, page, DELIVERY)
        case = submit(qtbot, page)

        stored = on_worker(qtbot, window, lambda st: cases.get_case(st, case.case_no, log_access=False))
        assert stored.status is CaseStatus.correction_requested and stored.decision is Decision.correction_notice
        assert stored.correction_due == date(2026, 11, 27) and stored.promised_due is None
        auth = next(m for m in stored.materials if m.material_code == "M-FAMILY-CHECK-AUTH")
        assert auth.state is MaterialState.missing and auth.note == "缺共同生活家庭成员签字"
        journal = on_worker(qtbot, window, lambda st: cases.case_journal(st, case.case_no))
        assert [e.type for e in journal] == [EventType.received, EventType.correction_requested]
        assert journal[-1].payload["missing"] == ["M-FAMILY-CHECK-AUTH"]

        assert page.done.kinds == ["correction"]
        assert not page.done.print_buttons[1].isVisible()
        alt(qtbot, "P")
        text = preview_text(qtbot, page)
        assert "家庭经济状况核对授权书" in text and "缺共同生活家庭成员签字" in text
        assert case.case_no in text
    finally:
        close_window(window)


# -- (c) a refusal with its reasons and remedies ------------------------------------------------------
def test_refusal_needs_reason_and_remedies_then_is_recorded(qtbot: Any, station: Station) -> None:
    window, page = open_intake(qtbot, station)
    try:
        to_decision(qtbot, page, lambda: None)  # nothing received
        assert page.decision.decision() is Decision.correction_notice  # the suggestion; never a refusal
        alt(qtbot, "R")
        qtbot.waitUntil(lambda: page.decision.decision() is Decision.refuse and page.decision.refusal_box.isVisible())
        wait_verdicts(qtbot, page)
        assert "不予受理须写明理由" in page.decision.verdicts[Decision.refuse].text()
        next_step(qtbot)  # refused, with the reason, and the focus where it is mended
        qtbot.waitUntil(lambda: "不予受理须写明理由" in page.decision.problem.text(), timeout=5000)
        assert page.current() == DECISION and focus() is page.decision.reason
        typed("申请人户籍不在本乡，不属于本机关受理范围")
        alt(qtbot, "L")
        typed("《最低生活保障审核确认办法》第八条")
        alt(qtbot, "P")
        typed("申请人户籍所在地乡（镇）人民政府")
        next_step(qtbot)
        qtbot.waitUntil(lambda: "行政复议机关和人民法院" in page.decision.problem.text(), timeout=5000)
        assert page.current() == DECISION and focus() is page.decision.review
        typed("堆龙德庆区人民政府")
        alt(qtbot, "O")
        typed("堆龙德庆区人民法院")
        next_to(qtbot, page, DELIVERY)
        assert page.decision.verdicts[Decision.refuse].text() == "可以"
        case = submit(qtbot, page)

        stored = on_worker(qtbot, window, lambda st: cases.get_case(st, case.case_no, log_access=False))
        assert stored.status is CaseStatus.refused and stored.decision is Decision.refuse
        assert stored.refusal is not None
        assert stored.refusal.reason == "申请人户籍不在本乡，不属于本机关受理范围"
        assert stored.refusal.legal_basis == "《最低生活保障审核确认办法》第八条"
        assert stored.refusal.competent_authority == "申请人户籍所在地乡（镇）人民政府"
        assert (stored.refusal.review_authority, stored.refusal.court) == ("堆龙德庆区人民政府", "堆龙德庆区人民法院")
        journal = on_worker(qtbot, window, lambda st: cases.case_journal(st, case.case_no))
        assert [e.type for e in journal] == [EventType.received, EventType.refused]
        assert page.done.kinds == ["refusal"]
        alt(qtbot, "P")
        text = preview_text(qtbot, page)
        assert "不属于本机关受理范围" in text and "堆龙德庆区人民法院" in text
    finally:
        close_window(window)


# -- (d) an impossible decision is refused, with the reason ------------------------------------------
def test_impossible_decision_is_refused_with_the_reason_until_mended(qtbot: Any, station: Station) -> None:
    window, page = open_intake(qtbot, station)
    try:
        application = None

        def materials() -> None:
            nonlocal application
            alt(qtbot, "A")
            qtbot.waitUntil(lambda: all(r.value_state() is MaterialState.received for r in page.materials.rows))
            application = row_of(page, "M-APPLICATION")
            tab_to(qtbot, application.state)
            key(qtbot, Qt.Key.Key_Down)  # 已收 → 缺少: a required material that cannot be deferred
            assert application.value_state() is MaterialState.missing

        to_decision(qtbot, page, materials)
        reason = page.decision.verdicts[Decision.accept].text()
        assert "必要材料缺少" in reason and "申请书（表）" in reason
        assert "不适用告知承诺" in page.decision.verdicts[Decision.commitment].text()
        alt(qtbot, "A")  # the clerk insists on 受理
        qtbot.waitUntil(lambda: page.decision.decision() is Decision.accept)
        next_step(qtbot)
        qtbot.waitUntil(lambda: page.decision.problem.isVisible(), timeout=5000)
        assert page.current() == DECISION
        assert "不能作出此决定" in page.decision.problem.text() and "申请书（表）" in page.decision.problem.text()
        assert on_worker(qtbot, window, lambda st: cases.list_cases(st)) == []  # nothing stored

        # Mend it: back to the materials (Alt+←), the application received after all, and on.
        key(qtbot, Qt.Key.Key_Left, ALT)
        assert page.current() == MATERIALS and focus() is page.materials.rows[0].state
        assert application is not None
        tab_to(qtbot, application.state)
        key(qtbot, Qt.Key.Key_Up)
        assert application.value_state() is MaterialState.received
        next_to(qtbot, page, DECISION)
        wait_verdicts(qtbot, page)
        assert page.decision.decision() is Decision.accept and page.decision.verdicts[Decision.accept].text() == "可以"
        assert not page.decision.problem.isVisible()
        next_to(qtbot, page, DELIVERY)
        case = submit(qtbot, page)
        assert case.status is CaseStatus.accepted and case.decision is Decision.accept
        assert page.done.kinds == ["receipt"]
    finally:
        close_window(window)


# -- what a lock keeps and a logout drops ---------------------------------------------------------
def test_lock_keeps_the_intake_and_logout_drops_it(qtbot: Any, station: Station) -> None:
    window, page = open_intake(qtbot, station)
    try:
        choose_item(qtbot, page, "zdshbz", DIBAO)
        key(qtbot, Qt.Key.Key_Return)
        typed("扎西顿珠")
        key(qtbot, Qt.Key.Key_L, CTRL)
        qtbot.waitUntil(lambda: window.screens.currentWidget() is window.login_page, timeout=5000)
        assert not page.isVisible()
        typed("admin-pass-2026")
        key(qtbot, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: window.screens.currentWidget() is window.work, timeout=10_000)
        assert window.stack.currentWidget() is page and page.current() == APPLICANT
        assert page.applicant.name.text() == "扎西顿珠" and page.find.chosen is not None
        qtbot.keyClick(window, Qt.Key.Key_2, CTRL)  # opening the page again does not start over
        assert page.applicant.name.text() == "扎西顿珠" and page.current() == APPLICANT
        window.session.logout()
        assert page.applicant.name.text() == "" and page.find.chosen is None and page.current() == FIND
        assert page.find.search.text() == "" and page.materials.rows == []
    finally:
        close_window(window)


# -- search as you type -------------------------------------------------------------------------
def test_search_by_tibetan_and_code_and_stale_answers_are_dropped(qtbot: Any, station: Station) -> None:
    window, page = open_intake(qtbot, station)
    try:
        typed("འཚོ་བ")
        qtbot.waitUntil(lambda: page.find.results.count() > 0, timeout=5000)
        codes = [page.find.results.item(n).data(Qt.ItemDataRole.UserRole)[1] for n in range(page.find.results.count())]
        assert DIBAO in codes
        replace_text(qtbot, "XZGF-0003")
        qtbot.waitUntil(lambda: page.find._current_key() == ("item", DIBAO), timeout=5000)
        count = page.find.results.count()
        page.find._show_hits(page.find._search_gen - 1, [])  # an older search answering late
        assert page.find.results.count() == count
        key(qtbot, Qt.Key.Key_Return, CTRL)  # nothing chosen yet: the page says so and stays
        assert page.current() == FIND and "请先" in page.find.problem.text()
        replace_text(qtbot, "新生儿")
        qtbot.waitUntil(lambda: page.find._current_key() == ("bundle", "540000-YJS-0001"), timeout=5000)
        key(qtbot, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: page.find.chosen is not None, timeout=5000)
        assert page.find.chosen.bundle is not None  # type: ignore[union-attr]
        assert "一件事一次办" in page.find.guide.toPlainText()
        key(qtbot, Qt.Key.Key_Return)
        assert page.current() == APPLICANT and focus() is page.applicant.name
    finally:
        close_window(window)


# -- the core's own problems after submit, and scans added to the new case -------------------------
def test_core_problems_lead_back_to_the_step_and_scans_are_stored(qtbot: Any, station: Station, monkeypatch: Any,
                                                                  tmp_path: Any) -> None:
    from PIL import Image
    from PySide6.QtWidgets import QFileDialog

    from app.services import attachments

    scan = tmp_path / "id-card.png"
    Image.new("L", (400, 300), 255).save(scan)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(lambda *_a, **_k: ([str(scan)], "")))
    window, page = open_intake(qtbot, station)
    try:
        choose_item(qtbot, page, "zdshbz", DIBAO)
        key(qtbot, Qt.Key.Key_Return)
        typed("帮堆村合作社")
        alt(qtbot, "I")  # 证件类型: the last one, 统一社会信用代码 (an organisation)
        key(qtbot, Qt.Key.Key_End)
        alt(qtbot, "D")
        typed("91540127MA6T12340M")
        next_to(qtbot, page, MATERIALS)
        alt(qtbot, "A")
        qtbot.waitUntil(lambda: all(r.value_state() is MaterialState.received for r in page.materials.rows))
        id_card = row_of(page, "M-ID-CARD")
        assert focus() is id_card.state
        key(qtbot, Qt.Key.Key_O, CTRL)  # scans for the row that has the focus
        assert id_card.files == [scan] and "1" in id_card.scan.text()
        next_to(qtbot, page, DECISION)
        wait_verdicts(qtbot, page)
        assert page.decision.decision() is Decision.accept
        next_to(qtbot, page, DELIVERY)
        next_step(qtbot)  # the core refuses: 最低生活保障 is for persons only
        qtbot.waitUntil(lambda: page.current() == FIND and page.find.problem.isVisible(), timeout=10_000)
        assert "该事项不受理此类申请人" in page.find.problem.text()
        assert focus() is page.find.search and page.case is None

        next_to(qtbot, page, APPLICANT)  # everything typed is still there
        assert page.applicant.name.text() == "帮堆村合作社"
        alt(qtbot, "I")
        key(qtbot, Qt.Key.Key_Home)  # 居民身份证
        alt(qtbot, "A")
        replace_text(qtbot, "扎西顿珠")
        alt(qtbot, "D")
        replace_text(qtbot, APPLICANT_ID)
        next_to(qtbot, page, MATERIALS)
        assert id_card.files == [scan]  # the materials and their scans were kept too
        next_to(qtbot, page, DECISION)
        next_to(qtbot, page, DELIVERY)
        case = submit(qtbot, page)
        qtbot.waitUntil(lambda: "已存入 1 份扫描件" in page.done.scans.text(), timeout=10_000)
        stored = on_worker(qtbot, window, lambda st: attachments.list_for_case(st, case.case_no))
        assert len(stored) == 1
    finally:
        close_window(window)


# -- an instant item with an electronic licence, through a language switch ---------------------------
def test_instant_item_with_an_e_licence_concludes_at_once(qtbot: Any, station: Station) -> None:
    window, page = open_intake(qtbot, station)
    try:
        choose_item(qtbot, page, "居住证明", RESIDENCE_PROOF)
        assert "即办件" in page.find.guide.toPlainText()
        key(qtbot, Qt.Key.Key_Return)
        fill_applicant(qtbot, page)
        next_to(qtbot, page, MATERIALS)
        id_card = row_of(page, "M-ID-CARD")
        assert focus() is id_card.state
        assert id_card.states == [MaterialState.received, MaterialState.e_licence, MaterialState.missing,
                                  MaterialState.committed]  # 居住证明 allows a commitment
        key(qtbot, Qt.Key.Key_Home)
        key(qtbot, Qt.Key.Key_Down)  # 已收 → 电子证照
        assert id_card.value_state() is MaterialState.e_licence
        next_step(qtbot)  # no grade yet: the page says so next to the material
        qtbot.waitUntil(lambda: id_card.problem.isVisible(), timeout=5000)
        assert page.current() == MATERIALS and "可信等级" in id_card.problem.text()
        assert focus() is id_card.state
        key(qtbot, Qt.Key.Key_Tab)
        assert focus() is id_card.grade
        key(qtbot, Qt.Key.Key_Down)
        key(qtbot, Qt.Key.Key_Down)  # 请选择 → A 级 → B 级
        window.toggle_language()  # Tibetan and back: texts are re-set, nothing typed is lost
        window.toggle_language()
        assert id_card.value_state() is MaterialState.e_licence and id_card.grade.currentData() == "B"
        assert page.applicant.name.text() == "扎西顿珠"
        next_to(qtbot, page, DECISION)
        wait_verdicts(qtbot, page)
        assert page.decision.decision() is Decision.accept
        assert "即办件" in page.decision.hint.text()
        next_to(qtbot, page, DELIVERY)
        case = submit(qtbot, page)
        assert case.status is CaseStatus.concluded
        assert "已当场办结" in page.done.details.text()
        licence = next(m for m in case.materials if m.material_code == "M-ID-CARD")
        assert licence.state is MaterialState.e_licence and licence.licence_grade is not None
        assert licence.licence_grade.value == "B" and licence.licence_type == "居民身份证电子证照"
        journal = on_worker(qtbot, window, lambda st: cases.case_journal(st, case.case_no))
        assert [e.type for e in journal] == [EventType.received, EventType.accepted, EventType.concluded]
    finally:
        close_window(window)


# -- a whole intake in Tibetan at 200 %, from the keyboard alone (issue 13) --------------------------
def test_a_whole_intake_in_tibetan_at_200_percent_from_the_keyboard_and_the_receipt_printed(
        qtbot: Any, station: Station) -> None:
    window, page = open_intake(qtbot, station)
    try:
        window.appearance.set_language("bo")
        window.appearance.set_scale(200)
        qtbot.waitUntil(lambda: focus() is page.find.search, timeout=5000)
        choose_item(qtbot, page, "སྡོད་གནས", RESIDENCE_PROOF)  # 居住证明 by its Tibetan name
        key(qtbot, Qt.Key.Key_Return)
        assert page.current() == APPLICANT and focus() is page.applicant.name
        typed("སྒྲོལ་མ་བཀྲ་ཤིས")  # a stacked Tibetan name, typed
        alt(qtbot, "T")
        assert focus() is page.applicant.name_bo
        typed("སྒྲོལ་མ་བཀྲ་ཤིས")
        alt(qtbot, "D")
        assert focus() is page.applicant.id_number
        typed(APPLICANT_ID)
        alt(qtbot, "P")
        typed("13908901234")
        alt(qtbot, "V")
        typed("帮堆村")
        next_to(qtbot, page, MATERIALS)
        with qtbot.waitSignal(page.materials.all_received.clicked, timeout=2000):  # a mnemonic clicks late
            alt(qtbot, "A")  # 未选的全部已收
        qtbot.waitUntil(lambda: all(r.chosen_state() is MaterialState.received for r in page.materials.rows))
        next_to(qtbot, page, DECISION)
        wait_verdicts(qtbot, page)
        assert page.decision.decision() is Decision.accept
        next_to(qtbot, page, DELIVERY)
        case = submit(qtbot, page)
        assert case.applicant.name == "སྒྲོལ་མ་བཀྲ་ཤིས"
        # Every button of the step's bar is inside the window at 200 %: nothing to scroll sideways to.
        for button in page.done.print_buttons[:1]:
            top_left = button.mapTo(window, button.rect().topLeft())
            assert window.rect().contains(top_left) and button.isVisible()
        alt(qtbot, "P")  # 打印受理凭证
        text = preview_text(qtbot, page)
        assert case.case_no in text.replace(" ", "") and "受理" in text
        stored = on_worker(qtbot, window, lambda st: cases.get_case(st, case.case_no, log_access=False))
        assert stored.applicant.name_bo == "སྒྲོལ་མ་བཀྲ་ཤིས"
    finally:
        close_window(window)
