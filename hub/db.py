"""The hub's database: enrolled stations, received journal events, case state and queued updates.

SQLite by default (WAL, foreign keys, a busy timeout so that concurrent requests wait rather than
fail), the embedded choice for demos, tests and small regions; PostgreSQL (``postgresql://...``,
driver psycopg 3 from the ``postgres`` extra) for a regional deployment. The schema is made and
changed only by the revisions in ``hub/migrations`` (``bianmin-hub db upgrade``); a serving hub
checks it is current (``require_current``) and never changes it.
"""

from __future__ import annotations

import base64
import datetime as dt
import logging
import re
from typing import Any, NamedTuple

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from sqlalchemy import (
    BigInteger,
    DateTime,
    Engine,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    LargeBinary,
    String,
    Table,
    Text,
    TypeDecorator,
    create_engine,
    event,
    inspect,
)
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, IntegrityError, SQLAlchemyError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

from hub import migrations
from hub.migrations import SchemaNotCurrent, SchemaState, SchemaStatus

log = logging.getLogger(__name__)

DEFAULT_URL = "sqlite:///bianmin-hub.db"
SIGNING_KEY = "hub_signing_key"
BOX_KEY = "hub_box_key"
REGION = "region"
DEFAULT_REGION = "540000"  # the region a hub serves (6-digit division code), written in device certificates


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class UTCDateTime(TypeDecorator[dt.datetime]):
    """Aware UTC datetimes in, aware UTC datetimes out, whatever the backend keeps."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(dt.UTC).replace(tzinfo=None)

    def process_result_value(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


class Base(DeclarativeBase):
    pass


class HubMeta(Base):
    __tablename__ = "hub_meta"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Station(Base):
    __tablename__ = "stations"

    code: Mapped[str] = mapped_column(String(12), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    public_key: Mapped[str] = mapped_column(String(64))  # base64 of the raw 32-byte Ed25519 key
    enrolled_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)


class EnrolCode(Base):
    __tablename__ = "enrol_codes"

    code: Mapped[str] = mapped_column(String(32), primary_key=True)  # canonical form: no separators, upper case
    station_code: Mapped[str] = mapped_column(String(12))
    expires_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    used_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, default=None)


class StoredEvent(Base):
    """A station's journal event as pushed. A station's events form one hash chain: one event per
    position (``seq``), each naming the hash of the one before it (``hub.journal.store_batch`` checks)."""

    __tablename__ = "events"
    __table_args__ = (Index("ux_events_station_seq", "station", "seq", unique=True),
                      Index("ix_events_case_no", "case_no"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    station: Mapped[str] = mapped_column(String(12))
    event_id: Mapped[str] = mapped_column(String(100), unique=True)
    seq: Mapped[int] = mapped_column(BigInteger)
    case_no: Mapped[str | None] = mapped_column(String(40))
    type: Mapped[str] = mapped_column(String(64))
    at: Mapped[str] = mapped_column(String(40))
    operator: Mapped[str] = mapped_column(String(100))
    device: Mapped[str] = mapped_column(String(100))
    payload: Mapped[str] = mapped_column(Text)  # JSON
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
    received_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)


class Case(Base):
    __tablename__ = "cases"
    __table_args__ = (Index("ix_cases_station", "station"),)

    case_no: Mapped[str] = mapped_column(String(40), primary_key=True)
    station: Mapped[str] = mapped_column(String(12))
    status: Mapped[str | None] = mapped_column(String(32))  # None until a status-bearing event is known
    outcome: Mapped[str | None] = mapped_column(String(16))
    platform_no: Mapped[str | None] = mapped_column(String(100))
    items: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of item names
    applicant_name: Mapped[str | None] = mapped_column(String(200))
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    # seq of the station event that last set the status: an older event arriving late does not undo a newer one.
    status_seq: Mapped[int | None] = mapped_column(BigInteger)


class Update(Base):
    __tablename__ = "updates"
    __table_args__ = (Index("ix_updates_station_id", "station", "id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    station: Mapped[str | None] = mapped_column(String(12))  # None: for every station
    kind: Mapped[str] = mapped_column(String(32))
    case_no: Mapped[str | None] = mapped_column(String(40))
    body: Mapped[str] = mapped_column(Text)  # JSON
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)


class Nonce(Base):
    __tablename__ = "nonces"
    __table_args__ = (Index("ix_nonces_created", "created"),)

    station: Mapped[str] = mapped_column(String(12), ForeignKey("stations.code", ondelete="CASCADE"),
                                         primary_key=True)
    nonce: Mapped[str] = mapped_column(String(200), primary_key=True)
    created: Mapped[int] = mapped_column(BigInteger)  # the signature's ``created`` (Unix seconds)


class AttachmentUpload(Base):
    """A station's attachment (content addressed by SHA-256): being uploaded, or complete and checked."""

    __tablename__ = "attachments"

    station: Mapped[str] = mapped_column(String(12), ForeignKey("stations.code", ondelete="CASCADE"),
                                         primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(BigInteger)  # as declared when the upload was created
    mime: Mapped[str] = mapped_column(String(64))
    offset: Mapped[int] = mapped_column(BigInteger, default=0)  # bytes received so far
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    completed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, default=None)
    data: Mapped[bytes | None] = mapped_column(LargeBinary, default=None)  # the whole content, once it checked out


class AttachmentChunk(Base):
    """A received piece of an incomplete upload (kept across restarts; dropped once the upload completes)."""

    __tablename__ = "attachment_chunks"
    __table_args__ = (ForeignKeyConstraint(["station", "sha256"], ["attachments.station", "attachments.sha256"],
                                           ondelete="CASCADE"),)

    station: Mapped[str] = mapped_column(String(12), primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    offset: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)


class BundleUpload(Base):
    """An offline bundle the hub took in (``sync.bundle_format``), one row per bundle id.

    ``uploader`` is the station that forwarded it; ``station`` the one whose work it carries. It
    keeps its signed acknowledgement, so that a second import anywhere is answered "already had it"
    with the same acknowledgement. (A hub before version 1.1 kept uploads in progress here too,
    with ``ingested_at`` empty; those are left alone: uploads now live in ``bundle_transfers``.)
    """

    __tablename__ = "bundles"

    bundle_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    uploader: Mapped[str] = mapped_column(String(12))
    station: Mapped[str | None] = mapped_column(String(12), default=None)
    size: Mapped[int] = mapped_column(BigInteger)
    sha256: Mapped[str] = mapped_column(String(64))  # of the whole file, as declared by the uploader
    offset: Mapped[int] = mapped_column(BigInteger, default=0)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    ingested_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, default=None)
    ack: Mapped[str | None] = mapped_column(Text, default=None)  # JSON, signed by the hub


class BundleChunk(Base):
    """A piece of an upload in progress on a hub before version 1.1 (see ``BundleUpload``)."""

    __tablename__ = "bundle_chunks"

    bundle_id: Mapped[str] = mapped_column(String(32), ForeignKey("bundles.bundle_id", ondelete="CASCADE"),
                                           primary_key=True)
    offset: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)


class BundleTransfer(Base):
    """A bundle upload in progress, owned by the station that forwards it (``uploader``): nobody else
    sees, appends to or restarts it. Several stations may forward the same bundle, each its own
    transfer; the first to complete gets it taken in (``BundleUpload``) and the transfers go."""

    __tablename__ = "bundle_transfers"

    bundle_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    uploader: Mapped[str] = mapped_column(String(12), primary_key=True)
    size: Mapped[int] = mapped_column(BigInteger)  # of the whole file, as declared by the uploader
    sha256: Mapped[str] = mapped_column(String(64))
    offset: Mapped[int] = mapped_column(BigInteger, default=0)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)


class BundleTransferChunk(Base):
    """A received piece of a transfer (dropped once the bundle is taken in or refused)."""

    __tablename__ = "bundle_transfer_chunks"
    __table_args__ = (ForeignKeyConstraint(["bundle_id", "uploader"],
                                           ["bundle_transfers.bundle_id", "bundle_transfers.uploader"],
                                           ondelete="CASCADE"),)

    bundle_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    uploader: Mapped[str] = mapped_column(String(12), primary_key=True)
    offset: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)


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


def sa_table(model: type[Base]) -> Table:
    """The ``Table`` of a mapped class (typed as one)."""
    table = model.__table__
    assert isinstance(table, Table)
    return table


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


class HubKeys(NamedTuple):
    """The hub's public keys, base64 of the raw 32 bytes."""

    signing_key: str  # Ed25519: the hub signs what it sends to stations
    box_key: str  # X25519: stations encrypt offline bundles to the hub


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _raw_private(key: Ed25519PrivateKey | X25519PrivateKey) -> bytes:
    return key.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                             serialization.NoEncryption())


def _raw_public(key: Ed25519PrivateKey | X25519PrivateKey) -> bytes:
    return key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def _meta_key(session: Session, name: str, generate: Any) -> bytes:
    row = session.get(HubMeta, name)
    if row is not None:
        return base64.b64decode(row.value)
    raw = _raw_private(generate())
    session.add(HubMeta(key=name, value=_b64(raw)))
    session.flush()
    log.info("generated %s", name)
    return raw


def hub_private_keys(session: Session) -> tuple[Ed25519PrivateKey, X25519PrivateKey]:
    """The hub's signing and box private keys, generated (and flushed into ``session``) on first use."""
    signing = Ed25519PrivateKey.from_private_bytes(_meta_key(session, SIGNING_KEY, Ed25519PrivateKey.generate))
    box = X25519PrivateKey.from_private_bytes(_meta_key(session, BOX_KEY, X25519PrivateKey.generate))
    return signing, box


def hub_keys(session: Session) -> HubKeys:
    """The hub's public keys; the caller commits if they were just generated."""
    signing, box = hub_private_keys(session)
    return HubKeys(signing_key=_b64(_raw_public(signing)), box_key=_b64(_raw_public(box)))


def ensure_hub_keys(engine: Engine) -> HubKeys:
    """Generate the hub's keys if this database has none yet, and return the public halves."""
    for attempt in range(3):
        with Session(engine) as session:
            try:
                keys = hub_keys(session)
                session.commit()
                return keys
            except IntegrityError:  # another process generated them at the same moment
                session.rollback()
                if attempt == 2:
                    raise
    raise AssertionError("unreachable")


def region(session: Session) -> str:
    """The region this hub serves (``bianmin-hub region`` sets it)."""
    row = session.get(HubMeta, REGION)
    return row.value if row is not None else DEFAULT_REGION


def set_region(session: Session, code: str) -> None:
    row = session.get(HubMeta, REGION)
    if row is None:
        session.add(HubMeta(key=REGION, value=code))
    else:
        row.value = code
