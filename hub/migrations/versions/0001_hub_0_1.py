"""The schema of the hub before migrations (hub 0.1, with the tables and indexes of issue 12).

On a new database this makes every table and index. On a database made by a hub before migrations
(no ``alembic_version``) it makes what that hub did not have yet, exactly as that hub did at each start:
tables it lacked, and the indexes of ``events``. Where such a database holds two events of one
station at one position the unique index cannot be made: it is left out here and
``hub.migrations.upgrade`` says so (and makes it at a later upgrade, once a person sorted them out).

Revision ID: 0001
Revises:
Create Date: 2026-12-02
"""

from __future__ import annotations

import logging

import sqlalchemy as sa
from alembic import op
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.schema import SchemaItem

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | None = None
depends_on: str | None = None

log = logging.getLogger(__name__)


def _tables() -> list[tuple[str, list[SchemaItem]]]:
    """Today's tables, in the order ``create_all`` made them (those referred to first)."""
    def utc(name: str, nullable: bool = False) -> sa.Column[object]:
        return sa.Column(name, sa.DateTime(), nullable=nullable)  # hub.db.UTCDateTime: a naive UTC DATETIME

    return [
        ("bundle_transfers", [
            sa.Column("bundle_id", sa.String(length=32), nullable=False),
            sa.Column("uploader", sa.String(length=12), nullable=False),
            sa.Column("size", sa.BigInteger(), nullable=False),
            sa.Column("sha256", sa.String(length=64), nullable=False),
            sa.Column("offset", sa.BigInteger(), nullable=False),
            utc("created_at"), utc("updated_at"),
            sa.PrimaryKeyConstraint("bundle_id", "uploader"),
        ]),
        ("bundles", [
            sa.Column("bundle_id", sa.String(length=32), nullable=False),
            sa.Column("uploader", sa.String(length=12), nullable=False),
            sa.Column("station", sa.String(length=12), nullable=True),
            sa.Column("size", sa.BigInteger(), nullable=False),
            sa.Column("sha256", sa.String(length=64), nullable=False),
            sa.Column("offset", sa.BigInteger(), nullable=False),
            utc("created_at"), utc("updated_at"), utc("ingested_at", nullable=True),
            sa.Column("ack", sa.Text(), nullable=True),
            sa.PrimaryKeyConstraint("bundle_id"),
        ]),
        ("cases", [
            sa.Column("case_no", sa.String(length=40), nullable=False),
            sa.Column("station", sa.String(length=12), nullable=False),
            sa.Column("status", sa.String(length=32), nullable=True),
            sa.Column("outcome", sa.String(length=16), nullable=True),
            sa.Column("platform_no", sa.String(length=100), nullable=True),
            sa.Column("items", sa.Text(), nullable=False),
            sa.Column("applicant_name", sa.String(length=200), nullable=True),
            utc("updated_at"),
            sa.Column("status_seq", sa.BigInteger(), nullable=True),
            sa.PrimaryKeyConstraint("case_no"),
        ]),
        ("enrol_codes", [
            sa.Column("code", sa.String(length=32), nullable=False),
            sa.Column("station_code", sa.String(length=12), nullable=False),
            utc("expires_at"), utc("used_at", nullable=True),
            sa.PrimaryKeyConstraint("code"),
        ]),
        ("events", [
            sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
            sa.Column("station", sa.String(length=12), nullable=False),
            sa.Column("event_id", sa.String(length=100), nullable=False),
            sa.Column("seq", sa.BigInteger(), nullable=False),
            sa.Column("case_no", sa.String(length=40), nullable=True),
            sa.Column("type", sa.String(length=64), nullable=False),
            sa.Column("at", sa.String(length=40), nullable=False),
            sa.Column("operator", sa.String(length=100), nullable=False),
            sa.Column("device", sa.String(length=100), nullable=False),
            sa.Column("payload", sa.Text(), nullable=False),
            sa.Column("prev_hash", sa.String(length=64), nullable=False),
            sa.Column("hash", sa.String(length=64), nullable=False),
            utc("received_at"),
            sa.PrimaryKeyConstraint("id"),
            sa.UniqueConstraint("event_id"),
        ]),
        ("hub_meta", [
            sa.Column("key", sa.String(length=64), nullable=False),
            sa.Column("value", sa.Text(), nullable=False),
            sa.PrimaryKeyConstraint("key"),
        ]),
        ("stations", [
            sa.Column("code", sa.String(length=12), nullable=False),
            sa.Column("name", sa.String(length=200), nullable=False),
            sa.Column("public_key", sa.String(length=64), nullable=False),
            utc("enrolled_at"),
            sa.PrimaryKeyConstraint("code"),
        ]),
        ("updates", [
            sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
            sa.Column("station", sa.String(length=12), nullable=True),
            sa.Column("kind", sa.String(length=32), nullable=False),
            sa.Column("case_no", sa.String(length=40), nullable=True),
            sa.Column("body", sa.Text(), nullable=False),
            utc("created_at"),
            sa.PrimaryKeyConstraint("id"),
        ]),
        ("attachments", [
            sa.Column("station", sa.String(length=12), nullable=False),
            sa.Column("sha256", sa.String(length=64), nullable=False),
            sa.Column("size", sa.BigInteger(), nullable=False),
            sa.Column("mime", sa.String(length=64), nullable=False),
            sa.Column("offset", sa.BigInteger(), nullable=False),
            utc("created_at"), utc("updated_at"), utc("completed_at", nullable=True),
            sa.Column("data", sa.LargeBinary(), nullable=True),
            sa.ForeignKeyConstraint(["station"], ["stations.code"], ondelete="CASCADE"),
            sa.PrimaryKeyConstraint("station", "sha256"),
        ]),
        ("bundle_chunks", [
            sa.Column("bundle_id", sa.String(length=32), nullable=False),
            sa.Column("offset", sa.BigInteger(), nullable=False),
            sa.Column("data", sa.LargeBinary(), nullable=False),
            sa.ForeignKeyConstraint(["bundle_id"], ["bundles.bundle_id"], ondelete="CASCADE"),
            sa.PrimaryKeyConstraint("bundle_id", "offset"),
        ]),
        ("bundle_transfer_chunks", [
            sa.Column("bundle_id", sa.String(length=32), nullable=False),
            sa.Column("uploader", sa.String(length=12), nullable=False),
            sa.Column("offset", sa.BigInteger(), nullable=False),
            sa.Column("data", sa.LargeBinary(), nullable=False),
            sa.ForeignKeyConstraint(["bundle_id", "uploader"],
                                    ["bundle_transfers.bundle_id", "bundle_transfers.uploader"], ondelete="CASCADE"),
            sa.PrimaryKeyConstraint("bundle_id", "uploader", "offset"),
        ]),
        ("nonces", [
            sa.Column("station", sa.String(length=12), nullable=False),
            sa.Column("nonce", sa.String(length=200), nullable=False),
            sa.Column("created", sa.BigInteger(), nullable=False),
            sa.ForeignKeyConstraint(["station"], ["stations.code"], ondelete="CASCADE"),
            sa.PrimaryKeyConstraint("station", "nonce"),
        ]),
        ("attachment_chunks", [
            sa.Column("station", sa.String(length=12), nullable=False),
            sa.Column("sha256", sa.String(length=64), nullable=False),
            sa.Column("offset", sa.BigInteger(), nullable=False),
            sa.Column("data", sa.LargeBinary(), nullable=False),
            sa.ForeignKeyConstraint(["station", "sha256"], ["attachments.station", "attachments.sha256"],
                                    ondelete="CASCADE"),
            sa.PrimaryKeyConstraint("station", "sha256", "offset"),
        ]),
    ]


# (index, table, columns, unique), each made after its table
INDEXES = [
    ("ix_cases_station", "cases", ["station"], False),
    ("ix_events_case_no", "events", ["case_no"], False),
    ("ux_events_station_seq", "events", ["station", "seq"], True),
    ("ix_updates_station_id", "updates", ["station", "id"], False),
    ("ix_nonces_created", "nonces", ["created"], False),
]


def upgrade() -> None:
    if op.get_context().as_sql:  # offline (``alembic upgrade --sql``): a new database
        for name, items in _tables():
            op.create_table(name, *items)
        for index, table, columns, unique in INDEXES:
            op.create_index(index, table, columns, unique=unique)
        return
    bind = op.get_bind()
    inspector = sa.inspect(bind)
    present = set(inspector.get_table_names())
    for name, items in _tables():
        if name not in present:
            op.create_table(name, *items)
    for index, table, columns, unique in INDEXES:
        if table in present and index in {ix["name"] for ix in inspector.get_indexes(table)}:
            continue
        if not unique or table not in present:
            op.create_index(index, table, columns, unique=unique)
            continue
        try:  # an older hub's events: it may hold two events of a station at one position
            with bind.begin_nested():
                op.create_index(index, table, columns, unique=unique)
        except SQLAlchemyError as exc:
            log.info("index %s left for later (%s)", index, type(exc).__name__)


def downgrade() -> None:
    for index, table, _columns, _unique in reversed(INDEXES):
        op.drop_index(index, table_name=table)
    for name, _items in reversed(_tables()):
        op.drop_table(name)
