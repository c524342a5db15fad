"""``bianmin-hub notice``: a notice from the regional office to one station's devices, or to every
station (``--all``): a title and a text that the window's dashboard and ``bianmin notices`` show."""

from __future__ import annotations

import argparse
import re

from hub.cli.common import CliError, engine, out, publish, refuse_control_text
from sync import protocol

TITLE_MAX = 200
TEXT_MAX = 2000


def cmd_notice(args: argparse.Namespace) -> int:
    title, text = args.title.strip(), args.text.strip()
    if not text:
        raise CliError("通知内容不能为空，未发布")
    if len(title) > TITLE_MAX or len(text) > TEXT_MAX:
        raise CliError(f"通知标题最多 {TITLE_MAX} 字、内容最多 {TEXT_MAX} 字，未发布")
    if args.station is not None and not re.fullmatch(r"\d{12}", args.station):
        raise CliError(f"站点代码应为 12 位数字：{args.station}")
    body = {"kind": "message", "title": title, "text": text}
    refuse_control_text(body, "通知")
    update_id = publish(engine(args.db), protocol.NOTICE, body, station=args.station)
    where = f"站点 {args.station} 的各台设备" if args.station else "所有站点"
    out(f"已向{where}发布通知，更新编号 {update_id}")
    return 0
