"""The window with devices (issue 15, point 7): the title names this device, the case list says
which device took each case, the settings page lists the station's devices, and a case two devices
acted on offline in ways that cannot both stand shows on the dashboard and on its page, and a clerk
resolves it through the dialog.

Real stores: window 01 (the one the window opens) and window 02 of the same station, each its own
SQLCipher store; window 02's events reach window 01 as a sync would bring them
(``sharing.take_peer_events``), without a hub.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from app.clock import FixedClock
from app.config import Paths
from app.models import CaseStatus, Outcome
from app.services import cases, catalogue
from app.services.cases import sharing
from app.station import Station
from app.store import journal as journal_store
from sync import state as sync_state
from tests.conftest import ADMIN_PASSWORD, FAST_KDF, STATION_CODE
from tests.helpers import applicant, request
from tests.uikit import close_window, open_window, wait_idle
from ui.case_list_model import COLUMNS


def _device(tmp_path: Path, clock: FixedClock, number: str, name: str = "") -> Station:
    st, _recovery = Station.init(Paths(tmp_path / f"device-{number}"), station_code=STATION_CODE,
                                 station_name="工卡镇便民服务中心", admin_login="admin",
                                 admin_password=ADMIN_PASSWORD, kdf=FAST_KDF, clock=clock,
                                 device_no=number, device_name=name)
    catalogue.import_sample(st)
    return st


def _hand_over(source: Station, target: Station) -> None:
    """What a sync brings: every event of ``source``'s chain into ``target``."""
    sharing.take_peer_events(target, list(journal_store.iter_events(source.db)), source="test")


@pytest.fixture
def windows(tmp_path: Path, clock: FixedClock) -> Iterator[tuple[Station, Station]]:
    one = _device(tmp_path, clock, "01", "一号窗口")
    two = _device(tmp_path, clock, "02")  # not named: "02号窗口"
    yield one, two
    for st in (one, two):
        try:
            st.close()
        except Exception:
            pass


def _roster(station: Station) -> None:
    """The device list as the last sync kept it: 01 (this), 02 heard from, 03 a revoked laptop."""
    devices = (
        sync_state.KnownDevice(device="01", name="一号窗口", role="window", enrolled_at="2026-11-01T08:00:00+08:00",
                               last_seen_at="2026-11-18T01:55:00+00:00"),
        sync_state.KnownDevice(device="02", name="", role="window", enrolled_at="2026-11-01T08:05:00+08:00",
                               last_seen_at="2026-11-18T01:40:00+00:00"),
        sync_state.KnownDevice(device="03", name="驻村工作队笔记本", role="laptop",
                               enrolled_at="2026-11-02T09:00:00+08:00", revoked_at="2026-11-10T02:00:00+00:00"),
        sync_state.KnownDevice(device="04", name="", role="window", enrolled_at="2026-11-17T09:00:00+08:00"),
    )
    with station.db.transaction():
        sync_state.save(station.db, replace(sync_state.load(station.db),
                                            devices=sync_state.Roster(devices=devices, checked_at="2026-11-18T10:00")))


def test_title_case_list_and_settings_name_the_devices(qtbot: Any, windows: tuple[Station, Station]) -> None:
    one, two = windows
    theirs = cases.submit(two, request(two, applicant=applicant(name="央金卓玛", seq=31))).case_no
    ours = cases.submit(one, request(one)).case_no
    _hand_over(two, one)
    _roster(one)
    window = open_window(qtbot, one)
    try:
        qtbot.waitUntil(lambda: "一号窗口" in window.windowTitle(), timeout=10_000)
        assert window.windowTitle() == "便民服务台 · 工卡镇便民服务中心 · 一号窗口"
        assert window.who.text().startswith("工卡镇便民服务中心 · 一号窗口 · 操作员 ")  # full screen: no title bar

        # The dashboard's lists say which device took each case too.
        dashboard = window.pages["dashboard"]
        qtbot.waitUntil(lambda: dashboard.data is not None and dashboard.sections["today_cases"].list.count() == 2,
                        timeout=10_000)
        today = dashboard.sections["today_cases"].list
        texts = {t.split()[0]: t for t in (today.item(r).text() for r in range(today.count()))}
        assert texts[ours].endswith("受理设备：本机") and texts[theirs].endswith("受理设备：02号窗口")

        window.go("cases")
        page = window.pages["cases"]
        qtbot.waitUntil(lambda: page.model.rowCount() == 2 and page.model.devices.this.number == "01",
                        timeout=10_000)
        wait_idle(qtbot, window.session)
        column = COLUMNS.index("origin")
        shown = {page.model.case_no(r): page.model.index(r, column).data() for r in range(2)}
        assert shown == {ours: "本机", theirs: "02号窗口"}
        assert page.model.headerData(column, Qt.Orientation.Horizontal) == "受理设备"
        assert not page.table.isColumnHidden(column)

        # The case taken on window 02 opens here and is continued like a local one.
        window.show_case(theirs)
        detail = window.case_detail
        qtbot.waitUntil(lambda: detail.view is not None and detail.view.case.case_no == theirs, timeout=10_000)
        assert "受理设备：02号窗口" in detail.status_line.text()
        assert detail.buttons["conclude"].isVisibleTo(detail) and not detail.conflict_box.isVisibleTo(detail)
        assert any("02号窗口" in t for t in detail.timeline_texts())  # who did what, and where
        detail.start_action("conclude")
        dialog = detail.dialog
        assert dialog is not None
        dialog.submit()
        qtbot.waitUntil(lambda: detail.dialog is None, timeout=10_000)
        qtbot.waitUntil(lambda: detail.view is not None and detail.view.case.status is CaseStatus.concluded,
                        timeout=10_000)
        assert "受理设备：02号窗口" in detail.status_line.text()
        assert detail.timeline_texts()[-1].endswith("（admin）")  # done here: no device named

        window.go("settings")
        settings = window.pages["settings"]
        qtbot.waitUntil(lambda: settings.facts is not None and settings.facts.devices is not None, timeout=10_000)
        assert settings.this_value.text() == "一号窗口（编号 01）"
        rows = {row.property("device"): row.text().splitlines() for row in settings.device_rows}
        assert rows == {
            "02": ["02号窗口（编号 02，窗口电脑）", "最近联系：2026-11-18 09:40"],  # the hub's UTC, the counter's clock
            "03": ["驻村工作队笔记本（编号 03，工作队笔记本电脑）", "已注销（2026-11-10 10:00），不再同步"],
            "04": ["04号窗口（编号 04，窗口电脑）", "从未联系"],
        }
    finally:
        close_window(window)


def test_a_conflict_shows_on_the_dashboard_and_the_case_page_and_the_dialog_resolves_it(
        qtbot: Any, windows: tuple[Station, Station]) -> None:
    one, two = windows
    case_no = cases.submit(two, request(two)).case_no
    _hand_over(two, one)
    # Offline, each window acts on the case: 01 concludes it, 02 records the applicant's withdrawal.
    cases.set_status(one, case_no, CaseStatus.concluded, outcome=Outcome.approved, note="")
    cases.withdraw(two, case_no, "申请人主动撤回")
    _hand_over(two, one)
    assert one_case(one, case_no).conflict is not None  # (the core's verdict, which the window shows)

    window = open_window(qtbot, one)
    try:
        dashboard = window.pages["dashboard"]
        qtbot.waitUntil(lambda: dashboard.data is not None, timeout=10_000)
        wait_idle(qtbot, window.session)
        assert dashboard.conflicts.isVisibleTo(dashboard)
        assert dashboard.conflicts.heading.text() == "冲突待处理 1 件"
        entries = dashboard.conflicts.list
        assert entries.count() == 1 and case_no in entries.item(0).text()
        entries.itemClicked.emit(entries.item(0))  # a click opens the case
        detail = window.case_detail
        qtbot.waitUntil(lambda: detail.view is not None and detail.view.case.case_no == case_no, timeout=10_000)
        assert window.stack.currentWidget() is detail

        # The panel names both actions in words: what, the status, when, who, which device.
        assert detail.conflict_box.isVisibleTo(detail)
        assert "冲突" in detail.conflict_heading.text() and "有冲突" in detail.status_line.text()
        lines = detail.conflict_actions.text().splitlines()
        assert len(lines) == 2
        concluded = next(line for line in lines if "办结" in line)
        withdrawn = next(line for line in lines if "撤回" in line)
        assert "（本机）" in concluded and "已办结（准予）" in concluded and "admin" in concluded
        assert "（02号窗口）" in withdrawn and "已撤回" in withdrawn and "2026-11-18" in withdrawn
        # The status is not settled: nothing changes it before the resolution.
        for action in ("conclude", "deliver", "withdraw"):
            assert not detail.buttons[action].isVisibleTo(detail)
        assert detail.buttons["resolve"].isVisibleTo(detail)

        detail.start_action("resolve")
        dialog = detail.dialog
        assert dialog is not None and dialog.windowTitle() == "处理冲突"
        titles = [b.text() for b in dialog.keep_buttons]
        assert sorted(titles) == ["办结（本机）", "撤回（02号窗口）"]
        dialog.submit()  # nothing chosen: refused in the dialog
        assert dialog.error_label.text() == "请选择保留哪一项处理。" and dialog.isVisible()
        dialog.keep_buttons[titles.index("撤回（02号窗口）")].setChecked(True)
        dialog.submit()  # no note: refused
        assert dialog.error_label.text() == "请填写处理说明。"
        dialog.note_edit.setText("已电话核实：申请人已撤回申请")
        dialog.submit()
        qtbot.waitUntil(lambda: detail.dialog is None, timeout=10_000)  # done, closed (and deleted)
        wait_idle(qtbot, window.session)
        qtbot.waitUntil(lambda: detail.view is not None and not detail.conflict_box.isVisibleTo(detail),
                        timeout=10_000)
        assert detail.view is not None and detail.view.case.status is CaseStatus.withdrawn
        assert "已撤回" in detail.status_line.text() and "有冲突" not in detail.status_line.text()
        assert any("处理冲突：保留“撤回" in t and "已电话核实" in t for t in detail.timeline_texts())

        window.go("dashboard")
        qtbot.waitUntil(lambda: not dashboard.conflicts.isVisibleTo(dashboard), timeout=10_000)
        wait_idle(qtbot, window.session)
        assert dashboard.data is not None and dashboard.data.overview.conflicts.total == 0
    finally:
        close_window(window)


def one_case(station: Station, case_no: str) -> Any:
    return cases.get_case(station, case_no, log_access=False)


def test_a_station_of_one_device_shows_no_device_column_and_says_so_in_settings(qtbot: Any, station: Station) -> None:
    """A station never synced (device 00, no list yet): no column that would always say 本机; this
    device by its number on the settings page, no others yet."""
    cases.submit(station, request(station))
    window = open_window(qtbot, station)
    try:
        window.go("cases")
        page = window.pages["cases"]
        qtbot.waitUntil(lambda: page.model.rowCount() == 1 and page.model.devices.this.number == "00",
                        timeout=10_000)
        wait_idle(qtbot, window.session)
        qtbot.wait(20)  # the columns are fitted once the event loop comes back
        assert page.table.isColumnHidden(COLUMNS.index("origin"))
        assert not page.table.isColumnHidden(COLUMNS.index("status"))
        window.go("dashboard")
        today = window.pages["dashboard"].sections["today_cases"].list
        qtbot.waitUntil(lambda: window.pages["dashboard"].data is not None and today.count() == 1, timeout=10_000)
        assert "受理设备" not in today.item(0).text()  # one device: every case is this one's
        window.go("settings")
        settings = window.pages["settings"]
        qtbot.waitUntil(lambda: settings.facts is not None and settings.facts.devices is not None, timeout=10_000)
        assert settings.this_value.text() == "00号窗口（编号 00）"
        [empty] = settings.device_rows
        assert "尚未列出" in empty.text()
        assert window.windowTitle().endswith(" · 00号窗口")
    finally:
        close_window(window)


def test_a_windows_default_name_on_the_case_page_is_said_in_tibetan(qtbot: Any,
                                                                     windows: tuple[Station, Station]) -> None:
    """A case's 窗口 is stored as the device's name when it took the case in; a device nobody named is
    "02号窗口" in the store, which a Tibetan clerk reads in Tibetan (as the status bar says its number)."""
    one, two = windows
    theirs = cases.submit(two, request(two)).case_no
    _hand_over(two, one)
    assert one_case(one, theirs).window == "02号窗口"
    window = open_window(qtbot, one)
    try:
        window.appearance.set_language("bo")
        window.show_case(theirs)
        detail = window.case_detail
        qtbot.waitUntil(lambda: detail.view is not None and detail.view.case.case_no == theirs, timeout=10_000)
        wait_idle(qtbot, window.session)
        line = detail.status_line.text()
        assert "号窗口" not in line and "02" in line, line
    finally:
        window.appearance.set_language("zh")
        close_window(window)
