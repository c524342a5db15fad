"""What the hub's routes depend on: the database (``EngineDep``, ``retrying``), the clock, the raw
body of a request and its signature (``SignedRequest``: the device of a station that signed it,
after its signature, age and nonce checked out and the device was found enrolled and not revoked)."""

from __future__ import annotations

import base64
import datetime as dt
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Any, TypeVar

import http_sf
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from fastapi import Depends, Request
from sqlalchemy import Engine, delete, or_, select, update
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session
from starlette.requests import ClientDisconnect

from hub import db
from hub.errors import HubError
from sync import protocol

log = logging.getLogger(__name__)

MAX_BODY = 20 * 1024 * 1024  # bytes, both as sent and after gunzip
# A nonce must outlive every moment its signature could still be accepted (age limit plus clock skew).
NONCE_KEEP = max(2 * protocol.MAX_AGE, protocol.MAX_AGE + protocol.MAX_SKEW)
LAST_SEEN_EVERY = dt.timedelta(minutes=1)  # a device's last_seen_at is written at most this often

T = TypeVar("T")


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def stamp(moment: dt.datetime) -> str:
    return moment.isoformat(timespec="milliseconds")


# -- the database ----------------------------------------------------------------------------


def get_engine(request: Request) -> Engine:
    """The application's database (``create_app`` puts it in ``app.state``)."""
    engine: Engine = request.app.state.engine
    return engine


EngineDep = Annotated[Engine, Depends(get_engine)]


def retrying(engine: Engine, work: Callable[[Session], T], attempts: int = 5) -> T:
    """Run ``work(session)`` in a transaction, again when a concurrent writer got in the way."""
    for attempt in range(attempts):
        with Session(engine) as session:
            try:
                result = work(session)
                session.commit()
                return result
            except (IntegrityError, OperationalError):
                session.rollback()
                if attempt == attempts - 1:
                    raise
                log.info("write conflict, retrying (%d)", attempt + 1)
                time.sleep(0.05 * (attempt + 1))
    raise AssertionError("unreachable")


# -- the body and its signature --------------------------------------------------------------


async def raw_body(request: Request) -> bytes:
    """The body as sent, at most ``MAX_BODY`` bytes (413 ``too_large`` beyond)."""
    length = request.headers.get("content-length")
    if length is not None and length.isdigit() and int(length) > MAX_BODY:
        raise HubError(413, "too_large")
    chunks: list[bytes] = []
    size = 0
    try:
        async for chunk in request.stream():
            size += len(chunk)
            if size > MAX_BODY:
                raise HubError(413, "too_large")
            chunks.append(chunk)
    except ClientDisconnect as exc:  # a link cut in the middle of a request: nobody is there to answer
        log.info("client went away in the middle of a request")
        raise HubError(400, "malformed", "client disconnected") from exc
    return b"".join(chunks)


@dataclass(frozen=True)
class Signer:
    """The enrolled device whose key signed a request."""

    station: str
    device: str
    role: str

    @property
    def keyid(self) -> str:
        """Its keyid in canonical form (device 00: the bare station code)."""
        return protocol.keyid_of(self.station, self.device)

    def verdict_signer(self) -> protocol.Signer:
        return protocol.Signer(station=self.station, device=self.device,
                               relay=self.role == protocol.DeviceRole.relay)


@dataclass(frozen=True)
class Signed:
    """A request whose signature checked out: who sent it and the body bytes as sent."""

    station: str
    device: str
    role: str
    body: bytes
    headers: Any

    @property
    def signer(self) -> Signer:
        return Signer(self.station, self.device, self.role)

    @property
    def keyid(self) -> str:
        return self.signer.keyid


def request_like(request: Request) -> protocol.ReceivedRequest:
    """The request as the client addressed it: scheme, Host header, raw path and query."""
    scope = request.scope
    host = request.headers.get("host")
    if not host:
        server = scope.get("server")
        host = f"{server[0]}:{server[1]}" if server else "localhost"
    raw_path = scope.get("raw_path")
    path = raw_path.decode("latin-1") if raw_path else scope["path"]
    query = scope.get("query_string", b"").decode("latin-1")
    url = f"{scope.get('scheme', 'http')}://{host}{path}" + (f"?{query}" if query else "")
    return protocol.ReceivedRequest(method=request.method, url=url, headers=request.headers)


def signing_keyids(headers: Any) -> list[str]:
    """Key ids of the signatures in Signature-Input that carry our tag."""
    try:
        parsed = http_sf.parse(headers["signature-input"].encode("latin-1"), tltype="dictionary")
    except Exception as exc:
        raise HubError(401, "bad_signature", "malformed Signature-Input") from exc
    if not isinstance(parsed, dict):  # a dictionary, as asked: the parser's type names every kind
        raise HubError(401, "bad_signature", "malformed Signature-Input")
    ids = []
    for member in parsed.values():
        params = member[1] if isinstance(member, tuple) and len(member) == 2 else {}
        if isinstance(params, dict) and params.get("tag") == protocol.SIGNATURE_TAG:
            keyid = params.get("keyid")
            if not isinstance(keyid, str):
                raise HubError(401, "bad_signature", "signature without keyid")
            ids.append(keyid)
    if not ids:
        raise HubError(401, "bad_signature", "no station signature")
    return ids


def _enrolled(engine: Engine, keyids: list[str]) -> dict[str, db.Device]:
    """The devices the keyids name (revoked ones too), by keyid as signed; 401 for a keyid naming none."""
    named: dict[str, tuple[str, str]] = {}
    for keyid in keyids:
        parsed = protocol.parse_keyid(keyid)
        if parsed is None:
            raise HubError(401, "unknown_station", keyid[:40])
        named[keyid] = parsed
    with Session(engine) as session:
        rows = session.scalars(select(db.Device).where(or_(*(
            (db.Device.station == station) & (db.Device.device == device) for station, device in named.values()))))
        devices = {(row.station, row.device): row for row in rows}
        for row in devices.values():
            session.expunge(row)
    found: dict[str, db.Device] = {}
    for keyid, key in named.items():
        if key not in devices:
            raise HubError(401, "unknown_station", keyid[:40])
        found[keyid] = devices[key]
    return found


def verify(engine: Engine, received: protocol.ReceivedRequest, body: bytes) -> Signer:
    """The device that signed the request; raises ``HubError`` (401) for every fault (a revoked device:
    ``revoked_device``), records the nonce and, at most once a minute, when the device was last seen."""
    headers = received.headers
    if "signature" not in headers or "signature-input" not in headers:
        raise HubError(401, "unsigned")
    devices = _enrolled(engine, signing_keyids(headers))
    keys = {keyid: Ed25519PublicKey.from_public_bytes(base64.b64decode(row.public_key))
            for keyid, row in devices.items()}
    try:
        keyid, nonce, created = protocol.verify_request(received, body, keys)
    except Exception as exc:
        message = str(exc)
        if "maximum allowable age" in message or "in the future" in message or "in the past" in message:
            raise HubError(401, "stale") from exc
        log.info("bad signature: %s", message)
        raise HubError(401, "bad_signature", message[:200]) from exc
    device = devices[keyid]
    if device.revoked_at is not None:
        raise HubError(401, "revoked_device", keyid[:40])
    moment = now()
    try:
        with Session(engine) as session:
            cutoff = int((moment - NONCE_KEEP).timestamp())
            session.execute(delete(db.Nonce).where(db.Nonce.created < cutoff))
            session.add(db.Nonce(station=device.station, nonce=nonce, created=created))
            session.flush()
            if device.last_seen_at is None or moment - device.last_seen_at >= LAST_SEEN_EVERY:
                session.execute(update(db.Device).where(db.Device.station == device.station,
                                                        db.Device.device == device.device)
                                .values(last_seen_at=moment))
            session.commit()
    except IntegrityError as exc:
        raise HubError(401, "replayed") from exc
    return Signer(station=device.station, device=device.device, role=device.role)


def signed_request(request: Request, body: Annotated[bytes, Depends(raw_body)], engine: EngineDep) -> Signed:
    signer = verify(engine, request_like(request), body)
    return Signed(station=signer.station, device=signer.device, role=signer.role, body=body,
                  headers=request.headers)


SignedRequest = Annotated[Signed, Depends(signed_request)]
