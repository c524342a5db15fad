"""What the relay takes from the regional hub, in the background while it serves: the station's
device list with the devices' public keys (every ``DEVICES_EVERY`` seconds), and the events of the
station's laptops (``GET /v1/peers?chains=80,81``), which no window pushes to it.

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
from sync import protocol
from sync.client import HubClient

log = logging.getLogger(__name__)

INTERVAL = 5.0  # seconds between cycles while laptops' events arrive
IDLE_FACTOR = 12  # while none arrive, the wait doubles up to this many intervals (a minute by default)
DEVICES_EVERY = dt.timedelta(seconds=60)
TIMEOUT = (5.0, 30.0)


def upstream_client(directory: RelayDir, config: RelayConfig) -> HubClient:
    return HubClient(config.upstream, config.station, directory.device_key(), key_id=config.keyid,
                     ca_bundle=config.ca_bundle or None, timeout=TIMEOUT)


@dataclass
class CycleReport:
    devices: bool = False  # the device list was read
    mirrored: int = 0  # laptop events new to the relay
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

    def _devices_due(self) -> bool:
        with Session(self.engine) as session:
            last = store._moment(store.get_meta(session, store.DEVICES_AT))
        return last is None or dt.datetime.now(dt.UTC) - last >= self.devices_every

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
            if force_devices or self._devices_due():
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
                # Nothing new: ask less often, up to IDLE_FACTOR times the interval (a minute by default);
                # something new (a bundle forwarded, a laptop synced): at the interval again.
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
