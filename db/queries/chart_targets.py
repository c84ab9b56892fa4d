"""Targets as the dashboards' charts draw them: an indicator's targets over a period, and the
progress of a flow (sessions, artisans coached, impressions) towards its target by month."""

from __future__ import annotations

import functools
from datetime import date, timedelta

import pandas as pd
from sqlalchemy import BindParameter, bindparam, select
from sqlalchemy.orm import Session

from db.models import KpiTarget
from db.queries.community import Statement
from db.queries.pace import CUMULATIVE
from db.queries.progress import indicator_value, indicator_values

COLUMNS = ["period_start", "period_end", "target_value"]
PROGRESS_COLUMNS = [*COLUMNS, "month", "value"]


# The targets' statement built once, the indicator and the period bound at each read: on a
# handful of targets, building and keying it cost as much as running it (as for the
# community reads, db.queries.community).
INDICATOR: BindParameter[str] = bindparam("indicator")
START: BindParameter[date] = bindparam("start")
END: BindParameter[date] = bindparam("end")


def _targets(session: Session, indicator: str, start: date,
             end: date) -> list[tuple[date, date, float]]:
    rows = session.execute(_overlapping(),
                           {"indicator": indicator, "start": start, "end": end}).all()
    return [(s, e, float(v)) for s, e, v in rows]


@functools.cache
def _overlapping() -> Statement:
    """The targets of :indicator sharing a day with :start..:end, earliest first."""
    return (select(KpiTarget.period_start, KpiTarget.period_end, KpiTarget.target_value)
            .where(KpiTarget.indicator == INDICATOR, KpiTarget.period_start <= END,
                   KpiTarget.period_end >= START)
            .order_by(KpiTarget.period_start))


def indicator_targets(session: Session, indicator: str, start: date, end: date) -> pd.DataFrame:
    """The targets of an indicator whose period shares a day with start..end, earliest first
    (columns period_start, period_end, target_value)."""
    return pd.DataFrame(_targets(session, indicator, start, end), columns=COLUMNS)


def _month_ends(first: date, last: date) -> list[date]:
    """The last day of each month from first's to last's, the final one cut at last."""
    ends = []
    day = first.replace(day=1)
    while day <= last:
        following = (day + timedelta(days=32)).replace(day=1)
        ends.append(min(following - timedelta(days=1), last))
        day = following
    return ends


def target_progress(session: Session, indicator: str, start: date, end: date,
                    today: date) -> pd.DataFrame:
    """For each target of a flow indicator overlapping start..end: its count from the target's
    first day to each month end (to today) within both periods, by the Targets page's
    definitions (columns period_start, period_end, target_value, month, value; month is the
    first day of the month)."""
    goals = _targets(session, indicator, start, end)
    spans = [(goal, max(goal[0], start), min(goal[1], end, today)) for goal in goals]
    months = [(goal, day) for goal, first, last in spans if first <= last
              for day in _month_ends(first, last)]
    if indicator in CUMULATIVE:  # a stock: its value on each day (not drawn by the pages)
        values = {(indicator, goal[0], day): indicator_value(session, indicator, goal[0], day)
                  for goal, day in months}
    else:  # a flow: every month of every target in one go
        values = indicator_values(session, [(indicator, goal[0], day) for goal, day in months])
    rows = [(goal_start, goal_end, goal, pd.Timestamp(day.replace(day=1)),
             values[(indicator, goal_start, day)])
            for (goal_start, goal_end, goal), day in months]
    return pd.DataFrame(rows, columns=PROGRESS_COLUMNS)
