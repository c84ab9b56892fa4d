"""community_members.first_event_id: the member's first attended community event (of those
beginning at first_at, the one with the lowest id), kept by 0009's triggers, which this
migration makes fill it too; so the new members at each event are counted from the members'
index, without looking up the member of every attendance (the community dashboard's per-event
counts: 20 ms down to about 12 over the plan at 100,000 artisans).

A member who attended two community events beginning at the same moment is new at the one
with the lowest id only: the new members per event add up to the period's new members.

The triggers and their PostgreSQL function are those of 0009, with first_event_id in the
statement that refills a member's row: the same events fire them, with the same locks (see
0009). The column is filled from the attendances as they are.

Also drops 0010's ix_artisans_scope: since 0011 the label reads take the artisans' commune,
sector and registry day from the steps' copies, and no read joins the artisans through it.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

# The lowest id of the member's attended community events beginning at first_at (m.first_at,
# for the artisan ar.id).
_FIRST_EVENT = ("(SELECT MIN(fa.event_id) FROM attendances fa JOIN events fe "
                "ON fe.id = fa.event_id WHERE fa.artisan_id = ar.id AND fa.status = 'attended' "
                "AND fe.action = 'community' AND fe.starts_at = m.first_at)")


def _fill(which: str, first_event: bool) -> str:
    """Insert the members among the artisans `which` (a condition on a.artisan_id), with their
    first event (this migration) or without (0009's)."""
    column, value = (", first_event_id", f", {_FIRST_EVENT}") if first_event else ("", "")
    return (
        f"INSERT INTO community_members (artisan_id, first_at, commune_nis, sector{column}) "
        f"SELECT ar.id, m.first_at, ar.commune_nis, ar.sector{value} FROM artisans ar JOIN ("
        "SELECT a.artisan_id, MIN(e.starts_at) AS first_at FROM attendances a "
        "JOIN events e ON e.id = a.event_id "
        f"WHERE {which} AND a.status = 'attended' AND e.action = 'community' "
        "GROUP BY a.artisan_id) m ON m.artisan_id = ar.id")


def _refresh(who: str, first_event: bool) -> str:
    """SQLite: the statements that refresh the artisans `who` (an id or an IN list)."""
    return (f"DELETE FROM community_members WHERE artisan_id {who}; "
            f"{_fill(f'a.artisan_id {who}', first_event)};")


def _sqlite_triggers(first_event: bool) -> dict[str, str]:
    """0009's triggers (names and bodies), their refills with or without the first event."""
    def refresh(who: str) -> str:
        return _refresh(who, first_event)

    return {
        "community_members_attendance_insert":
            f"AFTER INSERT ON attendances BEGIN {refresh('= NEW.artisan_id')} END",
        "community_members_attendance_update":
            "AFTER UPDATE OF artisan_id, status, event_id ON attendances BEGIN "
            f"{refresh('= OLD.artisan_id')} {refresh('= NEW.artisan_id')} END",
        "community_members_attendance_delete":
            f"AFTER DELETE ON attendances BEGIN {refresh('= OLD.artisan_id')} END",
        "community_members_event_update":
            "AFTER UPDATE OF starts_at, action ON events BEGIN "
            f"{refresh('IN (SELECT artisan_id FROM attendances WHERE event_id = NEW.id)')} END",
        "community_members_artisan_update":
            f"AFTER UPDATE OF commune_nis, sector ON artisans BEGIN {refresh('= NEW.id')} END",
    }


def _postgres_refresh(first_event: bool) -> str:
    """0009's function that refreshes one artisan, its refill with or without the first event."""
    return f"""CREATE OR REPLACE FUNCTION community_members_refresh(who integer) RETURNS void
    LANGUAGE plpgsql SET enable_seqscan = off AS $$
    BEGIN
        PERFORM 1 FROM artisans WHERE id = who FOR NO KEY UPDATE;
        DELETE FROM community_members WHERE artisan_id = who;
        {_fill("a.artisan_id = who", first_event)};
    END $$"""


INDEX = "ix_community_members_first_at"
INDEX_COLUMNS = ["first_at", "commune_nis", "sector"]


def _install(first_event: bool) -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name, body in _sqlite_triggers(first_event).items():
            op.execute(f"DROP TRIGGER {name}")
            op.execute(f"CREATE TRIGGER {name} {body}")
    else:
        op.execute(_postgres_refresh(first_event))


def upgrade() -> None:
    op.add_column("community_members", sa.Column("first_event_id", sa.Integer(), nullable=True))
    op.execute("DELETE FROM community_members")
    op.execute(_fill("1 = 1", first_event=True))
    op.drop_index(INDEX, table_name="community_members")
    op.create_index(INDEX, "community_members", [*INDEX_COLUMNS, "first_event_id"], unique=False)
    _install(first_event=True)
    op.drop_index("ix_artisans_scope", table_name="artisans")


def downgrade() -> None:
    op.create_index("ix_artisans_scope", "artisans", ["id", "created_at", "commune_nis", "sector"],
                    unique=False)
    _install(first_event=False)
    op.drop_index(INDEX, table_name="community_members")
    op.create_index(INDEX, "community_members", INDEX_COLUMNS, unique=False)
    # Not batch mode: on SQLite it would rebuild the table (it has no triggers of its own, but
    # the plain statement is enough and keeps the rows).
    op.execute("ALTER TABLE community_members DROP COLUMN first_event_id")
