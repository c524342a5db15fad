"""防重复受理 (issue 16, point 9): the intake warns, never blocks, on an open case of the same person
and item and on an ID number known under another name, offers the earlier case, and fills a known
person's details from this station's own records."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from app.models import CaseStatus
from app.services import cases
from app.station import Station
from tests.helpers import DIBAO, RESIDENCE_PROOF, applicant, request


def test_an_open_case_of_the_same_item_and_another_name_are_found(station: Station) -> None:
    person = replace(applicant(name="扎西顿珠", seq=17), phone="13908905555")
    first = cases.submit(station, request(station, applicant=person))
    number = first.applicant.id_number
    found = cases.check_person(station, number.lower() if number[-1].isalpha() else number, "扎西顿珠", (DIBAO,))
    assert [c.case_no for c in found.open_same_item] == [first.case_no] and found.other_names == ()
    assert found.known is not None and found.known.phone == "13908905555"  # to fill the form
    assert cases.check_person(station, number, "扎西顿珠", (RESIDENCE_PROOF,)).open_same_item == ()  # another item
    renamed = cases.check_person(station, number, "扎西顿朱", (DIBAO,))
    assert renamed.other_names == ("扎西顿珠",) and renamed.warnings
    # Never a block: the second application is taken in all the same.
    second = cases.submit(station, request(station, applicant=applicant(name="扎西顿珠", seq=17)))
    assert second.case_no != first.case_no
    cases.withdraw(station, first.case_no, "重复申请")
    cases.withdraw(station, second.case_no, "重复申请")
    assert cases.check_person(station, number, "扎西顿珠", (DIBAO,)).open_same_item == ()  # ended: no warning
    assert cases.get_case(station, first.case_no).status is CaseStatus.withdrawn
    unknown = cases.check_person(station, "540102197002160011", "", (DIBAO,))
    assert unknown.known is None and not unknown.warnings


def test_the_intake_warns_offers_the_earlier_case_and_fills_a_known_person(qtbot: Any, station: Station) -> None:
    from PySide6.QtCore import Qt

    from tests.test_ui_intake import APPLICANT_ID, alt, choose_item, key, open_intake, typed
    from tests.uikit import close_window, wait_idle
    from ui.intake.draft import APPLICANT

    earlier = cases.submit(station, request(station, applicant=replace(applicant(name="扎西顿珠", seq=17),
                                                                       phone="13908905555")))
    assert earlier.applicant.id_number == APPLICANT_ID
    window, page = open_intake(qtbot, station)
    try:
        choose_item(qtbot, page, "zdshbz", DIBAO)
        key(qtbot, Qt.Key.Key_Return)
        assert page.current() == APPLICANT
        alt(qtbot, "D")  # the ID number first: the name is still empty
        typed(APPLICANT_ID)
        alt(qtbot, "P")  # leaving the field looks the person up
        wait_idle(qtbot, window.session)
        step = page.applicant
        qtbot.waitUntil(lambda: step.person_box.isVisible(), timeout=5000)
        assert step.name.text() == "扎西顿珠" and step.phone.text() == "13908905555"  # filled from the records
        text = step.person_text.text()
        assert "已按本站记录填入" in text and earlier.case_no in text and "同一事项" in text
        assert step.person_open.isVisible()
        step.name.setText("扎西顿朱")  # a different name for the same number
        step.look_up_person()
        wait_idle(qtbot, window.session)
        qtbot.waitUntil(lambda: "曾以“扎西顿珠”的姓名办理" in step.person_text.text(), timeout=5000)
        step.person_open.click()  # the earlier case opens; the intake stays as it is (Ctrl+2)
        detail = window.case_detail
        qtbot.waitUntil(lambda: detail.view is not None and detail.view.case.case_no == earlier.case_no,
                        timeout=5000)
        assert page.applicant.name.text() == "扎西顿朱"
    finally:
        close_window(window)
