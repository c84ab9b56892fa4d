"""Events as the screens list them: upcoming and past with attendance counts, one event for its
edit form, its attendees, and the day's events for the door."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import pandas as pd
from sqlalchemy import ColumnElement, Label, and_, case, func, select
from sqlalchemy.orm import Session

from db.clock import BRUSSELS, day_start
from db.ids import valid_id
from db.models import Artisan, Attendance, Event, User
from db.queries.events import local

COUNTS = ("registered", "attended", "walk_ins", "no_shows", "cancelled")
OVERVIEW_COLUMNS = ["id", "title", "kind", "action", "starts_at", "venue", "commune_nis",
                    "capacity", "series_id", *COUNTS]
ATTENDEE_COLUMNS = ["artisan_id", "first_name", "last_name", "business_name", "email", "status",
                    "walk_in", "registered_at", "checked_in_at", "checked_in_by"]
MAX_LIMIT = 1000


@dataclass(frozen=True)
class EventDetail:
    """One event as its edit form needs it (day and time in Brussels) with its counts."""

    id: int
    title: str
    kind: str
    action: str
    day: date
    time: time
    starts_at: datetime
    venue: str | None
    commune_nis: str | None
    capacity: int | None
    series_id: int | None
    row_version: int
    registered: int
    attended: int
    walk_ins: int
    no_shows: int
    cancelled: int


def _count(condition: ColumnElement[bool], name: str) -> Label[Any]:
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0).label(name)


def attendance_counts() -> list[Label[Any]]:
    """Per event (grouped, attendances outer-joined): registered (still only registered),
    attended (walk-ins included), walk_ins, no_shows and cancelled."""
    status = Attendance.status
    return [_count(status == "registered", "registered"),
            _count(status == "attended", "attended"),
            _count(and_(status == "attended", Attendance.walk_in.is_(True)), "walk_ins"),
            _count(status == "no_show", "no_shows"),
            _count(status == "cancelled", "cancelled")]


def utc_day_start(day: date) -> datetime:
    """Midnight in Brussels as a UTC moment: SQLite compares stored UTC text, so a bound value
    must be UTC as well."""
    return day_start(day).astimezone(UTC)


def brussels_column(values: Iterable[Any]) -> pd.Series:
    """Stored moments as aware Brussels times (NaT for none): SQLite hands back naive UTC,
    PostgreSQL aware moments (an index of datetimes: 8x faster than parsing them as objects)."""
    index = pd.DatetimeIndex(list(values))
    return pd.Series((index.tz_localize(UTC) if index.tz is None else index).tz_convert(BRUSSELS))


def _event_columns() -> list[Any]:
    return [Event.id, Event.title, Event.kind, Event.action, Event.starts_at, Event.venue,
            Event.commune_nis, Event.capacity, Event.series_id]


def events_overview(session: Session, today: date, upcoming: bool,
                    limit: int = 200) -> pd.DataFrame:
    """Events starting on or after `today` (Brussels), soonest first, or before it, newest first,
    with their attendance counts (columns OVERVIEW_COLUMNS; starts_at in Brussels time)."""
    since = utc_day_start(today)
    when = Event.starts_at >= since if upcoming else Event.starts_at < since
    order = ([Event.starts_at, Event.id] if upcoming
             else [Event.starts_at.desc(), Event.id.desc()])
    # The events first (by the index on starts_at), then the counts of those only.
    chosen = (select(Event.id).where(when).order_by(*order)
              .limit(max(1, min(limit, MAX_LIMIT))).subquery())
    rows = session.execute(
        select(*_event_columns(), *attendance_counts())
        .join(chosen, chosen.c.id == Event.id)
        .outerjoin(Attendance, Attendance.event_id == Event.id)
        .group_by(Event.id).order_by(*order)).all()
    frame = pd.DataFrame([tuple(r) for r in rows], columns=OVERVIEW_COLUMNS, dtype=object)
    frame["starts_at"] = brussels_column(frame["starts_at"])
    for name in ("id", *COUNTS):
        frame[name] = frame[name].astype("int64")
    return frame


def event_detail(session: Session, event_id: int) -> EventDetail | None:
    """One event with its counts; None when there is no such event."""
    if not valid_id(event_id):
        return None
    row = session.execute(
        select(*_event_columns(), Event.row_version, *attendance_counts())
        .outerjoin(Attendance, Attendance.event_id == Event.id)
        .where(Event.id == event_id).group_by(Event.id)).first()
    if row is None:
        return None
    values = row._asdict()
    start = local(values["starts_at"])
    values.update(starts_at=start, day=start.date(), time=start.time())
    values.update({name: int(values[name]) for name in COUNTS})
    return EventDetail(**values)


def event_attendees(session: Session, event_id: int) -> pd.DataFrame:
    """Every attendance row of an event (columns ATTENDEE_COLUMNS), by name; checked_in_by is
    the display name of who checked the person in (else the username). Erased artisans keep
    their row with empty names and no contact: they still count."""
    rows = session.execute(
        select(Attendance.artisan_id, Artisan.first_name, Artisan.last_name,
               Artisan.business_name, Artisan.email, Attendance.status, Attendance.walk_in,
               Attendance.registered_at, Attendance.checked_in_at,
               func.coalesce(User.display_name, Attendance.checked_in_by))
        .join(Artisan, Artisan.id == Attendance.artisan_id)
        .outerjoin(User, User.username == Attendance.checked_in_by)
        .where(Attendance.event_id == event_id)
        .order_by(Artisan.erased_at.is_not(None), Artisan.last_name, Artisan.first_name,
                  Attendance.artisan_id)).all() if valid_id(event_id) else []
    frame = pd.DataFrame([tuple(r) for r in rows], columns=ATTENDEE_COLUMNS, dtype=object)
    for name in ("registered_at", "checked_in_at"):
        frame[name] = brussels_column(frame[name])
    frame["walk_in"] = frame["walk_in"].astype(bool)
    return frame


def todays_events(session: Session, today: date) -> pd.DataFrame:
    """The events of one Brussels day, earliest first (columns id, title, starts_at, venue)."""
    rows = session.execute(
        select(Event.id, Event.title, Event.starts_at, Event.venue)
        .where(Event.starts_at >= utc_day_start(today),
               Event.starts_at < utc_day_start(today + timedelta(days=1)))
        .order_by(Event.starts_at, Event.id)).all()
    frame = pd.DataFrame([tuple(r) for r in rows], columns=["id", "title", "starts_at", "venue"],
                         dtype=object)
    frame["starts_at"] = brussels_column(frame["starts_at"])
    frame["id"] = frame["id"].astype("int64")
    return frame
