"""告知承诺核查 (issue 16, point 6): the check after approval of a case decided on the applicant's
written commitment records fulfilment or breach as an event that reaches the platform."""

from __future__ import annotations

import json
from typing import Any

import pytest

from app.errors import DecisionNotAllowed, ValidationError
from app.journal import EventType
from app.models import CommitmentResult, Decision
from app.services import cases
from app.station import Station
from sync import engine
from tests.helpers import RESIDENCE_PROOF, request
from tests.hubproc import Hub


def _commitment_case(station: Station) -> str:
    return cases.submit(station, request(station, Decision.commitment, items=[RESIDENCE_PROOF],
                                         commitment_text="本人承诺在本村居住满一年")).case_no


def test_a_breach_is_recorded_with_what_was_found_and_reaches_the_platform(station: Station, hub: Hub) -> None:
    engine.enrol(station, hub.url, hub.quick_code(station.station_code))
    case_no = _commitment_case(station)
    with pytest.raises(ValidationError):
        cases.check_commitment(station, case_no, CommitmentResult.breached, "  ")  # a breach says what was found
    with pytest.raises(ValidationError):
        cases.check_commitment(station, case_no, "maybe", "")
    other = cases.submit(station, request(station)).case_no
    with pytest.raises(DecisionNotAllowed):
        cases.check_commitment(station, other, CommitmentResult.fulfilled, "")
    status_before = cases.get_case(station, case_no).status
    cases.check_commitment(station, case_no, CommitmentResult.breached, "入户核查：申请人实际居住不满半年")
    last = cases.case_journal(station, case_no)[-1]
    assert last.type == EventType.commitment_checked
    assert last.payload["result"] == "breached" and last.payload["note"].startswith("入户核查")
    assert cases.get_case(station, case_no).status is status_before  # what a breach leads to is decided apart
    report = engine.run_once(station)
    assert report.ok and report.rejected == 0, report
    events = json.loads(hub.run_cli("cases", "--station", station.station_code, "--json", check=True).stdout)
    assert case_no in {c["case_no"] for c in events}


def test_the_case_page_records_the_check(qtbot: Any, station: Station) -> None:
    from tests.uikit import close_window, open_window, wait_idle
    from ui import case_actions

    case_no = _commitment_case(station)
    plain = cases.submit(station, request(station)).case_no
    window = open_window(qtbot, station)
    try:
        window.show_case(plain)
        detail = window.case_detail
        qtbot.waitUntil(lambda: detail.view is not None and detail.view.case.case_no == plain, timeout=10_000)
        assert not detail.buttons[case_actions.CHECK].isVisible()  # not a commitment case
        window.show_case(case_no)
        qtbot.waitUntil(lambda: detail.view is not None and detail.view.case.case_no == case_no, timeout=10_000)
        assert detail.buttons[case_actions.CHECK].isVisible()
        detail.buttons[case_actions.CHECK].click()
        dialog = detail.dialog
        assert dialog is not None
        dialog.result_combo.setCurrentIndex(dialog.result_combo.findData("breached"))
        dialog.ok_button.click()
        assert dialog.isVisible() and "核查发现的情况" in dialog.error_label.text()
        dialog.note_edit.setText("入户核查：实际居住不满半年")
        dialog.ok_button.click()
        wait_idle(qtbot, window.session)
        qtbot.waitUntil(lambda: detail.dialog is None, timeout=5000)
        expected = "告知承诺核查：违反承诺（承诺不实），入户核查"
        qtbot.waitUntil(lambda: any(expected in t for t in detail.timeline_texts()), timeout=5000)
    finally:
        close_window(window)
