"""Notices a citizen and a supervisor can rely on (issue 16, points 2 and 3): a 一次性告知 always
names its due date (the clerk's, or the station's number of working days), and every notice says
when it was issued, at which window and by whom, with a line for the applicant's signature and the
date of receipt. Real stores, real PDFs read back with pdftotext."""

from __future__ import annotations

import re
import subprocess
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from app.clock import FixedClock
from app.errors import ValidationError
from app.models import (
    CaseStatus,
    Decision,
    DeliveryMethod,
    HandlingMode,
    IntakeRequest,
    MaterialEntry,
    MaterialState,
    Outcome,
    Refusal,
)
from app.services import cases, settings
from app.station import Station
from app.store import journal as journal_store
from printing import print_document
from tests.helpers import DIBAO, RESIDENCE_PROOF, missing, request


def _text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def _correction(station: Station, **kw: object) -> str:
    return cases.submit(station, request(station, Decision.correction_notice,
                                         except_={"M-FAMILY-CHECK-AUTH": missing()}, **kw)).case_no


# -- point 2: the correction due date ------------------------------------------------------------
def test_a_correction_notice_without_a_date_gets_the_stations_default_of_working_days(station: Station) -> None:
    # Wednesday 18 November 2026: five working days on is Wednesday 25th.
    case_no = _correction(station)
    case = cases.get_case(station, case_no, log_access=False)
    assert case.correction_due == date(2026, 11, 25)
    journal = cases.case_journal(station, case_no)
    assert journal[-1].payload["due"] == "2026-11-25"  # the event says it too (it reaches the platform)
    assert cases.default_correction_due(station) == date(2026, 11, 25)

    settings.save(station, replace(settings.load(station), correction_days=3))
    assert cases.default_correction_due(station) == date(2026, 11, 23)  # over the weekend
    assert cases.get_case(station, _correction(station), log_access=False).correction_due == date(2026, 11, 23)
    # A date the clerk gives wins.
    given = _correction(station, correction_due=date(2026, 12, 4))
    assert cases.get_case(station, given, log_access=False).correction_due == date(2026, 12, 4)


@pytest.mark.parametrize("days", [0, -1, 61])
def test_the_number_of_working_days_is_bounded(station: Station, days: int) -> None:
    with pytest.raises(ValidationError) as info:
        settings.save(station, replace(settings.load(station), correction_days=days))
    assert info.value.details["problems"] == [{"field": "correction_days", "problem": "out_of_range"}]
    assert settings.load(station).correction_days == 5  # nothing stored


def test_the_printed_notice_names_the_date_and_never_a_dash(station: Station, tmp_path: Path) -> None:
    case_no = _correction(station)
    pdf = tmp_path / "correction.pdf"
    print_document(station, "correction", case_no, paper="a4", lang="zh", out=pdf)
    text = _text(pdf)
    assert "请于 2026年11月25日 前补齐" in text
    assert "—" not in text.split("请于")[1][:20]


# -- point 3: every notice dated, with its window, clerk and a receipt line ------------------------
def _later(station: Station) -> None:
    assert isinstance(station.clock, FixedClock)
    station.clock.advance(days=2)  # printed two days after the decision: the issue date stays


@pytest.mark.parametrize("lang", ["zh", "bo"])
def test_every_notice_carries_its_issue_date_window_clerk_and_a_receipt_line(
        station: Station, tmp_path: Path, lang: str) -> None:
    made = {
        "correction": _correction(station),
        "refusal": cases.submit(station, request(station, Decision.refuse, refusal=Refusal(
            reason="申请人不属于本辖区户籍", review_authority="墨竹工卡县人民政府",
            court="墨竹工卡县人民法院"))).case_no,
        "deferral": cases.submit(station, request(
            station, Decision.deferred_material,
            except_={"M-INCOME-STATEMENT": replace(missing(), state=MaterialState.deferred,
                                                   due_date=date(2026, 11, 30))})).case_no,
        "commitment": cases.submit(station, request(station, Decision.commitment, items=[RESIDENCE_PROOF],
                                                    commitment_text="本人承诺在本村居住满一年")).case_no,
    }
    delivered = cases.submit(station, request(station)).case_no
    cases.set_status(station, delivered, CaseStatus.concluded, outcome=Outcome.approved, note="")
    _later(station)
    cases.deliver(station, delivered, method=DeliveryMethod.counter, recipient="扎西顿珠")
    made["collection"] = delivered
    _later(station)

    for kind, case_no in made.items():
        pdf = tmp_path / f"{kind}-{lang}.pdf"
        print_document(station, kind, case_no, paper="a4", lang=lang, out=pdf)
        text = " ".join(_text(pdf).split())
        issued = "2026年11月20日" if kind == "collection" else "2026年11月18日"  # the decision's day, or delivery's
        if lang == "zh":
            assert re.search(rf"出具日期\s*[：:]?\s*{issued}", text), (kind, text)
        else:  # the bilingual label's two halves and the value (pdftotext may lay them out apart)
            assert "出具日期" in text and issued in text, (kind, text)
        assert "经办人" in text and "窗口" in text, kind
        assert "00号窗口" in text if lang == "zh" else "སྒེའུ་ཁུང་ཨང་00" in text, (kind, text)
        assert "签收日期" in text, kind
        if lang == "bo":
            assert "ཡི་གེ་བཏོན་པའི་ཚེས་གྲངས།" in text and "ལག་ཏུ་ལེན་པའི་ཚེས་གྲངས།" in text, kind


# -- point 1: a notice asks only for what the applicant needs ----------------------------------------
SITUATIONAL = ("M-DISABILITY-CERT", "M-MEDICAL-DIAG")  # 低保: 残疾人证, 医院诊断证明 (必要 = false)


def _without(req: IntakeRequest, codes: tuple[str, ...]) -> IntakeRequest:
    return replace(req, materials=[m for m in req.materials if m.material_code not in codes])


def test_situational_materials_left_alone_are_not_applicable_and_never_demanded(
        station: Station, tmp_path: Path) -> None:
    req = _without(request(station, Decision.correction_notice, except_={"M-FAMILY-CHECK-AUTH": missing()}),
                   SITUATIONAL)
    case = cases.submit(station, req)
    states = {m.material_code: m.state for m in case.materials}
    assert states["M-FAMILY-CHECK-AUTH"] is MaterialState.missing
    assert all(states[c] is MaterialState.not_applicable for c in SITUATIONAL)
    received = cases.case_journal(station, case.case_no)[0].payload["materials"]
    assert {m["material_code"]: m["state"] for m in received}["M-DISABILITY-CERT"] == "not_applicable"  # journaled
    assert cases.case_journal(station, case.case_no)[-1].payload["missing"] == ["M-FAMILY-CHECK-AUTH"]
    pdf = tmp_path / "correction.pdf"
    print_document(station, "correction", case.case_no, paper="a4", lang="zh", out=pdf)
    text = _text(pdf)
    assert "家庭经济状况核对授权书" in text
    assert "残疾人证" not in text and "医院诊断证明" not in text


def test_a_situational_material_marked_as_applying_is_listed(station: Station, tmp_path: Path) -> None:
    req = request(station, Decision.correction_notice, except_={
        "M-DISABILITY-CERT": missing(), "M-MEDICAL-DIAG": MaterialEntry("", "", MaterialState.not_applicable)})
    case = cases.submit(station, req)
    pdf = tmp_path / "correction.pdf"
    print_document(station, "correction", case.case_no, paper="a4", lang="zh", out=pdf)
    text = _text(pdf)
    assert "残疾人证" in text and "医院诊断证明" not in text


def test_a_required_material_cannot_be_not_applicable(station: Station) -> None:
    req = request(station, except_={"M-BANK-CARD": MaterialEntry("", "", MaterialState.not_applicable)})
    with pytest.raises(ValidationError) as info:
        cases.submit(station, req)
    assert {"field": f"materials.{DIBAO}.M-BANK-CARD", "problem": "not_applicable_required"} in \
        info.value.details["problems"]
    assert cases.count_cases(station) == 0  # nothing stored


# -- point 4: the 授权委托书 is a letter to sign ------------------------------------------------------
@pytest.mark.parametrize("lang", ["zh", "bo"])
def test_the_authorisation_letter_shows_full_numbers_items_scope_and_room_to_sign_and_press(
        station: Station, tmp_path: Path, lang: str) -> None:
    case = cases.submit(station, request(station, mode=HandlingMode.proxy))
    assert case.agent is not None
    pdf = tmp_path / f"authorisation-{lang}.pdf"
    print_document(station, "authorisation", case.case_no, paper="a4", lang=lang, out=pdf)
    text = " ".join(_text(pdf).split())
    assert case.applicant.id_number in text and case.agent.id_number in text  # whole, to be signed
    assert "最低生活保障" in text and DIBAO in text  # the item by name and code
    assert case.agent.authorisation.scope in text  # and the scope
    assert "委托人签字并按手印" in text and "受托人签字并按手印" in text
    entries = journal_store.access_entries(station.db, case.case_no)
    assert any(e["action"] == "export" and e["detail"] == "authorisation:full_id_numbers" for e in entries)
    # Every other document keeps the numbers masked.
    other = tmp_path / f"receipt-{lang}.pdf"
    print_document(station, "receipt", case.case_no, paper="a4", lang=lang, out=other)
    assert case.agent.id_number not in _text(other) and case.applicant.id_number not in _text(other)
