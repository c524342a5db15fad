"""Centre benchmark (issue 15): a township centre of 6 windows and 2 work-team laptops.

    .venv/bin/python bench/centre.py [--days 5] [--windows 6] [--cases-per-day 60] [--laptops 2]
                                     [--laptop-cases-per-day 10] [--rounds-per-day 4] [--kbit 512]
                                     [--rtt-ms 300] [--samples 5] [--scans 3] [--no-baseline] [--quick]
                                     [--seed 2026] [--keep DIR] [--json-out FILE]

A default run takes about 11 minutes on 2 busy cores (the issue's full scale); ``--quick`` about 2.

Real processes and stores: a regional hub process (``tests.hubproc.start_hub``, SQLite), the centre's
relay process (``bianmin-hub relay``, set up with its one command, default mirror and device-list
intervals), 6 window stores (devices 01..06) and 2 laptop stores (80, 81) of one station, all
enrolled (cheap Argon2id: unlocking is not measured; the sample catalogue).

The regional link is ``tests.faultproxy.FaultProxy`` capped at ``--kbit`` kbit/s each way with
``delay = rtt / 2``. It is one link, but three proxies with the same faults carry it, so that its
bytes can be told apart by who sent them: the windows' rounds and bundle forwards, the relay's
upstream (its mirror of the laptops' chains and its device list) and the laptops' own rounds when
they are back at the centre. "Regional bytes" are the sum of the three (requests up + answers down,
as the proxies forwarded them). The LAN is another proxy in front of the relay (1 ms each way, no
cap), which counts the LAN's bytes.

Simulated days (``--days``): the stores' clocks run in real time, shifted back so that the last day
is today; each day has ``--rounds-per-day`` sessions: in each, every window takes its share of
``--cases-per-day`` new cases (``bianmin.demo.cases.make_request`` + ``cases.submit``), concludes
some of its own older cases and hands over (delivers) concluded cases of *any* window (a citizen
collects where he likes: the cases of other windows are continued there), then every window runs one
``sync.engine.run_once(scheduled=True)`` (through the relay, then the region when it has something
to send; ``engine.SEND_EVERY`` is set to 0 meanwhile: the sessions stand for hours and are seconds
apart here). The laptops (their relay set too, as at a centre that has one) take
``--laptop-cases-per-day`` cases a day in the villages and return a bundle on the last day (weekly):
it is imported at a window (``sync.bundles.import_bundle``: the window takes the cases in and
forwards the bundle), the laptop applies the ack and runs one round at the centre before it leaves
(the station's records from the relay, on the centre's network).
Then rounds until every window is quiet; the bench checks (and prints, never asserts) that every
window and the hub hold the same events.

Figures (printed with their targets, never asserted):

1. **Continue at another window, regional link down.** All regional proxies down; every window runs
   the window's own sync loop in a thread of its own (``sync.scheduler.SyncScheduler`` with
   ``engine.run_once`` / ``engine.probe`` on a companion connection, stepped by a 10 s tick like
   ``ui.sync_service``), started as after a while of outage (the relay's 30 s cadence, each window at
   a random phase). ``--samples`` cases are taken in (and concluded: an on-the-spot item) at window 1
   at random moments; the figure is the time until window 3's rounds bring each in and window 3
   hands it over. Target <= 60 s.
2. **Regional bytes per case**, the centre against a baseline: one store (device 00, no relay)
   taking the same cases and doing the same work with the same laptops' bundles, through the same
   link, with the same number of rounds a day as one window. Target: ratio <= 1.2. The bench runs
   days in minutes, so time-driven traffic (each round's fixed requests, the relay's mirror every
   5 s) is far below a real day's; the output also gives an estimate for a real day from the
   measured bytes of an idle round and of the idle relay: ``--office-hours`` a day with the
   scheduler's 300 s interval, the relay on during the office hours.
3. **Store size per case on each window**: the station database file after a WAL checkpoint,
   divided by the cases it holds (every window holds every case of the centre).

Also printed: the bytes of ``--scans`` scans added at window 1 after the days (measured apart from
the per-case figures: the other windows fetch a scan from the relay, the baseline's from the region), the
regional bytes of each laptop's round after its ack (it takes the station's whole peer feed: from the
relay at the centre, from the region in the baseline), and
where the centre's bytes beyond the single device's go.
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

import argparse  # noqa: E402
import contextlib  # noqa: E402
import datetime as dt  # noqa: E402
import functools  # noqa: E402
import io  # noqa: E402
import os  # noqa: E402
import platform  # noqa: E402
import random  # noqa: E402
import shutil  # noqa: E402
import statistics  # noqa: E402
import tempfile  # noqa: E402
import threading  # noqa: E402
import time  # noqa: E402
from dataclasses import dataclass, field, replace  # noqa: E402
from typing import Any  # noqa: E402

from app.clock import CHINA_TZ, Clock  # noqa: E402
from app.config import KdfParams, Paths  # noqa: E402
from app.errors import BianminError  # noqa: E402
from app.models import CaseStatus, DeliveryMethod, Outcome  # noqa: E402
from app.services import cases, catalogue  # noqa: E402
from app.station import Station  # noqa: E402
from bench.common import emit, err, kb, mark  # noqa: E402
from bianmin.demo import cases as demo  # noqa: E402
from hub.local import Relay  # noqa: E402
from sync import bundles, engine, protocol  # noqa: E402
from sync.scheduler import SyncScheduler  # noqa: E402
from tests.faultproxy import FaultProxy, Faults, Stats  # noqa: E402
from tests.hubproc import Hub, free_port, start_hub  # noqa: E402

CHEAP_KDF = KdfParams(time_cost=1, memory_kib=8192, parallelism=1)
STATION_CODE = "540127100000"
STATION_NAME = "墨竹工卡县工卡镇便民服务中心"
PASSWORD = "bench-password"
CONTINUE_TARGET_S = 60.0
RATIO_TARGET = 1.2
UI_TICK_S = 10.0  # ui.sync_service.SyncService's tick
RELAY_DEVICE = "90"
TIMEOUT = (10.0, 60.0)


# -- clocks ---------------------------------------------------------------------------------------
@dataclass
class SimClock(Clock):
    """Real time shifted by whole days: day ``d`` of ``D`` is ``D - 1 - d`` days ago."""

    shift: dt.timedelta = dt.timedelta(0)

    def now(self) -> dt.datetime:
        return dt.datetime.now(CHINA_TZ) + self.shift


# -- processes ------------------------------------------------------------------------------------
@dataclass
class Link:
    """The regional link, carried by one proxy per kind of user (same faults), counted together."""

    proxies: dict[str, FaultProxy]
    totals: dict[str, list[int]] = field(default_factory=dict)  # name -> [up, down, requests]

    def set(self, **faults: Any) -> None:
        for p in self.proxies.values():
            p.faults.set(**faults)

    def take(self) -> dict[str, tuple[int, int, int]]:
        """Bytes (up, down) and requests per user since the last take; added to the totals."""
        out: dict[str, tuple[int, int, int]] = {}
        for name, p in self.proxies.items():
            s: Stats = p.reset_stats()
            out[name] = (s.bytes_up, s.bytes_down, s.requests)
        return out

    def close(self) -> None:
        for p in self.proxies.values():
            p.close()


def wire(counts: dict[str, tuple[int, int, int]], *names: str) -> int:
    return sum(counts[n][0] + counts[n][1] for n in (names or tuple(counts)))


def add(into: dict[str, list[int]], counts: dict[str, tuple[int, int, int]]) -> None:
    for name, (up, down, reqs) in counts.items():
        t = into.setdefault(name, [0, 0, 0])
        t[0] += up
        t[1] += down
        t[2] += reqs


# -- stores ---------------------------------------------------------------------------------------
def make_store(root: Path, device: str, clock: SimClock) -> Station:
    station, _recovery = Station.init(
        Paths(root / device), station_code=STATION_CODE, station_name=STATION_NAME, admin_login="bench",
        admin_password=PASSWORD, kdf=CHEAP_KDF, device_no=device, clock=clock)
    catalogue.import_sample(station)
    return station


@dataclass
class Taker:
    """Makes realistic requests for one store (the demo's generator, one case at a time)."""

    station: Station
    rng: random.Random
    items: list[Any] = field(default_factory=list)
    bundle_codes: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.items = [i for i in catalogue.list_items(self.station)
                      if "person" in i.body.get("applicants", {}).get("kinds", [])]
        self.bundle_codes = [b.code for b in catalogue.list_bundles(self.station)]

    def take(self) -> str | None:
        req = demo.make_request(self.rng, self.station, self.items, self.bundle_codes, self.station.today())
        try:
            return cases.submit(self.station, req).case_no
        except BianminError as exc:
            err(f"  a case not taken at {self.station.device_no}: {exc.code}")
            return None


def statuses(station: Station) -> list[tuple[str, str, str]]:
    return [(str(r[0]), str(r[1]), str(r[2])) for r in station.db.all("SELECT case_no, status, origin FROM cases")]


def carry_on(station: Station, rng: random.Random, share: int, of: int, conclude: float, deliver: float) -> int:
    """The counter's work on older cases: conclude some of this device's own accepted cases (the
    result came), hand over some concluded cases of any device (those whose number falls to this
    device's share, so that no two devices act on one case). Returns the actions done."""
    done = 0
    mine = station.device_no
    for case_no, status, origin in statuses(station):
        try:
            if status == CaseStatus.accepted.value and origin == mine and rng.random() < conclude:
                cases.set_status(station, case_no, CaseStatus.concluded, outcome=Outcome.approved)
                done += 1
            elif (status == CaseStatus.concluded.value and int(case_no[-6:]) % of == share
                  and rng.random() < deliver):
                case = cases.get_case(station, case_no, log_access=False)
                if case.delivery.method is DeliveryMethod.post:
                    cases.deliver(station, case_no, method=DeliveryMethod.post,
                                  tracking_no=f"EMS{rng.randint(10**9, 10**10)}")
                else:
                    cases.deliver(station, case_no, method=case.delivery.method, recipient=case.applicant.name)
                done += 1
        except BianminError as exc:
            err(f"  an action not done at {mine} on {case_no}: {exc.code}")
    return done


def db_size(station: Station) -> int:
    station.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    path = station.paths.database
    return sum(p.stat().st_size for p in (path, Path(f"{path}-wal")) if p.exists())


def holdings(station: Station) -> tuple[int, int]:
    """(cases, events: own + peers) the store holds."""
    n_cases = int(station.db.scalar("SELECT count(*) FROM cases", default=0))
    n_events = int(station.db.scalar("SELECT count(*) FROM events", default=0)) + int(
        station.db.scalar("SELECT count(*) FROM peer_events", default=0))
    return n_cases, n_events


def hub_event_count(hub: Hub) -> int:
    from sqlalchemy import text

    from hub import db as hub_db

    made = hub_db.make_engine(hub.db_url)
    try:
        with made.connect() as con:
            return int(con.execute(text("SELECT count(*) FROM events WHERE station = :s"),
                                   {"s": STATION_CODE}).scalar() or 0)
    finally:
        made.dispose()


# -- one centre (or the baseline's single store) --------------------------------------------------
@dataclass
class Centre:
    name: str
    work: Path
    hub: Hub
    link: Link
    windows: list[Station]
    laptops: list[Station]
    clock: SimClock
    relay: Relay | None = None
    lan: FaultProxy | None = None
    rounds: int = 0
    round_errors: dict[str, int] = field(default_factory=dict)
    actions: int = 0
    taken: int = 0
    laptop_taken: int = 0
    bundles: list[dict[str, Any]] = field(default_factory=list)

    def close(self) -> None:
        if self.relay is not None:
            self.relay.stop()
        if self.lan is not None:
            self.lan.close()
        self.link.close()
        for s in (*self.windows, *self.laptops):
            with contextlib.suppress(Exception):
                s.close()
        self.hub.stop()


def link_faults(args: argparse.Namespace) -> dict[str, Any]:
    return {"bandwidth": args.kbit * 1000 / 8, "delay": args.rtt_ms / 1000 / 2}


def build(args: argparse.Namespace, work: Path, name: str, window_nos: list[str], relay: bool) -> Centre:
    clock = SimClock(shift=-dt.timedelta(days=args.days - 1))
    hub = start_hub(work / "hub")
    names = ["windows", "laptops"] + (["relay"] if relay else [])
    link = Link({n: FaultProxy(hub.port, faults=Faults(seed=args.seed)).start() for n in names})
    centre = Centre(name, work, hub, link, [], [], clock)
    try:
        centre.windows = [make_store(work / "stores", no, clock) for no in window_nos]
        centre.laptops = [make_store(work / "stores", f"{80 + i:02d}", clock) for i in range(args.laptops)]
        link.set(**link_faults(args))
        for w in centre.windows:
            engine.enrol(w, link.proxies["windows"].url, hub.quick_code(STATION_CODE, device=w.device_no))
        for lp in centre.laptops:
            engine.enrol(lp, link.proxies["laptops"].url, hub.quick_code(STATION_CODE, device=lp.device_no),
                         role=protocol.DeviceRole.laptop)
        if relay:
            centre.relay = Relay(work / "relay", free_port()).start(
                "--upstream", link.proxies["relay"].url, "--station", STATION_CODE, "--name", STATION_NAME,
                "--code", hub.quick_code(STATION_CODE, device=RELAY_DEVICE))
            centre.lan = FaultProxy(centre.relay.port, faults=Faults(delay=0.001)).start()
            # The laptops too: back at the centre, they take the station's records over its network.
            for s in (*centre.windows, *centre.laptops):
                engine.set_relay(s, centre.lan.url)
        # Each device learns the others (a laptop seals its bundles to the windows it knows).
        for s in (*centre.windows, *centre.laptops):
            run_round(centre, s)
        for w in centre.windows:
            run_round(centre, w)
    except BaseException:
        centre.close()
        raise
    return centre


def run_round(centre: Centre, station: Station, scheduled: bool = False) -> engine.SyncReport:
    report = engine.run_once(station, scheduled=scheduled)
    centre.rounds += 1
    if report.error:
        centre.round_errors[report.error] = centre.round_errors.get(report.error, 0) + 1
    return report


def quiet(centre: Centre, cycles: int = 8) -> int:
    """Rounds on every window until a whole turn sends and takes nothing; returns the turns."""
    for n in range(1, cycles + 1):
        still = True
        for w in centre.windows:
            r = run_round(centre, w)
            still &= r.ok and r.pushed == 0 and r.peers_taken == 0 and engine.status(w).waiting == 0
        if still:
            return n
    return -1


def simulate(args: argparse.Namespace, centre: Centre, per_window: int) -> dict[str, Any]:
    """The days: sessions of intake, counter work and one round per window; the laptops' bundles."""
    rng = random.Random(args.seed)
    takers = [Taker(s, random.Random(args.seed * 100 + i)) for i, s in enumerate(centre.windows)]
    laptop_takers = [Taker(s, random.Random(args.seed * 1000 + i)) for i, s in enumerate(centre.laptops)]
    n_windows = len(centre.windows)
    t_cases = t_rounds = t_bundles = 0.0
    # Each session's round stands for a window's scheduled regional rounds of a part of the day: its own
    # round (run_once(scheduled=True)), which sends to the region at most every engine.SEND_EVERY of the
    # station's clock, and the sessions here are seconds apart.
    send_every, engine.SEND_EVERY = engine.SEND_EVERY, dt.timedelta(0)
    for day in range(args.days):
        centre.clock.shift = -dt.timedelta(days=args.days - 1 - day)
        for session in range(args.rounds_per_day):
            share = per_window // args.rounds_per_day + (1 if session < per_window % args.rounds_per_day else 0)
            lshare = (args.laptop_cases_per_day // args.rounds_per_day
                      + (1 if session < args.laptop_cases_per_day % args.rounds_per_day else 0))
            t0 = time.monotonic()
            for i, (w, taker) in enumerate(zip(centre.windows, takers, strict=True)):
                centre.taken += sum(1 for _ in range(share) if taker.take())
                centre.actions += carry_on(w, rng, i, n_windows, args.conclude, args.deliver)
            for lt in laptop_takers:
                centre.laptop_taken += sum(1 for _ in range(lshare) if lt.take())
            t1 = time.monotonic()
            for w in centre.windows:
                run_round(centre, w, scheduled=True)
            t2 = time.monotonic()
            t_cases += t1 - t0
            t_rounds += t2 - t1
        err(f"  [{centre.name}] day {day + 1}/{args.days}: {centre.taken} window cases, {centre.laptop_taken} laptop "
            f"cases, {centre.actions} actions, {centre.rounds} rounds ({t_cases:.0f} s work, {t_rounds:.0f} s rounds)")
    engine.SEND_EVERY = send_every
    # The laptops come back (weekly): the bundle is imported at a window, acked, the laptop syncs once.
    t0 = time.monotonic()
    for i, lp in enumerate(centre.laptops):
        path = centre.work / "stick" / f"team-{lp.device_no}.bmb"
        path.parent.mkdir(parents=True, exist_ok=True)
        exported = bundles.export_bundle(lp, path)
        window = centre.windows[i % n_windows]
        before = centre.link.take()
        add(centre.link.totals, before)
        imported = bundles.import_bundle(window, path)
        forwarded = centre.link.take()
        add(centre.link.totals, forwarded)
        acked = bundles.apply_ack(lp, Path(imported.ack_path))
        report = run_round(centre, lp)
        after = centre.link.take()
        add(centre.link.totals, after)
        centre.bundles.append({
            "laptop": lp.device_no, "window": window.device_no, "events": exported.events,
            "readers": list(exported.readers), "size": path.stat().st_size,
            "taken_in_cases": imported.taken.cases, "stored_at_hub": imported.stored,
            "forward_wire": wire(forwarded, "windows"), "marked_sent": acked.marked_sent,
            "laptop_round_wire": wire(after, "laptops"), "laptop_round_pushed": report.pushed,
            "laptop_round_peers_taken": report.peers_taken, "laptop_round_error": report.error,
            "laptop_round_relayed": report.relayed,
        })
    t_bundles = time.monotonic() - t0
    turns = quiet(centre)
    return {"seconds_work": round(t_cases, 1), "seconds_rounds": round(t_rounds, 1),
            "seconds_bundles": round(t_bundles, 1), "quiet_turns": turns}


def consistency(centre: Centre) -> dict[str, Any]:
    at_hub = hub_event_count(centre.hub)
    held = {w.device_no: holdings(w) for w in centre.windows}
    hub_cases = len({r for w in centre.windows for r, _s, _o in statuses(w)})
    states = {w.device_no: sorted((c, s) for c, s, _o in statuses(w)) for w in centre.windows}
    first = next(iter(states.values()))
    return {"hub_events": at_hub, "window_holdings": held, "cases_union": hub_cases,
            "same_events_everywhere": all(e == at_hub for _c, e in held.values()),
            "same_states_everywhere": all(v == first for v in states.values()),
            "waiting": {w.device_no: engine.status(w).waiting for w in centre.windows}}


# -- scans ----------------------------------------------------------------------------------------
def noise_jpeg(rng: random.Random, side: int) -> bytes:
    """A camera 'scan' of a photo page: hardly compressible (as bench/sync.py makes them)."""
    from PIL import Image

    w, h = side, int(side * 1.414)
    noise = Image.frombytes("RGB", (w, h), rng.randbytes(w * h * 3))
    page = Image.blend(Image.new("RGB", (w, h), (236, 232, 220)), noise, 0.55)
    buf = io.BytesIO()
    page.save(buf, "JPEG", quality=85)
    return buf.getvalue()


def scans_phase(args: argparse.Namespace, centre: Centre) -> dict[str, Any]:
    """``--scans`` scans added at the first window to its latest cases, then rounds until quiet: the
    regional bytes of the scans against their stored size."""
    from app.services import attachments as scan_service
    from app.store import cases as case_store

    rng = random.Random(args.seed + 3)
    add(centre.link.totals, centre.link.take())
    w = centre.windows[0]
    rows = w.db.all("SELECT id, case_no FROM cases WHERE origin = ? ORDER BY id DESC LIMIT ?",
                    (w.device_no, args.scans))
    stored = 0
    for case_id, case_no in rows:
        material = case_store.get_materials(w.db, case_id)[0]
        info = scan_service.add_bytes(w, case_no, material["item_code"], material["material_code"],
                                      noise_jpeg(rng, args.scan_side), "scan.jpg")
        stored += info.size
    turns = quiet(centre)
    counts = centre.link.take()
    add(centre.link.totals, counts)
    fetched = {s.device_no: int(s.db.scalar("SELECT count(*) FROM attachments", default=0)) for s in centre.windows}
    return {"scans": len(rows), "stored_bytes": stored, "regional": wire(counts), "regional_up": sum(
        v[0] for v in counts.values()), "regional_down": sum(v[1] for v in counts.values()),
        "per_scan_byte": round(wire(counts) / max(1, stored), 2), "quiet_turns": turns, "held": fetched}


# -- idle costs -----------------------------------------------------------------------------------
def idle_round(centre: Centre, station: Station) -> tuple[int, int]:
    """Regional bytes and requests of the window's own round with nothing new (every 300 s without a
    relay; every 30 s through the relay, which then leaves the region alone)."""
    add(centre.link.totals, centre.link.take())
    run_round(centre, station, scheduled=True)
    counts = centre.link.take()
    add(centre.link.totals, counts)
    return wire(counts, "windows"), counts["windows"][2]


def check_round(centre: Centre, station: Station) -> tuple[int, int]:
    """Regional bytes and requests of the round a window with a relay makes once an hour to check the
    link (``engine.REGION_EVERY``): its last regional round put back past that."""
    from sync import state as sync_state

    with station.db.transaction():
        kept = sync_state.load(station.db)
        old = (station.clock.now() - engine.REGION_EVERY - dt.timedelta(minutes=1)).isoformat(timespec="milliseconds")
        sync_state.save(station.db, replace(kept, last=replace(kept.last, success=old, attempt=old)))
    add(centre.link.totals, centre.link.take())
    report = run_round(centre, station, scheduled=True)
    counts = centre.link.take()
    add(centre.link.totals, counts)
    if not report.regional:
        err("  the check round did not reach the region")
    return wire(counts, "windows"), counts["windows"][2]


def relay_idle(centre: Centre) -> dict[str, float]:
    """The relay's regional cost while nothing happens, from its idle cycle as the relay makes it (its
    updates and its laptops' chains, asked from where it stands, signed with its key, through its proxy)
    and its device list, at the mirror's idle cadence (``mirror.INTERVAL * mirror.IDLE_FACTOR``) and
    list cadence (``mirror.DEVICES_EVERY``): an hour of an idle relay is too long to wait for here."""
    from hub.relay import mirror
    from hub.relay import store as relay_store
    from hub.relay.state import RelayDir
    from sync.client import HubClient

    assert centre.relay is not None
    directory = RelayDir(centre.relay.directory)
    config = directory.config()
    made = relay_store.open_database(directory)
    try:
        from sqlalchemy.orm import Session

        with Session(made) as session:
            cursor = relay_store.get_meta(session, relay_store.UPDATES_CURSOR)
            after = int(relay_store.get_meta(session, relay_store.UPSTREAM_AFTER) or 0)
            chains = relay_store.laptop_chains(session, config.station)
    finally:
        made.dispose()
    client = HubClient(centre.link.proxies["relay"].url, config.station, directory.device_key(), key_id=config.keyid,
                       timeout=TIMEOUT)
    def mirror_cycle(cursor: str, after: int) -> tuple[str, int, bool]:
        """The relay's cycle as it asks upstream: (updates cursor, feed number, more waiting)."""
        page = client.pull(cursor or None, limit=mirror.UPDATES_PAGE)
        peers = client.peers(after, protocol.MAX_PEER_PAGE, chains=chains) if chains else None
        return (page["cursor"], peers.after if peers else after,
                bool(page.get("more")) or bool(peers and peers.more))

    # First from where the relay stands (its mirror may not have caught up: the laptops' chains it has
    # from the laptops themselves, waiting in its backoff), counted with the run; then the idle cycle.
    more = True
    while more:
        cursor, after, more = mirror_cycle(cursor, after)
    add(centre.link.totals, centre.link.take())
    mirror_cycle(cursor, after)
    cycle = centre.link.take()
    client.devices()
    listed = centre.link.take()
    for counts in (cycle, listed):
        add(centre.link.totals, counts)
    cycles_an_hour = 3600 / (mirror.INTERVAL * mirror.IDLE_FACTOR)
    lists_an_hour = 3600 / mirror.DEVICES_EVERY.total_seconds()
    return {"cycle_wire": wire(cycle, "relay"), "cycle_requests": cycle["relay"][2],
            "list_wire": wire(listed, "relay"), "cycles_an_hour": cycles_an_hour, "lists_an_hour": lists_an_hour,
            "per_hour": cycles_an_hour * wire(cycle, "relay") + lists_an_hour * wire(listed, "relay"),
            "requests_per_hour": cycles_an_hour * cycle["relay"][2] + lists_an_hour * listed["relay"][2]}


# -- figure 1 ------------------------------------------------------------------------------------
@dataclass
class WindowLoop:
    """A window's sync loop as ``ui.sync_service`` runs it: a tick every 10 s, the scheduler decides."""

    station: Station  # the companion connection, used by this loop's thread alone
    tick_phase: float
    scheduler: SyncScheduler
    on_round: Any = None
    stop: threading.Event = field(default_factory=threading.Event)
    rounds: list[tuple[float, float, bool, str | None]] = field(default_factory=list)

    def run(self) -> None:
        next_tick = time.monotonic() + self.tick_phase
        while not self.stop.wait(max(0.0, next_tick - time.monotonic())):
            next_tick += UI_TICK_S
            if self.scheduler.due():
                t0 = time.monotonic()
                report = self.scheduler.step()
                if report is not None:
                    self.rounds.append((t0, time.monotonic(), report.relayed, report.error))
                    if self.on_round is not None:
                        self.on_round(self)


def continue_elsewhere(args: argparse.Namespace, centre: Centre) -> dict[str, Any]:
    """Figure 1: regional link down; window 1 takes cases in, window 3 (its own loop) finds and hands them over."""
    rng = random.Random(args.seed + 7)
    centre.link.set(down=True)
    w1, w3 = centre.windows[0], centre.windows[min(2, len(centre.windows) - 1)]
    found: dict[str, float] = {}
    handed: dict[str, str] = {}
    taken_at: dict[str, float] = {}
    lock = threading.Lock()

    def look(loop: WindowLoop) -> None:
        with lock:
            waiting = [c for c in taken_at if c not in found]
        for case_no in waiting:
            try:
                case = cases.get_case(loop.station, case_no, log_access=False)
            except BianminError:
                continue
            if case.status is CaseStatus.concluded:
                try:
                    cases.deliver(loop.station, case_no, method=DeliveryMethod.counter, recipient=case.applicant.name)
                    handed[case_no] = "delivered"
                except BianminError as exc:
                    handed[case_no] = exc.code
                with lock:
                    found[case_no] = time.monotonic()

    loops: list[WindowLoop] = []
    threads: list[threading.Thread] = []
    companions: list[Station] = []
    try:
        for w in centre.windows:
            comp = w.companion()
            companions.append(comp)
            sched = SyncScheduler(run=functools.partial(engine.run_once, comp, scheduled=True),
                                  probe=functools.partial(engine.probe, comp))
            # As after a while of outage: the backoff is past the relay's 30 s; the next round at a random moment.
            sched.failures = 8
            sched.next_at = time.monotonic() + rng.uniform(0, sched.relay_every)
            loop = WindowLoop(comp, rng.uniform(0, UI_TICK_S), sched, look if w is w3 else None)
            loops.append(loop)
            threads.append(threading.Thread(target=loop.run, name=f"window-{w.device_no}", daemon=True))
        for t in threads:
            t.start()
        taker = Taker(w1, random.Random(args.seed + 11))
        start = time.monotonic()
        for _ in range(args.samples):
            time.sleep(rng.uniform(args.sample_gap / 2, args.sample_gap * 1.5))
            case_no = None
            for _ in range(20):  # an application accepted (not refused, deferred, ...), concluded on the spot
                case_no = taker.take()
                if case_no is not None and cases.get_case(w1, case_no, log_access=False).status is CaseStatus.accepted:
                    break
            else:
                continue
            assert case_no is not None
            cases.set_status(w1, case_no, CaseStatus.concluded, outcome=Outcome.approved)
            with lock:
                taken_at[case_no] = time.monotonic()
        deadline = time.monotonic() + 4 * (SyncScheduler.relay_every + UI_TICK_S) + 30
        while time.monotonic() < deadline:
            with lock:
                if len(found) == len(taken_at):
                    break
            time.sleep(0.5)
        elapsed = time.monotonic() - start
    finally:
        for loop in loops:
            loop.stop.set()
        for t in threads:
            t.join(timeout=120)
        for c in companions:
            c.close()
        centre.link.set(down=False)
    waits = [found[c] - taken_at[c] for c in taken_at if c in found]
    all_rounds = [r for loop in loops for r in loop.rounds]
    gaps = [b[0] - a[0] for loop in loops for a, b in zip(loop.rounds, loop.rounds[1:], strict=False)]
    return {
        "samples": len(taken_at), "found": len(waits), "not_found": len(taken_at) - len(waits),
        "seconds": [round(x, 1) for x in waits],
        "median_s": round(statistics.median(waits), 1) if waits else None,
        "max_s": round(max(waits), 1) if waits else None,
        "handed_over": handed, "elapsed_s": round(elapsed, 1),
        "rounds": len(all_rounds), "rounds_relayed": sum(1 for r in all_rounds if r[2]),
        "round_seconds_mean": round(statistics.mean([r[1] - r[0] for r in all_rounds]), 2) if all_rounds else None,
        "round_gap_median_s": round(statistics.median(gaps), 1) if gaps else None,
        "round_errors": sorted({str(r[3]) for r in all_rounds}),
    }


# -- main -----------------------------------------------------------------------------------------
def parse_args(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--days", type=int, default=5, help="simulated days (default 5)")
    ap.add_argument("--windows", type=int, default=6, help="windows, devices 01.. (default 6)")
    ap.add_argument("--cases-per-day", type=int, default=60, help="new cases a window takes a day (default 60)")
    ap.add_argument("--laptops", type=int, default=2, help="work-team laptops, devices 80.. (default 2)")
    ap.add_argument("--laptop-cases-per-day", type=int, default=10, help="cases a laptop takes a day (default 10)")
    ap.add_argument("--rounds-per-day", type=int, default=4,
                    help="sessions a day, each ending with one sync round per window (default 4)")
    ap.add_argument("--conclude", type=float, default=0.5,
                    help="chance, per session, that a window concludes one of its accepted cases (default 0.5)")
    ap.add_argument("--deliver", type=float, default=0.5,
                    help="chance, per session, that a concluded case is handed over (default 0.5)")
    ap.add_argument("--scans", type=int, default=3,
                    help="scans added at the first window after the days, measured apart (default 3; 0: none)")
    ap.add_argument("--scan-side", type=int, default=300, help="their width in pixels (default 300: about 60 KB)")
    ap.add_argument("--kbit", type=float, default=512, help="regional link bandwidth each way, kbit/s (default 512)")
    ap.add_argument("--rtt-ms", type=float, default=300, help="regional round trip added per request, ms (default 300)")
    ap.add_argument("--samples", type=int, default=5, help="cases timed for figure 1 (default 5)")
    ap.add_argument("--sample-gap", type=float, default=12.0, help="seconds between them, about (default 12)")
    ap.add_argument("--office-hours", type=float, default=8.0,
                    help="a real day's opening hours, for the real-day estimate (default 8)")
    ap.add_argument("--no-baseline", action="store_true", help="skip the single-device baseline")
    ap.add_argument("--quick", action="store_true",
                    help="a smoke run: 1 day, 3 windows, 12 cases a day, 1 laptop, 2 samples")
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--keep", type=Path, metavar="DIR", help="make everything in DIR and keep it")
    ap.add_argument("--json-out", type=Path, metavar="FILE", help="also write the JSON figures to FILE")
    args = ap.parse_args(argv)
    if args.quick:
        args.days, args.windows, args.cases_per_day, args.laptops = 1, 3, 12, 1
        args.laptop_cases_per_day, args.rounds_per_day, args.samples, args.sample_gap = 4, 2, 2, 5.0
        args.scans = 1
    if (args.days < 1 or not 1 <= args.windows <= 79 or args.cases_per_day < 1 or not 0 <= args.laptops <= 10
            or args.laptop_cases_per_day < 0 or args.rounds_per_day < 1 or args.kbit <= 0 or args.rtt_ms < 0
            or args.samples < 0 or args.cases_per_day * args.days > 999 * args.days):
        ap.error("bad option value")
    return args


def window_nos(n: int) -> list[str]:
    return [f"{i:02d}" for i in range(1, n + 1)]


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    work = args.keep or Path(tempfile.mkdtemp(prefix="bianmin-bench-centre-"))
    work.mkdir(parents=True, exist_ok=True)
    t_start = time.monotonic()
    figures: dict[str, Any] = {
        "env": {"python": platform.python_version(), "platform": platform.platform(), "cpus": os.cpu_count(),
                "loadavg_start": [round(x, 2) for x in os.getloadavg()]},
        "args": {k: (str(v) if isinstance(v, Path) else v) for k, v in vars(args).items()},
    }
    print(f"Bianmin centre benchmark  python {platform.python_version()}  {os.cpu_count()} CPUs  "
          f"load {figures['env']['loadavg_start']}")
    scale = "" if (args.days, args.windows, args.cases_per_day, args.laptops) == (5, 6, 60, 2) else \
        "  (SCALED DOWN from the issue's 6 windows x 60 cases x 5 days, 2 laptops)"
    print(f"centre: {args.windows} windows x {args.cases_per_day} cases a day, {args.laptops} laptops x "
          f"{args.laptop_cases_per_day} a day (one bundle each on the last day), {args.days} days, "
          f"{args.rounds_per_day} rounds a day per window{scale}")
    print(f"regional link: {args.kbit:g} kbit/s each way, RTT {args.rtt_ms:g} ms; LAN: 1 ms each way; "
          f"work dir {work}{' (kept)' if args.keep else ' (temporary)'}")
    per_window = args.cases_per_day
    centre: Centre | None = None
    base: Centre | None = None
    try:
        # -- the centre --
        print("\n== Centre: windows through the relay, the laptops' bundles at the windows", flush=True)
        t0 = time.monotonic()
        centre = build(args, work / "centre", "centre", window_nos(args.windows), relay=True)
        centre.link.take()  # enrolment and the first rounds are set-up, not counted
        centre.rounds, centre.round_errors = 0, {}
        setup_s = time.monotonic() - t0
        run_t0 = time.monotonic()
        sim = simulate(args, centre, per_window)
        add(centre.link.totals, centre.link.take())
        run_s = time.monotonic() - run_t0
        cons = consistency(centre)
        total_cases = centre.taken + centre.laptop_taken
        totals = {k: list(v) for k, v in centre.link.totals.items()}
        regional = sum(v[0] + v[1] for v in totals.values())
        scan_fig = scans_phase(args, centre) if args.scans else None
        idle_w, idle_w_req = idle_round(centre, centre.windows[0])
        check_w, check_w_req = check_round(centre, centre.windows[0])
        relay_fig = relay_idle(centre)
        idle_r, idle_r_req = relay_fig["per_hour"], relay_fig["requests_per_hour"]
        sizes = {w.device_no: db_size(w) for w in centre.windows}
        held_cases = {w.device_no: holdings(w)[0] for w in centre.windows}
        lan_stats = centre.lan.reset_stats() if centre.lan else None
        figures["centre"] = {
            "setup_s": round(setup_s, 1), "run_s": round(run_s, 1), **sim,
            "window_cases": centre.taken, "laptop_cases": centre.laptop_taken, "cases": total_cases,
            "actions": centre.actions, "rounds": centre.rounds, "round_errors": centre.round_errors,
            "regional_by_user": totals, "regional_total": regional,
            "regional_per_case": round(regional / max(1, total_cases), 1),
            "lan_total": (lan_stats.bytes_up + lan_stats.bytes_down) if lan_stats else None,
            "bundles": centre.bundles, "consistency": cons, "scans": scan_fig,
            "idle_round_wire": idle_w, "idle_round_requests": idle_w_req,
            "idle_relay_wire_per_hour": round(idle_r), "idle_relay_requests_per_hour": round(idle_r_req),
            "relay_idle": relay_fig, "check_round_wire": check_w, "check_round_requests": check_w_req,
            "store_bytes": sizes, "store_cases": held_cases,
            "store_bytes_per_case": {k: round(sizes[k] / max(1, held_cases[k])) for k in sizes},
        }
        c = figures["centre"]
        print(f"made {total_cases} cases ({centre.taken} at windows, {centre.laptop_taken} on laptops), "
              f"{centre.actions} counter actions, {centre.rounds} rounds; set-up {setup_s:.0f} s, days {run_s:.0f} s "
              f"(work {sim['seconds_work']:.0f} s, rounds {sim['seconds_rounds']:.0f} s, bundles "
              f"{sim['seconds_bundles']:.0f} s), quiet after {sim['quiet_turns']} turns")
        print(f"consistent: hub {cons['hub_events']} events; every window the same events: "
              f"{cons['same_events_everywhere']}, the same case states: {cons['same_states_everywhere']}; "
              f"{cons['cases_union']} cases; round errors {centre.round_errors or 'none'}")
        by = ", ".join(f"{k} {kb(v[0] + v[1])} ({v[2]} requests)" for k, v in totals.items())
        print(f"regional bytes: {kb(regional)} = {kb(regional / max(1, total_cases))} per case | by user: {by}")
        for b in centre.bundles:
            print(f"  bundle of laptop {b['laptop']} at window {b['window']}: {b['events']} events, {kb(b['size'])}, "
                  f"forward {kb(b['forward_wire'])}; the laptop's round after the ack {kb(b['laptop_round_wire'])} "
                  f"(took {b['laptop_round_peers_taken']} peer events from the "
                  f"{'relay' if b['laptop_round_relayed'] else 'region'})")
        if scan_fig:
            print(f"scans (apart from the per-case figures): {scan_fig['scans']} scans at window 01, "
                  f"{kb(scan_fig['stored_bytes'])} stored -> {kb(scan_fig['regional'])} on the regional link "
                  f"(up {kb(scan_fig['regional_up'])}, down {kb(scan_fig['regional_down'])}) = "
                  f"{scan_fig['per_scan_byte']:.2f}x their size; attachments held per window {scan_fig['held']}")
        print(f"idle: a window's own round with nothing new {kb(idle_w)} ({idle_w_req} requests); its hourly check "
              f"{kb(check_w)} ({check_w_req} requests); the relay idle {kb(idle_r)} an hour ({idle_r_req:.0f} "
              f"requests: a cycle {kb(relay_fig['cycle_wire'])} x {relay_fig['cycles_an_hour']:.0f}, its device list "
              f"{kb(relay_fig['list_wire'])} x {relay_fig['lists_an_hour']:.0f})")

        # -- figure 1 --
        if args.samples:
            print("\n== Figure 1: regional link down; window 1 takes a case in, window 3's own loop finds and "
                  "hands it over", flush=True)
            f1 = continue_elsewhere(args, centre)
            figures["continue"] = f1
            ok = f1["max_s"] is not None and f1["max_s"] <= CONTINUE_TARGET_S and not f1["not_found"]
            print(f"time to continue at another window: median {f1['median_s']} s, max {f1['max_s']} s over "
                  f"{f1['found']}/{f1['samples']} cases (target <= {CONTINUE_TARGET_S:g} s) {mark(ok)} | "
                  f"each: {f1['seconds']} | handed over: {sorted(set(f1['handed_over'].values()))}")
            print(f"  {f1['rounds']} rounds by the {len(centre.windows)} loops ({f1['rounds_relayed']} reached the "
                  f"relay), a round "
                  f"{f1['round_seconds_mean']} s on average, {f1['round_gap_median_s']} s between a loop's rounds "
                  f"(median); errors {f1['round_errors']}")
            add(centre.link.totals, centre.link.take())
            figures["centre"]["after_continue_quiet_turns"] = quiet(centre)
            figures["centre"]["consistency_after_continue"] = consistency(centre)

        # -- the baseline --
        if not args.no_baseline:
            print("\n== Baseline: one store (device 00, no relay) takes the same number of cases, same laptops",
                  flush=True)
            bargs = argparse.Namespace(**vars(args))
            bargs.windows = 1
            t0 = time.monotonic()
            base = build(bargs, work / "baseline", "baseline", ["00"], relay=False)
            base.link.take()
            base.rounds, base.round_errors = 0, {}
            bsetup = time.monotonic() - t0
            run_t0 = time.monotonic()
            bsim = simulate(bargs, base, per_window * args.windows)
            add(base.link.totals, base.link.take())
            brun = time.monotonic() - run_t0
            btotals = {k: list(v) for k, v in base.link.totals.items()}
            bregional = sum(v[0] + v[1] for v in btotals.values())
            bcases = base.taken + base.laptop_taken
            bscan = scans_phase(bargs, base) if args.scans else None
            bidle, bidle_req = idle_round(base, base.windows[0])
            bsize = db_size(base.windows[0])
            bheld = holdings(base.windows[0])[0]
            figures["baseline"] = {
                "setup_s": round(bsetup, 1), "run_s": round(brun, 1), **bsim, "window_cases": base.taken,
                "laptop_cases": base.laptop_taken, "cases": bcases, "actions": base.actions, "rounds": base.rounds,
                "round_errors": base.round_errors, "scans": bscan, "regional_by_user": btotals,
                "regional_total": bregional,
                "regional_per_case": round(bregional / max(1, bcases), 1), "bundles": base.bundles,
                "idle_round_wire": bidle, "idle_round_requests": bidle_req,
                "store_bytes": bsize, "store_cases": bheld, "store_bytes_per_case": round(bsize / max(1, bheld)),
            }
            b = figures["baseline"]
            by = ", ".join(f"{k} {kb(v[0] + v[1])} ({v[2]} requests)" for k, v in btotals.items())
            print(f"made {bcases} cases, {base.actions} counter actions, {base.rounds} rounds; days {brun:.0f} s | "
                  f"regional bytes {kb(bregional)} = {kb(bregional / max(1, bcases))} per case | by user: {by}; "
                  f"idle round {kb(bidle)}")
            if bscan:
                print(f"scans: {bscan['scans']} scans, {kb(bscan['stored_bytes'])} stored -> {kb(bscan['regional'])} "
                      f"on the regional link = {bscan['per_scan_byte']:.2f}x their size")

        # -- figures 2 and 3 --
        print("\n== Figures", flush=True)
        if "baseline" in figures:
            b = figures["baseline"]
            ratio = c["regional_per_case"] / b["regional_per_case"]
            figures["ratio_as_run"] = round(ratio, 3)
            print(f"Figure 2, regional bytes per case: centre {kb(c['regional_per_case'])} vs one device "
                  f"{kb(b['regional_per_case'])} -> {ratio:.2f}x (target <= {RATIO_TARGET}) "
                  f"{mark(ratio <= RATIO_TARGET)}"
                  f"  [as run: {args.rounds_per_day} rounds a day per device, the relay on for {c['run_s']:.0f} s]")
            extra = {k: (v[0] + v[1]) - sum(b["regional_by_user"].get(k, [0, 0])[:2])
                     for k, v in c["regional_by_user"].items()}
            more_req = {k: v[2] - b["regional_by_user"].get(k, [0, 0, 0])[2] for k, v in c["regional_by_user"].items()}
            figures["extra_over_baseline"] = {"bytes": extra, "requests": more_req}
            print("  where the centre's extra bytes go (as run, centre minus one device): " + ", ".join(
                f"{k} {'+' if extra[k] >= 0 else ''}{kb(extra[k])} ({more_req[k]:+d} requests)" for k in extra))
            # The windows' own traffic alone (the laptops' apart: at the centre they take the station's feed
            # from the relay, the baseline's from the region, which is most of the difference above).
            def side(fig: dict[str, Any]) -> int:
                return sum(v[0] + v[1] for k, v in fig["regional_by_user"].items() if k in ("windows", "relay"))

            c_win, b_win = side(c) / max(1, c["window_cases"]), side(b) / max(1, b["window_cases"])
            figures["windows_alone"] = {"centre_per_window_case": round(c_win),
                                        "baseline_per_window_case": round(b_win), "ratio": round(c_win / b_win, 3)}
            print(f"  the windows' side alone (windows and relay; the laptops' rounds apart): centre {kb(c_win)} vs "
                  f"one device {kb(b_win)} per window case -> {c_win / b_win:.2f}x (a breakdown, not figure 2: "
                  f"each window sends its own cases in pushes a sixth the size, which gzip packs less tightly "
                  f"(about 104 B an event at 60 a push against 90 B at 300), each with its own headers)")
            # A real day: the same case-driven bytes, and the time-driven ones of a whole opening day.
            rounds_real = args.office_hours * 3600 / SyncScheduler.interval
            days = args.days
            c_rounds_day = c["rounds"] / days
            b_rounds_day = b["rounds"] / days
            c_case_bytes = (c["regional_total"] - c["rounds"] * c["idle_round_wire"]
                            - c["run_s"] / 3600 * c["idle_relay_wire_per_hour"]) / days
            b_case_bytes = (b["regional_total"] - b["rounds"] * b["idle_round_wire"]) / days
            c_day = (c_case_bytes + args.windows * rounds_real * c["idle_round_wire"]
                     + args.office_hours * c["idle_relay_wire_per_hour"]
                     + args.windows * args.office_hours * 3600 / engine.REGION_EVERY.total_seconds()
                     * c["check_round_wire"])
            b_day = b_case_bytes + rounds_real * b["idle_round_wire"]
            c_per = c_day / (c["cases"] / days)
            b_per = b_day / (b["cases"] / days)
            real = c_per / b_per
            # The other reading of "today's single-device figure": a PC station as today, one window's load
            # (--cases-per-day) with its own rounds, its case-driven bytes per case as the baseline's.
            b_single = (b_case_bytes / (b["cases"] / days) * args.cases_per_day
                        + rounds_real * b["idle_round_wire"]) / args.cases_per_day
            case_only = (c_case_bytes / (c["cases"] / days)) / (b_case_bytes / (b["cases"] / days))
            figures["real_day"] = {
                "rounds_per_device": rounds_real, "centre_case_driven_per_day": round(c_case_bytes),
                "baseline_case_driven_per_day": round(b_case_bytes), "centre_per_day": round(c_day),
                "baseline_per_day": round(b_day), "centre_per_case": round(c_per), "baseline_per_case": round(b_per),
                "ratio": round(real, 3), "ratio_case_driven_only": round(case_only, 3),
                "single_pc_per_case": round(b_single), "ratio_single_pc": round(c_per / b_single, 3),
                "centre_rounds_per_day_as_run": c_rounds_day, "baseline_rounds_per_day_as_run": b_rounds_day,
            }
            print(f"  a real day (estimate): {args.office_hours:g} h open, a round every "
                  f"{SyncScheduler.interval:g} s ({rounds_real:.0f} a device), the relay on meanwhile: centre "
                  f"{kb(c_per)} vs one device {kb(b_per)} per case -> {real:.2f}x {mark(real <= RATIO_TARGET)}; "
                  f"case-driven bytes alone {case_only:.2f}x; idle round {kb(c['idle_round_wire'])} per window vs "
                  f"{kb(b['idle_round_wire'])}, relay {kb(c['idle_relay_wire_per_hour'])} an hour")
            print(f"  the same day against a PC station as today with one window's load ({args.cases_per_day} cases a "
                  f"day, its own rounds): {kb(b_single)} per case -> {c_per / b_single:.2f}x "
                  f"{mark(c_per / b_single <= RATIO_TARGET)}")
        sizes_line = ", ".join(f"{k}: {v / 1000:.1f} KB" for k, v in c["store_bytes_per_case"].items())
        held_each = sorted(set(c["store_cases"].values()))
        print(f"Figure 3, store size per case on each window ({held_each} cases held): {sizes_line}"
              + (f" | one device: {figures['baseline']['store_bytes_per_case'] / 1000:.1f} KB"
                 if "baseline" in figures else ""))
        if "continue" in figures:
            f1 = figures["continue"]
            print(f"Figure 1, continue at another window with the region down: median {f1['median_s']} s, max "
                  f"{f1['max_s']} s (target <= {CONTINUE_TARGET_S:g} s)")
    finally:
        for made in (centre, base):
            if made is not None:
                made.close()
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    figures["total_s"] = round(time.monotonic() - t_start, 1)
    figures["env"]["loadavg_end"] = [round(x, 2) for x in os.getloadavg()]
    print(f"total {figures['total_s']:.0f} s")
    emit(figures, args.json_out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
