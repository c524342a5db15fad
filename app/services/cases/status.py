"""Cases (办件): after intake — status changes (from the counter or the platform), materials supplied,
corrections, conclusion, delivery, withdrawal, and the revocation of an overdue 容缺 acceptance."""

from __future__ import annotations

import logging
from datetime import date, datetime
from typing import Any

from app import merge
from app.errors import DecisionNotAllowed, InvalidTransition, ValidationError
from app.events import (
    CommitmentChecked,
    CorrectionResumed,
    Delivered,
    DuesRecounted,
    MaterialSupplied,
    StatusChanged,
)
from app.journal import EventType, verification_code
from app.lifecycle import event_for
from app.models import (
    Case,
    CaseStatus,
    CommitmentResult,
    Decision,
    DeliveryMethod,
    HandlingMode,
    MaterialEntry,
    MaterialForm,
    MaterialState,
    Outcome,
)
from app.services import catalogue
from app.services.cases.queries import get_case
from app.services.cases.rows import causal_after, load_row, material_entry, material_row, refresh_conflict
from app.services.cases.rules import OPEN_STATUSES, TRANSITIONS, ChecklistLine, decide, require_clean
from app.station import Station
from app.store import cases as store
from app.store import peers as peer_store

log = logging.getLogger(__name__)

# A case that has ended without a result: nothing more is handed in for it.
CLOSED_STATUSES = frozenset({CaseStatus.refused.value, CaseStatus.withdrawn.value, CaseStatus.revoked.value})


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
    """A deferred (or missing) material handed in after intake (not to a case that has ended)."""
    row = load_row(station, case_no)
    if row["status"] in CLOSED_STATUSES:
        raise InvalidTransition(case_no=case_no, current=row["status"], to="material_supplied")
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
            was=m["state"], late=late, trip=trip, after=causal_after(station, case_no)).encode())
        store.update_case(station.db, row["id"], updated_at=stamp)
    return get_case(station, case_no, log_access=False)


def resume_after_correction(station: Station, case_no: str, supplied: list[MaterialEntry], trip: bool = True,
                            source: str = "counter") -> Case:
    """Corrections arrived: the case is accepted again and the clock restarts the next day."""
    row = load_row(station, case_no)
    _transition(station, row, CaseStatus.accepted)
    current = {(m["item_code"], m["material_code"]): m for m in store.get_materials(station.db, row["id"])}
    for e in supplied:
        if (e.item_code, e.material_code) not in current:
            raise ValidationError("material not in case", problems=[
                {"field": f"materials.{e.item_code}.{e.material_code}", "problem": "not_in_case"}])
    merged = dict(current)
    for e in supplied:
        merged[(e.item_code, e.material_code)] = material_row(e)
    items = [catalogue.get_item(station, i["item_code"], i["item_version"]) for i in _items_of(station, row["id"])]
    if row["bundle_code"]:
        bundle = catalogue.get_bundle(station, row["bundle_code"], items[0].version)
        lines = [ChecklistLine(bundle.code, m) for m, _ in catalogue.bundle_materials(station, bundle)]
    else:
        lines = [ChecklistLine(i.code, m) for i in items for m in i.materials]
    entries = [material_entry(m) for m in merged.values()]
    has_deferred = any(e.state is MaterialState.deferred for e in entries)
    decision = Decision.deferred_material if has_deferred else Decision.accept
    decide(decision, items, lines, entries, None, mode=HandlingMode(row["mode"]))
    today = station.today()
    stamp = station.clock.stamp()
    legal, promised = _restart_clock(station, row["id"], today)
    with station.db.transaction():
        store.upsert_materials(station.db, row["id"], [material_row(e) for e in supplied])
        if trip:
            store.insert_trip(station.db, row["id"], stamp, "correction", station.operator.login)
        ev = station.journal(EventType.correction_resumed, case_no, CorrectionResumed(
            supplied=[material_row(e) for e in supplied], clock_start=today.isoformat(),
            legal_due=legal.isoformat(), promised_due=promised.isoformat(), trip=trip, source=source,
            after=causal_after(station, case_no)).encode())
        fields: dict[str, Any] = {
            "status": CaseStatus.accepted.value, "clock_start": today.isoformat(), "legal_due": legal.isoformat(),
            "promised_due": promised.isoformat(), "updated_at": stamp, "decision": decision.value}
        if not row["accepted_at"]:
            fields.update(accepted_at=stamp, verification_code=verification_code(ev.hash))
        store.update_case(station.db, row["id"], **fields)
        refresh_conflict(station, row)
    return get_case(station, case_no, log_access=False)


def set_status(
    station: Station, case_no: str, to: CaseStatus, *, outcome: Outcome | None = None, note: str = "",
    source: str = "counter", platform_no: str = "",
) -> Case:
    """A status change after intake (from the counter, or from the platform when it syncs)."""
    row = load_row(station, case_no)
    current = _transition(station, row, to)
    if source == "counter":  # what the platform sends is its own record, kept as it came
        require_clean({"note": note, "platform_no": platform_no})
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
                            outcome=outcome.value if outcome is not None else None, platform_no=platform_no or None,
                            legal_due=fields.get("legal_due"), promised_due=fields.get("promised_due"),
                            after=causal_after(station, case_no))
    with station.db.transaction():
        station.journal(event, case_no, payload.encode())
        store.update_case(station.db, row["id"], **fields)
        refresh_conflict(station, row)
    return get_case(station, case_no, log_access=False)


def _special_started(station: Station, case_no: str) -> date | None:
    for ev in reversed(merge.causal_order(peer_store.events_of_case(station.db, case_no))):
        if ev.type == EventType.special_started:
            return datetime.fromisoformat(ev.at).date()
    return None


def deliver(
    station: Station, case_no: str, *, method: DeliveryMethod, recipient: str = "", recipient_id: str = "",
    tracking_no: str = "",
) -> Case:
    """The result handed over at the counter (a trip), posted, or sent electronically."""
    row = load_row(station, case_no)
    _transition(station, row, CaseStatus.delivered)
    require_clean({"recipient": recipient, "recipient_id": recipient_id, "tracking_no": tracking_no})
    if method is DeliveryMethod.counter and not recipient.strip():
        raise ValidationError("recipient", problems=[{"field": "recipient", "problem": "empty"}])
    if method is DeliveryMethod.post and not tracking_no.strip():
        raise ValidationError("tracking", problems=[{"field": "tracking_no", "problem": "empty"}])
    stamp = station.clock.stamp()
    with station.db.transaction():
        if method is DeliveryMethod.counter:
            store.insert_trip(station.db, row["id"], stamp, "collect_result", station.operator.login)
        station.journal(EventType.delivered, case_no, Delivered(
            method=method.value, recipient=recipient, recipient_id=recipient_id, tracking_no=tracking_no,
            after=causal_after(station, case_no)).encode())
        store.update_case(station.db, row["id"], status=CaseStatus.delivered.value, updated_at=stamp)
        refresh_conflict(station, row)
    return get_case(station, case_no, log_access=False)


def withdraw(station: Station, case_no: str, reason: str) -> Case:
    return set_status(station, case_no, CaseStatus.withdrawn, note=reason)


def overdue_deferred(station: Station, case: Case) -> list[MaterialEntry]:
    """The case's deferred (容缺) materials not supplied by their due date."""
    today = station.today()
    return [m for m in case.materials
            if m.state is MaterialState.deferred and m.due_date is not None and m.due_date < today]


def revoke_acceptance(station: Station, case_no: str, reason: str) -> Case:
    """撤销受理决定: an administrator revokes a 容缺 acceptance whose deferred material was not supplied
    by its due date, as the 容缺受理通知书 and the applicant's pledge say (with a reason, journaled as
    ``case.acceptance_revoked``; the case is then closed, and its 撤销受理决定通知书 can be printed).
    Refused when no deferred material is overdue (``nothing_overdue``)."""
    station.require_admin()
    reason = reason.strip()
    if not reason:
        raise ValidationError("reason", problems=[{"field": "reason", "problem": "empty"}])
    case = get_case(station, case_no, log_access=False)
    if CaseStatus.revoked not in TRANSITIONS[case.status]:
        raise InvalidTransition(case_no=case_no, current=case.status.value, to=CaseStatus.revoked.value)
    if not overdue_deferred(station, case):
        raise DecisionNotAllowed("nothing_overdue", reason="nothing_overdue", case_no=case_no)
    return set_status(station, case_no, CaseStatus.revoked, note=reason)


def check_commitment(station: Station, case_no: str, result: CommitmentResult | str, note: str) -> Case:
    """告知承诺核查: the check after approval of a case decided on the applicant's written commitment
    records that the commitment was fulfilled or breached (a breach needs a note saying what was
    found). Journaled as ``case.commitment_checked``; the case's status is not changed here (what a
    breach leads to is a decision of its own)."""
    case = get_case(station, case_no, log_access=False)
    if case.decision is not Decision.commitment:
        raise DecisionNotAllowed("not_a_commitment_case", reason="not_a_commitment_case", case_no=case_no)
    if result not in set(CommitmentResult):
        raise ValidationError("result", problems=[{"field": "result", "problem": "unknown"}])
    note = note.strip()
    if CommitmentResult(result) is CommitmentResult.breached and not note:
        raise ValidationError("note", problems=[{"field": "note", "problem": "empty"}])
    require_clean({"note": note})
    with station.db.transaction():
        station.journal(EventType.commitment_checked, case_no, CommitmentChecked(
            result=CommitmentResult(result).value, note=note, after=causal_after(station, case_no)).encode())
        store.update_case(station.db, int(load_row(station, case_no)["id"]), updated_at=station.clock.stamp())
    return get_case(station, case_no, log_access=False)


def recount_dues(station: Station, reason: str = "calendar") -> list[str]:
    """Count the limits of every open case again with the station's calendar as it now stands, from
    the case's own events (the clock's start at acceptance or after corrections, the working days a
    special procedure added); a case whose dates come out different gets them, journaled as
    ``case.dues_recounted``. Called when a calendar arrives: a year counted with the law's holidays
    only (暂定) then has its official holidays and make-up working days. Returns the cases changed."""
    db = station.db
    cal = station.calendar
    open_statuses = [s.value for s in OPEN_STATUSES]
    marks = ", ".join("?" for _ in open_statuses)
    numbers = [str(r[0]) for r in db.all(
        f"SELECT case_no FROM cases WHERE status IN ({marks}) AND promised_due IS NOT NULL", open_statuses)]
    changed: list[str] = []
    for case_no in numbers:
        row = load_row(station, case_no)
        items = _items_of(station, int(row["id"]))
        if not items:
            continue
        legal_days = max(i["legal_days"] for i in items)
        promised_days = max(i["promised_days"] for i in items)
        legal = promised = None
        for ev in merge.causal_order(peer_store.events_of_case(db, case_no)):
            start = ev.payload.get("clock_start") if ev.type in (EventType.accepted, EventType.correction_resumed) \
                else None
            if isinstance(start, str) and start:
                legal = cal.add_working_days(date.fromisoformat(start), legal_days)
                promised = cal.add_working_days(date.fromisoformat(start), promised_days)
            extended = ev.payload.get("extended_by")
            if isinstance(extended, int) and extended and legal is not None and promised is not None \
                    and ev.payload.get("from") is not None:
                legal = cal.add_working_days(legal, extended)
                promised = cal.add_working_days(promised, extended)
        if legal is None or promised is None:
            continue
        if (legal.isoformat(), promised.isoformat()) == (row["legal_due"], row["promised_due"]):
            continue
        with db.transaction():
            station.journal(EventType.dues_recounted, case_no, DuesRecounted(
                legal_due=legal.isoformat(), promised_due=promised.isoformat(), reason=reason,
                after=causal_after(station, case_no)).encode())
            store.update_case(db, int(row["id"]), legal_due=legal.isoformat(), promised_due=promised.isoformat(),
                              updated_at=station.clock.stamp())
        changed.append(case_no)
    if changed:
        log.info("limits counted again for %d open cases (%s)", len(changed), reason)
    return changed
