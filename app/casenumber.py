"""Case numbers: made offline on every device of a station, unique across the region.

A case number is 25 digits::

    SSSSSSSSSSSS YYYYMMDD DD NNN
    station      day      device  sequence (001..999, per device and day)

The station part is the 12-digit division code of the station that took the case in; the device
part tells its windows and laptops apart (``"00"`` .. ``"99"``), so two devices never need to ask
each other before they number a case. There is no check digit: a citizen reads the case back with
its verification code (``app.journal.verification_code``), which the hub can check.

Numbers issued before devices existed were ``station + day + 5-digit sequence``: the same length,
and with a sequence below 1000 they read as device ``"00"``, the device every migrated station
becomes. (An older number with a sequence of 1000 or more reads as another device; that is why a
case also stores the device that took it in, ``cases.origin``, instead of reading it from here.)
``docs/case-numbers.md`` states the format.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.errors import CaseNumbersExhausted

LENGTH = 25
MAX_SEQ = 999
DEVICE_DIGITS = 2
_PATTERN = re.compile(r"^([0-9]{12})([0-9]{8})([0-9]{2})([0-9]{3})$")
DEVICE_NO = re.compile(r"^[0-9]{2}$")


@dataclass(frozen=True)
class CaseNumber:
    station: str
    day: str  # YYYYMMDD
    device: str  # "00".."99"
    seq: int  # 1..999

    def __str__(self) -> str:
        return f"{self.station}{self.day}{self.device}{self.seq:03d}"


def make(station: str, day: str, device: str, seq: int) -> str:
    """The number of the ``seq``-th case of ``day`` taken in on ``device``; raises
    ``CaseNumbersExhausted`` past 999 a device a day."""
    if not DEVICE_NO.fullmatch(device):
        raise ValueError(f"device number {device!r} is not two digits")
    if seq > MAX_SEQ:
        raise CaseNumbersExhausted(f"device {device} used all {MAX_SEQ} numbers of {day}", day=day, device=device)
    if seq < 1:
        raise ValueError("sequence starts at 1")
    return str(CaseNumber(station=station, day=day, device=device, seq=seq))


def parse(case_no: str) -> CaseNumber | None:
    """The parts of a 25-digit case number, or None for anything else."""
    found = _PATTERN.fullmatch(case_no)
    if found is None:
        return None
    station, day, device, seq = found.groups()
    return CaseNumber(station=station, day=day, device=device, seq=int(seq))


def device_of(case_no: str) -> str | None:
    """The device part of a case number (digits 21–22), or None when it is no case number."""
    parts = parse(case_no)
    return None if parts is None else parts.device
