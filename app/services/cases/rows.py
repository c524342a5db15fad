"""Cases (办件): a case's stored rows and the models they stand for (both ways), and the row of a case
by its number."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from app import merge
from app.errors import CaseNotFound
from app.journal import chain_of
from app.models import (
    Address,
    Agent,
    AgentRelation,
    Authorisation,
    CaseConflict,
    CaseStatus,
    ConflictAction,
    LicenceGrade,
    MaterialEntry,
    MaterialForm,
    MaterialState,
    Party,
    PartyKind,
    SpecialGroup,
)
from app.station import Station
from app.store import cases as store
from app.store import peers as peer_store


def material_row(e: MaterialEntry) -> dict[str, Any]:
    """A material entry as the store keeps it (and as intake's and correction's events carry it)."""
    return {
        "item_code": e.item_code, "material_code": e.material_code, "state": e.state.value,
        "form": e.form.value if e.form else None, "count": e.count, "licence_type": e.licence_type,
        "licence_grade": e.licence_grade.value if e.licence_grade else None,
        "due_date": e.due_date.isoformat() if e.due_date else None, "note": e.note,
    }


def optional_date(value: str | None) -> date | None:
    """A stored ISO date, or None."""
    return date.fromisoformat(value) if value else None


def party_of(data: dict[str, Any]) -> Party:
    """The applicant from its stored JSON."""
    return Party(kind=PartyKind(data["kind"]), name=data["name"], id_type=data["id_type"],
                 id_number=data["id_number"], name_bo=data.get("name_bo", ""), phone=data.get("phone", ""),
                 address=Address(**data.get("address", {})))


def agent_of(data: dict[str, Any] | None) -> Agent | None:
    """The agent (代办人) from its stored JSON, or None."""
    if not data:
        return None
    auth = dict(data.get("authorisation") or {})
    auth["valid_until"] = optional_date(auth.get("valid_until"))
    return Agent(name=data["name"], id_type=data["id_type"], id_number=data["id_number"],
                 relation=AgentRelation(data["relation"]), phone=data.get("phone", ""),
                 authorisation=Authorisation(**auth))


def material_entry(m: dict[str, Any]) -> MaterialEntry:
    """A stored material row as an entry (the inverse of :func:`material_row`)."""
    return MaterialEntry(
        item_code=m["item_code"], material_code=m["material_code"], state=MaterialState(m["state"]),
        form=MaterialForm(m["form"]) if m["form"] else None, count=m["count"], licence_type=m["licence_type"],
        licence_grade=LicenceGrade(m["licence_grade"]) if m["licence_grade"] else None,
        due_date=optional_date(m["due_date"]), note=m["note"],
    )


def load_row(station: Station, case_no: str) -> dict[str, Any]:
    """The stored row of the case numbered ``case_no``; :class:`CaseNotFound` when there is none."""
    row = store.get_row(station.db, case_no.strip())
    if row is None:
        raise CaseNotFound(case_no=case_no)
    return row


def causal_after(station: Station, case_no: str) -> list[str] | None:
    """The ``after`` of the next event of a case: the hashes of its latest events (own and other
    devices'), when another device's event of the case is here (``app.merge``); None otherwise, so a
    case that stayed on this device writes the very payloads it always did."""
    if not peer_store.has_peer_events(station.db, case_no):
        return None
    return peer_store.case_heads(station.db, case_no)


def conflict_of(stored: str | None) -> CaseConflict | None:
    """A case's open conflict from its stored JSON (``cases.conflict``), or None."""
    if not stored:
        return None
    data = json.loads(stored)
    return CaseConflict(actions=tuple(
        ConflictAction(hash=a["hash"], type=a["type"], status=CaseStatus(a["status"]), outcome=a.get("outcome"),
                       at=a["at"], operator=a["operator"], device=a["device"])
        for a in data.get("actions", [])))


def conflict_json(graph: merge.CausalGraph) -> str | None:
    """A case's open conflict as ``cases.conflict`` stores it (None: none): the hashes of its
    actions, and what each was (type, the status and outcome it led to, when, who, which device)."""
    merged = graph.merged()
    if not merged.conflicts:
        return None
    actions = []
    hashes = merged.conflicts[0].events
    for h in hashes:
        ev = graph.order[graph.index[h]]
        at_it = graph.merged(upto=h)
        assert at_it.status is not None  # an action of a conflict bears a status
        actions.append({"hash": h, "type": ev.type, "status": at_it.status.value, "outcome": at_it.outcome,
                        "at": ev.at, "operator": ev.operator, "device": chain_of(ev.device)})
    return json.dumps({"events": list(hashes), "actions": actions}, ensure_ascii=False, sort_keys=True)


def refresh_conflict(station: Station, row: dict[str, Any]) -> None:
    """After a status change on a case in conflict: the change was written after every action of the
    conflict (``causal_after``), so it may have ended it (``app.merge``); store what is still open."""
    if row["conflict"] is None:
        return
    graph = merge.CausalGraph(peer_store.events_of_case(station.db, row["case_no"]))
    store.update_case(station.db, row["id"], conflict=conflict_json(graph))


def groups_of(stored: Any) -> list[SpecialGroup]:
    """特殊群体 from the row's text ("elderly,disabled") or an event's list; codes this version does not
    know are left out (an event from a newer program)."""
    codes = stored.split(",") if isinstance(stored, str) else stored if isinstance(stored, list) else []
    known = {g.value for g in SpecialGroup}
    return [SpecialGroup(c) for c in dict.fromkeys(str(c) for c in codes) if c in known]


def groups_text(groups: list[SpecialGroup]) -> str:
    """The row's form of the groups: their codes in the enum's order, comma-separated."""
    return ",".join(g.value for g in SpecialGroup if g in groups)


# 更正: the details of a submitted case that may be put right (``cases.amend``), each the JSON object
# it lives in (the row's applicant, agent and delivery) and its place there.
AMENDABLE: dict[str, tuple[str, tuple[str, ...]]] = {
    "applicant.name": ("applicant", ("name",)),
    "applicant.name_bo": ("applicant", ("name_bo",)),
    "applicant.id_number": ("applicant", ("id_number",)),
    "applicant.phone": ("applicant", ("phone",)),
    "applicant.address": ("applicant", ("address", "detail")),
    "agent.name": ("agent", ("name",)),
    "agent.id_number": ("agent", ("id_number",)),
    "agent.phone": ("agent", ("phone",)),
    "delivery.address": ("delivery", ("address",)),
    "delivery.phone": ("delivery", ("phone",)),
}


def amended_value(docs: dict[str, Any], field: str) -> str | None:
    """The value of an amendable field in the case's JSON objects (None: the case has no such object)."""
    doc_name, path = AMENDABLE[field]
    node = docs.get(doc_name)
    for key in path[:-1]:
        if not isinstance(node, dict):
            return None
        node = node.get(key)
    if not isinstance(node, dict):
        return None
    value = node.get(path[-1], "")
    return value if isinstance(value, str) else str(value or "")


def apply_amendment(docs: dict[str, Any], changes: list[Any]) -> None:
    """Put an amendment's changes (``[{"field", "old", "new"}]``) into the case's JSON objects
    (``{"applicant": …, "agent": …, "delivery": …}``, changed in place); a field this version does
    not know, or an object the case lacks, is left alone (an event from a newer program)."""
    for change in changes:
        if not isinstance(change, dict) or change.get("field") not in AMENDABLE:
            continue
        doc_name, path = AMENDABLE[str(change["field"])]
        node = docs.get(doc_name)
        for key in path[:-1]:
            if not isinstance(node, dict):
                break
            node = node.setdefault(key, {})
        if isinstance(node, dict):
            node[path[-1]] = str(change.get("new", ""))
