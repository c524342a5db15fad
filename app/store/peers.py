"""SQL of the other devices' events of the station (``peer_events``, immutable like ``events``) and
of the cases whose intake has not reached here yet (``peer_cases_waiting``).

``events`` is this device's own chain; ``peer_events`` holds every other device's chain as far as it
reached here (there may be gaps). A case's events are the union of both (:func:`events_of_case`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from app import merge
from app.journal import Event, EventType, StationEventType
from app.store import facts
from app.store.db import Database

_COLUMNS = "seq, event_id, station, case_no, type, at, operator, device, payload, prev_hash, hash"


def _event(row: Any) -> Event:
    return Event(seq=row[0], event_id=row[1], station=row[2], case_no=row[3], type=row[4], at=row[5],
                 operator=row[6], device=row[7], payload=json.loads(row[8]), prev_hash=row[9], hash=row[10])


def insert(db: Database, chain: str, event: Event, received_at: str, source: str) -> bool:
    """Store another device's event; False when it is here already (the same hash). Checks are the
    caller's (``cases.sharing.take_peer_events``); a different event at a held position or with a
    held id raises the store's integrity error."""
    if db.one("SELECT 1 FROM peer_events WHERE hash = ?", (event.hash,)) is not None:
        return False
    db.execute(
        f"INSERT INTO peer_events ({_COLUMNS}, chain, received_at, source) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (event.seq, event.event_id, event.station, event.case_no, event.type, event.at, event.operator,
         event.device, json.dumps(event.payload, ensure_ascii=False, sort_keys=True), event.prev_hash, event.hash,
         chain, received_at, source),
    )
    facts.note(db, event)
    if event.type == StationEventType.consultation:
        _consultation(db, event)
    return True


def _consultation(db: Database, event: Event) -> None:
    """Another window's consultation (咨询), counted with this one's (the dashboard, the reports)."""
    p = event.payload
    db.execute(
        "INSERT INTO consultations (at, day, item_code, answer, operator, consent, name, phone, note) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (event.at, event.at[:10], str(p.get("item") or ""), str(p.get("answer") or ""), event.operator,
         int(bool(p.get("consent"))), str(p.get("name") or ""), str(p.get("phone") or ""), str(p.get("note") or "")))


def get(db: Database, chain: str, seq: int) -> Event | None:
    row = db.one(f"SELECT {_COLUMNS} FROM peer_events WHERE chain = ? AND seq = ?", (chain, seq))
    return None if row is None else _event(row)


def by_hash(db: Database, hash: str) -> Event | None:
    """An event of any chain held here (own or another device's) by its hash."""
    row = db.one(f"SELECT {_COLUMNS} FROM events WHERE hash = ?", (hash,))
    if row is None:
        row = db.one(f"SELECT {_COLUMNS} FROM peer_events WHERE hash = ?", (hash,))
    return None if row is None else _event(row)


def by_event_id(db: Database, event_id: str) -> Event | None:
    row = db.one(f"SELECT {_COLUMNS} FROM peer_events WHERE event_id = ?", (event_id,))
    return None if row is None else _event(row)


def events_of_case(db: Database, case_no: str) -> list[Event]:
    """Every event of the case held here: this device's (by position), then the other devices' (by
    chain and position). ``app.merge.causal_order`` puts them in order."""
    own = db.all(f"SELECT {_COLUMNS} FROM events WHERE case_no = ? ORDER BY seq", (case_no,))
    peer = db.all(f"SELECT {_COLUMNS} FROM peer_events WHERE case_no = ? ORDER BY chain, seq", (case_no,))
    return [_event(r) for r in own] + [_event(r) for r in peer]


def has_peer_events(db: Database, case_no: str) -> bool:
    """Whether another device's event of the case is here (its actions then name what they knew)."""
    return db.one("SELECT 1 FROM peer_events WHERE case_no = ? LIMIT 1", (case_no,)) is not None


def case_heads(db: Database, case_no: str) -> list[str]:
    """The hashes of the case's latest events, own and other devices' (``app.merge.heads``)."""
    return merge.heads(events_of_case(db, case_no))


def intake_of(db: Database, case_no: str) -> Event | None:
    """The case's ``case.received``, from this device's chain or another's."""
    for table in ("events", "peer_events"):
        row = db.one(f"SELECT {_COLUMNS} FROM {table} WHERE case_no = ? AND type = ? LIMIT 1",
                     (case_no, EventType.received.value))
        if row is not None:
            return _event(row)
    return None


def chains(db: Database) -> list[str]:
    """The other devices (chains) whose events are held here, in order (this device's are ``events``)."""
    return [str(r[0]) for r in db.all("SELECT DISTINCT chain FROM peer_events ORDER BY chain")]


def by_chain(db: Database, chain: str, after_seq: int = 0, limit: int | None = None) -> list[Event]:
    """Another device's events held here from position ``after_seq`` on, by position (with gaps where
    something has not reached here)."""
    sql = f"SELECT {_COLUMNS} FROM peer_events WHERE chain = ? AND seq > ? ORDER BY seq"
    params: list[Any] = [chain, after_seq]
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    return [_event(r) for r in db.all(sql, params)]


@dataclass(frozen=True)
class ChainState:
    """What is held of one other device's chain: how many events, the last position and its hash,
    when the last of them was written there (``last_at``) and when one last arrived here."""

    chain: str
    count: int
    last_seq: int
    last_hash: str
    last_at: str
    received_at: str


def chain_states(db: Database) -> list[ChainState]:
    rows = db.all(
        "SELECT p.chain, c.n, p.seq, p.hash, p.at, c.received FROM peer_events p JOIN "
        "(SELECT chain, count(*) AS n, max(seq) AS top, max(received_at) AS received FROM peer_events "
        "GROUP BY chain) c ON c.chain = p.chain AND c.top = p.seq ORDER BY p.chain")
    return [ChainState(chain=r[0], count=int(r[1]), last_seq=int(r[2]), last_hash=r[3], last_at=r[4],
                       received_at=r[5]) for r in rows]


def count(db: Database, chain: str | None = None) -> int:
    if chain is None:
        return int(db.scalar("SELECT count(*) FROM peer_events", default=0))
    return int(db.scalar("SELECT count(*) FROM peer_events WHERE chain = ?", (chain,), default=0))


def attachments_missing(db: Database) -> list[tuple[str, str]]:
    """(case_no, sha256) of the other devices' scans whose content is not here (yet)."""
    rows = db.all(
        "SELECT DISTINCT p.case_no, json_extract(p.payload, '$.sha256') AS sha FROM peer_events p "
        "WHERE p.type = ? AND NOT EXISTS (SELECT 1 FROM attachments a WHERE a.sha256 = sha) ORDER BY p.case_no, sha",
        (EventType.attachment_added.value,))
    return [(r[0], r[1]) for r in rows]


def cases_with_attachment(db: Database, sha256: str) -> list[str]:
    """The cases another device attached that content to."""
    rows = db.all("SELECT DISTINCT case_no FROM peer_events WHERE type = ? AND json_extract(payload, '$.sha256') = ? "
                  "ORDER BY case_no", (EventType.attachment_added.value, sha256))
    return [r[0] for r in rows]


# -- cases whose intake has not arrived ----------------------------------------------------------
def wait_for_intake(db: Database, case_nos: Iterable[str], since: str) -> None:
    db.executemany("INSERT OR IGNORE INTO peer_cases_waiting (case_no, since) VALUES (?, ?)",
                   [(c, since) for c in case_nos])


def stop_waiting(db: Database, case_no: str) -> None:
    db.execute("DELETE FROM peer_cases_waiting WHERE case_no = ?", (case_no,))


def waiting(db: Database) -> list[tuple[str, str]]:
    """(case_no, since) of the cases with events here but no intake yet."""
    return [(r[0], r[1]) for r in db.all("SELECT case_no, since FROM peer_cases_waiting ORDER BY since, case_no")]
