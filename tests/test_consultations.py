"""咨询 (issue 16, point 10): a question answered at the window that did not become a case is recorded
in two keys (item, how answered), journaled, counted, accepted by the platform, and holds a name or
phone only when the citizen agrees."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

import pytest

from app.errors import ValidationError
from app.journal import StationEventType
from app.models import ConsultAnswer
from app.services import consultations
from app.station import Station
from app.store import journal as journal_store
from sync import engine
from tests.helpers import DIBAO
from tests.hubproc import Hub
from tests.test_devices_sync import _cli_env


def _events(station: Station) -> list[Any]:
    return [e for e in journal_store.iter_events(station.db) if e.type == StationEventType.consultation]


def test_consultations_are_recorded_counted_and_keep_no_person_without_consent(station: Station) -> None:
    consultations.record(station, DIBAO, ConsultAnswer.checklist)
    consultations.record(station, "", ConsultAnswer.referred, note="户籍问题，引导至派出所")
    consultations.record(station, DIBAO, ConsultAnswer.callback, consent=True, name="次仁", phone="13908901111")
    with pytest.raises(ValidationError) as info:
        consultations.record(station, DIBAO, ConsultAnswer.answered, name="次仁")  # no consent: refused
    assert info.value.details["problems"] == [{"field": "consent", "problem": "consent_required"}]
    with pytest.raises(ValidationError):
        consultations.record(station, "540000-NO-SUCH", ConsultAnswer.answered)
    with pytest.raises(ValidationError):
        consultations.record(station, DIBAO, "guessed")
    counted = consultations.count(station, station.today())
    assert counted.total == 3
    assert counted.by_answer == {"checklist": 1, "referred": 1, "callback": 1}
    assert counted.by_item == {DIBAO: 2, "": 1}
    events = _events(station)
    assert [e.payload.get("name") for e in events] == [None, None, "次仁"]
    assert events[0].payload == {"item": DIBAO, "answer": "checklist", "consent": False}
    rows = station.db.all("SELECT consent, name, phone FROM consultations ORDER BY id")
    assert [tuple(r) for r in rows] == [(0, "", ""), (0, "", ""), (1, "次仁", "13908901111")]


def test_the_command_line_and_the_platform(station: Station, hub: Hub) -> None:
    engine.enrol(station, hub.url, hub.quick_code(station.station_code))
    env = _cli_env(station)

    def bianmin(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "bianmin", *args], capture_output=True, text=True, timeout=120,
                              env=env, stdin=subprocess.DEVNULL)

    station.db.close()
    done = bianmin("consult", "record", DIBAO, "--answer", "checklist")
    assert done.returncode == 0 and "已登记咨询" in done.stdout, done.stderr
    refused = bianmin("consult", "record", "-", "--answer", "answered", "--name", "次仁")
    assert refused.returncode == 1 and "同意" in refused.stderr
    counted = json.loads(bianmin("consult", "count", "--since", "2026-01-01", "--json").stdout)
    assert counted["total"] == 1 and counted["by_answer"] == {"checklist": 1}
    again = Station.open(station.paths, "admin", env["BIANMIN_PASSWORD"], kdf=station.kdf, clock=station.clock)
    try:
        report = engine.run_once(again)
        assert report.ok and report.rejected == 0 and report.pushed >= 1, report
    finally:
        again.close()


def test_the_dashboard_records_a_consultation(qtbot: Any, station: Station) -> None:
    from tests.uikit import close_window, open_window, wait_idle

    window = open_window(qtbot, station)
    try:
        board = window.pages["dashboard"]
        qtbot.waitUntil(lambda: board.data is not None, timeout=10_000)
        board.consult_button.click()
        dialog = board.consult_dialog
        assert dialog is not None and dialog.isVisible()
        wait_idle(qtbot, window.session)
        qtbot.waitUntil(lambda: dialog.item.count() > 1, timeout=5000)  # the catalogue's items
        assert not dialog.name.isEnabled()  # no name without consent
        dialog.item.setCurrentIndex(dialog.item.findData(DIBAO))
        dialog.answer.setCurrentIndex(dialog.answer.findData("checklist"))
        dialog.ok_button.click()
        wait_idle(qtbot, window.session)
        qtbot.waitUntil(lambda: board.consult_dialog is None, timeout=5000)
        qtbot.waitUntil(lambda: "今日咨询 1 次" in board.rates.text(), timeout=10_000)
    finally:
        close_window(window)
