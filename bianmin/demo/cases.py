"""Realistic demo cases made through the real services (for demos, tests and benchmarks)."""

from __future__ import annotations

import logging
import math
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from app.clock import CHINA_TZ, FixedClock
from app.errors import BianminError
from app.identity import make_resident_id
from app.models import (
    Address,
    Agent,
    AgentRelation,
    Authorisation,
    CaseStatus,
    Decision,
    Delivery,
    DeliveryMethod,
    HandlingMode,
    IntakeRequest,
    LicenceGrade,
    MaterialEntry,
    MaterialForm,
    MaterialState,
    Outcome,
    Party,
    PartyKind,
    Refusal,
    ServiceItem,
)
from app.services import cases, catalogue
from app.station import Station

log = logging.getLogger(__name__)

# Tibetan names as written in Chinese and in Tibetan script; Han names; a few rare characters.
TIBETAN_NAMES = [
    ("扎西", "བཀྲ་ཤིས"), ("卓玛", "སྒྲོལ་མ"), ("次仁", "ཚེ་རིང"), ("央金", "དབྱངས་ཅན"), ("顿珠", "དོན་གྲུབ"),
    ("格桑", "སྐལ་བཟང"), ("拉姆", "ལྷ་མོ"), ("平措", "ཕུན་ཚོགས"), ("德吉", "བདེ་སྐྱིད"), ("旺堆", "དབང་འདུས"),
    ("尼玛", "ཉི་མ"), ("达瓦", "ཟླ་བ"), ("边巴", "སྤེན་པ"), ("普布", "ཕུར་བུ"), ("巴桑", "པ་སངས"),
    ("索朗", "བསོད་ནམས"), ("白玛", "པདྨ"), ("洛桑", "བློ་བཟང"), ("曲珍", "ཆོས་སྒྲོན"), ("多吉", "རྡོ་རྗེ"),
    ("旦增", "བསྟན་འཛིན"), ("玉珍", "གཡུ་སྒྲོན"), ("强巴", "བྱམས་པ"), ("次旦", "ཚེ་བརྟན"), ("益西", "ཡེ་ཤེས"),
]
HAN_SURNAMES = "王李张刘陈杨赵黄周吴徐孙马朱胡郭何林罗高"
HAN_GIVEN = ["建国", "秀英", "丽华", "志强", "海燕", "文博", "晓东", "桂兰", "玉梅", "俊杰", "龑", "䶮", "喆", "堃"]
VILLAGES = [
    ("001", "帮堆村"), ("002", "唐加村"), ("003", "雪巴村"), ("004", "如多村"), ("005", "塔巴村"),
    ("006", "尼玛江热村"), ("007", "仁多岗村"), ("008", "日多村"),
]
AREA = {"prefecture": "拉萨市", "county": "墨竹工卡县", "township": "工卡镇"}
DEMO_STATION_CODE = "540127100000"
DEMO_STATION_NAME = "墨竹工卡县工卡镇便民服务中心（演示）"
# The most demo cases a day: below a device's 999 numbers a day (app.casenumber.MAX_SEQ).
PER_DAY = 900


@dataclass
class DemoResult:
    created: int
    by_status: dict[str, int]
    failed: int


def person(rng: random.Random, station_code: str, today: date) -> Party:
    if rng.random() < 0.8:
        a, a_bo = rng.choice(TIBETAN_NAMES)
        b, b_bo = rng.choice(TIBETAN_NAMES)
        name, name_bo = a + b, f"{a_bo}་{b_bo}"
    else:
        name, name_bo = rng.choice(HAN_SURNAMES) + rng.choice(HAN_GIVEN), ""
    birth = today - timedelta(days=rng.randint(18 * 365, 92 * 365))
    region = station_code[:6]
    code, village = rng.choice(VILLAGES)
    return Party(
        kind=PartyKind.person, name=name, name_bo=name_bo, id_type="resident_id",
        id_number=make_resident_id(region, birth, rng.randint(1, 999)),
        phone=f"1{rng.choice('3578')}{rng.randint(0, 999999999):09d}",
        address=Address(division_code=station_code[:9] + code, village=village, detail=f"{rng.randint(1, 80)}号",
                        **AREA),
    )


def _agent(rng: random.Random, station_code: str, today: date) -> Agent:
    who = person(rng, station_code, today)
    relation = rng.choice(list(AgentRelation))
    return Agent(name=who.name, id_type="resident_id", id_number=who.id_number, relation=relation, phone=who.phone,
                 authorisation=Authorisation(kind="written", scope="代为提交申请材料、领取办理结果",
                                             valid_until=today + timedelta(days=90)))


def make_request(
    rng: random.Random, station: Station, items: list[ServiceItem], bundles: list[str], today: date,
) -> IntakeRequest:
    """A plausible application and a decision its materials allow."""
    bundle_code = rng.choice(bundles) if bundles and rng.random() < 0.08 else None
    chosen = [] if bundle_code else [rng.choice(items)]
    if bundle_code:
        item_objs = [catalogue.get_item(station, c) for c in catalogue.get_bundle(station, bundle_code).item_codes]
    else:
        item_objs = chosen
    lines = cases.checklist(station, [i.code for i in chosen], bundle_code)
    roll = rng.random()
    decision = (Decision.accept if roll < 0.70 else Decision.deferred_material if roll < 0.80
                else Decision.correction_notice if roll < 0.90 else Decision.commitment if roll < 0.95
                else Decision.refuse)
    if decision is Decision.commitment and not all(i.commitment_allowed for i in item_objs):
        decision = Decision.accept
    deferrable = [ln for ln in lines if ln.material.deferrable]
    if decision is Decision.deferred_material and not deferrable:
        decision = Decision.accept
    missing_required = [ln for ln in lines if ln.material.required]
    if decision is Decision.correction_notice and not missing_required:
        decision = Decision.accept
    entries: list[MaterialEntry] = []
    deferred_one = rng.choice(deferrable) if decision is Decision.deferred_material else None
    missing_one = rng.choice(missing_required) if decision is Decision.correction_notice else None
    for ln in lines:
        m = ln.material
        if ln is deferred_one:
            entries.append(MaterialEntry(ln.item_code, m.code, MaterialState.deferred,
                                         due_date=station.calendar.add_working_days(today, rng.randint(3, 10))))
        elif ln is missing_one:
            entries.append(MaterialEntry(ln.item_code, m.code, MaterialState.missing, note="未携带"))
        elif m.e_licence_type and rng.random() < 0.3:
            entries.append(MaterialEntry(ln.item_code, m.code, MaterialState.e_licence, licence_type=m.e_licence_type,
                                         licence_grade=rng.choice([LicenceGrade.A, LicenceGrade.B])))
        elif m.required or rng.random() < 0.6:
            form = MaterialForm.original if m.originals else MaterialForm.copy
            entries.append(MaterialEntry(ln.item_code, m.code, MaterialState.received, form=form,
                                         count=max(1, m.originals if form is MaterialForm.original else m.copies)))
    mode = rng.choices(list(HandlingMode), weights=[50, 25, 15, 10])[0]
    if mode is HandlingMode.proxy:  # the agent brings the letter where the item lists it (required then)
        given = {(e.item_code, e.material_code) for e in entries}
        entries += [MaterialEntry(ln.item_code, ln.material.code, MaterialState.received, form=MaterialForm.original,
                                  count=max(1, ln.material.originals))
                    for ln in lines if cases.is_authorisation_letter(ln.material) and ln is not missing_one
                    and (ln.item_code, ln.material.code) not in given]
    applicant = person(rng, station.station_code, today)
    offered = catalogue.delivery_offered(item_objs)
    method = DeliveryMethod.counter if "counter" in offered else DeliveryMethod(sorted(offered)[0])
    if "post" in offered and rng.random() < 0.15:
        method = DeliveryMethod.post
    address = f"{AREA['county']}{AREA['township']}{applicant.address.village}{applicant.address.detail}"
    return IntakeRequest(
        applicant=applicant, mode=mode, decision=decision, item_codes=[i.code for i in chosen],
        bundle_code=bundle_code,
        agent=_agent(rng, station.station_code, today) if mode is HandlingMode.proxy else None,
        materials=entries,
        delivery=Delivery(method=method, address=address if method is DeliveryMethod.post else ""),
        refusal=Refusal(reason="申请事项不属于本机关职权范围", competent_authority="墨竹工卡县自然资源局",
                        review_authority="墨竹工卡县人民政府", court="墨竹工卡县人民法院")
        if decision is Decision.refuse else None,
        correction_due=station.calendar.add_working_days(today, 5) if decision is Decision.correction_notice else None,
        commitment_text="本人承诺所填信息真实，符合办理条件。" if decision is Decision.commitment else "",
        window="",  # the device's own: its name, or "NN号窗口"
    )


def _advance(rng: random.Random, station: Station, case_no: str, status: CaseStatus, end: datetime) -> None:
    """Move some cases along as the platform and the counter would (never past ``end``)."""
    if status is CaseStatus.accepted and rng.random() < 0.7:
        if isinstance(station.clock, FixedClock):
            station.clock.current = min(end, station.clock.current + timedelta(days=rng.randint(1, 5)))
        cases.set_status(station, case_no, CaseStatus.in_progress, source="platform")
        if rng.random() < 0.6:
            outcome = Outcome.approved if rng.random() < 0.93 else Outcome.denied
            cases.set_status(station, case_no, CaseStatus.concluded, outcome=outcome, source="platform")
            status = CaseStatus.concluded
    if status is CaseStatus.concluded and rng.random() < 0.6:
        case = cases.get_case(station, case_no, log_access=False)
        if case.delivery.method is DeliveryMethod.post:
            cases.deliver(station, case_no, method=DeliveryMethod.post, tracking_no=f"EMS{rng.randint(10**9, 10**10)}")
        else:
            cases.deliver(station, case_no, method=case.delivery.method, recipient=case.applicant.name)


_LEVELS = ("very_satisfied", "satisfied", "basically_satisfied", "dissatisfied", "very_dissatisfied")


def _rate(rng: random.Random, station: Station, case_no: str, status: CaseStatus) -> None:
    """Most citizens rate a concluded case (好差评); a few give a 差评, which the station rectifies and
    revisits (most of them)."""
    if status not in (CaseStatus.concluded, CaseStatus.delivered) or rng.random() < 0.25:
        return
    level = rng.choices(_LEVELS, weights=[55, 30, 9, 4, 2])[0]
    bad = level in _LEVELS[3:]
    cases.evaluate(station, case_no, level, reasons=["slow"] if bad else None)
    if bad and rng.random() < 0.7:
        cases.rectify(station, case_no, "已约谈窗口人员，调整叫号与材料预审流程")
        if rng.random() < 0.7:
            cases.revisit(station, case_no, rng.choice(["satisfied", "basically_satisfied"]), "phone",
                          "电话回访，申请人认可整改")


def generate(
    station: Station, n: int, *, seed: int = 2026, days_back: int = 45, advance: bool = True,
    batch: int = 1, progress: Callable[[int], None] | None = None,
) -> DemoResult:
    """Make ``n`` cases spread over the last ``days_back`` days (more when needed, so that no day
    holds more than ``PER_DAY`` of them: a device numbers at most 999 cases a day), through the real
    services."""
    rng = random.Random(seed)
    rating_rng = random.Random(seed + 1)  # its own stream: the cases stay those the seed always made
    days_back = max(days_back, math.ceil(n / PER_DAY))
    items = [i for i in catalogue.list_items(station) if "person" in i.body.get("applicants", {}).get("kinds", [])]
    if not items:
        raise BianminError("no catalogue", code="catalogue.empty")
    bundles = [b.code for b in catalogue.list_bundles(station)]
    real_clock = station.clock
    end = real_clock.now()
    start_day = end.date() - timedelta(days=days_back)
    by_status: dict[str, int] = {}
    failed = 0
    made = 0
    try:
        while made < n:
            chunk = min(batch, n - made)
            with station.db.transaction():
                for _ in range(chunk):
                    frac = made / max(1, n)
                    day = start_day + timedelta(days=int(frac * days_back))
                    at = datetime.combine(day, time(9, 30), CHINA_TZ) + timedelta(minutes=rng.randint(0, 480))
                    station.clock = FixedClock(min(at, end))
                    req = make_request(rng, station, items, bundles, station.today())
                    try:
                        case = cases.submit(station, req)
                        if advance:
                            _advance(rng, station, case.case_no, case.status, end)
                            case = cases.get_case(station, case.case_no, log_access=False)
                            _rate(rating_rng, station, case.case_no, case.status)
                        by_status[case.status.value] = by_status.get(case.status.value, 0) + 1
                    except BianminError as exc:
                        failed += 1
                        log.warning("demo case not made: %s", exc.code)
                    made += 1
            if progress:
                progress(made)
    finally:
        station.clock = real_clock
    return DemoResult(created=made - failed, by_status=by_status, failed=failed)
