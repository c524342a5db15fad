"""The journal's hash chain: property tests, and tampering found in a real store."""

from __future__ import annotations

import dataclasses

from hypothesis import given, settings
from hypothesis import strategies as st

from app.journal import GENESIS, Event, check_chain, event_hash, verification_code
from app.services import cases
from app.services.verify import verify
from app.station import Station
from tests.helpers import request

payloads = st.dictionaries(
    st.text(min_size=1, max_size=8),
    st.one_of(st.integers(), st.text(max_size=20), st.none(), st.booleans()),
    max_size=4,
)


def _chain(bodies: list[dict[str, object]]) -> list[Event]:
    out: list[Event] = []
    prev = GENESIS
    for i, payload in enumerate(bodies, start=1):
        ev = Event(seq=i, event_id=f"e{i}", station="540127100000", case_no=f"C{i % 3}", type="case.trip",
                   at=f"2026-11-18T10:00:{i % 60:02d}", operator="admin", device="d", payload=payload,
                   prev_hash=prev)
        ev = dataclasses.replace(ev, hash=event_hash(prev, ev.body()))
        out.append(ev)
        prev = ev.hash
    return out


@given(st.lists(payloads, min_size=1, max_size=30))
def test_an_untouched_chain_holds(bodies: list[dict[str, object]]) -> None:
    assert check_chain(_chain(bodies)) is None


@given(st.lists(payloads, min_size=2, max_size=30), st.data())
@settings(max_examples=150)
def test_any_change_is_found_at_the_event_changed(bodies: list[dict[str, object]], data: st.DataObject) -> None:
    chain = _chain(bodies)
    i = data.draw(st.integers(0, len(chain) - 1))
    field = data.draw(st.sampled_from(["payload", "operator", "at", "type", "case_no"]))
    ev = chain[i]
    changed = {
        "payload": {**ev.payload, "tampered": True},
        "operator": ev.operator + "x",
        "at": ev.at + "1",
        "type": ev.type + ".x",
        "case_no": (ev.case_no or "") + "9",
    }[field]
    chain[i] = dataclasses.replace(ev, **{field: changed})
    brk = check_chain(chain)
    assert brk is not None and brk.seq == i + 1 and brk.reason == "hash_mismatch"


@given(st.lists(payloads, min_size=3, max_size=20), st.data())
def test_removed_or_reordered_events_are_found(bodies: list[dict[str, object]], data: st.DataObject) -> None:
    chain = _chain(bodies)
    i = data.draw(st.integers(0, len(chain) - 2))
    removed = chain[:i] + chain[i + 1 :]
    assert check_chain(removed) is not None
    swapped = list(chain)
    swapped[i], swapped[i + 1] = swapped[i + 1], swapped[i]
    assert check_chain(swapped) is not None


@given(st.text(alphabet="0123456789abcdef", min_size=64, max_size=64))
def test_verification_codes_are_short_and_readable(h: str) -> None:
    code = verification_code(h)
    assert len(code) == 8 and not set(code) & set("ILOU")


def test_verify_names_the_first_broken_link_in_a_real_store(station: Station) -> None:
    for _ in range(4):
        cases.submit(station, request(station))
    report = verify(station)
    assert report.ok and report.events >= 9
    # Someone with the key edits an event behind the program's back (dropping the guard trigger).
    db = station.db
    db.execute("DROP TRIGGER events_no_update")
    db.execute("UPDATE events SET payload = json_set(payload, '$.note', 'edited') WHERE seq = 5")
    report = verify(station)
    assert not report.ok
    assert report.chain_break is not None and report.chain_break.seq == 5
