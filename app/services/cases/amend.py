"""更正: the details of a submitted case put right — a typo in the applicant's or the agent's name, ID
number or phone, an address — with a reason. The change is journaled (``case.amended``, each field
with its old and new value, so the old value stays in the journal), the case's row and search index
follow, and every later print shows the corrected data (as a copy when the document was printed
before). A clerk may amend on the day of intake; after that, an administrator."""

from __future__ import annotations

import json
import logging
from typing import Any

from app.errors import PermissionDenied, ValidationError
from app.events import Amended
from app.identity import IdType, check_id, phone_problem
from app.journal import EventType
from app.models import Case, PartyKind
from app.services.cases.queries import get_case
from app.services.cases.rows import AMENDABLE, amended_value, apply_amendment, causal_after, load_row
from app.services.cases.rules import Problems
from app.station import Station
from app.store import cases as store
from app.textsearch import document

log = logging.getLogger(__name__)

REASON_MAX = 500


def _docs(row: dict[str, Any]) -> dict[str, Any]:
    def loaded(value: Any) -> Any:
        return json.loads(value) if isinstance(value, str) and value else None

    return {"applicant": loaded(row["applicant"]), "agent": loaded(row["agent"]), "delivery": loaded(row["delivery"])}


def _check_value(p: Problems, field: str, value: str, docs: dict[str, Any], station: Station) -> str:
    """The value as it is stored (an ID number normalised), its problems added to ``p``."""
    p.text(field, value, multiline=False)
    if field.endswith(".name") and not value:
        p.add(field, "empty")
    elif field.endswith(".id_number"):
        owner = docs["applicant"] if field.startswith("applicant") else docs["agent"]
        id_type = str(owner.get("id_type", IdType.resident_id.value))
        if field.startswith("applicant") and owner.get("kind") == PartyKind.organisation.value:
            id_type = IdType.uscc.value
        try:
            result = check_id(id_type, value, today=station.today())
        except ValueError:
            p.add(field, "unknown")
            return value
        if not result.ok:
            p.add(field, str(result.problem))
            return value
        return result.normalized
    elif field.endswith(".phone") and value and phone_problem(value):
        p.add(field, "bad_phone")
    return value


def may_amend(station: Station, case: Case) -> bool:
    """An administrator always; a clerk on the day the case was taken in."""
    return station.is_admin or case.created_at.date() == station.today()


def amend(station: Station, case_no: str, changes: dict[str, str], reason: str) -> Case:
    """Put right the given fields (``rows.AMENDABLE`` names them) of a case, with the reason."""
    case = get_case(station, case_no, log_access=False)
    if not may_amend(station, case):
        raise PermissionDenied(required="admin", reason="amend_after_intake_day")
    row = load_row(station, case_no)
    docs = _docs(row)
    p = Problems()
    reason = reason.strip()
    if not reason:
        p.add("reason", "empty")
    elif len(reason) > REASON_MAX:
        p.add("reason", "too_long")
    p.text("reason", reason, multiline=True)
    done: list[dict[str, str]] = []
    for field, raw in changes.items():
        if field not in AMENDABLE:
            p.add(field, "unknown")
            continue
        old = amended_value(docs, field)
        if old is None:
            p.add(field, "not_in_case")
            continue
        new = _check_value(p, field, raw.strip(), docs, station)
        if new != old:
            done.append({"field": field, "old": old, "new": new})
    if not done and not p.items:
        p.add("changes", "unchanged")
    p.raise_if_any(ValidationError)
    apply_amendment(docs, done)
    applicant = docs["applicant"]
    fields: dict[str, Any] = {
        "applicant": store.as_json(applicant), "applicant_name": applicant["name"].strip(),
        "applicant_id_no": applicant["id_number"], "applicant_phone": applicant.get("phone", ""),
        "delivery": store.as_json(docs["delivery"]), "updated_at": station.clock.stamp(),
    }
    if docs["agent"] is not None:
        fields["agent"] = store.as_json(docs["agent"])
    agent = docs["agent"] or {}
    search = document([applicant["name"], applicant.get("name_bo"), agent.get("name")],
                      [case_no, applicant["id_number"], applicant.get("phone"), agent.get("id_number"),
                       agent.get("phone")])
    with station.db.transaction():
        station.journal(EventType.amended, case_no, Amended(
            changes=done, reason=reason, after=causal_after(station, case_no)).encode())
        store.update_case(station.db, int(row["id"]), **fields)
        store.index_case(station.db, int(row["id"]), search, replace=True)
    log.info("case %s amended (%s)", case_no, ", ".join(c["field"] for c in done))
    return get_case(station, case_no, log_access=False)
