"""The station protocol, version 1: paths, message shapes and request signatures.

Shared by the station's client (``sync.client``) and the reference hub (``hub``). Requests
from a station carry an HTTP Message Signature (RFC 9421) made with the station's Ed25519 device
key over the method, path, query and a Content-Digest of the body, with ``created``, ``keyid``
(the station code) and a random ``nonce``; the hub refuses unsigned, forged, stale and replayed
requests. See ``docs/sync-protocol.md``.
"""

from __future__ import annotations

import base64
import datetime as dt
import re
import secrets
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from http_message_signatures import HTTPMessageSigner, HTTPMessageVerifier, HTTPSignatureKeyResolver, algorithms

VERSION = "bianmin-sync/1"
PREFIX = "/v1"
ENROL = f"{PREFIX}/enrol"
EVENTS = f"{PREFIX}/events"
UPDATES = f"{PREFIX}/updates"
TIME = f"{PREFIX}/time"
CERTIFICATE = f"{PREFIX}/certificate"
BUNDLES = f"{PREFIX}/bundles"
SIGNATURE_TAG = "bianmin-station"
COVERED = ("@method", "@path", "@query", "content-digest")
# How far a station's clock may be off; the client also corrects by the hub's clock.
MAX_SKEW = dt.timedelta(minutes=10)
MAX_AGE = dt.timedelta(minutes=10)
MAX_BATCH = 500

# Per-event answers to a push.
STORED = "stored"
DUPLICATE = "duplicate"
REJECTED = "rejected"

# Kinds of update a pull returns.
CASE_STATUS = "case_status"
CATALOGUE = "catalogue"
CALENDAR = "calendar"
NOTICE = "notice"


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def new_device_key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


def private_bytes(key: Ed25519PrivateKey) -> bytes:
    return key.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                             serialization.NoEncryption())


def public_bytes(key: Ed25519PrivateKey | Ed25519PublicKey) -> bytes:
    pub = key.public_key() if isinstance(key, Ed25519PrivateKey) else key
    return pub.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


class _Keys(HTTPSignatureKeyResolver):
    def __init__(self, private: Ed25519PrivateKey | None = None,
                 public: dict[str, Ed25519PublicKey] | None = None) -> None:
        self._private = private
        self._public = public or {}

    def resolve_private_key(self, key_id: str) -> Ed25519PrivateKey:
        if self._private is None:
            raise KeyError(key_id)
        return self._private

    def resolve_public_key(self, key_id: str) -> Ed25519PublicKey | None:
        return self._public.get(key_id)


def sign_request(request: Any, body: bytes, station_code: str, key: Ed25519PrivateKey,
                 clock_offset: dt.timedelta = dt.timedelta(0)) -> None:
    """Sign a prepared request in place (``requests.PreparedRequest`` or anything alike)."""
    signer = HTTPMessageSigner(signature_algorithm=algorithms.ED25519, key_resolver=_Keys(private=key))
    signer.sign(request, key_id=station_code, created=dt.datetime.now(dt.UTC) + clock_offset,
                nonce=secrets.token_urlsafe(16), tag=SIGNATURE_TAG, covered_component_ids=COVERED, body=body)


@dataclass(frozen=True)
class ReceivedRequest:
    """A request as a server received it, in the shape ``verify_request`` reads: the method, the
    URL as the client addressed it (scheme, Host, raw path and query) and the headers."""

    method: str
    url: str
    headers: Any


class _SkewTolerantVerifier(HTTPMessageVerifier):
    max_clock_skew = MAX_SKEW


def verify_request(request: Any, body: bytes, public_keys: dict[str, Ed25519PublicKey]) -> tuple[str, str, int]:
    """(station code, nonce, created) of a correctly signed request; raises on any fault."""
    verifier = _SkewTolerantVerifier(signature_algorithm=algorithms.ED25519, key_resolver=_Keys(public=public_keys))
    results = verifier.verify(request, max_age=MAX_AGE, expect_tag=SIGNATURE_TAG, require_components=COVERED,
                              body=body)
    params = results[0].parameters
    nonce = results[0].nonce
    if not nonce:
        raise ValueError("signature without nonce")
    return str(params["keyid"]), str(nonce), int(params["created"])


def event_to_wire(ev: Any) -> dict[str, Any]:
    """A journal event as it travels (``app.journal.Event``)."""
    return {**ev.body(), "prev_hash": ev.prev_hash, "hash": ev.hash}


class Rejection(StrEnum):
    """Why the hub refused one pushed event (the ``reason`` of a ``rejected`` result).

    The station quarantines such an event for a person to see (``bianmin sync status``) and goes on
    with the others; ``docs/sync-protocol.md`` says what each means.
    """

    malformed = "malformed"  # a field is missing or of the wrong type
    bad_text = "bad_text"  # text holds a control character (see ``has_control_text``)
    wrong_station = "wrong_station"  # the event names another station than the signer
    bad_hash = "bad_hash"  # the hash is not that of the event's content
    conflict = "conflict"  # the hub holds another event under this event id
    foreign_case_no = "foreign_case_no"  # the case number is not the signer's (its station part)
    seq_taken = "seq_taken"  # the hub holds another event of the station at this position
    broken_chain = "broken_chain"  # prev_hash does not link to the hub's events around this position
    duplicate_case_no = "duplicate_case_no"  # the hub holds another intake (case.received) of this case number
    foreign_case = "foreign_case"  # the hub holds this case under another station


STATION_CODE_DIGITS = 12  # a case number starts with the 12-digit code of the station that took it in


def case_no_station(case_no: str) -> str | None:
    """The station part of a case number (its first 12 characters), or None when it has none.

    Case numbers are ``station code + YYYYMMDD + daily sequence``; a later part naming the device
    that took the case in would be read here as well.
    """
    if len(case_no) <= STATION_CODE_DIGITS:
        return None
    head = case_no[:STATION_CODE_DIGITS]
    return head if head.isascii() and head.isdigit() else None


# Characters no text a station pushes (or the platform publishes) may hold: C0 controls other than
# TAB, LF and CR (NUL above all: PostgreSQL cannot store it), DEL, C1 controls, the bidirectional
# embeddings, overrides and isolates (U+202A..U+202E, U+2066..U+2069: they make text read otherwise
# than it is), and lone surrogates (not Unicode text at all).
_CONTROL_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def has_control_text(value: Any) -> bool:
    """Whether any string in ``value`` (nested lists and objects, keys included) holds such a character."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if _CONTROL_TEXT.search(item):
                return True
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list | tuple):
            stack.extend(item)
    return False
