"""Pure Altair builders of the progress towards a target and its sentences: a flow (sessions,
artisans coached, impressions) counted from the target's first day to each month end, against
the target drawn as a dashed, labelled rule (components.charts.target_layers)."""

from __future__ import annotations

import altair as alt
import pandas as pd

from components.charts import INK, _figure, _readable, monthly_chart, number_axis, target_layers

TARGET_COLUMNS = ["period_start", "period_end", "target_value"]


def _day(value: object) -> str:
    return f"{pd.Timestamp(value):%d/%m/%Y}"  # type: ignore[arg-type]


def progress_overlay(progress: pd.DataFrame, *, month: str, title: str, target_title: str,
                     decimal_comma: bool) -> alt.LayerChart | None:
    """The progress (columns period_start, period_end, target_value, month, value) as a line
    with points per target, in ink, and the targets' rules, on one y axis titled `title`;
    None when there is no target to draw. A layer to join a chart of the same months."""
    if progress.empty:
        return None
    data = pd.DataFrame({
        "month": progress["month"], "value": progress["value"].astype(float),
        "goal": [_day(d) for d in progress["period_start"]],
        "text": [_figure(v, decimal_comma) for v in progress["value"]]})
    line = alt.Chart(data).mark_line(color=INK, strokeWidth=2, point=alt.OverlayMarkDef(
        color=INK, shape="diamond", size=50), aria=False).encode(
        x=alt.X("month:T", title=month, axis=alt.Axis(format="%m/%Y")),
        y=alt.Y("value:Q", axis=number_axis(title, decimal_comma), title=title),
        detail="goal:N",  # one line per target: each counts from its own first day
        tooltip=[alt.Tooltip("month:T", title=month, format="%m/%Y"),
                 alt.Tooltip("text:N", title=title)])
    targets = progress[TARGET_COLUMNS].drop_duplicates()
    layers = target_layers(targets, progress["month"], title=title, target_title=target_title,
                           decimal_comma=decimal_comma)
    return alt.LayerChart(layer=[line, *layers])


def monthly_progress_chart(frame: pd.DataFrame, progress: pd.DataFrame, *, column: str,
                           month: str, title: str, hidden: dict[str, str], decimal_comma: bool,
                           progress_title: str, target_title: str) -> alt.LayerChart:
    """A monthly bar chart (charts.monthly_chart) with the progress towards the flow's targets
    over it (progress_overlay), built in one call, so that chart_view.plot can skip both."""
    overlay = progress_overlay(progress, month=month, title=progress_title,
                               target_title=target_title, decimal_comma=decimal_comma)
    return monthly_chart(frame, column=column, month=month, title=title, hidden=hidden,
                         decimal_comma=decimal_comma, overlay=overlay)


def progress_chart(progress: pd.DataFrame, *, month: str, title: str, target_title: str,
                   decimal_comma: bool) -> alt.LayerChart:
    """The progress towards a flow's targets on a chart of its own (see progress_overlay)."""
    overlay = progress_overlay(progress, month=month, title=title, target_title=target_title,
                               decimal_comma=decimal_comma)
    assert overlay is not None, "a progress chart needs a target"
    return _readable(overlay.properties(height=260))


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
