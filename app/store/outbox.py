"""SQL of sync state: which journal events reached the hub, deferred updates, notices."""

from __future__ import annotations

import json
from typing import Any

from app.journal import Event
from app.store.db import Database
from app.store.journal import _COLUMNS, _row_to_event

SENT = "sent"
QUARANTINED = "quarantined"


def pending(db: Database, limit: int) -> list[Event]:
    """Journal events not yet accepted by the hub nor quarantined, oldest first."""
    cols = ", ".join(f"e.{c.strip()}" for c in _COLUMNS.split(","))
    rows = db.all(
        f"SELECT {cols} FROM events e LEFT JOIN sync_events s ON s.seq = e.seq "
        "WHERE s.seq IS NULL ORDER BY e.seq LIMIT ?",
        (limit,),
    )
    return [_row_to_event(r) for r in rows]


def pending_count(db: Database) -> int:
    """Events with no sync row yet. Every sync row is of one event (its seq is the key), so this is a
    difference of two counts: two index scans, not a lookup per event (the window asks often)."""
    events = int(db.scalar("SELECT count(*) FROM events", default=0))
    known = int(db.scalar("SELECT count(*) FROM sync_events", default=0))
    return max(0, events - known)


def pending_for_case(db: Database, case_no: str, upto_seq: int) -> int:
    """Unsent events of a case, among those up to ``upto_seq``."""
    return int(db.scalar(
        "SELECT count(*) FROM events e LEFT JOIN sync_events s ON s.seq = e.seq "
        "WHERE s.seq IS NULL AND e.case_no = ? AND e.seq <= ?", (case_no, upto_seq), default=0))


def last_seq(db: Database) -> int:
    return int(db.scalar("SELECT max(seq) FROM events", default=0))


def mark(db: Database, seq: int, state: str, reason: str | None, at: str) -> None:
    db.execute(
        "INSERT INTO sync_events (seq, state, reason, attempts, updated_at) VALUES (?,?,?,1,?) "
        "ON CONFLICT(seq) DO UPDATE SET state = excluded.state, reason = excluded.reason, "
        "attempts = sync_events.attempts + 1, updated_at = excluded.updated_at",
        (seq, state, reason, at),
    )


def quarantined(db: Database, limit: int = 200) -> list[dict[str, Any]]:
    rows = db.all(
        "SELECT s.seq, e.event_id, e.type, e.case_no, s.reason, s.attempts, s.updated_at FROM sync_events s "
        "JOIN events e ON e.seq = s.seq WHERE s.state = 'quarantined' ORDER BY s.seq LIMIT ?",
        (limit,),
    )
    keys = ("seq", "event_id", "type", "case_no", "reason", "attempts", "updated_at")
    return [dict(zip(keys, r, strict=True)) for r in rows]


def release(db: Database, seqs: list[int] | None = None) -> int:
    """Quarantined events go back to the queue (after the cause was fixed)."""
    if seqs is None:
        cur = db.execute("DELETE FROM sync_events WHERE state = 'quarantined'")
    else:
        marks = ", ".join("?" for _ in seqs)
        cur = db.execute(f"DELETE FROM sync_events WHERE state = 'quarantined' AND seq IN ({marks})", seqs)
    return int(cur.rowcount)


def sent_count(db: Database) -> int:
    return int(db.scalar("SELECT count(*) FROM sync_events WHERE state = 'sent'", default=0))


def defer_update(db: Database, update: dict[str, Any], at: str, reason: str) -> None:
    db.execute(
        "INSERT OR IGNORE INTO sync_pending_updates (id, kind, case_no, body, received_at, reason) "
        "VALUES (?,?,?,?,?,?)",
        (update["id"], update["kind"], update.get("case_no"), json.dumps(update.get("body", {}), ensure_ascii=False),
         at, reason),
    )


def deferred_updates(db: Database) -> list[dict[str, Any]]:
    # In the order they arrived (rowid), not by id: ids are the hub's and need not sort as text.
    rows = db.all("SELECT id, kind, case_no, body FROM sync_pending_updates ORDER BY rowid")
    return [{"id": r[0], "kind": r[1], "case_no": r[2], "body": json.loads(r[3])} for r in rows]


def drop_deferred(db: Database, update_id: str) -> None:
    db.execute("DELETE FROM sync_pending_updates WHERE id = ?", (update_id,))


def add_notice(db: Database, notice_id: str, at: str, body: dict[str, Any]) -> None:
    db.execute("INSERT OR IGNORE INTO notices (id, received_at, body) VALUES (?,?,?)",
               (notice_id, at, json.dumps(body, ensure_ascii=False)))


def mark_notices_read(db: Database, ids: list[str] | None, at: str) -> list[str]:
    """Mark these notices (None: every unread one) read at ``at``; returns the ids marked now."""
    if ids is None:
        marked = [str(r[0]) for r in db.all("SELECT id FROM notices WHERE read_at IS NULL")]
    else:
        marks = ", ".join("?" for _ in ids)
        marked = [str(r[0]) for r in db.all(f"SELECT id FROM notices WHERE read_at IS NULL AND id IN ({marks})",
                                             list(ids))] if ids else []
    for notice_id in marked:
        db.execute("UPDATE notices SET read_at = ? WHERE id = ?", (at, notice_id))
    return marked


def notices(db: Database, unread_only: bool = False) -> list[dict[str, Any]]:
    where = "WHERE read_at IS NULL" if unread_only else ""
    rows = db.all(f"SELECT id, received_at, body, read_at FROM notices {where} ORDER BY received_at DESC")
    return [{"id": r[0], "received_at": r[1], "body": json.loads(r[2]), "read_at": r[3]} for r in rows]
