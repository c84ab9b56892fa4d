"""campaign figures: a row version on each figure row (a correction made from an older screen
is refused), who entered it and when it was last corrected; who created a campaign

Rows written before start at version 1, with no author (the seed and earlier imports did not
record one).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("campaigns", schema=None) as batch_op:
        batch_op.add_column(sa.Column("created_by", sa.String(length=40), nullable=True))
    with op.batch_alter_table("campaign_metrics", schema=None) as batch_op:
        batch_op.add_column(sa.Column("created_by", sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column("row_version", sa.Integer(), server_default="1",
                                      nullable=False))
        batch_op.add_column(sa.Column("updated_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.create_check_constraint(batch_op.f("ck_campaign_metrics_row_version"),
                                         "row_version >= 1")


def downgrade() -> None:
    with op.batch_alter_table("campaign_metrics", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("ck_campaign_metrics_row_version"), type_="check")
        for column in ("updated_at", "row_version", "created_by"):
            batch_op.drop_column(column)
    with op.batch_alter_table("campaigns", schema=None) as batch_op:
        batch_op.drop_column("created_by")
