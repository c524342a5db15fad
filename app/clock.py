"""Time as the core sees it: an object passed in, so tests can set the day."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from functools import cache

from app.errors import ClockImplausible

log = logging.getLogger(__name__)

# The platform and the stations on the plateau keep Beijing time.
CHINA_TZ = timezone(timedelta(hours=8), "CST")

# The computer's date is taken for a case's date (and a station's setup); it is refused when it
# cannot be right: before this program existed, more than CLOCK_BACK_GRACE before the station was
# set up or the program built (demo data and tests take cases in on earlier days; a clock wrong by
# a year or decades is caught), or more than CLOCK_AHEAD_LIMIT after the newest of the station's
# setup, its last journal event and the build.
CLOCK_EPOCH = date(2025, 1, 1)
CLOCK_BACK_GRACE = timedelta(days=366)
CLOCK_AHEAD_LIMIT = timedelta(days=2 * 366)
# With nothing known (a station being set up by a program without a build stamp): a date this far
# after CLOCK_EPOCH is taken for a wrong clock (2099), not for a late first use.
CLOCK_FIRST_USE_LIMIT = timedelta(days=15 * 366)


class Clock:
    def now(self) -> datetime:
        return datetime.now(CHINA_TZ)

    def today(self) -> date:
        return self.now().date()

    def stamp(self) -> str:
        return self.now().isoformat(timespec="milliseconds")


@dataclass
class FixedClock(Clock):
    """A clock that stands still (or moves when told): for tests and demo data."""

    current: datetime

    def now(self) -> datetime:
        return self.current

    def advance(self, **delta: float) -> None:
        self.current = self.current + timedelta(**delta)


@cache
def _build_day() -> date | None:
    from app.buildinfo import build_info

    built = build_info().built_at
    try:
        return datetime.fromisoformat(built).date() if built else None
    except ValueError:
        return None


def check_plausible(today: date, *, created: date | None = None, last: date | None = None) -> None:
    """Raise :class:`ClockImplausible` when ``today`` cannot be the real date, given the day the
    station was set up and the day of its last journal event (None for a station being set up)."""
    built = _build_day()
    floors = [CLOCK_EPOCH] + [d - CLOCK_BACK_GRACE for d in (created, built) if d is not None]
    known = [d for d in (created, last, built) if d is not None]
    earliest = max(floors)
    latest = max(known) + CLOCK_AHEAD_LIMIT if known else CLOCK_EPOCH + CLOCK_FIRST_USE_LIMIT
    if today < earliest or today > latest:
        log.warning("computer date %s is implausible (between %s and %s expected); refused", today, earliest, latest)
        raise ClockImplausible("implausible date", today=today.isoformat(), earliest=earliest.isoformat(),
                               latest=latest.isoformat())
