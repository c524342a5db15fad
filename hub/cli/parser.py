"""``bianmin-hub``'s arguments, logging and exit statuses: every command group in one parser."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from typing import Any

from sqlalchemy.exc import SQLAlchemyError

from app.models import CaseStatus, Outcome
from hub import db
from hub.cli.cases import cmd_bundles, cmd_cases, cmd_set_status
from hub.cli.common import ENV_DB, CliError, err
from hub.cli.devices import cmd_devices_list, cmd_devices_revoke
from hub.cli.notices import cmd_notice
from hub.cli.regional import cmd_enrol_code, cmd_publish_calendar, cmd_publish_catalogue, cmd_region
from hub.cli.relay import DEFAULT_DIR, DEFAULT_PORT, cmd_relay
from hub.cli.reports import cmd_report
from hub.cli.schema import cmd_db_current, cmd_db_upgrade, cmd_serve


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

    p = sub.add_parser("relay", help="运行中心中继（首次运行时向区域平台登记；窗口经它在中心局域网内共享办件）")
    p.add_argument("--upstream", help="区域平台地址（首次运行）")
    p.add_argument("--station", help="12 位站点代码（首次运行）")
    p.add_argument("--code", help="为中继这台设备生成的一次性登记码（首次运行）")
    p.add_argument("--name", help="服务站名称（首次运行；平台尚不认识本站时才用到，否则保留各窗口登记时的名称）")
    p.add_argument("--device", default="90", help="中继的 2 位设备编号（默认 90）")
    p.add_argument("--ca-bundle", help="区域平台 TLS 证书的 CA 文件")
    p.add_argument("--dir", default=DEFAULT_DIR, help=f"中继的目录：密钥、状态与加密数据库（默认 ./{DEFAULT_DIR}）")
    p.add_argument("--host", default="0.0.0.0", help="监听地址（默认 0.0.0.0：中心局域网）")
    p.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"端口（默认 {DEFAULT_PORT}）")
    p.add_argument("--mirror-every", type=float, default=5.0,
                   help="每隔几秒向区域平台取平台更新和工作队笔记本的记录（默认 5；无新内容时逐次加倍，至多 60 倍）")
    p.add_argument("--devices-every", type=float, default=1800.0,
                   help="每隔几秒向区域平台重读设备名单（默认 1800；设备登记、改名或吊销时随即重读）")
    p.set_defaults(func=cmd_relay)

    p = sub.add_parser("db", help="数据库结构：upgrade 建立或升级，current 显示当前版本")
    db_sub = p.add_subparsers(dest="db_command", required=True, parser_class=_Parser)
    q = db_sub.add_parser("upgrade", help="建立数据库结构，或把较早枢纽的数据库升级到最新版本")
    q.set_defaults(func=cmd_db_upgrade)
    q = db_sub.add_parser("current", help="显示数据库结构的当前版本（最新时退出码为 0）")
    q.set_defaults(func=cmd_db_current)

    p = sub.add_parser("enrol-code", help="为站点的一台设备生成一次性登记码（最后一行为登记码）")
    p.add_argument("station", help="12 位站点代码")
    p.add_argument("--device", default="00", help="2 位设备编号（默认 00）")
    p.add_argument("--ttl-hours", type=float, default=72.0)
    p.set_defaults(func=cmd_enrol_code)

    p = sub.add_parser("publish-catalogue", help="校验并向所有站点发布事项目录")
    p.add_argument("file")
    p.set_defaults(func=cmd_publish_catalogue)

    p = sub.add_parser("publish-calendar", help="校验并向所有站点发布工作日历：区域调休日（bianmin-regional-days/1）"
                                                "或全国节假日安排（bianmin-national-days/1）")
    p.add_argument("file")
    p.set_defaults(func=cmd_publish_calendar)

    p = sub.add_parser("notice", help="向一个站点的各台设备（或 --all 所有站点）发布通知：标题和内容")
    target = p.add_mutually_exclusive_group(required=True)
    target.add_argument("--station", help="12 位站点代码")
    target.add_argument("--all", action="store_true", help="所有站点")
    p.add_argument("--title", default="", help="标题（可省略）")
    p.add_argument("--text", required=True, help="内容")
    p.set_defaults(func=cmd_notice)

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

    p = sub.add_parser("devices", help="站点的设备：list 列出，revoke 吊销")
    dev_sub = p.add_subparsers(dest="devices_command", required=True, parser_class=_Parser)
    q = dev_sub.add_parser("list", help="列出登记的设备")
    q.add_argument("--station", help="只列出此站点的设备")
    q.add_argument("--json", action="store_true", help="以 JSON 输出")
    q.set_defaults(func=cmd_devices_list)
    q = dev_sub.add_parser("revoke", help="吊销一台设备（其请求此后一律拒绝，编号不再登记）")
    q.add_argument("station", help="12 位站点代码")
    q.add_argument("device", help="2 位设备编号")
    q.set_defaults(func=cmd_devices_revoke)

    p = sub.add_parser("cases", help="列出枢纽上的办件")
    p.add_argument("--station")
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    p.set_defaults(func=cmd_cases)

    p = sub.add_parser("report", help="统计报表：各站点的数字（由站点上传的记录计算），及各区县与全部的合计")
    p.add_argument("period", nargs="?", help="YYYY-MM（一个月）、YYYY-MM-DD（一天）或 起..止（默认本月）")
    p.add_argument("--station", action="extend", nargs="+", metavar="CODE",
                   help="只统计这些站点（12 位代码，可给多个；默认所有登记的站点）")
    p.add_argument("--today", help="报表日 YYYY-MM-DD（当前超期按此日计；默认今天，北京时间）")
    p.add_argument("--json", action="store_true", help="以 JSON 输出（每个站点同站点的 bianmin report --json）")
    p.add_argument("--out", help="另写入 FILE.xlsx（站点对比、各站点明细、每月按时办结）")
    p.add_argument("--no-trend", action="store_true",
                   help="JSON 与 XLSX 不含近十二个月的按时办结（省去重放一年内办结的办件）")
    p.set_defaults(func=cmd_report)
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
        err(f"错误：{exc}")
        return 1
    except db.SchemaNotCurrent as exc:
        err(f"错误：{exc}")
        return 1
    except (SQLAlchemyError, db.DatabaseUnusable) as exc:
        err(db.redact_text(f"数据库错误（{db.redact_url(args.db)}）：{exc}", args.db))
        return 1
