"""The figures at the platform (统计报表): each station's, counted from the events its devices pushed,
and the totals of each region (county) and of every station asked — so that a county office compares
its stations (``bianmin-hub report``). Definitions of every figure: ``docs/reports.md``.

There is one definition of the figures: ``app.reports.compute``, the function the station counts
with. Here each case that counts in the period is **replayed** from its events as the station
replays a case shared between its devices (``app.merge.causal_order``, then
``app.services.cases.replay``: its status, decision, mode, items, trips, promised due date, agent,
cross-region and special groups; the working days, for the due dates of special procedures whose
events do not carry them, are those a station holds once it took every calendar the platform
published), and its facts (first conclusion, its rating, its 差评 work item) are **folded** from its
events with ``app.casefacts.fold``, the station's own fold. So for the cases the platform has
received, a station's figures here are the station's own.

What it reads and costs (``events`` has indexes on ``case_no``, on each station's chains and, from
revision 0003, on (station, type, at)):

1. the case numbers that may count: the asked stations' intakes and ratings (``case.received``,
   ``case.evaluated``) in the period, and their conclusions (``case.concluded``) in the period — or
   in the trend's twelve months when the trend is asked: index ranges of ``ix_events_station_type_at``
   (a station, a kind, a span of time each), not every event the stations pushed;
2. every event of those cases, by ``ix_events_case_no``, 400 cases a query, each payload decoded;
3. a replay and a fold per case in Python: 0.15 ms for a demo case of about four events (measured
   on 1,000 demo cases), a little more with reading its events. A month of a county of 20 stations
   taking 300 cases a month each is about 6,000 cases: a few seconds. The twelve months' trend
   adds the cases concluded in the year before (about twelve times as many: tens of seconds), so
   only the JSON and the workbook count it, and ``--no-trend`` leaves it out there too;
4. the period's consultations (``station.consultation``), one query over the asked stations' events.

Memory holds one record per counted case (a few hundred bytes each) and the events of 400 cases at
a time. Nothing is kept between two reports: each reads what the platform holds at that moment.

Differences from the station's own report that come from what each side holds:
- cases whose events have not all reached the platform count as far as they did (a station that
  has not synchronised since shows its older figures here);
- consultations: the station counts those recorded on the device that reports; the platform counts
  every device's of the station (``station.consultation`` events), as a report of the whole station;
- names: items by the newest catalogue the platform published (else the name their newest intake
  carried), devices by the 窗口 of their newest case in the report (else the hub's device name),
  operators by their login (the platform has no operators' names).
"""

from __future__ import annotations

import json
import logging
import tempfile
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from app.casefacts import FOLDED_TYPES, Facts, fold
from app.errors import BianminError
from app.journal import Event, EventType, StationEventType
from app.merge import causal_order
from app.reports import CaseRecord, Dimension, Period, Report, compute, relevant, trend_start
from app.reports import as_json as report_json
from app.services.cases.replay import CaseState, replay
from app.services.reports import StationReport
from app.workdays import (
    NATIONAL_FILE,
    REGIONAL_FILE,
    CalendarFileError,
    WorkCalendar,
    default_regional_days,
    load_national_days,
    load_regional_days,
    prefecture_of,
    store_calendar_document,
)
from hub import db
from sync import protocol

log = logging.getLogger(__name__)

_CHUNK = 400  # values in one IN (...) list
_COUNTED_TYPES = (EventType.received.value, EventType.evaluated.value)  # with ``case.concluded``: what may count
# A region's breakdowns (logins and device numbers are a station's own).
REGION_DIMENSIONS = (Dimension.item, Dimension.mode)


def county_of(station_code: str) -> str:
    """A station's region: the county of its 12-digit area code (its first six digits)."""
    return station_code[:6]


@dataclass(frozen=True)
class RegionReport:
    """The figures of several stations together: a county's (``code``: six digits), or of every station
    asked (``code`` empty)."""

    code: str
    stations: tuple[str, ...]
    report: Report
    names: dict[str, dict[str, str]]

    def as_json(self) -> dict[str, Any]:
        out = report_json(self.report, self.names)
        by = out["by"]
        assert isinstance(by, dict)
        out["by"] = {d.value: by[d.value] for d in REGION_DIMENSIONS}
        return {"region": {"code": self.code, "stations": list(self.stations)}, **out}


@dataclass(frozen=True)
class HubReport:
    """Every asked station's report (``StationReport``, as the station's own), each region's and the total."""

    period: Period
    today: date
    stations: tuple[StationReport, ...]
    regions: tuple[RegionReport, ...]
    total: RegionReport
    skipped: tuple[str, ...] = ()  # cases whose events could not be replayed (malformed; logged)
    millis: float = 0.0

    def as_json(self) -> dict[str, Any]:
        return {"period": {"start": self.period.start.isoformat(), "end": self.period.end.isoformat()},
                "today": self.today.isoformat(),
                "stations": [s.as_json() for s in self.stations],
                "regions": [r.as_json() for r in self.regions],
                "total": self.total.as_json(),
                "skipped": list(self.skipped)}


@dataclass
class _Station:
    code: str
    name: str
    records: list[CaseRecord] = field(default_factory=list)
    consultations: list[tuple[str, str]] = field(default_factory=list)
    items: dict[str, str] = field(default_factory=dict)  # item code -> name (the newest case's)
    windows: dict[str, str] = field(default_factory=dict)  # device -> 窗口 (the newest case's)
    device_names: dict[str, str] = field(default_factory=dict)  # device -> name enrolled at the hub


# -- the calendar --------------------------------------------------------------------------------------
def calendars(session: Session) -> _Calendars:
    return _Calendars(session)


class _Calendars:
    """The working days a station holds once it took every calendar the platform published (the
    regional days, the national calendar), as ``sync.engine`` keeps them: built in a scratch directory
    with the station's own functions (``app.workdays.store_calendar_document``). Per prefecture."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self._made: dict[tuple[str, tuple[int, ...]], WorkCalendar] = {}
        self._of: dict[str, WorkCalendar] = {}

    def of(self, station_code: str) -> WorkCalendar:
        if station_code not in self._of:
            rows = list(self.session.execute(
                select(db.Update.id, db.Update.body).where(db.Update.kind == protocol.CALENDAR,
                                                           (db.Update.station.is_(None))
                                                           | (db.Update.station == station_code))
                .order_by(db.Update.id)))
            key = (prefecture_of(station_code), tuple(int(r[0]) for r in rows))
            if key not in self._made:
                self._made[key] = _calendar(key[0], [str(r[1]) for r in rows])
            self._of[station_code] = self._made[key]
        return self._of[station_code]


def _calendar(prefecture: str, bodies: Sequence[str]) -> WorkCalendar:
    with tempfile.TemporaryDirectory(prefix="bianmin-hub-calendar-") as scratch:
        home = Path(scratch)
        for body in bodies:
            try:
                store_calendar_document(home, json.loads(body))
            except (ValueError, CalendarFileError) as exc:  # a station refuses it too and keeps what it had
                log.warning("a published calendar is not usable: %s", type(exc).__name__)
        regional = load_regional_days(home / REGIONAL_FILE) if (home / REGIONAL_FILE).exists() \
            else list(default_regional_days())
        national = load_national_days(home / NATIONAL_FILE) if (home / NATIONAL_FILE).exists() else None
    return WorkCalendar(regional, prefecture=prefecture, national=national)


# -- reading -------------------------------------------------------------------------------------------
def _chunks(values: Sequence[Any]) -> Iterable[Sequence[Any]]:
    for start in range(0, len(values), _CHUNK):
        yield values[start:start + _CHUNK]


def _stamps(start: date, end: date) -> tuple[str, str]:
    """The ISO stamps of [start, end + 1 day): a day's events by their ``at`` (Beijing time)."""
    return start.isoformat(), date.fromordinal(end.toordinal() + 1).isoformat()


def _candidates(session: Session, stations: Sequence[str], period: Period, concluded_from: date) -> list[str]:
    """The case numbers that may count: an intake or a rating in the period, a conclusion since
    ``concluded_from`` (a superset of ``app.reports.relevant``: the records decide)."""
    found: set[str] = set()
    lo, hi = _stamps(period.start, period.end)
    trend_lo, _ = _stamps(concluded_from, period.end)
    for part in _chunks(sorted(stations)):
        for types, start in ((_COUNTED_TYPES, lo), ((EventType.concluded.value,), trend_lo)):
            found.update(str(n) for n in session.scalars(candidate_query(part, types, start, hi)))
    return sorted(found)


def candidate_query(stations: Sequence[str], types: Sequence[str], start: str, end: str) -> Select[str | None]:
    """The case numbers of ``stations``' events of ``types`` stamped in [start, end) (ISO stamps):
    ranges of ``ix_events_station_type_at``."""
    return (select(db.StoredEvent.case_no).distinct()
            .where(db.StoredEvent.station.in_(stations), db.StoredEvent.type.in_(types),
                   db.StoredEvent.at >= start, db.StoredEvent.at < end, db.StoredEvent.case_no.is_not(None)))


def case_events(session: Session, case_nos: Sequence[str]) -> Iterable[tuple[str, list[Event]]]:
    """Each case's events as the station holds them (``app.journal.Event``), 400 cases at a time."""
    columns = (db.StoredEvent.seq, db.StoredEvent.event_id, db.StoredEvent.station, db.StoredEvent.case_no,
               db.StoredEvent.type, db.StoredEvent.at, db.StoredEvent.operator, db.StoredEvent.device,
               db.StoredEvent.payload, db.StoredEvent.prev_hash, db.StoredEvent.hash)
    for part in _chunks(case_nos):
        held: dict[str, list[Event]] = {}
        for seq, event_id, station, case_no, type_, at, operator, device, payload, prev, hash_ in \
                session.execute(select(*columns).where(db.StoredEvent.case_no.in_(part))):
            held.setdefault(str(case_no), []).append(Event(
                seq=int(seq), event_id=event_id, station=station, case_no=case_no, type=type_, at=at,
                operator=operator, device=device, payload=json.loads(payload), prev_hash=prev, hash=hash_))
        yield from sorted(held.items())


def _day(stamp: str | None) -> date | None:
    return date.fromisoformat(stamp[:10]) if stamp else None


def case_record(events: Sequence[Event], calendar: WorkCalendar) -> tuple[CaseRecord, CaseState] | None:
    """One case's record from all its events, as the station makes its row and facts (``replay`` in
    causal order, the intake first; ``fold``); None while its intake has not reached the platform.
    Raises ``BianminError`` for events that cannot be one case's journal."""
    order = causal_order(events)
    intake = next((e for e in order if e.type == EventType.received), None)
    if intake is None:
        return None
    if order[0] is not intake:  # as the station projects it (``sharing.project_case``)
        order = [intake, *(e for e in order if e is not intake)]
    state = replay(order, calendar)
    facts: Facts | None = None
    for ev in events:
        if ev.type in FOLDED_TYPES:
            assert ev.case_no is not None
            facts = fold(facts, case_no=ev.case_no, type=ev.type, at=ev.at, device=ev.device, seq=ev.seq,
                         operator=ev.operator, payload=ev.payload)
    f = facts or Facts(case_no=state.case.case_no)
    c = state.case
    agent = state.docs.get("agent")
    relation = agent.get("relation") if isinstance(agent, dict) else None
    record = CaseRecord(
        case_no=c.case_no, created_day=c.created_at.date(), status=c.status, decision=c.decision, mode=c.mode,
        items=tuple(sorted(i.item_code for i in c.items)), instant=all(i.instant for i in c.items),
        operator=c.operator, device=c.origin, trips=c.trips, promised_due=c.promised_due,
        agent_relation=relation if isinstance(relation, str) else None, cross_region=c.cross_region is not None,
        special=bool(c.special_groups), concluded_day=_day(f.concluded_at), rating=f.rating,
        rated_day=_day(f.rated_at), bad=f.bad, bad_day=_day(f.bad_at), rectified=f.rectified_at is not None,
        revisited=f.revisited_at is not None, revisit_result=f.revisit_result, window=c.window)
    return record, state


def _consultations(session: Session, stations: dict[str, _Station], period: Period) -> None:
    lo, hi = _stamps(period.start, period.end)
    for part in _chunks(sorted(stations)):
        for station, operator, payload in session.execute(
                select(db.StoredEvent.station, db.StoredEvent.operator, db.StoredEvent.payload)
                .where(db.StoredEvent.station.in_(part), db.StoredEvent.type == StationEventType.consultation.value,
                       db.StoredEvent.at >= lo, db.StoredEvent.at < hi)):
            try:
                item = json.loads(payload).get("item")
            except (ValueError, AttributeError):
                item = None
            stations[station].consultations.append((item if isinstance(item, str) else "", str(operator)))


# -- counting ------------------------------------------------------------------------------------------
def _trend(records: Sequence[CaseRecord], start: date, end: date, today: date) -> tuple[tuple[str, int, int], ...]:
    """(YYYY-MM, concluded, on time) for every month from ``start``'s to ``end``'s (the last month up to
    ``end``), each month's counted by ``compute`` as that month's own report counts it."""
    out = []
    index, last = start.year * 12 + start.month - 1, end.year * 12 + end.month - 1
    while index <= last:
        first = date(index // 12, index % 12 + 1, 1)
        month_end = Period.month(first.year, first.month).end
        month = Period(max(first, start), min(month_end, end))
        concluded = [r for r in records if r.concluded_day in month]
        total = compute(concluded, month, today).total
        out.append((f"{first:%Y-%m}", total.concluded, total.on_time))
        index += 1
    return tuple(out)


def _sum_trends(trends: Iterable[tuple[tuple[str, int, int], ...]]) -> tuple[tuple[str, int, int], ...]:
    summed: dict[str, list[int]] = {}
    for trend in trends:
        for month, concluded, on_time in trend:
            pair = summed.setdefault(month, [0, 0])
            pair[0] += concluded
            pair[1] += on_time
    return tuple((m, c, o) for m, (c, o) in sorted(summed.items()))


def report(session: Session, period: Period, today: date, stations: Sequence[str] | None = None,
           trend: bool = True) -> HubReport:
    """The figures of ``period`` for each of ``stations`` (None: every station enrolled), each county's
    and the total, ``today`` being the report's day (当前超期). ``trend``: with the twelve months'
    on-time trend (``per_month``), which replays the year's concluded cases too. Raises ``KeyError``
    naming a station the hub does not know."""
    started = time.perf_counter()
    known = {code: name for code, name in session.execute(select(db.Station.code, db.Station.name))}
    codes = sorted(known) if stations is None else sorted(dict.fromkeys(stations))
    for code in codes:
        if code not in known:
            raise KeyError(code)
    held = {code: _Station(code, known[code]) for code in codes}
    for owner, device, name in session.execute(select(db.Device.station, db.Device.device, db.Device.name)):
        if owner in held:
            held[owner].device_names[device] = name
    first = trend_start(period.end) if trend else period.start
    case_nos = _candidates(session, codes, period, first)
    made = calendars(session)
    skipped: list[str] = []
    replayed = 0
    for case_no, events in case_events(session, case_nos):
        station = held.get(events[0].station)
        if station is None:  # pragma: no cover - the candidates are the asked stations' cases
            continue
        try:
            done = case_record(events, made.of(station.code))
        except BianminError as exc:
            log.warning("case %s not counted: its events cannot be replayed (%s)", case_no, exc.code)
            skipped.append(case_no)
            continue
        if done is None:
            continue
        record, state = done
        replayed += 1
        station.records.append(record)
        if relevant(record, period):  # the newest case of the report names its items and window (case order)
            for item in state.case.items:
                station.items[item.item_code] = item.name
            if record.window:
                station.windows[record.device] = record.window
    _consultations(session, held, period)
    results = {}
    for station in held.values():
        per_month = _trend(station.records, first, period.end, today) if trend else ()
        results[station.code] = compute(station.records, period, today, consultations=station.consultations,
                                        per_month=per_month)
    catalogue = _catalogue_names(session, codes, {line.key for r in results.values()
                                                  for line in r.lines(Dimension.item)})
    reports = [StationReport(station_code=s.code, station_name=s.name, report=results[s.code],
                             names=_names(s, results[s.code], catalogue)) for s in held.values()]
    regions = []
    for county in sorted({county_of(c) for c in codes}):
        members = [held[c] for c in codes if county_of(c) == county]
        regions.append(_region(county, members, [r for r in reports if county_of(r.station_code) == county],
                               period, today))
    total = _region("", list(held.values()), reports, period, today)
    millis = (time.perf_counter() - started) * 1000
    log.info("hub report %s: %d stations, %d cases replayed, %d skipped, %.0f ms", period.key, len(codes),
             replayed, len(skipped), millis)
    return HubReport(period=period, today=today, stations=tuple(reports), regions=tuple(regions), total=total,
                     skipped=tuple(skipped), millis=millis)


def _catalogue_names(session: Session, stations: Sequence[str], wanted: set[str]) -> dict[str, str]:
    """The Chinese names of the ``wanted`` item codes in the catalogues the platform published (to every
    station or to one of ``stations``), the newest first: the names the stations' catalogues hold."""
    names: dict[str, str] = {}
    if not wanted:
        return names
    rows = session.scalars(select(db.Update.body).where(
        db.Update.kind == protocol.CATALOGUE, db.Update.station.is_(None) | db.Update.station.in_(stations))
        .order_by(db.Update.id.desc()))
    for body in rows:
        try:
            items = json.loads(body).get("items") or []
        except (ValueError, AttributeError):
            continue
        for item in items if isinstance(items, list) else ():
            code = item.get("code") if isinstance(item, dict) else None
            name = item.get("name") if isinstance(item, dict) else None
            zh = name.get("zh") if isinstance(name, dict) else None
            if code in wanted and code not in names and isinstance(zh, str):
                names[code] = zh
        if len(names) == len(wanted):
            break
    return names


def _names(station: _Station, report: Report, catalogue: dict[str, str]) -> dict[str, dict[str, str]]:
    """Items by the published catalogue's name (as the station's catalogue names them), else the name
    their newest intake carried; devices by the 窗口 of their newest case, else their name at the hub;
    operators by login."""
    windows = {**station.device_names, **station.windows}
    items = {**station.items, **catalogue}
    return {Dimension.item.value: {line.key: items.get(line.key, line.key) for line in report.lines(Dimension.item)},
            Dimension.operator.value: {line.key: line.key for line in report.lines(Dimension.operator)},
            Dimension.device.value: {line.key: windows.get(line.key, line.key)
                                     for line in report.lines(Dimension.device)}}


def _region(code: str, members: Sequence[_Station], reports: Sequence[StationReport], period: Period,
            today: date) -> RegionReport:
    """The stations' cases and consultations counted together by ``compute`` (so every count is the sum
    of the stations' and the rates are the region's own), the trend summed."""
    records = [r for s in members for r in s.records]
    consultations = [c for s in members for c in s.consultations]
    result = compute(records, period, today, consultations=consultations,
                     per_month=_sum_trends(r.report.per_month for r in reports))
    items: dict[str, str] = {}
    for s in members:
        items.update(s.items)
    names = {Dimension.item.value: {line.key: items.get(line.key, line.key) for line in result.lines(Dimension.item)}}
    return RegionReport(code=code, stations=tuple(s.code for s in members), report=result, names=names)

