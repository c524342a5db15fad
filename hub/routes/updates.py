"""``/v1/updates``: a device pulls what the platform published for it: for its station (every
device of it, or this device: a case's platform status goes to the device that took the case in)
or for every station, page by page after an opaque cursor. The centre's relay (role ``relay``) takes
those of every device of its station, each with the device it is addressed to, and serves each
window its own from the same numbers (its copy keeps the platform's update ids, so a window's
cursor means the same at the relay and here). Each page also gives the digest of the
station's device list (``protocol.roster_version``): a device reads ``/v1/devices`` again when it changed."""

from __future__ import annotations

import base64
import binascii
import json
from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse
from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from hub import db
from hub.dependencies import EngineDep, SignedRequest
from hub.errors import HubError, error_responses
from hub.routes.devices import roster_version
from hub.schemas import SIGNED, UpdatesOut
from sync import protocol

DEFAULT_LIMIT = 100
MAX_LIMIT = 500

router = APIRouter()


def encode_cursor(after: int) -> str:
    raw = json.dumps({"after": after}, separators=(",", ":")).encode("ascii")
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def decode_cursor(cursor: str | None) -> int:
    """The update id a cursor stands after; raises ``HubError`` (400 bad_cursor) when it is not one of ours."""
    if not cursor:
        return 0
    if len(cursor) > 200:
        raise HubError(400, "bad_cursor")
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        data = json.loads(raw)
        after = data["after"]
        if type(after) is not int or not 0 <= after < 2**63 or set(data) != {"after"}:
            raise ValueError(cursor)
    except (ValueError, TypeError, KeyError, binascii.Error, RecursionError) as exc:
        raise HubError(400, "bad_cursor") from exc
    return after


@router.get(protocol.UPDATES, response_model=UpdatesOut, responses=error_responses(400, 401, 422),
            openapi_extra=SIGNED)
def pull_updates(
    request: SignedRequest,
    engine: EngineDep,
    cursor: Annotated[str | None, Query(description="opaque; absent = from the start")] = None,
    limit: Annotated[int, Query(ge=1, description=f"at most {MAX_LIMIT}")] = DEFAULT_LIMIT,
) -> JSONResponse:
    after = decode_cursor(cursor)
    limit = min(limit, MAX_LIMIT)
    # The centre's relay takes every device's updates of its station (each with the device it is
    # addressed to) and hands each window its own; any other device takes its own and the station's.
    relay = request.role == protocol.DeviceRole.relay
    query = select(db.Update).where(or_(db.Update.station == request.station, db.Update.station.is_(None)),
                                    db.Update.id > after)
    if not relay:
        query = query.where(or_(db.Update.device.is_(None), db.Update.device == request.device))
    with Session(engine) as session:
        rows = session.scalars(query.order_by(db.Update.id).limit(limit + 1)).all()
        devices = roster_version(session, request.station)
    more = len(rows) > limit
    rows = rows[:limit]
    updates = tuple(protocol.Update(id=str(r.id), kind=protocol.UpdateKind(r.kind), case_no=r.case_no,
                                    body=json.loads(r.body), to=r.device if relay else None) for r in rows)
    page = protocol.UpdatePage(updates, cursor=encode_cursor(rows[-1].id if rows else after), more=more,
                                 devices=devices)
    return JSONResponse(page.to_wire())
