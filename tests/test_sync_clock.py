"""A station whose clock is off by hours or days still syncs with the real hub (issue 12, point 5).

The hub refuses a signature whose ``created`` is more than 10 minutes from its own clock. The
station learns the hub's clock from every answer's ``Date`` header, signs with the corrected time,
keeps what it learned in its store (``sync.clock_offset``) so that the next round and the next
process start with it, and signs a refused request once more when the refusal was ``stale``.
The station's clock is the project's clock seam (``Station.clock``); the hub is a real process
keeping real time.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from PIL import Image

from app.clock import Clock
from app.models import CaseStatus
from app.services import attachments, cases
from app.station import Station
from app.store import operators as meta
from app.store import outbox
from sync import engine
from tests.conftest import reopen
from tests.helpers import request
from tests.hubproc import Hub


class ShiftedClock(Clock):
    """The station PC's wall clock, running at the right pace but set wrong by ``by``."""

    def __init__(self, by: dt.timedelta) -> None:
        self.by = by

    def now(self) -> dt.datetime:
        return super().now() + self.by


WRONG = {"5h_behind": -dt.timedelta(hours=5), "2d_ahead": dt.timedelta(days=2)}


@pytest.fixture(params=list(WRONG), ids=list(WRONG))
def clock(request: pytest.FixtureRequest) -> ShiftedClock:  # the station fixtures take this clock
    return ShiftedClock(WRONG[request.param])


def _hub_cases(hub: Hub) -> dict[str, dict[str, object]]:
    return {c["case_no"]: c for c in json.loads(hub.run_cli("cases", "--json", check=True).stdout)}


def _close_to(offset: dt.timedelta, expected: dt.timedelta) -> bool:
    return abs(offset - expected) < dt.timedelta(minutes=2)


def test_a_station_with_a_wrong_clock_syncs_every_round(station: Station, hub: Hub, clock: ShiftedClock,
                                                        tmp_path: Path) -> None:
    engine.enrol(station, hub.url, hub.enrol_code(station.station_code))
    case_no = cases.submit(station, request(station)).case_no
    scan = tmp_path / "scan.png"
    Image.new("RGB", (64, 48), "white").save(scan, "PNG")
    case = cases.get_case(station, case_no, log_access=False)
    attachments.add_file(station, case_no, case.materials[0].item_code, case.materials[0].material_code, scan)

    first = engine.run_once(station)
    assert first.ok, first
    assert first.pushed >= 3 and first.rejected == 0 and first.uploaded == 1
    assert case_no in _hub_cases(hub)

    # The platform moves the case on; several later rounds, each with a new client, bring it back.
    hub.run_cli("set-status", case_no, "in_progress", check=True)
    second = engine.run_once(station)
    assert second.ok, second
    assert cases.get_case(station, case_no, log_access=False).status is CaseStatus.in_progress
    hub.run_cli("set-status", case_no, "concluded", "--outcome", "approved", check=True)
    third = engine.run_once(station)
    assert third.ok, third
    assert cases.get_case(station, case_no, log_access=False).status is CaseStatus.concluded
    assert outbox.pending_count(station.db) == 0 and outbox.quarantined(station.db) == []
    assert _hub_cases(hub)[case_no]["status"] == "concluded"

    state = engine.status(station)
    assert state["failures"] == 0 and state["last_error"] == ""
    # The station's own stamps stay in its own time: what it shows the clerk is consistent.
    assert state["last_success"][:10] == clock.now().date().isoformat()


def test_the_learned_offset_is_kept_for_the_next_process(station: Station, hub: Hub, clock: ShiftedClock) -> None:
    engine.enrol(station, hub.url, hub.enrol_code(station.station_code))
    # Learned from the enrolment answer already, before any signed request.
    stored = dt.timedelta(seconds=float(meta.get_meta(station.db, "sync.clock_offset") or 0))
    assert _close_to(stored, -clock.by)
    assert engine.run_once(station).ok

    # The next process (a reopened store, a new client) starts with the offset, not with zero.
    station = reopen(station)
    try:
        client = engine.client_for(station)
        assert _close_to(client.clock_offset, -clock.by)
        cases.submit(station, request(station))
        report = engine.run_once(station, client)
        assert report.ok and report.pushed >= 2, report
    finally:
        station.close()


def test_a_clock_set_right_again_still_syncs(station: Station, hub: Hub, clock: ShiftedClock) -> None:
    engine.enrol(station, hub.url, hub.enrol_code(station.station_code))
    assert engine.run_once(station).ok
    # A technician sets the PC's clock right: the kept offset is now wrong by hours or days.
    clock.by = dt.timedelta(0)
    cases.submit(station, request(station))
    report = engine.run_once(station)
    assert report.ok and report.pushed >= 2, report
    stored = dt.timedelta(seconds=float(meta.get_meta(station.db, "sync.clock_offset") or 0))
    assert _close_to(stored, dt.timedelta(0))
