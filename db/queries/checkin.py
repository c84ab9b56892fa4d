"""The door: find an artisan from a few letters, check them in once (never twice, whoever taps
first), add a walk-in, and count attended / registered / capacity."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Integer, and_, bindparam, case, exists, func, or_, select
from sqlalchemy.orm import Session

from db import audit
from db.clock import BRUSSELS
from db.errors import ValidationError
from db.ids import valid_id
from db.models import Artisan, Attendance, Event, User
from db.permissions import Actor, authorize
from db.queries.artisans import create_artisan
from db.queries.events import event_day, load_event, local
from db.queries.registry import text_match
from db.versioning import bump

MIN_TEXT = 2  # one letter matches half the registry
# A tablet shows these without scrolling; more letters narrow the list. Fewer others also
# means a shorter scan of the registry: it stops at the first matches.
REGISTERED_SHOWN, OTHERS_SHOWN = 8, 5


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


@dataclass(frozen=True)
class Candidate:
    """One artisan the door may check in: `registered` for a registration of this event
    (not cancelled, not a walk-in); status None for someone not registered; checked_in_at
    (aware, Brussels) and checked_in_by (display name) once they are in."""

    artisan_id: int
    label: str
    email: str | None
    registered: bool
    status: str | None
    checked_in_at: datetime | None
    checked_in_by: str | None


@dataclass(frozen=True)
class Candidates:
    """The artisans shown at the door; `more` when others matched too (more letters narrow)."""

    people: tuple[Candidate, ...]
    more: bool


def _label(last: str, first: str, business: str | None) -> str:
    return f"{last} {first}" + (f" — {business}" if business else "")


def _person(r: Any, registered: bool = False, status: str | None = None,
            at: datetime | None = None, by: str | None = None) -> Candidate:
    return Candidate(r.id, _label(r.last_name, r.first_name, r.business_name), r.email,
                     registered, status, local(at) if at else None, by)


# The door's statements are built once, with the event as a parameter: building one costs
# more than running it (0.3-0.4 ms against 0.1 ms); only the typed words are added per search.
_PERSON = (Artisan.id, Artisan.last_name, Artisan.first_name, Artisan.business_name,
           Artisan.email)
_EVENT = bindparam("event_id", type_=Integer)
_OURS = (select(*_PERSON, Attendance.status, Attendance.walk_in, Attendance.checked_in_at,
                func.coalesce(User.display_name, Attendance.checked_in_by).label("by"))
         .join(Attendance, and_(Attendance.artisan_id == Artisan.id, Attendance.event_id == _EVENT))
         .outerjoin(User, User.username == Attendance.checked_in_by)
         .where(Artisan.erased_at.is_(None))
         .order_by(case((Attendance.status == "cancelled", 1), else_=0), Artisan.last_name,
                   Artisan.first_name, Artisan.id)
         .limit(REGISTERED_SHOWN + 1))  # one more: are there more?
# No ORDER BY: the scan of the registry stops at the first matches instead of sorting every
# match of 100,000 (40 ms at scale 20); those few are sorted in Python. At the door the
# registered come first; for anyone else, more letters narrow the list.
_OTHERS = (select(*_PERSON)
           .where(Artisan.erased_at.is_(None), ~exists().where(
               Attendance.event_id == _EVENT, Attendance.artisan_id == Artisan.id))
           .limit(OTHERS_SHOWN + 1))


def checkin_candidates(session: Session, event_id: int, text: str) -> Candidates:
    """Artisans matching 2+ typed characters of a name, business or e-mail: this event's
    registrations first (cancelled last), then other known artisans, by name; at most
    REGISTERED_SHOWN and OTHERS_SHOWN of each. Two queries."""
    match = text_match(text) if isinstance(text, str) and len(text.strip()) >= MIN_TEXT else None
    if match is None or not valid_id(event_id):
        return Candidates((), False)
    event = {"event_id": event_id}
    ours = session.execute(_OURS.where(match), event).all()
    others = sorted(session.execute(_OTHERS.where(match), event).all(),
                    key=lambda r: (r.last_name, r.first_name, r.id))
    people = [_person(r, r.status != "cancelled" and not r.walk_in, r.status,
                      r.checked_in_at, r.by) for r in ours[:REGISTERED_SHOWN]]
    people += [_person(r) for r in others[:OTHERS_SHOWN]]
    return Candidates(tuple(people), len(ours) > REGISTERED_SHOWN or len(others) > OTHERS_SHOWN)


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
    me = select(User.display_name).where(User.username == actor.username).scalar_subquery()
    known = session.execute(select(Artisan.id, me).where(  # one round trip for both
        Artisan.id == artisan_id, Artisan.erased_at.is_(None))).first()
    if known is None:
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
    return CheckIn(artisan_id, False, moment.astimezone(BRUSSELS), known[1] or actor.username)


def check_in(*, session: Session, actor: Actor, event_id: int, artisan_id: int,
             now: datetime | None = None) -> CheckIn:
    """Mark an artisan attended at `now` (default: this moment), a walk-in when not
    registered; someone already checked in is reported with the first check-in, unchanged."""
    authorize(session, actor, "events.write")
    moment = _moment(now)
    if not valid_id(artisan_id):
        raise ValidationError({"_form": "artisans.not_found"})
    # First: serialises the door's writes, so a second tap sees the first (SQLite's write lock;
    # on PostgreSQL this row's lock, then the event's). Not "events": a tap leaves today's
    # events as they were, so their cached list stays.
    bump(session, "attendance")
    return _check_in(session, actor, _checkable(session, event_id, moment), artisan_id, moment)


def walk_in(*, session: Session, actor: Actor, event_id: int, fields: Mapping[str, Any],
            allow_duplicates: bool = False, now: datetime | None = None) -> CheckIn:
    """Add someone new to the registry (source 'event', duplicate check included: raises
    DuplicatesFound) and check them in."""
    authorize(session, actor, "events.write")
    moment = _moment(now)
    if not isinstance(fields, Mapping) or not isinstance(allow_duplicates, bool):
        raise ValidationError({"_form": "form.invalid_value"})
    bump(session, "artisans", "attendance")  # one statement: the same lock order as an erasure
    event = _checkable(session, event_id, moment)
    artisan = create_artisan(session=session, actor=actor, fields={**fields, "source": "event"},
                             allow_duplicates=allow_duplicates)
    return _check_in(session, actor, event, artisan.id, moment)


_STATUS = Attendance.status
_SEATED_REGISTERED = or_(_STATUS.in_(("registered", "no_show")),
                         and_(_STATUS == "attended", ~Attendance.walk_in.is_(True)))
_COUNTER = (select(Event.capacity,
                   func.coalesce(func.sum(case((_STATUS == "attended", 1), else_=0)), 0),
                   func.coalesce(func.sum(case((_SEATED_REGISTERED, 1), else_=0)), 0))
            .outerjoin(Attendance, Attendance.event_id == Event.id)
            .where(Event.id == _EVENT).group_by(Event.id))  # built once, as the search's


def door_counter(session: Session, event_id: int) -> DoorCounter:
    """The door's live figures of one event (see DoorCounter); zeros for no such event."""
    row = session.execute(_COUNTER, {"event_id": event_id}).first() if valid_id(
        event_id) else None
    if row is None:
        return DoorCounter(0, 0, None)
    return DoorCounter(int(row[1]), int(row[2]), row[0])
