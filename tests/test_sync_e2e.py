"""A station and the reference hub, both real, on loopback: enrol, push, pull, quarantine."""

from __future__ import annotations

import json

import pytest

from app.errors import HubRefused, NotEnrolled
from app.models import CaseStatus
from app.services import cases
from app.station import Station
from app.store import outbox
from sync import engine
from tests.helpers import request
from tests.hubproc import Hub


def _code(hub: Hub, station: Station) -> str:
    return hub.run_cli("enrol-code", station.station_code).stdout.strip().splitlines()[-1]


def _hub_cases(hub: Hub) -> list[dict[str, object]]:
    return list(json.loads(hub.run_cli("cases", "--json").stdout))


def test_not_enrolled_and_bad_code(station: Station, hub: Hub) -> None:
    report = engine.run_once(station)
    assert report.error == NotEnrolled.code
    with pytest.raises(HubRefused) as info:
        engine.enrol(station, hub.url, "WRONG-CODE-1")
    assert info.value.details["reason"] == "bad_code"


def test_cases_reach_the_hub_once_and_statuses_come_back(station: Station, hub: Hub) -> None:
    engine.enrol(station, hub.url, _code(hub, station))
    made = [cases.submit(station, request(station)).case_no for _ in range(3)]
    report = engine.run_once(station)
    assert report.ok, report
    assert report.pushed >= 6 and report.rejected == 0
    assert outbox.pending_count(station.db) == 0
    at_hub = {c["case_no"]: c for c in _hub_cases(hub)}
    assert set(made) <= set(at_hub) and all(at_hub[n]["status"] == "accepted" for n in made)
    # Sending again adds nothing; a second round has nothing to send.
    assert engine.run_once(station).pushed == 0
    assert len(_hub_cases(hub)) == len(at_hub)

    # The department concludes a case at the platform; the next sync brings it to the counter.
    hub.run_cli("set-status", made[0], "in_progress", "--platform-no", "XZ-2026-000123")
    hub.run_cli("set-status", made[0], "concluded", "--outcome", "approved", "--note", "准予")
    report = engine.run_once(station)
    assert report.ok and report.applied >= 2
    case = cases.get_case(station, made[0])
    assert case.status is CaseStatus.concluded and case.platform_no == "XZ-2026-000123"
    # The station's own events for those statuses went back to the hub in the same round.
    assert outbox.pending_count(station.db) == 0


def test_unsent_local_work_is_never_overwritten(station: Station, hub: Hub) -> None:
    engine.enrol(station, hub.url, _code(hub, station))
    case_no = cases.submit(station, request(station)).case_no
    assert engine.run_once(station).ok
    hub.run_cli("set-status", case_no, "in_progress")
    # The clerk withdraws the case while offline; the platform's status arrives before that is sent.
    cases.withdraw(station, case_no, "申请人撤回")
    report = engine.SyncReport()
    engine.pull(station, engine.client_for(station), report)
    assert report.deferred == 1
    assert cases.get_case(station, case_no).status is CaseStatus.withdrawn
    # After the push the deferred status is tried again and, being impossible now, becomes a notice.
    assert engine.run_once(station).ok
    assert cases.get_case(station, case_no).status is CaseStatus.withdrawn
    assert any(n["body"].get("kind") == "status_not_applied" for n in outbox.notices(station.db))
    assert outbox.deferred_updates(station.db) == []


def test_a_rejected_event_is_quarantined_and_blocks_nothing(station: Station, hub: Hub) -> None:
    engine.enrol(station, hub.url, _code(hub, station))
    first = cases.submit(station, request(station)).case_no
    # Someone edits a stored event behind the program's back: its hash no longer matches.
    station.db.execute("DROP TRIGGER events_no_update")
    station.db.execute("UPDATE events SET operator = 'mallory' WHERE seq = (SELECT min(seq) FROM events "
                       "WHERE case_no = ?)", (first,))
    second = cases.submit(station, request(station)).case_no
    report = engine.run_once(station)
    assert report.ok and report.rejected == 1 and report.pushed >= 3
    state = engine.status(station)
    assert [q["reason"] for q in state["quarantined"]] == ["bad_hash"]
    assert {c["case_no"] for c in _hub_cases(hub)} >= {second}


def test_link_down_is_reported_and_nothing_is_lost(station: Station, hub: Hub) -> None:
    engine.enrol(station, hub.url, _code(hub, station))
    cases.submit(station, request(station))
    hub.stop()
    report = engine.run_once(station)
    assert report.error == "sync.link_down"
    state = engine.status(station)
    assert state["waiting"] >= 2 and state["failures"] == 1 and state["last_error"] == "sync.link_down"
