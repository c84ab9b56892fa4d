"""event_counts: each event's attendance counts (attended, walk-ins, registrations not
cancelled, no-shows, cancelled: db.queries.community_kpis's definitions), kept by triggers on
events and attendances in the same transaction as every write, whichever path makes it; so the
community dashboard's per-event counts for the whole Region come from one row per event
instead of counting every attendance of the period (6.3 of its 11.4 ms over the plan at
100,000 artisans). A commune's or a sector's counts still count the attendances: the rows
hold the whole Region's.

An event gets its row when it is created; an attendance written, changed (event, status,
walk-in) or deleted moves its event's counts by one. On PostgreSQL the update locks the
event's row of event_counts until the transaction ends: two writes at one event queue there,
each adding to the other's committed counts (a deadlock between two writes touching several
events in opposite orders is retried by db.engine.run_write). The triggers fire after 0009's
(names in order), which take the event's row FOR SHARE first, as before.
tests/db/test_event_counts.py checks the rows against the attendances after every kind of
write.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

# Each count's increment for one attendance row (NEW or OLD), in the columns' order.
COUNTS = {
    "attended": "{row}.status = 'attended'",
    "walk_ins": "{row}.status = 'attended' AND {row}.walk_in",
    "registrations": "NOT {row}.walk_in AND {row}.status <> 'cancelled'",
    "no_shows": "{row}.status = 'no_show'",
    "cancelled": "{row}.status = 'cancelled'",
}


def _move(row: str, sign: str) -> str:
    """The statement adding (+) or taking away (-) the attendance `row` (NEW or OLD) to or from
    its event's counts."""
    moves = ", ".join(f"{name} = {name} {sign} CASE WHEN {when.format(row=row)} THEN 1 ELSE 0 "
                      "END" for name, when in COUNTS.items())
    return f"UPDATE event_counts SET {moves} WHERE event_id = {row}.event_id;"


SQLITE_TRIGGERS = {
    "event_counts_event_insert":
        "AFTER INSERT ON events BEGIN INSERT INTO event_counts (event_id) VALUES (NEW.id); END",
    "event_counts_attendance_insert":
        f"AFTER INSERT ON attendances BEGIN {_move('NEW', '+')} END",
    "event_counts_attendance_update":
        "AFTER UPDATE OF event_id, status, walk_in ON attendances BEGIN "
        f"{_move('OLD', '-')} {_move('NEW', '+')} END",
    "event_counts_attendance_delete":
        f"AFTER DELETE ON attendances BEGIN {_move('OLD', '-')} END",
}

POSTGRES = [
    """CREATE FUNCTION event_counts_on_event() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        INSERT INTO event_counts (event_id) VALUES (NEW.id);
        RETURN NULL;
    END $$""",
    f"""CREATE FUNCTION event_counts_on_attendance() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP <> 'INSERT' THEN
            {_move('OLD', '-')}
        END IF;
        IF TG_OP <> 'DELETE' THEN
            {_move('NEW', '+')}
        END IF;
        RETURN NULL;
    END $$""",
    "CREATE TRIGGER event_counts_event AFTER INSERT ON events FOR EACH ROW "
    "EXECUTE FUNCTION event_counts_on_event()",
    "CREATE TRIGGER event_counts_attendance AFTER INSERT OR DELETE OR UPDATE OF "
    "event_id, status, walk_in ON attendances FOR EACH ROW "
    "EXECUTE FUNCTION event_counts_on_attendance()",
]
POSTGRES_DROP = [
    "DROP TRIGGER event_counts_attendance ON attendances",
    "DROP TRIGGER event_counts_event ON events",
    "DROP FUNCTION event_counts_on_attendance()",
    "DROP FUNCTION event_counts_on_event()",
]

# Every event's counts from its attendances as they are.
_FILL = ("INSERT INTO event_counts (event_id, " + ", ".join(COUNTS) + ") SELECT e.id, "
         + ", ".join(f"COUNT(CASE WHEN {when.format(row='a')} THEN 1 END)"
                     for when in COUNTS.values())
         + " FROM events e LEFT JOIN attendances a ON a.event_id = e.id GROUP BY e.id")


def upgrade() -> None:
    op.create_table(
        "event_counts",
        sa.Column("event_id", sa.Integer(), nullable=False),
        *(sa.Column(name, sa.Integer(), server_default="0", nullable=False) for name in COUNTS),
        *(sa.CheckConstraint(f"{name} >= 0", name=op.f(f"ck_event_counts_{name}"))
          for name in COUNTS),
        sa.ForeignKeyConstraint(["event_id"], ["events.id"],
                                name=op.f("fk_event_counts_event_id_events"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("event_id", name=op.f("pk_event_counts")),
    )
    op.execute(_FILL)
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
    op.drop_table("event_counts")
