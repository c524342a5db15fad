"""The station itself: ``init``, ``operator``, ``recover``, ``rekey``, ``verify``, ``backup``,
``restore``, ``status``."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from pathlib import Path
from typing import Any

from app.config import PASSWORD_ENV, Paths
from app.textcheck import visible
from bianmin.cli.common import (
    RECOVERY_ENV,
    CliError,
    ask_new_password,
    ask_password,
    emit_json,
    open_station,
    operator_login,
    out,
    read_secret_file,
    station_file,
)


def cmd_init(args: argparse.Namespace) -> int:
    from app.keys import write_private_file
    from app.services import catalogue
    from app.station import Station

    paths = Paths.default()
    password = ask_new_password(args, "管理员密码：") if not os.environ.get(PASSWORD_ENV) and not args.password_file \
        else ask_password(args)
    station, recovery = Station.init(paths, station_code=args.station_code, station_name=args.station_name,
                                     admin_login=args.admin, admin_password=password, admin_name=args.admin_name,
                                     device_no=args.device, device_name=args.device_name)
    try:
        write_private_file(station_file(paths), json.dumps({"default_login": args.admin}).encode())
        imported = None if args.no_sample_catalogue else catalogue.import_sample(station)
        device = _device(station)
    finally:
        station.close()
    if args.json:
        emit_json({"home": str(paths.home), "station_code": args.station_code, "recovery_code": recovery,
                    "catalogue": imported, "device": device})
        return 0
    out(f"服务站已建立：{args.station_name}（{args.station_code}）")
    out(f"本机：{device['no']}号设备，{visible(device['window'])}")
    out(f"数据目录：{paths.home}")
    if imported:
        out(f"已导入示例事项清单 {imported.version}：{imported.items} 个事项，{imported.bundles} 个“一件事”")
    out("")
    out("恢复码（只显示这一次，请打印或抄写后锁入保险柜；忘记密码时凭它恢复）：")
    out(f"    {recovery}")
    return 0


def _device(station: Any) -> dict[str, str]:
    """This PC as a device of the station: its number, its name (empty: none) and the 窗口 printed."""
    return {"no": station.device_no, "name": station.device_name, "window": station.window_name}


def cmd_device(args: argparse.Namespace) -> int:
    station = open_station(args)
    try:
        if args.name is not None:
            station.set_device_name(args.name)
        device = _device(station)
    finally:
        station.close()
    if args.json:
        emit_json(device)
    else:
        out(f"本机：{device['no']}号设备，{visible(device['window'])}" + ("" if device["name"] else "（未命名）"))
    return 0


def cmd_operator(args: argparse.Namespace) -> int:
    from app.models import Role
    from app.station import Station

    if args.op_command == "list":
        station = open_station(args)
        try:
            ops = station.operators()
        finally:
            station.close()
        if args.json:
            emit_json(ops)
        else:
            for o in ops:
                state = "停用" if not o.active else ("锁定" if o.locked_until else "正常")
                role = "管理员" if o.role is Role.admin else "窗口人员"
                out(f"{o.login:<16} {visible(o.display_name):<10} {role:<6} {state}")
        return 0
    if args.op_command == "passwd":
        paths = Paths.default()
        me = operator_login(args, paths)
        target = args.login or me
        station = Station.open(paths, me, ask_password(args, "当前密码："))
        try:
            station.change_password(target, ask_new_password(args))
        finally:
            station.close()
        out(f"已修改 {target} 的密码")
        return 0
    station = open_station(args)
    try:
        if args.op_command == "add":
            op = station.add_operator(args.login, args.name or args.login, Role(args.role), ask_new_password(args))
            out(f"已添加操作员 {op.login}（{'管理员' if op.role is Role.admin else '窗口人员'}）")
        elif args.op_command == "disable":
            station.disable_operator(args.login)
            out(f"已停用操作员 {args.login}")
        elif args.op_command == "unlock":
            station.unlock_operator(args.login)
            out(f"已解锁操作员 {args.login}")
    finally:
        station.close()
    return 0


def cmd_recover(args: argparse.Namespace) -> int:
    from app.station import Station

    paths = Paths.default()
    login = operator_login(args, paths)
    if args.code_file:
        code = read_secret_file(args.code_file)
    elif os.environ.get(RECOVERY_ENV):
        code = os.environ[RECOVERY_ENV]
    elif sys.stdin.isatty():
        code = getpass.getpass("恢复码：")
    else:
        raise CliError(f"需要恢复码：请在终端输入，或设置 {RECOVERY_ENV}，或使用 --code-file")
    station = Station.recover(paths, code, login, ask_new_password(args))
    station.close()
    out(f"已为 {login} 设置新密码")
    return 0


def cmd_rekey(args: argparse.Namespace) -> int:
    station = open_station(args)
    try:
        station.rekey()
    finally:
        station.close()
    out("数据密钥已更换，所有操作员的密码和恢复码仍然有效")
    return 0



def cmd_verify(args: argparse.Namespace) -> int:
    from app.labels import zh
    from app.services.verify import verify

    station = open_station(args, check="none")
    try:
        report = verify(station)
    finally:
        station.close()
    if args.json:
        emit_json(report.as_dict())
    else:
        out(f"本机日志事件 {report.events} 条，办件 {report.cases} 个")
        for chain in report.chains:
            if chain.own:
                where = f"本机（{chain.chain}号设备）的日志：{chain.events} 条"
            else:
                where = f"{chain.chain}号设备的日志：已收到 {chain.events} 条" + \
                    (f"（另有 {chain.missing} 条尚未收到）" if chain.missing else "")
            brk = chain.chain_break
            out(f"{where}，" + ("哈希链完好" if brk is None else
                                f"在第 {brk.seq} 条事件处断开：{zh(brk.reason, 'ChainBreak')}"))
        if report.ok:
            out("校验通过：数据库完整，各设备的日志哈希链完好")
        if not report.recorded:
            out("（磁盘已满或不可写：本次校验没有记入办件日志）")
        for p in report.store_problems:
            out(f"数据库问题：{p}")
        for c in report.cases_without_intake:
            out(f"办件 {c} 没有收件日志")
    return 0 if report.ok else 1


def cmd_backup(args: argparse.Namespace) -> int:
    from app import backup as backups

    station = open_station(args)
    try:
        path = backups.write(station, Path(args.file))
    finally:
        station.close()
    out(f"备份已写入 {path}（已加密，需当时的密码或恢复码才能恢复）")
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
        backups.restore(paths, Path(args.file), ask_password(args), login=operator_login(args, paths))
    out(f"已从备份恢复（{manifest.get('created_at')}，服务站 {manifest.get('station_code')}）")
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    from app import backup as backups
    from app.services import cases
    from app.workdays import national_data_last_year, year_to_warn_about
    from bianmin.cli.link import print_devices
    from sync import engine

    station = open_station(args)
    try:
        due = cases.due_report(station)
        info = {"station_code": station.station_code, "station_name": station.station_name,
                "home": str(station.paths.home), "operator": station.operator.login, "device": _device(station),
                "cases": int(station.db.scalar("SELECT count(*) FROM cases", default=0)),
                "due": {k: len(v) for k, v in due.items()}, "rates": cases.rates(station),
                "backups": [p.name for p in backups.list_backups(station.paths)][-3:],
                "national_holidays_until": national_data_last_year()}
        # The year ahead without an official national calendar: its deadlines count the law's holidays only.
        cal, today = station.calendar, station.today()
        gap = year_to_warn_about(cal, today)
        info["calendar"] = {"provisional_year": gap,
                            "years": {str(y): cal.year_source(y).value for y in (today.year, today.year + 1)}}
        others = engine.devices(station)[1:]  # the station's other devices, as the hub last listed them
        info["other_devices"] = [d.as_dict() for d in others]
    finally:
        station.close()
    if args.json:
        emit_json(info)
    else:
        out(f"{info['station_name']}（{info['station_code']}）  操作员 {info['operator']}")
        out(f"本机：{info['device']['no']}号设备，{visible(info['device']['window'])}")
        print_devices(others)
        out(f"办件 {info['cases']} 个；即将到期 {info['due']['due_soon']}，已超期 {info['due']['overdue']}；"
             f"容缺材料即将到期 {info['due']['deferred_due_soon']}，已超期 {info['due']['deferred_overdue']}")
        gap = info["calendar"]["provisional_year"]
        if gap is not None:
            out(f"注意：尚无 {gap} 年的全国节假日安排。{gap} 年的期限暂按法定节假日计算（不含调休上班），"
                "界面上标为“暂定”；请联系平台发布全国日历（bianmin-hub publish-calendar）。")
        r = info["rates"]
        out(f"最多跑一次比例 {r['at_most_one_trip_rate']:.1%}，即办件比例 {r['instant_rate']:.1%}")
    return 0

