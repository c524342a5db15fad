"""Sample documents for ``docs/documents/``: every kind, both languages, all three papers, and the
monthly sheet (月度统计表, A4) of a station with two months of demo cases.

``python -m bianmin.samples [OUTDIR]`` makes a throw-away station with realistic cases and
writes ``KIND-PAPER-LANG.pdf`` and a PNG of each page (needs ``pdftoppm`` from poppler-utils).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from datetime import date, datetime, timedelta
from pathlib import Path

from app.clock import CHINA_TZ, FixedClock
from app.config import KdfParams, Paths
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
)
from app.reports import Period
from app.services import cases, catalogue
from app.station import Station
from bianmin.demo import cases as demo
from printing import render_for, render_monthly
from printing.documents import Kind
from printing.layout import Paper

DIBAO = "540000-XZGF-0003"
RESIDENCE = "540000-GGFW-0010"
MONTHLY_CASES = 240  # the monthly sheet's sample: demo cases over the last two months


def _person() -> Party:
    return Party(kind=PartyKind.person, name="扎西卓玛", name_bo="བཀྲ་ཤིས་སྒྲོལ་མ", id_type="resident_id",
                 id_number=make_resident_id("540127", date(1958, 4, 12), 86), phone="13908912345",
                 address=Address(division_code="540127100001", village="帮堆村", detail="12号"))


def _agent() -> Agent:
    return Agent(name="次仁多吉", id_type="resident_id", id_number=make_resident_id("540102", date(1986, 9, 3), 37),
                 relation=AgentRelation.work_team, phone="13800891234",
                 authorisation=Authorisation(kind="written", scope="代为申请农村最低生活保障，代为领取办理结果",
                                             valid_until=date(2027, 2, 28)))


def _materials(station: Station, item: str, special: dict[str, MaterialEntry]) -> list[MaterialEntry]:
    out = []
    for line in cases.checklist(station, [item], None):
        e = special.get(line.material.code)
        if e is None:
            form = MaterialForm.original if line.material.originals else MaterialForm.copy
            e = MaterialEntry(item, line.material.code, MaterialState.received, form=form, count=1)
        e.item_code, e.material_code = item, line.material.code
        out.append(e)
    return out


def make_cases(station: Station) -> dict[Kind, str]:
    post = Delivery(method=DeliveryMethod.post, address="墨竹工卡县工卡镇帮堆村12号")

    def submit(decision: Decision, item: str = DIBAO, special: dict[str, MaterialEntry] | None = None,
               delivery: Delivery = post, **kw: object) -> str:
        req = IntakeRequest(applicant=_person(), mode=HandlingMode.proxy, decision=decision, item_codes=[item],
                            agent=_agent(), materials=_materials(station, item, special or {}), window="2号窗口",
                            delivery=delivery, **kw)  # type: ignore[arg-type]
        return cases.submit(station, req).case_no

    e_id = MaterialEntry("", "", MaterialState.e_licence, licence_grade=LicenceGrade.A)
    deferred = {"M-ID-CARD": e_id,
                "M-INCOME-STATEMENT": MaterialEntry("", "", MaterialState.deferred, due_date=date(2026, 11, 27)),
                "M-BANK-CARD": MaterialEntry("", "", MaterialState.deferred, due_date=date(2026, 11, 27))}
    receipt = submit(Decision.deferred_material, special=deferred)
    correction = submit(Decision.correction_notice, special={
        "M-FAMILY-CHECK-AUTH": MaterialEntry("", "", MaterialState.missing, note="须户主及共同生活家庭成员签字"),
        "M-INCOME-STATEMENT": MaterialEntry("", "", MaterialState.missing)}, correction_due=date(2026, 11, 30))
    refusal = submit(Decision.refuse, refusal=Refusal(
        reason="申请人户籍不在本乡镇，不属于本机关受理范围", legal_basis="《社会救助暂行办法》第十一条",
        competent_authority="申请人户籍所在地乡（镇）人民政府", review_authority="墨竹工卡县人民政府",
        court="墨竹工卡县人民法院"))
    commitment = submit(Decision.commitment, item=RESIDENCE, delivery=Delivery(),
                        commitment_text="本人承诺在帮堆村连续居住满一年以上，所填信息真实有效。")
    done = submit(Decision.accept)
    cases.set_status(station, done, CaseStatus.in_progress, source="platform")
    cases.set_status(station, done, CaseStatus.concluded, outcome=Outcome.approved, source="platform")
    late = MaterialEntry("", "", MaterialState.deferred, due_date=date(2026, 11, 20))
    lapsed = submit(Decision.deferred_material, special={"M-ID-CARD": e_id, "M-INCOME-STATEMENT": late})
    if isinstance(station.clock, FixedClock):  # the material's due date passes
        station.clock.advance(days=5)
    cases.revoke_acceptance(station, lapsed, "逾期未补交家庭收入及财产情况说明，经电话告知仍未补交")
    return {Kind.receipt: receipt, Kind.correction: correction, Kind.refusal: refusal, Kind.deferral: receipt,
            Kind.commitment: commitment, Kind.authorisation: receipt, Kind.collection: done,
            Kind.revocation: lapsed}


def _pages(pdf: Path, dpi: int) -> None:
    """A PNG of each page beside the PDF (when poppler's ``pdftoppm`` is there)."""
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(pdf), str(pdf.with_suffix(""))], check=True)


def write_samples(out: Path, dpi: int = 70) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        station, _ = Station.init(
            Paths(Path(tmp) / "station"), station_code="540127100000", station_name="墨竹工卡县工卡镇便民服务中心",
            admin_login="zhuoma", admin_name="卓玛", admin_password="samples-only-1",
            kdf=KdfParams(time_cost=1, memory_kib=8192, parallelism=1),
            clock=FixedClock(datetime(2026, 11, 18, 10, 24, tzinfo=CHINA_TZ)))
        try:
            catalogue.import_sample(station)
            chosen = make_cases(station)
            written = []
            for kind, case_no in chosen.items():
                for paper in Paper:
                    for lang in ("zh", "bo"):
                        data, _ = render_for(station, kind.value, case_no, paper=paper.value, lang=lang)
                        pdf = out / f"{kind.value}-{paper.value}-{lang}.pdf"
                        pdf.write_bytes(data)
                        written.append(pdf)
                        _pages(pdf, dpi)
            # the monthly sheet (月度统计表): two months of demo cases, the last whole month's figures
            demo.generate(station, MONTHLY_CASES, seed=2026, days_back=60)
            today = station.today()
            last = today.replace(day=1) - timedelta(days=1)
            for lang in ("zh", "bo"):
                pdf = out / f"monthly-a4-{lang}.pdf"
                pdf.write_bytes(render_monthly(station, Period.month(last.year, last.month), lang))
                written.append(pdf)
                _pages(pdf, dpi)
            return written
        finally:
            station.close()


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs/documents")
    for path in write_samples(target):
        sys.stdout.write(f"{path}\n")
