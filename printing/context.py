"""What a document needs to know about a case, gathered once from the store."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from app.guide import Commitment, commitment_terms
from app.journal import EventType
from app.models import Case
from app.services import cases, catalogue
from app.station import Station
from app.store import operators as op_store

# The events of the counter's decision on an application: a notice is issued on that day.
DECISIONS = frozenset({EventType.accepted.value, EventType.refused.value, EventType.correction_requested.value})


@dataclass(frozen=True)
class ItemInfo:
    code: str
    name: str
    name_bo: str
    department: str
    conditions: str
    result: str
    consult_phone: str
    legal_days: int
    promised_days: int
    instant: bool
    commitment_allowed: bool = False
    commitment: Commitment | None = None  # the catalogue's 告知承诺 terms (承诺内容, 违诺责任, 核查)


@dataclass(frozen=True)
class PrintContext:
    case: Case
    station_code: str
    station_name: str
    clerk: str
    items: list[ItemInfo]
    material_names: dict[str, str] = field(default_factory=dict)
    commitment_text: str = ""
    delivered: dict[str, str] = field(default_factory=dict)  # recipient, tracking_no, at, once delivered
    decided_on: date | None = None  # the day of the counter's decision (the notices' issue date)
    printed_on: date | None = None  # the station's today when the context was read
    revoked: dict[str, str] = field(default_factory=dict)  # at (date), reason: a 容缺 acceptance revoked


def context_for(station: Station, case_no: str) -> PrintContext:
    case = cases.get_case(station, case_no, log_access=False)
    infos: list[ItemInfo] = []
    names: dict[str, str] = {}
    for ci in case.items:
        item = catalogue.get_item(station, ci.item_code, ci.item_version)
        body = item.body
        infos.append(ItemInfo(
            code=item.code, name=item.name.zh, name_bo=item.name.bo or "", department=item.department.zh,
            conditions=body.get("conditions", {}).get("zh", ""),
            result=body.get("result", {}).get("name", {}).get("zh", ""), consult_phone=body.get("consult_phone", ""),
            legal_days=ci.legal_days, promised_days=ci.promised_days, instant=ci.instant,
            commitment_allowed=item.commitment_allowed,
            commitment=commitment_terms(body) if item.commitment_allowed else None,
        ))
        for m in item.materials:
            names.setdefault(m.code, m.name.zh)
    commitment = ""
    delivered: dict[str, str] = {}
    decided_on: date | None = None
    revoked: dict[str, str] = {}
    for ev in cases.case_journal(station, case_no):
        if ev.type in DECISIONS and decided_on is None:
            decided_on = datetime.fromisoformat(ev.at).date()
        if ev.type == EventType.revoked.value:
            revoked = {"at": ev.at[:10], "reason": str(ev.payload.get("note", ""))}
        if ev.type == "case.accepted" and ev.payload.get("commitment"):
            commitment = str(ev.payload["commitment"])
        elif ev.type == "case.delivered":
            delivered = {"recipient": str(ev.payload.get("recipient", "")),
                         "tracking_no": str(ev.payload.get("tracking_no", "")), "at": ev.at[:16].replace("T", " ")}
    # The clerk's name from the store alone (Station.operators() would read the key file for lock states).
    row = op_store.get_operator(station.db, case.operator)
    clerk = str(row["display_name"]) if row else case.operator
    return PrintContext(case=case, station_code=station.station_code, station_name=station.station_name,
                        clerk=clerk, items=infos, material_names=names, commitment_text=commitment,
                        delivered=delivered, decided_on=decided_on or case.created_at.date(),
                        printed_on=station.today(), revoked=revoked)
