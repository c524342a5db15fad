"""The first run (``make run`` on a machine with no station): a window at once that says what is
being prepared, the demo station built off the GUI thread, and a warm start that does not wait
for the demo hub. Runs the real ``bianmin --demo`` entry (``ui.main.run``) on a fresh data
directory: real SQLCipher, the real sample catalogue, a real hub process on loopback."""

from __future__ import annotations

import gc
import signal
import socket
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QProgressBar, QSplashScreen, QWidget

from app.config import Paths

WAIT = 60.0  # a generous bound for the whole start; never a measured figure


@pytest.fixture
def fresh_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Paths]:
    monkeypatch.setenv("BIANMIN_HOME", str(tmp_path / "home"))
    handlers = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM)}
    yield Paths.default()
    for sig, handler in handlers.items():  # run() sets its own for Ctrl+C in a terminal
        signal.signal(sig, handler)
    gc.collect()  # the window's Qt objects go here, on the GUI thread, not in a later test's thread


def texts_of(widget: QWidget) -> list[str]:
    found = [label.text() for label in widget.findChildren(QLabel)]
    if isinstance(widget, QSplashScreen):
        found.append(widget.message())
    return found


def main_window() -> Any:
    from ui.window import MainWindow

    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, MainWindow) and widget.isVisible():
            return widget
    return None


def run_window(look: Callable[[], bool]) -> int:
    """``bianmin --demo`` until ``look()`` (called every few ms on the GUI thread) says it has seen
    enough; then the window is closed as a clerk would close it."""
    from ui import main as ui_main

    started = time.monotonic()

    def tick() -> None:
        window = main_window()
        if look() or time.monotonic() - started > WAIT:
            timer.stop()
            if window is not None:
                window.close()
            QApplication.instance().quit()  # type: ignore[union-attr]

    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(5)
    try:
        return ui_main.run(demo=True)
    finally:
        timer.stop()


def port_answers(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.2):
            return True
    except OSError:
        return False


def test_first_run_shows_a_splash_at_once_and_builds_the_demo_station_off_the_gui_thread(
        qtbot: Any, fresh_home: Paths, monkeypatch: pytest.MonkeyPatch) -> None:
    from app.services import demo as demo_service
    from app.station import Station

    real_init, real_generate = Station.init, demo_service.generate
    gui_thread = threading.get_ident()
    splash_seen, building, built, gui_turned = (threading.Event() for _ in range(4))
    seen: dict[str, Any] = {"splash_while_building": set(), "bars": set()}

    def init_watched(*args: Any, **kwargs: Any) -> Any:
        # The station is made only once a window on the screen says what is being prepared (with
        # the build on the GUI thread, that window could not be looked at until it is done).
        seen["splash_before_station"] = splash_seen.wait(15)
        return real_init(*args, **kwargs)

    def generate_watched(*args: Any, **kwargs: Any) -> Any:
        seen["build_thread"] = threading.get_ident()
        building.set()
        # The demo cases wait here until the GUI thread has run its timer once more: it can only
        # do so if its event loop keeps turning while the station is built.
        seen["gui_turned_while_building"] = gui_turned.wait(15)
        try:
            return real_generate(*args, **kwargs)
        finally:
            built.set()

    monkeypatch.setattr(Station, "init", staticmethod(init_watched))
    monkeypatch.setattr(demo_service, "generate", generate_watched)

    def look() -> bool:
        window = main_window()
        for widget in QApplication.topLevelWidgets():
            if widget is window or not widget.isVisible():
                continue
            texts = texts_of(widget)
            if any("正在准备演示服务站" in t for t in texts):
                splash_seen.set()
                if building.is_set() and not built.is_set():
                    seen["splash_while_building"].update(texts)
                seen["bars"].update((bar.value(), bar.maximum()) for bar in widget.findChildren(QProgressBar))
        if building.is_set():
            gui_turned.set()
        if window is None:
            return False
        seen["window_shown"] = True
        seen["splash_still_shown"] = any(w is not window and w.isVisible() for w in QApplication.topLevelWidgets())
        return True

    assert run_window(look) == 0
    assert seen.get("window_shown"), "the login window never appeared"
    assert seen.get("splash_before_station"), "no window said what was being prepared before the station was made"
    assert seen.get("build_thread") not in (None, gui_thread), "the demo station was built on the GUI thread"
    assert seen.get("gui_turned_while_building"), "the event loop stood still while the demo station was built"
    assert any("演示办件" in t for t in seen["splash_while_building"]), seen["splash_while_building"]
    assert any(0 < value < maximum for value, maximum in seen["bars"]), "no progress shown"
    assert not seen["splash_still_shown"], "the splash stayed over the login window"
    assert fresh_home.keyfile.exists()


def test_a_warm_demo_start_shows_the_login_window_and_keeps_its_hub_until_it_closes(
        qtbot: Any, fresh_home: Paths, monkeypatch: pytest.MonkeyPatch) -> None:
    from hub import local as hub_local
    from ui import demo

    made = demo.prepare(fresh_home, cases=5, with_hub=False)  # the demo station of an earlier run
    real_start_hub = vars(hub_local)["start_hub"]  # (by name, not as hub_local.start_hub: conftest would
    # then run this test once per hub database backend; the demo hub has its own SQLite file)
    processes: list[Any] = []  # (port, process) of each hub started
    window_shown = threading.Event()
    seen: dict[str, Any] = {}

    def start_hub_watched(*args: Any, **kwargs: Any) -> Any:
        # The login window does not wait for the hub: it is on the screen before the hub starts.
        seen["window_before_hub"] = window_shown.wait(15)
        started = real_start_hub(*args, **kwargs)
        processes.append((started.port, started.process))
        return started

    monkeypatch.setattr(hub_local, "start_hub", start_hub_watched)

    def look() -> bool:
        window = main_window()
        if window is None:
            return False
        window_shown.set()
        seen.setdefault("hint", window.login_page.demo_hint.text())
        # The hub starts beside the open window, from a thread that ends before the window does
        # not: a hub whose starting thread ended would be sent SIGTERM at once.
        if processes and processes[0][1].poll() is None and port_answers(processes[0][0]):
            seen["hub_alive"] = True
            return True
        return False

    assert run_window(look) == 0
    assert made.password in seen.get("hint", ""), seen
    assert seen.get("window_before_hub"), "the login window waited for the demo hub"
    assert seen.get("hub_alive"), "the demo hub did not answer while the window was open"
    assert processes[0][1].poll() is not None, "the demo hub outlived its window"
