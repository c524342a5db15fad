"""The devices of one station sharing their cases through a real hub (issue 15): three windows of one
centre, each a real store enrolled with a one-time code of its own, each syncing through a fault
proxy of its own.

- Each takes cases in and continues the others' while its link breaks at random (cut requests and
  answers, 503s, requests delivered twice, the link down); once the links heal and a few rounds
  have run, every device and the hub hold exactly the same events (own and peer, by event id and
  hash), none twice, and every device the same cases (status, origin, conflict), with the hub's
  statuses the same.
- Two devices act on one case while apart (a delivery, a withdrawal): after sync the conflict
  shows on all three devices; a clerk resolves it on the third; after sync it is cleared
  everywhere with the kept status.
- A device's sync process killed with SIGKILL in the middle of pushing its own events and taking the
  others' (many small pages): after it starts again nothing is lost and nothing doubled.
"""

from __future__ import annotations

import contextlib
import io
import itertools
import json
import random
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, event, given, note, settings
from hypothesis import strategies as st
from PIL import Image
from sqlalchemy import Engine, text

from app.clock import CHINA_TZ, FixedClock
from app.config import Paths
from app.errors import BianminError
from app.journal import Event, event_hash
from app.models import CaseStatus, DeliveryMethod, Outcome
from app.services import attachments, cases, catalogue
from app.services.cases import TRANSITIONS, sharing
from app.services.verify import verify
from app.station import Station
from app.store import journal as journal_store
from app.store import peers as peer_store
from hub import cli as hub_cli
from hub import db as hub_db
from sync import bundles, engine
from sync.client import HubClient
from sync.status import REENROL_REASONS
from tests.conftest import ADMIN_PASSWORD, FAST_KDF
from tests.faultproxy import FaultProxy
from tests.helpers import DIBAO, request
from tests.hubproc import Hub, module_hub

WORKER = Path(__file__).with_name("sync_worker.py")
TIMEOUT = (5.0, 20.0)  # the devices' clients: connect, read (the faults cut, they do not stall)
DEVICES = ("00", "01", "02")
_codes = itertools.count(1)

pytestmark = pytest.mark.timeout(300)


hub = module_hub("devices-hub")  # one hub for the module (each test's centre is a station of its own)


# -- the centre --------------------------------------------------------------------------------
def new_centre(root: Path, devices: tuple[str, ...] = DEVICES) -> list[Station]:
    """The devices of one new station (a code of its own: one hub serves many), each its own store."""
    code = f"5401288{next(_codes):05d}"
    made = []
    for no in devices:
        station, _recovery = Station.init(
            Paths(root / code / no), station_code=code, station_name="工卡镇便民服务中心", admin_login="admin",
            admin_password=ADMIN_PASSWORD, kdf=FAST_KDF, device_no=no,
            clock=FixedClock(datetime(2026, 11, 18, 9, 0, tzinfo=CHINA_TZ)))
        catalogue.import_sample(station)
        made.append(station)
    return made


def enrol(hub: Hub, station: Station, url: str | None = None) -> HubClient:
    """Enrol the device with a code made for it (``bianmin-hub enrol-code STATION --device NN``)."""
    engine.enrol(station, url or hub.url, hub.quick_code(station.station_code, device=station.device_no))
    client = engine.client_for(station)
    assert client.key_id == f"{station.station_code}.{station.device_no}"
    client.timeout = TIMEOUT
    return client


@contextlib.contextmanager
def proxies(hub: Hub, n: int) -> Iterator[list[FaultProxy]]:
    """A fault proxy per device: each window's link breaks on its own."""
    made = [FaultProxy(hub.port).start() for _ in range(n)]
    try:
        yield made
    finally:
        for p in made:
            p.close()


# -- what each side holds ----------------------------------------------------------------------
def held(station: Station) -> list[Event]:
    """Every event a device holds: its own chain and what reached it of the others'."""
    own = list(journal_store.iter_events(station.db))
    return own + [e for chain in peer_store.chains(station.db) for e in peer_store.by_chain(station.db, chain)]


def _hub_db(hub: Hub) -> contextlib.AbstractContextManager[Engine]:
    @contextlib.contextmanager
    def opened() -> Iterator[Engine]:
        engine_ = hub_db.make_engine(hub.db_url)
        try:
            yield engine_
        finally:
            engine_.dispose()
    return opened()


def hub_events(hub: Hub, station_code: str) -> list[tuple[str, str, str, int]]:
    """(event id, hash, chain, seq) of every event the hub holds of the station."""
    with _hub_db(hub) as eng, eng.connect() as con:
        rows = con.execute(text("SELECT event_id, hash, chain, seq FROM events WHERE station = :s ORDER BY feed"),
                           {"s": station_code}).all()
    return [(str(r[0]), str(r[1]), str(r[2]), int(r[3])) for r in rows]


def hub_statuses(hub: Hub, station_code: str) -> dict[str, str | None]:
    with _hub_db(hub) as eng, eng.connect() as con:
        rows = con.execute(text("SELECT case_no, status FROM cases WHERE station = :s"), {"s": station_code}).all()
    return {str(r[0]): r[1] for r in rows}


def case_states(station: Station) -> dict[str, tuple[str, str, object]]:
    """case number -> (status, origin, the open conflict's actions) as the device shows them."""
    out: dict[str, tuple[str, str, object]] = {}
    for case_no, status, origin, conflict in station.db.all("SELECT case_no, status, origin, conflict FROM cases"):
        actions = json.loads(conflict) if conflict else None
        out[case_no] = (status, origin, _actions(actions))
    return out


def _actions(conflict: object) -> object:
    """The conflict's actions as a comparable set (the stored JSON's own order aside)."""
    if conflict is None:
        return None
    return frozenset(json.dumps(a, sort_keys=True) for a in _walk(conflict))


def _walk(value: object) -> list[object]:
    if isinstance(value, dict) and "actions" in value:
        return list(value["actions"])
    if isinstance(value, list):
        return list(value)
    return [value]


def assert_everyone_agrees(hub: Hub, devices: list[Station]) -> None:
    code = devices[0].station_code
    at_hub = hub_events(hub, code)
    assert len({e[0] for e in at_hub}) == len(at_hub), "an event is twice at the hub"
    assert len({(e[2], e[3]) for e in at_hub}) == len(at_hub), "two events at one position of a chain"
    expected = {(e[0], e[1]) for e in at_hub}
    for station in devices:
        mine = held(station)
        ids = [e.event_id for e in mine]
        assert len(ids) == len(set(ids)), f"device {station.device_no} holds an event twice"
        assert {(e.event_id, e.hash) for e in mine} == expected, f"device {station.device_no} differs from the hub"
        for ev in mine:
            assert event_hash(ev.prev_hash, ev.body()) == ev.hash
        state = engine.status(station)
        assert state.waiting == 0 and state.quarantined == [], (station.device_no, state)
        assert peer_store.waiting(station.db) == []
    first = case_states(devices[0])
    for station in devices[1:]:
        assert case_states(station) == first, f"device {station.device_no} shows other cases or states"
    assert {c: s for c, (s, _o, _x) in first.items()} == hub_statuses(hub, code)


def rounds_until_quiet(devices: list[Station], clients: list[HubClient | None], cycles: int = 8) -> int:
    """Rounds on every device, in turn, until a whole turn sends and takes nothing and all went through."""
    for n in range(cycles):
        quiet = True
        for station, client in zip(devices, clients, strict=True):
            report = engine.run_once(station, client)
            state = engine.status(station)
            assert report.ok, (station.device_no, report)
            quiet &= report.pushed == 0 and report.peers_taken == 0 and state.waiting == 0
        if quiet:
            return n + 1
    raise AssertionError("the devices did not come to rest")


def _png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (40, 30), (120, 30, 30)).save(out, "PNG")
    return out.getvalue()


# -- acting on cases ----------------------------------------------------------------------------
def act(station: Station, case_no: str, choice: int) -> str:
    """One thing a clerk does to a case at this device, chosen by ``choice`` among what its status
    allows here; what the case (as this device sees it) does not allow is left out."""
    case = cases.get_case(station, case_no, log_access=False)
    statuses = sorted(s.value for s in TRANSITIONS[case.status] if s is not CaseStatus.accepted)
    extras = ["trip", "print", "rate"]
    move = statuses[choice % len(statuses)] if statuses and choice % 3 else extras[choice % len(extras)]
    try:
        if move == "trip":
            cases.record_trip(station, case_no, "consult")
        elif move == "print":
            cases.record_print(station, case_no, "receipt", "A4")
        elif move == "rate":
            cases.evaluate(station, case_no, "satisfied")
        elif move == CaseStatus.delivered.value:
            cases.deliver(station, case_no, method=DeliveryMethod.counter, recipient="扎西顿珠")
        elif move == CaseStatus.concluded.value:
            cases.set_status(station, case_no, CaseStatus.concluded, outcome=Outcome.approved)
        else:
            cases.set_status(station, case_no, CaseStatus(move), note="窗口")
    except BianminError as exc:  # e.g. rated already: the clerk is told, nothing is written
        return f"{move}: {exc.code}"
    return move


FAULTS = st.fixed_dictionaries({
    "fail_5xx": st.sampled_from([0.0, 0.1, 0.3]),
    "cut_request_p": st.sampled_from([0.0, 0.1, 0.3]),
    "cut_response_p": st.sampled_from([0.0, 0.1, 0.3]),
    "duplicate_request": st.sampled_from([0.0, 0.3, 1.0]),
    "duplicate_together": st.booleans(),
    "down": st.sampled_from([False, False, True]),
})
STEPS = ["take"] * 2 + ["act"] * 5 + ["apart"] * 2 + ["round"] * 4 + ["faults"] * 2 + ["heal"]


@settings(max_examples=6, deadline=None, phases=[Phase.explicit, Phase.reuse, Phase.generate],
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data())
def test_three_windows_with_broken_links_end_holding_the_same_events_and_cases(
        data: st.DataObject, hub: Hub, tmp_path_factory: pytest.TempPathFactory) -> None:
    devices = new_centre(tmp_path_factory.mktemp("centre"))
    with proxies(hub, len(devices)) as links:
        clients: list[HubClient | None] = []
        for station, link in zip(devices, links, strict=True):
            link.faults.seed(data.draw(st.integers(0, 2**32 - 1), label=f"seed {station.device_no}"))
            clients.append(enrol(hub, station, link.url))
        # Offline from the start: each window takes a case or two before any round.
        for link in links:
            link.faults.set(down=True)
        for station in devices:
            for _ in range(data.draw(st.integers(1, 2), label=f"offline intake at {station.device_no}")):
                cases.submit(station, request(station))
        failed = 0
        for _ in range(data.draw(st.integers(10, 40), label="steps")):
            step = data.draw(st.sampled_from(STEPS))
            who = data.draw(st.integers(0, len(devices) - 1))
            station, link = devices[who], links[who]
            if step == "take":
                cases.submit(station, request(station))
            elif step == "act":
                known = [r[0] for r in station.db.all("SELECT case_no FROM cases ORDER BY case_no")]
                case_no = data.draw(st.sampled_from(known))
                note(f"{station.device_no} {case_no}: {act(station, case_no, data.draw(st.integers(0, 11)))}")
            elif step == "apart":  # two devices move one case they both know on, with no round between
                other = devices[(who + data.draw(st.integers(1, len(devices) - 1))) % len(devices)]
                both = sorted({r[0] for r in station.db.all("SELECT case_no FROM cases")}
                              & {r[0] for r in other.db.all("SELECT case_no FROM cases")})
                if both:
                    case_no = data.draw(st.sampled_from(both))
                    for by in (station, other):
                        note(f"{by.device_no} {case_no}: {act(by, case_no, 3 * data.draw(st.integers(0, 3)) + 1)}")
            elif step == "round":
                report = engine.run_once(station, clients[who])
                note(f"round at {station.device_no}: {report}")
                assert report.ok or report.error == "sync.link_down", report
                failed += not report.ok
            elif step == "faults":
                link.faults.set(**data.draw(FAULTS))
            else:
                link.faults.heal()
            if isinstance(station.clock, FixedClock):
                station.clock.advance(minutes=1)
        for link in links:
            link.faults.heal()
        turns = rounds_until_quiet(devices, clients)
        event(f"failed rounds before healing: {min(failed, 3)}{'+' if failed >= 3 else ''}")
        event(f"conflicts: {bool(devices[0].db.scalar('SELECT count(*) FROM cases WHERE conflict IS NOT NULL'))}")
        note(f"quiet after {turns} turns; proxies: {[link.stats for link in links]}")
        assert_everyone_agrees(hub, devices)
        for link in links:
            for replay in link.stats.replays:  # a request the link delivered twice had no second effect
                if replay.signed:  # (stale: the first copy was too, signed before the clock was learned)
                    assert (replay.status, replay.error) in ((401, "replayed"), (401, "stale")), replay
        # Every device knows the others, and when the hub last heard from each.
        for station in devices:
            listed = engine.status(station).devices
            assert [(d.device, d.this) for d in listed] == [(station.device_no, True)] + [
                (no, False) for no in DEVICES if no != station.device_no]
            assert all(d.last_seen_at and not d.revoked for d in listed)
    for station in devices:
        station.close()


def test_concurrent_actions_on_one_case_conflict_on_every_device_and_resolve_everywhere(
        hub: Hub, tmp_path: Path) -> None:
    w0, w1, w2 = devices = new_centre(tmp_path)
    clients: list[HubClient | None] = [enrol(hub, st_) for st_ in devices]
    case_no = cases.submit(w0, request(w0)).case_no
    scan = attachments.add_bytes(w0, case_no, DIBAO, "M-INCOME-STATEMENT", _png(), "收入证明.png")
    rounds_until_quiet(devices, clients)
    assert [cases.get_case(s, case_no, log_access=False).origin for s in devices] == ["00"] * 3
    # The scan came with the case: its content fetched from the hub, checked, linked at every window.
    for station in devices:
        assert attachments.list_for_case(station, case_no) == attachments.list_for_case(w0, case_no)
        assert attachments.read(station, scan.sha256) == attachments.read(w0, scan.sha256)
        assert sharing.attachments_missing(station) == []
    # Apart (no round in between): window 01 concludes and hands the result over, window 02 withdraws.
    cases.set_status(w1, case_no, CaseStatus.concluded, outcome=Outcome.approved)
    cases.deliver(w1, case_no, method=DeliveryMethod.counter, recipient="扎西顿珠")
    cases.withdraw(w2, case_no, "申请人撤回")
    delivery = journal_store.case_events(w1.db, case_no)[-1]
    withdrawal = journal_store.case_events(w2.db, case_no)[-1]
    rounds_until_quiet(devices, clients)
    for station in devices:
        seen = cases.get_case(station, case_no, log_access=False)
        assert seen.conflict is not None, station.device_no
        assert {(a.hash, a.status, a.device) for a in seen.conflict.actions} == {
            (delivery.hash, CaseStatus.delivered, "01"), (withdrawal.hash, CaseStatus.withdrawn, "02")}
        assert [c.case_no for c in cases.conflicted(station)] == [case_no]
    assert_everyone_agrees(hub, devices)
    # A clerk at window 00, which took neither action, keeps the delivery.
    resolved = cases.resolve_conflict(w0, case_no, keep=delivery.hash, note="结果已当面交付，撤回作废")
    assert (resolved.status, resolved.conflict) == (CaseStatus.delivered, None)
    rounds_until_quiet(devices, clients)
    for station in devices:
        seen = cases.get_case(station, case_no, log_access=False)
        assert (seen.status, seen.outcome, seen.conflict) == (CaseStatus.delivered, Outcome.approved, None)
        assert cases.conflicted(station) == []
    assert hub_statuses(hub, w0.station_code)[case_no] == "delivered"
    assert_everyone_agrees(hub, devices)
    for station in devices:
        station.close()


def platform_run(hub: Hub, *args: str) -> None:
    """A ``bianmin-hub`` command (in this process: the real command, without a child's start-up)."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert hub_cli.main(["--db", hub.db_url, *args]) == 0


def platform_sets(hub: Hub, case_no: str, status: str, *extra: str) -> None:
    """``bianmin-hub set-status``."""
    platform_run(hub, "set-status", case_no, status, *extra)


def test_a_platform_status_is_applied_once_by_the_device_that_took_the_case(hub: Hub, tmp_path: Path) -> None:
    """The department's statuses for a case go to the device that took it in (the hub addresses them):
    it alone journals them, the others take them as its events; nothing is multiplied on the link."""
    devices = new_centre(tmp_path)
    clients: list[HubClient | None] = [enrol(hub, st_) for st_ in devices]
    w1 = devices[1]
    case_no = cases.submit(w1, request(w1)).case_no
    rounds_until_quiet(devices, clients)
    platform_sets(hub, case_no, "in_progress", "--platform-no", "XZ-2026-000321")
    platform_sets(hub, case_no, "concluded", "--outcome", "approved")
    rounds_until_quiet(devices, clients)
    for station in devices:
        seen = cases.get_case(station, case_no, log_access=False)
        assert (seen.status, seen.outcome, seen.platform_no) == (CaseStatus.concluded, Outcome.approved,
                                                                 "XZ-2026-000321"), station.device_no
    written = sorted((e.device, e.seq, e.type) for e in held(devices[0]) if e.case_no == case_no)
    assert [(d, t) for d, _s, t in written] == [("01", "case.received"), ("01", "case.accepted"),
                                                ("01", "case.in_progress"), ("01", "case.concluded")]
    assert_everyone_agrees(hub, devices)
    for station in devices:
        station.close()


def test_a_laptops_bundle_imported_at_the_centre_brings_its_cases_to_every_window(hub: Hub, tmp_path: Path) -> None:
    """A work team's laptop is device 80 of the centre's station (role laptop): its bundle, forwarded by
    window 00, reaches the hub as the laptop's chain, and every window then holds the laptop's cases
    (and can hand over their results); the laptop's own later sync sends nothing twice and brings it
    the windows' work."""
    w0, w1, laptop = devices = new_centre(tmp_path, ("00", "01", "80"))
    for station in (w0, w1):
        enrol(hub, station)
    enrolled = subprocess.run([sys.executable, "-m", "bianmin", "enrol", hub.url,
                               hub.quick_code(laptop.station_code, device="80"), "--role", "laptop"],
                              capture_output=True, text=True, timeout=120, env=_cli_env(laptop),
                              stdin=subprocess.DEVNULL)
    assert enrolled.returncode == 0 and "设备 80（80号窗口）" in enrolled.stdout, enrolled.stderr
    assert engine.client_for(laptop).key_id == f"{laptop.station_code}.80"
    assert engine.run_once(laptop).ok  # enrolled at the centre; then out to the villages
    taken = [cases.submit(laptop, request(laptop)).case_no for _ in range(3)]
    assert {c[20:22] for c in taken} == {"80"}
    (tmp_path / "stick").mkdir()
    exported = bundles.export_bundle(laptop, tmp_path / "stick" / "work-team.bmb")
    imported = bundles.import_bundle(w0, exported.path, ack_path=tmp_path / "stick" / "work-team.ack")
    assert imported.rejected == 0 and imported.stored == exported.events
    rounds_until_quiet([w0, w1], [None, None])
    for station in (w0, w1):
        assert [cases.get_case(station, c, log_access=False).origin for c in taken] == ["80"] * 3
    cases.set_status(w1, taken[0], CaseStatus.concluded, outcome=Outcome.approved)
    cases.deliver(w1, taken[0], method=DeliveryMethod.counter, recipient="扎西顿珠")
    assert bundles.apply_ack(laptop, imported.ack_path).marked_sent == exported.events
    rounds_until_quiet(devices, [None, None, None])
    assert cases.get_case(laptop, taken[0], log_access=False).status is CaseStatus.delivered
    assert [d.role for d in engine.status(w0).devices] == ["window", "window", "laptop"]
    assert_everyone_agrees(hub, devices)
    for station in devices:
        station.close()


# -- a device's process killed mid-exchange -----------------------------------------------------
def _worker(home: Path, mode: str, page: int, die_at_page: int = 0) -> subprocess.Popen[str]:
    import os

    env = {**os.environ, "BIANMIN_TEST_PEER_PAGE": str(page)}
    if die_at_page:
        env["BIANMIN_TEST_DIE_AT_PAGE"] = str(die_at_page)
    return subprocess.Popen([sys.executable, str(WORKER), str(home), mode], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env)


def _open(home: Path) -> Station:
    return Station.open(Paths(home), "admin", ADMIN_PASSWORD, kdf=FAST_KDF, check="none")


def test_sigkill_of_a_device_taking_the_others_events_loses_and_doubles_nothing(
        hub: Hub, tmp_path: Path) -> None:
    rng = random.Random(20261202)
    w0, w1, w2 = devices = new_centre(tmp_path)
    with proxies(hub, 1) as (link,):
        clients: list[HubClient | None] = [enrol(hub, w0), enrol(hub, w1), enrol(hub, w2, link.url)]
        for station in (w0, w1):  # about 2 x 110 events of the others for window 02 to take
            for _ in range(50):
                cases.submit(station, request(station))
            assert engine.run_once(station, clients[devices.index(station)]).ok
        home = w2.paths.home
        w2.close()
        # Killed at the worst moment: the third page of the others' events fetched and written, not
        # committed. The feed number must not have moved past what the store holds.
        proc = _worker(home, "loop", page=25, die_at_page=3)
        out, err = proc.communicate(timeout=60)
        assert proc.returncode == -signal.SIGKILL, (out, err)
        again = _open(home)
        try:
            assert int(again.db.scalar("SELECT count(*) FROM peer_events", default=0)) == 2 * 25
            assert sync_state_cursor(again) == taken_feed(hub, again) > 0
            for _ in range(30):  # and then its own to push, while being killed at random
                cases.submit(again, request(again))
        finally:
            again.close()
        link.faults.set(bandwidth=24_000)  # slow: a round takes seconds, a kill lands inside it
        killed_at = []
        for n in range(4):
            before = link.stats.bytes_up + link.stats.bytes_down
            # Killed once this many bytes went over the link (inside a transfer), or this long after its
            # first byte (anywhere: also between a page's arrival and its commit).
            target = rng.randint(500, 40_000) if n % 2 == 0 else 1
            linger = 0.0 if n % 2 == 0 else rng.uniform(0.0, 5.0)
            proc = _worker(home, "loop", page=25)
            try:
                deadline = time.monotonic() + 20
                while (link.stats.bytes_up + link.stats.bytes_down - before < target
                       and time.monotonic() < deadline and proc.poll() is None):
                    time.sleep(0.005)
                time.sleep(linger)
            finally:
                proc.send_signal(signal.SIGKILL)
                out, err = proc.communicate(timeout=30)
            assert proc.returncode == -signal.SIGKILL, err
            again = _open(home)
            try:
                taken = int(again.db.scalar("SELECT count(*) FROM peer_events", default=0))
                killed_at.append((target, round(linger, 2), len(out.splitlines()), taken,
                                  engine.status(again).waiting))
                assert sync_state_cursor(again) <= taken_feed(hub, again)
                for _ in range(rng.randint(0, 3)):  # the clerk works between the crashes
                    cases.submit(again, request(again))
                if n == 2:  # and the others go on too
                    cases.submit(w0, request(w0))
                    assert engine.run_once(w0, clients[0]).ok
            finally:
                again.close()
        link.faults.heal()
        proc = _worker(home, "until-synced", page=25)
        out, err = proc.communicate(timeout=120)
        # killed_at: (bytes, then seconds, before the kill, rounds done, peer events held, events waiting)
        assert proc.returncode == 0, (out, err, killed_at)
        w2 = _open(home)
        devices = [w0, w1, w2]
        clients[2] = None
        assert verify(w2).ok  # (it journals its check: one more event to send)
        rounds_until_quiet(devices, clients)
        assert_everyone_agrees(hub, devices)
        # The kills landed where they matter: before its own events were all sent, and between two
        # pages of the others' events.
        peers = int(w2.db.scalar("SELECT count(*) FROM peer_events", default=0))
        assert killed_at[0][4] > 0 and any(0 < held_ < peers for _b, _s, _r, held_, _w in killed_at), killed_at
    for station in devices:
        station.close()


def sync_state_cursor(station: Station) -> int:
    from sync import state as sync_state

    return sync_state.load(station.db).peer_cursor


def taken_feed(hub: Hub, station: Station) -> int:
    """The hub's feed number of the last other device's event this device holds (0: none): the
    cursor never runs ahead of what the device took."""
    ids = [r[0] for r in station.db.all("SELECT event_id FROM peer_events")]
    if not ids:
        return 0
    with _hub_db(hub) as eng, eng.connect() as con:
        feeds = con.execute(text("SELECT event_id, feed FROM events WHERE station = :s"),
                            {"s": station.station_code}).all()
    by_id = {str(r[0]): int(r[1]) for r in feeds}
    return max(by_id[i] for i in ids)


def test_a_device_is_enrolled_as_itself_and_never_replaces_another(hub: Hub, tmp_path: Path) -> None:
    """Each window enrols with its own code; the hub lists all three; a revoked one is refused and shown
    revoked to the others; a store enrolled before devices (no device number in its state) signs with
    the bare station code and still syncs as device 00."""
    w0, w1, w2 = devices = new_centre(tmp_path)
    for station in devices:
        enrol(hub, station)
    for station in devices:
        assert engine.run_once(station).ok
    assert not engine.status(w1).devices[2].last_seen_at  # 02 had sent no signed request when 01 asked
    assert engine.run_once(w1).ok
    listed = engine.status(w1).devices
    assert [(d.device, d.this, d.role) for d in listed] == [("01", True, "window"), ("00", False, "window"),
                                                             ("02", False, "window")]  # this device first
    assert [d.name for d in listed] == ["01号窗口", "00号窗口", "02号窗口"]
    status = subprocess.run([sys.executable, "-m", "bianmin", "status"], capture_output=True, text=True, timeout=120,
                            env=_cli_env(w1), stdin=subprocess.DEVNULL)
    assert status.returncode == 0, status.stderr
    others = [line for line in status.stdout.splitlines() if line.startswith("设备 ")]
    assert [line.split()[1] for line in others] == ["00", "02"] and all("上次联系平台或中继" in line for line in others)
    # The centre's administrator revokes window 02 (a stolen PC): it is refused from then on, told to
    # enrol again, and the others see it revoked; nothing it sends is kept.
    platform_run(hub, "devices", "revoke", w2.station_code, "02")
    before = hub_events(hub, w2.station_code)
    late = cases.submit(w2, request(w2)).case_no
    refused = engine.run_once(w2)
    state = engine.status(w2)
    assert (refused.error, state.state, state.last_error_reason) == ("sync.refused", "refused", "revoked_device")
    assert state.last_error_reason in REENROL_REASONS and state.waiting > 0
    assert engine.run_once(w1).ok
    assert [(d.device, d.revoked) for d in engine.status(w1).devices] == [("01", False), ("00", False), ("02", True)]
    assert hub_events(hub, w2.station_code) == before and late not in hub_statuses(hub, w2.station_code)
    # As if enrolled by the program before devices: the state holds no device number.
    from dataclasses import replace

    from sync import state as sync_state

    with w0.db.transaction():
        kept = sync_state.load(w0.db)
        sync_state.save(w0.db, replace(kept, enrolment=replace(kept.enrolment, device="")))
    assert engine.client_for(w0).key_id == w0.station_code
    case_no = cases.submit(w0, request(w0)).case_no
    rounds_until_quiet([w0, w1], [None, None])
    assert_everyone_agrees(hub, [w0, w1])
    assert cases.get_case(w1, case_no, log_access=False).origin == "00"
    for station in devices:
        station.close()


def test_the_device_list_crosses_the_regional_link_only_when_it_changed_or_got_old(
        hub: Hub, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The list is 2 KB a round on the plateau link: a window reads it again when the hub's digest (with
    every page of updates) says a device was enrolled or revoked, when it took events of a device not
    heard from at the last reading, after ten minutes, or when its clock went back past the last reading."""
    w0, w1, w2 = new_centre(tmp_path)
    reads: list[str] = []
    real = HubClient.devices

    def counted(self: HubClient) -> object:
        reads.append(self.key_id)
        return real(self)

    monkeypatch.setattr(HubClient, "devices", counted)
    for station in (w0, w1):
        enrol(hub, station)

    def round_reads(station: Station) -> int:
        reads.clear()
        assert engine.run_once(station).ok
        return len(reads)

    assert round_reads(w0) == 1  # never read
    assert round_reads(w1) == 1
    cases.submit(w1, request(w1))
    assert round_reads(w1) == 0
    assert round_reads(w0) == 1  # events of 01, which had not been heard from at 00's reading
    assert [bool(d.last_seen_at) for d in engine.status(w0).devices] == [True, True]
    assert round_reads(w0) == 0 and round_reads(w0) == 0  # nothing changed
    enrol(hub, w2)  # a window enrolled since: the digest differs
    assert round_reads(w0) == 1
    assert [d.device for d in engine.status(w0).devices] == ["00", "01", "02"]
    platform_run(hub, "devices", "revoke", w2.station_code, "02")
    assert round_reads(w0) == 1 and engine.status(w0).devices[2].revoked
    assert round_reads(w0) == 0
    assert isinstance(w0.clock, FixedClock)
    w0.clock.advance(minutes=9)
    assert round_reads(w0) == 0
    w0.clock.advance(minutes=2)  # when each was last heard from, ten minutes on
    assert round_reads(w0) == 1
    w0.clock.advance(hours=-2)  # the PC's clock put back: the reading's time lies ahead of it
    assert round_reads(w0) == 1
    assert round_reads(w0) == 0
    for station in (w0, w1, w2):
        station.close()


def _cli_env(station: Station) -> dict[str, str]:
    import os

    env = {k: v for k, v in os.environ.items() if not k.startswith("BIANMIN_")}
    env.update(BIANMIN_HOME=str(station.paths.home), BIANMIN_PASSWORD=ADMIN_PASSWORD, BIANMIN_USER="admin")
    return env
