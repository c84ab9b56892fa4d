"""The door: find an artisan from a few letters, check them in once (never twice, whoever taps
first), add a walk-in, and count attended / registered / capacity."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import pandas as pd
from sqlalchemy import and_, case, exists, func, or_, select
from sqlalchemy.orm import Session

from db import audit
from db.clock import BRUSSELS
from db.errors import ValidationError
from db.ids import valid_id
from db.models import Artisan, Attendance, Event, User
from db.permissions import Actor, authorize
from db.queries.artisans import create_artisan
from db.queries.event_lists import brussels_column
from db.queries.events import event_day, load_event, local
from db.queries.registry import text_match
from db.versioning import bump

CANDIDATE_COLUMNS = ["artisan_id", "label", "email", "registered", "status", "checked_in_at",
                     "checked_in_by"]
MIN_TEXT = 2  # one letter matches half the registry
MAX_CANDIDATES = 50


@dataclass(frozen=True)
class CheckIn:
    """The outcome of a tap: `already` when the person had been checked in before, with the
    original time (aware, Brussels) and who did it (display name)."""

    artisan_id: int
    already: bool
    at: datetime
    by: str


@dataclass(frozen=True)
class DoorCounter:
    """attended: checked in (walk-ins too); registered: every registration not cancelled
    (still registered, attended without being a walk-in, or no-show); capacity if set."""

    attended: int
    registered: int
    capacity: int | None


def _label(last: str, first: str, business: str | None) -> str:
    return f"{last} {first}" + (f" — {business}" if business else "")


def checkin_candidates(session: Session, event_id: int, text: str,
                       limit: int = 12) -> pd.DataFrame:
    """Artisans matching 2+ typed characters of a name, business or e-mail: this event's
    registrations first (cancelled last), then other known artisans, by name (columns
    CANDIDATE_COLUMNS; status None for someone not registered). Two queries at most."""
    match = text_match(text) if isinstance(text, str) and len(text.strip()) >= MIN_TEXT else None
    if match is None or not valid_id(event_id):
        return pd.DataFrame(columns=CANDIDATE_COLUMNS)
    size = max(1, min(limit, MAX_CANDIDATES))
    person = [Artisan.id, Artisan.last_name, Artisan.first_name, Artisan.business_name,
              Artisan.email]
    names = [Artisan.last_name, Artisan.first_name, Artisan.id]
    known = [match, Artisan.erased_at.is_(None)]
    ours = session.execute(
        select(*person, Attendance.status, Attendance.walk_in, Attendance.checked_in_at,
               func.coalesce(User.display_name, Attendance.checked_in_by).label("by"))
        .join(Attendance, and_(Attendance.artisan_id == Artisan.id,
                               Attendance.event_id == event_id))
        .outerjoin(User, User.username == Attendance.checked_in_by).where(*known)
        .order_by(case((Attendance.status == "cancelled", 1), else_=0), *names)
        .limit(size)).all()
    rows = [(r.id, _label(r.last_name, r.first_name, r.business_name), r.email,
             r.status != "cancelled" and not r.walk_in, r.status, r.checked_in_at, r.by)
            for r in ours]
    if len(rows) < size:
        theirs = exists().where(Attendance.event_id == event_id,
                                Attendance.artisan_id == Artisan.id)
        # No ORDER BY: the scan of the registry stops at the first matches instead of
        # sorting every match of 100,000 (40 ms at scale 20); those few are sorted here. At
        # the door the registered come first; for anyone else, more letters narrow the list.
        others = session.execute(select(*person).where(*known, ~theirs)
                                 .limit(size - len(rows))).all()
        others = sorted(others, key=lambda r: (r.last_name, r.first_name, r.id))
        rows += [(r.id, _label(r.last_name, r.first_name, r.business_name), r.email, False,
                  None, None, None) for r in others]
    frame = pd.DataFrame(rows, columns=CANDIDATE_COLUMNS, dtype=object)
    frame["checked_in_at"] = brussels_column(frame["checked_in_at"])
    frame["registered"] = frame["registered"].astype(bool)
    return frame


def display_name(session: Session, username: str | None) -> str:
    """A user's display name, else the username as recorded ('' for none)."""
    if not username:
        return ""
    name = session.scalar(select(User.display_name).where(User.username == username))
    return name or username


def _moment(now: object) -> datetime:
    if now is None:
        return datetime.now(UTC)
    if not isinstance(now, datetime) or now.tzinfo is None:
        raise ValidationError({"now": "form.invalid_value"})
    return now.astimezone(UTC)


# A door stays open after midnight: until this hour, yesterday's event still takes check-ins.
LATE_HOURS = 6


def _checkable(session: Session, event_id: object, moment: datetime) -> Event:
    """The event, locked; refused before its Brussels day, and after it (a tap on the wrong
    event: late records go through the attendance list, with the event's own time)."""
    event = load_event(session, event_id)
    here = moment.astimezone(BRUSSELS)
    day = event_day(event)
    if day > here.date():
        raise ValidationError({"_form": "checkin.event_not_started"})
    if day < here.date() and not (day == here.date() - timedelta(days=1)
                                  and here.hour < LATE_HOURS):
        raise ValidationError({"_form": "checkin.event_over"})
    return event


def _check_in(session: Session, actor: Actor, event: Event, artisan_id: int,
              moment: datetime) -> CheckIn:
    if session.scalar(select(Artisan.id).where(Artisan.id == artisan_id,
                                               Artisan.erased_at.is_(None))) is None:
        raise ValidationError({"_form": "artisans.not_found"})
    row = session.scalars(
        select(Attendance).where(Attendance.event_id == event.id,
                                 Attendance.artisan_id == artisan_id)
        .with_for_update().execution_options(populate_existing=True)).one_or_none()
    if row is not None and row.status == "attended":  # the first tap stands: write nothing
        at = local(row.checked_in_at) if row.checked_in_at else local(event.starts_at)
        return CheckIn(artisan_id, True, at,
                       display_name(session, row.checked_in_by or row.recorded_by))
    before = None if row is None else audit.snapshot(row)
    if row is None:  # not registered: a walk-in
        row = Attendance(event_id=event.id, artisan_id=artisan_id, walk_in=True)
        session.add(row)
    row.status, row.checked_in_at = "attended", moment
    row.checked_in_by = row.recorded_by = actor.username
    session.flush()
    audit.record(session, actor=actor.username, action="create" if before is None else "update",
                 entity="attendances", entity_id=row.id, before=before,
                 after=audit.snapshot(row))
    return CheckIn(artisan_id, False, moment.astimezone(BRUSSELS),
                   display_name(session, actor.username))


def check_in(*, session: Session, actor: Actor, event_id: int, artisan_id: int,
             now: datetime | None = None) -> CheckIn:
    """Mark an artisan attended at `now` (default: this moment), a walk-in when not
    registered; someone already checked in is reported with the first check-in, unchanged."""
    authorize(session, actor, "events.write")
    moment = _moment(now)
    if not valid_id(artisan_id):
        raise ValidationError({"_form": "artisans.not_found"})
    bump(session, "events")  # first: serialises the door's writes, so a second tap sees the first
    return _check_in(session, actor, _checkable(session, event_id, moment), artisan_id, moment)


def walk_in(*, session: Session, actor: Actor, event_id: int, fields: Mapping[str, Any],
            allow_duplicates: bool = False, now: datetime | None = None) -> CheckIn:
    """Add someone new to the registry (source 'event', duplicate check included: raises
    DuplicatesFound) and check them in."""
    authorize(session, actor, "events.write")
    moment = _moment(now)
    if not isinstance(fields, Mapping) or not isinstance(allow_duplicates, bool):
        raise ValidationError({"_form": "form.invalid_value"})
    bump(session, "artisans", "events")  # one statement: the same lock order as an erasure
    event = _checkable(session, event_id, moment)
    artisan = create_artisan(session=session, actor=actor, fields={**fields, "source": "event"},
                             allow_duplicates=allow_duplicates)
    return _check_in(session, actor, event, artisan.id, moment)


def door_counter(session: Session, event_id: int) -> DoorCounter:
    """The door's live figures of one event (see DoorCounter); zeros for no such event."""
    status, walked_in = Attendance.status, Attendance.walk_in.is_(True)
    registered = or_(status.in_(("registered", "no_show")),
                     and_(status == "attended", ~walked_in))
    row = session.execute(
        select(Event.capacity, func.coalesce(func.sum(case((status == "attended", 1),
                                                           else_=0)), 0),
               func.coalesce(func.sum(case((registered, 1), else_=0)), 0))
        .outerjoin(Attendance, Attendance.event_id == Event.id)
        .where(Event.id == event_id).group_by(Event.id)).first() if valid_id(event_id) else None
    if row is None:
        return DoorCounter(0, 0, None)
    return DoorCounter(int(row[1]), int(row[2]), row[0])
