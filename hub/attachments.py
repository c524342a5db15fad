"""Resumable attachment uploads on the hub, after the tus protocol (https://tus.io), signed like every call.

A station uploads the content of each attachment once, addressed by its SHA-256:

* ``POST /v1/attachments`` ``{"sha256", "size", "mime"}`` creates the upload (201) or finds the one
  that exists (200); the answer says where to send bytes and how many the hub already has;
* ``GET`` (JSON) or ``HEAD`` (``Upload-Offset`` header) ``/v1/attachments/{sha256}``: the offset;
* ``PATCH /v1/attachments/{sha256}`` with ``Upload-Offset: n`` and the next chunk as the body
  (``application/offset+octet-stream``) appends it; a wrong offset is answered 409 with the hub's
  offset, so a cut link costs at most the chunk that was in flight;
* when the last byte arrives the hub checks the SHA-256 of the whole content; a mismatch discards
  the upload (422 ``hash_mismatch``), the station starts again.

Uploads belong to the station that signed the request: a station sees and writes only its own.
Received chunks are kept in the database, so an upload survives a restart of the hub. The link
between an attachment and its case is the ``case.attachment_added`` event the station pushed.
"""

import datetime as dt
import hashlib
import json
import logging
import re
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, Response
from fastapi import Path as PathParam
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from sqlalchemy import Engine, delete, select
from sqlalchemy.orm import Session

from hub import db
from hub.app import _SIGNED, ErrorOut, HubError, Signed, _errors, _now, _retrying, upload_request
from sync import protocol

log = logging.getLogger(__name__)

BASE = f"{protocol.PREFIX}/attachments"
EVENT_TYPE = "case.attachment_added"
MIME_TYPES = ("image/jpeg", "image/png", "application/pdf")
OCTETS = "application/offset+octet-stream"
MAX_SIZE = 32 * 1024 * 1024  # one attachment (a station stores at most 20 MiB PDFs and smaller images)
MAX_CHUNK = 4 * 1024 * 1024  # one PATCH body (stations send 384 KiB)
TUS_VERSION = "1.0.0"
_HEX64 = r"^[0-9a-f]{64}$"
_OFFSET = re.compile(r"[0-9]{1,15}")


class AttachmentIn(BaseModel):
    sha256: str = Field(pattern=_HEX64, description="SHA-256 of the whole content, lower-case hex")
    size: int = Field(ge=1, description=f"bytes, at most {MAX_SIZE}")
    mime: str = Field(description=", ".join(MIME_TYPES))


class UploadOut(BaseModel):
    upload: str = Field(description="where to PATCH the bytes (a path on this hub)")
    sha256: str
    size: int
    mime: str
    offset: int = Field(description="bytes the hub has; the next PATCH starts here")
    complete: bool = Field(description="all bytes arrived and their SHA-256 checked out")
    cases: list[str] = Field(default_factory=list, description="cases whose pushed case.attachment_added events "
                                                               "name this content")


class OffsetOut(BaseModel):
    offset: int
    size: int
    complete: bool


def _upload_path(sha256: str) -> str:
    return f"{BASE}/{sha256}"


def _headers(offset: int, size: int) -> dict[str, str]:
    return {"Upload-Offset": str(offset), "Upload-Length": str(size), "Tus-Resumable": TUS_VERSION,
            "Cache-Control": "no-store"}


def _parse_create(body: bytes) -> AttachmentIn:
    doc, size, sha = upload_request(body, MAX_SIZE)
    mime = doc.get("mime")
    if mime not in MIME_TYPES:
        raise HubError(422, "unsupported_type", str(mime)[:80])
    return AttachmentIn(sha256=sha, size=size, mime=mime)


def _cases_of(session: Session, station: str, sha256: str) -> list[str]:
    """Cases of ``station`` whose pushed ``case.attachment_added`` events name this content."""
    rows = session.execute(
        select(db.StoredEvent.case_no, db.StoredEvent.payload)
        .where(db.StoredEvent.station == station, db.StoredEvent.type == EVENT_TYPE,
               db.StoredEvent.payload.contains(sha256))
        .order_by(db.StoredEvent.seq)
    )
    found: list[str] = []
    for case_no, payload in rows:
        try:
            named = json.loads(payload).get("sha256")
        except (ValueError, AttributeError):
            continue
        if named == sha256 and case_no and case_no not in found:
            found.append(case_no)
    return found


def _state(row: db.AttachmentUpload, cases: list[str] | None = None) -> dict[str, Any]:
    return {"upload": _upload_path(row.sha256), "sha256": row.sha256, "size": row.size, "mime": row.mime,
            "offset": row.offset, "complete": row.completed_at is not None, "cases": cases or []}


def stored_content(engine: Engine, station: str, sha256: str) -> bytes | None:
    """The complete, checked content of a station's attachment (for the platform side), else None."""
    with Session(engine) as session:
        row = session.get(db.AttachmentUpload, (station, sha256))
        return row.data if row is not None and row.completed_at is not None else None


def _finish(session: Session, row: db.AttachmentUpload, now: dt.datetime) -> bool:
    """All bytes are in: keep the content if its SHA-256 is the declared one, else discard the upload."""
    chunks = session.execute(
        select(db.AttachmentChunk.offset, db.AttachmentChunk.data)
        .where(db.AttachmentChunk.station == row.station, db.AttachmentChunk.sha256 == row.sha256)
        .order_by(db.AttachmentChunk.offset)
    ).all()
    digest = hashlib.sha256()
    parts: list[bytes] = []
    expected = 0
    for offset, data in chunks:
        if offset != expected:
            break
        digest.update(data)
        parts.append(data)
        expected += len(data)
    session.execute(delete(db.AttachmentChunk).where(db.AttachmentChunk.station == row.station,
                                                     db.AttachmentChunk.sha256 == row.sha256))
    if expected != row.size or digest.hexdigest() != row.sha256:
        session.delete(row)
        return False
    row.data = b"".join(parts)
    row.completed_at = now
    row.updated_at = now
    return True


def router(engine: Engine, signed: Any) -> APIRouter:
    """The attachment routes; ``signed`` is the hub's signature dependency (``hub.app``)."""
    api = APIRouter(tags=["attachments"])
    SignedRequest = Annotated[Signed, Depends(signed)]
    Sha = Annotated[str, PathParam(pattern=_HEX64, description="SHA-256 of the content, lower-case hex")]

    def _load(station: str, sha256: str) -> dict[str, Any]:
        with Session(engine) as session:
            row = session.get(db.AttachmentUpload, (station, sha256))
            if row is None:
                raise HubError(404, "not_found")
            return _state(row, _cases_of(session, station, sha256))

    @api.post(BASE, status_code=201, response_model=UploadOut,
              responses={200: {"model": UploadOut, "description": "the upload exists (in progress or complete)"},
                         **_errors(401, 413, 422)},
              openapi_extra={**_SIGNED, "requestBody": {
                  "required": True,
                  "content": {"application/json": {"schema": AttachmentIn.model_json_schema()}}}})
    def create_upload(request: SignedRequest) -> JSONResponse:
        """Create the upload of one attachment, or find the one that exists (to resume it)."""
        wanted = _parse_create(request.body)

        def work(session: Session) -> tuple[dict[str, Any], bool]:
            now = _now()
            row = session.get(db.AttachmentUpload, (request.station, wanted.sha256))
            if row is None:
                row = db.AttachmentUpload(station=request.station, sha256=wanted.sha256, size=wanted.size,
                                          mime=wanted.mime, offset=0, created_at=now, updated_at=now)
                session.add(row)
                session.flush()
                return _state(row), True
            if row.completed_at is not None:
                if row.size != wanted.size:
                    raise HubError(422, "size_mismatch", {"size": row.size})
                return _state(row), False
            if row.size != wanted.size or row.mime != wanted.mime:
                # Same content, another declaration: what came so far cannot be trusted; start again.
                session.execute(delete(db.AttachmentChunk).where(db.AttachmentChunk.station == request.station,
                                                                 db.AttachmentChunk.sha256 == wanted.sha256))
                row.size, row.mime, row.offset, row.updated_at = wanted.size, wanted.mime, 0, now
            return _state(row), False

        state, created = _retrying(engine, work)
        if created:
            log.info("station %s: upload %s… created (%d bytes)", request.station, wanted.sha256[:12], wanted.size)
        headers = {**_headers(state["offset"], state["size"]), "Location": state["upload"]}
        return JSONResponse(state, status_code=201 if created else 200, headers=headers)

    @api.get(BASE + "/{sha256}", response_model=UploadOut, responses=_errors(401, 404, 422),
             openapi_extra=_SIGNED)
    def upload_status(sha256: Sha, request: SignedRequest) -> JSONResponse:
        """Where an upload stands (JSON, and the ``Upload-Offset`` header)."""
        state = _load(request.station, sha256)
        return JSONResponse(state, headers=_headers(state["offset"], state["size"]))

    @api.head(BASE + "/{sha256}", response_class=Response, responses={
        200: {"description": "the offset in the Upload-Offset header, the size in Upload-Length"},
        **_errors(401, 404, 422)}, openapi_extra=_SIGNED)
    def upload_offset(sha256: Sha, request: SignedRequest) -> Response:
        """Where an upload stands, in headers only (tus)."""
        state = _load(request.station, sha256)
        return Response(status_code=200, headers=_headers(state["offset"], state["size"]))

    @api.patch(BASE + "/{sha256}", response_model=OffsetOut,
               responses={**_errors(400, 401, 404, 409, 413, 415, 422),
                          409: {"model": ErrorOut, "description": "offset_mismatch: the hub has another offset, given "
                                                                  "in detail.offset and the Upload-Offset header"}},
               openapi_extra={**_SIGNED, "requestBody": {
                   "required": True, "description": f"the next bytes of the content, at most {MAX_CHUNK}",
                   "content": {OCTETS: {"schema": {"type": "string", "format": "binary"}}}}})
    def append_chunk(
        sha256: Sha,
        request: SignedRequest,
        upload_offset: Annotated[str | None, Header(alias="Upload-Offset",
                                                    description="where this chunk starts")] = None,
    ) -> JSONResponse:
        """Append the next chunk; on the last byte the hub checks the content's SHA-256."""
        content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if content_type != OCTETS:
            raise HubError(415, "unsupported_media_type", f"expected {OCTETS}")
        if upload_offset is None or not _OFFSET.fullmatch(upload_offset.strip()):
            raise HubError(400, "malformed", "Upload-Offset: a non-negative integer")
        offset = int(upload_offset.strip())
        chunk = request.body
        if len(chunk) > MAX_CHUNK:
            raise HubError(413, "too_large", f"at most {MAX_CHUNK} bytes per chunk")

        def work(session: Session) -> tuple[str, int, int]:
            now = _now()
            row = session.get(db.AttachmentUpload, (request.station, sha256))
            if row is None:
                raise HubError(404, "not_found")
            if row.completed_at is not None:
                return ("complete" if offset == row.size and not chunk else "mismatch"), row.size, row.size
            if offset != row.offset:
                return "mismatch", row.offset, row.size
            if offset + len(chunk) > row.size:
                raise HubError(413, "too_large", "the chunk goes beyond the declared size")
            if chunk:
                session.add(db.AttachmentChunk(station=request.station, sha256=sha256, offset=offset, data=chunk))
                row.offset = offset + len(chunk)
                row.updated_at = now
                session.flush()  # a concurrent PATCH at the same offset fails here, and is retried as a mismatch
            if row.offset < row.size:
                return "partial", row.offset, row.size
            size = row.size
            return ("complete" if _finish(session, row, now) else "hash_mismatch"), size, size

        outcome, new_offset, size = _retrying(engine, work)
        if outcome == "hash_mismatch":
            log.warning("station %s: upload %s… discarded, content does not match its hash", request.station,
                        sha256[:12])
            raise HubError(422, "hash_mismatch", "the content's SHA-256 is not the declared one; upload discarded")
        if outcome == "mismatch":
            return JSONResponse({"error": "offset_mismatch", "detail": {"offset": new_offset, "size": size}},
                                status_code=409, headers=_headers(new_offset, size))
        if outcome == "complete" and chunk:
            log.info("station %s: upload %s… complete (%d bytes)", request.station, sha256[:12], size)
        return JSONResponse({"offset": new_offset, "size": size, "complete": outcome == "complete"},
                            headers=_headers(new_offset, size))

    return api


def store_complete(session: Session, station: str, sha256: str, mime: str, data: bytes, now: dt.datetime) -> bool:
    """Keep a station's whole attachment that arrived another way (an offline bundle): the same row a
    finished upload makes. False when the hub already had it complete (nothing changes)."""
    row = session.get(db.AttachmentUpload, (station, sha256))
    if row is not None and row.completed_at is not None:
        return False
    if row is None:
        row = db.AttachmentUpload(station=station, sha256=sha256, size=len(data), mime=mime, offset=len(data),
                                  created_at=now, updated_at=now)
        session.add(row)
    else:  # an upload in progress: what it has so far is superseded by the whole content
        session.execute(delete(db.AttachmentChunk).where(db.AttachmentChunk.station == station,
                                                         db.AttachmentChunk.sha256 == sha256))
        row.size, row.mime, row.offset = len(data), mime, len(data)
    row.data = data
    row.completed_at = now
    row.updated_at = now
    session.flush()
    return True
