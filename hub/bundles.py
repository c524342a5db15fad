"""Offline bundles the hub takes in (``sync.bundle_format``; ``docs/sync-protocol.md``, "Offline
bundles"): an upload in progress is its forwarding device's own (``db.BundleTransfer``, uploader =
the device's keyid); once complete, the bundle is checked, its events go through the push's own
verdict (``hub.journal.store_batch``, attributed to the device whose certified key signed the
bundle: its chain) and its attachments are kept by content hash; the hub signs an
acknowledgement. The routes are in ``hub.routes.bundles``."""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine, delete, select
from sqlalchemy.orm import Session

from hub import attachments, db
from hub.dependencies import now, retrying, stamp
from hub.errors import HubError
from hub.journal import store_batch
from sync import bundle_documents, bundle_format, protocol

log = logging.getLogger(__name__)

MAX_BUNDLE = 4 * 1024 * 1024 * 1024  # bytes of one bundle file
MAX_BUNDLE_CHUNK = 4 * 1024 * 1024  # one PATCH body


def bundle_path(bundle_id: str) -> str:
    return f"{protocol.BUNDLES}/{bundle_id}"


def bundle_state(row: db.BundleUpload, already: bool = False) -> dict[str, Any]:
    return {"upload": bundle_path(row.bundle_id), "bundle_id": row.bundle_id, "size": row.size,
            "offset": row.offset, "complete": row.ingested_at is not None, "already": already,
            "ack": json.loads(row.ack) if row.ack else None}


def transfer_state(row: db.BundleTransfer) -> dict[str, Any]:
    return {"upload": bundle_path(row.bundle_id), "bundle_id": row.bundle_id, "size": row.size,
            "offset": row.offset, "complete": False, "already": False, "ack": None}


def taken_in(session: Session, bundle_id: str) -> db.BundleUpload | None:
    """The bundle as the hub took it in, if it did. A record whose acknowledgement names another
    bundle (a hub before version 1.1 took a bundle in under whatever id it was uploaded as) does not
    count: the real bundle is taken in when it comes."""
    row = session.get(db.BundleUpload, bundle_id)
    if row is None or row.ingested_at is None or not row.ack:
        return None
    try:
        acked = json.loads(row.ack).get("bundle_id")
    except (ValueError, AttributeError):
        acked = None
    return row if acked == bundle_id else None


def drop_transfer(session: Session, bundle_id: str, uploader: str | None = None) -> None:
    """Forget one device's upload of a bundle (or everybody's, when ``uploader`` is None)."""
    chunks = delete(db.BundleTransferChunk).where(db.BundleTransferChunk.bundle_id == bundle_id)
    transfers = delete(db.BundleTransfer).where(db.BundleTransfer.bundle_id == bundle_id)
    if uploader is not None:
        chunks = chunks.where(db.BundleTransferChunk.uploader == uploader)
        transfers = transfers.where(db.BundleTransfer.uploader == uploader)
    session.execute(chunks)
    session.execute(transfers)


class StoredBundle:
    """One station's bundle upload read back from the database chunk by chunk, as a file (``read(n)``)."""

    def __init__(self, engine: Engine, bundle_id: str, uploader: str) -> None:
        self._engine = engine
        self._key = (bundle_id, uploader)
        with Session(engine) as session:
            self._offsets = list(session.scalars(select(db.BundleTransferChunk.offset)
                                                 .where(db.BundleTransferChunk.bundle_id == bundle_id,
                                                        db.BundleTransferChunk.uploader == uploader)
                                                 .order_by(db.BundleTransferChunk.offset)))
        self._next = 0
        self._buf = bytearray()
        self._pos = 0

    def read(self, n: int) -> bytes:
        while len(self._buf) - self._pos < n and self._next < len(self._offsets):
            with Session(self._engine) as session:
                chunk = session.get(db.BundleTransferChunk, (*self._key, self._offsets[self._next]))
                data = chunk.data if chunk is not None else b""
            self._next += 1
            if self._pos:
                del self._buf[:self._pos]
                self._pos = 0
            self._buf += data
        out = bytes(self._buf[self._pos:self._pos + n])
        self._pos += len(out)
        return out


@dataclass
class Intake:
    """What the hub took in from one bundle, for its acknowledgement."""

    station: str
    signer: protocol.Signer
    accepted: list[tuple[int, str]] = field(default_factory=list)
    rejected: list[dict[str, Any]] = field(default_factory=list)
    stored: int = 0
    duplicate: int = 0
    attachments: list[str] = field(default_factory=list)
    attachments_refused: list[dict[str, Any]] = field(default_factory=list)


def refuse(engine: Engine, bundle_id: str, uploader: str, reason: str, detail: str) -> HubError:
    """Forget the upload (nothing of it was taken in) and say why."""
    retrying(engine, lambda session: drop_transfer(session, bundle_id, uploader))
    log.warning("bundle %s uploaded by %s refused: %s (%s)", bundle_id, uploader, reason, detail)
    return HubError(422, f"bundle_{reason}", detail[:200] or None)


def ingest(engine: Engine, bundle_id: str, uploader: str) -> tuple[dict[str, Any], bool]:
    """Check a station's completely uploaded bundle, take its events in through the push's own code
    path (attributed to the bundle's station) and its attachments by content hash; the signed ack,
    and whether the bundle had been taken in already (by another station's upload meanwhile)."""
    with Session(engine) as session:
        signing, box = db.hub_private_keys(session)
        trust = bundle_documents.Trust(hub_key=protocol.b64(protocol.public_bytes(signing)), region=db.region(session))
        row = session.get(db.BundleTransfer, (bundle_id, uploader))
        if row is None:
            raise HubError(404, "not_found")
        declared = (row.size, row.sha256)
    box_raw = box.private_bytes_raw()
    try:
        verified = bundle_format.verify(StoredBundle(engine, bundle_id, uploader), trust)  # type: ignore[arg-type]
        if (verified.size, verified.sha256) != declared:
            raise refuse(engine, bundle_id, uploader, "hash_mismatch", "the file is not the one declared")
        if verified.header.bundle_id != bundle_id:
            # Taken in under another id, the real bundle of that id could never be delivered.
            raise refuse(engine, bundle_id, uploader, "id_mismatch",
                                 "the bundle's own id is not the one it was uploaded under")
        station = verified.header.station
        with Session(engine) as session:
            # Only a current key of one of the station's devices: a key replaced by a new enrolment,
            # or a revoked device's, signs nothing more. The events are that device's chain.
            certified = session.scalars(select(db.Device).where(
                db.Device.station == station, db.Device.public_key == verified.certificate.get("device_key"),
                db.Device.revoked_at.is_(None))).first()
            if certified is None:
                raise bundle_format.BundleFormatError("unknown_signer", "not a current device key of the station")
            signer = protocol.Signer(station=station, device=certified.device,
                                     relay=certified.role == protocol.DeviceRole.relay)
        intake = Intake(station=station, signer=signer)
        batch: list[Any] = []
        piece: dict[str, Any] = {}
        for part in bundle_format.decrypt(StoredBundle(engine, bundle_id, uploader), trust,  # type: ignore[arg-type]
                                          box_raw):
            if part.kind == bundle_format.KIND_EVENTS:
                batch.extend(part.events())
                if len(batch) >= protocol.MAX_BATCH:
                    _ingest_events(engine, intake, batch)
                    batch = []
            else:
                _ingest_piece(engine, intake, piece, part)
        _ingest_events(engine, intake, batch)
        if piece:
            intake.attachments_refused.append({"sha256": piece["sha256"], "reason": "incomplete"})
    except bundle_format.BundleFormatError as exc:
        raise refuse(engine, bundle_id, uploader, exc.reason, exc.detail) from exc
    moment = now()
    ack = bundle_documents.sign_document(bundle_documents.ACK_FORMAT, {
        "bundle_id": bundle_id, "station": station, "uploaded_by": uploader, "received_at": stamp(moment),
        "stored": intake.stored, "duplicate": intake.duplicate,
        "ranges": bundle_format.seq_ranges(intake.accepted),
        "highest_seq": max((seq for seq, _h in intake.accepted), default=0),
        "rejected": intake.rejected, "attachments": intake.attachments,
        "attachments_refused": intake.attachments_refused,
    }, signing)

    def finish(session: Session) -> tuple[dict[str, Any], bool]:
        drop_transfer(session, bundle_id)  # every station's upload of it: it is in
        session.execute(delete(db.BundleChunk).where(db.BundleChunk.bundle_id == bundle_id))  # an older hub's
        taken = taken_in(session, bundle_id)
        if taken is not None:  # another station's upload of it completed first
            return json.loads(taken.ack or "{}"), True
        row = session.get(db.BundleUpload, bundle_id)
        if row is None:
            row = db.BundleUpload(bundle_id=bundle_id, created_at=moment)
            session.add(row)
        row.uploader, row.station, row.size, row.sha256 = uploader, station, verified.size, verified.sha256
        row.offset, row.updated_at, row.ingested_at = verified.size, moment, moment
        row.ack = json.dumps(ack, ensure_ascii=False)
        session.flush()
        return ack, False

    answer, already = retrying(engine, finish)
    log.info("bundle %s of station %s taken in (forwarded by %s): %d events stored, %d duplicates, %d rejected, "
             "%d attachments", bundle_id, station, uploader, intake.stored, intake.duplicate, len(intake.rejected),
             len(intake.attachments))
    return answer, already


def _ingest_events(engine: Engine, intake: Intake, events: list[Any]) -> None:
    if not events:
        return
    results = retrying(engine, lambda session: store_batch(session, intake.signer, events))
    for raw, result in zip(events, results, strict=True):
        if result.status is not protocol.PushStatus.rejected:
            intake.stored += result.status is protocol.PushStatus.stored
            intake.duplicate += result.status is protocol.PushStatus.duplicate
            intake.accepted.append((int(raw["seq"]), str(raw["hash"])))
        else:
            intake.rejected.append({"seq": result.seq, "event_id": result.event_id,
                                    "reason": None if result.reason is None else str(result.reason)})


def _ingest_piece(engine: Engine, intake: Intake, piece: dict[str, Any], part: bundle_format.Part) -> None:
    """Collect an attachment's pieces (one attachment at a time in memory); keep it when whole and sound."""
    meta = part.meta
    sha, size, mime, offset = meta.get("sha256"), meta.get("size"), meta.get("mime"), meta.get("offset")
    if not (isinstance(sha, str) and protocol.HEX64.fullmatch(sha) and type(size) is int
            and 0 < size <= attachments.MAX_SIZE and mime in attachments.MIME_TYPES and type(offset) is int):
        raise bundle_format.BundleFormatError("tampered", "an attachment piece is malformed")
    if piece and piece["sha256"] != sha:
        intake.attachments_refused.append({"sha256": piece["sha256"], "reason": "incomplete"})
        piece.clear()
    if not piece:
        piece.update(sha256=sha, size=size, mime=mime, data=bytearray())
    if offset != len(piece["data"]) or offset + len(part.data) > size:
        raise bundle_format.BundleFormatError("tampered", "attachment pieces out of order")
    piece["data"] += part.data
    if len(piece["data"]) < size:
        return
    data = bytes(piece["data"])
    piece.clear()
    if hashlib.sha256(data).hexdigest() != sha:
        intake.attachments_refused.append({"sha256": sha, "reason": "hash_mismatch"})
        return
    retrying(engine, lambda session: attachments.store_complete(session, intake.station, sha, mime, data, now()))
    intake.attachments.append(sha)
