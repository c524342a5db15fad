"""Sync in the window: its own thread and its own connection to the store, on a schedule.

A round on a 256 kbit/s link can take minutes; it runs on a second worker thread with a second
connection (``Station.companion()``), so the clerk's searches and intakes never wait for it. The
scheduler (``sync/scheduler.py``) decides when: every few minutes while the link is up, with
capped, jittered backoff and a cheap probe while it is down; "sync now" (F5) goes at once.
"""

from __future__ import annotations

import logging
import time
from dataclasses import replace

from PySide6.QtCore import QObject, QTimer, Signal

from app.station import Station
from sync import engine
from sync.engine import SyncReport
from sync.scheduler import SyncScheduler
from sync.status import LinkState, SyncStatus
from ui.session import Session
from ui.tasks import TaskRunner

log = logging.getLogger(__name__)

STATE_REFRESH_MS = 60_000  # a slow look for changes made outside the window (``bianmin sync`` in a terminal)


def read_status(station: Station) -> SyncStatus:
    """``sync.engine.status`` stamped with when the reading began (on whichever worker runs it)."""
    began = time.monotonic()
    return replace(engine.status(station), read_at=began)


class SyncState(QObject):
    """The one source of the link's state for every place that shows it (status bar, dashboard).

    Readings of ``sync.engine.status`` come from either worker (the sync thread after a round or a
    change, the dashboard's task on the main worker); the one whose reading began last wins, so an
    older reading that arrives late never undoes a newer one. ``changed`` is emitted on the GUI
    thread whenever what is shown may differ.
    """

    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.status: SyncStatus | None = None

    @property
    def state(self) -> LinkState | None:
        return self.status.state if self.status is not None else None

    def set(self, status: SyncStatus | None) -> None:
        if status is None:
            return
        if self.status is not None and status.read_at < self.status.read_at:
            return  # read before the one shown: older news
        same = self.status is not None and status == self.status  # the reading's time is not compared
        self.status = status
        if not same:
            self.changed.emit()

    def clear(self) -> None:
        if self.status is not None:
            self.status = None
            self.changed.emit()


class SyncService(QObject):
    synced = Signal(object)  # SyncReport
    started = Signal()  # the sync connection is open: the indicator can ask

    def __init__(self, session: Session, tick_ms: int = 10_000, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.runner = TaskRunner(self)
        self.state = SyncState(self)
        self.station: Station | None = None
        self.scheduler: SyncScheduler | None = None
        self._running = False
        self._reading = False
        self._read_again = False
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.tick)
        self._tick_ms = tick_ms
        self._state_timer = QTimer(self)
        self._state_timer.timeout.connect(self.refresh_state)
        session.logged_in.connect(self.start)
        session.logged_out.connect(self.stop)
        # A submit, a decision, a print, a bundle: the count of what waits changes now, not in a minute.
        session.data_changed.connect(lambda _case_no: self.refresh_state())

    # -- what the indicator calls on the sync thread ----------------------------------------------
    def status(self) -> SyncStatus:
        if self.station is None:
            raise RuntimeError("sync not started")
        return read_status(self.station)

    def refresh_state(self) -> None:
        """Read the status on the sync thread into :attr:`state` (one reading at a time)."""
        if self.station is None:
            return
        if self._reading:
            self._read_again = True
            return
        self._reading = True
        self.runner.submit(self.status, self._read)

    def _read(self, status: SyncStatus | None, error: Exception | None) -> None:
        self._reading = False
        if error is not None:
            log.warning("sync status not read: %s", type(error).__name__)
        elif self.station is not None:
            self.state.set(status)
        if self._read_again:
            self._read_again = False
            self.refresh_state()

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
        self.scheduler = SyncScheduler(run=lambda: engine.run_once(station, scheduled=True),
                                       run_now=lambda: engine.run_once(station),
                                       probe=lambda: engine.probe(station))
        self._timer.start(self._tick_ms)
        self._state_timer.start(STATE_REFRESH_MS)
        self.started.emit()
        self.refresh_state()
        self.tick()  # the first round right after login: the link may be up now

    def tick(self) -> None:
        """A scheduled round when one is due (the scheduler says), never two at once."""
        scheduler = self.scheduler
        if scheduler is None or self._running or not scheduler.due():
            return
        self._running = True
        self.runner.submit(self._step, self._done)

    def _step(self) -> SyncReport | None:
        if self.scheduler is None or self.station is None or not engine.status(self.station).enrolled:
            return None
        return self.scheduler.step()

    def _done(self, report: SyncReport | None, error: Exception | None) -> None:
        self._running = False
        if error is not None:
            log.warning("sync round failed: %s", type(error).__name__)
            self.refresh_state()
            return
        if report is not None:
            self.report(report)

    def report(self, report: SyncReport) -> None:
        self.synced.emit(report)
        if report.pulled or report.pushed:
            self.session.data_changed.emit("")  # statuses came, or what was waiting went: lists refresh
        else:
            self.refresh_state()  # data_changed refreshes it otherwise

    def stop(self) -> None:
        self._timer.stop()
        self._state_timer.stop()
        self.state.clear()
        station, self.station, self.scheduler = self.station, None, None
        if station is not None:
            self.runner.submit(station.close)

    def shutdown(self) -> None:
        self.stop()
        self.runner.stop()
