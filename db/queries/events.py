"""Events: create, edit and copy one, or a whole series at once; the day and time are Brussels
wall time, stored as the UTC moment. Each write role-checked, audited and versioned."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime, time
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db import audit, clock, vocab
from db.clock import BRUSSELS
from db.errors import ValidationError
from db.ids import valid_id
from db.models import Attendance, Event
from db.permissions import Actor, authorize
from db.reference import communes
from db.validation import text_problem
from db.versioning import bump

EVENT_FIELDS = ("title", "kind", "action", "day", "time", "venue", "commune_nis", "capacity")
FIRST_DAY, LAST_DAY = date(2000, 1, 1), date(2100, 12, 31)
MAX_CAPACITY = 100_000
SEATED = ("registered", "attended")  # the statuses that take a seat


def is_day(value: object) -> bool:
    """True for a date (a datetime is not a day)."""
    return isinstance(value, date) and not isinstance(value, datetime)


def is_int(value: object) -> bool:
    """True for an int that is not a bool."""
    return isinstance(value, int) and not isinstance(value, bool)


def local(moment: datetime) -> datetime:
    """A stored moment in Brussels time (SQLite hands back naive UTC, PostgreSQL aware)."""
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).astimezone(BRUSSELS)


def event_day(event: Event) -> date:
    """The Brussels day an event takes place on."""
    return local(event.starts_at).date()


def day_problem(value: object) -> str | None:
    """The message key of what is wrong with an event's day, or None."""
    if value is None:
        return "form.required"
    if not isinstance(value, date) or isinstance(value, datetime):
        return "form.invalid_value"
    return None if FIRST_DAY <= value <= LAST_DAY else "events.date_out_of_range"


def _text(fields: Mapping[str, Any], name: str, required: bool,
          errors: dict[str, str]) -> str | None:
    value = fields.get(name)
    if value is not None and not isinstance(value, str):
        errors[name] = "form.invalid_value"
        return None
    cleaned = " ".join((value or "").split())
    if problem := text_problem(cleaned, 150, required):
        errors[name] = problem
    return cleaned or None


def as_fields(fields: object) -> Mapping[str, Any]:
    """The fields of a form, or 'form.invalid_value' for anything else."""
    if not isinstance(fields, Mapping):
        raise ValidationError({"_form": "form.invalid_value"})
    return fields


def clean_event(fields: Mapping[str, Any]) -> dict[str, Any]:
    """An event's column values from its fields (EVENT_FIELDS); raises ValidationError with a
    message key per wrong field."""
    errors = {str(name): "form.invalid_value" for name in as_fields(fields)
              if name not in EVENT_FIELDS}
    values: dict[str, Any] = {"title": _text(fields, "title", True, errors),
                              "venue": _text(fields, "venue", False, errors)}
    for name, allowed, key in (("kind", vocab.EVENT_KINDS, "events.kind_unknown"),
                               ("action", vocab.ACTIONS, "events.action_unknown")):
        values[name] = fields.get(name)
        if not isinstance(values[name], str) or values[name] not in allowed:
            errors[name] = key
    if problem := day_problem(fields.get("day")):
        errors["day"] = problem
    at = fields.get("time")
    if at is None or not isinstance(at, time) or at.tzinfo is not None:
        errors["time"] = "form.required" if at is None else "form.invalid_value"
    values["commune_nis"] = commune = fields.get("commune_nis") or None
    if commune is not None and (not isinstance(commune, str)
                                or commune not in {c.nis_code for c in communes()}):
        errors["commune_nis"] = "events.commune_unknown"
    values["capacity"] = capacity = fields.get("capacity")
    if capacity is not None and not (is_int(capacity) and 1 <= capacity <= MAX_CAPACITY):
        errors["capacity"] = "events.capacity_invalid"
    if errors:
        raise ValidationError(errors)
    values["starts_at"] = starts_at(fields["day"], fields["time"])
    return values


def starts_at(day: date, at: time) -> datetime:
    """The UTC moment of a Brussels wall time on a day."""
    return datetime.combine(day, at, tzinfo=BRUSSELS).astimezone(UTC)


def event_fields(event: Event) -> dict[str, Any]:
    """An event's fields as a form edits them (EVENT_FIELDS), day and time in Brussels."""
    start = local(event.starts_at)
    return {"title": event.title, "kind": event.kind, "action": event.action,
            "day": start.date(), "time": start.time(), "venue": event.venue,
            "commune_nis": event.commune_nis, "capacity": event.capacity}


def load_event(session: Session, event_id: object, lock: bool = True) -> Event:
    """The event, fresh from the database (locked on PostgreSQL); else 'events.not_found'."""
    event = (session.get(Event, event_id, populate_existing=True, with_for_update=lock)
             if valid_id(event_id) else None)
    if event is None:
        raise ValidationError({"_form": "events.not_found"})
    return event


def seats_taken(session: Session, event_id: int) -> int:
    """Registrations that take a seat: registered and attended (walk-ins too)."""
    return int(session.scalar(select(func.count()).select_from(Attendance).where(
        Attendance.event_id == event_id, Attendance.status.in_(SEATED))) or 0)


def add_event(session: Session, actor: Actor, values: Mapping[str, Any],
         series_id: int | None = None) -> Event:
    """Insert an event from clean values, audited (the caller authorized and bumped)."""
    event = Event(**values, series_id=series_id, row_version=1)
    session.add(event)
    session.flush()
    audit.record(session, actor=actor.username, action="create", entity="events",
                 entity_id=event.id, before=None, after=audit.snapshot(event))
    return event


def create_event(*, session: Session, actor: Actor, fields: Mapping[str, Any]) -> Event:
    """Add one event."""
    authorize(session, actor, "events.write")
    values = clean_event(fields)
    bump(session, "events")
    return add_event(session, actor, values)


def _held(session: Session, event_id: int) -> bool:
    """Whether anyone attended or was recorded absent: the event has taken place."""
    return bool(session.scalar(select(func.count()).select_from(Attendance).where(
        Attendance.event_id == event_id, Attendance.status.in_(("attended", "no_show")))))


def update_event(*, session: Session, actor: Actor, event_id: int, fields: Mapping[str, Any],
                 expected_version: int) -> Event:
    """Save an edit made from version `expected_version`; refused if someone saved since, or
    if the capacity would fall below the seats already taken."""
    authorize(session, actor, "events.write")
    as_fields(fields)
    if not is_int(expected_version):
        raise ValidationError({"_form": "form.invalid_value"})
    bump(session, "events")  # first: on SQLite the write lock, so the version check holds
    event = load_event(session, event_id)
    if event.row_version != expected_version:
        raise ValidationError({"_form": "events.stale_edit"})
    values = clean_event({**event_fields(event), **fields})
    if values["capacity"] is not None and values["capacity"] < seats_taken(session, event.id):
        raise ValidationError({"capacity": "events.capacity_below_registered"})
    if local(values["starts_at"]).date() > clock.today() and _held(session, event.id):
        # Its attendance would sit on an evening that has not happened (members would drop).
        raise ValidationError({"day": "events.held_cannot_move"})
    audit.record_update(session, actor=actor.username, entity="events", obj=event,
                        values=values)
    return event


def copy_event(*, session: Session, actor: Actor, event_id: int, day: date) -> Event:
    """A new event like an existing one (same time of day), on another day, without its
    registrations."""
    authorize(session, actor, "events.write")
    if problem := day_problem(day):
        raise ValidationError({"day": problem})
    bump(session, "events")
    source = load_event(session, event_id, lock=False)
    return add_event(session, actor, clean_event({**event_fields(source), "day": day}))
