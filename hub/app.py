"""The reference regional hub: the HTTP side of the station protocol (``sync.protocol``, version 1).

Stations enrol once with a one-time code, then push their case journal (signed, possibly gzip'd,
idempotent per event) and pull updates (case status from the platform, catalogues, calendars,
notices) with an opaque cursor. Every fault in a request is answered with a JSON ``{"error": code}``
and a 4xx status; nothing a client sends leads to a 500.
"""

import base64
import binascii
import datetime as dt
import hashlib
import json
import logging
import re
import time
import zlib
from dataclasses import dataclass, field
from typing import Annotated, Any, Literal

import http_sf
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from fastapi import Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.utils import get_openapi
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from sqlalchemy import Engine, delete, or_, select, update
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.gzip import GZipMiddleware
from starlette.requests import ClientDisconnect

from app.journal import BODY_FIELDS, GENESIS, EventType, event_hash
from app.models import CaseStatus, Outcome
from hub import db
from sync import bundle_format, protocol

log = logging.getLogger(__name__)

MAX_BODY = 20 * 1024 * 1024  # bytes, both as sent and after gunzip
DEFAULT_LIMIT = 100
MAX_LIMIT = 500
# A nonce must outlive every moment its signature could still be accepted (age limit plus clock skew).
NONCE_KEEP = max(2 * protocol.MAX_AGE, protocol.MAX_AGE + protocol.MAX_SKEW)
_HEX64 = re.compile(r"[0-9a-f]{64}")
_BUNDLE_ID = r"^[0-9a-f]{32}$"
MAX_BUNDLE = 4 * 1024 * 1024 * 1024  # bytes of one bundle file
MAX_BUNDLE_CHUNK = 4 * 1024 * 1024  # one PATCH body
_STATION_CODE = r"^[0-9]{12}$"
_CROCKFORD_FIX = str.maketrans({"O": "0", "I": "1", "L": "1"})

STATUS_BY_TYPE: dict[str, CaseStatus] = {
    EventType.received: CaseStatus.received,
    EventType.accepted: CaseStatus.accepted,
    EventType.refused: CaseStatus.refused,
    EventType.correction_requested: CaseStatus.correction_requested,
    EventType.correction_resumed: CaseStatus.accepted,
    EventType.in_progress: CaseStatus.in_progress,
    EventType.special_started: CaseStatus.special_procedure,
    EventType.special_ended: CaseStatus.in_progress,
    EventType.concluded: CaseStatus.concluded,
    EventType.delivered: CaseStatus.delivered,
    EventType.withdrawn: CaseStatus.withdrawn,
}


# ---------------------------------------------------------------------------------------------
# Messages (declared for the OpenAPI document; pushes are parsed by hand, event by event)


class ErrorOut(BaseModel):
    error: str = Field(description="unsigned, unknown_station, bad_signature, stale, replayed, bad_code, malformed, "
                                   "bad_cursor, unsupported_version, unsupported_encoding, too_large, "
                                   "batch_too_large, not_found, method_not_allowed")
    detail: Any = None


class TimeOut(BaseModel):
    time: str = Field(description="the hub's clock, ISO 8601, UTC")
    epoch: int = Field(description="the same instant in Unix seconds")
    version: str = Field(examples=[protocol.VERSION])


class HealthOut(BaseModel):
    ok: bool


class EnrolIn(BaseModel):
    code: str = Field(min_length=1, max_length=40, description="one-time enrolment code (case, dashes and spaces "
                                                                "are ignored)")
    station_code: str = Field(pattern=_STATION_CODE, description="12-digit division code of the station")
    station_name: str = Field(min_length=1, max_length=200)
    public_key: str = Field(max_length=100, description="the station's Ed25519 device key: base64 of the raw 32 bytes")


class EnrolOut(BaseModel):
    station_code: str
    hub_signing_key: str = Field(description="the hub's Ed25519 public key, base64 of the raw 32 bytes")
    hub_box_key: str = Field(description="the hub's X25519 public key, base64 of the raw 32 bytes")
    time: str
    region: str | None = Field(default=None, description="the region this hub serves (6-digit division code)")
    certificate: dict[str, Any] | None = Field(
        default=None, description="the station's device certificate (bianmin-device-cert/1): the hub's Ed25519 "
                                  "signature over station, station_name, device_key, region, issued_at, hub_key")


class CertificateOut(BaseModel):
    region: str
    certificate: dict[str, Any] = Field(description="bianmin-device-cert/1 of the signing station's device key")


class BundleIn(BaseModel):
    bundle_id: str = Field(pattern=_BUNDLE_ID, description="the bundle's id (32 hex digits, from its header)")
    size: int = Field(ge=1, description="bytes of the whole bundle file")
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$", description="SHA-256 of the whole bundle file")


class BundleUploadOut(BaseModel):
    upload: str = Field(description="where to PATCH the bytes (a path on this hub)")
    bundle_id: str
    size: int
    offset: int = Field(description="bytes the hub has; the next PATCH starts here")
    complete: bool = Field(description="the bundle was checked and its contents taken in")
    already: bool = Field(default=False, description="the hub had taken this bundle in before this request")
    ack: dict[str, Any] | None = Field(default=None, description="bianmin-bundle-ack/1, signed by the hub, once "
                                                                 "complete")


class WireEvent(BaseModel):
    """One journal event as it travels (``sync.protocol.event_to_wire``)."""

    seq: int
    event_id: str
    station: str
    case_no: str | None
    type: str
    at: str
    operator: str
    device: str
    payload: dict[str, Any]
    prev_hash: str = Field(description="hash of the station's previous event (64 hex digits; GENESIS for the first)")
    hash: str = Field(description="sha256(prev_hash + '\\n' + canonical JSON of the other fields), hex")


class EventsIn(BaseModel):
    version: str = Field(examples=[protocol.VERSION])
    station: str
    events: list[WireEvent] = Field(max_length=protocol.MAX_BATCH)


class EventResult(BaseModel):
    event_id: str | None
    seq: int | None
    status: Literal["stored", "duplicate", "rejected"]
    reason: str | None = Field(description="when rejected: " + ", ".join(r.value for r in protocol.Rejection))


class EventsOut(BaseModel):
    results: list[EventResult]
    time: str


class UpdateOut(BaseModel):
    id: str
    kind: Literal["case_status", "catalogue", "calendar", "notice"]
    case_no: str | None
    body: dict[str, Any]


class UpdatesOut(BaseModel):
    updates: list[UpdateOut]
    cursor: str = Field(description="opaque; pass it back to get what came after")
    more: bool


def _errors(*statuses: int) -> dict[int | str, dict[str, Any]]:
    return {status: {"model": ErrorOut} for status in statuses}


# ---------------------------------------------------------------------------------------------
# Errors


class HubError(Exception):
    def __init__(self, status: int, error: str, detail: Any = None) -> None:
        super().__init__(error)
        self.status = status
        self.error = error
        self.detail = detail


def _error_response(status: int, error: str, detail: Any = None) -> JSONResponse:
    content: dict[str, Any] = {"error": error}
    if detail is not None:
        content["detail"] = detail
    return JSONResponse(content, status_code=status)


_HTTP_ERRORS = {400: "malformed", 404: "not_found", 405: "method_not_allowed", 413: "too_large"}


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(HubError)
    async def hub_error(request: Request, exc: HubError) -> JSONResponse:
        return _error_response(exc.status, exc.error, exc.detail)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        detail = [{"loc": [str(p) for p in e.get("loc", ())], "msg": str(e.get("msg", ""))} for e in exc.errors()]
        return _error_response(422, "malformed", detail)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return _error_response(exc.status_code, _HTTP_ERRORS.get(exc.status_code, f"http_{exc.status_code}"))

    @app.exception_handler(Exception)
    async def internal_error(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        return _error_response(500, "internal")


# ---------------------------------------------------------------------------------------------
# Helpers


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _stamp(moment: dt.datetime) -> str:
    return moment.isoformat(timespec="milliseconds")


def normalise_code(code: str) -> str:
    """The canonical form of a typed enrolment code: no separators, upper case, Crockford look-alikes fixed."""
    return re.sub(r"[\s\-_]", "", code).upper().translate(_CROCKFORD_FIX)


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


def _retrying(engine: Engine, work: Any, attempts: int = 5) -> Any:
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


# ---------------------------------------------------------------------------------------------
# Signatures


@dataclass(frozen=True)
class Signed:
    """A request whose signature checked out: who sent it and the body bytes as sent."""

    station: str
    body: bytes
    headers: Any


def _request_like(request: Request) -> protocol.ReceivedRequest:
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


def _signing_stations(headers: Any) -> list[str]:
    """Key ids of the signatures in Signature-Input that carry our tag."""
    try:
        parsed = http_sf.parse(headers["signature-input"].encode("latin-1"), tltype="dictionary")
    except Exception as exc:
        raise HubError(401, "bad_signature", "malformed Signature-Input") from exc
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


def verify(engine: Engine, request_like: protocol.ReceivedRequest, body: bytes) -> str:
    """The station that signed the request; raises ``HubError`` (401) for every fault, and records the nonce."""
    headers = request_like.headers
    if "signature" not in headers or "signature-input" not in headers:
        raise HubError(401, "unsigned")
    keyids = _signing_stations(headers)
    with Session(engine) as session:
        rows = session.execute(select(db.Station.code, db.Station.public_key).where(db.Station.code.in_(keyids)))
        known = {code: key for code, key in rows}
    missing = [k for k in keyids if k not in known]
    if missing:
        raise HubError(401, "unknown_station", missing[0][:40])
    keys = {code: Ed25519PublicKey.from_public_bytes(base64.b64decode(key)) for code, key in known.items()}
    try:
        station, nonce, created = protocol.verify_request(request_like, body, keys)
    except Exception as exc:
        message = str(exc)
        if "maximum allowable age" in message or "in the future" in message or "in the past" in message:
            raise HubError(401, "stale") from exc
        log.info("bad signature: %s", message)
        raise HubError(401, "bad_signature", message[:200]) from exc

    def record(session: Session) -> None:
        cutoff = int((_now() - NONCE_KEEP).timestamp())
        session.execute(delete(db.Nonce).where(db.Nonce.created < cutoff))
        session.add(db.Nonce(station=station, nonce=nonce, created=created))
        session.flush()

    try:
        with Session(engine) as session:
            record(session)
            session.commit()
    except IntegrityError as exc:
        raise HubError(401, "replayed") from exc
    return station


def _dependencies(engine: Engine) -> Any:
    async def raw_body(request: Request) -> bytes:
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

    def signed(request: Request, body: Annotated[bytes, Depends(raw_body)]) -> Signed:
        station = verify(engine, _request_like(request), body)
        return Signed(station=station, body=body, headers=request.headers)

    return signed


# ---------------------------------------------------------------------------------------------
# Push


def _decode_push(signed: Signed) -> list[Any]:
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
        doc = json.loads(body)
    except (ValueError, RecursionError) as exc:
        raise HubError(422, "malformed", "body is not JSON") from exc
    if not isinstance(doc, dict) or not isinstance(doc.get("events"), list):
        raise HubError(422, "malformed", "expected an object with an events list")
    if doc.get("version") != protocol.VERSION:
        raise HubError(400, "unsupported_version", str(doc.get("version"))[:40])
    if doc.get("station") != signed.station:
        raise HubError(403, "wrong_station", "the batch's station is not the signer")
    if len(doc["events"]) > protocol.MAX_BATCH:
        raise HubError(413, "batch_too_large", f"at most {protocol.MAX_BATCH} events per request")
    return doc["events"]


_STR_FIELDS = {"event_id": 100, "station": 12, "type": 64, "at": 40, "operator": 100, "device": 100}


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _parse_event(raw: Any) -> dict[str, Any] | None:
    """The event's fields when they are all present and well typed, else None."""
    if not isinstance(raw, dict):
        return None
    for name, longest in _STR_FIELDS.items():
        value = raw.get(name)
        if not isinstance(value, str) or not value or len(value) > longest:
            return None
    seq = raw.get("seq")
    if type(seq) is not int or not 0 <= seq < 2**63:
        return None
    case_no = raw.get("case_no")
    if case_no is not None and (not isinstance(case_no, str) or not case_no or len(case_no) > 40):
        return None
    if not isinstance(raw.get("payload"), dict):
        return None
    for name in ("prev_hash", "hash"):
        if not isinstance(raw.get(name), str) or not _HEX64.fullmatch(raw[name]):
            return None
    try:  # text that is not valid Unicode (a lone surrogate) cannot be stored or hashed
        json.dumps(raw, ensure_ascii=False).encode("utf-8")
    except (UnicodeEncodeError, ValueError, RecursionError):
        return None
    return raw


def _body(ev: dict[str, Any]) -> dict[str, Any]:
    return {k: ev[k] for k in BODY_FIELDS}


def _items_names(items: Any) -> list[str]:
    names = []
    if isinstance(items, list):
        for item in items:
            if isinstance(item, dict) and isinstance(item.get("name"), str):
                names.append(item["name"])
            elif isinstance(item, str):
                names.append(item)
    return names


def _apply_to_case(case: db.Case, ev: dict[str, Any], now: dt.datetime) -> None:
    payload: dict[str, Any] = ev["payload"]
    if ev["type"] == EventType.received:
        case.items = json.dumps(_items_names(payload.get("items")), ensure_ascii=False)
        applicant = payload.get("applicant")
        if isinstance(applicant, dict) and isinstance(applicant.get("name"), str):
            case.applicant_name = applicant["name"][:200]
    status = STATUS_BY_TYPE.get(ev["type"])
    # A station's echo of a status the platform itself set carries nothing new, and arriving late it
    # would take the case back to an older status: the platform's own set-status already applied it.
    if payload.get("source") == "platform":
        status = None
    if status is not None and (case.status_seq is None or ev["seq"] > case.status_seq):
        case.status = status.value
        case.status_seq = ev["seq"]
        if status is CaseStatus.concluded:
            outcome = payload.get("outcome")
            case.outcome = outcome if outcome in {o.value for o in Outcome} else None
    platform_no = payload.get("platform_no")
    if isinstance(platform_no, str) and platform_no:
        case.platform_no = platform_no[:100]
    case.updated_at = now


@dataclass(frozen=True)
class _Held:
    """An event the hub holds at a station's position: what its neighbours must link to."""

    event_id: str
    hash: str
    prev_hash: str


def _held_positions(session: Session, station: str, seqs: set[int]) -> dict[int, _Held]:
    held: dict[int, _Held] = {}
    wanted = sorted(seqs)
    for start in range(0, len(wanted), 400):
        rows = session.execute(select(db.StoredEvent.seq, db.StoredEvent.event_id, db.StoredEvent.hash,
                                      db.StoredEvent.prev_hash)
                               .where(db.StoredEvent.station == station,
                                      db.StoredEvent.seq.in_(wanted[start:start + 400])))
        held.update({seq: _Held(event_id, hash_, prev) for seq, event_id, hash_, prev in rows})
    return held


def _held_intakes(session: Session, case_nos: set[str]) -> dict[str, str]:
    """case number -> event id of the intake (``case.received``) the hub holds for it."""
    intakes: dict[str, str] = {}
    wanted = sorted(case_nos)
    for start in range(0, len(wanted), 400):
        rows = session.execute(select(db.StoredEvent.case_no, db.StoredEvent.event_id)
                               .where(db.StoredEvent.type == EventType.received.value,
                                      db.StoredEvent.case_no.in_(wanted[start:start + 400])))
        for case_no, event_id in rows:
            intakes.setdefault(str(case_no), event_id)
    return intakes


def _owns_case_no(signer: str, case_no: str) -> bool:
    """Whether a case number is the signer's to use: its station part is the signer's code. (When
    devices get a part of the number, it is checked here against the signing device as well.)"""
    return protocol.case_no_station(case_no) == signer


def _chain_fault(ev: dict[str, Any], held: dict[int, _Held]) -> protocol.Rejection | None:
    """Why ``ev`` cannot take its place in its station's chain as the hub holds it, if it cannot."""
    seq = ev["seq"]
    if seq in held:  # (the same event was answered "duplicate" before this)
        return protocol.Rejection.seq_taken
    if (seq == 1) != (ev["prev_hash"] == GENESIS):  # only a journal's first event follows nothing
        return protocol.Rejection.broken_chain
    before, after = held.get(seq - 1), held.get(seq + 1)
    if before is not None and before.hash != ev["prev_hash"]:
        return protocol.Rejection.broken_chain
    if after is not None and after.prev_hash != ev["hash"]:
        return protocol.Rejection.broken_chain
    return None


def _store_batch(session: Session, signer: str, events: list[Any]) -> list[dict[str, Any]]:
    """Store a station's pushed events (or a bundle's) and answer each: stored, duplicate, or
    rejected with a ``protocol.Rejection``. A rejected event never holds up the others."""
    now = _now()
    parsed: list[dict[str, Any] | None] = []
    reasons: list[protocol.Rejection | None] = []
    for raw in events:
        if protocol.has_control_text(raw):  # checked first: such text must not reach the database at all
            parsed.append(None)
            reasons.append(protocol.Rejection.bad_text)
        else:
            ev = _parse_event(raw)
            parsed.append(ev)
            reasons.append(None if ev is not None else protocol.Rejection.malformed)
    ids = [ev["event_id"] for ev in parsed if ev is not None]
    known: dict[str, str] = {}
    for start in range(0, len(ids), 400):
        rows = session.execute(select(db.StoredEvent.event_id, db.StoredEvent.hash)
                               .where(db.StoredEvent.event_id.in_(ids[start:start + 400])))
        known.update({event_id: hash_ for event_id, hash_ in rows})
    ours = [ev for ev in parsed if ev is not None and ev["station"] == signer]
    held = _held_positions(session, signer, {ev["seq"] + d for ev in ours for d in (-1, 0, 1)})
    intakes = _held_intakes(session, {ev["case_no"] for ev in ours
                                      if ev["type"] == EventType.received and ev["case_no"] is not None})
    cases: dict[str, db.Case | None] = {}
    results: list[dict[str, Any]] = []
    for raw, ev, reason in zip(events, parsed, reasons, strict=True):
        event_id = raw.get("event_id") if isinstance(raw, dict) else None
        seq = raw.get("seq") if isinstance(raw, dict) else None
        result: dict[str, Any] = {"event_id": event_id if isinstance(event_id, str) and _encodable(event_id) else None,
                                  "seq": seq if type(seq) is int else None,
                                  "status": protocol.REJECTED, "reason": reason}
        results.append(result)
        if ev is None:
            continue
        verdict = _verdict(ev, signer, known, held, intakes)
        if verdict is not None:
            result["status"], result["reason"] = verdict
            continue
        case: db.Case | None = None
        case_no = ev["case_no"]
        if case_no is not None:
            if case_no not in cases:
                cases[case_no] = session.get(db.Case, case_no)
            case = cases[case_no]
            if case is not None and case.station != signer:  # held so by a hub before these checks
                result["reason"] = protocol.Rejection.foreign_case
                continue
            if case is None:
                case = db.Case(case_no=case_no, station=signer, items="[]", updated_at=now)
                session.add(case)
                cases[case_no] = case
            _apply_to_case(case, ev, now)
        session.add(db.StoredEvent(
            station=ev["station"], event_id=ev["event_id"], seq=ev["seq"], case_no=case_no, type=ev["type"],
            at=ev["at"], operator=ev["operator"], device=ev["device"],
            payload=json.dumps(ev["payload"], ensure_ascii=False, sort_keys=True),
            prev_hash=ev["prev_hash"], hash=ev["hash"], received_at=now,
        ))
        known[ev["event_id"]] = ev["hash"]
        held[ev["seq"]] = _Held(ev["event_id"], ev["hash"], ev["prev_hash"])
        if ev["type"] == EventType.received and case_no is not None:
            intakes.setdefault(case_no, ev["event_id"])
        result["status"], result["reason"] = protocol.STORED, None
    session.flush()
    return results


def _verdict(ev: dict[str, Any], signer: str, known: dict[str, str], held: dict[int, _Held],
             intakes: dict[str, str]) -> tuple[str, protocol.Rejection | None] | None:
    """(status, reason) of an event that is not to be stored, in the order the checks are made;
    None when it is to be stored."""
    rejected = protocol.REJECTED
    if ev["station"] != signer:
        return rejected, protocol.Rejection.wrong_station
    if event_hash(ev["prev_hash"], _body(ev)) != ev["hash"]:
        return rejected, protocol.Rejection.bad_hash
    if ev["event_id"] in known:
        if known[ev["event_id"]] == ev["hash"]:
            return protocol.DUPLICATE, None
        return rejected, protocol.Rejection.conflict
    case_no = ev["case_no"]
    if case_no is not None and not _owns_case_no(signer, case_no):
        return rejected, protocol.Rejection.foreign_case_no
    fault = _chain_fault(ev, held)
    if fault is not None:
        return rejected, fault
    if ev["type"] == EventType.received and case_no is not None and intakes.get(case_no, ev["event_id"]) \
            != ev["event_id"]:
        return rejected, protocol.Rejection.duplicate_case_no
    return None


# ---------------------------------------------------------------------------------------------
# The application


def _openapi(app: FastAPI) -> dict[str, Any]:
    if app.openapi_schema:
        return app.openapi_schema
    schema = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
    components = schema.setdefault("components", {})
    schemas = components.setdefault("schemas", {})
    events_schema = EventsIn.model_json_schema(ref_template="#/components/schemas/{model}")
    schemas.update(events_schema.pop("$defs", {}))
    schemas["EventsIn"] = events_schema
    components.setdefault("securitySchemes", {})["stationSignature"] = {
        "type": "apiKey", "in": "header", "name": "Signature",
        "description": "RFC 9421 HTTP Message Signature (Ed25519, label any, tag "
                       f"\"{protocol.SIGNATURE_TAG}\", keyid = station code) covering "
                       f"{', '.join(protocol.COVERED)} with created and nonce; sent with Signature-Input and "
                       "Content-Digest. Requests older than MAX_AGE or replayed are refused.",
    }
    app.openapi_schema = schema
    return schema


_SIGNED: dict[str, Any] = {"security": [{"stationSignature": []}]}


def create_app(db_url: str = db.DEFAULT_URL) -> FastAPI:
    engine = db.make_engine(db_url)
    db.create_all(engine)
    db.ensure_hub_keys(engine)
    signed = _dependencies(engine)

    app = FastAPI(title="Bianmin regional hub", version=protocol.VERSION, max_body_size=MAX_BODY,
                  description="Reference hub of the Bianmin station protocol: enrolment, journal push, "
                              "update pull. See docs/sync-protocol.md.")
    app.state.engine = engine
    # Answers (a result per pushed event, pages of updates) travel compressed on a slow link.
    app.add_middleware(GZipMiddleware, minimum_size=1000)
    _install_error_handlers(app)
    app.openapi = lambda: _openapi(app)  # type: ignore[method-assign]

    @app.get(protocol.TIME, response_model=TimeOut)
    def get_time() -> TimeOut:
        now = _now()
        return TimeOut(time=_stamp(now), epoch=int(now.timestamp()), version=protocol.VERSION)

    @app.get(f"{protocol.PREFIX}/health", response_model=HealthOut)
    def health() -> HealthOut:
        return HealthOut(ok=True)

    @app.post(protocol.ENROL, response_model=EnrolOut, responses=_errors(403, 422))
    def enrol(req: EnrolIn) -> EnrolOut:
        try:
            raw_key = protocol.unb64(req.public_key)
            if len(raw_key) != 32:
                raise ValueError("public key is not 32 bytes")
            Ed25519PublicKey.from_public_bytes(raw_key)
        except (ValueError, binascii.Error, UnicodeEncodeError) as exc:
            raise HubError(422, "malformed", "public_key: base64 of a raw 32-byte Ed25519 key") from exc
        code = normalise_code(req.code)

        def work(session: Session) -> tuple[db.HubKeys, dict[str, Any], str]:
            now = _now()
            row = session.get(db.EnrolCode, code)
            if row is None or row.station_code != req.station_code:
                raise HubError(403, "bad_code")
            if row.used_at is not None:
                # The same station with the same key again: its first answer was lost on the way.
                current = session.get(db.Station, req.station_code)
                if current is not None and current.public_key == protocol.b64(raw_key):
                    return db.hub_keys(session), _certificate(session, current), db.region(session)
                raise HubError(403, "bad_code")
            if row.expires_at <= now:
                raise HubError(403, "bad_code")
            claimed = session.execute(update(db.EnrolCode).where(db.EnrolCode.code == code,
                                                                 db.EnrolCode.used_at.is_(None))
                                      .values(used_at=now))
            if claimed.rowcount != 1:  # type: ignore[attr-defined]
                raise HubError(403, "bad_code")
            station = session.get(db.Station, req.station_code)
            if station is None:
                station = db.Station(code=req.station_code, name=req.station_name,
                                     public_key=protocol.b64(raw_key), enrolled_at=now)
                session.add(station)
            else:
                station.name = req.station_name
                station.public_key = protocol.b64(raw_key)
                station.enrolled_at = now
            return db.hub_keys(session), _certificate(session, station), db.region(session)

        keys, certificate, region = _retrying(engine, work)
        log.info("station %s enrolled", req.station_code)
        return EnrolOut(station_code=req.station_code, hub_signing_key=keys.signing_key, hub_box_key=keys.box_key,
                        time=_stamp(_now()), region=region, certificate=certificate)

    @app.get(protocol.CERTIFICATE, response_model=CertificateOut, responses=_errors(401), openapi_extra=_SIGNED)
    def get_certificate(request: Annotated[Signed, Depends(signed)]) -> CertificateOut:
        """The signing station's device certificate (for stations enrolled before certificates existed)."""

        def work(session: Session) -> tuple[dict[str, Any], str]:
            station = session.get(db.Station, request.station)
            if station is None:  # unenrolled between the signature check and now
                raise HubError(401, "unknown_station")
            return _certificate(session, station), db.region(session)

        certificate, region = _retrying(engine, work)
        return CertificateOut(region=region, certificate=certificate)

    @app.post(protocol.EVENTS, response_model=EventsOut, responses=_errors(400, 401, 403, 413, 415, 422),
              openapi_extra={**_SIGNED, "requestBody": {
                  "required": True,
                  "description": "JSON, optionally with Content-Encoding: gzip (the signature covers the bytes as "
                                 "sent)",
                  "content": {"application/json": {"schema": {"$ref": "#/components/schemas/EventsIn"}}}}})
    def push_events(request: Annotated[Signed, Depends(signed)]) -> EventsOut:
        events = _decode_push(request)
        results = _retrying(engine, lambda session: _store_batch(session, request.station, events))
        stored = sum(1 for r in results if r["status"] == protocol.STORED)
        log.info("station %s pushed %d events, %d stored", request.station, len(results), stored)
        return EventsOut(results=[EventResult(**r) for r in results], time=_stamp(_now()))

    @app.get(protocol.UPDATES, response_model=UpdatesOut, responses=_errors(400, 401, 422), openapi_extra=_SIGNED)
    def pull_updates(
        request: Annotated[Signed, Depends(signed)],
        cursor: Annotated[str | None, Query(description="opaque; absent = from the start")] = None,
        limit: Annotated[int, Query(ge=1, description=f"at most {MAX_LIMIT}")] = DEFAULT_LIMIT,
    ) -> UpdatesOut:
        after = decode_cursor(cursor)
        limit = min(limit, MAX_LIMIT)
        with Session(engine) as session:
            rows = session.scalars(
                select(db.Update)
                .where(or_(db.Update.station == request.station, db.Update.station.is_(None)), db.Update.id > after)
                .order_by(db.Update.id).limit(limit + 1)
            ).all()
        more = len(rows) > limit
        rows = rows[:limit]
        updates = [UpdateOut(id=str(r.id), kind=r.kind, case_no=r.case_no, body=json.loads(r.body))  # type: ignore[arg-type]
                   for r in rows]
        return UpdatesOut(updates=updates, cursor=encode_cursor(rows[-1].id if rows else after), more=more)

    from hub import attachments  # imported here: hub.attachments builds on this module

    app.include_router(attachments.router(engine, signed))
    _bundle_routes(app, engine, signed)
    return app


# ---------------------------------------------------------------------------------------------
# Device certificates and offline bundles (sync.bundle_format; docs/sync-protocol.md, "Offline bundles")


def _certificate(session: Session, station: db.Station) -> dict[str, Any]:
    """The hub's certificate of a station's current device key, in the region this hub serves."""
    signing, _box = db.hub_private_keys(session)
    return bundle_format.make_certificate(signing, station=station.code, station_name=station.name,
                                          device_key=station.public_key, region=db.region(session),
                                          issued_at=_stamp(_now()))


def _bundle_path(bundle_id: str) -> str:
    return f"{protocol.BUNDLES}/{bundle_id}"


def _bundle_state(row: db.BundleUpload, already: bool = False) -> dict[str, Any]:
    return {"upload": _bundle_path(row.bundle_id), "bundle_id": row.bundle_id, "size": row.size,
            "offset": row.offset, "complete": row.ingested_at is not None, "already": already,
            "ack": json.loads(row.ack) if row.ack else None}


def _transfer_state(row: db.BundleTransfer) -> dict[str, Any]:
    return {"upload": _bundle_path(row.bundle_id), "bundle_id": row.bundle_id, "size": row.size,
            "offset": row.offset, "complete": False, "already": False, "ack": None}


def _taken_in(session: Session, bundle_id: str) -> db.BundleUpload | None:
    """The bundle as the hub took it in, if it did. A record whose acknowledgement names another
    bundle (a hub before version 1.1 took a bundle in under whatever id it was uploaded as) does not
    count: the real bundle is taken in when it comes."""
    row = session.get(db.BundleUpload, bundle_id)
    if row is None or row.ingested_at is None or not row.ack:
        return None
    try:
        acked = json.loads(row.ack).get("bundle_id")
    except (ValueError, AttributeError):
        acked = None
    return row if acked == bundle_id else None


def _drop_transfer(session: Session, bundle_id: str, uploader: str | None = None) -> None:
    """Forget one station's upload of a bundle (or everybody's, when ``uploader`` is None)."""
    chunks = delete(db.BundleTransferChunk).where(db.BundleTransferChunk.bundle_id == bundle_id)
    transfers = delete(db.BundleTransfer).where(db.BundleTransfer.bundle_id == bundle_id)
    if uploader is not None:
        chunks = chunks.where(db.BundleTransferChunk.uploader == uploader)
        transfers = transfers.where(db.BundleTransfer.uploader == uploader)
    session.execute(chunks)
    session.execute(transfers)


class _StoredBundle:
    """One station's bundle upload read back from the database chunk by chunk, as a file (``read(n)``)."""

    def __init__(self, engine: Engine, bundle_id: str, uploader: str) -> None:
        self._engine = engine
        self._key = (bundle_id, uploader)
        with Session(engine) as session:
            self._offsets = list(session.scalars(select(db.BundleTransferChunk.offset)
                                                 .where(db.BundleTransferChunk.bundle_id == bundle_id,
                                                        db.BundleTransferChunk.uploader == uploader)
                                                 .order_by(db.BundleTransferChunk.offset)))
        self._next = 0
        self._buf = bytearray()
        self._pos = 0

    def read(self, n: int) -> bytes:
        while len(self._buf) - self._pos < n and self._next < len(self._offsets):
            with Session(self._engine) as session:
                chunk = session.get(db.BundleTransferChunk, (*self._key, self._offsets[self._next]))
                data = chunk.data if chunk is not None else b""
            self._next += 1
            if self._pos:
                del self._buf[:self._pos]
                self._pos = 0
            self._buf += data
        out = bytes(self._buf[self._pos:self._pos + n])
        self._pos += len(out)
        return out


@dataclass
class _Intake:
    """What the hub took in from one bundle, for its acknowledgement."""

    station: str
    accepted: list[tuple[int, str]] = field(default_factory=list)
    rejected: list[dict[str, Any]] = field(default_factory=list)
    stored: int = 0
    duplicate: int = 0
    attachments: list[str] = field(default_factory=list)
    attachments_refused: list[dict[str, Any]] = field(default_factory=list)


def _refuse_bundle(engine: Engine, bundle_id: str, uploader: str, reason: str, detail: str) -> HubError:
    """Forget the upload (nothing of it was taken in) and say why."""
    _retrying(engine, lambda session: _drop_transfer(session, bundle_id, uploader))
    log.warning("bundle %s uploaded by %s refused: %s (%s)", bundle_id, uploader, reason, detail)
    return HubError(422, f"bundle_{reason}", detail[:200] or None)


def _ingest_bundle(engine: Engine, bundle_id: str, uploader: str) -> tuple[dict[str, Any], bool]:
    """Check a station's completely uploaded bundle, take its events in through the push's own code
    path (attributed to the bundle's station) and its attachments by content hash; the signed ack,
    and whether the bundle had been taken in already (by another station's upload meanwhile)."""
    from hub import attachments

    with Session(engine) as session:
        signing, box = db.hub_private_keys(session)
        trust = bundle_format.Trust(hub_key=protocol.b64(protocol.public_bytes(signing)), region=db.region(session))
        row = session.get(db.BundleTransfer, (bundle_id, uploader))
        if row is None:
            raise HubError(404, "not_found")
        declared = (row.size, row.sha256)
    box_raw = box.private_bytes_raw()
    try:
        verified = bundle_format.verify(_StoredBundle(engine, bundle_id, uploader), trust)  # type: ignore[arg-type]
        if (verified.size, verified.sha256) != declared:
            raise _refuse_bundle(engine, bundle_id, uploader, "hash_mismatch", "the file is not the one declared")
        if verified.header.bundle_id != bundle_id:
            # Taken in under another id, the real bundle of that id could never be delivered.
            raise _refuse_bundle(engine, bundle_id, uploader, "id_mismatch",
                                 "the bundle's own id is not the one it was uploaded under")
        station = verified.header.station
        with Session(engine) as session:
            enrolled = session.get(db.Station, station)
            # Only the station's current key: a key replaced by a new enrolment signs nothing more.
            if enrolled is None or enrolled.public_key != verified.certificate.get("device_key"):
                raise bundle_format.BundleFormatError("unknown_signer", "not the station's current device key")
        intake = _Intake(station=station)
        batch: list[Any] = []
        piece: dict[str, Any] = {}
        for part in bundle_format.decrypt(_StoredBundle(engine, bundle_id, uploader), trust,  # type: ignore[arg-type]
                                          box_raw):
            if part.kind == bundle_format.KIND_EVENTS:
                batch.extend(part.events())
                if len(batch) >= protocol.MAX_BATCH:
                    _ingest_events(engine, intake, batch)
                    batch = []
            else:
                _ingest_piece(engine, intake, piece, part, attachments)
        _ingest_events(engine, intake, batch)
        if piece:
            intake.attachments_refused.append({"sha256": piece["sha256"], "reason": "incomplete"})
    except bundle_format.BundleFormatError as exc:
        raise _refuse_bundle(engine, bundle_id, uploader, exc.reason, exc.detail) from exc
    now = _now()
    ack = bundle_format.sign_document(bundle_format.ACK_FORMAT, {
        "bundle_id": bundle_id, "station": station, "uploaded_by": uploader, "received_at": _stamp(now),
        "stored": intake.stored, "duplicate": intake.duplicate,
        "ranges": bundle_format.seq_ranges(intake.accepted),
        "highest_seq": max((seq for seq, _h in intake.accepted), default=0),
        "rejected": intake.rejected, "attachments": intake.attachments,
        "attachments_refused": intake.attachments_refused,
    }, signing)

    def finish(session: Session) -> tuple[dict[str, Any], bool]:
        _drop_transfer(session, bundle_id)  # every station's upload of it: it is in
        session.execute(delete(db.BundleChunk).where(db.BundleChunk.bundle_id == bundle_id))  # an older hub's
        taken = _taken_in(session, bundle_id)
        if taken is not None:  # another station's upload of it completed first
            return json.loads(taken.ack or "{}"), True
        row = session.get(db.BundleUpload, bundle_id)
        if row is None:
            row = db.BundleUpload(bundle_id=bundle_id, created_at=now)
            session.add(row)
        row.uploader, row.station, row.size, row.sha256 = uploader, station, verified.size, verified.sha256
        row.offset, row.updated_at, row.ingested_at = verified.size, now, now
        row.ack = json.dumps(ack, ensure_ascii=False)
        session.flush()
        return ack, False

    answer, already = _retrying(engine, finish)
    log.info("bundle %s of station %s taken in (forwarded by %s): %d events stored, %d duplicates, %d rejected, "
             "%d attachments", bundle_id, station, uploader, intake.stored, intake.duplicate, len(intake.rejected),
             len(intake.attachments))
    return answer, already


def _ingest_events(engine: Engine, intake: _Intake, events: list[Any]) -> None:
    if not events:
        return
    results = _retrying(engine, lambda session: _store_batch(session, intake.station, events))
    for raw, result in zip(events, results, strict=True):
        if result["status"] in (protocol.STORED, protocol.DUPLICATE):
            intake.stored += result["status"] == protocol.STORED
            intake.duplicate += result["status"] == protocol.DUPLICATE
            intake.accepted.append((int(raw["seq"]), str(raw["hash"])))
        else:
            intake.rejected.append({"seq": result["seq"], "event_id": result["event_id"], "reason": result["reason"]})


def _ingest_piece(engine: Engine, intake: _Intake, piece: dict[str, Any], part: bundle_format.Part,
                  attachments: Any) -> None:
    """Collect an attachment's pieces (one attachment at a time in memory); keep it when whole and sound."""
    meta = part.meta
    sha, size, mime, offset = meta.get("sha256"), meta.get("size"), meta.get("mime"), meta.get("offset")
    if not (isinstance(sha, str) and _HEX64.fullmatch(sha) and type(size) is int and 0 < size <= attachments.MAX_SIZE
            and mime in attachments.MIME_TYPES and type(offset) is int):
        raise bundle_format.BundleFormatError("tampered", "an attachment piece is malformed")
    if piece and piece["sha256"] != sha:
        intake.attachments_refused.append({"sha256": piece["sha256"], "reason": "incomplete"})
        piece.clear()
    if not piece:
        piece.update(sha256=sha, size=size, mime=mime, data=bytearray())
    if offset != len(piece["data"]) or offset + len(part.data) > size:
        raise bundle_format.BundleFormatError("tampered", "attachment pieces out of order")
    piece["data"] += part.data
    if len(piece["data"]) < size:
        return
    data = bytes(piece["data"])
    piece.clear()
    if hashlib.sha256(data).hexdigest() != sha:
        intake.attachments_refused.append({"sha256": sha, "reason": "hash_mismatch"})
        return
    _retrying(engine, lambda session: attachments.store_complete(session, intake.station, sha, mime, data, _now()))
    intake.attachments.append(sha)


def upload_request(body: bytes, max_size: int) -> tuple[dict[str, Any], int, str]:
    """The JSON object that starts a resumable upload (an attachment's or a bundle's): the object,
    its checked ``size`` (1..max_size) and ``sha256`` (64 lower-case hex digits)."""
    try:
        doc = json.loads(body)
    except (ValueError, RecursionError) as exc:
        raise HubError(422, "malformed", "body is not JSON") from exc
    if not isinstance(doc, dict):
        raise HubError(422, "malformed", "expected an object")
    size, sha = doc.get("size"), doc.get("sha256")
    if not isinstance(sha, str) or not _HEX64.fullmatch(sha):
        raise HubError(422, "malformed", "sha256: 64 lower-case hex digits")
    if type(size) is not int or size < 1:
        raise HubError(422, "malformed", "size: a positive integer")
    if size > max_size:
        raise HubError(413, "too_large", f"at most {max_size} bytes")
    return doc, size, sha


def _parse_bundle_in(body: bytes) -> BundleIn:
    doc, size, sha = upload_request(body, MAX_BUNDLE)
    bundle_id = doc.get("bundle_id")
    if not isinstance(bundle_id, str) or not re.fullmatch(_BUNDLE_ID, bundle_id):
        raise HubError(422, "malformed", "bundle_id: 32 lower-case hex digits")
    return BundleIn(bundle_id=bundle_id, size=size, sha256=sha)


def _bundle_routes(app: FastAPI, engine: Engine, signed: Any) -> None:
    """Resumable bundle uploads (like attachments, after tus): any enrolled station may forward a
    bundle; what it carries is checked and attributed to the station that signed it. An upload is
    the forwarding station's own (``db.BundleTransfer``): another station is answered 404 for it."""
    from fastapi import Header
    from fastapi import Path as PathParam

    SignedRequest = Annotated[Signed, Depends(signed)]
    BundleId = Annotated[str, PathParam(pattern=_BUNDLE_ID, description="the bundle's id")]
    octets = "application/offset+octet-stream"

    def _headers(offset: int, size: int) -> dict[str, str]:
        return {"Upload-Offset": str(offset), "Upload-Length": str(size), "Tus-Resumable": "1.0.0",
                "Cache-Control": "no-store"}

    def _finish_if_complete(state: dict[str, Any], uploader: str) -> dict[str, Any]:
        if not state["complete"] and state["offset"] == state["size"]:
            ack, already = _ingest_bundle(engine, state["bundle_id"], uploader)
            state = {**state, "complete": True, "already": already, "ack": ack}
        return state

    @app.post(protocol.BUNDLES, status_code=201, response_model=BundleUploadOut, tags=["bundles"],
              responses={200: {"model": BundleUploadOut, "description": "the upload exists, or the bundle was "
                                                                        "taken in already (already = true)"},
                         **_errors(401, 413, 422)},
              openapi_extra={**_SIGNED, "requestBody": {
                  "required": True, "content": {"application/json": {"schema": BundleIn.model_json_schema()}}}})
    def create_bundle_upload(request: SignedRequest) -> JSONResponse:
        """Start forwarding a bundle, or find where this station's upload of it stands (or that it was
        taken in). Each station's upload is its own: no other station sees or changes it."""
        wanted = _parse_bundle_in(request.body)

        def work(session: Session) -> tuple[dict[str, Any], bool]:
            now = _now()
            taken = _taken_in(session, wanted.bundle_id)
            if taken is not None:
                return _bundle_state(taken, already=True), False
            row = session.get(db.BundleTransfer, (wanted.bundle_id, request.station))
            if row is None:
                row = db.BundleTransfer(bundle_id=wanted.bundle_id, uploader=request.station, size=wanted.size,
                                        sha256=wanted.sha256, offset=0, created_at=now, updated_at=now)
                session.add(row)
                session.flush()
                return _transfer_state(row), True
            if (row.size, row.sha256) != (wanted.size, wanted.sha256):
                # Another file under the same id: what came so far cannot be trusted; start again.
                session.execute(delete(db.BundleTransferChunk).where(
                    db.BundleTransferChunk.bundle_id == wanted.bundle_id,
                    db.BundleTransferChunk.uploader == request.station))
                row.size, row.sha256, row.offset = wanted.size, wanted.sha256, 0
            row.updated_at = now
            return _transfer_state(row), False

        state, created = _retrying(engine, work)
        state = _finish_if_complete(state, request.station)
        return JSONResponse(state, status_code=201 if created else 200,
                            headers={**_headers(state["offset"], state["size"]), "Location": state["upload"]})

    @app.get(protocol.BUNDLES + "/{bundle_id}", response_model=BundleUploadOut, tags=["bundles"],
             responses=_errors(401, 404, 422), openapi_extra=_SIGNED)
    def bundle_upload_status(bundle_id: BundleId, request: SignedRequest) -> JSONResponse:
        """Where this station's upload of a bundle stands (404 for another station's)."""
        with Session(engine) as session:
            row = session.get(db.BundleTransfer, (bundle_id, request.station))
            if row is not None:
                state = _transfer_state(row)
            else:
                taken = _taken_in(session, bundle_id)
                if taken is None or taken.uploader != request.station:
                    raise HubError(404, "not_found")
                state = _bundle_state(taken, already=True)
        return JSONResponse(state, headers=_headers(state["offset"], state["size"]))

    @app.patch(protocol.BUNDLES + "/{bundle_id}", response_model=BundleUploadOut, tags=["bundles"],
               responses={**_errors(400, 401, 404, 409, 413, 415, 422),
                          404: {"model": ErrorOut, "description": "not_found: this station has no upload of "
                                                                  "that bundle (another station's is not its)"},
                          409: {"model": ErrorOut, "description": "offset_mismatch: the hub has another offset"},
                          422: {"model": ErrorOut, "description": "bundle_tampered, bundle_truncated, "
                                                                  "bundle_unknown_signer, bundle_foreign_region, "
                                                                  "bundle_hash_mismatch, bundle_id_mismatch, ...: "
                                                                  "refused, forgotten"}},
               openapi_extra={**_SIGNED, "requestBody": {
                   "required": True, "description": f"the next bytes of the bundle, at most {MAX_BUNDLE_CHUNK}",
                   "content": {octets: {"schema": {"type": "string", "format": "binary"}}}}})
    def append_bundle_chunk(
        bundle_id: BundleId,
        request: SignedRequest,
        upload_offset: Annotated[str | None, Header(alias="Upload-Offset", description="where this chunk starts")]
        = None,
    ) -> JSONResponse:
        """Append the next bytes to this station's upload; with the last one the hub checks the bundle
        and takes it in."""
        content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if content_type != octets:
            raise HubError(415, "unsupported_media_type", f"expected {octets}")
        if upload_offset is None or not re.fullmatch(r"[0-9]{1,15}", upload_offset.strip()):
            raise HubError(400, "malformed", "Upload-Offset: a non-negative integer")
        offset = int(upload_offset.strip())
        chunk = request.body
        if len(chunk) > MAX_BUNDLE_CHUNK:
            raise HubError(413, "too_large", f"at most {MAX_BUNDLE_CHUNK} bytes per chunk")

        def work(session: Session) -> tuple[str, dict[str, Any]]:
            row = session.get(db.BundleTransfer, (bundle_id, request.station))
            if row is None:
                raise HubError(404, "not_found")
            taken = _taken_in(session, bundle_id)
            if taken is not None:  # another station's upload of it completed meanwhile
                _drop_transfer(session, bundle_id, request.station)
                return "done", _bundle_state(taken, already=True)
            if offset != row.offset:
                return "mismatch", _transfer_state(row)
            if offset + len(chunk) > row.size:
                raise HubError(413, "too_large", "the chunk goes beyond the declared size")
            if chunk:
                session.add(db.BundleTransferChunk(bundle_id=bundle_id, uploader=request.station, offset=offset,
                                                   data=chunk))
                row.offset = offset + len(chunk)
                row.updated_at = _now()
                session.flush()
            return "ok", _transfer_state(row)

        outcome, state = _retrying(engine, work)
        if outcome == "mismatch":
            return JSONResponse({"error": "offset_mismatch", "detail": {"offset": state["offset"],
                                                                        "size": state["size"]}},
                                status_code=409, headers=_headers(state["offset"], state["size"]))
        state = _finish_if_complete(state, request.station)
        return JSONResponse(state, headers=_headers(state["offset"], state["size"]))
