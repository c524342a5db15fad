"""The link to the regional platform: ``enrol``, ``sync`` and offline ``bundle``\\ s."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

from app.clock import CHINA_TZ
from app.labels import default_device_name
from app.messages import describe
from app.textcheck import visible
from bianmin.cli.common import SYNC_ERRORS, emit_json, open_station, out


def cmd_enrol(args: argparse.Namespace) -> int:
    from sync import engine, protocol

    station = open_station(args)
    try:
        engine.enrol(station, args.url, args.code, ca_bundle=args.ca_bundle,
                     role=protocol.DeviceRole(getattr(args, "role", None) or "window"))
        device = f"{station.device_no}（{visible(engine.device_name(station))}）"
    finally:
        station.close()
    out(f"已在 {args.url} 登记本服务站的设备 {device}，可以同步了")
    return 0


def cmd_sync(args: argparse.Namespace) -> int:
    from sync import engine

    station = open_station(args)
    try:
        if args.sync_command == "status":
            return _sync_status(engine.status(station), as_json=args.json)
        if args.sync_command == "once" and getattr(args, "watch", False):
            return _sync_watch(station)
        if args.sync_command == "relay":
            return _sync_relay(station, args)
        if args.sync_command == "retry":
            released = engine.retry_quarantined(station, [int(s) for s in args.seq] or None)
            out(f"已放回待发送队列：{released} 条")
            return 0
        report = engine.run_once(station)
        info = {"ok": report.ok, "pushed": report.pushed, "duplicates": report.duplicates,
                "rejected": report.rejected, "pulled": report.pulled, "applied": report.applied,
                "deferred": report.deferred, "peers_taken": report.peers_taken,
                "peers_refused": report.peers_refused, "error": report.error, "relayed": report.relayed,
                "relay_pushed": report.relay_pushed, "relay_error": report.relay_error,
                **engine.status(station).as_dict()}
    finally:
        station.close()
    if args.json:
        emit_json(info)
        return 0 if info["ok"] else 4
    if info["relayed"]:  # the centre's relay answered: the windows shared their work, whatever the region did
        out(f"已经中心中继与本中心其他窗口交换：送出本机记录 {info['relay_pushed']} 条，"
            f"收到其他设备的记录 {info['peers_taken']} 条")
    elif info["relay_error"]:
        out(f"未能经中心中继交换：{RELAY_ERRORS.get(info['relay_error'], info['relay_error'])}")
    if info["ok"]:
        out(f"同步完成：送出 {info['pushed']} 条（重复 {info['duplicates']}），被拒 {info['rejected']} 条；"
             f"收到 {info['pulled']} 条更新，待本地处理后再用 {info['deferred']} 条")
        out(f"收到本站其他设备的记录 {info['peers_taken']} 条" +
            (f"，其中 {info['peers_refused']} 条未通过校验（见平台通知）" if info["peers_refused"] else ""))
    else:
        out(f"同步未完成：{SYNC_ERRORS.get(info['error'], info['error'])}。待发送 {info['waiting']} 条，"
             "稍后会自动重试。")
    return 0 if info["ok"] else 4


def _when(stamp: str | None) -> str:
    """A stamp as the counter's clock reads it ("2026-12-02 22:24"); the text as it came when it is none."""
    if not stamp:
        return ""
    try:
        moment = datetime.fromisoformat(stamp)
    except ValueError:
        return visible(stamp)
    if moment.tzinfo is not None:
        moment = moment.astimezone(CHINA_TZ)
    return moment.strftime("%Y-%m-%d %H:%M")


RELAY_ERRORS = {
    "sync.link_down": "连不上中继（中继电脑关机或局域网中断）",
    "sync.refused": "中继拒绝了请求（本机登记已被吊销，或中继尚未从平台取得本机的登记）",
    "sync.protocol": "中继的应答不符合协议",
}


def _sync_relay(station: Any, args: argparse.Namespace) -> int:
    """``bianmin sync relay URL`` / ``--off``: the centre's relay this window exchanges with."""
    from sync import engine

    if args.off == bool(args.url):
        sys.stderr.write("请给出中继地址（如 http://192.168.1.20:8770），或用 --off 停用中继\n")
        return 2
    if args.url and not args.url.startswith(("http://", "https://")):
        sys.stderr.write(f"中继地址应以 http:// 或 https:// 开头：{visible(args.url)}\n")
        return 2
    engine.set_relay(station, None if args.off else args.url)
    if args.off:
        out("已停用中心中继：本机只与区域平台同步")
    else:
        out(f"已设置中心中继 {visible(args.url)}：每轮同步先经中继与本中心其他窗口交换办件和平台更新；"
            "本机有记录要送出时（窗口自动同步至多每 5 分钟一次）或每小时一次，再与区域平台同步")
    return 0


def _sync_status(status: Any, as_json: bool) -> int:
    """``bianmin sync status``: a ``sync.status.SyncStatus`` (``--json``: its fields in order)."""
    if as_json:
        emit_json(status.as_dict())
        return 0
    out(f"平台：{status.hub_url or '未登记'}    上次成功：{_when(status.last_success) or '从未'}")
    out(f"待发送 {status.waiting} 条，已送达 {status.sent} 条，被拒 {len(status.quarantined)} 条")
    if status.last_error:
        out(f"上次失败：{SYNC_ERRORS.get(status.last_error, status.last_error)}")
    if status.relay_url:
        failed = (f"，上次交换失败（{RELAY_ERRORS.get(status.relay_last_error, status.relay_last_error)}）"
                  if status.relay_last_error else "")
        out(f"中心中继：{visible(status.relay_url)}    上次应答：{_when(status.relay_last_success) or '从未'}{failed}")
    for q in status.quarantined[:20]:
        out(f"  被拒：#{q['seq']} {q['type']} {q['case_no'] or ''}（{q['reason']}）")
    print_devices(status.devices)
    if status.enrolled and not status.devices_read:
        out("尚未从平台取得本站其他设备的名单")
    return 0


def print_devices(devices: Any) -> None:
    """Devices of the station (``SyncStatus.devices``: this one first), with when the platform last
    heard from each: ``bianmin sync status`` and, the others, ``bianmin status``."""
    for d in devices:
        name = visible(d.name) or default_device_name(d.device)
        role = DEVICE_ROLES.get(d.role, visible(d.role))
        seen = f"上次联系平台或中继：{_when(d.last_seen_at)}" if d.last_seen_at else "从未联系平台或中继"
        state = "（已注销）" if d.revoked else ""
        out(f"{'本机' if d.this else '设备'} {d.device} {name}（{role}）{state}  {seen}")


DEVICE_ROLES = {"window": "窗口", "laptop": "工作队笔记本", "relay": "中心中继"}


def _sync_watch(station: Any) -> int:
    """Sync every few minutes; while the link is down, probe with backoff. Ends with Ctrl-C."""
    import time

    from sync import engine
    from sync.scheduler import SyncScheduler

    scheduler = SyncScheduler(run=lambda: engine.run_once(station, scheduled=True), probe=lambda: engine.probe(station))
    try:
        while True:
            report = scheduler.step()
            if report is not None:
                state = "完成" if report.ok else SYNC_ERRORS.get(report.error or "", report.error or "")
                out(f"{time.strftime('%H:%M:%S')} 同步{state}：送出 {report.pushed} 条，收到 {report.pulled} 条；"
                     f"下次 {scheduler.seconds_to_next():.0f} 秒后")
            time.sleep(min(5.0, max(0.5, scheduler.seconds_to_next())))
    except KeyboardInterrupt:
        return 0


def _mb(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB"


def _print_summary(summary: Any) -> None:
    out(f"离线包 {summary.bundle_id}（{summary.created_at} 导出）")
    out(f"来自服务站：{summary.station_name}（{summary.station}），区域 {summary.region}")
    out(f"办件 {summary.cases} 件，日志事件 {summary.events} 条（第 {summary.first_seq}–{summary.last_seq} 条），"
         f"扫描材料 {summary.attachments} 份（{_mb(summary.attachment_bytes)}），文件 {_mb(summary.size)}")
    out("签名与完整性校验通过（内容已加密，平台和本机能读取：导入时其办件收入本机记录）" if summary.readable
        else "签名与完整性校验通过（内容已加密，只有平台能读取）")
    if summary.state == "delivered":
        out(f"本站已于 {summary.delivered_at} 将它送达平台")
    elif summary.state == "uploading":
        out(f"上次转交中断，平台已收到 {summary.offset * 100 // max(1, summary.size)}%，再次导入将从断点继续")


def _taken_line(taken: dict[str, Any]) -> str:
    """What this device took into its own records from a bundle (``sync.bundles.TakenIn`` as a dict,
    as the import record keeps it)."""
    if taken.get("read"):
        return (f"已收入本机记录：工作队（{taken.get('device')}号设备）的办件 {taken.get('cases', 0)} 件，"
                f"新日志事件 {taken.get('events', 0)} 条，扫描材料 {taken.get('scans', 0)} 份；"
                "可在本机查找、继续办理和出件")
    return "此离线包未为本机加密（或其设备本机尚不认识）：其办件在平台收到后经同步到达本机"


def cmd_bundle(args: argparse.Namespace) -> int:
    """Offline bundles: export (work team's laptop), show/import (township centre), ack (laptop)."""
    station = open_station(args)
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
            emit_json(asdict(result))
        else:
            out(f"已导出离线包 {result.path}：办件 {result.cases} 件，日志事件 {result.events} 条，"
                 f"扫描材料 {result.attachments} 份，共 {_mb(result.size)}")
            out("内容已为平台加密并由本机签名。导出不算送达：本机联网后仍会自己同步，平台只保留一份。")
        return 0
    if args.bundle_command == "show":
        summary = bundles.inspect(station, Path(args.file))
        if args.json:
            emit_json(asdict(summary))
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
                taken = info.get("taken_in")
                if isinstance(taken, dict) and taken.get("read"):
                    sys.stderr.write(_taken_line(taken) + "\n")
                sys.stderr.write(f"平台已收到 {info['offset'] * 100 // max(1, info['size'])}%，"
                                 "再次运行本命令将从断点继续。\n")
            return 4
        if args.json:
            emit_json(asdict(imported))
        else:
            s = imported.summary
            out(f"已转交平台：服务站 {s.station_name}（{s.station}）的办件 {s.cases} 件、日志事件 {s.events} 条、"
                 f"扫描材料 {s.attachments} 份")
            out(f"平台新收 {imported.stored} 条，此前已有 {imported.duplicate} 条，拒收 {imported.rejected} 条；"
                 f"扫描材料 {imported.attachments} 份")
            out(f"平台回执已写入 {imported.ack_path}：请交给工作队，在原电脑上运行 bianmin bundle ack 回执文件")
            if imported.taken.read or imported.taken.reason in ("not_sealed", "unknown_device"):
                out(_taken_line(asdict(imported.taken)))
        return 0
    if args.bundle_command == "ack":
        acked = bundles.apply_ack(station, Path(args.file))
        if args.json:
            emit_json(asdict(acked))
        else:
            out(f"平台回执已核验：离线包 {acked.bundle_id} 中的 {acked.marked_sent} 条日志事件、"
                 f"{acked.attachments_done} 份扫描材料标记为已送达" +
                 (f"，{acked.quarantined} 条被平台拒收（见 bianmin sync status）" if acked.quarantined else ""))
            out(f"仍待发送 {acked.waiting} 条")
        return 0
    listed = {"exported": bundles.exports(station), "imported": bundles.imports(station)}
    if args.json:
        emit_json(listed)
    else:
        for r in listed["exported"]:
            state = f"平台回执 {r['acked_at']}" if r.get("acked_at") else "尚无回执"
            out(f"导出 {r['bundle_id']}  {r['created_at']}  日志事件 {r['events']} 条  扫描材料 "
                 f"{r['attachments']} 份  {state}")
        for r in listed["imported"]:
            state = f"已于 {r.get('delivered_at')} 送达" if r.get("state") == "delivered" else \
                f"转交中断（{r['offset'] * 100 // max(1, r['size'])}%）"
            out(f"转交 {r['bundle_id']}  服务站 {r['station_name']}（{r['station']}）  办件 {r['cases']} 件  "
                 f"{state}")
        if not listed["exported"] and not listed["imported"]:
            out("本站还没有导出或转交过离线包")
    return 0

