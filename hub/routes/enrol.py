"""``/v1/enrol`` (a device of a station enrols its key with a one-time code issued for that device)
and ``/v1/certificate`` (the hub's certificate of that key)."""

from __future__ import annotations

import binascii
import logging
import re
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey
from fastapi import APIRouter
from fastapi.responses import JSONResponse
from sqlalchemy import update
from sqlalchemy.orm import Session

from app.labels import default_device_name
from hub import db
from hub.dependencies import EngineDep, SignedRequest, now, retrying, stamp
from hub.errors import HubError, error_responses
from hub.schemas import SIGNED, CertificateOut, EnrolIn, EnrolOut
from sync import bundle_format, protocol

log = logging.getLogger(__name__)

_CROCKFORD_FIX = str.maketrans({"O": "0", "I": "1", "L": "1"})

router = APIRouter()


def normalise_code(code: str) -> str:
    """The canonical form of a typed enrolment code: no separators, upper case, Crockford look-alikes fixed."""
    return re.sub(r"[\s\-_]", "", code).upper().translate(_CROCKFORD_FIX)


def certificate(session: Session, station: db.Station, device: db.Device) -> dict[str, Any]:
    """The hub's certificate of a device's current key, in the region this hub serves."""
    signing, _box = db.hub_private_keys(session)
    return bundle_format.make_certificate(signing, station=station.code, station_name=station.name,
                                          device_key=device.public_key, region=db.region(session),
                                          issued_at=stamp(now()))


@router.post(protocol.ENROL, response_model=EnrolOut, responses=error_responses(403, 422))
def enrol(req: EnrolIn, engine: EngineDep) -> JSONResponse:
    """Enrol a device's key with a one-time code issued for that station and device.

    The same code with the same key again is answered as before (the first answer was lost); with
    another key it is refused. A new code for a device enrolled before replaces that device's key
    only; a revoked device number is never enrolled again."""
    try:
        raw_key = protocol.unb64(req.public_key)
        if len(raw_key) != 32:
            raise ValueError("public key is not 32 bytes")
        Ed25519PublicKey.from_public_bytes(raw_key)
    except (ValueError, binascii.Error, UnicodeEncodeError) as exc:
        raise HubError(422, "malformed", "public_key: base64 of a raw 32-byte Ed25519 key") from exc
    box_key = None
    if req.box_key is not None:
        try:
            raw_box = protocol.unb64(req.box_key)
            if len(raw_box) != 32:
                raise ValueError("box key is not 32 bytes")
            X25519PublicKey.from_public_bytes(raw_box)
        except (ValueError, binascii.Error, UnicodeEncodeError) as exc:
            raise HubError(422, "malformed", "box_key: base64 of a raw 32-byte X25519 key") from exc
        box_key = protocol.b64(raw_box)
    device_no = req.device or protocol.FIRST_DEVICE
    role = req.role or protocol.DeviceRole.window.value
    if role not in {r.value for r in protocol.DeviceRole}:
        raise HubError(422, "malformed", "role: window, laptop or relay")
    name = req.device_name or default_device_name(device_no)
    if protocol.has_control_text(name):
        raise HubError(422, "malformed", "device_name: control characters")
    code = normalise_code(req.code)
    key = protocol.b64(raw_key)

    def work(session: Session) -> tuple[db.HubKeys, dict[str, Any], str]:
        moment = now()
        row = session.get(db.EnrolCode, code)
        if row is None or row.station_code != req.station_code or (row.device or protocol.FIRST_DEVICE) != device_no:
            raise HubError(403, "bad_code")
        device = session.get(db.Device, (req.station_code, device_no))
        if row.used_at is not None:
            # The same device with the same key again: its first answer was lost on the way.
            current = session.get(db.Station, req.station_code)
            if (current is not None and device is not None and device.revoked_at is None
                    and device.public_key == key and device.box_key == box_key):
                return db.hub_keys(session), certificate(session, current, device), db.region(session)
            raise HubError(403, "bad_code")
        if row.expires_at <= moment:
            raise HubError(403, "bad_code")
        if device is not None and device.revoked_at is not None:
            raise HubError(403, "bad_code", "device revoked")
        claimed = session.execute(update(db.EnrolCode).where(db.EnrolCode.code == code,
                                                             db.EnrolCode.used_at.is_(None))
                                  .values(used_at=moment))
        if claimed.rowcount != 1:  # type: ignore[attr-defined]
            raise HubError(403, "bad_code")
        station = session.get(db.Station, req.station_code)
        if station is None:
            station = db.Station(code=req.station_code, name=req.station_name, public_key=key, enrolled_at=moment,
                                 feed=0)
            session.add(station)
            session.flush()
        elif device_no == protocol.FIRST_DEVICE:  # the station's first device names it (as before devices)
            station.name = req.station_name
            station.public_key, station.enrolled_at = key, moment  # the column hubs before devices read
        if device is None:
            device = db.Device(station=req.station_code, device=device_no, name=name, role=role, public_key=key,
                               enrolled_at=moment, box_key=box_key)
            session.add(device)
        else:  # a new code for this device: its keys (and no other device's) are replaced
            device.name, device.role, device.public_key, device.enrolled_at = name, role, key, moment
            device.box_key = box_key
        session.flush()
        return db.hub_keys(session), certificate(session, station, device), db.region(session)

    keys, cert, region = retrying(engine, work)
    log.info("device %s of station %s enrolled", device_no, req.station_code)
    answer = protocol.EnrolAnswer(station_code=req.station_code, hub_signing_key=keys.signing_key,
                                  hub_box_key=keys.box_key, time=stamp(now()), region=region, certificate=cert,
                                  device=device_no)
    return JSONResponse(answer.to_wire())


@router.get(protocol.CERTIFICATE, response_model=CertificateOut, responses=error_responses(401),
            openapi_extra=SIGNED)
def get_certificate(request: SignedRequest, engine: EngineDep) -> JSONResponse:
    """The signing device's certificate (for stations enrolled before certificates existed)."""

    def work(session: Session) -> tuple[dict[str, Any], str]:
        station = session.get(db.Station, request.station)
        device = session.get(db.Device, (request.station, request.device))
        if station is None or device is None:  # unenrolled between the signature check and now
            raise HubError(401, "unknown_station")
        return certificate(session, station, device), db.region(session)

    cert, region = retrying(engine, work)
    return JSONResponse(protocol.CertificateAnswer(region=region, certificate=cert).to_wire())
