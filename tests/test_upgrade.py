"""An upgrade keeps a station's records: a store made by an older program (schema 1, see
tests/fixtures/station-0.1-schema1/README.md) opens in this one, is backed up, migrated, and
every case, the journal and the case numbers carry on."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest

from app import backup as backups
from app.config import Paths
from app.errors import SchemaTooNew
from app.messages import describe
from app.models import CaseStatus
from app.services import cases, catalogue
from app.services.verify import verify
from app.station import Station
from app.store import migrations

OLD = Path(__file__).parent / "fixtures" / "station-0.1-schema1"
PASSWORD = "old-station-2026"


@pytest.fixture
def old_paths(tmp_path: Path) -> Paths:
    home = tmp_path / "station"
    shutil.copytree(OLD, home, ignore=shutil.ignore_patterns("README.md"))
    return Paths(home)


def test_older_station_opens_migrated_with_everything_kept(old_paths: Paths,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    found: list[int] = []
    real_migrate = migrations.migrate

    def migrate(db: object) -> None:
        found.append(db.scalar("PRAGMA user_version"))  # type: ignore[attr-defined]
        real_migrate(db)  # type: ignore[arg-type]

    monkeypatch.setattr(migrations, "migrate", migrate)
    station = Station.open(old_paths, "admin", PASSWORD, check="quick")
    try:
        assert found == [1]  # the fixture really is the older schema, and it was migrated
        assert station.db.scalar("PRAGMA user_version") == migrations.LATEST
        # the store was backed up before the migration ran, and the backup is still the old schema
        assert [b for b in backups.list_backups(old_paths) if "pre-migration" in b.name]
        listed = cases.list_cases(station, limit=100)
        assert len(listed) == 12
        one = cases.get_case(station, listed[0].case_no)
        assert one.applicant.name and one.applicant.id_number  # personal data decrypts
        report = verify(station)
        assert report.ok, report.as_dict()
        assert report.cases == 12
        # work goes on: a new case gets a number after the old ones, never one of theirs
        from bianmin.demo.cases import make_request

        items = catalogue.list_items(station)
        request = make_request(random.Random(3), station, items, [], station.today())
        new = cases.submit(station, request)
        assert new.case_no not in {c.case_no for c in listed}
        assert new.status in set(CaseStatus)
    finally:
        station.close()
    # and it opens again (nothing left half-migrated)
    again = Station.open(old_paths, "admin", PASSWORD, check="quick")
    try:
        assert len(cases.list_cases(again, limit=100)) == 13
    finally:
        again.close()


def test_an_older_program_refuses_a_newer_store_and_leaves_it_alone(old_paths: Paths) -> None:
    """A rollback to an older build must not open (and half-use) what a newer one wrote."""
    station = Station.open(old_paths, "admin", PASSWORD, check="none")
    with station.db.transaction():
        station.db.execute(f"PRAGMA user_version = {migrations.LATEST + 1}")
    station.close()
    before = old_paths.database.read_bytes()
    with pytest.raises(SchemaTooNew) as refused:
        Station.open(old_paths, "admin", PASSWORD)
    assert refused.value.details == {"found": migrations.LATEST + 1, "known": migrations.LATEST}
    assert "较新版本" in describe(refused.value)
    assert old_paths.database.read_bytes() == before
