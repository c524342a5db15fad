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
"""

from __future__ import annotations

import hashlib
import json
import logging
from typing import TYPE_CHECKING, Any

from app.errors import HubRefused
from app.station import Station
from app.store import attachments as store
from sync import protocol
from sync.client import HubClient
from sync.upload import OCTETS, Target, Uploader, UploadVanished

if TYPE_CHECKING:
    from sync.engine import SyncReport

__all__ = ["BASE", "CHUNK", "OCTETS", "create", "patch", "pending_count", "upload_pending"]

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
