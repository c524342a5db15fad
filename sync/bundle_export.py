"""Offline bundles at the laptop: :func:`export_bundle` writes the unsent journal events and
attachments (or everything after a journal seq) into one file, encrypted for the hub (and for the
windows of its station whose box keys it knows: :func:`readers_of`) and signed with the laptop's
device key (format: ``sync.bundle_format``). It marks nothing as sent: the laptop
still sends it all itself when it has a link, and the hub keeps one copy. :func:`apply_ack`
checks the hub's signed acknowledgement (written next to the bundle by the centre that forwarded
it, ``sync.bundles``) and marks what the hub received as sent, so it is offered no more."""

from __future__ import annotations

import hashlib
import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.errors import (
    BundleAckInvalid,
    BundleNothingToExport,
    BundleUnreadable,
    NotEnrolled,
)
from app.station import Station
from app.store import attachments as att_store
from app.store import bundles as store
from app.store import outbox
from sync import bundle_documents, bundle_format, protocol
from sync import state as sync_state
from sync.bundle_documents import BundleFormatError
from sync.bundle_trust import certificate, device_key, hub_key
from sync.client import HubClient

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ExportResult:
    path: str
    bundle_id: str
    events: int
    cases: int
    attachments: int
    attachment_bytes: int
    first_seq: int
    last_seq: int
    size: int
    readers: tuple[str, ...] = ()  # the windows of the station that can read it too (device numbers)


@dataclass(frozen=True)
class AckResult:
    bundle_id: str
    marked_sent: int  # events marked sent by this ack (not marked so before)
    quarantined: int
    attachments_done: int
    highest_seq: int
    waiting: int  # events still waiting after the ack


# -- export (the laptop) -------------------------------------------------------------------------
def export_bundle(station: Station, path: Path | str, *, since: int | None = None,
                  client: HubClient | None = None) -> ExportResult:
    """Write the unsent events and attachments (or all after journal seq ``since``) to ``path``."""
    path = Path(path)
    db = station.db
    signing_key = device_key(station)
    kept = sync_state.load(db)
    box_key = kept.enrolment.hub_box_key
    if not box_key:
        raise NotEnrolled()
    readers = readers_of(kept.devices, station.device_no)
    cert = certificate(station, client)
    upto = outbox.last_seq(db)
    counts = store.export_counts(db, since, upto)
    planned = store.export_attachments(db, since, upto)
    if counts["events"] == 0 and not planned:
        raise BundleNothingToExport()
    bundle_id = bundle_format.new_bundle_id()
    summary = {**counts, "attachments": len(planned), "attachment_bytes": sum(size for _s, size, _m in planned)}
    header = {
        "bundle_id": bundle_id, "created_at": station.clock.stamp(), "protocol": protocol.VERSION,
        "station": station.station_code, "station_name": station.station_name, "region": str(cert.get("region")),
        "device_key": protocol.b64(protocol.public_bytes(signing_key)), "certificate": cert,
        "since": since, "summary": summary,
    }
    tmp = path.with_name(path.name + ".part")
    try:
        with open(tmp, "wb") as out:
            writer = bundle_format.BundleWriter(out, header=header, hub_box_key=protocol.unb64(box_key),
                                                device_key=signing_key, readers=readers)
            batch: list[dict[str, Any]] = []
            for ev in store.iter_export_events(db, since, upto):
                batch.append(protocol.event_to_wire(ev))
                if len(batch) >= bundle_format.EVENTS_PER_CHUNK:
                    writer.add_events(batch)
                    batch = []
            if batch:
                writer.add_events(batch)
            for sha, size, mime in planned:
                data = att_store.content(db, sha)  # one attachment at a time in memory
                if data is None or len(data) != size or hashlib.sha256(data).hexdigest() != sha:
                    log.error("attachment %s… fails its hash check in the store; left out of the bundle", sha[:12])
                    continue
                for offset in range(0, size, bundle_format.ATTACHMENT_PIECE):
                    writer.add_attachment_piece(sha256=sha, size=size, mime=mime, offset=offset,
                                                data=data[offset:offset + bundle_format.ATTACHMENT_PIECE])
                del data
            writer.finish()
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except OSError:
        tmp.unlink(missing_ok=True)
        raise
    size = path.stat().st_size
    with db.transaction():
        store.put_export(db, {"bundle_id": bundle_id, "created_at": header["created_at"], "since": since,
                              "size": size, **summary, "operator": station.operator.login})
    log.info("bundle %s exported: %d events, %d attachments, %d bytes, readable by windows %s", bundle_id,
             counts["events"], len(planned), size, ",".join(sorted(readers)) or "none")
    return ExportResult(path=str(path), bundle_id=bundle_id, events=counts["events"], cases=counts["cases"],
                        attachments=len(planned), attachment_bytes=int(summary["attachment_bytes"]),
                        first_seq=counts["first_seq"], last_seq=counts["last_seq"], size=size,
                        readers=tuple(sorted(readers)))


def readers_of(roster: sync_state.Roster, own: str) -> dict[str, bytes]:
    """The windows of this station a bundle's key is sealed to: every window the hub last listed
    (``sync.devices``, read each sync round) that is not revoked and enrolled with a box key."""
    readers: dict[str, bytes] = {}
    for d in roster.devices:
        if d.device == own or d.revoked or d.role != protocol.DeviceRole.window.value or not d.box_key:
            continue
        try:
            raw = protocol.unb64(d.box_key)
        except ValueError:
            continue
        if len(raw) == 32:
            readers[d.device] = raw
    return readers


def exports(station: Station) -> list[dict[str, Any]]:
    return store.exports(station.db)



# -- acknowledgement (the laptop) ----------------------------------------------------------------
def apply_ack(station: Station, path: Path | str) -> AckResult:
    """Check the hub's acknowledgement of one of this station's bundles; mark what it received as
    sent (and what it rejected as quarantined) so it is not offered again. Applying it twice is harmless."""
    path = Path(path)
    try:
        doc = json.loads(path.read_bytes())
    except OSError as exc:
        raise BundleUnreadable(str(exc), path=str(path), reason=exc.strerror or type(exc).__name__) from exc
    except (ValueError, RecursionError) as exc:
        raise BundleAckInvalid("not JSON", path=str(path), reason="not_json") from exc
    try:
        body = bundle_documents.verify_document(bundle_documents.ACK_FORMAT, doc, hub_key(station))
    except BundleFormatError as exc:
        raise BundleAckInvalid(str(exc), path=str(path), reason="signature") from exc
    if body.get("station") != station.station_code:
        raise BundleAckInvalid("ack of another station", path=str(path), reason="other_station")
    db = station.db
    ranges = body.get("ranges") or []
    try:
        checked = [(int(first), int(last), str(hash_)) for first, last, hash_ in ranges]
    except (TypeError, ValueError) as exc:
        raise BundleAckInvalid("bad ranges", path=str(path), reason="malformed") from exc
    for first, last, hash_ in checked:
        # The ack names the hash of each range's last event: it must be this journal's event.
        if first > last or store.event_hash_at(db, last) != hash_ or store.event_hash_at(db, first) is None:
            raise BundleAckInvalid("ack does not match the journal", path=str(path), reason="journal_mismatch",
                                   seq=last)
    stamp = station.clock.stamp()
    marked = quarantined = done = 0
    with db.transaction():
        for first, last, _hash in checked:
            marked += store.mark_sent_range(db, first, last, stamp)
        for rejected in body.get("rejected") or []:
            if isinstance(rejected, dict) and type(rejected.get("seq")) is int:
                quarantined += store.quarantine_unsent(db, rejected["seq"], str(rejected.get("reason") or "rejected"),
                                                       stamp)
        for sha in body.get("attachments") or []:
            if isinstance(sha, str):
                done += store.mark_attachment_done(db, sha, None, stamp)
        record = store.get_export(db, str(body.get("bundle_id")))
        if record is not None:
            record.update(acked_at=stamp, hub_received_at=body.get("received_at"))
            store.put_export(db, record)
    log.info("ack of bundle %s applied: %d events marked sent, %d quarantined, %d attachments done",
             body.get("bundle_id"), marked, quarantined, done)
    return AckResult(bundle_id=str(body.get("bundle_id")), marked_sent=marked, quarantined=quarantined,
                     attachments_done=done, highest_seq=int(body.get("highest_seq") or 0),
                     waiting=outbox.pending_count(db))
