"""``bianmin catalogue``: import, search, show, list and the versions of the service item catalogue."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.errors import BianminError
from bianmin.cli.common import emit_json, open_station, out


def cmd_catalogue(args: argparse.Namespace) -> int:
    from app.services import catalogue

    station = open_station(args)
    try:
        if args.cat_command == "import":
            v = catalogue.import_file(station, Path(args.file), activate=args.activate)
            out(f"已导入事项清单 {v.version}（本地导入）：{v.items} 个事项，{v.bundles} 个“一件事”")
            if not v.active:
                out("当前使用的仍是平台发布的版本；确需改用本地版本时：bianmin catalogue activate " + v.version)
        elif args.cat_command == "activate":
            v = catalogue.activate_version(station, args.version)
            out(f"当前使用事项清单 {v.version}（{'平台发布' if v.source == 'platform' else '本地导入'}）")
        elif args.cat_command == "search":
            hits = catalogue.search(station, args.query, limit=args.limit)
            if args.json:
                emit_json(hits)
            else:
                for h in hits:
                    out(f"{h.code:<24} {'[一件事] ' if h.kind == 'bundle' else ''}{h.name.zh}  {h.name.bo or ''}")
                if not hits:
                    out("没有找到匹配的事项")
        elif args.cat_command == "show":
            try:
                item: Any = catalogue.get_item(station, args.code, args.version)
            except BianminError:
                item = catalogue.get_bundle(station, args.code, args.version)
            if args.json:
                emit_json(item.body | {"version": item.version})
            else:
                _print_item(item.body, item.version)
        elif args.cat_command == "list":
            items = catalogue.list_items(station)
            if args.json:
                emit_json([{"code": i.code, "version": i.version, "name": i.name} for i in items])
            else:
                for i in items:
                    out(f"{i.code:<24} {i.name.zh}")
        elif args.cat_command == "versions":
            vs = catalogue.versions(station)
            if args.json:
                emit_json(vs)
            else:
                for v in vs:
                    origin = "平台发布" if v.source == "platform" else "本地导入"
                    out(f"{v.version:<12} {'当前' if v.active else '    '} {origin} {v.items:>4} 项 {v.published} "
                        f"{v.title}")
    finally:
        station.close()
    return 0


def _print_item(body: dict[str, Any], version: str) -> None:
    name = body["name"]
    out(f"{body['code']}  {name['zh']}  (版本 {version})")
    if name.get("bo"):
        out(f"    {name['bo']}")
    if "items" in body:
        out("包含事项：" + "、".join(body["items"]))
        return
    out(f"实施机关：{body['department']['zh']}")
    out(f"设定依据：{body['legal_basis']}")
    out(f"受理条件：{body['conditions']['zh']}")
    kind = "即办件" if body["handling"] == "instant" else "承诺件"
    out(f"办件类型：{kind}    法定时限：{body['legal_days']} 个工作日    承诺时限：{body['promised_days']} 个工作日")
    out(f"收费：{'收费 ' + body['fee'].get('standard', '') if body['fee']['charged'] else '不收费'}")
    out("申请材料：")
    for m in body["materials"]:
        flags = ["必要" if m["required"] else "非必要"]
        if m["deferrable"]:
            flags.append("可容缺")
        if m.get("e_licence_type"):
            flags.append(f"可用{m['e_licence_type']}")
        out(f"  - {m['name']['zh']}  原件 {m['originals']} 份，复印件 {m['copies']} 份（{'，'.join(flags)}）")

