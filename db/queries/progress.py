"""Progress towards the KPI targets: each indicator's value by the definitions of
../shared/brief/domain.md, the share of its target reached, and the pace projection."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any

import pandas as pd
from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from db.models import CampaignMetric, CoachingSession
from db.periods import Period, Scope
from db.queries.coaching import sessions_between
from db.queries.community import members_on_days, members_to_date
from db.queries.label import certified_count
from db.queries.label_kpis import certified_on_days
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


Wanted = tuple[str, date, date]  # an indicator over a period: (indicator, start, end)


def _coached(session: Session, asked: list[Wanted]) -> dict[Wanted, int]:
    """artisans_coached over each period, one query per first day: the artisans coached from
    a day to each of its ends are those whose first session since that day is by that end
    (a minimum per artisan, rather than a set of artisans per period)."""
    values: dict[Wanted, int] = {}
    for start in sorted({w[1] for w in asked}):
        ends = [w for w in asked if w[1] == start]
        first = (select(func.min(CoachingSession.held_on).label("first"))
                 .where(CoachingSession.held_on.between(start, max(w[2] for w in ends)))
                 .group_by(CoachingSession.artisan_id).subquery())
        row = session.execute(select(*(func.count(case((first.c.first <= w[2], 1)))
                                       for w in ends))).one()
        values.update((w, int(v or 0)) for w, v in zip(ends, row, strict=True))
    return values


def _flows(session: Session, wanted: list[Wanted]) -> dict[Wanted, int]:
    """The flows' values (as indicator_value): impressions in one query over the (small)
    figures table, sessions in one query of a count per period (each a range of the held_on
    index), artisans coached by _coached."""
    values: dict[Wanted, int] = {}
    impressions = [w for w in wanted if w[0] == "campaign_impressions"]
    if impressions:
        period_end = CampaignMetric.period_end
        row = session.execute(select(*(
            func.coalesce(func.sum(case((period_end.between(w[1], w[2]),
                                         CampaignMetric.impressions))), 0)
            for w in impressions)).select_from(CampaignMetric)).one()
        values.update((w, int(v or 0)) for w, v in zip(impressions, row, strict=True))
    sessions = [w for w in wanted if w[0] == "coaching_sessions"]
    if sessions:
        row = session.execute(select(*(
            select(func.count()).where(CoachingSession.held_on.between(w[1], w[2]))
            .scalar_subquery() for w in sessions))).one()
        values.update((w, int(v or 0)) for w, v in zip(sessions, row, strict=True))
    values.update(_coached(session, [w for w in wanted if w[0] == "artisans_coached"]))
    return values


def _stocks(session: Session, indicator: str, days: Iterable[date]) -> dict[date, int]:
    """A stock's value on each day, in one query (as indicator_value)."""
    ordered = sorted(set(days))
    if not ordered:
        return {}
    if indicator == "community_members":
        return dict(zip(ordered, members_on_days(session, ordered), strict=True))
    everywhere = Scope(Period(ordered[0], ordered[-1]))  # the whole Region
    return dict(zip(ordered, certified_on_days(session, everywhere, ordered), strict=True))


def indicator_values(session: Session, wanted: Iterable[Wanted]) -> dict[Wanted, int]:
    """indicator_value of each (indicator, start, end), in one query per kind of indicator."""
    asked = sorted(set(wanted))
    values = _flows(session, [w for w in asked if w[0] not in CUMULATIVE])
    for indicator in sorted(CUMULATIVE):
        on = _stocks(session, indicator, (w[2] for w in asked if w[0] == indicator))
        values.update((w, on[w[2]]) for w in asked if w[0] == indicator)
    unknown = [w[0] for w in asked if w not in values]
    if unknown:
        raise ValueError(f"unknown indicator {unknown[0]!r}")
    return values


def progress(session: Session, today: date) -> pd.DataFrame:
    """Every target with its status, the value now (at the period's end once it is over),
    the share of the target reached (None for a target of 0) and the pace projection."""
    targets = all_targets(session)
    now: dict[int, Wanted] = {}
    before: dict[int, Wanted] = {}
    for target in targets:
        start, end = target.period_start, target.period_end
        now[target.id] = (target.indicator, start, min(today, end))
        if target.indicator in CUMULATIVE and start <= today:
            before[target.id] = (target.indicator, start, start - timedelta(1))
    values = indicator_values(session, [*now.values(), *before.values()])
    rows: list[dict[str, Any]] = []
    for target in targets:
        start, end = target.period_start, target.period_end
        cumulative = target.indicator in CUMULATIVE
        value = values[now[target.id]]
        at_start = values[before[target.id]] if target.id in before else 0
        rows.append({
            "id": target.id, "indicator": target.indicator, "period_start": start,
            "period_end": end, "target_value": target.target_value,
            "status": status(start, end, today), "value": value,
            "share": value / target.target_value if target.target_value else None,
            "projection": projection(cumulative=cumulative, start=start, end=end, today=today,
                                     at_start=at_start, now=value)})
    return pd.DataFrame(rows, columns=COLUMNS)
