"""A station's devices at the hub (issue 15): a real ``bianmin-hub serve`` process, real HTTP, real
signatures, on SQLite and PostgreSQL.

Each device enrols with its own one-time code and key and pushes its own hash chain; an enrolment
never replaces another device's key, a lost answer is asked for again without making a second
device, a revoked device is refused; a case number names the device that took the case in; the
station's peer feed hands every other device's event to a reader once, in commit order, also while
three devices push at once; a platform status goes to the device that took the case in; an offline
bundle is its certified device's chain; revision 0002 makes an older hub's station its device 00.
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
import json
import re
import threading
import uuid
from pathlib import Path
from typing import Any

import pytest
import requests
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import casenumber
from app.journal import GENESIS, Event, EventType, event_hash
from hub import db as hub_db
from sync import bundle_format, protocol
from tests.hubproc import Hub, module_hub
from tests.test_hub import received

HTTP = requests.Session()
DAY = "20261202"
AT = "2026-12-02T10:00:00.000+08:00"
JSON = {"Content-Type": "application/json"}


hub = module_hub("hub")


@dataclasses.dataclass
class Dev:
    """A device of a station as the test drives it: its key and where its chain stands."""

    station: str
    device: str
    key: Ed25519PrivateKey
    field: str = ""  # what its events carry in ``device`` (default: the device number)
    prev: str = GENESIS
    seq: int = 0
    answer: dict[str, Any] = dataclasses.field(default_factory=dict)

    @property
    def keyid(self) -> str:
        return f"{self.station}.{self.device}"

    def case(self, n: int) -> str:
        return casenumber.make(self.station, DAY, self.device, n)

    def events(self, specs: list[tuple[str | None, str, dict[str, Any]]]) -> list[dict[str, Any]]:
        """Properly linked events continuing this device's chain, as they travel."""
        out = []
        for case_no, type_, payload in specs:
            self.seq += 1
            ev = Event(seq=self.seq, event_id=uuid.uuid4().hex, station=self.station, case_no=case_no, type=type_,
                       at=AT, operator="clerk", device=self.field or self.device, payload=payload,
                       prev_hash=self.prev)
            ev = dataclasses.replace(ev, hash=event_hash(self.prev, ev.body()))
            self.prev = ev.hash
            out.append(protocol.event_to_wire(ev))
        return out


def enrol_request(hub: Hub, code: str, station: str, device: str | None, key: Ed25519PrivateKey,
                  **extra: Any) -> requests.Response:
    doc = {"code": code, "station_code": station, "station_name": "工卡镇便民服务中心",
           "public_key": protocol.b64(protocol.public_bytes(key))}
    doc.update(extra)
    if device is not None:
        doc["device"] = device
    return HTTP.post(hub.url + protocol.ENROL, json=doc, timeout=10)


def enrol(hub: Hub, station: str, device: str, role: str | None = None, field: str = "") -> Dev:
    key = protocol.new_device_key()
    extra = {"role": role} if role else {}
    r = enrol_request(hub, hub.quick_code(station, device=device), station, device, key, **extra)
    assert r.status_code == 200, r.text
    assert r.json()["device"] == device
    return Dev(station=station, device=device, key=key, field=field, answer=r.json())


def call(hub: Hub, dev: Dev, method: str, path: str, body: bytes = b"", params: dict[str, Any] | None = None,
         headers: dict[str, str] | None = None, key: Ed25519PrivateKey | None = None,
         keyid: str | None = None) -> requests.Response:
    prepared = requests.Request(method, hub.url + path, data=body or None, params=params or {},
                                headers=headers or {}).prepare()
    protocol.sign_request(prepared, body, keyid or dev.keyid, key or dev.key)
    return HTTP.send(prepared, timeout=60)


def push(hub: Hub, dev: Dev, events: list[dict[str, Any]], station: str | None = None,
         key: Ed25519PrivateKey | None = None) -> requests.Response:
    body = json.dumps({"version": protocol.VERSION, "station": station or dev.station, "events": events},
                      ensure_ascii=False).encode()
    return call(hub, dev, "POST", protocol.EVENTS, body, headers=JSON, key=key)


def pushed(hub: Hub, dev: Dev, events: list[dict[str, Any]]) -> list[tuple[str, str | None]]:
    r = push(hub, dev, events)
    assert r.status_code == 200, r.text
    return [(x["status"], x["reason"]) for x in r.json()["results"]]


def peers(hub: Hub, dev: Dev, after: int = 0, limit: int | None = None) -> dict[str, Any]:
    params: dict[str, Any] = {"after": after}
    if limit is not None:
        params["limit"] = limit
    r = call(hub, dev, "GET", protocol.PEERS, params=params)
    assert r.status_code == 200, r.text
    protocol.PeerPage.from_wire(r.json())  # a page as the protocol reads it
    return dict(r.json())


def all_peers(hub: Hub, dev: Dev, limit: int = 500) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    after = 0
    while True:
        page = peers(hub, dev, after, limit)
        out += page["events"]
        after = page["after"]
        if not page["more"]:
            return out


def stored_count(hub: Hub, station: str) -> int:
    engine = hub_db.make_engine(hub.db_url)
    try:
        with Session(engine) as session:
            return int(session.scalar(select(func.count()).select_from(hub_db.StoredEvent)
                                      .where(hub_db.StoredEvent.station == station)) or 0)
    finally:
        engine.dispose()


def refused(r: requests.Response) -> tuple[int, str]:
    return r.status_code, str(r.json().get("error"))


OK = ("stored", None)


# -- enrolment --------------------------------------------------------------------------------------


def test_devices_of_one_station_enrol_apart_and_each_pushes_its_own_chain(hub: Hub) -> None:
    station = "540127400001"
    proc = hub.run_cli("enrol-code", station, "--device", "01")
    assert proc.returncode == 0 and "设备 01" in proc.stdout, proc
    code01 = proc.stdout.strip().splitlines()[-1]
    first = enrol(hub, station, "00")
    key01 = protocol.new_device_key()
    r = enrol_request(hub, code01, station, "01", key01, device_name="1号窗口", station_name="别的名字")
    assert r.status_code == 200 and r.json()["device"] == "01", r.text
    # The station keeps the name its first device gave it: another device's enrolment does not rename it.
    assert r.json()["certificate"]["station_name"] == "工卡镇便民服务中心"
    assert r.json()["certificate"]["device_key"] == protocol.b64(protocol.public_bytes(key01))
    second = Dev(station=station, device="01", key=key01)

    # Both chains start at 1; neither enrolment took the other's key.
    for dev in (first, second):
        events = dev.events([(dev.case(1), EventType.received, received(dev.case(1))),
                             (dev.case(1), EventType.accepted, {}), (dev.case(2), EventType.received,
                                                                     received(dev.case(2)))])
        assert pushed(hub, dev, events) == [OK] * 3
        assert pushed(hub, dev, events) == [("duplicate", None)] * 3
    assert stored_count(hub, station) == 6
    cases = json.loads(hub.run_cli("cases", "--station", station, "--json", check=True).stdout)
    assert sorted(c["case_no"] for c in cases) == sorted([first.case(1), first.case(2), second.case(1),
                                                           second.case(2)])

    r = call(hub, second, "GET", protocol.DEVICES)
    assert r.status_code == 200, r.text
    listed = protocol.DeviceList.from_wire(r.json())
    assert listed.station == station
    assert [(d.device, d.name, d.role, d.revoked_at) for d in listed.devices] == [
        ("00", "00号窗口", "window", None), ("01", "1号窗口", "window", None)]
    assert all(d.last_seen_at for d in listed.devices)
    assert listed.devices[1].public_key == protocol.b64(protocol.public_bytes(key01))

    rows = json.loads(hub.run_cli("devices", "list", "--station", station, "--json", check=True).stdout)
    assert [(d["device"], d["revoked_at"]) for d in rows] == [("00", None), ("01", None)]
    human = hub.run_cli("devices", "list", "--station", station, check=True).stdout
    assert "1号窗口" in human and "共 2 台设备" in human


def test_enrolment_retry_and_attacks(hub: Hub) -> None:
    station, other = "540127400002", "540127400003"
    zero = enrol(hub, station, "00")
    stranger = enrol(hub, other, "00")
    code = hub.quick_code(station, device="01")
    k1 = protocol.new_device_key()
    r1 = enrol_request(hub, code, station, "01", k1)
    assert r1.status_code == 200
    one = Dev(station=station, device="01", key=k1)
    # The answer was lost: the same code and key again get the same answer, and no second device.
    again = enrol_request(hub, code, station, "01", k1)
    assert again.status_code == 200
    assert {k: v for k, v in again.json().items() if k not in ("time", "certificate")} == {
        k: v for k, v in r1.json().items() if k not in ("time", "certificate")}
    assert again.json()["certificate"]["device_key"] == r1.json()["certificate"]["device_key"]
    # The used code with another key, or for another device number: refused, nothing changed.
    assert refused(enrol_request(hub, code, station, "01", protocol.new_device_key())) == (403, "bad_code")
    assert refused(enrol_request(hub, code, station, "02", k1)) == (403, "bad_code")
    assert refused(enrol_request(hub, hub.quick_code(station, device="01"), station, "02",
                                 protocol.new_device_key())) == (403, "bad_code")
    assert refused(enrol_request(hub, hub.quick_code(station), station, "01", protocol.new_device_key())) == (
        403, "bad_code")  # a code for 00 does not enrol 01
    devices = json.loads(hub.run_cli("devices", "list", "--station", station, "--json", check=True).stdout)
    assert [d["device"] for d in devices] == ["00", "01"]
    assert call(hub, one, "GET", protocol.UPDATES).status_code == 200

    # A new code for 01 replaces 01's key, and only 01's.
    k3 = protocol.new_device_key()
    assert enrol_request(hub, hub.quick_code(station, device="01"), station, "01", k3).status_code == 200
    assert refused(call(hub, one, "GET", protocol.UPDATES)) == (401, "bad_signature")
    one.key = k3
    assert call(hub, one, "GET", protocol.UPDATES).status_code == 200
    assert call(hub, zero, "GET", protocol.UPDATES).status_code == 200
    assert call(hub, zero, "GET", protocol.UPDATES, keyid=f"{station}.00").status_code == 200  # 00 either way

    # Keyids: another device's number with one's own key is forged; an unenrolled number is unknown.
    assert refused(call(hub, zero, "GET", protocol.UPDATES, keyid=one.keyid)) == (401, "bad_signature")
    assert refused(call(hub, zero, "GET", protocol.UPDATES, keyid=f"{station}.07")) == (401, "unknown_station")
    assert refused(call(hub, zero, "GET", protocol.UPDATES, keyid=f"{station}.7")) == (401, "unknown_station")

    # A device pushing another device's chain, or another station's events: refused, nothing stored.
    before = stored_count(hub, station)
    impostor = Dev(station=station, device="00", key=zero.key, field="01")
    theirs = Dev(station=other, device="00", key=zero.key)
    assert pushed(hub, zero, impostor.events([(one.case(1), EventType.received, received(one.case(1)))])) == [
        ("rejected", "wrong_device")]
    assert pushed(hub, zero, theirs.events([(theirs.case(1), EventType.received, received(theirs.case(1)))])) == [
        ("rejected", "wrong_station")]
    assert pushed(hub, zero, Dev(station=station, device="00", key=zero.key).events(
        [(stranger.case(2), EventType.received, received(stranger.case(2)))])) == [("rejected", "foreign_case_no")]
    assert refused(push(hub, zero, [], station=other)) == (403, "wrong_station")
    assert stored_count(hub, station) == before and stored_count(hub, other) == 0

    # Revoked: its requests are refused, its number is never enrolled again.
    events = one.events([(one.case(1), EventType.received, received(one.case(1)))])
    proc = hub.run_cli("devices", "revoke", station, "01")
    assert proc.returncode == 0 and "已吊销" in proc.stdout, proc
    assert refused(push(hub, one, events)) == (401, "revoked_device")
    assert refused(call(hub, one, "GET", protocol.PEERS)) == (401, "revoked_device")
    assert stored_count(hub, station) == before
    proc = hub.run_cli("enrol-code", station, "--device", "01")
    assert proc.returncode == 1 and "已吊销" in proc.stderr, proc
    assert refused(enrol_request(hub, hub.quick_code(station, device="01"), station, "01", k3)) == (403, "bad_code")
    assert refused(enrol_request(hub, code, station, "01", k1)) == (403, "bad_code")  # no retry after revocation
    assert refused(call(hub, one, "GET", protocol.UPDATES)) == (401, "revoked_device")
    devices = json.loads(hub.run_cli("devices", "list", "--station", station, "--json", check=True).stdout)
    assert [(d["device"], d["revoked_at"] is not None) for d in devices] == [("00", False), ("01", True)]
    assert call(hub, zero, "GET", protocol.UPDATES).status_code == 200
    assert hub.run_cli("devices", "revoke", station, "05").returncode == 1
    assert hub.run_cli("enrol-code", station, "--device", "1").returncode == 1
    # A code for a number already enrolled (the trap of a second PC set up with no number of its own):
    # made, for a PC set up again, with a warning that names the numbers taken and one that is free.
    proc = hub.run_cli("enrol-code", station)
    assert proc.returncode == 0 and re.fullmatch(r"[0-9A-Z]{5}-[0-9A-Z]{5}", proc.stdout.splitlines()[-1]), proc
    assert "设备 00 已登记" in proc.stderr and "00、01" in proc.stderr and "--device 02" in proc.stderr, proc
    assert "已登记" not in hub.run_cli("enrol-code", station, "--device", "07").stderr


def test_a_case_number_names_the_device_that_took_it_in(hub: Hub) -> None:
    station = "540127400004"
    one, two = enrol(hub, station, "01"), enrol(hub, station, "02")
    old = enrol(hub, station, "00", field="3f1c2a9e-7d7e-4a51-9b1e-5a3d2c1b0a99")  # a station from before devices
    c1 = one.case(1)
    assert pushed(hub, one, one.events([(two.case(1), EventType.received, received(two.case(1)))])) == [
        ("rejected", "foreign_device")]
    (intake,) = one.events([(c1, EventType.received, received(c1, "次仁"))])
    assert pushed(hub, one, [intake]) == [OK]
    # Window 2 continues window 1's case: allowed, and the case's status is merged from both chains.
    assert pushed(hub, two, two.events([(c1, EventType.accepted, {"after": [intake["hash"]]})])) == [OK]
    (case,) = [c for c in json.loads(hub.run_cli("cases", "--station", station, "--json", check=True).stdout)
               if c["case_no"] == c1]
    assert (case["status"], case["applicant_name"]) == ("accepted", "次仁")
    # A number from before devices with a sequence of 1000 or more reads as device 01: the old chain may
    # use it (no foreign_device for an event without a device number), and then window 1 may not.
    legacy = f"{station}{DAY}01234"
    assert casenumber.device_of(legacy) == "01"
    assert pushed(hub, old, old.events([(legacy, EventType.received, received(legacy))])) == [OK]
    assert pushed(hub, one, one.events([(legacy, EventType.received, received(legacy))])) == [
        ("rejected", "duplicate_case_no")]


def test_the_hub_merges_a_case_from_every_device_and_shows_its_conflict(hub: Hub) -> None:
    """Window 1 concludes a case while window 2, offline, records its withdrawal: both stand, the hub
    shows the conflict (as the windows do, ``app.merge``), and window 1's resolution ends it."""
    station = "540127400008"
    one, two = enrol(hub, station, "01"), enrol(hub, station, "02")
    c = one.case(1)
    intake, accepted = one.events([(c, EventType.received, received(c)), (c, EventType.accepted, {})])
    assert pushed(hub, one, [intake, accepted]) == [OK, OK]
    (concluded,) = one.events([(c, EventType.concluded, {"outcome": "approved"})])
    (withdrawn,) = two.events([(c, EventType.withdrawn, {"reason": "申请人撤回", "after": [accepted["hash"]]})])
    assert pushed(hub, two, [withdrawn]) == [OK]
    assert pushed(hub, one, [concluded]) == [OK]

    def the_case() -> dict[str, Any]:
        (case,) = json.loads(hub.run_cli("cases", "--station", station, "--json", check=True).stdout)
        return dict(case)

    case = the_case()
    assert sorted(case["conflict"]) == sorted([concluded["hash"], withdrawn["hash"]])
    assert "冲突" in hub.run_cli("cases", "--station", station, check=True).stdout
    (resolved,) = one.events([(c, EventType.conflict_resolved, {
        "keep": concluded["hash"], "set_aside": [withdrawn["hash"]], "status": "concluded", "note": "以办结为准",
        "outcome": "approved", "after": [concluded["hash"], withdrawn["hash"]]})])
    assert pushed(hub, one, [resolved]) == [OK]
    case = the_case()
    assert (case["status"], case["outcome"], case["conflict"]) == ("concluded", "approved", None)


# -- the peer feed ------------------------------------------------------------------------------------


def test_the_peer_feed_misses_nothing_while_three_devices_push(hub: Hub) -> None:
    """Three devices push small batches at once while a fourth reads the feed after the last number
    it read, and never reads back: it must get every event of the others exactly once."""
    station = "540127400005"
    pushers = [enrol(hub, station, f"0{n}") for n in (1, 2, 3)]
    reader = enrol(hub, station, "04")
    sent: dict[str, list[dict[str, Any]]] = {}
    for dev in pushers:
        specs: list[tuple[str | None, str, dict[str, Any]]] = []
        for n in range(1, 16):
            specs += [(dev.case(n), EventType.received, received(dev.case(n))), (dev.case(n), EventType.accepted, {})]
        sent[dev.device] = dev.events(specs)
    failures: list[str] = []
    done = threading.Event()

    def push_all(dev: Dev) -> None:
        events = sent[dev.device]
        for start in range(0, len(events), 3):
            results = pushed(hub, dev, events[start:start + 3])
            if results != [OK] * len(results):
                failures.append(f"{dev.device}: {results}")

    got: list[dict[str, Any]] = []
    cursors: list[int] = []

    def read() -> None:
        after = 0
        while True:
            finished = done.is_set()
            page = peers(hub, reader, after, limit=7)
            got.extend(page["events"])
            cursors.append(page["after"])
            after = page["after"]
            if finished and not page["more"]:
                return

    threads = [threading.Thread(target=push_all, args=(dev,)) for dev in pushers]
    reading = threading.Thread(target=read)
    reading.start()
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)
    done.set()
    reading.join(timeout=300)
    assert not failures
    ids = [e["event_id"] for e in got]
    assert len(ids) == len(set(ids)) == 90
    assert set(ids) == {e["event_id"] for events in sent.values() for e in events}
    assert cursors == sorted(cursors)
    for dev in pushers:  # each chain in its own order
        assert [e["seq"] for e in got if e["device"] == dev.device] == list(range(1, 31))
    # A pushing device gets the others' events, not its own.
    own = pushers[0]
    theirs = all_peers(hub, own, limit=500)
    assert len(theirs) == 60 and {e["device"] for e in theirs} == {"02", "03"}
    assert [e["event_id"] for e in theirs] == [e["event_id"] for e in got if e["device"] != "01"]
    # Bad cursors are refused; past the end is an empty page at the same cursor.
    for bad in ("-1", "x", str(2**63)):
        assert refused(call(hub, reader, "GET", protocol.PEERS, params={"after": bad})) == (422, "malformed")
    end = peers(hub, reader, 10**12)
    assert end == {"events": [], "after": 10**12, "more": False}


# -- platform statuses --------------------------------------------------------------------------------


def test_a_platform_status_goes_to_the_device_that_took_the_case_in(hub: Hub) -> None:
    station = "540127400006"
    zero, one, two = (enrol(hub, station, d) for d in ("00", "01", "02"))
    laptop = enrol(hub, station, "80", role="laptop")
    c1, c80 = one.case(1), laptop.case(1)
    assert pushed(hub, one, one.events([(c1, EventType.received, received(c1))])) == [OK]
    assert pushed(hub, laptop, laptop.events([(c80, EventType.received, received(c80))])) == [OK]

    def case_statuses(dev: Dev) -> list[tuple[str, str]]:
        r = call(hub, dev, "GET", protocol.UPDATES, params={"limit": 500})
        assert r.status_code == 200, r.text
        return [(u["case_no"], u["body"]["status"]) for u in r.json()["updates"] if u["kind"] == "case_status"]

    proc = hub.run_cli("set-status", c1, "in_progress")
    assert proc.returncode == 0 and "设备 01" in proc.stdout, proc
    assert case_statuses(one) == [(c1, "in_progress")]
    assert case_statuses(zero) == [] and case_statuses(two) == []
    # A laptop's case, and a case whose window was revoked, go to the station's first window.
    assert hub.run_cli("set-status", c80, "in_progress").returncode == 0
    assert hub.run_cli("devices", "revoke", station, "01").returncode == 0
    assert hub.run_cli("set-status", c1, "concluded", "--outcome", "approved").returncode == 0
    assert case_statuses(zero) == [(c80, "in_progress"), (c1, "concluded")]
    assert case_statuses(two) == [] and case_statuses(laptop) == []


# -- offline bundles ---------------------------------------------------------------------------------


def bundle_of(dev: Dev, events: list[dict[str, Any]]) -> tuple[str, bytes]:
    """A bundle signed by ``dev``'s key under the certificate its enrolment answer carried."""
    out = io.BytesIO()
    bundle_id = bundle_format.new_bundle_id()
    header = {"bundle_id": bundle_id, "station": dev.station, "station_name": "工卡镇便民服务中心",
              "region": dev.answer["region"], "created_at": AT, "certificate": dev.answer["certificate"],
              "device_key": dev.answer["certificate"]["device_key"]}
    writer = bundle_format.BundleWriter(out, header=header, hub_box_key=protocol.unb64(dev.answer["hub_box_key"]),
                                        device_key=dev.key)
    writer.add_events(events)
    writer.finish()
    return bundle_id, out.getvalue()


def declare(hub: Hub, dev: Dev, bundle_id: str, data: bytes) -> requests.Response:
    body = json.dumps({"bundle_id": bundle_id, "size": len(data), "sha256": hashlib.sha256(data).hexdigest()})
    return call(hub, dev, "POST", protocol.BUNDLES, body.encode(), headers=JSON)


def append(hub: Hub, dev: Dev, bundle_id: str, offset: int, chunk: bytes) -> requests.Response:
    return call(hub, dev, "PATCH", f"{protocol.BUNDLES}/{bundle_id}", chunk,
                headers={"Content-Type": "application/offset+octet-stream", "Upload-Offset": str(offset)})


def test_a_bundle_is_its_certified_devices_chain_and_each_forwarder_uploads_its_own(hub: Hub) -> None:
    station = "540127400007"
    zero, one = enrol(hub, station, "00"), enrol(hub, station, "01")
    laptop = enrol(hub, station, "80", role="laptop")
    c = laptop.case(1)
    bundle_id, data = bundle_of(laptop, laptop.events([(c, EventType.received, received(c)),
                                                      (c, EventType.accepted, {})]))
    # Two windows forward the same bundle: each has its own upload, neither sees the other's.
    assert declare(hub, one, bundle_id, data).status_code == 201
    assert append(hub, one, bundle_id, 0, data[:100]).json()["offset"] == 100
    started = declare(hub, zero, bundle_id, data)
    assert (started.status_code, started.json()["offset"]) == (201, 0)
    assert append(hub, zero, bundle_id, 100, data[100:]).status_code == 409  # not at 01's offset
    mid = call(hub, one, "GET", f"{protocol.BUNDLES}/{bundle_id}")
    assert mid.status_code == 200 and mid.json()["offset"] == 100
    done = append(hub, zero, bundle_id, 0, data)
    assert done.status_code == 200 and done.json()["complete"] is True, done.text
    ack = done.json()["ack"]
    assert (ack["station"], ack["uploaded_by"], ack["stored"], ack["rejected"]) == (station, station, 2, [])
    # The events are the laptop's chain: the windows find them in their feed, under device 80.
    feed = all_peers(hub, one)
    assert [(e["device"], e["seq"]) for e in feed] == [("80", 1), ("80", 2)]
    # The other forwarder's upload is gone; starting again it is told the bundle is in, with its ack.
    assert refused(append(hub, one, bundle_id, 100, data[100:])) == (404, "not_found")
    again = declare(hub, one, bundle_id, data)
    assert again.status_code == 200 and (again.json()["already"], again.json()["ack"]) == (True, ack)
    # A bundle carrying another chain than its signer's: that event is refused.
    stray = Dev(station=station, device="80", key=laptop.key, field="81")
    other_id, other = bundle_of(laptop, stray.events([(None, "station.note", {"text": "x"})]))
    assert declare(hub, zero, other_id, other).status_code == 201
    ack = append(hub, zero, other_id, 0, other).json()["ack"]
    assert [r["reason"] for r in ack["rejected"]] == ["wrong_device"] and ack["stored"] == 0
    # A revoked device's key signs no bundle any more.
    assert hub.run_cli("devices", "revoke", station, "80").returncode == 0
    third_id, third = bundle_of(laptop, laptop.events([(None, "station.note", {"text": "y"})]))
    assert declare(hub, zero, third_id, third).status_code == 201
    r = append(hub, zero, third_id, 0, third)
    assert refused(r) == (422, "bundle_unknown_signer")
    assert "Traceback" not in hub.log()


def test_a_window_fetches_the_scans_of_a_case_another_device_took_in(hub: Hub) -> None:
    station = "540127400009"
    one, two = enrol(hub, station, "01"), enrol(hub, station, "02")
    stranger = enrol(hub, "540127400010", "00")
    data = b"%PDF-1.4 scan of a household register\n" * 50
    sha = hashlib.sha256(data).hexdigest()
    body = json.dumps({"sha256": sha, "size": len(data), "mime": "application/pdf"}).encode()
    assert call(hub, one, "POST", "/v1/attachments", body, headers=JSON).status_code == 201
    assert refused(call(hub, two, "GET", f"/v1/attachments/{sha}/data")) == (404, "not_found")  # not complete
    r = call(hub, one, "PATCH", f"/v1/attachments/{sha}", data,
             headers={"Content-Type": "application/offset+octet-stream", "Upload-Offset": "0"})
    assert r.status_code == 200 and r.json()["complete"] is True, r.text
    got = call(hub, two, "GET", f"/v1/attachments/{sha}/data")
    assert got.status_code == 200 and got.content == data and got.headers["content-type"] == "application/pdf"
    assert refused(call(hub, stranger, "GET", f"/v1/attachments/{sha}/data")) == (404, "not_found")
    assert refused(call(hub, two, "GET", f"/v1/attachments/{'0' * 64}/data")) == (404, "not_found")


def test_no_server_errors_logged(hub: Hub) -> None:
    """Runs last: nothing any test sent made the hub fail inside."""
    assert "Traceback" not in hub.log()
    assert "ERROR" not in hub.log()


# -- revision 0002 on an older hub's database ----------------------------------------------------------


@pytest.mark.hub_backends
def test_revision_0002_makes_each_station_its_device_00(tmp_path: Path, hub_backend: str) -> None:
    from hub.local import start_hub as start_hub_on
    from tests.test_hub_migrations import db_url, engine_for, old_hub_database

    url = db_url(tmp_path)
    old_hub_database(url)
    with engine_for(url) as engine:
        with Session(engine) as session:
            old_ids = list(session.scalars(select(hub_db.StoredEvent.id).order_by(hub_db.StoredEvent.id)))
            assert len(old_ids) == 10
        hub_db.upgrade(engine)
        with Session(engine) as session:
            (station,) = session.scalars(select(hub_db.Station))
            (device,) = session.scalars(select(hub_db.Device))
            assert (device.station, device.device, device.role, device.revoked_at) == (station.code, "00", "window",
                                                                                        None)
            assert (device.public_key, device.enrolled_at) == (station.public_key, station.enrolled_at)
            rows = list(session.execute(select(hub_db.StoredEvent.id, hub_db.StoredEvent.chain,
                                               hub_db.StoredEvent.feed).order_by(hub_db.StoredEvent.id)))
            assert rows == [(i, "00", i) for i in old_ids]
            assert station.feed == old_ids[-1]
            code = station.code
    served = start_hub_on(tmp_path / "served", db_url=url)
    try:
        one = enrol(served, code, "01")
        old_events = all_peers(served, one)
        assert len(old_events) == 10 and [e["seq"] for e in old_events] == list(range(1, 11))
        c = one.case(1)
        assert pushed(served, one, one.events([(c, EventType.received, received(c))])) == [OK]
        r = call(served, one, "GET", protocol.DEVICES)
        assert [d["device"] for d in r.json()["devices"]] == ["00", "01"]
        with engine_for(url) as engine, Session(engine) as session:
            assert session.scalar(select(hub_db.StoredEvent.feed).where(hub_db.StoredEvent.case_no == c)) == (
                old_ids[-1] + 1)
    finally:
        served.stop()
