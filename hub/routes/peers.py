"""``/v1/peers``: the events of the signing device's station that its other devices wrote (and the
laptops whose bundles reached the hub), in the station's feed order, page by page after a number;
``chains=80,81`` narrows it to those devices' chains (the centre's relay mirrors only its laptops').

The feed numbers are given out in the transaction that stores the events, under a lock on the
station's row (``hub.journal.DatabaseHoldings.finish``): an event committed later never has a
number below one already read, so a device that asks after the last number it read misses none."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse
from sqlalchemy import select
from sqlalchemy.orm import Session

from hub import db
from hub.dependencies import EngineDep, SignedRequest
from hub.errors import HubError, error_responses
from hub.schemas import SIGNED, PeersOut
from sync import protocol

DEFAULT_LIMIT = 200
FEED_ID = "feed.id"  # hub_meta: the random id of what numbers the feed, given with each page (the relay sets one)

router = APIRouter()


def wire_event(row: db.StoredEvent) -> protocol.WireEvent:
    return protocol.WireEvent(seq=row.seq, event_id=row.event_id, station=row.station, case_no=row.case_no,
                              type=row.type, at=row.at, operator=row.operator, device=row.device,
                              payload=json.loads(row.payload), prev_hash=row.prev_hash, hash=row.hash)


def parse_chains(text: str | None) -> frozenset[str] | None:
    """The ``chains`` query parameter: a comma list of two-digit chains ("80,81"); None when absent.
    ``HubError`` 422 ``malformed`` for anything else (an empty list, a name that is no chain)."""
    if text is None:
        return None
    names = [name.strip() for name in text.split(",")]
    if not names or len(names) > 100 or any(len(n) != 2 or not n.isascii() or not n.isdigit() for n in names):
        raise HubError(422, "malformed", "chains: a comma list of two-digit device numbers")
    return frozenset(names)


def peer_page(session: Session, station: str, device: str, after: int, limit: int,
              chains: frozenset[str] | None = None) -> protocol.PeerPage:
    """The events of ``station`` after feed number ``after`` that are not of ``device``'s own chain
    (only those of ``chains`` when given: a relay mirrors the laptops' chains alone)."""
    query = select(db.StoredEvent).where(db.StoredEvent.station == station, db.StoredEvent.chain != device,
                                         db.StoredEvent.feed > after)
    if chains is not None:
        query = query.where(db.StoredEvent.chain.in_(sorted(chains)))
    rows = session.scalars(query.order_by(db.StoredEvent.feed).limit(limit + 1)).all()
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
    chains: Annotated[str | None, Query(max_length=300, description="only these devices' chains, a comma list of "
                                        "two-digit numbers (e.g. 80,81: the centre's relay mirrors its "
                                        "station's laptops); absent: every chain but the signer's")] = None,
) -> JSONResponse:
    wanted = parse_chains(chains)
    with Session(engine) as session:
        page = peer_page(session, request.station, request.device, after, min(limit, protocol.MAX_PEER_PAGE), wanted)
        feed = session.get(db.HubMeta, FEED_ID)
    if feed is not None:
        page = replace(page, feed=feed.value)
    return JSONResponse(page.to_wire())
