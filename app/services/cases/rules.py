"""Cases (办件): the rules every use case shares — the statuses and which follows which, the lines of a
checklist, the decision rules at the counter, and the check of the texts a person typed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from app import textcheck
from app.errors import DecisionNotAllowed, ValidationError
from app.models import CaseStatus, Decision, HandlingMode, Material, MaterialEntry, MaterialState, Refusal, ServiceItem
from app.services import catalogue
from app.station import Station

OPEN_STATUSES = (CaseStatus.accepted, CaseStatus.in_progress, CaseStatus.special_procedure)

# Status changes allowed after intake (from -> to).
TRANSITIONS: dict[CaseStatus, set[CaseStatus]] = {
    CaseStatus.accepted: {CaseStatus.in_progress, CaseStatus.special_procedure, CaseStatus.concluded,
                          CaseStatus.correction_requested, CaseStatus.withdrawn, CaseStatus.revoked},
    CaseStatus.in_progress: {CaseStatus.special_procedure, CaseStatus.concluded,
                             CaseStatus.correction_requested, CaseStatus.withdrawn, CaseStatus.revoked},
    CaseStatus.special_procedure: {CaseStatus.in_progress, CaseStatus.concluded, CaseStatus.withdrawn,
                                   CaseStatus.revoked},
    CaseStatus.correction_requested: {CaseStatus.accepted, CaseStatus.withdrawn, CaseStatus.refused},
    CaseStatus.concluded: {CaseStatus.delivered},
    CaseStatus.refused: set(),
    CaseStatus.delivered: set(),
    CaseStatus.withdrawn: set(),
    CaseStatus.revoked: set(),
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


def require_clean(fields: dict[str, Any]) -> None:
    """Raise ValidationError when a text (or a text of a list) holds a character textcheck refuses."""
    p = Problems()
    for name, value in fields.items():
        if isinstance(value, list | tuple):
            for i, v in enumerate(value):
                p.text(f"{name}[{i}]", v, multiline=name in MULTILINE_FIELDS)
        else:
            p.text(name, value)
    p.raise_if_any()
