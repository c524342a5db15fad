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
        """Numbers at or below this may have been handed out on ``day`` already."""
        return self._reserved if day == self._day else 0

    def reserve(self, day: str, seq: int) -> None:
        """Make sure the mark covers ``seq`` before a case with that number is committed."""
        if day == self._day and seq <= self._reserved:
            return
        reserved = seq + BLOCK - 1
        write_private_file(self.path, json.dumps({"day": day, "reserved": reserved}).encode())
        self._day, self._reserved = day, reserved

    def used_floor(self, day: str) -> int:
        """After a restore: every number up to the reserved block may have been used."""
        return self.floor(day)
