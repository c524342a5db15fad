"""What the station keeps of its link to the platform, as one typed definition.

The enrolment (hub address, device key, the hub's keys and certificate), the pull cursor, the
clock offset learned from the hub's answers and the outcome of the last round live in the
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

    @property
    def enrolled(self) -> bool:
        return bool(self.device_key)

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
class SyncState:
    """The station's whole sync state (``sync.status.SyncStatus`` is what is shown of it)."""

    enrolment: Enrolment = field(default_factory=Enrolment)
    pending_device_key: str = ""  # made before enrolling, kept so a retried enrolment presents it again
    cursor: str = ""  # the hub's opaque pull cursor, "" to start from the beginning
    clock_offset: dt.timedelta = dt.timedelta(0)  # the hub's clock minus the station's, as last learned
    last: LastRound = field(default_factory=LastRound)

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
    _Key("sync.pending_device_key", lambda s: s.pending_device_key, _text, str),
    _Key("sync.cursor", lambda s: s.cursor, _text, str),
    _Key("sync.clock_offset", lambda s: s.clock_offset, _seconds, _offset_text),
    _last("sync.last_attempt", "attempt"),
    _last("sync.last_success", "success"),
    _last("sync.last_error", "error"),
    _last("sync.last_error_reason", "error_reason"),
    _last("sync.failures", "failures", _count),
)
META_KEYS: tuple[str, ...] = tuple(k.key for k in _KEYS)


def from_meta(values: Mapping[str, str]) -> SyncState:
    """The state from the station's meta values (absent keys read as "" / zero, as always)."""
    got = {k.key: k.decode(values.get(k.key)) for k in _KEYS}
    return SyncState(
        enrolment=Enrolment(**{k.enrolment_field: got[k.key] for k in _KEYS if k.enrolment_field}),
        pending_device_key=got["sync.pending_device_key"],
        cursor=got["sync.cursor"],
        clock_offset=got["sync.clock_offset"],
        last=LastRound(attempt=got["sync.last_attempt"], success=got["sync.last_success"],
                       error=got["sync.last_error"], error_reason=got["sync.last_error_reason"],
                       failures=got["sync.failures"]),
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
