"""Cases (办件): the citizen's rating of a case (好差评)."""

from __future__ import annotations

from app.errors import ValidationError
from app.events import Evaluated
from app.journal import EventType
from app.services.cases.rows import causal_after, load_row
from app.services.cases.rules import require_clean
from app.station import Station

EVALUATION_LEVELS = ("very_satisfied", "satisfied", "basically_satisfied", "dissatisfied", "very_dissatisfied")


def evaluate(station: Station, case_no: str, level: str | None, indicators: dict[str, str] | None = None,
             reasons: list[str] | None = None) -> None:
    """好差评: a five-level rating, or ``level=None`` when the citizen skipped it."""
    load_row(station, case_no)
    if level is not None and level not in EVALUATION_LEVELS:
        raise ValidationError("level", problems=[{"field": "level", "problem": "unknown"}])
    if level in EVALUATION_LEVELS[3:] and not reasons:
        raise ValidationError("reasons", problems=[{"field": "reasons", "problem": "required_for_bad_rating"}])
    require_clean({"reasons": list(reasons or []),
                   **{f"indicators.{k}": v for k, v in (indicators or {}).items()}})
    with station.db.transaction():
        station.journal(EventType.evaluated, case_no, Evaluated(level=level, skipped=level is None,
                                                                indicators=indicators or {},
                                                                reasons=reasons or [],
                                                                after=causal_after(station, case_no)).encode())
