"""Working-day arithmetic for statutory deadlines (承诺时限) at Tibetan service counters.

Which days count as working days, in order of precedence (later rules win):

1. national holidays and make-up working days (调休上班) from the ``chinesecalendar`` package;
   for years the package has no data for, plain Monday to Friday (a warning is logged once
   per :class:`WorkCalendar`);
2. TAR regional days (Losar 藏历新年, Shoton 雪顿节, their make-up working days ...) from
   ``resources/calendars/regional_days.json``: an entry for the station's own prefecture beats
   a region-wide entry on the same date;
3. the station's own edits (``extra_holidays`` / ``extra_workdays``).

Deadline convention: counting starts the day *after* the start date, so a 3-working-day item
accepted on a Friday before an ordinary weekend is due on the following Wednesday.

No Qt, no HTTP: the sync module replaces the JSON file, this module only reads and writes it.
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
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import chinese_calendar

from app import textcheck
from app.errors import ValidationError

log = logging.getLogger(__name__)

FORMAT = "bianmin-regional-days/1"
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


# --------------------------------------------------------------------------- data types


class CalendarFileError(ValidationError, ValueError):
    """A regional-days file that cannot be used; ``problems`` lists every problem with its location."""

    code = "calendar.file"

    def __init__(self, path: Path, problems: list[str]) -> None:
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


# --------------------------------------------------------------------------- the calendar


class WorkCalendar:
    """Working days of one station: national calendar, TAR regional days, station edits."""

    def __init__(
        self,
        regional: Iterable[RegionalDay] = (),
        prefecture: str | None = None,
        extra_holidays: Iterable[date] = (),
        extra_workdays: Iterable[date] = (),
    ) -> None:
        self._prefecture = None if prefecture is None else prefecture_of(prefecture)
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
            f"extra_holidays={len(self._extra_holidays)}, extra_workdays={len(self._extra_workdays)})"
        )

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
        national = _national_is_workday(d)
        if national is None:
            if not self._warned_fallback:
                self._warned_fallback = True
                log.info(
                    "chinesecalendar %s has no national holiday data for %d; "
                    "counting Monday to Friday plus regional days for such years",
                    getattr(chinese_calendar, "__version__", "?"),
                    d.year,
                )
            return d.weekday() < 5
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
    if "sources" in doc and not isinstance(doc["sources"], str):
        problems.append(f"sources: expected a string, got {_json_type(doc['sources'])}")
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

        day: date | None = None
        raw_date = entry.get("date")
        if "date" not in entry:
            entry_problems.append(f"{where}.date: missing")
        elif not isinstance(raw_date, str) or not _DATE_RE.match(raw_date):
            entry_problems.append(f"{where}.date: not a date (expected YYYY-MM-DD): {raw_date!r}")
        else:
            try:
                day = date.fromisoformat(raw_date)
            except ValueError:
                entry_problems.append(f"{where}.date: not a date: {raw_date!r}")

        kind = entry.get("kind")
        if "kind" not in entry:
            entry_problems.append(f"{where}.kind: missing")
        elif kind not in KINDS:
            entry_problems.append(f"{where}.kind: expected 'holiday' or 'workday', got {kind!r}")

        names: dict[str, str] = {}
        name = entry.get("name")
        if "name" not in entry:
            entry_problems.append(f"{where}.name: missing")
        elif not isinstance(name, dict):
            entry_problems.append(
                f"{where}.name: expected an object with 'zh' and 'bo', got {_json_type(name)}"
            )
        else:
            for key in sorted(k for k in name if k not in _NAME_KEYS):
                entry_problems.append(f"{where}.name.{key}: unknown key")
            for lang in ("zh", "bo"):
                value = name.get(lang)
                if lang not in name:
                    entry_problems.append(f"{where}.name.{lang}: missing")
                elif not isinstance(value, str) or not value.strip():
                    entry_problems.append(f"{where}.name.{lang}: expected a non-empty string")
                elif (bad := textcheck.find_bad(value)) is not None:
                    entry_problems.append(f"{where}.name.{lang}: control character {bad.code_point} not allowed")
                else:
                    names[lang] = value

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


def load_regional_days(path: Path) -> list[RegionalDay]:
    """Read and validate a regional-days file; :class:`CalendarFileError` lists every problem."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CalendarFileError(path, ["(file): not found"]) from None
    except UnicodeDecodeError as exc:
        raise CalendarFileError(path, [f"(file): not UTF-8 text (byte {exc.start})"]) from None
    except OSError as exc:
        raise CalendarFileError(path, [f"(file): cannot be read: {exc.strerror or exc}"]) from None
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise CalendarFileError(
            path, [f"(file) line {exc.lineno} column {exc.colno}: not valid JSON: {exc.msg}"]
        ) from None
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
    text = json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
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
    log.info("wrote %d regional days to %s", len(ordered), path)
