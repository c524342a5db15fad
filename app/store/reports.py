"""SQL of the station's reports: the cases that count in a period, read by index ranges.

A case counts in a period when it was taken in then (``cases_day``), or concluded, rated or given a
差评 then (the partial indexes of ``case_facts``). The ids of those come from the indexes alone; only
their rows are read.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from app.reports import CONCLUDED
from app.store.db import Database

_KEYS = ("case_no", "created_day", "status", "decision", "mode", "operator", "origin", "trips", "promised_due",
         "agent_relation", "cross_region", "special", "items", "instant", "concluded_at", "rating", "rated_at", "bad",
         "bad_at", "rectified", "revisited", "revisit_result", "window")


def _stamps(start: date, end: date) -> tuple[str, str]:
    """The ISO stamps of [start, end + 1 day): a day's events by their ``at``."""
    return start.isoformat(), (end + timedelta(days=1)).isoformat()


def case_rows(db: Database, start: date, end: date) -> list[dict[str, Any]]:
    lo, hi = _stamps(start, end)
    # each by its partial index (a 差评's is of the rows with ``bad``: said, or SQLite walks every case)
    facts_ids = " UNION ".join(
        f"SELECT c.id FROM case_facts f JOIN cases c ON c.case_no = f.case_no WHERE f.{col} >= ? AND f.{col} < ?"
        + (" AND f.bad IS NOT NULL" if col == "bad_at" else "")
        for col in ("concluded_at", "rated_at", "bad_at"))
    sql = (
        "SELECT c.case_no, c.created_day, c.status, c.decision, c.mode, c.operator, c.origin, c.trips, c.promised_due, "
        "json_extract(c.agent, '$.relation'), c.cross_region IS NOT NULL, c.special_groups != '', "
        "(SELECT group_concat(i.item_code, ',') FROM case_items i WHERE i.case_id = c.id), "
        "NOT EXISTS (SELECT 1 FROM case_items i WHERE i.case_id = c.id AND i.instant = 0), "
        "f.concluded_at, f.rating, f.rated_at, f.bad, f.bad_at, f.rectified_at IS NOT NULL, "
        "f.revisited_at IS NOT NULL, f.revisit_result, c.window "
        "FROM cases c LEFT JOIN case_facts f ON f.case_no = c.case_no WHERE c.id IN ("
        "SELECT id FROM cases WHERE created_day BETWEEN ? AND ? UNION "
        f"{facts_ids})")
    params = [f"{start:%Y%m%d}", f"{end:%Y%m%d}", lo, hi, lo, hi, lo, hi]
    return [dict(zip(_KEYS, r, strict=True)) for r in db.all(sql, params)]


def consultations(db: Database, start: date, end: date) -> list[tuple[str, str]]:
    """(item code or "", operator) of every consultation recorded in [start, end]."""
    rows = db.all("SELECT item_code, operator FROM consultations WHERE day BETWEEN ? AND ?",
                  (start.isoformat(), end.isoformat()))
    return [(str(r[0]), str(r[1])) for r in rows]


# The cases concluded in a range of stamps and still so (``app.reports.CONCLUDED``). CROSS JOIN: the
# facts' range first (SQLite would rather walk every concluded case), each case then read from the
# index ``cases_no_due`` alone.
_CONCLUDED_IN = ("FROM case_facts f CROSS JOIN cases c ON c.case_no = f.case_no "
                 "WHERE f.concluded_at >= ? AND f.concluded_at < ? AND c.status IN "
                 f"({', '.join(repr(s.value) for s in sorted(CONCLUDED))})")


def on_time_by_month(db: Database, start: date, end: date) -> list[tuple[str, int, int]]:
    """(YYYY-MM, concluded, concluded on time) for every month from ``start``'s to ``end``'s, as
    ``app.reports`` counts them (a case concluded and still so; on time: by its promised due date)."""
    rows = db.all(
        "SELECT substr(f.concluded_at, 1, 7), count(*), "
        "coalesce(sum(c.promised_due IS NULL OR substr(f.concluded_at, 1, 10) <= c.promised_due), 0) "
        f"{_CONCLUDED_IN} GROUP BY 1", _stamps(start, end))
    found = {str(r[0]): (int(r[1]), int(r[2])) for r in rows}
    out = []
    y, m = start.year, start.month
    while (y, m) <= (end.year, end.month):
        key = f"{y:04d}-{m:02d}"
        out.append((key, *found.get(key, (0, 0))))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def per_day(db: Database, start: date, end: date) -> list[tuple[date, int, int]]:
    """(day, taken in, concluded) for every day of [start, end], as ``app.reports`` counts them, from
    the indexes alone (the dashboard's chart of the last days)."""
    taken = {str(r[0]): int(r[1]) for r in db.all(
        "SELECT created_day, count(*) FROM cases WHERE created_day BETWEEN ? AND ? GROUP BY created_day",
        (f"{start:%Y%m%d}", f"{end:%Y%m%d}"))}
    concluded = {str(r[0]): int(r[1]) for r in db.all(
        f"SELECT substr(f.concluded_at, 1, 10), count(*) {_CONCLUDED_IN} GROUP BY 1", _stamps(start, end))}
    days = [start + timedelta(days=i) for i in range((end - start).days + 1)]
    return [(d, taken.get(f"{d:%Y%m%d}", 0), concluded.get(d.isoformat(), 0)) for d in days]


def ratings(db: Database, start: date, end: date) -> dict[str, int]:
    """Rating level -> the cases rated in [start, end] (their first rating: ``app.casefacts``)."""
    return {str(r[0]): int(r[1]) for r in db.all(
        "SELECT rating, count(*) FROM case_facts WHERE rated_at >= ? AND rated_at < ? AND rating IS NOT NULL "
        "GROUP BY rating", _stamps(start, end))}


def operator_names(db: Database) -> dict[str, str]:
    return {str(r[0]): str(r[1] or r[0]) for r in db.all("SELECT login, display_name FROM operators")}


_LIST_KEYS = ("case_no", "created_at", "status", "decision", "mode", "applicant_name", "applicant_id_type",
              "applicant_id_no", "applicant_phone", "agent", "items", "promised_due", "window", "operator", "origin",
              "platform_no", "concluded_at", "rating", "bad", "rectified_at", "revisited_at", "revisit_result")


def case_list(db: Database, start: date, end: date) -> list[dict[str, Any]]:
    """The cases taken in during [start, end] with what an exported list shows, oldest first."""
    rows = db.all(
        "SELECT c.case_no, c.created_at, c.status, c.decision, c.mode, c.applicant_name, c.applicant_id_type, "
        "c.applicant_id_no, c.applicant_phone, c.agent, "
        "(SELECT group_concat(i.item_code || ' ' || i.name, '；') FROM case_items i WHERE i.case_id = c.id), "
        "c.promised_due, c.window, c.operator, c.origin, c.platform_no, f.concluded_at, f.rating, f.bad, "
        "f.rectified_at, f.revisited_at, f.revisit_result "
        "FROM cases c LEFT JOIN case_facts f ON f.case_no = c.case_no "
        "WHERE c.created_day BETWEEN ? AND ? ORDER BY c.created_day, c.case_no",
        (f"{start:%Y%m%d}", f"{end:%Y%m%d}"))
    return [dict(zip(_LIST_KEYS, r, strict=True)) for r in rows]


def evaluation_events(db: Database, start: date, end: date) -> list[dict[str, Any]]:
    """Every rating given in [start, end] (skips left out), this device's and the others', by time
    (the partial indexes ``events_evaluated``), each with its case's applicant and items."""
    lo, hi = _stamps(start, end)
    keys = ("event_id", "case_no", "at", "operator", "device", "seq", "payload")
    found = []
    for table in ("events", "peer_events"):
        found += [dict(zip(keys, r, strict=True)) for r in db.all(
            f"SELECT event_id, case_no, at, operator, device, seq, payload FROM {table} "
            "WHERE type = 'case.evaluated' AND at >= ? AND at < ?", (lo, hi))]
    found.sort(key=lambda e: (e["at"], e["device"], e["seq"]))  # a device's own order on a clock standing still
    cases: dict[str, dict[str, Any]] = {}
    for ev in found:
        if ev["case_no"] not in cases:
            row = db.one(
                "SELECT c.applicant_name, c.applicant_id_type, c.applicant_id_no, c.applicant_phone, c.platform_no, "
                "(SELECT group_concat(i.item_code, '；') FROM case_items i WHERE i.case_id = c.id), "
                "(SELECT group_concat(i.name, '；') FROM case_items i WHERE i.case_id = c.id), c.window, "
                "f.bad_key, f.rectified_at, f.rectify_note, f.revisited_at, f.revisit_result, f.revisit_method "
                "FROM cases c LEFT JOIN case_facts f ON f.case_no = c.case_no WHERE c.case_no = ?", (ev["case_no"],))
            names = ("applicant_name", "applicant_id_type", "applicant_id_no", "applicant_phone", "platform_no",
                     "item_codes", "item_names", "window", "bad_key", "rectified_at", "rectify_note", "revisited_at",
                     "revisit_result", "revisit_method")
            cases[ev["case_no"]] = dict(zip(names, row, strict=True)) if row else {}
        ev["case"] = cases[ev["case_no"]]
    return found
