"""Reports (issue 17): an index of ``events`` by (station, type, at), so that the platform's report
(``hub.reports``) finds a period's intakes, ratings and conclusions of the asked stations by index
ranges instead of visiting every event the stations pushed.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-03
"""

from __future__ import annotations

from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_index("ix_events_station_type_at", "events", ["station", "type", "at"])


def downgrade() -> None:
    op.drop_index("ix_events_station_type_at", table_name="events")
