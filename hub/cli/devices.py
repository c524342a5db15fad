"""A station's devices at the hub: ``devices list`` and ``devices revoke``."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from hub import db
from hub.cli.common import CliError, engine, out

_ROLES = {"window": "窗口", "laptop": "工作队笔记本", "relay": "中继"}


def _moment(value: dt.datetime | None) -> str | None:
    return value.isoformat(timespec="seconds") if value is not None else None


def check_device(station: str, device: str) -> None:
    if not re.fullmatch(r"[0-9]{12}", station):
        raise CliError(f"站点代码应为 12 位数字：{station}")
    if not re.fullmatch(r"[0-9]{2}", device):
        raise CliError(f"设备编号应为 2 位数字（00–99）：{device}")


def cmd_devices_list(args: argparse.Namespace) -> int:
    with Session(engine(args.db)) as session:
        query = select(db.Device).order_by(db.Device.station, db.Device.device)
        if args.station:
            query = query.where(db.Device.station == args.station)
        rows: list[dict[str, str | None]] = [{"station": d.station, "device": d.device, "name": d.name, "role": d.role,
                 "public_key": d.public_key, "enrolled_at": _moment(d.enrolled_at),
                 "revoked_at": _moment(d.revoked_at), "last_seen_at": _moment(d.last_seen_at)}
                for d in session.scalars(query)]
    if args.json:
        out(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    if not rows:
        out("枢纽上还没有登记的设备。")
        return 0
    for r in rows:
        state = f"已吊销 {r['revoked_at']}" if r["revoked_at"] else "有效"
        seen = r["last_seen_at"] or "从未"
        out(f"站点 {r['station']}  设备 {r['device']}  {r['name']}  {_ROLES.get(r['role'] or '', r['role'])}  "
            f"登记于 {r['enrolled_at']}  最近联系 {seen}  {state}")
    out(f"共 {len(rows)} 台设备")
    return 0


def cmd_devices_revoke(args: argparse.Namespace) -> int:
    check_device(args.station, args.device)
    with Session(engine(args.db)) as session:
        device = session.get(db.Device, (args.station, args.device))
        if device is None:
            raise CliError(f"站点 {args.station} 没有登记设备 {args.device}")
        if device.revoked_at is not None:
            out(f"站点 {args.station} 的设备 {args.device} 已于 {_moment(device.revoked_at)} 吊销")
            return 0
        device.revoked_at = db.utcnow()
        session.commit()
    out(f"已吊销站点 {args.station} 的设备 {args.device}：它的请求此后一律拒绝，此编号不再登记")
    return 0
