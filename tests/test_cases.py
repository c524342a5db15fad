"""Intake, decisions and what follows, through the real services on a real SQLCipher store."""

from __future__ import annotations

from datetime import date

import pytest

from app.errors import CaseNotFound, DecisionNotAllowed, InvalidId, InvalidTransition, ValidationError
from app.journal import EventType
from app.models import (
    CaseStatus,
    CrossRegion,
    Decision,
    Delivery,
    DeliveryMethod,
    HandlingMode,
    MaterialEntry,
    MaterialState,
    Outcome,
    Refusal,
)
from app.services import cases
from app.station import Station
from app.store import journal as journal_store
from tests.helpers import (
    DIBAO,
    NEWBORN_BUNDLE,
    RESIDENCE_PROOF,
    agent,
    all_received,
    applicant,
    deferred,
    e_licence,
    missing,
    request,
)


def test_accept_makes_numbered_case_with_journal_and_deadlines(station: Station) -> None:
    case = cases.submit(station, request(station, except_={"M-ID-CARD": e_licence()}))
    assert case.case_no == "540127100000" + "20261118" + "00001"
    assert case.status is CaseStatus.accepted
    assert len(case.verification_code) == 8
    # 2026-11-18 + 20 promised working days (counting from the 19th) and 30 legal ones.
    assert case.clock_start == date(2026, 11, 18)
    assert case.promised_due == station.calendar.add_working_days(date(2026, 11, 18), 20)
    assert case.promised_due == date(2026, 12, 16)
    assert case.legal_due == date(2026, 12, 30)
    types = [e.type for e in cases.case_journal(station, case.case_no)]
    assert types == [EventType.received, EventType.accepted]
    id_card = next(m for m in case.materials if m.material_code == "M-ID-CARD")
    assert id_card.state is MaterialState.e_licence and id_card.licence_type
    assert case.items[0].item_version == "2026.11"


def test_case_numbers_are_sequential_and_unique(station: Station) -> None:
    numbers = [cases.submit(station, request(station)).case_no for _ in range(3)]
    assert [n[-5:] for n in numbers] == ["00001", "00002", "00003"]
    station.clock.advance(days=1)
    assert cases.submit(station, request(station)).case_no.endswith("2026111900001")


def test_accept_with_missing_required_material_is_refused_with_reason(station: Station) -> None:
    req = request(station, except_={"M-APPLICATION": missing()})
    with pytest.raises(DecisionNotAllowed) as info:
        cases.submit(station, req)
    assert info.value.details["reason"] == "required_material_missing"
    assert "M-APPLICATION" in info.value.details["materials"]
    assert cases.list_cases(station) == []
    assert journal_store.count(station.db) == 1  # only the catalogue import


def test_deferred_material_acceptance(station: Station) -> None:
    req = request(station, Decision.deferred_material, except_={"M-INCOME-STATEMENT": deferred(date(2026, 11, 25))})
    case = cases.submit(station, req)
    assert case.status is CaseStatus.accepted and case.decision is Decision.deferred_material
    accepted = cases.case_journal(station, case.case_no)[-1]
    assert accepted.payload["deferred"] == [{"material": "M-INCOME-STATEMENT", "due": "2026-11-25"}]
    station.clock.advance(days=5)  # 23 Nov: due within 2 working days
    assert case.case_no in cases.due_report(station)["deferred_due_soon"]
    case = cases.supply_material(station, case.case_no, DIBAO, "M-INCOME-STATEMENT")
    income = next(m for m in case.materials if m.material_code == "M-INCOME-STATEMENT")
    assert income.state is MaterialState.received
    assert case.trips == 2
    assert cases.due_report(station)["deferred_due_soon"] == []


def test_key_material_cannot_be_deferred(station: Station) -> None:
    req = request(station, Decision.deferred_material, except_={"M-ID-CARD": deferred(date(2026, 11, 25))})
    with pytest.raises(ValidationError) as info:
        cases.submit(station, req)
    assert {"field": f"materials.{DIBAO}.M-ID-CARD", "problem": "not_deferrable"} in info.value.details["problems"]


def test_commitment_only_where_allowed(station: Station) -> None:
    with pytest.raises(DecisionNotAllowed) as info:
        cases.submit(station, request(station, Decision.commitment))
    assert info.value.details["reason"] == "commitment_not_allowed"
    case = cases.submit(station, request(station, Decision.commitment, items=[RESIDENCE_PROOF],
                                         commitment_text="本人承诺在本村居住满一年"))
    # 居住证明 is an instant item: concluded on the spot.
    assert case.status is CaseStatus.concluded and case.outcome is Outcome.approved
    types = [e.type for e in cases.case_journal(station, case.case_no)]
    assert types == [EventType.received, EventType.accepted, EventType.concluded]


def test_correction_notice_then_resume_restarts_clock(station: Station) -> None:
    req = request(station, Decision.correction_notice, except_={"M-FAMILY-CHECK-AUTH": missing()},
                  correction_due=date(2026, 11, 27))
    case = cases.submit(station, req)
    assert case.status is CaseStatus.correction_requested
    assert case.promised_due is None
    notice = cases.case_journal(station, case.case_no)[-1]
    assert notice.type == EventType.correction_requested and notice.payload["missing"] == ["M-FAMILY-CHECK-AUTH"]
    with pytest.raises(DecisionNotAllowed):
        cases.submit(station, request(station, Decision.correction_notice))  # nothing missing
    station.clock.advance(days=6)  # Tuesday 24 Nov
    from app.models import MaterialForm

    resumed = cases.resume_after_correction(station, case.case_no, [
        MaterialEntry(DIBAO, "M-FAMILY-CHECK-AUTH", MaterialState.received, form=MaterialForm.original, count=1)])
    assert resumed.status is CaseStatus.accepted
    assert resumed.clock_start == date(2026, 11, 24)
    assert resumed.promised_due == station.calendar.add_working_days(date(2026, 11, 24), 20)
    assert resumed.trips == 2
    assert resumed.verification_code


def test_refusal_needs_reason_and_remedies(station: Station) -> None:
    with pytest.raises(DecisionNotAllowed) as info:
        cases.submit(station, request(station, Decision.refuse, refusal=Refusal(reason="不属于本机关职权")))
    assert info.value.details["reason"] == "refusal_remedies_missing"
    refusal = Refusal(reason="申请人不属于本辖区户籍", competent_authority="户籍所在地乡镇人民政府",
                      review_authority="墨竹工卡县人民政府", court="墨竹工卡县人民法院")
    case = cases.submit(station, request(station, Decision.refuse, refusal=refusal))
    assert case.status is CaseStatus.refused and case.refusal == refusal
    with pytest.raises(InvalidTransition):
        cases.set_status(station, case.case_no, CaseStatus.in_progress)


def test_proxy_needs_agent_with_valid_id(station: Station) -> None:
    req = request(station, mode=HandlingMode.proxy)
    req.agent = None
    with pytest.raises(ValidationError) as info:
        cases.submit(station, req)
    assert info.value.details["problems"][0]["problem"] == "required_for_proxy"
    bad = agent()
    bad.id_number = bad.id_number[:-1] + ("0" if bad.id_number[-1] != "0" else "1")
    with pytest.raises(InvalidId):
        cases.submit(station, request(station, mode=HandlingMode.proxy, agent=bad))
    case = cases.submit(station, request(station, mode=HandlingMode.proxy))
    assert case.agent is not None and case.agent.relation.value == "work_team"
    assert case.agent.authorisation.valid_until == date(2027, 1, 31)


@pytest.mark.parametrize("number", ["540127196803040171", "5401271968030401", "ABC", ""])
def test_invalid_resident_ids_are_rejected(station: Station, number: str) -> None:
    person = applicant()
    person.id_number = number
    with pytest.raises(InvalidId):
        cases.submit(station, request(station, applicant=person))
    assert cases.list_cases(station) == []


def test_bundle_collects_shared_materials_once(station: Station) -> None:
    lines = cases.checklist(station, [], NEWBORN_BUNDLE)
    codes = [ln.material.code for ln in lines]
    assert len(codes) == len(set(codes))
    assert "M-ID-CARD" in codes and "M-HOUSEHOLD-REG" in codes
    from app.models import IntakeRequest

    req = IntakeRequest(applicant=applicant(), mode=HandlingMode.assisted, decision=Decision.accept,
                        bundle_code=NEWBORN_BUNDLE, materials=all_received(station, [], NEWBORN_BUNDLE))
    case = cases.submit(station, req)
    assert len(case.items) == 4 and case.bundle_code == NEWBORN_BUNDLE


def test_rare_characters_and_tibetan_names_are_stored_and_found(station: Station) -> None:
    rare = cases.submit(station, request(station, applicant=applicant(name="刘䶮𠮷", seq=21)))
    tib = cases.submit(station, request(station, applicant=applicant(name="扎西卓玛", name_bo="བཀྲ་ཤིས་སྒྲོལ་མ", seq=22)))
    assert cases.get_case(station, rare.case_no).applicant.name == "刘䶮𠮷"
    assert [c.case_no for c in cases.search_cases(station, "䶮")] == [rare.case_no]
    assert [c.case_no for c in cases.search_cases(station, "སྒྲོལ་མ")] == [tib.case_no]
    assert [c.case_no for c in cases.search_cases(station, "ཤིས་སྒྲོ")] == [tib.case_no]


def test_search_by_name_pinyin_initials_id_suffix_phone_and_number(station: Station) -> None:
    a = cases.submit(station, request(station, applicant=applicant(name="扎西顿珠", seq=31)))
    b = cases.submit(station, request(station, applicant=applicant(name="王建国", seq=32)))
    assert [c.case_no for c in cases.search_cases(station, "顿珠")] == [a.case_no]
    assert [c.case_no for c in cases.search_cases(station, "zxdz")] == [a.case_no]
    assert [c.case_no for c in cases.search_cases(station, "dunzhu")] == [a.case_no]
    assert [c.case_no for c in cases.search_cases(station, "wjg")] == [b.case_no]
    suffix = b.applicant.id_number[-6:]
    assert b.case_no in [c.case_no for c in cases.search_cases(station, suffix)]
    assert [c.case_no for c in cases.search_cases(station, a.case_no)] == [a.case_no]
    hits = cases.search_cases(station, "1234")  # phone 13908901234 of both
    assert {c.case_no for c in hits} == {a.case_no, b.case_no}
    row = cases.search_cases(station, "王建国")[0]
    assert "*" in row.id_masked and b.applicant.id_number not in row.id_masked


def test_statuses_from_platform_and_special_procedure_extends_deadline(station: Station) -> None:
    case = cases.submit(station, request(station))
    due = case.promised_due
    cases.set_status(station, case.case_no, CaseStatus.in_progress, source="platform", platform_no="XZ2026-0001")
    station.clock.advance(days=1)
    cases.set_status(station, case.case_no, CaseStatus.special_procedure, note="入户调查")
    station.clock.advance(days=7)  # one working week of special procedure
    after = cases.set_status(station, case.case_no, CaseStatus.in_progress, note="调查结束")
    assert after.platform_no == "XZ2026-0001"
    assert after.promised_due is not None and due is not None
    assert station.calendar.working_days_between(due, after.promised_due) == 5
    with pytest.raises(ValidationError):
        cases.set_status(station, case.case_no, CaseStatus.concluded)  # no outcome
    done = cases.set_status(station, case.case_no, CaseStatus.concluded, outcome=Outcome.approved)
    assert done.status is CaseStatus.concluded
    with pytest.raises(ValidationError):
        cases.deliver(station, case.case_no, method=DeliveryMethod.counter)  # who collected?
    delivered = cases.deliver(station, case.case_no, method=DeliveryMethod.counter, recipient="扎西顿珠")
    assert delivered.status is CaseStatus.delivered and delivered.trips == 2
    types = [e.type for e in cases.case_journal(station, case.case_no)]
    assert types[-5:] == [EventType.in_progress, EventType.special_started, EventType.special_ended,
                          EventType.concluded, EventType.delivered]


def test_overdue_and_due_soon_flags(station: Station) -> None:
    case = cases.submit(station, request(station))
    assert case.case_no not in cases.due_report(station)["due_soon"]
    station.clock.advance(days=27)  # 15 Dec: due 16 Dec is one working day away
    assert case.case_no in cases.due_report(station)["due_soon"]
    station.clock.advance(days=2)
    assert case.case_no in cases.due_report(station)["overdue"]
    assert cases.list_cases(station)[0].due_state == "overdue"


def test_post_delivery_needs_address_and_cross_region_case(station: Station) -> None:
    with pytest.raises(ValidationError):
        cases.submit(station, request(station, delivery=Delivery(method=DeliveryMethod.post)))
    cross = CrossRegion(intake_site="", handling_site="540102000000", handling_site_name="拉萨市城关区")
    case = cases.submit(station, request(station, delivery=Delivery(method=DeliveryMethod.post, address="帮堆村12号"),
                                         cross_region=cross))
    assert case.cross_region is not None and case.cross_region.intake_site == "540127100000"
    cases.record_posting(station, case.case_no, "1190012345678")
    assert cases.get_case(station, case.case_no).cross_region.tracking_no == "1190012345678"  # type: ignore[union-attr]


def test_trips_and_rates(station: Station) -> None:
    a = cases.submit(station, request(station, items=[RESIDENCE_PROOF]))
    b = cases.submit(station, request(station))
    cases.record_trip(station, b.case_no, "consult")
    assert len(cases.trips(station, b.case_no)) == 2
    rates = cases.rates(station)
    assert rates["cases"] == 2 and rates["at_most_one_trip"] == 1 and rates["instant"] == 1
    assert a.status is CaseStatus.concluded


def test_prints_and_evaluations_are_journaled(station: Station) -> None:
    case = cases.submit(station, request(station))
    assert cases.record_print(station, case.case_no, "receipt", "a4") == 0
    assert cases.record_print(station, case.case_no, "receipt", "80mm") == 1
    with pytest.raises(ValidationError):
        cases.evaluate(station, case.case_no, "dissatisfied")
    cases.evaluate(station, case.case_no, "very_satisfied", {"overall": "very_satisfied"})
    cases.evaluate(station, case.case_no, None)
    types = [e.type for e in cases.case_journal(station, case.case_no)]
    assert types[-4:] == [EventType.printed, EventType.reprinted, EventType.evaluated, EventType.evaluated]
    actions = [e["action"] for e in journal_store.access_entries(station.db, case.case_no)]
    assert actions.count("print") == 2


def test_opening_a_case_goes_to_the_access_log(station: Station) -> None:
    case = cases.submit(station, request(station))
    cases.get_case(station, case.case_no)
    assert journal_store.access_entries(station.db, case.case_no)[0]["action"] == "open"
    with pytest.raises(CaseNotFound):
        cases.get_case(station, "540127100000202611189999")


def test_case_keeps_catalogue_version_after_new_version(station: Station, tmp_path: object) -> None:
    import json
    from pathlib import Path

    from app.services import catalogue

    case = cases.submit(station, request(station))
    doc = json.loads(catalogue.sample_catalogue_path().read_text("utf-8"))
    doc["version"] = "2027.01"
    for item in doc["items"]:
        if item["code"] == DIBAO:
            item["promised_days"] = 15
    path = Path(str(tmp_path)) / "cat.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
    catalogue.import_file(station, path)
    assert catalogue.get_item(station, DIBAO).promised_days == 15
    old = cases.get_case(station, case.case_no)
    assert old.items[0].item_version == "2026.11" and old.items[0].promised_days == 20
    new = cases.submit(station, request(station))
    assert new.items[0].item_version == "2027.01"


def test_organisation_applicant_with_credit_code(station: Station) -> None:
    from app.models import IntakeRequest, Party, PartyKind

    org = Party(kind=PartyKind.organisation, name="工卡镇帮堆村股份经济合作社", id_type="uscc",
                id_number="91110000600037341L")
    item = "540000-XZQR-0008"  # 农村集体经济组织登记赋码: organisations only
    case = cases.submit(station, IntakeRequest(applicant=org, mode=HandlingMode.assisted, decision=Decision.accept,
                                               item_codes=[item], materials=all_received(station, [item])))
    assert case.applicant.kind is PartyKind.organisation
    assert cases.list_cases(station)[0].id_masked == "91110000600037341L"  # not personal: shown in full
    bad = Party(kind=PartyKind.organisation, name="某合作社", id_type="uscc", id_number="91110000600037341X")
    with pytest.raises(InvalidId):
        cases.submit(station, IntakeRequest(applicant=bad, mode=HandlingMode.assisted, decision=Decision.accept,
                                            item_codes=[item], materials=all_received(station, [item])))
    with pytest.raises(ValidationError) as info:  # a person cannot apply for it
        cases.submit(station, request(station, items=[item]))
    assert info.value.details["problems"][0]["problem"] == "applicant_kind_not_allowed"


def test_withdrawal_ends_the_case(station: Station) -> None:
    case = cases.submit(station, request(station))
    done = cases.withdraw(station, case.case_no, "申请人主动撤回")
    assert done.status is CaseStatus.withdrawn
    with pytest.raises(InvalidTransition):
        cases.set_status(station, case.case_no, CaseStatus.in_progress)
    assert case.case_no not in cases.due_report(station)["due_soon"] + cases.due_report(station)["overdue"]


def test_find_cases_pages_with_a_cursor_and_combines_text_and_filters(station: Station) -> None:
    made = [cases.submit(station, request(station, applicant=applicant(name=name, seq=50 + i))).case_no
            for i, name in enumerate(["扎西顿珠", "王建国", "扎西卓玛", "扎西次仁", "李秀英"])]
    instant = cases.submit(station, request(station, items=[RESIDENCE_PROOF],
                                            applicant=applicant(name="扎西平措", seq=60)))
    made.append(instant.case_no)
    first = cases.find_cases(station, limit=4)
    assert [r.case_no for r in first.rows] == made[::-1][:4] and first.cursor is not None
    second = cases.find_cases(station, limit=4, cursor=first.cursor)
    assert [r.case_no for r in second.rows] == made[::-1][4:] and second.cursor is None
    assert cases.count_cases(station) == 6
    # text and filters together
    zhaxi = cases.find_cases(station, "扎西")
    assert [r.case_no for r in zhaxi.rows] == [made[5], made[3], made[2], made[0]]
    assert cases.count_cases(station, "zx") == 4
    concluded = cases.find_cases(station, "扎西", status=CaseStatus.concluded)
    assert [r.case_no for r in concluded.rows] == [instant.case_no]
    assert cases.count_cases(station, "扎西", status=CaseStatus.accepted) == 3
    assert cases.count_cases(station, "扎西", item_code=DIBAO) == 3
    assert cases.find_cases(station, item_code=RESIDENCE_PROOF).rows[0].case_no == instant.case_no
    today = station.today()
    assert cases.count_cases(station, "扎西", day=today) == 4
    assert cases.find_cases(station, day=date(2020, 1, 1)).rows == []
    # a case number, an ID suffix and a phone number find as in search_cases
    assert [r.case_no for r in cases.find_cases(station, made[1]).rows] == [made[1]]
    assert cases.count_cases(station, made[1]) == 1
    suffix = cases.get_case(station, made[4], log_access=False).applicant.id_number[-6:]
    assert made[4] in [r.case_no for r in cases.find_cases(station, suffix).rows]
    assert cases.count_cases(station, "13908901234") == 6
    assert cases.find_cases(station, "!!!").rows == [] and cases.count_cases(station, "!!!") == 0
    rows = cases.find_cases(station, "王建国").rows
    assert rows[0].applicant_name == "王建国" and "*" in rows[0].id_masked


def test_find_cases_by_a_case_numbers_beginning_and_by_item_pages_too(station: Station) -> None:
    made = [cases.submit(station, request(station, applicant=applicant(name="扎西顿珠", seq=70 + i))).case_no
            for i in range(5)]
    newest_first = made[::-1]
    # the beginning of a case number: every case of the day, pages keyed by the number
    day_prefix = made[0][:20]
    first = cases.find_cases(station, day_prefix, limit=3)
    assert [r.case_no for r in first.rows] == newest_first[:3] and isinstance(first.cursor, str)
    rest = cases.find_cases(station, day_prefix, limit=3, cursor=first.cursor)
    assert [r.case_no for r in rest.rows] == newest_first[3:] and rest.cursor is None
    assert cases.count_cases(station, day_prefix) == 5
    assert cases.count_cases(station, made[0][:20] + "9") == 0
    # a beginning of the station code is a beginning of every case number
    assert cases.count_cases(station, "5401") == 5
    assert [r.case_no for r in cases.find_cases(station, "540127").rows] == newest_first
    # by item alone, and item with text, page by page
    page = cases.find_cases(station, item_code=DIBAO, limit=2)
    seen = [r.case_no for r in page.rows]
    while page.cursor is not None:
        page = cases.find_cases(station, item_code=DIBAO, limit=2, cursor=page.cursor)
        seen += [r.case_no for r in page.rows]
    assert seen == newest_first
    page = cases.find_cases(station, "顿珠", item_code=DIBAO, limit=4)
    page2 = cases.find_cases(station, "顿珠", item_code=DIBAO, limit=4, cursor=page.cursor)
    assert [r.case_no for r in page.rows + page2.rows] == newest_first
    text_page = cases.find_cases(station, "顿珠", limit=4)
    text_rest = cases.find_cases(station, "顿珠", limit=4, cursor=text_page.cursor)
    assert [r.case_no for r in text_page.rows + text_rest.rows] == newest_first
    assert cases.count_cases(station, "顿珠", item_code=DIBAO) == 5
    assert cases.count_cases(station, item_code=RESIDENCE_PROOF) == 0


def test_people_problems_are_what_submit_finds_and_change_nothing(station: Station) -> None:
    from app.models import HandlingMode
    from app.services.cases import people_problems
    from tests.helpers import agent as make_agent

    person = applicant()
    person.id_number = person.id_number[:-1] + ("0" if person.id_number[-1] != "0" else "1")
    before = person.id_number
    found = people_problems(person, HandlingMode.proxy, None, station.today())
    assert {(p["field"], p["problem"]) for p in found} == {("applicant.id_number", "bad_checksum"),
                                                           ("agent", "required_for_proxy")}
    assert person.id_number == before
    assert people_problems(applicant(), HandlingMode.proxy, make_agent(), station.today()) == []
