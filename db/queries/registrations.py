"""Registrations: artisans registered to an event or to a whole series, cancelled, and the
no-shows marked after the event; each write role-checked, audited and versioned."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db import audit, clock
from db.errors import ValidationError
from db.ids import valid_id
from db.models import Artisan, Attendance, Event, EventSeries
from db.permissions import Actor, authorize
from db.queries.event_lists import utc_day_start
from db.queries.events import event_day, load_event, local, seats_taken
from db.versioning import bump

MAX_AT_ONCE = 2000  # artisans in one registration: a pasted list, not the whole registry


def _artisan_ids(artisan_ids: object) -> list[int]:
    """The ids asked for, once each and in order; 'form.required' for none."""
    if not isinstance(artisan_ids, list | tuple) or not all(valid_id(i) for i in artisan_ids):
        raise ValidationError({"artisan_ids": "form.invalid_value"})
    if not artisan_ids:
        raise ValidationError({"artisan_ids": "form.required"})
    if len(artisan_ids) > MAX_AT_ONCE:
        raise ValidationError({"artisan_ids": "events.too_many_at_once"})
    return list(dict.fromkeys(artisan_ids))


def _day(today: object) -> date:
    if today is None:
        return clock.today()
    if not isinstance(today, date) or isinstance(today, datetime):
        raise ValidationError({"today": "form.invalid_value"})
    return today


def _require_known(session: Session, artisan_ids: Sequence[int]) -> None:
    known = set(session.scalars(select(Artisan.id).where(Artisan.id.in_(artisan_ids),
                                                         Artisan.erased_at.is_(None))))
    if len(known) < len(artisan_ids):
        raise ValidationError({"_form": "artisans.not_found"})


def _audit(session: Session, actor: Actor, rows: Sequence[Attendance],
           befores: Sequence[dict[str, Any] | None]) -> None:
    for row, before in zip(rows, befores, strict=True):
        audit.record(session, actor=actor.username, action="create" if before is None else "update",
                     entity="attendances", entity_id=row.id, before=before,
                     after=audit.snapshot(row))


def _register(session: Session, actor: Actor, event: Event, artisan_ids: list[int],
              today: date) -> int:
    if event_day(event) < today:
        raise ValidationError({"_form": "events.registration_past"})
    _require_known(session, artisan_ids)
    rows = {row.artisan_id: row for row in session.scalars(
        select(Attendance).where(Attendance.event_id == event.id,
                                 Attendance.artisan_id.in_(artisan_ids))
        .with_for_update().execution_options(populate_existing=True))}
    new = [i for i in artisan_ids if i not in rows]
    reopened = [rows[i] for i in artisan_ids if i in rows and rows[i].status == "cancelled"]
    count = len(new) + len(reopened)
    if count and event.capacity is not None and (
            seats_taken(session, event.id) + count > event.capacity):
        raise ValidationError({"_form": "events.capacity_full"})
    now = datetime.now(UTC)
    befores = [audit.snapshot(row) for row in reopened]
    for row in reopened:
        row.status, row.registered_at, row.recorded_by = "registered", now, actor.username
    added = [Attendance(event_id=event.id, artisan_id=artisan_id, status="registered",
                        walk_in=False, registered_at=now, recorded_by=actor.username)
             for artisan_id in new]
    session.add_all(added)
    session.flush()
    _audit(session, actor, reopened, befores)
    _audit(session, actor, added, [None] * len(added))
    return count


def register(*, session: Session, actor: Actor, event_id: int, artisan_ids: list[int],
             today: date | None = None) -> int:
    """Register artisans to an event (not a past one, not beyond its capacity); returns how
    many were newly registered: someone already registered or attended is skipped, a cancelled
    registration is re-opened. `today` (Brussels) defaults to the clock's."""
    authorize(session, actor, "events.write")
    ids, day = _artisan_ids(artisan_ids), _day(today)
    bump(session, "events", "attendance")  # first: the write lock that makes capacity checks hold
    return _register(session, actor, load_event(session, event_id), ids, day)


def register_to_series(*, session: Session, actor: Actor, series_id: int,
                       artisan_ids: list[int], today: date) -> int:
    """Register artisans to every event of a series from `today` on; all or nothing (a full
    event refuses the whole registration). Returns the registrations made."""
    authorize(session, actor, "events.write")
    ids, day = _artisan_ids(artisan_ids), _day(today)
    bump(session, "events", "attendance")
    if not valid_id(series_id) or session.get(EventSeries, series_id) is None:
        raise ValidationError({"_form": "events.not_found"})
    events = session.scalars(
        select(Event).where(Event.series_id == series_id, Event.starts_at >= utc_day_start(day))
        .order_by(Event.starts_at, Event.id).with_for_update()
        .execution_options(populate_existing=True)).all()
    if not events:
        raise ValidationError({"_form": "events.series_no_future"})
    return sum(_register(session, actor, event, ids, day) for event in events)


def cancel_registration(*, session: Session, actor: Actor, event_id: int,
                        artisan_id: int) -> None:
    """Cancel a registration (only one still 'registered')."""
    authorize(session, actor, "events.write")
    if not (valid_id(event_id) and valid_id(artisan_id)):
        raise ValidationError({"_form": "events.not_registered"})
    bump(session, "events", "attendance")
    row = session.scalars(
        select(Attendance).where(Attendance.event_id == event_id,
                                 Attendance.artisan_id == artisan_id)
        .with_for_update().execution_options(populate_existing=True)).one_or_none()
    if row is None or row.status != "registered":
        raise ValidationError({"_form": "events.not_registered"})
    before = audit.snapshot(row)
    row.status, row.recorded_by = "cancelled", actor.username
    session.flush()
    _audit(session, actor, [row], [before])


def mark_no_shows(*, session: Session, actor: Actor, event_id: int, today: date) -> int:
    """Every registration still 'registered' of an event that has begun becomes a no-show;
    returns how many."""
    authorize(session, actor, "events.write")
    day = _day(today)
    bump(session, "events", "attendance")
    event = load_event(session, event_id)
    if event_day(event) > day or local(event.starts_at) > datetime.now(UTC):
        raise ValidationError({"_form": "events.not_started"})  # absent only once it began
    rows = session.scalars(
        select(Attendance).where(Attendance.event_id == event.id,
                                 Attendance.status == "registered")
        .order_by(Attendance.id).with_for_update()
        .execution_options(populate_existing=True)).all()
    befores = [audit.snapshot(row) for row in rows]
    for row in rows:
        row.status, row.recorded_by = "no_show", actor.username
    session.flush()
    _audit(session, actor, rows, befores)
    return len(rows)
