"""``bianmin ratings``: the 差评 work list (好差评 loop: a bad rating's rectification, then its
revisit), ``ratings rectify CASE_NO --note TEXT`` and ``ratings revisit CASE_NO --result R --method M``
(``app.services.cases.evaluation``)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from app.textcheck import visible
from bianmin.cli.common import emit_json, open_station, out


def add_parser(sub: Any, common: Callable[..., None]) -> None:
    """The ``ratings`` command and its subcommands, on the parser's subcommands ``sub``."""
    from app.models import RevisitMethod, RevisitResult

    p = sub.add_parser("ratings", help="差评 work list: bad ratings to rectify (整改) and revisit (回访); "
                                       "open ones unless --all")
    rsub = p.add_subparsers(dest="ratings_command")
    q = rsub.add_parser("list", help="the open 差评 (not yet revisited), the soonest rectification due first")
    q.add_argument("--all", action="store_true", help="revisited ones too")
    common(q, json_flag=True)
    q = rsub.add_parser("rectify", help="差评整改: record what was put right after a bad rating")
    q.add_argument("case_no")
    q.add_argument("--note", required=True, help="what was put right")
    common(q)
    q = rsub.add_parser("revisit", help="差评回访: record the citizen's answer when asked again after the "
                                        "rectification")
    q.add_argument("case_no")
    q.add_argument("--result", required=True, choices=[r.value for r in RevisitResult])
    q.add_argument("--method", required=True, choices=[m.value for m in RevisitMethod])
    q.add_argument("--note", default="")
    common(q)
    p.add_argument("--all", action="store_true", help="revisited ones too")
    common(p, json_flag=True)
    p.set_defaults(func=cmd_ratings, ratings_command="list")


def _state(item: Any, today: Any) -> str:
    from app.labels import zh

    f = item.facts
    if f.revisited_at is not None:
        return f"已回访：{zh(f.revisit_result, 'RevisitResult')}（{zh(f.revisit_method, 'RevisitMethod')}）"
    if f.rectified_at is not None:
        return "已整改，待回访"
    return "已超期未整改" if item.overdue(today) else "待整改"


def cmd_ratings(args: argparse.Namespace) -> int:
    from app.labels import zh
    from app.services import cases

    station = open_station(args)
    try:
        if args.ratings_command == "rectify":
            cases.rectify(station, args.case_no, args.note)
            out(f"已记录办件 {args.case_no} 的差评整改；整改后请回访申请人（bianmin ratings revisit）")
            return 0
        if args.ratings_command == "revisit":
            f = cases.revisit(station, args.case_no, args.result, args.method, args.note)
            out(f"已记录办件 {args.case_no} 的差评回访：{zh(f.revisit_result, 'RevisitResult')}"
                f"（{zh(f.revisit_method, 'RevisitMethod')}），差评整改回访结束")
            return 0
        listed, total = cases.bad_ratings(station, open_only=not args.all)
        today = station.today()
    finally:
        station.close()
    if args.json:
        emit_json({"total": total, "ratings": [{
            "case_no": b.case_no, "applicant_name": b.applicant_name, "items": b.items, "level": b.facts.bad,
            "rated_at": b.facts.bad_at, "rating": b.facts.rating, "rectify_due": b.facts.rectify_due,
            "overdue": b.overdue(today), "rectified_at": b.facts.rectified_at, "rectify_note": b.facts.rectify_note,
            "revisited_at": b.facts.revisited_at, "revisit_result": b.facts.revisit_result or None,
            "revisit_method": b.facts.revisit_method or None, "revisit_note": b.facts.revisit_note,
        } for b in listed]})
        return 0
    heading = f"差评 {total} 件" if args.all else f"差评待整改回访 {total} 件"
    if total > len(listed):
        heading += f"（显示前 {len(listed)} 件）"
    out(heading)
    for b in listed:
        due = b.facts.rectify_due or "—"
        out(f"{b.case_no}  {visible(b.applicant_name)}  {visible(b.items)}")
        out(f"  {zh(b.facts.bad or '', 'Evaluation')}  整改期限 {due}  {_state(b, today)}")
    return 0
