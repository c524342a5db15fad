"""The platform's picture of a station's cases, projected from the events its devices pushed:
outcome, platform number, items and applicant's name as each event comes (``apply_details``), and
the status and open conflict merged from all of the case's events, whichever device wrote them
(``project_statuses``: ``app.merge.merged_status``, statuses by ``app.lifecycle.STATUS_BY_TYPE``).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.journal import Event, EventType
from app.lifecycle import STATUS_BY_TYPE
from app.merge import merged_status
from app.models import Outcome
from hub import db
from sync import protocol

__all__ = ["STATUS_BY_TYPE", "apply_details", "bears_status", "items_names", "project_statuses"]

_CHUNK = 400
_OUTCOMES = {o.value for o in Outcome}


def items_names(items: Any) -> list[str]:
    """The item names of an intake's ``items`` (objects with a name, or plain names)."""
    names = []
    if isinstance(items, list):
        for item in items:
            if isinstance(item, dict) and isinstance(item.get("name"), str):
                names.append(item["name"])
            elif isinstance(item, str):
                names.append(item)
    return names


def bears_status(event_type: str) -> bool:
    """Whether an event of this type can change a case's status (and so its merge)."""
    return event_type in STATUS_BY_TYPE or event_type == EventType.conflict_resolved


def apply_details(case: db.Case, ev: protocol.WireEvent, now: dt.datetime) -> None:
    """Bring what ``case`` shows besides its status up to date with one event (stored just now)."""
    payload = ev.payload
    if ev.type == EventType.received:
        case.items = json.dumps(items_names(payload.get("items")), ensure_ascii=False)
        applicant = payload.get("applicant")
        if isinstance(applicant, dict) and isinstance(applicant.get("name"), str):
            case.applicant_name = applicant["name"][:200]
    if ev.type == EventType.amended:  # 更正: the applicant's name put right
        for change in payload.get("changes") or []:
            if isinstance(change, dict) and change.get("field") == "applicant.name" and \
                    isinstance(change.get("new"), str) and change["new"]:
                case.applicant_name = change["new"][:200]
    platform_no = payload.get("platform_no")
    if isinstance(platform_no, str) and platform_no:
        case.platform_no = platform_no[:100]
    case.updated_at = now


def _event(row: db.StoredEvent) -> Event:
    return Event(seq=row.seq, event_id=row.event_id, station=row.station, case_no=row.case_no, type=row.type,
                 at=row.at, operator=row.operator, device=row.device, payload=json.loads(row.payload),
                 prev_hash=row.prev_hash, hash=row.hash)


def _reached(events: Iterable[Event], status: str) -> bool:
    """Whether the station's events bring the case to ``status`` (its echo of the platform's status, or
    its own action to the same status, after which it applies the platform's without an echo)."""
    return any(STATUS_BY_TYPE.get(ev.type) is not None
               and ev.payload.get("to", STATUS_BY_TYPE[ev.type].value) == status for ev in events)


def status_of(events: Sequence[Event], platform: tuple[str | None, str | None] = (None, None),
              ) -> tuple[str | None, str | None, list[str] | None]:
    """A case's status, outcome and open conflict (the hashes of its actions) merged from its events
    (every device's), as the station merges them. ``platform``: the status and outcome the platform
    last set itself; it stands until the station's events reach that status (its echo of it, or its own
    action to it), since no event the station wrote before knew of it (a late event must not take the
    case back)."""
    merged = merged_status(events)
    platform_status, platform_outcome = platform
    if platform_status is not None and not _reached(events, platform_status):
        return platform_status, platform_outcome if platform_outcome in _OUTCOMES else None, None
    status = merged.status.value if merged.status is not None else None
    conflict = list(merged.conflicts[0].events) if merged.conflicts else None
    return status, merged.outcome if merged.outcome in _OUTCOMES else None, conflict


def project_statuses(session: Session, cases: Sequence[db.Case]) -> None:
    """Merge the status of each of ``cases`` from all its events held (the session's included)."""
    by_no = {case.case_no: case for case in cases}
    for start in range(0, len(by_no), _CHUNK):
        numbers = sorted(by_no)[start:start + _CHUNK]
        events: dict[str, list[Event]] = {}
        for row in session.scalars(select(db.StoredEvent).where(db.StoredEvent.case_no.in_(numbers))):
            events.setdefault(str(row.case_no), []).append(_event(row))
        for number, held in events.items():
            case = by_no[number]
            status, outcome, conflict = status_of(held, (case.platform_status, case.platform_outcome))
            if status is None:
                continue
            case.status = status
            case.conflict = json.dumps(conflict) if conflict else None
            if outcome is not None:
                case.outcome = outcome
