"""The encrypted store and its keys: passwords, lockout, recovery, rekey, backups, damage."""

from __future__ import annotations

import sqlite3
import stat
from pathlib import Path

import pytest

from app import backup as backups
from app.config import Paths
from app.errors import (
    AccountLocked,
    OperatorDisabled,
    PermissionDenied,
    StationExists,
    StationNotFound,
    StoreCorrupt,
    UnknownOperator,
    ValidationError,
    WeakPassword,
    WrongPassword,
    WrongRecoveryCode,
)
from app.models import Role
from app.services import cases
from app.station import Station
from app.store import migrations
from tests.conftest import ADMIN_PASSWORD, FAST_KDF, STATION_CODE, reopen
from tests.helpers import request


def _open(paths: Paths, login: str, password: str, **kw: object) -> Station:
    return Station.open(paths, login, password, kdf=FAST_KDF, **kw)  # type: ignore[arg-type]


def test_plain_sqlite_cannot_open_the_store_and_files_are_private(station: Station) -> None:
    cases.submit(station, request(station))
    conn = sqlite3.connect(station.paths.database)
    with pytest.raises(sqlite3.DatabaseError):
        conn.execute("SELECT * FROM sqlite_master").fetchall()
    conn.close()
    assert station.paths.database.read_bytes()[:16] != b"SQLite format 3\x00"
    mode = stat.S_IMODE(station.paths.keyfile.stat().st_mode)
    assert mode == 0o600
    assert station.db.scalar("PRAGMA journal_mode") == "wal"
    assert station.db.scalar("PRAGMA synchronous") == 2  # FULL


def test_init_checks_its_input_and_refuses_twice(paths: Paths, new_station: tuple[Station, str]) -> None:
    with pytest.raises(StationExists):
        Station.init(paths, station_code=STATION_CODE, station_name="x", admin_login="admin2",
                     admin_password=ADMIN_PASSWORD, kdf=FAST_KDF)
    other = Paths(paths.home.parent / "other")
    with pytest.raises(ValidationError):
        Station.init(other, station_code="54012", station_name="x", admin_login="admin", admin_password=ADMIN_PASSWORD)
    with pytest.raises(WeakPassword):
        Station.init(other, station_code=STATION_CODE, station_name="x", admin_login="admin", admin_password="short")
    with pytest.raises(StationNotFound):
        _open(other, "admin", ADMIN_PASSWORD)


def test_wrong_passwords_lock_for_five_minutes_and_admin_unlocks(station: Station) -> None:
    station.add_operator("zhuoma", "卓玛", Role.clerk, "clerk-pass-01")
    paths = station.paths
    for remaining in (4, 3, 2, 1):
        with pytest.raises(WrongPassword) as info:
            _open(paths, "zhuoma", "nope-nope")
        assert info.value.details["remaining"] == remaining
    with pytest.raises(AccountLocked):
        _open(paths, "zhuoma", "nope-nope")
    with pytest.raises(AccountLocked):  # even the right password, while locked
        _open(paths, "zhuoma", "clerk-pass-01")
    locked = next(o for o in station.operators() if o.login == "zhuoma")
    assert locked.locked_until > 0
    admin = reopen(station)
    admin.unlock_operator("zhuoma")
    admin.close()
    clerk = _open(paths, "zhuoma", "clerk-pass-01")
    assert clerk.operator.role is Role.clerk
    with pytest.raises(PermissionDenied):
        clerk.add_operator("other", "x", Role.clerk, "whatever-123")
    clerk.close()


def test_disabled_operator_cannot_log_in_and_last_admin_stays(station: Station) -> None:
    station.add_operator("zhuoma", "卓玛", Role.clerk, "clerk-pass-01")
    station.disable_operator("zhuoma")
    with pytest.raises((OperatorDisabled, UnknownOperator)):
        _open(station.paths, "zhuoma", "clerk-pass-01")
    with pytest.raises(ValidationError):
        station.disable_operator("admin")


def test_forgotten_password_recovered_with_recovery_code(new_station: tuple[Station, str]) -> None:
    station, recovery = new_station
    paths = station.paths
    station.close()
    with pytest.raises(WrongRecoveryCode):
        Station.recover(paths, "0000-0000-0000-0000-0000-0000", "admin", "new-pass-2026", kdf=FAST_KDF)
    # Typed in lower case with look-alike letters and spaces: still accepted.
    sloppy = recovery.lower().replace("-", " ").replace("1", "l").replace("0", "o")
    st = Station.recover(paths, sloppy, "admin", "new-pass-2026", kdf=FAST_KDF)
    st.close()
    with pytest.raises(WrongPassword):
        _open(paths, "admin", ADMIN_PASSWORD)
    _open(paths, "admin", "new-pass-2026").close()


def test_password_change_and_rekey_keep_every_record(station: Station, new_station: tuple[Station, str]) -> None:
    recovery = new_station[1]
    station.add_operator("zhuoma", "卓玛", Role.clerk, "clerk-pass-01")
    made = [cases.submit(station, request(station)).case_no for _ in range(3)]
    old_key = station.data_key
    station.rekey()
    assert station.data_key != old_key
    assert len(backups.list_backups(station.paths)) == 1  # taken before the rekey
    station.change_password("admin", "admin-pass-new", old_password=ADMIN_PASSWORD)
    station.close()
    # The clerk never typed anything during the rekey and still gets in.
    clerk = _open(station.paths, "zhuoma", "clerk-pass-01")
    assert [c.case_no for c in cases.list_cases(clerk)][::-1] == made
    clerk.close()
    admin = _open(station.paths, "admin", "admin-pass-new")
    assert admin.epoch == 2
    admin.close()
    Station.recover(station.paths, recovery, "zhuoma", "clerk-pass-02", kdf=FAST_KDF).close()


def test_interrupted_rekey_opens_with_whichever_key_the_store_has(station: Station) -> None:
    from app.keys import new_data_key

    cases.submit(station, request(station))
    # The key file gained the new key but the store was never re-encrypted (crash in between).
    station.keyfile.add_epoch(2, new_data_key())
    station.keyfile.save()
    again = reopen(station)
    assert again.epoch == 1
    assert again.keyfile.epochs == [1]
    assert len(cases.list_cases(again)) == 1
    again.close()


def test_corrupted_database_is_reported_with_the_last_backup(station: Station) -> None:
    cases.submit(station, request(station))
    bak = backups.take(station, "daily")
    station.close()
    db = station.paths.database
    data = bytearray(db.read_bytes())
    for off in range(4096 + 100, 4096 + 300):  # page 2
        data[off] ^= 0xFF
    db.write_bytes(bytes(data))
    # Today's check already ran: "quick" checks at every login; "daily" at the first one of a day.
    with pytest.raises(StoreCorrupt) as info:
        _open(station.paths, "admin", ADMIN_PASSWORD, check="quick")
    assert info.value.details["backup"] == str(bak)
    station.clock.advance(days=1)
    with pytest.raises(StoreCorrupt) as info:
        _open(station.paths, "admin", ADMIN_PASSWORD, clock=station.clock)
    assert info.value.details["backup"] == str(bak)
    # Restoring the backup brings the case back.
    backups.restore(station.paths, bak, ADMIN_PASSWORD, login="admin")
    st = _open(station.paths, "admin", ADMIN_PASSWORD)
    assert len(cases.list_cases(st)) == 1
    st.close()


def test_truncated_database_is_reported(station: Station) -> None:
    cases.submit(station, request(station))
    station.close()
    db = station.paths.database
    db.write_bytes(db.read_bytes()[:5000])
    with pytest.raises(StoreCorrupt):
        _open(station.paths, "admin", ADMIN_PASSWORD)


def test_damaged_key_file_is_reported(station: Station) -> None:
    station.close()
    station.paths.keyfile.write_text("{not json", "utf-8")
    with pytest.raises(StoreCorrupt):
        _open(station.paths, "admin", ADMIN_PASSWORD)


def test_backup_restore_round_trip_and_numbers_never_reused(station: Station, tmp_path: Path) -> None:
    first = cases.submit(station, request(station)).case_no
    target = backups.write(station, tmp_path / "b.bmbak")
    later = [cases.submit(station, request(station)).case_no for _ in range(2)]
    paths = station.paths
    station.close()
    with pytest.raises(WrongPassword):
        backups.restore(paths, target, "wrong-password", login="admin")
    backups.restore(paths, target, ADMIN_PASSWORD, login="admin")
    st = _open(paths, "admin", ADMIN_PASSWORD, clock=station.clock)
    assert [c.case_no for c in cases.list_cases(st)] == [first]
    after = cases.submit(st, request(st)).case_no
    assert after not in later and after > max(later)
    st.close()
    damaged = tmp_path / "damaged.bmbak"
    damaged.write_bytes(target.read_bytes()[:-2000])
    from app.errors import BackupError

    with pytest.raises(BackupError):
        backups.restore(paths, damaged, ADMIN_PASSWORD, login="admin")


def test_migration_takes_a_backup_first(station: Station, monkeypatch: pytest.MonkeyPatch) -> None:
    cases.submit(station, request(station))

    def v2(db: object) -> None:
        db.execute("ALTER TABLE cases ADD COLUMN note TEXT")  # type: ignore[attr-defined]

    before = migrations.LATEST
    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, v2])
    monkeypatch.setattr(migrations, "LATEST", len(migrations.MIGRATIONS))
    st = reopen(station)
    assert migrations.current_version(st.db) == before + 1
    found = backups.list_backups(st.paths)
    assert len(found) == 1 and "pre-migration" in found[0].name
    assert backups.read_manifest(found[0])["schema"] == before
    st.close()


def test_journal_is_immutable_in_the_store(station: Station) -> None:
    cases.submit(station, request(station))
    from app.errors import StoreError

    with pytest.raises(StoreError):
        station.db.execute("UPDATE events SET payload = '{}' WHERE seq = 1")
    with pytest.raises(StoreError):
        station.db.execute("DELETE FROM events")
