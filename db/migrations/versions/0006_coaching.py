"""coaching: topics from a closed list, a track's planned sessions and enrolments, follow-ups
closed with a note by someone (and a row version), an "attendance" data-version area

Rows written before are brought in line: a free-text topic the list knows becomes its code,
any other becomes `other` with the text kept in `topic_other`; each track gets its planned
sessions (every two weeks from its start, as the seed planned them), and each artisan's track
sessions, oldest first, are linked to them (one beyond the plan becomes an individual session);
whoever attended a track session is enrolled in it.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-30
"""

from __future__ import annotations

from datetime import date, timedelta

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

# Frozen copies of db.vocab at this revision.
TOPICS = ("business_model", "pricing", "digital_presence", "label_application",
          "sustainability", "financing", "other")
OLD_AREAS = ("artisans", "events", "coaching", "campaign", "label", "targets", "users")
AREAS = OLD_AREAS + ("attendance",)
KNOWN_TOPICS = {"prix de revient": "pricing", "dossier label": "label_application",
                "boutique en ligne": "digital_presence", "modèle économique": "business_model",
                "financement": "financing", "durabilité": "sustainability"}


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


def _create_tables() -> None:
    op.create_table(
        "track_sessions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("track_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("planned_on", sa.Date(), nullable=False),
        sa.Column("topic", sa.String(length=30), nullable=False),
        sa.CheckConstraint("seq >= 1", name=op.f("ck_track_sessions_seq")),
        sa.ForeignKeyConstraint(["track_id"], ["coaching_tracks.id"],
                                name=op.f("fk_track_sessions_track_id_coaching_tracks")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_track_sessions")),
        sa.UniqueConstraint("id", "track_id", name="id_track"),
        sa.UniqueConstraint("track_id", "seq", name="track_seq"),
    )
    op.create_index(op.f("ix_track_sessions_track_id"), "track_sessions", ["track_id"])
    op.create_table(
        "track_enrolments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("track_id", sa.Integer(), nullable=False),
        sa.Column("artisan_id", sa.Integer(), nullable=False),
        sa.Column("enrolled_by", sa.String(length=40), nullable=True),
        sa.Column("enrolled_at", sa.DateTime(timezone=True), server_default=sa.func.now(),
                  nullable=False),
        sa.ForeignKeyConstraint(["artisan_id"], ["artisans.id"],
                                name=op.f("fk_track_enrolments_artisan_id_artisans")),
        sa.ForeignKeyConstraint(["track_id"], ["coaching_tracks.id"],
                                name=op.f("fk_track_enrolments_track_id_coaching_tracks")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_track_enrolments")),
        sa.UniqueConstraint("track_id", "artisan_id", name="track_artisan"),
    )
    op.create_index(op.f("ix_track_enrolments_artisan_id"), "track_enrolments", ["artisan_id"])


def _bring_topics_in_line(bind: sa.Connection) -> None:
    sessions = sa.table("coaching_sessions", sa.column("id"), sa.column("topic"),
                        sa.column("topic_other"))
    updates = []
    for row in bind.execute(sa.select(sessions.c.id, sessions.c.topic)):
        text = (row.topic or "").strip()
        code = KNOWN_TOPICS.get(text.lower(), text if text in TOPICS else "other")
        updates.append({"b_id": row.id, "topic": code,
                        "topic_other": (text[:150] or None) if code == "other" else None})
    if updates:
        bind.execute(sa.update(sessions).where(sessions.c.id == sa.bindparam("b_id"))
                     .values(topic=sa.bindparam("topic"), topic_other=sa.bindparam("topic_other")),
                     updates)


def _plan_tracks(bind: sa.Connection) -> None:
    """Planned sessions for every track, its attended sessions linked, its attendees enrolled."""
    tracks = sa.table("coaching_tracks", sa.column("id"), sa.column("starts_on", sa.Date),
                      sa.column("planned_sessions"))
    planned = sa.table("track_sessions", sa.column("id"), sa.column("track_id"),
                       sa.column("seq"), sa.column("planned_on", sa.Date), sa.column("topic"))
    sessions = sa.table("coaching_sessions", sa.column("id"), sa.column("track_id"),
                        sa.column("artisan_id"), sa.column("held_on", sa.Date),
                        sa.column("track_session_id"))
    enrolments = sa.table("track_enrolments", sa.column("track_id"), sa.column("artisan_id"))
    for track in bind.execute(sa.select(tracks)).all():
        starts: date = track.starts_on
        bind.execute(sa.insert(planned), [
            {"track_id": track.id, "seq": k, "planned_on": starts + timedelta(weeks=2 * (k - 1)),
             "topic": "other"} for k in range(1, track.planned_sessions + 1)])
        ids = {row.seq: row.id for row in bind.execute(
            sa.select(planned.c.seq, planned.c.id).where(planned.c.track_id == track.id))}
        rows = bind.execute(sa.select(sessions.c.id, sessions.c.artisan_id)
                            .where(sessions.c.track_id == track.id)
                            .order_by(sessions.c.artisan_id, sessions.c.held_on,
                                      sessions.c.id)).all()
        seen: dict[int, int] = {}
        links = []
        for row in rows:
            seq = seen[row.artisan_id] = seen.get(row.artisan_id, 0) + 1
            links.append({"b_id": row.id, "track_id": track.id if seq in ids else None,
                          "track_session_id": ids.get(seq)})
        if links:
            bind.execute(sa.update(sessions).where(sessions.c.id == sa.bindparam("b_id"))
                         .values(track_id=sa.bindparam("track_id"),
                                 track_session_id=sa.bindparam("track_session_id")), links)
        if seen:
            bind.execute(sa.insert(enrolments), [{"track_id": track.id, "artisan_id": a}
                                                 for a in seen])


def upgrade() -> None:
    bind = op.get_bind()
    _create_tables()
    with op.batch_alter_table("coaching_tracks", schema=None) as batch_op:
        batch_op.add_column(sa.Column("created_by", sa.String(length=40), nullable=True))
    with op.batch_alter_table("coaching_sessions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("track_session_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("topic_other", sa.String(length=150), nullable=True))
        batch_op.add_column(sa.Column("created_by", sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column("created_at", sa.DateTime(timezone=True), nullable=True))
    _bring_topics_in_line(bind)
    _plan_tracks(bind)
    with op.batch_alter_table("coaching_sessions", schema=None) as batch_op:
        batch_op.alter_column("topic", existing_type=sa.String(length=150),
                              type_=sa.String(length=30), existing_nullable=False)
        batch_op.create_check_constraint(batch_op.f("ck_coaching_sessions_topic"),
                                         _in("topic", TOPICS))
        batch_op.create_check_constraint(batch_op.f("ck_coaching_sessions_topic_other"),
                                         "topic_other IS NULL OR topic = 'other'")
        batch_op.create_check_constraint(batch_op.f("ck_coaching_sessions_track_pair"),
                                         "(track_id IS NULL) = (track_session_id IS NULL)")
        batch_op.create_foreign_key("fk_coaching_sessions_track_session", "track_sessions",
                                    ["track_session_id", "track_id"], ["id", "track_id"])
        batch_op.create_unique_constraint("track_session_artisan",
                                          ["track_session_id", "artisan_id"])
    with op.batch_alter_table("follow_ups", schema=None) as batch_op:
        batch_op.add_column(sa.Column("note", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("closed_by", sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column("created_by", sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column("row_version", sa.Integer(), server_default="1",
                                      nullable=False))
        batch_op.add_column(sa.Column("updated_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.create_check_constraint(
            batch_op.f("ck_follow_ups_open_unclosed"),
            "status <> 'open' OR (closed_at IS NULL AND note IS NULL)")
        batch_op.create_check_constraint(batch_op.f("ck_follow_ups_row_version"),
                                         "row_version >= 1")
        batch_op.create_index("ix_follow_ups_owner_status", ["owner_user_id", "status"])
    with op.batch_alter_table("data_versions", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("ck_data_versions_area"), type_="check")
        batch_op.create_check_constraint(batch_op.f("ck_data_versions_area"), _in("area", AREAS))
    op.execute("INSERT INTO data_versions (area, version) VALUES ('attendance', 0)")


def downgrade() -> None:
    op.execute("DELETE FROM data_versions WHERE area = 'attendance'")
    with op.batch_alter_table("data_versions", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("ck_data_versions_area"), type_="check")
        batch_op.create_check_constraint(batch_op.f("ck_data_versions_area"),
                                         _in("area", OLD_AREAS))
    with op.batch_alter_table("follow_ups", schema=None) as batch_op:
        batch_op.drop_index("ix_follow_ups_owner_status")
        for name in ("row_version", "open_unclosed"):
            batch_op.drop_constraint(batch_op.f(f"ck_follow_ups_{name}"), type_="check")
        for column in ("updated_at", "row_version", "created_by", "closed_by", "closed_at",
                       "note"):
            batch_op.drop_column(column)
    op.execute("UPDATE coaching_sessions SET topic = topic_other WHERE topic_other IS NOT NULL")
    with op.batch_alter_table("coaching_sessions", schema=None) as batch_op:
        batch_op.drop_constraint("track_session_artisan", type_="unique")
        batch_op.drop_constraint("fk_coaching_sessions_track_session", type_="foreignkey")
        for name in ("track_pair", "topic_other", "topic"):
            batch_op.drop_constraint(batch_op.f(f"ck_coaching_sessions_{name}"), type_="check")
        batch_op.alter_column("topic", existing_type=sa.String(length=30),
                              type_=sa.String(length=150), existing_nullable=False)
        for column in ("created_at", "created_by", "topic_other", "track_session_id"):
            batch_op.drop_column(column)
    with op.batch_alter_table("coaching_tracks", schema=None) as batch_op:
        batch_op.drop_column("created_by")
    op.drop_index(op.f("ix_track_enrolments_artisan_id"), table_name="track_enrolments")
    op.drop_table("track_enrolments")
    op.drop_index(op.f("ix_track_sessions_track_id"), table_name="track_sessions")
    op.drop_table("track_sessions")
