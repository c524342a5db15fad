"""The hub's cases and offline bundles: ``set-status`` (addressed to the device that took the case
in), ``cases``, ``bundles``.

Statuses and outcomes are named from the one table of labels (``app/labels.py``), the same Chinese
as the window and the station's command line.
"""

from __future__ import annotations

import argparse
import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.journal import EventType
from app.labels import has_label, zh
from app.models import CaseStatus
from hub import db
from hub.cli.common import CliError, engine, out, refuse_control_text
from sync import protocol


def _status(code: str | None) -> str:
    return zh(code, "CaseStatus") if code and has_label(code, "CaseStatus") else code or "未知"


def _outcome(code: str) -> str:
    return zh(code, "Outcome")


def addressee(session: Session, case: db.Case) -> str | None:
    """The device a case's platform status goes to, so that one device (not every one) journals it:
    the device that took the case in (the chain of its intake), while it is an enrolled window; else
    the station's first window that is not revoked; None (every device) when it has none."""
    origin = session.scalars(select(db.StoredEvent.chain).where(
        db.StoredEvent.case_no == case.case_no, db.StoredEvent.type == EventType.received.value)
        .order_by(db.StoredEvent.feed)).first()
    windows = list(session.scalars(select(db.Device.device).where(
        db.Device.station == case.station, db.Device.revoked_at.is_(None),
        db.Device.role == protocol.DeviceRole.window.value).order_by(db.Device.device)))
    if origin in windows:
        return origin
    return windows[0] if windows else None


def cmd_set_status(args: argparse.Namespace) -> int:
    status = CaseStatus(args.status)
    refuse_control_text([args.case_no, args.note, args.platform_no], "备注或平台编号")
    if status is CaseStatus.concluded and not args.outcome:
        raise CliError(f"办结（concluded）须用 --outcome 给出办理结果：approved（{_outcome('approved')}）"
                       f"或 denied（{_outcome('denied')}）")
    with Session(engine(args.db)) as session:
        case = session.get(db.Case, args.case_no)
        if case is None:
            raise CliError(f"枢纽上没有办件 {args.case_no}（站点尚未上传，或编号有误）")
        outcome = args.outcome
        if outcome is None and status in (CaseStatus.concluded, CaseStatus.delivered):
            outcome = case.outcome
        case.status = status.value
        case.platform_status, case.platform_outcome = status.value, outcome
        if args.outcome:
            case.outcome = args.outcome
        if args.platform_no:
            case.platform_no = args.platform_no
        case.updated_at = db.utcnow()
        body = protocol.CaseStatusBody(case_no=case.case_no, status=status.value, outcome=outcome, note=args.note,
                                       platform_no=args.platform_no or case.platform_no)
        device = addressee(session, case)
        row = db.Update(station=case.station, device=device, kind=protocol.CASE_STATUS, case_no=case.case_no,
                        body=json.dumps(body.to_wire(), ensure_ascii=False), created_at=db.utcnow())
        session.add(row)
        session.commit()
        where = f"站点 {case.station} 设备 {device}" if device is not None else f"站点 {case.station}"
        out(f"办件 {case.case_no} 状态已设为「{_status(status.value)}」，将在{where}下次同步时送达"
            f"（更新编号 {row.id}）")
    return 0


def cmd_cases(args: argparse.Namespace) -> int:
    with Session(engine(args.db)) as session:
        query = select(db.Case).order_by(db.Case.station, db.Case.case_no)
        if args.station:
            query = query.where(db.Case.station == args.station)
        rows = [
            {"case_no": c.case_no, "station": c.station, "status": c.status, "outcome": c.outcome,
             "applicant_name": c.applicant_name, "items": json.loads(c.items or "[]"), "platform_no": c.platform_no,
             "updated_at": c.updated_at.isoformat(timespec="seconds"),
             "conflict": json.loads(c.conflict) if c.conflict else None}
            for c in session.scalars(query)
        ]
    if args.json:
        out(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    if not rows:
        out("枢纽上还没有办件。")
        return 0
    for r in rows:
        status = _status(r["status"]) + (f"（{_outcome(r['outcome'])}）" if r["outcome"] else "")
        if r["conflict"]:
            status += f"【冲突：{len(r['conflict'])} 项操作不能同时成立，待窗口处理】"
        out(f"{r['case_no']}  站点 {r['station']}  {status}  申请人 {r['applicant_name'] or '—'}  "
            f"事项 {'、'.join(r['items']) or '—'}  更新于 {r['updated_at']}")
    out(f"共 {len(rows)} 件")
    return 0


def cmd_bundles(args: argparse.Namespace) -> int:
    with Session(engine(args.db)) as session:
        rows = [{"bundle_id": b.bundle_id, "station": b.station, "uploader": b.uploader, "size": b.size,
                 "offset": b.offset, "ingested_at": b.ingested_at.isoformat(timespec="seconds") if b.ingested_at
                 else None}
                for b in session.scalars(select(db.BundleUpload).order_by(db.BundleUpload.created_at))]
        # Uploads in progress, each forwarding station's its own.
        rows += [{"bundle_id": t.bundle_id, "station": None, "uploader": t.uploader, "size": t.size,
                  "offset": t.offset, "ingested_at": None}
                 for t in session.scalars(select(db.BundleTransfer).order_by(db.BundleTransfer.created_at))]
    if args.json:
        out(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    for r in rows:
        # An offline bundle's upload, taken in by the hub: not a case's status (收件), so its own words.
        state = f"已接收 {r['ingested_at']}" if r["ingested_at"] else f"上传中 {r['offset']}/{r['size']} 字节"
        out(f"{r['bundle_id']}  站点 {r['station'] or '—'}  经 {r['uploader']} 转交  {state}")
    out(f"共 {len(rows)} 个离线包")
    return 0
