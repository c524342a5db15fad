"""The state of the station's link to the platform, as one typed definition.

``sync.engine.status()`` reads what the last round left in the store (``sync.state.SyncState``:
the last error and its reason, the last success, the enrolment, the station's devices as the hub
last listed them) and the outbox's counts into one :class:`SyncStatus`, naming the link's state
with :func:`link_state`. Every place that shows the
link (the window's status bar and dashboard, the command line, the self-test) reads a
``SyncStatus`` and speaks of these states; their names for people are in ``ui/labels.py``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, fields
from enum import StrEnum
from typing import Any

from app.errors import HubProtocolError, HubRefused, LinkDown, NotEnrolled


class LinkState(StrEnum):
    not_enrolled = "not_enrolled"  # the station has no device key: it was never enrolled
    never_synced = "never_synced"  # enrolled, but no round has gone through yet
    online = "online"  # the last round went through
    offline = "offline"  # the last round could not reach the platform (link down, hub unavailable)
    refused = "refused"  # the platform refused the station (enrolment, signature, certificate, clock)
    protocol_error = "protocol_error"  # the platform's answer did not follow the protocol
    failed = "failed"  # the last round failed for another reason (see the log)


def link_state(enrolled: bool, last_success: str, last_error: str) -> LinkState:
    """The state from what the last round recorded (``last_error`` is an error code or "")."""
    if not enrolled or last_error == NotEnrolled.code:
        return LinkState.not_enrolled
    if not last_error:
        return LinkState.online if last_success else LinkState.never_synced
    if last_error == LinkDown.code:
        return LinkState.offline
    if last_error == HubRefused.code:
        return LinkState.refused
    if last_error == HubProtocolError.code:
        return LinkState.protocol_error
    return LinkState.failed


# Refusal reasons (the hub's ``error`` codes and the client's own) that mean the platform no longer
# knows this station's device key: an administrator must enrol the station again.
REENROL_REASONS = frozenset({"unknown_station", "bad_signature", "unsigned", "not_enrolled", "revoked_device"})


@dataclass(frozen=True)
class DeviceStatus:
    """One device of the station, as shown beside the link (the settings page, ``bianmin sync status``)."""

    device: str  # "00".."99"
    name: str  # "" when no name is known
    role: str  # ``sync.protocol.DeviceRole`` value ("window" when not known)
    this: bool  # this device
    last_seen_at: str  # when the hub last heard from it (the hub's stamp; "" never, or never listed)
    revoked_at: str  # when the hub revoked its enrolment ("" while it is enrolled)

    @property
    def revoked(self) -> bool:
        return bool(self.revoked_at)

    def as_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in ("device", "name", "role", "this", "last_seen_at", "revoked_at")}


@dataclass(frozen=True)
class SyncStatus(Mapping[str, Any]):
    """What the clerk is shown of the link: one reading of ``sync.engine.status()``.

    Its fields can also be read by name (``status["waiting"]``, ``status.get("state")``) and
    :meth:`as_dict` gives them in this order: what ``bianmin sync status --json`` prints.
    """

    state: LinkState
    enrolled: bool
    hub_url: str  # "" when not enrolled
    waiting: int  # journal events not yet accepted by the hub
    sent: int
    quarantined: list[dict[str, Any]]  # events the hub refused (``app.store.outbox.quarantined``)
    deferred_updates: int  # platform statuses set aside until the station's own work has gone
    last_attempt: str  # stamps of the last round and of the last that went through ("" when none)
    last_success: str
    last_error: str  # the error code of a failed last round, "" after a success
    last_error_reason: str  # its reason (the hub's refusal code, …)
    failures: int  # failed rounds since the last success
    notices: int  # unread notices from the platform
    attachments_waiting: int
    # This device first, then the station's others by number, as the hub last listed them (only this
    # device before the first list arrived or with a hub from before devices).
    devices: tuple[DeviceStatus, ...] = ()
    devices_read: str = ""  # the station's stamp of the hub's last list ("" never)
    # The centre's relay (``bianmin sync relay``): "" when none is set; when it last answered and why
    # its last exchange failed ("" after a success).
    relay_url: str = ""
    relay_last_success: str = ""
    relay_last_error: str = ""
    read_at: float = field(default=0.0, compare=False)  # when the reading began (monotonic; the window's)

    def as_dict(self) -> dict[str, Any]:
        """The fields in order, as plain data (``bianmin sync status --json``)."""
        return {name: [d.as_dict() for d in self.devices] if name == "devices" else getattr(self, name)
                for name in _FIELDS}

    @property
    def others(self) -> tuple[DeviceStatus, ...]:
        """The station's other devices."""
        return tuple(d for d in self.devices if not d.this)

    def __getitem__(self, key: str) -> Any:
        if key not in _FIELDS:
            raise KeyError(key)
        return getattr(self, key)

    def __iter__(self) -> Iterator[str]:
        return iter(_FIELDS)

    def __len__(self) -> int:
        return len(_FIELDS)


_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(SyncStatus) if f.name != "read_at")
