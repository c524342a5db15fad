"""Shared fixtures: real SQLCipher stations in temporary directories."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from app.clock import CHINA_TZ, FixedClock
from app.config import KdfParams, Paths
from app.services import catalogue
from app.station import Station
from hub.local import Hub, start_hub

# Cheap Argon2id for tests that log in many times; the CLI tests use the real defaults.
FAST_KDF = KdfParams(time_cost=1, memory_kib=8192, parallelism=1)
ADMIN_PASSWORD = "admin-pass-2026"
STATION_CODE = "540127100000"


@pytest.fixture
def clock() -> FixedClock:
    # Wednesday 18 November 2026, mid-morning at the counter.
    return FixedClock(datetime(2026, 11, 18, 10, 0, tzinfo=CHINA_TZ))


@pytest.fixture
def paths(tmp_path: Path) -> Paths:
    return Paths(tmp_path / "station")


@pytest.fixture
def new_station(paths: Paths, clock: FixedClock) -> Iterator[tuple[Station, str]]:
    station, recovery = Station.init(
        paths, station_code=STATION_CODE, station_name="工卡镇便民服务中心", admin_login="admin",
        admin_password=ADMIN_PASSWORD, kdf=FAST_KDF, clock=clock,
    )
    yield station, recovery
    try:
        station.close()
    except Exception:
        pass


@pytest.fixture
def station(new_station: tuple[Station, str]) -> Station:
    st = new_station[0]
    catalogue.import_sample(st)
    return st


@pytest.fixture
def hub(tmp_path: Path) -> Iterator[Hub]:
    """A real reference hub process on loopback, its database in the test's directory."""
    h = start_hub(tmp_path / "hub")
    yield h
    h.stop()


def reopen(st: Station, login: str = "admin", password: str = ADMIN_PASSWORD) -> Station:
    clock = st.clock
    st.close()
    return Station.open(st.paths, login, password, kdf=FAST_KDF, clock=clock)
