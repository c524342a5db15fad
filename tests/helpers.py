"""Builders of intake requests for tests."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from app.identity import make_resident_id
from app.models import (
    Address,
    Agent,
    AgentRelation,
    Authorisation,
    Decision,
    HandlingMode,
    IntakeRequest,
    LicenceGrade,
    MaterialEntry,
    MaterialForm,
    MaterialState,
    Party,
    PartyKind,
)
from app.services import cases
from app.station import Station

DIBAO = "540000-XZGF-0003"  # 最低生活保障申请: promised, several deferrable materials
RESIDENCE_PROOF = "540000-GGFW-0010"  # 居住证明出具: instant, commitment allowed
NEWBORN_BUNDLE = "540000-YJS-0001"


def applicant(name: str = "扎西顿珠", birth: date = date(1968, 3, 4), seq: int = 17, **kw: object) -> Party:
    return Party(kind=PartyKind.person, name=name, id_type="resident_id",
                 id_number=make_resident_id("540127", birth, seq), phone="13908901234",
                 address=Address(division_code="540127100001", village="帮堆村", detail="12号"), **kw)  # type: ignore[arg-type]


def agent(name: str = "次仁卓玛") -> Agent:
    return Agent(name=name, id_type="resident_id", id_number=make_resident_id("540127", date(1985, 6, 1), 42),
                 relation=AgentRelation.work_team, phone="13800890000",
                 authorisation=Authorisation(kind="written", scope="代为申请低保", valid_until=date(2027, 1, 31)))


def all_received(station: Station, item_codes: list[str], bundle: str | None = None,
                 except_: dict[str, MaterialEntry] | None = None) -> list[MaterialEntry]:
    """Every checklist material received as an original, except the ones given."""
    out = []
    for line in cases.checklist(station, item_codes, bundle):
        special = (except_ or {}).get(line.material.code)
        if special is not None:
            special.item_code, special.material_code = line.item_code, line.material.code
            out.append(special)
        else:
            out.append(MaterialEntry(line.item_code, line.material.code, MaterialState.received,
                                     form=MaterialForm.original, count=1))
    return out


def request(station: Station, decision: Decision = Decision.accept, items: list[str] | None = None,
            mode: HandlingMode = HandlingMode.in_person, except_: dict[str, MaterialEntry] | None = None,
            **kw: object) -> IntakeRequest:
    items = items or [DIBAO]
    return IntakeRequest(applicant=kw.pop("applicant", None) or applicant(), mode=mode, decision=decision,  # type: ignore[arg-type]
                         item_codes=items, materials=all_received(station, items, None, except_),
                         agent=kw.pop("agent", None) or (agent() if mode is HandlingMode.proxy else None),  # type: ignore[arg-type]
                         **kw)  # type: ignore[arg-type]


def deferred(due: date) -> MaterialEntry:
    return MaterialEntry("", "", MaterialState.deferred, due_date=due)


def missing() -> MaterialEntry:
    return MaterialEntry("", "", MaterialState.missing)


def e_licence(grade: LicenceGrade = LicenceGrade.A) -> MaterialEntry:
    return MaterialEntry("", "", MaterialState.e_licence, licence_grade=grade)


@contextlib.contextmanager
def other_device_with(station: Station, root: Path, number: str = "02") -> Iterator[Station]:
    """Another device of ``station``'s station (its own store under ``root``) holding every event of
    ``station``'s chain, as a sync would bring them; closed after."""
    from app.config import Paths
    from app.services import catalogue
    from app.services.cases import sharing
    from app.store import journal as journal_store
    from tests.conftest import ADMIN_PASSWORD, FAST_KDF

    other, _recovery = Station.init(Paths(root / f"device-{number}"), station_code=station.station_code,
                                    station_name=station.station_name, admin_login="admin",
                                    admin_password=ADMIN_PASSWORD, kdf=FAST_KDF, clock=station.clock,
                                    device_no=number)
    try:
        catalogue.import_sample(other)
        sharing.take_peer_events(other, list(journal_store.iter_events(station.db)), source="test")
        yield other
    finally:
        other.close()
