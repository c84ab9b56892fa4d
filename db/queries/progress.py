"""Progress towards the KPI targets: each indicator's value by the definitions of
../shared/brief/domain.md, the share of its target reached, and the pace projection."""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.models import CampaignMetric, CoachingSession
from db.queries.coaching import sessions_between
from db.queries.community import members_to_date
from db.queries.label import certified_count
from db.queries.pace import CUMULATIVE, projection
from db.queries.targets import all_targets

COLUMNS = ["id", "indicator", "period_start", "period_end", "target_value", "status", "value",
           "share", "projection"]


def impressions_between(session: Session, start: date, end: date) -> int:
    """Campaign impressions of the figures whose period ends from start to end: a figure is
    entered for a period, known once that period is over, and counted in one period only."""
    query = select(func.coalesce(func.sum(CampaignMetric.impressions), 0)).where(
        CampaignMetric.period_end.between(start, end))
    return int(session.scalar(query) or 0)


def artisans_coached(session: Session, start: date, end: date) -> int:
    """Unique artisans with at least one coaching session from start to end."""
    query = select(func.count(func.distinct(CoachingSession.artisan_id))).where(
        CoachingSession.held_on.between(start, end))
    return int(session.scalar(query) or 0)


def indicator_value(session: Session, indicator: str, start: date, end: date) -> int:
    """An indicator's value over a period: for community members and certified artisans, the
    value on its last day (to date); for the flows, the count from start to end."""
    if indicator == "community_members":
        return members_to_date(session, end)
    if indicator == "certified_artisans":
        return certified_count(session, end)  # the 6-year validity on that day
    if indicator == "campaign_impressions":
        return impressions_between(session, start, end)
    if indicator == "artisans_coached":
        return artisans_coached(session, start, end)
    if indicator == "coaching_sessions":
        return sessions_between(session, start, end)
    raise ValueError(f"unknown indicator {indicator!r}")


def status(start: date, end: date, today: date) -> str:
    """'upcoming', 'running' or 'ended': where today stands against a period."""
    return "upcoming" if today < start else "ended" if today > end else "running"


def progress(session: Session, today: date) -> pd.DataFrame:
    """Every target with its status, the value now (at the period's end once it is over),
    the share of the target reached (None for a target of 0) and the pace projection."""
    rows = []
    for target in all_targets(session):
        start, end = target.period_start, target.period_end
        day = min(today, end)
        cumulative = target.indicator in CUMULATIVE
        value = indicator_value(session, target.indicator, start, day)
        at_start = (indicator_value(session, target.indicator, start, start - timedelta(1))
                    if cumulative and start <= today else 0)
        rows.append({
            "id": target.id, "indicator": target.indicator, "period_start": start,
            "period_end": end, "target_value": target.target_value,
            "status": status(start, end, today), "value": value,
            "share": value / target.target_value if target.target_value else None,
            "projection": projection(cumulative=cumulative, start=start, end=end, today=today,
                                     at_start=at_start, now=value)})
    return pd.DataFrame(rows, columns=COLUMNS)
