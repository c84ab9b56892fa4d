"""The coaching dashboard's figures for a period (and optionally one commune or sector of the
artisans), aggregated in SQL, by domain.md's definitions:
- artisans coached: unique artisans with a coaching session held in the period;
- sessions and hours: sessions held in the period, and their minutes / 60;
- follow-ups due in the period: done, cancelled, open, and overdue among the open ones (due
  before today, Brussels; due today is not overdue);
- done on time: done follow-ups (due in the period) closed on or before their due date, as a
  share of those done;
- median days to close: from the session that made a follow-up to the day it was done, over
  the follow-ups done in the period."""

from __future__ import annotations

import functools
from datetime import date
from typing import Any

import pandas as pd
from sqlalchemy import BindParameter, Integer, bindparam, case, cast, extract, func, select
from sqlalchemy.orm import Session

from db.models import CoachingSession, FollowUp
from db.periods import Scope
from db.queries.community import Shape, Statement, in_place, shape
from db.queries.sql_hints import unindexed

# Statements built once per shape of scope (db.queries.community.shape), the period and the
# place bound at each read (see _bound), as the community reads do. Sessions and follow-ups
# are dated, not timed: their bounds are the period's first and last days, named apart from
# the community reads' window of moments (:start, :end) so that neither binds the other's.
FIRST: BindParameter[date] = bindparam("first")
LAST: BindParameter[date] = bindparam("last")
TODAY: BindParameter[date] = bindparam("today")


def _bound(scope: Scope) -> dict[str, Any]:
    """The values of the statements' parameters for a scope: its days and its place."""
    return {"first": scope.period.start, "last": scope.period.end, "commune": scope.commune,
            "sector": scope.sector}


def _days_between(dialect: str, later: Any, earlier: Any) -> Any:
    """Whole days from one date column to another, in SQL (SQLite keeps dates as text)."""
    if dialect == "postgresql":
        return later - earlier  # date - date is an integer of days
    return cast(func.julianday(later) - func.julianday(earlier), Integer)


def _count_if(condition: Any) -> Any:
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def _median(counts: list[tuple[int, int]]) -> float | None:
    """The median of values given as (value, how many times), as statistics.median gives it
    for the values one by one (None without any)."""
    total = sum(n for _, n in counts)
    if not total:
        return None

    def nth(k: int) -> int:  # the k-th value (from 0) in ascending order
        seen = 0
        for value, n in sorted(counts):
            seen += n
            if k < seen:
                return value
        raise IndexError(k)

    middle = total // 2
    return float(nth(middle)) if total % 2 else (nth(middle - 1) + nth(middle)) / 2


def coaching_figures(session: Session, scope: Scope, today: date) -> dict[str, float | None]:
    """Artisans coached, sessions, hours, follow-ups (due in the period) by outcome, overdue,
    the share done on time and the median days to close (None when nothing to measure)."""
    held_of, due_of, closing_of = _figures_statements(shape(scope),
                                                      session.get_bind().dialect.name)
    values = {**_bound(scope), "today": today}
    held = session.execute(held_of, values).one()
    due = session.execute(due_of, values).one()
    closing = [(int(d), int(n)) for d, n in session.execute(closing_of, values)]
    closed = sum(n for _, n in closing)
    done = int(due[0])
    return {
        "artisans_coached": int(held[0]), "sessions": int(held[1]),
        "hours": float(held[2]) / 60,
        "follow_ups_done": done, "follow_ups_cancelled": int(due[1]),
        "follow_ups_open": int(due[2]), "follow_ups_overdue": int(due[3]),
        "done_on_time": int(due[4]) / done if done else None,
        "median_days_to_close": _median(closing),
        "follow_ups_closed": closed,  # the follow-ups the median is taken over
    }


@functools.cache
def _figures_statements(place: Shape, dialect: str) -> tuple[Statement, Statement, Statement]:
    """Sessions held, follow-ups due by outcome, and follow-ups closed per days to close (the
    dialect: how days are counted)."""
    held = in_place(
        select(func.count(func.distinct(CoachingSession.artisan_id)), func.count(),
               func.coalesce(func.sum(CoachingSession.duration_min), 0))
        .where(CoachingSession.held_on.between(FIRST, LAST)), CoachingSession.artisan_id, place)
    due = in_place(
        select(_count_if(FollowUp.status == "done"), _count_if(FollowUp.status == "cancelled"),
               _count_if(FollowUp.status == "open"),
               _count_if((FollowUp.status == "open") & (FollowUp.due_on < TODAY)),
               _count_if((FollowUp.status == "done") & (FollowUp.done_on <= FollowUp.due_on)))
        .where(FollowUp.due_on.between(FIRST, LAST)), FollowUp.artisan_id, place)
    days = _days_between(dialect, FollowUp.done_on, CoachingSession.held_on).label("days")
    # Most follow-ups are done: read through the (status, due_on) index, each would cost a
    # row lookup; a scan of the table is several times cheaper (SQLite; unindexed).
    closing = in_place(  # closed after d days
        select(days, func.count())
        .join(CoachingSession, CoachingSession.id == FollowUp.session_id)
        .where(unindexed(FollowUp.status) == "done", FollowUp.done_on.between(FIRST, LAST))
        .group_by(days), FollowUp.artisan_id, place)
    return held, due, closing


def sessions_by_month(session: Session, scope: Scope) -> pd.DataFrame:
    """Sessions held and artisans coached per month of the period (columns month, sessions,
    artisans), grouped in SQL; months without a session are there with 0."""
    rows = session.execute(_by_month(shape(scope)), _bound(scope)).all()
    counts = {(int(r.year), int(r.month)): (int(r.sessions), int(r.artisans)) for r in rows}
    start, end = scope.period.start, scope.period.end
    months = pd.date_range(pd.Timestamp(start).to_period("M").to_timestamp(), end, freq="MS")
    return pd.DataFrame({
        "month": months,
        "sessions": [counts.get((m.year, m.month), (0, 0))[0] for m in months],
        "artisans": [counts.get((m.year, m.month), (0, 0))[1] for m in months]})


@functools.cache
def _by_month(place: Shape) -> Statement:
    year = extract("year", CoachingSession.held_on).label("year")
    month = extract("month", CoachingSession.held_on).label("month")
    return in_place(
        select(year, month, func.count().label("sessions"),
               func.count(func.distinct(CoachingSession.artisan_id)).label("artisans"))
        .where(CoachingSession.held_on.between(FIRST, LAST))
        .group_by(year, month), CoachingSession.artisan_id, place)
