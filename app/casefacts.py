"""What the reports and the 好差评 loop need of a case beyond its row, folded from its events.

A case's row (``cases``) says where the case stands; the reports also ask *when* it was concluded,
what the citizen rated it (好差评: the first rating only, later ones are 追评) and where its 差评
work item stands (整改, 回访). :func:`fold` brings one event into a case's :class:`Facts`. It is
the one definition of these facts: the station folds each event as it is stored (its own and the
other devices', ``app.store.facts``) and the platform folds the events the devices pushed
(``hub.reports``), so both count alike.

The fold gives the same result whatever order the events come in (devices push out of order): every
fact is the earliest of its kind by the event's time stamp (``at``; then the device and its journal
position break a tie), and a rating its device wrote as a follow-up (追评) comes after every rating
written as the first.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from app.journal import EventType
from app.models import BAD_RATINGS, Evaluation

FOLDED_TYPES = frozenset({EventType.concluded, EventType.evaluated, EventType.rectified, EventType.revisited})
_LEVELS = {e.value for e in Evaluation}
_BAD = {e.value for e in BAD_RATINGS}


@dataclass(frozen=True)
class Facts:
    case_no: str
    concluded_at: str | None = None  # the first 办结 (ISO stamp)
    rating: str | None = None  # the case's rating (``models.Evaluation``): its first, never replaced
    rated_at: str | None = None
    rating_key: str = ""  # the rating's place (``place_key``: the earliest wins)
    ratings: int = 0  # every rating given, skips not counted (the first and its 追评)
    bad: str | None = None  # the first 差评 (the rating or a 追评): the case's work item
    bad_at: str | None = None
    bad_key: str = ""
    rectify_due: str | None = None  # ISO date, from the 差评's event
    rectified_at: str | None = None
    rectified_key: str = ""
    rectified_by: str = ""
    rectify_note: str = ""
    revisited_at: str | None = None
    revisited_key: str = ""
    revisited_by: str = ""
    revisit_result: str = ""  # ``models.RevisitResult``
    revisit_method: str = ""  # ``models.RevisitMethod``
    revisit_note: str = ""

    @property
    def bad_open(self) -> bool:
        """A 差评 not yet revisited (the dashboard shows it until it is)."""
        return self.bad is not None and self.revisited_at is None


def place_key(at: str, device: str, seq: int, follow_up: bool = False) -> str:
    """An event's place among the case's events of its kind: the earliest key wins."""
    return f"{int(follow_up)}|{at}|{device}|{seq:012d}"


def fold(facts: Facts | None, *, case_no: str, type: str, at: str, device: str, seq: int, operator: str,
         payload: Mapping[str, Any]) -> Facts:
    """``facts`` with one more of the case's events (a type outside ``FOLDED_TYPES`` changes nothing)."""
    f = facts or Facts(case_no=case_no)
    key = place_key(at, device, seq, bool(payload.get("follow_up")) if type == EventType.evaluated else False)
    if type == EventType.concluded:
        if f.concluded_at is None or at < f.concluded_at:
            f = replace(f, concluded_at=at)
    elif type == EventType.evaluated:
        level = payload.get("level")
        if payload.get("skipped") or level not in _LEVELS:
            return f
        f = replace(f, ratings=f.ratings + 1)
        if not f.rating_key or key < f.rating_key:
            f = replace(f, rating=str(level), rated_at=at, rating_key=key)
        if level in _BAD and (not f.bad_key or key < f.bad_key):
            due = payload.get("rectify_due")
            f = replace(f, bad=str(level), bad_at=at, bad_key=key,
                        rectify_due=due if isinstance(due, str) else None)
    elif type == EventType.rectified:
        if not f.rectified_key or key < f.rectified_key:
            f = replace(f, rectified_at=at, rectified_key=key, rectified_by=operator,
                        rectify_note=str(payload.get("note") or ""))
    elif type == EventType.revisited:
        if not f.revisited_key or key < f.revisited_key:
            f = replace(f, revisited_at=at, revisited_key=key, revisited_by=operator,
                        revisit_result=str(payload.get("result") or ""),
                        revisit_method=str(payload.get("method") or ""), revisit_note=str(payload.get("note") or ""))
    return f
