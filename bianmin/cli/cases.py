"""Cases: ``case`` (list, search, show, amend, revoke), ``print`` (a document as PDF) and ``demo`` (demo cases)."""

from __future__ import annotations

import argparse
import stat
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from app.textcheck import visible
from bianmin.cli.common import (
    DUE_ZH,
    MATERIAL_ZH,
    MODE_ZH,
    RELATION_ZH,
    STATUS_ZH,
    CliError,
    emit_json,
    open_station,
    out,
)


def cmd_demo(args: argparse.Namespace) -> int:
    from bianmin.demo import cases as demo_cases

    station = open_station(args)
    try:
        result = demo_cases.generate(station, args.cases, seed=args.seed, batch=50)
    finally:
        station.close()
    if args.json:
        emit_json(result)
    else:
        out(f"已生成 {result.created} 个演示办件：" +
             "，".join(f"{STATUS_ZH.get(k, k)} {v}" for k, v in sorted(result.by_status.items())))
    return 0


def cmd_case(args: argparse.Namespace) -> int:
    from app.models import CaseStatus
    from app.services import cases, catalogue

    station = open_station(args)
    try:
        if args.case_command == "amend":
            changes: dict[str, str] = {}
            for given in args.changes:
                field, sep, value = given.partition("=")
                if not sep:
                    raise CliError(f"--set 应写成 字段=新值：{given}")
                changes[field.strip()] = value
            case = cases.amend(station, args.case_no, changes, args.reason)
            out(f"已更正办件 {case.case_no}：{'、'.join(changes)}"
                "（原值记入日志；补打的文书显示更正后的信息，标为副本）")
            return 0
        if args.case_command == "check":
            cases.check_commitment(station, args.case_no, args.result, args.note)
            found = "已履行承诺" if args.result == "fulfilled" else "违反承诺"
            out(f"已记录办件 {args.case_no} 的告知承诺核查：{found}")
            return 0
        if args.case_command == "revoke":
            case = cases.revoke_acceptance(station, args.case_no, args.reason)
            out(f"已撤销办件 {case.case_no} 的受理决定（{STATUS_ZH[case.status.value]}）；"
                f"请打印撤销受理决定通知书：bianmin print revocation {case.case_no} --out 文件.pdf")
            return 0
        if args.case_command == "show":
            case = cases.get_case(station, args.case_no)
            events = cases.case_journal(station, args.case_no)
            if args.json:
                emit_json({"case": case, "journal": [e.body() | {"hash": e.hash} for e in events],
                            "trips": cases.trips(station, args.case_no)})
            else:
                names: dict[str, str] = {}
                for item in case.items:
                    for m in catalogue.get_item(station, item.item_code, item.item_version).materials:
                        names[m.code] = m.name.zh
                _print_case(case, events, names)
            return 0
        if args.case_command == "search":
            rows = cases.search_cases(station, args.query, limit=args.limit)
        else:
            status = CaseStatus(args.status) if args.status else None
            day = date.fromisoformat(args.day) if args.day else None
            rows = cases.list_cases(station, status=status, day=day, item_code=args.item, limit=args.limit)
        if args.json:
            emit_json(rows)
        else:
            for r in rows:  # stored text is shown with control characters escaped (textcheck.visible)
                out(f"{r.case_no}  {STATUS_ZH[r.status.value]:<5} {visible(r.applicant_name):<8} "
                     f"{visible(r.id_masked):<20} {visible(r.items[:24]):<24} {DUE_ZH[r.due_state]}")
            if not rows:
                out("没有符合条件的办件")
    finally:
        station.close()
    return 0


def _print_case(case: Any, events: Sequence[Any], material_names: dict[str, str]) -> None:
    from app.identity import mask_id

    v = visible  # stored text, with control characters escaped
    out(f"办件编号：{case.case_no}    核验码：{case.verification_code}")
    out(f"状态：{STATUS_ZH[case.status.value]}    办理方式：{MODE_ZH[case.mode.value]}    窗口：{v(case.window)}")
    out(f"申请人：{v(case.applicant.name)}  {v(mask_id(case.applicant.id_number, case.applicant.id_type))}")
    if case.special_groups:
        from app.labels import zh

        out(f"特殊群体（优先办理）：{'、'.join(zh(g, 'SpecialGroup') for g in case.special_groups)}")
    if case.agent:
        relation = RELATION_ZH[case.agent.relation.value]
        out(f"代办人：{v(case.agent.name)}  {v(mask_id(case.agent.id_number))}  （{relation}）")
    for i in case.items:
        out(f"事项：{v(i.item_code)} {v(i.name)}（清单版本 {v(i.item_version)}）")
    if case.promised_due:
        out(f"承诺办结日期：{case.promised_due}    法定期限：{case.legal_due}")
    out("材料：")
    for m in case.materials:
        due = f"，补交期限 {m.due_date}" if m.due_date else ""
        out(f"  - {v(material_names.get(m.material_code, m.material_code))}：{MATERIAL_ZH[m.state.value]}{due}")
    out("办件日志：")
    for e in events:
        out(f"  {e.seq:>6}  {v(e.at)}  {v(e.type)}  {v(e.operator)}")


def _may_write(target: Path, force: bool) -> None:
    """Refuse an output path that is not a regular file (a device, a directory, a pipe, a link);
    ask before replacing a regular file (``--force``: replace without asking; no terminal to ask
    at: refuse)."""
    shown = visible(str(target))
    try:
        mode = target.lstat().st_mode
    except FileNotFoundError:
        return
    except OSError as exc:
        raise CliError(f"无法使用输出文件 {shown}（{exc.strerror or type(exc).__name__}）") from exc
    if not stat.S_ISREG(mode):
        raise CliError(f"{shown} 已存在，且不是普通文件（设备、目录、管道或链接），不会写入它。请换一个文件名。")
    if force:
        return
    if not sys.stdin.isatty():
        raise CliError(f"文件 {shown} 已存在，没有替换它。要替换请加 --force。")
    answer = input(f"文件 {shown} 已存在，替换它吗？[y/N] ")
    if answer.strip().lower() not in ("y", "yes", "是"):
        raise CliError(f"已取消：文件 {shown} 没有改动。")


def cmd_print(args: argparse.Namespace) -> int:
    """Write a document as PDF; the print (or reprint, marked as a copy) is journaled."""
    from printing import print_document

    target = Path(args.out).expanduser()
    _may_write(target, args.force)  # before the password: a refused path asks for nothing
    station = open_station(args)
    try:
        copy_no = print_document(station, args.kind, args.case_no, paper=args.paper, lang=args.lang, out=target)
    finally:
        station.close()
    out(f"已生成 {visible(str(target))}" + (f"（副本，第 {copy_no + 1} 次打印）" if copy_no else ""))
    return 0

