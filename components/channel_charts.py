"""Pure builders of the campaign channels' charts (Vega-Lite specs, components.vega), each
channel in its colour of components.charts.CHANNEL_COLOURS (the same on every page) and named
beside its bar or in the legend and tooltip, so a channel is never told by colour alone."""

from __future__ import annotations

import pandas as pd

from components.charts import CHANNEL_COLOURS, INK, READABLE, _figure, number_axis
from components.vega import Spec, chart, field, layer, unit


def _colours(channels: list[str], names: dict[str, str]) -> Spec:
    """The channels' colours, keyed by their names in the reader's language."""
    return {"domain": [names[c] for c in channels], "range": [CHANNEL_COLOURS[c] for c in channels]}


def channel_chart(frame: pd.DataFrame, *, column: str, names: dict[str, str], title: str,
                  channel_title: str, decimal_comma: bool) -> Spec:
    """One horizontal bar per channel (in the frame's order) with its figure beside it; the
    channels without that figure are left out."""
    kept = frame[frame[column].notna()]
    values = kept[column].astype(float)
    data = pd.DataFrame({"channel": [names[c] for c in kept["channel"]], "value": values,
                         "text": [_figure(v, decimal_comma) for v in values]})
    order = list(data["channel"])
    scale = {"domain": [0, max(5.0, float(values.max() if len(values) else 0) * 1.15)]}
    y = field("channel", "nominal", title=None, sort=order, axis={"labelLimit": 170})
    tooltip = [field("channel", "nominal", title=channel_title),
               field("text", "nominal", title=title)]
    # tickCount 5: millions side by side would run into each other
    axis = {**number_axis(title, decimal_comma), "tickCount": 5}
    bars = unit("channels", {"type": "bar", "aria": False}, y=y, tooltip=tooltip,
                x=field("value", "quantitative", axis=axis, scale=scale),
                color=field("channel", "nominal", legend=None,
                            scale=_colours(list(kept["channel"]), names)))
    labels = unit("channels", {"type": "text", "align": "left", "dx": 4, "color": INK,
                               "aria": False},
                  y=y, tooltip=tooltip, x=field("value", "quantitative", scale=scale),
                  text=field("text", "nominal"))
    return chart(layer(bars, labels), {"channels": data}, height={"step": 28}, config=READABLE)


def channel_summary(frame: pd.DataFrame, *, column: str, names: dict[str, str], template: str,
                    decimal_comma: bool) -> str:
    """A channel chart in one sentence: how many channels and the first by its figure.
    `template` takes {count}, {top} and {value}."""
    kept = frame[frame[column].notna()].reset_index(drop=True)
    first = int(kept[column].astype(float).to_numpy().argmax())
    return template.format(count=len(kept), top=names[kept["channel"].iloc[first]],
                           value=_figure(float(kept[column].iloc[first]), decimal_comma))


def channel_series_chart(frame: pd.DataFrame, *, names: dict[str, str], period_title: str,
                         channel_title: str, title: str, decimal_comma: bool) -> Spec:
    """Impressions per week or month (column `label`, in the frame's order of `start`) stacked
    by channel, with a legend above and each part's channel and figure in its tooltip."""
    channels = list(dict.fromkeys(frame["channel"]))
    rank = {c: i for i, c in enumerate(channels)}
    data = pd.DataFrame({
        "label": frame["label"], "channel": [names[c] for c in frame["channel"]],
        "rank": [rank[c] for c in frame["channel"]], "value": frame["impressions"].astype(float),
        "text": [_figure(v, decimal_comma) for v in frame["impressions"]]})
    order = list(dict.fromkeys(frame.sort_values("start")["label"]))
    bars = unit(
        "series", {"type": "bar", "stroke": "white", "strokeWidth": 1, "aria": False},
        x=field("label", "ordinal", title=period_title, sort=order, axis={"labelAngle": -45}),
        y=field("value", "quantitative", stack="zero", axis=number_axis(title, decimal_comma)),
        color=field("channel", "nominal", title=None, scale=_colours(channels, names),
                    legend={"orient": "top"}, sort=[names[c] for c in channels]),
        order=field("rank", "quantitative"),
        tooltip=[field("label", "ordinal", title=period_title),
                 field("channel", "nominal", title=channel_title),
                 field("text", "nominal", title=title)])
    return chart(layer(bars), {"series": data}, height=300, config=READABLE)


def series_summary(frame: pd.DataFrame, *, template: str, decimal_comma: bool) -> str:
    """The series in one sentence: how many weeks or months and the busiest with its total.
    `template` takes {count}, {top} and {value}."""
    totals = frame.groupby("start", sort=True)["impressions"].sum()
    busiest = totals.idxmax()
    label = frame.loc[frame["start"] == busiest, "label"].iloc[0]
    return template.format(count=len(totals), top=label,
                           value=_figure(float(totals.max()), decimal_comma))
