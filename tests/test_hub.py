"""The reference hub, end to end: a real ``bianmin-hub serve`` process, real HTTP, real signatures."""

from __future__ import annotations

import base64
import dataclasses
import datetime as dt
import gzip
import json
import re
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
import requests
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from app.journal import GENESIS, Event, EventType, event_hash
from sync import protocol
from sync.protocol import sign_request
from tests.hubproc import Hub, module_hub

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_CATALOGUE = ROOT / "resources" / "catalogue" / "sample_catalogue.json"
AT = "2026-11-18T10:00:00.000+08:00"
HTTP = requests.Session()


hub = module_hub("hub")


@dataclasses.dataclass
class Device:
    station: str
    key: Ed25519PrivateKey
    prev: str = GENESIS
    seq: int = 0


def enrol(hub: Hub, station: str, key: Ed25519PrivateKey | None = None) -> Device:
    key = key or protocol.new_device_key()
    code = hub.quick_code(station)  # test_enrolment_codes goes through the CLI
    r = HTTP.post(hub.url + protocol.ENROL, json={"code": code, "station_code": station, "station_name": "测试站",
                                                  "public_key": protocol.b64(protocol.public_bytes(key))}, timeout=10)
    assert r.status_code == 200, r.text
    return Device(station=station, key=key)


def signed(hub: Hub, method: str, path: str, dev: Device, body: bytes = b"", headers: dict[str, str] | None = None,
           params: dict[str, Any] | None = None, key: Ed25519PrivateKey | None = None,
           clock_offset: dt.timedelta = dt.timedelta(0)) -> requests.PreparedRequest:
    req = requests.Request(method, hub.url + path, data=body or None, headers=headers or {}, params=params or {})
    prepared = req.prepare()
    sign_request(prepared, body, dev.station, key or dev.key, clock_offset)
    return prepared


def send(prepared: requests.PreparedRequest) -> requests.Response:
    return HTTP.send(prepared, timeout=30)


def case_no(station: str, n: int) -> str:
    return f"{station}20261118{n:05d}"


def chain(dev: Device, specs: list[tuple[str | None, str, dict[str, Any]]]) -> list[Event]:
    """Properly linked events continuing ``dev``'s journal."""
    out = []
    for case, type_, payload in specs:
        dev.seq += 1
        ev = Event(seq=dev.seq, event_id=uuid.uuid4().hex, station=dev.station, case_no=case, type=type_, at=AT,
                   operator="clerk", device="dev-1", payload=payload, prev_hash=dev.prev)
        ev = dataclasses.replace(ev, hash=event_hash(dev.prev, ev.body()))
        dev.prev = ev.hash
        out.append(ev)
    return out


def received(case: str, applicant: str = "扎西顿珠", items: tuple[str, ...] = ("居住证明出具",)) -> dict[str, Any]:
    return {"applicant": {"kind": "person", "name": applicant, "id_type": "resident_id"},
            "items": [{"item_code": f"540000-GGFW-{i:04d}", "name": name} for i, name in enumerate(items)],
            "mode": "counter"}


def push_request(hub: Hub, dev: Device, events: list[dict[str, Any]], compress: bool = True,
                 station: str | None = None) -> requests.PreparedRequest:
    body = json.dumps({"version": protocol.VERSION, "station": station or dev.station, "events": events},
                      ensure_ascii=False).encode("utf-8")
    headers = {"Content-Type": "application/json"}
    if compress:
        body = gzip.compress(body)
        headers["Content-Encoding"] = "gzip"
    return signed(hub, "POST", protocol.EVENTS, dev, body, headers)


def push(hub: Hub, dev: Device, events: list[Any], compress: bool = True) -> list[dict[str, Any]]:
    wire = [protocol.event_to_wire(e) if isinstance(e, Event) else e for e in events]
    r = send(push_request(hub, dev, wire, compress))
    assert r.status_code == 200, r.text
    results = r.json()["results"]
    assert [x["event_id"] for x in results] == [w.get("event_id") if isinstance(w, dict) else None for w in wire]
    return results


def pull(hub: Hub, dev: Device, cursor: str | None = None, limit: int | None = None) -> dict[str, Any]:
    params: dict[str, Any] = {}
    if cursor is not None:
        params["cursor"] = cursor
    if limit is not None:
        params["limit"] = limit
    r = send(signed(hub, "GET", protocol.UPDATES, dev, params=params))
    assert r.status_code == 200, r.text
    return r.json()


def hub_cases(hub: Hub, station: str) -> list[dict[str, Any]]:
    proc = hub.run_cli("cases", "--station", station, "--json")
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def error(r: requests.Response) -> str:
    return str(r.json()["error"])


# ---------------------------------------------------------------------------------------------


def test_time_health_and_date_header(hub: Hub) -> None:
    r = HTTP.get(hub.url + protocol.TIME, timeout=10)
    assert r.status_code == 200
    body = r.json()
    assert body["version"] == protocol.VERSION
    hub_time = dt.datetime.fromisoformat(body["time"])
    assert hub_time.utcoffset() == dt.timedelta(0)
    assert abs(hub_time.timestamp() - body["epoch"]) < 2
    assert abs(body["epoch"] - dt.datetime.now(dt.UTC).timestamp()) < 60
    assert "date" in r.headers
    assert HTTP.get(hub.url + "/v1/health", timeout=10).json() == {"ok": True}
    missing = HTTP.get(hub.url + "/v1/nowhere", timeout=10)
    assert missing.status_code == 404 and error(missing) == "not_found"


def test_enrolment_codes(hub: Hub) -> None:
    station, other = "540127100001", "540127100002"
    key = protocol.new_device_key()
    pub = protocol.b64(protocol.public_bytes(key))
    proc = hub.run_cli("enrol-code", station)
    assert proc.returncode == 0, proc.stderr
    code = proc.stdout.strip().splitlines()[-1]
    assert len(code.replace("-", "")) == 10

    def enrol_with(code: str, station_code: str = station, public_key: str = pub) -> requests.Response:
        return HTTP.post(hub.url + protocol.ENROL, json={"code": code, "station_code": station_code,
                                                         "station_name": "帮堆村便民服务站",
                                                         "public_key": public_key}, timeout=10)

    # A code issued for another station does not enrol this one (and is not spent by trying).
    r = enrol_with(code, other)
    assert r.status_code == 403 and error(r) == "bad_code"
    r = enrol_with(code.lower().replace("-", " "))  # typed in lower case with a space: same code
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["station_code"] == station
    assert len(base64.b64decode(body["hub_signing_key"])) == 32
    assert len(base64.b64decode(body["hub_box_key"])) == 32
    dt.datetime.fromisoformat(body["time"])
    # Used once: the same station and key may ask again (its answer may have been lost) ...
    r = enrol_with(code)
    assert r.status_code == 200
    # ... but another key cannot take the used code over.
    r = enrol_with(code, public_key=protocol.b64(protocol.public_bytes(protocol.new_device_key())))
    assert r.status_code == 403 and error(r) == "bad_code"
    r = enrol_with("ZZZZZ-ZZZZZ")
    assert r.status_code == 403 and error(r) == "bad_code"
    # The hub's keys are the same for every station.
    r2 = enrol_with(hub.enrol_code(station))
    assert r2.status_code == 200
    assert (r2.json()["hub_signing_key"], r2.json()["hub_box_key"]) == (body["hub_signing_key"], body["hub_box_key"])


def test_expired_code_refused(hub: Hub) -> None:
    station = "540127100003"
    code = hub.quick_code(station, ttl=dt.timedelta(seconds=-1))
    r = HTTP.post(hub.url + protocol.ENROL, json={
        "code": code, "station_code": station, "station_name": "x",
        "public_key": protocol.b64(protocol.public_bytes(protocol.new_device_key()))}, timeout=10)
    assert r.status_code == 403 and error(r) == "bad_code"


@pytest.mark.parametrize("payload", [
    b"not json",
    b"[]",
    b'{"code": "ABCDE-FGHJK"}',
    json.dumps({"code": "X", "station_code": "5401", "station_name": "x", "public_key": "AAAA"}).encode(),
    json.dumps({"code": "X", "station_code": "540127100001", "station_name": "x",
                "public_key": "not base64!"}).encode(),
    json.dumps({"code": "X", "station_code": "540127100001", "station_name": "x",
                "public_key": base64.b64encode(b"short").decode()}).encode(),
])
def test_malformed_enrolment(hub: Hub, payload: bytes) -> None:
    r = HTTP.post(hub.url + protocol.ENROL, data=payload, headers={"Content-Type": "application/json"}, timeout=10)
    assert r.status_code in (400, 422), r.text
    assert error(r) == "malformed"


def test_push_stored_then_duplicate(hub: Hub) -> None:
    dev = enrol(hub, "540127100010")
    c1, c2 = case_no(dev.station, 1), case_no(dev.station, 2)
    events = chain(dev, [
        (c1, EventType.received, received(c1, "扎西顿珠", ("居住证明出具", "最低生活保障申请"))),
        (c1, EventType.accepted, {"from": "received", "to": "accepted"}),
        (c2, EventType.received, received(c2, "次仁卓玛")),
        (c1, EventType.concluded, {"outcome": "approved", "platform_no": "XZ-2026-0001"}),
        (None, "station.note", {"text": "not about a case"}),
        (c2, EventType.refused, {"reason": "不属于本站受理范围"}),
    ])
    results = push(hub, dev, events)
    assert [r["status"] for r in results] == ["stored"] * len(events)
    assert [r["seq"] for r in results] == [e.seq for e in events]
    assert all(r["reason"] is None for r in results)

    again = push(hub, dev, events)
    assert [r["status"] for r in again] == ["duplicate"] * len(events)

    cases = hub_cases(hub, dev.station)
    assert [c["case_no"] for c in cases] == [c1, c2]
    first, second = cases
    assert (first["status"], first["outcome"], first["platform_no"]) == ("concluded", "approved", "XZ-2026-0001")
    assert first["applicant_name"] == "扎西顿珠"
    assert first["items"] == ["居住证明出具", "最低生活保障申请"]
    assert (second["status"], second["outcome"], second["applicant_name"]) == ("refused", None, "次仁卓玛")

    # The human listing names both cases once as well.
    proc = hub.run_cli("cases", "--station", dev.station)
    assert proc.returncode == 0
    assert proc.stdout.count(c1) == 1 and proc.stdout.count(c2) == 1
    assert "已办结" in proc.stdout


def test_uncompressed_push_and_duplicates_inside_one_batch(hub: Hub) -> None:
    dev = enrol(hub, "540127100011")
    c = case_no(dev.station, 1)
    events = chain(dev, [(c, EventType.received, received(c))])
    results = push(hub, dev, [events[0], events[0]], compress=False)
    assert [r["status"] for r in results] == ["stored", "duplicate"]


def test_tampered_event_rejected_others_stored(hub: Hub) -> None:
    dev = enrol(hub, "540127100012")
    c = case_no(dev.station, 1)
    events = chain(dev, [
        (c, EventType.received, received(c)),
        (c, EventType.accepted, {}),
        (c, EventType.in_progress, {}),
    ])
    tampered = dataclasses.replace(events[1], payload={"note": "changed after hashing"})
    results = push(hub, dev, [events[0], tampered, events[2]])
    assert [(r["status"], r["reason"]) for r in results] == [
        ("stored", None), ("rejected", "bad_hash"), ("stored", None)]
    # The genuine event still goes through afterwards: the reject left no trace.
    assert push(hub, dev, [events[1]])[0]["status"] == "stored"
    assert hub_cases(hub, dev.station)[0]["status"] == "in_progress"


def test_same_id_different_content_is_a_conflict(hub: Hub) -> None:
    dev = enrol(hub, "540127100013")
    c = case_no(dev.station, 1)
    (ev,) = chain(dev, [(c, EventType.received, received(c))])
    assert push(hub, dev, [ev])[0]["status"] == "stored"
    forged = dataclasses.replace(ev, payload={"other": True})
    forged = dataclasses.replace(forged, hash=event_hash(forged.prev_hash, forged.body()))
    result = push(hub, dev, [forged])[0]
    assert (result["status"], result["reason"]) == ("rejected", "conflict")


def test_wrong_station_and_malformed_events(hub: Hub) -> None:
    dev = enrol(hub, "540127100014")
    other = Device(station="540127100099", key=dev.key)
    c = case_no(dev.station, 1)
    (foreign,) = chain(other, [(case_no(other.station, 1), EventType.received, received("x"))])
    (good,) = chain(dev, [(c, EventType.received, received(c))])
    missing_hash = {k: v for k, v in protocol.event_to_wire(good).items() if k != "hash"}
    ill_typed = {**protocol.event_to_wire(good), "event_id": "other-id", "seq": "1"}
    results = push(hub, dev, [protocol.event_to_wire(foreign), missing_hash, ill_typed, "not an event",
                              protocol.event_to_wire(good)])
    assert [(r["status"], r["reason"]) for r in results] == [
        ("rejected", "wrong_station"), ("rejected", "malformed"), ("rejected", "malformed"),
        ("rejected", "malformed"), ("stored", None)]
    assert results[3]["event_id"] is None and results[2]["seq"] is None


def test_concurrent_pushes_store_each_event_once(hub: Hub) -> None:
    dev = enrol(hub, "540127100018")
    specs = [(case_no(dev.station, n), EventType.received, received(case_no(dev.station, n))) for n in range(1, 41)]
    wire = [protocol.event_to_wire(e) for e in chain(dev, specs)]
    prepared = [push_request(hub, dev, wire) for _ in range(4)]
    with ThreadPoolExecutor(max_workers=4) as pool:
        responses = list(pool.map(send, prepared))
    assert [r.status_code for r in responses] == [200] * 4, [r.text for r in responses]
    for i in range(len(wire)):
        statuses = sorted(r.json()["results"][i]["status"] for r in responses)
        assert statuses == ["duplicate", "duplicate", "duplicate", "stored"]
    assert len(hub_cases(hub, dev.station)) == 40


def test_late_events_create_the_case_lazily(hub: Hub) -> None:
    dev = enrol(hub, "540127100015")
    c = case_no(dev.station, 1)
    rec, acc, prog = chain(dev, [(c, EventType.received, received(c, "格桑")), (c, EventType.accepted, {}),
                                 (c, EventType.in_progress, {})])
    push(hub, dev, [acc, prog])
    (case,) = hub_cases(hub, dev.station)
    assert (case["status"], case["applicant_name"], case["items"]) == ("in_progress", None, [])
    push(hub, dev, [rec])  # the received event arrives last: details filled in, the newer status kept
    (case,) = hub_cases(hub, dev.station)
    assert (case["status"], case["applicant_name"], case["items"]) == ("in_progress", "格桑", ["居住证明出具"])


def test_bad_push_bodies_are_4xx(hub: Hub) -> None:
    dev = enrol(hub, "540127100016")
    cases = [
        (b"not json", {}, 422, "malformed"),
        (b"\x1f\x8b not really gzip", {"Content-Encoding": "gzip"}, 400, "malformed"),
        (gzip.compress(b"{}")[:-6], {"Content-Encoding": "gzip"}, 400, "malformed"),
        (b"{}", {"Content-Encoding": "br"}, 415, "unsupported_encoding"),
        (json.dumps({"version": "bianmin-sync/0", "station": dev.station, "events": []}).encode(), {}, 400,
         "unsupported_version"),
        (json.dumps({"version": protocol.VERSION, "station": "540127100099", "events": []}).encode(), {}, 403,
         "wrong_station"),
        (json.dumps({"version": protocol.VERSION, "station": dev.station, "events": [{}] * (protocol.MAX_BATCH + 1)}
                    ).encode(), {}, 413, "batch_too_large"),
    ]
    for body, headers, status, code in cases:
        r = send(signed(hub, "POST", protocol.EVENTS, dev, body, {"Content-Type": "application/json", **headers}))
        assert (r.status_code, error(r)) == (status, code), (body[:40], r.text)


def test_gzip_bomb_refused(hub: Hub) -> None:
    dev = enrol(hub, "540127100017")
    body = gzip.compress(b" " * (21 * 1024 * 1024))
    r = send(signed(hub, "POST", protocol.EVENTS, dev, body, {"Content-Encoding": "gzip"}))
    assert (r.status_code, error(r)) == (413, "too_large")


# --- signatures ------------------------------------------------------------------------------------


def test_unsigned_request(hub: Hub) -> None:
    r = HTTP.post(hub.url + protocol.EVENTS, data=b"{}", timeout=10)
    assert (r.status_code, error(r)) == (401, "unsigned")
    r = HTTP.get(hub.url + protocol.UPDATES, timeout=10)
    assert (r.status_code, error(r)) == (401, "unsigned")


def test_signed_with_another_key(hub: Hub) -> None:
    dev = enrol(hub, "540127100020")
    r = send(signed(hub, "GET", protocol.UPDATES, dev, key=protocol.new_device_key()))
    assert (r.status_code, error(r)) == (401, "bad_signature")
    r = send(push_request(hub, Device(station=dev.station, key=protocol.new_device_key()), []))
    assert (r.status_code, error(r)) == (401, "bad_signature")


def test_body_changed_after_signing(hub: Hub) -> None:
    dev = enrol(hub, "540127100021")
    prepared = push_request(hub, dev, [], compress=False)
    prepared.body = json.dumps({"version": protocol.VERSION, "station": dev.station, "events": [1]}).encode()
    prepared.headers["Content-Length"] = str(len(prepared.body))
    r = send(prepared)
    assert (r.status_code, error(r)) == (401, "bad_signature")


def test_query_changed_after_signing(hub: Hub) -> None:
    dev = enrol(hub, "540127100022")
    prepared = signed(hub, "GET", protocol.UPDATES, dev, params={"limit": 1})
    prepared.url = prepared.url.replace("limit=1", "limit=2")
    r = send(prepared)
    assert (r.status_code, error(r)) == (401, "bad_signature")


def test_replayed_request(hub: Hub) -> None:
    dev = enrol(hub, "540127100023")
    c = case_no(dev.station, 1)
    events = chain(dev, [(c, EventType.received, received(c))])
    prepared = push_request(hub, dev, [protocol.event_to_wire(e) for e in events])
    first = send(prepared)
    assert first.status_code == 200 and first.json()["results"][0]["status"] == "stored"
    second = send(prepared)  # the very same headers and body
    assert (second.status_code, error(second)) == (401, "replayed")


@pytest.mark.parametrize("offset", [dt.timedelta(hours=-1), dt.timedelta(hours=1)])
def test_stale_signature(hub: Hub, offset: dt.timedelta) -> None:
    dev = enrol(hub, "540127100024")
    r = send(signed(hub, "GET", protocol.UPDATES, dev, clock_offset=offset))
    assert (r.status_code, error(r)) == (401, "stale")
    # Within the allowed skew the same station is fine.
    r = send(signed(hub, "GET", protocol.UPDATES, dev, clock_offset=dt.timedelta(minutes=3)))
    assert r.status_code == 200, r.text


def test_unknown_station(hub: Hub) -> None:
    dev = Device(station="540127100098", key=protocol.new_device_key())
    r = send(signed(hub, "GET", protocol.UPDATES, dev))
    assert (r.status_code, error(r)) == (401, "unknown_station")


def test_garbled_signature_headers(hub: Hub) -> None:
    dev = enrol(hub, "540127100025")
    for name, value in [("Signature-Input", "(((garbage"), ("Signature", "x=:not-base64:"),
                        ("Signature-Input", 'bianmin-station=("@method");keyid="540127100025"')]:
        prepared = signed(hub, "GET", protocol.UPDATES, dev)
        prepared.headers[name] = value
        r = send(prepared)
        assert (r.status_code, error(r)) == (401, "bad_signature"), (name, value, r.text)


def test_reenrolment_replaces_the_key(hub: Hub) -> None:
    old = enrol(hub, "540127100026")
    new = enrol(hub, old.station)
    r = send(signed(hub, "GET", protocol.UPDATES, old))
    assert (r.status_code, error(r)) == (401, "bad_signature")
    assert send(signed(hub, "GET", protocol.UPDATES, new)).status_code == 200


# --- updates -------------------------------------------------------------------------------------


def test_set_status_reaches_the_station_once(hub: Hub) -> None:
    dev = enrol(hub, "540127100030")
    bystander = enrol(hub, "540127100031")
    c = case_no(dev.station, 1)
    push(hub, dev, chain(dev, [(c, EventType.received, received(c)), (c, EventType.accepted, {})]))

    proc = hub.run_cli("set-status", case_no(dev.station, 99), "in_progress")
    assert proc.returncode == 1 and case_no(dev.station, 99) in proc.stderr
    proc = hub.run_cli("set-status", c, "concluded")
    assert proc.returncode == 1 and "--outcome" in proc.stderr
    proc = hub.run_cli("set-status", c, "concluded", "--outcome", "approved", "--note", "已办结，请通知申请人领取",
                       "--platform-no", "XZ-99")
    assert proc.returncode == 0, proc.stderr

    page = pull(hub, dev)
    mine = [u for u in page["updates"] if u["kind"] == "case_status"]
    assert len(mine) == 1
    assert mine[0]["case_no"] == c
    assert mine[0]["body"] == {"case_no": c, "status": "concluded", "outcome": "approved",
                               "note": "已办结，请通知申请人领取", "platform_no": "XZ-99"}
    assert isinstance(mine[0]["id"], str) and page["more"] is False
    again = pull(hub, dev, cursor=page["cursor"])
    assert again == {"updates": [], "cursor": page["cursor"], "more": False, "devices": page["devices"]}
    assert re.fullmatch(r"[0-9a-f]{16}", page["devices"])  # the station's device list's digest
    # Another station does not see it.
    assert not [u for u in pull(hub, bystander)["updates"] if u["kind"] == "case_status"]
    (case,) = hub_cases(hub, dev.station)
    assert (case["status"], case["outcome"], case["platform_no"]) == ("concluded", "approved", "XZ-99")


def test_paging_with_limit_one(hub: Hub) -> None:
    dev = enrol(hub, "540127100032")
    c = case_no(dev.station, 1)
    push(hub, dev, chain(dev, [(c, EventType.received, received(c))]))
    for status in ("accepted", "in_progress", "special_procedure"):
        assert hub.run_cli("set-status", c, status).returncode == 0
    everything = pull(hub, dev, limit=500)["updates"]
    seen: list[dict[str, Any]] = []
    cursor = None
    for _ in range(len(everything) + 2):
        page = pull(hub, dev, cursor=cursor, limit=1)
        assert len(page["updates"]) <= 1
        seen += page["updates"]
        cursor = page["cursor"]
        if not page["more"]:
            break
    assert seen == everything
    assert [u["body"]["status"] for u in seen if u["kind"] == "case_status"] == [
        "accepted", "in_progress", "special_procedure"]
    assert pull(hub, dev, cursor=cursor)["updates"] == []


def test_malformed_cursor(hub: Hub) -> None:
    dev = enrol(hub, "540127100033")
    for cursor in ["not-a-cursor!", "e30", base64.urlsafe_b64encode(b'{"after": -1}').decode(),
                   base64.urlsafe_b64encode(b'{"after": "3"}').decode(), "%%%", "x" * 600]:
        r = send(signed(hub, "GET", protocol.UPDATES, dev, params={"cursor": cursor}))
        assert (r.status_code, error(r)) == (400, "bad_cursor"), cursor


def test_bad_limit(hub: Hub) -> None:
    dev = enrol(hub, "540127100034")
    for limit in ("0", "many"):
        r = send(signed(hub, "GET", protocol.UPDATES, dev, params={"limit": limit}))
        assert (r.status_code, error(r)) == (422, "malformed")
    assert send(signed(hub, "GET", protocol.UPDATES, dev, params={"limit": 100000})).status_code == 200


def test_publish_catalogue(hub: Hub, tmp_path: Path) -> None:
    dev = enrol(hub, "540127100035")
    start = pull(hub, dev, limit=500)
    while start["more"]:
        start = pull(hub, dev, cursor=start["cursor"], limit=500)
    proc = hub.run_cli("publish-catalogue", str(SAMPLE_CATALOGUE))
    assert proc.returncode == 0, proc.stderr
    page = pull(hub, dev, cursor=start["cursor"])
    (update,) = page["updates"]
    assert update["kind"] == "catalogue" and update["case_no"] is None
    assert update["body"] == json.loads(SAMPLE_CATALOGUE.read_text("utf-8"))

    bad = json.loads(SAMPLE_CATALOGUE.read_text("utf-8"))
    bad["items"][0]["promised_days"] = "soon"
    (tmp_path / "bad.json").write_text(json.dumps(bad, ensure_ascii=False), "utf-8")
    (tmp_path / "broken.json").write_text("{not json", "utf-8")
    for name in ("bad.json", "broken.json", "missing.json"):
        proc = hub.run_cli("publish-catalogue", str(tmp_path / name))
        assert proc.returncode == 1, (name, proc.stdout)
        assert proc.stderr.strip()
        if name == "bad.json":
            assert "promised_days" in proc.stderr
    assert pull(hub, dev, cursor=page["cursor"])["updates"] == []


def test_publish_calendar(hub: Hub, tmp_path: Path) -> None:
    dev = enrol(hub, "540127100036")
    start = pull(hub, dev, limit=500)
    while start["more"]:
        start = pull(hub, dev, cursor=start["cursor"], limit=500)
    doc = {"format": "bianmin-regional-days/1", "region": "540000",
           "days": [{"date": "2026-12-01", "kind": "holiday", "name": {"zh": "测试", "bo": "ཚོད་ལྟ།"},
                     "prefectures": []}]}
    (tmp_path / "cal.json").write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
    (tmp_path / "nodays.json").write_text(json.dumps({"region": "540000"}), "utf-8")
    assert hub.run_cli("publish-calendar", str(tmp_path / "nodays.json")).returncode == 1
    assert hub.run_cli("publish-calendar", str(tmp_path / "cal.json")).returncode == 0
    (update,) = pull(hub, dev, cursor=start["cursor"])["updates"]
    assert (update["kind"], update["body"]) == ("calendar", doc)


def test_openapi_documents_the_protocol(hub: Hub) -> None:
    r = HTTP.get(hub.url + "/openapi.json", timeout=10)
    assert r.status_code == 200
    doc = r.json()
    for path in (protocol.TIME, protocol.ENROL, protocol.EVENTS, protocol.UPDATES):
        assert path in doc["paths"]
    schemas = doc["components"]["schemas"]
    for name in ("EnrolIn", "EnrolOut", "EventsIn", "WireEvent", "EventsOut", "UpdatesOut", "ErrorOut"):
        assert name in schemas
    assert doc["paths"][protocol.EVENTS]["post"]["requestBody"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/EventsIn"}


def test_cli_usage_errors(hub: Hub) -> None:
    assert hub.run_cli("enrol-code", "12345").returncode == 1
    assert hub.run_cli("set-status", "x", "no-such-status").returncode == 2
    proc = hub.run_cli("cases", "--json")
    assert proc.returncode == 0 and isinstance(json.loads(proc.stdout), list)


def test_no_server_errors_logged(hub: Hub) -> None:
    """Runs last: nothing any test sent made the hub fail inside."""
    assert "Traceback" not in hub.log()
    assert "ERROR" not in hub.log()
