"""A work team's bundle read at the township centre (issue 15, point 6): the laptop (device 80 of the
centre's station) seals its bundle's key to the box key of each window it knows, so that a window
importing it takes the laptop's cases into its own records at once, while the regional link is
down, and forwards the bundle (still sealed to the hub too) once the link is back; the laptop's ack
works as before. Real hub process, real stores, the window's link through the fault proxy.
"""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
import requests

from app.errors import BundleTampered, CaseNotFound
from app.models import CaseStatus, DeliveryMethod, Outcome
from app.services import attachments, cases
from app.services.cases import sharing
from app.station import Station
from app.store import journal as journal_store
from app.store import peers as peer_store
from sync import bundle_documents, bundle_format, bundles, engine, protocol
from sync import state as sync_state
from tests.faultproxy import FaultProxy
from tests.helpers import DIBAO, applicant, request
from tests.hubproc import Hub, module_hub
from tests.test_devices_sync import _cli_env, _png, assert_everyone_agrees, enrol, hub_events, new_centre

pytestmark = pytest.mark.timeout(300)


hub = module_hub("laptop-hub")


def enrol_laptop(hub: Hub, laptop: Station) -> None:
    engine.enrol(laptop, hub.url, hub.quick_code(laptop.station_code, device=laptop.device_no),
                 role=protocol.DeviceRole.laptop)


def cli(station: Station, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "bianmin", *args], capture_output=True, text=True, timeout=120,
                          env=_cli_env(station), stdin=subprocess.DEVNULL)


def test_a_window_takes_a_laptops_cases_in_while_the_link_is_down_then_forwards_once(
        hub: Hub, tmp_path: Path) -> None:
    window, laptop = new_centre(tmp_path, ("01", "80"))
    with FaultProxy(hub.port) as link:
        enrol(hub, window, url=link.url)
        enrol_laptop(hub, laptop)
        # The hub keeps and lists each device's box key (derived from its device key, sent at enrolment).
        listed = {d.device: d for d in engine.client_for(laptop).devices().devices}
        key = sync_state.load(window.db).enrolment.device_key
        assert listed["01"].box_key == protocol.b64(bundle_documents.box_public(protocol.unb64(key)))
        assert engine.run_once(window).ok and engine.run_once(laptop).ok  # each learns the other
        synced = [e for e in hub_events(hub, window.station_code) if e[2] == "80"]  # its enrolment
        # Out in the villages: three cases, one concluded there, one with a scan.
        names = ["卓嘎", "次旺", "拉巴"]
        taken = [cases.submit(laptop, request(laptop, applicant=applicant(name, seq=20 + n))).case_no
                 for n, name in enumerate(names)]
        cases.set_status(laptop, taken[0], CaseStatus.concluded, outcome=Outcome.approved)
        scan = attachments.add_bytes(laptop, taken[1], DIBAO, "M-INCOME-STATEMENT", _png(), "收入证明.png")
        (tmp_path / "stick").mkdir()
        bundle = tmp_path / "stick" / "work-team.bmb"
        exported = bundles.export_bundle(laptop, bundle)
        assert exported.readers == ("01",)
        assert "卓嘎".encode() not in bundle.read_bytes()  # nothing in clear

        # Back at the centre, the regional link is down: the import takes the cases in, then fails to forward.
        link.faults.set(down=True)
        assert bundles.inspect(window, bundle).readable  # checked offline; sealed to this window
        first = cli(window, "bundle", "import", str(bundle))
        assert first.returncode == 4, first.stderr
        assert "已收入本机记录：工作队（80号设备）的办件 3 件" in first.stderr, first.stderr
        assert "再次运行本命令将从断点继续" in first.stderr
        for case_no, name in zip(taken, names, strict=True):
            here = cases.get_case(window, case_no, log_access=False)
            there = cases.get_case(laptop, case_no, log_access=False)
            assert (here.status, here.outcome, here.origin) == (there.status, there.outcome, "80")
            assert [s.case_no for s in cases.search_cases(window, name)] == [case_no]
            assert [s.case_no for s in cases.search_cases(window, case_no)] == [case_no]
        assert attachments.read(window, scan.sha256) == attachments.read(laptop, scan.sha256)
        assert sharing.attachments_missing(window) == []
        assert [r[0] for r in window.db.all("SELECT DISTINCT source FROM peer_events")] == ["bundle"]
        # The centre hands the result over: the case continues like a local one.
        cases.deliver(window, taken[0], method=DeliveryMethod.counter, recipient="卓嘎")
        assert [r["state"] for r in bundles.imports(window)] == ["uploading"]
        assert [e for e in hub_events(hub, window.station_code) if e[2] == "80"] == synced  # nothing forwarded
        assert not engine.run_once(window).ok  # its own sync waits for the link too

        # The link is back: the import resumes and forwards the bundle once; the hub holds every event once.
        link.faults.set(down=False)
        second = cli(window, "bundle", "import", str(bundle))
        assert second.returncode == 0, second.stderr
        assert "已转交平台" in second.stdout and "办件 3 件" in second.stdout, second.stdout
        laptop_chain = [e for e in hub_events(hub, window.station_code) if e[2] == "80"]
        assert len(laptop_chain) == len(synced) + exported.events == len(list(journal_store.iter_events(laptop.db)))
        assert len({e[0] for e in laptop_chain}) == len(laptop_chain)
        again = engine.run_once(window)
        # Of the laptop's events the hub's feed brings only those it sent itself before: the rest are known.
        assert again.ok and again.peers_taken == len(synced) and again.peers_refused == 0, again
        assert again.peers_known == exported.events, again
        # The laptop: the ack works as before, its own sync sends nothing twice and brings the delivery.
        ack = bundle.with_name(bundle.name + ".ack")
        assert bundles.apply_ack(laptop, ack).marked_sent == exported.events
        report = engine.run_once(laptop)
        assert report.ok and report.pushed == 0 and report.uploaded == 0, report
        assert cases.get_case(laptop, taken[0], log_access=False).status is CaseStatus.delivered
        assert engine.run_once(window).ok
        assert_everyone_agrees(hub, [window, laptop])
    for station in (window, laptop):
        station.close()


def test_bundles_a_window_cannot_read_are_forwarded_as_before_and_a_tampered_one_is_refused(
        hub: Hub, tmp_path: Path) -> None:
    window, laptop = new_centre(tmp_path / "a", ("01", "80"))
    other_window, other_laptop = new_centre(tmp_path / "b", ("01", "80"))
    # The hub takes a box key only as 32 raw bytes, and a retried enrolment only with the same keys.
    code = hub.quick_code(window.station_code, device="01")
    body = {"code": code, "station_code": window.station_code, "station_name": "工卡镇便民服务中心",
            "public_key": protocol.b64(bytes(range(32))), "device": "01"}
    assert requests.post(hub.url + protocol.ENROL, json={**body, "box_key": "AAAA"}, timeout=10).json() == {
        "error": "malformed", "detail": "box_key: base64 of a raw 32-byte X25519 key"}
    box = protocol.b64(bundle_documents.box_public(bytes(32)))
    assert requests.post(hub.url + protocol.ENROL, json={**body, "box_key": box}, timeout=10).status_code == 200
    again = requests.post(hub.url + protocol.ENROL, json={**body, "box_key": protocol.b64(bytes(32))}, timeout=10)
    assert (again.status_code, again.json()["error"]) == (403, "bad_code")
    for station in (window, other_window):
        enrol(hub, station)
    for station in (laptop, other_laptop):
        enrol_laptop(hub, station)
    for station in (window, other_window, laptop, other_laptop):
        assert engine.run_once(station).ok
    (tmp_path / "stick").mkdir()

    # A tampered bundle the window could read: refused as before, nothing taken in, nothing forwarded.
    case_no = cases.submit(laptop, request(laptop)).case_no
    good = bundles.export_bundle(laptop, tmp_path / "stick" / "good.bmb")
    data = bytearray(Path(good.path).read_bytes())
    data[len(data) // 2] ^= 0x01
    bad = tmp_path / "stick" / "bad.bmb"
    bad.write_bytes(bytes(data))
    with pytest.raises(BundleTampered):
        bundles.import_bundle(window, bad)
    assert peer_store.count(window.db) == 0 and bundles.imports(window) == []
    with pytest.raises(CaseNotFound):
        cases.get_case(window, case_no, log_access=False)

    # Another station's laptop, sealed to that station's window 01: forwarded, read nowhere here.
    other_case = cases.submit(other_laptop, request(other_laptop)).case_no
    foreign = bundles.export_bundle(other_laptop, tmp_path / "stick" / "foreign.bmb")
    assert foreign.readers == ("01",)
    assert not bundles.inspect(window, foreign.path).readable
    result = bundles.import_bundle(window, foreign.path)
    assert (result.taken.read, result.taken.reason) == (False, "other_station")
    assert result.stored == foreign.events and peer_store.count(window.db) == 0
    assert engine.run_once(other_window).ok
    assert cases.get_case(other_window, other_case, log_access=False).origin == "80"

    # A bundle sealed to another box key under the window's number (the window enrolled again since):
    # forwarded, no error; the laptop's cases come through the hub's peer feed as before.
    with laptop.db.transaction():
        kept = sync_state.load(laptop.db)
        stale = tuple(replace(d, box_key=protocol.b64(bundle_documents.box_public(bytes(32))))
                      for d in kept.devices.devices)
        sync_state.save(laptop.db, replace(kept, devices=replace(kept.devices, devices=stale)))
    resealed = bundles.export_bundle(laptop, tmp_path / "stick" / "stale.bmb")
    assert resealed.readers == ("01",)
    result = bundles.import_bundle(window, resealed.path)
    assert (result.taken.read, result.taken.reason, result.stored) == (False, "not_sealed", resealed.events)

    # An old bundle (no readers: a laptop that never learned the windows' box keys) imports as before.
    with laptop.db.transaction():
        kept = sync_state.load(laptop.db)
        sync_state.save(laptop.db, replace(kept, devices=sync_state.Roster()))
    cases.submit(laptop, request(laptop, applicant=applicant("次仁", seq=31)))
    old = bundles.export_bundle(laptop, tmp_path / "stick" / "old.bmb")
    assert old.readers == ()
    with open(old.path, "rb") as stream:
        assert "readers" not in bundle_format.read_header(stream).fields
    result = bundles.import_bundle(window, old.path)
    assert (result.taken.read, result.taken.reason, result.rejected) == (False, "not_sealed", 0)
    assert peer_store.count(window.db) == 0
    assert engine.run_once(window).ok  # the hub's peer feed brings them, as before
    assert cases.get_case(window, case_no, log_access=False).origin == "80"
    for station in (window, laptop, other_window, other_laptop):
        station.close()
