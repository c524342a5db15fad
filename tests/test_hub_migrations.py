"""The hub's schema by migrations (hub/migrations): a database made by the hub before migrations
(tests/fixtures/hub-0.1) is refused, upgraded and synced through; a new database gets exactly the
schema that hub made; the hub never changes a schema while serving; upgrades at once do not race.
Every test here runs on SQLite and on PostgreSQL (the ``hub_backend`` fixture of conftest)."""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, MetaData, func, inspect, select, text
from sqlalchemy.orm import Session

from app.config import Paths
from app.models import CaseStatus
from app.services import cases
from app.station import Station
from hub import cli as hub_cli
from hub import db as hub_db
from hub import migrations
from hub.local import ROOT, _env, start_hub
from sync import engine as sync
from tests import hubproc
from tests.conftest import ADMIN_PASSWORD, FAST_KDF, STATION_CODE
from tests.helpers import request

OLD = Path(__file__).parent / "fixtures" / "hub-0.1"
OLD_CASES = ["5401271000002026111800001", "5401271000002026111800002", "5401271000002026111800003"]
EVERY_BACKEND = pytest.mark.hub_backends  # run on SQLite and PostgreSQL (tests/conftest.py)
UNSENT_CASE = "5401271000002026111800004"
HUB_TABLES = {"hub_meta", "stations", "enrol_codes", "events", "cases", "updates", "nonces", "attachments",
              "attachment_chunks", "bundles", "bundle_chunks", "bundle_transfers", "bundle_transfer_chunks", "devices"}


# -- helpers --------------------------------------------------------------------------------------
def hub_cli_run(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "hub.cli", *args], cwd=cwd, env=env or _env(), capture_output=True,
                          text=True, timeout=120)


def db_url(tmp_path: Path, name: str = "hub") -> str:
    """A new, empty database on the test's backend."""
    workdir = tmp_path / name
    workdir.mkdir(parents=True, exist_ok=True)
    return hubproc.hub_db_url(workdir) or f"sqlite:///{workdir / 'hub.db'}"


@contextlib.contextmanager
def engine_for(url: str) -> Iterator[Engine]:
    engine = hub_db.make_engine(url)
    try:
        yield engine
    finally:
        engine.dispose()


def old_hub_database(url: str) -> None:
    """The fixture's hub database, at ``url``: the file itself on SQLite; on PostgreSQL the tables
    that hub made there (schema-postgresql.sql) with the file's rows."""
    if url.startswith("sqlite:///"):
        shutil.copy(OLD / "hub.db", url.removeprefix("sqlite:///"))
        return
    statements = [s.strip() for s in (OLD / "schema-postgresql.sql").read_text("utf-8").split(";\n")]
    rows_from = Path(tempfile.mkdtemp()) / "hub.db"  # a copy: never open a fixture in place
    shutil.copy(OLD / "hub.db", rows_from)
    old = hub_db.make_engine(f"sqlite:///{rows_from}")
    try:
        with engine_for(url) as target, target.begin() as conn:
            for statement in statements:
                lines = [line for line in statement.splitlines() if not line.startswith("--")]
                if "".join(lines).strip():
                    conn.exec_driver_sql("\n".join(lines))
            source_tables, target_tables = MetaData(), MetaData()
            source_tables.reflect(old)
            target_tables.reflect(conn)
            with old.connect() as source:
                for table in target_tables.sorted_tables:
                    rows = [dict(row._mapping) for row in source.execute(select(source_tables.tables[table.name]))]
                    if rows:
                        conn.execute(table.insert(), rows)
            for table in ("events", "updates"):  # where that hub's serial ids had got to
                conn.execute(text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                                  f"(SELECT max(id) FROM {table}))"))
    finally:
        old.dispose()
        shutil.rmtree(rows_from.parent, ignore_errors=True)


def old_station(tmp_path: Path) -> Station:
    home = tmp_path / "station"
    shutil.copytree(OLD / "station", home)
    return Station.open(Paths(home), "admin", ADMIN_PASSWORD, kdf=FAST_KDF)


def schema_of(engine: Engine) -> dict[str, Any]:
    """Tables, columns, keys and indexes as the database reports them (the version table left out)."""
    insp = inspect(engine)
    out: dict[str, Any] = {}
    for table in sorted(set(insp.get_table_names()) - {migrations.VERSION_TABLE}):
        out[table] = {
            "columns": [(c["name"], str(c["type"]), c["nullable"]) for c in insp.get_columns(table)],
            "pk": sorted(insp.get_pk_constraint(table)["constrained_columns"]),
            "fks": sorted((tuple(fk["constrained_columns"]), fk["referred_table"], tuple(fk["referred_columns"]),
                           (fk.get("options") or {}).get("ondelete")) for fk in insp.get_foreign_keys(table)),
            "unique": sorted(tuple(u["column_names"]) for u in insp.get_unique_constraints(table)),
            "indexes": sorted((ix["name"], tuple(ix["column_names"]), bool(ix["unique"]))
                              for ix in insp.get_indexes(table)),
        }
    return out


def revision_of(url: str) -> str | None:
    with engine_for(url) as engine:
        return migrations.status(engine).revision


# -- the database of the hub before migrations ------------------------------------------------------
@EVERY_BACKEND
def test_the_old_hub_database_is_refused_then_upgraded_and_a_station_syncs_through_it(tmp_path: Path) -> None:
    url = db_url(tmp_path)
    old_hub_database(url)
    with engine_for(url) as engine:
        before = schema_of(engine)
        assert migrations.status(engine).state is migrations.SchemaState.unversioned
    with engine_for(url) as engine, Session(engine) as session:
        old_keys = {row.key: row.value for row in session.scalars(select(hub_db.HubMeta))}

    current = hub_cli_run("--db", url, "db", "current", cwd=tmp_path)
    assert current.returncode == 1 and current.stdout.splitlines()[0] == "none", current
    assert "bianmin-hub db upgrade" in current.stdout
    # Neither the hub nor its commands work on the old schema: they say what to run, and change nothing.
    for args in (["serve", "--port", str(hubproc.free_port())], ["cases"], ["enrol-code", STATION_CODE]):
        proc = hub_cli_run("--db", url, *args, cwd=tmp_path)
        assert proc.returncode == 1, proc
        assert "bianmin-hub db upgrade" in proc.stderr and "Traceback" not in proc.stderr, proc.stderr
    with engine_for(url) as engine:
        assert schema_of(engine) == before
        assert migrations.status(engine).state is migrations.SchemaState.unversioned

    upgraded = hub_cli_run("--db", url, "db", "upgrade", cwd=tmp_path)
    assert upgraded.returncode == 0 and "升级到版本 " + migrations.head() in upgraded.stdout, upgraded
    current = hub_cli_run("--db", url, "db", "current", cwd=tmp_path)
    assert current.returncode == 0 and current.stdout.splitlines()[0] == migrations.head(), current
    again = hub_cli_run("--db", url, "db", "upgrade", cwd=tmp_path)
    assert again.returncode == 0 and "无需升级" in again.stdout, again
    with engine_for(url) as engine, Session(engine) as session:
        assert {row.key: row.value for row in session.scalars(select(hub_db.HubMeta))} == old_keys
        assert session.scalar(select(func.count()).select_from(hub_db.StoredEvent)) == 10

    hub = start_hub(tmp_path / "hub", db_url=url)
    station = old_station(tmp_path)
    try:
        sync.set_hub_url(station, hub.url)
        new = cases.submit(station, request(station)).case_no
        report = sync.run_once(station)
        assert report.ok, report
        listed = hub.run_cli("cases", "--json", check=True)
        held = {c["case_no"]: c["status"] for c in json.loads(listed.stdout)}
        assert set(held) == {*OLD_CASES, UNSENT_CASE, new}
        assert held[OLD_CASES[0]] == "concluded" and held[OLD_CASES[1]] == "in_progress"
        # The platform moves an old case on: the station takes it, signed by the hub's old keys.
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            assert hub_cli.main(["--db", url, "set-status", OLD_CASES[0], "delivered"]) == 0
        assert sync.run_once(station).ok
        assert cases.get_case(station, OLD_CASES[0]).status is CaseStatus.delivered
        assert "Traceback" not in hub.log()
    finally:
        station.close()
        hub.stop()


@EVERY_BACKEND
def test_a_new_database_gets_exactly_the_schema_of_the_hub_before_migrations(tmp_path: Path) -> None:
    """Revision 0001 makes what the hub before migrations made; the newest revision makes on a new
    database what it makes of that hub's database (revision 0002, devices, included)."""
    from alembic import command

    made_by_old_hub = db_url(tmp_path, "old")
    old_hub_database(made_by_old_hub)
    first = db_url(tmp_path, "first")
    with engine_for(first) as engine, engine.begin() as conn:
        command.upgrade(migrations.config(conn), "0001")
    with engine_for(first) as engine:
        first_schema = schema_of(engine)
    with engine_for(made_by_old_hub) as engine:
        old_schema = schema_of(engine)
    assert set(first_schema) == HUB_TABLES - {"devices"}
    assert first_schema == old_schema
    if first.startswith("sqlite:///"):  # the very statements, too
        assert _sqlite_ddl(first) == _sqlite_ddl(made_by_old_hub)

    new = db_url(tmp_path, "new")
    with engine_for(new) as engine:
        assert migrations.status(engine).state is migrations.SchemaState.empty
        before, after = hub_db.upgrade(engine)
        assert before.state is migrations.SchemaState.empty and after.is_current
        new_schema = schema_of(engine)
    with engine_for(made_by_old_hub) as engine:
        hub_db.upgrade(engine)
        upgraded_schema = schema_of(engine)
    assert set(new_schema) == HUB_TABLES
    assert new_schema == upgraded_schema
    if new.startswith("sqlite:///"):
        assert _sqlite_ddl(new) == _sqlite_ddl(made_by_old_hub)


def _sqlite_ddl(url: str) -> list[str]:
    import sqlite3

    with contextlib.closing(sqlite3.connect(url.removeprefix("sqlite:///"))) as con:
        return sorted(" ".join(sql.split()) for (name, sql) in con.execute("SELECT name, sql FROM sqlite_master")
                      if sql and name != migrations.VERSION_TABLE)


@EVERY_BACKEND
def test_the_models_are_the_newest_revision(tmp_path: Path) -> None:
    """A change to hub/db.py without its revision fails here (what autogenerate would write is empty)."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    with engine_for(db_url(tmp_path)) as engine:
        hub_db.upgrade(engine)
        with engine.connect() as conn:
            differences = compare_metadata(MigrationContext.configure(conn), hub_db.Base.metadata)
    assert differences == []


# -- an older hub's data: two events at one position --------------------------------------------------
@EVERY_BACKEND
def test_an_older_hub_with_two_events_at_one_position_is_upgraded_and_its_unique_index_comes_later(
        tmp_path: Path) -> None:
    """The hub before issue 12 (no bundle transfers, a plain index on positions) may hold two events of
    a station at one position: the upgrade makes everything else, says so, and makes the unique index
    at an upgrade after a person removed one of them."""
    url = db_url(tmp_path)
    old_hub_database(url)
    with engine_for(url) as engine, engine.begin() as conn:
        conn.execute(text("DROP TABLE bundle_transfer_chunks"))
        conn.execute(text("DROP TABLE bundle_transfers"))
        conn.execute(text("DROP INDEX ux_events_station_seq"))
        conn.execute(text("DROP INDEX ix_events_case_no"))
        conn.execute(text("CREATE INDEX ix_events_station_seq ON events (station, seq)"))
        conn.execute(text("INSERT INTO events (station, event_id, seq, case_no, type, at, operator, device, payload, "
                          "prev_hash, hash, received_at) SELECT station, 'twice', seq, case_no, type, at, operator, "
                          "device, payload, prev_hash, hash, received_at FROM events WHERE seq = 3"))
    proc = hub_cli_run("--db", url, "db", "upgrade", cwd=tmp_path)
    assert proc.returncode == 0, proc
    assert "ux_events_station_chain_seq" in proc.stderr and "two events" in proc.stderr
    with engine_for(url) as engine:
        assert migrations.status(engine).is_current
        tables = set(inspect(engine).get_table_names())
        assert HUB_TABLES <= tables
        indexes = {ix["name"] for ix in inspect(engine).get_indexes("events")}
        assert "ux_events_station_chain_seq" not in indexes and "ix_events_case_no" in indexes
    served = hub_cli_run("--db", url, "cases", cwd=tmp_path)  # the hub works on
    assert served.returncode == 0 and OLD_CASES[0] in served.stdout, served
    with engine_for(url) as engine, engine.begin() as conn:
        conn.execute(text("DELETE FROM events WHERE event_id = 'twice'"))
    proc = hub_cli_run("--db", url, "db", "upgrade", cwd=tmp_path)
    assert proc.returncode == 0 and proc.stderr == "", proc
    with engine_for(url) as engine:
        assert "ux_events_station_chain_seq" in {ix["name"] for ix in inspect(engine).get_indexes("events")}


# -- never a schema change while serving; upgrades at once ------------------------------------------
@EVERY_BACKEND
def test_the_app_changes_no_schema_and_refuses_one_not_current(tmp_path: Path) -> None:
    from hub.app import create_app

    url = db_url(tmp_path)
    with pytest.raises(hub_db.SchemaNotCurrent) as refused:
        create_app(url)
    assert "bianmin-hub db upgrade" in str(refused.value)
    with engine_for(url) as engine:
        assert not set(inspect(engine).get_table_names()) & HUB_TABLES


@EVERY_BACKEND
def test_hubs_starting_at_once_on_a_new_database_all_start(tmp_path: Path) -> None:
    """Several processes set up one new database at the same moment (SQLite: any command does;
    PostgreSQL: db upgrade): one makes the schema, the others wait and find it made."""
    url = db_url(tmp_path)
    args = ["enrol-code", STATION_CODE] if url.startswith("sqlite:") else ["db", "upgrade"]
    procs = [subprocess.Popen([sys.executable, "-m", "hub.cli", "--db", url, *args], cwd=tmp_path, env=_env(),
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(6)]
    results = [(p.wait(timeout=120), *p.communicate()) for p in procs]
    assert all(code == 0 for code, _out, _err in results), results
    assert all("Traceback" not in err for _code, _out, err in results), results
    assert revision_of(url) == migrations.head()


@EVERY_BACKEND
def test_a_database_of_a_newer_hub_is_left_alone(tmp_path: Path) -> None:
    url = db_url(tmp_path)
    with engine_for(url) as engine:
        hub_db.upgrade(engine)
        with engine.begin() as conn:
            conn.execute(text(f"UPDATE {migrations.VERSION_TABLE} SET version_num = 'f00dfeed'"))
    for args in (["db", "upgrade"], ["serve", "--port", str(hubproc.free_port())], ["cases"]):
        proc = hub_cli_run("--db", url, *args, cwd=tmp_path)
        assert proc.returncode == 1 and "较新的枢纽" in proc.stderr and "Traceback" not in proc.stderr, proc
    current = hub_cli_run("--db", url, "db", "current", cwd=tmp_path)
    assert current.returncode == 1 and current.stdout.splitlines()[0] == "f00dfeed"
    assert revision_of(url) == "f00dfeed"


# -- the migrations from an installed package; the driver -------------------------------------------
def test_the_migrations_travel_with_the_hub_package() -> None:
    assert migrations.HERE == ROOT / "hub" / "migrations"
    assert (migrations.HERE / "versions" / "__init__.py").exists()  # a package: setuptools ships it
    assert migrations.head()


def test_a_postgresql_url_without_its_driver_says_which_extra_to_install(tmp_path: Path) -> None:
    blocked = tmp_path / "no-driver"
    (blocked / "psycopg").mkdir(parents=True)
    (blocked / "psycopg" / "__init__.py").write_text(
        "raise ModuleNotFoundError(\"No module named 'psycopg'\", name='psycopg')\n", "utf-8")
    env = _env()
    env["PYTHONPATH"] = os.pathsep.join([str(blocked), env["PYTHONPATH"]])
    for url in ("postgresql://hub@127.0.0.1:5432/hub", "postgresql+psycopg://hub@127.0.0.1:5432/hub"):
        for args in (["cases"], ["db", "upgrade"], ["serve", "--port", "1"]):
            proc = hub_cli_run("--db", url, *args, cwd=tmp_path, env=env)
            assert proc.returncode == 1, proc
            assert "bianmin-counter[postgres]" in proc.stderr and "Traceback" not in proc.stderr, proc.stderr
