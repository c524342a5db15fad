"""The events the hub holds, and how a push reaches them: the body read (gzip, JSON, the batch's
version and signer), each event judged by the protocol's one verdict (``protocol.answer_batch``)
against the database (``DatabaseHoldings``), and each stored event projected on its case."""

from __future__ import annotations

import json
import zlib
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.journal import EventType
from hub import db
from hub.dependencies import MAX_BODY, Signed, now
from hub.errors import HubError
from hub.projection import apply_event
from sync import protocol

_CHUNK = 400  # ids in one IN (...) list


def _chunks(values: Sequence[Any]) -> list[Sequence[Any]]:
    return [values[start:start + _CHUNK] for start in range(0, len(values), _CHUNK)]


class DatabaseHoldings:
    """``protocol.Holdings`` over the hub's tables, for one batch in one session: what the batch
    asks about is read at once (``prefetch``); what it stores is added to the session and to
    what was read, so later events of the batch see it."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.hashes: dict[str, str] = {}
        self.positions: dict[tuple[str, int], protocol.Held] = {}
        self.intakes: dict[str, str] = {}
        self.cases: dict[str, db.Case | None] = {}

    def prefetch(self, signer: str, events: Sequence[protocol.WireEvent]) -> None:
        s = self.session
        for ids in _chunks([ev.event_id for ev in events]):
            rows = s.execute(select(db.StoredEvent.event_id, db.StoredEvent.hash)
                             .where(db.StoredEvent.event_id.in_(ids)))
            self.hashes.update({event_id: hash_ for event_id, hash_ in rows})
        ours = [ev for ev in events if ev.station == signer]
        around = {ev.seq + d for ev in ours for d in (-1, 0, 1)}
        for seqs in _chunks(sorted(seq for seq in around if 0 <= seq < 2**63)):  # a column holds no more
            held = s.execute(select(db.StoredEvent.seq, db.StoredEvent.event_id, db.StoredEvent.hash,
                                    db.StoredEvent.prev_hash)
                             .where(db.StoredEvent.station == signer, db.StoredEvent.seq.in_(seqs)))
            self.positions.update({(signer, seq): protocol.Held(event_id, hash_, prev)
                                   for seq, event_id, hash_, prev in held})
        case_nos = sorted({ev.case_no for ev in ours if ev.type == EventType.received and ev.case_no is not None})
        for chunk in _chunks(case_nos):
            rows = s.execute(select(db.StoredEvent.case_no, db.StoredEvent.event_id)
                             .where(db.StoredEvent.type == EventType.received.value,
                                    db.StoredEvent.case_no.in_(chunk)))
            for case_no, event_id in rows:
                self.intakes.setdefault(str(case_no), event_id)

    def hash_of(self, event_id: str) -> str | None:
        return self.hashes.get(event_id)

    def at(self, station: str, seq: int) -> protocol.Held | None:
        return self.positions.get((station, seq))

    def intake_of(self, case_no: str) -> str | None:
        return self.intakes.get(case_no)

    def _case(self, case_no: str) -> db.Case | None:
        if case_no not in self.cases:
            self.cases[case_no] = self.session.get(db.Case, case_no)
        return self.cases[case_no]

    def owner_of(self, case_no: str) -> str | None:
        case = self._case(case_no)
        return case.station if case is not None else None

    def keep(self, ev: protocol.WireEvent) -> None:
        moment = now()
        if ev.case_no is not None:
            case = self._case(ev.case_no)
            if case is None:
                case = db.Case(case_no=ev.case_no, station=ev.station, items="[]", updated_at=moment)
                self.session.add(case)
                self.cases[ev.case_no] = case
            apply_event(case, ev, moment)
        self.session.add(db.StoredEvent(
            station=ev.station, event_id=ev.event_id, seq=ev.seq, case_no=ev.case_no, type=ev.type, at=ev.at,
            operator=ev.operator, device=ev.device, payload=json.dumps(ev.payload, ensure_ascii=False, sort_keys=True),
            prev_hash=ev.prev_hash, hash=ev.hash, received_at=moment,
        ))
        self.hashes[ev.event_id] = ev.hash
        self.positions[(ev.station, ev.seq)] = protocol.Held(ev.event_id, ev.hash, ev.prev_hash)
        if ev.type == EventType.received and ev.case_no is not None:
            self.intakes.setdefault(ev.case_no, ev.event_id)


def store_batch(session: Session, signer: str, events: Sequence[Any]) -> list[protocol.EventResult]:
    """Store a station's pushed events (or a bundle's) and answer each: stored, duplicate, or
    rejected with a ``protocol.Rejection``. A rejected event never holds up the others."""
    results = protocol.answer_batch(events, signer, DatabaseHoldings(session))
    session.flush()
    return results


def decode_push(signed: Signed) -> list[Any]:
    """The events of a signed push, each as sent; ``HubError`` for a body that is no push of the signer's."""
    body = signed.body
    encoding = signed.headers.get("content-encoding", "identity").strip().lower()
    if encoding == "gzip":
        inflater = zlib.decompressobj(wbits=31)
        try:
            body = inflater.decompress(body, MAX_BODY + 1)
        except zlib.error as exc:
            raise HubError(400, "malformed", "bad gzip data") from exc
        if len(body) > MAX_BODY or inflater.unconsumed_tail:
            raise HubError(413, "too_large")
        if not inflater.eof or inflater.unused_data:
            raise HubError(400, "malformed", "truncated gzip data, or data after it")
    elif encoding not in ("identity", ""):
        raise HubError(415, "unsupported_encoding", encoding[:40])
    try:
        return protocol.read_batch(body, signed.station)
    except protocol.BatchRefused as exc:
        raise HubError(exc.status, exc.error, exc.detail) from exc
