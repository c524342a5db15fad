"""``/v1/time`` (the hub's clock and the link probe) and ``/v1/health``."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from hub.dependencies import now, stamp
from hub.schemas import HealthOut, TimeOut
from sync import protocol

router = APIRouter()


@router.get(protocol.TIME, response_model=TimeOut)
def get_time() -> JSONResponse:
    moment = now()
    return JSONResponse(protocol.TimeAnswer(time=stamp(moment), epoch=int(moment.timestamp()),
                                            version=protocol.VERSION).to_wire())


@router.get(f"{protocol.PREFIX}/health", response_model=HealthOut)
def health() -> JSONResponse:
    return JSONResponse({"ok": True})
