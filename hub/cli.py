"""``bianmin-hub``: run the reference hub and act as the regional platform from a shell.

    bianmin-hub [--db URL] db upgrade          # make or upgrade the database's schema
    bianmin-hub db current
    bianmin-hub [--db URL] serve --port 8470
    bianmin-hub enrol-code 540127100000
    bianmin-hub publish-catalogue catalogue.json
    bianmin-hub publish-calendar workdays.json
    bianmin-hub set-status 54012710000020261118000001 concluded --outcome approved
    bianmin-hub cases --station 540127100000 --json
    bianmin-hub region [540000]
    bianmin-hub bundles --json

The database comes from ``--db`` (given before the subcommand), else ``BIANMIN_HUB_DB``, else
``sqlite:///bianmin-hub.db`` in the current directory. A new SQLite database is set up by any
command; a PostgreSQL one, and any database of an older hub, by ``db upgrade`` (``serve --upgrade``
does it before serving). The hub serves only a database at the newest schema revision.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import os
import re
import secrets
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from app.models import CaseStatus, Outcome
from hub import db
from sync import protocol

log = logging.getLogger(__name__)

ENV_DB = "BIANMIN_HUB_DB"
CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_LENGTH = 10

STATUS_ZH = {
    "received": "已接收", "accepted": "已受理", "refused": "不予受理", "correction_requested": "待补正",
    "in_progress": "办理中", "special_procedure": "特别程序", "concluded": "已办结", "delivered": "已送达",
    "withdrawn": "已撤回",
}
OUTCOME_ZH = {"approved": "准予", "denied": "不予"}


class CliError(Exception):
    """A problem to tell the person at the shell; exit status 1."""


def _out(text: str = "") -> None:
    sys.stdout.write(text + "\n")


def _err(text: str) -> None:
    sys.stderr.write(text + "\n")


def _engine(url: str) -> Engine:
    """The database, ready for the commands (``db.ready``: a new SQLite file is set up, an older
    schema refused with the command to run)."""
    engine = db.make_engine(url)
    try:
        db.ready(engine)
    except Exception:
        engine.dispose()
        raise
    return engine


def new_enrol_code() -> str:
    """A fresh one-time code for people to type: 10 Crockford base32 characters, shown as XXXXX-XXXXX."""
    raw = "".join(secrets.choice(CROCKFORD) for _ in range(CODE_LENGTH))
    return f"{raw[:5]}-{raw[5:]}"


def _read_json(path: str) -> Any:
    try:
        text = Path(path).read_text("utf-8")
    except OSError as exc:
        raise CliError(f"无法读取文件 {path}：{exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise CliError(f"文件 {path} 不是 UTF-8 文本") from exc
    try:
        return json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise CliError(f"文件 {path} 不是有效的 JSON：{exc}") from exc


def _refuse_control_text(value: Any, what: str) -> None:
    """Nothing the platform publishes may hold control characters (``protocol.has_control_text``)."""
    if protocol.has_control_text(value):
        raise CliError(f"{what}含有控制字符（如 NUL、ESC 或改变文字方向的字符），未发布")


def _publish(engine: Engine, kind: str, body: dict[str, Any], station: str | None = None,
             case_no: str | None = None) -> int:
    with Session(engine) as session:
        row = db.Update(station=station, kind=kind, case_no=case_no,
                        body=json.dumps(body, ensure_ascii=False), created_at=db.utcnow())
        session.add(row)
        session.commit()
        return row.id


# ---------------------------------------------------------------------------------------------
# Subcommands


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from hub.app import create_app

    # The schema is settled here, once, before the app (and any worker) starts: create_app only checks it.
    engine = db.make_engine(args.db)
    try:
        if args.upgrade:
            _report_upgrade(*db.upgrade(engine))
        else:
            db.ready(engine)
    finally:
        engine.dispose()
    app = create_app(args.db)
    _out(f"便民服务枢纽已启动：http://{args.host}:{args.port}（数据库 {db.redact_url(args.db)}）")
    sys.stdout.flush()
    # Uvicorn's own lines go through the root logger's handler too, so that they are redacted alike.
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning", log_config=None)
    return 0


def _report_upgrade(before: db.SchemaStatus, after: db.SchemaStatus) -> None:
    if before.is_current:
        _out(f"数据库结构已是最新版本 {after.revision}，无需升级")
    elif before.state is db.SchemaState.empty:
        _out(f"已建立数据库结构（版本 {after.revision}）")
    else:
        _out(f"数据库结构已从{f'版本 {before.revision}' if before.revision else '较早枢纽的结构'}升级到版本 "
             f"{after.revision}")


def cmd_db_upgrade(args: argparse.Namespace) -> int:
    engine = db.make_engine(args.db)
    try:
        _report_upgrade(*db.upgrade(engine))
    finally:
        engine.dispose()
    return 0


def cmd_db_current(args: argparse.Namespace) -> int:
    """The revision on the first line (``none`` when there is none), what it means on the second;
    exit status 0 only when the schema is current."""
    from hub import migrations

    engine = db.make_engine(args.db)
    try:
        status = migrations.status(engine)
    finally:
        engine.dispose()
    _out(status.revision or "none")
    _out(migrations.describe(status))
    return 0 if status.is_current else 1


def cmd_enrol_code(args: argparse.Namespace) -> int:
    station = args.station
    if not re.fullmatch(r"[0-9]{12}", station):
        raise CliError(f"站点代码应为 12 位数字：{station}")
    if args.ttl_hours <= 0:
        raise CliError("有效期（小时）必须大于 0")
    code = new_enrol_code()
    expires = db.utcnow() + dt.timedelta(hours=args.ttl_hours)
    engine = _engine(args.db)
    with Session(engine) as session:
        session.add(db.EnrolCode(code=code.replace("-", ""), station_code=station, expires_at=expires))
        session.commit()
    local = expires.astimezone(dt.timezone(dt.timedelta(hours=8))).strftime("%Y-%m-%d %H:%M")
    _out(f"站点 {station} 的一次性登记码（北京时间 {local} 前有效，仅可使用一次）：")
    _out(code)
    return 0


def cmd_publish_catalogue(args: argparse.Namespace) -> int:
    from app.services.catalogue import validate_document

    doc = _read_json(args.file)
    _refuse_control_text(doc, f"目录文件 {args.file} ")
    problems = validate_document(doc)
    if problems:
        _err(f"目录文件 {args.file} 有 {len(problems)} 处问题，未发布：")
        for p in problems:
            _err(f"  {p.get('where', '')}：{p.get('problem', '')} {p.get('detail', '')}".rstrip())
        return 1
    update_id = _publish(_engine(args.db), protocol.CATALOGUE, doc)
    _out(f"已发布事项目录 {doc.get('version', '')}（{len(doc.get('items', []))} 个事项），更新编号 {update_id}")
    return 0


def cmd_publish_calendar(args: argparse.Namespace) -> int:
    doc = _read_json(args.file)
    if not isinstance(doc, dict) or not isinstance(doc.get("days"), list):
        raise CliError(f"日历文件 {args.file} 应为含有 \"days\" 列表的 JSON 对象，未发布")
    _refuse_control_text(doc, f"日历文件 {args.file} ")
    update_id = _publish(_engine(args.db), protocol.CALENDAR, doc)
    _out(f"已发布工作日历（{len(doc['days'])} 天），更新编号 {update_id}")
    return 0


def cmd_set_status(args: argparse.Namespace) -> int:
    status = CaseStatus(args.status)
    _refuse_control_text([args.case_no, args.note, args.platform_no], "备注或平台编号")
    if status is CaseStatus.concluded and not args.outcome:
        raise CliError("办结（concluded）须用 --outcome 给出办理结果：approved（准予）或 denied（不予）")
    engine = _engine(args.db)
    with Session(engine) as session:
        case = session.get(db.Case, args.case_no)
        if case is None:
            raise CliError(f"枢纽上没有办件 {args.case_no}（站点尚未上传，或编号有误）")
        outcome = args.outcome
        if outcome is None and status in (CaseStatus.concluded, CaseStatus.delivered):
            outcome = case.outcome
        case.status = status.value
        if args.outcome:
            case.outcome = args.outcome
        if args.platform_no:
            case.platform_no = args.platform_no
        case.updated_at = db.utcnow()
        body = {"case_no": case.case_no, "status": status.value, "outcome": outcome, "note": args.note,
                "platform_no": args.platform_no or case.platform_no}
        row = db.Update(station=case.station, kind=protocol.CASE_STATUS, case_no=case.case_no,
                        body=json.dumps(body, ensure_ascii=False), created_at=db.utcnow())
        session.add(row)
        session.commit()
        _out(f"办件 {case.case_no} 状态已设为「{STATUS_ZH[status.value]}」，将在站点 {case.station} 下次同步时送达"
             f"（更新编号 {row.id}）")
    return 0


def cmd_cases(args: argparse.Namespace) -> int:
    engine = _engine(args.db)
    with Session(engine) as session:
        query = select(db.Case).order_by(db.Case.station, db.Case.case_no)
        if args.station:
            query = query.where(db.Case.station == args.station)
        rows = [
            {"case_no": c.case_no, "station": c.station, "status": c.status, "outcome": c.outcome,
             "applicant_name": c.applicant_name, "items": json.loads(c.items or "[]"), "platform_no": c.platform_no,
             "updated_at": c.updated_at.isoformat(timespec="seconds")}
            for c in session.scalars(query)
        ]
    if args.json:
        _out(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    if not rows:
        _out("枢纽上还没有办件。")
        return 0
    for r in rows:
        status = STATUS_ZH.get(r["status"] or "", r["status"] or "未知")
        outcome = f"（{OUTCOME_ZH.get(r['outcome'], r['outcome'])}）" if r["outcome"] else ""
        _out(f"{r['case_no']}  站点 {r['station']}  {status}{outcome}  申请人 {r['applicant_name'] or '—'}  "
             f"事项 {'、'.join(r['items']) or '—'}  更新于 {r['updated_at']}")
    _out(f"共 {len(rows)} 件")
    return 0


def cmd_region(args: argparse.Namespace) -> int:
    engine = _engine(args.db)
    with Session(engine) as session:
        if args.code is not None:
            if not re.fullmatch(r"[1-9][0-9]{5}", args.code):
                raise CliError(f"区域代码应为 6 位行政区划代码：{args.code}")
            db.set_region(session, args.code)
            session.commit()
            _out(f"本枢纽服务的区域已设为 {args.code}（此后登记或领取的设备证书写入此区域）")
        else:
            _out(db.region(session))
    return 0


def cmd_bundles(args: argparse.Namespace) -> int:
    engine = _engine(args.db)
    with Session(engine) as session:
        rows = [{"bundle_id": b.bundle_id, "station": b.station, "uploader": b.uploader, "size": b.size,
                 "offset": b.offset, "ingested_at": b.ingested_at.isoformat(timespec="seconds") if b.ingested_at
                 else None}
                for b in session.scalars(select(db.BundleUpload).order_by(db.BundleUpload.created_at))]
        # Uploads in progress, each forwarding station's its own.
        rows += [{"bundle_id": t.bundle_id, "station": None, "uploader": t.uploader, "size": t.size,
                  "offset": t.offset, "ingested_at": None}
                 for t in session.scalars(select(db.BundleTransfer).order_by(db.BundleTransfer.created_at))]
    if args.json:
        _out(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    for r in rows:
        state = f"已接收 {r['ingested_at']}" if r["ingested_at"] else f"上传中 {r['offset']}/{r['size']} 字节"
        _out(f"{r['bundle_id']}  站点 {r['station'] or '—'}  经 {r['uploader']} 转交  {state}")
    _out(f"共 {len(rows)} 个离线包")
    return 0


# ---------------------------------------------------------------------------------------------


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:  # argparse's own messages stay in English; the exit code is 2
        self.print_usage(sys.stderr)
        self.exit(2, f"参数错误：{message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="bianmin-hub", description="便民服务台 区域枢纽（参考实现）")
    parser.add_argument("--db", default=os.environ.get(ENV_DB) or db.DEFAULT_URL,
                        help=f"数据库 URL（默认取环境变量 {ENV_DB}，否则 {db.DEFAULT_URL}）")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    p = sub.add_parser("serve", help="运行枢纽 HTTP 服务")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--upgrade", action="store_true",
                   help="启动前先升级数据库结构（同 db upgrade；供自带数据库的演示与测试枢纽）")
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("db", help="数据库结构：upgrade 建立或升级，current 显示当前版本")
    db_sub = p.add_subparsers(dest="db_command", required=True, parser_class=_Parser)
    q = db_sub.add_parser("upgrade", help="建立数据库结构，或把较早枢纽的数据库升级到最新版本")
    q.set_defaults(func=cmd_db_upgrade)
    q = db_sub.add_parser("current", help="显示数据库结构的当前版本（最新时退出码为 0）")
    q.set_defaults(func=cmd_db_current)

    p = sub.add_parser("enrol-code", help="为站点生成一次性登记码（最后一行为登记码）")
    p.add_argument("station", help="12 位站点代码")
    p.add_argument("--ttl-hours", type=float, default=72.0)
    p.set_defaults(func=cmd_enrol_code)

    p = sub.add_parser("publish-catalogue", help="校验并向所有站点发布事项目录")
    p.add_argument("file")
    p.set_defaults(func=cmd_publish_catalogue)

    p = sub.add_parser("publish-calendar", help="向所有站点发布工作日历（区域调休日）")
    p.add_argument("file")
    p.set_defaults(func=cmd_publish_calendar)

    p = sub.add_parser("set-status", help="设置办件状态并通知其站点")
    p.add_argument("case_no")
    p.add_argument("status", choices=[s.value for s in CaseStatus])
    p.add_argument("--outcome", choices=[o.value for o in Outcome])
    p.add_argument("--note")
    p.add_argument("--platform-no")
    p.set_defaults(func=cmd_set_status)

    p = sub.add_parser("region", help="显示或设置本枢纽服务的区域（6 位行政区划代码，写入设备证书）")
    p.add_argument("code", nargs="?")
    p.set_defaults(func=cmd_region)

    p = sub.add_parser("bundles", help="列出站点转交的离线包")
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    p.set_defaults(func=cmd_bundles)

    p = sub.add_parser("cases", help="列出枢纽上的办件")
    p.add_argument("--station")
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    p.set_defaults(func=cmd_cases)
    return parser


class _RedactingFormatter(logging.Formatter):
    """Log lines without the database password (the URL's, or any URL's written in a message)."""

    def __init__(self, fmt: str, url: str) -> None:
        super().__init__(fmt)
        self._url = url

    def format(self, record: logging.LogRecord) -> str:
        return db.redact_text(super().format(record), self._url)


def _install_logging(url: str) -> None:
    handler = logging.StreamHandler()
    handler.setFormatter(_RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s", url))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(logging.WARNING)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    _install_logging(args.db)
    try:
        return int(args.func(args))
    except CliError as exc:
        _err(f"错误：{exc}")
        return 1
    except db.SchemaNotCurrent as exc:
        _err(f"错误：{exc}")
        return 1
    except (SQLAlchemyError, db.DatabaseUnusable) as exc:
        _err(db.redact_text(f"数据库错误（{db.redact_url(args.db)}）：{exc}", args.db))
        return 1


if __name__ == "__main__":
    sys.exit(main())
