"""``bianmin settings``: show and set the station's settings."""

from __future__ import annotations

import argparse

from bianmin.cli.common import CliError, emit_json, open_station, out


def cmd_settings(args: argparse.Namespace) -> int:
    from dataclasses import asdict, fields

    from app.services import settings

    station = open_station(args)
    try:
        current = settings.load(station)
        if args.settings_command == "set":
            names = {f.name: f.type for f in fields(current)}
            if args.key not in names:
                raise CliError(f"没有这项设置：{args.key}（可用：{'、'.join(names)}）")
            value: object = args.value
            if names[args.key] in (int, "int"):
                try:
                    value = int(args.value)
                except ValueError as exc:
                    raise CliError(f"{args.key} 须为整数") from exc
            setattr(current, args.key, value)
            current = settings.save(station, current)
    finally:
        station.close()
    if getattr(args, "json", False):
        emit_json(asdict(current))
    else:
        for key, value in asdict(current).items():
            out(f"{key:<18} {value}")
    return 0

