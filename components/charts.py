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
                 decimal_comma: bool) -> alt.Chart:
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
