"""Shared fixtures: real SQLCipher stations in temporary directories."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from app.clock import CHINA_TZ, FixedClock
from app.config import KdfParams, Paths
from app.services import catalogue
from app.station import Station
from tests import hubproc
from tests.hubproc import Hub, start_hub

log = logging.getLogger(__name__)

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


# -- hubs on every database backend ----------------------------------------------------------------
HUB_BACKENDS = hubproc.backends()


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "hub_backends: run the test once per hub database backend (SQLite, PostgreSQL)")


def _runs_a_hub(metafunc: pytest.Metafunc) -> bool:
    """The test uses a ``hub`` fixture (its own module's or this one's), starts hubs itself, or asks
    for every backend (``@pytest.mark.hub_backends``)."""
    return ("hub" in metafunc.fixturenames or "start_hub" in metafunc.function.__code__.co_names
            or metafunc.definition.get_closest_marker("hub_backends") is not None)


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Every hub and end-to-end test runs once per backend (``tests/hubproc.py``). A module's own
    ``hub`` fixture is parametrised alongside, so that it is made again for the next backend."""
    if not _runs_a_hub(metafunc):
        return
    if "hub" in metafunc.fixturenames:
        # No scope given: pytest takes the narrower of the two fixtures' (a module's hub: module; ours: function).
        metafunc.parametrize(("hub_backend", "hub"), [(b, b) for b in HUB_BACKENDS], indirect=True,
                             ids=HUB_BACKENDS)
    else:
        metafunc.parametrize("hub_backend", HUB_BACKENDS, indirect=True, ids=HUB_BACKENDS, scope="module")


@pytest.fixture(scope="module", autouse=True)
def hub_backend(request: pytest.FixtureRequest) -> Iterator[str]:
    """The database backend of the hubs the test starts: SQLite unless the test is parametrised.
    Without a PostgreSQL (``BIANMIN_TEST_PG_URL``) its variants are skipped, or fail where
    ``BIANMIN_TEST_REQUIRE_PG`` is set (CI); a PostgreSQL that is set but does not answer fails them."""
    name = getattr(request, "param", hubproc.SQLITE)
    try:
        previous = hubproc.use_backend(name)
    except hubproc.PostgresUnavailable as exc:
        if hubproc.postgres_required() or os.environ.get(hubproc.ENV_PG_URL):
            pytest.fail(f"PostgreSQL required for the hub tests but not usable: {exc}")
        pytest.skip(f"no PostgreSQL for the hub tests: {exc}")
    yield name
    hubproc.use_backend(previous)


@pytest.fixture
def hub(tmp_path: Path, hub_backend: str) -> Iterator[Hub]:
    """A real reference hub process on loopback, its database in the test's directory (SQLite) or in
    a schema of its own (PostgreSQL)."""
    h = start_hub(tmp_path / "hub")
    yield h
    h.stop()


@pytest.fixture(autouse=True)
def _no_window_outlives_its_test() -> Iterator[None]:
    """After a test that used Qt, every top-level widget left on the one QApplication is deleted.

    pytest-qt closes the widgets a test registered (``qtbot.addWidget``) and asks Qt to delete them
    later, but a top-level window a widget made without a parent (the main window's citizen rating
    window) is kept alive by the Python references of its signal connections: hidden, it stayed on
    the application for the rest of the run, and every later style sheet, font and language change
    (each window test sets them) went through all the windows of the tests before — a window test
    took five times as long at the end of the run as on its own."""
    yield
    widgets = sys.modules.get("PySide6.QtWidgets")
    if widgets is None:
        return
    app = widgets.QApplication.instance()
    if not isinstance(app, widgets.QApplication):  # none, or one without widgets
        return
    from PySide6.QtCore import QCoreApplication, QEvent

    deferred = QEvent.Type.DeferredDelete
    QCoreApplication.sendPostedEvents(None, deferred)  # what pytest-qt closed and asked to delete
    left = [w for w in widgets.QApplication.topLevelWidgets() if w.parent() is None]
    for w in left:
        if w.isVisible():
            log.warning("a window outlived its test, still shown: %s %r", type(w).__name__, w.windowTitle())
            w.hide()
        w.deleteLater()
    if left:
        QCoreApplication.sendPostedEvents(None, deferred)
    i18n = sys.modules.get("ui.i18n")
    if i18n is not None and i18n._TIBETAN_INSTALLED:
        # A test left the application in Tibetan: a later test that makes no window of its own would
        # read Tibetan where it expects the Chinese source. A new Appearance starts in Chinese.
        from PySide6.QtCore import QLocale

        log.warning("a test left the application in Tibetan")
        i18n.Appearance(app)
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))


def reopen(st: Station, login: str = "admin", password: str = ADMIN_PASSWORD) -> Station:
    clock = st.clock
    st.close()
    return Station.open(st.paths, login, password, kdf=FAST_KDF, clock=clock)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """The first-run tests run the program's own entry point (``bianmin.cli.window.run``, which calls
    ``ui.main.run``) in this process; what it installs on the one QApplication (its event filters,
    translators, style) outlives them, so they run after every other window test."""
    last = [item for item in items if item.nodeid.startswith("tests/test_ui_first_run.py")]
    if last:
        items[:] = [item for item in items if item not in last] + last
