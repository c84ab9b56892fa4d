"""events: who checked an artisan in, events' row version and last edit, and constraints that
back the attendance rules (check-in time iff attended, registration time unless a walk-in,
event start between 2000 and 2100)

Rows written before these rules are brought in line first: an attendance marked attended
without a check-in time gets its event's start, a check-in time on any other status is
cleared, a registration without a time gets its event's start.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30
"""

from __future__ import annotations

from collections.abc import Callable

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

STARTS_AT = "starts_at >= '1999-12-31 23:00:00+00' AND starts_at < '2100-12-31 23:00:00+00'"
CHECKED_IN = ("(status = 'attended' AND checked_in_at IS NOT NULL) OR "
              "(status <> 'attended' AND checked_in_at IS NULL)")
REGISTERED = "walk_in OR registered_at IS NOT NULL"
BACKUP = "_attendances_0005"
EVENT_START = "(SELECT e.starts_at FROM events e WHERE e.id = attendances.event_id)"


def _keeping_attendances(alter: Callable[[], None]) -> None:
    """Run `alter`, which rebuilds tables. On SQLite a rebuild drops the old events table, and
    with foreign keys on that deletes every attendance (ON DELETE CASCADE) even inside a
    transaction: the attendances are copied aside and put back."""
    if op.get_bind().dialect.name != "sqlite":
        alter()
        return
    op.execute(f"CREATE TEMP TABLE {BACKUP} AS SELECT * FROM attendances")
    alter()
    names = [c["name"] for c in sa.inspect(op.get_bind()).get_columns("attendances")]
    kept = {row[1] for row in op.get_bind().exec_driver_sql(f"PRAGMA temp.table_info({BACKUP})")}
    columns = ", ".join(n for n in names if n in kept)
    op.execute("DELETE FROM attendances")  # none are left, unless foreign keys were off
    op.execute(f"INSERT INTO attendances ({columns}) SELECT {columns} FROM {BACKUP}")
    op.execute(f"DROP TABLE {BACKUP}")


def _bring_in_line() -> None:
    op.execute(f"UPDATE attendances SET checked_in_at = {EVENT_START} "
               "WHERE status = 'attended' AND checked_in_at IS NULL")
    op.execute("UPDATE attendances SET checked_in_at = NULL "
               "WHERE status <> 'attended' AND checked_in_at IS NOT NULL")
    op.execute(f"UPDATE attendances SET registered_at = {EVENT_START} "
               "WHERE registered_at IS NULL AND NOT walk_in")


def _upgrade_tables() -> None:
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.add_column(sa.Column("row_version", sa.Integer(), server_default="1",
                                      nullable=False))
        batch_op.add_column(sa.Column("updated_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.create_check_constraint(batch_op.f("ck_events_starts_at"), STARTS_AT)
        batch_op.create_check_constraint(batch_op.f("ck_events_row_version"), "row_version >= 1")
    with op.batch_alter_table("attendances", schema=None) as batch_op:
        batch_op.add_column(sa.Column("checked_in_by", sa.String(length=40), nullable=True))
        batch_op.create_check_constraint(batch_op.f("ck_attendances_checked_in_at"), CHECKED_IN)
        batch_op.create_check_constraint(batch_op.f("ck_attendances_registered_at"), REGISTERED)


def _downgrade_tables() -> None:
    with op.batch_alter_table("attendances", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("ck_attendances_registered_at"), type_="check")
        batch_op.drop_constraint(batch_op.f("ck_attendances_checked_in_at"), type_="check")
        batch_op.drop_column("checked_in_by")
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("ck_events_row_version"), type_="check")
        batch_op.drop_constraint(batch_op.f("ck_events_starts_at"), type_="check")
        batch_op.drop_column("updated_at")
        batch_op.drop_column("row_version")


def upgrade() -> None:
    _bring_in_line()
    _keeping_attendances(_upgrade_tables)


def downgrade() -> None:
    _keeping_attendances(_downgrade_tables)
