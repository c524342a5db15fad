"""Exports (导出): a report's figures, the list of a period's cases and the period's ratings (好差评, in
the national fields) as XLSX (openpyxl) or CSV (UTF-8 with a byte-order mark, for spreadsheet
programs on Chinese Windows).

ID numbers and phones are **masked** (``app.identity``). An unmasked list is for an administrator
only and needs a reason. Every list of cases or ratings is personal data leaving the store: it is
journaled (``station.data_exported``: which list, which days, how many rows, masked or not, why) and
written in the access log. The figures name no person and are not journaled.

A text a person typed cannot act on the spreadsheet: a cell that would start a formula (= + - @) is
kept as text, and characters a worksheet cannot hold are dropped.
"""

from __future__ import annotations

import csv
import io
import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.utils import get_column_letter

from app.casefacts import place_key
from app.errors import ValidationError
from app.events import DataExported
from app.identity import mask_id, mask_phone
from app.journal import StationEventType
from app.keys import write_private_file
from app.labels import zh
from app.models import Evaluation
from app.reports import RATE_NAMES, Dimension, Figures, Period
from app.services import reports
from app.station import Station
from app.store import journal as journal_store
from app.store import reports as store
from app.textcheck import find_bad

log = logging.getLogger(__name__)

REASON_MAX = 200


class ExportKind(StrEnum):
    report = "report"  # the figures (no person named)
    cases = "cases"  # the period's cases (办件清单)
    evaluations = "evaluations"  # the period's ratings (好差评), in the national fields


class ExportFormat(StrEnum):
    xlsx = "xlsx"
    csv = "csv"


@dataclass(frozen=True)
class Table:
    title: str  # the sheet's name
    header: list[str]
    rows: list[list[Any]]


@dataclass(frozen=True)
class Exported:
    path: Path
    rows: int
    masked: bool


# -- the figures ---------------------------------------------------------------------------------------
_COUNTS = ("taken_in", "counted", "instant", "one_trip", "concluded", "on_time", "overdue_now", "rated", "bad",
           "bad_open", "bad_rectified", "bad_revisited", "assisted", "proxy", "home_visit", "work_team",
           "cross_region", "special", "consultations")


def _percent(value: float | None) -> float | str:
    return "" if value is None else round(value * 100, 1)


def figure_header() -> list[str]:
    return ([zh(n, "Figure") for n in _COUNTS] + [zh(d, "Decision") for d in _decisions()]
            + [zh(e.value, "Evaluation") for e in Evaluation] + [f"{zh(n, 'Figure')}(%)" for n in RATE_NAMES])


def _decisions() -> list[str]:
    return list(Figures().decisions)


def figure_values(f: Figures) -> list[Any]:
    return ([getattr(f, n) for n in _COUNTS] + [f.decisions[d] for d in _decisions()]
            + [f.ratings[e.value] for e in Evaluation] + [_percent(getattr(f, n)) for n in RATE_NAMES])


def _name(report: reports.StationReport, d: Dimension, key: str) -> str:
    if d is Dimension.mode:
        return zh(key, "HandlingMode")
    return report.names.get(d.value, {}).get(key, key)


def report_tables(report: reports.StationReport) -> list[Table]:
    """The figures as tables: the total, each breakdown, per day and per month."""
    r = report.report
    head = ["统计期间", "代码", "名称"]
    span = f"{r.period.start.isoformat()}至{r.period.end.isoformat()}"
    tables = [Table("总表", [*head, *figure_header()],
                    [[span, report.station_code, report.station_name, *figure_values(r.total)]])]
    for d in Dimension:
        rows = [[span, line.key, _name(report, d, line.key), *figure_values(line.figures)] for line in r.lines(d)]
        tables.append(Table(zh(d.value, "Dimension"), [*head, *figure_header()], rows))
    tables.append(Table("每日", ["日期", zh("taken_in", "Figure"), zh("concluded", "Figure")],
                        [[d.isoformat(), t, c] for d, t, c in r.per_day]))
    tables.append(Table("每月按时办结", ["月份", zh("concluded", "Figure"), zh("on_time", "Figure"),
                                    f"{zh('on_time_rate', 'Figure')}(%)"],
                        [[m, c, o, _percent(o / c if c else None)] for m, c, o in r.per_month]))
    return tables


def report_csv_table(report: reports.StationReport) -> Table:
    """The figures as one CSV table: the total's line, then every breakdown's lines."""
    r = report.report
    rows = [["总计", report.station_code, report.station_name, *figure_values(r.total)]]
    for d in Dimension:
        rows += [[zh(d.value, "Dimension"), line.key, _name(report, d, line.key), *figure_values(line.figures)]
                 for line in r.lines(d)]
    return Table("统计", ["维度", "代码", "名称", *figure_header()], rows)


# -- personal data -------------------------------------------------------------------------------------
def _id(number: str | None, id_type: str | None, masked: bool) -> str:
    if not number:
        return ""
    return mask_id(number, id_type or "resident_id") if masked else number


def _phone(phone: str | None, masked: bool) -> str:
    if not phone:
        return ""
    return mask_phone(phone) if masked else phone


def case_table(station: Station, period: Period, masked: bool) -> Table:
    """办件清单: every case taken in during the period."""
    header = ["办件编号", "平台办件号", "收件时间", "事项", "申请人", "证件号码", "联系电话", "办理方式", "代办人",
              "代办人证件号码", "与申请人关系", "受理决定", "状态", "承诺办结日期", "办结日期", "按时办结", "评价",
              "差评整改", "差评回访", "窗口", "受理人"]
    rows = []
    for c in store.case_list(station.db, period.start, period.end):
        agent = json.loads(c["agent"]) if c["agent"] else None
        done = c["concluded_at"][:10] if c["concluded_at"] and c["status"] in ("concluded", "delivered") else ""
        on_time = "" if not done else ("是" if not c["promised_due"] or done <= c["promised_due"] else "否")
        rows.append([
            c["case_no"], c["platform_no"], c["created_at"][:19].replace("T", " "), c["items"] or "",
            c["applicant_name"], _id(c["applicant_id_no"], c["applicant_id_type"], masked),
            _phone(c["applicant_phone"], masked), zh(c["mode"], "HandlingMode"),
            agent.get("name", "") if agent else "",
            _id(agent.get("id_number"), agent.get("id_type"), masked) if agent else "",
            zh(agent["relation"], "AgentRelation") if agent and agent.get("relation") else "",
            zh(c["decision"], "Decision"), zh(c["status"], "CaseStatus"), c["promised_due"] or "", done, on_time,
            zh(c["rating"], "Evaluation") if c["rating"] else "",
            (c["rectified_at"] or "")[:10] if c["bad"] else "", (c["revisited_at"] or "")[:10] if c["bad"] else "",
            c["window"], c["operator"]])
    return Table("办件清单", header, rows)


# The national 好差评 fields: the five levels as 1 (非常不满意) … 5 (非常满意), the offline indicators
# (整体满意度, 服务效率, 服务水平, 服务态度) and the 差评's rectification and revisit (docs/reports.md).
LEVEL_SCORE = {Evaluation.very_dissatisfied: 1, Evaluation.dissatisfied: 2, Evaluation.basically_satisfied: 3,
               Evaluation.satisfied: 4, Evaluation.very_satisfied: 5}
_INDICATORS = (("overall", "整体满意度"), ("efficiency", "服务效率"), ("service", "服务水平"), ("attitude", "服务态度"))
EVALUATION_HEADER = ["评价编号", "办件编号", "平台办件号", "事项编码", "事项名称", "服务机构编码", "服务机构名称",
                     "服务窗口", "评价渠道", "评价时间", "评价等级", "评价等级名称", "是否追评",
                     *(name for _k, name in _INDICATORS), "差评原因", "评价人姓名", "评价人证件类型", "评价人证件号码",
                     "评价人联系电话", "整改情况", "整改时间", "回访时间", "回访方式", "回访结果"]


def evaluation_table(station: Station, period: Period, masked: bool) -> Table:
    """好差评数据: every rating given in the period (追评 marked), in the national fields."""
    rows = []
    for ev in store.evaluation_events(station.db, period.start, period.end):
        p = json.loads(ev["payload"])
        level = p.get("level")
        if p.get("skipped") or level not in LEVEL_SCORE:
            continue
        c = ev["case"]
        # the rectification and the revisit belong to the case's 差评: the first bad rating
        this_bad = c.get("bad_key") == place_key(ev["at"], ev["device"], ev["seq"], bool(p.get("follow_up")))
        indicators = p.get("indicators") or {}
        rows.append([
            ev["event_id"], ev["case_no"], c.get("platform_no", ""), c.get("item_codes", ""), c.get("item_names", ""),
            station.station_code, station.station_name, c.get("window", ""), "政务服务大厅评价器",
            ev["at"][:19].replace("T", " "), LEVEL_SCORE[Evaluation(level)], zh(level, "Evaluation"),
            "是" if p.get("follow_up") else "否",
            *(zh(indicators[k], "Evaluation") if indicators.get(k) in LEVEL_SCORE else "" for k, _n in _INDICATORS),
            "；".join(str(x) for x in p.get("reasons") or []), c.get("applicant_name", ""),
            zh(c.get("applicant_id_type") or "resident_id", "IdType"),
            _id(c.get("applicant_id_no"), c.get("applicant_id_type"), masked),
            _phone(c.get("applicant_phone"), masked),
            c.get("rectify_note") or "" if this_bad else "", (c.get("rectified_at") or "")[:10] if this_bad else "",
            (c.get("revisited_at") or "")[:10] if this_bad else "",
            zh(c["revisit_method"], "RevisitMethod") if this_bad and c.get("revisit_method") else "",
            zh(c["revisit_result"], "RevisitResult") if this_bad and c.get("revisit_result") else ""])
    return Table("好差评", EVALUATION_HEADER, rows)


# -- files ---------------------------------------------------------------------------------------------
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _safe(value: Any) -> Any:
    """A cell's value that cannot act on a spreadsheet: no formula, no character a sheet cannot hold."""
    if not isinstance(value, str):
        return value
    value = ILLEGAL_CHARACTERS_RE.sub("", value)
    return "'" + value if value.startswith(_FORMULA_START) else value


def xlsx_bytes(tables: Sequence[Table]) -> bytes:
    wb = Workbook()
    wb.remove(wb.active)
    for t in tables:
        ws = wb.create_sheet(t.title[:31])
        ws.append([_safe(h) for h in t.header])
        for row in t.rows:
            ws.append([_safe(v) for v in row])
        for i, h in enumerate(t.header, start=1):
            ws.column_dimensions[get_column_letter(i)].width = max(8, min(40, 2 * len(str(h)) + 2))
        ws.freeze_panes = "A2"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def csv_bytes(table: Table) -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow([_safe(h) for h in table.header])
    writer.writerows([[_safe(v) for v in row] for row in table.rows])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def _check_reason(reason: str, masked: bool) -> str:
    reason = reason.strip()
    if not masked and not reason:
        raise ValidationError("reason", problems=[{"field": "reason", "problem": "empty"}])
    if len(reason) > REASON_MAX:
        raise ValidationError("reason", problems=[{"field": "reason", "problem": "too_long",
                                                   "length": str(len(reason)), "limit": str(REASON_MAX)}])
    if find_bad(reason):
        raise ValidationError("reason", problems=[{"field": "reason", "problem": "control_characters"}])
    return reason


def export(station: Station, kind: ExportKind | str, period: Period, fmt: ExportFormat | str, out: Path, *,
           masked: bool = True, reason: str = "") -> Exported:
    """Write one export to ``out`` (owner-only, atomically). An administrator's (reports name every
    clerk's work); an unmasked list needs a ``reason``. Lists of cases and ratings are journaled."""
    station.require_admin()
    kind, fmt = ExportKind(kind), ExportFormat(fmt)
    reason = _check_reason(reason, masked)
    if kind is ExportKind.report:
        result = reports.report(station, period)
        tables = report_tables(result) if fmt is ExportFormat.xlsx else [report_csv_table(result)]
        rows = result.report.total.taken_in
    else:
        table = case_table(station, period, masked) if kind is ExportKind.cases else \
            evaluation_table(station, period, masked)
        tables, rows = [table], len(table.rows)
    data = xlsx_bytes(tables) if fmt is ExportFormat.xlsx else csv_bytes(tables[0])
    write_private_file(out, data)
    if kind is not ExportKind.report:
        with station.db.transaction():
            station.journal(StationEventType.data_exported, None, DataExported(
                kind=kind.value, period=period.key, rows=rows, format=fmt.value, masked=masked,
                reason=reason).encode())
            journal_store.log_access(station.db, at=station.clock.stamp(), operator=station.operator.login,
                                     action="export", case_no=None,
                                     detail=f"{kind.value}:{period.key}:{rows}:{'masked' if masked else 'unmasked'}")
    log.info("export %s %s %s: %d rows, %s", kind.value, period.key, fmt.value, rows,
             "masked" if masked else "unmasked")
    return Exported(path=out, rows=rows, masked=masked)


def today_period(station: Station) -> Period:
    t: date = station.today()
    return Period.month(t.year, t.month)
