"""``/v1/devices``: the signing device's station's devices (revoked ones too) and when each was last
heard from."""

from __future__ import annotations

import datetime as dt

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from sqlalchemy import select
from sqlalchemy.orm import Session

from hub import db
from hub.dependencies import EngineDep, SignedRequest, stamp
from hub.errors import error_responses
from hub.schemas import SIGNED, DevicesOut
from sync import protocol

router = APIRouter()


def _moment(value: dt.datetime | None) -> str | None:
    return stamp(value) if value is not None else None


def device_info(row: db.Device) -> protocol.DeviceInfo:
    return protocol.DeviceInfo(device=row.device, name=row.name, role=row.role, enrolled_at=stamp(row.enrolled_at),
                               revoked_at=_moment(row.revoked_at), last_seen_at=_moment(row.last_seen_at),
                               public_key=row.public_key, box_key=row.box_key)


def station_devices(session: Session, station: str) -> list[db.Device]:
    return list(session.scalars(select(db.Device).where(db.Device.station == station).order_by(db.Device.device)))


def roster_version(session: Session, station: str) -> str:
    """``protocol.roster_version`` of the station's device list as this database holds it (the hub's, or
    the relay's: what each answers ``GET /v1/devices`` with)."""
    return protocol.roster_version(device_info(row) for row in station_devices(session, station))


@router.get(protocol.DEVICES, response_model=DevicesOut, responses=error_responses(401), openapi_extra=SIGNED)
def list_devices(request: SignedRequest, engine: EngineDep) -> JSONResponse:
    with Session(engine) as session:
        devices = tuple(device_info(row) for row in station_devices(session, request.station))
    return JSONResponse(protocol.DeviceList(station=request.station, devices=devices).to_wire())
