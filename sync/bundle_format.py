"""Offline bundles, format version 1 (``bianmin-bundle/1``): shared by stations and the reference hub.

A bundle carries a station's journal events and attachments on a USB stick or a laptop to a place
with a link. Anyone may hold it; only the hub can read it; only the station's device key can make
it; and nothing in it can be changed, reordered, cut short or added to without that showing::

    MAGIC (16 bytes)
    u32 header length | header (canonical JSON, in clear: no personal data)
    frames:  b"C" | u32 index | u32 length | AES-256-GCM ciphertext     (a chunk)
             b"E" | ...                                                  (the last chunk)
    trailer: b"S" | u32 length | JSON {"chunks", "chain", "signature"}

* The header names the bundle (``bundle_id``), the station (code and name), its device key and
  the hub's certificate of that key (:func:`make_certificate`), counts and sizes for a summary,
  and the chunk key sealed to the hub's X25519 box key (``app.keys.seal``). A work team's laptop
  also seals it to the box key of each window of its station it knows (optional ``readers``:
  {device number: sealed key}), so that the township centre can take the laptop's cases into its
  own records while the regional link is down; a reader that is no such window ignores the field.
* Each chunk is encrypted on its own with that key; the nonce is its index and the associated
  data binds the bundle id, the index and whether it is the last chunk, so the hub detects a
  chunk moved, copied from another bundle, or a bundle cut short even without the signature.
* A hash chain runs over the header and every frame as written; the station's Ed25519 device key
  signs its end. So whoever holds the bundle (the township centre) checks the signer, the
  certificate, the region and every byte without decrypting anything; only the hub and the
  windows named in ``readers`` can decrypt it.

Reading and writing go chunk by chunk: a bundle never needs to fit in memory.
"""

from __future__ import annotations

import hashlib
import json
import secrets
import struct
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, BinaryIO

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from app.journal import canonical
from app.keys import seal, unseal
from sync.bundle_documents import (
    ACK_FORMAT,
    CERT_FORMAT,
    BundleFormatError,
    Trust,
    b64,
    check_certificate,
    make_certificate,
    public_key,
    sign_document,
    unb64,
    verify_document,
)

# The signed documents are ``sync.bundle_documents``'s; named here too, with the format they travel in.
__all__ = ["ACK_FORMAT", "ATTACHMENT_PIECE", "CERT_FORMAT", "EVENTS_PER_CHUNK", "FORMAT", "KIND_ATTACHMENT",
           "KIND_EVENTS", "NOT_SEALED", "BundleFormatError", "BundleWriter", "Header", "Part", "Trust", "Verified",
           "decrypt", "make_certificate", "new_bundle_id", "read_header", "seq_ranges", "sign_document", "verify",
           "verify_document"]

FORMAT = "bianmin-bundle/1"
MAGIC = b"BIANMIN-BUNDLE1\n"
CHUNK = b"C"
END = b"E"
TRAILER = b"S"
MAX_HEADER = 256 * 1024
MAX_FRAME = 8 * 1024 * 1024  # ciphertext of one chunk (writers use far less)
MAX_TRAILER = 4096
ATTACHMENT_PIECE = 256 * 1024  # plaintext bytes of an attachment per chunk
EVENTS_PER_CHUNK = 500
KIND_EVENTS = "events"
KIND_ATTACHMENT = "attachment"
NOT_SEALED = "not_sealed"  # a reader's decrypt: no key sealed to it (a reason, never a refusal of the bundle)
_U32 = struct.Struct(">I")
_FRAME_HEAD = struct.Struct(">cII")


def new_bundle_id() -> str:
    return secrets.token_hex(16)


# -- writing -----------------------------------------------------------------------------------
def _chunk_aad(bundle_id: str, index: int, last: bool) -> bytes:
    return f"{FORMAT}|{bundle_id}|".encode("ascii") + _U32.pack(index) + (b"\x01" if last else b"\x00")


def _nonce(index: int) -> bytes:
    return b"\x00\x00\x00\x00" + index.to_bytes(8, "big")


def _reader_aad(bundle_id: str, device: str) -> bytes:
    return f"{FORMAT}|{bundle_id}|reader|{device}".encode("ascii")


def _chain_start(header_bytes: bytes) -> bytes:
    return hashlib.sha256(FORMAT.encode("ascii") + b"|header|" + header_bytes).digest()


def _signature_input(chain: bytes, chunks: int) -> bytes:
    return FORMAT.encode("ascii") + b"|signature|" + chain + _U32.pack(chunks)


def _part(meta: dict[str, Any], data: bytes) -> bytes:
    head = json.dumps(meta, separators=(",", ":"), sort_keys=True).encode("utf-8")
    return _U32.pack(len(head)) + head + data


class BundleWriter:
    """Writes a bundle to ``out`` part by part; :meth:`finish` writes the last chunk and the trailer.

    One part is held back so that the last one can be flagged as such when it is written.
    """

    def __init__(self, out: BinaryIO, *, header: dict[str, Any], hub_box_key: bytes,
                 device_key: Ed25519PrivateKey, readers: dict[str, bytes] | None = None) -> None:
        self.out = out
        self.bundle_id = str(header["bundle_id"])
        self._key = AESGCM.generate_key(bit_length=256)
        self._device_key = device_key
        sealed = seal(hub_box_key, self._key, f"{FORMAT}|{self.bundle_id}".encode("ascii"))
        self.header = {**header, "format": FORMAT, "key": sealed}
        if readers:  # left out when none: such a bundle is byte for byte what it was before readers
            self.header["readers"] = {device: seal(box, self._key, _reader_aad(self.bundle_id, device))
                                      for device, box in sorted(readers.items())}
        header_bytes = canonical(self.header)
        out.write(MAGIC + _U32.pack(len(header_bytes)) + header_bytes)
        self._chain = _chain_start(header_bytes)
        self._held: bytes | None = None
        self.chunks = 0
        self.bytes_written = len(MAGIC) + 4 + len(header_bytes)

    def _frame(self, plain: bytes, last: bool) -> None:
        index = self.chunks
        ct = AESGCM(self._key).encrypt(_nonce(index), plain, _chunk_aad(self.bundle_id, index, last))
        frame = _FRAME_HEAD.pack(END if last else CHUNK, index, len(ct)) + ct
        self.out.write(frame)
        self._chain = hashlib.sha256(self._chain + frame).digest()
        self.chunks += 1
        self.bytes_written += len(frame)

    def _add(self, plain: bytes) -> None:
        if self._held is not None:
            self._frame(self._held, last=False)
        self._held = plain

    def add_events(self, events: list[dict[str, Any]]) -> None:
        """A batch of wire events (``sync.protocol.event_to_wire``), compressed."""
        data = zlib.compress(json.dumps(events, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), 6)
        self._add(_part({"kind": KIND_EVENTS, "count": len(events)}, data))

    def add_attachment_piece(self, *, sha256: str, size: int, mime: str, offset: int, data: bytes) -> None:
        self._add(_part({"kind": KIND_ATTACHMENT, "sha256": sha256, "size": size, "mime": mime, "offset": offset},
                        data))

    def finish(self) -> dict[str, Any]:
        """Write the last chunk and the signed trailer; the trailer."""
        self._frame(self._held if self._held is not None else _part({"kind": "end"}, b""), last=True)
        self._held = None
        trailer = {"chunks": self.chunks, "chain": self._chain.hex(),
                   "signature": b64(self._device_key.sign(_signature_input(self._chain, self.chunks)))}
        raw = json.dumps(trailer, separators=(",", ":"), sort_keys=True).encode("ascii")
        self.out.write(TRAILER + _U32.pack(len(raw)) + raw)
        self.bytes_written += 1 + 4 + len(raw)
        return trailer


# -- reading -----------------------------------------------------------------------------------
def _read_exact(stream: BinaryIO, n: int, what: str) -> bytes:
    parts: list[bytes] = []
    remaining = n
    while remaining > 0:
        got = stream.read(remaining)
        if not got:
            raise BundleFormatError("truncated", f"the file ends inside {what}")
        parts.append(got)
        remaining -= len(got)
    return b"".join(parts) if len(parts) != 1 else parts[0]


@dataclass
class Header:
    """A bundle's clear header (what was checked of it is in :class:`Verified`)."""

    raw: bytes
    fields: dict[str, Any]

    @property
    def bundle_id(self) -> str:
        return str(self.fields["bundle_id"])

    @property
    def station(self) -> str:
        return str(self.fields["station"])

    def sealed_for(self, device: str) -> dict[str, Any] | None:
        """The chunk key sealed to ``device``'s box key (a window of the laptop's station), if any."""
        readers = self.fields.get("readers")
        sealed = readers.get(device) if isinstance(readers, dict) else None
        return sealed if isinstance(sealed, dict) else None

    @property
    def summary(self) -> dict[str, Any]:
        value = self.fields.get("summary")
        return value if isinstance(value, dict) else {}


def read_header(stream: BinaryIO) -> Header:
    magic = stream.read(len(MAGIC))
    if magic != MAGIC:
        if magic[:14] == MAGIC[:14]:
            raise BundleFormatError("unsupported_version", magic[:15].decode("ascii", "replace"))
        if len(magic) < len(MAGIC) and MAGIC.startswith(magic) and magic:
            raise BundleFormatError("truncated", "the file ends inside the header")
        raise BundleFormatError("not_a_bundle")
    (length,) = _U32.unpack(_read_exact(stream, 4, "the header"))
    if length > MAX_HEADER:
        raise BundleFormatError("tampered", "header too long")
    raw = _read_exact(stream, length, "the header")
    try:
        fields = json.loads(raw)
    except (ValueError, RecursionError) as exc:
        raise BundleFormatError("tampered", "header is not JSON") from exc
    if not isinstance(fields, dict):
        raise BundleFormatError("tampered", "header is not an object")
    if fields.get("format") != FORMAT:
        raise BundleFormatError("unsupported_version", str(fields.get("format"))[:40])
    for name in ("bundle_id", "station", "station_name", "created_at"):
        if not isinstance(fields.get(name), str):
            raise BundleFormatError("tampered", f"header without {name}")
    if not isinstance(fields.get("key"), dict) or not isinstance(fields.get("certificate"), dict):
        raise BundleFormatError("tampered", "header without key or certificate")
    return Header(raw=raw, fields=fields)


@dataclass
class Verified:
    """A bundle whose every byte checked out: signed by the device key the hub certified."""

    header: Header
    certificate: dict[str, Any]
    chunks: int
    size: int
    sha256: str  # of the whole file, as read
    trailer: dict[str, Any] = field(default_factory=dict)


class _Hashing:
    """Passes reads through, hashing and counting them."""

    def __init__(self, stream: BinaryIO) -> None:
        self.stream = stream
        self.digest = hashlib.sha256()
        self.size = 0

    def read(self, n: int) -> bytes:
        data = self.stream.read(n)
        self.digest.update(data)
        self.size += len(data)
        return data


def _frames(stream: Any, header: Header, out: dict[str, Any]) -> Iterator[tuple[int, bool, bytes]]:
    """(index, last, ciphertext) of each frame; then checks the trailer's chain and signature and
    puts the trailer in ``out``. Only an exhausted iterator has proved the frames genuine.
    """
    chain = _chain_start(header.raw)
    index = 0
    ended = False
    while True:
        kind = stream.read(1)
        if not kind:
            raise BundleFormatError("truncated", "the file ends before its signature")
        if kind == TRAILER:
            break
        if kind not in (CHUNK, END) or ended:
            raise BundleFormatError("tampered", f"unexpected frame at chunk {index}")
        head = _read_exact(stream, 8, f"chunk {index}")
        number, length = struct.unpack(">II", head)
        if number != index or not 16 <= length <= MAX_FRAME:
            raise BundleFormatError("tampered", f"chunk {index} has a wrong number or length")
        ct = _read_exact(stream, length, f"chunk {index}")
        chain = hashlib.sha256(chain + kind + head + ct).digest()
        ended = kind == END
        yield index, ended, ct
        index += 1
    if not ended:
        raise BundleFormatError("truncated", "no last chunk")
    (length,) = _U32.unpack(_read_exact(stream, 4, "the signature"))
    if length > MAX_TRAILER:
        raise BundleFormatError("tampered", "trailer too long")
    try:
        trailer = json.loads(_read_exact(stream, length, "the signature"))
        signature = unb64(trailer["signature"])
        chunks = trailer["chunks"]
    except (ValueError, KeyError, TypeError, RecursionError) as exc:
        raise BundleFormatError("tampered", "unreadable trailer") from exc
    if stream.read(1):
        raise BundleFormatError("tampered", "data after the signature")
    if chunks != index or trailer.get("chain") != chain.hex():
        raise BundleFormatError("tampered", "the content is not what was signed")
    device = public_key(header.fields["certificate"].get("device_key"))
    try:
        device.verify(signature, _signature_input(chain, index))
    except InvalidSignature as exc:
        # The content is as the trailer says, but someone other than the certified device signed it.
        raise BundleFormatError("unknown_signer", "not signed by the certified device key") from exc
    out.update(trailer)


def _check_signer(header: Header, trust: Trust) -> dict[str, Any]:
    cert = check_certificate(header.fields.get("certificate"), trust)
    if cert["station"] != header.station:
        raise BundleFormatError("unknown_signer", "the certificate is for another station")
    device_key = header.fields.get("device_key")
    if device_key is not None and device_key != cert["device_key"]:
        raise BundleFormatError("unknown_signer", "the device key is not the certified one")
    return cert


def verify(stream: BinaryIO, trust: Trust) -> Verified:
    """Check a whole bundle without decrypting it: certificate, region, structure, every byte, signature."""
    hashing = _Hashing(stream)
    trailer: dict[str, Any] = {}
    try:
        header = read_header(hashing)  # type: ignore[arg-type]
        cert = _check_signer(header, trust)
        chunks = 0
        for _index, _last, _ct in _frames(hashing, header, trailer):
            chunks += 1
    except (ValueError, TypeError) as exc:
        raise BundleFormatError("tampered", str(exc)[:100]) from exc
    return Verified(header=header, certificate=cert, chunks=chunks, size=hashing.size,
                    sha256=hashing.digest.hexdigest(), trailer=trailer)


@dataclass
class Part:
    """One decrypted piece: a batch of events, or a piece of an attachment."""

    kind: str
    meta: dict[str, Any]
    data: bytes

    def events(self) -> list[Any]:
        try:
            events = json.loads(zlib.decompress(self.data, bufsize=1 << 20))
        except (zlib.error, ValueError, RecursionError) as exc:
            raise BundleFormatError("tampered", "unreadable events") from exc
        if not isinstance(events, list):
            raise BundleFormatError("tampered", "events are not a list")
        return events


def decrypt(stream: BinaryIO, trust: Trust, box_private: bytes, reader: str | None = None) -> Iterator[Part]:
    """The parts of a bundle, for the hub (``reader`` None: the key sealed to the hub's box key) or
    for a window of the laptop's station (``reader``: its device number, the key sealed to its box
    key in ``readers``). Every chunk is authenticated as it is decrypted, but only an exhausted
    iterator has checked the signature: verify the bundle first (:func:`verify`), and make what is
    done with the parts idempotent (or undo it when the iterator raises)."""
    try:
        header = read_header(stream)
        _check_signer(header, trust)
        if reader is None:
            key = unseal(box_private, header.fields["key"], f"{FORMAT}|{header.bundle_id}".encode("ascii"))
        else:
            sealed = header.sealed_for(reader)
            if sealed is None:
                raise KeyError(reader)
            key = unseal(box_private, sealed, _reader_aad(header.bundle_id, reader))
    except (InvalidTag, KeyError, ValueError, TypeError) as exc:
        if reader is None:
            raise BundleFormatError("unknown_signer", "the bundle is not sealed to this hub") from exc
        raise BundleFormatError(NOT_SEALED, f"the bundle is not sealed to device {reader}'s box key") from exc
    aes = AESGCM(key)
    trailer: dict[str, Any] = {}
    for index, last, ct in _frames(stream, header, trailer):
        try:
            plain = aes.decrypt(_nonce(index), ct, _chunk_aad(header.bundle_id, index, last))
        except InvalidTag as exc:
            raise BundleFormatError("tampered", f"chunk {index} fails its authentication") from exc
        if len(plain) < 4:
            raise BundleFormatError("tampered", f"chunk {index} is empty")
        (length,) = _U32.unpack(plain[:4])
        try:
            meta = json.loads(plain[4:4 + length])
        except (ValueError, RecursionError) as exc:
            raise BundleFormatError("tampered", f"chunk {index} is unreadable") from exc
        if not isinstance(meta, dict):
            raise BundleFormatError("tampered", f"chunk {index} is unreadable")
        kind = str(meta.get("kind"))
        if kind in (KIND_EVENTS, KIND_ATTACHMENT):
            yield Part(kind=kind, meta=meta, data=plain[4 + length:])


# -- acknowledgements --------------------------------------------------------------------------
def seq_ranges(seqs: list[tuple[int, str]]) -> list[list[Any]]:
    """[[first, last, hash of last], ...] of consecutive sequence numbers (given as (seq, hash))."""
    ranges: list[list[Any]] = []
    for seq, hash_ in sorted(seqs):
        if ranges and seq == ranges[-1][1] + 1:
            ranges[-1][1], ranges[-1][2] = seq, hash_
        elif not ranges or seq > ranges[-1][1]:
            ranges.append([seq, seq, hash_])
    return ranges
