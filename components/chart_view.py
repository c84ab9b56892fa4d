"""A chart with its text alternative: a one-line summary and its data as a table on demand,
with the table as CSV and the chart as PNG or SVG to download. Charts are Vega-Lite specs from
the pure builders (components.charts and its kin, written with components.vega)."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from components.chart_export import chart_png, chart_svg, file_stem
from components.downloads import csv_bytes
from components.i18n import t
from components.vega import Spec


@dataclass(frozen=True)
class ChartFile:
    """One download of a chart: its kind (csv, png, svg), name, type and maker."""

    kind: str
    name: str
    mime: str
    make: Callable[[], bytes]


def chart_files(chart: Spec, summary: str, table: pd.DataFrame,
                stem: str) -> tuple[ChartFile, ...]:
    """The chart's files, each made only when asked for (a PNG or SVG costs ~0.1 s to draw),
    by pure makers: a download button runs them in another thread, without session state."""
    return (ChartFile("csv", f"{stem}.csv", "text/csv", lambda: csv_bytes(table)),
            ChartFile("png", f"{stem}.png", "image/png", lambda: chart_png(chart, summary)),
            ChartFile("svg", f"{stem}.svg", "image/svg+xml",
                      lambda: chart_svg(chart, summary).encode("utf-8")))


def show_chart(chart: Spec, *, summary: str, table: pd.DataFrame,
               name: str | None = None) -> None:
    """Draw a chart whose summary is also its accessible description (WCAG 1.1.1), followed by
    the summary as text and, behind an expander, the chart's data as a table and the chart's
    downloads. `name` is the files' name (default: from the table's headings)."""
    # A new dict: Streamlit takes the datasets out of the dict it is given.
    st.vega_lite_chart(spec={**chart, "description": summary}, width="stretch", alt=summary)
    st.caption(summary)
    with st.expander(t("chart.data"), icon=":material/table:"):
        st.dataframe(table, hide_index=True, width="stretch")
        stem = file_stem(name or " ".join(str(c) for c in table.columns))
        # Two charts of a page may share headings: their summaries (and figures) differ.
        digest = hashlib.sha256(summary.encode("utf-8")).hexdigest()[:8]
        row = st.container(horizontal=True)
        for file in chart_files(chart, summary, table, stem):
            row.download_button(t(f"chart_export.{file.kind}"), file.make, file_name=file.name,
                                mime=file.mime, key=f"chart_{file.kind}_{stem}_{digest}",
                                help=t(f"chart_export.{file.kind}_help"), on_click="ignore",
                                icon=":material/download:")
