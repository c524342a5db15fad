"""Journal events as types (issue 14, point 1): every stored event decodes to its payload dataclass
and encodes back to the very bytes the journal holds, so the hash chain is unchanged; the payloads
of older programs (the schema-1 station) are read as well; which status follows which event is one
table that the station's life cycle and the hub's projection both read."""

from __future__ import annotations

import io
import json
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PIL import Image

from app import events
from app.config import Paths
from app.errors import EventMalformed
from app.journal import GENESIS, Event, EventType, StationEventType, check_chain, event_hash
from app.lifecycle import STATUS_BY_TYPE, event_for
from app.messages import describe
from app.models import (
    CaseStatus,
    CrossRegion,
    Decision,
    Delivery,
    DeliveryMethod,
    MaterialEntry,
    MaterialForm,
    MaterialState,
    Outcome,
    Role,
)
from app.services import attachments, cases, settings
from app.services.verify import verify
from app.station import Station
from app.store import journal as journal_store
from bianmin.demo import cases as demo
from tests.helpers import DIBAO, deferred, missing, request

OLD = Path(__file__).parent / "fixtures" / "station-0.1-schema1"
OLD_PASSWORD = "old-station-2026"


def _stored(station: Station) -> Iterator[tuple[Event, str]]:
    """Every event with its payload exactly as stored (the text the journal holds)."""
    raw = dict(station.db.all("SELECT seq, payload FROM events"))
    for ev in journal_store.iter_events(station.db):
        yield ev, raw[ev.seq]


def _assert_round_trip(station: Station) -> set[str]:
    """Decode and re-encode every event: the same stored text, the same hashes, an intact chain."""
    rebuilt = []
    prev = GENESIS
    for ev, text in _stored(station):
        assert ev.type in events.PAYLOADS, f"no payload type for {ev.type}"
        typed = events.decode(ev.type, ev.payload)
        encoded = typed.encode()
        assert encoded == ev.payload
        assert json.dumps(encoded, ensure_ascii=False, sort_keys=True) == text, ev.type
        again = Event(**{**ev.__dict__, "payload": encoded})
        assert event_hash(prev, again.body()) == ev.hash, ev.seq
        prev = ev.hash
        rebuilt.append(again)
    assert rebuilt
    assert check_chain(rebuilt) is None
    return {ev.type for ev in rebuilt}


def _png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (640, 480), (200, 220, 240)).save(out, "PNG")
    return out.getvalue()


@pytest.fixture
def busy_station(station: Station) -> Station:
    """A demo journal, plus every other kind of event the services write."""
    demo.generate(station, 40, seed=14)
    # deferred material handed in late enough to count; a correction resumed; a special procedure
    case = cases.submit(station, request(station, Decision.deferred_material,
                                         except_={"M-INCOME-STATEMENT": deferred(date(2026, 11, 25))}))
    cases.supply_material(station, case.case_no, DIBAO, "M-INCOME-STATEMENT", form=MaterialForm.copy, count=2)
    cases.set_status(station, case.case_no, CaseStatus.in_progress, source="platform", platform_no="XZ2026-0001")
    cases.set_status(station, case.case_no, CaseStatus.special_procedure, note="入户调查")
    station.clock.advance(days=7)
    cases.set_status(station, case.case_no, CaseStatus.in_progress, note="调查结束")
    cases.set_status(station, case.case_no, CaseStatus.concluded, outcome=Outcome.approved)
    cases.record_print(station, case.case_no, "receipt", "a4")
    cases.record_print(station, case.case_no, "receipt", "80mm")
    cases.evaluate(station, case.case_no, "satisfied", indicators={"attitude": "good"})
    cases.evaluate(station, case.case_no, None)
    cases.deliver(station, case.case_no, method=DeliveryMethod.counter, recipient="扎西顿珠")
    fix = cases.submit(station, request(station, Decision.correction_notice,
                                        except_={"M-FAMILY-CHECK-AUTH": missing()}, correction_due=date(2026, 11, 30)))
    cases.record_trip(station, fix.case_no, "consult")
    cases.resume_after_correction(station, fix.case_no, [MaterialEntry(
        DIBAO, "M-FAMILY-CHECK-AUTH", MaterialState.received, form=MaterialForm.original, count=1)])
    attachments.add_bytes(station, fix.case_no, DIBAO, "M-FAMILY-CHECK-AUTH", _png(), "申请书.png")
    cases.withdraw(station, fix.case_no, "申请人撤回")
    cross = CrossRegion(intake_site="", handling_site="540102000000", handling_site_name="拉萨市城关区")
    far = cases.submit(station, request(station, delivery=Delivery(method=DeliveryMethod.post, address="帮堆村12号"),
                                        cross_region=cross))
    cases.record_posting(station, far.case_no, "1190012345678")
    # the station's own events
    station.add_operator("dolma", "卓玛", Role.clerk, "clerk-pass-2026")
    station.change_password("dolma", "clerk-pass-2027")
    station.disable_operator("dolma")
    settings.save(station, settings.StationSettings(language="bo", font_scale=150))
    station.rekey()
    verify(station)
    return station


def test_every_event_of_a_demo_journal_round_trips_byte_for_byte(busy_station: Station) -> None:
    seen = _assert_round_trip(busy_station)
    # the journal really holds every kind of payload the services write today
    assert seen >= {
        EventType.received, EventType.accepted, EventType.correction_requested, EventType.correction_resumed,
        EventType.material_supplied, EventType.in_progress, EventType.special_started, EventType.special_ended,
        EventType.concluded, EventType.delivered, EventType.withdrawn, EventType.trip, EventType.printed,
        EventType.reprinted, EventType.evaluated, EventType.posted, EventType.attachment_added,
        StationEventType.catalogue_imported, StationEventType.operator_added, StationEventType.password_changed,
        StationEventType.operator_disabled, StationEventType.settings_changed, StationEventType.rekeyed,
        StationEventType.verified,
    }
    # both shapes of a concluded case: at intake (instant) and by a status change
    shapes = {type(events.decode(ev.type, ev.payload)) for ev in journal_store.iter_events(busy_station.db)
              if ev.type == EventType.concluded}
    assert shapes == {events.ConcludedAtIntake, events.StatusChanged}


def test_every_event_of_the_old_station_round_trips_byte_for_byte(tmp_path: Path) -> None:
    home = tmp_path / "old"
    shutil.copytree(OLD, home, ignore=shutil.ignore_patterns("README.md"))
    station = Station.open(Paths(home), "admin", OLD_PASSWORD, check="none")
    try:
        seen = _assert_round_trip(station)
    finally:
        station.close()
    assert EventType.received in seen and StationEventType.catalogue_imported in seen


def test_decode_keeps_unknown_keys_and_allows_keys_added_later() -> None:
    # a resumed correction from before its "source" existed, with a key from some other version
    old = {"supplied": [], "clock_start": "2026-11-24", "legal_due": "2027-01-06", "promised_due": "2026-12-22",
           "trip": True, "reviewed_by": "央金"}
    typed = events.decode(EventType.correction_resumed, old)
    assert isinstance(typed, events.CorrectionResumed) and typed.source is None
    assert typed.extra == {"reviewed_by": "央金"}
    assert typed.encode() == old
    # an optional key written as null stays null
    change = {"from": "accepted", "to": "in_progress", "note": "", "source": "platform", "platform_no": None}
    assert events.decode(EventType.in_progress, change).encode() == change
    # settings named over the versions: whatever was saved comes back
    saved = {"language": "zh", "printer": "", "paper": "a4", "idle_lock_minutes": 5}
    assert events.decode(StationEventType.settings_changed, saved).encode() == saved
    # the hub's address as sync.engine journals it at enrolment
    enrolled = {"hub": "https://hub.example.cn"}
    assert events.decode(StationEventType.enrolled, enrolled) == events.HubSet(hub="https://hub.example.cn")


def test_encode_gives_todays_payloads() -> None:
    change = events.StatusChanged(from_="special_procedure", to="in_progress", note="调查结束", source="counter",
                                  extended_by=5)
    assert change.encode() == {"from": "special_procedure", "to": "in_progress", "note": "调查结束",
                               "source": "counter", "extended_by": 5}
    assert events.Printed(kind="receipt", paper="a4", copy=0).encode() == {"kind": "receipt", "paper": "a4", "copy": 0}


@pytest.mark.parametrize(("type_", "payload", "key"), [
    (EventType.trip, {}, "purpose"),
    (EventType.printed, {"kind": "receipt", "paper": "a4", "copy": "1"}, "copy"),
    (EventType.material_supplied, {"item": "i", "material": "m", "form": "copy", "count": True, "was": "deferred",
                                   "late": False, "trip": True}, "count"),
    ("case.teleported", {}, ""),
])
def test_a_payload_of_no_known_shape_is_refused_with_a_clear_message(type_: str, payload: dict[str, object],
                                                                     key: str) -> None:
    with pytest.raises(EventMalformed) as info:
        events.decode(type_, payload)
    assert info.value.details["key"] == key
    assert "办件日志" in describe(info.value)


def test_one_table_gives_the_event_of_every_allowed_status_change() -> None:
    for current, allowed in cases.TRANSITIONS.items():
        for to in allowed:
            event = event_for(current, to)
            assert STATUS_BY_TYPE[event] is to
    assert event_for(CaseStatus.special_procedure, CaseStatus.in_progress) is EventType.special_ended
    assert event_for(CaseStatus.accepted, CaseStatus.in_progress) is EventType.in_progress
    assert event_for(CaseStatus.correction_requested, CaseStatus.accepted) is EventType.correction_resumed
