"""Two columns of label_steps kept by triggers on label_steps:
- next_on: the day of the artisan's next label step (steps in the order of their day, then of
  their id), NULL on their latest step; so an artisan's state on any day is the one step with
  occurred_on <= day < next_on (or next_on NULL), read from one index without working out
  every artisan's latest step (the label funnel: 30-45 ms at 100,000 artisans);
- certified_since: the day of the certification in force on the step's day, whatever its
  age: the artisan's latest certification on or before that day, unless an expiry was marked
  after it by then (one marked the same day does not lapse it); NULL if none. An artisan is
  certified on a day when the step in force that day has certified_since within the 6 years
  before it: a count over one index instead of a search for lapses of every certification
  (5-7 ms a day at 100,000 artisans).
And a narrow index on the artisans' scope columns, so that reads joining many artisans by id
to count them by registry day, commune or sector read it instead of the wide rows.

The columns are filled from the steps as they are. From then on only the triggers write them,
in the transaction of the write that inserts, deletes or changes a step (its day, artisan or
state): each refreshes every step of the artisans concerned. On PostgreSQL a refresh first locks its
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


# The day of the certification in force on a label_steps row's day: the latest on or before
# it not followed by an expiry on or before it (the same rule as db.queries.label: an expiry
# lapses the certifications of the days before it).
_SINCE = ("(SELECT MAX(c.occurred_on) FROM label_steps c WHERE c.artisan_id = "
          "label_steps.artisan_id AND c.state = 'certified' AND c.occurred_on <= "
          "label_steps.occurred_on AND NOT EXISTS (SELECT 1 FROM label_steps e WHERE "
          "e.artisan_id = c.artisan_id AND e.state = 'expired' AND e.occurred_on > c.occurred_on "
          "AND e.occurred_on <= label_steps.occurred_on))")
_SET = f"next_on = {_NEXT}, certified_since = {_SINCE}"


def _refresh(who: str) -> str:
    """The statement that refreshes the steps of the artisans `who` (an id expression)."""
    return f"UPDATE label_steps SET {_SET} WHERE artisan_id = {who};"


SQLITE_TRIGGERS = {
    "label_steps_next_insert": f"AFTER INSERT ON label_steps BEGIN {_refresh('NEW.artisan_id')} END",
    "label_steps_next_update":
        "AFTER UPDATE OF artisan_id, occurred_on, state ON label_steps BEGIN "
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
    "CREATE TRIGGER label_steps_next AFTER INSERT OR DELETE OR UPDATE OF artisan_id, occurred_on, "
    "state ON label_steps FOR EACH ROW EXECUTE FUNCTION label_steps_on_step()",
]
POSTGRES_DROP = [
    "DROP TRIGGER label_steps_next ON label_steps",
    "DROP FUNCTION label_steps_on_step()",
    "DROP FUNCTION label_steps_refresh(integer)",
]


def upgrade() -> None:
    op.add_column("label_steps", sa.Column("next_on", sa.Date(), nullable=True))
    op.add_column("label_steps", sa.Column("certified_since", sa.Date(), nullable=True))
    op.execute(f"UPDATE label_steps SET {_SET}")
    op.create_index("ix_label_steps_as_of", "label_steps",
                    ["occurred_on", "next_on", "state", "artisan_id"], unique=False)
    op.create_index("ix_label_steps_certified", "label_steps",
                    ["certified_since", "occurred_on", "next_on", "artisan_id"], unique=False)
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
    op.drop_index("ix_label_steps_certified", table_name="label_steps")
    op.drop_index("ix_label_steps_as_of", table_name="label_steps")
    with op.batch_alter_table("label_steps") as batch_op:
        batch_op.drop_column("certified_since")
        batch_op.drop_column("next_on")
