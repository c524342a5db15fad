"""``bianmin``: the counter's command line.  With no subcommand it opens the window."""

from __future__ import annotations

import argparse
import errno
import getpass
import json
import logging
import os
import stat
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from app.buildinfo import build_info
from app.config import PASSWORD_ENV, Paths
from app.errors import BianminError, DiskFull, StoreCorrupt, ValidationError
from app.messages import describe
from app.textcheck import is_clean, visible

log = logging.getLogger(__name__)

USER_ENV = "BIANMIN_USER"
NEW_PASSWORD_ENV = "BIANMIN_NEW_PASSWORD"
RECOVERY_ENV = "BIANMIN_RECOVERY_CODE"

STATUS_ZH = {
    "received": "已收件", "accepted": "已受理", "refused": "不予受理", "correction_requested": "待补正",
    "in_progress": "办理中", "special_procedure": "特别程序", "concluded": "已办结", "delivered": "已送达",
    "withdrawn": "已撤回",
}
MODE_ZH = {"in_person": "本人办理", "assisted": "帮办", "proxy": "代办", "home_visit": "上门服务"}
MATERIAL_ZH = {"received": "已收", "e_licence": "电子证照", "deferred": "容缺", "missing": "缺", "committed": "承诺"}
RELATION_ZH = {"family": "亲属", "village_cadre": "村干部", "work_team": "驻村工作队", "agency_clerk": "帮办代办员",
               "other": "其他"}
SYNC_ERRORS = {
    "sync.link_down": "连不上平台（网络中断或平台暂时不可用）",
    "sync.refused": "平台拒绝了请求（登记失效或时间相差太大）",
    "sync.protocol": "平台的应答不符合协议",
    "sync.not_enrolled": "本服务站尚未在平台登记（bianmin enrol）",
    "sync": "同步出错",
}
DUE_ZH = {"ok": "", "due_soon": "即将到期", "overdue": "已超期", None: ""}


class CliError(Exception):
    """A usage problem of the command line itself (exit code 2)."""


def _out(text: str = "") -> None:
    sys.stdout.write(text + "\n")


def _json_escape(ch: str) -> str:
    cp = ord(ch)
    if cp > 0xFFFF:  # JSON writes characters beyond the BMP as a surrogate pair
        cp -= 0x10000
        return f"\\u{0xD800 + (cp >> 10):04x}\\u{0xDC00 + (cp & 0x3FF):04x}"
    return f"\\u{cp:04x}"


def _emit_json(data: Any) -> None:
    """JSON on stdout; characters that would act on a terminal (C1 controls, bidi overrides, lone
    surrogates: json leaves them raw with ensure_ascii=False) are written as \\u escapes."""
    from app.models import to_jsonable

    text = json.dumps(to_jsonable(data), ensure_ascii=False, indent=2)
    if not is_clean(text, multiline=True):
        text = "".join(ch if is_clean(ch, multiline=True) else _json_escape(ch) for ch in text)
    sys.stdout.write(text + "\n")


# -- secrets ---------------------------------------------------------------------------------
def _read_secret_file(path: str) -> str:
    try:
        return Path(path).read_text("utf-8").splitlines()[0].strip()
    except (OSError, IndexError, UnicodeDecodeError) as exc:
        raise CliError(f"无法读取密码文件 {path}") from exc


def _password(args: argparse.Namespace, prompt: str = "密码：") -> str:
    if getattr(args, "password_file", None):
        return _read_secret_file(args.password_file)
    env = os.environ.get(PASSWORD_ENV)
    if env:
        return env
    if not sys.stdin.isatty():
        raise CliError(f"需要密码：请在终端输入，或设置 {PASSWORD_ENV}，或使用 --password-file")
    return getpass.getpass(prompt)


def _new_password(args: argparse.Namespace, prompt: str = "新密码：") -> str:
    if getattr(args, "new_password_file", None):
        return _read_secret_file(args.new_password_file)
    env = os.environ.get(NEW_PASSWORD_ENV)
    if env:
        return env
    if not sys.stdin.isatty():
        raise CliError(f"需要新密码：请在终端输入，或设置 {NEW_PASSWORD_ENV}，或使用 --new-password-file")
    first = getpass.getpass(prompt)
    if getpass.getpass("再输入一次：") != first:
        raise CliError("两次输入的密码不一致")
    return first


def _station_file(paths: Paths) -> Path:
    return paths.home / "station.json"


def _default_login(paths: Paths) -> str | None:
    try:
        return str(json.loads(_station_file(paths).read_text("utf-8")).get("default_login") or "") or None
    except (OSError, ValueError):
        return None


def _login(args: argparse.Namespace, paths: Paths) -> str:
    login = args.user or os.environ.get(USER_ENV) or _default_login(paths)
    if login:
        return str(login)
    if sys.stdin.isatty():
        return input("操作员账号：").strip()
    raise CliError(f"请用 --user 或 {USER_ENV} 指定操作员账号")


def _open(args: argparse.Namespace, check: str = "quick") -> Any:
    from app.errors import StationNotFound
    from app.station import Station

    paths = Paths.default()
    if not paths.keyfile.exists():
        raise StationNotFound(home=str(paths.home))
    return Station.open(paths, _login(args, paths), _password(args), check=check)


# -- commands --------------------------------------------------------------------------------
def cmd_init(args: argparse.Namespace) -> int:
    from app.keys import write_private_file
    from app.services import catalogue
    from app.station import Station

    paths = Paths.default()
    password = _new_password(args, "管理员密码：") if not os.environ.get(PASSWORD_ENV) and not args.password_file \
        else _password(args)
    station, recovery = Station.init(paths, station_code=args.station_code, station_name=args.station_name,
                                     admin_login=args.admin, admin_password=password, admin_name=args.admin_name)
    try:
        write_private_file(_station_file(paths), json.dumps({"default_login": args.admin}).encode())
        imported = None if args.no_sample_catalogue else catalogue.import_sample(station)
    finally:
        station.close()
    if args.json:
        _emit_json({"home": str(paths.home), "station_code": args.station_code, "recovery_code": recovery,
                    "catalogue": imported})
        return 0
    _out(f"服务站已建立：{args.station_name}（{args.station_code}）")
    _out(f"数据目录：{paths.home}")
    if imported:
        _out(f"已导入示例事项清单 {imported.version}：{imported.items} 个事项，{imported.bundles} 个“一件事”")
    _out("")
    _out("恢复码（只显示这一次，请打印或抄写后锁入保险柜；忘记密码时凭它恢复）：")
    _out(f"    {recovery}")
    return 0


def cmd_operator(args: argparse.Namespace) -> int:
    from app.models import Role
    from app.station import Station

    if args.op_command == "list":
        station = _open(args)
        try:
            ops = station.operators()
        finally:
            station.close()
        if args.json:
            _emit_json(ops)
        else:
            for o in ops:
                state = "停用" if not o.active else ("锁定" if o.locked_until else "正常")
                role = "管理员" if o.role is Role.admin else "窗口人员"
                _out(f"{o.login:<16} {visible(o.display_name):<10} {role:<6} {state}")
        return 0
    if args.op_command == "passwd":
        paths = Paths.default()
        me = _login(args, paths)
        target = args.login or me
        station = Station.open(paths, me, _password(args, "当前密码："))
        try:
            station.change_password(target, _new_password(args))
        finally:
            station.close()
        _out(f"已修改 {target} 的密码")
        return 0
    station = _open(args)
    try:
        if args.op_command == "add":
            op = station.add_operator(args.login, args.name or args.login, Role(args.role), _new_password(args))
            _out(f"已添加操作员 {op.login}（{'管理员' if op.role is Role.admin else '窗口人员'}）")
        elif args.op_command == "disable":
            station.disable_operator(args.login)
            _out(f"已停用操作员 {args.login}")
        elif args.op_command == "unlock":
            station.unlock_operator(args.login)
            _out(f"已解锁操作员 {args.login}")
    finally:
        station.close()
    return 0


def cmd_recover(args: argparse.Namespace) -> int:
    from app.station import Station

    paths = Paths.default()
    login = _login(args, paths)
    if args.code_file:
        code = _read_secret_file(args.code_file)
    elif os.environ.get(RECOVERY_ENV):
        code = os.environ[RECOVERY_ENV]
    elif sys.stdin.isatty():
        code = getpass.getpass("恢复码：")
    else:
        raise CliError(f"需要恢复码：请在终端输入，或设置 {RECOVERY_ENV}，或使用 --code-file")
    station = Station.recover(paths, code, login, _new_password(args))
    station.close()
    _out(f"已为 {login} 设置新密码")
    return 0


def cmd_rekey(args: argparse.Namespace) -> int:
    station = _open(args)
    try:
        station.rekey()
    finally:
        station.close()
    _out("数据密钥已更换，所有操作员的密码和恢复码仍然有效")
    return 0


def cmd_catalogue(args: argparse.Namespace) -> int:
    from app.services import catalogue

    station = _open(args)
    try:
        if args.cat_command == "import":
            v = catalogue.import_file(station, Path(args.file))
            _out(f"已导入事项清单 {v.version}：{v.items} 个事项，{v.bundles} 个“一件事”")
        elif args.cat_command == "search":
            hits = catalogue.search(station, args.query, limit=args.limit)
            if args.json:
                _emit_json(hits)
            else:
                for h in hits:
                    _out(f"{h.code:<24} {'[一件事] ' if h.kind == 'bundle' else ''}{h.name.zh}  {h.name.bo or ''}")
                if not hits:
                    _out("没有找到匹配的事项")
        elif args.cat_command == "show":
            try:
                item: Any = catalogue.get_item(station, args.code, args.version)
            except BianminError:
                item = catalogue.get_bundle(station, args.code, args.version)
            if args.json:
                _emit_json(item.body | {"version": item.version})
            else:
                _print_item(item.body, item.version)
        elif args.cat_command == "list":
            items = catalogue.list_items(station)
            if args.json:
                _emit_json([{"code": i.code, "version": i.version, "name": i.name} for i in items])
            else:
                for i in items:
                    _out(f"{i.code:<24} {i.name.zh}")
        elif args.cat_command == "versions":
            vs = catalogue.versions(station)
            if args.json:
                _emit_json(vs)
            else:
                for v in vs:
                    _out(f"{v.version:<12} {'当前' if v.active else '    '} {v.items:>4} 项 {v.published} {v.title}")
    finally:
        station.close()
    return 0


def _print_item(body: dict[str, Any], version: str) -> None:
    name = body["name"]
    _out(f"{body['code']}  {name['zh']}  (版本 {version})")
    if name.get("bo"):
        _out(f"    {name['bo']}")
    if "items" in body:
        _out("包含事项：" + "、".join(body["items"]))
        return
    _out(f"实施机关：{body['department']['zh']}")
    _out(f"设定依据：{body['legal_basis']}")
    _out(f"受理条件：{body['conditions']['zh']}")
    kind = "即办件" if body["handling"] == "instant" else "承诺件"
    _out(f"办件类型：{kind}    法定时限：{body['legal_days']} 个工作日    承诺时限：{body['promised_days']} 个工作日")
    _out(f"收费：{'收费 ' + body['fee'].get('standard', '') if body['fee']['charged'] else '不收费'}")
    _out("申请材料：")
    for m in body["materials"]:
        flags = ["必要" if m["required"] else "非必要"]
        if m["deferrable"]:
            flags.append("可容缺")
        if m.get("e_licence_type"):
            flags.append(f"可用{m['e_licence_type']}")
        _out(f"  - {m['name']['zh']}  原件 {m['originals']} 份，复印件 {m['copies']} 份（{'，'.join(flags)}）")


def cmd_demo(args: argparse.Namespace) -> int:
    from app.services import demo

    station = _open(args)
    try:
        result = demo.generate(station, args.cases, seed=args.seed, batch=50)
    finally:
        station.close()
    if args.json:
        _emit_json(result)
    else:
        _out(f"已生成 {result.created} 个演示办件：" +
             "，".join(f"{STATUS_ZH.get(k, k)} {v}" for k, v in sorted(result.by_status.items())))
    return 0


def cmd_case(args: argparse.Namespace) -> int:
    from app.models import CaseStatus
    from app.services import cases, catalogue

    station = _open(args)
    try:
        if args.case_command == "show":
            case = cases.get_case(station, args.case_no)
            events = cases.case_journal(station, args.case_no)
            if args.json:
                _emit_json({"case": case, "journal": [e.body() | {"hash": e.hash} for e in events],
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
            _emit_json(rows)
        else:
            for r in rows:  # stored text is shown with control characters escaped (textcheck.visible)
                _out(f"{r.case_no}  {STATUS_ZH[r.status.value]:<5} {visible(r.applicant_name):<8} "
                     f"{visible(r.id_masked):<20} {visible(r.items[:24]):<24} {DUE_ZH[r.due_state]}")
            if not rows:
                _out("没有符合条件的办件")
    finally:
        station.close()
    return 0


def _print_case(case: Any, events: Sequence[Any], material_names: dict[str, str]) -> None:
    from app.identity import mask_id

    v = visible  # stored text, with control characters escaped
    _out(f"办件编号：{case.case_no}    核验码：{case.verification_code}")
    _out(f"状态：{STATUS_ZH[case.status.value]}    办理方式：{MODE_ZH[case.mode.value]}    窗口：{v(case.window)}")
    _out(f"申请人：{v(case.applicant.name)}  {v(mask_id(case.applicant.id_number, case.applicant.id_type))}")
    if case.agent:
        relation = RELATION_ZH[case.agent.relation.value]
        _out(f"代办人：{v(case.agent.name)}  {v(mask_id(case.agent.id_number))}  （{relation}）")
    for i in case.items:
        _out(f"事项：{v(i.item_code)} {v(i.name)}（清单版本 {v(i.item_version)}）")
    if case.promised_due:
        _out(f"承诺办结日期：{case.promised_due}    法定期限：{case.legal_due}")
    _out("材料：")
    for m in case.materials:
        due = f"，补交期限 {m.due_date}" if m.due_date else ""
        _out(f"  - {v(material_names.get(m.material_code, m.material_code))}：{MATERIAL_ZH[m.state.value]}{due}")
    _out("办件日志：")
    for e in events:
        _out(f"  {e.seq:>6}  {v(e.at)}  {v(e.type)}  {v(e.operator)}")


def _may_write(out: Path, force: bool) -> None:
    """Refuse an output path that is not a regular file (a device, a directory, a pipe, a link);
    ask before replacing a regular file (``--force``: replace without asking; no terminal to ask
    at: refuse)."""
    shown = visible(str(out))
    try:
        mode = out.lstat().st_mode
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

    out = Path(args.out).expanduser()
    _may_write(out, args.force)  # before the password: a refused path asks for nothing
    station = _open(args)
    try:
        copy_no = print_document(station, args.kind, args.case_no, paper=args.paper, lang=args.lang, out=out)
    finally:
        station.close()
    _out(f"已生成 {visible(str(out))}" + (f"（副本，第 {copy_no + 1} 次打印）" if copy_no else ""))
    return 0


def cmd_settings(args: argparse.Namespace) -> int:
    from dataclasses import asdict, fields

    from app.services import settings

    station = _open(args)
    try:
        current = settings.load(station)
        if args.settings_command == "set":
            names = {f.name: f.type for f in fields(current)}
            if args.key not in names:
                raise CliError(f"没有这项设置：{args.key}（可用：{'、'.join(names)}）")
            value: object = args.value
            if names[args.key] in (int, "int"):
                try:
                    value = int(args.value)
                except ValueError as exc:
                    raise CliError(f"{args.key} 须为整数") from exc
            setattr(current, args.key, value)
            current = settings.save(station, current)
    finally:
        station.close()
    if getattr(args, "json", False):
        _emit_json(asdict(current))
    else:
        for key, value in asdict(current).items():
            _out(f"{key:<18} {value}")
    return 0


def cmd_enrol(args: argparse.Namespace) -> int:
    from sync import engine

    station = _open(args)
    try:
        engine.enrol(station, args.url, args.code, ca_bundle=args.ca_bundle)
    finally:
        station.close()
    _out(f"已在 {args.url} 登记本服务站，可以同步了")
    return 0


def cmd_sync(args: argparse.Namespace) -> int:
    from sync import engine

    station = _open(args)
    try:
        if args.sync_command == "status":
            return _sync_status(engine.status(station), as_json=args.json)
        if args.sync_command == "once" and getattr(args, "watch", False):
            return _sync_watch(station)
        if args.sync_command == "retry":
            released = engine.retry_quarantined(station, [int(s) for s in args.seq] or None)
            _out(f"已放回待发送队列：{released} 条")
            return 0
        report = engine.run_once(station)
        info = {"ok": report.ok, "pushed": report.pushed, "duplicates": report.duplicates,
                "rejected": report.rejected, "pulled": report.pulled, "applied": report.applied,
                "deferred": report.deferred, "error": report.error, **engine.status(station).as_dict()}
    finally:
        station.close()
    if args.json:
        _emit_json(info)
    elif info["ok"]:
        _out(f"同步完成：送出 {info['pushed']} 条（重复 {info['duplicates']}），被拒 {info['rejected']} 条；"
             f"收到 {info['pulled']} 条更新，待本地处理后再用 {info['deferred']} 条")
    else:
        _out(f"同步未完成：{SYNC_ERRORS.get(info['error'], info['error'])}。待发送 {info['waiting']} 条，"
             "稍后会自动重试。")
    return 0 if info["ok"] else 4


def _sync_status(status: Any, as_json: bool) -> int:
    """``bianmin sync status``: a ``sync.status.SyncStatus`` (``--json``: its fields in order)."""
    if as_json:
        _emit_json(status.as_dict())
        return 0
    _out(f"平台：{status.hub_url or '未登记'}    上次成功：{status.last_success or '从未'}")
    _out(f"待发送 {status.waiting} 条，已送达 {status.sent} 条，被拒 {len(status.quarantined)} 条")
    if status.last_error:
        _out(f"上次失败：{SYNC_ERRORS.get(status.last_error, status.last_error)}")
    for q in status.quarantined[:20]:
        _out(f"  被拒：#{q['seq']} {q['type']} {q['case_no'] or ''}（{q['reason']}）")
    return 0


def _sync_watch(station: Any) -> int:
    """Sync every few minutes; while the link is down, probe with backoff. Ends with Ctrl-C."""
    import time

    from sync import engine
    from sync.scheduler import SyncScheduler

    scheduler = SyncScheduler(run=lambda: engine.run_once(station), probe=lambda: engine.client_for(station).time())
    try:
        while True:
            report = scheduler.step()
            if report is not None:
                state = "完成" if report.ok else SYNC_ERRORS.get(report.error or "", report.error or "")
                _out(f"{time.strftime('%H:%M:%S')} 同步{state}：送出 {report.pushed} 条，收到 {report.pulled} 条；"
                     f"下次 {scheduler.seconds_to_next():.0f} 秒后")
            time.sleep(min(5.0, max(0.5, scheduler.seconds_to_next())))
    except KeyboardInterrupt:
        return 0


def _mb(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB"


def _print_summary(summary: Any) -> None:
    _out(f"离线包 {summary.bundle_id}（{summary.created_at} 导出）")
    _out(f"来自服务站：{summary.station_name}（{summary.station}），区域 {summary.region}")
    _out(f"办件 {summary.cases} 件，日志事件 {summary.events} 条（第 {summary.first_seq}–{summary.last_seq} 条），"
         f"扫描材料 {summary.attachments} 份（{_mb(summary.attachment_bytes)}），文件 {_mb(summary.size)}")
    _out("签名与完整性校验通过（内容已加密，只有平台能读取）")
    if summary.state == "delivered":
        _out(f"本站已于 {summary.delivered_at} 将它送达平台")
    elif summary.state == "uploading":
        _out(f"上次转交中断，平台已收到 {summary.offset * 100 // max(1, summary.size)}%，再次导入将从断点继续")


def cmd_bundle(args: argparse.Namespace) -> int:
    """Offline bundles: export (work team's laptop), show/import (township centre), ack (laptop)."""
    station = _open(args)
    try:
        return _bundle(args, station)
    except OSError as exc:  # the stick was pulled out, a read-only or full disk, no such directory
        name = exc.filename or getattr(args, "file", "")
        sys.stderr.write(f"读写文件失败：{name}（{exc.strerror or type(exc).__name__}）。本站已保存的数据没有改动。\n")
        return 1
    finally:
        station.close()


def _bundle(args: argparse.Namespace, station: Any) -> int:
    from dataclasses import asdict

    from app.errors import SyncError
    from sync import bundles

    if args.bundle_command == "export":
        result = bundles.export_bundle(station, Path(args.file), since=args.since)
        if args.json:
            _emit_json(asdict(result))
        else:
            _out(f"已导出离线包 {result.path}：办件 {result.cases} 件，日志事件 {result.events} 条，"
                 f"扫描材料 {result.attachments} 份，共 {_mb(result.size)}")
            _out("内容已为平台加密并由本机签名。导出不算送达：本机联网后仍会自己同步，平台只保留一份。")
        return 0
    if args.bundle_command == "show":
        summary = bundles.inspect(station, Path(args.file))
        if args.json:
            _emit_json(asdict(summary))
        else:
            _print_summary(summary)
        return 0
    if args.bundle_command == "import":
        def progress(at: int, size: int) -> None:
            if not args.json and sys.stderr.isatty():
                sys.stderr.write(f"\r转交平台 {at * 100 // max(1, size)}%")
                sys.stderr.flush()

        try:
            imported = bundles.import_bundle(station, Path(args.file), ack_path=args.ack, progress=progress)
            if not args.json and sys.stderr.isatty():
                sys.stderr.write("\n")
        except SyncError as exc:
            info = bundles.inspect_record(station, Path(args.file))
            sys.stderr.write(describe(exc) + "\n")
            if info is not None:
                sys.stderr.write(f"平台已收到 {info['offset'] * 100 // max(1, info['size'])}%，"
                                 "再次运行本命令将从断点继续。\n")
            return 4
        if args.json:
            _emit_json(asdict(imported))
        else:
            s = imported.summary
            _out(f"已转交平台：服务站 {s.station_name}（{s.station}）的办件 {s.cases} 件、日志事件 {s.events} 条、"
                 f"扫描材料 {s.attachments} 份")
            _out(f"平台新收 {imported.stored} 条，此前已有 {imported.duplicate} 条，拒收 {imported.rejected} 条；"
                 f"扫描材料 {imported.attachments} 份")
            _out(f"平台回执已写入 {imported.ack_path}：请交给工作队，在原电脑上运行 bianmin bundle ack 回执文件")
        return 0
    if args.bundle_command == "ack":
        acked = bundles.apply_ack(station, Path(args.file))
        if args.json:
            _emit_json(asdict(acked))
        else:
            _out(f"平台回执已核验：离线包 {acked.bundle_id} 中的 {acked.marked_sent} 条日志事件、"
                 f"{acked.attachments_done} 份扫描材料标记为已送达" +
                 (f"，{acked.quarantined} 条被平台拒收（见 bianmin sync status）" if acked.quarantined else ""))
            _out(f"仍待发送 {acked.waiting} 条")
        return 0
    listed = {"exported": bundles.exports(station), "imported": bundles.imports(station)}
    if args.json:
        _emit_json(listed)
    else:
        for r in listed["exported"]:
            state = f"平台回执 {r['acked_at']}" if r.get("acked_at") else "尚无回执"
            _out(f"导出 {r['bundle_id']}  {r['created_at']}  日志事件 {r['events']} 条  扫描材料 "
                 f"{r['attachments']} 份  {state}")
        for r in listed["imported"]:
            state = f"已于 {r.get('delivered_at')} 送达" if r.get("state") == "delivered" else \
                f"转交中断（{r['offset'] * 100 // max(1, r['size'])}%）"
            _out(f"转交 {r['bundle_id']}  服务站 {r['station_name']}（{r['station']}）  办件 {r['cases']} 件  "
                 f"{state}")
        if not listed["exported"] and not listed["imported"]:
            _out("本站还没有导出或转交过离线包")
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    from app.services.verify import verify

    station = _open(args, check="none")
    try:
        report = verify(station)
    finally:
        station.close()
    if args.json:
        _emit_json(report.as_dict())
    else:
        _out(f"日志事件 {report.events} 条，办件 {report.cases} 个")
        if report.ok:
            _out("校验通过：数据库完整，日志哈希链完好")
        if not report.recorded:
            _out("（磁盘已满或不可写：本次校验没有记入办件日志）")
        else:
            for p in report.store_problems:
                _out(f"数据库问题：{p}")
            if report.chain_break:
                _out(f"日志哈希链在第 {report.chain_break.seq} 条事件处断开（{report.chain_break.reason}）")
            for c in report.cases_without_intake:
                _out(f"办件 {c} 没有收件日志")
    return 0 if report.ok else 1


def cmd_backup(args: argparse.Namespace) -> int:
    from app import backup as backups

    station = _open(args)
    try:
        path = backups.write(station, Path(args.file))
    finally:
        station.close()
    _out(f"备份已写入 {path}（已加密，需当时的密码或恢复码才能恢复）")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from app import backup as backups

    paths = Paths.default()
    manifest = backups.read_manifest(Path(args.file))
    if args.recovery:
        code = os.environ.get(RECOVERY_ENV) or (getpass.getpass("恢复码：") if sys.stdin.isatty() else "")
        if not code:
            raise CliError(f"需要恢复码：请在终端输入，或设置 {RECOVERY_ENV}")
        backups.restore(paths, Path(args.file), code, login=None)
    else:
        backups.restore(paths, Path(args.file), _password(args), login=_login(args, paths))
    _out(f"已从备份恢复（{manifest.get('created_at')}，服务站 {manifest.get('station_code')}）")
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    from app import backup as backups
    from app.services import cases
    from app.workdays import national_data_last_year

    station = _open(args)
    try:
        due = cases.due_report(station)
        info = {"station_code": station.station_code, "station_name": station.station_name,
                "home": str(station.paths.home), "operator": station.operator.login,
                "cases": int(station.db.scalar("SELECT count(*) FROM cases", default=0)),
                "due": {k: len(v) for k, v in due.items()}, "rates": cases.rates(station),
                "backups": [p.name for p in backups.list_backups(station.paths)][-3:],
                "national_holidays_until": national_data_last_year()}
    finally:
        station.close()
    if args.json:
        _emit_json(info)
    else:
        _out(f"{info['station_name']}（{info['station_code']}）  操作员 {info['operator']}")
        _out(f"办件 {info['cases']} 个；即将到期 {info['due']['due_soon']}，已超期 {info['due']['overdue']}；"
             f"容缺材料即将到期 {info['due']['deferred_due_soon']}，已超期 {info['due']['deferred_overdue']}")
        last = info["national_holidays_until"]
        if last <= date.today().year:
            _out(f"注意：全国节假日数据只到 {last} 年，之后的期限按周一至周五加本区节日计算，请及时更新。")
        r = info["rates"]
        _out(f"最多跑一次比例 {r['at_most_one_trip_rate']:.1%}，即办件比例 {r['instant_rate']:.1%}")
    return 0


SELF_TEST_STEPS = {
    "station": "建立临时服务站（加密数据库、操作员口令）",
    "catalogue": "导入并检索示例事项清单（中文、拼音、首字母）",
    "case": "通过业务服务受理一件办件",
    "receipt": "生成受理凭证 PDF（中文、藏文，字体已嵌入）",
    "window": "图形界面组件：字体、藏文界面、读回受理凭证",
    "sync": "与本机临时平台同步（登记、签名、推送、拉取）",
    "journal": "校验办件日志哈希链",
    "cleanup": "删除全部临时文件",
}


def cmd_self_test(args: argparse.Namespace) -> int:
    from app import selftest

    extra: list[tuple[str, selftest.StepFn]] = []
    try:
        from ui.selftest import window_step
    except ImportError as exc:  # Qt or one of its system libraries is missing: the window cannot open
        missing = str(exc)

        def window_step(ctx: selftest.Context) -> dict[str, Any]:
            raise AssertionError(f"qt_missing: {missing}")
    extra.append(("window", window_step))
    _out(f"{build_info().line()}：安装自检（在临时目录中进行，不碰本机服务站的数据）")

    def show(step: selftest.Step) -> None:
        mark = "通过" if step.ok else ("未运行" if step.error == "skipped" else "失败")
        label = SELF_TEST_STEPS.get(step.code, step.code)
        why = "" if step.ok or step.error == "skipped" else f"：{step.error}"
        _out(f"  [{mark}] {label}  {step.seconds:.1f} 秒{why}")
        if step.ok and args.verbose and step.detail:
            _out(f"         {json.dumps(step.detail, ensure_ascii=False)}")

    steps = selftest.run(extra, report=show)
    if all(s.ok for s in steps):
        _out("自检通过：这台电脑可以使用便民服务台。")
        return 0
    _out("自检未通过。请把以上内容交给县里的信息技术人员。")
    return 1


def cmd_window(args: argparse.Namespace) -> int:
    try:
        from ui.main import run
    except ImportError as exc:  # Qt's system libraries are missing (a server with no desktop)
        log.warning("window not available: %s", exc)
        paths = Paths.default()
        _out("这台电脑缺少打开柜台窗口所需的图形组件（见 README「What the desktop needs」）。现在可以使用命令行：")
        if not paths.keyfile.exists():
            _out("  bianmin init --station-code 540127100000 --station-name 工卡镇便民服务中心 --admin admin")
        _out("  bianmin demo --cases 50    bianmin case list    bianmin --help")
        return 1
    return int(run(demo=args.demo))


# -- parser ----------------------------------------------------------------------------------
def _common(p: argparse.ArgumentParser, json_flag: bool = False) -> None:
    p.add_argument("--user", "-u", help=f"operator login (or {USER_ENV})")
    p.add_argument("--password-file", help=f"file whose first line is the password (or {PASSWORD_ENV})")
    if json_flag:
        p.add_argument("--json", action="store_true", help="machine-readable output")


def _top_flags(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    parser.add_argument("--self-test", action="store_true",
                        help="check this installation in a temporary directory (the station's data is not touched)")
    parser.add_argument("--verbose", "-v", action="store_true")
    parser.add_argument("--demo", action="store_true",
                        help="with no command: open the window, setting up a demo station if there is none")
    return parser


WINDOW_FLAGS = frozenset({"--self-test", "--verbose", "-v", "--demo"})


def window_parser() -> argparse.ArgumentParser:
    """Only the flags of the window and the self-test: building every command's parser costs the
    window's start about 20 ms (bench/startup.py)."""
    return _top_flags(argparse.ArgumentParser(prog="bianmin"))


def build_parser() -> argparse.ArgumentParser:
    from app.models import CaseStatus, Role

    parser = argparse.ArgumentParser(prog="bianmin", description="便民服务台 Bianmin Counter")
    parser.add_argument("--version", action="version", version=build_info().line())
    _top_flags(parser)
    sub = parser.add_subparsers(dest="command")

    p = sub.add_parser("init", help="set up a new station")
    p.add_argument("--station-code", required=True, help="12-digit administrative division code")
    p.add_argument("--station-name", required=True)
    p.add_argument("--admin", required=True, help="login of the first administrator")
    p.add_argument("--admin-name", default="")
    p.add_argument("--no-sample-catalogue", action="store_true")
    p.add_argument("--password-file")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_init)

    p = sub.add_parser("operator", help="operators and roles")
    osub = p.add_subparsers(dest="op_command", required=True)
    q = osub.add_parser("add")
    q.add_argument("login")
    q.add_argument("--name", default="")
    q.add_argument("--role", choices=[r.value for r in Role], default=Role.clerk.value)
    q.add_argument("--new-password-file")
    _common(q)
    q = osub.add_parser("list")
    _common(q, json_flag=True)
    for name in ("disable", "unlock"):
        q = osub.add_parser(name)
        q.add_argument("login")
        _common(q)
    q = osub.add_parser("passwd")
    q.add_argument("login", nargs="?")
    q.add_argument("--new-password-file")
    _common(q)
    p.set_defaults(func=cmd_operator)

    p = sub.add_parser("recover", help="set a new password with the recovery code")
    p.add_argument("--code-file")
    p.add_argument("--new-password-file")
    _common(p)
    p.set_defaults(func=cmd_recover)

    p = sub.add_parser("rekey", help="rotate the data key")
    _common(p)
    p.set_defaults(func=cmd_rekey)

    p = sub.add_parser("catalogue", help="the service item catalogue")
    csub = p.add_subparsers(dest="cat_command", required=True)
    q = csub.add_parser("import")
    q.add_argument("file")
    _common(q)
    q = csub.add_parser("search")
    q.add_argument("query")
    q.add_argument("--limit", type=int, default=20)
    _common(q, json_flag=True)
    q = csub.add_parser("show")
    q.add_argument("code")
    q.add_argument("--version", dest="version", default=None)
    _common(q, json_flag=True)
    for name in ("list", "versions"):
        q = csub.add_parser(name)
        _common(q, json_flag=True)
    p.set_defaults(func=cmd_catalogue)

    p = sub.add_parser("demo", help="make realistic demo cases through the real services")
    p.add_argument("--cases", type=int, default=50)
    p.add_argument("--seed", type=int, default=2026)
    _common(p, json_flag=True)
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("case", help="cases")
    ksub = p.add_subparsers(dest="case_command", required=True)
    q = ksub.add_parser("list")
    q.add_argument("--status", choices=[s.value for s in CaseStatus])
    q.add_argument("--day", help="YYYY-MM-DD")
    q.add_argument("--item")
    q.add_argument("--limit", type=int, default=50)
    _common(q, json_flag=True)
    q = ksub.add_parser("search")
    q.add_argument("query")
    q.add_argument("--limit", type=int, default=50)
    _common(q, json_flag=True)
    q = ksub.add_parser("show")
    q.add_argument("case_no")
    _common(q, json_flag=True)
    p.set_defaults(func=cmd_case)

    p = sub.add_parser("print", help="a document of a case as PDF")
    p.add_argument("kind", choices=["receipt", "correction", "refusal", "deferral", "commitment", "authorisation",
                                    "collection"])
    p.add_argument("case_no")
    p.add_argument("--paper", choices=["a4", "a5", "80mm"], default="a4")
    p.add_argument("--lang", choices=["zh", "bo"], default=None, help="default: the station's language")
    p.add_argument("--out", required=True, help="PDF file to write")
    p.add_argument("--force", "--overwrite", action="store_true", help="replace an existing file without asking")
    _common(p)
    p.set_defaults(func=cmd_print)

    p = sub.add_parser("settings", help="station settings: language (zh|bo), printer, paper, idle lock, font scale")
    ssub = p.add_subparsers(dest="settings_command", required=True)
    q = ssub.add_parser("show")
    _common(q, json_flag=True)
    q = ssub.add_parser("set")
    q.add_argument("key")
    q.add_argument("value")
    _common(q)
    p.set_defaults(func=cmd_settings)

    p = sub.add_parser("enrol", help="enrol this station with the regional platform (one-time code)")
    p.add_argument("url")
    p.add_argument("code")
    p.add_argument("--ca-bundle", help="PEM file of the regional CA, instead of the system's")
    _common(p)
    p.set_defaults(func=cmd_enrol)

    p = sub.add_parser("sync", help="sync with the regional platform")
    p.add_argument("--once", action="store_true", help="one round now (the default)")
    p.add_argument("--watch", action="store_true", help="keep syncing: every 5 minutes, backoff while the link is down")
    p.add_argument("--json", action="store_true")
    p.set_defaults(sync_command="once")
    ysub = p.add_subparsers(dest="sync_command")
    q = ysub.add_parser("status")
    _common(q, json_flag=True)
    q = ysub.add_parser("retry", help="send quarantined events again after the cause was fixed")
    q.add_argument("seq", nargs="*")
    _common(q, json_flag=True)
    _common(p)
    p.set_defaults(func=cmd_sync)

    p = sub.add_parser("bundle", help="offline bundles: carry unsent work to a place with a link")
    bsub = p.add_subparsers(dest="bundle_command", required=True)
    q = bsub.add_parser("export", help="write unsent events and scans into FILE (encrypted for the platform, signed)")
    q.add_argument("file")
    q.add_argument("--since", type=int, default=None, metavar="SEQ",
                   help="every journal event after SEQ (sent or not), instead of the unsent ones")
    _common(q, json_flag=True)
    q = bsub.add_parser("show", help="check a bundle and say whose work it carries")
    q.add_argument("file")
    _common(q, json_flag=True)
    q = bsub.add_parser("import", help="check a bundle and forward it to the platform (resumes when interrupted)")
    q.add_argument("file")
    q.add_argument("--ack", default=None, metavar="PATH", help="where to write the platform's ack (FILE.ack)")
    _common(q, json_flag=True)
    q = bsub.add_parser("ack", help="mark what the platform's ack says it received as sent")
    q.add_argument("file")
    _common(q, json_flag=True)
    q = bsub.add_parser("list", help="bundles exported or forwarded here")
    _common(q, json_flag=True)
    p.set_defaults(func=cmd_bundle)

    p = sub.add_parser("verify", help="check the store and the journal's hash chain")
    _common(p, json_flag=True)
    p.set_defaults(func=cmd_verify)

    p = sub.add_parser("backup", help="write an encrypted backup")
    p.add_argument("file")
    _common(p)
    p.set_defaults(func=cmd_backup)

    p = sub.add_parser("restore", help="restore an encrypted backup")
    p.add_argument("file")
    p.add_argument("--recovery", action="store_true", help="open the backup with its recovery code")
    _common(p)
    p.set_defaults(func=cmd_restore)

    p = sub.add_parser("status", help="station summary")
    _common(p, json_flag=True)
    p.set_defaults(func=cmd_status)
    return parser


_FULL_DISK = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG})


def _full_disk(exc: BaseException | None) -> bool:
    """True when ``exc``, or an exception it was raised from or while handling, is a full disk."""
    seen = 0
    while exc is not None and seen < 20:
        if isinstance(exc, OSError) and exc.errno in _FULL_DISK:
            return True
        exc, seen = exc.__cause__ or exc.__context__, seen + 1
    return False


def main(argv: Sequence[str] | None = None) -> int:
    from app import crash, logs

    arguments = list(sys.argv[1:] if argv is None else argv)
    parser = window_parser() if set(arguments) <= WINDOW_FLAGS else build_parser()
    args = parser.parse_args(arguments)
    paths = Paths.default()
    # The self-test leaves the station's data directory alone, its logs included.
    logs.setup(None if args.self_test else paths, verbose=args.verbose)
    uninstall = crash.install(paths)
    func: Callable[[argparse.Namespace], int] = getattr(args, "func", cmd_self_test if args.self_test else cmd_window)
    try:
        return func(args)
    except StoreCorrupt as exc:
        sys.stderr.write(describe(exc) + "\n")
        return 3
    except (BianminError, ValidationError) as exc:
        sys.stderr.write(describe(exc) + "\n")
        return 1
    except CliError as exc:
        sys.stderr.write(f"{exc}\n")
        return 2
    except KeyboardInterrupt:
        sys.stderr.write("已取消\n")
        return 130
    except BrokenPipeError:  # output piped into `head` and the like
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except OSError as exc:
        if _full_disk(exc):  # a write the core did not turn into DiskFull (key file, a document)
            sys.stderr.write(describe(DiskFull(str(exc.errno))) + "\n")
            return 1
        crash.handle(paths, exc)
        return 70
    except Exception as exc:  # a bug: a report without personal data, and a plain word for the person
        crash.handle(paths, exc)
        return 70
    finally:
        uninstall()
        logs.shutdown()


if __name__ == "__main__":
    raise SystemExit(main())
