"""Which case status follows which journal event: one table for the station's life cycle
(``app.services.cases``) and the platform's picture of a station's cases (``hub.projection``).
Events not named here (trips, prints, evaluations, postings, material supplied) leave the status
as it is."""

from __future__ import annotations

from app.journal import EventType
from app.models import CaseStatus

STATUS_BY_TYPE: dict[str, CaseStatus] = {
    EventType.received: CaseStatus.received,
    EventType.accepted: CaseStatus.accepted,
    EventType.refused: CaseStatus.refused,
    EventType.correction_requested: CaseStatus.correction_requested,
    EventType.correction_resumed: CaseStatus.accepted,
    EventType.in_progress: CaseStatus.in_progress,
    EventType.special_started: CaseStatus.special_procedure,
    EventType.special_ended: CaseStatus.in_progress,
    EventType.concluded: CaseStatus.concluded,
    EventType.delivered: CaseStatus.delivered,
    EventType.withdrawn: CaseStatus.withdrawn,
    EventType.revoked: CaseStatus.revoked,
}

# Events that only ever leave one status: a special procedure ends, a correction is resumed.
LEAVES: dict[str, CaseStatus] = {
    EventType.special_ended: CaseStatus.special_procedure,
    EventType.correction_resumed: CaseStatus.correction_requested,
}


def event_for(current: CaseStatus, to: CaseStatus) -> EventType:
    """The event that takes a case from ``current`` to ``to`` (by ``STATUS_BY_TYPE``): the one that
    leaves ``current`` if there is one (in progress again after a special procedure), else the
    status's own. Whether the change is allowed at all is the caller's (``cases.TRANSITIONS``)."""
    leading = [EventType(t) for t, status in STATUS_BY_TYPE.items() if status is to]
    for t in leading:
        if LEAVES.get(t) is current:
            return t
    for t in leading:
        if t not in LEAVES:
            return t
    raise KeyError(to)
