"""The events the hub holds, and how a push reaches them: the body read (gzip, JSON, the batch's
version and signer), each event judged by the protocol's one verdict (``protocol.answer_batch``)
against the database (``DatabaseHoldings``: each device's chain of a station apart), numbered in its
station's peer feed, and projected on its case."""

from __future__ import annotations

import json
import zlib
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app.journal import EventType, chain_of
from hub import db
from hub.dependencies import MAX_BODY, Signed, now
from hub.errors import HubError
from hub.projection import apply_details, bears_status, project_statuses
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
        self.positions: dict[tuple[str, str, int], protocol.Held] = {}
        self.intakes: dict[str, str] = {}
        self.cases: dict[str, db.Case | None] = {}
        self.kept: list[db.StoredEvent] = []
        self.touched: dict[str, bool] = {}  # case number -> whether a status-bearing event came

    def prefetch(self, signer: protocol.Signer, events: Sequence[protocol.WireEvent]) -> None:
        s = self.session
        for ids in _chunks([ev.event_id for ev in events]):
            rows = s.execute(select(db.StoredEvent.event_id, db.StoredEvent.hash)
                             .where(db.StoredEvent.event_id.in_(ids)))
            self.hashes.update({event_id: hash_ for event_id, hash_ in rows})
        ours = [ev for ev in events if ev.station == signer.station]
        around: dict[str, set[int]] = {}
        for ev in ours:
            around.setdefault(chain_of(ev.device), set()).update(ev.seq + d for d in (-1, 0, 1))
        for chain, seqs in sorted(around.items()):
            for part in _chunks(sorted(seq for seq in seqs if 0 <= seq < 2**63)):  # a column holds no more
                held = s.execute(select(db.StoredEvent.seq, db.StoredEvent.event_id, db.StoredEvent.hash,
                                        db.StoredEvent.prev_hash)
                                 .where(db.StoredEvent.station == signer.station, db.StoredEvent.chain == chain,
                                        db.StoredEvent.seq.in_(part)))
                self.positions.update({(signer.station, chain, seq): protocol.Held(event_id, hash_, prev)
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

    def at(self, station: str, chain: str, seq: int) -> protocol.Held | None:
        return self.positions.get((station, chain, seq))

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
        chain = chain_of(ev.device)
        if ev.case_no is not None:
            case = self._case(ev.case_no)
            if case is None:
                case = db.Case(case_no=ev.case_no, station=ev.station, items="[]", updated_at=moment)
                self.session.add(case)
                self.cases[ev.case_no] = case
            apply_details(case, ev, moment)
            self.touched[ev.case_no] = self.touched.get(ev.case_no, False) or bears_status(ev.type)
        row = db.StoredEvent(
            station=ev.station, event_id=ev.event_id, seq=ev.seq, chain=chain, case_no=ev.case_no, type=ev.type,
            at=ev.at, operator=ev.operator, device=ev.device,
            payload=json.dumps(ev.payload, ensure_ascii=False, sort_keys=True), prev_hash=ev.prev_hash, hash=ev.hash,
            received_at=moment,
        )
        self.kept.append(row)
        self.hashes[ev.event_id] = ev.hash
        self.positions[(ev.station, chain, ev.seq)] = protocol.Held(ev.event_id, ev.hash, ev.prev_hash)
        if ev.type == EventType.received and ev.case_no is not None:
            self.intakes.setdefault(ev.case_no, ev.event_id)

    def finish(self, station: str) -> None:
        """Number the kept events in the station's feed and add them; then the cases they touched
        get their status merged from all their events.

        The numbers come from ``stations.feed``, raised by an UPDATE: the row stays locked until this
        transaction commits, so a concurrent push of the same station numbers its events after these
        and commits after them. A reader of the feed never finds a number below its cursor later."""
        if self.kept:
            self.session.execute(update(db.Station).where(db.Station.code == station)
                                 .values(feed=db.Station.feed + len(self.kept)))
            last = self.session.scalar(select(db.Station.feed).where(db.Station.code == station))
            if last is None:  # pragma: no cover - a signer's (or a bundle's) station is enrolled
                raise HubError(403, "unknown_station", station)
            for number, row in enumerate(self.kept, start=last - len(self.kept) + 1):
                row.feed = number
            self.session.add_all(self.kept)
        self.session.flush()
        project_statuses(self.session, [case for number, status in self.touched.items()
                                        if status and (case := self.cases.get(number)) is not None])


def store_batch(session: Session, signer: protocol.Signer | str, events: Sequence[Any]) -> list[protocol.EventResult]:
    """Store a device's pushed events (or a bundle's) and answer each: stored, duplicate, or
    rejected with a ``protocol.Rejection``. A rejected event never holds up the others."""
    signer = protocol.verdict.as_signer(signer)
    held = DatabaseHoldings(session)
    results = protocol.answer_batch(events, signer, held)
    held.finish(signer.station)
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
