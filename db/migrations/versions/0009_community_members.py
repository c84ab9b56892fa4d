"""community_members: each member (an artisan who attended a community event) with their
first one's start and their workshop's commune and sector, kept by triggers on attendances,
events and artisans, so the community figures need not work out every member's first
attendance on each read

The table is filled from the attendances as they are. From then on only the triggers write
it, in the transaction of the write that changes an attendance (inserted, deleted, its
status, event or artisan changed), an event (its start or action) or an artisan (commune,
sector): each refreshes the artisans concerned from the attendances. On PostgreSQL a refresh
first locks its artisan's row (FOR NO KEY UPDATE: a row lock, kept in the row, not in the
shared lock table, so a transaction may refresh any number of artisans), so two writes
touching one artisan refresh it one after the other, each from the other's committed rows;
and an attendance written locks its event's row (FOR SHARE), so a change of that event's start
or action at the same moment waits for it, or it for that change, and the later one refreshes
from both.

Not covered: SQLite's INSERT OR REPLACE (its implicit delete fires no trigger unless
recursive_triggers is on; the app never uses it) and a restore with triggers disabled.

A later migration that rebuilds attendances, events or artisans on SQLite (batch mode) drops
their triggers with the old table: tests/db/test_community_members.py checks they are there.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

def _fill(which: str) -> str:
    """Insert the members among the artisans `which` (a condition on a.artisan_id)."""
    return (
        "INSERT INTO community_members (artisan_id, first_at, commune_nis, sector) "
        "SELECT ar.id, m.first_at, ar.commune_nis, ar.sector FROM artisans ar JOIN ("
        "SELECT a.artisan_id, MIN(e.starts_at) AS first_at FROM attendances a "
        "JOIN events e ON e.id = a.event_id "
        f"WHERE {which} AND a.status = 'attended' AND e.action = 'community' "
        "GROUP BY a.artisan_id) m ON m.artisan_id = ar.id")


def _refresh(who: str) -> str:
    """SQLite: the statements that refresh the artisans `who` (an id or an IN list)."""
    return (f"DELETE FROM community_members WHERE artisan_id {who}; "
            f"{_fill(f'a.artisan_id {who}')};")


SQLITE_TRIGGERS = {
    "community_members_attendance_insert":
        f"AFTER INSERT ON attendances BEGIN {_refresh('= NEW.artisan_id')} END",
    "community_members_attendance_update":
        "AFTER UPDATE OF artisan_id, status, event_id ON attendances BEGIN "
        f"{_refresh('= OLD.artisan_id')} {_refresh('= NEW.artisan_id')} END",
    "community_members_attendance_delete":
        f"AFTER DELETE ON attendances BEGIN {_refresh('= OLD.artisan_id')} END",
    "community_members_event_update":
        "AFTER UPDATE OF starts_at, action ON events BEGIN "
        f"{_refresh('IN (SELECT artisan_id FROM attendances WHERE event_id = NEW.id)')} END",
    "community_members_artisan_update":
        f"AFTER UPDATE OF commune_nis, sector ON artisans BEGIN {_refresh('= NEW.id')} END",
}

POSTGRES = [
    # Index look-ups only, whatever the statistics: a plan cached while the tables were empty
    # (a fresh or truncated database being filled) would otherwise scan them on every row.
    f"""CREATE FUNCTION community_members_refresh(who integer) RETURNS void
    LANGUAGE plpgsql SET enable_seqscan = off AS $$
    BEGIN
        PERFORM 1 FROM artisans WHERE id = who FOR NO KEY UPDATE;
        DELETE FROM community_members WHERE artisan_id = who;
        {_fill("a.artisan_id = who")};
    END $$""",
    """CREATE FUNCTION community_members_on_attendance() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP <> 'DELETE' THEN
            PERFORM 1 FROM events WHERE id = NEW.event_id FOR SHARE;
        END IF;
        IF TG_OP <> 'INSERT' THEN
            PERFORM community_members_refresh(OLD.artisan_id);
        END IF;
        IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.artisan_id <> OLD.artisan_id) THEN
            PERFORM community_members_refresh(NEW.artisan_id);
        END IF;
        RETURN NULL;
    END $$""",
    """CREATE FUNCTION community_members_on_event() RETURNS trigger
    LANGUAGE plpgsql SET enable_seqscan = off AS $$
    BEGIN
        PERFORM community_members_refresh(a.artisan_id)
            FROM (SELECT DISTINCT artisan_id FROM attendances WHERE event_id = NEW.id
                  ORDER BY artisan_id) a;
        RETURN NULL;
    END $$""",
    """CREATE FUNCTION community_members_on_artisan() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        PERFORM community_members_refresh(NEW.id);
        RETURN NULL;
    END $$""",
    "CREATE TRIGGER community_members_attendance AFTER INSERT OR DELETE OR UPDATE OF "
    "artisan_id, status, event_id ON attendances FOR EACH ROW "
    "EXECUTE FUNCTION community_members_on_attendance()",
    "CREATE TRIGGER community_members_event AFTER UPDATE OF starts_at, action ON events "
    "FOR EACH ROW EXECUTE FUNCTION community_members_on_event()",
    "CREATE TRIGGER community_members_artisan AFTER UPDATE OF commune_nis, sector ON artisans "
    "FOR EACH ROW EXECUTE FUNCTION community_members_on_artisan()",
]
POSTGRES_DROP = [
    "DROP TRIGGER community_members_attendance ON attendances",
    "DROP TRIGGER community_members_event ON events",
    "DROP TRIGGER community_members_artisan ON artisans",
    "DROP FUNCTION community_members_on_attendance()",
    "DROP FUNCTION community_members_on_event()",
    "DROP FUNCTION community_members_on_artisan()",
    "DROP FUNCTION community_members_refresh(integer)",
]


def upgrade() -> None:
    op.create_table(
        "community_members",
        sa.Column("artisan_id", sa.Integer(), nullable=False),
        sa.Column("first_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("commune_nis", sa.String(length=5), nullable=True),
        sa.Column("sector", sa.String(length=30), nullable=True),
        sa.ForeignKeyConstraint(["artisan_id"], ["artisans.id"],
                                name=op.f("fk_community_members_artisan_id_artisans")),
        sa.PrimaryKeyConstraint("artisan_id", name=op.f("pk_community_members")),
    )
    op.create_index("ix_community_members_first_at", "community_members",
                    ["first_at", "commune_nis", "sector"], unique=False)
    op.execute(_fill("1 = 1"))
    if op.get_bind().dialect.name == "sqlite":
        for name, body in SQLITE_TRIGGERS.items():
            op.execute(f"CREATE TRIGGER {name} {body}")
    else:
        for statement in POSTGRES:
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in SQLITE_TRIGGERS:
            op.execute(f"DROP TRIGGER {name}")
    else:
        for statement in POSTGRES_DROP:
            op.execute(statement)
    op.drop_index("ix_community_members_first_at", table_name="community_members")
    op.drop_table("community_members")
