"""The figures at the platform (``bianmin-hub report``, ``hub.reports``): real stations with real cases
(demo cases with their ratings, 差评 rectified and revisited, a special procedure, consultations, a
second window acting on the first's cases) sync to a real hub over loopback; the hub's figures for a
station, counted from the events it received, equal the station's own report — the total and every
line of every breakdown, per day and per month — for a month and for a custom period; the counties'
totals are the sums of their stations'. On both hub backends (SQLite, PostgreSQL)."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlalchemy.orm import Session

from app.clock import CHINA_TZ, FixedClock
from app.config import Paths
from app.models import CaseStatus, ConsultAnswer, CrossRegion, HandlingMode, Outcome, SpecialGroup
from app.reports import COUNT_NAMES, RATE_NAMES, CaseRecord, Period
from app.services import cases, catalogue, consultations
from app.services import reports as station_reports
from app.services.exports import figure_header, figure_values
from app.station import Station
from bianmin.demo.cases import generate
from hub import db as hub_db
from hub import reports as hub_reports
from sync import engine
from tests.conftest import ADMIN_PASSWORD, FAST_KDF
from tests.helpers import DIBAO, RESIDENCE_PROOF, request
from tests.hubproc import Hub

pytestmark = pytest.mark.timeout(600)

TODAY = date(2026, 11, 18)  # the stations' clock
REPORT_DAY = date(2026, 12, 21)  # the reports' day: some cases of November are overdue by then
PERIODS = ("2026-11", "2026-10-20..2026-11-10")


def _at(station: Station, day: date, hour: int = 10) -> None:
    clock = station.clock
    assert isinstance(clock, FixedClock)
    clock.current = datetime(day.year, day.month, day.day, hour, 0, tzinfo=CHINA_TZ)


def _new_device(root: Path, code: str, device: str, clock: FixedClock, name: str = "工卡镇便民服务中心") -> Station:
    station, _recovery = Station.init(Paths(root / f"{code}-{device}"), station_code=code, station_name=name,
                                      admin_login="admin", admin_password=ADMIN_PASSWORD, kdf=FAST_KDF,
                                      clock=clock, device_no=device)
    catalogue.import_sample(station)
    return station


def _sync(hub: Hub, *devices: Station) -> None:
    for device in devices:
        report = engine.run_once(device)
        assert report.ok and report.rejected == 0, report


def _hub_report(hub: Hub, *args: str) -> dict[str, Any]:
    proc = hub.run_cli("report", *args, "--today", REPORT_DAY.isoformat(), "--json", timeout=300)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def _comparable(doc: dict[str, Any]) -> dict[str, Any]:
    """A station's report as JSON, without the names of operators (the platform has logins only)."""
    out = json.loads(json.dumps(doc))
    for line in out["by"]["operator"]:
        line.pop("name")
    return out


def _special_procedure_case(station: Station) -> str:
    """A case whose promised date moved by a special procedure (counted on the calendar), concluded
    late and given a 差评, rectified."""
    _at(station, date(2026, 11, 2))
    case_no = cases.submit(station, request(station, items=[DIBAO])).case_no
    cases.set_status(station, case_no, CaseStatus.in_progress)
    _at(station, date(2026, 11, 3))
    cases.set_status(station, case_no, CaseStatus.special_procedure)
    _at(station, date(2026, 11, 10))
    cases.set_status(station, case_no, CaseStatus.in_progress)
    _at(station, date(2026, 11, 16))
    cases.set_status(station, case_no, CaseStatus.concluded, outcome=Outcome.approved)
    cases.evaluate(station, case_no, "very_dissatisfied", reasons=["slow"])
    _at(station, date(2026, 11, 17))
    cases.rectify(station, case_no, "已调整材料预审流程")
    return case_no


def _replayed_at_hub(hub: Hub, station_code: str, case_no: str) -> CaseRecord:
    engine_ = hub_db.make_engine(hub.db_url)
    try:
        with Session(engine_) as session:
            [(number, events)] = list(hub_reports.case_events(session, [case_no]))
            done = hub_reports.case_record(events, hub_reports.calendars(session).of(station_code))
    finally:
        engine_.dispose()
    assert done is not None and number == case_no
    return done[0]


def _consult(station: Station, day: date, item: str, n: int) -> None:
    _at(station, day, hour=15)
    for i in range(n):
        consultations.record(station, item, list(ConsultAnswer)[i % len(ConsultAnswer)])


@pytest.fixture
def centre(station: Station, hub: Hub, tmp_path: Path) -> Iterator[tuple[Station, Station]]:
    """The station's first window (the ``station`` fixture, device 00) with demo cases and a second
    window (device 01) that continues some of them and takes cases in itself, both synced."""
    engine.enrol(station, hub.url, hub.quick_code(station.station_code))
    generate(station, 70, seed=17, days_back=50)
    special = _special_procedure_case(station)
    _consult(station, date(2026, 11, 5), DIBAO, 4)
    _consult(station, date(2026, 10, 25), "", 2)
    _consult(station, date(2026, 11, 18), RESIDENCE_PROOF, 1)
    clock = station.clock
    assert isinstance(clock, FixedClock)
    second = _new_device(tmp_path, station.station_code, "01", clock)
    engine.enrol(second, hub.url, hub.quick_code(station.station_code, device="01"))
    _sync(hub, station, second)
    # The second window acts on the first's cases: rates a concluded one, gives a 追评 差评 on a rated
    # one, concludes an accepted one; and takes a case in itself.
    rows = station.db.all("SELECT c.case_no, c.status, f.rating FROM cases c LEFT JOIN case_facts f "
                          "ON f.case_no = c.case_no WHERE c.created_day >= '20261101' ORDER BY c.case_no")
    concluded = [r for r in rows if r[1] in ("concluded", "delivered")]
    unrated = [r[0] for r in concluded if r[2] is None]
    rated = [r[0] for r in concluded if r[2] is not None and r[2] not in ("dissatisfied", "very_dissatisfied")]
    accepted = [r[0] for r in rows if r[1] == "accepted"]
    assert unrated and rated and len(accepted) >= 2, rows
    _at(second, date(2026, 11, 17), hour=11)
    cases.evaluate(second, unrated[0], "satisfied")
    cases.evaluate(second, rated[0], "dissatisfied", reasons=["slow"])
    cases.set_status(second, accepted[0], CaseStatus.concluded, outcome=Outcome.approved)
    cases.set_status(second, accepted[1], CaseStatus.in_progress)
    cases.submit(second, request(second, items=[RESIDENCE_PROOF]))
    # 驻村工作队代办 for an elderly applicant, and a case handled in another region (跨域通办).
    cases.submit(second, request(second, mode=HandlingMode.proxy, special_groups=[SpecialGroup.elderly]))
    cases.submit(second, request(second, cross_region=CrossRegion(intake_site="", handling_site="540102000000",
                                                                  handling_site_name="城关区")))
    _sync(hub, second, station)
    # The first window withdraws the case the second put in progress: only in causal order (the
    # intake, the second window's step, then this) is it withdrawn.
    _at(station, date(2026, 11, 17), hour=16)
    cases.set_status(station, accepted[1], CaseStatus.withdrawn)
    _sync(hub, station, second)
    # The first window rectifies and revisits the 差评 the second window took.
    _at(station, TODAY)
    cases.rectify(station, rated[0], "已约谈窗口人员")
    cases.revisit(station, rated[0], "satisfied", "phone", "电话回访")
    _sync(hub, station, second)
    _at(second, TODAY)
    # The special procedure's days, counted again on the calendar the platform builds, move the
    # promised date as the station moved it.
    record = _replayed_at_hub(hub, station.station_code, special)
    row = station.db.one("SELECT promised_due, status FROM cases WHERE case_no = ?", (special,))
    assert row is not None and record.promised_due == date.fromisoformat(row[0]) and record.status.value == row[1]
    extended = [e for e in cases.case_journal(station, special) if e.payload.get("extended_by")]
    assert extended, "the special procedure moved no date"
    try:
        yield station, second
    finally:
        second.close()


def test_the_hub_counts_a_station_as_the_station_does(centre: tuple[Station, Station], hub: Hub) -> None:
    station, second = centre
    for text in PERIODS:
        period = Period.parse(text)
        own = station_reports.report(station, period, REPORT_DAY).as_json()
        total = own["total"]
        assert isinstance(total, dict)
        # Something of every kind to compare (a report of zeros would agree by itself).
        kinds = ("taken_in", "concluded", "rated", "consultations", "overdue_now")
        if text == "2026-11":
            kinds += ("bad", "bad_rectified", "bad_revisited", "bad_open", "assisted", "proxy", "home_visit",
                      "work_team", "cross_region", "special", "instant", "one_trip")
        for name in kinds:
            assert total[name] > 0, (text, name, total)
        doc = _hub_report(hub, text, "--station", station.station_code)
        assert doc["period"] == own["period"] and doc["today"] == own["today"]
        [hub_station] = doc["stations"]
        assert _comparable(hub_station) == _comparable(own), text
        assert any(m["concluded"] for m in hub_station["per_month"])
        if text == "2026-11":  # the second window's own case
            assert {line["key"] for line in hub_station["by"]["device"]} == {"00", "01"}
        assert doc["skipped"] == []
    # The second window's consultation counts at the platform and, once it reached the first window,
    # at the station too (every window's, as the dashboard counts them).
    _consult(second, TODAY, DIBAO, 1)
    _sync(hub, second, station)
    period = Period.parse("2026-11")
    own = station_reports.report(station, period, REPORT_DAY).as_json()
    theirs = station_reports.report(second, period, REPORT_DAY).as_json()
    [hub_station] = _hub_report(hub, "2026-11")["stations"]
    assert hub_station["total"]["consultations"] == own["total"]["consultations"]  # type: ignore[index]
    assert theirs["total"]["consultations"] == own["total"]["consultations"]  # type: ignore[index]
    assert _comparable(hub_station)["total"] == _comparable(own)["total"]


def _station(root: Path, hub: Hub, code: str, seed: int, n: int) -> Station:
    station = _new_device(root, code, "00", FixedClock(datetime(2026, 11, 18, 10, 0, tzinfo=CHINA_TZ)),
                          name=f"站点{code[-6:]}")
    engine.enrol(station, hub.url, hub.quick_code(code))
    generate(station, n, seed=seed, days_back=40)
    _consult(station, date(2026, 11, 6), DIBAO, seed % 3 + 1)
    _sync(hub, station)
    return station


def _counts(figures: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in figures.items() if k not in RATE_NAMES}


def _sum(figures: list[dict[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for f in figures:
        for name in COUNT_NAMES:
            out[name] = out.get(name, 0) + f[name]
        for group in ("decisions", "ratings"):
            target = out.setdefault(group, {})
            for key, value in f[group].items():
                target[key] = target.get(key, 0) + value
    return out


def test_a_county_s_figures_are_the_sums_of_its_stations(tmp_path: Path, hub: Hub) -> None:
    codes = ("540127100000", "540127200000", "540124100000")  # two in 墨竹工卡县, one in 曲水县
    stations = [_station(tmp_path, hub, code, seed, n) for code, seed, n in zip(codes, (3, 5, 8), (30, 20, 25),
                                                                                 strict=True)]
    try:
        # The platform publishes the catalogue the stations use: its names name the items (one of them
        # only asked about, in no case).
        proc = hub.run_cli("publish-catalogue", str(catalogue.sample_catalogue_path()))
        assert proc.returncode == 0, proc.stderr
        ids = {v for s in stations for row in s.db.all("SELECT applicant_id_no, applicant_phone FROM cases")
               for v in row if v}
        doc = _hub_report(hub, "2026-11")
        by_code = {s["station"]["code"]: s for s in doc["stations"]}
        assert sorted(by_code) == sorted(codes)
        for st in stations:  # each station as its own report
            own = station_reports.report(st, Period.parse("2026-11"), REPORT_DAY).as_json()
            assert _comparable(by_code[st.station_code]) == _comparable(own)
        regions = {r["region"]["code"]: r for r in doc["regions"]}
        assert {c: sorted(r["region"]["stations"]) for c, r in regions.items()} == {
            "540127": ["540127100000", "540127200000"], "540124": ["540124100000"]}
        for code, region in regions.items():
            members = [by_code[c]["total"] for c in region["region"]["stations"]]
            assert _counts(region["total"]) == _sum(members), code
            base = region["total"]["counted"]
            assert region["total"]["instant_rate"] == (region["total"]["instant"] / base if base else None)
            per_month = [[m["concluded"] for m in by_code[c]["per_month"]] for c in region["region"]["stations"]]
            assert [m["concluded"] for m in region["per_month"]] == [sum(x) for x in zip(*per_month, strict=True)]
        assert _counts(doc["total"]["total"]) == _sum([s["total"] for s in doc["stations"]])
        assert _counts(doc["total"]["total"]) == _sum([r["total"] for r in doc["regions"]])
        assert doc["total"]["total"]["taken_in"] > 0 and len(regions) == 2
        # Asked for two stations: the total is theirs.
        two = _hub_report(hub, "2026-11", "--station", codes[0], codes[2])
        assert [s["station"]["code"] for s in two["stations"]] == sorted([codes[0], codes[2]])  # by code
        assert _counts(two["total"]["total"]) == _sum([by_code[codes[0]]["total"], by_code[codes[2]]["total"]])
        # The workbook compares them: a row per station, per county, and the total.
        out = tmp_path / "report.xlsx"
        proc = hub.run_cli("report", "2026-11", "--today", REPORT_DAY.isoformat(), "--out", str(out), timeout=300)
        assert proc.returncode == 0, proc.stderr
        text = proc.stdout
        for code in codes:
            assert code in text
        assert "区县 540127" in text and "合计（3 个站点）" in text
        book = load_workbook(io.BytesIO(out.read_bytes()))
        sheet = book["站点对比"]
        rows = [list(r) for r in sheet.iter_rows(values_only=True)]
        assert rows[0][4:] == figure_header()
        assert [r[:2] for r in rows[1:]] == [*(["站点", c] for c in sorted(codes)), ["区县", "540124"],
                                              ["区县", "540127"], ["合计", None]]
        assert rows[-1][4] == doc["total"]["total"]["taken_in"]
        from app.reports import Figures

        first = by_code[sorted(codes)[0]]["total"]
        expected = Figures(**{k: first[k] for k in (*COUNT_NAMES, "decisions", "ratings")})
        assert rows[1][4:] == figure_values(expected)
        assert set(book.sheetnames) >= {"站点对比", *codes, "每月按时办结"}
        # No ID number or phone of an applicant anywhere.
        cells = " ".join(str(v) for ws in book.worksheets for r in ws.iter_rows(values_only=True) for v in r)
        dumped = json.dumps(doc, ensure_ascii=False)
        assert ids and not any(v in dumped or v in cells for v in ids)
    finally:
        for s in stations:
            s.close()


def test_the_command_refuses_what_it_cannot_count(hub: Hub) -> None:
    proc = hub.run_cli("report", "2026-13")
    assert proc.returncode == 1 and "统计期间" in proc.stderr
    proc = hub.run_cli("report", "2026-11", "--station", "540127999999")
    assert proc.returncode == 1 and "没有站点 540127999999" in proc.stderr
    proc = hub.run_cli("report", "2026-11", "--out", "report.csv")
    assert proc.returncode == 1 and ".xlsx" in proc.stderr
    proc = hub.run_cli("report", "2026-11", "--json")  # no station yet: nothing, and no error
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    assert doc["stations"] == [] and doc["total"]["total"]["taken_in"] == 0


def test_the_cases_that_may_count_are_found_by_index_ranges(tmp_path: Path) -> None:
    """The report found a period's intakes, ratings and conclusions by reading every event of the
    asked stations (seconds for a county of millions of events): revision 0003 indexes them by
    (station, type, at), and the query goes by its ranges."""
    engine = hub_db.make_engine(f"sqlite:///{tmp_path / 'hub.db'}")
    try:
        hub_db.upgrade(engine)
        query = hub_reports.candidate_query(["540127100000", "540127200000"], ["case.received", "case.evaluated"],
                                            "2026-11-01", "2026-12-01")
        sql = str(query.compile(engine, compile_kwargs={"literal_binds": True}))
        with engine.connect() as conn:
            plan = [str(row[-1]) for row in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + sql)]
    finally:
        engine.dispose()
    assert any("USING INDEX ix_events_station_type_at (station=? AND type=? AND at>? AND at<?)" in p
               for p in plan), plan
    assert not any(p.startswith("SCAN events") for p in plan), plan
