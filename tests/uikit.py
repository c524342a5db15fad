"""Helpers for the window's tests (pytest-qt, offscreen): a real station, a real login.

    window = open_window(qtbot, station)      # logged in as admin, dashboard shown
    window.session.run(...)                   # the real task runner
    wait_idle(qtbot, window.session)          # until the worker has nothing left
"""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import QApplication

from app.station import Station
from tests.conftest import ADMIN_PASSWORD, FAST_KDF


def wait_idle(qtbot: Any, session: Any, timeout: int = 10_000) -> None:
    """Until every task submitted so far has run and delivered its result."""
    qtbot.waitUntil(lambda: session._pending == 0, timeout=timeout)


def open_window(qtbot: Any, station: Station, login: str = "admin", password: str = ADMIN_PASSWORD) -> Any:
    """Close the fixture's connection and log in through the window, as a clerk would."""
    from ui.i18n import Appearance
    from ui.session import Session
    from ui.window import MainWindow

    paths, clock = station.paths, station.clock
    station.close()
    app = QApplication.instance()
    appearance = Appearance(app)  # type: ignore[arg-type]
    session = Session(paths, clock=clock, kdf=FAST_KDF)
    window = MainWindow(session, appearance)
    qtbot.addWidget(window)
    window.show()
    window.login_page.login_edit.setText(login)
    window.login_page.password_edit.setText(password)
    window.login_page.submit()
    qtbot.waitUntil(lambda: session.station is not None and window.screens.currentWidget() is window.work,
                    timeout=15_000)
    wait_idle(qtbot, session)
    return window


def close_window(window: Any) -> None:
    """Back to Chinese at 100 % for the next test, then close. The scale is set again only when it
    changed: each setting restyles every widget of the application (about half a second with a
    whole window open), and the next window's ``Appearance`` sets 100 % anyway. The session's tasks
    are let finish first: a setting being saved (the language button saves the language) would
    otherwise come back after the reset and put the application back in Tibetan for the next test."""
    deadline = time.monotonic() + 10
    while window.session._pending and time.monotonic() < deadline:
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        time.sleep(0.005)
    window.appearance.set_language("zh")
    if window.appearance.scale != 100:
        window.appearance.set_scale(100)
    window.close()
