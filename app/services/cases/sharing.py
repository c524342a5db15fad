"""Cases (办件) shared between the devices of a station: the other devices' events taken in, every
case they touch projected from all its events, and conflicts resolved by a clerk.

Each device keeps its own chain (``events``); the other devices' events of the station, as far as
they reached here (by the hub's peer feed, a relay or a laptop's bundle), are kept in
``peer_events`` after their hashes and links are checked (:func:`take_peer_events`). A case's rows
(the case, its items, materials, trips, search index and attachment links) are then computed again
from *all* its events, this device's and the others', replayed in causal order (``app.merge``,
``replay``): :func:`project_case`. Two devices acting on a case while apart lose neither action;
where their actions cannot both stand, the case holds the conflict (``cases.conflict``) until a
clerk keeps one of them (:func:`resolve_conflict`, a ``case.conflict_resolved`` event).

A case whose intake has not arrived (its later events came first) waits in ``peer_cases_waiting``
and is projected when the intake comes.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from app import merge
from app.errors import EventMalformed, ValidationError
from app.events import ConflictResolved, Received, decode
from app.journal import Event, EventType, chain_of, check_links, event_hash
from app.models import Case, CaseStatus, CaseSummary, to_jsonable
from app.services.cases.intake import _search_doc
from app.services.cases.queries import get_case, summaries
from app.services.cases.replay import CaseState, replay
from app.services.cases.rows import conflict_json, groups_text, load_row, material_row
from app.services.cases.rules import require_clean
from app.station import Station
from app.store import attachments as attachment_store
from app.store import cases as store
from app.store import peers as peer_store
from app.store.db import Database

log = logging.getLogger(__name__)

# Why another device's event was not taken (``TakeResult.refused``).
FOREIGN_STATION = "foreign_station"  # an event of another station
HASH_MISMATCH = "hash_mismatch"  # its hash is not that of its content: changed on the way
PREV_MISMATCH = "prev_mismatch"  # it does not link to its neighbours held here
POSITION_TAKEN = "position_taken"  # a different event holds its place (or its id) in that chain here
DUPLICATE_CASE = "duplicate_case"  # a second, different intake of a case number already taken in
MALFORMED = "malformed"  # a case event no program wrote so (its payload does not decode)


@dataclass(frozen=True)
class TakeResult:
    """Other devices' events taken: how many were new (``taken``), already here (``known``, this
    device's own too), refused (event id, reason), and the cases projected again (``cases``)."""

    taken: int
    known: int
    refused: tuple[tuple[str, str], ...]
    cases: tuple[str, ...]


def take_peer_events(station: Station, events: Sequence[Event], source: str) -> TakeResult:
    """Take the events of other devices of this station (``source``: where they came from, e.g.
    "hub", "relay", "bundle"), in one transaction, and project every case they touch. The same event
    again has no effect (``known``); one that fails a check is refused and the others are taken."""
    db = station.db
    own = station.device_no
    code = station.station_code
    now = station.clock.stamp()
    taken = known = 0
    refused: list[tuple[str, str]] = []
    touched: set[str] = set()
    projected: list[str] = []
    with db.transaction():
        for ev in sorted(events, key=lambda e: (chain_of(e.device), e.seq)):
            chain = chain_of(ev.device)
            if ev.station != code:
                refused.append((ev.event_id, FOREIGN_STATION))
                continue
            if chain == own:
                known += 1
                continue
            reason = _problem(db, chain, ev)
            if reason == "known":
                known += 1
            elif reason is not None:
                log.warning("an event of device %s (position %d) refused: %s", chain, ev.seq, reason)
                refused.append((ev.event_id, reason))
            else:
                peer_store.insert(db, chain, ev, now, source)
                taken += 1
                if ev.case_no is not None:
                    touched.add(ev.case_no)
        waiting = []
        for case_no in sorted(touched):
            if peer_store.intake_of(db, case_no) is None:
                waiting.append(case_no)
                continue
            try:
                with db.transaction():  # a savepoint: a case that cannot be projected keeps its rows
                    _project(station, case_no)
            except EventMalformed as exc:
                if exc.details.get("key") == "decision":
                    # Its intake came without the decision written with it (a page of the feed ended
                    # between the two): it waits like a case without its intake, for the next page.
                    waiting.append(case_no)
                    continue
                log.error("a case could not be projected from its events: %s", type(exc).__name__)
                continue
            except (ValueError, KeyError, TypeError) as exc:
                # Events that cannot be one case's history (nothing a program of the station writes):
                # they stay stored, the case as it was; the next event of the case tries again.
                log.error("a case could not be projected from its events: %s", type(exc).__name__)
                continue
            peer_store.stop_waiting(db, case_no)
            projected.append(case_no)
        peer_store.wait_for_intake(db, waiting, now)
    if taken or refused:
        log.info("peer events: %d taken, %d known, %d refused; %d cases projected, %d waiting for intake",
                 taken, known, len(refused), len(projected), len(waiting))
    return TakeResult(taken=taken, known=known, refused=tuple(refused), cases=tuple(projected))


def _problem(db: Database, chain: str, ev: Event) -> str | None:
    """Why ``ev`` (of another device's ``chain``) cannot be taken; "known" when it is here already."""
    if ev.seq < 1:
        return MALFORMED
    if event_hash(ev.prev_hash, ev.body()) != ev.hash:
        return HASH_MISMATCH
    held = peer_store.get(db, chain, ev.seq)
    if held is not None:
        return "known" if held.hash == ev.hash else POSITION_TAKEN
    same_id = peer_store.by_event_id(db, ev.event_id)
    if same_id is not None:
        return POSITION_TAKEN
    neighbours = [e for e in (peer_store.get(db, chain, ev.seq - 1), ev, peer_store.get(db, chain, ev.seq + 1))
                  if e is not None]
    broken = check_links(neighbours)
    if broken is not None:
        return PREV_MISMATCH if broken.reason == "prev_mismatch" else HASH_MISMATCH
    if ev.case_no is None:
        return None  # the station's own events (operators, settings) only keep the chain whole here
    try:
        payload = decode(ev.type, ev.payload)
        if isinstance(payload, ConflictResolved):
            CaseStatus(payload.status)
    except (EventMalformed, ValueError):
        return MALFORMED
    if isinstance(payload, Received):
        intake = peer_store.intake_of(db, ev.case_no)
        if intake is not None and intake.hash != ev.hash:
            return DUPLICATE_CASE
    return None


# -- projection --------------------------------------------------------------------------------------
def project_case(station: Station, case_no: str) -> None:
    """Compute the case's rows again from all its events held here (own and other devices'): the case
    row (status, dates, origin, conflict), items, materials, trips, search index and the links of the
    attachments whose content is here. The case's intake must be here."""
    with station.db.transaction():
        _project(station, case_no)


def content_arrived(station: Station, sha256: str) -> list[str]:
    """After a scan's content is stored here (fetched for another device's attachment): link it to
    the cases whose events name it; returns those cases."""
    done = []
    with station.db.transaction():
        for case_no in peer_store.cases_with_attachment(station.db, sha256):
            if store.get_row(station.db, case_no) is not None:
                _project(station, case_no)
                done.append(case_no)
    return done


def attachments_missing(station: Station) -> list[tuple[str, str]]:
    """(case number, sha256) of other devices' scans whose content is not here yet (to fetch)."""
    return peer_store.attachments_missing(station.db)


def _stamp(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat(timespec="milliseconds")


def _project(station: Station, case_no: str) -> None:
    db = station.db
    graph = merge.CausalGraph(peer_store.events_of_case(db, case_no))
    order = graph.order
    intake = next((e for e in order if e.type == EventType.received), None)
    if intake is None:
        raise EventMalformed("a case's journal starts with its intake", payload="", key="case_no")
    if order[0] is not intake:  # no event of the case is written before its intake is held
        order = [intake, *(e for e in order if e is not intake)]
    state = replay(order, station.calendar)
    row = _row(state, Received.decode(intake.payload), conflict_json(graph))
    existing = store.get_row(db, case_no)
    if existing is None:
        case_id = store.insert_case(db, row)
    else:
        case_id = int(existing["id"])
        store.update_case(db, case_id, **{k: v for k, v in row.items() if k != "case_no"})
    case = state.case
    items = [to_jsonable(i) for i in case.items]
    store.replace_details(db, case_id, items, [material_row(m) for m in case.materials], state.trips)
    store.index_case(db, case_id, _search_doc(case_no, case.applicant, case.agent), replace=existing is not None)
    for a in state.attachments:
        if attachment_store.has_content(db, a["sha256"]):  # the content of another device's scan comes later
            attachment_store.link(db, case_no=case_no, item_code=a["item_code"], material_code=a["material_code"],
                                  sha256=a["sha256"], name=a["name"], added_at=a["added_at"],
                                  operator=a["operator"])


def _row(state: CaseState, intake: Received, conflict: str | None) -> dict[str, Any]:
    """The ``cases`` row of a replayed case, in the forms intake stores."""
    c = state.case
    docs = state.docs  # as intake gave them and amendments put right
    return {
        "case_no": c.case_no, "station_code": c.station_code, "status": c.status.value,
        "decision": c.decision.value, "outcome": c.outcome.value if c.outcome else None, "mode": c.mode.value,
        "bundle_code": c.bundle_code, "applicant_kind": c.applicant.kind.value,
        "applicant_name": c.applicant.name.strip(), "applicant_id_type": c.applicant.id_type,
        "applicant_id_no": c.applicant.id_number, "applicant_phone": c.applicant.phone,
        "applicant": store.as_json(docs["applicant"]), "agent": store.as_json(docs["agent"]),
        "delivery": store.as_json(docs["delivery"]),
        "refusal": store.as_json(to_jsonable(c.refusal)) if c.refusal else None,
        "cross_region": store.as_json(to_jsonable(c.cross_region)) if c.cross_region else None,
        "correction_due": c.correction_due.isoformat() if c.correction_due else None,
        "created_at": _stamp(c.created_at), "created_day": c.created_at.strftime("%Y%m%d"),
        "accepted_at": _stamp(c.accepted_at),
        "clock_start": c.clock_start.isoformat() if c.clock_start else None,
        "legal_due": c.legal_due.isoformat() if c.legal_due else None,
        "promised_due": c.promised_due.isoformat() if c.promised_due else None,
        "verification_code": c.verification_code, "platform_no": c.platform_no, "window": c.window,
        "operator": c.operator, "trips": len(state.trips), "updated_at": _stamp(c.updated_at), "origin": c.origin,
        "conflict": conflict, "special_groups": groups_text(c.special_groups),
    }


# -- conflicts ---------------------------------------------------------------------------------------
def resolve_conflict(station: Station, case_no: str, keep: str, note: str = "") -> Case:
    """A clerk keeps one action of the case's conflict (``keep``: its event hash) and sets the others
    aside: journals ``case.conflict_resolved`` written after every latest event of the case, with the
    status (and outcome) the kept action led to; the case takes that status and its conflict ends."""
    load_row(station, case_no)
    require_clean({"note": note})
    db = station.db
    graph = merge.CausalGraph(peer_store.events_of_case(db, case_no))
    merged = graph.merged()
    if not merged.conflicts:
        raise ValidationError("no conflict", problems=[{"field": "keep", "problem": "no_conflict"}])
    conflict = merged.conflicts[0]
    if keep not in conflict.events:
        raise ValidationError("not an action of the conflict",
                              problems=[{"field": "keep", "problem": "not_in_conflict"}])
    kept = graph.merged(upto=keep)
    assert kept.status is not None
    payload = ConflictResolved(keep=keep, set_aside=[h for h in conflict.events if h != keep],
                               status=kept.status.value, note=note, outcome=kept.outcome,
                               after=[e.hash for e in graph.heads()])
    with db.transaction():
        station.journal(EventType.conflict_resolved, case_no, payload.encode())
        _project(station, case_no)
    log.info("conflict of a case resolved (%d actions set aside)", len(payload.set_aside))
    return get_case(station, case_no, log_access=False)


def conflicted(station: Station, limit: int = 200) -> list[CaseSummary]:
    """The cases in conflict, newest first."""
    return summaries(station, store.conflicted(station.db, limit))


def waiting_for_intake(station: Station) -> list[tuple[str, str]]:
    """(case number, since) of cases whose later events are here but not their intake (or not the decision
    written with it)."""
    return peer_store.waiting(station.db)


__all__ = [
    "DUPLICATE_CASE", "FOREIGN_STATION", "HASH_MISMATCH", "MALFORMED", "POSITION_TAKEN", "PREV_MISMATCH",
    "TakeResult", "attachments_missing", "conflicted", "content_arrived", "project_case", "resolve_conflict",
    "take_peer_events", "waiting_for_intake",
]
