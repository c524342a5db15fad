"""The platform's verdict on a push, in one place: the reference hub (``hub.journal``) and the
self-test's stand-in platform (``sync.loopback``) both answer through ``answer_batch``.

What the platform already holds is asked through ``Holdings`` (the hub reads its database, the
stand-in its dictionaries); what it stores is handed back to it (``Holdings.keep``), so that the
next event of the same batch is judged against it too.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from app.casenumber import device_of
from app.journal import FIRST_DEVICE, GENESIS, EventType, chain_of, event_hash
from sync.protocol.base import MAX_BATCH, VERSION, Malformed
from sync.protocol.push import EventResult, PushStatus, Rejection, WireEvent
from sync.protocol.rules import case_no_station, has_control_text


@dataclass(frozen=True)
class Held:
    """An event the platform holds at a position of a device's chain: what its neighbours must link to."""

    event_id: str
    hash: str
    prev_hash: str


@dataclass(frozen=True)
class Signer:
    """Who signed a push (or the device a bundle's certificate names): a device of a station.

    ``relay``: the centre's relay, which forwards the other devices' chains of its own station."""

    station: str
    device: str = FIRST_DEVICE
    relay: bool = False


class Holdings(Protocol):
    """A view of what the platform holds, for the verdict."""

    def prefetch(self, signer: Signer, events: Sequence[WireEvent]) -> None:
        """A chance to look up at once what the batch's events will ask about (a database does)."""

    def hash_of(self, event_id: str) -> str | None:
        """The hash of the event held under this id."""

    def at(self, station: str, chain: str, seq: int) -> Held | None:
        """The event of ``station``'s device ``chain`` held at position ``seq``."""

    def intake_of(self, case_no: str) -> str | None:
        """The event id of the intake (``case.received``) held for this case number."""

    def owner_of(self, case_no: str) -> str | None:
        """The station this case is held under."""

    def keep(self, event: WireEvent) -> None:
        """Store an event the verdict let in (of the signer's station: ``event.station``; of the
        chain ``chain_of(event.device)``)."""


class BatchRefused(Exception):
    """A push refused as a whole: the HTTP status and the protocol's error code."""

    def __init__(self, status: int, error: str, detail: str | None = None) -> None:
        super().__init__(error)
        self.status = status
        self.error = error
        self.detail = detail


def read_batch(data: bytes, signer: str) -> list[Any]:
    """The events of a push body (JSON, already inflated) signed by a device of station ``signer``, each
    as sent: every event gets its own verdict. Raises ``BatchRefused`` for a body that is no push of the
    signer's."""
    try:
        doc = json.loads(data)
    except (ValueError, RecursionError) as exc:
        raise BatchRefused(422, "malformed", "body is not JSON") from exc
    if not isinstance(doc, dict) or not isinstance(doc.get("events"), list):
        raise BatchRefused(422, "malformed", "expected an object with an events list")
    if doc.get("version") != VERSION:
        raise BatchRefused(400, "unsupported_version", str(doc.get("version"))[:40])
    if doc.get("station") != signer:
        raise BatchRefused(403, "wrong_station", "the batch's station is not the signer")
    if len(doc["events"]) > MAX_BATCH:
        raise BatchRefused(413, "batch_too_large", f"at most {MAX_BATCH} events per request")
    return doc["events"]


def _chain_fault(ev: WireEvent, held: Holdings) -> Rejection | None:
    """Why ``ev`` cannot take its place in its device's chain as the platform holds it, if it cannot."""
    chain = chain_of(ev.device)
    if held.at(ev.station, chain, ev.seq) is not None:  # (the same event was answered "duplicate" before this)
        return Rejection.seq_taken
    if (ev.seq == 1) != (ev.prev_hash == GENESIS):  # only a journal's first event follows nothing
        return Rejection.broken_chain
    before, after = held.at(ev.station, chain, ev.seq - 1), held.at(ev.station, chain, ev.seq + 1)
    if before is not None and before.hash != ev.prev_hash:
        return Rejection.broken_chain
    if after is not None and after.prev_hash != ev.hash:
        return Rejection.broken_chain
    return None


def may_write(signer: Signer, chain: str) -> bool:
    """Whether ``signer`` may hand in events of its station's device ``chain``: its own; a relay
    forwards every chain of its station. (The one place this is decided.)"""
    return signer.relay or chain == signer.device


def _foreign_device(ev: WireEvent) -> bool:
    """An intake whose case number names another device than the chain taking it in. Only events with a
    device number in their ``device`` field: older events (a UUID there) are device 00's, and an older
    number with a sequence of 1000 or more reads as another device (``app.casenumber``)."""
    if ev.type != EventType.received or ev.case_no is None or chain_of(ev.device) != ev.device:
        return False
    named = device_of(ev.case_no)
    return named is not None and named != ev.device


def judge(ev: WireEvent, signer: Signer | str, held: Holdings) -> tuple[PushStatus, Rejection | None]:
    """The answer to one well-formed event, the checks in their order (``docs/sync-protocol.md``)."""
    signer = as_signer(signer)
    if ev.station != signer.station:
        return PushStatus.rejected, Rejection.wrong_station
    if event_hash(ev.prev_hash, ev.body()) != ev.hash:
        return PushStatus.rejected, Rejection.bad_hash
    chain = chain_of(ev.device)
    known = held.hash_of(ev.event_id)
    if known is None:
        # The same event found at its position: a concurrent push stored it between two reads of
        # what the platform holds (a database's reads need not be one snapshot). Still a duplicate.
        same = held.at(ev.station, chain, ev.seq)
        if same is not None and same.event_id == ev.event_id:
            known = same.hash
    if known is not None:
        return (PushStatus.duplicate, None) if known == ev.hash else (PushStatus.rejected, Rejection.conflict)
    # A case number is the signer's station's to use when its station part is the station's code; a
    # new case's number names the device that takes it in.
    if ev.case_no is not None and case_no_station(ev.case_no) != signer.station:
        return PushStatus.rejected, Rejection.foreign_case_no
    if not may_write(signer, chain):
        return PushStatus.rejected, Rejection.wrong_device
    if _foreign_device(ev):
        return PushStatus.rejected, Rejection.foreign_device
    fault = _chain_fault(ev, held)
    if fault is not None:
        return PushStatus.rejected, fault
    if ev.case_no is not None:
        if ev.type == EventType.received and held.intake_of(ev.case_no) not in (None, ev.event_id):
            return PushStatus.rejected, Rejection.duplicate_case_no
        if held.owner_of(ev.case_no) not in (None, signer.station):  # held so by a hub before these checks
            return PushStatus.rejected, Rejection.foreign_case
    return PushStatus.stored, None


def as_signer(signer: Signer | str) -> Signer:
    """A bare station code is its device 00 (as every station signed before devices)."""
    return signer if isinstance(signer, Signer) else Signer(station=signer)


def answer_batch(events: Sequence[Any], signer: Signer | str, held: Holdings) -> list[EventResult]:
    """Answer each event of a push (or of a bundle) signed by ``signer``: stored (and kept through
    ``held.keep``), duplicate, or rejected with a ``Rejection``. A rejected event never holds up
    the others."""
    signer = as_signer(signer)
    parsed: list[WireEvent | Rejection] = []
    for raw in events:
        if has_control_text(raw):  # checked first: such text must not reach a database at all
            parsed.append(Rejection.bad_text)
            continue
        try:
            parsed.append(WireEvent.from_wire(raw))
        except Malformed:
            parsed.append(Rejection.malformed)
    held.prefetch(signer, [ev for ev in parsed if isinstance(ev, WireEvent)])
    results: list[EventResult] = []
    for raw, ev in zip(events, parsed, strict=True):
        if isinstance(ev, Rejection):
            results.append(EventResult.answering(raw, PushStatus.rejected, ev))
            continue
        status, reason = judge(ev, signer, held)
        if status is PushStatus.stored:
            held.keep(ev)
        results.append(EventResult.answering(raw, status, reason))
    return results
