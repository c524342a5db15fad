"""SQL of attachments: content-addressed blobs, their links to cases, and their uploads to the hub.

The bytes live in the encrypted store itself (``attachments.data``): encrypted at rest like every
other page, and never written anywhere in clear, not even as a temporary file.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from app.store.db import Database

PENDING = "pending"
DONE = "done"

# The journal event that links an attachment to its case (also what the hub learns the link from).
EVENT_TYPE = "case.attachment_added"

_LINK_COLUMNS = ("case_no", "item_code", "material_code", "sha256", "name", "added_at", "operator")


@dataclass(frozen=True)
class Upload:
    """An attachment still to send: ``offset`` bytes confirmed by the hub, ``sent`` the furthest ever sent."""

    sha256: str
    size: int
    mime: str
    offset: int
    sent: int
    upload_url: str | None


# -- content ---------------------------------------------------------------------------------
def has_content(db: Database, sha256: str) -> bool:
    return db.one("SELECT 1 FROM attachments WHERE sha256 = ?", (sha256,)) is not None


def insert_content(db: Database, *, sha256: str, mime: str, size: int, width: int | None, height: int | None,
                   created_at: str, data: bytes) -> bool:
    """Store the bytes once; False when that content was already there."""
    cur = db.execute(
        "INSERT OR IGNORE INTO attachments (sha256, mime, size, width, height, created_at, data) "
        "VALUES (?,?,?,?,?,?,?)",
        (sha256, mime, size, width, height, created_at, data),
    )
    return int(cur.rowcount) == 1


def content(db: Database, sha256: str) -> bytes | None:
    row = db.one("SELECT data FROM attachments WHERE sha256 = ?", (sha256,))
    return None if row is None else bytes(row[0])


def content_meta(db: Database, sha256: str) -> dict[str, Any] | None:
    row = db.one("SELECT mime, size, width, height, created_at FROM attachments WHERE sha256 = ?", (sha256,))
    if row is None:
        return None
    return dict(zip(("mime", "size", "width", "height", "created_at"), row, strict=True))


def count_content(db: Database) -> int:
    return int(db.scalar("SELECT count(*) FROM attachments", default=0))


# -- links to cases --------------------------------------------------------------------------
def link(db: Database, *, case_no: str, item_code: str, material_code: str, sha256: str, name: str, added_at: str,
         operator: str) -> bool:
    """Attach content to a case; False when the case already has that content."""
    cur = db.execute(
        f"INSERT OR IGNORE INTO case_attachments ({', '.join(_LINK_COLUMNS)}) VALUES (?,?,?,?,?,?,?)",
        (case_no, item_code, material_code, sha256, name, added_at, operator),
    )
    return int(cur.rowcount) == 1


def get_link(db: Database, case_no: str, sha256: str) -> dict[str, Any] | None:
    rows = _links(db, "WHERE l.case_no = ? AND l.sha256 = ?", (case_no, sha256))
    return rows[0] if rows else None


def links_for_case(db: Database, case_no: str) -> list[dict[str, Any]]:
    return _links(db, "WHERE l.case_no = ?", (case_no,))


def cases_of(db: Database, sha256: str) -> list[str]:
    return [r[0] for r in db.all("SELECT case_no FROM case_attachments WHERE sha256 = ? ORDER BY rowid", (sha256,))]


def _links(db: Database, where: str, params: tuple[Any, ...]) -> list[dict[str, Any]]:
    cols = ", ".join(f"l.{c}" for c in _LINK_COLUMNS)
    rows = db.all(
        f"SELECT {cols}, a.mime, a.size, a.width, a.height FROM case_attachments l "
        f"JOIN attachments a ON a.sha256 = l.sha256 {where} ORDER BY l.rowid",
        params,
    )
    keys = (*_LINK_COLUMNS, "mime", "size", "width", "height")
    return [dict(zip(keys, r, strict=True)) for r in rows]


# -- uploads ---------------------------------------------------------------------------------
def queue_upload(db: Database, sha256: str, at: str) -> None:
    db.execute(
        "INSERT OR IGNORE INTO attachment_uploads (sha256, \"offset\", sent, upload_url, state, updated_at) "
        "VALUES (?, 0, 0, NULL, ?, ?)",
        (sha256, PENDING, at),
    )


def pending_uploads(db: Database) -> list[Upload]:
    """Uploads not done whose ``case.attachment_added`` event has reached the hub, in the order added."""
    rows = db.all(
        "SELECT u.sha256, a.size, a.mime, u.\"offset\", u.sent, u.upload_url, min(l.rowid) AS first "
        "FROM attachment_uploads u JOIN attachments a ON a.sha256 = u.sha256 "
        "JOIN case_attachments l ON l.sha256 = u.sha256 "
        "WHERE u.state = ? AND EXISTS (SELECT 1 FROM events e JOIN sync_events s ON s.seq = e.seq "
        "  WHERE s.state = 'sent' AND e.case_no = l.case_no AND e.type = ? "
        "  AND json_extract(e.payload, '$.sha256') = u.sha256) "
        "GROUP BY u.sha256 ORDER BY first",
        (PENDING, EVENT_TYPE),
    )
    return [Upload(sha256=r[0], size=int(r[1]), mime=r[2], offset=int(r[3]), sent=int(r[4]), upload_url=r[5])
            for r in rows]


def pending_upload_count(db: Database) -> int:
    return int(db.scalar("SELECT count(*) FROM attachment_uploads WHERE state = ?", (PENDING,), default=0))


def upload_state(db: Database, sha256: str) -> dict[str, Any] | None:
    row = db.one("SELECT \"offset\", sent, upload_url, state, updated_at FROM attachment_uploads WHERE sha256 = ?",
                 (sha256,))
    if row is None:
        return None
    return dict(zip(("offset", "sent", "upload_url", "state", "updated_at"), row, strict=True))


def set_upload(db: Database, sha256: str, at: str, *, offset: int | None = None, sent: int | None = None,
               upload_url: str | None = None, state: str | None = None, forget_url: bool = False) -> None:
    """Update what is known of an upload; ``sent`` only ever grows (until ``offset`` is reset)."""
    sets = ["updated_at = ?"]
    params: list[Any] = [at]
    if offset is not None:
        sets.append("\"offset\" = ?")
        params.append(offset)
    if sent is not None:
        sets.append("sent = max(sent, ?)")
        params.append(sent)
    if upload_url is not None:
        sets.append("upload_url = ?")
        params.append(upload_url)
    if forget_url:
        sets.append("upload_url = NULL")
    if state is not None:
        sets.append("state = ?")
        params.append(state)
    params.append(sha256)
    db.execute(f"UPDATE attachment_uploads SET {', '.join(sets)} WHERE sha256 = ?", params)


def restart_upload(db: Database, sha256: str, at: str) -> None:
    """Start over from nothing (the hub discarded the upload)."""
    db.execute("UPDATE attachment_uploads SET \"offset\" = 0, sent = 0, upload_url = NULL, state = ?, updated_at = ? "
               "WHERE sha256 = ?", (PENDING, at, sha256))
