"""The door: find an artisan from a few letters, check them in once (never twice, whoever taps
first), add a walk-in, and count attended / registered / capacity."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, cast

from sqlalchemy import (
    Integer,
    Select,
    Table,
    and_,
    bindparam,
    case,
    exists,
    func,
    insert,
    or_,
    select,
    update,
)
from sqlalchemy import inspect as sa_inspect
from sqlalchemy.orm import Session

from db import audit
from db.clock import BRUSSELS
from db.errors import ValidationError, WriteConflict
from db.ids import valid_id
from db.models import Artisan, Attendance, DataVersion, Event, User
from db.permissions import Actor, authorize
from db.queries.artisans import create_artisan
from db.queries.events import load_event, local
from db.queries.registry import text_match
from db.validation import column_problems
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
# Of the tables, not the ORM classes: run on the session's connection they return plain rows,
# and a statement with the typed words added maps its columns to the cached one's by identity
# (the ORM's annotated columns are compared one by one, 0.2-0.4 ms a search).
_ART, _ATT = cast(Table, Artisan.__table__), cast(Table, Attendance.__table__)
_EVT, _USR = cast(Table, Event.__table__), cast(Table, User.__table__)
_PERSON = (_ART.c.id, _ART.c.last_name, _ART.c.first_name, _ART.c.business_name, _ART.c.email)
_EVENT = bindparam("event_id", type_=Integer)
_OURS = (select(*_PERSON, _ATT.c.status, _ATT.c.walk_in, _ATT.c.checked_in_at,
                func.coalesce(_USR.c.display_name, _ATT.c.checked_in_by).label("by"))
         .select_from(_ART.join(_ATT, and_(_ATT.c.artisan_id == _ART.c.id,
                                           _ATT.c.event_id == _EVENT))
                      .outerjoin(_USR, _USR.c.username == _ATT.c.checked_in_by))
         .where(_ART.c.erased_at.is_(None))
         .order_by(case((_ATT.c.status == "cancelled", 1), else_=0), _ART.c.last_name,
                   _ART.c.first_name, _ART.c.id)
         .limit(REGISTERED_SHOWN + 1))  # one more: are there more?
# No ORDER BY: the scan of the registry stops at the first matches instead of sorting every
# match of 100,000 (40 ms at scale 20); those few are sorted in Python. At the door the
# registered come first; for anyone else, more letters narrow the list.
_OTHERS = (select(*_PERSON)
           .where(_ART.c.erased_at.is_(None), ~exists().where(
               _ATT.c.event_id == _EVENT, _ATT.c.artisan_id == _ART.c.id))
           .limit(OTHERS_SHOWN + 1))


def checkin_candidates(session: Session, event_id: int, text: str) -> Candidates:
    """Artisans matching 2+ typed characters of a name, business or e-mail: this event's
    registrations first (cancelled last), then other known artisans, by name; at most
    REGISTERED_SHOWN and OTHERS_SHOWN of each. Two queries."""
    match = text_match(text) if isinstance(text, str) and len(text.strip()) >= MIN_TEXT else None
    if match is None or not valid_id(event_id):
        return Candidates((), False)
    event, conn = {"event_id": event_id}, session.connection()  # plain rows: no ORM layer
    ours = conn.execute(_OURS.where(match), event).all()
    others = sorted(conn.execute(_OTHERS.where(match), event).all(),
                    key=lambda r: (r.last_name, r.first_name, r.id))
    people = [_person(r, r.status != "cancelled" and not r.walk_in, r.status,
                      r.checked_in_at, r.by) for r in ours[:REGISTERED_SHOWN]]
    people += [_person(r) for r in others[:OTHERS_SHOWN]]
    return Candidates(tuple(people), len(ours) > REGISTERED_SHOWN or len(others) > OTHERS_SHOWN)


def _moment(now: object) -> datetime:
    if now is None:
        return datetime.now(UTC)
    if not isinstance(now, datetime) or now.tzinfo is None:
        raise ValidationError({"now": "form.invalid_value"})
    return now.astimezone(UTC)


# A door stays open after midnight: until this hour, yesterday's event still takes check-ins.
LATE_HOURS = 6


def _refuse_outside_the_evening(starts_at: datetime, moment: datetime) -> None:
    """Refused before the event's Brussels day, and after it (a tap on the wrong event: late
    records go through the attendance list, with the event's own time)."""
    here = moment.astimezone(BRUSSELS)
    day = local(starts_at).date()
    if day > here.date():
        raise ValidationError({"_form": "checkin.event_not_started"})
    if day < here.date() and not (day == here.date() - timedelta(days=1)
                                  and here.hour < LATE_HOURS):
        raise ValidationError({"_form": "checkin.event_over"})


def _checkable(session: Session, event_id: object, moment: datetime) -> Event:
    """The event, locked, if it takes check-ins at this moment (see above)."""
    event = load_event(session, event_id)
    _refuse_outside_the_evening(event.starts_at, moment)
    return event


# A tap's write, built once (building a statement costs more than running it) and run on the
# session's connection, in its transaction: Core rows, no ORM identity map or unit of work for
# one row. One read decides: the event (locked on PostgreSQL: FOR UPDATE OF events, as
# load_event), whether the artisan exists and is not erased, the adviser's display name, and
# this artisan's attendance row if any, with the display name of who checked them in.
_ARTISAN = bindparam("artisan_id", type_=Integer)
_ATT_KEYS = tuple(attr.key for attr in sa_inspect(Attendance).column_attrs)
_CHECKER = _USR.alias("checker")
_DECIDE = (
    select(_EVT.c.starts_at,
           select(_USR.c.display_name)
           .where(_USR.c.username == bindparam("me")).scalar_subquery().label("me"),
           exists().where(_ART.c.id == _ARTISAN, _ART.c.erased_at.is_(None)).label("known"),
           *(_ATT.c[key].label(f"att_{key}") for key in _ATT_KEYS),
           _CHECKER.c.display_name.label("checker"))
    .select_from(_EVT.outerjoin(_ATT, and_(_ATT.c.event_id == _EVT.c.id,
                                           _ATT.c.artisan_id == _ARTISAN))
                 .outerjoin(_CHECKER, _CHECKER.c.username == func.coalesce(
                     _ATT.c.checked_in_by, _ATT.c.recorded_by)))
    .where(_EVT.c.id == _EVENT)
    .with_for_update(of=_EVT))
_AT = bindparam("at", type_=_ATT.c.checked_in_at.type)
_WHO = bindparam("who", type_=_ATT.c.recorded_by.type)
# Only from the status read: the version's lock already keeps every other attendance writer
# out until this commits; should one ever not take it, the tap is refused, not overwritten.
_ATTEND = (update(_ATT).where(_ATT.c.id == bindparam("row_id", type_=Integer),
                              _ATT.c.status == bindparam("was", type_=_ATT.c.status.type))
           .values(status="attended", checked_in_at=_AT, checked_in_by=_WHO, recorded_by=_WHO))
_WALK_IN = insert(_ATT).returning(_ATT.c.id)


def _check_in(session: Session, actor: Actor, event_id: int, artisan_id: int,
              moment: datetime) -> CheckIn:
    """The check-in itself, after authorize() and the data version's bump (the lock)."""
    conn = session.connection()
    got = conn.execute(_DECIDE, {"event_id": event_id, "artisan_id": artisan_id,
                                 "me": actor.username}).first()
    if got is None:
        raise ValidationError({"_form": "events.not_found"})
    _refuse_outside_the_evening(got.starts_at, moment)
    if not got.known:
        raise ValidationError({"_form": "artisans.not_found"})
    found = {key: got._mapping[f"att_{key}"] for key in _ATT_KEYS}
    if found["id"] is not None and found["status"] == "attended":  # the first tap stands:
        # write nothing, say when and by whom
        at = found["checked_in_at"] or got.starts_at
        return CheckIn(artisan_id, True, local(at), got.checker or found["checked_in_by"]
                       or found["recorded_by"] or "")
    # The row as it was and as it will be, as the audit trail and the last check of every
    # flush (db.validation) see a model instance; neither is added to the session.
    before = None if found["id"] is None else Attendance(**found)
    after = Attendance(**{**found, "event_id": event_id, "artisan_id": artisan_id,
                          "walk_in": before is None or bool(found["walk_in"]),
                          "status": "attended", "checked_in_at": moment,
                          "checked_in_by": actor.username, "recorded_by": actor.username})
    if errors := column_problems(after):
        raise ValidationError(errors)
    if before is None:  # not registered: a walk-in
        after.id = conn.execute(_WALK_IN, {key: getattr(after, key) for key in _ATT_KEYS
                                           if key != "id"}).scalar_one()
    elif conn.execute(_ATTEND, {"row_id": after.id, "was": found["status"], "at": moment,
                                "who": actor.username}).rowcount != 1:
        raise WriteConflict()
    audit.record(session, actor=actor.username, action="create" if before is None else "update",
                 entity="attendances", entity_id=after.id,
                 before=None if before is None else audit.snapshot(before),
                 after=audit.snapshot(after))
    return CheckIn(artisan_id, False, moment.astimezone(BRUSSELS), got.me or actor.username)


def check_in(*, session: Session, actor: Actor, event_id: int, artisan_id: int,
             now: datetime | None = None) -> CheckIn:
    """Mark an artisan attended at `now` (default: this moment), a walk-in when not
    registered; someone already checked in is reported with the first check-in, unchanged."""
    authorize(session, actor, "events.write")
    moment = _moment(now)
    if not valid_id(artisan_id):
        raise ValidationError({"_form": "artisans.not_found"})
    if not valid_id(event_id):
        raise ValidationError({"_form": "events.not_found"})
    # First: serialises the door's writes, so a second tap sees the first (SQLite's write lock;
    # on PostgreSQL this version row's lock, taken first by every attendance writer, then the
    # event's). Not "events": a tap leaves today's events as they were, so their cached list
    # stays.
    bump(session, "attendance")
    return _check_in(session, actor, event_id, artisan_id, moment)


def walk_in(*, session: Session, actor: Actor, event_id: int, fields: Mapping[str, Any],
            allow_duplicates: bool = False, now: datetime | None = None) -> CheckIn:
    """Add someone new to the registry (source 'event', duplicate check included: raises
    DuplicatesFound) and check them in."""
    authorize(session, actor, "events.write")
    moment = _moment(now)
    if not isinstance(fields, Mapping) or not isinstance(allow_duplicates, bool):
        raise ValidationError({"_form": "form.invalid_value"})
    bump(session, "artisans", "attendance")  # one statement: the same lock order as an erasure
    event = _checkable(session, event_id, moment)  # before the registry: nothing to add
    artisan = create_artisan(session=session, actor=actor, fields={**fields, "source": "event"},
                             allow_duplicates=allow_duplicates)
    session.flush()  # the new artisan, for the check-in's own read
    return _check_in(session, actor, event.id, artisan.id, moment)


_STATUS = _ATT.c.status
_SEATED_REGISTERED = or_(_STATUS.in_(("registered", "no_show")),
                         and_(_STATUS == "attended", ~_ATT.c.walk_in.is_(True)))
_COUNTER = (select(_EVT.c.capacity,
                   func.coalesce(func.sum(case((_STATUS == "attended", 1), else_=0)), 0),
                   func.coalesce(func.sum(case((_SEATED_REGISTERED, 1), else_=0)), 0))
            .select_from(_EVT.outerjoin(_ATT, _ATT.c.event_id == _EVT.c.id))
            .where(_EVT.c.id == _EVENT).group_by(_EVT.c.id))  # built once, as the search's


def door_counter(session: Session, event_id: int) -> DoorCounter:
    """The door's live figures of one event (see DoorCounter); zeros for no such event."""
    row = session.connection().execute(_COUNTER, {"event_id": event_id}).first() if valid_id(
        event_id) else None
    if row is None:
        return DoorCounter(0, 0, None)
    return DoorCounter(int(row[1]), int(row[2]), row[0])


@functools.cache
def _counted_as_of(areas: tuple[str, ...]) -> Select[Any]:
    versions = cast(Table, DataVersion.__table__)
    return _COUNTER.add_columns(*(
        select(versions.c.version).where(versions.c.area == area).scalar_subquery()
        for area in areas))


def door_counter_as_of(session: Session, event_id: int,
                       areas: tuple[str, ...]) -> tuple[DoorCounter, dict[str, int]]:
    """The door's figures inside a write's transaction, after the write, with the data
    versions of `areas` as this transaction leaves them (its own bump included): one statement.
    The page may show these figures for as long as those versions stay the same (no other write
    since), instead of asking again after its own tap."""
    row = (session.connection().execute(_counted_as_of(areas), {"event_id": event_id}).first()
           if valid_id(event_id) else None)
    if row is None:
        return DoorCounter(0, 0, None), {}
    return (DoorCounter(int(row[1]), int(row[2]), row[0]),
            {area: int(version or 0) for area, version in zip(areas, row[3:], strict=True)})
