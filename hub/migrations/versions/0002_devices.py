"""Devices (issue 15): a station is a set of devices, each with its own key and its own hash chain.

* ``devices`` (station, device, name, role, public_key, enrolled_at, revoked_at, last_seen_at,
  legacy_id, box_key: its X25519 box key, NULL until it enrols with one): every enrolled station's
  key becomes its device ``00`` (``stations.public_key`` is
  kept, no longer read for signatures);
* ``enrol_codes.device``: the device a code enrols (NULL: ``00``, as every code issued before);
* ``events.chain`` (every event held so far is device 00's: one chain per station until now) and
  ``events.feed`` (the station's peer-feed number; the events held so far are numbered by their
  ids), with ``stations.feed`` the last number given out; the unique position becomes
  (station, chain, seq) and (station, feed) is unique too; ``events.forwarded_at`` for a relay;
* ``updates.device``: the device an update is addressed to (NULL: every device of the station);
* ``cases.conflict``: a case's open conflict (the hashes of its actions, JSON), merged from every
  device's events (``app.merge``); ``cases.platform_status``/``platform_outcome``: the status the
  platform last set (from its last ``case_status`` update), which stands until the station's echo;
* ``bundles.uploader``, ``bundle_transfers.uploader`` and ``bundle_transfer_chunks.uploader`` hold
  a keyid (``<station>.<device>``, 15 characters) instead of a station code.

Where an older hub's data holds two events of a station at one position the unique index cannot be
made: it is left out here, as revision 0001 did, and made by a later ``db upgrade``
(``hub.db._add_missing_indexes``).

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-02
"""

from __future__ import annotations

import json
import logging

import sqlalchemy as sa
from alembic import op
from sqlalchemy.exc import SQLAlchemyError

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | None = None
depends_on: str | None = None

log = logging.getLogger(__name__)

FIRST_DEVICE = "00"
FIRST_DEVICE_NAME = "00号窗口"
UPLOADERS = ("bundle_transfers", "bundle_transfer_chunks", "bundles")


def _indexes(table: str) -> set[str]:
    if op.get_context().as_sql:
        return set()
    return {str(ix["name"]) for ix in sa.inspect(op.get_bind()).get_indexes(table)}


def _unique_index_if_possible(name: str, table: str, columns: list[str]) -> None:
    if op.get_context().as_sql:
        op.create_index(name, table, columns, unique=True)
        return
    try:  # an older hub's events: it may hold two events of a station at one position
        with op.get_bind().begin_nested():
            op.create_index(name, table, columns, unique=True)
    except SQLAlchemyError as exc:
        log.info("index %s left for later (%s)", name, type(exc).__name__)


def _platform_statuses() -> None:
    """Each case's ``platform_status``/``platform_outcome`` from the last case_status update written for it."""
    bind = op.get_bind()
    rows = bind.execute(sa.text("SELECT case_no, body FROM updates WHERE kind = 'case_status' AND case_no IS NOT NULL "
                                "ORDER BY id")).all()
    last: dict[str, tuple[str | None, str | None]] = {}
    for case_no, body in rows:
        try:
            doc = json.loads(body)
        except ValueError:
            continue
        if isinstance(doc, dict) and isinstance(doc.get("status"), str):
            outcome = doc.get("outcome")
            last[str(case_no)] = (doc["status"][:32], outcome[:16] if isinstance(outcome, str) else None)
    for case_no, (status, outcome) in last.items():
        bind.execute(sa.text("UPDATE cases SET platform_status = :s, platform_outcome = :o WHERE case_no = :c"),
                     {"s": status, "o": outcome, "c": case_no})


def upgrade() -> None:
    def utc(name: str, nullable: bool = False) -> sa.Column[object]:
        return sa.Column(name, sa.DateTime(), nullable=nullable)  # hub.models.UTCDateTime: a naive UTC DATETIME

    op.add_column("stations", sa.Column("feed", sa.BigInteger(), server_default="0", nullable=False))
    op.create_table(
        "devices",
        sa.Column("station", sa.String(length=12), nullable=False),
        sa.Column("device", sa.String(length=2), nullable=False),
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("public_key", sa.String(length=64), nullable=False),
        utc("enrolled_at"), utc("revoked_at", nullable=True), utc("last_seen_at", nullable=True),
        sa.Column("legacy_id", sa.String(length=100), nullable=True),
        sa.Column("box_key", sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(["station"], ["stations.code"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("station", "device"),
    )
    op.add_column("enrol_codes", sa.Column("device", sa.String(length=2), nullable=True))
    op.add_column("events", sa.Column("chain", sa.String(length=2), server_default=FIRST_DEVICE, nullable=False))
    op.add_column("events", sa.Column("feed", sa.BigInteger(), server_default="0", nullable=False))
    op.add_column("events", sa.Column("forwarded_at", sa.DateTime(), nullable=True))
    op.add_column("updates", sa.Column("device", sa.String(length=2), nullable=True))
    op.add_column("cases", sa.Column("conflict", sa.Text(), nullable=True))
    op.add_column("cases", sa.Column("platform_status", sa.String(length=32), nullable=True))
    op.add_column("cases", sa.Column("platform_outcome", sa.String(length=16), nullable=True))

    # The platform's own status of each case: the last case_status update the platform wrote for it.
    _platform_statuses()
    # The data: each station's key is its device 00, its events device 00's chain, fed in id order.
    op.execute("UPDATE events SET feed = id")
    op.execute("UPDATE stations SET feed = COALESCE((SELECT MAX(events.id) FROM events "
               "WHERE events.station = stations.code), 0)")
    devices = sa.table("devices", sa.column("station"), sa.column("device"), sa.column("name"), sa.column("role"),
                       sa.column("public_key"), sa.column("enrolled_at"))
    stations = sa.table("stations", sa.column("code"), sa.column("public_key"), sa.column("enrolled_at"))
    op.execute(devices.insert().from_select(
        ["station", "device", "name", "role", "public_key", "enrolled_at"],
        sa.select(stations.c.code, sa.literal(FIRST_DEVICE), sa.literal(FIRST_DEVICE_NAME), sa.literal("window"),
                  stations.c.public_key, stations.c.enrolled_at)))

    if "ux_events_station_seq" in _indexes("events") or op.get_context().as_sql:
        op.drop_index("ux_events_station_seq", table_name="events")
    _unique_index_if_possible("ux_events_station_chain_seq", "events", ["station", "chain", "seq"])
    op.create_index("ux_events_station_feed", "events", ["station", "feed"], unique=True)

    # A keyid is longer than a station code. (SQLite remakes each table; hub.migrations.upgrade turns
    # its foreign keys off meanwhile, so that remaking a table does not delete the rows referring to it.)
    for table in UPLOADERS:
        with op.batch_alter_table(table) as batch:
            batch.alter_column("uploader", existing_type=sa.String(length=12), type_=sa.String(length=15),
                               existing_nullable=False)


def downgrade() -> None:
    for table in reversed(UPLOADERS):
        with op.batch_alter_table(table) as batch:
            batch.alter_column("uploader", existing_type=sa.String(length=15), type_=sa.String(length=12),
                               existing_nullable=False)
    op.drop_index("ux_events_station_feed", table_name="events")
    if "ux_events_station_chain_seq" in _indexes("events"):
        op.drop_index("ux_events_station_chain_seq", table_name="events")
    _unique_index_if_possible("ux_events_station_seq", "events", ["station", "seq"])
    with op.batch_alter_table("updates") as batch:
        batch.drop_column("device")
    with op.batch_alter_table("cases") as batch:
        batch.drop_column("platform_outcome")
        batch.drop_column("platform_status")
        batch.drop_column("conflict")
    with op.batch_alter_table("events") as batch:
        batch.drop_column("forwarded_at")
        batch.drop_column("feed")
        batch.drop_column("chain")
    with op.batch_alter_table("enrol_codes") as batch:
        batch.drop_column("device")
    op.drop_table("devices")
    with op.batch_alter_table("stations") as batch:
        batch.drop_column("feed")
