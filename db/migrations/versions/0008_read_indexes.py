"""read indexes: the registry on a day (artisans by created_at), who attended each event and
which events each artisan attended, from the index alone (attendances by event, status,
artisan and walk-in; the artisan-and-status index gains the event), and each artisan's label
steps by day

Indexes only: no table or row changes.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-30
"""

from __future__ import annotations

from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

INDEXES = (
    ("ix_artisans_created_at", "artisans", ["created_at"]),
    ("ix_attendances_event_status", "attendances",
     ["event_id", "status", "artisan_id", "walk_in"]),
    ("ix_label_steps_artisan_occurred", "label_steps", ["artisan_id", "occurred_on"]),
)


ARTISAN_STATUS = "ix_attendances_artisan_status"


def upgrade() -> None:
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns, unique=False)
    op.drop_index(ARTISAN_STATUS, table_name="attendances")
    op.create_index(ARTISAN_STATUS, "attendances", ["artisan_id", "status", "event_id"],
                    unique=False)


def downgrade() -> None:
    op.drop_index(ARTISAN_STATUS, table_name="attendances")
    op.create_index(ARTISAN_STATUS, "attendances", ["artisan_id", "status"], unique=False)
    for name, table, _ in reversed(INDEXES):
        op.drop_index(name, table_name=table)
