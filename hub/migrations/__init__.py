"""The hub's schema, revision by revision (Alembic; the revisions are in ``versions/``).

``bianmin-hub db upgrade`` brings a database to the newest revision (``upgrade``), ``db current``
names the one it is at (``status``). The hub serves only a database at the newest revision
(``hub.db.require_current``): it never changes a schema while serving, so several workers can start
on one database at once. A database made by a hub before migrations (its tables, no
``alembic_version``) is recognised and brought to the first revision like any older one.

Each upgrade runs in one transaction that holds the database's write lock (SQLite: ``BEGIN
IMMEDIATE``; PostgreSQL: an advisory lock), so two upgrades at once run one after the other.
A new revision: change ``hub/db.py``, then ``alembic -c hub/migrations/alembic.ini revision
--autogenerate -m "..." -x url=sqlite:///scratch.db`` on a database at the newest revision, and
read what it wrote.
"""

from __future__ import annotations

import enum
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import inspect, text

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy import Connection, Engine

log = logging.getLogger(__name__)

HERE = Path(__file__).resolve().parent
VERSION_TABLE = "alembic_version"
# Tables any hub ever made: one of them without a version table is a database of a hub before migrations.
HUB_TABLES = frozenset({"hub_meta", "stations", "enrol_codes", "events", "cases", "updates", "nonces"})
PG_LOCK = 0x62_69_61_6E_68_75_62  # "bianhub": the advisory lock an upgrade holds on PostgreSQL


class SchemaState(enum.StrEnum):
    empty = "empty"  # no hub tables at all
    unversioned = "unversioned"  # made by a hub before migrations
    behind = "behind"  # an older revision: ``db upgrade``
    current = "current"
    unknown = "unknown"  # a revision this hub does not know: made by a newer hub


@dataclass(frozen=True)
class SchemaStatus:
    state: SchemaState
    revision: str | None  # the database's, None when it has none
    head: str  # the newest this hub knows

    @property
    def is_current(self) -> bool:
        return self.state is SchemaState.current


def config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(HERE))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def head() -> str:
    from alembic.script import ScriptDirectory

    revision = ScriptDirectory.from_config(config()).get_current_head()
    if revision is None:  # pragma: no cover - the package carries its revisions
        raise RuntimeError(f"no revisions in {HERE / 'versions'}")
    return revision


def _status(connection: Connection, newest: str) -> SchemaStatus:
    from alembic.migration import MigrationContext
    from alembic.script import ScriptDirectory

    tables = set(inspect(connection).get_table_names())
    if VERSION_TABLE not in tables:
        state = SchemaState.unversioned if tables & HUB_TABLES else SchemaState.empty
        return SchemaStatus(state, None, newest)
    revision = MigrationContext.configure(connection).get_current_revision()
    if revision is None:
        state = SchemaState.unversioned if tables & HUB_TABLES else SchemaState.empty
    elif revision == newest:
        state = SchemaState.current
    else:
        known = {script.revision for script in ScriptDirectory.from_config(config()).walk_revisions()}
        state = SchemaState.behind if revision in known else SchemaState.unknown
    return SchemaStatus(state, revision, newest)


def status(engine: Engine) -> SchemaStatus:
    """Where this database's schema stands against the newest revision."""
    with engine.connect() as connection:
        return _status(connection, head())


def _lock(connection: Connection) -> None:
    """Begin the upgrade's transaction holding the database's write lock."""
    backend = connection.dialect.name
    if backend == "sqlite":
        # A revision may remake a table (SQLite alters a column no other way): with foreign keys on,
        # dropping the old table would delete the rows referring to it. Off outside the transaction
        # (inside it the pragma does nothing), on again once it is committed (``upgrade``).
        connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
        # pysqlite begins transactions only before DML by itself: begin one that takes the write
        # lock now (others wait up to the busy timeout), and holds the DDL too.
        connection.exec_driver_sql("BEGIN IMMEDIATE")
    elif backend == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": PG_LOCK})


def upgrade(engine: Engine) -> tuple[SchemaStatus, SchemaStatus]:
    """Bring the database to the newest revision; the status before and after. Raises
    ``SchemaTooNew`` for a database of a newer hub (nothing is changed)."""
    from alembic import command

    newest = head()
    with engine.connect() as connection:
        _lock(connection)
        before = _status(connection, newest)
        if before.state is SchemaState.unknown:
            connection.rollback()
            raise SchemaTooNew(before)
        try:
            if before.state is not SchemaState.current:
                command.upgrade(config(connection), "head")
                _check_foreign_keys(connection)
            after = _status(connection, newest)
            connection.commit()
        finally:
            if connection.dialect.name == "sqlite":
                connection.rollback()  # (nothing left to roll back after a commit)
                connection.exec_driver_sql("PRAGMA foreign_keys=ON")
    if before.state is not SchemaState.current:
        log.info("database schema upgraded from %s to %s", before.revision or before.state.value, after.revision)
    return before, after


def _check_foreign_keys(connection: Connection) -> None:
    """On SQLite (whose foreign keys are off during an upgrade): say so when rows refer to none."""
    if connection.dialect.name == "sqlite":
        broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
        if broken:
            log.warning("rows referring to none after the upgrade: %s", [tuple(row) for row in broken[:5]])


class SchemaNotCurrent(Exception):
    """The database is not at the newest revision: the hub does not serve it. The message is for the
    person at the shell and names the command to run."""

    def __init__(self, status: SchemaStatus) -> None:
        self.status = status
        super().__init__(describe(status))


class SchemaTooNew(SchemaNotCurrent):
    """The database was made or upgraded by a newer hub."""


def describe(status: SchemaStatus) -> str:
    """One sentence on where the schema stands, for the hub's command line."""
    match status.state:
        case SchemaState.current:
            return f"数据库结构为最新版本 {status.head}"
        case SchemaState.empty:
            return ("数据库中还没有枢纽的表：请先运行 bianmin-hub db upgrade（使用同一 --db 或 BIANMIN_HUB_DB）"
                    "建立数据库结构")
        case SchemaState.unversioned:
            return (f"数据库由较早的枢纽建立（尚无结构版本），本枢纽需要版本 {status.head}：请先运行 "
                    "bianmin-hub db upgrade（使用同一 --db 或 BIANMIN_HUB_DB）升级数据库，再启动")
        case SchemaState.behind:
            return (f"数据库结构为较早的版本 {status.revision}，本枢纽需要版本 {status.head}：请先运行 "
                    "bianmin-hub db upgrade（使用同一 --db 或 BIANMIN_HUB_DB）升级数据库，再启动")
        case _:
            return (f"数据库结构为版本 {status.revision}，由较新的枢纽建立，本枢纽（最新版本 {status.head}）"
                    "不认识：请使用较新的 bianmin-hub")
