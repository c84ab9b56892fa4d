"""label_steps.registered_at, commune_nis and sector: copies of the step's artisan's created_at,
commune and sector, kept by triggers on label_steps and artisans, so the label dashboard's
reads of the steps in force on a day count them per commune and sector, and tell the artisans
registered after the day, from one index, without looking up each step's artisan (the
certified per commune and sector and the funnel: 10 ms of 25 over the plan at 100,000
artisans). community_members keeps the same copies for the community figures (0009).

The columns are filled from the artisans as they are. From then on only the triggers write
them, in the transaction of the write: a step inserted or moved to another artisan takes that
artisan's values; an artisan whose created_at, commune or sector changes gives them to all
their steps. On PostgreSQL a step's copy first locks its artisan's row (FOR NO KEY UPDATE, the
lock 0010's refresh takes anyway, and an update of the artisan takes too), so a step written
while its artisan changes waits for that change, or it for the step, and reads the committed
values.

Not covered, as for 0009: SQLite's INSERT OR REPLACE (the app never uses it) and a restore
with triggers disabled. A later migration that rebuilds label_steps or artisans on SQLite
(batch mode) drops their triggers with the old table: tests/db/test_label_next_on.py checks
they are there.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

COPIES = "(registered_at, commune_nis, sector)"
# The copies of a label_steps row's artisan (referred to by the table's name).
_ARTISAN = ("(SELECT created_at, commune_nis, sector FROM artisans "
            "WHERE artisans.id = label_steps.artisan_id)")
# An artisan's update that changes one of the copied columns (NULL-safe on both databases).
_CHANGED = ("OLD.created_at IS NOT NEW.created_at OR OLD.commune_nis IS NOT NEW.commune_nis "
            "OR OLD.sector IS NOT NEW.sector")
_GIVE = (f"UPDATE label_steps SET {COPIES} = (NEW.created_at, NEW.commune_nis, NEW.sector) "
         "WHERE artisan_id = NEW.id;")

SQLITE_TRIGGERS = {
    "label_steps_copy_insert":
        f"AFTER INSERT ON label_steps BEGIN UPDATE label_steps SET {COPIES} = {_ARTISAN} "
        "WHERE id = NEW.id; END",
    "label_steps_copy_update":
        f"AFTER UPDATE OF artisan_id ON label_steps BEGIN UPDATE label_steps SET {COPIES} = "
        f"{_ARTISAN} WHERE id = NEW.id; END",
    "label_steps_artisan_update":
        f"AFTER UPDATE OF created_at, commune_nis, sector ON artisans WHEN {_CHANGED} "
        f"BEGIN {_GIVE} END",
}

POSTGRES = [
    """CREATE FUNCTION label_steps_copy() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        SELECT created_at, commune_nis, sector INTO NEW.registered_at, NEW.commune_nis,
            NEW.sector FROM artisans WHERE id = NEW.artisan_id FOR NO KEY UPDATE;
        RETURN NEW;
    END $$""",
    # Index look-ups only, whatever the statistics (see 0009).
    f"""CREATE FUNCTION label_steps_on_artisan() RETURNS trigger
    LANGUAGE plpgsql SET enable_seqscan = off AS $$
    BEGIN
        {_GIVE}
        RETURN NULL;
    END $$""",
    "CREATE TRIGGER label_steps_copy BEFORE INSERT OR UPDATE OF artisan_id ON label_steps "
    "FOR EACH ROW EXECUTE FUNCTION label_steps_copy()",
    "CREATE TRIGGER label_steps_artisan AFTER UPDATE OF created_at, commune_nis, sector "
    f"ON artisans FOR EACH ROW WHEN ({_CHANGED.replace(' IS NOT ', ' IS DISTINCT FROM ')}) "
    "EXECUTE FUNCTION label_steps_on_artisan()",
]
POSTGRES_DROP = [
    "DROP TRIGGER label_steps_artisan ON artisans",
    "DROP TRIGGER label_steps_copy ON label_steps",
    "DROP FUNCTION label_steps_on_artisan()",
    "DROP FUNCTION label_steps_copy()",
]

# The indexes 0010 made, and what they become: the copies after their columns, so that a read
# of the steps in force on a day keeps a commune or sector, or the artisans registered by then,
# from the index alone.
INDEXES = {
    "ix_label_steps_as_of": (["occurred_on", "next_on", "state", "artisan_id"],
                             ["occurred_on", "next_on", "state", "registered_at", "commune_nis",
                              "sector", "artisan_id"]),
    "ix_label_steps_certified": (["certified_since", "occurred_on", "next_on", "artisan_id"],
                                 ["certified_since", "occurred_on", "next_on", "commune_nis",
                                  "sector", "artisan_id"]),
}


def _indexes(which: int) -> None:
    for name, columns in INDEXES.items():
        op.drop_index(name, table_name="label_steps")
        op.create_index(name, "label_steps", columns[which], unique=False)


def upgrade() -> None:
    op.add_column("label_steps", sa.Column("registered_at", sa.DateTime(timezone=True),
                                           nullable=True))
    op.add_column("label_steps", sa.Column("commune_nis", sa.String(length=5), nullable=True))
    op.add_column("label_steps", sa.Column("sector", sa.String(length=30), nullable=True))
    op.execute(f"UPDATE label_steps SET {COPIES} = {_ARTISAN}")
    _indexes(1)
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
    _indexes(0)
    # Not batch mode: on SQLite it would rebuild label_steps and drop 0010's triggers with it.
    for column in ("sector", "commune_nis", "registered_at"):
        op.execute(f"ALTER TABLE label_steps DROP COLUMN {column}")
