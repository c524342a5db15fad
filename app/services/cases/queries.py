"""Cases (办件): reading — one case, its journal and trips, the search and the lists, and the
dashboard-like reads (due cases, 最多跑一次 and 即办 rates)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from app import merge
from app.identity import IdType, mask_id
from app.journal import Event
from app.models import (
    Case,
    CaseItem,
    CaseStatus,
    CaseSummary,
    CrossRegion,
    Decision,
    Delivery,
    DeliveryMethod,
    HandlingMode,
    Outcome,
    Refusal,
)
from app.services.cases.rows import (
    agent_of,
    conflict_of,
    groups_of,
    load_row,
    material_entry,
    optional_date,
    party_of,
)
from app.services.cases.rules import OPEN_STATUSES
from app.station import Station
from app.store import cases as store
from app.store import peers as peer_store
from app.textsearch import classify, match_expression, normalize
from app.workdays import DueState


def get_case(station: Station, case_no: str, log_access: bool = True) -> Case:
    row = load_row(station, case_no)
    items = [CaseItem(item_code=i["item_code"], item_version=i["item_version"], name=i["name"],
                      legal_days=i["legal_days"], promised_days=i["promised_days"], instant=bool(i["instant"]))
             for i in store.get_items(station.db, row["id"])]
    refusal = json.loads(row["refusal"]) if row["refusal"] else None
    cross = json.loads(row["cross_region"]) if row["cross_region"] else None
    delivery = json.loads(row["delivery"])
    case = Case(
        case_no=row["case_no"], station_code=row["station_code"], status=CaseStatus(row["status"]),
        decision=Decision(row["decision"]), mode=HandlingMode(row["mode"]),
        applicant=party_of(json.loads(row["applicant"])),
        agent=agent_of(json.loads(row["agent"]) if row["agent"] else None),
        items=items, materials=[material_entry(m) for m in store.get_materials(station.db, row["id"])],
        delivery=Delivery(method=DeliveryMethod(delivery["method"]), address=delivery.get("address", ""),
                          recipient=delivery.get("recipient", ""), phone=delivery.get("phone", "")),
        created_at=datetime.fromisoformat(row["created_at"]),
        accepted_at=datetime.fromisoformat(row["accepted_at"]) if row["accepted_at"] else None,
        clock_start=optional_date(row["clock_start"]), legal_due=optional_date(row["legal_due"]),
        promised_due=optional_date(row["promised_due"]), verification_code=row["verification_code"],
        bundle_code=row["bundle_code"], outcome=Outcome(row["outcome"]) if row["outcome"] else None,
        refusal=Refusal(**refusal) if refusal else None, correction_due=optional_date(row["correction_due"]),
        cross_region=CrossRegion(**cross) if cross else None, platform_no=row["platform_no"],
        window=row["window"], operator=row["operator"], trips=row["trips"],
        updated_at=datetime.fromisoformat(row["updated_at"]), origin=row["origin"],
        conflict=conflict_of(row["conflict"]), special_groups=groups_of(row["special_groups"]),
    )
    if log_access:
        station.log_access("open", case.case_no)
    return case


def case_journal(station: Station, case_no: str) -> list[Event]:
    """Every event of the case held here, this device's and the other devices', in causal order
    (``app.merge``: for a case that stayed on this device, the journal's own order)."""
    load_row(station, case_no)
    return merge.causal_order(peer_store.events_of_case(station.db, case_no))


def trips(station: Station, case_no: str) -> list[dict[str, Any]]:
    return store.get_trips(station.db, load_row(station, case_no)["id"])


def _summary(station: Station, r: dict[str, Any]) -> CaseSummary:
    due = r["promised_due"]
    state = None
    if due and r["status"] in {s.value for s in OPEN_STATUSES}:
        state = station.calendar.due_state(date.fromisoformat(due), station.today()).value
    id_type = IdType.uscc if r["id_type"] == IdType.uscc.value else r["id_type"]
    try:
        masked = mask_id(r["id_no"], id_type)
    except ValueError:
        masked = mask_id(r["id_no"], IdType.other)
    return CaseSummary(case_no=r["case_no"], status=CaseStatus(r["status"]), applicant_name=r["applicant_name"],
                       id_masked=masked, items=r["items"] or "", created_at=r["created_at"],
                       promised_due=due, due_state=state, origin=r["origin"], in_conflict=bool(r["in_conflict"]))


def summaries(station: Station, rows: list[dict[str, Any]]) -> list[CaseSummary]:
    """List rows (``store.SUMMARY_KEYS``) as the case list shows them."""
    return [_summary(station, r) for r in rows]


def search_cases(station: Station, query: str, limit: int = 50, offset: int = 0) -> list[CaseSummary]:
    """By case number, name (Chinese, pinyin, initials, Tibetan), ID number or its suffix, phone."""
    q = normalize(query).replace(" ", "")
    if classify(query).value == "number" and len(q) >= 20:
        rows = store.by_case_no_prefix(station.db, q, limit)
        if rows:
            return [_summary(station, r) for r in rows]
    match = match_expression(query)
    if match is None:
        return []
    return [_summary(station, r) for r in store.search(station.db, match, limit, offset)]


def list_cases(
    station: Station, *, status: CaseStatus | None = None, day: date | None = None, item_code: str | None = None,
    limit: int = 50, offset: int = 0,
) -> list[CaseSummary]:
    rows = store.listing(station.db, status=status.value if status else None,
                         day=day.strftime("%Y%m%d") if day else None, item_code=item_code,
                         limit=limit, offset=offset)
    return [_summary(station, r) for r in rows]


@dataclass(frozen=True)
class CaseListPage:
    """One page of a case list; ``cursor`` asks for the next page (None: this was the last)."""

    rows: list[CaseSummary]
    cursor: int | str | None


def _text_condition(station: Station, query: str) -> dict[str, str] | None:
    """The store condition for a search text: {} for no text, None when nothing can match."""
    if not query.strip():
        return {}
    q = normalize(query).replace(" ", "").replace("-", "")
    if classify(query).value == "number":
        if station.station_code.startswith(q):
            # Every case number here starts with the station code, so every case matches (and the
            # text index would have to merge a term for each case to say so).
            return {}
        if (q.startswith(station.station_code) or len(q) >= 20) and store.has_case_no_prefix(station.db, q):
            return {"case_no_prefix": q}
    match = match_expression(query)
    return None if match is None else {"match": match}


def find_cases(
    station: Station, query: str = "", *, status: CaseStatus | None = None, day: date | None = None,
    item_code: str | None = None, limit: int = 200, cursor: int | str | None = None,
) -> CaseListPage:
    """A page of the case list, newest first: a search text (as :func:`search_cases`) and the
    filters of :func:`list_cases`, all combined. Pass the page's ``cursor`` for the next page
    (an opaque value: the last case's id, or its number when the text is a case number's beginning)."""
    text = _text_condition(station, query)
    if text is None or limit < 1:
        return CaseListPage([], None)
    by_number = "case_no_prefix" in text
    rows = store.find(station.db, status=status.value if status else None,
                      day=day.strftime("%Y%m%d") if day else None, item_code=item_code or None,
                      before_id=cursor if isinstance(cursor, int) and not by_number else None,
                      before_case_no=cursor if isinstance(cursor, str) and by_number else None,
                      limit=limit, **text)
    if len(rows) < limit:
        return CaseListPage([_summary(station, r) for r in rows], None)
    last = rows[-1]
    return CaseListPage([_summary(station, r) for r in rows], last["case_no"] if by_number else last["id"])


def count_cases(
    station: Station, query: str = "", *, status: CaseStatus | None = None, day: date | None = None,
    item_code: str | None = None,
) -> int:
    """How many cases :func:`find_cases` lists for the same text and filters, over all its pages."""
    text = _text_condition(station, query)
    if text is None:
        return 0
    return store.count_matching(station.db, status=status.value if status else None,
                                day=day.strftime("%Y%m%d") if day else None, item_code=item_code or None,
                                **text)


def due_report(station: Station) -> dict[str, list[str]]:
    """Open cases due within 2 working days and overdue ones; deferred materials due."""
    today = station.today()
    out: dict[str, list[str]] = {"due_soon": [], "overdue": [], "deferred_due_soon": [], "deferred_overdue": []}
    cal = station.calendar
    for case_no, due in store.open_with_due(station.db, [s.value for s in OPEN_STATUSES]):
        if due:
            state = cal.due_state(date.fromisoformat(due), today)
            if state is DueState.DUE_SOON:
                out["due_soon"].append(case_no)
            elif state is DueState.OVERDUE:
                out["overdue"].append(case_no)
    for case_no, _item, _material, due in store.deferred_due(station.db):
        if due:
            state = cal.due_state(date.fromisoformat(due), today)
            if state is DueState.DUE_SOON:
                out["deferred_due_soon"].append(case_no)
            elif state is DueState.OVERDUE:
                out["deferred_overdue"].append(case_no)
    return out


def rates(station: Station) -> dict[str, float | int]:
    """最多跑一次 and 即办 rates over all cases."""
    db = station.db
    total = int(db.scalar("SELECT count(*) FROM cases WHERE status NOT IN ('refused', 'withdrawn', 'revoked')",
                          default=0))
    one_trip = int(db.scalar(
        "SELECT count(*) FROM cases WHERE status NOT IN ('refused', 'withdrawn', 'revoked') AND trips <= 1",
        default=0))
    instant = int(db.scalar(
        "SELECT count(*) FROM cases c WHERE status NOT IN ('refused', 'withdrawn', 'revoked') AND NOT EXISTS "
        "(SELECT 1 FROM case_items i WHERE i.case_id = c.id AND i.instant = 0)", default=0))
    return {"cases": total, "at_most_one_trip": one_trip, "instant": instant,
            "at_most_one_trip_rate": round(one_trip / total, 4) if total else 0.0,
            "instant_rate": round(instant / total, 4) if total else 0.0}
