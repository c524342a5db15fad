"""The station's half of the resumable upload (after tus, https://tus.io; the hub's half is
``hub.uploads``), for attachments (``sync.attachments``) and offline bundles (``sync.bundles``) alike.

An upload is created (``POST`` to its collection, or found when it exists: the answer says where it
is and how many bytes the hub has), or resumed by asking the hub where it stands (``GET``); then
the bytes go ``PATCH`` by ``PATCH`` with ``Upload-Offset``. The offset the hub confirms is handed
to a :class:`Ledger` after each chunk (the caller saves it), and the furthest byte ever sent before
each chunk goes out, so a cut link costs at most the chunk in flight and those bytes can be counted.

Setbacks: a 404 to a chunk (the hub lost the upload) creates it again; a 409 (another offset than
ours) continues from the hub's offset. More than ``MAX_SETBACKS`` in a row end the call with
``HubProtocolError``. When the hub has every byte but has not taken the upload in, it is asked once
more (``POST``). Every other refusal and ``LinkDown`` propagate.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from app.errors import HubProtocolError, HubRefused
from sync.client import HubClient

log = logging.getLogger(__name__)

OCTETS = "application/offset+octet-stream"
TUS_VERSION = "1.0.0"
MAX_SETBACKS = 3  # offset disagreements or lost uploads in a row before the call gives up
JSON_HEADERS = {"Content-Type": "application/json"}

Progress = Callable[[int, int], None]  # (bytes the hub has, size)
Read = Callable[[int, int], bytes]  # (offset, at most n bytes) -> the bytes there


class UploadVanished(Exception):
    """The hub answered 404 for an upload it had (``refusal``: its answer)."""

    def __init__(self, refusal: HubRefused) -> None:
        super().__init__(str(refusal))
        self.refusal = refusal


class Ledger(Protocol):
    """Where the station keeps one upload's progress (each call its own small transaction)."""

    def created(self, url: str, offset: int) -> None:
        """The hub created (or found) the upload by ``POST``: where it is, how many bytes it has."""

    def sending(self, sent: int, resent: int) -> None:
        """A chunk is about to go: the furthest byte ever sent, and how many of its bytes went before."""

    def confirmed(self, offset: int) -> None:
        """The hub confirmed this offset (after a chunk or a setback)."""


@dataclass(frozen=True)
class Target:
    """One upload: its collection (``base``), its key (the last part of its path), what creates it."""

    client: HubClient
    base: str
    key: str
    create_body: bytes
    size: int
    noun: str  # "attachment", "bundle": what the errors name

    @property
    def default_url(self) -> str:
        return f"{self.base}/{self.key}"

    def offset_of(self, answer: dict[str, Any]) -> int:
        """The hub's offset in an answer (the size once the upload is complete)."""
        offset = answer.get("offset")
        if type(offset) is not int or not 0 <= offset <= self.size:
            raise HubProtocolError(f"{self.noun} answer without a valid offset")
        return self.size if answer.get("complete") is True else offset

    def create(self) -> tuple[str, dict[str, Any]]:
        """Create the upload, or find it: its path and the hub's answer."""
        answer = self.client._send("POST", self.base, body=self.create_body, headers=JSON_HEADERS)
        self.offset_of(answer)
        url = answer.get("upload") or self.default_url
        if not isinstance(url, str) or not url.startswith(self.base + "/"):
            raise HubProtocolError(f"{self.noun} answer with a strange upload path")
        return url, answer

    def status(self, url: str) -> dict[str, Any]:
        """Where the upload stands; ``UploadVanished`` when the hub has no such upload."""
        try:
            answer = self.client._send("GET", url)
        except HubRefused as exc:
            if exc.details.get("status") == 404:
                raise UploadVanished(exc) from exc
            raise
        self.offset_of(answer)
        return answer

    def patch(self, url: str, at: int, chunk: bytes) -> dict[str, Any]:
        """Send one chunk; the hub's answer, whose offset is the chunk's end (or the upload is complete)."""
        answer = self.client._send("PATCH", url, body=chunk, headers={
            "Content-Type": OCTETS, "Upload-Offset": str(at), "Tus-Resumable": TUS_VERSION})
        new = self.offset_of(answer)
        if new != at + len(chunk) and answer.get("complete") is not True:
            raise HubProtocolError("hub confirmed another offset than the chunk's end", sent_to=at + len(chunk),
                                   confirmed=new)
        return answer


class Uploader:
    """Sends one upload to its end; ``bytes_sent`` (chunks the hub confirmed) and ``resumed_from``
    (the hub's offset when it started) say what this call did."""

    def __init__(self, target: Target, ledger: Ledger, chunk_size: int, *, sent: int = 0) -> None:
        self.target = target
        self.ledger = ledger
        self.chunk_size = chunk_size
        self.sent = sent  # the furthest byte ever sent (kept by the caller across calls)
        self.bytes_sent = 0
        self.resumed_from = 0

    def _create(self) -> tuple[str, dict[str, Any]]:
        url, answer = self.target.create()
        self.ledger.created(url, self.target.offset_of(answer))
        return url, answer

    def _start(self, url: str | None) -> tuple[str, dict[str, Any]]:
        if url:
            try:
                return url, self.target.status(url)
            except UploadVanished:
                log.info("hub lost %s upload %s…, creating it again", self.target.noun, self.target.key[:12])
        return self._create()

    def run(self, read: Read, *, url: str | None = None, progress: Progress | None = None) -> dict[str, Any]:
        """Resume the upload at ``url`` (or create it) and send what the hub lacks; the hub's last
        answer, which says the upload is complete. ``UploadVanished`` when the hub lost the upload
        while telling where it stands."""
        target, size = self.target, self.target.size
        url, answer = self._start(url)
        at = target.offset_of(answer)
        self.resumed_from = at
        if progress is not None:
            progress(at, size)
        setbacks = 0
        while answer.get("complete") is not True:
            if at >= size:  # every byte is there but the hub has not taken it in: ask again
                answer = target.create()[1]
                if answer.get("complete") is not True:
                    raise HubProtocolError(f"the hub has the whole {target.noun} but does not take it in")
                break
            chunk = read(at, self.chunk_size)
            resent = max(0, min(at + len(chunk), self.sent) - at)
            # Remember how far bytes went before they go: a chunk whose answer is lost counts when sent again.
            self.sent = max(self.sent, at + len(chunk))
            self.ledger.sending(self.sent, resent)
            try:
                answer = target.patch(url, at, chunk)
            except HubRefused as exc:
                status = exc.details.get("status")
                if status not in (404, 409):
                    raise
                setbacks += 1
                if setbacks > MAX_SETBACKS:
                    raise HubProtocolError(f"the hub keeps losing the {target.noun} or disagreeing about its offset",
                                           key=target.key) from exc
                if status == 404:  # the hub lost it (or discarded it): create it again
                    url, answer = self._create()
                else:  # 409: another offset than ours; continue from the hub's
                    answer = target.status(url)
                at = target.offset_of(answer)
                self.ledger.confirmed(at)
                continue
            setbacks = 0
            self.bytes_sent += len(chunk)
            at = target.offset_of(answer)
            self.ledger.confirmed(at)
            if progress is not None:
                progress(at, size)
        return answer
