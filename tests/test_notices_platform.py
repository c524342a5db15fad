"""The platform's notices are shown and can be marked read (issue 16, point 12): a real hub process
publishes a notice (``bianmin-hub notice``), the station's sync takes it, ``bianmin notices`` lists
it with what sync set aside for a person (a platform status that could not be written), an
administrator marks them read, a clerk may not; hostile words from the platform are shown inert."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from app.errors import PermissionDenied
from app.models import Role
from app.services import cases, notices
from app.station import Station
from app.store import journal as journal_store
from sync import engine
from tests.conftest import ADMIN_PASSWORD
from tests.helpers import request
from tests.hubproc import Hub
from tests.test_devices_sync import _cli_env


def bianmin(station: Station, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "bianmin", *args], capture_output=True, text=True, timeout=120,
                          env=_cli_env(station), stdin=subprocess.DEVNULL)


def test_a_platform_notice_reaches_the_station_is_listed_and_marked_read(station: Station, hub: Hub) -> None:
    engine.enrol(station, hub.url, hub.quick_code(station.station_code))
    case_no = cases.submit(station, request(station)).case_no
    assert engine.run_once(station).ok
    published = hub.run_cli("notice", "--station", station.station_code, "--title", "关于春节期间办件时限的说明",
                            "--text", "2027年春节假期（2月6日至2月9日）不计入办理时限。\x1b[31m", check=False)
    assert published.returncode != 0 and "控制字符" in published.stderr  # nothing hostile is published
    hub.run_cli("notice", "--station", station.station_code, "--title", "关于春节期间办件时限的说明",
                "--text", "2027年春节假期（2月6日至2月9日）不计入办理时限。", check=True)
    hub.run_cli("notice", "--all", "--text", "平台将于今晚22时维护一小时。", check=True)
    # The case is withdrawn here; the department's status for it cannot be written: a notice too.
    cases.withdraw(station, case_no, "申请人撤回")
    assert engine.run_once(station).ok
    hub.run_cli("set-status", case_no, "concluded", "--outcome", "approved", check=True)
    assert engine.run_once(station).ok

    unread = notices.list_notices(station, unread_only=True)
    kinds = sorted(n.kind for n in unread)
    assert kinds == ["message", "message", "status_not_applied"], unread
    mine = next(n for n in unread if n.title)
    assert mine.title == "关于春节期间办件时限的说明" and "2月6日至2月9日" in mine.text
    status = next(n for n in unread if n.kind == "status_not_applied")
    assert status.details["case_no"] == case_no
    assert engine.status(station).notices == 3

    listed = bianmin(station, "notices")
    assert listed.returncode == 0, listed.stderr
    assert "平台通知" in listed.stdout and "关于春节期间办件时限的说明" in listed.stdout
    assert "平台的办件状态未能写入办件" in listed.stdout and case_no in listed.stdout
    as_json = json.loads(bianmin(station, "notices", "--json").stdout)
    assert len(as_json) == 3 and all(n["read_at"] is None for n in as_json)

    read = bianmin(station, "notices", "read", mine.id)
    assert read.returncode == 0 and "1 条" in read.stdout, read.stderr
    assert notices.unread_count(station) == 2
    assert any(e["action"] == "notice_read" and e["detail"] == mine.id
               for e in journal_store.access_entries(station.db))
    assert bianmin(station, "notices", "read", "--all").returncode == 0
    assert notices.unread_count(station) == 0 and engine.status(station).notices == 0
    assert "没有未读通知" in bianmin(station, "notices").stdout
    assert len(json.loads(bianmin(station, "notices", "--all", "--json").stdout)) == 3  # kept, read


def test_a_clerk_cannot_mark_notices_read(station: Station) -> None:
    from app.store import outbox

    with station.db.transaction():
        outbox.add_notice(station.db, "n-1", station.clock.stamp(), {"kind": "message", "text": "请注意"})
    station.add_operator("clerk1", "次仁", Role.clerk, "clerk-password-1")
    clerk = Station.open(station.paths, "clerk1", "clerk-password-1", kdf=station.kdf)
    try:
        assert [n.text for n in notices.list_notices(clerk)] == ["请注意"]  # a clerk reads them
        with pytest.raises(PermissionDenied):
            notices.mark_read(clerk)
        assert notices.unread_count(clerk) == 1
    finally:
        clerk.close()


def test_a_notice_of_an_unknown_shape_is_shown_as_it_came(station: Station, tmp_path: Path) -> None:
    from app.store import outbox

    with station.db.transaction():
        outbox.add_notice(station.db, "n-2", station.clock.stamp(), {"kind": "future_kind", "what": "新功能"})
        outbox.add_notice(station.db, "n-3", station.clock.stamp(), {"title": 5, "text": ["x"]})
    shown = {n.id: n for n in notices.list_notices(station)}
    assert shown["n-2"].kind == "message" and "新功能" in shown["n-2"].text
    assert shown["n-3"].kind == "message" and shown["n-3"].title == ""
    assert ADMIN_PASSWORD  # (the station's admin is logged in: mark every one read)
    assert sorted(notices.mark_read(station)) == ["n-2", "n-3"]


def test_the_dashboard_lists_unread_notices_and_an_administrator_marks_them_read(qtbot: Any,
                                                                                 station: Station) -> None:
    from app.store import outbox
    from tests.uikit import close_window, open_window, wait_idle

    case_no = cases.submit(station, request(station)).case_no
    with station.db.transaction():
        outbox.add_notice(station.db, "7", station.clock.stamp(),
                          {"kind": "message", "title": "关于春节期间办件时限的说明",
                           "text": "春节假期不计入办理时限。"})
        outbox.add_notice(station.db, "status-8", station.clock.stamp(),
                          {"kind": "status_not_applied", "case_no": case_no, "reason": "case.invalid_transition"})
    window = open_window(qtbot, station)
    try:
        page = window.pages["dashboard"]
        qtbot.waitUntil(lambda: page.data is not None and page.notices_box.isVisibleTo(page), timeout=10_000)
        assert page.notices_heading.text() == "未读通知 2 条"
        texts = [page.notices_list.item(i).text() for i in range(page.notices_list.count())]
        assert any(t.startswith("平台通知") and "关于春节期间办件时限的说明" in t for t in texts), texts
        assert any(t.startswith("平台的办件状态未能写入办件") and case_no in t for t in texts), texts
        assert page.notices_read.isEnabled()  # the administrator
        page.notices_read.click()
        wait_idle(qtbot, window.session)
        qtbot.waitUntil(lambda: not page.notices_box.isVisibleTo(page), timeout=10_000)
        assert page.data is not None and page.data.unread_notices == 0
    finally:
        close_window(window)


def test_a_clerk_sees_the_notices_but_cannot_mark_them_read(qtbot: Any, station: Station) -> None:
    from app.store import outbox
    from tests.uikit import close_window, open_window

    with station.db.transaction():
        outbox.add_notice(station.db, "9", station.clock.stamp(), {"kind": "message", "text": "请注意网络维护。"})
    station.add_operator("zhuoma", "卓玛", Role.clerk, "clerk-pass-2026")
    window = open_window(qtbot, station, "zhuoma", "clerk-pass-2026")
    try:
        page = window.pages["dashboard"]
        qtbot.waitUntil(lambda: page.data is not None and page.notices_box.isVisibleTo(page), timeout=10_000)
        assert not page.notices_read.isEnabled() and page.notices_note.isVisibleTo(page)
        assert "管理员" in page.notices_note.text()
    finally:
        close_window(window)
