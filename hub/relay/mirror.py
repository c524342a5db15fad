"""What the relay takes from the regional hub, in the background while it serves: the platform's
updates for every device of the station (``GET /v1/updates`` as a relay: each with the device it is
addressed to), the station's device list with the devices' keys, and the events of the station's
laptops (``GET /v1/peers?chains=80,81``), which no window pushes to it. The windows then take all
three from the relay, and a window with nothing of its own to send does not touch the regional
link at all: the relay is the centre's one poller of the region.

A cycle: updates, the device list when due, the laptops' events. The list is read again when the
digest upstream gives with every page of updates (``protocol.roster_version``) differs from the
digest of the list the relay holds (a device enrolled, renamed or revoked: a revoked window is
refused here from that cycle on), and every ``DEVICES_EVERY`` (when each device was last heard from).
Updates are kept under upstream's ids with upstream's cursor after them, a page and its cursor in one
transaction.

Each page of mirrored events is stored (the hub's verdict, signed as the relay: it may hand in the
other chains of its station) together with the upstream feed number after it, in one transaction:
a relay killed in the middle fetches that page again and stores nothing twice. When the set of
laptops changes the mirror starts again from the beginning of the feed (what it holds already is
answered "duplicate"), so a laptop enrolled later loses none of its events.

Upstream down is the normal case this relay exists for: the cycle is skipped, and tried again.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import threading
from dataclasses import dataclass

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from app.errors import SyncError
from hub.dependencies import retrying
from hub.journal import store_batch
from hub.relay import store
from hub.relay.state import RelayConfig, RelayDir
from hub.routes.devices import roster_version
from sync import protocol
from sync.client import HubClient

log = logging.getLogger(__name__)

INTERVAL = 5.0  # seconds between cycles while laptops' events arrive
IDLE_FACTOR = 60  # while none arrive, the wait doubles up to this many intervals (5 minutes by default)
DEVICES_EVERY = dt.timedelta(minutes=30)
TIMEOUT = (5.0, 30.0)
UPDATES_PAGE = 500  # the hub's largest page of updates


def upstream_client(directory: RelayDir, config: RelayConfig) -> HubClient:
    return HubClient(config.upstream, config.station, directory.device_key(), key_id=config.keyid,
                     ca_bundle=config.ca_bundle or None, timeout=TIMEOUT)


@dataclass
class CycleReport:
    devices: bool = False  # the device list was read
    digest: str | None = None  # the device list's digest upstream gave with its last page
    mirrored: int = 0  # laptop events new to the relay
    updates: int = 0  # the platform's updates new to the relay
    refused: int = 0
    error: str = ""


class Mirror:
    """One relay's link to upstream: ``cycle()`` once, or ``start()`` a thread that cycles."""

    def __init__(self, engine: Engine, directory: RelayDir, config: RelayConfig, interval: float = INTERVAL,
                 devices_every: dt.timedelta = DEVICES_EVERY) -> None:
        self.engine = engine
        self.config = config
        self.client = upstream_client(directory, config)
        self.interval = interval
        self.devices_every = devices_every
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def _devices_due(self, digest: str | None) -> bool:
        with Session(self.engine) as session:
            last = store._moment(store.get_meta(session, store.DEVICES_AT))
            held = roster_version(session, self.config.station) if digest is not None else None
        if last is None or digest != held:
            return True
        age = dt.datetime.now(dt.UTC) - last
        return age < dt.timedelta(0) or age >= self.devices_every

    def refresh_devices(self) -> None:
        listed = self.client.devices()
        moment = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")

        def work(session: Session) -> None:
            store.cache_devices(session, self.config.station, listed)
            store.set_meta(session, store.DEVICES_AT, moment)
            store.set_meta(session, store.UPSTREAM_OK_AT, moment)

        retrying(self.engine, work)
        log.info("device list read from upstream: %d devices", len(listed.devices))

    def mirror_laptops(self, report: CycleReport) -> None:
        signer = protocol.Signer(station=self.config.station, device=self.config.device, relay=True)
        while True:
            with Session(self.engine) as session:
                chains = store.laptop_chains(session, self.config.station)
                covered = store.get_meta(session, store.UPSTREAM_CHAINS)
                after = int(store.get_meta(session, store.UPSTREAM_AFTER) or 0)
            if not chains:
                return
            wanted = ",".join(chains)
            if covered != wanted:
                after = 0  # a laptop new to the relay: its events may lie anywhere in the feed
            page = self.client.peers(after, protocol.MAX_PEER_PAGE, chains=chains)
            events = [e.to_wire() for e in page.events if e.station == self.config.station]

            results = retrying(self.engine, functools.partial(self._keep, signer, events, max(page.after, after),
                                                              wanted))
            report.mirrored += sum(1 for r in results if r.status is protocol.PushStatus.stored)
            refused = [r for r in results if r.status is protocol.PushStatus.rejected]
            if refused:
                report.refused += len(refused)
                log.warning("%d laptop events from upstream refused: %s", len(refused),
                            ", ".join(sorted({str(r.reason) for r in refused})))
            if not page.more or page.after <= after:
                return

    def mirror_updates(self, report: CycleReport) -> None:
        """The platform's updates for every device of the station, page by page, each page kept with
        upstream's cursor after it in one transaction (a relay killed in between asks for that page
        again and keeps nothing twice: the ids are upstream's)."""
        while True:
            with Session(self.engine) as session:
                cursor = store.get_meta(session, store.UPDATES_CURSOR)
            page = self.client.pull(cursor or None, limit=UPDATES_PAGE)
            if isinstance(page.get("devices"), str):
                report.digest = page["devices"]
            try:
                updates = [protocol.Update.from_wire(u) for u in page["updates"]]
            except protocol.Malformed as exc:
                log.warning("upstream's page of updates not kept: %s", exc)
                return
            report.updates += retrying(self.engine, functools.partial(store.keep_updates, station=self.config.station,
                                                                      updates=updates, cursor=page["cursor"]))
            if not page.get("more") or not updates:
                return

    @staticmethod
    def _keep(signer: protocol.Signer, events: list[dict[str, object]], after: int, chains: str,
              session: Session) -> list[protocol.EventResult]:
        """A page of mirrored events and the feed number after it, in one transaction."""
        results = store_batch(session, signer, events) if events else []
        store.set_meta(session, store.UPSTREAM_AFTER, str(after))
        store.set_meta(session, store.UPSTREAM_CHAINS, chains)
        return results

    def cycle(self, force_devices: bool = False) -> CycleReport:
        report = CycleReport()
        try:
            with Session(self.engine) as session:
                first = not store.get_meta(session, store.DEVICES_AT)
            if force_devices or first:  # the laptops are known from the list: read it before their events
                self.refresh_devices()
                report.devices = True
            self.mirror_updates(report)
            if not report.devices and self._devices_due(report.digest):
                self.refresh_devices()
                report.devices = True
            self.mirror_laptops(report)
        except SyncError as exc:
            report.error = exc.code
            log.info("upstream not reached (%s): serving with what the relay holds", exc.code)
        return report

    def _run(self) -> None:
        wait = self.interval
        while not self._stop.is_set():
            try:
                report = self.cycle()
                # Nothing new: ask less often, up to IDLE_FACTOR times the interval (5 minutes by default);
                # something new (a bundle forwarded, a laptop synced): at the interval again.
                # (Updates do not: they come one at a time, a page holds a burst, and each would cost
                # the region six more quick cycles.)
                wait = self.interval if report.mirrored else min(wait * 2, self.interval * IDLE_FACTOR)
            except Exception:  # a boundary: the mirror must not die and leave the cache to age
                log.exception("relay mirror cycle failed")
            self._stop.wait(wait)

    def start(self) -> Mirror:
        self._thread = threading.Thread(target=self._run, name="relay-mirror", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=10)
            self._thread = None
