"""The resumable upload the hub speaks for attachments and bundles alike (after tus,
https://tus.io; the station's half is ``sync.upload``): the JSON that starts one, the headers
every answer carries, the checks of a chunk (``PATCH`` with ``Upload-Offset``), how a chunk is
appended, the answers, and the parts of the API description both kinds share. What each kind
keeps and does once complete is in ``hub.attachments`` and ``hub.bundles``; its routes in
``hub.routes``."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Mapping
from typing import Annotated, Any, Protocol, TypeVar

from fastapi import Header
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from sqlalchemy.orm import Session

from hub.errors import HubError, error_response, error_responses
from hub.schemas import SIGNED, ErrorOut
from sync import protocol

OCTETS = "application/offset+octet-stream"
TUS_VERSION = "1.0.0"
_OFFSET = re.compile(r"[0-9]{1,15}")


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
    if not isinstance(sha, str) or not protocol.HEX64.fullmatch(sha):
        raise HubError(422, "malformed", "sha256: 64 lower-case hex digits")
    if type(size) is not int or size < 1:
        raise HubError(422, "malformed", "size: a positive integer")
    if size > max_size:
        raise HubError(413, "too_large", f"at most {max_size} bytes")
    return doc, size, sha


def tus_headers(offset: int, size: int) -> dict[str, str]:
    return {"Upload-Offset": str(offset), "Upload-Length": str(size), "Tus-Resumable": TUS_VERSION,
            "Cache-Control": "no-store"}


def chunk_request(headers: Any, upload_offset: str | None, chunk: bytes, max_chunk: int) -> int:
    """The offset a ``PATCH`` says its chunk starts at, once its type, offset and size are checked."""
    content_type = headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type != OCTETS:
        raise HubError(415, "unsupported_media_type", f"expected {OCTETS}")
    if upload_offset is None or not _OFFSET.fullmatch(upload_offset.strip()):
        raise HubError(400, "malformed", "Upload-Offset: a non-negative integer")
    if len(chunk) > max_chunk:
        raise HubError(413, "too_large", f"at most {max_chunk} bytes per chunk")
    return int(upload_offset.strip())


def offset_mismatch(offset: int, size: int) -> JSONResponse:
    """409: the chunk does not start where the hub stands; the answer says where that is."""
    return error_response(409, "offset_mismatch", {"offset": offset, "size": size}, headers=tus_headers(offset, size))


# -- starting and appending -----------------------------------------------------------------
Row = TypeVar("Row")


def find_or_add(session: Session, model: type[Row], key: tuple[str, str], make: Callable[[], Row]) -> tuple[Row, bool]:
    """The upload kept under ``key``, or a new one from ``make`` (added and flushed, so that a start
    of the same upload at the same moment fails here and is retried); whether it is new."""
    row = session.get(model, key)
    if row is not None:
        return row, False
    row = make()
    session.add(row)
    session.flush()
    return row, True


class Appendable(Protocol):
    """An upload in progress, as appending sees it (``db.AttachmentUpload``, ``db.BundleTransfer``)."""

    size: int
    offset: int
    updated_at: dt.datetime


def append(session: Session, row: Appendable, offset: int, chunk: bytes, piece: object, moment: dt.datetime) -> bool:
    """Append ``chunk`` at ``offset`` (``piece``: the chunk as a row of the kind's chunk table);
    False when the upload stands elsewhere (answer ``offset_mismatch``); 413 past the declared size."""
    if offset != row.offset:
        return False
    if offset + len(chunk) > row.size:
        raise HubError(413, "too_large", "the chunk goes beyond the declared size")
    if chunk:
        session.add(piece)
        row.offset = offset + len(chunk)
        row.updated_at = moment
        session.flush()  # a concurrent PATCH at the same offset fails here, and is retried as a mismatch
    return True


# -- answers -----------------------------------------------------------------------------------
def answer(body: Mapping[str, Any]) -> JSONResponse:
    """Where an upload stands (``body`` has its ``offset`` and ``size``), also in the tus headers."""
    return JSONResponse(dict(body), headers=tus_headers(body["offset"], body["size"]))


def start_answer(state: Mapping[str, Any], created: bool) -> JSONResponse:
    """The answer to the ``POST`` that starts an upload: 201 when it made it, 200 when it found it."""
    return JSONResponse(dict(state), status_code=201 if created else 200,
                        headers={**tus_headers(state["offset"], state["size"]), "Location": state["upload"]})


def chunk_answer(body: Mapping[str, Any], appended: bool) -> JSONResponse:
    """The answer to a ``PATCH``: where the upload stands now, or 409 with where it stood."""
    return answer(body) if appended else offset_mismatch(body["offset"], body["size"])


# -- the API description ---------------------------------------------------------------------
UploadOffset = Annotated[str | None, Header(alias="Upload-Offset", description="where this chunk starts")]


def start_openapi(model: type[BaseModel]) -> dict[str, Any]:
    """``openapi_extra`` of the ``POST`` that starts an upload (its JSON body is read by hand)."""
    return {**SIGNED, "requestBody": {
        "required": True, "content": {"application/json": {"schema": model.model_json_schema()}}}}


def chunk_openapi(description: str) -> dict[str, Any]:
    """``openapi_extra`` of a ``PATCH``: its body, the next bytes."""
    return {**SIGNED, "requestBody": {
        "required": True, "description": description,
        "content": {OCTETS: {"schema": {"type": "string", "format": "binary"}}}}}


def chunk_responses(described: Mapping[int, str]) -> dict[int | str, dict[str, Any]]:
    """``responses`` of a ``PATCH``: its refusals, those in ``described`` with their description."""
    return {**error_responses(400, 401, 404, 409, 413, 415, 422),
            **{status: {"model": ErrorOut, "description": text} for status, text in described.items()}}
