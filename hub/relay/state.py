"""The relay's directory: what it keeps between runs.

- ``relay.json``: the upstream hub, the station and the relay's device number (no secret);
- ``device.key``: the relay's Ed25519 device key (base64), mode 0600, made before it enrols so that
  an enrolment whose answer was lost is retried with the same key;
- ``db.key``: the random 256-bit key of its SQLCipher database (hex), mode 0600;
- ``relay.db`` (+ ``-wal``/``-shm``): the database, encrypted.

The database key next to the database protects the copies on a disk or a backup taken without that
file, not against someone who can read the relay PC's directory as its user: keep the directory on
the PC, readable by the relay's account alone (``docs/operations.md``).
"""

from __future__ import annotations

import json
import os
import secrets
from dataclasses import asdict, dataclass
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from sync import protocol

CONFIG = "relay.json"
DEVICE_KEY = "device.key"
DB_KEY = "db.key"
DATABASE = "relay.db"
DEFAULT_DEVICE = "90"


class RelayNotSetUp(Exception):
    """The directory holds no relay (``bianmin-hub relay`` was never run there with ``--upstream``)."""


@dataclass(frozen=True)
class RelayConfig:
    upstream: str  # the regional hub's URL, without a trailing slash
    station: str  # the 12-digit station code
    device: str  # the relay's device number at the station ("90" by default)
    enrolled_at: str  # when it enrolled (the relay's clock, ISO 8601)
    ca_bundle: str = ""  # a CA file for the upstream hub's TLS certificate, "" for the system's

    @property
    def keyid(self) -> str:
        return protocol.keyid_of(self.station, self.device)


def _write_secret(path: Path, text: str) -> None:
    """``text`` into ``path`` readable by the owner alone, whole or not at all."""
    tmp = path.with_name(path.name + ".tmp")
    tmp.unlink(missing_ok=True)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        os.write(fd, text.encode("ascii"))
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(tmp, path)


class RelayDir:
    """The relay's directory (made with mode 0700 when new)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def make(self) -> None:
        self.path.mkdir(parents=True, exist_ok=True, mode=0o700)

    @property
    def database(self) -> Path:
        return self.path / DATABASE

    def is_set_up(self) -> bool:
        return (self.path / CONFIG).is_file()

    def config(self) -> RelayConfig:
        try:
            doc = json.loads((self.path / CONFIG).read_text("utf-8"))
            return RelayConfig(**{k: str(doc[k]) for k in ("upstream", "station", "device", "enrolled_at")},
                               ca_bundle=str(doc.get("ca_bundle") or ""))
        except FileNotFoundError as exc:
            raise RelayNotSetUp(str(self.path)) from exc

    def save_config(self, config: RelayConfig) -> None:
        tmp = self.path / (CONFIG + ".tmp")
        tmp.write_text(json.dumps(asdict(config), ensure_ascii=False, indent=1), "utf-8")
        os.replace(tmp, self.path / CONFIG)

    def device_key(self) -> Ed25519PrivateKey:
        """The relay's device key; made (and kept) on first use."""
        path = self.path / DEVICE_KEY
        if not path.exists():
            _write_secret(path, protocol.b64(protocol.private_bytes(protocol.new_device_key())))
        return Ed25519PrivateKey.from_private_bytes(protocol.unb64(path.read_text("ascii").strip()))

    def database_key(self) -> str:
        """The database's raw key, 64 hex digits; made (and kept) on first use."""
        path = self.path / DB_KEY
        if not path.exists():
            _write_secret(path, secrets.token_hex(32))
        key = path.read_text("ascii").strip()
        if len(key) != 64 or any(c not in "0123456789abcdef" for c in key):
            raise ValueError(f"{path}: not a database key")
        return key
