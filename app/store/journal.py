"""SQL of the case journal and the access log."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from typing import Any

from app.journal import GENESIS, Event, event_hash
from app.store import facts
from app.store.db import Database

_COLUMNS = "seq, event_id, station, case_no, type, at, operator, device, payload, prev_hash, hash"


def _row_to_event(row: Any) -> Event:
    return Event(
        seq=row[0],
        event_id=row[1],
        station=row[2],
        case_no=row[3],
        type=row[4],
        at=row[5],
        operator=row[6],
        device=row[7],
        payload=json.loads(row[8]),
        prev_hash=row[9],
        hash=row[10],
    )


def append(
    db: Database,
    *,
    station: str,
    device: str,
    operator: str,
    type: str,
    at: str,
    case_no: str | None,
    payload: dict[str, Any],
) -> Event:
    """Append one event; must run inside the transaction that makes the change it records."""
    if not db.in_transaction:
        raise RuntimeError("journal events are appended inside the change's transaction")
    last = db.one("SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1")
    seq, prev = (1, GENESIS) if last is None else (last[0] + 1, last[1])
    ev = Event(
        seq=seq,
        event_id=str(uuid.uuid4()),
        station=station,
        case_no=case_no,
        type=type,
        at=at,
        operator=operator,
        device=device,
        payload=payload,
        prev_hash=prev,
    )
    digest = event_hash(prev, ev.body())
    db.execute(
        f"INSERT INTO events ({_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        (
            ev.seq,
            ev.event_id,
            station,
            case_no,
            type,
            at,
            operator,
            device,
            json.dumps(payload, ensure_ascii=False, sort_keys=True),
            prev,
            digest,
        ),
    )
    stored = Event(**{**ev.__dict__, "hash": digest})
    facts.note(db, stored)
    return stored


def iter_events(db: Database, after_seq: int = 0, batch: int = 2000) -> Iterator[Event]:
    last = after_seq
    while True:
        rows = db.all(f"SELECT {_COLUMNS} FROM events WHERE seq > ? ORDER BY seq LIMIT ?", (last, batch))
        if not rows:
            return
        for row in rows:
            yield _row_to_event(row)
        last = rows[-1][0]


def case_events(db: Database, case_no: str) -> list[Event]:
    rows = db.all(f"SELECT {_COLUMNS} FROM events WHERE case_no = ? ORDER BY seq", (case_no,))
    return [_row_to_event(r) for r in rows]


def count(db: Database) -> int:
    return int(db.scalar("SELECT count(*) FROM events", default=0))


def log_access(db: Database, *, at: str, operator: str, action: str, case_no: str | None, detail: str = "") -> None:
    db.execute(
        "INSERT INTO access_log (at, operator, action, case_no, detail) VALUES (?,?,?,?,?)",
        (at, operator, action, case_no, detail),
    )


def access_entries(db: Database, case_no: str | None = None, limit: int = 100) -> list[dict[str, Any]]:
    if case_no is None:
        rows = db.all("SELECT at, operator, action, case_no, detail FROM access_log ORDER BY id DESC LIMIT ?", (limit,))
    else:
        rows = db.all(
            "SELECT at, operator, action, case_no, detail FROM access_log WHERE case_no = ? ORDER BY id DESC LIMIT ?",
            (case_no, limit),
        )
    return [dict(zip(("at", "operator", "action", "case_no", "detail"), r, strict=True)) for r in rows]

