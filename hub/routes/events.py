"""``/v1/events``: a device pushes its journal; each event is answered by the protocol's verdict
(``hub.journal``)."""

from __future__ import annotations

import logging

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from hub.dependencies import EngineDep, SignedRequest, now, retrying, stamp
from hub.errors import error_responses
from hub.journal import decode_push, store_batch
from hub.schemas import SIGNED, EventsOut
from sync import protocol

log = logging.getLogger(__name__)

router = APIRouter()


@router.post(protocol.EVENTS, response_model=EventsOut, responses=error_responses(400, 401, 403, 413, 415, 422),
             openapi_extra={**SIGNED, "requestBody": {
                 "required": True,
                 "description": "JSON, optionally with Content-Encoding: gzip (the signature covers the bytes as "
                                "sent)",
                 "content": {"application/json": {"schema": {"$ref": "#/components/schemas/EventsIn"}}}}})
def push_events(request: SignedRequest, engine: EngineDep) -> JSONResponse:
    events = decode_push(request)
    signer = request.signer.verdict_signer()
    results = retrying(engine, lambda session: store_batch(session, signer, events))
    stored = sum(1 for r in results if r.status is protocol.PushStatus.stored)
    log.info("device %s pushed %d events, %d stored", request.keyid, len(results), stored)
    return JSONResponse(protocol.PushAnswer(tuple(results), stamp(now())).to_wire())
