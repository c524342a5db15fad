"""The protocol's bytes stay what they were: what a station sends and what the hub and the
self-test's stand-in platform answer, recorded before the protocol became types
(``tests/fixtures/wire/v1.json``), compared byte for byte with what the code sends and answers now.

Moments, random keys and signatures differ from run to run and are masked; every other byte counts.
Run with ``BIANMIN_WIRE_GOLDEN=write`` to record the file again (only when the protocol is meant
to change).
"""

from __future__ import annotations

import dataclasses
import gzip
import json
import os
import re
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar

import pytest
import requests
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from app.journal import GENESIS, Event, EventType, event_hash
from sync import protocol
from sync.client import HubClient
from sync.loopback import LoopbackHub
from tests.hubproc import Hub
from tests.test_hub import AT, Device, case_no, received, send, signed

GOLDEN = Path(__file__).parent / "fixtures" / "wire" / "v1.json"
STATION = "540127100301"
OTHER = "540127100302"
KEY = Ed25519PrivateKey.from_private_bytes(bytes(range(32)))
HTTP = requests.Session()

_MASKS = [
    (re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(\+00:00|Z)"), "<time>"),
    (re.compile(r'"epoch": ?\d+'), '"epoch":<epoch>'),
    (re.compile(r"[A-Za-z0-9+/]{86}=="), "<signature>"),
    (re.compile(r"[A-Za-z0-9+/]{43}="), "<key>"),
]


def masked(data: bytes) -> str:
    text = data.decode("utf-8")
    for pattern, mask in _MASKS:
        text = pattern.sub(mask, text)
    return text


def events(station: str = STATION) -> list[Event]:
    """A fixed journal: the same ids, hashes and bytes in every run."""
    specs: list[tuple[str | None, str, dict[str, Any]]] = [
        (case_no(station, 1), EventType.received, received(case_no(station, 1))),
        (case_no(station, 1), EventType.accepted, {"due": "2026-11-25", "items": ["居住证明出具"]}),
        (None, "catalogue.imported", {"version": "2026.1", "sha256": "ab" * 32}),
        (case_no(station, 1), EventType.concluded, {"outcome": "approved", "note": "ཞལ་འདེབས། 已办结"}),
        (case_no(station, 2), EventType.received, received(case_no(station, 2), "次仁卓玛")),
    ]
    out, prev = [], GENESIS
    for seq, (case, type_, payload) in enumerate(specs, start=1):
        ev = Event(seq=seq, event_id=f"{seq:032x}", station=station, case_no=case, type=type_, at=AT,
                   operator="clerk", device="dev-1", payload=payload, prev_hash=prev)
        ev = dataclasses.replace(ev, hash=event_hash(prev, ev.body()))
        prev = ev.hash
        out.append(ev)
    return out


def answer_batches() -> list[list[Any]]:
    """Batches that draw every answer: stored, duplicate and each refusal of one event."""
    wire = [protocol.event_to_wire(e) for e in events()]
    first = wire[:3]
    later = wire[3:]
    theirs = protocol.event_to_wire(events(OTHER)[0])
    tampered = {**later[0], "payload": {"outcome": "denied"}}
    conflict = {**first[1], "payload": {"changed": True}}
    conflict["hash"] = event_hash(conflict["prev_hash"], {k: conflict[k] for k in
                                                           ("seq", "event_id", "station", "case_no", "type", "at",
                                                            "operator", "device", "payload")})
    missing = {k: v for k, v in later[1].items() if k != "operator"}
    return [first, [first[0], tampered, theirs, {**later[1], "note": "\x1b[31m"}, missing, conflict, 7], later,
            later]


# -- what a station sends --------------------------------------------------------------------


class _Recorder(BaseHTTPRequestHandler):
    """Answers every call as a hub would, and keeps what came: (method, path with query, body)."""

    protocol_version = "HTTP/1.1"
    seen: ClassVar[list[tuple[str, str, bytes]]] = []

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def _answer(self, doc: dict[str, Any]) -> None:
        data = json.dumps(doc).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self) -> None:
        self.seen.append(("GET", self.path, b""))
        self._answer({"updates": [], "cursor": "c", "more": False, "time": "2026-11-18T02:00:00+00:00",
                      "epoch": 0, "version": protocol.VERSION})

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        if self.headers.get("Content-Encoding") == "gzip":
            body = gzip.decompress(body)
        self.seen.append(("POST", self.path, body))
        if self.path == protocol.EVENTS:
            sent = json.loads(body)["events"]
            self._answer({"results": [{"event_id": e["event_id"], "seq": e["seq"], "status": "stored",
                                       "reason": None} for e in sent], "time": "2026-11-18T02:00:00+00:00"})
        else:
            self._answer({"station_code": STATION, "hub_signing_key": "", "hub_box_key": "",
                          "time": "2026-11-18T02:00:00+00:00"})


@pytest.fixture
def recorder() -> Iterator[str]:
    _Recorder.seen = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield "http://{}:{}".format(*server.server_address[:2])
    server.shutdown()
    server.server_close()


def station_sends(url: str) -> dict[str, str]:
    client = HubClient(url, STATION, KEY)
    client.time()
    client.enrol(" abcd-efgh ", "工卡镇便民服务中心", protocol.public_bytes(KEY))
    client.push([protocol.event_to_wire(e) for e in events()])
    client.pull(None)
    client.pull("eyJhZnRlciI6M30", limit=7)
    return {f"station {n} {method} {path}": masked(body) for n, (method, path, body) in enumerate(_Recorder.seen)}


# -- what the hub answers --------------------------------------------------------------------


def hub_answers(hub: Hub) -> dict[str, str]:
    got: dict[str, str] = {}

    def keep(name: str, r: requests.Response) -> None:
        got[f"hub {name} {r.status_code}"] = masked(r.content)

    keep("time", HTTP.get(hub.url + protocol.TIME, timeout=10))
    keep("health", HTTP.get(hub.url + f"{protocol.PREFIX}/health", timeout=10))
    enrol = {"code": hub.quick_code(STATION), "station_code": STATION, "station_name": "工卡镇便民服务中心",
             "public_key": protocol.b64(protocol.public_bytes(KEY))}
    keep("enrol", HTTP.post(hub.url + protocol.ENROL, json=enrol, timeout=10))
    keep("enrol again", HTTP.post(hub.url + protocol.ENROL, json=enrol, timeout=10))
    keep("enrol bad code", HTTP.post(hub.url + protocol.ENROL, json={**enrol, "code": "NOPE"}, timeout=10))
    keep("enrol malformed", HTTP.post(hub.url + protocol.ENROL, json={**enrol, "station_code": "54"}, timeout=10))
    dev = Device(station=STATION, key=KEY)
    keep("certificate", send(signed(hub, "GET", protocol.CERTIFICATE, dev)))
    for n, batch in enumerate(answer_batches()):
        body = json.dumps({"version": protocol.VERSION, "station": STATION, "events": batch},
                          ensure_ascii=False).encode()
        keep(f"push {n}", send(signed(hub, "POST", protocol.EVENTS, dev, body,
                                      {"Content-Type": "application/json"})))
    for name, doc in [("version", {"version": "x/0", "station": STATION, "events": []}),
                      ("station", {"version": protocol.VERSION, "station": OTHER, "events": []}),
                      ("shape", {"version": protocol.VERSION, "station": STATION})]:
        keep(f"push refused {name}", send(signed(hub, "POST", protocol.EVENTS, dev, json.dumps(doc).encode(),
                                                 {"Content-Type": "application/json"})))
    keep("push unsigned", HTTP.post(hub.url + protocol.EVENTS, data=b"{}", timeout=10))
    assert hub.run_cli("set-status", case_no(STATION, 1), "in_progress", "--note", "转县局",
                       "--platform-no", "XZ-1").returncode == 0
    assert hub.run_cli("set-status", case_no(STATION, 2), "concluded", "--outcome", "denied").returncode == 0
    keep("pull", send(signed(hub, "GET", protocol.UPDATES, dev)))
    keep("pull page", send(signed(hub, "GET", protocol.UPDATES, dev, params={"limit": 1})))
    keep("pull bad cursor", send(signed(hub, "GET", protocol.UPDATES, dev, params={"cursor": "nope"})))
    keep("not found", HTTP.get(hub.url + "/v1/nothing", timeout=10))
    return got


def loopback_answers() -> dict[str, str]:
    got: dict[str, str] = {}
    with LoopbackHub() as loop:
        enrol = {"code": loop.code, "station_code": STATION, "station_name": "自检服务站",
                 "public_key": protocol.b64(protocol.public_bytes(KEY))}
        r = HTTP.post(loop.url + protocol.ENROL, json=enrol, timeout=10)
        got[f"loopback enrol {r.status_code}"] = masked(r.content)
        r = HTTP.post(loop.url + protocol.ENROL, json={**enrol, "code": "x"}, timeout=10)
        got[f"loopback enrol bad code {r.status_code}"] = masked(r.content)
        client = HubClient(loop.url, STATION, KEY)
        for n, batch in enumerate(answer_batches()):
            if n == 1:  # the stand-in once refused a whole batch for one malformed event
                batch = batch[:4] + batch[5:6]
            body = json.dumps({"version": protocol.VERSION, "station": STATION, "events": batch},
                              ensure_ascii=False).encode()
            r = client._exchange("POST", protocol.EVENTS, body, None, {"Content-Type": "application/json"}, True)
            got[f"loopback push {n} {r.status_code}"] = masked(r.content)
        for cursor in (None, "0", "1"):
            r = client._exchange("GET", protocol.UPDATES, b"", {"cursor": cursor} if cursor else None, None, True)
            got[f"loopback pull {cursor} {r.status_code}"] = masked(r.content)
    return got


def test_the_wire_is_as_recorded(hub: Hub, recorder: str) -> None:
    now = {**station_sends(recorder), **hub_answers(hub), **loopback_answers()}
    if os.environ.get("BIANMIN_WIRE_GOLDEN") == "write":
        GOLDEN.parent.mkdir(parents=True, exist_ok=True)
        GOLDEN.write_text(json.dumps(now, ensure_ascii=False, indent=1) + "\n", "utf-8")
    recorded = json.loads(GOLDEN.read_text("utf-8"))
    assert list(now) == list(recorded)
    for name, text in recorded.items():
        assert now[name] == text, name


# -- the types themselves --------------------------------------------------------------------


def test_each_message_reads_back_what_it_writes() -> None:
    ev = protocol.WireEvent.of(events()[0])
    assert protocol.WireEvent.from_wire(ev.to_wire()) == ev
    assert ev.to_wire() == protocol.event_to_wire(events()[0])
    assert list(ev.to_wire()) == ["seq", "event_id", "station", "case_no", "type", "at", "operator", "device",
                                  "payload", "prev_hash", "hash"]
    answer = protocol.PushAnswer((protocol.EventResult("e1", 1, protocol.PushStatus.stored, None),
                                  protocol.EventResult(None, None, protocol.PushStatus.rejected,
                                                       protocol.Rejection.malformed),
                                  protocol.EventResult("e3", 3, protocol.PushStatus.rejected, "a_newer_reason")),
                                 "2026-11-18T02:00:00.000+00:00")
    assert protocol.PushAnswer.from_wire(json.loads(json.dumps(answer.to_wire()))) == answer
    status = protocol.CaseStatusBody("5401271003012026111800001", "concluded", "approved", "", "XZ-1")
    assert protocol.CaseStatusBody.from_wire(status.to_wire()) == status
    update = protocol.Update("7", protocol.UpdateKind.case_status, status.case_no, status.to_wire())
    assert update.case_status() == status
    assert protocol.UpdatePage((update,), "c", False).to_wire() == {"updates": [update.to_wire()], "cursor": "c",
                                                                    "more": False}


def test_a_case_status_is_read_as_stations_always_read_it() -> None:
    """Absent texts are empty, the case number falls back on the update's, an outcome is text or None."""
    body = protocol.CaseStatusBody.from_wire({"status": "in_progress", "note": None, "outcome": ""}, "C-1")
    assert body == protocol.CaseStatusBody("C-1", "in_progress", None, "", "")
    assert protocol.CaseStatusBody.from_wire({}).status == "None"  # refused by CaseStatus, as before


@pytest.mark.parametrize("change", [
    {"seq": "1"}, {"seq": -1}, {"seq": 2**63}, {"seq": True}, {"event_id": ""}, {"station": "5" * 13},
    {"case_no": ""}, {"case_no": 7}, {"payload": []}, {"hash": "AB" * 32}, {"prev_hash": None},
    {"operator": "\ud800"},
])
def test_a_malformed_event_is_refused_by_its_type(change: dict[str, Any]) -> None:
    wire = {**protocol.event_to_wire(events()[0]), **change}
    with pytest.raises(protocol.Malformed):
        protocol.WireEvent.from_wire(wire)


def test_a_push_answer_that_breaks_the_protocol_is_refused() -> None:
    for doc in [{}, {"results": {}}, {"results": [{"seq": 1}]}, {"results": [{"event_id": "e", "status": "kept"}]}]:
        with pytest.raises(protocol.Malformed):
            protocol.PushAnswer.from_wire(doc)
    with pytest.raises(protocol.Malformed):
        protocol.UpdatePage.check_wire({"updates": [], "cursor": 3})


def test_the_hub_describes_its_messages_with_the_protocol_types() -> None:
    """The OpenAPI document's schemas are those of ``sync.protocol`` (bounds and enums included)."""
    from pydantic import TypeAdapter

    from hub.schemas import EnrolIn, EventsIn

    events_in = TypeAdapter(EventsIn).json_schema()
    wire_event = events_in["$defs"]["WireEvent"]["properties"]
    assert events_in["properties"]["events"]["maxItems"] == protocol.MAX_BATCH
    assert wire_event["hash"]["pattern"] == f"^{protocol.HEX64.pattern}$"
    assert wire_event["operator"]["maxLength"] == 100
    enrol_in = TypeAdapter(EnrolIn).json_schema()["properties"]
    assert enrol_in["station_code"]["pattern"] == protocol.STATION_CODE
    assert issubclass(EnrolIn, protocol.EnrolRequest) and issubclass(EventsIn, protocol.PushBatch)


def test_the_station_reads_the_protocol_without_a_web_framework() -> None:
    """The desktop build carries no pydantic, FastAPI or SQLAlchemy: the types must not need them."""
    import subprocess
    import sys

    code = ("import sys; import sync.protocol, sync.client, sync.engine, sync.loopback; "
            "print(sorted(m for m in ('pydantic', 'fastapi', 'starlette', 'sqlalchemy') if m in sys.modules))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                          cwd=Path(__file__).resolve().parent.parent, check=True)
    assert proc.stdout.strip() == "[]"


def test_an_event_a_concurrent_push_stored_between_two_reads_is_a_duplicate() -> None:
    """A database's reads of what the platform holds need not be one snapshot: the event's id read
    as unknown, then its position read as held by that very event (another push committed it in
    between). The answer is 'duplicate', as for any event sent twice, never a refusal."""
    from sync.protocol.verdict import Held, judge

    ev = protocol.WireEvent.of(events()[0])

    class BetweenTwoReads:
        def prefetch(self, signer: Any, batch: Any) -> None:
            pass

        def hash_of(self, event_id: str) -> str | None:
            return None  # read before the other push committed

        def at(self, station: str, chain: str, seq: int) -> Held | None:  # read after it
            return Held(ev.event_id, ev.hash, ev.prev_hash) if seq == ev.seq else None

        def intake_of(self, case_no: str) -> str | None:
            return ev.event_id

        def owner_of(self, case_no: str) -> str | None:
            return ev.station

        def keep(self, kept: Any) -> None:
            raise AssertionError("a duplicate is not stored again")

    assert judge(ev, ev.station, BetweenTwoReads()) == (protocol.PushStatus.duplicate, None)
