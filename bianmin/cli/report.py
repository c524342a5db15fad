"""``bianmin report``: the station's figures for a day, a month or a period (an administrator's), in
total and broken down by item, operator, window or mode; ``--json`` for machines. Definitions of
every figure: docs/reports.md."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bianmin.cli.common import CliError, emit_json, open_station, out

if TYPE_CHECKING:
    from app.reports import Figures

_COUNTS = ("taken_in", "concluded", "on_time", "overdue_now", "rated", "bad", "bad_open", "bad_rectified",
           "bad_revisited", "assisted", "proxy", "home_visit", "work_team", "cross_region", "special",
           "consultations")


def add_parser(sub: argparse._SubParsersAction, common: Callable[..., None]) -> None:
    from app.reports import Dimension

    p = sub.add_parser("report", help="统计报表: the figures of a day, a month or a period (an administrator)")
    p.add_argument("period", nargs="?", help="YYYY-MM (a month), YYYY-MM-DD (a day) or FROM..TO "
                                             "(default: this month)")
    p.add_argument("--by", choices=[d.value for d in Dimension], action="append", default=[],
                   help="break the figures down (may be given more than once)")
    p.add_argument("--out", help="also write the figures to FILE.xlsx or FILE.csv")
    p.add_argument("--sheet", help="also write the printable monthly sheet (A4, with charts) to FILE.pdf")
    p.add_argument("--lang", choices=["zh", "bo"], help="the sheet's language (default: the station's)")
    common(p, json_flag=True)
    p.set_defaults(func=cmd_report)

    p = sub.add_parser("export", help="导出: the period's cases (办件清单) or ratings (好差评, national fields) to "
                                      "FILE.xlsx or FILE.csv, ID numbers and phones masked (an administrator)")
    p.add_argument("kind", choices=["cases", "evaluations"])
    p.add_argument("period", nargs="?", help="YYYY-MM, YYYY-MM-DD or FROM..TO (default: this month)")
    p.add_argument("--out", required=True, help="FILE.xlsx or FILE.csv")
    p.add_argument("--unmasked", action="store_true", help="whole ID numbers and phones (needs --reason; journaled)")
    p.add_argument("--reason", default="", help="why the list is exported (required with --unmasked)")
    common(p)
    p.set_defaults(func=cmd_export)


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


def cmd_report(args: argparse.Namespace) -> int:
    from app.labels import zh
    from app.reports import Period
    from app.services import reports

    station = open_station(args)
    try:
        today = station.today()
        period = Period.parse(args.period) if args.period else Period.month(today.year, today.month)
        result = reports.report(station, period)
        if args.out:
            written = _export(station, "report", period, args.out)
        if args.sheet:
            from printing import print_monthly

            print_monthly(station, period, lang=args.lang, out=Path(args.sheet))
    finally:
        station.close()
    if args.out:
        out(f"已导出：{written}")
    if args.sheet:
        out(f"已生成统计表：{args.sheet}")
    if args.json:
        emit_json(result.as_json())
        return 0
    r = result.report
    out(f"{result.station_name} 统计报表 {period.start.isoformat()} 至 {period.end.isoformat()}"
        f"（当前超期按 {today.isoformat()}）")
    _figures(r.total, zh)
    for dim in args.by:
        out()
        out(zh(dim, "Dimension"))
        for line in r.lines(dim):
            name = result.names.get(dim, {}).get(line.key) or zh(line.key, "HandlingMode")
            out(f"  {name}（{line.key}）")
            _figures(line.figures, zh, indent="    ")
    return 0


def _export(station: Any, kind: str, period: Any, target: str, masked: bool = True, reason: str = "") -> str:
    from app.services import exports

    path = Path(target)
    fmt = path.suffix.lower().lstrip(".")
    if fmt not in {f.value for f in exports.ExportFormat}:
        raise CliError(f"文件名应以 .xlsx 或 .csv 结尾：{target}")
    done = exports.export(station, kind, period, fmt, path, masked=masked, reason=reason)
    return f"{done.path}（{done.rows} 行{'' if done.masked else '，未遮盖证件号码和电话'}）"


def cmd_export(args: argparse.Namespace) -> int:
    from app.reports import Period

    station = open_station(args)
    try:
        today = station.today()
        period = Period.parse(args.period) if args.period else Period.month(today.year, today.month)
        written = _export(station, args.kind, period, args.out, masked=not args.unmasked, reason=args.reason)
    finally:
        station.close()
    out(f"已导出：{written}")
    return 0


def _figures(f: Figures, zh: Callable[..., str], indent: str = "  ") -> None:
    from app.reports import RATE_NAMES

    out(indent + "  ".join(f"{zh(n, 'Figure')} {getattr(f, n)}" for n in _COUNTS[:5]))
    out(indent + "  ".join(f"{zh(n, 'Figure')} {_percent(getattr(f, n))}" for n in RATE_NAMES))
    decisions = f.decisions
    out(indent + "  ".join(f"{zh(k, 'Decision')} {v}" for k, v in decisions.items()))
    ratings = f.ratings
    out(indent + "  ".join(f"{zh(k, 'Evaluation')} {v}" for k, v in ratings.items()))
    out(indent + "  ".join(f"{zh(n, 'Figure')} {getattr(f, n)}" for n in _COUNTS[5:]))
