"""Typed SQLAlchemy models of the whole programme; every rule also lives here as a constraint."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    MetaData,
    Numeric,
    String,
    Text,
    UniqueConstraint,
    false,
    func,
    true,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from db import vocab
from db.vocab import sql_in

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


def _now() -> Mapped[datetime]:
    return mapped_column(DateTime(timezone=True), server_default=func.now(), nullable=False)


class Commune(Base):
    __tablename__ = "communes"
    nis_code: Mapped[str] = mapped_column(String(5), primary_key=True)
    name_fr: Mapped[str] = mapped_column(String(60))
    name_nl: Mapped[str] = mapped_column(String(60))


class Postcode(Base):
    __tablename__ = "postcodes"
    __table_args__ = (UniqueConstraint("postcode", "commune_nis", name="postcode_commune"),)
    postcode: Mapped[str] = mapped_column(String(4), primary_key=True)
    commune_nis: Mapped[str] = mapped_column(ForeignKey("communes.nis_code"))


class CraftSector(Base):
    __tablename__ = "craft_sectors"
    code: Mapped[str] = mapped_column(String(30), primary_key=True)
    name_fr: Mapped[str] = mapped_column(String(100))
    name_nl: Mapped[str] = mapped_column(String(100))
    name_en: Mapped[str] = mapped_column(String(100))


class User(Base):
    __tablename__ = "users"
    __table_args__ = (
        CheckConstraint(sql_in("role", vocab.ROLES), name="role"),
        CheckConstraint("failed_logins >= 0", name="failed_logins"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(40), unique=True)
    display_name: Mapped[str] = mapped_column(String(100))
    email: Mapped[str | None] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(10))
    password_hash: Mapped[str] = mapped_column(String(100))
    active: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())
    failed_logins: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    locked_until: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    logged_out_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[datetime] = _now()


class Artisan(Base):
    __tablename__ = "artisans"
    __table_args__ = (
        CheckConstraint(sql_in("language", vocab.LANGUAGES), name="language"),
        CheckConstraint(sql_in("source", vocab.SOURCES), name="source"),
        CheckConstraint(
            "enterprise_number IS NULL OR (length(enterprise_number) = 10 AND "
            "CAST(substr(enterprise_number, 9, 2) AS INTEGER) = "
            "97 - CAST(substr(enterprise_number, 1, 8) AS INTEGER) % 97)",
            name="enterprise_number_mod97",
        ),
        CheckConstraint("email IS NULL OR email LIKE '%_@_%'", name="email"),
        CheckConstraint("label_state IS NULL OR " + sql_in("label_state", vocab.LABEL_STATES),
                        name="label_state"),
        CheckConstraint("(label_state IS NULL) = (label_state_on IS NULL)", name="label_state_on"),
        CheckConstraint("row_version >= 1", name="row_version"),
        # An erased artisan keeps only anonymous facts: no name, contact, number or note.
        CheckConstraint(
            "erased_at IS NULL OR (first_name = '' AND last_name = '' AND business_name IS NULL "
            "AND email IS NULL AND phone IS NULL AND enterprise_number IS NULL AND notes IS NULL "
            "AND search_text = '' AND name_key = '')", name="erased"),
        Index("ix_artisans_name_key_commune", "name_key", "commune_nis"),
        Index("ix_artisans_created_at", "created_at"),  # the registry on a day
        Index("ix_artisans_source_created", "source", "created_at"),  # campaign sign-ups
        ForeignKeyConstraint(
            ["postcode", "commune_nis"],
            ["postcodes.postcode", "postcodes.commune_nis"],
            name="fk_artisans_postcode_commune",
        ),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    first_name: Mapped[str] = mapped_column(String(80))
    last_name: Mapped[str] = mapped_column(String(80))
    business_name: Mapped[str | None] = mapped_column(String(150))
    email: Mapped[str | None] = mapped_column(String(200))
    phone: Mapped[str | None] = mapped_column(String(30))
    enterprise_number: Mapped[str | None] = mapped_column(String(10), unique=True)
    commune_nis: Mapped[str | None] = mapped_column(ForeignKey("communes.nis_code"), index=True)
    postcode: Mapped[str | None] = mapped_column(String(4))
    sector: Mapped[str | None] = mapped_column(ForeignKey("craft_sectors.code"), index=True)
    language: Mapped[str] = mapped_column(String(2), default="fr", server_default="fr")
    source: Mapped[str] = mapped_column(String(20))
    consent_contact: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    consent_newsletter: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    consent_recorded_on: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str | None] = mapped_column(Text)
    # Derived on every write (db.identity): accent-free lower-case keys for search and duplicates.
    name_key: Mapped[str] = mapped_column(String(170), default="", server_default="")
    search_text: Mapped[str] = mapped_column(String(700), default="", server_default="")
    # The latest label step (state and day), kept by record_label_step for fast filters.
    label_state: Mapped[str | None] = mapped_column(String(20), index=True)
    label_state_on: Mapped[date | None] = mapped_column(Date)
    # Bumped by every edit: a form saved from an older version is refused (no lost update).
    row_version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    erased_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[datetime] = _now()
    updated_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


# Case-insensitively unique e-mail when present (NULLs never collide).
Index("uq_artisans_email_lower", func.lower(Artisan.email), unique=True)


STARTS_FROM = "1999-12-31 23:00:00+00"  # 2000-01-01 00:00 in Brussels
STARTS_BEFORE = "2100-12-31 23:00:00+00"  # 2101-01-01 00:00 in Brussels
CHECKED_IN_WHEN_ATTENDED = ("(status = 'attended' AND checked_in_at IS NOT NULL) OR "
                            "(status <> 'attended' AND checked_in_at IS NULL)")


class EventSeries(Base):
    __tablename__ = "event_series"
    __table_args__ = (
        CheckConstraint(sql_in("kind", vocab.EVENT_KINDS), name="kind"),
        CheckConstraint(sql_in("action", vocab.ACTIONS), name="action"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(150))
    kind: Mapped[str] = mapped_column(String(20))
    action: Mapped[str] = mapped_column(String(10))
    recurrence: Mapped[str | None] = mapped_column(String(40))
    created_at: Mapped[datetime] = _now()


class Event(Base):
    __tablename__ = "events"
    __table_args__ = (
        CheckConstraint(sql_in("kind", vocab.EVENT_KINDS), name="kind"),
        CheckConstraint(sql_in("action", vocab.ACTIONS), name="action"),
        CheckConstraint("capacity IS NULL OR capacity > 0", name="capacity"),
        # Brussels days 2000-01-01 to 2100-12-31 as UTC moments: literals that compare right
        # both as PostgreSQL timestamps and as SQLite's stored text ('.' sorts after '+').
        CheckConstraint(f"starts_at >= '{STARTS_FROM}' AND starts_at < '{STARTS_BEFORE}'",
                        name="starts_at"),
        CheckConstraint("row_version >= 1", name="row_version"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    series_id: Mapped[int | None] = mapped_column(ForeignKey("event_series.id"), index=True)
    title: Mapped[str] = mapped_column(String(150))
    kind: Mapped[str] = mapped_column(String(20))
    action: Mapped[str] = mapped_column(String(10), index=True)
    starts_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    venue: Mapped[str | None] = mapped_column(String(150))
    commune_nis: Mapped[str | None] = mapped_column(ForeignKey("communes.nis_code"))
    capacity: Mapped[int | None] = mapped_column(Integer)
    # Bumped by every edit: a form saved from an older version is refused (no lost update).
    row_version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    created_at: Mapped[datetime] = _now()
    updated_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class Attendance(Base):
    __tablename__ = "attendances"
    __table_args__ = (
        UniqueConstraint("event_id", "artisan_id", name="event_artisan"),
        CheckConstraint(sql_in("status", vocab.ATTENDANCE_STATUSES), name="status"),
        CheckConstraint("NOT walk_in OR status = 'attended'", name="walk_in_attended"),
        CheckConstraint(CHECKED_IN_WHEN_ATTENDED, name="checked_in_at"),
        CheckConstraint("walk_in OR registered_at IS NOT NULL", name="registered_at"),
        # Read from the index alone: an artisan's events by status, an event's attendees.
        Index("ix_attendances_artisan_status", "artisan_id", "status", "event_id"),
        Index("ix_attendances_event_status", "event_id", "status", "artisan_id", "walk_in"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"))
    artisan_id: Mapped[int] = mapped_column(ForeignKey("artisans.id"))
    status: Mapped[str] = mapped_column(String(10))
    walk_in: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    registered_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    checked_in_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # Who checked the person in (a username); later writes change recorded_by, never this.
    checked_in_by: Mapped[str | None] = mapped_column(String(40))
    recorded_by: Mapped[str] = mapped_column(String(40))


class CommunityMember(Base):
    """Derived, never written by the app: each member (an artisan who attended a community
    event) with their first one's start and their workshop's commune and sector, kept by the
    database's triggers on attendances, events and artisans (migration 0009) in the same
    transaction as every write, whichever path it takes. The community figures read it instead
    of working out every member's first attendance (30-60 ms a read at 100,000 artisans).
    tests/db/test_community_members.py checks it against that computation."""

    __tablename__ = "community_members"
    __table_args__ = (
        # members to date, per month, per commune or sector: from the index alone
        Index("ix_community_members_first_at", "first_at", "commune_nis", "sector",
              "first_event_id"),
    )
    artisan_id: Mapped[int] = mapped_column(ForeignKey("artisans.id"), primary_key=True)
    first_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    # the member's first event: of their attended community events beginning at first_at, the
    # one with the lowest id (migration 0012: every row has one; nullable only because the
    # column was added to a filled table)
    first_event_id: Mapped[int | None] = mapped_column(Integer)
    commune_nis: Mapped[str | None] = mapped_column(String(5))
    sector: Mapped[str | None] = mapped_column(String(30))


class EventCount(Base):
    """Derived, never written by the app: each event's attendance counts (attended, walk-ins,
    registrations not cancelled, no-shows, cancelled), kept by the database's triggers on events
    and attendances (migration 0013) in the same transaction as every write. The community
    dashboard reads the whole Region's per-event counts from it instead of counting every
    attendance of the period. tests/db/test_event_counts.py checks it against the attendances."""

    __tablename__ = "event_counts"
    __table_args__ = tuple(CheckConstraint(f"{name} >= 0", name=name) for name in (
        "attended", "walk_ins", "registrations", "no_shows", "cancelled"))
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"),
                                          primary_key=True)
    attended: Mapped[int] = mapped_column(Integer, server_default="0")
    walk_ins: Mapped[int] = mapped_column(Integer, server_default="0")
    registrations: Mapped[int] = mapped_column(Integer, server_default="0")
    no_shows: Mapped[int] = mapped_column(Integer, server_default="0")
    cancelled: Mapped[int] = mapped_column(Integer, server_default="0")


class CoachingTrack(Base):
    __tablename__ = "coaching_tracks"
    __table_args__ = (
        CheckConstraint("ends_on IS NULL OR ends_on >= starts_on", name="dates"),
        CheckConstraint("planned_sessions > 0", name="planned_sessions"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(150))
    description: Mapped[str | None] = mapped_column(Text)
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date | None] = mapped_column(Date)
    # Kept equal to the number of the track's planned sessions (track_sessions) by the writes.
    planned_sessions: Mapped[int] = mapped_column(Integer)
    created_by: Mapped[str | None] = mapped_column(String(40))
    created_at: Mapped[datetime] = _now()


class TrackSession(Base):
    """One planned session of a track; attending it is a coaching session of the artisan."""

    __tablename__ = "track_sessions"
    __table_args__ = (
        UniqueConstraint("track_id", "seq", name="track_seq"),
        UniqueConstraint("id", "track_id", name="id_track"),  # target of the sessions' pair FK
        CheckConstraint("seq >= 1", name="seq"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    track_id: Mapped[int] = mapped_column(ForeignKey("coaching_tracks.id"), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    planned_on: Mapped[date] = mapped_column(Date)
    topic: Mapped[str] = mapped_column(String(30))


class TrackEnrolment(Base):
    __tablename__ = "track_enrolments"
    __table_args__ = (UniqueConstraint("track_id", "artisan_id", name="track_artisan"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    track_id: Mapped[int] = mapped_column(ForeignKey("coaching_tracks.id"))
    artisan_id: Mapped[int] = mapped_column(ForeignKey("artisans.id"), index=True)
    enrolled_by: Mapped[str | None] = mapped_column(String(40))
    enrolled_at: Mapped[datetime] = _now()


class CoachingSession(Base):
    __tablename__ = "coaching_sessions"
    __table_args__ = (
        CheckConstraint("duration_min > 0 AND duration_min <= 600", name="duration"),
        CheckConstraint(sql_in("format", vocab.SESSION_FORMATS), name="format"),
        CheckConstraint(sql_in("topic", vocab.COACHING_TOPICS), name="topic"),
        CheckConstraint("topic_other IS NULL OR topic = 'other'", name="topic_other"),
        # A track session names its track and its planned session together, never one alone.
        CheckConstraint("(track_id IS NULL) = (track_session_id IS NULL)", name="track_pair"),
        ForeignKeyConstraint(["track_session_id", "track_id"],
                             ["track_sessions.id", "track_sessions.track_id"],
                             name="fk_coaching_sessions_track_session"),
        UniqueConstraint("track_session_id", "artisan_id", name="track_session_artisan"),
        # sessions of a period with their artisan and length, from the index alone
        Index("ix_coaching_sessions_held_on", "held_on", "artisan_id", "duration_min"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    artisan_id: Mapped[int] = mapped_column(ForeignKey("artisans.id"), index=True)
    coach_user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    track_id: Mapped[int | None] = mapped_column(ForeignKey("coaching_tracks.id"))
    track_session_id: Mapped[int | None] = mapped_column(Integer)
    held_on: Mapped[date] = mapped_column(Date)
    duration_min: Mapped[int] = mapped_column(Integer)
    format: Mapped[str] = mapped_column(String(10))
    topic: Mapped[str] = mapped_column(String(30))
    topic_other: Mapped[str | None] = mapped_column(String(150))  # the short text of "other"
    notes: Mapped[str | None] = mapped_column(Text)
    created_by: Mapped[str | None] = mapped_column(String(40))
    created_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class FollowUp(Base):
    __tablename__ = "follow_ups"
    __table_args__ = (
        CheckConstraint(sql_in("status", vocab.FOLLOW_UP_STATUSES), name="status"),
        CheckConstraint(
            "(status = 'done' AND done_on IS NOT NULL) OR (status <> 'done' AND done_on IS NULL)",
            name="done_on",
        ),
        CheckConstraint("status <> 'open' OR (closed_at IS NULL AND note IS NULL)",
                        name="open_unclosed"),
        CheckConstraint("row_version >= 1", name="row_version"),
        Index("ix_follow_ups_status_due", "status", "due_on"),
        Index("ix_follow_ups_owner_status", "owner_user_id", "status"),
        # the coaching figures of a period, from the index alone
        Index("ix_follow_ups_done_status", "done_on", "status", "session_id"),
        Index("ix_follow_ups_due_status", "due_on", "status", "done_on"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    artisan_id: Mapped[int] = mapped_column(ForeignKey("artisans.id"), index=True)
    session_id: Mapped[int | None] = mapped_column(ForeignKey("coaching_sessions.id"))
    owner_user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    action: Mapped[str] = mapped_column(String(300))
    due_on: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(10), default="open", server_default="open")
    done_on: Mapped[date | None] = mapped_column(Date)
    note: Mapped[str | None] = mapped_column(Text)  # optional word on closing (personal)
    closed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    closed_by: Mapped[str | None] = mapped_column(String(40))
    created_by: Mapped[str | None] = mapped_column(String(40))
    # Bumped by every change: closing what someone else just closed or moved is refused.
    row_version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    updated_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[datetime] = _now()


class Campaign(Base):
    __tablename__ = "campaigns"
    __table_args__ = (
        CheckConstraint("ends_on >= starts_on", name="dates"),
        CheckConstraint("budget_eur IS NULL OR budget_eur >= 0", name="budget"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(150), unique=True)
    slogan: Mapped[str | None] = mapped_column(String(200))
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)
    budget_eur: Mapped[float | None] = mapped_column(Numeric(12, 2))
    created_by: Mapped[str | None] = mapped_column(String(40))


_FIGURES = ("impressions", "reach", "clicks", "spend_eur", "flyers_distributed",
            "poster_faces", "spots_aired", "grp")


class CampaignMetric(Base):
    __tablename__ = "campaign_metrics"
    __table_args__ = (
        UniqueConstraint("campaign_id", "channel", "period_start", "period_end",
                         name="campaign_channel_period"),
        CheckConstraint(sql_in("channel", vocab.CHANNELS), name="channel"),
        CheckConstraint("period_end >= period_start", name="period"),
        *(CheckConstraint(f"{f} IS NULL OR {f} >= 0", name=f) for f in _FIGURES),
        CheckConstraint("row_version >= 1", name="row_version"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaigns.id", ondelete="CASCADE"))
    channel: Mapped[str] = mapped_column(String(10))
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)
    impressions: Mapped[int | None] = mapped_column(Integer)
    reach: Mapped[int | None] = mapped_column(Integer)
    clicks: Mapped[int | None] = mapped_column(Integer)
    spend_eur: Mapped[float | None] = mapped_column(Numeric(12, 2))
    flyers_distributed: Mapped[int | None] = mapped_column(Integer)
    poster_faces: Mapped[int | None] = mapped_column(Integer)
    spots_aired: Mapped[int | None] = mapped_column(Integer)
    grp: Mapped[float | None] = mapped_column(Numeric(8, 2))
    created_by: Mapped[str | None] = mapped_column(String(40))
    # Bumped by every correction: one made from an older screen is refused (no lost update).
    row_version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    updated_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class LabelStep(Base):
    __tablename__ = "label_steps"
    __table_args__ = (
        CheckConstraint(sql_in("state", vocab.LABEL_STATES), name="state"),
        UniqueConstraint("artisan_id", "state", "occurred_on", name="artisan_state_day"),
        Index("ix_label_steps_state_occurred", "state", "occurred_on", "artisan_id"),
        Index("ix_label_steps_artisan_occurred", "artisan_id", "occurred_on"),  # latest steps
        # each artisan's step on a day (occurred_on <= day < next_on), from the index alone,
        # with the artisan's registry day, commune and sector (copies: migration 0011)
        Index("ix_label_steps_as_of", "occurred_on", "next_on", "state", "registered_at",
              "commune_nis", "sector", "artisan_id"),
        # those certified on a day (certified_since within the 6 years before, in force)
        Index("ix_label_steps_certified", "certified_since", "occurred_on", "next_on",
              "commune_nis", "sector", "artisan_id"),
        # the decisions of a period, with their scope and prior days (migration 0011)
        Index("ix_label_steps_decisions", "state", "occurred_on", "commune_nis", "sector",
              "submitted_on", "certified_before", "expired_before"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    artisan_id: Mapped[int] = mapped_column(ForeignKey("artisans.id"), index=True)
    state: Mapped[str] = mapped_column(String(20))
    occurred_on: Mapped[date] = mapped_column(Date)
    note: Mapped[str | None] = mapped_column(Text)
    recorded_by: Mapped[str | None] = mapped_column(String(40))
    # Derived, never written by the app, kept by the database's triggers on label_steps
    # (migration 0010), checked by tests/db/test_label_next_on.py, left out of audit snapshots:
    # the day of the artisan's next step (by day, then id), NULL on their latest;
    next_on: Mapped[date | None] = mapped_column(Date, info={"derived": True})
    # the day of the certification in force on this step's day, whatever its age (the latest on
    # or before it, unless an expiry was marked after it by then), NULL if none.
    certified_since: Mapped[date | None] = mapped_column(Date, info={"derived": True})
    # Copies of the artisan's created_at, commune and sector, kept by the database's triggers on
    # label_steps and artisans (migration 0011), checked by tests/db/test_label_next_on.py: the
    # label dashboard counts the steps per commune and sector, and tells the artisans registered
    # after a day, without looking up each step's artisan.
    registered_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True),
                                                           info={"derived": True})
    commune_nis: Mapped[str | None] = mapped_column(String(5), info={"derived": True})
    sector: Mapped[str | None] = mapped_column(String(30), info={"derived": True})
    # The days of the artisan's latest submission on or before this step's day, and of their
    # latest certification and expiry strictly before it (same migration and test): a
    # decision's days since the submission, and whether it renews a certification in force.
    submitted_on: Mapped[date | None] = mapped_column(Date, info={"derived": True})
    certified_before: Mapped[date | None] = mapped_column(Date, info={"derived": True})
    expired_before: Mapped[date | None] = mapped_column(Date, info={"derived": True})


class KpiTarget(Base):
    __tablename__ = "kpi_targets"
    __table_args__ = (
        UniqueConstraint("indicator", "period_start", "period_end", name="indicator_period"),
        CheckConstraint(sql_in("indicator", vocab.INDICATORS), name="indicator"),
        CheckConstraint("period_end >= period_start", name="period"),
        CheckConstraint("target_value >= 0", name="target_value"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    indicator: Mapped[str] = mapped_column(String(30))
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)
    target_value: Mapped[float] = mapped_column(Numeric(12, 2))


class AuditEntry(Base):
    __tablename__ = "audit_log"
    __table_args__ = (CheckConstraint(sql_in("action", vocab.AUDIT_ACTIONS), name="action"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = _now()
    username: Mapped[str] = mapped_column(String(40), index=True)
    action: Mapped[str] = mapped_column(String(20))
    entity: Mapped[str] = mapped_column(String(40), index=True)
    entity_id: Mapped[str | None] = mapped_column(String(40))
    before_json: Mapped[str | None] = mapped_column(Text)
    after_json: Mapped[str | None] = mapped_column(Text)


class LoginThrottle(Base):
    """Login attempts per key (a hashed username, or a trusted browser of one user), counted
    in a window; an attempt is reserved here before its password is checked."""

    __tablename__ = "login_throttle"
    __table_args__ = (CheckConstraint("attempts >= 0", name="attempts"),)
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    window_started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)


class DataVersion(Base):
    """One counter per area, bumped in the same transaction as every write to that area."""

    __tablename__ = "data_versions"
    __table_args__ = (CheckConstraint(sql_in("area", vocab.AREAS), name="area"),)
    area: Mapped[str] = mapped_column(String(20), primary_key=True)
    version: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
