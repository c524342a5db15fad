"""The hub's database: enrolled stations, received journal events, case state and queued updates.

SQLite by default (WAL, foreign keys, a busy timeout so that concurrent requests wait rather than
fail), the embedded choice for demos, tests and small regions; PostgreSQL (``postgresql://...``,
driver psycopg 3 from the ``postgres`` extra) for a regional deployment. The schema is made and
changed only by the revisions in ``hub/migrations`` (``bianmin-hub db upgrade``); a serving hub
checks it is current (``require_current``) and never changes it.

This module is the engine and the schema checks; the tables are ``hub.models`` and the hub's own
keys and region ``hub.identity``. Both are named here too, so that the rest of the hub reads
``db.StoredEvent``, ``db.region(session)`` from one place.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from hub import migrations
from hub.identity import (
    BOX_KEY,
    DEFAULT_REGION,
    REGION,
    SIGNING_KEY,
    HubKeys,
    ensure_hub_keys,
    hub_keys,
    hub_private_keys,
    region,
    set_region,
)
from hub.migrations import SchemaNotCurrent, SchemaState, SchemaStatus
from hub.models import (
    AttachmentChunk,
    AttachmentUpload,
    Base,
    BundleChunk,
    BundleTransfer,
    BundleTransferChunk,
    BundleUpload,
    Case,
    Device,
    EnrolCode,
    HubMeta,
    Nonce,
    Station,
    StoredEvent,
    Update,
    UTCDateTime,
    sa_table,
)

__all__ = [
    "BOX_KEY", "DEFAULT_REGION", "DEFAULT_URL", "POSTGRES_EXTRA", "REGION", "SIGNING_KEY",
    "AttachmentChunk", "AttachmentUpload", "Base", "BundleChunk", "BundleTransfer", "BundleTransferChunk",
    "BundleUpload", "Case", "DatabaseUnusable", "Device", "EnrolCode", "HubKeys", "HubMeta", "Nonce",
    "SchemaNotCurrent", "SchemaState", "SchemaStatus", "Station", "StoredEvent", "UTCDateTime", "Update",
    "create_all", "ensure_hub_keys", "hub_keys", "hub_private_keys", "make_engine", "ready", "redact_text",
    "redact_url", "region", "require_current", "sa_table", "set_region", "upgrade", "utcnow",
]

log = logging.getLogger(__name__)

DEFAULT_URL = "sqlite:///bianmin-hub.db"


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _sqlite_pragmas(dbapi_connection: Any, connection_record: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.execute("PRAGMA synchronous=NORMAL")
    finally:
        cursor.close()


class DatabaseUnusable(Exception):
    """The database URL cannot be used (not a URL, no driver for it); the message names it without
    its password."""


_CREDENTIALS = re.compile(r"(?P<scheme>[A-Za-z][A-Za-z0-9+.\-]*://)(?P<user>[^:/@\s]*):(?P<password>[^@\s]*)@")


def redact_url(url: str) -> str:
    """``url`` with its password shown as ``***`` (SQLAlchemy's own rendering where it parses)."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except (ArgumentError, ValueError, TypeError):
        return _CREDENTIALS.sub(lambda m: f"{m['scheme']}{m['user']}:***@", url)


def redact_text(text: str, url: str | None = None) -> str:
    """``text`` without the password of ``url`` (wherever it appears) or of any URL written in it."""
    if url:
        password: str | None = None
        try:
            password = make_url(url).password
        except (ArgumentError, ValueError, TypeError):
            match = _CREDENTIALS.search(url)
            password = match["password"] if match else None
        if password:
            text = text.replace(str(password), "***")
    return _CREDENTIALS.sub(lambda m: f"{m['scheme']}{m['user']}:***@", text)


POSTGRES_EXTRA = "pip install 'bianmin-counter[postgres]'"


def make_engine(url: str = DEFAULT_URL) -> Engine:
    """An engine for ``url``; SQLite gets WAL and foreign keys on every connection, ``postgresql://``
    the psycopg 3 driver. Raises ``DatabaseUnusable`` (or a ``SQLAlchemyError``) without the URL's
    password in the message."""
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError, TypeError):
        raise DatabaseUnusable(f"not a database URL: {redact_url(url)}") from None
    if parsed.drivername == "postgresql":  # SQLAlchemy's default would be psycopg2, which the hub does not use
        parsed = parsed.set(drivername="postgresql+psycopg")
    try:
        if parsed.get_backend_name() == "sqlite":
            engine = create_engine(parsed, connect_args={"check_same_thread": False, "timeout": 30})
            event.listen(engine, "connect", _sqlite_pragmas)
        else:
            engine = create_engine(parsed, pool_pre_ping=True)
    except ImportError as exc:
        hint = f"：PostgreSQL 的驱动请用 {POSTGRES_EXTRA} 安装" if parsed.get_backend_name() == "postgresql" else ""
        raise DatabaseUnusable(f"没有安装 {parsed.drivername} 的数据库驱动（{exc.name}）{hint}") from None
    return engine


def require_current(engine: Engine) -> None:
    """What a hub checks before it serves (in every worker): the schema is at the newest revision.
    Changes nothing; raises ``SchemaNotCurrent`` naming the command to run."""
    status = migrations.status(engine)
    if not status.is_current:
        raise SchemaNotCurrent(status)


def upgrade(engine: Engine) -> tuple[SchemaStatus, SchemaStatus]:
    """``bianmin-hub db upgrade``: the newest revision, then the indexes an older hub's data did not
    allow yet (``_add_missing_indexes``). The status before and after."""
    before, after = migrations.upgrade(engine)
    _add_missing_indexes(engine)
    return before, after


def ready(engine: Engine) -> None:
    """What the hub's commands do before they use the database. A database with no tables is made
    at the newest revision when it is SQLite (the embedded default: a file the hub makes for itself;
    a server database is set up with ``db upgrade``); a current one gets the indexes an older hub's
    data did not allow; any other raises ``SchemaNotCurrent``."""
    status = migrations.status(engine)
    if status.state is SchemaState.empty and engine.dialect.name == "sqlite":
        upgrade(engine)
        return
    if not status.is_current:
        raise SchemaNotCurrent(status)
    _add_missing_indexes(engine)


def create_all(engine: Engine) -> None:
    """A database at the newest schema, whatever it held (``upgrade``; kept for older callers)."""
    upgrade(engine)


def _add_missing_indexes(engine: Engine) -> None:
    """Indexes of ``events`` that a database of an older hub could not take when it was upgraded."""
    present = {ix["name"] for ix in inspect(engine).get_indexes(StoredEvent.__tablename__)}
    for index in sa_table(StoredEvent).indexes:
        if index.name in present:
            continue
        try:
            index.create(engine)
            log.info("index %s created", index.name)
        except SQLAlchemyError as exc:
            # An older hub may hold two events of a station at one position: they stay as they are
            # (the push checks positions itself); the unique index comes once a person sorted them out.
            log.warning("index %s not created (%s): the database holds two events of one station at one "
                        "position, kept by a hub before version 1.1; bianmin-hub db upgrade makes it once "
                        "they are sorted out", index.name, type(exc).__name__)
