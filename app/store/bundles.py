"""SQL of offline bundles: what a station exports, what it forwarded for others, what an ack marks.

Records of bundles (exported here, or imported here for another station) hold no personal data:
the bundle id, the station whose work it is, counts and sizes, the upload's progress, and the hub's
acknowledgement (sequence numbers, event ids, content hashes). They are kept as JSON in ``meta``
under ``bundle.out.<id>`` and ``bundle.in.<id>``, so no schema change was needed.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from app.journal import Event
from app.store.attachments import DONE, EVENT_TYPE
from app.store.db import Database
from app.store.journal import _COLUMNS, _row_to_event

IMPORT_PREFIX = "bundle.in."
EXPORT_PREFIX = "bundle.out."
UPLOADING = "uploading"
DELIVERED = "delivered"


# -- records -------------------------------------------------------------------------------------
def _get(db: Database, key: str) -> dict[str, Any] | None:
    value = db.scalar("SELECT value FROM meta WHERE key = ?", (key,))
    return None if value is None else dict(json.loads(value))


def _put(db: Database, key: str, record: dict[str, Any]) -> None:
    db.execute("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
               (key, json.dumps(record, ensure_ascii=False, sort_keys=True)))


def _list(db: Database, prefix: str) -> list[dict[str, Any]]:
    rows = db.all("SELECT value FROM meta WHERE key >= ? AND key < ? ORDER BY key", (prefix, prefix + "\U0010ffff"))
    records = [dict(json.loads(r[0])) for r in rows]
    return sorted(records, key=lambda r: str(r.get("created_at") or r.get("imported_at") or ""))


def get_import(db: Database, bundle_id: str) -> dict[str, Any] | None:
    return _get(db, IMPORT_PREFIX + bundle_id)


def put_import(db: Database, record: dict[str, Any]) -> None:
    _put(db, IMPORT_PREFIX + str(record["bundle_id"]), record)


def drop_import(db: Database, bundle_id: str) -> None:
    db.execute("DELETE FROM meta WHERE key = ?", (IMPORT_PREFIX + bundle_id,))


def imports(db: Database) -> list[dict[str, Any]]:
    return _list(db, IMPORT_PREFIX)


def get_export(db: Database, bundle_id: str) -> dict[str, Any] | None:
    return _get(db, EXPORT_PREFIX + bundle_id)


def put_export(db: Database, record: dict[str, Any]) -> None:
    _put(db, EXPORT_PREFIX + str(record["bundle_id"]), record)


def exports(db: Database) -> list[dict[str, Any]]:
    return _list(db, EXPORT_PREFIX)


# -- what an export carries ----------------------------------------------------------------------
def _event_filter(since: int | None) -> str:
    """Unsent events (neither sent nor quarantined), or every event after ``since``."""
    if since is None:
        return "s.seq IS NULL AND e.seq <= ?"
    return "e.seq > ? AND e.seq <= ?"


def _event_params(since: int | None, upto: int) -> tuple[int, ...]:
    return (upto,) if since is None else (since, upto)


def export_counts(db: Database, since: int | None, upto: int) -> dict[str, int]:
    row = db.one(
        "SELECT count(*), count(DISTINCT e.case_no), min(e.seq), max(e.seq) FROM events e "
        f"LEFT JOIN sync_events s ON s.seq = e.seq WHERE {_event_filter(since)}",
        _event_params(since, upto),
    )
    return {"events": int(row[0] or 0), "cases": int(row[1] or 0), "first_seq": int(row[2] or 0),
            "last_seq": int(row[3] or 0)}


def iter_export_events(db: Database, since: int | None, upto: int, batch: int = 500) -> Iterator[Event]:
    """The events of an export in journal order, a page at a time (never all in memory)."""
    cols = ", ".join(f"e.{c.strip()}" for c in _COLUMNS.split(","))
    after = since or 0
    while True:
        rows = db.all(
            f"SELECT {cols} FROM events e LEFT JOIN sync_events s ON s.seq = e.seq "
            f"WHERE e.seq > ? AND {_event_filter(since)} ORDER BY e.seq LIMIT ?",
            (after, *_event_params(since, upto), batch),
        )
        if not rows:
            return
        for row in rows:
            yield _row_to_event(row)
        after = int(rows[-1][0])


def export_attachments(db: Database, since: int | None, upto: int) -> list[tuple[str, int, str]]:
    """(sha256, size, mime) of the attachments an export carries: those not yet uploaded, or those
    named by the events after ``since``."""
    if since is None:
        rows = db.all(
            "SELECT a.sha256, a.size, a.mime FROM attachment_uploads u JOIN attachments a ON a.sha256 = u.sha256 "
            "WHERE u.state != ? ORDER BY u.rowid", (DONE,))
    else:
        rows = db.all(
            "SELECT a.sha256, a.size, a.mime, min(e.seq) AS first FROM events e "
            "JOIN attachments a ON a.sha256 = json_extract(e.payload, '$.sha256') "
            "WHERE e.type = ? AND e.seq > ? AND e.seq <= ? GROUP BY a.sha256 ORDER BY first",
            (EVENT_TYPE, since, upto))
    return [(str(r[0]), int(r[1]), str(r[2])) for r in rows]


# -- what an acknowledgement marks ---------------------------------------------------------------
def event_hash_at(db: Database, seq: int) -> str | None:
    value = db.scalar("SELECT hash FROM events WHERE seq = ?", (seq,))
    return None if value is None else str(value)


def mark_sent_range(db: Database, first: int, last: int, at: str) -> int:
    """Every journal event in [first, last] reached the hub; how many were not marked so before."""
    cur = db.execute(
        "INSERT INTO sync_events (seq, state, reason, attempts, updated_at) "
        "SELECT seq, 'sent', NULL, 1, ? FROM events WHERE seq BETWEEN ? AND ? "
        "ON CONFLICT(seq) DO UPDATE SET state = 'sent', reason = NULL, updated_at = excluded.updated_at "
        "WHERE sync_events.state != 'sent'",
        (at, first, last),
    )
    return int(cur.rowcount)


def quarantine_unsent(db: Database, seq: int, reason: str, at: str) -> bool:
    """The hub rejected an event of a bundle: quarantine it unless it was sent meanwhile."""
    cur = db.execute(
        "INSERT INTO sync_events (seq, state, reason, attempts, updated_at) "
        "SELECT seq, 'quarantined', ?, 1, ? FROM events WHERE seq = ? "
        "ON CONFLICT(seq) DO UPDATE SET state = 'quarantined', reason = excluded.reason, "
        "attempts = sync_events.attempts + 1, updated_at = excluded.updated_at WHERE sync_events.state != 'sent'",
        (reason, at, seq),
    )
    return int(cur.rowcount) == 1


def mark_attachment_done(db: Database, sha256: str, size: int | None, at: str) -> bool:
    """The hub holds this content: its upload is done; False when it already was (or is unknown)."""
    cur = db.execute(
        "UPDATE attachment_uploads SET state = ?, \"offset\" = coalesce(?, (SELECT size FROM attachments "
        "WHERE attachments.sha256 = attachment_uploads.sha256)), updated_at = ? WHERE sha256 = ? AND state != ?",
        (DONE, size, at, sha256, DONE),
    )
    return int(cur.rowcount) == 1
