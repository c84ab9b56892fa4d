"""Progress towards the KPI targets: each indicator's value by the definitions of
../shared/brief/domain.md, the share of its target reached, and the pace projection."""

from __future__ import annotations

import functools
from bisect import bisect_right
from collections.abc import Iterable
from datetime import date, timedelta
from itertools import accumulate
from typing import Any

import pandas as pd
from sqlalchemy import BindParameter, Date, bindparam, case, func, select
from sqlalchemy.orm import Session

from db.models import CampaignMetric, CoachingSession
from db.periods import Period, Scope
from db.queries.coaching import sessions_between
from db.queries.community import Statement, members_on_days, members_to_date
from db.queries.label import certified_count
from db.queries.label_kpis import certified_on_days
from db.queries.pace import CUMULATIVE, projection
from db.queries.targets import all_targets

COLUMNS = ["id", "indicator", "period_start", "period_end", "target_value", "status", "value",
           "share", "projection"]

# Statements built once (the flows counted in one query: per number of periods asked), the
# periods bound at each read, as the dashboards' reads do (db.queries.community): building and
# keying the 24 month ends of the plan cost more than counting them on a small registry.
FIRST: BindParameter[date] = bindparam("first", type_=Date())
LAST: BindParameter[date] = bindparam("last", type_=Date())
PERIODS_KEPT = 32  # statements kept per flow: a read may ask for any number of periods


def impressions_between(session: Session, start: date, end: date) -> int:
    """Campaign impressions of the figures whose period ends from start to end: a figure is
    entered for a period, known once that period is over, and counted in one period only."""
    return int(session.scalar(_impressions_between(), {"first": start, "last": end}) or 0)


@functools.cache
def _impressions_between() -> Statement:
    return (select(func.coalesce(func.sum(CampaignMetric.impressions), 0))
            .where(CampaignMetric.period_end.between(FIRST, LAST)))


def artisans_coached(session: Session, start: date, end: date) -> int:
    """Unique artisans with at least one coaching session from start to end."""
    return int(session.scalar(_artisans_coached(), {"first": start, "last": end}) or 0)


@functools.cache
def _artisans_coached() -> Statement:
    return (select(func.count(func.distinct(CoachingSession.artisan_id)))
            .where(CoachingSession.held_on.between(FIRST, LAST)))


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


def _bounds(i: int) -> tuple[BindParameter[date], BindParameter[date]]:
    """The i-th period's first and last days (:first_i, :last_i), in a statement of several."""
    return bindparam(f"first_{i}", type_=Date()), bindparam(f"last_{i}", type_=Date())


def _values(asked: list[Wanted]) -> dict[str, date]:
    """The values of _bounds' parameters: each period's first and last days, in order."""
    return {k: v for i, w in enumerate(asked)
            for k, v in ((f"first_{i}", w[1]), (f"last_{i}", w[2]))}


def _coached(session: Session, asked: list[Wanted]) -> dict[Wanted, int]:
    """artisans_coached over each period, one query per first day: the artisans coached from
    a day to each of its ends are those whose first session since that day is by that end
    (a minimum per artisan, rather than a set of artisans per period), counted per day of
    that first session in SQL and added up to each end here: one statement whatever the
    ends, and no test of every artisan against each end (SQLite: 5.4 -> 3.2 ms for a year's
    12 month ends at scale 20)."""
    values: dict[Wanted, int] = {}
    for start in sorted({w[1] for w in asked}):
        ends = [w for w in asked if w[1] == start]
        last = max(w[2] for w in ends)
        rows = session.execute(_first_sessions(), {"first": start, "last": last}).all()
        days = [day for day, _ in rows]
        totals = [0, *accumulate(int(n) for _, n in rows)]  # totals[i]: the first i days'
        values.update((w, totals[bisect_right(days, w[2])]) for w in ends)
    return values


@functools.cache
def _first_sessions() -> Statement:
    """The artisans coached from :first to :last per day of their first session in it, in
    order."""
    first = (select(func.min(CoachingSession.held_on).label("first"))
             .where(CoachingSession.held_on.between(FIRST, LAST))
             .group_by(CoachingSession.artisan_id).subquery())
    return select(first.c.first, func.count()).group_by(first.c.first).order_by(first.c.first)


def _flows(session: Session, wanted: list[Wanted]) -> dict[Wanted, int]:
    """The flows' values (as indicator_value): impressions in one query over the (small)
    figures table, sessions in one query of a count per period (each a range of the held_on
    index), artisans coached by _coached."""
    values: dict[Wanted, int] = {}
    impressions = [w for w in wanted if w[0] == "campaign_impressions"]
    if impressions:
        row = session.execute(_impressions(len(impressions)), _values(impressions)).one()
        values.update((w, int(v or 0)) for w, v in zip(impressions, row, strict=True))
    sessions = [w for w in wanted if w[0] == "coaching_sessions"]
    if sessions:
        row = session.execute(_sessions(len(sessions)), _values(sessions)).one()
        values.update((w, int(v or 0)) for w, v in zip(sessions, row, strict=True))
    values.update(_coached(session, [w for w in wanted if w[0] == "artisans_coached"]))
    return values


@functools.lru_cache(maxsize=PERIODS_KEPT)
def _impressions(periods: int) -> Statement:
    """The impressions of the figures ending from :first_i to :last_i, for each i < periods."""
    return select(*(
        func.coalesce(func.sum(case((CampaignMetric.period_end.between(*_bounds(i)),
                                     CampaignMetric.impressions))), 0)
        for i in range(periods))).select_from(CampaignMetric)


@functools.lru_cache(maxsize=PERIODS_KEPT)
def _sessions(periods: int) -> Statement:
    """The sessions held from :first_i to :last_i, for each i < periods."""
    return select(*(
        select(func.count()).where(CoachingSession.held_on.between(*_bounds(i)))
        .scalar_subquery() for i in range(periods)))


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
