"""The station's devices as the window names them: this device ("本机"), the others by their
name or, when they have none, "NN号窗口".

:func:`read_devices` runs on a worker (it reads the store): this device's number and name from the
station, the others from the platform's device list as the last sync kept it (``sync.state``'s
roster, which ``SyncStatus.devices`` shows too). A device the platform has not listed yet (a case
taken on it came from a bundle or a peer before the list did) is still named, by its number.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QCoreApplication

from app.clock import CHINA_TZ
from app.labels import default_device_name, default_device_number
from app.station import Station
from app.store import operators as op_store
from sync import state as sync_state
from ui.labels import label

log = logging.getLogger(__name__)


def numbered_name(number: str) -> str:
    """What a device without a name is called: "03号窗口" (the one table's name, as printed documents say)."""
    return label("default_name", "Device", n=number)


def window_text(window: str, origin: str) -> str:
    """A case's 窗口 as stored (the device's name when it took the case in) for the window's language:
    a device's default name ("02号窗口", stored in Chinese) is said in the window's language."""
    number = default_device_number(window)
    return numbered_name(number) if number is not None and number == origin else window


def this_device_text() -> str:
    return QCoreApplication.translate("Devices", "本机")


def role_text(role: str) -> str:
    """A device's role (``sync.protocol.DeviceRole``) for people; a role this version does not know: its code."""
    return label(role, "DeviceRole")


def local_time(stamp: str | None) -> str:
    """A stamp (ISO 8601, any offset) as the counter's clock reads it: "2026-11-18 10:00"; "" for none."""
    if not stamp:
        return ""
    try:
        when = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return stamp[:16].replace("T", " ")
    if when.tzinfo is not None:
        when = when.astimezone(CHINA_TZ)
    return when.strftime("%Y-%m-%d %H:%M")


@dataclass(frozen=True)
class Device:
    """One device of the station."""

    number: str  # "00".."99"
    name: str = ""  # "" when it has none
    role: str = "window"  # sync.protocol.DeviceRole's code
    last_seen_at: str | None = None  # when the platform last heard from it (None: never, or not known)
    revoked_at: str | None = None  # the platform revoked its enrolment

    @property
    def shown_name(self) -> str:
        return self.name or numbered_name(self.number)

    @property
    def revoked(self) -> bool:
        return bool(self.revoked_at)


@dataclass(frozen=True)
class Devices:
    """This device and the station's others (the platform's list as the last sync kept it)."""

    this: Device
    others: tuple[Device, ...] = ()

    def get(self, number: str) -> Device:
        if number == self.this.number:
            return self.this
        for d in self.others:
            if d.number == number:
                return d
        return Device(number=number)

    def origin_text(self, origin: str) -> str:
        """Which device took a case in: "本机" for this one, else the other's name (or number)."""
        if origin == self.this.number:
            return this_device_text()
        return self.get(origin).shown_name

    def is_this(self, origin: str) -> bool:
        return origin == self.this.number


def _device_of(known: sync_state.KnownDevice) -> Device:
    """A device of the roster the last sync kept."""
    # Enrolled under the default name: unnamed, and so said in the window's language.
    name = "" if known.name == default_device_name(known.device) else known.name
    return Device(number=known.device, name=name, role=known.role or "window",
                  last_seen_at=known.last_seen_at or None, revoked_at=known.revoked_at or None)


def devices_from(this_number: str, this_name: str, listed: Iterable[sync_state.KnownDevice]) -> Devices:
    """This device (its own number and name win over the list's) and the others, by number."""
    this = Device(number=this_number, name=this_name)
    others: dict[str, Device] = {}
    for raw in listed:
        d = _device_of(raw)
        if d.number == this_number:
            this = Device(number=this_number, name=this_name or d.name, role=d.role,
                          last_seen_at=d.last_seen_at, revoked_at=d.revoked_at)
        else:
            others[d.number] = d
    return Devices(this=this, others=tuple(others[n] for n in sorted(others)))


def read_devices(station: Station) -> Devices:
    """On the worker: this device from the station, the others from the device list the last sync
    kept (``sync.state``'s roster)."""
    listed: Iterable[sync_state.KnownDevice] = ()
    try:  # the one meta row of the roster, read through sync.state's typed decoding
        key = "sync.devices"
        listed = sync_state.from_meta({key: op_store.get_meta(station.db, key, "") or ""}).devices.devices
    except Exception as exc:  # the device names are a nicety: numbers still tell devices apart
        log.info("device list not read: %s", type(exc).__name__)
    return devices_from(station.device_no, station.device_name, listed)
