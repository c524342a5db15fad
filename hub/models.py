"""The hub's tables (SQLAlchemy models): enrolled stations, received journal events, case state,
queued updates, nonces, attachments and offline bundles. The schema they describe is made and
changed only by the revisions in ``hub/migrations``; the engine and its checks are ``hub.db``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    BigInteger,
    DateTime,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    LargeBinary,
    String,
    Table,
    Text,
    TypeDecorator,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


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
    # base64 of the raw 32-byte Ed25519 key of device 00 when it enrolled (kept; devices hold the keys now)
    public_key: Mapped[str] = mapped_column(String(64))
    enrolled_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    # The station's last peer-feed number (``StoredEvent.feed``): raised under this row's lock in the
    # transaction that stores the events, so that feed order is commit order.
    feed: Mapped[int] = mapped_column(BigInteger, server_default="0")


class Device(Base):
    """A device of a station (a window, a laptop, the centre's relay), with its own key and chain."""

    __tablename__ = "devices"

    station: Mapped[str] = mapped_column(String(12), ForeignKey("stations.code", ondelete="CASCADE"),
                                         primary_key=True)
    device: Mapped[str] = mapped_column(String(2), primary_key=True)  # "00".."99"
    name: Mapped[str] = mapped_column(String(40))
    role: Mapped[str] = mapped_column(String(16))  # protocol.DeviceRole
    public_key: Mapped[str] = mapped_column(String(64))  # base64 of the raw 32-byte Ed25519 key
    enrolled_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    revoked_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, default=None)
    last_seen_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, default=None)
    legacy_id: Mapped[str | None] = mapped_column(String(100), default=None)  # a station's old device UUID
    # base64 of its raw 32-byte X25519 box key (a work team's laptop seals its bundles' key to the
    # windows' box keys); None: enrolled without one (before box keys existed)
    box_key: Mapped[str | None] = mapped_column(String(64), default=None)


class EnrolCode(Base):
    __tablename__ = "enrol_codes"

    code: Mapped[str] = mapped_column(String(32), primary_key=True)  # canonical form: no separators, upper case
    station_code: Mapped[str] = mapped_column(String(12))
    device: Mapped[str | None] = mapped_column(String(2), default=None)  # the device it enrols; None: "00"
    expires_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    used_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, default=None)


class StoredEvent(Base):
    """A device's journal event as pushed. Each device of a station keeps its own hash chain
    (``chain``: ``app.journal.chain_of(device)``): one event per position (``seq``) of a chain, each
    naming the hash of the one before it (``hub.journal.store_batch`` checks). ``feed`` numbers a
    station's events in the order they were stored (``GET /v1/peers``)."""

    __tablename__ = "events"
    __table_args__ = (Index("ix_events_case_no", "case_no"),
                      Index("ux_events_station_chain_seq", "station", "chain", "seq", unique=True),
                      Index("ux_events_station_feed", "station", "feed", unique=True),
                      Index("ix_events_station_type_at", "station", "type", "at"))  # the reports (0003)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    station: Mapped[str] = mapped_column(String(12))
    event_id: Mapped[str] = mapped_column(String(100), unique=True)
    seq: Mapped[int] = mapped_column(BigInteger)
    chain: Mapped[str] = mapped_column(String(2), server_default="00")
    feed: Mapped[int] = mapped_column(BigInteger, server_default="0")
    case_no: Mapped[str | None] = mapped_column(String(40))
    type: Mapped[str] = mapped_column(String(64))
    at: Mapped[str] = mapped_column(String(40))
    operator: Mapped[str] = mapped_column(String(100))
    device: Mapped[str] = mapped_column(String(100))
    payload: Mapped[str] = mapped_column(Text)  # JSON
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
    received_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    # When a centre's relay forwarded it to the regional hub (None on the regional hub itself).
    forwarded_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, default=None)


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
    # No longer used (a hub before devices compared positions of one chain); the status is merged from all events.
    status_seq: Mapped[int | None] = mapped_column(BigInteger)
    # Its open conflict (``app.merge``): JSON list of the hashes of the actions that cannot all stand; None: none.
    conflict: Mapped[str | None] = mapped_column(Text, default=None)
    # The status (and outcome) the platform itself last set (``bianmin-hub cases set-status``): it stands
    # until the station's events reach it (its echo, or its own action to that status); from then on the
    # events, which know of it, decide. None: the platform never set one.
    platform_status: Mapped[str | None] = mapped_column(String(32), default=None)
    platform_outcome: Mapped[str | None] = mapped_column(String(16), default=None)


class Update(Base):
    __tablename__ = "updates"
    __table_args__ = (Index("ix_updates_station_id", "station", "id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    station: Mapped[str | None] = mapped_column(String(12))  # None: for every station
    device: Mapped[str | None] = mapped_column(String(2), default=None)  # None: for every device of the station
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
    uploader: Mapped[str] = mapped_column(String(15))  # the forwarding device's keyid
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
    uploader: Mapped[str] = mapped_column(String(15), primary_key=True)  # keyid: "<station>.<device>"
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
    uploader: Mapped[str] = mapped_column(String(15), primary_key=True)
    offset: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)


def sa_table(model: type[Base]) -> Table:
    """The ``Table`` of a mapped class (typed as one)."""
    table = model.__table__
    assert isinstance(table, Table)
    return table
