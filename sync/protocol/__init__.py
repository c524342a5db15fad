"""The station protocol, version 1 (``bianmin-sync/1``): paths, messages, request signatures and
the platform's verdict on pushed events.

Shared by the station's client (``sync.client``, ``sync.engine``), the reference hub (``hub``) and
the self-test's stand-in platform (``sync.loopback``); ``docs/sync-protocol.md`` describes it.

* ``base`` (paths, limits, ``Spec``), ``push``, ``updates``, ``enrolment`` — every message as a
  frozen dataclass with ``to_wire()``/``from_wire()``; the hub's OpenAPI document is built from them;
* ``signing`` — RFC 9421 signatures with a device's Ed25519 key (keyid ``<station>.<device>``);
* ``rules`` — control characters, the station part of a case number;
* ``verdict`` — one verdict function over what the platform holds (``Holdings``), per device chain;
* ``devices`` — a station's devices and the other devices' events (the peer feed).

Everything is importable from ``sync.protocol`` itself.
"""

from sync.protocol.base import (
    BUNDLES,
    CERTIFICATE,
    DEVICE_NO,
    DEVICES,
    ENROL,
    EVENTS,
    FIRST_DEVICE,
    HEX64,
    MAX_BATCH,
    MAX_PEER_PAGE,
    PEERS,
    PREFIX,
    STATION_CODE,
    TIME,
    UPDATES,
    VERSION,
    Malformed,
    Spec,
)
from sync.protocol.devices import DeviceInfo, DeviceList, DeviceRole, PeerPage, roster_version
from sync.protocol.enrolment import CertificateAnswer, EnrolAnswer, EnrolRequest, ErrorAnswer, TimeAnswer
from sync.protocol.push import (
    DUPLICATE,
    REJECTED,
    STORED,
    EventResult,
    PushAnswer,
    PushBatch,
    PushStatus,
    Rejection,
    WireEvent,
    event_to_wire,
)
from sync.protocol.rules import STATION_CODE_DIGITS, case_no_station, has_control_text
from sync.protocol.signing import (
    COVERED,
    MAX_AGE,
    MAX_SKEW,
    SIGNATURE_TAG,
    ReceivedRequest,
    b64,
    keyid_of,
    new_device_key,
    parse_keyid,
    private_bytes,
    public_bytes,
    sign_request,
    unb64,
    verify_request,
)
from sync.protocol.updates import (
    CALENDAR,
    CASE_STATUS,
    CATALOGUE,
    NOTICE,
    CalendarBody,
    CaseStatusBody,
    CatalogueBody,
    NoticeBody,
    Update,
    UpdateKind,
    UpdatePage,
)
from sync.protocol.verdict import BatchRefused, Held, Holdings, Signer, answer_batch, judge, may_write, read_batch

__all__ = [
    "BUNDLES", "CALENDAR", "CASE_STATUS", "CATALOGUE", "CERTIFICATE", "COVERED", "DEVICES", "DEVICE_NO",
    "DUPLICATE", "ENROL", "EVENTS", "FIRST_DEVICE", "HEX64", "MAX_AGE", "MAX_BATCH", "MAX_PEER_PAGE", "MAX_SKEW",
    "NOTICE", "PEERS",
    "PREFIX", "REJECTED", "SIGNATURE_TAG", "STATION_CODE", "STATION_CODE_DIGITS", "STORED", "TIME", "UPDATES",
    "VERSION", "BatchRefused", "CalendarBody", "CaseStatusBody", "CatalogueBody", "CertificateAnswer", "DeviceInfo",
    "DeviceList", "DeviceRole", "EnrolAnswer", "EnrolRequest", "ErrorAnswer", "EventResult", "Held", "Holdings",
    "Malformed", "NoticeBody", "PeerPage", "PushAnswer", "PushBatch", "PushStatus", "ReceivedRequest", "Rejection",
    "Signer", "Spec", "TimeAnswer", "Update", "UpdateKind", "UpdatePage", "WireEvent", "answer_batch", "b64",
    "case_no_station", "event_to_wire", "has_control_text", "judge", "keyid_of", "may_write", "new_device_key",
    "parse_keyid", "private_bytes", "public_bytes", "read_batch", "roster_version", "sign_request", "unb64",
    "verify_request",
]
