"""The community growth dashboard's figures for a period (and optionally the artisans of one
commune or sector), aggregated in SQL, by domain.md's definitions. The period runs in Brussels
days, up to the end of today at the latest (an event later in the period is not held yet):
- member: an artisan who attended (status attended, walk-ins included) at least one community
  event; members to date: members whose first such event began by the period's end;
- new members: members whose first attended community event is in the period; members of the
  period: unique artisans who attended a community event in it; returning members: members of
  the period who had attended one before it (members of the period - new members);
- events held: community events in the period (all of them: events are open to every
  commune and sector); attendances: attended registrations and walk-ins at them;
- repeat rate: members of the period who attended 2+ community events in it / members of the
  period;
- no-show rate: no-shows / registrations not cancelled (made beforehand: walk-ins are not
  registrations; still-awaited ones count in the base) at the period's community events;
- new vs returning per event: an attendee is new at the community event that is their first
  (of two they attended beginning at the same moment, the one with the lowest id: the new
  members per event add up to the new members).

The whole Region's attendance counts per event come from event_counts, which the database's
triggers keep by these definitions (migration 0013; tests/db/test_event_counts.py checks it
against _counts); a commune's or a sector's count the attendances of its artisans.
"""

from __future__ import annotations

import functools
from datetime import date
from typing import Any

import numpy as np
import pandas as pd
from sqlalchemy import Select, and_, case, func, select
from sqlalchemy.orm import Session

from db.models import Attendance, CommunityMember, Event, EventCount
from db.periods import Scope
from db.queries.community import (
    END,
    START,
    Shape,
    Statement,
    bound,
    members_in,
    of_place,
    shape,
)
from db.queries.event_lists import brussels_column

EVENT_COLUMNS = ["event_id", "starts_at", "title", "attended", "new", "returning", "walk_ins",
                 "registrations", "no_shows", "cancelled", "no_show_rate"]
# The figures' attendance counts, each the sum of a column of community_events.
COUNTS = {"attendances": "attended", "walk_ins": "walk_ins", "registrations": "registrations",
          "no_shows": "no_shows", "cancelled": "cancelled"}


def _count_if(condition: Any) -> Any:
    return func.count(case((condition, 1)))


def _counts(status: Any, walk_in: Any) -> list[Any]:
    """The period's attendance counts (COUNTS, in order) over attendance rows' status and
    walk_in columns: attended, walk-ins, registrations not cancelled, no-shows, cancelled."""
    return [_count_if(status == "attended"), _count_if((status == "attended") & walk_in.is_(True)),
            _count_if(walk_in.is_(False) & (status != "cancelled")), _count_if(status == "no_show"),
            _count_if(status == "cancelled")]


def _attendances(place: Shape) -> Select[Any]:
    """The attendance rows of the place's artisans at community events in [:start, :end)
    (statements built once per shape: db.queries.community.bound gives their values)."""
    columns: list[Any] = [Attendance.event_id, Attendance.artisan_id, Attendance.status,
                          Attendance.walk_in, Event.starts_at]
    return (select(*columns).join(Event, Event.id == Attendance.event_id)
            .where(*_held(), *of_place(Attendance.artisan_id, place)))


def _held() -> list[Any]:
    """Conditions on Event: a community event beginning in [:start, :end)."""
    return [Event.action == "community", Event.starts_at >= START, Event.starts_at < END]


def _kept() -> list[Any]:
    """event_counts' columns, in COUNTS' order: each event's counts (all its attendees), kept
    by the database's triggers (migration 0013) by _counts' definitions."""
    return [EventCount.attended, EventCount.walk_ins, EventCount.registrations,
            EventCount.no_shows, EventCount.cancelled]


@functools.cache
def _figures_statements(place: Shape) -> tuple[Statement, Statement]:
    held = select(func.count()).select_from(Event).where(*_held())
    if place == (False, False):  # the whole Region's: the held events' kept counts, summed
        return (select(*(func.coalesce(func.sum(c), 0) for c in _kept()))
                .join_from(Event, EventCount, EventCount.event_id == Event.id)
                .where(*_held()), held)
    rows = _attendances(place).subquery()
    return select(*_counts(rows.c.status, rows.c.walk_in)), held


def community_figures(session: Session, scope: Scope, today: date) -> dict[str, float | None]:
    """Members to date, new, of the period and returning; events held, attendances, walk-ins,
    registrations, no-shows, cancellations; the repeat rate and the no-show rate (None when
    there is nothing to measure)."""
    counts_of, held_of = _figures_statements(shape(scope))
    values = bound(scope, today)
    counts = session.execute(counts_of, values).one()
    held = session.scalar(held_of, values)
    return figures_of(community_people(session, scope, today),
                      dict(zip(COUNTS, (int(n) for n in counts), strict=True)), int(held or 0))


@functools.cache
def _people_statements(place: Shape) -> tuple[Statement, Statement]:
    rows = _attendances(place).subquery()
    # Per artisan who attended: how many events (one row per event and artisan, unique).
    each = (select(func.count().label("events")).where(rows.c.status == "attended")
            .group_by(rows.c.artisan_id).subquery())
    # Members to date, and those already members before the period: the others are new.
    return (select(func.count(), _count_if(each.c.events >= 2)),
            select(func.count(), _count_if(CommunityMember.first_at < START))
            .where(*members_in(place)))


def community_people(session: Session, scope: Scope, today: date) -> dict[str, int]:
    """The figures that count persons: members to date, new members, members of the period
    (active) and those of them who came twice or more (repeaters)."""
    persons, members_then = _people_statements(shape(scope))
    values = bound(scope, today)
    active, repeaters = (int(n) for n in session.execute(persons, values).one())
    members, before = session.execute(members_then, values).one()
    return {"members": int(members), "new_members": int(members) - int(before),
            "active_members": active, "repeaters": repeaters}


def figures_of(people: dict[str, int], counts: dict[str, int],
               held: int) -> dict[str, float | None]:
    """community_figures from community_people, the attendance counts of the period (COUNTS)
    and the number of events held."""
    active, registrations = people["active_members"], counts["registrations"]
    return {
        "members": people["members"], "new_members": people["new_members"],
        "active_members": active, "returning_members": active - people["new_members"],
        "events_held": held, **counts,
        "repeat_rate": people["repeaters"] / active if active else None,
        "no_show_rate": counts["no_shows"] / registrations if registrations else None,
    }


def figures_with_events(people: dict[str, int], events: pd.DataFrame) -> dict[str, float | None]:
    """community_figures from community_people and community_events of the same scope: the
    per-event counts add up to the period's (every attendance is at one event), and the events
    listed are the events held. The dashboard reads both, at once, instead of reading the
    period's attendances a second time for the figures."""
    return figures_of(people, {figure: int(events[column].sum())
                               for figure, column in COUNTS.items()}, len(events))


def community_events(session: Session, scope: Scope, today: date) -> pd.DataFrame:
    """Per community event held in the period, oldest first: attended (the scope's artisans),
    new and returning among them, walk-ins, registrations not cancelled, no-shows, cancelled
    and the no-show rate (None without registrations). Events without attendance are there
    with 0."""
    per_event, firsts_of = _events_statements(shape(scope))
    values = bound(scope, today)
    result = session.connection().execute(per_event, values).all()  # Core: no ORM work per row
    firsts: dict[int, int] = dict(session.connection().execute(firsts_of, values).all())
    ids, starts, titles = ([r[i] for r in result] for i in range(3))
    # the five counts (COUNTS' order) as one array, one row per event
    came, walk_ins, registrations, no_shows, cancelled = np.array(
        [r[3:] for r in result], dtype=np.int64).reshape(len(result), 5).T
    new = np.array([firsts.get(i, 0) for i in ids], dtype=np.int64)
    kind: Any = None if ids else object  # no event: the dtypes an empty frame had
    return pd.DataFrame({
        "event_id": pd.Series(ids, dtype=kind), "starts_at": brussels_column(starts),
        "title": pd.Series(titles, dtype=kind), "attended": came, "new": new,
        "returning": came - new, "walk_ins": walk_ins, "registrations": registrations,
        "no_shows": no_shows, "cancelled": cancelled,
        "no_show_rate": np.divide(  # NaN without registrations
            no_shows, registrations, out=np.full(len(ids), np.nan), where=registrations > 0)},
        columns=EVENT_COLUMNS)


@functools.cache
def _events_statements(place: Shape) -> tuple[Statement, Statement]:
    if place == (False, False):  # the whole Region's: the counts the triggers keep (0013)
        per_event = (select(Event.id, Event.starts_at, Event.title, *_kept())
                     .join(EventCount, EventCount.event_id == Event.id)
                     .where(*_held()).order_by(Event.starts_at, Event.id))
    else:  # a commune's or a sector's: each event with its attendance rows (none: zeros),
        # counted per event in the order the events are read (by id), so that SQLite needs no
        # sort to group the rows.
        per_event = (select(Event.id, Event.starts_at, Event.title,
                            *_counts(Attendance.status, Attendance.walk_in))
                     .select_from(Event)
                     .outerjoin(Attendance, and_(Attendance.event_id == Event.id,
                                                 *of_place(Attendance.artisan_id, place)))
                     .where(*_held()).group_by(Event.id).order_by(Event.starts_at, Event.id))
    # new: members whose first event (community_members.first_event_id) is this one, counted
    # from the members' index; they attended it, so they are among its attendees.
    firsts = (select(CommunityMember.first_event_id, func.count())
              .where(CommunityMember.first_at >= START, *members_in(place))
              .group_by(CommunityMember.first_event_id))
    return per_event, firsts
