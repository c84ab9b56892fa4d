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

from datetime import date
from statistics import median
from typing import Any

import pandas as pd
from sqlalchemy import case, extract, func, select
from sqlalchemy.orm import Session

from db.models import Artisan, CoachingSession, FollowUp
from db.periods import Scope
from db.queries.community import scope_artisans


def coaching_figures(session: Session, scope: Scope, today: date) -> dict[str, float | None]:
    """Artisans coached, sessions, hours, follow-ups (due in the period) by outcome, overdue,
    the share done on time and the median days to close (None when nothing to measure)."""
    start, end = scope.period.start, scope.period.end
    held = session.execute(
        select(func.count(func.distinct(CoachingSession.artisan_id)), func.count(),
               func.coalesce(func.sum(CoachingSession.duration_min), 0))
        .join(Artisan, Artisan.id == CoachingSession.artisan_id)
        .where(CoachingSession.held_on.between(start, end), *scope_artisans(scope))).one()

    def count_if(condition: Any) -> Any:
        return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)

    due = session.execute(
        select(count_if(FollowUp.status == "done"), count_if(FollowUp.status == "cancelled"),
               count_if(FollowUp.status == "open"),
               count_if((FollowUp.status == "open") & (FollowUp.due_on < today)),
               count_if((FollowUp.status == "done") & (FollowUp.done_on <= FollowUp.due_on)))
        .join(Artisan, Artisan.id == FollowUp.artisan_id)
        .where(FollowUp.due_on.between(start, end), *scope_artisans(scope))).one()
    closing = [(d - h).days for d, h in session.execute(
        select(FollowUp.done_on, CoachingSession.held_on)
        .join(CoachingSession, CoachingSession.id == FollowUp.session_id)
        .join(Artisan, Artisan.id == FollowUp.artisan_id)
        .where(FollowUp.status == "done", FollowUp.done_on.between(start, end),
               *scope_artisans(scope))) if d is not None]
    done = int(due[0])
    return {
        "artisans_coached": int(held[0]), "sessions": int(held[1]),
        "hours": float(held[2]) / 60,
        "follow_ups_done": done, "follow_ups_cancelled": int(due[1]),
        "follow_ups_open": int(due[2]), "follow_ups_overdue": int(due[3]),
        "done_on_time": int(due[4]) / done if done else None,
        "median_days_to_close": float(median(closing)) if closing else None,
    }


def sessions_by_month(session: Session, scope: Scope) -> pd.DataFrame:
    """Sessions held and artisans coached per month of the period (columns month, sessions,
    artisans), grouped in SQL; months without a session are there with 0."""
    start, end = scope.period.start, scope.period.end
    year = extract("year", CoachingSession.held_on).label("year")
    month = extract("month", CoachingSession.held_on).label("month")
    rows = session.execute(
        select(year, month, func.count().label("sessions"),
               func.count(func.distinct(CoachingSession.artisan_id)).label("artisans"))
        .join(Artisan, Artisan.id == CoachingSession.artisan_id)
        .where(CoachingSession.held_on.between(start, end), *scope_artisans(scope))
        .group_by(year, month)).all()
    counts = {(int(r.year), int(r.month)): (int(r.sessions), int(r.artisans)) for r in rows}
    months = pd.date_range(pd.Timestamp(start).to_period("M").to_timestamp(), end, freq="MS")
    return pd.DataFrame({
        "month": months,
        "sessions": [counts.get((m.year, m.month), (0, 0))[0] for m in months],
        "artisans": [counts.get((m.year, m.month), (0, 0))[1] for m in months]})
