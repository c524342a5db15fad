"""Upload attachments to the hub in resumable chunks (after tus; the hub side is ``hub.attachments``).

For each attachment not yet uploaded, in the order it was added, once the case's
``case.attachment_added`` event has reached the hub: ask the hub how many bytes it has (or create
the upload), then PATCH ``CHUNK`` bytes at a time. The offset the hub confirmed is saved after each
chunk in its own small transaction, and the furthest byte ever sent before each chunk goes out; so
after a cut link (or a crash) the upload resumes where the hub stands and at most the chunk that
was in flight is sent again. Those bytes are counted in ``report.upload_bytes_resent``. The
upload itself is ``sync.upload``'s (bundles use it too); this module says what is sent and keeps
its progress in the store.

``LinkDown`` and every refusal that is not about one attachment propagate: the engine records
them and the next round resumes. A content the hub refuses (hash mismatch, too large) is counted in
``report.upload_failed``, logged, and tried again from the start at the next round.

The other way, :func:`fetch_peer_scans` fetches the scans of cases another device of the station took
in or continued (``cases.sharing.attachments_missing``): each whole, checked against the SHA-256 its
device's event names, stored and linked to its cases in one transaction. One the hub does not hold
complete yet (its device has not finished uploading it) is asked for again next round.
"""

from __future__ import annotations

import functools
import hashlib
import io
import json
import logging
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from app.errors import HubRefused
from app.station import Station
from app.store import attachments as store
from app.store import journal as journal_store
from sync import protocol
from sync import state as sync_state
from sync.client import HubClient
from sync.protocol import HEX64
from sync.upload import OCTETS, Target, Uploader, UploadVanished

if TYPE_CHECKING:
    from sync.engine import SyncReport

__all__ = ["BASE", "CHUNK", "OCTETS", "create", "fetch_peer_scans", "patch", "pending_count", "upload_pending"]

log = logging.getLogger(__name__)

CHUNK = 384 * 1024  # a typical downscaled scan in one request; a cut costs at most ~6 s at 512 kbit/s
BASE = f"{protocol.PREFIX}/attachments"
# Refusals that concern one attachment: the others go on.
_ATTACHMENT_REFUSALS = {"hash_mismatch", "too_large", "unsupported_type", "size_mismatch", "malformed"}


def _target(client: HubClient, sha256: str, size: int, mime: str) -> Target:
    body = json.dumps({"sha256": sha256, "size": size, "mime": mime}, separators=(",", ":")).encode()
    return Target(client=client, base=BASE, key=sha256, create_body=body, size=size, noun="attachment")


# -- the calls (for tests and tools; a round goes through ``sync.upload.Uploader``) -------------
def create(client: HubClient, sha256: str, size: int, mime: str) -> tuple[str, int]:
    """Create the upload, or find the hub's (upload path, offset)."""
    target = _target(client, sha256, size, mime)
    url, answer = target.create()
    return url, target.offset_of(answer)


def patch(client: HubClient, upload: str, at: int, chunk: bytes, size: int) -> int:
    """Send one chunk of the upload at ``upload``; the hub's new offset."""
    target = Target(client=client, base=BASE, key=upload.rsplit("/", 1)[-1], create_body=b"", size=size,
                    noun="attachment")
    return target.offset_of(target.patch(upload, at, chunk))


# -- the round -------------------------------------------------------------------------------
def pending_count(station: Station) -> int:
    """Attachments not yet on the hub (for the clerk's sync status)."""
    return store.pending_upload_count(station.db)


def upload_pending(station: Station, client: HubClient, report: SyncReport) -> None:
    """Upload every attachment whose case event reached the hub and whose content the hub lacks."""
    for upload in store.pending_uploads(station.db):
        _upload(station, client, report, upload)


def _save(station: Station, sha256: str, **fields: Any) -> None:
    with station.db.transaction():
        store.set_upload(station.db, sha256, station.clock.stamp(), **fields)


class _Ledger:
    """An attachment's upload as the station's store keeps it (``attachment_uploads``)."""

    def __init__(self, station: Station, sha256: str, report: SyncReport) -> None:
        self.station, self.sha256, self.report = station, sha256, report

    def created(self, url: str, offset: int) -> None:
        _save(self.station, self.sha256, upload_url=url, offset=offset)

    def sending(self, sent: int, resent: int) -> None:
        _save(self.station, self.sha256, sent=sent)
        self.report.upload_bytes_resent += resent

    def confirmed(self, offset: int) -> None:
        _save(self.station, self.sha256, offset=offset)


def _upload(station: Station, client: HubClient, report: SyncReport, up: store.Upload) -> None:
    sha = up.sha256
    data = store.content(station.db, sha)
    if data is None or hashlib.sha256(data).hexdigest() != sha:
        log.error("attachment %s… fails its hash check in the store; not uploaded", sha[:12])
        report.upload_failed += 1
        return
    uploader = Uploader(_target(client, sha, up.size, up.mime), _Ledger(station, sha, report), CHUNK, sent=up.sent)
    try:
        uploader.run(lambda at, n: data[at:at + n], url=up.upload_url)
    except UploadVanished:  # the upload vanished between two calls: next round
        log.info("upload %s… vanished on the hub; it starts again next round", sha[:12])
        with station.db.transaction():
            store.restart_upload(station.db, sha, station.clock.stamp())
        return
    except HubRefused as exc:
        reason = exc.details.get("reason")
        if reason not in _ATTACHMENT_REFUSALS:
            raise
        log.warning("hub refused attachment %s… (%s); it starts again next round", sha[:12], reason)
        with station.db.transaction():
            store.restart_upload(station.db, sha, station.clock.stamp())
        report.upload_failed += 1
        return
    _save(station, sha, offset=up.size, state=store.DONE)
    report.uploaded += 1
    log.info("attachment %s… uploaded (%d bytes)", sha[:12], up.size)


# -- the centre's relay ---------------------------------------------------------------------------
RELAY_CHUNK = 2 * 1024 * 1024  # the centre's network: a scan in one or two requests


class _Unkept:
    """An upload to the relay keeps no ledger: a cut one is resumed from the offset the relay gives."""

    def created(self, url: str, offset: int) -> None:
        pass

    def sending(self, sent: int, resent: int) -> None:
        pass

    def confirmed(self, offset: int) -> None:
        pass


def push_relay_scans(station: Station, client: HubClient, report: SyncReport) -> None:
    """This device's own scans to the centre's relay, in journal order, before the events that name
    them (``engine.push_relay`` comes next): a window that takes such an event from the relay finds
    the scan there too, and the scan crosses the regional link once, with this device's own upload.
    How far is kept (``RelayLink.scans``) after each scan; one the relay refuses is logged and passed
    over (the regional hub still has it, and serves it)."""
    after = sync_state.load(station.db).relay.scans
    last = after
    for event in journal_store.iter_events(station.db, after_seq=after):
        last = event.seq
        sha = event.payload.get("sha256") if event.type == store.EVENT_TYPE else None
        if not isinstance(sha, str) or not HEX64.fullmatch(sha):
            continue
        data = store.content(station.db, sha)
        meta = store.content_meta(station.db, sha)
        if data is None or meta is None:  # (a scan removed since: nothing to share)
            continue
        target = _target(client, sha, len(data), str(meta["mime"]))
        try:
            Uploader(target, _Unkept(), RELAY_CHUNK).run(functools.partial(_piece, data))
            report.relay_scans += 1
        except (UploadVanished, HubRefused) as exc:
            if isinstance(exc, HubRefused) and exc.details.get("reason") not in _ATTACHMENT_REFUSALS:
                raise
            log.warning("the centre's relay did not take scan %s…: the other windows fetch it from the region",
                        sha[:12])
        _keep_relay_scans(station, event.seq)
    if last != after:
        _keep_relay_scans(station, last)


def _piece(data: bytes, at: int, n: int) -> bytes:
    return data[at:at + n]


def _keep_relay_scans(station: Station, seq: int) -> None:
    with station.db.transaction():
        kept = sync_state.load(station.db)
        if seq > kept.relay.scans:
            sync_state.save(station.db, replace(kept, relay=replace(kept.relay, scans=seq)))


# -- the other devices' scans ---------------------------------------------------------------------
def _dimensions(data: bytes) -> tuple[int | None, int | None]:
    """An image's size in pixels, read from its header (None for a PDF or what cannot be read)."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as image:
            width, height = image.size
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        return None, None
    return int(width), int(height)


def fetch_peer_scans(station: Station, client: HubClient, report: SyncReport) -> None:
    """Fetch the scans of other devices' cases that this device lacks, as far as the hub holds them."""
    from app.services import attachments as scans
    from app.services.cases import sharing

    wanted = sorted({sha for _case, sha in sharing.attachments_missing(station)
                     if isinstance(sha, str) and HEX64.fullmatch(sha)})
    report.scans_waiting = 0  # (what the last one asked, the relay or the region, does not hold yet)
    for sha in wanted:
        data = client.attachment_data(sha)
        if data is None:
            report.scans_waiting += 1
            continue
        mime = scans.detect(data)
        if hashlib.sha256(data).hexdigest() != sha or mime is None:
            # Not the content the device's event names (or none of the kinds a station keeps): left
            # out, asked for again next round.
            log.warning("the hub's content for scan %s… is not it; not stored", sha[:12])
            report.scans_failed += 1
            continue
        width, height = _dimensions(data)
        with station.db.transaction():
            store.insert_content(station.db, sha256=sha, mime=mime, size=len(data), width=width, height=height,
                                 created_at=station.clock.stamp(), data=data)
            sharing.content_arrived(station, sha)
        report.scans_fetched += 1
