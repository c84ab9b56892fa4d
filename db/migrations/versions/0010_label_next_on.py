"""label_steps.next_on: the day of the artisan's next label step (steps in the order of their
day, then of their id), NULL on their latest step, kept by triggers on label_steps; so an
artisan's state on any day is the one step with occurred_on <= day < next_on (or next_on
NULL), read from one index without working out every artisan's latest step (the label
funnel: 30-45 ms at 100,000 artisans). And a narrow index on the artisans' scope columns,
so that reads joining many artisans by id to count them by registry day, commune or sector
read it instead of the wide rows.

The column is filled from the steps as they are. From then on only the triggers write it, in
the transaction of the write that inserts, deletes or moves a step (its day or artisan): each
refreshes every step of the artisans concerned. On PostgreSQL a refresh first locks its
artisan's row (FOR NO KEY UPDATE, as migration 0009 does), so two writes touching one
artisan's steps refresh it one after the other, the later from the other's committed rows.

Not covered, as for 0009: SQLite's INSERT OR REPLACE (the app never uses it) and a restore
with triggers disabled. A later migration that rebuilds label_steps on SQLite (batch mode)
drops its triggers with the old table: tests/db/test_label_next_on.py checks they are there.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

# The day of the step that follows a label_steps row (referred to by the table's name).
_NEXT = ("(SELECT n.occurred_on FROM label_steps n WHERE n.artisan_id = label_steps.artisan_id "
         "AND (n.occurred_on > label_steps.occurred_on OR (n.occurred_on = label_steps.occurred_on "
         "AND n.id > label_steps.id)) ORDER BY n.occurred_on, n.id LIMIT 1)")


def _refresh(who: str) -> str:
    """The statement that refreshes the steps of the artisans `who` (an id expression)."""
    return f"UPDATE label_steps SET next_on = {_NEXT} WHERE artisan_id = {who};"


SQLITE_TRIGGERS = {
    "label_steps_next_insert": f"AFTER INSERT ON label_steps BEGIN {_refresh('NEW.artisan_id')} END",
    "label_steps_next_update":
        "AFTER UPDATE OF artisan_id, occurred_on ON label_steps BEGIN "
        f"{_refresh('OLD.artisan_id')} {_refresh('NEW.artisan_id')} END",
    "label_steps_next_delete": f"AFTER DELETE ON label_steps BEGIN {_refresh('OLD.artisan_id')} END",
}

POSTGRES = [
    # Index look-ups only, whatever the statistics (see 0009).
    f"""CREATE FUNCTION label_steps_refresh(who integer) RETURNS void
    LANGUAGE plpgsql SET enable_seqscan = off AS $$
    BEGIN
        PERFORM 1 FROM artisans WHERE id = who FOR NO KEY UPDATE;
        {_refresh("who")}
    END $$""",
    """CREATE FUNCTION label_steps_on_step() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP <> 'INSERT' THEN
            PERFORM label_steps_refresh(OLD.artisan_id);
        END IF;
        IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.artisan_id <> OLD.artisan_id) THEN
            PERFORM label_steps_refresh(NEW.artisan_id);
        END IF;
        RETURN NULL;
    END $$""",
    "CREATE TRIGGER label_steps_next AFTER INSERT OR DELETE OR UPDATE OF artisan_id, occurred_on "
    "ON label_steps FOR EACH ROW EXECUTE FUNCTION label_steps_on_step()",
]
POSTGRES_DROP = [
    "DROP TRIGGER label_steps_next ON label_steps",
    "DROP FUNCTION label_steps_on_step()",
    "DROP FUNCTION label_steps_refresh(integer)",
]


def upgrade() -> None:
    op.add_column("label_steps", sa.Column("next_on", sa.Date(), nullable=True))
    op.execute(f"UPDATE label_steps SET next_on = {_NEXT}")
    op.create_index("ix_label_steps_as_of", "label_steps",
                    ["occurred_on", "next_on", "state", "artisan_id"], unique=False)
    op.create_index("ix_artisans_scope", "artisans",
                    ["id", "created_at", "commune_nis", "sector"], unique=False)
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
    op.drop_index("ix_artisans_scope", table_name="artisans")
    op.drop_index("ix_label_steps_as_of", table_name="label_steps")
    with op.batch_alter_table("label_steps") as batch_op:
        batch_op.drop_column("next_on")
