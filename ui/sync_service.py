"""Sync in the window: its own thread and its own connection to the store, on a schedule.

A round on a 256 kbit/s link can take minutes; it runs on a second worker thread with a second
connection (``Station.companion()``), so the clerk's searches and intakes never wait for it. The
scheduler (``sync/scheduler.py``) decides when: every few minutes while the link is up, with
capped, jittered backoff and a cheap probe while it is down; "sync now" (F5) goes at once.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from app.station import Station
from sync import engine
from sync.engine import SyncReport
from sync.scheduler import SyncScheduler
from ui.session import Session
from ui.tasks import TaskRunner

log = logging.getLogger(__name__)


class SyncService(QObject):
    synced = Signal(object)  # SyncReport
    started = Signal()  # the sync connection is open: the indicator can ask

    def __init__(self, session: Session, tick_ms: int = 10_000, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.runner = TaskRunner(self)
        self.station: Station | None = None
        self.scheduler: SyncScheduler | None = None
        self._running = False
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.tick)
        self._tick_ms = tick_ms
        session.logged_in.connect(self.start)
        session.logged_out.connect(self.stop)

    # -- what the indicator calls on the sync thread ----------------------------------------------
    def status(self) -> dict[str, Any]:
        if self.station is None:
            raise RuntimeError("sync not started")
        return engine.status(self.station)

    def run_now(self) -> SyncReport:
        if self.scheduler is None:
            raise RuntimeError("sync not started")
        return self.scheduler.sync_now()

    def retry(self, seqs: list[int] | None) -> int:
        if self.station is None:
            raise RuntimeError("sync not started")
        return engine.retry_quarantined(self.station, seqs)

    # -- life -------------------------------------------------------------------------------------
    def start(self) -> None:
        main = self.session.station
        if main is None:
            return
        self.stop()

        def open_companion() -> Station:
            return main.companion()

        self.runner.submit(open_companion, self._started)

    def _started(self, station: Station | None, error: Exception | None) -> None:
        if error is not None or station is None:
            log.warning("sync connection not opened: %s", type(error).__name__ if error else "none")
            return
        self.station = station
        self.scheduler = SyncScheduler(run=lambda: engine.run_once(station),
                                       probe=lambda: engine.client_for(station).time())
        self._timer.start(self._tick_ms)
        self.started.emit()
        self.tick()  # the first round right after login: the link may be up now

    def tick(self) -> None:
        """A scheduled round when one is due (the scheduler says), never two at once."""
        scheduler = self.scheduler
        if scheduler is None or self._running or not scheduler.due():
            return
        self._running = True
        self.runner.submit(self._step, self._done)

    def _step(self) -> SyncReport | None:
        if self.scheduler is None or self.station is None or not engine.status(self.station)["enrolled"]:
            return None
        return self.scheduler.step()

    def _done(self, report: SyncReport | None, error: Exception | None) -> None:
        self._running = False
        if error is not None:
            log.warning("sync round failed: %s", type(error).__name__)
            return
        if report is not None:
            self.report(report)

    def report(self, report: SyncReport) -> None:
        self.synced.emit(report)
        if report.pulled or report.pushed:
            self.session.data_changed.emit("")  # statuses came, or what was waiting went: lists refresh

    def stop(self) -> None:
        self._timer.stop()
        station, self.station, self.scheduler = self.station, None, None
        if station is not None:
            self.runner.submit(station.close)

    def shutdown(self) -> None:
        self.stop()
        self.runner.stop()
