"""The intake's look at a person's earlier cases at this station (首问负责, 防重复受理): an open case of
the same person and item (a warning, with the case to open, never a block), the same ID number
known under another name (a warning), and the person's details from their latest case to fill in
(this station's own records only: nothing is asked of the platform)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from app.identity import normalize_number
from app.models import CaseStatus, Party
from app.services.cases.rows import party_of
from app.services.cases.rules import OPEN_STATUSES
from app.station import Station
from app.store import cases as store

# An earlier case still under way: the same item again is likely a duplicate.
PENDING = frozenset({*(s.value for s in OPEN_STATUSES), CaseStatus.received.value,
                     CaseStatus.correction_requested.value})


@dataclass(frozen=True)
class EarlierCase:
    case_no: str
    status: CaseStatus
    applicant_name: str
    created_at: datetime
    item_codes: tuple[str, ...]


@dataclass(frozen=True)
class PersonCheck:
    """What the station's records say of an ID number at intake."""

    open_same_item: tuple[EarlierCase, ...] = ()  # open cases of the same person and (one of) the items
    other_names: tuple[str, ...] = ()  # names the ID number was taken in under, unlike the one given
    known: Party | None = None  # the person as their latest case has them (to fill the form)

    @property
    def warnings(self) -> bool:
        return bool(self.open_same_item or self.other_names)


def check_person(station: Station, id_number: str, name: str = "", item_codes: tuple[str, ...] = ()) -> PersonCheck:
    """The station's records of ``id_number``: open cases of any of ``item_codes``, other names it
    was taken in under (when ``name`` is given), and the person of the latest case."""
    number = normalize_number(id_number)
    if not number:
        return PersonCheck()
    rows = store.cases_of_person(station.db, number)
    if not rows:
        return PersonCheck()
    wanted = set(item_codes)
    open_same = tuple(
        EarlierCase(case_no=r["case_no"], status=CaseStatus(r["status"]), applicant_name=r["applicant_name"],
                    created_at=datetime.fromisoformat(r["created_at"]),
                    item_codes=tuple((r["item_codes"] or "").split(",")))
        for r in rows if r["status"] in PENDING and wanted & set((r["item_codes"] or "").split(",")))
    given = name.strip()
    others = tuple(dict.fromkeys(r["applicant_name"] for r in rows
                                 if given and r["applicant_name"].strip() != given))
    return PersonCheck(open_same_item=open_same, other_names=others, known=party_of(json.loads(rows[0]["applicant"])))
