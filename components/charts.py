"""Pure chart builders: aggregated rows in, a Vega-Lite spec out (components.vega); they never
query."""

from __future__ import annotations

from typing import Any

import pandas as pd

from components.chart_colours import sector_colours
from components.vega import Spec, chart, field, layer, unit

# Okabe-Ito colours, told apart with every common colour-vision deficiency, each at 3:1 or more
# against white (WCAG 1.4.11); marks also differ in shape (area vs bars), never colour alone.
BRAND = "#0072B2"
ACCENT = "#D55E00"
INK = "#1d2733"
# One colour per campaign channel, the same on every page: the Okabe-Ito colours that keep 3:1
# on white (vermillion 3.9, reddish purple 3.1, bluish green 3.4, blue 5.2, black 21), and a
# neutral grey (5.1) for "other"; orange, sky blue and yellow stay under 3:1 and are not used.
CHANNEL_COLOURS = {"posters": "#D55E00", "radio": "#CC79A7", "flyers": "#009E73",
                   "social": "#0072B2", "search": "#000000", "other": "#6E6E6E"}


def number_axis(title: str, decimal_comma: bool) -> Spec:
    """A count axis whose thousands separator follows the language (1.000 or 1,000); ticks at
    least 5 apart, so a chart of "< 5" cells shows no 1 to 4 on its axis either."""
    # every separator: a string pattern would replace the first only (1.000,000)
    expr = "replace(datum.label, regexp(',', 'g'), '.')" if decimal_comma else "datum.label"
    return {"title": title, "labelExpr": expr, "tickMinStep": 5}


def _figure(value: float, decimal_comma: bool) -> str:
    """A count as text with the language's thousands separator (1.000 or 1,000)."""
    count = int(value)
    if -1000 < count < 1000:  # most counts: no separator to place (str: 7x faster)
        return str(count)
    text = f"{count:,}"
    return text.replace(",", ".") if decimal_comma else text


def _shown(frame: pd.DataFrame, column: str, hidden: dict[str, str],
           decimal_comma: bool) -> tuple[pd.Series, pd.Series]:
    """A count column as numbers (missing when hidden) and as text; a hidden value shows the
    label of its `<column>_hidden` kind (e.g. "< 5"), so hiding never rests on colour alone."""
    values = frame[column].astype("float")
    if f"{column}_hidden" not in frame and pd.api.types.is_integer_dtype(frame[column]):
        # counts, none hidden or missing (staff's per-event counts: hundreds of rows)
        text = [_figure(n, decimal_comma) for n in frame[column].tolist()]
        return values, pd.Series(text, index=frame.index, dtype="object")
    # plain lists: a few rows, where pandas' per-call cost would be most of the time
    kinds = (frame[f"{column}_hidden"].tolist() if f"{column}_hidden" in frame
             else [""] * len(frame))
    text = [hidden.get(kind, kind) if isinstance(kind, str) and kind else
            "" if v != v else _figure(v, decimal_comma)  # v != v: missing (NaN)
            for v, kind in zip(values.tolist(), kinds, strict=True)]
    return values, pd.Series(text, index=frame.index, dtype="object")


def growth_chart(frame: pd.DataFrame, *, month: str, total: str, new: str,
                 hidden: dict[str, str], decimal_comma: bool, targets: pd.DataFrame | None = None,
                 target_title: str = "") -> Spec:
    """Cumulative members as an area, new members per month as bars, one shared month axis;
    each target of members to date drawn on the members' axis (see target_layers)."""
    totals, total_text = _shown(frame, "total", hidden, decimal_comma)
    news, new_text = _shown(frame, "new", hidden, decimal_comma)
    data = pd.DataFrame({"month": frame["month"], "total": totals, "new": news,
                         "total_text": total_text, "new_text": new_text})
    x = month_axis(month)
    # Marks are hidden from screen readers (aria=False): the chart is one image named by its
    # one-line summary (its description), with its data as a table beside it.
    area = unit("members", {"type": "area", "color": BRAND, "opacity": 0.25,
                            "line": {"color": BRAND}, "aria": False},
                x=x, y=field("total", "quantitative", axis=number_axis(total, decimal_comma)),
                tooltip=[month_tip(month), field("total_text", "nominal", title=total),
                         field("new_text", "nominal", title=new)])
    bars = unit("members", {"type": "bar", "color": ACCENT, "opacity": 0.8, "size": 6,
                            "aria": False},
                x=x, y=field("new", "quantitative", axis=number_axis(new, decimal_comma)))
    goals, goal_data = target_layers(targets, frame["month"], title=total,
                                     target_title=target_title, decimal_comma=decimal_comma)
    return chart(layer(layer(area, *goals), bars), {"members": data, **goal_data},
                 height=300, config=READABLE, independent_y=True)


def breakdown_chart(frame: pd.DataFrame, *, category: str, category_title: str, title: str,
                    hidden: dict[str, str], decimal_comma: bool, in_order: bool = False) -> Spec:
    """Horizontal bars per category; a hidden cell shows its label (e.g. "< 5") and no bar.

    `hidden` maps the frame's `count_hidden` kinds to their labels; `in_order` keeps the
    frame's order of categories (e.g. the steps of a journey) instead of the largest first.
    Sectors (category "sector", by code or name) take their SECTOR_COLOURS, on every page."""
    values, text = _shown(frame, "count", hidden, decimal_comma)
    data = pd.DataFrame({category: frame[category], "shown": values, "at": values.fillna(0),
                         "text": text})
    # The largest first, hidden cells last, as a list: Vega-Lite's sort by a field is undone
    # when the colour encodes the same field with a domain of its own (the sectors' chart).
    order = list(frame[category]) if in_order else [
        name for name, _ in sorted(zip(frame[category], values.fillna(-1.0), strict=True),
                                   key=lambda pair: -pair[1])]
    top = float(values.max()) if values.notna().any() else 0.0
    scale = {"domain": [0, max(5.0, top * 1.1)]}  # room for labels; all-hidden still fine
    y = field(category, "nominal", title=None, sort=order, axis={"labelLimit": 170})
    tooltip = [field(category, "nominal", title=category_title),
               field("text", "nominal", title=title)]
    bars = unit("counts", {"type": "bar", "color": BRAND, "aria": False}, y=y, tooltip=tooltip,
                x=field("shown", "quantitative", axis=number_axis(title, decimal_comma),
                        scale=scale))
    if category == "sector":
        colours = sector_colours()
        names = list(dict.fromkeys(frame[category]))
        bars["encoding"]["color"] = field(category, "nominal", legend=None, scale={
            "domain": names, "range": [colours.get(name, BRAND) for name in names]})
    labels = unit("counts", {"type": "text", "align": "left", "dx": 4, "color": INK,
                             "aria": False},
                  y=y, tooltip=tooltip, x=field("at", "quantitative", stack=None, scale=scale),
                  text=field("text", "nominal"))
    return chart(layer(bars, labels), {"counts": data}, height={"step": 24}, config=READABLE)


def monthly_chart(frame: pd.DataFrame, *, column: str, month: str, title: str,
                  hidden: dict[str, str], decimal_comma: bool,
                  overlay: tuple[Spec, dict[str, pd.DataFrame]] | None = None) -> Spec:
    """A count per month as bars (e.g. coaching sessions), with its figure in the tooltip; a
    hidden month shows its label there and no bar. `overlay` (a layer and its datasets: say,
    the progress towards a target, components.target_charts) is drawn over the bars on its
    own right-hand axis."""
    values, text = _shown(frame, column, hidden, decimal_comma)
    data = pd.DataFrame({"month": frame["month"], "shown": values, "text": text})
    bars = unit("monthly", {"type": "bar", "color": BRAND, "aria": False}, x=month_axis(month),
                y=field("shown", "quantitative", axis=number_axis(title, decimal_comma)),
                tooltip=[month_tip(month), field("text", "nominal", title=title)])
    if overlay is None:
        return chart(layer(bars), {"monthly": data}, height=260, config=READABLE)
    over, over_data = overlay
    return chart(layer(bars, over), {"monthly": data, **over_data}, height=260,
                 config=READABLE, independent_y=True)


def monthly_summary(frame: pd.DataFrame, *, column: str, template: str,
                    hidden: dict[str, str], decimal_comma: bool) -> str:
    """A monthly chart in one sentence: its busiest month and that month's figure. `template`
    takes {months}, {month} and {value}."""
    values, text = _shown(frame, column, hidden, decimal_comma)
    first = int(values.fillna(-1).to_numpy().argmax())
    return template.format(months=len(frame), month=frame["month"].iloc[first].strftime("%m/%Y"),
                           value=text.iloc[first])


# Axis text in the page's ink colour and a legible size, on a laptop or a projector.
READABLE: Spec = {"axis": {"labelColor": INK, "titleColor": INK, "labelFontSize": 12,
                           "titleFontSize": 13}}


def month_axis(title: str) -> Spec:
    """The month axis every monthly chart shares (06/2024)."""
    return field("month", "temporal", title=title, axis={"format": "%m/%Y"})


def month_tip(title: str) -> Spec:
    """The month in a tooltip (06/2024)."""
    return field("month", "temporal", title=title, format="%m/%Y")


def growth_summary(frame: pd.DataFrame, *, template: str, day: str, hidden: dict[str, str],
                   decimal_comma: bool) -> str:
    """The growth chart in one sentence (its text alternative): the last total and the last
    month's new members, as the reader may see them. `template` takes {total}, {new}, {day}."""
    _, totals = _shown(frame.tail(1), "total", hidden, decimal_comma)
    _, news = _shown(frame.tail(1), "new", hidden, decimal_comma)
    return template.format(total=totals.iloc[0], new=news.iloc[0], day=day)


def breakdown_summary(frame: pd.DataFrame, *, category: str, template: str,
                      hidden: dict[str, str], decimal_comma: bool) -> str:
    """A breakdown in one sentence: how many categories and the first of them by value.
    `template` takes {count}, {top} and {value}."""
    values, text = _shown(frame, "count", hidden, decimal_comma)
    first = int(values.fillna(-1).to_numpy().argmax())
    return template.format(count=len(frame), top=frame[category].iloc[first],
                           value=text.iloc[first])


def chart_table(frame: pd.DataFrame, columns: dict[str, str], hidden: dict[str, str],
                decimal_comma: bool) -> pd.DataFrame:
    """A chart's data as the table behind "chart data": `columns` maps the frame's columns to
    their headings; counts appear as on the chart (a hidden one as its label, e.g. "< 5")."""
    out: dict[str, list[Any]] = {}
    for column, heading in columns.items():
        values = frame[column]
        if pd.api.types.is_datetime64_any_dtype(values):
            out[heading] = [f"{m:%m/%Y}" for m in values]  # the charts' month axis
        elif pd.api.types.is_numeric_dtype(values) or f"{column}_hidden" in frame:
            out[heading] = _shown(frame, column, hidden, decimal_comma)[1].tolist()
        else:
            out[heading] = values.tolist()
    return pd.DataFrame(out, columns=list(columns.values()))


def new_returning_chart(frame: pd.DataFrame, *, label: str, label_title: str, new: str,
                        returning: str, hidden: dict[str, str], decimal_comma: bool) -> Spec:
    """New (bottom, orange) and returning (top, blue) attendees stacked per event or month, in
    the frame's order, with a legend; a hidden count shows its label in the tooltip, no bar."""
    news, new_text = _shown(frame, "new", hidden, decimal_comma)
    backs, back_text = _shown(frame, "returning", hidden, decimal_comma)
    order = list(frame[label])
    data = pd.DataFrame({
        "label": order * 2, "kind": [new] * len(frame) + [returning] * len(frame),
        "rank": [0] * len(frame) + [1] * len(frame), "shown": [*news, *backs],
        "new_text": [*new_text, *new_text], "returning_text": [*back_text, *back_text]})
    bars = unit(
        "attendees", {"type": "bar", "stroke": "white", "strokeWidth": 1, "aria": False},
        x=field("label", "ordinal", title=label_title, sort=order, axis={"labelAngle": -45}),
        y=field("shown", "quantitative", stack="zero",
                axis=number_axis(new + " / " + returning, decimal_comma)),
        color=field("kind", "nominal", title=None, legend={"orient": "top"},
                    scale={"domain": [new, returning], "range": [ACCENT, BRAND]}),
        order=field("rank", "quantitative"),
        tooltip=[field("label", "ordinal", title=label_title),
                 field("new_text", "nominal", title=new),
                 field("returning_text", "nominal", title=returning)])
    return chart(layer(bars), {"attendees": data}, height=280, config=READABLE)


def new_returning_summary(frame: pd.DataFrame, *, label: str, template: str,
                          hidden: dict[str, str], decimal_comma: bool) -> str:
    """The new vs returning chart in one sentence: how many bars and the busiest one's figures,
    as the reader may see them. `template` takes {count}, {top}, {new} and {returning}."""
    news, new_text = _shown(frame, "new", hidden, decimal_comma)
    backs, back_text = _shown(frame, "returning", hidden, decimal_comma)
    first = int((news.fillna(0) + backs.fillna(0)).to_numpy().argmax())
    return template.format(count=len(frame), top=frame[label].iloc[first],
                           new=new_text.iloc[first], returning=back_text.iloc[first])


def stock_chart(frame: pd.DataFrame, *, column: str, month: str, title: str,
                targets: pd.DataFrame, target_title: str, hidden: dict[str, str],
                decimal_comma: bool) -> Spec:
    """A stock at each month end (e.g. certified artisans) as a line with points, with its
    targets (see target_layers)."""
    values, text = _shown(frame, column, hidden, decimal_comma)
    data = pd.DataFrame({"month": frame["month"], "shown": values, "text": text})
    line = unit("stock", {"type": "line", "color": BRAND, "point": {"color": BRAND, "size": 40},
                          "aria": False},
                x=month_axis(month),
                y=field("shown", "quantitative", axis=number_axis(title, decimal_comma)),
                tooltip=[month_tip(month), field("text", "nominal", title=title)])
    goals, goal_data = target_layers(targets, frame["month"], title=title,
                                     target_title=target_title, decimal_comma=decimal_comma)
    return chart(layer(line, *goals), {"stock": data, **goal_data}, height=300,
                 config=READABLE)


def stock_summary(frame: pd.DataFrame, *, column: str, template: str, hidden: dict[str, str],
                  decimal_comma: bool) -> str:
    """A stock over months in one sentence: its first and last month and values. `template`
    takes {first_month}, {first}, {last_month} and {last}."""
    _, text = _shown(frame, column, hidden, decimal_comma)
    return template.format(first_month=frame["month"].iloc[0].strftime("%m/%Y"),
                           first=text.iloc[0],
                           last_month=frame["month"].iloc[-1].strftime("%m/%Y"),
                           last=text.iloc[-1])


def _month_of(day: object) -> pd.Timestamp:
    return pd.Timestamp(day).to_period("M").to_timestamp()  # type: ignore[arg-type]


def target_layers(targets: pd.DataFrame | None, months: pd.Series, *, title: str,
                  target_title: str, decimal_comma: bool
                  ) -> tuple[list[Spec], dict[str, pd.DataFrame]]:
    """Each target (period_start, period_end, target_value) as a dashed rule at its value over
    its months within the chart's (`months`), labelled "<target_title>: <value>" and with its
    period in the tooltip, so it differs from the figure by shape and text, not by colour
    alone; drawn on the y scale of the layer it joins (title: that axis's title). The layers
    and their dataset ("targets"), none when there is no target to draw."""
    if targets is None or targets.empty or months.empty:
        return [], {}
    first, last = months.min(), months.max()
    rows = []  # plain lists: a few targets, where pandas' per-call cost would be most of it
    for day_one, day_last, value in zip(targets["period_start"].tolist(),
                                        targets["period_end"].tolist(),
                                        targets["target_value"].astype(float).tolist(),
                                        strict=True):
        start, end = max(_month_of(day_one), first), min(_month_of(day_last), last)
        if start <= end:  # the target shares a month with the chart
            text = f"{target_title}: {_figure(round(value), decimal_comma)}"
            rows.append((start, end, value, text, f"{text} ({pd.Timestamp(day_one):%d/%m/%Y}"
                                                  f" - {pd.Timestamp(day_last):%d/%m/%Y})"))
    if not rows:
        return [], {}
    goals = pd.DataFrame(rows, columns=["start", "end", "target", "label", "about"])
    y = field("target", "quantitative", title=title)
    tooltip = [field("about", "nominal", title=title)]
    rule = unit("targets", {"type": "rule", "color": ACCENT, "strokeDash": [6, 4],
                            "strokeWidth": 2, "aria": False},
                x=field("start", "temporal"), x2={"field": "end"}, y=y, tooltip=tooltip)
    label = unit("targets", {"type": "text", "align": "right", "dy": -8, "color": INK,
                             "aria": False},
                 x=field("end", "temporal"), y=y, text=field("label", "nominal"),
                 tooltip=tooltip)
    return [rule, label], {"targets": goals}


def drawn(frame: pd.DataFrame, *columns: str) -> bool:
    """Something to draw: a count above 0 in one of the columns, or a hidden one ("< 5", in
    `<column>_hidden`): a partner's months of 1 to 4 sessions are not "no sessions"."""
    hides = any(f"{c}_hidden" in frame and bool(frame[f"{c}_hidden"].ne("").any())
                for c in columns)
    return bool(frame[list(columns)].fillna(0).to_numpy().any()) or hides
