"""Cases (办件): the citizen's rating of a case (好差评)."""

from __future__ import annotations

from app import merge
from app.errors import ValidationError
from app.events import Evaluated
from app.journal import EventType
from app.services.cases.rows import causal_after, load_row
from app.services.cases.rules import require_clean
from app.station import Station
from app.store import peers as peer_store

EVALUATION_LEVELS = ("very_satisfied", "satisfied", "basically_satisfied", "dissatisfied", "very_dissatisfied")


def rating_of(station: Station, case_no: str) -> str | None:
    """The case's rating (好差评): the level of its first rating that was not skipped, or None. One
    rating per case: later ones are follow-ups (追评), a 差评 is never replaced."""
    for ev in merge.causal_order(peer_store.events_of_case(station.db, case_no)):
        if ev.type == EventType.evaluated and not ev.payload.get("skipped") and ev.payload.get("level") \
                and not ev.payload.get("follow_up"):
            return str(ev.payload["level"])
    return None


def evaluate(station: Station, case_no: str, level: str | None, indicators: dict[str, str] | None = None,
             reasons: list[str] | None = None) -> bool:
    """好差评: a five-level rating, or ``level=None`` when the citizen skipped it. A case has one
    rating: once it has one, a further rating is kept as a follow-up (追评) beside it, never in its
    place (a 差评 stays the case's rating); a skip after it records nothing. Returns whether this
    one is a follow-up."""
    load_row(station, case_no)
    if level is not None and level not in EVALUATION_LEVELS:
        raise ValidationError("level", problems=[{"field": "level", "problem": "unknown"}])
    if level in EVALUATION_LEVELS[3:] and not reasons:
        raise ValidationError("reasons", problems=[{"field": "reasons", "problem": "required_for_bad_rating"}])
    require_clean({"reasons": list(reasons or []),
                   **{f"indicators.{k}": v for k, v in (indicators or {}).items()}})
    follow_up = rating_of(station, case_no) is not None
    if follow_up and level is None:
        return True  # the citizen rated already: a skip adds nothing
    with station.db.transaction():
        station.journal(EventType.evaluated, case_no, Evaluated(level=level, skipped=level is None,
                                                                indicators=indicators or {},
                                                                reasons=reasons or [], follow_up=follow_up or None,
                                                                after=causal_after(station, case_no)).encode())
    return follow_up
