"""Rules over the texts and numbers a station pushes, the same for the station and the platform."""

from __future__ import annotations

import re
from typing import Any

STATION_CODE_DIGITS = 12  # a case number starts with the 12-digit code of the station that took it in


def case_no_station(case_no: str) -> str | None:
    """The station part of a case number (its first 12 characters), or None when it has none.

    Case numbers are ``station code + YYYYMMDD + daily sequence``; a later part naming the device
    that took the case in would be read here as well.
    """
    if len(case_no) <= STATION_CODE_DIGITS:
        return None
    head = case_no[:STATION_CODE_DIGITS]
    return head if head.isascii() and head.isdigit() else None


# Characters no text a station pushes (or the platform publishes) may hold: C0 controls other than
# TAB, LF and CR (NUL above all: PostgreSQL cannot store it), DEL, C1 controls, the bidirectional
# embeddings, overrides and isolates (U+202A..U+202E, U+2066..U+2069: they make text read otherwise
# than it is), and lone surrogates (not Unicode text at all).
_CONTROL_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def has_control_text(value: Any) -> bool:
    """Whether any string in ``value`` (nested lists and objects, keys included) holds such a character."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if _CONTROL_TEXT.search(item):
                return True
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list | tuple):
            stack.extend(item)
    return False
