"""The window as a whole: login, lock, the demo station of ``make run``, sync on its own thread."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QLineEdit, QWidget

from app.config import Paths
from app.services import cases
from app.station import Station
from tests.conftest import ADMIN_PASSWORD, FAST_KDF
from tests.helpers import request
from tests.uikit import close_window, open_window, wait_idle


def visible_texts() -> str:
    """Every text a person could read on the screen now (labels, fields, buttons, tables, windows)."""
    out: list[str] = []
    for top in QApplication.topLevelWidgets():
        if not top.isVisible():
            continue
        out.append(top.windowTitle())
        for w in [top, *top.findChildren(QWidget)]:
            if not w.isVisibleTo(top) or not w.isVisible():
                continue
            if isinstance(w, QLabel | QAbstractButton):
                out.append(w.text())
            elif isinstance(w, QLineEdit):
                out.append(w.text())
            model = getattr(w, "model", None)
            if callable(model) and hasattr(w, "viewport"):
                m = model()
                if m is not None:
                    for r in range(min(m.rowCount(), 500)):
                        for c in range(m.columnCount()):
                            value = m.data(m.index(r, c), Qt.ItemDataRole.DisplayRole)
                            if value is not None:
                                out.append(str(value))
    return "\n".join(out)


def test_login_opens_the_dashboard(qtbot: Any, station: Station) -> None:
    window = open_window(qtbot, station)
    try:
        assert window.session.station.operator.login == "admin"
        assert window.stack.currentWidget() is window.pages["dashboard"]
        assert window.screens.currentWidget() is window.work
    finally:
        close_window(window)


def test_the_window_first_opens_within_the_screens_free_area(qtbot: Any, station: Station) -> None:
    """On a screen smaller than 1280×800 (a 1366×768 laptop with its taskbar) the window starts no larger
    than the screen's free area, so its bottom row (sync status, bundle import) is on the screen."""
    window = open_window(qtbot, station)
    try:
        room = QApplication.primaryScreen().availableGeometry().size()
        assert room.width() < 1280 or room.height() < 800  # the offscreen screen is smaller than the wish
        assert window.width() <= room.width() and window.height() <= room.height(), (window.size(), room)
    finally:
        close_window(window)


def test_a_wrong_password_says_so_and_opens_nothing(qtbot: Any, station: Station) -> None:
    window = open_window(qtbot, station)
    try:
        window.session.logout()
        page = window.login_page
        assert window.screens.currentWidget() is page
        page.login_edit.setText("admin")
        page.password_edit.setText("not-the-password")
        page.submit()
        qtbot.waitUntil(lambda: "账号或密码不对" in page.message.text(), timeout=10_000)
        assert "再错 4 次" in page.message.text()
        assert window.session.station is None
        page.login_edit.setText("nobody")
        page.password_edit.setText("whatever-1")
        page.submit()
        qtbot.waitUntil(lambda: page.button.isEnabled(), timeout=10_000)
        assert "账号或密码不对" in page.message.text()  # the same words: no hint which accounts exist
    finally:
        close_window(window)


def test_lock_hides_every_personal_value_until_the_password(qtbot: Any, station: Station) -> None:
    case = cases.submit(station, request(station))
    name = case.applicant.name
    window = open_window(qtbot, station)
    try:
        window.show_case(case.case_no)
        wait_idle(qtbot, window.session)
        qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: window.screens.currentWidget() is window.login_page, timeout=5000)
        shown = visible_texts()
        assert name not in shown and case.case_no not in shown
        assert not window.work.isVisible()
        page = window.login_page
        assert page.login_edit.text() == "admin" and "柜台已锁定" in page.title.text()
        page.password_edit.setText("wrong-password")
        page.submit()
        qtbot.waitUntil(lambda: page.button.isEnabled() and "账号或密码不对" in page.message.text(), timeout=10_000)
        assert window.screens.currentWidget() is page
        qtbot.keyClicks(page.password_edit, "admin-pass-2026")
        qtbot.keyClick(page.password_edit, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: window.screens.currentWidget() is window.work, timeout=10_000)
        assert window.stack.currentWidget() is window.pages["case"]  # back where the lock found the clerk
    finally:
        close_window(window)


def test_idle_time_locks_the_counter(qtbot: Any, station: Station) -> None:
    window = open_window(qtbot, station)
    try:
        window.idle.set_minutes(0.02)  # 1.2 s
        qtbot.waitUntil(lambda: window.session.is_locked, timeout=5000)
        assert window.screens.currentWidget() is window.login_page
    finally:
        close_window(window)


@pytest.fixture
def demo_home(tmp_path: Path) -> Any:
    from bianmin import demo

    paths = Paths(tmp_path / "demo")
    made = demo.prepare(paths, kdf=FAST_KDF, cases=20)
    yield paths, made
    made.stop()


def test_demo_mode_makes_a_station_enrolled_with_a_hub_on_loopback(qtbot: Any, demo_home: Any) -> None:
    from sync import engine
    from ui.i18n import Appearance
    from ui.session import DemoInfo, Session
    from ui.window import MainWindow

    paths, made = demo_home
    assert made.hub_url.startswith("http://127.0.0.1:")
    station = Station.open(paths, made.login, made.password, kdf=FAST_KDF, check="none")
    try:
        assert len(cases.list_cases(station, limit=100)) >= 15
        status = engine.status(station)
        assert status["enrolled"] and status["hub_url"] == made.hub_url
        report = engine.run_once(station)
        assert report.ok and report.pushed > 0
    finally:
        station.close()
    hub_cases = made.hub.run_cli("cases", "--json", check=True).stdout
    assert "540127100000" in hub_cases

    session = Session(paths, kdf=FAST_KDF, demo=DemoInfo(made.login, made.password, made.hub_url))
    window = MainWindow(session, Appearance(QApplication.instance()))  # type: ignore[arg-type]
    qtbot.addWidget(window)
    window.show()
    try:
        hint = window.login_page.demo_hint
        assert hint.isVisible() and made.password in hint.text()
        assert window.login_page.login_edit.text() == made.login
    finally:
        close_window(window)


def test_the_window_syncs_on_its_own_connection(qtbot: Any, demo_home: Any) -> None:
    from ui.i18n import Appearance
    from ui.session import Session
    from ui.window import MainWindow

    paths, made = demo_home
    session = Session(paths, kdf=FAST_KDF)
    window = MainWindow(session, Appearance(QApplication.instance()))  # type: ignore[arg-type]
    qtbot.addWidget(window)
    window.show()
    try:
        window.login_page.login_edit.setText(made.login)
        window.login_page.password_edit.setText(made.password)
        window.login_page.submit()
        qtbot.waitUntil(lambda: window.sync.station is not None, timeout=10_000)
        assert window.sync.station.db is not session.station.db
        qtbot.keyClick(window, Qt.Key.Key_F5)
        qtbot.waitUntil(lambda: "在线" in window.sync_indicator.text.text()
                        and window.sync_indicator.status.get("waiting") == 0, timeout=30_000)
        assert window.sync_indicator.status["sent"] > 0
    finally:
        close_window(window)


def test_make_run_starts_the_window_with_a_demo_station_and_a_hub(tmp_path: Path) -> None:
    """What `make run` runs (`bianmin --demo`), as a process: a demo station, a hub that answers,
    and no hub left behind when the window's process goes."""
    import json
    import os
    import signal
    import subprocess
    import sys
    import time

    import requests

    home = tmp_path / "home"
    env = {**os.environ, "BIANMIN_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.Popen([sys.executable, "-m", "bianmin", "--demo"], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 120
        url = ""
        while time.monotonic() < deadline and proc.poll() is None:
            info_path = home / "demo.json"
            if info_path.exists():
                url = f"http://127.0.0.1:{json.loads(info_path.read_text('utf-8'))['hub_port']}"
                try:
                    if requests.get(f"{url}/v1/health", timeout=1).ok:
                        break
                except requests.RequestException:
                    pass
            time.sleep(0.3)
        assert proc.poll() is None, proc.stdout.read().decode() if proc.stdout else ""
        assert url and requests.get(f"{url}/v1/health", timeout=2).ok
        assert (home / "station.db").exists() and (home / "keys.json").exists()
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=30)
    deadline = time.monotonic() + 15
    gone = False
    while time.monotonic() < deadline and not gone:
        try:
            requests.get(f"{url}/v1/health", timeout=0.5)
            time.sleep(0.3)
        except requests.RequestException:
            gone = True
    assert gone, "the demo hub outlived the window"


def test_a_damaged_store_found_by_the_daily_check_is_reported_and_logs_out(
        qtbot: Any, station: Station, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    from bianmin.demo import cases as demo

    demo.generate(station, 300, batch=100)
    path = station.paths.database
    # The root page of the case search index: login and the dashboard never read it, the check does.
    page_size = int(station.db.scalar("PRAGMA page_size"))
    root = int(station.db.scalar("SELECT rootpage FROM sqlite_master WHERE name = 'case_fts_data'"))
    station.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: shown.append(text))
    window = open_window(qtbot, station)
    try:
        qtbot.waitUntil(lambda: window.session._checker._worker.tasks.empty(), timeout=10_000)
        window.session.logout()
        with path.open("r+b") as f:  # a page after the schema: the store still opens, the check fails
            f.seek((root - 1) * page_size)
            f.write(b"\x00" * page_size)
        window.login_page.login_edit.setText("admin")
        window.login_page.password_edit.setText("admin-pass-2026")
        from app.store import operators as op_store
        window.login_page.submit()
        qtbot.waitUntil(lambda: window.session.station is not None, timeout=10_000)
        opened = window.session.station
        window.session.run(lambda st: op_store.set_meta(st.db, "last_quick_check", "never"),
                           lambda _r: window.session._daily_check(opened))
        qtbot.waitUntil(lambda: bool(shown), timeout=30_000)
        assert "损坏" in shown[-1] and "备份" in shown[-1]
        qtbot.waitUntil(lambda: window.session.station is None, timeout=5000)
        assert window.screens.currentWidget() is window.login_page
    finally:
        close_window(window)


def test_the_language_button_switches_every_screen_to_tibetan_and_back_and_is_remembered(
        qtbot: Any, station: Station) -> None:
    import re

    from app.services import settings

    window = open_window(qtbot, station)
    try:
        qtbot.mouseClick(window.language_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: window.session.settings.language == "bo", timeout=5000)
        wait_idle(qtbot, window.session)
        tibetan = re.compile(r"[\u0f40-\u0fbc]")
        names = [window.nav.item(i).text() for i in range(window.nav.count())]
        assert all(tibetan.search(n) for n in names), names
        assert tibetan.search(window.lock_button.text()) and tibetan.search(window.sync_indicator.sync_button.text())
        dashboard = window.pages["dashboard"]
        assert any(tibetan.search(label.text()) for label in dashboard.findChildren(QLabel) if label.text())
        stored = []
        window.session.run(settings.load, stored.append)
        qtbot.waitUntil(lambda: bool(stored), timeout=5000)
        assert stored[0].language == "bo"  # the settings page shows it, and the next login starts in it
        qtbot.mouseClick(window.language_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: window.session.settings.language == "zh", timeout=5000)
        assert window.nav.item(0).text().startswith("工作台")
    finally:
        close_window(window)


def test_ctrl_i_opens_the_offline_bundle_import(qtbot: Any, station: Station) -> None:
    from ui.bundle_dialog import BundleDialog

    window = open_window(qtbot, station)
    try:
        qtbot.keyClick(window, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: any(d.isVisible() for d in window.findChildren(BundleDialog)), timeout=5000)
        window.session.lock()  # the lock takes the dialog with it
        assert not any(d.isVisible() for d in window.findChildren(BundleDialog))
    finally:
        close_window(window)


def _deferred_window(qtbot: Any, station: Station) -> Any:
    from ui.i18n import Appearance
    from ui.session import Session
    from ui.window import MainWindow

    paths, clock = station.paths, station.clock
    station.close()
    window = MainWindow(Session(paths, clock=clock, kdf=FAST_KDF), Appearance(QApplication.instance()),  # type: ignore[arg-type]
                        defer_work=True)
    qtbot.addWidget(window)
    return window


def test_the_program_shows_the_login_first_and_builds_the_pages_once_it_is_on_screen(qtbot: Any,
                                                                                     station: Station) -> None:
    window = _deferred_window(qtbot, station)
    try:
        assert window.work is None and window.screens.count() == 1  # nothing but the login page yet
        assert window.windowTitle() == "便民服务台"
        window.show()
        qtbot.waitUntil(lambda: window.work is not None, timeout=10_000)  # after the first paint
        assert window.screens.currentWidget() is window.login_page  # still the login, nothing jumped
        assert set(window.pages) >= {"dashboard", "intake", "cases", "settings"}
        window.login_page.login_edit.setText("admin")
        window.login_page.password_edit.setText(ADMIN_PASSWORD)
        window.login_page.submit()
        qtbot.waitUntil(lambda: window.screens.currentWidget() is window.work, timeout=15_000)
        wait_idle(qtbot, window.session)
        assert window.stack.currentWidget() is window.pages["dashboard"]
    finally:
        close_window(window)


def test_a_login_before_the_pages_are_built_builds_them_first(qtbot: Any, station: Station) -> None:
    window = _deferred_window(qtbot, station)  # never shown, so never painted: nothing built yet
    try:
        window.login_page.login_edit.setText("admin")
        window.login_page.password_edit.setText(ADMIN_PASSWORD)
        window.login_page.submit()
        qtbot.waitUntil(lambda: window.work is not None and window.screens.currentWidget() is window.work,
                        timeout=15_000)
        wait_idle(qtbot, window.session)
        assert window.stack.currentWidget() is window.pages["dashboard"]
        window.session.lock()  # locking and logging out work whichever way the pages came
        assert window.screens.currentWidget() is window.login_page
    finally:
        close_window(window)
