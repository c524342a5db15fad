"""A stand-in for the regional platform on loopback, for ``bianmin --self-test``.

The desktop build carries no hub (``hub/`` needs a web framework and a database the station has
no use for), yet the self-test must prove that this installation can enrol, sign, push and pull
over real HTTP. This small server speaks the part of ``bianmin-sync/1`` a station uses
(``docs/sync-protocol.md``): time, enrolment with a one-time code, signed pushes (signature,
nonce and every event's hash checked, and the chain of hashes from one event to the next) and
signed pulls, which hand back one platform status for the first case received, so that applying
an update is tested as well. It judges each pushed event through the reference hub's own verdict
(``protocol.answer_batch``, over its dictionaries as ``protocol.Holdings``), so it refuses what the
hub refuses, with the same reasons, and answers with the same message types. It
listens on 127.0.0.1 only, keeps everything in memory, and is stopped and forgotten when the
self-test ends. ``hub/`` remains the reference implementation.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import logging
import secrets
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from socketserver import BaseServer
from typing import Any, cast
from urllib.parse import parse_qs, urlsplit

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from app.journal import GENESIS, EventType, chain_of
from sync import protocol

log = logging.getLogger(__name__)

MAX_BODY = 8 * 1024 * 1024


@dataclass
class Received(protocol.Holdings):
    """What the stand-in platform holds: codes, hashes and counts, for the self-test to check; and,
    as ``protocol.Holdings``, what the verdict asks about."""

    stations: dict[str, Ed25519PublicKey] = field(default_factory=dict)  # keyid -> the device's key
    events: dict[str, str] = field(default_factory=dict)  # event id -> hash
    last_hash: dict[tuple[str, str], str] = field(default_factory=dict)  # (station, chain) -> its latest hash
    # (station, chain, seq) -> the event held there; case number -> event id of its intake, and its station
    positions: dict[tuple[str, str, int], protocol.Held] = field(default_factory=dict)
    intakes: dict[str, str] = field(default_factory=dict)
    owners: dict[str, str] = field(default_factory=dict)
    chain_breaks: int = 0
    rejected: int = 0
    signed_requests: int = 0
    refused_requests: int = 0
    nonces: set[str] = field(default_factory=set)
    first_case: str | None = None
    status_sent: bool = False

    def prefetch(self, signer: protocol.Signer, events: Sequence[protocol.WireEvent]) -> None:
        pass  # all in memory

    def hash_of(self, event_id: str) -> str | None:
        return self.events.get(event_id)

    def at(self, station: str, chain: str, seq: int) -> protocol.Held | None:
        return self.positions.get((station, chain, seq))

    def intake_of(self, case_no: str) -> str | None:
        return self.intakes.get(case_no)

    def owner_of(self, case_no: str) -> str | None:
        return self.owners.get(case_no)

    def keep(self, event: protocol.WireEvent) -> None:
        station, chain = event.station, chain_of(event.device)
        if event.prev_hash != self.last_hash.get((station, chain), GENESIS):
            self.chain_breaks += 1
        self.events[event.event_id] = event.hash
        self.last_hash[(station, chain)] = event.hash
        self.positions[(station, chain, event.seq)] = protocol.Held(event.event_id, event.hash, event.prev_hash)
        if event.case_no is not None:
            if event.type == EventType.received:
                self.intakes.setdefault(event.case_no, event.event_id)
            self.owners.setdefault(event.case_no, station)
            if self.first_case is None:
                self.first_case = event.case_no


class LoopbackHub:
    """``with LoopbackHub() as hub: engine.enrol(station, hub.url, hub.code)``."""

    def __init__(self, status_update: str = "in_progress") -> None:
        self.code = secrets.token_hex(4)
        self.received = Received()
        self.status_update = status_update
        self._lock = threading.Lock()
        self._box_key = X25519PrivateKey.generate()  # bundles would be sealed to it; the self-test sends none
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, name="loopback-hub", daemon=True)

    @property
    def url(self) -> str:
        return f"http://{_address(self._server)}"

    def start(self) -> LoopbackHub:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> LoopbackHub:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- the calls ---------------------------------------------------------------------------
    def time(self) -> tuple[int, dict[str, Any]]:
        now = dt.datetime.now(dt.UTC)
        return 200, protocol.TimeAnswer(now.isoformat(), int(now.timestamp()), protocol.VERSION).to_wire()

    def enrol(self, body: bytes) -> tuple[int, dict[str, Any]]:
        doc = json.loads(body)
        if doc.get("code") != self.code:
            return 403, protocol.ErrorAnswer("bad_code").to_wire()
        station = str(doc["station_code"])
        device = str(doc.get("device") or protocol.FIRST_DEVICE)
        key = Ed25519PublicKey.from_public_bytes(protocol.unb64(str(doc["public_key"])))
        with self._lock:
            self.received.stations[protocol.keyid_of(station, device)] = key
        box = self._box_key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
        return 200, protocol.EnrolAnswer(station_code=station, hub_signing_key="", hub_box_key=protocol.b64(box),
                                         time=dt.datetime.now(dt.UTC).isoformat(), device=device).to_wire()

    def verify(self, request: protocol.ReceivedRequest, body: bytes) -> protocol.Signer | None:
        """The signing device, or None when the request is unsigned, forged, stale or replayed."""
        signer: protocol.Signer | None = None
        try:
            keys: dict[str, Ed25519PublicKey] = {}
            for known, key in self.received.stations.items():  # device 00 may sign as "<station>.00" too
                keys[known] = keys[f"{known}.{protocol.FIRST_DEVICE}" if "." not in known else known] = key
            keyid, nonce, _created = protocol.verify_request(request, body, keys)
            named = protocol.parse_keyid(keyid)
            signer = protocol.Signer(station=named[0], device=named[1]) if named is not None else None
        except Exception as exc:  # every fault of a signature is a refusal
            log.info("loopback hub refused a signature: %s", type(exc).__name__)
            nonce = None
        with self._lock:
            if signer is None or nonce in self.received.nonces:
                self.received.refused_requests += 1
                return None
            self.received.nonces.add(str(nonce))
            self.received.signed_requests += 1
        return signer

    def events(self, signer: protocol.Signer, body: bytes, encoding: str) -> tuple[int, dict[str, Any]]:
        raw = gzip.decompress(body) if encoding == "gzip" else body
        try:
            events = protocol.read_batch(raw, signer.station)
        except protocol.BatchRefused as exc:
            return exc.status, protocol.ErrorAnswer(exc.error, exc.detail).to_wire()
        with self._lock:
            results = protocol.answer_batch(events, signer, self.received)
            self.received.rejected += sum(r.status is protocol.PushStatus.rejected for r in results)
        return 200, protocol.PushAnswer(tuple(results), dt.datetime.now(dt.UTC).isoformat()).to_wire()

    def updates(self, cursor: str | None) -> tuple[int, dict[str, Any]]:
        with self._lock:
            updates: list[protocol.Update] = []
            first_case = self.received.first_case
            if cursor != "1" and first_case and not self.received.status_sent:
                status = protocol.CaseStatusBody(case_no=first_case, status=self.status_update, outcome=None,
                                                 note="", platform_no="SELFTEST-1")
                updates.append(protocol.Update(id="1", kind=protocol.UpdateKind.case_status, case_no=first_case,
                                               body=status.to_wire()))
                self.received.status_sent = True
        page = protocol.UpdatePage(tuple(updates), cursor="1" if updates or cursor == "1" else "0", more=False)
        return 200, page.to_wire()


def _address(server: BaseServer) -> str:
    """``host:port`` of a server bound to an IPv4 address."""
    host, port = cast(tuple[str, int], server.server_address)[:2]
    return f"{host}:{port}"


def _handler(hub: LoopbackHub) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:  # the base class names it so
            log.debug("loopback hub: " + format, *args)

        def _answer(self, status: int, doc: dict[str, Any]) -> None:
            data = json.dumps(doc, ensure_ascii=False).encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def _body(self) -> bytes:
            length = int(self.headers.get("Content-Length") or 0)
            return self.rfile.read(min(length, MAX_BODY))

        def _signed(self, body: bytes) -> protocol.Signer | None:
            host = self.headers.get("Host") or _address(self.server)
            received = protocol.ReceivedRequest(self.command, f"http://{host}{self.path}", self.headers)
            signer = hub.verify(received, body)
            if signer is None:
                self._answer(401, protocol.ErrorAnswer("bad_signature").to_wire())
            return signer

        def do_GET(self) -> None:
            url = urlsplit(self.path)
            try:
                if url.path == protocol.TIME:
                    self._answer(*hub.time())
                elif url.path == protocol.UPDATES:
                    if self._signed(b"") is not None:
                        cursor = parse_qs(url.query).get("cursor", [None])[0]
                        self._answer(*hub.updates(cursor))
                else:
                    self._answer(404, protocol.ErrorAnswer("not_found").to_wire())
            except Exception:  # a fault of this stand-in must reach the self-test as an answer
                log.exception("loopback hub failed")
                self._answer(500, protocol.ErrorAnswer("internal").to_wire())

        def do_POST(self) -> None:
            body = self._body()
            url = urlsplit(self.path)
            try:
                if url.path == protocol.ENROL:
                    self._answer(*hub.enrol(body))
                elif url.path == protocol.EVENTS:
                    signer = self._signed(body)
                    if signer is not None:
                        self._answer(*hub.events(signer, body, (self.headers.get("Content-Encoding") or "").lower()))
                else:
                    self._answer(404, protocol.ErrorAnswer("not_found").to_wire())
            except (ValueError, KeyError, OSError) as exc:
                log.info("loopback hub refused a request: %s", type(exc).__name__)
                self._answer(422, protocol.ErrorAnswer("malformed").to_wire())

    return Handler
