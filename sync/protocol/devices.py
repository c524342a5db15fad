"""A station's devices and what they share: the device list (``GET /v1/devices``) and the other
devices' events (``GET /v1/peers``). Both are signed requests and answer only about the signer's
own station."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Annotated, Any

from sync.protocol.base import MAX_PEER_PAGE, Malformed, Spec
from sync.protocol.push import WireEvent


class DeviceRole(StrEnum):
    window = "window"  # a window (PC) of the station
    laptop = "laptop"  # a work team's laptop (bundles)
    relay = "relay"  # the centre's relay (serves the windows on the centre's network)


@dataclass(frozen=True)
class DeviceInfo:
    """One device of a station as the hub knows it."""

    device: Annotated[str, Spec("two digits", pattern=r"^[0-9]{2}$")]
    name: str
    role: str
    enrolled_at: str
    revoked_at: str | None = None
    last_seen_at: Annotated[str | None, Spec("when the hub last had a signed request from it")] = None
    public_key: Annotated[str | None, Spec("its Ed25519 key, base64 of the raw 32 bytes (a relay checks the "
                                           "windows' signatures with it)", max_length=100)] = None
    box_key: Annotated[str | None, Spec("its X25519 box key, base64 of the raw 32 bytes (a work team's laptop seals "
                                        "its bundles' key to it); absent: it enrolled without one",
                                        max_length=100)] = None

    def to_wire(self) -> dict[str, Any]:
        doc = {"device": self.device, "name": self.name, "role": self.role, "enrolled_at": self.enrolled_at,
               "revoked_at": self.revoked_at, "last_seen_at": self.last_seen_at}
        if self.public_key is not None:
            doc["public_key"] = self.public_key
        if self.box_key is not None:
            doc["box_key"] = self.box_key
        return doc

    @classmethod
    def from_wire(cls, raw: Any) -> DeviceInfo:
        if not isinstance(raw, dict):
            raise Malformed("a device is an object")
        for name in ("device", "name", "role", "enrolled_at"):
            if not isinstance(raw.get(name), str):
                raise Malformed(f"{name}: text")
        for name in ("revoked_at", "last_seen_at", "public_key", "box_key"):
            if raw.get(name) is not None and not isinstance(raw.get(name), str):
                raise Malformed(f"{name}: null or text")
        return cls(device=raw["device"], name=raw["name"], role=raw["role"], enrolled_at=raw["enrolled_at"],
                   revoked_at=raw.get("revoked_at"), last_seen_at=raw.get("last_seen_at"),
                   public_key=raw.get("public_key"), box_key=raw.get("box_key"))


@dataclass(frozen=True)
class DeviceList:
    """``GET /v1/devices``: the signer's station's devices, revoked ones included."""

    station: str
    devices: tuple[DeviceInfo, ...]

    def to_wire(self) -> dict[str, Any]:
        return {"station": self.station, "devices": [d.to_wire() for d in self.devices]}

    @classmethod
    def from_wire(cls, raw: Any) -> DeviceList:
        if not isinstance(raw, dict) or not isinstance(raw.get("devices"), list):
            raise Malformed("a device list is an object with devices")
        return cls(station=str(raw.get("station", "")),
                   devices=tuple(DeviceInfo.from_wire(d) for d in raw["devices"]))


def roster_version(devices: Iterable[DeviceInfo]) -> str:
    """A short digest of what a station's device list says apart from when each device was last heard
    from (numbers, names, roles, revocations, keys): the hub gives it with every page of updates, and a
    device reads the whole list again only when it differs from the digest of the list it holds."""
    rows = sorted((d.device, d.name, d.role, d.revoked_at or "", d.public_key or "", d.box_key or "")
                  for d in devices)
    return hashlib.sha256(json.dumps(rows, ensure_ascii=False).encode()).hexdigest()[:16]


@dataclass(frozen=True)
class PeerPage:
    """``GET /v1/peers?after=N&limit=M``: the events of the signer's station that other devices (and the
    laptops whose bundles reached the platform) wrote, in the platform's order; ``after`` is the cursor
    to ask with next (a number), ``more`` whether more are waiting."""

    events: Annotated[tuple[WireEvent, ...], Spec(max_length=MAX_PEER_PAGE)]
    after: Annotated[int, Spec("the cursor to ask with next", ge=0)]
    more: bool
    feed: Annotated[str | None, Spec("what numbers this feed: a random id of the database that gives the numbers "
                                     "(the centre's relay); another id than before means the numbers started "
                                     "again (the relay was set up anew); absent: not told", max_length=64)] = None

    def to_wire(self) -> dict[str, Any]:
        doc: dict[str, Any] = {"events": [e.to_wire() for e in self.events], "after": self.after, "more": self.more}
        if self.feed is not None:
            doc["feed"] = self.feed
        return doc

    @classmethod
    def from_wire(cls, raw: Any) -> PeerPage:
        if not isinstance(raw, dict) or not isinstance(raw.get("events"), list):
            raise Malformed("a peer page is an object with events")
        after, more = raw.get("after"), raw.get("more")
        if type(after) is not int or after < 0 or not isinstance(more, bool):
            raise Malformed("after: a non-negative integer; more: true or false")
        feed = raw.get("feed")
        if feed is not None and (not isinstance(feed, str) or len(feed) > 64):
            raise Malformed("feed: text")
        return cls(events=tuple(WireEvent.from_wire(e) for e in raw["events"]), after=after, more=more, feed=feed)
