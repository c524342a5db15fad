"""The intake's logic without widgets: what an item or bundle brings to the flow, which decisions
the core allows, the applicant checks, the documents that fit a decision, attachments after submit.

Functions taking a ``Station`` run on the worker (``session.run``); the others are pure.
Problems use the core's field names (``applicant.id_number``, ``materials.<item>.<material>``,
``delivery.address``…), so a step shows the core's own ``ValidationError`` the same way.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from app.errors import AttachmentError, BianminError, DecisionNotAllowed
from app.models import (
    Bundle,
    Case,
    CaseStatus,
    Decision,
    HandlingMode,
    MaterialEntry,
    Refusal,
    ServiceItem,
    Text,
)
from app.services import attachments, cases, catalogue
from app.services.cases import ChecklistLine
from app.station import Station

log = logging.getLogger(__name__)

DEFERRAL_WORKING_DAYS = 10  # the default due date of a deferred material (the clerk may change it)

# The steps of the flow, in order (indices into IntakePage.steps).
FIND, APPLICANT, MATERIALS, DECISION, DELIVERY, DONE = range(6)


@dataclass(frozen=True)
class Chosen:
    """An item or a bundle picked at step 1, with everything the later steps need."""

    kind: str  # "item" or "bundle"
    code: str
    name: Text
    items: tuple[ServiceItem, ...]
    bundle: Bundle | None
    lines: tuple[ChecklistLine, ...]
    wanted_by: dict[str, tuple[str, ...]] = field(default_factory=dict)  # material code -> item codes
    default_due: date | None = None

    @property
    def item_codes(self) -> list[str]:
        return [i.code for i in self.items]

    @property
    def bundle_code(self) -> str | None:
        return self.bundle.code if self.bundle else None

    @property
    def instant(self) -> bool:
        return all(i.instant for i in self.items)

    @property
    def commitment_allowed(self) -> bool:
        return all(i.commitment_allowed for i in self.items)

    @property
    def delivery_methods(self) -> list[str]:
        """The delivery methods every item offers, in the catalogue's order."""
        return catalogue.delivery_offered(self.items)


def load_choice(station: Station, kind: str, code: str) -> Chosen:
    """On the worker: the item or bundle, its items and its checklist."""
    if kind == "bundle":
        bundle = catalogue.get_bundle(station, code)
        items = tuple(catalogue.get_item(station, c, bundle.version) for c in bundle.item_codes)
        wanted = {m.code: tuple(codes) for m, codes in catalogue.bundle_materials(station, bundle)}
        name = bundle.name
    else:
        bundle = None
        item = catalogue.get_item(station, code)
        items = (item,)
        wanted = {m.code: (item.code,) for m in item.materials}
        name = item.name
    lines = tuple(cases.checklist(station, [i.code for i in items], bundle.code if bundle else None))
    due = station.calendar.add_working_days(station.today(), DEFERRAL_WORKING_DAYS)
    return Chosen(kind=kind, code=code, name=name, items=items, bundle=bundle, lines=lines, wanted_by=wanted,
                  default_due=due)


def allowed_decisions(chosen: Chosen, entries: list[MaterialEntry], refusal: Refusal | None,
                      mode: HandlingMode) -> dict[Decision, DecisionNotAllowed | None]:
    """Each decision with the core's reason against it (``None``: allowed). Pure; run on the worker."""
    out: dict[Decision, DecisionNotAllowed | None] = {}
    for decision in Decision:
        try:
            cases.decide(decision, list(chosen.items), list(chosen.lines), entries, refusal, mode=mode)
        except DecisionNotAllowed as exc:
            out[decision] = exc
        else:
            out[decision] = None
    return out


SUGGESTION_ORDER = (Decision.accept, Decision.deferred_material, Decision.commitment, Decision.correction_notice)


def suggested(allowed: dict[Decision, DecisionNotAllowed | None]) -> Decision | None:
    """The decision to preselect while the clerk has not picked one (never a refusal)."""
    return next((d for d in SUGGESTION_ORDER if d in allowed and allowed[d] is None), None)


def step_of(problem_field: str) -> int:
    """The step that shows a problem of this field (the summary when no step does)."""
    if problem_field.startswith(("applicant", "agent")):
        return APPLICANT
    if problem_field.startswith("materials"):
        return MATERIALS
    if problem_field.startswith("items"):
        return FIND
    if problem_field.startswith(("refusal", "correction_due", "commitment")):
        return DECISION
    return DELIVERY


def documents_for(case: Case) -> list[str]:
    """The documents (``printing.Kind`` values) that fit the case's decision, the first to print first."""
    kinds = {
        Decision.accept: ["receipt"],
        Decision.deferred_material: ["receipt", "deferral"],
        Decision.commitment: ["receipt", "commitment"],
        Decision.correction_notice: ["correction"],
        Decision.refuse: ["refusal"],
    }[case.decision]
    if case.agent is not None:
        kinds.append("authorisation")
    return kinds


def concluded_on_the_spot(case: Case) -> bool:
    return case.status is CaseStatus.concluded


@dataclass
class AttachResult:
    added: int = 0
    failed: list[tuple[str, BianminError]] = field(default_factory=list)  # (file name, error)


def add_attachments(station: Station, case_no: str, files: dict[tuple[str, str], list[Path]]) -> AttachResult:
    """On the worker, after submit: each kept scan becomes the case's attachment; failures are listed."""
    result = AttachResult()
    for (item_code, material_code), paths in files.items():
        for path in paths:
            try:
                attachments.add_file(station, case_no, item_code, material_code, path)
            except BianminError as exc:
                result.failed.append((path.name, exc))
            except OSError as exc:
                log.warning("scan not readable: %s", type(exc).__name__)
                result.failed.append((path.name, AttachmentError("unreadable", name=path.name)))
            else:
                result.added += 1
    return result
