"""``bianmin notices``: the platform's notices and what the station's sync set aside for a person
(``app.services.notices``); ``bianmin notices read ID… | --all`` marks them read (an administrator)."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from typing import Any

from app.textcheck import visible
from bianmin.cli.common import CliError, emit_json, open_station, out


def _details(details: dict[str, Any]) -> str:
    """A station notice's data on one line: the case, the version, the reason, the first problems."""
    parts = []
    for key in ("case_no", "version", "format", "update_kind", "reason", "count"):
        if details.get(key) not in (None, ""):
            parts.append(f"{key}={details[key]}")
    problems = details.get("problems")
    if isinstance(problems, list) and problems:
        parts.append("；".join(str(p) for p in problems[:3]))
    return visible(" ".join(parts))


def cmd_notices(args: argparse.Namespace) -> int:
    from app.labels import zh
    from app.services import notices

    station = open_station(args)
    try:
        if args.notices_command == "read":
            if not args.ids and not args.all:
                raise CliError("请给出通知编号，或用 --all 标记全部未读通知")
            marked = notices.mark_read(station, None if args.all else list(args.ids))
            out(f"已标为已读：{len(marked)} 条")
            return 0
        shown = notices.list_notices(station, unread_only=not args.all)
    finally:
        station.close()
    if args.json:
        emit_json([asdict(n) for n in shown])
        return 0
    if not shown:
        out("没有未读通知" if not args.all else "没有通知")
        return 0
    for n in shown:
        state = "未读" if n.unread else f"已读 {n.read_at[:16].replace('T', ' ') if n.read_at else ''}"
        out(f"[{visible(n.id)}] {n.received_at[:16].replace('T', ' ')}  {zh(n.kind, 'NoticeKind')}  （{state}）")
        if n.title:
            out(f"  {visible(n.title)}")
        if n.text:
            out(f"  {visible(n.text)}")
        if n.details:
            out(f"  {_details(n.details)}")
    return 0
