"""app.merge: one case's events of several devices merged (pure; no store).

A property test runs three devices of a station acting on one case while apart and exchanging what
they hold at random moments (each action written after the heads it held, as the services write
them); whatever order the events then arrive in, the causal order, the heads, the status and the
conflicts are the same, and the conflicts are exactly what the rule says, checked against a
plain search of the graph. Then the rule's cases one by one."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from app import merge
from app.journal import GENESIS, Event, EventType, chain_of, event_hash
from app.lifecycle import STATUS_BY_TYPE
from app.models import CaseStatus

STATION = "540127100000"
CASE = "5401271000002026111800001"
START = datetime(2026, 11, 18, 10, 0)


@dataclass
class Device:
    """One device: its chain and every event of the case it holds."""

    no: str
    skew: int = 0  # minutes its clock is off
    seq: int = 0
    prev: str = GENESIS
    held: dict[str, Event] = field(default_factory=dict)

    def write(self, type: str, tick: int, payload: dict[str, Any] | None = None) -> Event:
        payload = dict(payload or {})
        if any(chain_of(e.device) != self.no for e in self.held.values()):
            payload["after"] = merge.heads(self.held.values())
        self.seq += 1
        at = (START + timedelta(minutes=tick + self.skew)).isoformat(timespec="milliseconds")
        body = Event(seq=self.seq, event_id=str(uuid.uuid4()), station=STATION, case_no=CASE, type=type, at=at,
                     operator=f"clerk{self.no}", device=self.no, payload=payload)
        ev = Event(**{**body.__dict__, "prev_hash": self.prev, "hash": event_hash(self.prev, body.body())})
        self.prev = ev.hash
        self.held[ev.hash] = ev
        return ev


ACTIONS: list[tuple[str, dict[str, Any]]] = [
    (EventType.in_progress, {"from": "accepted", "to": "in_progress", "note": "", "source": "counter"}),
    (EventType.special_started, {"from": "in_progress", "to": "special_procedure", "note": "", "source": "counter"}),
    (EventType.concluded, {"from": "in_progress", "to": "concluded", "note": "", "source": "counter",
                           "outcome": "approved"}),
    (EventType.concluded, {"from": "in_progress", "to": "concluded", "note": "", "source": "counter",
                           "outcome": "denied"}),
    (EventType.delivered, {"method": "counter", "recipient": "扎西", "recipient_id": "", "tracking_no": ""}),
    (EventType.withdrawn, {"from": "accepted", "to": "withdrawn", "note": "", "source": "counter"}),
    (EventType.trip, {"purpose": "consult"}),
    (EventType.printed, {"kind": "receipt", "paper": "a4", "copy": 0}),
    (EventType.evaluated, {"level": "satisfied", "skipped": False, "indicators": {}, "reasons": []}),
]

step = st.one_of(
    st.tuples(st.just("act"), st.integers(0, 2), st.integers(0, len(ACTIONS) - 1)),
    st.tuples(st.just("sync"), st.integers(0, 2), st.integers(0, 2)),
)


def run(steps: list[tuple[str, int, int]], skews: list[int]) -> list[Device]:
    """Device 00 takes the case in and shares it with nobody yet; then the steps."""
    devices = [Device(f"0{i}", skew=skews[i]) for i in range(3)]
    devices[0].write(EventType.received, 0, {"note": "intake"})
    devices[0].write(EventType.accepted, 0, {"decision": "accept"})
    for tick, (kind, a, b) in enumerate(steps, start=1):
        if kind == "sync":
            devices[b].held.update(devices[a].held)
        elif any(e.type == EventType.received for e in devices[a].held.values()):
            type, payload = ACTIONS[b]
            devices[a].write(type, tick, payload)
    return devices


def everything(devices: list[Device]) -> list[Event]:
    return list({h: e for d in devices for h, e in d.held.items()}.values())


# -- an oracle: the graph searched plainly ------------------------------------------------------------
def parents_of(events: list[Event]) -> dict[str, set[str]]:
    known = {e.hash for e in events}
    out: dict[str, set[str]] = {}
    for e in events:
        same_line = [o for o in events if chain_of(o.device) == chain_of(e.device) and o.seq < e.seq]
        ps = {max(same_line, key=lambda o: o.seq).hash} if same_line else set()
        ps |= {h for h in e.payload.get("after", []) if h in known}
        out[e.hash] = ps
    return out


def ancestors(parents: dict[str, set[str]], h: str) -> set[str]:
    seen: set[str] = set()
    todo = list(parents[h])
    while todo:
        p = todo.pop()
        if p not in seen:
            seen.add(p)
            todo.extend(parents[p])
    return seen


def expected_conflict(events: list[Event], position: dict[str, int]) -> set[str]:
    """The latest status-bearing events when their results differ (the rule), else nothing.
    ``position``: the causal order (checked above to be one), which decides between outcomes written
    apart."""
    parents = parents_of(events)
    by_hash = {e.hash: e for e in events}
    bearing = [e for e in events if e.type in STATUS_BY_TYPE or e.type == EventType.conflict_resolved]
    below = set().union(*(ancestors(parents, e.hash) for e in bearing))
    latest = [e for e in bearing if e.hash not in below]

    def outcome_at(h: str) -> str | None:
        line = [by_hash[x] for x in ancestors(parents, h) | {h}]
        setters = [e for e in line if "outcome" in e.payload or e.type == EventType.conflict_resolved]
        if not setters:
            return None
        return max(setters, key=lambda e: position[e.hash]).payload.get("outcome")

    def status(e: Event) -> str:
        return e.payload["status"] if e.type == EventType.conflict_resolved else STATUS_BY_TYPE[e.type].value

    results = {(status(e), outcome_at(e.hash)) for e in latest}
    return {e.hash for e in latest} if len(results) > 1 else set()


@settings(max_examples=150, deadline=None)
@given(steps=st.lists(step, max_size=25), skews=st.lists(st.integers(-90, 90), min_size=3, max_size=3),
       data=st.data())
def test_any_arrival_order_gives_the_same_merge(steps: list[tuple[str, int, int]], skews: list[int],
                                               data: st.DataObject) -> None:
    devices = run(steps, skews)
    events = everything(devices)
    one = merge.CausalGraph(events)
    arrived = data.draw(st.permutations(events))
    doubled = arrived + data.draw(st.lists(st.sampled_from(events), max_size=5))  # the same event twice
    other = merge.CausalGraph(doubled)
    assert [e.hash for e in other.order] == [e.hash for e in one.order]
    assert merge.heads(doubled) == merge.heads(events)
    assert merge.merged_status(doubled) == merge.merged_status(events)

    # the causal order puts every event after its parents; heads are what nothing descends from
    parents = parents_of(events)
    position = {e.hash: i for i, e in enumerate(one.order)}
    assert all(position[p] < position[h] for h, ps in parents.items() for p in ps)
    below = set().union(*parents.values())
    assert set(merge.heads(events)) == {e.hash for e in events} - below

    # the conflict is exactly the rule's
    merged = merge.merged_status(events)
    found = set(merged.conflicts[0].events) if merged.conflicts else set()
    assert found == expected_conflict(events, position)
    for a in found:  # the actions of a conflict are concurrent, pairwise
        for b in found - {a}:
            assert one.concurrent(a, b)
    # the status in force is the last status-bearing event's in causal order
    last = [e for e in one.order if e.type in STATUS_BY_TYPE][-1]
    assert merged.status is STATUS_BY_TYPE[last.type]

    # every device once it holds everything: a resolution written after all of it ends the conflict
    if merged.conflicts:
        keep = merged.conflicts[0].events[0]
        kept = merge.merged_status_at(events, keep)
        resolver = devices[data.draw(st.integers(0, 2))]
        resolver.held.update({e.hash: e for e in events})
        payload: dict[str, Any] = {"keep": keep, "set_aside": list(found - {keep}), "note": "",
                                   "status": kept.status.value if kept.status else "accepted"}
        if kept.outcome is not None:
            payload["outcome"] = kept.outcome
        resolution = resolver.write(EventType.conflict_resolved, len(steps) + 1, payload)
        after = merge.merged_status([*events, resolution])
        assert after.conflicts == ()
        assert (after.status, after.outcome) == (kept.status, kept.outcome)


# -- the rule, case by case -------------------------------------------------------------------------
def two_apart() -> list[Device]:
    """Device 00 takes a case in and 01 and 02 get it; then the three are cut off from each other."""
    devices = run([("sync", 0, 1), ("sync", 0, 2)], [0, 0, 0])
    return devices


def test_concurrent_different_statuses_are_a_conflict() -> None:
    d = two_apart()
    delivered = d[1].write(EventType.delivered, 5, ACTIONS[4][1])
    withdrawn = d[2].write(EventType.withdrawn, 6, ACTIONS[5][1])
    merged = merge.merged_status(everything(d))
    assert merged.conflicts == (merge.Conflict(CASE, (delivered.hash, withdrawn.hash)),)
    assert merged.status is CaseStatus.withdrawn  # the later one in causal order, flagged
    # each device alone sees no conflict
    assert not merge.merged_status(d[1].held.values()).conflicts
    # trips and prints beside them are no conflict and change nothing
    d[1].write(EventType.trip, 7, {"purpose": "consult"})
    again = merge.merged_status(everything(d))
    assert again.conflicts == merged.conflicts and again.status is CaseStatus.withdrawn


def test_the_same_status_on_two_devices_is_no_conflict() -> None:
    d = two_apart()
    d[1].write(EventType.delivered, 5, ACTIONS[4][1])
    d[2].write(EventType.delivered, 6, ACTIONS[4][1])
    merged = merge.merged_status(everything(d))
    assert merged == merge.MergedStatus(CaseStatus.delivered, None, ())


def test_the_same_status_with_different_outcomes_is_a_conflict() -> None:
    d = two_apart()
    approved = d[1].write(EventType.concluded, 5, ACTIONS[2][1])
    d[1].write(EventType.delivered, 6, ACTIONS[4][1])
    denied = d[2].write(EventType.concluded, 5, ACTIONS[3][1])
    delivered = d[2].write(EventType.delivered, 7, ACTIONS[4][1])
    merged = merge.merged_status(everything(d))
    assert merged.in_conflict and delivered.hash in merged.conflicts[0].events
    assert approved.hash not in merged.conflicts[0].events  # superseded on its own device
    assert merge.merged_status_at(everything(d), delivered.hash).outcome == "denied"
    assert denied.hash not in merged.conflicts[0].events


def test_an_action_that_knew_the_other_is_no_conflict() -> None:
    d = two_apart()
    d[1].write(EventType.concluded, 5, ACTIONS[2][1])
    d[2].held.update(d[1].held)  # 02 learns of the conclusion, then delivers
    delivered = d[2].write(EventType.delivered, 6, ACTIONS[4][1])
    assert d[1].held.keys() <= set(delivered.payload["after"]) | set(merge.CausalGraph(everything(d)).index)
    merged = merge.merged_status(everything(d))
    assert merged == merge.MergedStatus(CaseStatus.delivered, "approved", ())


def test_a_resolution_that_knew_only_one_side_leaves_the_conflict() -> None:
    d = two_apart()
    delivered = d[1].write(EventType.delivered, 5, ACTIONS[4][1])
    d[2].write(EventType.withdrawn, 6, ACTIONS[5][1])
    d[0].held.update(d[1].held)
    d[0].write(EventType.conflict_resolved, 7, {"keep": delivered.hash, "set_aside": [], "status": "delivered",
                                                "note": ""})
    merged = merge.merged_status(everything(d))
    assert merged.in_conflict  # 02's withdrawal was not known to the resolution
    assert len(merged.conflicts[0].events) == 2


def test_causal_order_without_links_is_by_time_then_chain_then_position() -> None:
    d = two_apart()
    a = d[2].write(EventType.trip, 3, {"purpose": "consult"})
    b = d[1].write(EventType.trip, 3, {"purpose": "consult"})
    order = [e.hash for e in merge.causal_order(reversed(everything(d)))]
    assert order.index(b.hash) < order.index(a.hash)  # same time: chain 01 before 02
    # a clock far behind does not put an event before what it was written after
    late = Device("03", skew=-600)
    late.held.update(d[0].held)
    c = late.write(EventType.trip, 4, {"purpose": "consult"})
    order = [e.hash for e in merge.causal_order([c, *everything(d)])]
    assert order.index(c.hash) > max(order.index(h) for h in d[0].held)
