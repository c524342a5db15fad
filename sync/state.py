"""What the station keeps of its link to the platform, as one typed definition.

The enrolment (hub address, device key, the hub's keys and certificate, the device number the hub
enrolled), the pull cursors (the platform's updates, the other devices' events), the station's
devices as the hub last listed them, the centre's relay and how far this device exchanged with it,
the clock offset learned from the hub's answers and the outcome of the last round live in the
station's ``meta`` table under ``sync.*`` keys. This module is the only place those key strings
are written down: everything else reads a :class:`SyncState` with :func:`load` and writes one
back with :func:`save`, which writes only the keys whose value changed, each in the text format
the station has always stored (a station enrolled by an older version reads as it always did).

Read and write inside one transaction (``with db.transaction(): save(db, load(db).with_...)``),
so a second connection's change between the two (the window's sync thread, a ``bianmin sync``
in a terminal) is never written over.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from app.store import operators as meta
from app.store.db import Database
from sync.protocol.devices import DeviceInfo


@dataclass(frozen=True)
class Enrolment:
    """The platform this station is enrolled with (all "" before enrolment)."""

    hub_url: str = ""  # without a trailing slash
    device_key: str = ""  # the device's Ed25519 private key, base64 (``protocol.b64``)
    hub_signing_key: str = ""  # the hub's public keys from the enrolment answer, as the hub sent them
    hub_box_key: str = ""
    certificate: str = ""  # the hub's certificate of the device key, JSON text ("" from older hubs)
    region: str = ""
    ca_bundle: str = ""  # a CA file for the hub's TLS certificate, "" for the system's
    enrolled_at: str = ""  # the station's stamp of the enrolment
    # The device number the hub enrolled this key as ("00".."99"); "" when enrolled before devices
    # existed (or by a hub that knows none): requests are then signed with the bare station code.
    device: str = ""

    @property
    def enrolled(self) -> bool:
        return bool(self.device_key)

    def key_id(self, station_code: str) -> str:
        """The keyid of this device's request signatures: ``<station>.<device>`` once the hub has
        enrolled a device number, the bare station code (device 00 at the hub) before."""
        return f"{station_code}.{self.device}" if self.device else station_code

    def certificate_document(self) -> dict[str, Any] | None:
        """The certificate as the hub signed it, or None when the station holds none."""
        return dict(json.loads(self.certificate)) if self.certificate else None


@dataclass(frozen=True)
class LastRound:
    """What the last sync round left for the status display."""

    attempt: str = ""  # stamps of the last round and of the last one that went through
    success: str = ""
    error: str = ""  # the error code of a failed last round (``app.errors``), "" after a success
    error_reason: str = ""  # its reason (the hub's refusal code, …), "" when none
    failures: int = 0  # failed rounds since the last success

    def after(self, stamp: str, error: str | None, reason: str = "") -> LastRound:
        """This record after a round at ``stamp`` that failed with ``error`` (None: went through)."""
        if error is None:
            return LastRound(attempt=stamp, success=stamp)
        return replace(self, attempt=stamp, error=error, error_reason=reason, failures=self.failures + 1)


@dataclass(frozen=True)
class KnownDevice:
    """One device of the station as the hub last listed it (``protocol.DeviceInfo``)."""

    device: str  # "00".."99"
    name: str
    role: str  # ``protocol.DeviceRole`` value (kept as text: a newer hub may name another)
    enrolled_at: str = ""
    revoked_at: str = ""  # "" while the device is enrolled
    last_seen_at: str = ""  # when the hub last had a signed request from it ("" never), the hub's clock
    public_key: str = ""  # its Ed25519 key, base64 ("" when the hub listed none): whose bundle a centre reads
    box_key: str = ""  # its X25519 box key, base64 ("" until it enrolled with one): a laptop seals bundles to it

    @property
    def revoked(self) -> bool:
        return bool(self.revoked_at)

    @classmethod
    def of(cls, info: DeviceInfo) -> KnownDevice:
        return cls(device=info.device, name=info.name, role=info.role, enrolled_at=info.enrolled_at,
                   revoked_at=info.revoked_at or "", last_seen_at=info.last_seen_at or "",
                   public_key=info.public_key or "", box_key=info.box_key or "")


@dataclass(frozen=True)
class Roster:
    """The station's devices as the hub last listed them (``GET /v1/devices``), and when."""

    devices: tuple[KnownDevice, ...] = ()
    checked_at: str = ""  # the station's stamp of the list's reading ("" never read)
    version: str = ""  # ``protocol.roster_version`` of the list as read ("" unknown: read again)

    def get(self, device: str) -> KnownDevice | None:
        return next((d for d in self.devices if d.device == device), None)


_DEVICE_FIELDS = ("device", "name", "role", "enrolled_at", "revoked_at", "last_seen_at", "public_key", "box_key")


def _roster(value: str | None) -> Roster:
    """The stored roster (JSON); anything unreadable reads as none known (it is read again next round)."""
    if not value:
        return Roster()
    try:
        doc = json.loads(value)
        rows = doc["devices"]
        devices = tuple(KnownDevice(**{name: str(row.get(name) or "") for name in _DEVICE_FIELDS})
                        for row in rows if isinstance(row, dict) and row.get("device"))
        return Roster(devices=devices, checked_at=str(doc.get("checked_at") or ""),
                      version=str(doc.get("version") or ""))
    except (ValueError, TypeError, KeyError, AttributeError):
        return Roster()


def _roster_text(roster: Roster) -> str:
    if roster == Roster():
        return ""
    return json.dumps({"checked_at": roster.checked_at, "version": roster.version,
                       "devices": [{name: getattr(d, name) for name in _DEVICE_FIELDS} for d in roster.devices]},
                      ensure_ascii=False, separators=(",", ":"))


@dataclass(frozen=True)
class RelayLink:
    """The centre's relay this window exchanges with on the centre's network (``bianmin sync relay``),
    and how far: its own events the relay acknowledged, the relay's feed number of the last other
    device's event taken from it, and the outcome of the last exchange."""

    url: str = ""  # "" when no relay is set (the window exchanges with the regional hub alone)
    pushed: int = 0  # the last position of this device's own chain the relay acknowledged
    cursor: int = 0  # the relay's feed number of the last event taken from it (``GET /v1/peers?after=``)
    feed: str = ""  # the id of the relay's feed those numbers are of ("" not told yet)
    scans: int = 0  # the last position of this device's own chain whose scans the relay holds
    last_attempt: str = ""  # the station's stamps of the last exchange and of the last one the relay answered
    last_success: str = ""
    last_error: str = ""  # the error code of a failed last exchange, "" after a success

    def after(self, stamp: str, error: str | None) -> RelayLink:
        if error is None:
            return replace(self, last_attempt=stamp, last_success=stamp, last_error="")
        return replace(self, last_attempt=stamp, last_error=error)


@dataclass(frozen=True)
class SyncState:
    """The station's whole sync state (``sync.status.SyncStatus`` is what is shown of it)."""

    enrolment: Enrolment = field(default_factory=Enrolment)
    pending_device_key: str = ""  # made before enrolling, kept so a retried enrolment presents it again
    cursor: str = ""  # the hub's opaque pull cursor, "" to start from the beginning
    # The other devices' events: the hub's feed number of the last one taken (``GET /v1/peers?after=``).
    peer_cursor: int = 0
    devices: Roster = field(default_factory=Roster)  # the station's devices, as the hub last listed them
    clock_offset: dt.timedelta = dt.timedelta(0)  # the hub's clock minus the station's, as last learned
    last: LastRound = field(default_factory=LastRound)
    relay: RelayLink = field(default_factory=RelayLink)

    @property
    def enrolled(self) -> bool:
        return self.enrolment.enrolled


# -- the stored form ---------------------------------------------------------------------------
def _text(value: str | None) -> str:
    return value or ""


def _count(value: str | None) -> int:
    try:
        return int(value or 0)
    except ValueError:
        return 0


def _feed(value: str | None) -> int:
    try:
        return max(0, int(value or 0))
    except ValueError:
        return 0


def _seconds(value: str | None) -> dt.timedelta:
    try:
        seconds = float(value or 0)
        return dt.timedelta(seconds=seconds) if math.isfinite(seconds) else dt.timedelta(0)
    except (ValueError, OverflowError):
        return dt.timedelta(0)


def _offset_text(offset: dt.timedelta) -> str:
    return f"{offset.total_seconds():.3f}"


@dataclass(frozen=True)
class _Key:
    key: str
    get: Callable[[SyncState], Any]
    decode: Callable[[str | None], Any]
    encode: Callable[[Any], str]
    enrolment_field: str = ""  # the key holds this field of the Enrolment


def _enrolment(key: str, name: str) -> _Key:
    return _Key(key, lambda s: getattr(s.enrolment, name), _text, str, enrolment_field=name)


def _last(key: str, name: str, decode: Callable[[str | None], Any] = _text) -> _Key:
    return _Key(key, lambda s: getattr(s.last, name), decode, str)


def _relay(key: str, name: str, decode: Callable[[str | None], Any] = _text) -> _Key:
    return _Key(key, lambda s: getattr(s.relay, name), decode, str)


# Every meta key of the sync state, its field and its text format: the one place they are named.
_KEYS: tuple[_Key, ...] = (
    _enrolment("sync.hub_url", "hub_url"),
    _enrolment("sync.device_key", "device_key"),
    _enrolment("sync.hub_signing_key", "hub_signing_key"),
    _enrolment("sync.hub_box_key", "hub_box_key"),
    _enrolment("sync.certificate", "certificate"),
    _enrolment("sync.region", "region"),
    _enrolment("sync.ca_bundle", "ca_bundle"),
    _enrolment("sync.enrolled_at", "enrolled_at"),
    _enrolment("sync.device", "device"),
    _Key("sync.pending_device_key", lambda s: s.pending_device_key, _text, str),
    _Key("sync.cursor", lambda s: s.cursor, _text, str),
    _Key("sync.peer_cursor", lambda s: s.peer_cursor, _feed, str),
    _Key("sync.devices", lambda s: s.devices, _roster, _roster_text),
    _Key("sync.clock_offset", lambda s: s.clock_offset, _seconds, _offset_text),
    _last("sync.last_attempt", "attempt"),
    _last("sync.last_success", "success"),
    _last("sync.last_error", "error"),
    _last("sync.last_error_reason", "error_reason"),
    _last("sync.failures", "failures", _count),
    _relay("sync.relay_url", "url"),
    _relay("sync.relay_pushed", "pushed", _feed),
    _relay("sync.relay_cursor", "cursor", _feed),
    _relay("sync.relay_feed", "feed"),
    _relay("sync.relay_scans", "scans", _feed),
    _relay("sync.relay_last_attempt", "last_attempt"),
    _relay("sync.relay_last_success", "last_success"),
    _relay("sync.relay_last_error", "last_error"),
)
META_KEYS: tuple[str, ...] = tuple(k.key for k in _KEYS)


def from_meta(values: Mapping[str, str]) -> SyncState:
    """The state from the station's meta values (absent keys read as "" / zero, as always)."""
    got = {k.key: k.decode(values.get(k.key)) for k in _KEYS}
    return SyncState(
        enrolment=Enrolment(**{k.enrolment_field: got[k.key] for k in _KEYS if k.enrolment_field}),
        pending_device_key=got["sync.pending_device_key"],
        cursor=got["sync.cursor"],
        peer_cursor=got["sync.peer_cursor"],
        devices=got["sync.devices"],
        clock_offset=got["sync.clock_offset"],
        last=LastRound(attempt=got["sync.last_attempt"], success=got["sync.last_success"],
                       error=got["sync.last_error"], error_reason=got["sync.last_error_reason"],
                       failures=got["sync.failures"]),
        relay=RelayLink(url=got["sync.relay_url"], pushed=got["sync.relay_pushed"], cursor=got["sync.relay_cursor"],
                        feed=got["sync.relay_feed"], scans=got["sync.relay_scans"],
                        last_attempt=got["sync.relay_last_attempt"], last_success=got["sync.relay_last_success"],
                        last_error=got["sync.relay_last_error"]),
    )


def to_meta(state: SyncState) -> dict[str, str]:
    """The meta values of a state, each in the format the station stores it."""
    return {k.key: k.encode(k.get(state)) for k in _KEYS}


def load(db: Database) -> SyncState:
    return from_meta({k: v for k, v in meta.all_meta(db).items() if k in META_KEYS})


def save(db: Database, state: SyncState) -> None:
    """Write the values of ``state`` that differ from the stored ones (call inside a transaction)."""
    stored = to_meta(load(db))
    for key, value in to_meta(state).items():
        if stored[key] != value:
            meta.set_meta(db, key, value)
