"""SQL of cases: numbers, rows, items, materials, trips and the case search index."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from app.store.db import Database
from app.textsearch import Document

CASE_COLUMNS = (
    "case_no", "station_code", "status", "decision", "outcome", "mode", "bundle_code",
    "applicant_kind", "applicant_name", "applicant_id_type", "applicant_id_no", "applicant_phone",
    "applicant", "agent", "delivery", "refusal", "cross_region", "correction_due", "created_at",
    "created_day", "accepted_at", "clock_start", "legal_due", "promised_due", "verification_code",
    "platform_no", "window", "operator", "trips", "updated_at", "origin", "conflict", "special_groups",
)
_MATERIAL_COLUMNS = (
    "item_code", "material_code", "state", "form", "count", "licence_type", "licence_grade", "due_date", "note",
)


def counter(db: Database, day: str) -> tuple[int, int]:
    """(last sequence used, sequence reserved up to) of ``day``."""
    row = db.one("SELECT last_seq, reserved FROM case_counters WHERE day = ?", (day,))
    return (0, 0) if row is None else (int(row[0]), int(row[1]))


def set_counter(db: Database, day: str, last: int, reserved: int) -> None:
    db.execute(
        "INSERT INTO case_counters (day, last_seq, reserved) VALUES (?, ?, ?) "
        "ON CONFLICT(day) DO UPDATE SET last_seq = excluded.last_seq, reserved = excluded.reserved",
        (day, last, reserved),
    )


def insert_case(db: Database, row: dict[str, Any]) -> int:
    cols = [c for c in CASE_COLUMNS if c in row]
    cur = db.execute(
        f"INSERT INTO cases ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)})",
        [row[c] for c in cols],
    )
    return int(cur.lastrowid)


def update_case(db: Database, case_id: int, **fields: Any) -> None:
    bad = set(fields) - set(CASE_COLUMNS)
    if bad:
        raise ValueError(f"unknown case columns: {sorted(bad)}")
    assignments = ", ".join(f"{k} = ?" for k in fields)
    db.execute(f"UPDATE cases SET {assignments} WHERE id = ?", [*fields.values(), case_id])


def insert_items(db: Database, case_id: int, items: Sequence[dict[str, Any]]) -> None:
    db.executemany(
        "INSERT INTO case_items (case_id, item_code, item_version, name, legal_days, promised_days, instant) "
        "VALUES (?,?,?,?,?,?,?)",
        [(case_id, i["item_code"], i["item_version"], i["name"], i["legal_days"], i["promised_days"],
          int(i["instant"])) for i in items],
    )


def upsert_materials(db: Database, case_id: int, materials: Sequence[dict[str, Any]]) -> None:
    db.executemany(
        f"INSERT INTO case_materials (case_id, {', '.join(_MATERIAL_COLUMNS)}) VALUES (?,?,?,?,?,?,?,?,?,?) "
        "ON CONFLICT(case_id, item_code, material_code) DO UPDATE SET "
        + ", ".join(f"{c} = excluded.{c}" for c in _MATERIAL_COLUMNS[2:]),
        [(case_id, *[m.get(c) for c in _MATERIAL_COLUMNS]) for m in materials],
    )


def insert_trip(db: Database, case_id: int, at: str, purpose: str, operator: str) -> None:
    db.execute("INSERT INTO trips (case_id, at, purpose, operator) VALUES (?,?,?,?)", (case_id, at, purpose, operator))
    db.execute("UPDATE cases SET trips = (SELECT count(*) FROM trips WHERE case_id = ?) WHERE id = ?",
               (case_id, case_id))


def index_case(db: Database, case_id: int, doc: Document, replace: bool = False) -> None:
    if replace:
        db.execute("DELETE FROM case_fts WHERE rowid = ?", (case_id,))
    db.execute(
        "INSERT INTO case_fts (rowid, name, pinyin, num, rev) VALUES (?,?,?,?,?)",
        (case_id, doc.name, doc.pinyin, doc.num, doc.rev),
    )


def get_row(db: Database, case_no: str) -> dict[str, Any] | None:
    row = db.one(f"SELECT id, {', '.join(CASE_COLUMNS)} FROM cases WHERE case_no = ?", (case_no,))
    if row is None:
        return None
    return dict(zip(("id", *CASE_COLUMNS), row, strict=True))


def get_items(db: Database, case_id: int) -> list[dict[str, Any]]:
    rows = db.all(
        "SELECT item_code, item_version, name, legal_days, promised_days, instant FROM case_items "
        "WHERE case_id = ? ORDER BY rowid",
        (case_id,),
    )
    keys = ("item_code", "item_version", "name", "legal_days", "promised_days", "instant")
    return [dict(zip(keys, r, strict=True)) for r in rows]


def get_materials(db: Database, case_id: int) -> list[dict[str, Any]]:
    rows = db.all(
        f"SELECT {', '.join(_MATERIAL_COLUMNS)} FROM case_materials WHERE case_id = ? ORDER BY rowid", (case_id,)
    )
    return [dict(zip(_MATERIAL_COLUMNS, r, strict=True)) for r in rows]


def get_trips(db: Database, case_id: int) -> list[dict[str, Any]]:
    rows = db.all("SELECT at, purpose, operator FROM trips WHERE case_id = ? ORDER BY id", (case_id,))
    return [{"at": r[0], "purpose": r[1], "operator": r[2]} for r in rows]


_SUMMARY = (
    "c.case_no, c.status, c.applicant_name, c.applicant_id_type, c.applicant_id_no, c.created_at, "
    "c.promised_due, (SELECT group_concat(name, '、') FROM case_items i WHERE i.case_id = c.id), c.origin, "
    "c.conflict IS NOT NULL"
)
SUMMARY_KEYS = ("case_no", "status", "applicant_name", "id_type", "id_no", "created_at", "promised_due", "items",
                "origin", "in_conflict")


def search(db: Database, match: str, limit: int, offset: int = 0) -> list[dict[str, Any]]:
    """Cases whose index matches an FTS5 expression, newest first."""
    rows = db.all(
        f"SELECT {_SUMMARY} FROM (SELECT rowid AS rid FROM case_fts WHERE case_fts MATCH ? "
        "ORDER BY rowid DESC LIMIT ? OFFSET ?) m JOIN cases c ON c.id = m.rid ORDER BY c.id DESC",
        (match, limit, offset),
    )
    return [dict(zip(SUMMARY_KEYS, r, strict=True)) for r in rows]


def by_case_no_prefix(db: Database, prefix: str, limit: int) -> list[dict[str, Any]]:
    rows = db.all(
        f"SELECT {_SUMMARY} FROM cases c WHERE c.case_no >= ? AND c.case_no < ? ORDER BY c.case_no DESC LIMIT ?",
        (prefix, prefix + "\uffff", limit),
    )
    return [dict(zip(SUMMARY_KEYS, r, strict=True)) for r in rows]


def listing(
    db: Database, *, status: str | None = None, day: str | None = None, item_code: str | None = None,
    limit: int = 50, offset: int = 0,
) -> list[dict[str, Any]]:
    where, params = _conditions(match=None, case_no_prefix=None, status=status, day=day, item_code=item_code)
    clause = f"WHERE {' AND '.join(where)}" if where else ""
    rows = db.all(f"SELECT {_SUMMARY} FROM cases c {clause} ORDER BY c.id DESC LIMIT ? OFFSET ?",
                  [*params, limit, offset])
    return [dict(zip(SUMMARY_KEYS, r, strict=True)) for r in rows]


def _conditions(
    *, match: str | None, case_no_prefix: str | None, status: str | None, day: str | None, item_code: str | None,
    before_id: int | None = None,
) -> tuple[list[str], list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    if case_no_prefix:
        where.append("c.case_no >= ? AND c.case_no < ?")
        params.extend([case_no_prefix, case_no_prefix + "\uffff"])
    if match and before_id is not None:  # the text index skips what is past the cursor itself
        where.append("c.id IN (SELECT rowid FROM case_fts WHERE case_fts MATCH ? AND rowid < ?)")
        params.extend([match, before_id])
    elif match:
        where.append("c.id IN (SELECT rowid FROM case_fts WHERE case_fts MATCH ?)")
        params.append(match)
    if status:
        where.append("c.status = ?")
        params.append(status)
    if day:
        where.append("c.created_day = ?")
        params.append(day)
    if item_code:
        where.append("c.id IN (SELECT case_id FROM case_items WHERE item_code = ?)")
        params.append(item_code)
    return where, params


def find(
    db: Database, *, match: str | None = None, case_no_prefix: str | None = None, status: str | None = None,
    day: str | None = None, item_code: str | None = None, before_id: int | None = None,
    before_case_no: str | None = None, limit: int = 200,
) -> list[dict[str, Any]]:
    """One page of cases (newest first) matching every condition given, each row with its ``id``.

    Keyset paging: the next page is the one ``before_id`` the last row's id, so a deep page costs
    what the first one does. The page's ids are chosen first, from indexes alone where they can be
    (reading a whole case row per candidate is what costs on an encrypted store), and only the
    page's rows are read whole.
    """
    if case_no_prefix:
        # By a case number's beginning: the number's own index, in its order (numbers are made in
        # date order), keyed by the last number shown. A short beginning may cover every case.
        where, params = _conditions(match=match, case_no_prefix=None, status=status, day=day, item_code=item_code)
        high = case_no_prefix + "\uffff"
        if before_case_no is not None and before_case_no < high:
            high = before_case_no
        where[:0] = ["c.case_no >= ? AND c.case_no < ?"]
        params[:0] = [case_no_prefix, high]
        inner = f"SELECT c.id FROM cases c WHERE {' AND '.join(where)} ORDER BY c.case_no DESC LIMIT ?"
        rows = db.all(f"SELECT {_SUMMARY}, c.id FROM cases c WHERE c.id IN ({inner}) ORDER BY c.case_no DESC",
                      [*params, limit])
        return [dict(zip((*SUMMARY_KEYS, "id"), r, strict=True)) for r in rows]
    if match and not (status or day or item_code):
        # By text alone: the text index gives its rowids newest first and stops at the page's end.
        where, params = ["case_fts MATCH ?"], [match]
        if before_id is not None:
            where.append("rowid < ?")
            params.append(before_id)
        inner = f"SELECT rowid FROM case_fts WHERE {' AND '.join(where)} ORDER BY rowid DESC LIMIT ?"
    elif item_code and not (status or day):
        # By item alone (and text): walk the (case_id, item_code) key of case_items newest first
        # and stop at the page's end; the cases table is not touched until the page is known.
        where, params = ["+ci.item_code = ?"], [item_code]
        if match and before_id is not None:
            where.append("ci.case_id IN (SELECT rowid FROM case_fts WHERE case_fts MATCH ? AND rowid < ?)")
            params.extend([match, before_id])
        elif match:
            where.append("ci.case_id IN (SELECT rowid FROM case_fts WHERE case_fts MATCH ?)")
            params.append(match)
        if before_id is not None:
            where.append("ci.case_id < ?")
            params.append(before_id)
        inner = f"SELECT ci.case_id FROM case_items ci WHERE {' AND '.join(where)} ORDER BY ci.case_id DESC LIMIT ?"
    else:
        where, params = _conditions(match=match, case_no_prefix=case_no_prefix, status=status, day=day,
                                    item_code=item_code, before_id=before_id)
        if before_id is not None:
            where.append("c.id < ?")
            params.append(before_id)
        clause = f"WHERE {' AND '.join(where)}" if where else ""
        inner = f"SELECT c.id FROM cases c {clause} ORDER BY c.id DESC LIMIT ?"
    rows = db.all(f"SELECT {_SUMMARY}, c.id FROM cases c WHERE c.id IN ({inner}) ORDER BY c.id DESC",
                  [*params, limit])
    return [dict(zip((*SUMMARY_KEYS, "id"), r, strict=True)) for r in rows]


def count_matching(
    db: Database, *, match: str | None = None, case_no_prefix: str | None = None, status: str | None = None,
    day: str | None = None, item_code: str | None = None,
) -> int:
    """How many cases match every condition given."""
    where, params = _conditions(match=match, case_no_prefix=case_no_prefix, status=status, day=day,
                                item_code=item_code)
    if item_code and not (status or day or case_no_prefix):
        # The item's index (and the text index) alone know: no need to look at the cases.
        sql = "SELECT count(*) FROM case_items WHERE item_code = ?"
        if match:
            sql += " AND case_id IN (SELECT rowid FROM case_fts WHERE case_fts MATCH ?)"
        return int(db.scalar(sql, [item_code, match] if match else [item_code], default=0))
    if match and not (status or day or case_no_prefix):
        return int(db.scalar("SELECT count(*) FROM case_fts WHERE case_fts MATCH ?", [match], default=0))
    clause = f"WHERE {' AND '.join(where)}" if where else ""
    return int(db.scalar(f"SELECT count(*) FROM cases c {clause}", params, default=0))


def has_case_no_prefix(db: Database, prefix: str) -> bool:
    return db.one("SELECT 1 FROM cases WHERE case_no >= ? AND case_no < ? LIMIT 1",
                  (prefix, prefix + "\uffff")) is not None


def open_with_due(db: Database, statuses: Sequence[str]) -> list[tuple[str, str | None]]:
    marks = ", ".join("?" for _ in statuses)
    return [(r[0], r[1]) for r in db.all(
        f"SELECT case_no, promised_due FROM cases WHERE status IN ({marks}) AND promised_due IS NOT NULL",
        list(statuses),
    )]


def deferred_due(db: Database) -> list[tuple[str, str, str, str | None]]:
    """(case_no, item_code, material_code, due_date) of deferred materials not yet supplied."""
    rows = db.all(
        "SELECT c.case_no, m.item_code, m.material_code, m.due_date FROM case_materials m "
        "JOIN cases c ON c.id = m.case_id WHERE m.state = 'deferred' AND c.status NOT IN "
        "('withdrawn', 'refused') ORDER BY m.due_date"
    )
    return [(r[0], r[1], r[2], r[3]) for r in rows]


def count(db: Database) -> int:
    return int(db.scalar("SELECT count(*) FROM cases", default=0))


# -- cases shared between the devices of a station (cases.sharing) ---------------------------------
def replace_details(db: Database, case_id: int, items: Sequence[dict[str, Any]],
                    materials: Sequence[dict[str, Any]], trips: Sequence[dict[str, Any]]) -> None:
    """A case's items, materials and trips as its merged events give them (what was there goes)."""
    for table in ("case_items", "case_materials", "trips"):
        db.execute(f"DELETE FROM {table} WHERE case_id = ?", (case_id,))
    insert_items(db, case_id, items)
    upsert_materials(db, case_id, materials)
    db.executemany("INSERT INTO trips (case_id, at, purpose, operator) VALUES (?,?,?,?)",
                   [(case_id, t["at"], t["purpose"], t["operator"]) for t in trips])


def conflicted(db: Database, limit: int = 200) -> list[dict[str, Any]]:
    """Cases with an open conflict, newest first (the partial index on ``conflict`` finds them)."""
    rows = db.all(f"SELECT {_SUMMARY} FROM cases c WHERE c.conflict IS NOT NULL ORDER BY c.id DESC LIMIT ?",
                  (limit,))
    return [dict(zip(SUMMARY_KEYS, r, strict=True)) for r in rows]


def count_conflicted(db: Database) -> int:
    return int(db.scalar("SELECT count(*) FROM cases WHERE conflict IS NOT NULL", default=0))


def as_json(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)


PERSON_KEYS = ("case_no", "status", "applicant_name", "applicant", "created_at", "item_codes")


def cases_of_person(db: Database, id_number: str, limit: int = 50) -> list[dict[str, Any]]:
    """The cases whose applicant has this ID number (index ``cases_applicant_id``), newest first,
    with their items' codes."""
    rows = db.all(
        "SELECT c.case_no, c.status, c.applicant_name, c.applicant, c.created_at, "
        "(SELECT group_concat(item_code, ',') FROM case_items i WHERE i.case_id = c.id) "
        "FROM cases c WHERE c.applicant_id_no = ? ORDER BY c.id DESC LIMIT ?", (id_number, limit))
    return [dict(zip(PERSON_KEYS, r, strict=True)) for r in rows]
