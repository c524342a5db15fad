"""Cases (办件): intake and decision at the counter, and everything that happens after.

Every change writes its journal event in the same transaction as the change itself.
"""

from __future__ import annotations

import copy
import json
import logging
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from app import textcheck
from app.clock import check_plausible
from app.errors import (
    CaseNotFound,
    DecisionNotAllowed,
    InvalidId,
    InvalidTransition,
    ValidationError,
)
from app.events import (
    Accepted,
    ConcludedAtIntake,
    CorrectionRequested,
    CorrectionResumed,
    Delivered,
    Evaluated,
    MaterialSupplied,
    Posted,
    Printed,
    Received,
    Refused,
    StatusChanged,
    Trip,
)
from app.identity import IdType, check_id, mask_id, phone_problem
from app.journal import EventType, verification_code
from app.lifecycle import event_for
from app.models import (
    Address,
    Agent,
    AgentRelation,
    Authorisation,
    Case,
    CaseItem,
    CaseStatus,
    CaseSummary,
    CrossRegion,
    Decision,
    Delivery,
    DeliveryMethod,
    HandlingMode,
    IntakeRequest,
    LicenceGrade,
    Material,
    MaterialEntry,
    MaterialForm,
    MaterialState,
    Outcome,
    Party,
    PartyKind,
    Refusal,
    ServiceItem,
    to_jsonable,
)
from app.services import catalogue
from app.station import Station
from app.store import cases as store
from app.store import journal as journal_store
from app.store import operators as meta_store
from app.textsearch import classify, document, match_expression, normalize
from app.workdays import DueState

log = logging.getLogger(__name__)

OPEN_STATUSES = (CaseStatus.accepted, CaseStatus.in_progress, CaseStatus.special_procedure)

# Status changes allowed after intake (from -> to).
TRANSITIONS: dict[CaseStatus, set[CaseStatus]] = {
    CaseStatus.accepted: {CaseStatus.in_progress, CaseStatus.special_procedure, CaseStatus.concluded,
                          CaseStatus.correction_requested, CaseStatus.withdrawn},
    CaseStatus.in_progress: {CaseStatus.special_procedure, CaseStatus.concluded,
                             CaseStatus.correction_requested, CaseStatus.withdrawn},
    CaseStatus.special_procedure: {CaseStatus.in_progress, CaseStatus.concluded, CaseStatus.withdrawn},
    CaseStatus.correction_requested: {CaseStatus.accepted, CaseStatus.withdrawn, CaseStatus.refused},
    CaseStatus.concluded: {CaseStatus.delivered},
    CaseStatus.refused: set(),
    CaseStatus.delivered: set(),
    CaseStatus.withdrawn: set(),
    CaseStatus.received: {CaseStatus.accepted, CaseStatus.refused, CaseStatus.correction_requested},
}


@dataclass(frozen=True)
class ChecklistLine:
    """One material a case wants: the catalogue's material and for which item (or bundle)."""

    item_code: str
    material: Material


# A due date the clerk gives (容缺 material, 补正): after today and at most this far ahead.
MAX_DUE_AHEAD = timedelta(days=366)
# Fields typed in a box of several lines: they may hold newlines (textcheck allows no other control).
MULTILINE_FIELDS = frozenset({"note", "refusal.reason", "commitment_text", "reasons", "reason"})


class Problems:
    def __init__(self) -> None:
        self.items: list[dict[str, str]] = []

    def add(self, field: str, problem: str, **extra: Any) -> None:
        self.items.append({"field": field, "problem": problem, **{k: str(v) for k, v in extra.items()}})

    def text(self, field: str, value: str | None, multiline: bool | None = None) -> None:
        """A text a person typed (or a file brought): refused with control characters (textcheck).
        Newlines only in the fields of ``MULTILINE_FIELDS`` (unless ``multiline`` says)."""
        if isinstance(value, str):
            lines = field in MULTILINE_FIELDS if multiline is None else multiline
            bad = textcheck.find_bad(value, multiline=lines)
            if bad is not None:
                self.add(field, textcheck.BAD_CHARACTERS, detail=bad.code_point)

    def texts(self, prefix: str, values: dict[str, Any]) -> None:
        for name, value in values.items():
            self.text(f"{prefix}.{name}" if prefix else name, value)

    def raise_if_any(self, exc: type[ValidationError] = ValidationError) -> None:
        if self.items:
            raise exc("invalid input", problems=self.items)


# -- intake ----------------------------------------------------------------------------------
def checklist(station: Station, item_codes: list[str], bundle_code: str | None) -> list[ChecklistLine]:
    """The materials to tick for items or a bundle (a bundle's shared materials only once)."""
    if bundle_code:
        bundle = catalogue.get_bundle(station, bundle_code)
        return [ChecklistLine(bundle.code, m) for m, _ in catalogue.bundle_materials(station, bundle)]
    return [ChecklistLine(code, m) for code in item_codes for m in catalogue.get_item(station, code).materials]


# The catalogue's 授权委托书: an item lists it as a material "委托他人代办时提供" (not required of
# an applicant in person). In 代办 mode it is required; a checklist that does not list it gets no
# such line (清单之外无材料: nothing is asked beyond the item's list).
AUTHORISATION_LETTER = "M-AUTH-LETTER"
AUTHORISATION_LETTER_NAME = "授权委托书"


def is_authorisation_letter(material: Material) -> bool:
    """The catalogue's 授权委托书 (its code, or its Chinese name in a catalogue with other codes)."""
    return material.code == AUTHORISATION_LETTER or material.name.zh.strip() == AUTHORISATION_LETTER_NAME


def material_required(line: ChecklistLine, mode: HandlingMode) -> bool:
    """Whether the line's material is required for this handling mode."""
    return line.material.required or (mode is HandlingMode.proxy and is_authorisation_letter(line.material))


def due_date_problem(due: date, today: date) -> str | None:
    """The problem code of a due date the clerk gives (容缺 material, 补正), or None."""
    if due <= today:
        return "due_date_not_in_future"
    if due > today + MAX_DUE_AHEAD:
        return "due_date_too_far"
    return None


def _check_texts_of_party(p: Problems, party: Party) -> None:
    p.texts("applicant", {"name": party.name, "name_bo": party.name_bo})
    p.texts("applicant.address", vars(party.address))


def _check_party(p: Problems, party: Party, today: date) -> None:
    if not party.name.strip():
        p.add("applicant.name", "empty")
    _check_texts_of_party(p, party)
    id_type = IdType.uscc if party.kind is PartyKind.organisation else party.id_type
    try:
        result = check_id(id_type, party.id_number, today=today)
    except ValueError:
        p.add("applicant.id_type", "unknown", value=party.id_type)
    else:
        if not result.ok:
            p.add("applicant.id_number", str(result.problem))
        else:
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
    try:
        result = check_id(agent.id_type, agent.id_number, today=today)
    except ValueError:
        p.add("agent.id_type", "unknown", value=agent.id_type)
    else:
        if not result.ok:
            p.add("agent.id_number", str(result.problem))
        else:
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
    p: Problems, lines: list[ChecklistLine], entries: list[MaterialEntry], today: date,
) -> list[MaterialEntry]:
    """Every checklist line with its entry (missing when the clerk gave none)."""
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
        e = given.get(key) or MaterialEntry(item_code=key[0], material_code=key[1], state=MaterialState.missing)
        m = line.material
        where = f"materials.{key[0]}.{key[1]}"
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


def decide(
    decision: Decision, items: list[ServiceItem], lines: list[ChecklistLine], entries: list[MaterialEntry],
    refusal: Refusal | None, *, mode: HandlingMode,
) -> None:
    """Raise DecisionNotAllowed when the rules forbid ``decision`` for these materials (in 代办
    mode the catalogue's 授权委托书 is required: :func:`material_required`)."""
    required = {(ln.item_code, ln.material.code) for ln in lines if material_required(ln, mode)}
    state = {(e.item_code, e.material_code): e.state for e in entries}
    missing = sorted(k[1] for k in required if state.get(k) is MaterialState.missing)
    deferred = sorted(k[1] for k, s in state.items() if s is MaterialState.deferred)
    committed = sorted(k[1] for k, s in state.items() if s is MaterialState.committed)
    any_missing = sorted(k[1] for k, s in state.items() if s is MaterialState.missing)

    def deny(reason: str, **details: Any) -> None:
        raise DecisionNotAllowed(reason, reason=reason, decision=decision.value, **details)

    if decision is Decision.accept:
        if missing:
            deny("required_material_missing", materials=missing)
        if deferred:
            deny("deferred_needs_deferral_decision", materials=deferred)
        if committed:
            deny("committed_needs_commitment_decision", materials=committed)
    elif decision is Decision.deferred_material:
        if missing:
            deny("required_material_missing", materials=missing)
        if not deferred:
            deny("nothing_deferred")
        if committed:
            deny("committed_needs_commitment_decision", materials=committed)
    elif decision is Decision.commitment:
        not_allowed = [i.code for i in items if not i.commitment_allowed]
        if not_allowed:
            deny("commitment_not_allowed", items=not_allowed)
        if missing:
            deny("required_material_missing", materials=missing)
    elif decision is Decision.correction_notice:
        if not any_missing:
            deny("nothing_missing")
    elif decision is Decision.refuse:
        if refusal is None or not refusal.reason.strip():
            deny("refusal_reason_missing")
        elif not refusal.review_authority.strip() or not refusal.court.strip():
            deny("refusal_remedies_missing")


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
    entries = _check_materials(p, lines, req.materials, today)
    if req.delivery.method is DeliveryMethod.post and not req.delivery.address.strip():
        p.add("delivery.address", "required_for_post")
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
    material_rows = [_material_row(e) for e in entries]
    db = station.db
    with db.transaction():
        seq, reserved = station.sequence_mark.next_number(*store.counter(db, day), day)
        store.set_counter(db, day, seq, reserved)
        case_no = f"{station.station_code}{day}{seq:05d}"
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
            "window": req.window, "updated_at": stamp, "trips": 0,
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
            window=req.window, note=req.note,
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


def _material_row(e: MaterialEntry) -> dict[str, Any]:
    return {
        "item_code": e.item_code, "material_code": e.material_code, "state": e.state.value,
        "form": e.form.value if e.form else None, "count": e.count, "licence_type": e.licence_type,
        "licence_grade": e.licence_grade.value if e.licence_grade else None,
        "due_date": e.due_date.isoformat() if e.due_date else None, "note": e.note,
    }


def _search_doc(case_no: str, applicant: Party, agent: Agent | None) -> Any:
    names = [applicant.name, applicant.name_bo, agent.name if agent else None]
    numbers = [case_no, applicant.id_number, applicant.phone, agent.id_number if agent else None,
               agent.phone if agent else None]
    return document(names, numbers)


# -- reading ---------------------------------------------------------------------------------
def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _party(data: dict[str, Any]) -> Party:
    return Party(kind=PartyKind(data["kind"]), name=data["name"], id_type=data["id_type"],
                 id_number=data["id_number"], name_bo=data.get("name_bo", ""), phone=data.get("phone", ""),
                 address=Address(**data.get("address", {})))


def _agent(data: dict[str, Any] | None) -> Agent | None:
    if not data:
        return None
    auth = dict(data.get("authorisation") or {})
    auth["valid_until"] = _date(auth.get("valid_until"))
    return Agent(name=data["name"], id_type=data["id_type"], id_number=data["id_number"],
                 relation=AgentRelation(data["relation"]), phone=data.get("phone", ""),
                 authorisation=Authorisation(**auth))


def _entry(m: dict[str, Any]) -> MaterialEntry:
    return MaterialEntry(
        item_code=m["item_code"], material_code=m["material_code"], state=MaterialState(m["state"]),
        form=MaterialForm(m["form"]) if m["form"] else None, count=m["count"], licence_type=m["licence_type"],
        licence_grade=LicenceGrade(m["licence_grade"]) if m["licence_grade"] else None,
        due_date=_date(m["due_date"]), note=m["note"],
    )


def _load(station: Station, case_no: str) -> dict[str, Any]:
    row = store.get_row(station.db, case_no.strip())
    if row is None:
        raise CaseNotFound(case_no=case_no)
    return row


def get_case(station: Station, case_no: str, log_access: bool = True) -> Case:
    row = _load(station, case_no)
    items = [CaseItem(item_code=i["item_code"], item_version=i["item_version"], name=i["name"],
                      legal_days=i["legal_days"], promised_days=i["promised_days"], instant=bool(i["instant"]))
             for i in store.get_items(station.db, row["id"])]
    refusal = json.loads(row["refusal"]) if row["refusal"] else None
    cross = json.loads(row["cross_region"]) if row["cross_region"] else None
    delivery = json.loads(row["delivery"])
    case = Case(
        case_no=row["case_no"], station_code=row["station_code"], status=CaseStatus(row["status"]),
        decision=Decision(row["decision"]), mode=HandlingMode(row["mode"]),
        applicant=_party(json.loads(row["applicant"])),
        agent=_agent(json.loads(row["agent"]) if row["agent"] else None),
        items=items, materials=[_entry(m) for m in store.get_materials(station.db, row["id"])],
        delivery=Delivery(method=DeliveryMethod(delivery["method"]), address=delivery.get("address", ""),
                          recipient=delivery.get("recipient", ""), phone=delivery.get("phone", "")),
        created_at=datetime.fromisoformat(row["created_at"]),
        accepted_at=datetime.fromisoformat(row["accepted_at"]) if row["accepted_at"] else None,
        clock_start=_date(row["clock_start"]), legal_due=_date(row["legal_due"]),
        promised_due=_date(row["promised_due"]), verification_code=row["verification_code"],
        bundle_code=row["bundle_code"], outcome=Outcome(row["outcome"]) if row["outcome"] else None,
        refusal=Refusal(**refusal) if refusal else None, correction_due=_date(row["correction_due"]),
        cross_region=CrossRegion(**cross) if cross else None, platform_no=row["platform_no"],
        window=row["window"], operator=row["operator"], trips=row["trips"],
        updated_at=datetime.fromisoformat(row["updated_at"]),
    )
    if log_access:
        station.log_access("open", case.case_no)
    return case


def case_journal(station: Station, case_no: str) -> list[journal_store.Event]:
    _load(station, case_no)
    return journal_store.case_events(station.db, case_no)


def trips(station: Station, case_no: str) -> list[dict[str, Any]]:
    return store.get_trips(station.db, _load(station, case_no)["id"])


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
                       promised_due=due, due_state=state)


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


# -- after intake ----------------------------------------------------------------------------
def _transition(station: Station, row: dict[str, Any], to: CaseStatus) -> CaseStatus:
    current = CaseStatus(row["status"])
    if to not in TRANSITIONS[current]:
        raise InvalidTransition(case_no=row["case_no"], current=current.value, to=to.value)
    return current


def _items_of(station: Station, case_id: int) -> list[dict[str, Any]]:
    return store.get_items(station.db, case_id)


def _restart_clock(station: Station, case_id: int, start: date) -> tuple[date, date]:
    items = _items_of(station, case_id)
    cal = station.calendar
    legal = cal.add_working_days(start, max(i["legal_days"] for i in items))
    promised = cal.add_working_days(start, max(i["promised_days"] for i in items))
    return legal, promised


def supply_material(
    station: Station, case_no: str, item_code: str, material_code: str, *, form: MaterialForm = MaterialForm.original,
    count: int = 1, trip: bool = True,
) -> Case:
    """A deferred (or missing) material handed in after intake."""
    row = _load(station, case_no)
    mats = {(m["item_code"], m["material_code"]): m for m in store.get_materials(station.db, row["id"])}
    m = mats.get((item_code, material_code))
    if m is None:
        raise ValidationError("material not in case", problems=[{"field": "material", "problem": "not_in_case"}])
    if m["state"] not in (MaterialState.deferred.value, MaterialState.missing.value):
        raise InvalidTransition(case_no=case_no, current=m["state"], to="received")
    if count < 1:
        raise ValidationError("count", problems=[{"field": "count", "problem": "count_missing"}])
    stamp = station.clock.stamp()
    late = bool(m["due_date"] and date.fromisoformat(m["due_date"]) < station.today())
    with station.db.transaction():
        store.upsert_materials(station.db, row["id"], [{**m, "state": MaterialState.received.value,
                                                        "form": form.value, "count": count}])
        if trip:
            store.insert_trip(station.db, row["id"], stamp, "supply_material", station.operator.login)
        station.journal(EventType.material_supplied, case_no, MaterialSupplied(
            item=item_code, material=material_code, form=form.value, count=count,
            was=m["state"], late=late, trip=trip).encode())
        store.update_case(station.db, row["id"], updated_at=stamp)
    return get_case(station, case_no, log_access=False)


def resume_after_correction(station: Station, case_no: str, supplied: list[MaterialEntry], trip: bool = True,
                            source: str = "counter") -> Case:
    """Corrections arrived: the case is accepted again and the clock restarts the next day."""
    row = _load(station, case_no)
    _transition(station, row, CaseStatus.accepted)
    current = {(m["item_code"], m["material_code"]): m for m in store.get_materials(station.db, row["id"])}
    for e in supplied:
        if (e.item_code, e.material_code) not in current:
            raise ValidationError("material not in case", problems=[
                {"field": f"materials.{e.item_code}.{e.material_code}", "problem": "not_in_case"}])
    merged = dict(current)
    for e in supplied:
        merged[(e.item_code, e.material_code)] = _material_row(e)
    items = [catalogue.get_item(station, i["item_code"], i["item_version"]) for i in _items_of(station, row["id"])]
    if row["bundle_code"]:
        bundle = catalogue.get_bundle(station, row["bundle_code"], items[0].version)
        lines = [ChecklistLine(bundle.code, m) for m, _ in catalogue.bundle_materials(station, bundle)]
    else:
        lines = [ChecklistLine(i.code, m) for i in items for m in i.materials]
    entries = [_entry(m) for m in merged.values()]
    has_deferred = any(e.state is MaterialState.deferred for e in entries)
    decision = Decision.deferred_material if has_deferred else Decision.accept
    decide(decision, items, lines, entries, None, mode=HandlingMode(row["mode"]))
    today = station.today()
    stamp = station.clock.stamp()
    legal, promised = _restart_clock(station, row["id"], today)
    with station.db.transaction():
        store.upsert_materials(station.db, row["id"], [_material_row(e) for e in supplied])
        if trip:
            store.insert_trip(station.db, row["id"], stamp, "correction", station.operator.login)
        ev = station.journal(EventType.correction_resumed, case_no, CorrectionResumed(
            supplied=[_material_row(e) for e in supplied], clock_start=today.isoformat(),
            legal_due=legal.isoformat(), promised_due=promised.isoformat(), trip=trip, source=source).encode())
        fields: dict[str, Any] = {
            "status": CaseStatus.accepted.value, "clock_start": today.isoformat(), "legal_due": legal.isoformat(),
            "promised_due": promised.isoformat(), "updated_at": stamp, "decision": decision.value}
        if not row["accepted_at"]:
            fields.update(accepted_at=stamp, verification_code=verification_code(ev.hash))
        store.update_case(station.db, row["id"], **fields)
    return get_case(station, case_no, log_access=False)


def set_status(
    station: Station, case_no: str, to: CaseStatus, *, outcome: Outcome | None = None, note: str = "",
    source: str = "counter", platform_no: str = "",
) -> Case:
    """A status change after intake (from the counter, or from the platform when it syncs)."""
    row = _load(station, case_no)
    current = _transition(station, row, to)
    if source == "counter":  # what the platform sends is its own record, kept as it came
        _require_clean({"note": note, "platform_no": platform_no})
    if to is CaseStatus.concluded and outcome is None:
        raise ValidationError("outcome", problems=[{"field": "outcome", "problem": "required"}])
    if to is CaseStatus.accepted:
        raise InvalidTransition(case_no=case_no, current=current.value, to=to.value, hint="resume_after_correction")
    today = station.today()
    stamp = station.clock.stamp()
    fields: dict[str, Any] = {"status": to.value, "updated_at": stamp}
    event = event_for(current, to)  # by app.lifecycle.STATUS_BY_TYPE, the table the hub projects with
    extended_by: int | None = None
    if current is CaseStatus.special_procedure and row["legal_due"]:
        # A special procedure (hearing, inspection, expert review) does not count against the limits.
        started = _special_started(station, case_no)
        if started is not None:
            spent = max(0, station.calendar.working_days_between(started, today))
            cal = station.calendar
            fields["legal_due"] = cal.add_working_days(date.fromisoformat(row["legal_due"]), spent).isoformat()
            fields["promised_due"] = cal.add_working_days(date.fromisoformat(row["promised_due"]), spent).isoformat()
            extended_by = spent
    if outcome is not None:
        fields["outcome"] = outcome.value
    if platform_no:
        fields["platform_no"] = platform_no
    payload = StatusChanged(from_=current.value, to=to.value, note=note, source=source, extended_by=extended_by,
                            outcome=outcome.value if outcome is not None else None, platform_no=platform_no or None)
    with station.db.transaction():
        station.journal(event, case_no, payload.encode())
        store.update_case(station.db, row["id"], **fields)
    return get_case(station, case_no, log_access=False)


def _require_clean(fields: dict[str, Any]) -> None:
    p = Problems()
    for name, value in fields.items():
        if isinstance(value, list | tuple):
            for i, v in enumerate(value):
                p.text(f"{name}[{i}]", v, multiline=name in MULTILINE_FIELDS)
        else:
            p.text(name, value)
    p.raise_if_any()


def _special_started(station: Station, case_no: str) -> date | None:
    for ev in reversed(journal_store.case_events(station.db, case_no)):
        if ev.type == EventType.special_started:
            return datetime.fromisoformat(ev.at).date()
    return None


def deliver(
    station: Station, case_no: str, *, method: DeliveryMethod, recipient: str = "", recipient_id: str = "",
    tracking_no: str = "",
) -> Case:
    """The result handed over at the counter (a trip), posted, or sent electronically."""
    row = _load(station, case_no)
    _transition(station, row, CaseStatus.delivered)
    _require_clean({"recipient": recipient, "recipient_id": recipient_id, "tracking_no": tracking_no})
    if method is DeliveryMethod.counter and not recipient.strip():
        raise ValidationError("recipient", problems=[{"field": "recipient", "problem": "empty"}])
    if method is DeliveryMethod.post and not tracking_no.strip():
        raise ValidationError("tracking", problems=[{"field": "tracking_no", "problem": "empty"}])
    stamp = station.clock.stamp()
    with station.db.transaction():
        if method is DeliveryMethod.counter:
            store.insert_trip(station.db, row["id"], stamp, "collect_result", station.operator.login)
        station.journal(EventType.delivered, case_no, Delivered(method=method.value, recipient=recipient,
                                                                recipient_id=recipient_id,
                                                                tracking_no=tracking_no).encode())
        store.update_case(station.db, row["id"], status=CaseStatus.delivered.value, updated_at=stamp)
    return get_case(station, case_no, log_access=False)


def withdraw(station: Station, case_no: str, reason: str) -> Case:
    return set_status(station, case_no, CaseStatus.withdrawn, note=reason)


def record_trip(station: Station, case_no: str, purpose: str) -> None:
    row = _load(station, case_no)
    _require_clean({"purpose": purpose})
    stamp = station.clock.stamp()
    with station.db.transaction():
        store.insert_trip(station.db, row["id"], stamp, purpose, station.operator.login)
        station.journal(EventType.trip, case_no, Trip(purpose=purpose).encode())


def record_posting(station: Station, case_no: str, tracking_no: str) -> None:
    """Paper materials of a cross-region case sent on by post (政务专递)."""
    row = _load(station, case_no)
    _require_clean({"tracking_no": tracking_no})
    if not row["cross_region"]:
        raise InvalidTransition(case_no=case_no, current="not_cross_region", to="posted")
    cross = json.loads(row["cross_region"])
    cross["tracking_no"] = tracking_no
    with station.db.transaction():
        station.journal(EventType.posted, case_no, Posted(tracking_no=tracking_no).encode())
        store.update_case(station.db, row["id"], cross_region=store.as_json(cross), updated_at=station.clock.stamp())


def print_count(station: Station, case_no: str, kind: str) -> int:
    """How often a document of ``kind`` was printed for the case (the next copy's number)."""
    _load(station, case_no)
    return sum(1 for e in journal_store.case_events(station.db, case_no)
               if e.type in (EventType.printed, EventType.reprinted) and e.payload.get("kind") == kind)


def record_print(station: Station, case_no: str, kind: str, paper: str) -> int:
    """Journal a print; returns the copy number (0 for the first print, 1.. for reprints)."""
    previous = print_count(station, case_no, kind)
    with station.db.transaction():
        station.journal(EventType.reprinted if previous else EventType.printed, case_no,
                        Printed(kind=kind, paper=paper, copy=previous).encode())
        journal_store.log_access(station.db, at=station.clock.stamp(), operator=station.operator.login,
                                 action="print", case_no=case_no, detail=kind)
    return previous


EVALUATION_LEVELS = ("very_satisfied", "satisfied", "basically_satisfied", "dissatisfied", "very_dissatisfied")


def evaluate(station: Station, case_no: str, level: str | None, indicators: dict[str, str] | None = None,
             reasons: list[str] | None = None) -> None:
    """好差评: a five-level rating, or ``level=None`` when the citizen skipped it."""
    _load(station, case_no)
    if level is not None and level not in EVALUATION_LEVELS:
        raise ValidationError("level", problems=[{"field": "level", "problem": "unknown"}])
    if level in EVALUATION_LEVELS[3:] and not reasons:
        raise ValidationError("reasons", problems=[{"field": "reasons", "problem": "required_for_bad_rating"}])
    _require_clean({"reasons": list(reasons or []),
                    **{f"indicators.{k}": v for k, v in (indicators or {}).items()}})
    with station.db.transaction():
        station.journal(EventType.evaluated, case_no, Evaluated(level=level, skipped=level is None,
                                                                indicators=indicators or {},
                                                                reasons=reasons or []).encode())


def rates(station: Station) -> dict[str, float | int]:
    """最多跑一次 and 即办 rates over all cases."""
    db = station.db
    total = int(db.scalar("SELECT count(*) FROM cases WHERE status NOT IN ('refused', 'withdrawn')", default=0))
    one_trip = int(db.scalar(
        "SELECT count(*) FROM cases WHERE status NOT IN ('refused', 'withdrawn') AND trips <= 1", default=0))
    instant = int(db.scalar(
        "SELECT count(*) FROM cases c WHERE status NOT IN ('refused', 'withdrawn') AND NOT EXISTS "
        "(SELECT 1 FROM case_items i WHERE i.case_id = c.id AND i.instant = 0)", default=0))
    return {"cases": total, "at_most_one_trip": one_trip, "instant": instant,
            "at_most_one_trip_rate": round(one_trip / total, 4) if total else 0.0,
            "instant_rate": round(instant / total, 4) if total else 0.0}
