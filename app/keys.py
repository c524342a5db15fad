"""The station's key file: one random data key, sealed for every operator and for recovery.

Layout (``keys.json``, owner-only, written atomically)::

    {"format": "bianmin-keys/1", "station_code": "...", "epochs": [1],
     "slots": [{"id": ..., "kind": "operator" | "recovery", "public": X25519 public key,
                "kdf": {Argon2id params and salt}, "private": AES-GCM(KEK, X25519 private key),
                "sealed": {"1": ECIES(public, data key of epoch 1)}, "failed": 0, "locked_until": 0}]}

Each slot holds an X25519 key pair whose private half is wrapped with a key derived from the
operator's password (or the recovery code) by Argon2id.  The data key of each epoch is sealed to
every slot's public key, so an administrator can rotate the data key (``rekey``) for everyone
without knowing their passwords, and a forgotten password is recovered with the recovery code.
Slots are found by a hash of the login, so the file names nobody.  During a rekey the file holds
both epochs until the database has been re-encrypted, so a crash in between loses nothing.
"""

from __future__ import annotations

import base64
import hashlib
import json
import logging
import os
import secrets
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from app.config import KdfParams
from app.errors import (
    AccountLocked,
    StoreCorrupt,
    UnknownOperator,
    WrongPassword,
    WrongRecoveryCode,
)

log = logging.getLogger(__name__)

FORMAT = "bianmin-keys/1"
RECOVERY_SLOT = "recovery"
MAX_FAILURES = 5
LOCK_SECONDS = 5 * 60
# Crockford's base32 alphabet: no I, L, O, U, so a code read aloud or retyped is unambiguous.
_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_RECOVERY_GROUPS = 6
_GROUP = 4


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def new_data_key() -> bytes:
    return secrets.token_bytes(32)


def new_recovery_code() -> str:
    chars = [secrets.choice(_ALPHABET) for _ in range(_RECOVERY_GROUPS * _GROUP)]
    groups = ["".join(chars[i : i + _GROUP]) for i in range(0, len(chars), _GROUP)]
    return "-".join(groups)


def normalize_recovery_code(code: str) -> str:
    """Upper-case, drop separators, and read the look-alike letters as Crockford does."""
    table = str.maketrans({"O": "0", "I": "1", "L": "1", "U": "V"})
    cleaned = "".join(ch for ch in code.upper() if ch.isalnum()).translate(table)
    return cleaned


def slot_id_for(station_code: str, login: str) -> str:
    return hashlib.sha256(f"{station_code}\x00{login.strip().lower()}".encode()).hexdigest()[:32]


def _kek(secret: str, salt: bytes, params: KdfParams) -> bytes:
    return hash_secret_raw(
        secret.encode("utf-8"),
        salt,
        time_cost=params.time_cost,
        memory_cost=params.memory_kib,
        parallelism=params.parallelism,
        hash_len=32,
        type=Type.ID,
    )


def _raw_public(key: X25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def _raw_private(key: X25519PrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )


def _seal_key(shared: bytes, info: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=info).derive(shared)


def seal(public: bytes, data_key: bytes, aad: bytes) -> dict[str, str]:
    """ECIES: an ephemeral X25519 exchange with ``public``, HKDF, AES-256-GCM."""
    eph = X25519PrivateKey.generate()
    shared = eph.exchange(X25519PublicKey.from_public_bytes(public))
    eph_pub = _raw_public(eph.public_key())
    key = _seal_key(shared, b"bianmin-seal/1" + eph_pub + public)
    nonce = secrets.token_bytes(12)
    return {"eph": _b64(eph_pub), "nonce": _b64(nonce), "ct": _b64(AESGCM(key).encrypt(nonce, data_key, aad))}


def unseal(private: bytes, sealed: dict[str, str], aad: bytes) -> bytes:
    priv = X25519PrivateKey.from_private_bytes(private)
    eph_pub = _unb64(sealed["eph"])
    shared = priv.exchange(X25519PublicKey.from_public_bytes(eph_pub))
    public = _raw_public(priv.public_key())
    key = _seal_key(shared, b"bianmin-seal/1" + eph_pub + public)
    return AESGCM(key).decrypt(_unb64(sealed["nonce"]), _unb64(sealed["ct"]), aad)


@dataclass
class Unlocked:
    """What a correct password opens: the slot's private key and the data key of each epoch."""

    slot_id: str
    private: bytes
    data_keys: dict[int, bytes]

    def newest(self) -> tuple[int, bytes]:
        epoch = max(self.data_keys)
        return epoch, self.data_keys[epoch]


class KeyFile:
    """In-memory view of ``keys.json``; :meth:`save` writes it atomically."""

    def __init__(self, path: Path, data: dict[str, Any]) -> None:
        self.path = path
        self.data = data

    # -- creation and persistence ------------------------------------------------------------
    @classmethod
    def create(cls, path: Path, station_code: str) -> KeyFile:
        return cls(path, {"format": FORMAT, "station_code": station_code, "epochs": [1], "slots": []})

    @classmethod
    def load(cls, path: Path) -> KeyFile:
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            raise
        except OSError as exc:
            raise StoreCorrupt("key file unreadable", path=str(path), reason=str(exc)) from exc
        try:
            data = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise StoreCorrupt("key file is not valid JSON", path=str(path)) from exc
        if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("slots"), list):
            raise StoreCorrupt("key file has an unknown format", path=str(path))
        return cls(path, data)

    def save(self) -> None:
        write_private_file(self.path, json.dumps(self.data, indent=1, sort_keys=True).encode("utf-8"))

    def to_bytes(self) -> bytes:
        return json.dumps(self.data, indent=1, sort_keys=True).encode("utf-8")

    # -- slots -------------------------------------------------------------------------------
    @property
    def station_code(self) -> str:
        return str(self.data["station_code"])

    @property
    def epochs(self) -> list[int]:
        return [int(e) for e in self.data["epochs"]]

    def _aad(self, slot_id: str, epoch: int) -> bytes:
        return f"{FORMAT}|{self.station_code}|{slot_id}|{epoch}".encode()

    def slot(self, slot_id: str) -> dict[str, Any] | None:
        for s in self.data["slots"]:
            if s["id"] == slot_id:
                return s  # type: ignore[no-any-return]
        return None

    def operator_slot_id(self, login: str) -> str:
        return slot_id_for(self.station_code, login)

    def put_slot(self, slot_id: str, kind: str, secret: str, data_keys: dict[int, bytes], params: KdfParams) -> None:
        """Create or replace a slot whose private key opens with ``secret``."""
        priv = X25519PrivateKey.generate()
        salt = secrets.token_bytes(16)
        kek = _kek(secret, salt, params)
        nonce = secrets.token_bytes(12)
        public = _raw_public(priv.public_key())
        slot: dict[str, Any] = {
            "id": slot_id,
            "kind": kind,
            "public": _b64(public),
            "kdf": {"alg": "argon2id", "salt": _b64(salt), **params.as_dict()},
            "private": {
                "nonce": _b64(nonce),
                "ct": _b64(AESGCM(kek).encrypt(nonce, _raw_private(priv), slot_id.encode())),
            },
            "sealed": {str(e): seal(public, k, self._aad(slot_id, e)) for e, k in data_keys.items()},
            "failed": 0,
            "locked_until": 0,
        }
        self.remove_slot(slot_id)
        self.data["slots"].append(slot)

    def remove_slot(self, slot_id: str) -> bool:
        before = len(self.data["slots"])
        self.data["slots"] = [s for s in self.data["slots"] if s["id"] != slot_id]
        return len(self.data["slots"]) != before

    def unlock(self, slot_id: str, secret: str, now: float | None = None, count_failures: bool = True) -> Unlocked:
        """Open a slot; wrong secrets count towards the lockout, which is saved at once."""
        now = time.time() if now is None else now
        slot = self.slot(slot_id)
        is_recovery = slot_id == RECOVERY_SLOT
        if slot is None:
            raise WrongRecoveryCode() if is_recovery else UnknownOperator()
        if count_failures and float(slot.get("locked_until", 0)) > now:
            raise AccountLocked(until=float(slot["locked_until"]))
        kdf = slot["kdf"]
        params = KdfParams(time_cost=int(kdf["t"]), memory_kib=int(kdf["m"]), parallelism=int(kdf["p"]))
        if is_recovery:
            secret = normalize_recovery_code(secret)
        kek = _kek(secret, _unb64(kdf["salt"]), params)
        try:
            private = AESGCM(kek).decrypt(
                _unb64(slot["private"]["nonce"]), _unb64(slot["private"]["ct"]), slot_id.encode()
            )
        except InvalidTag:
            if count_failures:
                slot["failed"] = int(slot.get("failed", 0)) + 1
                remaining = MAX_FAILURES - slot["failed"]
                if slot["failed"] >= MAX_FAILURES:
                    slot["locked_until"] = now + LOCK_SECONDS
                    slot["failed"] = 0
                    self.save()
                    raise AccountLocked(until=slot["locked_until"]) from None
                self.save()
            else:
                remaining = MAX_FAILURES
            raise WrongRecoveryCode() if is_recovery else WrongPassword(remaining=remaining) from None
        keys: dict[int, bytes] = {}
        for epoch_text, sealed in slot["sealed"].items():
            epoch = int(epoch_text)
            try:
                keys[epoch] = unseal(private, sealed, self._aad(slot_id, epoch))
            except InvalidTag as exc:
                raise StoreCorrupt("sealed data key does not open", slot=slot_id) from exc
        if not keys:
            raise StoreCorrupt("slot holds no data key", slot=slot_id)
        if count_failures and (slot.get("failed") or slot.get("locked_until")):
            slot["failed"] = 0
            slot["locked_until"] = 0
            self.save()
        return Unlocked(slot_id=slot_id, private=private, data_keys=keys)

    def reset_lock(self, slot_id: str) -> bool:
        slot = self.slot(slot_id)
        if slot is None:
            return False
        slot["failed"] = 0
        slot["locked_until"] = 0
        return True

    def lock_state(self, slot_id: str, now: float | None = None) -> tuple[int, float]:
        """(failed attempts so far, locked-until epoch seconds or 0)."""
        now = time.time() if now is None else now
        slot = self.slot(slot_id)
        if slot is None:
            return 0, 0.0
        until = float(slot.get("locked_until", 0))
        return int(slot.get("failed", 0)), until if until > now else 0.0

    # -- data key rotation -------------------------------------------------------------------
    def add_epoch(self, epoch: int, data_key: bytes) -> None:
        """Seal a new data key to every slot (their passwords are not needed)."""
        for slot in self.data["slots"]:
            slot["sealed"][str(epoch)] = seal(_unb64(slot["public"]), data_key, self._aad(slot["id"], epoch))
        self.data["epochs"] = sorted({*self.epochs, epoch})

    def drop_epochs_except(self, epoch: int) -> None:
        for slot in self.data["slots"]:
            slot["sealed"] = {k: v for k, v in slot["sealed"].items() if int(k) == epoch}
        self.data["epochs"] = [epoch]


def write_private_file(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically (temp file, fsync, rename, fsync dir), mode 0600."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    try:
        dfd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dfd)
        finally:
            os.close(dfd)
    except OSError:  # pragma: no cover - some filesystems (Windows) cannot fsync a directory
        log.debug("directory fsync not supported for %s", path.parent)
