"""``/v1/enrol`` (a station enrols its device key with a one-time code) and ``/v1/certificate``
(the hub's certificate of that key)."""

from __future__ import annotations

import binascii
import logging
import re
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from fastapi import APIRouter
from fastapi.responses import JSONResponse
from sqlalchemy import update
from sqlalchemy.orm import Session

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


def certificate(session: Session, station: db.Station) -> dict[str, Any]:
    """The hub's certificate of a station's current device key, in the region this hub serves."""
    signing, _box = db.hub_private_keys(session)
    return bundle_format.make_certificate(signing, station=station.code, station_name=station.name,
                                          device_key=station.public_key, region=db.region(session),
                                          issued_at=stamp(now()))


@router.post(protocol.ENROL, response_model=EnrolOut, responses=error_responses(403, 422))
def enrol(req: EnrolIn, engine: EngineDep) -> JSONResponse:
    try:
        raw_key = protocol.unb64(req.public_key)
        if len(raw_key) != 32:
            raise ValueError("public key is not 32 bytes")
        Ed25519PublicKey.from_public_bytes(raw_key)
    except (ValueError, binascii.Error, UnicodeEncodeError) as exc:
        raise HubError(422, "malformed", "public_key: base64 of a raw 32-byte Ed25519 key") from exc
    code = normalise_code(req.code)

    def work(session: Session) -> tuple[db.HubKeys, dict[str, Any], str]:
        moment = now()
        row = session.get(db.EnrolCode, code)
        if row is None or row.station_code != req.station_code:
            raise HubError(403, "bad_code")
        if row.used_at is not None:
            # The same station with the same key again: its first answer was lost on the way.
            current = session.get(db.Station, req.station_code)
            if current is not None and current.public_key == protocol.b64(raw_key):
                return db.hub_keys(session), certificate(session, current), db.region(session)
            raise HubError(403, "bad_code")
        if row.expires_at <= moment:
            raise HubError(403, "bad_code")
        claimed = session.execute(update(db.EnrolCode).where(db.EnrolCode.code == code,
                                                             db.EnrolCode.used_at.is_(None))
                                  .values(used_at=moment))
        if claimed.rowcount != 1:  # type: ignore[attr-defined]
            raise HubError(403, "bad_code")
        station = session.get(db.Station, req.station_code)
        if station is None:
            station = db.Station(code=req.station_code, name=req.station_name,
                                 public_key=protocol.b64(raw_key), enrolled_at=moment)
            session.add(station)
        else:
            station.name = req.station_name
            station.public_key = protocol.b64(raw_key)
            station.enrolled_at = moment
        return db.hub_keys(session), certificate(session, station), db.region(session)

    keys, cert, region = retrying(engine, work)
    log.info("station %s enrolled", req.station_code)
    answer = protocol.EnrolAnswer(station_code=req.station_code, hub_signing_key=keys.signing_key,
                                  hub_box_key=keys.box_key, time=stamp(now()), region=region, certificate=cert)
    return JSONResponse(answer.to_wire())


@router.get(protocol.CERTIFICATE, response_model=CertificateOut, responses=error_responses(401),
            openapi_extra=SIGNED)
def get_certificate(request: SignedRequest, engine: EngineDep) -> JSONResponse:
    """The signing station's device certificate (for stations enrolled before certificates existed)."""

    def work(session: Session) -> tuple[dict[str, Any], str]:
        station = session.get(db.Station, request.station)
        if station is None:  # unenrolled between the signature check and now
            raise HubError(401, "unknown_station")
        return certificate(session, station), db.region(session)

    cert, region = retrying(engine, work)
    return JSONResponse(protocol.CertificateAnswer(region=region, certificate=cert).to_wire())
