"""The intake's keys a clerk forms habits with (issue 13, points 4, 5 and 12), in the real window,
from the keyboard alone (pytest-qt, offscreen):

- a material the clerk has not touched reads 未选, not 缺少; Alt+A (未选的全部已收) fills only
  those, never a material marked 缺少 on purpose; Ctrl+Z undoes a bulk change;
- Ctrl+N starts an empty intake; a draft left behind is offered: 继续上一位 / 放弃并新建;
- the material states come in one order for every material, with one letter key each that works
  with a Latin and with the national-standard Tibetan keyboard layout alike.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from app.models import MaterialState
from app.station import Station
from tests.helpers import DIBAO, RESIDENCE_PROOF
from tests.test_ui_intake import (
    ALT,
    CTRL,
    alt,
    choose_item,
    fill_applicant,
    focus,
    key,
    next_to,
    open_intake,
    row_of,
    tab_to,
    typed,
)
from tests.uikit import close_window
from ui.intake import IntakePage
from ui.intake.draft import APPLICANT, FIND, MATERIALS

SHIFT = Qt.KeyboardModifier.ShiftModifier


def to_materials(qtbot: Any, page: IntakePage, query: str = "zdshbz", code: str = DIBAO) -> None:
    choose_item(qtbot, page, query, code)
    key(qtbot, Qt.Key.Key_Return)
    fill_applicant(qtbot, page)
    next_to(qtbot, page, MATERIALS)


def tibetan_key(char: str) -> None:
    """A key of the Tibetan layout: Qt gets the character and no Latin key code."""
    QTest.sendKeyEvent(QTest.KeyAction.Click, focus(), Qt.Key.Key_unknown, char, Qt.KeyboardModifier.NoModifier)


# -- point 4: Alt+A and what the clerk marked missing ---------------------------------------------------
def test_alt_a_fills_only_untouched_rows_and_ctrl_z_undoes_it(qtbot: Any, station: Station) -> None:
    window, page = open_intake(qtbot, station)
    try:
        to_materials(qtbot, page)
        rows = page.materials.rows
        assert all(r.chosen_state() is None for r in rows)  # nobody touched them yet
        assert all(r.state.currentText().startswith("未选") for r in rows)  # and they say so: not 缺少
        assert f"未选 {len(rows)}" in page.materials.overview.text()

        auth = row_of(page, "M-FAMILY-CHECK-AUTH")
        tab_to(qtbot, auth.state)
        key(qtbot, Qt.Key.Key_Q)  # 缺少, on purpose
        assert auth.chosen_state() is MaterialState.missing
        key(qtbot, Qt.Key.Key_Tab)
        assert focus() is auth.note
        typed("缺共同生活家庭成员签字")

        with qtbot.waitSignal(page.materials.all_received.clicked, timeout=2000):  # a mnemonic clicks late
            alt(qtbot, "A")  # 未选的全部已收
        others = [r for r in rows if r is not auth]
        qtbot.waitUntil(lambda: all(r.chosen_state() is MaterialState.received for r in others))
        assert auth.chosen_state() is MaterialState.missing and auth.note.text() == "缺共同生活家庭成员签字"
        assert auth.note.isVisible()

        # The clerk changes one of the filled rows by hand, then takes the bulk change back.
        income = row_of(page, "M-INCOME-STATEMENT")
        tab_to(qtbot, income.state)
        key(qtbot, Qt.Key.Key_R)  # 容缺
        assert income.chosen_state() is MaterialState.deferred
        key(qtbot, Qt.Key.Key_Z, CTRL)
        qtbot.waitUntil(lambda: all(r.chosen_state() is None for r in others if r is not income))
        assert income.chosen_state() is MaterialState.deferred  # the clerk's own change stays
        assert auth.chosen_state() is MaterialState.missing and auth.note.text() == "缺共同生活家庭成员签字"
        key(qtbot, Qt.Key.Key_Z, CTRL | SHIFT)  # and again (redo)
        qtbot.waitUntil(lambda: all(r.chosen_state() is MaterialState.received
                                    for r in others if r is not income))
        assert income.chosen_state() is MaterialState.deferred

        # Alt+A with nothing left untouched changes nothing, and Ctrl+Z then takes back the first one.
        with qtbot.waitSignal(page.materials.all_received.clicked, timeout=2000):
            alt(qtbot, "A")
        assert auth.chosen_state() is MaterialState.missing
        assert income.chosen_state() is MaterialState.deferred
        key(qtbot, Qt.Key.Key_Z, CTRL)
        qtbot.waitUntil(lambda: all(r.chosen_state() is None for r in others if r is not income))
    finally:
        close_window(window)


def test_a_new_checklist_has_nothing_to_undo(qtbot: Any, station: Station) -> None:
    window, page = open_intake(qtbot, station)
    try:
        to_materials(qtbot, page)
        alt(qtbot, "A")
        qtbot.waitUntil(lambda: all(r.chosen_state() is MaterialState.received for r in page.materials.rows))
        assert page.materials.undo_stack.canUndo()
        page.materials.set_chosen(page.find.chosen)  # a new checklist (the item chosen again)
        assert not page.materials.undo_stack.canUndo()
        assert all(r.chosen_state() is None for r in page.materials.rows)
    finally:
        close_window(window)


# -- point 5: Ctrl+N never resumes the last citizen's draft silently -------------------------------------
def draft_box(qtbot: Any, page: IntakePage) -> QMessageBox:
    qtbot.waitUntil(lambda: page.draft_box is not None and page.draft_box.isVisible()
                    and QApplication.activeWindow() is page.draft_box, timeout=5000)
    assert page.draft_box is not None
    return page.draft_box


def test_ctrl_n_starts_empty_and_offers_the_draft_left_behind(qtbot: Any, station: Station) -> None:
    window, page = open_intake(qtbot, station)
    try:
        choose_item(qtbot, page, "zdshbz", DIBAO)
        key(qtbot, Qt.Key.Key_Return)
        typed("扎西顿珠")
        assert page.current() == APPLICANT

        key(qtbot, Qt.Key.Key_N, CTRL)  # 新受理
        box = draft_box(qtbot, page)
        texts = [b.text().replace("&", "") for b in box.buttons()]
        assert any("继续上一位" in t for t in texts) and any("放弃并新建" in t for t in texts)
        assert "扎西顿珠" in box.text()  # whose draft it is
        qtbot.keyClick(box, Qt.Key.Key_Escape)  # Esc: nothing is lost, the draft goes on
        qtbot.waitUntil(lambda: not box.isVisible(), timeout=5000)
        assert page.current() == APPLICANT and page.applicant.name.text() == "扎西顿珠"
        qtbot.waitUntil(lambda: QApplication.focusWidget() is page.applicant.name, timeout=5000)

        key(qtbot, Qt.Key.Key_N, CTRL)
        box = draft_box(qtbot, page)
        discard = next(b for b in box.buttons() if "放弃并新建" in b.text().replace("&", ""))
        assert "&" in discard.text()  # it has a mnemonic
        letter = discard.text()[discard.text().index("&") + 1]
        qtbot.keyClick(box, getattr(Qt.Key, f"Key_{letter.upper()}"), ALT)
        qtbot.waitUntil(lambda: page.current() == FIND and QApplication.focusWidget() is page.find.search,
                        timeout=5000)
        assert page.applicant.name.text() == "" and page.find.chosen is None and page.find.search.text() == ""

        # Nothing typed: Ctrl+N asks nothing.
        key(qtbot, Qt.Key.Key_N, CTRL)
        assert page.draft_box is None or not page.draft_box.isVisible()
        assert page.current() == FIND

        # Ctrl+2 (the page, not a new intake) still goes back to the draft without a question.
        typed("zdshbz")
        qtbot.waitUntil(lambda: page.find.results.count() > 0, timeout=5000)
        window.go("dashboard")
        qtbot.keyClick(window, Qt.Key.Key_2, CTRL)
        assert page.draft_box is None or not page.draft_box.isVisible()
        assert page.find.search.text() == "zdshbz"

        # The dashboard's 新受理 button is Ctrl+N, not Ctrl+2.
        window.go("dashboard")
        window.pages["dashboard"].intake_button.click()
        draft_box(qtbot, page).reject()
    finally:
        close_window(window)


# -- point 12: one order, one letter per state ---------------------------------------------------------
def test_material_states_have_one_order_and_a_letter_each(qtbot: Any, station: Station) -> None:
    from ui.intake.materials_step import STATE_KEYS, STATE_ORDER

    window, page = open_intake(qtbot, station)
    try:
        to_materials(qtbot, page)
        rows = page.materials.rows
        orders = {tuple(r.state.itemData(i) for i in range(r.state.count())) for r in rows}
        assert orders == {tuple([""] + [s.value for s in STATE_ORDER])}  # the same for every material

        income = row_of(page, "M-INCOME-STATEMENT")  # deferrable, no e-licence, no commitment (低保)
        auth = row_of(page, "M-FAMILY-CHECK-AUTH")  # neither deferrable nor e-licence
        tab_to(qtbot, income.state)
        key(qtbot, Qt.Key.Key_Down)  # 未选 → 已收
        assert income.chosen_state() is MaterialState.received
        key(qtbot, Qt.Key.Key_Down)  # 已收 → (电子证照 not for it) → 容缺
        assert income.chosen_state() is MaterialState.deferred
        key(qtbot, Qt.Key.Key_Down)
        assert income.chosen_state() is MaterialState.missing
        key(qtbot, Qt.Key.Key_Down)  # 承诺代替 is not allowed for 低保: it stays
        assert income.chosen_state() is MaterialState.missing
        key(qtbot, Qt.Key.Key_Up)
        key(qtbot, Qt.Key.Key_Up)
        assert income.chosen_state() is MaterialState.received
        key(qtbot, Qt.Key.Key_Up)  # 未选 is where a row starts, not a state to go back to
        assert income.chosen_state() is MaterialState.received

        # The letters, on a Latin keyboard and on the Tibetan standard layout (the same keys).
        for state in (MaterialState.missing, MaterialState.deferred, MaterialState.received):
            key(qtbot, getattr(Qt.Key, f"Key_{STATE_KEYS[state][0]}"))
            assert income.chosen_state() is state
        tibetan_key(STATE_KEYS[MaterialState.missing][1])
        assert income.chosen_state() is MaterialState.missing
        tibetan_key(STATE_KEYS[MaterialState.received][1])
        assert income.chosen_state() is MaterialState.received

        tab_to(qtbot, auth.state)
        key(qtbot, Qt.Key.Key_R)  # 容缺 is not allowed for it: nothing changes, the row says why
        assert auth.chosen_state() is None
        assert "不可容缺" in auth.problem.text() and auth.problem.isVisible()
        key(qtbot, Qt.Key.Key_S)
        assert auth.chosen_state() is MaterialState.received and not auth.problem.isVisible()
        key(qtbot, Qt.Key.Key_Down)  # 已收 → 缺少 (skipping what it cannot be)
        assert auth.chosen_state() is MaterialState.missing

        # The letters are shown: in each state's name and in the step's hint, in Chinese and Tibetan.
        for state, (latin, _tibetan) in STATE_KEYS.items():
            text = income.state.itemText(income.state.findData(state.value))
            assert latin in text, text
        assert all(latin in page.materials.hint.text() for latin, _ in STATE_KEYS.values())
        window.toggle_language()
        try:
            qtbot.waitUntil(lambda: "S ས" in income.state.itemText(1), timeout=5000)  # the change event is posted
            for state, (latin, tibetan) in STATE_KEYS.items():
                text = income.state.itemText(income.state.findData(state.value))
                assert latin in text and tibetan in text, text
            assert income.chosen_state() is MaterialState.received
        finally:
            window.toggle_language()
    finally:
        close_window(window)


def test_the_tibetan_letters_are_those_of_the_standard_layout() -> None:
    """The Tibetan character each state's key gives on the national-standard layout (xkb cn(tib))."""
    from ui.intake.materials_step import STATE_KEYS

    symbols = Path("/usr/share/X11/xkb/symbols/cn")
    positions = {"S": "AC02", "D": "AC03", "R": "AD04", "Q": "AD01", "C": "AB03", "W": "AD02"}
    expected = {"AC02": "ས", "AC03": "ད", "AD04": "ར", "AD01": "ཅ", "AB03": "ཀ", "AD02": "ཆ"}
    if symbols.exists():  # read the layout itself where the machine has it
        import re

        text = symbols.read_text(encoding="utf-8")
        block = text[text.index('xkb_symbols "tib"'):]
        block = block[:block.index("\n};")]
        for pos in expected:
            m = re.search(rf"key <{pos}> {{ \[ 0x1(00[0-9a-f]{{4}})", block)
            assert m is not None
            expected[pos] = chr(int(m.group(1), 16))
    for _state, (latin, tibetan) in STATE_KEYS.items():
        assert expected[positions[latin]] == tibetan


def test_the_commitment_letter_on_an_item_that_allows_it(qtbot: Any, station: Station) -> None:
    window, page = open_intake(qtbot, station)
    try:
        to_materials(qtbot, page, "居住证明", RESIDENCE_PROOF)
        id_card = row_of(page, "M-ID-CARD")
        assert focus() is id_card.state
        key(qtbot, Qt.Key.Key_C)
        assert id_card.chosen_state() is MaterialState.committed
        key(qtbot, Qt.Key.Key_D)
        assert id_card.chosen_state() is MaterialState.e_licence
        key(qtbot, Qt.Key.Key_Tab)
        assert focus() is id_card.grade
    finally:
        close_window(window)


def test_a_situational_material_can_be_not_applicable_and_is_so_when_left_untouched(
        qtbot: Any, station: Station) -> None:
    """无此情形 (W; ཆ on the Tibetan layout): offered for a situational material only; an untouched
    situational row reaches the core as 无此情形 and an untouched required one as 缺少 (issue 16, point 1)."""
    from ui.intake.materials_step import STATE_KEYS

    window, page = open_intake(qtbot, station)
    try:
        to_materials(qtbot, page)
        disability = row_of(page, "M-DISABILITY-CERT")  # 残疾人证: 必要 = false for 低保
        medical = row_of(page, "M-MEDICAL-DIAG")
        bank = row_of(page, "M-BANK-CARD")  # required
        assert MaterialState.not_applicable in disability.states and MaterialState.not_applicable not in bank.states
        tab_to(qtbot, disability.state)
        key(qtbot, Qt.Key.Key_W)
        assert disability.chosen_state() is MaterialState.not_applicable
        assert disability.details.currentWidget() is disability.not_applicable
        tibetan_key(STATE_KEYS[MaterialState.missing][1])  # 缺少 on purpose: it applies after all
        assert disability.chosen_state() is MaterialState.missing
        tibetan_key(STATE_KEYS[MaterialState.not_applicable][1])
        assert disability.chosen_state() is MaterialState.not_applicable
        tab_to(qtbot, bank.state)
        key(qtbot, Qt.Key.Key_W)  # not for a required material: nothing changes, the row says why
        assert bank.chosen_state() is None and "必要材料" in bank.problem.text()

        states = {e.material_code: e.state for e in page.materials.entries()}
        assert states["M-DISABILITY-CERT"] is MaterialState.not_applicable
        assert states["M-MEDICAL-DIAG"] is MaterialState.not_applicable  # untouched and situational
        assert medical.chosen_state() is None
        assert states["M-BANK-CARD"] is MaterialState.missing  # untouched and required
        assert "无此情形 1" in page.materials.overview.text()
    finally:
        close_window(window)
