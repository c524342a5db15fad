"""Which case status follows which journal event: one table for the station's life cycle and the
platform's picture of a station's cases (``hub.projection``). Events not named here (trips,
prints, evaluations, postings, material supplied) leave the status as it is."""

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
}
