"""A real hub process on loopback for tests (see :mod:`hub.local`), on the database backend the test
runs with.

The hub and end-to-end tests run once per backend in ``backends()``: ``tests/conftest.py``
parametrises them with its ``hub_backend`` fixture (test ids ``[sqlite]`` and ``[postgresql]``),
which calls ``use_backend`` here before the test's hubs start. On SQLite a hub keeps ``hub.db`` in
its working directory, as the demo does; on PostgreSQL every working directory gets a schema of its
own in one database made for the test session (so a hub started again in the same directory finds
its database, and a new directory a fresh one), dropped when the session ends.

Environment:

``BIANMIN_TEST_PG_URL``
    a PostgreSQL server for the tests: the URL of a role that may create databases, e.g.
    ``postgresql://bianmin:secret@127.0.0.1:5432/bianmin`` (``.ci/run`` starts one and sets it).
``BIANMIN_TEST_REQUIRE_PG=1``
    without a usable PostgreSQL the ``[postgresql]`` tests fail instead of being skipped (CI sets it).
``BIANMIN_TEST_HUB_BACKENDS``
    the backends to run, comma-separated (default ``sqlite,postgresql``).
"""

from __future__ import annotations

import atexit
import hashlib
import os
import secrets
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import URL, Engine, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.pool import NullPool

from hub import local
from hub.local import Hub, free_port

__all__ = ["Hub", "PostgresUnavailable", "backends", "free_port", "hub_db_url", "start_hub", "use_backend"]

SQLITE = "sqlite"
POSTGRESQL = "postgresql"
ENV_PG_URL = "BIANMIN_TEST_PG_URL"
ENV_REQUIRE_PG = "BIANMIN_TEST_REQUIRE_PG"
ENV_BACKENDS = "BIANMIN_TEST_HUB_BACKENDS"

_backend = SQLITE
_pg_database: str | None = None  # the session's database, once made


class PostgresUnavailable(Exception):
    """No PostgreSQL for the tests: ``BIANMIN_TEST_PG_URL`` unset, or its server not answering."""


def backends() -> list[str]:
    names = [n.strip() for n in os.environ.get(ENV_BACKENDS, f"{SQLITE},{POSTGRESQL}").split(",") if n.strip()]
    unknown = set(names) - {SQLITE, POSTGRESQL}
    if unknown or not names:
        raise ValueError(f"{ENV_BACKENDS}: unknown backend(s) {sorted(unknown)}; known: {SQLITE}, {POSTGRESQL}")
    return names


def postgres_required() -> bool:
    return os.environ.get(ENV_REQUIRE_PG, "") not in ("", "0")


def use_backend(name: str) -> str:
    """The backend of the hubs started from now on; returns the one before. PostgreSQL's session
    database is made here (raises ``PostgresUnavailable`` when it cannot be)."""
    global _backend
    if name == POSTGRESQL:
        _session_database()
    previous, _backend = _backend, name
    return previous


def _admin_url() -> URL:
    raw = os.environ.get(ENV_PG_URL, "")
    if not raw:
        raise PostgresUnavailable(f"{ENV_PG_URL} is not set (a PostgreSQL URL of a role that may create databases)")
    url = make_url(raw)
    if url.drivername == "postgresql":
        url = url.set(drivername="postgresql+psycopg")
    return url


def _admin_engine(database: str | None = None) -> Engine:
    url = _admin_url()
    if database:
        url = url.set(database=database)
    try:
        return create_engine(url, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    except ImportError as exc:
        raise PostgresUnavailable(f"no PostgreSQL driver ({exc.name}): pip install -e '.[postgres]'") from exc


def _session_database() -> str:
    """The test session's database (made on first use, dropped at exit)."""
    global _pg_database
    if _pg_database is not None:
        return _pg_database
    url = _admin_url()
    if url.password is not None:
        # Hubs get URLs without the password (a hub prints its URL with the password hidden, and the
        # tests compare what it printed): libpq takes it from the environment, children inherit it.
        os.environ["PGPASSWORD"] = str(url.password)
    name = f"bianmin_test_{os.getpid()}_{secrets.token_hex(4)}"
    engine = _admin_engine()
    try:
        with engine.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
            # A test database need not survive a crash of the server: commits without waiting for the
            # disk make the PostgreSQL runs several times faster (each push and pull commits).
            conn.execute(text(f'ALTER DATABASE "{name}" SET synchronous_commit = off'))
    except SQLAlchemyError as exc:
        raise PostgresUnavailable(f"cannot make a test database at {url.render_as_string()}: {exc}") from exc
    finally:
        engine.dispose()
    _pg_database = name
    atexit.register(_drop_session_database)
    return name


def _drop_session_database() -> None:
    global _pg_database
    if _pg_database is None:
        return
    engine = _admin_engine()
    try:
        with engine.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{_pg_database}" WITH (FORCE)'))
    finally:
        engine.dispose()
    _pg_database = None


def hub_db_url(workdir: Path) -> str | None:
    """The database URL of a hub working in ``workdir`` on the current backend (None: SQLite's default,
    ``hub.db`` in ``workdir``)."""
    if _backend == SQLITE:
        return None
    database = _session_database()
    schema = "hub_" + hashlib.sha256(str(workdir.resolve()).encode("utf-8")).hexdigest()[:24]
    engine = _admin_engine(database)
    try:
        with engine.connect() as conn:
            conn.execute(text(f'CREATE SCHEMA IF NOT EXISTS "{schema}"'))
    finally:
        engine.dispose()
    admin = _admin_url()
    url = URL.create(admin.drivername, username=admin.username, host=admin.host, port=admin.port, database=database,
                     query={"options": f"-csearch_path={schema}"})  # no password: see _session_database
    return url.render_as_string(hide_password=False)


def start_hub(tmp_path: Path, host: str = "127.0.0.1", port: int | None = None) -> Hub:
    """``hub.local.start_hub`` on the current backend."""
    tmp_path.mkdir(parents=True, exist_ok=True)
    return local.start_hub(tmp_path, host=host, port=port, db_url=hub_db_url(tmp_path))


def module_hub(name: str = "hub") -> Callable[..., Any]:
    """A ``hub`` fixture of module scope: one hub process (on the module's backend) for the module's
    tests, each of which uses a station of its own. In a test module: ``hub = module_hub("…")``."""

    @pytest.fixture(scope="module")
    def hub(tmp_path_factory: pytest.TempPathFactory, hub_backend: str) -> Iterator[Hub]:
        h = start_hub(tmp_path_factory.mktemp(name))
        try:
            yield h
        finally:
            h.stop()

    return hub
