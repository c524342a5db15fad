"""Request signatures of the station protocol (RFC 9421 HTTP Message Signatures, Ed25519).

Requests from a station carry a signature made with the station's Ed25519 device key over the
method, path, query and a Content-Digest of the body, with ``created``, ``keyid`` (the device:
``<station>.<device>``; a bare station code is its device ``00``, as every station before devices
signed) and a random ``nonce``; the hub refuses unsigned, forged, stale and replayed requests.
"""

from __future__ import annotations

import base64
import datetime as dt
import re
import secrets
from dataclasses import dataclass
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from http_message_signatures import HTTPMessageSigner, HTTPMessageVerifier, HTTPSignatureKeyResolver, algorithms

from sync.protocol.base import FIRST_DEVICE

SIGNATURE_TAG = "bianmin-station"
COVERED = ("@method", "@path", "@query", "content-digest")
# How far a station's clock may be off; the client also corrects by the hub's clock.
MAX_SKEW = dt.timedelta(minutes=10)
MAX_AGE = dt.timedelta(minutes=10)
_KEYID = re.compile(r"^([0-9]{12})(?:\.([0-9]{2}))?$")


def keyid_of(station: str, device: str = FIRST_DEVICE) -> str:
    """The keyid a device signs with: ``<station>.<device>``; device 00 signs with the bare station
    code, as every station did before devices (so what it sends and what it is called stay as they were)."""
    return station if device == FIRST_DEVICE else f"{station}.{device}"


def parse_keyid(keyid: str) -> tuple[str, str] | None:
    """(station, device) of a keyid (a bare 12-digit station code is device 00), or None for anything else."""
    found = _KEYID.fullmatch(keyid)
    if found is None:
        return None
    return found.group(1), found.group(2) or FIRST_DEVICE


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


def sign_request(request: Any, body: bytes, key_id: str, key: Ed25519PrivateKey,
                 clock_offset: dt.timedelta = dt.timedelta(0)) -> None:
    """Sign a prepared request in place (``requests.PreparedRequest`` or anything alike) as the
    device ``key_id`` (``keyid_of(station, device)``; a bare station code signs as device 00)."""
    signer = HTTPMessageSigner(signature_algorithm=algorithms.ED25519, key_resolver=_Keys(private=key))
    signer.sign(request, key_id=key_id, created=dt.datetime.now(dt.UTC) + clock_offset,
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
    """(keyid, nonce, created) of a correctly signed request; raises on any fault. ``public_keys`` maps
    keyids (as signed) to keys."""
    verifier = _SkewTolerantVerifier(signature_algorithm=algorithms.ED25519, key_resolver=_Keys(public=public_keys))
    results = verifier.verify(request, max_age=MAX_AGE, expect_tag=SIGNATURE_TAG, require_components=COVERED,
                              body=body)
    params = results[0].parameters
    nonce = results[0].nonce
    if not nonce:
        raise ValueError("signature without nonce")
    return str(params["keyid"]), str(nonce), int(params["created"])
