"""``bianmin consult``: record a consultation (咨询) that did not become a case, and count them."""

from __future__ import annotations

import argparse
from datetime import date

from bianmin.cli.common import CliError, emit_json, open_station, out


def cmd_consult(args: argparse.Namespace) -> int:
    from app.labels import zh
    from app.services import consultations

    station = open_station(args)
    try:
        if args.consult_command == "record":
            number = consultations.record(station, "" if args.item in ("", "-") else args.item, args.answer,
                                          consent=args.consent, name=args.name or "", phone=args.phone or "",
                                          note=args.note or "")
            out(f"已登记咨询（第 {number} 条）：{zh(args.answer, 'ConsultAnswer')}")
            return 0
        try:
            since = date.fromisoformat(args.since) if args.since else station.today()
        except ValueError as exc:
            raise CliError(f"日期应写成 YYYY-MM-DD：{args.since}") from exc
        counted = consultations.count(station, since)
    finally:
        station.close()
    if args.json:
        emit_json(counted)
    else:
        out(f"{counted.since.isoformat()} 以来咨询 {counted.total} 次")
        for answer, n in sorted(counted.by_answer.items(), key=lambda kv: -kv[1]):
            out(f"  {zh(answer, 'ConsultAnswer')}：{n}")
    return 0
