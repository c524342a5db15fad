"""Cases shared between the devices of one station (issue 15): three real stores, devices 00, 01 and
02 of one station, exchanging their events by ``cases.take_peer_events`` as the hub's peer feed, the
centre's relay or a laptop's bundle hands them over (no network here: what one store holds is given
to the other).

- a case taken in at window 01 is found, opened and continued at window 02 exactly like a local one
  (trip, material supplied, print, attachment, conclusion, delivery, rating), and window 01 then
  holds the very same case;
- a delivery at 01 and a withdrawal at 02 while apart: both stores show the conflict with both
  actions, on the case and the dashboard; a clerk at 02 keeps the delivery; after the exchange no
  store holds a conflict and all three show the same status;
- the same events again change nothing; a changed event, a second intake under a taken number and
  an event of another station are refused; a case whose later events come before its intake waits
  for it.
"""

from __future__ import annotations

import dataclasses
import io
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from PIL import Image

from app.clock import CHINA_TZ, FixedClock
from app.config import Paths
from app.errors import CaseNotFound, ValidationError
from app.journal import Event, EventType, event_hash
from app.models import CaseStatus, Decision, DeliveryMethod, MaterialForm, Outcome
from app.services import attachments, cases, catalogue, dashboard
from app.services.cases import sharing
from app.station import Station
from app.store import attachments as attachment_store
from app.store import journal as journal_store
from app.store import peers as peer_store
from tests.conftest import ADMIN_PASSWORD, FAST_KDF, STATION_CODE
from tests.helpers import DIBAO, applicant, deferred, request

DAY = datetime(2026, 11, 18, 9, 0, tzinfo=CHINA_TZ)


def _device(tmp_path: Path, no: str, station_code: str = STATION_CODE) -> Station:
    st, _ = Station.init(Paths(tmp_path / f"{station_code}-{no}"), station_code=station_code,
                         station_name="工卡镇便民服务中心", admin_login="admin", admin_password=ADMIN_PASSWORD,
                         kdf=FAST_KDF, clock=FixedClock(DAY), device_no=no)
    catalogue.import_sample(st)
    return st


@pytest.fixture
def centre(tmp_path: Path) -> Iterator[list[Station]]:
    """Devices 00, 01 and 02 of one station, each its own store and clock."""
    devices = [_device(tmp_path, f"0{i}") for i in range(3)]
    yield devices
    for st in devices:
        st.close()


def held(st: Station) -> list[Event]:
    """Every event a store holds: its own chain and what reached it of the others'."""
    own = list(journal_store.iter_events(st.db))
    others = [e for chain in peer_store.chains(st.db) for e in peer_store.by_chain(st.db, chain)]
    return own + others


def exchange(*stations: Station) -> None:
    """Every store gets what every other holds (twice round, so that what one relays arrives too)."""
    for _ in range(2):
        for to in stations:
            for frm in stations:
                if frm is not to:
                    result = cases.take_peer_events(to, held(frm), "test")
                    assert result.refused == ()


def tick(*stations: Station, minutes: int = 5) -> None:
    for st in stations:
        assert isinstance(st.clock, FixedClock)
        st.clock.advance(minutes=minutes)


def case_intake_hash(st: Station, case_no: str) -> str:
    return next(e.hash for e in cases.case_journal(st, case_no) if e.type == EventType.received)


def _png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (40, 30), (120, 30, 30)).save(out, "PNG")
    return out.getvalue()


def test_a_case_taken_at_one_window_is_continued_at_another(centre: list[Station]) -> None:
    _, w1, w2 = centre
    case = cases.submit(w1, request(w1, Decision.deferred_material, applicant=applicant(name="扎西顿珠", seq=31),
                                    except_={"M-INCOME-STATEMENT": deferred(date(2026, 11, 30))}))
    assert case.case_no[20:22] == "01" and case.origin == "01"
    own = journal_store.case_events(w1.db, case.case_no)
    assert all("after" not in e.payload for e in own)  # a case on one device: payloads as they always were

    taken = cases.take_peer_events(w2, held(w1), "lan")
    assert taken.cases == (case.case_no,) and taken.refused == () and taken.taken == len(held(w1))
    # found at window 02 by number, name, pinyin, initials and the last digits of the ID number
    for query in (case.case_no, "顿珠", "dunzhu", "zxdz", case.applicant.id_number[-6:]):
        assert [c.case_no for c in cases.search_cases(w2, query)] == [case.case_no], query
        assert [c.case_no for c in cases.find_cases(w2, query).rows] == [case.case_no], query
    row = cases.find_cases(w2).rows[0]
    assert (row.origin, row.in_conflict) == ("01", False)
    assert cases.get_case(w2, case.case_no) == cases.get_case(w1, case.case_no, log_access=False)
    assert cases.trips(w2, case.case_no) == cases.trips(w1, case.case_no)

    # continued at window 02 as a local case
    tick(w1, w2)
    cases.record_trip(w2, case.case_no, "consult")
    cases.supply_material(w2, case.case_no, DIBAO, "M-INCOME-STATEMENT", form=MaterialForm.copy, count=2)
    assert cases.record_print(w2, case.case_no, "receipt", "a4") == 0
    info = attachments.add_bytes(w2, case.case_no, DIBAO, "M-INCOME-STATEMENT", _png(), "收入证明.png")
    cases.set_status(w2, case.case_no, CaseStatus.in_progress)
    tick(w1, w2)
    cases.set_status(w2, case.case_no, CaseStatus.concluded, outcome=Outcome.approved)
    cases.deliver(w2, case.case_no, method=DeliveryMethod.counter, recipient="扎西顿珠")
    cases.evaluate(w2, case.case_no, "very_satisfied")
    mine = journal_store.case_events(w2.db, case.case_no)
    assert len(mine) == 8 and all(e.payload.get("after") for e in mine)  # each written after what it knew
    assert mine[0].payload["after"] == [own[-1].hash]  # window 01's decision at intake

    taken = cases.take_peer_events(w1, held(w2), "lan")  # 02's own chain is new to 01, the rest is 01's
    assert (taken.cases, taken.taken, taken.known) == (
        (case.case_no,), journal_store.count(w2.db), journal_store.count(w1.db))
    at_1, at_2 = cases.get_case(w1, case.case_no, log_access=False), cases.get_case(w2, case.case_no)
    assert at_1 == at_2
    assert (at_1.status, at_1.outcome, at_1.trips, at_1.conflict) == (
        CaseStatus.delivered, Outcome.approved, 4, None)  # intake, consult, material supplied, collected
    assert cases.trips(w1, case.case_no) == cases.trips(w2, case.case_no)
    assert [e.hash for e in cases.case_journal(w1, case.case_no)] == [
        e.hash for e in cases.case_journal(w2, case.case_no)]
    assert cases.print_count(w1, case.case_no, "receipt") == 1
    # the scan's link comes with its content (the sync's business); here window 02 has both
    assert [a.sha256 for a in attachments.list_for_case(w2, case.case_no)] == [info.sha256]
    assert attachments.list_for_case(w1, case.case_no) == []
    assert sharing.attachments_missing(w1) == [(case.case_no, info.sha256)]
    meta = attachment_store.content_meta(w2.db, info.sha256)
    assert meta is not None
    with w1.db.transaction():  # as the content's download stores it
        attachment_store.insert_content(w1.db, sha256=info.sha256, data=attachments.read(w2, info.sha256), **meta)
    assert sharing.content_arrived(w1, info.sha256) == [case.case_no]
    assert attachments.list_for_case(w1, case.case_no) == attachments.list_for_case(w2, case.case_no)
    assert sharing.attachments_missing(w1) == []
    # window 01 continues too, after window 02's actions
    cases.record_print(w1, case.case_no, "receipt", "80mm")
    assert journal_store.case_events(w1.db, case.case_no)[-1].payload["after"] == [mine[-1].hash]


def test_concurrent_delivery_and_withdrawal_conflict_until_a_clerk_resolves(centre: list[Station]) -> None:
    w0, w1, w2 = centre
    case = cases.submit(w0, request(w0))
    exchange(w0, w1, w2)
    tick(w0, w1, w2)
    # apart: window 01 concludes and hands the result over, window 02 records a withdrawal
    cases.set_status(w1, case.case_no, CaseStatus.concluded, outcome=Outcome.approved)
    delivered = cases.deliver(w1, case.case_no, method=DeliveryMethod.counter, recipient="扎西顿珠")
    tick(w0, w1, w2, minutes=1)
    withdrawn = cases.withdraw(w2, case.case_no, "申请人撤回")
    assert (delivered.conflict, withdrawn.conflict) == (None, None)  # each alone sees none
    delivery = journal_store.case_events(w1.db, case.case_no)[-1]
    withdrawal = journal_store.case_events(w2.db, case.case_no)[-1]

    cases.take_peer_events(w1, held(w2), "lan")
    cases.take_peer_events(w2, held(w1), "lan")
    for st in (w1, w2):
        seen = cases.get_case(st, case.case_no, log_access=False)
        assert seen.conflict is not None
        actions = {a.hash: a for a in seen.conflict.actions}
        assert set(actions) == {delivery.hash, withdrawal.hash}
        assert (actions[delivery.hash].status, actions[delivery.hash].outcome, actions[delivery.hash].device) == (
            CaseStatus.delivered, "approved", "01")
        assert (actions[withdrawal.hash].status, actions[withdrawal.hash].device) == (CaseStatus.withdrawn, "02")
        assert seen.status is CaseStatus.withdrawn  # the later in causal order, flagged
        assert [c.case_no for c in cases.conflicted(st)] == [case.case_no]
        assert cases.find_cases(st).rows[0].in_conflict
        board = dashboard.overview(st, with_rates=False)
        assert board.conflicts.total == 1 and board.conflicts.entries[0].case_no == case.case_no
    assert cases.get_case(w0, case.case_no, log_access=False).conflict is None  # 00 has seen neither yet

    with pytest.raises(ValidationError) as not_one:
        cases.resolve_conflict(w2, case.case_no, keep=case_intake_hash(w2, case.case_no), note="")
    assert not_one.value.details["problems"][0]["problem"] == "not_in_conflict"
    tick(w0, w1, w2)
    resolved = cases.resolve_conflict(w2, case.case_no, keep=delivery.hash, note="已当面交付结果，撤回作废")
    assert (resolved.status, resolved.outcome, resolved.conflict) == (CaseStatus.delivered, Outcome.approved, None)
    event = journal_store.case_events(w2.db, case.case_no)[-1]
    assert event.type == EventType.conflict_resolved
    assert event.payload["set_aside"] == [withdrawal.hash] and event.payload["keep"] == delivery.hash
    assert set(event.payload["after"]) == {delivery.hash, withdrawal.hash}

    exchange(w0, w1, w2)
    states = [cases.get_case(st, case.case_no, log_access=False) for st in (w0, w1, w2)]
    assert all((s.status, s.outcome, s.conflict) == (CaseStatus.delivered, Outcome.approved, None) for s in states)
    assert states[0] == states[1] == states[2]
    for st in (w0, w1, w2):
        assert cases.conflicted(st) == [] and dashboard.overview(st, with_rates=False).conflicts.total == 0
    with pytest.raises(ValidationError) as no_conflict:
        cases.resolve_conflict(w0, case.case_no, keep=delivery.hash)
    assert no_conflict.value.details["problems"][0]["problem"] == "no_conflict"

    # a status change written knowing both sides ends a conflict too (here: in progress at 01, a
    # special procedure at 02; window 00 then concludes)
    other = cases.submit(w0, request(w0, applicant=applicant(name="王建国", seq=32)))
    exchange(w0, w1, w2)
    tick(w0, w1, w2)
    cases.set_status(w1, other.case_no, CaseStatus.in_progress)
    cases.set_status(w2, other.case_no, CaseStatus.special_procedure, note="入户调查")
    cases.take_peer_events(w0, held(w1) + held(w2), "lan")
    assert cases.get_case(w0, other.case_no, log_access=False).conflict is not None
    concluded = cases.set_status(w0, other.case_no, CaseStatus.concluded, outcome=Outcome.denied)
    assert (concluded.status, concluded.conflict) == (CaseStatus.concluded, None)
    exchange(w0, w1, w2)
    assert all(cases.get_case(st, other.case_no, log_access=False) == concluded for st in (w1, w2))


def test_what_is_known_changes_nothing_and_what_is_wrong_is_refused(centre: list[Station], tmp_path: Path) -> None:
    w0, w1, _ = centre
    case = cases.submit(w1, request(w1))
    first = cases.take_peer_events(w0, held(w1), "lan")
    assert first.taken == len(held(w1))
    before = (cases.get_case(w0, case.case_no, log_access=False), peer_store.count(w0.db))
    everything = [*held(w1), *held(w0)]  # and 00's own events back
    again = cases.take_peer_events(w0, everything, "lan")
    assert (again.taken, again.known, again.refused, again.cases) == (0, len(everything), (), ())
    assert (cases.get_case(w0, case.case_no, log_access=False), peer_store.count(w0.db)) == before

    tick(w1)
    cases.set_status(w1, case.case_no, CaseStatus.in_progress, note="")
    news = journal_store.case_events(w1.db, case.case_no)[-1]
    changed = dataclasses.replace(news, payload={**news.payload, "note": "改过"})  # hash kept
    rehashed = dataclasses.replace(changed, hash=event_hash(changed.prev_hash, changed.body()))
    # the same position told differently (an older version of the chain) than the one held
    held_one = journal_store.case_events(w1.db, case.case_no)[0]
    other = dataclasses.replace(held_one, operator="someone")
    other = dataclasses.replace(other, hash=event_hash(other.prev_hash, other.body()))
    result = cases.take_peer_events(w0, [changed, other], "lan")
    assert sorted(result.refused) == sorted([(news.event_id, sharing.HASH_MISMATCH),
                                             (held_one.event_id, sharing.POSITION_TAKEN)])
    assert result.taken == 0
    # re-hashed, it no longer links to the event after it once that one is here
    cases.record_trip(w1, case.case_no, "consult")
    after_it = journal_store.case_events(w1.db, case.case_no)[-1]
    assert cases.take_peer_events(w0, [after_it], "lan").taken == 1
    assert cases.take_peer_events(w0, [rehashed], "lan").refused == ((news.event_id, sharing.PREV_MISMATCH),)
    assert cases.get_case(w0, case.case_no, log_access=False).status is CaseStatus.accepted
    assert cases.take_peer_events(w0, [news], "lan").taken == 1  # the real one links both ways
    assert cases.get_case(w0, case.case_no, log_access=False).status is CaseStatus.in_progress

    # a well-made event that cannot be the case's (a material the case does not have) is kept, and the
    # case stays as it was: nothing else of the exchange is lost
    last = journal_store.case_events(w1.db, case.case_no)[-1]
    payload = {"item": DIBAO, "material": "M-NONE", "form": "copy", "count": 1, "was": "missing", "late": False,
               "trip": False}
    odd = dataclasses.replace(last, seq=journal_store.count(w1.db) + 1, event_id="odd",
                              type=EventType.material_supplied, payload=payload,
                              prev_hash=held(w1)[journal_store.count(w1.db) - 1].hash)
    odd = dataclasses.replace(odd, hash=event_hash(odd.prev_hash, odd.body()))
    kept = cases.take_peer_events(w0, [odd], "lan")
    assert (kept.taken, kept.refused, kept.cases) == (1, (), ())
    assert cases.get_case(w0, case.case_no, log_access=False).status is CaseStatus.in_progress

    # a second intake under a number already taken in (a device that issued it again) is refused
    intake = journal_store.case_events(w1.db, case.case_no)[0]
    stranger = _device(tmp_path / "stranger", "02")
    try:
        twin = cases.submit(stranger, request(stranger, applicant=applicant(name="王建国", seq=32)))
        twin_events = journal_store.case_events(stranger.db, twin.case_no)
        copy = dataclasses.replace(twin_events[0], case_no=case.case_no, device="02")
        copy = dataclasses.replace(copy, hash=event_hash(copy.prev_hash, copy.body()))
        assert intake.hash != copy.hash
        assert cases.take_peer_events(w0, [copy], "lan").refused == ((copy.event_id, sharing.DUPLICATE_CASE),)
    finally:
        stranger.close()

    # an event of another station, however well made, is refused
    elsewhere = _device(tmp_path, "03", station_code="540127100001")
    try:
        foreign = cases.submit(elsewhere, request(elsewhere))
        events = held(elsewhere)
        result = cases.take_peer_events(w0, events, "bundle")
        assert result.taken == 0 and {r for _, r in result.refused} == {sharing.FOREIGN_STATION}
        assert len(result.refused) == len(events)
        with pytest.raises(CaseNotFound):
            cases.get_case(w0, foreign.case_no)
    finally:
        elsewhere.close()


def test_a_case_whose_intake_comes_last_waits_for_it(centre: list[Station]) -> None:
    w0, w1, _ = centre
    case = cases.submit(w1, request(w1))
    tick(w1)
    cases.set_status(w1, case.case_no, CaseStatus.in_progress)
    events = held(w1)
    intake = [e for e in events if e.type == EventType.received]
    rest = [e for e in events if e.type != EventType.received]
    first = cases.take_peer_events(w0, rest, "bundle")
    assert first.taken == len(rest) and first.cases == ()
    assert [c for c, _ in sharing.waiting_for_intake(w0)] == [case.case_no]
    with pytest.raises(CaseNotFound):
        cases.get_case(w0, case.case_no)
    second = cases.take_peer_events(w0, intake, "bundle")
    assert second.cases == (case.case_no,) and sharing.waiting_for_intake(w0) == []
    assert cases.get_case(w0, case.case_no) == cases.get_case(w1, case.case_no, log_access=False)


def test_a_page_that_ends_between_an_intake_and_its_decision_waits_without_an_error(
        centre: list[Station], caplog: pytest.LogCaptureFixture) -> None:
    """A peer page of 500 events may end after a case's intake and before its decision (the next page
    has it): the case waits like one without its intake, and nothing is logged as an error."""
    w0, w1, _ = centre
    case = cases.submit(w1, request(w1))
    events = sorted(held(w1), key=lambda e: e.seq)
    upto = next(i for i, e in enumerate(events) if e.type == EventType.received) + 1
    with caplog.at_level("INFO"):
        first = cases.take_peer_events(w0, events[:upto], "hub")
    assert first.cases == () and [c for c, _ in sharing.waiting_for_intake(w0)] == [case.case_no]
    assert not [r for r in caplog.records if r.levelname == "ERROR"]
    second = cases.take_peer_events(w0, events[upto:], "hub")
    assert second.cases == (case.case_no,) and sharing.waiting_for_intake(w0) == []
    assert cases.get_case(w0, case.case_no) == cases.get_case(w1, case.case_no, log_access=False)
