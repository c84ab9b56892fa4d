"""Pure Altair builders of the campaign channels' charts, each channel in its colour of
components.charts.CHANNEL_COLOURS (the same on every page) and named beside its bar or in the
legend and tooltip, so a channel is never told by colour alone."""

from __future__ import annotations

import altair as alt
import pandas as pd

from components.charts import CHANNEL_COLOURS, INK, _figure, _readable, number_axis


def _colours(channels: list[str], names: dict[str, str]) -> alt.Scale:
    """The channels' colours, keyed by their names in the reader's language."""
    return alt.Scale(domain=[names[c] for c in channels],
                     range=[CHANNEL_COLOURS[c] for c in channels])


def channel_chart(frame: pd.DataFrame, *, column: str, names: dict[str, str], title: str,
                  channel_title: str, decimal_comma: bool) -> alt.LayerChart:
    """One horizontal bar per channel (in the frame's order) with its figure beside it; the
    channels without that figure are left out."""
    kept = frame[frame[column].notna()]
    values = kept[column].astype(float)
    data = pd.DataFrame({"channel": [names[c] for c in kept["channel"]], "value": values,
                         "text": [_figure(v, decimal_comma) for v in values]})
    order = list(data["channel"])
    scale = alt.Scale(domain=[0, max(5.0, float(values.max() if len(values) else 0) * 1.15)])
    base = alt.Chart(data).encode(
        y=alt.Y("channel:N", title=None, sort=order, axis=alt.Axis(labelLimit=170)),
        tooltip=[alt.Tooltip("channel:N", title=channel_title),
                 alt.Tooltip("text:N", title=title)])
    axis = number_axis(title, decimal_comma)
    axis.tickCount = 5  # millions side by side would run into each other
    bars = base.mark_bar(aria=False).encode(
        x=alt.X("value:Q", axis=axis, scale=scale),
        color=alt.Color("channel:N", scale=_colours(list(kept["channel"]), names), legend=None))
    labels = base.mark_text(align="left", dx=4, color=INK, aria=False).encode(
        x=alt.X("value:Q", scale=scale), text="text:N")
    return _readable(alt.layer(bars, labels).properties(height=alt.Step(28)))


def channel_summary(frame: pd.DataFrame, *, column: str, names: dict[str, str], template: str,
                    decimal_comma: bool) -> str:
    """A channel chart in one sentence: how many channels and the first by its figure.
    `template` takes {count}, {top} and {value}."""
    kept = frame[frame[column].notna()].reset_index(drop=True)
    first = int(kept[column].astype(float).to_numpy().argmax())
    return template.format(count=len(kept), top=names[kept["channel"].iloc[first]],
                           value=_figure(float(kept[column].iloc[first]), decimal_comma))


def channel_series_chart(frame: pd.DataFrame, *, names: dict[str, str], period_title: str,
                         channel_title: str, title: str, decimal_comma: bool) -> alt.LayerChart:
    """Impressions per week or month (column `label`, in the frame's order of `start`) stacked
    by channel, with a legend above and each part's channel and figure in its tooltip."""
    channels = list(dict.fromkeys(frame["channel"]))
    rank = {c: i for i, c in enumerate(channels)}
    data = pd.DataFrame({
        "label": frame["label"], "channel": [names[c] for c in frame["channel"]],
        "rank": [rank[c] for c in frame["channel"]], "value": frame["impressions"].astype(float),
        "text": [_figure(v, decimal_comma) for v in frame["impressions"]]})
    order = list(dict.fromkeys(frame.sort_values("start")["label"]))
    bars = alt.Chart(data).mark_bar(stroke="white", strokeWidth=1, aria=False).encode(
        x=alt.X("label:O", title=period_title, sort=order, axis=alt.Axis(labelAngle=-45)),
        y=alt.Y("value:Q", stack="zero", axis=number_axis(title, decimal_comma)),
        color=alt.Color("channel:N", title=None, scale=_colours(channels, names),
                        legend=alt.Legend(orient="top"), sort=[names[c] for c in channels]),
        order=alt.Order("rank:Q"),
        tooltip=[alt.Tooltip("label:O", title=period_title),
                 alt.Tooltip("channel:N", title=channel_title),
                 alt.Tooltip("text:N", title=title)])
    return _readable(alt.layer(bars).properties(height=300))


def series_summary(frame: pd.DataFrame, *, template: str, decimal_comma: bool) -> str:
    """The series in one sentence: how many weeks or months and the busiest with its total.
    `template` takes {count}, {top} and {value}."""
    totals = frame.groupby("start", sort=True)["impressions"].sum()
    busiest = totals.idxmax()
    label = frame.loc[frame["start"] == busiest, "label"].iloc[0]
    return template.format(count=len(totals), top=label,
                           value=_figure(float(totals.max()), decimal_comma))
