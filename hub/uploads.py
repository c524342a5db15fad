"""The resumable upload the hub speaks for attachments and bundles alike (after tus,
https://tus.io): the JSON that starts one, the headers every answer carries, and the checks of a
chunk (``PATCH`` with ``Upload-Offset``)."""

from __future__ import annotations

import json
import re
from typing import Any

from fastapi.responses import JSONResponse

from hub.errors import HubError, error_response
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
