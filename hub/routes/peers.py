"""``/v1/peers``: the events of the signing device's station that its other devices wrote (and the
laptops whose bundles reached the hub), in the station's feed order, page by page after a number.

The feed numbers are given out in the transaction that stores the events, under a lock on the
station's row (``hub.journal.DatabaseHoldings.finish``): an event committed later never has a
number below one already read, so a device that asks after the last number it read misses none."""

from __future__ import annotations

import json
from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse
from sqlalchemy import select
from sqlalchemy.orm import Session

from hub import db
from hub.dependencies import EngineDep, SignedRequest
from hub.errors import error_responses
from hub.schemas import SIGNED, PeersOut
from sync import protocol

DEFAULT_LIMIT = 200

router = APIRouter()


def wire_event(row: db.StoredEvent) -> protocol.WireEvent:
    return protocol.WireEvent(seq=row.seq, event_id=row.event_id, station=row.station, case_no=row.case_no,
                              type=row.type, at=row.at, operator=row.operator, device=row.device,
                              payload=json.loads(row.payload), prev_hash=row.prev_hash, hash=row.hash)


def peer_page(session: Session, station: str, device: str, after: int, limit: int) -> protocol.PeerPage:
    """The events of ``station`` after feed number ``after`` that are not of ``device``'s own chain."""
    rows = session.scalars(select(db.StoredEvent)
                           .where(db.StoredEvent.station == station, db.StoredEvent.chain != device,
                                  db.StoredEvent.feed > after)
                           .order_by(db.StoredEvent.feed).limit(limit + 1)).all()
    more = len(rows) > limit
    rows = rows[:limit]
    return protocol.PeerPage(events=tuple(wire_event(r) for r in rows), after=rows[-1].feed if rows else after,
                             more=more)


@router.get(protocol.PEERS, response_model=PeersOut, responses=error_responses(401, 422), openapi_extra=SIGNED)
def pull_peers(
    request: SignedRequest,
    engine: EngineDep,
    after: Annotated[int, Query(ge=0, lt=2**63, description="the feed number read last; 0 = from the start")] = 0,
    limit: Annotated[int, Query(ge=1, description=f"at most {protocol.MAX_PEER_PAGE}")] = DEFAULT_LIMIT,
) -> JSONResponse:
    with Session(engine) as session:
        page = peer_page(session, request.station, request.device, after, min(limit, protocol.MAX_PEER_PAGE))
    return JSONResponse(page.to_wire())
