"""read indexes for the dashboards: the registry on a day (artisans by created_at, and by
source for the campaign's sign-ups), who attended each event and which events each artisan
attended, from the index alone (attendances by event, status, artisan and walk-in; the
artisan-and-status index gains the event), each artisan's label steps by day (and the
state-and-day index gains the artisan), sessions by day with their artisan and length, and
follow-ups by the day they were done or are due

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

INDEXES = (  # new: (name, table, columns)
    ("ix_artisans_created_at", "artisans", ["created_at"]),
    ("ix_artisans_source_created", "artisans", ["source", "created_at"]),
    ("ix_attendances_event_status", "attendances",
     ["event_id", "status", "artisan_id", "walk_in"]),
    ("ix_label_steps_artisan_occurred", "label_steps", ["artisan_id", "occurred_on"]),
    ("ix_follow_ups_done_status", "follow_ups", ["done_on", "status", "session_id"]),
    ("ix_follow_ups_due_status", "follow_ups", ["due_on", "status", "done_on"]),
)
WIDENED = (  # kept by name, with more columns: (name, table, before, after)
    ("ix_attendances_artisan_status", "attendances", ["artisan_id", "status"],
     ["artisan_id", "status", "event_id"]),
    ("ix_label_steps_state_occurred", "label_steps", ["state", "occurred_on"],
     ["state", "occurred_on", "artisan_id"]),
    ("ix_coaching_sessions_held_on", "coaching_sessions", ["held_on"],
     ["held_on", "artisan_id", "duration_min"]),
)


def upgrade() -> None:
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns, unique=False)
    for name, table, _, after in WIDENED:
        op.drop_index(name, table_name=table)
        op.create_index(name, table, after, unique=False)


def downgrade() -> None:
    for name, table, before, _ in WIDENED:
        op.drop_index(name, table_name=table)
        op.create_index(name, table, before, unique=False)
    for name, table, _ in reversed(INDEXES):
        op.drop_index(name, table_name=table)
