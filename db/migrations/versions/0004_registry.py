"""registry: artisans' notes, search and duplicate keys, current label state, row version;
erase, import and export in the audit log

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from db.identity import name_key, search_text

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

OLD = "action IN ('create', 'update', 'delete', 'login', 'login_failed', 'logout')"
NEW = ("action IN ('create', 'update', 'delete', 'login', 'login_failed', 'logout', 'erase', "
       "'import', 'export')")
STATES = ("'not_informed', 'informed', 'interested', 'file_in_preparation', 'submitted', "
          "'certified', 'refused', 'expired'")
ERASED = ("erased_at IS NULL OR (first_name = '' AND last_name = '' AND business_name IS NULL "
          "AND email IS NULL AND phone IS NULL AND enterprise_number IS NULL AND notes IS NULL "
          "AND search_text = '' AND name_key = '')")


def _backfill() -> None:
    bind = op.get_bind()
    artisans = sa.table("artisans", sa.column("id"), sa.column("first_name"),
                        sa.column("last_name"), sa.column("business_name"), sa.column("email"),
                        sa.column("enterprise_number"), sa.column("name_key"),
                        sa.column("search_text"), sa.column("erased_at"))
    rows = bind.execute(sa.select(artisans).where(artisans.c.erased_at.is_(None))).all()
    updates = [{"b_id": r.id, "name_key": name_key(r.first_name, r.last_name),
                "search_text": search_text(r.first_name, r.last_name, r.business_name, r.email,
                                           r.enterprise_number)} for r in rows]
    if updates:
        bind.execute(sa.update(artisans).where(artisans.c.id == sa.bindparam("b_id"))
                     .values(name_key=sa.bindparam("name_key"),
                             search_text=sa.bindparam("search_text")), updates)
    op.execute("""
        UPDATE artisans SET
          label_state = (SELECT s.state FROM label_steps s WHERE s.artisan_id = artisans.id
                         ORDER BY s.occurred_on DESC, s.id DESC LIMIT 1),
          label_state_on = (SELECT MAX(s.occurred_on) FROM label_steps s
                            WHERE s.artisan_id = artisans.id)""")


def _drop_email_index() -> None:
    # SQLite's batch mode rebuilds the table without reflecting this expression index.
    op.drop_index("uq_artisans_email_lower", table_name="artisans")


def _create_email_index() -> None:
    op.create_index("uq_artisans_email_lower", "artisans", [sa.text("lower(email)")], unique=True)


def upgrade() -> None:
    _drop_email_index()
    with op.batch_alter_table("artisans", schema=None) as batch_op:
        batch_op.add_column(sa.Column("notes", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("name_key", sa.String(length=170), server_default="",
                                      nullable=False))
        batch_op.add_column(sa.Column("search_text", sa.String(length=700), server_default="",
                                      nullable=False))
        batch_op.add_column(sa.Column("label_state", sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column("label_state_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("row_version", sa.Integer(), server_default="1",
                                      nullable=False))
        batch_op.add_column(sa.Column("updated_at", sa.DateTime(timezone=True), nullable=True))
    _backfill()
    with op.batch_alter_table("artisans", schema=None) as batch_op:
        batch_op.create_check_constraint(
            batch_op.f("ck_artisans_label_state"), f"label_state IS NULL OR label_state IN ({STATES})")
        batch_op.create_check_constraint(batch_op.f("ck_artisans_label_state_on"),
                                         "(label_state IS NULL) = (label_state_on IS NULL)")
        batch_op.create_check_constraint(batch_op.f("ck_artisans_row_version"),
                                         "row_version >= 1")
        batch_op.create_check_constraint(batch_op.f("ck_artisans_erased"), ERASED)
        batch_op.create_index("ix_artisans_name_key_commune", ["name_key", "commune_nis"])
        batch_op.create_index(batch_op.f("ix_artisans_label_state"), ["label_state"])
    _create_email_index()
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("ck_audit_log_action"), type_="check")
        batch_op.create_check_constraint(batch_op.f("ck_audit_log_action"), NEW)


def downgrade() -> None:
    op.execute("DELETE FROM audit_log WHERE action IN ('erase', 'import', 'export')")
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("ck_audit_log_action"), type_="check")
        batch_op.create_check_constraint(batch_op.f("ck_audit_log_action"), OLD)
    _drop_email_index()
    with op.batch_alter_table("artisans", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_artisans_label_state"))
        batch_op.drop_index("ix_artisans_name_key_commune")
        for name in ("erased", "row_version", "label_state_on", "label_state"):
            batch_op.drop_constraint(batch_op.f(f"ck_artisans_{name}"), type_="check")
        for column in ("updated_at", "row_version", "label_state_on", "label_state",
                       "search_text", "name_key", "notes"):
            batch_op.drop_column(column)
    _create_email_index()
