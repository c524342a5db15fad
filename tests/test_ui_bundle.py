"""导入离线包 (ui/bundle_dialog.py) through the real window: a work team's bundle checked, summarised and
forwarded to a real hub; a damaged one refused in the dialog."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from app.clock import FixedClock
from app.config import Paths
from app.services import cases, catalogue
from app.station import Station
from sync import bundles, engine
from tests.conftest import ADMIN_PASSWORD, FAST_KDF
from tests.helpers import applicant, request
from tests.hubproc import Hub
from tests.uikit import close_window, open_window, wait_idle

LAPTOP_CODE = "540127300000"


@pytest.fixture
def bundle_file(tmp_path: Path, clock: FixedClock, hub: Hub) -> Path:
    """A work team's laptop, enrolled, two cases taken in a village: exported to a stick."""
    laptop, _ = Station.init(Paths(tmp_path / "laptop"), station_code=LAPTOP_CODE, station_name="帮堆村驻村工作队",
                             admin_login="admin", admin_password=ADMIN_PASSWORD, kdf=FAST_KDF, clock=clock)
    try:
        catalogue.import_sample(laptop)
        engine.enrol(laptop, hub.url, hub.quick_code(LAPTOP_CODE))
        for seq in (51, 52):
            cases.submit(laptop, request(laptop, applicant=applicant(name="格桑拉姆", birth=date(1979, 7, 23),
                                                                     seq=seq)))
        return Path(bundles.export_bundle(laptop, tmp_path / "work-team.bmb").path)
    finally:
        laptop.close()


def test_import_a_bundle_from_the_dialog(qtbot: Any, station: Station, hub: Hub, bundle_file: Path) -> None:
    from ui.bundle_dialog import BundleDialog

    engine.enrol(station, hub.url, hub.quick_code(station.station_code))  # the township centre
    window = open_window(qtbot, station)
    try:
        dialog = BundleDialog(window.session, window)
        dialog.show()
        assert not dialog.import_button.isEnabled()

        # A damaged copy: refused in the dialog, with the reason, and nothing to import.
        bad = bundle_file.with_name("damaged.bmb")
        raw = bytearray(bundle_file.read_bytes())
        raw[len(raw) // 2] ^= 0x01
        bad.write_bytes(bytes(raw))
        dialog.set_path(str(bad))
        qtbot.waitUntil(lambda: dialog.error_label.isVisible(), timeout=10_000)
        assert "校验失败" in dialog.error_label.text() and not dialog.import_button.isEnabled()

        # The genuine one: whose work, how much, how big; then forwarded with progress.
        dialog.set_path(str(bundle_file))
        qtbot.waitUntil(lambda: dialog.summary is not None, timeout=10_000)
        assert not dialog.error_label.isVisible()
        assert LAPTOP_CODE in dialog.station_value.text() and "帮堆村驻村工作队" in dialog.station_value.text()
        assert dialog.cases_value.text().startswith("2 件")
        assert "MB" in dialog.size_value.text() and "校验通过" in dialog.check_value.text()
        assert dialog.import_button.isEnabled()
        with qtbot.waitSignal(dialog.imported, timeout=30_000) as imported:
            dialog.import_button.click()
            assert not dialog.close_button.isEnabled()
            # The forward runs on the dialog's own worker: the clerk's worker stays free meanwhile.
            answered: list[int] = []
            window.session.run(lambda st: 1, answered.append)
            qtbot.waitUntil(lambda: answered == [1], timeout=5_000)
        result = imported.args[0]
        assert result.stored == dialog.summary.events and dialog.progress.value() == 1000
        assert str(bundle_file) + ".ack" in dialog.status_label.text()
        assert Path(result.ack_path).exists()
        at_hub = hub.run_cli("cases", "--station", LAPTOP_CODE, "--json").stdout
        assert at_hub.count(LAPTOP_CODE + "2026") == 2  # both cases, under the laptop's station

        # Chosen again: known as delivered; nothing to import.
        dialog.set_path(str(bundle_file))
        qtbot.waitUntil(lambda: dialog.summary is not None, timeout=10_000)
        assert "已于" in dialog.check_value.text() and not dialog.import_button.isEnabled()
        wait_idle(qtbot, window.session)
        dialog.close()
        assert dialog._runner is None and dialog._companion is None  # its own worker and connection ended
    finally:
        close_window(window)


def test_a_bundle_of_the_centres_own_work_team_is_taken_into_this_windows_records_from_the_dialog(
        qtbot: Any, station: Station, hub: Hub, tmp_path: Path, clock: FixedClock) -> None:
    """The laptop is a device (80) of the centre's own station: its bundle is sealed to this window too, and
    the dialog says it is readable, takes its case in and says how much."""
    from sync import protocol
    from ui.bundle_dialog import BundleDialog

    laptop, _ = Station.init(Paths(tmp_path / "laptop"), station_code=station.station_code,
                             station_name="帮堆村驻村工作队", admin_login="admin", admin_password=ADMIN_PASSWORD,
                             kdf=FAST_KDF, clock=clock, device_no="80")
    try:
        catalogue.import_sample(laptop)
        engine.enrol(station, hub.url, hub.quick_code(station.station_code))
        engine.enrol(laptop, hub.url, hub.quick_code(station.station_code, device="80"),
                     role=protocol.DeviceRole.laptop)
        assert engine.run_once(station).ok and engine.run_once(laptop).ok  # each learns the other's keys
        case_no = cases.submit(laptop, request(laptop, applicant=applicant(name="格桑拉姆", seq=53))).case_no
        bundle = Path(bundles.export_bundle(laptop, tmp_path / "work-team.bmb").path)
    finally:
        laptop.close()
    window = open_window(qtbot, station)
    try:
        dialog = BundleDialog(window.session, window)
        dialog.show()
        dialog.set_path(str(bundle))
        qtbot.waitUntil(lambda: dialog.summary is not None, timeout=10_000)
        assert "本机能读取" in dialog.check_value.text()
        with qtbot.waitSignal(dialog.imported, timeout=30_000):
            dialog.import_button.click()
        assert "已收入本机记录" in dialog.status_label.text() and "办件 1 件" in dialog.status_label.text()
        found: list[Any] = []
        window.session.run(lambda st: cases.get_case(st, case_no, log_access=False), found.append)
        qtbot.waitUntil(lambda: bool(found), timeout=5_000)
        assert found[0].origin == "80" and found[0].applicant.name == "格桑拉姆"
        wait_idle(qtbot, window.session)
        dialog.close()
    finally:
        close_window(window)
