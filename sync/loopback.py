"""A stand-in for the regional platform on loopback, for ``bianmin --self-test``.

The desktop build carries no hub (``hub/`` needs a web framework and a database the station has
no use for), yet the self-test must prove that this installation can enrol, sign, push and pull
over real HTTP. This small server speaks the part of ``bianmin-sync/1`` a station uses
(``docs/sync-protocol.md``): time, enrolment with a one-time code, signed pushes (signature,
nonce and every event's hash checked, and the chain of hashes from one event to the next) and
signed pulls, which hand back one platform status for the first case received, so that applying
an update is tested as well. It refuses what the reference hub refuses, event by event and with the
same reasons (``protocol.Rejection``: control characters, another station's case number, a second
event at a held position or one that does not link, a second intake under one case number). It
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
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from app.journal import BODY_FIELDS, GENESIS, EventType, event_hash
from sync import protocol

log = logging.getLogger(__name__)

MAX_BODY = 8 * 1024 * 1024


@dataclass
class Received:
    """What the stand-in platform holds: codes, hashes and counts, for the self-test to check."""

    stations: dict[str, Ed25519PublicKey] = field(default_factory=dict)
    events: dict[str, str] = field(default_factory=dict)  # event id -> hash
    last_hash: dict[str, str] = field(default_factory=dict)  # station -> hash of its latest event
    # (station, seq) -> (hash, prev_hash) of the event held there; case number -> event id of its intake
    positions: dict[tuple[str, int], tuple[str, str]] = field(default_factory=dict)
    intakes: dict[str, str] = field(default_factory=dict)
    chain_breaks: int = 0
    rejected: int = 0
    signed_requests: int = 0
    refused_requests: int = 0
    nonces: set[str] = field(default_factory=set)
    first_case: str | None = None
    status_sent: bool = False


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
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

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
        return 200, {"time": now.isoformat(), "epoch": int(now.timestamp()), "version": protocol.VERSION}

    def enrol(self, body: bytes) -> tuple[int, dict[str, Any]]:
        doc = json.loads(body)
        if doc.get("code") != self.code:
            return 403, {"error": "bad_code"}
        station = str(doc["station_code"])
        key = Ed25519PublicKey.from_public_bytes(protocol.unb64(str(doc["public_key"])))
        with self._lock:
            self.received.stations[station] = key
        box = self._box_key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
        return 200, {"station_code": station, "hub_signing_key": "", "hub_box_key": protocol.b64(box),
                     "time": dt.datetime.now(dt.UTC).isoformat()}

    def verify(self, request: protocol.ReceivedRequest, body: bytes) -> str | None:
        """The signing station, or None when the request is unsigned, forged, stale or replayed."""
        try:
            station, nonce, _created = protocol.verify_request(request, body, dict(self.received.stations))
        except Exception as exc:  # every fault of a signature is a refusal
            log.info("loopback hub refused a signature: %s", type(exc).__name__)
            station, nonce = None, None
        with self._lock:
            if station is None or nonce in self.received.nonces:
                self.received.refused_requests += 1
                return None
            self.received.nonces.add(str(nonce))
            self.received.signed_requests += 1
        return station

    def events(self, station: str, body: bytes, encoding: str) -> tuple[int, dict[str, Any]]:
        raw = gzip.decompress(body) if encoding == "gzip" else body
        doc = json.loads(raw)
        if doc.get("version") != protocol.VERSION or doc.get("station") != station:
            return 400, {"error": "malformed"}
        results = []
        with self._lock:
            got = self.received
            for ev in doc.get("events", []):
                status, reason = protocol.STORED, _verdict(got, station, ev)
                if reason == protocol.DUPLICATE:
                    status, reason = protocol.DUPLICATE, None
                elif reason is not None:
                    status = protocol.REJECTED
                else:
                    if ev["prev_hash"] != got.last_hash.get(station, GENESIS):
                        got.chain_breaks += 1
                    got.events[ev["event_id"]] = ev["hash"]
                    got.last_hash[station] = ev["hash"]
                    got.positions[(station, ev["seq"])] = (ev["hash"], ev["prev_hash"])
                    if ev.get("type") == EventType.received and ev.get("case_no"):
                        got.intakes.setdefault(str(ev["case_no"]), ev["event_id"])
                    if got.first_case is None and ev.get("case_no"):
                        got.first_case = str(ev["case_no"])
                got.rejected += status == protocol.REJECTED
                results.append({"event_id": ev.get("event_id"), "seq": ev.get("seq"), "status": status,
                                "reason": reason})
        return 200, {"results": results, "time": dt.datetime.now(dt.UTC).isoformat()}

    def updates(self, cursor: str | None) -> tuple[int, dict[str, Any]]:
        with self._lock:
            updates = []
            if cursor != "1" and self.received.first_case and not self.received.status_sent:
                updates.append({"id": 1, "kind": protocol.CASE_STATUS, "case_no": self.received.first_case,
                                "body": {"case_no": self.received.first_case, "status": self.status_update,
                                         "outcome": None, "note": "", "platform_no": "SELFTEST-1"}})
                self.received.status_sent = True
        return 200, {"updates": updates, "cursor": "1" if updates or cursor == "1" else "0", "more": False}


def _verdict(got: Received, station: str, ev: dict[str, Any]) -> str | None:
    """The reference hub's answer to one pushed event (``hub.app._store_batch``), in its order:
    a ``protocol.Rejection``, ``protocol.DUPLICATE``, or None to store it."""
    if protocol.has_control_text(ev):
        return protocol.Rejection.bad_text
    if ev.get("station") != station:
        return protocol.Rejection.wrong_station
    if event_hash(str(ev.get("prev_hash")), {k: ev.get(k) for k in BODY_FIELDS}) != ev.get("hash"):
        return protocol.Rejection.bad_hash
    if ev["event_id"] in got.events:
        return protocol.DUPLICATE if got.events[ev["event_id"]] == ev["hash"] else protocol.Rejection.conflict
    case_no = ev.get("case_no")
    if case_no is not None and protocol.case_no_station(str(case_no)) != station:
        return protocol.Rejection.foreign_case_no
    seq = int(ev["seq"])
    if (station, seq) in got.positions:
        return protocol.Rejection.seq_taken
    before, after = got.positions.get((station, seq - 1)), got.positions.get((station, seq + 1))
    if (seq == 1) != (ev["prev_hash"] == GENESIS) or (before is not None and before[0] != ev["prev_hash"]) \
            or (after is not None and after[1] != ev["hash"]):
        return protocol.Rejection.broken_chain
    if ev.get("type") == EventType.received and case_no and got.intakes.get(str(case_no), ev["event_id"]) \
            != ev["event_id"]:
        return protocol.Rejection.duplicate_case_no
    return None


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

        def _signed(self, body: bytes) -> str | None:
            host = self.headers.get("Host") or "{}:{}".format(*self.server.server_address[:2])
            received = protocol.ReceivedRequest(self.command, f"http://{host}{self.path}", self.headers)
            station = hub.verify(received, body)
            if station is None:
                self._answer(401, {"error": "bad_signature"})
            return station

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
                    self._answer(404, {"error": "not_found"})
            except Exception:  # a fault of this stand-in must reach the self-test as an answer
                log.exception("loopback hub failed")
                self._answer(500, {"error": "internal"})

        def do_POST(self) -> None:
            body = self._body()
            url = urlsplit(self.path)
            try:
                if url.path == protocol.ENROL:
                    self._answer(*hub.enrol(body))
                elif url.path == protocol.EVENTS:
                    station = self._signed(body)
                    if station is not None:
                        self._answer(*hub.events(station, body, (self.headers.get("Content-Encoding") or "").lower()))
                else:
                    self._answer(404, {"error": "not_found"})
            except (ValueError, KeyError, OSError) as exc:
                log.info("loopback hub refused a request: %s", type(exc).__name__)
                self._answer(422, {"error": "malformed"})

    return Handler
