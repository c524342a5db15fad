"""A high-water mark of case sequences kept beside the database.

Restoring an older backup must never hand out a case number again.  Sequences are reserved
in blocks: the mark file (numbers only, no personal data) records the highest number that may
have been used, and is written before a number beyond it is committed.
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
        self._day, self._reserved = self._read()

    def _read(self) -> tuple[str, int]:
        try:
            data = json.loads(self.path.read_text("utf-8"))
            return str(data["day"]), int(data["reserved"])
        except FileNotFoundError:
            return "", 0
        except (OSError, ValueError, KeyError, TypeError):
            log.warning("sequence mark unreadable; relying on the database counter")
            return "", 0

    def floor(self, day: str) -> int:
        """Numbers at or below this may have been handed out on ``day``."""
        return self._reserved if day == self._day else 0

    def reserve(self, day: str, upto: int) -> None:
        """Record (durably) that numbers up to ``upto`` may be used on ``day``."""
        write_private_file(self.path, json.dumps({"day": day, "reserved": upto}).encode())
        self._day, self._reserved = day, upto

    def next_number(self, last: int, reserved: int, day: str) -> tuple[int, int]:
        """The next sequence and the store's new reservation, given the store's counter.

        When the mark is ahead of the store's own reservation, an older store was restored:
        every number up to the mark may already be on a receipt, so numbering goes on after it.
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
