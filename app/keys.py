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
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import portalocker
from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from app.config import KdfParams
from app.errors import (
    AccountLocked,
    StoreBusy,
    StoreCorrupt,
    UnknownLogin,
    UnknownOperator,
    WrongPassword,
    WrongRecoveryCode,
)

log = logging.getLogger(__name__)

FORMAT = "bianmin-keys/1"
RECOVERY_SLOT = "recovery"
MAX_FAILURES = 5
LOCK_SECONDS = 5 * 60
# Failure counters kept for logins that have no slot, so that an unknown login is answered exactly
# like a wrong password (same key derivation, same count, same lockout): at most this many.
MAX_DECOYS = 200
# How long a change to the key file waits for another process's change (each takes milliseconds).
EDIT_WAIT_SECONDS = 30
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
    """In-memory view of ``keys.json``.

    Every change to a key file that exists goes through :meth:`edit`: under a lock held across
    processes (``keys.json.lock``) it reads the file again, applies the change and writes it back
    atomically, so two processes never undo each other's change (a failed login that overlaps an
    administrator adding an operator, say) and every failed login is counted.  The slow part of a
    change (Argon2id) is done before the lock is taken: :meth:`make_slot`, then :meth:`set_slot`.
    """

    def __init__(self, path: Path, data: dict[str, Any]) -> None:
        self.path = path
        self.data = data

    @contextmanager
    def edit(self, *, reload: bool = True) -> Iterator[KeyFile]:
        """Read the file again under the lock, let the caller change it, write it back
        (``reload=False``: replace it whole, as a restore does, even a damaged one)."""
        try:
            with portalocker.Lock(str(self.path.with_name(self.path.name + ".lock")), mode="a",
                                  timeout=EDIT_WAIT_SECONDS, check_interval=0.02, fail_when_locked=False):
                if reload and self.path.exists():
                    self.data = KeyFile.load(self.path).data
                before = self.to_bytes() if reload and self.path.exists() else None
                yield self
                if self.to_bytes() != before:  # a login that changes nothing writes nothing
                    self.save()
        except portalocker.exceptions.LockException as exc:
            raise StoreBusy("key file locked by another process") from exc

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
                return s
        return None

    def operator_slot_id(self, login: str) -> str:
        return slot_id_for(self.station_code, login)

    def make_slot(self, slot_id: str, kind: str, secret: str, data_keys: dict[int, bytes],
                  params: KdfParams) -> dict[str, Any]:
        """A slot whose private key opens with ``secret`` (the slow part: Argon2id)."""
        priv = X25519PrivateKey.generate()
        salt = secrets.token_bytes(16)
        kek = _kek(secret, salt, params)
        nonce = secrets.token_bytes(12)
        public = _raw_public(priv.public_key())
        return {
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

    def set_slot(self, slot: dict[str, Any]) -> None:
        """Create or replace a slot made by :meth:`make_slot`."""
        self.remove_slot(str(slot["id"]))
        self.data["slots"].append(slot)

    def put_slot(self, slot_id: str, kind: str, secret: str, data_keys: dict[int, bytes], params: KdfParams) -> None:
        """Make and set a slot in memory (a key file being created; else :meth:`edit`)."""
        self.set_slot(self.make_slot(slot_id, kind, secret, data_keys, params))

    def remove_slot(self, slot_id: str) -> bool:
        before = len(self.data["slots"])
        self.data["slots"] = [s for s in self.data["slots"] if s["id"] != slot_id]
        return len(self.data["slots"]) != before

    def unlock(self, slot_id: str, secret: str, now: float | None = None, count_failures: bool = True) -> Unlocked:
        """Open a slot.  With ``count_failures`` a wrong secret counts towards the lockout: the
        count is kept in the file, re-read and written under the file's lock, so failures in
        parallel processes all count and an account locks after ``MAX_FAILURES`` whatever their
        order."""
        now = time.time() if now is None else now
        if count_failures and self.path.exists():
            self.data = KeyFile.load(self.path).data
        slot = self.slot(slot_id)
        is_recovery = slot_id == RECOVERY_SLOT
        if slot is None and count_failures and not is_recovery:
            self._decoy(slot_id, secret, now)
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
            if not count_failures:
                raise WrongRecoveryCode() if is_recovery else WrongPassword(remaining=MAX_FAILURES) from None
            self._count_failure(slot_id, now, is_recovery)
            raise AssertionError("unreachable") from None
        if count_failures:
            with self.edit():
                fresh = self.slot(slot_id)
                if fresh is not None and float(fresh.get("locked_until", 0)) > now:
                    # Guesses in parallel locked the account while this one was being checked.
                    raise AccountLocked(until=float(fresh["locked_until"]))
                if fresh is not None and (fresh.get("failed") or fresh.get("locked_until")):
                    fresh["failed"] = 0
                    fresh["locked_until"] = 0
            slot = self.slot(slot_id) or slot
        keys: dict[int, bytes] = {}
        for epoch_text, sealed in slot["sealed"].items():
            epoch = int(epoch_text)
            try:
                keys[epoch] = unseal(private, sealed, self._aad(slot_id, epoch))
            except InvalidTag as exc:
                raise StoreCorrupt("sealed data key does not open", slot=slot_id) from exc
        if not keys:
            raise StoreCorrupt("slot holds no data key", slot=slot_id)
        return Unlocked(slot_id=slot_id, private=private, data_keys=keys)

    def _decoy(self, slot_id: str, secret: str, now: float) -> None:
        """An unknown login: the work and the answer of a wrong password (never returns)."""
        decoys: dict[str, Any] = self.data.get("decoys", {})
        entry = decoys.get(slot_id, {})
        if float(entry.get("locked_until", 0)) > now:
            raise AccountLocked(until=float(entry["locked_until"]))
        model = next((s for s in self.data["slots"] if s.get("kind") == "operator"), None)
        if model is not None:
            kdf = model["kdf"]
            params = KdfParams(time_cost=int(kdf["t"]), memory_kib=int(kdf["m"]), parallelism=int(kdf["p"]))
            _kek(secret, hashlib.sha256(slot_id.encode()).digest()[:16], params)
        self._count_failure(slot_id, now, is_recovery=False, decoy=True)

    def _count_failure(self, slot_id: str, now: float, is_recovery: bool, decoy: bool = False) -> None:
        """Count one wrong secret (re-read under the lock) and raise what the caller is told."""
        locked_until = 0.0
        remaining = MAX_FAILURES
        with self.edit():
            if decoy:
                decoys = self.data.setdefault("decoys", {})
                slot = decoys.setdefault(slot_id, {"failed": 0, "locked_until": 0})
                slot["at"] = now
                for old in sorted(decoys, key=lambda k: float(decoys[k].get("at", 0)))[:-MAX_DECOYS]:
                    del decoys[old]
            else:
                slot = self.slot(slot_id)
            if slot is not None:
                if float(slot.get("locked_until", 0)) > now:
                    locked_until = float(slot["locked_until"])
                else:
                    slot["failed"] = int(slot.get("failed", 0)) + 1
                    remaining = MAX_FAILURES - slot["failed"]
                    if slot["failed"] >= MAX_FAILURES:
                        slot["locked_until"] = locked_until = now + LOCK_SECONDS
                        slot["failed"] = 0
        if locked_until:
            raise AccountLocked(until=locked_until)
        if decoy:
            raise UnknownLogin(remaining=remaining)
        raise WrongRecoveryCode() if is_recovery else WrongPassword(remaining=remaining)

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
