"""Pure builders (Vega-Lite specs, components.vega) of the progress towards a target and its
sentences: a flow (sessions, artisans coached, impressions) counted from the target's first day
to each month end, against the target drawn as a dashed, labelled rule
(components.charts.target_layers)."""

from __future__ import annotations

import pandas as pd

from components.charts import (
    INK,
    READABLE,
    _figure,
    month_axis,
    month_tip,
    monthly_chart,
    number_axis,
    target_layers,
)
from components.vega import Spec, chart, field, layer, unit

TARGET_COLUMNS = ["period_start", "period_end", "target_value"]


def _day(value: object) -> str:
    return f"{pd.Timestamp(value):%d/%m/%Y}"  # type: ignore[arg-type]


def progress_overlay(progress: pd.DataFrame, *, month: str, title: str, target_title: str,
                     decimal_comma: bool) -> tuple[Spec, dict[str, pd.DataFrame]] | None:
    """The progress (columns period_start, period_end, target_value, month, value) as a line
    with points per target, in ink, and the targets' rules, on one y axis titled `title`;
    None when there is no target to draw. A layer (and its datasets) to join a chart of the
    same months."""
    if progress.empty:
        return None
    data = pd.DataFrame({
        "month": progress["month"], "value": progress["value"].astype(float),
        "goal": [_day(d) for d in progress["period_start"]],
        "text": [_figure(v, decimal_comma) for v in progress["value"]]})
    line = unit("progress", {"type": "line", "color": INK, "strokeWidth": 2, "point": {
                    "color": INK, "shape": "diamond", "size": 50}, "aria": False},
                x=month_axis(month),
                y=field("value", "quantitative", axis=number_axis(title, decimal_comma),
                        title=title),
                detail=field("goal", "nominal"),  # one line per target: each from its first day
                tooltip=[month_tip(month), field("text", "nominal", title=title)])
    targets = progress[TARGET_COLUMNS].drop_duplicates()
    goals, goal_data = target_layers(targets, progress["month"], title=title,
                                     target_title=target_title, decimal_comma=decimal_comma)
    return layer(line, *goals), {"progress": data, **goal_data}


def monthly_progress_chart(frame: pd.DataFrame, progress: pd.DataFrame, *, column: str,
                           month: str, title: str, hidden: dict[str, str], decimal_comma: bool,
                           progress_title: str, target_title: str) -> Spec:
    """A monthly bar chart (charts.monthly_chart) with the progress towards the flow's targets
    over it (progress_overlay)."""
    overlay = progress_overlay(progress, month=month, title=progress_title,
                               target_title=target_title, decimal_comma=decimal_comma)
    return monthly_chart(frame, column=column, month=month, title=title, hidden=hidden,
                         decimal_comma=decimal_comma, overlay=overlay)


def progress_chart(progress: pd.DataFrame, *, month: str, title: str, target_title: str,
                   decimal_comma: bool) -> Spec:
    """The progress towards a flow's targets on a chart of its own (see progress_overlay)."""
    overlay = progress_overlay(progress, month=month, title=title, target_title=target_title,
                               decimal_comma=decimal_comma)
    assert overlay is not None, "a progress chart needs a target"
    body, datasets = overlay
    return chart(body, datasets, height=260, config=READABLE)


def with_targets(summary: str, targets: pd.DataFrame | None, *, template: str,
                 decimal_comma: bool) -> str:
    """A chart's one-line summary followed by its targets, one sentence each. `template`
    takes {value}, {start} and {end}."""
    if targets is None or targets.empty:
        return summary
    goals = targets[TARGET_COLUMNS].drop_duplicates()
    sentences = [template.format(value=_figure(round(float(value)), decimal_comma),
                                 start=_day(start), end=_day(end))
                 for start, end, value in zip(goals["period_start"], goals["period_end"],
                                              goals["target_value"], strict=True)]
    return " ".join([summary, *sentences])


def progress_summary(progress: pd.DataFrame, *, template: str, decimal_comma: bool) -> str:
    """The progress towards each target in one sentence: the count by its last month against
    the target. `template` takes {value}, {month}, {target}, {start} and {end}."""
    lasts = progress.groupby("period_start", sort=True).tail(1)
    return " ".join(template.format(
        value=_figure(float(value), decimal_comma), month=f"{month:%m/%Y}",
        target=_figure(round(float(goal)), decimal_comma), start=_day(start), end=_day(end))
        for start, end, goal, month, value in zip(
            lasts["period_start"], lasts["period_end"], lasts["target_value"], lasts["month"],
            lasts["value"], strict=True))


def progress_table(progress: pd.DataFrame, *, month: str, title: str, target_title: str,
                   period_title: str, decimal_comma: bool) -> pd.DataFrame:
    """The progress as the table behind "chart data": month, count so far, target and the
    target's period."""
    return pd.DataFrame({
        month: [f"{m:%m/%Y}" for m in progress["month"]],
        title: [_figure(v, decimal_comma) for v in progress["value"]],
        target_title: [_figure(round(float(v)), decimal_comma)
                       for v in progress["target_value"]],
        period_title: [f"{_day(s)} - {_day(e)}" for s, e in
                       zip(progress["period_start"], progress["period_end"], strict=True)]})
