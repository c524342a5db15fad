"""特殊群体 (issue 16, point 11): a marker on the case chosen at intake (老年人, 残疾人, 军人军属, 孕妇, …),
journaled with the intake, kept by every device, counted, and shown on the dashboard's queue."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from app.clock import FixedClock
from app.errors import ValidationError
from app.models import SpecialGroup
from app.services import cases, dashboard
from app.services.cases.replay import replay_case
from app.station import Station
from tests.helpers import applicant, other_device_with, request


def test_the_groups_are_kept_journaled_counted_and_shared(station: Station, tmp_path: Path,
                                                          clock: FixedClock) -> None:
    marked = cases.submit(station, request(station, special_groups=[SpecialGroup.elderly, SpecialGroup.disabled]))
    plain = cases.submit(station, request(station, applicant=applicant(seq=33)))
    assert marked.special_groups == [SpecialGroup.elderly, SpecialGroup.disabled] and plain.special_groups == []
    intake = cases.case_journal(station, marked.case_no)[0]
    assert intake.payload["special_groups"] == ["elderly", "disabled"]
    assert "special_groups" not in cases.case_journal(station, plain.case_no)[0].payload  # as before: no key
    assert replay_case(cases.case_journal(station, marked.case_no), station.calendar).special_groups == \
        marked.special_groups
    overview = dashboard.overview(station)
    assert overview.rates is not None and overview.rates.special == 1 and overview.rates.cases == 2
    entry = next(e for e in overview.today_cases.entries if e.case_no == marked.case_no)
    assert entry.special_groups == (SpecialGroup.elderly, SpecialGroup.disabled)

    with other_device_with(station, tmp_path) as other:
        assert cases.get_case(other, marked.case_no, log_access=False).special_groups == marked.special_groups


def test_an_unknown_group_is_refused(station: Station) -> None:
    with pytest.raises(ValidationError) as info:
        cases.submit(station, request(station, special_groups=["vip"]))
    assert {"field": "special_groups[0]", "problem": "unknown", "value": "vip"} in info.value.details["problems"]


def test_the_intake_marks_the_case_and_the_dashboard_shows_it_first_line(qtbot: Any, station: Station) -> None:
    from PySide6.QtCore import Qt

    from tests.test_ui_intake import (
        alt,
        choose_item,
        fill_applicant,
        key,
        next_to,
        open_intake,
        submit,
        wait_verdicts,
    )
    from tests.uikit import close_window, wait_idle
    from ui.intake.draft import DECISION, DELIVERY, MATERIALS

    window, page = open_intake(qtbot, station)
    try:
        choose_item(qtbot, page, "zdshbz", "540000-XZGF-0003")
        key(qtbot, Qt.Key.Key_Return)
        fill_applicant(qtbot, page)
        page.applicant.group_checks[SpecialGroup.elderly].setChecked(True)
        assert ("特殊群体", "老年人") in page.applicant.summary()
        next_to(qtbot, page, MATERIALS)
        alt(qtbot, "A")
        next_to(qtbot, page, DECISION)
        wait_verdicts(qtbot, page)
        next_to(qtbot, page, DELIVERY)
        case = submit(qtbot, page)
        assert case.special_groups == [SpecialGroup.elderly]
        window.go("dashboard")
        board = window.pages["dashboard"]
        board.refresh()
        wait_idle(qtbot, window.session)
        today = board.sections["today_cases"].list
        qtbot.waitUntil(lambda: today.count() == 1 and case.case_no in today.item(0).text(), timeout=10_000)
        assert "【优先】老年人" in today.item(0).text().splitlines()[0]
        qtbot.waitUntil(lambda: "特殊群体 1 件" in board.rates.text(), timeout=10_000)
        window.show_case(case.case_no)
        detail = window.case_detail
        qtbot.waitUntil(lambda: detail.view is not None and detail.view.case.case_no == case.case_no, timeout=10_000)
        assert detail.fact_values["groups"].text() == "老年人（优先办理）"
    finally:
        close_window(window)
