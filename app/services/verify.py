"""``bianmin verify``: the store's integrity, the journal's hash chain, and their agreement.

Verifying only reads; the result is journaled (``station.verified``) when the disk takes it, and
a full or read-only disk does not stop the check (``VerifyReport.recorded`` says whether it was).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from app.errors import DiskFull, StoreCorrupt, WriteFailed
from app.events import Verified
from app.journal import ChainBreak, StationEventType, check_chain
from app.station import Station
from app.store import journal as journal_store

log = logging.getLogger(__name__)


@dataclass
class VerifyReport:
    ok: bool
    events: int
    cases: int
    store_problems: list[str] = field(default_factory=list)
    chain_break: ChainBreak | None = None
    cases_without_intake: list[str] = field(default_factory=list)
    recorded: bool = True  # the check was journaled (False on a full or read-only disk)

    def as_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok, "events": self.events, "cases": self.cases, "store_problems": self.store_problems,
            "chain_break": None if self.chain_break is None else
            {"seq": self.chain_break.seq, "reason": self.chain_break.reason},
            "cases_without_intake": self.cases_without_intake, "recorded": self.recorded,
        }


def verify(station: Station) -> VerifyReport:
    problems: list[str] = []
    try:
        station.db.check(full=True)
    except StoreCorrupt as exc:
        problems.extend(exc.details.get("problems", [str(exc)]))
    brk = check_chain(journal_store.iter_events(station.db))
    orphans = [r[0] for r in station.db.all(
        "SELECT case_no FROM cases c WHERE NOT EXISTS "
        "(SELECT 1 FROM events e WHERE e.case_no = c.case_no AND e.type = 'case.received') LIMIT 20")]
    report = VerifyReport(
        ok=not problems and brk is None and not orphans,
        events=journal_store.count(station.db),
        cases=int(station.db.scalar("SELECT count(*) FROM cases", default=0)),
        store_problems=problems, chain_break=brk, cases_without_intake=orphans,
    )
    try:
        with station.db.transaction():
            station.journal(StationEventType.verified, None, Verified(ok=report.ok, events=report.events).encode())
    except (DiskFull, WriteFailed) as exc:
        log.warning("verify result not journaled (%s)", exc.code)
        report.recorded = False
    return report
