"""The platform's picture of a station's cases, projected from the events the station pushed:
status (by ``app.lifecycle.STATUS_BY_TYPE``, the station's own table), outcome, platform number,
items and applicant's name."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from app.journal import EventType
from app.lifecycle import STATUS_BY_TYPE
from app.models import CaseStatus, Outcome
from hub import db
from sync import protocol

__all__ = ["STATUS_BY_TYPE", "apply_event", "items_names"]


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


def apply_event(case: db.Case, ev: protocol.WireEvent, now: dt.datetime) -> None:
    """Bring ``case`` up to date with one of its station's events (stored just now)."""
    payload = ev.payload
    if ev.type == EventType.received:
        case.items = json.dumps(items_names(payload.get("items")), ensure_ascii=False)
        applicant = payload.get("applicant")
        if isinstance(applicant, dict) and isinstance(applicant.get("name"), str):
            case.applicant_name = applicant["name"][:200]
    status = STATUS_BY_TYPE.get(ev.type)
    # A station's echo of a status the platform itself set carries nothing new, and arriving late it
    # would take the case back to an older status: the platform's own set-status already applied it.
    if payload.get("source") == "platform":
        status = None
    if status is not None and (case.status_seq is None or ev.seq > case.status_seq):
        case.status = status.value
        case.status_seq = ev.seq
        if status is CaseStatus.concluded:
            outcome = payload.get("outcome")
            case.outcome = outcome if outcome in {o.value for o in Outcome} else None
    platform_no = payload.get("platform_no")
    if isinstance(platform_no, str) and platform_no:
        case.platform_no = platform_no[:100]
    case.updated_at = now
