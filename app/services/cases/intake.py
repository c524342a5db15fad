"""Cases (办件): intake — the applicant's and agent's checks, the materials against the checklist, the
counter's decision, the case number, and the journal events of intake (one transaction)."""

from __future__ import annotations

import copy
import logging
from datetime import date, datetime
from typing import Any

from app import casenumber
from app.clock import check_plausible
from app.errors import InvalidId
from app.events import Accepted, ConcludedAtIntake, CorrectionRequested, Received, Refused
from app.identity import IdCheck, IdType, check_id, phone_problem
from app.journal import EventType, verification_code
from app.models import (
    Agent,
    Case,
    CaseStatus,
    Decision,
    DeliveryMethod,
    HandlingMode,
    IntakeRequest,
    MaterialEntry,
    MaterialForm,
    MaterialState,
    Outcome,
    Party,
    PartyKind,
    ServiceItem,
    SpecialGroup,
    to_jsonable,
)
from app.services import catalogue, settings
from app.services.cases.queries import get_case
from app.services.cases.rows import groups_text, material_row
from app.services.cases.rules import ChecklistLine, Problems, checklist, decide, due_date_problem, material_required
from app.station import Station
from app.store import cases as store
from app.store import journal as journal_store
from app.store import operators as meta_store
from app.textsearch import document

log = logging.getLogger(__name__)


def _check_texts_of_party(p: Problems, party: Party) -> None:
    p.texts("applicant", {"name": party.name, "name_bo": party.name_bo})
    p.texts("applicant.address", vars(party.address))


def _checked_id(p: Problems, field: str, id_type: IdType | str, as_given: str, number: str,
                today: date) -> IdCheck | None:
    """The check of an ID number under ``field`` (applicant, agent): its result when valid, else the
    problem added (an unknown type named as the clerk gave it) and None."""
    try:
        result = check_id(id_type, number, today=today)
    except ValueError:
        p.add(f"{field}.id_type", "unknown", value=as_given)
        return None
    if not result.ok:
        p.add(f"{field}.id_number", str(result.problem))
        return None
    return result


def _check_party(p: Problems, party: Party, today: date) -> None:
    if not party.name.strip():
        p.add("applicant.name", "empty")
    _check_texts_of_party(p, party)
    id_type = IdType.uscc if party.kind is PartyKind.organisation else party.id_type
    result = _checked_id(p, "applicant", id_type, party.id_type, party.id_number, today)
    if result is not None:
        party.id_number = result.normalized
        party.id_type = result.id_type.value
    if party.phone and phone_problem(party.phone):
        p.add("applicant.phone", "bad_phone")


def _check_agent(p: Problems, agent: Agent | None, mode: HandlingMode, today: date) -> None:
    if mode is not HandlingMode.proxy:
        return
    if agent is None:
        p.add("agent", "required_for_proxy")
        return
    if not agent.name.strip():
        p.add("agent.name", "empty")
    p.text("agent.name", agent.name)
    p.texts("agent.authorisation", {"scope": agent.authorisation.scope,
                                    "document_ref": agent.authorisation.document_ref})
    result = _checked_id(p, "agent", agent.id_type, agent.id_type, agent.id_number, today)
    if result is not None:
        agent.id_number = result.normalized
    if agent.phone and phone_problem(agent.phone):
        p.add("agent.phone", "bad_phone")
    auth = agent.authorisation
    if auth.kind not in ("written", "notarised", "statutory", "village_certified"):
        p.add("agent.authorisation.kind", "unknown", value=auth.kind)
    if auth.valid_until is not None and auth.valid_until < today:
        p.add("agent.authorisation.valid_until", "expired")


def people_problems(party: Party, mode: HandlingMode, agent: Agent | None, today: date) -> list[dict[str, str]]:
    """The applicant's and the agent's problems as :func:`submit` finds them, for a form to show
    before it submits (the parties given are not changed)."""
    p = Problems()
    _check_party(p, copy.deepcopy(party), today)
    _check_agent(p, copy.deepcopy(agent), mode, today)
    return p.items


def _check_materials(
    p: Problems, lines: list[ChecklistLine], entries: list[MaterialEntry], today: date, mode: HandlingMode,
) -> list[MaterialEntry]:
    """Every checklist line with its entry. One the clerk gave none for is missing when the material
    is required (in this mode), and 无此情形 when it is situational: a notice lists only what the
    applicant needs (the required ones and the situational ones marked as applying)."""
    wanted = {(ln.item_code, ln.material.code): ln for ln in lines}
    given: dict[tuple[str, str], MaterialEntry] = {}
    for i, e in enumerate(entries):
        key = (e.item_code, e.material_code)
        if key not in wanted:
            p.add(f"materials[{i}]", "not_in_checklist", item=e.item_code, material=e.material_code)
            continue
        given[key] = e
    result: list[MaterialEntry] = []
    for key, line in wanted.items():
        required = material_required(line, mode)
        absent = MaterialState.missing if required else MaterialState.not_applicable
        e = given.get(key) or MaterialEntry(item_code=key[0], material_code=key[1], state=absent)
        m = line.material
        where = f"materials.{key[0]}.{key[1]}"
        if e.state is MaterialState.not_applicable and required:
            p.add(where, "not_applicable_required")
        if e.state is MaterialState.received:
            if e.count < 1:
                p.add(where, "count_missing")
            if e.form is None:
                e.form = MaterialForm.original if m.originals else MaterialForm.copy
        elif e.state is MaterialState.e_licence:
            if not m.e_licence_type:
                p.add(where, "no_e_licence_for_material")
            if e.licence_grade is None:
                p.add(where, "licence_grade_missing")
            e.licence_type = e.licence_type or m.e_licence_type
        elif e.state is MaterialState.deferred:
            if not m.deferrable:
                p.add(where, "not_deferrable")
            if e.due_date is None:
                p.add(where, "due_date_missing")
            elif problem := due_date_problem(e.due_date, today):
                p.add(where, problem)
        p.text(f"{where}.note", e.note)
        result.append(e)
    return result


def _due_dates(station: Station, items: list[ServiceItem], start: date) -> tuple[date, date]:
    legal = max(i.legal_days for i in items)
    promised = max(i.promised_days for i in items)
    cal = station.calendar
    return cal.add_working_days(start, legal), cal.add_working_days(start, promised)


def _resolve_items(station: Station, req: IntakeRequest, p: Problems) -> list[ServiceItem]:
    if req.bundle_code:
        bundle = catalogue.get_bundle(station, req.bundle_code)
        codes = list(bundle.item_codes)
    else:
        codes = list(dict.fromkeys(req.item_codes))
    if not codes:
        p.add("items", "empty")
    items = [catalogue.get_item(station, c) for c in codes]
    for item in items:
        kinds = set(item.body.get("applicants", {}).get("kinds", ["person", "organisation"]))
        if req.applicant.kind.value not in kinds:
            p.add(f"items.{item.code}", "applicant_kind_not_allowed", kind=req.applicant.kind.value)
        if req.delivery.method.value not in item.body.get("delivery", ["counter"]):
            p.add("delivery.method", "not_offered", item=item.code)
    return items


def check_clock(station: Station) -> None:
    """Raise :class:`ClockImplausible` when the computer's date cannot be the real one.

    A case takes its date, its number and its due dates from the computer's clock
    (``station.clock``); a dead CMOS battery or a mistyped year would give a case of 1970 or
    2099 and deadlines nobody can keep. Bounds: :func:`app.clock.check_plausible`.
    """
    created_at = meta_store.get_meta(station.db, "created_at")
    created = datetime.fromisoformat(created_at).date() if created_at else None
    last_at = station.db.scalar("SELECT at FROM events ORDER BY seq DESC LIMIT 1")
    last = datetime.fromisoformat(str(last_at)).date() if last_at else None
    check_plausible(station.today(), created=created, last=last)


def _check_texts_of_request(p: Problems, req: IntakeRequest) -> None:
    p.texts("delivery", {"address": req.delivery.address, "recipient": req.delivery.recipient,
                         "phone": req.delivery.phone})
    if req.refusal is not None:
        p.texts("refusal", {"reason": req.refusal.reason, "legal_basis": req.refusal.legal_basis,
                            "competent_authority": req.refusal.competent_authority,
                            "review_authority": req.refusal.review_authority, "court": req.refusal.court})
    if req.cross_region is not None:
        p.texts("cross_region", {"handling_site_name": req.cross_region.handling_site_name,
                                 "tracking_no": req.cross_region.tracking_no})
    p.texts("", {"commitment_text": req.commitment_text, "window": req.window, "note": req.note})
    for i, group in enumerate(req.special_groups):
        if group not in set(SpecialGroup):
            p.add(f"special_groups[{i}]", "unknown", value=str(group))


def default_correction_due(station: Station, today: date | None = None) -> date:
    """The due date a 一次性告知 gives when the clerk names none: the station's number of working days
    (``settings.correction_days``, 5 unless changed) after today."""
    days = settings.load(station).correction_days
    return station.calendar.add_working_days(today or station.today(), days)


def submit(station: Station, req: IntakeRequest) -> Case:
    """Take in an application and record the counter's decision (one transaction)."""
    check_clock(station)
    today = station.today()
    p = Problems()
    _check_party(p, req.applicant, today)
    _check_agent(p, req.agent, req.mode, today)
    id_problems = [x for x in p.items if x["field"].endswith("id_number")]
    if id_problems and len(id_problems) == len(p.items):
        p.raise_if_any(InvalidId)
    items = _resolve_items(station, req, p)
    lines = checklist(station, [i.code for i in items], req.bundle_code)
    entries = _check_materials(p, lines, req.materials, today, req.mode)
    if req.delivery.method is DeliveryMethod.post and not req.delivery.address.strip():
        p.add("delivery.address", "required_for_post")
    if req.decision is Decision.correction_notice and req.correction_due is None:
        req.correction_due = default_correction_due(station, today)  # a notice always names its date
    if req.decision is Decision.correction_notice and req.correction_due is not None:
        if problem := due_date_problem(req.correction_due, today):
            p.add("correction_due", problem)
    _check_texts_of_request(p, req)
    if req.cross_region is not None:
        if req.cross_region.handling_site == station.station_code:
            p.add("cross_region.handling_site", "same_as_intake")
        if not (req.cross_region.handling_site.isdigit() and len(req.cross_region.handling_site) in (6, 9, 12)):
            p.add("cross_region.handling_site", "bad_format")
        req.cross_region.intake_site = station.station_code
    p.raise_if_any()
    decide(req.decision, items, lines, entries, req.refusal, mode=req.mode)

    now = station.clock.now()
    stamp = now.isoformat(timespec="milliseconds")
    day = now.strftime("%Y%m%d")
    all_instant = all(i.instant for i in items)
    accepted = req.decision in (Decision.accept, Decision.deferred_material, Decision.commitment)
    status = {Decision.correction_notice: CaseStatus.correction_requested,
              Decision.refuse: CaseStatus.refused}.get(req.decision, CaseStatus.accepted)
    legal_due = promised_due = None
    if accepted:
        legal_due, promised_due = _due_dates(station, items, today)
    case_items = [
        {"item_code": i.code, "item_version": i.version, "name": i.name.zh, "legal_days": i.legal_days,
         "promised_days": i.promised_days, "instant": i.instant}
        for i in items
    ]
    material_rows = [material_row(e) for e in entries]
    window = req.window.strip() or station.window_name  # the device that took it in, when not told
    db = station.db
    with db.transaction():
        seq, reserved = station.sequence_mark.next_number(*store.counter(db, day), day)
        store.set_counter(db, day, seq, reserved)
        case_no = casenumber.make(station.station_code, day, station.device_no, seq)
        row = {
            "case_no": case_no, "station_code": station.station_code, "status": CaseStatus.received.value,
            "decision": req.decision.value, "mode": req.mode.value, "bundle_code": req.bundle_code,
            "applicant_kind": req.applicant.kind.value, "applicant_name": req.applicant.name.strip(),
            "applicant_id_type": req.applicant.id_type, "applicant_id_no": req.applicant.id_number,
            "applicant_phone": req.applicant.phone, "applicant": store.as_json(to_jsonable(req.applicant)),
            "agent": store.as_json(to_jsonable(req.agent)) if req.agent else None,
            "delivery": store.as_json(to_jsonable(req.delivery)),
            "refusal": store.as_json(to_jsonable(req.refusal)) if req.refusal else None,
            "cross_region": store.as_json(to_jsonable(req.cross_region)) if req.cross_region else None,
            "correction_due": req.correction_due.isoformat() if req.correction_due else None,
            "created_at": stamp, "created_day": day, "operator": station.operator.login,
            "window": window, "updated_at": stamp, "trips": 0, "origin": station.device_no,
            "special_groups": groups_text(req.special_groups),
        }
        case_id = store.insert_case(db, row)
        store.insert_items(db, case_id, case_items)
        store.upsert_materials(db, case_id, material_rows)
        store.insert_trip(db, case_id, stamp, "intake", station.operator.login)
        store.index_case(db, case_id, _search_doc(case_no, req.applicant, req.agent))
        station.journal(EventType.received, case_no, Received(
            applicant=to_jsonable(req.applicant), agent=to_jsonable(req.agent), mode=req.mode.value,
            bundle=req.bundle_code, items=case_items, materials=material_rows,
            delivery=to_jsonable(req.delivery), cross_region=to_jsonable(req.cross_region),
            window=window, note=req.note,
            special_groups=[g.value for g in SpecialGroup if g in req.special_groups] or None,
        ).encode())
        decision_event = _decision_event(station, case_no, req, status, today, legal_due, promised_due)
        code = verification_code(decision_event.hash)
        fields: dict[str, Any] = {"status": status.value, "verification_code": code}
        if accepted:
            assert legal_due is not None and promised_due is not None  # computed above for every accepted case
            fields.update(accepted_at=stamp, clock_start=today.isoformat(), legal_due=legal_due.isoformat(),
                          promised_due=promised_due.isoformat())
        if accepted and all_instant and req.decision is not Decision.deferred_material:
            station.journal(EventType.concluded, case_no,
                            ConcludedAtIntake(outcome=Outcome.approved.value, instant=True).encode())
            fields.update(status=CaseStatus.concluded.value, outcome=Outcome.approved.value)
        store.update_case(db, case_id, **fields)
    log.info("case %s recorded (%s)", case_no, req.decision.value)
    return get_case(station, case_no, log_access=False)


def _decision_event(
    station: Station, case_no: str, req: IntakeRequest, status: CaseStatus, today: date,
    legal_due: date | None, promised_due: date | None,
) -> journal_store.Event:
    if status is CaseStatus.refused:
        return station.journal(EventType.refused, case_no, Refused(refusal=to_jsonable(req.refusal)).encode())
    if status is CaseStatus.correction_requested:
        missing = [m.material_code for m in req.materials if m.state is MaterialState.missing]
        return station.journal(EventType.correction_requested, case_no, CorrectionRequested(
            missing=missing, due=req.correction_due.isoformat() if req.correction_due else None,
            source="counter").encode())
    return station.journal(EventType.accepted, case_no, Accepted(
        decision=req.decision.value, clock_start=today.isoformat(),
        legal_due=legal_due.isoformat() if legal_due else None,
        promised_due=promised_due.isoformat() if promised_due else None,
        commitment=req.commitment_text if req.decision is Decision.commitment else None,
        deferred=[{"material": m.material_code, "due": m.due_date.isoformat() if m.due_date else None}
                  for m in req.materials if m.state is MaterialState.deferred],
    ).encode())


def _search_doc(case_no: str, applicant: Party, agent: Agent | None) -> Any:
    names = [applicant.name, applicant.name_bo, agent.name if agent else None]
    numbers = [case_no, applicant.id_number, applicant.phone, agent.id_number if agent else None,
               agent.phone if agent else None]
    return document(names, numbers)
