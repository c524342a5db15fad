"""One case's events from several devices of a station, merged: their causal order, the latest events
(heads), the status in force and the conflicts. Pure (no store, no clock): the station
(``app.services.cases.sharing``) and the hub both use it.

The causal graph. Every event of a case has
- an *implicit parent*: the previous event of the same case in the same chain (device), and
- the events its payload's ``after`` names: the heads of the case the writing device held when it
  wrote it, written when the case had events of other devices (``app.events.base.Payload.after``).
An ``after`` hash that is not among the events given (not arrived yet) is left out. An event
*descends* from another when the other is reached by following parents; two events are
*concurrent* when neither descends from the other (written by devices that had not seen each other's).

The causal order is a topological order of that graph; events that no parent orders are taken by
``(at, chain, seq)``: one order for a given set of events, whatever order they arrived in.

Status and conflicts (the lead's rule, issue 15). The *status-bearing* events are the types of
``app.lifecycle.STATUS_BY_TYPE`` and ``case.conflict_resolved`` (whose payload names the status).
The status in force is that of the last status-bearing event in causal order; the outcome in force is
the last outcome written in causal order (a resolution writes its own, possibly none).
The *latest actions* are the status-bearing events from which no other status-bearing event
descends. When they lead to different statuses (or to the same status with different outcomes in
force, e.g. concluded approved on one window and denied on another), the case is in conflict: one
:class:`Conflict` naming those actions. Actions with the same result are no conflict. A status
change written knowing every conflicting action (descending from all of them: a
``case.conflict_resolved``, the clerk's choice) ends it. Trips, prints, ratings, materials and
attachments bear no status: all of them stand, whatever happened concurrently.
"""

from __future__ import annotations

import heapq
import itertools
from collections.abc import Iterable
from dataclasses import dataclass

from app.journal import Event, EventType, chain_of
from app.lifecycle import STATUS_BY_TYPE
from app.models import CaseStatus


@dataclass(frozen=True)
class Conflict:
    """Concurrent actions on one case that cannot all stand: the hashes of the actions, in causal order."""

    case_no: str
    events: tuple[str, ...]


@dataclass(frozen=True)
class MergedStatus:
    """The status and the outcome in force (None: no status-bearing event), and the open conflicts
    (at most one per case; empty: none)."""

    status: CaseStatus | None
    outcome: str | None
    conflicts: tuple[Conflict, ...] = ()

    @property
    def in_conflict(self) -> bool:
        return bool(self.conflicts)


def after_of(ev: Event) -> list[str]:
    """The hashes an event's payload says it was written after (``after``; empty when left out)."""
    value = ev.payload.get("after") if isinstance(ev.payload, dict) else None
    if not isinstance(value, list):
        return []
    return [h for h in value if isinstance(h, str)]


def _key(ev: Event) -> tuple[str, str, int]:
    return (ev.at, chain_of(ev.device), ev.seq)


@dataclass(frozen=True)
class _Result:
    status: CaseStatus
    outcome: str | None
    sets_outcome: bool  # whether the event writes the outcome in force (a resolution always does)


def result_of(ev: Event) -> _Result | None:
    """The status an event leads to (and the outcome it writes), or None for an event bearing no status."""
    outcome = ev.payload.get("outcome") if isinstance(ev.payload, dict) else None
    if ev.type == EventType.conflict_resolved:
        try:
            resolved = CaseStatus(str(ev.payload.get("status")))
        except ValueError:
            return None
        return _Result(resolved, outcome if isinstance(outcome, str) else None, True)
    status = STATUS_BY_TYPE.get(ev.type)
    if status is None:
        return None
    if isinstance(outcome, str):
        return _Result(status, outcome, True)
    return _Result(status, None, False)


class CausalGraph:
    """Events (of one case, or of several: the implicit parent is per case and chain) with their
    causal order and who descends from whom. The same event given twice (by hash) counts once."""

    def __init__(self, events: Iterable[Event]) -> None:
        unique: dict[str, Event] = {}
        for ev in events:
            unique.setdefault(ev.hash, ev)
        parents: dict[str, set[str]] = {h: set() for h in unique}
        lines: dict[tuple[str | None, str], list[Event]] = {}
        for ev in unique.values():
            lines.setdefault((ev.case_no, chain_of(ev.device)), []).append(ev)
        for line in lines.values():
            line.sort(key=lambda e: e.seq)
            for earlier, later in itertools.pairwise(line):
                parents[later.hash].add(earlier.hash)
        for ev in unique.values():
            parents[ev.hash].update(h for h in after_of(ev) if h in unique and h != ev.hash)
        children: dict[str, list[str]] = {h: [] for h in unique}
        waiting = {h: len(ps) for h, ps in parents.items()}
        for h, ps in parents.items():
            for p in ps:
                children[p].append(h)
        ready = [(_key(unique[h]), h) for h, n in waiting.items() if n == 0]
        heapq.heapify(ready)
        order: list[Event] = []
        while ready:
            _, h = heapq.heappop(ready)
            order.append(unique[h])
            for c in children[h]:
                waiting[c] -= 1
                if waiting[c] == 0:
                    heapq.heappush(ready, (_key(unique[c]), c))
        if len(order) < len(unique):  # a cycle: no real hashes make one; what is left, by its key
            placed = {e.hash for e in order}
            order.extend(sorted((e for h, e in unique.items() if h not in placed), key=_key))
        self.order: list[Event] = order
        self.index: dict[str, int] = {e.hash: i for i, e in enumerate(order)}
        # ancestors as bit sets over positions in the order (only parents placed earlier count)
        self._ancestors: list[int] = []
        self._parented = 0
        for i, ev in enumerate(order):
            bits = 0
            for p in parents[ev.hash]:
                j = self.index[p]
                if j < i:
                    bits |= self._ancestors[j] | (1 << j)
                    self._parented |= 1 << j
            self._ancestors.append(bits)

    def descends(self, later: str, earlier: str) -> bool:
        """Whether the event ``later`` descends from ``earlier`` (both hashes of events given)."""
        return bool(self._ancestors[self.index[later]] >> self.index[earlier] & 1)

    def concurrent(self, a: str, b: str) -> bool:
        return a != b and not self.descends(a, b) and not self.descends(b, a)

    def ancestors(self, h: str) -> list[Event]:
        """The events ``h`` descends from, in causal order."""
        bits = self._ancestors[self.index[h]]
        return [e for i, e in enumerate(self.order) if bits >> i & 1]

    def heads(self) -> list[Event]:
        """The events no other event descends from, in causal order."""
        return [e for i, e in enumerate(self.order) if not self._parented >> i & 1]

    def merged(self, upto: str | None = None) -> MergedStatus:
        """The status, outcome and conflicts of the events (of those ``upto`` descends from and
        ``upto`` itself, when given)."""
        positions = range(len(self.order))
        if upto is not None:
            mine = self._ancestors[self.index[upto]] | (1 << self.index[upto])
            positions = range(self.index[upto] + 1)
            chosen = [i for i in positions if mine >> i & 1]
        else:
            chosen = list(positions)
        results = {i: r for i in chosen if (r := result_of(self.order[i])) is not None}
        if not results:
            return MergedStatus(None, None, ())
        setters = [i for i in chosen if i in results and results[i].sets_outcome]

        def outcome_at(i: int) -> str | None:
            mine = self._ancestors[i] | (1 << i)
            for j in reversed(setters):
                if j <= i and mine >> j & 1:
                    return results[j].outcome
            return None

        bearing = sorted(results)
        below = 0
        for i in bearing:
            below |= self._ancestors[i]
        latest = [i for i in bearing if not below >> i & 1]
        last = bearing[-1]
        outcome = results[setters[-1]].outcome if setters else None
        conflicts: tuple[Conflict, ...] = ()
        if len({(results[i].status, outcome_at(i)) for i in latest}) > 1:
            case_no = self.order[latest[0]].case_no or ""
            conflicts = (Conflict(case_no, tuple(self.order[i].hash for i in latest)),)
        return MergedStatus(results[last].status, outcome, conflicts)


def causal_order(events: Iterable[Event]) -> list[Event]:
    """The events in causal order: an event after its implicit parent and the events its ``after``
    names; otherwise by ``(at, chain, seq)``."""
    return CausalGraph(events).order


def heads(events: Iterable[Event]) -> list[str]:
    """The hashes of the events no other event descends from (the ``after`` of the next action), in
    causal order."""
    return [e.hash for e in CausalGraph(events).heads()]


def merged_status(events: Iterable[Event]) -> MergedStatus:
    """The status and outcome in force of one case's events and its open conflict (module docstring)."""
    return CausalGraph(events).merged()


def merged_status_at(events: Iterable[Event], hash: str) -> MergedStatus:
    """The status and outcome as they stood at one event: of it and what it descends from (the
    status a clerk keeps when keeping that action)."""
    return CausalGraph(events).merged(upto=hash)
