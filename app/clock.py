"""Time as the core sees it: an object passed in, so tests can set the day."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

# The platform and the stations on the plateau keep Beijing time.
CHINA_TZ = timezone(timedelta(hours=8), "CST")


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
