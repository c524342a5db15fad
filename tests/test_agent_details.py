"""代办 (issue 13, point 13): the agent's phone and the authorisation are shown wherever the case is
(the intake's summary, the case page, the printed receipt); delivery and the 领取 dialog default to
the agent; the catalogue's 授权委托书 is a required material in 代办 mode, by the core's rules.

The receipt is rendered for real and read back with pdftotext; the window is the real one
(pytest-qt, offscreen), driven from the keyboard where the clerk would type.
"""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from app.errors import DecisionNotAllowed
from app.identity import make_resident_id, mask_phone
from app.models import (
    Agent,
    AgentRelation,
    Authorisation,
    CaseStatus,
    Decision,
    DeliveryMethod,
    HandlingMode,
    MaterialEntry,
    MaterialForm,
    MaterialState,
    Outcome,
)
from app.services import cases, catalogue
from app.station import Station
from printing import render_for
from tests.helpers import DIBAO, missing, request
from tests.test_ui_intake import (
    AGENT_ID,
    ALT,
    alt,
    choose_item,
    fill_applicant,
    focus,
    key,
    next_to,
    on_worker,
    open_intake,
    row_of,
    typed,
    wait_verdicts,
)
from tests.uikit import close_window, open_window, wait_idle
from ui import case_actions
from ui.intake.draft import APPLICANT, DECISION, DELIVERY, MATERIALS

ELDERLY = "540000-XZGF-0007"  # 高龄津贴: the catalogue lists 授权委托书 (not required for the applicant in person)
LETTER = "M-AUTH-LETTER"
AGENT_PHONE = "13800890000"


def the_agent() -> Agent:
    return Agent(name="次仁卓玛", id_type="resident_id", id_number=make_resident_id("540127", date(1985, 6, 1), 42),
                 relation=AgentRelation.family, phone=AGENT_PHONE,
                 authorisation=Authorisation(kind="notarised", scope="代为申请高龄津贴、领取结果",
                                             valid_until=date(2027, 3, 31), document_ref="GZ-2026-0457"))


# -- the core: 授权委托书 is required in 代办 mode ----------------------------------------------------
def test_the_authorisation_letter_is_required_in_proxy_mode(station: Station) -> None:
    no_letter = {LETTER: missing()}
    with pytest.raises(DecisionNotAllowed) as refused:
        cases.submit(station, request(station, items=[ELDERLY], mode=HandlingMode.proxy, agent=the_agent(),
                                      except_=no_letter))
    assert refused.value.details["reason"] == "required_material_missing"
    assert refused.value.details["materials"] == [LETTER]
    assert cases.list_cases(station) == []  # nothing stored

    # The applicant in person needs no letter: the catalogue's material stays optional.
    in_person = cases.submit(station, request(station, items=[ELDERLY], except_={LETTER: missing()}))
    assert in_person.status is CaseStatus.accepted

    # The pure rule the intake asks before submit says the same.
    lines = cases.checklist(station, [ELDERLY], None)
    letter = next(ln for ln in lines if ln.material.code == LETTER)
    assert not letter.material.required
    assert cases.material_required(letter, HandlingMode.proxy)
    assert not cases.material_required(letter, HandlingMode.in_person)
    entries = [MaterialEntry(ln.item_code, ln.material.code, MaterialState.missing if ln is letter
                             else MaterialState.received, form=MaterialForm.original, count=1) for ln in lines]
    items = [catalogue.get_item(station, ELDERLY)]
    cases.decide(Decision.accept, items, lines, entries, None, mode=HandlingMode.in_person)
    with pytest.raises(DecisionNotAllowed):
        cases.decide(Decision.accept, items, lines, entries, None, mode=HandlingMode.proxy)
    cases.decide(Decision.correction_notice, items, lines, entries, None, mode=HandlingMode.proxy)

    # A one-time notice for the missing letter; the case is not accepted again until it comes.
    notice = cases.submit(station, request(station, Decision.correction_notice, items=[ELDERLY],
                                           mode=HandlingMode.proxy, agent=the_agent(), except_=no_letter,
                                           correction_due=date(2026, 11, 27)))
    assert notice.status is CaseStatus.correction_requested
    with pytest.raises(DecisionNotAllowed):
        cases.resume_after_correction(station, notice.case_no, [])
    resumed = cases.resume_after_correction(station, notice.case_no, [
        MaterialEntry(ELDERLY, LETTER, MaterialState.received, form=MaterialForm.original, count=1)])
    assert resumed.status is CaseStatus.accepted


# -- the receipt ---------------------------------------------------------------------------------
def _pdf_text(data: bytes, tmp_path: Path, name: str) -> str:
    assert shutil.which("pdftotext"), "the printing tests need pdftotext (Debian: poppler-utils)"
    pdf = tmp_path / f"{name}.pdf"
    pdf.write_bytes(data)
    out = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return "".join(out.split())  # table cells wrap: compare without white space


@pytest.mark.parametrize("paper", ["a4", "80mm"])
def test_the_receipt_shows_the_agents_phone_and_the_authorisation(station: Station, tmp_path: Path,
                                                                  paper: str) -> None:
    case = cases.submit(station, request(station, items=[ELDERLY], mode=HandlingMode.proxy, agent=the_agent()))
    data, _ = render_for(station, "receipt", case.case_no, paper=paper, lang="zh")
    text = _pdf_text(data, tmp_path, f"receipt-{paper}")
    assert "次仁卓玛" in text
    assert mask_phone(AGENT_PHONE) in text and AGENT_PHONE not in text  # masked like the applicant's
    for shown in ("代办人电话", "授权委托", "公证委托书", "代为申请高龄津贴、领取结果", "2027年03月31日",
                  "GZ-2026-0457"):
        assert shown in text, shown
    bo = _pdf_text(render_for(station, "receipt", case.case_no, paper=paper, lang="bo")[0], tmp_path,
                   f"receipt-{paper}-bo")
    assert "GZ-2026-0457" in bo and "公证委托书" in bo and mask_phone(AGENT_PHONE) in bo

    # A case without an agent prints no agent rows.
    alone = cases.submit(station, request(station, items=[ELDERLY]))
    text = _pdf_text(render_for(station, "receipt", alone.case_no, paper=paper, lang="zh")[0], tmp_path, "alone")
    assert "代办人电话" not in text and "有效期至" not in text and "次仁卓玛" not in text


# -- the case page and the 领取 dialog ---------------------------------------------------------------
def test_case_page_shows_the_authorisation_and_collection_defaults_to_the_agent(qtbot: Any,
                                                                              station: Station) -> None:
    case = cases.submit(station, request(station, items=[ELDERLY], mode=HandlingMode.proxy, agent=the_agent()))
    cases.set_status(station, case.case_no, CaseStatus.in_progress, source="platform")
    cases.set_status(station, case.case_no, CaseStatus.concluded, outcome=Outcome.approved, source="platform")
    window = open_window(qtbot, station)
    try:
        window.show_case(case.case_no)
        detail = window.pages["case"]
        qtbot.waitUntil(lambda: detail.view is not None, timeout=10_000)
        agent = detail.fact_values["agent"].text()
        assert "次仁卓玛" in agent and mask_phone(AGENT_PHONE) in agent
        auth_label = detail.fact_labels["authorisation"]
        auth = detail.fact_values["authorisation"].text()
        assert auth_label.isVisible() and "授权" in auth_label.text()
        for shown in ("公证委托书", "代为申请高龄津贴、领取结果", "2027-03-31", "GZ-2026-0457"):
            assert shown in auth, shown

        detail.buttons[case_actions.DELIVER].click()
        dialog = detail.dialog
        assert dialog is not None and dialog.isVisible()
        assert dialog.method() is DeliveryMethod.counter
        assert dialog.recipient_edit.text() == "次仁卓玛"  # the agent collects, by default
        assert "次仁卓玛" in dialog.intro.text() and "GZ-2026-0457" in dialog.intro.text()
        dialog.ok_button.click()
        wait_idle(qtbot, window.session)
        qtbot.waitUntil(lambda: detail.dialog is None, timeout=5000)
        events = on_worker(qtbot, window, lambda st: cases.case_journal(st, case.case_no))
        assert events[-1].payload["recipient"] == "次仁卓玛"
    finally:
        close_window(window)


def test_collection_of_an_applicant_in_person_defaults_to_the_applicant(qtbot: Any, station: Station) -> None:
    case = cases.submit(station, request(station))
    cases.set_status(station, case.case_no, CaseStatus.in_progress, source="platform")
    cases.set_status(station, case.case_no, CaseStatus.concluded, outcome=Outcome.approved, source="platform")
    window = open_window(qtbot, station)
    try:
        window.show_case(case.case_no)
        detail = window.pages["case"]
        qtbot.waitUntil(lambda: detail.view is not None, timeout=10_000)
        assert not detail.fact_values["authorisation"].isVisible()
        detail.buttons[case_actions.DELIVER].click()
        assert detail.dialog is not None and detail.dialog.recipient_edit.text() == case.applicant.name
        detail.dialog.reject()
    finally:
        close_window(window)


# -- the intake: summary, delivery, the letter ---------------------------------------------------------
def test_proxy_intake_shows_the_authorisation_requires_the_letter_and_delivers_to_the_agent(
        qtbot: Any, station: Station) -> None:
    window, page = open_intake(qtbot, station)
    try:
        choose_item(qtbot, page, "高龄津贴", ELDERLY)
        key(qtbot, Qt.Key.Key_Return)
        fill_applicant(qtbot, page)
        alt(qtbot, "M")
        key(qtbot, Qt.Key.Key_Down)
        key(qtbot, Qt.Key.Key_Down)
        assert page.applicant.handling_mode() is HandlingMode.proxy
        key(qtbot, Qt.Key.Key_Tab)
        typed("次仁卓玛")
        alt(qtbot, "U")
        typed(AGENT_ID)
        alt(qtbot, "H")
        typed(AGENT_PHONE)
        alt(qtbot, "K")  # 授权方式: 书面授权委托书 → 公证委托书
        key(qtbot, Qt.Key.Key_Down)
        alt(qtbot, "O")
        typed("代为申请高龄津贴")
        alt(qtbot, "W")
        typed("2027-03-31")
        alt(qtbot, "C")
        typed("GZ-2026-0457")
        next_to(qtbot, page, MATERIALS)

        letter = row_of(page, LETTER)
        assert "必要" in letter.name.text() and "非必要" not in letter.name.text()
        alt(qtbot, "A")
        qtbot.waitUntil(lambda: letter.value_state() is MaterialState.received)
        # The letter did not come: the core says accept is not possible, by the letter's name.
        while focus() is not letter.state:
            key(qtbot, Qt.Key.Key_Tab)
        key(qtbot, Qt.Key.Key_Q)  # 缺少
        assert letter.value_state() is MaterialState.missing
        next_to(qtbot, page, DECISION)
        wait_verdicts(qtbot, page)
        assert "授权委托书" in page.decision.verdicts[Decision.accept].text()
        assert page.decision.decision() is Decision.correction_notice
        key(qtbot, Qt.Key.Key_Left, ALT)
        assert page.current() == MATERIALS
        while focus() is not letter.state:
            key(qtbot, Qt.Key.Key_Tab)
        key(qtbot, Qt.Key.Key_S)  # 已收
        next_to(qtbot, page, DECISION)
        wait_verdicts(qtbot, page)
        assert page.decision.verdicts[Decision.accept].text() == "可以"
        alt(qtbot, "A")
        qtbot.waitUntil(lambda: page.decision.decision() is Decision.accept)
        next_to(qtbot, page, DELIVERY)

        assert page.delivery.recipient.text() == "次仁卓玛" and page.delivery.phone.text() == AGENT_PHONE
        summary = page.delivery.summary.toPlainText()
        for shown in (AGENT_PHONE, "公证委托书", "代为申请高龄津贴", "2027-03-31", "GZ-2026-0457"):
            assert shown in summary, shown

        # Back to the applicant, in person after all: delivery follows (nothing typed there by hand).
        key(qtbot, Qt.Key.Key_Left, ALT)
        key(qtbot, Qt.Key.Key_Left, ALT)
        key(qtbot, Qt.Key.Key_Left, ALT)
        assert page.current() == APPLICANT
        alt(qtbot, "M")
        key(qtbot, Qt.Key.Key_Home)
        assert page.applicant.handling_mode() is HandlingMode.in_person
        next_to(qtbot, page, MATERIALS)
        assert "非必要" in letter.name.text()
        next_to(qtbot, page, DECISION)
        next_to(qtbot, page, DELIVERY)
        assert page.delivery.recipient.text() == "扎西顿珠" and page.delivery.phone.text() == "13908901234"
        assert "GZ-2026-0457" not in page.delivery.summary.toPlainText()
    finally:
        close_window(window)


def test_a_dibao_proxy_case_needs_no_letter_the_catalogue_does_not_list(station: Station) -> None:
    """清单之外无材料: the core requires the catalogue's own 授权委托书, it never adds one."""
    assert all(ln.material.code != LETTER for ln in cases.checklist(station, [DIBAO], None))
    case = cases.submit(station, request(station, mode=HandlingMode.proxy, agent=the_agent()))
    assert case.status is CaseStatus.accepted
