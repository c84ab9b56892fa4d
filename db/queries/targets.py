"""KPI targets: one value per indicator and period, set and deleted by managers and admins."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session

from db import audit
from db.errors import ValidationError
from db.ids import valid_id
from db.models import KpiTarget
from db.permissions import Actor, authorize
from db.versioning import bump
from db.vocab import INDICATORS

FIRST_DAY, LAST_DAY = date(2000, 1, 1), date(2100, 12, 31)
MAX_YEARS = 5  # a plan runs two years; five is room enough, more is a typing slip
MAX_VALUE = 9_999_999_999  # Numeric(12, 2)
COLUMNS = ["id", "indicator", "period_start", "period_end", "target_value"]


@dataclass(frozen=True)
class Target:
    """One target as read: a form passes its value back as the value it saw."""

    id: int
    indicator: str
    period_start: date
    period_end: date
    target_value: float


def _target(row: KpiTarget) -> Target:
    return Target(row.id, row.indicator, row.period_start, row.period_end,
                  float(row.target_value))


def all_targets(session: Session) -> list[Target]:
    """Every target, newest period first, then by indicator."""
    rows = session.scalars(select(KpiTarget).order_by(
        KpiTarget.period_start.desc(), KpiTarget.indicator, KpiTarget.period_end)).all()
    return [_target(row) for row in rows]


def targets_table(session: Session) -> pd.DataFrame:
    """Every target, newest period first (columns id, indicator, period_start, period_end,
    target_value)."""
    return pd.DataFrame([vars(target) for target in all_targets(session)], columns=COLUMNS)


def from_table(frame: pd.DataFrame) -> list[Target]:
    """The targets of a targets_table frame (say, from the cache) as typed values."""
    return [Target(int(r["id"]), str(r["indicator"]), r["period_start"], r["period_end"],
                   float(r["target_value"])) for r in frame.to_dict("records")]


def target_for(session: Session, indicator: str, day: date) -> Target | None:
    """The target of an indicator whose period holds a day (None: no such target)."""
    row = session.scalars(select(KpiTarget).where(
        KpiTarget.indicator == indicator, KpiTarget.period_start <= day,
        KpiTarget.period_end >= day).order_by(KpiTarget.period_start.desc()).limit(1)).first()
    return None if row is None else _target(row)


def _day_problem(value: object) -> str | None:
    if value is None:
        return "form.required"
    if not isinstance(value, date) or isinstance(value, datetime):
        return "targets.date_invalid"
    if not FIRST_DAY <= value <= LAST_DAY:
        return "targets.date_out_of_range"
    return None


def _years_after(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _value_problem(value: object) -> str | None:
    if value is None:
        return "form.required"
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        return "targets.value_invalid"
    number = float(value)
    if not math.isfinite(number):
        return "targets.value_invalid"
    if number < 0:
        return "targets.value_negative"
    if number > MAX_VALUE:
        return "targets.value_too_large"
    if number != int(number):
        return "targets.value_whole"  # every indicator counts people, sessions or views
    return None


def _input_problems(indicator: object, start: object, end: object,
                    value: object) -> dict[str, str]:
    """What is wrong with the typed values, before any query sees them."""
    errors: dict[str, str] = {}
    if indicator not in INDICATORS:
        errors["indicator"] = "targets.indicator_unknown"
    for field, day in (("period_start", start), ("period_end", end)):
        if problem := _day_problem(day):
            errors[field] = problem
    if not errors.keys() & {"period_start", "period_end"}:
        assert isinstance(start, date) and isinstance(end, date)
        if end < start:
            errors["period_end"] = "targets.end_before_start"
        elif end >= _years_after(start, MAX_YEARS):
            errors["period_end"] = "targets.period_too_long"
    if problem := _value_problem(value):
        errors["target_value"] = problem
    return errors


def _overlapping(session: Session, indicator: str, start: date, end: date) -> KpiTarget | None:
    """Another target of the indicator whose period shares a day with this one."""
    return session.scalars(select(KpiTarget).where(
        KpiTarget.indicator == indicator, KpiTarget.period_start <= end,
        KpiTarget.period_end >= start,
        ~((KpiTarget.period_start == start) & (KpiTarget.period_end == end))).limit(1)).first()


def _same(seen: object, current: KpiTarget | None) -> bool:
    """Whether the form saw the target as it is now (None: no target)."""
    if seen is None or current is None:
        return seen is None and current is None
    if isinstance(seen, bool) or not isinstance(seen, int | float | Decimal):
        return False
    return float(seen) == float(current.target_value)


def set_target(*, session: Session, actor: Actor, indicator: str, period_start: date,
               period_end: date, target_value: float | None, seen: float | None) -> Target:
    """Create the target of an indicator and period, or change its value; `seen` is the value
    the form showed (None: no target), and a target changed since then is refused."""
    bump(session, "targets")  # first: the write lock (SQLite) or row lock (PostgreSQL) that
    authorize(session, actor, "targets.write")  # serialises target writes, so checks hold
    if errors := _input_problems(indicator, period_start, period_end, target_value):
        raise ValidationError(errors)
    current = session.scalars(select(KpiTarget).where(
        KpiTarget.indicator == indicator, KpiTarget.period_start == period_start,
        KpiTarget.period_end == period_end).execution_options(populate_existing=True)
    ).first()
    if not _same(seen, current):
        raise ValidationError({"_form": "targets.changed_meanwhile"})
    if _overlapping(session, indicator, period_start, period_end) is not None:
        raise ValidationError({"period_start": "targets.period_overlaps"})
    value = float(int(target_value or 0))  # checked above: a whole number
    if current is None:
        current = KpiTarget(indicator=indicator, period_start=period_start,
                            period_end=period_end, target_value=value)
        session.add(current)
        session.flush()
        audit.record(session, actor=actor.username, action="create", entity="kpi_targets",
                     entity_id=current.id, before=None, after=audit.snapshot(current))
    elif float(current.target_value) != value:
        before = audit.snapshot(current)
        current.target_value = value
        session.flush()
        audit.record(session, actor=actor.username, action="update", entity="kpi_targets",
                     entity_id=current.id, before=before, after=audit.snapshot(current))
    return _target(current)


def delete_target(*, session: Session, actor: Actor, target_id: int, seen: float) -> None:
    """Delete a target; refused when it is gone or its value changed since the form read it."""
    bump(session, "targets")  # first: the write lock; a refusal rolls it back
    authorize(session, actor, "targets.write")
    if not valid_id(target_id):
        raise ValidationError({"_form": "targets.not_found"})
    current = session.get(KpiTarget, target_id, populate_existing=True, with_for_update=True)
    if current is None:
        raise ValidationError({"_form": "targets.changed_meanwhile"})
    if not _same(seen, current):
        raise ValidationError({"_form": "targets.changed_meanwhile"})
    before = audit.snapshot(current)
    session.delete(current)
    session.flush()
    audit.record(session, actor=actor.username, action="delete", entity="kpi_targets",
                 entity_id=target_id, before=before, after=None)

