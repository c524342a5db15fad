"""Cases (办件): the citizen's rating of a case (好差评) and the 差评 loop — rectification (整改) and
the revisit (回访) of every bad rating.

One rating per case (seed 000 §12, the national rule that each case is rated once): the first
rating is the case's; a later one is kept as a follow-up (追评) beside it and never replaces it, so a
差评 stays a 差评. A bad rating, first or follow-up, opens the case's 差评 work item with a
rectification due date (the station's ``rectify_days`` working days); the station records what it
put right (``case.rectified``) and the revisit's result (``case.revisited``), which ends it. Every
step is an event that reaches the platform. The facts are folded from the events
(``app.casefacts``, ``app.store.facts``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.casefacts import Facts
from app.errors import DecisionNotAllowed, ValidationError
from app.events import Evaluated, Rectified, Revisited
from app.journal import EventType
from app.models import BAD_RATINGS, Evaluation, RevisitMethod, RevisitResult
from app.services import settings
from app.services.cases.rows import causal_after, load_row
from app.services.cases.rules import require_clean
from app.station import Station
from app.store import facts as facts_store

EVALUATION_LEVELS = tuple(e.value for e in Evaluation)


def facts_of(station: Station, case_no: str) -> Facts:
    """The case's report facts (its rating, its 差评 work item); empty ones for a case without any."""
    return facts_store.get(station.db, case_no.strip()) or Facts(case_no=case_no.strip())


def rating_of(station: Station, case_no: str) -> str | None:
    """The case's rating: the level of its first rating that was not skipped, or None."""
    return facts_of(station, case_no).rating


def evaluate(station: Station, case_no: str, level: str | None, indicators: dict[str, str] | None = None,
             reasons: list[str] | None = None) -> bool:
    """好差评: a five-level rating, or ``level=None`` when the citizen skipped it. Once the case has a
    rating, this one is journaled as a follow-up (追评) beside it; a 差评 gets its rectification due
    date. Returns whether it is a follow-up."""
    load_row(station, case_no)
    if level is not None and level not in EVALUATION_LEVELS:
        raise ValidationError("level", problems=[{"field": "level", "problem": "unknown"}])
    if level in EVALUATION_LEVELS[3:] and not reasons:
        raise ValidationError("reasons", problems=[{"field": "reasons", "problem": "required_for_bad_rating"}])
    require_clean({"reasons": list(reasons or []),
                   **{f"indicators.{k}": v for k, v in (indicators or {}).items()}})
    due = None
    if level is not None and Evaluation(level) in BAD_RATINGS:
        due = station.calendar.add_working_days(station.today(), settings.load(station).rectify_days).isoformat()
    with station.db.transaction():
        follow_up = rating_of(station, case_no) is not None
        station.journal(EventType.evaluated, case_no, Evaluated(
            level=level, skipped=level is None, indicators=indicators or {}, reasons=reasons or [],
            follow_up=follow_up or None, rectify_due=due, after=causal_after(station, case_no)).encode())
    return follow_up


def _open_item(station: Station, case_no: str) -> Facts:
    load_row(station, case_no)
    f = facts_of(station, case_no)
    if f.bad is None:
        raise DecisionNotAllowed("no_bad_rating", reason="no_bad_rating", case_no=case_no)
    if f.revisited_at is not None:
        raise DecisionNotAllowed("bad_rating_closed", reason="bad_rating_closed", case_no=case_no)
    return f


def _note(note: str) -> str:
    note = note.strip()
    if not note:
        raise ValidationError("note", problems=[{"field": "note", "problem": "empty"}])
    require_clean({"note": note})
    return note


def rectify(station: Station, case_no: str, note: str) -> Facts:
    """差评整改: what was put right (required), journaled as ``case.rectified``. Once only."""
    note = _note(note)
    with station.db.transaction():
        f = _open_item(station, case_no)
        if f.rectified_at is not None:
            raise DecisionNotAllowed("already_rectified", reason="already_rectified", case_no=case_no)
        station.journal(EventType.rectified, case_no, Rectified(note=note, after=causal_after(station, case_no))
                        .encode())
    return facts_of(station, case_no)


def revisit(station: Station, case_no: str, result: RevisitResult | str, method: RevisitMethod | str,
            note: str) -> Facts:
    """差评回访: the citizen asked again after the rectification (which comes first), with the result
    and how they were asked; journaled as ``case.revisited``. The work item ends with it."""
    if result not in set(RevisitResult):
        raise ValidationError("result", problems=[{"field": "result", "problem": "unknown"}])
    if method not in set(RevisitMethod):
        raise ValidationError("method", problems=[{"field": "method", "problem": "unknown"}])
    note = note.strip()
    require_clean({"note": note})
    with station.db.transaction():
        f = _open_item(station, case_no)
        if f.rectified_at is None:
            raise DecisionNotAllowed("not_rectified", reason="not_rectified", case_no=case_no)
        station.journal(EventType.revisited, case_no, Revisited(
            result=RevisitResult(result).value, method=RevisitMethod(method).value, note=note,
            after=causal_after(station, case_no)).encode())
    return facts_of(station, case_no)


@dataclass(frozen=True)
class BadRating:
    """A line of the 差评 work list."""

    case_no: str
    applicant_name: str
    items: str
    facts: Facts

    @property
    def due(self) -> date | None:
        return date.fromisoformat(self.facts.rectify_due) if self.facts.rectify_due else None

    def overdue(self, today: date) -> bool:
        return self.facts.rectified_at is None and self.due is not None and self.due < today


def bad_ratings(station: Station, open_only: bool = True, limit: int = 200) -> tuple[list[BadRating], int]:
    """The 差评 work list (open ones: not yet revisited), the soonest rectification due first; and how
    many there are in all."""
    rows, total = facts_store.bad_ratings(station.db, open_only, limit)
    return [BadRating(case_no=f.case_no, applicant_name=name, items=items, facts=f) for f, name, items in rows], total
