"""The payloads of the station's own events (``app.journal.StationEventType``; no case)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import field
from typing import Any, Self

from app.events.base import Payload, optional
from app.journal import StationEventType


class OperatorChanged(Payload):
    """An operator's account disabled, unlocked, recovered or given a new password (by login)."""

    TYPES = (StationEventType.operator_disabled, StationEventType.operator_unlocked,
             StationEventType.password_changed, StationEventType.recovered)
    login: str


class OperatorAdded(Payload):
    TYPES = (StationEventType.operator_added,)
    login: str
    role: str


class Rekeyed(Payload):
    """The store re-encrypted under a new data key (``epoch``: the key's number)."""

    TYPES = (StationEventType.rekeyed,)
    epoch: int


class SettingsChanged(Payload):
    """The station's settings as saved: every setting by name (``app.services.settings``); the
    names grew over versions, so they are one mapping rather than fields."""

    TYPES = (StationEventType.settings_changed,)
    values: dict[str, Any] = field(default_factory=dict)

    def encode(self) -> dict[str, Any]:
        return {**self.values, **self.extra}

    @classmethod
    def decode(cls, payload: Mapping[str, Any]) -> Self:
        return cls(values=dict(payload)) if isinstance(payload, Mapping) else super().decode(payload)


class Verified(Payload):
    """The journal and store checked (``events``: how many events the chain held)."""

    TYPES = (StationEventType.verified,)
    ok: bool
    events: int


class HubSet(Payload):
    """The station enrolled with a hub, or told that its hub moved (the hub's address)."""

    TYPES = (StationEventType.enrolled, StationEventType.hub_moved)
    hub: str


class CatalogueImported(Payload):
    """A version of the service catalogue (事项清单) imported: its hash and size."""

    TYPES = (StationEventType.catalogue_imported,)
    version: str
    sha256: str
    items: int
    bundles: int


class CatalogueActivated(Payload):
    """An administrator chose which catalogue version is in use (a local import over the platform's)."""

    TYPES = (StationEventType.catalogue_activated,)
    version: str
    source: str


class Consultation(Payload):
    """咨询 (首问负责): a question answered at the window that did not become a case, by its item
    (a catalogue code, or "" for another matter) and how it was answered (``models.ConsultAnswer``);
    a name and phone only when the citizen agreed (``consent``)."""

    TYPES = (StationEventType.consultation,)
    item: str
    answer: str
    consent: bool
    name: str | None = optional()
    phone: str | None = optional()
    note: str | None = optional()


class DataExported(Payload):
    """Personal data written to a file (``app.services.exports``): which list, of which days, how many
    rows, in which format, whether ID numbers and phones were masked, and why (an unmasked export
    must say why; only an administrator makes one)."""

    TYPES = (StationEventType.data_exported,)
    kind: str
    period: str
    rows: int
    format: str
    masked: bool
    reason: str


STATION_PAYLOADS: tuple[type[Payload], ...] = (
    OperatorChanged, OperatorAdded, Rekeyed, SettingsChanged, Verified, HubSet, CatalogueImported, Consultation,
    CatalogueActivated, DataExported,
)
