"""The hub's own identity, kept in ``hub_meta``: its signing key (it signs what it sends to
stations), its box key (stations encrypt offline bundles to it), both generated on first use, and
the region it serves (``bianmin-hub region``)."""

from __future__ import annotations

import base64
import logging
from typing import Any, NamedTuple

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from hub.models import HubMeta

log = logging.getLogger(__name__)

SIGNING_KEY = "hub_signing_key"
BOX_KEY = "hub_box_key"
REGION = "region"
DEFAULT_REGION = "540000"  # the region a hub serves (6-digit division code), written in device certificates


class HubKeys(NamedTuple):
    """The hub's public keys, base64 of the raw 32 bytes."""

    signing_key: str  # Ed25519: the hub signs what it sends to stations
    box_key: str  # X25519: stations encrypt offline bundles to the hub


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _raw_private(key: Ed25519PrivateKey | X25519PrivateKey) -> bytes:
    return key.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                             serialization.NoEncryption())


def _raw_public(key: Ed25519PrivateKey | X25519PrivateKey) -> bytes:
    return key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def _meta_key(session: Session, name: str, generate: Any) -> bytes:
    row = session.get(HubMeta, name)
    if row is not None:
        return base64.b64decode(row.value)
    raw = _raw_private(generate())
    session.add(HubMeta(key=name, value=_b64(raw)))
    session.flush()
    log.info("generated %s", name)
    return raw


def hub_private_keys(session: Session) -> tuple[Ed25519PrivateKey, X25519PrivateKey]:
    """The hub's signing and box private keys, generated (and flushed into ``session``) on first use."""
    signing = Ed25519PrivateKey.from_private_bytes(_meta_key(session, SIGNING_KEY, Ed25519PrivateKey.generate))
    box = X25519PrivateKey.from_private_bytes(_meta_key(session, BOX_KEY, X25519PrivateKey.generate))
    return signing, box


def hub_keys(session: Session) -> HubKeys:
    """The hub's public keys; the caller commits if they were just generated."""
    signing, box = hub_private_keys(session)
    return HubKeys(signing_key=_b64(_raw_public(signing)), box_key=_b64(_raw_public(box)))


def ensure_hub_keys(engine: Engine) -> HubKeys:
    """Generate the hub's keys if this database has none yet, and return the public halves."""
    for attempt in range(3):
        with Session(engine) as session:
            try:
                keys = hub_keys(session)
                session.commit()
                return keys
            except IntegrityError:  # another process generated them at the same moment
                session.rollback()
                if attempt == 2:
                    raise
    raise AssertionError("unreachable")


def region(session: Session) -> str:
    """The region this hub serves (``bianmin-hub region`` sets it)."""
    row = session.get(HubMeta, REGION)
    return row.value if row is not None else DEFAULT_REGION


def set_region(session: Session, code: str) -> None:
    row = session.get(HubMeta, REGION)
    if row is None:
        session.add(HubMeta(key=REGION, value=code))
    else:
        row.value = code
