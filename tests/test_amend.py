"""更正 (issue 16, point 8): a typo in a submitted case's name, phone, ID number or address is put
right with a reason; the old value stays in the journal; a clerk may on the day of intake and an
administrator after; reprints show the corrected data and are marked as copies; another device of
the station and the platform learn it from the event."""

from __future__ import annotations

import json
import subprocess
from datetime import date
from pathlib import Path

import pytest

from app.clock import FixedClock
from app.errors import PermissionDenied, ValidationError
from app.identity import make_resident_id
from app.journal import EventType
from app.models import HandlingMode, Role
from app.services import cases
from app.services.cases.replay import replay_case
from app.station import Station
from printing import print_document
from sync import engine
from tests.conftest import FAST_KDF
from tests.helpers import applicant, other_device_with, request
from tests.hubproc import Hub

RIGHT_ID = make_resident_id("540102", date(1970, 2, 16), 2)  # valid, other than the one taken in


def _text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def test_a_clerk_puts_a_typo_right_on_the_day_and_the_journal_keeps_the_old_value(
        station: Station, tmp_path: Path) -> None:
    case = cases.submit(station, request(station, mode=HandlingMode.proxy,
                                         applicant=applicant(name="扎西顿朱", seq=41)))
    first = tmp_path / "first.pdf"
    print_document(station, "receipt", case.case_no, paper="a4", lang="zh", out=first)
    station.add_operator("zhuoma", "卓玛", Role.clerk, "clerk-pass-2026")
    clerk = Station.open(station.paths, "zhuoma", "clerk-pass-2026", kdf=FAST_KDF, clock=station.clock)
    try:
        amended = cases.amend(clerk, case.case_no, {
            "applicant.name": "扎西顿珠", "applicant.phone": "13908901111", "applicant.id_number": RIGHT_ID,
            "applicant.address": "帮堆村三组 12 号", "agent.phone": "13908902222"}, "姓名错字、电话号码输错")
        assert amended.applicant.name == "扎西顿珠" and amended.applicant.phone == "13908901111"
        assert amended.applicant.id_number == RIGHT_ID and amended.applicant.address.detail == "帮堆村三组 12 号"
        assert amended.agent is not None and amended.agent.phone == "13908902222"
        last = cases.case_journal(clerk, case.case_no)[-1]
        assert last.type == EventType.amended and last.operator == "zhuoma"
        changes = {c["field"]: (c["old"], c["new"]) for c in last.payload["changes"]}
        assert changes["applicant.name"] == ("扎西顿朱", "扎西顿珠")  # the old value stays in the journal
        assert changes["applicant.id_number"][0] == case.applicant.id_number
        assert last.payload["reason"] == "姓名错字、电话号码输错"
        # The list and the search see the corrected data; the events give the same case as the store.
        assert [c.case_no for c in cases.search_cases(clerk, "扎西顿珠")] == [case.case_no]
        assert cases.search_cases(clerk, "扎西顿朱") == []
        replayed = replay_case(cases.case_journal(clerk, case.case_no), clerk.calendar)
        assert replayed.applicant == amended.applicant and replayed.agent == amended.agent
    finally:
        clerk.close()
    again = tmp_path / "again.pdf"
    print_document(station, "receipt", case.case_no, paper="a4", lang="zh", out=again)
    text = _text(again)
    assert "扎西顿珠" in text and "扎西顿朱" not in text and "副本" in text  # corrected, marked a copy
    assert "139****1111" in text


def test_after_the_day_only_an_administrator_amends(station: Station) -> None:
    case_no = cases.submit(station, request(station)).case_no
    assert isinstance(station.clock, FixedClock)
    station.clock.advance(days=1)
    station.add_operator("zhuoma", "卓玛", Role.clerk, "clerk-pass-2026")
    clerk = Station.open(station.paths, "zhuoma", "clerk-pass-2026", kdf=FAST_KDF, clock=station.clock)
    try:
        assert not cases.may_amend(clerk, cases.get_case(clerk, case_no))
        with pytest.raises(PermissionDenied):
            cases.amend(clerk, case_no, {"applicant.phone": "13908901111"}, "电话输错")
    finally:
        clerk.close()
    assert cases.amend(station, case_no, {"applicant.phone": "13908901111"}, "电话输错").applicant.phone == \
        "13908901111"


@pytest.mark.parametrize(("changes", "reason", "problem"), [
    ({"applicant.id_number": RIGHT_ID[:-1] + ("0" if RIGHT_ID[-1] != "0" else "1")}, "号码输错",
     ("applicant.id_number", "bad_checksum")),
    ({"applicant.phone": "12345"}, "电话输错", ("applicant.phone", "bad_phone")),
    ({"applicant.name": ""}, "姓名", ("applicant.name", "empty")),
    ({"applicant.kind": "organisation"}, "类型", ("applicant.kind", "unknown")),
    ({"agent.name": "次仁"}, "没有代办人", ("agent.name", "not_in_case")),
    ({"applicant.name": "扎西顿珠"}, "没有变化", ("changes", "unchanged")),
    ({"applicant.phone": "13908901111"}, "  ", ("reason", "empty")),
    ({"applicant.name": "扎西\x1b顿珠"}, "控制字符", ("applicant.name", "control_characters")),
])
def test_a_bad_amendment_is_refused_and_changes_nothing(station: Station, changes: dict[str, str], reason: str,
                                                        problem: tuple[str, str]) -> None:
    case_no = cases.submit(station, request(station)).case_no
    before = len(cases.case_journal(station, case_no))
    with pytest.raises(ValidationError) as info:
        cases.amend(station, case_no, changes, reason)
    found = {(p["field"], p["problem"]) for p in info.value.details["problems"]}
    assert problem in found, found
    assert len(cases.case_journal(station, case_no)) == before
    assert cases.get_case(station, case_no).applicant.name == "扎西顿珠"


def test_another_device_and_the_platform_learn_the_amendment(station: Station, hub: Hub, tmp_path: Path,
                                                             clock: FixedClock) -> None:
    engine.enrol(station, hub.url, hub.quick_code(station.station_code))
    case_no = cases.submit(station, request(station, applicant=applicant(name="扎西顿朱", seq=41))).case_no
    assert engine.run_once(station).ok
    cases.amend(station, case_no, {"applicant.name": "扎西顿珠"}, "姓名错字")
    assert engine.run_once(station).ok
    listed = json.loads(hub.run_cli("cases", "--station", station.station_code, "--json", check=True).stdout)
    assert {c["case_no"]: c["applicant_name"] for c in listed}[case_no] == "扎西顿珠"

    with other_device_with(station, tmp_path) as other:
        seen = cases.get_case(other, case_no, log_access=False)
        assert seen.applicant.name == "扎西顿珠"
        assert [c.case_no for c in cases.search_cases(other, "扎西顿珠")] == [case_no]
