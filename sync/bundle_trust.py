"""Whom offline bundles trust, at the station: this station's device key and certificate, the
hub's signing key, and the typed error for each way a bundle fails its checks. Used by the
laptop's export (``sync.bundle_export``) and the centre's import (``sync.bundles``)."""

from __future__ import annotations

import json
import logging
from dataclasses import replace
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from app.errors import (
    BundleError,
    BundleForeignRegion,
    BundleNoCertificate,
    BundleNotABundle,
    BundleTampered,
    BundleTruncated,
    BundleUnknownSigner,
    BundleUnsupported,
    HubProtocolError,
    HubRefused,
    LinkDown,
    NotEnrolled,
)
from app.station import Station
from sync import bundle_documents, protocol
from sync import state as sync_state
from sync.bundle_documents import BundleFormatError
from sync.client import HubClient

log = logging.getLogger(__name__)

ERRORS: dict[str, type[BundleError]] = {
    "not_a_bundle": BundleNotABundle,
    "unsupported_version": BundleUnsupported,
    "tampered": BundleTampered,
    "truncated": BundleTruncated,
    "unknown_signer": BundleUnknownSigner,
    "foreign_region": BundleForeignRegion,
    "hash_mismatch": BundleTampered,
}


def device_key(station: Station) -> Ed25519PrivateKey:
    raw = sync_state.load(station.db).enrolment.device_key
    if not raw:
        raise NotEnrolled()
    return Ed25519PrivateKey.from_private_bytes(protocol.unb64(raw))


def hub_key(station: Station) -> str:
    key = sync_state.load(station.db).enrolment.hub_signing_key
    if not key:
        raise NotEnrolled()
    return key


def certificate(station: Station, client: HubClient | None = None) -> dict[str, Any]:
    """This station's device certificate; fetched once with a signed request when the station was
    enrolled before the hub issued them (needs the link then: BundleNoCertificate without it)."""
    stored = sync_state.load(station.db).enrolment.certificate_document()
    if stored is not None:
        return stored
    from sync import engine

    try:
        client = client or engine.client_for(station)
        answer = client._send("GET", protocol.CERTIFICATE)
    except (LinkDown, HubRefused) as exc:
        raise BundleNoCertificate(reason=exc.code) from exc
    cert = answer.get("certificate")
    if not isinstance(cert, dict):
        raise HubProtocolError("certificate answer without a certificate")
    try:
        body = bundle_documents.verify_document(bundle_documents.CERT_FORMAT, cert, hub_key(station))
    except BundleFormatError as exc:
        raise HubProtocolError("the hub's certificate does not check out") from exc
    if body.get("station") != station.station_code or \
            body.get("device_key") != protocol.b64(protocol.public_bytes(device_key(station))):
        raise HubProtocolError("the hub certified another station or key")
    with station.db.transaction():
        kept = sync_state.load(station.db)
        sync_state.save(station.db, replace(kept, enrolment=replace(
            kept.enrolment, certificate=json.dumps(cert, ensure_ascii=False), region=str(body.get("region") or ""))))
    log.info("device certificate fetched from the hub")
    return cert


def trust_for(station: Station, client: HubClient | None) -> bundle_documents.Trust:
    cert = certificate(station, client)
    return bundle_documents.Trust(hub_key=hub_key(station), region=str(cert.get("region") or ""))


def typed_error(exc: BundleFormatError, path: Path, **details: Any) -> BundleError:
    cls = ERRORS.get(exc.reason, BundleTampered)
    extra: dict[str, Any] = {"reason": exc.reason}
    if exc.reason == "foreign_region":
        extra["region"] = exc.detail
    if exc.reason == "unsupported_version":
        extra["version"] = exc.detail
    return cls(str(exc), path=str(path), **extra, **details)


