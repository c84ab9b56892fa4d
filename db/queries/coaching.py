"""Coaching programme: sessions held and follow-ups (open, overdue)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from db.models import CoachingSession, FollowUp


def sessions_between(session: Session, start: date, end: date) -> int:
    """Coaching sessions held from start to end, both included."""
    query = select(func.count()).where(CoachingSession.held_on.between(start, end))
    return int(session.scalar(query) or 0)


def follow_up_counts(session: Session, on: date) -> dict[str, int]:
    """Open follow-ups and, among them, those overdue (due before `on`)."""
    overdue = func.sum(case((FollowUp.due_on < on, 1), else_=0))
    row = session.execute(
        select(func.count(), func.coalesce(overdue, 0)).where(FollowUp.status == "open")
    ).one()
    return {"open": int(row[0]), "overdue": int(row[1])}
