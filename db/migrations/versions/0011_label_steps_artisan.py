"""Columns of label_steps kept by triggers, so the label dashboard reads from indexes alone:
- registered_at, commune_nis and sector: copies of the step's artisan's created_at, commune
  and sector (triggers on label_steps and artisans), so the reads of the steps in force on a
  day count them per commune and sector, and tell the artisans registered after the day,
  without looking up each step's artisan (the certified per commune and sector and the funnel:
  10 ms of 25 over the plan at 100,000 artisans). community_members keeps the same copies for
  the community figures (0009);
- submitted_on, certified_before and expired_before: the day of the artisan's latest
  submission on or before the step's day, and of their latest certification and expiry
  strictly before it (triggers on label_steps), so the decisions of a period come with what
  tells a renewal and the days since the submission, without three searches each (5 of the
  label figures' 10 ms over the plan at 100,000 artisans).

The columns are filled from the rows as they are. From then on only the triggers write them,
in the transaction of the write: a step inserted or moved to another artisan takes that
artisan's values; an artisan whose created_at, commune or sector changes gives them to all
their steps; a step inserted, deleted or changed (its day, artisan or state) refreshes the
prior days of every step of the artisans concerned. On PostgreSQL a step's copy first locks its artisan's row (FOR NO KEY UPDATE, the
lock 0010's refresh takes anyway, and an update of the artisan takes too), so a step written
while its artisan changes waits for that change, or it for the step, and reads the committed
values; the prior days' refresh takes the same lock, as 0010's does, so two writes of one
artisan's steps refresh them one after the other.

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

# The prior days of a label_steps row (referred to by the table's name).
def _latest(state: str, before: str) -> str:
    return (f"(SELECT MAX(p.occurred_on) FROM label_steps p WHERE p.artisan_id = "
            f"label_steps.artisan_id AND p.state = '{state}' AND p.occurred_on {before} "
            "label_steps.occurred_on)")


PRIOR = (f"submitted_on = {_latest('submitted', '<=')}, "
         f"certified_before = {_latest('certified', '<')}, "
         f"expired_before = {_latest('expired', '<')}")


def _prior(who: str) -> str:
    """The statement that refreshes the prior days of the steps of the artisans `who`."""
    return f"UPDATE label_steps SET {PRIOR} WHERE artisan_id = {who};"


SQLITE_TRIGGERS = {
    "label_steps_copy_insert":
        f"AFTER INSERT ON label_steps BEGIN UPDATE label_steps SET {COPIES} = {_ARTISAN} "
        "WHERE id = NEW.id; END",
    "label_steps_copy_update":
        f"AFTER UPDATE OF artisan_id ON label_steps BEGIN UPDATE label_steps SET {COPIES} = "
        f"{_ARTISAN} WHERE id = NEW.id; END",
    "label_steps_prior_insert": f"AFTER INSERT ON label_steps BEGIN {_prior('NEW.artisan_id')} END",
    "label_steps_prior_update":
        "AFTER UPDATE OF artisan_id, occurred_on, state ON label_steps BEGIN "
        f"{_prior('OLD.artisan_id')} {_prior('NEW.artisan_id')} END",
    "label_steps_prior_delete": f"AFTER DELETE ON label_steps BEGIN {_prior('OLD.artisan_id')} END",
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
    f"""CREATE FUNCTION label_steps_prior_refresh(who integer) RETURNS void
    LANGUAGE plpgsql SET enable_seqscan = off AS $$
    BEGIN
        PERFORM 1 FROM artisans WHERE id = who FOR NO KEY UPDATE;
        {_prior("who")}
    END $$""",
    """CREATE FUNCTION label_steps_prior_on_step() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP <> 'INSERT' THEN
            PERFORM label_steps_prior_refresh(OLD.artisan_id);
        END IF;
        IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.artisan_id <> OLD.artisan_id) THEN
            PERFORM label_steps_prior_refresh(NEW.artisan_id);
        END IF;
        RETURN NULL;
    END $$""",
    "CREATE TRIGGER label_steps_prior AFTER INSERT OR DELETE OR UPDATE OF artisan_id, "
    "occurred_on, state ON label_steps FOR EACH ROW EXECUTE FUNCTION label_steps_prior_on_step()",
    "CREATE TRIGGER label_steps_copy BEFORE INSERT OR UPDATE OF artisan_id ON label_steps "
    "FOR EACH ROW EXECUTE FUNCTION label_steps_copy()",
    "CREATE TRIGGER label_steps_artisan AFTER UPDATE OF created_at, commune_nis, sector "
    f"ON artisans FOR EACH ROW WHEN ({_CHANGED.replace(' IS NOT ', ' IS DISTINCT FROM ')}) "
    "EXECUTE FUNCTION label_steps_on_artisan()",
]
POSTGRES_DROP = [
    "DROP TRIGGER label_steps_artisan ON artisans",
    "DROP TRIGGER label_steps_copy ON label_steps",
    "DROP TRIGGER label_steps_prior ON label_steps",
    "DROP FUNCTION label_steps_prior_on_step()",
    "DROP FUNCTION label_steps_prior_refresh(integer)",
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


# The decisions of a period (state, day) with their commune, sector and prior days.
DECISIONS = ["state", "occurred_on", "commune_nis", "sector", "submitted_on", "certified_before",
             "expired_before"]
ADDED = ("registered_at", "commune_nis", "sector", "submitted_on", "certified_before",
         "expired_before")


def upgrade() -> None:
    op.add_column("label_steps", sa.Column("registered_at", sa.DateTime(timezone=True),
                                           nullable=True))
    op.add_column("label_steps", sa.Column("commune_nis", sa.String(length=5), nullable=True))
    op.add_column("label_steps", sa.Column("sector", sa.String(length=30), nullable=True))
    for column in ADDED[3:]:
        op.add_column("label_steps", sa.Column(column, sa.Date(), nullable=True))
    op.execute(f"UPDATE label_steps SET {COPIES} = {_ARTISAN}, {PRIOR}")
    _indexes(1)
    op.create_index("ix_label_steps_decisions", "label_steps", DECISIONS, unique=False)
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
    op.drop_index("ix_label_steps_decisions", table_name="label_steps")
    _indexes(0)
    # Not batch mode: on SQLite it would rebuild label_steps and drop 0010's triggers with it.
    for column in reversed(ADDED):
        op.execute(f"ALTER TABLE label_steps DROP COLUMN {column}")
