"""Journal events as types: one frozen dataclass per event payload, each with ``encode`` (the dict
the journal stores, byte-identical to what the program always wrote) and ``decode`` (tolerant of
every payload ever written: unknown keys kept, keys added later optional).

Producers write ``station.journal(type, case_no, SomePayload(...).encode())``; readers call
``decode(event.type, event.payload)``. Which status follows which event is ``app.lifecycle``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from app.errors import EventMalformed
from app.events.base import Payload
from app.events.case import (
    CASE_PAYLOADS,
    Accepted,
    Amended,
    AttachmentAdded,
    CommitmentChecked,
    ConcludedAtIntake,
    ConflictResolved,
    CorrectionRequested,
    CorrectionResumed,
    Delivered,
    DuesRecounted,
    Evaluated,
    MaterialSupplied,
    PlatformStatus,
    Posted,
    Printed,
    Received,
    Rectified,
    Refused,
    Revisited,
    StatusChanged,
    Trip,
)
from app.events.station import (
    STATION_PAYLOADS,
    CatalogueActivated,
    CatalogueImported,
    Consultation,
    DataExported,
    HubSet,
    OperatorAdded,
    OperatorChanged,
    Rekeyed,
    SettingsChanged,
    Verified,
)

__all__ = [
    "PAYLOADS",
    "Accepted",
    "Amended",
    "AttachmentAdded",
    "CatalogueActivated",
    "CatalogueImported",
    "CommitmentChecked",
    "ConcludedAtIntake",
    "ConflictResolved",
    "Consultation",
    "CorrectionRequested",
    "CorrectionResumed",
    "DataExported",
    "Delivered",
    "DuesRecounted",
    "Evaluated",
    "HubSet",
    "MaterialSupplied",
    "OperatorAdded",
    "OperatorChanged",
    "Payload",
    "PlatformStatus",
    "Posted",
    "Printed",
    "Received",
    "Rectified",
    "Refused",
    "Rekeyed",
    "Revisited",
    "SettingsChanged",
    "StatusChanged",
    "Trip",
    "Verified",
    "decode",
]


def _by_type() -> dict[str, tuple[type[Payload], ...]]:
    table: dict[str, tuple[type[Payload], ...]] = {}
    for cls in (*CASE_PAYLOADS, *STATION_PAYLOADS):
        for t in cls.TYPES:
            table[str(t)] = (*table.get(str(t), ()), cls)
    return table


# Every event type a station writes (or ever wrote), with its payload shapes in the order tried.
PAYLOADS: dict[str, tuple[type[Payload], ...]] = _by_type()


def decode(type: str, payload: Mapping[str, Any]) -> Payload:
    """The typed payload of a stored event; raises EventMalformed for a type no program wrote or a
    payload of no known shape."""
    shapes = PAYLOADS.get(type)
    if not shapes:
        raise EventMalformed(f"unknown event type {type}", payload=type, key="")
    for cls in shapes[:-1]:
        if cls.fits(payload):
            return cls.decode(payload)
    return shapes[-1].decode(payload)
