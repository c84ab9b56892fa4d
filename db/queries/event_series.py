"""Series of events: the days of a recurrence rule, and a series with all its events at once."""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Mapping
from datetime import date, timedelta
from typing import Any

from sqlalchemy.orm import Session

from db import audit
from db.errors import ValidationError
from db.models import EventSeries
from db.permissions import Actor, authorize
from db.queries.events import (
    FIRST_DAY,
    add_event,
    as_fields,
    clean_event,
    day_problem,
    is_int,
    starts_at,
)
from db.versioning import bump

SERIES_RULES = ("weekly", "every_two_weeks", "monthly_nth_weekday", "monthly_day")
MAX_SERIES = 60
NTHS = (1, 2, 3, 4, -1)  # -1: the last such weekday of the month


def _monthly(first: date, last: date, rule: str, weekday: int, nth: int) -> Iterator[date]:
    month = first.replace(day=1)
    while month <= last:
        following = (month + timedelta(days=31)).replace(day=1)
        if rule == "monthly_day":
            day = month.replace(day=first.day) if first.day <= (following - month).days else None
        elif nth > 0:
            day = month + timedelta(days=(weekday - month.weekday()) % 7 + 7 * (nth - 1))
        else:
            end = following - timedelta(days=1)
            day = end - timedelta(days=(end.weekday() - weekday) % 7)
        if day is not None and first <= day <= last:
            yield day
        month = following


def series_dates(first_day: date, last_day: date, rule: str, weekday: int | None = None,
                 nth: int | None = None) -> list[date]:
    """The days of a series from first_day to last_day (at most MAX_SERIES): weekly or every two
    weeks from first_day, the nth (or last, -1) weekday of each month (0 = Monday), or
    first_day's day of the month (months without it skipped)."""
    errors = {name: problem for name, day in (("first_day", first_day), ("last_day", last_day))
              if (problem := day_problem(day))}
    if not isinstance(rule, str) or rule not in SERIES_RULES:
        errors["rule"] = "events.series_rule_unknown"
    elif rule == "monthly_nth_weekday":
        if not (is_int(weekday) and 0 <= weekday <= 6):  # type: ignore[operator]
            errors["weekday"] = "events.series_weekday_invalid"
        if not (is_int(nth) and nth in NTHS):
            errors["nth"] = "events.series_nth_invalid"
    if not errors and last_day < first_day:
        errors["last_day"] = "events.series_end_before_start"
    if errors:
        raise ValidationError(errors)
    if rule in ("weekly", "every_two_weeks"):
        step = timedelta(days=7 if rule == "weekly" else 14)
        days: Iterator[date] = itertools.takewhile(
            lambda d: d <= last_day, (first_day + i * step for i in itertools.count()))
    else:
        days = _monthly(first_day, last_day, rule, weekday or 0, nth or 1)
    found = list(itertools.islice(days, MAX_SERIES + 1))
    if len(found) > MAX_SERIES:
        raise ValidationError({"last_day": "events.series_too_long"})
    return found


def _recurrence(rule: str, first_day: date, weekday: int | None, nth: int | None) -> str:
    """How a series repeats, as stored in event_series.recurrence (see docs/schema.md)."""
    if rule == "monthly_nth_weekday":
        return f"{rule}:{nth}:{weekday}"
    return f"{rule}:{first_day.day}" if rule == "monthly_day" else rule


def create_series(*, session: Session, actor: Actor, fields: Mapping[str, Any],
                  first_day: date, last_day: date, rule: str, weekday: int | None = None,
                  nth: int | None = None) -> EventSeries:
    """A series and one event per day of series_dates, all at the fields' time (their day is
    ignored); every field's problem is reported at once, and nothing is written."""
    authorize(session, actor, "events.write")
    errors: dict[str, str] = {}
    values: dict[str, Any] = {}
    days: list[date] = []
    try:
        values = clean_event({**as_fields(fields), "day": FIRST_DAY})
    except ValidationError as exc:
        errors |= exc.errors
    try:
        days = series_dates(first_day, last_day, rule, weekday, nth)
    except ValidationError as exc:
        errors |= exc.errors
    if not errors and not days:
        errors["last_day"] = "events.series_empty"
    if errors:
        raise ValidationError(errors)
    bump(session, "events")
    series = EventSeries(title=values["title"], kind=values["kind"], action=values["action"],
                         recurrence=_recurrence(rule, first_day, weekday, nth))
    session.add(series)
    session.flush()
    audit.record(session, actor=actor.username, action="create", entity="event_series",
                 entity_id=series.id, before=None, after=audit.snapshot(series))
    for day in days:
        add_event(session, actor, {**values, "starts_at": starts_at(day, fields["time"])},
                  series.id)
    return series
