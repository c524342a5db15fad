"""``bianmin-hub report``: the stations' figures (统计报表) counted from the events they pushed, one line
per station, then each county (区县, the first six digits of a station's code) and the total of the
stations asked; ``--json`` for machines (each station as its own ``bianmin report --json``), ``--out``
for a workbook comparing the stations. Counted by ``hub.reports``; definitions: docs/reports.md.

The figures name no person: no name, ID number or phone of an applicant is read into them."""

from __future__ import annotations

import argparse
import json
import re
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

from app.clock import CHINA_TZ
from app.errors import ValidationError
from app.labels import zh
from app.reports import Figures, Period
from hub.cli.common import CliError, engine, out

if TYPE_CHECKING:
    from app.services.exports import Table
    from hub.reports import HubReport

_SHEET_HEAD = ["级别", "代码", "名称", "统计期间"]
_RATES = ("instant_rate", "on_time_rate", "one_trip_rate", "satisfaction_rate")  # as supervision reads them


def _period(text: str | None, today: date) -> Period:
    if not text:
        return Period.month(today.year, today.month)
    try:
        return Period.parse(text)
    except ValidationError:
        raise CliError(f"统计期间应为 YYYY-MM（一个月）、YYYY-MM-DD（一天）或 起..止（至多三年）：{text}") from None


def _today(text: str | None) -> date:
    if not text:
        return datetime.now(CHINA_TZ).date()
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise CliError(f"--today 应为 YYYY-MM-DD：{text}") from None


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


def _line(f: Figures) -> str:
    counts = "  ".join(f"{zh(n, 'Figure')} {getattr(f, n)}" for n in ("taken_in", "concluded"))
    rates = "  ".join(f"{zh(n, 'Figure')} {_percent(getattr(f, n))}" for n in _RATES)
    return (f"{counts}  {rates}  {zh('bad', 'Figure')} {f.bad}（已回访 {f.bad_revisited}）"
            f"  {zh('consultations', 'Figure')} {f.consultations}")


def cmd_report(args: argparse.Namespace) -> int:
    # Read when asked for: the replay, the fold and the workbook are no part of the other commands.
    from app.services.exports import xlsx_bytes
    from hub import reports

    codes: Sequence[str] | None = args.station or None
    for code in codes or ():
        if not re.fullmatch(r"\d{12}", code):
            raise CliError(f"站点代码应为 12 位数字：{code}")
    today = _today(args.today)
    period = _period(args.period, today)
    if args.out and not args.out.lower().endswith(".xlsx"):
        raise CliError(f"文件名应以 .xlsx 结尾：{args.out}")
    # The twelve months' trend (per_month) replays a year's concluded cases: only where it is shown.
    trend = bool(args.json or args.out) and not args.no_trend
    with Session(engine(args.db)) as session:
        try:
            result = reports.report(session, period, today, codes, trend=trend)
        except KeyError as exc:
            raise CliError(f"枢纽上没有站点 {exc.args[0]}（尚未登记，或代码有误）") from None
    if args.out:
        path = Path(args.out)
        try:
            path.write_bytes(xlsx_bytes(tables(result)))
        except OSError as exc:
            raise CliError(f"无法写入 {args.out}：{exc.strerror or exc}") from exc
    if args.json:
        out(json.dumps(result.as_json(), ensure_ascii=False, indent=2))
        return 0
    out(f"统计报表 {period.start.isoformat()} 至 {period.end.isoformat()}（当前超期按 {today.isoformat()}）")
    for s in result.stations:
        out(f"{s.station_code} {s.station_name}  {_line(s.report.total)}")
    for r in result.regions:
        out(f"区县 {r.code}（{len(r.stations)} 个站点）  {_line(r.report.total)}")
    out(f"合计（{len(result.total.stations)} 个站点）  {_line(result.total.report.total)}")
    if result.skipped:
        out(f"另有 {len(result.skipped)} 件办件的记录无法重放，未计入（见日志）")
    if args.out:
        out(f"已导出：{args.out}")
    return 0


def tables(result: HubReport) -> list[Table]:
    """The workbook: one sheet comparing the stations (a row per station, per county and the total),
    then one sheet per station with its total and every breakdown's lines (as ``bianmin report --out
    FILE.csv`` writes them), then the twelve months' on-time trend of each station when it was counted."""
    from app.services.exports import Table, figure_header, figure_values, report_csv_table

    span = f"{result.period.start.isoformat()}至{result.period.end.isoformat()}"
    rows: list[list[Any]] = [["站点", s.station_code, s.station_name, span, *figure_values(s.report.total)]
                             for s in result.stations]
    rows += [["区县", r.code, f"{len(r.stations)} 个站点", span, *figure_values(r.report.total)]
             for r in result.regions]
    rows.append(["合计", "", f"{len(result.total.stations)} 个站点", span, *figure_values(result.total.report.total)])
    out = [Table("站点对比", [*_SHEET_HEAD, *figure_header()], rows)]
    for s in result.stations:
        one = report_csv_table(s)
        out.append(Table(s.station_code, one.header, one.rows))
    if result.total.report.per_month:
        months = [m for m, _c, _o in result.total.report.per_month]
        trend_rows = [[s.station_code, s.station_name, *(f"{o}/{c}" for _m, c, o in s.report.per_month)]
                      for s in result.stations]
        trend_rows.append(["合计", "", *(f"{o}/{c}" for _m, c, o in result.total.report.per_month)])
        out.append(Table("每月按时办结", ["代码", "名称", *(f"{m} 按时/办结" for m in months)], trend_rows))
    return out
