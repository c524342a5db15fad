"""SQL of the cases' report facts (``case_facts``: ``app.casefacts``), kept as each event is stored.

``note`` is called by the two places events enter the store (this device's journal and the other
devices' events), in the same transaction, so the facts never lag the journal. The table answers the
reports by day ranges (``case_facts_concluded``, ``case_facts_rated``, ``case_facts_bad``) and the
dashboard's open 差评 (a partial index of the work items not yet revisited).
"""

from __future__ import annotations

import json
from dataclasses import asdict, fields
from typing import Any

from app.casefacts import FOLDED_TYPES, Facts, fold
from app.journal import Event
from app.store.db import Database

_FIELDS = tuple(f.name for f in fields(Facts))
_COLUMNS = ", ".join(_FIELDS)



def _facts(row: Any) -> Facts:
    return Facts(**dict(zip(_FIELDS, row, strict=True)))


def get(db: Database, case_no: str) -> Facts | None:
    row = db.one(f"SELECT {_COLUMNS} FROM case_facts WHERE case_no = ?", (case_no,))
    return None if row is None else _facts(row)


def put(db: Database, facts: Facts) -> None:
    values = asdict(facts)
    db.execute(f"INSERT OR REPLACE INTO case_facts ({_COLUMNS}) VALUES ({', '.join('?' for _ in _FIELDS)})",
               [values[k] for k in _FIELDS])


def note(db: Database, event: Event) -> None:
    """Fold one stored event into its case's facts (events of other types, or of no case, are left)."""
    if event.case_no is None or event.type not in FOLDED_TYPES:
        return
    payload = event.payload if isinstance(event.payload, dict) else json.loads(event.payload)
    put(db, fold(get(db, event.case_no), case_no=event.case_no, type=event.type, at=event.at,
                 device=event.device, seq=event.seq, operator=event.operator, payload=payload))


def rebuild(db: Database) -> int:
    """The facts folded again from every event held (this device's and the others'): the migration
    that brings the table, and a repair. Returns the number of cases with facts."""
    db.execute("DELETE FROM case_facts")
    marks = ", ".join("?" for _ in FOLDED_TYPES)
    types = sorted(FOLDED_TYPES)
    found: dict[str, Facts] = {}
    for table in ("events", "peer_events"):
        for case_no, type_, at, device, seq, operator, payload in db.all(
                f"SELECT case_no, type, at, device, seq, operator, payload FROM {table} "
                f"WHERE case_no IS NOT NULL AND type IN ({marks})", types):
            found[case_no] = fold(found.get(case_no), case_no=case_no, type=type_, at=at, device=device, seq=seq,
                                  operator=operator, payload=json.loads(payload))
    for facts in found.values():
        put(db, facts)
    return len(found)


def bad_ratings(db: Database, open_only: bool, limit: int) -> tuple[list[tuple[Facts, str, str]], int]:
    """差评 work items (``open_only``: not yet revisited; the partial index ``case_facts_bad_open``), the
    soonest rectification due first, each with the case's applicant and items; and how many in all."""
    where = "f.bad IS NOT NULL" + (" AND f.revisited_at IS NULL" if open_only else "")
    # the open ones by their own index (SQLite may rather take every 差评's and read each fact)
    facts = "case_facts f INDEXED BY case_facts_bad_open" if open_only else "case_facts f"
    total = int(db.scalar(f"SELECT count(*) FROM {facts} WHERE {where}", default=0))
    cols = ", ".join(f"f.{name}" for name in _FIELDS)
    rows = db.all(
        f"SELECT {cols}, coalesce(c.applicant_name, ''), (SELECT group_concat(name, '、') FROM case_items i "
        f"WHERE i.case_id = c.id) FROM {facts} LEFT JOIN cases c ON c.case_no = f.case_no WHERE {where} "
        "ORDER BY f.revisited_at IS NOT NULL, f.rectify_due, f.bad_at LIMIT ?", (limit,))
    n = len(_FIELDS)
    return [(_facts(r[:n]), r[n], r[n + 1] or "") for r in rows], total
