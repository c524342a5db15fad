"""When to sync: every few minutes while the link is up, with backoff while it is down.

No Qt and no threads here: ``SyncScheduler.step()`` does one decision and at most one round;
the window calls it from its worker thread, ``bianmin sync --watch`` from a plain loop.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from app.errors import BianminError, LinkDown
from sync.backoff import Backoff
from sync.engine import SyncReport

log = logging.getLogger(__name__)


DUE_SLACK = 1.0  # seconds


@dataclass
class SyncScheduler:
    run: Callable[[], SyncReport]  # one sync round
    probe: Callable[[], object]  # a cheap request; raises LinkDown while the link is down
    interval: float = 300.0  # seconds between rounds while all is well
    relay_every: float = 30.0  # at most this long between rounds while the centre's relay answers
    backoff: Backoff = field(default_factory=Backoff)
    now: Callable[[], float] = time.monotonic
    failures: int = 0
    next_at: float = 0.0
    last: SyncReport | None = None
    run_now: Callable[[], SyncReport] | None = None  # the round a person asks for (default: ``run``)

    def due(self) -> bool:
        # A tick that comes a moment before the round is due runs it (the window ticks every 10 s: a round
        # due 0.1 s after a tick would otherwise wait for the next tick, 40 s between relay rounds, not 30).
        return self.now() >= self.next_at - DUE_SLACK

    def sync_now(self) -> SyncReport:
        """The clerk's "sync now": a round at once, whatever the schedule says."""
        self.next_at = 0.0
        report = self.step(now=True)
        assert report is not None
        return report

    def step(self, now: bool = False) -> SyncReport | None:
        """A round when one is due: after failures, only once the probe finds the link back."""
        if not self.due():
            return None
        if self.failures:
            try:
                self.probe()
            except LinkDown:
                return self._failed(SyncReport(error=LinkDown.code))
            except BianminError as exc:
                return self._failed(SyncReport(error=exc.code))
        report = (self.run_now or self.run)() if now else self.run()
        return self._failed(report) if not report.ok else self._succeeded(report)

    def _failed(self, report: SyncReport) -> SyncReport:
        self.failures += 1
        delay = self.backoff.delay(self.failures)
        if report.relayed:  # the region is out but the centre's relay answered: keep sharing on the LAN
            delay = min(delay, self.relay_every)
        self.next_at = self.now() + delay
        self.last = report
        log.info("sync failed (%s); next try in %.0f s", report.error, self.next_at - self.now())
        return report

    def _succeeded(self, report: SyncReport) -> SyncReport:
        self.failures = 0
        # The centre's relay answered: the windows share their work on the centre's network every half
        # minute (the round goes on to the region only as often as without a relay: ``run_once(scheduled=True)``).
        self.next_at = self.now() + (min(self.interval, self.relay_every) if report.relayed else self.interval)
        self.last = report
        return report

    def seconds_to_next(self) -> float:
        return max(0.0, self.next_at - self.now())
