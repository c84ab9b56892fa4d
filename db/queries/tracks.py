"""Coaching tracks ("parcours"): a track with its planned sessions, its enrolled artisans, the
attendance of each planned session (a coaching session per artisan present), each artisan's
progress and the track's completion rate. Every write role-checked, audited, versioned."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pandas as pd
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db import audit, clock, vocab
from db.errors import ValidationError
from db.ids import valid_id
from db.models import (
    Artisan,
    CoachingSession,
    CoachingTrack,
    FollowUp,
    TrackEnrolment,
    TrackSession,
)
from db.permissions import Actor, authorize
from db.queries.coaching_log import (
    adviser_problem,
    clean_text,
    day_problem,
    minutes_problem,
    whole,
)
from db.queries.events import LAST_DAY, as_fields
from db.versioning import bump

TRACK_FIELDS = ("title", "description", "first_on", "sessions", "every_weeks", "topic")
MAX_SESSIONS = 30
MAX_WEEKS = 12
MAX_AT_ONCE = 500


def completion_rate(completed: int, enrolled: int) -> float | None:
    """Share of enrolled artisans who attended every planned session (None: nobody enrolled)."""
    return completed / enrolled if enrolled else None


def clean_track(fields: Mapping[str, Any]) -> dict[str, Any]:
    """A track's values from a form's fields (TRACK_FIELDS); ValidationError per wrong field."""
    errors = {str(n): "form.invalid_value" for n in as_fields(fields) if n not in TRACK_FIELDS}
    title, problem = clean_text(fields.get("title"), 150, True)
    if problem:
        errors["title"] = problem
    description, problem = clean_text(fields.get("description"), 2000, False, multiline=True)
    if problem:
        errors["description"] = problem
    if problem := day_problem(fields.get("first_on"), date.max, future=True):
        errors["first_on"] = problem
    sessions = whole(fields.get("sessions"), 1, MAX_SESSIONS)
    weeks = whole(fields.get("every_weeks"), 1, MAX_WEEKS)
    if sessions is None:
        errors["sessions"] = "coaching.sessions_invalid"
    if weeks is None:
        errors["every_weeks"] = "coaching.every_weeks_invalid"
    if fields.get("topic") not in vocab.COACHING_TOPICS:
        errors["topic"] = "coaching.topic_unknown"
    if sessions and weeks and not errors and (
            planned_days(fields["first_on"], sessions, weeks)[-1] > LAST_DAY):
        errors["sessions"] = "events.date_out_of_range"
    if errors:
        raise ValidationError(errors)
    return {"title": title, "description": description, "first_on": fields["first_on"],
            "sessions": sessions, "every_weeks": weeks, "topic": fields["topic"]}


def planned_days(first_on: date, sessions: int, every_weeks: int) -> list[date]:
    """The days of a track's planned sessions: the first, then every `every_weeks` weeks."""
    return [first_on + timedelta(weeks=every_weeks * k) for k in range(sessions)]


def create_track(*, session: Session, actor: Actor, fields: Mapping[str, Any]) -> CoachingTrack:
    """A track and its planned sessions, in one transaction."""
    authorize(session, actor, "coaching.write")
    values = clean_track(fields)
    bump(session, "coaching")
    days = planned_days(values["first_on"], values["sessions"], values["every_weeks"])
    track = CoachingTrack(title=values["title"], description=values["description"],
                          starts_on=days[0], ends_on=days[-1], planned_sessions=len(days),
                          created_by=actor.username)
    session.add(track)
    session.flush()
    session.add_all([TrackSession(track_id=track.id, seq=k, planned_on=day,
                                  topic=values["topic"]) for k, day in enumerate(days, start=1)])
    session.flush()
    audit.record(session, actor=actor.username, action="create", entity="coaching_tracks",
                 entity_id=track.id, before=None,
                 after=audit.snapshot(track) | {"planned_on": [d.isoformat() for d in days]})
    return track


def _track(session: Session, track_id: object) -> CoachingTrack:
    track = (session.get(CoachingTrack, track_id, populate_existing=True, with_for_update=True)
             if valid_id(track_id) else None)
    if track is None:
        raise ValidationError({"_form": "coaching.track_not_found"})
    return track


def _ids(artisan_ids: object, required: bool = True) -> list[int]:
    if not isinstance(artisan_ids, list | tuple) or not all(valid_id(i) for i in artisan_ids):
        raise ValidationError({"artisan_ids": "form.invalid_value"})
    if required and not artisan_ids:
        raise ValidationError({"artisan_ids": "form.required"})
    if len(artisan_ids) > MAX_AT_ONCE:
        raise ValidationError({"artisan_ids": "events.too_many_at_once"})
    return list(dict.fromkeys(artisan_ids))


def enrol(*, session: Session, actor: Actor, track_id: int, artisan_ids: Sequence[int]) -> int:
    """Enrol artisans in a track; returns how many were newly enrolled (the others already
    were). An erased or unknown artisan refuses the whole enrolment."""
    authorize(session, actor, "coaching.write")
    ids = _ids(artisan_ids)
    bump(session, "coaching")
    track = _track(session, track_id)
    known = set(session.scalars(select(Artisan.id).where(Artisan.id.in_(ids),
                                                         Artisan.erased_at.is_(None))))
    if len(known) < len(ids):
        raise ValidationError({"artisan_ids": "coaching.artisan_unknown"})
    enrolled = set(session.scalars(select(TrackEnrolment.artisan_id).where(
        TrackEnrolment.track_id == track.id, TrackEnrolment.artisan_id.in_(ids))))
    added = [TrackEnrolment(track_id=track.id, artisan_id=i, enrolled_by=actor.username)
             for i in ids if i not in enrolled]
    session.add_all(added)
    session.flush()
    for row in added:
        audit.record(session, actor=actor.username, action="create", entity="track_enrolments",
                     entity_id=row.id, before=None, after=audit.snapshot(row))
    return len(added)


def withdraw(*, session: Session, actor: Actor, track_id: int, artisan_id: int) -> None:
    """Take an artisan out of a track; the sessions they attended stay on their record."""
    authorize(session, actor, "coaching.write")
    bump(session, "coaching")
    track = _track(session, track_id)
    row = session.scalar(select(TrackEnrolment).where(
        TrackEnrolment.track_id == track.id, TrackEnrolment.artisan_id == artisan_id)
        ) if valid_id(artisan_id) else None
    if row is None:
        raise ValidationError({"_form": "track.not_enrolled"})
    before = audit.snapshot(row)
    session.delete(row)
    session.flush()
    audit.record(session, actor=actor.username, action="delete", entity="track_enrolments",
                 entity_id=before["id"], before=before, after=None)


@dataclass(frozen=True)
class Attendance:
    """The attendance of one planned session as recorded: who came, and how it was held."""

    held_on: date
    duration_min: int
    format: str
    coach_user_id: int
    artisan_ids: Sequence[int] = field(default_factory=list)
    # Who was present when the form was drawn (None: don't check); another adviser's change
    # since then refuses the save rather than silently undo it.
    seen: Sequence[int] | None = None


def record_attendance(*, session: Session, actor: Actor, track_session_id: int,
                      attendance: Attendance, today: date | None = None) -> tuple[int, int]:
    """Set who attended a planned session of a track (enrolled artisans only): a coaching
    session is added for each newly present artisan, and removed for one no longer ticked
    (refused when it made a follow-up). Returns (added, removed)."""
    authorize(session, actor, "coaching.write")
    day = today or clock.today()
    if not isinstance(attendance, Attendance):
        raise ValidationError({"_form": "form.invalid_value"})
    errors: dict[str, str] = {}
    if problem := day_problem(attendance.held_on, day):
        errors["held_on"] = problem
    if problem := minutes_problem(attendance.duration_min):
        errors["duration_min"] = problem
    if attendance.format not in vocab.SESSION_FORMATS:
        errors["format"] = "coaching.format_unknown"
    if problem := adviser_problem(session, attendance.coach_user_id):
        errors["coach_user_id"] = problem
    ids = _ids(list(attendance.artisan_ids) if isinstance(attendance.artisan_ids, list | tuple)
               else attendance.artisan_ids, required=False)
    if errors:
        raise ValidationError(errors)
    bump(session, "coaching")
    planned = (session.get(TrackSession, track_session_id) if valid_id(track_session_id)
               else None)
    if planned is None:
        raise ValidationError({"_form": "coaching.track_not_found"})
    _track(session, planned.track_id)  # locked: two advisers recording at once take turns
    enrolled = set(session.scalars(select(TrackEnrolment.artisan_id).where(
        TrackEnrolment.track_id == planned.track_id)))
    if not set(ids) <= enrolled:
        raise ValidationError({"artisan_ids": "coaching.not_enrolled"})
    present = {row.artisan_id: row for row in session.scalars(select(CoachingSession).where(
        CoachingSession.track_session_id == planned.id))}
    if attendance.seen is not None and set(present) != set(attendance.seen):
        raise ValidationError({"_form": "track.present_changed"})
    erased = set(session.scalars(select(Artisan.id).where(
        Artisan.id.in_(list(present)), Artisan.erased_at.is_not(None))))
    # An erased artisan cannot be ticked (nobody to show): their anonymous session stays.
    gone = [row for artisan_id, row in present.items()
            if artisan_id not in ids and artisan_id not in erased]
    if gone and session.scalar(select(func.count()).where(
            FollowUp.session_id.in_([row.id for row in gone]))):
        raise ValidationError({"artisan_ids": "coaching.attendance_has_follow_ups"})
    for row in gone:
        before = audit.snapshot(row)
        session.delete(row)
        audit.record(session, actor=actor.username, action="delete", entity="coaching_sessions",
                     entity_id=row.id, before=before, after=None)
    now = datetime.now(UTC)
    added = [CoachingSession(
        artisan_id=i, coach_user_id=attendance.coach_user_id, track_id=planned.track_id,
        track_session_id=planned.id, held_on=attendance.held_on,
        duration_min=attendance.duration_min, format=attendance.format, topic=planned.topic,
        created_by=actor.username, created_at=now) for i in ids if i not in present]
    session.add_all(added)
    session.flush()
    for row in added:
        audit.record(session, actor=actor.username, action="create", entity="coaching_sessions",
                     entity_id=row.id, before=None, after=audit.snapshot(row))
    return len(added), len(gone)


def _attended_per_artisan(track_id: Any) -> Any:
    return (select(CoachingSession.artisan_id, func.count(
        func.distinct(CoachingSession.track_session_id)).label("attended"))
        .where(CoachingSession.track_id == track_id)
        .group_by(CoachingSession.artisan_id).subquery())


def tracks_overview(session: Session, today: date) -> pd.DataFrame:
    """Every track, newest first: dates, planned sessions and those already due, enrolled
    artisans, those who attended every planned session, and the completion rate."""
    attended = (select(CoachingSession.track_id, CoachingSession.artisan_id,
                       func.count(func.distinct(CoachingSession.track_session_id)).label("n"))
                .where(CoachingSession.track_id.is_not(None))
                .group_by(CoachingSession.track_id, CoachingSession.artisan_id).subquery())
    enrolled = (select(TrackEnrolment.track_id, func.count().label("enrolled"))
                .group_by(TrackEnrolment.track_id).subquery())
    completed = (select(TrackEnrolment.track_id, func.count().label("completed"))
                 .join(attended, (attended.c.track_id == TrackEnrolment.track_id)
                       & (attended.c.artisan_id == TrackEnrolment.artisan_id))
                 .join(CoachingTrack, CoachingTrack.id == TrackEnrolment.track_id)
                 .where(attended.c.n >= CoachingTrack.planned_sessions)
                 .group_by(TrackEnrolment.track_id).subquery())
    due = (select(TrackSession.track_id, func.count().label("due"))
           .where(TrackSession.planned_on <= today).group_by(TrackSession.track_id).subquery())
    rows = session.execute(
        select(CoachingTrack.id, CoachingTrack.title, CoachingTrack.starts_on,
               CoachingTrack.ends_on, CoachingTrack.planned_sessions.label("planned"),
               func.coalesce(due.c.due, 0).label("due"),
               func.coalesce(enrolled.c.enrolled, 0).label("enrolled"),
               func.coalesce(completed.c.completed, 0).label("completed"))
        .outerjoin(enrolled, enrolled.c.track_id == CoachingTrack.id)
        .outerjoin(completed, completed.c.track_id == CoachingTrack.id)
        .outerjoin(due, due.c.track_id == CoachingTrack.id)
        .order_by(CoachingTrack.starts_on.desc(), CoachingTrack.id.desc())).all()
    frame = pd.DataFrame([r._asdict() for r in rows], columns=[
        "id", "title", "starts_on", "ends_on", "planned", "due", "enrolled", "completed"])
    frame["completion_rate"] = [completion_rate(int(c), int(e)) for c, e in
                                zip(frame["completed"], frame["enrolled"], strict=True)]
    return frame


@dataclass(frozen=True)
class PlannedSession:
    id: int
    seq: int
    planned_on: date
    topic: str
    present: tuple[int, ...]  # artisan ids recorded as present
    held_on: date | None


@dataclass(frozen=True)
class TrackDetail:
    id: int
    title: str
    description: str | None
    starts_on: date
    ends_on: date | None
    planned: int
    enrolled: int  # erased artisans included, as in the completion rate
    sessions: tuple[PlannedSession, ...]
    progress: pd.DataFrame  # artisan_id, name, attended, planned, completed (enrolled only)
    completion_rate: float | None


def track_detail(session: Session, track_id: int) -> TrackDetail | None:
    """One track: its planned sessions with who attended each, and each enrolled artisan's
    progress (sessions attended of planned)."""
    track = session.get(CoachingTrack, track_id) if valid_id(track_id) else None
    if track is None:
        return None
    present: dict[int, list[int]] = {}
    held: dict[int, date] = {}
    for sid, artisan_id, held_on in session.execute(
            select(CoachingSession.track_session_id, CoachingSession.artisan_id,
                   CoachingSession.held_on)
            .where(CoachingSession.track_id == track.id)):
        assert sid is not None  # a track's session names its planned session (CHECK)
        present.setdefault(sid, []).append(artisan_id)
        held[sid] = max(held.get(sid, held_on), held_on)
    planned = tuple(PlannedSession(id=s.id, seq=s.seq, planned_on=s.planned_on, topic=s.topic,
                                   present=tuple(sorted(present.get(s.id, []))),
                                   held_on=held.get(s.id))
                    for s in session.scalars(select(TrackSession).where(
                        TrackSession.track_id == track.id).order_by(TrackSession.seq)))
    attended = _attended_per_artisan(track.id)
    rows = session.execute(
        select(Artisan.id.label("artisan_id"), Artisan.last_name, Artisan.first_name,
               Artisan.business_name, func.coalesce(attended.c.attended, 0).label("attended"))
        .join(TrackEnrolment, TrackEnrolment.artisan_id == Artisan.id)
        .outerjoin(attended, attended.c.artisan_id == Artisan.id)
        .where(TrackEnrolment.track_id == track.id, Artisan.erased_at.is_(None))
        .order_by(Artisan.last_name, Artisan.first_name, Artisan.id)).all()
    progress = pd.DataFrame([r._asdict() for r in rows], columns=[
        "artisan_id", "last_name", "first_name", "business_name", "attended"])
    progress["planned"] = track.planned_sessions
    progress["completed"] = progress["attended"] >= track.planned_sessions
    enrolled = int(session.scalar(select(func.count()).where(
        TrackEnrolment.track_id == track.id)) or 0)
    completed = int(session.scalar(
        select(func.count()).select_from(TrackEnrolment)
        .join(attended, attended.c.artisan_id == TrackEnrolment.artisan_id)
        .where(TrackEnrolment.track_id == track.id,
               attended.c.attended >= track.planned_sessions)) or 0)
    return TrackDetail(id=track.id, title=track.title, description=track.description,
                       starts_on=track.starts_on, ends_on=track.ends_on,
                       planned=track.planned_sessions, enrolled=enrolled, sessions=planned,
                       progress=progress,
                       completion_rate=completion_rate(completed, enrolled))

