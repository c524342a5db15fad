"""What the regional platform hands out: enrolment codes, the catalogue, the calendar, its region."""

from __future__ import annotations

import argparse
import datetime as dt
import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from hub import db
from hub.cli.common import CliError, engine, err, new_enrol_code, out, publish, read_json, refuse_control_text
from sync import protocol


def cmd_enrol_code(args: argparse.Namespace) -> int:
    station = args.station
    if not re.fullmatch(r"[0-9]{12}", station):
        raise CliError(f"站点代码应为 12 位数字：{station}")
    if args.ttl_hours <= 0:
        raise CliError("有效期（小时）必须大于 0")
    device = args.device
    if not re.fullmatch(r"[0-9]{2}", device):
        raise CliError(f"设备编号应为 2 位数字（00–99）：{device}")
    code = new_enrol_code()
    expires = db.utcnow() + dt.timedelta(hours=args.ttl_hours)
    with Session(engine(args.db)) as session:
        known = session.get(db.Device, (station, device))
        if known is not None and known.revoked_at is not None:
            raise CliError(f"站点 {station} 的设备 {device} 已吊销，此编号不再登记：请另选设备编号")
        session.add(db.EnrolCode(code=code.replace("-", ""), station_code=station, device=device,
                                 expires_at=expires))
        session.commit()
    local = expires.astimezone(dt.timezone(dt.timedelta(hours=8))).strftime("%Y-%m-%d %H:%M")
    replaces = "，登记后取代该设备原有的密钥" if known is not None else ""
    out(f"站点 {station} 设备 {device} 的一次性登记码（北京时间 {local} 前有效，仅可使用一次{replaces}）：")
    out(code)
    if known is not None:
        # The trap of a second PC set up with the station's code and no number of its own (both 00): it
        # would push the first off the platform. Say so, and which numbers are free.
        with Session(engine(args.db)) as session:
            taken = sorted(session.scalars(select(db.Device.device).where(db.Device.station == station)))
        free = next((f"{n:02d}" for n in range(1, 100) if f"{n:02d}" not in taken), "NN")
        err(f"注意：设备 {device} 已登记（本站已登记的设备：{'、'.join(taken)}）。此码只用于重装或更换这台设备本身；"
            f"若是本站另一台电脑，请改用未用的编号（如 --device {free}），并在该电脑上以 bianmin init --device {free} "
            "建立，否则两台电脑会互相把对方挤下平台。")
    return 0


def cmd_publish_catalogue(args: argparse.Namespace) -> int:
    from app.services.catalogue import validate_document

    doc = read_json(args.file)
    refuse_control_text(doc, f"目录文件 {args.file} ")
    problems = validate_document(doc)
    if problems:
        err(f"目录文件 {args.file} 有 {len(problems)} 处问题，未发布：")
        for p in problems:
            err(f"  {p.get('where', '')}：{p.get('problem', '')} {p.get('detail', '')}".rstrip())
        return 1
    update_id = publish(engine(args.db), protocol.CATALOGUE, doc)
    out(f"已发布事项目录 {doc.get('version', '')}（{len(doc.get('items', []))} 个事项），更新编号 {update_id}")
    return 0


def cmd_publish_calendar(args: argparse.Namespace) -> int:
    """The regional days (``bianmin-regional-days/1``) or the national calendar of one or more years
    (``bianmin-national-days/1``, the State Council's arrangement), checked as strictly as a station
    checks it (``app.workdays.check_calendar_document``) and published as a ``calendar`` update."""
    from app.workdays import NATIONAL_FORMAT, CalendarFileError, check_calendar_document

    doc = read_json(args.file)
    if not isinstance(doc, dict) or not isinstance(doc.get("days"), list):
        raise CliError(f"日历文件 {args.file} 应为含有 \"days\" 列表的 JSON 对象，未发布")
    refuse_control_text(doc, f"日历文件 {args.file} ")
    try:
        checked = check_calendar_document(doc, args.file)
    except CalendarFileError as exc:
        err(f"日历文件 {args.file} 有 {len(exc.problems)} 处问题，未发布：")
        for problem in exc.problems[:50]:
            err(f"  {problem}")
        if len(exc.problems) > 50:
            err(f"  ……另有 {len(exc.problems) - 50} 处")
        return 1
    update_id = publish(engine(args.db), protocol.CALENDAR, doc)
    if checked.format == NATIONAL_FORMAT:
        years = "、".join(str(y) for y in checked.years)
        out(f"已发布全国节假日安排（{years} 年，{checked.days} 天），更新编号 {update_id}")
    else:
        out(f"已发布工作日历（区域调休日，{checked.days} 天），更新编号 {update_id}")
    return 0


def cmd_region(args: argparse.Namespace) -> int:
    with Session(engine(args.db)) as session:
        if args.code is not None:
            if not re.fullmatch(r"[1-9][0-9]{5}", args.code):
                raise CliError(f"区域代码应为 6 位行政区划代码：{args.code}")
            db.set_region(session, args.code)
            session.commit()
            out(f"本枢纽服务的区域已设为 {args.code}（此后登记或领取的设备证书写入此区域）")
        else:
            out(db.region(session))
    return 0
