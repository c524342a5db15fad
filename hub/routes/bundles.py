"""``/v1/bundles``: resumable bundle uploads (like attachments, after tus). Any enrolled device may
forward a bundle; what it carries is checked and attributed to the device whose certified key
signed it (``hub.bundles``). An upload is the forwarding device's own (``db.BundleTransfer``,
uploader = its keyid): another device, of the same station or not, is answered 404 for it."""

from __future__ import annotations

import re
from typing import Annotated, Any

from fastapi import APIRouter
from fastapi import Path as PathParam
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from sqlalchemy import Engine, delete
from sqlalchemy.orm import Session

from hub import bundles, db, uploads
from hub.dependencies import EngineDep, SignedRequest, now, retrying
from hub.errors import HubError, error_responses
from hub.schemas import SIGNED
from sync import protocol

BUNDLE_ID = r"^[0-9a-f]{32}$"

router = APIRouter(tags=["bundles"])
BundleId = Annotated[str, PathParam(pattern=BUNDLE_ID, description="the bundle's id")]


class BundleIn(BaseModel):
    bundle_id: str = Field(pattern=BUNDLE_ID, description="the bundle's id (32 hex digits, from its header)")
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


def _parse_bundle_in(body: bytes) -> BundleIn:
    doc, size, sha = uploads.upload_request(body, bundles.MAX_BUNDLE)
    bundle_id = doc.get("bundle_id")
    if not isinstance(bundle_id, str) or not re.fullmatch(BUNDLE_ID, bundle_id):
        raise HubError(422, "malformed", "bundle_id: 32 lower-case hex digits")
    return BundleIn(bundle_id=bundle_id, size=size, sha256=sha)


def _finish_if_complete(engine: Engine, state: dict[str, Any], uploader: str) -> dict[str, Any]:
    if not state["complete"] and state["offset"] == state["size"]:
        ack, already = bundles.ingest(engine, state["bundle_id"], uploader)
        state = {**state, "complete": True, "already": already, "ack": ack}
    return state


@router.post(protocol.BUNDLES, status_code=201, response_model=BundleUploadOut,
             responses={200: {"model": BundleUploadOut, "description": "the upload exists, or the bundle was "
                                                                       "taken in already (already = true)"},
                        **error_responses(401, 413, 422)},
             openapi_extra=uploads.start_openapi(BundleIn))
def create_bundle_upload(request: SignedRequest, engine: EngineDep) -> JSONResponse:
    """Start forwarding a bundle, or find where this station's upload of it stands (or that it was
    taken in). Each station's upload is its own: no other station sees or changes it."""
    wanted = _parse_bundle_in(request.body)

    def work(session: Session) -> tuple[dict[str, Any], bool]:
        moment = now()
        taken = bundles.taken_in(session, wanted.bundle_id)
        if taken is not None:
            return bundles.bundle_state(taken, already=True), False
        row, created = uploads.find_or_add(session, db.BundleTransfer, (wanted.bundle_id, request.keyid), lambda: (
            db.BundleTransfer(bundle_id=wanted.bundle_id, uploader=request.keyid, size=wanted.size,
                              sha256=wanted.sha256, offset=0, created_at=moment, updated_at=moment)))
        if created:
            return bundles.transfer_state(row), True
        if (row.size, row.sha256) != (wanted.size, wanted.sha256):
            # Another file under the same id: what came so far cannot be trusted; start again.
            session.execute(delete(db.BundleTransferChunk).where(
                db.BundleTransferChunk.bundle_id == wanted.bundle_id,
                db.BundleTransferChunk.uploader == request.keyid))
            row.size, row.sha256, row.offset = wanted.size, wanted.sha256, 0
        row.updated_at = moment
        return bundles.transfer_state(row), False

    state, created = retrying(engine, work)
    return uploads.start_answer(_finish_if_complete(engine, state, request.keyid), created)


@router.get(protocol.BUNDLES + "/{bundle_id}", response_model=BundleUploadOut,
            responses=error_responses(401, 404, 422), openapi_extra=SIGNED)
def bundle_upload_status(bundle_id: BundleId, request: SignedRequest, engine: EngineDep) -> JSONResponse:
    """Where this station's upload of a bundle stands (404 for another station's)."""
    with Session(engine) as session:
        row = session.get(db.BundleTransfer, (bundle_id, request.keyid))
        if row is not None:
            state = bundles.transfer_state(row)
        else:
            taken = bundles.taken_in(session, bundle_id)
            if taken is None or taken.uploader != request.keyid:
                raise HubError(404, "not_found")
            state = bundles.bundle_state(taken, already=True)
    return uploads.answer(state)


@router.patch(protocol.BUNDLES + "/{bundle_id}", response_model=BundleUploadOut,
              responses=uploads.chunk_responses({
                  404: "not_found: this station has no upload of that bundle (another station's is not its)",
                  409: "offset_mismatch: the hub has another offset",
                  422: "bundle_tampered, bundle_truncated, bundle_unknown_signer, bundle_foreign_region, "
                       "bundle_hash_mismatch, bundle_id_mismatch, ...: refused, forgotten"}),
              openapi_extra=uploads.chunk_openapi(f"the next bytes of the bundle, at most {bundles.MAX_BUNDLE_CHUNK}"))
def append_bundle_chunk(bundle_id: BundleId, request: SignedRequest, engine: EngineDep,
                        upload_offset: uploads.UploadOffset = None) -> JSONResponse:
    """Append the next bytes to this station's upload; with the last one the hub checks the bundle
    and takes it in."""
    chunk = request.body
    offset = uploads.chunk_request(request.headers, upload_offset, chunk, bundles.MAX_BUNDLE_CHUNK)

    def work(session: Session) -> tuple[bool, dict[str, Any]]:
        row = session.get(db.BundleTransfer, (bundle_id, request.keyid))
        if row is None:
            raise HubError(404, "not_found")
        taken = bundles.taken_in(session, bundle_id)
        if taken is not None:  # another station's upload of it completed meanwhile
            bundles.drop_transfer(session, bundle_id, request.keyid)
            return True, bundles.bundle_state(taken, already=True)
        piece = db.BundleTransferChunk(bundle_id=bundle_id, uploader=request.keyid, offset=offset, data=chunk)
        return uploads.append(session, row, offset, chunk, piece, now()), bundles.transfer_state(row)

    appended, state = retrying(engine, work)
    return uploads.chunk_answer(_finish_if_complete(engine, state, request.keyid) if appended else state, appended)
