"""The case journal's hash chain: canonical form of an event and the check of a chain.

Each event's hash covers the previous event's hash and every field of the event, so changing,
removing or reordering any event breaks every link after it.  SQL for the journal lives in
``app.store.journal``; this module is pure.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

GENESIS = "0" * 64
_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


class EventType(StrEnum):
    received = "case.received"
    accepted = "case.accepted"
    refused = "case.refused"
    correction_requested = "case.correction_requested"
    correction_resumed = "case.correction_resumed"
    material_supplied = "case.material_supplied"
    in_progress = "case.in_progress"
    special_started = "case.special_procedure_started"
    special_ended = "case.special_procedure_ended"
    concluded = "case.concluded"
    delivered = "case.delivered"
    withdrawn = "case.withdrawn"
    revoked = "case.acceptance_revoked"
    trip = "case.trip"
    printed = "case.printed"
    reprinted = "case.reprinted"
    evaluated = "case.evaluated"
    platform_status = "case.platform_status"
    posted = "case.posted"
    attachment_added = "case.attachment_added"
    conflict_resolved = "case.conflict_resolved"
    amended = "case.amended"
    commitment_checked = "case.commitment_checked"
    dues_recounted = "case.dues_recounted"
    rectified = "case.rectified"  # 差评整改: what was put right after a bad rating
    revisited = "case.revisited"  # 差评回访: the citizen asked again, with the result


class StationEventType(StrEnum):
    """Events of the station itself (no case): its operators, keys, settings, catalogue and hub."""

    operator_added = "operator.added"
    operator_disabled = "operator.disabled"
    operator_unlocked = "operator.unlocked"
    password_changed = "operator.password_changed"
    recovered = "station.recovered"
    rekeyed = "station.rekeyed"
    settings_changed = "station.settings_changed"
    verified = "station.verified"
    enrolled = "station.enrolled"
    hub_moved = "station.hub_moved"
    catalogue_imported = "catalogue.imported"
    catalogue_activated = "catalogue.activated"
    consultation = "station.consultation"
    data_exported = "station.data_exported"  # a list of cases or ratings written to a file (personal data)


@dataclass(frozen=True)
class Event:
    seq: int
    event_id: str
    station: str
    case_no: str | None
    type: str
    at: str
    operator: str
    device: str
    payload: dict[str, Any] = field(default_factory=dict)
    prev_hash: str = GENESIS
    hash: str = ""

    def body(self) -> dict[str, Any]:
        """Every field the hash covers (all but ``prev_hash`` and ``hash``)."""
        return {name: getattr(self, name) for name in BODY_FIELDS}


# The fields of an event that its hash covers, in one place for the station and the hub.
BODY_FIELDS = ("seq", "event_id", "station", "case_no", "type", "at", "operator", "device", "payload")


def canonical(data: Any) -> bytes:
    """Canonical JSON: sorted keys, no spaces, UTF-8 (no escaping of non-ASCII)."""
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def event_hash(prev_hash: str, body: dict[str, Any]) -> str:
    h = hashlib.sha256()
    h.update(prev_hash.encode("ascii"))
    h.update(b"\n")
    h.update(canonical(body))
    return h.hexdigest()


def verification_code(hash_hex: str, length: int = 8) -> str:
    """A short code a citizen can read back, derived from an event's hash (Crockford base32)."""
    value = int(hash_hex[: (length * 5 + 3) // 4 + 1], 16)
    out = []
    for _ in range(length):
        out.append(_CROCKFORD[value & 31])
        value >>= 5
    return "".join(reversed(out))


# A device of a station is numbered "00".."99"; its events carry that number in ``device`` and form
# that device's chain. Events written before devices existed carry a random id there (a UUID): they
# are the first device's, "00".
FIRST_DEVICE = "00"
_DEVICE_NO = re.compile(r"^[0-9]{2}$")


def chain_of(device: str) -> str:
    """The chain (device number) an event belongs to, from its ``device`` field."""
    return device if _DEVICE_NO.fullmatch(device) else FIRST_DEVICE


@dataclass(frozen=True)
class ChainBreak:
    seq: int
    reason: str  # code: "prev_mismatch", "hash_mismatch", "gap"


def check_chain(events: Iterable[Event], start_prev: str = GENESIS, start_seq: int = 1) -> ChainBreak | None:
    """The first broken link in ``events`` (ordered by seq), or ``None`` when the chain holds."""
    prev = start_prev
    expected = start_seq
    for ev in events:
        if ev.seq != expected:
            return ChainBreak(seq=expected, reason="gap")
        if ev.prev_hash != prev:
            return ChainBreak(seq=ev.seq, reason="prev_mismatch")
        if event_hash(prev, ev.body()) != ev.hash:
            return ChainBreak(seq=ev.seq, reason="hash_mismatch")
        prev = ev.hash
        expected += 1
    return None


def check_links(events: Iterable[Event]) -> ChainBreak | None:
    """The first fault in a part of one chain that may have gaps (another device's events as far as
    they reached here, ordered by seq): each event's own hash, and the link between two events whose
    positions follow each other. ``check_chain`` is for a whole chain from its start."""
    previous: Event | None = None
    for ev in events:
        if event_hash(ev.prev_hash, ev.body()) != ev.hash:
            return ChainBreak(seq=ev.seq, reason="hash_mismatch")
        if ev.seq == 1 and ev.prev_hash != GENESIS:
            return ChainBreak(seq=ev.seq, reason="prev_mismatch")
        if previous is not None and previous.seq + 1 == ev.seq and ev.prev_hash != previous.hash:
            return ChainBreak(seq=ev.seq, reason="prev_mismatch")
        previous = ev
    return None
