"""Upload attachments to the hub in resumable chunks (after tus; the hub side is ``hub.attachments``).

For each attachment not yet uploaded, in the order it was added, once the case's
``case.attachment_added`` event has reached the hub: ask the hub how many bytes it has (or create
the upload), then PATCH ``CHUNK`` bytes at a time. The offset the hub confirmed is saved after each
chunk in its own small transaction, and the furthest byte ever sent before each chunk goes out; so
after a cut link (or a crash) the upload resumes where the hub stands and at most the chunk that
was in flight is sent again. Those bytes are counted in ``report.upload_bytes_resent``.

``LinkDown`` and every refusal that is not about one attachment propagate: the engine records
them and the next round resumes. A content the hub refuses (hash mismatch, too large) is counted in
``report.upload_failed``, logged, and tried again from the start at the next round.
"""

from __future__ import annotations

import hashlib
import json
import logging
from typing import TYPE_CHECKING, Any

from app.errors import HubProtocolError, HubRefused
from app.station import Station
from app.store import attachments as store
from sync import protocol
from sync.client import HubClient

if TYPE_CHECKING:
    from sync.engine import SyncReport

log = logging.getLogger(__name__)

CHUNK = 384 * 1024  # a typical downscaled scan in one request; a cut costs at most ~6 s at 512 kbit/s
BASE = f"{protocol.PREFIX}/attachments"
OCTETS = "application/offset+octet-stream"
MAX_SETBACKS = 3  # offset disagreements or lost uploads in a row before this round gives up
# Refusals that concern one attachment: the others go on.
_ATTACHMENT_REFUSALS = {"hash_mismatch", "too_large", "unsupported_type", "size_mismatch", "malformed"}


class _Restart(Exception):
    """The hub no longer has the upload: create it again."""


# -- the calls (HubClient's transport, signing and error mapping) ----------------------------
def _offset_of(answer: dict[str, Any], size: int) -> int:
    offset = answer.get("offset")
    if type(offset) is not int or not 0 <= offset <= size:
        raise HubProtocolError("attachment answer without a valid offset")
    return offset


def create(client: HubClient, sha256: str, size: int, mime: str) -> tuple[str, int]:
    """Create the upload, or find the hub's (upload path, offset)."""
    body = json.dumps({"sha256": sha256, "size": size, "mime": mime}, separators=(",", ":")).encode()
    answer = client._send("POST", BASE, body=body, headers={"Content-Type": "application/json"})
    offset = _offset_of(answer, size)
    upload = answer.get("upload") or f"{BASE}/{sha256}"
    if not isinstance(upload, str) or not upload.startswith(BASE + "/"):
        raise HubProtocolError("attachment answer with a strange upload path")
    return upload, size if answer.get("complete") is True else offset


def offset(client: HubClient, upload: str, size: int) -> int:
    """How many bytes the hub has; ``_Restart`` when it has no such upload."""
    try:
        answer = client._send("GET", upload)
    except HubRefused as exc:
        if exc.details.get("status") == 404:
            raise _Restart() from exc
        raise
    return size if answer.get("complete") is True else _offset_of(answer, size)


def patch(client: HubClient, upload: str, at: int, chunk: bytes, size: int) -> int:
    """Send one chunk; the hub's new offset."""
    answer = client._send("PATCH", upload, body=chunk,
                          headers={"Content-Type": OCTETS, "Upload-Offset": str(at), "Tus-Resumable": "1.0.0"})
    new = _offset_of(answer, size)
    if new != at + len(chunk) and answer.get("complete") is not True:
        raise HubProtocolError("hub confirmed another offset than the chunk's end", sent_to=at + len(chunk),
                               confirmed=new)
    return new


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


def _start(station: Station, client: HubClient, up: store.Upload) -> tuple[str, int]:
    """Resume (ask the hub where it stands) or create the upload; saves what the hub said."""
    if up.upload_url:
        try:
            return up.upload_url, offset(client, up.upload_url, up.size)
        except _Restart:
            log.info("hub lost upload %s…, creating it again", up.sha256[:12])
    url, at = create(client, up.sha256, up.size, up.mime)
    _save(station, up.sha256, upload_url=url, offset=at)
    return url, at


def _upload(station: Station, client: HubClient, report: SyncReport, up: store.Upload) -> None:
    sha = up.sha256
    data = store.content(station.db, sha)
    if data is None or hashlib.sha256(data).hexdigest() != sha:
        log.error("attachment %s… fails its hash check in the store; not uploaded", sha[:12])
        report.upload_failed += 1
        return
    sent = up.sent
    setbacks = 0
    try:
        url, at = _start(station, client, up)
        while at < up.size:
            chunk = data[at:at + CHUNK]
            resent = max(0, min(at + len(chunk), sent) - at)
            # Remember how far bytes went before they go: a chunk whose answer is lost counts when sent again.
            sent = max(sent, at + len(chunk))
            _save(station, sha, sent=sent)
            report.upload_bytes_resent += resent
            try:
                at = patch(client, url, at, chunk, up.size)
            except HubRefused as exc:
                status = exc.details.get("status")
                if status not in (404, 409):
                    raise
                setbacks += 1
                if setbacks > MAX_SETBACKS:
                    raise HubProtocolError("hub keeps losing the upload or disagreeing about its offset",
                                           sha256=sha) from exc
                if status == 404:  # the hub lost it (or discarded it): create it again
                    url, at = _start(station, client, store.Upload(sha, up.size, up.mime, 0, sent, None))
                else:  # 409: another offset than ours; continue from the hub's
                    at = offset(client, url, up.size)
                _save(station, sha, offset=at)
                continue
            setbacks = 0
            _save(station, sha, offset=at)
    except _Restart:  # the upload vanished between two calls: next round
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
