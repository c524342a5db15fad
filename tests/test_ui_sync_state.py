"""One source of sync state for the status bar and the dashboard (issue 13, point 11).

The window, a real station and a real hub (or none, or a server that does not speak the protocol):
the status bar and the dashboard say the same thing, the waiting count follows a submit at once,
offline is a whole sentence that says the work is safe on this PC, and a refusal or a protocol
error says what to do instead of "offline".
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from app.services import cases
from app.station import Station
from app.store import operators as meta
from sync import engine, protocol
from sync.status import LinkState, link_state
from tests.helpers import request
from tests.hubproc import Hub
from tests.uikit import close_window, open_window, wait_idle


def enrol(station: Station, hub: Hub) -> None:
    engine.enrol(station, hub.url, hub.run_cli("enrol-code", station.station_code).stdout.split()[-1])


def drain(qtbot: Any, window: Any) -> None:
    """Until both workers have run everything submitted so far and their results are shown."""
    for _ in range(2):  # a result may submit a reading of its own: drain twice
        wait_idle(qtbot, window.session)
        done: list[bool] = []
        window.sync.runner.submit(lambda: None, lambda _r, _e, box=done: box.append(True))
        qtbot.waitUntil(lambda box=done: bool(box), timeout=10_000)


def texts(window: Any) -> tuple[str, str, str]:
    """(status bar, its tooltip, dashboard's link strip)."""
    bar = window.sync_indicator
    return bar.text.text(), bar.text.toolTip(), window.pages["dashboard"].link.text()


def logged_in(qtbot: Any, station: Station) -> Any:
    window = open_window(qtbot, station)
    qtbot.waitUntil(lambda: window.sync.station is not None, timeout=10_000)
    return window


def test_the_state_is_named_from_the_last_round() -> None:
    assert link_state(False, "", "") is LinkState.not_enrolled
    assert link_state(True, "", "") is LinkState.never_synced
    assert link_state(True, "2026-01-01T10:00", "") is LinkState.online
    assert link_state(True, "2026-01-01T10:00", "sync.link_down") is LinkState.offline
    assert link_state(True, "", "sync.refused") is LinkState.refused
    assert link_state(True, "", "sync.protocol") is LinkState.protocol_error
    assert link_state(True, "", "sync.not_enrolled") is LinkState.not_enrolled


def test_status_bar_and_dashboard_say_offline_together_in_a_whole_sentence(
        qtbot: Any, station: Station, hub: Hub) -> None:
    enrol(station, hub)
    cases.submit(station, request(station))
    hub.stop()  # the link is down from the start: the first round after login fails
    window = logged_in(qtbot, station)
    try:
        qtbot.waitUntil(lambda: window.sync_indicator.status.get("state") == LinkState.offline, timeout=20_000)
        drain(qtbot, window)
        dashboard = window.pages["dashboard"]
        assert dashboard.sync_state is window.sync.state is window.sync_indicator.state  # one source
        bar, tip, strip = texts(window)
        waiting = window.sync.state.status["waiting"]
        assert waiting > 0 and "离线" in bar and f"待发送 {waiting} 条" in bar
        assert "连接正常" not in strip and "离线" in strip
        for said in (strip, tip):  # the whole sentence: the work is safe here and goes when the link returns
            assert "所有记录都安全保存在这台电脑上" in said and "网络恢复后会自动发送到平台" in said
        assert f"尚未上报平台：{waiting} 条记录" in strip

        # The dashboard reloads (its own reading on the main worker): it still agrees with the bar.
        dashboard.refresh()
        drain(qtbot, window)
        assert texts(window)[2] == strip and "离线" in texts(window)[0]
    finally:
        close_window(window)


def test_the_waiting_count_follows_a_submit_at_once(qtbot: Any, station: Station, hub: Hub) -> None:
    enrol(station, hub)
    window = logged_in(qtbot, station)
    try:
        bar = window.sync_indicator
        qtbot.waitUntil(lambda: bar.status.get("state") == LinkState.online, timeout=20_000)
        drain(qtbot, window)
        before = bar.status["waiting"]
        assert f"待发送 {before} 条" in bar.text.text()

        def submitted(case_no: str) -> None:
            window.session.data_changed.emit(case_no)  # what the intake does after a submit

        window.session.run(lambda st: cases.submit(st, request(st)).case_no, submitted)
        drain(qtbot, window)  # no timer has fired: only the submit's own news
        after = bar.status["waiting"]
        assert after > before
        assert f"待发送 {after} 条" in bar.text.text()
        assert f"尚未上报平台：{after} 条记录" in window.pages["dashboard"].link.text()
    finally:
        close_window(window)


def test_a_refused_station_is_not_called_offline_and_is_told_to_enrol_again(
        qtbot: Any, station: Station, hub: Hub) -> None:
    enrol(station, hub)
    cases.submit(station, request(station))
    with station.db.transaction():  # the hub no longer knows this device key (a restored PC, a revoked key)
        meta.set_meta(station.db, "sync.device_key", protocol.b64(protocol.private_bytes(protocol.new_device_key())))
    window = logged_in(qtbot, station)
    try:
        qtbot.waitUntil(lambda: window.sync_indicator.status.get("state") == LinkState.refused, timeout=20_000)
        drain(qtbot, window)
        assert window.sync_indicator.status["last_error_reason"] == "bad_signature"
        bar, tip, strip = texts(window)
        for said in (bar, tip, strip):
            assert "离线" not in said and "连接正常" not in said
        assert "平台拒绝本站" in bar
        for said in (tip, strip):
            assert "重新登记" in said and "登记码" in said
    finally:
        close_window(window)


class _NotAHub(BaseHTTPRequestHandler):
    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        body = b"<html>captive portal</html>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = do_PUT = _answer

    def log_message(self, *_args: Any) -> None:
        pass


@pytest.fixture
def not_a_hub() -> Iterator[str]:
    """A web server on loopback that answers every request with a page (a captive portal)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _NotAHub)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_a_protocol_error_is_not_called_offline(qtbot: Any, station: Station, hub: Hub, not_a_hub: str) -> None:
    enrol(station, hub)
    cases.submit(station, request(station))
    with station.db.transaction():
        meta.set_meta(station.db, "sync.hub_url", not_a_hub)
    window = logged_in(qtbot, station)
    try:
        qtbot.waitUntil(lambda: window.sync_indicator.status.get("state") == LinkState.protocol_error,
                        timeout=20_000)
        drain(qtbot, window)
        bar, tip, strip = texts(window)
        for said in (bar, tip, strip):
            assert "离线" not in said and "连接正常" not in said
        for said in (tip, strip):
            assert "联系县级信息化人员" in said
    finally:
        close_window(window)


def test_the_status_bar_says_whether_the_centres_relay_answers(qtbot: Any, station: Station, hub: Hub) -> None:
    """With a relay set, the bar says whether the windows share their cases through it (a hub answers the
    relay's part of the protocol too: push of the own chain, the peers feed)."""
    enrol(station, hub)
    engine.set_relay(station, hub.url)
    window = logged_in(qtbot, station)
    try:
        window.sync_indicator.sync_now()
        qtbot.waitUntil(lambda: "中继已连接" in texts(window)[0], timeout=20_000)
        assert "中心中继" in texts(window)[1]
        hub.stop()
        window.sync_indicator.sync_now()
        qtbot.waitUntil(lambda: "中继未连接" in texts(window)[0], timeout=20_000)
        assert "离线" in texts(window)[0]
    finally:
        close_window(window)
