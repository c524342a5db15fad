"""The centre's relay (``bianmin-hub relay``, issue 15 point 5): the windows of one centre share their
cases over the centre's own network while the regional link is down.

Real processes: the regional hub, the relay (set up by its one command, then run again from its
directory), a fault proxy as the regional link (the relay's and the windows' way to the region) and
another in front of the relay (the centre's LAN); the windows are real stores.

- The regional link blocked: window 00 takes a case, window 02 finds it through the relay and
  hands the result over; window 00 sees the delivery; a laptop's case (mirrored by the relay from
  upstream before the cut, through ``GET /v1/peers?chains=80``) reaches the windows too. Once the
  link heals the regional hub holds every event exactly once (nothing refused) and every window and
  the hub show the same cases.
- The relay SIGKILLed in the middle of exchanges, started again from its directory alone (while the
  region is still cut off: it serves with its cached device list): nothing lost or doubled, at the
  relay or anywhere; then switched off for good: the windows go to the region directly, nothing lost.
- A revoked device is refused by the relay; so is a device of another station. The relay's
  database is no SQLite file in clear; its keys are readable by its owner alone.
"""

from __future__ import annotations

import contextlib
import io
import random
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest
import requests
from PIL import Image
from sqlalchemy import text

from app.clock import CHINA_TZ, FixedClock
from app.config import Paths
from app.errors import HubRefused
from app.models import CaseStatus, DeliveryMethod, Outcome
from app.services import attachments, cases, catalogue
from app.station import Station
from app.store import journal as journal_store
from app.store import outbox
from hub import local
from hub.relay import store as relay_store
from hub.relay.state import RelayDir
from sync import engine, protocol
from sync import state as sync_state
from sync.engine import SyncReport
from sync.scheduler import SyncScheduler
from tests.conftest import ADMIN_PASSWORD, FAST_KDF
from tests.faultproxy import FaultProxy
from tests.helpers import DIBAO, request
from tests.hubproc import Hub, free_port, start_hub
from tests.test_devices_sync import (
    _cli_env,
    assert_everyone_agrees,
    enrol,
    held,
    hub_events,
    new_centre,
    platform_sets,
)

pytestmark = pytest.mark.timeout(180)

NAME = "工卡镇便民服务中心"


@pytest.fixture(scope="module")
def regional(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Hub]:
    """The regional hub, one for the module (each test's centre is a station of its own). Its database
    backend is not what these tests are about: SQLite alone (the hub's own tests run both)."""
    h = start_hub(tmp_path_factory.mktemp("relay-hub"))
    yield h
    h.stop()


# -- the relay's process -----------------------------------------------------------------------
class Relay(local.Relay):
    """The relay process with a quick mirror, and what it holds."""

    def __init__(self, directory: Path, port: int) -> None:
        super().__init__(directory, port, options=("--mirror-every", "0.3", "--devices-every", "0.5"))

    def events(self) -> list[tuple[str, str, str, int]]:
        """(event id, hash, chain, seq) of every event the relay holds, read from its encrypted database."""
        made = relay_store.open_database(RelayDir(self.directory))
        try:
            with made.connect() as con:
                rows = con.execute(text("SELECT event_id, hash, chain, seq FROM events ORDER BY feed")).all()
        finally:
            made.dispose()
        return [(str(r[0]), str(r[1]), str(r[2]), int(r[3])) for r in rows]

    def updates(self) -> list[tuple[int, str | None, str | None]]:
        """(id, addressed to, case) of the platform's updates the relay holds."""
        made = relay_store.open_database(RelayDir(self.directory))
        try:
            with made.connect() as con:
                rows = con.execute(text("SELECT id, device, case_no FROM updates ORDER BY id")).all()
        finally:
            made.dispose()
        return [(int(r[0]), r[1], r[2]) for r in rows]


@contextlib.contextmanager
def centre_with_relay(hub: Hub, root: Path, devices: tuple[str, ...] = ("00", "01", "02"), *,
                      relay_apart: bool = False) -> Iterator[tuple[list[Station], FaultProxy, FaultProxy, Relay]]:
    """Windows enrolled through the regional link (a fault proxy), a relay set up with its one command
    through that link (``relay_apart``: straight to the hub, so that the link counts the windows alone),
    a LAN proxy in front of it, and each window told of the relay."""
    windows = new_centre(root, devices)
    code = windows[0].station_code
    regional, lan = FaultProxy(hub.port).start(), None
    relay = Relay(root / "relay", free_port())
    try:
        for window in windows:
            enrol(hub, window, regional.url)
        relay.start("--upstream", hub.url if relay_apart else regional.url, "--station", code,
                    "--code", hub.quick_code(code, device="90"))
        lan = FaultProxy(relay.port).start()
        for window in windows:
            engine.set_relay(window, lan.url)
        yield windows, regional, lan, relay
    finally:
        relay.stop()
        for proxy in (lan, regional):
            if proxy is not None:
                proxy.close()
        for window in windows:
            window.close()


def quiet_rounds(windows: list[Station], cycles: int = 6) -> None:
    """Rounds on every window until a whole turn sends and takes nothing, each round gone through."""
    for _ in range(cycles):
        quiet = True
        for window in windows:
            report = engine.run_once(window)
            assert report.ok, (window.device_no, report)
            quiet &= (report.pushed == 0 and report.relay_pushed == 0 and report.peers_taken == 0
                      and engine.status(window).waiting == 0)
        if quiet:
            return
    raise AssertionError("the windows did not come to rest")


def sources(station: Station, case_no: str) -> set[str]:
    return {str(r[0]) for r in station.db.all("SELECT source FROM peer_events WHERE case_no = ?", (case_no,))}


# -- the tests ---------------------------------------------------------------------------------
def test_windows_share_a_case_through_the_relay_while_the_region_is_cut_off(regional: Hub, tmp_path: Path) -> None:
    hub = regional
    with centre_with_relay(hub, tmp_path) as (windows, link, _lan, relay):
        w0, w1, w2 = windows
        # A work team's laptop (device 80) syncs with the region before the cut; the relay mirrors its chain.
        laptop = laptop_of(tmp_path / "laptop", w0.station_code)
        engine.enrol(laptop, hub.url, hub.quick_code(w0.station_code, device="80"), role=protocol.DeviceRole.laptop)
        in_village = cases.submit(laptop, request(laptop)).case_no
        assert engine.run_once(laptop).ok
        morning = cases.submit(w0, request(w0)).case_no
        quiet_rounds(windows)
        # The relay lists the devices as the region does, box keys too: a window that read the list from
        # the relay holds the digest the region gives with its updates, and asks the region for it no more.
        # (The laptop enrolled since the relay's last reading: its mirror reads the list again at its next cycle.)
        deadline = time.monotonic() + 30
        while True:
            region_list, relay_list = engine.client_for(w1).devices(), engine.relay_client(w1).devices()
            if protocol.roster_version(relay_list.devices) == protocol.roster_version(region_list.devices):
                break
            assert time.monotonic() < deadline, relay.log()
            time.sleep(0.3)
        assert [d.box_key for d in relay_list.devices] == [d.box_key for d in region_list.devices]
        assert all(d.box_key for d in relay_list.devices if d.role == protocol.DeviceRole.window)
        deadline = time.monotonic() + 20
        while not all(len(cases.list_cases(w, limit=50)) == 2 for w in windows):  # the mirror's next cycle
            assert time.monotonic() < deadline, relay.log()
            time.sleep(0.3)
            for window in windows:
                assert engine.run_once(window).ok

        # The plateau link goes down.
        link.faults.set(down=True)
        started = time.monotonic()
        afternoon = cases.submit(w0, request(w0)).case_no
        cases.set_status(w0, afternoon, CaseStatus.concluded, outcome=Outcome.approved)
        report = engine.run_once(w0)
        assert report.error == "sync.link_down" and report.relay_error is None and report.relay_pushed > 0
        # A window that never had the station's device list (say, set up again meanwhile) gets it from the relay.
        with w2.db.transaction():
            sync_state.save(w2.db, replace(sync_state.load(w2.db), devices=sync_state.Roster()))
        report = engine.run_once(w2)
        assert report.relay_error is None and report.peers_taken > 0
        assert {"00", "01", "80", "90"} <= {d.device for d in engine.status(w2).devices}
        found = cases.get_case(w2, afternoon, log_access=False)
        assert (found.origin, found.status) == ("00", CaseStatus.concluded)
        assert sources(w2, afternoon) == {"relay"}
        assert cases.get_case(w2, in_village, log_access=False).origin == "80"
        cases.deliver(w2, afternoon, method=DeliveryMethod.counter, recipient="扎西顿珠")
        engine.run_once(w2)
        engine.run_once(w0)
        assert cases.get_case(w0, afternoon, log_access=False).status is CaseStatus.delivered
        assert time.monotonic() - started < 60
        assert "time" in engine.probe(w0)  # the scheduler's probe finds the relay while the region is out
        status = engine.status(w0)
        assert status.state == "offline" and status.relay_url == _lan.url and status.relay_last_success
        assert not status.relay_last_error
        # Shown to the clerk at the command line too.
        shown = subprocess.run([sys.executable, "-m", "bianmin", "sync", "status"], capture_output=True, text=True,
                               timeout=120, env=_cli_env(w0), stdin=subprocess.DEVNULL)
        assert shown.returncode == 0 and f"中心中继：{_lan.url}" in shown.stdout, shown.stderr
        # The work team's laptop, back at the centre, takes the station's records from the relay, not
        # over the plateau link (its own chain is the relay's to mirror, and it hands it in as well).
        engine.set_relay(laptop, _lan.url)
        report = engine.run_once(laptop)
        assert report.ok and report.relayed and report.relay_error is None
        assert cases.get_case(laptop, afternoon, log_access=False).status is CaseStatus.delivered
        assert sources(laptop, afternoon) == {"relay"}

        # The link heals: every window event crosses it once, by its own window.
        link.faults.heal()
        quiet_rounds(windows)
        engine.run_once(laptop)
        at_hub = hub_events(hub, w0.station_code)
        assert len(at_hub) == len({e[0] for e in at_hub})
        own = {(e.event_id, e.hash) for w in (*windows, laptop) for e in journal_store.iter_events(w.db)}
        assert {(e[0], e[1]) for e in at_hub} == own
        assert all(engine.status(w).quarantined == [] for w in windows)
        assert_everyone_agrees(hub, windows)
        assert {morning, afternoon, in_village} <= {c.case_no for c in cases.list_cases(w1, limit=50)}
        # What the relay asks upstream for: the laptops' chains alone (``chains``), nothing else.
        upstream = engine.client_for(w1)
        assert {e.device for e in upstream.peers(0, chains=["80"]).events} == {"80"}
        assert {e.device for e in upstream.peers(0).events} == {"00", "02", "80"}
        with pytest.raises(HubRefused) as malformed:
            upstream.peers(0, chains=["8"])
        assert malformed.value.details.get("reason") == "malformed"
        # The relay holds each event once, the laptop's among them (mirrored, not pushed by a window).
        at_relay = relay.events()
        assert len(at_relay) == len({e[0] for e in at_relay}) and {(e[0], e[1]) for e in at_relay} == own
        laptop.close()


def platform_statuses(station: Station, case_no: str) -> list[str]:
    """The platform's statuses this device itself journaled for a case (its events with source "platform")."""
    return [str(e.type).removeprefix("case.") for e in journal_store.iter_events(station.db)
            if e.case_no == case_no and e.payload.get("source") == "platform"]


def test_the_relay_brings_each_window_its_platform_updates_and_an_idle_window_leaves_the_region_alone(
        regional: Hub, tmp_path: Path) -> None:
    """The relay takes the platform's updates for every window of its station (under the platform's
    own numbers) and hands each window its own: a window whose relay answers and that has nothing to
    send makes no request on the regional link at all (the relay is the centre's one poller of the
    region), still checks the link once an hour, and takes each update once whether it came through
    the relay or, with the relay out, from the region."""
    hub = regional
    with centre_with_relay(hub, tmp_path, ("00", "01"), relay_apart=True) as (windows, link, lan, relay):
        w0, w1 = windows
        case_no = cases.submit(w1, request(w1)).case_no
        quiet_rounds(windows)
        platform_sets(hub, case_no, "in_progress", "--note", "转县局", "--platform-no", "XZ-9")

        deadline = time.monotonic() + 30
        while cases.get_case(w1, case_no, log_access=False).status is not CaseStatus.in_progress:
            assert time.monotonic() < deadline, relay.log()
            time.sleep(0.3)
            assert engine.run_once(w1).ok
        assert platform_statuses(w1, case_no) == ["in_progress"]
        quiet_rounds(windows)  # window 01 sends what it journaled; window 00 takes it as 01's
        assert cases.get_case(w0, case_no, log_access=False).status is CaseStatus.in_progress
        assert platform_statuses(w0, case_no) == []  # addressed to 01, applied there alone

        # The windows' own rounds, with nothing to send: not a byte on the regional link, minutes on.
        link.reset_stats()
        for _ in range(3):
            for window in windows:
                assert isinstance(window.clock, FixedClock)
                window.clock.advance(minutes=6)
                report = engine.run_once(window, scheduled=True)
                assert report.ok and report.relayed and not report.regional, report
        assert link.stats.requests == 0
        assert engine.run_once(w0).regional  # a person's round goes to the region all the same

        # The relay out: window 01 pulls from the region with the same cursor; the relay back: nothing twice.
        lan.faults.set(down=True)
        platform_sets(hub, case_no, "concluded", "--outcome", "approved")
        report = engine.run_once(w1)
        assert report.ok and not report.relayed and report.regional
        assert cases.get_case(w1, case_no, log_access=False).status is CaseStatus.concluded
        lan.faults.heal()
        deadline = time.monotonic() + 30
        while len(relay.updates()) < 2:  # the relay's mirror takes the second one too
            assert time.monotonic() < deadline, relay.log()
            time.sleep(0.3)
        assert [(to, case) for _id, to, case in relay.updates()] == [("01", case_no)] * 2
        quiet_rounds(windows)
        assert platform_statuses(w1, case_no) == ["in_progress", "concluded"]
        assert platform_statuses(w0, case_no) == []
        assert_everyone_agrees(hub, windows)

        # The window's scheduled rounds (every 30 s through the relay) send to the region every 5 minutes,
        # as a PC without a relay does; window 01 has the new case from the relay at once.
        assert isinstance(w0.clock, FixedClock)
        assert engine.run_once(w0).ok
        fresh = cases.submit(w0, request(w0)).case_no
        link.reset_stats()
        report = engine.run_once(w0, scheduled=True)
        assert report.ok and report.relay_pushed > 0 and not report.regional and link.stats.requests == 0
        assert engine.run_once(w1, scheduled=True).ok and cases.get_case(w1, fresh, log_access=False).origin == "00"
        w0.clock.advance(minutes=5)
        report = engine.run_once(w0, scheduled=True)
        assert report.ok and report.regional and report.pushed > 0 and engine.status(w0).waiting == 0

        # An hour without sending: the round checks the regional link, and finds it out.
        link.faults.set(down=True)
        assert engine.run_once(w0, scheduled=True).ok
        w0.clock.advance(minutes=61)
        checked = engine.run_once(w0, scheduled=True)
        assert checked.relayed and checked.regional and checked.error == "sync.link_down"
        assert engine.status(w0).state == "offline"
        link.faults.heal()
        assert engine.run_once(w0).ok and engine.status(w0).state != "offline"


def test_a_platform_status_set_aside_for_unsent_work_is_applied_in_the_round_that_sends_the_work(
        regional: Hub, tmp_path: Path) -> None:
    """The relay brings a platform status for a case the clerk changed since the last round: it is set
    aside (never overwriting unsent work) and, once a scheduled round has sent the work to the region,
    applied in that same round, counted once; not left until the hourly check of the regional link."""
    hub = regional
    with centre_with_relay(hub, tmp_path, ("00", "01"), relay_apart=True) as (windows, _link, _lan, relay):
        _w0, w1 = windows
        case_no = cases.submit(w1, request(w1)).case_no
        quiet_rounds(windows)
        platform_sets(hub, case_no, "in_progress", "--note", "转县局")
        deadline = time.monotonic() + 30
        while not relay.updates():  # the relay's mirror takes it from the region
            assert time.monotonic() < deadline, relay.log()
            time.sleep(0.3)
        cases.withdraw(w1, case_no, "申请人撤回")  # the clerk's work, not sent yet
        assert isinstance(w1.clock, FixedClock)
        w1.clock.advance(minutes=6)  # past SEND_EVERY, well within the hourly check
        report = engine.run_once(w1, scheduled=True)
        assert report.ok and report.relayed and report.regional and report.pushed > 0, report
        assert report.deferred == 1  # set aside once, by the relay's pull
        assert outbox.deferred_updates(w1.db) == []  # and tried again after the push, in this round
        assert cases.get_case(w1, case_no, log_access=False).status is CaseStatus.withdrawn  # the clerk's work stands
        assert [n["body"]["case_no"] for n in outbox.notices(w1.db)
                if n["body"].get("kind") == "status_not_applied"] == [case_no]


def noisy_scan() -> bytes:
    """A scan that does not compress (its bytes on a link are its size): noise, as a PNG."""
    out = io.BytesIO()
    Image.frombytes("RGB", (200, 150), random.Random(15).randbytes(200 * 150 * 3)).save(out, "PNG")
    return out.getvalue()


def test_a_scan_reaches_the_other_windows_through_the_relay_and_crosses_the_regional_link_once(
        regional: Hub, tmp_path: Path) -> None:
    """Window 00 scans a material while the regional link is out: window 01 has the scan from the
    relay at its next round, and when the link is back the scan goes up once (window 00's upload)
    while window 01's rounds fetch nothing from the region."""
    hub = regional
    with centre_with_relay(hub, tmp_path, ("00", "01"), relay_apart=True) as (windows, link, lan, _relay):
        w0, w1 = windows
        quiet_rounds(windows)
        link.faults.set(down=True)
        case_no = cases.submit(w0, request(w0)).case_no
        scan = attachments.add_bytes(w0, case_no, DIBAO, "M-INCOME-STATEMENT", noisy_scan(), "收入证明.png")
        data = attachments.read(w0, scan.sha256)  # (as the station keeps it)
        assert len(data) > 15_000
        report = engine.run_once(w0, scheduled=True)
        assert report.relayed and report.relay_scans == 1, report
        report = engine.run_once(w1, scheduled=True)
        assert report.relayed and report.scans_fetched == 1 and report.scans_waiting == 0, report
        assert attachments.read(w1, scan.sha256) == data
        assert attachments.list_for_case(w1, case_no) == attachments.list_for_case(w0, case_no)
        assert lan.stats.bytes_up > len(data) and lan.stats.bytes_down > len(data)  # (each way once)

        link.faults.heal()
        link.reset_stats()
        assert engine.run_once(w0).ok and engine.status(w0).attachments_waiting == 0
        assert len(data) < link.stats.bytes_up < 2 * len(data)
        link.reset_stats()
        report = engine.run_once(w1)  # a person's whole round, the region included
        assert report.ok and report.regional and report.scans_fetched == 0 and report.scans_waiting == 0
        assert link.stats.bytes_down < len(data) // 4
        # Sent again to the relay, the scan is not taken twice.
        report = engine.run_once(w0, scheduled=True)
        assert report.relayed and report.relay_scans == 0
        assert_everyone_agrees(hub, windows)


def laptop_of(root: Path, code: str) -> Station:
    """A work team's laptop of the centre's station ``code`` (device 80), a store of its own."""
    station, _recovery = Station.init(
        Paths(root / "80"), station_code=code, station_name=NAME, admin_login="admin", admin_password=ADMIN_PASSWORD,
        kdf=FAST_KDF, device_no="80", clock=FixedClock(datetime(2026, 11, 18, 9, 0, tzinfo=CHINA_TZ)))
    catalogue.import_sample(station)
    return station


def test_the_relay_killed_mid_exchange_and_switched_off_loses_and_doubles_nothing(regional: Hub,
                                                                                  tmp_path: Path) -> None:
    hub = regional
    rng = random.Random(15)
    with centre_with_relay(hub, tmp_path) as (windows, link, lan, relay):
        w0 = windows[0]
        link.faults.set(down=True)
        lan.faults.set(delay=0.15)  # each exchange takes long enough to be cut into
        for _ in range(3):
            for window in windows:
                for _ in range(4):
                    cases.submit(window, request(window))
            # The windows' rounds one after the other; the relay is killed at some moment among them.
            killer = threading.Timer(rng.uniform(0.2, 1.5), relay.kill)
            killer.start()
            for window in windows:
                engine.run_once(window)
            killer.join()
            assert any(engine.status(w).relay_last_error == "sync.link_down" for w in windows), relay.log()
            relay.start()  # from its directory alone, the region still cut off: the cached device list
        lan.faults.heal()
        for _ in range(2):
            for window in windows:
                report = engine.run_once(window)
                assert report.relay_error is None, (window.device_no, report)
        own = {(e.event_id, e.hash) for w in windows for e in journal_store.iter_events(w.db)}
        for window in windows:
            assert {(e.event_id, e.hash) for e in held(window)} == own
            assert len(held(window)) == len(own)
        relay.stop()
        at_relay = relay.events()
        assert len(at_relay) == len({e[0] for e in at_relay}) == len(own)
        assert {(e[0], e[1]) for e in at_relay} == own
        # Switched off for good; more work meanwhile; the region comes back: the windows go there directly.
        for window in windows:
            cases.submit(window, request(window))
        link.faults.heal()
        quiet_rounds(windows)
        assert all(engine.status(w).relay_last_error == "sync.link_down" for w in windows)
        at_hub = hub_events(hub, w0.station_code)
        own = {(e.event_id, e.hash) for w in windows for e in journal_store.iter_events(w.db)}
        assert len(at_hub) == len(own) and {(e[0], e[1]) for e in at_hub} == own
        assert_everyone_agrees(hub, windows)
        # The relay's files: its database encrypted, its keys its owner's alone.
        assert not (relay.directory / "relay.db").read_bytes().startswith(b"SQLite format 3")
        for name in ("device.key", "db.key"):
            assert (relay.directory / name).stat().st_mode & 0o077 == 0


def test_a_relay_set_up_anew_at_the_same_address_gets_everything_again_without_a_word_to_the_windows(
        regional: Hub, tmp_path: Path) -> None:
    """The relay PC is set up again (its directory lost): its feed numbers start from 1 again. The windows
    see its new feed id at their next exchange, take its feed from the start and send it their own work
    again; with the region cut off, a case taken at one window after that still reaches the others, and
    nothing is held twice anywhere."""
    hub = regional
    with centre_with_relay(hub, tmp_path) as (windows, link, _lan, relay):
        w0, w1, w2 = windows
        for window in windows:
            for _ in range(3):
                cases.submit(window, request(window))
        quiet_rounds(windows)
        before = {w.device_no: sync_state.load(w.db).relay for w in windows}
        assert all(link_.feed and link_.cursor > 0 and link_.pushed > 0 for link_ in before.values())
        relay.stop()
        shutil.rmtree(relay.directory)
        relay.start("--upstream", link.url, "--station", w0.station_code,
                    "--code", hub.quick_code(w0.station_code, device="90"))
        deadline = time.monotonic() + 20
        while not engine.run_once(w1).relayed:  # the new relay has read the device list from the region
            assert time.monotonic() < deadline, relay.log()
            time.sleep(0.3)
        link.faults.set(down=True)
        afternoon = cases.submit(w0, request(w0)).case_no
        for _ in range(2):
            for window in windows:
                report = engine.run_once(window)
                assert report.relayed and report.error == "sync.link_down", (window.device_no, report)
        after = {w.device_no: sync_state.load(w.db).relay for w in windows}
        assert all(after[no].feed != before[no].feed for no in after)
        assert cases.get_case(w2, afternoon, log_access=False).origin == "00"
        own = {(e.event_id, e.hash) for w in windows for e in journal_store.iter_events(w.db)}
        relay.stop()
        at_relay = relay.events()
        assert len(at_relay) == len({e[0] for e in at_relay}) and {(e[0], e[1]) for e in at_relay} == own
        for window in windows:
            assert len(held(window)) == len({e.event_id for e in held(window)}) == len(own)
        relay.start()
        link.faults.heal()
        quiet_rounds(windows)
        assert_everyone_agrees(hub, windows)


def test_the_relay_refuses_a_revoked_device_and_another_stations(regional: Hub, tmp_path: Path) -> None:
    hub = regional
    with centre_with_relay(hub, tmp_path, ("00", "01")) as (windows, _regional, lan, relay):
        w0, w1 = windows
        for window in windows:
            assert engine.run_once(window).ok
        # Window 01 is revoked at the region; the relay learns it with the device list (GET /v1/devices
        # at the relay answers from that cached list).
        done = hub.run_cli("devices", "revoke", w1.station_code, "01")
        assert done.returncode == 0, done.stderr
        at_relay = engine.relay_client(w0)
        assert at_relay is not None
        deadline = time.monotonic() + 20
        while not at_relay.devices().devices[1].revoked_at:
            assert time.monotonic() < deadline, relay.log()
            time.sleep(0.2)
        before = relay.events()
        cases.submit(w1, request(w1))
        report = engine.run_once(w1)
        assert report.relay_error == "sync.refused" and not report.relayed
        assert engine.status(w1).relay_last_error == "sync.refused"
        client = engine.relay_client(w1)
        assert client is not None
        with pytest.raises(HubRefused) as refused:
            client.peers(0)
        assert refused.value.details.get("reason") == "revoked_device"
        assert relay.events() == before
        # A device of another station (enrolled at the region) is unknown to the relay.
        other = new_centre(tmp_path / "other", ("00",))[0]
        enrol(hub, other)
        stranger = engine.client_for(other)
        stranger.base_url = lan.url
        with pytest.raises(HubRefused) as unknown:
            stranger.send_events([protocol.WireEvent.of(e) for e in journal_store.iter_events(other.db)])
        assert unknown.value.details.get("reason") == "unknown_station"
        other.close()
        # Set up while the region does not answer: told so, nothing served; its key kept for the retry.
        second = tmp_path / "second-relay"
        failed = subprocess.run(
            [sys.executable, "-m", "hub.cli", "relay", "--dir", str(second), "--upstream",
             f"http://127.0.0.1:{free_port()}", "--station", w0.station_code, "--name", NAME, "--code", "ABCDE-FGHJK",
             "--device", "91", "--port", str(free_port())],
            env=local._env(), capture_output=True, text=True, timeout=60)
        assert failed.returncode == 1 and "无法连接区域平台" in failed.stderr, failed.stderr
        assert (second / "device.key").exists() and not (second / "relay.json").exists()
        # What the relay does not serve is answered clearly.
        answer = requests.post(f"{relay.url}{protocol.ENROL}", json={}, timeout=5)
        assert (answer.status_code, answer.json()["error"]) == (404, "not_on_relay")
        assert relay.events() == before
        # Window 00 goes on through the relay; told at the command line to stop, it goes to the region alone.
        cases.submit(w0, request(w0))
        held_before = len(relay.events())
        synced = subprocess.run([sys.executable, "-m", "bianmin", "sync"], capture_output=True,
                                text=True, timeout=120, env=_cli_env(w0), stdin=subprocess.DEVNULL)
        assert "已经中心中继与本中心其他窗口交换：送出本机记录" in synced.stdout, synced.stdout + synced.stderr
        assert len(relay.events()) > held_before
        off = subprocess.run([sys.executable, "-m", "bianmin", "sync", "relay", "--off"], capture_output=True,
                             text=True, timeout=120, env=_cli_env(w0), stdin=subprocess.DEVNULL)
        assert off.returncode == 0 and "已停用中心中继" in off.stdout, off.stderr
        assert engine.status(w0).relay_url == ""
        cases.submit(w0, request(w0))
        held_before = len(relay.events())
        report = engine.run_once(w0)
        assert report.ok and not report.relayed and report.pushed > 0
        assert len(relay.events()) == held_before


def test_rounds_that_reach_only_the_relay_come_every_half_minute_while_the_region_is_out() -> None:
    """The scheduler backs off from a region that does not answer (up to 15 minutes), but a round
    whose relay exchange went through comes again within 30 s: the windows keep sharing."""
    clock = [0.0]
    relayed = [True]
    scheduler = SyncScheduler(run=lambda: SyncReport(error="sync.link_down", relayed=relayed[0]),
                              probe=lambda: None, now=lambda: clock[0])
    for _ in range(12):
        scheduler.step()
        assert scheduler.seconds_to_next() <= 30 + 1e-6
        clock[0] += scheduler.seconds_to_next()
    # The window ticks every 10 s: a tick a moment before the round is due runs it (not 10 s later).
    clock[0] += scheduler.seconds_to_next() - 0.1
    assert scheduler.step() is not None
    relayed[0] = False
    waits = []
    for _ in range(8):
        scheduler.step()
        waits.append(scheduler.seconds_to_next())
        clock[0] += waits[-1]
    assert max(waits) > 60  # without the relay: the region's backoff


def test_an_idle_mirror_asks_the_region_less_and_less_often() -> None:
    """While no laptop's events arrive the relay's wait doubles up to 5 minutes (at 5 s it cost 343 KB an
    hour of the regional link, bench/centre.py; the relay is the centre's one poller of the region, as
    often as a single PC's rounds); a laptop's events (a bundle forwarded comes in a burst) bring it back
    to the interval, a platform update does not."""
    from hub.relay import mirror

    waits: list[float] = []

    class Stop:
        def is_set(self) -> bool:
            return len(waits) >= 11

        def wait(self, seconds: float) -> None:
            waits.append(seconds)

    arrived = iter([(0, 0)] * 6 + [(3, 0), (0, 0), (0, 0), (0, 2), (0, 0)])
    relay_mirror = object.__new__(mirror.Mirror)
    relay_mirror.interval = 5.0
    relay_mirror._stop = Stop()  # type: ignore[assignment]
    relay_mirror.cycle = lambda force_devices=False: mirror.CycleReport(  # type: ignore[method-assign]
        **dict(zip(("mirrored", "updates"), next(arrived), strict=True)))
    relay_mirror._run()
    assert waits == [10, 20, 40, 80, 160, 300, 5, 10, 20, 40, 80]
