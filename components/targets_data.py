"""Cached reads of the targets screen and of the targets the dashboards' charts draw
(components.data.read, keyed on the data versions); partners are refused them by db/reads.py."""

from __future__ import annotations

from datetime import date

import pandas as pd

from components.data import read
from components.target_charts import TARGET_COLUMNS
from db.periods import Period, Scope
from db.reads import sees_exact


def targets(role: str) -> pd.DataFrame:
    """Every target: id, indicator, period_start, period_end, target_value."""
    frame: pd.DataFrame = read("targets_table", role)
    return frame


def target_progress(today: date, role: str) -> pd.DataFrame:
    """Every target with its status, value now, share reached and pace projection."""
    frame: pd.DataFrame = read("target_progress", role, today)
    return frame


def _region_wide(scope: Scope, role: str) -> bool:
    """Whether a chart may draw targets: staff and up looking at the whole Region (targets are
    region-wide; partners get none)."""
    return sees_exact(role) and scope.commune is None and scope.sector is None


def chart_targets(indicator: str, scope: Scope, role: str) -> pd.DataFrame:
    """An indicator's targets overlapping the scope's period (period_start, period_end,
    target_value), for staff and up looking at the whole Region; empty otherwise."""
    if not _region_wide(scope, role):
        return pd.DataFrame(columns=TARGET_COLUMNS)
    frame: pd.DataFrame = read("chart_targets", role, indicator, scope.period.start,
                               scope.period.end)
    return frame


def growth_targets(growth: pd.DataFrame, today: date, role: str) -> pd.DataFrame:
    """The community members' targets over the months of the Overview's growth chart."""
    if growth.empty:
        return pd.DataFrame(columns=TARGET_COLUMNS)
    first = pd.Timestamp(growth["month"].min()).date()
    return chart_targets("community_members", Scope(Period(first, today)), role)


def flow_progress(indicator: str, scope: Scope, today: date, role: str,
                  whole: bool = True) -> pd.DataFrame:
    """A flow's count from each target's first day to each month end of the scope's period
    (period_start, period_end, target_value, month, value), for staff and up looking at the
    whole Region (and `whole`: say, every campaign); empty otherwise, and when no target
    overlaps the period."""
    if not (whole and _region_wide(scope, role)):
        return pd.DataFrame(columns=[*TARGET_COLUMNS, "month", "value"])
    frame: pd.DataFrame = read("chart_target_progress", role, indicator, scope.period.start,
                               scope.period.end, today)
    return frame
