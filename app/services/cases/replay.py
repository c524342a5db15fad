"""Cases (办件): a case's state computed from its journal events alone (groundwork for cases shared
between the devices of a station, issue 15). Nothing here reads or writes the store.

:func:`replay` takes one case's events in journal order (for a case several devices of the station
acted on: in causal order, ``app.merge.causal_order``; ``sharing.project_case``) and returns what the
store holds for it: the :class:`~app.models.Case` that ``cases.get_case`` returns, the trips that
``cases.trips`` returns and the links of its attachments. Which status follows which event is
``app.lifecycle.STATUS_BY_TYPE``; the payloads are read through ``app.events.decode``; every other
rule is the one the write path (``intake``, ``status``, ``visits``) applies, restated per event.

What the events do not hold exactly (``FROM_EVENTS_ONLY_NEARLY`` in ``tests/test_replay.py``):
- the row's time stamps (``created_at``, ``accepted_at``, ``updated_at``, a trip's ``at``, an
  attachment's ``added_at``) are read from the clock just before the event's own ``at``; the
  replay takes the event's ``at`` (the same on a clock that stands still, milliseconds apart on a
  real one);
- after a special procedure an event written before the limits were put in it holds only the
  working days added (``extended_by``): the due dates are then counted again on the ``calendar``
  given (the station's working days; a device with other regional days would count other dates);
- a refusal or a correction due date given to ``submit`` with another decision is stored on the
  row but in no event (the window never gives them so: ``ui/intake/flow.py``).
"""

from __future__ import annotations

import copy
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from app.errors import EventMalformed
from app.events import (
    Accepted,
    Amended,
    AttachmentAdded,
    ConcludedAtIntake,
    ConflictResolved,
    CorrectionRequested,
    CorrectionResumed,
    Delivered,
    DuesRecounted,
    MaterialSupplied,
    Payload,
    Posted,
    Received,
    Refused,
    StatusChanged,
    Trip,
    decode,
)
from app.journal import Event, chain_of, verification_code
from app.lifecycle import STATUS_BY_TYPE
from app.models import (
    Case,
    CaseItem,
    CaseStatus,
    CrossRegion,
    Decision,
    Delivery,
    DeliveryMethod,
    HandlingMode,
    MaterialState,
    Outcome,
    Refusal,
)
from app.services.cases.rows import agent_of, apply_amendment, groups_of, material_entry, optional_date, party_of
from app.workdays import WorkCalendar

_MATERIAL_KEYS = ("item_code", "material_code", "state", "form", "count", "licence_type", "licence_grade",
                  "due_date", "note")


@dataclass
class CaseState:
    """A case as its events leave it: the case, its trips (``at``, ``purpose``, ``operator``, as
    ``cases.trips``) and its attachments' links (the ``case_attachments`` row with the content's
    ``mime`` and ``size``; the content itself and its pixel size are the store's own)."""

    case: Case
    trips: list[dict[str, Any]] = field(default_factory=list)
    attachments: list[dict[str, Any]] = field(default_factory=list)
    # The applicant, agent and delivery JSON objects as the case's row keeps them (amendments applied).
    docs: dict[str, Any] = field(default_factory=dict)


def replay(events: Iterable[Event], calendar: WorkCalendar) -> CaseState:
    """The state of one case from its journal events, oldest first (its ``case.received`` first).

    ``calendar``: the station's working days (due dates moved after a special procedure). Raises
    :class:`EventMalformed` for events that cannot be one case's journal (no intake first, another
    case's event, no decision at intake, an event before its case)."""
    builder: _Builder | None = None
    for ev in events:
        payload = decode(ev.type, ev.payload)
        if builder is None:
            if not isinstance(payload, Received) or ev.case_no is None:
                raise EventMalformed("a case's journal starts with its intake", payload=ev.type, key="")
            builder = _Builder(ev, payload, calendar)
        elif ev.case_no != builder.case_no:
            raise EventMalformed("an event of another case", payload=ev.type, key="case_no")
        else:
            builder.apply(ev, payload)
    if builder is None:
        raise EventMalformed("no events", payload="", key="")
    return builder.result()


def replay_case(events: Iterable[Event], calendar: WorkCalendar) -> Case:
    """The case of :func:`replay` (what ``cases.get_case`` returns)."""
    return replay(events, calendar).case


class _Builder:
    """The case's fields as the events bring them, in the store's own forms (JSON objects, ISO
    texts), turned into models once at the end."""

    def __init__(self, ev: Event, intake: Received, calendar: WorkCalendar) -> None:
        assert ev.case_no is not None
        self.case_no: str = ev.case_no
        self.calendar = calendar
        self.intake = intake
        self.station_code = ev.station
        self.origin = chain_of(ev.device)
        self.operator = ev.operator
        self.created_at = ev.at
        self.updated_at = ev.at
        self.status: CaseStatus = STATUS_BY_TYPE[ev.type]
        self.decision: Decision | None = None
        self.outcome: str | None = None
        self.refusal: dict[str, Any] | None = None
        self.correction_due: str | None = None
        self.cross_region: dict[str, Any] | None = dict(intake.cross_region) if intake.cross_region else None
        self.accepted_at: str | None = None
        self.clock_start: str | None = None
        self.legal_due: str | None = None
        self.promised_due: str | None = None
        self.verification_code = ""
        self.platform_no = ""
        # The applicant, agent and delivery as intake gave them and amendments (更正) put right.
        self.docs: dict[str, Any] = copy.deepcopy(
            {"applicant": intake.applicant, "agent": intake.agent, "delivery": intake.delivery})
        self.materials: dict[tuple[str, str], dict[str, Any]] = {}
        for m in intake.materials:
            self._put_material(m)
        self.trips: list[dict[str, Any]] = []
        self.attachments: list[dict[str, Any]] = []
        self._trip(ev, "intake")

    # -- events ---------------------------------------------------------------------------------
    def apply(self, ev: Event, p: Payload) -> None:
        status = STATUS_BY_TYPE.get(ev.type)
        if status is not None:
            self.status = status
        if isinstance(p, StatusChanged):
            self._status_changed(ev, p)
        elif isinstance(p, Accepted):  # at intake: the intake's stamp
            self.decision = Decision(p.decision)
            self.accepted_at = self.created_at
            self.clock_start, self.legal_due, self.promised_due = p.clock_start, p.legal_due, p.promised_due
            self.verification_code = verification_code(ev.hash)
        elif isinstance(p, Refused):  # at intake
            self.decision = Decision.refuse
            self.refusal = p.refusal
            self.verification_code = verification_code(ev.hash)
        elif isinstance(p, CorrectionRequested):  # at intake
            self.decision = Decision.correction_notice
            self.correction_due = p.due
            self.verification_code = verification_code(ev.hash)
        elif isinstance(p, ConcludedAtIntake):
            self.outcome = p.outcome
        elif isinstance(p, CorrectionResumed):
            self._resumed(ev, p)
        elif isinstance(p, MaterialSupplied):
            key = (p.item, p.material)
            if key not in self.materials:
                raise EventMalformed("a material not in the case", payload=ev.type, key="material")
            self.materials[key].update(state=MaterialState.received.value, form=p.form, count=p.count)
            if p.trip:
                self._trip(ev, "supply_material")
            self.updated_at = ev.at
        elif isinstance(p, Delivered):
            if p.method == DeliveryMethod.counter.value:
                self._trip(ev, "collect_result")
            self.updated_at = ev.at
        elif isinstance(p, Trip):
            self._trip(ev, p.purpose)
        elif isinstance(p, Posted):
            if self.cross_region is not None:
                self.cross_region["tracking_no"] = p.tracking_no
            self.updated_at = ev.at
        elif isinstance(p, DuesRecounted):
            self.legal_due, self.promised_due = p.legal_due, p.promised_due
            self.updated_at = ev.at
        elif isinstance(p, Amended):
            apply_amendment(self.docs, p.changes)
            self.updated_at = ev.at
        elif isinstance(p, ConflictResolved):
            # a clerk kept one of two actions that could not both stand: its status and outcome
            self.status = CaseStatus(p.status)
            self.outcome = p.outcome
            self.updated_at = ev.at
        elif isinstance(p, AttachmentAdded):
            if not any(a["sha256"] == p.sha256 for a in self.attachments):  # one link per content and case
                self.attachments.append({
                    "case_no": self.case_no, "item_code": p.item, "material_code": p.material, "sha256": p.sha256,
                    "name": p.name, "added_at": ev.at, "operator": ev.operator, "mime": p.mime, "size": p.size})
        # prints, reprints, ratings and the platform's status change nothing stored with the case

    def _status_changed(self, ev: Event, p: StatusChanged) -> None:
        """A status change after intake (``cases.set_status``, or ``deliver`` of an older shape)."""
        if p.legal_due and p.promised_due:
            # out of a special procedure: the limits its device counted
            self.legal_due, self.promised_due = p.legal_due, p.promised_due
        elif p.extended_by is not None and self.legal_due and self.promised_due:
            # out of a special procedure (an event of before the limits were written in it): the
            # limits move by the working days it took, counted on the calendar given
            cal = self.calendar
            self.legal_due = cal.add_working_days(date.fromisoformat(self.legal_due), p.extended_by).isoformat()
            self.promised_due = cal.add_working_days(date.fromisoformat(self.promised_due),
                                                     p.extended_by).isoformat()
        if p.outcome is not None:
            self.outcome = p.outcome
        if p.platform_no:
            self.platform_no = p.platform_no
        self.updated_at = ev.at

    def _resumed(self, ev: Event, p: CorrectionResumed) -> None:
        """Corrections arrived (``cases.resume_after_correction``): accepted again, the clock restarts."""
        for m in p.supplied:
            self._put_material(m)
        deferred = any(m["state"] == MaterialState.deferred.value for m in self.materials.values())
        self.decision = Decision.deferred_material if deferred else Decision.accept
        self.clock_start, self.legal_due, self.promised_due = p.clock_start, p.legal_due, p.promised_due
        if p.trip:
            self._trip(ev, "correction")
        if not self.accepted_at:
            self.accepted_at = ev.at
            self.verification_code = verification_code(ev.hash)
        self.updated_at = ev.at

    def _put_material(self, m: dict[str, Any]) -> None:
        row = {k: m.get(k) for k in _MATERIAL_KEYS}
        row["count"] = row["count"] or 0
        row["note"] = row["note"] or ""
        self.materials[(str(row["item_code"]), str(row["material_code"]))] = row

    def _trip(self, ev: Event, purpose: str) -> None:
        self.trips.append({"at": ev.at, "purpose": purpose, "operator": ev.operator})

    # -- the result -----------------------------------------------------------------------------
    def result(self) -> CaseState:
        if self.decision is None:
            raise EventMalformed("an intake without its decision", payload="case.received", key="decision")
        intake = self.intake
        delivery = self.docs["delivery"]
        case = Case(
            case_no=self.case_no, station_code=self.station_code, status=self.status,
            decision=self.decision, mode=HandlingMode(intake.mode), applicant=party_of(self.docs["applicant"]),
            agent=agent_of(self.docs["agent"]),
            items=[CaseItem(item_code=i["item_code"], item_version=i["item_version"], name=i["name"],
                            legal_days=i["legal_days"], promised_days=i["promised_days"], instant=bool(i["instant"]))
                   for i in intake.items],
            materials=[material_entry(m) for m in self.materials.values()],
            delivery=Delivery(method=DeliveryMethod(delivery["method"]), address=delivery.get("address", ""),
                              recipient=delivery.get("recipient", ""), phone=delivery.get("phone", "")),
            created_at=datetime.fromisoformat(self.created_at),
            accepted_at=datetime.fromisoformat(self.accepted_at) if self.accepted_at else None,
            clock_start=optional_date(self.clock_start), legal_due=optional_date(self.legal_due),
            promised_due=optional_date(self.promised_due), verification_code=self.verification_code,
            bundle_code=intake.bundle, outcome=Outcome(self.outcome) if self.outcome else None,
            refusal=Refusal(**self.refusal) if self.refusal else None,
            correction_due=optional_date(self.correction_due),
            cross_region=CrossRegion(**self.cross_region) if self.cross_region else None,
            platform_no=self.platform_no, window=intake.window, operator=self.operator, trips=len(self.trips),
            updated_at=datetime.fromisoformat(self.updated_at), origin=self.origin,
            special_groups=groups_of(intake.special_groups),
        )
        return CaseState(case=case, trips=[dict(t) for t in self.trips],
                         attachments=[dict(a) for a in self.attachments], docs=copy.deepcopy(self.docs))
