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

This module keeps the content (and takes in what an offline bundle carries, ``store_complete``);
the routes are in ``hub.routes.attachments``, the upload's common parts in ``hub.uploads``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
from typing import Any

from sqlalchemy import Engine, delete, select
from sqlalchemy.orm import Session

from hub import db
from sync import protocol

log = logging.getLogger(__name__)

BASE = f"{protocol.PREFIX}/attachments"
EVENT_TYPE = "case.attachment_added"
MIME_TYPES = ("image/jpeg", "image/png", "application/pdf")
MAX_SIZE = 32 * 1024 * 1024  # one attachment (a station stores at most 20 MiB PDFs and smaller images)
MAX_CHUNK = 4 * 1024 * 1024  # one PATCH body (stations send 384 KiB)


def upload_path(sha256: str) -> str:
    return f"{BASE}/{sha256}"


def cases_of(session: Session, station: str, sha256: str) -> list[str]:
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


def state(row: db.AttachmentUpload, cases: list[str] | None = None) -> dict[str, Any]:
    return {"upload": upload_path(row.sha256), "sha256": row.sha256, "size": row.size, "mime": row.mime,
            "offset": row.offset, "complete": row.completed_at is not None, "cases": cases or []}


def stored_content(engine: Engine, station: str, sha256: str) -> bytes | None:
    """The complete, checked content of a station's attachment (for the platform side), else None."""
    with Session(engine) as session:
        row = session.get(db.AttachmentUpload, (station, sha256))
        return row.data if row is not None and row.completed_at is not None else None


def finish(session: Session, row: db.AttachmentUpload, now: dt.datetime) -> bool:
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
