"""``bianmin verify``: the store's integrity, the journal's hash chains, and their agreement.

A station is a set of devices, each with its own hash chain: this device's chain (``events``) is
checked whole, from its first event; every other device's chain held here (``peer_events``) is
checked as far as it reached here, gaps allowed (``app.journal.check_links``: each event's own
hash, and the link between two events in adjacent positions). The result names the chain and the
position of the first fault of each (codes, not sentences: ``ChainBreak.reason``).

Verifying only reads; the result is journaled (``station.verified``) when the disk takes it, and
a full or read-only disk does not stop the check (``VerifyReport.recorded`` says whether it was).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from app.errors import DiskFull, StoreCorrupt, WriteFailed
from app.events import Verified
from app.journal import ChainBreak, Event, StationEventType, chain_of, check_chain, check_links
from app.station import Station
from app.store import journal as journal_store
from app.store import peers as peer_store

log = logging.getLogger(__name__)

# A ChainBreak.reason of verify's own, besides app.journal's: an event in a chain it does not belong
# to (its ``device`` names another device, or it is another station's).
FOREIGN_EVENT = "foreign_event"


@dataclass(frozen=True)
class ChainReport:
    """One device's chain as held here."""

    chain: str  # the device number ("00".."99")
    own: bool  # this device's chain (checked whole), or another device's (as far as it reached here)
    events: int
    last_seq: int  # the highest position held (0: none)
    chain_break: ChainBreak | None = None

    @property
    def missing(self) -> int:
        """Positions up to ``last_seq`` not held here (another device's events not yet arrived)."""
        return self.last_seq - self.events

    def as_dict(self) -> dict[str, Any]:
        return {"chain": self.chain, "own": self.own, "events": self.events, "last_seq": self.last_seq,
                "missing": self.missing, "chain_break": _break_dict(self.chain_break)}


@dataclass
class VerifyReport:
    ok: bool
    events: int  # this device's own events
    cases: int
    store_problems: list[str] = field(default_factory=list)
    chain_break: ChainBreak | None = None  # this device's own chain
    cases_without_intake: list[str] = field(default_factory=list)
    recorded: bool = True  # the check was journaled (False on a full or read-only disk)
    chains: list[ChainReport] = field(default_factory=list)  # this device's first, then the others'

    @property
    def broken_chains(self) -> list[ChainReport]:
        return [c for c in self.chains if c.chain_break is not None]

    def as_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok, "events": self.events, "cases": self.cases, "store_problems": self.store_problems,
            "chain_break": _break_dict(self.chain_break),
            "cases_without_intake": self.cases_without_intake, "recorded": self.recorded,
            "chains": [c.as_dict() for c in self.chains],
        }


def _break_dict(brk: ChainBreak | None) -> dict[str, Any] | None:
    return None if brk is None else {"seq": brk.seq, "reason": brk.reason}


class _Belonging:
    """Passes a chain's events through, noting the first that is not of ``chain`` and ``station``."""

    def __init__(self, events: Iterable[Event], chain: str, station: str) -> None:
        self.events, self.chain, self.station = events, chain, station
        self.foreign: ChainBreak | None = None
        self.count = 0
        self.last_seq = 0

    def __iter__(self) -> Iterator[Event]:
        for ev in self.events:
            if self.foreign is None and (chain_of(ev.device) != self.chain or ev.station != self.station):
                self.foreign = ChainBreak(seq=ev.seq, reason=FOREIGN_EVENT)
            self.count += 1
            self.last_seq = max(self.last_seq, ev.seq)
            yield ev

    def first_fault(self, brk: ChainBreak | None) -> ChainBreak | None:
        faults = [b for b in (brk, self.foreign) if b is not None]
        return min(faults, key=lambda b: b.seq) if faults else None


def _own_chain(station: Station) -> ChainReport:
    events = _Belonging(journal_store.iter_events(station.db), station.device_no, station.station_code)
    brk = check_chain(events)
    for _ in events:  # count what follows a break too
        pass
    return ChainReport(chain=station.device_no, own=True, events=events.count, last_seq=events.last_seq,
                       chain_break=events.first_fault(brk))


def _peer_events(station: Station, chain: str, batch: int = 2000) -> Iterator[Event]:
    last = 0
    while page := peer_store.by_chain(station.db, chain, after_seq=last, limit=batch):
        yield from page
        last = page[-1].seq


def _peer_chain(station: Station, chain: str) -> ChainReport:
    events = _Belonging(_peer_events(station, chain), chain, station.station_code)
    brk = check_links(events)
    for _ in events:
        pass
    return ChainReport(chain=chain, own=False, events=events.count, last_seq=events.last_seq,
                       chain_break=events.first_fault(brk))


def verify(station: Station) -> VerifyReport:
    problems: list[str] = []
    try:
        station.db.check(full=True)
    except StoreCorrupt as exc:
        problems.extend(exc.details.get("problems", [str(exc)]))
    own = _own_chain(station)
    chains = [own] + [_peer_chain(station, c) for c in peer_store.chains(station.db)
                      if c != station.device_no]
    orphans = [r[0] for r in station.db.all(
        "SELECT case_no FROM cases c WHERE NOT EXISTS "
        "(SELECT 1 FROM events e WHERE e.case_no = c.case_no AND e.type = 'case.received') AND NOT EXISTS "
        "(SELECT 1 FROM peer_events p WHERE p.case_no = c.case_no AND p.type = 'case.received') LIMIT 20")]
    report = VerifyReport(
        ok=not problems and all(c.chain_break is None for c in chains) and not orphans,
        events=own.events,
        cases=int(station.db.scalar("SELECT count(*) FROM cases", default=0)),
        store_problems=problems, chain_break=own.chain_break, cases_without_intake=orphans, chains=chains,
    )
    try:
        with station.db.transaction():
            station.journal(StationEventType.verified, None, Verified(ok=report.ok, events=report.events).encode())
    except (DiskFull, WriteFailed) as exc:
        log.warning("verify result not journaled (%s)", exc.code)
        report.recorded = False
    return report
