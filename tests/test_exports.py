"""Exports (issue 17 points 3 and 4): the figures, the period's cases and its ratings as XLSX and CSV,
read back; ID numbers and phones masked unless an administrator gives a reason; every list of
people journaled; a typed text never acts on the spreadsheet; the ratings in the national fields."""

from __future__ import annotations

import csv
import io
from datetime import timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from app.errors import PermissionDenied, ValidationError
from app.journal import StationEventType
from app.models import HandlingMode, Role
from app.reports import Period
from app.services import cases, exports
from app.services import reports as station_reports
from app.station import Station
from app.store import journal as journal_store
from hub import db as hub_db
from sync import engine
from tests.conftest import FAST_KDF
from tests.helpers import applicant, request
from tests.hubproc import Hub


def _sheet(path: Path, title: str) -> list[list[object]]:
    wb = load_workbook(path)
    return [list(r) for r in wb[title].iter_rows(values_only=True)]


def _csv(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # a BOM: spreadsheet programs on Chinese Windows read UTF-8
    return list(csv.reader(io.StringIO(raw[3:].decode("utf-8"))))


def _exports(station: Station) -> list[dict[str, object]]:
    return [e.payload for e in journal_store.iter_events(station.db) if e.type == StationEventType.data_exported]


@pytest.fixture
def rated(station: Station) -> tuple[Station, str, str]:
    person = applicant()
    person.name = "=HYPERLINK(\"http://x\",\"点我\")"  # a name typed to act on a spreadsheet
    first = cases.submit(station, request(station, applicant=person)).case_no
    second = cases.submit(station, request(station, mode=HandlingMode.proxy)).case_no
    cases.evaluate(station, first, "satisfied", indicators={"overall": "satisfied", "attitude": "very_satisfied"})
    cases.evaluate(station, first, "very_dissatisfied", reasons=["slow", "other:等了两个小时"])  # a 追评 差评
    cases.rectify(station, first, "增加窗口人员")
    cases.revisit(station, first, "satisfied", "phone", "")
    cases.evaluate(station, second, "basically_satisfied")
    return station, first, second


def test_the_case_list_is_masked_safe_and_journaled(rated: tuple[Station, str, str], tmp_path: Path) -> None:
    station, first, second = rated
    period = Period.day(station.today())
    done = exports.export(station, "cases", period, "xlsx", tmp_path / "cases.xlsx")
    assert done.rows == 2 and done.masked
    rows = _sheet(tmp_path / "cases.xlsx", "办件清单")
    header, body = rows[0], {r[0]: dict(zip(rows[0], r, strict=True)) for r in rows[1:]}
    assert "证件号码" in header and "代办人证件号码" in header
    one = body[first]
    full_id = cases.get_case(station, first).applicant.id_number
    assert one["证件号码"] != full_id and str(one["证件号码"]).startswith(full_id[:4]) and "*" in str(one["证件号码"])
    assert "*" in str(one["联系电话"])
    assert one["申请人"] == "'=HYPERLINK(\"http://x\",\"点我\")"  # text, not a formula
    assert body[second]["办理方式"] == "代办" and "*" in str(body[second]["代办人证件号码"])
    assert one["评价"] == "满意"  # the case's rating is its first
    wb = load_workbook(tmp_path / "cases.xlsx")
    assert all(c.data_type != "f" for row in wb["办件清单"].iter_rows() for c in row)
    [event] = _exports(station)
    assert event["kind"] == "cases" and event["masked"] is True and event["rows"] == 2
    assert (tmp_path / "cases.xlsx").stat().st_mode & 0o077 == 0  # owner-only


def test_an_unmasked_list_needs_a_reason_and_an_administrator(rated: tuple[Station, str, str],
                                                              tmp_path: Path) -> None:
    station, first, _second = rated
    period = Period.day(station.today())
    with pytest.raises(ValidationError):
        exports.export(station, "cases", period, "csv", tmp_path / "u.csv", masked=False)
    with pytest.raises(ValidationError):
        exports.export(station, "cases", period, "csv", tmp_path / "u.csv", masked=False, reason="核查\x1b[2J")
    assert not (tmp_path / "u.csv").exists() and _exports(station) == []
    exports.export(station, "cases", period, "csv", tmp_path / "u.csv", masked=False, reason="县民政局核查低保名单")
    rows = _csv(tmp_path / "u.csv")
    row = dict(zip(rows[0], next(r for r in rows if r[0] == first), strict=True))
    assert row["证件号码"] == cases.get_case(station, first).applicant.id_number
    [event] = _exports(station)
    assert event["masked"] is False and event["reason"] == "县民政局核查低保名单" and event["format"] == "csv"
    logged = station.db.all("SELECT action, detail FROM access_log WHERE action = 'export'")
    assert any("unmasked" in str(d) for _a, d in logged)
    station.add_operator("zhuoma", "卓玛", Role.clerk, "clerk-pass-2026")
    clerk = Station.open(station.paths, "zhuoma", "clerk-pass-2026", kdf=FAST_KDF, clock=station.clock)
    try:
        with pytest.raises(PermissionDenied):
            exports.export(clerk, "cases", period, "csv", tmp_path / "c.csv")
    finally:
        clerk.close()


def test_the_ratings_in_the_national_fields(rated: tuple[Station, str, str], tmp_path: Path) -> None:
    station, first, second = rated
    exports.export(station, "evaluations", Period.day(station.today()), "xlsx", tmp_path / "e.xlsx")
    rows = _sheet(tmp_path / "e.xlsx", "好差评")
    assert rows[0] == exports.EVALUATION_HEADER
    body = [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]
    assert [(r["办件编号"], r["评价等级"], r["是否追评"]) for r in body] == [
        (first, 4, "否"), (first, 1, "是"), (second, 3, "否")]
    rating, follow_up = body[0], body[1]
    assert rating["评价等级名称"] == "满意" and rating["服务态度"] == "非常满意"
    assert rating["整改情况"] in ("", None)  # the rectification is the 差评's, not the first rating's
    assert follow_up["差评原因"] == "slow；other:等了两个小时"
    assert follow_up["整改情况"] == "增加窗口人员"
    assert follow_up["回访结果"] == "满意" and follow_up["回访方式"] == "电话回访"
    assert rating["服务机构编码"] == station.station_code and "*" in str(rating["评价人证件号码"])
    assert _exports(station)[0]["kind"] == "evaluations"


def test_the_figures_read_back_as_the_report_says(rated: tuple[Station, str, str], tmp_path: Path) -> None:
    station, _first, _second = rated
    period = Period(station.today() - timedelta(days=3), station.today())
    report = station_reports.report(station, period).report
    exports.export(station, "report", period, "xlsx", tmp_path / "r.xlsx")
    wb = load_workbook(tmp_path / "r.xlsx")
    assert {"总表", "按事项", "按经办人", "按窗口", "按办理方式", "每日", "每月按时办结"} <= set(wb.sheetnames)
    total = dict(zip(*[list(r) for r in wb["总表"].iter_rows(values_only=True)], strict=True))
    assert total["收件数"] == report.total.taken_in == 2
    assert total["评价数"] == 2 and total["差评数"] == 1 and total["差评已回访"] == 1
    assert total["满意率(%)"] == 100.0
    modes = {r[2]: r for r in wb["按办理方式"].iter_rows(min_row=2, values_only=True)}
    assert set(modes) == {"本人办理", "代办"}
    exports.export(station, "report", period, "csv", tmp_path / "r.csv")
    rows = _csv(tmp_path / "r.csv")
    assert rows[1][0] == "总计" and rows[1][rows[0].index("收件数")] == "2"
    assert _exports(station) == []  # figures name nobody: not an export of personal data


def test_the_export_record_and_the_loop_reach_the_platform(rated: tuple[Station, str, str], tmp_path: Path,
                                                           hub: Hub) -> None:
    station, first, _second = rated
    engine.enrol(station, hub.url, hub.quick_code(station.station_code))
    exports.export(station, "evaluations", Period.day(station.today()), "csv", tmp_path / "e.csv", masked=False,
                   reason="县局抽查回访")
    report = engine.run_once(station)
    assert report.ok and report.rejected == 0, report
    engine_ = hub_db.make_engine(hub.db_url)
    try:
        with engine_.connect() as conn:
            types = [str(t) for t in conn.execute(select(hub_db.StoredEvent.type).where(
                hub_db.StoredEvent.station == station.station_code)).scalars()]
    finally:
        engine_.dispose()
    assert {"station.data_exported", "case.rectified", "case.revisited"} <= set(types)
    assert first
