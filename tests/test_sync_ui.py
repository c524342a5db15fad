"""The sync indicator and the refused-events list, on the offscreen platform, with a real hub."""

from __future__ import annotations

from app.services import cases
from app.station import Station
from sync import engine
from tests.helpers import request
from tests.hubproc import Hub


def test_indicator_shows_waiting_then_synced_and_refused(qtbot: object, station: Station, hub: Hub) -> None:
    from ui.sync_panel import QuarantineDialog, SyncIndicator
    from ui.tasks import TaskRunner

    code = hub.run_cli("enrol-code", station.station_code).stdout.strip().splitlines()[-1]
    engine.enrol(station, hub.url, code)
    first = cases.submit(station, request(station)).case_no
    station.db.execute("DROP TRIGGER events_no_update")
    station.db.execute("UPDATE events SET operator = 'x' WHERE seq = (SELECT min(seq) FROM events WHERE case_no = ?)",
                       (first,))
    runner = TaskRunner()
    try:
        indicator = SyncIndicator(runner, lambda: engine.status(station), lambda: engine.run_once(station))
        qtbot.addWidget(indicator)  # type: ignore[attr-defined]
        qtbot.waitUntil(lambda: "待发送" in indicator.text.text(), timeout=5000)  # type: ignore[attr-defined]
        assert indicator.status["waiting"] >= 2 and not indicator.refused.isVisible()
        indicator.sync_now()
        qtbot.waitUntil(lambda: indicator.sync_button.isEnabled() and bool(indicator.status.get("sent")),  # type: ignore[attr-defined]
                        timeout=15000)
        qtbot.waitUntil(lambda: indicator.status.get("waiting") == 0, timeout=5000)  # type: ignore[attr-defined]
        assert "在线" in indicator.text.text()
        assert indicator.refused.text() == "被拒 1 条"

        dialog = QuarantineDialog(runner, lambda: engine.status(station),
                                  lambda seqs: engine.retry_quarantined(station, seqs))
        qtbot.addWidget(dialog)  # type: ignore[attr-defined]
        qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=5000)  # type: ignore[attr-defined]
        assert "哈希" in dialog.table.item(0, 3).text()
        dialog.retry()
        qtbot.waitUntil(lambda: dialog.table.rowCount() == 0, timeout=5000)  # type: ignore[attr-defined]
    finally:
        runner.stop()


def test_indicator_shows_offline_when_the_hub_is_gone(qtbot: object, station: Station, hub: Hub) -> None:
    from ui.sync_panel import SyncIndicator
    from ui.tasks import TaskRunner

    engine.enrol(station, hub.url, hub.run_cli("enrol-code", station.station_code).stdout.split()[-1])
    cases.submit(station, request(station))
    hub.stop()
    runner = TaskRunner()
    try:
        indicator = SyncIndicator(runner, lambda: engine.status(station), lambda: engine.run_once(station))
        qtbot.addWidget(indicator)  # type: ignore[attr-defined]
        indicator.sync_now()
        qtbot.waitUntil(lambda: "离线" in indicator.text.text(), timeout=15000)  # type: ignore[attr-defined]
        assert "从未" in indicator.text.toolTip()  # when the last success was (the bar keeps to one line)
    finally:
        runner.stop()
