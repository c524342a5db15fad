"""Offline bundles at the station: export (the laptop), import and forward (the township centre), ack.

* :func:`export_bundle` writes the laptop's unsent journal events and attachments (or everything
  after a journal seq) into one file, encrypted for the hub and signed with the laptop's device key
  (format: ``sync.bundle_format``). It marks nothing as sent: the laptop still sends it all itself
  when it has a link, and the hub keeps one copy.
* :func:`inspect` checks a bundle without decrypting it and says whose work it carries, how much,
  how big; :func:`import_bundle` does the same; when the bundle is sealed to this device (a work
  team's laptop of this station seals it to the windows it knows) it takes the laptop's cases into
  this device's own records (:func:`take_in`: before forwarding, the link may be down), then forwards the
  still-encrypted file to the hub with a resumable upload (an interrupted import goes on from the
  hub's offset; the upload is ``sync.upload``'s, as for attachments) and writes the hub's signed
  acknowledgement next to the bundle (``FILE.ack``). The importing station keeps only the bundle
  id, the signer, counts, progress and the ack.
* :func:`apply_ack` on the laptop checks the hub's signature on an acknowledgement and marks what
  the hub received as sent, so it is offered no more. The laptop's own next sync learns the same
  (its pushes are answered "duplicate", its uploads "complete").

Files are read and written chunk by chunk: a bundle of any size never needs to fit in memory.

This module is the centre's half (inspect, import, forward) and the one place callers name: the
laptop's half (export, ack) is ``sync.bundle_export``, the keys and certificate both halves trust
``sync.bundle_trust``; their public names are given here too.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from app.errors import (
    BundleAlreadyDelivered,
    BundleTruncated,
    BundleUnreadable,
    HubProtocolError,
    HubRefused,
)
from app.journal import Event, chain_of
from app.station import Station
from app.store import bundles as store
from app.store import cases as case_store
from sync import bundle_documents, bundle_format, protocol
from sync import state as sync_state
from sync.bundle_documents import BundleFormatError
from sync.bundle_export import AckResult, ExportResult, apply_ack, export_bundle, exports
from sync.bundle_trust import certificate, hub_key, trust_for, typed_error
from sync.client import HubClient
from sync.protocol import HEX64
from sync.upload import Target, Uploader, UploadVanished

__all__ = ["ACK_SUFFIX", "UPLOAD_CHUNK", "AckResult", "BundleSummary", "ExportResult", "ImportResult", "apply_ack",
           "certificate", "default_ack_path", "export_bundle", "exports", "import_bundle", "imports", "inspect",
           "inspect_record"]

log = logging.getLogger(__name__)

UPLOAD_CHUNK = 1024 * 1024  # bytes of the bundle file per PATCH (the hub takes up to 4 MiB)
BUNDLE_SOURCE = "bundle"  # where the events a bundle brought came from (``peer_events.source``)
MAX_SCAN = 64 * 1024 * 1024  # bytes of one scan read from a bundle (the hub takes less)
ACK_SUFFIX = ".ack"
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class BundleSummary:
    """What a bundle carries, from its (verified) clear header: no personal data."""

    path: str
    bundle_id: str
    station: str
    station_name: str
    region: str
    created_at: str
    events: int
    cases: int
    attachments: int
    attachment_bytes: int
    first_seq: int
    last_seq: int
    size: int
    sha256: str
    state: str | None = None  # this station's record: None, "uploading", "delivered"
    offset: int = 0  # bytes the hub confirmed, when an earlier import was interrupted
    delivered_at: str | None = None
    readable: bool = False  # sealed to this device: an import takes its cases into this device's records


@dataclass(frozen=True)
class TakenIn:
    """What this device took into its own records from a bundle it can read (sealed to it)."""

    read: bool = False  # the bundle was sealed to this device and read here
    reason: str = ""  # why not: "not_sealed", "other_station", "unknown_device", "own" ("" when read)
    device: str = ""  # the device (laptop) that wrote the bundle
    events: int = 0  # its events new to this device
    known: int = 0  # its events this device held already
    refused: int = 0  # its events refused (not the signer's chain, malformed, failing their checks)
    cases: int = 0  # the bundle's cases now in this device's records
    scans: int = 0  # scans of those cases stored here from the bundle


@dataclass(frozen=True)
class ImportResult:
    summary: BundleSummary
    ack_path: str
    stored: int  # events new to the hub
    duplicate: int  # events the hub had already (e.g. the laptop synced meanwhile)
    rejected: int
    attachments: int  # attachments the hub holds from this bundle
    bytes_sent: int  # bundle bytes sent by this call
    resumed_from: int  # the hub's offset when this call started
    taken: TakenIn = field(default_factory=TakenIn)  # what this device took into its own records


@dataclass
class _Upload:
    bytes_sent: int = 0
    resumed_from: int = 0
    ack: dict[str, Any] = field(default_factory=dict)
    already: bool = False


# -- inspect and import (the centre) -------------------------------------------------------------
def _verify_file(path: Path, trust: bundle_documents.Trust) -> bundle_format.Verified:
    try:
        with open(path, "rb") as stream:
            return bundle_format.verify(stream, trust)
    except BundleFormatError as exc:
        raise typed_error(exc, path) from exc
    except OSError as exc:
        raise BundleUnreadable(str(exc), path=str(path), reason=exc.strerror or type(exc).__name__) from exc


def _summary(station: Station, path: Path, verified: bundle_format.Verified) -> BundleSummary:
    header = verified.header
    counts = header.summary

    def number(name: str) -> int:
        value = counts.get(name)
        return value if type(value) is int and value >= 0 else 0

    record = store.get_import(station.db, header.bundle_id)
    return BundleSummary(
        path=str(path), bundle_id=header.bundle_id, station=header.station,
        station_name=str(verified.certificate.get("station_name") or header.fields.get("station_name") or ""),
        region=str(verified.certificate.get("region")), created_at=str(header.fields.get("created_at")),
        events=number("events"), cases=number("cases"), attachments=number("attachments"),
        attachment_bytes=number("attachment_bytes"), first_seq=number("first_seq"), last_seq=number("last_seq"),
        size=verified.size, sha256=verified.sha256,
        state=None if record is None else str(record.get("state")),
        offset=0 if record is None else int(record.get("offset") or 0),
        delivered_at=None if record is None else record.get("delivered_at"),
        readable=header.station == station.station_code and header.sealed_for(station.device_no) is not None,
    )


def inspect(station: Station, path: Path | str, client: HubClient | None = None) -> BundleSummary:
    """Check a bundle completely (certificate, region, every byte, signature) without decrypting it."""
    path = Path(path)
    return _summary(station, path, _verify_file(path, trust_for(station, client)))


def _event(raw: Any) -> Event:
    wire = protocol.WireEvent.from_wire(raw)
    return Event(seq=wire.seq, event_id=wire.event_id, station=wire.station, case_no=wire.case_no, type=wire.type,
                 at=wire.at, operator=wire.operator, device=wire.device, payload=wire.payload,
                 prev_hash=wire.prev_hash, hash=wire.hash)


class _Intake:
    """A readable bundle's parts taken into this device's records (inside the caller's transaction)."""

    def __init__(self, station: Station, device: str) -> None:
        self.station, self.device = station, device
        self.events = self.known = self.refused = self.scans = 0
        self.case_nos: set[str] = set()
        self._piece: dict[str, Any] = {}
        self._wanted: set[str] | None = None

    def events_part(self, part: bundle_format.Part) -> None:
        from app.services.cases import sharing

        batch: list[Event] = []
        for raw in part.events():
            try:
                ev = _event(raw)
            except protocol.Malformed:
                self.refused += 1
                continue
            # The hub takes a bundle's events as its signer's chain and refuses any other: so does this device.
            if chain_of(ev.device) != self.device:
                self.refused += 1
                continue
            batch.append(ev)
        if not batch:
            return
        taken = sharing.take_peer_events(self.station, batch, BUNDLE_SOURCE)
        refused = {ref for ref, _why in taken.refused}
        self.events += taken.taken
        self.known += taken.known
        self.refused += len(refused)
        self.case_nos.update(ev.case_no for ev in batch if ev.case_no is not None and ev.event_id not in refused)
        self._wanted = None  # new events may name further scans

    def attachment_part(self, part: bundle_format.Part) -> None:
        """Collect a scan's pieces (one scan at a time in memory); store it when whole, sound and one
        that a case taken in names but this device lacks."""
        meta, piece = part.meta, self._piece
        sha, size, offset = meta.get("sha256"), meta.get("size"), meta.get("offset")
        if not (isinstance(sha, str) and HEX64.fullmatch(sha) and type(size) is int and type(offset) is int
                and 0 < size <= MAX_SCAN):
            piece.clear()
            return
        if piece.get("sha256") != sha:
            piece.clear()
            piece.update(sha256=sha, size=size, data=bytearray())
        if offset != len(piece["data"]) or offset + len(part.data) > size:
            piece.clear()
            return
        piece["data"] += part.data
        if len(piece["data"]) < size:
            return
        data = bytes(piece["data"])
        piece.clear()
        self._store_scan(sha, data)

    def _store_scan(self, sha: str, data: bytes) -> None:
        from app.services import attachments as scans
        from app.services.cases import sharing
        from app.store import attachments as att_store
        from sync.attachments import _dimensions

        if self._wanted is None:
            self._wanted = {sha for _case, sha in sharing.attachments_missing(self.station)}
        if sha not in self._wanted:
            return
        mime = scans.detect(data)
        if hashlib.sha256(data).hexdigest() != sha or mime is None:
            log.warning("scan %s… of a bundle is not what its events name; not stored", sha[:12])
            return
        width, height = _dimensions(data)
        att_store.insert_content(self.station.db, sha256=sha, mime=mime, size=len(data), width=width, height=height,
                                 created_at=self.station.clock.stamp(), data=data)
        sharing.content_arrived(self.station, sha)
        self._wanted.discard(sha)
        self.scans += 1


def take_in(station: Station, path: Path | str, verified: bundle_format.Verified,
            trust: bundle_documents.Trust) -> TakenIn:
    """Take a verified bundle's cases into this device's own records when the bundle is sealed to it
    (a work team's laptop of this station seals it to the windows it knows): its events as the
    other devices' events are taken (``cases.sharing.take_peer_events``, source "bundle"), the scans
    they name that this device lacks, all in one transaction that commits only once the whole
    bundle has been read and its signature checked again. Nothing of it is written in clear to
    disk. A bundle not sealed to this device is left as it is (it is forwarded, as always)."""
    path = Path(path)
    header = verified.header
    own = station.device_no
    if header.station != station.station_code:
        return TakenIn(reason="other_station")
    if header.sealed_for(own) is None:
        return TakenIn(reason="not_sealed")
    kept = sync_state.load(station.db)
    signer_key = verified.certificate.get("device_key")
    signer = next((d for d in kept.devices.devices if d.public_key and d.public_key == signer_key), None)
    if signer is None or signer.revoked:
        # Not a device this station knows (yet: its list is read each sync round): whose chain its
        # events are cannot be told, so they wait for the hub's peer feed.
        log.info("bundle %s is sealed to this device but signed by a device it does not know", header.bundle_id)
        return TakenIn(reason="unknown_device")
    if signer.device == own:
        return TakenIn(reason="own", device=own)
    box = bundle_documents.box_private(protocol.unb64(kept.enrolment.device_key))
    intake = _Intake(station, signer.device)
    try:
        with station.db.transaction(), open(path, "rb") as stream:
            for part in bundle_format.decrypt(stream, trust, box, reader=own):
                if part.kind == bundle_format.KIND_EVENTS:
                    intake.events_part(part)
                else:
                    intake.attachment_part(part)
    except BundleFormatError as exc:
        if exc.reason == bundle_format.NOT_SEALED:
            # Sealed to another key of this number (enrolled again since): forwarded, as always.
            log.warning("bundle %s is sealed to device %s under another box key", header.bundle_id, own)
            return TakenIn(reason="not_sealed", device=signer.device)
        raise typed_error(exc, path) from exc
    except OSError as exc:
        raise BundleUnreadable(str(exc), path=str(path), reason=exc.strerror or type(exc).__name__) from exc
    present = sum(1 for case_no in intake.case_nos if case_store.get_row(station.db, case_no) is not None)
    log.info("bundle %s of device %s read here: %d events taken (%d known, %d refused), %d cases, %d scans",
             header.bundle_id, signer.device, intake.events, intake.known, intake.refused, present, intake.scans)
    return TakenIn(read=True, device=signer.device, events=intake.events, known=intake.known,
                   refused=intake.refused, cases=present, scans=intake.scans)


def default_ack_path(path: Path | str) -> Path:
    path = Path(path)
    return path.with_name(path.name + ACK_SUFFIX)


def _write_ack(ack: dict[str, Any], path: Path) -> None:
    tmp = path.with_name(path.name + ".part")
    with open(tmp, "wb") as out:
        out.write(json.dumps(ack, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8"))
        out.flush()
        os.fsync(out.fileno())
    os.replace(tmp, path)


def _check_ack(station: Station, ack: Any, bundle_id: str | None = None) -> dict[str, Any]:
    try:
        body = bundle_documents.verify_document(bundle_documents.ACK_FORMAT, ack, hub_key(station))
    except BundleFormatError as exc:
        raise HubProtocolError("the hub's acknowledgement does not check out") from exc
    if bundle_id is not None and body.get("bundle_id") != bundle_id:
        raise HubProtocolError("the hub acknowledged another bundle")
    return body


def import_bundle(station: Station, path: Path | str, *, ack_path: Path | str | None = None,
                  client: HubClient | None = None, progress: Progress | None = None) -> ImportResult:
    """Check a bundle, forward it to the hub (resuming an interrupted import), write the hub's ack.

    Raises the bundle's refusal (tampered, truncated, unknown signer, foreign region, already
    delivered) before anything is stored or sent; ``LinkDown`` when the link fails on the way
    (what the hub confirmed is kept: the next call resumes from there).
    """
    from sync import engine

    path = Path(path)
    ack_file = Path(ack_path) if ack_path else default_ack_path(path)
    client = client or engine.client_for(station)
    trust = trust_for(station, client)
    verified = _verify_file(path, trust)
    # The laptop's cases enter this device's records first: the regional link may well be down.
    taken = take_in(station, path, verified, trust)
    summary = _summary(station, path, verified)
    db = station.db
    record = store.get_import(db, summary.bundle_id)
    if record is not None and record.get("state") == store.DELIVERED:
        written = ""
        if record.get("ack") and not ack_file.exists():
            _write_ack(record["ack"], ack_file)
            written = str(ack_file)
        raise BundleAlreadyDelivered(bundle=summary.bundle_id[:8], station=summary.station, source="station",
                                     delivered_at=record.get("delivered_at") or "", ack=written or "—",
                                     path=str(path))
    now = station.clock.stamp()
    if record is None or record.get("sha256") != summary.sha256:
        record = {"bundle_id": summary.bundle_id, "station": summary.station, "station_name": summary.station_name,
                  "events": summary.events, "cases": summary.cases, "attachments": summary.attachments,
                  "attachment_bytes": summary.attachment_bytes, "size": summary.size, "sha256": summary.sha256,
                  "offset": 0, "state": store.UPLOADING, "imported_at": now, "updated_at": now,
                  "operator": station.operator.login}
    if taken.read:  # kept with the record: the summary of an import the link cut says it too
        record["taken_in"] = asdict(taken)
    with db.transaction():
        store.put_import(db, record)
    upload = _Upload()
    try:
        _forward(station, client, path, summary, record, upload, progress)
    except HubRefused as exc:
        reason = str(exc.details.get("reason") or "")
        if reason.startswith("bundle_"):  # the hub refused the bundle itself: nothing of it was kept
            with db.transaction():
                store.drop_import(db, summary.bundle_id)
            raise typed_error(BundleFormatError(reason.removeprefix("bundle_"), str(exc)), path) from exc
        raise
    body = _check_ack(station, upload.ack, summary.bundle_id)
    if body.get("station") != summary.station:
        raise HubProtocolError("the hub acknowledged the bundle for another station")
    _write_ack(upload.ack, ack_file)
    delivered_at = str(body.get("received_at") or now)
    with db.transaction():
        record.update(state=store.DELIVERED, offset=summary.size, delivered_at=delivered_at,
                      updated_at=station.clock.stamp(), ack=upload.ack, ack_path=str(ack_file))
        store.put_import(db, record)
    if upload.already:
        raise BundleAlreadyDelivered(bundle=summary.bundle_id[:8], station=summary.station, source="hub",
                                     delivered_at=delivered_at, ack=str(ack_file), path=str(path))
    log.info("bundle %s of station %s forwarded (%d bytes sent)", summary.bundle_id, summary.station,
             upload.bytes_sent)
    return ImportResult(summary=summary, ack_path=str(ack_file), stored=int(body.get("stored") or 0),
                        duplicate=int(body.get("duplicate") or 0), rejected=len(body.get("rejected") or []),
                        attachments=len(body.get("attachments") or []), bytes_sent=upload.bytes_sent,
                        resumed_from=upload.resumed_from, taken=taken)


class _Ledger:
    """A forwarded bundle's progress as this station keeps it (its import record); the upload's path
    follows from the bundle id, so only the hub's offset is kept."""

    def __init__(self, station: Station, record: dict[str, Any]) -> None:
        self.station, self.record = station, record

    def created(self, url: str, offset: int) -> None:
        pass

    def sending(self, sent: int, resent: int) -> None:
        pass

    def confirmed(self, offset: int) -> None:
        with self.station.db.transaction():
            self.record.update(offset=offset, updated_at=self.station.clock.stamp())
            store.put_import(self.station.db, self.record)


def _forward(station: Station, client: HubClient, path: Path, summary: BundleSummary, record: dict[str, Any],
             upload: _Upload, progress: Progress | None) -> None:
    body = json.dumps({"bundle_id": summary.bundle_id, "size": summary.size, "sha256": summary.sha256}).encode()
    target = Target(client=client, base=protocol.BUNDLES, key=summary.bundle_id, create_body=body,
                    size=summary.size, noun="bundle")
    uploader = Uploader(target, _Ledger(station, record), UPLOAD_CHUNK)
    with open(path, "rb") as stream:

        def read(at: int, n: int) -> bytes:
            stream.seek(at)
            chunk = stream.read(n)
            if not chunk:
                raise BundleTruncated("the file shrank during the import", path=str(path))
            return chunk

        try:
            answer = uploader.run(read, progress=progress)
        except UploadVanished as gone:  # lost while the hub said where it stands: its refusal, as it came
            raise gone.refusal from None
        finally:
            upload.bytes_sent, upload.resumed_from = uploader.bytes_sent, uploader.resumed_from
    ack = answer.get("ack")
    if not isinstance(ack, dict):
        raise HubProtocolError("bundle taken in without an acknowledgement")
    upload.ack = ack
    upload.already = bool(answer.get("already"))


def imports(station: Station) -> list[dict[str, Any]]:
    """Bundles this station forwarded or is forwarding (no acknowledgement bodies)."""
    return [{k: v for k, v in r.items() if k != "ack"} for r in store.imports(station.db)]



def inspect_record(station: Station, path: Path | str) -> dict[str, Any] | None:
    """This station's record of a bundle file (progress of an interrupted import), read from its
    header only; None when the file is not a bundle or unknown here."""
    try:
        with open(path, "rb") as stream:
            header = bundle_format.read_header(stream)
    except (OSError, BundleFormatError):
        return None
    return store.get_import(station.db, header.bundle_id)
