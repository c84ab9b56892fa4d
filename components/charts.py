"""Pure Altair chart builders: aggregated rows in, chart out; they never query."""

from __future__ import annotations

import altair as alt
import pandas as pd

BRAND = "#0b5cad"
ACCENT = "#e4572e"


def number_axis(title: str, decimal_comma: bool) -> alt.Axis:
    """A quantitative axis whose thousands separator follows the language (1.000 or 1,000)."""
    expr = "replace(datum.label, ',', '.')" if decimal_comma else "datum.label"
    return alt.Axis(title=title, labelExpr=expr)


def growth_chart(frame: pd.DataFrame, *, month: str, total: str, new: str,
                 decimal_comma: bool) -> alt.LayerChart:
    """Cumulative members as an area, new members per month as bars, one shared month axis."""
    base = alt.Chart(frame).encode(x=alt.X("month:T", title=month, axis=alt.Axis(format="%m/%Y")))
    area = base.mark_area(color=BRAND, opacity=0.25, line={"color": BRAND}).encode(
        y=alt.Y("total:Q", axis=number_axis(total, decimal_comma)),
        tooltip=[alt.Tooltip("month:T", title=month, format="%m/%Y"),
                 alt.Tooltip("total:Q", title=total),
                 alt.Tooltip("new:Q", title=new)],
    )
    bars = base.mark_bar(color=ACCENT, opacity=0.8, size=6).encode(
        y=alt.Y("new:Q", axis=number_axis(new, decimal_comma)))
    return alt.layer(area, bars).resolve_scale(y="independent").properties(height=300)


def breakdown_chart(frame: pd.DataFrame, *, category: str, category_title: str, title: str,
                    hidden: dict[str, str], decimal_comma: bool) -> alt.LayerChart:
    """Horizontal bars per category; a suppressed cell shows its label (e.g. "< 5"), no bar.

    `hidden` maps the frame's `hidden_as` values ("small", "masked") to their labels."""
    shown = frame["count"].astype("float")
    data = frame.assign(shown=shown, at=shown.fillna(0),
                        text=frame["count"].map(lambda v: "" if pd.isna(v) else f"{int(v)}"))
    for kind, label in hidden.items():
        data.loc[frame["hidden_as"] == kind, "text"] = label
    order = alt.EncodingSortField(field="shown", order="descending")
    top = float(shown.max()) if shown.notna().any() else 0.0
    scale = alt.Scale(domain=[0, max(5.0, top * 1.1)])  # room for labels; all-hidden still fine
    base = alt.Chart(data).encode(
        y=alt.Y(f"{category}:N", title=None, sort=order, axis=alt.Axis(labelLimit=170)),
        tooltip=[alt.Tooltip(f"{category}:N", title=category_title),
                 alt.Tooltip("text:N", title=title)])
    bars = base.mark_bar(color=BRAND).encode(
        x=alt.X("shown:Q", axis=number_axis(title, decimal_comma), scale=scale))
    labels = base.mark_text(align="left", dx=4, color="#1d2733").encode(
        x=alt.X("at:Q", stack=None, scale=scale), text="text:N")
    return alt.layer(bars, labels).properties(height=alt.Step(24))  # type: ignore[return-value]
