"""The state of the station's link to the platform, as one typed definition.

``sync.engine.status()`` reads what the last round left in the store (``sync.last_error``, its
``sync.last_error_reason``, ``sync.last_success``, the device key) and names the state with
:func:`link_state`. Every place that shows the link (the window's status bar and dashboard, the
command line) speaks of these states; their names for people are in ``ui/labels.py``.
"""

from __future__ import annotations

from enum import StrEnum

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
REENROL_REASONS = frozenset({"unknown_station", "bad_signature", "unsigned", "not_enrolled"})
