"""Pushing journal events: the batch, each event as it travels, and the per-event answers."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Annotated, Any

from app.journal import BODY_FIELDS, Event
from sync.protocol.base import HEX64, MAX_BATCH, VERSION, Malformed, Spec


class PushStatus(StrEnum):
    """The answer to one pushed event."""

    stored = "stored"  # new, kept
    duplicate = "duplicate"  # that event id is kept already, with the same hash: no second effect
    rejected = "rejected"  # refused, with a ``Rejection``


class Rejection(StrEnum):
    """Why the hub refused one pushed event (the ``reason`` of a ``rejected`` result), in the order
    the checks are made (``sync.protocol.verdict.judge``).

    The station quarantines such an event for a person to see (``bianmin sync status``) and goes on
    with the others; ``docs/sync-protocol.md`` says what each means.
    """

    bad_text = "bad_text"  # text holds a control character (see ``has_control_text``)
    malformed = "malformed"  # a field is missing or of the wrong type
    wrong_station = "wrong_station"  # the event names another station than the signer
    bad_hash = "bad_hash"  # the hash is not that of the event's content
    conflict = "conflict"  # the hub holds another event under this event id
    foreign_case_no = "foreign_case_no"  # the case number is not the signer's (its station part)
    wrong_device = "wrong_device"  # the event belongs to another device's chain than the signer's
    foreign_device = "foreign_device"  # an intake whose case number names another device than the one taking it
    seq_taken = "seq_taken"  # the hub holds another event of the device's chain at this position
    broken_chain = "broken_chain"  # prev_hash does not link to the hub's events of the chain around it
    duplicate_case_no = "duplicate_case_no"  # the hub holds another intake (case.received) of this case number
    foreign_case = "foreign_case"  # the hub holds this case under another station


# The names these values had before they were enums (equal to the strings on the wire).
STORED, DUPLICATE, REJECTED = PushStatus.stored, PushStatus.duplicate, PushStatus.rejected

_TEXT_BOUNDS = {"event_id": 100, "station": 12, "type": 64, "at": 40, "operator": 100, "device": 100}
_HASH = "64 lower-case hex digits"


_Text12 = Annotated[str, Spec(min_length=1, max_length=12)]
_Text40 = Annotated[str, Spec(min_length=1, max_length=40)]
_Text64 = Annotated[str, Spec(min_length=1, max_length=64)]
_Text100 = Annotated[str, Spec(min_length=1, max_length=100)]


@dataclass(frozen=True)
class WireEvent:
    """One journal event as it travels: ``app.journal.Event`` with its hashes."""

    seq: Annotated[int, Spec("the event's position in its station's journal (1, 2, …)", ge=0, le=2**63 - 1)]
    event_id: _Text100
    station: _Text12
    case_no: Annotated[str | None, Spec("at most 40 characters; null for a station's own events")]
    type: _Text64
    at: _Text40
    operator: _Text100
    device: _Text100
    payload: dict[str, Any]
    prev_hash: Annotated[str, Spec(f"hash of the station's previous event ({_HASH}; GENESIS for the first)",
                                   pattern=f"^{HEX64.pattern}$")]
    hash: Annotated[str, Spec("sha256(prev_hash + '\\n' + canonical JSON of the other fields), hex",
                              pattern=f"^{HEX64.pattern}$")]

    @classmethod
    def of(cls, ev: Event) -> WireEvent:
        return cls(seq=ev.seq, event_id=ev.event_id, station=ev.station, case_no=ev.case_no, type=ev.type,
                   at=ev.at, operator=ev.operator, device=ev.device, payload=ev.payload, prev_hash=ev.prev_hash,
                   hash=ev.hash)

    def body(self) -> dict[str, Any]:
        """Every field the hash covers (``app.journal.BODY_FIELDS``), in that order."""
        return {name: getattr(self, name) for name in BODY_FIELDS}

    def to_wire(self) -> dict[str, Any]:
        return {**self.body(), "prev_hash": self.prev_hash, "hash": self.hash}

    @classmethod
    def from_wire(cls, raw: Any) -> WireEvent:
        """The event when every field is present, well typed and within its bounds."""
        if not isinstance(raw, dict):
            raise Malformed("an event is an object")
        for name, longest in _TEXT_BOUNDS.items():
            value = raw.get(name)
            if not isinstance(value, str) or not value or len(value) > longest:
                raise Malformed(f"{name}: text of 1..{longest} characters")
        seq = raw.get("seq")
        if type(seq) is not int or not 0 <= seq < 2**63:
            raise Malformed("seq: a non-negative integer")
        case_no = raw.get("case_no")
        if case_no is not None and (not isinstance(case_no, str) or not case_no or len(case_no) > 40):
            raise Malformed("case_no: null or text of 1..40 characters")
        if not isinstance(raw.get("payload"), dict):
            raise Malformed("payload: an object")
        for name in ("prev_hash", "hash"):
            if not isinstance(raw.get(name), str) or not HEX64.fullmatch(raw[name]):
                raise Malformed(f"{name}: {_HASH}")
        try:  # text that is not valid Unicode (a lone surrogate) cannot be stored or hashed
            json.dumps(raw, ensure_ascii=False).encode("utf-8")
        except (UnicodeEncodeError, ValueError, RecursionError) as exc:
            raise Malformed("text that is not Unicode") from exc
        return cls(**{name: raw[name] for name in (*BODY_FIELDS, "prev_hash", "hash")})


def event_to_wire(ev: Event) -> dict[str, Any]:
    """A journal event as it travels."""
    return WireEvent.of(ev).to_wire()


@dataclass(frozen=True)
class PushBatch:
    """``POST /v1/events``: a station's next journal events, in journal order."""

    version: Annotated[str, Spec(examples=[VERSION])]
    station: str
    events: Annotated[tuple[WireEvent, ...], Spec(max_length=MAX_BATCH)]

    def to_wire(self) -> dict[str, Any]:
        return {"version": self.version, "station": self.station, "events": [e.to_wire() for e in self.events]}


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


@dataclass(frozen=True)
class EventResult:
    """The answer to one pushed event. ``reason`` is a ``Rejection`` when rejected; a newer hub may
    name one this station does not know, which is kept as it came."""

    event_id: str | None
    seq: int | None
    status: PushStatus
    reason: Annotated[Rejection | str | None, Spec("when rejected: " + ", ".join(r.value for r in Rejection))]

    @classmethod
    def answering(cls, raw: Any, status: PushStatus, reason: Rejection | None = None) -> EventResult:
        """The answer to ``raw`` as sent: its id and position echoed where they are of the right type."""
        event_id = raw.get("event_id") if isinstance(raw, dict) else None
        seq = raw.get("seq") if isinstance(raw, dict) else None
        return cls(event_id=event_id if isinstance(event_id, str) and _encodable(event_id) else None,
                   seq=seq if type(seq) is int else None, status=status, reason=reason)

    def to_wire(self) -> dict[str, Any]:
        return {"event_id": self.event_id, "seq": self.seq, "status": self.status.value,
                "reason": None if self.reason is None else str(self.reason)}

    @classmethod
    def from_wire(cls, doc: Any) -> EventResult:
        if not isinstance(doc, dict) or "event_id" not in doc:
            raise Malformed("a result is an object with an event_id")
        raw_status = doc.get("status")
        try:
            if not isinstance(raw_status, str):
                raise ValueError(raw_status)
            status = PushStatus(raw_status)
        except ValueError as exc:
            raise Malformed(f"status: one of {', '.join(PushStatus)}") from exc
        reason = doc.get("reason")
        if isinstance(reason, str) and reason in Rejection.__members__.values():
            reason = Rejection(reason)
        return cls(event_id=doc["event_id"], seq=doc.get("seq"), status=status,
                   reason=reason if isinstance(reason, Rejection) or reason is None else str(reason))


@dataclass(frozen=True)
class PushAnswer:
    """The answer to a push: one result per event, in the order sent, and the hub's time."""

    results: tuple[EventResult, ...]
    time: str

    def to_wire(self) -> dict[str, Any]:
        return {"results": [r.to_wire() for r in self.results], "time": self.time}

    @classmethod
    def from_wire(cls, doc: Mapping[str, Any]) -> PushAnswer:
        results = doc.get("results")
        if not isinstance(results, list):
            raise Malformed("push answer without results")
        return cls(results=tuple(EventResult.from_wire(r) for r in results), time=str(doc.get("time") or ""))
