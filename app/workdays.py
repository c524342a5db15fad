"""Working-day arithmetic for statutory deadlines (承诺时限) at Tibetan service counters.

Which days count as working days, in order of precedence (later rules win):

1. the national holidays and make-up working days (调休上班) of each year, from the first of
   these that knows the year:

   a. the **national calendar the platform published** (``bianmin-national-days/1``, kept as
      ``$BIANMIN_HOME/national_days.json``): the State Council's arrangement for the years it
      lists; a listed year's days not in it are plain Monday to Friday;
   b. the ``chinesecalendar`` package (its data ends with 2026 in 1.11);
   c. otherwise the year is **provisional**: the statutory holidays that follow from the law
      (《全国年节及纪念日放假办法》 as amended in 2024: 元旦 1 day, 春节 4 days from 除夕, 清明,
      劳动节 May 1–2, 端午, 中秋, 国庆 Oct 1–3, and, by its article 6, a holiday falling on a
      Saturday or Sunday made up on the next working day), as the ``holidays`` package
      computes them, on top of Monday to Friday. No make-up working day is guessed: the State
      Council announces those each year;

2. TAR regional days (Losar 藏历新年, Shoton 雪顿节, their make-up working days ...) from
   ``resources/calendars/regional_days.json`` (or ``$BIANMIN_HOME/regional_days.json``, the copy
   the platform published): an entry for the station's own prefecture beats a region-wide entry
   on the same date;
3. the station's own edits (``extra_holidays`` / ``extra_workdays``).

A year of kind 1c is provisional (:meth:`WorkCalendar.is_provisional`, :meth:`WorkCalendar.year_source`);
a due date counted across such a year is provisional too (:meth:`WorkCalendar.span_is_provisional`),
and the window marks it (暂定). :func:`year_to_warn_about` names the year a station should warn
about: this year, or from December 1 the next, while it has no official national calendar.

Deadline convention: counting starts the day *after* the start date, so a 3-working-day item
accepted on a Friday before an ordinary weekend is due on the following Wednesday.

No Qt, no HTTP: the sync module hands a published calendar document to :func:`store_calendar_document`,
which checks it strictly (:class:`CalendarFileError` lists every problem; nothing stored changes)
and writes the file; :func:`station_calendar` reads the files of a data directory again when they
change.
"""

from __future__ import annotations

import datetime as _dt
import enum
import functools
import json
import logging
import os
import re
import stat
import tempfile
import threading
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import chinese_calendar

from app import textcheck
from app.errors import ValidationError

log = logging.getLogger(__name__)

FORMAT = "bianmin-regional-days/1"
NATIONAL_FORMAT = "bianmin-national-days/1"
FORMATS = (FORMAT, NATIONAL_FORMAT)
REGIONAL_FILE = "regional_days.json"  # in the data directory: the regional days the platform published
NATIONAL_FILE = "national_days.json"  # in the data directory: the national calendar the platform published
DEFAULT_REGION = "540000"
HOLIDAY = "holiday"
WORKDAY = "workday"
KINDS = frozenset({HOLIDAY, WORKDAY})

_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_PREFECTURE_RE = re.compile(r"^\d{4}00$")
_REGION_RE = re.compile(r"^\d{2}0000$")
_DIVISION_RE = re.compile(r"^\d{6}(?:\d{3}){0,2}$")
_TOP_KEYS = frozenset({"format", "region", "days", "sources"})
_DAY_KEYS = frozenset({"date", "kind", "name", "prefectures"})
_NAME_KEYS = frozenset({"zh", "bo"})
_NATIONAL_TOP_KEYS = frozenset({"format", "years", "days", "sources"})
_NATIONAL_DAY_KEYS = frozenset({"date", "kind", "name"})
MAX_NAME = 64  # characters of a day's name
MAX_SOURCES = 2000  # characters of a file's "sources"
MIN_YEAR, MAX_YEAR = 2000, 2100  # the years a national calendar may list
MAX_YEARS = 20  # years in one national calendar file
MAX_DAYS_PER_YEAR = 120  # entries per listed year (an arrangement has about 40)


# --------------------------------------------------------------------------- data types


class CalendarFileError(ValidationError, ValueError):
    """A calendar file (regional or national days) that cannot be used; ``problems`` lists every
    problem with its location. ``path`` may be a label such as ``(update)`` for a document that
    came through sync."""

    code = "calendar.file"

    def __init__(self, path: Path | str, problems: list[str]) -> None:
        self.path = Path(path)
        self.problems = list(problems)
        summary = "; ".join(self.problems) if self.problems else "unknown problem"
        super().__init__(
            f"{self.path}: {len(self.problems)} problem(s): {summary}",
            path=str(self.path),
            problems=list(self.problems),
        )


class DueState(enum.StrEnum):
    OK = "ok"
    DUE_SOON = "due_soon"
    OVERDUE = "overdue"


class YearSource(enum.StrEnum):
    """Where a year's national holidays come from."""

    PUBLISHED = "published"  # the national calendar the platform published (official)
    PACKAGE = "package"  # the chinesecalendar package (official)
    STATUTORY = "statutory"  # provisional: the law's holidays only, no make-up working days

    @property
    def official(self) -> bool:
        return self is not YearSource.STATUTORY


def _is_prefecture_code(code: str) -> bool:
    return bool(_PREFECTURE_RE.match(code)) and not code.endswith("0000")


def _coerce_date(value: object, what: str) -> date:
    """A plain :class:`date` (a ``datetime`` is truncated); anything else is a ``TypeError``."""
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, date):
        return value
    raise TypeError(f"{what} must be a datetime.date, not {type(value).__name__}")


@dataclass(frozen=True)
class RegionalDay:
    """One regional day off (``kind="holiday"``) or make-up working day (``kind="workday"``).

    ``prefectures`` holds 6-digit prefecture codes ("540100" Lhasa ...); empty means the whole region.
    """

    day: date
    name_zh: str
    name_bo: str
    prefectures: frozenset[str] = field(default_factory=frozenset)
    kind: str = HOLIDAY

    def __post_init__(self) -> None:
        object.__setattr__(self, "day", _coerce_date(self.day, "RegionalDay.day"))
        if isinstance(self.prefectures, str):
            raise TypeError("RegionalDay.prefectures must be a collection of codes, not a string")
        prefectures = frozenset(self.prefectures)
        object.__setattr__(self, "prefectures", prefectures)
        if self.kind not in KINDS:
            raise ValueError(f"RegionalDay.kind must be one of {sorted(KINDS)}, not {self.kind!r}")
        bad = sorted(repr(p) for p in prefectures if not isinstance(p, str) or not _is_prefecture_code(p))
        if bad:
            raise ValueError(f"RegionalDay.prefectures: not 6-digit prefecture codes: {', '.join(bad)}")

    @property
    def region_wide(self) -> bool:
        return not self.prefectures

    def applies_to(self, prefecture: str | None) -> bool:
        """Whether this day applies to a station in ``prefecture`` (None: only region-wide days)."""
        return not self.prefectures or (prefecture is not None and prefecture in self.prefectures)


def prefecture_of(division_code: str) -> str:
    """The 6-digit prefecture code of a 6-, 9- or 12-digit division code: "540102001001" -> "540100"."""
    code = division_code.strip() if isinstance(division_code, str) else division_code
    if not isinstance(code, str) or not _DIVISION_RE.match(code):
        raise ValueError(f"not a 6-, 9- or 12-digit administrative division code: {division_code!r}")
    return code[:4] + "00"


@dataclass(frozen=True)
class NationalDay:
    """One day of the State Council's arrangement: a day off (``holiday``) or a make-up working day."""

    day: date
    kind: str
    name_zh: str
    name_bo: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "day", _coerce_date(self.day, "NationalDay.day"))
        if self.kind not in KINDS:
            raise ValueError(f"NationalDay.kind must be one of {sorted(KINDS)}, not {self.kind!r}")


@dataclass(frozen=True)
class NationalDays:
    """A published national calendar: the years it settles and their days off and make-up working
    days. A listed year's other days are plain Monday to Friday."""

    years: frozenset[int] = frozenset()
    days: tuple[NationalDay, ...] = ()
    sources: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "years", frozenset(self.years))
        object.__setattr__(self, "days", tuple(sorted(self.days, key=lambda d: d.day)))
        outside = sorted({d.day.year for d in self.days} - self.years)
        if outside:
            raise ValueError(f"NationalDays: days in years it does not list: {outside}")

    def merged(self, newer: NationalDays) -> NationalDays:
        """This calendar with ``newer``'s years replaced by ``newer`` (a year published again wins whole)."""
        kept = [d for d in self.days if d.day.year not in newer.years]
        sources = newer.sources or self.sources
        return NationalDays(self.years | newer.years, (*kept, *newer.days), sources)


# --------------------------------------------------------------------------- national calendar


@functools.lru_cache(maxsize=16384)
def _national_is_workday(d: date) -> bool | None:
    """``chinese_calendar.is_workday`` or None when the package has no data for that year."""
    try:
        return bool(chinese_calendar.is_workday(d))
    except NotImplementedError:
        return None


def national_data_last_year() -> int:
    """The last year for which chinesecalendar knows the national holidays."""
    year = date.today().year + 5
    while year > 2004 and _national_is_workday(date(year, 6, 1)) is None:
        year -= 1
    return year


@functools.lru_cache(maxsize=64)
def _package_knows(year: int) -> bool:
    """Whether chinesecalendar has the State Council's arrangement of ``year``."""
    return _national_is_workday(date(year, 6, 1)) is not None


@functools.lru_cache(maxsize=64)
def statutory_holidays(year: int) -> Mapping[date, str]:
    """The days off of ``year`` that follow from the law alone (《全国年节及纪念日放假办法》, with
    its article 6: a holiday on a Saturday or Sunday is made up on the next working day), named
    in Chinese, as the ``holidays`` package computes them; empty when it cannot."""
    import holidays  # 40 ms to import: only for a year the official calendars do not know

    try:
        found = holidays.China(years=year, observed=True, language="zh_CN")
        return {d: str(name) for d, name in sorted(found.items()) if d.year == year}
    except Exception as exc:  # a boundary: a library that fails for a year leaves Monday to Friday
        log.warning("the holidays package gave no statutory holidays for %d: %s", year, type(exc).__name__)
        return {}


# --------------------------------------------------------------------------- the calendar


class WorkCalendar:
    """Working days of one station: national calendar, TAR regional days, station edits.

    ``national``: the national calendar the platform published (beats chinesecalendar for the
    years it lists)."""

    def __init__(
        self,
        regional: Iterable[RegionalDay] = (),
        prefecture: str | None = None,
        extra_holidays: Iterable[date] = (),
        extra_workdays: Iterable[date] = (),
        national: NationalDays | None = None,
    ) -> None:
        self._prefecture = None if prefecture is None else prefecture_of(prefecture)
        if national is not None and not isinstance(national, NationalDays):
            raise TypeError(f"national must be NationalDays, not {type(national).__name__}")
        self._national = national if national is not None else NationalDays()
        self._national_days: dict[date, NationalDay] = {d.day: d for d in self._national.days}
        self._regional = tuple(regional)
        self._extra_holidays = frozenset(_coerce_date(d, "extra_holidays") for d in extra_holidays)
        self._extra_workdays = frozenset(_coerce_date(d, "extra_workdays") for d in extra_workdays)
        both = sorted(self._extra_holidays & self._extra_workdays)
        if both:
            raise ValueError(
                f"dates both in extra_holidays and extra_workdays: {[d.isoformat() for d in both]}"
            )
        # The entries that apply to this station: the most specific one per date.
        specific: dict[date, RegionalDay] = {}
        general: dict[date, RegionalDay] = {}
        for rd in self._regional:
            if not isinstance(rd, RegionalDay):
                raise TypeError(f"regional days must be RegionalDay, not {type(rd).__name__}")
            if not rd.applies_to(self._prefecture):
                continue
            table = general if rd.region_wide else specific
            other = table.get(rd.day)
            if other is not None and other.kind != rd.kind:
                raise ValueError(
                    f"conflicting regional days on {rd.day.isoformat()}: "
                    f"{other.name_zh} ({other.kind}) and {rd.name_zh} ({rd.kind})"
                )
            table.setdefault(rd.day, rd)
        self._applicable: dict[date, RegionalDay] = {**general, **specific}
        self._warned_fallback = False

    def __repr__(self) -> str:
        return (
            f"WorkCalendar(prefecture={self._prefecture!r}, regional={len(self._regional)} days, "
            f"extra_holidays={len(self._extra_holidays)}, extra_workdays={len(self._extra_workdays)}, "
            f"national years={sorted(self._national.years)})"
        )

    @property
    def national(self) -> NationalDays:
        return self._national

    def year_source(self, year: int) -> YearSource:
        """Where the national holidays of ``year`` come from (official, or the law's rule alone)."""
        if year in self._national.years:
            return YearSource.PUBLISHED
        if _package_knows(year):
            return YearSource.PACKAGE
        return YearSource.STATUTORY

    def is_official(self, year: int) -> bool:
        """Whether ``year`` has an official national calendar (published, or in chinesecalendar)."""
        return self.year_source(year).official

    def is_provisional(self, d: date) -> bool:
        """Whether ``d`` lies in a year counted by the law's rule alone (no official calendar yet)."""
        return not self.is_official(_coerce_date(d, "d").year)

    def span_is_provisional(self, start: date, end: date) -> bool:
        """Whether a count of working days over (start, end] crossed a provisional year; a due
        date counted so is provisional."""
        start = _coerce_date(start, "start")
        end = _coerce_date(end, "end")
        first, last = (start, end) if start <= end else (end, start)
        first += timedelta(days=1)
        return any(not self.is_official(y) for y in range(first.year, last.year + 1)) if first <= last else False

    def first_provisional_year(self, from_year: int, horizon: int = 10) -> int | None:
        """The first year from ``from_year`` on (within ``horizon`` years) with no official calendar."""
        return next((y for y in range(from_year, from_year + horizon) if not self.is_official(y)), None)

    @property
    def prefecture(self) -> str | None:
        return self._prefecture

    @property
    def regional(self) -> tuple[RegionalDay, ...]:
        return self._regional

    @property
    def extra_holidays(self) -> frozenset[date]:
        return self._extra_holidays

    @property
    def extra_workdays(self) -> frozenset[date]:
        return self._extra_workdays

    def regional_day(self, d: date) -> RegionalDay | None:
        """The regional entry that decides ``d`` for this station, if any (for display)."""
        return self._applicable.get(_coerce_date(d, "d"))

    def is_workday(self, d: date) -> bool:
        d = _coerce_date(d, "d")
        if d in self._extra_workdays:
            return True
        if d in self._extra_holidays:
            return False
        rd = self._applicable.get(d)
        if rd is not None:
            return rd.kind == WORKDAY
        if d.year in self._national.years:
            nd = self._national_days.get(d)
            return nd.kind == WORKDAY if nd is not None else d.weekday() < 5
        national = _national_is_workday(d)
        if national is None:
            if not self._warned_fallback:
                self._warned_fallback = True
                log.info(
                    "no official national calendar for %d (chinesecalendar %s, none published); "
                    "counting the statutory holidays, provisionally, for such years",
                    d.year,
                    getattr(chinese_calendar, "__version__", "?"),
                )
            return d.weekday() < 5 and d not in statutory_holidays(d.year)
        return national

    def add_working_days(self, start: date, n: int) -> date:
        """The ``n``-th working day after ``start`` (``start`` itself never counts); n=0 gives ``start``."""
        start = _coerce_date(start, "start")
        if n < 0:
            raise ValueError(f"n must be >= 0, not {n}")
        d = start
        remaining = n
        one = timedelta(days=1)
        while remaining:
            d += one
            if self.is_workday(d):
                remaining -= 1
        return d

    def working_days_between(self, a: date, b: date) -> int:
        """Number of working days in (a, b]; negative (minus those in (b, a]) when b < a."""
        a = _coerce_date(a, "a")
        b = _coerce_date(b, "b")
        if b < a:
            return -self.working_days_between(b, a)
        one = timedelta(days=1)
        count = 0
        d = a + one
        while d <= b:
            if self.is_workday(d):
                count += 1
            d += one
        return count

    def due_state(self, due: date, today: date, warn_days: int = 2) -> DueState:
        """``overdue`` after ``due``; ``due_soon`` on ``due`` or up to ``warn_days`` working days before."""
        due = _coerce_date(due, "due")
        today = _coerce_date(today, "today")
        if warn_days < 0:
            raise ValueError(f"warn_days must be >= 0, not {warn_days}")
        if today > due:
            return DueState.OVERDUE
        if self.working_days_between(today, due) <= warn_days:
            return DueState.DUE_SOON
        return DueState.OK


# --------------------------------------------------------------------------- the JSON file


def default_regional_days_path() -> Path:
    return Path(__file__).resolve().parent.parent / "resources" / "calendars" / "regional_days.json"


@functools.lru_cache(maxsize=1)
def _load_default_regional_days() -> tuple[RegionalDay, ...]:
    return tuple(load_regional_days(default_regional_days_path()))


def default_regional_days() -> tuple[RegionalDay, ...]:
    """The shipped regional days, loaded once per process."""
    return _load_default_regional_days()


def default_calendar(
    prefecture: str | None = None,
    extra_holidays: Iterable[date] = (),
    extra_workdays: Iterable[date] = (),
) -> WorkCalendar:
    """A :class:`WorkCalendar` over the shipped regional days."""
    return WorkCalendar(
        default_regional_days(), prefecture, extra_holidays=extra_holidays, extra_workdays=extra_workdays
    )


def _validate_document(doc: Any) -> tuple[list[RegionalDay], list[str]]:
    """Every problem of a parsed document, each with its location, and the days that were valid."""
    problems: list[str] = []
    days: list[RegionalDay] = []
    if not isinstance(doc, dict):
        return days, [f"(top level): expected an object, got {_json_type(doc)}"]

    for key in sorted(k for k in doc if k not in _TOP_KEYS and not str(k).startswith("_")):
        problems.append(f"{key}: unknown key")
    if "format" not in doc:
        problems.append("format: missing")
    elif doc["format"] != FORMAT:
        problems.append(f"format: expected {FORMAT!r}, got {doc['format']!r}")
    region_prefix: str | None = None
    if "region" not in doc:
        problems.append("region: missing")
    elif not isinstance(doc["region"], str) or not _REGION_RE.match(doc["region"]):
        problems.append(f"region: not a 6-digit province-level code like '540000': {doc['region']!r}")
    else:
        region_prefix = doc["region"][:2]
    _check_sources(doc, problems)
    if "days" not in doc:
        problems.append("days: missing")
        return days, problems
    raw_days = doc["days"]
    if not isinstance(raw_days, list):
        problems.append(f"days: expected a list, got {_json_type(raw_days)}")
        return days, problems

    seen: list[tuple[int, RegionalDay]] = []
    for i, entry in enumerate(raw_days):
        where = f"days[{i}]"
        entry_problems: list[str] = []
        if not isinstance(entry, dict):
            problems.append(f"{where}: expected an object, got {_json_type(entry)}")
            continue
        for key in sorted(k for k in entry if k not in _DAY_KEYS and not str(k).startswith("_")):
            entry_problems.append(f"{where}.{key}: unknown key")

        day = _check_date(entry, where, entry_problems)
        kind = _check_kind(entry, where, entry_problems)
        names = _check_name(entry, where, entry_problems)

        prefectures: set[str] = set()
        raw_pref = entry.get("prefectures")
        if "prefectures" not in entry:
            entry_problems.append(f"{where}.prefectures: missing (use [] for the whole region)")
        elif not isinstance(raw_pref, list):
            entry_problems.append(f"{where}.prefectures: expected a list, got {_json_type(raw_pref)}")
        else:
            for j, code in enumerate(raw_pref):
                pwhere = f"{where}.prefectures[{j}]"
                if not isinstance(code, str) or not _is_prefecture_code(code):
                    entry_problems.append(f"{pwhere}: not a 6-digit prefecture code like '540100': {code!r}")
                elif region_prefix is not None and not code.startswith(region_prefix):
                    entry_problems.append(f"{pwhere}: {code!r} is not in region {doc['region']!r}")
                elif code in prefectures:
                    entry_problems.append(f"{pwhere}: duplicate {code!r}")
                else:
                    prefectures.add(code)

        problems.extend(entry_problems)
        if entry_problems or day is None:
            continue
        rd = RegionalDay(day, names["zh"], names["bo"], frozenset(prefectures), str(kind))
        for j, other in seen:
            if other.day != rd.day:
                continue
            if rd.region_wide and other.region_wide:
                problems.append(
                    f"{where}: same date ({rd.day.isoformat()}) and whole-region scope as days[{j}]"
                )
            elif rd.prefectures & other.prefectures:
                shared = ", ".join(sorted(rd.prefectures & other.prefectures))
                problems.append(
                    f"{where}: same date ({rd.day.isoformat()}) and prefecture {shared} as days[{j}]"
                )
        seen.append((i, rd))
        days.append(rd)
    return days, problems


def _short(value: Any) -> str:
    """A value from a file as a problem may quote it: its repr, cut, every character that is no text escaped."""
    text = repr(value)
    return textcheck.visible(text if len(text) <= 40 else text[:37] + "...")


def _check_date(entry: dict[str, Any], where: str, problems: list[str]) -> date | None:
    raw = entry.get("date")
    if "date" not in entry:
        problems.append(f"{where}.date: missing")
    elif not isinstance(raw, str) or not _DATE_RE.match(raw):
        problems.append(f"{where}.date: not a date (expected YYYY-MM-DD): {_short(raw)}")
    else:
        try:
            return date.fromisoformat(raw)
        except ValueError:
            problems.append(f"{where}.date: not a date: {_short(raw)}")
    return None


def _check_kind(entry: dict[str, Any], where: str, problems: list[str]) -> str:
    kind = entry.get("kind")
    if "kind" not in entry:
        problems.append(f"{where}.kind: missing")
    elif kind not in KINDS:
        problems.append(f"{where}.kind: expected 'holiday' or 'workday', got {_short(kind)}")
    return str(kind)


def _check_name(entry: dict[str, Any], where: str, problems: list[str]) -> dict[str, str]:
    """The day's names in Chinese and Tibetan (both required, clean text, at most MAX_NAME characters)."""
    names: dict[str, str] = {}
    name = entry.get("name")
    if "name" not in entry:
        problems.append(f"{where}.name: missing")
    elif not isinstance(name, dict):
        problems.append(f"{where}.name: expected an object with 'zh' and 'bo', got {_json_type(name)}")
    else:
        for key in sorted(k for k in name if k not in _NAME_KEYS):
            problems.append(f"{where}.name.{_short(key)}: unknown key")
        for lang in ("zh", "bo"):
            value = name.get(lang)
            if lang not in name:
                problems.append(f"{where}.name.{lang}: missing")
            elif not isinstance(value, str) or not value.strip():
                problems.append(f"{where}.name.{lang}: expected a non-empty string")
            elif len(value) > MAX_NAME:
                problems.append(f"{where}.name.{lang}: too long ({len(value)} characters, at most {MAX_NAME})")
            elif (bad := textcheck.find_bad(value)) is not None:
                problems.append(f"{where}.name.{lang}: control character {bad.code_point} not allowed")
            else:
                names[lang] = value
    return names


def _check_sources(doc: dict[str, Any], problems: list[str]) -> None:
    if "sources" not in doc:
        return
    sources = doc["sources"]
    if not isinstance(sources, str):
        problems.append(f"sources: expected a string, got {_json_type(sources)}")
    elif len(sources) > MAX_SOURCES:
        problems.append(f"sources: too long ({len(sources)} characters, at most {MAX_SOURCES})")
    elif (bad := textcheck.find_bad(sources, multiline=True)) is not None:
        problems.append(f"sources: control character {bad.code_point} not allowed")


def _validate_national(doc: Any) -> tuple[NationalDays | None, list[str]]:
    """Every problem of a parsed national calendar, each with its location, and the calendar when none."""
    problems: list[str] = []
    if not isinstance(doc, dict):
        return None, [f"(top level): expected an object, got {_json_type(doc)}"]
    for key in sorted((k for k in doc if k not in _NATIONAL_TOP_KEYS and not str(k).startswith("_")), key=str):
        problems.append(f"{_short(key)}: unknown key")
    if doc.get("format") != NATIONAL_FORMAT:
        problems.append(f"format: expected {NATIONAL_FORMAT!r}, got {_short(doc.get('format'))}")
    _check_sources(doc, problems)

    years: list[int] = []
    raw_years = doc.get("years")
    if "years" not in doc:
        problems.append("years: missing (the years this calendar settles, e.g. [2027])")
    elif not isinstance(raw_years, list) or not raw_years:
        problems.append(f"years: expected a non-empty list of years, got {_json_type(raw_years)}")
    elif len(raw_years) > MAX_YEARS:
        problems.append(f"years: {len(raw_years)} years, at most {MAX_YEARS}")
    else:
        for i, year in enumerate(raw_years):
            if isinstance(year, bool) or not isinstance(year, int) or not MIN_YEAR <= year <= MAX_YEAR:
                problems.append(f"years[{i}]: not a year from {MIN_YEAR} to {MAX_YEAR}: {_short(year)}")
            elif year in years:
                problems.append(f"years[{i}]: duplicate {year}")
            else:
                years.append(year)

    days: list[NationalDay] = []
    raw_days = doc.get("days")
    if "days" not in doc:
        problems.append("days: missing")
    elif not isinstance(raw_days, list):
        problems.append(f"days: expected a list, got {_json_type(raw_days)}")
    elif len(raw_days) > MAX_DAYS_PER_YEAR * max(1, len(years)):
        problems.append(f"days: {len(raw_days)} entries, at most {MAX_DAYS_PER_YEAR} a year")
    else:
        seen: dict[date, int] = {}
        for i, entry in enumerate(raw_days):
            where = f"days[{i}]"
            if not isinstance(entry, dict):
                problems.append(f"{where}: expected an object, got {_json_type(entry)}")
                continue
            entry_problems: list[str] = []
            for key in sorted((k for k in entry if k not in _NATIONAL_DAY_KEYS and not str(k).startswith("_")),
                              key=str):
                entry_problems.append(f"{where}.{_short(key)}: unknown key")
            day = _check_date(entry, where, entry_problems)
            kind = _check_kind(entry, where, entry_problems)
            names = _check_name(entry, where, entry_problems)
            if day is not None:
                if years and day.year not in years:
                    entry_problems.append(f"{where}.date: {day.isoformat()} is not in a year the file lists {years}")
                if day in seen:
                    entry_problems.append(f"{where}.date: {day.isoformat()} already in days[{seen[day]}]")
                else:
                    seen[day] = i
                if kind == WORKDAY and day.weekday() < 5:
                    entry_problems.append(
                        f"{where}: a make-up working day on a weekday ({day.isoformat()}) is one already")
            problems.extend(entry_problems)
            if not entry_problems and day is not None:
                days.append(NationalDay(day, kind, names["zh"], names["bo"]))
        for year in years:
            if not any(d.day.year == year and d.kind == HOLIDAY for d in days):
                problems.append(f"years: {year} has no holiday in days (an arrangement always has some)")
    if problems:
        return None, problems
    sources = doc.get("sources", "")
    return NationalDays(frozenset(years), tuple(days), sources if isinstance(sources, str) else ""), []


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


MAX_FILE_BYTES = 1024 * 1024  # a calendar file is a few kilobytes


def _read_document(path: Path) -> Any:
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise CalendarFileError(path, [f"(file): larger than {MAX_FILE_BYTES} bytes"])
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CalendarFileError(path, ["(file): not found"]) from None
    except UnicodeDecodeError as exc:
        raise CalendarFileError(path, [f"(file): not UTF-8 text (byte {exc.start})"]) from None
    except OSError as exc:
        raise CalendarFileError(path, [f"(file): cannot be read: {exc.strerror or exc}"]) from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise CalendarFileError(
            path, [f"(file) line {exc.lineno} column {exc.colno}: not valid JSON: {exc.msg}"]
        ) from None
    except RecursionError:
        raise CalendarFileError(path, ["(file): not valid JSON: nested too deeply"]) from None


def load_regional_days(path: Path) -> list[RegionalDay]:
    """Read and validate a regional-days file; :class:`CalendarFileError` lists every problem."""
    path = Path(path)
    doc = _read_document(path)
    days, problems = _validate_document(doc)
    if problems:
        raise CalendarFileError(path, problems)
    log.debug("loaded %d regional days from %s", len(days), path)
    return days


def _day_to_json(rd: RegionalDay) -> dict[str, Any]:
    return {
        "date": rd.day.isoformat(),
        "kind": rd.kind,
        "name": {"zh": rd.name_zh, "bo": rd.name_bo},
        "prefectures": sorted(rd.prefectures),
    }


def dump_regional_days(
    days: Iterable[RegionalDay],
    path: Path,
    *,
    region: str = DEFAULT_REGION,
    sources: str = "",
) -> None:
    """Write ``days`` in the format :func:`load_regional_days` reads, atomically (temp file + replace).

    The document is validated first, so a file that would not load again is never written.
    """
    path = Path(path)
    ordered = sorted(days, key=lambda rd: (rd.day, sorted(rd.prefectures), rd.kind))
    doc: dict[str, Any] = {
        "format": FORMAT,
        "region": region,
        "days": [_day_to_json(rd) for rd in ordered],
        "sources": sources,
    }
    _, problems = _validate_document(doc)
    if problems:
        raise CalendarFileError(path, problems)
    _write_atomically(path, json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
    log.info("wrote %d regional days to %s", len(ordered), path)


def _write_atomically(path: Path, text: str) -> None:
    """``text`` as the whole of ``path``, or nothing changed: a temp file beside it, then a rename."""
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        mode = 0o644  # mkstemp would leave 0600; the file holds no secrets
    fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.chmod(tmp_name, mode)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp_name, path)
    except BaseException:
        try:
            os.unlink(tmp_name)
        except FileNotFoundError:
            pass
        raise


# --------------------------------------------------------------------------- the national calendar file


def check_national_document(doc: Any, where: Path | str = "(document)") -> NationalDays:
    """A parsed ``bianmin-national-days/1`` document as a calendar; :class:`CalendarFileError` otherwise."""
    national, problems = _validate_national(doc)
    if problems or national is None:
        raise CalendarFileError(where, problems)
    return national


def load_national_days(path: Path) -> NationalDays:
    """Read and validate a national calendar file; :class:`CalendarFileError` lists every problem."""
    path = Path(path)
    national = check_national_document(_read_document(path), path)
    log.debug("loaded the national calendar of %s from %s", sorted(national.years), path)
    return national


def national_document(national: NationalDays) -> dict[str, Any]:
    """``national`` in the ``bianmin-national-days/1`` format."""
    return {
        "format": NATIONAL_FORMAT,
        "years": sorted(national.years),
        "days": [{"date": d.day.isoformat(), "kind": d.kind, "name": {"zh": d.name_zh, "bo": d.name_bo}}
                 for d in national.days],
        "sources": national.sources,
    }


def dump_national_days(national: NationalDays, path: Path) -> None:
    """Write ``national`` in the format :func:`load_national_days` reads, checked first, atomically."""
    path = Path(path)
    doc = national_document(national)
    check_national_document(doc, path)
    _write_atomically(path, json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
    log.info("wrote the national calendar of %s to %s", sorted(national.years), path)


# --------------------------------------------------------------------------- published calendars


@dataclass(frozen=True)
class StoredCalendar:
    """What :func:`store_calendar_document` kept: which format, and the years a national calendar settles."""

    format: str
    days: int
    years: tuple[int, ...] = ()


def check_calendar_document(doc: Any, where: Path | str = "(document)") -> StoredCalendar:
    """Check a calendar document the platform publishes, either format, strictly (nothing is
    written); :class:`CalendarFileError` lists every problem."""
    fmt = doc.get("format") if isinstance(doc, dict) else None
    if fmt == NATIONAL_FORMAT:
        national = check_national_document(doc, where)
        return StoredCalendar(NATIONAL_FORMAT, len(national.days), tuple(sorted(national.years)))
    if fmt == FORMAT:
        days, problems = _validate_document(doc)
        if problems:
            raise CalendarFileError(where, problems)
        return StoredCalendar(FORMAT, len(days))
    if not isinstance(doc, dict):
        raise CalendarFileError(where, [f"(top level): expected an object, got {_json_type(doc)}"])
    raise CalendarFileError(where, [f"format: expected one of {list(FORMATS)}, got {_short(fmt)}"])


def store_calendar_document(home: Path, doc: Any) -> StoredCalendar:
    """Keep a calendar the platform published in the data directory ``home``: the regional days
    replace ``regional_days.json``; a national calendar is merged into ``national_days.json``
    (the years it lists replace those years, the others stay). Checked strictly first: a bad
    document raises :class:`CalendarFileError` and no file changes."""
    home = Path(home)
    stored = check_calendar_document(doc, "(update)")
    if stored.format == FORMAT:
        days, _ = _validate_document(doc)
        dump_regional_days(days, home / REGIONAL_FILE, region=str(doc["region"]), sources=str(doc.get("sources", "")))
        _forget(home)
        return stored
    incoming = check_national_document(doc, "(update)")
    path = home / NATIONAL_FILE
    kept = NationalDays()
    if path.exists():
        try:
            kept = load_national_days(path)
        except CalendarFileError as exc:  # never written so; replaced by what came
            log.warning("the stored national calendar is unusable and is replaced: %s", exc)
    dump_national_days(kept.merged(incoming), path)
    _forget(home)
    return stored


def _forget(home: Path) -> None:
    """The calendars of ``home`` read again at their next use (a file was just written)."""
    with _cache_lock:
        for key in [k for k in _cache if k[0] == str(home)]:
            del _cache[key]


_CACHE_SECONDS = 2.0  # how often a station's calendar looks at its files again
_cache_lock = threading.Lock()
_cache: dict[tuple[str, str], tuple[float, tuple[Any, ...], WorkCalendar]] = {}


def _signature(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except FileNotFoundError:
        return None
    return st.st_mtime_ns, st.st_size


def station_calendar(home: Path, division_code: str) -> WorkCalendar:
    """The working days of the station whose data directory is ``home``: its regional days file
    (else the shipped one) and the national calendar the platform published, if any. Read again
    when a file changes (looked at every two seconds at most); a file that cannot be used raises
    :class:`CalendarFileError`."""
    home = Path(home)
    prefecture = prefecture_of(division_code)
    key = (str(home), prefecture)
    now = time.monotonic()
    with _cache_lock:
        hit = _cache.get(key)
        if hit is not None and now - hit[0] < _CACHE_SECONDS:
            return hit[2]
    regional_path, national_path = home / REGIONAL_FILE, home / NATIONAL_FILE
    signature = (_signature(regional_path), _signature(national_path))
    if hit is not None and hit[1] == signature:
        calendar = hit[2]
    else:
        regional = load_regional_days(regional_path) if signature[0] else list(default_regional_days())
        national = load_national_days(national_path) if signature[1] else None
        calendar = WorkCalendar(regional, prefecture=prefecture, national=national)
    with _cache_lock:
        _cache[key] = (now, signature, calendar)
    return calendar


def year_to_warn_about(calendar: WorkCalendar, today: date) -> int | None:
    """The year a station warns about: this year, or from December 1 the next, when it has no
    official national calendar (its deadlines are counted by the law's rule alone); None when
    both are settled."""
    today = _coerce_date(today, "today")
    years = (today.year, today.year + 1) if today.month == 12 else (today.year,)
    return next((y for y in years if not calendar.is_official(y)), None)
