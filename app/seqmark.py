"""A high-water mark of case sequences kept beside the database.

Restoring an older backup, or a clock set back to a day already used, must never hand out a case
number again.  Sequences are reserved in blocks: the mark file (numbers only, no personal data)
records, for every day that numbers were issued on, the highest number that may have been used,
and is written before a number beyond it is committed.  It is read again at every number, inside
the store's write transaction (which serialises every process of the station), so that two
processes never overwrite each other's days.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from app.keys import write_private_file

log = logging.getLogger(__name__)

BLOCK = 50


class SequenceMark:
    def __init__(self, path: Path) -> None:
        self.path = path

    def _read(self) -> dict[str, int]:
        try:
            data = json.loads(self.path.read_text("utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError):
            log.warning("sequence mark unreadable; relying on the database counter")
            return {}
        if not isinstance(data, dict):
            return {}
        days: dict[str, int] = {}
        try:
            if "day" in data:  # the one-day mark of version 0.1
                days[str(data["day"])] = int(data["reserved"])
            for day, upto in dict(data.get("days", {})).items():
                days[str(day)] = max(int(upto), days.get(str(day), 0))
        except (KeyError, TypeError, ValueError):
            log.warning("sequence mark malformed; relying on the database counter")
        return days

    def floor(self, day: str) -> int:
        """Numbers at or below this may have been handed out on ``day``."""
        return self._read().get(day, 0)

    def reserve(self, day: str, upto: int) -> None:
        """Record (durably) that numbers up to ``upto`` may be used on ``day``."""
        days = self._read()
        days[day] = max(upto, days.get(day, 0))
        write_private_file(self.path, json.dumps({"days": days}, sort_keys=True).encode())

    def next_number(self, last: int, reserved: int, day: str) -> tuple[int, int]:
        """The next sequence and the store's new reservation, given the store's counter.

        When the mark is ahead of the store's own reservation, an older store was restored (or the
        store's counter of that day was lost): every number up to the mark may already be on a
        receipt, so numbering goes on after it.
        """
        mark = self.floor(day)
        if mark > reserved:
            last = max(last, mark)
            reserved = mark
        seq = last + 1
        if seq > reserved:
            reserved = seq + BLOCK - 1
            self.reserve(day, reserved)
        return seq, reserved
