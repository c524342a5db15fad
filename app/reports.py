"""The station's figures (统计报表): one definition of every figure a report shows, counted from plain
per-case records. The station reads the records from its store (``app.services.reports``), the
platform from the events its stations pushed (``hub.reports``); both count them here, so a county's
figures for a station agree with the station's own. Every figure is defined in ``docs/reports.md``.

Nothing here reads a store or says a sentence: figures are counts keyed by codes (an item's code, an
operator's login, a device's number, a ``HandlingMode``); the window and the printed sheet put names
and labels on them.
"""

from __future__ import annotations

import calendar as _calendar
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields
from datetime import date, timedelta
from enum import StrEnum
from typing import NamedTuple

from app.errors import ValidationError
from app.models import BAD_RATINGS, AgentRelation, CaseStatus, Decision, Evaluation, HandlingMode

# Ended without a result: left out of the rates (as the dashboard's rates leave them out).
ENDED_WITHOUT_RESULT = frozenset({CaseStatus.refused, CaseStatus.withdrawn, CaseStatus.revoked})
CONCLUDED = frozenset({CaseStatus.concluded, CaseStatus.delivered})
OPEN = frozenset({CaseStatus.accepted, CaseStatus.in_progress, CaseStatus.special_procedure})
GOOD_RATINGS = frozenset(Evaluation) - BAD_RATINGS
MAX_PERIOD_DAYS = 3 * 366 + 1  # a report covers at most three years
TREND_MONTHS = 12  # the on-time trend: the months ending with the period's last


class Dimension(StrEnum):
    """What a report's figures can be broken down by."""

    item = "item"  # a service item (a case of two items counts under each)
    operator = "operator"  # the clerk who took the case in (a consultation: who answered it)
    device = "device"  # the window (device) that took it in
    mode = "mode"  # in person, 帮办, 代办, 上门


@dataclass(frozen=True)
class Period:
    """The days a report covers, both ends included."""

    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end < self.start or (self.end - self.start).days >= MAX_PERIOD_DAYS:
            raise ValidationError("period", problems=[{"field": "period", "problem": "out_of_range"}])

    @classmethod
    def day(cls, d: date) -> Period:
        return cls(d, d)

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        if not 1 <= month <= 12 or not 2000 <= year <= 2200:
            raise ValidationError("period", problems=[{"field": "month", "problem": "out_of_range"}])
        return cls(date(year, month, 1), date(year, month, _calendar.monthrange(year, month)[1]))

    @classmethod
    def parse(cls, text: str) -> Period:
        """"2026-11" (a month), "2026-11-05" (a day) or "2026-11-01..2026-11-15" (a period)."""
        text = text.strip()
        try:
            if ".." in text:
                a, b = text.split("..", 1)
                return cls(date.fromisoformat(a.strip()), date.fromisoformat(b.strip()))
            if len(text) == 7:
                return cls.month(int(text[:4]), int(text[5:7]))
            return cls.day(date.fromisoformat(text))
        except ValueError:
            raise ValidationError("period", problems=[{"field": "period", "problem": "bad_format"}]) from None

    def __contains__(self, d: object) -> bool:
        return isinstance(d, date) and self.start <= d <= self.end

    @property
    def days(self) -> list[date]:
        return [self.start + timedelta(days=i) for i in range((self.end - self.start).days + 1)]

    @property
    def key(self) -> str:
        """YYYYMMDD of both ends, as the store keeps a case's day."""
        return f"{self.start:%Y%m%d}..{self.end:%Y%m%d}"


@dataclass(frozen=True)
class CaseRecord:
    """What the figures need of one case (its row and its folded facts, ``app.casefacts``)."""

    case_no: str
    created_day: date
    status: CaseStatus
    decision: Decision
    mode: HandlingMode
    items: tuple[str, ...]  # item codes
    instant: bool  # every item is 即办
    operator: str
    device: str
    trips: int
    promised_due: date | None
    agent_relation: str | None  # ``AgentRelation`` of a proxy's agent
    cross_region: bool
    special: bool  # of a special group (特殊群体)
    concluded_day: date | None = None
    rating: str | None = None
    rated_day: date | None = None
    bad: str | None = None  # the case's 差评 (first bad rating, the rating or a 追评)
    bad_day: date | None = None
    rectified: bool = False
    revisited: bool = False
    revisit_result: str = ""
    window: str = ""  # the 窗口 it was taken in at (names the device in the report)


@dataclass
class Figures:
    """The counts of one report line; the rates are derived (``rates``)."""

    taken_in: int = 0
    decisions: dict[str, int] = field(default_factory=lambda: {d.value: 0 for d in Decision})
    counted: int = 0  # taken in and not ended without a result: the rates' base
    instant: int = 0
    one_trip: int = 0
    concluded: int = 0
    on_time: int = 0
    overdue_now: int = 0
    rated: int = 0
    ratings: dict[str, int] = field(default_factory=lambda: {e.value: 0 for e in Evaluation})
    bad: int = 0
    bad_open: int = 0
    bad_rectified: int = 0
    bad_revisited: int = 0
    assisted: int = 0
    proxy: int = 0
    home_visit: int = 0
    work_team: int = 0
    cross_region: int = 0
    special: int = 0
    consultations: int = 0

    @property
    def instant_rate(self) -> float | None:
        return _rate(self.instant, self.counted)

    @property
    def one_trip_rate(self) -> float | None:
        return _rate(self.one_trip, self.counted)

    @property
    def on_time_rate(self) -> float | None:
        return _rate(self.on_time, self.concluded)

    @property
    def satisfaction_rate(self) -> float | None:
        return _rate(sum(self.ratings[e.value] for e in GOOD_RATINGS), self.rated)

    def rates(self) -> dict[str, float | None]:
        return {"instant_rate": self.instant_rate, "one_trip_rate": self.one_trip_rate,
                "on_time_rate": self.on_time_rate, "satisfaction_rate": self.satisfaction_rate}

    def as_dict(self) -> dict[str, object]:
        out: dict[str, object] = {f.name: getattr(self, f.name) for f in fields(self)}
        out.update(self.rates())
        return out


COUNT_NAMES = tuple(f.name for f in fields(Figures) if f.name not in ("decisions", "ratings"))
RATE_NAMES = ("instant_rate", "one_trip_rate", "on_time_rate", "satisfaction_rate")


def _rate(part: int, whole: int) -> float | None:
    """A share, or None when there is nothing to share (shown as "—", never as 0 %)."""
    return part / whole if whole else None


@dataclass(frozen=True)
class Line:
    key: str  # the dimension's code: item code, login, device number, mode
    figures: Figures


@dataclass(frozen=True)
class Report:
    period: Period
    today: date  # "overdue now" (of the cases taken in in the period) and "open" are as of this day
    total: Figures
    by: dict[str, tuple[Line, ...]]  # Dimension -> its lines, the most cases first
    per_day: tuple[tuple[date, int, int], ...]  # (day, taken in, concluded) for every day of the period
    per_month: tuple[tuple[str, int, int], ...] = ()  # (YYYY-MM, concluded, on time): the trend

    def lines(self, dimension: Dimension | str) -> tuple[Line, ...]:
        return self.by.get(str(dimension), ())


class _Share(NamedTuple):
    """What one case adds to a line of the period's figures, worked out once per case from its days.
    Cases alike have equal shares, so a line's figures are added a kind of case at a time (with how
    many there are), not a case at a time: a month of 17,000 cases has a few thousand kinds."""

    taken_in: bool
    decision: str  # the decision's code when taken in, else ""
    counted: bool  # taken in and not ended without a result
    instant: bool
    one_trip: bool
    mode: HandlingMode | None  # when taken in
    work_team: bool
    cross_region: bool
    special: bool
    overdue_now: bool
    concluded: bool
    on_time: bool
    rating: str | None  # the level, when rated in the period
    bad: bool
    bad_open: bool
    bad_rectified: bool
    bad_revisited: bool


def _share(r: CaseRecord, period: Period, today: date) -> _Share | None:
    """The case's share of the period's figures (each figure's definition: docs/reports.md), None
    when it counts nowhere in the period."""
    start, end = period.start, period.end
    taken = start <= r.created_day <= end
    concluded = r.concluded_day is not None and start <= r.concluded_day <= end and r.status in CONCLUDED
    rated = r.rating is not None and r.rated_day is not None and start <= r.rated_day <= end
    bad = r.bad is not None and r.bad_day is not None and start <= r.bad_day <= end
    if not (taken or concluded or rated or bad):
        return None
    counted = taken and r.status not in ENDED_WITHOUT_RESULT
    return _Share(
        taken_in=taken, decision=r.decision.value if taken else "", counted=counted,
        instant=counted and r.instant, one_trip=counted and r.trips <= 1, mode=r.mode if taken else None,
        work_team=taken and r.agent_relation == _WORK_TEAM, cross_region=taken and r.cross_region,
        special=taken and r.special,
        overdue_now=taken and r.status in OPEN and r.promised_due is not None and r.promised_due < today,
        concluded=concluded,
        on_time=concluded and (r.promised_due is None or r.concluded_day <= r.promised_due),  # type: ignore[operator]
        rating=str(r.rating) if rated else None, bad=bad, bad_open=bad and not r.revisited,
        bad_rectified=bad and r.rectified, bad_revisited=bad and r.revisited)


def _add(f: Figures, s: _Share, n: int) -> None:
    """Add ``n`` cases of share ``s`` to ``f``."""
    if s.taken_in:
        f.taken_in += n
        f.decisions[s.decision] += n
        f.counted += n * s.counted
        f.instant += n * s.instant
        f.one_trip += n * s.one_trip
        if s.mode is HandlingMode.assisted:
            f.assisted += n
        elif s.mode is HandlingMode.proxy:
            f.proxy += n
        elif s.mode is HandlingMode.home_visit:
            f.home_visit += n
        f.work_team += n * s.work_team
        f.cross_region += n * s.cross_region
        f.special += n * s.special
        f.overdue_now += n * s.overdue_now
    if s.concluded:
        f.concluded += n
        f.on_time += n * s.on_time
    if s.rating is not None:
        f.rated += n
        f.ratings[s.rating] = f.ratings.get(s.rating, 0) + n
    if s.bad:
        f.bad += n
        f.bad_open += n * s.bad_open
        f.bad_rectified += n * s.bad_rectified
        f.bad_revisited += n * s.bad_revisited


_WORK_TEAM = AgentRelation.work_team.value


def relevant(r: CaseRecord, period: Period) -> bool:
    """Whether the case counts anywhere in the period's report (the loaders fetch only these)."""
    return r.created_day in period or r.concluded_day in period or r.rated_day in period or r.bad_day in period


def compute(records: Iterable[CaseRecord], period: Period, today: date,
            consultations: Iterable[tuple[str, str]] = (),
            per_month: tuple[tuple[str, int, int], ...] = ()) -> Report:
    """The report of ``period`` from the cases' records (others are ignored) and the period's
    consultations as (item code or "", operator) pairs."""
    shares: Counter[_Share] = Counter()
    keyed: Counter[tuple[Dimension, str, _Share]] = Counter()  # (dimension, key, share): cases
    taken = dict.fromkeys(period.days, 0)
    concluded = dict.fromkeys(period.days, 0)
    item, operator, device, mode = Dimension.item, Dimension.operator, Dimension.device, Dimension.mode
    for r in records:
        s = _share(r, period, today)
        if s is None:
            continue  # counts nowhere in the period
        shares[s] += 1
        for code in dict.fromkeys(r.items):  # a case of two items counts under each, once
            keyed[item, code, s] += 1
        keyed[operator, r.operator, s] += 1
        keyed[device, r.device, s] += 1
        keyed[mode, r.mode.value, s] += 1
        if s.taken_in:
            taken[r.created_day] += 1
        if s.concluded:
            concluded[r.concluded_day] += 1  # type: ignore[index]
    total = Figures()
    for s, n in shares.items():
        _add(total, s, n)
    groups: dict[Dimension, dict[str, Figures]] = {d: {} for d in Dimension}
    for (d, key, s), n in keyed.items():
        line = groups[d].get(key)
        if line is None:
            line = groups[d][key] = Figures()
        _add(line, s, n)
    for item_code, login in consultations:
        total.consultations += 1
        for d, key in ((item, item_code), (operator, login)):
            if key:
                line = groups[d].get(key)
                if line is None:
                    line = groups[d][key] = Figures()
                line.consultations += 1
    by = {d.value: tuple(Line(k, f) for k, f in sorted(groups[d].items(),
                                                         key=lambda kv: (-kv[1].taken_in, -kv[1].consultations,
                                                                         kv[0])))
          for d in Dimension}
    return Report(period=period, today=today, total=total, by=by,
                  per_day=tuple((d, taken[d], concluded[d]) for d in period.days), per_month=per_month)


def trend_start(end: date, months: int = TREND_MONTHS) -> date:
    """The first day of the month ``months - 1`` months before ``end``'s: the trend's first month."""
    index = end.year * 12 + end.month - 1 - (months - 1)
    return date(index // 12, index % 12 + 1, 1)


def as_json(report: Report, names: Mapping[str, Mapping[str, str]] | None = None) -> dict[str, object]:
    """The report as JSON-ready data (the CLI's ``--json`` and the platform's answer); ``names``:
    per dimension, a display name for each key (item names, operators' names, devices' names)."""
    names = names or {}
    return {
        "period": {"start": report.period.start.isoformat(), "end": report.period.end.isoformat()},
        "today": report.today.isoformat(),
        "total": report.total.as_dict(),
        "by": {d: [{"key": line.key, "name": names.get(d, {}).get(line.key, line.key), **line.figures.as_dict()}
                   for line in lines] for d, lines in report.by.items()},
        "per_day": [{"day": d.isoformat(), "taken_in": t, "concluded": c} for d, t, c in report.per_day],
        "per_month": [{"month": m, "concluded": c, "on_time": o} for m, c, o in report.per_month],
    }
