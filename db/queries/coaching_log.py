"""Coaching sessions: one logged with its follow-ups in one transaction (all or nothing), and
the advisers a session or a follow-up may name. Every write role-checked, audited, versioned."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

import pandas as pd
from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from db import audit, clock, vocab
from db.errors import ValidationError
from db.ids import valid_id
from db.models import Artisan, CoachingSession, FollowUp, User
from db.permissions import STAFF_AND_UP, Actor, authorize
from db.queries.events import FIRST_DAY, LAST_DAY, as_fields, is_day
from db.validation import text_problem
from db.versioning import bump

SESSION_FIELDS = ("artisan_id", "coach_user_id", "held_on", "duration_min", "format", "topic",
                  "topic_other", "notes")
FOLLOW_UP_FIELDS = ("action", "owner_user_id", "due_on")
MAX_MINUTES = 600
MAX_NOTES = 5000
MAX_ACTION = 300
MAX_FOLLOW_UPS = 10


def advisers(session: Session) -> list[tuple[int, str, str]]:
    """Active staff, managers and admins as (id, display name, username), by name: who may
    coach a session or own a follow-up."""
    return [(r.id, r.display_name, r.username) for r in session.execute(
        select(User.id, User.display_name, User.username)
        .where(User.active.is_(True), User.role.in_(STAFF_AND_UP))
        .order_by(User.display_name, User.id))]


def actor_user_id(session: Session, actor: Actor) -> int | None:
    """The users.id of the actor (None for the system actor)."""
    return session.scalar(select(User.id).where(User.username == actor.username))


def adviser_problem(session: Session, user_id: object) -> str | None:
    """'coaching.adviser_unknown' unless an active staff member, manager or admin."""
    if not valid_id(user_id):
        return "coaching.adviser_unknown"
    user = session.get(User, user_id)
    ok = user is not None and user.active and user.role in STAFF_AND_UP
    return None if ok else "coaching.adviser_unknown"


def known_artisan(session: Session, artisan_id: object) -> bool:
    """True for an artisan who exists and is not erased."""
    return valid_id(artisan_id) and session.scalar(select(Artisan.id).where(
        Artisan.id == artisan_id, Artisan.erased_at.is_(None))) is not None


def day_problem(value: object, today: date, future: bool = False) -> str | None:
    """What is wrong with a coaching day: missing, not a day, outside 2000-2100, or (unless
    `future` is allowed) after today."""
    if value is None:
        return "form.required"
    if not is_day(value):
        return "form.invalid_value"
    assert isinstance(value, date)
    if not FIRST_DAY <= value <= LAST_DAY:
        return "events.date_out_of_range"
    return "coaching.held_in_future" if not future and value > today else None


def clean_text(value: object, max_len: int, required: bool, multiline: bool = False
               ) -> tuple[str | None, str | None]:
    """(cleaned text or None, problem key or None); a single line is also squeezed."""
    if value is not None and not isinstance(value, str):
        return None, "form.invalid_value"
    text = (value or "").strip() if multiline else " ".join((value or "").split())
    return text or None, text_problem(text, max_len, required, multiline)


def whole(value: object, low: int, high: int) -> int | None:
    """The value if it is an int (not a bool) from low to high, else None."""
    if isinstance(value, int) and not isinstance(value, bool) and low <= value <= high:
        return value
    return None


def minutes_problem(value: object) -> str | None:
    """'coaching.duration_invalid' unless a whole number of minutes from 1 to 600."""
    return None if whole(value, 1, MAX_MINUTES) else "coaching.duration_invalid"


def clean_session(session: Session, fields: Mapping[str, Any], today: date) -> dict[str, Any]:
    """A session's column values from a form's fields (SESSION_FIELDS); raises ValidationError
    with a message key per wrong field."""
    errors = {str(n): "form.invalid_value" for n in as_fields(fields) if n not in SESSION_FIELDS}
    values = {name: fields.get(name) for name in SESSION_FIELDS}
    if not known_artisan(session, values["artisan_id"]):
        errors["artisan_id"] = ("form.required" if values["artisan_id"] is None
                                else "coaching.artisan_unknown")
    if problem := adviser_problem(session, values["coach_user_id"]):
        errors["coach_user_id"] = problem
    if problem := day_problem(values["held_on"], today):
        errors["held_on"] = problem
    if problem := minutes_problem(values["duration_min"]):
        errors["duration_min"] = problem
    if values["format"] not in vocab.SESSION_FORMATS:
        errors["format"] = "coaching.format_unknown"
    if values["topic"] not in vocab.COACHING_TOPICS:
        errors["topic"] = "coaching.topic_unknown"
    other, problem = clean_text(values["topic_other"], 150, values["topic"] == "other")
    values["topic_other"] = other if values["topic"] == "other" else None
    if problem and values["topic"] == "other":
        errors["topic_other"] = problem
    values["notes"], problem = clean_text(values["notes"], MAX_NOTES, False, multiline=True)
    if problem:
        errors["notes"] = problem
    if errors:
        raise ValidationError(errors)
    return values


def clean_follow_ups(session: Session, rows: object, held_on: date | None
                     ) -> list[dict[str, Any]]:
    """The follow-ups given with a session; errors keyed `follow_up_<i>_<field>` (i from 0).
    A follow-up is due on the session's day or later."""
    if not isinstance(rows, list | tuple) or len(rows) > MAX_FOLLOW_UPS:
        raise ValidationError({"_form": "form.invalid_value"})
    errors: dict[str, str] = {}
    cleaned = []
    for i, row in enumerate(rows):
        fields = as_fields(row)
        errors |= {f"follow_up_{i}_{n}": "form.invalid_value" for n in fields
                   if n not in FOLLOW_UP_FIELDS}
        action, problem = clean_text(fields.get("action"), MAX_ACTION, True)
        if problem:
            errors[f"follow_up_{i}_action"] = problem
        if problem := adviser_problem(session, fields.get("owner_user_id")):
            errors[f"follow_up_{i}_owner_user_id"] = problem
        due = fields.get("due_on")
        if problem := day_problem(due, LAST_DAY, future=True):
            errors[f"follow_up_{i}_due_on"] = problem
        elif held_on is not None and isinstance(due, date) and due < held_on:
            errors[f"follow_up_{i}_due_on"] = "coaching.due_before_session"
        cleaned.append({"action": action, "owner_user_id": fields.get("owner_user_id"),
                        "due_on": due})
    if errors:
        raise ValidationError(errors)
    return cleaned


def log_session(*, session: Session, actor: Actor, fields: Mapping[str, Any],
                follow_ups: Sequence[Mapping[str, Any]] = (), today: date | None = None
                ) -> CoachingSession:
    """Log one coaching session and its follow-ups (action, owner, due date) together: every
    field checked first, then all written in the caller's transaction, or nothing."""
    authorize(session, actor, "coaching.write")
    # First: the lock an erasure takes too, so the artisan checked below is not erased before
    # this commits (PostgreSQL; SQLite's writes already take turns).
    bump(session, "coaching")
    day = today or clock.today()
    errors: dict[str, str] = {}
    values: dict[str, Any] = {}
    try:
        values = clean_session(session, fields, day)
    except ValidationError as exc:
        errors |= exc.errors
    held = values.get("held_on") or (fields.get("held_on") if isinstance(fields, Mapping)
                                     and is_day(fields.get("held_on")) else None)
    try:
        rows = clean_follow_ups(session, follow_ups, held)
    except ValidationError as exc:
        errors |= exc.errors
    if errors:
        raise ValidationError(errors)
    now = datetime.now(UTC)
    logged = CoachingSession(**values, created_by=actor.username, created_at=now)
    session.add(logged)
    session.flush()
    audit.record(session, actor=actor.username, action="create", entity="coaching_sessions",
                 entity_id=logged.id, before=None, after=audit.snapshot(logged))
    for row in rows:
        follow_up = FollowUp(artisan_id=logged.artisan_id, session_id=logged.id, status="open",
                             created_by=actor.username, row_version=1, **row)
        session.add(follow_up)
        session.flush()
        audit.record(session, actor=actor.username, action="create", entity="follow_ups",
                     entity_id=follow_up.id, before=None, after=audit.snapshot(follow_up))
    return logged


def recent_sessions(session: Session, limit: int = 50) -> pd.DataFrame:
    """The latest sessions logged (individual and track), newest first, without their notes:
    day, artisan, coach, topic, format, minutes, and the number of follow-ups made."""
    follow_ups = (select(FollowUp.session_id, func.count().label("n"))
                  .group_by(FollowUp.session_id).subquery())
    rows = session.execute(
        select(CoachingSession.id, CoachingSession.held_on, CoachingSession.artisan_id,
               Artisan.last_name, Artisan.first_name, Artisan.business_name,
               User.display_name.label("coach"), CoachingSession.topic,
               CoachingSession.topic_other, CoachingSession.format,
               CoachingSession.duration_min, CoachingSession.track_id,
               func.coalesce(follow_ups.c.n, 0).label("follow_ups"))
        .join(Artisan, Artisan.id == CoachingSession.artisan_id)
        .join(User, User.id == CoachingSession.coach_user_id)
        .outerjoin(follow_ups, follow_ups.c.session_id == CoachingSession.id)
        .where(Artisan.erased_at.is_(None))
        .order_by(CoachingSession.held_on.desc(), CoachingSession.id.desc())
        .limit(max(1, min(limit, 500)))).all()
    return pd.DataFrame([r._asdict() for r in rows], columns=[
        "id", "held_on", "artisan_id", "last_name", "first_name", "business_name", "coach",
        "topic", "topic_other", "format", "duration_min", "track_id", "follow_ups"])


@dataclass(frozen=True)
class SessionDetail:
    """One logged session as its own screen shows it, notes and follow-ups included (staff
    only: db/reads.py gives partners no disclosure of it)."""

    id: int
    held_on: date
    artisan_id: int
    artisan: str
    coach: str
    topic: str
    topic_other: str | None
    format: str
    duration_min: int
    notes: str | None
    follow_ups: tuple[tuple[str, str, date, str], ...]  # action, owner, due, status


def session_detail(session: Session, session_id: int) -> SessionDetail | None:
    """A session with its notes and the follow-ups it made (None: no such session)."""
    row = session.execute(
        select(CoachingSession, Artisan.last_name, Artisan.first_name,
               User.display_name.label("coach"))
        .join(Artisan, Artisan.id == CoachingSession.artisan_id)
        .join(User, User.id == CoachingSession.coach_user_id)
        .where(CoachingSession.id == session_id)).first() if valid_id(session_id) else None
    if row is None:
        return None
    logged: CoachingSession = row[0]
    owner = aliased(User)
    made = session.execute(
        select(FollowUp.action, owner.display_name, FollowUp.due_on, FollowUp.status)
        .join(owner, owner.id == FollowUp.owner_user_id)
        .where(FollowUp.session_id == logged.id).order_by(FollowUp.id)).all()
    return SessionDetail(
        id=logged.id, held_on=logged.held_on, artisan_id=logged.artisan_id,
        artisan=f"{row.last_name} {row.first_name}".strip(), coach=row.coach,
        topic=logged.topic, topic_other=logged.topic_other, format=logged.format,
        duration_min=logged.duration_min, notes=logged.notes,
        follow_ups=tuple((a, o, d, st) for a, o, d, st in made))
