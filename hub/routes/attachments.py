"""``/v1/attachments``: resumable uploads of a station's attachments (``hub.attachments``)."""

from __future__ import annotations

import logging
from typing import Annotated, Any

from fastapi import APIRouter, Response
from fastapi import Path as PathParam
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from sqlalchemy import delete
from sqlalchemy.orm import Session

from hub import attachments, db, uploads
from hub.dependencies import EngineDep, SignedRequest, now, retrying
from hub.errors import HubError, error_responses
from hub.schemas import SIGNED

log = logging.getLogger(__name__)

BASE = attachments.BASE
_HEX64 = r"^[0-9a-f]{64}$"

router = APIRouter(tags=["attachments"])
Sha = Annotated[str, PathParam(pattern=_HEX64, description="SHA-256 of the content, lower-case hex")]


class AttachmentIn(BaseModel):
    sha256: str = Field(pattern=_HEX64, description="SHA-256 of the whole content, lower-case hex")
    size: int = Field(ge=1, description=f"bytes, at most {attachments.MAX_SIZE}")
    mime: str = Field(description=", ".join(attachments.MIME_TYPES))


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


def _parse_create(body: bytes) -> AttachmentIn:
    doc, size, sha = uploads.upload_request(body, attachments.MAX_SIZE)
    mime = doc.get("mime")
    if mime not in attachments.MIME_TYPES:
        raise HubError(422, "unsupported_type", str(mime)[:80])
    return AttachmentIn(sha256=sha, size=size, mime=mime)


def _load(engine: Any, station: str, sha256: str) -> dict[str, Any]:
    with Session(engine) as session:
        row = session.get(db.AttachmentUpload, (station, sha256))
        if row is None:
            raise HubError(404, "not_found")
        return attachments.state(row, attachments.cases_of(session, station, sha256))


@router.post(BASE, status_code=201, response_model=UploadOut,
             responses={200: {"model": UploadOut, "description": "the upload exists (in progress or complete)"},
                        **error_responses(401, 413, 422)},
             openapi_extra=uploads.start_openapi(AttachmentIn))
def create_upload(request: SignedRequest, engine: EngineDep) -> JSONResponse:
    """Create the upload of one attachment, or find the one that exists (to resume it)."""
    wanted = _parse_create(request.body)

    def work(session: Session) -> tuple[dict[str, Any], bool]:
        moment = now()
        row, created = uploads.find_or_add(session, db.AttachmentUpload, (request.station, wanted.sha256), lambda: (
            db.AttachmentUpload(station=request.station, sha256=wanted.sha256, size=wanted.size, mime=wanted.mime,
                                offset=0, created_at=moment, updated_at=moment)))
        if created:
            return attachments.state(row), True
        if row.completed_at is not None:
            if row.size != wanted.size:
                raise HubError(422, "size_mismatch", {"size": row.size})
            return attachments.state(row), False
        if row.size != wanted.size or row.mime != wanted.mime:
            # Same content, another declaration: what came so far cannot be trusted; start again.
            session.execute(delete(db.AttachmentChunk).where(db.AttachmentChunk.station == request.station,
                                                             db.AttachmentChunk.sha256 == wanted.sha256))
            row.size, row.mime, row.offset, row.updated_at = wanted.size, wanted.mime, 0, moment
        return attachments.state(row), False

    state, created = retrying(engine, work)
    if created:
        log.info("station %s: upload %s… created (%d bytes)", request.station, wanted.sha256[:12], wanted.size)
    return uploads.start_answer(state, created)


@router.get(BASE + "/{sha256}", response_model=UploadOut, responses=error_responses(401, 404, 422),
            openapi_extra=SIGNED)
def upload_status(sha256: Sha, request: SignedRequest, engine: EngineDep) -> JSONResponse:
    """Where an upload stands (JSON, and the ``Upload-Offset`` header)."""
    return uploads.answer(_load(engine, request.station, sha256))


@router.head(BASE + "/{sha256}", response_class=Response, responses={
    200: {"description": "the offset in the Upload-Offset header, the size in Upload-Length"},
    **error_responses(401, 404, 422)}, openapi_extra=SIGNED)
def upload_offset(sha256: Sha, request: SignedRequest, engine: EngineDep) -> Response:
    """Where an upload stands, in headers only (tus)."""
    state = _load(engine, request.station, sha256)
    return Response(status_code=200, headers=uploads.tus_headers(state["offset"], state["size"]))


@router.patch(BASE + "/{sha256}", response_model=OffsetOut,
              responses=uploads.chunk_responses({
                  409: "offset_mismatch: the hub has another offset, given in detail.offset and the Upload-Offset "
                       "header"}),
              openapi_extra=uploads.chunk_openapi(f"the next bytes of the content, at most {attachments.MAX_CHUNK}"))
def append_chunk(sha256: Sha, request: SignedRequest, engine: EngineDep,
                 upload_offset: uploads.UploadOffset = None) -> JSONResponse:
    """Append the next chunk; on the last byte the hub checks the content's SHA-256."""
    chunk = request.body
    offset = uploads.chunk_request(request.headers, upload_offset, chunk, attachments.MAX_CHUNK)

    def work(session: Session) -> tuple[str, int, int]:
        moment = now()
        row = session.get(db.AttachmentUpload, (request.station, sha256))
        if row is None:
            raise HubError(404, "not_found")
        if row.completed_at is not None:
            return ("complete" if offset == row.size and not chunk else "mismatch"), row.size, row.size
        piece = db.AttachmentChunk(station=request.station, sha256=sha256, offset=offset, data=chunk)
        if not uploads.append(session, row, offset, chunk, piece, moment):
            return "mismatch", row.offset, row.size
        if row.offset < row.size:
            return "partial", row.offset, row.size
        size = row.size
        return ("complete" if attachments.finish(session, row, moment) else "hash_mismatch"), size, size

    outcome, new_offset, size = retrying(engine, work)
    if outcome == "hash_mismatch":
        log.warning("station %s: upload %s… discarded, content does not match its hash", request.station,
                    sha256[:12])
        raise HubError(422, "hash_mismatch", "the content's SHA-256 is not the declared one; upload discarded")
    if outcome == "complete" and chunk:
        log.info("station %s: upload %s… complete (%d bytes)", request.station, sha256[:12], size)
    return uploads.chunk_answer({"offset": new_offset, "size": size, "complete": outcome == "complete"},
                        outcome != "mismatch")


@router.get(BASE + "/{sha256}/data", response_class=Response, responses={
    200: {"description": "the whole content, once complete", "content": {m: {} for m in attachments.MIME_TYPES}},
    **error_responses(401, 404, 422)}, openapi_extra=SIGNED)
def attachment_data(sha256: Sha, request: SignedRequest, engine: EngineDep) -> Response:
    """The content of one of the signing device's station's attachments, once complete (404 before,
    and for another station's): a window fetches the scans of a case another device took in."""
    with Session(engine) as session:
        row = session.get(db.AttachmentUpload, (request.station, sha256))
        if row is None or row.completed_at is None or row.data is None:
            raise HubError(404, "not_found")
        return Response(content=row.data, media_type=row.mime, headers={"Content-Length": str(len(row.data))})
