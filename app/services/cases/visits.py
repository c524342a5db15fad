"""Cases (办件): what is recorded beside a case's status — a citizen's trips to the counter, materials
posted on (政务专递), and the documents printed."""

from __future__ import annotations

import json

from app.errors import InvalidTransition
from app.events import Posted, Printed, Trip
from app.journal import EventType
from app.services.cases.rows import causal_after, load_row
from app.services.cases.rules import require_clean
from app.station import Station
from app.store import cases as store
from app.store import journal as journal_store
from app.store import peers as peer_store


def record_trip(station: Station, case_no: str, purpose: str) -> None:
    row = load_row(station, case_no)
    require_clean({"purpose": purpose})
    stamp = station.clock.stamp()
    with station.db.transaction():
        store.insert_trip(station.db, row["id"], stamp, purpose, station.operator.login)
        station.journal(EventType.trip, case_no, Trip(purpose=purpose, after=causal_after(station, case_no)).encode())


def record_posting(station: Station, case_no: str, tracking_no: str) -> None:
    """Paper materials of a cross-region case sent on by post (政务专递)."""
    row = load_row(station, case_no)
    require_clean({"tracking_no": tracking_no})
    if not row["cross_region"]:
        raise InvalidTransition(case_no=case_no, current="not_cross_region", to="posted")
    cross = json.loads(row["cross_region"])
    cross["tracking_no"] = tracking_no
    with station.db.transaction():
        station.journal(EventType.posted, case_no,
                        Posted(tracking_no=tracking_no, after=causal_after(station, case_no)).encode())
        store.update_case(station.db, row["id"], cross_region=store.as_json(cross), updated_at=station.clock.stamp())


def print_count(station: Station, case_no: str, kind: str) -> int:
    """How often a document of ``kind`` was printed for the case (the next copy's number)."""
    load_row(station, case_no)
    return sum(1 for e in peer_store.events_of_case(station.db, case_no)
               if e.type in (EventType.printed, EventType.reprinted) and e.payload.get("kind") == kind)


# Documents printed with the parties' full ID numbers (the 授权委托书, signed by both): each print is
# also an export of personal data in the access log.
FULL_ID_DOCUMENTS = frozenset({"authorisation"})


def record_print(station: Station, case_no: str, kind: str, paper: str) -> int:
    """Journal a print; returns the copy number (0 for the first print, 1.. for reprints)."""
    previous = print_count(station, case_no, kind)
    with station.db.transaction():
        station.journal(EventType.reprinted if previous else EventType.printed, case_no,
                        Printed(kind=kind, paper=paper, copy=previous, after=causal_after(station, case_no)).encode())
        journal_store.log_access(station.db, at=station.clock.stamp(), operator=station.operator.login,
                                 action="print", case_no=case_no, detail=kind)
        if kind in FULL_ID_DOCUMENTS:  # the parties' whole ID numbers leave the store on paper
            journal_store.log_access(station.db, at=station.clock.stamp(), operator=station.operator.login,
                                     action="export", case_no=case_no, detail=f"{kind}:full_id_numbers")
    return previous
