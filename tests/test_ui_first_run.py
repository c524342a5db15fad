"""The first run (``make run`` on a machine with no station): a window at once that says what is
being prepared, the demo station built off the GUI thread, and a warm start that does not wait
for the demo hub. Runs the real ``bianmin --demo`` entry (``ui.main.run``) on a fresh data
directory: real SQLCipher, the real sample catalogue, a real hub process on loopback."""

from __future__ import annotations

import gc
import shutil
import signal
import socket
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QProgressBar, QSplashScreen, QWidget

from app.config import Paths

README = (Path(__file__).resolve().parent.parent / "README.md").read_text("utf-8")
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
    from bianmin.cli import window as ui_main

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
    from app.station import Station
    from bianmin.demo import cases as demo_service

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
    from bianmin import demo
    from hub import local as hub_local

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


# -- the system libraries of Qt's xcb platform --------------------------------------------------
def needed(library: Path) -> set[str]:
    out = subprocess.run(["objdump", "-p", str(library)], capture_output=True, text=True, check=True).stdout
    return {line.split()[1] for line in out.splitlines() if line.strip().startswith("NEEDED")}


@pytest.mark.skipif(not shutil.which("objdump"), reason="objdump (binutils) is not installed")
def test_the_table_of_system_libraries_covers_what_qt_xcb_and_the_window_load() -> None:
    """Every library that the xcb plugin, libQt6XcbQpa, the Qt libraries of the window and the CUPS
    print plugin ask for, and that the wheel does not carry, has its package in the table (and so
    in the README): a PySide6 upgrade that needs one more is caught here."""
    import PySide6

    from ui.desktop_libs import LIBRARIES

    qt = Path(PySide6.__file__).parent / "Qt"
    carried = {p.name for p in (qt / "lib").iterdir()}
    loaded = [qt / "plugins" / "platforms" / "libqxcb.so", qt / "plugins" / "printsupport" / "libcupsprintersupport.so",
              *(qt / "lib" / f"libQt6{name}.so.6" for name in
                ("Core", "Gui", "Widgets", "PrintSupport", "Pdf", "PdfWidgets", "DBus", "Network", "XcbQpa"))]
    base = {"libc.so.6", "libm.so.6", "libdl.so.2", "libpthread.so.0", "librt.so.1", "libresolv.so.2",
            "ld-linux-x86-64.so.2", "ld-linux-aarch64.so.1", "libstdc++.so.6", "libgcc_s.so.1"}
    wanted = set().union(*(needed(p) for p in loaded)) - carried - base
    assert not wanted - set(LIBRARIES), f"not in ui/desktop_libs.py (nor the README): {sorted(wanted - set(LIBRARIES))}"
    for package in sorted(set(LIBRARIES.values())):  # the README names every package of the table
        assert package in README, f"{package} is not in the README"


def test_a_missing_library_is_named_by_its_package_before_qt_fails() -> None:
    from app.errors import DesktopLibrariesMissing
    from app.messages import describe
    from ui import desktop_libs

    table = {**desktop_libs.LIBRARIES, "libbianmin-not-there.so.9": "libbianmin-not-there9"}
    x11 = {"DISPLAY": ":0"}
    if desktop_libs.uses_xcb(x11):
        assert desktop_libs.missing() == [], "this machine lacks a library of the window"
        with pytest.raises(DesktopLibrariesMissing) as caught:
            desktop_libs.check(x11, table)
        assert caught.value.details["packages"] == "libbianmin-not-there9"
        assert "sudo apt-get install libbianmin-not-there9" in describe(caught.value)
    desktop_libs.check({"QT_QPA_PLATFORM": "offscreen"}, table)  # the tests' platform needs no X11
