"""The window's session: the paths, the logged-in station, the one task runner, and signals.

Every use of ``station`` (its database, the network) goes through :meth:`Session.run`, which runs
the function on the task runner's worker thread and hands the result back on the GUI thread. An
error goes to ``on_error`` when given, else to the one place that turns errors into messages
(:func:`ui.errors.show_error`). Widgets never touch ``station.db`` themselves.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from app.clock import Clock
from app.config import KdfParams, Paths
from app.services import settings as settings_service
from app.services.settings import StationSettings
from ui.tasks import TaskRunner

if TYPE_CHECKING:  # the store is imported at the first login, not to show the login page
    from app.station import Station

log = logging.getLogger(__name__)

T = TypeVar("T")


@dataclass(frozen=True)
class DemoInfo:
    """Shown on the login screen in demo mode only."""

    login: str
    password: str
    hub_url: str = ""


class Session(QObject):
    logged_in = Signal()  # a station is open; pages load their data
    locked = Signal()  # hide everything personal
    unlocked = Signal()
    logged_out = Signal()  # the station is closed (switch operator, quit)
    data_changed = Signal(str)  # a case changed (its number; "" for many): lists refresh
    settings_changed = Signal(object)  # StationSettings
    busy_changed = Signal(bool)

    def __init__(self, paths: Paths, *, clock: Clock | None = None, kdf: KdfParams | None = None,
                 demo: DemoInfo | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.paths = paths
        self.clock = clock or Clock()
        self.kdf = kdf or KdfParams()
        self.demo = demo
        self.runner = TaskRunner(self)
        self._checker = TaskRunner(self)  # the daily integrity check, on its own connection
        self.station: Station | None = None
        self.settings = StationSettings()
        self.is_locked = False
        self._pending = 0
        self.error_parent: QWidget | None = None

    # -- work off the GUI thread ---------------------------------------------------------------
    def run(self, fn: Callable[[Station], T], done: Callable[[T], None] | None = None, *,
            on_error: Callable[[Exception], None] | None = None) -> None:
        """``fn(station)`` on the worker; ``done(result)`` or the error on the GUI thread."""
        station = self.station
        if station is None:
            log.info("task dropped: no station open")
            return
        self._busy(+1)

        def deliver(result: Any, error: Exception | None) -> None:
            self._busy(-1)
            if error is None:
                if done is not None:
                    done(result)
            elif on_error is not None:
                on_error(error)
            else:
                from ui.errors import show_error

                show_error(self.error_parent, error)

        self.runner.submit(lambda: fn(station), deliver)

    def call(self, fn: Callable[[], T], done: Callable[[T | None, Exception | None], None]) -> None:
        """A task that needs no open station (login, setting a station up)."""
        self._busy(+1)

        def deliver(result: Any, error: Exception | None) -> None:
            self._busy(-1)
            done(result, error)

        self.runner.submit(fn, deliver)

    def _busy(self, delta: int) -> None:
        before = self._pending
        self._pending = max(0, self._pending + delta)
        if (before == 0) != (self._pending == 0):
            self.busy_changed.emit(self._pending > 0)

    # -- login, lock, logout -------------------------------------------------------------------
    def login(self, login: str, password: str, done: Callable[[Exception | None], None]) -> None:
        paths, clock, kdf = self.paths, self.clock, self.kdf

        def open_station() -> tuple[Station, StationSettings]:
            from app.station import Station

            station = Station.open(paths, login, password, kdf=kdf, clock=clock, check="none")
            return station, settings_service.load(station)

        def opened(result: tuple[Station, StationSettings] | None, error: Exception | None) -> None:
            if error is not None or result is None:
                done(error)
                return
            if self.station is not None:
                self._close_station()
            self.station, self.settings = result
            self.is_locked = False
            self.logged_in.emit()
            self.settings_changed.emit(self.settings)
            done(None)
            self._daily_check(self.station)

        self.call(open_station, opened)

    def _daily_check(self, station: Station) -> None:
        """SQLite's quick_check reads every page (seconds on a large store): on a thread and a
        connection of its own, so the dashboard and the clerk's first searches never wait for it."""

        def check() -> None:
            other = station.companion()
            try:
                other.daily_check()
            finally:
                other.close()

        def checked(_result: Any, error: Exception | None) -> None:
            if error is not None:
                from ui.errors import show_error

                show_error(self.error_parent, error)
                if self.station is station:
                    self.logout()

        self._checker.submit(check, checked)

    def lock(self) -> None:
        if self.station is None or self.is_locked:
            return
        self.is_locked = True
        self.locked.emit()

    def unlock(self, password: str, done: Callable[[Exception | None], None]) -> None:
        station = self.station
        if station is None:
            done(None)
            return

        def finished(_result: Any, error: Exception | None) -> None:
            if error is None:
                self.is_locked = False
                self.unlocked.emit()
            done(error)

        self.call(lambda: station.reauthenticate(password), finished)

    def logout(self) -> None:
        if self.station is None:
            return
        self._close_station()
        self.is_locked = False
        self.logged_out.emit()

    def _close_station(self) -> None:
        station = self.station
        self.station = None
        if station is not None:
            self.runner.submit(station.close)

    def set_interface(self, language: str | None = None, scale: int | None = None) -> None:
        """Save the interface language and font scale for the station, then apply them."""
        lang = language or self.settings.language
        size = scale or self.settings.font_scale
        self.run(lambda st: settings_service.save_interface(st, lang, size), self.apply_settings)

    def apply_settings(self, new: StationSettings) -> None:
        self.settings = new
        self.settings_changed.emit(new)

    def shutdown(self) -> None:
        self._close_station()
        self._checker.stop()
        self.runner.stop()
