"""SQL of the counter's dashboard (工作台): short lists and counts read by index ranges.

Every query here answers from an index range (``cases_status``, ``cases_day``,
``case_materials_due``, the partial ``case_facts_bad_open``) and stops at ``limit`` rows, so the
dashboard costs the same with two hundred cases or two hundred thousand. The counts go with the
lists so that the page can say "showing 50 of 812".
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from app.store.db import Database

_CASE = (
    "c.case_no, c.status, c.applicant_name, c.promised_due, c.correction_due, c.created_at, c.origin, "
    "c.special_groups, (SELECT group_concat(name, '、') FROM case_items i WHERE i.case_id = c.id)"
)
CASE_KEYS = ("case_no", "status", "applicant_name", "promised_due", "correction_due", "created_at", "origin",
             "special_groups", "items")
_CLOSED = ("withdrawn", "refused", "revoked")
COUNT_CAP = 1000


def _marks(values: Sequence[Any]) -> str:
    return ", ".join("?" for _ in values)


def _rows(rows: list[Any]) -> list[dict[str, Any]]:
    return [dict(zip(CASE_KEYS, r, strict=True)) for r in rows]


def due_range(db: Database, statuses: Sequence[str], lo: str | None, hi: str,
              limit: int) -> tuple[list[dict[str, Any]], int]:
    """Cases in ``statuses`` whose promised due date is in [lo, hi) (lo None: no lower bound),
    soonest first; and how many there are."""
    where = f"c.status IN ({_marks(statuses)}) AND c.promised_due IS NOT NULL AND c.promised_due < ?"
    params: list[Any] = [*statuses, hi]
    if lo is not None:
        where += " AND c.promised_due >= ?"
        params.append(lo)
    total = int(db.scalar(f"SELECT count(*) FROM cases c WHERE {where}", params, default=0))
    rows = db.all(f"SELECT {_CASE} FROM cases c WHERE {where} ORDER BY c.promised_due, c.id LIMIT ?",
                  [*params, limit])
    return _rows(rows), total


def with_status(db: Database, status: str, limit: int) -> tuple[list[dict[str, Any]], int]:
    """Cases in one status, the oldest (waiting longest) first."""
    total = int(db.scalar("SELECT count(*) FROM cases WHERE status = ?", (status,), default=0))
    # The ids come from the status index alone; only the rows shown are read.
    rows = db.all(f"SELECT {_CASE} FROM (SELECT id FROM cases WHERE status = ? ORDER BY id LIMIT ?) x "
                  "JOIN cases c ON c.id = x.id ORDER BY c.id", (status, limit))
    return _rows(rows), total


def created_on(db: Database, day: str, limit: int) -> tuple[list[dict[str, Any]], int]:
    """Cases taken in on ``day`` (YYYYMMDD), newest first."""
    total = int(db.scalar("SELECT count(*) FROM cases WHERE created_day = ?", (day,), default=0))
    rows = db.all(f"SELECT {_CASE} FROM cases c WHERE c.created_day = ? ORDER BY c.id DESC LIMIT ?", (day, limit))
    return _rows(rows), total


def in_conflict(db: Database, limit: int) -> tuple[list[dict[str, Any]], int]:
    """Cases with an open conflict between two devices' actions (the partial index ``cases_conflict``),
    the oldest first."""
    total = int(db.scalar("SELECT count(*) FROM cases WHERE conflict IS NOT NULL", default=0))
    # INDEXED BY: ordered by id, SQLite would rather walk the whole table in rowid order than sort the
    # few rows of the partial index (0.4 s on 200,000 cases with no conflict at all).
    rows = db.all(f"SELECT {_CASE} FROM (SELECT id FROM cases INDEXED BY cases_conflict WHERE conflict IS NOT NULL "
                  "ORDER BY id LIMIT ?) x "
                  "JOIN cases c ON c.id = x.id ORDER BY c.id", (limit,))
    return _rows(rows), total


BAD_KEYS = (*CASE_KEYS, "bad", "rectify_due", "rectified_at")


def bad_open(db: Database, limit: int) -> tuple[list[dict[str, Any]], int]:
    """The open 差评 work items (a bad rating not yet revisited), the soonest rectification due first,
    with their cases. The count and the rows shown come from the partial index ``case_facts_bad_open``
    in its order: no fact of a case without an open 差评 is read, however many cases were rated. A work
    item whose case has not reached this device yet (its intake still on the way from another device)
    is counted but not listed: there is nothing to open."""
    # INDEXED BY: the index of every 差评 (``case_facts_bad``) serves the condition too, and SQLite
    # may take it, reading the fact of each 差评 ever given to see whether it is still open
    open_ = "case_facts INDEXED BY case_facts_bad_open WHERE bad IS NOT NULL AND revisited_at IS NULL"
    total = int(db.scalar(f"SELECT count(*) FROM {open_}", default=0))
    rows = db.all(
        f"SELECT {_CASE}, f.bad, f.rectify_due, f.rectified_at FROM "
        f"(SELECT rowid AS r FROM {open_} ORDER BY rectify_due LIMIT ?) x "
        "JOIN case_facts f ON f.rowid = x.r JOIN cases c ON c.case_no = f.case_no "
        "ORDER BY f.rectify_due, f.bad_at, f.case_no",
        (limit,))
    return [dict(zip(BAD_KEYS, r, strict=True)) for r in rows], total


DEFERRED_KEYS = ("case_no", "applicant_name", "origin", "special_groups", "item_code", "material_code", "due_date")


def deferred_range(db: Database, lo: str | None, hi: str, limit: int,
                   cap: int = COUNT_CAP) -> tuple[list[dict[str, Any]], int]:
    """Deferred (容缺) materials not yet supplied, due in [lo, hi), of cases still alive; soonest first.

    The count is of materials (one case may owe two) and stops at ``cap``: each one counted reads a
    row (the due-date index does not hold the case), and "more than a thousand" says enough."""
    # Closed cases are few and found in the status index: leaving them out costs no read of a case row.
    where = (f"m.state = 'deferred' AND m.due_date IS NOT NULL AND m.due_date < ? AND m.case_id NOT IN "
             f"(SELECT id FROM cases WHERE status IN ({_marks(_CLOSED)}))")
    params: list[Any] = [hi, *_CLOSED]
    if lo is not None:
        where += " AND m.due_date >= ?"
        params.append(lo)
    total = int(db.scalar(f"SELECT count(*) FROM (SELECT 1 FROM case_materials m WHERE {where} LIMIT ?)",
                          [*params, cap], default=0))
    rows = db.all(
        "SELECT c.case_no, c.applicant_name, c.origin, c.special_groups, m.item_code, m.material_code, m.due_date FROM "
        f"(SELECT case_id, item_code, material_code, due_date FROM case_materials m WHERE {where} "
        "ORDER BY m.due_date, m.case_id LIMIT ?) m JOIN cases c ON c.id = m.case_id ORDER BY m.due_date, c.id",
        [*params, limit])
    return [dict(zip(DEFERRED_KEYS, r, strict=True)) for r in rows], total


def rates_since(db: Database, first_day: str) -> tuple[int, int, int, int]:
    """(cases, at most one trip, all items instant, of a special group) of the cases taken in from
    ``first_day`` (YYYYMMDD), refused, withdrawn and revoked ones left out, as ``cases.rates`` counts them."""
    row = db.one(
        "SELECT count(*), coalesce(sum(c.trips <= 1), 0), coalesce(sum(NOT EXISTS "
        "(SELECT 1 FROM case_items i WHERE i.case_id = c.id AND i.instant = 0)), 0), "
        "coalesce(sum(c.special_groups != ''), 0) "
        f"FROM cases c WHERE c.created_day >= ? AND c.status NOT IN ({_marks(_CLOSED)})",
        (first_day, *_CLOSED))
    return (int(row[0]), int(row[1]), int(row[2]), int(row[3])) if row else (0, 0, 0, 0)
