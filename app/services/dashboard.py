"""The counter's dashboard (工作台): what needs the clerk's attention today, in one read.

``overview(station)`` gathers today's cases, open cases due within two working days and overdue
ones, cases waiting for corrections, deferred materials due soon or late, cases in conflict between
two devices' actions (``app.merge``), the open 差评 work items (整改, 回访: ``cases.bad_ratings``),
and the 最多跑一次 / 即办 rates, as one small frozen value. It
classifies due dates exactly as :func:`app.services.cases.due_report` does
(``WorkCalendar.due_state`` with two working days of warning) but by index ranges in SQL, not row by
row in Python, so the time does not grow with the number of cases.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any

from app.errors import ItemNotFound
from app.models import CaseStatus, Evaluation, SpecialGroup
from app.reports import Period
from app.services import catalogue
from app.services.cases import OPEN_STATUSES
from app.services.cases.rows import groups_of
from app.station import Station
from app.store import dashboard as store
from app.store import reports as report_store

log = logging.getLogger(__name__)

WARN_DAYS = 2  # as WorkCalendar.due_state: due within two working days is "due soon"
LIMIT = 50  # rows per list; the counts say how many there are in all
RATE_DAYS = 30  # the rates count the cases of the last 30 days (an index range; all time is slow)
TREND_DAYS = 30  # the dashboard's small charts: the rating levels of 30 days, cases per day of the last 14


@dataclass(frozen=True)
class Entry:
    """A line of a dashboard list: one case (and, for a deferred material, which material)."""

    case_no: str
    applicant_name: str
    items: str
    status: CaseStatus
    due: date | None  # promised due date, correction due date or the material's due date
    material: str = ""  # the deferred material's name
    origin: str = ""  # the device (number) that took the case in
    special_groups: tuple[SpecialGroup, ...] = ()  # 特殊群体: served first
    rating: str = ""  # a 差评 work item: the bad rating's level (``models.Evaluation``); ``due`` its 整改期限
    rectified: bool = False  # a 差评 work item: the rectification is recorded (the revisit is next)
    overdue: bool = False  # a 差评 work item: not rectified by its due date


@dataclass(frozen=True)
class Section:
    entries: tuple[Entry, ...]
    total: int  # may be more than the entries shown
    capped: bool = False  # counting stopped at ``total``: there are at least that many

    @property
    def more(self) -> int:
        return max(0, self.total - len(self.entries))


@dataclass(frozen=True)
class Rates:
    since: date
    cases: int
    at_most_one_trip: int
    instant: int
    special: int = 0  # of a special group (特殊群体)

    @property
    def at_most_one_trip_rate(self) -> float:
        return self.at_most_one_trip / self.cases if self.cases else 0.0

    @property
    def instant_rate(self) -> float:
        return self.instant / self.cases if self.cases else 0.0


@dataclass(frozen=True)
class Overview:
    today: date
    due_soon_until: date  # due dates before this day (and not before today) are "due soon"
    today_cases: Section
    due_soon: Section
    overdue: Section
    corrections: Section
    deferred_due_soon: Section
    deferred_overdue: Section
    rates: Rates | None  # None: not read yet (``rates_of``: a second, slower read)
    sync: dict[str, Any] = field(default_factory=dict)  # sync.engine.status, filled in by the caller
    millis: float = 0.0
    # cases two devices acted on while apart, in ways that cannot both stand (cases.resolve_conflict)
    conflicts: Section = field(default_factory=lambda: Section((), 0))
    # 差评待整改回访: bad ratings not yet revisited, the soonest rectification due first
    bad_ratings: Section = field(default_factory=lambda: Section((), 0))


def due_soon_bound(station: Station, today: date) -> date:
    """The first day that is no longer "due soon": the third working day after ``today``.

    ``due_state(due, today)`` is due_soon when today <= due and there are at most two working days
    in (today, due], that is when due comes before the third working day after today.
    """
    return station.calendar.add_working_days(today, WARN_DAYS + 1)


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _section(rows: list[dict[str, Any]], total: int, due_key: str = "promised_due") -> Section:
    return Section(tuple(Entry(case_no=r["case_no"], applicant_name=r["applicant_name"], items=r["items"] or "",
                               status=CaseStatus(r["status"]), due=_date(r.get(due_key)), origin=r["origin"] or "",
                               special_groups=tuple(groups_of(r["special_groups"])))
                           for r in rows), total)


def _deferred(station: Station, rows: list[dict[str, Any]], total: int) -> Section:
    """Deferred materials with their names; the count stops at ``store.COUNT_CAP``."""
    names: dict[tuple[str, str], str] = {}
    entries = []
    for r in rows:
        key = (r["item_code"], r["material_code"])
        if key not in names:
            names[key] = _material_name(station, *key)
        entries.append(Entry(case_no=r["case_no"], applicant_name=r["applicant_name"], items="",
                             status=CaseStatus.accepted, due=_date(r["due_date"]), material=names[key],
                             origin=r["origin"] or "", special_groups=tuple(groups_of(r["special_groups"]))))
    return Section(tuple(entries), total, capped=total >= store.COUNT_CAP)


def _bad_ratings(rows: list[dict[str, Any]], total: int, today: date) -> Section:
    """The open 差评 work items: each with its level, its 整改期限 and whether it is rectified or overdue."""
    entries = []
    for r in rows:
        due, rectified = _date(r["rectify_due"]), r["rectified_at"] is not None
        entries.append(Entry(case_no=r["case_no"], applicant_name=r["applicant_name"], items=r["items"] or "",
                             status=CaseStatus(r["status"]), due=due, origin=r["origin"] or "",
                             special_groups=tuple(groups_of(r["special_groups"])), rating=r["bad"] or "",
                             rectified=rectified, overdue=not rectified and due is not None and due < today))
    return Section(tuple(entries), total)


def _material_name(station: Station, item_or_bundle: str, material_code: str) -> str:
    """The material's Chinese name from the active catalogue (the code when it is not there).

    A deferred material of a bundle case is filed under the bundle's code."""
    try:
        codes = [item_or_bundle, *catalogue.get_bundle(station, item_or_bundle).item_codes]
    except ItemNotFound:
        codes = [item_or_bundle]
    for code in codes:
        try:
            m = catalogue.get_item(station, code).material(material_code)
        except ItemNotFound:
            continue
        if m is not None:
            return m.name.zh
    return material_code


def rates_of(station: Station) -> Rates:
    """最多跑一次 and 即办 rates of the last RATE_DAYS days. It reads every case of those days (tens of
    milliseconds at a village station, a second or more on a very busy centre), so the dashboard
    asks for it after the lists are shown."""
    since = station.today() - timedelta(days=RATE_DAYS)
    n_cases, one_trip, instant, special = store.rates_since(station.db, since.strftime("%Y%m%d"))
    return Rates(since=since, cases=n_cases, at_most_one_trip=one_trip, instant=instant, special=special)


@dataclass(frozen=True)
class Trend:
    """The dashboard's small charts: cases taken in and concluded per day, and the rating levels
    given, over the last ``days`` days (today included). It names no one: shown to every clerk."""

    since: date
    today: date
    per_day: tuple[tuple[date, int, int], ...]  # (day, taken in, concluded), every day of the period
    ratings: dict[str, int]  # ``models.Evaluation`` -> ratings given in the period
    millis: float = 0.0

    @property
    def rated(self) -> int:
        return sum(self.ratings.values())


def trend(station: Station, days: int = TREND_DAYS) -> Trend:
    """Cases per day and the rating levels of the last ``days`` days, counted as the reports count
    them (``app.reports``; a test holds them to the report of the same days) but from the reports'
    indexes alone: no case's row is read. For every operator, unlike the report."""
    started = time.perf_counter()
    today = station.today()
    period = Period(today - timedelta(days=max(1, days) - 1), today)
    given = report_store.ratings(station.db, period.start, period.end)
    out = Trend(since=period.start, today=today,
                per_day=tuple(report_store.per_day(station.db, period.start, period.end)),
                ratings={e.value: given.get(e.value, 0) for e in Evaluation},
                millis=(time.perf_counter() - started) * 1000)
    log.debug("dashboard trend of %d days read in %.1f ms", days, out.millis)
    return out


def overview(station: Station, limit: int = LIMIT, *, with_rates: bool = True) -> Overview:
    """Everything the dashboard shows except the sync state (that is ``sync.engine.status``)."""
    started = time.perf_counter()
    db = station.db
    today = station.today()
    soon = due_soon_bound(station, today)
    t, s = today.isoformat(), soon.isoformat()
    open_statuses = [st.value for st in OPEN_STATUSES]
    created, n_created = store.created_on(db, today.strftime("%Y%m%d"), limit)
    due_soon, n_due_soon = store.due_range(db, open_statuses, t, s, limit)
    overdue, n_overdue = store.due_range(db, open_statuses, None, t, limit)
    corrections, n_corrections = store.with_status(db, CaseStatus.correction_requested.value, limit)
    d_soon, n_d_soon = store.deferred_range(db, t, s, limit)
    d_over, n_d_over = store.deferred_range(db, None, t, limit)
    conflicts, n_conflicts = store.in_conflict(db, limit)
    bad, n_bad = store.bad_open(db, limit)
    result = Overview(
        today=today, due_soon_until=soon,
        today_cases=_section(created, n_created),
        due_soon=_section(due_soon, n_due_soon),
        overdue=_section(overdue, n_overdue),
        corrections=_section(corrections, n_corrections, due_key="correction_due"),
        deferred_due_soon=_deferred(station, d_soon, n_d_soon),
        deferred_overdue=_deferred(station, d_over, n_d_over),
        rates=rates_of(station) if with_rates else None,
        conflicts=_section(conflicts, n_conflicts),
        bad_ratings=_bad_ratings(bad, n_bad, today),
    )
    millis = (time.perf_counter() - started) * 1000
    log.debug("dashboard read in %.1f ms", millis)
    return replace(result, millis=millis)
