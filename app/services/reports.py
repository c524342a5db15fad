"""The station's reports (统计报表): the figures of a day, a month or any period, in total and per
item, operator, device and mode, counted by ``app.reports`` from the cases this store holds (every
device's, as far as they reached here) and the consultations recorded here. Definitions:
``docs/reports.md``.

The store is read by index ranges (the day of intake, the facts' days) and only the cases that count
in the period are read, so a month's report costs the same on a station of two hundred cases or two
hundred thousand (``bench/reports.py``).
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from datetime import date

from app.errors import ItemNotFound
from app.models import CaseStatus, Decision, HandlingMode
from app.reports import CaseRecord, Dimension, Period, Report, as_json, compute, trend_start
from app.services import catalogue
from app.station import Station
from app.store import reports as store

log = logging.getLogger(__name__)



@dataclass(frozen=True)
class StationReport:
    """A report with what the window and the sheet need to name its lines."""

    station_code: str
    station_name: str
    report: Report
    names: dict[str, dict[str, str]]  # Dimension -> key -> name (items, operators, devices; modes: labels)
    millis: float = 0.0
    tibetan_items: dict[str, str] = field(default_factory=dict)  # item code -> its Tibetan name, where it has one

    def as_json(self) -> dict[str, object]:
        return {"station": {"code": self.station_code, "name": self.station_name}, **as_json(self.report, self.names)}


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value[:10]) if value else None


def records(station: Station, period: Period) -> list[CaseRecord]:
    """The records of every case that counts in ``period`` (``app.reports.relevant``)."""
    out = []
    for row in store.case_rows(station.db, period.start, period.end):
        out.append(CaseRecord(
            case_no=row["case_no"], created_day=date(int(row["created_day"][:4]), int(row["created_day"][4:6]),
                                                      int(row["created_day"][6:8])),
            status=CaseStatus(row["status"]), decision=Decision(row["decision"]), mode=HandlingMode(row["mode"]),
            items=tuple(sorted(filter(None, (row["items"] or "").split(",")))), instant=bool(row["instant"]),
            operator=row["operator"], device=row["origin"] or "", trips=int(row["trips"]),
            promised_due=_day(row["promised_due"]), agent_relation=row["agent_relation"],
            cross_region=bool(row["cross_region"]), special=bool(row["special"]),
            concluded_day=_day(row["concluded_at"]), rating=row["rating"], rated_day=_day(row["rated_at"]),
            bad=row["bad"], bad_day=_day(row["bad_at"]), rectified=bool(row["rectified"]),
            revisited=bool(row["revisited"]), revisit_result=row["revisit_result"] or "", window=row["window"] or ""))
    return out


def _names(station: Station, report: Report, cases: list[CaseRecord]) -> tuple[dict[str, dict[str, str]],
                                                                              dict[str, str]]:
    """Items by the catalogue's name; operators by their names here; devices by the 窗口 of their
    newest case in the report (this device: its own name). And the items' Tibetan names, where the
    catalogue has them (the bilingual monthly sheet)."""
    items, tibetan = {}, {}
    for line in report.lines(Dimension.item):
        try:
            name = catalogue.get_item(station, line.key).name
        except ItemNotFound:
            items[line.key] = line.key
            continue
        items[line.key] = name.zh
        if name.bo:
            tibetan[line.key] = name.bo
    devices = {r.device: r.window for r in sorted(cases, key=lambda r: r.case_no) if r.window}
    devices[station.device_no] = station.window_name
    return {Dimension.item.value: items, Dimension.operator.value: store.operator_names(station.db),
            Dimension.device.value: {line.key: devices.get(line.key, line.key)
                                     for line in report.lines(Dimension.device)}}, tibetan


def report(station: Station, period: Period, today: date | None = None) -> StationReport:
    """The figures of ``period`` (an administrator's: they name every clerk's work)."""
    station.require_admin()
    started = time.perf_counter()
    today = today or station.today()
    first = trend_start(period.end)
    cases = records(station, period)
    result = compute(cases, period, today,
                     consultations=store.consultations(station.db, period.start, period.end),
                     per_month=tuple(store.on_time_by_month(station.db, first, period.end)))
    names, tibetan = _names(station, result, cases)
    out = StationReport(station_code=station.station_code, station_name=station.station_name, report=result,
                        names=names, tibetan_items=tibetan, millis=(time.perf_counter() - started) * 1000)
    log.info("report %s: %d cases taken in, %.0f ms", period.key, result.total.taken_in, out.millis)
    return out
