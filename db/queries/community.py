"""Community growth: members are artisans who attended at least one community event."""

from __future__ import annotations

from datetime import date, datetime, time

import pandas as pd
from sqlalchemy import Subquery, extract, func, select
from sqlalchemy.orm import Session

from db.models import Artisan, Attendance, Event


def _first_attendance() -> Subquery:
    """Each member's first attended community event (a subquery)."""
    return (
        select(Attendance.artisan_id, func.min(Event.starts_at).label("first_at"))
        .join(Event, Event.id == Attendance.event_id)
        .where(Attendance.status == "attended", Event.action == "community")
        .group_by(Attendance.artisan_id)
        .subquery()
    )


def members_to_date(session: Session, on: date) -> int:
    """Unique artisans who attended a community event up to the end of `on`."""
    first = _first_attendance()
    end = datetime.combine(on, time.max)
    return int(session.scalar(select(func.count()).where(first.c.first_at <= end)) or 0)


def members_by_month(session: Session, on: date) -> pd.DataFrame:
    """New and cumulative community members per month, up to `on` (columns month, new, total)."""
    first = _first_attendance()
    year = extract("year", first.c.first_at).label("year")
    month = extract("month", first.c.first_at).label("month")
    rows = session.execute(
        select(year, month, func.count().label("new"))
        .where(first.c.first_at <= datetime.combine(on, time.max))
        .group_by(year, month).order_by(year, month)
    ).all()
    frame = pd.DataFrame(rows, columns=["year", "month", "new"])
    frame["month"] = pd.to_datetime(
        {"year": frame["year"].astype(int), "month": frame["month"].astype(int), "day": 1})
    frame["total"] = frame["new"].cumsum()
    return frame[["month", "new", "total"]]


def members_by_commune(session: Session, on: date) -> pd.DataFrame:
    """Community members to date per commune of their workshop (columns commune_nis, count).

    Members without a commune form a row whose commune_nis is None, so the counts add up to
    members_to_date: the privacy audit checks the cells against that disclosed total."""
    first = _first_attendance()
    rows = session.execute(
        select(Artisan.commune_nis, func.count().label("count"))
        .join(first, first.c.artisan_id == Artisan.id)
        .where(first.c.first_at <= datetime.combine(on, time.max))
        .group_by(Artisan.commune_nis).order_by(func.count().desc())
    ).all()
    return pd.DataFrame(rows, columns=["commune_nis", "count"])
