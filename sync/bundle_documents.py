"""Signed documents of offline bundles (``sync.bundle_format``): the hub's device certificate
(``bianmin-device-cert/1``: this Ed25519 key is that station's, in that region) and its
acknowledgement of a bundle taken in (``bianmin-bundle-ack/1``). Each is a JSON object whose
``signature`` covers its canonical JSON (``app.journal.canonical``) after its format name. What a
reader trusts (the hub's key, its region) is a :class:`Trust`.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from app.journal import canonical

CERT_FORMAT = "bianmin-device-cert/1"
ACK_FORMAT = "bianmin-bundle-ack/1"
_BOX_INFO = b"bianmin-device-box/1"


class BundleFormatError(Exception):
    """A bundle (or certificate, or acknowledgement) that must be refused; ``reason`` says why:
    ``not_a_bundle``, ``unsupported_version``, ``tampered``, ``truncated``, ``unknown_signer``,
    ``foreign_region``."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: Any) -> bytes:
    if not isinstance(text, str):
        raise ValueError("not base64 text")
    return base64.b64decode(text.encode("ascii"), validate=True)


def public_key(raw_b64: Any) -> Ed25519PublicKey:
    raw = unb64(raw_b64)
    if len(raw) != 32:
        raise ValueError("public key is not 32 bytes")
    return Ed25519PublicKey.from_public_bytes(raw)


def _raw_public(key: Ed25519PrivateKey) -> bytes:
    from sync.protocol import public_bytes

    return public_bytes(key)


def box_private(device_key: bytes) -> bytes:
    """A device's X25519 box key (raw 32 bytes), derived from its Ed25519 device key's raw private
    bytes (HKDF-SHA256, its own label): kept where the device key is (the encrypted store), the same
    key again when an enrolment is retried, and never sent anywhere."""
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_BOX_INFO).derive(device_key)


def box_public(device_key: bytes) -> bytes:
    """The public half of :func:`box_private` (raw 32 bytes): what the device enrols with."""
    key = X25519PrivateKey.from_private_bytes(box_private(device_key))
    return key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def _signed_bytes(kind: str, body: dict[str, Any]) -> bytes:
    return kind.encode("ascii") + b"\n" + canonical(body)


def sign_document(kind: str, body: dict[str, Any], key: Ed25519PrivateKey) -> dict[str, Any]:
    """``body`` with ``format`` = kind and a ``signature`` over its canonical JSON."""
    doc = {**body, "format": kind}
    return {**doc, "signature": b64(key.sign(_signed_bytes(kind, doc)))}


def verify_document(kind: str, doc: Any, public_b64: str) -> dict[str, Any]:
    """The document without its signature when ``public_b64`` signed it; BundleFormatError otherwise."""
    if not isinstance(doc, dict) or doc.get("format") != kind or "signature" not in doc:
        raise BundleFormatError("tampered", f"not a {kind}")
    body = {k: v for k, v in doc.items() if k != "signature"}
    try:
        public_key(public_b64).verify(unb64(doc["signature"]), _signed_bytes(kind, body))
    except (InvalidSignature, ValueError) as exc:
        raise BundleFormatError("unknown_signer", f"{kind} not signed by the expected key") from exc
    return body


def make_certificate(hub_key: Ed25519PrivateKey, *, station: str, station_name: str, device_key: str,
                     region: str, issued_at: str) -> dict[str, Any]:
    """The hub's word that ``device_key`` (base64 Ed25519) is the device key of ``station`` in ``region``."""
    return sign_document(CERT_FORMAT, {"station": station, "station_name": station_name, "device_key": device_key,
                                       "region": region, "issued_at": issued_at,
                                       "hub_key": b64(_raw_public(hub_key))}, hub_key)


@dataclass(frozen=True)
class Trust:
    """What a reader trusts: the hub's signing key (base64) and the region it serves."""

    hub_key: str
    region: str


def check_certificate(cert: Any, trust: Trust) -> dict[str, Any]:
    """The certificate's fields when this hub issued it for this region; BundleFormatError otherwise."""
    if not isinstance(cert, dict) or cert.get("format") != CERT_FORMAT:
        raise BundleFormatError("unknown_signer", "no device certificate")
    region = cert.get("region")
    if region != trust.region:
        raise BundleFormatError("foreign_region", str(region)[:20])
    body = verify_document(CERT_FORMAT, cert, trust.hub_key)
    for name in ("station", "station_name", "device_key", "region"):
        if not isinstance(body.get(name), str):
            raise BundleFormatError("unknown_signer", f"certificate without {name}")
    return body
